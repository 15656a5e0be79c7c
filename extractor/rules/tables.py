"""Tables flattened to text: rows of cells apart by "|" or tabs, the row's label first.

    Indicator | 2022 | 2023 | growth, %
    Gross domestic product, bln tenge | 2022: 103 765,5 | 2023: 119 247,9 | growth, %: 105,1

A figure in such a row takes its unit from its cell's own label or the row's ("bln
tenge", after the comma), what it measures from the row's label, and its period from
its cell's own year or its column's, in the header row above. Nothing here imports spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex as re

from .rx import HSPACE

# The label a bracket gives the figure in it as the plan, target or another year's value
# of the amount before the bracket: "(plan – ", "(target: ", "(2014 – ", "(plan for 2015 – "
BRACKET_PLAN_LABEL = (
    r"(?:the\s+)?(?:plan(?:ned)?|target|forecast|norm|(?:19|20)\d\d)"
    r"(?:\s+for\s+[^()–—:;\n]{1,20}?)?\s*[–—:-]\s*"
)
_SEPARATOR = re.compile(r"\||\t")
# The row's label, and its unit after the last comma: "Employed population, thous. persons".
_LABEL_UNIT = re.compile(r"^(?P<label>[^|\t]*),\s*+(?P<unit>[^,|\t]{1,25}+)$")
# A cell's own label with a unit, before its figure: "growth, %: 105,1".
_CELL_UNIT = re.compile(r",\s*(?P<unit>[^,:|\t]{1,25}?)\s*:\s*$")
# The label's head stops before a preposition or a participle: "Investments in fixed
# capital" -> investments, "Housing commissioned" -> housing, "Buses bought" -> buses.
_HEAD_STOP = re.compile(
    r"(?i)\s(?:in|of|for|by|per|from|at|on|to|with)\s|\s\p{L}+ed\b"
    r"|\s(?:bought|built|sold|made|given|taken|held|spent|paid|put|sent|grown|sown|dug"
    r"|brought|kept|laid|lent|shown|won|begun|done|seen|found|killed|hurt)\b"
)
_WORD = re.compile(r"\p{L}[\p{L}-]*")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
# The most words a table's figure cell holds besides its figure ("2022: 17 105,6", "plan 96,2").
_CELL_WORDS = 3
# A header cell that holds a year, or two running into each other ("2021-2022", a school
# or a heating season)
_YEAR_CELL = re.compile(
    r"^\D*+(?:19|20)\d\d(?:[ \t]*+[-–—/][ \t]*+(?:(?:19|20)\d\d|\d\d))?(?!\d)\D*+$"
)
# A header cell of a column of changes, dated by its first year: "2021 in % to 2020",
# "2023 to 2022, %"
_CHANGE_YEAR_CELL = re.compile(
    r"^\D*+(?:19|20)\d\d[ \t]++(?:in[ \t]++%[ \t]++)?(?:to|of|against|vs\.?)[ \t]++"
    r"(?:19|20)\d\d(?!\d)\D*+$"
)
# A header cell that says its column is in percent: "growth, %", "2021 in % to 2020"
_PERCENT_HEADER = re.compile(r"(?i)%|\bper\s?cent\b")
_FIGURE_ONLY = re.compile(r"[ \t]*+[\d" + HSPACE + r".,%()+–—-]*+[ \t]*+")
# How far up the header row may be.
HEADER_LINES = 40


@dataclass(frozen=True)
class Cell:
    """Where a position falls in a table row: the row's line, its cells, which cell."""

    line_start: int
    line: str
    bounds: tuple[tuple[int, int], ...]  # each cell's (start, end) in the document
    index: int  # the cell the position is in (0 is the row's label)
    # the unit words of a caption line over the table's rows ("Payments by type, million
    # rubles"), for rows whose label names none
    caption_unit: str | None = None

    @property
    def label(self) -> str:
        start, end = self.bounds[0]
        return self.line[: end - self.line_start]

    def own_label(self, pos: int) -> str:
        """The cell's text before ``pos``."""
        start, _ = self.bounds[self.index]
        return self.line[start - self.line_start : pos - self.line_start]

    def unit_phrase(self, pos: int) -> tuple[str, bool] | None:
        """The unit words for a figure at ``pos`` and whether they are its cell's own:
        the cell's label's ("growth, %:") else the row's ("..., bln tenge")."""
        own = _CELL_UNIT.search(self.own_label(pos))
        if own:
            return own["unit"], True
        row = _LABEL_UNIT.match(self.label)
        if row:
            return row["unit"], False
        return (self.caption_unit, False) if self.caption_unit else None

    def row_name(self) -> str:
        """The row's name: its label, or the cell after a row number ("1 | Atyrau region |
        13 204,6" -> "Atyrau region")."""
        for start, end in self.bounds[: self.index]:
            words = self.line[start - self.line_start : end - self.line_start].strip(" \t|")
            if words and not _NUMBER_CELL.fullmatch(words):
                return words
        return self.label.strip(" \t|")

    def head_word(self) -> str | None:
        """The head of the row's label, as written: "Gross domestic product, bln tenge"
        -> "product", "Investments in fixed capital, bln tenge" -> "Investments"."""
        row = _LABEL_UNIT.match(self.label)
        return label_head(row["label"] if row else self.label)


