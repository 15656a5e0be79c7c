"""``extractor extract``: spans from many documents, streamed, resumable, with a progress bar."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol

import typer
from rich.console import Console

from ..io.corpus import Document, InputError
from . import _util
from ._util import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_DOC_TIMEOUT,
    EXIT_INTERRUPTED,
    EXIT_NOTHING,
    EXIT_PARTIAL,
    DisableRuleOpt,
    ModelOpt,
    RunNotes,
    app,
    check_rule_ids,
    date_option,
    fail,
    load_pipeline,
    make_parent,
    safe,
)

if TYPE_CHECKING:
    from ..batch import Result
    from ..io.writers import ResumableOutput, StreamOutput


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATHS",
            help='.txt files, .jsonl files ({"id","text","date",...} a line) or folders '
            "(every .txt/.jsonl below).",
            show_default=False,
        ),
    ],
    date: Annotated[
        str | None,
        date_option(
            "ISO date (2020, 2020-03, 2020-03-05) for documents that carry none; anchors "
            "'this year', 'the past 5 years'. A .txt file's <stem>.meta.json date wins."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write here instead of the terminal, with a ledger <output>.done for --resume.",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help="Store documents, spans and facts in this archive (DuckDB, created when "
            "missing) instead; documents it holds with the same text are skipped.",
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default on a terminal), jsonl (default otherwise: one span a line, "
            "docs/schema.md), csv, or parquet (-o DIR: a file per partition and "
            "_manifest.json; the default with --cluster).",
        ),
    ] = None,
    facts: Annotated[
        bool,
        typer.Option(
            "--facts",
            help="One row per fact: each QUANTITY with its value, unit, qualifier, measured, "
            "time_start, time_end and place.",
        ),
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="Write every document that could not be read or processed here, as JSONL "
            "(path, line, id, reason, kind), instead of listing them on stderr.",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Go on with an interrupted run: keep the documents --output holds (same id and "
            "content hash in its ledger <output>.done) and extract the rest.",
        ),
    ] = False,
    model: ModelOpt = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")
    ] = DEFAULT_BATCH_SIZE,
    n_process: Annotated[
        int | None,
        typer.Option(
            "--n-process",
            min=1,
            help="Worker processes (default: one per available CPU, at most 8).",
            show_default=False,
        ),
    ] = None,
    max_length: Annotated[
        int | None,
        typer.Option(
            "--max-length",
            min=1000,
            help="Process documents longer than this many characters in pieces cut at paragraph "
            "or sentence boundaries, each read with the document's headline and lead before it "
            "(default: 100,000; the model holds a whole piece in memory at once).",
            show_default=False,
        ),
    ] = None,
    doc_timeout: Annotated[
        float,
        typer.Option(
            "--doc-timeout",
            min=0,
            metavar="SECONDS",
            help="Give up on a document that takes longer than this (0: no limit). It is "
            "listed in --errors with kind 'timeout' and the batch goes on; --resume tries "
            "it again. With --n-process 2 or more, a worker stuck where this cannot stop it "
            "(in C code) is killed and replaced once a batch of N documents has taken "
            "2 x N x SECONDS + max(1, SECONDS); with one process such a hang stops the run.",
        ),
    ] = DEFAULT_DOC_TIMEOUT,
    disable_rule: DisableRuleOpt = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            metavar="ADDRESS",
            help="Run on a Dask cluster: a scheduler address (tcp://host:8786), or local[:N] "
            "for N worker processes on this machine; writes --format parquet. Workers read "
            "the inputs themselves, at the same paths (a shared file system), unless "
            "--ship-inputs is given. Needs pip install 'extractor[cluster]'.",
            show_default=False,
        ),
    ] = None,
    ship_inputs: Annotated[
        bool,
        typer.Option(
            "--ship-inputs",
            help="With --cluster: the client reads each partition and sends its bytes to the "
            "workers, for workers that do not see the input files.",
        ),
    ] = False,
    partition_size: Annotated[
        int,
        typer.Option(
            "--partition-size",
            min=1,
            help="With --cluster or --format parquet: documents (files, or lines of a .jsonl) "
            "per partition, the unit of a task, of a Parquet file and of --resume.",
        ),
    ] = 200,
) -> None:
    """Extract quantities, time spans and entities from transcripts.

    Documents are read, processed and written a batch at a time, each document's rows at
    once: a killed run leaves a valid file, and --resume goes on where it stopped and
    ends with exactly the output of an uninterrupted run.

    Bad input is skipped, listed (in --errors, else on stderr) and counted at the end:
    unreadable, binary or empty files, NUL bytes, undecodable text, malformed JSONL lines
    (file:line), records without text, duplicate ids, broken symbolic links. Text that is
    not UTF-8 is read as UTF-16/32 with a BOM, or as cp1251, KOI8-R, cp866 or cp1252 when
    one fits.

    Exit status: 0 every document processed; 1 none processed, or a usage error; 2 some
    documents could not be read or processed; 130 interrupted (go on with --resume).

    Examples:

      extractor extract corpus/ --format table

      extractor extract hearing.txt --date 2020-03-05 -o spans.jsonl

      extractor extract archive/ --format csv --facts -o facts.csv --errors bad.jsonl

      extractor extract archive/ -o spans.jsonl --resume

      extractor extract archive/ --cluster tcp://scheduler:8786 -o spans/ --resume

      extractor extract corpus/ --db facts.duckdb
    """
    from ..archive import ArchiveError
    from ..batch import default_n_process, extract_documents
    from ..io.corpus import iter_documents
    from ..io.writers import CsvWriter, JsonlWriter, OutputError, ResumableOutput, StreamOutput

    console, err_console = _util.console, _util.err_console
    if fmt is None:
        fmt = Format.parquet if cluster else None
    if fmt is None:
        fmt = Format.table if output is None and console.is_terminal else Format.jsonl
    if cluster and fmt != Format.parquet:
        fail("--cluster writes Parquet: use --format parquet -o DIR")
    if db is not None and fmt == Format.parquet:
        fail("--db stores in the archive on this machine: write Parquet with --cluster, then "
             "load it with `extractor ingest DIR --db FILE`")  # fmt: skip
    if fmt == Format.parquet:
        from .partitioned import run_partitioned

        return run_partitioned(
            paths=paths,
            date=date,
            output=output,
            facts=facts,
            errors=errors,
            resume=resume,
            model=model,
            disabled_rules=check_rule_ids(disable_rule),
            batch_size=batch_size,
            n_process=n_process,
            max_length=max_length,
            doc_timeout=doc_timeout,
            cluster=cluster,
            ship=ship_inputs,
            partition_size=partition_size,
            tally=_Tally(),
            progress_type=_Progress,
        )
    if resume and (output is None or fmt == Format.table):
        fail("--resume needs --output FILE and --format jsonl or csv")
    if db is not None and (output is not None or resume):
        fail("--db writes to the archive: leave out --output and --resume")
    nlp = load_pipeline(model, disabled_rules=check_rule_ids(disable_rule))

    writer = CsvWriter(facts=facts) if fmt == Format.csv else JsonlWriter(facts=facts)
    sink: _Sink
    try:
        for path in (output, errors):
            make_parent(path)
        err_handle = errors.open("w", encoding="utf-8") if errors else None
        if db is not None:
            sink = _ArchiveSink(db)
        elif fmt == Format.table:
            sink = _TableSink(output, facts)
        elif output is not None:
            sink = _RowSink(ResumableOutput(output, writer, resume=resume).__enter__())
        else:
            sink = _RowSink(StreamOutput(sys.stdout, writer))
    except (OutputError, ArchiveError) as err:
        fail(str(err))
    except OSError as err:
        fail(f"cannot write {err.filename}: {err.strerror or err}")

    tally = _Tally()
    notes = RunNotes()
    results = extract_documents(
        nlp,
        sink.pending(iter_documents(paths, date)),
        batch_size=batch_size,
        n_process=n_process or default_n_process(),
        max_length=max_length,
        doc_timeout=doc_timeout,
    )
    progress = _Progress(paths, tally) if err_console.is_terminal else None
    try:
        with progress or nullcontext():
            for item in results:
                if isinstance(item, InputError):
                    tally.failure(item)
                    if err_handle:
                        err_handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                        err_handle.flush()
                    else:
                        err_console.print(f"[red]skipped[/red] {safe(str(item))}", highlight=False)
                else:
                    notes.see(item.document)
                    sink.write(item)
                    tally.result(item)
                tally.kept, tally.kept_size = sink.kept, sink.kept_size
                if progress is not None:
                    progress.update()
    except KeyboardInterrupt:
        err_console.print(f"interrupted after {tally.summary()}", highlight=False)
        if output is not None and fmt != Format.table:
            err_console.print("run the same command with --resume to go on", highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenProcessPool as err:
        err_console.print(
            f"a worker process died (out of memory?) after {tally.summary()}", highlight=False
        )
        raise typer.Exit(EXIT_NOTHING) from err
    finally:
        # documents the output holds are skipped without an item of their own: count them
        # even when no document is left to extract
        tally.kept, tally.kept_size = sink.kept, sink.kept_size
        sink.close()
        if err_handle:
            err_handle.close()
    notes.report()
    listed = f" (listed in {safe(str(errors))})" if errors and tally.failed else ""
    err_console.print(tally.summary() + listed, highlight=False)
    if tally.done == 0:
        raise typer.Exit(EXIT_NOTHING)
    if tally.failed:
        raise typer.Exit(EXIT_PARTIAL)


@dataclass
class _Tally:
    """What a batch run has done so far, for the progress bar and the summary."""

    processed: int = 0  # documents extracted by this run
    kept: int = 0  # documents a resumed output already held
    kept_size: int = 0
    failed: int = 0
    spans: int = 0
    words: int = 0
    size: int = 0  # input bytes of processed and failed documents
    started: float = field(default_factory=time.perf_counter)

    def result(self, result: Result) -> None:
        """Count a processed document."""
        self.processed += 1
        self.spans += len(result.records)
        self.words += len(result.document.text.split())
        self.size += result.document.size

    def failure(self, error: InputError) -> None:
        """Count a document that failed."""
        self.failed += 1
        self.size += error.size

    @property
    def done(self) -> int:
        """Documents in the output: processed now or kept from before."""
        return self.processed + self.kept

    def words_per_second(self) -> float:
        """Words of the documents processed by this run, per second."""
        elapsed = time.perf_counter() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0

    def summary(self) -> str:
        """ "28 documents, 2514 spans; 0 failed" (and how many a resumed output held)."""
        kept = f" ({self.kept} already in the output)" if self.kept else ""
        documents = "document" if self.done == 1 else "documents"
        spans = "span" if self.spans == 1 else "spans"
        return f"{self.done} {documents}{kept}, {self.spans} {spans}; {self.failed} failed"


class _Progress:
    """A progress bar on stderr: documents, words/s, time left (from input bytes), failures."""

    def __init__(self, paths: list[Path], tally: _Tally) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        from ..io.corpus import expand_paths

        self.tally = tally
        total = sum(
            p.stat().st_size for p in expand_paths(paths) if isinstance(p, Path) and p.is_file()
        )
        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            TextColumn("{task.fields[docs]} documents"),
            TextColumn("{task.fields[speed]} words/s"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=_util.err_console,
        )
        self.task = self.bar.add_task("extract", total=total or None, docs=0, speed="–", failed=0)

    def __enter__(self) -> _Progress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.update()
        self.bar.stop()

    def update(self) -> None:
        """Show the tally."""
        t = self.tally
        self.bar.update(
            self.task,
            completed=t.size + t.kept_size,
            docs=t.done,
            speed=f"{t.words_per_second():,.0f}",
            failed=t.failed,
        )


class _Sink(Protocol):
    """Where results go: rows in a resumable file or on stdout, or rich tables."""

    kept: int
    kept_size: int

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        """The items still to extract."""
        ...

    def write(self, result: Result) -> None:
        """Write one document's rows."""
        ...

    def close(self) -> None:
        """Close what was opened."""
        ...


