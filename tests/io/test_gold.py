"""The gold set's checks, one kind of problem a row, on made-up records."""

from __future__ import annotations

import json

import pytest

from extractor.io.gold import check_span, gold_ids, load_split, text_hash

TEXT = "In 2021 the akimat built 12 schools for 3.5 billion tenge."


def quantity(**fields) -> dict:
    start = TEXT.index("12 schools")
    rec = {"doc_id": "d", "label": "QUANTITY", "start": start, "end": start + 10,
           "text": "12 schools", "value": 12, "low": None, "high": None, "unit": "school",
           "qualifier": None, "measured": ["school"], "time_start": "2021", "time_end": "2021",
           "doc_sha256": text_hash(TEXT)}  # fmt: skip
    return {**rec, **fields}


@pytest.mark.parametrize(
    "fields,problem",
    [
        ({}, None),
        ({"label": "AMOUNT"}, "unknown label 'AMOUNT'"),
        ({"start": 0}, "does not match the document"),
        ({"end": 999}, "outside the text"),
        ({"doc_sha256": "0" * 16}, "doc_sha256 does not match"),
        ({"unit": None}, "has no unit"),
        ({"qualifier": "roughly"}, "qualifier 'roughly' is not one of"),
        ({"value": None}, "needs a value, or both low and high"),
        ({"value": None, "low": 10, "high": 14}, None),
        ({"measured": "school"}, "measured must be a list of head words or null"),
        ({"measured": None}, None),
        ({"time_start": "spring"}, "time_start 'spring' is not an ISO date"),
        ({"indicator": "schools"}, None),
        ({"indicator": None}, None),
        ({"indicator": "school_count"}, "indicator 'school_count' is not an id"),
    ],
)
def test_check_span(fields, problem):
    problems = [p.message for p in check_span(quantity(**fields), TEXT)]
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_missing_fields_are_named():
    rec = {k: v for k, v in quantity().items() if k not in ("start", "text")}
    messages = [p.message for p in check_span(rec, TEXT)]
    assert messages == ["missing field 'start'", "missing field 'text'"]


def test_the_split_and_the_ids(tmp_path):
    for doc_id in ("b", "a", "c"):
        (tmp_path / f"{doc_id}.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["a", "b"], "test": ["c"]}))
    assert gold_ids(tmp_path) == ["a", "b", "c"]
    assert load_split(tmp_path, "dev") == ["a", "b"]
    assert load_split(tmp_path, "test") == ["c"]
    assert load_split(tmp_path, "all") == ["a", "b", "c"]
    with pytest.raises(KeyError, match="no split 'train'"):
        load_split(tmp_path, "train")
