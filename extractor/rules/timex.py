"""Time expressions: find them in text and resolve them to ISO dates (docs/schema.md, TIME).

Pure: no spaCy. The component supplies what needs the parse (the clause's tense) and the
period an anaphoric expression ("this period") refers back to.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from .intervals import Intervals
from .numbers import NumberError, parse_word_number
from .rx import HSPACE, SENTENCE_END, WS_START, rx

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
    "a": 1, "an": 1,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "i": 1, "ii": 2, "iii": 3, "iv": 4,
}  # fmt: skip
PREPOSITIONS = (
    "since", "from", "by", "until", "till", "to", "before", "after", "in", "on", "at",
    "during", "over", "for", "within", "through", "throughout", "as of", "of",
)  # fmt: skip

# A year as official texts write one (1950-2059): the one pattern of it in the project.
YEAR = r"(?:19[5-9]\d|20[0-5]\d)"
_Y = YEAR
MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ANY_CASE = r"(?i:" + MONTH_NAMES[3:-1] + r")"
# Only abbreviations take a full stop: "Sept. 15", never "August." at a sentence's end.
_MONTH = r"(?:" + MONTH_NAMES[3:-1] + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_N = r"(?:\d{1,2}|" + "|".join(k for k in SMALL_NUMBERS if len(k) > 2) + r")"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|I{1,3}|IV)"
_UNIT = r"(?:years?|months?|weeks?|days?|decades?)"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_SPOKEN_CORE = (
    # "twenty twenty one", "twenty nineteen", "twenty oh five"
    rf"twenty[\s-]+(?:(?:twenty|thirty)(?:[\s-]+(?:{_ONES}))?|{_TEENS}|oh[\s-]+(?:{_ONES}))"
    # "(in) two thousand and nineteen": only after a preposition ("two thousand five
    # jobs" is an amount)
    r"|(?<=\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f|[Bb]efore|[Aa]fter|[Ff]or|[Dd]uring"
    r"|[Tt]ill|[Tt]hrough|[Yy]ear|" + MONTH_NAMES[3:-1] + r")\s)"
    rf"two\s+thousand(?:\s+and)?\s+(?:(?:twenty|thirty)(?:[\s-]+(?:{_ONES}))?|{_TEENS}|{_ONES})"
    # "nineteen ninety one"
    rf"|nineteen[\s-]+(?:fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{_ONES}))?"
)
_SPOKEN_END = (
    r"(?![\p{L}-])(?!\s+(?:percent|per\s+cent|thousand|million|billion|trillion|hundred)\b)"
)
_SPOKEN_YEAR = r"(?<![\p{L}-])(?P<spoken>" + _SPOKEN_CORE + r")" + _SPOKEN_END
# "the heating season twenty twenty two twenty twenty three": two spoken years in a row
_SPOKEN_YEAR_RANGE = (
    r"(?<![\p{L}-])(?P<spoken>(?:"
    + _SPOKEN_CORE
    + r"))\s+(?:to\s+|and\s+|-\s*)?(?P<spoken2>(?:"
    + _SPOKEN_CORE
    + r"))"
    + _SPOKEN_END
)
# "the 1970s", "the nineteen seventies", "the nineties": a decade
_DECADE = (
    r"(?:the\s+)?(?:(?P<dec>19[5-9]0|20[0-4]0)['’]?s"
    r"|(?:nineteen[\s-]+|(?<=\bthe\s))(?P<decw>fifties|sixties|seventies|eighties|nineties))"
    r"(?![\p{L}])"
)
_DECADE_WORDS = {"fifties": 1950, "sixties": 1960, "seventies": 1970, "eighties": 1980,
                 "nineties": 1990}  # fmt: skip


def spoken_year(words: str) -> int | None:
    """The year of a spoken form ("twenty twenty one" -> 2021), or None."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + (_small(parts[2:]) or 0)
    if parts[0] in ("twenty", "nineteen"):
        century = 2000 if parts[0] == "twenty" else 1900
        rest = parts[1:]
        if rest[:1] == ["oh"]:
            rest = rest[1:]
        value = _small(rest)
        return century + value if value is not None else None
    return None


def _small(words: list[str]) -> int | None:
    """A number below 100 in words (["twenty", "one"] -> 21); None when not one."""
    try:
        value = parse_word_number(" ".join(words)) if words else None
    except NumberError:
        return None
    return int(value) if value is not None and 0 < value < 100 and value == int(value) else None


