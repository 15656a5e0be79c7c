"""A set of non-overlapping character spans with overlap and containment tests by bisection.

Replaces the all-pairs tests (``any(s < e2 and s2 < e for ...)``) that made choosing the
longest non-overlapping matches quadratic in the number of matches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any


class Intervals:
    """Half-open spans ``[start, end)`` that do not overlap one another.

    ``overlaps`` and ``contains`` take O(log n); ``add`` O(n) for the list insert, a memory
    move that stays negligible next to the matching that finds the spans.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a span of the set, by the all-pairs test
        ``start < e and s < end`` (so an empty span overlaps one that strictly surrounds it).
        """
        # The spans starting before ``end`` are the only candidates; they are sorted by
        # start and do not overlap, so their ends are sorted too: the last one decides.
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def contains(self, start: int, end: int) -> bool:
        """True when one span of the set holds all of ``[start, end)``."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]

    def add(self, start: int, end: int) -> None:
        """Add a non-empty span that overlaps none of the set (else ValueError)."""
        if start >= end or self.overlaps(start, end):
            raise ValueError(f"span {start}-{end} is empty or overlaps the set")
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


class SpanIndex:
    """A fixed collection of spans, which may overlap: overlap and containment tests in
    O(log n) from the spans sorted by start and the running maximum of their ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_ends: list[int] = []
        top = -1
        for _, end in ordered:
            top = max(top, end)
            self._max_ends.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``(s, e)`` has ``start < e and s < end``."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._max_ends[i] > start

    def contains(self, start: int, end: int) -> bool:
        """True when some span ``(s, e)`` has ``s <= start and end <= e``."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._max_ends[i] >= end


class ByStart(list):
    """Spans (anything with ``start_char``) in document order, with the ones that start in
    a character range found by bisection: a component that looks at each item's own
    sentence or paragraph stays linear however many items a document holds."""

    def __init__(self, spans: Iterable[Any] = ()) -> None:
        super().__init__(sorted(spans, key=lambda s: s.start_char))
        self.starts = [s.start_char for s in self]

    def between(self, lo: int, hi: int) -> list[Any]:
        """The spans that start at ``lo`` or after and before ``hi``."""
        return self[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def first_from(self, pos: int) -> Any | None:
        """The first span that starts at ``pos`` or after."""
        i = bisect_left(self.starts, pos)
        return self[i] if i < len(self) else None

    def backwards(self, lo: int, hi: int) -> Iterator[Any]:
        """The spans of :meth:`between` nearest ``hi`` first, lazily: a search for the last
        span that passes a test costs what it reads, not the whole range."""
        i = bisect_left(self.starts, hi)
        while i > 0 and self.starts[i - 1] >= lo:
            i -= 1
            yield self[i]
