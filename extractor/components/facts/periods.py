"""Which period an amount belongs to: the ``period.*`` rules of
``resources/fact_rules.jsonl``, each a function registered under its id
(:data:`PERIOD_RULES`) and run by the linker in the file's order and stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, lru_cache

import regex as re
from spacy.tokens import Doc, Span, Token

from ...rules.intervals import ByStart
from ...rules.lists import list_header_colon
from ...rules.periods import iso_cmp
from ...rules.quantex import is_age, is_distance
from ...rules.questions import question_answered
from ...rules.rx import BULLET, WS_START, rx
from ...rules.tables import caption_cell, header_cell, table_cell, title_above, titled_cell
from ...rules.timex import (
    BASE_NOUN_BEFORE,
    BASE_NUMBER,
    BASELINE_BEFORE,
    COMPARED_TO,
    SECOND_BASE_AMOUNT,
    find_times,
    shift_months,
    tense_of,
)
from ...rules.units import YIELD_UNITS
from ...rules.votes import is_attendance, is_vote_tally, speaking_time
from ..context import doc_text
from ..fact_rules import RuleSet
from .document import FactContext, Period, _days, _period_of
from .syntax import (
    _HOLDS_NOW,
    _NOW_NEAR,
    _NOW_WORDS,
    _POINTING,
    _REFERS_BACK,
    _WORDS,
    AS_OF_NOW,
    PART_OPENERS,
    _clause_before,
    _clause_verb,
    _comparative,
    _earlier_in_sentence,
    _own_subject,
    _parenthetical,
    _restates,
    _starts_after,
)


class Amount:
    """One amount as the period rules see it: its span, record and paragraph, and what
    the rules ask of it, each worked out once (the time that governs it, whether its
    clause reports the past or plans, the period its paragraph set)."""

    def __init__(self, span: Span, ctx: FactContext, governing: Span | None, rule: str | None):
        self.span = span
        self.ctx = ctx
        self.record = span._.extractor
        self.paragraph = ctx.paragraph_start(span.start_char)
        self.date = ctx.date_at(span.start_char)  # the day it is told on
        self.governing = governing  # the time the parse says governs the amount
        self.governing_rule = rule  # the rule that chose it
        previous = ctx.previous_period
        self.antecedent = (
            previous[1]
            if previous
            and (
                previous[0] == self.paragraph
                # "... $1.14 billion by the end of 2023.\n\nOf this sum, $846 million will
                # come as foreign direct investment": a paragraph that opens on a part of the
                # amount before goes on in its period
                or (
                    _OPENS_ON_A_PART.match(ctx.text, self.paragraph)
                    and span.sent.start_char == self.paragraph
                )
            )
            else None
        )

    @cached_property
    def reports_past(self) -> bool:
        return self.ctx.has_parse and _reports_past(self.span)

    @cached_property
    def plans(self) -> bool:
        return self.ctx.has_parse and _plans(self.span)

    def focus(self, **how) -> Period | None:
        """The period the paragraph set before the amount (:func:`_paragraph_focus`)."""
        how.setdefault("skip_causes", self.ctx.on("period.cause_time"))
        how.setdefault("skip_bases", self.ctx.on("period.focus_skips_bases"))
        return _paragraph_focus(self.span, self.ctx.governing_times, self.paragraph, **how)


# "Of this sum", "Of these", "Of them", "Among them", "Out of this amount": a sentence that
# opens on a part of what was just named
_OPENS_ON_A_PART = rx(r"(?i)(?:" + PART_OPENERS + r")\b")


# A period rule's answer: a period, None (the rule does not apply: the next one is
# tried) or NO_PERIOD (the amount has no period: later rules of its stage are not tried).
class _NoPeriod:
    def __repr__(self) -> str:
        return "NO_PERIOD"


NO_PERIOD = _NoPeriod()


PeriodRule = Callable[[Amount], "Period | _NoPeriod | None"]


# The period rules by id, in no order: the order, and whether a rule runs for each amount
# ("amount"), for an amount still without a period ("fallback"), or over the whole
# document at the end ("document"), come from resources/fact_rules.jsonl.
PERIOD_RULES: dict[str, PeriodRule] = {}


def period_rule(rule_id: str) -> Callable[[PeriodRule], PeriodRule]:
    """Register a function as the period rule ``rule_id`` of ``fact_rules.jsonl``."""

    def register(func: PeriodRule) -> PeriodRule:
        PERIOD_RULES[rule_id] = func
        return func

    return register


# The period rules, in the order of fact_rules.jsonl.


@period_rule("period.age")
def _age(a: Amount) -> _NoPeriod | None:
    """ "children aged 3 to 6 years": an age has no period."""
    return NO_PERIOD if _is_age(a.span) else None


def _no_period_kind(a: Amount) -> bool:
    """An age or size, a speaker's time in a session or a page's counter: no rule dates
    it."""
    span = a.span
    return (
        _is_age(span)
        or (a.ctx.on("period.page_counter") and _page_counter(a) is not None)
        or (
            a.ctx.on("period.speaking_time")
            and speaking_time(
                a.ctx.text, span.start_char, span.end_char, (a.record or {}).get("unit")
            )
            is not None
        )
    )


@period_rule("period.speaking_time")
def _speaking_time(a: Amount) -> _NoPeriod | None:
    """ "Minister, you have ten minutes": a speaker's time in a session has no period."""
    span = a.span
    unit = (a.record or {}).get("unit")
    if speaking_time(a.ctx.text, span.start_char, span.end_char, unit) is not None:
        return NO_PERIOD
    return None


@period_rule("period.page_counter")
def _page_counter(a: Amount) -> _NoPeriod | None:
    """ "Economy | 19.07.2017 10:24 | Views: 2 117": a web page's counter of its readers
    has no period, whatever date its line shows."""
    return NO_PERIOD if (a.record or {}).get("unit") == "view" else None


@period_rule("period.vote_day")
def _vote_day(a: Amount) -> Period | None:
    """ "We vote: for – 22, against – none, abstained – 2", "33 of the 39 deputies are
    registered": a vote's tally and a session's attendance are of the day of the session,
    the document's date."""
    date = a.date
    span = a.span
    if not date:
        return None
    text, start, end = a.ctx.text, span.start_char, span.end_char
    unit = (a.record or {}).get("unit")
    if is_vote_tally(text, start, end) or is_attendance(text, start, end, unit):
        # "..., the chairman said at the session on 18 July": the session's own day
        sent = span.sent
        for t in a.ctx.times.between(sent.start_char, sent.end_char):
            day = _period_of(t)
            if day[0] and day[0] == day[1] and len(day[0]) == 10:
                return day
        return (date, date)
    return None


# A column headed by a comparison's base: "to September 2023", "against 2022".
# A column of a table or a caption that names only the base of a change: "to December
# 2022", "In % to January-September 2018", "% to 1 October 2018", "against 2022"
_BASE_COLUMN = rx(
    r"(?i)" + WS_START + r"\s*+(?:in\s++)?(?:%\s*+|percent\s++)?(?:to|of|" + COMPARED_TO + r")\s"
)


