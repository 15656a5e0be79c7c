"""The span schema (docs/schema.md) and the keys under which the pipeline stores spans.

Every component writes its spans to ``doc.spans[KEY]`` and the plain-data record of each
span to ``span._.extractor`` (a dict: no Span objects, so docs serialize). Records become
the JSON lines of ``extractor extract`` with :func:`doc_records`.
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


class SpanRecord(TypedDict, total=False):
    """One extracted or gold span: every field a span record may carry, in output order.

    Every record has ``doc_id``, ``label``, ``start``, ``end`` (character offsets, end
    exclusive) and ``text`` (``text[start:end]`` of the document). The other fields belong
    to some labels only (:data:`FIELD_LABELS`); a record carries each field of its label,
    ``None`` when unknown, and no field of another label. Every writer, CSV header and
    field list derives from this class.
    """

    doc_id: str
    label: str
    start: int
    end: int
    text: str
    value: float | int | None  # QUANTITY: the amount; None for a range
    low: float | int | None  # QUANTITY: a range's low end
    high: float | int | None  # QUANTITY: a range's high end
    unit: str | None  # QUANTITY: ISO 4217 code, SI symbol or counted noun ("job")
    qualifier: str | None  # QUANTITY: one of QUALIFIERS
    measured: Any  # QUANTITY: what the amount measures (the pipeline: a phrase; gold: heads)
    time_start: str | None  # QUANTITY, TIME: ISO date the period starts
    time_end: str | None  # QUANTITY, TIME: ISO date the period ends
    indicator: str | None  # QUANTITY: the taxonomy id of what it measures (indicators.jsonl)
    measured_rule: str | None  # QUANTITY: the fact rule that set measured (pipeline only)
    period_rule: str | None  # QUANTITY: the fact rule that set the period (pipeline only)
    indicator_rule: str | None  # QUANTITY: the source and cue that set indicator (pipeline only)
    place: str | None  # QUANTITY: where the amount applies (pipeline only)
    speaker: str | None  # QUANTITY: who says it (pipeline only)
    speaker_id: str | None  # QUANTITY: the speaker's person_id (pipeline only)
    title: str | None  # PERSON: the office held ("akim")
    person_id: str | None  # PERSON: one id for every mention of the same person (pipeline only)


# Every field, in output order: the columns of span CSV.
SPAN_FIELDS: tuple[str, ...] = tuple(SpanRecord.__annotations__)
# The fields every record has.
CORE_FIELDS = ("doc_id", "label", "start", "end", "text")
# The labels that carry each other field.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("value", "low", "high", "unit", "qualifier", "measured", "indicator"), ("QUANTITY",)
    ),
    **dict.fromkeys(("time_start", "time_end"), ("QUANTITY", "TIME")),
    **dict.fromkeys(
        ("measured_rule", "period_rule", "indicator_rule", "place", "speaker", "speaker_id"),
        ("QUANTITY",),
    ),
    **dict.fromkeys(("title", "person_id"), ("PERSON",)),
}
# Fields the pipeline links beyond what the gold set labels.
LINKED_FIELDS = (
    "measured_rule",
    "period_rule",
    "indicator_rule",
    "place",
    "speaker",
    "speaker_id",
    "person_id",
)


def fields_of(label: str, *, linked: bool = True) -> tuple[str, ...]:
    """The fields of a label beyond :data:`CORE_FIELDS`, in output order.

    Args:
        label: a span label.
        linked: include the fields only the pipeline fills (:data:`LINKED_FIELDS`).
    """
    return tuple(
        name
        for name in SPAN_FIELDS
        if label in FIELD_LABELS.get(name, ()) and (linked or name not in LINKED_FIELDS)
    )


# The fields the gold set labels for a quantity and for a time.
QUANTITY_FIELDS = fields_of("QUANTITY", linked=False)
TIME_FIELDS = fields_of("TIME", linked=False)
# A fact is a QUANTITY record with every field of its label, so saved facts read back as spans.
FACT_FIELDS = CORE_FIELDS + fields_of("QUANTITY")


def fact_row(record: SpanRecord) -> dict[str, Any]:
    """A QUANTITY record as a fact: the :data:`FACT_FIELDS`, in order."""
    return {name: record.get(name) for name in FACT_FIELDS}


def register_extensions() -> None:
    """Register the Doc and Span extensions once (safe to call many times)."""
    from spacy.tokens import Doc, Span

    if not Span.has_extension("extractor"):
        Span.set_extension("extractor", getter=span_record)
    if not Doc.has_extension("extractor_date"):
        Doc.set_extension("extractor_date", default=None)
    if not Doc.has_extension("extractor_id"):
        Doc.set_extension("extractor_id", default=None)
    if not Doc.has_extension("extractor_text"):
        Doc.set_extension("extractor_text", default=None)
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
    source = doc._.extractor_text  # the text as given, when the pipeline read a plain copy
    out: list[SpanRecord] = []
    for key in SPAN_KEYS:
        if key not in doc.spans:
            continue
        for span in doc.spans[key]:
            data = span._.extractor
            if not data:
                continue
            record = SpanRecord(doc_id=doc_id, **data)  # type: ignore[typeddict-item]
            if source is not None:
                record["text"] = source[record["start"] : record["end"]]
            out.append(record)
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
