"""Computing a :class:`~klantreis.compare.model.JourneyDiff`: matching items, then comparing them.

The algorithm, per collection (actors, scales, phases, lanes, steps, actions, insights,
in that order so that an item's references are known before the item):

1. **Match by id**: one pass over each side builds a dict by id.
2. **Match renames** among the items left over on both sides, in two bounded stages:

   a. items whose content (every field but ``id``, references mapped through the
      renames found so far) is *identical* are paired through a dict keyed by that
      content: linear, and exact;
   b. for the rest, each new item is scored against a bounded list of candidates:
      first at most :data:`BUCKET_CANDIDATES` old items whose content is identical
      except for the label (title, name or text); only when none of them reaches the
      threshold, the :data:`NEARBY_CANDIDATES` unmatched old items at the place where
      the new item stands. Pairs that reach the threshold are taken best first (ties
      by position), so matching is deterministic and the work is linear in the
      number of items.

   The score (:func:`similarity`) is the weighted share of informative fields that
   agree: fields at their default on both sides say nothing and are skipped, the label
   weighs double, a step's phase or lane that differs does not count (a move is reported
   as a move), and differing texts count by how alike they are (:func:`_text_ratio`).
   Phases, lanes and actors have little content besides their name, so for them the
   items that refer to them count too: when the steps (matched by id) that sat in old
   phase ``x`` now sit in new phase ``y``, the share of them that did is averaged with
   the content score. A phase retitled from "Intake" to "Intakegesprek" whose steps all
   followed is a rename; one retitled to something unrelated is not, even if its steps
   followed.
3. **Compare matched pairs**: attrs equality first, field by field only when they
   differ. Positions are compared by a longest increasing subsequence, so inserting
   one step reports one addition, not every later step as moved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from klantreis.aggregate import mean_of_sums, step_mean
from klantreis.compare._items import ITEMS, JOURNEY_FIELDS, NESTED, NO_DEFAULT, ItemSpec, RefKind
from klantreis.compare.errors import DiffError
from klantreis.compare.model import (
    ActionEffect,
    Change,
    Collection,
    EffectReport,
    FieldChange,
    Item,
    JourneyDiff,
    JourneyInfo,
    Kind,
    PhaseScores,
    RatingChange,
    ScaleScores,
    assess,
    judge,
)
from klantreis.model import Direction, ImprovementAction, Journey, Rating, Scale, Step

__all__ = ["BUCKET_CANDIDATES", "NEARBY_CANDIDATES", "diff", "similarity"]

BUCKET_CANDIDATES = 8
"""At most this many old items with the same content but the label are scored per new item."""
NEARBY_CANDIDATES = 4
"""At most this many unmatched old items near the new item's place are scored."""

Renames = dict[Collection, dict[str, str]]


def diff(old: Journey, new: Journey, *, rename_threshold: float = 0.8) -> JourneyDiff:
    """Compare two iterations of a journey.

    Items are matched by id. An item whose id changed but whose content still matches
    with a :func:`similarity` of at least *rename_threshold* (0 < t ≤ 1; 1 renames
    only items with identical content) is reported as renamed, not as removed and
    added. Raises :class:`~klantreis.compare.DiffError` when a journey has an id twice in
    one collection (validate it first).

    >>> import klantreis
    >>> old = klantreis.Journey(title="Reis", phases=[klantreis.Phase(name="Intake")])
    >>> new = klantreis.Journey(title="Reis", phases=[klantreis.Phase(name="Intake", goal="Snel")])
    >>> d = klantreis.diff(old, new)
    >>> [(c.kind.value, c.id, [f.field for f in c.fields]) for c in d.changes]
    [('changed', 'intake', ['goal'])]
    """
    if not 0 < rename_threshold <= 1:
        raise ValueError(f"rename_threshold must lie in (0, 1], not {rename_threshold!r}")
    changes: list[Change] = []
    _journey_changes(old, new, changes)
    renames: Renames = {}
    matches: dict[Collection, list[int]] = {}
    ratings: list[RatingChange] = []
    steps_touched: list[tuple[Step | None, Step | None]] = []
    scales = _ScaleLookup(old.scales, new.scales)
    for collection, spec in ITEMS.items():
        olds: tuple[Item, ...] = getattr(old, collection.value)
        news: tuple[Item, ...] = getattr(new, collection.value)
        match = _match(spec, olds, news, renames, rename_threshold, _Evidence(old, new, collection))
        matches[collection] = match
        if collection is Collection.SCALES:
            scales.renames = renames.get(Collection.SCALES, {})
        touched = steps_touched if spec.cls is Step else None
        _emit(spec, olds, news, match, renames, changes, ratings, scales, touched)
    phases = _phase_scores(old, new, matches[Collection.PHASES], scales, steps_touched)
    effect = _build_effect(old, new, matches[Collection.ACTIONS], ratings)
    return JourneyDiff(
        old=JourneyInfo.of(old),
        new=JourneyInfo.of(new),
        changes=tuple(changes),
        ratings=tuple(ratings),
        phases=phases,
        effect=effect,
    )