def label_head(label: str) -> str | None:
    """The head word of a row's label: the last word before a preposition or a participle,
    a bracket aside ("Investments in fixed capital" -> "Investments", "Meat (slaughter
    weight)" -> "Meat")."""
    label = _BRACKETED.sub("", label)  # "Meat (slaughter weight)" -> meat
    stop = _HEAD_STOP.search(" " + label + " ")
    words = _WORD.findall(label[: max(0, stop.start()) if stop else len(label)])
    return words[-1] if words else None


# A line's label that ends on its unit, then year-labelled figures: "– gross regional
# product per capita, thousand tenge: 2019 – 2 684,3; 2025 – 3 905,0;"
_YEAR_ROW_LABEL = re.compile(
    r"[ \t]*+(?:[–—•*-][ \t]*+)?(?P<label>\p{L}[^:\n]{2,80}?),[ \t]*+"
    r"(?P<unit>[^,:\n\d]{1,25})(?=:[ \t])"
)
_YEAR_CELL_BEFORE = re.compile(r"[:;][ \t]*+(?:19|20)\d\d[ \t]*+[–—-][ \t]*+$")


def year_row(text: str, pos: int) -> tuple[str, str] | None:
    """``(label, unit words)`` when the figure at ``pos`` is a year-labelled cell of a line
    whose label ends on its unit ("investments in fixed capital, billion tenge: 2019 –
    296,1; 2025 – 452,0"), else None."""
    line_start = text.rfind("\n", 0, pos) + 1
    row = _YEAR_ROW_LABEL.match(text, line_start, pos)
    if row is None or not _YEAR_CELL_BEFORE.search(text, row.end(), pos):
        return None
    return row["label"], row["unit"].strip()


