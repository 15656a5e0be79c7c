"""``extractor gold check``: validate the gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import _util
from ._util import EXIT_NOTHING, GoldDirOpt, gold_app, require_gold_dir, safe


@gold_app.command("check")
def gold_check(
    gold_dir: GoldDirOpt = Path("gold"),
    corpus_dir: Annotated[Path, typer.Option("--corpus", help="Corpus folder.")] = Path("corpus"),
) -> None:
    """Validate the gold set: offsets, span texts, labels, fields, overlaps, text hashes, split.

    Lists every problem with its file and line; exits 1 when there is any.
    """
    from ..io.gold import check_gold, gold_ids

    require_gold_dir(gold_dir)
    problems = check_gold(gold_dir, corpus_dir)
    for problem in problems:
        _util.err_console.print(safe(str(problem)), highlight=False)
    n = len(gold_ids(gold_dir))
    if problems:
        found = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        _util.err_console.print(f"{found} in {n} gold documents", highlight=False)
        raise typer.Exit(EXIT_NOTHING)
    _util.console.print(f"gold OK: {n} documents", highlight=False)