_YEAR_REF = (
    r"(?:(?P<yr>" + _Y + r")|(?P<rel>this|the\s+current|the\s+present|current|last|the\s+last"
    r"|the\s+previous|previous|next|the\s+next)\s+year|the\s+year"
    r"|(?P<spk>(?:" + _SPOKEN_CORE + r"))" + _SPOKEN_END + r")"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
# Days of the month as spoken: "the tenth of April", "the twenty eighth of September".
_ORDINAL_DAYS = {
    word: i + 1
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
_ORDINAL_DAYS.update({f"twenty {w}": 20 + n for w, n in list(_ORDINAL_DAYS.items())[:9]})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty first": 31})
_ORDINAL_DAY = (
    r"(?:"
    + "|".join(w.replace(" ", r"[\s-]") for w in sorted(_ORDINAL_DAYS, key=len, reverse=True))
    + r"|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
)

# A year written in digits or spoken ("2022", "twenty twenty two"), after a month in a
# transcript's lower case.
_YEAR_WRITTEN_OR_SPOKEN = (
    r"(?:(?P<yr>" + _Y + r")|(?P<spk>" + _SPOKEN_CORE + r")" + _SPOKEN_END + r")"
)

# (kind, pattern); each pattern's named groups feed _base_period.
PATTERNS: list[tuple[str, str]] = [
    (
        # "October 2023 – March 2024": months of two years.
        "month_year_range",
        r"(?P<mon>" + _MONTH + r")\s+(?P<yr>" + _Y + r")\s*(?:[-–—]|\s(?:through|to|till|until)\s)"
        r"\s*(?P<mon2>" + _MONTH + r")\s+(?P<yr2>" + _Y + r")",
    ),
    (
        # "27 March – 20 May", "1 June - 31 August 2024": days of two months.
        "day_month_range",
        r"(?P<day>"
        + _DAY
        + r")\s+(?P<mon>"
        + MONTH_NAMES
        + r")\s*(?:[-–—]|\s(?:to|till|until|through)\s)\s*(?P<day2>"
        + _DAY
        + r")\s+(?P<mon2>"
        + MONTH_NAMES
        + r")(?:,?\s+(?P<yr>"
        + _Y
        + r"))?",
    ),
    (
        # "April 1 to October 15", "Sept. 1 – Dec. 31, 2024": the agencies' order, month first
        "day_month_range",
        r"(?P<mon>"
        + _MONTH
        + r")\s+(?P<day>"
        + _DAY
        + r")\s*(?:[-–—]|\s(?:to|till|until|through)\s)\s*(?P<mon2>"
        + _MONTH
        + r")\s+(?P<day2>"
        + _DAY
        + r")(?:,?\s+(?P<yr>"
        + _Y
        + r"))?",
    ),
    (
        # "4-5 October", "12–14 March 2024": days of one month; "from 3 to 9 February"
        "day_range",
        r"(?P<day>"
        + _DAY
        + r")\s*(?:[-–—]|(?<=\b[Ff]rom\s+\d{1,2}(?:st|nd|rd|th)?)\s+(?:to|till|until|through)\s)"
        r"\s*(?P<day2>" + _DAY + r")\s+(?P<mon>" + MONTH_NAMES + r")(?:,?\s+(?P<yr>" + _Y + r"))?",
    ),
    (
        # "Nov. 14-15", "March 3–4, 2021": the agencies' order, month first
        "day_range",
        r"(?P<mon>"
        + _MONTH
        + r")\s+(?P<day>"
        + _DAY
        + r")\s*[-–—]\s*(?P<day2>"
        + _DAY
        + r")(?:,?\s+(?P<yr>"
        + _Y
        + r"))?",
    ),
    ("date", r"(?P<mon>" + _MONTH + r")\s+(?P<day>" + _DAY + r"),?\s+(?P<yr>" + _Y + r")"),
    ("date", r"(?P<day>" + _DAY + r")\s+(?P<mon>" + _MONTH + r"),?\s+(?P<yr>" + _Y + r")"),
    ("date", r"(?P<day>\d{1,2})\.(?P<mnum>\d{2})\.(?P<yr>" + _Y + r")"),
    ("date", r"(?P<yr>" + _Y + r")-(?P<mnum>\d{2})-(?P<day>\d{2})"),
    (
        "month_range",
        r"(?P<mon>"
        + _MONTH
        + r")\s*(?:[-–—]|\s(?:through|to|till|until)\s)\s*(?P<mon2>"
        + _MONTH
        + r")(?:\s+(?:of\s+)?"
        + _YEAR_REF
        + r")?",
    ),
    (
        "first_months",
        r"(?:the\s+)?(?:first\s+)?(?P<n>" + _N + r")\s+months\s+of\s+" + _YEAR_REF,
    ),
    (
        # "the end of the 2nd quarter", "as of the end of the first half of 2023": the last
        # month of the part.
        "part_end",
        r"(?:the\s+)?end\s+of\s+the\s+(?P<ord>" + _ORD + r")\s+(?P<part>quarter|half|half-year"
        r"|semester)(?:\s+of\s+" + _YEAR_REF + r"|\s+(?P<yr2>" + _Y + r"))?",
    ),
    (
        "part",
        r"(?:the\s+)?(?P<ord>" + _ORD + r")\s+(?P<part>quarter|half|half-year|semester)"
        r"(?:\s+of\s+" + _YEAR_REF + r"|\s+(?P<yr2>" + _Y + r"))?",
    ),
    # "Q1-Q3", "Q2–Q3 2024": quarters from the first to the last named
    (
        "quarter_range",
        r"Q(?P<q1>[1-4])\s*[-–—]\s*Q(?P<q2>[1-4])(?:\s+(?P<yr>" + _Y + r"))?",
    ),
    ("part", r"(?P<q>Q[1-4]|H[12])(?:\s+(?P<yr>" + _Y + r"))?"),
    # "results of the half-year", "in the half-year": a report's first half of the year
    ("part", r"the\s+(?P<part>half-year)(?:\s+of\s+" + _YEAR_REF + r"|\s+(?P<yr2>" + _Y + r"))?"),
    # "after the 2025 half-year", "the 2023 first quarter": the year before the part
    (
        "part",
        r"the\s+(?P<yr>" + _Y + r")\s+(?P<ord>" + _ORD + r")\s+(?P<part>quarter|half)(?![\p{L}-])",
    ),
    ("part", r"the\s+(?P<yr>" + _Y + r")\s+(?P<part>half-year)(?![\p{L}-])"),
    # "Nine-month results", "the six-month report": the first months of the year
    (
        "first_months",
        r"(?P<n>" + _N + r")-month(?=\s+(?:results|report|period|figures|plan|indicators))",
    ),
    ("month", r"(?P<day>" + _DAY + r")\s+(?P<mon>" + MONTH_NAMES + r")\s+(?:of\s+)?" + _YEAR_REF),
    ("month", r"(?P<mon>" + _MONTH + r")\s+(?:of\s+)?" + _YEAR_REF),
    (
        "month",
        r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|mid|mid-|late)\s*(?P<mon>"
        + MONTH_NAMES
        + r")(?:\s+(?:of\s+)?"
        + _YEAR_REF
        + r")?",
    ),
    (
        # "the tenth of April", "the 28th of September 2022": a day of a month
        "month",
        r"(?:the\s+)?(?P<dayord>"
        + _ORDINAL_DAY
        + r")\s+of\s+(?P<mon>"
        + MONTH_NAMES
        + r")(?:,?\s+(?P<yr>"
        + _Y
        + r"))?",
    ),
    # An automatic transcript writes months in lower case: "on the tenth of april", "in
    # october twenty twenty two", "since january": a month in any case after a day's
    # ordinal or a preposition of time (never the verb "may" or "march" on its own).
    (
        "month",
        r"(?:the\s+)?(?P<dayord>"
        + _ORDINAL_DAY
        + r")\s+of\s+(?P<mon>"
        + _MONTH_ANY_CASE
        + r")(?:,?\s+(?P<yr>"
        + _Y
        + r")|\s+(?P<spk>"
        + _SPOKEN_CORE
        + r")"
        + _SPOKEN_END
        + r")?",
    ),
    (
        "month",
        r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?P<mon>"
        + _MONTH_ANY_CASE
        + r")(?:\s+(?:of\s+)?"
        + _YEAR_WRITTEN_OR_SPOKEN
        + r")?",
    ),
    (
        "month",
        r"(?<=(?i:\b(?:in|since|from|by|until|till|during|before|after|for|of))\s)(?P<mon>"
        + _MONTH_ANY_CASE
        + r")(?:\s+(?:of\s+)?"
        + _YEAR_WRITTEN_OR_SPOKEN
        + r")?",
    ),
    # "told a briefing on Wednesday", "next Monday": the day of the week nearest the
    # document's date, before it in the past and after it ahead (a weekday that a date
    # follows, "Monday, May 6", is part of the date's span)
    (
        "weekday",
        # ("every Saturday", "on Saturdays" is a frequency, no time)
        r"(?<!\b(?i:every|each)\s)(?:(?P<rel>(?i:last|next))\s+)?(?P<wd>" + _WEEKDAY + r")"
        r"(?!,?\s+(?:\d|" + _MONTH + r"))",
    ),
    # "the committee said on the 10th": a day of the document's own month (of the month
    # before where that day is still ahead in the past tense)
    (
        "day_of_month",
        r"(?<=\bon\s)the\s+(?P<dom>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?=\s*[.,;:)]|\s*$)",
    ),
    (
        "same_date",
        r"the\s+same\s+(?:date|day|time)\s+(?:of\s+)?(?P<last>last\s+year|a\s+year\s+(?:ago|earlier))",
    ),
    # "Receivables on the same date stood at ...": the day named before
    (
        "same_date",
        r"(?<=\b(?:on|as\s+of|by)\s+)the\s+same\s+date(?![\p{L}-])(?!\s+(?:of\s+)?(?:last|a\s+year))",
    ),
    ("rel_month", r"(?P<rel>this|last|next|the\s+previous|the\s+current|the\s+past)\s+month(?!s)"),
    (
        "first_months",
        r"(?<=(?:results?|summary|outcomes?)\s+(?:of|for)\s+(?:the\s+)?(?:first\s+)?)(?P<n>"
        + _N
        + r")\s+months(?!\s+of)",
    ),
    # "In the first six months, exports grew": the first months of the document's year.
    ("first_months", r"the\s+first\s+(?P<n>" + _N + r")\s+months(?!\s+of)"),
    # "Industrial production for eleven months grew": a report's running total (the
    # component keeps it only after a noun or opening its sentence, in a past report;
    # "closed for three months" is an amount of time).
    (
        "running_months",
        r"(?<=\b[Ff]or\s)(?P<n>" + _N + r")\s+months(?!\s+of)(?![\p{L}-])",
    ),
    # "having decreased by 350 million over the quarter": the quarter just named, or the
    # last one ended before the document.
    (
        "the_quarter",
        r"(?<=\b(?:[Oo]ver|[Ff]or|[Dd]uring|[Ii]n)\s)the\s+quarter(?![\p{L}-])(?!\s+of\b)",
    ),
    # "Over the six months 98 600 new jobs were created", "for the same ten months": the
    # report's months so far.
    (
        "the_months",
        r"(?<=\b(?:[Oo]ver|[Ff]or|[Ii]n|[Dd]uring)\s)the\s+(?:same\s+)?(?P<n>" + _N + r")\s+months"
        r"(?![\p{L}-])"
        r"(?!\s+(?:of|since|after|before|following|ahead|to\s+come|that|when|until|till)\b)",
    ),
    # (not "in September 1 810,3 thsd. tons": a number whose groups a space parts)
    (
        "month",
        r"(?P<mon>" + _MONTH + r")\s+(?P<day>" + _DAY + r")(?![\d,.]*\d|[" + HSPACE + r"]\d{3}\b)",
    ),
    ("month", r"(?P<day>" + _DAY + r")\s+(?P<mon>" + MONTH_NAMES + r")"),
    # A school or academic year runs from September: "the 2017-2018 school year", "the past
    # school year", "the new academic year".
    (
        "school_year",
        r"(?:the\s+(?:(?P<yr>" + _Y + r")\s*[-–—/]\s*(?P<yr2>" + _Y + r"|\d{2})"
        r"|(?P<rel>past|last|previous|current|new|next|coming|upcoming))|(?P<rel>this))"
        r"\s+(?:school|academic)\s+year(?![\p{L}-])",
    ),
    # "2021-2025", "2022–23" (a two-digit end joins its dash, and is no decimal or share:
    # "2022 - 71.5%", "in 2021 — 14 schools" are a year labelling an amount)
    (
        "year_range",
        r"(?P<yr>" + _Y + r")(?:\s*[-–—]\s*(?P<yr2>" + _Y + r")"
        r"|[-–—](?P<yr2>\d{2})(?![\d%])(?![.,]\d))(?:\s+years)?",
    ),
    # "from 2011 to 2021", "between 2015 and 2019": "from" and "between" stay outside.
    (
        "year_range",
        r"(?<=\b(?:[Ff]rom|[Bb]etween)\s)(?P<yr>"
        + _Y
        + r")\s+(?:to|till|until|through|and)\s+(?P<yr2>"
        + _Y
        + r")(?![\d%])(?![.,]\d)",
    ),
    ("year_edge", r"(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+" + _YEAR_REF),
    (
        "same_period",
        r"(?:the\s+)?(?:same|corresponding|similar)\s+(?:period|quarter|months|half-year"
        r"|half\s+of\s+the\s+year)\s+(?:of\s+|in\s+)?(?:(?P<yr>"
        + _Y
        + r")|(?P<spoken>"
        + _SPOKEN_CORE
        + r")"
        + _SPOKEN_END
        + r"|last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|ago)|(?:of\s+)?the\s+"
        r"previous\s+year)",
    ),
    ("same_period", r"a\s+year\s+(?:earlier|before|(?P<ago>ago))"),
    (
        "season",
        r"(?:the\s+(?P<season>summer|spring|autumn|winter)\s+(?:tourist\s+)?season"
        r"|(?P<rel>this|last|next|the\s+past|the\s+coming)\s+(?P<season>summer|spring|autumn|fall|winter)|(?P<season>summer|spring|autumn|winter)\s+(?:of\s+)?(?P<yr>"
        + _Y
        + r"))",
    ),
    # "the past decade": the ten years before; "over the decade", "the same decade": the
    # ten-year span the document named ("from 2011 to 2021").
    (
        "duration",
        r"the\s+(?P<dir>past|last|next|coming|previous|following)\s+(?P<unit>decade)(?![\p{L}-])",
    ),
    ("the_decade", r"(?:the|this|that)\s+(?:same\s+)?decade(?![\p{L}-])"),
    # "over the five years", "these three years": the span of that many years named before
    # ("the programme for 2011-2015 ... over the five years")
    (
        "the_n_years",
        r"(?:(?<=\b(?:over|during|in|for|of)\s)the|these|those)\s+(?P<n>two|three|four|five|six"
        r"|seven|eight|nine|ten|\d{1,2})\s+years(?![\p{L}-])"
        r"(?!\s+(?:ago|before|earlier|later|ahead|after|to\s+come|of\s+(?:age|study|service)|(?:19|20)\d\d\b))",
    ),
    (
        "this_period",
        r"(?:this|that|the\s+same|the\s+specified|the\s+indicated)\s+period"
        r"|(?P<reporting>(?:the\s+)?reporting)\s+period"
        r"|(?:these|those)\s+(?:two|three|four|five|\d)\s+days"
        r"|(?:these|those)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
        r"\s+months"
        # "over the period", "planned for the period": the one just named
        r"|(?<=\b(?:over|for|during|in)\s)the\s+period(?!\s+(?:of|from|to|since|until|"
        r"between|when|in|after|before|\d))"
        # "During the season, 1 128 people were involved": the months just named ("from May
        # to August 2015 the region suffered 71 mudflows"), when they are months
        r"|(?<=\b(?:over|for|during|throughout)\s)(?P<season_ref>the\s+season)(?![\p{L}-])"
        r"(?!\s+(?:of|from|to|since|until|between|when|in|after|before|\d))",
    ),
    (
        "vague",
        r"(?:recent|the\s+coming|the\s+next\s+few|the\s+last\s+few|the\s+past\s+few|"
        r"the\s+following|the\s+past|the\s+last)\s+(?:years|decades)",
    ),
    (
        "duration",
        r"(?:the\s+)?(?P<dir>past|last|next|coming|previous|following)\s+(?P<n>"
        + _N
        + r")\s+(?P<unit>"
        + _UNIT
        + r")",
    ),
    ("ago", r"(?P<n>" + _N + r")\s+(?P<unit>" + _UNIT + r")\s+ago"),
    # "rose to 21.6% from 18.9% three years earlier": years before the period just named
    ("years_earlier", r"(?P<n>" + _N + r")\s+years\s+(?:earlier|before)(?![\p{L}-])"),
    (
        "rel_year",
        r"(?P<rel>this|the\s+current|the\s+present|last|the\s+previous|next|the\s+next|"
        r"the\s+coming|the\s+following|the\s+past|the\s+whole|the\s+entire|the\s+full)"
        r"\s+year(?!s)",
    ),
    ("rel_year", r"(?P<rel>the\s+year\s+before\s+last)"),
    # "sums up the year", "the results of the year", "during the year": the reporting year.
    ("report_year", r"(?:the\s+)?reporting\s+year(?![\p{L}-])"),
    (
        "report_year",
        r"(?<=(?:sums?\s+up|summed\s+up|results?\s+of|during|over|throughout|for|of|end(?:ed|s)?)\s+)the\s+year(?![\p{L}\d'’-])(?!\s+(?:(?:19|20)\d\d\b|before|after|of|earlier|ago))",
    ),
    # "The year was not easy", "The year was dry": a sentence about the year reported on
    (
        "report_year",
        r"(?<=(?:^|[.!?:]\s+))The\s+year(?=\s+(?:was|has\s+been|turned\s+out|proved|ended|began)\b)",
    ),
    # "Since independence 701 schools have been built", "over the years of independence":
    # the states the tool reads (Kazakhstan, Uzbekistan, Kyrgyzstan, Tajikistan) became
    # independent in 1991
    ("independence", r"(?<=\bsince\s)independence(?![\p{L}-])(?!\s+(?:day|square|street))"),
    ("independence", r"(?:the\s+)?(?P<years>years)\s+of\s+independence(?![\p{L}-])"),
    # "within a month": from the document's day to the same day a month on (weeks have no
    # ISO precision and are left alone, GUIDELINES §5)
    ("within_a", r"(?<=\bwithin\s)a\s+(?P<unit>month)(?![\p{L}-])"),
    # "as of today" says the figure holds at the document date but is no TIME span of its
    # own (GUIDELINES §5), as "so far" and "to date" are not
    # "the day before yesterday"; "this morning" (also after "as of": it names a moment
    # of the document's day, where "as of today" only says the figure is current)
    ("today", r"(?P<rel>the\s+day\s+before\s+yesterday)"),
    (
        "today",
        r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}(?:[:.]\d\d)?)"
        r"\s+(?:o'clock\s+)?)?(?P<rel>this\s+(?:morning|afternoon|evening))",
    ),
    # A week has no ISO form: "last week", "the past week" are the Monday to Sunday before
    # the document's week; "this week" its Monday to the document's day; "next week" the
    # Monday to Sunday after it
    (
        "rel_week",
        r"(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+coming)\s+week(?![\p{L}-])",
    ),
    # "the weekend": the Saturday and Sunday nearest the document's day (the one just past
    # from Monday to Wednesday, the coming one on Thursday and Friday)
    ("weekend", r"(?:(?P<rel>last|this|next|the\s+past|the\s+coming)|the)\s+weekend(?![\p{L}-])"),
    # "the first decade of May": a month's days 1-10, 11-20 or 21 to its end
    (
        "month_decade",
        r"the\s+(?P<ord>first|second|third|last)\s+(?:decade|ten\s+days)\s+of\s+(?P<mon>"
        + MONTH_NAMES
        + r")(?:\s+(?:of\s+)?(?P<yr>"
        + _Y
        + r"))?",
    ),
    # "tomorrow", "the day after tomorrow"; "over the past day", "in the past 24 hours":
    # the whole day before the document's ("as of yesterday" names a day too, where "as of
    # today" only says the figure is current)
    (
        "today",
        r"(?P<rel>(?<!\bas\s+of\s+)(?:today|this\s+day)|yesterday|(?:the\s+day\s+after\s+)?"
        r"tomorrow|the\s+past\s+day|the\s+(?:past|last)\s+(?:24|twenty[\s-]four)\s+hours)"
        r"(?![\p{L}-])",
    ),
    # "Year to date, the government has borrowed ...": from January to the document's day
    ("year_to_date", r"(?:the\s+)?year[\s-]+to[\s-]+date(?![\p{L}-])"),
    ("month", r"(?P<mon>" + MONTH_NAMES + r")(?!\s+" + _DAY + r")"),
    ("year", r"(?P<yr>" + _Y + r")"),
    # a year as speech-to-text writes it: "twenty twenty one", "two thousand and nineteen",
    # "nineteen ninety one"
    ("spoken_year_range", _SPOKEN_YEAR_RANGE),
    ("spoken_year", _SPOKEN_YEAR),
    ("decade", _DECADE),
]
# Durations that need a preposition to be a time span: "over 3 years" (past or future by
# the clause), "within 3 years" (future). Without it, "3 years" is an amount of time.
_PREP_DURATION = re.compile(
    r"(?i)(?<![\p{L}])(?<!\baged\s)(?P<prep>over|within|during|in|for\s+the)\s+(?P<span>(?P<n>"
    + _N
    + r")\s+(?P<unit>"
    + _UNIT
    + r"))(?![\p{L}])"
)
# Single month names are matched as written ("May" the month, not "may" the verb); the
# other kinds also in a headline's capitals ("GREW BY 4.6% IN THE FIRST QUARTER").
_CASE_SENSITIVE_KINDS = {"month", "date", "weekday"}
# A year's marker as translations from Russian keep it ("2016y.", "2019 y.", "in 2018 year",
# "12.03.2019y."): part of the expression, after a year's digits only
_YEAR_MARK = r"(?:(?<=(?:19|20)\d\d)(?:[ \t]?y\.|[ \t]+year\b(?!s)))?"
_COMPILED = [
    (
        kind,
        re.compile(
            r"(?<![\p{L}\d][-–]?)(?:" + pattern + r")" + _YEAR_MARK + r"(?![\p{L}\d]|[-–][\p{L}])",
            0 if kind in _CASE_SENSITIVE_KINDS else re.IGNORECASE,
        ),
    )
    for kind, pattern in PATTERNS
]
_PREP_BEFORE = re.compile(
    r"(?i)(?<![\p{L}])(" + "|".join(p.replace(" ", r"\s+") for p in PREPOSITIONS) + r")\s+$"
)
_DAY_KINDS = {"date", "month"}
_WEEKDAY_BEFORE = re.compile(r"(?<![\p{L}])" + _WEEKDAY + r",?\s+$")
_MAY_AFTER = re.compile(r"(?i)\b(?:in|since|until|till|by|from|of|to|early|late|mid|end of)\s+$")
_FROM_TO_AFTER = re.compile(r"(?i)" + WS_START + r"\s*(?:to|till|until|[-–—])\s")


