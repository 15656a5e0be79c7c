"""The ``extractor_entities`` component: the model's NER corrected for government texts.

Corrections (docs/schema.md, entities): gazetteer names override the model ("Kyzylorda" is a
GPE, not a PERSON); an administrative word after a place name joins it ("Kyzylorda
region"); "X region akimat" is an ORG; titles ("Deputy Akim of ...") are cut out of
PERSON spans and offered as the person's ``title``; a first name with a patronymic is a
PERSON. Gazetteers are data: ``resources/gazetteers/*.jsonl``.
"""

from __future__ import annotations

import re as stdlib_re
from functools import lru_cache

import regex as re
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..resources import read_json, read_jsonl
from ..rules.indicators import load_indicators
from ..rules.intervals import Intervals, SpanIndex
from ..rules.rx import BULLET_GLYPH, HSPACE, WS_START, rx
from ..rules.timex import MONTH_NAMES, YEAR
from ..rules.units import CURRENCY_CODE, load_lexicon
from ..schema import (
    ENTITY_LABELS,
    SPANS_ENTITIES,
    SPANS_QUANTITIES,
    SPANS_TIMES,
    add_span,
    make_record,
    register_extensions,
)

GAZETTEERS = ("gpe.jsonl", "org.jsonl", "loc.jsonl", "law.jsonl", "norp.jsonl")
_ADMIN = (
    r"(?:region|regions|district|districts|oblast|city|village|rural\s+district|province|krai"
    r"|republic|town|settlement|microdistrict)"
)
_ADMIN_AFTER = re.compile(WS_START + r"\s+(" + _ADMIN + r")(?![\p{L}])")
_ORG_AFTER = re.compile(
    WS_START
    + r"(?:\s+"
    + _ADMIN
    + r")?\s+(akimat|hokimiyat|administration|maslikhat|council|kenesh|kengash|hukumat|duma"
    + r"|(?<=city\s)hall)(?![\p{L}])",
    re.I,
)
_LOC_AFTER = re.compile(
    WS_START + r"\s+((?:[\w-]+\s+){0,2}?(?:deposit|field|river|lake|reservoir|sea|mountains|valley"
    r"|canal|national\s+park|nature\s+reserve))(?![\p{L}])",
    re.I,
)
_FAC_AFTER = re.compile(
    WS_START
    + r"\s+(airport|highway|railway\s+station|plant|factory|port|bridge|station|arena)(?![\p{L}])",
    re.I,
)
# Russian-style patronymics: "Duysenovich", "Kanatovna", "Bakhytuly", "Serikkyzy".
_PATRONYMIC = re.compile(r"^[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|uly|kyzy|ulu)$")
_LEGAL_FORM_END = re.compile(r"\s(?:JSC|LLP|LLC|PLC|Ltd\.?)$")
# "Minister of Healthcare", "Head of State": a portfolio in a title, not a body.
_ROLE_OF = re.compile(r"(?:Minister|Head)\s+of\s+(?:the\s+)?$")
_BODY_WORD = re.compile(
    r"(?:Agency|Committee|Ministry|Department|Service|Office|Bureau|Inspectorate|Fund|Council)$"
)
_MINISTER_OF = re.compile(r"(?:the\s+)?(?:(?:First|Deputy|Vice|Prime)[\s-]+)*Minister\s+of\s")
_PRIORITY = {"quote": 4, "rule": 3, "gaz": 2, "ner": 1}
_TRAILING_FUNCTION_WORDS = re.compile(WS_START + r"(?:\s+(?:of|the|and|for|in|on|to))+\s*$")
_TRAILING_TIME = re.compile(
    WS_START + r"\s+(?:in|on|since|until|by)\s+(?:" + MONTH_NAMES + r"|(?:19|20)\d\d)\b.*$"
)
_TRAILING_MONEY = re.compile(WS_START + r"\s+(?:of|for|worth)\s+(?:" + CURRENCY_CODE + r"|US)$")
_HOUR_AFTER = re.compile(WS_START + r"\s+hour\b")
_CURRENCY_AFTER = re.compile(WS_START + r"\s+(?:dollars?|cents?)\b")
# A list of figures by place: a header naming districts, regions or cities, a colon, then
# "Name – number" items up to the sentence's end.
_PLACE_LIST_HEADER = re.compile(
    r"(?i)\b(?:districts|regions|cities|provinces|oblasts|towns)\b[^.:;\n]{0,40}:"
)
_LIST_END = re.compile(r"\.(?=\s)|\n")
_PLACE_ITEM = re.compile(
    r"(?<![\p{L}'’-])(?P<span>[\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)?"
    r"(?:\s+(?:city|district|region|town))?)\s+[–—-]\s+\d"
)
# A run of figures by place inside a sentence: "Balashovsky district – 31,4 c/ha,
# Arkadaksky – 29,8 and Rtishchevsky – 27,6", "Taylak (112,4%), Bulungur (111,8%) and
# Jomboy (110,9%)" ... "districts": one member with its administrative word, or the shared
# plural after the run, makes every bare name of it a place.
_FIGURE_ITEM = re.compile(
    r"(?<![\p{L}'’-])(?P<span>[\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)?)"
    r"(?P<admin>\s+(?:city|district|region|town))?"
    r"\s*(?:[–—-]\s*\d(?:[^,;.\n()]|[,.](?=\d)){0,40}?(?=,\s|\s+and\s|[;.\n]|$)"
    r"|\(\s*\d[^()\n]{0,40}\))"
)
# ... or the words just before the run say the figures are by districts or regions
_PLACES_BEFORE = re.compile(r"(?i)\b(?:districts|regions|cities|towns)\b[^.\n]{0,60}[.?:]?\s*$")
_ITEM_GAP = re.compile(r",\s+(?:and\s+)?|" + WS_START + r"\s+and\s+")
_SHARED_ADMIN = re.compile(WS_START + r"\s+(?:districts|regions|cities|towns)\b")
# Words that end a company's name ("Jinhe Metallurgy", "Kara-Suu Gold Mining")
_COMPANY_WORDS = (
    "Metallurgy|Consult|Consulting|Agro|Tekstil|Textile|Group|Holding|Mining|Energy|Invest"
    "|Oil|Gas|LNG|Komir|Steel|Cement"
)
# A name the model took for a person that ends in a word of a company's or a body's name
_COMPANY_WORD_END = re.compile(
    r"[" + HSPACE + r"](?:" + _COMPANY_WORDS + r"|Fund|Chamber|Development|Service|Bank)$"
)
# "Kara-Suu Gold Mining", "Semey Zhylu Energy", "Taraz Polytechnic College", "Tajik
# Technical University": a place or a people named first in a company's or a school's name
_COMPANY_AFTER = re.compile(
    r"(?:[ -][\p{Lu}][\p{Ll}]+){0,2}?[ -](?:" + _COMPANY_WORDS + r"|Azot|University|College"
    r"|Institute|Exchange)(?![\p{L}\d-])(?!\s+(?:and\s+[\p{Lu}]|\d))"
)
# "(IDA)", "(Kalugastat)", "(UTY)": a short name defined in brackets right after a name
_SHORT_NAME_DEFINED = re.compile(
    r"[ \u00a0]?\((?P<short>[\p{Lu}][\p{Lu}\p{Ll}\d&-]{1,24})\)", re.V1
)
_OPEN_QUOTES = '"“«'
_CLOSE_QUOTE = re.compile(r"[^\"”»\n]{0,80}?[\"”»]")
# "..., " said Daulet Myrzakhmetov.' / 'Daulet Myrzakhmetov noted'
# The speech verbs the fact linker reads speakers by (resources/fact_words.json), less the
# ones that do not stand between a quote and a name ("according to").
_SAID = "|".join(
    re.escape(v).replace(r"\ ", r"\s+")
    for v in read_json("fact_words.json")["speech_verbs"]
    if v != "according to"
)
_PERSON_SAID = re.compile(
    r"(?:\b(?:" + _SAID + r")\s+"
    r"(?P<span>[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?[^\S\n]+[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?)(?![\p{L}])(?!\s+(?:region|district|city|LLP|JSC))"
    r"|[,.][\"”»]?\s+[–—-]?\s*(?P<span>[\p{Lu}][\p{Ll}]+[^\S\n]+[\p{Lu}][\p{Ll}]+)\s+(?:also\s+)?(?:"
    + _SAID
    + r"))"
)
_LEGAL_FORM = re.compile(WS_START + r"\s*(JSC|LLP|LLC|PLC|Ltd\.?|JV|NC|NJSC|SE|RSE|SPC)\b")


