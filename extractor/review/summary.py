"""Counts and totals under the review table: per label, per unit, per measure and period.

Totals add figures only where adding means something: amounts of money, mass, area,
length, volume, energy and power, and counted things (jobs, schools, people), of the
same measure ("investment", "output": never one into the other) and the same period.
Percentages, multipliers, time amounts (ages, terms) and rates are counted but never
added, nor are averages and per-head figures stated in money (an average monthly salary
is a rate), parts of a figure already counted ("including 3,870") and figures whose
measure is unknown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from ..resources import read_jsonl
from ..rules.votes import is_attendance, is_vote_tally
from ..scoring import head_word
from .context import sentence_bounds
from .readable import period_of

ADDITIVE_KINDS = frozenset(
    {"currency", "mass", "area", "length", "volume", "energy", "power", "count"}
)
# The unit of a number that counts nothing named (GUIDELINES §2.3): such numbers do not add.
UNNAMED_COUNT = "count"
_ISO_4217 = re.compile(r"^[A-Z]{3}$")
_COUNTED = re.compile(r"^[\p{Ll}][\p{Ll}\-]*$")
# A figure per person or per period, stated without a rate unit: "average monthly salary",
# "per capita income", "350,000 tenge a month".
_RATE_WORDS = re.compile(
    r"(?i)\b(?:average|mean|median|per[\s-]+(?:capita|head|person|day|week|month|year|"
    r"hectare|unit)|monthly|weekly|daily|hourly|an?\s+(?:day|week|month|year|head|person))\b"
)
# What a single wage earner gets is a rate by nature; a salary fund is an amount.
_RATE_HEADS = frozenset({"salary", "wage"})
# A part of a figure stated just before: "including 3,870", "of which 25.4", "among them 12".
_PART_BEFORE = re.compile(
    r"(?i)\b(?:including|incl\.|of\s+(?:which|whom|them|these|those)|"
    r"among\s+(?:them|these|those|which|whom)|in\s+particular)\b[^.;:!?]{0,40}$"
)

# Why an additive figure is left out of the totals.
LEFT_OUT_RATE = "rate"
LEFT_OUT_PART = "part"
LEFT_OUT_UNMEASURED = "unmeasured"
LEFT_OUT_VOTE = "vote"


@lru_cache(maxsize=1)
def unit_kinds() -> dict[str, str]:
    """Unit code -> kind ("currency", "mass", "ratio", ...) from ``resources/units.jsonl``."""
    return {row["code"]: row["kind"] for row in read_jsonl("units.jsonl")}


def unit_kind(unit: str | None) -> str | None:
    """The kind of a unit code, named as the unit lexicon names it: counted nouns are
    "count", rates "rate", unknown None."""
    if not unit:
        return None
    if "/" in unit:
        return "rate"
    kinds = unit_kinds()
    if unit in kinds:
        return kinds[unit]
    if _ISO_4217.match(unit):
        return "currency"
    if _COUNTED.match(unit):
        return "count"
    return None


def is_additive(unit: str | None) -> bool:
    """Whether figures in this unit can be added up (tenge yes, percent and "times" no)."""
    return unit != UNNAMED_COUNT and unit_kind(unit) in ADDITIVE_KINDS


def measure_of(rec: dict) -> str | None:
    """What a figure measures, as its folded head word ("investment"), or None; a gold
    record's list of acceptable heads is kept whole ("product / agriculture")."""
    measured = rec.get("measured")
    if isinstance(measured, list):  # gold: the acceptable head words, all of them the key
        heads = [head_word(m) for m in measured if isinstance(m, str)]
        return " / ".join(h for h in heads if h) or None
    return head_word(measured) if isinstance(measured, str) else None


def left_out(rec: dict, text: str | None = None) -> str | None:
    """Why a figure in an additive unit must not be added, or None.

    Args:
        rec: a QUANTITY record.
        text: its document's text, to see whether the figure is a part of one before it;
            without it only the record is judged.

    Returns:
        :data:`LEFT_OUT_RATE` for an average or per-head figure, :data:`LEFT_OUT_PART` for
        a part of a figure before it in its sentence, :data:`LEFT_OUT_VOTE` for a vote's
        tally or a session's attendance, :data:`LEFT_OUT_UNMEASURED` when
        what it measures is unknown; None when it adds up.
    """
    measured = rec.get("measured")
    words = " ".join(measured) if isinstance(measured, list) else measured or ""
    if _RATE_WORDS.search(f"{words} {rec.get('text') or ''}") or measure_of(rec) in _RATE_HEADS:
        return LEFT_OUT_RATE
    if text is not None and rec.get("end", 0) <= len(text):
        if is_vote_tally(text, rec["start"], rec["end"]) or is_attendance(
            text, rec["start"], rec["end"], rec.get("unit")
        ):
            return LEFT_OUT_VOTE  # "for – 27, abstained – 1": tallies add up to nothing
        lo, _ = sentence_bounds(text, rec["start"], rec["end"])
        if _PART_BEFORE.search(text[lo : rec["start"]]):
            return LEFT_OUT_PART
    if measure_of(rec) is None:
        return LEFT_OUT_UNMEASURED
    return None


@dataclass
class Total:
    """The sum of the figures of one measure, in one unit and period."""

    unit: str
    measured: str
    period: str
    total: float = 0.0
    count: int = 0
    qualified: int = 0  # figures stated as "about", "more than", ...: the total is as stated


@dataclass
class Summary:
    """Facts counted per label, per unit, per review mark, and totalled per unit and period."""

    labels: Counter = field(default_factory=Counter)
    units: Counter = field(default_factory=Counter)
    marks: Counter = field(default_factory=Counter)
    totals: dict[tuple[str, str, str], Total] = field(default_factory=dict)
    ranges: int = 0  # ranges ("3 to 6 years") are counted but not added
    left_out: Counter = field(default_factory=Counter)  # additive figures not added, by reason
    documents: int = 0

    def add(self, rec: dict, mark: str | None = None, text: str | None = None) -> None:
        """Count one shown fact (and its review mark, when compared with gold).

        A missed gold span counts only as a mark: it is not an extracted fact. ``text`` is
        the fact's document, to tell a part ("including 3,870") from a whole.
        """
        if mark:
            self.marks[mark] += 1
        if mark == "missed":
            return
        self.labels[rec["label"]] += 1
        if rec["label"] != "QUANTITY":
            return
        unit = rec.get("unit")
        self.units[unit or "?"] += 1
        if not is_additive(unit):
            return
        value = rec.get("value")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.ranges += rec.get("low") is not None
            return
        reason = left_out(rec, text)
        if reason is not None:
            self.left_out[reason] += 1
            return
        key = (unit, measure_of(rec) or "", period_of(rec))
        total = self.totals.setdefault(key, Total(*key))
        total.total += value
        total.count += 1
        total.qualified += bool(rec.get("qualifier"))

    def sorted_totals(self) -> list[Total]:
        """Totals by unit (most facts first), then measure and period."""
        return sorted(
            self.totals.values(),
            key=lambda t: (-self.units[t.unit], t.unit, t.measured, t.period),
        )
