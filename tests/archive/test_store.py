"""The archive file, on a real DuckDB file: re-ingest, replacement, a killed ingest, two
writers."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

import duckdb
import pytest

from extractor.archive import Archive, ArchiveBusyError, ArchiveDocument, ArchiveError
from extractor.archive.store import iso_day, needs_writing, sentence_around


def _counts(path) -> dict[str, int]:
    with Archive(path, read_only=True) as archive:
        return archive.counts()


def test_ingesting_the_corpus_twice_adds_nothing(tmp_path, corpus_documents):
    path = tmp_path / "facts.duckdb"
    with Archive(path) as archive:
        first = archive.ingest(corpus_documents)
        second = archive.ingest(corpus_documents)
    assert first.added == len(corpus_documents) and first.unchanged == 0
    assert second.written == 0 and second.unchanged == len(corpus_documents)
    spans = sum(len(d.records) for d in corpus_documents)
    facts = sum(r["label"] == "QUANTITY" for d in corpus_documents for r in d.records)
    assert _counts(path) == {"documents": len(corpus_documents), "spans": spans, "facts": facts}
    with Archive(path, read_only=True) as archive:
        dupes = archive.con.execute(
            'SELECT count(*) FROM (SELECT doc_id, start, "end" FROM facts '
            "GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()[0]
    assert dupes == 0


def test_a_changed_document_replaces_its_rows_only(tmp_path, corpus_documents):
    path = tmp_path / "facts.duckdb"
    with Archive(path) as archive:
        archive.ingest(corpus_documents)
    before = _counts(path)
    target = corpus_documents[0]
    kept = [r for r in target.records if r["label"] == "QUANTITY"][:1]
    changed = dataclasses.replace(target, text_hash="another text", records=kept)
    with Archive(path) as archive:
        report = archive.ingest([changed])
        rows = archive.con.execute(
            "SELECT count(*), any_value(text_hash) FROM facts JOIN documents USING (doc_id) "
            "WHERE doc_id = ?",
            [target.id],
        ).fetchone()
    assert (report.replaced, report.added) == (1, 0)
    assert rows == (1, "another text")
    old_facts = sum(r["label"] == "QUANTITY" for r in target.records)
    after = _counts(path)
    assert after["documents"] == before["documents"]
    assert after["facts"] == before["facts"] - old_facts + 1
    assert after["spans"] == before["spans"] - len(target.records) + 1


@pytest.mark.parametrize(
    "stored,text_hash,version,expected",
    [
        (None, "h", "0.1.0", True),  # not archived
        (("h", "0.1.0"), "h", "0.1.0", False),  # the same document from the same extractor
        (("h", "0.1.0"), "h2", "0.1.0", True),  # a new text
        (("h", "0.1.0"), "h", "0.2.0", True),  # a newer extractor
        (("h", "0.10.0"), "h", "0.9.0", False),  # an older one (compared as versions)
    ],
)
def test_needs_writing(stored, text_hash, version, expected):
    assert needs_writing(stored, text_hash, version) is expected


def test_a_newer_extractor_replaces_an_older_one_does_not(tmp_path):
    path = tmp_path / "facts.duckdb"
    record = {"doc_id": "a", "label": "TIME", "start": 0, "end": 4, "text": "2020"}
    old = ArchiveDocument("a", "h", [record], extractor_version="0.1.0")
    with Archive(path) as archive:
        archive.ingest([old])
        newer = archive.ingest([dataclasses.replace(old, extractor_version="0.2.0")])
        older = archive.ingest([old])
        version = archive.con.execute("SELECT extractor_version FROM documents").fetchone()[0]
    assert (newer.replaced, older.unchanged, version) == (1, 1, "0.2.0")


_KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from extractor.archive import Archive, ArchiveDocument

    def documents():
        for i in range(100_000):
            if i == 1_000:
                print("half", flush=True)
            records = [
                {"doc_id": f"d{i}", "label": "QUANTITY", "start": k, "end": k + 1,
                 "text": "5", "value": 5, "unit": "job"}
                for k in range(20)
            ]
            yield ArchiveDocument(f"d{i}", f"h{i}", records)

    with Archive(sys.argv[1]) as archive:
        archive.ingest(documents())
    """
)