@period_rule("period.table_cell")
def _table_cell(a: Amount) -> Period | None:
    """A figure in a table flattened to text takes its cell's own year ("2022: 103 765,5")
    or its column's, in the header row above ("Indicator | 2022 | 2023")."""
    text = a.ctx.text
    start = a.span.start_char
    titled = titled_cell(text, start)
    if titled is not None:
        # "Table 1. Main indicators, million som\nIndicator   2019   2020   2020 in % to
        # 2019": the year heading the figure's column (the last it names), else the title's
        column = a.ctx.times.between(*titled.header) if titled.header else []
        if column:
            return _period_of(column[-1] if "%" not in text[slice(*titled.header)] else column[0])
        line = text.rfind("\n", 0, start)
        title_at = text.rfind(titled.title, 0, line)
        named = a.ctx.times.between(title_at, title_at + len(titled.title)) if title_at >= 0 else []
        if named:
            return _period_of(named[0])
    cell = table_cell(text, start)
    if cell is None:
        # "Passengers carried, million:\n2015\t2017\n214,0\t197,3", "Financing, million
        # somoni:\n2017: 214,0 / 188,6": a row under a caption, its year its own or its
        # column's
        caption = caption_cell(text, start)
        year = caption.year if caption is not None else None
        times = a.ctx.times.between(*year) if year is not None else []
        if not times and caption is not None and caption.column is not None:
            # "Key figures, mln kWh (January-November 2020 / January-November 2019):": the
            # column's own time; a column of a base ("to December 2022") is of the caption's
            column = a.ctx.times.between(*caption.column)
            if column and not _BASE_COLUMN.match(text, caption.column[0]):
                times = column
            elif caption.label_at is not None:
                times = a.ctx.times.between(*caption.label_at)
        return _period_of(times[0]) if times else None
    own = [t for t in a.ctx.times.between(cell.bounds[cell.index][0], start)]
    if own:
        return _period_of(own[-1])
    header = header_cell(text, cell)
    column = a.ctx.times.between(*header) if header else []
    if column and _BASE_COLUMN.match(text, header[0], header[1]):
        # "Indicator | January-September 2019 | In % to January-September 2018": a column
        # of changes against a base is of the time a column before it heads, else of the
        # time the table's title names
        return _unbased_column(a, cell)
    if column:
        return _period_of(column[0])
    if a.ctx.on("period.table_title"):
        # "Table 2. Livestock as of 1 October 2019\nSpecies | thsd. heads | In % to 1
        # October 2018": a table whose header row dates no column is of its title's time
        return _table_title_time(a, cell)
    return None


def _unbased_column(a: Amount, cell) -> Period | None:
    """The period of a cell in a column of changes against a base: the time a column
    before it heads ("January-September 2019"), else the table's title's."""
    text = a.ctx.text
    for index in range(cell.index - 1, 0, -1):
        left = header_cell(text, replace(cell, index=index))
        if left is not None and not _BASE_COLUMN.match(text, left[0], left[1]):
            times = a.ctx.times.between(*left)
            if times:
                return _period_of(times[0])
    return _table_title_time(a, cell)


def _table_title_time(a: Amount, cell) -> Period | None:
    """The last time named in a table's title line ("Table 2. Livestock in all categories
    of farms as of 1 October 2019")."""
    title = title_above(a.ctx.text, cell)
    times = a.ctx.times.between(*title) if title is not None else []
    return _period_of(times[-1]) if times else None


@period_rule("period.when_clause")
def _when_clause(a: Amount) -> Period | None:
    """ "3.2 times more than in 2020, when it was 51 billion": the amount of the "when"
    clause is of the time the clause hangs on."""
    when = _when_time(a.span, a.ctx.times)
    return _period_of(when) if when is not None else None


@period_rule("period.holds_now_here")
def _holds_now_here_rule(a: Amount) -> Period | None:
    """ "So far 96.8% of the rural population ...", "currently 6.8%": as of the document
    date, whatever other time the sentence names."""
    date = a.date
    if not (date and a.ctx.has_parse):
        return None
    return (date, date) if _holds_now_here(a.span) or _as_of_today_before(a.span) else None


# "As of today" at the head of its clause: the clause's figures hold at the document date
# ("as of today the region has 1,140 km of heat networks, of which 612 in Semey").
_AS_OF_TODAY = rx(r"(?i)\b" + AS_OF_NOW + r"\b(?P<rest>[^;.!?]*)$")


def _as_of_today_before(span: Span) -> bool:
    """ "As of today" before the amount in its sentence, with no time named between them
    and no clause break of ";" (a time between is the amount's own: "as of today 5 schools
    were built in 2019" is left to it)."""
    text = doc_text(span.doc)
    found = _AS_OF_TODAY.search(text, span.sent.start_char, span.start_char)
    return found is not None and not find_times(found.group("rest"))


@period_rule("period.since_then")
def _since_then(a: Amount) -> Period | None:
    """ "connected to the grid on Mar. 3. Since then they have generated 38.7 million kWh":
    from the start of the time named before to the document date."""
    date = a.date
    if not date or not _SINCE_THEN.search(_sentence_before(a.span)):
        return None
    before = a.focus()
    if before is None or not before[0] or iso_cmp(before[0], date) > 0:
        return None
    return before[0], date


_SINCE_THEN = rx(r"(?i)\b(?:ever\s+)?since\s+(?:then|that\s+(?:time|date|day|moment))\b")


def _sentence_before(span: Span) -> str:
    """The text of the amount's sentence up to the amount."""
    return doc_text(span.doc)[span.sent.start_char : span.start_char]


@period_rule("period.base_amount")
def _base_amount(a: Amount) -> Period | None:
    """ "46 228 tenge for 2025 against 43 407 tenge in 2024": the base amount is of the
    base period."""
    base = _base_amount_time(a.span, a.ctx.times)
    return _period_of(base) if base is not None else None


@period_rule("period.reporting_period")
def _reporting_period(a: Amount) -> Period | None:
    """ "In the reporting period, 14.2 thousand tons were exported": the period the report
    is about."""
    if a.governing is not None and a.ctx.report_period is not None:
        if _REPORTING.search(a.governing.text):
            return a.ctx.report_period
    return None


def _governed(a: Amount, rule_id: str) -> Period | None:
    """The period of the governing time when ``rule_id`` chose it; but a past result
    never takes a deadline ahead named by another clause ("they invested 2,7 billion and
    created 640 jobs, by 2018 residents should reach 12")."""
    if a.governing is None or a.governing_rule != rule_id:
        return None
    if (
        a.ctx.on("period.past_not_future")
        and a.ctx.has_parse
        and _future_period(a.governing, a.date)
        and a.reports_past
        and not _same_clause(a.span, a.governing)
    ):
        return None
    if a.ctx.on("period.coordinated_times"):
        return _coordinated(a.ctx, a.governing)
    return _period_of(a.governing)


# "in November and December", "in 2018, 2019 and 2020": times joined by a comma or "and"
_JOINED = rx(WS_START + r"\s*+(?:,\s*+(?:and\s++)?|and\s++)")


def _following(iso: str) -> str | None:
    """The month after a month, the year after a year ("2019-12" -> "2020-01"); None for
    a day or anything else."""
    if len(iso) == 4 and iso.isdigit():
        return str(int(iso) + 1)
    if len(iso) == 7 and iso[:4].isdigit() and iso[5:].isdigit():
        year, month = shift_months(int(iso[:4]), int(iso[5:]), 1)
        return f"{year:04d}-{month:02d}"
    return None


def _coordinated(ctx: FactContext, time: Span) -> Period:
    """The period of a governing time with the times coordinated with it: "27 projects are
    to be launched in November and December" is of November to December, "exports in 2018
    and 2019 totalled ..." of both years. Only months or years that follow one another
    join: "in 2015 and 2020" names two points, not the years between them."""
    start, end = _period_of(time)
    if not start or not end:
        return start, end
    text = ctx.text
    last = time
    while True:  # the times after it
        nxt = ctx.governing_times.first_from(last.end_char)
        if nxt is None or not _JOINED.fullmatch(text, last.end_char, nxt.start_char):
            break
        s, e = _period_of(nxt)
        if not s or not e or s != _following(end) or len(s) != len(e):
            break
        end, last = e, nxt
    first = time
    while True:  # and before it
        prev = next(
            iter(ctx.governing_times.backwards(max(0, first.start_char - 40), first.start_char)),
            None,
        )
        if prev is None or not _JOINED.fullmatch(text, prev.end_char, first.start_char):
            break
        s, e = _period_of(prev)
        if not s or not e or _following(e) != start or len(s) != len(e):
            break
        start, first = s, prev
    return start, end


# "46 percent of the annual amount of 32 billion tenge", "58 percent of the annual plan of
# 193.8 km": an amount named as a year's whole
_ANNUAL_BEFORE = rx(
    r"(?i)\b(?:annual|year's|yearly|full-year)\s+(?:plan|amount|target|budget|volume|"
    r"assignment|assignments|forecast|allocation|limit|quota)\s+"
    # "the annual forecast of local budget revenues is": what it is of, then its verb
    r"(?:of\s+|is\s+|was\s+|(?:of|for)\s+(?:[\p{L}-]+\s+){1,4}?(?:is|was|amounts\s+to"
    r"|is\s+set\s+at|totals|stands\s+at)\s+)?"
    r"(?:about\s+|some\s+|over\s+|almost\s+)?$"
)


