"""The ``extractor_facts`` component: link each quantity to what it measures, when and where.

Reads the spans of the other components and fills, on each QUANTITY record:

- ``measured``: the noun phrase the amount is of, from the dependency parse;
- ``time_start``/``time_end``: from the TIME span that governs it in its sentence (the
  one nearest in the parse tree);
- ``place``: the GPE of the sentence, else the document's most mentioned GPE;
- ``indicator``: the taxonomy id of what it measures (:mod:`extractor.rules.indicators`),
  from ``measured``, the unit and the cue words of its sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex as re
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..resources import read_json, read_jsonl
from ..rules.indicators import default_classifier as default_indicator_classifier
from ..rules.intervals import ByStart, SpanIndex
from ..rules.periods import iso_cmp, ordered_period
from ..rules.quantex import COUNTED_SYNONYMS, LABELLED_LIST_GAP
from ..rules.rx import rx
from ..rules.timex import is_baseline, tense_of
from ..rules.units import load_lexicon
from ..schema import SPANS_ENTITIES, SPANS_QUANTITIES, SPANS_TIMES, register_extensions
from .context import doc_text, release_text
from .entities import load_not_entities
from .fact_rules import RuleSet, default_rule_set

_WORDS = read_json("fact_words.json")
# Verbs whose subject is what an amount measures: "investments amounted to N".
_COPULAR = frozenset(_WORDS["copular_verbs"])
# Nouns that hold what they measure after "of": "the volume of investments". The
# transparent ones add nothing: "the volume of industrial production" is production.
_CONTAINERS = frozenset(_WORDS["containers"])
_TRANSPARENT = frozenset(_WORDS["transparent_containers"])
_PHRASE_DEPS = {"compound", "amod", "nmod"}
_SKIP_HEADS = frozenset(_WORDS["not_measured"])
# Heads that are idioms only in some company: "in order to", "at the same time", "for the
# first time"; "the state order", "the waiting time" measure something.
_IDIOM_BEFORE = {head: frozenset(before) for head, before in _WORDS["idioms"].items()}


@lru_cache(maxsize=1)
def load_nominalizations() -> dict[str, str]:
    """Verb lemma -> the noun naming its act ("invest" -> "investment")."""
    return {row["verb"]: row["noun"] for row in read_jsonl("nominalizations.jsonl")}


class FactLinker:
    """Fill ``measured``, the period and ``place`` on every quantity.

    Each field is set by the first of the fact rules (``resources/fact_rules.jsonl``) that
    answers, and the record keeps that rule's id in ``measured_rule`` and ``period_rule``.
    ``disabled_rules`` switches rules off for this pipeline (``--disable-rule``).
    """

    def __init__(
        self, nlp: Language, name: str = "extractor_facts", *, disabled_rules: list[str] = ()
    ) -> None:
        register_extensions()
        self.name = name
        self.rules = default_rule_set(disabled_rules)

    def disable_rules(self, rule_ids: list[str]) -> None:
        """Switch fact rules off from now on (unknown ids raise :class:`FactRuleError`)."""
        self.rules = self.rules.without(rule_ids)

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_QUANTITIES not in doc.spans:
            return doc
        on = self.rules.on
        times = list(doc.spans[SPANS_TIMES]) if SPANS_TIMES in doc.spans else []
        names = [
            (e.start_char, e.end_char)
            for e in doc.spans.get(SPANS_ENTITIES, [])
            if e.label_ in ("LAW", "ORG", "EVENT", "FAC")
        ]
        # A year inside a name ("the Law on the Budget for 2025-2027", "Business Road
        # Map-2025") dates no fact.
        in_names = SpanIndex(names)
        times = ByStart(t for t in times if not in_names.contains(t.start_char, t.end_char))
        text = doc_text(doc)
        doc_date = doc._.extractor_date
        bases = {
            t.start_char
            for t in times
            if is_baseline(text, t.start_char, t.end_char)
            or (on("period.change_base") and _change_base(text, t, doc_date))
            or (on("period.than_base") and _than_base(text, t))
        }
        governing_times = ByStart(t for t in times if t.start_char not in bases)
        places = (
            [s for s in doc.spans[SPANS_ENTITIES] if s.label_ == "GPE"]
            if SPANS_ENTITIES in doc.spans
            else []
        )
        persons = (
            [s for s in doc.spans[SPANS_ENTITIES] if s.label_ == "PERSON"]
            if SPANS_ENTITIES in doc.spans
            else []
        )
        quotes = [m.span(1) for m in _QUOTE.finditer(doc_text(doc))]
        places, persons = ByStart(places), ByStart(persons)
        doc_place = Counter(s.text for s in places).most_common(1)
        has_parse = doc.has_annotation("DEP")
        lexicon = load_lexicon()
        report_time = (
            _report_time(doc, governing_times, doc._.extractor_date) if has_parse else None
        )
        report_period = _period_of(report_time) if report_time is not None else None
        # "results of 2015", "January-September 2023": a calendar period, not a duration
        # looking back ("over the past 5 years").
        calendar_report = report_time is not None and not _LOOKING_BACK.search(report_time.text)
        # Tokens of names are never what an amount measures, except the lower-case generic
        # word that ends a facility's name: "a 50 MW Zhanatas wind farm" measures the farm.
        named = {
            i
            for e in doc.spans.get(SPANS_ENTITIES, [])
            for i in range(e.start, e.end)
            if not (
                e.label_ == "FAC" and i == e.end - 1 and doc[i].is_lower and e.end - e.start > 1
            )
        }
        doc.user_data[_NAMED_KEY] = named
        doc.user_data[_AMOUNT_KEY] = {
            i for q in doc.spans[SPANS_QUANTITIES] for i in range(q.start, q.end)
        }
        done: dict[int, Span] = {}  # the amounts linked so far, by start token
        previous_period: tuple[int, tuple] | None = None  # (paragraph start, period)
        previous_measured: tuple[int, str] | None = None  # (paragraph start, measured)
        material: dict[str, tuple[int, str]] = {}  # physical unit -> (end char, what it was of)
        for span in doc.spans[SPANS_QUANTITIES]:
            record = span._.extractor
            if record is None:
                continue
            period, period_rule = None, None
            if has_parse:
                measured, measured_rule = _measured(span, record, lexicon, self.rules)
                if (
                    measured is None
                    or _parenthetical(span)
                    or _comparative(span)
                    or _restates(span)
                ):
                    # "(about KZT 44 bln)", "995 bln tenge (US$2.33 bln)" restate the amount before
                    # it; "8.4% more than a
                    # year earlier" compares the amount just named.
                    prev = _previous_in_sentence(span, done)
                    before_bracket = _noun_before_bracket(span) if _parenthetical(span) else None
                    if before_bracket is not None and on("measured.bracket_label"):
                        # "construction (8.8%), transport (7.9%)": the noun before the bracket.
                        measured, measured_rule = _phrase(before_bracket), "measured.bracket_label"
                    elif (
                        on("measured.same_as_before")
                        and prev is not None
                        and (
                            _parenthetical(span)
                            or _comparative(span)
                            or (_restates(span) and not _of_own_whole(span))
                        )
                    ):
                        measured, measured_rule = prev, "measured.same_as_before"
                        counted = _counted_whole(span, done, lexicon)
                        if counted is not None and on("measured.counted_whole"):
                            # "the number of cattle was 412.6 thousand head, 3.2% more": the
                            # change is of the cattle, not of the "head" they are counted in.
                            measured, measured_rule = counted, "measured.counted_whole"
                paragraph = doc_text(doc).rfind("\n", 0, span.start_char) + 1
                earlier = (
                    previous_measured[1]
                    if previous_measured and previous_measured[0] == paragraph
                    else None
                )
                if (
                    on("measured.change_of_before")
                    and measured
                    and measured.split()[-1].lower() in _CHANGE_NOUNS
                    and _APPOSED_CHANGE.search(text[max(0, span.start_char - 40) : span.start_char])
                    and (before := _previous_in_sentence(span, done) or earlier)
                    and before.split()[-1].lower() not in _CHANGE_NOUNS
                ):
                    # "the wage was 287 413 tenge, an increase of 18,4%": a change set beside
                    # an amount measures what changed, the amount named before it.
                    measured, measured_rule = before, "measured.change_of_before"
                unit = (record.get("unit") or "").split("/")[0]
                physical = lexicon.kind_of(unit) not in (None, "currency", "count", "time") and (
                    unit not in ("%", "x")
                )
                if (
                    on("measured.same_unit_before")
                    and physical
                    and measured_rule in (None, "measured.verb_act")
                    and unit in material
                    and span.start_char - material[unit][0] <= _MATERIAL_WINDOW
                ):
                    # "11.2 million tons of oil were produced ... Rosneft extracted 9.8 million
                    # tons": tons produced are of the material the last tons were of, not
                    # "production".
                    measured, measured_rule = material[unit][1], "measured.same_unit_before"
                measured, back_rule = _refer_back_measured(
                    span, record, lexicon, measured, earlier, self.rules
                )
                if physical and measured and measured_rule in _MATERIAL_RULES and not back_rule:
                    material[unit] = (span.end_char, measured)
                record["measured"] = measured
                record["measured_rule"] = back_rule or (measured_rule if measured else None)
                if record["measured"] and not _dependent_amount(span):
                    previous_measured = (paragraph, record["measured"])
                done[span.start] = span
                governing, governing_rule = _governing_time(span, governing_times, self.rules)
            else:
                governing = _same_sentence_time(doc, span, governing_times)
                governing_rule = "period.governing_time" if governing is not None else None
            paragraph = doc_text(doc).rfind("\n", 0, span.start_char) + 1
            antecedent = (
                previous_period if previous_period and previous_period[0] == paragraph else None
            )
            if on("period.age") and _is_age(span):
                period_rule = "period.age"  # an age has no period
            elif on("period.when_clause") and (when := _when_time(span, times)) is not None:
                # "3.2 times more than in 2020, when it was 51 billion": the amount of the
                # "when" clause is of the time the clause hangs on.
                period = _period_of(when)
                period_rule = "period.when_clause"
            elif on("period.holds_now_here") and doc_date and has_parse and _holds_now_here(span):
                # "So far 96.8% of the rural population ...", "currently 6.8%": as of the
                # document date, whatever other time the sentence names.
                period, period_rule = (doc_date, doc_date), "period.holds_now_here"
            elif (
                on("period.base_amount")
                and (base_time := _base_amount_time(span, times)) is not None
            ):
                # "46 228 tenge for 2025 against 43 407 tenge in 2024": the base amount
                # is of the base period.
                period = _period_of(base_time)
                period_rule = "period.base_amount"
            elif (
                on("period.reporting_period")
                and governing is not None
                and report_period is not None
                and _REPORTING.search(governing.text)
            ):
                # "In the reporting period, 14.2 thousand tons were exported": the period the
                # report is about.
                period, period_rule = report_period, "period.reporting_period"
            elif governing is not None and not (
                on("period.past_not_future")
                and has_parse
                and _future_period(governing, doc_date)
                and _reports_past(span)
                and not _same_clause(span, governing)
            ):
                # (a past result never takes a deadline ahead named by another clause: "they
                # invested 2,7 billion and created 640 jobs, by 2018 residents should reach 12")
                period = _period_of(governing)
                period_rule = governing_rule
            elif (
                on("period.refers_back")
                and antecedent is not None
                and (_refers_back(span) or (has_parse and _parenthetical(span)))
            ):
                # "Of these, 4.8 million m2 is individual housing", "This is 104.2% of the
                # plan": a part or an evaluation of the amount before it, in its period.
                period, period_rule = antecedent[1], "period.refers_back"
            elif on("period.holds_now") and doc_date and has_parse and _holds_now(span.sent):
                # "So far 13.8 million tons have been threshed": as of the document date.
                period, period_rule = (doc_date, doc_date), "period.holds_now"
            elif on("period.headline") and report_period is not None and _in_headline(span):
                # "Bishkek mayor sums up 2022: 96 km of roads, ..."
                period, period_rule = report_period, "period.headline"
            elif has_parse and _reports_past(span):
                # "Over the past 5 years, ... . tenge of investments, ... were produced":
                # a past-tense report goes on in the period its paragraph set, else in
                # the period the whole report is about ("results of 2023").
                # What was done cannot lie after the day it is told ("the draft budget
                # for 2025-2027" is not the period of "revenues were executed").
                focus = _paragraph_focus(
                    span, governing_times, paragraph, skip_plans=on("period.past_skips_plans")
                )
                if report_period is not None and focus is not None:
                    if on("period.past_skips_today") and focus == (doc_date, doc_date):
                        # "Today 812 buses serve 94 routes. 14 km of bus lanes were marked":
                        # today names the present, not the period of what was done.
                        focus = _paragraph_focus(span, governing_times, paragraph, skip_now=True)
                    if (
                        on("period.change_not_base")
                        and focus is not None
                        and _is_change(span)
                        and _ends_before(focus, report_period[0])
                    ):
                        # "Last year, 41 agreements were signed. Thus the number increased
                        # 1.4 times": a change is of the current period, not of its base.
                        focus = None
                for rule_id, candidate in (
                    ("period.past_paragraph", focus),
                    ("period.past_report", report_period),
                    ("period.past_earlier", None),
                ):
                    if rule_id == "period.past_earlier" and on(rule_id):
                        # the last past period anywhere before: looked for only when needed
                        candidate = _paragraph_focus(span, governing_times, 0, past_only=doc_date)
                    if (
                        on(rule_id)
                        and candidate is not None
                        and not _starts_after(candidate, doc_date)
                    ):
                        period, period_rule = candidate, rule_id
                        break
            elif on("period.plan_paragraph") and has_parse and _plans(span):
                # "In October 2023 – March 2024, 1.4 billion kWh will be supplied ...
                # Imports will cost 6.8 billion som": a plan goes on in the period its
                # paragraph set, when that period is not over.
                focus = _paragraph_focus(span, governing_times, paragraph)
                if focus is not None and not _ends_before(focus, doc_date):
                    period, period_rule = focus, "period.plan_paragraph"
            elif on("period.present_paragraph") and has_parse and doc_date:
                # "This year 300 bln tenge is allocated ... The rate for enterprises is 3-5%":
                # a present state holds now, so within the paragraph's period when that
                # period includes the day it is told.
                focus = _paragraph_focus(span, governing_times, paragraph)
                if (
                    focus is not None
                    and not _ends_before(focus, doc_date)
                    and not _starts_after(focus, doc_date)
                ):
                    period, period_rule = focus, "period.present_paragraph"
            if (
                period is None
                and on("period.report_frame")
                and has_parse
                and report_period is not None
                and not _is_age(span)
                and not _starts_after(report_period, doc_date)
                and _frame_item(span, report_period, doc_date, calendar=calendar_report)
            ):
                # "Nine-month results ... Industrial output – 104.2%.": an indicator line
                # with no verb of its own is of the period the report is about.
                period, period_rule = report_period, "period.report_frame"
            if (
                period is None
                and on("period.present_state")
                and has_parse
                and doc_date
                and len(doc_date) == 10
                and not _is_age(span)
                and _present_state(span, lexicon)
            ):
                # "Unemployment is still 11.2%": a present state with no time of its own
                # holds on the day it is told.
                period, period_rule = (doc_date, doc_date), "period.present_state"
            period = ordered_period(period)
            if period is not None:
                record["time_start"], record["time_end"] = period
                previous_period = (paragraph, period)
            record["period_rule"] = period_rule if period is not None else None
            place = _sentence_place(span, places)
            record["place"] = place or (doc_place[0][0] if doc_place else None)
            speaker = _speaker(span, quotes, persons) if has_parse else None
            record["speaker"] = speaker.text if speaker is not None else None
            record["speaker_id"] = (
                (speaker._.extractor or {}).get("person_id") if speaker is not None else None
            )
        _share_measured_in_lists(doc, list(doc.spans[SPANS_QUANTITIES]), self.rules)
        if has_parse:
            _respectively(doc, list(doc.spans[SPANS_QUANTITIES]), governing_times, self.rules)
        # Last, once measured is final (lists and "respectively" share it out above).
        _set_indicators(doc, text)
        doc.user_data.pop(_NAMED_KEY, None)
        doc.user_data.pop(_AMOUNT_KEY, None)
        release_text(doc)
        return doc


_NAMED_KEY = ("extractor", "named-tokens")
_AMOUNT_KEY = ("extractor", "amount-tokens")
# A quotation: “…”, «…» or "…", within one paragraph.
_QUOTE = re.compile(r"[“«\"]([^“”«»\"\n]{10,}?)[”»\"]")
_SPEECH_VERB = re.compile(
    r"(?i)\b(?:"
    + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _WORDS["speech_verbs"])
    + r")\b"
)


def _speaker(span: Span, quotes: list[tuple[int, int]], persons: ByStart) -> Span | None:
    """Who states the fact: the person a quotation is attributed to, or the subject of a
    "said" clause in the fact's sentence ("..., " said Bakhyt Zhakhanov)."""
    doc = span.doc
    # Quotes do not overlap: the one that may hold the amount starts last before it.
    i = bisect_right(quotes, (span.start_char, len(doc_text(doc)) + 1)) - 1
    if i >= 0 and span.end_char <= quotes[i][1]:
        q_start, q_end = quotes[i]
        after = persons.between(q_end, q_end + 121)
        if after and _SPEECH_VERB.search(doc_text(doc)[q_end : after[0].end_char + 30]):
            return after[0]
        before = [p for p in persons.between(q_start - 400, q_start) if q_start - 120 <= p.end_char]
        if before and _SPEECH_VERB.search(doc_text(doc)[before[-1].start_char : q_start]):
            return before[-1]
        return None
    sent = span.sent
    if _SPEECH_VERB.search(sent.text):
        inside = persons.between(sent.start_char, sent.end_char)
        if inside:
            return min(inside, key=lambda p: abs(p.start - span.start))
    return None


