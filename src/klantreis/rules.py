"""Domain rules: what makes a well-formed journey valid and complete.

Each rule is a function registered with :func:`rule`; it gets the journey and a
prepared :class:`Index` and yields :class:`~klantreis.Problem` values located by their
path in the document. Errors make a journey invalid (unique ids, references that
resolve, ratings on their scale, coherent dates); warnings ask the seed's question
"are really all actions listed?" (a phase without steps, an idea with no action).

A new rule goes here: write a generator, decorate it, and add a case to
``tests/test_rules.py``.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any

from attrs import frozen

from klantreis.errors import PathPart, Problem, Severity
from klantreis.model import Journey, LaneKind

__all__ = ["RULES", "Index", "Rule", "check", "rule"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING


class Index:
    """Look-ups the rules share, built once per check."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey

    @cached_property
    def phase_ids(self) -> set[str]:
        return {p.id for p in self.journey.phases}

    @cached_property
    def lanes(self) -> dict[str, LaneKind]:
        return {lane.id: lane.kind for lane in self.journey.lanes}

    @cached_property
    def actor_ids(self) -> set[str]:
        return {a.id for a in self.journey.actors}

    @cached_property
    def scales(self) -> dict[str, tuple[int, int]]:
        return {s.id: (s.minimum, s.maximum) for s in self.journey.scales}

    @cached_property
    def step_ids(self) -> set[str]:
        return {s.id for s in self.journey.steps}

    @cached_property
    def steps_per_phase(self) -> Counter[str]:
        return Counter(s.phase for s in self.journey.steps)


RuleFunction = Callable[[Journey, Index], Iterable[Problem]]


@frozen
class Rule:
    """A registered rule: its code, severity, one-line description and function."""

    code: str
    severity: Severity
    description: str
    function: RuleFunction

    def __call__(self, journey: Journey, index: Index) -> Iterator[Problem]:
        yield from self.function(journey, index)


RULES: list[Rule] = []
"""Every rule, in the order they run."""


Finding = tuple[Any, ...]
"""What a rule function yields: ``(path, message)`` or ``(path, message, hint)``."""


def rule(
    code: str, severity: Severity = ERROR
) -> Callable[[Callable[[Journey, Index], Iterable[Finding]]], Rule]:
    """Register a rule. The function yields ``(path, message)`` or ``(path, message, hint)``."""

    def register(function: Callable[[Journey, Index], Iterable[Finding]]) -> Rule:
        def problems(journey: Journey, index: Index) -> Iterator[Problem]:
            for found in function(journey, index):
                path, message, *rest = found
                yield Problem(
                    code=code,
                    message=message,
                    path=path,
                    severity=severity,
                    hint=rest[0] if rest else None,
                )

        description = (function.__doc__ or "").strip().splitlines()[0]
        registered = Rule(code, severity, description, problems)
        RULES.append(registered)
        return registered

    return register


def check(journey: Journey) -> list[Problem]:
    """Run every rule on *journey*; problems come in rule order, then document order."""
    index = Index(journey)
    return [problem for r in RULES for problem in r(journey, index)]


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


Found = Iterator[tuple[tuple[PathPart, ...], str] | tuple[tuple[PathPart, ...], str, str | None]]

# --- errors ---------------------------------------------------------------------------


@rule("duplicate-id")
def _duplicate_ids(journey: Journey, index: Index) -> Found:
    """Ids are unique within each collection (phases, lanes, steps ...)."""
    for key in ("actors", "scales", "phases", "lanes", "steps", "actions", "insights"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(journey, key)):
            if item.id in seen:
                yield (
                    (key, i, "id"),
                    f"the id {item.id!r} is already used by {key}[{seen[item.id]}]",
                )
            else:
                seen[item.id] = i


@rule("empty-id")
def _empty_ids(journey: Journey, index: Index) -> Found:
    """Ids are not empty."""
    if not journey.id.strip():
        yield ("id",), "the journey's id is empty"
    for key in ("actors", "scales", "phases", "lanes", "steps", "actions", "insights"):
        for i, item in enumerate(getattr(journey, key)):
            if not item.id.strip():
                yield (key, i, "id"), "the id is empty"


