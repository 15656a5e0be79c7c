"""Long output through the system pager, streamed as it renders.

rich's ``Console.pager()`` renders everything before the pager starts; a review of 1,000
documents takes minutes to render, so output is streamed into the pager instead: the
first screen appears at once and the rest arrives while the reader reads. Quitting the
pager stops the rendering.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

# less: keep colours (-R), quit when the output fits one screen (-F) and leave it on the
# screen then (-X); the reader's own $LESS wins.
LESS_FLAGS = "-FRX"


def pager_command() -> list[str] | None:
    """The pager to use: ``$PAGER`` when set (empty means none), else ``less``."""
    configured = os.environ.get("PAGER")
    if configured is not None:
        return shlex.split(configured) or None
    return ["less"] if shutil.which("less") else None


class _PagerConsole(Console):
    """A console writing into the pager: a closed pager ends the output, not the program."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # rich's default exits the program; the caller decides instead
        raise BrokenPipeError


@contextmanager
def paged(console: Console, *, enabled: bool = True) -> Iterator[Console]:
    """A console to print long output to: the pager's when ``console`` is a terminal.

    Args:
        console: where output goes without a pager (and whose width and colours the
            pager's console takes).
        enabled: False never starts a pager (``--no-pager``).

    Yields:
        The console to print to. When the reader quits the pager early, printing to it
        raises ``BrokenPipeError``, which ends the ``with`` block quietly.
    """
    command = pager_command() if enabled and console.is_terminal else None
    if command is None:
        yield console
        return
    env = dict(os.environ)
    env.setdefault("LESS", LESS_FLAGS)
    try:
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8", errors="replace"
        )
    except OSError:
        yield console
        return
    assert proc.stdin is not None
    out = _PagerConsole(
        file=proc.stdin,
        force_terminal=True,
        color_system=console.color_system,
        no_color=console.no_color,
        width=console.width,
        highlight=False,
    )
    try:
        yield out
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the reader quit the pager, or pressed Ctrl-C: stop writing
    finally:
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
        while True:
            try:
                proc.wait()
                break
            except KeyboardInterrupt:  # the pager owns the terminal until it exits
                pass
