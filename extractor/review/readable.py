"""Facts for people: "1.5 trn KZT", "65,000 job", "3–6 year", "2015 – 2019".

Pure string functions shared by the terminal tables (:mod:`extractor.cli.render`) and the
HTML page (:mod:`extractor.io.html`).
"""

from __future__ import annotations

_SCALES = ((1e12, "trn"), (1e9, "bn"), (1e6, "mn"), (1e3, "thousand"))


def readable_number(value: float | int | None) -> str:
    """1.5e12 -> "1.5 trn", 65000 -> "65,000", 110.7 -> "110.7"."""
    if value is None:
        return ""
    for size, word in _SCALES[:3]:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def readable_amount(rec: dict) -> str:
    """A quantity's value and unit for people: "1.5 trn KZT", "3–6 year"."""
    if rec.get("value") is None and rec.get("low") is not None:
        amount = f"{readable_number(rec['low'])}–{readable_number(rec['high'])}"
    else:
        amount = readable_number(rec.get("value"))
    return f"{amount} {rec.get('unit') or ''}".strip()


def period_of(rec: dict) -> str:
    """A record's period: "2015 – 2019", "2020", or "" when it has none."""
    start, end = rec.get("time_start"), rec.get("time_end")
    if not start and not end:
        return ""
    if start == end:
        return start or ""
    return f"{start or '?'} – {end or '?'}"


def fact_value(rec: dict) -> str:
    """What a fact states: "1.5 trn KZT" for a quantity, a person's title, else ""."""
    if rec["label"] == "QUANTITY":
        return readable_amount(rec)
    if rec["label"] == "PERSON":
        return rec.get("title") or ""
    return ""