# "grew by 12.1% by 2019", "104.3% to 2021", "3.2 times against 2020": a year right after a
# change, when that year is over, is the base the change is measured from, not a deadline.
_CHANGE_BEFORE_TIME = re.compile(
    r"(?i)(?:%|\bper\s*cent|\bpercent|\btimes|-fold)\s+"
    r"(?:more\s+|less\s+|higher\s+|lower\s+)?(?:by|to|over|on|against|from)\s+"
    r"(?:the\s+(?:level\s+of\s+)?)?$"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_LEVEL_OF = re.compile(r"(?i)\b(?:of|to|against|with|from|over)\s+the\s+$")


def _change_base(text: str, time: Span, date: str | None) -> bool:
    """The time is the base of a change just before it ("grew by 12.1% by 2019",
    "101.2% over the same period last year", "98.7% of the 2020 level"), not the period of
    the facts around it."""
    if _LEVEL_OF.search(text[max(0, time.start_char - 30) : time.start_char]) and rx(
        r"\s+level\b"
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
    r"(?i)\bthan\s+(?:at|in|on|during)?[^,;.()]{0,50}?\b(?:in|on|of)\s+$"
)


def _than_base(text: str, time: Span) -> bool:
    """The time ends a "than ..." phrase: the base of a comparison."""
    return bool(_THAN_BEFORE_TIME.search(text[max(0, time.start_char - 70) : time.start_char]))


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
        return t if _WHEN_CLAUSE.match(text[t.end_char : span.start_char]) else None
    return None


_LOOKING_BACK = re.compile(r"(?i)\b(?:past|last|previous|recent)\b")


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
        # on a closed calendar period, present figures are that period's.
        words = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
        return verb.tag_ in ("VBZ", "VBP") or bool(words & {"is", "are"})
    return False


_PRESENT_UNITS = ("%", "x")


def _present_state(span: Span, lexicon) -> bool:
    """The amount's clause states what holds now: a present-tense verb ("is still 11.2%",
    "are unemployed") and no plan; for shares, counts and money, not sizes or capacities."""
    unit = (span._.extractor or {}).get("unit") or ""
    if "/" in unit:
        return False
    base = unit.split("/")[0]
    if not (base in _PRESENT_UNITS or lexicon.kind_of(base) in ("count", "currency")):
        return False
    verb = _clause_verb(span)
    if verb is None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    words = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass", "neg", "advmod")}
    if words & {"will", "shall", "to", "not", "usually", "annually", "always"}:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _POINTING for c in verb.children):
        return False  # "This is 12.1% more than in 2023": of the result named before
    if any(t.tag_ == "VBD" for t in span.sent):
        return False  # a sentence that also reports the past is no statement of now
    sent = span.sent.text.lower()
    return not rx(r"\b(?:plan|planned|will|shall|capacity|designed|norm|standard)\b").search(sent)


