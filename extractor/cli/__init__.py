"""The command line: a thin layer over functions that return data.

:mod:`extractor.cli._util` holds the app and what the commands share; each command is a
module of its own that registers itself on the app when it is imported, here, in the
order ``extractor --help`` lists them.
"""

# isort: off
from . import extract, facts, review, show, evaluate, rules, gold, label  # noqa: F401
from . import ingest, query, conflicts  # noqa: F401
from ._util import app, main

# isort: on

__all__ = ["app", "main"]
