"""Running an exporter: find it by name among the plugins', render, check, write.

>>> import klantreis
>>> journey = klantreis.Journey(title="Intake", phases=[klantreis.Phase(name="Aanmelding")])
>>> print(klantreis.export(journey, "markdown").splitlines()[0])
# Intake
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import enum
import io
import os
from pathlib import Path
from typing import IO, Any

import attrs

from klantreis._files import atomic_write
from klantreis.errors import AmbiguousFormatError, ExportError, KlantreisError, PluginError
from klantreis.exporters.base import Exporter, encode, localize, make_options
from klantreis.model import Journey, Language
from klantreis.plugins import Registered, get_registry, stdout_to_stderr

__all__ = ["describe", "export", "get_exporter", "list_exporters", "render"]


# --- the registry --------------------------------------------------------------------


def list_exporters() -> dict[str, Exporter]:
    """Every working exporter, by name (built-in and from plugins), sorted by name.

    The first call loads the plugins; broken ones are left out (see
    :func:`klantreis.plugins.get_registry` for them and their errors). A name that
    two plugins register is listed once per plugin, by its qualified name
    (``klantreis-ics:ics``), never by the ambiguous name alone.
    """
    registry = get_registry()
    return {name: registry.exporters[name].exporter for name in sorted(registry.exporters)}


def get_exporter(name: str) -> Exporter:
    """The exporter called *name* (or, failing that, the only one with suffix ``.name``).

    *name* may be qualified by the distribution (or plugin) that provides it:
    ``klantreis-ics:ics``. A name that two or more plugins register is never
    resolved silently: it raises :class:`klantreis.errors.AmbiguousFormatError`
    naming each plugin and its qualified name. A built-in format's name stays the
    built-in's. Raises :class:`klantreis.ExportError` naming the close matches when
    there is no such format.
    """
    registry = get_registry()
    if name in registry.exporters:
        return registry.exporters[name].exporter
    claimants = registry.clashes.get(name)
    if claimants:
        choices = [e.qualified_name for e in claimants]
        who = ", ".join(f"{e.plugin.describe()} ({e.plugin.name})" for e in claimants)
        raise AmbiguousFormatError(
            f"the format {name!r} is registered by {len(claimants)} plugins: {who}; "
            f"say which with {' or '.join(repr(c) for c in choices)}",
            choices,
        )
    qualified = registry.qualified(name)
    if qualified is not None:
        return qualified.exporter
    found = list_exporters()
    by_suffix = [e for e in found.values() if e.suffix.lower() == "." + name.lower()]
    if len(by_suffix) == 1:
        return by_suffix[0]
    close = [e.name for e in by_suffix] or difflib.get_close_matches(
        name, [*found, *registry.clashes], n=3, cutoff=0.5
    )
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    broken = [b for b in registry.broken if name in b.plugin.name]
    extra = (
        f" (the plugin {broken[0].plugin.name!r} is broken: {broken[0].reason})" if broken else ""
    )
    raise ExportError(
        f"unknown format {name!r}{hint}{extra}; `klantreis formats` lists the formats"
    )


def _entry(exporter: Exporter) -> Registered | None:
    for entry in get_registry().exporters.values():
        if entry.exporter is exporter:
            return entry
    return None


def describe(exporter: Exporter, entry: Registered | None = None) -> str:
    """How messages name an exporter: ``the 'ics' exporter (klantreis-ics 1.0.0)``."""
    entry = entry or _entry(exporter)
    origin = entry.plugin.describe() if entry is not None else "not registered"
    return f"the {exporter.name!r} exporter ({origin})"


# --- running an export ---------------------------------------------------------------


def render(
    exporter: Exporter,
    journey: Journey,
    options: Any = None,
    *,
    language: Language | str | None = None,
) -> str | bytes:
    """Run *exporter* on *journey* and check what it returns; nothing is written.

    *options* is an instance of the exporter's options class (``None``: defaults).
    A failure inside the exporter becomes :class:`klantreis.ExportError`, output of
    the wrong type :class:`klantreis.PluginError`; both name the exporter's plugin.
    """
    if options is None:
        options = exporter.options()
    elif not isinstance(options, exporter.options):
        raise ExportError(
            f"options for {exporter.name!r} must be a {exporter.options.__name__}, "
            f"not {type(options).__name__}"
        )
    if language is not None:
        journey = localize(journey, language)
    entry = _entry(exporter)
    who = describe(exporter, entry)
    # The model is frozen; only object.__setattr__ gets around that. A plugin gets a
    # copy of its own, so the caller's journey stays as it was whatever the plugin
    # does; klantreis's own exporters (tested not to) get the journey itself. The hash
    # (of every field, in milliseconds) tells when an exporter changed what it was
    # given, so that its output is not trusted.
    given = journey if entry is not None and entry.plugin.builtin else _private_copy(journey)
    before = _fingerprint(given)
    try:
        with stdout_to_stderr():
            data = exporter.render(given, options)
    except (KlantreisError, KeyboardInterrupt):
        raise
    except RecursionError:
        raise ExportError(f"{who} ran out of stack") from None
    except SystemExit as exc:
        raise ExportError(
            f"{who} tried to end the program (SystemExit: {exc.code!r}); nothing was exported"
        ) from None
    except BaseException as exc:
        raise ExportError(f"{who} failed: {type(exc).__name__}: {exc}") from exc
    if before is not None and _fingerprint(given) != before:
        raise PluginError(
            f"{who} changed the journey it was given, going around its immutability; "
            "its output is not used"
        )
    expected = bytes if exporter.binary else str
    if not isinstance(data, expected):
        raise PluginError(
            f"{who} returned {type(data).__name__}, but it declares {exporter.output_kind} output"
        )
    return data


_ATOMS: frozenset[type] = frozenset({str, int, float, bool, type(None), dt.date})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _private_copy(journey: Journey) -> Journey:
    """A copy of *journey* that shares no object a plugin could change with it.

    Text, numbers, dates and enumeration members are shared (nothing can change
    them); every attrs object and tuple is new. About four times faster than
    :func:`copy.deepcopy` (see ``benchmarks/``).
    """
    copied: Journey = _copy(journey)
    return copied


def _copy(obj: Any) -> Any:
    kind = type(obj)
    if kind is tuple:
        return tuple([_copy(item) for item in obj])
    if kind in _ATOMS or isinstance(obj, enum.Enum):
        return obj
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(a.name for a in attrs.fields(kind)) if attrs.has(kind) else ()
    if not names:
        return copy.deepcopy(obj)
    new = object.__new__(kind)
    for name in names:
        object.__setattr__(new, name, _copy(getattr(obj, name)))
    return new


def _fingerprint(journey: Journey) -> int | None:
    try:
        return hash(journey)
    except TypeError:  # a journey built around the converters, holding a list
        return None


def _is_text_stream(stream: Any) -> bool:
    if isinstance(stream, io.TextIOBase):
        return True
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)):
        return False
    return "b" not in str(getattr(stream, "mode", ""))


def export(
    journey: Journey,
    format: str | Exporter,
    *,
    output: str | os.PathLike[str] | IO[Any] | None = None,
    language: Language | str | None = None,
    **options: Any,
) -> str | bytes | None:
    """Export *journey* in *format* (an exporter's name, or an :class:`Exporter`).

    *output* ``None`` returns the text or bytes; a path writes the file atomically
    (an existing file is replaced only by a complete, successful export); a stream
    is written to (bytes go to a text stream's ``buffer``). *language* (``"nl"`` or
    ``"en"``) overrides the journey's language for labels and headings. Keyword
    *options* are the exporter's options, e.g. ``layout="grid"`` for CSV.
    """
    exporter = get_exporter(format) if isinstance(format, str) else format
    opts = make_options(exporter, options)
    data = render(exporter, journey, opts, language=language)
    if output is None:
        return data
    if isinstance(output, (str, os.PathLike)):
        payload = encode(exporter, data, who=describe(exporter))
        try:
            atomic_write(Path(output), payload)
        except OSError as exc:
            raise ExportError(f"{os.fspath(output)}: cannot write: {exc.strerror or exc}") from None
        return None
    if _is_text_stream(output):
        if isinstance(data, bytes):
            buffer = getattr(output, "buffer", None)
            if buffer is None:
                raise ExportError(
                    f"{exporter.name!r} output is bytes; pass a binary stream, not a text stream"
                )
            output.flush()
            buffer.write(data)
            buffer.flush()
        else:
            output.write(data)
    else:
        output.write(encode(exporter, data, who=describe(exporter)))
    return None
