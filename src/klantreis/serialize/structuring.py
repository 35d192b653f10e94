"""Plain data to model objects and back, with every failure a located problem."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from klantreis.errors import PathPart, Problem
from klantreis.model import Duration, Journey, Language, default_lanes
from klantreis.serialize.converter import (
    Invalid,
    ManyInvalid,
    duration_text,
    make_converter,
    unknown_key,
    value_words,
)
from klantreis.serialize.ids import derive_ids
from klantreis.serialize.limits import FORMAT_VERSION
from klantreis.words import Message

__all__ = [
    "problems_from_exception",
    "structure",
    "structure_as",
    "structure_fast",
    "unstructure",
]

T = TypeVar("T")

_converter = make_converter()
"""The converter for journeys; other document types build their own with make_converter()."""

_FAST: list[Converter] = []
"""The same hooks, stopping at the first problem: for :func:`structure_fast` (made when
JSON is first read; validating a YAML file does not need it)."""


def _fast_converter() -> Converter:
    """The converter of :func:`structure_fast`, made on first use."""
    if not _FAST:
        _FAST.append(make_converter(detailed_validation=False))
    return _FAST[0]


def problems_from_exception(
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
            yield from problems_from_exception(sub, path + step, data)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        from klantreis.aliases import suggest_key

        allowed = [a.name for a in attrs.fields(exc.cl)]
        for key in sorted(exc.extra_fields):
            yield Problem.told(
                "unknown-key",
                unknown_key(key, exc.cl.__name__),
                suggest_key(key, allowed),
                language="en",
                path=(*path, key),
            )
        return
    if isinstance(exc, KeyError):
        missing = path[-1] if path else str(exc.args[0])
        yield Problem.told(
            "missing-key", Message("read.missing-key", key=missing), language="en", path=path
        )
        return
    if isinstance(exc, ManyInvalid):
        for err in exc.errors:
            yield from problems_from_exception(err, path, data)
        return
    if isinstance(exc, Invalid):
        yield Problem(
            code=exc.code,
            message=exc.message,
            path=path + exc.path,
            hint=exc.hint,
            wording=exc.wording,
            hint_wording=exc.hint_wording,
        )
        return
    yield Problem(code="invalid-value", message=str(exc) or type(exc).__name__, path=path)


_DEFAULT_LANE_IDS = frozenset(lane.id for lane in default_lanes())


def _said(data: dict[str, Any]) -> tuple[dict[str, Any], dict[tuple[PathPart, ...], Message]]:
    """Lanes by their shown names and ratings by their labels, read (see klantreis.aliases).

    The look-up pays only when a step names a lane that is no lane id, or a rating holds
    text: canonical files only pay for this scan.
    """
    steps = data.get("steps")
    if type(steps) is not list:
        return data, {}
    lanes = data.get("lanes")
    lane_ids = (
        {lane["id"] for lane in lanes if type(lane) is dict and type(lane.get("id")) is str}
        if type(lanes) is list
        else _DEFAULT_LANE_IDS
    )
    for step in steps:
        if type(step) is not dict:
            continue
        lane = step.get("lane")
        ratings = step.get("ratings")
        if (type(lane) is str and lane not in lane_ids) or (
            type(ratings) is dict
            and any(
                type(v) is str or (type(v) is list and any(type(x) is str for x in v))
                for v in ratings.values()
            )
        ):
            from klantreis.aliases import resolve_said

            return resolve_said(data, lane_ids)
    return data, {}


def structure(data: Any, *, source: str | None = None) -> tuple[Journey | None, list[Problem]]:
    """Build a :class:`Journey` from plain data; on failure return every problem found.

    The data is what ``json.loads`` or a YAML reader gives; ids left out are derived.
    """
    if not isinstance(data, dict):
        kind = Message("read.kind.journey")
        wrong = Message("read.expected", kind=kind, value=value_words(data))
        return None, [Problem.told("wrong-type", wrong, language="en", source=source)]
    data = derive_ids(data)
    problems: list[Problem] = []
    version = data.pop("format_version", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:  # true == 1, 1.0 == 1
        newer = (
            isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION
        )
        problems.append(
            Problem.told(
                "format-version",
                Message("read.format-newer", version=version)
                if newer
                else Message(
                    "read.format-unknown", version=value_words(version), current=FORMAT_VERSION
                ),
                language="en",
                path=("format_version",),
                source=source,
            )
        )
        return None, problems
    data, hints = _said(data)
    try:
        return _converter.structure(data, Journey), problems
    except Exception as exc:
        for problem in problems_from_exception(exc, (), data):
            hint = hints.get(problem.path) if problem.hint is None else None
            if hint is not None:  # a rating's label that reads as no point of its scale
                problem = attrs.evolve(problem, hint=hint("en"), hint_wording=hint)
            problems.append(problem)
        return None, problems


def structure_fast(data: Any) -> Journey | None:
    """The :class:`Journey` of sound plain data, fast; ``None`` when anything is wrong.

    The same hooks as :func:`structure` accept and refuse the same data, but stop at
    the first problem; :func:`structure` then says what and where.
    """
    if type(data) is not dict:
        return None
    data = derive_ids(data)
    version = data.pop("format_version", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:
        return None
    data, hints = _said(data)
    if hints:
        return None
    try:
        journey: Journey = _fast_converter().structure(data, Journey)
    except Exception:
        return None
    return journey


def structure_as(
    data: Any, cls: type[T], *, source: str | None = None, converter: Converter | None = None
) -> tuple[T | None, list[Problem]]:
    """Build any attrs class of klantreis's kind from plain data, strictly.

    Returns the value, or ``None`` and every problem found (paths, no lines). A
    *converter* from :func:`~klantreis.serialize.make_converter` with more hooks
    reads other document types; the journeys' own is used by default.
    """
    try:
        return (converter or _converter).structure(data, cls), []
    except Exception as exc:
        return None, [
            attrs.evolve(p, source=source) for p in problems_from_exception(exc, (), data)
        ]


def unstructure(value: Any, *, language: Language = Language.EN) -> Any:
    """The plain data of a model value, as written to journey files (defaults left out).

    Durations are written in *language*, the journey's: ``2-4 weken`` in a Dutch one.
    """
    if language is Language.EN:
        return _converter.unstructure(value)
    converter = _WRITERS.get(language)
    if converter is None:  # made on first use: most processes write one language
        converter = _WRITERS[language] = make_converter()
        converter.register_unstructure_hook(Duration, duration_text(language))
    return converter.unstructure(value)


_WRITERS: dict[Language, Converter] = {}
"""The converters that write durations in another language than English, by language."""
