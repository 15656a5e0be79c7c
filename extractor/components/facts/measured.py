"""What an amount measures (``measured``): the phrase the parse gives, then what the
amounts around it say. Each way is a ``measured.*`` rule of ``resources/fact_rules.jsonl``."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex as re
from spacy.tokens import Doc, Span, Token

from ...resources import read_jsonl
from ...rules.indicators import fold_word
from ...rules.lists import PLAIN_ROW, header_colon_above
from ...rules.quantex import (
    ANOTHER_BEFORE,
    COUNTED_SYNONYMS,
    UNIT_COST_BEFORE,
    is_age,
    is_distance,
)
from ...rules.questions import question_answered
from ...rules.rx import BULLET, WS_START, rx
from ...rules.tables import (
    BRACKET_PLAN_LABEL,
    caption_cell,
    column_header,
    item_unit,
    label_head,
    names_a_place_or_total,
    table_cell,
    titled_cell,
    year_row,
)
from ...rules.units import YIELD_UNITS, load_lexicon
from ...rules.votes import speaking_time
from ..context import doc_text
from ..entities import load_not_entities
from ..fact_rules import RuleSet
from .document import FactContext
from .syntax import (
    _ADDRESS_WORDS,
    _CONTAINERS,
    _COPULAR,
    _EVALUATION_BASE,
    _PART_OF_BEFORE,
    _POINTING,
    _SKIP_HEADS,
    _WORDS,
    _clause_before,
    _clause_verb,
    _comparative,
    _comparison_base,
    _container_before,
    _earlier_in_sentence,
    _noun_ok,
    _own_subject,
    _parenthetical,
    _phrase,
    _pointing_subject,
    _previous_amount_in_sentence,
    _restates,
    _shared_head,
    opens_item,
)


@lru_cache(maxsize=1)
def load_nominalizations() -> dict[str, str]:
    """Verb lemma -> the noun naming its act ("invest" -> "investment")."""
    return {row["verb"]: row["noun"] for row in read_jsonl("nominalizations.jsonl")}


def _link_measured(ctx: FactContext, span: Span, record: dict) -> None:
    """Set ``measured`` and ``measured_rule``: the phrase the parse gives, then what the
    amounts around it say (a bracket restating the amount before, a change set beside
    it, the material the last amount of its unit was of, a pronoun pointing back)."""
    on, text, lexicon, done = ctx.on, ctx.text, ctx.lexicon, ctx.done
    measured, measured_rule = _measured(ctx, span, record, lexicon, ctx.rules)
    if (
        on("measured.telegraphic_change")
        and measured_rule != "measured.counted_noun"
        and (changed := _telegraphic_change(ctx, span)) is not None
    ):
        # "Sangtuda-2 HPP output up 9% in the first half of 2020", "meat output up 2,4
        # percent to 430,6 thousand tons": a headline's change with its verb left out is
        # of the noun before "up" or "down"
        measured, measured_rule = _phrase(ctx, changed), "measured.telegraphic_change"
    own_noun = measured_rule == "measured.counted_noun" and _parenthetical(span)
    if not own_noun and (
        measured is None or _parenthetical(span) or _comparative(span) or _restates(span)
    ):
        # "(about KZT 44 bln)", "995 bln tenge (US$2.33 bln)" restate the amount before
        # it; "8.4% more than a year earlier" compares the amount just named.
        unit = record.get("unit") or ""
        prev = _previous_in_sentence(
            span, done, unit if unit and lexicon.kind_of(unit) == "count" else None
        )
        before_bracket = _noun_before_bracket(ctx, span) if _parenthetical(span) else None
        if before_bracket is not None and _of_an_amount(ctx, before_bracket):
            before_bracket = None  # "36,2% of imports (6 954,1 mln USD)": it restates the share
        where = _located_subject(ctx, before_bracket) if before_bracket is not None else None
        item = _item_head(ctx, span, unit) if on("measured.item_bracket") else None
        if item is not None:
            # "– a poultry farm for 400 thousand birds in Sairam district (9.8 bln tenge, 160
            # jobs);": money that opens the bracket closing a list item is of the item
            measured, measured_rule = _phrase(ctx, item), "measured.item_bracket"
        elif where is not None and on("measured.bracket_label"):
            # "The highest wages were in mining (31 448 som)": a bracket after where a figure
            # is found is a figure of the clause's subject
            measured, measured_rule = _phrase(ctx, where), "measured.bracket_label"
        elif before_bracket is not None and on("measured.bracket_label"):
            # "construction (8.8%), transport (7.9%)": the noun before the bracket.
            measured, measured_rule = _phrase(ctx, before_bracket), "measured.bracket_label"
        elif (
            on("measured.same_as_before")
            and prev is not None
            and not _counts_another_thing(span, done, measured_rule, unit)
            and (
                _parenthetical(span)
                or _comparative(span)
                or (_restates(span) and not _of_own_whole(span))
                or _change_right_after(span, done, unit)
            )
        ):
            measured, measured_rule = prev, "measured.same_as_before"
            counted = _counted_whole(ctx, span, done, lexicon)
            if counted is not None and on("measured.counted_whole"):
                # "the number of cattle was 412.6 thousand head, 3.2% more": the
                # change is of the cattle, not of the "head" they are counted in.
                measured, measured_rule = counted, "measured.counted_whole"
    if (
        on("measured.share_series")
        and measured_rule in (None, "measured.same_as_before")
        and record.get("unit") == "%"
        and _parenthetical(span)
        and (whole := _series_whole(ctx, span)) is not None
    ):
        # "China – 7.6 billion dollars (18.2 percent of turnover); Russia – 6.6 billion (15.8
        # percent)": a bare share in brackets after an amount is a share of the whole the
        # series named before it, not of what the amount beside it is
        measured, measured_rule = _phrase(ctx, whole), "measured.share_series"
    if (
        on("measured.share_of_named_subject")
        and measured_rule == "measured.of_noun"
        and _restates(span)
        and (before := next(iter(_earlier_in_sentence(span, done)), None)) is not None
        and (before._.extractor or {}).get("measured_rule") in _NAMED_SUBJECT_RULES
        and (before._.extractor or {}).get("measured")
    ):
        # "Spending on health care amounted to 1 046,3 million somoni, or 17,7 percent of
        # expenditures", "Losses amounted to 1 281,4 million kWh, or 18,7 percent of the
        # electricity received": the share restates the amount its clause's subject
        # names; the "of" names the whole it is a share of
        measured, measured_rule = before._.extractor["measured"], "measured.share_of_named_subject"
    if (
        on("measured.comparison_base")
        and measured_rule in _CLAUSE_RULES
        and _comparison_base(span)
        and (prev := _previous_in_sentence(span, done)) is not None
    ):
        # "96.8% of the population ... against 94.1% in 2021", "27 centners per hectare
        # against 24,6 centners": the base of a comparison is of what it is compared with,
        # not of the clause's subject or verb.
        measured, measured_rule = prev, "measured.comparison_base"
    paragraph = ctx.paragraph_start(span.start_char)
    previous = ctx.previous_measured
    earlier = previous[1] if previous and previous[0] == paragraph else None
    if (
        on("measured.change_of_before")
        and measured
        and measured.split()[-1].lower() in _CHANGE_NOUNS
        and _APPOSED_CHANGE.search(text[max(0, span.start_char - 40) : span.start_char])
        and (before := _previous_in_sentence(span, done) or earlier)
        and before.split()[-1].lower() not in _CHANGE_NOUNS
    ):
        # "the wage was 287 413 tenge, an increase of 18,4%": a change set beside an
        # amount measures what changed, the amount named before it.
        measured, measured_rule = before, "measured.change_of_before"
    unit = (record.get("unit") or "").split("/")[0]
    physical = lexicon.kind_of(unit) not in (None, "currency", "count", "time") and (
        unit not in ("%", "x")
    )
    material = ctx.material
    if (
        on("measured.same_unit_before")
        and physical
        and (
            measured_rule in (None, "measured.verb_act")
            # "The Akbastau mine alone gave 2 150 thousand tons": who yields it says less
            # than the material the tons before were of
            or (
                measured_rule == "measured.subject"
                and (measured or "").split(" ")[-1].lower() in _YIELDING_HEADS
            )
        )
        and unit in material
        and span.start_char - material[unit][0] <= _MATERIAL_WINDOW
    ):
        # "11.2 million tons of oil were produced ... Rosneft extracted 9.8 million tons":
        # tons produced are of the material the last tons were of, not "production".
        measured, measured_rule = material[unit][1], "measured.same_unit_before"
    if (
        on("measured.commissioned_housing")
        and unit == "m2"
        and measured_rule in (None, "measured.verb_act")
        and (verb := _clause_verb(span)) is not None
        and verb.lemma_.lower() == "commission"
    ):
        # "we plan to commission about 90 million square meters": floor space commissioned
        # is housing
        measured, measured_rule = "housing", "measured.commissioned_housing"
    if (
        measured is None
        and on("measured.more_of_before")
        and ANOTHER_BEFORE.search(text, max(0, span.start_char - 20), span.start_char)
        and (before := _previous_in_sentence(span, done) or earlier)
    ):
        # "In 2024 alone it reached $ 13.4 billion ... In January-March 2025, another $ 3.9
        # bln came in": more of what the amount before measured
        measured, measured_rule = before, "measured.more_of_before"
    if (
        measured is None
        # "The minimum wage, now 42,500 tenge, will be raised": an apposition says more
        # than the verb of the clause it sits in
        or (measured_rule == "measured.verb_act" and span.root.dep_ == "appos")
    ) and on("measured.apposed_label"):
        label = _apposed_label(ctx, span)
        if label is not None:
            # "Tashkent and Samarkand showed the highest growth, 9,2 and 8,7 percent": a
            # figure set after a comma beside a noun is of that noun.
            measured, measured_rule = _phrase(ctx, label), "measured.apposed_label"
    if (
        on("measured.ranked_label")
        and measured
        and _RANKED.match(measured)
        and (label := _apposed_label(ctx, span, colon=True)) is not None
        and not _RANKED.match(_phrase(ctx, label))
    ):
        # "The largest sources are land tax, 6.8 billion, and property tax of individuals,
        # 2.9 billion": a rank ("the largest source") says where a figure stands, the label
        # set beside it after a comma or colon says what it is of
        measured, measured_rule = _phrase(ctx, _label_head(ctx, label)), "measured.ranked_label"
    if on("measured.ranking_topic") and (topic := _ranking_topic(ctx, span, measured)):
        # "In industrial growth, the leaders are Kattakurgan city (124,6%)", "North
        # Kazakhstan region is first in grain area with 4,6 mln. ha": a ranking's figures
        # are of what the places are ranked in, not of "the leaders"
        measured, measured_rule = topic, "measured.ranking_topic"
    presenting = None
    if on("measured.presenting_subject") and measured and _presents_only(measured):
        # "the picture is as follows: in 2017 – 11,2 million square meters", "The leaders
        # are Almaty with 2,7 mln. sq. m": a subject that only presents or ranks figures
        # names none of them; what the figures around say comes first
        presenting, measured, measured_rule = (measured, measured_rule), None, None
    if measured is None and on("measured.list_header"):
        header = _list_header(ctx, span)
        if header is not None:
            # "By regions, the largest volumes of FDI fell on:\n• Tashkent region – $231,4
            # million;": an item labelled by a place is a figure of what the header names.
            measured, measured_rule = _phrase(ctx, header), "measured.list_header"
    if (
        measured_rule == "measured.gapped_noun"
        and on("measured.parallel_gap")
        and measured
        and measured.split()[-1].lower() in _PRODUCER_HEADS
        and not _comparison_base(span)
        and (parallel := _made_before(span, record, done)) is not None
    ):
        # "Food producers turned out products worth 88.9 bln tenge, building materials
        # makers 71.2 bln tenge": a gapped clause names who made it; the amount is of what
        # the clause before measured
        measured, measured_rule = parallel, "measured.parallel_gap"
    if measured is None and on("measured.parallel_gap") and not _comparison_base(span):
        parallel = _parallel_gap(span, record, done)
        if parallel is not None:
            # "7,1 billion tenge came from the republican budget and 2,7 billion tenge from
            # the local budget", "Khatlon has completed 78 percent of its plan, Sughd region
            # 64 percent": a clause with its verb left out repeats the one before it.
            measured, measured_rule = parallel, "measured.parallel_gap"
    if measured is None and on("measured.opening_whole"):
        opening = _OPENING_WHOLE.match(text, span.sent.start_char, span.start_char)
        noun = (
            span.doc.char_span(opening.start("noun"), opening.end("noun"))
            if opening is not None
            else None
        )
        if noun is not None and len(noun) == 1 and _noun_ok(ctx, noun[0]):
            # "Of the funds allocated, 58.4 billion tenge, or 94.5%, was used": a part of
            # the whole the sentence opens with is of what that whole is
            measured, measured_rule = _phrase(ctx, noun[0]), "measured.opening_whole"
    if measured is None and on("measured.answer"):
        asked = question_answered(text, span.start_char)
        if asked is not None and asked.kind == "share" and record.get("unit") in ("%", "pp"):
            # "What share of roads meets the standards today? – In the agglomeration 62
            # percent": the first sentence of an answer gives what its question asks for.
            measured, measured_rule = asked.noun.lower(), "measured.answer"
    measured, back_rule = _refer_back_measured(
        ctx, span, record, lexicon, measured, earlier, ctx.rules
    )
    if (
        (
            measured is None
            # "9.4 billion tenge was allocated from the Government reserve": the act of
            # handing money over says less than where it comes from (a purchase says more)
            or (measured_rule == "measured.verb_act" and not back_rule and measured in _HANDING)
        )
        and on("measured.money_source")
        and lexicon.kind_of(record.get("unit") or "") == "currency"
        and (source := _MONEY_SOURCE.match(text, span.end_char))
        # (money allocated from a reserve is still spent; a reserve's money is no figure)
        and (measured is None or not source["head"].lower().startswith("reserve"))
    ):
        # "the akimat has requested 31,5 billion tenge from the republican budget", "By
        # source: 58.2 billion from the republican budget": money named by nothing but
        # where it comes from is of that budget, fund or reserve.
        measured, measured_rule = source["head"].lower().rstrip("s"), "measured.money_source"
    if (
        on("measured.allocated_topic")
        and measured_rule == "measured.verb_act"
        and measured == "allocation"
        and not back_rule
        and (topic := _topic_before(ctx, span)) is not None
    ):
        # "The school for 600 pupils will cost 1,98 billion tenge: in 2014 we allocate 700
        # million tenge", "The project has passed the state expertise, and 3,1 billion tenge
        # has been allocated": money allocated for nothing its clause names is for the
        # thing the clause or sentence before is about (and stays spending: set_indicators)
        measured, measured_rule = _phrase(ctx, topic), "measured.allocated_topic"
    if (
        on("measured.money_back")
        and measured_rule == "measured.verb_act"
        and measured in _GIVING_BACK
        and not back_rule
        and lexicon.kind_of(record.get("unit") or "") == "currency"
    ):
        # "So far 94.3 million rubles has been returned to the budget", "3.94 bln tenge has
        # been restored": money given back is money; the act says nothing of what it was
        measured, measured_rule = "money", "measured.money_back"
    if (
        measured is None
        and on("measured.unit_in_paragraph")
        and (before_here := _previous_of_unit(ctx, span, record.get("unit"))) is not None
    ):
        # "Investments in fixed capital in 2017 amounted to 31,2 billion rubles; in 2024
        # we plan 48 billion": a figure whose clause names nothing it measures is of what
        # the last figure of its unit in the paragraph measured
        measured, measured_rule = before_here, "measured.unit_in_paragraph"
    if measured is None and presenting is not None:
        measured, measured_rule = presenting  # nothing around says more
    rate_of = _RATE_UNITS.get(record.get("unit") or "")
    if (
        on("measured.rate_unit")
        and rate_of is not None
        and (measured or "").split(" ")[-1].lower() != rate_of
    ):
        # "farmers have gathered only 7-9 centners per hectare", "Arkadaksky – 29,8 c/ha":
        # an amount per hectare of a crop is a yield, whoever gathered it; "internet with
        # a speed of not less than 10 Mbit/s": megabits a second are a speed
        measured, measured_rule, back_rule = rate_of, "measured.rate_unit", None
    if physical and measured and measured_rule in _MATERIAL_RULES and not back_rule:
        material[unit] = (span.end_char, measured)
    record["measured"] = measured
    # (a rule that found nothing set nothing: no rule without a measured)
    record["measured_rule"] = (back_rule or measured_rule) if measured else None
    if record["measured"] and not _dependent_amount(span):
        ctx.previous_measured = (paragraph, record["measured"])
    done[span.start] = span


# "... (18.2 percent of turnover)", "..., or 18.2% of the turnover": a share of an amount
# that names the whole it is of.
_OF_WHOLE = r"of[ \t]+(?:the[ \t]+)?(?:total[ \t]+)?(?P<noun>\p{L}[\p{L}-]*)"
_SHARE_OF_WHOLE = rx(
    r"(?:\(|,[ \t]*or)[ \t]*\d[\d.,]*[ \t]?(?:%|percent|per[ \t]cent)[ \t]+" + _OF_WHOLE
)
# "... of turnover)", "... of the total inflow)": a bracketed share's own whole.
_OWN_WHOLE = rx(r"[ \t]+" + _OF_WHOLE + r"(?:[ \t]+\p{L}+)?[ \t]*\)")
# A bare share in a bracket right after another amount: "6.6 billion (15.8 percent)".
_AMOUNT_THEN_BRACKET = rx(r"[\d\p{L}.$)][ \t]*\([ \t]*$")
_SERIES_REACH = 600  # characters back, within the block of lines, a series' whole is named


def _series_whole(ctx: FactContext, span: Span) -> Token | None:
    """The whole that a series of bracketed shares after amounts is of: named by the last
    "N% of X" before the share, in its block of lines (no blank line between), when the
    share stands alone in brackets right after another amount."""
    text = ctx.text
    if not _AMOUNT_THEN_BRACKET.search(text, max(0, span.start_char - 4), span.start_char):
        return None
    value = (span._.extractor or {}).get("value")
    if value is None or value > 100:
        return None  # "coal – 412.7 thsd tons (108.9%)": an index, no share
    # "China – 7.6 billion dollars (18.2 percent of turnover)": it names its own whole
    found = _OWN_WHOLE.match(text, span.end_char)
    if found is None:
        if not text.startswith(")", span.end_char) or not any(
            0 < span.start_char - s.end_char <= 4 for s in _earlier_in_sentence(span, ctx.done)
        ):
            return None
        start = max(0, span.start_char - _SERIES_REACH)
        blank = text.rfind("\n\n", start, span.start_char)
        start = blank + 2 if blank >= 0 else start
        named = list(_SHARE_OF_WHOLE.finditer(text, start, span.start_char))
        found = named[-1] if named else None  # the last whole named
    if found is None:
        return None
    noun = span.doc.char_span(found.start("noun"), found.end("noun"), alignment_mode="expand")
    return _whole_head(ctx, noun[0]) if noun is not None else None


def _whole_head(ctx: FactContext, token: Token) -> Token | None:
    """The head of the noun phrase a whole opens on ("the total trade turnover" ->
    turnover), when it can name what is measured."""
    while token.dep_ in ("compound", "amod") and token.head.i > token.i:
        token = token.head
    return token if _noun_ok(ctx, token) and token.lemma_.lower() not in _CONTAINERS else None


# Pronouns a purpose can point back with, and the grammatical number they take ("this"
# may stand for a whole act: "people moved into new housing, and 612 million was spent on
# this").
_PURPOSE_PRONOUNS = {"it": "NN", "them": "NNS", "this": None, "these": "NNS"}


def _antecedent(ctx: FactContext, span: Span, pronoun: Token) -> Token | None:
    """The noun a purpose pronoun after an amount points back to ("... received a social
    supplement, and 1.21 billion rubles was spent on it" -> supplement): the nearest
    common noun of the pronoun's number before the amount, in its sentence or the one
    before, that is no amount, no time and no container."""
    if pronoun.lower_ not in _PURPOSE_PRONOUNS:
        return None
    wanted = _PURPOSE_PRONOUNS[pronoun.lower_]
    return next(
        (
            t
            for t in _nouns_before(ctx, span)
            if t.pos_ == "NOUN"
            and (wanted is None or t.tag_ == wanted)
            # the head of its phrase: "utility networks", not "utility"
            and not (t.dep_ == "compound" and t.head.i > t.i)
        ),
        None,
    )


# Before an amount: "... up", "... down by", "... down to", "... up 2,4 percent to" (not
# "up to", an upper bound), after the start of a line or sentence or a colon, comma,
# semicolon or bar; the words before "up" or "down" are the thing that changed.
_TELEGRAPHIC = rx(
    r"(?:^|(?<=[\n:;,|–—]|[.!?][ \t]))[ \t]*+(?P<np>[^\n:;,|–—.!?]+?)[ \t]+"
    r"(?:up(?:[ \t]+by)?|down(?:[ \t]+by|[ \t]+to)?)"
    r"(?:[ \t]+(?:[^\n:;,|]|(?<=\d),(?=\d)){1,40}?[ \t]to)?[ \t]*$"
)
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_TELEGRAPHIC_REACH = 160  # characters before the amount a headline's phrase may take


def _telegraphic_change(ctx: FactContext, span: Span) -> Token | None:
    """The noun before "up" or "down" in a change told without a verb ("Foreign direct
    investment into Kazakhstan up 18.4% in first quarter" -> investment): the last common
    noun of the words before it, up to their first preposition, none of them a finite
    verb ("Prices went up 5%" is a clause: its parse says the rest)."""
    text = ctx.text
    line = text.rfind("\n", 0, span.start_char) + 1
    if span.start_char - line > _TELEGRAPHIC_REACH:
        line = text.find(" ", span.start_char - _TELEGRAPHIC_REACH) + 1  # a word's start
    m = _TELEGRAPHIC.search(text, line, span.start_char)
    if m is None:
        return None
    np = span.doc.char_span(m.start("np"), m.end("np"), alignment_mode="expand")
    if np is None:
        return None
    if any(t.tag_ in _FINITE or t.pos_ == "AUX" for t in np):
        return None
    head = None
    for t in np:
        if t.pos_ == "ADP" or t.i in ctx.amounts:
            break
        if (t.pos_ in ("NOUN", "PROPN") and _noun_ok(ctx, t)) or (
            # ("output up 6.4 percent": a noun the tagger read as a base-form verb)
            t.tag_ == "VB" and t.is_alpha and t.i > 0 and t.doc[t.i - 1].lower_ != "to"
        ):
            head = t
    return head


def _nouns_before(ctx: FactContext, span: Span) -> Iterator[Token]:
    """The words before an amount, nearest first, in its sentence or the one before, that
    can name what is measured: no part of an amount, no time, no container."""
    doc = span.doc
    sent = span.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(doc[start : span.start]):
        if (
            _noun_ok(ctx, t)
            and t.i not in ctx.amounts
            and t.i not in ctx.timed
            and t.lemma_.lower() not in _CONTAINERS
        ):
            yield t


def _topic_before(ctx: FactContext, span: Span) -> Token | None:
    """The subject of the clause before the amount's, in its sentence or the one before:
    a common noun that is no amount, no time and no container."""
    return next(
        (
            t
            for t in _nouns_before(ctx, span)
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.head.i < span.start
            and t.lower_ not in _POINTING
        ),
        None,
    )


# After an amount: "... behind schedule", "... late"; "... cheaper"; "... less water"
_BEHIND = rx(WS_START + r"\s+(?:behind\s+(?:the\s+)?schedule|late|overdue)\b")
_CHEAPER = rx(WS_START + r"\s+(?:cheaper|more\s+expensive|dearer)\b")
_MORE_LESS = rx(WS_START + r"\s+(?:more|less|fewer)\s+(?!than\b)[\p{L}-]+")


# Subjects that count persons as something else: "the number of X", "the population",
# "the migration outflow was 7 458 people"
_PEOPLE_COUNTS = frozenset(
    ("number", "population", "outflow", "inflow", "headcount", "workforce", "contingent")
)


# Units that say what they measure: a crop's yield, a connection's speed
_RATE_UNITS = {
    **dict.fromkeys(YIELD_UNITS, "yield"),
    "Mbit/s": "speed", "Gbit/s": "speed", "kbit/s": "speed",
}  # fmt: skip


# Where money comes from, right after it: "... from the republican budget", "... came from
# local budgets", "... from all sources".
# Acts of handing money over, which its source names better.
_HANDING = frozenset(("allocation", "funding", "financing", "provision", "transfer"))
# The acts of giving money back, as load_nominalizations() names them.
_GIVING_BACK = frozenset(("return", "restoration", "reimbursement", "recovery", "refund"))
_MONEY_SOURCE = rx(
    WS_START + r"\s+(?:(?:is|was|were|are|came|come|comes|will\s+come|went|has\s+been|have\s+been"
    r"|had\s+been|will\s+be)\s+)?(?:received\s+|allocated\s+|provided\s+|raised\s+)?"
    r"from\s+(?:the\s+|all\s+|its\s+|their\s+|other\s+)?(?:[\p{L}-]+\s+){0,3}?"
    r"(?P<head>budgets?|funds|fund|sources|reserves?)\b",
    re.IGNORECASE,
)
_AMOUNT_TO = rx(
    r"(?i)\b(?:amounts?|amounted|totals?|totall?ed)\s+to\s+(?:about\s+|almost\s+|over\s+)?$"
)
_GAP_OPENERS = frozenset((",", "and", ":", ";", "while", "whereas"))


def _gapped_noun(ctx: FactContext, span: Span) -> Token | None:
    """The noun right before an amount (after an optional "by") that itself follows a comma,
    "and", a colon or a semicolon: the verb of its clause is left out. (A dash label is
    measured.dash_label's.)"""
    doc, start = span.doc, span.sent.start
    i = span.start - 1
    by = i >= start and doc[i].lower_ == "by"  # "mechanical engineering by 19,5%"
    if by:
        i -= 1
    # "..., exports up 20.4%", "output down 3 percent": a headline's change left verbless
    updown = i >= start and doc[i].lower_ in ("up", "down")
    if updown:
        i -= 1
        # "Gold output at Kumtor deposit down 11,2%", "exports to EAEU countries up 9.2%":
        # the headline's noun before a phrase that places it
        k = _placing_phrase_start(doc, start, i)
        if k is not None:
            i = k - 1
    # (a plural noun the model read as a verb: "exports up 20.4%", ", households 31%")
    verb_read = (
        i >= start
        and doc[i].tag_ == "VBZ"
        and doc[i].lower_.endswith("s")
        and doc[i].lemma_ not in ("be", "have", "do", "average")
        and doc[i].lemma_ not in _COPULAR
        and doc[i].lemma_ not in _CHANGE_VERBS
        and (updown or doc[i].dep_ in ("conj", "appos", "dep", "npadvmod"))
    ) or (
        # "Sangtuda-2 HPP output up 9%": a headline's noun the model read as its verb
        updown
        and doc[i].pos_ == "VERB"
        and doc[i].tag_ in ("VB", "VBP", "VBZ")
        and i - 1 >= start
        and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ")
    )  # (not "is", nor a clause's own verb: "the wear averages 54%")
    if i < start or (doc[i].pos_ not in ("NOUN", "PROPN") and not verb_read):
        return None
    if not verb_read and not _noun_ok(ctx, doc[i]):
        return None
    j = i
    while j - 1 >= start and (
        doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET")
        or (updown and doc[j - 1].lower_ in ("'s", "’s"))  # "Kazakhstan's industrial output up"
        or (updown and doc[j - 1].dep_ == "amod")  # "refined gold output up 14.2%"
    ):
        j -= 1
    opener = doc[j - 1].lower_ if j - 1 >= start else None
    if opener == "of" and j - 2 >= start and doc[j - 2].pos_ == "NOUN":
        # ", the lease of municipal property 61.7 million": a label with an "of" phrase
        k = j - 2
        while k - 1 >= start and doc[k - 1].pos_ in ("NOUN", "ADJ", "DET"):
            k -= 1
        label = doc[j - 2]
        if (
            k - 1 >= start
            and doc[k - 1].lower_ in _GAP_OPENERS
            and _noun_ok(ctx, label)
            and label.lemma_.lower() not in _PLACE_NOUNS
        ):
            return label  # (not "the districts of republican subordination 69 percent")
    # ", and exports by 2.1 times" repeats a verb's change: measured.gapped_coordination's
    if opener in _GAP_OPENERS and not (by and opener in ("and", "while", "whereas")):
        return doc[i]
    if updown and (opener is None or j == start or _BULLET.fullmatch(opener)):
        return doc[i]  # "Exports up 20.4% in nine months" opening a headline or a list item
    return None


# Prepositions of a phrase that places a headline's noun: "output at Kumtor deposit",
# "exports to EAEU countries", "trade with China", "output in Ulyanovsk Region".
_PLACING_PREPOSITIONS = frozenset(("at", "in", "to", "with", "from", "of", "on"))


def _placing_phrase_start(doc, start: int, i: int) -> int | None:
    """The index of the preposition of a short phrase of nouns ending at ``i`` right
    after a noun ("at Kumtor deposit" after "output"), or None."""
    k = i
    while k >= start and i - k < 5 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET"):
        k -= 1
    if k == i or k - 1 < start or doc[k].lower_ not in _PLACING_PREPOSITIONS:
        return None
    return k if doc[k - 1].pos_ in ("NOUN", "PROPN", "VERB") else None


# Words that open no label of a gapped list item: a preposition or an adverb after the
# comma ("..., and in 2023 by 7%") makes it a circumstance, not what is measured.
_NOT_LABEL_OPENERS = frozenset(
    "in on at by to from for over with of as than up down about around almost nearly only "
    "another more less which that it this these those while whereas".split()
)
_LABEL_PREPOSITIONS = frozenset(("from", "of", "for", "in", "on", "under", "at", "to"))


def _gapped_label_between(ctx: FactContext, span: Span) -> Token | None:
    """The label of a list item whose verb is left out, read off the words alone between
    the amount before and this one, where the parse lost the list: "wheat took 11 200 ha,
    barley 6 350 ha, potatoes 2 900 ha and forage crops 4 400 ha", "non-tax revenues 2,3
    billion, proceeds from the sale of fixed capital 2 billion". The label is a short run
    of words after a comma, a semicolon or "and"; its head is the word before its first
    preposition, else its last word. None where a word of it is a verb of its own, a
    time, a name or a number."""
    doc = span.doc
    # (the walk back stops at the sentence's start: linear in the amounts of a document)
    last = next((a for a in _earlier_in_sentence(span, ctx.done) if a.end <= span.start), None)
    if last is None:
        return None
    words = [t for t in doc[last.end : span.start]]
    if not words or words[0].text not in (",", ";", "and"):
        return None
    k = 1
    if words[0].text in (",", ";") and len(words) > 1 and words[1].lower_ == "and":
        k = 2
    label = words[k:]
    if not 1 <= len(label) <= 7 or label[0].lower_ in _NOT_LABEL_OPENERS:
        return None
    for n, t in enumerate(label):
        # ("forage crops", "drinking water": a verb's form before the noun it describes)
        describes = t.tag_ in ("VB", "VBG") and n + 1 < len(label) and label[n + 1].pos_ == "NOUN"
        if (
            not (t.is_alpha or t.tag_ == "HYPH" or t.text in ("-", "‑"))
            or t.pos_ in ("AUX", "PRON", "NUM", "ADV")  # ("and now stands at")
            or (t.pos_ == "VERB" and t.tag_ in ("VBD", "VBP", "MD", "VB", "VBG") and not describes)
            or (t.pos_ == "VERB" and t.tag_ == "VBN" and t.dep_ != "amod")
            or t.i in ctx.timed
            or t.i in ctx.amounts
        ):
            return None
    cut = next(
        (n for n, t in enumerate(label) if n > 0 and t.lower_ in _LABEL_PREPOSITIONS), len(label)
    )
    head = label[cut - 1]
    if (
        head.i in ctx.named
        or head.lower_ in _SKIP_HEADS
        or head.lemma_.lower() in _PLACE_NOUNS
        or (head.text[:1].isupper() and not opens_item(head))
        or not (head.pos_ in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NN", "VBZ"))
    ):
        return None
    return head


def _apposed_label(ctx: FactContext, span: Span, *, colon: bool = False) -> Token | None:
    """The noun an amount is set beside after a comma ("the highest growth, 9,2 and 8,7
    percent"), or with ``colon`` after a colon too ("the personal income tax: 4.1
    billion"), over the list's earlier amounts; None when there is none."""
    doc = span.doc
    i = span.start - 1
    for _ in range(8):  # back over "9,2 and" of a list
        if i < span.sent.start:
            return None
        token = doc[i]
        if token.text == "," or (colon and token.text == ":"):
            before = doc[i - 1] if i - 1 >= span.sent.start else None
            if before is not None and before.pos_ == "NOUN" and _noun_ok(ctx, before):
                return before
            return None
        if not (
            token.like_num or token.lower_ in ("and", "or", "now", "currently") or token.is_punct
        ):
            return None
        i -= 1
    return None


def _of_an_amount(ctx: FactContext, noun: Token) -> bool:
    """The noun is the object of "of" after an amount ("36,2% of imports")."""
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "of" and prep.head.i in ctx.amounts


def _located_subject(ctx: FactContext, noun: Token) -> Token | None:
    """The subject of the clause that places its figures "in" the noun: "The highest wages
    were in mining (...) and the lowest in education (...)", "recorded in the production
    of motor vehicles (...)"; None when the noun is not where something is found."""
    token = noun
    while token.dep_ == "conj":
        token = token.head
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "in the production of motor vehicles"
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "among"):
        return None
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT",) and verb.head is not verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(ctx, verb)
    if subj is None or not _noun_ok(ctx, subj) or subj.i > noun.i:
        return None
    return subj


def _noun_before_bracket(ctx: FactContext, span: Span) -> Token | None:
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
    if i in ctx.amounts:
        return None  # "14.6 billion rubles (96.8%)": the bracket evaluates the amount
    return doc[i] if _noun_ok(ctx, doc[i]) else None


def _subject_before_passive(ctx: FactContext, verb: Token) -> Token | None:
    """The noun right before a passive verb's auxiliaries, when the parser gave the verb no
    subject ("As of 1 October, grain and leguminous crops in Bashkortostan have been
    threshed on ..." -> crops): past a place it is in ("in Bashkortostan")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    auxes = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
    if not any(c.dep_ == "auxpass" for c in auxes):
        return None
    doc = verb.doc
    i = min(c.i for c in auxes) - 1
    while i > verb.sent.start and (
        doc[i].pos_ == "PROPN" or (doc[i].pos_ == "ADP" and doc[i + 1].pos_ == "PROPN")
    ):
        i -= 1
    noun = doc[i]
    if noun.pos_ != "NOUN" or noun.i in ctx.amounts or noun.lower_ in _LAND_WORK:
        return None
    return noun if _noun_ok(ctx, noun) else None


# The rest of a list item after a bracket's figures: the bracket closes, then the item ends.
_ITEM_ENDS = rx(r"[^()\n]{0,80}\)[ \t]*[;.,]?[ \t]*(?:\n|$)")


def _item_head(ctx: FactContext, span: Span, unit: str) -> Token | None:
    """The noun a bulleted or dashed list item opens on, when money opens the bracket that
    closes the item ("– a cotton yarn factory in Maktaaral district with a capacity of 12
    thousand tons of yarn a year (24.6 bln tenge, 410 jobs);" -> factory)."""
    if "/" in unit or ctx.lexicon.kind_of(unit) != "currency":
        return None  # (a price per unit is no item's cost)
    text = ctx.text
    opening = text.rfind("(", 0, span.start_char)
    line = text.rfind("\n", 0, span.start_char) + 1
    if opening < line or text[opening + 1 : span.start_char].strip():
        return None
    if not _ITEM_ENDS.match(text, span.end_char):
        return None
    bullet = _LINE_BULLET.match(text, line)
    if bullet is None:
        return None
    words = ctx.doc.char_span(bullet.end(), opening, alignment_mode="contract")
    if words is None:
        return None
    for t in words:
        if t.pos_ in ("NOUN", "PROPN") and not (t.dep_ in ("compound", "amod") and t.head.i > t.i):
            return t if t.pos_ == "NOUN" and _noun_ok(ctx, t) else None
    return None


_LINE_BULLET = rx(WS_START + r"[ \t]*(?:" + BULLET + r"|\d{1,2}[.)])[ \t]+")


def _label_head(ctx: FactContext, token: Token) -> Token:
    """The head noun of a list label: "investments in fixed assets – 118.6%" is about
    investments, "paid services to the population – 14.6 billion" about services,
    "violations of budget accounting and reporting – 1 204,3 million" about violations:
    the label's first noun, through prepositions and coordination. Only within the label
    (after the dash, colon or comma before it; on a bulleted line, after the bullet)."""
    doc = token.doc
    start = token.i
    while start > token.sent.start and doc[start - 1].text not in ("–", "—", "-", ":", ";", ","):
        start -= 1
    if start > 0 and doc[start - 1].text == ",":
        # "– meat and edible offal of cattle, pigs and poultry – 154,2": on a bulleted line
        # the label runs from the bullet, commas and all
        text = doc_text(doc)
        line = text.rfind("\n", 0, token.idx) + 1
        bullet = _LINE_BULLET.match(text, line)
        first = (
            doc.char_span(bullet.end(), bullet.end() + 1, alignment_mode="expand")
            if bullet
            else None
        )
        if (
            first is not None
            and first.start < start
            and not any(t.text in ("–", "—", ":", ";") for t in doc[first.start : token.i])
        ):
            start = first.start
    while True:
        # "violations of budget accounting and reporting – 1 204,3 million": the label's
        # first noun, through "of" (any preposition) and coordination
        if token.dep_ == "conj":
            up = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "prep":
            up = token.head.head
        else:
            break
        if not (up.pos_ == "NOUN" and start <= up.i < token.i and _noun_ok(ctx, up)):
            break
        token = up
    for t in doc[start : token.i]:
        # "paid services to the population": a noun right before a preposition (not
        # "of") heads the label however the parser attached the preposition.
        nxt = doc[t.i + 1]
        if t.pos_ == "NOUN" and nxt.pos_ == "ADP" and nxt.lower_ != "of" and _noun_ok(ctx, t):
            return t
    return token


def _counted_whole(ctx: FactContext, span: Span, done: dict[int, Span], lexicon) -> str | None:
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
    before = span.doc[prev.start - 1] if prev.start > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.left_edge.i > 0
        and span.doc[before.left_edge.i - 1].lower_ in (",", "and", ";")
        and _noun_ok(ctx, before)
    ):
        # "..., the rural population 270 568 people (19.6%)": a clause with its verb left
        # out, its subject right before the count
        return _phrase(ctx, before)
    verb = _clause_verb(prev)
    subj = (
        _subject(ctx, verb)
        if verb is not None and (verb.lemma_ in _COPULAR or verb.lemma_ == "number")
        else None
    )
    if _noun_ok(ctx, subj) and not (prev.start <= subj.i < prev.end):
        return _phrase(ctx, subj)
    return None


# "youth unemployment – 3,5%", "the subsistence minimum – by 28%": the word before a dash
# right before the amount (a word starts the match: from inside a long word it would be
# tried at every letter)
_DASH_LABEL = rx(
    r"(?<![\p{L}-])([\p{L}-]+)(?:\s*\([^()]{1,40}\))?\s+[–—-]\s+(?:by\s+|to\s+)?(?:about\s+|almost\s+)?$"
)  # "unemployment rate (ILO methodology) – 5,8%": a bracket after the label is no label


# "- total area: 112.4 thousand square meters", "• share of flats sold: 62%": a row of a
# bulleted list labelled by a colon; the label's last word before it
_BULLET_COLON_LABEL = rx(
    r"[ \t]*"
    + BULLET
    + r"[ \t]+[^\n:;]{0,80}?(?<![\p{L}-])([\p{L}-]+)(?:\s*\([^()\n]{1,40}\))?:[ \t]+"
    r"(?:about\s+|almost\s+|over\s+|more\s+than\s+)?$"
)


def _dash_label(ctx: FactContext, span: Span) -> Token | None:
    """The head of the label a dash sets before the amount, or None."""
    doc = span.doc
    text = doc_text(doc)
    sent_start = span.sent.start_char
    if sent_start == span.start_char:
        # "– mining and quarrying – 106,8%": the parser may end a sentence at the dash;
        # the label is still the line's
        sent_start = text.rfind("\n", 0, span.start_char) + 1
    window_start = max(sent_start, span.start_char - 40)
    dash = _DASH_LABEL.search(text[window_start : span.start_char])
    if not dash:
        # "- total area: 112.4 thousand square meters": a bulleted row labelled by a colon
        window_start = text.rfind("\n", 0, span.start_char) + 1
        if span.start_char - window_start > 120:
            return None
        dash = _BULLET_COLON_LABEL.match(text[window_start : span.start_char])
        if not dash:
            return None
    left = doc.char_span(window_start + dash.start(1), window_start + dash.end(1))
    if left is None:
        return None
    long_label = _long_item_label(ctx, span, window_start + dash.end(1))
    if long_label is not None:
        return long_label
    word = left[-1]
    if (
        word.tag_ in ("VBN", "VBD")
        and word.is_lower
        and word.i > word.sent.start
        and doc[word.i - 1].pos_ == "NOUN"
        and _noun_ok(ctx, doc[word.i - 1])
    ):
        # "– housing commissioned – 318.4 thousand square meters", "– investments attracted
        # – ...": the noun the participle follows is the label
        word = doc[word.i - 1]
    if not _noun_ok(ctx, word) or (
        word.text[:1].isupper() and not opens_item(word) and word.text not in load_not_entities()
    ):
        return _label_owner(ctx, word)
    return _label_head(ctx, word)


# One item of a list line and the start of the next: a dash, a figure ("84.3 thsd tons
# (96.1%)") and a comma or a semicolon.
_ITEM_AFTER_FIGURE = rx(r"[–—][ \t]+[^,;\n–—]{0,60}?\d[^,;\n–—]{0,60}?[,;][ \t]+")


def _long_item_label(ctx: FactContext, span: Span, label_end: int) -> Token | None:
    """The head of a list item's long label: the first noun (or gerund) the label's words
    hang from ("- bonuses paid to managers in excess of the norms – 24,9 million som":
    bonuses; "– inflating the cost of works – 94,3 bln. soums": inflating), where the word
    before the dash ends a clause or phrase that only describes it. None for a label of
    at most three words, or one on no bulleted line."""
    text, doc = ctx.text, span.doc
    line = text.rfind("\n", 0, span.start_char) + 1
    bullet = _LINE_BULLET.match(text, line)
    if bullet is None or bullet.end() >= label_end:
        return None
    start = bullet.end()
    for item in _ITEM_AFTER_FIGURE.finditer(text, start, label_end):
        # "• Crude oil – 84.3 thsd tons (96.1%), coal – 412.7 thsd tons": the line holds
        # several items; this one's label starts after the figure of the one before
        start = item.end()
    label = doc.char_span(start, label_end, alignment_mode="contract")
    if label is None or len(label) <= 3:
        return None
    for token in label:
        if label.start <= token.head.i < label.end and token.head.i != token.i:
            continue  # not a root of the label's words
        if token.pos_ == "NOUN" and _noun_ok(ctx, token):
            return token
        if token.tag_ == "VBG" and token.is_lower:
            return token
        return None  # the label's first root is no noun: leave it to the word before the dash
    return None


def _label_owner(ctx: FactContext, word: Token) -> Token | None:
    """What a dashed list label is about when it does not end on a common noun: "– a
    loan from the Eurasian Development Bank – $86 million" (a name after a preposition),
    "– mining and quarrying – 106,8%" (a gerund coordinated with a noun), "– manufacturing
    – 102,4%" (a gerund alone on its line); None for a name alone ("Chust – 11,8": whose
    figure, not what it is of)."""
    doc = word.doc
    start = word.i
    while start > word.sent.start and (
        doc[start - 1].text not in ("–", "—", "-", ":", ";", ",") or doc[start - 1].tag_ == "HYPH"
    ):
        start -= 1  # (not at the hyphen of "Export-Import Bank")
    token = word
    while (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and start <= token.head.head.i < token.head.i
        # (and on past where: "oil production in the south of Tyumen region – by 1.5%")
        and (token.i in ctx.named or token.pos_ == "PROPN" or token.head.lower_ in ("in", "at"))
    ):
        token = token.head.head
    if token is not word:
        if _noun_ok(ctx, token):
            return token
        # "– a cotton-textile cluster of the Chinese company "Xinjiang Lihua" in Khazarasp
        # district – 62,0 mln. dollars": the noun the whole label hangs on
        root = _label_root(word, start)
        return root if root is not None and _noun_ok(ctx, root) else None
    if word.tag_ != "VBG" or not word.is_lower:
        return None
    if word.dep_ == "conj" and start <= word.head.i and _noun_ok(ctx, word.head):
        return word.head
    at_line_start = start == word.i and (
        start == 0 or "\n" in doc[start - 1].text_with_ws or _BULLET.match(doc[start - 1].text)
    )
    return word if at_line_start else None


def _label_root(word: Token, start: int) -> Token | None:
    """The common noun a list label from ``start`` to ``word`` hangs on: its one token
    whose head lies outside it; None when that is no lower-case noun."""
    roots = [
        t for t in word.doc[start : word.i + 1] if not (start <= t.head.i <= word.i) or t.head == t
    ]
    if len(roots) != 1:
        return None
    root = roots[0]
    return root if root.pos_ == "NOUN" and root.is_lower else None


# Units that count without saying what: "412.6 thousand head", "1 641 people", "120 units".
_GENERIC_COUNTS = frozenset(("head", "person", "unit", "piece"))


# ", mutton for 179,4 thousand", "and forestry and fisheries for 191,5 bln": a label and
# "for" after a comma, a semicolon or "and", the verb ("accounted") left out.
_GAPPED_FOR = rx(
    r"(?:,|;|\band)\s+(?:and\s+)?(?P<np>[^,;:()\d]{2,60}?)\s+for\s+"
    r"(?:about\s+|over\s+|more\s+than\s+|almost\s+|nearly\s+|another\s+)?$"
)
# What money "in" a noun is not of: a sum ("$52.4 million in total"), prices ("25.8 billion
# somoni in current prices") and the vehicles a fare is paid in ("8 soms in buses").
_NOT_MONEY_IN = frozenset(
    "total all sum price prices bus buses minibus trolleybus tram metro train taxi".split()
)


# "• Tashkent region – ", "- Navoi region: ": a list item's bullet and label before its figure
_BULLET = rx(BULLET)
_PLACE_ITEM = rx(
    r"(?m)^[ \t]*+(?:" + BULLET + r"[ \t]*+)?(?P<label>[^\s–—:][^\n–—:]{0,80}?)[ \t]*+[–—:-]"
    r"[ \t]*+$"
)  # (or a row with no bullet: "Russia – 402,6" under "Main buyer countries, thousand tons:";
# a label of bounded length keeps the pattern linear on a line of spaces with no dash)
_ITEM_OR_ROW = rx(r"[ \t]*+" + BULLET + r"|" + PLAIN_ROW.pattern)


def _list_header(ctx: FactContext, span: Span) -> Token | None:
    """What a list's header names, for an item whose label is a place or a time ("- 2018 –
    16.2 billion tenge;" under "By year, the allocations were:"): the subject of the
    header's clause ("the largest volumes of FDI fell on:"), else its first noun. The
    header is the line ending in a colon above the run of items."""
    text, doc = ctx.text, span.doc
    newline = text.rfind("\n", max(0, span.start_char - 200), span.start_char)
    if newline < 0:
        return None  # not an item on a line of its own, or a line too long to be one
    line_start = newline + 1
    item = _PLACE_ITEM.match(text, line_start, span.start_char)
    if item is None or not (
        ctx.places.between(item.start("label"), span.start_char)
        or ctx.times.between(item.start("label"), span.start_char)
    ):
        return None
    colon_at = header_colon_above(text, line_start, _ITEM_OR_ROW)
    if colon_at is None:
        return None
    colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and _noun_ok(ctx, subj):
        return subj
    return next((t for t in sent if t.pos_ == "NOUN" and _noun_ok(ctx, t)), None)


_PARALLEL_SEPARATORS = frozenset((",", ";", "and", "while", "whereas"))


# Who makes a thing, named as a gapped clause's label ("building materials makers 71.2 bln
# tenge"): not what the amount measures
_PRODUCER_HEADS = frozenset(
    ("maker", "producer", "manufacturer", "factory", "plant", "mill", "enterprise", "company",
     "firm", "farm", "grower", "breeder", "operator", "exporter", "importer")
)  # fmt: skip
# Who or where a physical amount is yielded: a producer, a mine or field, a place.
_YIELDING_HEADS = _PRODUCER_HEADS | frozenset(
    ("mine", "field", "deposit", "krai", "region", "district", "oblast", "republic")
)


def _made_before(span: Span, record: dict, done: dict[int, Span]) -> str | None:
    """What the nearest amount before in the sentence, in the same unit, measures, when that
    is a thing made and not its maker."""
    for prev in _earlier_in_sentence(span, done):
        data = prev._.extractor or {}
        if data.get("unit") != record.get("unit") or not data.get("measured"):
            continue
        if data["measured"].split()[-1].lower() in _PRODUCER_HEADS:
            continue
        return data["measured"]
    return None


def _parallel_gap(span: Span, record: dict, done: dict[int, Span]) -> str | None:
    """The measured of the amount before, in the same unit and sentence, when the amount's
    own clause repeats that one's with its verb left out: after a comma, semicolon or
    "and" there is at most a label with no verb ("Sughd region", "the districts of
    republican subordination"), and no verb follows the amount in its clause."""
    doc = span.doc
    prev = next(_earlier_in_sentence(span, done), None)
    data = (prev._.extractor or {}) if prev is not None else {}
    if prev is None or not data.get("measured") or data.get("unit") != record.get("unit"):
        return None
    between = doc[prev.end : span.start]
    cut = max((t.i for t in between if t.lower_ in _PARALLEL_SEPARATORS), default=None)
    if cut is None or any(t.pos_ in ("VERB", "AUX") for t in doc[cut + 1 : span.start]):
        return None
    if doc[cut].lower_ == "and" and cut == span.start - 1 and doc[cut - 1].like_num:
        return None  # "3 and 4 schools": a list, measured.list_shared's
    for t in doc[span.end : min(span.sent.end, span.end + 40)]:
        if t.lower_ in _PARALLEL_SEPARATORS or t.is_sent_end:
            break
        if t.pos_ in ("VERB", "AUX"):
            return None
    return data["measured"]


def _of_object(token: Token) -> Token | None:
    """The object of the "of" after a noun: "2 860 head of cattle" -> cattle."""
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None


# "97,1 % (plan – 103,0 %", "91,4 % in 2015 (plan – 90 %; 2010 – ": an amount in brackets
# after another, labelled by a plan, a target, a forecast or a year
_PLAN_IN_BRACKETS = rx(r"(?i)\(\s*(?:[^()]{0,40}[;,]\s*)?" + BRACKET_PLAN_LABEL + r"$")


# " in 2015 " between an amount and its bracket
_YEAR_BETWEEN = rx(WS_START + r"\s*+(?:in\s++)?(?:19|20)\d\d\s*+$")


def _bracketed_plan(ctx: FactContext, span: Span) -> str | None:
    """What the amount before a bracket measures, for an amount the bracket labels as its
    plan, target or another year's value: "the index of physical volume was 97,1 % (plan –
    103,0 %)", "preschool coverage reached 91,4 % (plan – 90 %; 2010 – 46,1 %)"."""
    text = doc_text(span.doc)
    lo = max(span.sent.start_char, span.start_char - 60)
    m = _PLAN_IN_BRACKETS.search(text, lo, span.start_char)
    if m is None:
        return None
    opened = m.start()
    before = next((a for a in _earlier_in_sentence(span, ctx.done) if a.end_char <= opened), None)
    if (
        before is None
        or text[before.end_char : opened].strip(" \t,") not in ("", "in")
        and not _YEAR_BETWEEN.fullmatch(text, before.end_char, opened)
    ):
        return None  # (the bracket stands right after the amount, or after its year)
    return (before._.extractor or {}).get("measured")


def _subject_parallel(ctx: FactContext, span: Span, label: Token) -> str | None:
    """What the first amount of the sentence measures, when the dash label names who does
    it, as that amount's subject did: "Chinese companies will invest $14.6 billion,
    Turkish companies – $4.2 billion" (investment, not companies)."""
    earlier = list(_earlier_in_sentence(span, ctx.done))
    if not earlier:
        return None
    first = earlier[-1]  # (the sentence's first amount)
    measured = (first._.extractor or {}).get("measured")
    verb = _clause_verb(first)
    subj = _subject(ctx, verb) if verb is not None and verb.i < span.start else None
    if (
        not measured
        or subj is None
        or subj.i >= first.start
        or subj.lemma_.lower() != label.lemma_.lower()
        or measured.split()[-1].lower() in (label.lower_, label.lemma_.lower())
    ):
        return None
    return measured


# "1.42 trillion tenge, up 18.2%", "392.5 billion tenge, 105.6%", "..., an increase of
# 3.9%": a change or an index right after an amount, with no noun of its own between.
_CHANGE_AFTER_AMOUNT = rx(
    r"\s*,\s*(?:(?:up|down|rising|falling|growing|increasing|decreasing)\s+(?:by\s+)?"
    r"|(?:an?\s+)?(?:increase|rise|growth|decrease|drop|fall|decline)\s+of\s+"
    r"|(?:the\s+)?(?:physical\s+volume\s+)?index\s+[–—-]\s+)?"
)


def _change_right_after(span: Span, done: dict[int, Span], unit: str) -> bool:
    """A percentage or a multiple right after the amount before it in its sentence, with
    only a comma and a word of change between: a change or an index of the same thing."""
    if unit not in ("%", "x", "pp"):
        return False
    prev = next(_earlier_in_sentence(span, done), None)
    if prev is None:
        return False
    between = doc_text(span.doc)[prev.end_char : span.start_char]
    return _CHANGE_AFTER_AMOUNT.fullmatch(between) is not None


def _counts_another_thing(span: Span, done: dict[int, Span], rule: str | None, unit: str) -> bool:
    """The amount names its own counted noun, and the nearest earlier amount of its
    sentence counts something else: "1 380 households (about 6 900 people)" restates the
    households in people, which it measures; or is in a measure, not a count, that a
    thing of its own restates: "212.4 thousand square meters of housing, or 2,846
    apartments" (a generic count, "or 1 900 people", stays of what it restates)."""
    if rule != "measured.counted_noun":
        return False
    before = next(iter(_earlier_in_sentence(span, done)), None)
    other = (before._.extractor or {}).get("unit") if before is not None else None
    if not other or other == unit:
        return False
    kind = load_lexicon().kind_of(other)
    return kind == "count" or (
        kind not in ("ratio", "currency") and unit.split("/")[0] not in _GENERIC_COUNTS
    )


def _previous_in_sentence(
    span: Span, done: dict[int, Span], counted: str | None = None
) -> str | None:
    """The measured of the nearest earlier amount in the sentence that has one; for an
    amount of a counted unit, the nearest counted in the same unit first ("14 schools for
    9 600 places were built, 6 of them ...": the schools)."""
    if counted:
        for prev in _earlier_in_sentence(span, done):
            data = prev._.extractor or {}
            if data.get("unit") == counted and data.get("measured"):
                return data["measured"]
    earlier = list(_earlier_in_sentence(span, done))
    # "mined 6.82 million tons of ore at its three mines, 4.1 percent more": an amount
    # that only says where is not the one compared, when another stands before it
    main = [p for p in earlier if not _where_amount(p)] or earlier
    for prev in main:
        measured = (prev._.extractor or {}).get("measured")
        if measured:
            return measured
    return None


def _previous_of_unit(ctx: FactContext, span: Span, unit: str | None) -> str | None:
    """The measured of the nearest earlier amount of the same unit in the paragraph ("The
    level of gasification reached 93.7%, 56 villages were connected ... By 2025 this
    indicator should reach 97%": the level of gasification)."""
    if not unit:
        return None
    paragraph = ctx.paragraph_start(span.start_char)
    for start in sorted((i for i in ctx.done if i < span.start), reverse=True):
        prev = ctx.done[start]
        if ctx.paragraph_start(prev.start_char) != paragraph:
            break
        data = prev._.extractor or {}
        if data.get("unit") == unit and data.get("measured"):
            return data["measured"]
    return None


def _where_amount(span: Span) -> bool:
    """The amount counts places after a preposition: "at its three mines", "in 14
    districts" (not a price: "at 172 tenge per liter")."""
    root = span.root
    unit = (span._.extractor or {}).get("unit") or ""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in ("at", "in", "on", "across", "among")
        and load_lexicon().kind_of(unit) == "count"
    )


# The parts of a budget named by what they hold ("the revenue part", "the expenditure part").
_BUDGET_PARTS = frozenset(_WORDS["budget_parts"])


def _subject(ctx: FactContext, verb: Token) -> Token | None:
    """The subject of a verb, through coordination and relative pronouns."""
    for v in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "ccomp", "advcl") else None):
        if v is None:
            continue
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            # "in the reporting year gross regional product amounted to ...": the parser
            # hung the subject on the preposition before it; the noun right before the
            # verb is the subject (of a verb coordinated with it too: "... amounted to X
            # and increased by 7.3%").
            before = _noun_before_verb(ctx, v) if v is verb or verb.dep_ == "conj" else None
            if before is not None:
                return _shared_head(before)
            continue
        # "Nurbek Aliyev, deputy: Losses in the networks are still 17 percent": a speaker's
        # name read as a second subject; the one nearest before the verb is its own.
        left = [c for c in subjects if c.i < v.i]
        if left:
            subj = max([c for c in left if _noun_ok(ctx, c)] or left, key=lambda c: c.i)
        else:
            subj = subjects[0]
        address = next((c for c in subj.children if c.dep_ == "appos"), None)
        if address is not None and any(
            c.dep_ == "amod" and c.lower_ in _ADDRESS_WORDS for c in subj.children
        ):
            subj = address  # "Dear deputies, the installed capacity ... is": the apposition
        if subj.lower_ in ("which", "that") and v.dep_ == "relcl":
            return v.head
        clause_before = v.dep_ in ("advcl", "ccomp") and v.head.pos_ in ("VERB", "AUX")
        if subj.lower_ == "which" and clause_before:
            # "... is planned for next year, which requires KZT 94 bln": "which" stands for
            # the clause before, whose subject is what the amount is of
            return _subject(ctx, v.head)
        if subj.lemma_.lower() == "part" and (
            part := next(
                (c for c in subj.children if c.dep_ == "compound" and c.lower_ in _BUDGET_PARTS),
                None,
            )
        ):
            # "the revenue part of the local budget was fulfilled by 104.6%" (a translation
            # of the budget's "revenue part"): its revenue
            return part
        if not _noun_ok(ctx, subj):
            # "Aibek Nurlanov, deputy: Losses in the networks reached 19 percent": a speaker's
            # turn before a colon; the clause after it has its own subject.
            turn = _after_colon(ctx, subj, v)
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


