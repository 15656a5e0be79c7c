"""The line breaker: sentences start at line breaks and after a dateline.

A headline or a paragraph ends at a line break even without a full stop, and a dateline
("ASTANA, 8 October 2024 – ") is neither the headline's subject nor the story's. The
component runs before the parser, which keeps the sentence starts it finds set.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.numbers import SCALE_ABBREVIATIONS, scale_of
from ..rules.units import CURRENCY_CODE

# The longest run of tokens the parser sees without a sentence start. The corpus's longest
# sentence has 67 tokens; text with no sentence ends (speech-to-text output, a flattened
# table) is cut into pieces of at most this many tokens, so that everything that works
# sentence by sentence stays linear in the document's length.
MAX_SENT_TOKENS = 160
# Where a run is cut, best first: after a sentence end before a capital, after ; or :,
# after a comma, before a conjunction, anywhere (see ``_cut_score``).
_CONJUNCTIONS = {"and", "but", "or", "while", "whereas", "which", "where", "when"}
# "ASTANA, 8 October 2024 – ", "BISHKEK – ": a dateline ends before the story's first word.
_DATELINE = regex.compile(r"(?m)^\p{Lu}{2,}[\p{Lu} .-]*(?:,[^\n–—]{1,40}?)?\s[–—-]\s+")


def break_at_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline; cut a run longer than
    ``MAX_SENT_TOKENS`` at its most natural boundary."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            # a line a newspaper wrapped in mid-sentence goes on ("... the index of\n
            # physical volume amounted\nto 106.0 percent"): no sentence starts there
            doc[token.i + 1].is_sent_start = not is_hard_wrap(doc, token.i)
    for m in _DATELINE.finditer(doc.text):
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is not None and first.start > 0:
            doc[first.start].is_sent_start = True
    for token in doc[2:-1]:
        after = _scale_point(doc, token.i)
        for k in range(token.i + 1, after + 1 if after is not None else token.i + 1):
            doc[k].is_sent_start = False
    cut_long_runs(doc, MAX_SENT_TOKENS)
    return doc


# A word a wrapped line may end on before a line that starts with a number ("... 105.1
# percent in Tashkent region and\n106.7 percent"); any other word ends a line before one
# (a headline, then a date line).
_BEFORE_WRAPPED_NUMBER = frozenset(
    "and or of to the by at in from with for than was were is are amounted totaled totalled"
    " reached made about over nearly almost some around worth totalling totaling amounting"
    " reaching exceeded exceeding another only additional approximately roughly below above"
    " under".split()
)


# A word no sentence, headline or label ends on: an article, a preposition, a conjunction, a
# form of "be". A line that ends on one is wrapped in mid-sentence, whatever opens the next
# ("... were commissioned in\nBarnaul, which is 6,3% more", "the Statistics Agency under
# the\nPresident"); a headline or a section title ends on its noun ("Heat networks\n").
_NEVER_LAST = frozenset(
    "a an the of in on to for from by at with into onto than and or nor as per via under"
    " about between among within without towards toward is are was were".split()
)


_AFTER_WRAPPED_COMMA = frozenset(
    "and but or while whereas which who where when with than compared as".split()
)


def _labelled_row(doc: Doc, i: int) -> bool:
    """Whether a dash or a colon stands before token ``i`` on its line."""
    for token in reversed(doc[max(0, i - 40) : i]):
        if "\n" in token.text:
            return False
        if token.text in ("–", "—", "-", ":") and token.whitespace_:
            return True
    return False


def is_hard_wrap(doc: Doc, i: int) -> bool:
    """Whether the line break token ``i`` wraps a sentence that goes on in the next line:
    a single newline after a lower-case word before a lower-case word, after a word that
    never ends a line of its own (``_NEVER_LAST``), or before a number after a word that
    cannot end a sentence, or after a comma before a conjunction. Not a
    blank line, and not after ":" or ";" or a number (list rows: "food products – 100.2\n
    alcoholic beverages – 104.9")."""
    space = doc[i]
    if space.text.count("\n") != 1 or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if before.text.endswith("-") and before.text[:-1].isalpha() and after.text[:1].islower():
        return True  # "the mastering of invest-\nments of $23,1 billion": a word broken in two
    if before.text == "." and i >= 3 and doc[i - 2].lower_ in SCALE_ABBREVIATIONS:
        # "have gathered 1.07 mln.\ntons of grain": the point of an abbreviated scale word
        # ends no sentence before its unit or a lower-case word
        return doc[i - 3].like_num and bool(
            after.text[:1].islower() or _CODE_AFTER.match(after.text)
        )
    if before.text == ",":
        # (a list's rows may end on a comma: "pensions – 6.1 trillion,\nhealthcare – ...")
        return after.lower_ in _AFTER_WRAPPED_COMMA
    if before.like_num and after.text[:1].islower():
        # "Across the country, 2 318\nindustrial projects were ...": a number wrapped from
        # its noun, unless its line is a labelled row ("food products – 100.2\nalcoholic
        # beverages – 104.9")
        return not _labelled_row(doc, i - 1)
    if not before.text[-1:].isalpha() or not before.text[-1:].islower():
        return False
    if after.text[:1].islower() or before.text in _NEVER_LAST:
        return True
    if not after.like_num:
        return False
    return before.lower_ in _BEFORE_WRAPPED_NUMBER or _long_line_into_amount(doc, i)


def _long_line_into_amount(doc: Doc, i: int) -> bool:
    """A long line that ends on a lower-case word before a line that opens on a number and
    its lower-case noun: "According to the deputy minister, since the beginning of the
    year\n1 184 km of water supply networks have been built" (a headline or a label is
    shorter, and a numbered list's number is followed by a point)."""
    k = i - 1
    while k > 0 and doc[i].idx - doc[k].idx < 60 and "\n" not in doc[k - 1].text_with_ws:
        k -= 1  # back to the line's start, or 60 characters
    if doc[i].idx - doc[k].idx < 60:
        return False
    j = i + 2
    while j < len(doc) and doc[j].like_num:
        j += 1  # "1 184 km": the number's groups
    return j < len(doc) and doc[j].is_lower and doc[j].is_alpha


# An abbreviated scale word's point ends no sentence when a unit or a lower-case word
# follows it ("5 bln. The next year" still ends one); before a unit the tokenizer keeps
# it in the scale's token (pipeline.join_scale_points).
# a currency's code or sign after the point ("mln. USD", "bln. ₸"), or "US" of "US dollars"
_CODE_AFTER = regex.compile(r"(?:" + CURRENCY_CODE + r"|\p{Sc}|US)$")


def _scale_point(doc: Doc, i: int) -> int | None:
    """The index of the word after token ``i`` when ``i`` is the point of an abbreviated
    scale word inside a sentence, else None. A no-break space between the number, the
    scale and the word after it is a token of its own ("16,9\xa0bln.\xa0kWh")."""
    token, scale = doc[i], doc[i - 1]
    if token.text != "." or scale.lower_ not in SCALE_ABBREVIATIONS:
        return None
    number = doc[i - 3] if doc[i - 2].is_space and i >= 3 else doc[i - 2]
    j = i + 1
    if token.whitespace_ == "":
        if not (doc[j].is_space and "\n" not in doc[j].text) or j + 1 >= len(doc):
            return None
        j += 1  # (a no-break space after the point)
    nxt = doc[j]
    if not number.like_num or nxt.is_sent_start:
        return None
    if nxt.like_num and any(scale_of(t.text) is not None for t in doc[j + 1 : j + 5]):
        return j  # "11 trln. 612, 4 bln. soums": the next part of one compound amount
    return j if nxt.text[:1].islower() or _CODE_AFTER.match(nxt.text) else None


def _cut_score(doc: Doc, i: int) -> int:
    """How natural a sentence start at token ``i`` is (higher is better, 0 is none)."""
    prev, token = doc[i - 1], doc[i]
    if token.is_space:
        return 0
    if prev.text in (".", "!", "?", "…") and (token.is_title or token.like_num):
        return 4
    if prev.text in (";", ":"):
        return 3
    if prev.text == ",":
        return 2
    if token.lower_ in _CONJUNCTIONS:
        return 1
    return 0


def cut_long_runs(doc: Doc, limit: int) -> None:
    """Start a sentence inside every run of more than ``limit`` tokens with none.

    Each cut falls at the best boundary of the run's last half window (see
    :func:`_cut_score`), the latest among equals; a run with none is cut at ``limit``.
    Runs of at most ``limit`` tokens are left to the parser, so normal text is unchanged.
    """
    n = len(doc)
    start = 0
    i = 1
    while i < n:
        if doc[i].is_sent_start:
            start = i
        elif i - start >= limit:
            best, best_score = i, 0
            for j in range(i, start + limit // 2, -1):
                score = _cut_score(doc, j)
                if score > best_score:
                    best, best_score = j, score
                    if score == 4:
                        break
            doc[best].is_sent_start = True
            start = best
            i = best
        i += 1


@Language.factory(
    "extractor_lines", assigns=["token.is_sent_start"], requires=[], default_config={}
)
def make_line_breaker(nlp: Language, name: str):
    """Build the line breaker; place it before the parser."""
    return break_at_lines
