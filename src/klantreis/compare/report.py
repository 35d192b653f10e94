"""The effect report: did the improvement actions work?

The seed's last step, *herhaal ook eens de klantreis*, maps the journey again to test
whether what was improved really works in practice. :func:`effect` answers it for two
iterations: for every improvement action its status, old → new, and the rating
changes at the steps it targets, with two flags a facilitator should discuss:

``done-without-effect``
    The action is ``done`` in the new iteration, it targets at least one step, and no
    rating at any of its target steps improved (on any scale). Target steps whose
    ratings did not change count as not improved; an action without targets is not
    flagged, since there is nothing to measure.

``unexplained-worsening``
    A rating worsened at a step that no improvement action targets, in either
    iteration (whatever the action's status).

The *target steps* of an action are its targets in the new iteration; for an action
that is gone, its targets in the old one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

from attrs import evolve, frozen

from klantreis.compare.model import RatingChange, Verdict
from klantreis.model import ImprovementAction, Journey, Status

__all__ = ["ActionEffect", "EffectReport", "Flag", "Outcome", "effect"]


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


def effect(old: Journey, new: Journey, *, rename_threshold: float = 0.8) -> EffectReport:
    """The effect report of two iterations: ``diff(old, new).effect``.

    >>> import klantreis
    >>> from attrs import evolve
    >>> j = klantreis.Journey(
    ...     title="Reis",
    ...     phases=[klantreis.Phase(name="Intake")],
    ...     steps=[klantreis.Step(title="Wacht", phase="intake", lane="client",
    ...                           ratings=[klantreis.Rating("emotion", (2,))])],
    ...     actions=[klantreis.ImprovementAction(title="Terugbellen", targets=["wacht"])],
    ... )
    >>> later = evolve(j, actions=[evolve(j.actions[0], status=klantreis.Status.DONE)])
    >>> [(a.id, a.old_status.value, a.status.value, [f.value for f in a.flags])
    ...  for a in klantreis.effect(j, later).actions]
    [('terugbellen', 'proposed', 'done', ['done-without-effect'])]
    """
    from klantreis.compare.compute import diff

    report = diff(old, new, rename_threshold=rename_threshold).effect
    assert report is not None
    return report


def build_effect(
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
