"""Every rich table the CLI prints. Document text is data: it is escaped, never markup."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.markup import escape
from rich.measure import Measurement
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..review.context import clip, sentence_bounds
from ..review.gold_diff import MARKS
from ..review.highlight import non_overlapping
from ..review.readable import (  # noqa: F401  (readable_* stay importable from here)
    fact_value,
    period_of,
    readable_amount,
    readable_number,
)
from ..review.summary import (
    LEFT_OUT_PART,
    LEFT_OUT_RATE,
    LEFT_OUT_UNMEASURED,
    LEFT_OUT_VOTE,
    Summary,
)
from ..review.view import DocumentView
from ..scoring import Scores


def clean(text: str) -> str:
    """Document text made safe for the terminal: control characters shown, not run."""
    text = "".join(" " if ch.isspace() else ch for ch in text)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def period(rec: dict) -> str:
    """ "2015 – 2019", "2020", or "" for a span with no period."""
    return period_of(rec)


class FitsWidth:
    """A renderable that lays out its table for the width the console gives it."""

    def table(self, width: int) -> Table:
        """The table for a console ``width`` columns wide."""
        raise NotImplementedError

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(options.max_width, options.max_width)


class SpansTable(FitsWidth):
    """One document's spans, laid out for the width it gets.

    Every width shows label, span, value, ``measured`` (the link to what an amount
    measures) and period. From :attr:`MEDIUM` columns the qualifier has its own column
    (narrower, it joins the value: "3 mn m2 (over)"); from :attr:`WIDE` the span's
    sentence is shown too, cut at word boundaries.
    """

    MEDIUM, WIDE = 100, 140

    def __init__(self, doc_id: str, records: list[dict], text: str | None) -> None:
        self.doc_id, self.records, self.text = doc_id, records, text

    def table(self, width: int) -> Table:
        """The table for a console ``width`` columns wide."""
        wide, medium = width >= self.WIDE, width >= self.MEDIUM
        table = Table(title=Text(clean(self.doc_id)), title_justify="left", expand=wide)
        table.add_column("label", style="bold", no_wrap=True)
        table.add_column("span", min_width=10, max_width=22 if wide else 34 if medium else 22)
        table.add_column("value", justify="right", min_width=8, max_width=16 if wide else 26)
        if medium:
            table.add_column("qual.", no_wrap=True)
        table.add_column("measured", min_width=10, max_width=20 if wide else 28 if medium else 18)
        table.add_column("period", max_width=12)
        if wide:
            table.add_column("in its sentence", ratio=1, min_width=40)
        for rec in self.records:
            row: list = [
                rec["label"],
                Text(clean(rec["text"])),
                Text(clean(self._value(rec, medium))),
            ]
            if medium:
                row.append(rec.get("qualifier") or "")
            row += [Text(clean(_measured(rec))), period(rec)]
            if wide:
                row.append(fact_in_sentence(rec, self.text, max_chars=SENTENCE_CHARS))
            table.add_row(*row)
        return table

    @staticmethod
    def _value(rec: dict, medium: bool) -> str:
        if rec["label"] == "QUANTITY":
            value = readable_amount(rec)
            return f"{value} ({rec['qualifier']})" if not medium and rec.get("qualifier") else value
        if rec["label"] == "PERSON" and rec.get("title"):
            return rec["title"]
        return ""


def spans_table(doc_id: str, records: list[dict], text: str | None) -> SpansTable:
    """One document's spans (see :class:`SpansTable`)."""
    return SpansTable(doc_id, records, text)


ROWS = (
    "QUANTITY",
    "TIME",
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "LAW",
    "NORP",
    "EVENT",
    "ENTITY",
    "ALL",
)