def _is_age(span: Span) -> bool:
    """ "children aged 3 to 6 years": an age has no period."""
    return bool(
        re.search(
            r"(?i)\baged?\s+(?:from\s+|between\s+|under\s+|over\s+)?$",
            doc_text(span.doc)[max(0, span.start_char - 20) : span.start_char],
        )
    )


def _parenthetical(span: Span) -> bool:
    """Inside parentheses: "(about $67.2 million)", "(+17.2%)"."""
    doc = span.doc
    before = doc_text(doc)[max(0, span.start_char - 12) : span.start_char]
    return bool(
        rx(r"\(\s*(?:about|approximately|around|some|nearly|over|\+|-|–)?\s*$").search(before)
    )


def _restates(span: Span) -> bool:
    """ "160km of them", "46% of which", ", or 103.2% of the forecast": the same thing as the
    amount before it."""
    doc = span.doc
    after = doc_text(doc)[span.end_char : span.end_char + 20]
    before = doc_text(doc)[max(0, span.start_char - 6) : span.start_char]
    return bool(
        rx(r"\s+of\s+(?:which|them|these|it)\b").match(after) or rx(r",\s*or\s+$").search(before)
    )


def _noun_before_bracket(span: Span) -> Token | None:
    """The noun right before "(" when the bracket holds a figure for it."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text in (
        "(",
        "+",
        "-",
        "–",
        "about",
        "approximately",
        "around",
        "some",
        "nearly",
        "over",
    ):
        i -= 1
    if i < 0 or doc[i].text == ")" or doc[i].like_num:
        return None
    if i in doc.user_data.get(_AMOUNT_KEY, ()):
        return None  # "14.6 billion rubles (96.8%)": the bracket evaluates the amount
    return doc[i] if _noun_ok(doc[i]) else None


def _label_head(token: Token) -> Token:
    """The head noun of a list label: "investments in fixed assets – 118.6%" is about
    investments, "paid services to the population – 14.6 billion" about services. Only
    within the label (after the bullet, dash, colon or comma before it), and not through
    "of", which the noun phrase itself resolves ("the volume of ...")."""
    doc = token.doc
    start = token.i
    while start > token.sent.start and doc[start - 1].text not in ("–", "—", "-", ":", ";", ","):
        start -= 1
    while (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.lower_ != "of"
        and token.head.head.pos_ == "NOUN"
        and start <= token.head.head.i < token.i
        and _noun_ok(token.head.head)
    ):
        token = token.head.head
    for t in doc[start : token.i]:
        # "paid services to the population": a noun right before a preposition (not
        # "of") heads the label however the parser attached the preposition.
        nxt = doc[t.i + 1]
        if t.pos_ == "NOUN" and nxt.pos_ == "ADP" and nxt.lower_ != "of" and _noun_ok(t):
            return t
    return token


def _comparative(span: Span) -> bool:
    """ "…, 8.4% more than a year earlier", "that is 40% more": a change of the amount named
    before, against a base."""
    doc = span.doc
    after = doc_text(doc)[span.end_char : span.end_char + 25]
    before = doc_text(doc)[max(0, span.start_char - 24) : span.start_char]
    return bool(rx(r"\s+(?:more|less|higher|lower|above|below|up|down)\b").match(after)) and bool(
        re.search(
            r"(?:,|\bthat\s+is|\bwhich\s+is|\bor)\s*(?:about\s+|almost\s+|nearly\s+|by\s+)?$",
            before,
        )
    )


_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")


def _share_measured_in_lists(doc: Doc, spans: list[Span], rules: RuleSet) -> None:
    """Amounts in one list measure the same thing: "14.6, 9.8 and 2.3 thousand tons of
    concentrates" (bare numbers take the last member's), "a capacity of 4 000 MW and
    1 000 MW respectively" (a member with nothing after it takes the one before)."""
    text = doc_text(doc)
    records = [s._.extractor for s in spans]

    def listed(i: int, j: int) -> bool:
        a, b = records[i], records[j]
        return bool(
            a
            and b
            and a.get("unit") == b.get("unit")
            and _LIST_GAP.fullmatch(text[spans[i].end_char : spans[j].start_char])
        )

    for i in range(len(spans) - 2, -1, -1):
        if not rules.on("measured.list_shared"):
            break
        if listed(i, i + 1) and rx(r"[\d\s.,]+").fullmatch(spans[i].text):
            if records[i + 1].get("measured"):
                records[i]["measured"] = records[i + 1]["measured"]
                records[i]["measured_rule"] = "measured.list_shared"
    for i in range(1, len(spans)):
        prev, rec = records[i - 1], records[i]
        if (
            rules.on("period.list_shared")
            and prev
            and rec
            and prev.get("unit") == rec.get("unit")
            and not (rec.get("time_start") or rec.get("time_end"))
            and (prev.get("time_start") or prev.get("time_end"))
            and LABELLED_LIST_GAP.fullmatch(text[spans[i - 1].end_char : spans[i].start_char])
        ):
            # "pensions account for 6.1 trillion, healthcare – 2.9 trillion": one period.
            rec["time_start"], rec["time_end"] = prev.get("time_start"), prev.get("time_end")
            rec["period_rule"] = "period.list_shared"
    for i in range(1, len(spans)):
        if not rules.on("measured.list_shared"):
            break
        after = text[spans[i].end_char : spans[i].end_char + 6]
        if listed(i - 1, i) and not rx(r"\s+of\b").match(after):
            nxt = spans[i].doc[spans[i].end] if spans[i].end < len(spans[i].doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "ADJ"):
                continue
            if records[i - 1].get("measured"):
                records[i]["measured"] = records[i - 1]["measured"]
                records[i]["measured_rule"] = "measured.list_shared"


