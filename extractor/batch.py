"""Many documents through one pipeline: streaming, in batches, errors kept per document."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .io.corpus import Document, InputError
from .schema import SpanRecord, doc_records

logger = logging.getLogger("extractor")


@dataclass(frozen=True)
class Result:
    """The spans extracted from one document."""

    document: Document
    records: list[SpanRecord]


def extract_documents(
    nlp: Language,
    items: Iterable[Document | InputError],
    *,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Result | InputError]:
    """Run the pipeline over documents, yielding results (and input errors) in input order.

    Args:
        nlp: the extractor pipeline (``extractor.load()``).
        items: documents, and input errors to pass through unchanged.
        batch_size: documents per ``nlp.pipe`` batch.
        n_process: processes for ``nlp.pipe``.

    Yields:
        A :class:`Result` per document, or the :class:`InputError` in its place.
    """
    pending: list[Document | InputError] = []

    def flush() -> Iterator[Result | InputError]:
        docs_in = [d for d in pending if isinstance(d, Document)]
        made = []
        for d in docs_in:
            doc = nlp.make_doc(d.text)
            doc._.extractor_date = d.date
            doc._.extractor_id = d.id
            made.append(doc)
        try:
            processed = list(nlp.pipe(made, batch_size=batch_size, n_process=n_process))
        except Exception:  # one bad document must not stop the batch: retry one by one
            logger.exception("batch failed; retrying its documents one at a time")
            processed = []
            for doc in made:
                try:
                    processed.append(nlp(doc))
                except Exception as err:  # noqa: BLE001
                    processed.append(err)
        it = iter(processed)
        for item in pending:
            if isinstance(item, InputError):
                yield item
                continue
            doc = next(it)
            if isinstance(doc, Exception):
                yield InputError(item.path or "", f"extraction failed ({doc.__class__.__name__}: {doc})", item.line, item.id)
            else:
                yield Result(item, doc_records(doc, item.id))
        pending.clear()

    for item in items:
        pending.append(item)
        if sum(isinstance(p, Document) for p in pending) >= batch_size * max(1, n_process):
            yield from flush()
    if pending:
        yield from flush()
