"""The extractor_times component in the real pipeline: TIME spans resolved to ISO dates."""

import pytest


def _times(records):
    return [(r["text"], r["time_start"], r["time_end"]) for r in records if r["label"] == "TIME"]


@pytest.mark.parametrize(
    "sentence,date,expected",
    [
        ("Over the past 5 years, 1.5 trillion tenge was attracted.", "2020", ("the past 5 years", "2015", "2019")),
        ("Since July 2019 the tariff has not changed.", "2020-03-05", ("July 2019", "2019-07", "2020-03-05")),
        ("By 2022 output will grow by 1.6 times.", "2020", ("2022", "2020", "2022")),
        ("In the first half of the year exports grew.", "2020-08-01", ("the first half of the year", "2020-01", "2020-06")),
        ("Today 812 buses serve the city.", "2023-02-10", ("Today", "2023-02-10", "2023-02-10")),
        ("From 2011 to 2021 the region built 298 schools.", "2021-09-08", ("2011 to 2021", "2011", "2021")),
        ("Between 2015 and 2019, 65 thousand jobs were created.", "2020", ("2015 and 2019", "2015", "2019")),
        ("Over the past decade the region built 40 schools.", "2021-09-08", ("the past decade", "2011", "2020")),
        ("In the next decade 40 schools will be built.", "2021-09-08", ("the next decade", "2021", "2031")),
        # the tense of a month's own part of the sentence, not of a plan after a colon
        ("Districts that suffered from the drought in June did worse: some fields will not be "
         "harvested.", "2013-08-09", ("June", "2013-06", "2013-06")),
        ("Repairs will start in June: the plan is ready.", "2013-08-09", ("June", "2014-06", "2014-06")),
        # a month ahead in a plan told with "would", "is to be ...ed" or the verb "may"
        ("He said the pumping station would be completed in June.", "2023-04-20", ("June", "2023-06", "2023-06")),
        ("The bill is to be considered by the Mazhilis in May.", "2023-04-20", ("May", "2023-05", "2023-05")),
        ("He warned that in December the consumption may reach 68 million kWh.", "2023-11-03",
         ("December", "2023-12", "2023-12")),
        # but "had to be covered" is no plan
        ("In December the shortage had to be covered by imports.", "2023-04-20", ("December", "2022-12", "2022-12")),
        # the day a plan was told is past, whatever the plan
        ("Two plants will open this year, the deputy minister told a briefing on Wednesday.",
         "2024-03-14", ("this year", "2024", "2024")),
        ("The plant will be launched on Wednesday.", "2024-03-14", ("Wednesday", "2024-03-20", "2024-03-20")),
    ],
)  # fmt: skip
def test_time_records(extract, sentence, date, expected):
    assert _times(extract(sentence, date=date))[0] == expected


def test_relative_times_need_a_document_date(extract):
    assert _times(extract("Last year 5 schools were built.", date=None)) == [
        ("Last year", None, None)
    ]


@pytest.mark.parametrize(
    "sentence,day",
    [
        ("Two plants will open this year, the deputy minister told a briefing on Wednesday.",
         "2024-03-13"),
        ("Drip irrigation will cover 35,000 hectares, deputies were told on Thursday.", "2024-03-14"),
        ("The new tariffs, which will apply from May, were approved on Monday.", "2024-03-11"),
    ],
)  # fmt: skip
def test_the_day_something_was_said_is_past(extract, sentence, day):
    weekdays = [t for t in _times(extract(sentence, date="2024-03-14")) if t[0].endswith("day")]
    assert weekdays[0][1:] == (day, day)


@pytest.mark.parametrize(
    "later",
    [
        "Compared with the same period last year, revenues rose by 9%.",
        "A year earlier the share was 73,9%.",
    ],
)
@pytest.mark.parametrize(
    "told",
    [
        "the Ministry of Finance said on Tuesday",
        # the day it was told, however far its verb stands from it
        "the minister reported at a meeting of the regional government on Tuesday",
    ],
)
def test_a_comparison_refers_to_the_report_period_not_to_the_day_it_was_told(extract, later, told):
    text = f"Revenues in January-August 2019 amounted to 94.6 bln. soms, {told}. {later}"
    assert _times(extract(text, date="2019-09-18"))[-1][1:] == ("2018-01", "2018-08")


