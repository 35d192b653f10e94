"""What the host promises about a plugin it runs: options, stdout, exits, the journey."""

from __future__ import annotations

import enum
import importlib
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Literal, Optional

import attrs
import pytest
from attrs import frozen
from hypothesis import given

import klantreis
from klantreis import ExportError, Journey, Phase, PluginError, Step, hookimpl, plugins
from klantreis.cli import main
from klantreis.errors import AmbiguousFormatError
from klantreis.exporters import Exporter, make_options, option
from klantreis.exporting import _private_copy
from klantreis.testing.conformance import check_exporter
from klantreis.testing.strategies import journeys

JOURNEY = Journey(
    title="Intake",
    phases=[Phase(name="Aanmelding")],
    steps=[Step(title="Belt de huisarts", phase="aanmelding", lane="client")],
)


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch):
    monkeypatch.setenv(plugins.ENV_PLUGINS, "")
    monkeypatch.delenv(plugins.ENV_STRICT, raising=False)
    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def journey_file(tmp_path):
    path = tmp_path / "intake.yaml"
    klantreis.dump(JOURNEY, path)
    return path


def exporter_plugin(exporter: Exporter) -> object:
    class Plugin:
        @hookimpl
        def klantreis_register_exporters(self, register):
            register(exporter)

    return Plugin()


def text_exporter(name: str, render, **kwargs) -> Exporter:
    return Exporter(
        name=name,
        description="a test exporter",
        suffix=".txt",
        media_type="text/plain",
        render=render,
        **kwargs,
    )


# --- options: every type a plugin may use, from the API and from the command line -------


class Component(str, enum.Enum):
    VEVENT = "vevent"
    VTODO = "vtodo"


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


@frozen
class IcsOptions:
    component: Component = option(Component.VEVENT, help="what each action becomes")
    colour: Colour = option(Colour.RED, help="a plain Enum")
    level: Level = option(Level.LOW, help="an IntEnum")
    style: Literal["short", "long"] = option("short", help="a Literal")
    limit: Optional[int] = option(None, help="Optional[int]")  # noqa: UP045
    days: int | None = option(None, help="int | None")
    ratio: float = option(1.0, help="a float")
    fenced: bool = option(False, help="a bool")
    title: str = option("", help="text")
    template: Optional[Path] = option(None, help="a file that must exist")  # noqa: UP045
    kind: Optional[Component] = option(None, help="an optional (str, Enum)")  # noqa: UP045


def _show(journey, options):
    return repr(options)


ICS = text_exporter("ics", _show, options=IcsOptions)


@pytest.fixture
def ics():
    with plugins.plugin(exporter_plugin(ICS), name="ics-plugin"):
        yield


GOOD = [
    ("component", "vtodo", Component.VTODO),
    ("colour", "blue", Colour.BLUE),
    ("level", "2", Level.HIGH),
    ("style", "long", "long"),
    ("limit", "3", 3),
    ("days", "7", 7),
    ("ratio", "0,5", 0.5),
    ("fenced", "ja", True),
    ("title", "Intake", "Intake"),
    ("kind", "vtodo", Component.VTODO),
]


@pytest.mark.parametrize(("name", "text", "value"), GOOD, ids=[g[0] for g in GOOD])
def test_option_from_text_is_converted(ics, name, text, value):
    options = make_options(ICS, {name: text}, from_text=True)
    got = getattr(options, name)
    assert got == value
    assert type(got) is type(value)


API_GOOD = [
    ("component", "vtodo", Component.VTODO),
    ("component", Component.VTODO, Component.VTODO),
    ("colour", "blue", Colour.BLUE),
    ("level", 2, Level.HIGH),
    ("style", "long", "long"),
    ("limit", 3, 3),
    ("days", None, None),
    ("ratio", 2, 2.0),
    ("fenced", True, True),
    ("kind", "vevent", Component.VEVENT),
]


