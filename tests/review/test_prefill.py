"""Reading what a labeller types: amounts, dates, head words, occurrences, pre-filled fields."""

import pytest

from extractor.review.prefill import (
    find_occurrences,
    guess_label,
    parse_amount,
    parse_date,
    parse_heads,
    parse_qualifier,
    prefill,
)


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("6e11", (600000000000, None, None)),
        ("1500", (1500, None, None)),
        ("1,500", (1500, None, None)),
        ("110,7", (110.7, None, None)),
        ("1.5 trillion", (1.5e12, None, None)),
        ("5 bln tenge", (5e9, None, None)),
        ("3-6", (None, 3, 6)),
        ("8,000 to 18,000", (None, 8000, 18000)),
        ("abc", None),
        ("5 and 6 and 7", None),
    ],
)
def test_parse_amount(typed, expected):
    assert parse_amount(typed) == expected


@pytest.mark.parametrize(
    "typed,expected", [("2020", "2020"), ("2020-03", "2020-03"), ("-", None), ("none", None)]
)
def test_parse_date(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["March", "2020/03", "20"])
def test_parse_date_rejects_what_is_no_iso_date(typed):
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_date(typed)


@pytest.mark.parametrize("typed,expected", [("over", "over"), ("APPROX", "approx"), ("-", None)])
def test_parse_qualifier(typed, expected):
    assert parse_qualifier(typed) == expected


def test_parse_qualifier_rejects_others():
    with pytest.raises(ValueError, match="approx, over, under, min, max"):
        parse_qualifier("roughly")


@pytest.mark.parametrize(
    "typed,expected",
    [("investment", ["investment"]), ("Investment, volume", ["investment", "volume"]), ("-", None)],
)
def test_parse_heads(typed, expected):
    assert parse_heads(typed) == expected


@pytest.mark.parametrize(
    "text,typed,expected",
    [
        ("5 tons and 5 tons", "5 tons", [(0, 6), (11, 17)]),
        ("5\ntons", "5 tons", [(0, 6)]),
        ("Kyzylorda region", "kyzylorda REGION", [(0, 16)]),
        ("Almaty", "Astana", []),
        ("Almaty", "  ", []),
    ],
)
def test_find_occurrences(text, typed, expected):
    assert find_occurrences(text, typed) == expected


TEXT = (
    "In 2022, the akimat built 12 new schools for 5 billion tenge. "
    "Since July 2019, about 300 jobs were created."
)


@pytest.mark.parametrize(
    "span,label,fields",
    [
        ("5 billion tenge", "QUANTITY", {"value": 5e9, "unit": "KZT", "qualifier": None}),
        ("12 new schools", "QUANTITY", {"value": 12, "unit": "school", "measured": ["school"]}),
        ("300 jobs", "QUANTITY", {"value": 300, "unit": "job", "qualifier": "approx"}),
        ("July 2019", "TIME", {"time_start": "2019-07", "time_end": "2023"}),
        ("Almaty", "GPE", {}),
    ],
)
def test_prefill_reads_fields_with_the_rules(span, label, fields):
    text = TEXT + " Almaty."
    start = text.index(span)
    rec = prefill(text, start, start + len(span), label, "2023")
    assert rec["text"] == span
    assert {k: rec[k] for k in fields} == fields


@pytest.mark.parametrize(
    "span,label",
    [
        ("5 billion tenge", "QUANTITY"),
        ("300 jobs", "QUANTITY"),
        ("July 2019", "TIME"),
        ("akimat", "GPE"),
    ],
)
def test_guess_label(span, label):
    start = TEXT.index(span)
    assert guess_label(TEXT, start, start + len(span)) == label
