"""The real pipeline (English model + extractor components), one row per phenomenon."""

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor
from extractor.rules.rx import ODD_SPACES


def find(records, label, text):
    hits = [r for r in records if r["label"] == label and r["text"] == text]
    assert hits, f"{label} {text!r} not in {[(r['label'], r['text']) for r in records]}"
    return hits[0]


@pytest.mark.parametrize(
    "text,span,value,unit",
    [
        ("More than 65 thousand new jobs were created.", "65 thousand new jobs", 65000, "job"),
        (
            "We launched 47 digitalization projects since 2018.",
            "47 digitalization projects",
            47,
            "project",
        ),
        ("The plant produces 6 types of cement.", "6 types", 6, "type"),
        ("In total 399 specialists (doctors) were involved.", "399 specialists", 399, "specialist"),
        ("The city repaired 400 streets.", "400 streets", 400, "street"),
        ("The akimat opened three new schools.", "three new schools", 3, "school"),
        ("About 1,200 families received housing.", "1,200 families", 1200, "family"),
        ("The farm keeps 5,000 heads of cattle.", "5,000 heads", 5000, "head"),
        ("The plants assemble 11 and 14 models respectively.", "11", 11, "model"),
        ("The plants assemble 11 and 14 models respectively.", "14 models", 14, "model"),
        # Counted nouns take a rate that follows them.
        ("The railway runs 16 high-speed trains a day.", "16 high-speed trains a day", 16,
         "train/day"),
        ("The airport serves 146 flights a week.", "146 flights a week", 146, "flight/week"),
        # A change "from A to B" counts what B counts, or the X of "the number of X".
        ("The queue decreased from 14 thousand to 9.5 thousand children.", "14 thousand",
         14000, "child"),
        ("The number of emergency schools decreased from 11 to 3.", "3", 3, "school"),
        # Billions with no unit are the money their sentence names.
        ("Pensions account for 6.1 trillion, healthcare – 2.9 trillion, education – 2.4 "
         "trillion tenge.", "2.9 trillion", 2.9e12, "KZT"),
        # A network generation is a code, not grams: the amount counts the noun after it.
        ("Operators installed 1 438 5G base stations.", "1 438 5G base stations", 1438,
         "station"),
        ("Villages get access at a speed of at least 100 Mbit/s.", "100 Mbit/s", 100, "Mbit/s"),
        # A list whose members carry dash labels shares the last member's unit and scale.
        ("The largest items were education – 168.2, housing – 124.9 and transport – 96.5 "
         "billion tenge.", "168.2", 1.682e11, "KZT"),
        # A number after a month is a day only when it can be one.
        ("In August 38 new school buses were purchased.", "38 new school buses", 38, "bus"),
        # "five of them", "40 of the 106 schools": parts counted like their whole.
        ("Another 12 buses will arrive, five of them adapted for children.", "five", 5, "bus"),
        ("Overcrowded: 40 of the 106 municipal schools work in shifts.", "40", 40, "school"),
        # A year before "to" is a time, not the low end of a range.
        ("The deficit falls from 2.7% of GDP in 2025 to 1.6% in 2027.", "1.6%", 1.6, "%"),
    ],
)  # fmt: skip
def test_counted_nouns(extract, text, span, value, unit):
    rec = find(extract(text), "QUANTITY", span)
    assert (rec["value"], rec["unit"]) == (value, unit)


def test_unit_written_apart_from_its_number(extract):
    text = ("Over the past 5 years, 1.5 trillion have been attracted to the economy of the region. "
            "tenge of investments, more than 3 million square meters of housing were commissioned.")  # fmt: skip
    rec = find(extract(text), "QUANTITY", "1.5 trillion")
    assert (rec["value"], rec["unit"]) == (1.5e12, "KZT")


def test_partitive_takes_the_unit_of_the_amount_named(extract):
    text = "More than 65 thousand new jobs were created, of which 55 thousand were permanent jobs."
    rec = find(extract(text), "QUANTITY", "55 thousand")
    assert (rec["value"], rec["unit"]) == (55000, "job")