@dataclass(frozen=True)
class TimeMatch:
    """A time expression in the text, before resolution."""

    start: int
    end: int
    kind: str
    groups: dict = field(default_factory=dict, hash=False, compare=False)
    prep: str | None = None


@dataclass(frozen=True)
class DocDate:
    """The document's date at its own precision ("2020", "2020-03", "2020-03-05")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> DocDate | None:
        """Read an ISO date at any precision; None for None or an unreadable value."""
        if not value:
            return None
        m = rx(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?").fullmatch(str(value).strip())
        if not m:
            return None
        return cls(int(m.group(1)), _int(m.group(2)), _int(m.group(3)))

    def iso(self) -> str:
        """The date at its own precision."""
        return _iso(self.year, self.month, self.day)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def small_number(s: str) -> int | None:
    """A count in digits or a small number word ("five" -> 5), else None."""
    s = s.lower()
    if s.isdigit():
        return int(s)
    return SMALL_NUMBERS.get(s)


def find_times(text: str) -> list[TimeMatch]:
    """Every time expression in ``text``: longest first, not overlapping, left to right.

    Args:
        text: the document text.

    Returns:
        Matches with their kind, captured parts and the preposition before them.
    """
    found: list[tuple[int, int, str, dict]] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), kind, m.groupdict()))
    for m in _PREP_DURATION.finditer(text):
        found.append(
            (m.start("span"), m.end("span"), "duration", {**m.groupdict(), "dir": m.group("prep")})
        )
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken = Intervals()
    out: list[TimeMatch] = []
    for start, end, kind, groups in found:
        if taken.overlaps(start, end):
            continue
        if (
            kind == "month"
            and groups.get("mon") == "May"
            and not groups.get("yr")
            and not groups.get("day")
        ):
            # "May" alone is a month only after a preposition ("in May"), not the modal verb.
            if not _MAY_AFTER.search(text[max(0, start - 12) : start]):
                continue
        if kind == "year" and _year_is_not_time(text, start, end):
            continue
        if kind.endswith("_range") and _MOVED_FROM.search(text, max(0, start - 40), start):
            # "postponed from 2023 to 2025": the old date and the new one, no period between
            continue
        if _runs_backwards(kind, groups):
            # "the consumer price index for June 2023 to December 2022": a month and the base
            # it is measured against, two times, no period between
            continue
        if kind in _DAY_KINDS:
            wd = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
            if wd and not taken.overlaps(wd.start(), start):
                start = wd.start()  # "Thursday, March 14, 2024": the weekday is inside
        taken.add(start, end)
        prep_m = _PREP_BEFORE.search(text[max(0, start - 12) : start])
        prep = rx(r"\s+").sub(" ", prep_m.group(1).lower()) if prep_m else None
        if prep == "from" and _FROM_TO_AFTER.match(text[end : end + 8]):
            prep = None  # "from 2019 to 2021": two ends of one period, not "since"
        out.append(TimeMatch(start, end, kind, groups, prep))
    out.sort(key=lambda t: t.start)
    return out


# A date moved: "postponed from", "the deadline was moved from", "pushed back from".
_MONTH_YEAR_TO = rx(
    r"(?i)\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?[ \t]+(?:19|20)\d\d"
    r"[ \t]+(?:to|against)[ \t]+$"
)


def _runs_backwards(kind: str, groups: dict) -> bool:
    """A range of years or of months with years whose second end comes before its first."""
    if kind not in ("year_range", "month_year_range"):
        return False
    try:
        first, second = int(groups["yr"]), int(groups["yr2"])
    except (KeyError, TypeError, ValueError):
        return False
    if kind == "month_year_range":
        first = first * 12 + (_month_of({"mon": groups.get("mon")}) or 0)
        second = second * 12 + (_month_of({"mon": groups.get("mon2")}) or 0)
    return second < first


_MOVED_FROM = rx(
    r"(?i)\b(?:postponed|moved|shifted|delayed|rescheduled|deferred|pushed\s+back|put\s+off"
    r"|carried\s+over|transferred|brought\s+forward)\s+(?:\w+\s+)?from\s+$"
)
_AMOUNT_AFTER_YEAR = re.compile(
    WS_START + r"\s*(?:%|percent|tenge|tons?|thousand|million|billion|people|units)"
)


def _year_is_not_time(text: str, start: int, end: int) -> bool:
    """A bare 4-digit year that is really an amount or part of a name."""
    after = text[end : end + 20]
    before = text[max(0, start - 12) : start]
    if rx(r"[.,]\d").match(after) or _AMOUNT_AFTER_YEAR.match(after):
        return True
    if rx(r"(?:No\.?|№|#)\s*$").search(before):
        return True
    return False


# ---------------------------------------------------------------------------------------
# Resolution


def _year_of(groups: dict, doc_date: DocDate | None) -> int | None:
    yr = groups.get("yr") or groups.get("yr2")
    if yr:
        return int(yr)
    if groups.get("spk"):
        return spoken_year(groups["spk"])
    rel = (groups.get("rel") or "").lower()
    if doc_date is None:
        return None
    if not rel:
        return doc_date.year
    rel = rx(r"\s+").sub(" ", rel)
    if rel in ("last", "the last", "the previous", "previous"):
        return doc_date.year - 1
    if rel in ("next", "the next"):
        return doc_date.year + 1
    return doc_date.year


def _month_of(groups: dict) -> int | None:
    if groups.get("mnum"):
        return int(groups["mnum"])
    mon = groups.get("mon")
    return MONTHS.get(mon.lower().rstrip(".")) if mon else None


def _day_of(groups: dict) -> int | None:
    if groups.get("day"):
        return int(rx(r"\D").sub("", groups["day"]))
    spoken = groups.get("dayord")
    if not spoken:
        return None
    digits = rx(r"\d+").match(spoken)
    if digits:
        return int(digits.group())
    return _ORDINAL_DAYS.get(rx(r"[\s-]+").sub(" ", spoken.lower()))


def _weekday(groups: dict, doc_date: DocDate | None, tense: str) -> tuple[str | None, str | None]:
    """The date of "on Wednesday": the nearest such day on or before the document's date in
    the past tense ("last": before it), the nearest after it ahead ("next", "will")."""
    if doc_date is None or doc_date.month is None or doc_date.day is None:
        return None, None
    try:
        today = _dt.date(doc_date.year, doc_date.month, doc_date.day)
    except ValueError:
        return None, None
    wanted = WEEKDAYS.index(groups["wd"])
    rel = (groups.get("rel") or "").lower()
    if rel == "next" or (tense == "future" and rel != "last"):
        ahead = (wanted - today.weekday()) % 7 or 7
        day = today + _dt.timedelta(days=ahead)
    else:
        back = (today.weekday() - wanted) % 7
        if rel == "last" and back == 0:
            back = 7
        day = today - _dt.timedelta(days=back)
    return (day.isoformat(),) * 2


def _week(kind: str, g: dict, doc_date: DocDate | None) -> tuple[str | None, str | None]:
    """The days of "last week", "this week", "next week" or "the weekend" (see PATTERNS)."""
    if doc_date is None or doc_date.month is None or doc_date.day is None:
        return None, None
    today = _dt.date(doc_date.year, doc_date.month, doc_date.day)
    monday = today - _dt.timedelta(days=today.weekday())
    rel = rx(r"\s+").sub(" ", (g.get("rel") or "").lower())
    if kind == "rel_week":
        if rel in ("last", "the past", "the previous"):
            start, end = monday - _dt.timedelta(days=7), monday - _dt.timedelta(days=1)
        elif rel in ("next", "the coming"):
            start, end = monday + _dt.timedelta(days=7), monday + _dt.timedelta(days=13)
        else:
            start, end = monday, today
        return start.isoformat(), end.isoformat()
    saturday = monday + _dt.timedelta(days=5)
    if rel in ("last", "the past") or (not rel and today.weekday() <= 2):
        saturday -= _dt.timedelta(days=7)
    elif rel in ("next", "the coming") and today.weekday() >= 5:
        saturday += _dt.timedelta(days=7)
    return saturday.isoformat(), (saturday + _dt.timedelta(days=1)).isoformat()


def _month_decade(g: dict, doc_date: DocDate | None) -> tuple[str | None, str | None]:
    """Days 1-10, 11-20 or 21 to the end of a month ("the second decade of July")."""
    month = _month_of(g)
    year = int(g["yr"]) if g.get("yr") else (doc_date.year if doc_date else None)
    if year is None or month is None:
        return None, None
    last = calendar.monthrange(year, month)[1]
    first, final = {"first": (1, 10), "second": (11, 20)}.get(g["ord"].lower(), (21, last))
    return _iso(year, month, first), _iso(year, month, final)


def _day_of_month(day: int, doc_date: DocDate | None, tense: str) -> tuple[str | None, str | None]:
    """The date of "on the 10th": that day of the document's month, or of the month before
    when it is still ahead in the past tense (of the month after when it is past ahead)."""
    if doc_date is None or doc_date.month is None or doc_date.day is None:
        return None, None
    year, month = doc_date.year, doc_date.month
    if tense == "future" and day < doc_date.day:
        year, month = shift_months(year, month, 1)
    elif tense != "future" and day > doc_date.day:
        year, month = shift_months(year, month, -1)
    try:
        return (_dt.date(year, month, day).isoformat(),) * 2
    except ValueError:
        return None, None


# How many days before the document's a day word names (after it: negative); "the past
# day" and "the past (last) 24 hours" are the day before, "today" and "this day" the day.
_DAYS_BACK = {
    "the day before yesterday": 2,
    "yesterday": 1,
    "tomorrow": -1,
    "the day after tomorrow": -2,
}


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The year and month ``delta`` months from ``year``-``month`` (negative: before)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _year_named(groups: dict) -> bool:
    """True when the expression names its year, in digits, in words or relatively."""
    return bool(groups.get("yr") or groups.get("rel") or groups.get("spk"))


def base_period(
    match: TimeMatch,
    doc_date: DocDate | None,
    *,
    tense: str = "past",
    previous: tuple[str | None, str | None] | None = None,
) -> tuple[str | None, str | None]:
    """The period an expression names, before its preposition is applied.

    Args:
        match: the expression.
        doc_date: the document date, or None.
        tense: "past" or "future": the clause's tense, for "over 3 years".
        previous: the period of the last resolved expression, for anaphora.

    Returns:
        ``(time_start, time_end)``, each ISO or None.
    """
    g = match.groups
    kind = match.kind
    if kind == "date":
        day = int(rx(r"\D").sub("", g["day"]))
        return (_iso(int(g["yr"]), _month_of(g), day),) * 2
    if kind == "year":
        return (_iso(int(g["yr"])),) * 2
    if kind == "spoken_year":
        year = spoken_year(g["spoken"])
        return (_iso(year),) * 2 if year else (None, None)
    if kind == "spoken_year_range":
        first, last = spoken_year(g["spoken"]), spoken_year(g["spoken2"])
        if not first or not last or not first < last <= first + 10:
            return None, None
        return _iso(first), _iso(last)
    if kind == "decade":
        first = int(g["dec"]) if g.get("dec") else _DECADE_WORDS[g["decw"].lower()]
        return _iso(first), _iso(first + 9)
    if kind == "school_year":
        return _school_year(g, doc_date)
    if kind == "year_range":
        y1 = int(g["yr"])
        y2s = g["yr2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        return _iso(y1), _iso(y2)
    if kind == "month":
        year = _year_of(g, doc_date)
        if year is None:
            return None, None
        month = _month_of(g)
        if (
            not _year_named(g) and doc_date is not None and doc_date.month
            and month > doc_date.month and tense == "past"
            and match.prep not in ("by", "until", "till", "before", "to")
        ):  # fmt: skip
            # "in October" told in a January briefing, in the past tense: last October.
            year -= 1
        elif (
            not _year_named(g) and doc_date is not None and doc_date.month
            and month < doc_date.month and tense == "future"
        ):  # fmt: skip
            # "From 1 January the tariff will rise" told in November: next January.
            year += 1
        day = _day_of(g)
        if day is not None:
            return (_iso(year, month, day),) * 2
        return (_iso(year, month),) * 2
    if kind == "weekday":
        return _weekday(g, doc_date, tense)
    if kind == "day_of_month":
        return _day_of_month(int(g["dom"]), doc_date, tense)
    if kind == "month_year_range":
        return _iso(int(g["yr"]), _month_of(g)), _iso(
            int(g["yr2"]), MONTHS[g["mon2"].lower().rstrip(".")]
        )
    if kind in ("day_range", "day_month_range"):
        # "4-5 October", "27 March – 20 May": days of one month or of two.
        year = int(g["yr"]) if g.get("yr") else (doc_date.year if doc_date is not None else None)
        if year is None:
            return None, None
        month = _month_of(g)
        month2 = MONTHS[g["mon2"].lower().rstrip(".")] if g.get("mon2") else month
        try:
            first = _dt.date(year, month, int(rx(r"\d+").match(g["day"]).group()))
            last = _dt.date(year, month2, int(rx(r"\d+").match(g["day2"]).group()))
        except ValueError:
            return None, None
        return first.isoformat(), last.isoformat()
    if kind == "month_range":
        year = _year_of(g, doc_date)
        if year is None:
            return None, None
        month2 = MONTHS[g["mon2"].lower().rstrip(".")]
        if (
            not _year_named(g) and doc_date is not None and doc_date.month
            and month2 > doc_date.month and tense == "past"
        ):  # fmt: skip
            # "From January to December the region produced ..." told in February: a past
            # report on months still ahead is about last year's.
            year -= 1
        return _iso(year, _month_of(g)), _iso(year, month2)
    if kind in ("running_months", "the_months"):
        n = small_number(g["n"])
        if (
            kind == "the_months"
            and n
            and previous
            and previous[0]
            and previous[1]
            and len(previous[0]) == len(previous[1]) == 7
            and previous[0][:4] == previous[1][:4]
            and int(previous[1][5:]) - int(previous[0][5:]) + 1 == n
        ):
            # "236.4 million dollars for June-August ... over the same three months": the
            # months just named, when they are that many
            return previous
        if doc_date is None or not doc_date.month or not n or n > 12:
            return None, None
        year = doc_date.year if n < doc_date.month else doc_date.year - 1
        return _iso(year, 1), _iso(year, n)
    if kind == "first_months":
        year = _year_of(g, doc_date)
        n = small_number(g["n"])
        if year is None or not n or n > 12:
            return None, None
        return _iso(year, 1), _iso(year, n)
    if kind == "quarter_range":
        year = _year_of(g, doc_date)
        first, last = int(g["q1"]), int(g["q2"])
        if year is None or first > last:
            return None, None
        return _iso(year, 3 * first - 2), _iso(year, 3 * last)
    if kind == "part":
        return _part(g, doc_date)
    if kind == "part_end":
        end = _part(g, doc_date)[1]
        return end, end
    if kind == "year_edge":
        year = _year_of(g, doc_date)
        if year is None:
            return None, None
        edge = g["edge"].lower()
        month = 12 if edge == "end" else 1 if edge in ("beginning", "start") else 6
        return (_iso(year, month),) * 2
    if kind == "within_a":
        if doc_date is None or doc_date.month is None or doc_date.day is None:
            return None, None
        first = _dt.date(doc_date.year, doc_date.month, doc_date.day)
        year, month = shift_months(doc_date.year, doc_date.month, 1)
        day = min(doc_date.day, calendar.monthrange(year, month)[1])
        return first.isoformat(), _dt.date(year, month, day).isoformat()
    if kind == "independence":
        # "since independence" runs on to the document's date (the preposition's doing);
        # "the years of independence" to the document's year
        if g.get("years") and doc_date is not None:
            return _iso(1991), _iso(doc_date.year)
        return _iso(1991), _iso(1991)
    if kind == "report_year":
        if doc_date is None:
            return None, None
        # Reports in the first quarter sum up the year just ended; later ones, and plans,
        # the current year.
        year = (
            doc_date.year - 1
            if doc_date.month is not None and doc_date.month <= 3 and tense != "future"
            else doc_date.year
        )
        return (_iso(year),) * 2
    if kind == "same_date":
        # "As of 15 October ... On the same date last year ...": the day named before, else
        # the document's own
        day = (
            previous[0]
            if previous and previous[0] == previous[1] and len(previous[0] or "") == 10
            else None
        )
        if day is None and doc_date is None:
            return None, None
        day = day or doc_date.iso()
        return (_shift_year(day, -1) if g.get("last") else day,) * 2
    if kind == "rel_month":
        if doc_date is None or doc_date.month is None:
            return None, None
        rel = rx(r"\s+").sub(" ", g["rel"].lower())
        delta = {"last": -1, "the previous": -1, "the past": -1, "next": 1}.get(rel, 0)
        y, m = shift_months(doc_date.year, doc_date.month, delta)
        return (_iso(y, m),) * 2
    if kind == "season":
        return _season(g, doc_date)
    if kind == "rel_year":
        if doc_date is None:
            return None, None
        rel = rx(r"\s+").sub(" ", g["rel"].lower())
        offset = {
            "last": -1, "the previous": -1, "the past": -1, "next": 1, "the next": 1,
            "the coming": 1, "the following": 1, "the year before last": -2,
        }.get(rel, 0)  # fmt: skip
        return (_iso(doc_date.year + offset),) * 2
    if kind == "year_to_date":
        if doc_date is None:
            return None, None
        return _iso(doc_date.year, 1), doc_date.iso()
    if kind in ("rel_week", "weekend"):
        return _week(kind, g, doc_date)
    if kind == "month_decade":
        return _month_decade(g, doc_date)
    if kind == "today":
        if doc_date is None:
            return None, None
        rel = " ".join(g["rel"].lower().split())
        back = _DAYS_BACK.get(rel, 1 if rel.startswith(("the past", "the last")) else 0)
        if not back:
            return (doc_date.iso(),) * 2
        if doc_date.day is None or doc_date.month is None:
            return None, None  # (the day before a date known to its month only)
        day = _dt.date(doc_date.year, doc_date.month, doc_date.day) - _dt.timedelta(days=back)
        return (day.isoformat(),) * 2
    if kind == "duration":
        return _duration({**g, "n": g.get("n") or "1"}, doc_date, tense)
    if kind in ("the_decade", "the_n_years"):
        return previous or (None, None)
    if kind == "ago":
        n = small_number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if doc_date is None or not n:
            return None, None
        if unit == "year":
            return (_iso(doc_date.year - n),) * 2
        if unit == "month" and doc_date.month:
            y, m = shift_months(doc_date.year, doc_date.month, -n)
            return (_iso(y, m),) * 2
        return None, None
    if kind == "this_period":
        return previous or (None, None)
    if kind == "years_earlier":
        n = small_number(g["n"])
        if not n:
            return None, None
        if previous and previous[0] and previous[1]:
            return _shift_year(previous[0], -n)[:4], _shift_year(previous[1], -n)[:4]
        return (_iso(doc_date.year - n),) * 2 if doc_date is not None else (None, None)
    if kind == "the_quarter":
        return _the_quarter(previous, doc_date)
    if kind == "same_period":
        if not previous or not previous[0] or not previous[1]:
            if g.get("ago") and doc_date is not None:
                return (_iso(doc_date.year - 1),) * 2  # "a year ago" said of no period
            return None, None
        if g.get("yr") or g.get("spoken"):
            # ("the same period of twenty fifteen", as speech-to-text writes the year)
            year = int(g["yr"]) if g.get("yr") else spoken_year(g["spoken"])
            return tuple(_iso(year, *_month_day(p)) for p in previous)  # type: ignore[return-value]
        return tuple(_shift_year(p, -1) for p in previous)  # type: ignore[return-value]
    return None, None


def _the_quarter(
    previous: tuple[str | None, str | None] | None, doc_date: DocDate | None
) -> tuple[str | None, str | None]:
    """ "over the quarter": the quarter named just before, else the last one ended before
    the document's date."""
    if previous and previous[0] and previous[1] and len(previous[0]) == len(previous[1]) == 7:
        y1, m1 = (int(x) for x in previous[0].split("-"))
        y2, m2 = (int(x) for x in previous[1].split("-"))
        if (y2 * 12 + m2) - (y1 * 12 + m1) == 2 and m1 % 3 == 1:
            return previous[0], previous[1]
    if doc_date is None or not doc_date.month:
        return None, None
    first = (doc_date.month - 1) // 3 * 3 + 1  # the document's own quarter starts here
    y, m = shift_months(doc_date.year, first, -3)
    return _iso(y, m), _iso(*shift_months(y, m, 2))


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(g: dict, doc_date: DocDate | None) -> tuple[str | None, str | None]:
    """ "this summer" -> June to August; winter spans two years and stays unresolved."""
    months = _SEASONS.get(g["season"].lower())
    if months is None:
        return None, None
    if g.get("yr"):
        year = int(g["yr"])
    elif doc_date is None:
        return None, None
    else:
        rel = rx(r"\s+").sub(" ", (g.get("rel") or "this").lower())
        year = doc_date.year + {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(rel, 0)
    return _iso(year, months[0]), _iso(year, months[1])


def _month_day(iso: str) -> tuple[int | None, int | None]:
    parts = iso.split("-")
    return (int(parts[1]) if len(parts) > 1 else None, int(parts[2]) if len(parts) > 2 else None)


def _shift_year(iso: str, delta: int) -> str:
    return f"{int(iso[:4]) + delta:04d}{iso[4:]}"


def _part(g: dict, doc_date: DocDate | None) -> tuple[str | None, str | None]:
    year = _year_of(g, doc_date)
    if year is None:
        return None, None
    if g.get("q"):
        code = g["q"].upper()
        n, part = int(code[1]), "quarter" if code[0] == "Q" else "half"
    else:
        n = ORDINALS[g["ord"].lower()] if g.get("ord") else 1  # "the half-year": the first
        part = "half" if g["part"].lower().startswith(("half", "semester")) else "quarter"
    if part == "quarter":
        if n > 4:
            return None, None
        return _iso(year, 3 * n - 2), _iso(year, 3 * n)
    if n > 2:
        return None, None
    return _iso(year, 6 * n - 5), _iso(year, 6 * n)


def _duration(g: dict, doc_date: DocDate | None, tense: str) -> tuple[str | None, str | None]:
    n = small_number(g["n"])
    unit = g["unit"].lower().rstrip("s")
    direction = (g.get("dir") or "").lower()
    if doc_date is None or not n:
        return None, None
    # a headline's present reports too: "trade turnover reaches $29.1 billion in nine months"
    headline_present = tense == "present" and direction in ("in", "over") and unit == "month"
    if direction in ("in", "for", "over") and (tense == "past" or headline_present):
        # "In eight months, 15,9 million tons were carried", "over 9 months exports grew"
        # (told in September or October): a report's running total, the first months of
        # the year; "In two days, 56 agreements were
        # signed": the days just before.
        if unit == "month" and doc_date.month and n < doc_date.month:
            return _iso(doc_date.year, 1), _iso(doc_date.year, n)
        if unit == "day" and doc_date.day is not None:
            today = _dt.date(doc_date.year, doc_date.month or 1, doc_date.day)
            return (
                (today - _dt.timedelta(days=n)).isoformat(),
                (today - _dt.timedelta(days=1)).isoformat(),
            )
    if direction in ("past", "last", "previous"):
        past = True
    elif direction in ("next", "coming", "following", "within"):
        past = False
    elif direction == "in":
        # "in five years we will build 40 schools" lies ahead; "in eight years the economy
        # has grown 2.5 times" looks back, like "over the past eight years"
        past = tense == "past"
    else:  # "over", "during", "for the": by the clause
        past = tense != "future"
    if unit == "year":
        return (
            (_iso(doc_date.year - n), _iso(doc_date.year - 1))
            if past
            else (_iso(doc_date.year), _iso(doc_date.year + n))
        )
    if unit == "month":
        if doc_date.month is None:
            return None, None
        if past:
            y1, m1 = shift_months(doc_date.year, doc_date.month, -n)
            y2, m2 = shift_months(doc_date.year, doc_date.month, -1)
            return _iso(y1, m1), _iso(y2, m2)
        y2, m2 = shift_months(doc_date.year, doc_date.month, n)
        return _iso(doc_date.year, doc_date.month), _iso(y2, m2)
    if unit in ("day", "week") and doc_date.day is not None and doc_date.month is not None:
        # "the past ten days", "the past two weeks": the whole days before the document's
        # day; "the next ten days": from it on
        days = n * 7 if unit == "week" else n
        today = _dt.date(doc_date.year, doc_date.month, doc_date.day)
        if past:
            return (
                (today - _dt.timedelta(days=days)).isoformat(),
                (today - _dt.timedelta(days=1)).isoformat(),
            )
        return today.isoformat(), (today + _dt.timedelta(days=days)).isoformat()
    if unit == "decade":
        return (
            (_iso(doc_date.year - 10 * n), _iso(doc_date.year - 1))
            if past
            else (_iso(doc_date.year), _iso(doc_date.year + 10 * n))
        )
    return None, None


def _school_year(g: dict, doc_date: DocDate | None) -> tuple[str | None, str | None]:
    """A school year, at year precision: written out, or relative to the document date.
    In June-August the year just ended is "the past" one and the one ahead "the new" one;
    from September the one under way is "this" and "the new" one."""
    if g.get("yr"):
        y1, y2s = int(g["yr"]), g["yr2"]
        return _iso(y1), _iso(int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s))
    if doc_date is None or doc_date.month is None:
        return None, None
    year, month = doc_date.year, doc_date.month
    current = year if month >= 9 else year - 1  # the school year that started last
    rel = g["rel"].lower()
    if rel in ("past", "last", "previous"):
        start = current if 6 <= month <= 8 else current - 1
    elif rel == "new":
        start = year  # the one ahead, or from September the one just begun
    elif rel in ("next", "coming", "upcoming"):
        start = year if 6 <= month <= 8 else current + 1
    else:  # this, current
        start = current
    return _iso(start), _iso(start + 1)


