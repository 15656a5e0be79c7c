"""What the fact rules read in a parsed sentence: the clause verb of an amount, its
subject, whether a noun can name what is measured and the phrase it heads, and the word
lists (``resources/fact_words.json``) they use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex as re
from spacy.tokens import Span, Token

from ...resources import read_json
from ...rules.numbers import SHORT_SCALES, scale_of
from ...rules.periods import iso_cmp
from ...rules.quantex import OE_NOUNS, singular
from ...rules.rx import BULLET, BULLET_GLYPH, WS_START, rx
from ...rules.timex import COMPARED_TO
from ...rules.units import load_lexicon
from ..context import doc_text
from ..entities import load_not_entities

if TYPE_CHECKING:
    from .document import FactContext


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


def _comparative(span: Span) -> bool:
    """ "…, 8.4% more than a year earlier", "14% fewer", "that is 40% more", "almost twice
    as much", "…, up 27 percent from a year earlier", "plus 8,2% to the previous year": a
    change of the amount named before, against a base."""
    doc = span.doc
    after = doc_text(doc)[span.end_char : span.end_char + 25]
    before = doc_text(doc)[max(0, span.start_char - 24) : span.start_char]
    if _CHANGE_WORD_BEFORE.search(before):
        return True
    return bool(_COMPARATIVE_AFTER.match(after)) and bool(_CONNECTOR_BEFORE.search(before))


# what follows a change: "8.4% more", "14% fewer", "twice as much"
_COMPARATIVE_AFTER = rx(
    WS_START + r"\s+(?:more|fewer|less|higher|lower|greater|above|below|up|down"
    r"|as\s+(?:much|many))\b"
)
# what sets a change after the amount it changes: "…, 8.4% more", "which is 40% more"
_CONNECTOR_BEFORE = re.compile(
    r"(?:,|\bthat\s+is|\bwhich\s+is|\bor)\s*(?:about\s+|almost\s+|nearly\s+|by\s+)?$"
)
# a word of change after a comma: "…, up 27 percent", "…, down by 3%", "…, plus 8,2%"
_CHANGE_WORD_BEFORE = re.compile(
    r",\s*(?:up|down|plus|minus)\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+|some\s+)?$"
)


# "against 94.1% in 2021", "(compared with 3.9 million tons now)", "up from 28%": the words
# that set an amount as the base another amount is compared with.
_BASE_OPENER = rx(
    r"(?i)(?:\b(?:" + COMPARED_TO + r")|\b(?:up|down)\s+from)\s+"
    r"(?:about\s+|almost\s+|nearly\s+|over\s+|(?:more|less)\s+than\s+)?$"
)


def _comparison_base(span: Span) -> bool:
    """ "reached 32% against 28% in 2022": the amount is the base of a comparison."""
    doc = span.doc
    before = doc_text(doc)[max(span.sent.start_char, span.start_char - 30) : span.start_char]
    return bool(_BASE_OPENER.search(before))


def _starts_after(period: tuple, date: str | None) -> bool:
    """The period begins after the document date (compared at the coarser precision)."""
    return iso_cmp(period[0], date) > 0


_PRIVATE_GLYPH = re.compile(r"[\ue000-\uf8ff]")
_BULLET_TOKEN = rx(r"^" + BULLET + r"$")
_BULLET_GLYPH = rx(r"^" + BULLET_GLYPH + r"$")


# Nouns whose singular ends in "-oe" ("shoes"); other "-oes" plurals drop "es" ("potatoes").


_NUMBER_WITH_SCALE = re.compile(r"\d[\d.,]*[kKmM]$")


def _glued_scale(token: Token) -> bool:
    """A counter's scale letter glued to its number ("1.2K views"), split off by the
    tokenizer, or kept with it in one token ("3.4k likes")."""
    if _NUMBER_WITH_SCALE.match(token.text):
        return True
    return (
        token.lower_ in SHORT_SCALES
        and token.i > 0
        and token.doc[token.i - 1].like_num
        and not token.doc[token.i - 1].whitespace_
    )


def _phrase(ctx: FactContext, token: Token) -> str:
    """A noun with its compound and adjective modifiers: "gross agricultural output"."""
    doc = token.doc
    if (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text in ("-", "‑")
        and not token.whitespace_
        and not doc[token.i + 1].whitespace_
        and doc[token.i + 2].is_alpha
        and doc[token.i + 2].pos_ in ("NOUN", "VERB")
    ):
        return _phrase(ctx, doc[token.i + 2])  # "co-financing" read as "co" and its verb
    left = [
        t for t in token.lefts if t.dep_ in _PHRASE_DEPS and t.i >= token.i - 4 and not t.like_num
    ]
    start = min([token.i, *(t.i for t in left)])
    if (
        token.i >= 2
        and doc[token.i - 1].text in ("-", "‑")
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 2].whitespace_
        and doc[token.i - 2].is_alpha
    ):
        start = min(start, token.i - 2)  # "non-execution", "co-financing": one word
    if (
        start >= 1
        and doc[start].text in ("-", "‑")
        and not doc[start].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 1].is_alpha
    ):
        start -= 1  # "inter-municipal roads" read as "inter" and a hyphen modifying "roads"
    while (
        start >= 2
        and doc[start - 1].text in ("-", "‑")
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
    ):
        start -= 2  # "socio-cultural facilities": the hyphenated modifier's first word too
    words = [
        t for t in token.doc[start : token.i]
        if t.pos_ not in ("DET", "PUNCT", "NUM") and t.tag_ != "HYPH"
        and not _PRIVATE_GLYPH.search(t.text)  # a PDF's bullet glyph ("\uf0b7")
        and not _BULLET_GLYPH.match(t.text)  # "• Meat": a list's bullet read as a modifier
        and not t.like_num
        and load_lexicon().code_of(t.text) is None
        and scale_of(t.text) is None  # "1,1 mln. foreign tourists"
        and not _glued_scale(t)  # "1.2K views"
        and t.i not in ctx.named  # "the Zhanatas wind farm"
        and t.i not in ctx.timed  # "in January-June exports"
    ]  # fmt: skip
    plural = token.tag_ == "NNS" or (token.tag_ == "VBZ" and token.pos_ == "VERB")  # "works"
    head = token.lemma_.lower() if plural and token.lemma_ else token.text
    if plural and head.endswith("oe") and token.lower_.endswith("oes") and head not in OE_NOUNS:
        head = head[:-1]  # "potatoes" read as a verb: "potato", not "potatoe"
    if (
        token.i >= 2
        and doc[token.i - 1].is_space
        and doc[token.i - 1].text.count("\n") == 1
        and doc[token.i - 2].text.endswith("-")
        and doc[token.i - 2].text[:-1].isalpha()
        and token.text.isalpha()
        and token.text.islower()
    ):
        # "invest-\nments", "con-\nstruction": a word a PDF broke at a line end
        whole = doc[token.i - 2].text[:-1] + token.text
        head = singular(whole.lower()) if plural or whole.endswith("s") else whole
        words = [t for t in words if t.i < token.i - 2]
    if token.tag_ == "NNS" and rx(r"(?i)(?:x|ch|sh|ss)es$").search(token.text):
        head = token.lower_[:-2]  # "taxes" -> "tax" (the lemmatizer says "taxis")
    kept = {t.i for t in words} | {token.i}

    def dangling(t: Token) -> bool:
        # "lump-sum allowance", "cubic-meter reservoir": the word before a hyphen goes with
        # the word after it, a unit or a currency the phrase drops
        if t.i + 2 >= len(doc) or t.whitespace_ or doc[t.i + 1].text not in ("-", "‑"):
            return False
        return not doc[t.i + 1].whitespace_ and t.i + 2 not in kept and t.i + 1 != token.i

    words = [t for t in words if not dangling(t)]
    kept = {t.i for t in words}

    def gap(t: Token) -> str:
        # "Dehkan (farmer) farms": a dropped bracket between two words still parts them
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        dropped = after is not None and after.i != token.i and after.i not in kept
        if dropped and after.text in ("-", "‑") and not t.whitespace_ and not after.whitespace_:
            return "-"  # "socio-cultural": the hyphen inside a modifier stays
        return " " if t.whitespace_ or (dropped and after.tag_ != "HYPH") else ""

    phrase = "".join([*(t.text + gap(t) for t in words), head]).strip()
    phrase = rx(r"\s+").sub(" ", phrase)  # "non-tax revenue", spaced as in the text
    if token.lemma_.lower() in _CONTAINERS:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and _noun_ok(ctx, obj):
                    if token.lemma_.lower() in _TRANSPARENT:
                        return _phrase(ctx, obj)  # "the volume of industrial production"
                    return f"{phrase} of {_phrase(ctx, obj)}"
    return phrase


def opens_item(token: Token) -> bool:
    """A word that opens its sentence, or its list item: "• Investments in fixed capital –
    19,846.3 mln som" is capitalised as a sentence's first word is, after the bullet."""
    if token.is_sent_start:
        return True
    doc = token.doc
    if token.i == 0 or not _BULLET_TOKEN.match(doc[token.i - 1].text):
        return False
    bullet = doc[token.i - 1]
    return bullet.i == 0 or "\n" in doc[bullet.i - 1].text_with_ws


