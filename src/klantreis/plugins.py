"""The plugin manager: loads plugins on first need and keeps the broken ones apart.

Plugins come from three places, in this order:

1. klantreis's own modules in :data:`DEFAULT_PLUGINS`, registered with the same
   ``@klantreis.hookimpl`` a third party writes;
2. installed packages that declare an entry point in the ``klantreis`` group
   (:data:`ENTRY_POINT_GROUP`); the :data:`ENV_PLUGINS` environment variable chooses
   which (``KLANTREIS_PLUGINS=`` loads none, ``KLANTREIS_PLUGINS=mermaid,xlsx`` only
   those, by entry-point or distribution name);
3. plugins registered in-process with :func:`register_plugin` or :func:`plugin`
   (tests, notebooks, applications that embed klantreis).

Nothing is loaded by ``import klantreis``. Each entry point is loaded, registered
and called on its own: a plugin that fails to import, implements an unknown hook,
raises inside a hook or returns the wrong thing is kept as a :class:`Broken`
record with its name, distribution, version and the reason, and every other plugin
keeps working. ``KLANTREIS_STRICT_PLUGINS=1`` (or ``strict=True``) turns any broken
plugin into a :class:`klantreis.PluginError` instead.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import io
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pluggy
from attrs import field, frozen

from klantreis import hookspecs
from klantreis._version import __version__
from klantreis.errors import PluginError
from klantreis.exporters.base import Exporter

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "ENV_PLUGINS",
    "ENV_STRICT",
    "Broken",
    "PluginInfo",
    "Registered",
    "Registry",
    "get_plugin_manager",
    "get_registry",
    "plugin",
    "register_plugin",
    "reset",
    "stdout_to_stderr",
    "unregister_plugin",
]

ENTRY_POINT_GROUP = hookspecs.PROJECT_NAME
"""The entry-point group installed packages register their plugin in: ``klantreis``."""

ENV_PLUGINS = "KLANTREIS_PLUGINS"
"""Unset: load every installed plugin. Empty: none. ``a,b``: only those (entry-point
or distribution names). The built-in exporters always load."""

ENV_STRICT = "KLANTREIS_STRICT_PLUGINS"
"""``1``: a broken plugin is an error (:class:`klantreis.PluginError`), not a listing."""

DEFAULT_PLUGINS: tuple[str, ...] = (
    "klantreis.exporters.markdown",
    "klantreis.exporters.tabular",
    "klantreis.exporters.graph",
    "klantreis.exporters.html",
    "klantreis.workshop.exporters",
)
"""klantreis's own plugin modules, registered before any installed plugin."""

_HOOKS = tuple(name for name in vars(hookspecs) if name.startswith(f"{hookspecs.PROJECT_NAME}_"))


@frozen
class PluginInfo:
    """Where a plugin comes from."""

    name: str
    """The entry-point name, the module name of a built-in, or the in-process name."""
    distribution: str | None = None
    """The installed distribution that provides it (``None`` in-process)."""
    version: str | None = None
    """The distribution's version."""
    builtin: bool = False
    """Whether it is one of klantreis's own modules."""

    def describe(self) -> str:
        """``built in``, ``klantreis-mermaid 0.1.0``, or ``registered in-process``."""
        if self.builtin:
            return "built in"
        if self.distribution:
            return f"{self.distribution} {self.version or ''}".strip()
        return "registered in-process"


@frozen
class Broken:
    """A plugin, or one thing it contributed, that could not be used, and why."""

    plugin: PluginInfo
    reason: str
    stage: str = "import"
    """``import``, ``register``, ``hook``, ``duplicate`` or ``missing``."""

    def __str__(self) -> str:
        where = self.plugin.describe()
        return f"{self.plugin.name} ({where}): {self.reason}"


@frozen
class Registered:
    """A working exporter and the plugin it came from."""

    exporter: Exporter
    plugin: PluginInfo


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