def scores_table(scores: Scores, title: str) -> Table:
    """Per-label and overall P/R/F: strict, overlap, value, measured, period, indicator, fact."""
    # A light box and one space between columns keep all eleven columns within 80
    # characters (CI logs, narrow terminals).
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=0,
    )
    table.add_column("label", style="bold", no_wrap=True, min_width=8)
    table.caption = (
        "P/R/F1: strict match; ovl: overlap F1; value: value/date F1; "
        "meas., per., ind.: measured, period and indicator accuracy"
    )
    for head in ("gold", "pred", "P", "R", "F1", "ovl", "value", "meas.", "per.", "ind.", "fact"):
        table.add_column(head, justify="right", no_wrap=True, min_width=5)
    for row in ROWS:
        if row not in scores.table:
            continue
        t = scores.table[row]
        strict, overlap = t["strict"], t["overlap"]
        value = f"{t['value'].f1:.3f}" if row in ("QUANTITY", "TIME") else ""
        measured = (
            f"{t['measured'].precision:.3f}" if row == "QUANTITY" and t["measured"].pred else ""
        )
        period = f"{t['period'].precision:.3f}" if row == "QUANTITY" and t["period"].pred else ""
        indicator = (
            f"{t['indicator'].precision:.3f}" if row == "QUANTITY" and t["indicator"].pred else ""
        )
        fact = f"{t['fact'].f1:.3f}" if row == "QUANTITY" else ""
        style = "bold" if row in ("ENTITY", "ALL") else None
        table.add_row(
            row,
            str(strict.gold),
            str(strict.pred),
            f"{strict.precision:.3f}",
            f"{strict.recall:.3f}",
            f"{strict.f1:.3f}", f"{overlap.f1:.3f}", value, measured, period, indicator, fact,
            style=style,
        )  # fmt: skip
    return table


def rules_table(scores: Scores) -> Table:
    """Each fact rule on value-matched quantities: fires, judged by gold, right, precision."""
    table = Table(
        title="fact rules",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        caption="fires: set the field of a value-matched quantity; judged: gold gives the "
        "field; right: agrees with gold",
    )
    table.add_column("rule", no_wrap=True)
    for head in ("fires", "judged", "right", "prec."):
        table.add_column(head, justify="right", no_wrap=True)
    for (_, rule), count in sorted(scores.by_rule.items(), key=lambda kv: (kv[0][0], -kv[1].fires)):
        prec = f"{count.precision:.3f}" if count.scored else ""
        style = "dim" if rule == "(none)" else None
        table.add_row(
            rule, str(count.fires), str(count.scored), str(count.right), prec, style=style
        )
    return table


class ErrorsTable(FitsWidth):
    """Every missed, spurious, mis-bounded, wrong-value and wrong-date span, in its sentence.

    From :attr:`WIDE` columns the label, the gold and the prediction have a column each;
    narrower, they share one (label, then gold, then "→" and the prediction).
    """

    WIDE = 120

    def __init__(self, errors: list[dict], texts: dict[str, str]) -> None:
        self.errors, self.texts = errors, texts

    def table(self, width: int) -> Table:
        """The table for a console ``width`` columns wide."""
        wide = width >= self.WIDE
        table = Table(title="errors", title_justify="left", show_lines=True, expand=True)
        table.add_column("kind", style="bold", max_width=9)
        table.add_column("doc", max_width=12, overflow="fold")
        if wide:
            table.add_column("label", no_wrap=True)
            table.add_column("gold", max_width=20)
            table.add_column("predicted", max_width=20)
        else:
            table.add_column("gold → predicted", max_width=20)
        table.add_column("in its sentence", ratio=1, min_width=24)
        for err in self.errors:
            g, p = err["gold"], err["pred"]
            ref = g or p
            show = _describe_indicator if err["kind"] == "wrong indicator" else _describe
            if wide:
                cells = [ref["label"], Text(show(g)), Text(show(p))]
            else:
                cells = [Text(f"{ref['label']}\n{show(g)}\n→ {show(p)}")]
            sentence = fact_in_sentence(ref, self.texts.get(ref["doc_id"]))
            table.add_row(err["kind"], escape(ref["doc_id"]), *cells, sentence)
        return table


def errors_table(errors: list[dict], texts: dict[str, str]) -> ErrorsTable:
    """The errors of an evaluation (see :class:`ErrorsTable`)."""
    return ErrorsTable(errors, texts)


def _describe_indicator(rec: dict | None) -> str:
    if rec is None:
        return "—"
    return clean(f"{rec['text']!r} {rec.get('indicator') or 'no indicator'}")


def _describe(rec: dict | None) -> str:
    if rec is None:
        return "—"
    out = repr(rec["text"])
    if rec["label"] == "QUANTITY":
        out += f" {readable_amount(rec)}"
        if rec.get("qualifier"):
            out += f" ({rec['qualifier']})"
    if rec["label"] in ("QUANTITY", "TIME") and (rec.get("time_start") or rec.get("time_end")):
        out += f" [{period(rec)}]"
    return clean(out)


