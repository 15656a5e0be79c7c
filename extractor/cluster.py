"""Extraction in partitions: on a Dask distributed cluster, or in this process.

The input is cut into **partitions**: runs of up to ``size`` consecutive ``.txt`` files,
and ranges of ``size`` lines of a ``.jsonl`` file (by byte offsets, so a worker reads its
range without reading the lines before it). Each partition has a hash of its input (the
bytes of its files or lines, their paths and the default date), so a resumed run knows
which partitions it holds already.

On a cluster, each partition is one task. Workers read the files themselves when they
share the file system with the client (the same paths), else the client reads each
partition and sends its bytes with the task (``ship=True``). A worker loads the pipeline
once, when it joins (:class:`PipelinePlugin`), and runs tasks one at a time through
:func:`extractor.batch.extract_documents`, with the same per-document time budget as a
local run. A task sends back plain results (:class:`DocOutcome` and
:class:`~extractor.io.corpus.InputError`), never documents' texts; the client writes them.
A worker that dies mid-task has its partition run again on another (Dask's own retries):
a task has no side effect, so nothing is written twice.

Dask (``distributed``) is imported only by the functions that need it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io.corpus import (
    DUPLICATE_ID,
    EXTRACTION,
    UNREADABLE,
    Document,
    InputError,
    _jsonl_record,
    expand_paths,
    file_error,
    txt_bytes,
    txt_document,
)
from .schema import SpanRecord

if TYPE_CHECKING:
    from distributed import Client
    from spacy.language import Language

logger = logging.getLogger("extractor")

TIMEOUT = "timeout"  # extractor.batch.TIMEOUT, written here: that module imports spaCy

# Documents (files or JSONL lines) per partition.
DEFAULT_PARTITION_SIZE = 200
# Partitions in flight per worker thread: enough to keep workers busy while the client
# writes, few enough to bound what waits in memory.
PARTITIONS_PER_THREAD = 2
# Times a task that raised is tried again (a worker that dies is Dask's to retry).
TASK_RETRIES = 2
PLUGIN_NAME = "extractor-pipeline"
INSTALL_HINT = "pip install 'extractor[cluster]'"


@dataclass(frozen=True)
class Partition:
    """A piece of the input that one task extracts.

    ``files`` are the ``.txt`` files of a run of them, or the one ``.jsonl`` file whose
    bytes ``start:end`` (lines ``first_line``...) it covers, as the user gave them (messages
    name them so); a relative one is read from ``root``, the client's working folder.
    """

    index: int
    kind: str  # "txt" or "jsonl"
    files: tuple[str, ...]
    sha256: str
    size: int  # input bytes
    start: int = 0
    end: int = 0
    first_line: int = 1
    root: str = ""

    def where(self, name: str) -> Path:
        """Where a worker reads one of ``files``."""
        path = Path(name)
        return path if path.is_absolute() or not self.root else Path(self.root) / path


@dataclass(frozen=True)
class Settings:
    """What a task needs besides its partition: how to load and run the pipeline."""

    model: str | None = None
    disabled_rules: tuple[str, ...] = ()
    date: str | None = None
    batch_size: int = 16
    max_length: int | None = None
    doc_timeout: float = 60.0


@dataclass(frozen=True)
class DocOutcome:
    """A document extracted on a worker: what the client writes and counts, without its text."""

    id: str
    sha256: str
    path: str
    line: int | None
    words: int
    size: int
    dated: bool
    not_english: str | None
    records: list[SpanRecord]

    @property
    def where(self) -> str:
        """``path:line`` (or the path alone) for messages."""
        return f"{self.path}:{self.line}" if self.line else self.path


# --- planning (on the client) -------------------------------------------------------------


def plan_partitions(
    paths: Iterable[str | Path], date: str | None = None, size: int = DEFAULT_PARTITION_SIZE
) -> tuple[list[Partition], list[InputError]]:
    """The partitions of the input, in input order, and the paths that do not exist.

    Reads every input byte once, to hash it.
    """
    if size < 1:
        raise ValueError(f"partition size must be at least 1, not {size}")
    partitions: list[Partition] = []
    missing: list[InputError] = []
    run: list[Path] = []
    root = os.getcwd()

    def close_run() -> None:
        if run:
            digest = _digest("txt", date)
            total = 0
            for path in run:
                total += _hash_txt(digest, path)
            partitions.append(
                Partition(
                    len(partitions),
                    "txt",
                    tuple(map(str, run)),
                    digest.hexdigest(),
                    total,
                    root=root,
                )
            )
            run.clear()

    for item in expand_paths(paths):
        if isinstance(item, InputError):
            missing.append(item)
        elif item.suffix == ".jsonl":
            close_run()
            for start, end, first, digest in _jsonl_ranges(item, size, date):
                partitions.append(
                    Partition(
                        len(partitions),
                        "jsonl",
                        (str(item),),
                        digest,
                        end - start,
                        start,
                        end,
                        first,
                        root,
                    )
                )
        else:
            run.append(item)
            if len(run) >= size:
                close_run()
    close_run()
    return partitions, missing


def _digest(kind: str, date: str | None) -> Any:
    digest = hashlib.sha256(f"{kind}\x00{date or ''}\x00".encode())
    return digest


def _hash_txt(digest: Any, path: Path) -> int:
    """Add a .txt file (path, bytes, meta file) to ``digest``; its size in bytes."""
    digest.update(str(path).encode("utf-8", "surrogateescape") + b"\x00")
    read = txt_bytes(path)
    if isinstance(read, InputError):
        digest.update(f"{read.kind}\x00{read.reason}\x00".encode("utf-8", "surrogateescape"))
        return 0
    data, meta = read
    digest.update(data + b"\x00")
    digest.update(meta if isinstance(meta, bytes) else repr(meta).encode())
    return len(data)


def _jsonl_ranges(path: Path, size: int, date: str | None) -> Iterator[tuple[int, int, int, str]]:
    """``(start, end, first line, hash)`` of every ``size`` lines of a JSONL file."""
    if file_error(path) is not None:  # a pipe would block: the worker reports it
        digest = _digest("jsonl", date)
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        yield 0, 0, 1, digest.hexdigest()
        return
    try:
        handle = path.open("rb")
    except OSError:  # the worker reports it, as iter_documents would
        digest = _digest("jsonl", date)
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        yield 0, 0, 1, digest.hexdigest()
        return
    with handle:
        start = offset = 0
        first = line = 1
        digest = None
        count = 0
        for raw in handle:
            if digest is None:
                digest = _digest("jsonl", date)
                digest.update(str(path).encode("utf-8", "surrogateescape") + b"\x00")
            digest.update(raw)
            offset += len(raw)
            count += 1
            line += 1
            if count >= size:
                yield start, offset, first, digest.hexdigest()
                start, first, digest, count = offset, line, None, 0
        if digest is not None or start == 0:
            digest = digest or _digest("jsonl", date)
            yield start, offset, first, digest.hexdigest()


def partition_bytes(partition: Partition) -> list:
    """A partition's input: for each .txt file what :func:`~extractor.io.corpus.txt_bytes`
    reads, for a JSONL range its bytes; or the error that stops reading them. Read where
    the files are (the client, or a worker that shares its file system), and sent to a
    worker that does not."""
    if partition.kind == "jsonl":
        name = partition.files[0]
        path = partition.where(name)
        problem = file_error(path)
        if problem is not None:
            return [replace(problem, path=name)]
        try:
            with path.open("rb") as handle:
                handle.seek(partition.start)
                return [handle.read(partition.end - partition.start)]
        except OSError as err:
            reason = f"cannot read the file ({err.strerror or err}); check that it is readable"
            return [InputError(name, reason, kind=UNREADABLE)]
    out = []
    for name in partition.files:
        read = txt_bytes(partition.where(name))
        out.append(replace(read, path=name) if isinstance(read, InputError) else read)
    return out


def read_partition(
    partition: Partition, date: str | None = None, shipped: list | None = None
) -> Iterator[Document | InputError]:
    """The documents of a partition, read from the files or from ``shipped`` bytes
    (:func:`partition_bytes`), with the errors :func:`~extractor.io.corpus.iter_documents`
    gives for them. Ids repeated across partitions are the caller's to find."""
    if shipped is None:
        shipped = partition_bytes(partition)
    if partition.kind == "jsonl":
        if isinstance(shipped[0], InputError):
            yield shipped[0]
            return
        path = Path(partition.files[0])
        lines = shipped[0].split(b"\n")  # as readline() cuts them: at "\n" only
        for k, raw in enumerate(lines):
            raw = raw if k == len(lines) - 1 else raw + b"\n"
            item = _jsonl_record(path, partition.first_line + k, raw, date) if raw else None
            if item is not None:
                yield item
        return
    for name, read in zip(partition.files, shipped, strict=True):
        yield read if isinstance(read, InputError) else txt_document(Path(name), *read, date)


