"""The plugin API: the render context, plugins written for 0.1, streaming, typed results."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from unittest import mock

import pytest
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import Channel, Journey, Language, Phase, Step, hookimpl, plugins
from klantreis.cli import main
from klantreis.exporters import Exporter, RenderContext, option, tabular
from klantreis.exporters import markdown as markdown_module
from klantreis.exporting import (
    export_bytes,
    export_text,
    get_exporter,
    render,
    render_chunks,
)
from klantreis.testing.strategies import journeys

HERE = Path(__file__).parent
JOURNEY = Journey(
    title="Intake",
    phases=[Phase(name="Aanmelding")],
    steps=[Step(title="Belt de huisarts", phase="aanmelding", lane="client", channels=["phone"])],
)


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch):
    monkeypatch.setenv(plugins.ENV_PLUGINS, "")
    monkeypatch.delenv(plugins.ENV_STRICT, raising=False)
    plugins.reset()
    yield
    plugins.reset()


def registering(*exporters):
    class Plugin:
        @hookimpl
        def klantreis_register_exporters(self, register):
            for exporter in exporters:
                register(exporter)

    return Plugin()


def text_exporter(render, name="probe", **kwargs):
    return Exporter(
        name=name,
        description="a probe",
        suffix=".txt",
        media_type="text/plain",
        render=render,
        **kwargs,
    )


# --- the render context ---------------------------------------------------------------


@frozen
class ProbeOptions:
    mark: str = option("*", help="a mark")


def asking(journey, options, *, language, text, label, source, context):
    assert isinstance(context, RenderContext)
    assert context.options is options
    return (
        f"{language.value}|{text('export.phases')}|{label(Channel.PHONE)}|{source}|"
        f"{context.date(dt.date(2026, 3, 26))}|"
        f"{journey.language.value}|{options.mark}\n"
    )


def test_a_render_gets_the_context_it_names():
    probe = text_exporter(asking, options=ProbeOptions)
    assert probe.asks == ("language", "text", "label", "source", "context")
    with plugins.plugin(registering(probe), name="probe-plugin"):
        assert (
            klantreis.export(JOURNEY, "probe") == "nl|Fases|telefonisch|None|26 maart 2026|nl|*\n"
        )
        assert klantreis.export(JOURNEY, "probe", language="en", mark="-") == (
            "en|Phases|phone|None|26 March 2026|en|-\n"
        )
        assert render(probe, JOURNEY, source="reis.yaml").startswith(
            "nl|Fases|telefonisch|reis.yaml|"
        )


def test_the_command_line_tells_the_source_file(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    klantreis.dump(JOURNEY, path)
    with plugins.plugin(registering(text_exporter(asking, options=ProbeOptions)), name="p"):
        assert main(["export", str(path), "--to", "probe", "--lang", "en", "-O", "mark=+"]) == 0
        assert capsys.readouterr().out == f"en|Phases|phone|{path}|26 March 2026|en|+\n"


def test_stdin_is_named_as_such(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(klantreis.dumps(JOURNEY).encode()))
    )
    with plugins.plugin(registering(text_exporter(asking, options=ProbeOptions)), name="p"):
        assert main(["export", "-", "--to", "probe"]) == 0
    assert capsys.readouterr().out.split("|")[3] == "<stdin>"


def test_a_render_that_names_one_argument_gets_only_that():
    seen = {}

    def render_(journey, options, language=None, *args, **kwargs):
        seen.update(language=language, args=args, kwargs=kwargs)
        return ""

    assert render(text_exporter(render_), JOURNEY, language="en") == ""
    assert seen == {"language": Language.EN, "args": (), "kwargs": {}}


def test_a_render_written_for_01_is_called_with_two_arguments():
    calls = []
    probe = text_exporter(lambda *args: calls.append(args) or "x")
    assert probe.asks == ()
    assert render(probe, JOURNEY) == "x"
    assert len(calls[0]) == 2


def test_a_render_asking_for_something_unknown_is_refused_when_built():
    def render_(journey, options, *, colour):
        return ""

    with pytest.raises(ValueError, match="render parameter 'colour' is not one klantreis passes"):
        text_exporter(render_)
    with pytest.raises(ValueError, match="takes the journey and the options first"):
        text_exporter(lambda journey: "")


# --- a plugin written for 0.1 ----------------------------------------------------------


@pytest.fixture
def plugin01(tmp_path, monkeypatch):
    """plugins/template as 0.1 shipped it, installed: a module and its dist-info on sys.path."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(HERE / "plugin01" / "klantreis_outline01.py", site)
    info = site / "klantreis_outline01-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: klantreis-outline01\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[klantreis]\noutline01 = klantreis_outline01\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv(plugins.ENV_PLUGINS, "outline01")
    plugins.reset()
    yield
    monkeypatch.delitem(__import__("sys").modules, "klantreis_outline01", raising=False)