@period_rule("period.annual")
def _annual(a: Amount) -> Period | None:
    """ "In the first half, 14,7 billion tenge was received, or 46 percent of the annual
    amount of 32 billion tenge": a year's whole is of the whole year the figures around it
    fall in."""
    ctx = a.ctx
    if not _ANNUAL_BEFORE.search(ctx.text, max(0, a.span.start_char - 60), a.span.start_char):
        return None
    around = (
        (_period_of(a.governing) if a.governing is not None else None)
        or a.focus()
        or ctx.report_period
        or (a.date, a.date)
    )
    start, end = around
    if not start or not end or start[:4] != end[:4]:
        return None
    return start[:4], start[:4]


_SINCE_BEFORE = rx(r"(?i)\bsince\s+(?:the\s+)?$")
_FROM_BEFORE = rx(r"(?i)\bfrom\s+(?:about\s+|almost\s+|nearly\s+)?$")
_FROM_TO_BEFORE = rx(
    r"(?i)\bfrom\s+\d[\d\s.,]{0,20}(?:(?:[\p{L}%$]+\.?|\d[\d.,]*)\s+){0,4}(?:to|down\s+to|up\s+to)\s+"
    r"(?:about\s+|almost\s+|nearly\s+)?$"
)


@period_rule("period.change_ends")
def _change_ends(a: Amount) -> Period | None:
    """ "Since the beginning of the year the som has strengthened from 89,09 to 86,75": the
    last end of a change since a time stands at that period's end."""
    gov = a.governing
    if gov is None or a.governing_rule != "period.governing_time":
        return None
    text = a.ctx.text
    if not _SINCE_BEFORE.search(text, max(0, gov.start_char - 12), gov.start_char):
        return None
    start, end = _period_of(gov)
    if not start or not end:
        return None
    before = text[max(a.span.sent.start_char, a.span.start_char - 60) : a.span.start_char]
    if _FROM_TO_BEFORE.search(before):
        return end, end
    return None  # (the first end: period.change_from, once the period is set)


# "... has grown from 37 to 179": the first end of a change, a figure after it
_TO_FIGURE_AFTER = rx(
    r"(?i)[ \t]{0,3}(?:[\p{L}%$.]++[ \t]++){0,3}?(?:to|down[ \t]+to|up[ \t]+to)[ \t]++"
    r"(?:about[ \t]+|almost[ \t]+|nearly[ \t]+|over[ \t]+|some[ \t]+)?[$€£]?[ \t]?\d"
)


def change_from(a: Amount, period: Period) -> Period:
    """ "The number of enterprises has grown from 37 to 179 over the past five years", "to
    reduce the wear of networks from 64% to 58% by 2026": the first end of a change over a
    period stands at the period's start (today, for a plan); the period is the last end's."""
    start, end = period
    if not start or start == end:
        return period
    text = a.ctx.text
    before = text[max(a.span.sent.start_char, a.span.start_char - 20) : a.span.start_char]
    if not _FROM_BEFORE.search(before) or not _TO_FIGURE_AFTER.match(text, a.span.end_char):
        return period
    return start, start


@period_rule("period.time_after")
def _time_after(a: Amount) -> Period | None:
    """ "5.4% in 2026 and 5.9% in 2027": a time right after the amount is its own."""
    return _governed(a, "period.time_after")


@period_rule("period.semicolon_clause")
def _semicolon_clause(a: Amount) -> Period | None:
    """ "in 2011 the plant produced 5.5 billion kWh; in 2023 only 3.9 billion": the time
    of the amount's own clause."""
    return _governed(a, "period.semicolon_clause")


@period_rule("period.answer_time")
def _answer_time(a: Amount) -> Period | None:
    """ "How many people went to Kenderli this year? – Around 95 thousand.": a figure in
    the first sentence of an answer, with no time in its own sentence, is of the time its
    question names ("today" included)."""
    sent = a.span.sent
    if a.ctx.times.between(sent.start_char, sent.end_char):
        return None
    if _is_change(a.span) or (a.record or {}).get("unit") == "pp":
        return None  # "up 9 percentage points in a year": a change has its own span
    asked = question_answered(a.ctx.text, a.span.start_char)
    if asked is None:
        return None
    times = a.ctx.governing_times.between(asked.start, asked.end)
    return _period_of(times[0]) if len(times) == 1 else None


@period_rule("period.since_clause")
def _since_clause(a: Amount) -> Period | None:
    """ "Since Uzbekistan joined ADB in 1995, the bank has committed $10.2 billion", "Since
    it was introduced in January 2020, 86 thousand people have registered": the time of a
    clause opened by "since" starts the amount's period, which runs to the document
    date."""
    gov, date = a.governing, a.date
    if gov is None or a.governing_rule != "period.governing_time" or not date:
        return None
    text = a.ctx.text
    if not (gov.end_char <= a.span.start_char and gov.sent.start_char == a.span.sent.start_char):
        return None
    # (from just before the sentence: the full stop or line break that opens it)
    window = max(gov.sent.start_char - 2, gov.start_char - 80, 0)
    opening = _SINCE_CLAUSE.search(text, window, gov.start_char)
    if opening is None or not _CLAUSE_ENDS.match(text, gov.end_char):
        return None
    start, _ = _period_of(gov)
    if not start or start > date:
        return None
    return start, date


# "Since Uzbekistan joined ADB in ", "since it was introduced in our region in ": a clause
# opened by "since" whose verb is dated; "since" opens its sentence or follows a comma
_SINCE_CLAUSE = rx(
    r"(?i)(?:^|[.,;:]\s+|\n)since\s+(?:[\p{L}'’-]+\s+){1,9}?(?:in|on)\s+(?:the\s+)?$"
)
# the since-clause ends right after its time: ", the bank has committed"
_CLAUSE_ENDS = rx(r"\s*,")


@period_rule("period.governing_time")
def _governing(a: Amount) -> Period | None:
    """The time nearest the amount in the parse tree, in its clause first."""
    return _governed(a, "period.governing_time")


_OPEN_BRACKET_BEFORE = rx(r"\s*\(\s*(?:about\s+|almost\s+|nearly\s+)?$")


@period_rule("period.bracket_after_time")
def _bracket_after_time(a: Amount) -> Period | None:
    """ "1.6 times more than in 2020 (258.3 billion tenge)": an amount in brackets right
    after a time is of that time, a comparison's base included."""
    text = a.ctx.text
    start = a.span.start_char
    if ((a.record or {}).get("unit") or "") in ("%", "x"):
        return None  # "(135 percent of the plan)": an evaluation of the amount before
    bracket = _OPEN_BRACKET_BEFORE.search(text, max(0, start - 12), start)
    if bracket is None:
        return None
    for time in a.ctx.times.backwards(max(0, bracket.start() - 40), bracket.start()):
        if time.end_char == bracket.start():
            return _period_of(time)
        break
    return None


@period_rule("period.refers_back")
def _refers_back_rule(a: Amount) -> Period | None:
    """ "Of these, 4.8 million m2 is individual housing", "This is 104.2% of the plan": a
    part or an evaluation of the amount before it, in its period."""
    if a.antecedent is not None and (
        _refers_back(a.span)
        or (a.ctx.has_parse and (_parenthetical(a.span) or _pronoun_topic(a.span)))
    ):
        if a.ctx.on("period.change_not_base") and _is_change(a.span) and _base_in_sentence(a):
            # "Compared with 2019, when revenues were 15 640,2 mln. rubles, they have grown
            # 1,4 times": a change of the amount of its base is no figure of the base's time
            return None
        return a.antecedent
    return None


def _base_in_sentence(a: Amount) -> bool:
    """The period the amount refers back to is that of a comparison base named in its own
    sentence ("Compared with 2019, when ...")."""
    sent = a.span.sent
    own = {t.start_char for t in a.ctx.governing_times.between(sent.start_char, sent.end_char)}
    return any(
        t.start_char not in own and _period_of(t) == a.antecedent
        for t in a.ctx.times.between(sent.start_char, sent.end_char)
    )


