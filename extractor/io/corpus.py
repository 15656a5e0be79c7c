"""Read documents: ``.txt`` files (with an optional ``<stem>.meta.json``), JSONL, folders.

Bad input never raises out of :func:`iter_documents`: it yields an :class:`InputError`
naming the file, the line and what to do, and goes on with the next document. Folders
are walked lazily, one directory at a time, and JSONL files are read line by line, so
memory does not grow with the size of the archive.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
from charset_normalizer.md import mess_ratio

from ..rules.timex import DocDate

logger = logging.getLogger("extractor")

META_SUFFIX = ".meta.json"
DOCUMENT_SUFFIXES = (".txt", ".jsonl")
# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Legacy code pages transcripts from the region come in, most common first: a tie in
# charset-normalizer's mess ratio goes to the earlier one. English text with a few
# Cyrillic words is too little for a detector to tell cp1251 from mac_cyrillic alone.
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp866", "cp1252")
# Above this share of "messy" characters a decoding is noise, not text.
MAX_MESS = 0.2
# Characters of a decoding the mess ratio is measured on: enough to judge, bounded cost.
MESS_SAMPLE = 100_000
# Control bytes that no text has (NUL, BEL, backspace...): above 1 in 100 the bytes are
# binary; fewer, with NULs among them, is a text with stray NUL bytes.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
CONTROL_SAMPLE = 8192
MAX_CONTROL = 0.01
# A text whose valid multi-byte UTF-8 characters outnumber its invalid bytes this many
# times is damaged UTF-8: decoding it as cp1251 would garble every character.
UTF8_MAJORITY = 4

# Kinds of input error, the ``kind`` field of an --errors record.
UNREADABLE = "unreadable"
BROKEN_SYMLINK = "broken-symlink"
NOT_A_FILE = "not-a-file"
BINARY = "binary"
NUL_BYTES = "nul-bytes"
UNDECODABLE = "undecodable"
EMPTY = "empty"
MALFORMED = "malformed-json"
NO_TEXT = "no-text"
BAD_FIELD = "bad-field"
DUPLICATE_ID = "duplicate-id"
MISSING = "missing"
EXTRACTION = "extraction-failed"


@dataclass(frozen=True)
class Document:
    """One document: its id, text, date (ISO, any precision, or None) and metadata.

    ``path`` and ``line`` say where it was read; ``size`` is the number of input bytes it
    took (for progress) and ``encoding`` the encoding its bytes were decoded from.
    """

    id: str
    text: str
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    line: int | None = None
    size: int = 0
    encoding: str = "utf-8"

    @property
    def sha256(self) -> str:
        """The SHA-256 of what the extraction depends on: the date and the text."""
        digest = hashlib.sha256((self.date or "").encode("utf-8") + b"\x00")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    @property
    def where(self) -> str:
        """``path:line`` (or the path alone) for messages."""
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass(frozen=True)
class InputError:
    """A document that could not be read or processed, and why.

    ``kind`` is one of the constants of this module (``binary``, ``malformed-json``...),
    for filtering; ``reason`` says what to do in a sentence.
    """

    path: str
    reason: str
    line: int | None = None
    id: str | None = None
    kind: str = UNREADABLE
    size: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready record: path, line, id, reason and kind."""
        return {
            "path": self.path,
            "line": self.line,
            "id": self.id,
            "reason": self.reason,
            "kind": self.kind,
        }


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files to read: the given files, and every ``.txt``/``.jsonl`` below given folders.

    Folders are walked depth first with the entries of each directory sorted by name,
    which is the order of ``sorted(folder.rglob("*"))`` without holding the whole tree.
    Symbolic links to folders are not followed (they could loop).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError(str(path), "no such file or folder; check the path", kind=MISSING)


def _walk(folder: Path) -> Iterator[Path | InputError]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as err:
        yield InputError(
            str(folder), f"cannot list the folder ({err.strerror or err})", kind=UNREADABLE
        )
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif path.suffix in DOCUMENT_SUFFIXES:
            yield path


def file_error(path: Path) -> InputError | None:
    """Why ``path`` cannot be read as a document file, or None when it is a regular file."""
    try:
        info = path.stat()
    except OSError as err:
        if path.is_symlink():
            target = os.readlink(path)
            return InputError(
                str(path),
                f"is a broken symbolic link (to {target}); fix or remove it",
                kind=BROKEN_SYMLINK,
            )
        return InputError(
            str(path), f"cannot read the file ({err.strerror or err})", kind=UNREADABLE
        )
    if stat.S_ISDIR(info.st_mode):
        return InputError(str(path), "is a folder, not a document file", kind=NOT_A_FILE)
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO would block and a device could be endless: never read them.
        return InputError(
            str(path),
            "is not a regular file (a pipe, socket or device); pass text files only",
            kind=NOT_A_FILE,
        )
    return None


@dataclass(frozen=True)
class NotText:
    """Why a file's bytes are not a text: an error ``kind`` and a ``reason`` to act on."""

    kind: str
    reason: str


