"""Read saved extraction results: span JSONL (docs/schema.md) and the texts they index.

A span file holds one span record a line (``doc_id``, ``label``, ``start``, ``end``,
``text`` and label-specific fields), as ``extractor extract -f jsonl`` writes it. It may
also hold document lines (``{"id", "text", ...}``), whose texts then give the spans their
sentences. Nothing here imports spaCy: opening a saved result needs no model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpus import Document, InputError, iter_documents, read_txt

SPAN_KEYS = ("label", "start", "end")
SNIFF_LINES = 20


def _is_span(obj: Any) -> bool:
    return isinstance(obj, dict) and all(key in obj for key in SPAN_KEYS)


def is_span_file(path: Path, *, max_lines: int = SNIFF_LINES) -> bool:
    """Whether a JSONL file holds span records rather than documents, judged by content.

    Args:
        path: a ``.jsonl`` file.
        max_lines: how many JSON object lines to look at.

    Returns:
        True when one of the first ``max_lines`` objects has ``label``, ``start`` and
        ``end``; False for documents (``{"id", "text"}``), other files or unreadable ones.
    """
    if not path.is_file():
        return False
    seen = 0
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            for raw in handle:
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue
                if _is_span(obj):
                    return True
                seen += 1
                if seen >= max_lines:
                    break
    except OSError:
        return False
    return False


@dataclass
class SpanFile:
    """The contents of a span file, grouped by document in order of first appearance.

    Attributes:
        records: document id -> its span records, in file order.
        texts: document id -> text, from document lines in the same file.
        errors: lines that are not span records, with file, line and reason.
    """

    records: dict[str, list[dict]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


def _check_span(obj: dict) -> str | None:
    """Why a span line is unusable, or None."""
    if obj.get("doc_id") in (None, ""):
        return 'has no "doc_id"; span lines need doc_id, label, start and end'
    if not isinstance(obj["label"], str) or not obj["label"]:
        return f"label {obj['label']!r} is not a string"
    start, end = obj["start"], obj["end"]
    if (
        not (isinstance(start, int) and isinstance(end, int))
        or isinstance(start, bool)
        or not 0 <= start < end
    ):
        return f"offsets {start!r}-{end!r} are not 0 <= start < end"
    if "text" in obj and obj["text"] is not None and not isinstance(obj["text"], str):
        return '"text" is not a string'
    return None


def read_span_file(path: Path) -> SpanFile:
    """Span records of a JSONL file, grouped by document; bad lines become errors.

    Args:
        path: a span file (see :func:`is_span_file`).

    Returns:
        The records by document id, the texts of document lines, and every bad line.
    """
    out = SpanFile()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except (UnicodeDecodeError, ValueError) as err:
                out.errors.append(InputError(str(path), f"is not valid JSON ({err})", number))
                continue
            if not isinstance(obj, dict):
                out.errors.append(InputError(str(path), "is not a JSON object", number))
                continue
            if not _is_span(obj):
                if isinstance(obj.get("text"), str) and obj.get("id") not in (None, ""):
                    out.texts[str(obj["id"])] = obj["text"]
                else:
                    out.errors.append(
                        InputError(
                            str(path),
                            "is neither a span (doc_id, label, start, end) "
                            "nor a document (id, text)",
                            number,
                        )
                    )
                continue
            reason = _check_span(obj)
            doc_id = None if obj.get("doc_id") is None else str(obj["doc_id"])
            if reason:
                out.errors.append(InputError(str(path), reason, number, doc_id))
                continue
            obj["doc_id"] = doc_id
            out.records.setdefault(doc_id, []).append(obj)
    return out


class CorpusTexts:
    """Document texts by id, looked up lazily in a corpus folder or documents file.

    A folder is searched for ``<id>.txt`` (with its ``<id>.meta.json``); a ``.jsonl`` or
    ``.txt`` file is read once, on the first lookup.

    Args:
        paths: corpus folders or document files; missing ones are ignored.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [p for p in paths if p.exists()]
        self._files: dict[str, Document] | None = None

    def get(self, doc_id: str) -> Document | None:
        """The document with this id, or None when no path holds it."""
        folders = [p for p in self.paths if p.is_dir()] if Path(doc_id).name == doc_id else []
        for folder in folders:  # an id is a file name, never a path out of the folder
            candidate = folder / f"{doc_id}.txt"
            if candidate.is_file():
                doc = read_txt(candidate)
                if isinstance(doc, Document):
                    return doc
        if self._files is None:
            files = [p for p in self.paths if p.is_file()]
            self._files = {d.id: d for d in iter_documents(files) if isinstance(d, Document)}
        return self._files.get(doc_id)


def text_matches(text: str, records: Iterable[dict]) -> bool:
    """Whether every record's ``text`` is the text at its offsets (so offsets index ``text``)."""
    for rec in records:
        if rec["end"] > len(text):
            return False
        if rec.get("text") is not None and text[rec["start"] : rec["end"]] != rec["text"]:
            return False
    return True
