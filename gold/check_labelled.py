"""Check one hand-labelled document before it joins the gold set, without running the
extractor: python3 gold/check_labelled.py FOLDER/<id> (FOLDER holds <id>.txt, <id>.meta.json
and <id>.jsonl). Prints every problem (offsets, span texts, fields, labels, overlaps, the
text hash, periods that run backwards) and exits 1 when there is any."""

import hashlib
import json
import sys
from pathlib import Path

LABELS = {"QUANTITY", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "NORP", "EVENT"}
QFIELDS = ["value", "low", "high", "unit", "qualifier", "measured", "indicator", "time_start", "time_end"]
if len(sys.argv) != 2:
    sys.exit("usage: python3 gold/check_labelled.py FOLDER/<id>  (no extension)")
base = Path(sys.argv[1])
doc_id = base.name
missing = [str(base) + ext for ext in (".txt", ".meta.json", ".jsonl") if not Path(str(base) + ext).exists()]
if missing:
    sys.exit("missing: " + ", ".join(missing) + "; a labelled document is its text, meta and gold")
text = base.with_suffix(".txt").read_text(encoding="utf-8")
meta = json.loads(base.with_suffix(".meta.json").read_text(encoding="utf-8"))
sha = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
ind_ids = {json.loads(line)["id"] for line in open(Path(__file__).resolve().parent.parent / "extractor" / "resources" / "indicators.jsonl")}
problems = []
if meta.get("id") != doc_id:
    problems.append(f"meta id {meta.get('id')!r} != {doc_id!r}")
for k in ("date", "title", "source", "country", "genre"):
    if k not in meta:
        problems.append(f"meta lacks {k}")
spans = []
for n, raw in enumerate(base.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not raw.strip():
        continue
    try:
        r = json.loads(raw)
    except json.JSONDecodeError as e:
        problems.append(f"line {n}: bad JSON {e}")
        continue
    where = f"line {n} ({r.get('text')!r})"
    if r.get("doc_id") != doc_id:
        problems.append(f"{where}: doc_id")
    if r.get("label") not in LABELS:
        problems.append(f"{where}: label {r.get('label')}")
    s, e = r.get("start"), r.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        problems.append(f"{where}: offsets")
        continue
    if text[s:e] != r.get("text"):
        problems.append(f"{where}: text != document[{s}:{e}] = {text[s:e]!r}")
    if text[s:e] != text[s:e].strip():
        problems.append(f"{where}: span has outer whitespace")
    if r.get("doc_sha256") != sha:
        problems.append(f"{where}: doc_sha256 should be {sha}")
    if r.get("label") == "QUANTITY":
        for f in QFIELDS:
            if f not in r:
                problems.append(f"{where}: lacks {f}")
        if r.get("indicator") not in ind_ids | {None}:
            problems.append(f"{where}: unknown indicator {r.get('indicator')}")
        if not isinstance(r.get("measured"), (list, type(None))):
            problems.append(f"{where}: measured must be a list or null")
    if r.get("label") in ("QUANTITY", "TIME"):
        for f in ("time_start", "time_end"):
            if f not in r:
                problems.append(f"{where}: lacks {f}")
        ts, te = r.get("time_start"), r.get("time_end")
        if ts and te and ts[:len(min(ts, te, key=len))] > te[:len(min(ts, te, key=len))]:
            problems.append(f"{where}: time_start after time_end")
    spans.append((s, e, n))
spans.sort()
for (s1, e1, n1), (s2, e2, n2) in zip(spans, spans[1:]):
    if s2 < e1:
        problems.append(f"lines {n1} and {n2} overlap")
for p in problems:
    print(p)
counts = {}
for raw in base.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines():
    if raw.strip():
        try:
            lab = json.loads(raw).get("label")
            counts[lab] = counts.get(lab, 0) + 1
        except json.JSONDecodeError:
            pass
print(f"{doc_id}: {len(text.split())} words, {counts}, {len(problems)} problems")
sys.exit(1 if problems else 0)
