"""Lists in text: the header a bulleted item stands under."""

from __future__ import annotations

import pytest

from extractor.rules.lists import list_header_colon

LIST = (
    "Roads\n\n"
    "The road season opened on 1 April. The 2013 road programme includes:\n"
    "– capital repair of 23 streets;\n"
    "• current repair of 44,8 km of streets;\n"
    "- 12 new traffic lights.\n"
    "In total, 86 km will be repaired.\n"
)


@pytest.mark.parametrize(
    ("text", "needle", "header_ends_with"),
    [
        (LIST, "23 streets", "programme includes:"),  # the first item
        (LIST, "44,8 km", "programme includes:"),  # another bullet, further down
        (LIST, "12 new", "programme includes:"),
        (LIST, "86 km", None),  # a line after the list is no item
        (LIST, "2013 road", None),  # the header itself
        ("Results:\nIndustry grew by 4%.\n– exports, 12%;", "12%", None),  # a plain line between
        ("– 12 new traffic lights.", "12 new", None),  # no line above
        ("In 2023 we built:\n\n– 3 schools;", "3 schools", None),  # a blank line is no item
        # the glyphs a PDF-to-text tool leaves for Symbol and Wingdings bullets
        (
            "The main contribution was made by:\n\uf0b7 food industry – 1 873,2;\n\uf0a7 textile – 1 604,7",
            "1 604,7",
            "made by:",
        ),
    ],
)
def test_the_header_of_a_list_item(text, needle, header_ends_with):
    colon = list_header_colon(text, text.index(needle))
    if header_ends_with is None:
        assert colon is None
    else:
        assert colon is not None and text[: colon + 1].endswith(header_ends_with)
