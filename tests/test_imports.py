"""The package's import graph: every module imports alone, no module imports a command back,
and no two modules import each other, directly or around a circle (deferred imports too)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extractor"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_modules(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports when it runs, at the top or in a function
    (imports under ``if TYPE_CHECKING`` never run)."""
    is_package = path.name == "__init__.py"
    here = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                # a submodule, else a name the module ``base`` defines
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imported_modules(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            connect(node)
    return found


def command_modules() -> set[str]:
    from extractor.cli import _util

    typers = [_util.app, *(group.typer_instance for group in _util.app.registered_groups)]
    return {
        command.callback.__module__
        for typer_app in typers
        for command in typer_app.registered_commands
    }


@pytest.mark.parametrize(
    "graph,expected",
    [
        ({"a": {"b"}, "b": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_cycles_finds_circles_and_only_circles(graph, expected):
    assert cycles(graph) == expected


@pytest.mark.parametrize(
    "source,expected",
    [
        ("from . import _util", {"extractor.cli._util"}),
        ("def f():\n    from .render import clean", {"extractor.cli.render"}),
        ("from ..io.corpus import Document", {"extractor.io.corpus"}),
        ("if TYPE_CHECKING:\n    from ..batch import Result", set()),
        ("import extractor.schema", {"extractor.schema"}),
        ("from . import main", {"extractor.cli"}),
        ("from .. import schema", {"extractor.schema"}),
    ],
)
def test_imports_are_read_with_deferred_and_relative_ones(tmp_path, source, expected):
    path = tmp_path / "extract.py"
    path.write_text(source, encoding="utf-8")
    assert imported_modules("extractor.cli.extract", path) == expected


def test_no_import_circle_in_the_package():
    assert cycles(GRAPH) == []


def test_only_the_cli_package_imports_command_modules():
    commands = command_modules()
    assert {"extractor.cli.extract", "extractor.cli.review", "extractor.cli.gold"} <= commands
    importers = {name for name, imports in GRAPH.items() if imports & commands}
    assert importers == {"extractor.cli"}


# Imports every module of the package, each in an interpreter that holds no extractor module
# yet, and records which module imported each command module.
_SCRIPT = """
import importlib, json, sys

names = json.loads(sys.argv[1])
commands = set(json.loads(sys.argv[2]))
importers = {}


class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in commands:
            frame = sys._getframe(1)
            while frame and not frame.f_globals.get("__name__", "").startswith("extractor"):
                frame = frame.f_back
            importers.setdefault(name, set()).add(frame.f_globals["__name__"] if frame else None)
        return None


sys.meta_path.insert(0, Watch())
failed = {}
for name in names:
    for loaded in [m for m in sys.modules if m == "extractor" or m.startswith("extractor.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as err:
        failed[name] = repr(err)
print(json.dumps({"failed": failed, "importers": {k: sorted(v) for k, v in importers.items()}}))
"""


def test_every_module_imports_alone_and_no_command_module_is_imported_back():
    commands = sorted(command_modules())
    names = sorted(set(MODULES) - {"extractor.__main__"})  # that one runs the command line
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(names), json.dumps(commands)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["failed"] == {}
    assert set(report["importers"]) == set(commands)
    for command, importers in report["importers"].items():
        assert importers == ["extractor.cli"], command
