"""The unit lexicon: surfaces and symbols to canonical unit codes (docs/schema.md, units).

Physical units take their surfaces and symbols from quantulum3's unit catalogue, joined
with ours from ``resources/units.jsonl``; currencies, counted nouns and rate words are
ours. Pure: no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from ..resources import read_jsonl
from .rx import WS_START

# quantulum3 entities whose word surfaces we accept as units beyond our own table;
# their symbols are left out (single letters like "a", "in", "h" are too ambiguous).
# Currency codes written beside an amount ("KZT232.6bn", "402 mln. USD"): for the patterns
# that must recognise one before the lexicon is built (every code is a currency row of
# units.jsonl, a test checks it).
CURRENCY_CODES = ("KZT", "USD", "EUR", "RUB", "UZS", "KGS", "TJS", "CNY", "RMB", "GBP")
CURRENCY_CODE = "(?:" + "|".join(CURRENCY_CODES) + ")"

_FALLBACK_ENTITIES = {"length", "area", "volume", "mass", "energy", "power", "speed"}
_AFTER = r"(?![\p{L}\d])"

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class UnitLexicon:
    """Compiled unit surfaces.

    Attributes:
        suffix: matches a unit after a number (``\\s*`` already consumed by the caller).
        prefix: matches a currency sign or code before a number.
        rate: matches "per X" after a unit (inside the span).
        rate_outside: matches "a year"/"annually" after a unit (rate, outside the span).
        codes: surface (lower-cased for words, exact for symbols) -> code.
        kinds: code -> kind ("currency", "mass", "time", ...).
        minor: matches a currency's hundredth after a number ("40 kopecks", "seventy
            tyiyn"; ``\\s*`` included).
        minor_codes: a hundredth's surface, lower-cased -> its currency's code.
    """

    suffix: re.Pattern
    prefix: re.Pattern
    rate: re.Pattern
    rate_outside: re.Pattern
    codes: dict[str, str]
    prefix_codes: dict[str, str]
    rate_codes: dict[str, str]
    kinds: dict[str, str]
    minor: re.Pattern
    minor_codes: dict[str, str]

    def code_of(self, surface: str) -> str | None:
        """The unit code of a matched surface ("tonnes" -> "t", "$" -> "USD")."""
        s = _SPACES.sub(" ", surface.strip())
        code = self.codes.get(s) or self.codes.get(s.lower())
        if code is None and "-" in s:
            return self.code_of(s.replace("-", " "))  # "cubic-metre"
        return code

    def kind_of(self, code: str) -> str:
        """The kind of a unit code; counted nouns are "count"."""
        return self.kinds.get(code.split("/")[0], "count")


def _read_jsonl(name: str) -> list[dict]:
    return read_jsonl(name)


def _quantulum_surfaces(names: list[str]) -> tuple[set[str], set[str]]:
    """Word surfaces (with plurals) and symbols of quantulum3 units by name."""
    from quantulum3 import load

    catalogue = load.units("en")
    words: set[str] = set()
    symbols: set[str] = set()
    for name in names:
        unit = catalogue.names.get(name)
        if unit is None:
            continue
        for surface in [unit.name, *unit.surfaces]:
            words.add(surface)
            words.add(load.pluralize(surface))
        symbols.update(unit.symbols)
    return words, symbols


def _quantulum_fallback(known: set[str]) -> dict[str, str]:
    """Word surfaces of other physical units in quantulum3's catalogue -> a code."""
    from quantulum3 import load

    catalogue = load.units("en")
    out: dict[str, str] = {}
    for unit in catalogue.names.values():
        if unit.entity.name not in _FALLBACK_ENTITIES:
            continue
        code = next((s for s in unit.symbols if s.isascii()), unit.name)
        for surface in [unit.name, *unit.surfaces]:
            for form in (surface, load.pluralize(surface)):
                if len(form) >= 4 and form.lower() not in known and " per " not in form:
                    out[form.lower()] = code
    return out


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_lexicon() -> UnitLexicon:
    """Build the unit lexicon once per process."""
    codes: dict[str, str] = {}
    kinds: dict[str, str] = {}
    prefix_codes: dict[str, str] = {}
    minor_codes: dict[str, str] = {}
    words: list[str] = []
    symbols: list[str] = []
    for row in _read_jsonl("units.jsonl"):
        code = row["code"]
        kinds[code] = row["kind"]
        q_words, q_symbols = _quantulum_surfaces(row.get("quantulum", []))
        # quantulum3's symbols are taken only where they are ours too: its catalogue has
        # e.g. "kL" for cubic metre, which official texts never use for volume.
        for w in [*row["words"], *q_words]:
            if code == "x" and w.startswith("-"):
                continue
            codes.setdefault(w.lower(), code)
            words.append(w)
        for s in [*row["symbols"], *(q_symbols & set(row["symbols"]))]:
            codes.setdefault(s, code)
            symbols.append(s)
        for p in row.get("prefix", []):
            prefix_codes[p] = code
        for m in row.get("minor", []):  # a hundredth of the currency: "kopecks"
            minor_codes[m.lower()] = code
    fallback = _quantulum_fallback(set(codes))
    for w, code in fallback.items():
        codes.setdefault(w, code)
        kinds.setdefault(code, "physical")
        words.append(w)

    rate_codes: dict[str, str] = {}
    rate_in: list[str] = []
    rate_out: list[str] = []
    for row in _read_jsonl("rates.jsonl"):
        for s in row["surfaces"]:
            rate_codes[s.lower()] = row["code"]
            rate_in.append(s)
        for s in row["outside"]:
            rate_codes[s.lower()] = row["code"]
            rate_out.append(s)

    # "cubic meters", and in a modifier "a 300-cubic-metre reservoir"
    word_alt = _alternation([w.replace(" ", "\0") for w in words]).replace("\0", r"(?:\s+|-)")
    # Symbols are case-sensitive ("MW" is not "mW" in print, "t" is not "T").
    suffix = re.compile(r"(?:(?i:" + word_alt + r")|" + _alternation(symbols) + r")" + _AFTER)
    prefix = re.compile(_alternation(list(prefix_codes)))
    # "63.2% a year earlier" dates a comparison; it is no rate.
    not_dated = r"(?!\s+(?:earlier|ago|later|before|after|back)\b)"
    rate = re.compile(WS_START + r"\s*(?i:" + _alternation(rate_in) + r")" + _AFTER + not_dated)
    rate_outside = re.compile(
        WS_START + r"\s+(?i:" + _alternation(rate_out) + r")" + _AFTER + not_dated
    )
    return UnitLexicon(
        suffix=suffix,
        prefix=prefix,
        rate=rate,
        rate_outside=rate_outside,
        codes=codes,
        prefix_codes=prefix_codes,
        rate_codes=rate_codes,
        kinds=kinds,
        minor=re.compile(WS_START + r"\s*(?i:" + _alternation(list(minor_codes)) + r")" + _AFTER),
        minor_codes=minor_codes,
    )


def rate_code(lexicon: UnitLexicon, surface: str) -> str | None:
    """The denominator code of a rate surface ("per hectare" -> "ha")."""
    return lexicon.rate_codes.get(re.sub(r"\s+", " ", surface.strip()).lower())


# Units of a crop's yield: an amount in them is a yield, and one gathered so far in a
# bulletin is of the bulletin's day
YIELD_UNITS = frozenset(("centner/ha", "t/ha", "kg/ha"))
