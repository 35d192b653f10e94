"""Comparing iterations of a journey: diff, patch, inverse, and the effect report.

The seed asks a team to map the journey again, later, to test whether the improvement
actions really worked. This package answers that for two journey files:

- :func:`diff` compares two journeys and returns a :class:`JourneyDiff`: one
  :class:`Change` record per item and kind (added, removed, renamed, moved, changed,
  relinked), every :class:`RatingChange` with a :class:`Verdict` by its scale's
  direction, the mean of each scale per phase, and the :class:`EffectReport`;
- :func:`patch` applies a diff, :meth:`JourneyDiff.inverse` undoes it;
- :func:`effect` is the report on the improvement actions alone;
- :func:`diff_to_json` / :func:`diff_from_json` save and load a diff (a versioned
  JSON document), and :func:`render_diff` writes text, Markdown or JSON.

Modules: ``model`` (the records), ``compute`` (matching and comparing), ``apply``
(patching), ``report`` (the effect report), ``serialize`` (JSON), ``rendering`` and
``messages`` (the words, nl/en), ``cli`` (the ``klantreis diff`` command). The
package is called ``compare`` and no module shares a name with a function, so
``klantreis.diff`` and ``from klantreis.compare import patch`` are always the
functions. The submodules load on first use, so
``import klantreis.compare.cli`` (which ``klantreis --help`` does) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klantreis._lazy import lazy

if TYPE_CHECKING:
    from klantreis.compare.apply import patch
    from klantreis.compare.compute import diff, similarity
    from klantreis.compare.errors import DiffError, DiffFormatError, PatchError
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
    from klantreis.compare.rendering import render_diff
    from klantreis.compare.report import ActionEffect, EffectReport, Flag, Outcome, effect
    from klantreis.compare.serialize import DIFF_FORMAT_VERSION, diff_from_json, diff_to_json

__all__ = [
    "DIFF_FORMAT_VERSION",
    "ActionEffect",
    "Change",
    "Collection",
    "DiffError",
    "DiffFormatError",
    "EffectReport",
    "FieldChange",
    "Flag",
    "JourneyDiff",
    "JourneyInfo",
    "Kind",
    "Outcome",
    "PatchError",
    "PhaseScores",
    "RatingChange",
    "ScaleScores",
    "Verdict",
    "diff",
    "diff_from_json",
    "diff_to_json",
    "effect",
    "patch",
    "render_diff",
    "similarity",
]

_LAZY = {
    "diff": ".compute",
    "similarity": ".compute",
    "ActionEffect": ".report",
    "EffectReport": ".report",
    "Flag": ".report",
    "Outcome": ".report",
    "effect": ".report",
    "DiffError": ".errors",
    "DiffFormatError": ".errors",
    "PatchError": ".errors",
    "Change": ".model",
    "Collection": ".model",
    "FieldChange": ".model",
    "JourneyDiff": ".model",
    "JourneyInfo": ".model",
    "Kind": ".model",
    "PhaseScores": ".model",
    "RatingChange": ".model",
    "ScaleScores": ".model",
    "Verdict": ".model",
    "patch": ".apply",
    "render_diff": ".rendering",
    "DIFF_FORMAT_VERSION": ".serialize",
    "diff_from_json": ".serialize",
    "diff_to_json": ".serialize",
}


_RENAMED = {"render": "render_diff"}
"""Old names that still work, with a :class:`DeprecationWarning`, until 0.3."""

__getattr__, __dir__ = lazy(__name__, _LAZY, __all__, renamed=_RENAMED, removed_in="0.3")
