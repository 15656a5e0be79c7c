"""``extractor extract`` on archives: bad input, a killed run resumed, processes, formats."""

import csv
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from extractor.cli import _util as cli
from extractor.cli import app
from extractor.io.writers import ledger_path, read_ledger
from extractor.schema import FACT_FIELDS, SPAN_FIELDS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOOD = ["000_f3a91f304c34d6af", "012_zhetysu_news_brief", "063_social_payments_news"]
# Good once decoded: written as cp1251 and UTF-16 in the faulty corpus, as UTF-8 in the clean one.
LEGACY = (
    "В 2020 году аким Кызылординской области отчитался перед населением. "
    "In 2020, 5 billion tenge were allocated to build 12 schools in Kyzylorda region."
)
UTF16 = "Over the past 5 years, more than 65 thousand new jobs were created in Turkistan region."
GOOD_RECORD = {
    "id": "j1",
    "text": "In 2019, 300 families received housing in Almaty.",
    "date": "2020",
}
runner = CliRunner()


def _corpus(folder: Path, *, faults: bool) -> Path:
    """The good documents, and with ``faults`` one file or line of each bad kind among them."""
    folder.mkdir()
    for doc_id in GOOD:
        shutil.copy(CORPUS / f"{doc_id}.txt", folder)
        shutil.copy(CORPUS / f"{doc_id}.meta.json", folder)
    (folder / "legacy.txt").write_bytes(LEGACY.encode("cp1251" if faults else "utf-8"))
    (folder / "wide.txt").write_bytes(UTF16.encode("utf-16" if faults else "utf-8"))
    lines = [json.dumps(GOOD_RECORD)]
    if faults:
        lines += [
            '{"id": "j2", "text": "5 schools"',  # line 2: malformed
            json.dumps({"id": "j3", "date": "2020"}),  # line 3: no text
            json.dumps({"id": GOOD[0], "text": "A repeated id: 7 roads."}),  # line 4: duplicate id
        ]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if faults:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
        (folder / "binary.txt").write_bytes(gzip.compress(LEGACY.encode(), mtime=0))
        (folder / "nul.txt").write_bytes(b"In 2020, 5 schools were built.\n" * 20 + b"\x00")
        (folder / "damaged.txt").write_bytes("Аким области. ".encode() * 9 + b"\xd0\xd0")
        (folder / "broken.txt").symlink_to(folder / "gone.txt")
        os.mkfifo(folder / "fifo.txt")  # never opened: reading would block
        (folder / "locked.txt").write_text("In 2020, 9 schools were built.", encoding="utf-8")
        (folder / "locked.txt").chmod(0)  # does not stop root: see _deny_locked
    return folder


@pytest.fixture
def _deny_locked(monkeypatch):
    """Reading locked.txt fails as chmod 000 makes it fail for any user but root."""
    read_bytes = Path.read_bytes

    def guarded(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)


# (file, line) -> (kind, what the reason says)
EXPECTED_ERRORS = {
    ("binary.txt", None): ("binary", "is a binary file"),
    ("blank.txt", None): ("empty", "contains only whitespace"),
    ("broken.txt", None): ("broken-symlink", "is a broken symbolic link"),
    ("damaged.txt", None): ("undecodable", "is UTF-8 with invalid bytes"),
    ("empty.txt", None): ("empty", "is empty"),
    ("fifo.txt", None): ("not-a-file", "is not a regular file"),
    ("locked.txt", None): ("unreadable", "cannot read the file (Permission denied)"),
    ("nul.txt", None): ("nul-bytes", "contains NUL bytes"),
    ("records.jsonl", 2): ("malformed-json", "is not valid JSON"),
    ("records.jsonl", 3): ("no-text", 'has no "text"'),
    ("records.jsonl", 4): ("duplicate-id", f"repeats the id '{GOOD[0]}'"),
}