@frozen
class Registry:
    """What the plugins contributed: working exporters by name, broken plugins, plugins."""

    exporters: Mapping[str, Registered]
    broken: tuple[Broken, ...] = field(converter=_tuple)
    plugins: tuple[PluginInfo, ...] = field(converter=_tuple)


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _error_text(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


class _Host:
    """The one plugin manager of the process, loaded lazily and thread-safely."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.pm: pluggy.PluginManager | None = None
        self.infos: dict[str, PluginInfo] = {}
        self.load_failures: list[Broken] = []
        self.registry: Registry | None = None

    def manager(self) -> pluggy.PluginManager:
        with self.lock:
            if self.pm is None:
                pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
                pm.add_hookspecs(hookspecs)
                self.pm, self.infos, self.load_failures = pm, {}, []
                with stdout_to_stderr():
                    self._load_builtins(pm)
                    self._load_entry_points(pm)
            return self.pm

    def _add(self, pm: pluggy.PluginManager, obj: object, info: PluginInfo) -> Broken | None:
        """Register *obj*; on failure return why, leaving the manager as it was."""
        try:
            pm.register(obj, name=info.name)
        except Exception as exc:
            return Broken(info, f"cannot be registered: {_error_text(exc)}", "register")
        unknown = [
            caller.name for caller in pm.get_hookcallers(obj) or [] if caller.name not in _HOOKS
        ]
        if unknown:
            pm.unregister(obj)
            hints = []
            for name in unknown:
                close = difflib.get_close_matches(name, _HOOKS, n=1)
                hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            return Broken(info, f"implements unknown hook {', '.join(hints)}", "register")
        self.infos[info.name] = info
        return None

    def _load_builtins(self, pm: pluggy.PluginManager) -> None:
        for module_name in DEFAULT_PLUGINS:
            info = PluginInfo(module_name, "klantreis", __version__, builtin=True)
            try:
                module = importlib.import_module(module_name)
            except Exception as exc:
                self.load_failures.append(Broken(info, f"failed to import: {_error_text(exc)}"))
                continue
            broken = self._add(pm, module, info)
            if broken is not None:
                self.load_failures.append(broken)

    def _load_entry_points(self, pm: pluggy.PluginManager) -> None:
        from importlib.metadata import entry_points

        wanted: set[str] | None = None
        if ENV_PLUGINS in os.environ:
            wanted = {n.strip() for n in os.environ[ENV_PLUGINS].split(",") if n.strip()}
        seen: set[str] = set()
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            dist_name = dist.metadata["Name"] if dist is not None else None
            version = dist.version if dist is not None else None
            if wanted is not None and ep.name not in wanted and dist_name not in wanted:
                continue
            seen.update(n for n in (ep.name, dist_name) if n)
            info = PluginInfo(ep.name, dist_name, version)
            if ep.name in self.infos:
                self.load_failures.append(
                    Broken(info, f"the plugin name {ep.name!r} is already taken", "register")
                )
                continue
            try:
                obj = ep.load()
            except (Exception, SystemExit) as exc:
                self.load_failures.append(Broken(info, f"failed to import: {_error_text(exc)}"))
                continue
            broken = self._add(pm, obj, info)
            if broken is not None:
                self.load_failures.append(broken)
        for name in sorted((wanted or set()) - seen):
            self.load_failures.append(
                Broken(
                    PluginInfo(name),
                    f"named in {ENV_PLUGINS}, but no installed plugin has that name",
                    "missing",
                )
            )

    def build(self) -> Registry:
        with self.lock:
            pm = self.manager()
            if self.registry is not None:
                return self.registry
            exporters: dict[str, Registered] = {}
            broken = list(self.load_failures)
            caller = pm.hook.klantreis_register_exporters
            for impl in caller.get_hookimpls():
                info = self.infos.get(impl.plugin_name) or PluginInfo(impl.plugin_name)
                collected: list[Exporter] = []

                def register(exporter: Exporter, _into: list[Exporter] = collected) -> None:
                    if not isinstance(exporter, Exporter):
                        raise PluginError(
                            "register() takes a klantreis.exporters.Exporter, "
                            f"not {type(exporter).__name__}"
                        )
                    _into.append(exporter)

                try:
                    with stdout_to_stderr():
                        result = impl.function(**dict.fromkeys(impl.argnames, register))
                except Exception as exc:
                    broken.append(
                        Broken(
                            info, f"klantreis_register_exporters raised {_error_text(exc)}", "hook"
                        )
                    )
                    continue
                if result is not None:
                    broken.append(
                        Broken(
                            info,
                            "klantreis_register_exporters returned "
                            f"{type(result).__name__}; it should call register() and return None",
                            "hook",
                        )
                    )
                    continue
                for exporter in collected:
                    taken = exporters.get(exporter.name)
                    if taken is not None:
                        broken.append(
                            Broken(
                                info,
                                f"exporter {exporter.name!r} refused: the name is taken by "
                                f"{taken.plugin.name} ({taken.plugin.describe()})",
                                "duplicate",
                            )
                        )
                        continue
                    exporters[exporter.name] = Registered(exporter, info)
            plugins = [self.infos[p] for p in self.infos if pm.has_plugin(p)]
            self.registry = Registry(exporters, broken, plugins)
            return self.registry


_HOST = _Host()

_REDIRECT_LOCK = threading.Lock()
_redirect_depth = 0
_saved_stdout: Any = None


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send what is written to ``sys.stdout`` inside the block to ``sys.stderr``.

    The host loads plugins and runs exporters inside it, so that a plugin's
    ``print()`` never ends up in an export written to standard output
    (``klantreis export J --to markdown -o -``). Nested and concurrent blocks share
    one redirection, undone when the last one ends.
    """
    global _redirect_depth, _saved_stdout
    with _REDIRECT_LOCK:
        if _redirect_depth == 0:
            _saved_stdout = sys.stdout
            sys.stdout = sys.stderr if sys.stderr is not None else io.StringIO()
        _redirect_depth += 1
    try:
        yield
    finally:
        with _REDIRECT_LOCK:
            _redirect_depth -= 1
            if _redirect_depth == 0:
                sys.stdout, _saved_stdout = _saved_stdout, None


def get_plugin_manager() -> pluggy.PluginManager:
    """The process's pluggy manager, with the built-in and installed plugins loaded."""
    return _HOST.manager()


def get_registry(*, strict: bool | None = None) -> Registry:
    """Every exporter and every broken plugin, loading the plugins on first call.

    With *strict* (default: the :data:`ENV_STRICT` environment variable), any broken
    plugin raises :class:`klantreis.PluginError` that lists them all.
    """
    registry = _HOST.build()
    if (strict if strict is not None else _truthy(ENV_STRICT)) and registry.broken:
        lines = "\n".join(f"  {b}" for b in registry.broken)
        raise PluginError(f"{len(registry.broken)} broken plugin(s):\n{lines}")
    return registry


def register_plugin(obj: object, *, name: str | None = None) -> str:
    """Register a plugin object (a module, class or instance with hookimpls) in-process.

    Returns its name. Raises :class:`klantreis.PluginError` when it cannot be
    registered (the name is taken, a hook is unknown or has wrong arguments); a plugin
    whose hook fails later is listed as broken like an installed one.
    """
    pm = _HOST.manager()
    with _HOST.lock:
        plugin_name = name or getattr(obj, "__name__", None) or f"plugin-{id(obj):x}"
        broken = _HOST._add(pm, obj, PluginInfo(plugin_name))
        if broken is not None:
            raise PluginError(f"{plugin_name}: {broken.reason}")
        _HOST.registry = None
        return plugin_name


def unregister_plugin(name_or_obj: str | object) -> None:
    """Remove a plugin registered with :func:`register_plugin` (by name or object)."""
    pm = _HOST.manager()
    with _HOST.lock:
        if isinstance(name_or_obj, str):
            obj = pm.get_plugin(name_or_obj)
            if obj is None:
                raise PluginError(f"no plugin called {name_or_obj!r} is registered")
        else:
            obj = name_or_obj
        name = pm.get_name(obj)
        pm.unregister(obj)
        if name is not None:
            _HOST.infos.pop(name, None)
        _HOST.registry = None


@contextlib.contextmanager
def plugin(obj: object, *, name: str | None = None) -> Iterator[str]:
    """Register *obj* for the duration of a ``with`` block (tests)::

    with klantreis.plugins.plugin(MyPlugin(), name="mine"):
        klantreis.export(journey, "my-format")
    """
    plugin_name = register_plugin(obj, name=name)
    try:
        yield plugin_name
    finally:
        with contextlib.suppress(PluginError, ValueError):
            unregister_plugin(plugin_name)


def reset() -> None:
    """Forget every loaded plugin; the next use loads them again (after env changes)."""
    with _HOST.lock:
        _HOST.pm = None
        _HOST.infos = {}
        _HOST.load_failures = []
        _HOST.registry = None
