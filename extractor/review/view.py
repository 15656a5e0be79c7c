"""One document's facts as the review table shows them: filtered, sorted, marked against gold."""

from __future__ import annotations

from dataclasses import dataclass

from ..io.gold import text_hash
from ..io.spans import text_matches
from ..scoring import PRF
from .filters import FactFilter, sort_facts
from .gold_diff import Row, compare


@dataclass(frozen=True)
class DocumentView:
    """The rows of one document's review table.

    Attributes:
        doc_id: the document id.
        text: its text, or None when unknown (rows then show the span text only).
        rows: the facts that passed the filters, in the requested order.
        found: how many facts the document has before the ``--unit/--grep/--min-value``
            filters (after ``--label``).
        prf: strict P/R/F against the gold, when compared.
        note: what the reviewer should know (no gold, stale gold, text not found).
    """

    doc_id: str
    text: str | None
    rows: list[Row]
    found: int
    prf: PRF | None = None
    note: str | None = None


def build_view(
    doc_id: str,
    records: list[dict],
    text: str | None,
    *,
    fact_filter: FactFilter | None = None,
    gold: list[dict] | None = None,
    sort: str = "position",
    reverse: bool = False,
    marks: frozenset[str] = frozenset(),
) -> DocumentView:
    """Filter, compare and sort one document's facts.

    Args:
        doc_id: the document id.
        records: its extracted span records.
        text: its text, when known; ignored (with a note) if the records do not index it.
        fact_filter: which facts to show (default: all).
        gold: its gold spans, to mark each fact; None for no comparison.
        sort: a key of :data:`extractor.review.filters.SORT_KEYS`.
        reverse: descending order.
        marks: show only rows with these marks (after a comparison with gold).

    Returns:
        The document's view. ``--label`` is applied before the comparison (matching is
        within a label, so P/R/F are those of the chosen labels); the other filters
        only choose the rows shown.
    """
    fact_filter = fact_filter or FactFilter()
    notes: list[str] = []
    if text is not None and not text_matches(text, records):
        notes.append(
            "the text found differs from the one extracted: span text shown without its sentence"
        )
        text = None
    records = [r for r in records if fact_filter.accepts_label(r["label"])]
    prf = None
    if gold is not None:
        hashes = {g.get("doc_sha256") for g in gold} - {None}
        if text is not None and hashes and hashes != {text_hash(text)}:
            notes.append("the gold was labelled on another version of this text: not compared")
            gold = None
    if gold is not None:
        gold = [g for g in gold if fact_filter.accepts_label(g["label"])]
        rows, prf = compare(gold, records)
    else:
        rows = [Row(rec) for rec in records]
    found = len(rows)
    rows = [row for row in rows if fact_filter.accepts(row.record, text)]
    if marks and gold is not None:
        rows = [row for row in rows if row.mark in marks]
    rows = sort_facts(rows, sort, reverse=reverse, record=lambda row: row.record)
    return DocumentView(doc_id, text, rows, found, prf, "; ".join(notes) or None)