def _after_colon(ctx: FactContext, subj: Token, verb: Token) -> Token | None:
    """The head noun of the first noun phrase after a colon between ``subj`` and ``verb``."""
    doc = verb.doc
    colon = next((t for t in doc[subj.i : verb.i] if t.text == ":"), None)
    if colon is None:
        return None
    for t in doc[colon.i + 1 : verb.i]:
        if t.pos_ == "NOUN" and not (colon.i < t.head.i < verb.i and t.head.pos_ == "NOUN"):
            return t if _noun_ok(ctx, t) else None
    return None


def _noun_before_verb(ctx: FactContext, verb: Token) -> Token | None:
    """A common noun right before the verb, past adverbs and auxiliaries."""
    doc = verb.doc
    i = verb.i - 1
    reach = 4
    skipped = placed = False
    while i >= verb.sent.start and i >= verb.i - reach:
        t = doc[i]
        if t.dep_ in ("advmod", "aux", "auxpass", "neg"):
            i -= 1
            continue
        time = None if skipped else _time_at(ctx, t)
        if time is not None:
            # "revenues of the regional budget for three months amounted to ...": a time
            # phrase between the subject and its verb is passed over, with its preposition,
            # and a noun it reaches through "of" gives way to the noun the "of" hangs on
            skipped = True
            j = time.start - 1
            if j >= verb.sent.start and doc[j].pos_ == "ADP":
                j -= 1
            reach += i - j
            i = j
            continue
        if not placed and _places_it(t) and t.head.i > verb.sent.start:
            # "In 2023 exports of the region amounted to ...", "investment in fixed capital
            # in Karaganda region amounted to ...": a phrase that only places the subject
            # is passed over, with its preposition
            placed = True
            j = t.head.i - 1
            reach += i - j
            i = j
            continue
        if not (t.pos_ == "NOUN" and _noun_ok(ctx, t)):
            return None
        if skipped and t.dep_ == "pobj" and t.head.lower_ == "of" and _noun_ok(ctx, t.head.head):
            return t.head.head
        return _subject_through_modifiers(ctx, t)
    return None


