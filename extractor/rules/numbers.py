"""Numbers as official texts write them: digits, number words and scale words.

Pure functions, no spaCy. The regexes here find the *numeric core* of a quantity;
units are matched by :mod:`extractor.rules.units`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex as re

from .rx import HSPACE, rx

# Scale words and their abbreviations. Single letters (k, m, b) are accepted only when
# glued to a number that follows a currency sign ("$19m", "KZT232.6bn"), where they
# cannot be metres or bits; see SHORT_SCALES.
SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "thousands": Decimal(10) ** 3,
    "thsd": Decimal(10) ** 3,
    "thous": Decimal(10) ** 3,
    "thou": Decimal(10) ** 3,
    "ths": Decimal(10) ** 3,
    "tys": Decimal(10) ** 3,  # (the Russian "тыс." transliterated)
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mio": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "mlrd": Decimal(10) ** 9,  # (a milliard: "mlrd. soum", "mlrd. rub.")
    "trillion": Decimal(10) ** 12,
    "trillions": Decimal(10) ** 12,
    "tln": Decimal(10) ** 12,
    "trln": Decimal(10) ** 12,
    "trl": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
}
# The scale words' abbreviations, which translated releases write with a point ("843, 6
# mln. USD", "612, 9 ths. tons").
SCALE_ABBREVIATIONS = frozenset(
    w for w in SCALES if not w.startswith(("thousand", "million", "billion", "trillion"))
)
SHORT_SCALES: dict[str, Decimal] = {
    "k": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
}

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
FRACTION_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
# Digits read one by one after "point"
_DIGITS_OF = {w: str(n) for w, n in UNITS_WORDS.items() if n < 10} | {"oh": "0"}

# Digits. Order matters: thousands-grouped forms before plain decimals.
#  - "1,500" / "7,204,292,142": a comma followed by exactly three digits groups thousands;
#  - "15 334" / "1 500": a space between digit groups, the group after it of three digits;
#  - "110,7" / "1.5": anything else after a comma or point is a decimal part.
_SPACE = r"[" + HSPACE + r"]"
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?"
    r"|\d{1,3}(?:" + _SPACE + r"\d{3})+(?!\d)(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
)
_WORD_NUM = (
    r"(?:(?:"
    + "|".join(sorted(TENS_WORDS, key=len, reverse=True))
    + r")(?:[- ](?:"
    + "|".join(k for k in UNITS_WORDS if UNITS_WORDS[k] < 10 and UNITS_WORDS[k] > 0)
    + r"))?|"
    + "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
    + r")"
)
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![\p{L}-])"
# "one and a half", "two hundred", "a dozen", "a million", "half a million", and the
# decimals of speech ("two point three", "ninety eight point seven")
WORD_NUMBER = (
    r"(?:(?:" + _WORD_NUM + r")(?:\s+hundred(?:\s+(?:and\s+)?" + _WORD_NUM + r")?)?"
    r"(?:\s+and\s+a\s+half|\s+point(?:\s+" + _DIGIT_WORD + r")+)?"
    # "a hundred", "a hundred and twenty": "a" is one hundred
    r"|a\s+hundred(?:\s+(?:and\s+)?" + _WORD_NUM + r")?"
    r"|a\s+dozen|dozens|a(?=\s+(?:thousand|million|billion|trillion)\b)"
    # "half a million tons": half of the scale after it
    r"|half\s+an?(?=\s+(?:thousand|million|billion|trillion)\b))"
)
SCALE_WORD = r"(?:thous\.|" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")"

_DIGITS_RE = re.compile(DIGITS)


class NumberError(ValueError):
    """A string that looked like a number but cannot be read as one."""


def parse_digits(text: str) -> Decimal:
    """Read a digit string as official texts write it.

    "1,500" -> 1500 (three digits after a comma group thousands), "110,7" -> 110.7,
    "15 334" -> 15334, "101, 4" -> 101.4 (a decimal comma written with a stray space).

    Args:
        text: the digits as they stand in the text.

    Returns:
        The number as a Decimal.
    """
    raw = text.strip()
    s = rx(r"[" + HSPACE + r"]").sub(" ", raw)
    # "101, 4": decimal comma with a stray space (at most two digits after it).
    m = rx(r"(\d+), (\d{1,2})").fullmatch(s)
    if m:
        return Decimal(f"{m.group(1)}.{m.group(2)}")
    if rx(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?").fullmatch(s):
        s = s.replace(",", "")
    elif rx(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?").fullmatch(s):
        s = s.replace(" ", "").replace(",", ".")
    elif rx(r"\d+,\d+").fullmatch(s):
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation as err:
        raise NumberError(f"not a number: {text!r}") from err


def parse_word_number(text: str) -> Decimal:
    """Read number words: "three", "twenty-five", "one and a half", "a dozen".

    Args:
        text: the words, any case.

    Returns:
        The number as a Decimal.
    """
    words = re.split(r"[\s-]+", text.lower().strip())
    if words == ["a", "dozen"]:
        return Decimal(12)
    if words == ["dozens"]:
        raise NumberError("'dozens' states no amount")
    if words in (["a"], ["an"]):
        return Decimal(1)
    if words in (["half"], ["half", "a"], ["half", "an"]):
        return Decimal("0.5")
    if words[:1] in (["a"], ["an"]) and words[1:2] == ["hundred"]:
        words = ["one", *words[1:]]  # "a hundred and twenty"
    total = Decimal(0)
    current = Decimal(0)
    i = 0
    while i < len(words):
        w = words[i]
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "point" and words[i + 1 :] and all(d in _DIGITS_OF for d in words[i + 1 :]):
            # "two point three", "ninety eight point seven": the digits after the point
            return total + current + Decimal("0." + "".join(_DIGITS_OF[d] for d in words[i + 1 :]))
        elif w == "and" and words[i + 1 : i + 3] == ["a", "half"]:
            current += Decimal("0.5")
            i += 2
        elif w == "and":
            pass
        else:
            raise NumberError(f"not a number word: {w!r} in {text!r}")
        i += 1
    return total + current


def scale_of(word: str) -> Decimal | None:
    """The multiplier of a scale word ("bln" -> 1e9), or None if it is not one."""
    return SCALES.get(word.lower().rstrip("."))


def to_number(value: Decimal) -> float | int:
    """A Decimal as the JSON number the schema wants: int when whole, else float."""
    if value == value.to_integral_value() and abs(value) < Decimal(10) ** 18:
        return int(value)
    return float(value)
