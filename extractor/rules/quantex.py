"""Find quantity candidates in raw text: number, scale, unit, range, rate, qualifier.

Pure: works on a string and returns :class:`Candidate` objects with character offsets.
What needs the parse (counted nouns, units inherited from a list or written apart
from their number) is settled by :mod:`extractor.components.quantities`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

import regex as re

from .numbers import (
    DIGITS,
    SCALE_WORD,
    SHORT_SCALES,
    WORD_NUMBER,
    NumberError,
    parse_digits,
    parse_word_number,
    scale_of,
)
from .rx import HSPACE, WS_START, rx
from .timex import YEAR
from .units import CURRENCY_CODE, UnitLexicon, load_lexicon, rate_code

# Tried in this order: "no less than" is min before "less than" is under, "did not exceed"
# is max before "exceed" is over.
_NOT_EXCEED = r"(?:did|does|do|should|must|will|shall|can|may)\s+not\s+exceed|not\s+to\s+exceed"
QUALIFIERS: list[tuple[str, str]] = [
    ("approx", r"about|around|approximately|approx\.?|some|nearly|almost|roughly|circa|~"),
    ("min", r"at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than|minimum\s+of"),
    (
        "max",
        r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|not\s+exceeding|maximum\s+of|"
        + _NOT_EXCEED,
    ),
    (
        "over",
        r"more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of|over\s+than"
        r"|exceeded|exceeds|will\s+exceed|surpassed|topped",
    ),
    ("under", r"less\s+than|below|under|fewer\s+than|just\s+under"),
]
_QUALIFIER_RE = [
    (name, re.compile(r"(?i)(?<![\p{L}])(?:" + pattern + r")\s+$")) for name, pattern in QUALIFIERS
]

# A number we start from: digits not glued to a word or code before them ("CHP-3",
# "Map-2020", "A2"), or number words.
_DIGIT_START = re.compile(
    r"(?:(?<![\p{L}\d.,/\\:])|(?<="
    + CURRENCY_CODE
    + r"))(?<![\p{L}][-–])(?<!\d[-–])(?<![№#])"
    + DIGITS
)
_WORD_START = re.compile(r"(?i)(?<![\p{L}-])(?:" + WORD_NUMBER + r")(?![\p{L}])")
# "bln. soums", "ths. tons", "mln. USD", "bln. ₸", "mln. US dollars": an abbreviated
# scale's point, when a unit or a lower-case word follows it (a lower-case word may open the
# next line: "1.07 mln.\ntons" wrapped); a sentence may end at "5 bln.".
_SCALE = re.compile(
    r"(?i)" + WS_START + r"\s*(" + SCALE_WORD + r")"
    # (the point of an abbreviation, a unit glued to it or not: "mln. USD", "mln.tenge")
    r"(?:\.(?=[" + HSPACE + r"]?(?-i:[\p{Ll}\p{Sc}]|US\s+dollars?\b|" + CURRENCY_CODE + r")"
    r"|\n(?-i:\p{Ll}))|(?![\p{L}]))"
)
# "105, 3 %", "8 947, 2 thous. soums", "7, 2 percent": a decimal comma written with a
# stray space, the way translated texts write it, when a unit or scale word follows
_STRAY_DECIMAL = re.compile(r",[" + HSPACE + r"](\d{1,2})(?![\d])(?![.,]\d)")
_PERCENT_AFTER = re.compile(r"(?i)[" + HSPACE + r"]?(?:%|percent|per\s?cent)(?![\p{L}])")
_SHORT_SCALE = re.compile(r"(?i)(k|m|b)(?![\p{L}\d])")
# "USD 15,2 m", "USD 120 m": after a currency code, a spaced "m" or "b" is its scale too
_SPACED_SHORT_SCALE = re.compile(r"(?i)[" + HSPACE + r"](m|b)(?![\p{L}\d])(?!\.\d)")
# "👁 18.4K", "2.4K views", "1.2m subscribers": a web page's counter writes thousands and
# millions as a capital K or M glued to the number (a small k or m only before the word it
# counts, since "5m" may be metres)
_COUNTER_SCALE = re.compile(
    r"(?:(?-i:K|M)|(?i:k|m)(?=[ \t]?(?:views?|reads?|likes?|followers?|subscribers?)\b))"
    r"(?![\p{L}\d])"
)
_RANGE_SEP = re.compile(WS_START + r"\s*(?:-|–|—|to|and|or)\s*")
_FOLD = re.compile(r"(?i)-?\s?fold(?![\p{L}])")
# "1,500 tons of meat per year", "60 tons of milk a day", "36 pairs of trains a day": a
# rate told after the thing the amount is of (not "40 tons of wheat a year ago")
OF_PER = re.compile(
    r"(?i)" + WS_START + r"\s+of\s+(?:[\p{L}'-]+\s+){1,3}?"
    r"(per\s+[\p{L}]+|an?\s+(?:year|month|week|day|hour|shift)|annually)(?![\p{L}])"
    r"(?!\s+(?:ago|earlier|before|later|back)\b)"
)
# "per liter", "per family", "per workplace": a rate over any unit or counted noun.
# "per hectare", "per one pupil", "per US dollar" (the country before the currency's name)
_PER_NOUN = re.compile(
    r"(?i)" + WS_START + r"\s+per\s+(?:one\s+|1\s+)?(?:(?:US|U\.S\.)\s+)?([\p{L}]{2,})(?![\p{L}])"
)
_YEAR = re.compile(YEAR)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_AFTER = re.compile(WS_START + r"\s*(?:" + _MONTHS + r")\b")
_MONTH_BEFORE = re.compile(r"(?:" + _MONTHS + r")\.?\s+$")
# Numbers that name rather than count: "No. 50", "number 112", "hotline 1414", "tel."
_NAMING_BEFORE = re.compile(
    r"(?i)(?:\bNo\.?|№|\bnumber|\bhotline|\bline|\btel\.?|\bphone|\bcall|\bdial|\bcode|\bunit|"
    r"\bblock|\bapartment|\bhouse|\broom|\bbuilding|\bplot|\barticle|\bparagraph|\bclause|"
    r"\bitem|\bpoint|\bpart|\bgrade|\bclass|\bkm\s*№?)\s*[\"“«]?$"
)
# A fuel's grade, its octane number after "AI" or "A-": "AI-92", "AI 95", "AI ninety two",
# "A-80" (case matters: "A 5 percent rise" opens a sentence)
_FUEL_GRADE_BEFORE = re.compile(r"\b(?:AI[-‑–]?\s?|A[-‑–])$")
# A capacity in things written as a modifier: "a 240-bed hospital", "a 600-seat hall", "a
# 320-place kindergarten" (what "three-shift" and "5-storey" do not state)
_CAPACITY_AFTER = re.compile(r"(?i)-(?:bed|seat|place)\b")
# An autotranscript's numbered speaker at the head of a line: "SPEAKER 2:"
_SPEAKER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:SPEAKER|Speaker)[ \t]+$")
_TIME_PREP_BEFORE = re.compile(r"(?i)\b(?:in|of|since|by|until)\s+$")
# "in 2019", "for 2025", "the same period of 2019": a year a time phrase ends
_YEAR_OF_TIME_BEFORE = re.compile(r"(?i)\b(?:in|for|(?:period|year|level)\s+of)\s+$")
_CHANGE_VERB_FROM = re.compile(
    r"(?i)\b(?:increas\w*|grow\w*|grew|ris\w*|rose|decreas\w*|reduc\w*|fell|fall\w*|drop\w*|"
    r"declin\w*|rais\w*|cut|chang\w*|went|gone|up|down|expand\w*|jump\w*|weaken\w*|"
    r"strengthen\w*|depreciat\w*|appreciat\w*|narrow\w*|widen\w*|climb\w*|slid\w*|shr[iu]nk\w*|"
    r"improv\w*|accelerat\w*|slow\w*)\b(?:[^.;]|\.\d){0,160}?\bfrom\s+$"
)

# "the pension ranges from 16 029 to 28 215 tenge", "prices vary from 15 to 19 tenge": a
# spread, one range, whatever change the sentence named before it.
_SPREAD_FROM = re.compile(
    r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|fluctuat\w*|differ\w*)"
    r"(?:\s+\w+){0,2}?\s+from\s+$"
)


@dataclass(frozen=True)
class Candidate:
    """A quantity found in the text, before the parse settles what it counts.

    Offsets index the document text; ``end`` is exclusive. ``core_end`` is where the
    number and its scale words end (before any unit). ``scale`` is kept so a number in
    a list can take the scale of the one that ends the list.
    """

    start: int
    end: int
    core_end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    scale: Decimal | None = None
    rate: str | None = None
    is_year: bool = False
    inherit_next: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_range(self) -> bool:
        """True when the candidate is a range ("3 to 6 years")."""
        return self.low is not None and self.high is not None


@dataclass
class _Num:
    start: int
    end: int
    value: Decimal
    scale: Decimal | None
    is_word: bool
    plain_int: bool


_START = re.compile(_DIGIT_START.pattern + r"|" + _WORD_START.pattern)
_DIGITS_ONLY = re.compile(DIGITS)
_GLUE = re.compile(r"[" + HSPACE + r"]?")
# A single line break, where a wrapped line goes on: not a blank line.
_WRAPPED = re.compile(WS_START + r"[ \t]*+\n[ \t]*+(?=[\p{Ll}$€₽])")
# the next part of a compound amount, after an abbreviation's point too ("31 trln. 418 bln.")
_SPACED_WORDS = re.compile(r"(?i)" + WS_START + r"\s+(?:and\s+)?(" + WORD_NUMBER + r")(?![\p{L}])")
# An amount's words in brackets after its digits: " (one million two hundred and fifty
# thousand)"
_RESTATED_IN_WORDS = re.compile(r"[ \t]*+\(((?:[a-z]+[ \t-]*+){1,30}?)\)")
# A currency after "tn" that makes it a trillion: "1.2 tn tenge", "2 tn. rubles"
_MONEY_AFTER_TN = re.compile(
    r"(?i)\.?+["
    + HSPACE
    + r"]{0,3}+(?:tenge|soums?|soms?|somoni|rub\.|rubles?|roubles?|dollars?|euros?|"
    r"(?-i:" + CURRENCY_CODE + r"))\b"
)
_SPACED_DIGITS = re.compile(WS_START + r"\.?\s+(" + DIGITS + r")")


def _read_number(text: str, pos: int, *, after_currency: bool, second: bool = False) -> _Num | None:
    """Read one number with its scale words at ``pos``; None when there is none.

    ``second`` reads the upper end of a range, which follows a dash ("8,000-18,000").
    """
    m = (_DIGITS_ONLY if second else _DIGIT_START).match(text, pos)
    is_word = False
    if m:
        try:
            value = parse_digits(m.group())
        except NumberError:
            return None
    else:
        m = _WORD_START.match(text, pos)
        if not m:
            return None
        try:
            value = parse_word_number(m.group())
        except NumberError:
            return None
        is_word = True
    end = m.end()
    if not is_word and not second:
        stray = _stray_decimal(text, m.group(), end)
        if stray is not None:
            value, end = value + stray[0], stray[1]
    plain_int = not is_word and m.group().isdigit() and end == m.end()
    scale: Decimal | None = None
    # Scale words, possibly compound: "3 trillion 100 billion", "2 million 176 thousand".
    sm = _SCALE.match(text, end)
    if (
        sm
        and sm.group(1).lower() == "tn"
        and not after_currency
        and not _MONEY_AFTER_TN.match(text, sm.end())
    ):
        sm = None  # "5 126 tn of grain", "412,5 thous. tn": tonnes, not a trillion
    if sm:
        scale = scale_of(sm.group(1))
        end = sm.end()
    elif after_currency and not is_word:
        short = _SHORT_SCALE.match(text, end) or _SPACED_SHORT_SCALE.match(text, end)
        if short:
            scale = SHORT_SCALES[short.group(1).lower()]
            end = short.end()
    elif not is_word and (counter := _COUNTER_SCALE.match(text, end)):
        scale, end = SHORT_SCALES[counter.group().lower()], counter.end()
    if scale is not None:
        value = value * scale
        while True:
            nm = _SPACED_DIGITS.match(text, end)
            if not nm:
                words = _SPACED_WORDS.match(text, end)
                if not words:
                    break
                try:
                    part = parse_word_number(words.group(1))
                except NumberError:
                    break
                sm2 = _SCALE.match(text, words.end())
                if sm2 is None:
                    # "one thousand one hundred and forty kilometers", "two thousand five
                    # jobs": the units after a spoken thousand
                    if scale == 1000 and part < 1000:
                        value += part
                        end = words.end()
                    break
                next_scale = scale_of(sm2.group(1))
                if next_scale is None or next_scale >= scale:
                    break
                value += part * next_scale  # "one billion three hundred million"
                scale, end = next_scale, sm2.end()
                continue
            part, part_end = parse_digits(nm.group(1)), nm.end()
            stray = _stray_decimal(text, nm.group(1), part_end)
            if stray is not None:  # "31 trln. 418, 6 bln. soums"
                part, part_end = part + stray[0], stray[1]
            sm2 = _SCALE.match(text, part_end)
            if not sm2:
                break
            next_scale = scale_of(sm2.group(1))
            if next_scale is None or next_scale >= scale:
                break
            value += part * next_scale
            scale = next_scale
            end = sm2.end()
        # "18 thousand 460 children", "512 thousand 300 people": the units after thousands
        rest = _THOUSANDS_REST.match(text, end) if scale == 1000 else None
        if rest:
            value += int(rest.group(1))
            end = rest.end()
    if not is_word and not second:
        # "48 614 500 000 (forty-eight billion six hundred fourteen million five hundred
        # thousand) tenge": a decree's amount in digits restated in words is one amount
        words = _RESTATED_IN_WORDS.match(text, end)
        said = _read_number(text, words.start(1), after_currency=False) if words else None
        if said is not None and said.is_word and said.value == value and said.end == words.end(1):
            end, plain_int = words.end(), False
    return _Num(m.start(), end, value, scale, is_word, plain_int)


def _stray_decimal(text: str, digits: str, end: int) -> tuple[Decimal, int] | None:
    """The decimal part after ", " that a unit or scale word follows ("105, 3 %"), as
    ``(fraction, end)``; None where the comma separates a list or follows a year ("In
    2022, 41 percent")."""
    sm = _STRAY_DECIMAL.match(text, end)
    if sm is None or "," in digits or "." in digits or _YEAR.fullmatch(digits):
        return None
    after = sm.end()
    lexicon = load_lexicon()
    glue = _GLUE.match(text, after)
    if not (
        _PERCENT_AFTER.match(text, after)
        or _SCALE.match(text, after)
        or lexicon.suffix.match(text, glue.end() if glue else after)
    ):
        return None
    fraction = sm.group(1)
    return Decimal(fraction) / (Decimal(10) ** len(fraction)), after


# Units after a thousands word: a plain number below 1,000, not a decimal, a share or the
# start of a list ("18 thousand 460 children", not "5 thousand, 460" or "2 thousand 3.5%").
_THOUSANDS_REST = re.compile(
    r"[" + HSPACE + r"](\d{1,3})(?![\d.,]\d)(?!\s*+(?:%|percent|per\s*cent))(?![\p{L}\d])"
)


def _currency_before(text: str, start: int, lexicon: UnitLexicon) -> tuple[int, str] | None:
    """A currency sign or code right before the number: "$ 19", "KZT232.6bn", "US$ 35.1"."""
    window = text[max(0, start - 6) : start]
    m = rx(r"(" + lexicon.prefix.pattern + r")\s?$").search(window)
    if not m:
        return None
    # The code must not be the tail of a longer word ("aKZT").
    abs_start = start - len(window) + m.start(1)
    if abs_start > 0 and text[abs_start - 1].isalpha() and m.group(1)[0].isalpha():
        return None
    return abs_start, lexicon.prefix_codes[m.group(1)]


def _unit_after(text: str, pos: int, lexicon: UnitLexicon) -> tuple[int, str] | None:
    """A unit right after the number: glued ("397ha"), spaced, or "-fold"."""
    fm = _FOLD.match(text, pos)
    if fm:
        return fm.end(), "x"
    m = _GLUE.match(text, pos)
    at = m.end() if m else pos
    um = lexicon.suffix.match(text, at)
    if not um:
        return None
    code = lexicon.code_of(um.group())
    if code is None:
        return None
    return um.end(), code


def per_code(lexicon: UnitLexicon, surface: str) -> str | None:
    """The denominator of a generic "per X": a unit code, else the singular noun."""
    m = _PER_NOUN.match(surface)
    if not m:
        return None
    word = m.group(1)
    code = lexicon.code_of(word)
    if code:
        return code
    lemma = singular(word.lower())
    return COUNTED_SYNONYMS.get(lemma, lemma)


# Nouns in -oe, whose plural is no "-o" + "es" ("shoes", not "potatoes").
OE_NOUNS = frozenset(("shoe", "toe", "hoe", "canoe", "oboe", "foe", "floe", "doe", "roe", "woe"))


def singular(word: str) -> str:
    """A plain English singular, for counted nouns without a parse ("families" -> "family",
    "potatoes" -> "potato")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("oes") and word[:-1].lower() not in OE_NOUNS:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# "a kilogram of beef cost on average", "One kilometre of repaired street cost us": what one
# unit of a thing costs (the money after it is per that unit)
UNIT_COST_BEFORE = re.compile(
    r"(?i)\b(?:a|one|each|every)\s+(?P<unit>[\p{L}]+)\s+of\s+(?P<thing>[^.;:]{2,60}?)\s+"
    r"(?:cost(?:s|ed)?(?:\s+(?:us|them|the\s+[\p{L}]+))?"
    # "a ton of food wheat was sold in the republic at 12 450 rubles", "sells for"
    r"|(?:(?:is|was|were|are|will\s+be)\s+)?(?:sold|bought|purchased)(?:\s+[^.;:\d]{0,40}?)?"
    r"\s+(?:at|for)|sells\s+(?:at|for))"
    r"(?:\s+(?:on\s+average|about|around|almost|"
    r"over|some|nearly|approximately))*\s*$"
)

# "The average cost of rehabilitating a kilometre of road was", "the average price of a
# kilometre of capital repair is": the cost or price of one unit, told as a subject
UNIT_PRICE_BEFORE = re.compile(
    r"(?i)\b(?:cost|price)\s+of\s+(?:[\p{L}-]+\s+){0,2}?(?:a|one|each|1)\s+"
    r"(?P<unit>(?:square|cubic)\s+[\p{L}]+|[\p{L}]+)(?:\s+of\s+[^.;:]{2,60}?)?\s+(?:was|is|were|are|will\s+be|amounted\s+to|reached|made"
    r"|averaged|stood\s+at)(?:\s+(?:on\s+average|about|around|almost|over|some|nearly"
    r"|approximately))*\s*$"
)

_FROM_PLACE_AFTER = rx(r"(?i)" + WS_START + r"\s+(?:away\s+)?from\s+(?!\d)")


def is_distance(text: str, end: int, unit: str | None) -> bool:
    """ "200 km from Aktau", "40-60 km away from the pipeline": a length from a place (not
    "from 12 to 20 km", a change)."""
    return (unit or "").split("/")[0] in ("km", "m") and bool(_FROM_PLACE_AFTER.match(text, end))


# Words that make the years after them an age: "aged 3 to 6", "older than 55", "under the
# age of 35", "at the age of 63", "youth at the age till 30" (translated), and who is that
# old with a bound: "children under 3 years", "each child from 1.5 to 3 years".
_AGE_BEFORE = rx(
    r"(?i)\b(?:aged|(?:older|younger)\s+than|(?:over|under|above|below|at|of)\s+the\s+age"
    r"\s+(?:of|till|until|up\s+to)|age\s+(?:of|till|until|up\s+to|under|over|from)"
    r"|(?:child(?:ren)?|kids|youth|young\s+people|teenagers|adolescents|minors|infants|persons"
    r"|people|citizens|women|men|girls|boys|pensioners|adults)\s+(?:under|over|below|above"
    r"|from|up\s+to|till|until))\s+(?:(?:up\s+to|over|under|about|almost|at\s+least"
    r"|more\s+than|less\s+than|from|between)\s+)?$"
)
# "It is 52 years old", "most of them are more than fifty years old".
_OLD_AFTER = rx(r"(?i)\p{Zs}{1,3}+old\b")


def is_age(text: str, start: int, end: int, unit: str | None, *, old: bool = True) -> bool:
    """Years that are an age: "children aged 3 to 6 years", "older than 55 years", "children
    under 3 years", and with ``old`` "the pipeline is 52 years old" (not "for up to 10
    years", a span of time)."""
    if (unit or "") != "year":
        return False
    return bool(
        _AGE_BEFORE.search(text, max(0, start - 40), start) or (old and _OLD_AFTER.match(text, end))
    )


# "another 60", "another about $ 3.9 bln": more of what the amount before counted or measured
ANOTHER_BEFORE = re.compile(r"(?i)\banother\s+(?:about\s+|almost\s+|nearly\s+|over\s+)?$")


# Counted nouns that name the same thing (docs/schema.md: jobs, workplaces -> job).
COUNTED_SYNONYMS = {
    "workplace": "job", "people": "person", "persons": "person", "resident": "person",
    "citizen": "person", "inhabitant": "person", "individual": "person", "annum": "year",
    "min": "minute", "mins": "minute",
    "sme": "enterprise",  # a small or medium-sized enterprise
    "schoolchildren": "schoolchild",
}  # fmt: skip


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 30) : start]
    for name, pattern in _QUALIFIER_RE:
        if pattern.search(window):
            return name
    return None


