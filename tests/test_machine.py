"""Tests never change the machine they run on: nothing is installed from a test."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex as re

TESTS = Path(__file__).resolve().parent
# a package manager or pip run as a command: ["apt-get", ...], "pip install", ...
_INSTALL = re.compile(
    r"""["'](?:apt-get|apt|dpkg|yum|dnf|brew|snap)["']|["'][^"'\n]*\bpip\b[^"'\n]*\binstall\b"""
)


@pytest.mark.parametrize(
    "line,installs",
    [
        ('cmd = ["apt-get", "install", "-y", package]', True),
        ("subprocess.run(['apt', 'install', 'chromium'])", True),
        ('os.system("python -m pip install rich")', True),
        ('"e.g. apt-get install chromium, as .ci/run does"', False),
        ("found = shutil.which(name)", False),
    ],
)
def test_install_commands_are_recognised(line, installs):
    assert bool(_INSTALL.search(line)) is installs


def test_no_test_installs_anything():
    offenders = [
        f"{path.relative_to(TESTS)}:{n}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != "test_machine.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _INSTALL.search(line)
    ]
    assert offenders == []
