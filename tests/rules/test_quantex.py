"""Quantity candidates from raw text, without the parse: one row per phenomenon."""

import pytest

from extractor.rules.quantex import find_candidates
from extractor.rules.units import load_lexicon


def only(text):
    cands = [c for c in find_candidates(text) if c.unit is not None]
    assert len(cands) == 1, [(text[c.start : c.end], c.unit) for c in cands]
    c = cands[0]
    return text[c.start : c.end], None if c.value is None else float(c.value), c.unit, c.qualifier


@pytest.mark.parametrize(
    "text,span,value,unit,qualifier",
    [
        ("products worth 600 billion tenge were made", "600 billion tenge", 6e11, "KZT", None),
        ("has reached $ 19 million.", "$ 19 million", 1.9e7, "USD", None),
        ("US$ 35.1 billion of FDI", "US$ 35.1 billion", 3.51e10, "USD", None),
        ("KZT 530 bln was spent", "KZT 530 bln", 5.3e11, "KZT", None),
        ("costs KZT232.6bn in total", "KZT232.6bn", 2.326e11, "KZT", None),
        # a spaced "m" or "b" after a currency code is its scale ("USD 15,2 m")
        ("a grant (USD 15,2 m at the rate of that time)", "USD 15,2 m", 1.52e7, "USD", None),
        ("contracts worth USD 120 m were signed", "USD 120 m", 1.2e8, "USD", None),
        ("a loan of USD 1,5 b.", "USD 1,5 b", 1.5e9, "USD", None),
        ("a KZT2trl programme", "KZT2trl", 2e12, "KZT", None),
        ("1,258.3bn tg in revenue", "1,258.3bn tg", 1.2583e12, "KZT", None),
        ("priced at ₸ 450 per unit", "₸ 450 per unit", 450, "KZT/unit", None),
        ("90 tenge per liter of gas", "90 tenge per liter", 90, "KZT/l", None),
        (
            "an exchange rate of 470 tenge per US dollar",
            "470 tenge per US dollar",
            470,
            "KZT/USD",
            None,
        ),
        # hundredths of a currency: alone they are its hundredths, after it they add on
        ("a ticket costs 40 kopecks", "40 kopecks", 0.4, "RUB", None),
        (
            "seventy tyiyn per kilowatt-hour",
            "seventy tyiyn per kilowatt-hour",
            0.7,
            "KGS/kWh",
            None,
        ),
        (
            "52 rubles 40 kopecks per cubic metre",
            "52 rubles 40 kopecks per cubic metre",
            52.4,
            "RUB/m3",
            None,
        ),
        ("is now one som twenty-seven tyiyn.", "one som twenty-seven tyiyn", 1.27, "KGS", None),
        ("a rise of 3 tenge and 50 tiyn", "3 tenge and 50 tiyn", 3.5, "KZT", None),
        ("bread went up by 25 dirams", "25 dirams", 0.25, "TJS", None),
        ("900 soums 50 tiyins a kilogram", "900 soums 50 tiyins a kilogram", 900.5, "UZS/kg", None),
        ("3 trillion 100 billion tenge", "3 trillion 100 billion tenge", 3.1e12, "KZT", None),
        # a newspaper's line wrap between a scale word and its unit
        (
            "manufactured 655.8 trillion\nsoums worth of products",
            "655.8 trillion\nsoums",
            6.558e14,
            "UZS",
            None,
        ),
        ("Tashkent region ranks second ($8.4\nbillion)", "$8.4\nbillion", 8.4e9, "USD", None),
        ("2 million 176 thousand tons", "2 million 176 thousand tons", 2176000, "t", None),
        # the units after a thousands word belong to the number
        ("paid 18 thousand 460 tenge in all", "18 thousand 460 tenge", 18460, "KZT", None),
        ("2 million 512 thousand 300 tons", "2 million 512 thousand 300 tons", 2512300, "t", None),
        (
            "7,204,292,142 thousand tenge",
            "7,204,292,142 thousand tenge",
            7.204292142e12,
            "KZT",
            None,
        ),
        ("about 450 billion soum", "450 billion soum", 4.5e11, "UZS", "approx"),
        ("KGS 2.3 billion", "KGS 2.3 billion", 2.3e9, "KGS", None),
        ("about 52 billion somoni invested", "52 billion somoni", 5.2e10, "TJS", "approx"),
        # A scale inside the unit: billion cubic meters.
        ("Novatek produced 77.3 bcm of gas", "77.3 bcm", 7.73e10, "m3", None),
        # "a year earlier" dates a comparison base; it is no rate.
        ("against 63.2% a year earlier", "63.2%", 63.2, "%", None),
        ("3.2 billion rubles", "3.2 billion rubles", 3.2e9, "RUB", None),
        ("€120 million", "€120 million", 1.2e8, "EUR", None),
        (
            "more than 3 million square meters of housing",
            "3 million square meters",
            3e6,
            "m2",
            "over",
        ),
        ("366.5 thousand m2 of housing", "366.5 thousand m2", 366500, "m2", None),
        ("a plot of 397ha was given", "397ha", 397, "ha", None),
        ("a 25km road", "25km", 25, "km", None),
        ("1GW of wind", "1GW", 1, "GW", None),
        ("at 110,7%", "110,7%", 110.7, "%", None),
        ("grew by 101, 4% last", "101, 4%", 101.4, "%", None),
        # the stray space of translated texts, before any unit or scale word
        ("the index made 105, 3 % against", "105, 3 %", 105.3, "%", None),
        ("grew by 7, 2 percent.", "7, 2 percent", 7.2, "%", None),
        (
            "per capita GRP made 8 947, 2 thous. soums",
            "8 947, 2 thous. soums",
            8947200,
            "UZS",
            None,
        ),
        ("cement - 642, 3 ths. tons were made", "642, 3 ths. tons", 642300, "t", None),
        (
            "yield - 52, 3 centners per hectare",
            "52, 3 centners per hectare",
            52.3,
            "centner/ha",
            None,
        ),
        (
            "GRP made 31 trln. 418, 6 bln. soums",
            "31 trln. 418, 6 bln. soums",
            3.14186e13,
            "UZS",
            None,
        ),
        # spoken amounts go on after their scale word
        (
            "the region has one thousand one hundred and forty kilometers of networks",
            "one thousand one hundred and forty kilometers",
            1140,
            "km",
            None,
        ),
        (
            "we harvested nineteen thousand three hundred tons",
            "nineteen thousand three hundred tons",
            19300,
            "t",
            None,
        ),
        (
            "the local budget one billion three hundred million tenge",
            "one billion three hundred million tenge",
            1.3e9,
            "KZT",
            None,
        ),
        ("two thousand five hectares were sown", "two thousand five hectares", 2005, "ha", None),
        # a price "a tonne" is per ton
        ("copper averaged $6,166 a tonne last year", "$6,166 a tonne", 6166, "USD/t", None),
        # troy ounces of gold
        ("the mine produced 87,600 troy ounces of gold", "87,600 troy ounces", 87600, "oz", None),
        # an abbreviated scale's point before its unit
        ("retail trade made 7 842 bln. soums", "7 842 bln. soums", 7.842e12, "UZS", None),
        ("exports made 402 mln. USD", "402 mln. USD", 4.02e8, "USD", None),
        # cubic metres abbreviated "cub. m", and transport work in tonne- and
        # passenger-kilometres
        ("treated 398.4 mln cub. m of wastewater", "398.4 mln cub. m", 3.984e8, "m3", None),
        ("a plant of 25 thsd cub. m/day", "25 thsd cub. m/day", 25000, "m3/day", None),
        ("the tariff is 52.3 rub. per cub. m", "52.3 rub. per cub. m", 52.3, "RUB/m3", None),
        (
            "grew to 231.7 billion tonne-kilometres",
            "231.7 billion tonne-kilometres",
            2.317e11,
            "tkm",
            None,
        ),
        (
            "11.4 billion ton-kilometres of cargo",
            "11.4 billion ton-kilometres",
            1.14e10,
            "tkm",
            None,
        ),
        (
            "reached 16.3 billion passenger-kilometres",
            "16.3 billion passenger-kilometres",
            1.63e10,
            "pkm",
            None,
        ),
        # years and hours abbreviated
        ("a loan for 32 yrs, incl. a grace period", "32 yrs", 32, "year", None),
        ("the trip will take 6 hrs", "6 hrs", 6, "hour", None),
        # ... and before its unit wrapped to the next line
        ("farms gathered 1.07 mln.\ntons of grain", "1.07 mln.\ntons", 1.07e6, "t", None),
        ("wages were 58 thous. rub. on average", "58 thous. rub.", 58000, "RUB", None),
        ("is 100 percent.", "100 percent", 100, "%", None),
        ("up to 15 per cent", "15 per cent", 15, "%", "max"),
        ("by 1.6 times", "1.6 times", 1.6, "x", None),
        ("a 1.4-fold rise", "1.4-fold", 1.4, "x", None),
        ("1,500 tons of meat per year", "1,500 tons", 1500, "t/year", None),
        ("120 thousand tons per year", "120 thousand tons per year", 120000, "t/year", None),
        ("30 centners per hectare", "30 centners per hectare", 30, "centner/ha", None),
        ("yield of 19.7 q/ha", "19.7 q/ha", 19.7, "centner/ha", None),
        ("at least 40 MW", "40 MW", 40, "MW", "min"),
        ("nearly 2.4 billion kWh", "2.4 billion kWh", 2.4e9, "kWh", "approx"),
        ("less than 5 Gcal", "5 Gcal", 5, "Gcal", "under"),
        # a year before a dash labels the amount after it, scaled or not
        ("(in 2020 – 88,1 percent)", "88,1 percent", 88.1, "%", None),
        ("(in 2012 – 1,87 billion rubles)", "1,87 billion rubles", 1.87e9, "RUB", None),
        # a negated "less"/"more" or "exceed" is a bound, before the plain comparative
        ("no less than 5 Gcal", "5 Gcal", 5, "Gcal", "min"),
        ("not more than 5 Gcal", "5 Gcal", 5, "Gcal", "max"),
        ("revenue exceeded 4.2 trillion tenge", "4.2 trillion tenge", 4.2e12, "KZT", "over"),
        ("exports topped $ 19 million", "$ 19 million", 1.9e7, "USD", "over"),
        ("the yield did not exceed 7 tons", "7 tons", 7, "t", "max"),
        ("losses should not exceed 5 Gcal", "5 Gcal", 5, "Gcal", "max"),
        ("one and a half thousand tons", "one and a half thousand tons", 1500, "t", None),
        ("a million tenge", "a million tenge", 1e6, "KZT", None),
        ("increased by 1 year", "1 year", 1, "year", None),
        # transliterated scales and units, glued or spaced ("мдрд.", "тыс.", "тн")
        ("GRP made 4 215,6 mlrd. soum", "4 215,6 mlrd. soum", 4.2156e12, "UZS", None),
        ("1,2 mlrd.soum were spent", "1,2 mlrd.soum", 1.2e9, "UZS", None),
        ("revenues made 6 282,7 mln.tenge", "6 282,7 mln.tenge", 6.2827e9, "KZT", None),
        ("the volume made 312,4 tys. rub.", "312,4 tys. rub.", 312400, "RUB", None),
        ("shipped 1 234 ths. tn of coal", "1 234 ths. tn", 1.234e6, "t", None),
        ("farmers harvested 5 126 tn of grain", "5 126 tn", 5126, "t", None),
        # a decree's amount in digits restated in words in brackets is one amount
        (
            "to allocate 1 250 000 (one million two hundred and fifty thousand) som",
            "1 250 000 (one million two hundred and fifty thousand) som",
            1.25e6,
            "KGS",
            None,
        ),
        (
            "48 614 500 000 (forty-eight billion six hundred fourteen million five hundred thousand) "
            "tenge",
            "48 614 500 000 (forty-eight billion six hundred fourteen million five hundred "
            "thousand) tenge",
            4.86145e10,
            "KZT",
            None,
        ),
        # "tn" with money is a trillion
        ("tax revenue reached KZT 1.2 tn", "KZT 1.2 tn", 1.2e12, "KZT", None),
        ("spending reached 1.2 tn tenge", "1.2 tn tenge", 1.2e12, "KZT", None),
    ],
)
def test_quantity_with_unit(text, span, value, unit, qualifier):
    got = only(text)
    assert got[0] == span
    assert got[1] == pytest.approx(value, rel=1e-9)
    assert got[2:] == (unit, qualifier)


