"""What an exporter is: the :class:`Exporter` record, its options, and its bytes.

An exporter is a frozen record: a name, a one-line description, a file suffix, a
media type, whether its output is text or bytes (and the encoding of text), an
options class and a render function from a journey to ``str`` or ``bytes``. It
never holds a path or a file handle: the host writes every export, atomically, so a
failed export never leaves a half-written file or clobbers an existing one.

This is all a plugin needs (re-exported by :mod:`klantreis.exporters`); finding an
exporter by name and running it is :mod:`klantreis.exporting`, above the plugins.
"""

from __future__ import annotations

import difflib
import enum
import re
import threading
import typing
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

import attrs
from attrs import field, frozen

from klantreis.errors import ExportError
from klantreis.model import Journey, Language
from klantreis.typeinfo import is_optional, non_none, strip_optional

if TYPE_CHECKING:
    from cattrs import Converter

__all__ = [
    "Exporter",
    "NoOptions",
    "encode",
    "localize",
    "make_options",
    "option",
]

_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")
_RESERVED_OPTIONS = frozenset({"journey", "format", "output", "language"})


@frozen
class NoOptions:
    """The options class of an exporter that takes no options."""


def option(default: Any, *, help: str) -> Any:
    """A field of an exporter's options class, with its one-line help text.

    >>> from attrs import frozen
    >>> @frozen
    ... class Options:
    ...     wide: bool = option(False, help="one column per step")
    >>> Options()
    Options(wide=False)
    """
    return field(default=default, metadata={"help": help})


def _check_name(_instance: Any, _attribute: Any, value: str) -> None:
    if not _NAME.fullmatch(value):
        raise ValueError(
            f"exporter name {value!r}: use lower-case letters, digits, '.', '_' or '-' "
            "(at most 40, starting with a letter or digit)"
        )


def _check_description(_instance: Any, _attribute: Any, value: str) -> None:
    if not value.strip() or "\n" in value:
        raise ValueError("an exporter's description is one line of text")


def _check_suffix(_instance: Any, _attribute: Any, value: str) -> None:
    if not re.fullmatch(r"\.[A-Za-z0-9][A-Za-z0-9._-]*", value):
        raise ValueError(f"suffix {value!r}: write it with its dot, e.g. '.md'")


def _check_encoding(_instance: Any, _attribute: Any, value: str) -> None:
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise ValueError(f"unknown encoding {value!r}") from None


def _check_options(_instance: Any, _attribute: Any, value: type) -> None:
    if not (isinstance(value, type) and attrs.has(value)):
        raise TypeError("an exporter's options must be an attrs class (or NoOptions)")
    for a in attrs.fields(value):
        if a.default is attrs.NOTHING:
            raise ValueError(f"option {a.name!r} needs a default value")
        if a.name in _RESERVED_OPTIONS:
            raise ValueError(f"{a.name!r} is reserved and cannot be an option name")


@frozen(kw_only=True)
class Exporter:
    """An output format: what it is called and how a journey is rendered in it.

    *render* is called as ``render(journey, options)`` with an instance of *options*
    and returns ``str`` (``binary=False``) or ``bytes`` (``binary=True``). It must be
    deterministic (the same journey and options give the same output) and must not
    write files or print; raise :class:`klantreis.ExportError` with a message for
    the user when the export cannot be made.
    """

    name: str = field(validator=_check_name)
    """How users ask for it: ``klantreis export FILE --to NAME``."""
    description: str = field(validator=_check_description)
    """One line shown by ``klantreis formats``."""
    suffix: str = field(validator=_check_suffix)
    """The file suffix, with its dot: ``.md``."""
    media_type: str
    """The IANA media type: ``text/markdown``."""
    render: Callable[[Journey, Any], str | bytes] = field(repr=False)
    """The function ``(journey, options) -> str | bytes``."""
    binary: bool = False
    """Whether the output is bytes (images, workbooks) rather than text."""
    encoding: str = field(default="utf-8", validator=_check_encoding)
    """How text output is encoded when it is written to a file or a byte stream."""
    options: type = field(default=NoOptions, validator=_check_options)
    """An attrs class whose fields (all with defaults) are the exporter's options."""

    @property
    def output_kind(self) -> str:
        """``"bytes"`` or ``"text"``."""
        return "bytes" if self.binary else "text"

    def option_help(self) -> list[tuple[str, str, str]]:
        """Each option as ``(name, default, help)``, for listings."""
        rows = []
        for a in attrs.fields(self.options):
            default = a.default
            shown = default.value if isinstance(default, enum.Enum) else default
            rows.append((a.name, repr(shown), str(a.metadata.get("help", ""))))
        return rows


# --- options -------------------------------------------------------------------------

