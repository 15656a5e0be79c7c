"""Reading documents: encodings, bad files and bad JSONL lines, one row per kind."""

import gzip
import json
import os
from pathlib import Path

import pytest

from extractor.io import corpus
from extractor.io.corpus import (
    Document,
    InputError,
    NotText,
    decode,
    iter_documents,
    read_jsonl,
    read_txt,
)

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = (ROOT / "corpus" / "010_turkistan_akim_report.txt").read_text(encoding="utf-8")
RUSSIAN = "Аким Туркестанской области выступил с отчётом. В 2020 году построено 5 школ."


@pytest.mark.parametrize(
    "text,encoding,expected",
    [
        ("In 2020, 5 schools – «new» ones.", "utf-8", "utf-8"),
        ("In 2020, 5 schools – «new» ones.", "utf-8-sig", "utf-8-sig"),  # UTF-8 with a BOM
        (ENGLISH, "utf-16", "utf-16"),  # little-endian, with a BOM
        (ENGLISH, "utf-16-be-bom", "utf-16"),
        (ENGLISH, "utf-32", "utf-32"),
        (RUSSIAN, "cp1251", "cp1251"),
        (RUSSIAN, "koi8_r", "koi8_r"),
        (RUSSIAN, "cp866", "cp866"),
        # English with a few Cyrillic words: too little for a detector alone, so the
        # region's code pages come first
        (ENGLISH + "\n\nАким Туркестанской области. № 5 «Программа».", "cp1251", "cp1251"),
        (ENGLISH + " Аким.", "cp1251", "cp1251"),
        (ENGLISH + " Café in Zürich.", "cp1252", "cp1252"),
    ],
)
def test_decode_finds_the_encoding(text, encoding, expected):
    data = (
        b"\xfe\xff" + text.encode("utf-16-be")
        if encoding == "utf-16-be-bom"
        else text.encode(encoding)
    )
    assert decode(data) == (text, expected)


@pytest.mark.parametrize(
    "data,kind",
    [
        (gzip.compress(ENGLISH.encode(), mtime=0), corpus.BINARY),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8, corpus.BINARY),
        (
            ENGLISH[:2000].encode() + b"\x00" + ENGLISH[2000:].encode(),
            corpus.NUL_BYTES,
        ),  # one stray NUL
        (
            "Аким Туркестанской области. ".encode() * 9 + b"\xd0" + ", 5 школ".encode(),
            corpus.UNDECODABLE,
        ),  # damaged UTF-8
        (
            bytes(range(0x80, 0x100)) * 20,
            corpus.UNDECODABLE,
        ),  # high bytes only: no code page reads them as text
        (ENGLISH.encode("utf-16-le"), corpus.BINARY),  # UTF-16 without a byte-order mark
    ],
)
def test_decode_reports_what_is_not_text(data, kind):
    decoded = decode(data)
    assert isinstance(decoded, NotText) and decoded.kind == kind


