"""What an exporter is: the :class:`Exporter` record, its options, and its bytes.

An exporter is a frozen record: a name, a one-line description, a file suffix, a
media type, whether its output is text or bytes (and the encoding of text), an
options class and a render function from a journey to ``str`` or ``bytes``, or to
chunks of them. It never holds a path or a file handle: the host writes every
export, atomically, so a failed export never leaves a half-written file or clobbers
an existing one.

Besides the journey and its options, a render function is told what else it asks
for by name (the way datasette passes a renderer the arguments it names): the
output ``language``, the ``text`` and ``label`` lookups of the word catalogue in that
language, the ``source`` file's name, or the whole :class:`RenderContext`.

This is all a plugin needs (re-exported by :mod:`klantreis.exporters`); finding an
exporter by name and running it is :mod:`klantreis.exporting`, above the plugins.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import inspect
import re
import threading
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, get_args, get_origin

import attrs
from attrs import Factory, field, frozen

from klantreis import words
from klantreis.errors import ExportError
from klantreis.model import Journey, Language
from klantreis.typeinfo import is_optional, non_none, strip_optional

if TYPE_CHECKING:
    from typing import Concatenate

    from cattrs import Converter
    from typing_extensions import TypeVar

__all__ = [
    "CONTEXT_ARGUMENTS",
    "Exporter",
    "NoOptions",
    "OptionInfo",
    "RenderContext",
    "RenderOutput",
    "WordLookup",
    "encode",
    "localize",
    "make_options",
    "option",
]

if TYPE_CHECKING:  # a default (PEP 696), which typing has from Python 3.13 only
    OptionsT = TypeVar("OptionsT", default=Any)
else:
    from typing import TypeVar

    OptionsT = TypeVar("OptionsT")
"""The options class of an exporter (``Exporter[CsvOptions]``); a bare ``Exporter``, as
plugins written for 0.1 annotate it, is ``Exporter[Any]``."""

RenderOutput = str | bytes | Iterable[str] | Iterable[bytes]
"""What a render function returns: the whole output (``str`` or ``bytes``), or an
iterable (a generator, a list) of chunks of it, all ``str`` or all ``bytes``."""

CONTEXT_ARGUMENTS = ("language", "text", "label", "source", "context")
"""The names a render function may ask for after ``journey`` and ``options``.

``language`` (:class:`klantreis.Language`), ``text`` (a :class:`WordLookup`),
``label`` (``Callable[[enum.Enum], str]``), ``source`` (``str | None``) and ``context``
(the :class:`RenderContext` that holds them all)."""

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


class WordLookup(Protocol):
    """The ``text`` a render function asks for: the word catalogue in the output language.

    ``text(key, **values)`` is :func:`klantreis.words.text` with the language filled
    in: *key* is a catalogue key (``"export.phases"``) or a member of one of the
    model's enumerations (``Channel.PHONE``).
    """

    def __call__(self, key: str | enum.Enum, /, **values: object) -> str: ...


@frozen
class RenderContext(Generic[OptionsT]):
    """What a render function is told besides the journey: ask for ``context`` to get it.

    >>> from klantreis import Channel
    >>> context = RenderContext(language="en", options=NoOptions(), source="reis.yaml")
    >>> context.label(Channel.PHONE), context.text("export.phases")
    ('phone', 'Phases')
    """

    language: Language = field(converter=Language)
    """The language of the output: ``--lang``, else the journey's. The journey a render
    gets is in it already: its ``language`` is this one, and the default lanes and
    scales it kept unchanged are the template's in this language."""
    options: OptionsT
    """The exporter's options, converted and checked (the second positional argument)."""
    source: str | None = None
    """The name of the journey file as the user gave it (``reis.yaml``, ``<stdin>``), or
    ``None`` when the journey did not come from a file."""

    def text(self, key: str | enum.Enum, /, **values: object) -> str:
        """The catalogue's message *key* (or an enumeration member's word) in :attr:`language`.

        See :func:`klantreis.words.text`.
        """
        return words.text(key, self.language.value, **values)

    def label(self, member: enum.Enum) -> str:
        """The word for an enumeration member in :attr:`language` (:func:`klantreis.label`)."""
        return words.text(member, self.language.value)

    def date(self, day: dt.date) -> str:
        """A date as people in :attr:`language` write it: ``26 maart 2026``."""
        return words.date_text(day, self.language.value)

    def arguments(self, names: Iterable[str]) -> dict[str, Any]:
        """The keyword arguments for the *names* a render function asks for."""
        values: dict[str, Any] = {
            "language": self.language,
            "text": self.text,
            "label": self.label,
            "source": self.source,
            "context": self,
        }
        return {name: values[name] for name in names}


