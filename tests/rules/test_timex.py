"""Time expressions: span and resolved period, one row per phenomenon (docs/schema.md, TIME)."""

import pytest

from extractor.rules.timex import DocDate, find_times, is_baseline, resolve, tense_of


def times(text, date="2020", previous=None):
    doc = DocDate.parse(date)
    out = []
    prev = previous
    for m in find_times(text):
        s, e = resolve(m, doc, tense=tense_of(text), previous=prev)
        if s and e and m.kind not in ("this_period", "same_period"):
            prev = (s, e)
        out.append((text[m.start : m.end], s, e))
    return out


@pytest.mark.parametrize(
    "text,date,span,start,end",
    [
        ("It opened in 2020.", "2020", "2020", "2020", "2020"),
        (
            "In the first six months, exports grew",
            "2024-08-15",
            "the first six months",
            "2024-01",
            "2024-06",
        ),
        (
            "In October 2023 – March 2024, imports",
            "2023-09",
            "October 2023 – March 2024",
            "2023-10",
            "2024-03",
        ),
        (
            "The forum, held on 4-5 October, closed",
            "2023-10-05",
            "4-5 October",
            "2023-10-04",
            "2023-10-05",
        ),
        ("on 12–14 March 2024", "2024", "12–14 March 2024", "2024-03-12", "2024-03-14"),
        (
            "during the flood period of 27 March – 20 May, houses were flooded",
            "2024-06-03",
            "27 March – 20 May",
            "2024-03-27",
            "2024-05-20",
        ),
        # "In N months" told of the past is a report's running total; "in N days", the days
        # just before.
        (
            "In eight months, the company carried 15,9 million tons.",
            "2024-09-25",
            "eight months",
            "2024-01",
            "2024-08",
        ),
        (
            "Over 9 months, exports grew by 5 percent.",
            "2025-10-21",
            "9 months",
            "2025-01",
            "2025-09",
        ),
        (
            "In 11 months, the region built 40 schools.",
            "2016-12-20",
            "11 months",
            "2016-01",
            "2016-11",
        ),
        (
            "Over the past 9 months, exports grew by 5 percent.",
            "2025-10-21",
            "the past 9 months",
            "2025-01",
            "2025-09",
        ),
        (
            "In two days, agreements worth 28.6 billion dollars were signed.",
            "2025-04-04",
            "two days",
            "2025-04-02",
            "2025-04-03",
        ),
        ("The school will be built in 6 months.", "2024-09-25", "6 months", "2024-09", "2025-03"),
        # A day is 1-31: the number after a month can be a count, not a day.
        ("in August 38 new buses were bought", "2023-11", "August", "2023-08", "2023-08"),
        ("On August 12 the akim met residents", "2023-11", "August 12", "2023-08-12", "2023-08-12"),
        ("the law of 31 May 2023 applies", "2023-11", "31 May 2023", "2023-05-31", "2023-05-31"),
        ("Launched in December 2018, it", "2020", "December 2018", "2018-12", "2018-12"),
        ("This year we start", "2020", "This year", "2020", "2020"),
        ("the furnace will be ignited in June", "2020", "June", "2020-06", "2020-06"),
        ("completing work in May this year", "2020", "May this year", "2020-05", "2020-05"),
        ("Today the plant works", "2020-03-05", "Today", "2020-03-05", "2020-03-05"),
        ("Today the plant works", "2020", "Today", "2020", "2020"),
        ("Last year output grew", "2020", "Last year", "2019", "2019"),
        ("compared to the previous year", "2020", "the previous year", "2019", "2019"),
        ("exported since July 2019", "2020-03-05", "July 2019", "2019-07", "2020-03-05"),
        # "N years earlier": before the period just named, else before the document's year
        (
            "The share rose to 21.6% from 18.9% three years earlier.",
            "2023-02-01",
            "three years earlier",
            "2020",
            "2020",
        ),
        (
            "The bridge had been built ten years before.",
            "2023-02-01",
            "ten years before",
            "2013",
            "2013",
        ),
        # "over the quarter": the last quarter ended before the document
        (
            "Debt decreased by 350 million over the quarter.",
            "2017-05-25",
            "the quarter",
            "2017-01",
            "2017-03",
        ),
        (
            "Over the quarter the bank issued 412 loans.",
            "2024-01-20",
            "the quarter",
            "2023-10",
            "2023-12",
        ),
        # "over the six months" of a report: its months so far
        (
            "Over the six months 98 600 new jobs were created.",
            "2019-07-25",
            "the six months",
            "2019-01",
            "2019-06",
        ),
        (
            "Output fell by 0,7 percent over the five months.",
            "2019-06-14",
            "the five months",
            "2019-01",
            "2019-05",
        ),
        # "the same ten months" (after the months were named)
        (
            "For the same ten months teachers earned on average 23 400 rubles.",
            "2016-12-15",
            "the same ten months",
            "2016-01",
            "2016-10",
        ),
        (
            "Over the same three months, 27 export contracts were signed.",
            "2023-04-19",
            "the same three months",
            "2023-01",
            "2023-03",
        ),
        # an automatic transcript's months in lower case, with spoken days and years
        (
            "the season ended on the tenth of april",
            "2023-04-12",
            "the tenth of april",
            "2023-04-10",
            "2023-04-10",
        ),
        (
            "in october twenty twenty two the tariff rose",
            "2023-04-12",
            "october twenty twenty two",
            "2022-10",
            "2022-10",
        ),
        # spoken years of the thirties, and after "the year"
        (
            "by two thousand and thirty the poverty level must fall",
            "2023-12-28",
            "two thousand and thirty",
            "2023-12-28",
            "2030",
        ),
        ("in twenty thirty we will reach it", "2023-12-28", "twenty thirty", "2030", "2030"),
        (
            "The year two thousand and twenty-three is drawing to a close",
            "2023-12-28",
            "two thousand and twenty-three",
            "2023",
            "2023",
        ),
        # durations in words past twenty
        (
            "they must answer within thirty days",
            "2021-12-16",
            "thirty days",
            "2021-12-16",
            "2022-01-15",
        ),
        (
            "over the past fifteen years the region built 40 schools",
            "2021-12-16",
            "the past fifteen years",
            "2006",
            "2020",
        ),
        (
            "the revenues of the city budget for two thousand twenty are planned",
            "2019-12-17",
            "two thousand twenty",
            "2020",
            "2020",
        ),
        (
            "from the first of September two thousand and twenty-four the salaries rise",
            "2023-12-28",
            "the first of September two thousand and twenty-four",
            "2024-09-01",
            None,
        ),
        (
            "since january the city has repaired nine streets",
            "2023-04-12",
            "january",
            "2023-01",
            "2023-04-12",
        ),
        (
            "the estimates will be ready by the end of june",
            "2023-04-12",
            "the end of june",
            "2023-04-12",
            "2023-06",
        ),
        # "since" a day with no year starts in the past, even where the sentence plans
        (
            "Since Feb. 1 the airline has flown daily, and from Apr. 2 it will add a route.",
            "2024-03-14",
            "Feb. 1",
            "2024-02-01",
            "2024-03-14",
        ),
        (
            "Since 20 December the tariff is in force and will stay so.",
            "2024-03-14",
            "20 December",
            "2023-12-20",
            "2024-03-14",
        ),
        ("It will grow by 2022", "2020-03-05", "2022", "2020-03-05", "2022"),
        # a point already past is where the figure stood, not a deadline ahead
        (
            "By the end of the 2nd quarter debt fell to 12 billion soms.",
            "2023-08-01",
            "the end of the 2nd quarter",
            "2023-06",
            "2023-06",
        ),
        ("By 2022 the region had built 40 schools.", "2023-08-01", "2022", "2022", "2022"),
        ("Over the past 5 years, investments grew", "2020", "the past 5 years", "2015", "2019"),
        ("over 3 years, life expectancy increased", "2020", "3 years", "2017", "2019"),
        ("over the past seven months", "2023-08-24", "the past seven months", "2023-01", "2023-07"),
        ("will be built within 3 years", "2020", "3 years", "2020", "2023"),
        ("in the next 3 years it is planned", "2020", "the next 3 years", "2020", "2023"),
        (
            "in the first eight months of 2011",
            "2020",
            "the first eight months of 2011",
            "2011-01",
            "2011-08",
        ),
        (
            "in the first half of the year",
            "2020",
            "the first half of the year",
            "2020-01",
            "2020-06",
        ),
        (
            "in the first quarter of 2024",
            "2024-05",
            "the first quarter of 2024",
            "2024-01",
            "2024-03",
        ),
        ("in Q3 2023 exports", "2024", "Q3 2023", "2023-07", "2023-09"),
        ("in January-July 2024", "2024-08", "January-July 2024", "2024-01", "2024-07"),
        ("in 9 months of 2023", "2023-10", "9 months of 2023", "2023-01", "2023-09"),
        (
            "since the beginning of the year",
            "2020-03-05",
            "the beginning of the year",
            "2020-01",
            "2020-03-05",
        ),
        ("by the end of the year", "2020-03-05", "the end of the year", "2020-03-05", "2020-12"),
        ("for 2021-2025 the plan", "2020", "2021-2025", "2021", "2025"),
        ("on 14 March 2023 the akim", "2023", "14 March 2023", "2023-03-14", "2023-03-14"),
        ("on March 14, 2023 the akim", "2023", "March 14, 2023", "2023-03-14", "2023-03-14"),
        ("two years ago the plant", "2020", "two years ago", "2018", "2018"),
        # "a year ago" of no period named before: the year before the document's
        ("A year ago the price was 5 soms.", "2023-11-03", "A year ago", "2022", "2022"),
        ("in recent years the region", "2020", "recent years", None, None),
        ("this year", None, "this year", None, None),
        ("in December 2018", None, "December 2018", "2018-12", "2018-12"),
        ("by 1 July next year", "2022-11", "1 July next year", "2022-11", "2023-07-01"),
        ("by the end of October", "2023-09-27", "the end of October", "2023-09-27", "2023-10"),
        (
            "because of the rains in early September",
            "2023-09-27",
            "early September",
            "2023-09",
            "2023-09",
        ),
        (
            "behind the same date last year",
            "2023-09-27",
            "the same date last year",
            "2022-09-27",
            "2022-09-27",
        ),
        ("adopted by the Mazhilis last month", "2022-11", "last month", "2022-10", "2022-10"),
        ("reported on the results of 9 months", "2024", "9 months", "2024-01", "2024-09"),
        (
            "to work out, within ten days, the issue",
            "2023-06-15",
            "ten days",
            "2023-06-15",
            "2023-06-25",
        ),
        ("this summer the beaches opened", "2023-04", "this summer", "2023-06", "2023-08"),
        ("salaries were raised from 1 January", "2024", "1 January", "2024-01-01", "2024"),
        ("the tax applies from 1 January 2025", "2024-03", "1 January 2025", "2025-01-01", None),
        ("the plant was launched in October", "2024-01", "October", "2023-10", "2023-10"),
        (
            "must be repaired by 15 September",
            "2023-06-15",
            "15 September",
            "2023-06-15",
            "2023-09-15",
        ),
        (
            "output grew by 2.1% from January to August.",
            "2024-09",
            "January to August",
            "2024-01",
            "2024-08",
        ),
        (
            "investments from January through June 2023",
            "2023-08-02",
            "January through June 2023",
            "2023-01",
            "2023-06",
        ),
        # agency-style dates: an abbreviated month before the day
        (
            "ALMATY. KAZINFORM - On Mar. 3 the plant produced 40 tons.",
            "2023-07-19",
            "Mar. 3",
            "2023-03-03",
            "2023-03-03",
        ),
        (
            "The deal was signed on Feb. 12, officials said.",
            "2024-05-02",
            "Feb. 12",
            "2024-02-12",
            "2024-02-12",
        ),
        # "the half-year" with no ordinal: the first half of the year
        (
            "In the half-year, industrial output grew by 5%.",
            "2023-07-19",
            "the half-year",
            "2023-01",
            "2023-06",
        ),
        (
            "The results of the half-year of 2022 were discussed.",
            "2022-08-01",
            "the half-year of 2022",
            "2022-01",
            "2022-06",
        ),
        # the end of a quarter or half is its last month
        (
            "At the end of the 2nd quarter, 532 thousand head were kept.",
            "2023-07-19",
            "the end of the 2nd quarter",
            "2023-06",
            "2023-06",
        ),
        (
            "As of the end of the first half of 2021, arrears fell.",
            "2021-08-01",
            "the end of the first half of 2021",
            "2021-06",
            "2021-06",
        ),
        # "Nine-month results": the first nine months of the document's year
        ("Nine-month results: output grew 4%.", "2023-10-20", "Nine-month", "2023-01", "2023-09"),
        ("The six-month report was approved.", "2024-07-10", "six-month", "2024-01", "2024-06"),
        # "the summer season" is this year's summer
        (
            "During the summer season the lake received 1.4 million visitors.",
            "2023-09-01",
            "the summer season",
            "2023-06",
            "2023-08",
        ),
        # "for the whole year": the document's year
        (
            "For the whole year GRP growth of at least 2% is expected.",
            "2022-03-15",
            "the whole year",
            "2022",
            "2022",
        ),
        # months with no year that lie ahead of a past report are last year's
        (
            "From January to December the region produced 2 trillion tenge of goods.",
            "2025-02-20",
            "January to December",
            "2024-01",
            "2024-12",
        ),
        (
            "In January-September the region's industry grew.",
            "2023-10-20",
            "January-September",
            "2023-01",
            "2023-09",
        ),
        # a day of the week: the nearest one on or before the document's date in the
        # past, after it ahead; a weekday before a date is inside the date's span
        (
            "the minister told a briefing on Wednesday.",
            "2024-03-14",
            "Wednesday",
            "2024-03-13",
            "2024-03-13",
        ),
        ("deputies were told on Thursday.", "2024-03-14", "Thursday", "2024-03-14", "2024-03-14"),
        ("the akim said Monday that", "2024-03-14", "Monday", "2024-03-11", "2024-03-11"),
        (
            "The ministry will review the plan on Friday.",
            "2024-03-14",
            "Friday",
            "2024-03-15",
            "2024-03-15",
        ),
        (
            "The commission meets next Thursday.",
            "2024-03-14",
            "next Thursday",
            "2024-03-21",
            "2024-03-21",
        ),
        ("It was signed last Thursday.", "2024-03-14", "last Thursday", "2024-03-07", "2024-03-07"),
        (
            "Thursday, March 14, 2024. Uzbekistan",
            "2024-03-14",
            "Thursday, March 14, 2024",
            "2024-03-14",
            "2024-03-14",
        ),
        (
            "will be reviewed on Monday, May 6.",
            "2024-03-14",
            "Monday, May 6",
            "2024-05-06",
            "2024-05-06",
        ),
        # "the year" a report sums up, in a report of the first quarter the year just ended
        ("how did the region end the year?", "2017-01-20", "the year", "2016", "2016"),
        ("Nikolai Fedorchuk: The year was not easy.", "2017-01-20", "The year", "2016", "2016"),
        (
            "The largest objects of the year were two streets.",
            "2020-02-14",
            "the year",
            "2019",
            "2019",
        ),
        # a year before the part it qualifies
        (
            "reporting after the 2025 half-year.",
            "2024-07-01",
            "the 2025 half-year",
            "2025-01",
            "2025-06",
        ),
        ("in the 2023 first quarter", "2024-07-01", "the 2023 first quarter", "2023-01", "2023-03"),
        # quarters from the first to the last named
        ("In Q1-Q3, investments grew.", "2025-10-20", "Q1-Q3", "2025-01", "2025-09"),
        ("Exports in Q2–Q3 2024 grew.", "2025-10-20", "Q2–Q3 2024", "2024-04", "2024-09"),
        # "within a month": to the same day a month on (the last day of a shorter month)
        ("to report within a month.", "2025-04-17", "a month", "2025-04-17", "2025-05-17"),
        ("to report within a month.", "2025-01-31", "a month", "2025-01-31", "2025-02-28"),
        # independence: 1991 for the states the tool reads
        (
            "Since independence 701 schools have been built.",
            "2021-09-08",
            "independence",
            "1991",
            "2021-09-08",
        ),
        (
            "Over the years of independence the population doubled.",
            "2021-09-08",
            "the years of independence",
            "1991",
            "2021",
        ),
        # "in N years" looks back in the past tense, ahead in a plan
        (
            "In five years the region has built 40 schools.",
            "2024-02-02",
            "five years",
            "2019",
            "2023",
        ),
        ("In five years we will build 40 schools.", "2024-02-02", "five years", "2024", "2029"),
        # agency style: an abbreviated month after a weekday, a range of days month first
        (
            "at a hearing on Tuesday, Oct. 16.",
            "2018-09-14",
            "Tuesday, Oct. 16",
            "2018-10-16",
            "2018-10-16",
        ),
        (
            "On Nov. 14-15 the region will host a forum.",
            "2019-10-24",
            "Nov. 14-15",
            "2019-11-14",
            "2019-11-15",
        ),
        (
            "The talks held on March 3–4, 2021 ended.",
            "2021-03-05",
            "March 3–4, 2021",
            "2021-03-03",
            "2021-03-04",
        ),
        # days of two months, month first
        (
            "Khiva received 1.18 million tourists from April 1 to October 15.",
            "2019-10-22",
            "April 1 to October 15",
            "2019-04-01",
            "2019-10-15",
        ),
        (
            "The fair runs Sept. 1 – Dec. 31, 2024.",
            "2024-08-01",
            "Sept. 1 – Dec. 31, 2024",
            "2024-09-01",
            "2024-12-31",
        ),
        # "on the 10th": a day of the document's month; still ahead, the month's before
        ("the committee said on the 10th.", "2018-09-14", "the 10th", "2018-09-10", "2018-09-10"),
        ("the committee said on the 20th.", "2018-09-14", "the 20th", "2018-08-20", "2018-08-20"),
        (
            "the results will be announced on the 2nd.",
            "2018-09-14",
            "the 2nd",
            "2018-10-02",
            "2018-10-02",
        ),
        (
            "ALMATY, Tuesday, 2 March 2021 –",
            "2021-03-02",
            "Tuesday, 2 March 2021",
            "2021-03-02",
            "2021-03-02",
        ),
        # a month already past this year, in a plan: next year's
        (
            "From 1 January the tariff will rise by 6,5 percent.",
            "2019-11-20",
            "1 January",
            "2020-01-01",
            None,
        ),
        ("In March the plant will open.", "2019-11-20", "March", "2020-03", "2020-03"),
        # days of two months joined by "to"
        (
            "The limit for the season from 1 April to 30 September is set.",
            "2022-04-14",
            "1 April to 30 September",
            "2022-04-01",
            "2022-09-30",
        ),
        # a headline's present reports a running total: the first months of the year
        (
            "Foreign trade reaches $29.1 billion in nine months",
            "2021-10-20",
            "nine months",
            "2021-01",
            "2021-09",
        ),
        (
            "The plant will be built in nine months.",
            "2021-10-20",
            "nine months",
            "2021-10",
            "2022-07",
        ),
        # a day of the month spoken as an ordinal
        (
            "the season ended on the tenth of April",
            "2023-04-12",
            "the tenth of April",
            "2023-04-10",
            "2023-04-10",
        ),
        (
            "it started on the twenty eighth of September",
            "2023-04-12",
            "the twenty eighth of September",
            "2022-09-28",
            "2022-09-28",
        ),
        (
            "coal must be stored by the first of October",
            "2023-04-12",
            "the first of October",
            "2023-04-12",
            "2023-10-01",
        ),
        (
            "on the 3rd of May 2022 it opened",
            "2023-04-12",
            "the 3rd of May 2022",
            "2022-05-03",
            "2022-05-03",
        ),
        # spoken years: two in a row are one span; after "the end of" too; decades
        (
            "the heating season twenty twenty two twenty twenty three ended",
            "2023-04-12",
            "twenty twenty two twenty twenty three",
            "2022",
            "2023",
        ),
        (
            "we will finish by the end of twenty twenty four",
            "2023-04-12",
            "the end of twenty twenty four",
            "2023-04-12",
            "2024-12",
        ),
        (
            "the pipes were laid in the nineteen seventies",
            "2023-04-12",
            "the nineteen seventies",
            "1970",
            "1979",
        ),
        ("In the 1990s the plant stood idle.", "2023-04-12", "the 1990s", "1990", "1999"),
        # "over the year" before an amount is the reporting year; "the year 2019" is 2019
        ("over the year 310 new jobs were created", "2020-02-12", "the year", "2019", "2019"),
        # school years run from September
        ("in the 2017-2018 school year", "2018-08-23", "the 2017-2018 school year", "2017", "2018"),
        ("over the past school year", "2018-08-23", "the past school year", "2017", "2018"),
        ("over the past school year", "2018-11-02", "the past school year", "2017", "2018"),
        ("in the new school year", "2018-08-23", "the new school year", "2018", "2019"),
        ("in the new academic year", "2018-03-01", "the new academic year", "2018", "2019"),
        ("this school year", "2018-11-02", "this school year", "2018", "2019"),
        ("this school year", "2018-03-01", "this school year", "2017", "2018"),
        ("the next school year", "2018-11-02", "the next school year", "2019", "2020"),
        # year to date runs from January to the document's day
        (
            "Year to date, the government has borrowed",
            "2022-09-12",
            "Year to date",
            "2022-01",
            "2022-09-12",
        ),
        ("exports year-to-date grew", "2023-10-12", "year-to-date", "2023-01", "2023-10-12"),
        # yesterday is the day before the document's, across a month's end too
        ("the final figure came yesterday", "2019-04-17", "yesterday", "2019-04-16", "2019-04-16"),
        ("the final figure came yesterday", "2019-03-01", "yesterday", "2019-02-28", "2019-02-28"),
        ("as of yesterday 106 houses", "2016-06-02", "yesterday", "2016-06-01", "2016-06-01"),
        # tomorrow and the day after it; the past day (or 24 hours) is the day before
        ("The next briefing will be held tomorrow.", "2024-04-30", "tomorrow", "2024-05-01",
         "2024-05-01"),
        ("the day after tomorrow", "2024-04-09", "the day after tomorrow", "2024-04-11",
         "2024-04-11"),
        ("Over the past day, 11 fires were registered", "2018-03-19", "the past day", "2018-03-18",
         "2018-03-18"),
        ("in the last 24 hours 3 avalanches", "2018-03-01", "the last 24 hours", "2018-02-28",
         "2018-02-28"),
        # the days and weeks of a briefing, told against the day of speaking (a Thursday)
        ("66,2 thsd. tons the day before yesterday", "2019-10-10", "the day before yesterday",
         "2019-10-08", "2019-10-08"),
        ("the day before yesterday", "2019-03-01", "the day before yesterday", "2019-02-27",
         "2019-02-27"),
        ("as of this morning, 2 412 tons", "2019-10-10", "this morning", "2019-10-10",
         "2019-10-10"),
        ("1,247 is as of nine this morning", "2017-05-18", "nine this morning", "2017-05-18",
         "2017-05-18"),
        ("last week there were 9 breaks", "2019-10-10", "last week", "2019-09-30", "2019-10-06"),
        ("the past week was dry", "2019-10-06", "the past week", "2019-09-23", "2019-09-29"),
        ("the pace has picked up this week", "2019-10-10", "this week", "2019-10-07",
         "2019-10-10"),
        ("next week the water will come", "2019-10-10", "next week", "2019-10-14", "2019-10-20"),
        ("rain is forecast for the weekend", "2019-10-10", "the weekend", "2019-10-12",
         "2019-10-13"),
        ("40 cold buildings over the weekend", "2018-10-15", "the weekend", "2018-10-13",
         "2018-10-14"),
        ("over the past ten days we built 14.6 km", "2024-04-12", "the past ten days",
         "2024-04-02", "2024-04-11"),
        ("412 of them applied in the past two weeks", "2018-10-15", "the past two weeks",
         "2018-10-01", "2018-10-14"),
        ("in the first decade of October 602 tons", "2019-10-10", "the first decade of October",
         "2019-10-01", "2019-10-10"),
        ("in the third decade of February 2016", "2016-03-10", "the third decade of February 2016",
         "2016-02-21", "2016-02-29"),
        ("From 3 to 9 February prices rose by 0.8 percent", "2015-02-11", "3 to 9 February",
         "2015-02-03", "2015-02-09"),
        # a month before a number whose groups a space parts is no date
        ("and in September 1 810,3 thsd. tons", "2019-10-10", "September", "2019-09", "2019-09"),
        # a year's marker as translations from Russian keep it is part of the expression
        ("In 2016y. revenues made 6 282,7 mln.tenge", "2017-01-20", "2016y.", "2016", "2016"),
        ("in 2019 y. 412,5 thous. tn of grain", "2019-12-01", "2019 y.", "2019", "2019"),
        ("In January-June 2018 year the GRP made", "2018-07-16", "January-June 2018 year",
         "2018-01", "2018-06"),
        ("On 12.03.2019y. the hokim held a meeting", "2019-03-20", "12.03.2019y.", "2019-03-12",
         "2019-03-12"),
        # "years" after a year is no marker
        ("2016 years of independence", "2017-01-20", "2016", "2016", "2016"),
    ],
)  # fmt: skip
def test_time(text, date, span, start, end):
    assert times(text, date)[0] == (span, start, end)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a date moved: the old date and the new one, no period between them
        ("construction was postponed from 2023 to 2025",
         [("2023", "2023", "2023"), ("2025", "2025", "2025")]),
        ("the deadline was moved from December 2021 to June 2023",
         [("December 2021", "2021-12", "2021-12"), ("June 2023", "2023-06", "2023-06")]),
        ("the opening was pushed back from March to October",
         [("March", "2022-03", "2022-03"), ("October", "2022-10", "2022-10")]),
        ("the launch has been shifted again from 2024 to 2026",
         [("2024", "2024", "2024"), ("2026", "2026", "2026")]),
        # a change over a period keeps its period
        ("output grew from 2019 to 2021", [("2019 to 2021", "2019", "2021")]),
        # a range that runs backwards is a time and the base it is measured against
        ("the price index for June 2022 to December 2021 was 104,1%",
         [("June 2022", "2022-06", "2022-06"), ("December 2021", "2021-12", "2021-12")]),
        ("consumer price index, December 2017 to December 2016 – 103,9%",
         [("December 2017", "2017-12", "2017-12"), ("December 2016", "2016-12", "2016-12")]),
        ("from 2021 to 2019 the figure was revised",
         [("2021", "2021", "2021"), ("2019", "2019", "2019")]),
        ("the works went on from December 2015 to April 2016",
         [("December 2015 to April 2016", "2015-12", "2016-04")]),
    ],
)  # fmt: skip
def test_a_moved_date_is_two_dates(text, expected):
    assert times(text, "2022-10-12") == expected


