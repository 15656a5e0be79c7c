"""Which public indicator an amount is a figure of, from the taxonomy in ``indicators.jsonl``.

Every indicator is a row of ``resources/indicators.jsonl``: an ``id`` (``investment``,
``jobs_created``...), a label, the cue words that name it and the units its figures
come in. An amount takes the indicator whose cue names what it measures, tried in this
order (the first source that gives a cue whose indicator allows the amount's unit wins):

1. ``measured``: the phrase the fact linker found ("volume of foreign investment");
2. ``unit``: a counted noun is itself what is measured ("65 thousand new jobs" -> job);
3. ``sentence``: the cue nearest the amount in its sentence, before it first ("Industrial
   output ... 107.3%": the index has no head of its own);
4. ``before``: the same in the sentence before ("Unemployment fell. This figure ...");
5. ``only``: a counted noun that one indicator alone counts ("26 productions": the
   plants of investment projects).

An amount none of these names takes, in the fact linker's last pass, the indicator of the
amount before it in the same units and the same or the previous paragraph (``carried``:
a list of districts after a paragraph on investment); a row of a bulleted list that names
none of its own takes the indicator of the whole the list breaks down (``whole``: "Spending
amounted to KZT 12.9 trln. By area: • education – KZT 2.1 trln").

In the measured phrase the longest cue wins ("foreign investment" over "investment"),
then a cue that is not ``weak`` ("milk production": milk, not production), then the one
nearest the head ("budget revenue": revenue). A phrase whose only cue is weak ("gross
output") takes a stronger cue of its sentence when there is one ("of agriculture"). In a
sentence a cue before the amount wins over one after it, one that is not weak over a weak
one ("revenues of the regional budget": revenues), then the nearest; a cue inside a longer
one does not count on its own, nor one after "excluding", "except" or "net of" (what a
figure leaves out). A phrase's word that is a cue of two indicators
("electricity", produced or consumed) takes the one its clause names by another cue.
The decision keeps its source and cue (``measured:investment``), the ``indicator_rule`` of
a record. Nothing here imports spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..resources import ResourceError, read_json, read_jsonl
from .quantex import OE_NOUNS
from .rx import rx
from .units import load_lexicon

INDICATORS_FILE = "indicators.jsonl"
_WORDS = read_json("fact_words.json")
# Heads of what an amount measures that name no public indicator (fact_words.json).
_NOT_INDICATOR_HEADS = frozenset(_WORDS["not_indicator_heads"])
# Heads of a need, no indicator for a stock's need (coal, fuel) but money to be spent.
_NEED_HEADS = frozenset(("need", "requirement"))
# Phrases of what an amount measures that name no public indicator: "the exchange rate",
# "the refinancing rate" (fact_words.json).
_NOT_INDICATOR_PHRASES = tuple(_WORDS["not_indicator_phrases"])
# A debt between consumers and their utilities ("consumers owed the distribution companies
# 2.3 billion som", "receivables amounted to 7.9 bln rub.") is no public indicator, unless
# its clause names a loan, a tax, a wage, a pension, a subsidy, a public borrower or a
# budget's accounts payable (fact_words.json).
_DEBT_WORDS = frozenset(_WORDS["debt_words"])
_CONSUMER_DEBT_PARTIES = frozenset(_WORDS["consumer_debt_parties"])
_OWN_DEBT_INDICATORS = frozenset(_WORDS["own_debt_indicators"])
_ROW_KEYS = {
    "id", "label", "cues", "units", "note", "not_after", "not_before", "weak", "unit_needs",
    "yields_to", "null_in_clause", "null_not_in", "yields_on", "money_on", "cue_needs",
}  # fmt: skip
# A unit family a row may name instead of every code: any ISO currency code.
CURRENCY = "currency"
SOURCES = ("measured", "unit", "sentence")
_WORD = rx(r"[\p{L}\p{N}][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}]+)*")
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def fold_word(word: str) -> str:
    """A word lower-cased and made singular: "Investments" -> "investment", "taxes" -> "tax",
    "trolleybuses" -> "trolleybus"."""
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses", "buses")):
        return w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("oes") and w[:-1] not in OE_NOUNS:
        return w[:-2]  # "potatoes" -> "potato" (not "shoes")
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=4096)  # a sentence is read once for each of its amounts
def words_of(text: str) -> tuple[tuple[str, int], ...]:
    """The folded words of a text, each with its start offset."""
    return tuple((fold_word(m.group()), m.start()) for m in _WORD.finditer(text))


@lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(w for w, _ in words_of(text))


@dataclass(frozen=True)
class Indicator:
    """One row of the taxonomy: an id, what it is, the words that name it, its units.

    ``not_after``: words (or phrases) that, just before a cue, make it name something
    else ("houses" after "boiler", "services" after "goods and"); ``not_before`` the same
    just after it ("credit" before "institutions" names banks, not loans). ``weak``: cues
    that name a kind of figure more than a thing ("production", "output"): in a phrase any
    other cue wins over them ("milk production" is livestock).
    """

    id: str
    label: str
    cues: tuple[str, ...]
    units: tuple[str, ...]
    note: str = ""
    not_after: tuple[tuple[str, ...], ...] = ()
    not_before: tuple[str, ...] = ()
    weak: frozenset[str] = frozenset()
    # units allowed only beside one of these words in the sentence: harvest's hectares
    # are hectares harvested or threshed, not sown
    unit_needs: tuple[tuple[str, frozenset[str]], ...] = ()
    # ids whose cue in the amount's own clause says more than this one's in the phrase:
    # "96 thousand tons of copper were shipped to China" are exports, not production
    yields_to: tuple[str, ...] = ()
    # words that, in the amount's own clause, make it no figure of this indicator: coal
    # "stored" or "stockpiled" is no production
    null_in_clause: frozenset[str] = frozenset()
    # units those words do not touch: a capacity in MW is power, whatever "heat" stands
    # beside it
    null_not_in: frozenset[str] = frozenset()
    # ids this one yields to on some words only, in the amount's own clause: the money of a
    # project "allocated" or "provided" by a budget is budget spending, whatever it costs
    yields_on: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()
    # words that make money no cue names a figure of this indicator where they stand in
    # its clause: "a contract worth 612 million rubles for the bridge" is budget spending
    money_on: tuple[tuple[str, ...], ...] = ()
    # cues that name this indicator only beside one of some words in the sentence: money
    # "paid" is revenue where it is paid to a budget or as tax, not a benefit paid out
    cue_needs: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()

    def cue_allowed(self, cue: tuple[str, ...], words: frozenset[str]) -> bool:
        """Whether the cue (folded words) may name this indicator among a sentence's
        folded ``words`` (see ``cue_needs``)."""
        for needy, needed in self.cue_needs:
            if cue == needy:
                return bool(needed & words)
        return True

    def needs_met(self, unit: str | None, words: frozenset[str]) -> bool:
        """Whether ``unit`` is allowed among a sentence's folded ``words``."""
        for code, needed in self.unit_needs:
            if unit == code:
                return bool(needed & words)
        return True

    def allows(self, unit: str | None) -> bool:
        """Whether an amount in ``unit`` can be a figure of this indicator.

        A rate counts by its numerator ("t/year" is "t"), a currency by :data:`CURRENCY`,
        percentage points by "%"; an amount without a unit fits every indicator.
        """
        if not unit:
            return True
        if unit in self.units:
            return True
        if unit == "pp":
            return "%" in self.units  # a change in percentage points, of a share in %
        top = unit.split("/", 1)[0]
        if top and top in self.units:
            return True
        return CURRENCY in self.units and is_currency(top or unit)


