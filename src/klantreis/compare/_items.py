"""What the diff knows about each collection of a journey, computed once at import.

For every item class: its fields (without ``id``) in model order, a fast getter that
returns their values as a tuple, their defaults, the field ids are derived from, and
the fields that refer to items of another collection. The hot loops of
:mod:`klantreis.compare.compute` use these tables instead of per-field reflection.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import attrs

from klantreis import model
from klantreis.compare.model import Collection
from klantreis.model import (
    Actor,
    ImprovementAction,
    Insight,
    Iteration,
    Journey,
    Lane,
    Objectives,
    PainPoints,
    Persona,
    Phase,
    Quality,
    Scale,
    Span,
    Step,
)
from klantreis.typeinfo import strip_optional

__all__ = ["ITEMS", "JOURNEY_FIELDS", "NESTED", "NO_DEFAULT", "ItemSpec", "RefKind", "field_type"]


class RefKind(enum.Enum):
    """How a field refers to items of another collection."""

    ONE = "one"
    """An id or ``None``: ``Step.phase``."""
    MANY = "many"
    """A tuple of ids: ``ImprovementAction.targets``."""
    RATINGS = "ratings"
    """A tuple of ratings, each naming a scale: ``Step.ratings``."""


NO_DEFAULT: Any = object()
"""Marks a field that must be given (it has no default to compare with)."""

NESTED: frozenset[type] = frozenset({Objectives, Persona, Iteration, Quality, PainPoints, Span})
"""Small records whose fields are compared one by one (``quality.attitude``)."""

_HINTS: dict[type, dict[str, Any]] = {}


def field_type(cls: type, path: str) -> Any:
    """The declared type of the field at dotted *path* of *cls* (``"quality.attitude"``)."""
    head, _, rest = path.partition(".")
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls, vars(model))
    if head not in hints:
        raise KeyError(path)
    kind = hints[head]
    if not rest:
        return kind
    return field_type(strip_optional(kind), rest)


def _default(a: attrs.Attribute[Any]) -> Any:
    default: Any = a.default
    if default is attrs.NOTHING:
        return NO_DEFAULT
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return NO_DEFAULT if default.takes_self else default.factory()
    return default


@attrs.frozen(kw_only=True)
class ItemSpec:
    """The diff's view of one item class."""

    collection: Collection
    cls: type
    label: str
    """The field the id is derived from: shown, and compared as text when renamed."""
    names: tuple[str, ...]
    """Every field but ``id``, in model order."""
    defaults: tuple[Any, ...]
    weights: tuple[float, ...]
    refs: dict[str, tuple[Collection, RefKind]]
    """Fields that refer to other items, and to which collection."""
    moves: frozenset[str]
    """Fields whose change means the item moved (a step's phase and lane)."""
    move_positions: frozenset[int]
    """The positions of ``moves`` in ``names``."""
    values: Callable[[Any], tuple[Any, ...]]
    """The values of ``names`` of an item, as a tuple."""
    ref_positions: tuple[tuple[int, Collection, RefKind], ...]

    @property
    def label_index(self) -> int:
        """The position of the label field in ``names``."""
        return self.names.index(self.label)


def _spec(
    collection: Collection,
    cls: type,
    label: str,
    refs: dict[str, tuple[Collection, RefKind]] | None = None,
    moves: frozenset[str] = frozenset(),
) -> ItemSpec:
    fields = [a for a in attrs.fields(cls) if a.name != "id"]
    names = tuple(a.name for a in fields)
    refs = refs or {}
    getter = attrgetter(*names)
    return ItemSpec(
        collection=collection,
        cls=cls,
        label=label,
        names=names,
        defaults=tuple(_default(a) for a in fields),
        weights=tuple(2.0 if n == label else 1.0 for n in names),
        refs=refs,
        moves=moves,
        move_positions=frozenset(names.index(n) for n in moves),
        values=getter,
        ref_positions=tuple((names.index(n), c, k) for n, (c, k) in refs.items()),
    )


C = Collection
ITEMS: dict[Collection, ItemSpec] = {
    C.ACTORS: _spec(C.ACTORS, Actor, "name"),
    C.SCALES: _spec(C.SCALES, Scale, "name"),
    C.PHASES: _spec(C.PHASES, Phase, "name"),
    C.LANES: _spec(
        C.LANES,
        Lane,
        "name",
        {"actor": (C.ACTORS, RefKind.ONE), "scale": (C.SCALES, RefKind.ONE)},
    ),
    C.STEPS: _spec(
        C.STEPS,
        Step,
        "title",
        {
            "phase": (C.PHASES, RefKind.ONE),
            "lane": (C.LANES, RefKind.ONE),
            "actor": (C.ACTORS, RefKind.ONE),
            "ratings": (C.SCALES, RefKind.RATINGS),
        },
        moves=frozenset({"phase", "lane"}),
    ),
    C.ACTIONS: _spec(
        C.ACTIONS,
        ImprovementAction,
        "title",
        {"targets": (C.STEPS, RefKind.MANY), "ideas": (C.STEPS, RefKind.MANY)},
    ),
    C.INSIGHTS: _spec(C.INSIGHTS, Insight, "text", {"steps": (C.STEPS, RefKind.MANY)}),
}
"""The collections in the order they are compared: an item's references come first."""

COLLECTION_CLASSES: dict[Collection, type] = {
    C.JOURNEY: Journey,
    **{c: spec.cls for c, spec in ITEMS.items()},
}

JOURNEY_FIELDS: tuple[str, ...] = tuple(
    a.name
    for a in attrs.fields(Journey)
    if a.name != "id" and a.name not in {c.value for c in ITEMS}
)
"""The journey's own fields: its metadata, objectives and persona."""
