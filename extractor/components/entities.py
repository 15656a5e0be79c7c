"""The ``extractor_entities`` component: the model's NER corrected for government texts.

Corrections (ANNOTATION.md §2.3): gazetteer names override the model ("Kyzylorda" is a
GPE, not a PERSON); an administrative word after a place name joins it ("Kyzylorda
region"); "X region akimat" is an ORG; titles ("Deputy Akim of ...") are cut out of
PERSON spans and offered as the person's ``title``; a first name with a patronymic is a
PERSON. Gazetteers are data: ``resources/gazetteers/*.jsonl``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex as re
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..schema import ENTITY_LABELS, SPANS_ENTITIES, add_span, make_record, register_extensions

GAZETTEERS = ("gpe.jsonl", "org.jsonl", "loc.jsonl", "law.jsonl", "norp.jsonl")
_ADMIN = r"(?:region|regions|district|districts|oblast|city|village|rural\s+district|province|krai|republic|town|settlement|microdistrict)"
_ADMIN_AFTER = re.compile(r"\s+(" + _ADMIN + r")(?![\p{L}])")
_ORG_AFTER = re.compile(r"(?:\s+" + _ADMIN + r")?\s+(akimat|hokimiyat|administration|maslikhat|council)(?![\p{L}])", re.I)
_LOC_AFTER = re.compile(r"\s+((?:[\w-]+\s+){0,2}?(?:deposit|field|river|lake|reservoir|sea|mountains|valley|canal|national\s+park|nature\s+reserve))(?![\p{L}])", re.I)
_FAC_AFTER = re.compile(r"\s+(airport|highway|railway\s+station|plant|factory|port|bridge|station|arena)(?![\p{L}])", re.I)
# Russian-style patronymics: "Duysenovich", "Kanatovna", "Bakhytuly", "Serikkyzy".
_PATRONYMIC = re.compile(r"^[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|uly|kyzy|ulu)$")
_LEGAL_FORM = re.compile(r"\s*(JSC|LLP|LLC|PLC|Ltd\.?|JV|NC|NJSC|SE|RSE|SPC)\b")


@lru_cache(maxsize=1)
def load_gazetteer() -> list[dict]:
    """Every gazetteer entry: ``{"label", "pattern", ...}``."""
    folder = resources.files("extractor.resources").joinpath("gazetteers")
    rows: list[dict] = []
    for name in GAZETTEERS:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        rows.extend(json.loads(line) for line in text.splitlines() if line.strip())
    return rows


@lru_cache(maxsize=1)
def load_titles() -> tuple[str, ...]:
    """Role words (akim, minister, ...) that are never part of a name."""
    text = resources.files("extractor.resources").joinpath("gazetteers/titles.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line)["title"] for line in text.splitlines() if line.strip())


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
        title_alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
        self._title_prefix = re.compile(
            r"(?i)^(?:(?:the|first|former|acting)\s+)*(?:" + title_alt + r")(?:\s+of\s+(?:the\s+)?[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*(?:\s+" + _ADMIN + r")?)?[\s,]+"
        )
        self._title_before = re.compile(
            r"(?i)((?:(?:first\s+)?(?:deputy\s+|vice[\s-])?(?:" + title_alt + r"))(?:\s+(?:of|for)\s+[^,.;()\"“”]{2,80}?)?)[\s,]*$"
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
        records = self._resolve(text, found)
        doc.spans[SPANS_ENTITIES] = []
        for start, end, label in records:
            fields = {}
            if label == "PERSON":
                title = self._title_for(text, start)
                if title:
                    fields["title"] = title
            add_span(doc, SPANS_ENTITIES, make_record(label, text, start, end, **fields))
        return doc

    def _resolve(self, text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
        fixed: list[tuple[int, int, str, int]] = []
        for start, end, label, source in found:
            start, end, label = self._fix(text, start, end, label, source)
            if start >= end or label is None:
                continue
            priority = 2 if source == "gaz" else 1
            fixed.append((start, end, label, priority))
        # Longest span wins; among equals, the gazetteer.
        fixed.sort(key=lambda f: (-(f[1] - f[0]) - 1000 * (f[3] == 2 and f[2] != "NORP"), f[0]))
        taken: list[tuple[int, int, str]] = []
        for start, end, label, _ in fixed:
            if any(start < e and s < end for s, e, _ in taken):
                continue
            taken.append((start, end, label))
        taken.sort()
        return taken

    def _fix(self, text: str, start: int, end: int, label: str, source: str) -> tuple[int, int, str | None]:
        surface = text[start:end]
        # "the Ministry of Energy": the determiner stays outside.
        m = re.match(r"(?i)the\s+", surface)
        if m:
            start += m.end()
            surface = text[start:end]
        # "Kazakhstan's", "Almaty,": the possessive and trailing punctuation stay outside.
        surface_stripped = re.sub(r"(?:['’]s)?[\s,.;:]*$", "", surface)
        end = start + len(surface_stripped) if surface_stripped else end
        if label == "PERSON":
            tm = self._title_prefix.match(text[start:end])
            if tm:
                start += tm.end()
            if start >= end:
                return start, end, None
            words = text[start:end].split()
            if any(w.lower() in ("region", "district", "akimat", "ministry", "city") for w in words):
                return start, end, None
            if len(words) == 1 and words[0].lower() in load_titles():
                return start, end, None
        if label in ("GPE", "LOC", "ORG") or (label == "PERSON" and source == "ner"):
            om = _ORG_AFTER.match(text, end)
            if om and label in ("GPE",):
                return start, om.end(), "ORG"
        if label == "GPE":
            am = _ADMIN_AFTER.match(text, end)
            if am and not am.group(1).endswith("s"):
                end = am.end()
            elif am is None:
                lm = _LOC_AFTER.match(text, end)
                if lm and source == "gaz" and not re.search(r"(?i)region|district", lm.group(1)):
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
        if label == "PERSON" and source == "ner":
            if not re.match(r"[\p{Lu}]", text[start:end]):
                return start, end, None
        if label in ("ORG", "LAW", "EVENT", "FAC") and text[start:end].lower() == text[start:end]:
            return start, end, None  # lower-case generic mention ("the government")
        return start, end, label

    def _title_for(self, text: str, start: int) -> str | None:
        window = text[max(0, start - 120) : start]
        m = self._title_before.search(window)
        if not m:
            return None
        title = re.sub(r"\s+", " ", m.group(1)).strip(" ,")
        return title[0].upper() + title[1:] if title else None


@Language.factory(
    "extractor_entities",
    assigns=["doc.spans"],
    requires=[],
    default_config={},
)
def make_entity_refiner(nlp: Language, name: str) -> EntityRefiner:
    """Build the entity refiner (uses ``doc.ents`` from the model's NER when present)."""
    return EntityRefiner(nlp, name)
