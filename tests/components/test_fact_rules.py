"""The fact linker's rules as data: the rules file, and every rule's own examples.

Each example is run through the real pipeline twice: with every rule on, the rule must set
its field of the example's amount to the expected value and record its id; with that rule
switched off, the example must come out differently (where a fallback stands in for an
amount rule, with the field's fallbacks off too).
"""

from __future__ import annotations

import pytest

import extractor
from extractor.components.fact_rules import (
    FactRuleError,
    RuleSet,
    check_rule_ids,
    default_rule_set,
    load_fact_rules,
    parse_fact_rules,
)
from extractor.components.facts import PERIOD_RULES, check_period_rules
from extractor.rules.periods import ordered_period
from extractor.scoring import fold, head_word

RULES = load_fact_rules()
EXAMPLES = [(rule, eg) for rule in RULES for eg in rule.examples]


def _run(nlp, text: str, date: str | None, amount: str, disabled: tuple[str, ...] = ()):
    linker = nlp.get_pipe("extractor_facts")
    saved = linker.rules
    linker.rules = default_rule_set(disabled)
    try:
        doc = nlp.make_doc(text)
        doc._.extractor_date = date
        doc._.extractor_id = "example"
        records = extractor.doc_records(nlp(doc))
    finally:
        linker.rules = saved
    start = text.index(amount)
    hits = [
        r
        for r in records
        if r["label"] == "QUANTITY" and r["start"] < start + len(amount) and start < r["end"]
    ]
    assert hits, f"no quantity found at {amount!r} in {text!r}"
    return hits[0]


def _value(record: dict, field: str):
    if field == "measured":
        return head_word(record.get("measured"))
    return [record.get("time_start"), record.get("time_end")]


def _expected(rule, eg):
    if rule.field == "measured":
        return fold(eg.expect) if eg.expect else None
    return list(eg.expect) if eg.expect is not None else [None, None]


@pytest.mark.parametrize("rule,eg", EXAMPLES, ids=[rule.id for rule, _ in EXAMPLES])
def test_rule_example_fires_and_matters(nlp, rule, eg):
    record = _run(nlp, eg.text, eg.date, eg.amount)
    assert _value(record, rule.field) == _expected(rule, eg)
    if rule.kind == "set":
        assert record.get(f"{rule.field}_rule") == rule.id
    off = _run(nlp, eg.text, eg.date, eg.amount, disabled=(rule.id,))
    fallbacks = {r.id for r in RULES if r.field == rule.field and r.stage == "fallback"}
    if rule.kind == "set" and rule.stage == "amount" and off.get(f"{rule.field}_rule") in fallbacks:
        # a fallback only catches what the amount rules leave: where one stands in for the
        # rule, the rule is judged with its field's fallbacks off
        off = _run(nlp, eg.text, eg.date, eg.amount, disabled=(rule.id, *sorted(fallbacks)))
    assert _value(off, rule.field) != _value(record, rule.field), (
        f"switching {rule.id} off leaves its example unchanged"
    )


def test_every_rule_has_an_example():
    missing = [r.id for r in RULES if not r.examples]
    assert not missing, f"rules without an example: {missing}"


def test_rule_ids_are_unique_and_ordered():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert [r.order for r in RULES] == list(range(len(RULES)))


@pytest.mark.parametrize(
    "line,message",
    [
        ("not json", "not JSON"),
        ('["a list"]', "a rule is a JSON object"),
        ('{"id": "measured.x", "field": "measured"}', "missing key 'note'"),
        ('{"id": "measured.x", "field": "measured", "note": "n", "colour": 1}', "unknown key"),
        ('{"id": "measured.x", "field": "unit", "note": "n"}', "field is one of"),
        ('{"id": "period.x", "field": "measured", "note": "n"}', "should start with"),
        (
            '{"id": "measured.x", "field": "measured", "note": "n", '
            '"examples": [{"text": "5 tons", "amount": "7 tons", "expect": "t"}]}',
            "not in its text",
        ),
    ],
)
def test_bad_rule_rows_are_reported_with_file_and_line(line, message):
    good = '{"id": "measured.ok", "field": "measured", "note": "fine"}'
    with pytest.raises(FactRuleError) as info:
        parse_fact_rules(good + "\n" + line + "\n", source="my_rules.jsonl")
    assert "my_rules.jsonl:2" in str(info.value)
    assert message in str(info.value)


def test_duplicate_rule_ids_are_reported():
    row = '{"id": "measured.ok", "field": "measured", "note": "fine"}'
    with pytest.raises(FactRuleError, match="defined twice"):
        parse_fact_rules(row + "\n" + row)


def test_unknown_rule_id_names_close_matches():
    with pytest.raises(FactRuleError, match="did you mean measured.of_noun"):
        check_rule_ids(["measured.of_nouns"])


def test_disabled_rules_from_the_pipeline_config(nlp):
    text = "Over the year, 3 million square meters of housing were built."
    on = _run(nlp, text, "2024-02-01", "3 million square meters")
    assert on["measured_rule"] == "measured.of_noun"
    custom = extractor.load(disabled_rules=["measured.of_noun"])
    doc = custom.make_doc(text)
    doc._.extractor_date = "2024-02-01"
    doc._.extractor_id = "t"
    records = extractor.doc_records(custom(doc))
    (record,) = [r for r in records if r["label"] == "QUANTITY"]
    assert record.get("measured_rule") != "measured.of_noun"


@pytest.mark.parametrize(
    "period,expected",
    [
        (None, None),
        ((None, None), None),
        (("2019", "2021"), ("2019", "2021")),
        (("2021", "2019"), None),  # runs backwards: no period
        (("2024-06", "2024"), ("2024-06", "2024")),  # equal at the coarser precision
        (("2024-07-01", "2024-06-30"), None),
        (("2019-07", None), ("2019-07", None)),  # open end kept
    ],
)
def test_ordered_period(period, expected):
    assert ordered_period(period) == expected


def test_every_period_rule_has_code_and_every_function_a_rule():
    check_period_rules(default_rule_set())  # the packaged file and the code agree
    rows = RULES + (
        parse_fact_rules('{"id": "period.nowhere", "field": "period", "note": "no code"}')
    )
    with pytest.raises(FactRuleError, match="period.nowhere"):
        check_period_rules(RuleSet(rows))
    assert set(PERIOD_RULES) <= {r.id for r in RULES}


def test_stages_keep_the_file_order_and_drop_disabled_rules():
    rules = default_rule_set(["period.headline"])
    amount = [r.id for r in rules.stage("period", "amount")]
    assert amount == [
        r.id
        for r in RULES
        if r.field == "period" and r.stage == "amount" and r.id != "period.headline"
    ]
    assert [r.id for r in rules.stage("period", "fallback")] == [
        "period.line_label",
        "period.report_frame",
        "period.budget_year",
        "period.rate_today",
        "period.present_state",
        "period.gapped_clause",
    ]
    assert {r.id for r in rules.stage("measured", "document")} == {
        "measured.list_shared",
        "measured.respectively",
    }


def test_a_bad_stage_is_reported():
    with pytest.raises(FactRuleError, match="stage is one of"):
        parse_fact_rules('{"id": "period.x", "field": "period", "stage": "later", "note": "n"}')