# --- running a partition ------------------------------------------------------------------


def outcome_of(item: Any) -> DocOutcome | InputError:
    """What a task sends back for one result of :func:`extract_documents`."""
    from .io.language import not_english

    if isinstance(item, InputError):
        return item
    document = item.document
    return DocOutcome(
        document.id,
        document.sha256,
        document.path or "",
        document.line,
        len(document.text.split()),
        document.size,
        document.date is not None,
        not_english(document.text) or None,
        item.records,
    )


def extract_partition(
    partition: Partition, settings: Settings, shipped: list | None = None
) -> list[DocOutcome | InputError]:
    """A task: the outcome of each document of a partition, in input order."""
    from .batch import extract_documents

    nlp, lock = _pipeline(settings)
    items = list(read_partition(partition, settings.date, shipped))
    with lock:  # one document at a time per worker, whatever its threads
        return [
            outcome_of(item)
            for item in extract_documents(
                nlp,
                items,
                batch_size=settings.batch_size,
                max_length=settings.max_length,
                doc_timeout=settings.doc_timeout,
            )
        ]


_PIPELINES: dict[tuple, tuple[Language, threading.Lock]] = {}
_LOADING = threading.Lock()


def _pipeline(settings: Settings) -> tuple[Language, threading.Lock]:
    """This process's pipeline for these settings, loaded on first use and kept."""
    key = (settings.model, settings.disabled_rules)
    with _LOADING:
        if key not in _PIPELINES:
            from .batch import warm_up
            from .pipeline import load

            nlp = load(settings.model, disabled_rules=settings.disabled_rules)
            warm_up(nlp)
            _PIPELINES[key] = (nlp, threading.Lock())
        return _PIPELINES[key]


