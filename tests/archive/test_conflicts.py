"""Figures that agree and disagree: qualifiers as ranges, tolerance, parts and wholes."""

import math

import pytest

from extractor.archive.conflicts import (
    Bounds,
    agree,
    bounds_of,
    measured_key,
    parse_tolerance,
    role_of,
)


@pytest.mark.parametrize(
    "value,low,high,qualifier,expected",
    [
        (65.0, None, None, None, Bounds(65.0, 65.0)),  # exact
        (65.0, None, None, "over", Bounds(65.0, math.inf)),  # more than 65
        (65.0, None, None, "min", Bounds(65.0, math.inf)),  # at least 65
        (65.0, None, None, "under", Bounds(-math.inf, 65.0)),  # less than 65
        (65.0, None, None, "max", Bounds(-math.inf, 65.0)),  # up to 65
        (90.0, None, None, "approx", Bounds(85.5, 94.5)),  # about 90: 5% either way
        (None, 3.0, 6.0, None, Bounds(3.0, 6.0)),  # a range
        (None, None, None, None, None),  # nothing to compare
    ],
)
def test_bounds_of(value, low, high, qualifier, expected):
    assert bounds_of(value, low, high, qualifier) == expected


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ((65_000, None, None, "over"), (65_300, None, None, None), True),  # more than 65 k
        ((90, None, None, "approx"), (92, None, None, None), True),  # about 90
        ((90, None, None, "approx"), (99, None, None, None), False),  # too far for "about"
        ((100, None, None, None), (100.5, None, None, None), True),  # within 1%
        ((100, None, None, None), (103, None, None, None), False),  # 3% apart
        ((65_000, None, None, "under"), (70_000, None, None, None), False),  # less than 65 k
        ((None, 3, 6, None), (5, None, None, None), True),  # inside a range
        ((48_000, None, None, None), (65_000, None, None, None), False),  # a disagreement
    ],
)
def test_agree(a, b, expected):
    assert agree(bounds_of(*a), bounds_of(*b), 0.01) is expected
    assert agree(bounds_of(*b), bounds_of(*a), 0.01) is expected  # symmetric


@pytest.mark.parametrize(
    "text,expected",
    [("1%", 0.01), ("0.5%", 0.005), ("0.02", 0.02), ("0", 0.0)],
)
def test_parse_tolerance(text, expected):
    assert parse_tolerance(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "one", "-1%", "%"])
def test_parse_tolerance_rejects(text):
    with pytest.raises(ValueError, match="tolerance"):
        parse_tolerance(text)


@pytest.mark.parametrize(
    "sentence,figure,expected",
    [
        ("Investment reached 410 billion tenge in 2019.", "410 billion tenge", None),
        ("Exports grew by 12.5% over the year.", "12.5%", "change"),
        ("Output increased by almost 7 percent.", "7 percent", "change"),
        ("Revenue was KZT 11 trln, which is 1.2 trillion more than a year before.",
         "1.2 trillion", "change"),
        ("Wages rose 8% in the first half.", "8%", "change"),
        ("65 thousand jobs were created, of which 40 thousand permanent.", "40 thousand", "part"),
        ("Spending reached 9 trillion tenge, including 3.1 trillion on pensions.",
         "3.1 trillion", "part"),
        ("65 thousand jobs were created, of which 40 thousand permanent.", "65 thousand", None),
        ("More than 3 million square meters of housing were built.", "3 million", None),
    ],
)  # fmt: skip
def test_role_of_a_figure(sentence, figure, expected):
    start = sentence.index(figure)
    assert role_of(sentence, start, start + len(figure)) == expected


@pytest.mark.parametrize(
    "measured,expected",
    [
        ("new jobs", "job"),
        ("investment", "investment"),
        ("volume of investments", "investment"),  # a container: what it holds
        ("cost of a pupil place", "place"),
        ("cost of work", "work"),
        ("investment projects", "project"),
        (None, None),
    ],
)
def test_measured_key(measured, expected):
    assert measured_key(measured) == expected