@pytest.mark.parametrize(("name", "given", "value"), API_GOOD)
def test_option_through_the_api_is_converted(ics, name, given, value):
    # The plugin receives the member, never the raw text, through export() too.
    assert f"{name}={value!r}" in klantreis.export(JOURNEY, "ics", **{name: given})
    got = getattr(make_options(ICS, {name: given}), name)
    assert got == value
    assert type(got) is type(value)


BAD = [
    ("component", "vtdo", "the text 'vtdo' is not one of 'vevent', 'vtodo'"),
    ("colour", "green", "the text 'green' is not one of 'red', 'blue'"),
    ("level", "3", "the text '3' is not one of 1, 2"),
    ("style", "medium", "the text 'medium' is not one of 'short', 'long'"),
    ("limit", "veel", "expected a whole number, got the text 'veel'"),
    ("ratio", "half", "expected a number, got the text 'half'"),
    ("fenced", "misschien", "expected true or false, got the text 'misschien'"),
    ("template", "no-such-file.tpl", "there is no file or folder 'no-such-file.tpl'"),
    ("kind", "vtdo", "the text 'vtdo' is not one of 'vevent', 'vtodo'"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_option_from_the_command_line(ics, journey_file, capsys, name, text, message):
    out = journey_file.with_suffix(".txt")
    assert main(["export", str(journey_file), "--to", "ics", "-O", f"{name}={text}"]) == 2
    err = capsys.readouterr().err
    assert err == f"klantreis: option {name!r}: {message}\n"  # the user's typo, not the plugin's
    assert not out.exists()


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_option_through_the_api(ics, name, text, message):
    with pytest.raises(ExportError) as info:
        klantreis.export(JOURNEY, "ics", **{name: text})
    assert str(info.value) == f"option {name!r}: {message}"


def test_bad_option_types_through_the_api(ics):
    with pytest.raises(ExportError, match="option 'level': the text '2' is not one of 1, 2"):
        klantreis.export(JOURNEY, "ics", level="2")  # text is converted only from the CLI
    with pytest.raises(ExportError, match="option 'fenced': expected true or false"):
        klantreis.export(JOURNEY, "ics", fenced=1)
    with pytest.raises(ExportError, match="option 'component': the number 1 is not one of"):
        klantreis.export(JOURNEY, "ics", component=1)


def test_existing_path_option(ics, tmp_path, journey_file, capsys):
    template = tmp_path / "t.tpl"
    template.write_text("x")
    assert f"template={template!r}" in klantreis.export(JOURNEY, "ics", template=template)
    assert f"template={template!r}" in klantreis.export(JOURNEY, "ics", template=str(template))
    assert main(["export", str(journey_file), "--to", "ics", "-O", f"template={template}"]) == 0
    assert f"template={template!r}" in capsys.readouterr().out


def test_option_without_a_value_only_for_a_bool(ics, journey_file, capsys):
    assert main(["export", str(journey_file), "--to", "ics", "-O", "fenced"]) == 0
    assert "fenced=True" in capsys.readouterr().out
    assert main(["export", str(journey_file), "--to", "ics", "-O", "component"]) == 2
    assert capsys.readouterr().err == (
        "klantreis: option 'component' of 'ics' needs a value: "
        "--option component=VALUE (one of 'vevent', 'vtodo')\n"
    )
    assert main(["export", str(journey_file), "--to", "ics", "-O", "limit"]) == 2
    assert "option 'limit' of 'ics' needs a value" in capsys.readouterr().err


def test_options_with_string_annotations(journey_file, capsys, monkeypatch):
    # A plugin module written with `from __future__ import annotations`.
    module = types.ModuleType("future_plugin")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(
        textwrap.dedent(
            """
            from __future__ import annotations
            import enum
            from attrs import frozen
            from klantreis.exporters import option

            class Mode(str, enum.Enum):
                A = "a"
                B = "b"

            @frozen
            class Options:
                mode: Mode = option(Mode.A, help="a or b")
            """
        ),
        module.__dict__,
    )
    exporter = text_exporter("modes", _show, options=module.Options)
    with plugins.plugin(exporter_plugin(exporter), name="modes"):
        assert "<Mode.B: 'b'>" in klantreis.export(JOURNEY, "modes", mode="b")
        assert main(["export", str(journey_file), "--to", "modes", "-O", "mode=c"]) == 2
        assert "option 'mode': the text 'c' is not one of 'a', 'b'" in capsys.readouterr().err


# --- sys.exit and other escapes from render ----------------------------------------------


def _exits(journey, options):
    sys.exit(0)


class Escape(BaseException):
    """Not an Exception: what a careless plugin might raise."""


def _escapes(journey, options):
    raise Escape("out")


def test_sys_exit_in_render_through_the_api():
    with (
        plugins.plugin(exporter_plugin(text_exporter("quitter", _exits)), name="quitter"),
        pytest.raises(ExportError) as info,
    ):
        klantreis.export(JOURNEY, "quitter")
    assert str(info.value) == (
        "the 'quitter' exporter (registered in-process) tried to end the program "
        "(SystemExit: 0); nothing was exported"
    )


def test_sys_exit_in_render_from_the_command_line(journey_file, capsys):
    out = journey_file.with_suffix(".txt")
    with plugins.plugin(exporter_plugin(text_exporter("quitter", _exits)), name="quitter"):
        code = main(["export", str(journey_file), "--to", "quitter", "-o", str(out)])
    assert code == 2
    assert "the 'quitter' exporter (registered in-process) tried to end the program" in (
        capsys.readouterr().err
    )
    assert not out.exists()


def test_any_base_exception_in_render_names_the_plugin():
    with (
        plugins.plugin(exporter_plugin(text_exporter("escaper", _escapes)), name="escaper"),
        pytest.raises(
            ExportError,
            match=r"^the 'escaper' exporter \(registered in-process\) failed: Escape: out$",
        ),
    ):
        klantreis.export(JOURNEY, "escaper")


def test_ctrl_c_in_render_stays_ctrl_c():
    def interrupted(journey, options):
        raise KeyboardInterrupt

    with (
        plugins.plugin(exporter_plugin(text_exporter("hang", interrupted)), name="hang"),
        pytest.raises(KeyboardInterrupt),
    ):
        klantreis.export(JOURNEY, "hang")


def test_encoding_message_names_the_plugin(tmp_path):
    exporter = text_exporter("ascii", lambda j, o: "café\n", encoding="ascii")
    with (
        plugins.plugin(exporter_plugin(exporter), name="ascii-plugin"),
        pytest.raises(ExportError) as info,
    ):
        klantreis.export(JOURNEY, "ascii", output=tmp_path / "out.txt")
    assert str(info.value) == (
        "the 'ascii' exporter (registered in-process) wrote 'é', "
        "which its declared encoding ascii cannot encode"
    )
    assert list(tmp_path.iterdir()) == []


# --- the caller's journey is never changed --------------------------------------------------


def test_forging_plugin_with_a_language_leaves_the_callers_journey_unchanged():
    before = klantreis.dumps(JOURNEY)

    def forge(given, options):
        object.__setattr__(given.phases[0], "name", "forged")
        return "done"

    with (
        plugins.plugin(exporter_plugin(text_exporter("forger", forge)), name="forger"),
        pytest.raises(PluginError),
    ):
        klantreis.export(JOURNEY, "forger", language="en")
    assert klantreis.dumps(JOURNEY) == before


def _objects(obj, seen):
    """Every attrs object and tuple reachable from *obj*, by id."""
    if isinstance(obj, tuple):
        seen[id(obj)] = obj
        for item in obj:
            _objects(item, seen)
    elif attrs.has(type(obj)):
        seen[id(obj)] = obj
        for a in attrs.fields(type(obj)):
            _objects(getattr(obj, a.name), seen)
    return seen


@given(journeys())
def test_private_copy_is_equal_and_shares_nothing_changeable(journey):
    copied = _private_copy(journey)
    assert copied == journey
    assert klantreis.dumps(copied) == klantreis.dumps(journey)
    mine = _objects(journey, {})
    theirs = _objects(copied, {})
    shared = {k for k in mine.keys() & theirs.keys() if mine[k] != ()}  # () is a singleton
    assert not shared


# --- a plugin's print() never reaches an export on standard output -------------------------


LOUD = """
import sys
import klantreis
from klantreis.exporters import Exporter

print("loud: imported")

def render(journey, options):
    print("loud: rendering")
    sys.stdout.write("loud: written\\n")
    return journey.title + "\\n"

@klantreis.hookimpl
def klantreis_register_exporters(register):
    print("loud: registering")
    register(Exporter(name="loud", description="prints while it works", suffix=".txt",
                      media_type="text/plain", render=render))
"""


def fake_distribution(root: Path, dist: str, version: str, modules: dict[str, str], entry: str):
    """An installed distribution on *root*: its modules and a dist-info with entry points."""
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source))
    info = root / f"{dist}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[klantreis]\n{entry}\n")