@dataclass(frozen=True)
class Decision:
    """The indicator of one amount and why: ``rule`` is ``source:cue``."""

    indicator: str | None
    rule: str | None = None

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "indicator_rule": self.rule}


def is_currency(code: str) -> bool:
    """Whether a unit code is a currency ("KZT", "USD")."""
    return load_lexicon().kinds.get(code) == "currency"


def parse_indicators(rows: Iterable[tuple[int, dict]], source: str) -> tuple[Indicator, ...]:
    """Indicators from ``(line, row)`` pairs; every bad row is reported at once.

    Raises:
        ResourceError: naming ``source:line`` and what is wrong for every bad row.
    """
    out: list[Indicator] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in rows:
        where = f"{source}:{line}"
        unknown = set(row) - _ROW_KEYS
        missing = {"id", "label", "cues", "units"} - set(row)
        if unknown or missing:
            problems.append(
                f"{where}: "
                + "; ".join(
                    [f"unknown key {k!r}" for k in sorted(unknown)]
                    + [f"missing key {k!r}" for k in sorted(missing)]
                )
            )
            continue
        if row["id"] in seen:
            problems.append(f"{where}: indicator {row['id']!r} is defined twice")
            continue
        lists = (
            "cues", "units", "not_after", "not_before", "weak", "yields_to", "null_in_clause",
            "null_not_in", "money_on",
        )  # fmt: skip
        if not all(
            isinstance(row.get(k, []), list) and all(isinstance(v, str) for v in row.get(k, []))
            for k in lists
        ):
            problems.append(f"{where}: {', '.join(lists)} are lists of strings")
            continue
        yields_on = row.get("yields_on", {})
        if not isinstance(yields_on, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in yields_on.values()
        ):
            problems.append(f"{where}: yields_on maps an indicator id to a list of cue words")
            continue
        bad_map = next(
            (
                key
                for key in ("unit_needs", "cue_needs")
                if not isinstance(row.get(key, {}), dict)
                or not all(
                    isinstance(v, list) and all(isinstance(w, str) for w in v)
                    for v in row.get(key, {}).values()
                )
            ),
            None,
        )
        if bad_map is not None:
            what = "a unit" if bad_map == "unit_needs" else "a cue"
            problems.append(f"{where}: {bad_map} maps {what} to a list of words")
            continue
        unmet = sorted(set(row.get("cue_needs", {})) - set(row["cues"]))
        if unmet:
            problems.append(f"{where}: cue_needs names {unmet[0]!r}, which is no cue of the row")
            continue
        seen.add(row["id"])
        out.append(
            Indicator(
                id=row["id"],
                label=row["label"],
                cues=tuple(row["cues"]),
                units=tuple(row["units"]),
                note=row.get("note", ""),
                not_after=tuple(
                    tuple(w for w, _ in words_of(phrase)) for phrase in row.get("not_after", [])
                ),
                not_before=tuple(fold_word(w) for w in row.get("not_before", [])),
                weak=frozenset(row.get("weak", [])),
                unit_needs=tuple(
                    (code, frozenset(fold_word(w) for w in words))
                    for code, words in row.get("unit_needs", {}).items()
                ),
                yields_to=tuple(row.get("yields_to", [])),
                null_in_clause=frozenset(fold_word(w) for w in row.get("null_in_clause", [])),
                null_not_in=frozenset(row.get("null_not_in", [])),
                yields_on=tuple(
                    (target, tuple(tuple(w for w, _ in words_of(cue)) for cue in cues))
                    for target, cues in yields_on.items()
                ),
                money_on=tuple(
                    tuple(w for w, _ in words_of(cue)) for cue in row.get("money_on", [])
                ),
                cue_needs=tuple(
                    (
                        tuple(w for w, _ in words_of(cue)),
                        frozenset(fold_word(w) for w in words),
                    )
                    for cue, words in row.get("cue_needs", {}).items()
                ),
            )
        )
    ids = {ind.id for ind in out}
    for ind in out:
        targets = [*ind.yields_to, *(target for target, _ in ind.yields_on)]
        for target in sorted(set(targets) - ids):
            problems.append(f"{source}: {ind.id!r} yields to {target!r}, which is no indicator")
    if problems:
        raise ResourceError(f"{len(problems)} bad row(s) in {source}:\n  " + "\n  ".join(problems))
    return tuple(out)


