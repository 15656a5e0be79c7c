"""The --label/--unit/--doc/--min-value/--max-value/--grep filters and --sort."""

import pytest

from extractor.review.filters import FactFilter, amount_range, sort_facts

TEXT = "In 2020 the akimat invested 5 billion tenge in 12 schools; growth was 4-5%."
JOBS = {
    "doc_id": "d",
    "label": "QUANTITY",
    "start": 0,
    "end": 7,
    "text": "65 jobs",
    "value": 65000,
    "unit": "job",
}
MONEY = {
    **{"doc_id": "d", "label": "QUANTITY", "start": 28, "end": 42, "text": "5 billion tenge"},
    **{"value": 5e9, "unit": "KZT", "measured": "investments", "place": "Almaty"},
}
RANGE = {
    "doc_id": "d",
    "label": "QUANTITY",
    "start": 70,
    "end": 74,
    "text": "4-5%",
    "value": None,
    "low": 4,
    "high": 5,
    "unit": "%",
}
TIME = {
    "doc_id": "d",
    "label": "TIME",
    "start": 3,
    "end": 7,
    "text": "2020",
    "time_start": "2020",
    "time_end": "2020",
}
GPE = {"doc_id": "d", "label": "GPE", "start": 0, "end": 6, "text": "Almaty"}


@pytest.mark.parametrize(
    "options,record,accepted",
    [
        ({}, TIME, True),
        ({"labels": ["quantity"]}, MONEY, True),
        ({"labels": ["QUANTITY"]}, TIME, False),
        ({"labels": ["ENTITY"]}, GPE, True),
        ({"labels": ["ENTITY"]}, MONEY, False),
        ({"units": ["kzt"]}, MONEY, True),
        ({"units": ["KZT"]}, JOBS, False),
        ({"units": ["KZT"]}, TIME, False),
        ({"min_value": 1e9}, MONEY, True),
        ({"min_value": 1e9}, JOBS, False),
        ({"max_value": 1e5}, JOBS, True),
        ({"min_value": 1}, TIME, False),
        ({"min_value": 4.5}, RANGE, True),
        ({"max_value": 4.5}, RANGE, True),
        ({"min_value": 6}, RANGE, False),
        ({"grep": "INVEST"}, MONEY, True),
        ({"grep": "almaty"}, MONEY, True),
        ({"grep": "schools"}, MONEY, True),
        ({"grep": "^65"}, JOBS, True),
        ({"grep": "tenge"}, JOBS, False),
    ],
)
def test_filter_accepts(options, record, accepted):
    assert (
        FactFilter.build(**options).accepts(record, TEXT if record is not JOBS else None)
        is accepted
    )


@pytest.mark.parametrize(
    "patterns,doc_id,accepted",
    [
        ([], "any", True),
        (["a1"], "a1", True),
        (["a*"], "a1", True),
        (["a*"], "b1", False),
        (["b", "0?_x"], "01_x", True),
    ],
)
def test_filter_accepts_doc(patterns, doc_id, accepted):
    assert FactFilter.build(docs=patterns).accepts_doc(doc_id) is accepted


def test_bad_grep_is_a_value_error():
    with pytest.raises(ValueError, match="not a regular expression"):
        FactFilter.build(grep="(")


@pytest.mark.parametrize(
    "record,expected", [(MONEY, (5e9, 5e9)), (RANGE, (4.0, 5.0)), (TIME, None)]
)
def test_amount_range(record, expected):
    assert amount_range(record) == expected


@pytest.mark.parametrize(
    "key,reverse,expected",
    [
        ("position", False, ["65 jobs", "2020", "5 billion tenge", "4-5%"]),
        ("value", False, ["4-5%", "65 jobs", "5 billion tenge", "2020"]),
        ("value", True, ["5 billion tenge", "65 jobs", "4-5%", "2020"]),
        ("unit", False, ["4-5%", "5 billion tenge", "65 jobs", "2020"]),
        ("label", False, ["65 jobs", "5 billion tenge", "4-5%", "2020"]),
        ("period", False, ["2020", "65 jobs", "5 billion tenge", "4-5%"]),
    ],
)
def test_sort_keeps_facts_without_the_field_last(key, reverse, expected):
    got = sort_facts([MONEY, RANGE, TIME, JOBS], key, reverse=reverse)
    assert [r["text"] for r in got] == expected