def _pronoun_topic(span: Span) -> bool:
    """The amount's clause goes on about what was named before, through a pronoun subject:
    "The second phase will be built in 2020-2021. It is designed for 35 projects" (not
    "it is planned to ...", where "it" stands for nothing)."""
    verb = _clause_verb(span)
    if verb is None:
        return False
    subj = _own_subject(verb)
    if subj is None or subj.lower_ not in ("it", "they", "this", "these"):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") and c.i > verb.i for c in verb.children)


@period_rule("period.holds_now")
def _holds_now_rule(a: Amount) -> Period | None:
    """ "So far 13.8 million tons have been threshed": as of the document date."""
    date = a.date
    return (date, date) if date and a.ctx.has_parse and _holds_now(a.span.sent) else None


@period_rule("period.headline")
def _headline(a: Amount) -> Period | None:
    """ "Bishkek mayor sums up 2022: 96 km of roads, ...": the report's period."""
    if a.ctx.report_period is not None and _in_headline(a.span):
        return a.ctx.report_period
    return None


def _in_as_of_bulletin(a: Amount) -> bool:
    """The amount may take a progress bulletin's "as of" day: the document has one, the
    amount is no plan or age, no rate other than a yield (a yield gathered so far is of the
    day; a capacity is not), and no time in its own clause."""
    ctx = a.ctx
    if ctx.as_of is None or not ctx.has_parse or a.plans or _no_period_kind(a):
        return False
    unit = (a.record or {}).get("unit") or ""
    if "/" in unit and unit not in YIELD_UNITS:
        return False
    return a.governing is None or not _same_clause(a.span, a.governing)


@period_rule("period.list_header")
def _list_header_time(a: Amount) -> Period | None:
    """ "The 2013 road programme of the city includes:\n– capital repair of 23 streets;": an
    item of a list with no time of its own takes the one time of its header's sentence."""
    text = a.ctx.text
    colon = list_header_colon(
        text, a.span.start_char, numbered=a.ctx.on("period.numbered_list_header")
    )
    if colon is None:
        return None
    header = a.span.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if header is None:
        return None
    sent = header[0].sent
    times = a.ctx.times.between(sent.start_char, colon)
    return _period_of(times[0]) if len(times) == 1 else None


@period_rule("period.as_of_frame")
def _as_of_frame(a: Amount) -> Period | None:
    """ "Tajik farmers have sown 71 percent of the plan as of 17 April ... Cotton has been
    sown on 121,6 thousand hectares": in a progress bulletin, what has been done (a perfect
    verb) with no time in its own clause is as of the bulletin's day."""
    ctx = a.ctx
    if not _in_as_of_bulletin(a):
        return None
    verb = _clause_verb(a.span)
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not (aux & {"has", "have"} and verb.tag_ == "VBN"):
        return None
    focus = a.focus()
    if focus is not None and focus != ctx.as_of and focus[0] == focus[1] and len(focus[0]) == 10:
        # "As of 1 October, 17,2 bln rubles had been paid ... only 2,25 bln has reached the
        # farmers": a paragraph told as of a day of its own keeps it
        return None
    return ctx.as_of


@period_rule("period.as_of_present")
def _as_of_present(a: Amount) -> Period | None:
    """ "As of 6 October, farms had threshed ... The average yield is 18,5 centners per
    hectare": in a progress bulletin, a present state with no time in its own clause (and
    a list line with no verb) is as of the bulletin's day, not the day it is published."""
    ctx = a.ctx
    if not _in_as_of_bulletin(a) or a.reports_past:
        return None
    if ctx.lexicon.kind_of((a.record or {}).get("unit") or "") == "time":
        return None  # (nor an age or a term: "combines older than ten years")
    if _TIMELESS.search(a.span.sent.text):
        return None  # "the total storage capacity is 3,6 million tons"
    focus = a.focus()
    if focus is not None and focus != ctx.as_of:
        return None  # a paragraph with a time of its own
    verb = _clause_verb(a.span)
    if verb is None:
        return ctx.as_of
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ in ("VBZ", "VBP") and not aux & {"will", "shall", "to", "would"}:
        return ctx.as_of
    return None


def _past_focus(a: Amount) -> Period | None:
    """The period a past-tense amount's paragraph set, as the past rules see it."""
    ctx = a.ctx
    focus = a.focus(skip_plans=ctx.on("period.past_skips_plans"))
    if ctx.report_period is None or focus is None:
        return focus
    if ctx.on("period.past_skips_today") and focus == (a.date, a.date):
        # "Today 812 buses serve 94 routes. 14 km of bus lanes were marked": today names
        # the present, not the period of what was done.
        focus = a.focus(skip_now=True)
    if (
        ctx.on("period.change_not_base")
        and focus is not None
        and _is_change(a.span)
        and _ends_before(focus, ctx.report_period[0])
    ):
        # "Last year, 41 agreements were signed. Thus the number increased 1.4 times": a
        # change is of the current period, not of its base.
        focus = None
    return focus


def _past(period: Period | None, a: Amount) -> Period | None:
    """A past period for a past-tense amount: what was done cannot lie after the day it
    is told ("the draft budget for 2025-2027" is not the period of "revenues were
    executed")."""
    if period is None or not a.reports_past or _starts_after(period, a.date):
        return None
    return period


@period_rule("period.past_paragraph")
def _past_paragraph(a: Amount) -> Period | None:
    """ "Over the past 5 years, ... . 65 thousand jobs were created": a past-tense report
    goes on in the period its paragraph set."""
    if not a.reports_past:
        return None
    focus = _past_focus(a)
    report = a.ctx.report_period
    if (
        focus is not None
        and report is not None
        and report[0] == report[1]
        and report[0] is not None
        and len(report[0]) == 4
        # (a year already over: "the first results of 2015" told in February 2015 are of
        # its first month, which the paragraph names)
        and not (a.date and a.date[:4] <= report[0])
        and focus[0] == focus[1]
        and focus[0] is not None
        and len(focus[0]) > 4
        and focus[0][:4] == report[0]
        and not a.ctx.governing_times.between(a.span.sent.start_char, a.span.sent.end_char)
        and not _AS_OF_POINT.search(
            a.ctx.text, a.ctx.paragraph_start(a.span.start_char), a.span.start_char
        )
    ):
        # "In September the new School No. 21 opened. Two kindergartens for 280 places were
        # built": in a report on a year, a month or a day named in an earlier sentence
        # dates that event, not the year's other results (a state "as of the end of
        # December 2019" is the figures' own point)
        return _past(report, a)
    return _past(focus, a)


_AS_OF_POINT = rx(r"(?i)\b(?:as\s+(?:of|at)|(?:at|by)\s+the\s+end\s+of|on\s+1\s)")


@period_rule("period.past_report")
def _past_report(a: Amount) -> Period | None:
    """A past-tense figure with no period in its paragraph: the period the whole report
    is about ("results of 2023")."""
    return _past(a.ctx.report_period, a)


@period_rule("period.perfect_now")
def _perfect_now(a: Amount) -> Period | None:
    """ "The plant has created 640 permanent jobs": a present perfect with no period in its
    paragraph or report tells what stands done on the day it is told, not in the last
    period named paragraphs before."""
    date = a.date
    if not (date and len(date) == 10 and a.ctx.has_parse and a.reports_past):
        return None
    verb = _clause_verb(a.span)
    if verb is None or verb.tag_ != "VBN":
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not aux & {"has", "have"}:
        return None
    # "As of 1 November 2016, 131 of the 184 houses have been built ... All 6 medical
    # facilities have been restored": what stands done is told as of the day a sentence
    # before set, when that day is at most a month before the document's
    as_of = _as_of_before(a)
    return as_of if as_of is not None else (date, date)


def _as_of_before(a: Amount) -> Period | None:
    """The day of the last sentence before the amount that opens with "As of <day>", if it
    is at most 31 days before the document's date."""
    text = a.ctx.text
    date = a.date
    since = max(a.span.start_char - 6000, a.ctx.post_start(a.span.start_char))
    for t in a.ctx.times.backwards(since, a.span.start_char):
        if t.end_char > a.span.start_char:
            continue
        if not _AS_OF_OPENING.search(text, max(0, t.start_char - 12), t.start_char):
            continue
        start, end = _period_of(t)
        if start and start == end and len(start) == 10 and start <= date:
            return (start, end) if _days(date) - _days(start) <= 31 else None
        return None
    return None