@pytest.mark.usefixtures("_deny_locked")
def test_fault_injection_bad_files_are_reported_and_good_ones_extracted_as_in_a_clean_run(tmp_path):
    faulty, clean = (
        _corpus(tmp_path / "faulty", faults=True),
        _corpus(tmp_path / "clean", faults=False),
    )
    errors = tmp_path / "errors.jsonl"
    args = ["-o", str(tmp_path / "faulty.jsonl"), "--errors", str(errors), "--n-process", "1"]
    result = runner.invoke(app, ["extract", str(faulty), *args])
    assert result.exit_code == 2, result.output
    reference = runner.invoke(
        app, ["extract", str(clean), "-o", str(tmp_path / "clean.jsonl"), "--n-process", "1"]
    )
    assert reference.exit_code == 0, reference.output

    faulty_spans = (tmp_path / "faulty.jsonl").read_text(encoding="utf-8")
    assert faulty_spans == (tmp_path / "clean.jsonl").read_text(encoding="utf-8")
    doc_ids = {json.loads(line)["doc_id"] for line in faulty_spans.splitlines()}
    assert doc_ids == {*GOOD, "legacy", "wide", "j1"}

    reported = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    got = {(Path(r["path"]).name, r["line"]): (r["kind"], r["reason"]) for r in reported}
    assert sorted(got) == sorted(EXPECTED_ERRORS)
    for key, (kind, says) in EXPECTED_ERRORS.items():
        assert got[key][0] == kind, key
        assert says in got[key][1], (key, got[key][1])
    assert all(set(r) == {"path", "line", "id", "reason", "kind"} for r in reported)
    assert (
        f"{len(doc_ids)} documents, " in result.stderr
        and f"{len(EXPECTED_ERRORS)} failed" in result.stderr
    )


