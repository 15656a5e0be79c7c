"""Write span records as JSONL or CSV, one whole document at a time, resumably.

:class:`ResumableOutput` writes each document's rows with a single write and then
appends a line to a ledger beside the output (``<output>.done``): the document's id,
the SHA-256 of its date and text, and the output's size after it. A run killed at any
moment leaves every complete document in the output; ``resume=True`` truncates the
output back to the last document in the ledger (dropping a half-written one) and skips
the documents the ledger lists, so the resumed run ends with exactly the output of an
uninterrupted one. The rows are span records (docs/schema.md) or fact rows.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Protocol, TextIO

from ..schema import FACT_FIELDS, SPAN_FIELDS, SpanRecord, fact_row
from .corpus import Document, InputError

logger = logging.getLogger("extractor")

LEDGER_SUFFIX = ".done"
LEDGER_VERSION = 1
# The ``kind`` of the error for a document a resumed output holds with other content.
CHANGED = "changed-since-output"


class DocStatus(str, Enum):
    """Where a document stands against the ledger of a resumed output."""

    NEW = "new"
    DONE = "done"
    CHANGED = "changed"


class OutputError(Exception):
    """An output that cannot be resumed; the message says what to do."""


def fact_records(records: Sequence[SpanRecord]) -> list[SpanRecord]:
    """The facts among records: one per QUANTITY, with its measured, period and place."""
    return [rec for rec in records if rec["label"] == "QUANTITY"]


def output_rows(records: Sequence[SpanRecord], *, facts: bool = False) -> list[dict[str, Any]]:
    """What a writer writes for records: the records themselves, or with ``facts`` each
    QUANTITY as a fact row (:data:`~extractor.schema.FACT_FIELDS`)."""
    if facts:
        return [fact_row(rec) for rec in fact_records(records)]
    return [dict(rec) for rec in records]


class RecordWriter(Protocol):
    """Renders records as text: a header once, then each document's rows."""

    name: str
    facts: bool

    def header(self) -> str:
        """Text written once at the top of the output ("" for none)."""
        ...

    def render(self, records: Sequence[SpanRecord]) -> str:
        """One document's rows."""
        ...


class JsonlWriter:
    """One JSON object a line: span records (docs/schema.md) or, with ``facts``, fact rows."""

    name = "jsonl"

    def __init__(self, *, facts: bool = False) -> None:
        self.facts = facts

    def header(self) -> str:
        """JSONL has no header."""
        return ""

    def render(self, records: Sequence[SpanRecord]) -> str:
        """One line per record."""
        rows = output_rows(records, facts=self.facts)
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


class CsvWriter:
    """CSV with a header: every span (a column per schema field) or, with ``facts``, every
    fact; the same fields as :class:`JsonlWriter` writes for the same records."""

    name = "csv"

    def __init__(self, *, facts: bool = False) -> None:
        self.facts = facts
        self.fields = FACT_FIELDS if facts else SPAN_FIELDS

    def header(self) -> str:
        """The column names."""
        out = io.StringIO()
        csv.writer(out).writerow(self.fields)
        return out.getvalue()

    def render(self, records: Sequence[SpanRecord]) -> str:
        """One row per record; a list of acceptable ``measured`` words is joined with ``|``.

        Raises:
            ValueError: for a field the schema does not know (never dropped silently).
        """
        out = io.StringIO()
        writer = csv.DictWriter(out, self.fields, extrasaction="raise")
        for row in output_rows(records, facts=self.facts):
            if isinstance(row.get("measured"), list):
                row["measured"] = "|".join(row["measured"])
            writer.writerow(row)
        return out.getvalue()


@dataclass(frozen=True)
class LedgerEntry:
    """One completed document: its id, content hash and the output's size after it."""

    id: str
    sha256: str
    end: int


def ledger_path(output: Path) -> Path:
    """The ledger beside an output: ``<output>.done``."""
    return output.with_name(output.name + LEDGER_SUFFIX)


def read_ledger(path: Path) -> tuple[dict[str, Any] | None, list[LedgerEntry], int]:
    """The settings line, the entries and the size in bytes of the valid part of a ledger.

    Reading stops at the first line that is incomplete or not a ledger entry: the run
    that wrote it was killed there.
    """
    settings: dict[str, Any] | None = None
    entries: list[LedgerEntry] = []
    valid = 0
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return None, [], 0
    with handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                item = json.loads(raw)
            except ValueError:
                break
            if settings is None:
                if not isinstance(item, dict) or item.get("ledger") != LEDGER_VERSION:
                    break
                settings = item
            else:
                try:
                    entries.append(
                        LedgerEntry(str(item["id"]), str(item["sha256"]), int(item["end"]))
                    )
                except (KeyError, TypeError, ValueError):
                    break
            valid += len(raw)
    return settings, entries, valid


