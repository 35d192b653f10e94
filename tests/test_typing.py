"""The constructors' annotations tell mypy what each field accepts (tests/typing/)."""

from __future__ import annotations

from pathlib import Path

import pytest

mypy_api = pytest.importorskip(
    "mypy.api",
    reason="needs mypy (pip install -e '.[typecheck]'); nox -s typecheck checks tests/typing too",
)

ROOT = Path(__file__).parent.parent


def test_the_constructors_accept_what_converts_and_mypy_refuses_the_rest():
    out, err, status = mypy_api.run(
        ["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "tests" / "typing")]
    )
    assert status == 0, out + err


def test_what_mypy_accepts_also_runs():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "constructors", ROOT / "tests" / "typing" / "constructors.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.accepted()  # converts, raises nothing
    with pytest.raises(TypeError, match=r"Journey\.phases\[0\]: expected a Phase"):
        module.refused()  # its first call already fails at run time too