# --- the journey's own fields ---------------------------------------------------------


def _journey_changes(old: Journey, new: Journey, out: list[Change]) -> None:
    if old.id != new.id:
        out.append(
            Change(
                kind=Kind.RENAMED,
                collection=Collection.JOURNEY,
                id=old.id,
                new_id=new.id,
                label=new.title,
            )
        )
    fields: list[FieldChange] = []
    for name in JOURNEY_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            _field_changes(name, a, b, fields)
    if fields:
        out.append(
            Change(
                kind=Kind.CHANGED,
                collection=Collection.JOURNEY,
                id=old.id,
                new_id=new.id,
                label=new.title,
                fields=tuple(fields),
            )
        )


def _field_changes(name: str, a: Any, b: Any, out: list[FieldChange]) -> None:
    """Append the change of one field; small records are split into their fields."""
    kind = type(a)
    if kind is type(b) and kind in NESTED:
        for sub in ITEMS_NESTED[kind]:
            x, y = getattr(a, sub), getattr(b, sub)
            if x != y:
                out.append(FieldChange(f"{name}.{sub}", x, y))
    else:
        out.append(FieldChange(name, a, b))


def _nested_fields() -> dict[type, tuple[str, ...]]:
    import attrs

    return {cls: tuple(a.name for a in attrs.fields(cls)) for cls in NESTED}


ITEMS_NESTED = _nested_fields()


# --- matching -------------------------------------------------------------------------


def _index(spec: ItemSpec, items: Sequence[Item], side: str) -> dict[str, int]:
    index = {item.id: i for i, item in enumerate(items)}
    if len(index) != len(items):
        seen: set[str] = set()
        twice = next(item.id for item in items if item.id in seen or seen.add(item.id))  # type: ignore[func-returns-value]
        raise DiffError(
            f"the {side} journey has the id {twice!r} twice in {spec.collection.value}; "
            "ids must be unique (run klantreis validate)"
        )
    return index


class _Evidence:
    """How the items that refer to a collection's items moved between them.

    For the old item ``x`` and the new item ``y``: of the referring items present in
    both journeys (matched by id) that referred to ``x``, the share that now refers
    to ``y``. Computed only when
    asked, that is when a collection has unmatched items on both sides.
    """

    def __init__(self, old: Journey, new: Journey, collection: Collection) -> None:
        self.old, self.new, self.collection = old, new, collection
        self.referrers = [
            (spec.collection, name)
            for spec in ITEMS.values()
            for name, (target, kind) in spec.refs.items()
            if target is collection and kind is RefKind.ONE
        ]

    def shares(self) -> dict[tuple[str, str], float]:
        counts: dict[tuple[str, str], int] = {}
        totals: dict[str, int] = {}
        for referrer, name in self.referrers:
            news = {item.id: item for item in getattr(self.new, referrer.value)}
            for item in getattr(self.old, referrer.value):
                x = getattr(item, name)
                other = news.get(item.id)
                if x is None or other is None:
                    continue
                totals[x] = totals.get(x, 0) + 1
                y = getattr(other, name)
                if y is not None and y != x:
                    counts[(x, y)] = counts.get((x, y), 0) + 1
        return {pair: n / totals[pair[0]] for pair, n in counts.items()}


