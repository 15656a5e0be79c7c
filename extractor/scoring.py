"""Gold against predicted spans: the metrics of docs/scoring.md.

Matching is one-to-one, greedy by largest character overlap, within a document and a
label. Counts are micro-averaged over documents.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .rules.quantex import OE_NOUNS
from .schema import ENTITY_LABELS

REL_TOL = 1e-6
METRICS = ("strict", "overlap", "value", "measured", "period", "indicator", "fact")


@dataclass
class PRF:
    """True positives, predicted and gold counts, with precision, recall and F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def to_dict(self) -> dict:
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold, "p": round(self.precision, 4),
                "r": round(self.recall, 4), "f1": round(self.f1, 4)}  # fmt: skip


@dataclass
class RuleCount:
    """One fact rule on value-matched quantities: how often it set its field (``fires``),
    how many of those the gold can judge (``scored``) and how many it got right."""

    fires: int = 0
    scored: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.scored if self.scored else 0.0

    def to_dict(self) -> dict:
        return {"fires": self.fires, "scored": self.scored, "right": self.right,
                "precision": round(self.precision, 4)}  # fmt: skip


@dataclass
class Scores:
    """All metrics: ``table[row][metric]`` with rows per label, ENTITY and ALL."""

    table: dict[str, dict[str, PRF]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(PRF))
    )
    errors: list[dict] = field(default_factory=list)
    # (field, rule id) -> how the rule that set that field did on value-matched quantities.
    by_rule: dict[tuple[str, str], RuleCount] = field(
        default_factory=lambda: defaultdict(RuleCount)
    )

    def get(self, row: str, metric: str) -> PRF:
        return self.table[row][metric]

    def to_dict(self) -> dict:
        return {
            row: {m: prf.to_dict() for m, prf in metrics.items()}
            for row, metrics in self.table.items()
        }

    def rules_to_dict(self) -> dict:
        """``{"measured": {rule id: counts}, "period": {...}}``, rule ids sorted."""
        out: dict[str, dict] = {"measured": {}, "period": {}}
        for (name, rule), count in sorted(self.by_rule.items()):
            out[name][rule] = count.to_dict()
        return out


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_spans(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping spans, greedy by largest overlap."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0:
                pairs.append((ov, -abs(g["start"] - p["start"]), gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def _close(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=REL_TOL)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def value_ok(gold: dict, pred: dict) -> bool:
    """Value (or low and high) equal within 1e-6 relative, and the same unit."""
    if gold.get("unit") != pred.get("unit"):
        return False
    if gold.get("value") is not None:
        return _close(gold.get("value"), pred.get("value"))
    return _close(gold.get("low"), pred.get("low")) and _close(gold.get("high"), pred.get("high"))


def time_ok(gold: dict, pred: dict) -> bool:
    """Both ends of the period equal."""
    return gold.get("time_start") == pred.get("time_start") and gold.get("time_end") == pred.get(
        "time_end"
    )


def head_word(phrase: str | None) -> str | None:
    """The head of a noun phrase: the word before the first "of", else the last word."""
    if not phrase:
        return None
    words = phrase.lower().split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return fold(words[-1]) if words else None


_IRREGULAR_PLURALS = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def fold(word: str) -> str:
    """Case and plural folded: "Investments" -> "investment", "people" -> "person"."""
    w = word.lower().strip(".,;:\"'()")
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses")):
        return w[:-2]  # "taxes" -> "tax", "branches" -> "branch"
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("oes") and w[:-1] not in OE_NOUNS:
        return w[:-2]  # "potatoes" -> "potato" (not "shoes" -> "sho")
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def measured_ok(gold: dict, pred: dict) -> bool:
    """The predicted head word is one of the gold's acceptable heads."""
    accepted = gold.get("measured")
    if isinstance(accepted, str):
        accepted = [accepted]
    head = head_word(pred.get("measured"))
    return head is not None and head in {fold(a) for a in accepted or []}


def indicator_ok(gold: dict, pred: dict) -> bool:
    """The same taxonomy id, or both null."""
    return gold.get("indicator") == pred.get("indicator")


def score_document(gold: list[dict], pred: list[dict], scores: Scores, *, text: str = "") -> None:
    """Add one document's counts to ``scores`` (and its errors to ``scores.errors``)."""
    labels = {r["label"] for r in gold} | {r["label"] for r in pred}
    for label in sorted(labels):
        g = [r for r in gold if r["label"] == label]
        p = [r for r in pred if r["label"] == label]
        rows = [label, "ALL"] + (["ENTITY"] if label in ENTITY_LABELS else [])
        pairs = match_spans(g, p)
        strict = sum(1 for a, b in pairs if a["start"] == b["start"] and a["end"] == b["end"])
        for row in rows:
            t = scores.table[row]
            t["strict"].add(PRF(strict, len(p), len(g)))
            t["overlap"].add(PRF(len(pairs), len(p), len(g)))
        matched_g = {id(a) for a, _ in pairs}
        matched_p = {id(b) for _, b in pairs}
        for r in g:
            if id(r) not in matched_g:
                scores.errors.append({"kind": "missed", "gold": r, "pred": None})
        for r in p:
            if id(r) not in matched_p:
                scores.errors.append({"kind": "spurious", "gold": None, "pred": r})
        for a, b in pairs:
            if a["start"] != b["start"] or a["end"] != b["end"]:
                scores.errors.append({"kind": "boundary", "gold": a, "pred": b})
        if label == "QUANTITY":
            _score_quantities(g, p, pairs, scores)
        elif label == "TIME":
            ok = [(a, b) for a, b in pairs if time_ok(a, b)]
            scores.table["TIME"]["value"].add(PRF(len(ok), len(p), len(g)))
            for a, b in pairs:
                if not time_ok(a, b):
                    scores.errors.append({"kind": "wrong date", "gold": a, "pred": b})


def _score_quantities(
    g: list[dict], p: list[dict], pairs: list[tuple[dict, dict]], scores: Scores
) -> None:
    t = scores.table["QUANTITY"]
    valued = [(a, b) for a, b in pairs if value_ok(a, b)]
    t["value"].add(PRF(len(valued), len(p), len(g)))
    with_measured = [(a, b) for a, b in valued if a.get("measured")]
    good_measured = [(a, b) for a, b in with_measured if measured_ok(a, b)]
    # measured accuracy: over value-matched quantities whose gold gives measured.
    t["measured"].add(PRF(len(good_measured), len(with_measured), len(with_measured)))
    # period accuracy: over value-matched quantities whose gold gives a period.
    with_period = [(a, b) for a, b in valued if a.get("time_start") or a.get("time_end")]
    good_period = [(a, b) for a, b in with_period if time_ok(a, b)]
    t["period"].add(PRF(len(good_period), len(with_period), len(with_period)))
    # indicator accuracy: over matched quantities whose gold has the key (null is an answer).
    with_indicator = [(a, b) for a, b in pairs if "indicator" in a]
    good_indicator = sum(1 for a, b in with_indicator if indicator_ok(a, b))
    t["indicator"].add(PRF(good_indicator, len(with_indicator), len(with_indicator)))
    for a, b in with_indicator:
        if not indicator_ok(a, b):
            scores.errors.append({"kind": "wrong indicator", "gold": a, "pred": b})
    for a, b in valued:
        for name, judged, ok in (
            ("measured", bool(a.get("measured")), measured_ok),
            ("period", bool(a.get("time_start") or a.get("time_end")), time_ok),
        ):
            count = scores.by_rule[(name, b.get(f"{name}_rule") or "(none)")]
            count.fires += 1
            if judged:
                count.scored += 1
                count.right += int(ok(a, b))
    facts = 0
    for a, b in valued:
        if a.get("measured") and not measured_ok(a, b):
            continue
        if (a.get("time_start") or a.get("time_end")) and not time_ok(a, b):
            continue
        facts += 1
    t["fact"].add(PRF(facts, len(p), len(g)))
    for a, b in pairs:
        if not value_ok(a, b):
            scores.errors.append({"kind": "wrong value", "gold": a, "pred": b})


def score(docs: Iterable[tuple[list[dict], list[dict]]]) -> Scores:
    """Score many ``(gold, pred)`` documents, micro-averaged."""
    scores = Scores()
    for gold, pred in docs:
        score_document(gold, pred, scores)
    return scores
