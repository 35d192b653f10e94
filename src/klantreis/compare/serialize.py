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
             "new_votes", "old_value", "new_value", "verdict"}
    PHASE   {"phase", "old_phase", "name", "scales": [{"scale", "old_scale", "name",
             "direction", "old_mean", "new_mean", "old_count", "new_count", "verdict"}]}
    ACTION  {"id", "old_id", "title", "old_title", "status", "old_status", "targets",
             "old_targets", "outcome", "flags", "ratings": [RATING, ...]}

Field values and items are written as in a journey file (``{emotion: 4}``,
``"2 weeks"``, enum values). Every key is always written (``null`` when empty). The
``summary.counts`` and the ``*_value`` keys are derived: written for scripts,
ignored when read. The version changes only when an older klantreis could misread a
newer document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

from cattrs import Converter

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
from klantreis.model import Direction, Iteration, Language, Status
from klantreis.serialize import make_converter
from klantreis.serialize.converter import describe
from klantreis.serialize.structuring import problems_from_exception
from klantreis.typeinfo import strip_optional

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


@cache
def _converter() -> Converter:
    """The journey file's converter, for field values and items (built on first use)."""
    return make_converter()


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
        raise DiffFormatError("the diff is nested too deep to be a diff") from None
    except ValueError as exc:  # also bytes that are not UTF-8, integers of 5000 digits
        raise DiffFormatError(f"the diff is not valid JSON: {exc}") from None
    return diff_from_data(data)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number in JSON")


def diff_from_data(data: Any) -> JourneyDiff:
    """Load a diff from the plain data of its JSON document."""
    root = _Reader(data, ())
    top = root.mapping(
        required=("diff_format_version", "old", "new", "changes"),
        optional=("summary", "ratings", "effect"),
    )
    version = top["diff_format_version"].value
    if type(version) is not int or version != DIFF_FORMAT_VERSION:  # true == 1, 1.0 == 1
        newer = (
            isinstance(version, int)
            and not isinstance(version, bool)
            and version > DIFF_FORMAT_VERSION
        )
        raise DiffFormatError(
            f"the diff is in format version {version!r}"
            + (", written by a newer klantreis; upgrade klantreis to read it" if newer else "")
            + f"; this klantreis reads version {DIFF_FORMAT_VERSION}"
        )
    ratings = _optional_list(top, "ratings", _rating_in)
    phases: list[PhaseScores] = []
    if "summary" in top and top["summary"].value is not None:
        summary = top["summary"].mapping(optional=("counts", "phases"))
        phases = _optional_list(summary, "phases", _phase_in)
    effect = None
    if "effect" in top and top["effect"].value is not None:
        effect = _effect_in(top["effect"])
    return JourneyDiff(
        old=_info_in(top["old"]),
        new=_info_in(top["new"]),
        changes=tuple(_change_in(c) for c in top["changes"].items()),
        ratings=tuple(ratings),
        phases=tuple(phases),
        effect=effect,
    )


