"""The plugin manager: loads plugins on first need and keeps the broken ones apart.

Plugins come from three places, in this order:

1. klantreis's own modules in :data:`DEFAULT_PLUGINS`, registered with the same
   ``@klantreis.hookimpl`` a third party writes;
2. installed packages that declare an entry point in the ``klantreis`` group
   (:data:`ENTRY_POINT_GROUP`); the :data:`ENV_PLUGINS` environment variable chooses
   which (``KLANTREIS_PLUGINS=`` loads none, ``KLANTREIS_PLUGINS=mermaid,xlsx`` only
   those, by entry-point or distribution name);
3. single-file plugins, not packaged: every ``*.py`` file (not starting with ``_``) in
   the folder named by :data:`ENV_PLUGINS_DIR`, and each file given to
   :func:`load_plugin_file` (``klantreis export --plugin my_exporter.py``);
4. plugins registered in-process with :func:`register_plugin` or :func:`plugin`
   (tests, notebooks, applications that embed klantreis).

Nothing is loaded by ``import klantreis``. Each entry point is loaded, registered
and called on its own: a plugin that fails to import, implements an unknown hook,
raises inside a hook or returns the wrong thing is kept as a :class:`Broken`
record with its name, distribution, version and the reason, and every other plugin
keeps working. ``KLANTREIS_STRICT_PLUGINS=1`` (or ``strict=True``) turns any broken
plugin into a :class:`klantreis.PluginError` instead.

Hooks are called through pluggy (``pm.hook.NAME(...)``), so ``tryfirst``,
``trylast`` and hook wrappers work as pluggy documents them. Each plugin is
registered behind a guard that runs its hook functions one by one: an exception
or a wrong return value marks that plugin broken and the call goes on with the
next. Two plugins that register an exporter of the same name both stay usable by
their qualified name ``DISTRIBUTION:NAME``; the plain name is refused as ambiguous
(a built-in's name stays the built-in's).
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import functools
import importlib
import importlib.util
import inspect
import io
import os
import re
import sys
import threading
import traceback
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
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
    "ENV_PLUGINS_DIR",
    "ENV_STRICT",
    "Broken",
    "PluginInfo",
    "Registered",
    "Registry",
    "get_plugin_manager",
    "get_registry",
    "is_strict",
    "load_plugin_file",
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

ENV_PLUGINS_DIR = "KLANTREIS_PLUGINS_DIR"
"""A folder of single-file plugins: each ``*.py`` in it (not starting with ``_``) is
imported and registered, like datasette's ``--plugins-dir``; a file that fails to
import is listed as broken, with its line."""

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
    path: str | None = None
    """The file of a single-file plugin (``--plugin``, :data:`ENV_PLUGINS_DIR`)."""

    def describe(self) -> str:
        """``built in``, ``klantreis-mermaid 0.1.0``, a plugin file's path, or ``registered
        in-process``."""
        if self.builtin:
            return "built in"
        if self.distribution:
            return f"{self.distribution} {self.version or ''}".strip()
        if self.path:
            return self.path
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

    @property
    def qualified_name(self) -> str:
        """``DISTRIBUTION:NAME`` (``klantreis-ics:ics``), which picks this exporter
        even when another plugin registers the same name; the plugin's own name
        stands for the distribution of a plugin registered in-process."""
        return f"{self.plugin.distribution or self.plugin.name}:{self.exporter.name}"


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@frozen
class Registry:
    """What the plugins contributed: working exporters, broken plugins, plugins.

    *exporters* holds every working exporter by the name a user types: its own name,
    or, for a name that two or more plugins register (a clash), each one's
    :attr:`Registered.qualified_name`. *clashes* lists those names with every
    exporter that claims them.
    """

    exporters: Mapping[str, Registered]
    broken: tuple[Broken, ...] = field(converter=_tuple)
    plugins: tuple[PluginInfo, ...] = field(converter=_tuple)
    clashes: Mapping[str, tuple[Registered, ...]] = field(factory=dict)

    def qualified(self, name: str) -> Registered | None:
        """The exporter called ``DISTRIBUTION:NAME`` (or ``PLUGIN:NAME``), if any."""
        owner, sep, plain = name.rpartition(":")
        if not sep:
            return None
        wanted = _normalize(owner)
        for entry in self.exporters.values():
            if entry.exporter.name != plain:
                continue
            names = (entry.plugin.distribution, entry.plugin.name)
            if any(n and _normalize(n) == wanted for n in names):
                return entry
        return None


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _error_text(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


_CURRENT: contextvars.ContextVar[PluginInfo | None] = contextvars.ContextVar(
    "klantreis_current_plugin", default=None
)
"""The plugin whose hook function is running (set by its guard)."""

_RETURNS_NOTHING = frozenset({"klantreis_register_exporters"})
"""Hooks whose implementations must return ``None``."""


class _Call:
    """What one call of a hook collected: exporters by plugin, and who failed."""

    def __init__(self) -> None:
        self.exporters: dict[str, tuple[PluginInfo, list[Exporter]]] = {}
        self.failed: dict[str, Broken] = {}
        self.closed = False
        """Whether the call is over (a ``register`` kept for later is refused)."""

    def fail(self, info: PluginInfo, reason: str) -> None:
        self.failed.setdefault(info.name, Broken(info, reason, "hook"))


def _guard(
    host: _Host, info: PluginInfo, hook: str, function: Callable[..., Any]
) -> Callable[..., Any]:
    """*function* run so that its failure is its plugin's alone.

    pluggy stops a hook call at the first exception; behind the guard, an exception
    (``KeyboardInterrupt`` aside) or a wrong return value marks the plugin broken
    for the call that is collecting (:class:`_Call`), and the call goes on.
    """

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        call = host.call
        token = _CURRENT.set(info)
        try:
            with stdout_to_stderr():
                result = function(*args, **kwargs)
        except (Exception, SystemExit) as exc:
            if call is None:
                raise PluginError(f"{info.name}: {hook} raised {_error_text(exc)}") from exc
            call.fail(info, f"{hook} raised {_error_text(exc)}")
            return None
        finally:
            _CURRENT.reset(token)
        if result is not None and hook in _RETURNS_NOTHING:
            reason = (
                f"{hook} returned {type(result).__name__}; it should call register() "
                "and return None"
            )
            if call is None:
                raise PluginError(f"{info.name}: {reason}")
            call.fail(info, reason)
            return None
        return result

    return guarded


class _Guarded:
    """A plugin as the manager holds it: the plugin's hook functions, each guarded.

    Hook wrappers (``wrapper=True`` or ``hookwrapper=True``) are kept as they are:
    they wrap the others, and an exception from one ends the call (the host then
    calls the hook again without that plugin).
    """

    def __init__(self, host: _Host, obj: object, info: PluginInfo) -> None:
        self.plugin = obj
        self.info = info
        self.own_wrapper_code: list[types.CodeType] = []
        marker = f"{hookspecs.PROJECT_NAME}_impl"
        for attr in dir(obj):
            # Looked at statically first, as pluggy does: no property of the plugin runs.
            static = inspect.getattr_static(obj, attr, None)
            static = getattr(static, "__func__", static)  # staticmethod, classmethod
            if not callable(static) or not isinstance(getattr(static, marker, None), dict):
                continue
            function = getattr(obj, attr)
            opts = getattr(function, marker)
            if opts.get("wrapper") or opts.get("hookwrapper"):
                code = getattr(getattr(function, "__func__", function), "__code__", None)
                if code is not None:
                    self.own_wrapper_code.append(code)
                setattr(self, attr, function)
                continue
            guarded = _guard(host, info, opts.get("specname") or attr, function)
            setattr(guarded, marker, dict(opts))
            setattr(self, attr, guarded)

    def __repr__(self) -> str:
        return f"<plugin {self.info.name}: {self.plugin!r}>"


def _caller() -> PluginInfo | None:
    """The plugin whose hook is calling: its guard's, or a hook wrapper on the stack."""
    info = _CURRENT.get()
    if info is not None:
        return info
    frame: types.FrameType | None = sys._getframe(2)
    while frame is not None:
        found = _HOST.wrapper_code.get(frame.f_code)
        if found is not None:
            return found
        frame = frame.f_back
    return None