def _places_it(token: Token) -> bool:
    """Whether ``token`` ends a phrase that only says where: "in the region", "of
    Karaganda region", "across the country" (a place noun or a place's name after its
    preposition)."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("in", "of", "across", "throughout")
        and (token.lemma_.lower() in _PLACE_NOUNS or token.ent_type_ in ("GPE", "LOC"))
    )


def _subject_through_modifiers(ctx: FactContext, noun: Token) -> Token:
    """The head of the subject whose last noun stands right before the verb, when the
    parser left the subject out: "In 2018 investments in fixed capital from all sources
    of financing amounted to ..." -> investments (through "from" and "in"; through "of"
    only inside such a phrase: "sources of financing")."""
    head = _phrase_head(ctx, noun)
    if head.i == noun.i and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owner = noun.head.head
        if (
            owner.pos_ == "NOUN"
            and owner.dep_ == "pobj"
            and owner.head.lower_ not in ("of",)
            and owner.head.head.pos_ in ("NOUN", "PROPN")
            and _noun_ok(ctx, owner)
        ):
            climbed = _phrase_head(ctx, owner)
            if climbed.i != owner.i:
                return climbed
    return head


def _gapped_change_owner(ctx: FactContext, span: Span, verb: Token) -> Token | None:
    """The noun right before "from" in a clause after the verb's, past its comma and "and"
    (", and the average monthly wage from 362 to ..."), or None."""
    doc = span.doc
    sent_start = span.sent.start
    frm = next(
        (
            t
            for t in reversed(list(doc[max(sent_start, span.start - 12) : span.start]))
            if t.lower_ == "from"
        ),
        None,
    )
    if frm is None or frm.i - 1 <= verb.i:
        return None
    noun = doc[frm.i - 1]
    between = doc[verb.i + 1 : noun.i]
    if not _noun_ok(ctx, noun) or not any(t.text in (",", ";") for t in between):
        return None
    if noun.i in ctx.amounts or noun.i in ctx.timed:
        return None
    return noun


# a verb of spending before money that is "on" a thing
_SPENT_BEFORE = rx(r"(?i)\b(?:spent|spend|spends|spending|used|allocated|directed)\b")


def _money_purpose(ctx: FactContext, prep: Token) -> Token | None:
    """The noun a preposition right after money ("for", "to") names, when it can be what
    the money is for: a common noun within four words, no time ("for the year")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if _noun_ok(ctx, obj) and obj.i <= prep.i + 4 and obj.lemma_.lower() not in _TIME_NOUNS:
        return obj
    return None