def test_years_earlier_counts_back_from_the_period_just_named():
    found = times("In 2022 the share rose to 21.6% from 18.9% three years earlier.", "2023-02-01")
    assert found[1] == ("three years earlier", "2019", "2019")


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "In the first half of 2020 output grew by 5% compared to the same period last year.",
            ("the same period last year", "2019-01", "2019-06"),
        ),
        # the same quarter, months or half-year: the period just named, a year before
        (
            "In the second quarter GDP grew by 6.8%. In the same quarter last year GDP fell.",
            ("the same quarter last year", "2016-04", "2016-06"),
        ),
        (
            "Occupancy reached 78% in July-August, against 61% in the same months of 2018.",
            ("the same months of 2018", "2018-07", "2018-08"),
        ),
        # "in" a year as well as "of" it
        (
            "In January-October 2019 output grew by 9.5% against the corresponding period in 2018.",
            ("the corresponding period in 2018", "2018-01", "2018-10"),
        ),
        # a year as speech-to-text writes it
        (
            "From April to June there were 31 mudflows, in the same period of twenty fifteen 12.",
            ("the same period of twenty fifteen", "2015-04", "2015-06"),
        ),
        (
            "In January-August turnover fell by 2.8 percent against the same period of twenty "
            "thirteen",
            ("the same period of twenty thirteen", "2013-01", "2013-08"),
        ),
    ],
)
def test_same_period_last_year_refers_back(text, expected):
    assert times(text, "2017-07-19" if "quarter" in text else "2019-10-22")[-1] == expected


