"""Span records as a folder of Parquet files, one a partition of the input, with a manifest.

``extract --format parquet -o DIR`` writes ``DIR/part-00000.parquet``, ``part-00001`` ... and
``DIR/_manifest.json``. Every file has the same schema, derived from
:class:`~extractor.schema.SpanRecord` (numbers as float64, offsets as int64, the rest as
strings; a field a record's label does not carry is null), so DuckDB, pandas, polars,
pyarrow and Spark read the folder as one table (``read_parquet('DIR/*.parquet')``); names
beginning with ``_`` or ``.`` are not data to them.

A partition is written to a hidden temporary name and renamed into place, then recorded in
the manifest (rewritten the same way): a run killed at any moment leaves whole files only,
and ``resume=True`` keeps the partitions the manifest holds with the same input hash. The
ids of a part's documents ride in its file's metadata, so a resumed run still knows them.

pyarrow is imported when this module is: import it only to write or read Parquet.
"""

from __future__ import annotations

import json
import os
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..schema import CORE_FIELDS, FACT_FIELDS, FIELD_LABELS, SPAN_FIELDS, SpanRecord
from .writers import OutputError, output_rows

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as err:  # pragma: no cover - exercised with a monkeypatched import
    raise ImportError(
        f"Parquet output needs pyarrow ({err}): pip install 'extractor[cluster]'"
    ) from err

MANIFEST = "_manifest.json"
MANIFEST_VERSION = 1
PART_PATTERN = "part-{:05d}.parquet"
# Key of a part's file metadata that lists its documents: [[id, where], ...].
DOCUMENTS_KEY = b"extractor.documents"
# A field typed Any (``measured``: a phrase from the pipeline, a list of heads in the gold
# set) is a string column; a list is joined with "|", as CSV does.
_JOIN = "|"


def _arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a :class:`SpanRecord` annotation: any number is float64 (a value
    may be 5 or 2.5), an int alone int64, anything else a string."""
    text = annotation.__forward_arg__ if isinstance(annotation, typing.ForwardRef) else annotation
    names = {part.strip() for part in str(text).split("|")} - {"None"}
    if "float" in names:
        return pa.float64()
    if names == {"int"}:
        return pa.int64()
    return pa.string()


def arrow_schema(fields: Sequence[str] = SPAN_FIELDS, *, facts: bool = False) -> pa.Schema:
    """The Parquet schema of span records (or, with ``facts``, of fact rows): a column per
    field in output order; the fields every record has are not nullable."""
    fields = FACT_FIELDS if facts else fields
    annotations = SpanRecord.__annotations__
    return pa.schema(
        [
            pa.field(name, _arrow_type(annotations[name]), nullable=name not in CORE_FIELDS)
            for name in fields
        ],
        metadata={b"extractor.rows": b"facts" if facts else b"spans"},
    )


def record_table(records: Sequence[SpanRecord], *, facts: bool = False) -> pa.Table:
    """The rows of records (or of their facts) as an Arrow table of :func:`arrow_schema`.

    Raises:
        ValueError: for a field the schema does not know (never dropped silently).
    """
    schema = arrow_schema(facts=facts)
    rows = output_rows(records, facts=facts)
    columns: dict[str, list] = {name: [] for name in schema.names}
    for row in rows:
        unknown = set(row) - set(columns)
        if unknown:
            raise ValueError(f"fields not in the span schema: {', '.join(sorted(unknown))}")
        for name, column in columns.items():
            value = row.get(name)
            if isinstance(value, list):
                value = _JOIN.join(map(str, value))
            column.append(value)
    return pa.Table.from_pydict(columns, schema=schema)


def table_records(table: pa.Table) -> list[SpanRecord]:
    """Span records back from a table: each with the fields of its label only, as
    ``extract`` writes them in JSONL (numbers come back as floats: 5.0 for 5)."""
    out: list[SpanRecord] = []
    for row in table.to_pylist():
        label = row["label"]
        out.append(
            SpanRecord(  # type: ignore[misc]
                **{
                    name: value
                    for name, value in row.items()
                    if name in CORE_FIELDS or label in FIELD_LABELS.get(name, ())
                }
            )
        )
    return out


def read_records(folder: Path) -> list[SpanRecord]:
    """Every record of a Parquet output folder, parts in order."""
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts:
        return []
    return table_records(pa.concat_tables(pq.read_table(part) for part in parts))


@dataclass(frozen=True)
class PartEntry:
    """One written partition, as the manifest records it."""

    index: int
    file: str
    input_sha256: str
    documents: int
    spans: int
    failed: int
    retry: bool  # some documents failed in a way a new run may fix (timeout, crash)

    def to_dict(self) -> dict[str, Any]:
        """The manifest's JSON for it."""
        return dict(self.__dict__)


