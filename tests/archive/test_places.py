"""One key for every name of a place."""

import pytest

from extractor.archive.places import place_key


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Kyzylorda region", "kyzylorda"),  # region word dropped
        ("the Kyzylorda oblast", "kyzylorda"),  # oblast and article dropped
        ("Kyzylorda Region", "kyzylorda"),  # case
        ("city of Shymkent", "shymkent"),  # "city of" before the name
        ("Kzyl-Orda", "kyzylorda"),  # an old name
        ("Nur-Sultan", "astana"),  # the capital's name of 2019-2022
        ("Tselinograd", "astana"),  # its Soviet name
        ("Oskemen", "ust-kamenogorsk"),  # Kazakh and Russian names of one city
        ("Jambyl region", "zhambyl"),  # another spelling
        ("Republic of Kazakhstan", "kazakhstan"),  # a country's long name
        ("East Kazakhstan region", "east kazakhstan"),  # a region's own name keeps its words
        ("Maktaaral district", "maktaaral"),  # a name the gazetteer lacks, folded
        ("", None),
        (None, None),
    ],
)
def test_place_key(name, expected):
    assert place_key(name) == expected
