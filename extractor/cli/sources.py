"""Where `review` and `show` get their facts: a saved extraction, or transcripts extracted now.

A saved extraction (a span ``.jsonl``, recognised by its content) is read without spaCy;
only transcripts load the pipeline, and only when the first document is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple


class SourceError(Exception):
    """SOURCE cannot be read at all (no English model to extract transcripts with)."""


class SourceDocument(NamedTuple):
    """One document's facts and, when known, its text."""

    doc_id: str
    records: list[dict]
    text: str | None


def is_saved_extraction(source: Path) -> bool:
    """Whether SOURCE is a span ``.jsonl`` (judged by content) rather than transcripts."""
    from ..io.spans import is_span_file

    return source.suffix == ".jsonl" and is_span_file(source)


def saved_documents(
    source: Path, corpus: Path | None, problems: list[str], accepts_doc: Callable[[str], bool]
) -> Iterator[SourceDocument]:
    """The documents of a span file; texts from its document lines, else from ``corpus``.

    Bad lines are appended to ``problems`` (file and line); the rest goes on.
    """
    from ..io.spans import CorpusTexts, read_span_file

    spans = read_span_file(source)
    problems.extend(str(err) for err in spans.errors)
    texts = CorpusTexts([corpus] if corpus else [])
    for doc_id, records in spans.records.items():
        if not accepts_doc(doc_id):
            continue
        text = spans.texts.get(doc_id)
        if text is None:
            document = texts.get(doc_id)
            text = document.text if document else None
        yield SourceDocument(doc_id, records, text)


def extracted_documents(
    source: Path,
    date: str | None,
    model: str | None,
    problems: list[str],
    accepts_doc: Callable[[str], bool],
) -> Iterator[SourceDocument]:
    """Transcripts under ``source`` run through the pipeline; unreadable ones go to ``problems``.

    Raises:
        ModelNotFoundError: on the first ``next()``, when no English model is installed.
    """
    from ..batch import Result, extract_documents
    from ..io.corpus import Document, iter_documents
    from ._util import RunNotes, loading_status

    with loading_status():
        from ..pipeline import load

        nlp = load(model)
    docs = (
        d
        for d in iter_documents([source], date)
        if not isinstance(d, Document) or accepts_doc(d.id)
    )
    notes = RunNotes()  # text that is not English, documents without a date
    for item in extract_documents(nlp, docs):
        if isinstance(item, Result):
            notes.see(item.document)
            yield SourceDocument(
                item.document.id, [dict(r) for r in item.records], item.document.text
            )
        else:
            problems.append(str(item))
    notes.report()


def open_source(
    source: Path,
    *,
    corpus: Path | None,
    date: str | None,
    model: str | None,
    problems: list[str],
    accepts_doc: Callable[[str], bool] = lambda doc_id: True,
) -> Iterator[SourceDocument]:
    """The documents of SOURCE, whichever kind it is.

    Raises:
        SourceError: transcripts need a model and none is installed; raised here, before
            any output, because transcripts start extracting at once.
    """
    if is_saved_extraction(source):
        return saved_documents(source, corpus, problems, accepts_doc)
    from ..pipeline import ModelNotFoundError

    documents = extracted_documents(source, date, model, problems, accepts_doc)
    try:
        first = next(documents)
    except StopIteration:
        return iter(())
    except ModelNotFoundError as err:
        raise SourceError(str(err)) from err

    def chain() -> Iterator[SourceDocument]:
        yield first
        yield from documents

    return chain()


def open_source_or_exit(
    source: Path,
    corpus: Path | None,
    date: str | None,
    model: str | None,
    problems: list[str],
    accepts_doc: Callable[[str], bool],
) -> Iterator[SourceDocument]:
    """:func:`open_source` for a command: a usage error for a missing SOURCE, and exit
    status 1 with the reason when the documents cannot be opened."""
    import typer
    from rich.text import Text

    from . import _util
    from ._util import EXIT_NOTHING
    from .render import clean

    if not source.exists():
        raise typer.BadParameter(f"{source} does not exist", param_hint="SOURCE")
    try:
        return open_source(
            source,
            corpus=corpus,
            date=date,
            model=model,
            problems=problems,
            accepts_doc=accepts_doc,
        )
    except SourceError as err:
        _util.err_console.print(Text(clean(str(err))))
        raise typer.Exit(EXIT_NOTHING) from err


def exit_for(problems: list[str], shown: int, verb: str, *, filtered_by_doc: bool) -> None:
    """List the lines and documents that could not be read, then exit as the commands that
    read a source do: 1 when no document was shown, 2 when some input could not be read.

    Args:
        problems: what could not be read.
        shown: how many documents were shown.
        verb: what the command does with documents ("review", "show"), for the message.
        filtered_by_doc: whether ``--doc`` was given (then it may be why none was shown).
    """
    import typer
    from rich.text import Text

    from . import _util
    from ._util import EXIT_NOTHING, EXIT_PARTIAL
    from .render import clean

    for problem in problems:
        _util.err_console.print(Text(clean(problem)))
    if shown == 0:
        if not problems:
            hint = " (check --doc)" if filtered_by_doc else ""
            _util.err_console.print(Text(f"no documents to {verb}{hint}"))
        raise typer.Exit(EXIT_NOTHING)
    if problems:
        raise typer.Exit(EXIT_PARTIAL)
