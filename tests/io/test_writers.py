"""Writers and the resumable output: formats, the ledger, and every way a run can stop."""

import csv
import io
import json

import pytest

from extractor.io.corpus import Document, InputError
from extractor.io.writers import (
    CHANGED,
    CsvWriter,
    DocStatus,
    JsonlWriter,
    OutputError,
    ResumableOutput,
    ledger_path,
    read_ledger,
)
from extractor.schema import FACT_FIELDS, SPAN_FIELDS

QUANTITY = {"doc_id": "a", "label": "QUANTITY", "start": 0, "end": 9, "text": "5 schools",
            "value": 5, "low": None, "high": None, "unit": "school", "qualifier": None,
            "measured": ["school", "schools"], "time_start": "2020", "time_end": "2020",
            "indicator": "schools", "measured_rule": "measured.counted_noun",
            "period_rule": "period.governing_time", "indicator_rule": "measured:school",
            "place": "Almaty", "speaker": "Mr Abenov", "speaker_id": "abenov"}  # fmt: skip
TIME = {
    "doc_id": "a",
    "label": "TIME",
    "start": 13,
    "end": 17,
    "text": "2020",
    "time_start": "2020",
    "time_end": "2020",
}
DOCS = {
    "a": [QUANTITY, TIME],
    "b": [],  # a document without spans is still done
    "c": [{**TIME, "doc_id": "c"}, {**QUANTITY, "doc_id": "c", "text": "«5» школ"}],
    "d": [{**QUANTITY, "doc_id": "d"}],
}


@pytest.mark.parametrize(
    "writer,expected",
    [
        (JsonlWriter(), [json.dumps(QUANTITY, ensure_ascii=False), json.dumps(TIME)]),
        (
            JsonlWriter(facts=True),
            [json.dumps(QUANTITY, ensure_ascii=False)],
        ),  # facts: QUANTITY only, every field of the label
    ],
)
def test_jsonl_writer(writer, expected):
    assert writer.header() == ""
    assert writer.render([QUANTITY, TIME]).splitlines() == expected


def test_a_fact_carries_every_field_of_its_label_even_when_unknown():
    linked = ("measured_rule", "period_rule", "indicator_rule", "speaker", "speaker_id", "place")
    bare = {k: v for k, v in QUANTITY.items() if k not in linked}
    (line,) = JsonlWriter(facts=True).render([bare]).splitlines()
    assert json.loads(line) == {**QUANTITY, **dict.fromkeys(linked)}


@pytest.mark.parametrize(
    "facts,columns,rows",
    [
        (
            False,
            SPAN_FIELDS,
            [["a", "QUANTITY", "0", "9", "5 schools"], ["a", "TIME", "13", "17", "2020"]],
        ),
        (True, FACT_FIELDS, [["a", "QUANTITY", "0", "9", "5 schools"]]),
    ],
)
def test_csv_writer(facts, columns, rows):
    writer = CsvWriter(facts=facts)
    table = list(csv.reader(io.StringIO(writer.header() + writer.render([QUANTITY, TIME]))))
    assert tuple(table[0]) == columns
    assert [row[:5] for row in table[1:]] == rows
    header = table[0]
    assert table[1][header.index("measured")] == "school|schools"
    for name in ("place", "speaker", "speaker_id"):
        assert table[1][header.index(name)] == QUANTITY[name]


def test_csv_refuses_a_field_the_schema_does_not_know():
    with pytest.raises(ValueError):
        CsvWriter().render([{**TIME, "mood": "grim"}])


def _csv_cell(value) -> str:
    if value is None:
        return ""
    return "|".join(value) if isinstance(value, list) else str(value)


@pytest.mark.parametrize("facts", [False, True])
def test_csv_and_jsonl_carry_the_same_fields_for_the_same_records(extract, facts):
    # a speaker, a place, a person with an id, a range, a time: every kind of field
    records = extract(
        "Akim of Almaty region Marat Abenov said: in 2019 the region built 12 to 15 schools "
        "and spent over 3.5 billion tenge on roads in Almaty. Abenov added that 2,000 jobs "
        "were created.",
        "2020-03-05",
    )
    assert {"place", "speaker_id", "person_id"} <= {k for r in records for k, v in r.items() if v}
    jsonl = [json.loads(line) for line in JsonlWriter(facts=facts).render(records).splitlines()]
    csv_writer = CsvWriter(facts=facts)
    rows = list(csv.DictReader(io.StringIO(csv_writer.header() + csv_writer.render(records))))
    assert len(rows) == len(jsonl) > 0
    for row, rec in zip(rows, jsonl, strict=True):
        assert set(rec) <= set(row)
        assert {k: v for k, v in row.items() if v} == {
            k: _csv_cell(v) for k, v in rec.items() if v is not None
        }