@pytest.mark.parametrize(
    "text,span,low,high,unit",
    [
        ("children aged 3 to 6 years", "3 to 6 years", 3, 6, "year"),
        ("wages of 8,000-18,000 tenge", "8,000-18,000 tenge", 8000, 18000, "KZT"),
        ("growth of 4-5%", "4-5%", 4, 5, "%"),
        ("between 5 and 7 percent", "5 and 7 percent", 5, 7, "%"),
        ("8-10 billion tenge", "8-10 billion tenge", 8e9, 1e10, "KZT"),
        ("loans at 2-5% per annum", "2-5% per annum", 2, 5, "%/year"),
        # a spread after "ranges", "varies" is one range, whatever change came before it
        ("the pension grew, and now ranges from 16 029 to 28 215 tenge", "16 029 to 28 215 tenge",
         16029, 28215, "KZT"),
        ("tariffs went up and vary from 15 to 19 tenge", "15 to 19 tenge", 15, 19, "KZT"),
        ("prices rose, with rents ranging widely from 90 to 120 thousand tenge",
         "90 to 120 thousand tenge", 90000, 120000, "KZT"),
    ],
)  # fmt: skip
def test_ranges(text, span, low, high, unit):
    cands = [c for c in find_candidates(text) if c.unit]
    assert len(cands) == 1
    c = cands[0]
    assert (text[c.start : c.end], float(c.low), float(c.high), c.unit) == (span, low, high, unit)
    assert c.value is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the share increased from 41 to 52 percent", [("41", 41.0, "%"), ("52 percent", 52.0, "%")]),
        # the scale of the second covers the first, once
        ("the housing stock has grown from 336 to 376 million square meters",
         [("336", 336e6, "m2"), ("376 million square meters", 376e6, "m2")]),
        ("exports rose from 1,2 to 1,9 bln. USD", [("1,2", 1.2e9, "USD"), ("1,9 bln. USD", 1.9e9, "USD")]),
        ("output grew from 800 thousand to 1.2 million tons",
         [("800 thousand", 800e3, "t"), ("1.2 million tons", 1.2e6, "t")]),
        # a clause that repeats the change with its verb left out
        ("GRP increased from 5,9 billion somoni in 2011 to 19,8 billion somoni in 2020, and the "
         "average monthly wage from 362 to 1 046 somoni",
         [("5,9 billion somoni", 5.9e9, "TJS"), ("19,8 billion somoni", 19.8e9, "TJS"),
          ("362", 362.0, "TJS"), ("1 046 somoni", 1046.0, "TJS")]),
        # a year after "in" or "of" is no low end of a range
        ("the population grew from 2 763,4 thousand at the beginning of 2011 to 3 411,7 thousand people",
         [("2 763,4 thousand", 2763400.0, None), ("3 411,7 thousand", 3411700.0, None)]),
    ],
)  # fmt: skip
def test_change_from_to_is_two_values_not_a_range(text, expected):
    got = [
        (text[c.start : c.end], float(c.value), c.unit)
        for c in find_candidates(text)
        if c.value is not None
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "one in five schools there still has a third shift",
        "and one in five of them still studies in the second shift",
        "one out of three farms has no water",
        "one in every ten households",
        "one in 4 pupils",
        # any small number in words out of another: "four out of five schools"
        "four out of five schools still work with a second shift",
        "two in three families have gas",
        "nine out of ten graduates found work",
    ],
)
def test_one_in_n_is_a_share_in_words(text):
    assert [text[c.start : c.end] for c in find_candidates(text)] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("one of 5 schools", ["one", "5"]),  # counted nouns come later, from the parse
        ("in 2021 one new school opened", ["one"]),
        ("one, in five days", ["one", "five days"]),
        # in digits, a part out of a whole counts both
        ("19 out of 54 questions", ["19", "54"]),
        ("one newspaper has 40 pages", ["one", "40"]),
        # "as one newspaper wrote" names who said it, it counts nothing
        ("not 30, as one newspaper wrote", ["30"]),
        ("it has grown, as one deputy put it, fivefold", ["fivefold"]),
    ],
)
def test_one_is_still_counted_outside_one_in_n(text, expected):
    assert [text[c.start : c.end] for c in find_candidates(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("About a hundred young specialists were trained.", [("a hundred", 100.0, None)]),
        ("this year a little over a hundred million rubles", [("a hundred million rubles", 1e8, "RUB")]),
        ("the plant will produce half a million tons a year",
         [("half a million tons a year", 5e5, "t/year")]),
        ("a hundred and twenty families", [("a hundred and twenty", 120.0, None)]),
    ],
)  # fmt: skip
def test_a_hundred_and_half_a_million(text, expected):
    got = [(text[c.start : c.end], float(c.value), c.unit) for c in find_candidates(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a year after "(in" labels the amount after the dash, whatever its size
        ("Natural increase: 26 907 people (in 2018 – 28 114 people).", ["26 907", "28 114"]),
        ("violations worth 2,9 billion rubles (in 2012 – 1,87 billion rubles)",
         ["2,9 billion rubles", "1,87 billion rubles"]),
        # ... and so does a year a time phrase ends, before a spaced dash
        ("gold decreased to 13 786, 5 kg (for the same period of 2019 – 15 912, 1 kg).",
         ["13 786, 5 kg", "15 912, 1 kg"]),
        ("Harvest: in 2019 – 15 912 tons, in 2020 – 16 000 tons.", ["15 912 tons", "16 000 tons"]),
    ],
)  # fmt: skip
def test_a_bracketed_year_labels_the_amount_after_its_dash(text, expected):
    assert [text[c.start : c.end] for c in find_candidates(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a bare number that corrects the amount before it is in its unit
        ("the money reached the sites by about 80 percent, not 95.",
         [("80 percent", 80.0, "%"), ("95", 95.0, "%")]),
        ("the building is 78 percent ready, not 61.", [("78 percent", 78.0, "%"), ("61", 61.0, "%")]),
        ("the debt is 4.1 billion tenge, not 3.9.", [("4.1 billion tenge", 4.1e9, "KZT"),
                                                   ("3.9", 3.9e9, "KZT")]),
        # a correction set off by a dash, after words of its own, or "– no,"
        ("We replaced 38 kilometers of heating networks this year – not 30, as one "
         "newspaper wrote.", [("38 kilometers", 38.0, "km"), ("30", 30.0, "km")]),
        ("The debt is 2.3 billion som – no, 2.1.", [("2.3 billion som", 2.3e9, "KGS"),
                                                   ("2.1", 2.1e9, "KGS")]),
        # a number denied for the one after it: "Not 40, but 46 thousand tons"
        ("Not 40, but 46 thousand tons of yarn.", [("40", 4e4, "t"), ("46 thousand tons", 4.6e4, "t")]),
        # but not a number that goes on to a noun of its own
        ("it is 78 percent, not 61 schools.", [("78 percent", 78.0, "%")]),
        ("The plant made 46 thousand tons, but not 40 of them were sold.",
         [("46 thousand tons", 4.6e4, "t")]),
    ],
)  # fmt: skip
def test_a_correcting_number_takes_the_unit_it_corrects(text, expected):
    got = [
        (text[c.start : c.end], float(c.value), c.unit)
        for c in find_candidates(text)
        if c.unit is not None
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a change or a list in hundredths: every number is in hundredths
        ("raise the tariff from seventy to seventy-seven tyiyn", [(0.7, "KGS"), (0.77, "KGS")]),
        ("fares of 80, 90 and 95 kopecks", [(0.8, "RUB"), (0.9, "RUB"), (0.95, "RUB")]),
        # hundredths of another currency are no part of the amount
        ("12 rubles 40 tiyn", [(12, "RUB"), (0.4, "KZT")]),
    ],
)
def test_hundredths_of_a_currency(text, expected):
    found = [(float(c.value), c.unit) for c in find_candidates(text) if c.unit is not None]
    assert found == expected


