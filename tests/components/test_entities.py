"""Entity corrections for government texts, one row per rule (ANNOTATION.md §2.3)."""

import pytest


def spans(records, label):
    return [r["text"] for r in records if r["label"] == label]


@pytest.mark.parametrize(
    "text,label,expected",
    [
        ("ASTANA, 8 February 2024 – The akim reported.", "GPE", "ASTANA"),
        ("Hospitals were opened in Saryagash, Kazygurt and Tolebi districts.", "GPE", "Kazygurt"),
        ("Hospitals were opened in Saryagash, Kazygurt and Tolebi districts.", "GPE", "Tolebi"),
        ("A cluster was launched in Maktaaral district last year.", "GPE", "Maktaaral district"),
        ("In the village of Akkol, the farm dug potatoes.", "GPE", "Akkol"),
        ("Dams along the Syr Darya and Arys rivers were strengthened.", "LOC", "Arys"),
        ("The Kempirsai chromite deposit alone contains ore.", "LOC", "Kempirsai chromite deposit"),
        ("School No. 12 in Kentau city was opened.", "FAC", "School No. 12"),
        ("He inspected the modernization of CHP-3 in the city.", "FAC", "CHP-3"),
        (
            "The reconstruction of the Karaganda – Balkhash highway goes on.",
            "FAC",
            "Karaganda – Balkhash highway",
        ),
        ("Turkistan airport served 512 thousand passengers.", "FAC", "Turkistan airport"),
        ("A plant of Kentau Glass LLP worth $ 96 million was built.", "ORG", "Kentau Glass LLP"),
        ('In the village, the farm "Bereke" dug potatoes.', "ORG", "Bereke"),
        (
            "He instructed the Ministry of Transport and Communications to act.",
            "ORG",
            "Ministry of Transport and Communications",
        ),
        ('Under the "First Job" project graduates were hired.', "LAW", "First Job"),
        ('The Law "On Public Procurement" was amended.', "LAW", "On Public Procurement"),
        (
            "Within the Comprehensive Plan to Combat Cancer, people were screened.",
            "LAW",
            "Comprehensive Plan to Combat Cancer",
        ),
        (
            "The XX Forum of Interregional Cooperation of Kazakhstan and Russia opened.",
            "EVENT",
            "XX Forum of Interregional Cooperation of Kazakhstan and Russia",
        ),
        (
            "The Astana International Forum will be held in May.",
            "EVENT",
            "Astana International Forum",
        ),
        (
            "Specialists were trained by the akimat of Aktobe region.",
            "ORG",
            "akimat of Aktobe region",
        ),
        (
            "He instructed the Chui regional administration to finish.",
            "ORG",
            "Chui regional administration",
        ),
        ("The life expectancy of Kazakhstanis increased.", "NORP", "Kazakhstanis"),
    ],
)
def test_entity_rules(extract, text, label, expected):
    assert expected in spans(extract(text), label)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Vice Minister of Industry and Infrastructure Development Kanat Zhumabekov reported.",
            "Kanat Zhumabekov",
        ),
        (
            "Prime Minister of the Republic of Kazakhstan Yerlan Sadvakasov made a trip.",
            "Yerlan Sadvakasov",
        ),
        ('"We will finish," said Daulet Myrzakhmetov.', "Daulet Myrzakhmetov"),
        ("Vice Minister Aliya Serikovna Mukhametova spoke.", "Aliya Serikovna Mukhametova"),
    ],
)
def test_person_after_title_or_speech_verb(extract, text, expected):
    assert expected in spans(extract(text), "PERSON")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("During the speech, Bakhyt Duysenovich focused on roads.", "Bakhyt Duysenovich"),
        ("Then Gulnara Askarovna answered.", "Gulnara Askarovna"),
        ("Aliya Serikovna Mukhametova spoke first.", "Aliya Serikovna Mukhametova"),
        ("We thank Marat Yevgenievich Petrov for the report.", "Marat Yevgenievich Petrov"),
        ("Sergey Ivanovich, what about schools?", "Sergey Ivanovich"),
    ],
)
def test_first_name_and_patronymic_is_a_person(extract, text, expected):
    assert expected in spans(extract(text), "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "The Ivanovich Foundation opened.",  # one capitalised word before it: no first name
        "the duysenovich road",  # lower case
    ],
)
def test_no_person_without_first_name_and_patronymic(extract, text):
    assert not any("ovich" in s for s in spans(extract(text), "PERSON"))


def test_a_name_found_once_labels_its_other_mentions(extract):
    text = "Akim of Mangystau region Yerbolat Sarsenbayev reported. Later Sarsenbayev answered questions."
    assert spans(extract(text), "PERSON") == ["Yerbolat Sarsenbayev", "Sarsenbayev"]


@pytest.mark.parametrize(
    "text,not_expected",
    [
        ("In Turkistan region cotton is harvested.", "In Turkistan region"),
        (
            "Deputy Chairman of the Cabinet of Ministers Erkin Kasymov chaired it.",
            "Cabinet of Ministers Erkin Kasymov",
        ),
        ("The new plant has 40 MW of capacity.", "MW"),
        ("Minister of Healthcare Aizhan Tulegenova spoke.", "Healthcare"),
        ("The press service of the Head of State reports.", "State"),
        ("The region still lacks about 140 doctors.", "The region"),
        ('"We are ready," said Vice Minister Yerlan Kassymbekov.', "Vice Minister"),
    ],
)
def test_entity_boundaries_exclude(extract, text, not_expected):
    assert not_expected not in [
        r["text"] for r in extract(text) if r["label"] not in ("QUANTITY", "TIME")
    ]
