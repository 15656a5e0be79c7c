"""`extractor show`: the terminal view, and the HTML page rendered in headless Chromium."""

from __future__ import annotations

import io
import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import extractor.cli._util as cli
from extractor.io.gold import load_gold
from extractor.io.html import PageDocument, render_page, visible_controls
from extractor.review.highlight import non_overlapping

ROOT = Path(__file__).resolve().parents[2]
SEED_ID = "000_f3a91f304c34d6af"
runner = CliRunner()

# Rich markup, HTML and terminal control sequences in a transcript are all just text.
HOSTILE = (
    "The [bold]akimat[/bold] <b>spent</b> 5 billion tenge <script>alert(1)</script> "
    "on \x1b[31m12 schools\x1b[0m & \x1b]0;pwned\x07 back\roverwrite in Almaty."
)
BROWSER_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
PAGE_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "h1", "h2", "section", "div", "p", "br"),
    *("mark", "span", "table", "thead", "tbody", "tr", "th", "td"),
}


def span(text: str, fragment: str, label: str, **fields) -> dict:
    start = text.index(fragment)
    return {
        "doc_id": "hostile",
        "label": label,
        "start": start,
        "end": start + len(fragment),
        "text": fragment,
        **fields,
    }


def hostile_records() -> list[dict]:
    return [
        span(HOSTILE, "[bold]akimat[/bold]", "ORG"),
        span(
            HOSTILE, "5 billion tenge", "QUANTITY", value=5e9, unit="KZT", measured="<i>money</i>"
        ),
        span(HOSTILE, "12 schools\x1b[0m", "QUANTITY", value=12, unit="school"),
        span(HOSTILE, "Almaty", "GPE"),
        span(HOSTILE, "Alma", "LOC"),  # overlaps Almaty: highlighted once, listed in the table
    ]


def seed_records() -> list[dict]:
    return [
        {k: v for k, v in r.items() if k != "doc_sha256"} for r in load_gold(ROOT / "gold", SEED_ID)
    ]