def _match(
    spec: ItemSpec,
    olds: Sequence[Item],
    news: Sequence[Item],
    renames: Renames,
    threshold: float,
    evidence: _Evidence,
) -> list[int]:
    """For every new item, the index of its old item, or -1 when it is new."""
    old_index = _index(spec, olds, "old")
    _index(spec, news, "new")
    get = old_index.get
    match = [get(item.id, -1) for item in news]
    if len(olds) == len(news) and -1 not in match:
        return match
    unmatched_new = [j for j, i in enumerate(match) if i < 0]
    if not unmatched_new:
        return match
    taken = set(match)
    unmatched_old = [i for i in range(len(olds)) if i not in taken]
    if not unmatched_old:
        return match
    pairs = _renames(
        spec, olds, news, unmatched_old, unmatched_new, match, renames, threshold, evidence
    )
    if pairs:
        found = renames.setdefault(spec.collection, {})
        for j, i in pairs:
            match[j] = i
            found[olds[i].id] = news[j].id
    return match


def _map_ref(value: Any, collection: Collection, kind: RefKind, renames: Renames) -> Any:
    """A reference with the renamed ids of *collection* replaced by their new ids."""
    mapping = renames.get(collection)
    if not mapping or value is None:
        return value
    return _map_with(value, mapping, kind)


def _map_with(value: Any, mapping: dict[str, str], kind: RefKind) -> Any:
    if value is None:
        return value
    if kind is RefKind.ONE:
        return mapping.get(value, value)
    if kind is RefKind.MANY:
        return tuple(mapping.get(v, v) for v in value)
    return tuple(
        Rating(mapping[r.scale], r.votes, perspectives=r.perspectives) if r.scale in mapping else r
        for r in value
    )


def _contents(
    spec: ItemSpec, items: Sequence[Item], indices: list[int], renames: Renames
) -> dict[int, tuple[Any, ...]]:
    """The values of every field but ``id`` of some items, references mapped through
    *renames*."""
    active = [
        (position, renames[collection], kind)
        for position, collection, kind in spec.ref_positions
        if renames.get(collection)
    ]
    values = spec.values
    if not active:
        return {i: values(items[i]) for i in indices}
    out = {}
    for i in indices:
        mapped = list(values(items[i]))
        for position, mapping, kind in active:
            mapped[position] = _map_with(mapped[position], mapping, kind)
        out[i] = tuple(mapped)
    return out


