"""Fixtures for the command-line tests: a headless browser for the HTML view."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

CHROMIUM_PACKAGE = "chromium"  # Debian's package and command


def _apt_install(package: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", package]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:  # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, text=True, check=False)
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    return result


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's headless Chromium, installed with apt-get on first use when missing.

    CI runs `make test` as root on a fresh machine, so the browser is installed here; the
    tests that need it skip (saying why) only where installing is impossible.
    """
    found = shutil.which(CHROMIUM_PACKAGE)
    if found:
        return found
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(
            "chromium is missing and cannot be installed here (needs root and apt-get); "
            "run: apt-get install chromium"
        )
    result = _apt_install(CHROMIUM_PACKAGE)
    found = shutil.which(CHROMIUM_PACKAGE)
    if not found:
        pytest.skip(f"installing chromium with apt-get failed: {result.stderr.strip()[-300:]}")
    return found
