"""The fact archive: ingest throughput, and a query on an archive of 100,000 documents.

1. The corpus is extracted once; its span file, copied ``--copies`` times under new ids,
   is read and ingested (``extractor ingest``'s code path): documents, spans and facts per
   second.
2. An archive of ``--documents`` documents is made from the corpus' own archive by
   replicating its rows with new ids inside DuckDB (no re-extraction), and an
   indicator-place-period query (``extractor query --indicator investment --place
   "Turkistan region" --period 2015..2023``) is timed: the best of ``--repeat`` runs of
   the query function, and one run of the command in a fresh process.

    python benchmarks/bench_archive.py [--documents 100000] [--copies 20]
        [--out benchmarks/ARCHIVE.md]

``make bench`` runs it after ``bench.py``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QUERY = {"indicator": "investment", "place": "Turkistan region", "period": "2015..2023"}
GOAL_SECONDS = 1.0


def extract_corpus(folder: Path) -> tuple[Path, int]:
    """The corpus' spans as `extractor extract -o` writes them, and its document count."""
    import extractor
    from extractor.batch import extract_documents
    from extractor.io.corpus import iter_documents

    nlp = extractor.load()
    path = folder / "corpus.jsonl"
    n = 0
    with path.open("w", encoding="utf-8") as handle:
        for result in extract_documents(nlp, iter_documents([CORPUS])):
            if not hasattr(result, "records"):
                continue
            n += 1
            for record in result.records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, n


def copy_spans(source: Path, target: Path, copies: int) -> None:
    """The span file ``copies`` times, each copy's documents under ids of their own and
    with their texts (document lines), as a span file may hold them."""
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    ids = dict.fromkeys(r["doc_id"] for r in records)
    texts = {i: (CORPUS / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    with target.open("w", encoding="utf-8") as handle:
        for k in range(copies):
            for doc_id, text in texts.items():
                line = {"id": f"{doc_id}#{k}", "text": text}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            for record in records:
                handle.write(
                    json.dumps({**record, "doc_id": f"{record['doc_id']}#{k}"}, ensure_ascii=False)
                    + "\n"
                )


def bench_ingest(spans: Path, db: Path) -> dict:
    """Read a span file and ingest it into a new archive, with the corpus' texts."""
    from extractor.archive import Archive
    from extractor.archive.sources import read_results

    started = time.perf_counter()
    loaded = read_results([spans], corpus_dir=CORPUS)
    read = time.perf_counter() - started
    with Archive(db) as archive:
        report = archive.ingest(loaded.documents)
    total = time.perf_counter() - started
    return {
        "documents": report.added,
        "spans": report.spans,
        "facts": report.facts,
        "read_s": read,
        "total_s": total,
    }


def replicate(db: Path, documents: int) -> dict:
    """Grow an archive to ``documents`` documents by copying its rows under new ids."""
    from extractor.archive import Archive
    from extractor.archive.store import TABLES

    with Archive(db) as archive:
        con = archive.con
        base = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        copies = math.ceil(documents / base)
        started = time.perf_counter()
        con.execute("BEGIN TRANSACTION")
        for table, columns in TABLES.items():
            names = ", ".join(f'"{c}"' for c in columns)
            select = ", ".join(
                "t.doc_id || '~' || k" if c == "doc_id" else f't."{c}"' for c in columns
            )
            con.execute(
                f"INSERT INTO {table} ({names}) SELECT {select} FROM {table} t, "
                f"range(1, {copies}) r(k)"
            )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        seconds = time.perf_counter() - started
        counts = archive.counts()
    return {**counts, "seconds": seconds, "bytes": db.stat().st_size}


def bench_query(db: Path, repeat: int) -> dict:
    """The indicator-place-period query: best of ``repeat`` in-process, one CLI run."""
    from extractor.archive import Archive
    from extractor.archive.query import Filters, Period, query_facts

    filters = Filters(
        place=QUERY["place"], indicator=QUERY["indicator"], period=Period.parse(QUERY["period"])
    )
    times = []
    with Archive(db, read_only=True) as archive:
        for _ in range(repeat):
            started = time.perf_counter()
            answer = query_facts(archive, filters)
            times.append(time.perf_counter() - started)
    command = [
        sys.executable, "-m", "extractor", "query", "--db", str(db), "--format", "csv",
        "--indicator", QUERY["indicator"], "--place", QUERY["place"], "--period", QUERY["period"],
    ]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    cli = time.perf_counter() - started
    return {
        "rows": len(answer.rows),
        "best_s": min(times),
        "cold_s": times[0],
        "cli_s": cli,
        "cli_rows": len(done.stdout.splitlines()) - 1,
    }


def report(ingest: dict, grown: dict, query: dict, copies: int) -> str:
    """The markdown of ARCHIVE.md."""
    met = "yes" if query["best_s"] < GOAL_SECONDS else "**no**"
    per = ingest["total_s"]
    return "\n".join(
        [
            "# The fact archive",
            "",
            f"`python benchmarks/bench_archive.py`, {time.strftime('%Y-%m-%d')}; "
            f"{os.cpu_count()} CPUs ({platform.machine()}), Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f}.",
            "",
            "## Ingest",
            "",
            f"The corpus' span file copied {copies} times under new ids, with the texts as "
            "document lines (for the sentences of the facts), read and written to a new "
            "archive (`extractor ingest spans.jsonl`).",
            "",
            "| documents | spans | facts | read s | total s | documents/s | spans/s |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {ingest['documents']:,} | {ingest['spans']:,} | {ingest['facts']:,} | "
            f"{ingest['read_s']:.2f} | {per:.2f} | {ingest['documents'] / per:,.0f} | "
            f"{ingest['spans'] / per:,.0f} |",
            "",
            "## A query on 100,000 documents",
            "",
            "The corpus' archive grown by copying its rows under new ids inside DuckDB "
            f"({grown['seconds']:.1f} s): {grown['documents']:,} documents, "
            f"{grown['spans']:,} spans, {grown['facts']:,} facts, "
            f"{grown['bytes'] / 2**20:,.0f} MiB.",
            "",
            f"`extractor query --indicator {QUERY['indicator']} --place "
            f'"{QUERY["place"]}" --period {QUERY["period"]}`: {query["rows"]:,} rows.',
            "",
            "| | s |",
            "|---|---:|",
            f"| query function, first run | {query['cold_s']:.3f} |",
            f"| query function, best run | {query['best_s']:.3f} |",
            f"| the command, CSV out, fresh process | {query['cli_s']:.2f} |",
            "",
            "| goal | reached | met |",
            "|---|---:|:---:|",
            f"| query < {GOAL_SECONDS:g} s | {query['best_s']:.3f} s | {met} |",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--copies", type=int, default=20, help="Copies of the corpus to ingest.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "ARCHIVE.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spans, n = extract_corpus(folder)
        print(f"extracted {n} documents", file=sys.stderr)
        copied = folder / "copies.jsonl"
        copy_spans(spans, copied, args.copies)
        ingest = bench_ingest(copied, folder / "ingest.duckdb")
        print(f"ingest: {ingest}", file=sys.stderr)
        db = folder / "archive.duckdb"
        bench_ingest(spans, db)
        grown = replicate(db, args.documents)
        print(f"grown: {grown}", file=sys.stderr)
        query = bench_query(db, args.repeat)
        print(f"query: {query}", file=sys.stderr)
    text = report(ingest, grown, query, args.copies)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
