"""The history of one journey over many iterations: scores, trajectories, lifecycles.

The seed's point is to map the journey again, later, to test whether the improvements
really worked. :func:`history` takes the iterations in order (oldest first) and
answers it for all of them at once:

- the mean of each scale per phase, and over the whole journey, per iteration
  (:class:`Series`, computed by :mod:`klantreis.aggregate`, the one definition of a
  mean);
- each step's trajectory: its score on each scale in every iteration
  (:class:`StepTrajectory`);
- each improvement action's lifecycle: its status in every iteration, the iteration
  each status began in, and whether its effect **lasted** (:class:`ActionLifecycle`,
  :class:`Lasting`).

Items are followed from one iteration to the next by :func:`klantreis.diff`'s
matching (ids, renames, moves), so a retitled step stays one step. An item's ids per
iteration are in its ``ids`` (``None`` where it is absent).

The effect of an action done in iteration *k* is judged on the group of its target
steps (their targets when it was first done), per scale, by the scale's direction:
the group is *better* than the baseline (iteration *k-1*) when at least one scale
improved and none worsened. It **lasted** when it is better in iteration *k* and in
every later one; it **slid back** when a later iteration is no longer better than
the baseline.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import frozen

from klantreis.aggregate import phase_mean, step_mean
from klantreis.compare.compute import diff
from klantreis.compare.model import Collection, JourneyDiff, Kind, Verdict, judge
from klantreis.errors import KlantreisError
from klantreis.model import Direction, Journey, Language, Scale, Status, Step

__all__ = [
    "ActionLifecycle",
    "History",
    "HistoryError",
    "Lasting",
    "Revision",
    "Series",
    "StatusChange",
    "StepTrajectory",
    "history",
]


class HistoryError(KlantreisError):
    """A history cannot be made of what was given (no journeys, a git revision unread ...)."""


class Lasting(str, enum.Enum):
    """Whether an improvement action's effect lasted (see the module docstring)."""

    NOT_DONE = "not-done"
    """The action is not done in any iteration."""
    NO_BASELINE = "no-baseline"
    """It was done in the first iteration, or its target steps have no scores to compare."""
    NO_EFFECT = "no-effect"
    """Its target steps were not better in the iteration it was done in."""
    NOT_REMEASURED = "not-remeasured"
    """Better in the iteration it was done in, which is the last: not measured again yet."""
    LASTED = "lasted"
    """Better in the iteration it was done in, and in every later one."""
    SLID_BACK = "slid-back"
    """Better in the iteration it was done in, but a later iteration is no longer better."""


@frozen(kw_only=True)
class Revision:
    """One iteration in a history: which journey it is and where it came from."""

    index: int
    """Its place in the history, from 0 (the oldest)."""
    label: str
    """The iteration's label, else the source's name."""
    date: dt.date | None
    source: str
    """The file it was read from (``reis.yaml@3f9a0c1`` for a git revision), or ``""``."""
    journey_id: str
    title: str


@frozen(kw_only=True)
class Series:
    """The scores on one scale, one value per iteration (``None``: nothing rated there)."""

    scale: str
    """The scale's id in the last iteration it appears in."""
    name: str
    direction: Direction
    minimum: int
    maximum: int
    values: tuple[float | None, ...]
    counts: tuple[int, ...]
    """How many rated steps each value is the mean of (1 or 0 for one step)."""

    @property
    def varies(self) -> bool:
        """Whether two iterations that have a value differ."""
        return len({v for v in self.values if v is not None}) > 1

    def better(self, new: int, old: int) -> Verdict:
        """The verdict on iteration *new* against iteration *old*."""
        return judge(self.direction, self.values[old], self.values[new])


@frozen(kw_only=True)
class PhaseSeries:
    """A phase followed across the iterations, with a :class:`Series` per scale."""

    ids: tuple[str | None, ...]
    name: str
    """Its name in the last iteration it appears in."""
    scales: tuple[Series, ...]


@frozen(kw_only=True)
class StepTrajectory:
    """A step followed across the iterations: its votes and score on each scale."""

    ids: tuple[str | None, ...]
    title: str
    """Its title in the last iteration it appears in (so are ``phase`` and ``lane``)."""
    phase: str
    lane: str
    votes: tuple[tuple[str, tuple[tuple[int, ...] | None, ...]], ...]
    """Per scale id: the votes in each iteration (``None`` where it has no rating)."""
    scales: tuple[Series, ...]

    @property
    def id(self) -> str:
        """Its id in the last iteration it appears in."""
        return next(i for i in reversed(self.ids) if i is not None)

    @property
    def changed(self) -> bool:
        """Whether any score differs between two iterations the step is rated in."""
        return any(s.varies for s in self.scales)


