"""The span schema: one field list, and what the pipeline writes keeps to it."""

from __future__ import annotations

import pytest

from extractor.schema import (
    CORE_FIELDS,
    FACT_FIELDS,
    FIELD_LABELS,
    LABELS,
    QUANTITY_FIELDS,
    SPAN_FIELDS,
    TIME_FIELDS,
    SpanRecord,
    fact_row,
    fields_of,
)


@pytest.mark.parametrize(
    "label,linked,expected",
    [
        ("QUANTITY", True, ("value", "low", "high", "unit", "qualifier", "measured",
                            "time_start", "time_end", "indicator", "measured_rule",
                            "period_rule", "indicator_rule", "place", "speaker", "speaker_id")),
        ("QUANTITY", False, ("value", "low", "high", "unit", "qualifier", "measured",
                             "time_start", "time_end", "indicator")),
        ("TIME", True, ("time_start", "time_end")),
        ("PERSON", True, ("title", "person_id")),
        ("PERSON", False, ("title",)),
        ("ORG", True, ()),
    ],
)  # fmt: skip
def test_fields_of(label, linked, expected):
    assert fields_of(label, linked=linked) == expected


def test_every_field_list_comes_from_the_record_type():
    assert SPAN_FIELDS == tuple(SpanRecord.__annotations__)
    assert set(FIELD_LABELS) == set(SPAN_FIELDS) - set(CORE_FIELDS)
    assert all(set(labels) <= set(LABELS) for labels in FIELD_LABELS.values())
    assert QUANTITY_FIELDS == fields_of("QUANTITY", linked=False)
    assert TIME_FIELDS == fields_of("TIME", linked=False)
    assert FACT_FIELDS == CORE_FIELDS + fields_of("QUANTITY")


def test_a_fact_row_has_every_fact_field_in_order():
    row = fact_row({"doc_id": "a", "label": "QUANTITY", "start": 0, "end": 1, "text": "5",
                    "value": 5, "place": "Osh"})  # fmt: skip
    assert tuple(row) == FACT_FIELDS
    assert row["place"] == "Osh" and row["speaker"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Akim Marat Abenov said the region built 12 schools in 2019 in Almaty.",
        "In the first nine months of 2023, GDP of Turkistan region grew by 4.5%.",
        "The Ministry of Finance allocated about 600 billion tenge to Kazakhstan's roads.",
    ],
)
def test_the_pipeline_writes_only_schema_fields_and_every_field_of_a_label(extract, text):
    records = extract(text, "2024-01-15")
    assert records
    for rec in records:
        assert tuple(rec)[: len(CORE_FIELDS)] == CORE_FIELDS
        extra = set(rec) - set(CORE_FIELDS)
        assert extra <= set(fields_of(rec["label"])), rec
        if rec["label"] in ("QUANTITY", "TIME"):
            assert extra == set(fields_of(rec["label"])), rec
