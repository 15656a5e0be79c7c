"""``extractor conflicts``: figures in the archive that disagree, and those confirmed."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from . import _util
from ._util import DbOpt, app, fail


@app.command()
def conflicts(
    db: DbOpt,
    tolerance: Annotated[
        str,
        typer.Option(
            "--tolerance",
            help="Figures closer than this agree: a percentage (1%) or a fraction (0.01).",
        ),
    ] = "1%",
    agreements: Annotated[
        bool,
        typer.Option("--agreements", help="List the figures several documents confirm instead."),
    ] = False,
    place: Annotated[str | None, typer.Option("--place", help="Only this place.")] = None,
    indicator: Annotated[
        str | None, typer.Option("--indicator", help="Only this indicator id.")
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="Only facts overlapping this period.")
    ] = None,
    json_lines: Annotated[
        bool, typer.Option("--jsonl", help="One finding a line, as JSON, instead of a table.")
    ] = False,
) -> None:
    """Facts of different documents about the same place, indicator, period and unit
    whose values differ by more than the tolerance, side by side; and, within one
    document, parts above their whole and shares of one whole over 100%.

    Qualifiers are respected: "more than 65 thousand" agrees with 65.3 thousand, "about
    90" with 92.

    Examples:

      extractor conflicts --db facts.duckdb

      extractor conflicts --db facts.duckdb --agreements --indicator housing
    """
    from ..archive import Archive, ArchiveError
    from ..archive.conflicts import find_conflicts, parse_tolerance
    from ..archive.query import Filters, Period, QueryError
    from .render import findings_table

    try:
        share = parse_tolerance(tolerance)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--tolerance") from None
    try:
        filters = Filters(
            place=place, indicator=indicator, period=Period.parse(period) if period else None
        )
        with Archive(db, read_only=True) as archive:
            problems, confirmed = find_conflicts(archive, filters, share)
    except (ArchiveError, QueryError) as err:
        fail(str(err))
    findings = confirmed if agreements else problems
    if json_lines:
        for finding in findings:
            sys.stdout.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
        return
    if agreements:
        what = "figure confirmed" if len(findings) == 1 else "figures confirmed"
    else:
        what = "finding" if len(findings) == 1 else "findings"
    _util.console.print(findings_table(findings, f"{len(findings)} {what} in {db}"))