def _chains(spans: list[Span], text: str) -> list[list[Span]]:
    """Runs of spans joined only by commas and "and": "20.4, 22.1 and 24.3 trillion"."""
    chains: list[list[Span]] = []
    for span in spans:
        if chains and _LIST_GAP.fullmatch(text[chains[-1][-1].end_char : span.start_char]):
            chains[-1].append(span)
        else:
            chains.append([span])
    return [c for c in chains if len(c) > 1]


def _respectively(doc: Doc, quantities: list[Span], times: list[Span], rules: RuleSet) -> None:
    """ "... 20.4, 22.1 and 24.3 trillion tenge in 2025, 2026 and 2027 respectively": the
    n-th amount takes the n-th period."""
    text = doc_text(doc)
    for sent in doc.sents:
        if "respectively" not in sent.text:
            continue
        inside = [q for q in quantities if sent.start <= q.start < sent.end]
        periods = [t for t in times if sent.start <= t.start < sent.end]
        for amounts in _chains(inside, text):
            # "148.3, 96 and 41.7 thousand tons of tomatoes, grapes and apricots": the n-th
            # amount measures the n-th noun.
            last = amounts[-1]
            of = doc[last.end] if last.end < len(doc) and doc[last.end].lower_ == "of" else None
            head = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if head is not None and rules.on("measured.respectively"):
                nouns = [head, *(t for t in head.subtree if t.dep_ == "conj" and t.pos_ == "NOUN")]
                nouns.sort(key=lambda t: t.i)
                if len(nouns) == len(amounts):
                    for amount, noun in zip(amounts, nouns, strict=True):
                        if amount._.extractor is not None:
                            amount._.extractor["measured"] = _phrase(noun)
                            amount._.extractor["measured_rule"] = "measured.respectively"
            if not rules.on("period.respectively"):
                continue
            for dates in _chains(periods, text):
                if len(dates) == len(amounts) and dates[0].start > amounts[-1].start:
                    for amount, date in zip(amounts, dates, strict=True):
                        record, period = amount._.extractor, ordered_period(_period_of(date))
                        if record is not None and period is not None:
                            record["time_start"], record["time_end"] = period
                            record["period_rule"] = "period.respectively"


def _counted_whole(span: Span, done: dict[int, Span], lexicon) -> str | None:
    """What a comparison measures when the amount it compares counts in a generic unit:
    the subject of that amount's clause ("the number of cattle was 412.6 thousand head,
    3.2% more than a year earlier" -> cattle; "the natural decline was 1 641 people").
    None unless the amount before in the sentence is a count of a generic unit."""
    prev = next(_earlier_in_sentence(span, done), None)
    if prev is None:
        return None
    unit = ((prev._.extractor or {}).get("unit") or "").split("/")[0]
    if lexicon.kind_of(unit) != "count" or unit not in _GENERIC_COUNTS:
        return None
    verb = _clause_verb(prev)
    subj = _subject(verb) if verb is not None and verb.lemma_ in _COPULAR else None
    if _noun_ok(subj) and not (prev.start <= subj.i < prev.end):
        return _phrase(subj)
    return None


# Units that count without saying what: "412.6 thousand head", "1 641 people", "120 units".
_GENERIC_COUNTS = frozenset(("head", "person", "unit", "piece"))


def _earlier_in_sentence(span: Span, done: dict[int, Span]) -> Iterator[Span]:
    """The amounts already linked before ``span`` in its sentence, nearest first (``done``
    holds them in document order, so the walk stops at the sentence's start)."""
    for i in reversed(done):
        if i < span.sent.start:
            return
        if i < span.start:
            yield done[i]


def _previous_in_sentence(span: Span, done: dict[int, Span]) -> str | None:
    """The measured of the nearest earlier amount in the sentence that has one."""
    for prev in _earlier_in_sentence(span, done):
        measured = (prev._.extractor or {}).get("measured")
        if measured:
            return measured
    return None


def _period_of(time: Span) -> tuple[str | None, str | None]:
    """A TIME span's ``(time_start, time_end)``."""
    data = time._.extractor or {}
    return data.get("time_start"), data.get("time_end")


_REPORTING = re.compile(r"(?i)\breporting\s+(?:period|year|quarter|months?)\b")
_HISTORY_BEFORE = re.compile(r"(?i)\b(?:back|as\s+early\s+as|as\s+far\s+back\s+as)\s+in\s+$")


def _report_time(doc: Doc, times: list[Span], date: str | None = None) -> Span | None:
    """The time naming the period a report is about, in its headline or opening paragraph.

    "Akim reports on the results of 2023", "Mayor sums up 2022", "... for January-May
    2023": a year or a range, not a day ("today") and not a plan ("by 2027").
    """
    text = doc_text(doc)
    paragraphs = [m.end() for m in rx(r"\n\s*\n").finditer(text)]
    limit = paragraphs[2] if len(paragraphs) > 2 else len(text)  # headline, dateline, lead
    for t in times:
        if t.start_char >= limit:
            break
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


