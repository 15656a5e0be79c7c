"""The worker pool: tasks and their results, a stuck worker killed and replaced, deaths."""

import multiprocessing
import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from extractor.workers import STUCK, WorkerPool


def _task(kind: str, value: int) -> tuple[int, int]:
    """What a worker runs: ``value`` squared with its pid, after doing ``kind``."""
    if kind == "hang":
        time.sleep(60)  # nothing here ends it: only the parent can
    elif kind == "raise":
        raise ValueError(f"bad value {value}")
    elif kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value, os.getpid()


def _run_all(pool: WorkerPool) -> dict:
    results = {}
    while len(results) < 5:
        results.update(pool.wait())
    return results


def test_tasks_run_in_at_most_size_workers_started_as_needed():
    pool = WorkerPool(_task, 2)
    try:
        pool.submit("only", ("ok", 3))
        ((key, (square, pid)),) = pool.wait()
        assert (key, square) == ("only", 9)
        assert len(pool.workers) == 1  # one task: one worker
        for k in range(5):
            pool.submit(k, ("ok", k))
        results = _run_all(pool)
    finally:
        pool.close()
    assert {k: square for k, (square, _) in results.items()} == {k: k * k for k in range(5)}
    pids = {pid} | {pid for _, pid in results.values()}
    assert len(pids) <= 2 and os.getpid() not in pids
    assert pool.workers == [] and multiprocessing.active_children() == []


def test_a_worker_past_its_deadline_is_killed_and_replaced_and_the_others_go_on():
    pool = WorkerPool(_task, 2)
    try:
        pool.submit("stuck", ("hang", 0), 0.5)
        for k in range(4):
            pool.submit(k, ("ok", k), 0.5)
        started = time.monotonic()
        results = _run_all(pool)
        took = time.monotonic() - started
        assert pool.replaced == 1 and len(pool.workers) <= 2
    finally:
        pool.close()
    assert results.pop("stuck") is STUCK
    assert {k: square for k, (square, _) in results.items()} == {k: k * k for k in range(4)}
    assert 0.5 <= took < 10  # not the minute the stuck task asks for
    assert multiprocessing.active_children() == []


def test_tasks_submitted_first_run_before_those_queued():
    pool = WorkerPool(_task, 1)
    order = []
    try:
        pool.submit("a", ("ok", 1))
        pool.submit("b", ("ok", 2))
        pool.submit_first([("c", ("ok", 3), None), ("d", ("ok", 4), None)])
        while len(order) < 4:
            order += [key for key, _ in pool.wait()]
    finally:
        pool.close()
    assert order == ["c", "d", "a", "b"]


def test_what_the_function_raises_is_raised_in_the_parent_with_its_traceback():
    pool = WorkerPool(_task, 1)
    try:
        pool.submit("bad", ("raise", 7))
        with pytest.raises(ValueError, match="bad value 7") as caught:
            pool.wait()
        assert "in _task" in str(caught.value.__cause__)
        pool.submit("good", ("ok", 2))  # the worker goes on
        assert [(key, square) for key, (square, _) in pool.wait()] == [("good", 4)]
    finally:
        pool.close()


def test_a_worker_that_dies_on_its_own_breaks_the_pool():
    pool = WorkerPool(_task, 1)
    try:
        pool.submit("gone", ("die", 0), 30)
        with pytest.raises(BrokenProcessPool, match="killed by SIGKILL"):
            pool.wait()
    finally:
        pool.close()


def test_closing_kills_busy_workers_and_leaves_no_process():
    pool = WorkerPool(_task, 2)
    pool.submit("stuck", ("hang", 0))
    pool.submit("ok", ("ok", 1))
    assert pool.wait()[0][0] == "ok"
    processes = [w.process for w in pool.workers]
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 5
    assert not any(p.is_alive() for p in processes)
    assert all(p.exitcode is not None for p in processes)