@lru_cache(maxsize=1)
def load_indicators() -> tuple[Indicator, ...]:
    """The packaged taxonomy, in file order."""
    rows = read_jsonl(INDICATORS_FILE)
    return parse_indicators(enumerate(rows, 1), f"resources/{INDICATORS_FILE}")


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]
    text: str
    indicator: Indicator


class IndicatorClassifier:
    """Give an amount the indicator its cues name (see the module docstring)."""

    def __init__(self, indicators: Iterable[Indicator] | None = None) -> None:
        self.indicators = tuple(load_indicators() if indicators is None else indicators)
        self._by_id = {ind.id: ind for ind in self.indicators}
        self._cues_cache: dict[str, list[tuple[_Cue, int, int]]] = {}
        self._by_first: dict[str, list[_Cue]] = {}
        for ind in self.indicators:
            for cue in ind.cues:
                words = tuple(w for w, _ in words_of(cue))
                if words:
                    self._by_first.setdefault(words[0], []).append(_Cue(words, cue, ind))
        for cues in self._by_first.values():
            cues.sort(key=lambda c: -len(c.words))

    def _cues_of(self, text: str) -> list[tuple[_Cue, int, int]]:
        """:meth:`cues_in` the words of ``text``, kept for the next amount of a sentence."""
        found = self._cues_cache.get(text)
        if found is None:
            if len(self._cues_cache) > 4096:
                self._cues_cache.clear()
            found = self._cues_cache[text] = self.cues_in(words_of(text))
        return found

    def cues_in(self, words: tuple[tuple[str, int], ...]) -> list[tuple[_Cue, int, int]]:
        """Every cue in a folded word list: ``(cue, first word index, start offset)``."""
        found = []
        for i, (word, offset) in enumerate(words):
            for cue in self._by_first.get(word, ()):
                n = len(cue.words)
                if tuple(w for w, _ in words[i : i + n]) != cue.words:
                    continue
                if any(
                    i >= len(p) and tuple(w for w, _ in words[i - len(p) : i]) == p
                    for p in cue.indicator.not_after
                ):
                    continue
                if i + n < len(words) and words[i + n][0] in cue.indicator.not_before:
                    continue
                if _excluded(words, i):
                    continue
                found.append((cue, i, offset))
        return found

    def _best(
        self,
        found: list[tuple[_Cue, int, int]],
        unit: str | None,
        anchor: int | None,
        context: frozenset[str] = frozenset(),
    ) -> _Cue | None:
        fits = [
            f
            for f in found
            if f[0].indicator.allows(unit)
            and f[0].indicator.needs_met(unit, context)
            and f[0].indicator.cue_allowed(f[0].words, context)
        ]
        if not fits:
            return None
        # a cue inside a longer one that fits is not a cue of its own: the "investment" of
        # "foreign investment" (but it is where the longer one's unit does not fit)
        fits = _outermost(fits)

        def key(item: tuple[_Cue, int, int]) -> tuple:
            cue, _, offset = item
            # in a phrase the longest cue; in a sentence the nearest before the amount.
            if anchor is None:  # in a phrase, the cue nearest its head: "budget revenue"
                return (-len(cue.words), cue.text in cue.indicator.weak, -offset)
            after = offset > anchor
            return (after, cue.text in cue.indicator.weak, abs(offset - anchor))

        return min(fits, key=key)[0]

    def _break_tie(
        self,
        cue: _Cue,
        found: list[tuple[_Cue, int, int]],
        unit: str | None,
        context: frozenset[str],
        sentence: str,
        at: int,
    ) -> _Cue:
        """The cue of the phrase whose indicator its clause names too, where one word is a
        cue of several ("electricity" is produced or consumed): the clause's nearest cue of
        one of them that is not that word decides ("consumed 13.1 billion kWh of
        electricity" is power); without one, the taxonomy's order stands."""
        rivals = {
            c.indicator.id: c
            for c, _, _ in found
            if c.text == cue.text
            and c.indicator.allows(unit)
            and c.indicator.needs_met(unit, context)
            and c.indicator.cue_allowed(c.words, context)
        }
        if len(rivals) < 2:
            return cue
        start = clause_start(sentence, at)
        # "trade" inside "retail trade" speaks for no rival of its own
        others = [
            f
            for f in _outermost(self.cues_in(words_of(_clause(sentence, at))))
            if f[0].indicator.id in rivals and f[0].text != cue.text
        ]
        if not others:
            return cue
        anchor = at - start
        nearest = min(others, key=lambda f: (f[2] > anchor, abs(f[2] - anchor)))
        return rivals[nearest[0].indicator.id]

    def _yields_on(
        self, indicator: Indicator, sentence: str, at: int, unit: str | None
    ) -> Decision | None:
        """The id ``indicator`` yields to where one of its ``yields_on`` words is in the
        amount's clause."""
        words = tuple(w for w, _ in words_of(_clause(sentence, at)))
        for target, cues in indicator.yields_on:
            if not self._by_id[target].allows(unit):
                continue
            for cue in cues:
                if _contains(words, cue):
                    return Decision(target, f"clause:{' '.join(cue)}")
        return None

    def _in_clause(
        self, sentence: str, at: int, unit: str | None, ids: tuple[str, ...], context
    ) -> Decision | None:
        """The cue of one of ``ids`` in the clause of the amount at ``at`` (the stretch of
        the sentence between ", " or ";" around it), if any."""
        start = clause_start(sentence, at)
        clause = _clause(sentence, at)
        found = [f for f in self.cues_in(words_of(clause)) if f[0].indicator.id in ids]
        cue = self._best(found, unit, at - start, context)
        return Decision(cue.indicator.id, f"clause:{cue.text}") if cue is not None else None

    def _price_per_unit(
        self, measured: str | None, unit: str | None, sentence: str | None, at: int | None
    ) -> Decision | None:
        """Money per a physical unit ("7 200 tenge per ton", "1 178 som per gigacalorie")
        is a price or a tariff: inflation, unless its sentence names money a budget pays
        (a subsidy per litre of milk, "dairy farms receive 15 tenge per liter")."""
        if not unit or "inflation" not in self._by_id:
            return None
        kinds = load_lexicon().kinds
        money, _, per = unit.partition("/")
        if kinds.get(money) != "currency":
            return None
        # "A single trip costs 38 rubles", "a night in a guest house costs 8 000 tenge", "a
        # drip system costs 25 million soums per hectare": what one of a thing costs
        before = sentence[max(0, at - 120) : at] if sentence and at is not None else ""
        one_costs = _ONE_COSTS.search(before) is not None
        if not per:
            if not one_costs:
                return None
            per = "one"
        elif kinds.get(per) in (None, "currency", "count", "time"):
            return None
        elif kinds.get(per) == "length" or (per == "ha" and not one_costs):
            return None  # the cost of a kilometre of road, support per hectare: spending
        words = set(_word_set(measured or "")) | set(_word_set(sentence or ""))
        if words & _PAID_BY_BUDGET:
            return None
        return Decision("inflation", f"unit:{per} (a price)")

    def classify(
        self,
        measured: str | None,
        unit: str | None,
        sentence: str | None = None,
        at: int | None = None,
        before: str | None = None,
    ) -> Decision:
        """The indicator of one amount.

        Args:
            measured: what the amount measures (a phrase), or None.
            unit: the amount's unit code ("KZT", "%", "job").
            sentence: the text of its sentence, for cues the phrase lacks.
            at: the amount's offset in ``sentence``.
            before: the sentence before, for cues its own sentence lacks.

        Returns:
            The indicator id and the ``source:cue`` that decided it, or ``Decision(None)``.
        """
        money, _, per = (unit or "").partition("/")
        if per and is_currency(money) and is_currency(per):
            # "11.3953 somoni per US dollar": an exchange rate, no indicator yet
            return Decision(None, "unit:exchange rate (no indicator)")
        price = self._price_per_unit(measured, unit, sentence, at)
        if price is not None:
            return price
        decision = self._classify(measured, unit, sentence, at, before)
        if (
            decision.indicator != "budget_revenue"
            and is_currency(money)
            and sentence
            and at is not None
            and _paid_into_budget(sentence, at)
        ):
            return Decision("budget_revenue", "clause:paid to the budget")
        if (
            decision.indicator in (None, "budget_spending", "investment")
            and is_currency(money)
            and sentence
            and at is not None
            and (lender := _lender(sentence, at))
        ):
            return Decision("loans", f"clause:{lender}")
        if decision.indicator is not None and _consumers_debt(measured, unit, sentence, at):
            return Decision(None, "clause:consumers' debt (no indicator)")
        if decision.indicator in _GOODS and (unit or "") in ("%", "x"):
            # "Consumer price index against December: – food products – 109,6%, potatoes –
            # 131,5%": a share of a good under a price header is its price growth (a table's
            # caption heads its rows' sentence: "Price indices for selected goods, %:")
            cue = _price_context(sentence, at) if sentence and at is not None else None
            if cue is None and before and sentence and at is not None:
                # "Food prices rose by 5.9 percent in January. The biggest increases were for
                # vegetables: cabbage by 28.4 percent": the sentence before says prices
                found = _PRICE_WORDS.search(_HOW_COUNTED.sub(" ", before))
                if found and _PRICE_CHANGE.search(_clause(sentence, at)):
                    cue = f"before:{found.group().lower()}"
            if cue is not None:
                return Decision("inflation", cue)
        if decision.indicator is not None and sentence and at is not None:
            row = self._by_id[decision.indicator]
            if row.null_in_clause and (unit or "").split("/")[0] not in row.null_not_in:
                stop = sorted(row.null_in_clause & _word_set(_clause(sentence, at)))
                if stop:
                    return Decision(None, f"clause:{stop[0]} (no indicator)")
        return decision

    def _classify(
        self,
        measured: str | None,
        unit: str | None,
        sentence: str | None = None,
        at: int | None = None,
        before: str | None = None,
    ) -> Decision:
        weak: Decision | None = None
        context = _word_set(sentence) if sentence else frozenset()
        heads = (
            {measured.split()[-1].lower(), measured.lower().split(" of ")[0].split()[-1]}
            if measured and measured.strip()
            else set()
        )
        if measured and (phrase := _not_indicator_phrase(measured)):
            if (
                phrase == "water loss"
                and sentence
                and _SUPPLY_NETWORKS.search(sentence)
                and not _FIELD_WATER.search(sentence)
            ):
                # "water losses in the networks fell from 48 to 39 percent": a loss of a
                # drinking water network is water supply (one in canals on the way to the
                # fields is none)
                return Decision("water_supply", "clause:water loss in networks")
            if (
                phrase in _HEAT_WORKS
                and unit
                and is_currency(unit.split("/")[0])
                and sentence
                and _PUBLIC_MONEY.search(f"{before or ''} {sentence}")
                and "budget_spending" in self._by_id
            ):
                # "the reconstruction of heating networks in Temirtau for 2,9 bn", "870
                # million comes from the republican budget": money a budget spends on heat
                # works is spending, though the works themselves have no indicator
                return Decision("budget_spending", f"clause:{phrase} (money for it)")
            return Decision(None, f"measured:{phrase} (no indicator)")
        if (
            heads & _REVENUE_HEADS
            and sentence
            and not _BUDGET_SIDE.search(f"{measured} {before or ''} {sentence}")
            and not any(
                f[0].indicator.id != "budget_revenue" for f in self.cues_in(words_of(measured))
            )
        ):
            # "Revenue rose 23 percent to 412.6 billion tenge on higher metal prices", "the
            # company's revenue grew by 11,3%": a revenue no budget, tax or treasury goes
            # with is a company's own result, which no indicator counts
            return Decision(None, "measured:revenue (a company's)")
        if measured and _OWN_FUNDS.search(measured) and "investment" in self._by_id:
            return Decision("investment", "measured:own funds (a source of investment)")
        not_indicator = heads & _NOT_INDICATOR_HEADS
        if unit and is_currency(unit.split("/")[0]):
            # money needed is money to be spent ("the need at 1,9 billion somoni"), not a
            # stock's need (coal, fuel)
            not_indicator -= _NEED_HEADS
            if "recovery" in heads and "budget_spending" in self._by_id:
                # "ordered the recovery of 2 741,6 mln tenge", "96,4 billion soums are being
                # recovered": money an audit recovers is of its findings (not a metal's
                # recovery rate)
                return Decision("budget_spending", "measured:recovery (an audit's)")
        if not_indicator:
            # "zinc reserves of 6.5 million tons", "coal stocks", "copper recovery", "deposits
            # of individuals": what a deposit or a store holds, or a technical ratio, is no
            # public indicator
            head = sorted(not_indicator)[0]
            if (
                not_indicator <= _WATER_WORKS_HEADS
                and sentence
                and at is not None
                and (water := _water_works(_clause(sentence, at) + " " + (measured or "")))
            ):
                # "the wear of water networks is 71 percent", "will drill 6 new wells ...
                # water": the wear and wells of drinking water works are water supply (a
                # heat network's wear or an oil well is none)
                return Decision("water_supply", f"clause:{water}")
            if (
                not_indicator <= _WATER_WORKS_HEADS
                and sentence
                and (water := _water_works(f"{before or ''} {sentence}"))
                and not _POWER_WORDS.search(f"{before or ''} {sentence}")
            ):
                # "The network in Kenzhekol was laid in 1972 ... its wear is now over 70
                # percent", "water is delivered by tank trucks. Twenty-seven new wells have
                # been drilled": works of drinking water the sentence or the one before names
                return Decision("water_supply", f"sentence:{water}")
            if (
                not_indicator == {"wear"}
                and sentence
                and at is not None
                and (worn := _worn_works(_clause(sentence, at) + " " + (measured or "")))
            ):
                # "the wear of buildings of medical organizations is 56%", "the wear of power
                # networks 62 percent": the wear of a public object is of its indicator
                return worn
            return Decision(None, f"measured:{head} (no indicator)")
        if measured:
            found = self.cues_in(words_of(measured))
            cue = self._best(found, unit, None, context)
            if cue is not None and sentence and at is not None:
                cue = self._break_tie(cue, found, unit, context, sentence, at)
            if cue is not None:
                decision = Decision(cue.indicator.id, f"measured:{cue.text}")
                if cue.indicator.yields_to and sentence and at is not None:
                    better = self._in_clause(sentence, at, unit, cue.indicator.yields_to, context)
                    if better is not None:
                        return better
                if cue.indicator.yields_on and sentence and at is not None:
                    better = self._yields_on(cue.indicator, sentence, at, unit)
                    if better is not None:
                        return better
                if cue.text not in cue.indicator.weak:
                    return decision
                # "gross output" says what kind of figure, not of what: the sentence may
                # ("Gross output of agriculture ..."); else the weak cue stands
                weak = decision
        # A counted noun inside the phrase was judged there, with its neighbours ("boiler
        # houses" are no housing); only one the phrase lacks speaks for itself.
        measured_words = {w for w, _ in words_of(measured)} if measured else set()
        counted = bool(unit and unit not in load_lexicon().kinds and unit.isalpha())
        counted = counted and fold_word(unit or "") not in measured_words
        if counted and unit and unit.islower():
            cue = self._best(self.cues_in(words_of(unit)), unit, None, context)
            if cue is not None:
                return Decision(cue.indicator.id, f"unit:{cue.text}")
        if sentence:
            found = self._cues_of(sentence)
            if weak is not None:  # only a cue that says more than the phrase's weak one
                found = [f for f in found if f[0].text not in f[0].indicator.weak]
            cue = self._best(found, unit, at, context)
            if cue is not None:
                if cue.indicator.yields_to and at is not None:
                    # "exported products worth $386 million": the clause's exports, not the
                    # industry that "products worth" names
                    better = self._in_clause(sentence, at, unit, cue.indicator.yields_to, context)
                    if better is not None:
                        return better
                if cue.indicator.yields_on and at is not None:
                    # "the plant will employ 320 people": a new plant's jobs, not employment
                    better = self._yields_on(cue.indicator, sentence, at, unit)
                    if better is not None:
                        return better
                return Decision(cue.indicator.id, f"sentence:{cue.text}")
        if weak is not None:
            return weak
        money = bool(unit and is_currency(unit.split("/")[0]))
        if money and sentence and at is not None:
            # "The largest is the water pipeline in Priozersk worth 4,6 bn tenge": money its
            # own clause puts on a public object is its cost, whatever the sentence before
            # said of projects
            on = self._money_on(sentence, at)
            if on.indicator is not None:
                return on
        if before:
            cue = self._best(self.cues_in(words_of(before)), unit, len(before), context)
            if cue is not None:
                return Decision(cue.indicator.id, f"before:{cue.text}")
        capacity = bool(unit) and load_lexicon().kind_of(unit) == "power"
        if (counted or capacity) and unit and unit not in _STRETCHES_OF_TIME:
            # a counted noun that one indicator alone counts: "26 productions" (new plants);
            # never a stretch of time ("you have ten minutes"); a capacity one alone measures
            # ("the load reached 3 420 MW": power)
            fits = [
                ind.id
                for ind in self.indicators
                if unit in ind.units and ind.needs_met(unit, context)
            ]
            if len(fits) == 1:
                return Decision(fits[0], f"only:{unit}")
        return Decision(None)

    def _money_on(self, sentence: str, at: int) -> Decision:
        """Money no cue names, of the indicator one of whose ``money_on`` words its clause
        names ("a contract worth 612 million rubles for the reconstruction of the bridge":
        the cost of a public object), or ``Decision(None)``."""
        words = tuple(w for w, _ in words_of(_clause(sentence, at)))
        for ind in self.indicators:
            for cue in ind.money_on:
                if _contains(words, cue):
                    return Decision(ind.id, f"clause:{' '.join(cue)} (money for it)")
        return Decision(None)


