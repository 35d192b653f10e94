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

from klantreis.compare.compute import diff
from klantreis.compare.model import ActionEffect, EffectReport, Flag, Outcome
from klantreis.model import Journey

__all__ = ["ActionEffect", "EffectReport", "Flag", "Outcome", "effect"]


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
    report = diff(old, new, rename_threshold=rename_threshold).effect
    assert report is not None
    return report
