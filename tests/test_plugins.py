"""The plugin system: in-process plugins, installed ones, and broken ones kept apart."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap

import pytest

import klantreis
from klantreis import Journey, Phase, hookimpl, plugins
from klantreis.cli import main
from klantreis.exporters import Exporter
from klantreis.hookspecs import klantreis_register_exporters


def upper(journey, options):
    return journey.title.upper()


UPPER = Exporter(
    name="upper",
    description="the title in capitals",
    suffix=".txt",
    media_type="text/plain",
    render=upper,
)
JOURNEY = Journey(title="Intake", phases=[Phase(name="Aanmelding")])


class Good:
    @hookimpl
    def klantreis_register_exporters(self, register):
        register(UPPER)


class Raising:
    @hookimpl
    def klantreis_register_exporters(self, register):
        register(UPPER)
        raise RuntimeError("boom")


class Returning:
    @hookimpl
    def klantreis_register_exporters(self, register):
        return [UPPER]


class WrongThing:
    @hookimpl
    def klantreis_register_exporters(self, register):
        register("markdown")


class Clash:
    @hookimpl
    def klantreis_register_exporters(self, register):
        register(
            Exporter(
                name="markdown",
                description="mine",
                suffix=".md",
                media_type="text/markdown",
                render=upper,
            )
        )


class WrongOutput:
    @hookimpl
    def klantreis_register_exporters(self, register):
        register(
            Exporter(
                name="liar",
                description="says bytes",
                suffix=".bin",
                media_type="application/octet-stream",
                render=upper,
                binary=True,
            )
        )


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch):
    # Only the built-ins and what a test adds: plugins installed in the environment
    # (the ones in plugins/, say) must not change what these tests see.
    monkeypatch.setenv(plugins.ENV_PLUGINS, "")
    monkeypatch.delenv(plugins.ENV_STRICT, raising=False)
    plugins.reset()
    yield
    plugins.reset()


def broken_reasons():
    return {b.plugin.name: b.reason for b in plugins.get_registry().broken}


def test_builtins_register_through_the_same_hook():
    assert set(klantreis.list_exporters()) >= {"markdown", "csv", "dot", "svg", "png", "pdf"}
    registry = plugins.get_registry()
    assert {e.plugin.name for e in registry.exporters.values()} <= set(plugins.DEFAULT_PLUGINS)
    assert all(e.plugin.describe() == "built in" for e in registry.exporters.values())
    assert registry.broken == ()


def test_in_process_plugin():
    with plugins.plugin(Good(), name="good"):
        assert klantreis.export(JOURNEY, "upper") == "INTAKE"
        entry = plugins.get_registry().exporters["upper"]
        assert entry.plugin.describe() == "registered in-process"
    assert "upper" not in klantreis.list_exporters()


@pytest.mark.parametrize(
    ("plugin", "reason"),
    [
        (Raising(), "raised RuntimeError: boom"),
        (Returning(), "returned list; it should call register() and return None"),
        (
            WrongThing(),
            "raised PluginError: register() takes a klantreis.exporters.Exporter, not str",
        ),
        (
            Clash(),
            "exporter 'markdown' refused: the name is taken by "
            "klantreis.exporters.markdown (built in)",
        ),
    ],
)
def test_broken_plugin_is_reported_and_the_rest_keeps_working(plugin, reason, capsys, tmp_path):
    with plugins.plugin(plugin, name="bad"):
        assert reason in broken_reasons()["bad"]
        assert "upper" not in klantreis.list_exporters()  # nothing from a failed hook
        assert klantreis.export(JOURNEY, "markdown").startswith("# Intake")
        assert main(["formats"]) == 0
        out = capsys.readouterr().out
        assert "markdown" in out
        assert "Broken plugins" in out
        assert reason in out
        assert main(["formats", "--strict"]) == 1
        path = tmp_path / "j.yaml"
        klantreis.dump(JOURNEY, path)
        assert main(["export", str(path), "--to", "csv", "-o", str(tmp_path / "j.csv")]) == 0


def test_wrong_output_type_names_the_plugin():
    with (
        plugins.plugin(WrongOutput(), name="liar-plugin"),
        pytest.raises(
            klantreis.PluginError,
            match="'liar' exporter \\(registered in-process\\) returned str, but it declares bytes",
        ),
    ):
        klantreis.export(JOURNEY, "liar")


def test_strict_mode(monkeypatch):
    with plugins.plugin(Raising(), name="bad"):
        with pytest.raises(klantreis.PluginError, match="1 broken plugin"):
            plugins.get_registry(strict=True)
        monkeypatch.setenv(plugins.ENV_STRICT, "1")
        with pytest.raises(klantreis.PluginError, match="boom"):
            klantreis.export(JOURNEY, "markdown")


def test_registering_a_bad_plugin_in_process_fails_at_once():
    class UnknownHook:
        @hookimpl
        def klantreis_register_exporter(self, register):  # missing 's'
            pass

    with pytest.raises(klantreis.PluginError, match="did you mean 'klantreis_register_exporters'"):
        plugins.register_plugin(UnknownHook(), name="typo")

    class ExtraArgument:
        @hookimpl
        def klantreis_register_exporters(self, register, journey):
            pass

    with pytest.raises(klantreis.PluginError, match="cannot be registered"):
        plugins.register_plugin(ExtraArgument(), name="extra")
    assert plugins.get_registry().broken == ()


def test_hookspec_is_documented():
    doc = klantreis_register_exporters.__doc__
    for needle in ("When it is called", "Arguments", "What to return", "Added in"):
        assert needle in doc


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Two installed distributions on sys.path: one that works, one that fails to import."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "goodplug_mod.py").write_text(
        textwrap.dedent(
            """
            import klantreis
            from klantreis.exporters import Exporter

            @klantreis.hookimpl
            def klantreis_register_exporters(register):
                register(Exporter(name="shout", description="the title, shouted",
                                  suffix=".txt", media_type="text/plain",
                                  render=lambda j, o: j.title.upper() + "!"))
            """
        )
    )
    (root / "brokenplug_mod.py").write_text("import does_not_exist_anywhere\n")
    for dist, version, entry in (
        ("goodplug", "1.2.3", "shout = goodplug_mod"),
        ("brokenplug", "0.9", "broken = brokenplug_mod"),
    ):
        info = root / f"{dist}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        (info / "entry_points.txt").write_text(f"[klantreis]\n{entry}\n")
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    yield root
    for name in ("goodplug_mod", "brokenplug_mod"):
        sys.modules.pop(name, None)


def test_installed_plugins_and_a_failing_import(installed, capsys, monkeypatch):
    monkeypatch.setenv(plugins.ENV_PLUGINS, "goodplug,brokenplug")
    assert klantreis.export(JOURNEY, "shout") == "INTAKE!"
    registry = plugins.get_registry()
    assert registry.exporters["shout"].plugin.describe() == "goodplug 1.2.3"
    (broken,) = registry.broken
    assert broken.plugin.name == "broken"
    assert broken.plugin.distribution == "brokenplug"
    assert broken.plugin.version == "0.9"
    assert "failed to import: ModuleNotFoundError" in broken.reason
    assert main(["formats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"name": "shout", "origin": "goodplug 1.2.3"}.items() <= next(
        f for f in data["formats"] if f["name"] == "shout"
    ).items()
    assert data["broken"][0]["distribution"] == "brokenplug"


def test_env_var_chooses_what_loads(installed, monkeypatch):
    monkeypatch.setenv(plugins.ENV_PLUGINS, "")
    plugins.reset()
    assert "shout" not in klantreis.list_exporters()
    assert plugins.get_registry().broken == ()
    assert "markdown" in klantreis.list_exporters()  # built-ins always load
    monkeypatch.setenv(plugins.ENV_PLUGINS, "goodplug, nosuch")
    plugins.reset()
    assert "shout" in klantreis.list_exporters()
    assert broken_reasons() == {
        "nosuch": "named in KLANTREIS_PLUGINS, but no installed plugin has that name"
    }


def test_import_klantreis_loads_no_plugins():
    code = (
        "import sys, klantreis; "
        "heavy = [m for m in ('pluggy', 'graphviz', 'klantreis.plugins', 'klantreis.exporters', "
        "'importlib.metadata') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