def _time_at(ctx: FactContext, token: Token) -> Span | None:
    """The time expression that holds ``token``, if any."""
    for time in ctx.times.backwards(token.idx - 80, token.idx + 1):
        if time.start <= token.i < time.end:
            return time
        if time.end_char <= token.idx:
            return None
    return None


def _left_noun(ctx: FactContext, doc: Doc, i: int, sent_start: int) -> Token | None:
    """The nearest common noun before token ``i``, within the clause."""
    for t in reversed(list(doc[max(sent_start, i - 8) : i])):
        if _noun_ok(ctx, t):
            return t
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":"):
            return None
    return None


def _measured(
    ctx: FactContext, span: Span, record: dict, lexicon, rules: RuleSet
) -> tuple[str | None, str | None]:
    """What the amount is of, from the parse, and the id of the rule that said so."""
    on = rules.on
    unit = record.get("unit") or ""
    base = unit.split("/")[0]
    doc = span.doc
    sent = span.sent
    last = span[-1]
    money, _, per_unit = unit.partition("/")
    if (
        on("measured.exchange_rate")
        and per_unit
        and lexicon.kind_of(money) == "currency"
        and lexicon.kind_of(per_unit) == "currency"
    ):
        return "rate", "measured.exchange_rate"  # "USD 478.52", "11.39 somoni per US dollar"
    # "the Kenderli zone, 200km from Aktau": a length from a place is a distance
    if on("measured.distance") and is_distance(ctx.text, span.end_char, unit):
        return "distance", "measured.distance"
    # "patients wait 12 to 18 days for a consultation", "a family waits on average 8 to 10
    # years": a time waited is a wait
    if (
        on("measured.wait")
        and lexicon.kind_of(base) == "time"
        and (verb := _clause_verb(span)) is not None
        and verb.lemma_.lower() == "wait"
        and verb.i < span.start
    ):
        return "wait", "measured.wait"
    # "children aged 3 to 6 years", "every third teacher is older than 55 years", "children
    # under 3 years": an age ("52 years old" is one too, after measured.size_of)
    if on("measured.age") and is_age(ctx.text, span.start_char, span.end_char, base, old=False):
        return "age", "measured.age"
    # "The hokim is given 30 minutes for the report": a speaker's time in a session is of
    # what it is given for.
    if on("measured.speaking_time"):
        given_for = speaking_time(ctx.text, span.start_char, span.end_char, unit)
        if given_for is not None:
            return given_for, "measured.speaking_time"
    # A figure in a table flattened to text measures its row's label ("Gross domestic
    # product, bln tenge | 2022: 103 765,5" -> product).
    if on("measured.table_column"):
        cell = table_cell(ctx.text, span.start_char)
        column = column_header(ctx.text, cell) if cell is not None and cell.index > 0 else None
        if (
            column
            and not any(c.isdigit() for c in column)
            and names_a_place_or_total(cell.row_name())
            and (head := label_head(column.split(",")[0])) is not None
        ):
            # "City, district | new schools | places | cost, thousand somoni\nKhujand city |
            # 4 | 2 400 | 15 860,0": rows of places (or their total) under column heads are
            # figures of what each column heads
            return fold_word(head), "measured.table_column"
    # ("Economy | 19.07.2017 10:24 | Views: 2 117": a web page's rubric line is no table row,
    # its counter counts views)
    if on("measured.table_row") and base != "view":
        cell = table_cell(ctx.text, span.start_char)
        head = cell.head_word() if cell is not None else None
        if cell is not None and lexicon.kind_of(base) == "count":
            column = column_header(ctx.text, cell)
            if column is not None and fold_word(column) == base:
                # "Source of financing | schools | places": a column headed by the things
                # it counts measures them, whichever row (source, region) they are in
                return base, "measured.table_row"
        if head is None and (row := year_row(ctx.text, span.start_char)) is not None:
            head = label_head(row[0])  # "– investments in fixed capital, bln tenge: 2019 – ..."
        if head is None and (caption := caption_cell(ctx.text, span.start_char)) is not None:
            # "Financing of the programme, mln somoni:\n2017: ...", and a row's own label
            # under it ("Sowing by crop, thou. ha (sown / plan):\nWheat – 6 874,5 / ...")
            row = ctx.text[slice(*caption.row_label)] if caption.row_label else None
            head = (label_head(row.split(",")[0]) if row else None) or label_head(caption.label)
        if head is None and (item := item_unit(ctx.text, span.start_char)) is not None:
            head = label_head(item[0])  # "– coal, thousand tons: 6 284,3 (101,9)"
        titled = titled_cell(ctx.text, span.start_char)
        if titled is not None and (titled.label_is_place() or _NAME_LABEL.fullmatch(titled.label)):
            # "Table 2. Investments in fixed capital by region, billion soums" over rows of
            # regions, "Table 1. Electricity generation by the largest power plants" over
            # rows of plants: of what the title names
            title = titled.title[: titled.title.rfind(",")] if titled.unit else titled.title
            head = label_head(title) or head
        elif head is None and titled is not None:
            head = label_head(titled.label)  # "Gross regional product    71 244,5    68 390,1"
        if head:
            return fold_word(head), "measured.table_row"
    # A multiplier that is the verb itself ("Industrial output has tripled") measures the
    # verb's subject.
    if on("measured.multiplier_verb") and len(span) == 1 and span[0].pos_ in ("VERB", "AUX"):
        # "to double the revenue of the group": what it multiplies, else its subject
        obj = next((c for c in span[0].children if c.dep_ == "dobj"), None)
        owner = obj if _noun_ok(ctx, obj) else _subject(ctx, span[0])
        if _noun_ok(ctx, owner):
            return _phrase(ctx, owner), "measured.multiplier_verb"
    # Counted nouns: "65 thousand new jobs" measures jobs, "1 500 patients per month" patients.
    # "Natural increase: 26 907 people", "the natural decrease of the population amounted to
    # 3,4 thous. persons": people counted as a change of a population are that change
    if (
        on("measured.population_change")
        and base == "person"
        and (
            change := _POPULATION_CHANGE.search(
                ctx.text, max(0, span.start_char - 80), span.start_char
            )
        )
    ):
        return " ".join(change.group("change").lower().split()), "measured.population_change"
    # (a stretch of time counted in minutes or weeks is of what lasts: "the interval between
    # buses decreased to 9 minutes" is the interval)
    if (
        on("measured.counted_noun")
        and lexicon.kind_of(base) == "count"
        and base not in ("count", *_STRETCHES)
    ):
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
            obj = _of_object(head)
            if _noun_ok(ctx, obj):
                return _phrase(ctx, obj), "measured.classifier"
        if (
            on("measured.dash_label")
            and head is not None
            and head.lemma_.lower() in _CLASSIFIERS
            and (label := _dash_label(ctx, span)) is not None
        ):
            # "sheep and goats – 5.8 million heads": a classifier counts the list's label
            return _phrase(ctx, label), "measured.dash_label"
        if (
            on("measured.classifier_subject")
            and head is not None
            and head.lemma_.lower() in _CLASSIFIERS
            and (verb := _clause_verb(span)) is not None
            and verb.lemma_ in _COPULAR
        ):
            # "the number of cattle was 2 351 thousand heads": a classifier with no "of X"
            # counts what the copular subject names ("the number of" X: X).
            subj = _subject(ctx, verb)
            if subj is not None and subj.lemma_.lower() in ("number", "population", "herd"):
                obj = _of_object(subj)
                subj = obj if obj is not None else subj
            if _noun_ok(ctx, subj):
                return _phrase(ctx, subj), "measured.classifier_subject"
        if (
            on("measured.classifier_subject")
            and base == "person"
            and (verb := _clause_verb(span)) is not None
            and verb.lemma_ in _COPULAR
            and (subj := _subject(ctx, verb)) is not None
            and subj.lemma_.lower() in _PEOPLE_COUNTS
        ):
            # "the number of foreign tourists reached 2.3 million people": persons counted
            # are of what the subject numbers; "the population grew from 2 763,4 thousand
            # people", "the migration outflow was 7 458 people": of the subject
            obj = _of_object(subj)
            if subj.lemma_.lower() == "number" and _noun_ok(ctx, obj):
                return _phrase(ctx, obj), "measured.classifier_subject"
            if subj.lemma_.lower() != "number" and _noun_ok(ctx, subj):
                return _phrase(ctx, subj), "measured.classifier_subject"
        return (_phrase(ctx, head) if head is not None else base), "measured.counted_noun"
    # "655.8 trillion soums worth of industrial products", "$12 million worth of equipment":
    # what the money is worth of.
    worth = _WORTH_OF.match(ctx.text, span.end_char) if on("measured.worth_of") else None
    if worth is not None:
        of = doc.char_span(worth.end() - 2, worth.end())
        obj = next((c for c in of[0].children if c.dep_ == "pobj"), None) if of else None
        if obj is None and span.end + 2 < sent.end:
            # (the parser may hang the noun elsewhere: take the first noun after "of")
            obj = (
                next((t for t in doc[of.end : sent.end] if t.pos_ == "NOUN"), None) if of else None
            )
        if _noun_ok(ctx, obj):
            return _phrase(ctx, obj), "measured.worth_of"
    # "a 1GW wind power plant", "the 84 km section": the amount describes the noun it modifies.
    head = span.root.head
    if (
        on("measured.modified_noun")
        # ("a 42-kilometre second track": the parser may call a measure an nmod; a share
        # it calls one is a list's, "textile products 11,4% and food products 7,9%")
        and (
            span.root.dep_ in ("compound", "nummod", "amod")
            or (span.root.dep_ == "nmod" and base not in ("%", "x"))
        )
        and head.i >= span.end
        and head.pos_ == "NOUN"
        and head.i - span.end < 4
    ):
        if _noun_ok(ctx, head):
            return _phrase(ctx, head), "measured.modified_noun"
    # "access in cities reached 98%, in villages – 93.4 percent": a clause with its verb
    # and noun left out, only a place, time or cause before the dash, measures what the
    # amount before it in the sentence measures ("of rolled metal – 985 thousand tons"
    # names its own material: the dash label below).
    window_start = max(sent.start_char, span.start_char - 50)
    gapped_label = _GAPPED_LABEL.search(doc_text(doc)[window_start : span.start_char])
    if gapped_label and on("measured.gapped_label"):
        before = _previous_in_sentence(span, ctx.done)
        if before:
            return before, "measured.gapped_label"
    # "youth unemployment – 3,5%", "of rolled metal – 985 thousand tons": a list by dash.
    if on("measured.bracketed_plan"):
        planned = _bracketed_plan(ctx, span)
        if planned is not None:
            return planned, "measured.bracketed_plan"
    if on("measured.dash_label"):
        label = _dash_label(ctx, span)
        if label is not None:
            parallel = (
                _subject_parallel(ctx, span, label) if on("measured.label_is_subject") else None
            )
            if parallel is not None:
                return parallel, "measured.label_is_subject"
            return _phrase(ctx, label), "measured.dash_label"
    # "increase the output by 1.6 times, and export by 2.5 times": the elided verb's object.
    window = doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
    gapped = rx(
        r"(?i)(?:,\s*(?:and\s+)?|\band\s+)(?:the\s+)?(?:(?!(?:by|to|in|of|and|for|from|with|at|on|over|into|their|its|his|her|our)\b)"
        r"\p{Ll}[\p{L}-]*\s+){0,2}"
        r"([\p{L}-]+)\s+(?:by|to)\s+$"
    ).search(window)  # ", vegetables by 22.5%", ", primary aluminium output to 278,1 thsd. tons"
    if gapped and on("measured.gapped_coordination"):
        start = max(sent.start_char, span.start_char - 40) + gapped.start(1)
        left = doc.char_span(start, start + len(gapped.group(1)))
        if left is not None and _noun_ok(ctx, left[-1]):
            phrase = rx(r"(?i)^(?:and|or)\s+").sub("", _phrase(ctx, left[-1]))
            return phrase, "measured.gapped_coordination"
    # "Services made up 14,7% of all exports, food products 8,4% and chemical products
    # 6,2%": a share in a list of shares, after a noun of its own, is that noun's (a
    # place there is no part: "Khatlon 41%, Sughd 33%" keeps what the first measures).
    if on("measured.gapped_share") and unit == "%":
        part = _gapped_share_label(ctx, span)
        if part is not None:
            # (the phrase of a conjunct may take its "and": "and food products")
            return rx(r"(?i)^(?:and|or)\s+").sub("", _phrase(ctx, part)), "measured.gapped_share"
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
    apart = _of_after_apart_unit(ctx, span, unit, lexicon) if on("measured.apart_unit") else None
    if apart is not None:
        return _phrase(ctx, apart), "measured.apart_unit"
    # "the sector, which accounts for about 70% of the regional industry": the share of
    # the subject, not of what follows "of".
    head_verb = _clause_verb(span)
    if (
        on("measured.share_of_subject")
        and head_verb is not None
        and (
            head_verb.lemma_.lower() in ("account", "constitute", "comprise")
            # "Girls made up 48,6 percent of all pupils"
            or (
                head_verb.lemma_.lower() == "make"
                and any(c.dep_ == "prt" and c.lower_ == "up" for c in head_verb.children)
            )
        )
    ):
        # "beef accounted for 518 thousand tons, mutton for 179,4 thousand": a later item
        # with its verb left out is the share of its own label
        gap = _GAPPED_FOR.search(
            doc_text(doc), max(head_verb.idx, span.start_char - 80), span.start_char
        )
        if gap is not None:
            label = doc.char_span(gap.start("np"), gap.end("np"), alignment_mode="contract")
            if label is not None and _noun_ok(ctx, label.root):
                return _phrase(ctx, label.root), "measured.share_of_subject"
        subj = _subject(ctx, head_verb)
        if _noun_ok(ctx, subj):
            return _phrase(ctx, subj), "measured.share_of_subject"
    # "the Karaganda – Balkhash highway, 363km long", "canals more than 50 years old": the
    # size or age of the thing named before, or of the subject.
    if on("measured.size_of") and rx(
        r"(?i)" + WS_START + r"\s+(?:long|wide|deep|high|tall|old|in\s+length)\b"
    ).match(doc_text(doc)[span.end_char : span.end_char + 12]):
        owner = _apposed_owner(ctx, span)
        if owner is not None:
            if owner.pos_ == "PROPN":
                return owner.lower_, "measured.size_of"
            return _phrase(ctx, owner), "measured.size_of"
        verb = _clause_verb(span)
        subj = _subject(ctx, verb) if verb is not None and verb.lemma_ == "be" else None
        if subj is not None and not _noun_ok(ctx, subj):
            # "About 60% of the canals are ... 50 years old": the whole the share is of.
            of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if _noun_ok(ctx, subj) and not (span.start <= subj.i < span.end):
            return _phrase(ctx, subj), "measured.size_of"
        noun = _left_noun(ctx, doc, span.start, sent.start)
        if noun is not None:
            return _phrase(ctx, noun), "measured.size_of"
        left = next((t for t in reversed(list(doc[sent.start : span.start])) if t.is_alpha), None)
        named = _named_head(ctx, left)
        if named is not None:
            return named, "measured.size_of"
    # "It is 52 years old", "when I was 18 years old": the age of no thing named
    if on("measured.age") and is_age(ctx.text, span.start_char, span.end_char, base):
        return "age", "measured.age"
    if on("measured.area") and lexicon.kind_of(base) == "area":
        # "grain crops have been sown on 3.4 million hectares, oilseeds on 910 thousand
        # hectares": a gapped item's label is what the verb left out was done to
        gapped = _GAPPED_ON.search(
            doc_text(doc), max(sent.start_char, span.start_char - 60), span.start_char
        )
        label = (
            doc.char_span(gapped.start("label"), gapped.end("label"), alignment_mode="expand")
            if gapped is not None
            else None
        )
        if (
            label is not None
            # (a plural the tagger takes for a verb: "oilseeds on 910 thousand hectares")
            and (_noun_ok(ctx, label.root) or label.root.tag_ == "VBZ")
            and label.root.i not in ctx.amounts
        ):
            return _phrase(ctx, label.root), "measured.area"
    if on("measured.area") and lexicon.kind_of(base) == "area":
        crop = _crop_on_area(ctx, span)
        if crop is not None:
            return _phrase(ctx, crop), "measured.area"
    # "the krai had threshed 1,85 million hectares", "820 thousand hectares have not yet
    # been threshed": land a field work is done on is an area.
    if on("measured.area") and lexicon.kind_of(base) == "area":
        verb = _clause_verb(span)
        if (
            verb is not None
            and verb.lemma_.lower() in _LAND_VERBS
            and (
                span.root.dep_ in ("dobj", "nsubjpass")
                # ("512 thousand hectares have been sown": a passive's subject the parser
                # labels as an active one's)
                or (span.root.dep_ == "nsubj" and verb.tag_ == "VBN")
            )
            and verb.i in (span.root.head.i, span.root.head.head.i)
            and not rx(r"\s+of\b").match(doc_text(doc)[span.end_char : span.end_char + 5])
        ):
            return "area", "measured.area"
    # "threshed from 4,6 million hectares", "sowing on the remaining 4 200 ha": an area.
    if (
        on("measured.area")
        and lexicon.kind_of(base) == "area"
        and rx(r"(?i)\b(?:on|from|over|across)\s+(?:the\s+|an?\s+)?(?:[a-z]+\s+){0,2}$").search(
            doc_text(doc)[max(sent.start_char, span.start_char - 30) : span.start_char]
        )
        and not rx(r"\s+of\b").match(doc_text(doc)[span.end_char : span.end_char + 5])
    ):
        # "orchards were laid on 2 850 ha", "farmers dug potatoes from 397 ha": what the
        # passive clause's subject, or the active one's object, names was on that area.
        verb = _clause_verb(span)
        if verb is not None:
            for child in verb.children:
                if child.dep_ in ("nsubjpass", "dobj") and not (span.start <= child.i < span.end):
                    if (
                        _noun_ok(ctx, child)
                        and child.i not in ctx.amounts
                        and child.lower_ not in _LAND_WORK
                    ):
                        return _phrase(ctx, child), "measured.area"
            subject = _subject_before_passive(ctx, verb)
            if subject is not None:
                return _phrase(ctx, subject), "measured.area"
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
        and not doc_text(doc)[max(0, span.start_char - 3) : span.start_char].rstrip().endswith("(")
    ):
        # "the poverty line is 70% of the subsistence minimum": a share stated of the
        # subject; "70% of the industry" alone is of the industry, and so is a bracketed
        # "the largest investors were China (24,6 percent of FDI)".
        verb = _clause_verb(span)
        subj = _subject(ctx, verb) if verb is not None and verb.lemma_ == "be" else None
        if _noun_ok(ctx, subj) and not (span.start <= subj.i < span.end) and subj.i < span.start:
            if subj.lemma_.lower() not in _CONTAINERS:
                return _phrase(ctx, subj), "measured.share_stated_of_subject"
    if on("measured.of_noun") and nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is None or (obj.i in ctx.amounts and not _noun_ok(ctx, obj)):
            # "96.2% of urban and 88,4% of rural residents": the noun the coordinated
            # shares end on, past the other share
            obj = next(
                (
                    t
                    for t in doc[nxt.i + 1 : min(nxt.i + 9, sent.end)]
                    if t.pos_ == "NOUN"
                    and t.i not in ctx.amounts
                    or t.pos_ in ("VERB", "AUX")
                    or t.text in (",", ";", ":", "(")
                ),
                None,
            )
            if obj is not None and obj.pos_ != "NOUN":
                obj = None
        if _noun_ok(ctx, obj):
            return _phrase(ctx, obj), "measured.of_noun"
        named_head = _named_head(ctx, obj)
        if named_head is not None:
            return named_head, "measured.of_noun"  # "42km of the Bishkek – Kara-Balta highway"
    # "compensation for electricity costs, for which 540 million som is provided": money a
    # clause opened by "for which" allots is for the noun the clause hangs on; hung on a
    # verb ("we plan to repair 1 300 km of roads, for which 14,2 billion soms is provided"),
    # for the purposes named before.
    if on("measured.for_which") and lexicon.kind_of(base) == "currency":
        purpose = _for_which(ctx, span)
        if purpose is not None:
            return purpose, "measured.for_which"
    # "the reconstruction of the Leningradsky Bridge across the Irtysh, which cost 9.8 billion
    # rubles": money a relative clause says its noun costs is that noun's
    if on("measured.which_cost") and lexicon.kind_of(base) == "currency":
        noun = _which_cost(ctx, span)
        if noun is not None:
            return noun, "measured.which_cost"
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
        # ("$71.2 million in the same period of last year" says when)
        if (
            _noun_ok(ctx, obj)
            and obj.i <= nxt.i + 3
            and obj.i not in ctx.timed
            and obj.lemma_.lower() not in _NOT_MONEY_IN
        ):
            return _phrase(ctx, obj), "measured.money_in"
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
    if (
        price_unit
        and per in _UTILITY_UNITS
        and clause is not None
        and clause.lemma_.lower() in ("pay", "charge")
    ):
        # "households pay 0.70 som per kWh", "water users pay 1.2 tenge per cubic meter":
        # what one pays per unit of a utility is its tariff (not "the state pays 5 000
        # tenge per hectare", a subsidy)
        return "tariff", "measured.price"
    # "A kilometre of repair on a regional road cost on average 14,8 million rubles": what
    # one unit of a thing costs is of that thing (the parse often reads "cost" as a noun).
    if on("measured.unit_cost") and lexicon.kind_of(base) == "currency":
        noun = _unit_cost_of(ctx, doc, sent, span)
        if noun is not None:
            return _phrase(ctx, noun), "measured.unit_cost"
    # "the tariff is 1.37 som per kWh for consumption up to 700 kWh per month": a noun right
    # before "up to" names what the limit is of.
    up_to = _UP_TO_LABEL.search(
        doc_text(doc), max(sent.start_char, span.start_char - 40), span.start_char
    )
    if up_to and on("measured.up_to_label"):
        label = doc.char_span(up_to.start(1), up_to.end(1))
        if label is not None and _noun_ok(ctx, label[-1]) and label[-1].pos_ == "NOUN":
            return _phrase(ctx, label[-1]), "measured.up_to_label"
    # "products worth 600 billion tenge" (or "worth a total of"), "support in the amount
    # of 150 bln tenge",
    # "state support for KZT 96.4 billion", "zinc reserves of 6.5 million tons".
    before = doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
    m = re.search(
        r"(?i)\b(worth(?:\s+a\s+total\s+of|\s+in\s+total|\s+a\s+combined)?|valued\s+at|to\s+the\s+tune\s+of|in\s+the\s+amount\s+of|for\s+a\s+total\s+of|at\s+(?:the|a)\s+level\s+of|in\s+(?:the|a)\s+range\s+of|amounting\s+to|totall?ing|of|for|at)\s+(?:about\s+|some\s+|over\s+|more\s+than\s+|up\s+to\s+|nearly\s+|almost\s+|around\s+|approximately\s+|at\s+least\s+|(?:not|no)\s+(?:less|more)\s+than\s+|less\s+than\s+)?$",
        before,
    )
    if m and on("measured.amount_cue"):
        cue_start = doc.char_span(
            span.start_char - len(before) + m.start(), span.start_char, alignment_mode="expand"
        )
        if cue_start is not None:
            cue = cue_start[0]
            owner = _owner_of_amount_phrase(ctx, cue, m.group(1), doc, sent)
            if owner is not None:
                return _phrase(ctx, owner), "measured.amount_cue"
            act = load_nominalizations().get(cue.head.lemma_.lower())
            if act and cue.head.pos_ == "VERB" and rx(r"(?i)^for\s+a\s+total").match(m.group(1)):
                # "operators were fined for a total of 284 million tenge"
                return act, "measured.amount_cue"
            noun = _left_noun(ctx, doc, cue_start.start, sent.start)
            if (
                noun is not None
                and noun.lemma_.lower() in _CHANGE_NOUNS
                and noun.dep_ == "dobj"
                # ("showed GDP growth of", "set annual growth of": the phrase names it)
                and not any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in noun.children)
            ):
                # "Industrial output showed an increase of 3.9 percent": a change the
                # subject shows is a change of the subject
                subj = _subject(ctx, noun.head)
                if _noun_ok(ctx, subj) and subj.lemma_.lower() not in _CHANGE_NOUNS:
                    return _phrase(ctx, subj), "measured.amount_cue"
            if noun is not None:
                if rx(r"(?i)^(?:worth|valued|to\s+the\s+tune)").match(m.group(1)):
                    noun = _phrase_head(ctx, noun)  # what is worth it, not its modifier
                return _phrase(ctx, noun), "measured.amount_cue"
    if (
        on("measured.money_for")
        and nxt is not None
        and (
            nxt.lower_ == "for"
            # "112.7 billion soums were spent on irrigation works and 73.7 billion soums on
            # subsidies": money "on" a thing, after a verb of spending, pays for it
            or (
                nxt.lower_ == "on"
                and _SPENT_BEFORE.search(doc_text(doc), sent.start_char, span.start_char)
                is not None
            )
        )
        and lexicon.kind_of(base) == "currency"
        and not per
        and (
            span.root.dep_ not in ("nsubj", "nsubjpass", "dobj")  # the verb's purpose rules
            # "We have 1 billion som for roads", "460 million tenge for the works is
            # included": a verb that names no purpose leaves it to the "for" after the money
            or (
                nxt.head == span.root
                and clause is not None
                and clause.lemma_.lower() not in _PURPOSE_VERBS
            )
        )
    ):
        # "KGS 2.3 billion for roads", "and 1.2 billion for the construction of ...": what
        # the money pays for ("for each family", "for the year" say how much, or when).
        obj = _money_purpose(ctx, nxt)
        if obj is not None and not any(t.lower_ in _PER_WORDS for t in doc[nxt.i + 1 : obj.i]):
            return _phrase(ctx, obj), "measured.money_for"
    if (
        on("measured.money_to")
        and nxt is not None
        and nxt.lower_ == "to"
        and lexicon.kind_of(base) == "currency"
        and not per
        and _DISTRIBUTED.search(doc_text(doc)[sent.start_char : span.start_char])
    ):
        # "... went to the social sphere, including 6,04 billion to education, 2,33 billion
        # to healthcare": in a sentence that hands money out, money "to" a noun is for it.
        obj = _money_purpose(ctx, nxt)
        if (
            obj is not None
            and obj.i not in ctx.amounts
            and obj.lemma_.lower() not in ("budget", "fund", "account")  # whose, not for what
        ):
            return _phrase(ctx, obj), "measured.money_to"
    # "Of the 486 million som planned for both schools, ...", "the 4.6 billion som allocated
    # in 2021 to fight the pandemic": money a participle right after it allots is what the
    # participle allots it for, else the act ("Of the 67.9 billion tenge allocated" ->
    # allocation, "lent" -> loan).
    if on("measured.participle_purpose") and lexicon.kind_of(base) == "currency" and not per:
        allotted = _participle_purpose(ctx, span)
        if allotted is not None:
            return allotted, "measured.participle_purpose"
    # "households 31% and agricultural enterprises 5%", "mechanical engineering by 19,5%,
    # building materials by 8,1%": a clause with its verb left out, only a noun before the
    # amount, measures that noun.
    gapped = _gapped_noun(ctx, span) if on("measured.gapped_noun") else None
    if gapped is None and on("measured.gapped_noun"):
        gapped = _gapped_label_between(ctx, span)
    if gapped is not None:
        return _phrase(ctx, gapped), "measured.gapped_noun"
    verb = clause
    if verb is None:
        root = sent.root
        if (
            on("measured.copular_subject")
            and _AMOUNT_TO.search(
                doc_text(doc), max(sent.start_char, span.start_char - 30), span.start_char
            )
            and root.i < span.start
            and _noun_ok(ctx, root)
        ):
            # "Expenditures on education in the state budget for 2018 amount to 3 billion
            # somoni": the tagger read "amount" as a noun; the sentence's head is the subject
            return _phrase(ctx, root), "measured.copular_subject"
        return ("price", "measured.price") if price_unit else (None, None)
    if (
        on("measured.predicate_noun")
        and span.root.dep_ == "nsubj"
        and verb.lemma_ == "be"
        and (attr := next((c for c in verb.children if c.dep_ == "attr"), None)) is not None
        and attr.i > span.end
        and _noun_ok(ctx, attr)
        and attr.i not in ctx.amounts
        and attr.lemma_.lower() not in _CONTAINERS
    ):
        # "2.61 billion som are overpayments for works not done, and 0.97 billion is
        # misuse of funds": an amount that is the subject of "be" is what the noun after
        # it names
        return _phrase(ctx, attr), "measured.predicate_noun"
    if on("measured.subject_purpose") and span.root.dep_ in ("nsubj", "nsubjpass"):
        # "23 bn tenge was allocated for repair": the purpose; else the act itself.
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "to", "on", "into"):
                if child.lower_ == "to" and verb.lemma_.lower() in _DESTINATION_VERBS:
                    continue  # "was returned to the budget": where it went, not what for
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if _noun_ok(ctx, obj):
                    return _phrase(ctx, obj), "measured.subject_purpose"
                if (
                    obj is not None
                    and child.lower_ in ("on", "for")  # ("paid to them": to whom, not what for)
                    and on("measured.pronoun_purpose")
                    and (meant := _antecedent(ctx, span, obj)) is not None
                ):
                    return _phrase(ctx, meant), "measured.pronoun_purpose"
                if obj is None and (act := _gerund_purpose(ctx, child)) is not None:
                    return act, "measured.subject_purpose"
                if obj is not None and obj.lemma_.lower() == "purpose":
                    # resolved against what the text named before
                    return _THESE_PURPOSES, "measured.these_purposes"
        purpose = _purpose_of_source(ctx, verb) if on("measured.source_then_purpose") else None
        if purpose is not None:
            return _phrase(ctx, purpose), "measured.source_then_purpose"
        purpose = _purpose_after(ctx, verb, span)
        if purpose is not None:
            return _phrase(ctx, purpose), "measured.subject_purpose"
        if verb.lemma_.lower() in _PURPOSE_VERBS and (act := _infinitive_purpose(ctx, verb)):
            # "1.4 billion rubles is allocated to begin building the new hospital"
            return act, "measured.subject_purpose"
        act = load_nominalizations().get(verb.lemma_.lower()) if on("measured.verb_act") else None
        return act, ("measured.verb_act" if act else None)
    if (
        on("measured.object_purpose")
        and span.root.dep_ == "dobj"
        and verb.lemma_.lower() in _PURPOSE_VERBS
        # "received 14,6 billion rubles from the federal budget for ...": money received
        # from a source is of that source (measured.money_source)
        and not (
            verb.lemma_.lower() == "receive"
            and any(
                c.dep_ == "prep" and c.lower_ == "from"
                for c in (*verb.children, *span.root.children)
            )
        )
    ):
        # "TNK Kazchrome allocated KZT 11.8 billion for the construction of ...": the purpose.
        for head in (span.root, verb):
            for child in head.children:
                if (
                    child.dep_ in ("prep", "dative")
                    and (
                        child.lower_ in ("for", "on", "into")
                        # "allocate 96.5 billion tenge to roadside service" (not "invest ...
                        # in": an invested amount is an investment)
                        or (child.lower_ == "to" and verb.lemma_.lower() != "invest")
                    )
                    and child.i > span.root.i
                ):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if _noun_ok(ctx, obj):
                        return _phrase(ctx, obj), "measured.object_purpose"
                    if obj is None and (act := _gerund_purpose(ctx, child)) is not None:
                        return act, "measured.object_purpose"
        if (act := _infinitive_purpose(ctx, verb)) is not None:
            # "the state will allocate 210 billion tenge to modernise 1,500 villages"
            return act, "measured.object_purpose"
        # "For the repair of roads we allocated 6,8 billion tenge": the purpose put first
        fronted = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i),
            None,
        )
        obj = next((c for c in fronted.children if c.dep_ == "pobj"), None) if fronted else None
        if _noun_ok(ctx, obj) and obj.i not in ctx.timed:
            return _phrase(ctx, obj), "measured.object_purpose"
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
        if _noun_ok(ctx, obj):
            return _phrase(ctx, obj), "measured.change_object"
        if obj is None and prep.lower_ == "to":
            # "the average waiting time was reduced from 10-12 hours to 2 hours": what was
            # brought to the amount is the subject.
            subj = _subject(ctx, prep.head)
            if _noun_ok(ctx, subj) and subj.lower_ not in _POINTING:
                return _phrase(ctx, subj), "measured.change_object"
    # "raise the capacity of the plant from 1,200 to 1,440 MW", "unemployment fell from 5.9
    # to 4.8 percent": the ends of a change are of what the verb changes.
    if (
        on("measured.change_range")
        and verb.lemma_.lower() in _CHANGE_VERBS
        and rx(
            r"(?i)\bfrom\s+(?:about\s+|almost\s+|nearly\s+)?$"
            r"|\bfrom\s+\d[\d\s.,]*(?:%|percent|[\p{L}]+)?\s+to\s+(?:about\s+|almost\s+)?$"
        ).search(doc_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char])
    ):
        obj = next(
            (c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)),
            None,
        )
        owner = obj if obj is not None else _subject(ctx, verb)
        gapped = _gapped_change_owner(ctx, span, verb)
        if gapped is not None:
            # "GRP increased from 5,9 to 19,8 billion somoni, and the average monthly wage
            # from 362 to 1 046 somoni": a clause that repeats the change names its own
            owner = gapped
        if _noun_ok(ctx, owner) and owner.lower_ not in _POINTING:
            return _phrase(ctx, owner), "measured.change_range"
    # "X amounted to N", "X grew by N%", "increase X by 1.6 times", "invested $ N in Y".
    if on("measured.multiplied_object") and base == "x":
        obj = next(
            (c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)),
            None,
        )
        if _noun_ok(ctx, obj):
            return _phrase(ctx, obj), "measured.multiplied_object"
    if on("measured.comparative_noun"):
        after = doc_text(doc)[span.end_char : span.end_char + 40]
        if lexicon.kind_of(base) == "time" and _BEHIND.match(after):
            return "delay", "measured.comparative_noun"  # "14 months behind schedule"
        if base in ("%", "x"):
            if _CHEAPER.match(after):
                return "price", "measured.comparative_noun"  # "15-20 percent cheaper"
            if _MORE_LESS.match(after) and span.end + 1 < sent.end:
                noun = doc[span.end + 1]
                if noun.pos_ == "NOUN" and _noun_ok(ctx, noun):
                    # "consume 42% less electricity", "carry 15-20 percent less water"
                    phrase = rx(r"^(?:more|less|fewer)\s+").sub("", _phrase(ctx, noun))
                    return phrase, "measured.comparative_noun"
    if on("measured.money_as") and lexicon.kind_of(base) == "currency":
        form = _money_as(ctx, span)
        if form is not None:
            return _phrase(ctx, form), "measured.money_as"
    subj = _subject(ctx, verb)
    if on("measured.copular_subject") and (verb.lemma_ in _COPULAR or base in ("%", "x")):
        if _noun_ok(ctx, subj):
            return _phrase(ctx, subj), "measured.copular_subject"
    if (
        on("measured.subject_purpose")
        and lexicon.kind_of(base) == "currency"
        and span.start < verb.i
        and verb.lemma_.lower() != "invest"
    ):
        # "Over the three years 1,38 trillion tenge will be allocated for new hospitals"
        # (the parse hangs the money on "over"): money before its verb is what the verb
        # allocates, and it is for its purpose
        purpose = _purpose_after(ctx, verb, span)
        if purpose is not None:
            return _phrase(ctx, purpose), "measured.subject_purpose"
    ranked = _ranked_with(ctx, span, verb) if on("measured.ranked_with") else None
    if ranked is not None:
        return ranked, "measured.ranked_with"
    made = (
        _made_thing(ctx, span, verb)
        if on("measured.made_thing") and lexicon.kind_of(base) == "currency"
        else None
    )
    if made is not None:
        return _phrase(ctx, made), "measured.made_thing"
    grown = (
        _grown_by(ctx, subj)
        if on("measured.grower") and lexicon.kind_of(base) != "currency"
        else None
    )
    if grown is not None:
        # "Potato growers gathered 356 thousand tons", "Sugar beet growers harvested
        # 141,6 thousand tons": what growers or breeders of a thing yield is of that thing
        return _phrase(ctx, grown), "measured.grower"
    noun = load_nominalizations().get(verb.lemma_.lower()) if on("measured.verb_act") else None
    if noun:
        return noun, "measured.verb_act"
    if (
        on("measured.investors_money")
        and _noun_ok(ctx, subj)
        and subj.lemma_.lower() == "investor"
        and lexicon.kind_of(base) == "currency"
        and verb.lemma_.lower() in _INVESTING_VERBS
    ):
        # "Last year investors put 98,7 billion rubles into fixed capital": the money
        # investors put in is investment
        return "investment", "measured.investors_money"
    if on("measured.subject") and _noun_ok(ctx, subj):
        return _phrase(ctx, subj), "measured.subject"
    return None, None