def decode(data: bytes) -> tuple[str, str] | NotText:
    """Text and encoding of a document's bytes, or why they are not text.

    Byte-order marks decide first (UTF-8, UTF-16, UTF-32). Bytes with NULs or many
    control characters are binary, or text with stray NUL bytes when those are all
    that is wrong. Then UTF-8; a UTF-8 text with a few invalid bytes is reported, not
    guessed at (every byte is a letter in some code page). Last, the legacy code page
    whose decoding charset-normalizer finds least messy, among
    :data:`LEGACY_ENCODINGS` and charset-normalizer's own best guess.

    Returns:
        ``(text, encoding)``, or :class:`NotText` of kind ``binary``, ``nul-bytes`` or
        ``undecodable``.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                reason = f"has a {encoding} byte-order mark but byte {err.start} is not {encoding}"
                return NotText(UNDECODABLE, reason + "; re-save the file as UTF-8")
    control = _control_share(data[:CONTROL_SAMPLE])
    if control > MAX_CONTROL:
        return NotText(
            BINARY,
            "is a binary file, not text (or UTF-16 without a byte-order mark); pass text files",
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        return NotText(NUL_BYTES, f"contains NUL bytes (the first at byte {nul}); remove them")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    if _mostly_utf8(data):
        reason = f"is UTF-8 with invalid bytes (the first at byte {first_bad})"
        return NotText(UNDECODABLE, reason + "; fix them or re-save the file as UTF-8")
    guess = charset_normalizer.from_bytes(data).best()
    candidates = list(LEGACY_ENCODINGS)
    if guess is not None and guess.encoding not in candidates:
        candidates.append(guess.encoding)
    scored = []
    for order, encoding in enumerate(candidates):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((mess_ratio(text[:MESS_SAMPLE], MAX_MESS), order, text, encoding))
    if guess is None or not scored or min(scored)[0] >= MAX_MESS:
        reason = "is not UTF-8 and no other encoding fits; convert it to UTF-8"
        return NotText(UNDECODABLE, reason + " (e.g. iconv -f cp1251 -t utf-8)")
    _, _, text, encoding = min(scored)
    return text, encoding


def _control_share(data: bytes) -> float:
    """The share of control bytes (NUL included; tab, newlines, form feed and ESC not)."""
    if not data:
        return 0.0
    return sum(data.count(bytes([b])) for b in _CONTROL_BYTES) / len(data)


def _mostly_utf8(data: bytes) -> bool:
    """Whether invalid bytes are rare among the non-ASCII ones: UTF-8 with damage."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return valid >= UTF8_MAJORITY * invalid


def text_problem(text: str) -> tuple[str, str] | None:
    """Why a decoded text is not a document: ``(kind, reason)``, or None when it is one."""
    if not text:
        return EMPTY, "is empty; nothing to extract"
    if not text.strip():
        return EMPTY, "contains only whitespace; nothing to extract"
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        return (
            NUL_BYTES,
            f"contains a NUL character (line {line} of the text); remove NUL characters",
        )
    return None


def _check_date(value: Any, where: InputError) -> str | None | InputError:
    if value in (None, ""):
        return None
    if DocDate.parse(str(value)) is None:
        reason = f"date {value!r} is not an ISO date (2020, 2020-03 or 2020-03-05)"
        return InputError(where.path, reason, where.line, where.id, kind=BAD_FIELD, size=where.size)
    return str(value)


def read_txt(path: Path, default_date: str | None = None) -> Document | InputError:
    """A ``.txt`` document; id is the file stem, date from ``<stem>.meta.json`` or the default.

    Args:
        path: the text file.
        default_date: the date when the meta file gives none.

    Returns:
        The document, or an :class:`InputError` saying why it cannot be read.
    """
    read = txt_bytes(path)
    if isinstance(read, InputError):
        return read
    return txt_document(path, *read, default_date)


def txt_bytes(path: Path) -> tuple[bytes, bytes | OSError | None] | InputError:
    """The bytes of a ``.txt`` file and of its ``<stem>.meta.json`` (None when there is
    none, the error when it cannot be read), or why the file cannot be read."""
    problem = file_error(path)
    if problem is not None:
        return InputError(problem.path, problem.reason, None, path.stem, problem.kind)
    try:
        data = path.read_bytes()
    except OSError as err:
        return InputError(
            str(path),
            f"cannot read the file ({err.strerror or err}); check that it is readable",
            id=path.stem,
            kind=UNREADABLE,
        )
    meta_path = path.with_name(path.stem + META_SUFFIX)
    meta: bytes | OSError | None = None
    if meta_path.exists():
        try:
            meta = meta_path.read_bytes()
        except OSError as err:
            meta = err
    return data, meta