_FIXED = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _context_names(render: Callable[..., Any]) -> tuple[str, ...]:
    """The context arguments *render* names after its first two (journey, options).

    A render whose signature cannot be read (a builtin) is called as in 0.1:
    ``render(journey, options)``. ``**kwargs`` alone asks for nothing.
    """
    try:
        parameters = list(inspect.signature(render).parameters.values())
    except (TypeError, ValueError):
        return ()
    positional = [p for p in parameters if p.kind in _FIXED]
    if len(positional) < 2 and not any(p.kind is p.VAR_POSITIONAL for p in parameters):
        raise ValueError(
            "an exporter's render function takes the journey and the options first: "
            "render(journey, options, ...)"
        )
    names: list[str] = []
    for p in parameters:
        if (p.kind in _FIXED and positional.index(p) < 2) or p.kind in (
            p.VAR_POSITIONAL,
            p.VAR_KEYWORD,
        ):
            continue
        if p.name in CONTEXT_ARGUMENTS:
            names.append(p.name)
        elif p.default is p.empty:
            raise ValueError(
                f"render parameter {p.name!r} is not one klantreis passes; "
                f"ask for any of {', '.join(CONTEXT_ARGUMENTS)}"
            )
    return tuple(names)


def _check_render(_instance: Any, _attribute: Any, value: Callable[..., Any]) -> None:
    if not callable(value):
        raise TypeError("an exporter's render must be a function")


@frozen(kw_only=True)
class Exporter(Generic[OptionsT]):
    """An output format: what it is called and how a journey is rendered in it.

    *render* is called as ``render(journey, options, **asked)`` with an instance of
    *options* and, as keyword arguments, each of :data:`CONTEXT_ARGUMENTS` that it
    names (``def render(journey, options, *, language, text)``); a render written
    for klantreis 0.1, ``render(journey, options)``, is called just so. It returns
    ``str`` (``binary=False``) or ``bytes`` (``binary=True``), or an iterable of such
    chunks, which the host writes as they come (see :data:`RenderOutput`). It must be
    deterministic (the same journey and options give the same output) and must not
    write files or print; raise :class:`klantreis.ExportError` with a message for
    the user when the export cannot be made.

    ``Exporter`` is generic over its options class, so mypy checks that *render*
    takes what *options* makes: ``Exporter(render=render_outline,
    options=OutlineOptions)`` is an ``Exporter[OutlineOptions]``.
    """

    name: str = field(validator=_check_name)
    """How users ask for it: ``klantreis export FILE --to NAME``."""
    description: str = field(validator=_check_description)
    """One line shown by ``klantreis formats``."""
    suffix: str = field(validator=_check_suffix)
    """The file suffix, with its dot: ``.md``."""
    media_type: str
    """The IANA media type: ``text/markdown``."""
    render: Callable[Concatenate[Journey, OptionsT, ...], RenderOutput] = field(
        repr=False, validator=_check_render
    )
    """The function ``(journey, options, **asked) -> str | bytes | Iterable[str | bytes]``."""
    binary: bool = False
    """Whether the output is bytes (images, workbooks) rather than text."""
    encoding: str = field(default="utf-8", validator=_check_encoding)
    """How text output is encoded when it is written to a file or a byte stream."""
    options: type[OptionsT] = field(default=NoOptions, validator=_check_options)  # type: ignore[assignment]
    """An attrs class whose fields (all with defaults) are the exporter's options."""
    asks: tuple[str, ...] = field(
        init=False,
        eq=False,
        repr=False,
        default=Factory(lambda s: _context_names(s.render), takes_self=True),
    )
    """The :data:`CONTEXT_ARGUMENTS` that *render* names, in its order (read from it)."""

    @property
    def output_kind(self) -> str:
        """``"bytes"`` or ``"text"``."""
        return "bytes" if self.binary else "text"

    def option_help(self) -> list[tuple[str, str, str]]:
        """Each option as ``(name, default, help)``, for listings."""
        return [(o.name, repr(o.default), o.help) for o in self.option_info()]

    def option_info(self) -> list[OptionInfo]:
        """Each option with its type, default and choices, in the order of the options class.

        >>> from klantreis import get_exporter
        >>> get_exporter("csv").option_info()[0]
        OptionInfo(name='layout', type='choice', default='tidy', choices=('tidy', 'grid'), help=...)
        """
        cls: Any = self.options
        types = _option_types(cls)
        rows = []
        for a in attrs.fields(cls):
            kind, choices = _type_text(types[a.name])
            rows.append(
                OptionInfo(
                    name=a.name,
                    type=kind,
                    default=_plain(a.default),
                    choices=choices,
                    help=str(a.metadata.get("help", "")),
                )
            )
        return rows