@frozen(kw_only=True)
class StatusChange:
    """An action's status changing: ``None`` for *old* when it first appears, for *new*
    when it is gone."""

    iteration: int
    old: Status | None
    new: Status | None


@frozen(kw_only=True)
class ActionLifecycle:
    """An improvement action followed across the iterations."""

    ids: tuple[str | None, ...]
    title: str
    statuses: tuple[Status | None, ...]
    """Its status in each iteration (``None`` where it is absent)."""
    changes: tuple[StatusChange, ...]
    """Where it appeared, each status change, and where it went."""
    targets: tuple[str, ...]
    """Ids of the target steps its effect is judged on, in the last iteration they appear."""
    target_scores: tuple[Series, ...]
    """The mean of its target steps on each scale, per iteration."""
    done_in: int | None
    """The first iteration in which it is ``done``."""
    lasting: Lasting
    slid_back_in: int | None = None
    """For :attr:`Lasting.SLID_BACK`: the first later iteration that is no longer better."""
    owner: str | None = None
    due: dt.date | None = None

    @property
    def id(self) -> str:
        """Its id in the last iteration it appears in."""
        return next(i for i in reversed(self.ids) if i is not None)


@frozen(kw_only=True)
class History:
    """One journey over its iterations (build it with :func:`history`)."""

    title: str
    language: Language
    revisions: tuple[Revision, ...]
    overall: tuple[Series, ...]
    """The mean of each scale over all steps of the journey, per iteration."""
    phases: tuple[PhaseSeries, ...]
    steps: tuple[StepTrajectory, ...]
    """Every step that was rated in at least one iteration, in the order of the wall."""
    actions: tuple[ActionLifecycle, ...]
    diffs: tuple[JourneyDiff, ...]
    """The diff of each iteration against the one before it."""
    journey_ids: tuple[str, ...] = ()
    """The journeys' ids, when they differ (the history may mix up two journeys)."""
    step_ids: tuple[tuple[str | None, ...], ...] = ()
    """Every step (rated or not) followed across the iterations: its id in each."""

    def __len__(self) -> int:
        return len(self.revisions)


# --- following items across iterations ------------------------------------------------


class _Tracks:
    """Items of one collection followed across iterations: one list of ids per item."""

    def __init__(self, journeys: Sequence[Journey], diffs: Sequence[JourneyDiff], name: str):
        collection = Collection(name)
        self.rows: list[list[str | None]] = []
        current: dict[str, list[str | None]] = {}
        for k, journey in enumerate(journeys):
            items = getattr(journey, name)
            links = _links(diffs[k - 1], collection, current) if k else {}
            following: dict[str, list[str | None]] = {}
            for item in items:
                old = links.get(item.id)
                row = current.get(old) if old is not None else None
                if row is None or len(row) > k:
                    row = [None] * k
                    self.rows.append(row)
                row.append(item.id)
                following[item.id] = row
            for row in current.values():
                if len(row) == k:
                    row.append(None)
            current = following
        for row in self.rows:
            row.extend([None] * (len(journeys) - len(row)))

        self.index = [
            {row[k]: row for row in self.rows if row[k] is not None} for k in range(len(journeys))
        ]

    def row_of(self, k: int, item_id: str) -> list[str | None] | None:
        """The ids of the item that has *item_id* in iteration *k*."""
        return self.index[k].get(item_id)


def _links(d: JourneyDiff, collection: Collection, old: Iterable[str]) -> dict[str, str]:
    """New id → old id of the items that the diff *d* matched: same id, or renamed."""
    renamed = {c.new_id: c.id for c in d.of(collection, Kind.RENAMED)}
    gone = {c.id for c in d.of(collection, Kind.REMOVED)} | set(renamed.values())
    links = {i: i for i in old if i not in gone}
    links.update(renamed)
    return links


def _last(items: Sequence[Any]) -> tuple[int, Any]:
    return next((k, v) for k, v in reversed(list(enumerate(items))) if v is not None)


# --- history --------------------------------------------------------------------------


