"""Whether a text is English: the pipeline reads English only.

Two signs, both cheap: the share of letters in the Latin script (a Russian or Kazakh
report in Cyrillic has few), and, for Latin text, the share of English function words
(German or French prose has almost none of "the", "of", "and"). Only the start of a long
text is looked at.
"""

from __future__ import annotations

import regex as re

SAMPLE_CHARS = 20_000
MIN_LATIN_SHARE = 0.6
MIN_FUNCTION_SHARE = 0.04
MIN_WORDS = 30  # fewer words say too little about the language
_LETTER = re.compile(r"\p{L}")
_LATIN = re.compile(r"\p{Latin}")
_WORD = re.compile(r"\p{L}+")
_FUNCTION_WORDS = frozenset(
    "the of and in to a for on with by is was were are from that this at as it has have be "
    "will which an its their over than".split()
)


def not_english(text: str) -> str | None:
    """Why ``text`` does not look like English ("72% of its letters are not Latin"), or
    None when it does or is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    latin = len(_LATIN.findall(sample)) / letters
    if latin < MIN_LATIN_SHARE:
        return f"{1 - latin:.0%} of its letters are not Latin"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if share < MIN_FUNCTION_SHARE:
        return f"only {share:.0%} of its words are English function words (the, of, and, ...)"
    return None
