"""Compiled regular expressions, cached by pattern.

``regex``'s own cache costs a lookup with flag arithmetic on every ``regex.match(pattern,
...)`` call; on hot paths (every number of every document) that was a third of the
extraction time. ``rx(pattern).match(...)`` compiles once per process.
"""

from __future__ import annotations

import regex

_COMPILED: dict[tuple[str, int], regex.Pattern] = {}


def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """The compiled pattern (cached)."""
    key = (pattern, flags)
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = _COMPILED[key] = regex.compile(pattern, flags)
    return compiled


def compiled_patterns() -> list[regex.Pattern]:
    """Every pattern compiled through :func:`rx` so far in this process."""
    return list(_COMPILED.values())


# Where a pattern that starts with whitespace (``\s*unit``, ``\s+of``) may start: where a
# search began (``\G``: the position given to ``match``) or at the first character of a
# run of whitespace. Matches are the same (the earliest start of such a match is always
# one of these), but a scan no longer tries the pattern from every space of a long run,
# which made ``finditer``/``search`` quadratic in the run's length.
WS_START = r"(?:\G|(?<!\s))"


# The spaces that stand inside a number or between it and its unit, as a character class's
# contents: a plain space, and the no-break ones web pages and PDFs put there ("6 874,5"
# with U+00A0, "27 418,6" with a thin U+2009, "1 240" with a narrow U+202F, a figure
# space U+2007).
ODD_SPACES = "\u00a0\u2007\u2009\u202f"  # the spaces but the plain one
HSPACE = " " + ODD_SPACES


# A list item's bullet or dash at the start of its line: "• Tashkent region – ...", "- 2025: ..."
# (with the glyphs a PDF-to-text tool leaves for Symbol and Wingdings bullets: U+F0A7,
# U+F0B7, U+F0D8 and the rest of the private use block they come from)
# A list's bullet glyph that is never a dash or a hyphen.
# (and the emoji posts set their items with: "▪️", "🔹", "✅", "📌", "➖", each with its
# optional variation selector)
_EMOJI_BULLET = r"[\u2190-\u2bff\U0001F000-\U0001FAFF]\ufe0f?"
BULLET_GLYPH = r"(?:[•·●▪■◦‣⁃]|" + _EMOJI_BULLET + r")"
BULLET = r"(?:[•·●▪■◦‣⁃*–—\-\uf020-\uf0ff]|" + _EMOJI_BULLET + r")"


# Where a sentence ends inside a window of text: a full stop, "!" or "?" before a capital.
# Not the dot of a scale written short before its currency code, as translated reports
# write amounts ("8 002,0 mln. USD against 5 842,9 mln. USD a year earlier").
SENTENCE_END = (
    r"(?<!\b(?:thous|thsd|ths|mln|mn|bln|bn|trln|tln|trl)(?=\.\s+\p{Lu}{3}\b))"
    r"[.!?]\s+(?=\p{Lu})"
)
