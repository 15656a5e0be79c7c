"""Shared fixtures: the real pipeline, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import extractor

ROOT = Path(__file__).resolve().parent.parent


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
