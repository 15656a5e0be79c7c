"""Countries by name and nationality, and the country a document is at home in."""

from __future__ import annotations

import pytest

from extractor.rules.countries import load_countries


@pytest.mark.parametrize(
    "text,country",
    [
        ("China", "China"),
        ("Chinese", "China"),
        ("the Russian Federation", "Russia"),
        ("Türkiye", "Turkey"),
        ("Kazakhstani", "Kazakhstan"),
        ("Almaty", None),  # a city is no country
        ("Muslims", None),
    ],
)
def test_country_of(text, country):
    assert load_countries().country_of(text) == country


@pytest.mark.parametrize(
    "currencies,places,home",
    [
        (["KZT", "USD", "KZT", "UZS"], [], "Kazakhstan"),  # its local currency, most often
        (["USD", "EUR"], ["Uzbekistan", "China", "Uzbekistan"], "Uzbekistan"),  # else names
        # a place inside a country names it too ("Tashkent region" is in Uzbekistan)
        (["USD"], ["China", "China", "Tashkent region", "Samarkand", "Uzbekistan"], "Uzbekistan"),
        (["USD"], ["Atlantis"], None),
        ([], [], None),
    ],
)
def test_home(currencies, places, home):
    assert load_countries().home(currencies, places) == home