@pytest.mark.parametrize(
    "text,number",
    [
        ("Shalkiya is considered the 5th deposit in the world.", "5"),
        (
            'Now all emergency services (101, 102, 103, 112) are available on a single number "112".',
            "112",
        ),
        ("It is one of the world's largest deposits.", "one"),
        ("Questions of three-shift schools have found a solution.", "three"),
        ("In 2020, it is planned to implement the project.", "2020"),
        ("Thanks to early detection, the five-year survival rate has reached 53%.", "five"),
    ],
)
def test_numbers_that_are_not_quantities(extract, text, number):
    assert not [r for r in extract(text) if r["label"] == "QUANTITY" and number in r["text"]]


@pytest.mark.parametrize(
    "text,span,start,end",
    [
        ("Over the past 5 years, investments grew.", "the past 5 years", "2015", "2019"),
        ("The plant, launched in December 2018, works.", "December 2018", "2018-12", "2018-12"),
        ("Since July 2019, products have been exported.", "July 2019", "2019-07", "2020"),
        ("By 2022 it is planned to increase output by 1.6 times.", "2022", "2020", "2022"),
        ("Over 3 years, the life expectancy increased by 1 year.", "3 years", "2017", "2019"),
    ],
)
def test_times_in_pipeline(extract, text, span, start, end):
    rec = find(extract(text), "TIME", span)
    assert (rec["time_start"], rec["time_end"]) == (start, end)


@pytest.mark.parametrize(
    "text,label,span",
    [
        (
            "Deputy Akim of Kyzylorda region Bakhyt Zhakhanov spoke at the hearings.",
            "GPE",
            "Kyzylorda region",
        ),
        (
            "Deputy Akim of Kyzylorda region Bakhyt Zhakhanov spoke at the hearings.",
            "PERSON",
            "Bakhyt Zhakhanov",
        ),
        ("The Ministry of Energy reported the figures.", "ORG", "Ministry of Energy"),
        (
            "The contractor of the project, China Triumph, is completing construction.",
            "ORG",
            "China Triumph",
        ),
        (
            "Exhibits excavated under the Rukhani Zhangyru program were shown.",
            "LAW",
            "Rukhani Zhangyru",
        ),
        ("Trade between Kazakhstan and Uzbekistan grew.", "GPE", "Uzbekistan"),
        ("Water from the Aral Sea is scarce.", "LOC", "Aral Sea"),
        ("The bill was passed by the Mazhilis.", "ORG", "Mazhilis"),
    ],
)
def test_entities(extract, text, label, span):
    find(extract(text), label, span)


def test_title_is_kept_out_of_person_and_offered_as_a_field(extract):
    text = "Deputy Akim of Kyzylorda region Bakhyt Zhakhanov spoke about the economy."
    records = extract(text)
    person = find(records, "PERSON", "Bakhyt Zhakhanov")
    assert person["title"] == "Deputy Akim of Kyzylorda region"
    assert not [r for r in records if r["label"] == "PERSON" and "Akim" in r["text"]]


def test_measured_and_period_are_linked(extract):
    text = "Over the past 5 years, more than 3 million square meters of housing were commissioned."
    rec = find(extract(text), "QUANTITY", "3 million square meters")
    assert rec["measured"] == "housing"
    assert (rec["time_start"], rec["time_end"]) == ("2015", "2019")


def test_blank_pipeline_add_pipe():
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_times")
    nlp.add_pipe("extractor_quantities")
    doc = nlp("In 2020, products worth 600 billion tenge were produced.")
    assert [r["text"] for r in extractor.doc_records(doc)] == ["2020", "600 billion tenge"]


def test_round_trip_to_disk(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "In 2020, 10 major projects worth more than 408 billion tenge were implemented."
    assert extractor.doc_records(loaded(text)) == extractor.doc_records(nlp(text))


def test_factory_from_config_string():
    from thinc.api import Config

    cfg = Config().from_str(
        """
        [nlp]
        lang = "en"
        pipeline = ["extractor_times","extractor_quantities"]
        [components]
        [components.extractor_times]
        factory = "extractor_times"
        [components.extractor_quantities]
        factory = "extractor_quantities"
        lookahead = 60
        """
    )
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    assert nlp.get_pipe("extractor_quantities").lookahead == 60
    # without a tagger and parser, the quantities component says what it misses
    assert nlp.analyze_pipes()["problems"] == {
        "extractor_times": [],
        "extractor_quantities": ["token.tag", "token.lemma", "token.dep", "token.head"],
    }


def test_two_processes_equal_one(nlp):
    texts = [
        open(p, encoding="utf-8").read()
        for p in sorted(__import__("glob").glob("corpus/0[0-2]*.txt"))
    ][:4]
    one = [extractor.doc_records(d) for d in nlp.pipe(texts, n_process=1)]
    two = [extractor.doc_records(d) for d in nlp.pipe(texts, n_process=2)]
    assert one == two


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 ,.-%$abcdefgKZTmnlbtenge\nyears2020thousand")),
        max_size=200,
    )
)
def test_any_text_gives_exact_spans(nlp, text):
    doc = nlp.make_doc(text)
    doc._.extractor_date = "2020"
    for rec in extractor.doc_records(nlp(doc)):
        assert text[rec["start"] : rec["end"]] == rec["text"]


