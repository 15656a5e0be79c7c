"""``extractor review``: facts in a table per document, filtered, summed, and beside the gold.

SOURCE is a transcript (``.txt``, a documents ``.jsonl`` or a folder: extracted on the
fly) or a saved extraction (a span ``.jsonl``, recognised by its content). A saved
extraction opens without spaCy: this module imports the pipeline only to extract.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..review.view import DocumentView

from . import _util
from ._util import (
    DocsOpt,
    LabelsOpt,
    ModelOpt,
    PagerOpt,
    app,
    date_option,
)

NO_TEXT = "text not found (give --corpus): spans shown without their sentences"


class Mark(str, Enum):
    """Review marks to show (``--mark``), as :mod:`extractor.review.gold_diff` names them."""

    correct = "correct"
    wrong_value = "wrong-value"
    wrong_date = "wrong-date"
    boundary = "boundary"
    spurious = "spurious"
    missed = "missed"

    @property
    def name_in_rows(self) -> str:
        """The mark as rows carry it ("wrong value")."""
        return self.value.replace("-", " ")


class SortKey(str, Enum):
    """Orders of the rows within a document (``--sort``)."""

    position = "position"
    value = "value"
    label = "label"
    unit = "unit"
    measured = "measured"
    period = "period"


def _gold_for(gold_dir: Path, doc_id: str) -> tuple[list[dict] | None, str | None]:
    """A document's gold spans, or None and why not."""
    from ..io.gold import load_gold

    path = gold_dir / f"{doc_id}.jsonl"
    if Path(doc_id).name != doc_id or not path.is_file():  # an id never leads out of the folder
        return None, f"no gold file in {gold_dir}"
    try:
        return load_gold(gold_dir, doc_id), None
    except ValueError as err:
        return None, f"{path} is not valid JSONL ({err}); run extractor gold check"


@app.command()
def review(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="SOURCE",
            help="A transcript (.txt, documents .jsonl, folder: extracted now) or a saved "
            "extraction (span .jsonl: opened without a model).",
            show_default=False,
        ),
    ],
    label: LabelsOpt = None,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit", "-u", help="Only quantities in these units (repeatable): KZT, t, job, %, ..."
        ),
    ] = None,
    doc_ids: DocsOpt = None,
    min_value: Annotated[
        float | None,
        typer.Option(
            "--min-value",
            help="Only amounts of at least this (a range counts if its high end does).",
        ),
    ] = None,
    max_value: Annotated[
        float | None, typer.Option("--max-value", help="Only amounts of at most this.")
    ] = None,
    grep: Annotated[
        str | None,
        typer.Option(
            "--grep",
            "-g",
            help="Only facts whose span, sentence, measured or place matches this "
            "regular expression (case-insensitive).",
        ),
    ] = None,
    sort: Annotated[
        SortKey, typer.Option("--sort", "-s", help="Order of the rows within a document.")
    ] = SortKey.position,
    reverse: Annotated[
        bool,
        typer.Option(
            "--reverse", "-r", help="Descending order (with --sort value: largest first)."
        ),
    ] = False,
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            help="Gold folder (e.g. gold): mark each fact correct, missed, spurious, "
            "wrong value or wrong date; P/R/F per document.",
        ),
    ] = None,
    mark: Annotated[
        list[Mark] | None,
        typer.Option(
            "--mark",
            "-m",
            help="With --against: only facts with these marks (repeatable), e.g. "
            "--mark missed --mark wrong-value.",
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Where a saved extraction's texts are (folder of <id>.txt, or a "
            "documents .jsonl), to show each span in its sentence.",
        ),
    ] = Path("corpus"),
    date: Annotated[
        str | None,
        date_option("ISO date for transcripts that carry none (anchors 'this year')."),
    ] = None,
    model: ModelOpt = None,
    pager: PagerOpt = True,
    summary: Annotated[
        bool, typer.Option("--summary/--no-summary", help="Counts and totals under the tables.")
    ] = True,
) -> None:
    """Review facts: tables per document, spans in their sentences.

    Exit status: 0 when every document was read, 1 when none was (or on a usage error),
    2 when some lines or documents could not be read (listed on stderr).

    Examples:

      extractor review spans.jsonl --label QUANTITY --unit KZT --sort value -r

      extractor review corpus/010_turkistan_akim_report.txt --grep investment

      extractor review spans.jsonl --against gold --doc '02*' --mark missed
    """
    from ..review.filters import FactFilter
    from ..review.summary import Summary
    from ..review.view import build_view
    from .pager import paged
    from .render import review_summary, review_table
    from .sources import exit_for, open_source_or_exit

    console = _util.console
    try:
        fact_filter = FactFilter.build(
            labels=label,
            units=unit,
            docs=doc_ids,
            min_value=min_value,
            max_value=max_value,
            grep=grep,
        )
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--grep") from err
    if mark and against is None:
        raise typer.BadParameter(
            "marks come from a comparison: add --against GOLD", param_hint="--mark"
        )
    if against is not None and not against.is_dir():
        raise typer.BadParameter(f"{against} is not a folder of gold files", param_hint="--against")

    problems: list[str] = []
    documents = open_source_or_exit(source, corpus, date, model, problems, fact_filter.accepts_doc)

    filtered = any((label, unit, grep, mark, min_value is not None, max_value is not None))
    totals = Summary()
    with paged(console, enabled=pager) as out:
        for doc_id, records, text in documents:
            gold, gold_note = _gold_for(against, doc_id) if against is not None else (None, None)
            view = build_view(
                doc_id,
                records,
                text,
                fact_filter=fact_filter,
                gold=gold,
                sort=sort.value,
                reverse=reverse,
                marks=frozenset(m.name_in_rows for m in mark or []),
            )
            if text is None:
                view = _with_note(view, NO_TEXT)
            if gold_note:
                view = _with_note(view, gold_note)
            totals.documents += 1
            for row in view.rows:
                totals.add(row.record, row.mark, view.text)
            if view.rows or not filtered:  # a filter that leaves nothing: no empty table
                out.print(review_table(view, compared=gold is not None))
        if summary:
            out.print(review_summary(totals))
    exit_for(problems, totals.documents, "review", filtered_by_doc=bool(doc_ids))


def _with_note(view: DocumentView, note: str) -> DocumentView:
    return replace(view, note="; ".join(n for n in (view.note, note) if n))
