"""The ``extractor_times`` component: time expressions resolved to ISO dates."""

from __future__ import annotations

from dataclasses import replace

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.periods import ordered_period
from ..rules.posts import date_at, post_dates
from ..rules.timex import (
    DocDate,
    TimeMatch,
    find_times,
    is_baseline,
    resolve,
    small_number,
    tense_of,
)
from ..schema import SPANS_TIMES, add_span, make_record, register_extensions
from .context import lead_end, sentence_at, sentence_starts


class TimeRecognizer:
    """Find time expressions and resolve them against ``doc._.extractor_date``.

    Anaphora ("this period", "the same period last year") take the last period resolved
    before them in the document; durations take the tense of their sentence.
    """

    def __init__(self, nlp: Language, name: str = "extractor_times") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        date = DocDate.parse(doc._.extractor_date)
        text = doc.text
        starts = sentence_starts(doc)
        previous: tuple[str | None, str | None] | None = None
        decade: tuple[str, str] | None = None  # the last ten-year span named ("2011 to 2021")
        spans: dict[int, tuple[str, str]] = {}  # the last span named of so many years
        day: tuple[str, str] | None = None  # the last single day named ("As of 21 October")
        doc.spans[SPANS_TIMES] = []
        matches = find_times(text)
        report = _report_year(text, matches, date)
        # a document of several dated posts: each post's times are told on its own date
        posts = post_dates(text, doc._.extractor_date)
        lead = lead_end(text)
        frame: tuple[str, str] | None = None
        for match in matches:
            s, e = sentence_at(text, starts, match.start)
            tense = _clause_tense(text, s, e, match.start)
            told_on = match.kind == "weekday" and bool(
                _TOLD_ON.search(text, max(s, match.start - 90), match.start)
            )
            if told_on:
                # "..., the deputy minister told a briefing on Wednesday": the day it was said,
                # whatever the plans it reports
                tense = "past"
            if (
                match.kind == "month"
                and tense == "future"
                and _KNOWN_MONTH_BEFORE.search(text, max(s, match.start - 30), match.start)
            ):
                # "Despite the dry July, this year's harvest will be one of the best": a month
                # named with "the" and a word that describes it is one already lived
                tense = "past"
            if match.prep == "by" and tense == "past" and _HAD_DONE.search(text, match.end, e):
                # "By 31 December, 4 billion rubles had been spent": a point already past
                # when it was told, whatever the year of the telling
                match = replace(match, prep=None)
            if match.kind == "running_months" and not _running_total(doc, match.start, tense):
                continue  # "closed for three months": an amount of time
            # "grew by 12.1% by 2019" told in 2024 reads as "from today to 2019": a period
            # that runs backwards is no period (a wrong date is worse than none).
            before = decade if match.kind == "the_decade" else previous
            if match.kind == "same_date" and day is not None:
                # "As of 21 October ... the plan for this year. On the same date last year":
                # the day named last, whatever came after it
                before = day
            if match.kind == "the_n_years":
                before = spans.get(small_number(match.groups.get("n") or "") or 0)
            if match.kind == "this_period" and match.groups.get("reporting") and frame:
                before = frame  # "in the reporting period": the period the report is on
            if match.kind == "this_period" and match.groups.get("season_ref"):
                # "during the season": a span of months named before it, or no time at all
                if not (before and before[0] and before[1] and len(before[0]) == 7):
                    continue
                if before[0] == before[1]:
                    continue
            when = (
                DocDate.parse(date_at(posts, match.start, doc._.extractor_date)) if posts else date
            )
            if (
                report is not None
                and (_of_the_year(match) or _the_previous_year(match))
                and tense != "future"
                and match.prep not in ("by", "until", "till", "before", "since", "from")
            ):
                # "during the year", "at the end of the year" in a report on a year already
                # over: that year, whenever the report is told
                when = DocDate(report, 12, 31)
            start, end = ordered_period(resolve(match, when, tense=tense, previous=before)) or (
                None,
                None,
            )
            if (
                start
                and end
                and match.kind not in ("this_period", "same_period", "the_decade", "the_n_years")
                and not is_baseline(text, match.start, match.end)
                # "In the said period ..." after "in January-September 2022 this figure was
                # 96.8%": a figure restated for an earlier time names no period to go on in
                and not _RESTATED_FOR.match(text, match.end)
                # ("... the ministry said on Tuesday. Compared with the same period last
                # year, ...": the same period is the report's, not the day of its telling)
                and not told_on
            ):
                previous = (start, end)
                if (
                    frame is None
                    and match.start < lead
                    and start != end
                    and date is not None
                    and end <= date.iso()[: len(end)]
                ):
                    frame = (start, end)  # the first period over that the lead names
                if 9 <= int(end[:4]) - int(start[:4]) <= 11 and match.kind != "the_decade":
                    decade = (start, end)
                if start[:4] != end[:4]:
                    spans[int(end[:4]) - int(start[:4]) + 1] = (start, end)
                if start == end and len(start) == 10:
                    day = (start, end)
            record = make_record(
                "TIME", text, match.start, match.end, time_start=start, time_end=end
            )
            add_span(doc, SPANS_TIMES, record)
        return doc


# "report on 2016 budget", "results of 2014", "for 2016": the year a report is about
_REPORT_YEAR_BEFORE = re.compile(
    r"(?i)(?:results?\s+of|sum(?:s|med)?\s+up|report\s+on|execution\s+of\s+the\s+[\w\s]{0,30}"
    r"for|budget\s+for|for|of|\bin)\s+(?:the\s+)?$"
)