@pytest.mark.parametrize(
    "text,span,start,end",
    [
        # "the same date last year" after an as-of day is that day a year before
        ("As of 15 October, 64 percent. On the same date last year, 58 percent.",
         "the same date last year", "2021-10-15", "2021-10-15"),
        # "on the same date" is that day
        ("As of 1 October debts were 2 bln. Receivables on the same date stood at 612 mln.",
         "the same date", "2022-10-01", "2022-10-01"),
        # with no day named before, the document's
        ("On the same date last year, 58 percent.", "the same date last year", "2021-10-18", "2021-10-18"),
    ],
)  # fmt: skip
def test_the_same_date_refers_to_the_day_named_before(text, span, start, end):
    assert times(text, "2022-10-18")[-1] == (span, start, end)


def test_these_two_days_refer_back():
    out = times("The forum was held on 4-5 October. During these two days, 56 deals were signed.",
                "2023-10-05")  # fmt: skip
    assert out[-1] == ("these two days", "2023-10-04", "2023-10-05")


def test_this_period_refers_back():
    text = "Over the past 5 years, 1.5 trillion was invested. During this period, 65 thousand jobs were created."
    assert times(text)[-1] == ("this period", "2015", "2019")


@pytest.mark.parametrize(
    "text",
    [
        "Business Road Map-2020 program",
        "Kazakhstan-2050 strategy",
        "the May Day",
        "may be",
        "children aged 3 to 6 years",
        "increased by 1 year",
        "emissions should fall by 30%",
        "in summer the deficit reaches 30 thousand",
        "spring field work was financed",
        "the programme covers residents aged over 63 years",
        # months counted from an event are no report's months
        "in the two months since the flood",
        # the verbs "may" and "march" in lower case are no months
        "prices may rise in the coming weeks",
        "the workers march to the square",
        "The year before, output fell.",
        "a meeting at the Independence Day parade",
        "one of the year's best harvests",
        # an ordinal before a noun is no day of the month
        "the office on the 5th floor",
        "celebrated on the 30th anniversary of independence",
        "My door is open every Saturday.",  # a frequency
        # "as of today" dates the figures of its clause, but is no TIME span (GUIDELINES §5)
        "As of today, 17.9 billion tenge has been returned.",
        "as of  today the region has 1,140 km of heat networks",
        "As of now the debt is 3 billion.",
    ],
)
def test_not_times(text):
    assert times(text) == []