def _labelled_amount(text: str, num: _Num, lexicon: UnitLexicon | None) -> bool:
    """A scale word or a unit after a number makes it an amount, whatever word stands
    before it: a label is never scaled or measured ("for building 2 thousand apartments",
    "to line 5,000 kilometres of canals", "each family with a damaged house 30,000 som";
    not "house 14" or "building 2, apartment 5", nor the decimals of "1 point 5 percent")."""
    if rx(r"(?i)\d\s+point\s*$").search(text, max(0, num.start - 12), num.start):
        return False
    if num.scale is not None or _SCALE_AFTER.match(text, num.end):
        return True
    unit = _unit_after(text, num.end, lexicon) if lexicon is not None else None
    return unit is not None and lexicon.kind_of(unit[1]) not in ("count", "time")


def _excluded(text: str, num: _Num, lexicon: UnitLexicon | None = None) -> str | None:
    """Why a number is not a quantity whatever follows it, or None."""
    hyphen_unit = (
        _unit_after(text, num.end + 1, lexicon)
        if lexicon and rx(r"[-–]").match(text[num.end : num.end + 1])
        else None
    )
    # "a 100-megawatt plant" states a capacity; "a five-year survival rate" states no amount.
    unit_follows = bool(hyphen_unit and lexicon.kind_of(hyphen_unit[1]) != "time")
    before = text[max(0, num.start - 20) : num.start]
    after = text[num.end : num.end + 12]
    if _NAMING_BEFORE.search(before) and not _labelled_amount(text, num, lexicon):
        return "naming"
    if _FUEL_GRADE_BEFORE.search(before):
        return "fuel-grade"
    if _SPEAKER_BEFORE.search(before) and text.startswith(":", num.end):
        return "speaker-label"  # "SPEAKER 2: According to our data ..."
    if rx(r"\x1b\[[\d;]*$").search(before):
        return "terminal-escape"  # "\x1b[0m" is a colour code, not 0 metres
    if rx(r"[-–]?\d{2}[-–]\d{2}").match(after) or rx(r"\)\s?\d").match(after):
        return "phone"
    if rx(r"[:/]\d").match(after) or rx(r"\.\d{1,2}\.\d{2,4}").match(after):
        return "time-or-date"
    if rx(r"(?i)\b(?:in|over|during|within)\s+the\s+$").search(before) and rx(
        r"(?i)" + WS_START + r"\s+(?:months|years|weeks|quarters)\b"
    ).match(after):
        return "period"  # "in the two months", "over the nine months": a span of time
    if rx(r"(?i)(?:st|nd|rd|th)\b").match(after) and num.plain_int:
        return "ordinal"
    if rx(r"G(?![\p{L}\d])").match(after) and num.plain_int and num.value < 10:
        return "network-generation"  # "5G base stations", "4G": no grams
    if rx(r"(?i)(?:\s?[–-]\s?\d+(?:[.,]\d+)?)?[" + HSPACE + r"-]?kV\b").match(
        text, num.end, num.end + 20
    ):
        # "a 110 kV substation", "220-kV lines", "0.4–10 kV networks": a kind of equipment
        return "voltage-class"
    if rx(r"(?i)\.(?:kg|kz|uz|ru|tj|by|com|org|net|info|media|news)\b(?!\.?\d)").match(after):
        return "web-address"  # "24.kg news agency": a site's name, not 24 kilograms
    if (
        num.plain_int
        and 1 <= num.value <= 31
        and (_MONTH_AFTER.match(text, num.end) or _MONTH_BEFORE.search(before))
    ):  # "in August 38 new buses": no day
        return "day-of-month"
    if (
        rx(r"[-–][\p{L}]").match(after)
        and not rx(r"(?i)[-–](?:fold|times)").match(after)
        and not unit_follows
        and not (num.plain_int and _CAPACITY_AFTER.match(after))
    ):
        # "three-shift schools", "5-storey", "2-room": a compound modifier, no amount.
        return "compound-modifier"
    if (
        rx(r"(?i)\s+of\s+(?:the|these|those|them|which|its|their|our)\b").match(after)
        and text[num.start : num.end].lower() == "one"
    ):
        return "one-of-the"  # "one of the largest"; "five of them" is an amount
    if _FRACTION_AFTER.match(text, num.end):
        return "fraction"  # "two fifths", "three quarters of the budget": a share in words
    spelled = text[num.start : num.end].lower()
    if (
        (spelled == "one" and _ONE_IN_AFTER.match(text, num.end))
        or (spelled in _SPELLED_SMALL and _SPELLED_IN_AFTER.match(text, num.end))
        or _ONE_IN_BEFORE.search(before)
        or (_SPELLED_IN_BEFORE.search(before) and spelled in _SPELLED_SMALL)
    ):
        # "one in five schools", "one out of three", "four out of five schools": a share
        # in words (in digits, "19 out of 54" counts both)
        return "fraction"
    if spelled == "one" and _AS_ONE_SAID.match(text, num.end) and _AS_BEFORE.search(before):
        return "as-one-said"  # "not 30, as one newspaper wrote": who said it, no count
    price_of = _UNIT_PRICE_BEFORE.search(text, max(0, num.start - 60), num.start)
    if (
        spelled == "one" and (price_of or _UNIT_COST_AFTER.match(text, num.end, num.end + 100))
    ) or (spelled == "1" and price_of and not _SCALE_AFTER.match(after)):
        # "the average cost of one courtyard", "the cost of repairing one square metre",
        # "the fare for one trip", "the average area of one fire", "one kilometre cost",
        # "the average cost of 1 kWh": the unit a price, a cost or an average is of, no
        # amount of its own
        return "unit-of-price"
    return None


