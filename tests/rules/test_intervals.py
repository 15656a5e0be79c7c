"""Span indexes by bisection (pure): the same answers as the all-pairs tests they replace."""

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.rules.intervals import ByStart, SpanIndex


@dataclass(frozen=True)
class Item:
    start_char: int
    end_char: int


spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), max_size=40).map(
    lambda pairs: [Item(s, s + n) for s, n in pairs]
)


@given(spans, st.integers(-5, 240), st.integers(-5, 240))
def test_between_is_the_filter_it_replaces(items, lo, hi):
    index = ByStart(items)
    expected = sorted((i for i in items if lo <= i.start_char < hi), key=lambda i: i.start_char)
    assert [i.start_char for i in index.between(lo, hi)] == [i.start_char for i in expected]


@given(spans, st.integers(-5, 240), st.integers(-5, 240))
def test_backwards_is_between_reversed(items, lo, hi):
    index = ByStart(items)
    assert list(index.backwards(lo, hi)) == list(reversed(index.between(lo, hi)))


@given(spans, st.integers(-5, 240))
def test_first_from(items, pos):
    after = [i.start_char for i in items if i.start_char >= pos]
    found = ByStart(items).first_from(pos)
    assert (found.start_char if found else None) == (min(after) if after else None)


@given(spans, st.integers(0, 240), st.integers(1, 20))
def test_span_index_is_the_all_pairs_test(items, start, n):
    index = SpanIndex((i.start_char, i.end_char) for i in items)
    end = start + n
    assert index.overlaps(start, end) == any(
        start < i.end_char and i.start_char < end for i in items
    )
    assert index.contains(start, end) == any(
        i.start_char <= start and end <= i.end_char for i in items
    )


@pytest.mark.parametrize("pos,expected", [(0, 10), (10, 10), (11, 30), (31, None)])
def test_first_from_table(pos, expected):
    found = ByStart([Item(30, 35), Item(10, 12)]).first_from(pos)
    assert (found.start_char if found else None) == expected