# A caption over rows of figures: "Financing of the programme, million somoni (plan /
# actual):", "Passengers carried by municipal transport, million:"
_CAPTION = re.compile(
    r"[ \t]*+(?P<label>\p{L}[^:\n]{2,100}?),[ \t]*+(?P<unit>[^,:()\n\d]{1,25}?)[ \t]*+"
    r"(?:\((?P<columns>[^()\n]{1,80})\)[ \t]*+)?:[ \t]*+$"
    # "... were executed as follows (million rubles; plan / actual / % of plan):": the unit
    # and the columns in one bracket
    r"|[ \t]*+(?:\d{1,2}[.)][ \t]*+)?(?P<label>\p{L}[^:()\n]{2,200}+)"
    r"\((?P<unit>[^;,:()\n\d]{1,25}+);"
    r"[ \t]*+(?P<columns>[^()\n]{1,80})\)[ \t]*+:[ \t]*+$"
)
# A row of figures only: cells apart by tabs, "|" or " / ", an optional "2017:" or "Total:"
# first, or a label set off by a dash or a colon ("Wheat – 6 874,5 / 12 960,0 / 53,0", "wheat flour,
# first grade – 100,9 / 104,2")
_FIGURE_ROW = re.compile(
    r"[ \t]*+(?:(?P<year>(?:19|20)\d\d)[ \t]*+:[ \t]*+"
    r"|(?i:total|plan(?:ned)?|fact|actual|forecast|target|including)[ \t]*+:[ \t]*+"
    r"|(?P<label>\p{L}[^\n\d:|/–—]{0,60}?)[ \t]+[–—-][ \t]+"
    # "Revenues, total: 118 640,2 / 121 307,5 / 102,2": a label set off by a colon
    r"|(?P<label>\p{L}[^\n\d:|/–—]{0,60}?):[ \t]+)?"
    r"\d[\d" + HSPACE + r",.]*+(?:[ ]*+[|/\t][ \t]*+\d[\d" + HSPACE + r",.]*+)*+[ \t]*+$"
)
_CELL_SEPARATOR = re.compile(r"[|/\t]")
_YEARS_ROW = re.compile(r"[ \t]*+(?:19|20)\d\d(?:[ ]*+[|\t][ \t]*+(?:19|20)\d\d)++[ \t]*+$")
CAPTION_LINES = 12
# The longest row of figures looked at, in characters.
_ROW_CHARS = 400


@dataclass(frozen=True)
class CaptionCell:
    """A figure in a row of figures under a caption that names the unit: the caption's
    label and unit words, and the row's year ("2017: 214,0 / 188,6") or the column's, in
    a row of years above ("2015\t2017 ..."), as ``(start, end)`` in the document."""

    label: str
    unit: str
    year: tuple[int, int] | None
    # the row's own label ("Wheat" of "Wheat – 6 874,5 / 12 960,0"), and the header of the
    # figure's column in the caption's brackets ("% of plan" of "(sown / plan / % of plan)"),
    # each as ``(start, end)`` in the document, or None
    row_label: tuple[int, int] | None = None
    column: tuple[int, int] | None = None
    label_at: tuple[int, int] | None = None  # the caption's label in the document

    def in_percent(self, text: str) -> bool:
        """The figure's column holds shares or indices ("% of plan")."""
        return self.column is not None and "%" in text[slice(*self.column)]


def _short_line(text: str, pos: int) -> tuple[int, int] | None:
    """The (start, end) of the line that holds ``pos``, or None when it is longer than a
    row of a table may be (``_ROW_CHARS``; such a line is not scanned again per figure)."""
    line_start = text.rfind("\n", max(0, pos - _ROW_CHARS), pos) + 1
    line_end = text.find("\n", pos, pos + _ROW_CHARS)
    if line_end < 0 and len(text) - pos <= _ROW_CHARS:
        line_end = len(text)  # the document's last line
    if line_end < 0 or (line_start == 0 and pos > _ROW_CHARS):
        return None
    return line_start, line_end


