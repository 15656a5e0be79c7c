"""Tables flattened to text: each figure takes its unit from its row's label (or its
cell's), what it measures from the row's label, and its period from its cell's year or
its column's in the header row."""

from __future__ import annotations

import pytest

from extractor.rules.tables import caption_cell, header_cell, table_cell, titled_cell

PIPES = (
    "Main indicators\n\n"
    "Indicator | 2022 | 2023 | growth, %\n"
    "Gross domestic product, bln tenge | 2022: 103 765,5 | 2023: 119 247,9 | growth, %: 105,1\n"
    "GDP per capita, thous. tenge | 2022: 5 284,1 | 2023: 5 973,6 | growth, %: 103,6\n"
)
TABS = (
    "Labour market\n\n"
    "Indicator\t2022\t2023\n"
    "Average monthly nominal wage, tenge\t309 641\t363 427\n"
    "Employed population, thous. persons\t9 092,4\t9 190,5\n"
    "Grain harvest, mln tons\t16,4\t17,1\n"
    "Investments in fixed capital, USD million\t1 250\t1 410\n"
)

# a column whose header says it is in percent: each of its figures is a percentage, dated
# by the header's first year
CHANGES = (
    "Main indicators of the sector, 2020-2021:\n\n"
    "Indicator | 2020 | 2021 | 2021 in % to 2020\n"
    "Public roads repaired, km | 884 | 1 146 | 129,6\n"
    "Financing of the road sector, mln soms | 9 412,6 | 12 877,3 | 136,8\n"
)
# a bracket in a row's label is no part of its head
BRACKETED = "Indicator | 2012 | 2013\nMeat (slaughter weight), thsd tons | 195,3 | 197,6\n"
# a row counted in units or pieces, or in a bare scale, counts its label's head
COUNTED = (
    "Indicator | 2020 | 2021\n"
    "Bridges repaired and rebuilt, units | 23 | 31\n"
    "Passengers served by airports, thsd | 1 842,0 | 2 905,6\n"
    "Buses bought, pcs | 120 | 145\n"
)
GROWTH = "Indicator | 2022 | 2023 | growth, %\nPublic roads repaired, km | 884 | 1 146 | 129,6\n"
# a column headed by a unit, or by the things it counts, gives them to its figures
COLUMNS = (
    "New schools by source of financing:\n"
    "Source | schools | places | mln som\n"
    "Republican budget | 18 | 9 840 | 2 914,6\n"
    "Local budgets | 7 | 2 160 | 612,3\n"
)


@pytest.mark.parametrize(
    ("text", "amount", "value", "unit", "measured", "period"),
    [
        (CHANGES, "129,6", 129.6, "%", "road", "2021"),
        (CHANGES, "136,8", 136.8, "%", "financing", "2021"),
        (CHANGES, "12 877,3", 12_877_300_000, "KGS", "financing", "2021"),
        (GROWTH, "129,6", 129.6, "%", "road", None),
        (COLUMNS, "18", 18, "school", "school", None),
        (COLUMNS, "2 160", 2_160, "place", "place", None),
        (COLUMNS, "2 914,6", 2_914_600_000, "KGS", "budget", None),
        (COLUMNS, "612,3", 612_300_000, "KGS", "budget", None),
        (BRACKETED, "197,6", 197_600, "t", "meat", "2013"),
        (COUNTED, "31", 31, "bridge", "bridge", "2021"),
        (COUNTED, "2 905,6", 2_905_600, "passenger", "passenger", "2021"),
        (COUNTED, "145", 145, "bus", "bus", "2021"),
        (PIPES, "103 765,5", 103_765_500_000_000, "KZT", "product", "2022"),
        (PIPES, "119 247,9", 119_247_900_000_000, "KZT", "product", "2023"),
        (PIPES, "105,1", 105.1, "%", "product", None),  # the cell's own unit
        (PIPES, "5 284,1", 5_284_100, "KZT/person", "gdp", "2022"),  # per capita
        (TABS, "309 641", 309_641, "KZT", "wage", "2022"),  # the column's year
        (TABS, "363 427", 363_427, "KZT", "wage", "2023"),
        (TABS, "9 190,5", 9_190_500, "person", None, "2023"),  # a counted noun
        (TABS, "17,1", 17_100_000, "t", "harvest", "2023"),
        (TABS, "1 410", 1_410_000_000, "USD", "investment", "2023"),  # head before "in"
    ],
)
def test_a_figure_in_a_flattened_table(extract, text, amount, value, unit, measured, period):
    records = [r for r in extract(text, "2024-02-09") if r["label"] == "QUANTITY"]
    found = {r["text"]: r for r in records}
    assert amount in found, sorted(found)
    rec = found[amount]
    assert rec["value"] == pytest.approx(value)
    assert rec["unit"] == unit
    if measured is not None:
        assert rec["measured"] == measured
    if period is not None:
        assert (rec["time_start"], rec["time_end"]) == (period, period)