class FactsTable(FitsWidth):
    """One row per quantity: amount, qualifier, what it measures, period, place, speaker,
    and the quantity in its whole sentence (cut at word boundaries when long).

    From :attr:`WIDE` columns every field has its column; narrower, one column holds the
    fact (amount, then measured, then period, place and speaker a line each) beside its
    sentence, so nothing is cropped at 80 columns.
    """

    WIDE = 140

    def __init__(self, doc_id: str, records: list[dict], text: str | None) -> None:
        self.doc_id = doc_id
        self.records = [rec for rec in records if rec["label"] == "QUANTITY"]
        self.text = text

    def table(self, width: int) -> Table:
        """The table for a console ``width`` columns wide."""
        wide = width >= self.WIDE
        table = Table(title=Text(clean(self.doc_id)), title_justify="left", expand=True)
        if wide:
            table.add_column("amount", justify="right", no_wrap=True)
            table.add_column("qual.", no_wrap=True)
            table.add_column("measured", max_width=20)
            table.add_column("period", no_wrap=True)
            table.add_column("place", max_width=16)
            table.add_column("speaker", max_width=16)
        else:
            table.add_column("fact", width=26)
        table.add_column("in its sentence", ratio=1, min_width=40)
        for rec in self.records:
            sentence = fact_in_sentence(rec, self.text)
            if wide:
                table.add_row(
                    Text(clean(readable_amount(rec))),
                    Text(clean(rec.get("qualifier") or "")),
                    Text(clean(_measured(rec))),
                    period(rec),
                    Text(clean(rec.get("place") or "")),
                    Text(clean(rec.get("speaker") or "")),
                    sentence,
                )
            else:
                table.add_row(self._fact(rec), sentence)
        return table

    @staticmethod
    def _fact(rec: dict) -> Text:
        amount = " ".join(v for v in (rec.get("qualifier") or "", readable_amount(rec)) if v)
        out = Text(clean(amount), style="bold")
        for line in (_measured(rec), period(rec), rec.get("place"), rec.get("speaker")):
            if line:
                out.append("\n" + clean(line))
        return out


def facts_table(doc_id: str, records: list[dict], text: str | None) -> FactsTable:
    """One document's facts (see :class:`FactsTable`)."""
    return FactsTable(doc_id, records, text)


# --- extractor review ---------------------------------------------------------------------

# Symbol first, so the marks read without colour (NO_COLOR, a pipe, a pager without -R).
MARK_STYLES = {
    "correct": ("✓ correct", "green"),
    "wrong value": ("≠ value", "bold magenta"),
    "wrong date": ("≠ date", "bold magenta"),
    "boundary": ("↔ bounds", "yellow"),
    "spurious": ("+ spurious", "bold yellow"),
    "missed": ("✗ missed", "bold red"),
}
SPAN_STYLE = "bold reverse"
SENTENCE_CHARS = 150  # about three lines of the sentence column at 120 columns


class SpanInSentence:
    """A sentence with one span highlighted: in reverse video where the console shows
    styles, between ⟦ ⟧ where it does not (a file, a pipe, a dumb terminal).

    Args:
        before: the text before the span (already made safe with :func:`clean`).
        span: the span.
        after: the text after it.
        note: a line under the sentence (e.g. the gold's span), dim.
    """

    OPEN, CLOSE = "⟦", "⟧"

    def __init__(self, before: str, span: str, after: str, note: str = "") -> None:
        self.before, self.span, self.after, self.note = before, span, after, note

    def text(self, console: Console) -> Text:
        """The sentence as this console can show it."""
        plain = console.color_system is None
        out = Text(self.before)
        out.append(f"{self.OPEN}{self.span}{self.CLOSE}" if plain else self.span, style=SPAN_STYLE)
        out.append(self.after)
        if self.note:
            out.append("\n" + self.note, style="dim italic")
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(console)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text(console))


def fact_in_sentence(
    rec: dict, text: str | None, *, max_chars: int = SENTENCE_CHARS, note: str = ""
) -> SpanInSentence:
    """The span in its sentence, the span highlighted; the span alone when the text is unknown.

    Sentences longer than ``max_chars`` are cut around the span, the cuts marked "…".
    """
    start, end = rec["start"], rec["end"]
    if text is None or end > len(text):
        return SpanInSentence("", clean(rec.get("text") or ""), "", note)
    lo, hi = sentence_bounds(text, start, end)
    left, right = clip(text, lo, hi, start, end, max_chars)
    before = ("…" if left > lo else "") + clean(text[left:start])
    after = clean(text[end:right]) + ("…" if right < hi else "")
    return SpanInSentence(before, clean(text[start:end]), after, note)


