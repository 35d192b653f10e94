"""``klantreis plugin new NAME``: a new exporter plugin package, ready to test.

The package is written from templates shipped inside klantreis (the
``plugin_template`` folder beside this module), so it works from an installed
wheel::

    klantreis-ics/
      pyproject.toml             the entry point in the ``klantreis`` group
      README.md
      src/klantreis_ics/__init__.py   options, render, the hook
      src/klantreis_ics/py.typed
      tests/conftest.py          a quick hypothesis profile
      tests/test_klantreis_ics.py     the conformance kit and an output test

*NAME* is the distribution's name (what ``pip install`` takes); the format's name
and the package's name are derived from it (:class:`PluginNames`).
"""

from __future__ import annotations

import argparse
import keyword
import os
import re
import shutil
import string
import sys
import tempfile
from importlib import resources
from pathlib import Path

from attrs import frozen

from klantreis._files import atomic_write, umask
from klantreis._version import __version__
from klantreis.errors import PluginError

__all__ = ["PluginNames", "new_plugin"]

_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")
_FORMAT = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")
_PREFIX = "klantreis-"

_FILES: tuple[tuple[str, str], ...] = (
    ("pyproject.toml.tmpl", "pyproject.toml"),
    ("README.md.tmpl", "README.md"),
    ("__init__.py.tmpl", "src/${package}/__init__.py"),
    ("py.typed.tmpl", "src/${package}/py.typed"),
    ("conftest.py.tmpl", "tests/conftest.py"),
    ("test_plugin.py.tmpl", "tests/test_${package}.py"),
)
"""Each template and the path (itself a template) it is written to."""


@frozen
class PluginNames:
    """The names of a new plugin, all derived from its distribution name.

    >>> PluginNames.from_name("Klantreis_ICS")
    PluginNames(distribution='klantreis-ics', format='ics', package='klantreis_ics')
    """

    distribution: str
    """The normalised distribution name: lower case, ``-`` between words."""
    format: str
    """The exporter's name (``--to FORMAT``): the distribution's without ``klantreis-``."""
    package: str
    """The import package: the distribution's name with ``_`` for ``-``."""

    @classmethod
    def from_name(cls, name: str) -> PluginNames:
        """Derive the names from *name*, or raise :class:`klantreis.PluginError` saying why not."""
        how = (
            "the format is the name without 'klantreis-', the package the name with '_' "
            "for '-', e.g. klantreis-ics gives format ics, package klantreis_ics"
        )
        if not _DISTRIBUTION.fullmatch(name):
            raise PluginError(
                f"{name!r} is not a distribution name: use letters, digits, '-', '_' and '.', "
                "starting and ending with a letter or digit (e.g. klantreis-ics)"
            )
        distribution = re.sub(r"[-_.]+", "-", name).lower()
        fmt = distribution.removeprefix(_PREFIX) if distribution != "klantreis" else ""
        package = distribution.replace("-", "_")
        if not fmt:
            raise PluginError(f"{name!r} names klantreis itself; call the plugin klantreis-FORMAT")
        if not _FORMAT.fullmatch(fmt):
            raise PluginError(f"{name!r}: the format name {fmt!r} is too long (at most 40); {how}")
        if not package.isidentifier() or keyword.iskeyword(package):
            raise PluginError(
                f"{name!r}: {package!r} cannot be a Python package name; "
                f"call it {_PREFIX}{distribution} ({how})"
            )
        return cls(distribution, fmt, package)

    def substitutions(self) -> dict[str, str]:
        """What the templates' ``${...}`` placeholders stand for."""
        words = [w for w in re.split(r"[^a-z0-9]+", self.format) if w]
        camel = "".join(w.capitalize() for w in words)
        snake = "_".join(words)
        if camel[:1].isdigit():
            camel, snake = "Format" + camel, "format_" + snake
        return {
            "distribution": self.distribution,
            "format": self.format,
            "package": self.package,
            "options_class": f"{camel}Options",
            "render": f"render_{snake}",
            "constant": snake.upper(),
            "klantreis_version": __version__,
        }