def make_plugin(settings: Settings) -> Any:
    """A worker plugin that loads the pipeline when a worker joins (also one that joins
    later, such as a worker restarted after a crash), so no task pays for it."""
    return _plugin_class()(settings)


_PLUGIN_CLASS: type | None = None


def _plugin_class() -> type:
    """The worker plugin class, made on first use so that importing this module needs no
    Dask (``extractor.cluster.PipelinePlugin`` resolves to it, for pickling)."""
    global _PLUGIN_CLASS
    if _PLUGIN_CLASS is None:
        from distributed.diagnostics.plugin import WorkerPlugin

        class PipelinePlugin(WorkerPlugin):  # type: ignore[misc, valid-type]
            name = PLUGIN_NAME

            def __init__(self, settings: Settings) -> None:
                self.settings = settings

            def setup(self, worker: Any) -> Any:
                # In a thread: the worker's event loop goes on answering the scheduler
                # during the seconds the model takes to load.
                return asyncio.to_thread(_pipeline, self.settings)

        PipelinePlugin.__module__ = __name__
        PipelinePlugin.__qualname__ = "PipelinePlugin"
        _PLUGIN_CLASS = PipelinePlugin
    return _PLUGIN_CLASS


def __getattr__(name: str) -> Any:
    if name == "PipelinePlugin":
        return _plugin_class()
    raise AttributeError(name)


# --- the client side ----------------------------------------------------------------------


def run_on_cluster(
    client: Client,
    partitions: list[Partition],
    settings: Settings,
    *,
    ship: bool = False,
) -> Iterator[tuple[Partition, list[DocOutcome | InputError]]]:
    """Each partition with its outcomes, in input order, extracted by the cluster's workers.

    Keeps about :data:`PARTITIONS_PER_THREAD` partitions per worker thread in flight.
    Raises what a task raised after its retries, and ``KilledWorker`` when a partition
    killed worker after worker.
    """
    client.register_plugin(make_plugin(settings), name=PLUGIN_NAME)
    todo = deque(partitions)
    pending: deque = deque()
    try:
        while todo or pending:
            window = max(2, PARTITIONS_PER_THREAD * sum(client.nthreads().values()))
            while todo and len(pending) < window:
                partition = todo.popleft()
                shipped = partition_bytes(partition) if ship else None
                future = client.submit(
                    extract_partition,
                    partition,
                    settings,
                    shipped,
                    key=f"extract-{partition.index:05d}-{partition.sha256[:16]}",
                    pure=False,
                    retries=TASK_RETRIES,
                )
                pending.append((partition, future))
            partition, future = pending.popleft()
            yield partition, future.result()
            future.release()
    finally:
        for _, future in pending:
            future.cancel()


