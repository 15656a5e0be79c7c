"""The packaged data files and the one reader they go through."""

import pytest

from extractor import resources
from extractor.resources import ResourceError, read_json, read_jsonl


def test_every_packaged_jsonl_file_reads():
    root = resources.__path__[0]
    from pathlib import Path

    names = [p.relative_to(root).as_posix() for p in Path(root).rglob("*.jsonl")]
    assert "fact_rules.jsonl" in names
    for name in names:
        assert read_jsonl(name), name


def test_fact_words_lists_are_lower_case_lemmas():
    words = read_json("fact_words.json")
    for key, value in words.items():
        if key.startswith("_") or not isinstance(value, list):
            continue
        assert all(w == w.lower() for w in value), key


@pytest.mark.parametrize(
    "text,message",
    [
        ('{"a": 1}\nnot json\n', "x.jsonl:2: not JSON"),
        ('{"a": 1}\n[1, 2]\n', "x.jsonl:2: a row is"),
    ],
)
def test_bad_rows_name_file_and_line(monkeypatch, text, message):
    monkeypatch.setattr(resources, "read_text", lambda name: text)
    with pytest.raises(ResourceError, match=message):
        read_jsonl("x.jsonl")