def test_a_plugin_written_for_01_still_loads_and_exports(plugin01, tmp_path, capsys):
    registry = plugins.get_registry(strict=True)
    entry = registry.exporters["outline01"]
    assert entry.plugin.describe() == "klantreis-outline01 0.1.0"
    assert entry.exporter.asks == ()
    expected = "Intake\nAanmelding\n  - Belt de huisarts\n"
    assert klantreis.export(JOURNEY, "outline01") == expected
    assert klantreis.export(JOURNEY, "outline01", bullets="*") == expected.replace("-", "*")
    assert export_text(JOURNEY, "outline01") == expected
    path = tmp_path / "reis.yaml"
    klantreis.dump(JOURNEY, path)
    out = tmp_path / "reis.txt"
    assert main(["export", str(path), "--to", "outline01", "-o", str(out), "-O", "bullets=+"]) == 0
    assert out.read_text(encoding="utf-8") == expected.replace("-", "+")
    assert main(["formats"]) == 0
    assert "klantreis-outline01 0.1.0" in capsys.readouterr().out


def test_the_01_copy_is_the_template_as_01_shipped_it():
    copy = (HERE / "plugin01" / "klantreis_outline01.py").read_text(encoding="utf-8")
    assert "def render_outline(journey: Journey, options: OutlineOptions) -> str:" in copy
    assert "register: Callable[[Exporter], None]" in copy  # a bare Exporter, as 0.1 typed it


# --- streaming ------------------------------------------------------------------------


def test_chunks_are_written_in_order_as_they_come(tmp_path):
    out = tmp_path / "out.txt"
    seen_on_disk = []

    def chunks(journey, options):
        for part in ("one\n", "", "two\n", "three\n"):
            seen_on_disk.append(sorted(p.name for p in tmp_path.iterdir()))
            yield part

    probe = text_exporter(chunks)
    klantreis.export(JOURNEY, probe, output=out)
    assert out.read_text(encoding="utf-8") == "one\ntwo\nthree\n"
    # While the exporter gives them, a temporary file in the target's folder takes them.
    assert len(seen_on_disk) == 4
    assert all(len(names) == 1 and names[0].endswith(".tmp") for names in seen_on_disk)
    assert list(render_chunks(probe, JOURNEY)) == ["one\n", "two\n", "three\n"]
    assert render(probe, JOURNEY) == "one\ntwo\nthree\n"
    stream = io.StringIO()
    klantreis.export(JOURNEY, probe, output=stream)
    assert stream.getvalue() == "one\ntwo\nthree\n"


def test_an_error_half_way_leaves_no_file_and_the_old_one_intact(tmp_path, capsys):
    def failing(journey, options):
        yield "one\n"
        yield "two\n"
        raise ValueError("half way")

    probe = text_exporter(failing)
    new = tmp_path / "new.txt"
    old = tmp_path / "old.txt"
    old.write_text("precious", encoding="utf-8")
    for target in (new, old):
        with pytest.raises(klantreis.ExportError, match=r"'probe' exporter .* failed: ValueError"):
            klantreis.export(JOURNEY, probe, output=target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt"]
    assert old.read_text(encoding="utf-8") == "precious"
    path = tmp_path / "reis.yaml"
    klantreis.dump(JOURNEY, path)
    with plugins.plugin(registering(probe), name="p"):
        assert main(["export", str(path), "--to", "probe", "-o", str(old)]) == 2
    assert "failed: ValueError: half way" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt", "reis.yaml"]
    assert old.read_text(encoding="utf-8") == "precious"


def test_a_chunk_of_the_wrong_kind_is_the_plugins_fault(tmp_path):
    probe = text_exporter(lambda journey, options: iter(["text", b"bytes"]))
    with pytest.raises(klantreis.PluginError, match="gave a chunk of bytes, but it declares text"):
        klantreis.export(JOURNEY, probe, output=tmp_path / "x.txt")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(klantreis.PluginError, match="returned int"):
        render(text_exporter(lambda journey, options: 3), JOURNEY)


def test_binary_chunks_go_to_the_buffer_of_a_text_stream(tmp_path):
    probe = Exporter(
        name="bin",
        description="bytes in chunks",
        suffix=".bin",
        media_type="application/octet-stream",
        render=lambda journey, options: (bytes([n]) for n in range(3)),
        binary=True,
    )
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw)
    klantreis.export(JOURNEY, probe, output=stream)
    assert raw.getvalue() == b"\x00\x01\x02"
    assert export_bytes(JOURNEY, probe) == b"\x00\x01\x02"
    with pytest.raises(klantreis.ExportError, match="'bin' output is bytes, not text"):
        export_text(JOURNEY, probe)