_AS_OF_OPENING = rx(r"(?i)(?:^|[.!?:]\s+|\n\s*)as\s+of\s+$")


@period_rule("period.past_earlier")
def _past_earlier(a: Amount) -> Period | None:
    """A past-tense figure in a report with no period: the last past period named
    anywhere before it."""
    if not a.reports_past:
        return None
    focus = _paragraph_focus(
        a.span,
        a.ctx.governing_times,
        0,
        past_only=a.date,
        skip_causes=a.ctx.on("period.cause_time"),
        # a month named in another paragraph dates what happened then, not the report's
        # other results ("The bridge was opened in September. [...] Revenues
        # amounted to 32.6 billion rubles")
        points_from=a.paragraph,
    )
    return _past(focus, a)


@period_rule("period.plan_paragraph")
def _plan_paragraph(a: Amount) -> Period | None:
    """ "In October 2023 – March 2024, 1.4 billion kWh will be supplied ... Imports will
    cost 6.8 billion som": a plan goes on in the period its paragraph set, when that
    period is not over."""
    if a.reports_past or not a.plans:
        return None
    # "The programme sets four targets to be reached by 2025. The share of industry in
    # GDP is to reach not less than 22 percent": a deadline set before is the plan's too
    focus = a.focus(keep_deadlines=True)
    return focus if focus is not None and not _ends_before(focus, a.date) else None


@period_rule("period.present_paragraph")
def _present_paragraph(a: Amount) -> Period | None:
    """ "This year 300 bln tenge is allocated ... The rate for enterprises is 3-5%": a
    present state holds now, so within the paragraph's period when that period includes
    the day it is told."""
    date = a.date
    if not (a.ctx.has_parse and date) or a.reports_past or a.plans:
        return None
    focus = a.focus()
    if focus is None or _ends_before(focus, date):
        return None
    if _starts_after(focus, date) and _NOW_OR_STILL.search(a.span.sent.text):
        return None  # "From 1 May the tariff will rise ... Businesses already pay 3,6 soms"
    # (a period still ahead is what the present tense describes: "The draft budget for
    # 2014 has been formed ... Expenditures are planned at 262 billion tenge")
    return focus


_NOW_OR_STILL = rx(r"(?i)\b(?:already|now|still|today|" + _NOW_WORDS + r")\b")


@period_rule("period.report_frame")
def _report_frame(a: Amount) -> Period | None:
    """ "Nine-month results ... Industrial output – 104.2%.": an indicator line with no
    verb of its own is of the period the report is about."""
    ctx = a.ctx
    report = ctx.report_period
    if (
        ctx.has_parse
        and report is not None
        and not _no_period_kind(a)
        and not _starts_after(report, a.date)
        and _frame_item(a.span, report, a.date, calendar=ctx.calendar_report)
    ):
        return report
    return None


@period_rule("period.line_label")
def _line_label(a: Amount) -> Period | None:
    """ "- 2025: 75 percent of villages with safe drinking water; sewerage coverage in
    towns of 40 percent": a time labelling its line (before a colon or a dash) is the
    period of every amount on the line."""
    text = a.ctx.text
    newline = text.rfind("\n", max(0, a.span.start_char - 300), a.span.start_char)
    if newline < 0 and a.span.start_char > 300:
        return None  # (a line that long is no labelled list item)
    line_start = newline + 1
    label = a.ctx.times.between(line_start, a.span.start_char)
    if not label:
        return None
    first = label[0]
    if not _LINE_LABEL_BEFORE.fullmatch(text, line_start, first.start_char):
        return None
    if not _LINE_LABEL_AFTER.match(text, first.end_char):
        return None
    return _period_of(first)


_LINE_LABEL_BEFORE = rx(r"[ \t]*(?:" + BULLET + r"[ \t]*)?(?:[Ii]n[ \t]+|[Bb]y[ \t]+)?")
_LINE_LABEL_AFTER = rx(WS_START + r"[ \t]*+[:–—-][ \t]")


@period_rule("period.budget_year")
def _budget_year_rule(a: Amount) -> Period | None:
    """ "Public hearing on the draft city budget for 2020 ... Spending is planned at 14.1
    billion som": in a document on next year's budget, a figure with no time of its own
    that reports no past is of the budget's year."""
    year = a.ctx.budget_year
    if (
        year is None
        or not a.ctx.has_parse
        or a.reports_past
        or _no_period_kind(a)
        or "/" in (a.record.get("unit") or "")
    ):
        return None
    return year


@period_rule("period.rate_today")
def _rate_today(a: Amount) -> Period | None:
    """ "USD 478.52 ▲" in a page's ticker: an exchange rate with no time of its own is the
    rate of the day it is published."""
    date = a.date
    unit = (a.span._.extractor or {}).get("unit") or ""
    money, _, per = unit.partition("/")
    lexicon = a.ctx.lexicon
    if (
        date
        and len(date) == 10
        and per
        and lexicon.kind_of(money) == "currency"
        and lexicon.kind_of(per) == "currency"
    ):
        return (date, date)
    return None


@period_rule("period.present_state")
def _present_state_rule(a: Amount) -> Period | None:
    """ "Unemployment is still 11.2%": a present state with no time of its own holds on
    the day it is told."""
    date = a.date
    if (
        a.ctx.has_parse
        and date
        and len(date) == 10
        and not _no_period_kind(a)
        and _present_state(a.span, a.ctx.lexicon)
    ):
        return (date, date)
    return None


@period_rule("period.gapped_clause")
def _gapped_clause_rule(a: Amount) -> Period | None:
    """ "Grain crops have been sown on 3.4 million hectares, oilseeds on 910 thousand
    hectares": a clause with its verb left out shares the period of the amount before it in
    the sentence."""
    if not a.ctx.has_parse or _no_period_kind(a):
        return None
    doc = a.span.doc
    prev = next(_earlier_in_sentence(a.span, a.ctx.done), None)
    if prev is None:
        return None
    data = prev._.extractor or {}
    period = (data.get("time_start"), data.get("time_end"))
    between = doc[prev.end : a.span.start]
    if period == (None, None) or not any(t.text in (",", ";") for t in between):
        return None
    for t in between:
        # (a plural the tagger takes for a verb before its preposition: "oilseeds on")
        misread = t.tag_ == "VBZ" and t.i + 1 < len(doc) and doc[t.i + 1].dep_ == "prep"
        if t.pos_ in ("VERB", "AUX") and not misread:
            return None
    return period


_RULE_IDS = {func: rule_id for rule_id, func in PERIOD_RULES.items()}


# ", when it was 51 billion", ", when they amounted to 3.4 million tons"
_WHEN_CLAUSE = re.compile(
    r"(?i)^\W*(?:\s*year\b)?\W*when\s+(?:it|they|this|the\s+[\w-]+(?:\s+[\w-]+)?)\s+"
    r"(?:was|were|stood\s+at|amounted\s+to|totall?ed|reached|equalled|made\s+up)\s+"
    r"(?:about\s+|only\s+|just\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+)?$"
)


def _when_time(span: Span, times: ByStart) -> Span | None:
    """The time a "when it was N" clause hangs on: "... than in 2020, when it was 51 bln"."""
    text = doc_text(span.doc)
    sent_start = span.sent.start_char
    for t in reversed(times.between(sent_start, span.start_char)):
        if t.end_char > span.start_char:
            continue
        between = text[t.end_char : span.start_char]
        return t if _WHEN_CLAUSE.match(between) or _WHEN_ANY.match(between) else None
    return None


# "Compared with 2020, when only 286 villages were gasified", "at the end of 2019, before
# the pandemic, when the register counted 8 905 entities": any "when" clause set off by a
# comma after the time, the amount in it before any other comma.
_WHEN_ANY = rx(r"(?i)^[^.;:()]{0,40}?,\s*when\s+[^.;:,()]{0,80}$")


def _future_period(time: Span, date: str | None) -> bool:
    """The time names a period still ahead on the document date ("by 2018" told in 2016)."""
    start, end = _period_of(time)
    return bool(
        date
        and end
        and iso_cmp(end, date) > 0
        and not _ends_before((start, end), date)
        and iso_cmp(start or date, date) >= 0
    )


