"""A figure in the first sentence of an answer and the question it answers."""

import pytest

from extractor.rules.questions import question_answered


def _asked(text: str, figure: str):
    return question_answered(text, text.index(figure))


@pytest.mark.parametrize(
    "text,figure,noun,kind",
    [
        ("How many people came to the lake this year?\n\nA. NURLANOV: About 140 thousand.", "140", "people came to the lake this year", "count"),
        ("How many schools were built? In total 18, all of them in villages.", "18", "schools were built", "count"),
        ("– What share of roads meets the standard?\n\n– In the city 62 percent.", "62", "share of roads", "share"),
        ("Q: What part of the budget goes to schools?\nA: About 41 percent.", "41", "part of the budget", "share"),
    ],
)  # fmt: skip
def test_the_first_sentence_of_an_answer(text, figure, noun, kind):
    asked = _asked(text, figure)
    assert asked is not None
    assert (asked.noun, asked.kind) == (noun, kind)
    assert text[asked.noun_start : asked.noun_end] == noun
    assert text[asked.start : asked.end].rstrip().endswith("?")


@pytest.mark.parametrize(
    "text,figure",
    [
        # past the answer's first sentence
        ("How many schools were built? In total 18. Next year 7 more.", "7"),
        # a question that asks for no count or share
        ("Why did prices rise? Fuel went up by 12 percent.", "12"),
        # no question at all
        ("The region built 18 schools. 7 more are planned.", "7"),
        # too far from the question
        ("How many schools were built? " + "x" * 320 + " 18", "18"),
    ],
)  # fmt: skip
def test_no_question_answered(text, figure):
    assert _asked(text, figure) is None
