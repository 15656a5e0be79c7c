"""`extractor facts` and `extract --format table` rendered at 80 and 140 columns: nothing
cropped, `measured` kept at 80, every sentence shown whole or cut at a word."""

# ruff: noqa: E501  (the expected tables are as wide as the console they are drawn for)

from __future__ import annotations

import io

import pytest
import regex as re
from rich.console import Console

from extractor.cli.render import fact_in_sentence, facts_table, spans_table

TEXT = (
    "ASTANA – Akim Marat Abenov reported to residents on Friday. Over the past five years "
    "the region attracted 1.2 trillion tenge of investment into manufacturing, transport "
    "and agriculture, and more than 40 thousand permanent jobs were created in the cities "
    "of Turkistan and Kentau. In 2023, 12 new schools were opened."
)


def span(label, text, **fields):
    start = TEXT.index(text)
    return {
        "doc_id": "d1",
        "label": label,
        "start": start,
        "end": start + len(text),
        "text": text,
        **fields,
    }


RECORDS = [
    span("PERSON", "Marat Abenov", title="akim", person_id="p1"),
    span("TIME", "the past five years", time_start="2018", time_end="2022"),
    span(
        "QUANTITY",
        "1.2 trillion tenge",
        value=1.2e12,
        low=None,
        high=None,
        unit="KZT",
        qualifier=None,
        measured="investment",
        time_start="2018",
        time_end="2022",
        place="Turkistan region",
        speaker="Marat Abenov",
        speaker_id="p1",
    ),
    span(
        "QUANTITY",
        "40 thousand permanent jobs",
        value=40000,
        low=None,
        high=None,
        unit="job",
        qualifier="over",
        measured="permanent jobs",
        time_start="2018",
        time_end="2022",
        place="Turkistan",
        speaker="Marat Abenov",
        speaker_id="p1",
    ),
    span("GPE", "Kentau"),
    span(
        "QUANTITY",
        "12 new schools",
        value=12,
        low=None,
        high=None,
        unit="school",
        qualifier=None,
        measured="new schools",
        time_start="2023",
        time_end="2023",
        place=None,
        speaker=None,
        speaker_id=None,
    ),
]


def render(renderable, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())


FACTS_TABLE_80 = """\
d1
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ fact                       ┃ in its sentence                                 ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 1.2 trn KZT                │ Over the past five years the region attracted   │
│ investment                 │ ⟦1.2 trillion tenge⟧ of investment into         │
│ 2018 – 2022                │ manufacturing, transport and agriculture, and   │
│ Turkistan region           │ more than 40…                                   │
│ Marat Abenov               │                                                 │
│ over 40,000 job            │ …into manufacturing, transport and agriculture, │
│ permanent jobs             │ and more than ⟦40 thousand permanent jobs⟧ were │
│ 2018 – 2022                │ created in the cities of Turkistan and Kentau.  │
│ Turkistan                  │                                                 │
│ Marat Abenov               │                                                 │
│ 12 school                  │ In 2023, ⟦12 new schools⟧ were opened.          │
│ new schools                │                                                 │
│ 2023                       │                                                 │
└────────────────────────────┴─────────────────────────────────────────────────┘"""

FACTS_TABLE_140 = """\
d1
┏━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃      amount ┃ qual. ┃ measured       ┃ period      ┃ place            ┃ speaker      ┃ in its sentence                                   ┃
┡━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 1.2 trn KZT │       │ investment     │ 2018 – 2022 │ Turkistan region │ Marat Abenov │ Over the past five years the region attracted     │
│             │       │                │             │                  │              │ ⟦1.2 trillion tenge⟧ of investment into           │
│             │       │                │             │                  │              │ manufacturing, transport and agriculture, and     │
│             │       │                │             │                  │              │ more than 40…                                     │
│  40,000 job │ over  │ permanent jobs │ 2018 – 2022 │ Turkistan        │ Marat Abenov │ …into manufacturing, transport and agriculture,   │
│             │       │                │             │                  │              │ and more than ⟦40 thousand permanent jobs⟧ were   │
│             │       │                │             │                  │              │ created in the cities of Turkistan and Kentau.    │
│   12 school │       │ new schools    │ 2023        │                  │              │ In 2023, ⟦12 new schools⟧ were opened.            │
└─────────────┴───────┴────────────────┴─────────────┴──────────────────┴──────────────┴───────────────────────────────────────────────────┘"""

SPANS_TABLE_80 = """\
d1
┏━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┓
┃ label    ┃ span            ┃            value ┃ measured       ┃ period      ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━┩
│ PERSON   │ Marat Abenov    │             akim │                │             │
│ TIME     │ the past five   │                  │                │ 2018 – 2022 │
│          │ years           │                  │                │             │
│ QUANTITY │ 1.2 trillion    │      1.2 trn KZT │ investment     │ 2018 – 2022 │
│          │ tenge           │                  │                │             │
│ QUANTITY │ 40 thousand     │       40,000 job │ permanent jobs │ 2018 – 2022 │
│          │ permanent jobs  │           (over) │                │             │
│ GPE      │ Kentau          │                  │                │             │
│ QUANTITY │ 12 new schools  │        12 school │ new schools    │ 2023        │
└──────────┴─────────────────┴──────────────────┴────────────────┴─────────────┘"""