def run_here(
    nlp: Language, partitions: list[Partition], settings: Settings, *, n_process: int = 1
) -> Iterator[tuple[Partition, list[DocOutcome | InputError]]]:
    """:func:`run_on_cluster` in this process (``n_process`` forked workers), streaming."""
    from .batch import extract_documents

    owners: deque[int] = deque()  # the partition of each item read, in order

    def items() -> Iterator[Document | InputError]:
        for k, partition in enumerate(partitions):
            for item in read_partition(partition, settings.date):
                owners.append(k)
                yield item

    results = extract_documents(
        nlp,
        items(),
        batch_size=settings.batch_size,
        n_process=n_process,
        max_length=settings.max_length,
        doc_timeout=settings.doc_timeout,
    )
    current, outcomes = 0, []
    for item in results:
        owner = owners.popleft()  # one result per item, in order
        while current < owner:
            yield partitions[current], outcomes
            current, outcomes = current + 1, []
        outcomes.append(outcome_of(item))
    while current < len(partitions):
        yield partitions[current], outcomes
        current, outcomes = current + 1, []


class IdLedger:
    """The ids seen so far, in input order: the second document with an id is an error, as
    in :func:`~extractor.io.corpus.iter_documents`."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def add(self, doc_id: str, where: str) -> None:
        """Note a document a kept part holds."""
        self.seen.setdefault(doc_id, where)

    def check(self, outcome: DocOutcome | InputError) -> DocOutcome | InputError:
        """The outcome, or a duplicate-id error in its place. Documents that were read but
        could not be processed count as seen; input errors do not."""
        if isinstance(outcome, InputError) and outcome.kind not in (TIMEOUT, EXTRACTION):
            return outcome
        doc_id = outcome.id or ""
        if doc_id in self.seen:
            reason = f"repeats the id {doc_id!r} of {self.seen[doc_id]}; ids must be unique"
            return InputError(
                outcome.path, reason, outcome.line, doc_id, DUPLICATE_ID, outcome.size
            )
        self.seen[doc_id] = outcome.where if isinstance(outcome, DocOutcome) else _where(outcome)
        return outcome


def _where(error: InputError) -> str:
    return f"{error.path}:{error.line}" if error.line else error.path


def connect(address: str, n_default: int) -> tuple[Client, Any]:
    """A client of the cluster at ``address`` (``tcp://host:8786``), or of a new
    ``LocalCluster`` for ``local`` / ``local:N`` (N worker processes, one thread each).

    Returns:
        The client and the local cluster it started (None for an existing cluster).

    Raises:
        ValueError: for ``local:N`` with N not a positive integer.
        OSError: when the scheduler cannot be reached.
    """
    import dask
    from distributed import Client, LocalCluster

    if address == "local" or address.startswith("local:"):
        raw = address.partition(":")[2]
        if raw and (not raw.isdigit() or int(raw) < 1):
            raise ValueError(f"--cluster {address}: N in local:N must be a positive integer")
        n = int(raw) if raw else n_default
        # Dask's statistical profiler samples a busy worker's stack every 10 ms: a tenth of
        # the time of our long tasks. Off for the workers started here (and restarted).
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: 8787 may be another cluster's
                host="127.0.0.1",
            )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="20s"), None
    except (OSError, TimeoutError) as err:
        raise OSError(f"cannot reach the Dask scheduler at {address} ({err})") from err


def dashboard(client: Client) -> str | None:
    """The dashboard's address, when the scheduler serves one (it needs bokeh there; without
    it the scheduler's web server answers 404)."""
    import importlib.util

    try:
        services = client.scheduler_info().get("services", {})
        has_bokeh = client.run_on_scheduler(importlib.util.find_spec, "bokeh") is not None
    except Exception:  # noqa: BLE001 - only a nicety
        return None
    return client.dashboard_link if "dashboard" in services and has_bokeh else None
