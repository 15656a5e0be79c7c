"""Counts and totals under the review table: only what adds up is added."""

import pytest

from extractor.review.summary import (
    LEFT_OUT_PART,
    LEFT_OUT_RATE,
    LEFT_OUT_UNMEASURED,
    LEFT_OUT_VOTE,
    Summary,
    is_additive,
    left_out,
    measure_of,
    unit_kind,
)


@pytest.mark.parametrize(
    "unit,kind,additive",
    [
        ("KZT", "currency", True),
        ("USD", "currency", True),
        ("AZN", "currency", True),  # an ISO 4217 code not in our table
        ("t", "mass", True),
        ("m2", "area", True),
        ("MW", "power", True),
        ("job", "count", True),
        ("school", "count", True),
        ("%", "ratio", False),
        ("x", "ratio", False),
        ("year", "time", False),
        ("t/year", "rate", False),
        ("KZT/person", "rate", False),
        ("count", "count", False),
        (None, None, False),
    ],
)
def test_what_adds_up(unit, kind, additive):
    assert unit_kind(unit) == kind
    assert is_additive(unit) is additive


def q(value, unit, start="2020", end="2020", qualifier=None, measured="investment", **extra):
    rec = {"label": "QUANTITY", "start": 0, "end": 1, "value": value, "unit": unit}
    return {**rec, "qualifier": qualifier, "time_start": start, "time_end": end,
            "measured": measured, **extra}  # fmt: skip


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


def test_different_measures_are_never_added_together():
    summary = Summary()
    for measured in ("gross regional product", "industrial output", "purchases of machinery",
                     "Investments", "investment"):  # fmt: skip
        summary.add(q(1e12, "KZT", "2024", "2024", measured=measured))
    got = {t.measured: (t.total, t.count) for t in summary.sorted_totals()}
    assert got == {"product": (1e12, 1), "output": (1e12, 1), "purchase": (1e12, 1),
                   "investment": (2e12, 2)}  # fmt: skip


SENTENCE = "In 2024, 12,500 jobs were created, including 3,870 permanent ones."


def at(text: str, span: str, **fields) -> dict:
    start = text.index(span)
    rec = {
        "label": "QUANTITY",
        "start": start,
        "end": start + len(span),
        "text": span,
        "value": 1,
        "unit": "job",
        "measured": "job",
        "time_start": None,
        "time_end": None,
    }
    return {**rec, **fields}  # fmt: skip


@pytest.mark.parametrize(
    "text,span,measured,reason",
    [
        (SENTENCE, "3,870", "job", LEFT_OUT_PART),
        (SENTENCE, "12,500 jobs", "job", None),
        ("Exports reached 900 tons, of which 300 tons went to China.", "300 tons", "export",
         LEFT_OUT_PART),
        ("Of these, about 40 schools were repaired.", "40 schools", "school", LEFT_OUT_PART),
        ("Among them 12 hospitals were built.", "12 hospitals", "hospital", LEFT_OUT_PART),
        # the cue must be in the figure's own sentence
        ("The plan includes roads. 7 bridges were built.", "7 bridges", "bridge", None),
        ("The average monthly salary reached 350,000 tenge.", "350,000 tenge",
         "average monthly salary", LEFT_OUT_RATE),
        ("Wages reached 300,000 tenge.", "300,000 tenge", "wage", LEFT_OUT_RATE),
        ("Income per capita was 5,000 dollars.", "5,000 dollars", "income per capita",
         LEFT_OUT_RATE),
        ("Pensions cost 6.1 trillion tenge.", "6.1 trillion tenge", "pension", None),
        ("The salary fund grew to 80 billion tenge.", "80 billion tenge", "salary fund", None),
        ("Work worth 500 billion tenge was done.", "500 billion tenge", None,
         LEFT_OUT_UNMEASURED),
        # a vote's tally and a session's attendance add up to nothing
        ("We vote: for – 27, against – none, abstained – 1.", "27", "deputy", LEFT_OUT_VOTE),
        ("Please vote. Voted: 94 deputies for, 3 against, 2 abstained.", "3", "deputy", LEFT_OUT_VOTE),
    ],
)  # fmt: skip
def test_what_is_left_out_of_the_totals(text, span, measured, reason):
    assert left_out(at(text, span, measured=measured), text) == reason


@pytest.mark.parametrize(
    "measured,measure",
    [
        ("Investments", "investment"),
        ("volume of investments", "volume"),
        ("manufacturing industry products", "product"),
        (["product", "agriculture"], "product / agriculture"),
        (["jobs"], "job"),
        (None, None),
        ([], None),
    ],
)
def test_measure_of(measured, measure):
    assert measure_of({"measured": measured}) == measure


def test_a_part_is_counted_but_not_added_to_its_whole():
    summary = Summary()
    summary.add(at(SENTENCE, "12,500 jobs", value=12500), text=SENTENCE)
    summary.add(at(SENTENCE, "3,870", value=3870), text=SENTENCE)
    assert [t.total for t in summary.sorted_totals()] == [12500]
    assert summary.left_out == {LEFT_OUT_PART: 1}
    assert summary.units == {"job": 2}


def test_a_rate_in_money_is_not_added_to_amounts():
    summary = Summary()
    summary.add(q(350_000, "KZT", measured="average monthly salary"))
    summary.add(q(80e9, "KZT", measured="salary fund"))
    assert [(t.measured, t.total) for t in summary.sorted_totals()] == [("fund", 80e9)]
    assert summary.left_out == {LEFT_OUT_RATE: 1}