# Who grows or breeds a thing, named by it: "potato growers", "cattle breeders"
_GROWERS = frozenset(("grower", "breeder", "producer", "farmer", "raiser"))


def _grown_by(ctx: FactContext, subject: Token | None) -> Token | None:
    """The thing a subject like "potato growers" grows: its compound, a noun."""
    if subject is None or subject.lemma_.lower() not in _GROWERS:
        return None
    grown = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return grown[-1] if grown and _noun_ok(ctx, grown[-1]) else None


# Money and the form it comes in: "$846 million will come as foreign direct investment and
# $192 million as loans", "paid 5 million as compensation" (not "as of", "as much as").
_AS_FORM = rx(
    r"(?i)\s+(?:(?:will\s+)?(?:come|comes|came|go|goes|went)\s+)?as\s+"
    r"(?!(?:of|much|many|well|a\s+result|part|planned|expected|before|usual|soon|long|far|"
    r"early|late|compared|against|in|for|to|on|with|at|from|the\s+(?:same|result|largest|"
    r"main|first))\b)"
)


def _money_as(ctx: FactContext, span: Span) -> Token | None:
    """The noun money comes "as" right after it, the form it takes, or None."""
    doc = span.doc
    found = _AS_FORM.match(ctx.text, span.end_char)
    if found is None:
        return None
    for t in doc[span.end : min(span.sent.end, span.end + 8)]:
        if t.idx < found.end():
            continue
        if t.pos_ in ("DET", "ADJ") or t.dep_ in ("amod", "compound", "det"):
            continue
        return t if t.pos_ == "NOUN" and _noun_ok(ctx, t) and t.i not in ctx.amounts else None
    return None


