"""Compiled regular expressions, cached by pattern.

``regex``'s own cache costs a lookup with flag arithmetic on every ``regex.match(pattern,
...)`` call; on hot paths (every number of every document) that was a third of the
extraction time. ``rx(pattern).match(...)`` compiles once per process.
"""

from __future__ import annotations

from functools import cache

import regex


@cache
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """The compiled pattern (cached)."""
    return regex.compile(pattern, flags)
