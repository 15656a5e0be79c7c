"""The tally of a vote: which numbers it holds, and who they count."""

import pytest
import regex

from extractor.rules.votes import is_attendance, is_vote_tally, speaking_time, voters


def _at(text: str, figure: str) -> tuple[int, int]:
    m = regex.search(r"(?<![\w])" + regex.escape(figure) + r"(?![\w])", text)
    return m.start(), m.end()


@pytest.mark.parametrize(
    "text,figure,who",
    [
        ("We vote: for – 22, against – none, abstained – 2.", "22", "deputy"),
        ("We vote: for – 22, against – none, abstained – 2.", "2.", "deputy"),
        ("The committee members voted: for – 9, against – 2, abstained – 1.", "2,", "member"),
        ("Please vote. Voted: 94 deputies for, 1 against, 2 abstained.", "1 ", "deputy"),
        ("Let us vote. The results: 43 senators in favour, none against, 1 abstained.", "1 ", "senator"),
        ("please vote so for thirty against none abstained one the decision", "one", "deputy"),
        ("The draft goes to a second reading. Votes: 9 in favour, 2 against.", "2 ", "vote"),
        # no word of voting: two labels side by side, after the chair's question or before
        # a decision adopted
        ("Who is in favour? For – 25, against – none, abstained – 2.", "25", "deputy"),
        ('Thank you. "For" – 57, "against" – none, abstained – 1. The decision is adopted.', "57",
         "deputy"),
        ("The resolution was adopted. For – 81, against – none, abstained – 2.", "2.", "deputy"),
        ("Who is in favour? Against? Abstained? For – 17, abstained – 2.", "17", "deputy"),
        # a bare figure answering the chair's question, in punctuated and unpunctuated
        # records
        ("Who is for? Nine. Against? None. Abstained? None. Adopted, thank you.", "Nine",
         "deputy"),
        ("by 1 June. Who is for? Uh, 8 for, against none. Adopted. The hearing is closed.", "8",
         "deputy"),
        ("who is in favour 11 in favour", "11", None),
        ("a reserve of at least 150 thousand tons who is for eight for against none abstained "
         "none the decision is adopted", "eight", "deputy"),
        # the record's head counts who attends; a speaker's "Dear deputies!" does not change
        # who votes
        ("CHAIR: Colleagues, 10 of the 13 members of the committee are registered.\n\n"
         "E. SYDYKOV: Thank you. Dear deputies! The republic has 1.02 mln ha of land.\n\n"
         "CHAIR: Who is for? For – 9, against – none, abstained – 1.", "9", "member"),
        ("CHAIR: Registered: 61 deputies.\n\nCHAIR: The members of the commission agree. "
         "Who is for taking the report into account? For – 58, against – none, abstained – 2.",
         "58", "deputy"),
        # the participants of public hearings, named by the vote or at the record's head
        ("Participants voted to recommend the draft: for – 131, against – 6.", "6", "participant"),
        ("Tula, 25 April 2024. Registered: 58 participants.\n\n" + "The report was heard. " * 20
         + "We vote on the recommendation. For – 49, against – 6, abstained – 3.", "49",
         "participant"),
    ],
)  # fmt: skip
def test_a_vote_tally(text, figure, who):
    start, end = _at(text, figure.strip(" .,"))
    if who is None:  # the answer's label is no question's answer: not enough to say
        assert not is_vote_tally(text, start, end)
        return
    assert is_vote_tally(text, start, end)
    assert voters(text, start) == who


@pytest.mark.parametrize(
    "text,figure",
    [
        # "for" and "against" that are no tally
        ("Funds for 12 schools were allocated.", "12"),
        ("The tenge lost 19 percent against the dollar.", "19"),
        # a tally-like line with no vote before it
        ("Arguments: for – 3, against – 2.", "3"),
        ("Arguments: for – 3, against – 2. The minister answered them.", "2"),
    ],
)  # fmt: skip
def test_no_vote_tally(text, figure):
    start, end = _at(text, figure)
    assert not is_vote_tally(text, start, end)


@pytest.mark.parametrize(
    "text,figure,unit,expected",
    [
        ("CHAIR: Colleagues, 33 of the 39 deputies are registered, the quorum is present.", "33", "deputy", True),
        ("Present: 34 members of the headquarters.", "34", "member", True),
        ("The session was chaired by the speaker; 39 of the 45 deputies attended.", "45", "deputy", True),
        # deputies counted for something else, or other people attending
        ("The city has 45 deputies and 12 standing commissions.", "45", "deputy", False),
        ("More than 1 200 delegates took part in the forum.", "200", "delegate", False),
    ],
)  # fmt: skip
def test_attendance(text, figure, unit, expected):
    start, end = _at(text, figure)
    assert is_attendance(text, start, end, unit) is expected


@pytest.mark.parametrize(
    "text,figure,unit,expected",
    [
        ("Vice Minister, you have ten minutes.", "ten minutes", "minute", "time"),
        ("The akim is given 25 minutes for the report, then questions.", "25 minutes", "minute", "report"),
        ("Fifteen minutes for the report, then questions.", "Fifteen minutes", "minute", "report"),
        ("Each deputy has three minutes for a question.", "three minutes", "minute", "question"),
        # nothing names what the minutes are for: the chair's words before them do
        ("The report will be given by the Finance Minister. Twenty minutes, please.",
         "Twenty minutes", "minute", "report"),
        ("Today we hear the report of the ministry. You have fifteen minutes.", "fifteen minutes",
         "minute", "report"),
        ("Thank you. Questions, please. You have two minutes each.", "two minutes", "minute",
         "question"),
        ("Everyone may ask, but please: a single question and no more than two minutes.",
         "two minutes", "minute", "question"),
        ("I will keep the report to fifteen minutes and then take questions.", "fifteen minutes",
         "minute", "report"),
        ("We have one item today. The minister has the floor, ten minutes please.", "ten minutes",
         "minute", "time"),
        # minutes that are a measure, not a speaker's time
        ("The report says the interval between buses fell to 9 minutes.", "9 minutes", "minute",
         None),
        ("The interval between buses fell to 9 minutes.", "9 minutes", "minute", None),
        ("An ambulance now arrives within 20 minutes.", "20 minutes", "minute", None),
    ],
)  # fmt: skip
def test_speaking_time(text, figure, unit, expected):
    start, end = _at(text, figure)
    assert speaking_time(text, start, end, unit) == expected


def test_a_tally_told_later_keeps_the_session_day(extract):
    text = '"We vote: for – 27, against – none, abstained – 1," the chairman said at the session on 18 July.'
    tally = next(
        r
        for r in extract(text, date="2025-07-20")
        if r["label"] == "QUANTITY" and r["text"] == "27"
    )
    assert (tally["time_start"], tally["time_end"]) == ("2025-07-18", "2025-07-18")
