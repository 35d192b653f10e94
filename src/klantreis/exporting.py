"""Running an exporter: find it by name among the plugins', render, check, write.

>>> import klantreis
>>> journey = klantreis.Journey(title="Intake", phases=[klantreis.Phase(name="Aanmelding")])
>>> print(klantreis.export(journey, "markdown").splitlines()[0])
# Intake

An exporter may return its output whole or in chunks; :func:`render_chunks` checks
each chunk as it comes, :func:`export` writes them to a file or a stream as they come
(a file atomically: through a temporary file in the target's folder, renamed over it
at the end, and removed when the export fails), and :func:`render`,
:func:`export_text` and :func:`export_bytes` join them into one value.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import enum
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, overload

import attrs

from klantreis._files import atomic_write
from klantreis.errors import AmbiguousFormatError, ExportError, KlantreisError, PluginError
from klantreis.exporters.base import Exporter, RenderContext, encode, localize, make_options
from klantreis.model import Journey, Language
from klantreis.plugins import Registered, get_registry, stdout_to_stderr

__all__ = [
    "describe",
    "export",
    "export_bytes",
    "export_text",
    "get_exporter",
    "list_exporters",
    "render",
    "render_chunks",
]


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


@contextlib.contextmanager
def _plugin_code(who: str) -> Iterator[None]:
    """Around every call into an exporter's code (the render call, each next chunk).

    What it writes to ``sys.stdout`` goes to ``sys.stderr``; its failures, ``SystemExit``
    too, become klantreis errors that name it (*who*); Ctrl-C stays Ctrl-C.
    """
    try:
        with stdout_to_stderr():
            yield
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


_END = object()


def render_chunks(
    exporter: Exporter,
    journey: Journey,
    options: Any = None,
    *,
    language: Language | str | None = None,
    source: str | None = None,
) -> Iterator[str | bytes]:
    """Run *exporter* on *journey* and give its output chunk by chunk, each one checked.

    *options* is an instance of the exporter's options class (``None``: defaults);
    *language* the output language (default: the journey's); *source* the journey
    file's name, for an exporter that asks for it. An exporter that returns its
    output whole gives one chunk; empty chunks are left out. A failure inside the
    exporter becomes :class:`klantreis.ExportError`, a chunk of the wrong type
    :class:`klantreis.PluginError`; both name the exporter's plugin and may come after
    earlier chunks were given. Nothing runs until the first chunk is asked for.
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
    context = RenderContext(language=journey.language, options=options, source=source)
    return _chunks(exporter, journey, options, context)


def _chunks(
    exporter: Exporter, journey: Journey, options: Any, context: RenderContext[Any]
) -> Iterator[str | bytes]:
    entry = _entry(exporter)
    who = describe(exporter, entry)
    # The model is frozen; only object.__setattr__ gets around that. A plugin gets a
    # copy of its own, so the caller's journey stays as it was whatever the plugin
    # does; klantreis's own exporters (tested not to) get the journey itself. The hash
    # (of every field, in milliseconds) tells when an exporter changed what it was
    # given, so that its output is not trusted.
    given = journey if entry is not None and entry.plugin.builtin else _private_copy(journey)
    before = _fingerprint(given)
    with _plugin_code(who):
        data: object = exporter.render(given, options, **context.arguments(exporter.asks))
    expected = bytes if exporter.binary else str
    if isinstance(data, (str, bytes)):
        _check_chunk(exporter, who, data, expected, "returned")
        _check_unchanged(who, given, before)
        if data:
            yield data
        return
    if not isinstance(data, Iterable):
        raise _wrong_kind(exporter, who, data, "returned")
    with _plugin_code(who):
        chunks = iter(data)
    while True:
        with _plugin_code(who):
            chunk = next(chunks, _END)
        if chunk is _END:
            break
        checked = _check_chunk(exporter, who, chunk, expected, "gave a chunk of")
        if checked:
            yield checked
    _check_unchanged(who, given, before)


def _check_chunk(
    exporter: Exporter, who: str, data: object, expected: type, verb: str
) -> str | bytes:
    if not isinstance(data, expected) or not isinstance(data, (str, bytes)):
        raise _wrong_kind(exporter, who, data, verb)
    return data


def _wrong_kind(exporter: Exporter, who: str, data: object, verb: str) -> PluginError:
    return PluginError(
        f"{who} {verb} {type(data).__name__}, but it declares {exporter.output_kind} output"
    )


def _check_unchanged(who: str, journey: Journey, before: int | None) -> None:
    if before is not None and _fingerprint(journey) != before:
        raise PluginError(
            f"{who} changed the journey it was given, going around its immutability; "
            "its output is not used"
        )


def render(
    exporter: Exporter,
    journey: Journey,
    options: Any = None,
    *,
    language: Language | str | None = None,
    source: str | None = None,
) -> str | bytes:
    """Run *exporter* on *journey* and check what it returns; nothing is written.

    *options* is an instance of the exporter's options class (``None``: defaults).
    Chunks are joined (see :func:`render_chunks` for the arguments). A failure inside
    the exporter becomes :class:`klantreis.ExportError`, output of the wrong type
    :class:`klantreis.PluginError`; both name the exporter's plugin.
    """
    chunks = list(render_chunks(exporter, journey, options, language=language, source=source))
    if len(chunks) == 1:
        return chunks[0]
    return b"".join(chunks) if exporter.binary else "".join(chunks)  # type: ignore[arg-type]


_ATOMS: frozenset[type] = frozenset({str, int, float, bool, type(None), dt.date})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _private_copy(journey: Journey) -> Journey:
    """A copy of *journey* that shares no object a plugin could change with it.

    Text, numbers, dates and enumeration members are shared (nothing can change
    them); every attrs object and tuple is new. Three to five times faster than
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


@overload
def export(
    journey: Journey,
    format: str | Exporter,
    *,
    output: None = None,
    language: Language | str | None = None,
    **options: Any,
) -> str | bytes: ...


@overload
def export(
    journey: Journey,
    format: str | Exporter,
    *,
    output: str | os.PathLike[str] | IO[Any],
    language: Language | str | None = None,
    **options: Any,
) -> None: ...


def export(
    journey: Journey,
    format: str | Exporter,
    *,
    output: str | os.PathLike[str] | IO[Any] | None = None,
    language: Language | str | None = None,
    **options: Any,
) -> str | bytes | None:
    """Export *journey* in *format* (an exporter's name, or an :class:`Exporter`).

    *output* ``None`` returns the text or bytes (:func:`export_text` and
    :func:`export_bytes` say which to mypy); a path writes the file atomically, chunk
    by chunk as the exporter gives them (an existing file is replaced only by a
    complete, successful export); a stream is written to as the chunks come (bytes
    go to a text stream's ``buffer``). *language* (``"nl"`` or ``"en"``) overrides the
    journey's language for labels and headings. Keyword *options* are the exporter's
    options, e.g. ``layout="grid"`` for CSV.
    """
    exporter = get_exporter(format) if isinstance(format, str) else format
    opts = make_options(exporter, options)
    if output is None:
        return render(exporter, journey, opts, language=language)
    chunks = render_chunks(exporter, journey, opts, language=language)
    who = describe(exporter)
    if isinstance(output, (str, os.PathLike)):
        try:
            atomic_write(Path(output), (encode(exporter, c, who=who) for c in chunks))
        except OSError as exc:
            raise ExportError(f"{os.fspath(output)}: cannot write: {exc.strerror or exc}") from None
        return None
    if not _is_text_stream(output):
        for chunk in chunks:
            output.write(encode(exporter, chunk, who=who))
        return None
    buffer = getattr(output, "buffer", None)
    if exporter.binary and buffer is None:
        raise ExportError(
            f"{exporter.name!r} output is bytes; pass a binary stream, not a text stream"
        )
    for chunk in chunks:
        if isinstance(chunk, bytes):
            output.flush()
            buffer.write(chunk)  # type: ignore[union-attr]
        else:
            output.write(chunk)
    if exporter.binary:
        buffer.flush()  # type: ignore[union-attr]
    return None


def export_text(
    journey: Journey,
    format: str | Exporter,
    *,
    language: Language | str | None = None,
    **options: Any,
) -> str:
    """The output of a text format as ``str`` (:func:`export` for the arguments).

    A format whose output is bytes (``png``, ``xlsx``) is an :class:`klantreis.ExportError`
    that says so; this is how mypy knows the result is ``str`` without ``isinstance``.

    >>> import klantreis
    >>> journey = klantreis.Journey(title="Intake")
    >>> export_text(journey, "markdown").splitlines()[0]
    '# Intake'
    """
    exporter = get_exporter(format) if isinstance(format, str) else format
    if exporter.binary:
        raise ExportError(
            f"{exporter.name!r} output is bytes, not text; use klantreis.exporting.export_bytes"
        )
    data = export(journey, exporter, language=language, **options)
    assert isinstance(data, str)  # render checked the declared kind
    return data


def export_bytes(
    journey: Journey,
    format: str | Exporter,
    *,
    language: Language | str | None = None,
    **options: Any,
) -> bytes:
    """The output of any format as ``bytes``, as a file would hold it.

    Text is encoded in the exporter's encoding (UTF-8 unless it declares another).
    See :func:`export` for the arguments.

    >>> import klantreis
    >>> export_bytes(klantreis.Journey(title="Intake"), "markdown")[:8]
    b'# Intake'
    """
    exporter = get_exporter(format) if isinstance(format, str) else format
    data = export(journey, exporter, language=language, **options)
    return encode(exporter, data, who=describe(exporter))