def test_list_shares_unit_and_scale():
    text = "were 441.4, 316.7 and 124.7 billion tenge"
    got = [(text[c.start : c.end], float(c.value), c.unit) for c in find_candidates(text)]
    assert got == [
        ("441.4", 441.4e9, "KZT"),
        ("316.7", 316.7e9, "KZT"),
        ("124.7 billion tenge", 124.7e9, "KZT"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the 5th deposit in the world",
        "in 2020 it is planned",
        "emergency services (101, 102, 103, 112) are available",
        "School No. 50 was repaired",
        "the CHP-3 station",
        "pumping station KNS-7",
        "Business Road Map-2020",
        "the 110/10 kV substation",
        "outages in the 0.4–10 kV networks",
        "shutdowns of 110-220 kV lines",
        "substations of 35 – 110 kV",
        "three-shift schools",
        "call 8-800-080-7777 for help",
        "on 05.03.2020 the plant",
        "at 10:30 the session opened",
        "on 5 March the akim said",
        "a \x1b[31mred\x1b[0m word",
    ],
)
def test_not_quantities(text):
    assert [text[c.start : c.end] for c in find_candidates(text) if c.unit] == []


@pytest.mark.parametrize(
    "text,span",
    [
        # a scale word or a unit after it makes a number an amount, whatever word names
        # things before it: a label is never scaled or measured
        ("a programme for building 2 thousand apartments", "2 thousand"),
        ("we are building 214 thousand square meters of rental housing", "214 thousand square meters"),
        ("to line 5,000 kilometres of canals with concrete", "5,000 kilometres"),
        ("each family with a damaged house 30,000 som", "30,000 som"),
        ("ATMs and info kiosks number 13.8 thousand", "13.8 thousand"),
        ("this year we are building 46 km of concrete-lined canals", "46 km"),
    ],
)  # fmt: skip
def test_a_scaled_or_measured_number_after_a_naming_word(text, span):
    assert span in [text[c.start : c.end] for c in find_candidates(text, load_lexicon())]


