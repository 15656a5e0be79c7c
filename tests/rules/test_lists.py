"""Lists in text: the header a bulleted item stands under."""

from __future__ import annotations

import pytest

from extractor.rules.lists import ITEM_START, list_header_colon

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


@pytest.mark.parametrize(
    "line,item",
    [
        ("• Tashkent region – 231,4", True),
        ("▪️ Kazakhstan – 92.3 thousand tons;", True),
        ("🔹 beef – 590 som per kg;", True),
        ("✅ 64 schools were repaired for 2.9 billion tenge;", True),
        ("📌 Jalal-Abad city – 21 streets, 17.2 km", True),
        # a sign or a symbol that opens a line is no bullet
        ("© 2021 Press service of the akimat", False),
        ("2021 – 4.2 billion tenge", False),
    ],
)  # fmt: skip
def test_an_items_bullet(line, item):
    assert bool(ITEM_START.match(line)) is item


def test_items_under_an_emoji_header_take_its_day(extract):
    text = (
        "According to the monitoring of the Ministry as of 3 August, average retail prices in "
        "Bishkek were:\n🔹 first-grade wheat flour – 48 som per kg;\n🔹 beef – 590 som per kg;\n"
        "🔹 sugar – 82 som per kg.\n"
    )
    records = extract(text, date="2023-08-18")
    prices = [r for r in records if r["label"] == "QUANTITY"]
    assert [(r["time_start"], r["time_end"]) for r in prices] == [("2023-08-03", "2023-08-03")] * 3
