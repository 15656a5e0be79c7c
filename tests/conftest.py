"""Shared fixtures: the real pipeline, loaded once per session, and the corpus extracted
once (for the archive)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import extractor
from extractor.archive.sources import archive_document
from extractor.batch import extract_documents
from extractor.io.corpus import iter_documents

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    return extractor.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """Run the real pipeline on a text with a document date; return its records."""

    def run(text: str, date: str | None = "2020"):
        doc = nlp.make_doc(text)
        doc._.extractor_date = date
        doc._.extractor_id = "t"
        return extractor.doc_records(nlp(doc))

    return run


@pytest.fixture(scope="session")
def corpus_results(nlp):
    """Every corpus document with its records, from the real pipeline."""
    return [r for r in extract_documents(nlp, iter_documents([CORPUS])) if hasattr(r, "records")]


@pytest.fixture(scope="session")
def corpus_documents(corpus_results):
    """The corpus as archive documents (what `extract --db` writes)."""
    return [archive_document(r.document, r.records) for r in corpus_results]


@pytest.fixture(scope="session")
def corpus_spans(corpus_results, tmp_path_factory) -> Path:
    """The corpus' spans as `extractor extract -o spans.jsonl` writes them (no ledger)."""
    path = tmp_path_factory.mktemp("spans") / "spans.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for result in corpus_results:
            for record in result.records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _child_processes(parent: int | None = None) -> list[int]:
    """The processes whose parent is ``parent`` (this process by default), zombies too."""
    parent = os.getpid() if parent is None else parent
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == parent:
            pids.append(int(stat.parent.name))
    return pids


@pytest.fixture(scope="session")
def child_processes():
    """A function: the pids of a process's children, zombies too (Linux's /proc)."""
    return _child_processes
