"""The layers hold: no import cycle, no private name imported from another module.

Read from the source with ``ast``, so every import counts: at the top of a module,
inside a function, or under ``if TYPE_CHECKING:``. The layer picture itself is the
import-linter contract in ``pyproject.toml`` (``nox -s lint``); the core's part of it
is checked here too, so that plain ``pytest`` catches a core module reaching up.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

CORE = (
    "klantreis.errors",
    "klantreis.words",
    "klantreis.typeinfo",
    "klantreis._files",
    "klantreis._version",
    "klantreis.model",
    "klantreis.templates",
    "klantreis.serialize",
    "klantreis.rules",
    "klantreis.signoff",
    "klantreis.validation",
    "klantreis.schema",
    "klantreis.compare",
    "klantreis.aggregate",
)
"""The core: it never imports an edge (below), not even inside a function."""

EDGES = (
    "klantreis.exporters",
    "klantreis.exporting",
    "klantreis.review",
    "klantreis.insights",
    "klantreis.workshop",
    "klantreis.hookspecs",
    "klantreis.plugins",
    "klantreis.cli",
    "klantreis.testing",
    "klantreis.scaffold",
    "klantreis.manage",
    "klantreis.capture",
)
COMMAND_LINE = ("klantreis.compare.cli",)
"""Command modules that live in a core package but belong to the command line."""


def modules(root: Path) -> dict[str, Path]:
    """Every module under *root* (a ``src`` folder) by dotted name; packages by their name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def imports(name: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, str, int]]:
    """``(imported module, imported name or "", line)`` for each import of a known module."""
    top = name.split(".")[0]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _within(alias.name, top):
                    yield _owner(alias.name, known), "", node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            if not _within(base, top):
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in known:  # a submodule: `from klantreis import model`
                    yield full, "", node.lineno
                else:
                    yield _owner(base, known), alias.name, node.lineno


def _owner(dotted: str, known: dict[str, Path]) -> str:
    while dotted not in known and "." in dotted:
        dotted = dotted.rpartition(".")[0]
    return dotted


def graph(root: Path) -> dict[str, set[str]]:
    """Who imports whom, among the modules under *root*."""
    known = modules(root)
    return {
        name: {target for target, _, _ in imports(name, path, known) if target != name}
        for name, path in known.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or not (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
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
    return found


def private_imports(root: Path) -> list[str]:
    """Each ``from x import _name`` of another module's private name, as ``where: what``.

    A private *module* may be imported from inside the package that holds it
    (``klantreis.compare._items`` by ``klantreis.compare.compute``), not from outside.
    """
    known = modules(root)
    found = []
    for name, path in known.items():
        for target, imported, line in imports(name, path, known):
            if target == name:
                continue
            where = f"{path.relative_to(root)}:{line}"
            if imported.startswith("_") and not imported.startswith("__"):
                found.append(f"{where}: {imported} from {target}")
            parts = target.split(".")
            for i, part in enumerate(parts):
                if part.startswith("_") and not part.startswith("__"):
                    holder = ".".join(parts[:i])
                    if not _within(name, holder):
                        found.append(f"{where}: the private module {target}")
                    break
    return found


# --- the checks, on klantreis itself ----------------------------------------------------


def test_no_import_cycles():
    assert cycles(graph(SRC)) == []


def test_no_private_name_is_imported_from_another_module():
    assert private_imports(SRC) == []


def test_the_core_never_imports_an_edge_not_even_lazily():
    known = modules(SRC)
    reaching_up = [
        f"{name} imports {target} (line {line})"
        for name, path in known.items()
        if any(_within(name, c) for c in CORE) and not any(_within(name, c) for c in COMMAND_LINE)
        for target, _, line in imports(name, path, known)
        if any(_within(target, e) for e in EDGES)
    ]
    assert reaching_up == []


def test_every_core_and_edge_module_named_here_exists():
    known = modules(SRC)
    for name in (*CORE, *EDGES, *COMMAND_LINE):
        assert name in known, name


def test_importing_workshop_files_leaves_the_journey_converter_alone():
    """A module that needs more hooks builds its own converter from the public factory."""
    import klantreis.serialize as serialize
    from klantreis.workshop.files import loads_workshop
    from klantreis.workshop.model import ClockTime

    value, problems = serialize.structure_as("9:30", ClockTime)
    assert value is None  # the journeys' converter knows no times of day
    assert [p.code for p in problems] == ["wrong-type"]
    assert str(loads_workshop("title: x\nstart: 9:30\nend: 10:00\n", check=False).start) == "9:30"
    converter = serialize.make_converter()
    assert converter is not serialize.make_converter()


# --- the checker finds what it should ----------------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "files",
    [
        {"__init__.py": "", "a.py": "from pkg.b import x\n", "b.py": "import pkg.a\nx = 1\n"},
        {  # hidden in a function, and relative
            "__init__.py": "",
            "a.py": "def f():\n    from . import b\n",
            "b.py": "from .c import y\n",
            "c.py": "import typing\nif typing.TYPE_CHECKING:\n    from pkg import a\ny = 1\n",
        },
    ],
)
def test_a_cycle_is_found_however_it_is_written(tmp_path, files):
    (group,) = cycles(graph(_package(tmp_path, files)))
    assert group[:2] == ["pkg.a", "pkg.b"]


def test_a_private_name_from_another_module_is_found(tmp_path):
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "_util.py": "def helper(): ...\n",
            "a.py": "_x = 1\nfrom pkg.a import _x as again\n",  # its own name: fine
            "b.py": "from pkg.a import _x\nfrom pkg._util import helper\n",
            "sub/__init__.py": "",
            "sub/_inner.py": "z = 1\n",
            "sub/c.py": "from pkg.sub._inner import z\n",  # inside its package: fine
            "d.py": "from pkg.sub._inner import z\nfrom pkg.sub import _inner\n",
        },
    )
    assert private_imports(root) == [
        "pkg/b.py:1: _x from pkg.a",
        "pkg/d.py:1: the private module pkg.sub._inner",
        "pkg/d.py:2: the private module pkg.sub._inner",
    ]


def _picture(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index("```\ncommand line")
    return text[start : text.index("```", start + 3)]


def test_the_layer_picture_is_the_same_in_the_readme_and_the_plugin_guide():
    root = SRC.parent
    readme = _picture(root / "README.md")
    assert readme == _picture(root / "docs" / "plugins.md")
    for module in ("exporting", "plugins", "hookspecs", "serialize/", "words"):
        assert module in readme
