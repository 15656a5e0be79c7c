"""Fixtures for the command-line tests: a headless browser for the HTML view."""

from __future__ import annotations

import shutil

import pytest

# Debian's and Ubuntu's names for the headless-capable browser; .ci/run installs the first.
BROWSERS = ("chromium", "chromium-browser")


@pytest.fixture(scope="session")
def chromium() -> str:
    """A Chromium found on PATH; the tests that need it skip, saying why, when there is none.

    Tests never install anything: CI installs the browser before the tests (``.ci/run``).
    """
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        f"no Chromium on PATH (looked for {', '.join(BROWSERS)}): install it to render the "
        "HTML view, e.g. apt-get install chromium, as .ci/run does"
    )
