"""The line breaker, and a saved pipeline that loads with plain spaCy in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import extractor
from extractor.components.lines import break_at_lines


@pytest.mark.parametrize(
    "text,starts",
    [
        ("Roads repaired\nThe akimat repaired 40 km of roads.", ["The"]),
        ("ASTANA, 8 October 2024 – The minister said so.", ["The"]),
        ("BISHKEK – Exports grew.", ["Exports"]),
        ("Head line\n\nSecond paragraph here.", ["Second"]),
        ("No break in this sentence at all.", []),
    ],
)
def test_sentences_start_after_line_breaks_and_datelines(nlp, text, starts):
    doc = break_at_lines(nlp.make_doc(text))
    assert [t.text for t in doc[1:] if t.is_sent_start] == starts


@pytest.mark.parametrize(
    "text,starts",
    [
        # a newspaper's line wrap in mid-sentence starts no sentence
        ("According to\npreliminary data, output grew.", []),
        ("The index of\nphysical volume amounted\nto 106.0 percent.", []),
        ("It was 105.7 percent in Tashkent and\n106.7 percent in Navoi region.", []),
        ("Output grew in 2023,\nand exports fell.", []),
        ("Across the country, 2 318\nindustrial projects were put into operation.", []),
        ("It provides for the mastering of invest-\nments of $23,1 billion.", []),
        ("The enterprises of the city produced goods worth\n1 846,7 million somoni.", []),
        # a line that ends on an article, a preposition, a conjunction or "is" goes on,
        # whatever opens the next
        ("Housing was commissioned in\nBarnaul, which is 6,3% more.", []),
        ("reported the Statistics Agency under the\nPresident of Uzbekistan.", []),
        ("Industrial enterprises of\nUzbekistan produced goods.", []),
        ("Tashkent city and\nNavoi region lead the table.", []),
        ("the National Bank reported on\nWednesday.", []),
        ("Foreign investment was $ 214.6 mln (about\nKZT 101.4 bln).", []),
        # the point of an abbreviated scale word before its unit on the next line
        ("Farms have gathered 1.07 mln.\ntons of grain.", []),
        ("Exports reached 5 bln.\nUSD in 2023.", []),
        # a long line into an amount and its noun on the next
        ("According to the deputy minister, since the beginning of the year\n1 184 km of "
         "networks have been built.", []),
        # a headline, a date line, a list row, a blank line: a new sentence
        ("Industrial output in 2023\n19 October 2023, Tashkent", ["19"]),
        ("Drinking water supply: 1 184 km of networks laid since the beginning of the year\n"
         "09.11.2017 | 11:24 | Press service", ["09.11.2017"]),
        ("Results of the region's industrial enterprises in the first half of the year\n"
         "1. Industry grew.", ["1"]),
        ("Prices by group:\nfood products – 100.2\nnon-food products – 102.8", ["food", "non"]),
        ("Output grew.\nexports fell.", ["exports"]),
        ("Spending: pensions – 6.1 trillion,\nhealthcare – 2.9 trillion.", ["healthcare"]),
        ("Output grew in\n\nthe region.", ["the"]),
        # a headline or a section title ends on its noun; a sentence on a scale's point
        ("Heat networks\nThis year 1,046 km of networks were laid.", ["This"]),
        ("Labour and prices\nThe average wage grew.", ["The"]),
        ("Investments reached 5 bln.\nThe next year was better.", ["The"]),
    ],
)  # fmt: skip
def test_a_wrapped_line_goes_on_in_the_same_sentence(nlp, text, starts):
    doc = break_at_lines(nlp.make_doc(text))
    assert [t.text for t in doc[1:] if t.is_sent_start] == starts


@pytest.mark.parametrize(
    "text,sentences",
    [
        # an abbreviated scale's point before a unit or a lower-case word ends no sentence
        ("Foreign trade turnover made 843, 6 mln. USD, of which export - 402 mln. USD.", 1),
        ("Meat 98, 6 ths. tons, milk - 612, 9 ths. tons were produced.", 1),
        # nor before the next part of one compound amount
        ("The gross regional product reached 11 trln. 612, 4 bln. soums last year.", 1),
        ("Industrial output amounted to 7 trln. 862, 3 bln. soums, with a growth of 9, 4%.", 1),
        # nor before a currency's sign, "US dollars", or across no-break spaces
        ("Expenditures reached 409,8 bln. ₸, or 98,9 % of the plan.", 1),
        ("Exports amounted to 1 359,8 mln. US dollars and imports to 3 777,7 mln. US dollars.", 1),
        ("Electricity generation amounted to 16,9\xa0bln.\xa0kWh (+3,1\xa0%) last year.", 1),
        ("Goods worth 7\u202f919,6\xa0mln. somoni were produced.", 1),
        # before a capital it may: the parser decides
        ("Investments reached 5 bln. The next year was better.", 2),
    ],
)
def test_a_scale_abbreviation_point_inside_a_sentence(nlp, text, sentences):
    doc = nlp(text)
    assert len(list(doc.sents)) == sentences


@pytest.mark.parametrize(
    "text,token",
    [
        # between a number and its unit or currency code the point stays in the scale's
        # token, which the model then reads as a word of the amount, not a sentence's end
        ("The product amounted to 27,4 trln. soums, and growth made 6,1%.", "trln."),
        ("Exports reached 1 402,6 mln. USD in September.", "mln."),
        ("Meat 98, 6 ths. tons were produced.", "ths."),
        ("The harvest reached 2 813 thous. tons.", "thous."),
        ("Generation amounted to 16,9\xa0bln.\xa0kWh last year.", "bln."),
    ],
)
def test_a_scale_point_before_a_unit_stays_in_the_scale_token(nlp, text, token):
    assert token in [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Investments reached 5 bln. The next year was better.",  # a capital: maybe an end
        "$ 5.6 bln. were put into fixed capital.",  # a word that is no unit
        "It reached 11 trln. 612, 4 bln. soums.",  # the parts of one compound amount
        "Farms have gathered 1.07 mln.\ntons of grain.",  # a line break after the point
        "The plan was raised by the mln. tons it lacked.",  # no number before the scale
    ],
)
def test_a_scale_point_stays_a_token_of_its_own_elsewhere(nlp, text):
    assert "." in [t.text for t in nlp.make_doc(text)]


def test_a_number_after_a_scale_point_is_left_to_the_parser_unless_a_scale_follows(nlp):
    compound = break_at_lines(nlp.make_doc("It reached 11 trln. 612, 4 bln. soums."))
    assert compound[5].text == "612" and compound[5].is_sent_start is False
    alone = break_at_lines(nlp.make_doc("The plan was 5 bln. 12 projects were launched."))
    assert alone[6].text == "12" and alone[6].is_sent_start is None


def test_every_requirement_of_every_component_is_met(nlp):
    assert nlp.analyze_pipes()["problems"] == {name: [] for name in nlp.pipe_names}


_LOAD = """
import json, sys
import spacy

nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
records = [span._.extractor for key in sorted(doc.spans) for span in doc.spans[key]]
print(json.dumps({
    "pipes": nlp.pipe_names,
    "imported": sorted(m for m in sys.modules if m.startswith("extractor")),
    "records": sorted(records, key=lambda r: (r["start"], r["end"], r["label"])),
}))
"""


def test_a_saved_pipeline_loads_with_plain_spacy_in_a_fresh_interpreter(nlp, tmp_path):
    path = tmp_path / "model"
    nlp.to_disk(path)
    text = (
        "ASTANA – In 2020, 10 major projects worth more than 408 billion tenge were "
        "implemented.\nThe akim said 3,000 jobs were created."
    )
    result = subprocess.run(
        [sys.executable, "-c", _LOAD, str(path), text],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = json.loads(result.stdout)
    assert loaded["pipes"] == nlp.pipe_names
    assert "extractor_lines" in loaded["pipes"]
    # spaCy found the factories through their entry points, not through an import by the test
    assert "extractor.components.lines" in loaded["imported"]
    expected = [
        {k: v for k, v in r.items() if k != "doc_id"} for r in extractor.doc_records(nlp(text))
    ]
    assert loaded["records"] == expected