def _renames(
    spec: ItemSpec,
    olds: Sequence[Item],
    news: Sequence[Item],
    unmatched_old: list[int],
    unmatched_new: list[int],
    match: list[int],
    renames: Renames,
    threshold: float,
    evidence: _Evidence,
) -> list[tuple[int, int]]:
    """Pairs (new index, old index) of renamed items; see the module docstring."""
    old_content = _contents(spec, olds, unmatched_old, renames)
    new_content = _contents(spec, news, unmatched_new, {})
    label = spec.label_index

    def rest_of(content: tuple[Any, ...]) -> tuple[Any, ...]:
        return content[:label] + content[label + 1 :]

    # One dict keyed by the content without the label serves both stages (hashing
    # contents is the costly part). Stage a: within a bucket, an old item with the
    # same label has identical content; the first one in old order is taken.
    by_rest: dict[tuple[Any, ...], list[int]] = {}
    for i in unmatched_old:
        by_rest.setdefault(rest_of(old_content[i]), []).append(i)
    by_label: dict[tuple[Any, ...], dict[str, list[int]]] = {}
    pairs: list[tuple[int, int]] = []
    rest_new: list[tuple[int, list[int] | None]] = []
    for j in unmatched_new:
        c = new_content[j]
        key = rest_of(c)
        bucket = by_rest.get(key)
        if bucket:
            labels = by_label.get(key)
            if labels is None:
                labels = by_label[key] = {}
                for i in reversed(bucket):
                    labels.setdefault(old_content[i][label], []).append(i)
            same = labels.get(c[label])
            if same:
                pairs.append((j, same.pop()))
                continue
        rest_new.append((j, bucket))
    if not rest_new:
        return pairs
    paired_old = {i for _, i in pairs}
    rest_old = [i for i in unmatched_old if i not in paired_old]
    if not rest_old:
        return pairs

    # Stage b: bounded candidates, scored, best first.
    for j, i in pairs:
        match[j] = i  # they anchor the positions of the rest
    expected = _expected_positions(match)
    shares: dict[tuple[str, str], float] = {}
    followed: dict[int, list[int]] = {}  # new index -> old indices its referrers came from
    if evidence.referrers:
        shares = evidence.shares()
        old_at = {olds[i].id: i for i in rest_old}
        new_at = {news[j].id: j for j, _ in rest_new}
        for x, y in shares:
            if x in old_at and y in new_at:
                followed.setdefault(new_at[y], []).append(old_at[x])
    scored: list[tuple[float, int, int]] = []
    for j, same in rest_new:
        c = new_content[j]
        where = expected[j]
        new_id = news[j].id
        # The old items that differ only in the label come first; when one of them
        # is alike enough, the items nearby are not scored at all.
        near_same = _near(same, where, 2 * BUCKET_CANDIDATES) if same else []
        seen: set[int] = set()
        for n in (0, 1):
            if n == 0:
                group = [i for i in near_same if i not in paired_old][:BUCKET_CANDIDATES]
            else:
                group = _near(rest_old, where, NEARBY_CANDIDATES)
                group += sorted(followed.get(j, ()))[:BUCKET_CANDIDATES]
            found = False
            for i in group:
                if i in seen:
                    continue
                seen.add(i)
                share = shares.get((olds[i].id, new_id)) if shares else None
                if n == 0 and share is None:
                    # Everything but the label is equal: only the labels need comparing.
                    score = _label_score(spec, c, old_content[i][label])
                elif share is None:
                    score = similarity(spec, old_content[i], c, threshold)
                else:
                    score = (similarity(spec, old_content[i], c) + share) / 2
                if score >= threshold:
                    scored.append((-score, j, i))
                    found = True
            if found:
                break
    scored.sort()
    used_new: set[int] = set()
    used_old: set[int] = set()
    for _, j, i in scored:
        if j not in used_new and i not in used_old:
            used_new.add(j)
            used_old.add(i)
            pairs.append((j, i))
    return pairs


def _expected_positions(match: list[int]) -> list[int]:
    """For each new index, the old index after that of the nearest matched item before it."""
    expected = []
    after = 0
    for i in match:
        expected.append(after)
        if i >= 0:
            after = i + 1
    return expected


def _near(sorted_indices: list[int], where: int, k: int) -> list[int]:
    """At most *k* of *sorted_indices* closest to *where*, starting one before it."""
    start = max(0, bisect_left(sorted_indices, where) - 1)
    start = max(0, min(start, len(sorted_indices) - k))
    return sorted_indices[start : start + k]


def similarity(
    spec: ItemSpec, old: tuple[Any, ...], new: tuple[Any, ...], floor: float = 0.0
) -> float:
    """How alike two items' contents are, from 0 to 1 (see the module docstring).

    *old* and *new* are the values of ``spec.names``. Below *floor* the result is only
    an upper bound: differing texts are not compared once they cannot lift it.
    """
    total = agree = 0.0
    texts: list[tuple[float, str, str]] = []
    moves = spec.move_positions
    for k, (a, b, default, weight) in enumerate(
        zip(old, new, spec.defaults, spec.weights, strict=True)
    ):
        if a == b:
            if default is not NO_DEFAULT and a == default:
                continue
            total += weight
            agree += weight
        elif k in moves:
            continue  # a move is reported as a move: it says nothing against a match
        else:
            total += weight
            if isinstance(a, str) and isinstance(b, str):
                texts.append((weight, a, b))
    if not total:
        return 1.0
    if not texts:
        return agree / total
    if (agree + sum(w for w, _, _ in texts)) / total < floor:
        return (agree + sum(w for w, _, _ in texts)) / total
    for weight, a, b in texts:
        agree += weight * _text_ratio(a, b)
    return agree / total