_FRACTION_AFTER = rx(
    r"(?i)"
    + WS_START
    + r"[ -](?:halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)\b"
)
# "one in five", "one out of every ten": a share in words, neither number an amount.
_SMALL_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,3})\b"
_ONE_IN_AFTER = rx(r"(?i)" + WS_START + r"\s+(?:in|out\s+of)\s+(?:every\s+)?" + _SMALL_NUMBER)
_ONE_IN_BEFORE = rx(r"(?i)\bone\s+(?:in|out\s+of)\s+(?:every\s+)?$")
_SPELLED_SMALL = frozenset("two three four five six seven eight nine ten".split())
_SPELLED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\b"
_SPELLED_IN_AFTER = rx(r"(?i)" + WS_START + r"\s+(?:in|out\s+of)\s+(?:every\s+)?" + _SPELLED)
_SPELLED_IN_BEFORE = rx(r"(?i)\b" + _SPELLED + r"\s+(?:in|out\s+of)\s+(?:every\s+)?$")
# "as one newspaper wrote", "as one deputy put it": the one who said it
_AS_BEFORE = rx(r"(?i)\bas\s+$")
_AS_ONE_SAID = rx(
    r"(?i)"
    + WS_START
    + r"\s+(?:[\p{L}-]+\s+){1,2}(?:wrote|said|says|writes|reported|claimed|put\s+it)\b"
)
_UNIT_PRICE_BEFORE = rx(
    r"(?i)(?:\b(?:cost|price|wage|salary|value|tariff|fee|rent|fare)\s+(?:of|for)"
    r"|\baverage\s+[\p{L}-]+\s+(?:of|for|per))\s+"
    # "the cost of repairing one", "of producing and delivering one"
    r"(?:[\p{L}-]+ing\s+(?:and\s+[\p{L}-]+ing\s+)?)?$"
)
_UNIT_COST_AFTER = rx(
    r"(?i)\s+(?:(?:[\p{L}-]+\s+){1,2}of\s+[^.;:\d]{1,60}?"
    # "one kilometre cost", "one school place costs" (not "one school will cost")
    r"|(?:(?!(?:will|would|shall|may|might|could|to)\b)[\p{L}-]+\s+){1,2})cost(?:s|ed)?\b"
)
_SCALE_AFTER = rx(
    r"(?i)\s?(?:thousand|million|billion|trillion|thsd|ths|thou|mln|mn|bln|bn|trln)\b"
)