@pytest.mark.parametrize(
    "text",
    [
        "The plan | 5 | 6 | done",  # a label with no unit after a comma
        "Results: output grew | exports fell by 5 tons",  # one separator is no table
        "Item, tenge | 5",  # two cells
    ],
)
def test_rows_that_give_no_unit(extract, text):
    bare = [
        r
        for r in extract(text, "2024-02-09")
        if r["label"] == "QUANTITY" and r["text"] in ("5", "6")
    ]
    assert bare == []


def test_cells_and_header():
    text = "Indicator\t2022\t2023\nWage, tenge\t309 641\t363 427\n"
    pos = text.index("363 427")
    cell = table_cell(text, pos)
    assert cell is not None and cell.index == 2
    assert cell.unit_phrase(pos) == ("tenge", False)
    assert text[slice(*header_cell(text, cell))] == "2023"
    assert table_cell(text, text.index("Wage")) is None  # the row's label is no cell of figures
    assert table_cell("A plain sentence with 5 tons.", 22) is None


@pytest.mark.parametrize(
    "line,span,value,unit,measured,period",
    [
        # a line of year-labelled figures after a label that ends on its unit
        ("– investments in fixed capital, billion tenge: 2019 – 296,1; 2025 – 452,0;",
         "296,1", 296.1e9, "KZT", "investment", ("2019", "2019")),
        ("– gross regional product per capita, thousand tenge: 2019 – 2 684,3; 2025 – 3 905,0;",
         "3 905,0", 3_905_000, "KZT/person", "product", ("2025", "2025")),
        ("– share of villages with central water supply, %: 2019 – 71,4; 2025 – 100;",
         "71,4", 71.4, "%", "share", ("2019", "2019")),
    ],
)  # fmt: skip
def test_a_line_of_year_labelled_figures(extract, line, span, value, unit, measured, period):
    records = extract("Targets of the programme:\n" + line, date="2020-12-23")
    record = next(r for r in records if r["label"] == "QUANTITY" and r["text"] == span)
    assert (record["value"], record["unit"], record["measured"]) == (value, unit, measured)
    assert (record["time_start"], record["time_end"]) == period


_CAPTIONED = (
    "Bus fleet\n\n"
    "Passengers carried by municipal transport, million:\n"
    "2015\t2017\t2019\n"
    "214,0\t197,3\t190,6\n\n"
    "Financing of the programme, million somoni (plan / actual):\n"
    "2017: 214,0 / 188,6\n"
    "2018: 256,0 / 231,2\n"
)


@pytest.mark.parametrize(
    "nth,span,value,unit,measured,period",
    [
        # a row of figures under a caption that names the unit; the column's year above
        (0, "214,0", 214e6, "passenger", "passenger", ("2015", "2015")),
        (0, "190,6", 190.6e6, "passenger", "passenger", ("2019", "2019")),
        # or the row's own year, for each figure of the row
        (1, "214,0", 214e6, "TJS", "financing", ("2017", "2017")),
        (0, "231,2", 231.2e6, "TJS", "financing", ("2018", "2018")),
    ],
)  # fmt: skip
def test_rows_of_figures_under_a_caption(extract, nth, span, value, unit, measured, period):
    records = [r for r in extract(_CAPTIONED, date="2024-02-15") if r["text"] == span]
    record = records[nth]
    assert (record["value"], record["unit"], record["measured"]) == (value, unit, measured)
    assert (record["time_start"], record["time_end"]) == period


_BUDGET_ROWS = (
    "1. According to the annual report, the parameters of the budget were executed as "
    "follows (million rubles; plan / actual / % of plan):\n\n"
    "Revenues, total: 118 640,2 / 121 307,5 / 102,2\n"
    "including tax and non-tax revenues: 96 215,4 / 99 048,1 / 102,9\n"
    "Deficit: 8 272,5 / 2 538,1\n"
)
_PIPES_UNDER_CAPTION = (
    "Payments by type, million rubles\n"
    "Type of payment | 2019 | 2020\n"
    "Insurance pensions | 59 317.4 | 62 408.9\n"
    "Payments to families with children | – | 4 896.2\n"
    "Total | 70 573.9 | 79 597.6\n"
)


