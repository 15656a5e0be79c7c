"""``extractor rules`` and the rule options of ``extractor evaluate``, through the real CLI."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.components.fact_rules import load_fact_rules

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def one_doc_gold(tmp_path):
    """A gold folder whose dev split is the seed transcript alone."""
    gold = tmp_path / "gold"
    gold.mkdir()
    doc_id = "000_f3a91f304c34d6af"
    (gold / f"{doc_id}.jsonl").write_text(
        (ROOT / "gold" / f"{doc_id}.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (gold / "split.json").write_text(json.dumps({"dev": [doc_id], "test": []}), encoding="utf-8")
    return gold


@pytest.mark.parametrize("field", ["measured", "period"])
def test_rules_lists_every_rule_of_a_field_in_order(field):
    result = runner.invoke(app, ["rules", "--field", field], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    ids = [r.id for r in load_fact_rules() if r.field == field]
    positions = [result.output.index(rid + " ") for rid in ids]
    assert positions == sorted(positions)
    other = "period." if field == "measured" else "measured."
    assert other not in result.output


@pytest.mark.parametrize(
    "rule_id,mark",
    [
        ("period.change_base", "(filter)"),
        ("period.report_frame", "(when no rule above gave a period)"),
        ("period.respectively", "(after every amount, over the document)"),
        ("measured.list_shared", "(after every amount, over the document)"),
    ],
)
def test_rules_say_when_a_rule_runs(rule_id, mark):
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "250"})
    line = next(row for row in result.output.splitlines() if rule_id + " " in row)
    assert mark in line


def test_evaluate_by_rule_counts_and_json(one_doc_gold, tmp_path):
    out = tmp_path / "scores.json"
    result = runner.invoke(
        app,
        ["evaluate", "--gold", str(one_doc_gold), "--corpus", str(ROOT / "corpus"),
         "--by-rule", "--json", str(out)],
        env={"COLUMNS": "140"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "fact rules" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    fired = data["rules"]["period"]
    assert fired, "no period rule fired on the seed transcript"
    for counts in fired.values():
        assert counts["right"] <= counts["scored"] <= counts["fires"]
    assert "period" in data["scores"]["QUANTITY"]


def test_evaluate_disable_rule_changes_what_fires(one_doc_gold, tmp_path):
    def rules_fired(*extra):
        out = tmp_path / "s.json"
        result = runner.invoke(
            app,
            ["evaluate", "--gold", str(one_doc_gold), "--corpus", str(ROOT / "corpus"),
             "--json", str(out), *extra],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text(encoding="utf-8"))["rules"]["measured"]

    before = rules_fired()
    assert "measured.counted_noun" in before
    after = rules_fired("--disable-rule", "measured.counted_noun")
    assert "measured.counted_noun" not in after


def test_evaluate_rejects_an_unknown_rule_with_a_hint(one_doc_gold):
    result = runner.invoke(
        app,
        ["evaluate", "--gold", str(one_doc_gold), "--disable-rule", "period.report_frames"],
    )
    assert result.exit_code != 0
    assert "did you mean period.report_frame" in result.output


def test_extract_disable_rule_changes_the_records(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("Over the year, 3 million square meters of housing were built.\n")

    def measured_rule(*extra):
        out = tmp_path / "o.jsonl"
        result = runner.invoke(
            app, ["extract", str(text), "--date", "2024-02-01", "-o", str(out), *extra]
        )
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        return next(r for r in rows if r["label"] == "QUANTITY")["measured_rule"]

    assert measured_rule() == "measured.of_noun"
    assert measured_rule("--disable-rule", "measured.of_noun") != "measured.of_noun"


def test_extract_rejects_an_unknown_rule(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("5 schools were built.\n")
    result = runner.invoke(app, ["extract", str(text), "--disable-rule", "measured.nope"])
    assert result.exit_code != 0
    assert "unknown fact rule" in result.output
