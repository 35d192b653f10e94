"""export() and `klantreis export`: outputs, options, language, and never a broken file."""

from __future__ import annotations

import io

import pytest

import klantreis
from klantreis import Journey, Phase, Step, hookimpl, plugins
from klantreis.cli import main
from klantreis.exporters import Exporter, localize, make_options
from klantreis.exporting import get_exporter

JOURNEY = Journey(
    title="Intake",
    phases=[Phase(name="Aanmelding")],
    steps=[Step(title="Belt de huisarts", phase="aanmelding", lane="client")],
)


@pytest.fixture
def journey_file(tmp_path):
    path = tmp_path / "reis.yaml"
    klantreis.dump(JOURNEY, path)
    return path


def test_outputs_return_path_and_stream(tmp_path):
    text = klantreis.export(JOURNEY, "markdown")
    assert isinstance(text, str)
    target = tmp_path / "out.md"
    assert klantreis.export(JOURNEY, "markdown", output=target) is None
    assert target.read_text(encoding="utf-8") == text
    stream = io.StringIO()
    klantreis.export(JOURNEY, "markdown", output=stream)
    assert stream.getvalue() == text
    binary = io.BytesIO()
    klantreis.export(JOURNEY, "csv", output=binary)
    assert binary.getvalue() == klantreis.export(JOURNEY, "csv").encode("utf-8")
    with pytest.raises(klantreis.ExportError, match="binary stream"):
        klantreis.export(JOURNEY, "png", output=io.StringIO())


def test_lookup_by_suffix_and_suggestions():
    assert get_exporter("gv").name == "dot"
    assert get_exporter("PNG".lower()).name == "png"
    with pytest.raises(klantreis.ExportError, match="did you mean 'markdown'"):
        get_exporter("markdwon")


def test_options_are_structured_with_located_errors():
    csv = get_exporter("csv")
    assert make_options(csv, {"layout": "grid", "excel": "ja"}, from_text=True).excel is True
    with pytest.raises(klantreis.ExportError) as info:
        make_options(csv, {"layout": "wall", "excel": "maybe", "delimter": ";"}, from_text=True)
    message = str(info.value)
    assert "option 'layout': the text 'wall' is not one of 'tidy', 'grid'" in message
    assert "option 'excel': expected true or false, got the text 'maybe'" in message
    assert "unknown option 'delimter'" in message
    assert "did you mean 'delimiter'?" in message
    with pytest.raises(klantreis.ExportError, match="expected true or false"):
        klantreis.export(JOURNEY, "csv", excel="yes")  # the API takes Python values


def test_language_override_translates_the_template():
    english = localize(JOURNEY, "en")
    assert english.lane("client").name == "Client steps"
    assert english.scale("emotion").labels[0] == "dramatic"
    custom = Journey(title="T", lanes=[klantreis.Lane(name="Eigen baan")])
    assert localize(custom, "en").lanes == custom.lanes
    assert "Client steps" in klantreis.export(JOURNEY, "markdown", language="en")


def test_cli_export_to_stdout_and_file(journey_file, tmp_path, capsys):
    assert main(["export", str(journey_file), "--to", "markdown", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("# Intake")
    out = tmp_path / "reis.csv"
    assert (
        main(
            ["export", str(journey_file), "--to", "csv", "-o", str(out), "--option", "layout=grid"]
        )
        == 0
    )
    assert out.read_text(encoding="utf-8").startswith("Fase →")
    # Exporting again replaces a file of the same kind.
    assert main(["export", str(journey_file), "--to", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("phase_id")


def test_cli_never_leaves_a_broken_file(journey_file, tmp_path, capsys):
    out = tmp_path / "reis.csv"
    out.write_text("precious", encoding="utf-8")
    assert (
        main(["export", str(journey_file), "--to", "csv", "-o", str(out), "-O", "layout=wall"]) == 2
    )
    assert "layout" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious"

    class Failing:
        @hookimpl
        def klantreis_register_exporters(self, register):
            def render(journey, options):
                raise ValueError("half way")

            register(
                Exporter(
                    name="failing",
                    description="fails",
                    suffix=".csv",
                    media_type="text/csv",
                    render=render,
                )
            )

    with plugins.plugin(Failing(), name="failing-plugin"):
        assert main(["export", str(journey_file), "--to", "failing", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "the 'failing' exporter (registered in-process) failed: ValueError: half way" in err
    assert out.read_text(encoding="utf-8") == "precious"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_refuses_to_overwrite_the_input_or_another_kind_of_file(journey_file, tmp_path, capsys):
    assert main(["export", str(journey_file), "--to", "dot", "-o", str(journey_file)]) == 2
    assert "reis.yaml" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    assert main(["export", str(journey_file), "--to", "markdown", "-o", str(notes)]) == 2
    assert "use --force" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "mine"
    assert main(["export", str(journey_file), "--to", "markdown", "-o", str(notes), "--force"]) == 0


def test_cli_messages(journey_file, tmp_path, capsys):
    assert main(["export", str(journey_file), "--to", "nope"]) == 2
    assert "unknown format 'nope'" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.yaml"), "--to", "markdown"]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["formats", "-v"]) == 0
    out = capsys.readouterr().out
    assert "--option layout=" in out
    assert "built in" in out


def test_examples_export_to_every_format(examples, tmp_path):
    for path in sorted(examples.glob("*.yaml")):
        for fmt in ("markdown", "csv", "svg"):
            out = tmp_path / f"{path.stem}.{fmt}"
            assert main(["export", str(path), "--to", fmt, "-o", str(out)]) == 0
            assert out.stat().st_size > 500