@pytest.mark.parametrize(
    "text,span,value,unit,measured,period",
    [
        # the unit and the columns in one bracket of the caption, a blank line after it,
        # rows labelled by a colon; the column "% of plan" holds percentages
        (_BUDGET_ROWS, "121 307,5", 121_307.5e6, "RUB", "revenue", None),
        (_BUDGET_ROWS, "102,2", 102.2, "%", "revenue", None),
        (_BUDGET_ROWS, "99 048,1", 99_048.1e6, "RUB", "revenue", None),
        (_BUDGET_ROWS, "2 538,1", 2_538.1e6, "RUB", "deficit", None),
        # a table by bars whose rows name no unit takes its caption's, over the header row
        (_PIPES_UNDER_CAPTION, "59 317.4", 59_317.4e6, "RUB", "pension", ("2019", "2019")),
        (_PIPES_UNDER_CAPTION, "4 896.2", 4_896.2e6, "RUB", "payment", ("2020", "2020")),
        (_PIPES_UNDER_CAPTION, "79 597.6", 79_597.6e6, "RUB", "total", ("2020", "2020")),
    ],
)  # fmt: skip
def test_captions_that_name_the_unit(extract, text, span, value, unit, measured, period):
    records = [r for r in extract(text, date="2021-01-20") if r["text"] == span]
    assert records, span
    record = records[0]
    assert (record["value"], record["unit"], record["measured"]) == (value, unit, measured)
    if period is not None:
        assert (record["time_start"], record["time_end"]) == period


def test_a_caption_needs_rows_of_figures_only():
    text = "Financing of the programme, million somoni:\nIn 2017 it was 214,0 and more.\n"
    assert caption_cell(text, text.index("214,0")) is None


ITEMS = (
    "Output of main products in January 2012 (in brackets: in percent of January 2011):"
    " – electricity, million kWh: 4 112,6 (103,4) – heat energy, thousand Gcal: 2 045,0 (98,9)"
    " – coal, thousand tons: 6 284,3 (101,9); – petroleum products, thousand tons: 402,1 (96,4)"
)
NO_CAPTION = (
    "Main products: – coal, thousand tons: 6 284,3 (101,9); – ferroalloys, thousand tons: 98,7"
)


@pytest.mark.parametrize(
    ("text", "amount", "value", "unit", "measured"),
    [
        # a list item's unit words after its label and a comma, its figure after a colon
        (ITEMS, "4 112,6", 4_112_600_000, "kWh", "electricity"),
        (ITEMS, "2 045,0", 2_045_000, "Gcal", "energy"),
        (ITEMS, "6 284,3", 6_284_300, "t", "coal"),
        (ITEMS, "402,1", 402_100, "t", "product"),
        # the figure in brackets after it is a percentage, as the caption above says
        (ITEMS, "103,4", 103.4, "%", "electricity"),
        (ITEMS, "96,4", 96.4, "%", "product"),
        (NO_CAPTION, "98,7", 98_700, "t", "ferroalloy"),
    ],
)
def test_a_figure_of_a_list_item_with_its_unit(extract, text, amount, value, unit, measured):
    found = {r["text"]: r for r in extract(text, "2012-02-14") if r["label"] == "QUANTITY"}
    assert amount in found, sorted(found)
    rec = found[amount]
    assert (rec["value"], rec["unit"], rec["measured"]) == (pytest.approx(value), unit, measured)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (NO_CAPTION, "101,9"),  # no caption says what the brackets hold: no unit, no amount
        ("Almaty, city: 7 districts were visited.", None),  # a place is no unit
    ],
)
def test_no_unit_without_a_unit_phrase_or_caption(extract, text, amount):
    found = {r["text"]: r for r in extract(text, "2012-02-14") if r["label"] == "QUANTITY"}
    if amount is not None:
        assert amount not in found, found[amount]
    else:
        assert all(r["unit"] != "city" for r in found.values()), found


def test_headlines_set_apart_by_bars_are_no_table_row():
    text = (
        "Related news: GDP of Kyrgyzstan grew 5.7% in January-August | Remittances in eight "
        "months: $1.52 billion (–2.1%) | Jogorku Kenesh adds 2.4 bln soms to the budget for roads"
    )
    assert table_cell(text, text.index("$1.52")) is None
    assert table_cell(text, text.index("2.4 bln")) is None
    row = "Gross domestic product, bln tenge | 2022: 103 765,5 | 2023: 119 247,9"
    assert table_cell(row, row.index("103")) is not None