class PartitionedOutput:
    """A folder of Parquet parts and its manifest, written a whole partition at a time.

    Args:
        folder: the output folder (made when missing).
        settings: what the output depends on beyond its input (format, facts, model...);
            a resume with other settings is refused.
        resume: keep the parts the manifest holds instead of starting afresh.

    Raises:
        OutputError: on :meth:`open`, when the folder holds other files than an output of
            this kind, or was written with other settings and ``resume`` is asked.
    """

    def __init__(self, folder: Path, settings: dict[str, Any], *, resume: bool = False) -> None:
        self.folder = folder
        self.settings = {"manifest": MANIFEST_VERSION, **settings}
        self.resume = resume
        self.parts: dict[int, PartEntry] = {}
        self.facts = bool(settings.get("facts"))

    @property
    def manifest(self) -> Path:
        """``DIR/_manifest.json``."""
        return self.folder / MANIFEST

    def open(self) -> PartitionedOutput:
        """Check the folder and read the manifest of a run to resume."""
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(f"{self.folder} is a file; --format parquet writes a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        found = self._read_manifest()
        ours = {p.name for p in self.folder.glob("part-*.parquet")} | {MANIFEST}
        strangers = [
            p.name for p in self.folder.iterdir() if p.name not in ours and not _is_temp(p.name)
        ]
        if strangers or (found is None and any(self.folder.glob("part-*.parquet"))):
            raise OutputError(
                f"{self.folder} holds files that are not an extractor output "
                f"({', '.join(sorted(strangers)[:3]) or 'parts without a manifest'}); "
                "give a new or empty folder"
            )
        if self.resume and found is not None:
            settings, parts = found
            if settings != self.settings:
                raise OutputError(
                    f"{self.folder} was written with other settings ({_describe(settings)}); "
                    "resume with those, or run again without --resume"
                )
            self.parts = {
                entry.index: entry
                for entry in parts
                if (self.folder / entry.file).is_file()  # a part deleted by hand is redone
            }
        else:
            for part in self.folder.glob("part-*.parquet"):
                part.unlink()
            self.parts = {}
        for temp in self.folder.iterdir():
            if _is_temp(temp.name):  # left by a killed run
                temp.unlink()
        self._write_manifest()
        return self

    def kept(self, index: int, input_sha256: str) -> PartEntry | None:
        """The entry of a partition the output holds already with this input, else None
        (also when its documents failed in a way worth trying again)."""
        entry = self.parts.get(index)
        if entry is None or entry.input_sha256 != input_sha256 or entry.retry:
            return None
        return entry

    def documents(self, entry: PartEntry) -> list[tuple[str, str]]:
        """The ``(id, where)`` of a written part's documents, from its file's metadata."""
        metadata = pq.read_schema(self.folder / entry.file).metadata or {}
        return [tuple(pair) for pair in json.loads(metadata.get(DOCUMENTS_KEY, b"[]"))]

    def write(
        self,
        index: int,
        input_sha256: str,
        records: Sequence[SpanRecord],
        documents: Iterable[tuple[str, str]],
        *,
        failed: int = 0,
        retry: bool = False,
    ) -> PartEntry:
        """Write one partition's file atomically, then record it in the manifest.

        Args:
            index: the partition's number (its file is ``part-<index>.parquet``).
            input_sha256: the hash of its input, for ``resume``.
            records: its documents' records, in input order.
            documents: ``(id, where)`` of its documents, those without records too.
            failed: its documents that could not be read or processed.
            retry: whether some failed in a way a new run may fix.
        """
        documents = list(documents)
        table = record_table(records, facts=self.facts)
        metadata = dict(table.schema.metadata or {})
        metadata[DOCUMENTS_KEY] = json.dumps(documents, ensure_ascii=False).encode("utf-8")
        table = table.replace_schema_metadata(metadata)
        name = PART_PATTERN.format(index)
        temp = self.folder / f".{name}.{os.getpid()}.tmp"
        pq.write_table(table, temp)
        os.replace(temp, self.folder / name)
        entry = PartEntry(index, name, input_sha256, len(documents), table.num_rows, failed, retry)
        self.parts[index] = entry
        self._write_manifest()
        return entry

    def finish(self, partitions: int) -> None:
        """Drop the parts of partitions the input no longer has (it shrank since)."""
        for index in [i for i in self.parts if i >= partitions]:
            (self.folder / self.parts.pop(index).file).unlink(missing_ok=True)
        self._write_manifest()

    def _read_manifest(self) -> tuple[dict[str, Any], list[PartEntry]] | None:
        try:
            data = json.loads(self.manifest.read_text(encoding="utf-8"))
            return data["settings"], [PartEntry(**part) for part in data["parts"]]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise OutputError(
                f"{self.manifest} cannot be read ({err}); run again without --resume"
            ) from err

    def _write_manifest(self) -> None:
        data = {
            "settings": self.settings,
            "parts": [self.parts[i].to_dict() for i in sorted(self.parts)],
        }
        temp = self.folder / f".{MANIFEST}.{os.getpid()}.tmp"
        temp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temp, self.manifest)


def _is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def _describe(settings: dict[str, Any]) -> str:
    shown = {k: v for k, v in settings.items() if k != "manifest" and v not in (None, [], False)}
    return ", ".join(f"{k}={v}" for k, v in shown.items()) or "defaults"
