"""The archive file: documents, spans and facts in one DuckDB database, with typed columns.

Tables (``extractor query --sql`` reads them as they are):

- ``documents``: one row a document: ``doc_id``, ``date`` (ISO as given), ``day`` (its
  first day, a DATE), ``title``, ``meta`` (JSON), ``text_hash``, ``extractor_version``,
  ``source`` (the file it came from) and ``ingested_at``;
- ``spans``: every span: ``doc_id``, ``label``, ``start``, ``end``, ``text``,
  ``time_start``, ``time_end`` (ISO as given), ``title``, ``person_id``;
- ``facts``: every QUANTITY with its fields (``value``, ``low``, ``high`` DOUBLE, ``unit``,
  ``qualifier``, ``measured``, ``indicator``, the rules that set them, ``place``,
  ``speaker``...), its period as dates (``period_start``, ``period_end``: the first and
  last day), ``place_key`` (:func:`~extractor.archive.places.place_key`), and the
  ``sentence`` it was said in with that sentence's offset ``sentence_start``.

A document is written in one transaction with its spans and facts, so a run killed at any
point leaves whole documents only. Re-ingesting a document with the same text hash from
the same or an older extractor changes nothing; a new text, or a newer extractor,
replaces its rows. DuckDB lets one process at a time open a file for writing: a second
writer gets :class:`ArchiveBusyError`, and the file is untouched.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..about import __version__
from ..rules.rx import rx
from ..rules.timex import DocDate
from .places import place_key

logger = logging.getLogger("extractor")

SCHEMA_VERSION = "1"
# Documents written per transaction: each transaction holds whole documents only, and
# fewer, larger ones are much faster than one per document.
BATCH_DOCUMENTS = 200
_VALUES_ROWS = 500

DOCUMENT_COLUMNS = {
    "doc_id": "VARCHAR PRIMARY KEY",
    "date": "VARCHAR",
    "day": "DATE",
    "title": "VARCHAR",
    "meta": "JSON",
    "text_hash": "VARCHAR NOT NULL",
    "extractor_version": "VARCHAR NOT NULL",
    "source": "VARCHAR",
    "ingested_at": "TIMESTAMP NOT NULL",
}
SPAN_COLUMNS = {
    "doc_id": "VARCHAR NOT NULL",
    "label": "VARCHAR NOT NULL",
    "start": "INTEGER NOT NULL",
    "end": "INTEGER NOT NULL",
    "text": "VARCHAR",
    "time_start": "VARCHAR",
    "time_end": "VARCHAR",
    "title": "VARCHAR",
    "person_id": "VARCHAR",
}
FACT_COLUMNS = {
    "doc_id": "VARCHAR NOT NULL",
    "start": "INTEGER NOT NULL",
    "end": "INTEGER NOT NULL",
    "text": "VARCHAR",
    "value": "DOUBLE",
    "low": "DOUBLE",
    "high": "DOUBLE",
    "unit": "VARCHAR",
    "qualifier": "VARCHAR",
    "measured": "VARCHAR",
    "indicator": "VARCHAR",
    "time_start": "VARCHAR",
    "time_end": "VARCHAR",
    "period_start": "DATE",
    "period_end": "DATE",
    "place": "VARCHAR",
    "place_key": "VARCHAR",
    "speaker": "VARCHAR",
    "speaker_id": "VARCHAR",
    "measured_rule": "VARCHAR",
    "period_rule": "VARCHAR",
    "indicator_rule": "VARCHAR",
    "sentence": "VARCHAR",
    "sentence_start": "INTEGER",
}
TABLES = {"documents": DOCUMENT_COLUMNS, "spans": SPAN_COLUMNS, "facts": FACT_COLUMNS}
# What a sentence ends with: a full stop, ! or ? before a capital, a digit or a quote, or
# a line break. "4.1 trillion" and "Mr. Abenov" stay inside.
_SENTENCE_END = rx(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|Gen|Jr|Sr|vs|etc))[.!?…][\"'”»)]*\s+(?=[\p{Lu}0-9\"'“«(])|\n"
)


class ArchiveError(RuntimeError):
    """An archive that cannot be opened or written; the message says what to do."""


class ArchiveBusyError(ArchiveError):
    """Another process has the archive open for writing."""


@dataclass
class ArchiveDocument:
    """One document to archive: its id, the hash of what its spans were extracted from,
    the extractor that made them, its metadata, records, and text when known (for the
    sentences of its facts; the text itself is not stored)."""

    id: str
    text_hash: str
    records: list[dict]
    extractor_version: str = __version__
    date: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    source: str | None = None


@dataclass
class IngestReport:
    """What an ingest did: documents added, replaced, unchanged; spans and facts written."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    spans: int = 0
    facts: int = 0

    @property
    def written(self) -> int:
        return self.added + self.replaced

    def summary(self) -> str:
        """ "3 documents added, 1 replaced, 2 unchanged; 412 spans, 97 facts"."""
        docs = "document" if self.added == 1 else "documents"
        return (
            f"{self.added} {docs} added, {self.replaced} replaced, {self.unchanged} unchanged; "
            f"{self.spans} spans, {self.facts} facts"
        )