TITLED = (
    "Table 2. Investments in fixed capital by region in 2018, billion soums\n\n"
    "Region\t\t\t2018\t\tshare, %\n"
    "Tashkent city\t\t24 512,7\t22,8\n"
    "Navoi region\t\t9 236,8\t\t8,6\n\n"
    "Table 1. Main indicators of the oblast, million som\n"
    "Indicator                          2019          2020     2020 in % to 2019\n"
    "Gross regional product          71 244,5      68 390,1          96,0\n\n"
    "Table 3. Growth of gross regional product in 2014, % to 2013\n\n"
    "Batken region              104,1          Naryn region              103,2\n"
)


@pytest.mark.parametrize(
    "figure,unit,label,header,place",
    [
        # cells apart by tabs or by runs of spaces, under a "Table N." title with its unit
        ("24 512,7", "billion soums", "Tashkent city", "2018", True),
        ("8,6", "billion soums", "Navoi region", "share, %", True),
        ("68 390,1", "million som", "Gross regional product", "2020", False),
        ("96,0", "million som", "Gross regional product", "2020 in % to 2019", False),
        # two columns of pairs on one line: the label is the nearest cell of words
        ("103,2", "% to 2013", "Naryn region", None, True),
    ],
)
def test_a_figure_under_a_table_title(figure, unit, label, header, place):
    cell = titled_cell(TITLED, TITLED.index(figure))
    assert (cell.unit, cell.label, cell.label_is_place()) == (unit, label, place)
    assert (TITLED[slice(*cell.header)] if cell.header else None) == header


def test_running_text_and_row_labels_are_no_titled_cells():
    assert titled_cell(TITLED, TITLED.index("Tashkent city")) is None
    text = "Table 1 shows the regions.\nOutput grew by 5 percent in the region."
    assert titled_cell(text, text.index("5 percent")) is None


@pytest.mark.parametrize(
    "figure,value,unit,measured,period",
    [
        ("24 512,7", 24512.7e9, "UZS", "investment", ("2018", "2018")),
        ("8,6", 8.6, "%", "investment", ("2018", "2018")),
        ("71 244,5", 71244.5e6, "KGS", "product", ("2019", "2019")),
        ("96,0", 96.0, "%", "product", ("2020", "2020")),
        ("103,2", 103.2, "%", "growth", ("2014", "2014")),
    ],
)
def test_a_titled_table_gives_unit_measured_and_period(
    extract, figure, value, unit, measured, period
):
    records = extract(TITLED, "2019-02-20")
    start = TITLED.index(figure)
    record = next(r for r in records if r["label"] == "QUANTITY" and r["start"] == start)
    assert (record["value"], record["unit"], record["measured"]) == (value, unit, measured)
    assert (record["time_start"], record["time_end"]) == period


@pytest.mark.parametrize(
    ("header", "amount", "period"),
    [
        # a column headed by two years running into each other (a school year, a season)
        ("Indicator | 2021-2022 | 2022-2023", "2 310", ("2021", "2022")),
        ("Indicator | 2021-2022 | 2022-2023", "2 352", ("2022", "2023")),
        ("Indicator | 2019–2020 | 2020–2021", "2 310", ("2019", "2020")),
        ("Indicator | 2022 | 2023", "2 352", ("2023", "2023")),
    ],
)
def test_a_column_headed_by_a_span_of_years(extract, header, amount, period):
    text = f"Main indicators of general education\n{header}\nSchools, units | 2 310 | 2 352\n"
    found = {r["text"]: r for r in extract(text, "2023-08-18") if r["label"] == "QUANTITY"}
    assert (found[amount]["time_start"], found[amount]["time_end"]) == period


@pytest.mark.parametrize(
    "title,expected",
    [
        # a short title over its table, a blank line between, dates its cells
        ("Annex. New schools to be built in Sughd region in 2014-2016", ("2014", "2016")),
        ("Distribution of the funds of the reserve for 2024:", ("2024", "2024")),
        # a paragraph's last sentence above a blank line is no title
        ("The akimat reported the results of 2019 to the maslikhat and answered questions.",
         (None, None)),
    ],
)  # fmt: skip
def test_a_title_across_a_blank_line_dates_its_table(extract, title, expected):
    text = (
        f"{title}\n\nCity, district | new schools | places | cost, thousand somoni\n"
        "Khujand city | 4 | 2 400 | 15 860,0\nIstaravshan city | 3 | 1 120 | 8 940,5\n"
    )
    cost = next(r for r in extract(text, date="2014-01-28") if r["text"] == "15 860,0")
    assert (cost["time_start"], cost["time_end"]) == expected
