"""Facts of an archive by place, indicator, period, speaker, unit and document.

Every filter narrows the facts: a place matches every name of it
(:func:`~extractor.archive.places.place_key`), a period ``2015..2019`` matches the facts
whose own period overlaps it, a speaker matches a part of the name. ``run_sql`` answers
anything else, on a read-only connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from difflib import get_close_matches
from typing import Any

from ..rules.indicators import load_indicators
from ..rules.timex import DocDate
from .places import place_key
from .store import Archive, iso_day

# The columns of a query's answer, in order.
FACT_QUERY_COLUMNS = (
    "doc_id", "date", "place", "indicator", "time_start", "time_end", "value", "low", "high",
    "unit", "qualifier", "measured", "speaker", "text", "sentence",
)  # fmt: skip


class QueryError(ValueError):
    """A filter that cannot be applied; the message says what is accepted."""


@dataclass(frozen=True)
class Period:
    """A closed span of days, both ends included."""

    start: Date
    end: Date

    @classmethod
    def parse(cls, value: str) -> Period:
        """``2015..2019``, ``2019``, ``2019-03..2019-06``, ``2015..`` or ``..2019``.

        Raises:
            QueryError: for anything else, or a start after the end.
        """
        text = value.strip()
        first, sep, last = text.partition("..")
        if not sep:
            last = first
        if (first and DocDate.parse(first) is None) or (last and DocDate.parse(last) is None):
            raise QueryError(
                f"period {value!r}: write YEAR, YEAR..YEAR or ISO dates (2015..2019, "
                "2019-03..2019-06, 2015..)"
            )
        start = iso_day(first) if first else Date.min
        end = iso_day(last, last=True) if last else Date.max
        if start is None or end is None or start > end:
            raise QueryError(f"period {value!r}: the start is after the end")
        return cls(start, end)


@dataclass(frozen=True)
class Filters:
    """What ``extractor query`` narrows the facts to (None: no filter)."""

    place: str | None = None
    indicator: str | None = None
    period: Period | None = None
    speaker: str | None = None
    unit: str | None = None
    doc: str | None = None


@dataclass
class Answer:
    """A query's columns and rows (tuples, in column order)."""

    columns: tuple[str, ...]
    rows: list[tuple]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def check_indicator(indicator: str) -> str:
    """The indicator id itself, or :class:`QueryError` naming the ids it may have meant."""
    ids = [ind.id for ind in load_indicators()]
    if indicator in ids:
        return indicator
    near = get_close_matches(indicator, ids, n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    raise QueryError(
        f"indicator {indicator!r} is not in the taxonomy{hint}; the {len(ids)} ids are in "
        "resources/indicators.jsonl"
    )


def where_clause(filters: Filters, alias: str = "f") -> tuple[str, list[Any]]:
    """The SQL conditions of ``filters`` on the facts table (aliased ``alias``), and their
    parameters."""
    conditions: list[str] = []
    params: list[Any] = []
    if filters.place:
        conditions.append(f"{alias}.place_key = ?")
        params.append(place_key(filters.place))
    if filters.indicator:
        conditions.append(f"{alias}.indicator = ?")
        params.append(check_indicator(filters.indicator))
    if filters.period:
        conditions.append(f"{alias}.period_start <= ? AND {alias}.period_end >= ?")
        params.extend([filters.period.end, filters.period.start])
    if filters.speaker:
        conditions.append(f"{alias}.speaker ILIKE ?")
        params.append(f"%{filters.speaker}%")
    if filters.unit:
        conditions.append(f"{alias}.unit = ?")
        params.append(filters.unit)
    if filters.doc:
        conditions.append(f"{alias}.doc_id GLOB ?")
        params.append(filters.doc)
    return (" AND ".join(conditions) or "TRUE"), params


def query_facts(archive: Archive, filters: Filters, *, limit: int | None = None) -> Answer:
    """The facts that pass every filter, by indicator, place, period and document date."""
    where, params = where_clause(filters)
    columns = ", ".join(f'{"d" if c == "date" else "f"}."{c}"' for c in FACT_QUERY_COLUMNS)
    sql = (
        f"SELECT {columns} FROM facts f JOIN documents d USING (doc_id) WHERE {where} "
        "ORDER BY f.indicator NULLS LAST, f.place_key NULLS LAST, f.period_start NULLS LAST, "
        "d.day NULLS LAST, f.doc_id, f.start"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = archive.con.execute(sql, params).fetchall()
    return Answer(FACT_QUERY_COLUMNS, rows)


def run_sql(archive: Archive, sql: str) -> Answer:
    """Any SQL on the archive (open it read-only to keep it unchanged).

    Raises:
        QueryError: with DuckDB's message, for SQL that does not run.
    """
    import duckdb

    try:
        cursor = archive.con.execute(sql)
    except duckdb.Error as err:
        raise QueryError(f"the SQL does not run: {err}") from None
    if cursor.description is None:
        return Answer((), [])
    columns = tuple(d[0] for d in cursor.description)
    return Answer(columns, cursor.fetchall())