@pytest.mark.parametrize(
    "sentence,tense",
    [
        ("It is planned to build 3 schools", "future"),
        ("we will build", "future"),
        ("were built", "past"),
        ("The plant produces cement", "present"),
        ("the region built 40 schools", "past"),
        ("industrial output grew by 4 percent", "past"),
        ("prices rose and sales fell", "past"),
        ("we put the plant into operation", "present"),  # "put" is present too
        ("The plant will be built", "future"),
        # a forecast a result is measured against is no plan
        ("$32.4 billion were utilized, which is 118% of the forecast", "past"),
        ("Output exceeded the forecast by 3%", "past"),
        ("Revenues came to 96 percent against the forecast", "past"),
        ("GDP growth is forecast at 5%", "future"),
        ("The forecast for 2025 is 5.1%", "future"),
        # ... nor is one a draft was based on
        ("The draft was formed on the forecast for 2021-2025 in September", "past"),
        ("Spending was planned from the forecast of revenues", "past"),
        # a word in "-ed" after a hyphen is a compound adjective, no past verb ...
        ("From 1 February, 40 new gas-powered buses go onto city routes", "present"),
        ("The coal-fired plant supplies 40 percent of the heat", "present"),
        ("State-owned companies pay 60 percent of the taxes", "present"),
        # ... and a perfect of an irregular verb reports the past
        ("The number of enterprises has grown by 26 percent", "past"),
        ("Prices have risen by 9 percent", "past"),
        ("The share has already fallen to 12 percent", "past"),
    ],
)
def test_tense(sentence, tense):
    assert tense_of(sentence) == tense