def _version_key(version: str | None) -> tuple:
    """A comparable key of a version string ("0.10.0" > "0.9.1"); unknown sorts first."""
    if not version:
        return ()
    try:
        from packaging.version import InvalidVersion, Version
    except ImportError:  # pragma: no cover - packaging comes with pip
        return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.+-]", version))
    try:
        return (Version(version),)
    except InvalidVersion:
        return ()


def needs_writing(stored: tuple[str, str] | None, text_hash: str, version: str) -> bool:
    """Whether a document must be (re)written, given the ``(text_hash, extractor_version)``
    the archive holds for it (None: not archived)."""
    if stored is None:
        return True
    old_hash, old_version = stored
    return old_hash != text_hash or _version_key(version) > _version_key(old_version)


def iso_day(value: str | None, *, last: bool = False) -> Date | None:
    """The first (or ``last``) day of an ISO date of any precision ("2023" -> 2023-01-01)."""
    if not value:
        return None
    parsed = DocDate.parse(value)
    if parsed is None:
        return None
    try:
        return _bound_day(parsed.year, parsed.month, parsed.day, last=last)
    except ValueError:  # "2023-02-30", "2023-13"
        return None


def _bound_day(year: int, month: int | None, day: int | None, *, last: bool) -> Date:
    if day:
        return Date(year, month, day)
    if not last:
        return Date(year, month or 1, 1)
    if not month:
        return Date(year, 12, 31)
    following = Date(year + month // 12, month % 12 + 1, 1)
    return Date.fromordinal(following.toordinal() - 1)


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of ``text`` that holds ``start:end``, and its offset."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 2000), start):
        if m.end() <= start:
            begin = m.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.start() + 1 if after else len(text)
    if after and text[after.start()] == "\n":
        stop = after.start()
    return text[begin:stop].strip(), begin + (
        len(text[begin:stop]) - len(text[begin:stop].lstrip())
    )


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _text_of(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return str(value)


def _rows(doc: ArchiveDocument, now: Any) -> tuple[tuple, list[tuple], list[tuple]]:
    """The documents row, span rows and fact rows of one document, in column order."""
    document = (
        doc.id,
        doc.date,
        iso_day(doc.date),
        doc.title,
        json.dumps(doc.meta, ensure_ascii=False, default=str),
        doc.text_hash,
        doc.extractor_version,
        doc.source,
        now,
    )
    spans, facts = [], []
    for rec in doc.records:
        start, end = int(rec["start"]), int(rec["end"])
        spans.append(
            (
                doc.id,
                rec["label"],
                start,
                end,
                _text_of(rec.get("text")),
                _text_of(rec.get("time_start")),
                _text_of(rec.get("time_end")),
                _text_of(rec.get("title")),
                _text_of(rec.get("person_id")),
            )
        )
        if rec["label"] != "QUANTITY":
            continue
        sentence, sentence_start = (
            sentence_around(doc.text, start, end) if doc.text else (None, None)
        )
        place = _text_of(rec.get("place"))
        facts.append(
            (
                doc.id,
                start,
                end,
                _text_of(rec.get("text")),
                _number(rec.get("value")),
                _number(rec.get("low")),
                _number(rec.get("high")),
                _text_of(rec.get("unit")),
                _text_of(rec.get("qualifier")),
                _text_of(rec.get("measured")),
                _text_of(rec.get("indicator")),
                _text_of(rec.get("time_start")),
                _text_of(rec.get("time_end")),
                iso_day(_text_of(rec.get("time_start"))),
                iso_day(_text_of(rec.get("time_end")), last=True),
                place,
                place_key(place),
                _text_of(rec.get("speaker")),
                _text_of(rec.get("speaker_id")),
                _text_of(rec.get("measured_rule")),
                _text_of(rec.get("period_rule")),
                _text_of(rec.get("indicator_rule")),
                sentence,
                sentence_start,
            )
        )
    return document, spans, facts


class Archive:
    """An open archive file. Use as a context manager; writes need ``read_only=False``.

    Args:
        path: the DuckDB file (created, with its tables, when writing to a new path).
        read_only: open for queries only.

    Raises:
        ArchiveBusyError: another process is writing to the file.
        ArchiveError: the file is missing (read-only), or is not an extractor archive.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise ArchiveError(
                f"{self.path}: no archive there; make one with `extractor ingest RESULTS "
                f"--db {self.path}` or `extractor extract SOURCES --db {self.path}`"
            )
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as err:
            message = str(err)
            if "lock" in message.lower():
                pid = re.search(r"PID (\d+)", message)
                who = f" (process {pid.group(1)})" if pid else ""
                raise ArchiveBusyError(
                    f"{self.path} is open for writing in another process{who}; wait for it "
                    "to finish and run this again (the archive is unchanged)"
                ) from None
            raise ArchiveError(f"{self.path}: cannot open it as an archive ({message})") from None
        except duckdb.Error as err:
            raise ArchiveError(f"{self.path}: cannot open it as an archive ({err})") from None
        if not read_only:
            self._create()
        self._check()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file (writes are committed as they go)."""
        self.con.close()

    def _create(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS archive_info (key VARCHAR PRIMARY KEY, value VARCHAR)"
        )
        for name, columns in TABLES.items():
            body = ", ".join(f'"{col}" {kind}' for col, kind in columns.items())
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")
        self.con.execute(
            "INSERT OR IGNORE INTO archive_info VALUES ('schema', ?), ('created_by', ?)",
            [SCHEMA_VERSION, f"extractor {__version__}"],
        )

    def _check(self) -> None:
        tables = {row[0] for row in self.con.execute("SHOW TABLES").fetchall()}
        missing = {"archive_info", *TABLES} - tables
        if missing:
            raise ArchiveError(
                f"{self.path} is a DuckDB file but no extractor archive (no table "
                f"{', '.join(sorted(missing))})"
            )

    def stored(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``doc_id -> (text_hash, extractor_version)`` of the archived ones among ``doc_ids``."""
        if not doc_ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, text_hash, extractor_version FROM documents "
            "WHERE doc_id IN (SELECT unnest(?))",
            [list(doc_ids)],
        ).fetchall()
        return {doc_id: (h, v) for doc_id, h, v in rows}

    def ingest(self, documents: Iterable[ArchiveDocument]) -> IngestReport:
        """Write documents, :data:`BATCH_DOCUMENTS` a transaction, skipping unchanged ones.

        Returns:
            How many documents were added, replaced and left unchanged.
        """
        report = IngestReport()
        for batch in _batches(documents, BATCH_DOCUMENTS):
            self.write_batch(batch, report)
        return report

    def write_batch(self, batch: Sequence[ArchiveDocument], report: IngestReport) -> None:
        """Write whole documents in one transaction (see :meth:`ingest`)."""
        from datetime import datetime, timezone

        latest: dict[str, ArchiveDocument] = {}
        for doc in batch:  # a document listed twice: the last one wins, as on re-ingest
            latest.pop(doc.id, None)
            latest[doc.id] = doc
        stored = self.stored(list(latest))
        todo = [
            d
            for d in latest.values()
            if needs_writing(stored.get(d.id), d.text_hash, d.extractor_version)
        ]
        report.unchanged += len(batch) - len(todo)
        if not todo:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        documents, spans, facts = [], [], []
        for doc in todo:
            d, s, f = _rows(doc, now)
            documents.append(d)
            spans.extend(s)
            facts.extend(f)
        replaced = [d.id for d in todo if d.id in stored]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if replaced:
                for table in ("facts", "spans", "documents"):
                    con.execute(
                        f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [replaced]
                    )
            _insert(con, "documents", DOCUMENT_COLUMNS, documents)
            _insert(con, "spans", SPAN_COLUMNS, spans)
            _insert(con, "facts", FACT_COLUMNS, facts)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        report.replaced += len(replaced)
        report.added += len(todo) - len(replaced)
        report.spans += len(spans)
        report.facts += len(facts)
        logger.info("archived %d documents (%d replaced)", len(todo), len(replaced))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _batches(items: Iterable[ArchiveDocument], size: int) -> Iterator[list[ArchiveDocument]]:
    batch: list[ArchiveDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    base = kind.split()[0]
    return {
        "INTEGER": pa.int32(),
        "DOUBLE": pa.float64(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
    }.get(base, pa.string())


def _insert(con: Any, table: str, columns: dict[str, str], rows: list[tuple]) -> None:
    """Insert rows in column order: through an Arrow table where pyarrow is installed (the
    ``cluster`` extra), else many rows to a statement (DuckDB's executemany is slow)."""
    if not rows:
        return
    try:
        import pyarrow as pa
    except ImportError:
        _insert_values(con, table, columns, rows)
        return
    names = list(columns)
    schema = pa.schema([(name, _arrow_type(kind)) for name, kind in columns.items()])
    arrays = [pa.array(list(values), type=schema.field(i).type)
              for i, values in enumerate(zip(*rows, strict=True))]  # fmt: skip
    view = f"_extractor_{table}_rows"
    con.register(view, pa.Table.from_arrays(arrays, schema=schema))
    try:
        quoted = ", ".join(f'"{c}"' for c in names)
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {view}")
    finally:
        con.unregister(view)


def _insert_values(con: Any, table: str, columns: dict[str, str], rows: list[tuple]) -> None:
    """Insert rows many to an ``INSERT ... VALUES`` statement."""
    width = len(columns)
    one = "(" + ", ".join("?" * width) + ")"
    names = ", ".join(f'"{c}"' for c in columns)
    for k in range(0, len(rows), _VALUES_ROWS):
        chunk = rows[k : k + _VALUES_ROWS]
        con.execute(
            f"INSERT INTO {table} ({names}) VALUES " + ", ".join([one] * len(chunk)),
            [value for row in chunk for value in row],
        )
