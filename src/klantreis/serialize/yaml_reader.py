"""YAML read from libyaml's event stream: plain data, every problem at its line.

YAML 1.2 scalars (``no`` and ``9:30`` stay text), no aliases or custom tags, no key
given twice, and no nesting deeper than the limit; :class:`SourceMap` finds the line
of any document path afterwards, so that later stages can locate their problems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import yaml

from klantreis.errors import LoadError, PathPart, Problem
from klantreis.serialize.limits import Limits, Rejected
from klantreis.words import Message

__all__ = [
    "TAG",
    "NodeLoader",
    "SourceMap",
    "named_language",
    "plain_scalar",
    "read_yaml",
    "too_deep",
]


try:  # libyaml's parser and composer are C; fall back to pure Python.
    _BaseLoader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class NodeLoader(_BaseLoader):  # type: ignore[misc]
    """Composes nodes only; every plain scalar keeps the tag ``str`` for our resolver."""

    yaml_implicit_resolvers: dict[str, Any] = {}  # noqa: RUF012 - PyYAML's own class attribute


TAG = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def plain_scalar(text: str, limits: Limits) -> Any:
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
        return int(text) if len(text) <= limits.max_digits else Rejected(text)
    if _LEADING_ZERO.fullmatch(text):
        return text  # 010: an octal to YAML 1.1, 10 to YAML 1.2; klantreis keeps the text
    if _FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        value = float(text)
        return value if math.isfinite(value) and len(text) <= 64 else Rejected(text)
    if _SPECIAL_FLOAT.fullmatch(text):
        return Rejected(text)
    return text


def _mark(event: Any) -> tuple[int, int]:  # a yaml.Event
    return event.start_mark.line + 1, event.start_mark.column + 1


def too_deep(
    limits: Limits, source: str | None, event: yaml.Event | None = None, line: int | None = None
) -> LoadError:
    column = None
    if event is not None:
        line, column = _mark(event)
    return LoadError(
        Problem.told(
            "too-deep",
            Message("read.too-deep", depth=limits.max_depth),
            language="en",
            source=source,
            line=line,
            column=column,
        )
    )


_LANGUAGE_LINE = re.compile(r"^language:\s*['\"]?(nl|en)\b", re.MULTILINE)
_LANGUAGE_JSON = re.compile(r"\"language\"\s*:\s*\"(nl|en)\"")


def named_language(text: str) -> str | None:
    """The language a text names at its top (``language: en``, ``"language": "en"``), if any.

    For problems found before the document could be read as a mapping (a YAML mistake,
    a document nested too deep), so that they are told in the journey's language too.
    """
    found = _LANGUAGE_LINE.search(text) or _LANGUAGE_JSON.search(text)
    return found.group(1) if found else None


_NO_SPACE_AFTER_DASH = re.compile(r"^\s*-[^\s-]")
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:[^\s:/]")
_COLON_IN_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+[^'\"{\[|>#][^#]*:\s")


def yaml_hint(text: str, line: int | None) -> Message | None:
    """A hint for a YAML mistake a person makes, to be told in the journey's language.

    Looks at the line the parser stopped at and the one before it.
    """
    if line is None:
        return None
    lines = text.splitlines()
    for number in (line, line - 1):
        if not 1 <= number <= len(lines):
            continue
        here = lines[number - 1]
        indent = here[: len(here) - len(here.lstrip())]
        if "\t" in indent:
            return Message("read.yaml-tab", line=number)
        if _NO_SPACE_AFTER_DASH.match(here):
            return Message("read.yaml-dash", line=number)
        if _NO_SPACE_AFTER_COLON.match(here):
            return Message("read.yaml-colon", line=number)
        if _COLON_IN_VALUE.match(here):
            return Message("read.yaml-colon-in-text", line=number)
    here = lines[line - 1] if 1 <= line <= len(lines) else ""
    if here.lstrip().startswith("- "):
        return Message("read.yaml-list-indent", line=line)
    return None


def _yaml_error(exc: yaml.YAMLError, source: str | None, text: str = "") -> LoadError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    line = mark.line + 1 if mark else None
    return LoadError(
        Problem.told(
            "invalid-yaml",
            # libyaml's own words stay as it wrote them (English); the hint explains them
            Message("read.invalid-yaml", what=what + (f" ({context})" if context else "")),
            yaml_hint(text, line),
            language="en",
            source=source,
            line=line,
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
        yield from yaml.parse(text, Loader=NodeLoader)
    except yaml.YAMLError as exc:
        line = _flow_too_deep(text, limits)
        if line is not None:
            raise too_deep(limits, source, line=line) from None
        raise _yaml_error(exc, source, text) from None


def read_yaml(text: str, source: str | None, limits: Limits) -> tuple[Any, list[Problem]]:
    """Build plain data from libyaml's event stream, collecting every problem.

    Reading events (not composed nodes) keeps memory and time low and never recurses,
    so no nesting can overflow a stack. Aliases, custom tags and keys given twice are
    problems at their line; the data holds ``None`` in their place.
    """
    problems: list[Problem] = []

    def problem(event: yaml.Event, path: tuple[PathPart, ...], code: str, msg: Message) -> None:
        line, column = _mark(event)
        problems.append(
            Problem.told(
                code, msg, language="en", path=path, source=source, line=line, column=column
            )
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
                problem(event, top.path, "bad-key", Message("read.bad-key"))
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
                        Message("read.duplicate-key", key=key, first=first),
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
                value = event.value if event.style else plain_scalar(event.value, limits)
            elif tag == TAG + "str":
                value = event.value
            elif tag in (TAG + "int", TAG + "float", TAG + "bool", TAG + "null"):
                value = plain_scalar(event.value, limits)
                expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
                if not isinstance(value, expected[tag[len(TAG) :]]):  # type: ignore[arg-type]
                    problem(
                        event,
                        child_path() if stack else (),
                        "yaml-tag",
                        Message("read.yaml-tag-value", value=event.value, tag=tag),
                    )
                    value = None
            else:
                where = child_path() if stack else ()
                problem(event, where, "yaml-tag", Message("read.yaml-tag", tag=tag))
                value = None
            add(value, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= limits.max_depth:
                raise too_deep(limits, source, event)
            path = child_path() if stack else ()
            is_map = kind is yaml.MappingStartEvent
            if event.tag not in (None, "!", TAG + ("map" if is_map else "seq")):
                problem(event, path, "yaml-tag", Message("read.yaml-tag", tag=event.tag))
            stack.append(_Frame({} if is_map else [], path, event))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            add(frame.container, frame.start)
        elif kind is yaml.AliasEvent:
            problem(
                event,
                child_path() if stack else (),
                "yaml-alias",
                Message("read.yaml-alias"),
            )
            add(None, event)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                line, _ = _mark(event)
                raise LoadError(
                    Problem.told(
                        "invalid-yaml",
                        Message("read.documents"),
                        language="en",
                        source=source,
                        line=line,
                    )
                )
    if documents == 0:
        no_document = Message("read.no-document")
        raise LoadError(Problem.told("empty", no_document, language="en", source=source))
    return root, problems


class SourceMap:
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
            events: Iterator[Any] = yaml.parse(self.text, Loader=NodeLoader)
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