def _archive(path: Path, copies: int) -> Path:
    """The corpus ``copies`` times over as one JSONL file, each copy with its own ids."""
    lines = []
    for k in range(copies):
        for txt in sorted(CORPUS.glob("*.txt")):
            meta = json.loads(txt.with_name(txt.stem + ".meta.json").read_text(encoding="utf-8"))
            text = txt.read_text(encoding="utf-8")
            lines.append(
                json.dumps({"id": f"{txt.stem}-{k}", "text": text, "date": meta.get("date")})
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_run_killed_with_sigkill_resumes_to_the_output_of_an_uninterrupted_run(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl", copies=1)
    reference = tmp_path / "reference.jsonl"
    result = runner.invoke(app, ["extract", str(archive), "-o", str(reference), "--n-process", "1"])
    assert result.exit_code == 0, result.output
    n_docs = len(archive.read_text(encoding="utf-8").splitlines())

    out = tmp_path / "out.jsonl"
    args = ["-o", str(out), "--batch-size", "2", "--n-process", "2"]
    command = [sys.executable, "-m", "extractor", "extract", str(archive), *args]
    # A session of its own: the kill takes the workers too, as when the whole run dies.
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 600  # only so that a broken run cannot hang the suite
        while (
            len(read_ledger(ledger_path(out))[1]) < 4
            and proc.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done = len(read_ledger(ledger_path(out))[1])
    assert 4 <= done < n_docs
    # what the killed run left is valid JSONL
    assert all(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())

    resumed = runner.invoke(
        app, ["extract", str(archive), "-o", str(out), "--resume", "--n-process", "2"]
    )
    assert resumed.exit_code == 0, resumed.output
    assert f"({done} already in the output)" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()


def test_two_processes_write_the_output_of_one(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl", copies=1)
    outputs = []
    for n in ("1", "2"):
        out = tmp_path / f"out{n}.jsonl"
        result = runner.invoke(
            app, ["extract", str(archive), "-o", str(out), "--batch-size", "3", "--n-process", n]
        )
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) > 2000


@pytest.fixture(scope="module")
def spans(tmp_path_factory):
    """Spans of three corpus documents, as the default JSONL output."""
    folder = _corpus(tmp_path_factory.mktemp("small") / "corpus", faults=False)
    result = runner.invoke(app, ["extract", str(folder), "--n-process", "1"])
    assert result.exit_code == 0, result.output
    return folder, [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "args,expected",
    [
        (["-f", "jsonl", "--facts"], "quantities"),
        (["-f", "csv"], "all"),
        (["-f", "csv", "--facts"], "quantities"),
    ],
)
def test_formats_and_facts(spans, args, expected):
    folder, records = spans
    result = runner.invoke(app, ["extract", str(folder), "--n-process", "1", *args])
    assert result.exit_code == 0, result.output
    wanted = [r for r in records if expected == "all" or r["label"] == "QUANTITY"]
    if "csv" in args:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [(r["doc_id"], int(r["start"]), r["text"]) for r in rows] == [
            (r["doc_id"], r["start"], r["text"]) for r in wanted
        ]
        assert tuple(rows[0]) == (SPAN_FIELDS if expected == "all" else FACT_FIELDS)
    else:
        assert [json.loads(line) for line in result.stdout.splitlines()] == wanted


def test_resume_reports_a_document_that_changed_since(spans, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(spans[0], folder)
    out = tmp_path / "out.jsonl"
    assert (
        runner.invoke(app, ["extract", str(folder), "-o", str(out), "--n-process", "1"]).exit_code
        == 0
    )
    before = out.read_bytes()
    (folder / "wide.txt").write_text(UTF16 + " Edited.", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(
        app, ["extract", str(folder), "-o", str(out), "--resume", "--errors", str(errors)]
    )
    assert result.exit_code == 2, result.output
    (error,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert (error["id"], error["kind"]) == ("wide", "changed-since-output")
    assert out.read_bytes() == before  # nothing duplicated


def test_progress_bar_on_a_terminal_only(spans, tmp_path, monkeypatch):
    folder, records = spans
    quiet = runner.invoke(
        app, ["extract", str(folder), "-o", str(tmp_path / "a.jsonl"), "--n-process", "1"]
    )
    lines = quiet.stderr.splitlines()
    assert lines[-1] == f"6 documents, {len(records)} spans; 0 failed"
    assert not any("extracting" in line or "words/s" in line for line in lines)
    terminal = io.StringIO()
    monkeypatch.setattr(
        cli,
        "err_console",
        Console(file=terminal, force_terminal=True, width=120, color_system=None),
    )
    shown = runner.invoke(
        app, ["extract", str(folder), "-o", str(tmp_path / "b.jsonl"), "--n-process", "1"]
    )
    assert shown.exit_code == 0, shown.output
    bar = terminal.getvalue()
    for part in ("extracting", "6 documents", "words/s", "0 failed", "0:00:00"):
        assert part in bar, bar


@pytest.mark.parametrize(
    "args,says",
    [
        (["--format", "xml"], "'xml' is not one of"),
        (["--resume"], "--resume needs --output FILE"),
        (["--resume", "-o", "x.jsonl", "-f", "table"], "--resume needs --output FILE"),
        (["--batch-size", "0"], "--batch-size"),
        (["--date", "March"], "is not an ISO date"),
    ],
)
def test_usage_errors_exit_with_1_not_2(args, says):
    # 2 means "some documents failed": a typo must not look like that
    command = [sys.executable, "-m", "extractor", "extract", str(CORPUS / f"{GOOD[1]}.txt"), *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert says in result.stderr


def test_nothing_readable_exits_with_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "0 documents, 0 spans; 1 failed"


def test_a_document_over_its_time_budget_is_reported_and_a_resumed_run_tries_it_again(tmp_path):
    # 90,000 words take the pipeline many seconds: a real slow document, not a mock.
    # The budget stops it; the documents around it are extracted.
    src = tmp_path / "docs.jsonl"
    slow = "In 2021-2023 the region spent 5 billion tenge on 12 schools and 300 km of roads. "
    rows = [
        {"id": "before", "text": "In 2023 the region built 12 schools.", "date": "2024-01-10"},
        {"id": "slow", "text": slow * 6_000, "date": "2024-01-10"},
        {
            "id": "after",
            "text": "Exports reached 1.2 billion dollars in 2023.",
            "date": "2024-01-10",
        },
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out, errors = tmp_path / "spans.jsonl", tmp_path / "bad.jsonl"
    args = ["extract", str(src), "-o", str(out), "--errors", str(errors), "--n-process", "1",
            "--doc-timeout", "1"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    (bad,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert (bad["id"], bad["kind"], bad["line"]) == ("slow", "timeout", 2)
    first = out.read_text(encoding="utf-8")
    assert {json.loads(line)["doc_id"] for line in first.splitlines()} == {"before", "after"}
    # The ledger holds what was written; a resumed run retries only the slow document.
    resumed = CliRunner().invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 2, resumed.output
    assert out.read_text(encoding="utf-8") == first
    assert [json.loads(line)["id"] for line in errors.read_text().splitlines()] == ["slow"]


@pytest.fixture(scope="module")
def stuck_input(tmp_path_factory):
    """Five documents, the third of them stuck in C in tests/stuck_model.py, and the output of
    a run over the other four."""
    folder = tmp_path_factory.mktemp("stuck")
    rows = [
        {"id": f"d{i}", "text": f"In 2023 the region built {i + 1} schools.", "date": "2024-01-10"}
        for i in range(5)
    ]
    rows[2]["text"] += " STUCK"
    src, clean = folder / "docs.jsonl", folder / "clean.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    clean.write_text("".join(json.dumps(r) + "\n" for r in rows if r["id"] != "d2"))
    reference = folder / "reference.jsonl"
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT / "tests"))
        args = ["extract", str(clean), "-o", str(reference), "--model", "stuck_model"]
        result = runner.invoke(app, [*args, "--n-process", "1"])
    assert result.exit_code == 0, result.output
    assert len(reference.read_text().splitlines()) >= 8
    return src, reference


# A model package (tests/stuck_model.py) and two workers, each taking a document at a time
# (tests/test_batch.py runs a stuck batch of several).
STUCK_ARGS = ["--model", "stuck_model", "--n-process", "2", "--batch-size", "1"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a deadlock in glibc")
def test_a_document_stuck_in_c_is_reported_its_worker_replaced_and_resume_tries_it_again(
    stuck_input, tmp_path, monkeypatch
):
    monkeypatch.syspath_prepend(str(ROOT / "tests"))
    src, reference = stuck_input
    out, errors = tmp_path / "spans.jsonl", tmp_path / "bad.jsonl"
    args = ["extract", str(src), "-o", str(out), "--errors", str(errors), *STUCK_ARGS,
            "--doc-timeout", "0.2"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    (bad,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert (bad["id"], bad["kind"], bad["line"]) == ("d2", "timeout", 3)
    assert "its worker process was killed" in bad["reason"]
    assert out.read_bytes() == reference.read_bytes()  # the others, each once, in order
    resumed = runner.invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 2, resumed.output
    assert "(4 already in the output)" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert [json.loads(line)["id"] for line in errors.read_text().splitlines()] == ["d2"]


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a deadlock in glibc")
def test_a_run_killed_while_a_worker_is_stuck_leaves_no_worker_and_resumes_to_the_same_output(
    stuck_input, tmp_path, monkeypatch, child_processes
):
    src, reference = stuck_input
    out = tmp_path / "spans.jsonl"
    command = [sys.executable, "-m", "extractor", "extract", str(src), "-o", str(out),
               *STUCK_ARGS, "--doc-timeout", "30"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120  # only so that a broken run cannot hang the suite
        # d0 and d1 written, d2 in a deadlock that its budget cannot end
        while (
            len(read_ledger(ledger_path(out))[1]) < 2
            and proc.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        time.sleep(0.5)
        assert proc.poll() is None, proc.stderr.read().decode()
        workers = child_processes(proc.pid)
        assert 1 <= len(workers) <= 2
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must not outlive it
        proc.wait()
        gone = time.monotonic() + 10
        while any(map(_running, workers)) and time.monotonic() < gone:
            time.sleep(0.05)
        assert not any(map(_running, workers))
    finally:
        for pid in [proc.pid, *workers]:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait()
    assert len(read_ledger(ledger_path(out))[1]) == 2
    monkeypatch.syspath_prepend(str(ROOT / "tests"))
    args = ["extract", str(src), "-o", str(out), *STUCK_ARGS, "--doc-timeout", "0.2", "--resume"]
    resumed = runner.invoke(app, args)
    assert resumed.exit_code == 2, resumed.output
    assert "(2 already in the output)" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
