"""What a person types while labelling, read: span texts, amounts, dates, head words.

A span added by hand is pre-filled by the pure rules (no model): its value, unit and
qualifier from :mod:`extractor.rules.quantex`, its dates from :mod:`extractor.rules.timex`.
"""

from __future__ import annotations

import regex as re

from ..rules.numbers import to_number
from ..rules.timex import DocDate, find_times, resolve, tense_of
from ..schema import QUALIFIERS
from .context import sentence_bounds

NONE_WORDS = frozenset({"-", "none", "null", "—"})


def find_occurrences(text: str, typed: str) -> list[tuple[int, int]]:
    """Where ``typed`` occurs in ``text``, any run of whitespace matching any other.

    Exact-case matches are returned when there are any, else case-insensitive ones.
    """
    words = typed.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    for flags in (0, re.IGNORECASE):
        found = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
        if found:
            return found
    return []


def parse_amount(
    typed: str,
) -> tuple[float | int | None, float | int | None, float | int | None] | None:
    """An amount as typed: "6e11", "1,500", "1.5 trillion", "3-6", "8,000 to 18,000".

    Returns:
        ``(value, low, high)``: a value with no range, or a range with value None; None
        when the text is no amount.
    """
    typed = typed.strip()
    try:
        number = float(typed)
    except ValueError:
        pass
    else:
        return (int(number) if number.is_integer() else number), None, None
    from ..rules.quantex import find_candidates

    cands = find_candidates(typed)
    if len(cands) != 1 or cands[0].start > 0 or typed[cands[0].end :].strip():
        return None
    cand = cands[0]
    if cand.is_range:
        return None, to_number(cand.low), to_number(cand.high)
    return (to_number(cand.value) if cand.value is not None else None), None, None


def parse_date(typed: str) -> str | None:
    """An ISO date at any precision, or None for "-"/"none".

    Raises:
        ValueError: when it is neither.
    """
    typed = typed.strip()
    if typed.lower() in NONE_WORDS:
        return None
    parsed = DocDate.parse(typed)
    if parsed is None:
        raise ValueError(f"{typed!r} is not an ISO date (2020, 2020-03, 2020-03-05) or '-'")
    return parsed.iso()


def parse_qualifier(typed: str) -> str | None:
    """A qualifier (approx, over, under, min, max) or None for "-"/"none".

    Raises:
        ValueError: when it is neither.
    """
    typed = typed.strip().lower()
    if typed in NONE_WORDS:
        return None
    if typed not in QUALIFIERS:
        raise ValueError(f"{typed!r} is not one of {', '.join(QUALIFIERS)} or '-'")
    return typed


def parse_heads(typed: str) -> list[str] | None:
    """Acceptable head words, comma-separated ("investment, volume"); None for "-"/"none"."""
    if typed.strip().lower() in NONE_WORDS:
        return None
    heads = [w.strip().lower() for w in typed.split(",") if w.strip()]
    return heads or None


def prefill(text: str, start: int, end: int, label: str, date: str | None) -> dict:
    """A new span's record with the fields the pure rules can read from the text.

    Args:
        text: the document text.
        start: the span's start.
        end: the span's end.
        label: its label.
        date: the document date, for relative time expressions.

    Returns:
        ``{"label", "start", "end", "text", ...}`` with the value, unit and qualifier of a
        quantity, or the dates of a time expression, where the rules find them.
    """
    rec: dict = {"label": label, "start": start, "end": end, "text": text[start:end]}
    lo, hi = sentence_bounds(text, start, end)
    sentence = text[lo:hi]
    if label == "QUANTITY":
        from ..rules.quantex import find_candidates, singular

        rec.update({"value": None, "low": None, "high": None, "unit": None, "qualifier": None,
                    "measured": None, "time_start": None, "time_end": None})  # fmt: skip
        for cand in find_candidates(sentence):
            if lo + cand.start == start:
                if cand.is_range:
                    rec["low"], rec["high"] = to_number(cand.low), to_number(cand.high)
                elif cand.value is not None:
                    rec["value"] = to_number(cand.value)
                rec["unit"], rec["qualifier"] = cand.unit, cand.qualifier
                if cand.unit is None and lo + cand.end < end:
                    # a counted noun ends the span: "12 new schools" counts schools
                    rec["unit"] = singular(text[start:end].split()[-1]).lower()
                    rec["measured"] = [rec["unit"]]
                break
    elif label == "TIME":
        rec["time_start"] = rec["time_end"] = None
        for match in find_times(sentence):
            if lo + match.start == start:
                rec["time_start"], rec["time_end"] = resolve(
                    match, DocDate.parse(date), tense=tense_of(sentence)
                )
                break
    return rec


def guess_label(text: str, start: int, end: int) -> str:
    """QUANTITY when the span starts with a quantity the rules read, TIME when it is a
    time expression, else GPE (the commonest entity in the genre)."""
    from ..rules.quantex import find_candidates

    span = text[start:end]
    if any(c.start == 0 for c in find_candidates(span)):
        return "QUANTITY"
    if any(m.start == 0 and m.end == len(span) for m in find_times(span)):
        return "TIME"
    return "GPE"