_TRUE = frozenset({"true", "yes", "on", "1", "ja", "y", "j"})
_FALSE = frozenset({"false", "no", "off", "0", "nee", "n"})
_CONVERTERS: dict[bool, Converter] = {}
_CONVERTERS_LOCK = threading.Lock()
_ENUM_HOOKS: dict[bool, set[type]] = {False: set(), True: set()}
_MEMBER_HOOKS: dict[bool, Callable[[Any, Any], enum.Enum]] = {}


class _OptionError(ValueError):
    pass


def _is_literal(t: Any) -> bool:
    return bool(get_origin(t) is Literal)


def _converter(from_text: bool) -> Converter:
    """The journey file's strict converter, with the hooks of exporter options on top.

    *from_text*: values as typed on the command line (``"ja"``, ``"3"``), converted.
    """
    conv = _CONVERTERS.get(from_text)
    if conv is not None:
        return conv
    # Loaded on first use, so that an exporter plugin can import this module cheaply.
    from klantreis.serialize import make_converter
    from klantreis.serialize.converter import describe

    conv = make_converter()

    def text(value: Any, _: type) -> str:
        if isinstance(value, str):
            return value
        raise _OptionError(f"expected text, got {describe(value)}")

    def whole(value: Any, _: type) -> int:
        if from_text and isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        elif isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _OptionError(f"expected a whole number, got {describe(value)}")

    def number(value: Any, _: type) -> float:
        if from_text and isinstance(value, str):
            try:
                return float(value.strip().replace(",", "."))
            except ValueError:
                pass
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise _OptionError(f"expected a number, got {describe(value)}")

    def yes_no(value: Any, _: type) -> bool:
        if isinstance(value, bool):
            return value
        if from_text and isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise _OptionError(f"expected true or false, got {describe(value)}")

    def literal(value: Any, t: Any) -> Any:
        choices = get_args(t)
        if value in choices:
            return value
        if from_text and isinstance(value, str):
            for choice in choices:
                if str(choice) == value:
                    return choice
        shown = ", ".join(repr(c) for c in choices)
        raise _OptionError(f"{describe(value)} is not one of {shown}")

    def member(value: Any, t: type[enum.Enum]) -> enum.Enum:
        for m in t:
            if value is m or (type(value) is not bool and value == m.value):
                return m
        if from_text and isinstance(value, str):
            typed = value.strip()
            for m in t:
                if typed == str(m.value) or typed.lower() == m.name.lower():
                    return m
        shown = ", ".join(repr(m.value) for m in t)
        raise _OptionError(f"{describe(value)} is not one of {shown}")

    def existing_path(value: Any, _: type) -> Path:
        if isinstance(value, str) and value.strip():
            value = Path(value)
        if not isinstance(value, Path):
            raise _OptionError(f"expected the name of a file or folder, got {describe(value)}")
        if not value.exists():
            raise _OptionError(f"there is no file or folder {str(value)!r}")
        return value

    def optional(value: Any, t: Any) -> Any:
        if value is None or (from_text and value in ("", "none", "null")):
            return None
        inner = non_none(t)
        if len(inner) == 1:
            return conv.structure(value, inner[0])
        for candidate in inner:
            try:
                return conv.structure(value, candidate)
            except Exception:
                continue
        raise _OptionError(f"{describe(value)} does not fit {t}")

    conv.register_structure_hook(str, text)
    conv.register_structure_hook(int, whole)
    conv.register_structure_hook(float, number)
    conv.register_structure_hook(bool, yes_no)
    conv.register_structure_hook_func(_is_literal, literal)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), member
    )
    conv.register_structure_hook(Path, existing_path)
    conv.register_structure_hook_func(is_optional, optional)
    _MEMBER_HOOKS[from_text] = member
    _CONVERTERS[from_text] = conv
    return conv


def _option_types(options: type) -> dict[str, Any]:
    """Each option's type, with string annotations (``from __future__``) resolved."""
    try:
        hints = typing.get_type_hints(options)
    except Exception:  # an annotation that does not resolve: cattrs reports it
        hints = {}
    return {a.name: hints.get(a.name, a.type) for a in attrs.fields(options)}


def _enums_in(t: Any) -> Iterator[type[enum.Enum]]:
    if isinstance(t, type) and issubclass(t, enum.Enum):
        yield t
    for arg in get_args(t):
        yield from _enums_in(arg)


def _enum_hooks(conv: Converter, from_text: bool, types: Collection[Any]) -> None:
    """Give each enumeration among *types* its own hook.

    cattrs asks the hooks registered for a class (``str``, ``int``) before the
    predicate hooks, and a ``(str, Enum)`` or ``IntEnum`` is a ``str`` or an ``int``:
    without a hook of its own, the raw text would reach the plugin unchecked.
    """
    member = _MEMBER_HOOKS[from_text]
    with _CONVERTERS_LOCK:
        done = _ENUM_HOOKS[from_text]
        for t in types:
            for cls in _enums_in(t):
                if cls not in done:
                    conv.register_structure_hook(cls, member)
                    done.add(cls)