_BASE_CUE = re.compile(
    r"(?i)(?:\bagainst|\bversus|\bvs\.?|compared\s+(?:to|with)|\bfrom)\s+"
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
    if t is not None and rx(r"(?i)\s*(?:in|on|at|of)?\s*").fullmatch(
        text[span.end_char : t.start_char]
    ):
        return t
    return None


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
    if words & {"will", "shall"}:
        return True
    head = verb.head if verb.dep_ in ("xcomp", "ccomp") else verb
    return head.lemma_.lower() in ("plan", "intend", "expect", "aim")


def _starts_after(period: tuple, date: str | None) -> bool:
    """The period begins after the document date (compared at the coarser precision)."""
    return iso_cmp(period[0], date) > 0


def _in_headline(span: Span) -> bool:
    """The amount stands in the document's first line, a headline with no full stop."""
    text = doc_text(span.doc)
    first_line = text.find("\n")
    return (
        first_line > 0
        and span.end_char <= first_line
        and not text[:first_line].rstrip().endswith(".")
    )


def _phrase(token: Token) -> str:
    """A noun with its compound and adjective modifiers: "gross agricultural output"."""
    left = [
        t for t in token.lefts if t.dep_ in _PHRASE_DEPS and t.i >= token.i - 4 and not t.like_num
    ]
    start = min([token.i, *(t.i for t in left)])
    words = [
        t for t in token.doc[start : token.i]
        if t.pos_ not in ("DET", "PUNCT", "NUM") and t.tag_ != "HYPH"
        and not t.like_num
        and load_lexicon().code_of(t.text) is None
        and t.i not in token.doc.user_data.get(_NAMED_KEY, ())  # "the Zhanatas wind farm"
    ]  # fmt: skip
    head = token.lemma_.lower() if token.tag_ == "NNS" and token.lemma_ else token.text
    if token.tag_ == "NNS" and rx(r"(?i)(?:x|ch|sh|ss)es$").search(token.text):
        head = token.lower_[:-2]  # "taxes" -> "tax" (the lemmatizer says "taxis")
    phrase = "".join(
        [*(t.text + (" " if t.whitespace_ else "") for t in words), head]
    ).strip()  # "non-tax revenue", spaced as in the text
    if token.lemma_.lower() in _CONTAINERS:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and _noun_ok(obj):
                    if token.lemma_.lower() in _TRANSPARENT:
                        return _phrase(obj)  # "the volume of industrial production"
                    return f"{phrase} of {_phrase(obj)}"
    return phrase


def _noun_ok(token: Token | None) -> bool:
    """A common noun that can name what is measured (not a name, a pronoun or a unit)."""
    return (
        token is not None
        and (
            token.pos_ == "NOUN"
            or (token.pos_ == "PROPN" and (token.text.islower() or token.is_sent_start))
            # "Nominal GDP will reach ...": an indicator's abbreviation, never a name
            or (token.pos_ == "PROPN" and token.text in load_not_entities())
            # "work worth 500 billion tenge was done": a base-form "verb" in a noun's
            # place (subject or object) is a noun the tagger missed
            or (
                token.pos_ == "VERB"
                and token.tag_ in ("VB", "VBP")
                and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            )
        )
        and token.lower_ not in _SKIP_HEADS
        and not (
            token.lower_ in _IDIOM_BEFORE
            and token.i > 0
            and token.doc[token.i - 1].lower_ in _IDIOM_BEFORE[token.lower_]
        )
        and not token.like_num
        and (token.ent_type_ not in ("GPE", "ORG", "PERSON", "LOC", "FAC") or token.text.islower())
        and token.i not in token.doc.user_data.get(_NAMED_KEY, ())
        and load_lexicon().code_of(token.text) is None
    )


def _shared_head(subj: Token) -> Token:
    """ "Tax and non-tax revenues", "grain and leguminous crops": a singular noun joined to
    a plural one shares its head."""
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    if conj is not None and subj.tag_ in ("NN", "NNP") and conj.tag_ == "NNS":
        if any(c.dep_ == "cc" for c in subj.children) and conj.i - subj.i <= 5:
            return conj
    return subj


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, through coordination and relative pronouns."""
    for v in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "ccomp", "advcl") else None):
        if v is None:
            continue
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            # "in the reporting year gross regional product amounted to ...": the parser
            # hung the subject on the preposition before it; the noun right before the
            # verb is the subject.
            before = _noun_before_verb(v) if v is verb else None
            if before is not None:
                return _shared_head(before)
            continue
        # "Nurbek Aliyev, deputy: Losses in the networks are still 17 percent": a speaker's
        # name read as a second subject; the one nearest before the verb is its own.
        left = [c for c in subjects if c.i < v.i]
        if left:
            subj = max([c for c in left if _noun_ok(c)] or left, key=lambda c: c.i)
        else:
            subj = subjects[0]
        if subj.lower_ in ("which", "that") and v.dep_ == "relcl":
            return v.head
        if not _noun_ok(subj):
            # "Aibek Nurlanov, deputy: Losses in the networks reached 19 percent": a speaker's
            # turn before a colon; the clause after it has its own subject.
            turn = _after_colon(subj, v)
            if turn is not None:
                return _shared_head(turn)
        return _shared_head(subj)
    # "the wear averages 54%, and in some cities exceeds 70 percent": the subject of the
    # verb before, shared by ellipsis.
    for t in reversed(list(verb.doc[verb.sent.start : verb.i])):
        if t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def _after_colon(subj: Token, verb: Token) -> Token | None:
    """The head noun of the first noun phrase after a colon between ``subj`` and ``verb``."""
    doc = verb.doc
    colon = next((t for t in doc[subj.i : verb.i] if t.text == ":"), None)
    if colon is None:
        return None
    for t in doc[colon.i + 1 : verb.i]:
        if t.pos_ == "NOUN" and not (colon.i < t.head.i < verb.i and t.head.pos_ == "NOUN"):
            return t if _noun_ok(t) else None
    return None


def _noun_before_verb(verb: Token) -> Token | None:
    """A common noun right before the verb, past adverbs and auxiliaries."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and i >= verb.i - 4:
        t = doc[i]
        if t.dep_ in ("advmod", "aux", "auxpass", "neg"):
            i -= 1
            continue
        return t if t.pos_ == "NOUN" and _noun_ok(t) else None
    return None


def _left_noun(doc: Doc, i: int, sent_start: int) -> Token | None:
    """The nearest common noun before token ``i``, within the clause."""
    for t in reversed(list(doc[max(sent_start, i - 8) : i])):
        if _noun_ok(t):
            return t
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":"):
            return None
    return None


