"""extractor: quantities, time spans and entities from official speech.

``load`` and ``doc_records`` are imported on first use, so tools that only read saved
records (``extractor review spans.jsonl``) never import spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import __version__

if TYPE_CHECKING:
    from .pipeline import ModelNotFoundError, load
    from .schema import doc_records

__all__ = ["__version__", "load", "doc_records", "ModelNotFoundError"]

_LAZY = {"load": "pipeline", "ModelNotFoundError": "pipeline", "doc_records": "schema"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
