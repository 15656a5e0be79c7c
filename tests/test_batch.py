"""Many documents: pieces of long documents, order, failures, processes, streaming."""

import sys
import threading
import time
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

import extractor
from extractor.batch import (
    TIMEOUT,
    Result,
    _batches,
    extract_documents,
    opening,
    split_text,
    task_deadline,
)
from extractor.io.corpus import EXTRACTION, Document, InputError, iter_documents
from extractor.schema import register_extensions

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CORPUS = ROOT / "corpus"


@pytest.mark.parametrize(
    "text,limit,expected",
    [
        ("One. Two.", 100, ["One. Two."]),  # short enough: one piece
        (
            "Para one.\n\nPara two is longer.",
            20,
            ["Para one.\n\n", "Para two is longer."],
        ),  # a blank line first
        (
            "Line one.\nLine two.\n\nPara.",
            24,
            ["Line one.\nLine two.\n\n", "Para."],
        ),  # the last blank line
        ("Line one.\nLine two. More.", 20, ["Line one.\n", "Line two. More."]),  # else a line break
        (
            "One here. Two here. Three.",
            21,
            ["One here. Two here. ", "Three."],
        ),  # else a sentence end
        ("«Quote.» Then more words here.", 12, ["«Quote.» ", "Then more ", "words here."]),
        ("aaaa bbbb cccc", 10, ["aaaa bbbb ", "cccc"]),  # else whitespace
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # else anywhere
    ],
)
def test_split_text_cuts_at_the_best_boundary(text, limit, expected):
    pieces = split_text(text, limit)
    assert [piece for _, piece in pieces] == expected
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


@given(
    st.text(alphabet=st.sampled_from("ab .\n«»"), max_size=200),
    st.integers(min_value=1, max_value=50),
)
def test_split_text_pieces_give_the_text_back(text, limit):
    pieces = split_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)


def _corpus(n: int | None = None) -> list[Document]:
    docs = [d for d in iter_documents([CORPUS]) if isinstance(d, Document)]
    return docs[:n] if n else docs


def _plain(items) -> list:
    """Results and errors as comparable data."""
    return [
        (item.document.id, item.records) if isinstance(item, Result) else ("error", item.to_dict())
        for item in items
    ]


def test_two_processes_give_the_output_of_one(nlp):
    docs = _corpus()
    one = _plain(extract_documents(nlp, docs, batch_size=4, n_process=1))
    two = _plain(extract_documents(nlp, docs, batch_size=4, n_process=2))
    assert [doc_id for doc_id, _ in one] == [d.id for d in docs]
    assert sum(len(records) for _, records in one) > 1000
    assert two == one


def test_a_long_document_is_processed_in_pieces_with_offsets_into_the_whole(nlp):
    (doc,) = _corpus(1)
    limit = 2700
    assert len(doc.text) > 2 * limit
    (result,) = extract_documents(nlp, [doc], max_length=limit)
    assert isinstance(result, Result)
    # the same as each piece on its own, read after the document's opening (what is found
    # in the opening counted once), moved to where the piece starts
    head = opening(doc.text)
    assert 0 < len(head) < limit // 2 and doc.text.startswith(head.rstrip())
    expected = []
    for offset, piece in split_text(doc.text, limit - len(head)):
        before = head if offset else ""
        (part,) = extract_documents(nlp, [Document(doc.id, before + piece, doc.date)])
        shift = offset - len(before)
        expected += [
            {**rec, "start": rec["start"] + shift, "end": rec["end"] + shift}
            for rec in part.records
            if rec["start"] >= len(before)
        ]
    assert result.records == expected
    assert all(doc.text[rec["start"] : rec["end"]] == rec["text"] for rec in result.records)
    assert any(rec["start"] > limit for rec in result.records)


def test_every_piece_of_a_long_report_knows_the_period_it_is_about(nlp):
    names = [f"{a}{b}" for a in "ABCDEFGHIJKLMNO" for b in "PQRSTUVWXY"]
    lines = "".join(f"Indicator {name} – {100 + k}.5%.\n\n" for k, name in enumerate(names))
    text = "Results of January-September 2023\n\nThe region reported its figures.\n\n" + lines
    doc = Document("report", text, "2023-10-20")
    (whole,) = extract_documents(nlp, [doc])
    (cut,) = extract_documents(nlp, [doc], max_length=1000)

    def periods(result):
        return [(r["text"], r["time_start"], r["time_end"]) for r in result.records
                if r["label"] == "QUANTITY"]  # fmt: skip

    assert len(text) > 3_000
    assert periods(cut) == periods(whole)
    assert periods(cut)[-1] == ("249.5%", "2023-01", "2023-09")


