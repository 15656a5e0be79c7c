"""Cheaper stand-ins for two of the English model's components, with the same output.

``extractor_attributes`` does what the model's ``attribute_ruler`` does (coarse POS,
morphology and a few lemmas from the fine-grained tag, the word and its dependency) with a
table looked up once per distinct token instead of a ``Matcher`` run over every token:
the ruler was 12% of the pipeline's time. Its table is built from the ruler's own patterns,
so POS, morphology and lemmas are identical for any model version; a pattern the table
cannot express makes it run the ruler itself.

``extractor_ner`` runs the model's statistical NER only where a name can be: around every
word with a capital letter, ``NER_MARGIN`` tokens either side, the stretches of one
document joined into one doc with a sentence start at each join (so no entity crosses
one). The NER was 38% of the pipeline's time and half of a transcript's tokens are far from
any capital. A capitalised token's representation is the one it has in the whole
document (the model's CNN sees four tokens either side), so names come out the same; what
changes is lower-case guesses far from any name ("republican" as NORP, "cubic meter" as
PERSON), which the gold set never counts.

Both keep the model's component in the pipeline, disabled, and use it from there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import regex as re
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

ATTRIBUTES = "extractor_attributes"
NER = "extractor_ner"
# Tokens kept either side of a word with a capital letter: four give the capitalised word
# itself the representation it has in the whole document (the model's CNN sees four tokens
# either side). Six, which give the same to its neighbours too, made no difference on the
# 95 documents of the corpus, and cost a fifth more time.
NER_MARGIN = 4
# A capitalised word that begins a sentence and has one of these tags is a function word
# ("The", "In", "Over", "According"): no name begins there.
_FUNCTION_TAGS = frozenset(
    "DT IN PRP PRP$ CC RB RBR RBS WRB WDT WP WP$ EX MD TO VB VBD VBG VBN VBP VBZ CD PDT "
    "UH LS RP JJR JJS POS".split()
)
_TOKEN_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
_WRITTEN = (POS, TAG, MORPH, LEMMA)  # what the table writes with from_array


class _Unsupported(Exception):
    """A ruler pattern the lookup table cannot express."""


def _predicate(attr: str, spec) -> callable:
    """A test of one token key (tag, lower, dep, is_space) for one pattern attribute."""
    if attr not in _TOKEN_KEYS:
        raise _Unsupported(attr)
    where = _TOKEN_KEYS.index(attr)
    if not isinstance(spec, dict):
        return lambda key: key[where] == spec
    if len(spec) != 1:
        raise _Unsupported(spec)
    ((op, arg),) = spec.items()
    if op == "IN":
        options = frozenset(arg)
        return lambda key: key[where] in options
    if op == "NOT_IN":
        options = frozenset(arg)
        return lambda key: key[where] not in options
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda key: isinstance(key[where], str) and pattern.search(key[where]) is not None
    raise _Unsupported(op)


def _token_test(token_pattern: dict) -> callable:
    if any(k in ("OP",) for k in token_pattern):
        raise _Unsupported("OP")
    tests = [_predicate(attr, spec) for attr, spec in token_pattern.items()]
    return lambda key: all(test(key) for test in tests)


class AttributeTable:
    """The ``attribute_ruler``'s rules as a lookup: each distinct token (its tag, lower
    case, dependency and whether it is space) maps to the attributes the rules give it,
    applied in the ruler's order, later rules winning."""

    def __init__(self, nlp: Language, name: str = ATTRIBUTES) -> None:
        self.nlp = nlp
        self.name = name
        self._ready = False
        self._ruler = None

    def _build(self) -> None:
        ruler = self.nlp.get_pipe("attribute_ruler")
        self._ruler = ruler
        self._attrs = list(ruler.attrs)  # normalised: attribute id -> value id, by rule
        self._single: list[tuple[int, callable]] = []  # (rule, test)
        self._multi: list[tuple[int, int, list]] = []  # (rule, index, tests)
        try:
            for rule, entry in enumerate(ruler.patterns):
                for pattern in entry["patterns"]:
                    tests = [_token_test(tok) for tok in pattern]
                    index = entry.get("index", 0) % len(tests)
                    if len(tests) == 1:
                        self._single.append((rule, tests[0]))
                    else:
                        self._multi.append((rule, index, tests))
            if len(self._attrs) != len(ruler.patterns):
                raise _Unsupported("patterns and attributes differ in number")
        except _Unsupported:
            self._single = self._multi = None  # run the ruler itself
        self._merged: dict[tuple[int, ...], dict] = {}
        self._key_code: dict[tuple, int] = {}  # token key ids -> index in _keys
        self._keys: list[tuple[tuple[int, ...], tuple[bool, ...]]] = []
        self._table: tuple | None = None
        self._ready = True

    def _lookup(self, key: tuple) -> tuple[tuple[int, ...], tuple[bool, ...]]:
        """The single-token rules that match a token key, and for each token of each
        multi-token rule whether the key passes it (called once per distinct key)."""
        rules = tuple(rule for rule, test in self._single if test(key))
        parts = tuple(test(key) for _, _, tests in self._multi for test in tests)
        return rules, parts

    def _merge(self, rules: tuple[int, ...]) -> dict:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in sorted(rules):
                merged.update(self._attrs[rule])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not self._ready:
            self._build()
        if self._single is None:
            return self._ruler(doc)
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        codes = []  # each token's key, as an index into the table
        for ids in doc.to_array(_KEY_COLUMNS).tolist():
            code = self._key_code.get(key := tuple(ids))
            if code is None:
                tag, lower, dep, space = key
                found = self._lookup(
                    (
                        strings[tag] if tag else "",
                        strings[lower],
                        strings[dep] if dep else "",
                        bool(space),
                    )
                )
                code = self._key_code[key] = len(self._keys)
                self._keys.append(found)
                self._table = None
            codes.append(code)
        if self._table is None:
            self._build_table()
        if self._table is None:  # an attribute the table does not write: run the ruler
            return self._ruler(doc)
        values, setting, deps, firsts = self._table
        at = numpy.asarray(codes)
        array = doc.to_array(list(_WRITTEN))
        array = numpy.where(setting[at], values[at], array)
        # tokens that multi-token rules may reach, and whitespace given a dependency:
        # merged one by one, in rule order, like the ruler
        extra: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(firsts[at]).tolist():
            offset = 0
            for rule, index, tests in self._multi:
                n = len(tests)
                if i + n <= len(doc) and all(
                    self._keys[codes[i + j]][1][offset + j] for j in range(n)
                ):
                    extra.setdefault(i + index, []).append(rule)
                offset += n
        for i in numpy.flatnonzero(deps[at]).tolist():
            extra.setdefault(i, [])
        dep_values = []
        for i, more in extra.items():
            merged = self._merge(tuple(self._keys[codes[i]][0]) + tuple(more))
            for attr, value in merged.items():
                if attr in _WRITTEN:
                    array[i, _WRITTEN.index(attr)] = value
                elif attr == DEP:
                    dep_values.append((i, value))
        doc.from_array(list(_WRITTEN), array)
        for i, value in dep_values:
            doc[i].dep = value
        return doc

    def _build_table(self) -> None:
        """The values each key's single-token rules write (POS, TAG, MORPH, LEMMA), which of
        them they write, whether they write a dependency, and whether a multi-token rule
        may start there."""
        n = len(self._keys)
        values = numpy.zeros((n, len(_WRITTEN)), dtype="uint64")
        setting = numpy.zeros((n, len(_WRITTEN)), dtype=bool)
        deps = numpy.zeros(n, dtype=bool)
        firsts = numpy.zeros(n, dtype=bool)
        starts = []
        offset = 0
        for _, _, tests in self._multi:
            starts.append(offset)
            offset += len(tests)
        for code, (rules, parts) in enumerate(self._keys):
            for attr, value in self._merge(tuple(rules)).items():
                if attr in _WRITTEN:
                    values[code, _WRITTEN.index(attr)] = value
                    setting[code, _WRITTEN.index(attr)] = True
                elif attr == DEP:
                    deps[code] = True
                else:
                    self._single = None
                    self._table = None
                    return
            firsts[code] = any(parts[o] for o in starts)
        self._table = (values, setting, deps, firsts)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