@pytest.mark.parametrize(
    "text,label",
    [
        ("They live in building 2, apartment 5.", "2"),
        ("They live in building 2, apartment 5.", "5"),
        ("Room 12 was repaired.", "12"),
        ("Call the hotline 1414 for help.", "1414"),
        ("house 14 on Abai street", "14"),
        # the decimals of a number spoken with "point" are no amount of their own
        ("inflation was 1 point 5 percent", "5 percent"),
    ],
)
def test_a_label_after_a_naming_word_stays_no_amount(text, label):
    assert label not in [text[c.start : c.end] for c in find_candidates(text, load_lexicon())]


@pytest.mark.parametrize(
    "text,spans",
    [
        # a year before the comma is no integer part ("In 2022, 41 percent")
        ("In 2022, 41 percent of farms had water.", ["41 percent"]),
        ("In 2022, 45% of schools were repaired.", ["45%"]),
        ("in 2020, 14% fewer than a year earlier", ["14%"]),
        # a list of numbers with a unit after the last one
        ("shares of 6, 7 and 9 percent", ["6", "7", "9 percent"]),
        # no unit or scale after the two digits: a list, not a decimal
        ("wells No. 12, 14 were drilled, 5 tons", ["5 tons"]),
        # a sentence may end at an abbreviated scale: its point is not the unit's
        ("The plan was 5 bln. Tenge came later.", ["5 bln"]),
    ],
)
def test_stray_decimal_space_needs_a_unit_after(text, spans):
    found = [text[c.start : c.end] for c in find_candidates(text)]
    assert [s for s in found if s in spans] == spans, found


@pytest.mark.parametrize(
    "text",
    [
        "Output in billions:\nTashkent – 5 billion\n\nsoums were not counted",  # a blank line
        "Tashkent – 265.6 billion\nNamangan – 34.2 billion",  # the next row of a list
    ],
)
def test_a_scale_word_at_a_line_end_takes_no_unit_across_a_paragraph_or_a_row(text):
    assert [c.unit for c in find_candidates(text) if c.unit is not None] == []
