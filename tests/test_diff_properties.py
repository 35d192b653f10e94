"""Properties of diff, patch and inverse: they read like the specification.

``edited(journey)`` applies random edits of every kind to a journey (add, remove,
move, rename and retitle items; change fields, ratings, statuses and metadata), so
that the pairs compared are close relatives, as two iterations of a journey are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from klantreis import (
    Actor,
    Channel,
    Direction,
    ImprovementAction,
    Insight,
    Iteration,
    Journey,
    Judgement,
    Lane,
    Note,
    NoteKind,
    Persona,
    Phase,
    Rating,
    Scale,
    Status,
    Step,
)
from klantreis.compare import (
    Collection,
    Kind,
    Verdict,
    diff,
    diff_from_json,
    diff_to_json,
    patch,
)
from klantreis.testing.strategies import durations, hostile_texts, ids, journeys, texts

COLLECTIONS = ("actors", "scales", "phases", "lanes", "steps", "actions", "insights")

small_journeys = journeys(max_phases=4, max_steps=10, max_actions=3, max_insights=3)
"""Journeys a little smaller than the default: drawing them is most of the time spent."""


# --- edits ----------------------------------------------------------------------------


def _fresh(draw: st.DrawFn, taken: set[str]) -> str:
    base = draw(ids())
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _ids(journey: Journey, collection: str) -> list[str]:
    return [item.id for item in getattr(journey, collection)]


def _new_item(draw: st.DrawFn, journey: Journey, collection: str, item_id: str) -> Any:
    title = draw(texts())
    if collection == "actors":
        return Actor(id=item_id, name=title)
    if collection == "scales":
        return Scale(id=item_id, name=title, minimum=1, maximum=5)
    if collection == "phases":
        return Phase(id=item_id, name=title)
    if collection == "lanes":
        return Lane(id=item_id, name=title)
    if collection == "steps":
        phases = _ids(journey, "phases") or ["p"]
        lanes = _ids(journey, "lanes") or ["l"]
        return Step(
            id=item_id,
            title=title,
            phase=draw(st.sampled_from(phases)),
            lane=draw(st.sampled_from(lanes)),
            ratings=_draw_ratings(draw, journey),
        )
    if collection == "actions":
        steps = _ids(journey, "steps")
        targets = draw(st.lists(st.sampled_from(steps), max_size=2, unique=True)) if steps else []
        return ImprovementAction(
            id=item_id, title=title, status=draw(st.sampled_from(Status)), targets=targets
        )
    return Insight(id=item_id, text=title)


def _draw_ratings(draw: st.DrawFn, journey: Journey) -> tuple[Rating, ...]:
    if not journey.scales:
        return ()
    chosen = draw(st.lists(st.sampled_from(journey.scales), unique_by=lambda s: s.id, max_size=2))
    return tuple(
        Rating(
            s.id, tuple(draw(st.lists(st.integers(s.minimum, s.maximum), min_size=1, max_size=3)))
        )
        for s in chosen
    )


def _field_edit(draw: st.DrawFn, journey: Journey, collection: str, item: Any) -> Any:
    """A change to one field of *item*, chosen among those its class has."""
    label = {"steps": "title", "actions": "title", "insights": "text"}.get(collection, "name")
    edits: dict[str, st.SearchStrategy[Any]] = {label: texts()}
    if collection == "steps":
        edits.update(
            description=st.none() | texts(),
            duration=st.none() | durations(),
            moment_of_truth=st.booleans(),
            channels=st.lists(st.sampled_from(Channel), max_size=2, unique=True).map(tuple),
            ratings=st.builds(lambda: None).map(lambda _: _draw_ratings(draw, journey)),
            notes=st.builds(Note, kind=st.sampled_from(NoteKind), text=texts()).map(
                lambda note: (*item.notes, note)
            ),
            quality=st.sampled_from(Judgement).map(lambda j: evolve(item.quality, attitude=j)),
            pain_points=texts().map(
                lambda t: evolve(item.pain_points, client=(*item.pain_points.client, t))
            ),
        )
        if journey.phases:
            edits["phase"] = st.sampled_from(_ids(journey, "phases"))
        if journey.lanes:
            edits["lane"] = st.sampled_from(_ids(journey, "lanes"))
    elif collection == "actions":
        edits.update(
            status=st.sampled_from(Status),
            owner=st.none() | texts(),
            due=st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)),
        )
    elif collection == "insights":
        edits.update(discussed=st.booleans(), author=st.none() | texts())
    elif collection == "phases":
        edits.update(goal=st.none() | texts(), lead_time=st.none() | durations())
    elif collection == "scales":
        edits.update(direction=st.sampled_from(Direction), question=st.none() | texts())
    elif collection == "actors":
        edits.update(organisation=st.none() | texts())
    name = draw(st.sampled_from(sorted(edits)))
    return evolve(item, **{name: draw(edits[name])})


def _replace_refs(journey: Journey, collection: str, old: str, new: str) -> Journey:
    """Follow a renamed id everywhere it is referred to, as an editor would."""

    def one(value: str | None) -> str | None:
        return new if value == old else value

    def many(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if v == old else v for v in values)

    if collection == "phases":
        return evolve(journey, steps=tuple(evolve(s, phase=one(s.phase)) for s in journey.steps))
    if collection == "lanes":
        return evolve(journey, steps=tuple(evolve(s, lane=one(s.lane)) for s in journey.steps))
    if collection == "actors":
        return evolve(
            journey,
            steps=tuple(evolve(s, actor=one(s.actor)) for s in journey.steps),
            lanes=tuple(evolve(lane, actor=one(lane.actor)) for lane in journey.lanes),
        )
    if collection == "scales":
        return evolve(
            journey,
            steps=tuple(
                evolve(s, ratings=tuple(evolve(r, scale=one(r.scale) or "") for r in s.ratings))
                for s in journey.steps
            ),
            lanes=tuple(evolve(lane, scale=one(lane.scale)) for lane in journey.lanes),
        )
    if collection == "steps":
        return evolve(
            journey,
            actions=tuple(
                evolve(a, targets=many(a.targets), ideas=many(a.ideas)) for a in journey.actions
            ),
            insights=tuple(evolve(i, steps=many(i.steps)) for i in journey.insights),
        )
    return journey


EDIT_KINDS = ("add", "remove", "move", "rename", "retitle", "field", "metadata")


@st.composite
def edited(draw: st.DrawFn, journey: Journey, *, max_edits: int = 8) -> Journey:
    """*journey* after random edits of every kind: the next iteration of a journey."""
    taken = {item.id for c in COLLECTIONS for item in getattr(journey, c)}
    for _ in range(draw(st.integers(0, max_edits))):
        kind = draw(st.sampled_from(EDIT_KINDS))
        if kind == "metadata":
            journey = draw(_metadata_edit(journey))
            continue
        collection = draw(st.sampled_from(COLLECTIONS))
        items = list(getattr(journey, collection))
        if kind == "add" or not items:
            item = _new_item(draw, journey, collection, _fresh(draw, taken))
            items.insert(draw(st.integers(0, len(items))), item)
        else:
            at = draw(st.integers(0, len(items) - 1))
            if kind == "remove":
                del items[at]
            elif kind == "move":
                item = items.pop(at)
                items.insert(draw(st.integers(0, len(items))), item)
            elif kind == "rename":
                old_id, new_id = items[at].id, _fresh(draw, taken)
                items[at] = evolve(items[at], id=new_id)
                journey = evolve(journey, **{collection: tuple(items)})
                if draw(st.booleans()):
                    journey = _replace_refs(journey, collection, old_id, new_id)
                continue
            elif kind == "retitle":  # a new title and the id derived from it
                label = {"steps": "title", "actions": "title", "insights": "text"}.get(
                    collection, "name"
                )
                title = getattr(items[at], label) + draw(texts(max_size=6))
                items[at] = evolve(items[at], **{label: title, "id": _fresh(draw, taken)})
            else:
                items[at] = _field_edit(draw, journey, collection, items[at])
        journey = evolve(journey, **{collection: tuple(items)})
    return journey


@st.composite
def _metadata_edit(draw: st.DrawFn, journey: Journey) -> Journey:
    field = draw(
        st.sampled_from(
            ["title", "id", "description", "iteration", "objectives", "persona", "language"]
        )
    )
    if field == "title":
        return evolve(journey, title=draw(texts()))
    if field == "id":
        return evolve(journey, id=draw(ids()))
    if field == "description":
        return evolve(journey, description=draw(st.none() | texts()))
    if field == "iteration":
        return evolve(
            journey,
            iteration=draw(
                st.none() | st.builds(Iteration, label=texts(), date=st.none() | st.dates())
            ),
        )
    if field == "objectives":
        return evolve(
            journey, objectives=evolve(journey.objectives, client=draw(st.none() | texts()))
        )
    if field == "persona":
        persona = journey.persona
        if persona is not None and draw(st.booleans()):
            return evolve(journey, persona=evolve(persona, name=draw(texts())))
        return evolve(journey, persona=draw(st.none() | st.builds(Persona, name=texts())))
    return evolve(journey, language=draw(st.sampled_from(type(journey.language))))


@st.composite
def related_pairs(draw: st.DrawFn) -> tuple[Journey, Journey]:
    """Two iterations: the second derived from the first by random edits."""
    first = draw(small_journeys)
    return first, draw(edited(first))


independent_pairs = st.tuples(small_journeys, small_journeys)
pairs = related_pairs() | independent_pairs


# --- the properties -------------------------------------------------------------------


@given(journey=small_journeys)
def test_a_journey_does_not_differ_from_itself(journey):
    d = diff(journey, journey)
    assert d.is_empty
    assert not d
    assert d.ratings == ()
    assert patch(journey, d) == journey


@given(pair=related_pairs())
def test_patch_gives_the_new_journey_for_related_pairs(pair):
    old, new = pair
    assert patch(old, diff(old, new), check=False) == new


@given(pair=independent_pairs)
def test_patch_gives_the_new_journey_for_independent_pairs(pair):
    old, new = pair
    assert patch(old, diff(old, new), check=False) == new


@given(pair=pairs)
def test_the_inverse_takes_the_new_journey_back(pair):
    old, new = pair
    d = diff(old, new)
    assert patch(new, d.inverse(), check=False) == old
    assert d.inverse().inverse() == d
    assert d.is_empty == (old == new)  # and a diff is empty exactly when they are equal


@given(pair=pairs)
def test_a_diff_survives_its_json_round_trip(pair):
    old, new = pair
    d = diff(old, new)
    assert diff_from_json(diff_to_json(d)) == d
    assert diff_from_json(diff_to_json(d.inverse())) == d.inverse()


@st.composite
def hostile_pairs(draw: st.DrawFn) -> tuple[Journey, Journey]:
    first = draw(journeys(text=hostile_texts(), max_steps=10, max_actions=3, max_insights=3))
    return first, draw(edited(first))


@given(pair=hostile_pairs())
def test_a_diff_of_hostile_text_survives_json_and_renders(pair):
    from klantreis.compare import render_diff

    old, new = pair
    d = diff(old, new)
    assert diff_from_json(diff_to_json(d)) == d
    text = render_diff(d, "text")
    assert "\x1b" not in text  # no control characters reach the terminal
    render_diff(d, "markdown")


@st.composite
def renamed_ids(draw: st.DrawFn) -> tuple[Journey, Journey, set[tuple[str, str, str]]]:
    """A journey and the same journey with some ids renamed, references following."""
    journey = draw(small_journeys)
    taken = {item.id for c in COLLECTIONS for item in getattr(journey, c)}
    renamed = journey
    expected: set[tuple[str, str, str]] = set()
    for collection in COLLECTIONS:
        items = list(getattr(renamed, collection))
        for at, item in enumerate(items):
            if draw(st.booleans()):
                new_id = _fresh(draw, taken)
                items[at] = evolve(item, id=new_id)
                expected.add((collection, item.id, new_id))
        renamed = evolve(renamed, **{collection: tuple(items)})
        for c, old_id, new_id in expected:
            if c == collection:
                renamed = _replace_refs(renamed, collection, old_id, new_id)
    return journey, renamed, expected


@given(case=renamed_ids())
def test_renaming_ids_alone_gives_renames_and_nothing_added_or_removed(case):
    old, new, expected = case
    d = diff(old, new)
    counts = d.counts()
    assert counts[Kind.ADDED] == counts[Kind.REMOVED] == 0
    assert counts[Kind.CHANGED] == counts[Kind.MOVED] == 0  # references only follow
    found = {(c.collection.value, c.id, c.new_id) for c in d.of(Collection.STEPS, Kind.RENAMED)}
    found |= {
        (c.collection.value, c.id, c.new_id)
        for c in d.changes
        if c.kind is Kind.RENAMED and c.collection is not Collection.STEPS
    }
    assert len(found) == len(expected)
    assert {c for c, _, _ in found} == {c for c, _, _ in expected}
    assert patch(old, d, check=False) == new


def _mean(votes: tuple[int, ...] | None) -> float | None:
    return sum(votes) / len(votes) if votes else None


@given(pair=related_pairs())
def test_every_verdict_agrees_with_its_scales_direction(pair):
    old, new = pair
    for change in diff(old, new).ratings:
        scale = new.scale(change.scale) or old.scale(change.old_scale)
        direction = scale.direction if scale is not None else Direction.HIGHER_IS_BETTER
        assert change.direction is direction
        before, after = _mean(change.old_votes), _mean(change.new_votes)
        if before is None:
            assert change.verdict is Verdict.NEW
        elif after is None:
            assert change.verdict is Verdict.GONE
        elif scale is not None and scale.is_better(after, before):
            assert change.verdict is Verdict.IMPROVED
        elif scale is not None and scale.is_better(before, after):
            assert change.verdict is Verdict.WORSENED
        elif scale is not None:
            assert change.verdict is Verdict.UNCHANGED


@given(pair=related_pairs())
def test_the_effect_report_flags_by_its_definitions(pair):
    old, new = pair
    d = diff(old, new)
    assert d.effect is not None
    worsened_targets = {t for a in new.actions for t in a.targets}
    for action in d.effect.actions:
        if action.id is None:
            continue
        current = next(a for a in new.actions if a.id == action.id)
        improved = any(r.verdict is Verdict.IMPROVED for r in action.ratings)
        flagged = "done-without-effect" in [f.value for f in action.flags]
        assert flagged == (current.status is Status.DONE and bool(current.targets) and not improved)
        assert {r.step for r in action.ratings} <= set(current.targets)
    for change in d.effect.unexplained:
        assert change.verdict is Verdict.WORSENED
        assert change.step not in worsened_targets


def _fresh_means(journey: Journey) -> dict[tuple[str, str], tuple[float, int]]:
    values: dict[tuple[str, str], list[float]] = {}
    for step in journey.steps:
        for rating in step.ratings:
            if rating.votes:
                values.setdefault((step.phase, rating.scale), []).append(rating.value)
    return {key: (sum(v) / len(v), len(v)) for key, v in values.items()}


@given(pair=pairs)
def test_the_phase_means_are_those_of_each_journey(pair):
    old, new = pair
    d = diff(old, new)
    seen_old, seen_new = {}, {}
    for row in d.phases:
        for cell in row.scales:
            if row.old_phase is not None and cell.old_mean is not None:
                seen_old[(row.old_phase, cell.old_scale)] = (cell.old_mean, cell.old_count)
            if row.phase is not None and cell.new_mean is not None:
                seen_new[(row.phase, cell.scale)] = (cell.new_mean, cell.new_count)
    for seen, journey in ((seen_old, old), (seen_new, new)):
        phase_ids = {p.id for p in journey.phases}
        expected = {k: v for k, v in _fresh_means(journey).items() if k[0] in phase_ids}
        assert seen.keys() == expected.keys()
        for key, (mean, count) in expected.items():
            assert seen[key][1] == count
            assert abs(seen[key][0] - mean) < 1e-9
