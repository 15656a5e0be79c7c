"""``extractor ingest``: load saved results (span JSONL, CSV, Parquet) into an archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..about import __version__
from . import _util
from ._util import EXIT_NOTHING, EXIT_PARTIAL, DbOpt, app, fail, safe


@app.command()
def ingest(
    results: Annotated[
        list[Path],
        typer.Argument(
            metavar="RESULTS",
            help="Span files as `extractor extract` writes them (.jsonl, .csv) or a cluster "
            "run's .parquet files, or folders of them.",
            show_default=False,
        ),
    ],
    db: DbOpt,
    corpus_dir: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Folder of the documents (<id>.txt, <id>.meta.json): their date, title and "
            "the sentences of their facts.",
        ),
    ] = None,
    extractor_version: Annotated[
        str,
        typer.Option(
            "--extractor-version",
            help="The extractor version that made the results (a newer one replaces older "
            "rows of the same document).",
        ),
    ] = __version__,
) -> None:
    """Load saved results into the archive, a document at a time.

    A document already archived with the same text hash is left as it is; a changed text
    or a newer extractor replaces its rows, in one transaction. A killed run leaves
    whole documents only: run it again to finish.

    Examples:

      extractor ingest out/spans.jsonl --corpus corpus/ --db facts.duckdb

      extractor ingest cluster-run/ --db facts.duckdb
    """
    from ..archive import Archive, ArchiveError
    from ..archive.sources import read_results

    loaded = read_results(results, corpus_dir=corpus_dir, extractor_version=extractor_version)
    for problem in loaded.problems:
        _util.err_console.print(f"[red]skipped[/red] {safe(problem)}", highlight=False)
    if not loaded.documents:
        fail("no span records found in " + ", ".join(str(p) for p in results))
    try:
        with Archive(db) as archive:
            report = archive.ingest(loaded.documents)
    except ArchiveError as err:
        fail(str(err))
    _util.err_console.print(f"{safe(str(db))}: {report.summary()}", highlight=False)
    if loaded.problems:
        raise typer.Exit(EXIT_PARTIAL)
    if not report.written and not report.unchanged:
        raise typer.Exit(EXIT_NOTHING)