def _measured(rec: dict) -> str:
    measured = rec.get("measured")
    return " | ".join(measured) if isinstance(measured, list) else measured or ""


def rule_name(rec: dict, field: str) -> str:
    """The fact rule that set ``field`` ("measured" or "period"), readable: "report frame"."""
    rule = rec.get(f"{field}_rule") or ""
    return rule.partition(".")[2].replace("_", " ")


def _why(cell: Text, rec: dict, field: str) -> Text:
    """``cell`` with the rule that set the field under it, dimmed ("by report frame")."""
    name = rule_name(rec, field)
    if name and cell.plain:
        cell.append(f"\nby {name}", style="dim")
    return cell


def _with_gold(shown: str | list[str], gold: str | None) -> Text:
    """A cell (one line, or several) with the gold's differing value under it."""
    lines = [line for line in ([shown] if isinstance(shown, str) else shown) if line]
    out = Text("\n".join(clean(line) for line in lines))
    if gold is not None and gold not in lines:
        out.append(("\n" if lines else "") + "gold " + clean(gold or "—"), style="dim italic")
    return out


class ReviewTable(FitsWidth):
    """One document's facts, laid out for the width it gets.

    Wide enough (:attr:`WIDE` columns), every field has its column: mark, span in its
    sentence, label, value, qualifier, measured, period, place. Narrower, the qualifier
    joins the value ("over 65,000 job") and measured, period and place share a column,
    so the sentence keeps room to be read. Strict P/R/F go in the caption when the facts
    were compared with gold.

    Args:
        view: the document's rows (see :func:`extractor.review.view.build_view`).
        compared: show the mark column.
    """

    WIDE = 140

    def __init__(self, view: DocumentView, *, compared: bool = False) -> None:
        self.view, self.compared = view, compared

    def table(self, width: int) -> Table:
        """The table for a console ``width`` columns wide."""
        view, wide = self.view, width >= self.WIDE - (0 if self.compared else 12)
        shown = len(view.rows)
        title = Text(clean(view.doc_id), style="bold")
        facts = _plural(view.found, "fact")
        title.append(f"  {facts}" if shown == view.found else f"  {shown} of {facts}", style="dim")
        table = Table(title=title, title_justify="left", caption_justify="left", expand=True)
        if self.compared:
            table.add_column("mark", no_wrap=True)
        table.add_column("fact in its sentence", ratio=1, width=36)
        table.add_column("label", no_wrap=True)
        table.add_column("value", justify="right", max_width=16)
        if wide:
            table.add_column("qual.", max_width=6)
            table.add_column("measured", max_width=18)
            table.add_column("period", max_width=12)
            table.add_column("place", max_width=14)
        else:
            table.add_column("measured · period · place", max_width=20)
        for row in view.rows:
            table.add_row(*self._cells(row, wide), style="dim" if row.mark == "missed" else None)
        caption = Text()
        if view.prf is not None:
            p = view.prf
            scores = f"strict P {p.precision:.3f}  R {p.recall:.3f}  F1 {p.f1:.3f}"
            caption.append(scores, style="bold")
            caption.append(f"  ({p.tp} of {p.pred} extracted, {p.gold} gold)")
        if view.note:
            caption.append(("\n" if caption else "") + clean(view.note), style="italic")
        if caption:
            table.caption = caption
        return table

    def _cells(self, row, wide: bool) -> list:
        rec, gold, mark = row.record, row.gold or {}, row.mark
        note = "gold " + repr(clean(gold.get("text") or "")) if mark == "boundary" else ""
        gold_value = fact_value(gold) if mark == "wrong value" else None
        gold_period = period(gold) if mark == "wrong date" else None
        qualifier = rec.get("qualifier") or ""
        cells = [fact_in_sentence(rec, self.view.text, note=note), Text(clean(rec["label"]))]
        if wide:
            cells += [
                _with_gold(fact_value(rec), gold_value),
                Text(clean(qualifier)),
                _why(Text(clean(_measured(rec))), rec, "measured"),
                _why(_with_gold(period(rec), gold_period), rec, "period"),
                Text(clean(rec.get("place") or "")),
            ]
        else:
            value = " ".join(v for v in (qualifier, fact_value(rec)) if v)
            why = rule_name(rec, "period")
            details = [
                _measured(rec),
                period(rec) + (f" ({why})" if why and period(rec) else ""),
                rec.get("place") or "",
            ]
            cells += [
                _with_gold(value, gold_value),
                _with_gold(details, gold_period),
            ]
        if self.compared:
            symbol, style = MARK_STYLES.get(mark or "", ("", ""))
            cells.insert(0, Text(symbol, style=style))
        return cells


