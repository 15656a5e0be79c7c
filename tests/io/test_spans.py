"""Saved extraction results: recognised by content, read with every bad line reported."""

import json

import pytest

from extractor.io.spans import CorpusTexts, is_span_file, read_span_file, text_matches

SPAN = {"doc_id": "a", "label": "QUANTITY", "start": 0, "end": 7, "text": "5 tons."}
DOC = {"id": "a", "text": "5 tons.", "date": "2020"}


def write(path, *lines):
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "lines,expected",
    [
        ([SPAN], True),
        ([DOC], False),
        (["", "{broken", SPAN], True),
        ([DOC, SPAN], True),  # documents with their spans
        (["[1, 2]"], False),
        ([], False),
    ],
)
def test_span_files_are_recognised_by_content(tmp_path, lines, expected):
    assert is_span_file(write(tmp_path / "x.jsonl", *lines)) is expected


def test_read_span_file_groups_by_document_and_reports_bad_lines(tmp_path):
    path = write(
        tmp_path / "spans.jsonl",
        SPAN,
        {**SPAN, "doc_id": "b"},
        "{broken",
        {**SPAN, "start": 9, "end": 3},
        {**SPAN, "doc_id": None},
        DOC,
        {**SPAN, "start": 2, "end": 6, "text": "tons"},
    )
    got = read_span_file(path)
    assert list(got.records) == ["a", "b"]
    assert [r["start"] for r in got.records["a"]] == [0, 2]
    assert got.texts == {"a": "5 tons."}
    assert [(e.line, e.reason.split(" (")[0]) for e in got.errors] == [
        (3, "is not valid JSON"),
        (4, "offsets 9-3 are not 0 <= start < end"),
        (5, 'has no "doc_id"; span lines need doc_id, label, start and end'),
    ]


def test_corpus_texts_from_folders_and_files(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Text of a.", encoding="utf-8")
    docs = write(tmp_path / "docs.jsonl", {"id": "b", "text": "Text of b."})
    texts = CorpusTexts([tmp_path / "corpus", docs, tmp_path / "missing"])
    assert texts.get("a").text == "Text of a."
    assert texts.get("b").text == "Text of b."
    assert texts.get("c") is None
    assert texts.get("../corpus/a") is None  # ids never leave the folder


@pytest.mark.parametrize("text,expected", [("5 tons.", True), ("5 tonnes.", False), ("5", False)])
def test_text_matches(text, expected):
    assert text_matches(text, [SPAN]) is expected
