"""The gold set: ``gold/<id>.jsonl`` beside ``corpus/<id>.txt``, and ``gold/split.json``.

:func:`check_gold` validates everything at once and returns every problem with its file
and line, so a user fixes them in one pass.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import read_jsonl
from ..rules.timex import DocDate
from ..schema import LABELS, QUALIFIERS
from .corpus import Document, read_txt

# dev: rules are tuned on it; test: only measured; fresh: new text no rule was tuned on,
# scored once on arrival and then only measured.
SPLITS = ("dev", "test", "fresh")
SPLIT_FILE = "split.json"


@dataclass(frozen=True)
class GoldProblem:
    """One problem in a gold file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


@cache
def indicator_ids() -> frozenset[str]:
    """The ids of ``resources/indicators.jsonl``: the values a gold ``indicator`` may take."""
    return frozenset(row["id"] for row in read_jsonl("indicators.jsonl"))


def text_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of the UTF-8 text (``doc_sha256``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def gold_ids(gold_dir: Path) -> list[str]:
    """Ids of all gold documents, sorted."""
    return sorted(p.stem for p in gold_dir.glob("*.jsonl"))


def load_split(gold_dir: Path, split: str) -> list[str]:
    """Document ids of a split: ``dev``, ``test`` or ``all``."""
    if split == "all":
        return gold_ids(gold_dir)
    data = json.loads((gold_dir / SPLIT_FILE).read_text(encoding="utf-8"))
    if split not in data:
        raise KeyError(f"{gold_dir / SPLIT_FILE} has no split {split!r}; choose dev, test or all")
    return list(data[split])


def load_document(corpus_dir: Path, doc_id: str) -> Document:
    """The corpus document of a gold file."""
    doc = read_txt(corpus_dir / f"{doc_id}.txt")
    if not isinstance(doc, Document):
        raise FileNotFoundError(str(doc))
    return doc


def load_gold(gold_dir: Path, doc_id: str) -> list[dict]:
    """The gold spans of one document."""
    path = gold_dir / f"{doc_id}.jsonl"
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _check_record(rec: object, text: str, sha: str, where: tuple[str, int]) -> list[GoldProblem]:
    path, line = where
    out: list[GoldProblem] = []

    def bad(msg: str) -> None:
        out.append(GoldProblem(path, line, msg))

    if not isinstance(rec, dict):
        bad("is not a JSON object")
        return out
    for key in ("label", "start", "end", "text"):
        if key not in rec:
            bad(f"missing field {key!r}")
    if out:
        return out
    if rec["label"] not in LABELS:
        bad(f"unknown label {rec['label']!r}; use one of {', '.join(LABELS)}")
    start, end = rec["start"], rec["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        bad(f"offsets {start}-{end} are outside the text (length {len(text)})")
    elif text[start:end] != rec["text"]:
        bad(
            f"text {rec['text']!r} does not match the document at {start}-{end} "
            f"({text[start:end]!r})"
        )
    if rec.get("doc_sha256") != sha:
        bad(
            "doc_sha256 does not match the corpus text: the transcript changed after "
            "labelling; re-label it"
        )
    if rec["label"] == "QUANTITY":
        if not rec.get("unit"):
            bad("QUANTITY has no unit (gold units are never null)")
        if rec.get("qualifier") not in (None, *QUALIFIERS):
            bad(f"qualifier {rec.get('qualifier')!r} is not one of {', '.join(QUALIFIERS)}")
        if rec.get("value") is None and (rec.get("low") is None or rec.get("high") is None):
            bad("QUANTITY needs a value, or both low and high for a range")
        measured = rec.get("measured")
        if measured is not None and not (
            isinstance(measured, list) and all(isinstance(m, str) for m in measured)
        ):
            bad("measured must be a list of head words or null")
        indicator = rec.get("indicator")
        if indicator is not None and indicator not in indicator_ids():
            bad(
                f"indicator {indicator!r} is not an id of resources/indicators.jsonl "
                "(use null when none fits)"
            )
    if rec["label"] in ("QUANTITY", "TIME"):
        for key in ("time_start", "time_end"):
            value = rec.get(key)
            if value is not None and DocDate.parse(value) is None:
                bad(f"{key} {value!r} is not an ISO date")
    return out


def check_span(
    rec: dict, text: str, *, path: str = "<span>", line: int | None = None
) -> list[GoldProblem]:
    """Problems of one gold span against its document: offsets, text, label, fields, hash.

    The checks of :func:`check_gold` for a single record, for tools that write gold
    (``extractor label``) and must not write a line that ``gold check`` would reject.
    """
    return _check_record(rec, text, text_hash(text), (path, line or 0))


def check_gold(gold_dir: Path, corpus_dir: Path) -> list[GoldProblem]:
    """Every problem in the gold set: offsets, texts, labels, fields, overlaps, hashes, split.

    Args:
        gold_dir: the folder of ``<id>.jsonl`` files and ``split.json``.
        corpus_dir: the folder of ``<id>.txt`` documents.

    Returns:
        All problems found (empty when the gold set is valid).
    """
    problems: list[GoldProblem] = []
    ids = gold_ids(gold_dir)
    for doc_id in ids:
        path = gold_dir / f"{doc_id}.jsonl"
        doc = read_txt(corpus_dir / f"{doc_id}.txt")
        if not isinstance(doc, Document):
            problems.append(GoldProblem(str(path), None, f"no readable corpus document ({doc})"))
            continue
        sha = text_hash(doc.text)
        spans: dict[str, list[tuple[int, int, int]]] = {}
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except ValueError as err:
                problems.append(GoldProblem(str(path), number, f"is not valid JSON ({err})"))
                continue
            found = _check_record(rec, doc.text, sha, (str(path), number))
            problems.extend(found)
            if isinstance(rec, dict) and rec.get("doc_id") not in (None, doc_id):
                problems.append(
                    GoldProblem(
                        str(path),
                        number,
                        f"doc_id {rec.get('doc_id')!r} is not the file's id {doc_id!r}",
                    )
                )
            if not found:
                spans.setdefault(rec["label"], []).append((rec["start"], rec["end"], number))
        for label, items in spans.items():
            items.sort()
            for (_, e1, n1), (s2, _, n2) in zip(items, items[1:], strict=False):
                if s2 < e1:
                    problems.append(
                        GoldProblem(str(path), n2, f"{label} span overlaps the one on line {n1}")
                    )
    split_path = gold_dir / SPLIT_FILE
    if split_path.exists():
        data = json.loads(split_path.read_text(encoding="utf-8"))
        splits = {name: set(data.get(name, [])) for name in SPLITS}
        for a, b in ((a, b) for i, a in enumerate(SPLITS) for b in SPLITS[i + 1 :]):
            for doc_id in sorted(splits[a] & splits[b]):
                problems.append(
                    GoldProblem(str(split_path), None, f"{doc_id} is in both {a} and {b}")
                )
        listed = set().union(*splits.values())
        for doc_id in sorted(set(ids) - listed):
            problems.append(
                GoldProblem(str(split_path), None, f"{doc_id} is in no split ({', '.join(SPLITS)})")
            )
        for doc_id in sorted(listed - set(ids)):
            problems.append(GoldProblem(str(split_path), None, f"{doc_id} has no gold file"))
    else:
        problems.append(GoldProblem(str(split_path), None, "missing: list the dev and test ids"))
    return problems