def history(
    journeys: Iterable[Journey],
    *,
    sources: Sequence[str] | None = None,
    rename_threshold: float = 0.8,
) -> History:
    """The history of a journey over its iterations, oldest first.

    *sources* names each journey (a file, a git revision) in the output. Items are
    followed by :func:`klantreis.diff` of each iteration against the one before it,
    with *rename_threshold* as there. Raises :class:`HistoryError` without journeys.

    >>> import klantreis
    >>> from attrs import evolve
    >>> step = klantreis.Step(title="Wacht op de intake", phase="intake", lane="client",
    ...                       description="Weken zonder bericht", channels=["letter"],
    ...                       ratings=[klantreis.Rating("emotion", (2,))])
    >>> one = klantreis.Journey(title="Reis", phases=[klantreis.Phase(name="Intake")],
    ...                         steps=[step])
    >>> later = evolve(step, title="Wacht op een intake", id="wacht-op-een-intake",
    ...                ratings=[klantreis.Rating("emotion", (3, 4))])
    >>> h = klantreis.history([one, evolve(one, steps=[later])])
    >>> [(s.ids, s.scales[0].values) for s in h.steps]
    [(('wacht-op-de-intake', 'wacht-op-een-intake'), (2.0, 3.5))]
    """
    journeys = list(journeys)
    if not journeys:
        raise HistoryError("a history needs at least one journey")
    if sources is not None and len(sources) != len(journeys):
        raise ValueError(f"{len(sources)} sources for {len(journeys)} journeys")
    names = list(sources) if sources is not None else [""] * len(journeys)
    diffs = tuple(
        diff(a, b, rename_threshold=rename_threshold) for a, b in itertools.pairwise(journeys)
    )
    scales = _Tracks(journeys, diffs, "scales")
    phases = _Tracks(journeys, diffs, "phases")
    steps = _Tracks(journeys, diffs, "steps")
    actions = _Tracks(journeys, diffs, "actions")
    context = _Context(journeys, scales.rows)

    step_rows = _ordered_steps(journeys, steps.rows, phases.rows)
    trajectories = [t for t in (context.trajectory(row) for row in step_rows) if t.scales]
    phase_series = []
    for row in phases.rows:
        k, phase_id = _last(row)
        phase = journeys[k].phase(phase_id)
        assert phase is not None
        series = context.series(_in_phase(journeys, row))
        phase_series.append(PhaseSeries(ids=tuple(row), name=phase.name, scales=series))
    overall = context.series(lambda j, scale_id: [s.rating(scale_id) for s in journeys[j].steps])
    lifecycles = tuple(context.lifecycle(row, steps) for row in actions.rows)
    revisions = tuple(
        Revision(
            index=k,
            label=j.iteration.label if j.iteration is not None else (names[k] or str(k + 1)),
            date=j.iteration.date if j.iteration is not None else None,
            source=names[k],
            journey_id=j.id,
            title=j.title,
        )
        for k, j in enumerate(journeys)
    )
    ids = tuple(dict.fromkeys(j.id for j in journeys))
    return History(
        title=journeys[-1].title,
        language=journeys[-1].language,
        revisions=revisions,
        overall=overall,
        phases=tuple(phase_series),
        steps=tuple(trajectories),
        actions=lifecycles,
        diffs=diffs,
        journey_ids=ids if len(ids) > 1 else (),
        step_ids=tuple(tuple(row) for row in step_rows),
    )


def _in_phase(
    journeys: Sequence[Journey], row: list[str | None]
) -> Callable[[int, str], list[Any]]:
    """The ratings on a scale of the steps in the phase with the ids *row*."""

    def ratings(j: int, scale_id: str) -> list[Any]:
        phase = row[j]
        return [
            s.rating(scale_id) for s in journeys[j].steps if phase is not None and s.phase == phase
        ]

    return ratings


def _ordered_steps(
    journeys: Sequence[Journey],
    rows: list[list[str | None]],
    phase_rows: list[list[str | None]],
) -> list[list[str | None]]:
    """Step rows in the order of the wall: by phase, then by place, as last seen."""
    rank: dict[tuple[int, str], int] = {}
    for r, row in enumerate(phase_rows):
        for k, phase_id in enumerate(row):
            if phase_id is not None:
                rank[(k, phase_id)] = r
    places = [{s.id: (i, s) for i, s in enumerate(j.steps)} for j in journeys]

    def key(row: list[str | None]) -> tuple[int, int, int]:
        k, step_id = _last(row)
        place, step = places[k][step_id]
        return (rank.get((k, step.phase), len(phase_rows)), -k, place)

    return sorted(rows, key=key)


