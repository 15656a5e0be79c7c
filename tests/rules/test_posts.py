"""Documents of several dated posts: which lines date a post, and which day a place is told on."""

import pytest

from extractor.rules.posts import date_at, post_dates

_BODY = "The akim said that 38.6 km of heating networks were replaced this summer in the city. " * 3


@pytest.mark.parametrize(
    "line,day",
    [
        ("17.10.2023", "2023-10-17"),
        ("🔹 06.05.2023", "2023-05-06"),
        ("27.12.2023 | Views: 214", "2023-12-27"),
        ("Bokhtar, 11.05.2023", "2023-05-11"),
        ("21.10.2023, 11:40  |  Views: 1 126", "2023-10-21"),
        ("9:02 AM · Feb 14, 2023", "2023-02-14"),
        ("14 February 2023", "2023-02-14"),
    ],
)  # fmt: skip
def test_a_post_date_line(line, day):
    text = f"Channel\n\n{line}\n\n{_BODY}\n\n01.01.2023\n\n{_BODY}\n"
    found = dict((iso, start) for start, iso in post_dates(text, "2023-12-31"))
    assert day in found


@pytest.mark.parametrize(
    "text",
    [
        # one dated post is no series of posts
        f"17.10.2022\n\n{_BODY}\n",
        # a list of links with their dates is no series of posts
        "Related news:\n• Flour prices rose by 3.5% in August\n  19.09.2022\n"
        "• Apricot exports grew 1.4 times\n  14.09.2022\n• Wheat sown\n  09.08.2022\n",
        # dates inside sentences open no post
        f"On 17.10.2022 the akim said so. {_BODY}\nOn 18.10.2022 he repeated it. {_BODY}",
        # posts after the document's date, or years before it, are no posts of it
        f"17.10.2025\n\n{_BODY}\n\n18.10.2025\n\n{_BODY}",
    ],
)
def test_no_series_of_posts(text):
    assert post_dates(text, "2022-10-21") == []


def test_a_place_is_told_on_its_posts_day():
    text = f"Channel\n\n17.10.2022\n\n{_BODY}\n\n19.10.2022\n\n{_BODY}\n"
    posts = post_dates(text, "2022-10-21")
    assert date_at(posts, 0, "2022-10-21") == "2022-10-21"  # before the first post
    assert date_at(posts, text.index("17.10") + 20, "x") == "2022-10-17"
    assert date_at(posts, len(text) - 5, "x") == "2022-10-19"


def test_today_in_an_earlier_post_is_that_posts_day(extract):
    text = (
        "Akim of the region | official channel\n\n17.10.2022\n\n"
        "Today I opened a new school for 1 200 pupils. Its construction cost 6.8 billion tenge, "
        "and the school already has 96 teachers on its staff, the akim wrote on his channel. "
        "The building has a swimming pool and three gyms for the pupils of the microdistrict.\n\n"
        "21.10.2022\n\n"
        "Tomorrow the regional autumn fair opens on the central square. More than 150 farms "
        "will bring about 1 100 tons of products to it, the akimat said in its announcement.\n"
    )
    records = extract(text, date="2022-10-21")
    times = {r["text"]: (r["time_start"], r["time_end"]) for r in records if r["label"] == "TIME"}
    assert times["Today"] == ("2022-10-17", "2022-10-17")
    assert times["Tomorrow"] == ("2022-10-22", "2022-10-22")
    teachers = next(r for r in records if r["label"] == "QUANTITY" and r["unit"] == "teacher")
    assert (teachers["time_start"], teachers["time_end"]) == ("2022-10-17", "2022-10-17")
