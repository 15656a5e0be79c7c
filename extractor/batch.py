"""Many documents through one pipeline: streamed in batches, in one or more processes.

:func:`extract_documents` reads its input lazily, a batch at a time, and yields one
result per document in input order, so memory stays flat however long the input is.
With ``n_process > 1`` forked workers run the pipeline on whole batches and send back
plain span records, not Docs: the parent only reads and writes. Documents longer than
100,000 characters are processed in pieces cut at paragraph or sentence boundaries, with
offsets into the whole text: the model holds every token of a doc at once, so pieces bound
the memory any document takes. Each piece after the first is read with the document's
opening (its headline and lead) before it, so the period a report is about reaches every
piece; what is found in that opening is counted once, in the first piece.

Each document has a time budget (``doc_timeout`` seconds, 0 for none). A batch of n
documents runs under n budgets; a batch that overruns them is run again a document at a
time, each under its own budget, and a document that overruns it yields an
:class:`InputError` of kind ``timeout`` while the batch goes on. (So a document slower
than its budget is always given up, at the latest after n budgets; normal batches run at
``nlp.pipe``'s speed and are never run twice.) The budget is a ``SIGALRM`` timer in the
process that runs the pipeline (the parent with one process, each worker with more; a
timer thread off the main thread), so it costs two system calls a batch and needs no extra
process.

A timer stops only code that returns to the interpreter now and then: a worker stuck in C
(a deadlock, a C extension's loop) never runs the signal's handler. So with more than one
process the parent watches its workers too (:class:`~extractor.workers.WorkerPool`, a pipe to
each, so it knows which worker runs which batch): a worker that has not answered within
:func:`task_deadline` of taking a batch of n documents (2n budgets and a grace) is killed
and replaced, and the batch's documents run again one at a time, each with a deadline of
its own. The one stuck again is given up (kind ``timeout``, saying that its worker was
replaced); every other document is extracted once and comes out in input order. No other
batch is lost: the other workers go on, and batches not yet started wait in the parent.
With one process the pipeline runs in the caller's process, where nothing can replace it:
a hang in C there stops the run, and ``n_process=2`` is the guard against it.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import regex as re
from spacy.language import Language

from .io.corpus import EXTRACTION, Document, InputError
from .schema import SpanRecord, doc_records
from .workers import STUCK, WorkerPool

logger = logging.getLogger("extractor")

DEFAULT_BATCH_SIZE = 16
# The longest piece of a document the pipeline reads at once. The model's tok2vec holds
# every token of a doc at once: a 118,000-token document took it to 1.9 GB.
DEFAULT_PIECE_CHARS = 100_000
# The opening read before each later piece: the headline and lead paragraph, at most this.
OPENING_CHARS = 1_500
# Seconds a document may take before it is given up (0: no limit). A 10,000-word report
# takes about 5 s on a shared laptop core; a minute is far beyond any normal document.
DEFAULT_DOC_TIMEOUT = 60.0
TIMEOUT = "timeout"
# The least grace a worker has, beyond its documents' budgets, before the parent kills it
# as stuck (see :func:`task_deadline`); the budget itself when that is more.
DEADLINE_GRACE = 1.0
# More workers than this rarely pays: each holds its own copy of the model's state.
MAX_DEFAULT_PROCESSES = 8
# Batches in flight per worker: enough to keep workers busy, few enough to bound memory.
BATCHES_PER_WORKER = 2
# Where a long document may be cut, best first: a blank line, a line break, the end of a
# sentence ("… the region. Over the past …"), any whitespace.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?…])[\"”»)]*\s+"),
    re.compile(r"\s+"),
)


class DocumentTimeout(Exception):
    """The pipeline ran past a document's time budget."""


class _TimedOut(str):
    """The outcome of a document that ran past its budget (a description, like failures)."""


@contextmanager
def _budget(seconds: float):
    """Raise :class:`DocumentTimeout` in this block once it has run ``seconds`` seconds.

    In the main thread a ``SIGALRM`` timer (an outer timer is suspended and restored); in
    another thread (a Dask worker runs tasks in threads) a timer thread that raises the
    exception in this one, as the signal handler would: between two Python bytecodes. A
    no-op for 0, and in the main thread where there is no ``SIGALRM`` (Windows).
    """
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_budget(seconds):
            yield
        return
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(f"over the time budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, outer)


@contextmanager
def _thread_budget(seconds: float):
    """:func:`_budget` off the main thread: an exception sent to this thread on time."""
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"over": False, "fired": False}
    message = f"over the time budget of {seconds:g} s"

    def expire() -> None:
        with lock:
            if not state["over"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    thread_id, ctypes.py_object(DocumentTimeout)
                )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except DocumentTimeout as err:
        if err.args:
            raise
        raise DocumentTimeout(message) from None
    finally:
        with lock:
            state["over"] = True
            timer.cancel()
            if state["fired"]:  # not delivered yet: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)


