"""The extractor_quantities component in the real pipeline: span, value, unit, qualifier."""

import pytest


def _quantity(records, text):
    return next(r for r in records if r["label"] == "QUANTITY" and r["text"] == text)


@pytest.mark.parametrize(
    "sentence,span,value,unit,qualifier",
    [
        ("More than 65 thousand new jobs were created.", "65 thousand new jobs", 65000, "job", "over"),
        ("Products worth 600 billion tenge were produced.", "600 billion tenge", 6e11, "KZT", None),
        ("The yield was 19.7 q/ha this year.", "19.7 q/ha", 19.7, "centner/ha", None),
        ("Output grew by 110,7% over the year.", "110,7%", 110.7, "%", None),
        ("About 1 500 tons of meat per year are processed.", "1 500 tons", 1500, "t/year", "approx"),
        ("Exports increased 1.6 times.", "1.6 times", 1.6, "x", None),
        ("The plant cost KZT232.6bn.", "KZT232.6bn", 2.326e11, "KZT", None),
    ],
)  # fmt: skip
def test_quantity_records(extract, sentence, span, value, unit, qualifier):
    record = _quantity(extract(sentence, date="2024-01-10"), span)
    assert (record["value"], record["unit"], record["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "sentence",
    ["School No. 50 was repaired.", "Call 112 in an emergency.", "The third workshop opened."],
)
def test_not_quantities(extract, sentence):
    assert not [r for r in extract(sentence, date="2024-01-10") if r["label"] == "QUANTITY"]


def test_a_range_has_low_and_high(extract):
    record = _quantity(
        extract("Children aged 3 to 6 years attend.", date="2024-01-10"), "3 to 6 years"
    )
    assert (record["value"], record["low"], record["high"], record["unit"]) == (None, 3, 6, "year")