# "A single trip costs", "a loaf of bread now costs", "one night costs on average": the
# price of one of a thing (not "the project costs", "the school will cost").
_ONE_COSTS = rx(
    r"(?i)(?:^|[.;:!?,]\s+|\b(?:while|and|but|now|today)\s+)[\"'«“]?(?:a|an|one|each|every)\s+"
    r"(?:[\d-]*\p{L}[\p{L}\d-]*\s+){0,12}?costs?\s+(?:them\s+|us\s+|people\s+|residents\s+|families\s+)?"
    r"(?:(?:now|today|there|on\s+average|about|only|around|from|uh|um|already|still),?\s+)*$"
)
# Counted nouns that are stretches of time, which no indicator counts on its own
# ("you have ten minutes"; an interval between buses is transport by its own cue).
_STRETCHES_OF_TIME = frozenset(("minute", "min", "second", "hour", "week"))
# Words that make money per a unit a payment from a budget, not a price.
_PAID_BY_BUDGET = frozenset(
    "subsidy subsidies subsidised subsidized compensation grant allowance receive receives".split()
)


# Indicators of goods and their trade, whose growth in percent under a price header is a
# price's growth.
_GOODS = frozenset(
    (
        "production",
        "harvest",
        "livestock",
        "retail_trade",
        "agricultural_output",
        "industrial_output",
    )
)
_PRICE_WORDS = rx(
    r"(?i)\b(?:prices?|price\s+index|CPI|tariffs?|inflation|(?:became|become|got)\s+"
    r"(?:(?:by\s+)?[\d.,]+\s*(?:%|percent)\s+)?(?:more\s+)?expensive|rose\s+in\s+price"
    r"|went\s+up\s+in\s+price)\b"
)