class ResumableOutput:
    """An output file written one whole document at a time, with a ledger to resume it.

    Use as a context manager::

        with ResumableOutput(Path("spans.jsonl"), JsonlWriter(), resume=True) as out:
            for item in extract_documents(nlp, out.pending(iter_documents(paths))):
                if isinstance(item, Result):
                    out.write(item.document.id, item.document.sha256, item.records)

    Args:
        path: the output file.
        writer: renders the records (:class:`JsonlWriter`, :class:`CsvWriter`).
        resume: keep what a previous run wrote (up to its last complete document)
            instead of starting afresh.

    Raises:
        OutputError: on entering, when the output cannot be resumed: it is shorter than
            its ledger says, or was written with another format.
    """

    def __init__(self, path: Path, writer: RecordWriter, *, resume: bool = False) -> None:
        self.path = path
        self.ledger = ledger_path(path)
        self.writer = writer
        self.resume = resume
        self.done: dict[str, str] = {}  # id -> sha256 of the documents a resumed output holds
        self.size = 0
        self.kept = 0  # documents skipped by :meth:`pending` because the output holds them
        self.kept_size = 0
        self._out: BinaryIO | None = None
        self._ledger: BinaryIO | None = None

    @property
    def settings(self) -> dict[str, Any]:
        """What the ledger's first line records, so a resume with other settings is refused."""
        return {"ledger": LEDGER_VERSION, "format": self.writer.name, "facts": self.writer.facts}

    def __enter__(self) -> ResumableOutput:
        header = self.writer.header().encode("utf-8")
        end, ledger_size = 0, 0
        if self.resume and self.path.exists():
            settings, entries, ledger_size = read_ledger(self.ledger)
            if settings is None:
                logger.warning(
                    "%s has no ledger (%s); starting from the beginning", self.path, self.ledger
                )
                ledger_size = 0
            elif settings != self.settings:
                raise OutputError(
                    f"{self.path} was written with other settings ({_describe(settings)}); "
                    "resume with those, or run again without --resume"
                )
            else:
                end = entries[-1].end if entries else 0
                self.done = {entry.id: entry.sha256 for entry in entries}
            size = self.path.stat().st_size
            if size < end:
                raise OutputError(
                    f"{self.path} is shorter ({size} bytes) than its ledger {self.ledger} says "
                    f"({end} bytes): it changed after the run; run again without --resume"
                )
        self._out = self.path.open("r+b" if end else "wb", buffering=0)
        self._out.truncate(end)  # drops a document the killed run had not finished
        self._out.seek(end)
        self._ledger = self.ledger.open("r+b" if ledger_size else "wb", buffering=0)
        self._ledger.truncate(ledger_size)
        self._ledger.seek(ledger_size)
        if not ledger_size:
            self._write(self._ledger, (json.dumps(self.settings) + "\n").encode("utf-8"))
        if not end and header:
            self._write(self._out, header)
            end = len(header)
        self.size = end
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the output and the ledger."""
        for handle in (self._out, self._ledger):
            if handle is not None:
                handle.close()
        self._out = self._ledger = None

    def status(self, doc_id: str, sha256: str) -> DocStatus:
        """Whether a document is new, already in the output, or in it with other content."""
        done = self.done.get(doc_id)
        if done is None:
            return DocStatus.NEW
        return DocStatus.DONE if done == sha256 else DocStatus.CHANGED

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        """The items still to extract: documents the output already holds are skipped.

        A document whose id the output holds with another hash (its text or date changed
        since) becomes an :class:`InputError`: its old rows stay, nothing is duplicated.
        """
        for item in items:
            if isinstance(item, Document):
                status = self.status(item.id, item.sha256)
                if status is DocStatus.DONE:
                    self.kept += 1
                    self.kept_size += item.size
                    continue
                if status is DocStatus.CHANGED:
                    reason = (
                        f"changed since {self.path} was written (other text or date); its old "
                        "spans are kept: run again without --resume to redo everything"
                    )
                    yield InputError(
                        item.path or "", reason, item.line, item.id, CHANGED, item.size
                    )
                    continue
            yield item

    def write(self, doc_id: str, sha256: str, records: Sequence[SpanRecord]) -> None:
        """Append one document's rows, then record it in the ledger."""
        assert self._out is not None and self._ledger is not None, (
            "use ResumableOutput as a context manager"
        )
        data = self.writer.render(records).encode("utf-8")
        self._write(self._out, data)
        self.size += len(data)
        entry = {"id": doc_id, "sha256": sha256, "end": self.size}
        self._write(self._ledger, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))

    @staticmethod
    def _write(handle: BinaryIO, data: bytes) -> None:
        # Unbuffered: one document is one write() to the kernel, so a killed process never
        # leaves half a line behind (short writes, e.g. on a full disk, are retried). No
        # fsync: this survives a killed process, not a power cut.
        view = memoryview(data)
        while view:
            written = handle.write(view)
            if written is None:  # pragma: no cover - only for non-blocking handles
                continue
            view = view[written:]


class StreamOutput:
    """Rows on a text stream such as stdout, flushed per document; nothing to resume.

    It has :class:`ResumableOutput`'s ``pending``, ``write`` and ``close``, so callers
    treat both alike.
    """

    kept = 0
    kept_size = 0

    def __init__(self, stream: TextIO, writer: RecordWriter) -> None:
        self.stream = stream
        self.writer = writer
        stream.write(writer.header())

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        """Every item: a stream holds nothing from before."""
        return iter(items)

    def write(self, doc_id: str, sha256: str, records: Sequence[SpanRecord]) -> None:
        """Write one document's rows and flush them."""
        self.stream.write(self.writer.render(records))
        self.stream.flush()

    def close(self) -> None:
        """Flush the stream (it stays open: it is not ours)."""
        self.stream.flush()


def _describe(settings: dict[str, Any]) -> str:
    facts = " --facts" if settings.get("facts") else ""
    return f"--format {settings.get('format')}{facts}"