@pytest.fixture
def loud_site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    fake_distribution(root, "loudplug", "1.0", {"loud_mod": LOUD}, "loud = loud_mod")
    yield root
    sys.modules.pop("loud_mod", None)


def _cli(args: list[str], site: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(site), "KLANTREIS_PLUGINS": "loudplug"}
    env.pop(plugins.ENV_STRICT, None)
    return subprocess.run(
        [sys.executable, "-m", "klantreis", *args], capture_output=True, env=env, check=False
    )


def test_printing_plugin_does_not_corrupt_standard_output(loud_site, journey_file):
    markdown = _cli(["export", str(journey_file), "--to", "markdown", "-o", "-"], loud_site)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout == klantreis.export(JOURNEY, "markdown").encode()
    assert b"loud: imported" in markdown.stderr
    assert b"loud: registering" in markdown.stderr
    loud = _cli(["export", str(journey_file), "--to", "loud", "-o", "-"], loud_site)
    assert loud.returncode == 0, loud.stderr
    assert loud.stdout == b"Intake\n"
    assert b"loud: rendering\nloud: written\n" in loud.stderr


def test_printing_plugin_through_the_api(loud_site, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(loud_site))
    importlib.invalidate_caches()
    monkeypatch.setenv(plugins.ENV_PLUGINS, "loudplug")
    plugins.reset()
    assert klantreis.export(JOURNEY, "loud") == "Intake\n"
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "loud: imported" in captured.err
    assert "loud: rendering" in captured.err
    print("mine")  # the caller's own stdout is back
    assert capsys.readouterr().out == "mine\n"


