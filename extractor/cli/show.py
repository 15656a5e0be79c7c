"""``extractor show``: transcripts with their spans highlighted, and their facts below.

In the terminal, each transcript is printed with its spans in colour and the facts table
under it; with ``--html FILE`` the same goes to one self-contained HTML page (displaCy's
entity renderer, see :mod:`extractor.io.html`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.rule import Rule
from rich.text import Text

from . import _util
from ._util import (
    DocsOpt,
    LabelsOpt,
    ModelOpt,
    PagerOpt,
    app,
    date_option,
    make_parent,
)

NO_TEXT = 'text not found (give --corpus, or a "text" line in the file): facts only'


@app.command()
def show(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="SOURCE",
            help="A transcript (.txt, documents .jsonl, folder: extracted now) or a saved "
            "extraction (span .jsonl).",
            show_default=False,
        ),
    ],
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Write one self-contained HTML page here instead."),
    ] = None,
    doc_ids: DocsOpt = None,
    label: LabelsOpt = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus", help="Where a saved extraction's texts are (folder or documents .jsonl)."
        ),
    ] = Path("corpus"),
    date: Annotated[str | None, date_option("ISO date for transcripts that carry none.")] = None,
    model: ModelOpt = None,
    pager: PagerOpt = True,
) -> None:
    """Show transcripts with spans highlighted, or write HTML.

    Exit status: 0 when every document was shown, 1 when none was (or on a usage error),
    2 when some lines or documents could not be read (listed on stderr).

    Examples:

      extractor show corpus/000_f3a91f304c34d6af.txt --html seed.html

      extractor show spans.jsonl --corpus corpus/ --doc '01*' --label QUANTITY
    """
    from ..review.filters import FactFilter
    from ..review.view import build_view
    from .pager import paged
    from .render import HighlightedTranscript, clean, review_table
    from .sources import exit_for, open_source_or_exit

    console = _util.console
    fact_filter = FactFilter.build(labels=label, docs=doc_ids)
    problems: list[str] = []
    documents = open_source_or_exit(source, corpus, date, model, problems, fact_filter.accepts_doc)

    shown = n_spans = 0
    if html is not None:
        from ..io.html import PageDocument, render_page

        pages = []
        for doc_id, records, text in documents:
            view = build_view(doc_id, records, text, fact_filter=fact_filter)
            kept = [row.record for row in view.rows]
            note = view.note or (NO_TEXT if view.text is None else None)
            pages.append(PageDocument(doc_id, view.text, kept, note))
            shown += 1
            n_spans += len(kept)
        make_parent(html)
        html.write_text(render_page(pages, title=f"{source.name}: facts"), encoding="utf-8")
        docs = "document" if shown == 1 else "documents"
        console.print(Text(f"wrote {clean(str(html))}: {shown} {docs}, {n_spans} spans"))
    else:
        with paged(console, enabled=pager) as out:
            for doc_id, records, text in documents:
                view = build_view(doc_id, records, text, fact_filter=fact_filter)
                out.print(Rule(Text(clean(doc_id), style="bold"), align="left"))
                if view.text is not None:
                    out.print(HighlightedTranscript(view.text, [row.record for row in view.rows]))
                else:
                    out.print(Text(view.note or NO_TEXT, style="italic"))
                out.print(review_table(view))
                shown += 1
                n_spans += len(view.rows)
    exit_for(problems, shown, "show", filtered_by_doc=bool(doc_ids))
