"""A labelling session: the extractor's proposals, a person's decisions, and the gold they make.

The gold file (``gold/<id>.jsonl``, the format of ``gold/GUIDELINES.md`` with
``"reviewed": true``) holds every confirmed span and is rewritten after each decision.
A small state file beside it (``gold/.<id>.label.json``) keeps the proposals and which
were accepted, fixed or rejected, so a session resumes where it stopped, without the
model. The gold file is the truth: a decision whose span is not in it any more is open
again. Both files are replaced atomically, gold first: stopping at any moment (even
``kill -9``) loses no confirmed span.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io.gold import GoldProblem, check_span, text_hash
from ..schema import ENTITY_LABELS, QUANTITY_FIELDS, TIME_FIELDS
from ..scoring import head_word

STATE_VERSION = 1
ACCEPTED, FIXED, REJECTED = "accepted", "fixed", "rejected"
Key = tuple[str, int, int]


class SessionError(Exception):
    """A session that cannot start or resume; the message says what to do."""


def key_of(rec: dict) -> Key:
    """A span's identity in a gold file: label, start, end."""
    return rec["label"], rec["start"], rec["end"]


def to_gold(rec: dict, doc_id: str, text: str) -> dict:
    """A span record in the gold format, fields in schema order, marked reviewed.

    The extractor's ``measured`` phrase becomes its head word ("manufacturing industry
    products" -> ``["product"]``); gold gives a list of acceptable head words. ``indicator``
    is written only when the record has the key (a gold file may leave it out).
    """
    start, end, label = rec["start"], rec["end"], rec["label"]
    out: dict[str, Any] = {"doc_id": doc_id, "label": label, "start": start, "end": end}
    out["text"] = text[start:end]
    if label == "QUANTITY":
        for name in QUANTITY_FIELDS:
            # the indicator is optional in gold: kept only where the record judges it
            if name != "indicator" or name in rec:
                out[name] = rec.get(name)
        measured = out["measured"]
        if isinstance(measured, str):
            head = head_word(measured)
            out["measured"] = [head] if head else None
        elif not measured:
            out["measured"] = None
    elif label == "TIME":
        for name in TIME_FIELDS:
            out[name] = rec.get(name)
    elif label == "PERSON" and rec.get("title"):
        out["title"] = rec["title"]
    out["doc_sha256"] = text_hash(text)
    out["reviewed"] = True
    return out


def _file_mode() -> int:
    # mkstemp creates files readable by their owner only; gold is shared like any file.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomically(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def gold_path(gold_dir: Path, doc_id: str) -> Path:
    """Where a document's gold goes: ``<gold_dir>/<id>.jsonl``."""
    return gold_dir / f"{doc_id}.jsonl"


def state_path(gold_dir: Path, doc_id: str) -> Path:
    """Where a document's session state goes: ``<gold_dir>/.<id>.label.json``."""
    return gold_dir / f".{doc_id}.label.json"


def held_out_ids(gold_dir: Path) -> set[str]:
    """Ids of the test split, which is labelled by hand only (an independent check)."""
    path = gold_dir / "split.json"
    if not path.is_file():
        return set()
    try:
        return set(json.loads(path.read_text(encoding="utf-8")).get("test", []))
    except (OSError, ValueError, AttributeError):
        return set()


