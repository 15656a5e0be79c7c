from decimal import Decimal

import pytest

from extractor.rules.numbers import (
    NumberError,
    parse_digits,
    parse_word_number,
    scale_of,
    to_number,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1,500", "1500"),  # three digits after a comma group thousands
        ("110,7", "110.7"),  # otherwise the comma is a decimal mark
        ("1,5", "1.5"),
        ("7,204,292,142", "7204292142"),
        ("1,258.3", "1258.3"),
        ("15 334", "15334"),  # space between digit groups
        ("1 500", "1500"),
        ("2 500,5", "2500.5"),
        # the no-break spaces of web pages and PDFs group digits too
        ("6\u00a0874,5", "6874.5"),
        ("27\u2009418,6", "27418.6"),
        ("1\u202f240", "1240"),
        ("3\u2007064,2", "3064.2"),
        ("101, 4", "101.4"),  # decimal comma with a stray space
        ("1.5", "1.5"),
        ("0.25", "0.25"),
        ("65", "65"),
    ],
)
def test_parse_digits(text, expected):
    assert parse_digits(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("three", 3),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one and a half", 1.5),
        ("a dozen", 12),
        ("two hundred", 200),
        ("eleven", 11),
        ("ninety", 90),
        ("a hundred", 100),
        ("a hundred and twenty", 120),
        ("half a", 0.5),  # of the scale after it: "half a million"
    ],
)
def test_parse_word_number(text, expected):
    assert parse_word_number(text) == Decimal(str(expected))


def test_dozens_is_not_an_amount():
    with pytest.raises(NumberError):
        parse_word_number("dozens")


@pytest.mark.parametrize(
    "word,expected",
    [("thousand", 1e3), ("thsd", 1e3), ("mln", 1e6), ("mn", 1e6), ("bln", 1e9), ("bn", 1e9),
     ("trillion", 1e12), ("trln", 1e12), ("trl", 1e12), ("tn", 1e12), ("tln", 1e12), ("Billion", 1e9)],
)  # fmt: skip
def test_scale_words(word, expected):
    assert scale_of(word) == Decimal(int(expected))


def test_to_number_keeps_integers_integral():
    assert to_number(Decimal("327.9") * 1000) == 327900
    assert isinstance(to_number(Decimal("1.5")), float)
