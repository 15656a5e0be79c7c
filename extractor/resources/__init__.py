"""Data files: unit surfaces, rate words, word lists, gazetteers and the fact rules.

Every file here is read with :func:`read_jsonl` (one JSON object a line) or
:func:`read_json`, the package's only readers of its data, so a bad line is reported the
same way everywhere: the file, the line, what is wrong.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


class ResourceError(ValueError):
    """A data file that cannot be read; the message names file and line."""


def read_text(name: str) -> str:
    """The text of a data file of this package ("units.jsonl", "gazetteers/law.jsonl")."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """The rows of a data file of this package, blank lines skipped.

    Args:
        name: the file's path below ``extractor/resources`` ("units.jsonl",
            "gazetteers/gpe.jsonl").

    Raises:
        ResourceError: naming every line that is not a JSON object.
    """
    return parse_jsonl(read_text(name), f"resources/{name}")


def parse_jsonl(text: str, where: str) -> list[dict[str, Any]]:
    """The JSON objects of ``text``, one a line, blank lines skipped; ``where`` names the
    file in errors, and every bad line is reported at once."""
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            problems.append(f"{where}:{number}: {err}")
            continue
        if not isinstance(row, dict):
            problems.append(f"{where}:{number}: not a JSON object")
            continue
        rows.append(row)
    if problems:
        raise ResourceError("\n".join(problems))
    return rows


def read_json(name: str) -> Any:
    """A JSON data file of this package (a word list: ``fact_words.json``)."""
    try:
        return json.loads(read_text(name))
    except ValueError as err:
        raise ResourceError(f"resources/{name}: {err}") from err