def _render_files(names: PluginNames) -> dict[str, bytes]:
    values = names.substitutions()
    folder = resources.files("klantreis").joinpath("plugin_template")
    files: dict[str, bytes] = {}
    for template, target in _FILES:
        text = folder.joinpath(template).read_text(encoding="utf-8")
        path = string.Template(target).substitute(values)
        files[path] = string.Template(text).substitute(values).encode("utf-8")
    return files


def new_plugin(
    name: str, directory: str | os.PathLike[str] | None = None, *, force: bool = False
) -> list[Path]:
    """Write a new plugin package called *name* into *directory* (default: ``./NAME``).

    Returns the paths written. Refuses (:class:`klantreis.PluginError`) a *directory*
    that holds anything unless *force*; with *force* the package's files replace
    those of the same name, each atomically, and other files stay. A new folder
    appears whole or not at all.
    """
    names = PluginNames.from_name(name)
    _refuse_builtin(names)
    target = Path(directory) if directory is not None else Path(names.distribution)
    files = _render_files(names)
    if target.exists() and not target.is_dir():
        raise PluginError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        if not force:
            raise PluginError(
                f"{target}: the folder is not empty; use --force to write the package's "
                "files into it (files of the same name are replaced)"
            )
        written = []
        for relative, data in files.items():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)
            written.append(path)
        return written
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name[:32]}.", dir=parent))
        staging.chmod(0o777 & ~umask())  # mkdtemp's folder is private
    except OSError as exc:
        raise PluginError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        for relative, data in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.is_dir():
            target.rmdir()  # empty: checked above
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / relative for relative in files]


def _refuse_builtin(names: PluginNames) -> None:
    from klantreis.plugins import get_registry

    entry = get_registry(strict=False).exporters.get(names.format)
    if entry is not None and entry.plugin.builtin:
        raise PluginError(
            f"{names.format!r} is a built-in format, and a plugin cannot take its name; "
            f"choose another, e.g. {names.distribution}-plus"
        )


# --- the command line ----------------------------------------------------------------


def plugin_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``klantreis plugin``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = sub.add_parser(
        "new",
        help="write a new exporter plugin package, ready to install and test",
        description="Write a new exporter plugin package: pyproject.toml with the entry "
        "point, the exporter, py.typed, tests that run the conformance kit, a README. "
        "NAME is the distribution's name, e.g. klantreis-ics; the format's name is NAME "
        "without 'klantreis-' (ics), the package's NAME with '_' for '-' (klantreis_ics).",
    )
    new.add_argument("name", metavar="NAME", help="the distribution's name, e.g. klantreis-ics")
    new.add_argument("-o", "--output", metavar="DIR", help="the folder to write (default: ./NAME)")
    new.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not empty (files of the same name are replaced)",
    )


def run_plugin(args: argparse.Namespace) -> int:
    """Work on exporter plugins: ``klantreis plugin new NAME`` starts one."""
    names = PluginNames.from_name(args.name)
    written = new_plugin(args.name, args.output, force=args.force)
    folder = Path(args.output) if args.output else Path(names.distribution)
    print(
        f"{names.distribution}: format {names.format!r}, package {names.package} "
        "(the format is the name without 'klantreis-', the package the name with '_' for '-')"
    )
    for path in written:
        print(f"  wrote {path.as_posix()}")
    shown = folder.as_posix()
    if not (folder.is_absolute() or shown.startswith(".")):
        shown = f"./{shown}"  # pip reads a bare name as a package to download
    print("Next:")
    print(f"  pip install -e '{shown}[test]'")
    print(f"  pytest {shown}")
    print(f"  klantreis export JOURNEY.yaml --to {names.format}")
    sys.stdout.flush()
    return 0