@dataclass(frozen=True)
class Result:
    """The spans extracted from one document."""

    document: Document
    records: list[SpanRecord]


def default_n_process() -> int:
    """Worker processes for this machine: one per available CPU, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_PROCESSES))


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut a text into pieces of at most ``limit`` characters, at the best boundary.

    Each cut falls after the last blank line of the window, else the last line break,
    else the last sentence end, else the last whitespace; a window with none of them is
    cut at ``limit``. The pieces joined give the text back.

    Args:
        text: the document text.
        limit: the longest piece, in characters.

    Returns:
        ``(offset, piece)`` pairs, ``text[offset:offset + len(piece)] == piece``.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.start() > 0]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def opening(text: str) -> str:
    """The document's opening, read before each of its later pieces: the headline and
    lead paragraph (up to the second blank line within :data:`OPENING_CHARS`), else its
    first line; always ending in a blank line, so no span runs past it."""
    window = text[:OPENING_CHARS]
    breaks = [m.end() for m in _CUTS[0].finditer(window)]
    if len(breaks) >= 2:
        return window[: breaks[1]].rstrip() + "\n\n"
    if breaks:
        return window[: breaks[0]].rstrip() + "\n\n"
    line = window.split("\n", 1)[0]
    return line.rstrip() + "\n\n" if len(line) < OPENING_CHARS else ""


def extract_documents(
    nlp: Language,
    items: Iterable[Document | InputError],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    max_length: int | None = None,
    doc_timeout: float = DEFAULT_DOC_TIMEOUT,
) -> Iterator[Result | InputError]:
    """Run the pipeline over documents, yielding results (and input errors) in input order.

    Args:
        nlp: the extractor pipeline (``extractor.load()``).
        items: documents, and input errors to pass through unchanged; read lazily.
        batch_size: documents per ``nlp.pipe`` batch (and per task of a worker).
        n_process: worker processes; more than one needs the ``fork`` start method
            (Linux, macOS). Workers start as batches need them: one batch, one worker.
        max_length: documents longer than this many characters are processed in pieces
            (default :data:`DEFAULT_PIECE_CHARS`; at most ``nlp.max_length``).
        doc_timeout: seconds a document may take (0: no limit). Enforced by a timer in
            the process that runs the pipeline; with ``n_process > 1`` the parent also
            kills and replaces a worker stuck past :func:`task_deadline`, where no timer
            reaches (in C code).

    Yields:
        A :class:`Result` per document, or an :class:`InputError` in its place: the
        input's own errors, documents the pipeline failed on (kind
        ``extraction-failed``) and documents over the time budget (kind ``timeout``).
        The output is the same for any ``n_process``.
    """
    if doc_timeout < 0:
        raise ValueError(f"doc_timeout must be 0 (off) or more, not {doc_timeout}")
    limit = min(max_length or DEFAULT_PIECE_CHARS, nlp.max_length)
    if doc_timeout:
        warm_up(nlp)
    batches = _batches(items, batch_size)
    if n_process > 1 and "fork" not in multiprocessing.get_all_start_methods():
        logger.warning(
            "n_process=%d needs the fork start method; running in one process", n_process
        )
        n_process = 1
    if n_process <= 1:
        for batch in batches:
            yield from _merge(batch, _extract_batch(nlp, _documents(batch), limit, doc_timeout))
        return
    yield from _extract_parallel(nlp, batches, n_process, limit, doc_timeout)


# A sentence that touches every component once: unit lexicon, number words, a date.
_WARM_UP = "In January 2020, about 1.5 million tons and 3 schools worth $ 2 bln were added."


def warm_up(nlp: Language) -> None:
    """Run one short text through the pipeline, so that what its components load on first
    use (the unit catalogue takes seconds) is not charged to the first document's budget."""
    doc = nlp.make_doc(_WARM_UP)
    if doc.has_extension("extractor_date"):
        doc._.extractor_date = "2020"
    nlp(doc)