# a change told of a good's price without the word: "cabbage by 28.4 percent", "rose by"
_PRICE_CHANGE = rx(
    r"(?i)\b(?:rose|risen|increased|went\s+up|grew|fell|dropped|decreased|increases?|by)\b"
)
_HOW_COUNTED = rx(r"(?i)\b(?:in\s+)?(?:comparable|constant|current|real)\s+prices\b")


def _price_context(sentence: str, at: int) -> str | None:
    """The price word of the amount's own clause or of the header its list hangs on (the
    sentence up to its first colon before the amount), as a decision's rule, or None."""
    colon = sentence.rfind(":", 0, at)
    header = sentence[: sentence.find(":", 0, at)] if colon >= 0 else ""
    clause = _clause(sentence, at)
    # a short clause with its verb left out goes on in the sentence's first ("Food products
    # became 6.1% more expensive, non-food goods 3.2% and paid services 3.3%")
    start = clause_start(sentence, at)
    gapped = sentence[max(0, start - 400) : start] if len(clause.split()) <= 8 else ""
    for where, text in (("clause", clause), ("header", header), ("sentence", gapped)):
        # ("in comparable prices" says how a volume is counted, not a price)
        found = _PRICE_WORDS.search(_HOW_COUNTED.sub(" ", text))
        if found:
            return f"{where}:{found.group().lower()}"
    return None