def resolve(
    match: TimeMatch,
    doc_date: DocDate | None,
    *,
    tense: str = "past",
    previous: tuple[str | None, str | None] | None = None,
) -> tuple[str | None, str | None]:
    """Resolve an expression with the preposition before it (docs/schema.md, TIME).

    "since July 2019" runs to the document date; "by 2022" runs from it.

    Args:
        match: the expression, with ``prep``.
        doc_date: the document date, or None.
        tense: the clause's tense ("past" or "future").
        previous: the last period resolved in the document, for anaphora.

    Returns:
        ``(time_start, time_end)``; None where it cannot be resolved.
    """
    prep = match.prep
    if prep == "since":
        tense = "past"  # "Since Feb. 1 ... and from Apr. 2 ... will": a start already past
    start, end = base_period(match, doc_date, tense=tense, previous=previous)
    if start is None and end is None:
        return None, None
    if match.kind in (
        "duration",
        "vague",
        "this_period",
        "the_quarter",
        "years_earlier",
        "the_decade",
        "the_n_years",
        "same_period",
        "same_date",
        "ago",
        "month_range",
        "month_year_range",
        "day_range",
        "day_month_range",
        "rel_week",
        "weekend",
        "month_decade",
        "quarter_range",
        "year_range",
        "spoken_year_range",
        "decade",
    ):
        # A range names both its ends: "from January through June 2023" is not "since".
        return start, end
    if prep in ("since", "from"):
        if doc_date is None or start[: len(doc_date.iso())] > doc_date.iso()[: len(start)]:
            return start, None  # "from 1 January 2025" told in 2024: no end given
        return start, doc_date.iso()
    if prep in ("by", "until", "till", "before"):
        if doc_date is not None and end is not None and end < doc_date.iso()[: len(end)]:
            # "By the end of the 2nd quarter debt fell to ..." told in August: a point
            # already past is what the figure stood at then, not a deadline ahead
            return start, end
        return (doc_date.iso() if doc_date else None), end
    return start, end


