"""``extractor facts``: one row per quantity with what it measures, when, where and who."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import _util
from ._util import (
    EXIT_NOTHING,
    EXIT_PARTIAL,
    ModelOpt,
    RunNotes,
    app,
    date_option,
    load_pipeline,
    safe,
)


@app.command()
def facts(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATHS",
            help="Transcripts: .txt, .jsonl or folders, as for extract.",
            show_default=False,
        ),
    ],
    date: Annotated[str | None, date_option("ISO date for documents that carry none.")] = None,
    json_lines: Annotated[
        bool, typer.Option("--jsonl", help="Write one JSON fact a line instead of tables.")
    ] = False,
    model: ModelOpt = None,
) -> None:
    """Show the facts: each quantity with its amount, measured, period, place and speaker.

    Examples:

      extractor facts corpus/000_f3a91f304c34d6af.txt

      extractor facts archive.jsonl --jsonl > facts.jsonl
    """
    from ..batch import Result, extract_documents
    from ..io.corpus import iter_documents
    from ..io.writers import JsonlWriter
    from .render import facts_table

    console, err_console = _util.console, _util.err_console
    nlp = load_pipeline(model)
    n_ok = n_bad = 0
    notes = RunNotes()
    for item in extract_documents(nlp, iter_documents(paths, date)):
        if not isinstance(item, Result):
            n_bad += 1
            err_console.print(f"skipped {safe(str(item))}", highlight=False)
            continue
        n_ok += 1
        notes.see(item.document)
        if json_lines:
            console.file.write(JsonlWriter(facts=True).render(item.records))
        else:
            console.print(facts_table(item.document.id, item.records, item.document.text))
    notes.report()
    if n_ok == 0:
        raise typer.Exit(EXIT_NOTHING)
    if n_bad:
        raise typer.Exit(EXIT_PARTIAL)
