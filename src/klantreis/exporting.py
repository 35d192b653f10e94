"""Running an exporter: find it by name among the plugins', render, check, write.

>>> import klantreis
>>> journey = klantreis.Journey(title="Intake", phases=[klantreis.Phase(name="Aanmelding")])
>>> print(klantreis.export(journey, "markdown").splitlines()[0])
# Intake
"""

from __future__ import annotations

import difflib
import io
import os
from pathlib import Path
from typing import IO, Any

from klantreis._files import atomic_write
from klantreis.errors import ExportError, KlantreisError, PluginError
from klantreis.exporters.base import Exporter, encode, localize, make_options
from klantreis.model import Journey, Language
from klantreis.plugins import get_registry

__all__ = ["export", "get_exporter", "list_exporters", "render"]


# --- the registry --------------------------------------------------------------------


def list_exporters() -> dict[str, Exporter]:
    """Every working exporter, by name (built-in and from plugins), sorted by name.

    The first call loads the plugins; broken ones are left out (see
    :func:`klantreis.plugins.get_registry` for them and their errors).
    """
    registry = get_registry()
    return {name: registry.exporters[name].exporter for name in sorted(registry.exporters)}


def get_exporter(name: str) -> Exporter:
    """The exporter called *name* (or, failing that, the only one with suffix ``.name``).

    Raises :class:`klantreis.ExportError` naming the close matches when there is none.
    """
    found = list_exporters()
    if name in found:
        return found[name]
    by_suffix = [e for e in found.values() if e.suffix.lower() == "." + name.lower()]
    if len(by_suffix) == 1:
        return by_suffix[0]
    close = [e.name for e in by_suffix] or difflib.get_close_matches(
        name, list(found), n=3, cutoff=0.5
    )
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    broken = [b for b in get_registry().broken if name in b.plugin.name]
    extra = (
        f" (the plugin {broken[0].plugin.name!r} is broken: {broken[0].reason})" if broken else ""
    )
    raise ExportError(
        f"unknown format {name!r}{hint}{extra}; `klantreis formats` lists the formats"
    )


def _origin(exporter: Exporter) -> str:
    for entry in get_registry().exporters.values():
        if entry.exporter is exporter:
            return entry.plugin.describe()
    return "not registered"


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
    # The model is frozen; only object.__setattr__ gets around that. The hash (of every
    # field, in milliseconds) tells when a plugin did, so its output is not trusted.
    before = _fingerprint(journey)
    try:
        data = exporter.render(journey, options)
    except KlantreisError:
        raise
    except RecursionError:
        raise ExportError(f"the {exporter.name!r} exporter ran out of stack") from None
    except Exception as exc:
        raise ExportError(
            f"the {exporter.name!r} exporter ({_origin(exporter)}) failed: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if before is not None and _fingerprint(journey) != before:
        raise PluginError(
            f"the {exporter.name!r} exporter ({_origin(exporter)}) changed the journey it "
            "was given, going around its immutability; its output is not used"
        )
    expected = bytes if exporter.binary else str
    if not isinstance(data, expected):
        raise PluginError(
            f"the {exporter.name!r} exporter ({_origin(exporter)}) returned "
            f"{type(data).__name__}, but it declares {exporter.output_kind} output"
        )
    return data


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
        payload = encode(exporter, data)
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
        output.write(encode(exporter, data))
    return None