class _RowSink:
    """JSONL or CSV rows, through a :class:`ResumableOutput` or a :class:`StreamOutput`."""

    def __init__(self, out: ResumableOutput | StreamOutput) -> None:
        self.out = out

    @property
    def kept(self) -> int:
        return self.out.kept

    @property
    def kept_size(self) -> int:
        return self.out.kept_size

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        return self.out.pending(items)

    def write(self, result: Result) -> None:
        self.out.write(result.document.id, result.document.sha256, result.records)

    def close(self) -> None:
        self.out.close()


class _TableSink:
    """A rich table per document, on the terminal or in a file."""

    kept = kept_size = 0

    def __init__(self, output: Path | None, facts: bool) -> None:
        self.handle = output.open("w", encoding="utf-8") if output else None
        self.console = Console(file=self.handle, width=160) if self.handle else _util.console
        self.facts = facts

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        return iter(items)

    def write(self, result: Result) -> None:
        from ..io.writers import fact_records
        from .render import spans_table

        records = fact_records(result.records) if self.facts else result.records
        self.console.print(spans_table(result.document.id, records, result.document.text))

    def close(self) -> None:
        if self.handle:
            self.handle.close()


class _ArchiveSink:
    """Documents with their spans and facts into an archive, each in one transaction;
    documents the archive holds with the same text hash and extractor are not extracted."""

    def __init__(self, path: Path) -> None:
        from ..archive import Archive, IngestReport

        self.archive = Archive(path)
        self.report = IngestReport()
        self.kept = self.kept_size = 0

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        from ..about import __version__
        from ..archive.store import needs_writing

        for item in items:
            if isinstance(item, Document):
                stored = self.archive.stored([item.id]).get(item.id)
                if not needs_writing(stored, item.sha256, __version__):
                    self.kept += 1
                    self.kept_size += item.size
                    continue
            yield item

    def write(self, result: Result) -> None:
        from ..archive.sources import archive_document

        self.archive.write_batch([archive_document(result.document, result.records)], self.report)

    def close(self) -> None:
        self.archive.close()
