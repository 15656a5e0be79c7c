"""The tally of a vote in a session's record ("We vote: for – 22, against – none,
abstained – 2", "Voted: 94 deputies for, 1 against, 2 abstained") and the attendance at
the session ("33 of the 39 deputies are registered", "Present: 34 members"). Their figures
count the members, on the day of the session. Nothing here imports spaCy.
"""

from __future__ import annotations

import regex as re

from .rx import WS_START

# The words a tally's figures are labelled with ("For – 22", "2 abstained")
_TALLY_WORDS = r"for|against|abstained"
_LABELS = r"(?:" + _TALLY_WORDS + r"|in\s+favou?r)"
_LABEL_BEFORE = re.compile(r"(?i)\b" + _LABELS + r"[\"»”]?\s*[–—:-]?\s*$")
# after the figure: "8 for, against none", and in an unpunctuated autotranscript "eight
# for against none"
_LABEL_AFTER = re.compile(
    r"(?i)" + WS_START + r"\s+" + _LABELS + r"\b(?:\s*[,.;]|\s+(?=" + _TALLY_WORDS + r"\b))"
)
# The chair's question a bare figure answers: "Who is for? Nine.", "Who is in favour? Uh, 8."
_QUESTION_BEFORE = re.compile(
    r"(?i)\bwho\s+is\s+(?:for|in\s+favou?r)\s*\?\s*(?:(?:uh|um|er),?\s*)?(?:for\s*[–—:-]\s*)?$"
)
_ANSWER_AFTER = re.compile(r"(?i)" + WS_START + r"\s*(?:[.;,]|\s+(?:for|in\s+favou?r)\b)")
_CUE = re.compile(r"(?i)\bvot(?:e|ed|es|ing)\b")
_VOTERS = re.compile(
    r"(?i)\b(deputies|members|senators|councillors|councilors|participants|delegates)\b"
)
_VOTES_LABEL = re.compile(r"(?i)\bvotes\s*:[^.;]*$")
# How far back the word of voting (and the voters' noun) may stand.
_WINDOW = 200
# How far back the voters may be named where the vote's own words do not name them: the
# record's head ("Registered: 58 participants.")
_RECORD_WINDOW = 5000
# Where a record states who attends: its head
_HEAD = 3000


