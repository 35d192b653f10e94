"""Reading a file or text into a :class:`Document`: the value and its located problems."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

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
from klantreis.serialize.yaml_reader import SourceMap

__all__ = ["Document", "read_document", "read_text"]

T = TypeVar("T")


class Document(Generic[T]):
    """What reading a file gave: the value (when it could be built) and the problems.

    Other document types built on klantreis (a workshop plan, say) read their files
    with :func:`read_document` and get the same located problems as journeys.
    """

    def __init__(
        self, value: T | None, problems: list[Problem], source_map: SourceMap, source: str | None
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
    converter: Converter | None = ...,
) -> Document[T]: ...
def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    into: type[Any] = Journey,
    format: Format | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    converter: Converter | None = None,
) -> Document[Any]:
    """Read a file (or bytes) into a :class:`Document` of *into* (a journey by default).

    Raises :class:`LoadError` when the input cannot be read or parsed at all; every
    other problem is in the document. For classes other than :class:`Journey`, the
    data is structured with the same strict converter (no ids derived), or with
    *converter* (one from :func:`~klantreis.serialize.make_converter` with the
    hooks of the caller's own types).
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
        data, where = read_bytes(path, limits), name or str(source)
    text = decode(data, where)
    return read_text(text, format, where, limits, into, converter)


def read_text(
    text: str,
    format: Format | None,
    where: str | None,
    limits: Limits,
    into: type[Any] = Journey,
    converter: Converter | None = None,
) -> Document[Any]:
    """Text into a :class:`Document`; see :func:`read_document`."""
    fmt = format or sniff(text, where)
    if fmt == "json" and into is Journey:
        # The fast way first: orjson, and the converter that stops at the first problem.
        # Only a failure pays for the careful way, which finds every problem and its place.
        certain, raw = parse_json_fast(text, limits)
        if certain:
            journey = structure_fast(raw)
            if journey is not None:  # the model bounds the depth of what it took in
                return Document(journey, [], SourceMap(text), where)
            check_depth(raw, limits, where)
            journey, more = structure(raw, source=where)
            return Document(journey, more[: limits.max_problems], SourceMap(text), where)
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
    return Document(value, problems[: limits.max_problems], source_map, where)
