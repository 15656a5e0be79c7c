"""The sentence around a span, found without a model (saved results have no parse)."""

from __future__ import annotations

import regex as re

# A sentence ends at ., ! or ? (with closing quotes or brackets) before whitespace and a
# capital, digit or opening quote; at a line break (headlines, datelines, list items); or,
# in translated texts that drop the space, between "jobs.During": lower-case word, stop,
# capitalised word.
_BOUNDARY = re.compile(
    r"(?<=[.!?…][\"'”»)\]]*)\s+(?=[\"'“«(\[]?[\p{Lu}\d])"
    r"|\n"
    r"|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})"
)
# "School No. 50", "Mr. Smith", "Jan. 2020", "A. Kim": a full stop after these ends no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:No|Nos|Mr|Mrs|Ms|Dr|St|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct"
    r"|Nov|Dec|approx|thous|thsd|bln|mln|trln|sq)|\b\p{Lu})\.$"
)
SEARCH = 1000  # how far from the span to look for sentence ends


def _ends_sentence(text: str, at: int) -> bool:
    return not _ABBREVIATION.search(text, max(0, at - 8), at)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence containing ``text[start:end]``, whitespace trimmed.

    Args:
        text: the document text.
        start: the span's start offset.
        end: the span's end offset.

    Returns:
        ``(lo, hi)`` with ``lo <= start`` and ``hi >= end``; a sentence longer than
        :data:`SEARCH` characters either side of the span is cut there.
    """
    lo = max(0, start - SEARCH)
    hi = min(len(text), end + SEARCH)
    for match in _BOUNDARY.finditer(text, lo, hi):
        if match.end() <= start:
            if _ends_sentence(text, match.start()):
                lo = match.end()
        elif match.start() >= end and _ends_sentence(text, match.start()):
            hi = match.start()
            break
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def clip(text: str, lo: int, hi: int, start: int, end: int, max_chars: int) -> tuple[int, int]:
    """``(lo, hi)`` narrowed to about ``max_chars`` around the span, cutting at spaces.

    The span itself is never cut; the context either side gets an equal share.
    """
    if hi - lo <= max_chars:
        return lo, hi
    room = max(0, max_chars - (end - start)) // 2
    left, right = max(lo, start - room), min(hi, end + room)
    # give the unused room of a short side to the other
    right = min(hi, right + max(0, room - (start - left)))
    left = max(lo, left - max(0, room - (right - end)))
    if left > lo:
        cut = text.find(" ", left, start)
        left = cut + 1 if cut >= 0 else left
    if right < hi:
        cut = text.rfind(" ", end, right)
        right = cut if cut >= 0 else right
    return left, right