def test_the_built_in_csv_and_markdown_give_chunks(examples):
    journey = klantreis.load(examples / "depressie-ggz-2026-voorjaar.yaml")
    md = list(render_chunks(get_exporter("markdown"), journey))
    assert len(md) > 3
    assert "".join(md) == klantreis.export(journey, "markdown")
    with mock.patch.object(tabular, "CSV_CHUNK_ROWS", 2):
        rows = list(render_chunks(get_exporter("csv"), journey))
    assert len(rows) > 3
    assert "".join(rows) == klantreis.export(journey, "csv")


def whole_markdown(journey, options):
    """The Markdown as 0.1 made it: every section, then the lines joined once."""
    report = markdown_module._Report(journey, options)
    for _ in report.sections():
        pass
    while report.out and report.out[-1] == "":
        report.out.pop()
    return "\n".join(report.out) + "\n"


def whole_csv(journey, options):
    """The CSV as 0.1 made it: every row through one writer, the text taken once."""
    out = io.StringIO()
    if options.excel:
        out.write("\ufeff")
    delimiter = options.delimiter or (";" if options.excel else ",")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    rows = (tabular._tidy_rows if options.layout == "tidy" else tabular.grid_rows)(
        journey, options.excel
    )
    writer.writerows([tabular._cell(c) for c in row] for row in rows)
    return out.getvalue()


@given(
    journey=journeys(max_steps=6),
    layout=st.sampled_from(["tidy", "grid"]),
    excel=st.booleans(),
    overview=st.booleans(),
    per=st.integers(1, 3),
)
def test_joined_chunks_are_the_whole_output(journey, layout, excel, overview, per):
    md = get_exporter("markdown")
    md_options = md.options(overview=overview)
    chunks = list(markdown_module.iter_markdown(journey, md_options))
    assert all(chunks)
    assert "".join(chunks) == whole_markdown(journey, md_options)
    csv_options = tabular.CsvOptions(layout=layout, excel=excel)
    with mock.patch.object(tabular, "CSV_CHUNK_ROWS", per):
        chunks = list(tabular.iter_csv(journey, csv_options))
    assert all(chunks)
    assert "".join(chunks) == whole_csv(journey, csv_options)


# --- typed results --------------------------------------------------------------------


def test_export_text_and_bytes():
    text = export_text(JOURNEY, "markdown", language="en")
    assert isinstance(text, str)
    assert text.startswith("# Intake")
    data = export_bytes(JOURNEY, "csv", excel=True)
    assert data.startswith("\ufeff".encode())
    assert data == klantreis.export(JOURNEY, "csv", excel=True).encode("utf-8")
    with pytest.raises(klantreis.ExportError, match="'png' output is bytes, not text"):
        export_text(JOURNEY, "png")


def test_option_info_shows_type_default_and_choices():
    info = {o.name: o for o in get_exporter("csv").option_info()}
    assert (info["layout"].type, info["layout"].default, info["layout"].choices) == (
        "choice",
        "tidy",
        ("tidy", "grid"),
    )
    assert (info["excel"].type, info["excel"].default) == ("bool", False)
    assert info["delimiter"].type == "str or none"
    assert "Excel" in info["excel"].help


def test_the_typing_examples_run():
    source = (HERE / "typing" / "exporters.py").read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "exporters_typing"}
    exec(compile(source, "exporters.py", "exec"), namespace)
    namespace["accepted"]()  # type: ignore[operator]


# --- single-file plugins, formats -v and --json ----------------------------------------