@dataclass
class LabelSession:
    """One document's labelling: proposals, decisions and the confirmed gold spans.

    Attributes:
        doc_id: the document id (the gold file's stem).
        text: the document text the offsets index.
        gold_dir: the gold folder.
        proposals: the extractor's spans, fixed when the session started.
        decisions: per proposal, ``accepted``, ``fixed``, ``rejected`` or None (open).
        results: per proposal, the key of the gold span a decision made (or None).
        gold: confirmed spans by key, in the gold format.
        date: the document date (for resolving time expressions of added spans).
    """

    doc_id: str
    text: str
    gold_dir: Path
    proposals: list[dict]
    decisions: list[str | None]
    results: list[Key | None]
    gold: dict[Key, dict] = field(default_factory=dict)
    date: str | None = None

    @classmethod
    def open(
        cls,
        gold_dir: Path,
        doc_id: str,
        text: str,
        propose: Callable[[], list[dict]],
        *,
        date: str | None = None,
        restart: bool = False,
    ) -> LabelSession:
        """Resume this document's session, or start one with the extractor's proposals.

        Args:
            gold_dir: the gold folder (created if missing).
            doc_id: the document id.
            text: the document text.
            propose: returns the extractor's spans; called only for a new session.
            date: the document date.
            restart: drop an earlier session of this document (and its gold) first.

        Raises:
            SessionError: the document is in the test split; its gold exists but was not
                made by a session; or the text changed since the session started.
        """
        if Path(doc_id).name != doc_id or doc_id.startswith("."):
            raise SessionError(
                f"document id {doc_id!r} cannot name a gold file; give the file a plain name"
            )
        if doc_id in held_out_ids(gold_dir):
            raise SessionError(
                f"{doc_id} is in the test split of {gold_dir / 'split.json'}: the test split is "
                "labelled by hand, without the extractor, so it stays an independent check"
            )
        gpath, spath = gold_path(gold_dir, doc_id), state_path(gold_dir, doc_id)
        if restart:
            spath.unlink(missing_ok=True)
            if gpath.exists() and _all_reviewed(gpath):
                gpath.unlink()
        sha = text_hash(text)
        if spath.exists():
            state = json.loads(spath.read_text(encoding="utf-8"))
            if state.get("doc_sha256") != sha:
                raise SessionError(
                    f"{doc_id}: the text changed since labelling started ({spath}); "
                    "use --restart to label it afresh"
                )
            session = cls(
                doc_id,
                text,
                gold_dir,
                state["proposals"],
                state["decisions"],
                [tuple(k) if k else None for k in state["results"]],
                date=date,
            )
            session.gold = {key_of(r): r for r in _read_gold(gpath)}
            session._reopen_lost_decisions()
            return session
        if gpath.exists():
            raise SessionError(
                f"{gpath} exists and was not made by `extractor label` (hand-labelled gold is "
                "never overwritten); move it away, or label into another --gold folder"
            )
        proposals = sorted(
            (dict(p) for p in propose()), key=lambda r: (r["start"], r["end"], r["label"])
        )
        session = cls(
            doc_id,
            text,
            gold_dir,
            proposals,
            [None] * len(proposals),
            [None] * len(proposals),
            date=date,
        )
        session.save()
        return session

    # --- where we are -------------------------------------------------------------------

    def next_open(self, after: int = -1) -> int | None:
        """The first undecided proposal after ``after`` (wrapping round), or None."""
        n = len(self.proposals)
        for step in range(1, n + 1):
            i = (after + step) % n
            if self.decisions[i] is None:
                return i
        return None

    def counts(self) -> dict[str, int]:
        """How many proposals were accepted, fixed, rejected or are open, and spans added."""
        made = {k for k in self.results if k}
        return {
            ACCEPTED: self.decisions.count(ACCEPTED),
            FIXED: self.decisions.count(FIXED),
            REJECTED: self.decisions.count(REJECTED),
            "open": self.decisions.count(None),
            "added": sum(1 for k in self.gold if k not in made),
        }

    # --- decisions (each one saved at once) ---------------------------------------------

    def problems(self, rec: dict) -> list[GoldProblem]:
        """What ``gold check`` would say about this span."""
        return check_span(
            to_gold(rec, self.doc_id, self.text),
            self.text,
            path=str(gold_path(self.gold_dir, self.doc_id)),
        )

    def overlapping(self, rec: dict, *, ignore: Key | None = None) -> list[dict]:
        """Confirmed spans of the same label that overlap ``rec`` (gold allows no overlap)."""
        return [
            g
            for k, g in self.gold.items()
            if k != ignore
            and g["label"] == rec["label"]
            and g["start"] < rec["end"]
            and rec["start"] < g["end"]
        ]

    def accept(self, i: int, fixed: dict | None = None) -> dict:
        """Confirm proposal ``i`` as proposed, or as ``fixed``; overlapping spans give way.

        Returns:
            The gold span written.
        """
        rec = to_gold(fixed if fixed is not None else self.proposals[i], self.doc_id, self.text)
        old = self.results[i]
        if old is not None:
            self.gold.pop(old, None)
        for g in self.overlapping(rec):
            self.gold.pop(key_of(g))
        self.gold[key_of(rec)] = rec
        self.decisions[i] = FIXED if fixed is not None else ACCEPTED
        self.results[i] = key_of(rec)
        self.save()
        return rec

    def reject(self, i: int) -> None:
        """Reject proposal ``i`` (and drop the span an earlier decision on it made)."""
        old = self.results[i]
        if old is not None:
            self.gold.pop(old, None)
        self.decisions[i] = REJECTED
        self.results[i] = None
        self.save()

    def reopen(self, i: int) -> None:
        """Undo the decision on proposal ``i``."""
        old = self.results[i]
        if old is not None:
            self.gold.pop(old, None)
        self.decisions[i] = None
        self.results[i] = None
        self.save()

    def add(self, rec: dict) -> dict:
        """Confirm a span the extractor missed; overlapping spans of its label give way."""
        gold = to_gold(rec, self.doc_id, self.text)
        for g in self.overlapping(gold):
            self.gold.pop(key_of(g))
        self.gold[key_of(gold)] = gold
        self.save()
        return gold

    # --- files ----------------------------------------------------------------------------

    def save(self) -> None:
        """Write the gold file, then the state file, each atomically."""
        self.gold_dir.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(r, ensure_ascii=False) for r in sorted(self.gold.values(), key=_order)]
        _write_atomically(
            gold_path(self.gold_dir, self.doc_id), "".join(line + "\n" for line in lines)
        )
        state = {
            "version": STATE_VERSION,
            "doc_id": self.doc_id,
            "doc_sha256": text_hash(self.text),
            "proposals": self.proposals,
            "decisions": self.decisions,
            "results": [list(k) if k else None for k in self.results],
        }
        _write_atomically(
            state_path(self.gold_dir, self.doc_id), json.dumps(state, ensure_ascii=False, indent=1)
        )

    def _reopen_lost_decisions(self) -> None:
        # The gold file is the truth: a span deleted from it (by hand, or by a stop
        # between the two writes) reopens its proposal.
        for i, key in enumerate(self.results):
            if self.decisions[i] in (ACCEPTED, FIXED) and key not in self.gold:
                self.decisions[i] = None
                self.results[i] = None


def _order(rec: dict) -> tuple:
    labels = ("QUANTITY", "TIME", *ENTITY_LABELS)
    return rec["start"], rec["end"], labels.index(rec["label"]) if rec["label"] in labels else 99


def _read_gold(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _all_reviewed(path: Path) -> bool:
    try:
        return all(r.get("reviewed") is True for r in _read_gold(path))
    except ValueError:
        return False
