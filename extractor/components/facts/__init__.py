"""The ``extractor_facts`` component: link each quantity to what it measures, when and where.

- :mod:`.document`: :class:`FactContext`, what the rules know of a document;
- :mod:`.measured`: the ``measured.*`` rules;
- :mod:`.periods`: the ``period.*`` rules, registered under their ids (:data:`PERIOD_RULES`);
- :mod:`.passes`: the passes over a whole document (lists, "respectively");
- :mod:`.linker`: :class:`FactLinker`, which runs them, and the spaCy factory.
"""

from .document import FactContext
from .linker import FactLinker, check_period_rules, make_fact_linker
from .measured import load_nominalizations
from .periods import NO_PERIOD, PERIOD_RULES, Amount, period_rule

__all__ = [
    "NO_PERIOD",
    "PERIOD_RULES",
    "Amount",
    "FactContext",
    "FactLinker",
    "check_period_rules",
    "load_nominalizations",
    "make_fact_linker",
    "period_rule",
]
