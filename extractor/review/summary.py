"""Counts and totals under the review table: per label, per unit, per unit and period.

Totals add figures only where adding means something: money, mass, area, length,
volume, energy and power, and counted things (jobs, schools, people). Percentages,
multipliers, time amounts (ages, terms) and rates are counted but never added.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex as re

from .readable import period_of

ADDITIVE_KINDS = frozenset(
    {"currency", "mass", "area", "length", "volume", "energy", "power", "counted"}
)
# The unit of a number that counts nothing named (GUIDELINES §2.3): such numbers do not add.
UNNAMED_COUNT = "count"
_ISO_4217 = re.compile(r"^[A-Z]{3}$")
_COUNTED = re.compile(r"^[\p{Ll}][\p{Ll}\-]*$")


@lru_cache(maxsize=1)
def unit_kinds() -> dict[str, str]:
    """Unit code -> kind ("currency", "mass", "ratio", ...) from ``resources/units.jsonl``."""
    text = (
        resources.files("extractor.resources").joinpath("units.jsonl").read_text(encoding="utf-8")
    )
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {row["code"]: row["kind"] for row in rows}


def unit_kind(unit: str | None) -> str | None:
    """The kind of a unit code; counted nouns are "counted", rates "rate", unknown None."""
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
        return "counted"
    return None


def is_additive(unit: str | None) -> bool:
    """Whether figures in this unit can be added up (tenge yes, percent and "times" no)."""
    return unit != UNNAMED_COUNT and unit_kind(unit) in ADDITIVE_KINDS


@dataclass
class Total:
    """The sum of the figures in one unit and period."""

    unit: str
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
    totals: dict[tuple[str, str], Total] = field(default_factory=dict)
    ranges: int = 0  # ranges ("3 to 6 years") are counted but not added
    documents: int = 0

    def add(self, rec: dict, mark: str | None = None) -> None:
        """Count one shown fact (and its review mark, when compared with gold).

        A missed gold span counts only as a mark: it is not an extracted fact.
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
        key = (unit, period_of(rec))
        total = self.totals.setdefault(key, Total(unit, key[1]))
        total.total += value
        total.count += 1
        total.qualified += bool(rec.get("qualifier"))

    def sorted_totals(self) -> list[Total]:
        """Totals by unit (most facts first), then period."""
        return sorted(self.totals.values(), key=lambda t: (-self.units[t.unit], t.unit, t.period))