def _option_messages(exc: BaseException, exporter: Exporter) -> list[str]:
    from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError

    if isinstance(exc, ClassValidationError):
        out: list[str] = []
        for sub in exc.exceptions:
            names = [
                n.name
                for n in getattr(sub, "__notes__", ())
                if isinstance(n, AttributeValidationNote)
            ]
            for message in _option_messages(sub, exporter):
                out.append(f"option {names[-1]!r}: {message}" if names else message)
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exporter.options)]
        out = []
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            which = f"its options are {', '.join(known)}" if known else "it takes no options"
            out.append(f"unknown option {key!r} for {exporter.name!r} ({which}){hint}")
        return out
    return [str(exc) or type(exc).__name__]


def make_options(
    exporter: Exporter,
    values: Mapping[str, Any] | None = None,
    *,
    from_text: bool = False,
    flags: Collection[str] = (),
) -> Any:
    """An instance of *exporter*'s options class built from *values*.

    Each value is converted and checked by its field's type: ``str``, ``int``,
    ``float``, ``bool``, an :class:`enum.Enum` (also ``(str, Enum)``; given as the
    member or its value), ``Literal[...]``, ``X | None`` and :class:`pathlib.Path`
    (a file or folder that exists). With *from_text*, values are text as typed on the
    command line (``"true"``, ``"3"``, ``"grid"``). *flags* are options given
    without a value (``--option fenced``): each must be a ``bool`` option, and is
    true. Raises :class:`klantreis.ExportError` that names every wrong option, the
    value and the choices.

    >>> from klantreis import get_exporter
    >>> make_options(get_exporter("csv"), {"layout": "grid", "excel": "ja"}, from_text=True)
    CsvOptions(layout='grid', excel=True, delimiter=None)
    """
    values = dict(values or {})
    types = _option_types(exporter.options)
    for name in flags:
        if name in types and strip_optional(types[name]) is not bool:
            raise ExportError(
                f"option {name!r} of {exporter.name!r} needs a value: "
                f"--option {name}=VALUE{_choices(types[name])}"
            )
        values[name] = True
    conv = _converter(from_text)
    _enum_hooks(conv, from_text, types.values())
    try:
        return conv.structure(values, exporter.options)
    except Exception as exc:
        messages = _option_messages(exc, exporter)
        raise ExportError("; ".join(messages)) from None


def _choices(t: Any) -> str:
    inner = strip_optional(t)
    if _is_literal(inner):
        return f" (one of {', '.join(repr(c) for c in get_args(inner))})"
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return f" (one of {', '.join(repr(m.value) for m in inner)})"
    return ""


# --- language ------------------------------------------------------------------------


def localize(journey: Journey, language: Language | str) -> Journey:
    """*journey* with its labels in *language*.

    The journey's language changes (exporters take their headings from it), and
    every lane and scale that is the default template's, unchanged, is replaced by the
    template's in the new language. Lanes and scales a team wrote itself stay as
    written.
    """
    from klantreis.templates import default_lanes, default_scales

    target = Language(language)
    if target is journey.language:
        return journey
    old_lanes = {lane.id: lane for lane in default_lanes(journey.language)}
    new_lanes = {lane.id: lane for lane in default_lanes(target)}
    old_scales = {s.id: s for s in default_scales(journey.language)}
    new_scales = {s.id: s for s in default_scales(target)}
    lanes = tuple(
        new_lanes[lane.id] if old_lanes.get(lane.id) == lane else lane for lane in journey.lanes
    )
    scales = tuple(new_scales[s.id] if old_scales.get(s.id) == s else s for s in journey.scales)
    return attrs.evolve(journey, language=target, lanes=lanes, scales=scales)


# --- bytes -------------------------------------------------------------------------


def encode(exporter: Exporter, data: str | bytes, *, who: str | None = None) -> bytes:
    """The bytes of *data* as written to a file: text in the exporter's encoding.

    *who* names the exporter in the message when the encoding cannot hold the text
    (default: ``the 'NAME' exporter``; the host adds its plugin).
    """
    if isinstance(data, bytes):
        return data
    try:
        return data.encode(exporter.encoding)
    except UnicodeEncodeError as exc:
        raise ExportError(
            f"{who or f'the {exporter.name!r} exporter'} wrote {data[exc.start : exc.end]!r}, "
            f"which its declared encoding {exporter.encoding} cannot encode"
        ) from None
