"""A state machine edits a journey one step at a time; each diff reports exactly that edit.

The strongest test of a diff (see STYLE.md): after every edit, ``diff(before, after)``
holds the records the edit should give and nothing else, and patching and inverting
take the journeys into each other.
"""

from __future__ import annotations

from attrs import evolve
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from klantreis import Journey, Rating, Status, Step
from klantreis.compare import Collection, JourneyDiff, Kind, Verdict, diff, patch
from klantreis.testing.strategies import ids, journeys, texts


class Editing(RuleBasedStateMachine):
    """Edits of one kind at a time, with the records each must give."""

    def __init__(self) -> None:
        super().__init__()
        self.before: Journey | None = None
        self.journey: Journey | None = None
        self.expected: set[tuple[Kind, Collection, str]] | None = None
        self.last: JourneyDiff | None = None

    @initialize(journey=journeys(max_steps=8, max_actions=3, max_insights=2))
    def start(self, journey: Journey) -> None:
        self.journey = journey

    def apply(self, new: Journey, expected: set[tuple[Kind, Collection, str]]) -> None:
        assert self.journey is not None
        self.before, self.journey = self.journey, new
        self.last = diff(self.before, new)
        found = {(c.kind, c.collection, c.id) for c in self.last.changes}
        assert found == expected, (found, expected)

    def steps(self) -> list[Step]:
        assert self.journey is not None
        return list(self.journey.steps)

    @rule(data=st.data(), text=st.none() | texts())
    def describe_a_step(self, data: st.DataObject, text: str | None) -> None:
        steps = self.steps()
        if not steps:
            return
        at = data.draw(st.integers(0, len(steps) - 1))
        changed = steps[at].description != text
        steps[at] = evolve(steps[at], description=text)
        expected = {(Kind.CHANGED, Collection.STEPS, steps[at].id)} if changed else set()
        self.apply(evolve(self.journey, steps=tuple(steps)), expected)

    @rule(data=st.data(), title=texts())
    def add_a_step(self, data: st.DataObject, title: str) -> None:
        assert self.journey is not None
        steps = self.steps()
        taken = {s.id for s in steps}
        new_id = data.draw(ids().filter(lambda i: i not in taken))
        phase = self.journey.phases[0].id
        lane = next(lane.id for lane in self.journey.lanes if lane.kind.value != "rating")
        step = Step(id=new_id, title=title, phase=phase, lane=lane)
        steps.insert(data.draw(st.integers(0, len(steps))), step)
        self.apply(
            evolve(self.journey, steps=tuple(steps)), {(Kind.ADDED, Collection.STEPS, new_id)}
        )

    @rule(data=st.data())
    def remove_a_step(self, data: st.DataObject) -> None:
        steps = self.steps()
        if not steps:
            return
        gone = steps.pop(data.draw(st.integers(0, len(steps) - 1)))
        self.apply(
            evolve(self.journey, steps=tuple(steps)), {(Kind.REMOVED, Collection.STEPS, gone.id)}
        )

    @rule(data=st.data())
    def move_a_step(self, data: st.DataObject) -> None:
        steps = self.steps()
        if len(steps) < 2:
            return
        at = data.draw(st.integers(0, len(steps) - 1))
        to = data.draw(st.integers(0, len(steps) - 1).filter(lambda k: k != at))
        steps.insert(to, steps.pop(at))
        new = evolve(self.journey, steps=tuple(steps))
        self.before, self.journey = self.journey, new
        self.last = diff(self.before, new)
        # One item out of place: exactly one move (which one, when two swap, is free).
        assert [(c.kind, c.collection) for c in self.last.changes] == [
            (Kind.MOVED, Collection.STEPS)
        ]

    @rule(data=st.data())
    def rename_a_step(self, data: st.DataObject) -> None:
        assert self.journey is not None
        steps = self.steps()
        if not steps:
            return
        taken = {s.id for s in steps}
        at = data.draw(st.integers(0, len(steps) - 1))
        old_id, new_id = steps[at].id, data.draw(ids().filter(lambda i: i not in taken))
        steps[at] = evolve(steps[at], id=new_id)

        def follow(values: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(new_id if v == old_id else v for v in values)

        actions = tuple(
            evolve(a, targets=follow(a.targets), ideas=follow(a.ideas))
            for a in self.journey.actions
        )
        insights = tuple(evolve(i, steps=follow(i.steps)) for i in self.journey.insights)
        expected = {(Kind.RENAMED, Collection.STEPS, old_id)}
        expected |= {
            (Kind.RELINKED, Collection.ACTIONS, a.id)
            for a, b in zip(self.journey.actions, actions, strict=True)
            if a != b
        }
        expected |= {
            (Kind.RELINKED, Collection.INSIGHTS, i.id)
            for i, j in zip(self.journey.insights, insights, strict=True)
            if i != j
        }
        self.apply(
            evolve(self.journey, steps=tuple(steps), actions=actions, insights=insights), expected
        )

    @rule(data=st.data(), status=st.sampled_from(Status))
    def set_the_status_of_an_action(self, data: st.DataObject, status: Status) -> None:
        assert self.journey is not None
        actions = list(self.journey.actions)
        if not actions:
            return
        at = data.draw(st.integers(0, len(actions) - 1))
        changed = actions[at].status is not status
        actions[at] = evolve(actions[at], status=status)
        expected = {(Kind.CHANGED, Collection.ACTIONS, actions[at].id)} if changed else set()
        self.apply(evolve(self.journey, actions=tuple(actions)), expected)
        assert self.last is not None
        assert self.last.effect is not None
        (entry,) = [a for a in self.last.effect.actions if a.id == actions[at].id]
        assert entry.status is status

    @rule(data=st.data())
    def rate_a_step(self, data: st.DataObject) -> None:
        assert self.journey is not None
        steps = self.steps()
        if not steps or not self.journey.scales:
            return
        at = data.draw(st.integers(0, len(steps) - 1))
        scale = data.draw(st.sampled_from(self.journey.scales))
        votes = tuple(
            data.draw(st.lists(st.integers(scale.minimum, scale.maximum), min_size=1, max_size=3))
        )
        before = steps[at].rating(scale.id)
        others = tuple(r for r in steps[at].ratings if r.scale != scale.id)
        steps[at] = evolve(steps[at], ratings=(*others, Rating(scale.id, votes)))
        changed = steps[at] != self.steps()[at]
        expected = {(Kind.CHANGED, Collection.STEPS, steps[at].id)} if changed else set()
        self.apply(evolve(self.journey, steps=tuple(steps)), expected)
        assert self.last is not None
        found = [r for r in self.last.ratings if r.scale == scale.id]
        if before is not None and before.votes == votes:
            assert found == []
        else:
            (change,) = found
            if before is None:
                assert change.verdict is Verdict.NEW
            elif scale.is_better(change.new_value, change.old_value):
                assert change.verdict is Verdict.IMPROVED
            elif scale.is_better(change.old_value, change.new_value):
                assert change.verdict is Verdict.WORSENED
            else:
                assert change.verdict is Verdict.UNCHANGED

    @invariant()
    def patch_and_inverse_connect_the_two(self) -> None:
        if self.last is None or self.before is None:
            return
        assert patch(self.before, self.last, check=False) == self.journey
        assert patch(self.journey, self.last.inverse(), check=False) == self.before


Editing.TestCase.settings = settings(settings.default, stateful_step_count=12)
TestEditing = Editing.TestCase
