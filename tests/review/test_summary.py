"""Counts and totals under the review table: only what adds up is added."""

import pytest

from extractor.review.summary import Summary, is_additive, unit_kind


@pytest.mark.parametrize(
    "unit,kind,additive",
    [
        ("KZT", "currency", True),
        ("USD", "currency", True),
        ("AZN", "currency", True),  # an ISO 4217 code not in our table
        ("t", "mass", True),
        ("m2", "area", True),
        ("MW", "power", True),
        ("job", "counted", True),
        ("school", "counted", True),
        ("%", "ratio", False),
        ("x", "ratio", False),
        ("year", "time", False),
        ("t/year", "rate", False),
        ("KZT/person", "rate", False),
        ("count", "counted", False),
        (None, None, False),
    ],
)
def test_what_adds_up(unit, kind, additive):
    assert unit_kind(unit) == kind
    assert is_additive(unit) is additive


def q(value, unit, start="2020", end="2020", qualifier=None, **extra):
    rec = {"label": "QUANTITY", "start": 0, "end": 1, "value": value, "unit": unit}
    return {**rec, "qualifier": qualifier, "time_start": start, "time_end": end, **extra}


def test_totals_per_unit_and_period():
    summary = Summary()
    for rec in [
        q(5e9, "KZT"),
        q(1e9, "KZT", qualifier="over"),
        q(2e9, "KZT", "2019", "2019"),
        q(12, "%"),
        q(3, "x"),
        q(None, "job", low=10, high=20),
        q(100, "job", None, None),
    ]:
        summary.add(rec)
    summary.add({"label": "TIME", "start": 0, "end": 4})
    got = {(t.unit, t.period): (t.total, t.count, t.qualified) for t in summary.sorted_totals()}
    assert got == {
        ("KZT", "2020"): (6e9, 2, 1),
        ("KZT", "2019"): (2e9, 1, 0),
        ("job", ""): (100, 1, 0),
    }
    assert summary.labels == {"QUANTITY": 7, "TIME": 1}
    assert summary.units == {"KZT": 3, "job": 2, "%": 1, "x": 1}
    assert summary.ranges == 1


def test_missed_gold_spans_count_only_as_marks():
    summary = Summary()
    summary.add(q(5, "KZT"), "missed")
    summary.add(q(7, "KZT"), "correct")
    assert summary.marks == {"missed": 1, "correct": 1}
    assert summary.labels == {"QUANTITY": 1}
    assert [t.total for t in summary.sorted_totals()] == [7]