class _Reader:
    """A value in the document and its path, with checks that say where it went wrong."""

    def __init__(self, value: Any, path: Path) -> None:
        self.value = value
        self.path = path

    def fail(self, message: str) -> DiffFormatError:
        return DiffFormatError(f"{format_path(self.path)}: {message}")

    def mapping(
        self, required: tuple[str, ...] = (), optional: tuple[str, ...] = ()
    ) -> dict[str, _Reader]:
        if not isinstance(self.value, Mapping):
            raise self.fail(f"expected a mapping, got {describe(self.value)}")
        unknown = [k for k in self.value if k not in required and k not in optional]
        if unknown:
            raise self.fail(f"unknown key {unknown[0]!r}")
        missing = [k for k in required if k not in self.value]
        if missing:
            raise self.fail(f"the key {missing[0]!r} is missing")
        return {k: _Reader(v, (*self.path, k)) for k, v in self.value.items()}

    def items(self) -> list[_Reader]:
        if not isinstance(self.value, list):
            raise self.fail(f"expected a list, got {describe(self.value)}")
        return [_Reader(v, (*self.path, i)) for i, v in enumerate(self.value)]

    def text(self, *, optional: bool = False) -> Any:
        if optional and self.value is None:
            return None
        if not isinstance(self.value, str):
            raise self.fail(f"expected text, got {describe(self.value)}")
        return self.value

    def integer(self, *, optional: bool = False) -> Any:
        if optional and self.value is None:
            return None
        if not isinstance(self.value, int) or isinstance(self.value, bool):
            raise self.fail(f"expected a whole number, got {describe(self.value)}")
        return self.value

    def number(self, *, optional: bool = False) -> Any:
        if optional and self.value is None:
            return None
        if not isinstance(self.value, (int, float)) or isinstance(self.value, bool):
            raise self.fail(f"expected a number, got {describe(self.value)}")
        return float(self.value)

    def choice(self, enum_class: Callable[[Any], T], *, optional: bool = False) -> T | None:
        if optional and self.value is None:
            return None
        try:
            return enum_class(self.value)
        except ValueError:
            choices = ", ".join(m.value for m in enum_class)  # type: ignore[attr-defined]
            raise self.fail(f"{self.value!r} is not one of: {choices}") from None

    def votes(self) -> tuple[int, ...] | None:
        if self.value is None:
            return None
        return tuple(r.integer() for r in self.items())

    def texts(self) -> tuple[str, ...]:
        return tuple(r.text() for r in self.items())

    def model(self, kind: Any) -> Any:
        """Structure a model value of type *kind* with the journey file's converter."""
        try:
            return _converter().structure(self.value, kind)
        except Exception as exc:  # every failure becomes one located message
            problems = list(problems_from_exception(exc, (), self.value))
            if not problems:  # pragma: no cover - the converter always explains itself
                raise self.fail(str(exc)) from None
            first = problems[0]
            where = format_path((*self.path, *first.path))
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise DiffFormatError(f"{where}: {first.message}{more}") from None


def _optional_list(parent: dict[str, _Reader], key: str, read: Callable[[_Reader], T]) -> list[T]:
    if key not in parent or parent[key].value is None:
        return []
    return [read(r) for r in parent[key].items()]


def _info_in(r: _Reader) -> JourneyInfo:
    m = r.mapping(required=("id", "title"), optional=("language", "iteration", "phases", "lanes"))
    language = m["language"].choice(Language) if "language" in m else Language.NL
    iteration = None
    if "iteration" in m and m["iteration"].value is not None:
        iteration = m["iteration"].model(Iteration)
    return JourneyInfo(
        id=m["id"].text(),
        title=m["title"].text(),
        language=language or Language.NL,
        iteration=iteration,
        phases=_names_in(m.get("phases")),
        lanes=_names_in(m.get("lanes")),
    )


def _names_in(r: _Reader | None) -> tuple[tuple[str, str], ...]:
    """An optional ``{id: name}`` mapping (written since klantreis 0.2)."""
    if r is None or r.value is None:
        return ()
    keys = tuple(r.value) if isinstance(r.value, Mapping) else ()
    return tuple((key, value.text()) for key, value in r.mapping(optional=keys).items())


_CHANGE_KEYS = ("kind", "collection", "id", "new_id", "label")


def _change_in(r: _Reader) -> Change:
    m = r.mapping(required=_CHANGE_KEYS, optional=("fields", "old_index", "new_index", "item"))
    kind = m["kind"].choice(Kind)
    collection = m["collection"].choice(Collection)
    assert kind is not None
    assert collection is not None
    cls = COLLECTION_CLASSES[collection]
    fields = []
    if "fields" in m and m["fields"].value is not None:
        for fr in m["fields"].items():
            f = fr.mapping(required=("field", "old", "new"))
            name = f["field"].text()
            try:
                kind_of = field_type(cls, name)
            except KeyError:
                raise f["field"].fail(f"{cls.__name__} has no field {name!r}") from None
            fields.append(
                FieldChange(
                    name,
                    None if f["old"].value is None else f["old"].model(kind_of),
                    None if f["new"].value is None else f["new"].model(kind_of),
                )
            )
    item = None
    if "item" in m and m["item"].value is not None:
        if collection is Collection.JOURNEY:
            raise m["item"].fail("a change to the journey itself holds no item")
        item = m["item"].model(cls)
    if kind in (Kind.ADDED, Kind.REMOVED) and item is None:
        raise r.fail(f"an {kind.value!r} change needs the item")
    return Change(
        kind=kind,
        collection=collection,
        id=m["id"].text(),
        new_id=m["new_id"].text(),
        label=m["label"].text(),
        fields=tuple(fields),
        old_index=m["old_index"].integer(optional=True) if "old_index" in m else None,
        new_index=m["new_index"].integer(optional=True) if "new_index" in m else None,
        item=item,
    )


