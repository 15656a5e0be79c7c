"""The fact linker's rules as data: named, ordered, documented, each with its examples.

Every way the linker decides what an amount measures (``measured``) or which period it
belongs to (``period``) is a :class:`FactRule` row of ``resources/fact_rules.jsonl``: an
id (``measured.of_noun``), the field it sets, a note saying the linguistic pattern it
serves, and examples that the test suite runs through the real pipeline. The linker keeps
the id of the rule that set each field on the record (``measured_rule``, ``period_rule``),
so a user can see why a figure got its period, ``extractor evaluate --by-rule`` can count
how often each rule fires and is right, and ``--disable-rule ID`` switches one off.

The order of the rows is the order in which the linker tries them: the first rule that
answers sets the field. A rule switched off is skipped, and the next one answers. A
period rule's ``stage`` says when it runs (:data:`STAGES`); its code is the function the
linker registers under its id (``extractor.components.facts.PERIOD_RULES``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache

from ..resources import read_text

FIELDS = ("measured", "period")
RULES_FILE = "fact_rules.jsonl"
_ROW_KEYS = {"id", "field", "kind", "stage", "note", "examples", "enabled"}
# "set": the rule sets the field and the record names it; "filter": the rule only shapes
# which candidate a setting rule may take (a base time ruled out, "today" skipped).
KINDS = ("set", "filter")
# When a setting rule runs: for each amount in turn, the first that answers wins
# ("amount"); for an amount no "amount" rule gave a period or a measured ("fallback"); or
# once over the whole document after every amount is linked ("document": lists,
# "respectively").
STAGES = ("amount", "fallback", "document")
_EXAMPLE_KEYS = {"text", "date", "amount", "expect"}


class FactRuleError(ValueError):
    """A bad row in a fact rules file, or an unknown rule id."""


@dataclass(frozen=True)
class RuleExample:
    """A text in which the rule sets ``field`` of the amount ``amount`` to ``expect``.

    ``expect`` is the measured phrase's head for ``measured`` rules and
    ``(time_start, time_end)`` for ``period`` rules (a list in the file); ``date`` is the
    document date.
    """

    text: str
    amount: str
    expect: str | tuple | None
    date: str | None = None


@dataclass(frozen=True)
class FactRule:
    """One named way of setting a fact field."""

    id: str
    field: str
    note: str
    examples: tuple[RuleExample, ...] = ()
    kind: str = "set"
    stage: str = "amount"
    enabled: bool = True
    order: int = 0


@dataclass(frozen=True)
class RuleSet:
    """The rules in force for one pipeline: all rules, minus the ones switched off."""

    rules: tuple[FactRule, ...]
    disabled: frozenset[str] = field(default_factory=frozenset)
    _index: dict[str, FactRule] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {r.id: r for r in self.rules})

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def on(self, rule_id: str) -> bool:
        """Whether the rule may fire. An id missing from the rules file is a bug."""
        if rule_id not in self._index:
            raise FactRuleError(f"the fact linker names rule {rule_id!r}, not in {RULES_FILE}")
        return rule_id not in self.disabled and self._index[rule_id].enabled

    def stage(self, field_name: str, stage: str) -> list[FactRule]:
        """The rules in force for ``field_name`` at ``stage``, in the file's order."""
        return [
            r for r in self.rules if r.field == field_name and r.stage == stage and self.on(r.id)
        ]

    def without(self, rule_ids: Iterable[str]) -> RuleSet:
        """The same rules with ``rule_ids`` switched off; unknown ids are an error."""
        wanted = list(rule_ids)
        check_rule_ids(wanted, self.rules)
        return RuleSet(self.rules, self.disabled | frozenset(wanted))


def check_rule_ids(rule_ids: Iterable[str], rules: Iterable[FactRule] | None = None) -> None:
    """Raise :class:`FactRuleError` naming every id that is no rule, with near matches."""
    known = [r.id for r in (rules if rules is not None else load_fact_rules())]
    bad = [rid for rid in rule_ids if rid not in known]
    if bad:
        hints = []
        for rid in bad:
            near = get_close_matches(rid, known, n=3, cutoff=0.5)
            hints.append(f"{rid!r}" + (f" (did you mean {', '.join(near)}?)" if near else ""))
        raise FactRuleError(
            f"unknown fact rule {', '.join(hints)}; `extractor rules` lists the "
            f"{len(known)} rule ids"
        )


def parse_fact_rules(text: str, source: str = RULES_FILE) -> tuple[FactRule, ...]:
    """Rules from JSONL text; every bad row is reported at once, as ``source:line``."""
    rules: list[FactRule] = []
    problems: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e.msg})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{where}: a rule is a JSON object")
            continue
        unknown = set(row) - _ROW_KEYS
        missing = {"id", "field", "note"} - set(row)
        if unknown or missing:
            problems.append(
                f"{where}: "
                + "; ".join(
                    [f"unknown key {k!r}" for k in sorted(unknown)]
                    + [f"missing key {k!r}" for k in sorted(missing)]
                )
            )
            continue
        if row["field"] not in FIELDS:
            problems.append(f"{where}: field is one of {', '.join(FIELDS)}, not {row['field']!r}")
            continue
        if row.get("kind", "set") not in KINDS:
            problems.append(f"{where}: kind is one of {', '.join(KINDS)}, not {row['kind']!r}")
            continue
        if row.get("stage", "amount") not in STAGES:
            problems.append(f"{where}: stage is one of {', '.join(STAGES)}, not {row['stage']!r}")
            continue
        if not str(row["id"]).startswith(row["field"] + "."):
            problems.append(f"{where}: id {row['id']!r} should start with {row['field']!r}.")
            continue
        if row["id"] in seen:
            problems.append(f"{where}: rule {row['id']!r} is defined twice")
            continue
        seen.add(row["id"])
        examples = []
        for k, eg in enumerate(row.get("examples") or [], start=1):
            if (
                not isinstance(eg, dict)
                or set(eg) - _EXAMPLE_KEYS
                or not {
                    "text",
                    "amount",
                    "expect",
                }
                <= set(eg)
            ):
                problems.append(
                    f"{where}: example {k} needs text, amount and expect (date optional)"
                )
                continue
            if eg["amount"] not in eg["text"]:
                problems.append(f"{where}: example {k}: amount {eg['amount']!r} not in its text")
                continue
            examples.append(RuleExample(eg["text"], eg["amount"], eg["expect"], eg.get("date")))
        rules.append(
            FactRule(
                id=row["id"],
                field=row["field"],
                note=row["note"],
                examples=tuple(examples),
                kind=row.get("kind", "set"),
                stage=row.get("stage", "amount"),
                enabled=bool(row.get("enabled", True)),
                order=len(rules),
            )
        )
    if problems:
        raise FactRuleError(f"{len(problems)} bad row(s) in {source}:\n  " + "\n  ".join(problems))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_fact_rules() -> tuple[FactRule, ...]:
    """The packaged rules, in the order the linker tries them."""
    return parse_fact_rules(read_text(RULES_FILE))


def default_rule_set(disabled: Iterable[str] = ()) -> RuleSet:
    """All packaged rules, with ``disabled`` switched off."""
    return RuleSet(load_fact_rules()).without(disabled)
