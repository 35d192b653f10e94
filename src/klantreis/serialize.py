"""The journey file format: reading and writing YAML and JSON through cattrs.

Reading goes in three stages, each of which reports *every* problem it finds with its
location: the text is parsed (YAML 1.2 scalars, no aliases or custom tags, no key
given twice), ids left out by the writer are derived from titles, and cattrs
structures the data with strict hooks (``"false"`` is not ``True``, ``3.7`` is not
``3``). Domain rules (see :mod:`klantreis.rules`) run on the result.

Writing is canonical: keys in the model's order, defaults left out, ids always
written, so that files diff well in git and load back equal.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
import math
import os
import re
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, Union, get_args, get_origin, overload

import attrs
import yaml
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from klantreis import model
from klantreis._files import atomic_write
from klantreis.errors import LoadError, PathPart, Problem, Report, ValidationError
from klantreis.model import (
    Duration,
    DurationUnit,
    Journey,
    Language,
    Note,
    NoteKind,
    Rating,
    SystemBoundary,
    slugify,
)

__all__ = [
    "FORMAT_VERSION",
    "Document",
    "Format",
    "Limits",
    "dump",
    "dumps",
    "load",
    "loads",
    "read_document",
    "structure_as",
    "to_data",
]

FORMAT_VERSION = 1
"""The version of the file format, written as ``format_version`` at the top of a file.

It changes only when a file written by this version could be misread by an older
klantreis; it is independent of the package's version.
"""

Format = Literal["yaml", "json"]
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on what the loader accepts, so that hostile files fail fast.

    Embedders that handle larger journeys pass their own ``Limits`` to :func:`load`.
    """

    max_bytes: int = 64 * 1024 * 1024
    """The largest file, in bytes."""
    max_depth: int = 32
    """The deepest nesting of lists and mappings (a journey file needs about 6)."""
    max_digits: int = 20
    """The longest integer, in digits."""
    max_problems: int = 1000
    """Stop collecting problems after this many."""


DEFAULT_LIMITS = Limits()


# --- parsing --------------------------------------------------------------------------


