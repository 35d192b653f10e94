"""``klantreis plugin new``: names, safe writing, and a package that works end to end."""

from __future__ import annotations

import keyword
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantreis.cli import main
from klantreis.errors import PluginError
from klantreis.scaffold import PluginNames, new_plugin

ROOT = Path(__file__).resolve().parent.parent

# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("klantreis-ics", ("klantreis-ics", "ics", "klantreis_ics")),
        ("Klantreis_ICS", ("klantreis-ics", "ics", "klantreis_ics")),
        ("klantreis.zorg..kaart", ("klantreis-zorg-kaart", "zorg-kaart", "klantreis_zorg_kaart")),
        ("ics-export", ("ics-export", "ics-export", "ics_export")),
    ],
)
def test_the_names_are_derived_from_the_distribution_name(name, expected):
    names = PluginNames.from_name(name)
    assert (names.distribution, names.format, names.package) == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a b", "'a b' is not a distribution name"),
        ("-ics", "'-ics' is not a distribution name"),
        ("klantreis", "names klantreis itself"),
        ("3d", "'3d' cannot be a Python package name; call it klantreis-3d"),
        ("IN", "'in' cannot be a Python package name; call it klantreis-in"),
        ("klantreis-" + "x" * 41, "is too long (at most 40)"),
    ],
)
def test_a_name_that_cannot_be_a_plugin_is_refused(name, message):
    with pytest.raises(PluginError, match=message.replace("(", r"\(").replace(")", r"\)")):
        PluginNames.from_name(name)


def _python_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@given(
    st.from_regex(r"[A-Za-z][A-Za-z0-9._-]{0,30}[A-Za-z0-9]", fullmatch=True).filter(
        lambda n: n.lower() != "klantreis" and not keyword.iskeyword(_python_name(n))
    )
)
def test_derived_names_are_valid_and_stable(name):
    names = PluginNames.from_name(name)
    assert names.package.isidentifier()
    assert PluginNames.from_name(names.distribution) == names
    values = names.substitutions()
    for key in ("options_class", "render", "constant"):
        assert values[key].isidentifier(), values


def test_a_built_in_format_name_is_refused(tmp_path):
    with pytest.raises(PluginError, match="'markdown' is a built-in format"):
        new_plugin("klantreis-markdown", tmp_path / "md")
    assert not (tmp_path / "md").exists()


# --- writing ----------------------------------------------------------------------------


def test_it_writes_the_package_into_a_new_folder(tmp_path, capsys):
    assert main(["plugin", "new", "klantreis-ics", "-o", str(tmp_path / "ics")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("klantreis-ics: format 'ics', package klantreis_ics (the format")
    assert f"pip install -e '{(tmp_path / 'ics').as_posix()}[test]'" in out
    files = sorted(p.relative_to(tmp_path / "ics").as_posix() for p in tmp_path.rglob("*.*"))
    assert files == [
        "README.md",
        "pyproject.toml",
        "src/klantreis_ics/__init__.py",
        "src/klantreis_ics/py.typed",
        "tests/conftest.py",
        "tests/test_klantreis_ics.py",
    ]
    pyproject = (tmp_path / "ics" / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.klantreis]\n"ics" = "klantreis_ics"' in pyproject
    assert [p.name for p in tmp_path.iterdir()] == ["ics"]  # no staging folder left
    assert oct((tmp_path / "ics").stat().st_mode & 0o077) != "0o0"  # not mkdtemp's 0700


def test_the_default_folder_is_the_distribution_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["plugin", "new", "Klantreis_ICS"]) == 0
    assert (tmp_path / "klantreis-ics" / "src" / "klantreis_ics" / "__init__.py").is_file()
    assert "pip install -e './klantreis-ics[test]'" in capsys.readouterr().out


def test_a_folder_that_holds_something_is_refused_unless_forced(tmp_path, capsys):
    folder = tmp_path / "ics"
    folder.mkdir()
    (folder / "README.md").write_text("my notes\n", encoding="utf-8")
    (folder / "keep.txt").write_text("mine\n", encoding="utf-8")
    assert main(["plugin", "new", "klantreis-ics", "-o", str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"klantreis: {folder}: the folder is not empty; use --force to write the package's "
        "files into it (files of the same name are replaced)\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "keep.txt"]
    assert (folder / "README.md").read_text(encoding="utf-8") == "my notes\n"

    assert main(["plugin", "new", "klantreis-ics", "-o", str(folder), "--force"]) == 0
    assert (folder / "README.md").read_text(encoding="utf-8").startswith("# klantreis-ics")
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine\n"


def test_an_empty_folder_is_used(tmp_path):
    folder = tmp_path / "ics"
    folder.mkdir()
    written = new_plugin("klantreis-ics", folder)
    assert folder / "pyproject.toml" in written
    assert all(path.is_file() for path in written)


def test_a_file_in_the_way_is_refused(tmp_path):
    (tmp_path / "ics").write_text("x", encoding="utf-8")
    with pytest.raises(PluginError, match="exists and is not a folder"):
        new_plugin("klantreis-ics", tmp_path / "ics")


# --- end to end: install, list, export, its own tests, mypy --strict --------------------------


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def test_the_new_package_installs_lists_exports_and_passes_its_tests(tmp_path):
    package = tmp_path / "klantreis-ics"
    new_plugin("klantreis-ics", package)
    # Installed into a folder of its own (a wheel built offline by hatchling, from the
    # test extra), put on the path of the processes below: the test venv stays as it is.
    site = tmp_path / "site"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KLANTREIS_")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    install = ["-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation"]
    _run([*install, "--target", str(site), str(package)], env, tmp_path)
    env["PYTHONPATH"] = str(site)

    listing = _run(["-m", "klantreis", "formats"], env, tmp_path).stdout
    assert any(
        line.split()[:4] == ["ics", ".txt", "text", "klantreis-ics"]
        for line in listing.splitlines()
    ), listing

    journey = ROOT / "examples" / "debt-counselling-en.yaml"
    out = _run(
        ["-m", "klantreis", "export", str(journey), "--to", "ics", "-O", "bullet=*"], env, tmp_path
    )
    assert out.stdout.splitlines()[0] == "Debt counselling at the municipality"
    assert "  * " in out.stdout

    tests = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider"], env, package)
    assert "3 passed" in tests.stdout, tests.stdout

    typed = _run(["-m", "mypy", "--cache-dir", str(tmp_path / "mypy")], env, package)
    assert typed.stdout.startswith("Success: no issues found in 3 source files"), typed.stdout
