"""Data files: unit surfaces, rate words, gazetteers, fact rules and their word lists.

Every file is read through :func:`read_jsonl` or :func:`read_json` (``importlib.resources``),
so a bad row is reported the same way everywhere: the file, the line, what is wrong.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


class ResourceError(ValueError):
    """A packaged data file that cannot be read."""


def read_text(name: str) -> str:
    """The text of the packaged data file ``name`` ("units.jsonl", "gazetteers/law.jsonl")."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """The rows of a packaged JSONL file; blank lines are skipped.

    Raises:
        ResourceError: naming every line that is not a JSON object, as ``name:line``.
    """
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for n, line in enumerate(read_text(name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{name}:{n}: not JSON ({e.msg})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{name}:{n}: a row is a JSON object")
            continue
        rows.append(row)
    if problems:
        raise ResourceError("\n".join(problems))
    return rows


def read_json(name: str) -> Any:
    """A packaged JSON file."""
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as e:
        raise ResourceError(f"{name}:{e.lineno}: not JSON ({e.msg})") from e