# Capitalised words that are no names and start none: months and days, and unit,
# currency and indicator codes (the NER's guesses there, "MW" or "KZT 812" as ORG, are
# never names).
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday grp gdp gva vat q1 q2 q3 q4 bln mln trln bn".split()
)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    from ..resources import read_jsonl

    # the project's own unit codes and their symbols ("KZT", "MW", "kWh", "TEU")
    codes = set()
    for row in read_jsonl("units.jsonl"):
        codes.add(row["code"].lower())
        codes.update(symbol.lower() for symbol in row.get("symbols", []) if symbol.isalpha())
    return _NOT_NAMES | codes


def _name_positions(doc: Doc) -> list[int]:
    """Tokens a name may be near: every word with a capital letter, except a function word
    that begins a sentence, a month or day, or a unit or currency code."""
    not_names = _not_names()
    return [
        t.i
        for t in doc
        if any(c.isupper() for c in t.text)
        and not (t.is_sent_start and t.tag_ in _FUNCTION_TAGS)
        and t.lower_.rstrip(".") not in not_names
    ]


def name_windows(doc: Doc, margin: int = NER_MARGIN) -> list[tuple[int, int]]:
    """Stretches of ``doc`` (token start, end) within ``margin`` tokens of a possible name,
    in order, not overlapping."""
    windows: list[tuple[int, int]] = []
    n = len(doc)
    for i in _name_positions(doc):
        start, end = max(0, i - margin), min(n, i + margin + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


class WindowedNER:
    """The model's NER run only on the stretches of a document near a capitalised word."""

    def __init__(self, nlp: Language, name: str = NER, margin: int = NER_MARGIN) -> None:
        self.nlp = nlp
        self.name = name
        self.margin = margin

    def _excerpt(self, doc: Doc) -> tuple[Doc | None, list[int]]:
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        where: list[int] = []
        for start, end in name_windows(doc, self.margin):
            for token in doc[start:end]:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                starts.append(token.i == start or bool(token.is_sent_start))
                where.append(token.i)
        if not words:
            return None, where
        return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts), where

    def _copy_back(self, doc: Doc, excerpt: Doc | None, where: list[int]) -> Doc:
        ents = []
        if excerpt is not None:
            for ent in excerpt.ents:
                first, last = where[ent.start], where[ent.end - 1]
                if last - first == ent.end - 1 - ent.start:  # contiguous in the document
                    ents.append(Span(doc, first, last + 1, label=ent.label))
        doc.set_ents(ents, default="outside")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        excerpt, where = self._excerpt(doc)
        if excerpt is not None:
            excerpt = self.nlp.get_pipe("ner")(excerpt)
        return self._copy_back(doc, excerpt, where)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        ner = self.nlp.get_pipe("ner")
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._pipe_batch(ner, batch)
                batch = []
        if batch:
            yield from self._pipe_batch(ner, batch)

    def _pipe_batch(self, ner, docs: list[Doc]) -> Iterator[Doc]:
        excerpts = [self._excerpt(doc) for doc in docs]
        found = iter(ner.pipe([e for e, _ in excerpts if e is not None], batch_size=len(docs)))
        for doc, (excerpt, where) in zip(docs, excerpts, strict=True):
            yield self._copy_back(doc, next(found) if excerpt is not None else None, where)


@Language.factory(
    ATTRIBUTES,
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp, name)


@Language.factory(NER, assigns=["doc.ents", "token.ent_type", "token.ent_iob"])
def make_windowed_ner(nlp: Language, name: str) -> WindowedNER:
    return WindowedNER(nlp, name)


def use_fast_components(nlp: Language) -> None:
    """Put the table in place of ``attribute_ruler`` and the windowed NER in place of
    ``ner`` (each kept, disabled, for the stand-in to use)."""
    for model_name, ours in (("attribute_ruler", ATTRIBUTES), ("ner", NER)):
        if model_name in nlp.pipe_names and ours not in nlp.pipe_names:
            nlp.add_pipe(ours, after=model_name)
            nlp.disable_pipe(model_name)