def _make(tmp_path: Path, kind: str) -> Path:
    """A .txt file (or something in its place) with one kind of problem."""
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "whitespace":
        path.write_text(" \n\t\n  ", encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(gzip.compress(ENGLISH.encode(), mtime=0))
    elif kind == "nul":
        path.write_bytes(b"In 2020, 5 schools were built.\n" * 40 + b"\x00" + b"And 3 roads.\n")
    elif kind == "undecodable":
        path.write_bytes("Аким области. ".encode() * 9 + b"\xd0\xd0")
    elif kind == "broken-symlink":
        path.symlink_to(tmp_path / "gone.txt")
    elif kind == "fifo":
        os.mkfifo(path)  # reading it would block: it must never be opened
    elif kind == "folder":
        path.mkdir()
    elif kind == "under-a-file":  # stat fails with ENOTDIR, even for root
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        path = tmp_path / "plain" / "doc.txt"
    return path


@pytest.mark.parametrize(
    "kind,error_kind,reason",
    [
        ("empty", corpus.EMPTY, "is empty"),
        ("whitespace", corpus.EMPTY, "contains only whitespace"),
        ("binary", corpus.BINARY, "is a binary file"),
        ("nul", corpus.NUL_BYTES, "contains NUL bytes (the first at byte 1240)"),
        ("undecodable", corpus.UNDECODABLE, "is UTF-8 with invalid bytes (the first at byte 225)"),
        ("broken-symlink", corpus.BROKEN_SYMLINK, "is a broken symbolic link"),
        ("fifo", corpus.NOT_A_FILE, "is not a regular file"),
        ("folder", corpus.NOT_A_FILE, "is a folder"),
        ("under-a-file", corpus.UNREADABLE, "cannot read the file (Not a directory)"),
    ],
)
def test_read_txt_reports_bad_files(tmp_path, kind, error_kind, reason):
    path = _make(tmp_path, kind)
    error = read_txt(path)
    assert isinstance(error, InputError)
    assert (error.path, error.kind, error.id) == (str(path), error_kind, path.stem)
    assert reason in error.reason
    assert str(error).startswith(f"{path}: ")


def test_read_txt_reports_a_file_it_may_not_read(tmp_path, monkeypatch):
    # chmod 000 does not stop root, who runs these tests: fail the read itself instead.
    path = tmp_path / "locked.txt"
    path.write_text("In 2020, 5 schools were built.", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    error = read_txt(path)
    assert isinstance(error, InputError)
    assert (error.kind, error.reason) == (
        corpus.UNREADABLE,
        "cannot read the file (Permission denied); check that it is readable",
    )


def test_read_txt_takes_id_and_date_from_the_meta_file(tmp_path):
    path = tmp_path / "hearing.txt"
    path.write_text(RUSSIAN, encoding="cp1251")
    (tmp_path / "hearing.meta.json").write_text(
        json.dumps({"id": "h-1", "date": "2020-03", "title": "T"}), encoding="utf-8"
    )
    doc = read_txt(path, default_date="2019")
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.date, doc.meta, doc.encoding, doc.size) == (
        "h-1",
        RUSSIAN,
        "2020-03",
        {"title": "T"},
        "cp1251",
        len(RUSSIAN),
    )


@pytest.mark.parametrize(
    "line,kind,reason",
    [
        ("{not json", corpus.MALFORMED, "is not valid JSON"),
        ('["a", "list"]', corpus.MALFORMED, "is not a JSON object"),
        ('{"id": "a"}', corpus.NO_TEXT, 'has no "text"'),
        ('{"id": "a", "text": 5}', corpus.NO_TEXT, '"text" that is not a string'),
        ('{"id": "a", "text": ""}', corpus.EMPTY, '"text" is empty'),
        ('{"id": "a", "text": "  \\n "}', corpus.EMPTY, '"text" contains only whitespace'),
        (
            '{"id": "a", "text": "5 schools\\u0000 built"}',
            corpus.NUL_BYTES,
            "contains a NUL character",
        ),
        (
            '{"id": ["a"], "text": "5 schools"}',
            corpus.BAD_FIELD,
            "id that is not a string or number",
        ),
        (
            '{"id": "a", "text": "5 schools", "date": "March"}',
            corpus.BAD_FIELD,
            "is not an ISO date",
        ),
        (
            '{"id": "a", "text": "5 \xe8coles"}',
            corpus.UNDECODABLE,
            "is not UTF-8",
        ),  # a Latin-1 byte
    ],
)
def test_read_jsonl_reports_each_bad_line_with_its_number(tmp_path, line, kind, reason):
    path = tmp_path / "docs.jsonl"
    good = json.dumps({"id": "ok", "text": "In 2020, 5 schools were built."})
    path.write_bytes(
        b"\n".join(
            [
                good.encode(),
                line.encode("latin-1" if "\xe8" in line else "utf-8"),
                good.replace("ok", "ok2").encode(),
            ]
        )
        + b"\n"
    )
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    error = items[1]
    assert (error.path, error.line, error.kind) == (str(path), 2, kind)
    assert reason in error.reason
    assert str(error).startswith(f"{path}:2: ")


def test_read_jsonl_names_records_without_id_by_line_and_keeps_metadata(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n" + json.dumps({"text": "5 schools", "source": "akimat"}) + "\n", encoding="utf-8"
    )
    (doc,) = read_jsonl(path)
    assert (doc.id, doc.line, doc.meta) == ("docs:2", 2, {"source": "akimat"})


def test_a_utf16_jsonl_file_is_reported_once(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "5 schools"}) + "\n", encoding="utf-16")
    items = list(read_jsonl(path))
    assert (
        items and items[0].kind == corpus.UNDECODABLE and "JSONL must be UTF-8" in items[0].reason
    )


def test_iter_documents_walks_folders_in_sorted_order(tmp_path):
    names = ["b.txt", "a/z.txt", "a/b/c.jsonl", "a.txt", "A.txt", "c/x.md", "a/b.txt"]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".jsonl":
            path.write_text(json.dumps({"id": "c1", "text": "1 school"}) + "\n", encoding="utf-8")
        else:
            path.write_text(f"{name}: 1 school", encoding="utf-8")
    expected = [str(p) for p in sorted(tmp_path.rglob("*")) if p.suffix in (".txt", ".jsonl")]
    assert [d.path for d in iter_documents([tmp_path])] == expected


def test_iter_documents_reports_repeated_ids_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("1 school", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "a", "text": "2 schools"})
        + "\n"
        + json.dumps({"id": "b", "text": "3 schools"})
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_documents([tmp_path, tmp_path / "missing"]))
    assert [(type(i).__name__, i.id, getattr(i, "kind", None)) for i in items] == [
        ("Document", "a", None),
        ("InputError", "a", corpus.DUPLICATE_ID),
        ("Document", "b", None),
        ("InputError", None, corpus.MISSING),
    ]
    assert items[1].line == 1 and f"{tmp_path / 'a.txt'}" in items[1].reason


@pytest.mark.parametrize(
    "a,b,same",
    [
        (
            Document("x", "5 schools", "2020"),
            Document("x", "5 schools", "2020", path="elsewhere"),
            True,
        ),
        (
            Document("x", "5 schools", "2020"),
            Document("x", "5 schools", "2021"),
            False,
        ),  # the date anchors periods
        (Document("x", "5 schools", None), Document("x", "5 schools.", None), False),
    ],
)
def test_sha256_covers_text_and_date(a, b, same):
    assert (a.sha256 == b.sha256) is same
