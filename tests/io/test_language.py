"""Telling English from other text, one kind of text a row."""

import pytest

from extractor.io.language import not_english

ENGLISH = (
    "In 2024 the region attracted 4.2 trillion tenge of investment, and the akimat built "
    "12 schools and 3 hospitals. More than 5,000 jobs were created over the year, and the "
    "volume of industrial output grew by 4.5% in real terms."
)


@pytest.mark.parametrize(
    "text,why",
    [
        (ENGLISH, None),
        ("В 2024 году в регион привлечено 4,2 триллиона тенге инвестиций, построено 12 школ.",
         "of its letters are not Latin"),
        ("2024 жылы облысқа 4,2 триллион теңге инвестиция тартылды, 12 мектеп салынды.",
         "of its letters are not Latin"),
        ("Im Jahr 2024 hat die Region 4,2 Billionen Tenge an Investitionen angezogen, und die "
         "Verwaltung baute zwölf Schulen sowie drei Krankenhäuser. Mehr als fünftausend "
         "Arbeitsplätze entstanden im Laufe des Jahres, und die Industrieproduktion wuchs "
         "real um viereinhalb Prozent gegenüber dem Vorjahr.", "English function words"),
        # a Russian name or quote inside English text is still English
        (ENGLISH + " The akim, Марат Абенов, spoke.", None),
        # too short to tell, or no letters at all
        ("Osh, 2024.", None),
        ("12 345 678", None),
    ],
)  # fmt: skip
def test_not_english(text, why):
    got = not_english(text)
    if why is None:
        assert got is None
    else:
        assert got is not None and why in got
