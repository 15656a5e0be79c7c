"""extractor: quantities, time spans and entities from official speech."""

from .about import __version__
from .pipeline import ModelNotFoundError, load
from .schema import doc_records

__all__ = ["__version__", "load", "doc_records", "ModelNotFoundError"]
