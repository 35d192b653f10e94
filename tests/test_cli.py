"""The klantreis command: exit statuses, messages, and files left as they were."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import klantreis
from klantreis.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "depressie-ggz-2026-voorjaar.yaml")


def run(*argv: str) -> int:
    return main(list(argv))


def test_validate_a_clean_file(capsys):
    assert run("validate", EXAMPLE) == 0
    assert capsys.readouterr().out.endswith("0 fouten, 0 waarschuwingen\n")  # a Dutch journey


def test_validate_reports_problems_with_exit_1(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("title: x\nphases: [{name: A}]\nsteps: [{title: s, phase: b, lane: client}]\n")
    before = path.read_bytes()
    assert run("validate", str(path)) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:" in out
    assert "steps[0].phase: error: geen fase heeft het id 'b' [unknown-reference]" in out
    assert out.endswith("1 fout, 4 waarschuwingen\n")  # the journey's language: Dutch
    assert path.read_bytes() == before  # validation never changes the file


def test_warnings_count_with_strict(tmp_path):
    path = tmp_path / "reis.yaml"
    path.write_text("title: x\n")
    assert run("validate", str(path)) == 0
    assert run("validate", "--strict", str(path)) == 1


def test_quiet_prints_errors_only(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("title: x\n")
    assert run("validate", "--quiet", str(path)) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"title: caf\xe9\n", "not UTF-8"),
        (b"title: [x\n", "invalid YAML"),
        (b"[" * 50_000, "nested"),
    ],
)
def test_unreadable_files_exit_2_with_one_message(tmp_path, capsys, content, message):
    path = tmp_path / "reis.yaml"
    path.write_bytes(content)
    assert run("validate", str(path)) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


def test_a_missing_file_exits_2_and_the_others_are_still_checked(capsys):
    assert run("validate", "no-such-file.yaml", EXAMPLE) == 2
    captured = capsys.readouterr()
    assert "no-such-file.yaml: error: no such file [unreadable]" in captured.err
    assert "0 fouten, 0 waarschuwingen" in captured.out


def test_json_report(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("title: x\nlanguage: fr\n")
    assert run("validate", "--format", "json", str(path)) == 1
    (report,) = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1
    assert report["problems"][0] == {
        "severity": "error",
        "code": "unknown-value",
        "message": "'fr' is not one of: nl, en",
        "path": ["language"],
        "line": 2,
        "column": 1,
        "hint": None,
    }


def test_new_writes_a_valid_journey_in_both_languages(tmp_path):
    for lang in ("nl", "en"):
        path = tmp_path / f"{lang}.yaml"
        assert run("new", "--lang", lang, "--title", "Mijn reis", "-o", str(path)) == 0
        journey = klantreis.load(path)
        assert journey.title == "Mijn reis"
        assert journey.language.value == lang
        assert journey.lanes == klantreis.default_lanes(lang)
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# ")
        assert "lanes:" in text  # the template's rows are written out to be edited
        assert klantreis.validate(path).errors == ()


def test_new_json(tmp_path):
    path = tmp_path / "reis.json"
    assert run("new", "--json", "-o", str(path)) == 0
    assert json.loads(path.read_text())["format_version"] == 1
    assert klantreis.load(path).title == "Nieuwe klantreis"


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("mine")
    assert run("new", "-o", str(path)) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert path.read_text() == "mine"
    assert run("new", "-o", str(path), "--force") == 0
    assert klantreis.load(path).title == "Nieuwe klantreis"


def test_new_into_a_missing_folder(tmp_path, capsys):
    assert run("new", "-o", str(tmp_path / "nope" / "reis.yaml")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_new_to_stdout(capsys):
    assert run("new", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert klantreis.loads(out).title == "New customer journey"


def test_schema_is_a_valid_json_schema_that_accepts_the_examples(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    assert run("schema") == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [
            e.message for e in validator.iter_errors(json.loads(json.dumps(data, default=str)))
        ]
        assert errors == [], path.name
    assert list(validator.iter_errors({"title": "x", "tittle": "y"}))


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        run("validate")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run("frobnicate")
    assert info.value.code == 2


def test_debug_shows_the_traceback(tmp_path, capsys):
    argv = ["new", "-o", str(tmp_path / "x" / "y.yaml")]
    assert run(*argv) == 2
    assert "Traceback" not in capsys.readouterr().err
    with pytest.raises(klantreis.KlantreisError, match="does not exist"):
        run("--debug", *argv)


def test_python_dash_m_and_the_console_script_agree():
    result = subprocess.run(
        [sys.executable, "-m", "klantreis", "validate", EXAMPLE],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.endswith("0 fouten, 0 waarschuwingen\n")


def test_import_klantreis_stays_light():
    code = (
        "import sys, klantreis; "
        "heavy = ('yaml', 'cattrs', 'graphviz', 'klantreis.plugins'); "
        "heavy = [m for m in heavy if m in sys.modules]; "
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_lang_overrides_the_journey_s_language(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("title: x\nphases: [{name: A}]\nsteps: [{title: s, phase: b, lane: client}]\n")
    assert run("validate", "--lang", "en", str(path)) == 1
    out = capsys.readouterr().out
    assert "steps[0].phase: error: no phase has the id 'b' [unknown-reference]" in out
    assert out.endswith("1 error, 4 warnings\n")
    assert run("validate", "--lang", "en", "--format", "json", str(path)) == 1
    problems = json.loads(capsys.readouterr().out)[0]["problems"]
    found = {p["code"]: p["message"] for p in problems}
    assert found["unknown-reference"] == "no phase has the id 'b'"


def test_klantreis_lang_sets_the_language_outside_a_journey(tmp_path, capsys, monkeypatch):
    target = tmp_path / "bestaat.yaml"
    target.write_text("x")
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    assert run("new", "--lang", "en", "-o", str(target)) == 2
    assert "het bestand bestaat al; gebruik --force" in capsys.readouterr().err
    monkeypatch.setenv("KLANTREIS_LANG", "de")
    assert run("validate", EXAMPLE) == 2
    err = capsys.readouterr().err
    assert err == "klantreis: KLANTREIS_LANG='de' is not a language klantreis speaks (nl, en)\n"
