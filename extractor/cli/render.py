"""Every rich table the CLI prints. Document text is data: it is escaped, never markup."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..scoring import Scores

_SCALES = ((1e12, "trn"), (1e9, "bn"), (1e6, "mn"), (1e3, "thousand"))


def readable_number(value: float | int | None) -> str:
    """1.5e12 -> "1.5 trn", 65000 -> "65,000", 110.7 -> "110.7"."""
    if value is None:
        return ""
    for size, word in _SCALES[:3]:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def readable_amount(rec: dict) -> str:
    """A quantity's value and unit for people: "1.5 trn KZT", "3–6 year"."""
    if rec.get("value") is None and rec.get("low") is not None:
        amount = f"{readable_number(rec['low'])}–{readable_number(rec['high'])}"
    else:
        amount = readable_number(rec.get("value"))
    return f"{amount} {rec.get('unit') or ''}".strip()


def clean(text: str) -> str:
    """Document text made safe for the terminal: control characters shown, not run."""
    text = "".join(" " if ch.isspace() else ch for ch in text)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def period(rec: dict) -> str:
    """ "2015 – 2019", "2020", or "" for a span with no period."""
    start, end = rec.get("time_start"), rec.get("time_end")
    if not start and not end:
        return ""
    if start == end:
        return start or ""
    return f"{start or '?'} – {end or '?'}"


def spans_table(doc_id: str, records: list[dict], text: str) -> Table:
    """One document's spans: label, text, value, qualifier, measured, period, context."""
    table = Table(title=Text(doc_id), title_justify="left")
    table.add_column("label", style="bold", no_wrap=True)
    table.add_column("span", max_width=34)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("qual.", no_wrap=True)
    table.add_column("measured", max_width=28)
    table.add_column("period", no_wrap=True)
    table.add_column("context", ratio=1, min_width=20)
    for rec in records:
        if rec["label"] == "QUANTITY":
            value = readable_amount(rec)
        elif rec["label"] == "PERSON" and rec.get("title"):
            value = rec["title"]
        else:
            value = ""
        lo = max(0, rec["start"] - 30)
        hi = min(len(text), rec["end"] + 30)
        context = Text("…" + clean(text[lo : rec["start"]]).lstrip())
        context.append(clean(text[rec["start"] : rec["end"]]), style="reverse")
        context.append(clean(text[rec["end"] : hi]).rstrip() + "…")
        table.add_row(
            rec["label"], Text(clean(rec["text"])), Text(clean(value)), rec.get("qualifier") or "",
            Text(clean(rec.get("measured") or "")), period(rec), context,
        )  # fmt: skip
    return table


ROWS = ("QUANTITY", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "NORP", "EVENT", "ENTITY", "ALL")


def scores_table(scores: Scores, title: str) -> Table:
    """Per-label and overall P/R/F: strict, overlap, value, measured, fact."""
    table = Table(title=title, title_justify="left")
    table.add_column("label", style="bold")
    table.caption = "P/R/F1: strict match; ovl: overlap F1; value: value/date F1; meas.: measured accuracy"
    for head in ("gold", "pred", "P", "R", "F1", "ovl", "value", "meas.", "fact"):
        table.add_column(head, justify="right", no_wrap=True)
    for row in ROWS:
        if row not in scores.table:
            continue
        t = scores.table[row]
        strict, overlap = t["strict"], t["overlap"]
        value = f"{t['value'].f1:.3f}" if row in ("QUANTITY", "TIME") else ""
        measured = f"{t['measured'].precision:.3f}" if row == "QUANTITY" and t["measured"].pred else ""
        fact = f"{t['fact'].f1:.3f}" if row == "QUANTITY" else ""
        style = "bold" if row in ("ENTITY", "ALL") else None
        table.add_row(
            row, str(strict.gold), str(strict.pred), f"{strict.precision:.3f}", f"{strict.recall:.3f}",
            f"{strict.f1:.3f}", f"{overlap.f1:.3f}", value, measured, fact, style=style,
        )  # fmt: skip
    return table


def errors_table(errors: list[dict], texts: dict[str, str]) -> Table:
    """Every false positive, false negative, boundary and value error with its sentence."""
    table = Table(title="errors", title_justify="left", show_lines=True)
    table.add_column("kind", style="bold")
    table.add_column("doc")
    table.add_column("label")
    table.add_column("gold")
    table.add_column("predicted")
    table.add_column("context", overflow="fold")
    for err in errors:
        g, p = err["gold"], err["pred"]
        ref = g or p
        text = texts.get(ref["doc_id"], "")
        lo = text.rfind(".", 0, ref["start"]) + 1
        hi = text.find(".", ref["end"])
        hi = len(text) if hi < 0 else hi + 1
        context = Text(clean(text[lo : ref["start"]]).lstrip())
        context.append(clean(text[ref["start"] : ref["end"]]), style="reverse")
        context.append(clean(text[ref["end"] : hi]))
        table.add_row(err["kind"], escape(ref["doc_id"]), ref["label"], Text(_describe(g)), Text(_describe(p)), context)
    return table


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


def facts_table(doc_id: str, records: list[dict], text: str) -> Table:
    """One row per quantity: amount, qualifier, what it measures, period, place, speaker."""
    table = Table(title=Text(doc_id), title_justify="left")
    table.add_column("amount", justify="right", no_wrap=True)
    table.add_column("qual.", no_wrap=True)
    table.add_column("measured", max_width=28)
    table.add_column("period", no_wrap=True)
    table.add_column("place", max_width=22)
    table.add_column("speaker", max_width=22)
    table.add_column("sentence", ratio=1, min_width=24)
    for rec in records:
        if rec["label"] != "QUANTITY":
            continue
        lo = max(text.rfind(".", 0, rec["start"]) + 1, rec["start"] - 80)
        hi = text.find(".", rec["end"])
        hi = min(len(text) if hi < 0 else hi + 1, rec["end"] + 80)
        sentence = Text(clean(text[lo : rec["start"]]).lstrip())
        sentence.append(clean(text[rec["start"] : rec["end"]]), style="reverse")
        sentence.append(clean(text[rec["end"] : hi]).rstrip())
        table.add_row(
            Text(readable_amount(rec)), rec.get("qualifier") or "", Text(clean(rec.get("measured") or "")),
            period(rec), Text(clean(rec.get("place") or "")), Text(clean(rec.get("speaker") or "")), sentence,
        )  # fmt: skip
    return table
