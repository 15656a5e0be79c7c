"""A model package for the tests (``--model stuck_model`` with this folder on the path): a
blank English pipeline whose component deadlocks in C on a document that says STUCK.

A thread that waits on a mutex it holds is stuck in C: the signal that ends a document's
budget arrives, but the handler that would raise in Python never runs. (Catastrophic
backtracking no longer does this: Python 3.11's ``re`` checks for signals.) The wait gives
up after :data:`STUCK_SECONDS`, so that a broken watchdog cannot hang the test suite.
"""

from __future__ import annotations

import ctypes
import time

import spacy
from spacy.language import Language

MARKER = "STUCK"
STUCK_SECONDS = 60
COMPONENT = "test_stuck_in_c"


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


@Language.component(COMPONENT)
def stuck_in_c(doc):
    """The doc unchanged; on a document with :data:`MARKER`, after a deadlock in C."""
    if MARKER in doc.text:
        libc = ctypes.CDLL(None)
        mutex = ctypes.create_string_buffer(64)  # zeroed: an unlocked default mutex
        libc.pthread_mutex_lock(mutex)
        until = _Timespec(int(time.time()) + STUCK_SECONDS, 0)
        libc.pthread_mutex_timedlock(mutex, ctypes.byref(until))  # waits on itself
    return doc


def load(exclude: list[str] | tuple[str, ...] = ()) -> Language:
    """The pipeline, as a model package's ``load()`` returns it."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(COMPONENT)
    return nlp
