"""Every command that writes a file refuses one it did not write, unless --force."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from klantreis.cli import main

ROOT = Path(__file__).resolve().parent.parent
OLD = str(ROOT / "examples" / "depressie-ggz-2026-voorjaar.yaml")
NEW = str(ROOT / "examples" / "depressie-ggz-2026-najaar.yaml")
JOURNEY = "title: Mijn reis\nphases: [{name: A}]\n"

WRITERS = {
    "diff": ["diff", OLD, NEW, "-o"],
    "schema": ["schema", "-o"],
    "workshop schema": ["workshop", "schema", "-o"],
}


@pytest.mark.parametrize("argv", WRITERS.values(), ids=WRITERS.keys())
def test_an_existing_file_is_refused_without_force(tmp_path, capsys, argv):
    target = tmp_path / "reis.yaml"  # a journey file someone typed in
    target.write_text(JOURNEY, encoding="utf-8")
    assert main([*argv, str(target)]) == 2
    assert f"{target}: the file exists; use --force to overwrite it" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == JOURNEY
    main([*argv, str(target), "--force"])
    assert target.read_text(encoding="utf-8") != JOURNEY


def test_schema_writes_a_new_file(tmp_path):
    target = tmp_path / "journey.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"]


def test_a_read_only_file_is_refused_even_with_force(tmp_path, capsys):
    target = tmp_path / "schema.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o444)
    assert main(["schema", "-o", str(target), "--force"]) == 2
    assert f"{target}: the file is read-only; not overwritten" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{}"


def test_fmt_refuses_a_read_only_journey(tmp_path, capsys):
    target = tmp_path / "reis.yaml"
    target.write_text(JOURNEY, encoding="utf-8")
    target.chmod(0o444)
    assert main(["fmt", str(target)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == JOURNEY


def test_a_250_character_output_name_works(tmp_path):
    target = tmp_path / ("s" * 245 + ".json")
    assert len(target.name) == 250
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left


def test_a_locked_file_is_named_as_in_use(tmp_path, capsys, monkeypatch):
    import klantreis._files

    def locked(path, data):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(klantreis._files, "atomic_write", locked)
    target = tmp_path / "schema.json"
    target.write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(target), "--force"]) == 2
    err = capsys.readouterr().err
    assert f"{target}: the file is in use (open in another program?)" in err
    assert target.read_text(encoding="utf-8") == "{}"


def test_an_unrelated_workshop_option_file_is_named_not_quoted(tmp_path, capsys):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n")
    out = tmp_path / "guide.md"
    argv = ["export", OLD, "--to", "guide", "-O", f"workshop={secret}", "-o", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"{secret}:1: not a workshop file" in err
    assert "root" not in err.replace(str(tmp_path), "")
    assert not out.exists()