def find_candidates(text: str, lexicon: UnitLexicon | None = None) -> list[Candidate]:
    """Every quantity candidate in ``text``, left to right, not overlapping.

    Args:
        text: the document text.
        lexicon: the unit lexicon (default: the package's).

    Returns:
        Candidates with offsets, values, and the unit when the text states it next to
        the number; numbers with no unit yet have ``unit=None``.
    """
    lexicon = lexicon or load_lexicon()
    out: list[Candidate] = []
    pos = 0
    while True:
        m = _START.search(text, pos)
        if not m:
            break
        cand = _candidate_at(text, m.start(), lexicon)
        if cand is None:
            pos = m.end()
            continue
        out.extend(cand)
        pos = max(c.end for c in cand)
    return _inherit_in_contrasts(text, _inherit_in_lists(text, _with_multiplier_words(text, out)))


# A multiplier written as a word: "has tripled", "doubled", "grew almost threefold", "we
# intend to double the revenue", "almost doubling in three years".
# "twice" only where it compares ("twice as many as in 2019", "still twice the level of",
# "grew twice"), not where it counts ("twice a year", "met twice").
_MULTIPLIER_WORD = rx(
    r"(?i)(?<![\p{L}-])(?:(?P<verb>doubled|tripled|quadrupled|doubling|tripling)"
    # "we intend to double the revenue", "must double investment", "double the volume of 2022"
    r"|(?<=\b(?:to|will|would|shall|should|must|can|could)\s+(?:almost\s+|nearly\s+|at\s+least\s+)?)"
    r"(?P<verb>double|triple|quadruple)"
    r"|(?P<verb>double|triple)(?=\s+(?:the|its|their|that)\s)"
    r"|(?P<n>two|three|four|five|six|"
    r"seven|eight|nine|ten)[-\s]?fold"
    r"|(?P<verb>twice|thrice)(?=\s+(?:as|the|more|higher|lower|less|fewer|larger|bigger|"
    r"smaller|faster|over)\b)"
    r"|(?<=\b(?:increased|grew|rose|decreased|fell|dropped|declined|reduced|cut|expanded"
    r"|multiplied)\s+(?:almost\s+|nearly\s+|more\s+than\s+|about\s+)?)(?P<verb>twice|thrice)"
    r")(?![\p{L}-])"
)
_VERB_TIMES = {
    "doubled": 2, "tripled": 3, "quadrupled": 4, "twice": 2, "thrice": 3, "doubling": 2,
    "tripling": 3, "double": 2, "triple": 3, "quadruple": 4,
}  # fmt: skip
_FOLD_TIMES = {
    w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)
}


