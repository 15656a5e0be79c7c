"""``extractor label``: label a transcript in the terminal, starting from the extractor's spans.

Each proposal is shown in its sentence; the labeller accepts, rejects or fixes it, adds
the spans it missed, and every decision is saved at once to ``gold/<id>.jsonl`` with
``"reviewed": true`` (see :mod:`extractor.review.session`). Quitting at any point loses
nothing; running the command again resumes where it stopped, without loading the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from ..schema import LABELS
from . import _util
from ._util import EXIT_INTERRUPTED, EXIT_NOTHING, EXIT_OK, ModelOpt, app, date_option

HELP = (
    "a  accept the span as shown\n"
    "r  reject it (not a fact)\n"
    "f  fix it: span, label, value, unit, qualifier, measured, dates (Enter keeps a field)\n"
    "n  add a span the extractor missed: type its text, pick the occurrence\n"
    "s  skip: decide later (it comes back at the end)\n"
    "b  back: reopen the last decision\n"
    "q  quit: everything decided is already saved; run the command again to resume\n"
    "In fields: '-' empties one; a value is a number (6e11, 1,500, 1.5 trillion) or a range (3-6)."
)


class _Quit(Exception):
    """The labeller asked to stop (q, end of input)."""


def _ask(console: Console, name: str, current: str = "") -> str:
    """One line of input; the prompt and the current value are shown as data, never markup."""
    prompt = Text(name, style="bold")
    if current:
        prompt.append(" (" + _clean(current) + ")", style="dim")
    prompt.append(": ")
    try:
        return console.input(prompt).strip()
    except EOFError as err:
        raise _Quit from err


def _clean(text: str) -> str:
    from .render import clean

    return clean(text)


def _choose(console: Console, name: str, keys: str) -> str:
    while True:
        answer = _ask(console, name).lower()
        if len(answer) == 1 and answer in keys:
            return answer
        console.print(Text(f"type one of: {' '.join(keys)}", style="yellow"))


def _pick_occurrence(console: Console, text: str, typed: str, near: int) -> tuple[int, int] | None:
    from ..review.prefill import find_occurrences
    from .render import occurrences_table

    found = find_occurrences(text, typed)
    if not found:
        console.print(Text(f"{typed!r} is not in the text", style="yellow"))
        return None
    if len(found) == 1:
        return found[0]
    default = next((n for n, (start, _) in enumerate(found, 1) if start >= near), 1)
    console.print(occurrences_table(text, found))
    while True:
        answer = _ask(console, f"which occurrence, 1-{len(found)}", str(default))
        if not answer:
            return found[default - 1]
        if answer.isdigit() and 1 <= int(answer) <= len(found):
            return found[int(answer) - 1]
        console.print(Text(f"type a number from 1 to {len(found)}", style="yellow"))


def _edit_field(console: Console, name: str, current: str, parse):
    """Ask for one field until the answer parses; returns (changed, value)."""
    while True:
        answer = _ask(console, name, current)
        if not answer:
            return False, None
        try:
            return True, parse(answer)
        except ValueError as err:
            console.print(Text(str(err), style="yellow"))


def _parse_amount(answer: str):
    from ..review.prefill import parse_amount

    amount = parse_amount(answer)
    if amount is None:
        raise ValueError(f"{answer!r} is no amount: type 600e9, 1,500, 1.5 trillion or a range 3-6")
    return amount


def _parse_label(answer: str) -> str:
    label = answer.upper()
    if label not in LABELS:
        raise ValueError(f"{answer!r} is not a label: {', '.join(LABELS)}")
    return label


def _edit(console: Console, session, rec: dict, *, span: bool = True) -> dict | None:
    """Fix a span field by field (Enter keeps each); None when the labeller gives up."""
    from ..review.prefill import parse_date, parse_heads, parse_qualifier, prefill
    from .render import readable_amount, span_fields

    rec = dict(rec)
    while True:
        if span:
            changed, typed = _edit_field(console, "span", rec["text"], str)
            if changed:
                where = _pick_occurrence(console, session.text, typed, rec["start"])
                if where is not None:
                    rec.update(start=where[0], end=where[1], text=session.text[where[0] : where[1]])
            changed, label = _edit_field(console, "label", rec["label"], _parse_label)
            if changed and label != rec["label"]:
                rec = prefill(session.text, rec["start"], rec["end"], label, session.date)
        if rec["label"] == "QUANTITY":
            changed, amount = _edit_field(
                console, "value", readable_amount({**rec, "unit": None}), _parse_amount
            )
            if changed:
                rec["value"], rec["low"], rec["high"] = amount
            for name, parse, shown in (
                ("unit", str, rec.get("unit") or ""),
                ("qualifier", parse_qualifier, rec.get("qualifier") or "-"),
                ("measured", parse_heads, _heads(rec.get("measured"))),
            ):
                changed, value = _edit_field(console, name, shown, parse)
                if changed:
                    rec[name] = value
        if rec["label"] in ("QUANTITY", "TIME"):
            for name, shown in (
                ("time_start", rec.get("time_start")),
                ("time_end", rec.get("time_end")),
            ):
                changed, value = _edit_field(console, name, shown or "-", parse_date)
                if changed:
                    rec[name] = value
        problems = session.problems(rec)
        if not problems:
            return rec
        console.print(span_fields(rec))
        for problem in problems:
            console.print(Text(_clean(problem.message), style="yellow"))
        if _ask(console, "fix again (Enter) or cancel (c)").lower().startswith("c"):
            return None
        span = False


def _heads(measured) -> str:
    if isinstance(measured, list):
        return ", ".join(measured)
    return measured or "-"


def _confirm_overlaps(console: Console, session, rec: dict, ignore=None) -> bool:
    """Whether to go on when ``rec`` overlaps confirmed spans of its label (they give way)."""
    clash = session.overlapping(rec, ignore=ignore)
    if not clash:
        return True
    names = ", ".join(repr(_clean(g["text"])) for g in clash)
    return _ask(console, f"overlaps {names} in the gold: replace it? y/n").lower().startswith("y")


def _add_missed(console: Console, session, near: int) -> None:
    from ..review.prefill import guess_label, prefill
    from .render import span_fields

    typed = _ask(console, "text of the missed span (Enter cancels)")
    if not typed:
        return
    where = _pick_occurrence(console, session.text, typed, near)
    if where is None:
        return
    start, end = where
    changed, label = _edit_field(
        console, "label", guess_label(session.text, start, end), _parse_label
    )
    rec = prefill(
        session.text,
        start,
        end,
        label if changed else guess_label(session.text, start, end),
        session.date,
    )
    console.print(span_fields(rec))
    rec = _edit(console, session, rec, span=False)
    if rec is not None and _confirm_overlaps(console, session, rec):
        session.add(rec)
        console.print(Text(f"added {_clean(rec['text'])!r}", style="green"))


def _run(console: Console, session) -> None:
    """The decision loop; returns when the labeller quits."""
    from .render import keys_line, label_card, session_counts

    history: list[int] = []
    current = session.next_open()
    total = len(session.proposals)
    while True:
        if current is None:
            console.rule(Text("every proposal is decided", style="bold green"), align="left")
            console.print(session_counts(session.counts()))
            console.print(keys_line((("n", "new span"), ("b", "back"), ("q", "quit"))))
            action = _choose(console, "action", "nbq")
        else:
            rec = session.proposals[current]
            console.print()
            console.print(
                label_card(
                    rec, session.text, f"{current + 1} of {total}", session.decisions[current]
                )
            )
            console.print(keys_line())
            action = _choose(console, "action", "arfnsbq?")
        if action == "q":
            return
        if action == "?":
            console.print(Text(HELP))
        elif action == "n":
            near = session.proposals[current]["start"] if current is not None else 0
            _add_missed(console, session, near)
        elif action == "b":
            back = history.pop() if history else _last_decided(session, current)
            if back is None:
                console.print(Text("nothing to go back to", style="yellow"))
            else:
                session.reopen(back)
                current = back
        elif action == "s":
            current = session.next_open(after=current)
        elif action == "r":
            session.reject(current)
            history.append(current)
            current = session.next_open(after=current)
        elif action in "af":
            rec = session.proposals[current]
            if action == "f":
                rec = _edit(console, session, rec)
                if rec is None:
                    continue
            elif problems := session.problems(rec):
                for problem in problems:
                    console.print(Text(_clean(problem.message), style="yellow"))
                console.print(Text("fix it (f) or reject it (r)", style="yellow"))
                continue
            if not _confirm_overlaps(console, session, rec, ignore=session.results[current]):
                continue
            session.accept(current, rec if action == "f" else None)
            history.append(current)
            current = session.next_open(after=current)


def _last_decided(session, current: int | None) -> int | None:
    start = len(session.proposals) if current is None else current
    return next((i for i in range(start - 1, -1, -1) if session.decisions[i] is not None), None)


def _propose(console: Console, document, model: str | None) -> list[dict]:
    """The extractor's spans for a new session (the only step that needs the model)."""
    from ..batch import Result, extract_documents
    from ..pipeline import ModelNotFoundError, load
    from ..review.session import SessionError

    console.print(Text("extracting proposals with the English model…", style="dim"))
    try:
        nlp = load(model)
    except ModelNotFoundError as err:
        raise SessionError(str(err)) from err
    for item in extract_documents(nlp, [document]):
        if isinstance(item, Result):
            return [dict(r) for r in item.records]
        raise typer.BadParameter(str(item), param_hint="FILE")
    return []


