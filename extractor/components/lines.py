"""The line breaker: sentences start at line breaks and after a dateline.

A headline or a paragraph ends at a line break even without a full stop, and a dateline
("ASTANA, 8 October 2024 – ") is neither the headline's subject nor the story's. The
component runs before the parser, which keeps the sentence starts it finds set.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

# "ASTANA, 8 October 2024 – ", "BISHKEK – ": a dateline ends before the story's first word.
_DATELINE = regex.compile(r"(?m)^\p{Lu}{2,}[\p{Lu} .-]*(?:,[^\n–—]{1,40}?)?\s[–—-]\s+")


def break_at_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    for m in _DATELINE.finditer(doc.text):
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is not None and first.start > 0:
            doc[first.start].is_sent_start = True
    return doc


@Language.factory(
    "extractor_lines", assigns=["token.is_sent_start"], requires=[], default_config={}
)
def make_line_breaker(nlp: Language, name: str):
    """Build the line breaker; place it before the parser."""
    return break_at_lines