_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|is\s+planned|are\s+planned|planned\s+to|plans?\s+to|is\s+scheduled|"
    r"are\s+scheduled|is\s+expected|are\s+expected|intends?\s+to|going\s+to|to\s+be\s+"
    r"(?:built|commissioned|completed|implemented|launched|created)|aims?\s+to"
    # (not a forecast a result is measured against, "118% of the forecast", or one a
    # draft is based on, "formed on the forecast")
    r"|(?<!\b(?:of|to|against|above|below|over|than|exceeded|with|on|from)\s+(?:the\s+|its\s+|their\s+)?)"
    r"forecast"
    # "would be completed in June", "is to be considered in May", "consumption may
    # reach" (the verb, in lower case)
    r"|would|(?:is|are)\s+to\s+be\s+\w+ed|(?-i:may)(?=\s+\p{Ll}))\b"
)


# A time expression after these words is the base of a comparison, not a period the facts
# are in: "14% more than in 2022", "104,1% compared to 2022", "than a year earlier".
# The words that set a comparison's base: "compared to 2022", "against 10.9%".
COMPARED_TO = r"compared\s+(?:to|with)|\bin\s+comparison\s+(?:to|with)|\bagainst|\bversus|\bvs\.?"
BASELINE_BEFORE = re.compile(
    r"(?i)(?:\bthan|" + COMPARED_TO + r"|\blevel\s+of"
    # "almost twice as much as a year earlier", "half as many as in 2019"
    r"|\bas\s+(?:much|many|high|large|big|great|long|low|small)(?:\s+[\p{L}-]+){0,3}?\s+as"
    # ", up 2,1 p.p. on last year", "(down 3% on 2021)": a verbless change "on" a time is
    # against it (not "went up by 20 percent on May 1", the day of the change)
    r"|[,(]\s*(?:up|down)\s+(?:by\s+)?[\d.,]+\s*(?:%|percent|p\.\s?p\.|pp|percentage\s+points?|times)"
    r"\s+on"
    # "9.4 percent above 2017", "3% below the 2019 level": a change above or below a time
    r"|(?:%|\bpercent|\bper\s+cent|\btimes)\s+(?:above|below)"
    # "108,3% of the same period last year", "103,2% in comparable prices to January-September
    # 2018" (not "on": "went up by 20 percent on May 1" is the day of the change)
    r"|(?:%|\bpercent|\bper\s+cent)(?:\s+in\s+comparable\s+prices)?\s+(?:of|to))\s+"
    r"(?:in\s+|on\s+|at\s+|for\s+|during\s+|that\s+of\s+|the\s+level\s+of\s+)?"
    r"(?:the\s+)?$"  # "more than in the summer of 2018"
)


