"""Sentence context shared by the components; works with or without a parser."""

from __future__ import annotations

from bisect import bisect_right

import regex as re
from spacy.tokens import Doc

_SENT_END = re.compile(r"(?<=[.!?…])[\"”»]?\s+(?=[\"“«(\p{Lu}\d])|\n+")


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start: from the parser, else from punctuation."""
    if doc.has_annotation("SENT_START"):
        return [sent.start_char for sent in doc.sents]
    return [0, *(m.end() for m in _SENT_END.finditer(doc.text))]


def sentence_at(text: str, starts: list[int], char: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence holding ``char``."""
    i = bisect_right(starts, char) - 1
    start = starts[max(i, 0)]
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return start, end


_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraph_ends(text: str, n: int) -> list[int]:
    """Where the first ``n`` paragraphs end (after their blank line): ``[0]`` closes a
    report's headline, ``[1]`` its dateline or lead, ``[2]`` its lead."""
    ends: list[int] = []
    for m in _BLANK_LINE.finditer(text):
        ends.append(m.end())
        if len(ends) == n:
            break
    return ends


def lead_end(text: str) -> int:
    """Where a report's opening (headline, dateline, lead: three paragraphs) ends."""
    ends = paragraph_ends(text, 3)
    return ends[2] if len(ends) > 2 else len(text)


_TEXT_KEY = ("extractor", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per component call.

    spaCy joins every token each time ``Doc.text`` is read, so reading it once per span
    makes a component quadratic in the document's length. A component caches it for the
    length of its call and releases it with :func:`release_text`.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def release_text(doc: Doc) -> None:
    """Drop the cached text (so it is never serialized with the doc)."""
    doc.user_data.pop(_TEXT_KEY, None)
