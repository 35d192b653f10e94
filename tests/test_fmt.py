"""``klantreis fmt``: canonical rewriting, ``--check`` for CI, and the pre-commit hooks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from klantreis.cli import main

ROOT = Path(__file__).resolve().parent.parent

LOOSE = """\
# Intake bij het wijkteam
# bijgehouden door Anna

title:   Intake
phases: [{name: Aanmelden}]
steps:
  - {title: Belt het wijkteam, phase: aanmelden, lane: client}
"""


def test_check_lists_what_would_change_and_changes_nothing(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text(LOOSE, encoding="utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert capsys.readouterr().out == f"{path} would be reformatted\n"
    assert path.read_text(encoding="utf-8") == LOOSE


def test_fmt_rewrites_canonically_and_keeps_the_opening_comments(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text(LOOSE, encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    assert capsys.readouterr().err == f"reformatted {path}\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# Intake bij het wijkteam\n# bijgehouden door Anna\n\nformat_version: 1\n"
    )
    assert "- title: Belt het wijkteam\n  id: belt-het-wijkteam\n" in text
    assert main(["fmt", "--check", str(path)]) == 0  # a fixed point
    assert capsys.readouterr().out == ""


def test_json_is_formatted_as_json(tmp_path):
    path = tmp_path / "reis.json"
    path.write_text(json.dumps({"title": "T", "phases": [{"name": "A"}]}), encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format_version": 1,\n  "title": "T",')
    assert main(["fmt", "--check", str(path)]) == 0


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_a_new_file_is_already_canonical(tmp_path, flag):
    path = tmp_path / ("reis.json" if flag else "reis.yaml")
    assert main(["new", "-o", str(path), *flag]) == 0
    assert main(["fmt", "--check", str(path)]) == 0  # scales, lanes and the header stay


def test_unreadable_files_exit_2_and_others_are_still_done(tmp_path, capsys):
    broken = tmp_path / "kapot.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    invalid = tmp_path / "ongeldig.yaml"
    invalid.write_text("title: x\nphases: 3\n", encoding="utf-8")
    good = tmp_path / "reis.yaml"
    good.write_text(LOOSE, encoding="utf-8")
    missing = tmp_path / "weg.yaml"
    before = broken.read_bytes(), invalid.read_bytes()
    assert main(["fmt", str(broken), str(invalid), str(missing), str(good)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:" in err
    assert f"{invalid}:2" in err
    assert f"{missing}: cannot read: No such file or directory" in err
    assert (broken.read_bytes(), invalid.read_bytes()) == before
    assert good.read_text(encoding="utf-8") != LOOSE  # the good one was formatted


def test_check_and_unreadable_gives_2(tmp_path):
    good = tmp_path / "reis.yaml"
    good.write_text(LOOSE, encoding="utf-8")
    assert main(["fmt", "--check", str(good), str(tmp_path / "weg.yaml")]) == 2


def test_the_hooks_file_names_both_hooks():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"klantreis-validate", "klantreis-fmt"}
    assert by_id["klantreis-fmt"]["entry"] == "klantreis fmt"
    assert all(hook["language"] == "python" for hook in hooks)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _hook_repository(where: Path) -> Path:
    """A committed copy of what pre-commit installs: the package and its hooks file."""
    where.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, where / name)
    shutil.copytree(
        ROOT / "src", where / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    _git(where, "init", "-q")
    _git(where, "add", ".")
    _git(where, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "hooks")
    return where


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_fmt_hook(tmp_path):
    """The real pre-commit installs klantreis in its own venv and runs ``klantreis-fmt``."""
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    hooks = _hook_repository(tmp_path / "klantreis")
    repo = tmp_path / "reizen"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "reis.yaml").write_text(LOOSE, encoding="utf-8")
    _git(repo, "add", "reis.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "klantreis-fmt"]
    result = subprocess.run(
        [*command, "--files", "reis.yaml"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1, result.stdout + result.stderr  # it changed the file
    assert "klantreis fmt" in result.stdout
    assert "Failed" in result.stdout
    assert "files were modified by this hook" in result.stdout
    text = (repo / "reis.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Intake bij het wijkteam\n")
    assert "format_version: 1\n" in text
    _git(repo, "add", "reis.yaml")
    again = subprocess.run(
        [*command, "--files", "reis.yaml"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


SHIPPED = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "examples").glob("*/*.yaml")])


def test_there_are_shipped_examples():
    assert len(SHIPPED) >= 7


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_example_is_canonical(path, capsys):
    """What the project ships is what `klantreis fmt` writes: the CI check passes on it."""
    assert main(["fmt", "--check", str(path)]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out == ""