def _ranked_with(ctx: FactContext, span: Span, verb: Token) -> str | None:
    """What an amount "with" which something ranks is a figure of: the noun the ranking
    verb names ("Russia remained the main trading partner with $1.52 billion": partner),
    what it leads in ("the region leads in milk production with 612 thousand tons"), or,
    after "followed by", the amount before ("..., followed by Kazakhstan with $1.07
    billion")."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "with" or prep.head.i != verb.i:
        return None
    lemma = verb.lemma_.lower()
    if lemma in ("remain", "be", "become", "stay"):
        attr = next((c for c in verb.children if c.dep_ in ("attr", "oprd")), None)
        if _noun_ok(ctx, attr) and attr.i not in ctx.amounts:
            return _phrase(ctx, attr)
    elif lemma in ("lead", "rank", "top", "come"):
        where = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        obj = next((c for c in where.children if c.dep_ == "pobj"), None) if where else None
        if _noun_ok(ctx, obj) and obj.i not in ctx.amounts:
            return _phrase(ctx, obj)
    elif lemma == "follow":
        return _previous_in_sentence(span, ctx.done)
    return None


def _made_thing(ctx: FactContext, span: Span, verb: Token) -> Token | None:
    """What money paid "for" or "at" buys or builds: "the pipeline was built last year for
    2.7 billion tenge", "40 new buses bought for 31.6 million somoni", "a plant that the
    company will build for $148 million" measure the pipeline, the buses, the plant (not
    the act of building). The thing is the verb's object, else its passive subject, else
    the noun a participle or relative clause of the verb describes."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if (
        prep is None
        or prep.lower_ not in ("for", "at")
        or prep.head.i != verb.i
        or verb.lemma_.lower() not in _MAKING_VERBS
    ):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.i < span.start and child.tag_ != "WDT":
            return child if _noun_ok(ctx, child) and child.i not in ctx.amounts else None
    if (
        verb.dep_ in ("acl", "relcl")
        and verb.head.i < verb.i
        and _noun_ok(ctx, verb.head)
        # ("a school for 600 pupils, built for 148 million soms": not the pupils, a
        # counted noun that hangs on another noun; "40 new buses bought for ...": the buses)
        and not (verb.head.i in ctx.amounts and verb.head.dep_ == "pobj")
    ):
        return verb.head
    return None