def _measured(span: Span, record: dict, lexicon, rules: RuleSet) -> tuple[str | None, str | None]:
    """What the amount is of, from the parse, and the id of the rule that said so."""
    on = rules.on
    unit = record.get("unit") or ""
    base = unit.split("/")[0]
    doc = span.doc
    sent = span.sent
    last = span[-1]
    # Counted nouns: "65 thousand new jobs" measures jobs, "1 500 patients per month" patients.
    if on("measured.counted_noun") and lexicon.kind_of(base) == "count" and base != "count":
        head = next(
            (t for t in reversed(list(span)) if t.pos_ == "NOUN" and t.lemma_.lower() == base), None
        )
        synonym = next(
            (
                t
                for t in reversed(list(span))
                if t.pos_ == "NOUN" and COUNTED_SYNONYMS.get(t.lemma_.lower()) == base
            ),
            None,
        )
        if head is None and synonym is not None and synonym.lower_ not in ("people", "persons"):
            # "1 146 residents" counts persons, measures residents
            return synonym.lemma_.lower(), "measured.counted_noun"
        if on("measured.classifier") and head is not None and head.lemma_.lower() in _CLASSIFIERS:
            # "2 860 head of cattle", "1 370 units of machinery": what the classifier counts.
            of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if _noun_ok(obj):
                return _phrase(obj), "measured.classifier"
        return (_phrase(head) if head is not None else base), "measured.counted_noun"
    # "a 1GW wind power plant", "the 84 km section": the amount describes the noun it modifies.
    head = span.root.head
    if (
        on("measured.modified_noun")
        and span.root.dep_ in ("compound", "nummod", "amod")
        and head.i >= span.end
        and head.pos_ == "NOUN"
        and head.i - span.end < 4
    ):
        if _noun_ok(head):
            return _phrase(head), "measured.modified_noun"
    # "youth unemployment – 3,5%", "of rolled metal – 985 thousand tons": a list by dash.
    window_start = max(sent.start_char, span.start_char - 40)
    dash = rx(r"([\p{L}-]+)\s+[–—-]\s+(?:by\s+|to\s+)?(?:about\s+|almost\s+)?$").search(
        doc_text(doc)[window_start : span.start_char]
    )  # "the subsistence minimum – by 28%" too
    if dash and on("measured.dash_label"):
        left = doc.char_span(window_start + dash.start(1), window_start + dash.end(1))
        if left is not None and _noun_ok(left[-1]):
            return _phrase(_label_head(left[-1])), "measured.dash_label"
    # "increase the output by 1.6 times, and export by 2.5 times": the elided verb's object.
    window = doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
    gapped = rx(r"(?i)(?:,\s*|\b)and\s+(?:the\s+)?([\p{L}-]+)\s+(?:by|to)\s+$").search(window)
    if gapped and on("measured.gapped_coordination"):
        start = max(sent.start_char, span.start_char - 40) + gapped.start(1)
        left = doc.char_span(start, start + len(gapped.group(1)))
        if left is not None and _noun_ok(left[-1]):
            return _phrase(left[-1]), "measured.gapped_coordination"
    # "loans are issued for up to 10 years", "within five working days": a term.
    if (
        on("measured.term")
        and lexicon.kind_of(base) == "time"
        and rx(r"(?i)\b(?:for|within)\s+(?:up\s+to\s+|a\s+(?:period|term)\s+of\s+)?$").search(
            window
        )
    ):
        return "term", "measured.term"
    # "1.5 trillion have been attracted ... . tenge of investments": the unit written apart
    # from its number names what it is of.
    apart = _of_after_apart_unit(span, unit, lexicon) if on("measured.apart_unit") else None
    if apart is not None:
        return _phrase(apart), "measured.apart_unit"
    # "the sector, which accounts for about 70% of the regional industry": the share of
    # the subject, not of what follows "of".
    head_verb = _clause_verb(span)
    if (
        on("measured.share_of_subject")
        and head_verb is not None
        and head_verb.lemma_.lower() in ("account", "constitute", "comprise")
    ):
        subj = _subject(head_verb)
        if _noun_ok(subj):
            return _phrase(subj), "measured.share_of_subject"
    # "the Karaganda – Balkhash highway, 363km long", "canals more than 50 years old": the
    # size or age of the thing named before, or of the subject.
    if on("measured.size_of") and rx(
        r"(?i)\s+(?:long|wide|deep|high|tall|old|in\s+length)\b"
    ).match(doc_text(doc)[span.end_char : span.end_char + 12]):
        verb = _clause_verb(span)
        subj = _subject(verb) if verb is not None and verb.lemma_ == "be" else None
        if subj is not None and not _noun_ok(subj):
            # "About 60% of the canals are ... 50 years old": the whole the share is of.
            of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if _noun_ok(subj) and not (span.start <= subj.i < span.end):
            return _phrase(subj), "measured.size_of"
        noun = _left_noun(doc, span.start, sent.start)
        if noun is not None:
            return _phrase(noun), "measured.size_of"
        left = next((t for t in reversed(list(doc[sent.start : span.start])) if t.is_alpha), None)
        named = _named_head(left)
        if named is not None:
            return named, "measured.size_of"
    # "threshed from 4,6 million hectares", "sowing on the remaining 4 200 ha": an area.
    if (
        on("measured.area")
        and lexicon.kind_of(base) == "area"
        and rx(r"(?i)\b(?:on|from|over|across)\s+(?:the\s+|an?\s+)?(?:[a-z]+\s+){0,2}$").search(
            doc_text(doc)[max(sent.start_char, span.start_char - 30) : span.start_char]
        )
        and not rx(r"\s+of\b").match(doc_text(doc)[span.end_char : span.end_char + 5])
    ):
        return "area", "measured.area"
    # "3 million square meters of housing", "1,500 tons of meat", "70% of the industry";
    # "17.6 tons (565.8 thousand troy ounces) of gold": past the bracket.
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "(":
        close = next((t for t in doc[nxt.i : min(len(doc), nxt.i + 12)] if t.text == ")"), None)
        if close is not None and close.i + 1 < len(doc) and doc[close.i + 1].lower_ == "of":
            nxt = doc[close.i + 1]
    if (
        on("measured.share_stated_of_subject")
        and nxt is not None
        and nxt.lower_ == "of"
        and base == "%"
    ):
        # "the poverty line is 70% of the subsistence minimum": a share stated of the
        # subject; "70% of the industry" alone is of the industry.
        verb = _clause_verb(span)
        subj = _subject(verb) if verb is not None and verb.lemma_ == "be" else None
        if _noun_ok(subj) and not (span.start <= subj.i < span.end) and subj.i < span.start:
            if subj.lemma_.lower() not in _CONTAINERS:
                return _phrase(subj), "measured.share_stated_of_subject"
    if on("measured.of_noun") and nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((t for t in doc[nxt.i + 1 : nxt.i + 5] if t.pos_ == "NOUN"), None)
        if _noun_ok(obj):
            return _phrase(obj), "measured.of_noun"
        named_head = _named_head(obj)
        if named_head is not None:
            return named_head, "measured.of_noun"  # "42km of the Bishkek – Kara-Balta highway"
    # "KZT 286.4 bln in subsidies", "$ 640 million in modernization" (money only: "30% in
    # money terms", "17 million tons in clean weight" say how, not what).
    clause = _clause_verb(span)
    if (
        on("measured.money_in")
        and nxt is not None
        and nxt.lower_ == "in"
        and lexicon.kind_of(base) == "currency"
        and not (clause is not None and clause.lemma_.lower() == "invest")
    ):
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if _noun_ok(obj) and obj.i <= nxt.i + 3:
            return _phrase(obj), "measured.money_in"
    per = unit.split("/")[1] if "/" in unit else None
    # Money per litre, ton, kWh (not per month or per family) is a price.
    price_unit = on("measured.price") and (
        lexicon.kind_of(base) == "currency"
        and per
        and lexicon.kind_of(per) not in ("time", "count")
    )
    if (
        price_unit
        and not (clause is not None and clause.lemma_ in _COPULAR)
        and rx(r"(?i)\b(?:at|for)\s+(?:a\s+|the\s+)?(?:price\s+of\s+)?$").search(
            doc_text(doc)[max(sent.start_char, span.start_char - 20) : span.start_char]
        )
    ):
        return "price", "measured.price"  # "purchase wheat at 105 thousand tenge per ton"
    # "products worth 600 billion tenge", "support in the amount of 150 bln tenge",
    # "state support for KZT 96.4 billion", "zinc reserves of 6.5 million tons".
    before = doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
    m = re.search(
        r"(?i)\b(worth|valued\s+at|in\s+the\s+amount\s+of|for\s+a\s+total\s+of|at\s+(?:the|a)\s+level\s+of|amounting\s+to|totall?ing|of|for|at)\s+(?:about\s+|some\s+|over\s+|more\s+than\s+|up\s+to\s+|nearly\s+|almost\s+|around\s+|approximately\s+|at\s+least\s+|(?:not|no)\s+(?:less|more)\s+than\s+|less\s+than\s+)?$",
        before,
    )
    if m and on("measured.amount_cue"):
        cue_start = doc.char_span(
            span.start_char - len(before) + m.start(), span.start_char, alignment_mode="expand"
        )
        if cue_start is not None:
            cue = cue_start[0]
            owner = _owner_of_amount_phrase(cue, m.group(1), doc, sent)
            if owner is not None:
                return _phrase(owner), "measured.amount_cue"
            act = load_nominalizations().get(cue.head.lemma_.lower())
            if act and cue.head.pos_ == "VERB" and rx(r"(?i)^for\s+a\s+total").match(m.group(1)):
                # "operators were fined for a total of 284 million tenge"
                return act, "measured.amount_cue"
            noun = _left_noun(doc, cue_start.start, sent.start)
            if noun is not None:
                return _phrase(noun), "measured.amount_cue"
    verb = clause
    if verb is None:
        return ("price", "measured.price") if price_unit else (None, None)
    if on("measured.subject_purpose") and span.root.dep_ in ("nsubj", "nsubjpass"):
        # "23 bn tenge was allocated for repair": the purpose; else the act itself.
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "to", "on", "into"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if _noun_ok(obj):
                    return _phrase(obj), "measured.subject_purpose"
                if obj is not None and obj.lemma_.lower() == "purpose":
                    # resolved against what the text named before
                    return _THESE_PURPOSES, "measured.these_purposes"
        purpose = _purpose_after(verb, span)
        if purpose is not None:
            return _phrase(purpose), "measured.subject_purpose"
        act = load_nominalizations().get(verb.lemma_.lower()) if on("measured.verb_act") else None
        return act, ("measured.verb_act" if act else None)
    if (
        on("measured.object_purpose")
        and span.root.dep_ == "dobj"
        and verb.lemma_.lower() in _PURPOSE_VERBS
    ):
        # "TNK Kazchrome allocated KZT 11.8 billion for the construction of ...": the purpose.
        for head in (span.root, verb):
            for child in head.children:
                if (
                    child.dep_ == "prep"
                    and child.lower_ in ("for", "on", "into")
                    and child.i > span.root.i
                ):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if _noun_ok(obj):
                        return _phrase(obj), "measured.object_purpose"
    # "increase steel output to 5.5 million tons", "reduce emissions by 30-35%".
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if (
        on("measured.change_object")
        and prep is not None
        and prep.lower_ in ("to", "by")
        and prep.head.pos_ == "VERB"
    ):
        obj = next(
            (
                c
                for c in prep.head.children
                if c.dep_ == "dobj" and not (span.start <= c.i < span.end)
            ),
            None,
        )
        if _noun_ok(obj):
            return _phrase(obj), "measured.change_object"
        if obj is None and prep.lower_ == "to":
            # "the average waiting time was reduced from 10-12 hours to 2 hours": what was
            # brought to the amount is the subject.
            subj = _subject(prep.head)
            if _noun_ok(subj) and subj.lower_ not in _POINTING:
                return _phrase(subj), "measured.change_object"
    # "X amounted to N", "X grew by N%", "increase X by 1.6 times", "invested $ N in Y".
    if on("measured.multiplied_object") and base == "x":
        obj = next(
            (c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)),
            None,
        )
        if _noun_ok(obj):
            return _phrase(obj), "measured.multiplied_object"
    subj = _subject(verb)
    if on("measured.copular_subject") and (verb.lemma_ in _COPULAR or base in ("%", "x")):
        if _noun_ok(subj):
            return _phrase(subj), "measured.copular_subject"
    noun = load_nominalizations().get(verb.lemma_.lower()) if on("measured.verb_act") else None
    if noun:
        return noun, "measured.verb_act"
    if on("measured.subject") and _noun_ok(subj):
        return _phrase(subj), "measured.subject"
    return None, None


