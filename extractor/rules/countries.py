"""Countries by their names and nationality words, and the country a document is at home
in, so that a rule can tell a foreign investor from a local one ("the Turkish company will
invest $50 million" in a report from Kazakhstan).

A country's names are the gazetteer's (``gazetteers/gpe.jsonl``, rows of kind
``country``, their ``same_as`` naming the country); ``resources/countries.jsonl`` adds
one row a country with its ``nationality`` words, the ``names`` the gazetteer lacks and,
for the countries whose reports the tool reads, the ``currency`` that says a document is
at home there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import ResourceError, read_jsonl

COUNTRIES_FILE = "countries.jsonl"
GAZETTEER_FILE = "gazetteers/gpe.jsonl"


@dataclass(frozen=True)
class Countries:
    """Country names and nationality words (folded to lower case) mapped to the country."""

    by_word: dict[str, str]
    by_currency: dict[str, str]
    # places inside a country the reports come from ("Tashkent", "Pavlodar region"), by the
    # gazetteer's kind ("uz", "kz_region"): they say where a document is at home
    by_place: dict[str, str] = field(default_factory=dict)

    def country_of(self, text: str) -> str | None:
        """The country ``text`` names ("China", "Chinese", "the Russian Federation"), or None."""
        word = text.strip().lower()
        if word.startswith("the "):
            word = word[4:]
        return self.by_word.get(word)

    def home(self, currencies: Iterable[str], places: Iterable[str] = ()) -> str | None:
        """The country a document is at home in: that of the local currency its amounts are
        most often in, else of the country it names most often, else None."""
        counts = Counter(self.by_currency[c] for c in currencies if c in self.by_currency)
        if not counts:
            # the country itself and the places inside it ("Tashkent", "Syrdarya region")
            counts = Counter(c for c in map(self._country_or_place, places) if c is not None)
        return counts.most_common(1)[0][0] if counts else None

    def _country_or_place(self, text: str) -> str | None:
        place = text.strip().lower()
        for suffix in (" region", " oblast", " district", " city", " province"):
            place = place.removesuffix(suffix)
        return self.country_of(text) or self.by_place.get(place)


@lru_cache(maxsize=1)
def load_countries() -> Countries:
    """The packaged table (read once per process)."""
    by_word: dict[str, str] = {
        row["pattern"].lower(): row.get("same_as", row["pattern"])
        for row in read_jsonl(GAZETTEER_FILE)
        if row.get("kind") == "country"
    }
    by_currency: dict[str, str] = {}
    for number, row in enumerate(read_jsonl(COUNTRIES_FILE), 1):
        country = row.get("country")
        if not isinstance(country, str) or not country:
            raise ResourceError(f'resources/{COUNTRIES_FILE}:{number}: no "country"')
        for word in [country, *row.get("names", ()), *row.get("nationality", ())]:
            by_word[word.lower()] = country
        if row.get("currency"):
            by_currency[row["currency"]] = country
    by_place = {
        row["pattern"].lower(): _PLACE_KINDS[row["kind"].split("_")[0]]
        for row in read_jsonl(GAZETTEER_FILE)
        if str(row.get("kind", "")).split("_")[0] in _PLACE_KINDS
    }
    return Countries(by_word, by_currency, by_place)


# The gazetteer's kinds of places (their prefix) by the country they are in.
_PLACE_KINDS = {
    "kz": "Kazakhstan",
    "uz": "Uzbekistan",
    "kg": "Kyrgyzstan",
    "tj": "Tajikistan",
    "ru": "Russia",
}