# --- a format name that two plugins register -----------------------------------------------

ICS_ONE = """
import klantreis
from klantreis.exporters import Exporter

@klantreis.hookimpl
def klantreis_register_exporters(register):
    register(Exporter(name="ics", description="iCalendar, the first", suffix=".ics",
                      media_type="text/calendar", render=lambda j, o: "one\\n"))
"""

ICS_TWO = """
import klantreis
from klantreis.exporters import Exporter

@klantreis.hookimpl
def klantreis_register_exporters(register):
    register(Exporter(name="ics", description="iCalendar, the second", suffix=".ics",
                      media_type="text/calendar", render=lambda j, o: "two\\n"))
    register(Exporter(name="markdown", description="a built-in's name", suffix=".md",
                      media_type="text/markdown", render=lambda j, o: "not the built-in\\n"))
"""


@pytest.fixture
def two_ics(tmp_path, monkeypatch):
    root = tmp_path / "site"
    root.mkdir()
    fake_distribution(root, "klantreis-ics", "1.0", {"ics_one_mod": ICS_ONE}, "ics = ics_one_mod")
    fake_distribution(root, "ics-too", "0.2", {"ics_two_mod": ICS_TWO}, "icstoo = ics_two_mod")
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    monkeypatch.setenv(plugins.ENV_PLUGINS, "klantreis-ics,ics-too")
    plugins.reset()
    yield root
    for name in ("ics_one_mod", "ics_two_mod"):
        sys.modules.pop(name, None)