def review_table(view: DocumentView, *, compared: bool = False) -> ReviewTable:
    """One document's review table (see :class:`ReviewTable`)."""
    return ReviewTable(view, compared=compared)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def review_summary(summary: Summary) -> Group:
    """Under the tables: facts per label and unit, marks, and totals per unit and period."""
    parts: list = []
    n_facts = sum(summary.labels.values())
    head = Text(f"{_plural(summary.documents, 'document')}, {_plural(n_facts, 'fact')}: ")
    head.stylize("bold")
    head.append("  ".join(f"{clean(label)} {n}" for label, n in summary.labels.most_common()))
    parts.append(head)
    if summary.units:
        units = Text("quantities by unit: ", style="bold")
        units.append("  ".join(f"{clean(unit)} {n}" for unit, n in summary.units.most_common()))
        parts.append(units)
    if summary.marks:
        marks = Text("against gold: ", style="bold")
        for i, mark in enumerate(m for m in MARKS if summary.marks[m]):
            symbol, style = MARK_STYLES[mark]
            marks.append(("  " if i else "") + f"{symbol} {summary.marks[mark]}", style=style)
        parts.append(marks)
    totals = summary.sorted_totals()
    if totals:
        table = Table(title="totals where adding up makes sense", title_justify="left")
        table.caption_justify = "left"
        table.add_column("unit")
        table.add_column("measured")
        table.add_column("period")
        table.add_column("facts", justify="right")
        table.add_column("total", justify="right")
        table.add_column("of which qualified", justify="right")
        for t in totals:
            total = readable_amount({"value": t.total, "unit": t.unit})
            cells = (clean(t.unit), clean(t.measured), clean(t.period or "—"), str(t.count))
            cells += (clean(total),)
            table.add_row(*map(Text, cells), str(t.qualified or ""))
        left_out = [
            _plural(n, noun)
            for n, noun in (
                (summary.ranges, "range"),
                (summary.left_out[LEFT_OUT_RATE], "average or per-head figure"),
                (summary.left_out[LEFT_OUT_PART], "part of a figure before it"),
                (summary.left_out[LEFT_OUT_UNMEASURED], "figure of unknown measure"),
                (summary.left_out[LEFT_OUT_VOTE], "vote tally or attendance figure"),
            )
            if n
        ]
        table.caption = Text(
            "figures of one measure, unit and period are added as stated (a figure quoted "
            "twice counts twice); percentages, multipliers, time amounts and rates are not "
            "added" + (f"; left out: {', '.join(left_out)}" if left_out else ""),
            style="dim",
        )
        parts.append(table)
    return Group(*parts)


# --- extractor label ----------------------------------------------------------------------

LABEL_KEYS = (
    ("a", "accept"),
    ("r", "reject"),
    ("f", "fix"),
    ("n", "new span"),
    ("s", "skip"),
    ("b", "back"),
    ("q", "quit"),
    ("?", "help"),
)


def keys_line(keys: tuple[tuple[str, str], ...] = LABEL_KEYS) -> Text:
    """ "a accept · r reject · …", the keys bold (as Text: brackets are never markup)."""
    out = Text()
    for i, (key, meaning) in enumerate(keys):
        out.append(" · " if i else "", style="dim")
        out.append(key, style="bold cyan")
        out.append(f" {meaning}")
    return out


def _raw_amount(rec: dict) -> str:
    if rec.get("value") is None and rec.get("low") is not None:
        return f"{rec['low']!r} – {rec['high']!r}"
    return "" if rec.get("value") is None else repr(rec["value"])