@app.command()
def label(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The transcript to label (.txt, or a documents .jsonl with --doc).",
            show_default=False,
        ),
    ],
    doc_id: Annotated[
        str | None, typer.Option("--doc", "-d", help="Which document of a .jsonl file or folder.")
    ] = None,
    gold_dir: Annotated[
        Path, typer.Option("--gold", help="Gold folder to write <id>.jsonl to.")
    ] = Path("gold"),
    date: Annotated[str | None, date_option("ISO date for a transcript that carries none.")] = None,
    model: ModelOpt = None,
    restart: Annotated[
        bool,
        typer.Option(
            "--restart", help="Drop this document's earlier session and its reviewed gold."
        ),
    ] = False,
) -> None:
    """Label a transcript from the extractor's spans; saves gold.

    Accept, reject or fix each proposed span, add missed ones by typing their text; every
    decision is written to <gold>/<id>.jsonl at once ("reviewed": true). Quit at any
    point; the same command resumes where you stopped.

    Examples:

      extractor label transcripts/hearing-2024-03.txt --date 2024-03-12

      extractor label archive.jsonl --doc speech-17 --gold gold/
    """
    from ..io.corpus import Document, iter_documents
    from ..review.session import LabelSession, SessionError, gold_path
    from .render import session_counts

    console, err_console = _util.console, _util.err_console
    items = list(iter_documents([file], date))
    docs = [d for d in items if isinstance(d, Document) and (doc_id is None or d.id == doc_id)]
    if len(docs) != 1:
        for item in items:
            if not isinstance(item, Document):
                err_console.print(Text(_clean(str(item))))
        if not docs:
            err_console.print(
                Text(f"no document {'with id ' + repr(doc_id) + ' ' if doc_id else ''}in {file}")
            )
        else:
            ids = ", ".join(d.id for d in docs[:10]) + (" …" if len(docs) > 10 else "")
            err_console.print(
                Text(f"{file} holds {len(docs)} documents; choose one with --doc ({_clean(ids)})")
            )
        raise typer.Exit(EXIT_NOTHING)
    document = docs[0]
    try:
        session = LabelSession.open(
            gold_dir,
            document.id,
            document.text,
            lambda: _propose(console, document, model),
            date=document.date,
            restart=restart,
        )
    except SessionError as err:
        err_console.print(Text(_clean(str(err))))
        raise typer.Exit(EXIT_NOTHING) from err
    path = gold_path(gold_dir, document.id)
    n = len(session.proposals)
    intro = Text(
        f"labelling {_clean(document.id)}: {n} {'proposal' if n == 1 else 'proposals'}; ",
        style="bold",
    )
    intro.append(session_counts(session.counts()))
    intro.append(f"\ngold: {_clean(str(path))} (saved after every decision)", style="dim")
    console.print(intro)
    code = EXIT_OK
    try:
        _run(console, session)
    except _Quit:
        pass
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    console.print()
    n = len(session.gold)
    done = Text(f"saved {n} {'span' if n == 1 else 'spans'} to {_clean(str(path))}: ")
    done.append(session_counts(session.counts()))
    console.print(done)
    raise typer.Exit(code)
