"""The document as the fact rules see it (:class:`FactContext`): built once before its
amounts are linked, with the times that may date a fact, the comparison bases left out,
the places, persons and quotations, and the period the whole report is about."""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex as re
from spacy.tokens import Doc, Span

from ...rules.intervals import ByStart, SpanIndex
from ...rules.posts import date_at, post_dates
from ...rules.rx import rx
from ...rules.timex import WEEKDAYS, is_baseline
from ...rules.units import load_lexicon
from ...schema import SPANS_ENTITIES, SPANS_QUANTITIES, SPANS_TIMES
from ..context import doc_text, lead_end, paragraph_ends
from ..fact_rules import RuleSet
from ..lines import is_hard_wrap
from .syntax import _starts_after

Period = tuple[str | None, str | None]


@dataclass
class FactContext:
    """What the fact rules consult about one document, built once before its amounts are
    linked (:meth:`build`), and the state of the walk through them in document order.

    The rules read it and never the Doc's side channels: the times that may date a fact
    (``times``) and those that may govern one (``governing_times``: comparison bases left
    out), the places, persons and quotations, the document date and the period the whole
    report is about (``report_period``).
    """

    doc: Doc
    text: str
    rules: RuleSet
    lexicon: Any
    doc_date: str | None
    has_parse: bool
    times: ByStart
    governing_times: ByStart
    places: ByStart
    persons: ByStart
    quotes: list[tuple[int, int]]
    doc_place: str | None
    report_period: Period | None
    # the report names a calendar period ("results of 2015"), not a look back ("the past 5 years")
    calendar_report: bool
    # the future year whose budget the document discusses ("Public hearing on the draft city
    # budget for 2020", told in October 2019), or None
    budget_year: Period | None
    # the day a progress bulletin is told as of ("... as of 17 April" in its headline, "As of
    # 23 September, grain has been threshed on ..." opening its lead), or None
    as_of: Period | None
    # tokens of names (never what an amount measures) and of amounts
    named: frozenset[int]
    amounts: frozenset[int]
    # tokens of time expressions (never part of what an amount measures)
    timed: frozenset[int]
    # where paragraphs begin: after every line break that is no hard wrap of a sentence
    # going on in the next line (sorted, 0 first)
    paragraphs: tuple[int, ...] = (0,)
    # a document of several dated posts: where each post's date line stands and its day
    posts: tuple[tuple[int, str], ...] = ()
    # the walk: the amounts linked so far (by start token), the last period and measured
    # set in the current paragraph, and what the last amount of each physical unit was of
    done: dict[int, Span] = field(default_factory=dict)
    previous_period: tuple[int, Period] | None = None
    previous_measured: tuple[int, str] | None = None
    material: dict[str, tuple[int, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, rules: RuleSet) -> FactContext:
        on = rules.on
        text = doc_text(doc)
        doc_date = doc._.extractor_date
        entities = list(doc.spans[SPANS_ENTITIES]) if SPANS_ENTITIES in doc.spans else []
        # A year inside a name ("the Law on the Budget for 2025-2027", "Business Road
        # Map-2025") dates no fact.
        in_names = SpanIndex(
            (e.start_char, e.end_char)
            for e in entities
            if e.label_ in ("LAW", "ORG", "EVENT", "FAC")
        )
        times = ByStart(
            t
            for t in (doc.spans[SPANS_TIMES] if SPANS_TIMES in doc.spans else [])
            if not in_names.contains(t.start_char, t.end_char)
        )
        bases = {
            t.start_char
            for t in times
            if is_baseline(text, t.start_char, t.end_char)
            or (on("period.telling_day") and _telling_day(text, t))
            or (on("period.change_base") and _change_base(text, t, doc_date))
            or (on("period.than_base") and _than_base(text, t))
            or (
                on("period.postponed_to")
                and _POSTPONED_TO.search(text, max(0, t.start_char - 40), t.start_char)
            )
        }
        governing_times = ByStart(t for t in times if t.start_char not in bases)
        places = ByStart(e for e in entities if e.label_ == "GPE")
        has_parse = doc.has_annotation("DEP")
        budget_year = _budget_year(doc, times, doc_date) if on("period.budget_year") else None
        # (a document on next year's budget reports on no period over: "the limits
        # communicated in September" in its lead is no frame of its figures)
        report_time = (
            _report_time(doc, governing_times, doc_date)
            if has_parse and budget_year is None
            else None
        )
        most_named = Counter(s.text for s in places).most_common(1)
        posts = tuple(post_dates(text, doc_date))
        return cls(
            doc=doc,
            text=text,
            rules=rules,
            lexicon=load_lexicon(),
            doc_date=doc_date,
            posts=posts,
            has_parse=has_parse,
            times=times,
            governing_times=governing_times,
            places=places,
            persons=ByStart(e for e in entities if e.label_ == "PERSON"),
            quotes=[m.span(1) for m in _QUOTE.finditer(text)],
            doc_place=most_named[0][0] if most_named else None,
            report_period=_period_of(report_time) if report_time is not None else None,
            calendar_report=report_time is not None and not _LOOKING_BACK.search(report_time.text),
            budget_year=budget_year,
            # (in a document of several dated posts each post is told as of its own day)
            as_of=None if posts else _as_of(text, governing_times, doc_date),
            # the lower-case generic word that ends a facility's name is what an amount
            # may measure: "a 50 MW Zhanatas wind farm" measures the farm
            named=frozenset(
                i
                for e in entities
                for i in range(e.start, e.end)
                if not (
                    e.label_ == "FAC" and i == e.end - 1 and doc[i].is_lower and e.end - e.start > 1
                )
            ),
            amounts=frozenset(
                i for q in doc.spans[SPANS_QUANTITIES] for i in range(q.start, q.end)
            ),
            timed=frozenset(i for t in times for i in range(t.start, t.end)),
            paragraphs=_paragraph_starts(doc),
        )

    def on(self, rule_id: str) -> bool:
        """Whether a fact rule is in force."""
        return self.rules.on(rule_id)

    def date_at(self, char: int) -> str | None:
        """The day the text at ``char`` is told on: its post's date in a document of
        several dated posts, else the document's date."""
        return date_at(self.posts, char, self.doc_date) if self.posts else self.doc_date

    def post_start(self, char: int) -> int:
        """Where the post holding ``char`` begins (its date line) in a document of several
        dated posts; 0 in any other document."""
        i = bisect_right(self.posts, (char, "\uffff")) - 1
        return self.posts[i][0] if i >= 0 else 0

    def paragraph_start(self, char: int) -> int:
        """Where the paragraph holding ``char`` begins: after the last line break before it
        that is no hard wrap ("This year, producers have received 3.64 billion rubles of
        state\nsupport ... Decoupled support has been paid to 4,860 farms" is one
        paragraph)."""
        return self.paragraphs[bisect_right(self.paragraphs, char) - 1]


def _paragraph_starts(doc: Doc) -> tuple[int, ...]:
    """The offsets where the document's paragraphs begin (see
    :meth:`FactContext.paragraph_start`)."""
    starts = [0]
    for token in doc:
        if "\n" in token.text and token.is_space and not is_hard_wrap(doc, token.i):
            starts.append(token.idx + token.text.rfind("\n") + 1)
        elif "\n" in token.whitespace_:
            starts.append(token.idx + len(token.text) + token.whitespace_.rfind("\n") + 1)
    return tuple(starts)


# A quotation: “…”, «…» or "…", within one paragraph.
_QUOTE = re.compile(r"[“«\"]([^“”«»\"\n]{10,}?)[”»\"]")


# "grew by 12.1% by 2019", "104.3% to 2021", "3.2 times against 2020": a year right after a
# change, when that year is over, is the base the change is measured from, not a deadline.
_CHANGE_BEFORE_TIME = re.compile(
    r"(?i)(?:%|\bper\s*cent|\bpercent|\btimes|-fold)\s+"
    r"(?:more\s+|less\s+|higher\s+|lower\s+)?"
    # "106.7 percent in Navoi region by the same period of 2022": where, then the base
    r"(?:in\s+(?:the\s+)?(?-i:\p{Lu})[\p{L}-]*(?:\s+(?:(?-i:\p{Lu})[\p{L}-]*|region|city|district"
    r"|oblast|province))?\s+)?"
    r"(?:by|to|over|on|against|from|compared\s+(?:to|with)|in\s+comparison\s+with)\s+"
    r"(?:the\s+(?:level\s+of\s+)?)?$"
)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


_LEVEL_OF = re.compile(
    r"(?i)\b(?:of|to|against|with|from|over|above|below|exceeded)\s+(?:the\s+|their\s+|its\s+)?$"
)


def _change_base(text: str, time: Span, date: str | None) -> bool:
    """The time is the base of a change just before it ("grew by 12.1% by 2019",
    "101.2% over the same period last year", "98.7% of the 2020 level"), not the period of
    the facts around it."""
    if _LEVEL_OF.search(text[max(0, time.start_char - 30) : time.start_char]) and rx(
        r"\s+levels?\b"
    ).match(text[time.end_char : time.end_char + 8]):
        return True  # "or 98.7% of the 2020 level", "compared to the 2019 level"
    if not _CHANGE_BEFORE_TIME.search(text[max(0, time.start_char - 30) : time.start_char]):
        return False
    if rx(r"(?i)\bsame\s+period|\b(?:last|previous|a)\s+year|\byear\s+earlier").search(time.text):
        return True
    year = _YEAR.search(time.text)
    return bool(year and date and year.group(1) < date[:4])


# "2.4 times less than at the peak of the pandemic in August 2020": the base named after
# "than" a few words before its time, within one clause.
_THAN_BEFORE_TIME = re.compile(
    r"(?i)\bthan\s+(?:(?:at|in|on|during|for)\s+)?"
    r"(?:[^,;.()]{0,50}?\b(?:in|on|of|during|for)\s+)?(?:the\s+)?$"
)


def _than_base(text: str, time: Span) -> bool:
    """The time ends a "than ..." phrase: the base of a comparison."""
    return bool(_THAN_BEFORE_TIME.search(text[max(0, time.start_char - 70) : time.start_char]))


# "four were postponed to 2016", "the launch was moved to the spring": where a plan was
# put off to, not the period of its figures
_POSTPONED_TO = re.compile(
    r"(?i)\b(?:postponed|moved|shifted|deferred|delayed|put\s+off|carried\s+over|rescheduled)"
    r"\s+(?:to|until|till)\s+$"
)


_LOOKING_BACK = re.compile(r"(?i)\b(?:past|last|previous|recent)\b")


def _period_of(time: Span) -> tuple[str | None, str | None]:
    """A TIME span's ``(time_start, time_end)``."""
    data = time._.extractor or {}
    return data.get("time_start"), data.get("time_end")


_HISTORY_BEFORE = re.compile(r"(?i)\b(?:back|as\s+early\s+as|as\s+far\s+back\s+as)\s+in\s+$")


# "the ministry reported on Wednesday", "the deputy minister told a briefing on Tuesday":
# the day a figure was told, not the period it is of
_TELLING_BEFORE = re.compile(
    r"(?i)\b(?:said|says|reported|reports|told|tells|announced|noted|published|stated|"
    r"informed|wrote|added|declared|explained|emphasized|stressed)\b[^.;:!?]{0,40}?\bon\s+$"
)


def _telling_day(text: str, time: Span) -> bool:
    """A day of the week the report says something was said or published on."""
    return time.text in WEEKDAYS and bool(
        _TELLING_BEFORE.search(text, max(0, time.start_char - 60), time.start_char)
    )


# "... as of 17 April" ending a headline; "As of 23 September, ..." opening the lead (after
# its dateline)
_AS_OF_HEADLINE = re.compile(r"(?i)\bas\s+of\s+$")
_AS_OF_TODAY = rx(r"(?i)\bas\s+of\s+(?:today|this\s+day)\b")
_AS_OF_LEAD = re.compile(r"(?:^|\n|[–—-]\s|\.\s)As\s+of\s+$")
_AS_OF_OPENS = re.compile(r"\nAs\s+of\s+$")


def _as_of(text: str, times: ByStart, date: str | None) -> Period | None:
    """The day of a progress bulletin: "as of" a day in its headline, or opening the first
    sentence of its lead; a day at most a week before the document's date."""
    paragraphs = paragraph_ends(text, 6)
    if not date or len(date) != 10 or len(paragraphs) < 2:
        return None
    headline_end, first_end = paragraphs[:2]
    rest = paragraphs[2:4]
    previous_end = headline_end
    while rest and _dateline_only(text[previous_end:first_end]):
        # "SARATOV, 9 August 2013 – Press service of ..." alone, a date and time line, a
        # currency ticker: the page's lines before the lead
        previous_end, first_end = first_end, rest.pop(0)
    # the paragraph after the lead counts when it opens on "As of": "NOVOSIBIRSK, 8
    # October – ... / The envoy held a meeting on the harvest. / As of 6 October, ..."
    second_end = rest[0] if rest else len(text)
    for t in times:
        if t.start_char >= second_end:
            break
        before = text[max(0, t.start_char - 40) : t.start_char]
        in_headline = t.start_char < headline_end and _AS_OF_HEADLINE.search(before)
        in_lead = _AS_OF_LEAD.search(before) and (
            t.start_char < first_end or _AS_OF_OPENS.search(before)
        )
        if not in_headline and not in_lead:
            continue
        start, end = _period_of(t)
        if not (start and start == end and len(start) == 10):
            continue
        if start <= date and (_days(date) - _days(start)) <= 7:
            return start, end
    if _AS_OF_TODAY.search(text, 0, first_end):
        # "Kazakh farmers had sown 6.1 million hectares as of today": the day of the lead
        # ("as of today" is no TIME of its own)
        return date, date
    return None


def _dateline_only(paragraph: str) -> bool:
    """A paragraph that is a dateline or byline line alone, no sentence of the lead."""
    line = paragraph.strip()
    return 0 < len(line) <= 240 and "\n" not in line and not line.endswith((".", "!", "?"))


def _days(iso: str) -> int:
    return _dt.date.fromisoformat(iso).toordinal()


def _lead_times(text: str, times: Iterable[Span]) -> Iterator[Span]:
    """The times of the headline and the lead, in text order."""
    limit = lead_end(text)
    for t in times:
        if t.start_char >= limit:
            return
        yield t


def _budget_year(doc: Doc, times: ByStart, date: str | None) -> Period | None:
    """The future year whose budget a document's headline or lead names: "the draft city
    budget for 2020", "the regional budget for 2024 and the planning period", "the 2014
    budget" (told before that year began), the first year of "the budget for 2021-2023",
    the year of a budget law's title; or None."""
    if not date:
        return None
    text = doc_text(doc)
    for t in _lead_times(text, times):
        start, end = _period_of(t)
        if not (start and end and len(start) == 4 and len(end) == 4 and start > date[:4]):
            continue
        before = text[max(0, t.start_char - 30) : t.start_char]
        after = text[t.end_char : t.end_char + 12]
        if _BUDGET_FOR.search(before) or (start == end and _BUDGET_AFTER.match(after)):
            # ("the regional budget for 2021-2023": a three-year budget is approved for
            # its first year, the others are its outlook)
            return start, start
    # ('On the Law "On the State Budget of the Republic of Tajikistan for 2020"': a
    # law's title, whose year is no time of its own)
    titled = _BUDGET_TITLE.search(text, 0, lead_end(text))
    if titled is not None and titled["year"] > date[:4]:
        return titled["year"], titled["year"]
    return None


# "the draft city budget for 2020", "the budget of 2024"; "the 2014 budget"
_BUDGET_FOR = rx(r"(?i)\bbudgets?\s+(?:for|of|on)\s+(?:the\s+years?\s+)?$")
_BUDGET_AFTER = rx(r"(?i)\s*(?:[\p{L}-]+\s+)?budgets?\b")
_BUDGET_TITLE = rx(
    r"(?i)\bbudget\s+(?:of\s+(?:the\s+)?[\p{Lu}][\p{L}\s-]{0,40}?\s+)?for\s+(?P<year>(?:19|20)\d\d)\b"
)


def _report_time(doc: Doc, times: list[Span], date: str | None = None) -> Span | None:
    """The time naming the period a report is about, in its headline or opening paragraph.

    "Akim reports on the results of 2023", "Mayor sums up 2022", "... for January-May
    2023": a year or a range, not a day ("today") and not a plan ("by 2027").
    """
    text = doc_text(doc)
    for t in _lead_times(text, times):
        start, end = _period_of(t)
        before = text[max(0, t.start_char - 25) : t.start_char].lower()
        if (
            start
            and end
            and (len(start) <= 7 or start != end)  # a year, a month, "4-5 October"
            and not _starts_after((start, end), date)
            # a report is about a recent period: "Back in 2011 the country received ..." in
            # the lead of a 2025 hearing is history, not the report's period
            and not (date and int(end[:4]) < int(date[:4]) - 1)
            # nor a horizon ahead ("the Concept for 2023-2029" in a 2025 hearing)
            and not (date and int(end[:4]) > int(date[:4]))
            and not _HISTORY_BEFORE.search(before)
            and rx(
                r"(?:results?\s+of|sum(?:s|med|ming)?\s+up|for|on|in|over)\s+(?:the\s+)?$"
            ).search(before)
        ):
            return t
    return None