def span_fields(rec: dict) -> Table:
    """A span's fields, one a line: the ones a labeller checks for its label."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    rows: list[tuple[str, str]] = [("span", repr(rec.get("text") or ""))]
    if rec["label"] == "QUANTITY":
        amount = readable_amount({**rec, "unit": None})
        raw = _raw_amount(rec)
        rows += [
            ("value", f"{amount}  ({raw})" if raw and raw != amount else amount or "—"),
            ("unit", rec.get("unit") or "—"),
            ("qualifier", rec.get("qualifier") or "—"),
            ("measured", _measured(rec) or "—"),
            ("period", period(rec) or "—"),
        ]
        if rec.get("place"):
            rows.append(("place", rec["place"]))
    elif rec["label"] == "TIME":
        rows.append(("period", period(rec) or "—"))
    elif rec.get("title"):
        rows.append(("title", rec["title"]))
    for name, value in rows:
        grid.add_row(name, Text(clean(value)))
    return grid


def label_card(rec: dict, text: str, position: str, decision: str | None = None) -> Group:
    """A proposal to decide on: a rule naming it, its sentence with the span highlighted,
    its fields, and an earlier decision on it."""
    head = Text(f"{position} · ", style="bold")
    head.append(clean(rec["label"]), style="bold cyan")
    if decision:
        head.append(f" · {decision}", style="bold yellow")
    return Group(
        Rule(head, align="left", style="dim"),
        fact_in_sentence(rec, text, max_chars=400),
        span_fields(rec),
    )


def occurrences_table(text: str, found: list[tuple[int, int]], label: str = "") -> Table:
    """Numbered occurrences of a typed span, each in its sentence, to pick one."""
    table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
    table.add_column(justify="right", style="bold cyan", no_wrap=True)
    table.add_column()
    for n, (start, end) in enumerate(found, 1):
        rec = {"label": label, "start": start, "end": end, "text": text[start:end]}
        table.add_row(str(n), fact_in_sentence(rec, text, max_chars=120))
    return table


def session_counts(counts: dict[str, int]) -> Text:
    """ "12 accepted · 3 fixed · 4 rejected · 2 added · 41 open"."""
    names = ("accepted", "fixed", "rejected", "added", "open")
    parts = [f"{counts[name]} {name}" for name in names if counts.get(name)]
    return Text(" · ".join(parts) or "nothing yet")


# --- extractor show -----------------------------------------------------------------------

# Background colours as displaCy gives them (QUANTITY and TIME as on the HTML page).
LABEL_STYLES = {
    "QUANTITY": "black on #ffd98e",
    "TIME": "black on #bfe1d9",
    "PERSON": "black on #aa9cfc",
    "ORG": "black on #7aecec",
    "GPE": "black on #feca74",
    "LOC": "black on #ff9561",
    "FAC": "black on #9cc9cc",
    "LAW": "black on #ff8197",
    "NORP": "black on #c887fb",
    "EVENT": "black on #ffeb80",
}


def clean_lines(text: str) -> str:
    """:func:`clean`, keeping the line breaks of a running text."""
    return "\n".join(clean(line) for line in text.split("\n"))


class HighlightedTranscript:
    """A whole transcript with its spans highlighted and labelled, line breaks kept.

    Overlapping spans are highlighted once (see
    :func:`extractor.review.highlight.non_overlapping`); where the console shows no
    styles, a span reads ``⟦600 billion tenge⟧QUANTITY``.
    """

    def __init__(self, text: str, records: list[dict]) -> None:
        self.source = text
        self.records = non_overlapping(records)[0]

    def text(self, console: Console) -> Text:
        """The transcript as this console can show it."""
        plain = console.color_system is None
        out = Text()
        pos = 0
        for rec in self.records:
            out.append(clean_lines(self.source[pos : rec["start"]]))
            span = clean_lines(self.source[rec["start"] : rec["end"]])
            label = clean(rec["label"])
            if plain:
                out.append(f"{SpanInSentence.OPEN}{span}{SpanInSentence.CLOSE}{label}")
            else:
                style = LABEL_STYLES.get(rec["label"], "reverse")
                out.append(span, style=style)
                out.append(f" {label}", style=f"{style} bold dim")
            pos = rec["end"]
        out.append(clean_lines(self.source[pos:]))
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(console)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text(console))


# How a rule that does not run for each amount in turn is marked.
_STAGE_NOTES = {
    "fallback": "(when no rule above gave a period) ",
    "document": "(after every amount, over the document) ",
}


def fact_rules_table(rules: list, *, examples: bool = False) -> Table:
    """The fact rules in order: id, what it serves, how many examples test it."""
    table = Table(title="fact rules, in the order they are tried", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, show_lines=examples)  # fmt: skip
    table.add_column("rule", no_wrap=True, style="bold")
    table.add_column("what it does", ratio=1)
    table.add_column("eg.", justify="right", no_wrap=True)
    for rule in rules:
        note = Text(rule.note)
        if rule.kind == "filter":
            note = Text("(filter) ", style="dim") + note
        elif rule.stage != "amount":
            note = Text(_STAGE_NOTES[rule.stage], style="dim") + note
        if not rule.enabled:
            note = Text("(off) ", style="dim") + note
        if examples:
            for eg in rule.examples:
                note.append(f"\n  e.g. {eg.text.strip()}  ", style="dim")
                note.append(f"[{eg.amount} -> {eg.expect}]", style="cyan")
        table.add_row(rule.id, note, str(len(rule.examples)))
    return table


# --- extractor query, extractor conflicts -------------------------------------------------

_QUANTITY_KEYS = ("value", "low", "high", "unit")


def _figure(rec: dict) -> str:
    """ "more than 65,000 job" : the amount with its qualifier in words."""
    words = {"approx": "about", "over": "more than", "under": "less than", "min": "at least",
             "max": "up to"}  # fmt: skip
    amount = readable_amount({k: rec.get(k) for k in _QUANTITY_KEYS})
    qualifier = words.get(rec.get("qualifier") or "")
    return f"{qualifier} {amount}" if qualifier else amount


def answer_table(columns: tuple[str, ...], rows: list[tuple], title: str, *, facts: bool) -> Table:
    """The answer of ``extractor query``: facts in readable columns, or any SQL's columns."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, padding=0)
    if not facts:
        for name in columns:
            table.add_column(escape(name), overflow="fold")
        for row in rows:
            table.add_row(*(Text(clean("" if v is None else str(v))) for v in row))
        return table
    # Ids, dates, indicators and figures keep one line (a long id is cut, it stays
    # searchable); places, what is measured and speakers wrap.
    table.add_column("doc", style="dim", no_wrap=True, max_width=16, overflow="ellipsis")
    table.add_column("date", no_wrap=True)
    table.add_column("place", ratio=1, min_width=9)
    table.add_column("indicator", style="bold", no_wrap=True)
    table.add_column("period", min_width=9)
    table.add_column("figure", style="bold", justify="right", min_width=9)
    table.add_column("measured", ratio=1, min_width=9)
    table.add_column("speaker", ratio=1, min_width=9)
    for row in rows:
        rec = dict(zip(columns, row, strict=True))
        table.add_row(
            *(
                Text(clean(v or ""))
                for v in (
                    rec["doc_id"],
                    rec["date"],
                    rec["place"],
                    rec["indicator"],
                    period(rec),
                    _figure(rec),
                    rec["measured"],
                    rec["speaker"],
                )
            )
        )
    return table


