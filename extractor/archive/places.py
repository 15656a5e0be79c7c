"""One key for every name of a place: "Kyzylorda region", "Kyzylorda oblast", "Kzyl-Orda".

Names are matched through the GPE gazetteer (``resources/gazetteers/gpe.jsonl``): a row
with ``same_as`` is another name of the row it names (an old name, another spelling:
"Nur-Sultan" is Astana, "Oskemen" is Ust-Kamenogorsk). The words that say what kind of
place a name is ("region", "oblast", "city of") are dropped first, so a region and its
capital city share a key when they share a name ("Kyzylorda region", "Kyzylorda city").
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_jsonl
from ..rules.rx import rx

# Words that say what a place is, around its name: "the city of Turkistan", "Chui oblast".
_KIND_WORDS = rx(
    r"(?i)\b(?:the|city|town|village|region|regional|oblast|oblys|province|krai|district|"
    r"rayon|republic|municipality|akimat|hokimiyat|mayor's\s+office|of)\b"
)
_SPACES = rx(r"[\s\u00a0]+")


def _fold(name: str) -> str:
    return _SPACES.sub(" ", name.replace("’", "'")).strip(" .,-").casefold()


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Every gazetteer name, folded, -> the folded name of the place it names."""
    out: dict[str, str] = {}
    for row in read_jsonl("gazetteers/gpe.jsonl"):
        name = _fold(row["pattern"])
        out[name] = _fold(row.get("same_as") or row["pattern"])
    return out


def place_key(name: str | None) -> str | None:
    """The key under which every name of a place is stored and looked up.

    "Kyzylorda region", "the Kyzylorda oblast" and "Kzyl-Orda" -> "kyzylorda";
    "Nur-Sultan" -> "astana"; a name the gazetteer does not know keeps its words, folded.

    Returns:
        The key, or None for an empty name.
    """
    if not name:
        return None
    names = place_names()
    whole = _fold(name)
    if whole in names:
        return names[whole]
    bare = _fold(_KIND_WORDS.sub(" ", name))
    if not bare:
        return whole or None
    return names.get(bare, bare)