@rule("unknown-reference")
def _references(journey: Journey, index: Index) -> Found:
    """References to phases, lanes, actors, scales and steps resolve."""
    for i, step in enumerate(journey.steps):
        if step.phase not in index.phase_ids:
            yield (
                ("steps", i, "phase"),
                f"no phase has the id {step.phase!r}",
                _did_you_mean(step.phase, index.phase_ids),
            )
        if step.lane not in index.lanes:
            yield (
                ("steps", i, "lane"),
                f"no lane has the id {step.lane!r}",
                _did_you_mean(step.lane, index.lanes),
            )
        if step.actor is not None and step.actor not in index.actor_ids:
            yield (
                ("steps", i, "actor"),
                f"no actor has the id {step.actor!r}",
                _did_you_mean(step.actor, index.actor_ids),
            )
        for rating in step.ratings:
            if rating.scale not in index.scales:
                yield (
                    ("steps", i, "ratings", rating.scale),
                    f"no scale has the id {rating.scale!r}",
                    _did_you_mean(rating.scale, index.scales),
                )
    for i, lane in enumerate(journey.lanes):
        if lane.actor is not None and lane.actor not in index.actor_ids:
            yield (
                ("lanes", i, "actor"),
                f"no actor has the id {lane.actor!r}",
                _did_you_mean(lane.actor, index.actor_ids),
            )
        if lane.scale is not None and lane.scale not in index.scales:
            yield (
                ("lanes", i, "scale"),
                f"no scale has the id {lane.scale!r}",
                _did_you_mean(lane.scale, index.scales),
            )
    for key, field in (("actions", "targets"), ("actions", "ideas"), ("insights", "steps")):
        for i, item in enumerate(getattr(journey, key)):
            for j, step_id in enumerate(getattr(item, field)):
                if step_id not in index.step_ids:
                    yield (
                        (key, i, field, j),
                        f"no step has the id {step_id!r}",
                        _did_you_mean(step_id, index.step_ids),
                    )


@rule("rating-lane")
def _rating_lanes(journey: Journey, index: Index) -> Found:
    """A rating lane names its scale, and holds no steps of its own."""
    for i, lane in enumerate(journey.lanes):
        if lane.kind is LaneKind.RATING and lane.scale is None:
            yield ("lanes", i), "a rating lane needs a scale: the id of the scale it shows"
    for i, step in enumerate(journey.steps):
        if index.lanes.get(step.lane) is LaneKind.RATING:
            yield (
                ("steps", i, "lane"),
                f"the lane {step.lane!r} shows ratings and holds no steps; "
                "rate the step with `ratings:` instead",
            )


@rule("bad-scale")
def _scales(journey: Journey, index: Index) -> Found:
    """A scale runs from a lower to a higher bound, with one label per point (or none)."""
    for i, scale in enumerate(journey.scales):
        if scale.minimum >= scale.maximum:
            yield (
                ("scales", i, "maximum"),
                f"the maximum ({scale.maximum}) must be above the minimum ({scale.minimum})",
            )
        elif scale.labels and len(scale.labels) != len(scale.points):
            yield (
                ("scales", i, "labels"),
                f"{len(scale.labels)} labels for {len(scale.points)} points "
                f"({scale.minimum}-{scale.maximum}); give one per point, '' for none",
            )


@rule("rating-out-of-range")
def _ratings(journey: Journey, index: Index) -> Found:
    """Every vote of a rating lies on its scale."""
    for i, step in enumerate(journey.steps):
        for rating in step.ratings:
            bounds = index.scales.get(rating.scale)
            if bounds is None:
                continue
            low, high = bounds
            for j, vote in enumerate(rating.votes):
                if not low <= vote <= high:
                    path: tuple[PathPart, ...] = ("steps", i, "ratings", rating.scale)
                    if len(rating.votes) > 1:
                        path = (*path, j)
                    yield path, f"{vote} is not on the scale {rating.scale!r} ({low}-{high})"