@frozen
class OptionInfo:
    """One option of an exporter, as ``klantreis formats -v`` and ``--json`` show it."""

    name: str
    """The option's name: ``--option NAME=VALUE``, or ``NAME=`` to :func:`klantreis.export`."""
    type: str
    """``bool``, ``int``, ``float``, ``str``, ``path``, ``choice``, or the annotation as
    written; ``... or none`` when ``none`` (or an empty value) is allowed too."""
    default: Any
    """The default, as plain data: an enumeration's value, a path's text."""
    choices: tuple[str, ...] = ()
    """The values a ``choice`` takes (an ``Enum``'s values, a ``Literal``'s)."""
    help: str = field(default="", repr=lambda text: "...")
    """The option's one line of help."""


def _type_text(t: Any) -> tuple[str, tuple[str, ...]]:
    if t is None or isinstance(t, str):
        return (t or "any"), ()
    if is_optional(t):
        inner = non_none(t)
        if len(inner) == 1:
            kind, choices = _type_text(inner[0])
            return f"{kind} or none", choices
    if _is_literal(t):
        return "choice", tuple(str(c) for c in get_args(t))
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return "choice", tuple(str(m.value) for m in t)
    if isinstance(t, type) and issubclass(t, PurePath):
        return "path", ()
    if t in (bool, int, float, str):
        return t.__name__, ()
    return getattr(t, "__name__", None) or str(t), ()


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


# --- options -------------------------------------------------------------------------

_TRUE = frozenset({"true", "yes", "on", "1", "ja", "y", "j"})
_FALSE = frozenset({"false", "no", "off", "0", "nee", "n"})
_CONVERTERS: dict[bool, Converter] = {}
_CONVERTERS_LOCK = threading.Lock()
_ENUM_HOOKS: dict[bool, set[type]] = {False: set(), True: set()}
_MEMBER_HOOKS: dict[bool, Callable[[Any, Any], enum.Enum]] = {}


class _OptionError(ValueError):
    """A value an option cannot take; *wording* tells it in any language."""

    def __init__(self, wording: words.Message) -> None:
        super().__init__(wording("en"))
        self.wording = wording


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
    from klantreis.serialize.converter import value_words

    conv = make_converter()

    def expected(kind: str, value: Any) -> _OptionError:
        return _OptionError(
            words.Message("read.expected", kind=words.Message(kind), value=value_words(value))
        )

    def not_one_of(value: Any, shown: str) -> _OptionError:
        return _OptionError(
            words.Message("option.not-one-of", value=value_words(value), choices=shown)
        )

    def text(value: Any, _: type) -> str:
        if isinstance(value, str):
            return value
        raise expected("read.kind.text", value)

    def whole(value: Any, _: type) -> int:
        if from_text and isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        elif isinstance(value, int) and not isinstance(value, bool):
            return value
        raise expected("read.kind.whole-number", value)

    def number(value: Any, _: type) -> float:
        if from_text and isinstance(value, str):
            try:
                return float(value.strip().replace(",", "."))
            except ValueError:
                pass
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise expected("read.kind.number", value)

    def yes_no(value: Any, _: type) -> bool:
        if isinstance(value, bool):
            return value
        if from_text and isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise expected("read.kind.true-false", value)

    def literal(value: Any, t: Any) -> Any:
        choices = get_args(t)
        if value in choices:
            return value
        if from_text and isinstance(value, str):
            for choice in choices:
                if str(choice) == value:
                    return choice
        raise not_one_of(value, ", ".join(repr(c) for c in choices))

    def member(value: Any, t: type[enum.Enum]) -> enum.Enum:
        for m in t:
            if value is m or (type(value) is not bool and value == m.value):
                return m
        if from_text and isinstance(value, str):
            typed = value.strip()
            for m in t:
                if typed == str(m.value) or typed.lower() == m.name.lower():
                    return m
        raise not_one_of(value, ", ".join(repr(m.value) for m in t))

    def existing_path(value: Any, _: type) -> Path:
        if isinstance(value, str) and value.strip():
            value = Path(value)
        if not isinstance(value, Path):
            raise expected("option.kind.path", value)
        if not value.exists():
            raise _OptionError(words.Message("option.no-path", path=str(value)))
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
        raise _OptionError(words.Message("option.no-fit", value=value_words(value), type=t))

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