_LEADING_FUNCTION_WORD = re.compile(
    r"(?:The|A|An|In|On|At|For|From|By|With|To|Of|And|But|This|That|These|Those|During|Under|"
    r"Since|Among|According|After|Before|Over|Within|Also|Meanwhile|Besides|Then|Thus|As|While|"
    r"When|Where|Our|Its|Their|His|Her|Each|Every|All|Both|Including|Later|Earlier|Now|Today|"
    r"However|Therefore|Moreover|Furthermore|Here|There|Yesterday|Currently|Recently)\s+(?=[\p{Lu}\d])"
)
# "Bakhyt Duysenovich", "Aliya Serikovna Mukhametova": a first name and a patronymic, and
# the surname when one follows, name a person wherever they stand.
_NAME_PATRONYMIC = re.compile(
    r"(?<![\p{L}\d-])(?!"
    + _LEADING_FUNCTION_WORD.pattern
    + r")(?P<span>[\p{Lu}][\p{Ll}]+\s+[\p{Lu}][\p{Ll}]+"
    r"(?:ovich|evich|ovna|evna|ichna)(?:\s+[\p{Lu}][\p{Ll}]+(?=[^\p{L}]|$))?)(?![\p{L}\d-])"
)
# Surnames in CIS official texts: Zhumabekov, Baimukhanova, Kasymov, Bekmukhambetuly.
_SURNAME = re.compile(
    r"[\p{Lu}][\p{Ll}]+(?:ov|ev|yev|ova|eva|yeva|in|ina|uly|kyzy|ko|enko|sky|skiy|skaya|ich|ovna|evna)$"
)

_PERSIAN_SURNAME_END = ("zoda", "zade", "zada")
# Words no person's name holds: places and bodies ("Regional Duma" after "Deputies of the")
_NO_PERSON_WORDS = frozenset(
    "region district akimat ministry city duma council committee chamber assembly kenesh "
    "kengash maslikhat parliament government hokimiyat hukumat administration".split()
)


def _names_a_body(surface: str) -> bool:
    """Whether a span holds a place's or a body's word, which no person's name does."""
    return any(w.lower().strip(",.") in _NO_PERSON_WORDS for w in surface.split())


_HONORIFICS = frozenset(("ms", "mr", "mrs", "comrade", "auditor"))
# "N.", "A. V.", "Sh.", "Zh. A.": a person's initials before a surname
_INITIALS = r"(?:[\p{Lu}][\p{Ll}]?\.[ \u00a0]?){1,2}"
# A surname that names a person alone: a CIS ending or a Persian one (Kabirzoda)
_LONE_SURNAME = (
    r"[\p{Lu}][\p{Ll}]{2,}(?:ov|ev|yev|ova|eva|yeva|in|ina|uly|kyzy|enko|sky|skiy|skaya"
    r"|zoda|zade|zada)"
)