# Words after which a cue names what a figure leaves out: "revenues (excluding transfers)
# amounted to 10.5 trillion tenge" are revenues, "output net of VAT" output.
_EXCLUDING_PAIRS = frozenset((("not", "counting"), ("net", "of")))


def _excluded(words: tuple[tuple[str, int], ...], i: int) -> bool:
    """Whether the cue at word ``i`` stands after "excluding", "except (for)", "not
    counting" or "net of" (an article between them allowed)."""
    j = i - 1
    if j >= 0 and words[j][0] in ("the", "a", "an", "for"):
        j -= 1
    if j < 0:
        return False
    word = words[j][0]
    if word in ("counting", "of"):
        return j > 0 and (words[j - 1][0], word) in _EXCLUDING_PAIRS
    return word in ("excluding", "except", "excl")


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether the folded ``words`` hold the folded ``phrase`` as a run."""
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


# Heads of no indicator that are water supply's where their clause names drinking water or
# sewerage, and no heat: the wear of water networks, water wells.
_WATER_WORKS_HEADS = frozenset(("wear", "well"))
_SUPPLY_NETWORKS = rx(r"(?i)\b(?:networks?|pipes|pipelines?|water\s+supply|vodokanal)\b")
_FIELD_WATER = rx(r"(?i)\b(?:canals?|irrigat\w*|fields?|rivers?)\b")
_WATER_WORDS = rx(r"(?i)\b(?:(?:drinking\s+)?water|sewer(?:age)?|sewage|vodokanal)\b")
_HEAT_WORDS = rx(r"(?i)\b(?:heat|heating|hot\s+water|steam|oil|gas)\b")
_REVENUE_HEADS = frozenset(("revenue", "revenues"))
# "Enterprises' own funds made up 58.4% of them, borrowed funds 18.5%", "developers invested
# 89 billion tenge of their own and borrowed funds": a company's own or raised money is a
# source of investment, not a budget's spending
_OWN_FUNDS = rx(r"(?i)\b(?:own|borrowed|attracted|raised)\b(?:\s+and\s+\w+)?\s+funds?$")
_BUDGET_SIDE = rx(
    r"(?i)\b(?:budgets?|tax\w*|treasury|fiscal|customs|duties|levies|state\s+revenues?"
    r"|own\s+revenues?|receipts|non-tax|mci|akimat|hokimiyat|municipal\w*|maslikhat|kenesh"
    r"|collected|collection|execution|executed|revenue\s+plan|plan\s+for\s+revenues?)\b"
)
# heat works, which no indicator counts, though money a budget spends on them is spending
_HEAT_WORKS = frozenset(("heat network", "heating network", "heat main", "heating main"))
# words that say money is a budget's or the state's to spend
_PUBLIC_MONEY = rx(
    r"(?i)\b(?:budgets?|allocated|provided|financed|financing|programme|program|akimat"
    r"|hokimiyat|municipal\w*|state\s+funds|public\s+funds)\b"
)
_POWER_WORDS = rx(r"(?i)\b(?:power|electric\w*|substations?|transformers?)\b")


# The works whose wear is of their indicator (a heat network's is of none): hospitals;
# drinking water works are _water_works (the power row keeps wear null in its clause).
_WORN_WORKS = (
    (
        "health_facilities",
        rx(r"(?i)\b(?:hospitals?|medical|clinics?|polyclinics?|health\s+facilit\w+)\b"),
    ),
)


def _worn_works(text: str) -> Decision | None:
    """The indicator of the public works a clause on wear names, none for heat."""
    if _HEAT_WORDS.search(text):
        return None
    for indicator, words in _WORN_WORKS:
        if found := words.search(text):
            return Decision(indicator, f"clause:{found.group().lower()}")
    return None


def _water_works(text: str) -> str | None:
    """The water word of a clause that names drinking water or sewerage and no heat, oil
    or gas; None otherwise."""
    found = _WATER_WORDS.search(text)
    if found is None or _HEAT_WORDS.search(text):
        return None
    return found.group().lower()


def _consumers_debt(
    measured: str | None, unit: str | None, sentence: str | None, at: int | None
) -> bool:
    """Whether money or a percentage is a debt of consumers for their utilities, or a
    utility's receivables: a debt word in its clause or before it in its part
    of the sentence (after the last semicolon), a consumer or a utility in its sentence,
    and no loan, tax, wage, pension, subsidy, public borrower or accounts payable in its
    clause or before it in its part of the sentence."""
    if not sentence or at is None or not unit:
        return False
    base = unit.split("/")[0]
    if base != "%" and not is_currency(base):
        return False
    clause = _clause(sentence, at)
    part = sentence[sentence.rfind(";", 0, at) + 1 : at]
    named = _word_set(clause) | _word_set(measured or "") | _word_set(part)
    if not named & _DEBT_WORDS or not _word_set(sentence) & _CONSUMER_DEBT_PARTIES:
        return False
    return not named & _OWN_DEBT_INDICATORS


def _not_indicator_phrase(measured: str) -> str | None:
    """The phrase of :data:`_NOT_INDICATOR_PHRASES` that ``measured`` contains, if any."""
    words = " ".join(w for w, _ in words_of(measured))
    return next((p for p in _NOT_INDICATOR_PHRASES if f" {p} " in f" {words} "), None)


def _outermost(found: list[tuple[_Cue, int, int]]) -> list[tuple[_Cue, int, int]]:
    """The cues of ``found`` that no longer one of ``found`` contains."""
    spans = [(i, i + len(cue.words)) for cue, i, _ in found]
    return [
        item
        for item, (a, b) in zip(found, spans, strict=True)
        if not any(c <= a and b <= d and (d - c) > (b - a) for c, d in spans)
    ]


# A clause ends at a semicolon or a comma, but not at the comma of a list of names
# ("Foreign investors from Germany, Japan and Turkey invested ...").
_CLAUSE_BREAK = rx(r";|(?<!\b\p{Lu}\w*),(?=\s)|,(?!\s+\p{Lu}\w*(?:,|\s+and\b|\s+or\b))(?=\s)")


# Money paid into a budget is its revenue, the verb before the amount or after it: "the
# customs bodies transferred 4 612,8 million somoni to the state budget", "fines worth 11,7
# million somoni were paid to the budget" (not money a budget pays out: "from the budget").
_PAID_INTO_BUDGET = rx(
    r"(?i)\b(?:transferred|paid|remitted|contributed|transfer|pay|paying)\b[^;]{0,80}?"
    r"\b(?:to|into)\s+the\s+(?:[\p{L}-]+\s+){0,2}?budgets?\b"
)


def _paid_into_budget(sentence: str, at: int) -> bool:
    """The amount's clause pays money into a budget (see ``_PAID_INTO_BUDGET``)."""
    return bool(_PAID_INTO_BUDGET.search(_clause(sentence, at)))


