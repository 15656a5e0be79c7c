"""Forked worker processes that run one task at a time, watched by the parent.

A :class:`WorkerPool` runs a function in up to ``size`` forked processes, each joined to
the parent by a pipe of its own: the parent sends a task's arguments to an idle worker and
reads its result back, so it always knows which worker runs which task and since when.
A task may have a deadline. A worker still busy with a task past its deadline is stuck
where nothing inside it can stop it (C code that never returns to the interpreter, so a
signal handler never runs): the parent kills that worker, reports the task as
:data:`STUCK`, and starts a fresh worker for the next task. Only that task is lost; the
other workers go on with theirs, and queued tasks wait in the parent.

Workers are forked, so the function and what it holds (a loaded pipeline) are shared,
not pickled; only the arguments and results of tasks cross the pipes. Workers start when
there is a task for them, so a short input forks no more of them than it needs. This needs
the ``fork`` start method (Linux, macOS).
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

logger = logging.getLogger("extractor")

_PR_SET_PDEATHSIG = 1
# Seconds a worker told to stop, or killed, has to exit before it is killed (again).
_EXIT_SECONDS = 5.0


class _Stuck:
    """The result of a task whose worker was killed past the task's deadline."""

    def __repr__(self) -> str:
        return "STUCK"


STUCK: Any = _Stuck()


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, as text."""

    def __str__(self) -> str:
        return self.args[0]


@dataclass
class _Task:
    key: Any
    args: tuple
    seconds: float | None  # the deadline, counted from when a worker takes the task


class _Worker:
    """One forked process and the parent's end of its pipe."""

    def __init__(self, context, function: Callable, parent: int, siblings: list[Connection]):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, function, parent, siblings), daemon=True
        )
        self.process.start()
        child.close()
        self.task: _Task | None = None
        self.deadline: float | None = None  # time.monotonic() by which the task must be done

    def give(self, task: _Task) -> None:
        """Start ``task`` in this (idle) worker."""
        try:
            self.conn.send(task.args)
        except OSError as err:
            raise BrokenProcessPool(f"a worker process died ({self.cause()})") from err
        self.task = task
        self.deadline = None if task.seconds is None else time.monotonic() + task.seconds

    def cause(self) -> str:
        """Why the process ended, for a message."""
        self.process.join(_EXIT_SECONDS)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def kill(self) -> None:
        """End the process now, whatever it is doing."""
        self.process.kill()
        self.process.join(_EXIT_SECONDS)
        self.conn.close()


class WorkerPool:
    """Run ``function(*args)`` for each task in up to ``size`` forked worker processes.

    Args:
        function: what a task runs; called in a worker, so it may be any callable
            (closures too): forking shares it.
        size: the most worker processes at once.
    """

    def __init__(self, function: Callable, size: int) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.function = function
        self.size = size
        self.context = multiprocessing.get_context("fork")
        self.parent = os.getpid()
        self.workers: list[_Worker] = []
        self.queue: deque[_Task] = deque()
        self.replaced = 0  # workers killed past a deadline

    def submit(self, key: Any, args: tuple, seconds: float | None = None) -> None:
        """Queue a task; :meth:`wait` gives its result.

        Args:
            key: what :meth:`wait` returns with the task's result.
            args: the function's arguments (pickled to the worker).
            seconds: the task's deadline, from when a worker takes it (None: none).
        """
        self.queue.append(_Task(key, args, seconds))

    def submit_first(self, tasks: Sequence[tuple[Any, tuple, float | None]]) -> None:
        """Queue ``(key, args, seconds)`` tasks ahead of those queued, in the order given."""
        self.queue.extendleft(_Task(*task) for task in reversed(tasks))

    def wait(self) -> list[tuple[Any, Any]]:
        """Block until tasks finish or are given up: their ``(key, result)`` pairs.

        A task whose worker ran past its deadline has the result :data:`STUCK`; that worker
        is killed, and a new one takes the next task.

        Raises:
            BrokenProcessPool: a worker died on its own (killed by the system, say).
            Exception: what the function raised in a worker.
        """
        done: list[tuple[Any, Any]] = []
        while not done:
            self._dispatch()
            running = [w for w in self.workers if w.task is not None]
            if not running:
                raise RuntimeError("no task to wait for")
            deadlines = [w.deadline for w in running if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = set(wait([w.conn for w in running] + [w.process.sentinel for w in running],
                             timeout))  # fmt: skip
            for worker in running:
                # a result first (it may have come just before the process ended, or since
                # the wait timed out), then an end, then the deadline
                if worker.conn in ready or worker.conn.poll():
                    done.append(self._receive(worker))
                elif worker.process.sentinel in ready:
                    raise BrokenProcessPool(f"a worker process died ({worker.cause()})")
                elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                    done.append(self._replace(worker))
        self._dispatch()
        return done

    def _receive(self, worker: _Worker) -> tuple[Any, Any]:
        task = worker.task
        assert task is not None
        try:
            ok, value = worker.conn.recv()
        except (EOFError, OSError) as err:
            raise BrokenProcessPool(f"a worker process died ({worker.cause()})") from err
        worker.task = worker.deadline = None
        if not ok:
            error, text = value
            raise error from _RemoteTraceback(text)
        return task.key, value

    def _replace(self, worker: _Worker) -> tuple[Any, Any]:
        task = worker.task
        assert task is not None
        logger.warning(
            "a worker process (pid %d) was stuck for %.3g s on one task; it is killed and "
            "replaced", worker.process.pid, task.seconds
        )  # fmt: skip
        worker.kill()
        self.workers.remove(worker)
        self.replaced += 1
        return task.key, STUCK

    def _dispatch(self) -> None:
        """Give queued tasks to idle workers, starting workers up to :attr:`size`."""
        while self.queue:
            idle = next((w for w in self.workers if w.task is None), None)
            if idle is None:
                if len(self.workers) >= self.size:
                    return
                siblings = [w.conn for w in self.workers]
                idle = _Worker(self.context, self.function, self.parent, siblings)
                self.workers.append(idle)
            idle.give(self.queue.popleft())

    def close(self) -> None:
        """Stop every worker: idle ones are told to, busy ones (their results no longer
        wanted) are killed. Queued tasks are dropped."""
        self.queue.clear()
        for worker in self.workers:
            if worker.task is None:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            else:
                worker.process.kill()
        for worker in self.workers:
            worker.process.join(_EXIT_SECONDS)
            if worker.process.is_alive():
                worker.kill()
            worker.conn.close()
        self.workers.clear()


def _serve(conn: Connection, function: Callable, parent: int, siblings: list[Connection]):
    """A worker's life: run each task sent until told to stop (None) or the pipe closes."""
    for other in siblings:  # the parent's ends of other workers' pipes: not ours to hold
        other.close()
    _init_worker(parent)
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        if args is None:
            return
        try:
            reply = (True, function(*args))
        except Exception as err:  # noqa: BLE001  (the parent raises it)
            reply = (False, (err, traceback.format_exc()))
        try:
            conn.send(reply)
        except Exception as err:  # noqa: BLE001  (a result or an exception that does not pickle)
            conn.send((False, (RuntimeError(f"cannot send the result back: {err!r}"), "")))


def _init_worker(parent: int) -> None:
    """Set up a forked worker: no Ctrl-C of its own, and no orphans."""
    # Ctrl-C is the parent's to handle: it stops handing out tasks and shuts down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # A parent killed with SIGKILL cannot stop its workers: ask the kernel to.
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
