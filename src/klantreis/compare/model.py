"""The result of comparing two iterations of a journey: immutable change records.

A :class:`JourneyDiff` is a list of :class:`Change` records, one per item and kind of
change, plus the analysis a facilitator reads first: every :class:`RatingChange` with
its verdict, the mean of each scale per phase (:class:`PhaseScores`), and the
:class:`EffectReport` (computed in :mod:`klantreis.compare.report`).

Where a new kind of change goes: add a member to :class:`Kind`, emit it in
:mod:`klantreis.compare.compute`, apply it in :mod:`klantreis.compare.apply`, swap it in
:meth:`Change.inverse`, and give it words in :mod:`klantreis.words`.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Union

from attrs import evolve, frozen

from klantreis.aggregate import step_mean
from klantreis.model import (
    Actor,
    Direction,
    ImprovementAction,
    Insight,
    Iteration,
    Journey,
    Lane,
    Language,
    Phase,
    Scale,
    Status,
    Step,
)

__all__ = [
    "ActionEffect",
    "Change",
    "Collection",
    "EffectReport",
    "FieldChange",
    "Flag",
    "Item",
    "JourneyDiff",
    "JourneyInfo",
    "Kind",
    "Outcome",
    "PhaseScores",
    "RatingChange",
    "ScaleScores",
    "Verdict",
    "assess",
]

Item = Union[Actor, Scale, Phase, Lane, Step, ImprovementAction, Insight]  # noqa: UP007 - a runtime alias on Python 3.10
"""An item of one of a journey's collections: everything that has an id of its own."""


class Kind(str, enum.Enum):
    """What happened to an item between the old and the new iteration."""

    ADDED = "added"
    """The item is new: ``new_index`` says where, ``item`` holds it."""
    REMOVED = "removed"
    """The item is gone: ``old_index`` says where it was, ``item`` holds it."""
    RENAMED = "renamed"
    """The item's id changed (``id`` → ``new_id``) while its content still matches."""
    MOVED = "moved"
    """A step went to another phase or lane (``fields``), or any item changed its
    place among the others (``old_index`` → ``new_index``)."""
    CHANGED = "changed"
    """Fields of the item changed: ``fields`` holds each one, old → new."""
    RELINKED = "relinked"
    """Only references changed, and each merely follows a renamed item (a step
    whose phase was renamed). Shown briefly; patching needs it all the same."""


class Collection(str, enum.Enum):
    """The parts of a journey a change can be in, in the order of the file."""

    JOURNEY = "journey"
    """The journey itself: title, id, language, iteration, objectives, persona..."""
    ACTORS = "actors"
    SCALES = "scales"
    PHASES = "phases"
    LANES = "lanes"
    STEPS = "steps"
    ACTIONS = "actions"
    INSIGHTS = "insights"


class Verdict(str, enum.Enum):
    """How a rating moved, judged by its scale's direction."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"
    """The votes changed but their mean did not."""
    NEW = "new"
    """The step has a rating on this scale now and had none before."""
    GONE = "gone"
    """The step had a rating on this scale and has none now."""

    def inverse(self) -> Verdict:
        """The verdict seen from the other iteration."""
        return _INVERSE_VERDICT[self]


_INVERSE_VERDICT = {
    Verdict.IMPROVED: Verdict.WORSENED,
    Verdict.WORSENED: Verdict.IMPROVED,
    Verdict.UNCHANGED: Verdict.UNCHANGED,
    Verdict.NEW: Verdict.GONE,
    Verdict.GONE: Verdict.NEW,
}


def judge(direction: Direction, old: float | None, new: float | None) -> Verdict:
    """The verdict for a value going from *old* to *new* on a scale with *direction*.

    >>> judge(Direction.LOWER_IS_BETTER, 4, 2)
    <Verdict.IMPROVED: 'improved'>
    """
    if old is None:
        return Verdict.NEW
    if new is None:
        return Verdict.GONE
    if new == old:
        return Verdict.UNCHANGED
    better = new > old if direction is Direction.HIGHER_IS_BETTER else new < old
    return Verdict.IMPROVED if better else Verdict.WORSENED


@frozen
class FieldChange:
    """One field of an item, old → new.

    *field* is the attribute's name, or a dotted path into a small record that is
    compared field by field (``quality.attitude``, ``objectives.client``). The values
    are model values (text, enums, tuples of ratings ...), never plain data.
    """

    field: str
    old: Any
    new: Any

    def inverse(self) -> FieldChange:
        """The same field, new → old."""
        return FieldChange(self.field, self.new, self.old)


@frozen(kw_only=True)
class Change:
    """One kind of change to one item.

    An item that was renamed, moved and edited has three records, all with the same
    ``id`` (in the old journey) and ``new_id`` (in the new one).
    """

    kind: Kind
    collection: Collection
    id: str
    """The item's id in the old journey (for ``added``: in the new one)."""
    new_id: str
    """The item's id in the new journey (for ``removed``: in the old one)."""
    label: str = ""
    """The item's title, name or text, to show (the new one; for ``removed`` the old one)."""
    fields: tuple[FieldChange, ...] = ()
    """For ``changed``, ``relinked`` and ``moved``: each field, old → new."""
    old_index: int | None = None
    """The place in the old collection: for ``removed`` and out-of-order ``moved``."""
    new_index: int | None = None
    """The place in the new collection: for ``added`` and out-of-order ``moved``."""
    item: Item | None = None
    """The whole item, for ``added`` and ``removed``."""

    def inverse(self) -> Change:
        """The change that undoes this one."""
        kind = {Kind.ADDED: Kind.REMOVED, Kind.REMOVED: Kind.ADDED}.get(self.kind, self.kind)
        return Change(
            kind=kind,
            collection=self.collection,
            id=self.new_id,
            new_id=self.id,
            label=self.label,
            fields=tuple(f.inverse() for f in self.fields),
            old_index=self.new_index,
            new_index=self.old_index,
            item=self.item,
        )

    def field(self, name: str) -> FieldChange | None:
        """The change of field *name*, or ``None``."""
        return next((f for f in self.fields if f.field == name), None)


