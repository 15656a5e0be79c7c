"""Which spans to highlight in a running text, where spans of different labels overlap."""

from __future__ import annotations

from ..schema import ENTITY_LABELS

# Where spans overlap, the longer is highlighted, then QUANTITY, TIME, the entity labels.
LABEL_ORDER = ("QUANTITY", "TIME", *ENTITY_LABELS)


def non_overlapping(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """Spans to highlight, none overlapping another (renderers nest none), and those left out.

    Args:
        records: span records of one document.

    Returns:
        ``(chosen, left_out)``: the chosen in text order; every span is in one of them.
    """

    def rank(rec: dict) -> tuple:
        label = LABEL_ORDER.index(rec["label"]) if rec["label"] in LABEL_ORDER else len(LABEL_ORDER)
        return (-(rec["end"] - rec["start"]), label, rec["start"])

    chosen: list[dict] = []
    left_out: list[dict] = []
    for rec in sorted(records, key=rank):
        if any(rec["start"] < c["end"] and c["start"] < rec["end"] for c in chosen):
            left_out.append(rec)
        else:
            chosen.append(rec)
    return sorted(chosen, key=lambda r: (r["start"], r["end"])), left_out
