"""Figures that disagree: across documents, and within one.

Across documents, facts about the same place (:func:`~extractor.archive.places.place_key`),
indicator, period (the same first and last day), unit and measured head word ("the volume
of investment" and "investment projects" are two things) are compared pairwise when they
come from different documents; changes ("grew by 5%") and parts named after their whole
("of which ...") are left out, only levels are compared. Each figure stands for a range of
values its qualifier allows ("more than 65 thousand": above 65,000; "about 90": 90 give or
take :data:`APPROX`; "3 to 6": 3..6), and two figures agree when their ranges meet, or
come within ``tolerance`` of each other. Agreeing figures of two or more documents are
confirmations; the others are conflicts.

Within one document two patterns are checked in each sentence: a part above its whole
("65 thousand jobs, of which 70 thousand permanent") and shares of one whole that add up
to more than 100% ("of which 60% ..., 30% ... and 25% ...").
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..resources import read_json
from ..rules.rx import rx
from ..scoring import head_word
from .query import Filters, where_clause
from .store import Archive

# How far "about 90" reaches each way.
APPROX = 0.05
DEFAULT_TOLERANCE = 0.01
# Words that start the parts of a whole named just before: "65 thousand jobs, of which ...".
_PART_MARKER = rx(r"(?i)\b(?:of\s+which|of\s+them|of\s+these|including|among\s+them|incl\.)")
# A percentage that is a change, not a share: "grew by 5%", "up 3%".
_CHANGE_BEFORE = rx(r"(?i)\b(?:by|up|down)\s+(?:about\s+|almost\s+|nearly\s+)?$")
_PART_GAP = 60  # characters between a whole and its first part: "jobs, of which "
# A change, not a level: "grew by 5%", "which is 1.2 trillion more than", "an increase of".
_CHANGE_AFTER = rx(r"(?i)^\W{0,3}(?:\w+\s+){0,3}?(?:more|less|higher|lower|fewer)\s+than\b")
_CHANGE_WORDS_BEFORE = rx(
    r"(?i)\b(?:increased?|decreased?|grew|gr[oa]wth|rose|fell|declined?|up|down|added)\s+"
    r"(?:by\s+)?(?:\w+\s+){0,2}$"
)
CHANGE, PART = "change", "part"

# Nouns that hold what they measure after "of" (the fact linker's list).
_CONTAINERS = frozenset(read_json("fact_words.json")["containers"])

CONFLICT, AGREEMENT = "conflict", "agreement"
PART_ABOVE_WHOLE, SHARES_OVER_100 = "part above whole", "shares over 100%"

_FACT_COLUMNS = (
    "doc_id", "start", "end", "text", "value", "low", "high", "unit", "qualifier", "measured",
    "indicator", "place", "place_key", "time_start", "time_end", "period_start", "period_end",
    "speaker", "sentence", "sentence_start",
)  # fmt: skip


def role_of(sentence: str | None, start: int, end: int) -> str | None:
    """Whether a figure is a change (``"change"``: "grew by 5%", "1.2 trillion more than
    in 2023") or a part of a whole named before it (``"part"``: "..., of which 45
    thousand"), given its sentence and its offsets in it; None for a level of its own.
    Changes and parts are not compared across documents: only levels are."""
    if not sentence:
        return None
    before, after = sentence[:start], sentence[end:]
    if (
        _CHANGE_BEFORE.search(before)
        or _CHANGE_WORDS_BEFORE.search(before)
        or _CHANGE_AFTER.search(after)
    ):
        return CHANGE
    if _PART_MARKER.search(before):
        return PART
    return None


def measured_key(measured: str | None) -> str | None:
    """What a measured phrase is of, for comparing two facts: its head word, or, for a
    container ("the cost of a pupil place", "the volume of investment"), the head of what
    it contains ("place", "investment")."""
    if not measured:
        return None
    head = head_word(measured)
    words = measured.lower().split()
    if head in _CONTAINERS and "of" in words[1:]:
        return head_word(" ".join(words[words.index("of", 1) + 1 :])) or head
    return head


def parse_tolerance(value: str) -> float:
    """``"1%"`` -> 0.01, ``"0.02"`` -> 0.02.

    Raises:
        ValueError: for a negative or unreadable tolerance.
    """
    text = value.strip()
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise ValueError(
            f"tolerance {value!r}: write a percentage (1%) or a fraction (0.01)"
        ) from None
    if number < 0 or math.isnan(number):
        raise ValueError(f"tolerance {value!r} is negative")
    return number


@dataclass(frozen=True)
class Bounds:
    """The values a figure allows: ``low`` to ``high`` (infinite for an open side)."""

    low: float
    high: float


def bounds_of(
    value: float | None, low: float | None, high: float | None, qualifier: str | None
) -> Bounds | None:
    """The range a figure allows: exact, a range, or opened by its qualifier.

    "more than 65" (over) and "at least 65" (min) allow 65 and above, "less than 65"
    (under) and "up to 65" (max) 65 and below, "about 90" (approx) 90 ± :data:`APPROX`.
    """
    if value is None:
        if low is None or high is None:
            return None
        return Bounds(min(low, high), max(low, high))
    if qualifier in ("over", "min"):
        return Bounds(value, math.inf)
    if qualifier in ("under", "max"):
        return Bounds(-math.inf, value)
    if qualifier == "approx":
        reach = abs(value) * APPROX
        return Bounds(value - reach, value + reach)
    return Bounds(value, value)


def agree(a: Bounds, b: Bounds, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Whether two figures can state the same amount: their ranges meet, or the gap
    between them is at most ``tolerance`` of the larger end."""
    top, bottom = max(a.low, b.low), min(a.high, b.high)
    if top <= bottom:
        return True
    return top - bottom <= tolerance * max(abs(top), abs(bottom))


def gap(a: Bounds, b: Bounds) -> float:
    """How far apart two figures are, relative to the larger (0 when they meet)."""
    top, bottom = max(a.low, b.low), min(a.high, b.high)
    if top <= bottom:
        return 0.0
    return (top - bottom) / max(abs(top), abs(bottom))


@dataclass(frozen=True)
class Fact:
    """A fact read back from the archive, with its document's date."""

    doc_id: str
    start: int
    end: int
    text: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    measured: str | None
    indicator: str | None
    place: str | None
    place_key: str | None
    time_start: str | None
    time_end: str | None
    period_start: Any
    period_end: Any
    speaker: str | None
    sentence: str | None
    sentence_start: int | None
    date: str | None = None

    @property
    def bounds(self) -> Bounds | None:
        return bounds_of(self.value, self.low, self.high, self.qualifier)

    @property
    def role(self) -> str | None:
        """``change``, ``part`` or None (a level): see :func:`role_of`."""
        if self.sentence is None or self.sentence_start is None:
            return None
        offset = self.sentence_start
        return role_of(self.sentence, self.start - offset, self.end - offset)

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in (*_FACT_COLUMNS, "date")}
        out["period_start"] = str(self.period_start) if self.period_start else None
        out["period_end"] = str(self.period_end) if self.period_end else None
        return out


