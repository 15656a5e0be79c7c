"""Extracted facts beside the gold: each marked correct, missed, spurious, wrong value or date.

Matching is :func:`extractor.scoring.match_spans` (one-to-one, greedy by overlap, within a
label), so the marks agree with ``extractor evaluate``: a document's strict P/R/F here is
its share of the ``ALL`` row there.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..scoring import PRF, match_spans, time_ok, value_ok

CORRECT, MISSED, SPURIOUS = "correct", "missed", "spurious"
WRONG_VALUE, WRONG_DATE, BOUNDARY = "wrong value", "wrong date", "boundary"
MARKS = (CORRECT, WRONG_VALUE, WRONG_DATE, BOUNDARY, SPURIOUS, MISSED)


@dataclass(frozen=True)
class Row:
    """One line of the review table.

    Attributes:
        record: the fact shown: the prediction, or the gold span when it was missed.
        mark: one of :data:`MARKS`, or None when there is no gold to compare with.
        gold: the gold span matched to the prediction (None for missed and spurious).
    """

    record: dict
    mark: str | None = None
    gold: dict | None = None


def mark_pair(gold: dict, pred: dict) -> str:
    """The mark of a matched pair: what is wrong first (value, then date, then bounds).

    A quantity's date counts only where the gold gives one, as in the fact metric of
    docs/scoring.md; a time expression's dates always count.
    """
    if gold["label"] == "QUANTITY":
        if not value_ok(gold, pred):
            return WRONG_VALUE
        if (gold.get("time_start") or gold.get("time_end")) and not time_ok(gold, pred):
            return WRONG_DATE
    elif gold["label"] == "TIME" and not time_ok(gold, pred):
        return WRONG_DATE
    if gold["start"] != pred["start"] or gold["end"] != pred["end"]:
        return BOUNDARY
    return CORRECT


def compare(gold: list[dict], pred: list[dict]) -> tuple[list[Row], PRF]:
    """Mark every predicted and gold span of one document.

    Args:
        gold: the document's gold spans.
        pred: its extracted spans.

    Returns:
        Rows in text order (missed gold spans among the predictions), and the strict
        P/R/F (same start, end and label) of the document.
    """
    rows: list[Row] = []
    strict = PRF(pred=len(pred), gold=len(gold))
    for label in sorted({r["label"] for r in gold} | {r["label"] for r in pred}):
        g = [r for r in gold if r["label"] == label]
        p = [r for r in pred if r["label"] == label]
        pairs = match_spans(g, p)
        matched = {id(b): a for a, b in pairs}
        matched_gold = {id(a) for a, _ in pairs}
        for rec in p:
            partner = matched.get(id(rec))
            if partner is None:
                rows.append(Row(rec, SPURIOUS))
            else:
                rows.append(Row(rec, mark_pair(partner, rec), partner))
                strict.tp += partner["start"] == rec["start"] and partner["end"] == rec["end"]
        rows.extend(Row(rec, MISSED) for rec in g if id(rec) not in matched_gold)
    rows.sort(
        key=lambda row: (
            row.record["start"],
            row.record["end"],
            row.record["label"],
            row.mark == MISSED,
        )
    )
    return rows, strict