# "Compared with the expected execution for 2018", "Against the clarified plan of this
# year": a base named by its figure's noun, then its time
BASE_NOUN_BEFORE = re.compile(
    r"(?i)(?:" + COMPARED_TO + r")\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,3}(?:for|of|in)\s+(?:the\s+)?$"
)


# A number with its unit words, as a comparison's base states it: "29.1 c/ha", "$ 5.1
# billion", "356 fires"; and the second amount of the same base after it: "on 13,140
# hectares" ("against 356 fires on 13,140 hectares in 2020").
BASE_NUMBER = r"[$€]?\s?\d[\d\s.,]{0,15}(?:\s?%|\s?[\p{L}$/.²³]+(?:\s[\p{L}/.²³]+){0,2})"
SECOND_BASE_AMOUNT = r"(?:on|with|worth|and|for|of)\s+(?:about\s+)?" + BASE_NUMBER


# "against 29.1 c/ha a year earlier", "compared to 5.1 billion tenge in 2022", "from 5%
# in 2019": the time of the base amount of a comparison.
BASE_AMOUNT_BEFORE = re.compile(
    # ("more than 3 percent in 2026" is a qualifier of the amount, not a base)
    r"(?i)(?:(?<!\b(?:more|less|fewer)\s+)\bthan|" + COMPARED_TO + r"|\bfrom)\s+"
    r"(?:about\s+|only\s+|almost\s+|nearly\s+)?[$€]?\s?\d[\d\s.,]{0,15}"
    r"(?:\s?%|\s?[\p{L}$/.²³]+(?:\s[\p{L}/.²³]+){0,2})?\s+"
    r"(?:" + SECOND_BASE_AMOUNT + r"\s+)?"
    r"(?:in\s+|on\s+|at\s+|for\s+|during\s+|as\s+of\s+)?$"
)