SPANS_TABLE_140 = """\
d1
┏━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ label    ┃ span                   ┃       value ┃ qual. ┃ measured       ┃ period      ┃ in its sentence                                 ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ PERSON   │ Marat Abenov           │        akim │       │                │             │ ASTANA – Akim ⟦Marat Abenov⟧ reported to        │
│          │                        │             │       │                │             │ residents on Friday.                            │
│ TIME     │ the past five years    │             │       │                │ 2018 – 2022 │ Over ⟦the past five years⟧ the region attracted │
│          │                        │             │       │                │             │ 1.2 trillion tenge of investment into           │
│          │                        │             │       │                │             │ manufacturing, transport and agriculture, and   │
│          │                        │             │       │                │             │ more than 40…                                   │
│ QUANTITY │ 1.2 trillion tenge     │ 1.2 trn KZT │       │ investment     │ 2018 – 2022 │ Over the past five years the region attracted   │
│          │                        │             │       │                │             │ ⟦1.2 trillion tenge⟧ of investment into         │
│          │                        │             │       │                │             │ manufacturing, transport and agriculture, and   │
│          │                        │             │       │                │             │ more than 40…                                   │
│ QUANTITY │ 40 thousand permanent  │  40,000 job │ over  │ permanent jobs │ 2018 – 2022 │ …into manufacturing, transport and agriculture, │
│          │ jobs                   │             │       │                │             │ and more than ⟦40 thousand permanent jobs⟧ were │
│          │                        │             │       │                │             │ created in the cities of Turkistan and Kentau.  │
│ GPE      │ Kentau                 │             │       │                │             │ …into manufacturing, transport and agriculture, │
│          │                        │             │       │                │             │ and more than 40 thousand permanent jobs were   │
│          │                        │             │       │                │             │ created in the cities of Turkistan and          │
│          │                        │             │       │                │             │ ⟦Kentau⟧.                                       │
│ QUANTITY │ 12 new schools         │   12 school │       │ new schools    │ 2023        │ In 2023, ⟦12 new schools⟧ were opened.          │
└──────────┴────────────────────────┴─────────────┴───────┴────────────────┴─────────────┴─────────────────────────────────────────────────┘"""


@pytest.mark.parametrize(
    "table,width,expected",
    [
        (facts_table, 80, FACTS_TABLE_80),
        (facts_table, 140, FACTS_TABLE_140),
        (spans_table, 80, SPANS_TABLE_80),
        (spans_table, 140, SPANS_TABLE_140),
    ],
)
def test_tables_at_fixed_widths(table, width, expected):
    rendered = render(table("d1", RECORDS, TEXT), width)
    assert rendered == expected
    assert max(len(line) for line in rendered.splitlines()) <= width
    header = rendered.splitlines()[2]
    assert "…" not in header  # no column cropped


@pytest.mark.parametrize("table", [facts_table, spans_table])
@pytest.mark.parametrize("width", [80, 100, 120, 140, 200])
def test_measured_is_shown_at_every_width(table, width):
    rendered = render(table("d1", RECORDS, TEXT), width)
    for measured in ("investment", "permanent jobs", "new schools"):
        assert measured in " ".join(rendered.split()), width


@pytest.mark.parametrize("max_chars", [40, 60, 90, 150])
@pytest.mark.parametrize("span", ["1.2 trillion tenge", "40 thousand permanent jobs", "Kentau"])
def test_a_cut_sentence_starts_and_ends_at_a_word(span, max_chars):
    start = TEXT.index(span)
    shown = fact_in_sentence({"start": start, "end": start + len(span), "text": span}, TEXT,
                             max_chars=max_chars)  # fmt: skip
    before = shown.before.removeprefix("…")
    after = shown.after.removesuffix("…")
    left = start - len(before)
    assert (
        TEXT[left:start] == before
        and TEXT[start + len(span) : start + len(span) + len(after)] == after
    )
    assert left == 0 or re.match(r"[\s.]", TEXT[left - 1]) or TEXT[left - 2 : left] == ". "
    right = start + len(span) + len(after)
    assert right == len(TEXT) or TEXT[right].isspace() or TEXT[right - 1] in ".!?"


def _error(kind: str, span: str, gold: dict | None = None, pred: dict | None = None) -> dict:
    rec = {**span_record(span), "label": "QUANTITY", "unit": "KZT"}
    return {"kind": kind, "gold": {**rec, **gold} if gold is not None else None,
            "pred": {**rec, **pred} if pred is not None else None}  # fmt: skip


def span_record(text: str) -> dict:
    start = TEXT.index(text)
    return {"doc_id": "d1", "start": start, "end": start + len(text), "text": text}


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_the_errors_table_fits_and_shows_whole_sentences(width):
    from extractor.cli.render import errors_table

    errors = [
        _error("wrong value", "1.2 trillion tenge", {"value": 1.2e12}, {"value": 1.2e9}),
        _error("missed", "40 thousand permanent jobs", {"value": 40000, "unit": "job"}),
    ]
    rendered = render(errors_table(errors, {"d1": TEXT}), width)
    assert max(len(line) for line in rendered.splitlines()) <= width
    assert "…┃" not in rendered
    flat = " ".join(rendered.replace("│", " ").split())
    assert "1.2 trn KZT" in flat and "1.2 bn KZT" in flat
    assert "Over the past" in flat  # the sentence from its start, not from mid-word