@frozen(kw_only=True)
class RatingChange:
    """A step's rating on one scale, old → new, with a verdict by the scale's direction.

    Values are the mean of the votes (:attr:`klantreis.Rating.value`). The direction is
    that of the scale in the new journey (in the old one when the scale is gone).
    """

    step: str
    """The step's id in the new journey."""
    old_step: str
    """The step's id in the old journey (differs when the step was renamed)."""
    label: str
    """The step's title in the new journey, to show."""
    scale: str
    """The scale's id in the new journey."""
    old_scale: str
    """The scale's id in the old journey."""
    direction: Direction
    old_votes: tuple[int, ...] | None
    """The votes in the old journey; ``None`` when the step had no rating there."""
    new_votes: tuple[int, ...] | None
    verdict: Verdict
    old_perspectives: tuple[str, ...] = ()
    """Whose view each old vote gives (:attr:`klantreis.Rating.perspectives`), if any."""
    new_perspectives: tuple[str, ...] = ()

    @property
    def old_value(self) -> float | None:
        """The mean of the old votes, or ``None``."""
        return step_mean(self.old_votes)

    @property
    def new_value(self) -> float | None:
        """The mean of the new votes, or ``None``."""
        return step_mean(self.new_votes)

    def inverse(self) -> RatingChange:
        """The same rating seen from the other iteration."""
        return RatingChange(
            step=self.old_step,
            old_step=self.step,
            label=self.label,
            scale=self.old_scale,
            old_scale=self.scale,
            direction=self.direction,
            old_votes=self.new_votes,
            new_votes=self.old_votes,
            verdict=self.verdict.inverse(),
            old_perspectives=self.new_perspectives,
            new_perspectives=self.old_perspectives,
        )


@frozen(kw_only=True)
class ScaleScores:
    """The mean rating on one scale of the steps in one phase, old → new.

    The mean counts every rated step once, by the mean of its votes; ``None`` when no
    step in the phase was rated on the scale.
    """

    scale: str
    old_scale: str
    name: str
    direction: Direction
    old_mean: float | None
    new_mean: float | None
    old_count: int
    """How many steps of the phase were rated on the scale in the old journey."""
    new_count: int
    verdict: Verdict

    def inverse(self) -> ScaleScores:
        """The scores seen from the other iteration."""
        return evolve(
            self,
            scale=self.old_scale,
            old_scale=self.scale,
            old_mean=self.new_mean,
            new_mean=self.old_mean,
            old_count=self.new_count,
            new_count=self.old_count,
            verdict=self.verdict.inverse(),
        )


@frozen(kw_only=True)
class PhaseScores:
    """The mean of each scale in one phase, old → new (a row of the summary)."""

    phase: str | None
    """The phase's id in the new journey; ``None`` when the phase is gone."""
    old_phase: str | None
    """The phase's id in the old journey; ``None`` when the phase is new."""
    name: str
    scales: tuple[ScaleScores, ...]

    def inverse(self) -> PhaseScores:
        """The row seen from the other iteration."""
        return PhaseScores(
            phase=self.old_phase,
            old_phase=self.phase,
            name=self.name,
            scales=tuple(s.inverse() for s in self.scales),
        )


