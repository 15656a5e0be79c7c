"""Labelling sessions: every decision saved at once, resumable, never clobbering hand-made gold."""

import json
import shutil
from pathlib import Path

import pytest

from extractor.io.gold import check_gold, text_hash
from extractor.review import session as session_module
from extractor.review.session import LabelSession, SessionError, gold_path, state_path, to_gold

TEXT = "In 2022, the akimat of Almaty built 12 schools for 5 billion tenge."


def span(text: str, label: str, **fields) -> dict:
    start = TEXT.index(text)
    return {"label": label, "start": start, "end": start + len(text), "text": text, **fields}


PROPOSALS = [
    span("5 billion tenge", "QUANTITY", value=5e9, low=None, high=None, unit="KZT", qualifier=None,
         measured="new schools", time_start="2022", time_end="2022", place="Almaty"),
    span("2022", "TIME", time_start="2022", time_end="2022"),
    span("Almaty", "GPE"),
    span("akimat", "ORG"),
]  # fmt: skip


def start(tmp_path: Path, **kwargs) -> LabelSession:
    return LabelSession.open(
        tmp_path / "gold", "doc", TEXT, lambda: [dict(p) for p in PROPOSALS], **kwargs
    )


def gold_lines(tmp_path: Path) -> list[dict]:
    text = gold_path(tmp_path / "gold", "doc").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_a_new_session_orders_proposals_and_writes_both_files(tmp_path):
    session = start(tmp_path)
    assert [p["text"] for p in session.proposals] == ["2022", "akimat", "Almaty", "5 billion tenge"]
    assert gold_lines(tmp_path) == []
    state = json.loads(state_path(tmp_path / "gold", "doc").read_text(encoding="utf-8"))
    assert state["doc_sha256"] == text_hash(TEXT)
    assert session.next_open() == 0


def test_to_gold_keeps_the_schema_fields_and_marks_the_span_reviewed():
    rec = to_gold(PROPOSALS[0], "doc", TEXT)
    assert list(rec) == [
        *("doc_id", "label", "start", "end", "text"),
        *("value", "low", "high", "unit", "qualifier", "measured", "time_start", "time_end"),
        *("doc_sha256", "reviewed"),
    ]
    assert rec["measured"] == ["school"]  # the extractor's phrase, as a head word
    assert rec["reviewed"] is True and rec["doc_sha256"] == text_hash(TEXT)


def test_each_decision_is_saved_and_a_new_session_resumes(tmp_path):
    session = start(tmp_path)
    session.accept(0)
    session.reject(1)
    session.accept(3, {**session.proposals[3], "value": 5.5e9})
    session.add(span("12 schools", "QUANTITY", value=12, unit="school"))
    texts = [(r["text"], r.get("value")) for r in gold_lines(tmp_path)]
    assert texts == [("2022", None), ("12 schools", 12), ("5 billion tenge", 5.5e9)]
    again = start(tmp_path)
    assert again.decisions == ["accepted", "rejected", None, "fixed"]
    assert again.next_open() == 2
    assert again.counts() == {"accepted": 1, "fixed": 1, "rejected": 1, "open": 1, "added": 1}


def test_a_span_deleted_from_the_gold_reopens_its_decision(tmp_path):
    session = start(tmp_path)
    session.accept(0)
    session.accept(2)
    path = gold_path(tmp_path / "gold", "doc")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(lines[1] + "\n", encoding="utf-8")  # keep Almaty, drop 2022
    again = start(tmp_path)
    assert again.decisions == [None, None, "accepted", None]


def test_a_stop_between_the_two_writes_loses_no_confirmed_span(tmp_path, monkeypatch):
    session = start(tmp_path)
    real = session_module._write_atomically

    def gold_only(path, content):
        if path.name.endswith(".label.json"):
            raise KeyboardInterrupt  # stopped after the gold, before the state
        real(path, content)

    monkeypatch.setattr(session_module, "_write_atomically", gold_only)
    with pytest.raises(KeyboardInterrupt):
        session.accept(0)
    monkeypatch.setattr(session_module, "_write_atomically", real)
    assert [r["text"] for r in gold_lines(tmp_path)] == ["2022"]
    again = start(tmp_path)
    assert again.decisions[0] is None  # shown again; accepting twice is harmless
    again.accept(0)
    assert [r["text"] for r in gold_lines(tmp_path)] == ["2022"]


