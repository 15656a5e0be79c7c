"""The HTML page: text is data, never markup; control characters are shown, not run."""

from __future__ import annotations

import pytest

from extractor.io.html import PageDocument, facts_table, render_page, visible_controls


@pytest.mark.parametrize(
    "text,shown",
    [
        ("plain text", "plain text"),
        ("line\nnext\tcell", "line\nnext\tcell"),
        ("red \x1b[31malert", "red \u241b[31malert"),
        ("back\roverwrite", "back\u240doverwrite"),
        ("bell\x07", "bell\u2407"),
        ("del\x7f", "del\u2421"),
        ("c1\x9b", "c1\ufffd"),
        ("abc\u202edef", "abc\ufffddef"),  # a right-to-left override
    ],
)
def test_visible_controls(text, shown):
    assert visible_controls(text) == shown
    assert len(visible_controls(text)) == len(text)  # one for one: offsets still index it


def test_the_facts_table_escapes_every_cell():
    rec = {"label": "QUANTITY", "start": 0, "end": 3, "text": "<b>5</b>", "value": 5,
           "unit": "school", "measured": ['"><script>x</script>'], "place": "A & B",
           "speaker": "Marat Abenov"}  # fmt: skip
    table = facts_table([rec])
    assert "<script>" not in table and "<b>5" not in table
    assert "&lt;b&gt;5&lt;/b&gt;" in table and "A &amp; B" in table
    assert "<th>speaker</th>" in table and "<td>Marat Abenov</td>" in table


def test_a_page_without_text_still_lists_the_facts():
    rec = {"label": "TIME", "start": 0, "end": 4, "text": "2020", "time_start": "2020",
           "time_end": "2020"}  # fmt: skip
    page = render_page([PageDocument("d<1>", None, [rec], note="text not found")], title="t&t")
    assert "<title>t&amp;t" in page or "t&amp;t" in page
    assert 'data-doc-id="d&lt;1&gt;"' in page and "text not found" in page
    assert "<script" not in page
