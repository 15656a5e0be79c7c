"""Periods of facts: a start and an end that never run backwards.

ISO dates here have mixed precision ("2024", "2024-06", "2024-06-03"): two of them compare
at the coarser precision, so "2024" and "2024-06" are equal and neither is after the other.
A period whose start lies after its end is no period at all; :func:`ordered_period` is the
one gate every period of a fact passes through.
"""

from __future__ import annotations


def iso_cmp(a: str | None, b: str | None) -> int:
    """Compare two ISO dates at the coarser precision: -1, 0 or 1; 0 when either is unknown."""
    if not a or not b:
        return 0
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def ordered_period(
    period: tuple[str | None, str | None] | None,
) -> tuple[str | None, str | None] | None:
    """``period`` when it is one, else ``None``.

    ``None`` for no period, for ``(None, None)`` and for a period that ends before it
    begins ("from 2025 to 2023": a wrong date is worse than none). An open end (``None``)
    is kept: "since July 2019" with no document date is ``("2019-07", None)``.
    """
    if period is None:
        return None
    start, end = period
    if not start and not end:
        return None
    if iso_cmp(start, end) > 0:
        return None
    return start, end