class DomReader(HTMLParser):
    """Tags, highlighted spans and text of a DOM as Chromium serialised it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.marks: list[dict] = []
        self.text: list[str] = []
        self._in_span_text = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag == "mark":
            self.marks.append({"label": attrs["data-label"], "start": int(attrs["data-start"]),
                               "end": int(attrs["data-end"]), "text": ""})  # fmt: skip
        self._in_span_text = tag == "span" and attrs.get("class") == "span-text"

    def handle_endtag(self, tag):
        self._in_span_text = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_span_text:
            self.marks[-1]["text"] += data.strip()


def rendered_dom(chromium: str, page: Path, tmp_path: Path) -> DomReader:
    cmd = [
        chromium,
        *BROWSER_FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        page.as_uri(),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    reader = DomReader()
    reader.feed(result.stdout)
    return reader


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture
def consoles(monkeypatch):
    out = Console(file=io.StringIO(), width=120, color_system=None, legacy_windows=False)
    err = Console(file=io.StringIO(), width=120, color_system=None, legacy_windows=False)
    monkeypatch.setattr(cli, "console", out)
    monkeypatch.setattr(cli, "err_console", err)
    return out.file, err.file


def show(*args) -> int:
    result = runner.invoke(cli.app, ["show", *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a\x1bb", "a␛b"),
        ("a\rb", "a␍b"),
        ("a\x07", "a␇"),
        ("a\nb\tc", "a\nb\tc"),
        ("\x9b31m", "\ufffd31m"),
        ("a\u202eb", "a\ufffdb"),
        ("a\x7f", "a␡"),
    ],
)
def test_visible_controls_keeps_offsets(text, expected):
    assert visible_controls(text) == expected and len(expected) == len(text)


def test_the_page_renders_in_chromium_with_the_expected_spans(chromium, consoles, tmp_path):
    records = [{"id": "hostile", "text": HOSTILE}, *hostile_records(), *seed_records()]
    page = tmp_path / "facts.html"
    assert (
        show(
            write_jsonl(tmp_path / "spans.jsonl", records),
            "--html",
            page,
            "--corpus",
            ROOT / "corpus",
        )
        == 0
    )
    dom = rendered_dom(chromium, page, tmp_path)
    seed_text = (ROOT / "corpus" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    expected = []
    for text, recs in ((HOSTILE, hostile_records()), (seed_text, seed_records())):
        for rec in non_overlapping(recs)[0]:
            shown = " ".join(visible_controls(text[rec["start"] : rec["end"]]).split())
            expected.append(
                {"label": rec["label"], "start": rec["start"], "end": rec["end"], "text": shown}
            )
    assert dom.marks == expected
    assert {"label": "QUANTITY", "start": 354, "end": 371, "text": "600 billion tenge"} in dom.marks
    assert dom.tags <= PAGE_TAGS  # no <b>, <i>, <script> from the text, nothing but the page's own
    text = "".join(dom.text)
    for literal in ("[bold]akimat[/bold]", " <b>spent</b> ", "<script>alert(1)</script>", " & "):
        assert literal in text
    assert "␛[31m12 schools␛[0m" in text and "back␍overwrite" in text
    assert "<i>money</i>" in text  # measured, in the facts table


def test_the_page_is_one_self_contained_file(tmp_path):
    page = render_page([PageDocument("hostile", HOSTILE, hostile_records())], title="<title> & co")
    assert "<script" not in page.replace("&lt;script&gt;", "")
    assert "http://" not in page and "https://" not in page  # no outside resource
    assert "default-src 'none'" in page
    assert "&lt;title&gt; &amp; co" in page
    assert '<tr class="overlapped"' in page  # "Alma" is listed, not highlighted


def test_transcripts_are_extracted_for_the_page(consoles, tmp_path):
    page = tmp_path / "seed.html"
    assert show(ROOT / "corpus" / f"{SEED_ID}.txt", "--html", page, "--label", "QUANTITY") == 0
    html = page.read_text(encoding="utf-8")
    assert 'data-label="QUANTITY" data-start="354" data-end="371"' in html
    assert 'data-label="TIME"' not in html
    assert "wrote" in consoles[0].getvalue()


def test_the_terminal_view_highlights_spans_and_lists_facts(consoles, tmp_path):
    records = [{"id": "hostile", "text": HOSTILE}, *hostile_records()]
    assert show(write_jsonl(tmp_path / "spans.jsonl", records), "--no-pager") == 0
    out = consoles[0].getvalue()
    assert "The ⟦[bold]akimat[/bold]⟧ORG <b>spent</b> ⟦5 billion tenge⟧QUANTITY" in out
    assert "\\x1b[31m" in out and "\x1b" not in out
    assert "hostile  5 facts" in out


def test_markup_is_never_interpreted_on_a_colour_terminal(monkeypatch, tmp_path):
    out = Console(
        file=io.StringIO(),
        width=200,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    monkeypatch.setattr(cli, "console", out)
    records = [{"id": "hostile", "text": HOSTILE}, *hostile_records()]
    assert show(write_jsonl(tmp_path / "spans.jsonl", records), "--no-pager") == 0
    raw = out.file.getvalue()
    assert "[bold]akimat[/bold]" in raw and "<script>alert(1)</script>" in raw
    for sequence in ("\x1b[31m12", "\x1b]0;", "\x07", "back\roverwrite", "\x1b]8;"):
        assert sequence not in raw


def test_a_saved_extraction_without_its_text_shows_facts_only(consoles, tmp_path):
    page = tmp_path / "p.html"
    assert (
        show(
            write_jsonl(tmp_path / "spans.jsonl", hostile_records()),
            "--html",
            page,
            "--corpus",
            tmp_path,
        )
        == 0
    )
    html = page.read_text(encoding="utf-8")
    assert "text not found" in html and "<mark" not in html and "5 bn KZT" in html
