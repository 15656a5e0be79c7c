"""The ``extractor_quantities`` component: amounts with value, unit and qualifier."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal

import regex as re
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..rules.indicators import fold_word
from ..rules.intervals import SpanIndex
from ..rules.lists import list_header_colon
from ..rules.numbers import SCALES, scale_of, to_number
from ..rules.quantex import (
    _PER_NOUN,
    ANOTHER_BEFORE,
    COUNTED_SYNONYMS,
    OF_PER,
    UNIT_COST_BEFORE,
    UNIT_PRICE_BEFORE,
    Candidate,
    corrects,
    denied_for,
    find_candidates,
    in_unit_of,
    per_code,
    singular,
)
from ..rules.questions import question_answered
from ..rules.rx import HSPACE, WS_START, rx
from ..rules.tables import (
    BRACKET_PLAN_LABEL,
    WIDE_GAP,
    bracket_percent,
    caption_cell,
    column_header,
    item_unit,
    label_head,
    percent_caption_row,
    percent_column,
    table_cell,
    titled_cell,
    year_row,
)
from ..rules.timex import COMPARED_TO
from ..rules.units import UnitLexicon, load_lexicon, rate_code
from ..rules.votes import is_vote_tally, voters
from ..schema import SPANS_QUANTITIES, SPANS_TIMES, add_span, make_record, register_extensions
from .context import doc_text, release_text, sentence_at, sentence_starts

# Words between a number and its counted noun ("65 thousand new jobs", "47 digitalization
# projects"): modifiers of the noun.
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "VERB", "ADV"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "advmod", "npadvmod", "nummod", "poss"}
# Nouns that follow a number without being counted by it.
_NOT_COUNTED = {
    "percent", "time", "times", "%", "thousand", "million", "billion", "trillion", "part",
    "point", "position", "rank", "no", "number",
    # fractions in words ("two thirds of spending", "a fifth") state a share, not a count
    "third", "fifth", "tenth", "half", "halves",
}  # fmt: skip
# "of which 55 thousand were permanent", "including 12 in rural areas": the unit of the
# amount just named.
# The words before a part that name its whole ("1 438 stations in 20 cities, including
# 512 in Almaty"), and, with contrasts and comparisons added, those before any figure set
# beside the one before it.
_PART_WORDS = (
    r"of\s+which|of\s+whom|of\s+them|of\s+these|including|among\s+them|among\s+whom|incl\."
    r"|in\s+particular"
)
_PARTITIVE_BEFORE = re.compile(
    r"(?i)\b(?:" + _PART_WORDS + r"|of\s+this\s+amount|of\s+this|whereas|while|and|"
    r"compared\s+to|compared\s+with|against|versus|vs\.?|from|instead\s+of|rather\s+than)"
    r"\s*(?:[\p{L}-]+\s+){0,3}$"
    # a correction: "15 thousand children in the queue, not 14 200"
    r"|,\s*not\s+(?:only\s+|just\s+|even\s+)?$"
)
_PART_OF_BEFORE = re.compile(r"(?i)\b(?:" + _PART_WORDS + r")\s*(?:[\p{L}-]+\s+){0,3}$")
# "from 14 to", "rose to", "reached": a bare number that ends a change of "the number of X"
# counts X.
_CHANGE_BEFORE = re.compile(
    # ("from 21,480 on January 1 to 18,520": a time may stand after the first value)
    r"(?i)(?:\bfrom\s++(?:[\d.,]++\s++)*+(?:(?:in|on|at|as\s+of)\s+[\p{L}\d ]{1,30}?\s+)?"
    r"(?:to\s+)?|\b(?:r(?:ose|isen|ise|ises)|increas\w*|gr(?:ew|own|ow|ows)|"
    r"reach\w*|exceed\w*|f(?:ell|allen|all|alls)|decreas\w*|dropp?\w*|declin\w*|amount\w*)"
    r"\s+(?:(?:almost|nearly|about|by\s+[\d.,]+\s*(?:%|percent))\s+)?(?:to\s+|by\s+)?"
    r"(?:(?:another|only|just|a\s+further)\s+)?"
    r"|\bnumber\s+of\s+(?:[\p{L}-]+\s+){1,4}to\s+)$"
)
_OPENING_PARTITIVE = re.compile(
    r"(?i)(?:of\s+(?:these|them|this\s+number|this\s+amount|which|whom)|among\s+them|including)"
    r"(?:\s*+,)?(?:\s++(?:only|just|about|almost|nearly|some|over))?"
)


# Nouns that hold an amount rather than count things: "Of the total volumes, ..."
def _with_unit_and_scale(cand: Candidate, unit: str, scale: Decimal) -> Candidate:
    """The bare number with the unit and scale a header or label gives it."""
    value = cand.value * scale if cand.value is not None and scale != 1 else cand.value
    return replace(cand, unit=unit, value=value)


_CONTAINER_NOUNS = frozenset(
    ("volume", "amount", "number", "share", "sum", "total", "cost", "level", "value", "rate")
)
_NAME_BRACKET_BEFORE = re.compile(r"\p{Lu}[\p{L}-]*(?:\s+\p{Ll}+)?\s*\(\s*$")
_BRACKET_CLOSE_AFTER = re.compile(r"\s*\)")
_OPENING_OF_NOUN = re.compile(
    r"(?i)of\s+(?:these|those|the|all)\s+(?:[\p{L}-]+\s+){0,2}?(?P<noun>[\p{L}-]{3,}s)\s*,"
    r"(?:\s*(?:only|just|about|some|over|almost|nearly))?"
)
# "Of those sent abroad,", "Of the employed,", "Of the participants,": a whole named by
# words alone, no number
_OPENING_OF_PHRASE = re.compile(
    r"(?i)of\s+(?:these|those|the|all)\s+\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,3}\s*,"
    r"(?:\s*(?:only|just|about|some|over|almost|nearly))?"
)
# Between a share and a bare figure that repeats it for another label: a separator, then
# the label with its preposition or dash, no figure and no verb of its own ("%, Aktobe
# region by ", " percent, gas - ", " percent, in rural areas about ")
_GAPPED_SHARE_BETWEEN = re.compile(
    r"(?i)\)?+[ \t]*+(?:[,;]|,?+[ \t]++and)[ \t]++(?:(?:in|for|at)[ \t]++)?+(?:the[ \t]++)?+"
    r"\p{L}[\p{L}'-]*+(?:[ \t]++\p{L}[\p{L}'-]*+){0,3}?(?:[ \t]++(?:by|to|at|of))?[ \t]*+"
    r"(?:[–—-]|:)?+[ \t]*+"
    r"(?:(?:about|around|almost|nearly|only|some|over|above|below|under)[ \t]++)?+"
)
# The largest a bare figure may be and still repeat a share (growth indices run past 100)
_SHARE_MAX = 1000
# How far back the count such a whole stands for may be
_OPENING_WHOLE_REACH = 400
_OF_WHOLE = re.compile(r"(?i)(?:but\s+|and\s+)?of(?:\s+the)?")
_AFTER_COMMA = re.compile(r",\s*(?:only|just|some|about|almost|nearly|over)?\s*$")
_MORE_AFTER = re.compile(r"\s+(?:more|fewer|less)\s+than\b")
_GAPPED_ITEM_BEFORE = re.compile(r"[,;:]\s*(?:and\s+)?$")
_LABEL_AFTER = re.compile(WS_START + r"\s+(?:in|on|for|at)\s+(?:the\s+)?\p{L}")
# Heads of rows that are sums or volumes, never things counted ("Exports, mln")
_NOT_THINGS = frozenset(
    "export import revenue investment income expenditure receipt sale saving deposit loan"
    " remittance transfer service good product payment asset liability fund tax arrear"
    " subsidy output shipment transaction earning profit cost expense resource".split()
)
# Units that say only that things are counted: a table row in them counts its head
_GENERIC_COUNTS = frozenset(("unit", "pcs", "piece", "item", "number"))
# "the remaining seven", "the other 44", "the first 12": a part named by its place among
# the things counted before it
_REST_BEFORE = re.compile(r"(?i)\b(?:the\s+)?(?:remaining|other|first|last)\s+$")
# "Since 2023,", "So far,", "By now,": a short opening phrase before a sentence's first
# figure
_OPENING_ADVERBIAL = re.compile(r"(?i)[\p{L}\d ]{1,30},")
# "by the end of the year we expect 264 more.": a number whose noun is left out after it,
# more of what its sentence counted
_MORE_OF_IT_AFTER = re.compile(
    r"(?i)" + WS_START + r"\s+more\b(?!\s+than)(?=\s*[.,;:)]|\s+(?:are|were|will|would|have|"
    r"has|had|to\s+be|should|must|in|by|this|next)\b)"
)
# what follows a number whose noun is left out: a verb or a stop, never a noun
_NO_NOUN_AFTER = re.compile(
    WS_START + r"(?:\s*[.,;:)]|\s+(?:are|were|is|was|will|would|have|has|had|remain|remained"
    r"|must|should|can|could|may|need|needs|went|go|concern|concerned|received|got)\b)"
)
_VERB_AFTER = re.compile(
    WS_START + r"\s+(?:are|were|have|had|will|remain|remained)\s+(?:still\s+|already\s+|now\s+)?"
    r"(?:been\s+|being\s+|be\s+)?\p{Ll}"
)
# What ends a list item's figure: a bracket, a separator or the line's end, not a word
# ("Almaty, city: 7 districts" counts districts).
_ITEM_FIGURE_END = re.compile(r"[ \t]*+(?:[(;,.–—]|$|\n)")
_PER_CAPITA = re.compile(r"(?i)\bper\s+(?:capita|person|head\s+of\s+population)\b")
_PARTITIVE_AFTER = re.compile(r"(?i)" + WS_START + r"\s+of\s+(?:them|which|these|those|whom)\b")
_MAX_NOUN_DISTANCE = 6
# "their number", "its number", "this figure" with no "of" after: a count named before
_THEIR_NUMBER = re.compile(r"(?i)\b(?:their|its|this|that)\s+(?:number|figure|total)\b(?!\s+of\b)")
_BRING_TO = re.compile(r"(?i)\bbring\w*\s+(?:[\p{L}]+\s+){1,3}to\s+(?:about\s+|almost\s+)?$")
_THERE_ARE_BEFORE = re.compile(
    r"(?i)\bthere\s+(?:are|were|is|was|will\s+be)\s+(?:now\s+|only\s+|still\s+|already\s+|about\s+"
    r"|almost\s+|over\s+|more\s+than\s+|just\s+)*$"
)
_GAPPED_TIME_BEFORE = re.compile(
    r"[,;]\s*(?:and\s+|while\s+|but\s+)?(?:(?:in|on|at|during|for|over)\s+)?"
    r"(?P<label>[^\s,;][^,;]{2,40}?)\s+$"
)
_COPULA_BEFORE = re.compile(
    r"(?i)\b(?:was|were|is|are|amounted\s+to|totall?ed|stood\s+at|made\s+up|came\s+to)\s+"
    r"(?:about\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+|only\s+|just\s+)?$"
)
_NOUN_AFTER = re.compile(WS_START + r"\s+(?:more\s+|new\s+)?[\p{Ll}]{3,}")
# A clause about "the number of X" before a bare amount: it counts, it is no money.
_NUMBER_OF_BEFORE = re.compile(r"(?i)\bnumber\s+of\b[^,;.:–—]*$")
# Between a bare number and the counted amount it joins: "11 and 14 models".
_JOIN = re.compile(WS_START + r"\s*(?:,|and|or|,\s*and|to|of\s+the)\s*")
# Between a counted amount and the bare number of its whole: "5 994 villages out of 6 520".
_OUT_OF_BEFORE = re.compile(r"(?i)\s*\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?$")


class QuantityRecognizer:
    """Find quantities: the number, its scale words and unit, with value and qualifier.

    Units next to the number come from the unit lexicon (quantulum3's catalogue joined
    with ours); what a bare number counts comes from the parse ("65 thousand new jobs"
    -> ``job``); a unit named away from its number is taken from the list it ends
    ("441.4, 316.7 and 124.7 billion tenge"), from the amount a partitive refers to ("of
    which 55 thousand"), or from a currency word that follows ("1.5 trillion have been
    attracted ... tenge of investments"). Numbers that count nothing are dropped.
    """

    def __init__(
        self, nlp: Language, name: str = "extractor_quantities", *, lookahead: int = 120
    ) -> None:
        register_extensions()
        self.name = name
        self.lookahead = lookahead
        self._lexicon: UnitLexicon | None = None

    @property
    def lexicon(self) -> UnitLexicon:
        """The unit lexicon, built on first use."""
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        times = (
            [(s.start_char, s.end_char) for s in doc.spans[SPANS_TIMES]]
            if SPANS_TIMES in doc.spans
            else []
        )
        starts = sentence_starts(doc)
        doc.spans[SPANS_QUANTITIES] = []
        kept: list[Candidate] = []
        unsettled: list[Candidate] = []
        candidates = find_candidates(text, self.lexicon)
        time_index = SpanIndex(times)
        money = self._money_by_sentence(candidates, starts)
        for cand in candidates:
            if time_index.overlaps(cand.start, cand.end):
                continue
            if cand.value == 100000 and _PER_BEFORE.search(
                text, max(0, cand.start - 6), cand.start
            ):
                continue  # the base of "deaths per 100 thousand population": no amount
            bare = cand.unit is None
            if cand.unit is None:
                cand = self._money_in_sentence(doc, cand, money, starts)
            if cand.unit is None:
                settled = self._settle_unit(doc, cand, kept, starts, time_index)
                if settled is None:
                    unsettled.append(cand)
                    continue
                cand = settled
            if bare:
                cand = self._rate_after_bare(text, cand)
            kept.append(cand)
        kept = sorted(kept + _inherit_counted(text, unsettled, kept), key=lambda c: c.start)
        kept = [_yield_rate(text, starts, c) for c in kept]
        kept = _per_capita(text, starts, self.lexicon, kept)
        kept = _per_thousand(text, self.lexicon, kept)
        kept = _rates_per_thousand_beside(text, starts, unsettled, kept)
        kept = _price_rates(starts, self.lexicon, kept)
        kept = _time_rates(text, self.lexicon, kept)
        kept = _rates_set_against(text, kept)
        kept = _unit_cost_rates(text, self.lexicon, kept)
        kept = _currency_rates(text, self.lexicon, kept)
        kept = _rates_shared_in_pairs(text, self.lexicon, kept)
        for cand in kept:
            record = make_record(
                "QUANTITY",
                text,
                cand.start,
                cand.end,
                value=None if cand.value is None else to_number(cand.value),
                low=None if cand.low is None else to_number(cand.low),
                high=None if cand.high is None else to_number(cand.high),
                unit=cand.unit,
                qualifier=cand.qualifier,
            )
            add_span(doc, SPANS_QUANTITIES, record)
        release_text(doc)
        return doc

    def _rate_after_bare(self, text: str, cand: Candidate) -> Candidate:
        """A bare amount whose unit its context gave is a rate when a span of time follows
        it: "the number of flights reached 420 a week", "we need about 100 billion a year",
        "accidents fell to 900 a year" (not "1 200 a year earlier")."""
        unit = cand.unit or ""
        if not unit or "/" in unit or unit in ("%", "x", "pp"):
            return cand
        if self.lexicon.kind_of(unit) in ("ratio", "time"):
            return cand
        per = self.lexicon.rate.match(text, cand.end)
        code = rate_code(self.lexicon, per.group()) if per else None
        if code not in _TIME_RATES:
            return cand
        return replace(cand, end=per.end(), unit=f"{unit}/{code}")

    def _money_by_sentence(
        self, candidates: list[Candidate], starts: list[int]
    ) -> dict[int, list[Candidate]]:
        """The candidates with a currency unit, by the index of their sentence."""
        out: dict[int, list[Candidate]] = {}
        for c in candidates:
            if c.unit and self.lexicon.kind_of(c.unit) == "currency":
                out.setdefault(bisect_right(starts, c.start) - 1, []).append(c)
        return out

    def _money_in_sentence(
        self, doc: Doc, cand: Candidate, money: dict[int, list[Candidate]], starts: list[int]
    ) -> Candidate:
        """ "pensions account for 6.1 trillion, healthcare – 2.9 trillion, education – 2.4
        trillion tenge": millions, billions and trillions with no unit are the money their
        sentence names (billions: or the sentence before names)."""
        if cand.scale is None or cand.scale < 10**6:
            return cand
        sentence = bisect_right(starts, cand.start) - 1
        units = {c.unit for c in money.get(sentence, ()) if c is not cand}
        if not units and cand.scale >= 10**9 and sentence > 0:
            # "The road fund amounted to 9,4 billion rubles. Of this, 3,1 billion came from
            # the federal budget": billions go on in the money of the sentence before
            units = {c.unit for c in money.get(sentence - 1, ())}
        elif (
            not units
            and sentence > 0
            and _BARE_END.match(doc_text(doc), cand.end)
            and self._subject_count(doc, cand) is None  # ("Tourists numbered 2.1 million.")
        ):
            # "The website showed 38 million rubles paid. You say 61.3 million.": millions
            # with nothing after them go on in money of their size the sentence before named
            units = {c.unit for c in money.get(sentence - 1, ()) if _of_a_size(cand.value, c.value)}
        if len(units) != 1:
            return cand
        if cand.scale < 10**9 and self._counted_noun(doc, cand) is not None:
            return cand  # "assigned to 1.1 million people for KZT 1,04 trillion"
        if _NUMBER_OF_BEFORE.search(doc_text(doc), max(0, cand.start - 80), cand.start):
            return cand  # "and the number of individual accounts exceeded 13.5 million"
        found = replace(cand, unit=units.pop())
        money.setdefault(sentence, []).append(found)  # the next bare billions go on in it
        return found

    def _settle_unit(
        self,
        doc: Doc,
        cand: Candidate,
        kept: list[Candidate],
        starts: list[int],
        times: SpanIndex | None = None,
    ) -> Candidate | None:
        text = doc_text(doc)
        in_table = self._table_cell(text, cand)
        if in_table is not None:
            return in_table
        counted = self._counted_noun(doc, cand)
        if counted is not None and times is not None and times.overlaps(cand.end, counted[0]):
            counted = None  # "reached 1 200 last year": a time's noun counts nothing
        if counted is not None:
            end, unit = counted
            if cand.value is not None and _POINT_GROUPS.fullmatch(text, cand.start, cand.core_end):
                # "58.600 new jobs", "312.400 citizens": things counted come whole, so a point
                # before three digits groups thousands, as some reprints write them
                cand = replace(cand, value=cand.value * 1000)
            per = _PER_NOUN.match(text, end) or self.lexicon.rate.match(text, end)
            # "36 pairs of trains a day": the rate after what is counted, outside the span
            outside = per is None and (per := OF_PER.match(text, end)) is not None
            if per:  # "1 500 patients per month", "16 high-speed trains a day"
                surface = per.group(1) if outside else per.group()
                rate = (
                    self.lexicon.rate_codes.get(surface.strip().lower())
                    or rate_code(self.lexicon, surface)
                    or per_code(self.lexicon, surface)
                )
                if rate:
                    return replace(cand, end=end if outside else per.end(), unit=f"{unit}/{rate}")
            return replace(cand, end=end, unit=unit)
        s_start, s_end = sentence_at(text, starts, cand.start)
        before = text[s_start : cand.start]
        # a scaled number ("another 196 million") is no share or multiplier of the one before
        previous = _last_with_unit(kept, s_start, skip_ratios=cand.scale is not None)
        partitive = _PARTITIVE_BEFORE.search(before[-40:]) or _PARTITIVE_AFTER.match(text, cand.end)
        # "..., and 9 of the 12 silos have been installed", "Nineteen of these projects":
        # the whole names its own number, or points with "these", and names its noun,
        # whatever the amount before it counted
        whole_noun = self._whole_noun(doc, cand, counted=True)
        if whole_noun is not None:
            return replace(cand, unit=whole_noun)
        if previous is not None and partitive:
            if (
                cand.scale is None
                and self.lexicon.kind_of(previous.unit) == "currency"
                and (whole := self._counted_between(kept, s_start, cand.start, last=True))
                is not None
            ):
                # "93 projects worth 61.7 bln tenge, 55 of them in the food industry": a
                # bare count's part is of the things counted, not of their worth
                return replace(cand, unit=whole.unit)
            # "14 schools for 9 600 places were built, 6 of them ...": "of them" after a
            # counted amount and its detail is a part of the first, what the clause counts
            if (
                _PARTITIVE_AFTER.match(text, cand.end)
                or ANOTHER_BEFORE.search(before[-30:])
                or (cand.scale is None and _PART_OF_BEFORE.search(before[-40:]))
            ):
                # "95 schools for 9,5 thousand places were installed, and another 60 are
                # planned": more of the first, not of its detail; "27 beaches with a total
                # length of 14.5 km, 9 of them in Aktau": a part of the things counted,
                # whatever unit their detail is in
                whole = _whole_of_part(text, kept, s_start, cand.start)
                if (
                    whole is not None
                    and self.lexicon.kind_of(whole.unit) == "count"
                    and (self.lexicon.kind_of(previous.unit) == "count" or whole is not previous)
                ):
                    return replace(cand, unit=whole.unit)
            if (
                self._money_scale_carries(cand, previous)
                and not _PARTITIVE_AFTER.match(text, cand.end)  # ("1,500 of them": things)
                and text[cand.start].isdigit()  # (not "the local one")
            ):
                # "Of the 67.9 billion tenge allocated, 66.1 was disbursed", "4,1 billion
                # tenge against 3,2 in 2022": money's scale goes with its currency
                return in_unit_of(cand, previous, "part")
            return replace(cand, unit=previous.unit)
        # "Kyzylorda region fulfilled it by 94,1 percent, Aktobe region by 96,8", "coal
        # accounts for 66,2 percent, gas - 20,4", "97,6 percent, in rural areas about
        # ninety-three": a bare figure labelled after a share in its sentence, with the
        # clause's verb left out, is a share of the same kind
        if (
            previous is not None
            and previous.unit == "%"
            and cand.scale is None
            and cand.value is not None
            and cand.value <= _SHARE_MAX
            and not cand.is_range
            and _GAPPED_SHARE_BETWEEN.fullmatch(text, previous.end, cand.start)
            and _BARE_END.match(text, cand.end)
        ):
            return replace(cand, unit="%")
        # "Eleven projects are in the processing industry, six in agriculture, four in
        # logistics": a list item with its verb and noun left out, labelled by a phrase,
        # counts what the list's first amount counts.
        # (and "17 hotels with 1,240 beds have opened: 9 in Dushanbe, 4 in Khujand": the
        # items after a colon count the things the clause counts, not their detail)
        if (
            previous is not None
            and cand.scale is None
            and self.lexicon.kind_of(previous.unit) == "count"
            and previous.unit not in ("%", "x")
            and _GAPPED_ITEM_BEFORE.search(before[-12:])
            and _LABEL_AFTER.match(text, cand.end)
        ):
            whole = _whole_of_part(text, kept, s_start, cand.start)
            return replace(cand, unit=(whole or previous).unit)
        # "Yesterday the service received 312 calls, and the day before yesterday 486": a
        # gapped item labelled by a time counts what the clause before counted
        gapped_time = (
            _GAPPED_TIME_BEFORE.search(text, max(s_start, cand.start - 60), cand.start)
            if times is not None
            else None
        )
        if (
            gapped_time is not None
            and previous is not None
            and cand.scale is None
            and self.lexicon.kind_of(previous.unit) == "count"
            and previous.unit not in ("%", "x")
            and _BARE_END.match(text, cand.end)
            and times.contains(gapped_time.start("label"), gapped_time.end("label"))
        ):
            return replace(cand, unit=previous.unit)
        # "Eleven projects are already in operation, three are still being built", "Of 531
        # budget programmes of 52 administrators, 47 were late": a bare number as the subject
        # of the next clause counts what the sentence's first count counted
        if (
            previous is not None
            and cand.scale is None
            and _GAPPED_ITEM_BEFORE.search(before[-12:])
            and _VERB_AFTER.match(text, cand.end)
        ):
            first = self._counted_between(kept, s_start, cand.start, last=False)
            if first is not None:
                return replace(cand, unit=first.unit)
        # "Of the 46 streets, 39 were repaired; the remaining seven were moved", "the first 12
        # will be installed before the end of December": a number after "the remaining",
        # "the other", "the first" or "the last" with its noun left out counts what the last
        # count of its sentence, or of the sentence before, counts
        if cand.scale is None and (
            (_REST_BEFORE.search(before[-24:]) and _NO_NOUN_AFTER.match(text, cand.end))
            or _MORE_OF_IT_AFTER.match(text, cand.end)
        ):
            earlier = bisect_right(starts, cand.start) - 2
            whole = self._counted_between(kept, s_start, cand.start, last=True) or (
                self._counted_between(kept, starts[earlier], s_start, last=True)
                if earlier >= 0
                else None
            )
            if whole is not None:
                return replace(cand, unit=whole.unit)
        # "... 20 hospitals by 2025. Three of them ...", "... 812 thousand TEU were carried.
        # Of these, 296 thousand are transit": a sentence that opens with a part refers to
        # an amount of the sentence before.
        if previous is None and (
            _OPENING_PARTITIVE.fullmatch(before.strip())
            or (
                # ("Since 2023, 412 of them have been commissioned": after an opening time
                # or adverb and its comma)
                (not before.strip() or _OPENING_ADVERBIAL.fullmatch(before.strip()))
                and _PARTITIVE_AFTER.match(text, cand.end)
            )
        ):
            earlier = bisect_right(starts, cand.start) - 2
            if earlier >= 0:
                # the sentence's first amount: its subject more often than a detail of it
                # ("20 hospitals with 7 310 beds. Three of them"); a part with no scale is
                # of things counted, not of money ("a grant of USD 30 million for 30
                # schools. Five of them")
                whole = (
                    self._counted_between(kept, starts[earlier], s_start, last=False)
                    if cand.scale is None
                    else None
                ) or _first_with_unit(kept, starts[earlier], s_start, counts_only=True)
                if whole is not None:
                    return replace(cand, unit=whole.unit)
        # "Of these enterprises, 71 are in Sughd region": a part of a plural noun the
        # sentence opens with counts that noun.
        if previous is None and cand.scale is None:
            lead = len(before) - len(before.lstrip())
            opening = _OPENING_OF_NOUN.fullmatch(before.strip())
            word = (
                doc.char_span(
                    s_start + lead + opening.start("noun"), s_start + lead + opening.end("noun")
                )
                if opening
                else None
            )
            noun = (word[0].lemma_ or singular(word[0].lower_)).lower() if word else None
            if (counted := self._count_unit(noun)) is not None:
                return replace(cand, unit=counted)
        # "Of those sent abroad, 1 840 went to Russia", "Of the employed, 6 128 were girls":
        # a part of a whole the sentence opens with, named by no countable noun, counts what
        # the last count before it in its paragraph counted
        if previous is None and _OPENING_OF_PHRASE.fullmatch(before.strip()):
            back = max(0, s_start - _OPENING_WHOLE_REACH)
            paragraph = text.rfind("\n\n", back, s_start)
            whole = _last_count(self.lexicon, kept, max(back, paragraph), s_start)
            if whole is not None and (cand.scale is None or whole.scale is not None):
                return replace(cand, unit=whole.unit)
        # "Three quarters of the three-shift schools are in the south: Turkestan region has
        # 41 of them": "of them" with no amount before it counts the plural noun it stands
        # for, the last one named before it in its sentence.
        if (
            previous is None
            and cand.scale is None
            and _PARTITIVE_AFTER.match(text, cand.end)
            and doc.has_annotation("TAG")
        ):
            span = doc.char_span(s_start, cand.start, alignment_mode="contract")
            noun = next(
                (
                    (t.lemma_ or singular(t.lower_)).lower()
                    for t in reversed(list(span or []))
                    if t.tag_ == "NNS"
                ),
                None,
            )
            if (counted := self._count_unit(noun)) is not None:
                return replace(cand, unit=counted)
        # "The highest yields were in Chishminsky district (36.8 centners per hectare),
        # Davlekanovsky district (34.1) and ...": a bare number in brackets after a name,
        # in a series of such brackets the first of which has a unit, is in that unit (and
        # its scale, when of its size: "Almaty (412 thousand tenge), Astana (398.5)")
        if (
            cand.scale is None
            and _NAME_BRACKET_BEFORE.search(before[-60:])
            and _BRACKET_CLOSE_AFTER.match(text, cand.end)
        ):
            series = next(
                (
                    k
                    for k in kept
                    if s_start <= k.start < cand.start
                    and k.unit
                    and _NAME_BRACKET_BEFORE.search(text[max(s_start, k.start - 60) : k.start])
                    and _BRACKET_CLOSE_AFTER.match(text, k.end)
                ),
                None,
            )
            if series is not None:
                if series.scale is None or _comparable(cand, series):
                    return in_unit_of(cand, series, "bracket series")
                return replace(cand, unit=series.unit)
        # "Most of the new enterprises were registered in Tashkent city (231) and Samarkand
        # region (58)": a bare count in brackets after a name counts the plural noun the
        # sentence is about.
        if (
            cand.scale is None
            and _NAME_BRACKET_BEFORE.search(before[-60:])
            and _BRACKET_CLOSE_AFTER.match(text, cand.end)
            and doc.has_annotation("TAG")
        ):
            span = doc.char_span(s_start, cand.start, alignment_mode="contract")
            noun = next(
                (
                    t for t in (span or [])
                    if t.tag_ == "NNS"
                    and t.lemma_.lower() not in _NOT_COUNTED
                    and t.lemma_.lower() not in _TIME_WORDS
                    and t.lemma_.lower() not in _CONTAINER_NOUNS
                    and self.lexicon.kind_of(t.lemma_.lower()) == "count"
                ),
                None,
            )  # fmt: skip
            if noun is not None:
                return replace(cand, unit=_normalise_counted(noun.lemma_.lower()))
        # "Of 312 projects due in 2021, only 238 were ...": the part counts what the whole
        # the sentence opens with counts.
        whole = _first_with_unit(kept, s_start, cand.start)
        if whole is not None and not _OF_WHOLE.fullmatch(text[s_start : whole.start].strip()):
            whole = None
        if whole is not None and _AFTER_COMMA.search(before):
            if self._money_scale_carries(cand, whole):
                # "Of the 67.9 billion tenge allocated, 66.1 was disbursed"
                return in_unit_of(cand, whole, "part")
            return replace(cand, unit=whole.unit)
        # "5.8 per 1,000 live births (6.4 in 2021)": a bare number in brackets with its
        # own time is the same measure at another time.
        if (
            previous is not None
            and _BRACKET_BEFORE.fullmatch(text[previous.end : cand.start])
            and _BRACKET_TIME_AFTER.match(text, cand.end)
        ):
            return replace(cand, unit=previous.unit)
        # "13,4 centners per hectare (plan – 12,0)", "4,2 billion dollars (in 2014 – 3,9)":
        # a bare number a bracket after an amount labels as its plan or another year's
        if (
            previous is not None
            and _BRACKET_LABEL_BEFORE.fullmatch(text, previous.end, cand.start)
            and (previous.scale is None or _comparable(cand, previous))
        ):
            return in_unit_of(cand, previous, "bracket")
        # "– investments in fixed capital, billion tenge: 2019 – 296,1; 2025 – 452,0": a
        # line of year-labelled figures after a label that ends on its unit
        titled = titled_cell(text, cand.start)
        if titled is not None:
            # "Table 2. Investments in fixed capital by region in 2018, billion soums" over
            # rows whose cells stand apart by tabs or runs of spaces (a report copied out of
            # its PDF): a column headed in percent holds shares or indices, the others take
            # the title's unit
            column = text[slice(*titled.header)] if titled.header else ""
            if "%" in column or (titled.unit and "%" in titled.unit):
                return replace(cand, unit="%")
            unit_scale = self._unit_phrase(titled.unit) if titled.unit else None
            if unit_scale is not None:
                return _with_unit_and_scale(cand, *unit_scale)
        caption = caption_cell(text, cand.start)
        if caption is not None and caption.in_percent(text):
            return replace(cand, unit="%")  # "(sown / plan / % of plan)": a column of shares
        if caption is not None:
            # "Financing of the programme, million somoni (plan / actual):\n2017: 214,0 /
            # 188,6": rows of figures under a caption that names their unit; a caption's
            # bare scale counts what its label names ("Passengers carried, million:")
            unit_scale = self._unit_phrase(caption.unit)
            if unit_scale is None and fold_word(caption.unit) in SCALES:
                head = label_head(caption.label)
                unit_scale = (
                    (_normalise_counted(fold_word(head)), scale_of(caption.unit)) if head else None
                )
            if unit_scale is not None and unit_scale[1] is not None:
                unit, scale = unit_scale
                return _with_unit_and_scale(cand, unit, scale)
        row = year_row(text, cand.start)
        if row is not None:
            unit_scale = self._unit_phrase(row[1])
            if unit_scale is not None:
                unit, scale = unit_scale
                if _PER_CAPITA.search(row[0]) and self.lexicon.kind_of(unit) == "currency":
                    unit = f"{unit}/person"  # "gross regional product per capita, thousand tenge"
                return _with_unit_and_scale(cand, unit, scale)
        # "the following districts (in %): Chust – 11,8; Pap – 11,2": a list under a header
        # that names its unit in brackets.
        # (the parser may end a sentence at a list's semicolon: look back to the header
        # through the paragraph's items, not past a full stop)
        window = text[max(0, cand.start - 300) : cand.start]
        stop = max(window.rfind("\n"), *(m.end() for m in _FULL_STOP.finditer(window)), 0)
        header = _LIST_HEADER.search(window, stop)
        if header and _DASH_ITEM.search(before[-40:]):
            unit_scale = self._unit_phrase(header.group(1).strip())
            if unit_scale is not None:
                unit, scale = unit_scale
                return _with_unit_and_scale(cand, unit, scale)
        if cand.scale is None and percent_caption_row(text, cand.start, cand.end):
            # "(January-August 2018 in % to January-August 2017)\nMining and quarrying –
            # 106.9": rows under a caption that makes them percentages of a base
            return replace(cand, unit="%")
        if _DASH_ITEM.search(text[max(0, cand.start - 40) : cand.start]):
            listed = self._list_header_unit(text, cand, kept)
            if listed is not None:
                unit, scale = listed
                return (
                    _with_unit_and_scale(cand, unit, scale) if scale else replace(cand, unit=unit)
                )
        # "We vote: for – 22, against – none, abstained – 2": a tally of a vote counts
        # the members who vote (deputies, unless the text names senators or members).
        if cand.scale is None and is_vote_tally(text, cand.start, cand.end):
            return replace(cand, unit=voters(text, cand.start))
        # "18.09.2019, 10:37 | Views: 2 417", "👁 18.4K": a web page's counter of its readers
        if _VIEWS_BEFORE.search(text, max(0, cand.start - 12), cand.start):
            return replace(cand, unit="view")
        # "How many people went to Kenderli this year? – Around 95 thousand.": a bare
        # figure in the first sentence of an answer counts what its question asks about.
        asked = question_answered(text, cand.start)
        if asked is not None and asked.kind == "count" and doc.has_annotation("TAG"):
            words = doc.char_span(asked.noun_start, asked.noun_end, alignment_mode="expand")
            noun = next((t for t in (words or []) if t.tag_ == "NNS"), None)
            lemma = noun.lemma_.lower() if noun is not None else None
            if (
                lemma
                and lemma not in _NOT_COUNTED
                and lemma not in _TIME_WORDS
                and lemma not in _CONTAINER_NOUNS
                and self.lexicon.kind_of(lemma) == "count"
            ):
                return replace(cand, unit=_normalise_counted(lemma))
        # "11,200 children studied in the second shift; today there are 7,400": "there are N"
        # with no noun of its own counts what the sentence counted before.
        if (
            previous is not None
            and self.lexicon.kind_of(previous.unit) == "count"
            and previous.unit not in ("%", "x")
            and _THERE_ARE_BEFORE.search(before[-30:])
            and not _NOUN_AFTER.match(text, cand.end)
        ):
            return replace(cand, unit=previous.unit)
        # "38 state audits, 9 more than in 2020": a difference counts what it compares.
        if previous is not None and _MORE_AFTER.match(text, cand.end):
            return replace(cand, unit=previous.unit)
        in_change = bool(_CHANGE_BEFORE.search(before[-40:]))
        # "7 new residents began production, bringing their number to 31", "Their number
        # has grown by only 140": a change of "their number" counts what was counted last
        if _THEIR_NUMBER.search(before) and (in_change or _BRING_TO.search(before[-60:])):
            earlier = bisect_right(starts, cand.start) - 2
            last = _last_with_unit(kept, starts[max(earlier, 0)], skip_ratios=True)
            if last is not None and self.lexicon.kind_of(last.unit) == "count":
                return replace(cand, unit=last.unit)
        # "The number of registered marriages was 11 236": a bare number its clause's
        # "number of X" is, or becomes, counts X
        noun = (
            self._subject_count(doc, cand, number_of_only=cand.scale is None)
            # (billions count no things a clause names: "Financial violations are almost 8
            # billion" is money)
            if (cand.scale is not None and cand.scale < 10**9)
            or (cand.scale is None and (in_change or _COPULA_BEFORE.search(before[-40:])))
            else None
        )
        if noun:
            return replace(cand, unit=noun)
        if cand.scale is not None:
            apart = self._currency_after(text, cand.end, s_end)
            if apart:
                return replace(cand, unit=apart)
            if previous is not None and previous.scale is not None:
                return replace(cand, unit=previous.unit)
        whole_noun = self._whole_noun(doc, cand)
        if whole_noun is not None:
            return replace(cand, unit=whole_noun)
        # "Unemployment in November was 4.8 percent. In 2009, after the crisis, it was
        # 7.1", "In 1989 there were 120 km of networks; today it has 296": a bare number
        # with a pronoun or "there" for its subject and a time of its own is the measure
        # just named, at another time (a share only up to 100)
        if (
            _AT_ANOTHER_TIME_BEFORE.search(before[-60:])
            and _BARE_END.match(text, cand.end)
            and (
                (times is not None and times.overlaps(s_start, cand.start))
                or _NOW_BEFORE.search(before)
            )
        ):
            since = starts[max(bisect_right(starts, cand.start) - 2, 0)]
            big = cand.value is not None and cand.scale is None and cand.value > 100
            donor = _last_with_unit(kept, since, skip_ratios=big or cand.scale is not None)
            if donor is not None and donor.unit != "x" and not donor.is_range:
                return in_unit_of(cand, donor, "another time")
        return None

    def _money_scale_carries(self, cand: Candidate, donor: Candidate) -> bool:
        """A bare number that takes the currency of a scaled amount takes its scale too
        when it is of that amount's size ("66.1" of "67.9 billion tenge")."""
        return (
            cand.scale is None
            and donor.scale is not None
            and self.lexicon.kind_of(donor.unit) == "currency"
            and _comparable(cand, donor)
        )

    def _counted_between(
        self, kept: list[Candidate], start: int, end: int, *, last: bool
    ) -> Candidate | None:
        """The last (or first) amount kept between ``start`` and ``end`` that counts things
        (a counted unit, not % or a multiple), or None."""
        found = (
            k
            for k in (reversed(kept) if last else kept)
            if start <= k.start < end
            and k.unit
            and self.lexicon.kind_of(k.unit) == "count"
            and k.unit not in ("%", "x")
        )
        return next(found, None)

    def _whole_noun(self, doc: Doc, cand: Candidate, counted: bool = False) -> str | None:
        """ "Two of the projects are ...", "1 441 of 1 486 boilers", "19 out of 54": a part
        counts the plural noun heading the whole it is taken from; None without one (with
        ``counted``, None unless the whole has a number of its own, "of the 12 silos", or
        is pointed to, "of these vacancies")."""
        text = doc_text(doc)
        of_whole = _OF_THE_WHOLE.match(text, cand.end) if cand.scale is None else None
        if of_whole is None or not doc.has_annotation("TAG"):
            return None
        if counted and not of_whole["count"] and not _DEMONSTRATIVE_OF.match(text, cand.end):
            return None
        word = _whole_head(doc, of_whole.start("noun"))
        if word is None:
            return None
        noun = (word.lemma_ or singular(word.lower_)).lower()
        if (
            noun in _NOT_COUNTED
            or noun in _TIME_WORDS
            or noun == "one"
            or self.lexicon.kind_of(noun) != "count"
        ):
            return None
        return _normalise_counted(noun)

    def _table_cell(self, text: str, cand: Candidate) -> Candidate | None:
        """A bare number in a cell of a table flattened to text takes the unit its row's
        label gives after a comma, scale words included ("Gross domestic product, bln
        tenge | 2022: 103 765,5" -> 103,765.5 billion KZT), or its cell's own ("growth,
        %: 105,1" -> 105.1 %); so does the figure of a list item ("– coal, thousand tons:
        6 284,3 (101,9)"), and the figure in brackets after it is a percentage where a
        caption above says so."""
        cell = table_cell(text, cand.start)
        if cell is not None and cand.scale is None and percent_column(text, cell):
            return replace(cand, unit="%")  # "Indicator | 2020 | 2021 | 2021 in % to 2020"
        if cell is not None:
            found = cell.unit_phrase(cand.start)
            unit = self._unit_phrase(found[0]) if found else None
            if found and not found[1]:
                # "Bridges repaired, units | 23 | 31", "Passengers carried, mln | 518,4":
                # a row counted in units or pieces, or in a bare scale, counts its head
                counted = self._counted_head(cell)
                if counted and unit is not None and unit[0] in _GENERIC_COUNTS:
                    unit = counted, unit[1]
                elif counted and unit is None and (scale := self._bare_scale(found[0])):
                    unit = counted, scale
        elif cand.scale is None and bracket_percent(text, cand.start, cand.end):
            return replace(cand, unit="%")
        else:
            unit = self._item_unit(text, cand) if cand.scale is None else None
        if unit is None and cell is not None and not found and cand.scale is None:
            # "Source of financing | schools | places | mln som": a column headed by a unit
            # or by the things it counts gives them to its figures
            unit = self._column_unit(column_header(text, cell))
            found = ("", False)
        if unit is None:
            return None
        code, factor = unit
        if cell is not None and not found[1] and _PER_CAPITA.search(cell.label) and "/" not in code:
            code += "/person"  # "GDP per capita, thous. tenge"

        def scaled(value: Decimal | None) -> Decimal | None:
            return None if value is None else value * factor

        return replace(
            cand, unit=code, value=scaled(cand.value), low=scaled(cand.low), high=scaled(cand.high)
        )

    def _column_unit(self, header: str | None) -> tuple[str, Decimal] | None:
        """The unit and scale a column's header gives its figures: a unit phrase ("mln
        som" -> KGS, 1e6) or the plural of a counted thing ("places" -> place); None for a
        header of anything else ("plan", "Q1", "Indicator")."""
        if not header or any(c.isdigit() for c in header):
            return None
        unit = self._unit_phrase(header)
        if unit is not None:
            return unit
        if "," in header:
            # "cost, thousand somoni": the unit after the comma, as a row's label gives it
            return self._unit_phrase(header.rsplit(",", 1)[1].strip())
        # "places", "new schools": the plural of a counted thing, a modifier or two before it
        words = header.split()
        if not 1 <= len(words) <= 3 or not all(w.islower() for w in words):
            return None
        if not words[-1].endswith("s"):
            return None
        noun = self._count_unit(singular(words[-1]), things=True)
        return (noun, Decimal(1)) if noun is not None else None

    def _counted_head(self, cell) -> str | None:
        """The thing a table row counts: its label's head, a plural noun ("Bridges
        repaired and rebuilt" -> bridge); None for a head that is no count of things."""
        head = cell.head_word()
        if not head or not head.endswith("s"):
            return None
        return self._count_unit(singular(head.lower()), things=True)

    def _count_unit(self, noun: str | None, *, things: bool = False) -> str | None:
        """A noun's lemma as the unit of a count, its synonyms folded ("persons" ->
        person); None for a noun that counts nothing: a part or a scale word, a container
        ("volume", "amount"), and with ``things`` a noun that names no things a table or
        a header counts."""
        if not noun:
            return None
        noun = _normalise_counted(noun)
        if noun in _NOT_COUNTED or noun in _CONTAINER_NOUNS or (things and noun in _NOT_THINGS):
            return None
        return noun if self.lexicon.kind_of(noun) == "count" else None

    def _bare_scale(self, phrase: str) -> Decimal | None:
        """The scale of a unit phrase that is a scale word alone ("mln", "thsd")."""
        found = find_candidates("1 " + phrase.strip(), self.lexicon)
        if len(found) == 1 and found[0].unit is None and found[0].end == len(phrase.strip()) + 2:
            return found[0].value if found[0].value and found[0].value > 1 else None
        return None

    def _item_unit(self, text: str, cand: Candidate) -> tuple[str, Decimal] | None:
        """The unit and scale a list item's unit words give its figure; not a figure in
        brackets or one a word follows ("Almaty, city: 7 districts"), nor a singular
        counted noun ("Almaty, city: 7")."""
        if text[cand.start - 1 : cand.start] == "(" or not _ITEM_FIGURE_END.match(text, cand.end):
            return None
        item = item_unit(text, cand.start)
        unit = self._unit_phrase(item[1]) if item else None
        if unit is None or (self.lexicon.kind_of(unit[0]) == "count" and not item[1].endswith("s")):
            return None
        return unit

    def _list_header_unit(
        self, text: str, cand: Candidate, kept: list[Candidate]
    ) -> tuple[str, Decimal | None] | None:
        """The unit a list's header gives the bare figures of its rows, one row a line:
        in brackets ("By region (thsd. sq. m):", "(trln. soums, growth in brackets):"),
        after a comma ("Retail trade turnover in January-September, bln. soums:"), or the
        unit of the amount it breaks down ("3 812 new jobs were created, including by
        district:")."""
        colon = list_header_colon(text, cand.start)
        if colon is None:
            return None
        line_start = text.rfind("\n", 0, colon) + 1
        # ("Main buyer countries, thousand tons (January-September 2023):": the unit
        # before a bracket that dates the list)
        header = _DATING_BRACKET.sub("", text[line_start:colon].rstrip())
        bracket = _HEADER_BRACKET_ITEMS.search(header)
        if bracket is not None:
            # "(picked, thousand tons, and share of the plan)": the item that names a unit
            # or a scale, not a word before it
            for item in bracket.group(1).split(","):
                unit_scale = self._unit_phrase(re.sub(r"^\s*(?:and\s+|in\s+)?", "", item).strip())
                if unit_scale is not None and (
                    self.lexicon.kind_of(unit_scale[0]) != "count" or unit_scale[1] != 1
                ):
                    return unit_scale
        phrase = _HEADER_BRACKET.search(header) or _HEADER_COMMA.search(header)
        if phrase is not None:
            unit_scale = self._unit_phrase(phrase.group(1).strip())
            if unit_scale is not None:
                return unit_scale
        if _BREAKDOWN.search(header):
            whole = self._counted_between(kept, line_start, colon, last=True)
            if whole is not None:
                return whole.unit, None
        return None

    def _unit_phrase(self, phrase: str) -> tuple[str, Decimal] | None:
        """The unit and scale a table's unit phrase gives one ("bln tenge" -> KZT, 1e9;
        "USD million" -> USD, 1e6; "thous. persons" -> person, 1000; "%" -> %)."""
        words = phrase.split()
        tried = [phrase] + ([" ".join(reversed(words))] if len(words) == 2 else [])
        parsed = []
        for variant in tried:
            found = find_candidates("1 " + variant, self.lexicon)
            if len(found) == 1 and found[0].start == 0 and found[0].value is not None:
                parsed.append((found[0].end >= len(variant) + 1, variant, found[0]))
        if not parsed:
            return None
        _, variant, cand = max(parsed, key=lambda p: p[0])  # the one read to its end
        if cand.unit:
            return cand.unit, cand.value
        rest = re.findall(r"\p{L}+", ("1 " + variant)[cand.core_end :])
        if len(rest) == 1 and len(rest[0]) > 2:  # a counted noun: "thous. persons"
            return _normalise_counted(fold_word(rest[0])), cand.value
        return None

    def _subject_count(
        self, doc: Doc, cand: Candidate, *, number_of_only: bool = False
    ) -> str | None:
        """What a bare scaled number counts, named before it in its clause.

        "The number of doctors has reached 77,9 thousand" -> doctor; "nurses – 183
        thousand" -> nurse; "small businesses grew by 8.2% to 186 thousand" -> business.
        """
        if not doc.has_annotation("DEP"):
            return None
        span = doc.char_span(cand.start, cand.core_end, alignment_mode="expand")
        if span is None:
            return None
        first = span[0]
        prev = doc[first.i - 1] if first.i > 0 else None
        if prev is not None and prev.text in ("–", "-", "—", ":") and first.i > 1:
            noun = doc[first.i - 2]
            if noun.tag_ == "NNS" and noun.lemma_.lower() not in _NOT_COUNTED:
                return _hyphened(noun, _normalise_counted(noun.lemma_.lower()))
        for anc in span.root.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                subj = _verb_subject(anc)
                obj = next((c for c in anc.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.lemma_.lower() == "number" and obj.i < span.start:
                    subj = obj  # "bring the number of breeding farms to 1 500"
                if subj is None:
                    return None
                if subj.lemma_.lower() in _COUNT_OF:
                    # "the number of farms", "the shortage of pupil places was estimated
                    # at 61 thousand": a count of what follows "of"
                    of = next((c for c in subj.children if c.lower_ == "of"), None)
                    subj = _object_of(of) if of is not None else None
                elif number_of_only and not (
                    subj.tag_ == "NNS" and self.lexicon.kind_of(subj.lemma_.lower()) == "count"
                ):
                    # "decreased from 11 to 3" counts "the number of X", or the plural
                    # things the clause is about ("Deaths dropped to 41 from 1 208")
                    return None
                if (
                    subj is not None
                    and subj.tag_ == "NNS"
                    and subj.lemma_.isalpha()
                    and subj.lemma_.lower() not in _NOT_COUNTED
                ):
                    return _zone_resident(subj) or _hyphened(
                        subj, _normalise_counted(subj.lemma_.lower())
                    )
                return None
        return None

    def _currency_after(self, text: str, pos: int, sent_end: int) -> str | None:
        """A currency word standing apart, later in the sentence or just after it."""
        window = text[pos : min(len(text), max(sent_end, pos) + 40, pos + self.lookahead)]
        for m in self.lexicon.suffix.finditer(window):
            code = self.lexicon.code_of(m.group())
            if code and self.lexicon.kind_of(code) == "currency":
                if rx(r"[\d]\s*$").search(window[: m.start()]):
                    return None  # the currency belongs to another number
                return code
        return None

    def _counted_noun(self, doc: Doc, cand: Candidate) -> tuple[int, str] | None:
        """The noun a bare number counts, from the parse: ``(span end, unit lemma)``."""
        if not doc.has_annotation("DEP"):
            return self._counted_noun_surface(doc, cand)
        span = doc.char_span(cand.start, cand.core_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        last = span[-1]
        head = _counted_head(last)
        if head is None:
            return None
        if WIDE_GAP.search(doc_text(doc), cand.core_end, head.idx):
            return None  # "102,7          Osh region": the next cell of a table, not a noun
        lemma = head.lemma_.lower() if head.lemma_ else head.lower_
        if head.pos_ == "PROPN":
            lemma = singular(head.lower_)  # "213 new Workplaces": a capitalised plural
        named_point = lemma == "point" and any(
            c.dep_ in ("amod", "compound") and c.i < head.i and c.i > last.i for c in head.children
        )  # "146 sales points", "12 more medical points": places, not a score
        if (lemma in _NOT_COUNTED and not named_point) or not lemma.isalpha():
            return None
        if _zone_resident(head):
            return head.idx + len(head.text), lemma  # companies in a zone or park
        # "224 thousand first-graders", "57 call-outs": a word joined by a hyphen is part
        # of the noun
        return head.idx + len(head.text), _hyphened(head, _normalise_counted(lemma), last)

    def _counted_noun_surface(self, doc: Doc, cand: Candidate) -> tuple[int, str] | None:
        # No parser: a lower-case plural word right after the number.
        m = rx(r"\s+((?:[a-z-]+\s+){0,2}?)([a-z]{3,}s)\b").match(doc_text(doc)[cand.core_end :])
        if not m:
            return None
        word = m.group(2)
        lemma = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if lemma in _NOT_COUNTED:
            return None
        return cand.core_end + m.end(2), _normalise_counted(lemma)


def _hyphened(head: Token, lemma: str, number: Token | None = None) -> str:
    """A counted noun's lemma with the word a hyphen joins to it ("first-grader" of
    "first-graders", "call-out" of "call-outs", "e-service"); the lemma alone when none is
    joined, or when the word joined is the number itself."""
    doc = head.doc
    i = head.i
    if i < 2 or (number is not None and i - 2 <= number.i):
        return lemma
    hyphen, word = doc[i - 1], doc[i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or word.whitespace_ or not word.is_alpha:
        return lemma
    return f"{word.lower_}-{lemma}"


# A yield named in its sentence or the one before ("the yield was 30.4 centners per
# hectare ... In Akmola region the figure is lower, 11,8 centners").
_YIELD_CONTEXT = re.compile(r"(?i)\byields?\b|\bper\s+hectare\b|\b[cq]/ha\b")


def _verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the subject of the verb it is conjoined to ("the number of
    enterprises grew by 1 340 and reached 41 thousand") or completes ("the number of farms
    is to increase by 250")."""
    for v in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if v is None:
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def _object_of(prep: Token) -> Token | None:
    """The noun after "of": its object, or the object of a gerund there ("the number of
    operating small businesses")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is not None:
        return obj
    gerund = next((c for c in prep.children if c.dep_ == "pcomp"), None)
    if gerund is None:
        return None
    return next((c for c in gerund.children if c.dep_ == "dobj"), None)


def _yield_rate(text: str, starts: list[int], cand: Candidate) -> Candidate:
    """Centners where a yield is spoken of are centners per hectare."""
    if cand.unit != "centner":
        return cand
    i = bisect_right(starts, cand.start) - 1
    start = starts[max(i - 1, 0)] if starts else 0
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    if _YIELD_CONTEXT.search(text, start, end):
        return replace(cand, unit="centner/ha")
    return cand


# "GRP per capita reached 6.1 million tenge", "Per capita GRP made 8 947 thous. soums",
# "housing per inhabitant should reach 26 square meters": what the clause's subject says
# per capita, its verb right before the amount
def _subject_verb_before(reach: int) -> str:
    """The rest of a subject (at most ``reach`` characters, no stop, comma or figure) and
    the verb right before the amount ("... reached", "... should reach about")."""
    return (
        r"[^.;:,\d]{0," + str(reach) + r"}?\b"
        r"(?:(?:should|will|must|is\s+to|are\s+to)\s+)?(?:reach|reached|made|amounted\s+to|was"
        r"|is|totall?ed|stood\s+at|exceeded|came\s+to|rose\s+to|grew\s+to|increased\s+to"
        r"|averaged|fell\s+to|dropped\s+to|decreased\s+to|declined\s+to)\s+"
        r"(?:about\s+|over\s+|almost\s+|nearly\s+|more\s+than\s+)?$"
    )


_SUBJECT_VERB_BEFORE = _subject_verb_before(40)
_PER_CAPITA_SUBJECT = re.compile(
    r"(?i)\bper\s+(?:capita|inhabitant|resident)\b" + _SUBJECT_VERB_BEFORE
)
# "Spending per pupil reached 98,6 thous. rubles", "output per worker was 1.9 million
# tenge": money the clause's subject says is per one of a thing is a rate over that thing
_PER_THING_SUBJECT = re.compile(r"(?i)\bper\s+(?P<thing>\p{Ll}[\p{Ll}-]+)\b" + _SUBJECT_VERB_BEFORE)


# "per 1 000 men", "per 1,000 working-age people", "per thousand of the population": a
# rate per thousand of whatever the text counts
_PER_THOUSAND_AFTER = re.compile(
    r"(?i)" + WS_START + r"\s+per\s+(?:1[" + HSPACE + r",.]?000|one\s+thousand|a\s+thousand"
    r"|thousand)\s+(?:of\s+the\s+)?[\p{L}-]+(?:\s+(?!(?:and|in|of|for|to|on|at|by|or|than|as"
    r"|was|were|is|are)\b)\p{Ll}[\p{L}-]*)?"
)
# "19,1 per 100 thousand population", "127 persons per 100,000 people": a rate per a
# hundred thousand, kept in ‰ (a hundredth of its figure)
# "per 100 thousand population", "per 100,000 people": the base of a rate per a hundred
# thousand
_PER_100K_BASE = (
    r"per\s+(?:100[" + HSPACE + r",.]?000|(?:100|one\s+hundred)\s+thousand)\s+"
    r"(?:of\s+the\s+)?(?:population|people|persons|inhabitants|residents)\b"
)
_PER_100K_AFTER = re.compile(r"(?i)" + WS_START + r"\s+(?:[\p{L}-]+\s+)?" + _PER_100K_BASE)
# "The number of deaths per 100 thousand population was 19,1", "... per one hundred thousand
# population is five hundred and nine": a rate whose base stands before it in its clause
_PER_100K_BEFORE = re.compile(
    r"(?i)\b"
    + _PER_100K_BASE
    + r"[^.;:\d]{0,40}?\b(?:was|is|were|are|amounted\s+to|made(?:\s+up)?|reached|stood\s+at|"
    r"fell\s+to|rose\s+to|grew\s+to|decreased\s+to|increased\s+to)\s+(?:\p{L}+\s+){0,2}?$"
)


def _per_100k(text: str, cand: Candidate) -> Candidate | None:
    """The figure as a rate per a hundred thousand, kept in ‰ (a hundredth of it), its span
    taking a "per" phrase after it: "19,1 per 100 thousand population", "the number of
    crimes per 100 thousand population was 150,2"; None when it is no such rate."""
    after = _PER_100K_AFTER.match(text, cand.core_end)
    if after is None and not _PER_100K_BEFORE.search(text, max(0, cand.start - 120), cand.start):
        return None
    return replace(
        cand,
        end=after.end() if after else cand.core_end,
        unit="‰",
        value=cand.value / 100,
        notes=(*cand.notes, _PER_100K),
    )


# "Per 1 000 people, 262 had ...": the base of a rate opening its clause
_PER_BEFORE = re.compile(r"(?i)\bper\s+$")
# the spans of time a rate may be per ("a week", "per year")
_TIME_RATES = frozenset(("year", "month", "week", "day", "hour", "shift"))
_RATE_BASE_REACH = 60


def _per_thousand(text: str, lexicon: UnitLexicon, kept: list[Candidate]) -> list[Candidate]:
    """Counts that are rates per thousand are in ‰: "1 176 women per 1 000 men" (the span
    takes the "per" phrase, and its "1 000 men" is no amount of its own), "Per 1 000
    people, 262 had higher education" (the base is no amount; the count after it is the
    rate)."""
    out: list[Candidate] = []
    until = -1  # the end of a "per" phrase taken into the amount before
    rate_next_until = -1  # a count up to here after an opening "Per 1 000 people,"
    for cand in kept:
        if cand.start < until:
            continue  # the "1 000 men" of "per 1 000 men"
        rate = (
            _per_100k(text, cand)
            if cand.value is not None
            and cand.scale is None
            and (cand.unit is None or lexicon.kind_of(cand.unit) == "count")
            else None
        )
        if rate is not None:
            # (the base "100 thousand" of the phrase is no amount of its own)
            until = rate.end if rate.end > cand.core_end else until
            out.append(rate)
            continue
        if cand.value == 1000 and _PER_BEFORE.search(text, max(0, cand.start - 6), cand.start):
            # "Per 1 000 people, 262 ...": the base; the next count of its clause is the rate
            rate_next_until = cand.end + _RATE_BASE_REACH
            continue
        kind = lexicon.kind_of(cand.unit) if cand.unit else None
        counted = kind not in ("currency", "ratio", "time") and cand.unit not in ("%", "x", "pp")
        counted = counted and "/" not in (cand.unit or "")  # (not a rate already)
        if counted and _PER_THOUSAND_AFTER.search(text, cand.core_end, cand.end):
            out.append(replace(cand, unit="‰"))  # "822 per 1 000 working-age people"
            continue
        after = _PER_THOUSAND_AFTER.match(text, cand.end) if counted else None
        if after is not None:
            until = after.end()
            out.append(replace(cand, end=after.end(), unit="‰"))
            continue
        if cand.start < rate_next_until and counted:
            rate_next_until = -1
            out.append(replace(cand, end=cand.core_end, unit="‰"))
            continue
        out.append(cand)
    return out


# What may stand between a rate per thousand and a bare figure that gives the same rate of
# another place, time or thing: "14.6 per 1,000 population, the overall mortality rate
# 10.6", "Batken region (23.9 per 1,000 population) and Osh region (22.6", "6 terminals per
# 1,000 residents, in the capital – 29", "– birth rate – 17.04 (17.46"
_RATE_SIBLING_BETWEEN = re.compile(
    r"(?i)^\)?\s*(?:[,;]|and\b|,\s*and\b|\(|against\b)[^\d.;:!?()\n]{0,50}?(?:\s[–—-]|\()?\s*$"
    r"|^\s*\($"
    r"|^\s*\((?:in\s+)?(?:19|20)\d\d\s*[–—:-]\s*$"
)
# A list's header that says its figures are rates per thousand: "rates of natural movement,
# per 1 000 people (annualised; ...):"
_PER_THOUSAND_HEADER = re.compile(r"(?i)\bper\s+(?:1[" + HSPACE + r",.]?000|thousand)\b")
_RATE_SIBLING_REACH = 80
# The note on a rate per a hundred thousand kept in ‰
_PER_100K = "per-100k"


def _rates_per_thousand_beside(
    text: str, starts: list[int], bare: list[Candidate], kept: list[Candidate]
) -> list[Candidate]:
    """Bare figures that repeat a rate per thousand for another place, year or measure take
    its ‰: set beside it after a comma, "and", a dash or a bracket in its sentence, or under
    a list header that names the rate's base ("per 1 000 people")."""
    taken = {c.start for c in kept}
    rates = sorted((c for c in kept if c.unit == "‰"), key=lambda c: c.end)
    if not rates and "per" not in text:
        return kept
    kept_starts = [c.start for c in kept]  # (kept is in text order)
    added: list[Candidate] = []
    last: Candidate | None = None  # the last rate ending before the figure
    r = 0
    for cand in sorted(bare, key=lambda c: c.start):
        while r < len(rates) and rates[r].end <= cand.start:
            if last is None or rates[r].end > last.end:
                last = rates[r]
            r += 1
        if cand.start in taken or cand.value is None or cand.is_range or cand.scale is not None:
            continue
        rate = _per_100k(text, cand)
        if rate is not None:
            # "The number of deaths per 100 thousand population was 19,1": ‰, a hundredth
            last = rate
            added.append(last)
            continue
        sentence = starts[bisect_right(starts, cand.start) - 1] if starts else 0
        if (
            last is not None
            and last.end >= sentence
            and cand.start - last.end <= _RATE_SIBLING_REACH
            and _RATE_SIBLING_BETWEEN.search(text[last.end : cand.start])
            and _of_a_size(cand.value, last.value * (100 if _PER_100K in last.notes else 1))
            # (no amount of its own between them)
            and bisect_left(kept_starts, last.end) == bisect_left(kept_starts, cand.start)
        ):
            # (a rate per a hundred thousand repeated: a hundredth of its figure too)
            scale = Decimal(100) if _PER_100K in last.notes else Decimal(1)
            last = replace(cand, unit="‰", value=cand.value / scale, notes=last.notes)
            added.append(last)
            continue
        if (
            _DASH_ITEM.search(text[max(0, cand.start - 40) : cand.start])
            or text[max(0, cand.start - 1) : cand.start] == "("
        ):
            colon = list_header_colon(text, cand.start)
            if colon is not None:
                header = text[text.rfind("\n", max(0, colon - 300), colon) + 1 : colon]
                if _PER_THOUSAND_HEADER.search(header) and cand.value < 1000:
                    last = replace(cand, unit="‰")
                    added.append(last)
    return sorted(kept + added, key=lambda c: c.start) if added else kept


def _per_person_kind(lexicon: UnitLexicon, unit: str) -> bool:
    """Money and floor space are what a figure per person is told in."""
    return lexicon.kind_of(unit) == "currency" or unit == "m2"


# A sentence opening on "per capita" ("Per capita, the volume of services amounted to
# ...", "Per capita incomes were highest in Dushanbe (...)")
_PER_CAPITA_OPENS = re.compile(r"(?i)[ \t\n]{0,3}per\s+capita\b")
# What a figure per person is told with: "per capita", "per inhabitant", "per resident"
_PER_PERSON = re.compile(r"(?i)\bper\s+(?:capita|inhabitant|resident|person)\b")
# How far apart in size the figures of one per-capita comparison may be
_PER_CAPITA_SCALE = 50


def _per_capita(
    text: str, starts: list[int], lexicon: UnitLexicon, kept: list[Candidate]
) -> list[Candidate]:
    """Money (or floor space) per person: what the clause's subject says is per capita
    ("GRP per capita reached 6.1 million tenge"), and the figures their own clause does
    not call so: every amount of money in a sentence that opens on "Per capita" ("Per
    capita incomes were highest in Dushanbe (1 020,7 somoni) and Sughd region (655,2
    somoni)"), and the figures set against one per person later in its sentence, in its
    unit and of its size
    ("GRP per capita in Atyrau region was 14,9 million tenge, in Turkistan region 1,3
    million tenge", "housing per inhabitant should reach 26 square meters, against 22,9
    square meters today")."""
    out: list[Candidate] = []
    last: Candidate | None = None  # the last amount per person in the current sentence
    for cand in kept:
        i = bisect_right(starts, cand.start) - 1
        sent_start = starts[i] if i >= 0 else 0
        if last is not None and last.start < sent_start:
            last = None
        unit = cand.unit or ""
        if unit.endswith("/person"):
            last = cand
        elif unit and "/" not in unit and _per_person_kind(lexicon, unit):
            subject = _PER_CAPITA_SUBJECT.search(text, max(0, cand.start - 70), cand.start)
            opens = _PER_CAPITA_OPENS.match(text, sent_start)
            near = (
                last is not None
                and last.unit == f"{unit}/person"
                and cand.value is not None
                and last.value is not None
                and cand.value > 0
                and 1 / _PER_CAPITA_SCALE
                <= to_number(last.value) / to_number(cand.value)
                <= _PER_CAPITA_SCALE
                and ";" not in text[last.end : cand.start]
            )
            said = _PER_PERSON.search(text, sent_start, cand.start)
            bracket = said and _PER_CAPITA_BRACKET.search(text, said.end(), cand.start)
            if subject or opens or near or bracket:
                cand = replace(cand, unit=f"{unit}/person")
                last = cand
            elif lexicon.kind_of(unit) == "currency":
                thing = _PER_THING_SUBJECT.search(
                    text, max(sent_start, cand.start - 70), cand.start
                )
                code = None
                if thing is not None:
                    # ("the cost per square meter": a unit's name before a noun's)
                    rate = lexicon.rate.match(" " + text[thing.start() : cand.start])
                    code = (rate and rate_code(lexicon, rate.group())) or per_code(
                        lexicon, f" per {thing['thing']}"
                    )
                if code and lexicon.kind_of(code) not in ("time", "currency"):
                    cand = replace(cand, unit=f"{unit}/{code}")
        out.append(cand)
    return out


# "Per capita turnover was the highest in Samarkand city (5 924,6": figures in brackets
# after the places a per-capita figure is highest or lowest in
_PER_CAPITA_BRACKET = re.compile(r"(?i)\b(?:highest|lowest|largest|smallest)\b[^.;(]{0,120}\($")


# How far apart in size a bare sum of money and the price before it may be and still be
# read as a price in the same measure ("98,4 tenge per cubic meter (it was 80 tenge)").
_PRICE_SCALE = 20


def _price_rates(starts: list[int], lexicon: UnitLexicon, kept: list[Candidate]) -> list[Candidate]:
    """A sum of money set beside a price (in its sentence or the one before) and of its
    size is a price in the same measure: "rise to 1,37 soms per kWh ..., and to 2,9 soms
    above that limit", "$6,166 a tonne last year, against $4,863". A price per person,
    share or month is no measure ("150 tenge per share, or 26.1 billion tenge")."""
    out: list[Candidate] = []
    last_price: Candidate | None = None
    for cand in kept:
        unit = cand.unit or ""
        if "/" in unit:
            base, per = unit.split("/", 1)
            physical = lexicon.kind_of(per) not in (None, "time", "count", "currency")
            if lexicon.kind_of(base) == "currency" and physical:
                last_price = cand
        elif (
            last_price is not None
            and unit
            and last_price.unit.split("/", 1)[0] == unit
            and cand.value
            and last_price.value
            and bisect_right(starts, last_price.start) >= bisect_right(starts, cand.start) - 1
            and max(cand.value, last_price.value)
            <= _PRICE_SCALE * min(cand.value, last_price.value)
        ):
            cand = replace(cand, unit=last_price.unit)
        out.append(cand)
    return out


# "2.4 tons of gold and 1.1 tons of silver per year": amounts of one unit joined by "and",
# each with its material, share the rate the last one names.
_JOINED_BY_AND = re.compile(WS_START + r"\s+of\s+(?:[\p{L}-]+\s+){1,4}and\s+$")
# "per year: 80 thousand tons of steel", "5.5 million tons per year (against 3.9 million
# tons now)", "16 million tons per year; the new plant will add another 1.5 million tons":
# an amount that continues or is set against a rate is in that rate.
_CONTINUES_RATE = re.compile(
    r"(?i)(?:\banother|\b(?:" + COMPARED_TO + r")|:)\s*(?:about\s+|up\s+to\s+)?$"
)
# "Average daily loading on the network was 5 420 wagons", "the daily average output
# reached 50.7 million kWh": a subject averaged over days is a rate a day.
_AVERAGE_DAILY = re.compile(
    r"(?i)\b(?:average\s+daily|daily\s+average)\b" + _subject_verb_before(60)
)
# "an annual capacity of 6 thousand tons": the capacity a year.
_ANNUAL = re.compile(
    r"(?i)\bannual\s+(?:design\s+|production\s+|processing\s+)?capacity\s+of\s+"
    r"(?:up\s+to\s+|about\s+|over\s+)?$"
)


# "38 tenge for every passenger trip", "1 100 somoni for each box": money per that thing
_FOR_EVERY_AFTER = re.compile(
    r"(?i)"
    + WS_START
    + r"\s+(?:for|on)\s+(?:every|each)\s+(?P<words>[\p{L}]{2,}(?:\s+[\p{L}]{2,})?)"
)
_NOT_NOUNS = frozenset(("of", "in", "on", "at", "for", "from", "to", "and", "or", "the", "a"))
_NOT_PER = frozenset(("them", "these", "those", "which", "whom", "it", "one", "other", "year"))


def _unit_cost_rates(text: str, lexicon: UnitLexicon, kept: list[Candidate]) -> list[Candidate]:
    """Money for one unit of a thing is per that unit: "a kilogram of beef cost 78,6
    thous. soums" -> UZS/kg, "the average cost of repairing one kilometre was 22.6
    million rubles" -> RUB/km; "38 tenge for every passenger trip" -> KZT/trip."""
    out = []
    for cand in kept:
        if not cand.unit or "/" in cand.unit or lexicon.kind_of(cand.unit) != "currency":
            out.append(cand)
            continue
        per = None
        cost = UNIT_COST_BEFORE.search(
            text, max(0, cand.start - 120), cand.start
        ) or UNIT_PRICE_BEFORE.search(text, max(0, cand.start - 120), cand.start)
        if cost is not None:
            code = lexicon.code_of(cost.group("unit"))
            if code and lexicon.kind_of(code) not in (None, "currency", "count", "time"):
                per = code  # a unit of measure ("a loaf of bread" costs plain money)
        every = _FOR_EVERY_AFTER.match(text, cand.end) if per is None else None
        if every is not None:
            words = every.group("words").split()
            word = words[0] if len(words) == 1 or words[1].lower() in _NOT_NOUNS else words[1]
            if word.lower() in _NOT_PER | _NOT_NOUNS:
                out.append(cand)
                continue
            per = lexicon.code_of(word) or COUNTED_SYNONYMS.get(
                singular(word.lower()), singular(word.lower())
            )
        out.append(replace(cand, unit=f"{cand.unit}/{per}") if per else cand)
    return out


def _time_rates(text: str, lexicon: UnitLexicon, kept: list[Candidate]) -> list[Candidate]:
    """Amounts a rate a year (a month, a day) covers though they do not say it: amounts
    joined to it by "and", amounts that continue it or are set against it, and an annual
    capacity."""
    out = list(kept)
    for i, cand in enumerate(out):
        unit = cand.unit or ""
        if (
            unit
            and "/" not in unit
            and unit not in ("%", "x", "pp", "degree")
            and lexicon.kind_of(unit) not in ("ratio", "time")
            and _AVERAGE_DAILY.search(text, max(0, cand.start - 80), cand.start)
        ):
            out[i] = replace(cand, unit=f"{unit}/day")  # "Average daily loading was 5 420 wagons"
            continue
        if not unit or "/" in unit or lexicon.kind_of(unit) in (None, "count", "currency", "time"):
            continue
        if unit in ("%", "x"):
            continue
        if _ANNUAL.search(text, max(0, cand.start - 60), cand.start):
            out[i] = replace(cand, unit=f"{unit}/year")
            continue
        prev = out[i - 1] if i else None
        if prev is None or "." in text[prev.end : cand.start].replace("..", ""):
            continue
        rate = prev.unit or ""
        if rate.split("/")[0] != unit or "/" not in rate:
            continue
        if lexicon.kind_of(rate.split("/", 1)[1]) != "time":
            continue
        gap = text[prev.end : cand.start]
        if _JOINED_BY_AND.fullmatch(gap) or _CONTINUES_RATE.search(gap):
            out[i] = replace(cand, unit=rate)
    for i in range(len(out) - 2, -1, -1):
        cand, nxt = out[i], out[i + 1]
        rate = nxt.unit or ""
        if (
            cand.unit
            and "/" in rate
            and rate.split("/")[0] == cand.unit
            and lexicon.kind_of(rate.split("/", 1)[1]) == "time"
            and _JOINED_BY_AND.fullmatch(text[cand.end : nxt.start])
        ):
            out[i] = replace(cand, unit=rate)
    return out


# "2 450 soums per piece against 1 300 soums", "26 square metres per person, against 22,9
# square metres today", "3 million soms per building instead of 2,5 million": the words
# that set an amount right after a rate against it.
_SET_AGAINST = re.compile(
    r"(?i)^[,;]?\s*(?:\(\s*)?(?:" + COMPARED_TO + r"|\binstead\s+of|\brather\s+than|\bnot)"
    r"\s*(?:about\s+|almost\s+|nearly\s+|only\s+|just\s+|up\s+to\s+|over\s+)?$"
)


def _rates_set_against(text: str, kept: list[Candidate]) -> list[Candidate]:
    """An amount set right against a rate is in that rate when it names the rate's base
    unit and no rate of its own, and is of the rate's size: the comparison leaves the "per
    ..." unsaid ("2 450 soums per piece against 1 300 soums on the exchange")."""
    out = list(kept)
    for i in range(1, len(out)):
        cand, prev = out[i], out[i - 1]
        rate = prev.unit or ""
        if (
            "/" in rate
            and cand.unit == rate.split("/", 1)[0]
            and cand.unit not in ("%", "x")
            and _SET_AGAINST.match(text[prev.end : cand.start])
            and _of_a_size(cand.value, prev.value)
        ):
            out[i] = replace(cand, unit=rate)
    return out


# "rose from 39 som 60 tyiyn to 44 som 80 tyiyn per liter": the start of a change
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+(?:about\s+|almost\s+|nearly\s+)?$")
_TO_BETWEEN = re.compile(r"(?i)^\s+to\s+(?:about\s+|almost\s+|nearly\s+)?$")
# "a kilogram of beef costs 46 somoni and of mutton 52 somoni": a gapped clause that
# names only its good and its price
_GAPPED_OF = re.compile(r"(?i)^,?\s+and\s+of\s+[\p{L}][\p{L} -]{0,30}?\s+$")


def _rates_shared_in_pairs(
    text: str, lexicon: UnitLexicon, kept: list[Candidate]
) -> list[Candidate]:
    """Of two amounts of one currency side by side, the one that leaves the rate unsaid
    takes the other's, when they are of a size: the start of a change to a price ("from
    39 som 60 tyiyn to 44 som 80 tyiyn per liter") and the price in a gapped clause after
    one ("a kilogram of beef costs 46 somoni and of mutton 52 somoni"). Not a rate per a
    span of time ("from 12 to 15 billion som per year": the start may be a year's total)."""
    out = list(kept)
    for i in range(1, len(out)):
        prev, cand = out[i - 1], out[i]
        between = text[prev.end : cand.start]
        for rated, bare, fits in (
            (cand, prev, _TO_BETWEEN.match(between) and _FROM_BEFORE.search(text, 0, prev.start)),
            (prev, cand, _GAPPED_OF.match(between)),
        ):
            rate = rated.unit or ""
            if (
                fits
                and "/" in rate
                and bare.unit == rate.split("/", 1)[0]
                and bare.unit not in ("%", "x")
                and lexicon.kind_of(rate.split("/", 1)[1]) != "time"
                and _of_a_size(bare.value, rated.value)
            ):
                out[i - 1 if bare is prev else i] = replace(bare, unit=rate)
    return out


# "... the following districts (in %): Chust – 11,8; ...", "(thousand tons):"
_LIST_HEADER = re.compile(r"\((?:in\s+)?([^()\d]{1,25})\)\s*:")
# A list header's unit: in brackets at its end, before any comma ("(trln. soums, growth in
# brackets)"), or after its last comma ("Retail trade turnover in 2021, bln. soums").
_HEADER_BRACKET = re.compile(r"\((?:in\s+)?([^(),\d]{1,25})(?:,[^()]*)?\)\s*$")
_HEADER_BRACKET_ITEMS = re.compile(r"\(([^()\d]{1,80})\)\s*$")
_HEADER_COMMA = re.compile(r",\s*(?:in\s+)?([^,()\d]{1,25})$")
_DATING_BRACKET = re.compile(r"\s*+\([^()\n\d]{0,40}\d{4}[^()\n]{0,40}\)$")
# A header that breaks down an amount it names: "including by district", "of which".
_BREAKDOWN = re.compile(
    r"(?i)\b(?:including|of\s+which|of\s+them|among\s+them|by\s+(?:district|region|city|oblast|sector|branch|type))\b"
)
_DASH_ITEM = re.compile(r"[\p{L})]\s*[–—-]\s*$")
_FULL_STOP = re.compile(r"\.(?=\s+\p{Lu})")
# " (plan – ", " in 2015 (target: ", " (in 2014 – ", " (2010 – ": a bracket that labels
# the figure in it as the plan or another year's value of the amount before it
_BRACKET_LABEL_BEFORE = re.compile(
    r"(?i)(?:\s+in\s+(?:19|20)\d\d)?\s*\(\s*(?:in\s+(?=\d))?" + BRACKET_PLAN_LABEL
)
# "... live births (6.4 in 2021)", "(against 6.4 a year earlier)"
_BRACKET_BEFORE = re.compile(WS_START + r"\s*\(\s*(?:(?:" + COMPARED_TO + r")\s+)?")
_BRACKET_TIME_AFTER = re.compile(
    r"(?i)"
    + WS_START
    + r"\s+(?:(?:in|for|on|as\s+of|at\s+the\s+end\s+of)\s+[^()]{1,40}|a\s+year\s+(?:earlier|ago))\)"
)
# "... of the projects", "of its 26 planned projects", "of the country's 1 806 villages",
# "out of 54 questions": the plural noun of a whole after a bare number
_OF_THE_WHOLE = re.compile(
    r"(?i)" + WS_START + r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|"
    r"the\s+[\p{L}-]+['’]s\s+)?(?P<count>\d[\d\s,.]*\s+)?(?:(?:new|planned|signed|largest|main|total)\s+)?"
    # ("In 214 of the repaired buildings", "two of the rural clinics": adjectives by their ending)
    r"(?:\p{Ll}[\p{L}-]*(?:ed|al|ic|ive|ous|ary|ern)\s+){0,2}"
    r"(?P<noun>[\p{L}-]{3,})\b(?!['’])"
)
# "21 of these houses", "1 412 of these vacancies": a whole named with a demonstrative is
# the things the part is of, whatever the amount before it counted
_DEMONSTRATIVE_OF = re.compile(r"(?i)" + WS_START + r"\s+(?:out\s+)?of\s+(?:these|those)\s")
# what may stand between "of the (12)" and the plural noun a part is of: "of the 12 planned
# water supply facilities", "of the 4 420 boiler houses"
_WHOLE_MODIFIER_TAGS = frozenset(("JJ", "JJR", "JJS", "NN", "VBN", "HYPH", "NNS"))


def _whole_head(doc: Doc, start: int) -> Token | None:
    """The plural noun that heads the whole whose first word starts at ``start``: its last
    noun before anything that is no modifier ("planned water supply facilities" ->
    facilities); None when no plural noun heads it within four words."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    for token in doc[first.start : first.start + 4]:
        if token.tag_ not in _WHOLE_MODIFIER_TAGS:
            return None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.tag_ == "NNS" and (after is None or after.tag_ not in ("NN", "NNS", "HYPH")):
            return token
    return None


# Nouns whose "of" names what is counted: "the number of X", "the shortage of X"
_COUNT_OF = frozenset(("number", "shortage", "deficit", "lack"))
_TIME_WORDS = frozenset(("year", "month", "day", "week", "hour", "quarter", "time", "case"))
# "for 9 600 places", "with 1 100 beds": a detail of the counted amount before it
_DETAIL_BEFORE = re.compile(
    r"(?i)\b(?:for|with|of|in|across|home\s+to)\s+"
    r"(?:about\s+|some\s+|over\s+|almost\s+|nearly\s+|more\s+than\s+)?$"
)


def _whole_of_part(text: str, kept: list[Candidate], since: int, until: int) -> Candidate | None:
    """The counted amount that "N of them" is a part of: the last one before it in the
    sentence that is no detail of another ("bought 118 ambulances, 40 of them"; "14 schools
    for 9 600 places were built, 6 of them": the schools)."""
    counted = [k for k in kept if since <= k.start < until and k.unit and k.unit not in ("%", "x")]
    for k in reversed(counted):
        if not _DETAIL_BEFORE.search(text, max(since, k.start - 24), k.start):
            return k
    return counted[0] if counted else None


def _first_with_unit(
    kept: list[Candidate], since: int, until: int, *, counts_only: bool = False
) -> Candidate | None:
    """The first kept amount with a unit (not a share or multiplier with ``counts_only``)
    that starts in ``[since, until)``; the scan runs back from the end of ``kept`` (in text
    order) and stops at the first amount before ``since``."""
    first = None
    for k in reversed(kept):
        if k.start < since:
            break
        if k.start < until and k.unit and not (counts_only and k.unit in ("%", "x")):
            first = k
    return first


# "it was", "there were only", "we had", "it must reach", "it has grown by about": the
# verb of a bare number whose subject points back to a measure just named
_AT_ANOTHER_TIME_BEFORE = rx(
    r"(?i)\b(?:it|they|there|we|this|that)\s+(?:"
    r"was|were|is|are|had|has|have|stood\s+at|amounted\s+to|made|reached|totall?ed"
    r"|(?:must|should|will|would|is\s+to|are\s+to)\s+(?:reach|be|exceed|rise\s+to|fall\s+to)"
    r"|(?:has|have|had)\s+(?:grown|fallen|risen|increased|decreased|dropped)\s+(?:by|to)"
    r")\s+(?:only\s+|about\s+|almost\s+|just\s+|nearly\s+|already\s+|still\s+|some\s+"
    r"|over\s+|more\s+than\s+|less\s+than\s+|around\s+)?$"
    r"|(?:^|[,;–—]\s*)(?:today|now)\s+(?:only\s+|about\s+|almost\s+|already\s+)?$"
)
# Nothing after the number that could be its own noun.
_BARE_END = rx(WS_START + r"\s*(?:[.,;:!?)]|\s+(?:and|but|against|compared|as)\b|$)")
_NOW_BEFORE = rx(r"(?i)\b(?:today|now|currently|at\s+present)\b")


def _last_with_unit(
    kept: list[Candidate], since: int, *, skip_ratios: bool = False
) -> Candidate | None:
    """The last kept amount with a unit that starts at ``since`` or later (``kept`` is in
    text order, so the scan stops at the first amount before ``since``); with
    ``skip_ratios``, the last that is no share or multiplier."""
    for k in reversed(kept):
        if k.start < since:
            return None
        if k.unit and not (skip_ratios and k.unit in ("%", "x")):
            return k
    return None


# How far apart two numbers may be, before their scales, to be read as of one size.
_SAME_SIZE = 200


def _comparable(cand: Candidate, scaled: Candidate) -> bool:
    """The bare number is of the scaled amount's size before its scale: "22 640,0" beside
    "23 114,5 mln.", "3,2" beside "4,1 billion" (not "12" beside "4 870 million")."""
    if scaled.value is None or not scaled.scale:
        return False
    return _of_a_size(cand.value, scaled.value / scaled.scale)


def _last_count(
    lexicon: UnitLexicon, kept: list[Candidate], since: int, until: int
) -> Candidate | None:
    """The last kept amount counting things (not a share, a multiple or money) that starts
    in ``[since, until)``."""
    at = bisect_left([k.start for k in kept], until)
    for k in reversed(kept[:at]):
        if k.start < since:
            return None
        if k.unit and k.unit not in ("%", "x", "‰") and lexicon.kind_of(k.unit) == "count":
            return k
    return None


def _of_a_size(a: Decimal | None, b: Decimal | None) -> bool:
    """Two values within a factor of ``_SAME_SIZE`` of each other (neither zero nor None)."""
    if not a or not b:
        return False
    return 1 / _SAME_SIZE <= abs(a) / abs(b) <= _SAME_SIZE


def _inherit_counted(text: str, bare: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """ "11 and 14 models": a bare number joined to a counted amount takes its unit."""
    out = []
    starts = {c.start: c for c in kept}
    ends = {c.end: c for c in kept}
    kept_starts = [c.start for c in kept]  # (kept is in text order)
    # right to left, so that "61, 38 and 29 thousand people" reaches 61 through 38
    for cand in reversed(bare):
        gap = _JOIN.match(text, cand.end)
        nxt = starts.get(gap.end()) if gap else None
        same_scale = cand.scale == nxt.scale if nxt is not None else False
        joint = gap.group().strip() if gap else ""
        change = gap is not None and (
            (cand.inherit_next and joint == "to")
            or joint.startswith("of")  # "40 of the 106 municipal schools"
        )
        joined = None
        if nxt is not None and nxt.unit and (change or (same_scale and cand.scale is None)):
            joined = replace(cand, unit=nxt.unit)  # "from 14 thousand to 9.5 thousand children"
        elif (
            nxt is not None
            and nxt.unit
            and joint in (",", "and", ", and", "or")
            and nxt.scale is not None
            and not cand.is_range
        ):
            # members of a list before the one that ends it take its unit: "1,4 million, 780
            # thousand and 410 thousand foreign visitors" each with its own scale; "61, 38
            # and 29 thousand people" with its scale word too, as money lists do
            if cand.scale is not None and joint != "or":
                joined = replace(cand, unit=nxt.unit, notes=(*cand.notes, "list"))
            elif (
                cand.scale is None
                and cand.value is not None
                and (cand.value < 1000 or _comparable(cand, nxt))
            ):
                joined = replace(cand, unit=nxt.unit, value=cand.value * nxt.scale,
                                 scale=nxt.scale, notes=(*cand.notes, "list"))  # fmt: skip
        if joined is not None:
            out.append(joined)
            starts[cand.start] = joined  # the next member to the left joins this one
            continue
        # "5 994 villages out of 6 520": the whole counts what its part counts.
        before = _OUT_OF_BEFORE.search(text, max(0, cand.start - 40), cand.start)
        prev = ends.get(before.start()) if before else None
        if prev is not None and prev.unit:
            out.append(replace(cand, unit=prev.unit))
            continue
        # "680 doctors, most of them in villages – not 860", "Not 40, but 46 thousand
        # spindles": a number corrected or denied is in the unit of the amount that
        # corrects it (a counted noun's unit comes from the parse, so only now)
        i = bisect_left(kept_starts, cand.start)
        left = next((k for k in reversed(kept[max(0, i - 2) : i]) if k.end <= cand.start), None)
        j = bisect_left(kept_starts, cand.end)
        right = kept[j] if j < len(kept) else None
        if left is not None and left.unit and not left.is_range and corrects(text, left, cand):
            out.append(in_unit_of(cand, left, "contrast"))
        elif right is not None and right.unit and denied_for(text, cand, right):
            out.append(in_unit_of(cand, right, "contrast"))
    return out


# A singular "noun" heading a clause of its own, with a phrase after it, is a verb the
# tagger misread ("of which 712 specialise in beef cattle", "120 work around the clock"):
# nothing a number counts ("of which 640 large families." is a noun).
_CLAUSE_DEPS = frozenset(("relcl", "ccomp", "advcl", "csubj"))


def _misread_verb(token: Token) -> bool:
    return (
        token.dep_ in _CLAUSE_DEPS
        and token.tag_ == "NN"
        and any(c.dep_ in ("prep", "advmod", "dobj", "prt") for c in token.rights)
    )


# A currency ticker's line: codes each followed by a rate, an arrow maybe, a separator
# ("USD 478.52 ▲   EUR 503.14 ▼   RUB 4.87 ▼", "rate:  USD 10.2010  |  EUR 10.1347").
_TICKER_PAIR = re.compile(
    r"(?<![\p{L}])(?P<code>[A-Z]{3})[ \t]++(?P<rate>\d[\d.,]*+)(?![\d.,]|[ \t]*+\p{L})"
    r"[ \t]*+[▲▼↑↓+-]?"
)
_TICKER_GAP = re.compile(r"[\s|,;·•]*+")
# "1 USD = 12 618.45 soums": the rate of one unit of a foreign currency.
_ONE_UNIT_IS = re.compile(r"(?<![\d.,])1[ \t]*+(?P<code>[A-Z]{3})[ \t]*+=[ \t]*+$")


def _currency_rates(text: str, lexicon: UnitLexicon, kept: list[Candidate]) -> list[Candidate]:
    """Exchange rates as web pages print them: each rate of a currency ticker's line
    ("USD 478.52 ▲   EUR 503.14 ▼") is the local currency per that currency, its span the
    rate alone; in "1 USD = 12 618.45 soums" the soums are per dollar and "1 USD" is no
    amount. The local currency is the one the document's other amounts are most often in."""
    if not any(c.unit and "=" in text[c.end : c.end + 4] for c in kept) and not _TICKER_PAIR.search(
        text
    ):
        return kept
    codes = {c.unit for c in kept if c.unit and lexicon.kind_of(c.unit) == "currency"}
    rates: dict[int, str] = {}  # a rate's start -> the foreign currency
    for line_start, line_end in _lines(text):
        pairs = list(_TICKER_PAIR.finditer(text, line_start, line_end))
        if (
            len(pairs) >= 2
            and all(p["code"] in codes for p in pairs)
            # one run of pairs, nothing but separators between them ("KZT 96.5 billion
            # and KZT 3.4 bln" is no ticker)
            and all(
                _TICKER_GAP.fullmatch(text, a.end(), b.start())
                for a, b in zip(pairs, pairs[1:], strict=False)
            )
        ):
            rates.update((p.start("rate"), p["code"]) for p in pairs)
    counts: dict[str, int] = {}
    for c in kept:
        if c.unit and lexicon.kind_of(c.unit) == "currency" and c.start not in rates:
            if not any(c.start <= r < c.end for r in rates):
                counts[c.unit] = counts.get(c.unit, 0) + 1
    foreign = set(rates.values())
    out: list[Candidate] = []
    one_units: set[int] = set()  # the starts of the "1 USD" before an "=" rate
    for c in kept:
        code = next((rates[r] for r in rates if c.start <= r < c.end), None)
        one = _ONE_UNIT_IS.search(text, max(0, c.start - 12), c.start)
        if code is None and one is not None and c.unit and lexicon.kind_of(c.unit) == "currency":
            if c.unit != one["code"]:
                out.append(replace(c, unit=f"{c.unit}/{one['code']}"))
                one_units.add(one.start())
                continue
        if code is not None:
            # the currencies a ticker lists are foreign to it: a Tajik page on exports in
            # dollars still prints "USD 10.9385 | EUR 11.9127" in somoni
            local = max(
                (u for u in counts if u not in foreign), key=counts.get, default=None
            ) or max((u for u in counts if u != code), key=counts.get, default=None)
            if local is not None:
                start = next(r for r in rates if c.start <= r < c.end)
                end = start + len(re.match(r"\d[\d.,]*+", text[start:]).group())
                out.append(replace(c, start=start, end=end, core_end=end, unit=f"{local}/{code}"))
                continue
        out.append(c)
    return [c for c in out if c.start not in one_units]


def _lines(text: str):
    """The (start, end) of each line of ``text`` that holds a digit."""
    start = 0
    for m in re.finditer(r"\n", text):
        if any(ch.isdigit() for ch in text[start : m.start()]):
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


_VIEWS_BEFORE = re.compile(r"(?i)(?:\bviews\s*:|\N{EYE}\N{VARIATION SELECTOR-16}?)\s*$")
# A number whose point stands before exactly three digits, with nothing after them.
_POINT_GROUPS = rx(r"[1-9]\d{0,2}\.\d{3}")


def _counted_head(token: Token) -> Token | None:
    """The noun a number token counts, if it follows within a few modifiers."""
    head = token.head
    # "65 thousand new jobs": 65 -> thousand -> jobs
    hops = 0
    while head.pos_ == "NUM" and head.i > token.i and hops < 3:
        token, head = head, head.head
        hops += 1
    # "1 438 5G base stations": a code like "5G" modifies the noun, it is not counted.
    while (
        (
            rx(r"\d").search(head.text)
            or (
                head.text.isupper() and len(head.text) <= 2 and not head.doc[head.i - 1].whitespace_
            )
        )
        and head.head.i > head.i
        and hops < 5
    ):
        head = head.head
        hops += 1
    if head.i <= token.i or head.i - token.i > _MAX_NOUN_DISTANCE:
        # The parser sometimes hangs the number on a verb; take the noun right after.
        return _next_noun(token)
    if head.pos_ not in ("NOUN", "PROPN") or token.dep_ not in (
        "nummod",
        "compound",
        "amod",
        "quantmod",
        "nmod",
        "npadvmod",
        "appos",
    ):
        return _next_noun(token)
    between = token.doc[token.i + 1 : head.i]
    if any(
        # (a number word joined by a hyphen modifies: "30 first-aid stations", "12
        # two-storey houses", "34 three-shift schools")
        not (t.like_num and t.i + 1 < head.i and t.doc[t.i + 1].text == "-")
        and (
            (t.pos_ not in _MODIFIER_POS and t.text not in ("-", "and") and not t.is_space)
            or t.like_num
        )
        for t in between
    ):
        # "11 and 14 models": the noun belongs to the last number; the first inherits it.
        return None
    if any(
        t.lower_ in ("and", "or") and t.i + 1 < head.i and t.doc[t.i + 1].is_title for t in between
    ):
        return None  # "by 97,2 and Mangystau region by 98,5": a name starts the next item
    if head.pos_ == "PROPN" and not head.text.islower() and not _capitalised_plural(head):
        return None
    if _misread_verb(head):
        return None  # "of which 712 specialise in beef": a verb the tagger took for a noun
    return head


def _capitalised_plural(token: Token) -> bool:
    """A plural common noun that a translation capitalised ("213 new Workplaces", "in 45
    Centres"): a plural tag, a title-case word ending in "s", a lower-case word or a number
    right before it (a name's words come capitalised together: "5 Star Hotels")."""
    if (
        token.tag_ not in ("NNS", "NNPS")
        or not token.text.istitle()
        or not token.text.endswith("s")
    ):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and (before.like_num or before.text.islower())


def _next_noun(token: Token) -> Token | None:
    doc = token.doc
    for t in doc[token.i + 1 : token.i + 1 + _MAX_NOUN_DISTANCE]:
        if t.pos_ == "NOUN" and t.tag_ in ("NNS", "NN") and t.text.islower():
            if _misread_verb(t):
                return None  # "of which 120 work around the clock"
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower() and nxt.dep_ != "dobj":
                continue  # "47 digitalization projects": the head is the last noun
            return t
        if _inner_hyphen(t):
            continue  # "36 multi-storey houses": a hyphen inside a word
        if t.pos_ not in ("ADJ", "NOUN", "VERB") or t.is_punct:
            return None
        if t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") and not _verb_as_modifier(t):
            return None  # "31 have gas": a finite verb ends the phrase; "12 newly built" does not
    return None


def _inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word, with no space on either side ("multi-storey")."""
    doc = token.doc
    return (
        token.text in ("-", "‑")
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def _verb_as_modifier(token: Token) -> bool:
    """A word the tagger took for a finite verb but parsed as modifying the noun after it
    ("3 870 combine harvesters", "12 mix plants")."""
    return (
        token.dep_ in ("amod", "compound") and token.head.i > token.i and token.head.pos_ == "NOUN"
    )


# The residents of an economic zone or industrial park are companies, not people.
_ZONE = re.compile(
    r"(?i)\b(?:economic\s+zones?|industrial\s+(?:parks?|zones?)|technoparks?|techno-parks?|SEZs?|"
    r"FEZs?|free\s+zones?|IT\s+parks?|parks?|the\s+zone|(?:business\s+)?incubators?)\b"
)


def _zone_resident(noun: Token) -> str | None:
    """ "resident" where an economic zone or park is spoken of (its residents are
    companies: "the total number of residents reached 21"), else None."""
    if noun.lemma_.lower() != "resident":
        return None
    text = doc_text(noun.doc)
    found = _ZONE.search(text, max(0, noun.sent.start_char - 250), noun.sent.end_char)
    return "resident" if found else None


def _normalise_counted(lemma: str) -> str:
    return COUNTED_SYNONYMS.get(lemma, lemma)


@Language.factory(
    "extractor_quantities",
    assigns=["doc.spans", "span._.extractor"],
    requires=["doc.spans", "token.tag", "token.lemma", "token.dep", "token.head"],
    default_config={"lookahead": 120},
)
def make_quantity_recognizer(nlp: Language, name: str, *, lookahead: int) -> QuantityRecognizer:
    """Build the quantity recognizer.

    Args:
        nlp: the pipeline.
        name: the component name.
        lookahead: how many characters after a scaled number to search for a currency
            word written apart from it ("1.5 trillion ... tenge of investments").
    """
    return QuantityRecognizer(nlp, name, lookahead=lookahead)
