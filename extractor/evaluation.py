"""Score the pipeline on gold documents: the library side of ``extractor evaluate``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .batch import Result, extract_documents
from .io.gold import load_document, load_gold
from .scoring import Scores, score_document


class EvaluationError(RuntimeError):
    """A gold document could not be read or extracted."""


@dataclass
class Evaluation:
    """The scores of a set of gold documents, with their texts for error listings."""

    ids: list[str]
    scores: Scores
    texts: dict[str, str] = field(default_factory=dict)


def evaluate_documents(
    nlp: Language, ids: list[str], *, gold_dir: Path, corpus_dir: Path
) -> Evaluation:
    """Run ``nlp`` on the corpus documents ``ids`` and score them against their gold.

    Raises:
        EvaluationError: a document is missing or could not be extracted.
    """
    try:
        docs = [load_document(corpus_dir, doc_id) for doc_id in ids]
    except FileNotFoundError as e:
        raise EvaluationError(f"no corpus text for a gold document: {e}") from e
    scores = Scores()
    texts: dict[str, str] = {}
    for item in extract_documents(nlp, docs):
        if not isinstance(item, Result):
            raise EvaluationError(str(item))
        texts[item.document.id] = item.document.text
        score_document(load_gold(gold_dir, item.document.id), item.records, scores)
    return Evaluation(ids=list(ids), scores=scores, texts=texts)
