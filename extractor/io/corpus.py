"""Read documents: ``.txt`` files (with an optional ``<stem>.meta.json``), JSONL, folders.

Bad input never raises out of :func:`iter_documents`: it yields an :class:`InputError`
naming the file, the line and what to do, and goes on with the next document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..rules.timex import DocDate

META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Document:
    """One document: its id, text, date (ISO, any precision, or None) and metadata."""

    id: str
    text: str
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class InputError:
    """A document that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None
    id: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready record."""
        return {"path": self.path, "line": self.line, "id": self.id, "reason": self.reason}


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files to read: the given files, and every ``.txt``/``.jsonl`` below given folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix in (".txt", ".jsonl") and (child.is_file() or child.is_symlink()):
                    yield child
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError(str(path), "no such file or folder; check the path")


def _read_text(path: Path) -> str | InputError:
    try:
        data = path.read_bytes()
    except OSError as err:
        return InputError(str(path), f"cannot read the file ({err.strerror or err}); check that it exists and is readable")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError(str(path), "looks binary (NUL bytes); pass text files only")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return InputError(str(path), "is not valid UTF-8; convert it (e.g. iconv -f cp1251 -t utf-8)")


def _check_date(value: Any, where: InputError) -> str | None | InputError:
    if value in (None, ""):
        return None
    if DocDate.parse(str(value)) is None:
        return InputError(where.path, f"date {value!r} is not an ISO date (2020, 2020-03 or 2020-03-05)", where.line, where.id)
    return str(value)


def read_txt(path: Path, default_date: str | None = None) -> Document | InputError:
    """A ``.txt`` document; id is the file stem, date from ``<stem>.meta.json`` or the default."""
    text = _read_text(path)
    if isinstance(text, InputError):
        return text
    if not text.strip():
        return InputError(str(path), "is empty; nothing to extract", id=path.stem)
    meta: dict[str, Any] = {}
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            return InputError(str(meta_path), f"is not valid JSON ({err}); fix or remove it", id=path.stem)
    date = meta.get("date") if "date" in meta else default_date
    checked = _check_date(date, InputError(str(meta_path if "date" in meta else path), "", None, path.stem))
    if isinstance(checked, InputError):
        return checked
    doc_id = str(meta.get("id") or path.stem)
    extra = {k: v for k, v in meta.items() if k not in ("id", "date", "text")}
    return Document(doc_id, text, checked, extra, str(path))


def read_jsonl(path: Path, default_date: str | None = None) -> Iterator[Document | InputError]:
    """Documents of a JSONL file, one ``{"id", "text", "date", ...}`` a line."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(str(path), f"cannot read the file ({err.strerror or err}); check that it exists and is readable")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                record = json.loads(line)
            except (UnicodeDecodeError, ValueError) as err:
                yield InputError(str(path), f"is not a JSON object ({err}); each line must be one document", number)
                continue
            if not isinstance(record, dict):
                yield InputError(str(path), "is not a JSON object; each line must be {\"id\", \"text\", ...}", number)
                continue
            text = record.get("text")
            doc_id = record.get("id")
            if not isinstance(text, str) or not text.strip():
                yield InputError(str(path), "has no \"text\" (or it is empty)", number, None if doc_id is None else str(doc_id))
                continue
            if doc_id in (None, ""):
                doc_id = f"{path.stem}:{number}"
            date = record.get("date", default_date)
            checked = _check_date(date, InputError(str(path), "", number, str(doc_id)))
            if isinstance(checked, InputError):
                yield checked
                continue
            meta = {k: v for k, v in record.items() if k not in ("id", "text", "date")}
            yield Document(str(doc_id), text, checked, meta, str(path), number)


def iter_documents(paths: Iterable[str | Path], default_date: str | None = None) -> Iterator[Document | InputError]:
    """Every document under ``paths``, in a deterministic order; errors are yielded too.

    Args:
        paths: files and folders.
        default_date: date for documents that carry none (``--date``).

    Yields:
        :class:`Document` or :class:`InputError`; a repeated id is an error for the
        second and later documents.
    """
    seen: dict[str, str] = {}
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        docs = read_jsonl(item, default_date) if item.suffix == ".jsonl" else [read_txt(item, default_date)]
        for doc in docs:
            if isinstance(doc, Document):
                where = f"{doc.path}:{doc.line}" if doc.line else str(doc.path)
                if doc.id in seen:
                    yield InputError(doc.path or "", f"duplicate id {doc.id!r} (first seen at {seen[doc.id]}); ids must be unique", doc.line, doc.id)
                    continue
                seen[doc.id] = where
            yield doc