def _write(path, writer, ids, *, resume=False):
    with ResumableOutput(path, writer, resume=resume) as out:
        for doc_id in ids:
            if out.status(doc_id, f"sha-{doc_id}") is DocStatus.NEW:
                out.write(doc_id, f"sha-{doc_id}", DOCS[doc_id])
    return path.read_bytes()


@pytest.fixture(params=["jsonl", "csv"])
def writer(request):
    return JsonlWriter() if request.param == "jsonl" else CsvWriter()


def test_the_ledger_records_each_document_after_its_rows(tmp_path, writer):
    out = tmp_path / "out"
    data = _write(out, writer, "abcd")
    settings, entries, size = read_ledger(ledger_path(out))
    assert settings == {"ledger": 1, "format": writer.name, "facts": False}
    assert [e.id for e in entries] == list("abcd")
    assert entries[-1].end == len(data)
    assert entries[1].end == entries[0].end  # "b" has no rows
    assert size == ledger_path(out).stat().st_size


@pytest.mark.parametrize(
    "stop",
    [
        "after-ledger",  # killed between two documents
        "rows-without-ledger",  # killed after a document's rows, before its ledger line
        "half-rows",  # killed inside a document's rows (one write() each: not expected, handled)
        "half-ledger-line",  # killed in the middle of the ledger line
        "before-any-document",  # killed right after start: header only
        "no-ledger",  # the ledger was deleted: start again
        "rows-then-c-removed",  # rows of "c" left behind, and "c" is gone from the input
    ],
)
def test_a_resumed_run_ends_with_the_output_of_an_uninterrupted_one(tmp_path, writer, stop):
    ids = "abd" if stop == "rows-then-c-removed" else "abcd"
    full = _write(tmp_path / "full", writer, ids)
    out = tmp_path / "out"
    _write(out, writer, "" if stop == "before-any-document" else "ab")
    ledger = ledger_path(out)
    rows_c = writer.render(DOCS["c"]).encode("utf-8")
    if stop in ("rows-without-ledger", "rows-then-c-removed"):
        out.write_bytes(out.read_bytes() + rows_c)
    elif stop == "half-rows":
        out.write_bytes(out.read_bytes() + rows_c[: len(rows_c) // 2])
    elif stop == "half-ledger-line":
        out.write_bytes(out.read_bytes() + rows_c)
        ledger.write_bytes(ledger.read_bytes() + b'{"id": "c", "sha256": "sha-c", "e')
    elif stop == "no-ledger":
        ledger.unlink()
    assert _write(out, writer, ids, resume=True) == full
    assert [e.id for e in read_ledger(ledger)[1]] == list(ids)


def test_resume_skips_done_documents_and_flags_changed_ones(tmp_path):
    out_path = tmp_path / "out.jsonl"
    _write(out_path, JsonlWriter(), "ab")
    items = [
        Document("a", "same"),
        InputError("x.jsonl", "is not valid JSON", 2),
        Document("b", "edited since"),
        Document("c", "new", size=3),
    ]
    with ResumableOutput(out_path, JsonlWriter(), resume=True) as out:
        out.done = {"a": items[0].sha256, "b": "sha-of-the-old-b"}
        pending = list(out.pending(items))
    assert [getattr(p, "kind", "doc") for p in pending] == ["unreadable", CHANGED, "doc"]
    assert pending[1].id == "b" and "run again without --resume" in pending[1].reason
    assert pending[2] is items[3]
    assert out.kept == 1


@pytest.mark.parametrize(
    "first,second,message",
    [
        (JsonlWriter(), CsvWriter(), "--format jsonl"),
        (CsvWriter(), CsvWriter(facts=True), "--format csv"),
        (JsonlWriter(facts=True), JsonlWriter(), "--format jsonl --facts"),
    ],
)
def test_resume_with_other_settings_is_refused(tmp_path, first, second, message):
    out = tmp_path / "out"
    _write(out, first, "ab")
    with pytest.raises(OutputError, match=f"written with other settings \\({message}\\)"):
        _write(out, second, "abcd", resume=True)


def test_resume_refuses_an_output_shorter_than_its_ledger(tmp_path):
    out = tmp_path / "out.jsonl"
    _write(out, JsonlWriter(), "ab")
    out.write_bytes(out.read_bytes()[:10])
    with pytest.raises(OutputError, match="is shorter"):
        _write(out, JsonlWriter(), "abcd", resume=True)


def test_without_resume_the_output_starts_afresh(tmp_path):
    out = tmp_path / "out.jsonl"
    _write(out, JsonlWriter(), "abcd")
    assert _write(out, JsonlWriter(), "a") == JsonlWriter().render(DOCS["a"]).encode()
    assert [e.id for e in read_ledger(ledger_path(out))[1]] == ["a"]