def _lines_above(text: str, line_start: int, lines: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of up to ``lines`` lines above the line that begins at
    ``line_start``, nearest first; none past the document's start or a line longer than a
    row of a table may be (``_ROW_CHARS``)."""
    end = line_start - 1
    for _ in range(lines):
        if end <= 0:
            return
        start = text.rfind("\n", max(0, end - _ROW_CHARS), end) + 1
        if start == 0 and end > _ROW_CHARS:
            return
        yield start, end
        end = start - 1


def caption_cell(text: str, pos: int) -> CaptionCell | None:
    """The :class:`CaptionCell` of the figure at ``pos``, or None when its line is no row
    of figures under such a caption (at most ``CAPTION_LINES`` lines up)."""
    line = _short_line(text, pos)
    if line is None:
        return None  # a line this long is no row of figures (and is not read again per figure)
    line_start, line_end = line
    row = _FIGURE_ROW.fullmatch(text, line_start, line_end)
    if row is None:
        return None
    year = (row.start("year"), row.end("year")) if row["year"] else None
    years_row: tuple[int, int] | None = None
    for start, end in _lines_above(text, line_start, CAPTION_LINES):
        caption = _CAPTION.fullmatch(text, start, end)
        if caption is not None:
            if year is None and years_row is not None:
                year = _column_year(text, years_row, line_start, pos)
            label = (row.start("label"), row.end("label")) if row["label"] else None
            column = None
            if caption["columns"]:
                # the figure's column: as many cell separators before it in its row
                index = len(
                    _CELL_SEPARATOR.findall(text, row.end("label") if label else line_start, pos)
                )
                heads = [
                    m.span()
                    for m in re.finditer(
                        r"[^/|]+", text[caption.start("columns") : caption.end("columns")]
                    )
                ]
                if index < len(heads):
                    a, b = heads[index]
                    column = (caption.start("columns") + a, caption.start("columns") + b)
            return CaptionCell(
                caption["label"],
                caption["unit"].strip(),
                year,
                label,
                column,
                caption.span("label"),
            )
        if _YEARS_ROW.fullmatch(text, start, end):
            years_row = (start, end)
        elif not text[start:end].strip():
            continue  # a blank line between the caption and its rows
        elif not _FIGURE_ROW.fullmatch(text, start, end):
            return None  # a line of words that is no caption: no table here
    return None


def _column_year(
    text: str, years_row: tuple[int, int], line_start: int, pos: int
) -> tuple[int, int] | None:
    """The year over the figure at ``pos`` in a row of years: the same cell, by tabs or "|"."""
    column = len(_SEPARATOR.findall(text, line_start, pos))
    starts = [years_row[0]] + [m.end() for m in _SEPARATOR.finditer(text, *years_row)]
    if column >= len(starts):
        return None
    m = re.compile(r"[ \t]*+((?:19|20)\d\d)").match(text, starts[column])
    return (m.start(1), m.end(1)) if m else None


def table_cell(text: str, pos: int) -> Cell | None:
    """The table cell at ``pos``, when its line is a row of three or more cells and
    ``pos`` is past the row's label; else None."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.count("|") + line.count("\t") < 2:  # most lines: no table, no regex scan
        return None
    cuts = [m.start() for m in _SEPARATOR.finditer(line)]
    edges = [-1, *cuts, len(line)]
    bounds = tuple(
        (line_start + a + 1, line_start + b) for a, b in zip(edges, edges[1:], strict=False)
    )
    index = next((i for i, (a, b) in enumerate(bounds) if a <= pos <= b), 0)
    if index == 0:
        return None
    if len(_WORD.findall(text, *bounds[index])) > _CELL_WORDS:
        # "Related news: GDP grew 5.7% | Remittances in eight months: $1.52 billion | ...":
        # headlines set apart by bars are sentences, not the cells of a table
        return None
    caption_unit = None
    if not _LABEL_UNIT.match(line[: bounds[0][1] - line_start]):
        caption_unit = _caption_unit(text, line_start)
    return Cell(line_start, line, bounds, index, caption_unit)


# The caption line over a table's rows that names their unit after a comma: "Payments by
# type, million rubles", "Exports by country, mln US dollars:".
_TABLE_CAPTION = re.compile(
    r"[ \t]*+\p{L}[^,|\t\n]{2,100}?,[ \t]*+(?P<unit>[^,:()|\t\n\d]{1,25}?)[ \t]*+:?[ \t]*+"
)


def _caption_unit(text: str, line_start: int) -> str | None:
    """The unit words of the caption line right over a table's rows (every line between
    a row of cells too), or None."""
    for start, end in _lines_above(text, line_start, HEADER_LINES):
        line = text[start:end]
        if line.count("|") + line.count("\t") >= 2:
            continue  # another row, or the header row
        caption = _TABLE_CAPTION.fullmatch(text, start, end)
        return caption["unit"] if caption else None
    return None


def _column_above(text: str, cell: Cell) -> Iterator[tuple[int, int]]:
    """The cells of the same column in the rows above, nearest first: each earlier row of
    as many cells, up to where the table ends (a line with no separator), as (start, end)
    in the document."""
    end = cell.line_start - 1
    for _ in range(HEADER_LINES):
        if end <= 0:
            return
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        cuts = [m.start() for m in _SEPARATOR.finditer(line)]
        if not cuts:
            return  # the table ended
        if len(cuts) + 1 == len(cell.bounds):
            edges = [-1, *cuts, len(line)]
            yield start + edges[cell.index] + 1, start + edges[cell.index + 1]
        end = start - 1


def header_cell(text: str, cell: Cell) -> tuple[int, int] | None:
    """The cell of the same column in the header row above: the nearest earlier row of
    as many cells whose cell in that column holds a year and no other figure ("2023",
    "Q3 2024"), or a year against another ("2021 in % to 2020"). Its (start, end) in the
    document."""
    for a, b in _column_above(text, cell):
        if _YEAR_CELL.fullmatch(text[a:b]) or _CHANGE_YEAR_CELL.fullmatch(text[a:b]):
            return a, b
    return None


def title_above(text: str, cell: Cell) -> tuple[int, int] | None:
    """The line right above the first row of the table the cell is in (its title: "Table 2.
    Livestock in all categories of farms as of 1 October 2019"), a line with no cell
    separator, as (start, end) in the document; None when a blank line or the text's start
    ends the table first."""
    start = cell.line_start
    for _ in range(HEADER_LINES):
        if start <= 0:
            return None
        above = text.rfind("\n", max(0, start - 1 - _TITLE_REACH), start - 1) + 1
        line = text[above : start - 1]
        if not _SEPARATOR.search(line):
            if line.strip():
                return above, start - 1
            # "Annex. New schools to be built in 2014-2016\n\nCity | schools | ...": one
            # blank line between a short title (no sentence ending in a full stop) and its
            # table
            over = text.rfind("\n", max(0, above - 1 - _TITLE_REACH), above - 1) + 1
            title = text[over : above - 1]
            if above > 0 and _SHORT_TITLE.fullmatch(title) and not _SEPARATOR.search(title):
                return over, above - 1
            return None
        start = above
    return None


# How long a title line may be, and what one looks like across a blank line: short, and
# no sentence that ends in a full stop
_TITLE_REACH = 300
_SHORT_TITLE = re.compile(r"[ \t]*+\S[^\n]{0,158}?[^.\s][ \t]*+")


def column_header(text: str, cell: Cell) -> str | None:
    """The words heading the cell's column: its cell in the header row above (the nearest
    earlier row of as many cells whose cell in that column holds words, not a figure),
    stripped ("growth, %", "places", "mln som"); None when no row above has one."""
    for a, b in _column_above(text, cell):
        head = text[a:b]
        if not _FIGURE_ONLY.fullmatch(head):
            return head.strip()
    return None


def percent_column(text: str, cell: Cell) -> bool:
    """Whether the header row above says the column is in percent: "Indicator | 2020 |
    2021 | 2021 in % to 2020", "... | growth, %"."""
    head = column_header(text, cell)
    return head is not None and bool(_PERCENT_HEADER.search(head))


# A list item that names its unit after its label and a comma, its figure after a colon:
# "– electricity, million kWh: 4 112,6", "coal, thousand tons: 6 284,3 (101,9);". The
# label starts the line or follows a dash, a semicolon or the bracket of the item before.
_ITEM_UNIT = re.compile(
    r"(?:^|[–—•;]|\)\s)[ \t]*+(?P<label>[^–—•;:()|\t\n,]{2,60}+),[ \t]*+"
    r"(?P<unit>[^,:;()|\t\n]{1,25}?)[ \t]*+:[ \t]*+$"
)
# The item's figure before a bracket: "6 284,3 (" (the bracket's figure is of that item).
_FIGURE_BEFORE_BRACKET = re.compile(r"\d[\d" + HSPACE + r".,]*+[ \t]*+\($")
# A caption that says what bare figures in brackets are: "(in brackets: in percent of
# January 2011)", "in brackets – in % to the same period".
_BRACKETS_PERCENT = re.compile(
    r"(?i)\bin\s+brackets\s*+[:–—-]?\s*+(?:in\s+)?(?:percent|per\s+cent|%)"
)
ITEM_CHARS = 90


def item_unit(text: str, pos: int) -> tuple[str, str] | None:
    """The label and the unit words a list item gives its figure at ``pos`` ("– coal,
    thousand tons: 6 284,3" -> ("coal", "thousand tons")); for a figure in brackets after
    the item's own, the item's. None elsewhere."""
    line_start = text.rfind("\n", 0, pos) + 1
    figure = _FIGURE_BEFORE_BRACKET.search(text, max(line_start, pos - 30), pos)
    if figure is not None:
        pos = figure.start()
    found = _ITEM_UNIT.search(text, max(line_start, pos - ITEM_CHARS), pos)
    return (found["label"].strip(), found["unit"]) if found else None


# A list row's amount with its unit words right before a bracket: "– pig iron – 3 612.8
# thous. tonnes (", "cement – 1 388,7 thousand tons ("
_AMOUNT_BEFORE_BRACKET = re.compile(
    r"[–—-][ \t]*+\d[\d" + HSPACE + r".,]*+[ \t]*+(?:[\p{L}.]++[ \t]*+){1,3}\($"
)


def bracket_percent(text: str, start: int, end: int, reach: int = 600) -> bool:
    """A bare figure in brackets after a list item's figure, where a caption above says
    the brackets hold percentages ("(in brackets: in percent of January 2011)"): the item
    names its unit after a comma ("– coal, thousand tons: 6 284,3 (101,9)") or after its
    figure ("– pig iron – 3 612.8 thous. tonnes (101.9);")."""
    if not (text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if (
        item_unit(text, start) is None
        and _AMOUNT_BEFORE_BRACKET.search(text, max(line_start, start - 60), start) is None
    ):
        return False
    return bool(_BRACKETS_PERCENT.search(text, max(0, start - reach), start))


# A caption line, or a title line's last bracket, that says the figures under it are
# percentages of a base: "(January-August 2018 in % to January-August 2017)", "(in
# percent of the same period of 2022)", "Shipments by branch (2021 in % to 2020)"
_PERCENT_CAPTION = re.compile(
    r"(?:[^\n()]{0,120}?[ \t])?[ \t]{0,8}+\((?:[^()\n]{0,60}?\s)?(?:in\s+)?"
    r"(?:%|percent|per\s+cent)\s+(?:to|of|against|compared\s+with)\s[^()\n]{1,60}\)[ \t]{0,8}+"
)
# A row under it: a label, a dash and a bare figure ending the line ("Mining and
# quarrying – 106.9", "  of which: mining of metal ores – 93.6")
_CAPTIONED_ROW = re.compile(
    r"[ \t]{0,12}+\p{L}[^\n]{0,160}?[ \t][–—-][ \t]{1,8}+\d[\d"
    + HSPACE
    + r".,]{0,24}+[;.]?[ \t]{0,8}+"
)
CAPTION_ROWS = 40


def percent_caption_row(text: str, start: int, end: int) -> bool:
    """A bare figure ending a "label – figure" row in a run of such rows under a caption
    line that says they are percentages of a base ("(January-August 2018 in % to
    January-August 2017)"), as statistics releases print indices by branch or product."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not _CAPTIONED_ROW.fullmatch(text, line_start, line_end):
        return False
    for _ in range(CAPTION_ROWS):
        if line_start == 0:
            return False
        end_above = line_start - 1
        start_above = text.rfind("\n", 0, end_above) + 1
        if _PERCENT_CAPTION.fullmatch(text, start_above, end_above):
            return True
        if not _CAPTIONED_ROW.fullmatch(text, start_above, end_above):
            return False
        line_start = start_above
    return False


# A table's title line, as reports print them: "Table 2. Investments in fixed capital by
# region in 2018, billion soums", "Table 1: Main indicators of the oblast, million som".
_TABLE_TITLE = re.compile(
    r"(?:\G|(?<!\s))[ \t]*+Table[ \t]++\d{1,3}[.:]?[ \t]++(?P<title>\p{L}[^\n]{3,160}?)[ \t]*+$"
)
# Cells of a table laid out by a PDF-to-text tool: apart by a tab or by two spaces or more.
WIDE_GAP = re.compile(r"\t[ \t]*+| {2,}+")
TITLE_LINES = 15


@dataclass(frozen=True)
class TitledCell:
    """A figure in a table under a title line ("Table 2. ..., billion soums") whose cells
    stand apart by tabs or runs of spaces: the title, the unit words after its last comma
    (None when it has none), the row's label, the header cell above the figure's column
    (as ``(start, end)`` in the document, when the header row has as many cells)."""

    title: str
    unit: str | None
    label: str
    header: tuple[int, int] | None

    def label_is_place(self) -> bool:
        """The row is a place ("Tashkent city", "Naryn region"): the figure is of what the
        title names, not of its label."""
        return bool(_PLACE_LABEL.search(self.label))


_NUMBER_CELL = re.compile(r"[ \t]*+[\d" + HSPACE + r".,%()+–-]++[ \t]*+")
_PLACE_LABEL = re.compile(r"(?i)\b(?:region|city|oblast|district|province|krai|republic|okrug)\b")
# A row that sums the rows above: "Total", "Total:", "In total", "All"
_TOTAL_LABEL = re.compile(r"(?i)(?:in\s+)?total:?|all:?|overall:?")


def names_a_place_or_total(label: str) -> bool:
    """The row's name is a place ("Khujand city", "Atyrau region") or the total of the rows
    above it: its figures are of what their column heads, not of the row."""
    return bool(_PLACE_LABEL.search(label) or _TOTAL_LABEL.fullmatch(label.strip()))


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a line, apart by tabs or runs of spaces."""
    cells, at = [], start
    for gap in WIDE_GAP.finditer(text, start, end):
        if gap.start() > at:
            cells.append((at, gap.start()))
        at = gap.end()
    if end > at:
        cells.append((at, end))
    return cells


def titled_cell(text: str, pos: int) -> TitledCell | None:
    """The :class:`TitledCell` of the figure at ``pos``, or None when its line is no row of
    a table under a "Table N." title (at most ``TITLE_LINES`` lines up, every line between
    a row of cells too)."""
    line = _short_line(text, pos)
    if line is None:
        return None
    line_start, line_end = line
    row = _cells(text, line_start, line_end)
    index = next((i for i, (a, b) in enumerate(row) if a <= pos < b), None)
    if index is None or index == 0 or len(row) < 2:
        return None  # a row's label, or a line of one cell: no figure of a table
    header_line: tuple[int, int] | None = None
    for start, end in _lines_above(text, line_start, TITLE_LINES):
        title = _TABLE_TITLE.fullmatch(text, start, end)
        if title is not None:
            if header_line == (line_start, line_end):
                return None  # the header row itself
            header = None
            if header_line is not None:
                cells = _cells(text, *header_line)
                if len(cells) == len(row):
                    header = cells[index]
            words = title["title"]
            comma = words.rfind(",")
            unit = words[comma + 1 :].strip() if comma >= 0 else None
            # the row's label: the nearest cell of words before the figure ("Batken region
            # 104,1   Naryn region   103,2": two columns of pairs on one line)
            label = next(
                (
                    text[a:b].strip()
                    for a, b in reversed(row[:index])
                    if _WORD.search(text, a, b) and not _NUMBER_CELL.fullmatch(text, a, b)
                ),
                "",
            )
            return TitledCell(words, unit or None, label, header)
        if text[start:end].strip():
            if len(_cells(text, start, end)) < 2:
                return None  # a line of running text: no table here
            header_line = (start, end)
    return None