_RATING_KEYS = (
    "step",
    "old_step",
    "label",
    "scale",
    "old_scale",
    "direction",
    "old_votes",
    "new_votes",
    "verdict",
)


def _rating_in(r: _Reader) -> RatingChange:
    m = r.mapping(required=_RATING_KEYS, optional=("old_value", "new_value"))
    direction = m["direction"].choice(Direction)
    verdict = m["verdict"].choice(Verdict)
    assert direction is not None
    assert verdict is not None
    return RatingChange(
        step=m["step"].text(),
        old_step=m["old_step"].text(),
        label=m["label"].text(),
        scale=m["scale"].text(),
        old_scale=m["old_scale"].text(),
        direction=direction,
        old_votes=m["old_votes"].votes(),
        new_votes=m["new_votes"].votes(),
        verdict=verdict,
    )


def _phase_in(r: _Reader) -> PhaseScores:
    m = r.mapping(required=("phase", "old_phase", "name", "scales"))
    return PhaseScores(
        phase=m["phase"].text(optional=True),
        old_phase=m["old_phase"].text(optional=True),
        name=m["name"].text(),
        scales=tuple(_scale_scores_in(s) for s in m["scales"].items()),
    )


def _scale_scores_in(r: _Reader) -> ScaleScores:
    m = r.mapping(
        required=(
            "scale",
            "old_scale",
            "name",
            "direction",
            "old_mean",
            "new_mean",
            "old_count",
            "new_count",
            "verdict",
        )
    )
    direction = m["direction"].choice(Direction)
    verdict = m["verdict"].choice(Verdict)
    assert direction is not None
    assert verdict is not None
    return ScaleScores(
        scale=m["scale"].text(),
        old_scale=m["old_scale"].text(),
        name=m["name"].text(),
        direction=direction,
        old_mean=m["old_mean"].number(optional=True),
        new_mean=m["new_mean"].number(optional=True),
        old_count=m["old_count"].integer(),
        new_count=m["new_count"].integer(),
        verdict=verdict,
    )


_ACTION_KEYS = (
    "id",
    "old_id",
    "title",
    "old_title",
    "status",
    "old_status",
    "targets",
    "old_targets",
    "outcome",
    "flags",
    "ratings",
)


def _flag(r: _Reader) -> Flag:
    flag = r.choice(Flag)
    assert flag is not None
    return flag


def _effect_in(r: _Reader) -> EffectReport:
    m = r.mapping(required=("actions", "unexplained"))
    actions = []
    for ar in m["actions"].items():
        a = ar.mapping(required=_ACTION_KEYS)
        outcome = a["outcome"].choice(Outcome)
        assert outcome is not None
        actions.append(
            ActionEffect(
                id=a["id"].text(optional=True),
                old_id=a["old_id"].text(optional=True),
                title=a["title"].text(optional=True),
                old_title=a["old_title"].text(optional=True),
                status=a["status"].choice(Status, optional=True),
                old_status=a["old_status"].choice(Status, optional=True),
                targets=a["targets"].texts(),
                old_targets=a["old_targets"].texts(),
                ratings=tuple(_rating_in(x) for x in a["ratings"].items()),
                outcome=outcome,
                flags=tuple(_flag(f) for f in a["flags"].items()),
            )
        )
    return EffectReport(
        actions=tuple(actions), unexplained=tuple(_rating_in(x) for x in m["unexplained"].items())
    )
