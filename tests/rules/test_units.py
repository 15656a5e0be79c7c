"""The unit lexicon: surfaces and symbols to unit codes and kinds, pure (no spaCy)."""

import pytest

from extractor.rules.units import CURRENCY_CODES, load_lexicon, rate_code

LEXICON = load_lexicon()


@pytest.mark.parametrize(
    "surface,code",
    [
        ("tenge", "KZT"), ("₸", "KZT"), ("KZT", "KZT"), ("dollars", "USD"), ("$", "USD"),
        ("rubles", "RUB"), ("roubles", "RUB"), ("soums", "UZS"), ("som", "KGS"),
        ("somoni", "TJS"), ("euro", "EUR"), ("tons", "t"), ("tonnes", "t"), ("hectares", "ha"),
        ("square meters", "m2"), ("kilometers", "km"), ("megawatts", "MW"), ("percent", "%"),
        ("centners", "centner"), ("Gcal", "Gcal"),
        # the currencies of lenders and donors, and a currency named with its country
        ("CHF", "CHF"), ("Swiss francs", "CHF"), ("SDR", "XDR"), ("yen", "JPY"),
        ("Russian rubles", "RUB"), ("Kyrgyz soms", "KGS"), ("Uzbek soums", "UZS"),
        ("Tajik somoni", "TJS"), ("Kazakh tenge", "KZT"), ("Chinese yuan", "CNY"),
    ],
)  # fmt: skip
def test_surfaces_map_to_codes(surface, code):
    assert LEXICON.code_of(surface) == code


@pytest.mark.parametrize(
    "code,kind",
    [("KZT", "currency"), ("USD", "currency"), ("t/year", "mass"), ("ha", "area"),
     ("job", "count"), ("school", "count"), ("year", "time")],
)  # fmt: skip
def test_kinds(code, kind):
    assert LEXICON.kind_of(code) == kind


@pytest.mark.parametrize("word", ["region", "schools", "increase", "the"])
def test_words_that_are_no_units(word):
    assert LEXICON.code_of(word) is None


@pytest.mark.parametrize(
    "surface,code",
    [("per year", "year"), ("per  annum", "year"), ("a day", "day"), ("Per Month", "month")],
)
def test_rate_denominators(surface, code):
    assert rate_code(LEXICON, surface) == code


def test_every_currency_code_the_patterns_know_is_a_currency_of_the_lexicon():
    lexicon = load_lexicon()
    for code in CURRENCY_CODES:
        assert code in lexicon.prefix_codes, code
        assert lexicon.kind_of(lexicon.prefix_codes[code]) == "currency", code
