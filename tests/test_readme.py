"""The README's commands work as written: every `extractor` line of its bash blocks parses,
and those that run offline in a few seconds run, in a folder laid out like the repository
with the files the examples name."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SEED = "000_f3a91f304c34d6af"
BRIEF = "012_zhetysu_news_brief"
# Lines parsed but not run: each over the whole corpus or the dev split (tens of seconds),
# or interactive.
NOT_RUN = (
    "extractor extract corpus/ ",
    "extractor evaluate --split dev",
    "extractor label ",
)


def bash_lines(text: str) -> list[str]:
    """The command lines of the ```bash blocks, comments dropped."""
    lines, inside = [], False
    for raw in text.splitlines():
        if raw.startswith("```"):
            inside = raw.strip() == "```bash"
            continue
        if inside:
            line = raw.split(" #", 1)[0].strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


COMMANDS = [line for line in bash_lines(README.read_text(encoding="utf-8"))
            if line.startswith("extractor ")]  # fmt: skip


@pytest.mark.parametrize(
    "block,expected",
    [
        ("```bash\nextractor a x  # note\n# only a comment\n\nmake b\n```", ["extractor a x", "make b"]),
        ("```text\nextractor not a command\n```\n```bash\nextractor c\n```", ["extractor c"]),
        ("```python\nimport extractor\n```", []),
    ],
)  # fmt: skip
def test_bash_lines(block, expected):
    assert bash_lines(block) == expected


def test_the_readme_shows_every_command():
    assert len(COMMANDS) >= 15
    shown = {shlex.split(line)[1] for line in COMMANDS}
    assert {"extract", "facts", "review", "show", "evaluate", "label"} <= shown


def _command(args: list[str]):
    """The click command a command line calls, and the arguments left for it."""
    command = typer.main.get_command(app)
    while hasattr(command, "get_command"):  # a group: extractor, extractor gold
        command = command.get_command(command.context_class(command), args[0])
        assert command is not None, args[0]
        args = args[1:]
    return command, args


@pytest.mark.parametrize("line", [line for line in COMMANDS if "--help" not in line])
def test_every_readme_command_parses(line):
    command, args = _command(_args(line)[0])
    command.make_context(command.name, list(args))  # raises on an unknown option or bad value


def _args(line: str) -> tuple[list[str], str | None]:
    """A line's arguments (after ``extractor``) and the file its stdout is redirected to."""
    words = shlex.split(line)[1:]
    if ">" in words:
        at = words.index(">")
        return words[:at], words[at + 1]
    return words, None


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A folder like the repository (corpus/, gold/) with the files the examples name."""
    root = tmp_path_factory.mktemp("readme")
    (root / "corpus").symlink_to(ROOT / "corpus", target_is_directory=True)
    (root / "gold").symlink_to(ROOT / "gold", target_is_directory=True)
    seed = (ROOT / "corpus" / f"{SEED}.txt").read_text(encoding="utf-8")
    brief = (ROOT / "corpus" / f"{BRIEF}.txt").read_text(encoding="utf-8")
    (root / "hearing.txt").write_text(seed, encoding="utf-8")
    (root / "archive").mkdir()
    shutil.copy(ROOT / "corpus" / f"{BRIEF}.txt", root / "archive")
    shutil.copy(ROOT / "corpus" / f"{BRIEF}.meta.json", root / "archive")
    records = [{"id": "brief", "text": brief, "date": "2023-04-18"}]
    (root / "archive.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def saved_extraction(workdir) -> Path:
    """out/spans.jsonl as `extractor extract corpus/ -o out/spans.jsonl` writes it, for two
    documents instead of the whole corpus."""
    out = workdir / "out" / "spans.jsonl"
    docs = [str(workdir / "corpus" / f"{doc}.txt") for doc in (SEED, BRIEF)]
    result = CliRunner().invoke(app, ["extract", *docs, "-o", str(out), "--n-process", "1"])
    assert result.exit_code == 0, result.output
    return out


# Lines with --cluster are parsed only: they need a scheduler, or start a LocalCluster
# (tests/test_cluster.py runs extract on a real cluster).
RUN = [line for line in COMMANDS if not line.startswith(NOT_RUN) and "--cluster" not in line]


@pytest.mark.parametrize("line", RUN)
def test_readme_commands_run(line, workdir, saved_extraction, monkeypatch):
    monkeypatch.chdir(workdir)
    args, redirect = _args(line)
    if "--resume" in args:  # goes on with the run of the line before it in the README
        CliRunner().invoke(app, [a for a in args if a != "--resume"])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, f"{line}\n{result.output}"
    if redirect:
        (workdir / redirect).write_text(result.stdout, encoding="utf-8")
        assert result.stdout.strip()


FOREIGN = ("ANNOTATION.md", "/work/shared")


def _help_texts() -> str:
    runner = CliRunner()
    commands = [[], *([c] for c in ("extract", "facts", "review", "show", "evaluate", "label"))]
    texts = [runner.invoke(app, [*c, "--help"]).output for c in [*commands, ["gold", "check"]]]
    return "\n".join(texts)


def test_docs_and_help_cite_only_the_projects_own_documents():
    texts = {"--help": _help_texts()}
    for path in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        texts[path.name] = path.read_text(encoding="utf-8")
    for package in ("cli", "io", "review"):
        for path in sorted((ROOT / "extractor" / package).glob("*.py")):
            texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    texts["schema.py"] = (ROOT / "extractor" / "schema.py").read_text(encoding="utf-8")
    cited = {name for name, text in texts.items() for word in FOREIGN if word in text}
    assert cited == set()
    assert "docs/schema.md" in texts["--help"] and "docs/scoring.md" in texts["--help"]


def test_the_schema_document_describes_every_field():
    from extractor.schema import SPAN_FIELDS

    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert [f for f in SPAN_FIELDS if f"`{f}`" not in text] == []


@pytest.mark.parametrize("link", ["docs/schema.md", "docs/scoring.md"])
def test_the_readme_links_the_docs(link):
    assert f"]({link})" in README.read_text(encoding="utf-8")
    assert (ROOT / link).is_file()


def python_blocks(text: str) -> list[str]:
    """The ```python blocks."""
    return [m.split("\n```", 1)[0] for m in text.split("```python\n")[1:]]


def test_readme_python_runs(capsys):
    (block,) = python_blocks(README.read_text(encoding="utf-8"))
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102  (the README's own example)
    printed = capsys.readouterr().out.splitlines()
    assert "QUANTITY 1.5 trillion tenge 1500000000000 KZT" in printed
    assert "TIME the past 5 years None None" in printed