@frozen(kw_only=True)
class JourneyInfo:
    """Which journey a side of the diff is: shown in headings."""

    id: str
    title: str
    language: Language = Language.NL
    iteration: Iteration | None = None
    phases: tuple[tuple[str, str], ...] = ()
    """Each phase's id and name, so a report can name a phase instead of its id."""
    lanes: tuple[tuple[str, str], ...] = ()
    """Each lane's id and name."""

    @classmethod
    def of(cls, journey: Journey) -> JourneyInfo:
        """The info of *journey*."""
        return cls(
            id=journey.id,
            title=journey.title,
            language=journey.language,
            iteration=journey.iteration,
            phases=tuple((p.id, p.name) for p in journey.phases),
            lanes=tuple((lane.id, lane.name) for lane in journey.lanes),
        )

    def name(self, field: str, item_id: str) -> str:
        """The name of the phase (*field* ``phase``) or lane (``lane``) with *item_id*;
        the id itself when this side has no such item."""
        pairs = self.phases if field == "phase" else self.lanes if field == "lane" else ()
        return next((name for i, name in pairs if i == item_id), item_id)

    @property
    def label(self) -> str:
        """The iteration's label, or the title when there is no iteration."""
        return self.iteration.label if self.iteration is not None else self.title


@frozen(kw_only=True)
class JourneyDiff:
    """Everything that changed between two iterations of a journey.

    ``changes`` is what :func:`klantreis.patch` applies; ``ratings``, ``phases`` and
    ``effect`` are the analysis. Build one with :func:`klantreis.diff`. A diff is true
    when there are differences (``bool(d)``), so ``if diff(a, b):`` reads naturally.
    """

    old: JourneyInfo
    new: JourneyInfo
    changes: tuple[Change, ...] = ()
    ratings: tuple[RatingChange, ...] = ()
    """Every rating of a step present in both journeys that changed."""
    phases: tuple[PhaseScores, ...] = ()
    """Per phase, the mean of each scale, old → new (in the order of the new journey,
    phases that are gone last)."""
    effect: EffectReport | None = None
    """The effect of the improvement actions (see :func:`klantreis.effect`)."""

    @property
    def language(self) -> Language:
        """The language of the new journey: renderers speak it."""
        return self.new.language

    @property
    def is_empty(self) -> bool:
        """True when the two journeys are equal."""
        return not self.changes

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def counts(self) -> dict[Kind, int]:
        """How many records of each kind, every kind listed (in :class:`Kind` order)."""
        counter = Counter(c.kind for c in self.changes)
        return {kind: counter[kind] for kind in Kind}

    def counts_by_collection(self) -> dict[Collection, dict[Kind, int]]:
        """How many records of each kind per collection; collections without changes left out."""
        out: dict[Collection, dict[Kind, int]] = {}
        for change in self.changes:
            per = out.setdefault(change.collection, dict.fromkeys(Kind, 0))
            per[change.kind] += 1
        return {c: out[c] for c in Collection if c in out}

    def of(
        self, collection: Collection | str, kind: Kind | str | None = None
    ) -> tuple[Change, ...]:
        """The changes in *collection*, optionally of one *kind*."""
        coll = Collection(collection)
        want = Kind(kind) if kind is not None else None
        return tuple(
            c for c in self.changes if c.collection is coll and (want is None or c.kind is want)
        )

    def inverse(self) -> JourneyDiff:
        """The diff that takes the new journey back to the old one.

        ``patch(new, d.inverse()) == old``; every record is swapped, verdicts turn
        around and the effect report is judged again from the other side.
        """
        ratings = tuple(r.inverse() for r in self.ratings)
        return JourneyDiff(
            old=self.new,
            new=self.old,
            changes=_inverse_order(self.changes),
            ratings=ratings,
            phases=tuple(p.inverse() for p in self.phases),
            effect=self.effect.inverse(ratings) if self.effect is not None else None,
        )


def _inverse_order(changes: tuple[Change, ...]) -> tuple[Change, ...]:
    # The records stay in their order; patching does not depend on it.
    return tuple(c.inverse() for c in changes)


# --- the effect report (computed by klantreis.compare.report.effect) ---------------


class Flag(str, enum.Enum):
    """Something in the effect report that asks for a conversation."""

    DONE_WITHOUT_EFFECT = "done-without-effect"
    UNEXPLAINED_WORSENING = "unexplained-worsening"


