"""``extractor rules``: list the fact rules, in the order the linker tries them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from . import _util
from ._util import app


class Field(str, Enum):
    measured = "measured"
    period = "period"


@app.command()
def rules(
    field: Annotated[
        Field | None,
        typer.Option("--field", help="Only the rules that set this field."),
    ] = None,
    examples: Annotated[
        bool, typer.Option("--examples", help="Show each rule's examples under it.")
    ] = False,
) -> None:
    """List the fact rules: how `measured` and the period of each amount are decided.

    The linker tries the rules of a field in this order; the first that answers sets the
    field, and the record keeps its id (`measured_rule`, `period_rule`). A filter only
    shapes what the others may take (a comparison base left out); a fallback runs when no
    rule above gave a period; a document rule runs once every amount is linked (lists,
    "respectively"). Switch one off with `evaluate --disable-rule ID` or
    `extract --disable-rule ID` to see what it earns.

    Examples:

      extractor rules --field period

      extractor rules --examples
    """
    from ..components.fact_rules import load_fact_rules
    from .render import fact_rules_table

    chosen = [r for r in load_fact_rules() if field is None or r.field == field.value]
    _util.console.print(fact_rules_table(chosen, examples=examples))
