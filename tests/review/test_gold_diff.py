"""Marks against the gold agree with the scorer (extractor evaluate)."""

import pytest

from extractor.review.gold_diff import compare, mark_pair
from extractor.scoring import Scores, score_document

GOLD_Q = {
    **{"label": "QUANTITY", "start": 10, "end": 27, "text": "600 billion tenge"},
    **{"value": 6e11, "unit": "KZT", "time_start": "2015", "time_end": "2019"},
}
GOLD_T = {
    "label": "TIME",
    "start": 0,
    "end": 4,
    "text": "2020",
    "time_start": "2020",
    "time_end": "2020",
}


@pytest.mark.parametrize(
    "gold,change,mark",
    [
        (GOLD_Q, {}, "correct"),
        (GOLD_Q, {"value": 6e9}, "wrong value"),
        (GOLD_Q, {"unit": "USD"}, "wrong value"),
        (GOLD_Q, {"time_start": "2016"}, "wrong date"),
        (GOLD_Q, {"start": 14, "value": 6e11}, "boundary"),
        (GOLD_Q, {"start": 14, "value": 6.0}, "wrong value"),
        (
            {**GOLD_Q, "time_start": None, "time_end": None},
            {"time_start": "2020"},
            "correct",
        ),  # gold gives no date
        (GOLD_T, {}, "correct"),
        (GOLD_T, {"time_end": "2021"}, "wrong date"),
        ({"label": "GPE", "start": 0, "end": 6}, {"end": 13}, "boundary"),
    ],
)
def test_mark_pair(gold, change, mark):
    assert mark_pair(gold, {**gold, **change}) == mark


def test_compare_marks_missed_and_spurious_and_agrees_with_the_scorer():
    gold = [GOLD_T, GOLD_Q, {"label": "GPE", "start": 40, "end": 46, "text": "Almaty"}]
    pred = [
        {**GOLD_T},
        {**GOLD_Q, "value": 6e9},
        {"label": "ORG", "start": 40, "end": 46, "text": "Almaty"},
    ]
    rows, prf = compare(gold, pred)
    assert [(r.record["label"], r.mark) for r in rows] == [
        ("TIME", "correct"), ("QUANTITY", "wrong value"), ("GPE", "missed"), ("ORG", "spurious"),
    ]  # fmt: skip
    assert rows[1].gold is gold[1]
    scores = Scores()
    score_document(gold, pred, scores)
    assert (prf.tp, prf.pred, prf.gold) == (scores.get("ALL", "strict").tp, 3, 3)
    assert prf.tp == 2