def test_overlapping_spans_of_a_label_give_way(tmp_path):
    session = start(tmp_path)
    session.add(span("Alma", "GPE"))
    assert session.overlapping(PROPOSALS[2])
    session.accept(2)
    assert [r["text"] for r in gold_lines(tmp_path)] == ["Almaty"]


def test_reopen_drops_the_span_its_decision_made(tmp_path):
    session = start(tmp_path)
    session.accept(0)
    session.reopen(0)
    assert gold_lines(tmp_path) == [] and session.decisions[0] is None


@pytest.mark.parametrize(
    "setup,message",
    [
        (
            lambda gold: (gold / "split.json").write_text('{"dev": [], "test": ["doc"]}'),
            "test split",
        ),
        (
            lambda gold: (gold / "doc.jsonl").write_text('{"label": "GPE"}\n'),
            "not made by `extractor label`",
        ),
    ],
)
def test_refuses_the_test_split_and_hand_made_gold(tmp_path, setup, message):
    (tmp_path / "gold").mkdir()
    setup(tmp_path / "gold")
    with pytest.raises(SessionError, match=message):
        start(tmp_path)


def test_refuses_a_changed_text_unless_restarted(tmp_path):
    start(tmp_path).accept(0)
    with pytest.raises(SessionError, match="the text changed"):
        LabelSession.open(tmp_path / "gold", "doc", TEXT + " Edited.", lambda: [])
    fresh = LabelSession.open(tmp_path / "gold", "doc", TEXT + " Edited.", lambda: [], restart=True)
    assert fresh.proposals == [] and gold_lines(tmp_path) == []


def test_the_gold_written_passes_gold_check(tmp_path):
    session = start(tmp_path)
    for i in range(len(session.proposals)):
        session.accept(i)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "split.json").write_text('{"dev": ["doc"], "test": []}', encoding="utf-8")
    assert check_gold(tmp_path / "gold", corpus) == []


def test_the_files_are_readable_like_any_other(tmp_path):
    start(tmp_path).accept(0)
    mode = gold_path(tmp_path / "gold", "doc").stat().st_mode & 0o777
    assert mode & 0o044  # not the owner-only mode of a temporary file


def test_ids_never_lead_out_of_the_gold_folder(tmp_path):
    with pytest.raises(SessionError, match="cannot name a gold file"):
        LabelSession.open(tmp_path / "gold", "../escape", TEXT, lambda: [])


def test_real_gold_can_be_relabelled_into_another_folder(tmp_path):
    # Labelling a corpus document into a scratch folder never touches gold/.
    root = Path(__file__).resolve().parents[2]
    text = (root / "corpus" / "000_f3a91f304c34d6af.txt").read_text(encoding="utf-8")
    before = (root / "gold" / "000_f3a91f304c34d6af.jsonl").read_bytes()
    session = LabelSession.open(tmp_path / "scratch", "000_f3a91f304c34d6af", text, lambda: [])
    session.add({"label": "GPE", "start": 15, "end": 31})
    assert (root / "gold" / "000_f3a91f304c34d6af.jsonl").read_bytes() == before
    shutil.rmtree(tmp_path / "scratch")


@pytest.mark.parametrize(
    "extra,expected",
    [
        ({}, "absent"),  # a record that does not judge the indicator leaves the key out
        ({"indicator": "schools"}, "schools"),  # the extractor's id, to be reviewed
        ({"indicator": None}, None),  # null is a judgment too: none fits
    ],
)
def test_to_gold_writes_the_indicator_only_where_the_record_has_it(extra, expected):
    rec = to_gold({**PROPOSALS[0], **extra}, "doc", TEXT)
    assert rec.get("indicator", "absent") == expected
