"""Review tables rendered as text at fixed widths: what a reviewer sees, character for character."""

# ruff: noqa: E501  (the expected tables are as wide as the console they are drawn for)

from __future__ import annotations

import io

import pytest
from rich.console import Console

from extractor.cli.render import (
    HighlightedTranscript,
    fact_in_sentence,
    review_summary,
    review_table,
)
from extractor.review.summary import Summary
from extractor.review.view import build_view

TEXT = (
    "Over the past 5 years, 1.5 trillion tenge of investments were attracted. "
    "More than 65 thousand new jobs were created, and unemployment fell to 4.5%."
)


def q(span: str, **fields) -> dict:
    start = TEXT.index(span)
    return {
        "doc_id": "demo",
        "label": "QUANTITY",
        "start": start,
        "end": start + len(span),
        "text": span,
        **fields,
    }


PRED = [
    q("1.5 trillion tenge", value=1.5e12, unit="KZT", measured="investments", time_start="2015",
      time_end="2019", place="Almaty"),
    q("65 thousand new jobs", value=65000, unit="job", qualifier="over", measured="new jobs",
      time_start="2016", time_end="2019"),
    q("4.5%", value=4.5, unit="%", measured="unemployment"),
]  # fmt: skip
GOLD = [
    {**PRED[0], "measured": ["investment"]},
    {**PRED[1], "time_start": "2015", "measured": ["job"]},
    {"doc_id": "demo", "label": "TIME", "start": 5, "end": 21, "text": "the past 5 years",
     "time_start": "2015", "time_end": "2019"},
]  # fmt: skip


def render(*renderables, width: int, color: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
        legacy_windows=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())


def summary_of(view) -> Summary:
    summary = Summary(documents=1)
    for row in view.rows:
        summary.add(row.record, row.mark)
    return summary


WIDE = """\
demo  4 facts
┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━┓
┃ mark       ┃ fact in its sentence                                ┃ label    ┃       value ┃ qual. ┃ measured     ┃ period       ┃ place  ┃
┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━┩
│ ✗ missed   │ Over ⟦the past 5 years⟧, 1.5 trillion tenge of      │ TIME     │             │       │              │ 2015 – 2019  │        │
│            │ investments were attracted.                         │          │             │       │              │              │        │
│ ✓ correct  │ Over the past 5 years, ⟦1.5 trillion tenge⟧ of      │ QUANTITY │ 1.5 trn KZT │       │ investments  │ 2015 – 2019  │ Almaty │
│            │ investments were attracted.                         │          │             │       │              │              │        │
│ ≠ date     │ More than ⟦65 thousand new jobs⟧ were created, and  │ QUANTITY │  65,000 job │ over  │ new jobs     │ 2016 – 2019  │        │
│            │ unemployment fell to 4.5%.                          │          │             │       │              │ gold 2015 –  │        │
│            │                                                     │          │             │       │              │ 2019         │        │
│ + spurious │ More than 65 thousand new jobs were created, and    │ QUANTITY │       4.5 % │       │ unemployment │              │        │
│            │ unemployment fell to ⟦4.5%⟧.                        │          │             │       │              │              │        │
└────────────┴─────────────────────────────────────────────────────┴──────────┴─────────────┴───────┴──────────────┴──────────────┴────────┘
strict P 0.667  R 0.667  F1 0.667  (2 of 3 extracted, 3 gold)"""

NARROW = """\
demo  4 facts
┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃            ┃                                      ┃          ┃                 ┃ measured ·      ┃
┃ mark       ┃ fact in its sentence                 ┃ label    ┃           value ┃ period · place  ┃
┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ ✗ missed   │ Over ⟦the past 5 years⟧, 1.5         │ TIME     │                 │ 2015 – 2019     │
│            │ trillion tenge of investments were   │          │                 │                 │
│            │ attracted.                           │          │                 │                 │
│ ✓ correct  │ Over the past 5 years, ⟦1.5 trillion │ QUANTITY │     1.5 trn KZT │ investments     │
│            │ tenge⟧ of investments were           │          │                 │ 2015 – 2019     │
│            │ attracted.                           │          │                 │ Almaty          │
│ ≠ date     │ More than ⟦65 thousand new jobs⟧     │ QUANTITY │ over 65,000 job │ new jobs        │
│            │ were created, and unemployment fell  │          │                 │ 2016 – 2019     │
│            │ to 4.5%.                             │          │                 │ gold 2015 –     │
│            │                                      │          │                 │ 2019            │
│ + spurious │ More than 65 thousand new jobs were  │ QUANTITY │           4.5 % │ unemployment    │
│            │ created, and unemployment fell to    │          │                 │                 │
│            │ ⟦4.5%⟧.                              │          │                 │                 │
└────────────┴──────────────────────────────────────┴──────────┴─────────────────┴─────────────────┘
strict P 0.667  R 0.667  F1 0.667  (2 of 3 extracted, 3 gold)"""

SUMMARY = """\
1 document, 3 facts: QUANTITY 3
quantities by unit: KZT 1  job 1  % 1
against gold: ✓ correct 1  ≠ date 1  + spurious 1  ✗ missed 1
totals where adding up makes sense
┏━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┓
┃ unit ┃ measured   ┃ period      ┃ facts ┃       total ┃ of which qualified ┃
┡━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━┩
│ KZT  │ investment │ 2015 – 2019 │     1 │ 1.5 trn KZT │                    │
│ job  │ job        │ 2016 – 2019 │     1 │  65,000 job │                  1 │
└──────┴────────────┴─────────────┴───────┴─────────────┴────────────────────┘
figures of one measure, unit and period are added as stated (a figure quoted
twice counts twice); percentages, multipliers, time amounts and rates are not
added"""


@pytest.mark.parametrize("width,expected", [(140, WIDE), (100, NARROW)])
def test_review_table_at_fixed_widths(width, expected):
    view = build_view("demo", PRED, TEXT, gold=GOLD)
    assert render(review_table(view, compared=True), width=width) == expected


def test_review_summary():
    view = build_view("demo", PRED, TEXT, gold=GOLD)
    assert render(review_summary(summary_of(view)), width=100) == SUMMARY


def test_spans_are_marked_by_style_on_a_colour_terminal_and_by_brackets_elsewhere():
    fact = fact_in_sentence(PRED[1], TEXT)
    plain = render(fact, width=100)
    coloured = render(fact, width=100, color=True)
    assert plain == "More than ⟦65 thousand new jobs⟧ were created, and unemployment fell to 4.5%."
    assert "⟦" not in coloured
    assert "\x1b[1;7m65 thousand new jobs\x1b[0m" in coloured  # bold reverse


def test_highlighted_transcript_keeps_lines_and_labels_spans():
    text = "Headline\n" + TEXT
    recs = [{**r, "start": r["start"] + 9, "end": r["end"] + 9} for r in PRED[:2]]
    assert render(HighlightedTranscript(text, recs), width=200) == (
        "Headline\nOver the past 5 years, ⟦1.5 trillion tenge⟧QUANTITY of investments were "
        "attracted. More than ⟦65 thousand new jobs⟧QUANTITY were created, and unemployment "
        "fell to 4.5%."
    )