# Lenders of public projects: money a development bank or fund provides is a loan, unless
# the clause calls it a grant ("Islamic Development Bank – USD 108 mln", "financing of USD
# 110 mln approved by the Asian Development Bank").
_LENDER = rx(
    r"\b(?:Development\s+Bank|World\s+Bank|Eximbank|Export-Import\s+Bank|EBRD|ADB|IsDB|AIIB"
    r"|(?:Fund|Funds)\s+for\s+(?:Arab\s+Economic\s+|International\s+)?Development"
    r"|development\s+partners|international\s+financial\s+institutions)\b"
)
_GRANT = rx(r"(?i)\bgrants?\b")


def _lender(sentence: str, at: int) -> str | None:
    """The lender the amount's clause names, if it names no grant (see ``_LENDER``)."""
    clause = _clause(sentence, at)
    found = _LENDER.search(clause)
    return None if found is None or _GRANT.search(clause) else found.group()


def clause_start(sentence: str, at: int) -> int:
    """Where the clause of the offset ``at`` begins in ``sentence`` (see :func:`_clause`)."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, max(0, at - 400), at)]
    return breaks[-1] if breaks else 0


def _clause(sentence: str, at: int) -> str:
    """The stretch of ``sentence`` between the clause breaks (";", a comma not inside a
    list of names) around the offset ``at``."""
    end = _CLAUSE_BREAK.search(sentence, at)
    return sentence[clause_start(sentence, at) : end.start() if end else len(sentence)]


@lru_cache(maxsize=1)
def default_classifier() -> IndicatorClassifier:
    """The classifier of the packaged taxonomy, built once per process."""
    return IndicatorClassifier()