def _with_multiplier_words(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the multipliers written as words ("has tripled" -> 3 x) that no
    candidate covers, in text order."""
    extra = []
    taken = [(c.start, c.end) for c in found]
    for m in _MULTIPLIER_WORD.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        times = _VERB_TIMES[m["verb"].lower()] if m["verb"] else _FOLD_TIMES[m["n"].lower()]
        extra.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                core_end=m.end(),
                value=Decimal(times),
                unit="x",
                qualifier=_qualifier_before(text, m.start()),
            )
        )
    return sorted(found + extra, key=lambda c: c.start) if extra else found


# Units with a scale inside: billion / million cubic meters (of gas).
_SCALED_UNITS = {"bcm": Decimal("1e9"), "mcm": Decimal("1e6")}
_SCALED_UNIT = re.compile(r"(?i)" + WS_START + r"\s*(bcm|mcm)(?![\p{L}\d])")


_HUNDREDTH = Decimal("0.01")
_AND_HUNDREDTHS = rx(WS_START + r"[" + HSPACE + r"]++(?:and[" + HSPACE + r"]++)?")


def _hundredths_after(
    text: str, end: int, unit: str, lexicon: UnitLexicon
) -> tuple[Decimal, int] | None:
    """The hundredths of ``unit`` written after its amount ("rubles 40 kopecks") as a
    value and where they end; None when none follow."""
    gap = _AND_HUNDREDTHS.match(text, end)
    if gap is None:
        return None
    num = _read_number(text, gap.end(), after_currency=False)
    if num is None or num.scale is not None or not 0 < num.value < 100:
        return None
    minor = lexicon.minor.match(text, num.end)
    if minor is None or lexicon.minor_codes[minor.group().strip().lower()] != unit:
        return None
    return num.value / 100, minor.end()


def _candidate_at(text: str, pos: int, lexicon: UnitLexicon) -> list[Candidate] | None:
    currency = _currency_before(text, pos, lexicon)
    num = _read_number(text, pos, after_currency=currency is not None)
    if num is None:
        return None
    why = _excluded(text, num, lexicon)
    if why:
        return None
    start = currency[0] if currency else num.start
    unit = currency[1] if currency else None
    end = num.end
    low = high = None
    value: Decimal | None = num.value
    scale = num.scale
    inherit_next = False
    first_only: Candidate | None = None

    # A range: "3 to 6 years", "8,000-18,000 tenge", "4-5%", "between 5 and 7 percent".
    rm = _RANGE_SEP.match(text, num.end)
    if rm:
        sep = rm.group().strip()
        before = text[max(0, start - 180) : start]
        second = _read_number(text, rm.end(), after_currency=currency is not None, second=True)
        between = bool(rx(r"(?i)\bbetween\s+$").search(before))
        ok_sep = sep in ("-", "–", "—", "to") or (sep == "and" and between)
        if second and ok_sep and not _excluded(text, second):
            is_years = (
                num.plain_int and second.plain_int
                and _YEAR.fullmatch(text[num.start:num.end])
                and _YEAR.fullmatch(text[second.start:second.end])
            )  # fmt: skip
            if is_years:
                return None  # "2021-2025" is TIME
            if (
                num.plain_int
                and _YEAR.fullmatch(text[num.start : num.end])
                and sep == "to"
                and (
                    second.value < 1000 or _TIME_PREP_BEFORE.search(text, max(0, start - 20), start)
                )
            ):
                # "from 2.7% in 2025 to 1.6%", "from 5,9 billion somoni in 2011 to 19,8
                # billion": a year, then the next amount
                return None
            if (
                num.plain_int
                and _YEAR.fullmatch(text[num.start : num.end])
                and sep in ("-", "–", "—")
                and (
                    second.value / (second.scale or 1) < num.value
                    # "...: 2019 – 2 684,3; 2025 – 3 905,0": a year cell of a list line
                    or rx(r"[:;][ \t]*+$").search(text, max(0, start - 4), start)
                    # "(in 2018 – 28 114 people)": a year after "in" labels what follows
                    or rx(r"(?i)\(\s*in\s+$").search(text, max(0, start - 6), start)
                    # "(for the same period of 2019 – 15 912, 1 kg)", "in 2019 – 15 912 kg":
                    # a year a time phrase ends, before a spaced dash
                    or (
                        _YEAR_OF_TIME_BEFORE.search(text, max(0, start - 20), start)
                        and rx(r"[ \t]+[–—-][ \t]+").fullmatch(text, num.end, second.start)
                    )
                )
            ):
                # "in 2020 – 88,1 percent", "(in 2012 – 1,87 billion rubles)": a year labels
                # the amount after the dash
                return None
            low_v = num.value
            if num.scale is None and second.scale is not None:
                low_v = num.value * second.scale  # "8-10 billion": the scale covers both
            if _CHANGE_VERB_FROM.search(before) and sep == "to" and not _SPREAD_FROM.search(before):
                # "grew from 5 to 7 percent": two values, not a range.
                # (its value has the scale of the second already: "from 336 to 376
                # million square meters" is 336 million, scaled once)
                first_only = Candidate(
                    start, num.end, num.end, low_v, unit=unit, scale=num.scale or second.scale,
                    qualifier=_qualifier_before(text, start), inherit_next=True,
                )  # fmt: skip
                rest = _candidate_at(text, second.start, lexicon)
                return [first_only, *(rest or [])]
            low, high, value = low_v, second.value, None
            scale = second.scale or num.scale
            end = second.end
            num = _Num(num.start, second.end, second.value, second.scale, second.is_word, False)

    core_end = end
    rate = None
    scaled = _SCALED_UNIT.match(text, end) if unit is None else None
    if scaled:
        # "77.3 bcm": billion cubic meters, a scale built into the unit.
        factor = _SCALED_UNITS[scaled.group(1).lower()]
        value = value * factor if value is not None else None
        low = low * factor if low is not None else None
        high = high * factor if high is not None else None
        unit, end = "m3", scaled.end()
    if unit is None:
        ua = _unit_after(text, end, lexicon)
        if ua is None and rx(r"[-–]").match(text[end : end + 1]):
            ua = _unit_after(text, end + 1, lexicon)  # "100-megawatt", "5-hectare"
            if ua and lexicon.kind_of(ua[1]) == "time":
                return None  # "five-year survival rate"
        if ua is None and _WRAPPED.match(text, end):
            # "manufactured 655.8 trillion\nsoums worth of ...", "reached 133 814\ntenge per
            # square metre": a newspaper's line wrap between a number and its unit (a wrapped
            # line goes on in lower case; a list's next row starts with its label)
            ua = _unit_after(text, _WRAPPED.match(text, end).end(), lexicon)
        if ua:
            end, unit = ua
    if unit is None and (minor := lexicon.minor.match(text, end)) is not None:
        # "40 kopecks", "seventy tyiyn per kilowatt-hour": hundredths of a currency, kept
        # as a scale so the numbers of its list or change take it too ("from 70 to 77")
        unit, end = lexicon.minor_codes[minor.group().strip().lower()], minor.end()
        value, low, high = (v / 100 if v is not None else None for v in (value, low, high))
        scale = (scale or 1) * _HUNDREDTH
    elif unit is not None and value is not None and lexicon.kind_of(unit) == "currency":
        # "52 rubles 40 kopecks", "one som twenty-seven tyiyn": the hundredths after the
        # currency belong to the amount
        hundredths = _hundredths_after(text, end, unit, lexicon)
        if hundredths is not None:
            value, end = value + hundredths[0], hundredths[1]
    if unit is not None:
        rm2 = lexicon.rate.match(text, end) or _PER_NOUN.match(text, end)
        if rm2 and unit != "x":
            rate = rate_code(lexicon, rm2.group()) or per_code(lexicon, rm2.group())
            end = rm2.end()
        else:
            om = OF_PER.match(text, end) or lexicon.rate_outside.match(text, end)
            if om and lexicon.kind_of(unit) not in ("ratio", "time"):
                surface = om.group(1) if om.re is OF_PER else om.group()
                rate = rate_code(lexicon, surface)
    is_year = bool(
        unit is None and num.plain_int and value is not None
        and _YEAR.fullmatch(text[num.start:num.end])
    )  # fmt: skip
    if is_year:
        return None
    cand = Candidate(
        start=start,
        end=end,
        core_end=core_end,
        value=value,
        low=low,
        high=high,
        unit=f"{unit}/{rate}" if unit and rate and rate != unit else unit,
        qualifier=_qualifier_before(text, start),
        scale=scale,
        rate=rate,
        inherit_next=inherit_next,
    )
    return [cand]


# Between members of a list, with or without a dash label: ", healthcare – ".
LABELLED_LIST_GAP = re.compile(
    WS_START + r"\s*(?:,|;|and|,\s*and)\s*(?:(?:the\s+)?[\p{L}][\p{L}’' -]{0,50}?\s[–—]\s*)?"
)


_LIST_GAP = re.compile(WS_START + r"\s*(?:,|;|and|or|,\s*and)\s*")


# "the money reached the sites by about 80 percent, not 95.", "the building is 78 percent
# ready, not 61": a bare number that corrects the amount before it is in its unit.
_CONTRAST_GAP = rx(
    WS_START + r"(?:(?:\s+[\p{L}-]+){0,2},?\s+(?:and\s+|but\s+)?not\s+(?:about\s+|some\s+)?"
    # "38 kilometers of heating networks this year – not 30", "680 doctors, most of them
    # in villages – not 860", "14 people left – no, 11": a correction set off by a dash
    r"|(?:,?\s+[\p{L}-]+){0,7}\s+[–—]\s+(?:not|no,)\s+(?:about\s+|some\s+)?)"
)
_CONTRAST_END = rx(r"\s*(?:[.;!?)]|,\s|\s+as\s|$)")


def _inherit_in_contrasts(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A bare number after ", not" takes the unit (and scale) of the amount it corrects."""
    out = list(cands)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.unit is not None or prev.unit is None or prev.is_range:
            continue
        if corrects(text, prev, cur):
            out[i] = in_unit_of(cur, prev, "contrast")
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        if cur.unit is not None or nxt.unit is None or nxt.is_range:
            continue
        if denied_for(text, cur, nxt):
            out[i] = in_unit_of(cur, nxt, "contrast")
    return out


def corrects(text: str, prev: Candidate, cur: Candidate) -> bool:
    """Whether the bare number ``cur`` corrects the amount ``prev`` before it ("38 km this
    year – not 30, as one newspaper wrote"), and so is in its unit."""
    return bool(
        _CONTRAST_GAP.fullmatch(text, prev.end, cur.start) and _CONTRAST_END.match(text, cur.end)
    )


def denied_for(text: str, cur: Candidate, nxt: Candidate) -> bool:
    """Whether the bare number ``cur`` is denied for the amount ``nxt`` after it ("Not 40,
    but 46 thousand spindles"), and so is in its unit."""
    return bool(
        _NOT_BEFORE.search(text, max(0, cur.start - 8), cur.start)
        and _BUT_GAP.fullmatch(text, cur.end, nxt.start)
    )


_NOT_BEFORE = rx(r"(?i)\bnot\s+$")
_BUT_GAP = rx(r",?\s+but\s+(?:about\s+|some\s+)?")


def in_unit_of(cur: Candidate, donor: Candidate, note: str) -> Candidate:
    """``cur`` in the unit of ``donor``, and in its scale when ``cur`` has none ("441.4"
    before "124.7 billion tenge" is billions of tenge too)."""
    value = cur.value
    if cur.scale is None and donor.scale is not None and value is not None:
        value = value * donor.scale
    return replace(cur, unit=donor.unit, value=value, scale=cur.scale or donor.scale,
                   notes=(*cur.notes, note))  # fmt: skip


def _inherit_in_lists(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Numbers in a list take the unit and scale of the one that ends it.

    "441.4, 316.7 and 124.7 billion tenge": the first two are billions of tenge too.
    """
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if cur.unit is not None and not cur.inherit_next:
            continue
        gap = text[cur.end : nxt.start]
        # "441.4, 316.7 and 124.7 billion tenge"; "education – 168.2, housing – 124.9 and
        # transport – 96.5 billion tenge": a list whose members carry dash labels.
        labelled = LABELLED_LIST_GAP.fullmatch(gap)
        if labelled and cur.scale is not None:
            labelled = None  # "6.1 trillion, healthcare – 2.9 trillion": already scaled
        if not (cur.inherit_next or labelled or _LIST_GAP.fullmatch(gap)):
            continue
        if nxt.unit is None:
            continue
        if cur.scale is not None and nxt.unit in ("x", "%"):
            continue  # "reached 6.6 million, 3.5 times more": a scaled number is no ratio
        if cur.inherit_next and nxt.scale is None:
            out[i] = replace(cur, unit=nxt.unit)
            continue
        out[i] = in_unit_of(cur, nxt, "list")
    return out