def _same_clause(span: Span, time: Span) -> bool:
    """The time hangs on the amount's own verb, or on a verb that modifies the amount
    ("2 340 houses to be built by 1 September")."""
    verb = _clause_verb(span)
    governing = _governing_verb(time.root)
    if governing is None:
        return False
    if governing == verb:
        return True
    return governing.dep_ in ("acl", "relcl") and span.start <= governing.head.i < span.end


def _frame_item(span: Span, report_period: tuple, date: str | None, *, calendar: bool) -> bool:
    """An indicator line or item with no verb of its own: "Industrial output – 104.2%.",
    "– commissioning of housing – 96.4%;"; or, in a report on a calendar period already
    over, a figure in the present ("Gross regional product is estimated at ...")."""
    if "/" in ((span._.extractor or {}).get("unit") or ""):
        return False  # rates and capacities ("150 tons per day") are not indicators
    text = doc_text(span.doc)
    before = text[max(span.sent.start_char, span.start_char - 60) : span.start_char]
    if rx(r"[\p{L})]\s*[–—:-]\s*(?:by\s+)?$").search(before):
        return True
    verb = _clause_verb(span)
    if verb is None or verb.tag_ == "VBG":
        return True
    if (
        calendar
        and _ends_before(report_period, date)
        and not _plans(span)
        and not _holds_now_here(span)
    ):
        # "Gross regional product is estimated at ...", "the deficit is 2.1%": in a report
        # on a closed calendar period, present figures are that period's (not what holds
        # when it is told: "Khiva has only 2 600 hotel beds")
        if verb.lemma_.lower() in _STATE_VERBS:
            return False
        words = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
        return verb.tag_ in ("VBZ", "VBP") or bool(words & {"is", "are"})
    return False


_PRESENT_UNITS = ("%", "x")
# Verbs of what holds when it is told, not of a period's result: "Khiva has only 2 600
# hotel beds", "households keep 92.6 percent of the cattle", "14 local suppliers deliver".
_STATE_VERBS = frozenset(
    ("have", "keep", "hold", "deliver", "send", "name", "study", "live", "work", "wait", "own")
)


def _present_state(span: Span, lexicon) -> bool:
    """The amount's clause states what holds now: a present-tense verb ("is still 11.2%",
    "are unemployed") and no plan; for shares, counts and money, not sizes or capacities."""
    unit = (span._.extractor or {}).get("unit") or ""
    base = unit.split("/")[0]
    if "/" in unit and lexicon.kind_of(base) != "currency":
        return False  # a price holds now ("is kept at 7 200 tenge per ton"); a capacity does not
    verb = _clause_verb(span)
    if not (base in _PRESENT_UNITS or lexicon.kind_of(base) in ("count", "currency")):
        # "The region has 301 thousand hectares of irrigated land", "Bishkek CHP has 412
        # thousand tons of coal": what a place or a body has is a stock that holds now (what
        # a building has is its size)
        if not (verb is not None and _holder_has(verb)):
            return False
    if verb is None:
        return False
    words = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass", "neg", "advmod")}
    # "are connected", "are working": a present passive or progressive holds now too
    present_aux = verb.tag_ in ("VBN", "VBG") and bool(words & {"is", "are", "am"})
    if verb.tag_ not in ("VBZ", "VBP") and not present_aux:
        return False
    if words & {"will", "shall", "to", "not", "usually", "annually", "always"}:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _POINTING for c in verb.children):
        return False  # "This is 12.1% more than in 2023": of the result named before
    if any(
        t.tag_ == "VBD" and not _in_relative_clause(t) and t.lower_ not in _SPEECH_VERBS
        for t in span.sent
    ):
        # a sentence that also reports the past is no statement of now ("Khiva has only
        # 2 600 hotel beds, the senator said" is: a past verb of speaking reports nothing)
        return False
    # (within the amount's own clause of the sentence: "The project costs $320 million; it
    # will employ 650 people" states a cost now)
    text = doc_text(span.doc)
    sent = span.sent
    # ("Tariffs will not change this winter: the tariff for the population remains 1 210
    # som per gigacalorie": a colon opens a clause of its own too)
    start = max(
        text.rfind(";", sent.start_char, span.start_char),
        text.rfind(": ", sent.start_char, span.start_char),
    )
    start = start + 1 if start >= 0 else sent.start_char
    end = text.find(";", span.end_char, sent.end_char)
    clause = text[max(start, sent.start_char) : end if end >= 0 else sent.end_char].lower()
    return not _PLAN_OR_MAKE.search(clause)


# Who holds a stock: a place or a body named, a word for one, or "we"
_HOLDER_NOUNS = frozenset(
    ("region", "republic", "country", "city", "district", "oblast", "province", "krai", "we")
)


def _holder_has(verb) -> bool:
    """The verb is "has", "have" or "holds" and its subject is a place or a body."""
    if verb.lemma_.lower() not in ("have", "hold", "keep"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.lower_ in _HOLDER_NOUNS or subject.ent_type_ in ("GPE", "ORG")
    )


_PLAN_OR_MAKE = rx(r"\b(?:plan|planned|will|shall|capacity|designed|norm|standard)\b")


# What a present tense says of a thing's make, not of a day: capacities, designs, norms.
_TIMELESS = rx(r"(?i)\b(?:capacity|capacities|designed|norm|norms|standard)\b")


def _in_relative_clause(token: Token) -> bool:
    """The token belongs to a relative clause ("villages where pipes were laid in Soviet
    times"): it describes a noun, it does not report the sentence's own event."""
    head = token if token.dep_ != "auxpass" and token.dep_ != "aux" else token.head
    return head.dep_ in ("relcl", "acl") or any(a.dep_ in ("relcl", "acl") for a in head.ancestors)


def _is_age(span: Span) -> bool:
    """ "children aged 3 to 6 years", "the dam is 47 years old": an age has no period; nor
    has a distance ("a town 200 km from the nearest border")."""
    text = doc_text(span.doc)
    unit = (span._.extractor or {}).get("unit")
    return (
        is_age(text, span.start_char, span.end_char, unit)
        or bool(
            re.search(
                r"(?i)\baged?\s+(?:from\s+|between\s+|under\s+|over\s+)?$",
                text[max(0, span.start_char - 20) : span.start_char],
            )
        )
        or is_distance(text, span.end_char, unit)
    )


_REPORTING = re.compile(r"(?i)\breporting\s+(?:period|year|quarter|months?)\b")


_BASE_CUE = re.compile(
    r"(?i)(?:" + COMPARED_TO + r"|\bfrom)\s+"
    # (or the second amount of the same base: "against 356 fires on 13,140 hectares")
    r"(?:(?:about\s+)?" + BASE_NUMBER + r"\s+(?:on|with|worth|and|for|of)\s+)?"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+)?$"
)


def _base_amount_time(span: Span, times: ByStart) -> Span | None:
    """The time right after an amount that is the base of a comparison ("against 43 407
    tenge in 2024", "from 9 percent last year")."""
    text = doc_text(span.doc)
    if not _BASE_CUE.search(text[max(0, span.start_char - 30) : span.start_char]):
        return None
    # Only the first time after the amount can be next to it.
    t = times.first_from(span.end_char)
    if t is not None and _TO_BASE_TIME.fullmatch(text, span.end_char, t.start_char):
        return t
    return None


# Between a base amount and its time: nothing but a preposition, or a second amount of the
# same base ("against 356 fires on 13,140 hectares in 2020").
_TO_BASE_TIME = rx(r"(?i)\s*(?:" + SECOND_BASE_AMOUNT + r"\s+)?(?:in|on|at|of)?\s*")


def _is_change(span: Span) -> bool:
    """A multiplier or an increase "by N%": a comparison of the current amount with a base."""
    record = span._.extractor or {}
    if (record.get("unit") or "").split("/")[0] == "x":
        return True
    before = doc_text(span.doc)[max(0, span.start_char - 25) : span.start_char]
    return bool(rx(r"(?i)\bby\s+(?:about\s+|almost\s+|nearly\s+)?$|[–—-]\s*by\s+$").search(before))


def _ends_before(period: tuple, date: str | None) -> bool:
    """The period is over by the document date (compared at the coarser precision)."""
    return iso_cmp(period[1], date) < 0


