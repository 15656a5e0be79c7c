"""Lists in text: bulleted items, each on a line of its own, under a header line that ends
in a colon.

    The 2013 road programme of the city includes:
    – capital repair of 23 streets with a length of 41,2 km;
    – current repair of 44,8 km of streets and roads;

Nothing here imports spaCy.
"""

from __future__ import annotations

from regex import Pattern

from .rx import BULLET, HSPACE, rx

ITEM_START = rx(r"[ \t]*+" + BULLET + r"[ \t]")
# A row with no bullet that is only a short label, a dash and a figure ("Russia – 402,6"),
# as tables pasted from a page print them under a header with the unit.
PLAIN_ROW = rx(
    r"[ \t]*+\p{L}[^\n\d:–—]{0,48}?[ \t]+[–—-][ \t]+\d[\d" + HSPACE + r".,]*+[;.]?[ \t]*+(?:\n|$)"
)
_ROW_OR_ITEM = rx(ITEM_START.pattern + "|" + PLAIN_ROW.pattern)
# A numbered item: "1. To bring the revenues ...", "2) to asphalt ..."
NUMBERED_START = rx(r"[ \t]{0,4}+\d{1,2}[.)][ \t]")
_NUMBERED_OR_ITEM = rx(ITEM_START.pattern + "|" + NUMBERED_START.pattern)
# How many items a header may stand above, and how long a line of the list may be.
MAX_ITEMS = 60
MAX_LINE = 500


def list_header_colon(text: str, pos: int, numbered: bool = False) -> int | None:
    """The offset of the colon that ends the header of the list whose item holds ``pos``:
    the item's line starts with a bullet (or, with ``numbered``, a number and a point:
    "1. To bring ..."), every line between it and the header is an item too, and the
    header is the nearest line above them that ends in a colon. None when ``pos`` is on
    no such item."""
    newline = text.rfind("\n", max(0, pos - MAX_LINE), pos)
    if newline < 0:
        return None
    if ITEM_START.match(text, newline + 1):
        return header_colon_above(text, newline + 1)
    if numbered and NUMBERED_START.match(text, newline + 1):
        return header_colon_above(text, newline + 1, _NUMBERED_OR_ITEM)
    if PLAIN_ROW.match(text, newline + 1):
        return header_colon_above(text, newline + 1, _ROW_OR_ITEM)
    return None


def header_colon_above(text: str, line_start: int, item: Pattern = ITEM_START) -> int | None:
    """The offset of the colon that ends the nearest line above ``line_start`` ending in
    one, when every line between is an item (its start matches ``item``); else None."""
    end = line_start - 1
    for _ in range(MAX_ITEMS):
        if end <= 0:
            return None
        start = text.rfind("\n", max(0, end - MAX_LINE), end) + 1
        if start == 0 and end > MAX_LINE:
            return None  # a line too long for a list's header or item
        line = text[start:end].rstrip()
        if line.endswith(":"):
            return start + len(line) - 1
        if not item.match(line):
            return None  # not a run of items under one header
        end = start - 1
    return None