def test_a_document_longer_than_the_model_allows_no_longer_fails(nlp):
    long = Document("long", "In 2020, 5 schools were built in the region.\n\n" * 30)
    saved = nlp.max_length
    nlp.max_length = 500
    try:
        (result,) = extract_documents(nlp, [long])
    finally:
        nlp.max_length = saved
    assert isinstance(result, Result)
    assert [r["text"] for r in result.records if r["label"] == "QUANTITY"] == ["5 schools"] * 30


@Language.component("test_fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("boom")
    return doc


@pytest.fixture(scope="module")
def fragile_nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_boom")
    return nlp


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_document_is_reported_and_the_others_go_on(fragile_nlp, n_process):
    items = [
        Document("a", "fine"),
        InputError("bad.jsonl", "is not valid JSON", 3, kind="malformed-json"),
        Document("b", "BOOM here", path="b.txt"),
        *[Document(f"c{i}", "fine too") for i in range(5)],
    ]
    out = list(extract_documents(fragile_nlp, items, batch_size=2, n_process=n_process))
    assert [o.document.id if isinstance(o, Result) else o.id for o in out] == [
        "a",
        None,
        "b",
        *[f"c{i}" for i in range(5)],
    ]
    assert out[1] is items[1]
    failed = out[2]
    assert isinstance(failed, InputError)
    assert (failed.path, failed.id, failed.kind) == ("b.txt", "b", EXTRACTION)
    assert "ValueError: boom" in failed.reason
    assert all(isinstance(o, Result) for o in out[3:])


@pytest.mark.parametrize("n_process,most", [(1, 2), (2, 2 * (2 * 2 + 1) + 2)])
def test_input_is_read_a_batch_at_a_time(fragile_nlp, n_process, most):
    pulled = 0

    def documents():
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield Document(str(i), "fine")

    results = extract_documents(fragile_nlp, documents(), batch_size=2, n_process=n_process)
    first = next(results)
    assert first.document.id == "0"
    assert pulled <= most  # not the whole input: memory stays flat however long it is
    results.close()


def test_batches_cut_after_n_documents_and_carry_errors_along():
    err = InputError("x", "bad")
    items = [Document("1", "a"), err, Document("2", "b"), Document("3", "c"), err]
    assert [[i.id or "E" for i in b] for b in _batches(items, 2)] == [["1", "E", "2"], ["3", "E"]]


@Language.component("test_sleeps_on_slow")
def _sleeps_on_slow(doc):
    if "SLOW" in doc.text:
        time.sleep(30)
    return doc


@pytest.fixture(scope="module")
def slow_nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_sleeps_on_slow")
    return nlp


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_document_over_its_budget_is_reported_and_the_others_go_on(slow_nlp, n_process):
    items = [
        Document("a", "fine"),
        Document("slow", "SLOW here", path="slow.txt"),
        Document("b", "fine too"),
        *[Document(f"c{i}", f"fine {i}") for i in range(4)],
    ]
    started = time.perf_counter()
    out = list(
        extract_documents(slow_nlp, items, batch_size=2, n_process=n_process, doc_timeout=0.5)
    )
    assert time.perf_counter() - started < 20  # not the 30 s the slow document asks for
    ids = [o.document.id if isinstance(o, Result) else o.id for o in out]
    assert ids == ["a", "slow", "b", "c0", "c1", "c2", "c3"]  # each once, in input order
    timed_out = out[1]
    assert isinstance(timed_out, InputError)
    assert (timed_out.path, timed_out.id, timed_out.kind) == ("slow.txt", "slow", TIMEOUT)
    assert all(isinstance(o, Result) for i, o in enumerate(out) if i != 1)


@Language.component("test_spins_on_slow")
def _spins_on_slow(doc):
    # Busy in Python, not asleep in C: what a pipeline stuck on a document looks like.
    deadline = time.perf_counter() + 30
    while "SLOW" in doc.text and time.perf_counter() < deadline:
        pass
    return doc


@pytest.mark.parametrize("batch_size", [1, 3])
def test_the_budget_holds_off_the_main_thread(batch_size):
    # A Dask worker runs its tasks in threads, where there is no SIGALRM.
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_spins_on_slow")
    items = [Document("a", "fine"), Document("slow", "SLOW here"), Document("b", "fine too")]
    out: list = []
    started = time.perf_counter()
    worker = threading.Thread(
        target=lambda: out.extend(
            extract_documents(nlp, items, batch_size=batch_size, doc_timeout=0.5)
        )
    )
    worker.start()
    worker.join(25)
    assert time.perf_counter() - started < 20
    assert [type(o).__name__ for o in out] == ["Result", "InputError", "Result"]
    assert out[1].kind == TIMEOUT and "0.5 s" in out[1].reason
    time.sleep(0.6)  # a timer that fired late must not hit the thread's next work


@pytest.mark.parametrize("doc_timeout", [0, 60])
def test_no_budget_or_a_loose_one_changes_nothing(nlp, doc_timeout):
    docs = [
        Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))[:4]
    ]
    assert _plain(extract_documents(nlp, docs, doc_timeout=doc_timeout)) == _plain(
        extract_documents(nlp, docs, doc_timeout=0)
    )


