"""The fact linker: the ``extractor_facts`` spaCy component.

Reads the spans of the other components and fills, on each QUANTITY record, ``measured``
(:mod:`.measured`), the period (:mod:`.periods`), ``place`` (the GPE of the sentence, else
the document's most mentioned GPE) and ``speaker``; then runs the document passes
(:mod:`.passes`), the last of which sets ``indicator``. What the rules know of the
document is one :class:`FactContext`.
"""

from __future__ import annotations

from bisect import bisect_right

import regex as re
from spacy.language import Language
from spacy.tokens import Doc, Span

from ...rules.intervals import ByStart
from ...rules.periods import ordered_period
from ...schema import SPANS_QUANTITIES, register_extensions
from ..context import doc_text, release_text
from ..fact_rules import FactRuleError, RuleSet, default_rule_set
from .document import FactContext
from .measured import _link_measured
from .passes import _headline_restated, _respectively, _share_measured_in_lists, set_indicators
from .periods import (
    _RULE_IDS,
    NO_PERIOD,
    PERIOD_RULES,
    Amount,
    _governing_time,
    _same_sentence_time,
    change_from,
)
from .syntax import _WORDS


def check_period_rules(rules: RuleSet) -> None:
    """Raise :class:`FactRuleError` when a period rule of the file has no code, or code no
    row: every setting rule run per amount is a function of :data:`PERIOD_RULES`."""
    rows = {r.id for r in rules.rules if r.field == "period"}
    staged = {
        r.id
        for r in rules.rules
        if r.field == "period" and r.kind == "set" and r.stage in ("amount", "fallback")
    }
    missing, unknown = staged - set(PERIOD_RULES), set(PERIOD_RULES) - rows
    if missing or unknown:
        raise FactRuleError(
            f"period rules without code: {sorted(missing)}; code without a rule: {sorted(unknown)}"
        )


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
        check_period_rules(self.rules)

    def disable_rules(self, rule_ids: list[str]) -> None:
        """Switch fact rules off from now on (unknown ids raise :class:`FactRuleError`)."""
        self.rules = self.rules.without(rule_ids)

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_QUANTITIES not in doc.spans:
            return doc
        ctx = FactContext.build(doc, self.rules)
        amount_rules, fallbacks = (
            [PERIOD_RULES[r.id] for r in self.rules.stage("period", stage) if r.id in PERIOD_RULES]
            for stage in ("amount", "fallback")
        )
        for span in doc.spans[SPANS_QUANTITIES]:
            record = span._.extractor
            if record is None:
                continue
            if ctx.has_parse:
                _link_measured(ctx, span, record)
                governing, rule = _governing_time(span, ctx.governing_times, ctx.rules)
            else:
                governing = _same_sentence_time(doc, span, ctx.governing_times)
                rule = "period.governing_time" if governing is not None else None
            amount = Amount(span, ctx, governing, rule)
            period, period_rule = None, None
            for stage in (amount_rules, fallbacks):
                for func in stage:
                    if (answer := func(amount)) is not None:
                        period, period_rule = answer, _RULE_IDS[func]
                        break
                if period is not None and period is not NO_PERIOD:
                    break  # (an answer that is no period leaves the fallbacks to try)
            period = ordered_period(period) if period is not NO_PERIOD else None
            if period is not None and ctx.on("period.change_from"):
                period = change_from(amount, period)
            if period is not None:
                record["time_start"], record["time_end"] = period
                ctx.previous_period = (amount.paragraph, period)
            record["period_rule"] = period_rule if period is not None else None
            record["place"] = _sentence_place(span, ctx.places) or ctx.doc_place
            speaker = _speaker(span, ctx.quotes, ctx.persons) if ctx.has_parse else None
            record["speaker"] = speaker.text if speaker is not None else None
            record["speaker_id"] = (
                (speaker._.extractor or {}).get("person_id") if speaker is not None else None
            )
        # the document passes
        quantities = list(doc.spans[SPANS_QUANTITIES])
        _share_measured_in_lists(doc, quantities, self.rules)
        if ctx.has_parse:
            _respectively(ctx, doc, quantities, ctx.governing_times, self.rules)
        _headline_restated(doc, quantities, self.rules)
        # last, once measured is final (lists and "respectively" share it out above)
        set_indicators(doc, quantities)
        release_text(doc)
        return doc


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