def _capitalised_common_noun(token: Token) -> bool:
    """ "Education received 19.8 billion soums": a common noun that opens its sentence (or
    its bulleted item), read by the model as a one-word organisation, is still the noun."""
    doc = token.doc
    # ("• Investments": the model may start the name at the bullet)
    bulleted = token.i > 0 and token.ent_iob_ == "I" and _BULLET_TOKEN.match(doc[token.i - 1].text)
    return (
        token.pos_ == "NOUN"
        and opens_item(token)
        and (token.ent_iob_ == "B" or bulleted)
        and not (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")
    )


def _noun_ok(ctx: FactContext, token: Token | None) -> bool:
    """A common noun that can name what is measured (not a name, a pronoun or a unit)."""
    return (
        token is not None
        and (
            token.pos_ == "NOUN"
            or (token.pos_ == "PROPN" and (token.text.islower() or opens_item(token)))
            # "Nominal GDP will reach ...": an indicator's abbreviation, never a name
            or (token.pos_ == "PROPN" and token.text in load_not_entities())
            # "work worth 500 billion tenge was done": a base-form "verb" in a noun's
            # place (subject or object) is a noun the tagger missed
            # ("housing commissioning amounted to ...": a gerund as subject or object)
            or (
                token.pos_ == "VERB"
                # "works worth 4 billion somoni were performed": a plural noun read as a verb
                and token.tag_ in ("VB", "VBP", "VBG", "VBZ")
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
        and (
            token.ent_type_ not in ("GPE", "ORG", "PERSON", "LOC", "FAC")
            or token.text.islower()
            or token.text in load_not_entities()  # "FDI amounted to ...", whatever the model says
            or _capitalised_common_noun(token)
        )
        and token.i not in ctx.named
        and load_lexicon().code_of(token.text) is None
        # "Dear deputies, the installed capacity is ...": an address, never a subject
        and not any(c.dep_ == "amod" and c.lower_ in _ADDRESS_WORDS for c in token.children)
    )


_ADDRESS_WORDS = frozenset(
    ("dear", "esteemed", "respected", "honourable", "honorable", "distinguished")
)


def _shared_head(subj: Token) -> Token:
    """ "Tax and non-tax revenues", "grain and leguminous crops": a singular noun joined to
    a plural one shares its head."""
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    if conj is not None and subj.tag_ in ("NN", "NNP") and conj.tag_ == "NNS":
        if any(c.dep_ == "cc" for c in subj.children) and conj.i - subj.i <= 5:
            return conj
    return subj


def _clause_verb(span: Span) -> Token | None:
    """The verb that governs the amount, outside its own span ("reached KZT 687 bln", where
    the tagger may read "bln" as a participle)."""
    child = None
    for anc in [span.root, *span.root.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and not (span.start <= anc.i < span.end):
            if child is not None and child.dep_ in _NOUN_DEPS and anc.tag_ == "VBZ":
                # "86.9 billion tenge, ... proceeds from the sale ...": a plural noun read
                # as a verb that a noun modifies is no verb
                child = anc
                continue
            if anc.dep_ in ("aux", "auxpass") and anc.head.pos_ == "VERB":
                return anc.head  # ("512 thousand hectares have been sown": the parser
                # may hang the subject on the auxiliary)
            return anc
        child = anc
    return None


_NOUN_DEPS = frozenset(("nmod", "compound", "amod", "nummod", "poss"))


# "Of these, ...", "of which", "among them", "including": a part of the amount before.
# "of these", "of this sum", "among them", "including": words that open a part of what was
# just named
PART_OPENERS = (
    r"of\s+(?:these|them|those|which|this(?:\s+\w+)?|that(?:\s+\w+)?)"
    r"|among\s+(?:them|these|those)|including"
)
# (an open group: its users close it, or add alternatives first)
_PART_CUE = r"(?i)(?:^|[,;:(–—\"“«-]\s*)(?:" + PART_OPENERS


# ... or an evaluation of it: "This is 104% of the plan", ", which is 15% below ...".
_REFERS_BACK = re.compile(
    _PART_CUE + r"|(?:this|which)\s+(?:is|was|amounted\s+to|amounts\s+to))\b[^.;]*$"
)


# "as of today": the figures of its clause hold at the document date (no TIME span)
AS_OF_NOW = r"as\s+of\s+(?:today|now|this\s+day)"
_NOW_WORDS = r"so\s+far|to\s+date|" + AS_OF_NOW + r"|currently|at\s+present|at\s+the\s+moment"


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


def _own_subject(verb: Token) -> Token | None:
    """The verb's own subject (active or passive), not one reached through coordination."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _pointing_subject(verb: Token | None) -> bool:
    """The clause's own subject is a pronoun standing for something named before: "in 2021
    it was 34%", "which is 112.6% of the plan" (not "it is planned to ...")."""
    if verb is None:
        return False
    subj = _own_subject(verb)
    if subj is None or subj.lower_ not in _POINTING | {"which"}:
        return False
    return verb.lemma_ in _COPULAR or verb.lemma_ in ("reach", "exceed", "make", "cost")


def _container_before(ctx: FactContext, span: Span) -> Token | None:
    """The nearest "share", "level", "number" ... in the sentence before or this one."""
    doc = span.doc
    sent = span.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(list(doc[start : span.start])):
        if t.pos_ == "NOUN" and t.lemma_.lower() in _CONTAINERS and _noun_ok(ctx, t):
            return t
    return None


def _earlier_in_sentence(span: Span, done: dict[int, Span]) -> Iterator[Span]:
    """The amounts already linked before ``span`` in its sentence, nearest first (``done``
    holds them in document order, so the walk stops at the sentence's start)."""
    for i in reversed(done):
        if i < span.sent.start:
            return
        if i < span.start:
            yield done[i]


def _previous_amount_in_sentence(ctx: FactContext, span: Span) -> bool:
    amounts = ctx.amounts
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
