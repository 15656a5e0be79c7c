"""The ``extractor_facts`` component: link each quantity to what it measures, when and where.

Reads the spans of the other components and fills, on each QUANTITY record:

- ``measured``: the noun phrase the amount is of, from the dependency parse;
- ``time_start``/``time_end``: from the TIME span that governs it in its sentence (the
  one nearest in the parse tree);
- ``place``: the GPE of the sentence, else the document's most mentioned GPE.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..rules.units import load_lexicon
from ..schema import SPANS_ENTITIES, SPANS_QUANTITIES, SPANS_TIMES, register_extensions

# Verbs whose subject is what an amount measures: "investments amounted to N".
_COPULAR = {
    "amount", "reach", "be", "total", "make", "constitute", "exceed", "stand", "hit", "grow",
    "increase", "rise", "decrease", "fall", "decline", "drop", "account", "equal", "come",
    "remain", "double", "surpass", "climb", "fell", "improve", "jump",
}  # fmt: skip
# Nouns that hold what they measure after "of": "the volume of investments".
_CONTAINERS = {"volume", "amount", "share", "level", "number", "cost", "value", "sum", "total", "rate", "size"}
_PHRASE_DEPS = {"compound", "amod", "nmod", "poss"}
_SKIP_HEADS = {"which", "that", "it", "this", "they", "what", "who", "%", "percent", "year", "time"}


class FactLinker:
    """Fill ``measured``, the period and ``place`` on every quantity."""

    def __init__(self, nlp: Language, name: str = "extractor_facts") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_QUANTITIES not in doc.spans:
            return doc
        times = list(doc.spans[SPANS_TIMES]) if SPANS_TIMES in doc.spans else []
        places = [s for s in doc.spans[SPANS_ENTITIES] if s.label_ == "GPE"] if SPANS_ENTITIES in doc.spans else []
        doc_place = Counter(s.text for s in places).most_common(1)
        has_parse = doc.has_annotation("DEP")
        lexicon = load_lexicon()
        text = doc.text  # Doc.text joins every token: read it once, not once per span
        carried: tuple[int, tuple] | None = None  # (paragraph start, period)
        for span in doc.spans[SPANS_QUANTITIES]:
            record = span._.extractor
            if record is None:
                continue
            period = None
            if has_parse:
                record["measured"] = _measured(span, record, lexicon)
                governing = _governing_time(span, times)
            else:
                governing = _same_sentence_time(text, span, times)
            paragraph = text.rfind("\n", 0, span.start_char) + 1
            if governing is not None:
                data = governing._.extractor or {}
                period = (data.get("time_start"), data.get("time_end"))
                carried = (paragraph, period)
            elif has_parse and carried and carried[0] == paragraph and _reports_past(span.sent):
                # "Over the past 5 years, ... . tenge of investments, ... were produced":
                # a past-tense report goes on in the period its paragraph set.
                period = carried[1]
            if period is not None:
                record["time_start"], record["time_end"] = period
            place = _sentence_place(span, places)
            record["place"] = place or (doc_place[0][0] if doc_place else None)
        return doc


def _root(span: Span) -> Token:
    return span.root


def _phrase(token: Token) -> str:
    """A noun with its compound and adjective modifiers: "gross agricultural output"."""
    left = [t for t in token.lefts if t.dep_ in _PHRASE_DEPS and t.i >= token.i - 4 and not t.like_num]
    start = min([token.i, *(t.i for t in left)])
    words = [t for t in token.doc[start : token.i + 1] if t.pos_ not in ("DET", "PUNCT", "NUM") and not t.like_num]
    phrase = " ".join(t.text for t in words).strip()
    if token.lemma_.lower() in _CONTAINERS:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return f"{phrase} of {_phrase(obj)}"
    return phrase


def _noun_ok(token: Token | None) -> bool:
    return (
        token is not None
        and token.pos_ in ("NOUN", "PROPN")
        and token.lower_ not in _SKIP_HEADS
        and not token.like_num
    )


def _measured(span: Span, record: dict, lexicon) -> str | None:
    """What the amount is of, from the parse."""
    unit = record.get("unit") or ""
    doc = span.doc
    last = span[-1]
    # Counted nouns: "65 thousand new jobs" measures jobs.
    if lexicon.kind_of(unit.split("/")[0]) == "count" and unit not in ("count",):
        if _noun_ok(last):
            return _phrase(last)
    # "3 million square meters of housing", "1,500 tons of meat".
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is None and nxt.i + 1 < len(doc):
            obj = next((t for t in doc[nxt.i + 1 : nxt.i + 5] if t.pos_ == "NOUN"), None)
        if _noun_ok(obj):
            return _phrase(obj)
    before = doc[span.start - 1] if span.start > 0 else None
    # "products worth 600 billion tenge", "zinc reserves of 6.5 million tons".
    first = span[0]
    prev_words = [t for t in doc[max(span.sent.start, span.start - 6) : span.start]]
    for i in range(len(prev_words) - 1, -1, -1):
        t = prev_words[i]
        if t.lower_ in ("worth", "of", "at", "totaling", "totalling", "amounting", "valued") or (
            t.lower_ == "amount" and i >= 1 and prev_words[i - 1].lower_ == "the"
        ):
            if t.lower_ == "amount":
                t = prev_words[i - 2] if i >= 2 else t  # "in the amount of"
            head = t.head
            if t.lower_ == "of" and _noun_ok(head) and head.i < t.i:
                if head.lower_ in ("amount",):
                    head = head.head.head if head.head.lower_ == "in" else head.head
                if _noun_ok(head):
                    return _phrase(head)
            if t.lower_ in ("worth", "valued", "totaling", "totalling", "amounting") and _noun_ok(head):
                return _phrase(head)
            for cand in reversed(list(doc[max(span.sent.start, t.i - 4) : t.i])):
                if _noun_ok(cand):
                    return _phrase(cand)
            break
        if t.is_punct and t.text not in ("-", "–"):
            break
    del first, before
    # The clause: subject of a copular/change verb, or object of "increase X by N times".
    verb = _governing_verb(span.root)
    if verb is not None:
        if unit in ("x", "%") or verb.lemma_ in _COPULAR or span.root.dep_ in ("attr", "dobj", "pobj", "npadvmod", "advmod", "prep"):
            for dep in (("dobj",) if unit == "x" else ()) + ("nsubj", "nsubjpass", "dobj"):
                cand = next((c for c in verb.children if c.dep_ == dep and c.i != span.root.i and not (span.start <= c.i < span.end)), None)
                if _noun_ok(cand):
                    return _phrase(cand)
        # "N was allocated for X": the purpose.
        if span.root.dep_ in ("nsubj", "nsubjpass"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "to", "on", "in"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if _noun_ok(obj):
                        return _phrase(obj)
            cand = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if _noun_ok(cand):
                return _phrase(cand)
    return None


def _reports_past(sent: Span) -> bool:
    """A sentence that reports what was done: a past verb and no plan or present state."""
    tags = {t.tag_ for t in sent}
    words = {t.lower_ for t in sent}
    if words & {"will", "plan", "planned", "plans", "now", "currently", "today", "is", "are"}:
        return False
    return "VBD" in tags or ("VBN" in tags and bool(words & {"were", "was", "have", "has", "been"}))


def _governing_verb(token: Token) -> Token | None:
    for anc in [token, *token.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _tree_distance(a: Token, b: Token) -> int:
    path_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 1000


def _governing_time(span: Span, times: list[Span]) -> Span | None:
    """The TIME span in the quantity's sentence nearest in the parse tree."""
    sent = span.sent
    candidates = [t for t in times if sent.start <= t.start < sent.end]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda t: (_tree_distance(span.root, t.root), t.start > span.start, abs(t.start - span.start)),
    )


def _same_sentence_time(text: str, span: Span, times: list[Span]) -> Span | None:
    before = [t for t in times if t.end_char <= span.start_char and "." not in text[t.end_char : span.start_char]]
    return before[-1] if before else None


def _sentence_place(span: Span, places: list[Span]) -> str | None:
    if not span.doc.has_annotation("SENT_START"):
        return None
    sent = span.sent
    inside = [p for p in places if sent.start <= p.start < sent.end]
    if not inside:
        return None
    return min(inside, key=lambda p: abs(p.start - span.start)).text


@Language.factory(
    "extractor_facts",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={},
)
def make_fact_linker(nlp: Language, name: str) -> FactLinker:
    """Build the fact linker; place it after the times, quantities and entities components."""
    return FactLinker(nlp, name)