def txt_document(
    path: Path, data: bytes, meta: bytes | OSError | None, default_date: str | None = None
) -> Document | InputError:
    """The document of a ``.txt`` file whose bytes were read already (:func:`read_txt`,
    or a machine that sent them).

    Args:
        path: where the file is, for the id (its stem) and messages.
        data: the file's bytes.
        meta: the bytes of its ``<stem>.meta.json``, None when there is none, or the error
            reading it raised.
        default_date: the date when the meta file gives none.
    """
    decoded = decode(data)
    if isinstance(decoded, NotText):
        return InputError(str(path), decoded.reason, None, path.stem, decoded.kind, len(data))
    text, encoding = decoded
    if encoding not in ("utf-8", "utf-8-sig"):
        logger.info("%s is not UTF-8; read it as %s", path, encoding)
    size = len(data)
    problem = text_problem(text)
    if problem is not None:
        return InputError(str(path), problem[1], id=path.stem, kind=problem[0], size=size)
    fields: dict[str, Any] = {}
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if meta is not None:
        try:
            if isinstance(meta, OSError):
                raise meta
            fields = json.loads(meta.decode("utf-8"))
        except (OSError, ValueError) as err:
            return InputError(
                str(meta_path),
                f"is not valid JSON ({err}); fix or remove it",
                id=path.stem,
                kind=MALFORMED,
                size=size,
            )
        if not isinstance(fields, dict):
            return InputError(
                str(meta_path),
                "is not a JSON object; fix or remove it",
                id=path.stem,
                kind=MALFORMED,
                size=size,
            )
    date = fields.get("date") if "date" in fields else default_date
    where = InputError(str(meta_path if "date" in fields else path), "", None, path.stem, size=size)
    checked = _check_date(date, where)
    if isinstance(checked, InputError):
        return checked
    doc_id = str(fields.get("id") or path.stem)
    extra = {k: v for k, v in fields.items() if k not in ("id", "date", "text")}
    return Document(doc_id, text, checked, extra, str(path), None, size, encoding)


def read_jsonl(path: Path, default_date: str | None = None) -> Iterator[Document | InputError]:
    """Documents of a JSONL file, one ``{"id", "text", "date", ...}`` a line, read lazily.

    Every bad line is reported with its number and the file goes on: lines that are not
    UTF-8 or not a JSON object, records without a text, with an empty text or NUL
    characters, with an id that is not a string or number, or with a bad date. A record
    without an id gets ``<file stem>:<line>``.
    """
    problem = file_error(path)
    if problem is not None:
        yield problem
        return
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(
            str(path),
            f"cannot read the file ({err.strerror or err}); check that it is readable",
            kind=UNREADABLE,
        )
        return
    with handle:
        number = 0
        while True:
            try:
                raw = handle.readline()
            except OSError as err:
                yield InputError(
                    str(path),
                    f"cannot read the file ({err.strerror or err})",
                    number + 1,
                    kind=UNREADABLE,
                )
                return
            if not raw:
                return
            number += 1
            item = _jsonl_record(path, number, raw, default_date)
            if item is not None:
                yield item


def _jsonl_record(
    path: Path, number: int, raw: bytes, default_date: str | None
) -> Document | InputError | None:
    size = len(raw)
    if not raw.strip():
        return None

    def error(reason: str, kind: str, doc_id: str | None = None) -> InputError:
        return InputError(str(path), reason, number, doc_id, kind, size)

    if number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return error(
            "is UTF-16; JSONL must be UTF-8 (convert the file, e.g. iconv -f utf-16 -t utf-8)",
            UNDECODABLE,
        )
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        return error(f"is not UTF-8 (byte {err.start + 1}); JSONL must be UTF-8", UNDECODABLE)
    try:
        record = json.loads(line)
    except ValueError as err:
        return error(f"is not valid JSON ({err}); each line must be one JSON object", MALFORMED)
    if not isinstance(record, dict):
        return error(
            'is not a JSON object; each line must be {"id": ..., "text": ..., "date": ...}',
            MALFORMED,
        )
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        return error(f"has an id that is not a string or number ({doc_id!r})", BAD_FIELD)
    doc_id = None if doc_id in (None, "") else str(doc_id)
    text = record.get("text")
    if text is None:
        return error('has no "text"; each record needs the document text', NO_TEXT, doc_id)
    if not isinstance(text, str):
        return error(f'has a "text" that is not a string ({type(text).__name__})', NO_TEXT, doc_id)
    problem = text_problem(text)
    if problem is not None:
        return error(f'"text" {problem[1]}', problem[0], doc_id)
    if doc_id is None:
        doc_id = f"{path.stem}:{number}"
    checked = _check_date(
        record.get("date", default_date), InputError(str(path), "", number, doc_id, size=size)
    )
    if isinstance(checked, InputError):
        return checked
    meta = {k: v for k, v in record.items() if k not in ("id", "text", "date")}
    return Document(doc_id, text, checked, meta, str(path), number, size)


def iter_documents(
    paths: Iterable[str | Path], default_date: str | None = None
) -> Iterator[Document | InputError]:
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
        docs = (
            read_jsonl(item, default_date)
            if item.suffix == ".jsonl"
            else [read_txt(item, default_date)]
        )
        for doc in docs:
            if isinstance(doc, Document):
                if doc.id in seen:
                    reason = f"repeats the id {doc.id!r} of {seen[doc.id]}; ids must be unique"
                    yield InputError(
                        doc.path or "", reason, doc.line, doc.id, DUPLICATE_ID, doc.size
                    )
                    continue
                seen[doc.id] = doc.where
            yield doc