_MAKING_VERBS = frozenset(_WORDS["making_verbs"])
_INVESTING_VERBS = frozenset(_WORDS["investing_verbs"])
# A table row's label that is a name: every word capitalised or a code ("Nurek HPP",
# "Sangtuda HPP-1", "Dushanbe CHP-2").
_NAME_LABEL = rx(r"(?:\p{Lu}[\p{L}\d.-]*(?:\s+|$))+")
# Nouns that stand for a figure already named when "this" or "that" points at them.
_FIGURE_WORDS = frozenset(_WORDS["figure_words"])
_WORTH_OF = rx(r"(?i)" + WS_START + r"\s++worth\s+of\b")
# Units a utility bills by: money per one of them is a tariff.
_UTILITY_UNITS = frozenset(("kWh", "MWh", "Gcal", "m3", "kW"))


# How far back an amount of a physical unit looks for what the last one of that unit was
# of, and the rules that name a material ("tons of coal", "2 860 head of cattle").
_MATERIAL_WINDOW = 600


# The work done on land, which names no crop of its own: "sowing was carried out on 1,2
# million hectares" is an area.
# A sentence that hands money out: "went to", "were directed to", "allocated to".
_DISTRIBUTED = rx(
    r"(?i)\b(?:went|go|goes|gone|directed|allocated|allocate|spent|sent|channell?ed|transferred"
    r"|distributed)\b"
)
_LAND_VERBS = frozenset(
    ("thresh", "sow", "harvest", "plant", "dig", "irrigate", "plough", "plow", "reap", "mow")
)
_GAPPED_ON = rx(
    r"[,;]\s*(?:and\s+)?(?P<label>\p{Ll}[\p{L}-]*(?:\s+and\s+\p{Ll}[\p{L}-]*)?)\s+on\s+"
    r"(?:about\s+|almost\s+|over\s+|another\s+)?$"
)
# Crops an area is sown with: the crop words of the harvest indicator, and "crop".
_CROPS = frozenset(_WORDS["crops"])


def _crop_on_area(ctx: FactContext, span: Span) -> Token | None:
    """The crop an area is sown with, named in the area's clause: "winter crops have died
    on 86 thousand hectares", "377,9 thousand hectares are to be sown with spring crops",
    "812.3 thsd hectares are under grain crops", "including grain crops on 3,905.4 thousand
    hectares"; None when the clause names no crop."""
    doc = span.doc
    root = span.root
    found: list[Token] = []
    # the preposition right before the amount ("grain crops on ..."): the noun before it
    if span.start >= 2 and doc[span.start - 1].lower_ in ("on", "from", "with"):
        found.append(doc[span.start - 2])
    verb = _clause_verb(span)
    # ("winter crops are to be sown on ...": the subject of the verb the sowing completes)
    above = verb.head if verb is not None and verb.dep_ == "xcomp" else None
    heads = [t for t in (verb, root, above) if t is not None]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not (
                span.start <= child.i < span.end
            ):
                found.append(child)
            if child.dep_ == "prep" and child.lower_ in ("with", "under"):
                found.extend(c for c in child.children if c.dep_ == "pobj")
    for token in found:
        low, high = sorted((token.i, span.start))
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.lemma_.lower() in _CROPS
            and token.i not in ctx.amounts
            # ("Cotton was sown on ...": a crop that opens the sentence is no name)
            and (_noun_ok(ctx, token) or (token.is_title and token.i not in ctx.named))
            # ("barley took 6 350 ha, potatoes 2 900 ha": not past another amount)
            and not any(i in ctx.amounts for i in range(low + 1, high))
        ):
            return token
    return None


_LAND_WORK = frozenset(("sowing", "harvesting", "threshing", "planting", "digging", "work"))
# The rules that read an amount's clause (its subject, verb or object), not the words
# around the amount itself; a base of a comparison overrides them.
_CLAUSE_RULES = frozenset(
    (
        None,
        "measured.subject",
        "measured.grower",
        "measured.copular_subject",
        "measured.verb_act",
        "measured.subject_purpose",
        "measured.object_purpose",
        "measured.change_object",
        "measured.same_as_before",
    )
)
# "Of the funds allocated, ...", "Of all the subsidies paid in 2021, ...": a sentence that
# opens on the whole its figures are parts of (a plural noun, no figure of its own)
_OPENING_WHOLE = rx(
    r"(?i)[\s\p{Pd}•]*+(?:of|out\s+of)\s+(?:all\s+)?(?:the|these|those)\s+"
    r"(?:[\p{L}-]+\s+){0,2}?(?P<noun>\p{Ll}[\p{L}-]*s)\b(?:\s+(?!(?:in|for|from|under)\b)\p{Ll}+\b)?"
    r"(?:\s+(?:in|for|from|under)\s+[^,;.]{1,40}?)?\s*+,\s*+(?:only\s+|about\s+|almost\s+)?$"
)
# The rules that find an amount's subject named in its clause ("X amounted to", "X was
# reduced to"): a share restating such an amount is of that subject.
_NAMED_SUBJECT_RULES = frozenset(("measured.copular_subject", "measured.change_object"))
_MATERIAL_RULES = frozenset(
    ("measured.of_noun", "measured.classifier", "measured.dash_label", "measured.same_unit_before")
)


_PURPOSE_VERBS = frozenset(_WORDS["purpose_verbs"])
# A change of a population named right before the people it counts (see
# measured.population_change)
_POPULATION_CHANGE = rx(
    r"(?i)\b(?P<change>(?:natural\s+|migration\s+|net\s+)?(?:increase|decrease|decline|growth"
    r"|loss|outflow|inflow|balance|gain))(?:\s+(?:of|in)\s+(?:the\s+)?population)?\s*+"
    r"(?::|-|–|amounted\s+to|was|were|reached|fell\s+to|rose\s+to|made|made\s+up|totall?ed|is)"
    r"\s*+(?:about\s+|almost\s+|over\s+|some\s+)?$"
)
# Counted units that are stretches of time, no things counted
_STRETCHES = ("minute", "second", "week")
# Verbs whose "to X" says where a thing went, not what it is for: "148,2 billion soums had
# been returned to the budget", "610 thousand tons have been delivered to the depots".
_DESTINATION_VERBS = frozenset(_WORDS["destination_verbs"])
# A phrase that names a rank, not a thing: "the largest source", "the main item".
_RANKED = rx(
    r"(?i)^(?:the\s+)?(?:largest|biggest|main|principal|major|chief|greatest|smallest|lowest"
    r"|highest|leading|top)\s+[\p{L}-]+$"
)
# A ranking's topic opening its sentence: "In industrial growth, the leaders are ...", "By
# the growth of gross output, the leaders are ..."
_RANKING_TOPIC = rx(
    r"(?i)\s*(?:in|by|for|as\s+for)\s+(?P<topic>(?:the\s+)?(?-i:[\p{Ll}-]+)"
    r"(?:\s+(?-i:[\p{Ll}-]+)){0,4}?)\s*,"
)
# A place's rank in a topic right before its figure: "is first in grain area with ", "came
# last in tax collection, with "
_PLACED_IN = rx(
    r"(?i)\b(?:first|second|third|fourth|fifth|last|leads?|led|lags?\s+behind|trails?)\s+in\s+"
    r"(?P<topic>(?:the\s+)?(?-i:[\p{Ll}-]+)(?:\s+(?-i:[\p{Ll}-]+)){0,3}?)\s*,?\s+with\s+"
    r"(?:about\s+|only\s+|just\s+|almost\s+)?$"
)
# Who stands where in a ranking, never what its figures are of
_RANK_HEADS = frozenset(("leader", "outsider", "laggard"))
_RANK_PHRASE = rx(
    r"(?i)^(?:the\s+)?(?:worst|best|lowest|highest|top|weakest|strongest)\s+"
    r"(?:figure|result|indicator|performer)s?$"
)
_NO_TOPIC = frozenset(
    ("this", "that", "these", "those", "general", "total", "addition", "particular", "turn",
     "short", "fact", "whole", "all", "our", "my", "their", "its", "his", "her", "other")
)  # fmt: skip


_PRESENTING_HEADS = frozenset(("picture", "situation", "breakdown", *_RANK_HEADS))


def _presents_only(measured: str) -> bool:
    """Whether a measured phrase only presents or ranks figures: "picture", "the leaders",
    "the largest objects", "the worst figures"."""
    head = measured.split()[-1].lower()
    return (
        head.rstrip("s") in _PRESENTING_HEADS
        or bool(_RANKED.match(measured))
        or bool(_RANK_PHRASE.match(measured))
    )


def _ranking_topic(ctx: FactContext, span: Span, measured: str | None) -> str | None:
    """What a ranking's figure is of: the topic its place is ranked in right before it
    ("first in grain area with 4,6 mln. ha"), or, for a figure the clause makes one of "the
    leaders", the topic opening its sentence ("In industrial growth, the leaders are ...");
    None when neither is there."""
    text = ctx.text
    sent_start = span.sent.start_char
    placed = _PLACED_IN.search(text, max(sent_start, span.start_char - 80), span.start_char)
    topic = placed["topic"] if placed else None
    if (
        topic is None
        and measured
        and (
            measured.split()[-1].lower().rstrip("s") in _RANK_HEADS or _RANK_PHRASE.match(measured)
        )
    ):
        opening = _RANKING_TOPIC.match(text, sent_start, span.start_char)
        topic = opening["topic"] if opening else None
    if topic is None:
        return None
    words = topic.split()
    if words[0].lower() == "the":
        words = words[1:]
    if not words or words[0].lower() in _NO_TOPIC:
        return None
    return " ".join(words)


# "the reconstruction of the X highway": a work whose "of" names the thing worked on
_WORKS_ON = frozenset(_WORDS["works_on_a_thing"])
_UP_TO_LABEL = rx(r"(?i)(?<![\p{L}-])([\p{L}-]+)\s+(?:of\s+)?up\s+to\s+$")
_GAPPED_LABEL = re.compile(
    r"(?i)(?:[,;]\s*(?:and\s+|while\s+|but\s+)?)(?:(?:in|for|against|among|at|on|from)\s+"
    r"(?:the\s+|a\s+|an\s+)?[\p{L}\d-]+(?:\s+[\p{L}\d-]+)?"
    r"|(?:this|last|next|that)\s+(?:year|month|quarter|season))\s+[–—-]\s+"
    r"(?:by\s+|to\s+)?(?:about\s+|almost\s+|nearly\s+|another\s+)?$"
)


_CHANGE_VERBS = frozenset(_WORDS["change_verbs"])


# "for each family", "for every hectare": an amount per item, not a purpose.
_PER_WORDS = frozenset(("each", "every", "one", "per", "a"))


_TIME_NOUNS = frozenset(("year", "month", "quarter", "period", "day", "week", "season", "half"))


_ONE_COSTS_ALONE = rx(
    r"(?i)\b(?:a|one|each|every)\s+(?:of\s+(?:the|these|those)\s+(?:[\p{L}\d-]+\s+){0,3}?)?"
    r"(?P<unit>[\p{L}]+)(?:\s+(?:of|in|on|at)\s+(?:the|this|that|its)\s+[\p{L}-]+)?"
    r"(?:\s+(?:now|only|still))?"
    r"\s+cost(?:s|ed)?(?:\s+(?:us|them|the\s+[\p{L}]+))?(?:\s+(?:on\s+average|about|around"
    r"|almost|over|some|nearly|approximately))*\s*$"
)


def _unit_cost_of(ctx: FactContext, doc: Doc, sent: Span, span: Span) -> Token | None:
    """The thing of "a <unit> of <thing> cost N": the last noun of the phrase before any
    preposition ("a kilogram of beef" -> beef, "one kilometre of repaired street" ->
    street, "a kilometre of repair on a regional road" -> repair)."""
    text = doc_text(doc)
    window = max(sent.start_char, span.start_char - 120)
    m = UNIT_COST_BEFORE.search(text, window, span.start_char)
    lexicon = load_lexicon()
    code = lexicon.code_of(m.group("unit").lower()) if m is not None else None
    if m is None or code is None:
        # "Each kilometre cost 98 million tenge", "each of the five small facilities cost
        # about 40 million", "each bed of the hospital now costs": what one unit alone, or
        # one of a counted thing, costs is of that one
        alone = _ONE_COSTS_ALONE.search(text, window, span.start_char)
        if alone is None:
            return None
        one = doc.char_span(alone.start("unit"), alone.end("unit"), alignment_mode="contract")
        return one[-1] if one is not None and one[-1].pos_ == "NOUN" else None
    if lexicon.kind_of(code) in (None, "currency"):
        return None
    thing = doc.char_span(m.start("thing"), m.end("thing"), alignment_mode="contract")
    if thing is None:
        return None
    noun = None
    for token in thing:
        if token.tag_ in ("IN", "TO") or token.lower_ in ("in", "on", "at", "for", "from"):
            break
        if token.tag_ in ("NN", "NNS") and _noun_ok(ctx, token):
            noun = token
    return noun


_SHARE_LIST_GAP = re.compile(
    r"(?i)(?:%|\bpercent|\bper\s+cent)(?:\s+of\s+[^,;%\d]{1,40}?)?(?:\s*\([^()]{0,60}\))?"
    r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)"
    r"(?P<np>(?:[\p{L}-]+\s+){0,7}?[\p{L}-]+)\s+(?:for\s+)?$"
)


def _gapped_share_label(ctx: FactContext, span: Span) -> Token | None:
    """The noun that labels a share in a list of shares: a phrase of nouns and adjectives
    alone between the share before and this one ("food products", "chemical products and
    articles thereof"), no clause ("today it is") and no place ("the districts of ...")."""
    doc = span.doc
    sent = span.sent
    m = _SHARE_LIST_GAP.search(
        ctx.text, max(sent.start_char, span.start_char - 90), span.start_char
    )
    if m is None:
        return None
    words = doc.char_span(m.start("np"), m.end("np"), alignment_mode="contract")
    if not words or (words[-1].pos_ != "NOUN" and words[-1].lower_ != "abroad"):
        return None
    if words[0].pos_ not in ("NOUN", "ADJ"):
        return None
    for t in words:
        # "money transfers from abroad", "income from the sale of agricultural products"
        if t.pos_ not in ("NOUN", "ADJ", "CCONJ", "ADP", "DET") and t.lower_ not in (
            "thereof",
            "abroad",
        ):
            return None
        if t.ent_type_ in ("GPE", "LOC", "NORP") or t.lemma_.lower() in _PLACE_NOUNS:
            return None
    if any(t.pos_ == "CCONJ" for t in words) and words[-1].tag_ == "NNS":
        # "information and communication services": the head the conjuncts share
        return words[-1] if _noun_ok(ctx, words[-1]) else None
    first = next(t for t in words if t.pos_ == "NOUN")
    head = first
    while head.i + 1 < words.end and doc[head.i + 1].pos_ == "NOUN":
        head = doc[head.i + 1]  # "food products" -> products
    return head if _noun_ok(ctx, head) else None


