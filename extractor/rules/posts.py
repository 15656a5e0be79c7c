"""Documents that hold several dated posts one after another: a channel's messages, a
page of an official's posts, a site's news items. Each post opens with a line that is its
date ("17.10.2022", "🔹 06.05.2019", "27.12.2019 | Views: 214", "Bokhtar, 11.05.2020",
"9:02 AM · Feb 14, 2023"), and "today", "so far" and a present state in it are told on that
day, not on the document's date (the last post's). Nothing here imports spaCy.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right

import regex as re

from .timex import MONTHS

_MON = r"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_CLOCK = r"\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
# A line that is a post's date: a mark or a place before it, a clock time before or after
# it, a counter of views after a bar or a dot
_DATE_LINE = re.compile(
    r"(?m)^[ \t]*(?:[^\w\s]{1,3}[ \t]*)?(?:\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?,[ \t]*)?"
    r"(?:" + _CLOCK + r"[ \t]*[·|•,][ \t]*)?"
    r"(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\."
    + _YEAR
    + r"|"
    + _MON
    + r"[ \t]+(?P<d2>\d{1,2}),?[ \t]+(?P<y2>(?:19|20)\d\d)"
    + r"|(?P<d3>\d{1,2})[ \t]+(?P<mon3>\p{L}+)[ \t]+(?P<y3>(?:19|20)\d\d))"
    r"(?:,?[ \t]+" + _CLOCK + r")?[ \t]*(?:[|·•][^\n]{0,40})?[ \t]*$"
)
# The fewest characters a post holds, its date line included
_MIN_POST = 120
# How far before the document's date a post may be dated
_POST_REACH_DAYS = 400


def post_dates(text: str, doc_date: str | None) -> list[tuple[int, str]]:
    """``(offset of the line, ISO day)`` of every post's date line, in text order, when the
    document holds at least two dated posts no later than its date and no more than about
    a year before it; else an empty list."""
    if not doc_date or len(doc_date) != 10:
        return []
    try:
        last = _dt.date.fromisoformat(doc_date)
    except ValueError:
        return []
    found: list[tuple[int, str]] = []
    for m in _DATE_LINE.finditer(text):
        day = _day(m)
        if day is None or day > last or (last - day).days > _POST_REACH_DAYS:
            continue
        found.append((m.start(), day.isoformat()))
    if len(found) < 2:
        return []
    # a post has a body: dates a line or two apart are a list of links ("Related news: •
    # Flour prices rose by 3.5% / 14.09.2022 • ..."), no posts
    ends = [start for start, _ in found[1:]] + [len(text)]
    found = [
        (start, iso)
        for (start, iso), end in zip(found, ends, strict=True)
        if end - start >= _MIN_POST
    ]
    return found if len({iso for _, iso in found}) >= 2 else []


def date_at(posts: list[tuple[int, str]], pos: int, default: str | None) -> str | None:
    """The date of the post that holds ``pos``: the last date line before it, else
    ``default`` (the document's date)."""
    i = bisect_right(posts, (pos, "\uffff")) - 1
    return posts[i][1] if i >= 0 else default


def _day(m: re.Match) -> _dt.date | None:
    try:
        if m.group("d"):
            return _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if m.group("d2"):
            month = MONTHS.get(m.group("mon").lower().rstrip(".")[:3])
            return _dt.date(int(m.group("y2")), month, int(m.group("d2"))) if month else None
        month = MONTHS.get(m.group("mon3").lower())
        return _dt.date(int(m.group("y3")), month, int(m.group("d3"))) if month else None
    except ValueError:
        return None
