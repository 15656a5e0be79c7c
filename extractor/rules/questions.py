"""Questions and their answers: interviews, hearings and press releases that ask
"How many people went to the coast this year?" and answer "Around 95 thousand." The first
sentence of an answer states what its question asks for; a bare figure there counts or
measures the question's noun. Nothing here imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

# How far back a question may stand from the figure that answers it.
_WINDOW = 300
# "How many people went ...?" (the words after "how many": the first plural noun among
# them is what is counted); "What share of roads", "what part of the budget".
_HOW_MANY = re.compile(r"(?i)\bhow\s+many\s+(?P<noun>[^?]{1,60}?)\s*\?")
_WHAT_SHARE = re.compile(
    r"(?i)\bwhat\s+(?P<noun>(?:share|part|percentage|proportion)\s+of\s+(?:the\s+)?[\p{L}-]+)"
)
# A speaker's label or a dash that opens an answer: "D. SERIKBAYEV:", "A:", "– ".
_OPENER = re.compile(
    r"^\s*(?:[–—-]\s*)?(?:(?:\p{Lu}\.\s*)*\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?\s*:\s*)?"
)
# Initials inside a speaker's label are no sentence end.
_INITIAL = re.compile(r"\b\p{Lu}\.")


@dataclass(frozen=True)
class Question:
    """The question a figure answers: the noun asked about and what kind of asking."""

    noun: str
    kind: str  # "count" (how many) or "share" (what share of)
    noun_start: int
    noun_end: int
    start: int  # the question sentence
    end: int


def question_answered(text: str, pos: int) -> Question | None:
    """The question whose answer's first sentence holds ``pos``, or None.

    The answer may open with a speaker's label ("D. SERIKBAYEV:") or a dash, and may sit
    in the next paragraph; any sentence end between the question and ``pos`` means the
    figure is past the answer's first sentence.
    """
    lo = max(0, pos - _WINDOW)
    mark = text.rfind("?", lo, pos)
    if mark < 0:
        return None
    between = text[mark + 1 : pos]
    opener = _OPENER.match(between)
    rest = between[opener.end() if opener else 0 :]
    if re.search(r"[.!?;](?:\s|$)", _INITIAL.sub("", rest)):
        return None
    begin = max(
        text.rfind(".", lo, mark), text.rfind("?", lo, mark), text.rfind("\n", lo, mark), lo - 1
    )
    asked = text[begin + 1 : mark + 1]
    for pattern, kind in ((_HOW_MANY, "count"), (_WHAT_SHARE, "share")):
        m = pattern.search(asked)
        if m:
            offset = begin + 1
            return Question(
                noun=m.group("noun"),
                kind=kind,
                noun_start=offset + m.start("noun"),
                noun_end=offset + m.end("noun"),
                start=offset,
                end=mark + 1,
            )
    return None