def is_baseline(text: str, start: int, end: int | None = None) -> bool:
    """True when the time expression at ``start`` is the base of a comparison.

    "more than in 2022", "compared to 2022", "against 10.9% in October 2023", a
    possessive ("last year's indicator") and a superlative's scope ("the highest growth in
    the past ten years").
    """
    if end is not None and rx(r"['’]s\b").match(text[end : end + 3]):
        return True
    lo = max(0, start - 60)
    before = text[lo:start]
    # (the capital a sentence end looks for may be the time's own first letter)
    ends = [m for m in _SENTENCE_END.finditer(text, lo, start + 1) if m.end() <= start]
    if ends:
        # "... no more than 3 percent of GDP. In 2026, ...", "... from 186,3 thousand
        # hectares. This spring ...": a base never reaches across the end of a sentence
        before = text[ends[-1].end() : start]
    if end is not None and _LEVEL_AFTER.match(text, end) and _LEVEL_BEFORE.search(before):
        return True  # "twice the 2020 level", "8% above the 2019 level"
    if _MONTH_YEAR_TO.search(before):
        # "the consumer price index for June 2023 to December 2022": a later month, then
        # the base an index is measured against (a range forward is one time, no base)
        return True
    superlative = SUPERLATIVE_BEFORE.search(before)
    return bool(
        BASELINE_BEFORE.search(before[-30:])
        or BASE_NOUN_BEFORE.search(before[-60:])
        or BASE_AMOUNT_BEFORE.search(before)
        or (
            superlative is not None
            and (
                before.rstrip().lower().endswith("since")
                or _SPAN_BACK.match(text, start) is not None
                # "the biggest haul since the forum was first held in 2019"
                or _SINCE_WORD.search(superlative.group()) is not None
            )
        )
    )