def _plans(span: Span) -> bool:
    """The amount's clause tells what will be done: "will", "is planned", "is to"."""
    verb = _clause_verb(span)
    if verb is None:
        return False
    words = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    if words & {"will", "shall", "must", "should"}:
        return True  # (a target: "by 2025 the share must reach at least 15 percent")
    if words & {"is", "are"} and verb.lemma_.lower() in _PROVISION_VERBS:
        return True  # "3.4 billion som is provided for roads": a budget's plan
    head = verb.head if verb.dep_ in ("xcomp", "ccomp") else verb
    if head is not verb and head.lemma_ == "be" and "to" in words:
        return True  # "the share is to reach 22 percent", "plants are to be commissioned"
    obliged = head if head is not verb and "to" in words else verb
    if (
        obliged.lemma_.lower() in ("have", "need", "want")
        and obliged.tag_ in ("VBP", "VBZ")
        and (
            obliged is not verb
            or any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in verb.children
            )
        )
    ):
        # "3,100 km of new canals have to be built", "we need to lay 280 km", "we want to
        # export $30 million": an obligation or a wish told now is a plan
        return True
    return head.lemma_.lower() in ("plan", "intend", "expect", "aim")


# Verbs of a budget's provision: in the present passive they tell what money is meant for.
_PROVISION_VERBS = frozenset(_WORDS["provision_verbs"])
_SPEECH_VERBS = frozenset(w for w in _WORDS["speech_verbs"] if " " not in w)


@lru_cache(maxsize=4)
def headline_end(text: str) -> int:
    """Where the document's first line ends when it is a headline (no full stop), else -1."""
    end = text.find("\n")
    if end <= 0 or text[:end].rstrip().endswith("."):
        return -1
    return end


def _in_headline(span: Span) -> bool:
    """The amount stands in the document's first line, a headline with no full stop."""
    end = headline_end(doc_text(span.doc))
    return end > 0 and span.end_char <= end


def _governing_verb(token: Token) -> Token | None:
    for anc in [token, *token.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _refers_back(span: Span) -> bool:
    """A part or an evaluation of the amount before it: "Of these, ...", "among them",
    "of which", "This is 104% of the plan", ", which is 15% below ..."."""
    if _comparative(span) or _restates(span):
        return True
    return bool(_REFERS_BACK.search(_clause_before(span)))


def _holds_now_here(span: Span) -> bool:
    """ "So far", "currently" in the amount's own clause: next to it, or on its verb."""
    doc = span.doc
    near = doc_text(doc)[max(span.sent.start_char, span.start_char - 30) : span.start_char]
    if _NOW_NEAR.search(near) or rx(r"(?i)\bthe\s+current\s+$|,\s*now\s+$").search(near):
        return True  # "... will grow from the current 9% to 15%", "The wage, now 42,500 tenge,"
    verb = _clause_verb(span)
    if verb is None:
        return False
    words = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    # "1.35 million have been planted so far", "... to date"
    if any(
        (c.lower_ == "far" and any(g.lower_ == "so" for g in c.children))
        or (c.lower_ == "to" and any(g.lower_ == "date" for g in c.children))
        for c in verb.children
        if c.i > span.end - 1
    ):
        return True
    # "losses are still 17 percent" (not "was still 17 percent in 2019": a past state)
    return bool(words & {"currently", "now"}) or ("still" in words and verb.tag_ in ("VBZ", "VBP"))


def _holds_now(sent: Span) -> bool:
    """ "So far", "to date", "currently": the figure holds at the time of speaking."""
    return bool(_HOLDS_NOW.search(sent.text))


def _is_point(period: tuple) -> bool:
    """A period of one month ("2015-09"); a day may be the day of a visit or a meeting that
    a news story goes on telling."""
    start, end = period
    return bool(start and end and len(start) == 7 and start == end)


def _paragraph_focus(
    span: Span,
    times: ByStart,
    paragraph: int,
    past_only: str | None = None,
    skip_now: bool = False,
    skip_plans: bool = False,
    skip_causes: bool = False,
    skip_bases: bool = False,
    keep_deadlines: bool = False,
    points_from: int | None = None,
) -> tuple | None:
    """The period the paragraph set before the amount: its last time expression (with
    ``past_only``, the last one that does not begin after that date; with ``points_from``,
    not a single month named before that offset)."""
    text = doc_text(span.doc)
    for t in times.backwards(paragraph, span.start_char):  # the last one that passes
        if points_from is not None and t.start_char < points_from and _is_point(_period_of(t)):
            continue  # "The bridge ... was opened in September.": that month dates that event
        if skip_bases and _base_time(text, t):
            continue  # "... 1.3 times more than in 2023.", "(6.4 in 2021)": a base of comparison
        if not keep_deadlines and rx(r"(?i)\bby\s+(?:the\s+)?$").search(
            text[max(0, t.start_char - 8) : t.start_char]
        ):
            continue  # (a deadline is no period of what was done; a plan's it is)
        if skip_now and rx(r"(?i)(?:today|now|this\s+day|currently)").fullmatch(t.text):
            continue
        if skip_plans and tense_of(t.sent.text) == "future":
            continue  # a plan's horizon is no period of what was done
        if skip_causes and _CAUSE_BEFORE.search(text, max(0, t.start_char - 80), t.start_char):
            continue  # "... as a result of the June-July drought": a cause's time
        period = _period_of(t)
        if past_only and (_starts_after(period, past_only) or not period[0] or not period[1]):
            continue
        if period[0] or period[1]:
            return period
    return None


_COMPARISON_TIME = rx(
    r"(?i)(?:a|one)\s+year\s+(?:earlier|before|ago)"
    r"|the\s+(?:same|corresponding|similar)\s+(?:period|months|quarter|half-year)\s+(?:of\s+|in\s+)?"
    r"(?:last|the\s+previous)\s+year"
)


def _base_time(text: str, time: Span) -> bool:
    """The time is the base of a comparison: after "than (in)", "against", "compared
    with", "% of", or in brackets that hold an amount of their own ("(6.4 in 2021)"); or
    it names a comparison by itself ("a year earlier this indicator stood at 73,9%": the
    sentences after it go on in the report's period)."""
    if BASELINE_BEFORE.search(text, max(0, time.start_char - 40), time.start_char):
        return True
    if BASE_NOUN_BEFORE.search(text, max(0, time.start_char - 60), time.start_char):
        return True
    if _COMPARISON_TIME.fullmatch(time.text):
        return True
    opened = text.rfind("(", max(0, time.start_char - 30), time.start_char)
    if opened < 0 or ")" in text[opened : time.start_char]:
        return False
    closed = text.find(")", time.end_char, time.end_char + 30)
    return closed >= 0 and _holds_an_amount(text, opened, closed, time)


def _reports_past(span: Span) -> bool:
    """The amount's clause reports what was done: a past verb and no plan or present state.

    The clause is the verb that governs the amount ("Farmers harvested 3.1 million tons,
    which is 1.5 times more ..." reports the past though "is" follows); without one, the
    whole sentence decides.
    """
    verb = _clause_verb(span)
    if verb is not None:
        words = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass", "neg")}
        if words & {"will", "shall", "would", "should", "must", "can", "to"}:
            return False
        if verb.tag_ == "VBD" or words & {"was", "were", "had", "has", "have", "been"}:
            return True
        if verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
        ):
            return False  # "the rate is 3-5%" (a verb with no subject may be a misparsed noun)
    sent = span.sent
    tags = {t.tag_ for t in sent}
    words = {t.lower_ for t in sent}
    if words & {"will", "plan", "planned", "plans", "now", "currently", "today", "is", "are"}:
        return False
    return "VBD" in tags or ("VBN" in tags and bool(words & {"were", "was", "have", "has", "been"}))


def _tree_distance(a: Token, b: Token) -> int:
    path_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 1000


# Between an amount and the time right after it: "5.4% in 2026", "rose to 21.6% from 18.9%
# three years earlier", "reached 5 million last year".
# ("3,300 km of them in 2020": a part's own time after "of them")
_TIME_RIGHT_AFTER = rx(WS_START + r"\s*(?:of\s+(?:them|these|which)\s+)?(?:(?:in|for)\s+)?")