def test_quantity_and_entity_over_the_same_characters_keep_their_own_records(extract):
    # Regression: spaCy keys Span extension values by offsets, so the model's ORG over
    # "KZT 430 billion" overwrote the QUANTITY record (found against gold, doc 052).
    records = extract("Funding. In 2023, KZT 430 billion was allocated from the budget.")
    quantity = find(records, "QUANTITY", "KZT 430 billion")
    assert (quantity["value"], quantity["unit"]) == (430e9, "KZT")


@pytest.mark.parametrize(
    "text,span,unit",
    [
        ("The number of doctors has reached 77,9 thousand.", "77,9 thousand", "doctor"),
        ("In total, 37 questions were asked, 12 of them were resolved.", "12", "question"),
        (
            "The clinic will receive up to 1 500 patients per month.",
            "1 500 patients per month",
            "patient/month",
        ),
        (
            "In rural areas, 96 medical and obstetric stations were built.",
            "96 medical and obstetric stations",
            "station",
        ),
    ],
)
def test_units_from_the_clause(extract, text, span, unit):
    assert find(extract(text), "QUANTITY", span)["unit"] == unit


@pytest.mark.parametrize(
    "text,date",
    [
        ("The region's exports grew by 12.1% by 2019.", "2024-05-02"),  # reads as 2024 to 2019
        ("From 2025 to 2023 the plan was revised.", "2024-01-10"),
        ("Since March 2031 the tariff has not changed.", "2024-01-10"),
    ],
)
def test_no_time_runs_backwards(extract, text, date):
    from extractor.rules.periods import iso_cmp

    for record in extract(text, date=date):
        if record["label"] in ("TIME", "QUANTITY"):
            assert iso_cmp(record.get("time_start"), record.get("time_end")) <= 0, record


# The model's tokenizer reads no-break and thin spaces as plain ones.
# Each odd space in turn where web pages put one: inside a number, between a number and its
# scale word, between the scale and the unit, inside a unit ("sq. m").
CASES = [
    ("Farms kept 2{s}489 thsd. head of cattle in 2021.", "2{s}489 thsd. head", "head", "cattle"),
    ("Farms kept 2 489{s}thsd. head of cattle in 2021.", "2 489{s}thsd. head", "head", "cattle"),
    ("Farms kept 2 489 thsd.{s}head of cattle in 2021.", "2 489 thsd.{s}head", "head", "cattle"),
    (
        "The average price rose to 512 thsd. ₸ per sq.{s}m in 2023.",
        "512 thsd. ₸ per sq.{s}m",
        "KZT/m2",
        "average price",
    ),
]


@pytest.mark.parametrize("space", list(ODD_SPACES), ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("template,span,unit,measured", CASES)
def test_odd_spaces_read_as_plain_ones(extract, template, span, unit, measured, space):
    text = template.format(s=space)
    (amount,) = [r for r in extract(text) if r["label"] == "QUANTITY"]
    assert amount["text"] == span.format(s=space) == text[amount["start"] : amount["end"]]
    assert (amount["unit"], amount["measured"]) == (unit, measured)
    plain = template.format(s=" ")
    assert [r for r in extract(plain) if r["label"] == "QUANTITY"] == [
        {**amount, "text": span.format(s=" ")}
    ]


def test_the_doc_keeps_no_token_for_an_odd_space(nlp):
    doc = nlp("GRP reached 6\u00a0874,5 bln.\u202f₸ in 2022.")
    assert [t.text for t in doc] == [
        "GRP",
        "reached",
        "6",
        "874,5",
        "bln",
        ".",
        "₸",
        "in",
        "2022",
        ".",
    ]
    assert doc._.extractor_text == "GRP reached 6\u00a0874,5 bln.\u202f₸ in 2022."
    assert nlp("No odd space here.")._.extractor_text is None