# How far back an amount of a physical unit looks for what the last one of that unit was
# of, and the rules that name a material ("tons of coal", "2 860 head of cattle").
_MATERIAL_WINDOW = 600
_MATERIAL_RULES = frozenset(
    ("measured.of_noun", "measured.classifier", "measured.dash_label", "measured.same_unit_before")
)
_PURPOSE_VERBS = frozenset(_WORDS["purpose_verbs"])


def _owner_of_amount_phrase(cue: Token, words: str, doc: Doc, sent: Span) -> Token | None:
    """Whose amount or level "in the amount of N" / "at the level of N" gives, when the
    phrase hangs on the verb.

    "Some 8,900 farmers used this support in the amount of ..." → the object; "Microcredits
    were issued to 17,3 thousand people in the amount of ..." → the subject, not the
    recipients; "the unemployment rate remains at the level of 4.7%" → the subject.
    """
    verb = cue.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(verb)
    if rx(r"(?i)^at\s").match(words):
        return subject if _noun_ok(subject) else None
    total = bool(rx(r"(?i)^for\s+a\s+total").match(words))
    if not (total or rx(r"(?i)^in\s+the\s+amount").match(words)):
        return None
    if total and load_nominalizations().get(verb.lemma_.lower()):
        # "operators were fined for a total of 284 million tenge": the fines.
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if _noun_ok(obj):
        return obj
    left = _left_noun(doc, cue.i, sent.start)
    recipient = left is not None and left.dep_ == "pobj" and left.head.lower_ == "to"
    if left is not None and not recipient:
        return None  # the noun right before: the general rule below takes it
    return subject if _noun_ok(subject) else None


def _purpose_after(verb: Token, span: Span) -> Token | None:
    """ "N was allocated from the budget for the reconstruction": what the money is for."""
    if verb.lemma_.lower() not in _PURPOSE_VERBS:
        return None
    for t in verb.doc[verb.i + 1 : min(span.sent.end, verb.i + 14)]:
        if t.lower_ in ("for", "on", "into") or (t.lower_ == "to" and t.dep_ == "prep"):
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if _noun_ok(obj):
                return obj
    return None


def _of_after_apart_unit(span: Span, unit: str, lexicon) -> Token | None:
    """The X of "<currency> of X" when the amount's currency stands apart from it."""
    if lexicon.kind_of(unit) != "currency" or lexicon.suffix.search(span.text):
        return None
    doc = span.doc
    text = doc_text(doc)
    window = text[span.end_char : span.end_char + 150]
    for m in lexicon.suffix.finditer(window):
        if lexicon.code_of(m.group()) != unit:
            continue
        of = rx(r"\s+of\s+").match(window[m.end() :])
        if of is None:
            return None
        start = span.end_char + m.end() + of.end()
        target = doc.char_span(start, start + 1, alignment_mode="expand")
        if target is None:
            return None
        noun = next((t for t in doc[target.start : target.start + 4] if _noun_ok(t)), None)
        return noun
    return None


def _named_head(token: Token | None) -> str | None:
    """The lower-case type word that ends a name ("... highway", "... canal")."""
    if token is None or token.i not in token.doc.user_data.get(_NAMED_KEY, ()):
        return None
    doc = token.doc
    for t in doc[token.i : token.i + 8]:
        if t.text.islower() and t.pos_ == "NOUN" and load_lexicon().code_of(t.text) is None:
            return t.lemma_.lower()
        if t.is_punct and t.text not in ("–", "-"):
            return None
    return None