def test_an_ingest_killed_midway_leaves_whole_documents(tmp_path):
    path = tmp_path / "facts.duckdb"
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "half"
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with Archive(path, read_only=True) as archive:
        documents = archive.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        per_document = archive.con.execute(
            "SELECT DISTINCT n FROM (SELECT d.doc_id, count(f.doc_id) n FROM documents d "
            "LEFT JOIN facts f USING (doc_id) GROUP BY 1)"
        ).fetchall()
        orphans = archive.con.execute(
            "SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
    assert 0 < documents < 100_000
    assert per_document == [(20,)]  # every archived document has all its facts
    assert orphans == 0


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from extractor.archive import Archive

    with Archive(sys.argv[1]):
        print("ready", flush=True)
        time.sleep(60)
    """
)


def test_a_second_writer_gets_a_clear_message_and_the_file_is_intact(tmp_path, corpus_documents):
    path = tmp_path / "facts.duckdb"
    with Archive(path) as archive:
        archive.ingest(corpus_documents[:5])
    before = _counts(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(ArchiveBusyError, match="open for writing in another process"):
            Archive(path)
        with pytest.raises(ArchiveBusyError):
            Archive(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    assert _counts(path) == before


def test_a_missing_or_foreign_file_is_an_archive_error(tmp_path):
    with pytest.raises(ArchiveError, match="no archive there"):
        Archive(tmp_path / "none.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(ArchiveError, match="no extractor archive"):
        Archive(other, read_only=True)
    text = tmp_path / "text.duckdb"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(ArchiveError, match="cannot open it"):
        Archive(text)


@pytest.mark.parametrize(
    "value,last,expected",
    [
        ("2023", False, date(2023, 1, 1)),
        ("2023", True, date(2023, 12, 31)),
        ("2024-02", True, date(2024, 2, 29)),  # a leap year's February
        ("2023-12", True, date(2023, 12, 31)),
        ("2023-05-09", True, date(2023, 5, 9)),
        ("2023-02-30", False, None),  # no such day
        (None, False, None),
    ],
)
def test_iso_day(value, last, expected):
    assert iso_day(value, last=last) == expected


@pytest.mark.parametrize(
    "text,amount,expected",
    [
        ("GRP grew. Investment was 4.1 trillion tenge. Next.", "4.1", "Investment was 4.1 trillion tenge."),
        ("Mr. Abenov said 5 jobs. Then more.", "5", "Mr. Abenov said 5 jobs."),
        ("Headline 12 schools\nThe body text.", "12", "Headline 12 schools"),
    ],
)  # fmt: skip
def test_sentence_around(text, amount, expected):
    start = text.index(amount)
    sentence, offset = sentence_around(text, start, start + len(amount))
    assert sentence == expected
    assert text[offset : offset + len(sentence)] == sentence


def test_without_pyarrow_the_rows_are_the_same(tmp_path, corpus_documents, monkeypatch):
    docs = corpus_documents[:4]

    def table_rows(path):
        with Archive(path, read_only=True) as archive:
            return [
                archive.con.execute(f"SELECT * EXCLUDE ({skip}) FROM {t} ORDER BY ALL").fetchall()
                for t, skip in (("documents", "ingested_at"), ("spans", "label"), ("facts", "text"))
            ]

    with Archive(tmp_path / "arrow.duckdb") as archive:
        archive.ingest(docs)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with Archive(tmp_path / "values.duckdb") as archive:
        archive.ingest(docs)
    assert table_rows(tmp_path / "arrow.duckdb") == table_rows(tmp_path / "values.duckdb")