CLASH = (
    "the format 'ics' is registered by 2 plugins: ics-too 0.2 (icstoo), "
    "klantreis-ics 1.0 (ics); say which with 'ics-too:ics' or 'klantreis-ics:ics'"
)


def test_a_clash_is_never_resolved_silently(two_ics):
    with pytest.raises(AmbiguousFormatError) as info:
        klantreis.export(JOURNEY, "ics")
    assert str(info.value) == CLASH
    assert info.value.choices == ("ics-too:ics", "klantreis-ics:ics")
    assert isinstance(info.value, ExportError)
    with pytest.raises(AmbiguousFormatError):
        klantreis.get_exporter("ics")
    assert "ics" not in klantreis.list_exporters()


def test_a_qualified_name_picks_one(two_ics):
    assert klantreis.export(JOURNEY, "klantreis-ics:ics") == "one\n"
    assert klantreis.export(JOURNEY, "ics-too:ics") == "two\n"
    assert klantreis.export(JOURNEY, "klantreis_ics:ics") == "one\n"  # as pip normalizes
    assert klantreis.export(JOURNEY, "icstoo:ics") == "two\n"  # the entry point's name
    assert klantreis.get_exporter("klantreis:markdown") is klantreis.get_exporter("markdown")
    assert set(klantreis.list_exporters()) >= {"klantreis-ics:ics", "ics-too:ics"}
    with pytest.raises(ExportError, match="unknown format 'nosuch:ics'"):
        klantreis.get_exporter("nosuch:ics")


def test_a_built_in_name_stays_the_built_ins(two_ics):
    assert klantreis.export(JOURNEY, "markdown").startswith("# Intake")
    registry = plugins.get_registry()
    assert registry.exporters["markdown"].plugin.builtin
    (refused,) = [b for b in registry.broken if b.stage == "duplicate"]
    assert refused.plugin.distribution == "ics-too"
    assert refused.reason == (
        "exporter 'markdown' refused: the name is taken by klantreis.exporters.markdown (built in)"
    )
    with pytest.raises(ExportError, match="unknown format 'ics-too:markdown'"):
        klantreis.get_exporter("ics-too:markdown")  # reported, never used