def _clause_verb(span: Span) -> Token | None:
    """The verb that governs the amount, outside its own span ("reached KZT 687 bln", where
    the tagger may read "bln" as a participle)."""
    for anc in [span.root, *span.root.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and not (span.start <= anc.i < span.end):
            return anc
    return None


def _governing_verb(token: Token) -> Token | None:
    for anc in [token, *token.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


# "Of these, ...", "of which", "among them", "including": a part of the amount before.
_PART_CUE = (
    r"(?i)(?:^|[,;:(–—\"“«-]\s*)(?:of\s+(?:these|them|those|which|this(?:\s+\w+)?"
    r"|that(?:\s+\w+)?)|among\s+(?:them|these|those)|including"
)
# ... or an evaluation of it: "This is 104% of the plan", ", which is 15% below ...".
_REFERS_BACK = re.compile(
    _PART_CUE + r"|(?:this|which)\s+(?:is|was|amounted\s+to|amounts\s+to))\b[^.;]*$"
)
_NOW_WORDS = r"so\s+far|to\s+date|as\s+of\s+today|currently|at\s+present|at\s+the\s+moment"
_HOLDS_NOW = re.compile(r"(?i)\b(?:" + _NOW_WORDS + r")\b")
_NOW_NEAR = re.compile(r"(?i)\b(?:" + _NOW_WORDS + r")\W*(?:\w+\W+){0,2}$")


_EVALUATION_BASE = re.compile(
    r"(?i)\s+of\s+(?:the\s+|all\s+|its\s+)?(?:annual\s+|approved\s+)?"
    r"(?:plan|forecast|target|GDP|schedule|norm|same\s+period|(?:\d{4}\s+)?level)\b"
)  # "104.6% of the same period last year", "98.7% of the 2020 level": of the amount before
# "Of these, about 3 million tons ...", "of which oil – 25.4 million tons", "among them":
# the cue a few words before the amount.
_PART_OF_BEFORE = re.compile(_PART_CUE + r")\b(?:\W+[\w-]+){0,3}\W*$")
_POINTING = frozenset(_WORDS["pointing_pronouns"])


def _of_own_whole(span: Span) -> bool:
    """ "..., or 47.5% of all expenditures": the share names its own whole (not "of which")."""
    after = doc_text(span.doc)[span.end_char : span.end_char + 40]
    return bool(
        rx(r"\s+of\s+(?!which|them|these|those|it\b)").match(after)
    ) and not _EVALUATION_BASE.match(after)


def _pointing_subject(verb: Token | None) -> bool:
    """The clause's own subject is a pronoun standing for something named before: "in 2021
    it was 34%", "which is 112.6% of the plan" (not "it is planned to ...")."""
    if verb is None:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in _POINTING | {"which"}:
        return False
    return verb.lemma_ in _COPULAR or verb.lemma_ in ("reach", "exceed", "make", "cost")


def _container_before(span: Span) -> Token | None:
    """The nearest "share", "level", "number" ... in the sentence before or this one."""
    doc = span.doc
    sent = span.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(list(doc[start : span.start])):
        if t.pos_ == "NOUN" and t.lemma_.lower() in _CONTAINERS and _noun_ok(t):
            return t
    return None


_THESE_PURPOSES = "purposes"
_CLASSIFIERS = frozenset(_WORDS["classifiers"])
# ", an increase of 18,4%", ", a decrease of 3 percent": a change set beside an amount.
_APPOSED_CHANGE = re.compile(
    r"(?i),\s+(?:an?\s+)(?:\w+\s+)?(?:increase|growth|rise|decrease|decline|reduction|drop)"
    r"\s+(?:of|by)\s+(?:about\s+|almost\s+|nearly\s+)?$"
)
_CHANGE_NOUNS = frozenset(_WORDS["change_nouns"])


def _previous_amount_in_sentence(span: Span) -> bool:
    amounts = span.doc.user_data.get(_AMOUNT_KEY, ())
    return any(i in amounts for i in range(span.sent.start, span.start))


# How far back in its sentence the cues of an amount are looked for ("Of these, about 3
# million tons", ", which is 15% below the market price of"): a bound keeps every search
# linear however long a sentence or a token is.
_CUE_WINDOW = 120


def _clause_before(span: Span) -> str:
    """The text of the amount's sentence before it, at most :data:`_CUE_WINDOW` characters."""
    return doc_text(span.doc)[
        max(span.sent.start_char, span.start_char - _CUE_WINDOW) : span.start_char
    ]


def _dependent_amount(span: Span) -> bool:
    """A part, restatement or comparison of an amount before it: never itself the whole
    that later parts refer to."""
    text = doc_text(span.doc)
    before = _clause_before(span)
    after = text[span.end_char : span.end_char + 40]
    return bool(
        _PART_OF_BEFORE.search(before)
        or _EVALUATION_BASE.match(after)
        or _parenthetical(span)
        or _comparative(span)
        or _restates(span)
    )


def _refer_back_measured(
    span: Span, record: dict, lexicon, measured: str | None, earlier: str | None, rules: RuleSet
) -> tuple[str | None, str | None]:
    """What an amount measures when its clause points back to something before it.

    - "104.6% of the forecast", "2.7% of GDP": a measure against a base is of the clause's
      subject ("the deficit"), else of the amount before ("This is 104% of the plan").
    - "Of these, 4.9 million tons is wheat": a part is what the clause says it is; with no
      such noun ("of which 2 900 tons were processed ...") it is of the amount before.
    - "in 2021 it was 34%": the pronoun stands for the share or level named before, else
      for the amount before.

    Returns the measured and the rule that changed it (``None`` when none did).
    """
    on = rules.on
    doc = span.doc
    text = doc_text(doc)
    after = text[span.end_char : span.end_char + 40]
    base = (record.get("unit") or "").split("/")[0]
    verb = _clause_verb(span)
    if on("measured.these_purposes") and (
        measured == _THESE_PURPOSES
        or (
            (measured is None or measured in load_nominalizations().values())
            and rx(r"(?i)\bfor\s+(?:these|this|such|those)\s+purposes?\b").search(
                text[span.sent.start_char : span.sent.end_char]
            )
        )
    ):
        # "2.1 billion rubles were allocated for these purposes": the amount is for the
        # purposes just named; the words say which, resolving them is left to the reader.
        return _THESE_PURPOSES, "measured.these_purposes"
    pointing = _pointing_subject(verb)
    subject = None if pointing or verb is None else _subject(verb)
    if subject is not None and span.start <= subject.i < span.end:
        subject = None
    if on("measured.evaluation_base") and _EVALUATION_BASE.match(after):
        if _restates(span) or pointing or not _noun_ok(subject):
            return earlier or measured, "measured.evaluation_base"
        return _phrase(subject), "measured.evaluation_base"
    if lexicon.kind_of(base) == "count" or _of_own_whole(span):
        return measured, None  # "of which 160 km of roads", "among them 400 large families"
    before = _clause_before(span)
    if rx(r"[\p{L}-]+\s+[–—-]\s+$").search(before):
        return measured, None  # "of which oil – 25.4 million tons": the dash names it
    if on("measured.part_of_whole") and _PART_OF_BEFORE.search(before):
        if verb is not None and verb.lemma_ == "be":
            attr = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
            if _noun_ok(attr) and not (span.start <= attr.i < span.end):
                # "Of these, 4.9 million tons is wheat"
                return _phrase(attr), "measured.part_of_whole"
            if _noun_ok(subject):
                # "Of these, the share of garments was 41%"
                return _phrase(subject), "measured.part_of_whole"
        return earlier or measured, "measured.part_of_whole"
    if (
        on("measured.fold_change")
        and base == "x"
        and span.root.head.lemma_.lower() in _CHANGE_NOUNS
        and span.root.head.i >= span.end
    ):
        return earlier or measured, "measured.fold_change"  # "a 1.4-fold increase": of what grew
    if on("measured.pronoun_subject") and pointing and measured is None:
        if _previous_amount_in_sentence(span):
            return earlier, "measured.pronoun_subject"
        container = _container_before(span)
        if container is not None:
            return _phrase(container), "measured.pronoun_subject"
        return earlier, "measured.pronoun_subject"
    return measured, None


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
    if _NOW_NEAR.search(near) or rx(r"(?i)\bthe\s+current\s+$").search(near):
        return True  # "... will grow from the current 9% to 15%"
    verb = _clause_verb(span)
    if verb is None:
        return False
    words = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    # "losses are still 17 percent" (not "was still 17 percent in 2019": a past state)
    return bool(words & {"currently", "now"}) or ("still" in words and verb.tag_ in ("VBZ", "VBP"))


def _holds_now(sent: Span) -> bool:
    """ "So far", "to date", "currently": the figure holds at the time of speaking."""
    return bool(_HOLDS_NOW.search(sent.text))


def _paragraph_focus(
    span: Span,
    times: ByStart,
    paragraph: int,
    past_only: str | None = None,
    skip_now: bool = False,
    skip_plans: bool = False,
) -> tuple | None:
    """The period the paragraph set before the amount: its last time expression (with
    ``past_only``, the last one that does not begin after that date)."""
    text = doc_text(span.doc)
    focus = None
    for t in times.between(paragraph, span.start_char):
        if rx(r"(?i)\bby\s+(?:the\s+)?$").search(text[max(0, t.start_char - 8) : t.start_char]):
            continue
        if skip_now and rx(r"(?i)(?:today|now|this\s+day|currently)").fullmatch(t.text):
            continue
        if skip_plans and tense_of(t.sent.text) == "future":
            continue  # a plan's horizon is no period of what was done
        period = _period_of(t)
        if past_only and (_starts_after(period, past_only) or not period[0] or not period[1]):
            continue
        if period[0] or period[1]:
            focus = period
    return focus


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
        if t.start_char >= span.end_char and rx(r"\s*(?:in|for)\s+").fullmatch(
            text[span.end_char : t.start_char]
        ):
            return t, "period.time_after"
    if not rules.on("period.governing_time"):
        return None, None
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
    return _nearest(span, candidates), "period.governing_time"


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


def _set_indicators(doc: Doc, text: str) -> None:
    """Give every quantity the indicator of what it measures (``rules/indicators.py``)."""
    classifier = default_indicator_classifier()
    has_sents = doc.has_annotation("SENT_START")
    for span in doc.spans[SPANS_QUANTITIES]:
        record = span._.extractor
        if record is None:
            continue
        if has_sents:
            sent = span.sent
            sentence, at = text[sent.start_char : sent.end_char], span.start_char - sent.start_char
        else:
            sentence, at = None, None
        decision = classifier.classify(record.get("measured"), record.get("unit"), sentence, at)
        record["indicator"], record["indicator_rule"] = decision.indicator, decision.rule


def _sentence_place(span: Span, places: ByStart) -> str | None:
    if not span.doc.has_annotation("SENT_START"):
        return None
    sent = span.sent
    inside = places.between(sent.start_char, sent.end_char)
    if not inside:
        return None
    return min(inside, key=lambda p: abs(p.start - span.start)).text


@Language.factory(
    "extractor_facts",
    assigns=["span._.extractor"],
    requires=[
        "doc.spans",
        "doc.sents",
        "token.dep",
        "token.head",
        "token.lemma",
        "token.tag",
        "token.ent_type",
    ],
    default_config={"disabled_rules": []},
)
def make_fact_linker(nlp: Language, name: str, disabled_rules: list[str]) -> FactLinker:
    """Build the fact linker; place it after the times, quantities and entities components.

    ``disabled_rules``: ids of fact rules to switch off (``extractor rules`` lists them).
    """
    return FactLinker(nlp, name, disabled_rules=disabled_rules)
