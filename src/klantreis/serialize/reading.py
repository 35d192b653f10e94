"""Reading a file or text into a :class:`Document`: the value and its located problems."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

import attrs
from cattrs import Converter

from klantreis.errors import LoadError, Problem, Report
from klantreis.model import Journey
from klantreis.serialize.limits import DEFAULT_LIMITS, Format, Limits
from klantreis.serialize.parsing import (
    check_depth,
    decode,
    parse,
    parse_json_fast,
    read_bytes,
    sniff,
)
from klantreis.serialize.structuring import structure, structure_as, structure_fast
from klantreis.serialize.yaml_reader import SourceMap, named_language
from klantreis.words import LANGUAGES, Message, default_language

__all__ = ["Document", "document_language", "read_document", "read_text"]

T = TypeVar("T")


class Document(Generic[T]):
    """What reading a file gave: the value (when it could be built) and the problems.

    Other document types built on klantreis (a workshop plan, say) read their files
    with :func:`read_document` and get the same located problems as journeys. The
    problems are told in *language* (see :func:`document_language`).
    """

    def __init__(
        self,
        value: T | None,
        problems: list[Problem],
        source_map: SourceMap,
        source: str | None,
        language: str | None = None,
    ) -> None:
        self.value = value
        self.problems = problems
        self.source_map = source_map
        self.source = source
        self.language = language

    def report(self, more: Iterable[Problem] = ()) -> Report:
        """Every problem, with *more* (e.g. from domain rules), located and in line order."""
        problems = self.source_map.stamp([*self.problems, *more], self.source)
        problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
        return Report(tuple(problems), self.source, language=self.language)


def _fallback() -> str:
    """``KLANTREIS_LANG``, else English; a bad ``KLANTREIS_LANG`` must not hide a problem."""
    try:
        return default_language()
    except ValueError:
        return "en"


def document_language(data: Any, into: type[Any] = Journey, text: str | None = None) -> str:
    """The language to tell a document's problems in, read as early as the reader got.

    The ``language`` of *data* (the plain mapping read from the file) when it names one
    klantreis speaks; the default of *into*'s ``language`` field (Dutch for a journey)
    when the mapping leaves it out; else the language *text* names at its top (when the
    file could not be read as a mapping); else :func:`~klantreis.words.default_language`
    (``KLANTREIS_LANG``, else English).
    """
    if isinstance(data, dict):
        named = data.get("language")
        if isinstance(named, str) and named in LANGUAGES:
            return named
        if "language" not in data:
            default = _language_default(into)
            if default is not None:
                return default
        return _fallback()
    if text is not None:
        return named_language(text) or _fallback()
    return _fallback()


def _language_default(into: type[Any]) -> str | None:
    field = attrs.fields_dict(into).get("language") if attrs.has(into) else None
    default = getattr(field, "default", None)
    code = getattr(default, "value", default)
    return code if isinstance(code, str) and code in LANGUAGES else None


def _told(error: LoadError, language: str) -> LoadError:
    return LoadError(error.problem.in_language(language))


@overload
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    format: Format | None = ...,
    name: str | None = ...,
    limits: Limits = ...,
    language: str | None = ...,
) -> Document[Journey]: ...
@overload
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    into: type[T],
    format: Format | None = ...,
    name: str | None = ...,
    limits: Limits = ...,
    converter: Converter | None = ...,
    language: str | None = ...,
) -> Document[T]: ...
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    into: type[Any] = Journey,
    format: Format | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    converter: Converter | None = None,
    language: str | None = None,
) -> Document[Any]:
    """Read a file (or bytes) into a :class:`Document` of *into* (a journey by default).

    Raises :class:`LoadError` when the input cannot be read or parsed at all; every
    other problem is in the document. For classes other than :class:`Journey`, the
    data is structured with the same strict converter (no ids derived), or with
    *converter* (one from :func:`~klantreis.serialize.make_converter` with the
    hooks of the caller's own types).

    The problems (and the :class:`LoadError`) are told in *language* when it is
    given, else in the document's (see :func:`document_language`).
    """
    try:
        if isinstance(source, bytes):
            data, where = source, name
            if len(data) > limits.max_bytes:
                over = Message("read.text-over-limit", limit=limits.max_bytes)
                raise LoadError(Problem.told("unreadable", over, language="en", source=where))
        else:
            path = Path(source)
            data, where = read_bytes(path, limits), name or str(source)
        text = decode(data, where)
    except LoadError as error:
        raise _told(error, language or _fallback()) from None
    return read_text(text, format, where, limits, into, converter, language)


def read_text(
    text: str,
    format: Format | None,
    where: str | None,
    limits: Limits,
    into: type[Any] = Journey,
    converter: Converter | None = None,
    language: str | None = None,
) -> Document[Any]:
    """Text into a :class:`Document`; see :func:`read_document`."""
    try:
        return _read_text(text, format, where, limits, into, converter, language)
    except LoadError as error:
        raise _told(error, language or document_language(None, into, text)) from None


def _read_text(
    text: str,
    format: Format | None,
    where: str | None,
    limits: Limits,
    into: type[Any],
    converter: Converter | None,
    language: str | None,
) -> Document[Any]:
    fmt = format or sniff(text, where)
    if fmt == "json" and into is Journey:
        # The fast way first: orjson, and the converter that stops at the first problem.
        # Only a failure pays for the careful way, which finds every problem and its place.
        certain, raw = parse_json_fast(text, limits)
        if certain:
            told = language or document_language(raw, into)
            journey = structure_fast(raw)
            if journey is not None:  # the model bounds the depth of what it took in
                return Document(journey, [], SourceMap(text), where, told)
            check_depth(raw, limits, where)
            journey, more = structure(raw, source=where)
            more = [p.in_language(told) for p in more[: limits.max_problems]]
            return Document(journey, more, SourceMap(text), where, told)
    raw, source_map, problems = parse(text, fmt, where, limits)
    if into is Journey:
        value, more = structure(raw, source=where)
    else:
        value, more = structure_as(raw, into, source=where, converter=converter)
    if problems:
        # The parser replaced what it refused; say nothing more about those places.
        refused = [p.path for p in problems]
        more = [p for p in more if not any(p.path[: len(r)] == r for r in refused)]
        value = None
    problems.extend(more)
    told = language or document_language(raw, into)
    problems = [p.in_language(told) for p in problems[: limits.max_problems]]
    return Document(value, problems, source_map, where, told)