def is_vote_tally(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` is a count of a vote's tally: labelled
    "for", "against" or "abstained" (before or after it) after a word of voting, or beside
    another label where the chair's "Who is in favour?" or a decision adopted says a vote
    was held."""
    if _QUESTION_BEFORE.search(text, max(0, start - 40), start) and _ANSWER_AFTER.match(text, end):
        return True  # "Who is for? Nine. Against? None."
    labelled = _LABEL_BEFORE.search(text, max(0, start - 16), start) or _LABEL_AFTER.match(
        text, end
    )
    if not labelled:
        return False
    if _CUE.search(text, max(0, start - _WINDOW), start):
        return True
    # "Who is in favour? For – 25, against – none, abstained – 2. The recommendation is
    # adopted.": two of the labels side by side, where a question of the chair or a
    # decision taken says a vote was held
    near = text[max(0, start - _TALLY_REACH) : end + _TALLY_REACH]
    kinds = {(m.group(1) or m.group(2)).lower() for m in _LABEL_WORD.finditer(near)}
    return len(kinds) >= 2 and bool(
        _DECISION.search(text, max(0, start - _WINDOW), min(len(text), end + _WINDOW))
    )


# A tally's label before its figure or "none": "For – 25", "\"against\" – none"
_LABEL_WORD = re.compile(
    r"(?i)[\"«“]?\b("
    + _TALLY_WORDS
    + r")[\"»”]?(?:\s*[–—:-]\s*\d|\s*[–—:-]?\s*(?:none|no(?:body)?)\b)"
    r"|\b\d+\s+(for)\b"
)
# What says a vote was held, where no word of voting does
_DECISION = re.compile(
    r"(?i)\bin\s+favou?r\s*\?|\bwho\s+is\s+for\b[^?.\n]{0,80}\?|\b(?:is|are|was|were)\s+(?:adopted|approved|carried)\b"
    r"|(?:^|[.?!]\s+)adopted\b"
    r"|\btaken\s+into\s+account\b"
)
# How far a tally's other label may stand from its figure
_TALLY_REACH = 40


def voters(text: str, start: int) -> str:
    """Who votes: the last of "deputies", "members", "senators", "participants" before
    ``start`` (near the vote, else in the record before it: "Registered: 58 participants"),
    in the singular; "vote" after "Votes:"; "deputy" when the text names none."""
    if _VOTES_LABEL.search(text, max(0, start - 30), start):
        return "vote"  # "Votes: 9 in favour, 2 against"
    # the tally's own words ("Voted: 8 members for"), then the record's count of those who
    # attend ("10 of the 13 members of the committee are registered"), though a speaker
    # addresses them otherwise ("Dear deputies!"), then the nearest named before
    lo = max(0, start - _WINDOW)
    sentence = max(
        text.rfind(".", lo, start), text.rfind("?", lo, start), text.rfind("\n", lo, start)
    )
    found = (
        _VOTERS.findall(text, max(lo, sentence), start)
        or _attending(text, start)
        or _VOTERS.findall(text, max(0, start - _WINDOW), start)
        or _VOTERS.findall(text, max(0, start - _RECORD_WINDOW), start)
    )
    return found[-1].lower().removesuffix("s").replace("deputie", "deputy") if found else "deputy"


def _attending(text: str, start: int) -> list[str]:
    """The voters' nouns of the record's head before ``start`` in sentences that count who
    attends."""
    head = text[: min(start, _HEAD)]
    found = []
    for match in _VOTERS.finditer(head):
        lo = max(head.rfind(".", 0, match.start()), head.rfind("\n", 0, match.start())) + 1
        stops = [i for i in (head.find(".", match.end()), head.find("\n", match.end())) if i >= 0]
        hi = min([*stops, len(head)])
        if _ATTENDING.search(head, lo, hi) and re.search(r"\d|\b(?:of|out)\b", head[lo:hi]):
            found.append(match.group(1))
    return found


# The members who vote or sit, as counted units.
MEMBERS = frozenset(("deputy", "member", "senator", "councillor", "councilor"))
_ATTENDING = re.compile(
    r"(?i)\b(?:present|registered|took\s+part|take\s+part|attended|attend|quorum)\b"
)
_PRESENT_BEFORE = re.compile(r"(?i)\bpresent\s*:\s*$")


def is_attendance(text: str, start: int, end: int, unit: str | None) -> bool:
    """True when the count of members at ``text[start:end]`` says who attends the session:
    "33 of the 39 deputies are registered", "Present: 34 members", "of the 45 deputies,
    38 were registered" (a word of attending in its sentence, before or after it)."""
    if unit not in MEMBERS:
        return False
    if _PRESENT_BEFORE.search(text, max(0, start - 12), start):
        return True
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 120) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    hi = min([*stops, end + 120])
    return bool(_ATTENDING.search(text, lo, hi))


# The time a speaker is given: "you have ten minutes", "30 minutes for the report",
# "the floor is yours, ten minutes please", "three minutes for a question".
_SPEAKING_UNITS = frozenset(("minute", "min", "second"))
_FLOOR_BEFORE = re.compile(
    r"(?i)\b(?:you\s+have|(?:is|are)\s+given|has\s+the\s+floor,?|the\s+floor\s+is\s+yours,?"
    r"|keep\s+(?:the|my|our)\s+(?:report|speech|statement)\s+(?:to|within)"
    r"|(?:a\s+single|one)\s+question\s+and\s+no\s+more\s+than"
    r"|(?:each|every)\s+(?:deputy|speaker|member)\s+has|gets?)\s+(?:up\s+to\s+)?$"
)
_FOR_SPEECH_AFTER = re.compile(
    r"(?i)" + WS_START + r"\s+(?:for\s+(?:the|a|each|his|her|your)\s+(?P<noun>report|speech|"
    r"question|follow-up|answer|statement|presentation|reply|remark)s?\b|please\b|each\b)"
    r"|" + WS_START + r",\s*please\b"
)
# What a chair's words before the minutes name them for: "The report will be given by the
# Finance Minister. Twenty minutes, please." (the nearest "report" or "question" before)
_SPEECH_NAMED_BEFORE = re.compile(r"(?i)\b(report|question)s?\b")
_SPEECH_LOOKBACK = 300


def speaking_time(text: str, start: int, end: int, unit: str | None) -> str | None:
    """What the minutes at ``text[start:end]`` are given for when they are a speaker's time
    in a session ("report", "question"; "time" when nothing is named), else None."""
    if (unit or "").split("/")[0] not in _SPEAKING_UNITS:
        return None
    after = _FOR_SPEECH_AFTER.match(text, end)
    if after is not None and after.group("noun"):
        return after.group("noun").lower()
    if after is None and not _FLOOR_BEFORE.search(text, max(0, start - 60), start):
        return None
    # "The next item is the annual report of the Accounts Chamber ... Fifteen minutes,
    # please": nothing names what the minutes are for, the chair's words before do
    named = list(_SPEECH_NAMED_BEFORE.finditer(text, max(0, start - _SPEECH_LOOKBACK), start))
    return named[-1].group(1).lower() if named else "time"
