"""The document passes of the fact linker, run once every amount is linked: amounts in
one list share what they measure and their period; "respectively" pairs amounts with
nouns and periods in order; last, every amount gets its indicator."""

from __future__ import annotations

from bisect import bisect_left

import regex as re
from spacy.tokens import Doc, Span, Token

from ...rules.countries import load_countries
from ...rules.indicators import Decision, clause_start, is_currency
from ...rules.indicators import default_classifier as default_indicator_classifier
from ...rules.lists import ITEM_START, header_colon_above
from ...rules.periods import ordered_period
from ...rules.quantex import LABELLED_LIST_GAP
from ...rules.rx import SENTENCE_END, WS_START, rx
from ...rules.tables import caption_cell
from ...schema import SPANS_ENTITIES, SPANS_TIMES
from ..context import doc_text
from ..fact_rules import RuleSet
from .document import FactContext, _period_of
from .periods import headline_end
from .syntax import _clause_verb, _noun_ok, _phrase

# a sentence the parser ran into the next: ". The project cost"
_SENTENCE_END = rx(SENTENCE_END)
_LIST_GAP = re.compile(WS_START + r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")
# Rules that name the thing money was spent on from words outside its clause, while its
# own clause says it was spent: the indicator is the spending's.
_SPENDING_FOR_A_THING = frozenset(("measured.allocated_topic", "measured.pronoun_purpose"))


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
        # (and a member with its own unit that nothing else names: "only 38% and 41% of
        # the investment plan")
        if listed(i, i + 1) and (
            rx(r"[\d\s.,]+").fullmatch(spans[i].text) or not records[i].get("measured")
        ):
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


def _headline_restated(doc: Doc, spans: list[Span], rules: RuleSet) -> None:
    """ "Ministry of Energy: 64 percent of the coal needed has been delivered" over a body
    that says it again: a headline figure with no time in its headline is the figure the
    story tells, so it takes the period the body gives the same value in the same unit."""
    if not rules.on("period.headline_restated"):
        return
    end = headline_end(doc_text(doc))
    if end < 0 or _times_before(doc, end):
        return
    body = [s for s in spans if s.start_char > end and s._.extractor is not None]
    for span in spans:
        record = span._.extractor
        if span.end_char > end or record is None:
            continue
        same = next((s._.extractor for s in body if _same_figure(record, s._.extractor)), None)
        if same is not None and (same.get("time_start") or same.get("time_end")):
            record["time_start"], record["time_end"] = same["time_start"], same["time_end"]
            record["period_rule"] = "period.headline_restated"


def _times_before(doc: Doc, end: int) -> bool:
    """A time span lies before character ``end`` (the headline names its own time)."""
    return any(t.start_char < end for t in doc.spans.get(SPANS_TIMES, ()))


def _same_figure(a: dict, b: dict) -> bool:
    """Two records give the same amount in the same unit (a range: the same bounds)."""
    if a.get("unit") != b.get("unit"):
        return False
    if a.get("value") is not None:
        return a.get("value") == b.get("value")
    bounds = (a.get("low"), a.get("high"))
    return bounds[0] is not None and bounds == (b.get("low"), b.get("high"))


def _chains(spans: list[Span], text: str) -> list[list[Span]]:
    """Runs of spans joined only by commas and "and": "20.4, 22.1 and 24.3 trillion"."""
    chains: list[list[Span]] = []
    for span in spans:
        if chains and _LIST_GAP.fullmatch(text[chains[-1][-1].end_char : span.start_char]):
            chains[-1].append(span)
        else:
            chains.append([span])
    return [c for c in chains if len(c) > 1]


def _respectively(
    ctx: FactContext, doc: Doc, quantities: list[Span], times: list[Span], rules: RuleSet
) -> None:
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
            nouns = []
            if head is not None:
                nouns = [head, *(t for t in head.subtree if t.dep_ == "conj" and t.pos_ == "NOUN")]
            else:
                # "Mining, electricity supply and water supply accounted for 2,3%, 5,1% and
                # 1,5% respectively": the n-th amount measures the n-th subject
                nouns = _coordinated_subjects(ctx, last)
            if nouns and rules.on("measured.respectively"):
                nouns.sort(key=lambda t: t.i)
                if len(nouns) == len(amounts):
                    for amount, noun in zip(amounts, nouns, strict=True):
                        if amount._.extractor is not None:
                            amount._.extractor["measured"] = _phrase(ctx, noun)
                            amount._.extractor["measured_rule"] = "measured.respectively"
            if not rules.on("period.respectively"):
                continue
            for dates in _chains(periods, text):
                # ("In 2024 and 2025 revenues will be 101.3 and 106.8 billion rubles
                # respectively": the periods may come first)
                if len(dates) == len(amounts) and (
                    dates[0].start > amounts[-1].start or dates[-1].end <= amounts[0].start
                ):
                    for amount, date in zip(amounts, dates, strict=True):
                        record, period = amount._.extractor, ordered_period(_period_of(date))
                        if record is not None and period is not None:
                            record["time_start"], record["time_end"] = period
                            record["period_rule"] = "period.respectively"


def _coordinated_subjects(ctx: FactContext, amount: Span) -> list[Token]:
    """The common nouns coordinated as the subject of the amount's verb ("Mining,
    electricity supply and water supply accounted for ..."); none when the subject is a
    single noun or names places ("Turkey and Switzerland accounted for")."""
    verb = _clause_verb(amount)
    if verb is None:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not _noun_ok(ctx, subj):
        return []
    chain = [subj]
    for noun in chain:
        chain.extend(c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN")
    return chain if len(chain) > 1 else []


# measured rules by which an amount is a restatement, share or change of the one before
_OF_THE_AMOUNT_BEFORE = frozenset(
    (
        "measured.same_as_before",
        "measured.share_of_named_subject",
        "measured.comparison_base",
        "measured.change_of_before",
        "measured.evaluation_base",
    )
)


_FOREIGN_AFTER = rx(
    r"(?i)[^.;:]{0,40}?\b(?:from|by|of)\s+"
    r"(?P<who>foreign\s+(?:companies|company|investors?|partners?|firms?|capital))\b"
)


def _foreign_names(doc: Doc, text: str, spans: list[Span]):
    """A function of an amount: the first nationality or country named before it in its
    clause that is not the document's own (``"foreign:Chinese"``), or None. The document's
    country is that of its local currency ("tenge": Kazakhstan), else the country it names
    most."""
    countries = load_countries()
    named = [
        (e, country)
        for e in (doc.spans[SPANS_ENTITIES] if SPANS_ENTITIES in doc.spans else [])
        if e.label_ in ("NORP", "GPE") and (country := countries.country_of(e.text)) is not None
    ]
    units = [(s._.extractor or {}).get("unit") or "" for s in spans]
    places = [
        e.text
        for e in (doc.spans[SPANS_ENTITIES] if SPANS_ENTITIES in doc.spans else [])
        if e.label_ == "GPE"
    ]
    home = countries.home((u.partition("/")[0] for u in units), places)
    foreign = sorted((e for e, country in named if country != home), key=lambda e: e.start_char)
    starts = [e.start_char for e in foreign]

    def first_before(amount: Span) -> str | None:
        sent = amount.sent
        sentence = text[sent.start_char : sent.end_char]
        # before the amount in its own clause: "the German concern Baumann will build a
        # plant for EUR 120 million", "China - $1.42 billion"; not "... invested, when the
        # Italian company started the dam" nor a name after it
        start = sent.start_char + clause_start(sentence, amount.start_char - sent.start_char)
        for stop in _SENTENCE_END.finditer(text, start, amount.start_char):
            start = stop.end()
        for e in foreign[bisect_left(starts, start) :]:
            if e.start_char >= amount.start_char:
                break
            if e.end_char <= amount.start_char:
                return f"foreign:{e.text}"
        # "96,2 billion tenge came from foreign companies", "... were invested by foreign
        # investors": where the money came from, foreign though no country is named
        said = _FOREIGN_AFTER.match(text, amount.end_char, sent.end_char)
        return f"foreign:{said.group('who')}" if said else None

    return first_before


def _unit_family(unit: str | None) -> str | None:
    """What amounts of ``unit`` count, for carrying an indicator: money in any currency
    ("money"), else the unit itself; None for a bare number."""
    if not unit:
        return None
    return "money" if is_currency(unit.split("/", 1)[0]) else unit


def _carried_indicator(text: str, span: Span, record: dict, decided: list[tuple[int, dict]]):
    """The indicator an amount no cue names takes from the last amount that had one, when
    that amount counts in the same units and stands in the same paragraph or the one
    before, no further than :data:`_CARRY_REACH` characters back ("By territory, the
    largest volumes fell on: – Temirtau – KZT 212.6 bln" after a paragraph on investment;
    "The lowest figures were recorded in Jizzakh (28.9 million dollars)" after a list of
    foreign investment by region). Returns ``(indicator, rule)`` or None."""
    end, before = decided[-1]
    if span.start_char - end > _CARRY_REACH or text.count("\n\n", end, span.start_char) > 1:
        return None
    family = _unit_family(record.get("unit"))
    if family is None or family != _unit_family(before.get("unit")):
        return None
    return before["indicator"], "carried:" + before["indicator"]


_SHORT_HEADER = 6  # words of a header that only opens a list ("By area:", "Including:")


def _whole_of_row(doc: Doc, text: str, span: Span, record: dict, seen: list[tuple[int, dict]]):
    """The indicator of the whole a bulleted or dashed list breaks down, for an amount on
    one of its rows: the last amount in the same units in the sentence that ends on the
    list's colon ("Customs payments of 38.6 billion soms, including: • customs duties –
    KGS 6.8 bn"), or, after a header of a few words ("By area:"), in the sentence before
    ("Spending amounted to KZT 12.9 trln. By area: • education – KZT 2,108.4 bln").
    Returns ``(indicator, rule)`` or None."""
    own = record.get("indicator_rule") or ""
    if own.startswith(("measured:", "unit:")):
        return None  # a row that names its own indicator ("– retail trade turnover – ...")
    line = text.rfind("\n", 0, span.start_char) + 1
    if not ITEM_START.match(text, line) or ":" in text[line : span.start_char]:
        return None  # (nor a row that is a header of its own: "– state budget: 96.4 million")
    colon = header_colon_above(text, line, ITEM_START)  # (a bounded walk up the list's rows)
    if colon is None:
        return None
    header = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if header is None:
        return None
    sent = header.sent
    family = _unit_family(record.get("unit"))
    if family in (None, "%", "x", "pp"):
        return None  # (a share on a row is of the row's own amount)
    lo = sent.start_char
    if len(text[lo:colon].split()) <= _SHORT_HEADER and sent.start > 0:
        lo = doc[sent.start - 1].sent.start_char
    for start, before in reversed(seen):
        if start < lo:
            break
        if ITEM_START.match(text, text.rfind("\n", 0, start) + 1):
            continue  # (a row of a list before is no whole of this one)
        if start < colon and _unit_family(before.get("unit")) == family:
            if before.get("indicator") is None:
                return None
            return before["indicator"], "whole:" + before["indicator"]
    return None


# What stands between a price and the same price for others: ", or ", ", and ", ", for
# pupils and students – " (a few words, no verb of their own, no other amount).
_PRICE_GAP = rx(r"\s*,\s+(?:(?:and|or|while|but)\s+)?(?:for\s+[\p{L} ]{1,40}?\s+[–—-]\s+)?")


def _another_price(text: str, span: Span, record: dict, before: dict, end: int) -> bool:
    """Whether the amount at ``span`` is the same price for other buyers as the amount
    just before it in its sentence (record ``before``, ending at ``end``): that one is a
    price (a ``unit:`` rule of inflation), this one is money its own phrase names nothing
    for, and only a comma and a conjunction, or a "for ... –" naming the buyers, stand
    between them."""
    if before.get("indicator") != "inflation" or not (
        before.get("indicator_rule") or ""
    ).startswith("unit:"):
        return False
    if (record.get("indicator_rule") or "").startswith(("measured:", "unit:")):
        return False
    if _unit_family(record.get("unit")) != "money" or _unit_family(before.get("unit")) != "money":
        return False
    return _PRICE_GAP.fullmatch(text, end, span.start_char) is not None


# How far back an amount no cue names looks for the indicator of the amount before.
_CARRY_REACH = 600
# "the consumer price index", "the index of industrial production": an index named by what
# it measures; "the index", "the October index": one that refers back to it
_INDEX = rx(r"(?i)\bind(?:ex|ices)\b")
_BARE_INDEX = rx(r"(?i)(?:the\s+)?(?:\p{L}+\s+)?ind(?:ex|ices)")
_INDEX_REACH = 2000


def set_indicators(doc: Doc, spans: list[Span]) -> None:
    """Give every amount the indicator of what it measures (:mod:`extractor.rules.indicators`),
    from its final ``measured``, its unit and its sentence; the record keeps the cue that
    decided (``indicator_rule``)."""
    classifier = default_indicator_classifier()
    text = doc_text(doc)
    foreign_named = _foreign_names(doc, text, spans)
    has_sents = doc.has_annotation("SENT_START")
    previous_amount: tuple[int, dict] | None = None  # (its sentence's start, its record)
    previous_end = 0  # where that amount ends
    decided: list[tuple[int, dict]] = []  # (end, record) of amounts that have an indicator
    seen: list[tuple[int, dict]] = []  # (start, record) of every amount before
    last_index: tuple[int, str] | None = None  # (end, indicator) of the last index named
    for span in spans:
        record = span._.extractor
        if record is None:
            continue
        sentence, at, before = None, None, None
        if has_sents:
            sent = span.sent
            sentence, at = text[sent.start_char : sent.end_char], span.start_char - sent.start_char
            if sent.start > 0:
                previous = doc[sent.start - 1].sent
                if previous.start > 0 and "\n\n" not in text[previous.start_char : sent.start_char]:
                    # the two sentences before, within the paragraph: a topic named a
                    # sentence earlier still holds ("Drinking water ... Of the 126 systems")
                    earlier = doc[previous.start - 1].sent
                    if "\n\n" not in text[earlier.start_char : previous.start_char]:
                        previous = earlier
                before = text[previous.start_char : sent.start_char]
        # money allocated for a thing named before (or spent on "it") is spending, whatever
        # it buys: the act, not the thing, says the indicator (GUIDELINES: "money
        # allocated is spending")
        measured = (
            "allocation"
            if record.get("measured_rule") in _SPENDING_FOR_A_THING
            else record.get("measured")
        )
        caption = caption_cell(text, span.start_char)
        if caption is not None and caption.label_at and sentence is not None and at is not None:
            # a row of a table goes on in its caption ("Sowing by crop, thou. ha (sown /
            # plan):\nWheat – 6 874,5 / 12 960,0"): the caption line is its sentence's head
            line = text[caption.label_at[0] : text.find("\n", caption.label_at[0])]
            if line and line not in sentence:
                sentence, at = line + "\n" + sentence, at + len(line) + 1
        decision = classifier.classify(measured, record.get("unit"), sentence, at, before)
        if (
            decision.indicator is not None
            and decision.rule.startswith("measured:")
            and _INDEX.search(record.get("measured") or "")
        ):
            last_index = (span.end_char, decision.indicator)  # "the consumer price index"
        elif (
            last_index is not None
            and _BARE_INDEX.fullmatch(record.get("measured") or "")
            and span.start_char - last_index[0] <= _INDEX_REACH
            and not (decision.rule or "").startswith("measured:")
        ):
            # "By region, the October index was highest in Sughd region (100,6%)": the
            # index the text named last
            decision = Decision(last_index[1], "index:" + last_index[1])
        record["indicator"], record["indicator_rule"] = decision.indicator, decision.rule
        if decision.indicator == "investment" and has_sents:
            foreign = foreign_named(span)
            if foreign is not None:
                # "the Turkish company will invest $50 million", "investors from China": the
                # text says the money is foreign
                record["indicator"], record["indicator_rule"] = "foreign_investment", foreign
        if (
            has_sents
            and previous_amount is not None
            and previous_amount[0] == span.sent.start
            and record.get("unit") in ("%", "x")
            and (
                (
                    record.get("measured_rule") in _OF_THE_AMOUNT_BEFORE
                    and record.get("measured") == previous_amount[1].get("measured")
                )
                # "Russia – 6.6 billion (15.8 percent)": a share of the series' whole set
                # beside the amount it is the share of
                or record.get("measured_rule") == "measured.share_series"
            )
        ):
            # "produced goods worth 14 trillion soums, or 109.4 percent compared with 2020":
            # a share or change of the amount before is a figure of the same indicator, or
            # of none ("612 thousand tons of coal have been stockpiled, or 66.5% of the plan")
            record["indicator"] = previous_amount[1].get("indicator")
            record["indicator_rule"] = "before:" + (previous_amount[1].get("indicator") or "none")
        if (
            has_sents
            and previous_amount is not None
            and previous_amount[0] == span.sent.start
            and _another_price(text, span, record, previous_amount[1], previous_end)
        ):
            # "a single trip costs 38 rubles, or 33 rubles with a transport card", "a monthly
            # pass costs 1 900 rubles, and 950 rubles for schoolchildren": the same price for
            # others
            record["indicator"], record["indicator_rule"] = "inflation", "price:another"
        whole = _whole_of_row(doc, text, span, record, seen) if has_sents else None
        if whole is not None:
            record["indicator"], record["indicator_rule"] = whole
        if record.get("indicator_rule") is None and decided:
            # no cue anywhere near, and no rule that says none: the topic goes on
            carried = _carried_indicator(text, span, record, decided)
            if carried is not None:
                record["indicator"], record["indicator_rule"] = carried
        if record.get("indicator") is not None:
            decided.append((span.end_char, record))
        seen.append((span.start_char, record))
        if has_sents:
            previous_amount, previous_end = (span.sent.start, record), span.end_char
