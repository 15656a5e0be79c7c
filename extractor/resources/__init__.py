"""Data files: unit surfaces, rate words, word lists and gazetteers, one JSON object a line.

Every file here is read with :func:`read_jsonl`, the one reader of the package's data.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


class ResourceError(ValueError):
    """A data file that is not one JSON object a line; the message names file and line."""


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """The rows of a data file of this package, blank lines skipped.

    Args:
        name: the file's path below ``extractor/resources`` ("units.jsonl",
            "gazetteers/gpe.jsonl").

    Raises:
        ResourceError: for a line that is not a JSON object.
    """
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return parse_jsonl(text, f"resources/{name}")


def parse_jsonl(text: str, where: str) -> list[dict[str, Any]]:
    """The JSON objects of ``text``, one a line, blank lines skipped; ``where`` names the
    file in errors."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            raise ResourceError(f"{where}:{number}: {err}") from err
        if not isinstance(row, dict):
            raise ResourceError(f"{where}:{number}: not a JSON object")
        rows.append(row)
    return rows