def _marked(fact: object) -> SpanInSentence | Text:
    """A fact's sentence with its figure highlighted (its span text alone without one)."""
    sentence, offset = getattr(fact, "sentence", None), getattr(fact, "sentence_start", None)
    start, end = getattr(fact, "start"), getattr(fact, "end")  # noqa: B009
    if not sentence or offset is None or not 0 <= start - offset <= end - offset <= len(sentence):
        return Text(clean(getattr(fact, "text", None) or ""))
    a, b = start - offset, end - offset
    return SpanInSentence(clean(sentence[:a]), clean(sentence[a:b]), clean(sentence[b:]))


def findings_table(findings: list, title: str) -> Table:
    """Findings of ``extractor conflicts``: each one's facts side by side, a section each."""
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    table.add_column("finding", style="bold", max_width=16)
    table.add_column("figure", justify="right", no_wrap=True)
    table.add_column("document", max_width=24, overflow="fold")
    table.add_column("in its sentence", ratio=1, min_width=24)
    for finding in findings:
        first = finding.facts[0]
        when = period(first.__dict__)
        what = f"{finding.kind}\n{first.indicator or ''}\n{first.place or ''}\n{when}"
        if finding.gap:
            what += f"\n{finding.gap:.1%} apart" if finding.kind != "shares over 100%" else ""
        for i, fact in enumerate(finding.facts):
            who = f"{fact.doc_id}\n{fact.date or ''}"
            if fact.speaker:
                who += f"\n{fact.speaker}"
            table.add_row(
                Text(clean_lines(what)) if i == 0 else "",
                Text(clean(_figure(fact.__dict__))),
                Text(clean_lines(who)),
                _marked(fact),
            )
        table.add_section()
    return table
