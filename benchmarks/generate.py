"""Deterministic, realistic journeys for the benchmarks, and a second iteration of each.

Everything is built through the public API (:class:`klantreis.Journey`, :class:`~klantreis.Phase`,
:class:`~klantreis.Step` ...) from a seeded :class:`random.Random`, so the same size and seed
always give the same journey, byte for byte.

:func:`journey` makes the first iteration: 10 phases, 8 lanes (two of them rating lanes),
*n* steps with ~100-character descriptions, ratings on both default scales, channels,
durations, notes, and one improvement action per 20 steps targeting one to three steps.

:func:`second_iteration` derives the next mapping with exactly known changes: 5 % of the
steps changed, 1 % added, 1 % removed, 1 % moved to another phase (the sets are disjoint),
and, with ``renamed=0.2``, 20 % of the untouched steps given a new id (the actions that
target them follow the new id). :class:`Truth` holds the count of each kind, as
:class:`klantreis.JourneyDiff` should report it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import attrs

import klantreis
from klantreis import (
    Actor,
    Channel,
    Duration,
    ImprovementAction,
    Iteration,
    Journey,
    Judgement,
    Lane,
    LaneKind,
    Note,
    NoteKind,
    Objectives,
    PainPoints,
    Persona,
    Phase,
    Quality,
    Rating,
    Scope,
    Status,
    Step,
    Theme,
)

__all__ = ["Truth", "journey", "second_iteration"]

_WORDS_TEXT = (
    "cliënt belt huisarts verwijzing wachtlijst intake gesprek formulier behandelaar "
    "afspraak bevestiging brief mail portaal vragenlijst uitslag overleg team advies "
    "zorgplan evaluatie terugkoppeling gemeente indicatie budget planning huisbezoek "
    "telefoon wachttijd onduidelijk snel vriendelijk informatie dossier toestemming "
    "medicatie apotheek herhaling afronding nazorg ervaring verwachting begeleiding"
)
_WORDS = _WORDS_TEXT.split()

_PHASES = (
    "Oriëntatie",
    "Aanmelding",
    "Wachttijd",
    "Intake",
    "Diagnostiek",
    "Adviesgesprek",
    "Behandeling",
    "Evaluatie",
    "Afronding",
    "Nazorg",
)

_ACTORS = ("Huisarts", "Secretariaat", "Behandelaar", "Gemeente", "Apotheek", "Mantelzorger")

# 8 lanes: 6 that hold steps, 2 rating lanes showing the default scales
_LANES = (
    Lane(id="client", name="Stappen cliënt", kind=LaneKind.CLIENT),
    Lane(id="huisarts", name="Huisarts", kind=LaneKind.ACTOR, actor="huisarts"),
    Lane(id="behandelaar", name="Behandelaar", kind=LaneKind.ACTOR, actor="behandelaar"),
    Lane(id="resources", name="Middelen", kind=LaneKind.RESOURCES),
    Lane(id="experience", name="Beleving", kind=LaneKind.EXPERIENCE),
    Lane(id="crucial-moments", name="Cruciale momenten", kind=LaneKind.CRUCIAL_MOMENTS),
    Lane(id="emotion", name="Emotie", kind=LaneKind.RATING, scale="emotion"),
    Lane(id="motivation", name="Motivatie", kind=LaneKind.RATING, scale="motivation"),
)
_STEP_LANES = ("client", "huisarts", "behandelaar", "resources", "experience", "crucial-moments")
_LANE_ACTOR = {"huisarts": "huisarts", "behandelaar": "behandelaar"}
_CHANNELS = tuple(Channel)


def _sentence(rng: random.Random, length: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(_WORDS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _ratings(rng: random.Random) -> tuple[Rating, ...]:
    return (
        Rating("emotion", tuple(rng.randint(1, 5) for _ in range(rng.randint(1, 4)))),
        Rating("motivation", tuple(rng.randint(1, 4) for _ in range(rng.randint(1, 3)))),
    )


def _step(rng: random.Random, step_id: str, phase: str) -> Step:
    lane = rng.choice(_STEP_LANES)
    notes: tuple[Note, ...] = ()
    if rng.random() < 0.3:
        kind = rng.choice(tuple(NoteKind))
        notes = (
            Note(
                kind=kind,
                text=_sentence(rng, 40),
                author=rng.choice(("Anouk", "Bram", "Fatima", None)),
                suggestion=_sentence(rng, 30) if kind is NoteKind.DISAGREEMENT else None,
            ),
        )
    return Step(
        id=step_id,
        title=_sentence(rng, 30).rstrip("."),
        phase=phase,
        lane=lane,
        description=_sentence(rng, 100),
        actor=_LANE_ACTOR.get(lane),
        channels=rng.sample(_CHANNELS, rng.randint(1, 3)),
        duration=Duration(rng.randint(1, 4), rng.choice(("days", "weeks")))
        if rng.random() < 0.4
        else None,
        ratings=_ratings(rng),
        pain_points=PainPoints(client=(_sentence(rng, 50),))
        if rng.random() < 0.2
        else PainPoints(),
        moment_of_truth=rng.random() < 0.05,
        quality=Quality(attitude=rng.choice(tuple(Judgement)), skills=rng.choice(tuple(Judgement)))
        if rng.random() < 0.2
        else Quality(),
        notes=notes,
    )


def journey(n: int, seed: int = 7) -> Journey:
    """The first iteration: a journey of *n* steps (deterministic for a given seed)."""
    rng = random.Random(f"{seed}-{n}")
    phases = tuple(
        Phase(
            id=klantreis.slugify(name),
            name=name,
            goal=_sentence(rng, 60),
            lead_time=Duration(rng.randint(1, 3), "weeks", rng.randint(4, 6)),
        )
        for name in _PHASES
    )
    per_phase, extra = divmod(n, len(phases))
    steps: list[Step] = []
    for p, phase in enumerate(phases):
        for _ in range(per_phase + (1 if p < extra else 0)):
            steps.append(_step(rng, f"s{len(steps):06d}", phase.id))
    actions = []
    for a in range(max(1, n // 20)):
        targets = sorted({steps[rng.randrange(n)].id for _ in range(rng.randint(1, 3))})
        actions.append(
            ImprovementAction(
                id=f"a{a:05d}",
                title=_sentence(rng, 40).rstrip("."),
                description=_sentence(rng, 100),
                scope=rng.choice(tuple(Scope)),
                theme=rng.choice(tuple(Theme)),
                within_mandate=rng.random() < 0.7,
                owner=rng.choice(("Anouk", "Bram", "Fatima")),
                due=dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                status=rng.choice(tuple(Status)),
                targets=targets,
                expected_effect=_sentence(rng, 60),
            )
        )
    return Journey(
        id="ggz-traject",
        title="GGZ-traject van aanmelding tot nazorg",
        iteration=Iteration(label="Eerste meting", date=dt.date(2026, 3, 1)),
        description=_sentence(rng, 200),
        objectives=Objectives(session=_sentence(rng, 60), client=_sentence(rng, 60)),
        persona=Persona(name="Anouk", description=_sentence(rng, 100)),
        actors=tuple(Actor(name=name) for name in _ACTORS),
        phases=phases,
        lanes=_LANES,
        steps=steps,
        actions=actions,
    )


@attrs.frozen
class Truth:
    """The changes :func:`second_iteration` made, counted as ``JourneyDiff`` records."""

    changed: int
    added: int
    removed: int
    moved: int
    renamed: int = 0
    relinked: int = 0
    """Actions whose targets follow a renamed step (one ``relinked`` record each)."""
    journey: int = 1
    """The journey's own record: the iteration label and date change."""

    @property
    def total(self) -> int:
        return (
            self.changed
            + self.added
            + self.removed
            + self.moved
            + self.renamed
            + self.relinked
            + self.journey
        )


