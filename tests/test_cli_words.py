"""The command line's usage errors speak --lang, else KLANTREIS_LANG, else English."""

from __future__ import annotations

import pytest

from klantreis.cli import main

JOURNEY = "title: Reis\nphases:\n  - name: Aanmelding\n"


@pytest.fixture
def journey_file(tmp_path):
    path = tmp_path / "reis.yaml"
    path.write_text(JOURNEY, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_klantreis_lang(monkeypatch):
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)


def _usage(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    return capsys.readouterr().err.strip()


@pytest.mark.parametrize(
    ("argv", "english", "dutch"),
    [
        (
            ["diff", "--rename-threshold", "2", "{f}", "{f}"],
            "--rename-threshold must lie in (0, 1], not 2.0",
            "--rename-threshold moet tussen 0 en 1 liggen (0 niet, 1 wel), niet 2.0",
        ),
        (
            ["diff", "{f}", "{f}", "extra"],
            "unexpected arguments: extra",
            "onverwachte argumenten: extra",
        ),
        (
            ["diff", "--git", "{f}", "{f}", "x"],
            "--git expects the 7 (or 9) arguments git passes to a diff driver",
            "--git verwacht de 7 (of 9) argumenten die git aan een diff-driver geeft",
        ),
        (
            ["history", "--git", "{f}", "{f}"],
            "--git takes one journey file, not several",
            "--git neemt één klantreisbestand, niet meer",
        ),
        (
            ["export", "{f}", "--to", "tidy", "-o", "uit", "-O", "format=xlsx"],
            "--option format=xlsx: use csv or parquet",
            "--option format=xlsx: gebruik csv of parquet",
        ),
        (
            ["export", "{f}", "--to", "tidy", "-O", "colour=red"],
            "--to tidy has one option, format=csv|parquet, not 'colour'",
            "--to tidy heeft één optie, format=csv|parquet, niet 'colour'",
        ),
        (
            ["export", "{f}", "--to", "tidy"],
            "--to tidy writes several tables: give -o FOLDER or -o FILE.zip",
            "--to tidy schrijft meer tabellen: geef -o MAP of -o BESTAND.zip",
        ),
    ],
)
def test_usage_errors_in_both_languages(
    argv, english, dutch, journey_file, capsys, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    argv = [a.replace("{f}", str(journey_file)) for a in argv]
    assert _usage(argv, capsys) == f"klantreis: {english}"
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    assert _usage(argv, capsys) == f"klantreis: {dutch}"
    with_lang = [*argv[:1], "--lang", "en", *argv[1:]]
    assert _usage(with_lang, capsys) == f"klantreis: {english}"


def test_argument_types_follow_klantreis_lang(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    with pytest.raises(SystemExit):
        main(["portfolio", str(tmp_path), "--stale-after", "-3"])
    assert "'-3': het aantal dagen mag niet negatief zijn" in capsys.readouterr().err
    monkeypatch.setenv("KLANTREIS_LANG", "en")
    with pytest.raises(SystemExit):
        main(["portfolio", str(tmp_path), "--stale-after", "drie"])
    assert "'drie' is not a whole number of days" in capsys.readouterr().err


def test_the_tidy_export_says_what_it_wrote_in_lang(journey_file, tmp_path, capsys):
    out = tmp_path / "tabellen"
    assert main(["export", str(journey_file), "--to", "tidy", "-o", str(out), "--lang", "nl"]) == 0
    assert capsys.readouterr().err.startswith(f"{out} geschreven (tidy, ")


def test_option_errors_speak_lang_else_klantreis_lang(journey_file, capsys, monkeypatch):
    argv = ["export", str(journey_file), "--to", "csv", "-O", "layout=wall", "-O", "delimter=;"]
    english = _usage(argv, capsys)
    assert "option 'layout': the text 'wall' is not one of 'tidy', 'grid'" in english
    assert "unknown option 'delimter' for 'csv' (its options are " in english
    assert "; did you mean 'delimiter'?" in english
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    dutch = _usage(argv, capsys)
    assert "optie 'layout': de tekst 'wall' is geen van: 'tidy', 'grid'" in dutch
    assert "onbekende optie 'delimter' voor 'csv' (de opties zijn " in dutch
    assert "; bedoel je 'delimiter'?" in dutch
    assert _usage([*argv[:1], "--lang", "en", *argv[1:]], capsys) == english
    needs = _usage(["export", str(journey_file), "--to", "csv", "-O", "layout"], capsys)
    assert needs == (
        "klantreis: optie 'layout' van 'csv' heeft een waarde nodig: "
        "--option layout=WAARDE (een van 'tidy', 'grid')"
    )


def test_make_options_tells_in_the_language_asked():
    from klantreis import ExportError, get_exporter
    from klantreis.exporters import make_options

    with pytest.raises(ExportError, match="optie 'excel': verwacht true of false, maar kreeg"):
        make_options(get_exporter("csv"), {"excel": "misschien"}, from_text=True, language="nl")
    with pytest.raises(ExportError, match="option 'excel': expected true or false, got"):
        make_options(get_exporter("csv"), {"excel": "misschien"}, from_text=True)