@pytest.mark.parametrize(
    "restated",
    [
        "in January-August 2018 this figure was 96.8%",
        "In January-August 2018, the indicator stood at 96.8%",
    ],
)
def test_a_time_a_figure_is_restated_for_is_no_antecedent(extract, restated):
    text = (
        f"Industry grew by 4.1% in January-August 2019; {restated}. Compared with "
        "the same period, exports rose."
    )
    assert _times(extract(text, date="2019-09-18"))[-1][1:] == ("2019-01", "2019-08")


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a deadline with the past perfect is a point already past, in the year before
        ("By 31 December, 4 billion rubles had been spent.", ("2020-12-31", "2020-12-31")),
        ("By 1 December only 9 of the 21 km had been laid.", ("2020-12-01", "2020-12-01")),
        # an instruction or a plan keeps its deadline ahead
        ("The akim instructed to finish the school by 1 December.", ("2021-03-25", "2021-12-01")),
        ("By 31 December, 96 million rubles will be spent.", ("2021-03-25", "2021-12-31")),
    ],
)  # fmt: skip
def test_a_deadline_told_in_the_past_perfect_is_past(extract, sentence, expected):
    assert _times(extract(sentence, date="2021-03-25"))[0][1:] == expected


def test_the_same_period_refers_back(extract):
    text = "In January-June 2023 exports grew by 5% compared to the same period last year."
    assert _times(extract(text, date="2023-07-20"))[-1] == (
        "the same period last year",
        "2022-01",
        "2022-06",
    )


@pytest.mark.parametrize("decade", ["the decade", "the same decade", "this decade"])
def test_the_decade_refers_to_the_ten_years_named(extract, decade):
    text = (
        "From 2011 to 2021 the region grew fast. In 2020 exports rose by 5%. "
        f"Over {decade}, 1 460 km of roads were built."
    )
    assert _times(extract(text, date="2021-09-08"))[-1] == (decade, "2011", "2021")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The programme for 2011-2015 was approved. In 2015 investments fell. Loans worth 96,8 "
         "billion tenge were issued over the five years.", "the five years", ("2011", "2015")),
        ("The plan for 2021-2023 is done. In 2023, 12 schools opened; during the three years "
         "40 schools were built.", "the three years", ("2021", "2023")),
        ("The programme for 2011-2015 was approved. In 2014 loans grew. Loans were issued over "
         "these five years.", "these five years", ("2011", "2015")),
        # a span of another length is no antecedent
        ("The programme for 2011-2015 was approved. Over the three years, 40 schools were built.",
         "the three years", (None, None)),
        # a decade in words
        ("In the nineties the plant stopped.", "the nineties", ("1990", "1999")),
    ],
)  # fmt: skip
def test_the_n_years_refer_to_the_span_of_that_length_named(extract, text, span, expected):
    found = {t[0]: t[1:] for t in _times(extract(text, date="2016-01-22"))}
    assert found[span] == expected


@pytest.mark.parametrize("months", ["these six months", "those six months", "these eleven months"])
def test_these_months_are_the_months_named_before(extract, months):
    n = months.split()[1]
    named = "January-June" if n == "six" else "January-November"
    text = f"Exports grew in {named}. Over {months}, 12 projects were launched."
    found = [t for t in _times(extract(text, date="2022-12-20")) if t[0] == months]
    assert found == [(months, "2022-01", "2022-06" if n == "six" else "2022-11")]


def test_the_same_date_is_the_day_named_last(extract):
    text = (
        "DUSHANBE, 22 October 2019 – Khovar. As of 21 October, growers have picked 262,4 "
        "thousand tons, or 61,8% of the plan for this year. On the same date last year 241,7 "
        "thousand tons had been gathered."
    )
    found = {t[0]: t[1:] for t in _times(extract(text, date="2019-10-22"))}
    assert found["the same date last year"] == ("2018-10-21", "2018-10-21")


