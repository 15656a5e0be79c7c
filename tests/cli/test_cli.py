"""The real command line, through typer's CliRunner and a subprocess."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_f3a91f304c34d6af.txt"
runner = CliRunner()


def test_extract_jsonl_follows_the_schema(tmp_path):
    out = tmp_path / "spans.jsonl"
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    text = SEED.read_text(encoding="utf-8")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for rec in records:
        assert rec["doc_id"] == "000_f3a91f304c34d6af"
        assert text[rec["start"] : rec["end"]] == rec["text"]
    q = next(r for r in records if r["text"] == "600 billion tenge")
    assert (q["value"], q["unit"], q["time_start"], q["time_end"]) == (600e9, "KZT", "2015", "2019")


def test_extract_jsonl_input_and_bad_lines(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "In 2020, 10 schools were built.", "date": "2020", "source": "x"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--errors", str(errors), "-f", "jsonl"])
    assert result.exit_code == 2
    bad = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(b["line"], b["id"]) for b in bad] == [(2, None), (3, "b")]
    assert '"10 schools"' in result.stdout


def test_extract_table_escapes_markup(tmp_path):
    doc = tmp_path / "markup.txt"
    doc.write_text("[bold]Akimat[/bold] spent 5 billion tenge in 2020.", encoding="utf-8")
    out = tmp_path / "table.txt"
    result = runner.invoke(app, ["extract", str(doc), "--format", "table", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rendered = out.read_text(encoding="utf-8")
    assert "[bold]Akimat[/bold]" in rendered
    assert "5 bn KZT" in rendered


def test_extract_bad_date_is_a_usage_error():
    result = runner.invoke(app, ["extract", str(SEED), "--date", "March"])
    # click's usage error (2) under CliRunner; the extractor command exits 1 (test_extract_batch)
    assert result.exit_code == 2
    assert "'March' is not an ISO date" in result.output


def test_gold_check_passes_on_the_repository():
    result = runner.invoke(
        app, ["gold", "check", "--gold", str(ROOT / "gold"), "--corpus", str(ROOT / "corpus")]
    )
    assert result.exit_code == 0, result.output


def test_gold_check_reports_every_problem_with_file_and_line(tmp_path):
    gold = tmp_path / "gold"
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "gold", gold)
    shutil.copytree(ROOT / "corpus", corpus)
    path = gold / "000_f3a91f304c34d6af.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["end"] += 3  # text no longer matches
    second = json.loads(lines[1])
    second["label"] = "MONEY"  # unknown label
    lines[0], lines[1] = json.dumps(first), json.dumps(second)
    lines.append("{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # an edited transcript is reported through its hash
    other = corpus / "010_turkistan_akim_report.txt"
    other.write_text(other.read_text(encoding="utf-8") + " Edited.", encoding="utf-8")
    result = runner.invoke(app, ["gold", "check", "--gold", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 1
    out = result.output
    assert f"{path}:1: text" in out
    assert f"{path}:2: unknown label 'MONEY'" in out
    assert f"{path}:{len(lines)}: is not valid JSON" in out
    assert "010_turkistan_akim_report.jsonl:1: doc_sha256 does not match" in out


def test_evaluate_writes_json_and_enforces_thresholds(tmp_path):
    out = tmp_path / "scores.json"
    args = [
        "evaluate",
        "--split",
        "dev",
        "--gold",
        str(ROOT / "gold"),
        "--corpus",
        str(ROOT / "corpus"),
        "--json",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text(encoding="utf-8"))["scores"]
    assert 0 < scores["QUANTITY"]["value"]["f1"] <= 1
    failing = runner.invoke(app, [*args, "--min-f1", "quantity.value=1.01"])
    assert failing.exit_code == 1


@pytest.mark.parametrize(
    "argv", [["--help"], ["extract", "--help"], ["evaluate", "--help"], ["gold", "check", "--help"]]
)
def test_help_through_the_installed_command(argv):
    result = subprocess.run(
        [sys.executable, "-m", "extractor", *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout


def test_facts_command_gives_one_row_per_quantity(tmp_path):
    result = runner.invoke(app, ["facts", str(SEED), "--jsonl"])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert facts and all("measured" in f and "speaker" in f for f in facts)
    jobs = next(f for f in facts if f["text"] == "65 thousand new jobs")
    assert (jobs["value"], jobs["unit"], jobs["time_start"], jobs["time_end"]) == (
        65000,
        "job",
        "2015",
        "2019",
    )
    assert jobs["place"] == "Kyzylorda region"


def test_facts_command_table(tmp_path):
    result = runner.invoke(app, ["facts", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "1.5 trn KZT" in result.stdout