PLUGIN_FILE = """\
import klantreis
from attrs import frozen
from klantreis.exporters import Exporter, option


@frozen
class Options:
    shout: bool = option(False, help="in capitals")


def render(journey, options, *, source):
    title = journey.title.upper() if options.shout else journey.title
    return f"{title} from {source}\\n"


@klantreis.hookimpl
def klantreis_register_exporters(register):
    register(Exporter(name="{name}", description="the title", suffix=".txt",
                      media_type="text/plain", render=render, options=Options))
"""


@pytest.fixture
def journey_file(tmp_path):
    path = tmp_path / "reis.yaml"
    klantreis.dump(JOURNEY, path)
    return path


def plugin_file(folder, stem, name=None):
    path = folder / f"{stem}.py"
    path.write_text(PLUGIN_FILE.replace("{name}", name or stem), encoding="utf-8")
    return path


def test_export_with_a_plugin_file(tmp_path, journey_file, capsys):
    mine = plugin_file(tmp_path, "my_exporter", "mine")
    args = ["export", str(journey_file), "--to", "mine", "--plugin", str(mine)]
    assert main([*args, "-O", "shout"]) == 0
    assert capsys.readouterr().out == f"INTAKE from {journey_file}\n"
    assert main(["formats", "--plugin", str(mine)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if "mine" in line)
    assert str(mine) in line


def test_a_plugin_file_that_fails_to_import_is_named_with_its_line(tmp_path, journey_file, capsys):
    bad = tmp_path / "bad_plugin.py"
    bad.write_text("import klantreis\n\nraise RuntimeError('not yet')\n", encoding="utf-8")
    assert main(["export", str(journey_file), "--to", "markdown", "--plugin", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: RuntimeError: not yet" in err
    assert "Traceback" not in err
    typo = tmp_path / "typo_plugin.py"
    typo.write_text("import klantreis\ndef broken(:\n", encoding="utf-8")
    assert main(["formats", "--plugin", str(typo)]) == 2
    assert f"{typo}:2: SyntaxError" in capsys.readouterr().err
    assert main(["formats", "--plugin", str(tmp_path / "missing.py")]) == 2
    assert "missing.py: no such plugin file" in capsys.readouterr().err


def test_a_plugins_dir(tmp_path, journey_file, capsys, monkeypatch):
    folder = tmp_path / "plugins"
    folder.mkdir()
    plugin_file(folder, "first")
    plugin_file(folder, "_helper")  # not a plugin: starts with '_'
    (folder / "broken.py").write_text("x = 1\ny = undefined_name\n", encoding="utf-8")
    monkeypatch.setenv(plugins.ENV_PLUGINS_DIR, str(folder))
    plugins.reset()
    assert klantreis.export(JOURNEY, "first") == "Intake from None\n"
    assert "_helper" not in klantreis.list_exporters()
    (broken,) = plugins.get_registry().broken
    assert broken.plugin.path == str(folder / "broken.py")
    assert f"{folder / 'broken.py'}:2: NameError" in broken.reason
    assert main(["formats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = next(f for f in data["formats"] if f["name"] == "first")
    assert (first["origin"], first["path"]) == (str(folder / "first.py"),) * 2
    assert data["broken"][0]["path"] == str(folder / "broken.py")
    monkeypatch.setenv(plugins.ENV_STRICT, "1")
    assert main(["formats"]) == 1  # KLANTREIS_STRICT_PLUGINS=1 is --strict
    assert "broken.py:2" in capsys.readouterr().out
    assert main(["export", str(journey_file), "--to", "markdown"]) == 2
    assert "broken.py:2: NameError" in capsys.readouterr().err


def test_formats_verbose_shows_type_default_and_choices(capsys):
    assert main(["formats", "-v"]) == 0
    out = capsys.readouterr().out
    assert '--option layout=CHOICE (default "tidy"; one of tidy, grid)' in out
    assert "--option excel=BOOL (default false)" in out


def test_formats_json_shape(capsys):
    assert main(["formats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert set(data) == {"version", "formats", "broken", "clashes"}
    csv_ = next(f for f in data["formats"] if f["name"] == "csv")
    assert set(csv_) == {
        "name", "qualified_name", "clash", "description", "suffix", "media_type", "output",
        "plugin", "origin", "distribution", "version", "path", "options",
    }  # fmt: skip
    assert csv_["options"][0] == {
        "name": "layout",
        "type": "choice",
        "default": "tidy",
        "choices": ["tidy", "grid"],
        "help": csv_["options"][0]["help"],
    }
