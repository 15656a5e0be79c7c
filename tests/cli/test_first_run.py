"""What a new user meets first: outputs in new folders, resuming a finished run, running
outside the repository, unknown labels, text that is not English, documents without a date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
ENGLISH = "In 2020 the akimat built 12 schools and spent 5 billion tenge on roads this year."
RUSSIAN = "В 2020 году акимат построил 12 школ и потратил 4,2 триллиона тенге на дороги."


def extract(*args) -> object:
    return runner.invoke(app, ["extract", *map(str, args), "--n-process", "1"])


@pytest.fixture
def folder(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (docs / "b.txt").write_text(ENGLISH.replace("12", "14"), encoding="utf-8")
    return docs


def test_output_in_a_folder_that_does_not_exist_yet(folder, tmp_path):
    out = tmp_path / "out" / "run 1" / "spans.jsonl"
    result = extract(folder, "-o", out, "--errors", tmp_path / "logs" / "bad.jsonl")
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["doc_id"] for line in out.read_text().splitlines()} == {"a", "b"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resuming_a_finished_run_does_nothing_and_exits_0(folder, tmp_path, fmt):
    out = tmp_path / f"spans.{fmt}"
    assert extract(folder, "-o", out, "-f", fmt).exit_code == 0
    before = out.read_bytes()
    again = extract(folder, "-o", out, "-f", fmt, "--resume")
    assert again.exit_code == 0, again.output
    assert again.stderr.splitlines()[-1].startswith(
        "2 documents (2 already in the output), 0 spans"
    )
    assert out.read_bytes() == before


@pytest.mark.parametrize("command", [["evaluate"], ["gold", "check"]])
def test_outside_the_repository_a_clean_message(tmp_path, command):
    result = subprocess.run(
        [sys.executable, "-m", "extractor", *command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) <= 2, result.stderr
    assert "no gold set in" in result.stderr and "--gold" in result.stderr


def test_evaluate_names_a_missing_split_file(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.jsonl").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{gold / 'split.json'}: not found" in result.stderr


@pytest.mark.parametrize("command", ["review", "show"])
@pytest.mark.parametrize("label,ok", [("FOO", False), ("quantity", True), ("ENTITY", True),
                                      ("QUANTITIES", False)])  # fmt: skip
def test_unknown_labels_are_usage_errors(tmp_path, command, label, ok):
    spans = tmp_path / "spans.jsonl"
    rec = {"doc_id": "a", "label": "QUANTITY", "start": 0, "end": 1, "text": "5", "value": 5}
    spans.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    result = runner.invoke(app, [command, str(spans), "--label", label, "--no-pager"])
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 2  # a usage error (1 from the extractor command)
        assert f"'{label}': not a label" in result.output


def test_text_that_is_not_english_is_named_in_a_warning(folder):
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    result = extract(folder, "-f", "jsonl", "--date", "2021")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "not look like English" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ru ")


@pytest.mark.parametrize(
    "args,notes",
    [
        ([], ["note: 2 documents have no date"]),
        (["--date", "2021"], []),
    ],
)
def test_documents_without_a_date_are_noted_once_per_run(folder, args, notes):
    result = extract(folder, "-f", "jsonl", *args)
    assert result.exit_code == 0
    got = [line for line in result.stderr.splitlines() if "no date" in line]
    assert [line[: len(n)] for line, n in zip(got, notes, strict=False)] == notes
    assert len(got) == len(notes)


def test_facts_notes_an_undated_document_too(folder):
    result = runner.invoke(app, ["facts", str(folder / "a.txt"), "--jsonl"])
    assert result.exit_code == 0
    assert "note: 1 document has no date" in result.stderr


def test_a_terminal_is_told_that_the_model_loads_before_the_progress_bar(folder, monkeypatch):
    import io

    from rich.console import Console

    from extractor.cli import _util

    terminal = io.StringIO()
    console = Console(file=terminal, force_terminal=True, width=100, color_system=None)
    monkeypatch.setattr(_util, "err_console", console)
    result = extract(folder, "-o", folder.parent / "out.jsonl")
    assert result.exit_code == 0, result.output
    shown = terminal.getvalue()
    assert _util.LOADING in shown and "extracting" in shown
    assert shown.index(_util.LOADING) < shown.index("extracting")


def test_elsewhere_nothing_is_said_about_loading(folder):
    result = extract(folder, "-o", folder.parent / "out.jsonl")
    assert "loading" not in result.stderr


@pytest.mark.parametrize("command", ["review", "show"])
def test_review_and_show_of_a_transcript_warn_the_same_way(tmp_path, command):
    doc = tmp_path / "ru.txt"
    doc.write_text(RUSSIAN, encoding="utf-8")
    result = runner.invoke(app, [command, str(doc), "--no-pager"])
    assert result.exit_code == 0, result.output
    assert "warning: ru does not look like English" in result.stderr
    assert "note: 1 document has no date" in result.stderr


REPORT = (
    "In 2024, the gross regional product of the region amounted to 5.2 trillion tenge. "
    "The volume of industrial output reached 2.1 trillion tenge in 2024. In 2024, 40 billion "
    "tenge was spent on the purchase of agricultural machinery.\n"
    "In 2024, 12,500 new jobs were created, including 3,870 permanent ones.\n"
    "The average monthly salary in the region reached 350,000 tenge in 2024."
)


def test_review_totals_of_a_report_add_only_like_to_like(tmp_path, monkeypatch):
    import io

    from rich.console import Console

    from extractor.cli import _util

    out = Console(file=io.StringIO(), width=120, color_system=None)
    monkeypatch.setattr(_util, "console", out)
    doc = tmp_path / "report.txt"
    doc.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["review", str(doc), "--date", "2025-02-01", "--no-pager"])
    assert result.exit_code == 0, result.output
    shown = out.file.getvalue()
    totals = shown[shown.index("totals where adding up makes sense") :]
    totals = " ".join(totals.replace("│", " ").split())
    # three measures, three rows: never one 7.34 trn "KZT 2024" sum
    for row in ("output 2024 1 2.1 trn KZT", "product 2024 1 5.2 trn KZT",
                "purchase 2024 1 40 bn KZT", "job 2024 1 12,500 job"):  # fmt: skip
        assert row in totals, totals
    assert "7.3" not in totals and "16,370" not in totals and "350,000" not in totals
    assert "left out: 1 average or per-head figure, 1 part of a figure before it" in totals