@pytest.mark.parametrize(
    "text,time,base",
    [
        ("Output grew by 4% compared to 2022.", "2022", True),
        ("It was 3.1 million tons, more than in 2021.", "2021", True),
        ("Inflation was 8,7% against 10.9% in October 2023.", "October 2023", True),
        ("The yield was 30.4 c/ha against 29.1 c/ha a year earlier.", "a year earlier", True),
        ("Revenues reached 9 billion tenge compared to 7.5 billion tenge in 2022.", "2022", True),
        ("The rate fell from 5.9 percent in 2019 to 4.8 percent.", "2019", True),
        (
            "Stocks: 310 thousand tons against 285 thousand tons as of 1 November 2022.",
            "1 November 2022",
            True,
        ),
        # the time of the amount itself, not of a base
        ("In 2023, 5 schools were built.", "2023", False),
        ("The plant produced 12 thousand tons in 2023.", "2023", False),
        ("Against the plan, 5 schools were built in 2023.", "2023", False),
        # a superlative's scope reaching back from now compares, it dates nothing
        (
            "Investments grew by 13%, the highest growth in the past ten years.",
            "the past ten years",
            True,
        ),
        ("For the first time since 2008, exports exceeded $100 billion.", "2008", True),
        ("Output hit a record for the last decade.", "the last decade", True),
        (
            "They signed 27 agreements, the biggest haul since the forum was first held in 2019.",
            "2019",
            True,
        ),
        ("The largest plant in the region was built in 2023.", "2023", False),
        ("The first plant was built in 2023.", "2023", False),
        # a year's level compared with
        ("Investment should reach 200 billion a year, twice the 2020 level.", "2020", True),
        ("Output was 8% above the 2019 level.", "2019", True),
        ("The 2019 level of output was a record.", "2019", False),
        # a base amount never reaches across the end of a sentence
        (
            "The deficit is no more than 3 percent of GDP. In 2026, 1 320 thousand jobs are due.",
            "2026",
            False,
        ),
        ("Exports grew more than 3 percent in 2026.", "2026", False),
        # a change "on" a time is against it
        ("Elite seed makes up 14,3% of wheat seed, up 2,1 p.p. on last year.", "last year", True),
        ("The share is to reach 63,5%, up 4,2 p.p. on 2021.", "2021", True),
        ("Exports fell to $1,2 billion (down 3% on 2021).", "2021", True),
        ("Tariffs went up 20 percent on May 1.", "May 1", False),
        # (nor when the time itself opens the next sentence)
        ("The plan is 424,5 thousand tons from 186,3 thousand hectares. This spring cotton was "
         "sown on 187,9 thousand hectares.", "This spring", False),
        ("Exports were 12 percent higher than 3 percent in 2025.", "2025", True),
        # "N% to a period" and "N% in comparable prices to a period" compare with it
        ("Turnover was 164,8 bln rubles, or 103,2% in comparable prices to January-September 2018.",
         "January-September 2018", True),
        ("The average wage was 318 640 tenge, 112.4% to the same period last year.",
         "the same period last year", True),
        # but a change "on" a day happened that day
        ("Tariffs went up by 20 percent on May 1.", "May 1", False),
        # a change above or below a time is against it
        ("The wage reached 112.5 thousand tenge, 9.4 percent above 2017.", "2017", True),
        ("Output was 41 billion tenge, 3% below 2019.", "2019", True),
        ("Yields were 1.2 times above last year.", "last year", True),
        ("Prices rose 5 percent in 2019, above the target.", "2019", False),
        # "as much as" a time compares with it
        ("Investors from Germany put in $94.6 million, almost twice as much as a year earlier.",
         "a year earlier", True),
        ("The city built half as many schools as in 2019.", "2019", True),
        ("As many as 5,000 people came in 2019.", "2019", False),
        # a base of two amounts: "against 356 fires on 13,140 hectares in 2020"
        ("In 2021, 214 fires burned 3,862 ha, against 356 fires on 13,140 hectares in 2020.",
         "2020", True),
        ("Exports were $5.1 billion against 12 contracts worth $4.2 billion in 2022.", "2022", True),
        ("the turnover made 3 854, 1 mln. USD and in comparison with January-August 2019 "
         "decreased by 27, 9%", "January-August 2019", True),
        # a scale written short before its currency code ends no sentence
        ("The balance reached 8 002,0 mln. USD against 5 842,9 mln. USD a year earlier.",
         "a year earlier", True),
        ("Exports were 1 402,6 thsd. USD against 1 120 bln. UZS in 2020.", "2020", True),
        ("The plan was 5 842,9 bln. In 2020, 4 bln. was spent.", "2020", False),
        # a base may be named with its article after the preposition
        ("Arrivals grew 11.6 percent more than in the summer of 2018.", "summer of 2018", True),
        ("Sales were higher than during the winter of 2021.", "winter of 2021", True),
        ("Output was 4% up compared to the first half of 2022.", "first half of 2022", True),
        ("In the summer of 2018, arrivals grew 11.6 percent.", "summer of 2018", False),
        # a base named by its figure's noun, then its time
        ("Compared with the expected execution for 2018, they grow by 6.4 bln tenge.", "2018", True),
        ("Against the clarified plan of this year, own revenues grow by 6,8 percent.", "this year",
         True),
        ("Compared with the actual figures of 2021, spending rises.", "2021", True),
        ("The expected execution for 2018 is 712 bln tenge.", "2018", False),
        ("We spoke against the plan. In 2018 it failed.", "2018", False),
    ],
)  # fmt: skip
def test_the_time_of_a_comparison_base(text, time, base):
    start = text.index(time)
    assert is_baseline(text, start, start + len(time)) is base


