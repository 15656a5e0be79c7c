"""``extractor query``: the archive's facts by place, indicator, period, speaker, unit."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Annotated

import typer

from . import _util
from ._util import DbOpt, app, fail


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def query(
    db: DbOpt,
    place: Annotated[
        str | None,
        typer.Option(
            "--place",
            help="Facts about this place, under any of its names (Kyzylorda region = "
            "Kyzylorda oblast; Nur-Sultan = Astana).",
        ),
    ] = None,
    indicator: Annotated[
        str | None,
        typer.Option("--indicator", help="An indicator id (resources/indicators.jsonl)."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Facts whose period overlaps this one: 2015..2019, 2019, 2019-03..2019-06, 2015..",
        ),
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Said by a speaker whose name holds this.")
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="In this unit (KZT, %, job).")] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="From documents with this id (wildcards: '01*').")
    ] = None,
    sql: Annotated[
        str | None,
        typer.Option(
            "--sql",
            help="Run this SQL instead (tables documents, spans, facts; the archive is "
            "opened read-only).",
        ),
    ] = None,
    fmt: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, csv or jsonl.")
    ] = QueryFormat.table,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most this many rows.")
    ] = None,
) -> None:
    """Facts from the archive, filtered; or the answer of any SQL with --sql.

    Examples:

      extractor query --db facts.duckdb --indicator investment --place "Turkistan region"

      extractor query --db facts.duckdb --indicator jobs_created --period 2015..2019 -f csv

      extractor query --db facts.duckdb --sql "SELECT indicator, count(*) FROM facts GROUP BY 1"
    """
    from ..archive import Archive, ArchiveError
    from ..archive.query import Filters, Period, QueryError, query_facts, run_sql
    from .render import answer_table

    try:
        filters = Filters(
            place=place,
            indicator=indicator,
            period=Period.parse(period) if period else None,
            speaker=speaker,
            unit=unit,
            doc=doc,
        )
        with Archive(db, read_only=True) as archive:
            if sql:
                answer = run_sql(archive, sql)
                if limit:
                    answer.rows = answer.rows[:limit]
            else:
                answer = query_facts(archive, filters, limit=limit)
    except (ArchiveError, QueryError) as err:
        fail(str(err))
    if fmt == QueryFormat.table:
        title = f"{len(answer.rows)} {'row' if len(answer.rows) == 1 else 'rows'} from {db}"
        _util.console.print(answer_table(answer.columns, answer.rows, title, facts=not sql))
    elif fmt == QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(answer.columns)
        writer.writerows(answer.rows)
    else:
        for record in answer.records():
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