def test_the_decade_before_any_is_named_is_left_unresolved(extract):
    assert _times(extract("Over the decade, 40 schools were built.", date="2021-09-08")) == [
        ("the decade", None, None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a report's running total: after a noun, or opening the sentence, told of the past
        ("Industrial production for eleven months grew by 2,8 percent.", ("eleven months", "2016-01", "2016-11")),
        ("Revenues of the budget for three months amounted to 19.1 billion rubles.", ("three months", "2016-01", "2016-03")),
        ("For nine months, revenues amounted to 5 billion tenge.", ("nine months", "2016-01", "2016-09")),
        ("According to the minister, for nine months the revenues were 5 billion tenge.",
         ("nine months", "2016-01", "2016-09")),
        # ... or told in a headline's present, before the story's first full stop
        ("Economy | 20 December 2016\n\nRegion's budget revenue for eleven months reaches 26.4 "
         "billion rubles\n\nTOMSK. Revenue grew.", ("eleven months", "2016-01", "2016-11")),
        # an amount of time: after a verb, or not told of the past
        ("The plant was closed for three months last year.", None),
        ("Loans are issued for 6 months at 5 percent.", None),
        ("Revenue grew. A deposit for 6 months pays 7 percent.", None),
    ],
)  # fmt: skip
def test_for_n_months(extract, sentence, expected):
    months = [t for t in _times(extract(sentence, date="2016-12-20")) if "months" in t[0]]
    assert months == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # years as speech-to-text writes them
        ("In twenty twenty one we built twelve schools.", ("twenty twenty one", "2021", "2021")),
        ("Twenty nineteen was a hard year.", ("Twenty nineteen", "2019", "2019")),
        ("Since nineteen ninety one the population doubled.", ("nineteen ninety one", "1991", "2021-11-24")),
        ("In two thousand and nineteen exports grew.", ("two thousand and nineteen", "2019", "2019")),
    ],
)  # fmt: skip
def test_spoken_years(extract, sentence, expected):
    assert _times(extract(sentence, date="2021-11-24"))[0] == expected


def test_two_thousand_counted_is_no_year(extract):
    assert _times(extract("We created two thousand five jobs.", date="2021-11-24")) == []


_REPORT_ON_2016 = (
    "Maslikhat approves report on 2016 budget\n\n"
    "Taraz, 12 April 2017. Deputies approved the report on the execution of the regional "
    "budget for 2016.\n\n"
    "In the reporting year the revenues amounted to 248 billion tenge. 18 buildings were put "
    "into operation during the year. 2.3 billion tenge remained unspent at the end of the "
    "year. Spending grew by 8,2% to the previous year. By the end of the year we will build "
    "5 schools."
)


@pytest.mark.parametrize(
    "span,start,end",
    [
        # a report on a year just over names that year for "the year" it leaves to the reader
        ("the reporting year", "2016", "2016"),
        ("the year", "2016", "2016"),
        ("the end of the year", "2016-12", "2016-12"),
        # and "the previous year" is the one before it
        ("the previous year", "2015", "2015"),
    ],
)
def test_the_year_of_a_report_on_a_year_already_over(extract, span, start, end):
    found = [t for t in _times(extract(_REPORT_ON_2016, date="2017-04-12")) if t[0] == span]
    assert found[0] == (span, start, end)


@pytest.mark.parametrize(
    "headline",
    [
        "On the state of the environment of Chelyabinsk region in 2018",
        "Results of 2018: the regional ecology report",
    ],
)
def test_a_headline_year_just_over_is_the_reporting_year(extract, headline):
    text = (
        headline
        + "\n\nThe ministry published its report. In the reporting year 412 dumps were found."
    )
    found = [t for t in _times(extract(text, date="2019-06-04")) if t[0] == "the reporting year"]
    assert found == [("the reporting year", "2018", "2018")]


def test_a_headline_year_two_years_back_is_no_reporting_year(extract):
    text = (
        "A plant opened in 2017\n\nThe company published its report. In the reporting year it grew."
    )
    found = [t for t in _times(extract(text, date="2019-06-04")) if t[0] == "the reporting year"]
    assert found == [("the reporting year", "2019", "2019")]


