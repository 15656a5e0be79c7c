"""Saved extraction results as archive documents: span JSONL, CSV and Parquet.

``extractor extract -o spans.jsonl`` (or ``--format csv``) writes one span a row, and a
cluster run writes one Parquet file per partition with the same columns; any of them,
or a folder of them, loads into the archive. A document's text hash is the one the run
recorded (the ledger ``<file>.done`` beside a JSONL or CSV output), else the hash of its
text (from document lines of the file, or from ``--corpus``), else a hash of its spans.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..about import __version__
from ..io.corpus import Document, read_txt
from ..io.spans import read_span_file
from ..io.writers import ledger_path, read_ledger
from .store import ArchiveDocument

RESULT_SUFFIXES = (".jsonl", ".csv", ".parquet")
PYARROW_HINT = "pip install 'extractor[cluster]'"
_INT_FIELDS = ("start", "end")
_NUMBER_FIELDS = ("value", "low", "high")


class ResultsError(ValueError):
    """A results file that cannot be read; the message names the file and line."""


@dataclass
class ResultSet:
    """Archive documents read from results files, and the problems met on the way."""

    documents: list[ArchiveDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def expand_results(paths: list[Path]) -> Iterator[Path]:
    """The results files of ``paths``: files as given, folders' ``*.jsonl``, ``*.csv`` and
    ``*.parquet`` (sorted, not recursive into hidden folders)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix in RESULT_SUFFIXES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                ):
                    yield child
        else:
            yield path


def _records_hash(records: list[dict]) -> str:
    rows = sorted(json.dumps(r, sort_keys=True, default=str) for r in records)
    return "spans:" + hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """A row of CSV or Parquet as a span record: blanks to None, offsets to int."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value == "" or (isinstance(value, float) and value != value):  # blank, NaN
            value = None
        if key in _INT_FIELDS and value is not None:
            value = int(value)
        elif key in _NUMBER_FIELDS and value is not None:
            value = float(value)
        out[key] = value
    return out


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"doc_id", "label", "start", "end"} <= set(
            reader.fieldnames
        ):
            raise ResultsError(
                f"{path}: not a span CSV (its header needs doc_id, label, start and end, as "
                "`extractor extract --format csv` writes)"
            )
        rows = []
        for number, row in enumerate(reader, 2):
            try:
                rows.append(_clean(row))
            except ValueError as err:
                raise ResultsError(f"{path}:{number}: {err}") from None
        return rows


def _read_parquet(path: Path) -> list[dict]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ResultsError(
            f"{path}: reading Parquet needs pyarrow; install it with {PYARROW_HINT}"
        ) from None
    try:
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises its own error types for a bad file
        raise ResultsError(f"{path}: not a readable Parquet file ({err})") from None
    if not {"doc_id", "label", "start", "end"} <= set(table.column_names):
        raise ResultsError(f"{path}: a span Parquet file needs doc_id, label, start and end")
    return [_clean(row) for row in table.to_pylist()]


def read_results(
    paths: list[Path],
    *,
    corpus_dir: Path | None = None,
    extractor_version: str = __version__,
) -> ResultSet:
    """Every document of the results files, with its spans, hash and metadata.

    Args:
        paths: span files (``.jsonl``, ``.csv``, ``.parquet``) or folders of them.
        corpus_dir: where ``<doc_id>.txt`` (and ``.meta.json``) give the documents' text,
            date and title.
        extractor_version: the version of the extractor that made the results.

    Returns:
        The documents in order of first appearance and the problems (file:line, reason).
    """
    out = ResultSet()
    records: dict[str, list[dict]] = {}
    texts: dict[str, str] = {}
    hashes: dict[str, str] = {}
    sources: dict[str, str] = {}
    for path in expand_results(paths):
        if not path.is_file():
            out.problems.append(f"{path}: no such file")
            continue
        try:
            if path.suffix == ".csv":
                rows = _read_csv(path)
            elif path.suffix == ".parquet":
                rows = _read_parquet(path)
            elif path.suffix == ".jsonl":
                span_file = read_span_file(path)
                out.problems.extend(str(e) for e in span_file.errors)
                texts.update(span_file.texts)
                rows = [r for recs in span_file.records.values() for r in recs]
            else:
                out.problems.append(f"{path}: not a results file ({', '.join(RESULT_SUFFIXES)})")
                continue
        except ResultsError as err:
            out.problems.append(str(err))
            continue
        except (OSError, UnicodeDecodeError) as err:
            out.problems.append(f"{path}: cannot read it ({err})")
            continue
        _, entries, _ = read_ledger(ledger_path(path))
        hashes.update({e.id: e.sha256 for e in entries})
        for row in rows:
            doc_id = str(row.get("doc_id") or "")
            if not doc_id:
                out.problems.append(f"{path}: a span without doc_id")
                continue
            if doc_id not in records:
                records[doc_id] = []
                sources[doc_id] = str(path)
            records[doc_id].append({k: v for k, v in row.items() if v is not None or k == "text"})
    for doc_id, recs in records.items():
        document = _corpus_document(corpus_dir, doc_id)
        text = texts.get(doc_id) or (document.text if document else None)
        date = document.date if document else None
        meta = dict(document.meta) if document else {}
        if doc_id in hashes:
            text_hash = hashes[doc_id]
        elif document is not None:
            text_hash = document.sha256
        elif text is not None:
            text_hash = Document(doc_id, text, date).sha256
        else:
            text_hash = _records_hash(recs)
        out.documents.append(
            ArchiveDocument(
                id=doc_id,
                text_hash=text_hash,
                records=recs,
                extractor_version=extractor_version,
                date=date or meta.get("date"),
                title=meta.get("title"),
                meta=meta,
                text=text,
                source=sources[doc_id],
            )
        )
    return out


def _corpus_document(corpus_dir: Path | None, doc_id: str) -> Document | None:
    if corpus_dir is None:
        return None
    path = corpus_dir / f"{doc_id}.txt"
    if not path.is_file():
        return None
    doc = read_txt(path)
    return doc if isinstance(doc, Document) else None


def archive_document(document: Document, records: list[dict]) -> ArchiveDocument:
    """A document just extracted (``extractor extract --db``) as an archive document."""
    meta = dict(document.meta)
    return ArchiveDocument(
        id=document.id,
        text_hash=document.sha256,
        records=[dict(r) for r in records],
        extractor_version=__version__,
        date=document.date,
        title=meta.get("title"),
        meta=meta,
        text=document.text,
        source=document.path,
    )
