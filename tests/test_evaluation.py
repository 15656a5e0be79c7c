"""``evaluate_documents``: a document the pipeline fails on is scored as found empty and
listed, and the other documents are still scored."""

from __future__ import annotations

import json

import spacy
from spacy.language import Language

from extractor.evaluation import evaluate_documents
from extractor.schema import register_extensions


@Language.component("test_evaluation_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("boom")
    return doc


def _gold(tmp_path, doc_id: str, text: str) -> None:
    (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    start = text.index("5 schools")
    record = {"doc_id": doc_id, "label": "QUANTITY", "start": start, "end": start + 9,
              "text": "5 schools", "value": 5, "unit": "school"}  # fmt: skip
    (tmp_path / f"{doc_id}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_a_failing_document_counts_as_missed_and_the_others_are_scored(tmp_path):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_evaluation_fails_on_boom")
    _gold(tmp_path, "a", "The district built 5 schools.")
    _gold(tmp_path, "b", "BOOM: the district built 5 schools.")
    result = evaluate_documents(nlp, ["a", "b"], gold_dir=tmp_path, corpus_dir=tmp_path)
    assert [err.id for err in result.failed] == ["b"]
    assert "ValueError: boom" in result.failed[0].reason
    assert set(result.texts) == {"a", "b"}
    strict = result.scores.get("QUANTITY", "strict")
    assert (strict.tp, strict.pred, strict.gold) == (0, 0, 2)  # both gold spans are counted
