"""`extract --db`, `ingest`, `query` and `conflicts` through the real entry point, on real
DuckDB files and documents written for the test."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap

import pytest
from rich.console import Console
from typer.testing import CliRunner

from extractor.archive.sources import PYARROW_HINT
from extractor.cli import _util, app
from extractor.io.writers import CsvWriter
from extractor.schema import SPAN_FIELDS

# Three reports on one region and year: A and B agree once B's "more than" and "about"
# are read as such; C disagrees with both, and says a part is larger than its whole.
DOCUMENTS = {
    "a": ("2020-02-10", "Akim of Kyzylorda region Nurlybek Nalibayev reported on the results "
          "of the past year. In 2019, 65 thousand new jobs were created in Kyzylorda region. "
          "Investments in fixed capital amounted to 410 billion tenge in 2019."),
    "b": ("2020-03-01", "Deputy akim Marat Ibrayev spoke at the session of the maslikhat. In "
          "2019, more than 64 thousand new jobs were created in Kyzylorda oblast. Investments "
          "in fixed capital amounted to about 400 billion tenge in 2019."),
    "c": ("2020-04-15", "Minister Yerlan Abenov visited the region. In 2019, 48 thousand new "
          "jobs were created in Kyzylorda region. In 2019 in Turkistan region, 30 thousand new "
          "jobs were created, of which 45 thousand were permanent jobs."),
}  # fmt: skip


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The three documents, and an archive made from them by `extract --db`."""
    root = tmp_path_factory.mktemp("reports")
    sources = root / "sources"
    sources.mkdir()
    for doc_id, (date, text) in DOCUMENTS.items():
        (sources / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        meta = {"date": date, "title": f"report {doc_id}"}
        (sources / f"{doc_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = root / "facts.duckdb"
    result = invoke("extract", sources, "--db", db, "--n-process", "1")
    assert result.exit_code == 0, result.output
    return sources, db


def findings(db, *options: str) -> list[dict]:
    result = invoke("conflicts", "--db", db, "--jsonl", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _summary(finding: dict) -> tuple:
    return (
        finding["kind"],
        tuple(f["doc_id"] for f in finding["facts"]),
        tuple(f["text"] for f in finding["facts"]),
    )


def test_conflicts_finds_the_disagreement_and_the_part_above_its_whole(written):
    _, db = written
    got = {_summary(f) for f in findings(db)}
    assert got == {
        ("conflict", ("a", "c"), ("65 thousand new jobs", "48 thousand new jobs")),
        ("conflict", ("b", "c"), ("64 thousand new jobs", "48 thousand new jobs")),
        ("part above whole", ("c", "c"), ("30 thousand new jobs", "45 thousand")),
    }


def test_agreements_respect_qualifiers(written):
    _, db = written
    got = {_summary(f) for f in findings(db, "--agreements")}
    assert got == {
        ("agreement", ("a", "b"), ("65 thousand new jobs", "64 thousand new jobs")),  # > 64 k
        ("agreement", ("a", "b"), ("410 billion tenge", "400 billion tenge")),  # about 400 bn
    }


def test_a_wide_tolerance_turns_the_conflict_into_an_agreement(written):
    _, db = written
    assert not [f for f in findings(db, "--tolerance", "40%") if f["kind"] == "conflict"]


def wide(monkeypatch) -> io.StringIO:
    """The command's console, 160 columns wide, into a string."""
    out = io.StringIO()
    monkeypatch.setattr(_util, "console", Console(file=out, width=160))
    return out


def test_the_conflicts_table_shows_documents_dates_and_sentences(written, monkeypatch):
    _, db = written
    out = wide(monkeypatch)
    result = invoke("conflicts", "--db", db)
    assert result.exit_code == 0
    text = out.getvalue()
    assert "3 findings in" in text
    for shown in ("2020-02-10", "2020-04-15", "65,000 job", "48,000 job", "part above whole",
                  "were permanent"):  # fmt: skip
        assert shown in text


def test_extract_db_skips_what_the_archive_holds(written):
    sources, db = written
    result = invoke("extract", sources, "--db", db, "--n-process", "1")
    assert result.exit_code == 0
    assert "3 documents (3 already in the output)" in result.stderr


def query_rows(db, *options: str) -> list[dict]:
    result = invoke("query", "--db", db, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "options,expected",
    [
        (("--indicator", "jobs_created", "--place", "Kyzylorda region"), ["a", "b", "c"]),
        (("--indicator", "jobs_created", "--place", "Kyzylorda oblast"), ["a", "b", "c"]),
        (("--indicator", "jobs_created", "--place", "Kzyl-Orda"), ["a", "b", "c"]),  # old name
        (("--indicator", "jobs_created", "--place", "Turkistan"), ["c", "c"]),
        (("--indicator", "investment", "--period", "2015..2019"), ["a", "b"]),  # overlaps
        (("--indicator", "investment", "--period", "2019-06..2020"), ["a", "b"]),  # partly
        (("--indicator", "investment", "--period", "2020.."), []),  # after
        (("--indicator", "investment", "--period", "..2018"), []),  # before
        (("--unit", "KZT"), ["a", "b"]),
        (("--doc", "[ab]", "--unit", "job"), ["a", "b"]),
        (("--indicator", "jobs_created", "--period", "2019", "--doc", "c"), ["c", "c", "c"]),
    ],
)
def test_query_filters(written, options, expected):
    _, db = written
    assert [r["doc_id"] for r in query_rows(db, *options)] == expected


def test_query_formats(written, monkeypatch):
    _, db = written
    options = ("--indicator", "investment", "--place", "Kyzylorda")
    (row, _) = query_rows(db, *options)
    assert (row["value"], row["unit"], row["date"], row["time_start"]) == (
        4.1e11,
        "KZT",
        "2020-02-10",
        "2019",
    )
    result = invoke("query", "--db", db, "--format", "csv", *options)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["qualifier"] for r in rows] == ["", "approx"]
    out = wide(monkeypatch)
    assert invoke("query", "--db", db, *options).exit_code == 0
    assert "2 rows from" in out.getvalue() and "about 400 bn KZT" in out.getvalue()


def test_query_sql(written):
    _, db = written
    result = invoke(
        "query", "--db", db, "--format", "csv", "--sql",
        "SELECT indicator, count(*) AS n FROM facts GROUP BY 1 ORDER BY 2 DESC, 1",
    )  # fmt: skip
    assert result.stdout.splitlines()[:2] == ["indicator,n", "jobs_created,5"]


@pytest.mark.parametrize(
    "options,message",
    [
        (("--indicator", "job_created"), "did you mean jobs_created"),
        (("--period", "2019..2015"), "the start is after the end"),
        (("--period", "last year"), "write YEAR"),
        (("--sql", "SELECT nothing FROM nowhere"), "the SQL does not run"),
        (("--sql", "DELETE FROM facts"), "the SQL does not run"),  # read-only
    ],
)
def test_query_errors_say_what_to_write(written, options, message):
    _, db = written
    result = invoke("query", "--db", db, *options)
    assert result.exit_code == 1
    assert message in " ".join(result.stderr.split())


def test_query_without_an_archive(tmp_path):
    result = invoke("query", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "no archive there" in result.stderr


def test_ingest_the_corpus_twice(tmp_path, corpus_spans, corpus_documents):
    db = tmp_path / "facts.duckdb"
    first = invoke("ingest", corpus_spans, "--corpus", "corpus", "--db", db)
    second = invoke("ingest", corpus_spans, "--corpus", "corpus", "--db", db)
    n = len(corpus_documents)
    assert first.exit_code == 0 and f"{n} documents added, 0 replaced" in first.stderr
    assert (
        second.exit_code == 0 and f"0 documents added, 0 replaced, {n} unchanged" in second.stderr
    )
    dates = query_rows(db, "--sql", "SELECT count(*) AS n FROM documents WHERE day IS NULL")
    assert dates == [{"n": 4}]  # the four corpus documents without a date


def _records(corpus_documents):
    return [r for d in corpus_documents[:3] for r in d.records]


def test_ingest_csv(tmp_path, corpus_documents):
    path = tmp_path / "spans.csv"
    writer = CsvWriter()
    path.write_text(writer.header() + writer.render(_records(corpus_documents)), encoding="utf-8")
    db = tmp_path / "facts.duckdb"
    result = invoke("ingest", path, "--db", db)
    assert result.exit_code == 0, result.output
    facts = sum(r["label"] == "QUANTITY" for r in _records(corpus_documents))
    assert (
        f"3 documents added, 0 replaced, 0 unchanged; {len(_records(corpus_documents))} spans, {facts} facts"
        in result.stderr
    )


def test_ingest_a_folder_of_parquet(tmp_path, corpus_documents):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "run"
    folder.mkdir()
    for k, doc in enumerate(corpus_documents[:3]):
        rows = [
            {f: (str(r[f]) if f == "measured" and r.get(f) else r.get(f)) for f in SPAN_FIELDS}
            for r in doc.records
        ]
        pq.write_table(pa.Table.from_pylist(rows), folder / f"part-{k}.parquet")
    db = tmp_path / "facts.duckdb"
    result = invoke("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "3 documents added" in result.stderr
    got = query_rows(db, "--sql", "SELECT count(*) AS n FROM spans")
    assert got == [{"n": len(_records(corpus_documents))}]


def test_ingest_parquet_without_pyarrow_names_the_extra(tmp_path, monkeypatch):
    path = tmp_path / "part-0.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = invoke("ingest", path, "--db", tmp_path / "facts.duckdb")
    assert result.exit_code == 1
    assert PYARROW_HINT in " ".join(result.stderr.split())
    assert "extractor[cluster]" in PYARROW_HINT


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from extractor.archive import Archive

    with Archive(sys.argv[1]):
        print("ready", flush=True)
        time.sleep(60)
    """
)


def test_a_second_writer_is_told_to_wait(tmp_path, corpus_spans):
    db = tmp_path / "facts.duckdb"
    assert invoke("ingest", corpus_spans, "--db", db).exit_code == 0
    before = query_rows(db, "--sql", "SELECT count(*) AS n FROM facts")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = invoke("ingest", corpus_spans, "--db", db)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert "open for writing in another process" in " ".join(result.stderr.split())
    assert query_rows(db, "--sql", "SELECT count(*) AS n FROM facts") == before