_EVERY_KIND = (
    "yesterday", "today", "this day", "last year", "next year", "this year", "two years ago",
    "three months ago", "last month", "this month", "next month", "the previous quarter",
    "in the first half of the year", "over nine months", "in January-September",
    "since the beginning of the year", "by the end of the year", "last week", "this week",
    "on Tuesday", "last winter", "this summer", "in the 2020-2021 heating season",
    "the same period last year", "over the past five years", "in the next three years",
    "by 2030", "in 2019-2023", "on 1 April", "as of 1 October", "the year before last",
    "year to date",
    "in the 1990s", "this school year", "in Q3", "in the third quarter",
)  # fmt: skip


@pytest.mark.parametrize("date", ["2019-04-17", "2019-03-01", "2019-04", "2019", None])
def test_every_time_resolves_to_dates_or_nothing(date):
    # a resolved end is an ISO string or None, whatever the document date's precision:
    # "yesterday" once resolved to a pair inside a pair and crashed the period linker
    doc = DocDate.parse(date) if date else None
    for text in _EVERY_KIND:
        for m in find_times(f"The figure for {text} was 12 percent."):
            ends = resolve(m, doc, tense=tense_of(text), previous=("2018", "2018"))
            assert len(ends) == 2 and all(e is None or isinstance(e, str) for e in ends), (
                text,
                date,
                ends,
            )


def test_a_day_ahead_in_a_present_sentence_is_this_year():
    # "From 1 February" in a post of 26 January, the buses being gas-powered: this February
    text = "From 1 February, 40 new gas-powered buses go onto city routes."
    assert times(text, "2021-01-26")[0][:2] == ("1 February", "2021-02-01")
