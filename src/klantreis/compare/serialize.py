"""A diff as a JSON document, for scripts: a documented, versioned schema that loads back.

The document (``diff_format_version`` 1)::

    {
      "diff_format_version": 1,
      "old": {"id": ..., "title": ..., "language": "nl", "iteration": {...} | null,
              "phases": {ID: NAME, ...}, "lanes": {ID: NAME, ...}},
      "new": {...},
      "summary": {"counts": {"added": 0, ...}, "phases": [PHASE, ...]},
      "changes": [CHANGE, ...],
      "ratings": [RATING, ...],
      "effect": {"actions": [ACTION, ...], "unexplained": [RATING, ...]} | null
    }

    CHANGE  {"kind", "collection", "id", "new_id", "label",
             "fields": [{"field", "old", "new"}], "old_index", "new_index", "item"}
    RATING  {"step", "old_step", "label", "scale", "old_scale", "direction", "old_votes",
             "new_votes", "old_value", "new_value", "verdict"} and, when the votes carry
             perspectives, "old_perspectives" and "new_perspectives" (an id per vote)
    PHASE   {"phase", "old_phase", "name", "scales": [{"scale", "old_scale", "name",
             "direction", "old_mean", "new_mean", "old_count", "new_count", "verdict"}]}
    ACTION  {"id", "old_id", "title", "old_title", "status", "old_status", "targets",
             "old_targets", "outcome", "flags", "ratings": [RATING, ...]}

Field values and items are written as in a journey file (``{emotion: 4}``,
``"2 weeks"``, enum values). Every key is always written (``null`` when empty), but the
two perspectives keys, written only when not empty (a diff without them is as before). The
``summary.counts`` and the ``*_value`` keys are derived: written for scripts,
ignored when read. The version changes only when an older klantreis could misread a
newer document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.gen import make_dict_structure_fn

from klantreis.compare._items import COLLECTION_CLASSES, field_type
from klantreis.compare.errors import DiffFormatError
from klantreis.compare.model import (
    Change,
    Collection,
    FieldChange,
    JourneyDiff,
    JourneyInfo,
    Kind,
    PhaseScores,
    RatingChange,
    ScaleScores,
    Verdict,
)
from klantreis.compare.report import ActionEffect, EffectReport, Flag, Outcome
from klantreis.errors import format_path
from klantreis.serialize import make_converter
from klantreis.serialize.converter import (
    Invalid,
    ManyInvalid,
    expect,
    structure_enum,
    unknown_key,
    value_words,
)
from klantreis.serialize.reading import document_language
from klantreis.serialize.structuring import problems_from_exception
from klantreis.typeinfo import strip_optional
from klantreis.words import LANGUAGES, Message

__all__ = [
    "DIFF_FORMAT_VERSION",
    "diff_from_data",
    "diff_from_json",
    "diff_to_data",
    "diff_to_json",
]

DIFF_FORMAT_VERSION = 1
"""The version of the JSON document of a diff, written as ``diff_format_version``."""

T = TypeVar("T")
Path = tuple[str | int, ...]


# --- writing --------------------------------------------------------------------------


def diff_to_json(diff: JourneyDiff, *, indent: int | None = 2) -> str:
    """The JSON document of *diff* (see the module docstring for the schema)."""
    return json.dumps(diff_to_data(diff), ensure_ascii=False, indent=indent) + "\n"


def diff_to_data(diff: JourneyDiff) -> dict[str, Any]:
    """The plain data of the JSON document of *diff*."""
    conv = _converter()
    return {
        "diff_format_version": DIFF_FORMAT_VERSION,
        "old": _info_out(diff.old, conv),
        "new": _info_out(diff.new, conv),
        "summary": {
            "counts": {k.value: n for k, n in diff.counts().items()},
            "phases": [_phase_out(p) for p in diff.phases],
        },
        "changes": [_change_out(c, conv) for c in diff.changes],
        "ratings": [_rating_out(r) for r in diff.ratings],
        "effect": _effect_out(diff.effect) if diff.effect is not None else None,
    }


def _info_out(info: JourneyInfo, conv: Any) -> dict[str, Any]:
    return {
        "id": info.id,
        "title": info.title,
        "language": info.language.value,
        "iteration": conv.unstructure(info.iteration) if info.iteration is not None else None,
        "phases": dict(info.phases),
        "lanes": dict(info.lanes),
    }


def _value_out(value: Any, kind: Any, conv: Any) -> Any:
    if value is None:
        return None
    return conv.unstructure(value, unstructure_as=strip_optional(kind))


def _change_out(change: Change, conv: Any) -> dict[str, Any]:
    cls = COLLECTION_CLASSES[change.collection]
    return {
        "kind": change.kind.value,
        "collection": change.collection.value,
        "id": change.id,
        "new_id": change.new_id,
        "label": change.label,
        "fields": [
            {
                "field": f.field,
                "old": _value_out(f.old, field_type(cls, f.field), conv),
                "new": _value_out(f.new, field_type(cls, f.field), conv),
            }
            for f in change.fields
        ],
        "old_index": change.old_index,
        "new_index": change.new_index,
        "item": conv.unstructure(change.item) if change.item is not None else None,
    }


def _rating_out(r: RatingChange) -> dict[str, Any]:
    return {
        "step": r.step,
        "old_step": r.old_step,
        "label": r.label,
        "scale": r.scale,
        "old_scale": r.old_scale,
        "direction": r.direction.value,
        "old_votes": list(r.old_votes) if r.old_votes is not None else None,
        "new_votes": list(r.new_votes) if r.new_votes is not None else None,
        "old_value": r.old_value,
        "new_value": r.new_value,
        "verdict": r.verdict.value,
        **({"old_perspectives": list(r.old_perspectives)} if r.old_perspectives else {}),
        **({"new_perspectives": list(r.new_perspectives)} if r.new_perspectives else {}),
    }


def _phase_out(p: PhaseScores) -> dict[str, Any]:
    return {
        "phase": p.phase,
        "old_phase": p.old_phase,
        "name": p.name,
        "scales": [
            {
                "scale": s.scale,
                "old_scale": s.old_scale,
                "name": s.name,
                "direction": s.direction.value,
                "old_mean": s.old_mean,
                "new_mean": s.new_mean,
                "old_count": s.old_count,
                "new_count": s.new_count,
                "verdict": s.verdict.value,
            }
            for s in p.scales
        ],
    }


def _effect_out(report: EffectReport) -> dict[str, Any]:
    return {
        "actions": [
            {
                "id": a.id,
                "old_id": a.old_id,
                "title": a.title,
                "old_title": a.old_title,
                "status": a.status.value if a.status is not None else None,
                "old_status": a.old_status.value if a.old_status is not None else None,
                "targets": list(a.targets),
                "old_targets": list(a.old_targets),
                "outcome": a.outcome.value,
                "flags": [f.value for f in a.flags],
                "ratings": [_rating_out(r) for r in a.ratings],
            }
            for a in report.actions
        ],
        "unexplained": [_rating_out(r) for r in report.unexplained],
    }


# --- reading --------------------------------------------------------------------------


def diff_from_json(text: str | bytes) -> JourneyDiff:
    """Load a diff written by :func:`diff_to_json`.

    Raises :class:`~klantreis.compare.DiffFormatError` saying where the document is wrong.
    """
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise DiffFormatError(Message("read.diff-too-deep")(document_language(None))) from None
    except ValueError as exc:  # also bytes that are not UTF-8, integers of 5000 digits
        not_json = Message("read.diff-not-json", reason=str(exc))
        raise DiffFormatError(not_json(document_language(None))) from None
    return diff_from_data(data)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number in JSON")


def diff_from_data(data: Any) -> JourneyDiff:
    """Load a diff from the plain data of its JSON document.

    The journey file's converter, with the hooks of the diff document added, reads it
    as strictly as a journey file; the first problem is told, located, in the language
    of the diff's journeys.
    """
    try:
        diff: JourneyDiff = _converter().structure(data, JourneyDiff)
    except Exception as exc:  # every failure becomes one located message
        problems = list(problems_from_exception(exc, (), data))
        if not problems:  # pragma: no cover - the converter always explains itself
            raise DiffFormatError(str(exc)) from None
        language = _language(data)
        first = problems[0].in_language(language)
        told = f"{format_path(first.path)}: {first.message}" if first.path else first.message
        if len(problems) > 1:
            told += Message("read.and-more", n=len(problems) - 1)(language)
        raise DiffFormatError(told) from None
    return diff


def _language(data: Any) -> str:
    """The language a diff document's journeys name, else the default."""
    for side in ("new", "old"):
        info = data.get(side) if isinstance(data, dict) else None
        named = info.get("language") if isinstance(info, dict) else None
        if isinstance(named, str) and named in LANGUAGES:
            return named
    return document_language(None)


