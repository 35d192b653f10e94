"""Development tasks. `nox` runs the default sessions; `nox -s NAME` one of them.

Default: lint, typecheck, docs, tests, tests-lowest. On demand: fuzz (long hypothesis run),
bench.
"""

from __future__ import annotations

import glob
import re
import sys
from pathlib import Path

import nox
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # nox itself depends on tomli there
    import tomli as tomllib

# tests last, so that its summary closes the output
nox.options.sessions = ["lint", "typecheck", "docs", "tests-lowest", "tests"]
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


def lowest_pins(extras: tuple[str, ...] = ("test",)) -> list[str]:
    """``name==X`` for every direct requirement of klantreis (and the extras) with ``>=X``.

    The ranges in pyproject.toml are a promise; pinning each direct dependency to the
    lowest version its range allows (as ``uv --resolution lowest-direct`` would) tests it.
    """
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    optional = project["optional-dependencies"]
    pending, seen, pins = list(project["dependencies"]), set(), []
    pending += [r for extra in extras for r in optional[extra]]
    while pending:
        req = Requirement(pending.pop(0))
        if req.marker is not None and not req.marker.evaluate():
            continue
        if req.name == project["name"]:  # klantreis[testing]: follow the extra
            pending += [r for extra in req.extras for r in optional[extra]]
            continue
        lowest = [spec.version for spec in req.specifier if spec.operator == ">="]
        if lowest and req.name not in seen:
            seen.add(req.name)
            pins.append(f"{req.name}=={lowest[0]}")
    return pins


@nox.session(name="tests-lowest")
def tests_lowest(session: nox.Session) -> None:
    """The core suite against the lowest version of each dependency that pyproject allows."""
    constraints = Path(session.create_tmp()) / "lowest.txt"
    constraints.write_text("\n".join(lowest_pins()) + "\n", encoding="utf-8")
    session.install("-c", str(constraints), "-e", ".[test]")
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run("pytest", "-q", "-p", "no:cacheprovider", *session.posargs)


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
    """ruff: lint and formatting; import-linter: the layers in pyproject.toml hold."""
    session.install("ruff>=0.6", "import-linter>=2.1")
    session.run("ruff", "check", "src", "tests", "noxfile.py", "plugins")
    session.run("ruff", "format", "--check", "src", "tests", "noxfile.py", "plugins")
    # import-linter reads the source; it needs to find klantreis, not its dependencies.
    session.run("lint-imports", env={"PYTHONPATH": "src"})


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src/, and on tests/typing (what the model's constructors accept)."""
    session.install("-e", ".[typecheck]")
    session.run("mypy", "src/klantreis", "tests/typing")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site strictly (warnings are errors) into site/, and check
    that no docstring's Sphinx role (:class:`X`) reached a page unrendered."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict")
    role = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`")
    raw = [str(p) for p in Path("site").rglob("*.html") if role.search(p.read_text("utf-8"))]
    if raw:
        session.error(f"raw Sphinx roles in {', '.join(raw)}")


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmarks against orjson, pydantic, msgspec, PyYAML, DeepDiff and jsonpatch.

    Not a default session. ``nox -s bench -- --quick`` for 1,000 and 10,000 steps only;
    see benchmarks/README.md.
    """
    session.install("-e", ".", "orjson", "pydantic", "msgspec", "deepdiff", "jsonpatch", "pyyaml")
    session.run("python", "benchmarks/run.py", *session.posargs)
