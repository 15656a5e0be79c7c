"""Sentences around spans, found without a model."""

import pytest

from extractor.review.context import clip, sentence_bounds


def around(text: str, span: str) -> str:
    start = text.index(span)
    lo, hi = sentence_bounds(text, start, start + len(span))
    return text[lo:hi]


@pytest.mark.parametrize(
    "text,span,expected",
    [
        (
            "First. In 2020, 10 schools were built. Last.",
            "10 schools",
            "In 2020, 10 schools were built.",
        ),
        ("Only sentence with 5 tons", "5 tons", "Only sentence with 5 tons"),
        ("School No. 50 got 3 new desks. Next.", "3 new desks", "School No. 50 got 3 new desks."),
        ("Growth was 1.5 times. Next.", "1.5 times", "Growth was 1.5 times."),
        ("HEADLINE 2023\nThe akimat spent 5 bln tenge.", "5 bln", "The akimat spent 5 bln tenge."),
        ("permanent jobs.During the speech 3 schools", "3 schools", "During the speech 3 schools"),
        ("He said: “About 90 jobs.” Then left.", "90 jobs", "He said: “About 90 jobs.”"),
        ("It grew. tenge of investments, 5 bln.", "5 bln", "It grew. tenge of investments, 5 bln."),
    ],
)
def test_sentence_bounds(text, span, expected):
    assert around(text, span) == expected


def test_clip_keeps_the_span_and_cuts_at_spaces():
    text = "word " * 40 + "SPAN" + " word" * 40
    start = text.index("SPAN")
    lo, hi = clip(text, 0, len(text), start, start + 4, 40)
    assert lo <= start and hi >= start + 4
    assert hi - lo <= 40
    assert text[lo] != " " and text[lo - 1] == " "


def test_clip_gives_a_short_side_room_to_the_other():
    text = "SPAN" + " word" * 40
    lo, hi = clip(text, 0, len(text), 0, 4, 40)
    assert lo == 0 and 30 <= hi <= 40
