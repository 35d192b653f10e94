"""The API reference (docs/api.md) is the whole public API, by public import paths.

Every name in ``__all__`` of the package and of its public subpackages has an entry
(``::: klantreis.X``), every entry names something that exists, and the hook
specifications are rendered from their docstrings, not described by hand. The docs
build (``nox -s docs``, ``mkdocs build --strict``) renders the entries; these tests
need no mkdocs.
"""

from __future__ import annotations

import importlib
import inspect
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

import klantreis
from klantreis import hookspecs

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api.md"

PUBLIC_MODULES = (
    "klantreis",
    "klantreis.aggregate",
    "klantreis.compare",
    "klantreis.exporters",
    "klantreis.exporting",
    "klantreis.hookspecs",
    "klantreis.manage",
    "klantreis.workshop",
    "klantreis.testing.strategies",
    "klantreis.testing.conformance",
    "klantreis.scaffold",
)
"""The modules whose ``__all__`` is public API. Other modules with an ``__all__``
(``klantreis.review``, ``klantreis.plugins`` ...) are the implementation: their
public names are re-exported from ``klantreis`` where users need them."""

_ENTRY = re.compile(r"^::: ([\w.]+)\s*$", re.MULTILINE)


def _entries() -> list[str]:
    return _ENTRY.findall(API.read_text(encoding="utf-8"))


def _resolve(path: str) -> Any:
    """The object at a dotted *path*: the longest importable module, then attributes."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise LookupError(path)


def _shared(obj: Any) -> bool:
    """Whether two public paths holding *obj* may be two different things (a constant)."""
    return isinstance(obj, (str, int, float, bool, tuple, frozenset))


def test_every_entry_names_something_public_that_exists() -> None:
    entries = _entries()
    assert len(entries) == len(set(entries)), "an entry is listed twice"
    for path in entries:
        assert path.startswith("klantreis"), path
        assert not any(
            part.startswith("_") for part in path.split(".")[1:] if part != "__version__"
        ), f"{path}: the reference uses public import paths"
        _resolve(path)


def test_every_public_name_is_in_the_reference() -> None:
    entries = set(_entries())
    documented = {id(_resolve(p)) for p in entries}
    missing = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if f"{module_name}.{name}" in entries:
                continue
            obj = getattr(module, name)
            if not _shared(obj) and id(obj) in documented:
                continue  # the same object, documented under another public path
            missing.append(f"{module_name}.{name}")
    assert not missing, f"not in docs/api.md: {', '.join(missing)}"


def test_the_reference_counts_every_top_level_name() -> None:
    entries = set(_entries())
    assert {f"klantreis.{name}" for name in klantreis.__all__} <= entries


def test_every_hook_specification_is_rendered_from_its_docstring() -> None:
    specs = [
        name
        for name, func in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(func, f"{hookspecs.PROJECT_NAME}_spec")
    ]
    assert specs == ["klantreis_register_exporters"]
    entries = _entries()
    for name in specs:
        assert f"klantreis.hookspecs.{name}" in entries
        assert inspect.getdoc(getattr(hookspecs, name))


def test_the_docs_build_loads_the_extension_that_renders_sphinx_roles() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "tools/griffe_sphinx_roles.py:SphinxRoles" in config
    assert (ROOT / "tools" / "griffe_sphinx_roles.py").is_file()


def test_diff_and_patch_errors_are_exported() -> None:
    from klantreis.compare.errors import DiffError, PatchError

    assert klantreis.DiffError is DiffError
    assert klantreis.PatchError is PatchError
    assert issubclass(PatchError, klantreis.KlantreisError)


def test_the_old_name_of_render_diff_still_works_with_a_warning() -> None:
    from klantreis import compare

    with pytest.warns(DeprecationWarning, match="render_diff"):
        old = compare.render
    assert old is compare.render_diff
    assert "render" not in compare.__all__
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from klantreis.compare import render_diff  # the new name warns about nothing

    assert render_diff is old