def _pick(rng: random.Random, pool: list[int], k: int) -> list[int]:
    chosen = rng.sample(pool, k)
    taken = set(chosen)
    pool[:] = [i for i in pool if i not in taken]
    return chosen


def second_iteration(
    old: Journey, *, renamed: float = 0.0, seed: int = 11
) -> tuple[Journey, Truth]:
    """The next iteration of *old* with exactly known changes, and their count.

    5 % of the steps change (description and votes), 1 % are added, 1 % removed (never a
    step an action targets), 1 % move to another phase (to the end of that phase's
    steps); with *renamed* > 0, that share of the remaining steps gets a new id.
    """
    rng = random.Random(f"{seed}-{len(old.steps)}-{renamed}")
    steps: Sequence[Step] = old.steps
    n = len(steps)
    targeted = {t for a in old.actions for t in a.targets}
    pool = list(range(n))
    one = max(1, n // 100)
    removed = set(_pick(rng, [i for i in pool if steps[i].id not in targeted], one))
    pool = [i for i in pool if i not in removed]
    changed = set(_pick(rng, pool, max(1, n * 5 // 100)))
    moved = set(_pick(rng, pool, one))
    rename = set(_pick(rng, pool, int(n * renamed)))
    phase_ids = [p.id for p in old.phases]

    new_ids: dict[str, str] = {}
    out: dict[str, list[Step]] = {p: [] for p in phase_ids}
    tail: list[tuple[str, Step]] = []  # moved steps go last in their new phase
    for i, step in enumerate(steps):
        if i in removed:
            continue
        if i in changed:
            step = attrs.evolve(step, description=_sentence(rng, 100), ratings=_ratings(rng))
        elif i in moved:
            target = rng.choice([p for p in phase_ids if p != step.phase])
            tail.append((target, attrs.evolve(step, phase=target)))
            continue
        elif i in rename:
            new_ids[step.id] = f"{step.id}-r"
            step = attrs.evolve(step, id=new_ids[step.id])
        out[step.phase].append(step)
    for target, step in tail:
        out[target].append(step)
    added = 0
    for p in phase_ids:
        bucket = out[p]
        for _ in range(round(one / len(phase_ids) * (phase_ids.index(p) + 1)) - added):
            # the new steps get the phase's content words from another seed: nothing alike
            bucket.insert(rng.randrange(len(bucket) + 1), _step(rng, f"n{added:06d}", p))
            added += 1
    actions = []
    relinked = 0
    for action in old.actions:
        if any(t in new_ids for t in action.targets):
            relinked += 1
            action = attrs.evolve(action, targets=[new_ids.get(t, t) for t in action.targets])
        actions.append(action)
    new = attrs.evolve(
        old,
        iteration=Iteration(label="Tweede meting", date=dt.date(2026, 9, 1)),
        steps=[s for p in phase_ids for s in out[p]],
        actions=actions,
    )
    truth = Truth(
        changed=len(changed),
        added=added,
        removed=len(removed),
        moved=len(moved),
        renamed=len(rename),
        relinked=relinked,
    )
    return new, truth