class _Rejected:
    """A scalar the loader refused to turn into a Python number (too long, NaN, inf).

    It flows into structuring, where every strict hook reports it at its location.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text if len(self.text) < 40 else f"{self.text[:20]}... ({len(self.text)} chars)"


try:  # libyaml's parser and composer are C; fall back to pure Python.
    _BaseLoader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _NodeLoader(_BaseLoader):  # type: ignore[misc]
    """Composes nodes only; every plain scalar keeps the tag ``str`` for our resolver."""

    yaml_implicit_resolvers: dict[str, Any] = {}  # noqa: RUF012 - PyYAML's own class attribute


_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def _plain_scalar(text: str, limits: Limits) -> Any:
    """Resolve an unquoted YAML scalar by the YAML 1.2 core schema.

    ``no``, ``off``, ``9:30`` and ``010`` stay text: YAML 1.1's booleans, sexagesimal
    numbers and octals are not applied. Numbers too long or not finite are rejected.
    """
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text) if len(text) <= limits.max_digits else _Rejected(text)
    if _LEADING_ZERO.fullmatch(text):
        return text  # 010: an octal to YAML 1.1, 10 to YAML 1.2; klantreis keeps the text
    if _FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        value = float(text)
        return value if math.isfinite(value) and len(text) <= 64 else _Rejected(text)
    if _SPECIAL_FLOAT.fullmatch(text):
        return _Rejected(text)
    return text


def _mark(event: Any) -> tuple[int, int]:  # a yaml.Event
    return event.start_mark.line + 1, event.start_mark.column + 1


def _too_deep(
    limits: Limits, source: str | None, event: yaml.Event | None = None, line: int | None = None
) -> LoadError:
    column = None
    if event is not None:
        line, column = _mark(event)
    return LoadError(
        Problem(
            code="too-deep",
            message=f"the document is nested more than {limits.max_depth} deep",
            source=source,
            line=line,
            column=column,
        )
    )


def _yaml_error(exc: yaml.YAMLError, source: str | None) -> LoadError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {what}" + (f" ({context})" if context else "")
    return LoadError(
        Problem(
            code="invalid-yaml",
            message=message,
            source=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )
    )


_DISCARD = object()
"""Stands for a key the reader refused (a list or mapping used as a key)."""


class _Frame:
    """An open list or mapping while reading the event stream."""

    __slots__ = ("container", "key", "key_event", "path", "start")

    def __init__(self, container: Any, path: tuple[PathPart, ...], start: yaml.Event) -> None:
        self.container = container
        self.path = path
        self.start = start
        self.key: Any = None
        self.key_event: yaml.Event | None = None


def _flow_too_deep(text: str, limits: Limits) -> int | None:
    """The line where flow brackets (``[`` ``{``) first nest deeper than the limit, if any.

    libyaml refuses deep flow nesting itself while scanning ahead, before the reader sees
    the events (seen with PyYAML 6.0.4; its message and limit are libyaml's). This scan
    runs only after such a refusal, to report it as the located ``too-deep`` problem, and
    so does not depend on the wording of the upstream message.
    """
    depth, line, quote, previous = 0, 1, "", "\n"
    comment = False
    for char in text:
        if char == "\n":
            line += 1
            comment = False
        elif comment:
            continue
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"" and previous in "\n[{,:- ":  # a quoted scalar starts here
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > limits.max_depth:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char
    return None


def _events(text: str, source: str | None, limits: Limits) -> Iterator[Any]:  # yaml.Event
    try:
        yield from yaml.parse(text, Loader=_NodeLoader)
    except yaml.YAMLError as exc:
        line = _flow_too_deep(text, limits)
        if line is not None:
            raise _too_deep(limits, source, line=line) from None
        raise _yaml_error(exc, source) from None


def _read_yaml(text: str, source: str | None, limits: Limits) -> tuple[Any, list[Problem]]:
    """Build plain data from libyaml's event stream, collecting every problem.

    Reading events (not composed nodes) keeps memory and time low and never recurses,
    so no nesting can overflow a stack. Aliases, custom tags and keys given twice are
    problems at their line; the data holds ``None`` in their place.
    """
    problems: list[Problem] = []

    def problem(event: yaml.Event, path: tuple[PathPart, ...], code: str, msg: str) -> None:
        line, column = _mark(event)
        problems.append(
            Problem(code=code, message=msg, path=path, source=source, line=line, column=column)
        )

    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    first_lines: dict[tuple[int, tuple[PathPart, ...]], int] = {}

    def child_path() -> tuple[PathPart, ...]:
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        return (*top.path, top.key) if isinstance(top.key, str) else top.path

    def add(value: Any, event: yaml.Event) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        container = top.container
        if isinstance(container, list):
            container.append(value)
        elif top.key_event is None:  # this value is a key
            top.key_event = event
            if isinstance(value, str):
                top.key = value
            else:
                problem(
                    event, top.path, "bad-key", "a key must be a plain word, not a list or mapping"
                )
                top.key = _DISCARD
        else:
            key = top.key
            if key is not _DISCARD:
                if key in container:
                    first = first_lines[(id(container), (key,))]
                    problem(
                        top.key_event,
                        (*top.path, key),
                        "duplicate-key",
                        f"the key {key!r} is given twice (first on line {first})",
                    )
                else:
                    container[key] = value
                    first_lines[(id(container), (key,))] = _mark(top.key_event)[0]
            top.key, top.key_event = None, None

    for event in _events(text, source, limits):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if stack and stack[-1].key_event is None and isinstance(stack[-1].container, dict):
                value: Any = event.value  # a key is always the text written
            elif tag is None or tag == "!":
                value = event.value if event.style else _plain_scalar(event.value, limits)
            elif tag == _TAG + "str":
                value = event.value
            elif tag in (_TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"):
                value = _plain_scalar(event.value, limits)
                expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
                if not isinstance(value, expected[tag[len(_TAG) :]]):  # type: ignore[arg-type]
                    problem(
                        event,
                        child_path() if stack else (),
                        "yaml-tag",
                        f"{event.value!r} is not a valid {tag}",
                    )
                    value = None
            else:
                where = child_path() if stack else ()
                problem(event, where, "yaml-tag", f"unsupported YAML tag {tag!r}")
                value = None
            add(value, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= limits.max_depth:
                raise _too_deep(limits, source, event)
            path = child_path() if stack else ()
            is_map = kind is yaml.MappingStartEvent
            if event.tag not in (None, "!", _TAG + ("map" if is_map else "seq")):
                problem(event, path, "yaml-tag", f"unsupported YAML tag {event.tag!r}")
            stack.append(_Frame({} if is_map else [], path, event))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            add(frame.container, frame.start)
        elif kind is yaml.AliasEvent:
            problem(
                event,
                child_path() if stack else (),
                "yaml-alias",
                "YAML aliases (*name) are not supported in journey files; write the value out",
            )
            add(None, event)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                line, _ = _mark(event)
                raise LoadError(
                    Problem(
                        code="invalid-yaml",
                        message="the file holds more than one YAML document (---); "
                        "put one journey in a file",
                        source=source,
                        line=line,
                    )
                )
    if documents == 0:
        raise LoadError(Problem(code="empty", message="the file holds no document", source=source))
    return root, problems


class _SourceMap:
    """Finds the lines of document paths, reading the text again only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text

    def locate(
        self, paths: Iterable[tuple[PathPart, ...]]
    ) -> dict[tuple[PathPart, ...], tuple[int, int]]:
        """The line and column of every path and of its prefixes that exist.

        A mapping key is located at the key (``title:``), a list item at its start.
        """
        wanted: set[tuple[PathPart, ...]] = set()
        for path in paths:
            wanted.update(path[:n] for n in range(1, len(path) + 1))
        found: dict[tuple[PathPart, ...], tuple[int, int]] = {}
        if not wanted:
            return found
        # frames: [path, is_mapping, next index or current key, expecting_key]
        stack: list[list[Any]] = []
        try:
            events: Iterator[Any] = yaml.parse(self.text, Loader=_NodeLoader)
            for event in events:
                kind = type(event)
                if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    stack.pop()
                    self._after_value(stack)
                    continue
                if kind not in (
                    yaml.ScalarEvent,
                    yaml.MappingStartEvent,
                    yaml.SequenceStartEvent,
                    yaml.AliasEvent,
                ):
                    continue
                if stack and stack[-1][1] and stack[-1][3]:  # a key
                    frame = stack[-1]
                    frame[2] = event.value if kind is yaml.ScalarEvent else None
                    frame[3] = False
                    path = (*frame[0], frame[2])
                    if path in wanted and path not in found:
                        found[path] = _mark(event)
                    if kind is not yaml.ScalarEvent and kind is not yaml.AliasEvent:
                        stack.append([frame[0], kind is yaml.MappingStartEvent, 0, True])
                    continue
                if stack:
                    frame = stack[-1]
                    path = (*frame[0], frame[2])
                    if path in wanted and path not in found:
                        found[path] = _mark(event)
                else:
                    path = ()
                if kind is yaml.MappingStartEvent:
                    stack.append([path, True, None, True])
                elif kind is yaml.SequenceStartEvent:
                    stack.append([path, False, 0, False])
                else:
                    self._after_value(stack)
        except (yaml.YAMLError, IndexError):
            pass
        return found

    @staticmethod
    def _after_value(stack: list[list[Any]]) -> None:
        if not stack:
            return
        frame = stack[-1]
        if frame[1]:
            frame[3] = True
        else:
            frame[2] += 1

    def stamp(self, problems: list[Problem], source: str | None) -> list[Problem]:
        """Fill in the line of every problem that has none (the longest known prefix)."""
        marks = self.locate(p.path for p in problems if p.line is None)
        out = []
        for p in problems:
            if p.line is None:
                for n in range(len(p.path), 0, -1):
                    where = marks.get(p.path[:n])
                    if where is not None:
                        p = attrs.evolve(p, line=where[0], column=where[1])
                        break
            if p.source is None and source is not None:
                p = attrs.evolve(p, source=source)
            out.append(p)
        return out


def _decode(data: bytes, source: str | None) -> str:
    def fail(message: str, line: int | None = None) -> LoadError:
        return LoadError(Problem(code="bad-encoding", message=message, source=source, line=line))

    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail("the file is UTF-32; save it as UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("the file is UTF-16; save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
            line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        if text[1:40:2].count("\x00") > 10 or text[0:40:2].count("\x00") > 10:
            raise fail(
                "the file looks like UTF-16 (every other byte is NUL); save it as UTF-8", line
            )
        raise fail("the file holds a NUL byte: it is binary, not a journey file", line)
    return text


def _sniff(text: str, source: str | None) -> Format:
    if source is not None:
        suffix = Path(source).suffix.lower()
        if suffix == ".json":
            return "json"
        if suffix in (".yaml", ".yml"):
            return "yaml"
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


class _DuplicateKey(Exception):
    pass


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def _parse(
    text: str, fmt: Format, source: str | None, limits: Limits
) -> tuple[Any, _SourceMap, list[Problem]]:
    """Text to plain data, a source map, and the problems found while parsing."""
    if not text.strip():
        raise LoadError(Problem(code="empty", message="the file is empty", source=source))
    if fmt == "json":
        try:
            data = json.loads(
                text,
                object_pairs_hook=_json_pairs,
                parse_constant=_Rejected,
                parse_int=lambda s: int(s) if len(s) <= limits.max_digits else _Rejected(s),
            )
        except json.JSONDecodeError as exc:
            raise LoadError(
                Problem(
                    code="invalid-json",
                    message=f"invalid JSON: {exc.msg}",
                    source=source,
                    line=exc.lineno,
                    column=exc.colno,
                )
            ) from None
        except RecursionError:
            raise LoadError(
                Problem(code="too-deep", message="the document is nested too deep", source=source)
            ) from None
        except _DuplicateKey:
            # JSON is YAML: the YAML reader finds the duplicate keys with their lines.
            data, problems = _read_yaml(text, source, limits)
            return data, _SourceMap(text), problems
        _check_depth(data, limits, source)
        return data, _SourceMap(text), []
    data, problems = _read_yaml(text, source, limits)
    return data, _SourceMap(text), problems


def _check_depth(data: Any, limits: Limits, source: str | None) -> None:
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.max_depth:
            raise _too_deep(limits, source)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))


# --- ids ------------------------------------------------------------------------------

_NAMED: tuple[tuple[str, str], ...] = (
    ("actors", "name"),
    ("scales", "name"),
    ("phases", "name"),
    ("lanes", "name"),
    ("steps", "title"),
    ("actions", "title"),
    ("insights", "text"),
)
"""Each collection of a journey and the field its ids are derived from."""


def _unique(base: str, taken: set[str], tried: dict[str, int]) -> str:
    """*base*, or *base*-2, -3, ...: the first not in *taken*, which it joins.

    *tried* remembers where the search for each base stopped (every candidate before
    it is taken, and stays taken), so many steps with one title cost linear time.
    """
    n = tried.get(base, 1)
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    tried[base] = n
    taken.add(candidate)
    return candidate


def derive_ids(data: Any) -> Any:
    """Fill in the ids a writer left out, from titles, unique within each collection.

    Ids are derived in document order and never collide with ids written out, so the
    same file always gets the same ids. Returns a new mapping; *data* is not changed.
    """
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if "id" not in data and isinstance(data.get("title"), str):
        data["id"] = slugify(data["title"], fallback="journey")
    for key, named in _NAMED:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        taken = {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
        fallback = key.rstrip("s")
        tried: dict[str, int] = {}
        new_items = []
        for item in items:
            if isinstance(item, dict) and "id" not in item and isinstance(item.get(named), str):
                item = {
                    **item,
                    "id": _unique(slugify(item[named], fallback=fallback), taken, tried),
                }
            new_items.append(item)
        data[key] = new_items
    return data


# --- structuring: strict hooks --------------------------------------------------------


class _Invalid(ValueError):
    """A value of the wrong shape; *path* goes below the attribute it was found at."""

    def __init__(
        self,
        message: str,
        code: str = "wrong-type",
        path: tuple[PathPart, ...] = (),
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message, self.code, self.path, self.hint = message, code, path, hint


class _Many(ValueError):
    """Several problems found by one hook."""

    def __init__(self, errors: list[_Invalid]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, _Rejected):
        return f"the number {value!r}, which is not allowed (too long, or not finite)"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _expect(kind: str, value: Any, hint: str | None = None) -> _Invalid:
    return _Invalid(f"expected {kind}, got {_describe(value)}", hint=hint)


def _str(value: Any, _: type) -> str:
    if isinstance(value, str):
        if _SURROGATE.search(value):  # JSON's "\ud800": no file or terminal can take it
            raise _Invalid(
                "the text holds a lone surrogate (an escape like \\ud800), which is not "
                "a character",
                code="bad-text",
            )
        return value
    hint = "put it in quotes to keep it as text" if isinstance(value, (bool, int, float)) else None
    raise _expect("text", value, hint)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _expect("a whole number", value)


def _float(value: Any, _: type) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise _expect("a number", value)


def _bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _expect("true or false", value)


def _date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _expect("a date written as YYYY-MM-DD", value)


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def _enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str):  # the fast path for valid values: one dict look-up
        member = cl._value2member_map_.get(value)
        if member is not None:
            return member
    choices = [m.value for m in cl]
    if isinstance(value, str):
        raise _Invalid(
            f"{value!r} is not one of: {', '.join(choices)}",
            code="unknown-value",
            hint=_suggest(value, choices) or _from_label(value, cl),
        )
    raise _expect("one of: " + ", ".join(choices), value)


def _from_label(word: str, cl: type[enum.Enum]) -> str | None:
    """A hint for a value written as its Dutch or English label (``gedaan`` for done)."""
    from klantreis.templates import LABELS

    words = {
        word.strip(): member
        for member in cl
        for label in LABELS.get(member, ())
        for word in label.casefold().split("/")
    }
    folded = word.casefold().strip()
    close = difflib.get_close_matches(folded, list(words), n=1, cutoff=0.7)
    if not close and len(folded) >= 4:  # 'kennis' for 'Kennis, houding en vaardigheden ...'
        close = [w for w in words if w.startswith(folded)][:1]
    if close:
        return f"did you mean {words[close[0]].value!r}? values are written in English"
    return None


_UNITS: dict[str, DurationUnit] = {}
for _unit, _words in {
    DurationUnit.MINUTES: ("minute", "minutes", "min", "mins", "minuut", "minuten"),
    DurationUnit.HOURS: ("hour", "hours", "h", "uur", "uren"),
    DurationUnit.DAYS: ("day", "days", "d", "dag", "dagen"),
    DurationUnit.WEEKS: ("week", "weeks", "w", "weken", "wk"),
    DurationUnit.MONTHS: ("month", "months", "maand", "maanden", "mnd"),
    DurationUnit.YEARS: ("year", "years", "jaar", "jaren", "y"),
}.items():
    for _word in _words:
        _UNITS[_word] = _unit

_DURATION = re.compile(
    r"\s*(\d+(?:[.,]\d+)?(?:e[-+]?\d+)?)\s*"
    r"(?:(?:-|–|to|tot|à|a)\s*(\d+(?:[.,]\d+)?(?:e[-+]?\d+)?))?\s*([^\W\d_]+)\.?\s*"
)


def parse_duration(text: str) -> Duration:
    """Read a duration as people write it: ``2 weeks``, ``4-6 weken``, ``45 min``.

    >>> parse_duration("4-6 weken")
    Duration(amount=4.0, unit=<DurationUnit.WEEKS: 'weeks'>, up_to=6.0)
    """
    match = _DURATION.fullmatch(text)
    unit = _UNITS.get(match.group(3).casefold()) if match else None
    if match is None or unit is None:
        raise _Invalid(
            f"{text!r} is not a duration; write e.g. '2 weeks', '4-6 weken' or '45 min'",
            code="bad-duration",
        )
    low = float(match.group(1).replace(",", "."))
    high = float(match.group(2).replace(",", ".")) if match.group(2) else None
    if high is not None and high < low:
        raise _Invalid(f"the range in {text!r} runs backwards", code="bad-duration")
    return Duration(low, unit, high)


def _duration(value: Any, _: type) -> Duration:
    if isinstance(value, str):
        return parse_duration(value)
    raise _expect("a duration such as '2 weeks'", value)


def _ratings(value: Any, _: type) -> tuple[Rating, ...]:
    if not isinstance(value, dict):
        raise _expect("a mapping of scale to rating, e.g. {emotion: 4}", value)
    ratings, errors = [], []
    for scale, votes in value.items():
        if isinstance(votes, int) and not isinstance(votes, bool):
            ratings.append(Rating(scale, (votes,)))
        elif isinstance(votes, list) and votes:
            bad = [
                _Invalid(f"expected a whole number, got {_describe(v)}", path=(scale, i))
                for i, v in enumerate(votes)
                if not isinstance(v, int) or isinstance(v, bool)
            ]
            errors.extend(bad)
            if not bad:
                ratings.append(Rating(scale, tuple(votes)))
        else:
            errors.append(
                _Invalid(
                    f"expected a whole number or a list of votes, got {_describe(votes)}",
                    path=(scale,),
                )
            )
    if errors:
        raise _Many(errors)
    return tuple(ratings)


_NOTE_KEYS = {kind.value: kind for kind in NoteKind}


def _note(value: Any, _: type) -> Note:
    if not isinstance(value, dict):
        raise _expect("a mapping such as {question: ...}", value)
    kinds = [k for k in value if k in _NOTE_KEYS]
    extra = [k for k in value if k not in _NOTE_KEYS and k not in ("author", "suggestion")]
    errors = [
        _Invalid(
            f"unknown key {k!r} in a Note",
            code="unknown-key",
            path=(k,),
            hint=_suggest(k, [*_NOTE_KEYS, "author", "suggestion"]),
        )
        for k in extra
    ]
    if len(kinds) != 1:
        errors.append(
            _Invalid(
                "a note needs exactly one of the keys question (?), disagreement (!) "
                f"or addition (+); found {len(kinds)}",
                code="bad-note",
            )
        )
    fields: dict[str, Any] = {}
    for key in (*kinds[:1], "author", "suggestion"):
        if key in value:
            try:
                fields[key] = (
                    _str(value[key], str) if value[key] is not None or key in kinds else None
                )
            except _Invalid as exc:
                errors.append(_Invalid(exc.message, path=(key,), hint=exc.hint))
    if errors:
        raise _Many(errors)
    return Note(
        kind=_NOTE_KEYS[kinds[0]],
        text=fields[kinds[0]],
        author=fields.get("author"),
        suggestion=fields.get("suggestion"),
    )


def _note_out(note: Note) -> dict[str, Any]:
    out: dict[str, Any] = {note.kind.value: note.text}
    if note.author is not None:
        out["author"] = note.author
    if note.suggestion is not None:
        out["suggestion"] = note.suggestion
    return out


def _is_tuple_of(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType) and type(None) in get_args(t)


_ENUMS = tuple(
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == model.__name__
)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _make_converter() -> Converter:
    conv = Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(float, _float)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(dt.date, _date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    # The model's enums are str subclasses: register each class itself, or the str
    # hooks above would take them.
    for enum_class in _ENUMS:
        conv.register_structure_hook(enum_class, _enum)
        conv.register_unstructure_hook(enum_class, _enum_value)
    conv.register_structure_hook(Duration, _duration)
    conv.register_unstructure_hook(Duration, str)
    conv.register_structure_hook(Note, _note)
    conv.register_unstructure_hook(Note, _note_out)

    def optional(value: Any, t: Any) -> Any:
        if value is None:
            return None
        inner = next(a for a in get_args(t) if a is not type(None))
        return conv.structure(value, inner)

    conv.register_structure_hook_func(_is_optional, optional)

    def sequence(value: Any, t: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _expect("a list", value)
        item_type = get_args(t)[0]
        items, errors = [], []
        for i, item in enumerate(value):
            try:
                items.append(conv.structure(item, item_type))
            except Exception as exc:
                exc.__notes__ = [  # type: ignore[attr-defined]  # PEP 678 notes, 3.10 too
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"@ index {i}", i, item_type),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(items)

    conv.register_structure_hook_func(_is_tuple_of, sequence)
    conv.register_unstructure_hook_func(_is_tuple_of, lambda v: [conv.unstructure(i) for i in v])
    # Registered after the generic tuple hooks, so that they win for ratings.
    is_ratings: Callable[[Any], bool] = lambda t: t == tuple[Rating, ...]  # noqa: E731
    conv.register_structure_hook_func(is_ratings, _ratings)
    conv.register_unstructure_hook_func(
        is_ratings,
        lambda rs: {r.scale: r.votes[0] if len(r.votes) == 1 else list(r.votes) for r in rs},
    )

    boundary_fn = make_dict_structure_fn(SystemBoundary, conv)

    def boundary(value: Any, t: type) -> SystemBoundary:
        if isinstance(value, str):
            return SystemBoundary(text=value)
        return _mapping_only(boundary_fn)(value, t)

    conv.register_structure_hook(SystemBoundary, boundary)
    boundary_out = make_dict_unstructure_fn(SystemBoundary, conv, _cattrs_omit_if_default=True)
    conv.register_unstructure_hook(
        SystemBoundary,
        lambda b: b.text if b.reason is None and b.options is None else boundary_out(b),
    )

    def structure_factory(cl: type) -> Callable[[Any, type], Any]:
        return _mapping_only(make_dict_structure_fn(cl, conv))

    def unstructure_factory(cl: type) -> Callable[[Any], dict[str, Any]]:
        if any(a.name == "id" for a in attrs.fields(cl)):  # ids are always written
            return make_dict_unstructure_fn(
                cl, conv, _cattrs_omit_if_default=True, id=override(omit_if_default=False)
            )
        return make_dict_unstructure_fn(cl, conv, _cattrs_omit_if_default=True)

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    return conv


def _mapping_only(fn: Callable[[Any, type], T]) -> Callable[[Any, type], T]:
    def structure(value: Any, t: type) -> T:
        if not isinstance(value, dict):
            raise _expect(f"a mapping (a {t.__name__})", value)
        return fn(value, t)

    return structure


_converter = _make_converter()


def _problems_from_exception(
    exc: BaseException, path: tuple[PathPart, ...], data: Any
) -> Iterator[Problem]:
    """Turn a cattrs exception tree into located problems (cattrs' transform_error, typed)."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        for sub in exc.exceptions:
            step: tuple[PathPart, ...] = ()
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    step = (note.name,)
                elif isinstance(note, IterableValidationNote):
                    step = (note.index,)
            yield from _problems_from_exception(sub, path + step, data)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl)]
        for key in sorted(exc.extra_fields):
            yield Problem(
                code="unknown-key",
                message=f"unknown key {key!r} in {_article(exc.cl.__name__)}",
                path=(*path, key),
                hint=_suggest(key, allowed),
            )
        return
    if isinstance(exc, KeyError):
        missing = path[-1] if path else str(exc.args[0])
        yield Problem(
            code="missing-key", message=f"the required key {missing!r} is missing", path=path
        )
        return
    if isinstance(exc, _Many):
        for err in exc.errors:
            yield from _problems_from_exception(err, path, data)
        return
    if isinstance(exc, _Invalid):
        yield Problem(code=exc.code, message=exc.message, path=path + exc.path, hint=exc.hint)
        return
    yield Problem(code="invalid-value", message=str(exc) or type(exc).__name__, path=path)


def _article(name: str) -> str:
    return ("an " if name[0] in "AEIOU" else "a ") + name


def structure(data: Any, *, source: str | None = None) -> tuple[Journey | None, list[Problem]]:
    """Build a :class:`Journey` from plain data; on failure return every problem found.

    The data is what ``json.loads`` or a YAML reader gives; ids left out are derived.
    """
    if not isinstance(data, dict):
        return None, [
            Problem(
                code="wrong-type",
                message=f"expected a journey (a mapping), got {_describe(data)}",
                source=source,
            )
        ]
    data = derive_ids(data)
    problems: list[Problem] = []
    version = data.pop("format_version", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:  # true == 1, 1.0 == 1
        newer = (
            isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION
        )
        problems.append(
            Problem(
                code="format-version",
                message=(
                    f"the file is in format version {version}, written by a newer klantreis; "
                    "upgrade klantreis to read it"
                    if newer
                    else f"unknown format version {_describe(version)}; this klantreis reads "
                    f"version {FORMAT_VERSION}"
                ),
                path=("format_version",),
                source=source,
            )
        )
        return None, problems
    try:
        return _converter.structure(data, Journey), problems
    except Exception as exc:
        problems.extend(_problems_from_exception(exc, (), data))
        return None, problems


def to_data(journey: Journey, *, include_defaults: bool = False) -> dict[str, Any]:
    """The canonical plain data of *journey*, as written to files.

    Values equal to their default are left out, except ids. With
    *include_defaults*, the scales and lanes are written even when they are the
    template's, so that a person can see and edit them.
    """
    data: dict[str, Any] = {"format_version": FORMAT_VERSION}
    data.update(_converter.unstructure(journey))
    if journey.language is Language.NL:  # durations in the words of the file: '2-4 weken'
        for key, items, name in (
            ("phases", journey.phases, "lead_time"),
            ("steps", journey.steps, "duration"),
        ):
            for item, out in zip(items, data.get(key, ()), strict=True):
                value = getattr(item, name)
                if value is not None:
                    out[name] = value.text(Language.NL)
    if include_defaults:
        for key in ("scales", "lanes"):
            data.setdefault(key, _converter.unstructure(getattr(journey, key)))
        order = [a.name for a in attrs.fields(Journey)]
        data = {"format_version": FORMAT_VERSION, **{k: data[k] for k in order if k in data}}
    return data


# --- public API -----------------------------------------------------------------------


def _read_bytes(path: Path, limits: Limits) -> bytes:
    source = str(path)

    def fail(message: str) -> LoadError:
        return LoadError(Problem(code="unreadable", message=message, source=source))

    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise fail(f"the file is {size:,} bytes, over the limit of {limits.max_bytes:,}")
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("this is a folder, not a file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as exc:
        raise fail(exc.strerror or str(exc)) from None
    if len(data) > limits.max_bytes:
        raise fail(f"the file is over the limit of {limits.max_bytes:,} bytes")
    return data


class Document(Generic[T]):
    """What reading a file gave: the value (when it could be built) and the problems.

    Other document types built on klantreis (a workshop plan, say) read their files
    with :func:`read_document` and get the same located problems as journeys.
    """

    def __init__(
        self, value: T | None, problems: list[Problem], source_map: _SourceMap, source: str | None
    ) -> None:
        self.value = value
        self.problems = problems
        self.source_map = source_map
        self.source = source

    def report(self, more: Iterable[Problem] = ()) -> Report:
        """Every problem, with *more* (e.g. from domain rules), located and in line order."""
        problems = self.source_map.stamp([*self.problems, *more], self.source)
        problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
        return Report(tuple(problems), self.source)


@overload
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    format: Format | None = ...,
    name: str | None = ...,
    limits: Limits = ...,
) -> Document[Journey]: ...
@overload
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    into: type[T],
    format: Format | None = ...,
    name: str | None = ...,
    limits: Limits = ...,
) -> Document[T]: ...
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    into: type[Any] = Journey,
    format: Format | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document[Any]:
    """Read a file (or bytes) into a :class:`Document` of *into* (a journey by default).

    Raises :class:`LoadError` when the input cannot be read or parsed at all; every
    other problem is in the document. For classes other than :class:`Journey`, the
    data is structured with the same strict converter (no ids derived).
    """
    if isinstance(source, bytes):
        data, where = source, name
        if len(data) > limits.max_bytes:
            raise LoadError(
                Problem(
                    code="unreadable",
                    message=f"the text is over the limit of {limits.max_bytes:,} bytes",
                    source=where,
                )
            )
    else:
        path = Path(source)
        data, where = _read_bytes(path, limits), name or str(source)
    text = _decode(data, where)
    return _read_text(text, format, where, limits, into)


def structure_as(
    data: Any, cls: type[T], *, source: str | None = None
) -> tuple[T | None, list[Problem]]:
    """Build any attrs class of klantreis's kind from plain data, strictly.

    Returns the value, or ``None`` and every problem found (paths, no lines).
    """
    try:
        return _converter.structure(data, cls), []
    except Exception as exc:
        return None, [
            attrs.evolve(p, source=source) for p in _problems_from_exception(exc, (), data)
        ]


def _read_text(
    text: str,
    format: Format | None,
    where: str | None,
    limits: Limits,
    into: type[Any] = Journey,
) -> Document[Any]:
    fmt = format or _sniff(text, where)
    raw, source_map, problems = _parse(text, fmt, where, limits)
    if into is Journey:
        value, more = structure(raw, source=where)
    else:
        value, more = structure_as(raw, into, source=where)
    if problems:
        # The parser replaced what it refused; say nothing more about those places.
        refused = [p.path for p in problems]
        more = [p for p in more if not any(p.path[: len(r)] == r for r in refused)]
        value = None
    problems.extend(more)
    return Document(value, problems[: limits.max_problems], source_map, where)


def _finish(doc: Document[Journey], check: bool) -> Journey:
    from klantreis.rules import check as run_rules

    more = run_rules(doc.value) if doc.value is not None and check else []
    report = doc.report(more)
    if doc.value is None or not report.ok:
        raise ValidationError(report)
    return doc.value


def load(
    source: str | os.PathLike[str],
    *,
    format: Format | None = None,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Journey:
    """Read a journey file (YAML or JSON, told apart by suffix or content).

    Raises :class:`~klantreis.LoadError` when the file cannot be read or parsed, and
    :class:`~klantreis.ValidationError` with every located problem when it is not a
    valid journey. With ``check=False`` only the structure is checked, not the
    domain rules (a journey with a dangling reference still loads). Warnings never
    raise: use :func:`klantreis.validate` to see them.
    """
    return _finish(read_document(source, format=format, limits=limits), check)


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    source: str | None = None,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Journey:
    """Read a journey from text; *source* names it in messages. See :func:`load`."""
    if isinstance(text, bytes):
        return _finish(read_document(text, format=format, name=source, limits=limits), check)
    return _finish(_read_text(text, format, source, limits), check)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style for multi-line text, so long descriptions read well and diff well."""


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(text: str) -> bool:
    try:
        return bool(_ISO_DATE.fullmatch(text)) and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _is_date(value):  # a date: written plain, as people write it
        return dumper.represent_scalar(_TAG + "timestamp", value)
    style: str | None = None
    if "\n" in value and not value.endswith((" ", "\n\n")):
        style = "|"
    elif not isinstance(_plain_scalar(value, DEFAULT_LIMITS), str):
        style = "'"  # YAML 1.1 writers leave e.g. 0e0 plain; our YAML 1.2 reader would not
    return dumper.represent_scalar(_TAG + "str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dumps(journey: Journey, format: Format = "yaml", *, include_defaults: bool = False) -> str:
    """The canonical text of *journey* in YAML or JSON (see :func:`to_data`)."""
    data = to_data(journey, include_defaults=include_defaults)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format != "yaml":
        raise ValueError(f"unknown format {format!r}; use 'yaml' or 'json'")
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88, indent=2)


def dump(journey: Journey, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write *journey* to *path* atomically, as YAML or JSON (by suffix when not given)."""
    fmt: Format = format or ("json" if Path(path).suffix.lower() == ".json" else "yaml")
    atomic_write(path, dumps(journey, fmt).encode("utf-8"))
