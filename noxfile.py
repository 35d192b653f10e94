"""Development tasks. `nox` runs the default sessions; `nox -s NAME` one of them.

Default: lint, typecheck, docs, tests. On demand: fuzz (long hypothesis run), bench.
"""

from __future__ import annotations

import glob

import nox

# tests last, so that its summary closes the output
nox.options.sessions = ["lint", "typecheck", "docs", "tests"]
nox.options.reuse_existing_virtualenvs = True

PLUGINS = sorted(p.rsplit("/", 1)[0] for p in glob.glob("plugins/*/pyproject.toml"))
"""The example plugin packages (and the template): installed and tested with the core."""


def _install_with_plugins(session: nox.Session) -> None:
    session.install("-e", ".[test]", *(arg for p in PLUGINS for arg in ("-e", p)))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suites: each plugin package's, then klantreis's own (and its docs')."""
    _install_with_plugins(session)
    for plugin in PLUGINS:
        session.run("pytest", "-q", plugin)
    session.run("pytest", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """The property tests with the long hypothesis profile (1000 examples each)."""
    _install_with_plugins(session)
    session.run(
        "pytest",
        "-k",
        "propert or round_trip or hostile",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "long"},
    )


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", "src", "tests", "noxfile.py", "plugins")
    session.run("ruff", "format", "--check", "src", "tests", "noxfile.py", "plugins")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src/."""
    session.install("-e", ".[testing]", "mypy>=1.10", "types-PyYAML")
    session.run("mypy", "src/klantreis")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site strictly (warnings are errors) into site/."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict")


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmarks against orjson, pydantic, msgspec, PyYAML, DeepDiff and jsonpatch.

    Not a default session. ``nox -s bench -- --quick`` for 1,000 and 10,000 steps only;
    see benchmarks/README.md.
    """
    session.install("-e", ".", "orjson", "pydantic", "msgspec", "deepdiff", "jsonpatch", "pyyaml")
    session.run("python", "benchmarks/run.py", *session.posargs)
