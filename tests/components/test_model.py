"""The stand-ins for the model's attribute ruler and NER give the model's own output."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from extractor.components.model import ATTRIBUTES, NER, AttributeTable, _not_names, name_windows
from extractor.pipeline import load_base_model
from extractor.schema import ENTITY_LABELS

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP]

# Texts that reach every kind of rule of the ruler: tag rules, word-and-tag rules,
# dependency rules, the two-word rules ("ain't", "gonna", "let's") and whitespace.
ODD_TEXTS = [
    "I ain't gonna sign it, let's wait. We gotta go.",
    "But the akim said: it's 5%, isn't it?  Yes.\n\n\nNo.",
    "ALMATY. KAZINFORM - The region's GRP grew by 4.1% in 2023.",
    "",
    "   ",
    "Over 65 thousand new jobs were created; 1.5 trillion tenge of investments.",
]


@pytest.fixture(scope="module")
def model():
    return load_base_model()


@pytest.fixture(scope="module")
def texts():
    return ODD_TEXTS + [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:12]]


def test_attribute_table_gives_what_the_attribute_ruler_gives(model, texts):
    """POS, tags, morphology, lemmas and dependencies identical, token by token."""
    with model.select_pipes(disable=["ner"]):
        expected = [doc.to_array(COLUMNS) for doc in model.pipe(texts)]
    model.add_pipe(ATTRIBUTES, after="attribute_ruler")
    try:
        with model.select_pipes(disable=["ner", "attribute_ruler"]):
            got = [doc.to_array(COLUMNS) for doc in model.pipe(texts)]
    finally:
        model.remove_pipe(ATTRIBUTES)
    assert sum(len(a) for a in got) > 5_000
    for text, want, have in zip(texts, expected, got, strict=True):
        assert (want == have).all(), text[:80]


def test_attribute_table_runs_the_ruler_for_a_pattern_it_cannot_read():
    """A pattern with an operator is beyond the table: it runs the ruler itself."""
    own = load_base_model(exclude=("ner",))
    ruler = own.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "tenge"}, {"IS_PUNCT": True, "OP": "?"}]], {"LEMMA": "TENGE"})
    table = AttributeTable(own)
    with own.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        doc = own("It costs 5 tenge.")
    table(doc)
    assert table._single is None
    assert [t.lemma_ for t in doc if t.lower_ == "tenge"] == ["TENGE"]


def _names(doc):
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS}


def test_windowed_ner_finds_the_names_the_whole_document_gives(model, texts):
    """Around capitalised words the NER sees what it sees in the whole document; what may
    change are lower-case guesses far from any capital, and guesses on units and months
    ("MW" as ORG)."""
    full = [_names(doc) for doc in model.pipe(texts)]
    model.add_pipe(NER, after="ner")
    try:
        with model.select_pipes(disable=["ner"]):
            windowed = [_names(doc) for doc in model.pipe(texts)]
    finally:
        model.remove_pipe(NER)
    docs = list(model.pipe(texts))

    not_names = _not_names()

    def capitalised(doc, names):
        """Names with a word that may be a name: capitalised, not a unit or a month."""
        return {
            n
            for n in names
            if any(
                any(c.isupper() for c in t.text) and t.lower_.rstrip(".") not in not_names
                for t in doc[n[0] : n[1]]
            )
        }

    names = [capitalised(d, n) for d, n in zip(docs, full, strict=True)]
    same = sum(len(a & b) for a, b in zip(names, windowed, strict=True))
    total = sum(len(a) for a in names)
    assert total > 300
    # names with a capital: all but a rare long tail past the window ('the "Tariff in
    # exchange for investments" program')
    assert same / total >= 0.99
    for doc, a, b, kept in zip(docs, full, windowed, names, strict=True):
        for start, end, label in (a ^ b) & kept:  # what differs starts or ends in lower case
            span = doc[start:end]
            assert span[0].is_lower or span[-1].is_lower or not span.text[:1].isupper(), (
                span.text,
                label,
            )


@pytest.mark.parametrize(
    ("text", "windows"),
    [
        ("nothing here is capitalised at all, 5 tons of coal .", []),
        ("The output grew by 5 percent and the plan was met in full this year .", []),
        ("In January-September output grew by 5 % , 812 MW and KZT 5 bn in Q3 .", []),
        ("Output grew in Almaty by 5 percent and the plan was met in full this year .", "one"),
        ("Almaty a b c d e f g h i j k l m n o p q r s Astana", "two"),
        ("Almaty a b c d e f g h i j Astana", "one"),
    ],
)
def test_name_windows(model, text, windows):
    """Windows around capitalised words, merged when they touch; a sentence's opening
    function word ("The") opens none."""
    doc = model(text)
    found = name_windows(doc, margin=6)
    if windows == []:
        assert found == []
        return
    assert len(found) == {"one": 1, "two": 2}[windows]
    for start, end in found:
        assert any(not t.text.islower() and t.text[:1].isupper() for t in doc[start:end])
    assert all(a[1] < b[0] for a, b in zip(found, found[1:], strict=False))
