"""``extractor evaluate``: score the pipeline against the gold set."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..about import __version__
from . import _util
from ._util import (
    EXIT_NOTHING,
    EXIT_PARTIAL,
    DisableRuleOpt,
    GoldDirOpt,
    ModelOpt,
    app,
    check_rule_ids,
    fail,
    load_pipeline,
    make_parent,
    require_gold_dir,
)


class Split(str, Enum):
    dev = "dev"
    test = "test"
    fresh = "fresh"
    all = "all"


@app.command()
def evaluate(
    split: Annotated[
        Split,
        typer.Option(
            "--split",
            help="Which gold documents: dev (rules are tuned on these), test and fresh (only "
            "measured; fresh holds new transcripts scored once on arrival) or all.",
        ),
    ] = Split.dev,
    gold_dir: GoldDirOpt = Path("gold"),
    corpus_dir: Annotated[
        Path, typer.Option("--corpus", help="Corpus folder (<id>.txt, <id>.meta.json).")
    ] = Path("corpus"),
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the scores as JSON.")
    ] = None,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="List every missed, spurious, mis-bounded, wrong-value and wrong-date span.",
        ),
    ] = False,
    min_f1: Annotated[
        list[str] | None,
        typer.Option(
            "--min-f1",
            help="Fail (exit 1) when a score is below X: METRIC=X, METRIC one of quantity.value, "
            "time.overlap, time.value, entity.strict, quantity.measured, quantity.period, "
            "quantity.indicator, quantity.fact, all.strict, or LABEL.strict/overlap.",
        ),
    ] = None,
    by_rule: Annotated[
        bool,
        typer.Option(
            "--by-rule",
            help="Also show, for every fact rule, how often it set measured or the period of a "
            "value-matched quantity, how many of those the gold judges, and how many were right.",
        ),
    ] = False,
    disable_rule: DisableRuleOpt = None,
    model: ModelOpt = None,
) -> None:
    """Score the pipeline against the gold set (how: docs/scoring.md).

    Prints strict and overlap P/R/F per label, quantity value F1, time value F1,
    measured accuracy, period accuracy, indicator accuracy and fact F1. A document the
    pipeline fails on is named on stderr and scored as if nothing was found in it; the
    command then exits 2 (1 when a --min-f1 threshold is missed).

    Examples:

      extractor evaluate --split dev --errors

      extractor evaluate --split test --min-f1 quantity.value=0.95 --min-f1 time.overlap=0.95

      extractor evaluate --split dev --by-rule --disable-rule period.report_frame
    """
    from ..evaluation import EvaluationError, evaluate_documents
    from ..io.gold import load_split
    from .render import errors_table, rules_table, scores_table

    thresholds = _parse_thresholds(min_f1 or [])
    disable_rule = check_rule_ids(disable_rule)
    require_gold_dir(gold_dir)
    try:
        ids = load_split(gold_dir, split.value)
    except FileNotFoundError as err:
        fail(f"{err.filename or err}: not found; run extractor gold check")
    except (KeyError, ValueError) as err:
        fail(f"{err}; run extractor gold check")
    nlp = load_pipeline(model, disabled_rules=disable_rule or [])
    try:
        result = evaluate_documents(nlp, ids, gold_dir=gold_dir, corpus_dir=corpus_dir)
    except EvaluationError as e:
        fail(f"{e}; run extractor gold check")
    scores, texts = result.scores, result.texts
    for err in result.failed:
        _util.err_console.print(
            f"{err}; its gold counts as missed in the scores below", highlight=False
        )
    title = f"extractor {__version__} on the {split.value} split ({len(ids)} documents)"
    if disable_rule:
        title += f", without {', '.join(disable_rule)}"
    _util.console.print(scores_table(scores, title))
    if by_rule:
        _util.console.print(rules_table(scores))
    if show_errors:
        _util.console.print(errors_table(scores.errors, texts))
    if json_out:
        make_parent(json_out)
        json_out.write_text(
            json.dumps(
                {
                    "split": split.value,
                    "documents": ids,
                    "disabled_rules": disable_rule or [],
                    "scores": scores.to_dict(),
                    "rules": scores.rules_to_dict(),
                    "failed": [err.to_dict() for err in result.failed],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    failed = []
    for key, threshold in thresholds.items():
        got = _metric(scores, key)
        if got < threshold:
            failed.append(f"{key} = {got:.3f} < {threshold}")
    if failed:
        _util.err_console.print("below threshold: " + "; ".join(failed), highlight=False)
        raise typer.Exit(EXIT_NOTHING)
    if result.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _parse_thresholds(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        try:
            out[key.strip().lower()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise typer.BadParameter(
                f"{item!r}: write METRIC=X, e.g. quantity.value=0.95", param_hint="--min-f1"
            )
    return out


def _metric(scores, key: str) -> float:
    row, _, metric = key.partition(".")
    row = row.upper()
    if metric in ("measured", "period", "indicator"):
        return scores.get(row, metric).precision
    return scores.get(row, metric or "strict").f1