@dataclass(frozen=True)
class Finding:
    """Figures that disagree (``conflict``), confirm each other (``agreement``), or a part
    above its whole or shares over 100% in one document; ``gap`` is how far apart."""

    kind: str
    facts: tuple[Fact, ...]
    gap: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "gap": round(self.gap, 4),
            "facts": [f.to_dict() for f in self.facts],
        }


def load_facts(archive: Archive, filters: Filters | None = None) -> list[Fact]:
    """The archive's facts that have a value, with their documents' dates, in order."""
    where, params = where_clause(filters or Filters())
    columns = ", ".join(f'f."{c}"' for c in _FACT_COLUMNS)
    rows = archive.con.execute(
        f"SELECT {columns}, d.date FROM facts f JOIN documents d USING (doc_id) "
        f"WHERE (f.value IS NOT NULL OR (f.low IS NOT NULL AND f.high IS NOT NULL)) AND {where} "
        "ORDER BY f.doc_id, f.start",
        params,
    ).fetchall()
    return [Fact(*row) for row in rows]


def across_documents(
    facts: list[Fact], tolerance: float = DEFAULT_TOLERANCE
) -> tuple[list[Finding], list[Finding]]:
    """Conflicts and agreements between documents.

    Returns:
        ``(conflicts, agreements)``: a conflict is a pair of facts of two documents that
        do not agree, largest gap first; an agreement is a group of facts of two or more
        documents that all agree with one another.
    """
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if (
            fact.indicator
            and fact.place_key
            and fact.period_start
            and fact.unit
            and fact.role is None
        ):
            key = (
                fact.indicator,
                fact.place_key,
                fact.period_start,
                fact.period_end,
                fact.unit,
                measured_key(fact.measured),
            )
            groups[key].append(fact)
    conflicts: list[Finding] = []
    agreements: list[Finding] = []
    for _, group in sorted(groups.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        if len({f.doc_id for f in group}) < 2:
            continue
        for a, b in combinations(group, 2):
            if a.doc_id == b.doc_id:
                continue
            ba, bb = a.bounds, b.bounds
            if ba is None or bb is None or agree(ba, bb, tolerance):
                continue
            first, second = sorted((a, b), key=lambda f: (str(f.date or ""), f.doc_id))
            conflicts.append(Finding(CONFLICT, (first, second), gap(ba, bb)))
        agreements.extend(_agreeing_groups(group, tolerance))
    conflicts.sort(key=lambda f: -f.gap)
    return conflicts, agreements


def _agreeing_groups(group: list[Fact], tolerance: float) -> list[Finding]:
    """Groups of facts of two or more documents that all agree, each fact in one group."""
    out: list[Finding] = []
    left = [f for f in group if f.bounds is not None]
    while left:
        seed, rest = left[0], left[1:]
        members = [seed]
        for fact in rest:
            if all(agree(fact.bounds, m.bounds, tolerance) for m in members):  # type: ignore[arg-type]
                members.append(fact)
        left = [f for f in left if f not in members]
        if len({m.doc_id for m in members}) >= 2:
            out.append(Finding(AGREEMENT, tuple(members)))
    return out


def within_documents(facts: list[Fact], tolerance: float = DEFAULT_TOLERANCE) -> list[Finding]:
    """Parts above their whole, and shares over 100%, in the sentences of each document."""
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.sentence is not None and fact.sentence_start is not None:
            by_sentence[(fact.doc_id, fact.sentence_start)].append(fact)
    out: list[Finding] = []
    for (_, offset), items in by_sentence.items():
        items.sort(key=lambda f: f.start)
        sentence = items[0].sentence or ""
        out.extend(_parts_above_whole(items, sentence, offset, tolerance))
        shares = _shares_over_100(items, sentence, offset, tolerance)
        if shares is not None:
            out.append(shares)
    return out


def _parts_above_whole(
    items: list[Fact], sentence: str, offset: int, tolerance: float
) -> list[Finding]:
    out = []
    for whole, part in zip(items, items[1:], strict=False):
        between = sentence[whole.end - offset : part.start - offset]
        if (
            whole.unit != part.unit
            or whole.unit == "%"
            or (whole.period_start, whole.period_end) != (part.period_start, part.period_end)
            or len(between) > _PART_GAP
            or not _PART_MARKER.search(between)
        ):
            continue
        bw, bp = whole.bounds, part.bounds
        if bw is None or bp is None:
            continue
        # the part's least value above the whole's greatest one, beyond the tolerance
        if bp.low > bw.high and not agree(
            Bounds(bp.low, bp.low), Bounds(bw.high, bw.high), tolerance
        ):
            out.append(Finding(PART_ABOVE_WHOLE, (whole, part), gap(bw, bp)))
    return out


def _shares_over_100(
    items: list[Fact], sentence: str, offset: int, tolerance: float
) -> Finding | None:
    marker = _PART_MARKER.search(sentence)
    if marker is None:
        return None
    shares = [
        f
        for f in items
        if f.unit == "%"
        and f.start - offset >= marker.end()
        and f.bounds is not None
        and 0 <= f.bounds.low <= 100  # above 100 is an index ("107.3%"), not a share
        and not _CHANGE_BEFORE.search(sentence[: f.start - offset])
    ]
    if len(shares) < 2:
        return None
    total = sum(f.bounds.low for f in shares)  # type: ignore[union-attr]
    if total <= 100 * (1 + tolerance):
        return None
    return Finding(SHARES_OVER_100, tuple(shares), (total - 100) / 100)


def find_conflicts(
    archive: Archive, filters: Filters | None = None, tolerance: float = DEFAULT_TOLERANCE
) -> tuple[list[Finding], list[Finding]]:
    """Every finding of an archive: ``(problems, agreements)``; problems are the conflicts
    between documents, then the parts above their whole and shares over 100%."""
    facts = load_facts(archive, filters)
    conflicts, agreements = across_documents(facts, tolerance)
    return conflicts + within_documents(facts, tolerance), agreements
