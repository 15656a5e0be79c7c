"""Periods never run backwards: the gate every fact period passes, under hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.rules.periods import iso_cmp, ordered_period

years = st.integers(min_value=1990, max_value=2040).map(str)
months = st.tuples(years, st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}")
days = st.tuples(years, st.integers(1, 12), st.integers(1, 28)).map(
    lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
)
iso = st.one_of(st.none(), years, months, days)


@given(iso, iso)
def test_ordered_period_never_runs_backwards(start, end):
    period = ordered_period((start, end))
    if period is not None:
        assert iso_cmp(period[0], period[1]) <= 0
        assert period == (start, end)  # a period that is one passes unchanged
    else:
        assert (not start and not end) or iso_cmp(start, end) > 0


@given(iso, iso)
def test_iso_cmp_is_antisymmetric(a, b):
    assert iso_cmp(a, b) == -iso_cmp(b, a)


AMOUNTS = ["1.5 trillion tenge", "65 thousand new jobs", "12.1%", "3.2 times", "51 billion",
           "2 340 houses", "410 tons", "101, 4%"]  # fmt: skip
TIMES = ["in 2019", "by 2019", "by 2027", "against 2020", "in January-September",
         "from January to December", "the same period last year", "over the past 5 years",
         "since July 2019", "by the end of the year", "in 6 months", "in 2025-2023"]  # fmt: skip
VERBS = ["grew by", "amounted to", "will reach", "is still", "was", "increased", "compared to"]
JOINS = [", ", ". ", " and ", ", when it was ", ", or ", "\n\n", " – "]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(TIMES),
            st.sampled_from(VERBS),
            st.sampled_from(AMOUNTS),
            st.sampled_from(JOINS),
        ),  # fmt: skip
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["2024-05-02", "2025-02-20", "2023", None]),
)
def test_fact_periods_never_run_backwards(extract, parts, date):
    text = "".join(f"{t} output {v} {a}{j}" for t, v, a, j in parts) + "."
    for record in extract(text, date):
        if record["label"] == "QUANTITY":
            start, end = record.get("time_start"), record.get("time_end")
            assert iso_cmp(start, end) <= 0, (text, record)