def test_a_deadline_in_a_report_on_last_year_is_still_this_year(extract):
    found = _times(extract(_REPORT_ON_2016, date="2017-04-12"))
    assert found[-1] == ("the end of the year", "2017-04-12", "2017-12")


@pytest.mark.parametrize(
    "text,name_year",
    [
        ('Under the "Affordable Housing 2020" programme, 18 buildings were built in 2016.', "2020"),
        (
            'The "Modernization of Housing and Utilities for 2011-2020" programme got funds in 2016.',
            "2011-2020",
        ),
    ],
)
def test_a_year_inside_a_name_is_no_time(extract, text, name_year):
    spans = [t[0] for t in _times(extract(text, date="2017-03-21"))]
    assert name_year not in spans
    assert "2016" in spans


_HALF_YEAR_REPORT = (
    "Sughd region: results of January-June 2023\n\n"
    "Khujand, 20 July 2023. In June, prices rose by 1.2%. In the reporting period, 14 new farms "
    "opened. In reporting period 46 new enterprises were put into operation. Seventeen hotels "
    "opened from March to May; over the period, 1 200 beds were added."
)


@pytest.mark.parametrize(
    "span,start,end",
    [
        # "the reporting period" is the period the lead names, not the last one named
        ("the reporting period", "2023-01", "2023-06"),
        ("reporting period", "2023-01", "2023-06"),
        # "over the period" is the one just named
        ("the period", "2023-03", "2023-05"),
    ],
)
def test_the_reporting_period_is_the_reports(extract, span, start, end):
    found = [t for t in _times(extract(_HALF_YEAR_REPORT, date="2023-07-20")) if t[0] == span]
    assert found[0] == (span, start, end)


@pytest.mark.parametrize(
    "text,expected",
    [
        # "the season" after a preposition is the span of months just named
        ("From May to August 2015 the region suffered 71 mudflows. During the season, 1 128 "
         "people were involved.", ("the season", "2015-05", "2015-08")),
        ("In June-August 2022 the resorts received 1.2 million guests. Over the season, 214 "
         "people were rescued.", ("the season", "2022-06", "2022-08")),
    ],
)  # fmt: skip
def test_the_season_is_the_months_just_named(extract, text, expected):
    assert _times(extract(text, date="2022-09-14"))[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        # nor a single day or month, nor no period at all: no time
        "On 8 September the meeting was held. During the season, 1 128 people were involved.",
        "In July a mudflow hit the village. During the season, 1 128 people were involved.",
        "During the season, 1 128 people were involved.",
    ],
)
def test_the_season_after_no_span_of_months_is_no_time(extract, text):
    assert "the season" not in [t[0] for t in _times(extract(text, date="2015-09-08"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the same N months" after N months just named: those months
        ("Exports were 236.4 million dollars for June-August. Tax payments amounted to 412.8 "
         "million soms over the same three months.", ("the same three months", "2019-06", "2019-08")),
        ("In May-June 58 houses were built, and over the same two months 12 schools opened.",
         ("the same two months", "2019-05", "2019-06")),
        # (months of another count: the report's first months)
        ("In January-September exports grew. Over the six months, 98 600 jobs were created.",
         ("the six months", "2019-01", "2019-06")),
    ],
)  # fmt: skip
def test_the_same_months_as_just_named(extract, text, expected):
    assert expected in _times(extract(text, date="2019-09-12"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month described ("the dry July") is one already lived, whatever the clause's tense
        ("Despite the dry July, this year's harvest will be one of the best.",
         ("July", "2020-07", "2020-07")),
        ("After the cold January, the plants will need 12 percent more gas.",
         ("January", "2020-01", "2020-01")),
        # (one awaited stays ahead)
        ("In the coming July we will open 3 schools.", ("July", "2021-07", "2021-07")),
        ("The plant will open in July.", ("July", "2021-07", "2021-07")),
    ],
)  # fmt: skip
def test_a_described_month_is_past(extract, text, expected):
    assert expected in _times(extract(text, date="2020-10-02"))