def is_strict(strict: bool | None = None) -> bool:
    """*strict* if given, else whether :data:`ENV_STRICT` asks for strict mode."""
    return strict if strict is not None else _truthy(ENV_STRICT)


def _import_file(path: Path, name: str) -> types.ModuleType:
    """Import the plugin file *path*; a failure is a :class:`PluginError` naming file and line."""
    module_name = f"klantreis_plugin_file_{name}"
    try:
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise PluginError(f"{path}: not a Python file klantreis can import")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses and pickle look their module up
        with stdout_to_stderr():
            spec.loader.exec_module(module)
    except PluginError:
        raise
    except (Exception, SystemExit) as exc:
        sys.modules.pop(module_name, None)
        raise PluginError(_located(path, exc)) from None
    return module


def _located(path: Path, exc: BaseException) -> str:
    """``file:line: Error: message`` for an exception raised while importing *path*."""
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        return f"{exc.filename}:{exc.lineno}: {type(exc).__name__}: {exc.msg}"
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            line = frame.lineno
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {_error_text(exc)}"


class _Host:
    """The one plugin manager of the process, loaded lazily and thread-safely."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.pm: pluggy.PluginManager | None = None
        self.infos: dict[str, PluginInfo] = {}
        self.load_failures: list[Broken] = []
        self.registry: Registry | None = None
        self.call: _Call | None = None
        self.wrapper_code: dict[types.CodeType, PluginInfo] = {}

    def manager(self) -> pluggy.PluginManager:
        with self.lock:
            if self.pm is None:
                pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
                pm.add_hookspecs(hookspecs)
                self.pm, self.infos, self.load_failures = pm, {}, []
                with stdout_to_stderr():
                    self._load_builtins(pm)
                    self._load_entry_points(pm)
                    self._load_plugins_dir(pm)
            return self.pm

    def _load_plugins_dir(self, pm: pluggy.PluginManager) -> None:
        folder = os.environ.get(ENV_PLUGINS_DIR, "").strip()
        if not folder:
            return
        if not Path(folder).is_dir():
            info = PluginInfo(ENV_PLUGINS_DIR, path=folder)
            self.load_failures.append(Broken(info, "no such folder", "missing"))
            return
        for file in sorted(Path(folder).glob("*.py")):
            if file.name.startswith("_"):
                continue
            info = PluginInfo(file.stem, path=str(file))
            try:
                module = _import_file(file, info.name)
            except PluginError as exc:
                self.load_failures.append(Broken(info, f"failed to import: {exc}"))
                continue
            broken = self._add(pm, module, info)
            if broken is not None:
                self.load_failures.append(broken)

    def _add(self, pm: pluggy.PluginManager, obj: object, info: PluginInfo) -> Broken | None:
        """Register *obj*, guarded; on failure return why, leaving the manager as it was."""
        if any(isinstance(p, _Guarded) and p.plugin is obj for p in pm.get_plugins()):
            return Broken(info, "cannot be registered: it is registered already", "register")
        try:
            guarded = _Guarded(self, obj, info)
            pm.register(guarded, name=info.name)
        except Exception as exc:
            return Broken(info, f"cannot be registered: {_error_text(exc)}", "register")
        unknown = [
            caller.name for caller in pm.get_hookcallers(guarded) or [] if caller.name not in _HOOKS
        ]
        if unknown:
            pm.unregister(guarded)
            hints = []
            for name in unknown:
                close = difflib.get_close_matches(name, _HOOKS, n=1)
                hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            return Broken(info, f"implements unknown hook {', '.join(hints)}", "register")
        self.infos[info.name] = info
        self.wrapper_code.update(dict.fromkeys(guarded.own_wrapper_code, info))
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
            call, broken = self._call_register_exporters(pm)
            broken = [*self.load_failures, *broken]
            exporters, clashes = self._resolve(call, broken)
            plugins = [self.infos[p] for p in self.infos if pm.has_plugin(p)]
            self.registry = Registry(exporters, broken, plugins, clashes)
            return self.registry

    def _call_register_exporters(self, pm: pluggy.PluginManager) -> tuple[_Call, list[Broken]]:
        """Call the hook through pluggy; a hook wrapper that raises is left out, and
        the hook called again without it."""

        left_out: list[object] = []
        broken: list[Broken] = []
        while True:
            call = self.call = _Call()
            hook = pm.subset_hook_caller("klantreis_register_exporters", left_out)
            try:
                with stdout_to_stderr():
                    hook(register=self._register_function(call))
            except (Exception, SystemExit) as exc:
                culprits = [c for c in self._wrappers_in(exc, pm) if c[0] not in left_out]
                if not culprits:
                    raise PluginError(
                        f"klantreis_register_exporters failed: {_error_text(exc)}"
                    ) from exc
                for plugin, info in culprits:
                    left_out.append(plugin)
                    reason = (
                        f"klantreis_register_exporters (a hook wrapper) raised {_error_text(exc)}"
                    )
                    broken.append(Broken(info, reason, "hook"))
                continue
            finally:
                self.call = None
                call.closed = True
            broken.extend(call.failed.values())
            return call, broken

    def _register_function(self, call: _Call) -> Callable[[Exporter], None]:
        """The ``register`` argument of one hook call: it files each exporter under the
        plugin that registers it."""

        def register(exporter: Exporter) -> None:
            if not isinstance(exporter, Exporter):
                raise PluginError(
                    "register() takes a klantreis.exporters.Exporter, "
                    f"not {type(exporter).__name__}"
                )
            if call.closed:
                raise PluginError(
                    f"register({exporter.name!r}) was called after klantreis_register_exporters "
                    "returned; call it inside the hook"
                )
            info = _caller() or PluginInfo("(unknown plugin)")
            call.exporters.setdefault(info.name, (info, []))[1].append(exporter)

        return register

    def _wrappers_in(
        self, exc: BaseException, pm: pluggy.PluginManager
    ) -> list[tuple[object, PluginInfo]]:
        """The plugins whose hook wrapper is in the traceback of *exc*."""
        codes: set[types.CodeType] = set()
        tb = exc.__traceback__
        while tb is not None:
            codes.add(tb.tb_frame.f_code)
            tb = tb.tb_next
        found: list[tuple[object, PluginInfo]] = []
        for plugin in pm.get_plugins():
            if isinstance(plugin, _Guarded):
                mine = {c for c, i in self.wrapper_code.items() if i is plugin.info}
                if mine & codes:
                    found.append((plugin, plugin.info))
        return found

    def _resolve(
        self, call: _Call, broken: list[Broken]
    ) -> tuple[dict[str, Registered], dict[str, tuple[Registered, ...]]]:
        """Exporters by the name users type; a name two plugins claim is a clash."""
        claims: dict[str, list[Registered]] = {}
        for name, (info, collected) in sorted(call.exporters.items()):
            if name in call.failed:
                continue
            for exporter in collected:
                taken = claims.setdefault(exporter.name, [])
                if any(e.plugin.name == info.name for e in taken):
                    broken.append(
                        Broken(
                            info,
                            f"exporter {exporter.name!r} refused: the plugin registers it twice",
                            "duplicate",
                        )
                    )
                    continue
                taken.append(Registered(exporter, info))
        exporters: dict[str, Registered] = {}
        clashes: dict[str, tuple[Registered, ...]] = {}
        for name, entries in claims.items():
            builtin = next((e for e in entries if e.plugin.builtin), None)
            if builtin is not None:
                exporters[name] = builtin
                for other in entries:
                    if other is not builtin:
                        broken.append(
                            Broken(
                                other.plugin,
                                f"exporter {name!r} refused: the name is taken by "
                                f"{builtin.plugin.name} ({builtin.plugin.describe()})",
                                "duplicate",
                            )
                        )
            elif len(entries) == 1:
                exporters[name] = entries[0]
            else:
                clashes[name] = tuple(sorted(entries, key=lambda e: e.qualified_name))
                for entry in clashes[name]:
                    exporters[entry.qualified_name] = entry
        return exporters, clashes


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
    if is_strict(strict) and registry.broken:
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


def load_plugin_file(path: str | os.PathLike[str]) -> str:
    """Import the single-file plugin *path* and register it (``klantreis export --plugin``).

    Returns its name (the file's stem). The plugin is listed with its file's path as
    origin; loading the same file again does nothing. Raises
    :class:`klantreis.PluginError` with the file and line when the file cannot be read
    or imported, or when it cannot be registered.
    """
    file = Path(path)
    if not file.is_file():
        raise PluginError(f"{file}: no such plugin file")
    pm = _HOST.manager()
    with _HOST.lock:
        info = PluginInfo(file.stem, path=str(file))
        if pm.has_plugin(info.name):
            taken = _HOST.infos.get(info.name)
            if taken is not None and taken.path and Path(taken.path).samefile(file):
                return info.name  # loaded already: once is enough
            raise PluginError(f"{file}: the plugin name {info.name!r} is already taken")
        module = _import_file(file, info.name)
        broken = _HOST._add(pm, module, info)
        if broken is not None:
            raise PluginError(f"{file}: {broken.reason}")
        _HOST.registry = None
        return info.name


def unregister_plugin(name_or_obj: str | object) -> None:
    """Remove a plugin registered with :func:`register_plugin` (by name or object)."""
    pm = _HOST.manager()
    with _HOST.lock:
        if isinstance(name_or_obj, str):
            obj = pm.get_plugin(name_or_obj)
            if obj is None:
                raise PluginError(f"no plugin called {name_or_obj!r} is registered")
        else:
            obj = next(
                (
                    p
                    for p in pm.get_plugins()
                    if isinstance(p, _Guarded) and p.plugin is name_or_obj
                ),
                name_or_obj,
            )
        name = pm.get_name(obj)
        pm.unregister(obj)
        if name is not None:
            info = _HOST.infos.pop(name, None)
            for code in [c for c, i in _HOST.wrapper_code.items() if i is info]:
                del _HOST.wrapper_code[code]
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
        _HOST.wrapper_code = {}