class Outcome(str, enum.Enum):
    """What the ratings at an action's target steps did, taken together."""

    IMPROVED = "improved"
    """At least one rating improved, none worsened."""
    WORSENED = "worsened"
    """At least one rating worsened, none improved."""
    MIXED = "mixed"
    """Some ratings improved, others worsened."""
    UNCHANGED = "unchanged"
    """No rating improved or worsened (including: no ratings at all)."""


@frozen(kw_only=True)
class ActionEffect:
    """One improvement action: its status, old → new, and the ratings at its target steps."""

    id: str | None
    """The action's id in the new journey; ``None`` when it is gone."""
    old_id: str | None
    """The action's id in the old journey; ``None`` when it is new."""
    title: str | None
    old_title: str | None
    status: Status | None
    old_status: Status | None
    targets: tuple[str, ...] = ()
    """Ids of its target steps in the new journey."""
    old_targets: tuple[str, ...] = ()
    ratings: tuple[RatingChange, ...] = ()
    """The rating changes at its target steps."""
    outcome: Outcome = Outcome.UNCHANGED
    flags: tuple[Flag, ...] = ()

    @property
    def name(self) -> str:
        """The title to show: the new one, else the old one."""
        return self.title if self.title is not None else (self.old_title or "")

    @property
    def target_steps(self) -> tuple[str, ...]:
        """The target steps the outcome is judged on (see the module docstring)."""
        return self.targets if self.id is not None else self.old_targets

    @property
    def status_changed(self) -> bool:
        """Whether the status differs between the iterations."""
        return self.status is not self.old_status

    def _swapped(self) -> ActionEffect:
        return ActionEffect(
            id=self.old_id,
            old_id=self.id,
            title=self.old_title,
            old_title=self.title,
            status=self.old_status,
            old_status=self.status,
            targets=self.old_targets,
            old_targets=self.targets,
        )


@frozen(kw_only=True)
class EffectReport:
    """The effect of the improvement actions between two iterations (see :func:`effect`)."""

    actions: tuple[ActionEffect, ...] = ()
    """Every action: those of the new journey in its order, then those that are gone."""
    unexplained: tuple[RatingChange, ...] = ()
    """Worsened ratings at steps no action targets (flag ``unexplained-worsening``)."""

    @property
    def done_without_effect(self) -> tuple[ActionEffect, ...]:
        """The actions flagged ``done-without-effect``."""
        return tuple(a for a in self.actions if Flag.DONE_WITHOUT_EFFECT in a.flags)

    @property
    def flagged(self) -> bool:
        """Whether anything in the report is flagged."""
        return bool(self.unexplained) or any(a.flags for a in self.actions)

    def inverse(self, ratings: Sequence[RatingChange]) -> EffectReport:
        """The report seen from the other iteration; *ratings* are the inverted changes."""
        return assess([a._swapped() for a in self.actions], ratings)


def assess(rows: Iterable[ActionEffect], ratings: Sequence[RatingChange]) -> EffectReport:
    """Judge each action by the rating changes at its target steps, and set the flags."""
    rows = list(rows)
    by_step: dict[str, list[RatingChange]] = {}
    by_old_step: dict[str, list[RatingChange]] = {}
    for change in ratings:
        by_step.setdefault(change.step, []).append(change)
        by_old_step.setdefault(change.old_step, []).append(change)
    targeted = {t for row in rows for t in row.targets}
    old_targeted = {t for row in rows for t in row.old_targets}
    actions = []
    for row in rows:
        index = by_step if row.id is not None else by_old_step
        found: dict[int, RatingChange] = {}
        for target in dict.fromkeys(row.target_steps):
            for change in index.get(target, ()):
                found.setdefault(id(change), change)
        changes = tuple(found.values())
        outcome = _outcome(changes)
        flags: list[Flag] = []
        if (
            row.status is Status.DONE
            and row.target_steps
            and not any(c.verdict is Verdict.IMPROVED for c in changes)
        ):
            flags.append(Flag.DONE_WITHOUT_EFFECT)
        actions.append(evolve(row, ratings=changes, outcome=outcome, flags=tuple(flags)))
    unexplained = tuple(
        c
        for c in ratings
        if c.verdict is Verdict.WORSENED
        and c.step not in targeted
        and c.old_step not in old_targeted
    )
    return EffectReport(actions=tuple(actions), unexplained=unexplained)


def _outcome(changes: Iterable[RatingChange]) -> Outcome:
    verdicts = {c.verdict for c in changes}
    better, worse = Verdict.IMPROVED in verdicts, Verdict.WORSENED in verdicts
    if better and worse:
        return Outcome.MIXED
    if better:
        return Outcome.IMPROVED
    if worse:
        return Outcome.WORSENED
    return Outcome.UNCHANGED