# Nouns of places that label a figure in a list ("the districts of republican subordination
# 69 percent") or give it in a gapped clause: no part of what it measures. (One set: a
# second, wider one written earlier in this module was shadowed by this one and is gone.)
_PLACE_NOUNS = frozenset(
    ("region", "district", "city", "town", "village", "oblast", "province", "area", "country")
)


def _apposed_owner(ctx: FactContext, span: Span) -> Token | None:
    """What a size set off by a comma describes: the whole noun phrase before the comma
    ("the new bridge across the Irtysh river near Ust-Ishim, 420 meters long": the
    bridge), through a work done on it ("the reconstruction of the X highway, 363km
    long": the highway) and past a phrase that only places it ("near Ust-Ishim")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    token = doc[span.start - 2]
    # "... near Ust-Ishim,": a name in a phrase that places the thing; it is before it
    name = token.ent_type_ in ("GPE", "LOC") or token.pos_ == "PROPN"
    while token.dep_ in ("compound", "nmod") and token.head.i > token.i:
        token = token.head
    if name and token.dep_ == "pobj" and token.head.lower_ != "of":
        prep = token.head
        if prep.dep_ != "prep" or prep.i < 1:
            return None
        token = doc[prep.i - 1]
    while token.dep_ in ("compound", "nmod", "amod") and token.head.i > token.i:
        token = token.head
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    while (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.head.pos_ in ("NOUN", "PROPN")
        and token.head.head.i < token.i
    ):
        token = token.head.head
    if token.lemma_.lower() in _WORKS_ON:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        token = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if (
        token is not None
        and token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ not in ("PERSON", "GPE", "LOC", "NORP")
    ):
        return token  # "the Northern Latitudinal Railway, 707 km long": its last word
    return token if _noun_ok(ctx, token) else None


def _phrase_head(ctx: FactContext, noun: Token) -> Token:
    """The noun a chain of prepositional phrases hangs on: "146 projects with foreign
    participation worth ...", "a plant for metal structures in the zone worth ..."; not
    through "of" or a container: "the launch of 34 projects worth ..." is of the projects)."""
    while (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ != "of"  # "the launch of 34 projects worth", "units of equipment"
        and noun.head.head.pos_ in ("NOUN", "PROPN")
        and noun.head.head.lemma_.lower() not in _CONTAINERS
        and _noun_ok(ctx, noun.head.head)
    ):
        noun = noun.head.head
    return noun


def _owner_of_amount_phrase(
    ctx: FactContext, cue: Token, words: str, doc: Doc, sent: Span
) -> Token | None:
    """Whose amount or level "in the amount of N" / "at the level of N" gives, when the
    phrase hangs on the verb.

    "Some 8,900 farmers used this support in the amount of ..." → the object; "Microcredits
    were issued to 17,3 thousand people in the amount of ..." → the subject, not the
    recipients; "the unemployment rate remains at the level of 4.7%" → the subject.
    """
    verb = cue.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(ctx, verb)
    if rx(r"(?i)^at\s").match(words):
        return subject if _noun_ok(ctx, subject) else None
    total = bool(rx(r"(?i)^for\s+a\s+total").match(words))
    if not (total or rx(r"(?i)^in\s+the\s+amount").match(words)):
        return None
    if total and load_nominalizations().get(verb.lemma_.lower()):
        # "operators were fined for a total of 284 million tenge": the fines.
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if _noun_ok(ctx, obj):
        return obj
    left = _left_noun(ctx, doc, cue.i, sent.start)
    recipient = left is not None and left.dep_ == "pobj" and left.head.lower_ == "to"
    if left is not None and not recipient:
        return None  # the noun right before: the general rule below takes it
    return subject if _noun_ok(ctx, subject) else None


_FOR_WHICH = rx(
    r"(?i)\bfor\s+which\s+(?:about\s+|only\s+|over\s+|almost\s+|nearly\s+|another\s+"
    r"|a\s+total\s+of\s+|more\s+than\s+)?$"
)


def _which_before(span: Span) -> Token | None:
    """The "which" among the few tokens right before the amount, if any."""
    doc = span.doc
    return next((t for t in doc[max(0, span.start - 6) : span.start] if t.lower_ == "which"), None)


def _hung_on(which: Token, stops: tuple[str, ...]) -> Token | None:
    """The word the relative clause of ``which`` hangs on: climb to the first head whose
    dependency is one of ``stops``; its head when that is a relative or adjectival clause,
    else None."""
    node = which
    while node.dep_ not in stops and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ in ("relcl", "acl") else None


def _for_which(ctx: FactContext, span: Span) -> str | None:
    """What money right after "for which" is for: the noun its relative clause hangs on,
    else (a clause hung on a verb or on nothing) the purposes named before."""
    found = _FOR_WHICH.search(ctx.text, max(0, span.start_char - 40), span.start_char)
    if found is None:
        return None
    which = _which_before(span)
    if which is None:
        return None
    head = _hung_on(which, ("relcl", "acl", "advcl"))
    while head is not None and head.i in ctx.amounts and head.dep_ == "pobj":
        head = head.head.head  # "a kindergarten for 240 places, for which ...": the kindergarten
    if head is not None and _noun_ok(ctx, head) and head.i not in ctx.amounts:
        return _phrase(ctx, head)
    return _THESE_PURPOSES


# ", which cost", ", which will cost about", ", which amounted to": a relative clause that
# puts a price on the noun before it
_WHICH_COST = rx(
    r"(?i),\s*which\s+(?:will\s+|would\s+|has\s+|had\s+)?(?:cost|costs|is\s+worth"
    r"|was\s+worth|amounted\s+to|amounts\s+to|totalled|totaled|totals)\s+(?:about\s+|over\s+"
    r"|almost\s+|nearly\s+|more\s+than\s+|some\s+|around\s+)?$"
)


def _which_cost(ctx: FactContext, span: Span) -> str | None:
    """What money right after ", which cost" (", which amounted to", ", which is worth")
    is the price of: the noun its relative clause hangs on, climbed out of the phrases
    after it ("the reconstruction of the Central Park of Culture, which cost" -> the
    reconstruction); None when the clause hangs on no noun."""
    if _WHICH_COST.search(ctx.text, max(0, span.start_char - 50), span.start_char) is None:
        return None
    which = _which_before(span)
    head = _hung_on(which, ("relcl", "acl")) if which is not None else None
    if head is None:
        return None
    while head.dep_ in ("pobj", "conj", "compound") and head.head.i != head.i:
        # out of "of the water supply", "across the Irtysh", "and sewerage" to the noun
        # they complete
        up = head.head.head if head.dep_ == "pobj" else head.head
        if up.pos_ not in ("NOUN", "PROPN") or up.i in ctx.amounts:
            break
        head = up
    if _noun_ok(ctx, head) and head.i not in ctx.amounts:
        return _phrase(ctx, head)
    return None


def _gerund_purpose(ctx: FactContext, prep: Token) -> str | None:
    """The purpose a gerund after "for" or "on" names: what it acts on ("for building the
    new hospital" -> the hospital), else the act ("for asphalting another 34 kilometres" ->
    asphalting); None when the preposition has no gerund."""
    gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    if gerund is None:
        return None
    obj = next((c for c in gerund.children if c.dep_ == "dobj"), None)
    if _noun_ok(ctx, obj) and obj.i not in ctx.amounts:
        return _phrase(ctx, obj)
    return gerund.lower_


def _infinitive_purpose(ctx: FactContext, verb: Token) -> str | None:
    """The purpose a "to" infinitive after a verb of allocating names: what the last verb
    of its chain acts on ("allocated to begin building the new hospital" -> the hospital),
    else the act of its first verb ("to modernise 1,500 of them" -> modernisation); None
    when there is none."""
    first = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "advcl")
            and c.i > verb.i
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if first is None:
        return None
    last = first
    while (nxt := next((c for c in last.children if c.dep_ == "xcomp"), None)) is not None:
        last = nxt
    obj = next((c for c in last.children if c.dep_ == "dobj"), None)
    if _noun_ok(ctx, obj) and obj.i not in ctx.amounts:
        return _phrase(ctx, obj)
    return load_nominalizations().get(first.lemma_.lower())


_ALLOTTING_PARTICIPLES = _PURPOSE_VERBS | frozenset(_WORDS["allotting_participles"])


def _participle_purpose(ctx: FactContext, span: Span) -> str | None:
    """What money is allotted for when a past participle right after it allots it ("the
    94.7 billion tenge allocated for the schools" -> school), else the act the participle
    names ("Of the 67.9 billion tenge allocated" -> allocation); None when no such
    participle follows or it names neither."""
    doc = span.doc
    if span.end >= span.sent.end:
        return None
    participle = doc[span.end]
    if (
        # (the tagger may read an allotting participle as a past tense: "pledged")
        not (participle.tag_ == "VBN" or (participle.tag_ == "VBD" and participle.dep_ == "acl"))
        or participle.head.i not in range(span.start, span.end)
        or participle.lemma_.lower() not in _ALLOTTING_PARTICIPLES
    ):
        return None
    for child in participle.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "on", "into"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if _noun_ok(ctx, obj) and obj.i not in ctx.amounts:
                return _phrase(ctx, obj)
            if obj is None and (act := _gerund_purpose(ctx, child)) is not None:
                return act
    act = _infinitive_purpose(ctx, participle)
    return act if act is not None else load_nominalizations().get(participle.lemma_.lower())


def _purpose_of_source(ctx: FactContext, verb: Token) -> Token | None:
    """ "1.36 billion som were paid from the republican budget for state benefits": the
    parse hangs a purpose that follows a source on the source's noun; it is the verb's
    own. Not a source named with its purpose ("from the Fund for the Development of
    Entrepreneurship")."""
    for source in verb.children:
        if source.dep_ != "prep" or source.lower_ != "from":
            continue
        noun = next((c for c in source.children if c.dep_ == "pobj"), None)
        if noun is None or noun.i in ctx.named:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "on"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.i not in ctx.named and _noun_ok(ctx, obj):
                    return obj
    return None


def _purpose_after(ctx: FactContext, verb: Token, span: Span) -> Token | None:
    """ "N was allocated from the budget for the reconstruction": what the money is for."""
    if verb.lemma_.lower() not in _PURPOSE_VERBS:
        return None
    for t in verb.doc[verb.i + 1 : min(span.sent.end, verb.i + 14)]:
        if t.lower_ in ("for", "on", "into") or (t.lower_ == "to" and t.dep_ == "prep"):
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if _noun_ok(ctx, obj):
                return obj
    return None


def _of_after_apart_unit(ctx: FactContext, span: Span, unit: str, lexicon) -> Token | None:
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
        noun = next((t for t in doc[target.start : target.start + 4] if _noun_ok(ctx, t)), None)
        return noun
    return None


def _named_head(ctx: FactContext, token: Token | None) -> str | None:
    """The lower-case type word that ends a name ("... highway", "... canal")."""
    if token is None or token.i not in ctx.named:
        return None
    doc = token.doc
    for t in doc[token.i : token.i + 8]:
        if t.text.islower() and t.pos_ == "NOUN" and load_lexicon().code_of(t.text) is None:
            return t.lemma_.lower()
        if t.is_punct and t.text not in ("–", "-"):
            return None
    return None


def _of_own_whole(span: Span) -> bool:
    """ "..., or 47.5% of all expenditures": the share names its own whole (not "of which")."""
    after = doc_text(span.doc)[span.end_char : span.end_char + 40]
    return bool(
        rx(r"\s+of\s+(?!which|them|these|those|it\b)").match(after)
    ) and not _EVALUATION_BASE.match(after)


_THESE_PURPOSES = "purposes"


_CLASSIFIERS = frozenset(_WORDS["classifiers"])


# ", an increase of 18,4%", ", a decrease of 3 percent": a change set beside an amount.
_APPOSED_CHANGE = re.compile(
    r"(?i),\s+(?:with\s+)?(?:an?\s+)?(?:\w+\s+)?(?:increase|growth|rise|decrease|decline|reduction|drop)"
    r"\s+(?:of|by)\s+(?:about\s+|almost\s+|nearly\s+)?$"
)


_CHANGE_NOUNS = frozenset(_WORDS["change_nouns"])


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


# "of which value added tax ", "including cotton yarn worth ", "of which projects worth ":
# a noun phrase after the cue of a part, right before its amount.
_PART_LABEL = rx(
    r"(?i)\b(?:of\s+which|including|among\s+them)\s*,?\s+(?P<np>(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)"
    r"\s+(?:worth\s+|at\s+|[–—]\s+)?(?:about\s+|some\s+|over\s+|almost\s+|nearly\s+)?$"
)


def _part_label(ctx: FactContext, span: Span, before: str) -> Token | None:
    """The common noun a part names between its cue and its amount, or None."""
    found = _PART_LABEL.search(before)
    if found is None:
        return None
    offset = span.start_char - len(before)
    label = span.doc.char_span(offset + found.start("np"), offset + found.end("np"))
    if label is None:
        return None
    head = label[-1]
    if head.pos_ != "NOUN" or not head.is_lower or head.lemma_.lower() in _NOT_PART_LABELS:
        return None
    return head if _noun_ok(ctx, head) else None


# Words after a part's cue that say how much or when, not what.
_NOT_PART_LABELS = frozenset(("amount", "sum", "total", "year", "month", "time", "volume"))


def _refer_back_measured(
    ctx: FactContext,
    span: Span,
    record: dict,
    lexicon,
    measured: str | None,
    earlier: str | None,
    rules: RuleSet,
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
    subject = None if pointing or verb is None else _subject(ctx, verb)
    if subject is not None and span.start <= subject.i < span.end:
        subject = None
    if on("measured.evaluation_base") and _EVALUATION_BASE.match(after):
        if _restates(span) or pointing or not _noun_ok(ctx, subject):
            return earlier or measured, "measured.evaluation_base"
        return _phrase(ctx, subject), "measured.evaluation_base"
    if lexicon.kind_of(base) == "count" or _of_own_whole(span):
        return measured, None  # "of which 160 km of roads", "among them 400 large families"
    before = _clause_before(span)
    if rx(r"(?<![\p{L}-])[\p{L}-]+\s+[–—-]\s+$").search(before):
        return measured, None  # "of which oil – 25.4 million tons": the dash names it
    if on("measured.part_of_whole") and _PART_OF_BEFORE.search(before):
        if verb is not None and verb.lemma_ == "be":
            attr = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
            if _noun_ok(ctx, attr) and not (span.start <= attr.i < span.end):
                # "Of these, 4.9 million tons is wheat"
                return _phrase(ctx, attr), "measured.part_of_whole"
        if (
            _noun_ok(ctx, subject)
            and subject.i not in ctx.amounts
            and (verb.lemma_ in _COPULAR or verb.lemma_ in ("occupy", "comprise"))
        ):
            # "Of these, the share of garments was 41%", "of which grain crops occupy
            # 298 thousand ha": the part the clause names
            return _phrase(ctx, subject), "measured.part_of_whole"
        label = _part_label(ctx, span, before)
        if label is not None:
            # "of which value added tax 14.8 billion som", "including cotton yarn worth
            # $1.1 billion": the part named between the cue and the amount
            return _phrase(ctx, label), "measured.part_of_whole"
        return earlier or measured, "measured.part_of_whole"
    if (
        on("measured.fold_change")
        and base == "x"
        and span.root.head.lemma_.lower() in _CHANGE_NOUNS
        and span.root.head.i >= span.end
    ):
        return earlier or measured, "measured.fold_change"  # "a 1.4-fold increase": of what grew
    if (
        on("measured.pronoun_object")
        and measured is None
        and verb is not None
        and span.root.dep_ == "pobj"
        and span.root.head.lower_ in ("to", "within", "below", "under")
        and any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children)
    ):
        # "Today the wear averages 57 percent; by 2029 we want to bring it down to 40
        # percent": what "it" is brought to is what was named before
        before_here = _previous_in_sentence(span, ctx.done)
        if before_here or earlier:
            return before_here or earlier, "measured.pronoun_object"
    if on("measured.this_figure") and verb is not None and measured in _FIGURE_WORDS:
        own = _own_subject(verb)
        if (
            own is not None
            and own.lemma_.lower() in _FIGURE_WORDS
            and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in own.children)
            and (
                before_here := _previous_of_unit(ctx, span, record.get("unit"))
                or _previous_in_sentence(span, ctx.done)
                or earlier
            )
        ):
            # "3.1 trillion soums of investments were disbursed, and this amount increased
            # by 82.7%", "Exports reached $1.2 billion. This figure is 12% higher ...": the
            # figure is the one just named
            return before_here, "measured.this_figure"
    if on("measured.pronoun_subject") and pointing and measured is None:
        if _previous_amount_in_sentence(ctx, span):
            return earlier, "measured.pronoun_subject"
        container = _container_before(ctx, span)
        if container is not None:
            return _phrase(ctx, container), "measured.pronoun_subject"
        return earlier, "measured.pronoun_subject"
    return measured, None