_SINCE_WORD = rx(r"(?i)\bsince\b")
_SENTENCE_END = rx(SENTENCE_END)
_LEVEL_AFTER = rx(WS_START + r"\s+level\b")
_LEVEL_BEFORE = rx(
    r"(?i)\b(?:times|twice|thrice|fold|percent|%|of|above|below|over|under|exceed\w*|reach\w*"
    r"|to)\s+the\s+$"
)


# The scope of a superlative ("the highest growth in the past ten years", "for the first
# time since 2008", "a record for the decade") compares with the past: it dates no amount.
SUPERLATIVE_BEFORE = rx(
    r"(?i)\b(?:highest|lowest|largest|biggest|best|worst|smallest|fastest|slowest|strongest|"
    r"weakest|record|first\s+time|maximum|minimum)\b[^.;:,\n]{0,40}?"
    r"\b(?:in|for|over|since|during)\s+$"
)
# A span reaching back from now: "the past ten years", "the last decade", "30 years".
_SPAN_BACK = rx(r"(?i)(?:the\s+)?(?:past|last|previous)\b|(?<!\w)\w++\s+(?:years|decades)\b")


# Irregular past forms that are no present form too ("put", "set", "cut", "read" are).
_IRREGULAR_PAST = (
    "built|grew|rose|fell|made|sold|paid|spent|took|gave|brought|began|became|bought|won|"
    "held|met|led|left|kept|sent|saw|went|came|got|drew|found|laid|lent|dealt|sought|told|"
    "wrote|ran|broke|stood|fought|struck|sank|shrank|overtook|undertook|underwent|withdrew|"
    "arose|chose|flew|froze|shook|spoke|stole|swore|threw|wore|forgave"
)
# A perfect of an irregular verb reports the past too: "has grown by 26 percent".
_IRREGULAR_PERFECT = (
    r"(?:has|have)\s+(?:already\s+|also\s+|not\s+|\w+ly\s+)?(?:grown|risen|fallen|become"
    r"|begun|gone|given|taken|done|seen|shown|drawn|withdrawn|written|driven|thrown|known)"
)
# (a word in "-ed" after a hyphen is part of a compound adjective, no past verb:
# "gas-powered buses", "coal-fired", "state-owned")
_PAST = re.compile(
    r"(?i)\b(?:was|were|had|did|has\s+been|have\s+been|(?<!-)\w{3,}ed|"
    + _IRREGULAR_PERFECT
    + r"|"
    + _IRREGULAR_PAST
    + r")\b"
)


@lru_cache(maxsize=4096)  # the fact linker asks again for every amount of a paragraph
def tense_of(sentence: str) -> str:
    """ "future" for plans ("will", "is planned to"), "past" for reports, else "present"."""
    if _FUTURE.search(sentence):
        return "future"
    return "past" if _PAST.search(sentence) else "present"