def _lone_word_no_surname(name: str) -> bool:
    """One word with no surname ending (Zhumabekov, Rahimzoda, Bekmukhambetuly)."""
    name = name.strip()
    if " " in name or "." in name:
        return False
    return not (_SURNAME.match(name.title()) or name.lower().endswith(_PERSIAN_SURNAME_END))


def link_persons(names: list[str]) -> dict[str, str]:
    """One id per person across the ways a document names them.

    "Bakhyt Zhakhanov", "Zhakhanov" (the surname) and "Bakhyt Duysenovich" (the first
    name with a patronymic) all get ``bakhyt-zhakhanov``: the slug of the fullest name.

    Args:
        names: the PERSON mentions of one document.

    Returns:
        Mention text -> person id.
    """
    full = [
        n
        for n in dict.fromkeys(names)
        if len(n.split()) >= 2 and not _PATRONYMIC.match(n.split()[-1])
    ]
    full.sort(key=lambda n: -len(n.split()))
    ids: dict[str, str] = {}
    for name in dict.fromkeys(names):
        words = name.split()
        match = None
        for candidate in full:
            cw = candidate.split()
            if name == candidate or words[-1] == cw[-1]:
                match = candidate  # same surname
                break
            if len(words) >= 2 and _PATRONYMIC.match(words[1]) and words[0] == cw[0]:
                match = candidate  # first name with patronymic
                break
        canonical = match or name
        ids[name] = rx(r"[^\p{L}\d]+").sub("-", canonical.lower()).strip("-")
    return ids


def _not_a_name(surface: str, after: str = "") -> bool:
    """Numbers and unit symbols that the model sometimes tags as ORG ("MW", "KZT37.4bn"),
    and the nationality a currency's name opens ("Swiss" of "12 million Swiss francs"; the
    word after the name is ``after``)."""
    lexicon = load_lexicon()
    if any(ch.isdigit() for ch in surface) or lexicon.code_of(surface) is not None:
        return True
    word = _NEXT_WORD.match(after)
    code = lexicon.code_of(f"{surface} {word[1]}") if word is not None else None
    return code is not None and lexicon.kind_of(code) == "currency"


_NEXT_WORD = re.compile(r"\s+(\p{L}+)")


def _name_at_end(text: str, start: int, end: int) -> tuple[int, int]:
    """The person's name at the end of a capitalised run after a title.

    "Minister of Industry and Infrastructure Development Kanat Zhumabekov" -> the last
    two words; three when the middle one is a patronymic ("Aliya Serikovna Mukhametova").
    """
    words = list(rx(r"\S+").finditer(text[start:end]))
    take = 2
    if len(words) >= 3 and _PATRONYMIC.match(words[-2].group()):
        take = 3
    if len(words) <= take:
        return start, end
    return start + words[-take].start(), end


def _trim_trailing_person(text: str, start: int, end: int) -> int:
    """Cut a person's name off the end of an organisation's name.

    "Cabinet of Ministers Erkin Kasymov" -> "Cabinet of Ministers".
    """
    m = re.search(
        r"\s+[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?\s+([\p{Lu}][\p{Ll}]+)$", text[start:end]
    )
    if m and _SURNAME.match(m.group(1)) and m.start() > 0:
        return start + m.start()
    return end


@lru_cache(maxsize=1)
def load_gazetteer() -> list[dict]:
    """Every gazetteer entry: ``{"label", "pattern", ...}``."""
    return [row for name in GAZETTEERS for row in read_jsonl(f"gazetteers/{name}")]


@lru_cache(maxsize=1)
def load_rules() -> list[tuple[dict, re.Pattern]]:
    """Pattern rules for names the model misses (``resources/entity_rules.jsonl``)."""
    return [(row, re.compile(row["pattern"])) for row in read_jsonl("entity_rules.jsonl")]


@lru_cache(maxsize=1)
def _places_and_bodies() -> frozenset[str]:
    """The gazetteers' names of places and bodies, which no title's holder is."""
    return frozenset(
        row["pattern"]
        for row in load_gazetteer()
        if row.get("label") in ("GPE", "LOC", "ORG") and isinstance(row.get("pattern"), str)
    )


@lru_cache(maxsize=1)
def load_titles() -> tuple[str, ...]:
    """Role words (akim, minister, ...) that are never part of a name."""
    return tuple(row["title"] for row in read_jsonl("gazetteers/titles.jsonl"))


# A list's bullet the model read into a name: a bullet glyph, or a dash before a space.
_LEADING_BULLET = rx(r"(?:" + BULLET_GLYPH + r"|\*|[–—-](?=\s))\s*")


@lru_cache(maxsize=4)
def _lowercase_words(text: str) -> frozenset[str]:
    """The words a document writes in lower case: a capitalised one of them is no name."""
    return frozenset(rx(r"(?<![\p{L}-])[\p{Ll}][\p{Ll}-]*(?![\p{L}])").findall(text))


_MISREAD_PLACE = ("PERSON", "ORG", "NORP")
_GAP_WINDOW = 16  # ", and " with its spaces
_WORD_WINDOW = 80  # longer than any one-word place name
_LIST_NAME = re.compile(
    r"[\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}]?[\p{Ll}'’]+)*(?![\p{L}\d-])(?![^\S\n]+[\p{Lu}])"
)


def _figure_runs(text: str) -> list[list[re.Match]]:
    """Runs of two or more "Name – figure" / "Name (figure)" items joined by commas and
    "and"."""
    runs: list[list[re.Match]] = []
    for m in _FIGURE_ITEM.finditer(text):
        if runs and _ITEM_GAP.fullmatch(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) > 1]