class _Context:
    """What building the rows of a history needs: the journeys and their scales."""

    def __init__(self, journeys: Sequence[Journey], scale_rows: list[list[str | None]]):
        self.journeys = journeys
        self.scale_rows = scale_rows
        self.scales: list[Scale] = []
        for row in scale_rows:
            k, scale_id = _last(row)
            scale = journeys[k].scale(scale_id)
            assert scale is not None
            self.scales.append(scale)

    def series(
        self, ratings: Callable[[int, str], list[Any]], *, one_step: bool = False
    ) -> tuple[Series, ...]:
        """A series per scale: *ratings(j, scale_id)* gives the ratings (or ``None``s)
        of the steps that count in iteration *j*."""
        out = []
        for row, scale in zip(self.scale_rows, self.scales, strict=True):
            values: list[float | None] = []
            counts: list[int] = []
            for j, scale_id in enumerate(row):
                votes = (
                    [r.votes for r in ratings(j, scale_id) if r is not None and r.votes]
                    if scale_id is not None
                    else []
                )
                values.append(
                    (step_mean(votes[0]) if one_step else phase_mean(votes)) if votes else None
                )
                counts.append(len(votes))
            if any(v is not None for v in values):
                out.append(
                    Series(
                        scale=scale.id,
                        name=scale.name,
                        direction=scale.direction,
                        minimum=scale.minimum,
                        maximum=scale.maximum,
                        values=tuple(values),
                        counts=tuple(counts),
                    )
                )
        return tuple(out)

    def trajectory(self, row: list[str | None]) -> StepTrajectory:
        """The trajectory of the step with the ids *row*."""
        found: list[Step | None] = [
            j.step(i) if i is not None else None for j, i in zip(self.journeys, row, strict=True)
        ]

        def ratings(j: int, scale_id: str) -> list[Any]:
            step = found[j]
            return [step.rating(scale_id)] if step is not None else []

        series = self.series(ratings, one_step=True)
        votes = []
        for s in series:
            scale_row = next(r for r in self.scale_rows if s.scale in r)
            per: list[tuple[int, ...] | None] = []
            for j, scale_id in enumerate(scale_row):
                rating = found[j].rating(scale_id) if found[j] and scale_id else None  # type: ignore[union-attr]
                per.append(rating.votes if rating is not None and rating.votes else None)
            votes.append((s.scale, tuple(per)))
        _, last = _last(found)
        return StepTrajectory(
            ids=tuple(row),
            title=last.title,
            phase=last.phase,
            lane=last.lane,
            votes=tuple(votes),
            scales=series,
        )

    def lifecycle(self, row: list[str | None], steps: _Tracks) -> ActionLifecycle:
        """The lifecycle of the action with the ids *row*."""
        found = [
            j.action(i) if i is not None else None for j, i in zip(self.journeys, row, strict=True)
        ]
        statuses = tuple(a.status if a is not None else None for a in found)
        changes = [
            StatusChange(iteration=k, old=statuses[k - 1] if k else None, new=status)
            for k, status in enumerate(statuses)
            if (statuses[k - 1] if k else None) is not status
        ]
        done_in = next((k for k, s in enumerate(statuses) if s is Status.DONE), None)
        judged_in = done_in if done_in is not None else _last(found)[0]
        action = found[judged_in]
        assert action is not None
        target_rows = [
            r for r in (steps.row_of(judged_in, t) for t in dict.fromkeys(action.targets)) if r
        ]
        found_steps = [
            [j.step(i) for i in (r[k] for r in target_rows) if i is not None]
            for k, j in enumerate(self.journeys)
        ]
        scores = self.series(
            lambda j, scale_id: [s.rating(scale_id) for s in found_steps[j] if s is not None]
        )
        lasting, slid = _lasting(done_in, scores, len(self.journeys))
        _, last = _last(found)
        return ActionLifecycle(
            ids=tuple(row),
            title=last.title,
            statuses=statuses,
            changes=tuple(changes),
            targets=tuple(_last(r)[1] for r in target_rows),
            target_scores=scores,
            done_in=done_in,
            lasting=lasting,
            slid_back_in=slid,
            owner=last.owner,
            due=last.due,
        )


def _better(scores: Sequence[Series], new: int, old: int) -> bool | None:
    """Whether the group is better in *new* than in *old*: a scale improved, none
    worsened; ``None`` when no scale has a value in both."""
    verdicts = [
        s.better(new, old)
        for s in scores
        if s.values[new] is not None and s.values[old] is not None
    ]
    if not verdicts:
        return None
    return Verdict.IMPROVED in verdicts and Verdict.WORSENED not in verdicts


def _lasting(
    done_in: int | None, scores: Sequence[Series], count: int
) -> tuple[Lasting, int | None]:
    if done_in is None:
        return Lasting.NOT_DONE, None
    if done_in == 0:
        return Lasting.NO_BASELINE, None
    better = _better(scores, done_in, done_in - 1)
    if better is None:
        return Lasting.NO_BASELINE, None
    if not better:
        return Lasting.NO_EFFECT, None
    if done_in == count - 1:
        return Lasting.NOT_REMEASURED, None
    for later in range(done_in + 1, count):
        if not _better(scores, later, done_in - 1):
            return Lasting.SLID_BACK, later
    return Lasting.LASTED, None