def _governing_time(span: Span, times: ByStart, rules: RuleSet) -> tuple[Span | None, str | None]:
    """The TIME span in the quantity's sentence nearest in the parse tree, and its rule."""
    sent = span.sent
    candidates = times.between(sent.start_char, sent.end_char)
    if not candidates:
        return None, None
    text = doc_text(span.doc)
    for t in candidates if rules.on("period.time_after") else ():
        # "from 2.7% of GDP in 2025 to 1.6% in 2027", "5.4% in 2026 and 5.9% in 2027": a
        # time right after the amount is its own.
        if t.start_char >= span.end_char and _TIME_RIGHT_AFTER.fullmatch(
            text[span.end_char : t.start_char]
        ):
            return t, "period.time_after"
    if not rules.on("period.governing_time"):
        return None, None
    if rules.on("period.cause_time"):
        # "output fell by 2.1% because of the repair of the turbine this spring": the time
        # of a cause is not the amount's.
        own = [t for t in candidates if not _in_cause(span, t, text)]
        if not own:
            return None, None
        candidates = own
    clause_cut = False
    if rules.on("period.semicolon_clause"):
        # "14 schools (9 in 2022)": a time in brackets after another amount is that one's
        own = [
            t
            for t in candidates
            if not (
                t.start_char > span.end_char
                and _BRACKETED_BASE.fullmatch(text, span.end_char, t.start_char)
            )
        ]
        if not own:
            return None, None
        candidates = own
        # "1 146 violations worth 2,9 billion rubles were revealed (in 2012 – 1,87 billion
        # rubles)": a time inside brackets is of what the brackets hold
        pairs = _bracket_pairs(
            text,
            max(sent.start_char, span.start_char - 300),
            min(sent.end_char, span.end_char + 300),
        )  # (a window: a sentence may run unbounded)
        own = [t for t in candidates if _same_brackets(pairs, t, span)]
        if not own:
            return None, None
        candidates = own
    if rules.on("period.semicolon_clause"):
        # "This year we will launch unit 4 with a capacity of 600 MW, and in 2024 – unit 3":
        # a time that opens a later clause (", and in 2024") is that clause's, when the
        # amount's own clause has a time of its own.
        own = [
            t
            for t in candidates
            if not (
                t.start_char > span.end_char
                and (
                    _NEXT_CLAUSE.search(text, span.end_char, t.start_char)
                    or _GAPPED_TIME_LABEL.match(text, t.end_char)
                )
            )
        ]
        if not own:
            # "The sector employs 340 thousand people, while ten years ago it was 160
            # thousand": a later clause's time is that clause's, also when the amount's own
            # clause has none
            return None, None
        if len(own) < len(candidates):
            candidates, clause_cut = own, True
    if rules.on("period.semicolon_clause"):
        # "Since the start of the year, 31.2 billion tenge has been paid, 9.8 billion tenge
        # of it last week": a time in a later comma segment that opens on another amount
        # is that amount's.
        own = [
            t
            for t in candidates
            if not (
                t.start_char > span.end_char
                and _LATER_AMOUNT_SEGMENT.search(text, span.end_char, t.start_char)
            )
        ]
        if own and len(own) < len(candidates):
            candidates, clause_cut = own, True
    # "Last year X shipped ..., and the load has grown 1.5 times over the past five years":
    # a time in the amount's own clause (same verb) comes first.
    verb = _clause_verb(span)
    same_clause = [t for t in candidates if verb is not None and _governing_verb(t.root) == verb]
    candidates = same_clause or candidates
    if rules.on("period.semicolon_clause"):
        # "Back in 2011 the plant produced 5.5 billion kWh; in 2023 only 3.9 billion": a
        # semicolon ends a clause, and a time beyond it is another clause's.
        own = [
            t
            for t in candidates
            if ";" not in text[min(t.end_char, span.end_char) : max(t.start_char, span.start_char)]
        ]
        if own and len(own) < len(candidates):
            return _nearest(span, own), "period.semicolon_clause"
        if not own:
            # "... threshed 1.1 million tons of grain; in 2017 the harvest was 1.3 million":
            # no time of the amount's own clause, and none from beyond the semicolon.
            return None, None

    rule = "period.semicolon_clause" if clause_cut else "period.governing_time"
    return _nearest(span, candidates), rule


_CAUSE_WORDS = r"because(?:\s+of)?|due\s+to|thanks\s+to|owing\s+to"
_CAUSE = re.compile(r"(?i)\b(?:" + _CAUSE_WORDS + r")\b")
# A time inside a cause named before it in its clause: "as a result of the June-July
# drought", "slowed down by the rains in early September", "after the drought of last
# summer", "because of planned repair ... in April-May".
_CAUSE_BEFORE = re.compile(
    r"(?i)\b(?:" + _CAUSE_WORDS + r"|as\s+a\s+result\s+of|caused\s+by"
    r"|slowed(?:\s+down)?\s+by|hit\s+by|affected\s+by|amid|after\s+the\s+(?:drought|frosts?"
    r"|floods?|rains?|repairs?|suspension|accident|fire|shutdown))\b[^.;,:]*$"
)


def _in_cause(span: Span, time: Span, text: str) -> bool:
    """The time belongs to a cause after the amount, not to the amount: "fell by 2.1%
    because of the repair of the turbine this spring", "the figure is lower, 11,8
    centners, as a result of the June-July drought"."""
    return time.start_char > span.end_char and bool(
        _CAUSE.search(text, span.end_char, time.start_char)
        or _CAUSE_BEFORE.search(text, span.end_char, time.start_char)
    )


# "in 2021 it was 34%, this year – 38,5%": a time before a dash labels the gapped clause
# that follows it, whatever the parser hung it on.
_GAPPED_TIME_LABEL = re.compile(WS_START + r"\s*[–—-]\s*(?:about\s+|almost\s+|over\s+)?\d")
# "14 schools (9 in 2022)", "5.8 per 1,000 (6.4 in 2021)": a time in brackets after another
# amount is that amount's.
_BRACKETED_BASE = re.compile(
    r"(?i)[^()]{0,20}\(\s*(?:(?:" + COMPARED_TO + r")\s+)?[\d.,\s]+[^()\d]{0,20}"
)
_LATER_AMOUNT_SEGMENT = rx(
    r",\p{Zs}*+(?:about\s+|some\s+|another\s+|over\s+|almost\s+|nearly\s+)?\d[^,;]*+$"
)
_NEXT_CLAUSE = re.compile(r"(?i),\s+(?:and|while|but|whereas)\s+(?:in|by|for|during|since)?\s*$")


def _bracket_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (open, close) offsets of the round brackets between ``start`` and ``end``."""
    pairs, opened = [], []
    for i in range(start, end):
        if text[i] == "(":
            opened.append(i)
        elif text[i] == ")" and opened:
            pairs.append((opened.pop(), i))
    return pairs


def _same_brackets(pairs: list[tuple[int, int]], time: Span, span: Span) -> bool:
    """The time stands in no bracket pair that holds an amount of its own and that the
    amount stands outside of ("(in 2012 – 1,87 billion rubles)"); a bracket holding the
    time alone labels what it follows ("Exports (January-August) – $1.27 bn")."""
    text = doc_text(span.doc)
    return not any(
        o < time.start_char < c
        and not (o < span.start_char < c)
        and _holds_an_amount(text, o, c, time)
        for o, c in pairs
    )


def _holds_an_amount(text: str, opened: int, closed: int, time: Span) -> bool:
    """The brackets at ``opened:closed`` hold a figure beside the time: "(6.4 in 2021)"."""
    return bool(_DIGIT.search(text[opened : time.start_char] + text[time.end_char : closed]))


_DIGIT = rx(r"\d")


def _nearest(span: Span, candidates: list[Span]) -> Span:
    """The candidate nearest the amount in the parse tree, then before it, then in text."""
    nearest = min(
        candidates,
        key=lambda t: (
            _tree_distance(span.root, t.root),
            t.start > span.start,
            abs(t.start - span.start),
        ),
    )
    return nearest


def _same_sentence_time(doc: Doc, span: Span, times: list[Span]) -> Span | None:
    before = [
        t
        for t in times
        if t.end_char <= span.start_char and "." not in doc_text(doc)[t.end_char : span.start_char]
    ]
    return before[-1] if before else None