def _structure_at(conv: Converter, value: Any, kind: Any, path: Path) -> Any:
    """*value* structured as *kind*; what is wrong with it is located at *path*."""
    try:
        return conv.structure(value, kind)
    except Exception as exc:
        raise ManyInvalid(
            [
                Invalid(p.wording or p.message, p.code, (*path, *p.path), p.hint_wording or p.hint)
                for p in problems_from_exception(exc, (), value)
            ]
        ) from None


def _wrong(kind: Message, value: Any, path: Path) -> Invalid:
    """``expected kind, got ...`` at *path*."""
    return Invalid(Message("read.expected", kind=kind, value=value_words(value)), path=path)


def _refuse_keys(
    value: dict[str, Any],
    cls: str,
    required: Iterable[str],
    allowed: Iterable[str],
    path: Path = (),
) -> None:
    """Every key in *required* is written, and no key outside *allowed*."""
    known = set(allowed)
    errors = [
        Invalid(Message("read.missing-key", key=key), "missing-key", (*path, key))
        for key in required
        if key not in value
    ]
    errors.extend(
        Invalid(unknown_key(key, cls), "unknown-key", (*path, key))
        for key in value
        if key not in known
    )
    if errors:
        raise ManyInvalid(errors)


def _every_key(
    conv: Converter, cls: type[T], optional: tuple[str, ...] = (), ignored: tuple[str, ...] = ()
) -> Callable[[Any, Any], T]:
    """The hook of *cls*: every field is a key that is always written, but *optional*.

    Keys in *ignored* (values written for scripts, derived from the others) are left
    unread; any other key is refused.
    """
    build = make_dict_structure_fn(cls, conv)
    names = [a.name for a in attrs.fields(cls)]  # type: ignore[arg-type]  # attrs classes only
    required = [name for name in names if name not in optional]

    def structure(value: Any, t: Any) -> T:
        if not isinstance(value, dict):
            raise expect(Message("read.kind.mapping-of", cls=cls.__name__), value)
        _refuse_keys(value, cls.__name__, required, (*names, *ignored))
        return build({k: v for k, v in value.items() if k not in ignored}, t)

    return structure