def _option_messages(exc: BaseException, exporter: Exporter, language: str | None) -> list[str]:
    from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError

    if isinstance(exc, ClassValidationError):
        out: list[str] = []
        for sub in exc.exceptions:
            names = [
                n.name
                for n in getattr(sub, "__notes__", ())
                if isinstance(n, AttributeValidationNote)
            ]
            for message in _option_messages(sub, exporter, language):
                if names:
                    message = words.text("option.named", language, name=names[-1], message=message)
                out.append(message)
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exporter.options)]
        out = []
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = words.text("option.did-you-mean", language, word=close[0]) if close else ""
            which = (
                words.text("option.options-are", language, names=", ".join(known))
                if known
                else words.text("option.no-options", language)
            )
            unknown = {"key": key, "exporter": exporter.name, "which": which, "hint": hint}
            out.append(words.text("option.unknown", language, **unknown))
        return out
    if isinstance(exc, _OptionError):
        return [exc.wording(language)]
    return [str(exc) or type(exc).__name__]


def make_options(
    exporter: Exporter,
    values: Mapping[str, Any] | None = None,
    *,
    from_text: bool = False,
    flags: Collection[str] = (),
    language: str | None = None,
) -> Any:
    """An instance of *exporter*'s options class built from *values*.

    Each value is converted and checked by its field's type: ``str``, ``int``,
    ``float``, ``bool``, an :class:`enum.Enum` (also ``(str, Enum)``; given as the
    member or its value), ``Literal[...]``, ``X | None`` and :class:`pathlib.Path`
    (a file or folder that exists). With *from_text*, values are text as typed on the
    command line (``"true"``, ``"3"``, ``"grid"``). *flags* are options given
    without a value (``--option fenced``): each must be a ``bool`` option, and is
    true. Raises :class:`klantreis.ExportError` that names every wrong option, the
    value and the choices, in *language* (``None``: ``KLANTREIS_LANG``, else English).

    >>> from klantreis import get_exporter
    >>> make_options(get_exporter("csv"), {"layout": "grid", "excel": "ja"}, from_text=True)
    CsvOptions(layout='grid', excel=True, delimiter=None)
    """
    values = dict(values or {})
    types = _option_types(exporter.options)
    for name in flags:
        if name in types and strip_optional(types[name]) is not bool:
            needs = {
                "name": name,
                "exporter": exporter.name,
                "choices": _choices(types[name], language),
            }
            raise ExportError(words.text("option.needs-value", language, **needs))
        values[name] = True
    conv = _converter(from_text)
    _enum_hooks(conv, from_text, types.values())
    try:
        return conv.structure(values, exporter.options)
    except Exception as exc:
        messages = _option_messages(exc, exporter, language)
        raise ExportError("; ".join(messages)) from None


def _choices(t: Any, language: str | None = None) -> str:
    inner = strip_optional(t)
    if _is_literal(inner):
        choices = ", ".join(repr(c) for c in get_args(inner))
    elif isinstance(inner, type) and issubclass(inner, enum.Enum):
        choices = ", ".join(repr(m.value) for m in inner)
    else:
        return ""
    return words.text("option.one-of", language, choices=choices)


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
