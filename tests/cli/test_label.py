"""`extractor label`: driven through a real pseudo-terminal, and through CliRunner."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sys
from pathlib import Path

import pexpect
import pytest
from rich.console import Console
from typer.testing import CliRunner

import extractor.cli._util as cli
from extractor.review.session import LabelSession, state_path

runner = CliRunner()

# A transcript with rich markup and terminal control sequences in it: they must reach the
# screen as visible text, never as markup or as commands to the terminal.
HOSTILE = (
    "In 2023 the [bold]Akimat[/bold] of Almaty region spent 5 billion tenge on 12 new "
    "schools [link=https://evil.example]here[/link]. Red \x1b[31malert\x1b[0m: about 300 jobs "
    "were created in 2022, a title \x1b]0;pwned\x07 and back\roverwrite. In 2022, 7 hospitals "
    "and 7 clinics were opened."
)
ANSI = rb"(?:\x1b\[[\d;]*m)*"  # rich's own styles between the words of a prompt


def prompt(name: str) -> bytes:
    """A prompt as the pty shows it: the name, styles, an optional current value, ': '."""
    return re.escape(name.encode()) + rb"[^\n]*?: " + ANSI


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("label")
    (root / "corpus").mkdir()
    (root / "gold").mkdir()
    (root / "corpus" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "corpus" / "hostile.meta.json").write_text(
        '{"id": "hostile", "date": "2023"}', encoding="utf-8"
    )
    (root / "gold" / "split.json").write_text('{"dev": ["hostile"], "test": []}', encoding="utf-8")
    return root


def spawn(workspace: Path) -> tuple[pexpect.spawn, io.BytesIO]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env.update(TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    args = [
        "-m",
        "extractor",
        "label",
        str(workspace / "corpus" / "hostile.txt"),
        "--gold",
        str(workspace / "gold"),
    ]
    child = pexpect.spawn(
        sys.executable, args, env=env, cwd=str(workspace), timeout=120, dimensions=(50, 140)
    )
    log = io.BytesIO()
    child.logfile_read = log
    return child, log


def answer(child: pexpect.spawn, name: str, reply: str) -> None:
    child.expect(prompt(name))
    child.sendline(reply)


def gold_records(workspace: Path) -> list[dict]:
    text = (workspace / "gold" / "hostile.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def killed_session(workspace):
    """A first session: five decisions and one added span, then SIGKILL at a prompt."""
    child, log = spawn(workspace)
    child.expect(prompt("action"))
    state = json.loads(state_path(workspace / "gold", "hostile").read_text(encoding="utf-8"))
    proposals = state["proposals"]
    # The extractor's first four proposals for this text; the fifth is rejected, whatever it is.
    assert [p["text"] for p in proposals[:4]] == [
        "2023",
        "Almaty region",
        "5 billion tenge",
        "12 new schools",
    ]
    child.sendline("a")  # 2023
    answer(child, "action", "a")  # Almaty region
    answer(child, "action", "f")  # 5 billion tenge: fix value, qualifier, measured, dates
    fields = [("span", ""), ("label", ""), ("value", "6e9"), ("unit", ""), ("qualifier", "approx"),
              ("measured", "investment"), ("time_start", "2022"), ("time_end", "2022")]  # fmt: skip
    for name, reply in fields:
        answer(child, name, reply)
    answer(child, "action", "a")  # 12 new schools
    answer(child, "action", "r")  # the fifth
    answer(child, "action", "n")  # add the ORG the extractor missed
    answer(child, "text of the missed span", "[bold]Akimat[/bold]")
    answer(child, "label", "ORG")
    child.expect(prompt("action"))  # at the sixth
    child.kill(signal.SIGKILL)
    child.close()
    return proposals, log.getvalue()


def test_every_decision_is_saved_before_a_kill(workspace, killed_session):
    got = [
        (r["label"], r["text"], r.get("value"), r.get("qualifier"), r.get("measured"))
        for r in gold_records(workspace)
    ]
    assert got == [
        ("TIME", "2023", None, None, None),
        ("ORG", "[bold]Akimat[/bold]", None, None, None),
        ("GPE", "Almaty region", None, None, None),
        ("QUANTITY", "5 billion tenge", 6e9, "approx", ["investment"]),
        ("QUANTITY", "12 new schools", 12, None, ["school"]),
    ]
    assert all(r["reviewed"] is True for r in gold_records(workspace))


def test_transcript_text_reaches_the_terminal_as_text(killed_session):
    _, raw = killed_session
    # markup shown as typed, escapes as \x1b, a carriage return as a space (like a line break)
    for literal in (
        b"[bold]Akimat[/bold]",
        b"[link=https://evil.example]here[/link]",
        b"\\x1b[31malert",
        b"back overwrite",
    ):
        assert literal in raw
    for sequence in (b"\x1b[31malert", b"\x1b]0;pwned", b"\x07", b"back\roverwrite", b"\x1b]8;"):
        assert sequence not in raw


def test_a_rerun_resumes_where_it_stopped_and_the_gold_passes_gold_check(workspace, killed_session):
    proposals, _ = killed_session
    child, _ = spawn(workspace)
    n = len(proposals)
    child.expect(re.escape(f"3 accepted · 1 fixed · 1 rejected · 1 added · {n - 5} open".encode()))
    child.expect(re.escape(f"6 of {n}".encode()))  # the first open proposal
    for _ in range(len(proposals) - 5):
        answer(child, "action", "a")
    child.expect(rb"every proposal is decided")
    answer(child, "action", "q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(gold_records(workspace)) == len(proposals) - 1 + 1  # one rejected, one added
    result = runner.invoke(
        cli.app,
        ["gold", "check", "--gold", str(workspace / "gold"), "--corpus", str(workspace / "corpus")],
    )
    assert result.exit_code == 0, result.output


# --- the loop through CliRunner: sessions made without a model ------------------------------

TEXT = "In 2022 the akimat built 12 schools. In 2023 it built 12 schools more, for 5 billion tenge."


def made_session(tmp_path: Path, proposals: list[tuple[str, str, dict]]) -> Path:
    """A transcript with a session already started (so `label` resumes it without a model)."""
    doc = tmp_path / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")
    recs = []
    for text, label, fields in proposals:
        start = TEXT.index(text)
        recs.append(
            {"label": label, "start": start, "end": start + len(text), "text": text, **fields}
        )
    LabelSession.open(tmp_path / "gold", "doc", TEXT, lambda: recs, date="2023")
    return doc


@pytest.fixture
def consoles(monkeypatch):
    out = Console(file=io.StringIO(), width=400, color_system=None, legacy_windows=False)
    monkeypatch.setattr(cli, "console", out)
    monkeypatch.setattr(cli, "err_console", out)
    return out.file


def run(doc: Path, gold: Path, *keys: str) -> int:
    result = runner.invoke(
        cli.app, ["label", str(doc), "--gold", str(gold)], input="".join(k + "\n" for k in keys)
    )
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


def read_gold(tmp_path: Path) -> list[dict]:
    text = (tmp_path / "gold" / "doc.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


MONEY = (
    "5 billion tenge",
    "QUANTITY",
    {"value": 5e9, "unit": "KZT", "time_start": "2023", "time_end": "2023"},
)


@pytest.mark.parametrize(
    "keys,expected",
    [
        (["a"], [("5 billion tenge", 5e9, "KZT", None, "2023")]),
        (["r"], []),
        (
            ["f", "", "", "6 bln", "", "over", "", "", ""],
            [("5 billion tenge", 6e9, "KZT", "over", "2023")],
        ),
        (["f", "", "", "", "USD", "", "", "-", ""], [("5 billion tenge", 5e9, "USD", None, None)]),
        (
            ["f", "", "", "lots", "7", "", "", "", "", ""],
            [("5 billion tenge", 7, "KZT", None, "2023")],
        ),
        (
            ["f", "", "", "", "", "roughly", "min", "", "", ""],
            [("5 billion tenge", 5e9, "KZT", "min", "2023")],
        ),
        (
            ["f", "", "", "", "", "", "", "March", "2022-03", ""],
            [("5 billion tenge", 5e9, "KZT", None, "2022-03")],
        ),
        (["a", "b", "r"], []),
    ],
)
def test_accept_reject_fix_and_back(tmp_path, consoles, keys, expected):
    doc = made_session(tmp_path, [MONEY])
    assert run(doc, tmp_path / "gold", *keys, "q") == 0
    got = [
        (r["text"], r["value"], r["unit"], r["qualifier"], r["time_start"])
        for r in read_gold(tmp_path)
    ]
    assert got == expected


def test_add_a_missed_span_by_its_text_and_occurrence(tmp_path, consoles):
    doc = made_session(tmp_path, [MONEY])
    # the second "12 schools" (of two), pre-filled by the rules: 12 school
    assert (
        run(doc, tmp_path / "gold", "n", "12 schools", "2", "", "", "", "", "", "2023", "2023", "q")
        == 0
    )
    out = consoles.getvalue()
    assert "1  In 2022 the akimat built ⟦12 schools⟧." in out
    assert "2  In 2023 it built ⟦12 schools⟧ more" in out
    (rec,) = read_gold(tmp_path)
    assert (rec["start"], rec["value"], rec["unit"], rec["measured"]) == (
        TEXT.rindex("12 schools"),
        12,
        "school",
        ["school"],
    )


def test_a_span_fixed_to_other_bounds(tmp_path, consoles):
    doc = made_session(tmp_path, [("billion tenge", "QUANTITY", {"value": 1e9, "unit": "KZT"})])
    assert (
        run(doc, tmp_path / "gold", "f", "5 billion tenge", "", "5e9", "", "", "", "", "", "q") == 0
    )
    (rec,) = read_gold(tmp_path)
    assert (rec["text"], rec["value"]) == ("5 billion tenge", 5e9)


def test_a_span_gold_check_would_reject_is_not_accepted(tmp_path, consoles):
    doc = made_session(tmp_path, [("12 schools", "QUANTITY", {"value": 12, "unit": None})])
    assert run(doc, tmp_path / "gold", "a", "q") == 0
    assert "QUANTITY has no unit" in consoles.getvalue()
    assert read_gold(tmp_path) == []


def test_quitting_on_end_of_input_keeps_every_decision(tmp_path, consoles):
    doc = made_session(
        tmp_path, [MONEY, ("2022", "TIME", {"time_start": "2022", "time_end": "2022"})]
    )
    assert run(doc, tmp_path / "gold", "a") == 0  # input ends at the next prompt
    assert [r["text"] for r in read_gold(tmp_path)] == ["2022"]
    assert "saved 1 span to" in consoles.getvalue()


def test_the_test_split_is_never_labelled_with_the_tool(tmp_path, consoles):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "split.json").write_text('{"dev": [], "test": ["doc"]}', encoding="utf-8")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    assert run(tmp_path / "doc.txt", tmp_path / "gold") == 1
    assert "labelled by hand" in consoles.getvalue()


def test_a_file_of_many_documents_needs_doc(tmp_path, consoles):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    assert run(docs, tmp_path / "gold") == 1
    assert "choose one with --doc (a, b)" in consoles.getvalue()