def test_a_real_slow_document_times_out(nlp):
    # A real document, no monkeypatching: eight corpus texts five times over, given a budget
    # far below what it takes.
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:8])
    items = [Document("big", text * 5), Document("small", "In 2020, 5 schools were built.")]
    out = list(extract_documents(nlp, items, batch_size=1, doc_timeout=0.3))
    assert isinstance(out[0], InputError) and out[0].kind == TIMEOUT
    assert isinstance(out[1], Result) and out[1].records


@pytest.fixture(scope="module")
def stuck_nlp():
    """The extractor on a blank model with a component that deadlocks in C on 'STUCK'."""
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(TESTS))  # tests/stuck_model.py: a model package
        return extractor.load("stuck_model")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a deadlock in glibc")
@pytest.mark.parametrize("batch_size", [1, 3])
def test_a_worker_stuck_in_c_is_replaced_and_only_its_document_given_up(
    stuck_nlp, batch_size, child_processes
):
    # The document's budget cannot stop a deadlock in C (tests/stuck_model.py): the parent
    # kills the worker, and runs the documents of its batch again one at a time.
    items = [
        Document(f"d{i}", f"In 2020, {i + 1} schools were built in Almaty.", path=f"d{i}.txt")
        for i in range(8)
    ]
    items[4] = Document("d4", "In 2020, 5 schools were built. STUCK", path="d4.txt")
    items.insert(2, InputError("bad.jsonl", "is not valid JSON", 3, kind="malformed-json"))
    before = set(child_processes())
    most = 0
    out = []
    started = time.perf_counter()
    for item in extract_documents(
        stuck_nlp, items, batch_size=batch_size, n_process=2, doc_timeout=0.2
    ):
        out.append(item)
        most = max(most, len(set(child_processes()) - before))
    took = time.perf_counter() - started
    assert took < 20  # not the minute the deadlock lasts
    assert took >= task_deadline(1, 0.2)
    assert [getattr(o, "document", o).id for o in out] == [
        "d0", "d1", None, "d2", "d3", "d4", "d5", "d6", "d7"
    ]  # fmt: skip
    stuck = out[5]
    assert isinstance(stuck, InputError)
    assert (stuck.path, stuck.id, stuck.kind) == ("d4.txt", "d4", TIMEOUT)
    assert "worker process was killed" in stuck.reason and "replaced" in stuck.reason
    assert out[2] is items[2]
    # every other document extracted once, with its own spans
    for o in out[:2] + out[3:5] + out[6:]:
        assert isinstance(o, Result)
        n = int(o.document.id[1:]) + 1
        assert [r["text"] for r in o.records if r["label"] == "QUANTITY"] == [f"{n} schools"]
    assert most <= 2  # the stuck worker was replaced, not joined by one more
    assert set(child_processes()) - before == set()  # and none is left behind, not even a zombie


def test_a_negative_budget_is_refused(nlp):
    with pytest.raises(ValueError, match="doc_timeout"):
        list(extract_documents(nlp, [], doc_timeout=-1))
