"""Score the pipeline on gold documents: the library side of ``extractor evaluate``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .batch import Result, extract_documents
from .io.corpus import InputError
from .io.gold import load_document, load_gold
from .scoring import Scores, score_document


class EvaluationError(RuntimeError):
    """A gold document has no corpus text."""


@dataclass
class Evaluation:
    """The scores of a set of gold documents, with their texts for error listings.

    ``failed`` holds the documents the pipeline could not extract (as
    :class:`~extractor.io.corpus.InputError`): their gold counts as missed, so the scores
    stay honest, and the caller reports them.
    """

    ids: list[str]
    scores: Scores
    texts: dict[str, str] = field(default_factory=dict)
    failed: list[InputError] = field(default_factory=list)


def evaluate_documents(
    nlp: Language, ids: list[str], *, gold_dir: Path, corpus_dir: Path
) -> Evaluation:
    """Run ``nlp`` on the corpus documents ``ids`` and score them against their gold; a
    document the pipeline fails on scores as if nothing was found in it and is listed in
    :attr:`Evaluation.failed`.

    Raises:
        EvaluationError: a gold document has no corpus text.
    """
    try:
        docs = [load_document(corpus_dir, doc_id) for doc_id in ids]
    except FileNotFoundError as e:
        raise EvaluationError(f"no corpus text for a gold document: {e}") from e
    scores = Scores()
    texts: dict[str, str] = {}
    failed: list[InputError] = []
    by_id = {doc.id: doc for doc in docs}
    for item in extract_documents(nlp, docs):
        if isinstance(item, Result):
            doc_id, records = item.document.id, item.records
        else:
            doc_id, records = item.id, []
            failed.append(item)
        texts[doc_id] = by_id[doc_id].text
        score_document(load_gold(gold_dir, doc_id), records, scores)
    return Evaluation(ids=list(ids), scores=scores, texts=texts, failed=failed)
