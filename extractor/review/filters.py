"""Which facts to show, and in what order: the ``--label/--unit/--doc/--grep`` filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any, TypeVar

import regex as re

from ..schema import ENTITY_LABELS
from .context import sentence_bounds

# "ENTITY" on the command line stands for every entity label, as in `extractor evaluate`.
LABEL_GROUPS = {"ENTITY": ENTITY_LABELS}

T = TypeVar("T")


def amount_range(rec: dict) -> tuple[float, float] | None:
    """A quantity's amount as ``(low, high)``: ``(v, v)`` for a value, None when it has none."""
    value = rec.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), float(value)
    low, high = rec.get("low"), rec.get("high")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        return float(low), float(high)
    return None


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class FactFilter:
    """The facts a reviewer asked for; an empty filter accepts everything.

    Attributes:
        labels: labels to keep (``ENTITY`` stands for all entity labels).
        units: unit codes to keep, compared case-insensitively.
        docs: document id patterns (shell wildcards: ``0*_report``).
        min_value: keep amounts reaching this (a range counts if its high end does).
        max_value: keep amounts not above this (a range counts if its low end is not).
        grep: a pattern searched in the span, its sentence, ``measured`` and ``place``.
    """

    labels: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    docs: tuple[str, ...] = ()
    min_value: float | None = None
    max_value: float | None = None
    grep: re.Pattern | None = None

    @classmethod
    def build(
        cls,
        *,
        labels: list[str] | None = None,
        units: list[str] | None = None,
        docs: list[str] | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        grep: str | None = None,
    ) -> FactFilter:
        """A filter from command-line values.

        Raises:
            ValueError: when ``grep`` is not a valid regular expression.
        """
        wanted: set[str] = set()
        for label in labels or []:
            wanted.update(LABEL_GROUPS.get(label.upper(), (label.upper(),)))
        try:
            pattern = re.compile(grep, re.IGNORECASE) if grep else None
        except re.error as err:
            raise ValueError(f"{grep!r} is not a regular expression ({err})") from err
        return cls(
            labels=frozenset(wanted),
            units=frozenset(u.casefold() for u in units or []),
            docs=tuple(docs or ()),
            min_value=min_value,
            max_value=max_value,
            grep=pattern,
        )

    def accepts_doc(self, doc_id: str) -> bool:
        """Whether a document id matches ``docs`` (exactly or as a wildcard pattern)."""
        return not self.docs or any(doc_id == p or fnmatchcase(doc_id, p) for p in self.docs)

    def accepts_label(self, label: str) -> bool:
        """Whether a label is wanted."""
        return not self.labels or label in self.labels

    def accepts(self, rec: dict, text: str | None = None) -> bool:
        """Whether a record passes every filter.

        Args:
            rec: a span record.
            text: its document's text, when known (``--grep`` then searches the sentence).
        """
        if not self.accepts_label(rec["label"]):
            return False
        if self.units and (rec.get("unit") or "").casefold() not in self.units:
            return False
        if self.min_value is not None or self.max_value is not None:
            amount = amount_range(rec)
            if amount is None:
                return False
            if self.min_value is not None and amount[1] < self.min_value:
                return False
            if self.max_value is not None and amount[0] > self.max_value:
                return False
        if self.grep is not None:
            haystack = [
                rec.get("text") or "",
                _as_text(rec.get("measured")),
                _as_text(rec.get("place")),
            ]
            if text is not None and rec["end"] <= len(text):
                lo, hi = sentence_bounds(text, rec["start"], rec["end"])
                haystack.append(text[lo:hi])
            if not any(self.grep.search(h) for h in haystack):
                return False
        return True


def _value_key(rec: dict) -> tuple:
    amount = amount_range(rec)
    return (amount is None, amount[1] if amount else 0.0, rec["start"])


# Each key starts with "missing?", so facts without the field stay last in either order.
SORT_KEYS: dict[str, Callable[[dict], tuple]] = {
    "position": lambda rec: (False, rec["start"], rec["end"], rec["label"]),
    "value": _value_key,
    "label": lambda rec: (False, rec["label"], rec["start"]),
    "unit": lambda rec: (not rec.get("unit"), rec.get("unit") or "", rec["start"]),
    "measured": lambda rec: (
        not rec.get("measured"),
        _as_text(rec.get("measured")).lower(),
        rec["start"],
    ),
    "period": lambda rec: (
        not rec.get("time_start"),
        rec.get("time_start") or "",
        rec.get("time_end") or "",
        rec["start"],
    ),
}


def sort_facts(
    items: list[T], key: str, *, reverse: bool = False, record: Callable[[T], dict] = lambda x: x
) -> list[T]:
    """Items ordered by one of :data:`SORT_KEYS`; those lacking the field come last.

    Args:
        items: records, or objects holding one.
        key: a name in :data:`SORT_KEYS`.
        reverse: descending order (largest value first).
        record: how to get the record from an item.
    """
    fn = SORT_KEYS[key]
    keyed = [(fn(record(item)), item) for item in items]
    present = sorted((k for k in keyed if not k[0][0]), key=lambda k: k[0], reverse=reverse)
    missing = sorted((k for k in keyed if k[0][0]), key=lambda k: k[0])
    return [item for _, item in present + missing]
