"""The span schema of ANNOTATION.md §2 and the keys under which the pipeline stores it.

Every component writes its spans to ``doc.spans[KEY]`` and the plain-data record of each
span to ``span._.extractor`` (a dict: no Span objects, so docs serialize). Records become
the JSON lines of ANNOTATION.md with :func:`doc_records`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:  # spaCy is imported where it is used, so reading records needs no spaCy
    from spacy.tokens import Doc, Span

SPANS_QUANTITIES = "extractor_quantities"
SPANS_TIMES = "extractor_times"
SPANS_ENTITIES = "extractor_entities"
SPAN_KEYS = (SPANS_QUANTITIES, SPANS_TIMES, SPANS_ENTITIES)

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "NORP", "EVENT")
LABELS = ("QUANTITY", "TIME", *ENTITY_LABELS)
QUALIFIERS = ("approx", "over", "under", "min", "max")
QUANTITY_FIELDS = (
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "measured",
    "time_start",
    "time_end",
)
TIME_FIELDS = ("time_start", "time_end")


class SpanRecord(TypedDict, total=False):
    """One extracted or gold span (ANNOTATION.md §2); label-specific fields are optional."""

    doc_id: str
    label: str
    start: int
    end: int
    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    unit: str | None
    qualifier: str | None
    measured: Any
    time_start: str | None
    time_end: str | None
    title: str | None


def register_extensions() -> None:
    """Register the Doc and Span extensions once (safe to call many times)."""
    from spacy.tokens import Doc, Span

    if not Span.has_extension("extractor"):
        Span.set_extension("extractor", getter=span_record)
    if not Doc.has_extension("extractor_date"):
        Doc.set_extension("extractor_date", default=None)
    if not Doc.has_extension("extractor_id"):
        Doc.set_extension("extractor_id", default=None)
    if not Doc.has_extension("extractor_records"):
        Doc.set_extension("extractor_records", getter=doc_records)


def _record_key(label: str, start: int, end: int) -> tuple:
    # Keyed by label too: spaCy keys Span extension values by offsets alone, so a
    # QUANTITY and an ORG over the same characters would otherwise share one record.
    return ("extractor", label, start, end)


def span_record(span: Span) -> dict | None:
    """The plain-data record of an extractor span (the ``span._.extractor`` getter)."""
    return span.doc.user_data.get(_record_key(span.label_, span.start_char, span.end_char))


def doc_records(doc: Doc, doc_id: str | None = None) -> list[SpanRecord]:
    """All spans of a processed doc as schema records, in document order.

    Args:
        doc: a doc that went through the extractor components.
        doc_id: the id to stamp on each record (default: ``doc._.extractor_id``).

    Returns:
        Records sorted by start, end and label.
    """
    doc_id = doc_id if doc_id is not None else doc._.extractor_id
    out: list[SpanRecord] = []
    for key in SPAN_KEYS:
        if key not in doc.spans:
            continue
        for span in doc.spans[key]:
            data = span._.extractor
            if not data:
                continue
            out.append(SpanRecord(doc_id=doc_id, **data))  # type: ignore[typeddict-item]
    out.sort(key=lambda r: (r["start"], r["end"], r["label"]))
    return out


def make_record(label: str, text: str, start: int, end: int, **fields: Any) -> dict:
    """A span record without ``doc_id``, fields in schema order."""
    rec: dict[str, Any] = {"label": label, "start": start, "end": end, "text": text[start:end]}
    if label == "QUANTITY":
        for name in QUANTITY_FIELDS:
            rec[name] = fields.pop(name, None)
    elif label == "TIME":
        for name in TIME_FIELDS:
            rec[name] = fields.pop(name, None)
    rec.update(fields)
    return rec


def add_span(doc: Doc, key: str, record: dict) -> Span | None:
    """Store a record as a span under ``doc.spans[key]``; offsets need not align to tokens."""
    span = doc.char_span(
        record["start"], record["end"], label=record["label"], alignment_mode="expand"
    )
    if span is None:
        return None
    doc.user_data[_record_key(span.label_, span.start_char, span.end_char)] = record
    if key not in doc.spans:
        doc.spans[key] = []
    doc.spans[key].append(span)
    return span