def test_a_clash_on_the_command_line(two_ics, journey_file, capsys):
    out = journey_file.with_suffix(".ics")
    assert main(["export", str(journey_file), "--to", "ics", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"klantreis: {CLASH}\n"
    assert not out.exists()
    assert main(["export", str(journey_file), "--to", "klantreis-ics:ics", "-o", "-"]) == 0
    assert capsys.readouterr().out == "one\n"


def test_formats_shows_the_clash(two_ics, capsys):
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert "  ics: registered by 2 plugins; use ics-too:ics or klantreis-ics:ics\n" in out
    assert "klantreis-ics:ics" in out.split("Name clashes")[0]
    assert main(["formats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["clashes"] == [{"name": "ics", "formats": ["ics-too:ics", "klantreis-ics:ics"]}]
    ics = [f for f in data["formats"] if f["name"] == "ics"]
    assert [(f["qualified_name"], f["clash"]) for f in ics] == [
        ("ics-too:ics", True),
        ("klantreis-ics:ics", True),
    ]


def test_the_conformance_kit_checks_the_one_it_is_told(two_ics):
    with pytest.raises(AmbiguousFormatError):
        check_exporter("ics", max_examples=1)
    check_exporter("klantreis-ics:ics", max_examples=2, hostile=False)


# --- pluggy as pluggy: ordering, wrappers, each plugin isolated ------------------------------


def _ordered_plugin(name: str, order: list[str], **opts) -> object:
    exporter = text_exporter(name, lambda j, o: name)

    class Plugin:
        @hookimpl(**opts)
        def klantreis_register_exporters(self, register):
            order.append(name)
            register(exporter)

    return Plugin()


def test_tryfirst_and_trylast_hold():
    order: list[str] = []
    first = _ordered_plugin("first", order, tryfirst=True)
    last = _ordered_plugin("last", order, trylast=True)
    plain = _ordered_plugin("plain", order)
    with (
        plugins.plugin(last, name="last"),
        plugins.plugin(first, name="first"),
        plugins.plugin(plain, name="plain"),
    ):
        exporters = klantreis.list_exporters()
        assert {"first", "last", "plain"} <= set(exporters)
        assert order[0] == "first"
        assert order[-1] == "last"
        assert order.index("plain") < order.index("last")
        registry = plugins.get_registry()
        assert registry.exporters["first"].plugin.name == "first"
        assert registry.exporters["last"].plugin.name == "last"


def test_a_hook_wrapper_sees_the_call_and_may_register():
    order: list[str] = []

    class Watcher:
        @hookimpl(wrapper=True)
        def klantreis_register_exporters(self, register):
            order.append("before")
            register(text_exporter("watched", lambda j, o: "watched"))
            result = yield
            order.append(f"after: {len(order) - 1} called")
            return result

    class OldStyle:
        @hookimpl(hookwrapper=True)
        def klantreis_register_exporters(self, register):
            order.append("old-before")
            yield
            order.append("old-after")

    plain = _ordered_plugin("plain", order)
    with (
        plugins.plugin(plain, name="plain"),
        plugins.plugin(Watcher(), name="watcher"),
        plugins.plugin(OldStyle(), name="old-style"),
    ):
        registry = plugins.get_registry()
        assert registry.broken == ()
        assert registry.exporters["watched"].plugin.name == "watcher"
        assert registry.exporters["plain"].plugin.name == "plain"
        assert order[0:2] == ["old-before", "before"]
        assert order[-2:] == [f"after: {len(order) - 3} called", "old-after"]
        assert "plain" in order


def test_a_failing_wrapper_is_left_out_and_the_rest_work():
    class Failing:
        @hookimpl(wrapper=True)
        def klantreis_register_exporters(self, register):
            raise RuntimeError("wrapped badly")
            yield  # a generator, as a wrapper is

    order: list[str] = []
    with (
        plugins.plugin(_ordered_plugin("plain", order), name="plain"),
        plugins.plugin(Failing(), name="failing"),
    ):
        assert klantreis.export(JOURNEY, "plain") == "plain"
        (broken,) = plugins.get_registry().broken
        assert broken.plugin.name == "failing"
        assert broken.reason == (
            "klantreis_register_exporters (a hook wrapper) raised RuntimeError: wrapped badly"
        )


def test_a_plugin_that_exits_while_registering_is_broken_not_fatal():
    class Exiting:
        @hookimpl(tryfirst=True)
        def klantreis_register_exporters(self, register):
            register(text_exporter("early", lambda j, o: "early"))
            sys.exit(3)

    with plugins.plugin(Exiting(), name="exiting"):
        assert "early" not in klantreis.list_exporters()  # nothing from a failed hook
        assert "markdown" in klantreis.list_exporters()  # the others were still called
        (broken,) = plugins.get_registry().broken
        assert broken.reason == "klantreis_register_exporters raised SystemExit: 3"


def test_register_kept_for_later_is_refused():
    kept = []

    class Keeper:
        @hookimpl
        def klantreis_register_exporters(self, register):
            kept.append(register)

    with plugins.plugin(Keeper(), name="keeper"):
        assert "markdown" in klantreis.list_exporters()
        with pytest.raises(PluginError, match="register\\('late'\\) was called after"):
            kept[0](text_exporter("late", lambda j, o: "late"))
        assert "late" not in klantreis.list_exporters()