def _label_score(spec: ItemSpec, new: tuple[Any, ...], old_label: Any) -> float:
    """:func:`similarity` of two contents that differ at most in the label."""
    label = spec.label_index
    agree = 0.0
    for k, (value, default, weight) in enumerate(
        zip(new, spec.defaults, spec.weights, strict=True)
    ):
        if k != label and (default is NO_DEFAULT or value != default):
            agree += weight
    weight = spec.weights[label]
    new_label = new[label]
    if isinstance(old_label, str) and isinstance(new_label, str):
        same = _text_ratio(old_label, new_label)
    else:
        same = 1.0 if old_label == new_label else 0.0
    return (agree + weight * same) / (agree + weight)


def _text_ratio(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1, ignoring case.

    The larger of two cheap measures: the share of both texts covered by their common
    beginning and end (a word added, dropped or replaced: "Belt de huisarts" and
    "Belt huisarts" score 0.9), and the Dice coefficient of their character pairs
    (words moved around). Both are linear in the length of the texts.
    """
    if a == b:
        return 1.0
    a, b = a.casefold(), b.casefold()
    x, y = _pairs(a), _pairs(b)
    dice = 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
    start = _common_prefix(a, b)
    end = _common_prefix(a[start:][::-1], b[start:][::-1])
    return max(dice, 2 * (start + end) / (len(a) + len(b)))


def _common_prefix(a: str, b: str) -> int:
    """The length of the common beginning of *a* and *b* (binary search on slices)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


@lru_cache(maxsize=4096)
def _pairs(text: str) -> frozenset[str]:
    return frozenset(map(str.__add__, text, text[1:]))


# --- comparing matched items ----------------------------------------------------------


def _kept_in_place(match: list[int]) -> set[int] | None:
    """The new indices of matched items that keep their order (a longest increasing
    subsequence of old indices); ``None`` when every matched item keeps it."""
    last = -1
    for i in match:
        if i >= 0:
            if i < last:
                break
            last = i
    else:
        return None
    # Patience sorting with predecessor links: O(n log n), deterministic.
    tails: list[int] = []  # old index at the end of the best run of each length
    tail_at: list[int] = []  # the new index of that end
    before: dict[int, int] = {}
    for j, i in enumerate(match):
        if i < 0:
            continue
        k = bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_at.append(j)
        else:
            tails[k] = i
            tail_at[k] = j
        before[j] = tail_at[k - 1] if k else -1
    kept: set[int] = set()
    j = tail_at[-1] if tail_at else -1
    while j >= 0:
        kept.add(j)
        j = before[j]
    return kept


def _emit(
    spec: ItemSpec,
    olds: Sequence[Item],
    news: Sequence[Item],
    match: list[int],
    renames: Renames,
    out: list[Change],
    ratings: list[RatingChange],
    scales: _ScaleLookup,
    touched: list[tuple[Any, Any]] | None,
) -> None:
    """Append the change records of one collection to *out*.

    For steps, *touched* collects every pair (old, new) that is not equal, with
    ``None`` for the side an added or removed step lacks: the phase means are updated
    from those alone.
    """
    collection = spec.collection
    matched_old = set(match) if len(olds) != len(news) or -1 in match else None
    if matched_old is not None:
        for i, item in enumerate(olds):
            if i not in matched_old:
                if touched is not None:
                    touched.append((item, None))
                out.append(
                    Change(
                        kind=Kind.REMOVED,
                        collection=collection,
                        id=item.id,
                        new_id=item.id,
                        label=getattr(item, spec.label),
                        old_index=i,
                        item=item,
                    )
                )
    kept = _kept_in_place(match)
    if kept is not None and spec.moves:
        # Credit a reorder to the items that moved to another phase or lane: among the
        # others, keep the longest run in order, so a step whose neighbour moved away
        # is not reported as moved itself. The movers get their places in their record.
        stayed = [
            i if i >= 0 and not _moves(spec, olds[i], news[j], renames) else -1
            for j, i in enumerate(match)
        ]
        kept = _kept_in_place(stayed)
        if kept is None:
            kept = {j for j, i in enumerate(stayed) if i >= 0}
    for j, item in enumerate(news):
        i = match[j]
        if i < 0:
            if touched is not None:
                touched.append((None, item))
            out.append(
                Change(
                    kind=Kind.ADDED,
                    collection=collection,
                    id=item.id,
                    new_id=item.id,
                    label=getattr(item, spec.label),
                    new_index=j,
                    item=item,
                )
            )
            continue
        o = olds[i]
        out_of_place = kept is not None and j not in kept
        if o == item and not out_of_place:
            continue
        label = getattr(item, spec.label)
        if o.id != item.id:
            out.append(
                Change(
                    kind=Kind.RENAMED, collection=collection, id=o.id, new_id=item.id, label=label
                )
            )
        moved: list[FieldChange] = []
        changed: list[FieldChange] = []
        relinked: list[FieldChange] = []
        old_values, new_values = spec.values(o), spec.values(item)
        if old_values != new_values:
            for name, a, b in zip(spec.names, old_values, new_values, strict=True):
                if a == b:
                    continue
                ref = spec.refs.get(name)
                if ref is not None and _map_ref(a, ref[0], ref[1], renames) == b:
                    relinked.append(FieldChange(name, a, b))
                elif name in spec.moves:
                    moved.append(FieldChange(name, a, b))
                else:
                    _field_changes(name, a, b, changed)
            if touched is not None:
                touched.append((o, item))
                _rating_changes(o, item, renames, scales, ratings)  # type: ignore[arg-type]
        if moved or out_of_place:
            out.append(
                Change(
                    kind=Kind.MOVED,
                    collection=collection,
                    id=o.id,
                    new_id=item.id,
                    label=label,
                    fields=tuple(moved),
                    old_index=i if out_of_place else None,
                    new_index=j if out_of_place else None,
                )
            )
        for kind, fields in ((Kind.CHANGED, changed), (Kind.RELINKED, relinked)):
            if fields:
                out.append(
                    Change(
                        kind=kind,
                        collection=collection,
                        id=o.id,
                        new_id=item.id,
                        label=label,
                        fields=tuple(fields),
                    )
                )


def _moves(spec: ItemSpec, old: Item, new: Item, renames: Renames) -> bool:
    """Whether *new* sits in another phase or lane than *old* (not merely a renamed one)."""
    for name in spec.moves:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            ref = spec.refs.get(name)
            if ref is None or _map_ref(a, ref[0], ref[1], renames) != b:
                return True
    return False


# --- ratings --------------------------------------------------------------------------


class _ScaleLookup:
    """Scales of both journeys by id, and the direction a rating change is judged by."""

    def __init__(self, old: Sequence[Scale], new: Sequence[Scale]) -> None:
        self.old = {s.id: s for s in old}
        self.new = {s.id: s for s in new}
        self.renames: dict[str, str] = {}
        self._back: dict[str, str] | None = None

    def old_id(self, new_id: str) -> str:
        """The id in the old journey of the scale with *new_id*."""
        if not self.renames:
            return new_id
        if self._back is None:
            self._back = {v: k for k, v in self.renames.items()}
        return self._back.get(new_id, new_id)

    def scale(self, new_id: str, old_id: str) -> Scale | None:
        """The scale in the new journey, else the one in the old journey."""
        return self.new.get(new_id) or self.old.get(old_id)

    def direction(self, new_id: str, old_id: str) -> Direction:
        """The new scale's direction, else the old one's; higher is better when neither
        journey declares the scale (a dangling reference, only in unchecked journeys)."""
        scale = self.scale(new_id, old_id)
        return scale.direction if scale is not None else Direction.HIGHER_IS_BETTER


def _rating_changes(
    old: Step, new: Step, renames: Renames, scales: _ScaleLookup, out: list[RatingChange]
) -> None:
    if old.ratings == new.ratings:
        return
    mapping = renames.get(Collection.SCALES, {})
    before = {mapping.get(r.scale, r.scale): r for r in old.ratings}
    after = {r.scale: r for r in new.ratings}
    for scale_id in [*after, *(s for s in before if s not in after)]:
        a, b = before.get(scale_id), after.get(scale_id)
        old_votes = a.votes if a is not None else None
        new_votes = b.votes if b is not None else None
        old_whose = a.perspectives if a is not None else ()
        new_whose = b.perspectives if b is not None else ()
        if old_votes == new_votes and old_whose == new_whose:
            continue
        old_scale = a.scale if a is not None else scales.old_id(scale_id)
        direction = scales.direction(scale_id, old_scale)
        out.append(
            RatingChange(
                step=new.id,
                old_step=old.id,
                label=new.title,
                scale=scale_id,
                old_scale=old_scale,
                direction=direction,
                old_votes=old_votes,
                new_votes=new_votes,
                verdict=judge(direction, step_mean(old_votes), step_mean(new_votes)),
                old_perspectives=old_whose,
                new_perspectives=new_whose,
            )
        )


# --- the summary: mean of each scale per phase ----------------------------------------

# Per (phase id, scale id, number of votes): [sum of all votes, number of steps]. The
# sums are integers, so updating them step by step is exact, and a phase whose ratings
# did not change has exactly the same mean in both iterations.
Sums = dict[tuple[str, str, int], list[int]]


def _add(acc: Sums, step: Step, sign: int) -> None:
    for rating in step.ratings:
        votes = rating.votes
        if votes:
            key = (step.phase, rating.scale, len(votes))
            entry = acc.get(key)
            if entry is None:
                acc[key] = [sign * sum(votes), sign]
            else:
                entry[0] += sign * sum(votes)
                entry[1] += sign


def _sums(steps: Sequence[Step]) -> Sums:
    acc: Sums = {}
    get = acc.get
    for step in steps:
        ratings = step.ratings
        if not ratings:
            continue
        phase = step.phase
        for rating in ratings:
            votes = rating.votes
            n = len(votes)
            if n:
                key = (phase, rating.scale, n)
                entry = get(key)
                total = votes[0] if n == 1 else sum(votes)
                if entry is None:
                    acc[key] = [total, 1]
                else:
                    entry[0] += total
                    entry[1] += 1
    return acc


def _means(acc: Sums) -> dict[tuple[str, str], tuple[float, int]]:
    """Per (phase, scale): the mean of the steps' mean votes, and how many steps."""
    parts: dict[tuple[str, str], dict[int, tuple[int, int]]] = {}
    for (phase, scale, n), (total, count) in acc.items():
        if count:
            parts.setdefault((phase, scale), {})[n] = (total, count)
    out = {}
    for key, sums in parts.items():
        mean = mean_of_sums(sums)
        if mean is not None:
            out[key] = (mean, sum(count for _, count in sums.values()))
    return out


def _phase_scores(
    old: Journey,
    new: Journey,
    phase_match: list[int],
    scales: _ScaleLookup,
    touched: list[tuple[Step | None, Step | None]],
) -> tuple[PhaseScores, ...]:
    """The mean of each scale per phase, old → new.

    One pass over the old steps; the new sums are the old ones with the steps that
    changed taken out and put back in their new form.
    """
    old_acc = _sums(old.steps)
    # A step equal in both journeys adds the same votes under the same ids, so the new
    # sums are the old ones with the touched steps (changed, added, removed; those whose
    # references followed a rename too) taken out and put back as they are now.
    new_acc: Sums = {key: list(entry) for key, entry in old_acc.items()}
    for before, after in touched:
        if before is not None:
            _add(new_acc, before, -1)
        if after is not None:
            _add(new_acc, after, 1)
    old_means, new_means = _means(old_acc), _means(new_acc)
    if not old_means and not new_means:
        return ()

    # Pair the scales of both sides (a renamed scale with its old id); each id on each
    # side is used by one pair, so no mean is shown twice. Ids that steps use without
    # a declared scale (only in unchecked journeys) come last.
    old_ids = [s.id for s in old.scales]
    old_ids += sorted({s for _, s in old_means} - set(old_ids))
    new_ids = [s.id for s in new.scales]
    new_ids += sorted({s for _, s in new_means} - set(new_ids))
    old_set = set(old_ids)
    claimed: set[str] = set()
    scale_rows: list[tuple[str | None, str | None]] = []
    for scale_id in new_ids:
        partner = scales.old_id(scale_id)
        if partner in old_set and partner not in claimed:
            claimed.add(partner)
            scale_rows.append((scale_id, partner))
        else:
            scale_rows.append((scale_id, None))
    scale_rows.extend((None, scale_id) for scale_id in old_ids if scale_id not in claimed)

    rows: list[PhaseScores] = []
    matched_old: set[int] = set()
    for j, phase in enumerate(new.phases):
        i = phase_match[j]
        old_phase = old.phases[i].id if i >= 0 else None
        matched_old.add(i)
        row = _phase_row(phase.id, old_phase, phase.name, scale_rows, old_means, new_means, scales)
        if row is not None:
            rows.append(row)
    for i, phase in enumerate(old.phases):
        if i not in matched_old:
            row = _phase_row(None, phase.id, phase.name, scale_rows, old_means, new_means, scales)
            if row is not None:
                rows.append(row)
    return tuple(rows)


def _phase_row(
    phase: str | None,
    old_phase: str | None,
    name: str,
    scale_rows: list[tuple[str | None, str | None]],
    old_means: dict[tuple[str, str], tuple[float, int]],
    new_means: dict[tuple[str, str], tuple[float, int]],
    scales: _ScaleLookup,
) -> PhaseScores | None:
    cells = []
    for new_key, old_key in scale_rows:
        a = (
            old_means.get((old_phase, old_key))
            if old_phase is not None and old_key is not None
            else None
        )
        b = new_means.get((phase, new_key)) if phase is not None and new_key is not None else None
        if a is None and b is None:
            continue
        new_id = new_key if new_key is not None else old_key
        old_id = old_key if old_key is not None else new_key
        assert new_id is not None
        assert old_id is not None
        old_mean, old_count = a if a is not None else (None, 0)
        new_mean, new_count = b if b is not None else (None, 0)
        direction = scales.direction(new_id, old_id)
        scale = scales.scale(new_id, old_id)
        cells.append(
            ScaleScores(
                scale=new_id,
                old_scale=old_id,
                name=scale.name if scale is not None else new_id,
                direction=direction,
                old_mean=old_mean,
                new_mean=new_mean,
                old_count=old_count,
                new_count=new_count,
                verdict=judge(direction, old_mean, new_mean),
            )
        )
    if not cells:
        return None
    return PhaseScores(phase=phase, old_phase=old_phase, name=name, scales=tuple(cells))


def _build_effect(
    old: Journey,
    new: Journey,
    action_match: Sequence[int],
    ratings: Sequence[RatingChange],
) -> EffectReport:
    """The report from the matched actions of two journeys and their rating changes."""
    rows: list[ActionEffect] = []
    matched: set[int] = set()
    for j, action in enumerate(new.actions):
        i = action_match[j]
        before = old.actions[i] if i >= 0 else None
        matched.add(i)
        rows.append(_row(before, action))
    rows.extend(_row(action, None) for i, action in enumerate(old.actions) if i not in matched)
    return assess(rows, ratings)


def _row(old: ImprovementAction | None, new: ImprovementAction | None) -> ActionEffect:
    return ActionEffect(
        id=new.id if new is not None else None,
        old_id=old.id if old is not None else None,
        title=new.title if new is not None else None,
        old_title=old.title if old is not None else None,
        status=new.status if new is not None else None,
        old_status=old.status if old is not None else None,
        targets=new.targets if new is not None else (),
        old_targets=old.targets if old is not None else (),
    )