def _batches(
    items: Iterable[Document | InputError], size: int
) -> Iterator[list[Document | InputError]]:
    """Consecutive items, cut after every ``size`` documents (errors ride along)."""
    batch: list[Document | InputError] = []
    n_docs = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            n_docs += 1
            if n_docs >= size:
                yield batch
                batch, n_docs = [], 0
    if batch:
        yield batch


def _documents(batch: list[Document | InputError]) -> list[Document]:
    return [item for item in batch if isinstance(item, Document)]


def _merge(
    batch: list[Document | InputError], outcomes: list[list[SpanRecord] | str]
) -> Iterator[Result | InputError]:
    """The batch's items in order, each document replaced by its result or failure."""
    it = iter(outcomes)
    for item in batch:
        if isinstance(item, InputError):
            yield item
            continue
        outcome = next(it)
        if isinstance(outcome, _TimedOut):
            reason = f"extraction stopped: {outcome}"
            yield InputError(item.path or "", reason, item.line, item.id, TIMEOUT, item.size)
        elif isinstance(outcome, str):
            reason = f"extraction failed ({outcome}); please report it with this document"
            yield InputError(item.path or "", reason, item.line, item.id, EXTRACTION, item.size)
        else:
            yield Result(item, outcome)


def _extract_batch(
    nlp: Language, documents: list[Document], limit: int, timeout: float = 0.0
) -> list[list[SpanRecord] | str]:
    """Records of each document, or a description of the exception it raised (a
    :class:`_TimedOut` for one over its budget)."""
    # (document, offset of the piece, text to read, length of the opening before it)
    pieces = []
    for i, d in enumerate(documents):
        head = opening(d.text) if len(d.text) > limit else ""
        if len(head) > limit // 2:
            head = ""  # no room for it beside a piece
        for offset, piece in split_text(d.text, limit - len(head)):
            before = head if offset else ""
            pieces.append((i, offset, before + piece, len(before)))

    def make(i: int, piece: str):
        doc = nlp.make_doc(piece)
        doc._.extractor_date = documents[i].date
        doc._.extractor_id = documents[i].id
        return doc

    processed: list = []
    try:
        # The whole batch under its documents' budgets: the usual case, at nlp.pipe's speed.
        with _budget(timeout * len(documents)):
            processed = []
            for group in _groups(pieces, limit):
                processed += nlp.pipe(
                    (make(i, piece) for i, _, piece, _ in group), batch_size=len(group)
                )
    except DocumentTimeout as err:
        if len(documents) == 1:  # its only document is the one over budget
            logger.warning("a document ran past its budget: %s", err)
            processed = [err] * len(pieces)
        else:
            logger.info("a batch ran past its budget; running it a document at a time")
            processed = _one_by_one(nlp, pieces, make, timeout)
    except Exception:  # one bad document must not stop the batch: retry one by one
        logger.exception("a batch failed; retrying its documents one at a time")
        processed = _one_by_one(nlp, pieces, make, timeout)
    outcomes: list[list[SpanRecord] | str] = [[] for _ in documents]
    for (i, offset, _, before), doc in zip(pieces, processed, strict=True):
        if isinstance(outcomes[i], str):
            continue
        if isinstance(doc, DocumentTimeout):
            outcomes[i] = _TimedOut(str(doc))
            continue
        if isinstance(doc, Exception):
            outcomes[i] = f"{doc.__class__.__name__}: {doc}"
            continue
        records = doc_records(doc, documents[i].id)
        if before:  # the opening read before the piece: found once, in the first piece
            records = [rec for rec in records if rec["start"] >= before]
        if offset - before:
            for rec in records:
                rec["start"] += offset - before
                rec["end"] += offset - before
        outcomes[i].extend(records)  # type: ignore[union-attr]
    return outcomes


def _groups(pieces: list, limit: int) -> Iterator[list]:
    """Runs of pieces of at most ``limit`` characters together (a longer piece alone): the
    model holds a whole ``nlp.pipe`` batch in memory at once, so a batch is bounded by
    characters, not only by documents."""
    group: list = []
    size = 0
    for piece in pieces:
        if group and size + len(piece[2]) > limit:
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece[2])
    if group:
        yield group


