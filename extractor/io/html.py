"""One self-contained HTML page: each transcript with its spans highlighted, facts below.

The highlighting is displaCy's entity renderer (``spacy.displacy``, manual mode, so no
model is needed). Document text is data: displaCy escapes it, every other string is
escaped here, control characters become visible symbols one for one (offsets stay
true), and a Content-Security-Policy forbids scripts and any outside resource.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..about import __version__
from ..review.highlight import non_overlapping
from ..review.readable import fact_value, period_of

# displaCy's palette for OntoNotes labels, with ours for QUANTITY and TIME.
COLORS = {"QUANTITY": "#ffd98e", "TIME": "#bfe1d9"}

# displaCy's entity template with the span's offsets and a tooltip added, so the page says
# which characters each highlight covers.
SPAN_TEMPLATE = (
    '<mark class="entity" data-label="{label}" data-start="{start}" data-end="{end}" '
    'title="{tooltip}" style="background: {bg}; padding: 0.25em 0.45em; margin: 0 0.2em; '
    'line-height: 1; border-radius: 0.35em;"><span class="span-text">{text}</span>'
    '<span class="label" style="font-size: 0.7em; font-weight: bold; line-height: 1; '
    'vertical-align: middle; margin-left: 0.4rem">{label}</span></mark>'
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="extractor {version}">
<title>{title}</title>
<style>
body {{ font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1.5rem; color: #222; }}
section.document {{ margin-bottom: 4rem; }}
.entities {{ line-height: 2.4; font-size: 1.05rem; }}
table.facts {{ border-collapse: collapse; margin-top: 1.5rem; width: 100%; font-size: 0.9rem; }}
table.facts th, table.facts td {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem;
       text-align: left; vertical-align: top; }}
table.facts td.value {{ text-align: right; white-space: nowrap; }}
tr.overlapped td {{ color: #777; }}
p.note {{ color: #a33; }}
</style>
</head>
<body>
<h1>{title}</h1>
{body}
</body>
</html>
"""

FACT_COLUMNS = ("label", "span", "value", "qual.", "measured", "period", "place", "speaker")
OVERLAPPED = "overlaps a highlighted span"
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def visible_controls(text: str) -> str:
    """Control characters as visible symbols, one for one: ESC -> ␛, CR -> ␍, BEL -> ␇.

    Newlines and tabs stay; C1 controls and bidirectional overrides become U+FFFD.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0 or code in _BIDI:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class PageDocument:
    """One document of the page: its id, its text (None when unknown) and its spans."""

    doc_id: str
    text: str | None
    records: list[dict]
    note: str | None = None


def _tooltip(rec: dict) -> str:
    parts = [fact_value(rec), rec.get("qualifier") or "", period_of(rec)]
    measured = rec.get("measured")
    if measured:
        heads = ", ".join(measured) if isinstance(measured, list) else str(measured)
        parts.append(f"measured: {heads}")
    if rec.get("place"):
        parts.append(f"place: {rec['place']}")
    return " · ".join(p for p in parts if p)


def _esc(value: object) -> str:
    return html.escape(visible_controls("" if value is None else str(value)), quote=True)


def document_markup(doc: PageDocument) -> str:
    """The transcript with highlighted spans (displaCy) and the facts table, as HTML."""
    from spacy import displacy

    doc_id = _esc(doc.doc_id)
    parts = [f'<section class="document" data-doc-id="{doc_id}">', f"<h2>{doc_id}</h2>"]
    if doc.note:
        parts.append(f'<p class="note">{_esc(doc.note)}</p>')
    left_out: list[dict] = []
    if doc.text is not None:
        chosen, left_out = non_overlapping(doc.records)
        ents = [
            {
                "start": r["start"],
                "end": r["end"],
                "label": _esc(r["label"]),
                "params": {"start": r["start"], "end": r["end"], "tooltip": _esc(_tooltip(r))},
            }
            for r in chosen
        ]
        options = {"colors": dict(COLORS), "template": SPAN_TEMPLATE}
        markup = displacy.render(
            {"text": visible_controls(doc.text), "ents": ents},
            style="ent",
            manual=True,
            page=False,
            jupyter=False,
            options=options,
        )
        parts.append(markup)
    parts.append(facts_table(doc.records, left_out))
    parts.append("</section>")
    return "\n".join(parts)


def facts_table(records: list[dict], left_out: list[dict] = ()) -> str:
    """The facts as an HTML table: label, span, value, qualifier, measured, period, place,
    speaker."""
    skipped = {id(r) for r in left_out}
    head = "".join(f"<th>{h}</th>" for h in FACT_COLUMNS)
    rows = [f'<table class="facts"><thead><tr>{head}</tr></thead><tbody>']
    for rec in sorted(records, key=lambda r: (r["start"], r["end"], r["label"])):
        measured = rec.get("measured")
        if isinstance(measured, list):
            measured = ", ".join(measured)
        start, end = int(rec["start"]), int(rec["end"])
        cls = f' class="overlapped" title="{OVERLAPPED}"' if id(rec) in skipped else ""
        cells = [
            f"<td>{_esc(rec['label'])}</td>",
            f'<td class="span" data-start="{start}" data-end="{end}">{_esc(rec.get("text"))}</td>',
            f'<td class="value">{_esc(fact_value(rec))}</td>',
            f"<td>{_esc(rec.get('qualifier'))}</td>",
            f"<td>{_esc(measured)}</td>",
            f"<td>{_esc(period_of(rec))}</td>",
            f"<td>{_esc(rec.get('place'))}</td>",
            f"<td>{_esc(rec.get('speaker'))}</td>",
        ]
        rows.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def render_page(documents: list[PageDocument], title: str = "extractor: facts") -> str:
    """The whole page: every document, then its facts; self-contained (no scripts, no links).

    Args:
        documents: the documents to show, in order.
        title: the page title (escaped here).

    Returns:
        The HTML text, UTF-8 declared.
    """
    body = "\n".join(document_markup(doc) for doc in documents)
    return PAGE.format(version=__version__, title=_esc(title), body=body)