def _report_year(text: str, matches: list[TimeMatch], date: DocDate | None) -> int | None:
    """The year just over that a report told the next year is about, named in its headline
    or lead ("Zhambyl maslikhat approves report on 2016 budget", told in April 2017)."""
    if date is None:
        return None
    limit = lead_end(text)
    for match in matches:
        if match.start >= limit:
            break
        if match.kind != "year" or int(match.groups["yr"]) != date.year - 1:
            continue
        if _REPORT_YEAR_BEFORE.search(text, max(0, match.start - 60), match.start):
            return date.year - 1
    return None


def _of_the_year(match: TimeMatch) -> bool:
    """ "the year", "the reporting year", "the end of the year": a year the text leaves to
    the reader, not "this year" or "2016"."""
    g = match.groups
    if match.kind == "report_year":
        return True
    return match.kind == "year_edge" and not (g.get("yr") or g.get("rel") or g.get("spk"))


# A past act of speech or a meeting just before a day of the week: "said on Tuesday",
# "told a briefing on Wednesday", "were told on Thursday", "met on Monday".
_TOLD_ON = re.compile(
    r"(?i)\b(?:said|told|announced|noted|reported|stated|declared|explained|met|signed|held|"
    r"approved|adopted|decided)\b[^.;:!?]{0,60}\bon\s+(?:last\s+)?$"
)


# After a time, a figure restated for it: "(in 2022) this figure was 96.8%", "(a year
# earlier) the indicator stood at ...".
_RESTATED_FOR = re.compile(
    r"(?i),?\s+(?:this|that|the\s+same|the)\s+(?:figure|indicator|index|level|share|rate)\s+"
    r"(?:was|were|stood|amounted|made|equalled|equaled|totalled|totaled|reached)\b"
)


# The past perfect after a deadline: "had been spent", "had laid", "had not been paid".
_HAD_DONE = re.compile(
    r"(?i)\bhad\s+(?:not\s+|already\s+|only\s+)?(?:been|\p{L}+ed|paid|laid|built|spent|made"
    r"|done|sent|given|taken|grown|fallen|risen|begun|won|sold|brought)\b"
)


def _the_previous_year(match: TimeMatch) -> bool:
    """ "the previous year": the year before the one the text is about, not before today
    ("investments grew by 8,2% to the previous year" in a report on 2018 is 2017)."""
    rel = (match.groups.get("rel") or "").lower().split()
    return match.kind == "rel_year" and rel[:1] == ["the"] and rel[-1:] == ["previous"]


def _clause_tense(text: str, s: int, e: int, at: int) -> str:
    """The tense of the part of the sentence ``s:e`` between colons and semicolons that
    holds offset ``at`` ("..., which suffered from the drought in June, the figures are
    lower: ... will not be harvested" is past for June); the whole sentence's when that
    part says neither past nor future."""
    start = max(text.rfind(":", s, at), text.rfind(";", s, at)) + 1 or s
    ends = [i for i in (text.find(":", at, e), text.find(";", at, e)) if i >= 0]
    tense = tense_of(text[max(start, s) : min(ends) if ends else e])
    return tense if tense != "present" else tense_of(text[s:e])


def _running_total(doc: Doc, start: int, tense: str) -> bool:
    """Whether "for N months" at ``start`` is a report's running total: told of the past,
    after a noun ("production for eleven months", "revenues of the budget for three months")
    or opening its sentence ("For nine months, ..."), not after a verb ("was closed for
    three months", "issued for 6 months")."""
    # (a headline tells the past in the present: "revenue for five months reaches")
    if tense != "past" and not (tense == "present" and _in_headlines(doc.text, start)):
        return False
    token = doc[_token_at(doc, start - 4)]  # "for " before the match
    if token.lower_ != "for":
        return False
    # ("According to the minister, for nine months the revenues ...": opening its clause)
    opens_clause = token.i > 0 and doc[token.i - 1].text in (",", ";", ":")
    return token.is_sent_start or opens_clause or token.head.pos_ in ("NOUN", "PROPN")


# "the dry July", "the rainy May", "the cold January": a month described, not awaited
_KNOWN_MONTH_BEFORE = re.compile(
    r"(?i)\bthe\s+(?!(?:coming|next|following|upcoming|same|current|first|last|end|"
    r"beginning|middle|start)\b)[\p{Ll}]+\s+$"
)


def _in_headlines(text: str, at: int) -> bool:
    """``at`` stands in the lines that open a document before its first sentence with a full
    stop: a rubric, a date line, a headline ("Economy | 21 June 2018\n\nTomsk region's
    budget revenue for five months reaches 26.4 billion rubles\n\nTOMSK, June 21 - ...")."""
    end = text.find("\n", at)
    head = text[: end if end >= 0 else len(text)]
    return len(head) <= 600 and not any(
        line.rstrip().endswith((".", "!", "?")) for line in head.splitlines()
    )


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token holding the character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


@Language.factory(
    "extractor_times",
    assigns=["doc.spans", "span._.extractor"],
    requires=[],
    default_config={},
)
def make_time_recognizer(nlp: Language, name: str) -> TimeRecognizer:
    """Build the time recognizer (no settings; dates come from ``doc._.extractor_date``)."""
    return TimeRecognizer(nlp, name)
