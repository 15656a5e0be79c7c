"""The one reader of the package's data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.resources import ResourceError, parse_jsonl, read_json, read_jsonl

DATA = Path(__file__).resolve().parents[1] / "extractor" / "resources"
FILES = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*.jsonl"))


@pytest.mark.parametrize(
    "text,rows",
    [
        ('{"a": 1}\n{"a": 2}\n', [{"a": 1}, {"a": 2}]),
        ('\n{"a": 1}\n   \n', [{"a": 1}]),
        ("", []),
    ],
)
def test_rows(text, rows):
    assert parse_jsonl(text, "x.jsonl") == rows


@pytest.mark.parametrize(
    "text,says",
    [
        ('{"a": 1}\n{"a": \n', "x.jsonl:2: "),
        ('{"a": 1}\n\n[1, 2]\n', "x.jsonl:3: not a JSON object"),
        ('"word"\n', "x.jsonl:1: not a JSON object"),
    ],
)
def test_a_bad_line_is_named_with_file_and_line(text, says):
    with pytest.raises(ResourceError, match=says):
        parse_jsonl(text, "x.jsonl")


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_reads(name):
    assert read_jsonl(name)


@pytest.mark.parametrize("name", [f for f in FILES if f.startswith("gazetteers/")])
def test_no_gazetteer_lists_a_name_twice(name):
    names = [row.get("pattern") or row.get("text") or row.get("title") for row in read_jsonl(name)]
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, f"{name} lists these twice: {twice}"


def test_no_module_reads_data_files_on_its_own():
    package = DATA.parent
    readers = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.parent != DATA and 'resources.files("extractor.resources")' in path.read_text()
    ]
    assert readers == []


def test_every_bad_line_is_reported_at_once():
    with pytest.raises(ResourceError) as info:
        parse_jsonl('[1]\n{"a": 1}\n"x"\n', "x.jsonl")
    assert "x.jsonl:1" in str(info.value) and "x.jsonl:3" in str(info.value)


def test_fact_words_are_lower_case_lemmas():
    words = read_json("fact_words.json")
    for key, value in words.items():
        if isinstance(value, list):
            assert all(w == w.lower() for w in value), key