def _one_by_one(nlp: Language, pieces: list, make, timeout: float) -> list:
    """Each piece's doc or exception; a document's pieces share its budget, and once it
    has run out its remaining pieces are not run."""
    processed: list = []
    k = 0
    while k < len(pieces):
        i = pieces[k][0]
        own = [piece for j, _, piece, _ in pieces[k:] if j == i]
        k += len(own)
        results: list = []
        try:
            with _budget(timeout):
                for piece in own:
                    try:
                        results.append(nlp(make(i, piece)))
                    except DocumentTimeout:
                        raise
                    except Exception as err:  # noqa: BLE001
                        results.append(err)
        except DocumentTimeout as err:
            logger.warning("a document ran past its budget: %s", err)
            results = [err] * len(own)
        processed.extend(results)
    return processed


@dataclass
class _Batch:
    """A batch in flight: its items, its documents, and their outcomes as they arrive."""

    items: list[Document | InputError]
    documents: list[Document]
    outcomes: list[list[SpanRecord] | str | None]
    left: int  # documents without an outcome yet

    @classmethod
    def of(cls, items: list[Document | InputError]) -> _Batch:
        documents = _documents(items)
        return cls(items, documents, [None] * len(documents), len(documents))

    def settle(self, indices: Sequence[int], outcomes: list[list[SpanRecord] | str]) -> None:
        """The outcomes of the documents at ``indices``."""
        for i, outcome in zip(indices, outcomes, strict=True):
            self.outcomes[i] = outcome
        self.left -= len(indices)


def task_deadline(n_docs: int, timeout: float) -> float | None:
    """Seconds a worker may spend on a batch before the parent kills it as stuck.

    A batch of n documents runs under n budgets, and the run a document at a time that may
    follow under n more; the grace (one budget, at least :data:`DEADLINE_GRACE`) covers
    what no budget counts: cutting documents into pieces, their records, the pipes.

    Args:
        n_docs: documents in the batch.
        timeout: each document's budget in seconds (0: none).

    Returns:
        ``2 * n_docs * timeout + max(DEADLINE_GRACE, timeout)``; None without a budget.
    """
    if not timeout:
        return None
    return 2 * n_docs * timeout + max(DEADLINE_GRACE, timeout)


def _extract_parallel(
    nlp: Language,
    batches: Iterator[list[Document | InputError]],
    n_process: int,
    limit: int,
    timeout: float = 0.0,
) -> Iterator[Result | InputError]:
    # Components load their resources on first use: do it once here, before forking, so
    # the workers share them instead of each loading its own.
    nlp(nlp.make_doc("In 2020, 5 schools were built."))
    pool = WorkerPool(lambda documents: _extract_batch(nlp, documents, limit, timeout), n_process)
    window: deque[_Batch] = deque()
    try:
        for items in batches:
            batch = _Batch.of(items)
            if batch.documents:
                indices = range(len(batch.documents))
                deadline = task_deadline(len(indices), timeout)
                pool.submit((batch, indices), (batch.documents,), deadline)
            window.append(batch)
            while len(window) > BATCHES_PER_WORKER * n_process:
                yield from _finish_first(window, pool, timeout)
        while window:
            yield from _finish_first(window, pool, timeout)
    finally:
        pool.close()


def _finish_first(
    window: deque[_Batch], pool: WorkerPool, timeout: float
) -> Iterator[Result | InputError]:
    """Wait for the first batch of the window (settling what arrives for the others), then
    yield its results."""
    first = window[0]
    while first.left:
        for (batch, indices), outcomes in pool.wait():
            if outcomes is not STUCK:
                batch.settle(indices, outcomes)
            elif len(indices) > 1:
                # One of them hangs: each again alone, before anything else, so that only
                # the one that really hangs is given up.
                logger.warning(
                    "a batch of %d documents got stuck; running them again one at a time",
                    len(indices),
                )
                deadline = task_deadline(1, timeout)
                pool.submit_first(
                    [((batch, (i,)), ([batch.documents[i]],), deadline) for i in indices]
                )
            else:
                (i,) = indices
                logger.warning("document %r got stuck: worker replaced", batch.documents[i].id)
                batch.settle(indices, [_stuck(timeout)])
    window.popleft()
    yield from _merge(first.items, first.outcomes)  # type: ignore[arg-type]


def _stuck(timeout: float) -> _TimedOut:
    """The outcome of a document whose worker was killed as stuck."""
    return _TimedOut(
        f"over the time budget of {timeout:g} s and stuck where its timer could not stop it; "
        f"its worker process was killed after {task_deadline(1, timeout):g} s and replaced"
    )
