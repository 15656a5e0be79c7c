"""Parquet output: the schema from the span schema, typed nulls, parts written whole, resume."""

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extractor.io.parquet import (
    MANIFEST,
    PartitionedOutput,
    arrow_schema,
    read_records,
    record_table,
)
from extractor.io.writers import OutputError
from extractor.schema import FACT_FIELDS, SPAN_FIELDS

QUANTITY = {
    "doc_id": "d1",
    "label": "QUANTITY",
    "start": 3,
    "end": 12,
    "text": "5 schools",
    "value": 5,
    "low": None,
    "high": None,
    "unit": "school",
    "qualifier": None,
    "measured": "school",
    "time_start": "2020-01-01",
    "time_end": "2020-12-31",
    "indicator": "schools",
    "measured_rule": "measured.counted_noun",
    "period_rule": None,
    "indicator_rule": "schools: unit school",
    "place": "Almaty",
    "speaker": None,
    "speaker_id": None,
}
TIME = {
    "doc_id": "d1",
    "label": "TIME",
    "start": 20,
    "end": 24,
    "text": "2020",
    "time_start": "2020-01-01",
    "time_end": "2020-12-31",
}
PERSON = {
    "doc_id": "d2",
    "label": "PERSON",
    "start": 0,
    "end": 5,
    "text": "Aidos",
    "title": "akim",
    "person_id": "aidos",
}
SETTINGS = {"format": "parquet", "facts": False, "partition_size": 2}


def test_the_columns_are_the_span_schema_in_order():
    assert arrow_schema().names == list(SPAN_FIELDS)
    assert arrow_schema(facts=True).names == list(FACT_FIELDS)


@pytest.mark.parametrize(
    "field,arrow_type,nullable",
    [
        ("doc_id", pa.string(), False),  # every record has it
        ("start", pa.int64(), False),  # an offset: int alone
        ("value", pa.float64(), True),  # float | int: 5 and 2.5 alike
        ("low", pa.float64(), True),
        ("unit", pa.string(), True),
        ("measured", pa.string(), True),  # Any: a phrase
        ("person_id", pa.string(), True),
    ],
)
def test_column_types_come_from_the_record_annotations(field, arrow_type, nullable):
    column = arrow_schema().field(field)
    assert (column.type, column.nullable) == (arrow_type, nullable)


def test_a_column_no_record_fills_is_typed_nulls():
    table = record_table([TIME])
    assert table.schema.field("value").type == pa.float64()
    assert table.column("value").null_count == 1


def test_a_field_outside_the_schema_is_refused_not_dropped():
    with pytest.raises(ValueError, match="colour"):
        record_table([{**TIME, "colour": "red"}])


def test_a_list_of_measured_heads_is_joined_as_in_csv():
    table = record_table([{**QUANTITY, "measured": ["school", "building"]}])
    assert table.column("measured").to_pylist() == ["school|building"]


def test_parts_read_back_as_the_records_through_duckdb_and_pyarrow(tmp_path):
    out = PartitionedOutput(tmp_path / "out", SETTINGS).open()
    out.write(0, "h0", [QUANTITY, TIME], [("d1", "a.txt")])
    out.write(1, "h1", [], [("d3", "c.txt")])  # a document without spans: an empty part
    out.write(2, "h2", [PERSON], [("d2", "b.txt")])
    assert read_records(tmp_path / "out") == [QUANTITY, TIME, PERSON]
    rows = duckdb.sql(
        f"select doc_id, label, value, title from read_parquet('{tmp_path}/out/*.parquet') "
        "order by doc_id, start"
    ).fetchall()
    assert rows == [
        ("d1", "QUANTITY", 5.0, None),
        ("d1", "TIME", None, None),
        ("d2", "PERSON", None, "akim"),
    ]
    assert pq.read_table(tmp_path / "out").num_rows == 3  # the folder as one table


def test_facts_write_one_row_per_quantity(tmp_path):
    out = PartitionedOutput(tmp_path, {**SETTINGS, "facts": True}).open()
    out.write(0, "h0", [QUANTITY, TIME, PERSON], [("d1", "a.txt"), ("d2", "b.txt")])
    table = pq.read_table(tmp_path / "part-00000.parquet")
    assert table.schema.names == list(FACT_FIELDS)
    assert table.column("label").to_pylist() == ["QUANTITY"]


def _manifest(folder):
    return json.loads((folder / MANIFEST).read_text())


def test_resume_keeps_the_parts_with_the_same_input_and_only_those(tmp_path):
    out = PartitionedOutput(tmp_path, SETTINGS).open()
    out.write(0, "h0", [QUANTITY], [("d1", "a.txt")])
    out.write(1, "h1", [PERSON], [("d2", "b.txt")], failed=1, retry=True)  # a timeout in it
    out.write(2, "h2", [TIME], [("d1", "a.txt")])
    again = PartitionedOutput(tmp_path, SETTINGS, resume=True).open()
    assert again.kept(0, "h0") is not None
    assert again.kept(1, "h1") is None  # its timed-out document is tried again
    assert again.kept(2, "other") is None  # the input changed
    assert again.documents(again.kept(0, "h0")) == [("d1", "a.txt")]
    again.finish(2)  # the input has two partitions now
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        MANIFEST,
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert [p["index"] for p in _manifest(tmp_path)["parts"]] == [0, 1]


def test_a_fresh_run_starts_over_and_a_killed_runs_temporary_files_go(tmp_path):
    out = PartitionedOutput(tmp_path, SETTINGS).open()
    out.write(0, "h0", [QUANTITY], [("d1", "a.txt")])
    (tmp_path / ".part-00001.parquet.999.tmp").write_bytes(b"half a file")
    PartitionedOutput(tmp_path, SETTINGS).open()
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST]
    assert _manifest(tmp_path)["parts"] == []


@pytest.mark.parametrize(
    "setup,says",
    [
        (lambda d: (d / "notes.txt").write_text("mine"), "not an extractor output"),
        (lambda d: (d / "part-00000.parquet").write_bytes(b"x"), "parts without a manifest"),
    ],
)
def test_a_folder_with_other_files_is_refused(tmp_path, setup, says):
    setup(tmp_path)
    with pytest.raises(OutputError, match=says):
        PartitionedOutput(tmp_path, SETTINGS).open()


def test_resume_with_other_settings_is_refused(tmp_path):
    PartitionedOutput(tmp_path, SETTINGS).open()
    with pytest.raises(OutputError, match="other settings"):
        PartitionedOutput(tmp_path, {**SETTINGS, "facts": True}, resume=True).open()