def _coordinated_places(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names listed with a place are places: "in Kostanay, Rudny and Zhitikara".

    A one-word name joined by a comma or "and" to a GPE, that the model took for a
    PERSON, ORG or NORP, is a GPE too; longer names keep their label.
    """
    by_start = {s: (s, e, label) for s, e, label in spans}
    out = dict(by_start)
    queue = [(s, e) for s, e, label in spans if label == "GPE" and " " not in text[s:e]]
    seen = set(queue)
    while queue:
        s, e = queue.pop()
        after = rx(r",[^\S\n]+(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+").match(text, e)
        # Windows before a name are bounded (a list gap, a one-word name, the word before it)
        # so that every place costs the same however long the document is.
        before = rx(r"(?:,[^\S\n]+(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)$").search(
            text, max(0, s - _GAP_WINDOW), s
        )
        candidates = []
        if after:
            m = _LIST_NAME.match(text, after.end())
            if m:
                candidates.append(m.span())
        if before:
            m = rx(r"(?<![\p{L}\d-])[\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}]?[\p{Ll}'’]+)*$").search(
                text, max(0, before.start() - _WORD_WINDOW), before.start()
            )
            if m and not rx(r"[\p{Lu}][\p{L}]*[^\S\n]+$").search(
                text, max(0, m.start() - _WORD_WINDOW), m.start()
            ):
                candidates.append(m.span())
        for cs, ce in candidates:
            if _LEADING_FUNCTION_WORD.match(text[cs:ce] + " X") or (cs, ce) in seen:
                continue
            overlap = [v for v in out.values() if v[0] < ce and cs < v[1]]
            if [v[:2] for v in overlap] != [(cs, ce)] or overlap[0][2] not in _MISREAD_PLACE:
                continue
            out[cs] = (cs, ce, "GPE")
            seen.add((cs, ce))
            queue.append((cs, ce))
    return sorted(out.values())


def _bodies_of_bodies(text: str, records: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "the Mazhilis of the Parliament of the Republic of Kazakhstan", "National Electric
    Network of Kyrgyzstan OJSC": a body named as part of another is one organisation (two
    ORGs joined by "of" or "of the"). ``records`` is sorted."""
    out: list[tuple[int, int, str]] = []
    for record in records:
        if (
            out
            and record[2] == "ORG"
            and out[-1][2] == "ORG"
            and text[out[-1][1] : record[0]] in (" of the ", " of ")
        ):
            out[-1] = (out[-1][0], record[1], "ORG")
        else:
            out.append(record)
    return out


@lru_cache(maxsize=1)
def load_not_entities() -> frozenset[str]:
    """Surfaces the model takes for names that never are ("GRP", "MCI", "Address"): the
    gazetteer's, and every abbreviation the indicator taxonomy names an indicator by
    ("FTT", foreign trade turnover; "GVA")."""
    listed = {row["text"] for row in read_jsonl("gazetteers/not_entities.jsonl")}
    abbreviations = {
        cue for ind in load_indicators() for cue in ind.cues if _ABBREVIATION.fullmatch(cue)
    }
    return frozenset(listed | abbreviations)


_ABBREVIATION = rx(r"\p{Lu}{2,6}s?")
_LEADING_THE = rx(r"(?i)^the\s+")


def _relabel(named: str | None, label: str) -> str:
    """The label of a span whose name the document gives elsewhere: a person's name is a
    PERSON everywhere; a company's name the model took for a person is the company."""
    if named == "PERSON":
        return "PERSON"
    if named == "ORG" and label == "PERSON":
        return "ORG"
    return label


# A company's legal form after its name: "Saryarka Komir LLP", "Kazmortransflot JSC"
_LEGAL_FORMS = frozenset(("LLP", "LLC", "JSC", "OJSC", "CJSC", "PJSC", "PLC", "Ltd", "Ltd."))


def _without_legal_form(name: str) -> str:
    """The name without the legal form that ends or opens it, or the name itself."""
    parts = name.rsplit(None, 1)
    if len(parts) == 2 and parts[1] in _LEGAL_FORMS:
        return parts[0]
    parts = name.split(None, 1)
    return parts[1] if len(parts) == 2 and parts[0] in _LEGAL_FORMS else name


# Names that may hold a year ("Nurly Zhol 2020-2025", "EXPO-2017", "Kazakhstan-2050")
_NAMES_WITH_YEARS = frozenset(("LAW", "EVENT", "ORG", "FAC"))
# only a year or a range of years is part of a name ("on Wednesday" inside a name the model
# drew too long stays a time)
_YEARS = re.compile(YEAR + r"(?:\s*[-–—]\s*(?:" + YEAR + r"|\d\d))?")


# "the State Programme of Industrial and Innovative Development for 2020-2025": the years a
# programme's or a law's title ends with are part of its name
_TITLE_YEARS = re.compile(
    WS_START + r"[ \t]+(?:for[ \t]+(?:the[ \t]+period[ \t]+)?(?:up[ \t]+to[ \t]+|until[ \t]+)?"
    r"|until[ \t]+|up[ \t]+to[ \t]+)"
    + YEAR
    + r"(?:[ \t]*[-–—][ \t]*"
    + YEAR
    + r")?(?!\d)"
    # "Under the Business Road Map 2020, 41 entrepreneurs ...": a year right after the
    # name, before a comma or the word "programme", ends the name too
    + r"|"
    + WS_START
    + r"[ \t]+"
    + YEAR
    + r"(?:[ \t]*[-–—][ \t]*"
    + YEAR
    + r")?"
    r"(?=[ \t]*(?:[,;:)»”\"]|program(?:me)?s?\b))"
)


# "Dunyo news agency", "the 24.kg news agency": the agency's name is the organisation
_AGENCY_TAIL = re.compile(r"(?<=[\p{Lu}\d][\p{L}\d.-]*)[ \t]+(?:news|information)[ \t]+agency$")


def _with_its_years(text: str, record: tuple[int, int, str]) -> tuple[int, int, str]:
    """A LAW record with the years its title ends with ("... Development for 2020-2025")."""
    start, end, label = record
    years = _TITLE_YEARS.match(text, end) if label == "LAW" else None
    return (start, years.end(), label) if years else record


def _without_agency_word(text: str, record: tuple[int, int, str]) -> tuple[int, int, str]:
    """An ORG record without "news agency" after its name ("Dunyo news agency")."""
    start, end, label = record
    tail = _AGENCY_TAIL.search(text, start, end) if label == "ORG" else None
    return (start, tail.start(), label) if tail else record


class EntityRefiner:
    """Correct the model's entities with gazetteers and rules; write ``extractor_entities``."""

    def __init__(self, nlp: Language, name: str = "extractor_entities") -> None:
        register_extensions()
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {}
        for row in load_gazetteer():
            by_label.setdefault(row["label"], []).append(row["pattern"])
        for label, patterns in by_label.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(patterns)))
        titles = sorted(load_titles(), key=len, reverse=True)
        self._title_words = {w for t in titles for w in t.split()} | {"–", "-"}
        title_alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
        self._title_prefix = re.compile(
            r"(?i)^(?:(?:the|first|former|acting)\s+)*(?:"
            + title_alt
            + r"|mrs?\.?|ms\.?|comrade)"
            + r"(?:\s+of\s+(?:the\s+)?[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*(?:\s+"
            + _ADMIN
            + r")?)?[\s,]+"
        )
        # "Akim of Mangystau region Yerbolat Sarsenbayev": two or three capitalised words
        # after a title phrase are a name.
        self._person_after_title = re.compile(
            r"(?i:\b(?:(?:first\s+)?(?:deputy\s+|vice[\s-])?(?:" + title_alt + r")))"
            r"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'-]*|and|of|the|for|on|under)(?:,?\s+(?:[\p{Lu}][\p{L}'-]*|and|of|the|for|on|region|district|city|oblast))*?)?"
            r",?\s+(?P<span>[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?(?:\s+[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?){1,2})(?![\p{L}])(?!\s+[\p{Lu}][\p{Ll}])"
            r"(?!\s+(?:of|for)\s)"  # "Minister of Labour and Social Protection of the ..."
            r"(?!\s+(?:region|district|city|village|LLP|JSC|Ministry|Committee))"
        )
        # "Deputy Kuanyshev", "Minister of Agriculture N. Tokbergenov", "Ms Vetlugina": a
        # surname alone, or initials and a surname, after a title or an honorific
        self._short_name_after_title = re.compile(
            r"(?i:\b(?:(?:first\s+)?(?:deputy\s+|vice[\s-])?(?:" + title_alt + r"|comrade|auditor)"
            r"|\b(?:ms|mr|mrs)\.?))"
            r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[\p{Lu}][\p{L}'-]*(?:\s+(?:[\p{Lu}][\p{L}'-]*|and|of|the))*?)?"
            r",?[ \u00a0]+(?P<span>" + _INITIALS + r"[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?"
            r"|(?<!\b(?i:of|the|in)[ \u00a0])" + _LONE_SURNAME + r")"
            r"(?![\p{L}\d-])(?![ \u00a0]+[\p{Lu}][\p{Ll}])(?!\.?[ \u00a0]?[\p{Lu}]\.)"
            r"(?!\s+(?:region|district|city|village|oblast|street|avenue))"
        )
        self._title_before = re.compile(
            r"(?i)((?:(?:first\s+)?(?:deputy\s+|vice[\s-])?(?:"
            + title_alt
            + r"))(?:\s+(?:of|for)\s+[^,.;()\"“”]{2,80}?)?)[\s,]*$"
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found: list[tuple[int, int, str, str]] = []  # start, end, label, source
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            found.append((span.start_char, span.end_char, doc.vocab.strings[match_id], "gaz"))
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                found.append((ent.start_char, ent.end_char, ent.label_, "ner"))
        found.extend(self._rule_matches(text))
        quantities = SpanIndex(
            (s.start_char, s.end_char) for s in doc.spans.get(SPANS_QUANTITIES, [])
        )
        # Inside an amount, units and numbers are not names ("40 MW"); a nationality or a
        # brand may be ("48 thousand Kyrgyz citizens", "500 KAMAZ trucks").
        found = [
            f for f in found
            if not (
                quantities.contains(f[0], f[1])
                and _not_a_name(text[f[0] : f[1]], text[f[1] : f[1] + 20])
            )
        ]  # fmt: skip
        records = _coordinated_places(
            text, _bodies_of_bodies(text, self._propagate(text, self._resolve(text, found, doc)))
        )
        records = [_without_agency_word(text, _with_its_years(text, r)) for r in records]
        # "Bozaigyr was not connected", "Novatek", "Hereford": one word the model alone
        # called a person, with no surname's ending, is a village, a company or a breed
        by_rule = {(f[0], f[1]) for f in found if f[3] != "ner"}
        records = [
            r
            for r in records
            if not (
                r[2] == "PERSON"
                and (r[0], r[1]) not in by_rule
                and _lone_word_no_surname(text[r[0] : r[1]])
            )
        ]
        doc.spans[SPANS_ENTITIES] = []
        person_ids = link_persons([text[s:e] for s, e, label in records if label == "PERSON"])
        for start, end, label in records:
            fields = {}
            if label == "PERSON":
                title = self._title_for(text, start)
                if title:
                    fields["title"] = title
                fields["person_id"] = person_ids[text[start:end]]
            add_span(doc, SPANS_ENTITIES, make_record(label, text, start, end, **fields))
        if SPANS_TIMES in doc.spans:
            # "the \"Affordable Housing 2020\" programme", "Business Road Map-2025": a year
            # inside a name is part of the name, no time
            names = SpanIndex((s, e) for s, e, label in records if label in _NAMES_WITH_YEARS)
            doc.spans[SPANS_TIMES] = [
                t
                for t in doc.spans[SPANS_TIMES]
                if not (_YEARS.fullmatch(t.text) and names.contains(t.start_char, t.end_char))
            ]
        return doc

    def _rule_matches(self, text: str) -> list[tuple[int, int, str, str]]:
        out: list[tuple[int, int, str, str]] = []
        for row, pattern in load_rules():
            for m in pattern.finditer(text):
                start, end = m.span("span")
                if row.get("split"):
                    for name in re.finditer(
                        r"[\p{Lu}][\p{L}'’-]*(?:[\s-][\p{Lu}][\p{L}'’-]*){0,2}", text[start:end]
                    ):
                        out.append((start + name.start(), start + name.end(), row["label"], "rule"))
                else:
                    out.append((start, end, row["label"], "quote" if "group" in row else "rule"))
        for m in self._person_after_title.finditer(text):
            start, end = _name_at_end(text, *m.span("span"))
            if text[start:end] in _places_and_bodies():
                continue  # "the President of the Kyrgyz Republic": a title of a country
            out.append((start, end, "PERSON", "rule"))
        for m in self._short_name_after_title.finditer(text):
            name = m.group("span")
            if name in _places_and_bodies():
                continue  # "the Mayor of Tambov"
            before = text[m.start() : m.start("span")].split()
            if (
                "." not in name
                and before[-1][:1].isupper()
                and before[-1].lower().strip(",.") not in self._title_words | _HONORIFICS
            ):
                continue  # "Accounts Chamber Firdavs Nazarzoda": a first name before it
            out.append((*m.span("span"), "PERSON", "rule"))
        for m in _PERSON_SAID.finditer(text):
            out.append((*m.span("span"), "PERSON", "rule"))
        for m in _NAME_PATRONYMIC.finditer(text):
            out.append((*m.span("span"), "PERSON", "rule"))
        for run in _figure_runs(text):
            if (
                any(m.group("admin") for m in run)
                or _SHARED_ADMIN.match(text, run[-1].end())
                or _PLACES_BEFORE.search(text, max(0, run[0].start() - 80), run[0].start())
            ):
                out.extend((*m.span("span"), "GPE", "rule") for m in run if not m.group("admin"))
        for m in _PLACE_LIST_HEADER.finditer(text):
            # "by districts (in %): Chust – 11,8; Pap – 11,2; Namangan city – 0,1": the names
            # of a list the header says are places
            end = _LIST_END.search(text, m.end())
            stop = end.start() if end else len(text)
            for item in _PLACE_ITEM.finditer(text, m.end(), stop):
                out.append((*item.span("span"), "GPE", "rule"))
        return out

    def _resolve(
        self, text: str, found: list[tuple[int, int, str, str]], doc: Doc
    ) -> list[tuple[int, int, str]]:
        fixed: list[tuple[int, int, str, int]] = []
        for start, end, label, source in found:
            start, end, label = self._fix(text, start, end, label, source, doc)
            if start >= end or label is None:
                continue
            fixed.append((start, end, label, _PRIORITY[source]))
        # Rules first, then gazetteers, then the model; among equals the longest span.
        fixed.sort(key=lambda f: (-f[3], -(f[1] - f[0]), f[0]))
        taken: list[tuple[int, int, str]] = []
        index = Intervals()
        for start, end, label, _ in fixed:
            if index.overlaps(start, end):
                continue
            index.add(start, end)
            taken.append((start, end, label))
        taken.sort()
        return taken

    def _propagate(
        self, text: str, spans: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """One name, one label per document: label the other mentions of names found once.

        "Yerbolat Sarsenbayev" found after his title is a PERSON wherever else the
        document names him, and so is "Sarsenbayev" alone.
        """
        names: dict[str, str] = {}
        for start, end, label in spans:
            name = text[start:end]
            if label in ("PERSON", "ORG", "FAC", "LOC", "LAW", "GPE") and " " in name:
                names.setdefault(name, label)
                if label == "PERSON":
                    surname = name.split()[-1]
                    if len(surname) > 3 and not _PATRONYMIC.match(surname):
                        names.setdefault(surname, label)
                elif label == "ORG":
                    # "Saryarka Komir LLP" is "Saryarka Komir" on its next mentions
                    bare = _without_legal_form(name)
                    if bare != name and len(bare) > 3 and bare[:1].isupper():
                        names.setdefault(bare, label)
            if label in ("ORG", "FAC", "LAW"):
                # "the International Development Association (IDA)", "the Federal State
                # Statistics Service for Kaluga Region (Kalugastat)": the short name the text
                # defines for a body stands for it wherever the text uses it
                short = _SHORT_NAME_DEFINED.match(text, end)
                if short and short["short"] not in names:
                    names[short["short"]] = label
        # A span the model labelled otherwise takes the label its name has elsewhere.
        out = [(s, e, _relabel(names.get(text[s:e]), label)) for s, e, label in spans]
        if not names:
            return out
        # One scan for every name (a pattern per name would scan the text once a name):
        # at each position the longest name that stands there; the longest names are
        # placed first, as if each were searched for in turn.
        ordered = sorted(names, key=len, reverse=True)
        # A pattern of this document's names, compiled once for it: the standard library's
        # compiler is three times faster than regex's, and leaves regex's cache alone. A
        # letter or digit ([^\W_]) or a hyphen may not touch a name on either side.
        alternation = "|".join(stdlib_re.escape(n) for n in ordered)
        pattern = stdlib_re.compile(r"(?<![^\W_])(?<!-)(?=(" + alternation + r")(?![^\W_]|-))")
        hits = sorted(
            ((m.start(), m.start() + len(m.group(1))) for m in pattern.finditer(text)),
            key=lambda h: (-(h[1] - h[0]), h[0]),
        )
        index = Intervals((s, e) for s, e, _ in out)
        for start, end in hits:
            if not index.overlaps(start, end):
                index.add(start, end)
                out.append((start, end, names[text[start:end]]))
        out.sort()
        return out

    def _fix(
        self, text: str, start: int, end: int, label: str, source: str, doc: Doc
    ) -> tuple[int, int, str | None]:
        surface = text[start:end]
        if source == "quote":
            return start, end, label  # a quoted name is taken whole
        bullet = _LEADING_BULLET.match(text, start, end)
        if bullet:
            # "• Investments in fixed capital – ...": a list's bullet is never part of a name
            start = bullet.end()
            surface = text[start:end]
            if not surface.strip():
                return start, end, None
        if start > 0 and text[start - 1] in _OPEN_QUOTES:
            # '"Enbek Zholy"' with only "Enbek" recognised: the quotes delimit the name.
            close = _CLOSE_QUOTE.match(text, end)
            if close:
                end = close.end() - 1
        # "In Turkistan region", "The Aktobe Ferroalloy Plant": a capitalised function word
        # at the start of a sentence is not part of the name.
        m = _LEADING_FUNCTION_WORD.match(text, start, end)
        if m:
            start = m.end()
        if label == "ORG":
            end = _trim_trailing_person(text, start, end)
        surface = text[start:end]
        words = text[start:end].split()
        if not words:
            return start, end, None
        if (
            _LEADING_FUNCTION_WORD.match(words[0] + " X")
            and len(words) > 1
            and words[1][0].islower()
        ):
            return start, end, None  # "The region": no name at all
        if label == "PERSON" and all(w.lower().strip(",") in self._title_words for w in words):
            return start, end, None  # "Vice Minister" alone
        if label in ("PERSON", "ORG") and source == "ner" and words[-1].lower() in load_titles():
            # "Statistics Agency Head": the body before a role is the ORG; "Governor" is nothing.
            if len(words) > 1 and _BODY_WORD.match(words[-2]):
                end = start + text[start:end].rstrip().rfind(" ")
                surface, label = text[start:end], "ORG"
            elif label == "PERSON":
                return start, end, None
        if label == "ORG" and source == "ner" and _MINISTER_OF.match(surface):
            return start, end, None  # "Minister of Finance": a portfolio, not the ministry
        if _LEADING_THE.sub("", surface).rstrip(" ,.;:") in load_not_entities():
            # "GRP", "the President's Address": indicators, speeches; "CHAIR (M. Serikbayev):"
            # a transcript's role label, not a dateline city
            return start, end, None
        if ":" in surface and source != "quote":
            # "Chairman of the Committee: Colleagues, let us begin": a name never runs on
            # past a colon into the speech after it
            end = start + surface.index(":")
            surface = text[start:end].rstrip()
            end = start + len(surface)
            if not surface:
                return start, end, None
        when = _TRAILING_TIME.search(surface)
        if when and label in ("ORG", "FAC", "GPE") and source != "quote":
            # "submitted to the Government in June": a time after a name is not part of it
            end = start + when.start()
            surface = text[start:end]
        money = _TRAILING_MONEY.search(surface)
        if money and label in ("ORG", "FAC", "GPE") and source != "quote":
            # "a loan of the Asian Development Bank of USD 110 mln": the sum the body lends
            # is no part of its name
            end = start + money.start()
            surface = text[start:end]
        tail = _TRAILING_FUNCTION_WORDS.search(surface)
        if tail and label in ("ORG", "FAC", "LAW"):
            # "The Plenipotentiary Representative of the President": a name does not end in
            # "of the"
            end = start + tail.start()
            surface = text[start:end]
        if (
            label in ("ORG", "PERSON")
            and source == "ner"
            and _LEADING_THE.sub("", surface).lower() in load_titles()
        ):
            return start, end, None  # "the Plenipotentiary Representative of": a role
        if label == "ORG" and surface == "Government" and _HOUR_AFTER.match(text, end):
            return start, end, None  # "Government hour": a kind of sitting, not the body
        if label == "GPE" and _CURRENCY_AFTER.match(text, end):
            return start, end, None  # "against the US dollar": a currency's name, not a place
        if source == "ner" and surface.isupper() and load_lexicon().kind_of(surface) == "currency":
            return start, end, None  # "CHF 16.4 million", "SDR 30 million": a currency's code
        if label == "ORG" and source == "ner" and len(words) > 1 and words[-1] == "Project":
            # "the Rural Access Roads and Bridges Project": a named project, like a named
            # programme, is LAW
            label = "LAW"
        before = text[max(0, start - 20) : start]
        if label == "ORG" and source == "ner" and _ROLE_OF.search(before):
            return start, end, None  # "Minister of Healthcare", "Head of State": part of a title
        if source in ("ner", "rule") and len(words) > 1 and all(w[:1].islower() for w in words[1:]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if (
                span is not None
                and span[0].tag_ in ("NN", "NNS")
                and span[0].is_sent_start
                and words[1] in ("to", "of", "in", "for", "from", "on", "at", "with", "by")
            ):
                # "Inflow to the reservoir in October was 31 percent below the norm": a
                # sentence that opens on a common noun, its capital no name's
                return start, end, None
        if source == "rule":
            if label == "PERSON":
                tm = self._title_prefix.match(text[start:end])
                if tm:
                    start += tm.end()
                if _names_a_body(text[start:end]):
                    return start, end, None  # "Deputies of the Regional Duma": a body
            return start, end, label
        # "the Ministry of Energy": the determiner stays outside.
        m = rx(r"(?i)the\s+").match(surface)
        if m:
            start += m.end()
            surface = text[start:end]
        # "Kazakhstan's", "Almaty,": the possessive and trailing punctuation stay outside.
        surface_stripped = rx(r"(?:['’]s)?[\s,.;:]*$").sub("", surface)
        end = start + len(surface_stripped) if surface_stripped else end
        if label == "PERSON":
            tm = self._title_prefix.match(text[start:end])
            if tm:
                start += tm.end()
            if start >= end:
                return start, end, None
            words = text[start:end].split()
            if _names_a_body(text[start:end]):
                return start, end, None
            if len(words) == 1 and words[0].lower() in load_titles():
                return start, end, None
        if label in ("GPE", "LOC", "ORG") or (label == "PERSON" and source == "ner"):
            om = _ORG_AFTER.match(text, end)
            if om and label in ("GPE",):
                return start, om.end(), "ORG"
        if label in ("GPE", "NORP", "LOC") and source in ("ner", "gaz"):
            cm = _COMPANY_AFTER.match(text, end)
            if cm:
                return start, cm.end(), "ORG"
        if label == "GPE":
            am = _ADMIN_AFTER.match(text, end)
            if am and not am.group(1).endswith("s"):
                end = am.end()
            elif am is None:
                lm = _LOC_AFTER.match(text, end)
                if lm and source == "gaz" and not rx(r"(?i)region|district").search(lm.group(1)):
                    return start, lm.end(), "LOC"
        if label in ("ORG", "GPE", "PERSON", "FAC", "LOC"):
            lf = _LEGAL_FORM.match(text, end)
            if lf and label == "ORG":
                end = lf.end()
            fm = _FAC_AFTER.match(text, end)
            if fm and label in ("ORG", "PERSON", "FAC") and source == "ner":
                return start, fm.end(), "FAC"
            lm = _LOC_AFTER.match(text, end)
            if lm and label in ("ORG", "PERSON", "LOC") and source == "ner":
                return start, lm.end(), "LOC"
        if source == "ner":
            # "KAZINFORM - Investments": a dash between words ends a name; a heading line
            # before a name is not part of it ("Remittances\n\nSadykov").
            dash = rx(r"\s[-–—]\s").search(text[start:end])
            if dash:
                end = start + dash.start()
            newline = text.rfind("\n", start, end)
            if newline >= 0:
                start = newline + 1
            span = doc.char_span(start, end, alignment_mode="expand")
            if (
                span is not None
                and len(span) == 1
                and span[0].tag_ not in ("NNP", "NNPS")
                and label in ("ORG", "PERSON")
            ):
                return start, end, None  # "Farmers", "Healthcare": a capitalised common noun
            if text[start:end] in (
                "Committee",
                "Ministry",
                "Department",
                "Agency",
                "Council",
                "Fund",
                "Chamber",
            ):
                return start, end, None  # a generic institution word alone
            words = text[start:end].split()
            if (
                label in ("ORG", "GPE", "NORP")
                and len(words) == 2
                and _SURNAME.match(words[-1])
                and words[0][0].isupper()
            ):
                label = "PERSON"  # "Kuandyk Kassymov": a first name and a CIS surname
        one = text[start:end]
        if label in ("PERSON", "ORG", "GPE", "NORP") and source == "ner" and " " not in one:
            if one[:1].isupper() and one.lower() in _lowercase_words(text):
                return start, end, None  # "Coal is supplied", "Healthcare": "coal" elsewhere
        if label == "ORG" and source == "ner" and " " not in one:
            if rx(r"\b(?:in|near)\s$").search(text, 0, start) and not one.isupper():
                return start, end, "GPE"  # "in Kochkor-Ata": one word after "in" is a place
        if label == "PERSON" and source == "ner":
            if not rx(r"[\p{Lu}]").match(text[start:end]):
                return start, end, None
            first = rx(r"[\p{Lu}][\p{Ll}]+[" + HSPACE + r"]$").search(
                text, max(0, start - 30), start
            )
            if first and _PATRONYMIC.match(text[start:end]):
                start = first.start()  # "Daulet Kenesovich": the first name before a patronymic
            elif " " not in text[start:end] and rx(r"\b(?:in|near)\s$").search(text, 0, start):
                return start, end, "GPE"  # "in Sol-Iletsk": one word after "in" is a place
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) == 1 and span[0].tag_ in ("NN", "NNS"):
                return start, end, None  # "Citizens", "Cotton": a capitalised common noun
            if _LEGAL_FORM_END.search(text[start:end]):
                return start, end, "ORG"
            if _COMPANY_WORD_END.search(text[start:end]):
                return start, end, "ORG"  # "Jinhe Metallurgy", "Iqtisod Consult", "Yamal LNG"
        if label == "NORP" and text[start:end].islower():
            return start, end, None  # "republican budget"
        if (
            source == "ner"
            and text[start:end].isupper()
            and len(text[start:end]) > 4
            and " " not in text[start:end]
        ):
            return start, end, None  # headline capitals; datelines are found by rule
        if (label in ("ORG", "LAW", "EVENT", "FAC") or source == "ner") and text[
            start:end
        ].lower() == text[start:end]:
            return start, end, None  # lower-case generic mention ("the government")
        return start, end, label

    def _title_for(self, text: str, start: int) -> str | None:
        window = text[max(0, start - 120) : start]
        m = self._title_before.search(window)
        if not m:
            return None
        title = rx(r"\s+").sub(" ", m.group(1)).strip(" ,")
        return title[0].upper() + title[1:] if title else None


@Language.factory(
    "extractor_entities",
    assigns=["doc.spans", "span._.extractor"],
    requires=["doc.ents", "token.tag"],
    default_config={},
)
def make_entity_refiner(nlp: Language, name: str) -> EntityRefiner:
    """Build the entity refiner (uses ``doc.ents`` from the model's NER when present)."""
    return EntityRefiner(nlp, name)
