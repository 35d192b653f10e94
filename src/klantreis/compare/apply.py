"""Applying a :class:`~klantreis.compare.model.JourneyDiff` to a journey.

``patch(old, diff(old, new)) == new``, exactly: every field, and the order of every
collection. Patching checks as it goes that the journey is the diff's old side: the
items removed must be there and equal, renamed and changed items must have the old
id and old values, moved items must stand where the diff saw them. Anything else
raises :class:`~klantreis.compare.PatchError`, naming the item and field.

How order is rebuilt: the items that keep their place (all matched items that are
not ``moved`` out of place) stay in their old order; then the added items and those
moved out of place are inserted at their new index, lowest first. Since every item
inserted lands on its final index, the result has the new order.

The result is checked like a load checks a file: a patch that would give a journey
that does not load (a value a field does not take, a reference that no longer
resolves, two items with one id) raises :class:`~klantreis.compare.PatchError` with
the problems, instead of handing that journey back (``check=False``: the values only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import evolve

from klantreis.compare.errors import PatchError
from klantreis.compare.model import Change, Collection, FieldChange, Item, JourneyDiff, Kind
from klantreis.errors import Problem
from klantreis.model import Journey
from klantreis.rules import check

__all__ = ["patch"]

_MISSING: Any = object()


def patch(journey: Journey, diff: JourneyDiff, *, check: bool = True) -> Journey:
    """Apply *diff* to *journey*, the diff's old side; returns the new side.

    Like :func:`klantreis.load`, the result is checked: when the domain rules find an
    error in it (a reference that no longer resolves, two items with one id) this
    raises :class:`~klantreis.compare.PatchError` with the problems instead of
    handing back a journey that would not load. With ``check=False`` only the values
    are checked (each field takes what it is given), as ``load(check=False)`` does,
    e.g. to rebuild a journey that never validated.

    >>> import klantreis
    >>> from attrs import evolve
    >>> old = klantreis.Journey(title="Reis", phases=[klantreis.Phase(name="Intake")])
    >>> new = evolve(old, phases=[*old.phases, klantreis.Phase(name="Behandeling")])
    >>> klantreis.patch(old, klantreis.diff(old, new)) == new
    True
    """
    grouped: dict[Collection, list[Change]] = {}
    for change in diff.changes:
        grouped.setdefault(change.collection, []).append(change)
    updates: dict[str, Any] = {}
    for collection, changes in grouped.items():
        if collection is Collection.JOURNEY:
            continue
        items: tuple[Item, ...] = getattr(journey, collection.value)
        updates[collection.value] = _patch_collection(collection, items, changes)
    original_id = journey.id
    for change in grouped.get(Collection.JOURNEY, ()):
        if change.id != original_id:
            raise PatchError(f"the diff is for the journey {change.id!r}, not {original_id!r}")
        journey = _patch_journey(journey, change)
    if updates:
        try:
            journey = evolve(journey, **updates)
        except (TypeError, ValueError) as exc:  # an added item of the wrong type
            raise PatchError(f"the patched journey cannot be built: {exc}") from None
    if check:
        _check_result(journey)
    return journey


def _check_result(journey: Journey) -> None:
    """Raise :class:`PatchError` when *journey* would not load: the rules find errors."""
    errors = check(journey, errors_only=True)
    if errors:
        raise PatchError(_would_not_load(errors))


def _would_not_load(errors: list[Problem]) -> str:
    told = [p.in_language("en") for p in errors[:3]]  # as the rest of this message
    shown = "; ".join(f"{p.location}: {p.message} [{p.code}]" for p in told)
    more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
    return f"the patched journey would not load: {shown}{more}"


def _patch_journey(journey: Journey, change: Change) -> Journey:
    if change.kind is Kind.RENAMED:
        renamed: Journey = _renamed(journey, change.new_id, f"the journey {journey.id!r}")
        return renamed
    if change.kind is Kind.CHANGED:
        return _apply_fields(journey, change.fields, f"the journey {journey.id!r}")  # type: ignore[no-any-return]
    raise PatchError(f"a {change.kind.value!r} change cannot apply to the journey itself")


def _renamed(item: Any, new_id: Any, what: str) -> Any:
    try:
        return evolve(item, id=new_id)
    except (TypeError, ValueError) as exc:
        raise PatchError(f"{what}: cannot rename to {new_id!r}: {exc}") from None


def _what(collection: Collection, item_id: str) -> str:
    return f"{collection.value}[{item_id!r}]"


def _patch_collection(
    collection: Collection, items: Sequence[Item], changes: list[Change]
) -> tuple[Item, ...]:
    index: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in index:
            raise PatchError(f"the journey has the id {item.id!r} twice in {collection.value}")
        index[item.id] = i
    current: list[Item] = list(items)
    dropped: set[int] = set()
    inserts: list[tuple[int, int, Item | None, int]] = []  # (new index, order, item, position)
    for order, change in enumerate(changes):
        what = _what(collection, change.id)
        if change.kind is Kind.ADDED:
            if change.item is None or change.new_index is None:
                raise PatchError(f"{what}: an 'added' change needs the item and its index")
            inserts.append((change.new_index, order, change.item, -1))
            continue
        at = index.get(change.id)
        if at is None:
            raise PatchError(f"{what}: no such item to apply a {change.kind.value!r} change to")
        if change.old_index is not None and change.old_index != at:
            raise PatchError(f"{what}: expected at position {change.old_index}, found at {at}")
        if change.kind is Kind.REMOVED:
            if change.item is not None and items[at] != change.item:
                raise PatchError(f"{what}: the item differs from the one the diff removes")
            dropped.add(at)
        elif change.kind is Kind.RENAMED:
            if current[at].id != change.id:
                raise PatchError(f"{what}: renamed twice")
            current[at] = _renamed(current[at], change.new_id, what)
        elif change.kind in (Kind.CHANGED, Kind.RELINKED, Kind.MOVED):
            current[at] = _apply_fields(current[at], change.fields, what)
            if change.kind is Kind.MOVED and change.old_index is not None:
                if change.new_index is None:
                    raise PatchError(f"{what}: a move out of place needs its new index")
                dropped.add(at)
                inserts.append((change.new_index, order, None, at))
        else:  # pragma: no cover - every kind is handled above
            raise PatchError(f"{what}: unknown kind of change {change.kind!r}")
    if not dropped and not inserts:
        result = current
    else:
        result = [item for i, item in enumerate(current) if i not in dropped]
        inserts.sort(key=lambda entry: (entry[0], entry[1]))
        for new_index, _, added, at in inserts:
            if new_index > len(result):
                raise PatchError(
                    f"{collection.value}: cannot place an item at position {new_index} "
                    f"of {len(result)}; the journey is not the diff's old side"
                )
            result.insert(new_index, added if added is not None else current[at])
    if len(result) != len({item.id for item in result}):
        raise PatchError(f"{collection.value}: the patch would give two items the same id")
    return tuple(result)


def _apply_fields(obj: Any, fields: Sequence[FieldChange], what: str) -> Any:
    for change in fields:
        found = _get(obj, change.field)
        if found is _MISSING:
            raise PatchError(f"{what}: no field {change.field!r}")
        if found != change.old:
            raise PatchError(f"{what}.{change.field}: expected {change.old!r}, found {found!r}")
        obj = _set(obj, change.field, change.new, what)
    return obj


def _get(obj: Any, path: str) -> Any:
    for name in path.split("."):
        if obj is None:
            return _MISSING
        obj = getattr(obj, name, _MISSING)
        if obj is _MISSING:
            return _MISSING
    return obj


def _set(obj: Any, path: str, value: Any, what: str) -> Any:
    head, _, rest = path.partition(".")
    if not rest:
        try:
            return evolve(obj, **{head: value})
        except (TypeError, ValueError) as exc:
            raise PatchError(f"{what}.{path}: cannot set {value!r}: {exc}") from None
    inner = _set(getattr(obj, head), rest, value, what)
    try:
        return evolve(obj, **{head: inner})
    except (TypeError, ValueError) as exc:
        raise PatchError(f"{what}.{path}: cannot set {value!r}: {exc}") from None