@rule("date-order")
def _dates(journey: Journey, index: Index) -> Found:
    """Dates are coherent: an insight is discussed after it was written, and marked so."""
    for i, insight in enumerate(journey.insights):
        if insight.discussed_on is not None:
            if not insight.discussed:
                yield (
                    ("insights", i, "discussed"),
                    "the insight has a discussed_on date but discussed is false",
                )
            if insight.date is not None and insight.discussed_on < insight.date:
                yield (
                    ("insights", i, "discussed_on"),
                    f"discussed on {insight.discussed_on}, before it was written ({insight.date})",
                )


# --- warnings: the seed's "are really all actions listed?" ----------------------------


@rule("no-persona", WARNING)
def _persona(journey: Journey, index: Index) -> Found:
    """The journey follows a named persona (it helps the thinking)."""
    if journey.persona is None:
        yield ("persona",), "no persona: name the one client or employee this journey follows"


@rule("no-objective", WARNING)
def _objectives(journey: Journey, index: Index) -> Found:
    """The objectives of the session and of the client are written down."""
    if journey.objectives.session is None:
        yield ("objectives", "session"), "no objective for the session: what is today for?"
    if journey.objectives.client is None:
        yield ("objectives", "client"), "no objective of the client: what does the client want?"


@rule("empty-phase", WARNING)
def _empty_phases(journey: Journey, index: Index) -> Found:
    """Every phase has steps."""
    if not journey.phases:
        yield ("phases",), "the journey has no phases yet"
    for i, phase in enumerate(journey.phases):
        if index.steps_per_phase[phase.id] == 0:
            yield (
                ("phases", i),
                f"the phase {phase.name!r} has no steps: are really all actions listed?",
            )


@rule("unrated-experience", WARNING)
def _unrated(journey: Journey, index: Index) -> Found:
    """A step in an experience lane has a rating."""
    for i, step in enumerate(journey.steps):
        if index.lanes.get(step.lane) is LaneKind.EXPERIENCE and not step.ratings:
            yield ("steps", i, "ratings"), f"the experience {step.title!r} has no rating"


@rule("idea-without-action", WARNING)
def _ideas(journey: Journey, index: Index) -> Found:
    """Every improvement idea has led to an action (or was consciously left)."""
    used = {idea for action in journey.actions for idea in action.ideas}
    used |= {target for action in journey.actions for target in action.targets}
    for i, step in enumerate(journey.steps):
        if index.lanes.get(step.lane) is LaneKind.IDEAS and step.id not in used:
            yield ("steps", i), f"the improvement idea {step.title!r} has no action"


@rule("incomplete-action", WARNING)
def _actions(journey: Journey, index: Index) -> Found:
    """Every improvement action has an owner and the steps it should improve."""
    for i, action in enumerate(journey.actions):
        if not action.owner:
            yield ("actions", i, "owner"), f"the action {action.title!r} has no owner"
        if not action.targets:
            yield (
                ("actions", i, "targets"),
                f"the action {action.title!r} targets no step: how will you see it worked?",
            )


@rule("not-an-idea", WARNING)
def _action_ideas(journey: Journey, index: Index) -> Found:
    """The ideas an action comes from are post-its in an ideas lane."""
    kinds = {step.id: index.lanes.get(step.lane) for step in journey.steps}
    for i, action in enumerate(journey.actions):
        for j, step_id in enumerate(action.ideas):
            if step_id in kinds and kinds[step_id] is not LaneKind.IDEAS:
                yield (
                    ("actions", i, "ideas", j),
                    f"the step {step_id!r} is not in an ideas lane",
                )


@rule("signoff-outdated", WARNING)
def _signoffs(journey: Journey, index: Index) -> Found:
    """A colleague's latest sign-off still matches the content (its fingerprint)."""
    from klantreis.review import outdated_signoffs

    for i, record in outdated_signoffs(journey):
        yield (
            ("signoffs", i, "fingerprint"),
            f"the journey changed after {record.who} signed it off on {record.date}: "
            "ask for a new review, or sign it off again",
        )
