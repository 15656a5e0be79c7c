"""The scorer (docs/scoring.md): matching, head words and what makes a fact."""

import pytest

from extractor.scoring import Scores, fold, head_word, match_spans, measured_ok, score_document


@pytest.mark.parametrize(
    "word,folded",
    [
        ("Investments", "investment"),
        ("taxes", "tax"),
        ("branches", "branch"),
        ("facilities", "facility"),
        ("people", "person"),
        ("children", "child"),
        ("gas", "gas"),
        ("process", "process"),
        ("jobs,", "job"),
        ("potatoes", "potato"),
        ("tomatoes", "tomato"),
        ("shoes", "shoe"),
    ],
)
def test_fold_case_and_plural(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize(
    "phrase,head",
    [
        ("gross agricultural output", "output"),
        ("products of the manufacturing industry", "product"),
        ("number of people", "number"),
        ("People", "person"),
        ("", None),
        (None, None),
    ],
)
def test_head_word(phrase, head):
    assert head_word(phrase) == head


@pytest.mark.parametrize(
    "gold,pred,ok",
    [
        (["investment"], "investments", True),
        (["investment", "volume"], "volume of investments", True),
        (["person"], "people", True),
        ("housing", "housing", True),
        (["job"], "new jobs created", False),
        (["job"], None, False),
    ],
)
def test_measured_ok(gold, pred, ok):
    assert measured_ok({"measured": gold}, {"measured": pred}) is ok


def _q(start, end, **fields):
    base = {"label": "QUANTITY", "start": start, "end": end, "value": 1.0, "unit": "KZT"}
    base.update(fields)
    return base


def test_matching_is_one_to_one_by_largest_overlap():
    gold = [_q(0, 10), _q(12, 20)]
    pred = [_q(0, 4), _q(2, 11)]
    pairs = match_spans(gold, pred)
    assert [(g["start"], p["start"]) for g, p in pairs] == [(0, 2)]


@pytest.mark.parametrize(
    "gold_fields,pred_fields,fact",
    [
        ({"measured": ["job"], "time_start": "2015", "time_end": "2019"},
         {"measured": "jobs", "time_start": "2015", "time_end": "2019"}, 1),
        ({"measured": ["job"], "time_start": "2015", "time_end": "2019"},
         {"measured": "jobs", "time_start": None, "time_end": None}, 0),
        # Gold without a period or a measured does not judge them.
        ({"measured": None, "time_start": None, "time_end": None},
         {"measured": "jobs", "time_start": "2020", "time_end": "2020"}, 1),
        ({"measured": ["job"], "time_start": None, "time_end": None},
         {"measured": "schools", "time_start": None, "time_end": None}, 0),
        ({"value": 2.0}, {"value": 1.0}, 0),
    ],
)  # fmt: skip
def test_fact_needs_value_measured_and_period_where_gold_has_them(gold_fields, pred_fields, fact):
    scores = Scores()
    score_document([_q(0, 5, **gold_fields)], [_q(0, 5, **pred_fields)], scores)
    assert scores.get("QUANTITY", "fact").tp == fact


def _quantity(**fields):
    return {"doc_id": "d", "label": "QUANTITY", "start": 0, "end": 5, "text": "5 bn",
            "value": 5e9, "unit": "KZT", **fields}  # fmt: skip


@pytest.mark.parametrize(
    "gold_fields,pred_fields,judged,right",
    [
        ({"indicator": "investment"}, {"indicator": "investment"}, 1, 1),  # the same id
        ({"indicator": "investment"}, {"indicator": "budget_spending"}, 1, 0),  # another id
        ({"indicator": None}, {"indicator": None}, 1, 1),  # null is an answer: both null
        ({"indicator": None}, {"indicator": "investment"}, 1, 0),  # an id where none fits
        ({}, {"indicator": "investment"}, 0, 0),  # gold without the key: not judged
        ({"indicator": "investment"}, {"indicator": "investment", "value": 6e9}, 1, 1),
    ],
)
def test_indicator_accuracy_over_matched_quantities_whose_gold_has_the_key(
    gold_fields, pred_fields, judged, right
):
    scores = Scores()
    score_document([_quantity(**gold_fields)], [_quantity(**pred_fields)], scores)
    prf = scores.get("QUANTITY", "indicator")
    assert (prf.pred, prf.tp) == (judged, right)
    assert [e["kind"] for e in scores.errors].count("wrong indicator") == judged - right