def _names(value: Any, _: Any) -> tuple[tuple[str, str], ...]:
    """An optional ``{id: name}`` mapping (written since klantreis 0.2)."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise expect(Message("read.value.mapping"), value)
    text = Message("read.kind.text")
    errors = [_wrong(text, v, (k,)) for k, v in value.items() if not isinstance(v, str)]
    if errors:
        raise ManyInvalid(errors)
    return tuple(value.items())


def _change_hook(conv: Converter) -> Callable[[Any, Any], Change]:
    """A change: the values of its fields and its item have the types of its collection."""
    build = _every_key(conv, Change, ("fields", "old_index", "new_index", "item"))

    def structure(value: Any, t: Any) -> Change:
        if not isinstance(value, dict):
            raise expect(Message("read.kind.mapping-of", cls="Change"), value)
        item = value.get("item")
        rest = {k: v for k, v in value.items() if k != "item" and (k != "fields" or v is not None)}
        change = build(rest, t)
        cls = COLLECTION_CLASSES[change.collection]
        fields = tuple(_typed(conv, cls, i, f) for i, f in enumerate(change.fields))
        if item is not None:
            if change.collection is Collection.JOURNEY:
                raise Invalid(Message("read.journey-item"), "invalid-value", ("item",))
            item = _structure_at(conv, item, cls, ("item",))
        if change.kind in (Kind.ADDED, Kind.REMOVED) and item is None:
            raise Invalid(Message("read.needs-item", kind=change.kind.value), "missing-key")
        return attrs.evolve(change, fields=fields, item=item)

    return structure


def _typed(conv: Converter, cls: type, i: int, change: FieldChange) -> FieldChange:
    """A field's change with its old and new values of the field's type."""
    try:
        kind = field_type(cls, change.field)
    except KeyError:
        no_field = Message("read.no-field", cls=cls.__name__, field=change.field)
        raise Invalid(no_field, "unknown-key", ("fields", i, "field")) from None
    return FieldChange(
        change.field,
        *(
            None if v is None else _structure_at(conv, v, kind, ("fields", i, side))
            for side, v in (("old", change.old), ("new", change.new))
        ),
    )


_TOP = ("diff_format_version", "old", "new", "changes")


def _diff_hook(conv: Converter) -> Callable[[Any, Any], JourneyDiff]:
    """The document: its version, the journeys, the changes, the ratings and the effect."""
    build = make_dict_structure_fn(JourneyDiff, conv)

    def structure(value: Any, t: Any) -> JourneyDiff:
        if not isinstance(value, dict):
            raise expect(Message("read.kind.mapping-of", cls="JourneyDiff"), value)
        _refuse_keys(value, "JourneyDiff", _TOP, (*_TOP, "summary", "ratings", "effect"))
        version = value["diff_format_version"]
        if type(version) is not int or version != DIFF_FORMAT_VERSION:  # true == 1, 1.0 == 1
            newer = isinstance(version, int) and version > DIFF_FORMAT_VERSION
            key = "read.diff-newer" if newer else "read.diff-version"
            told = Message(key, version=repr(version), current=DIFF_FORMAT_VERSION)
            raise Invalid(told, "format-version")
        parts = {k: value[k] for k in ("old", "new", "changes")}
        parts.update({k: value[k] for k in ("ratings", "effect") if value.get(k) is not None})
        diff = build(parts, t)
        summary = value.get("summary")
        if summary is None:
            return diff
        if not isinstance(summary, dict):
            raise _wrong(Message("read.value.mapping"), summary, ("summary",))
        _refuse_keys(summary, "summary", (), ("counts", "phases"), ("summary",))
        phases = summary.get("phases")
        if phases is None:
            return diff
        told = _structure_at(conv, phases, tuple[PhaseScores, ...], ("summary", "phases"))
        return attrs.evolve(diff, phases=told)

    return structure


@cache
def _converter() -> Converter:
    """The journey file's converter, with the diff document's hooks (built on first use).

    It writes field values and items as journey files do, and reads the whole document.
    """
    conv = make_converter()
    for enum_class in (Kind, Collection, Verdict, Flag, Outcome):
        conv.register_structure_hook(enum_class, structure_enum)
    is_names: Callable[[Any], bool] = lambda t: t == tuple[tuple[str, str], ...]  # noqa: E731
    conv.register_structure_hook_func(is_names, _names)
    info_optional = ("language", "iteration", "phases", "lanes")
    conv.register_structure_hook(JourneyInfo, _every_key(conv, JourneyInfo, info_optional))
    derived = ("old_value", "new_value")
    conv.register_structure_hook(
        RatingChange,
        _every_key(
            conv,
            RatingChange,
            optional=("old_perspectives", "new_perspectives"),
            ignored=derived,
        ),
    )
    for cls in (FieldChange, ScaleScores, PhaseScores, ActionEffect, EffectReport):
        conv.register_structure_hook(cls, _every_key(conv, cls))
    conv.register_structure_hook(Change, _change_hook(conv))
    conv.register_structure_hook(JourneyDiff, _diff_hook(conv))
    return conv
