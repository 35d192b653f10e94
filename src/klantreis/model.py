"""The domain model: a customer journey as immutable, typed values.

Every class here is an ``attrs`` frozen class and knows nothing of files, formats or
validation rules. Change a value with :func:`attrs.evolve`. Sequences are tuples so
that a journey is hashable and can never be changed behind its owner's back.

The model follows the brown paper of a *klantreisbijeenkomst*: phases run along the
timeline, lanes are the rows, and every post-it on the wall is a :class:`Step` that
sits in one phase and one lane. Lanes of the :attr:`LaneKind.RATING` kind hold no
steps of their own; they show the :class:`Rating` values of the steps in each phase.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from attrs import Factory, field, frozen, validators

from klantreis import words

__all__ = [
    "Actor",
    "Channel",
    "Direction",
    "Duration",
    "DurationUnit",
    "ImprovementAction",
    "Insight",
    "Iteration",
    "Journey",
    "Judgement",
    "Lane",
    "LaneKind",
    "Language",
    "Note",
    "NoteKind",
    "Objectives",
    "PainPoints",
    "Persona",
    "PersonaRole",
    "Phase",
    "Quality",
    "Rating",
    "Scale",
    "Scope",
    "SignOff",
    "Status",
    "Step",
    "SystemBoundary",
    "Theme",
    "slugify",
]


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Store any iterable as a tuple, so that a value can never change afterwards."""
    return tuple(items)


def _doc(description: str, **extra: Any) -> dict[str, Any]:
    """Field metadata: the description shown in the JSON Schema and the docs."""
    return {"description": description, **extra}


# --- enumerations ---------------------------------------------------------------------


class Language(str, enum.Enum):
    """The language a journey is written in; exports use it for their labels."""

    NL = "nl"
    EN = "en"


class PersonaRole(str, enum.Enum):
    """Whose journey it is: the seed follows one client or one employee."""

    CLIENT = "client"
    EMPLOYEE = "employee"


class LaneKind(str, enum.Enum):
    """What a row of the brown paper holds."""

    CLIENT = "client"
    """The client's steps (*stappen cliënt*)."""
    ACTOR = "actor"
    """Steps of a stakeholder (*stappen per betrokkene*)."""
    RESOURCES = "resources"
    """Resources used: systems, software, support (*welke middelen worden ingezet*)."""
    LOCATION = "location"
    """Whether the work is bound to a location (*locatiegebonden?*)."""
    EXPERIENCE = "experience"
    """How the step is experienced (*beleving*)."""
    RATING = "rating"
    """Shows the ratings of one scale for the steps of each phase; holds no steps."""
    SYSTEM = "system"
    """Where to involve the client's system more, and what they need."""
    CRUCIAL_MOMENTS = "crucial-moments"
    """The most crucial moments of the journey."""
    CRUCIAL_CHANGES = "crucial-changes"
    """The most crucial changes (*what if ...*)."""
    IDEAS = "ideas"
    """Improvement ideas (*verbeterideeën*)."""
    OTHER = "other"
    """Any row a team adds for its own purpose."""


class Direction(str, enum.Enum):
    """Which end of a scale is the good end."""

    HIGHER_IS_BETTER = "higher-is-better"
    LOWER_IS_BETTER = "lower-is-better"


class Channel(str, enum.Enum):
    """Ways a contact moment happens (the seed's list of communication channels)."""

    PHONE = "phone"
    FACE_TO_FACE = "face-to-face"
    LETTER = "letter"
    EMAIL = "email"
    VIDEO_CALL = "video-call"
    LEAFLET = "leaflet"
    SEARCH_ENGINE = "search-engine"
    WEBSITE = "website"
    REFERRER = "referrer"
    SOCIAL_MEDIA = "social-media"
    EXTERNAL_WEBSITE = "external-website"
    CHAT = "chat"
    APP = "app"
    OTHER = "other"


class DurationUnit(str, enum.Enum):
    """The unit of a :class:`Duration`."""

    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


class NoteKind(str, enum.Enum):
    """The three kinds of post-it a participant adds when walking the journey again."""

    QUESTION = "question"
    """A question asking for clarification: the ``?`` post-it."""
    DISAGREEMENT = "disagreement"
    """A disagreement, ideally with a suggestion: the ``!`` post-it."""
    ADDITION = "addition"
    """Something that is missing: the ``+`` post-it."""

    @property
    def symbol(self) -> str:
        """The mark written on the post-it: ``?``, ``!`` or ``+``."""
        return {"question": "?", "disagreement": "!", "addition": "+"}[self.value]


class Judgement(str, enum.Enum):
    """A judgement of one aspect of the quality of a contact moment."""

    GOOD = "good"
    SUFFICIENT = "sufficient"
    INSUFFICIENT = "insufficient"


class Scope(str, enum.Enum):
    """Who can carry out an improvement action."""

    OURSELVES = "ourselves"
    """What we can do ourselves."""
    OTHERS = "others"
    """What needs others (inside or outside the organisation)."""


class Theme(str, enum.Enum):
    """The four themes of the seed's *besluitvorming* step, plus other."""

    PROFESSIONALS = "professionals"
    """Knowledge, attitude and skills of the professionals involved."""
    INTEGRAL_APPROACH = "integral-approach"
    """A seamless, integral approach aimed at prevention and empowerment."""
    STRESS_SENSITIVITY = "stress-sensitivity"
    """Stress-sensitivity in approach and policy."""
    LEGAL_ROOM = "legal-room"
    """Making full use of the latitude in laws and regulations."""
    OTHER = "other"


class Status(str, enum.Enum):
    """How far an improvement action has come."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


# --- small values ---------------------------------------------------------------------


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _number(value: float) -> str:
    """A number as people write it, exactly: ``2``, ``1.5``, ``1234567``."""
    return str(int(value)) if value.is_integer() else repr(value)


_SLUG_DROP = re.compile(r"[^\w]+")


def slugify(text: str, *, fallback: str = "item") -> str:
    """Derive an id from a title: lower case, accents dropped, words joined by ``-``.

    Letters of other scripts are kept, so a title in Arabic or Greek gets a readable id.
    An empty result becomes *fallback*.

    >>> slugify("Aanmelding & intake bij de GGZ")
    'aanmelding-intake-bij-de-ggz'
    >>> slugify("Cliënt belt huisarts")
    'client-belt-huisarts'
    """
    for _ in range(2):  # twice: lower() and NFKD can each undo what the other did
        decomposed = unicodedata.normalize("NFKD", text.lower())
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = _SLUG_DROP.sub("-", text).replace("_", "-").strip("-")
    slug = re.sub(r"-{2,}", "-", slug)
    return slug[:60].rstrip("-") or fallback


@frozen
class Duration:
    """A duration or a range of durations: ``2 weeks``, ``4-6 weeks``, ``45 minutes``.

    In a file a duration is written as text; Dutch units (``weken``, ``dagen``,
    ``uur``, ``min``) are understood too.
    """

    amount: float = field(converter=float, validator=validators.ge(0))
    unit: DurationUnit = field(converter=DurationUnit)
    up_to: float | None = field(default=None, converter=_optional_float)

    @up_to.validator
    def _check_up_to(self, _attribute: Any, value: float | None) -> None:
        if value is not None and value < self.amount:
            raise ValueError(f"a range must not run backwards ({self.amount:g}-{value:g})")

    def __str__(self) -> str:
        return self.text()

    def text(self, language: Language | str = "en") -> str:
        """The duration as people write it, in English or Dutch: ``4-6 weken``.

        >>> Duration(1, DurationUnit.WEEKS).text(), Duration(2, "hours", 3).text("nl")
        ('1 week', '2-3 uur')
        """
        amount = _number(self.amount)
        if self.up_to is not None:
            amount = f"{amount}-{_number(self.up_to)}"
        singular = self.up_to is None and self.amount == 1
        return f"{amount} {words.text(self.unit, Language(language), n=1 if singular else 2)}"


@frozen(kw_only=True)
class Iteration:
    """Which mapping of the journey this is: the same journey is mapped again later."""

    label: str = field(metadata=_doc("A short name, e.g. 'Eerste meting' or '2026-Q2'."))
    date: dt.date | None = field(default=None, metadata=_doc("When it was mapped."))


@frozen(kw_only=True)
class Objectives:
    """The objectives the seed asks a team to write down first."""

    session: str | None = field(default=None, metadata=_doc("The objective of the day."))
    client: str | None = field(
        default=None, metadata=_doc("What the client wants to achieve with this journey.")
    )
    employee: str | None = field(default=None, metadata=_doc("What the employee wants to achieve."))


@frozen(kw_only=True)
class Persona:
    """The one named client or employee the journey follows (it helps the thinking)."""

    name: str = field(metadata=_doc("A name for the person, e.g. 'Anouk'."))
    role: PersonaRole = field(default=PersonaRole.CLIENT)
    description: str | None = field(default=None)


@frozen(kw_only=True)
class Actor:
    """A stakeholder (*betrokkene*): a professional, an organisation, the client's system."""

    name: str = field(metadata=_doc("Who it is, e.g. 'Huisarts' or 'Secretariaat'."))
    id: str = field(default=Factory(lambda self: slugify(self.name), takes_self=True))
    organisation: str | None = field(default=None)
    description: str | None = field(default=None)


@frozen(kw_only=True)
class Scale:
    """A named rating scale with bounds, a label per point and a direction.

    ``labels`` has one entry per point from ``minimum`` to ``maximum``; an empty string
    means the point has no label of its own.
    """

    name: str
    id: str = field(default=Factory(lambda self: slugify(self.name), takes_self=True))
    minimum: int
    maximum: int
    direction: Direction = field(default=Direction.HIGHER_IS_BETTER)
    labels: tuple[str, ...] = field(default=(), converter=_tuple)
    question: str | None = field(
        default=None, metadata=_doc("The question participants answer with this scale.")
    )

    @property
    def points(self) -> range:
        """Every value on the scale, from minimum to maximum."""
        return range(self.minimum, self.maximum + 1)

    def label(self, value: int) -> str | None:
        """The label of *value*, or ``None`` when it has none or is off the scale."""
        index = value - self.minimum
        if 0 <= index < len(self.labels) and self.labels[index]:
            return self.labels[index]
        return None

    def is_better(self, new: float, old: float) -> bool:
        """Whether *new* is a better value than *old* on this scale."""
        if self.direction is Direction.HIGHER_IS_BETTER:
            return new > old
        return new < old


@frozen(kw_only=True)
class Phase:
    """A phase of the journey along the timeline (*fase*), in order."""

    name: str
    id: str = field(default=Factory(lambda self: slugify(self.name), takes_self=True))
    goal: str | None = field(default=None, metadata=_doc("The goal of this phase (doel per fase)."))
    lead_time: Duration | None = field(
        default=None, metadata=_doc("How long the phase takes (doorlooptijd), e.g. '2-4 weeks'.")
    )
    description: str | None = field(default=None)


@frozen(kw_only=True)
class Lane:
    """A row of the brown paper, of one :class:`LaneKind`.

    An ``actor`` lane may name the actor whose steps it holds; a ``rating`` lane names
    the scale whose ratings it shows.
    """

    name: str
    id: str = field(default=Factory(lambda self: slugify(self.name), takes_self=True))
    kind: LaneKind = field(default=LaneKind.OTHER)
    actor: str | None = field(default=None, metadata=_doc("For an actor lane: the actor's id."))
    scale: str | None = field(default=None, metadata=_doc("For a rating lane: the scale's id."))
    description: str | None = field(default=None)


@frozen
class Rating:
    """The rating of a step on one scale; it may hold several participants' votes."""

    scale: str
    votes: tuple[int, ...] = field(converter=_tuple)

    @property
    def value(self) -> float:
        """The mean of the votes."""
        return sum(self.votes) / len(self.votes) if self.votes else float("nan")


@frozen(kw_only=True)
class Note:
    """A post-it added to a step: a question, a disagreement or an addition."""

    kind: NoteKind
    text: str
    author: str | None = None
    suggestion: str | None = field(
        default=None, metadata=_doc("For a disagreement: the suggested improvement.")
    )


@frozen(kw_only=True)
class PainPoints:
    """What hurts at a step, for the client and for the professionals (*knelpunten*)."""

    client: tuple[str, ...] = field(default=(), converter=_tuple)
    professional: tuple[str, ...] = field(default=(), converter=_tuple)

    def __bool__(self) -> bool:
        return bool(self.client or self.professional)


@frozen(kw_only=True)
class Quality:
    """The judgement of a contact moment: knowledge, attitude, skills, client focus."""

    knowledge: Judgement | None = None
    attitude: Judgement | None = None
    skills: Judgement | None = None
    client_focus: Judgement | None = None
    comment: str | None = None

    def __bool__(self) -> bool:
        return any(
            v is not None
            for v in (self.knowledge, self.attitude, self.skills, self.client_focus, self.comment)
        )


@frozen(kw_only=True)
class SystemBoundary:
    """A boundary in the system a step runs into (*grenzen in het systeem*)."""

    text: str
    reason: str | None = field(default=None, metadata=_doc("Why the boundary is there."))
    options: str | None = field(default=None, metadata=_doc("What other options there are."))


@frozen(kw_only=True)
class Step:
    """A post-it on the wall: it sits in one phase and one lane."""

    title: str
    id: str = field(default=Factory(lambda self: slugify(self.title), takes_self=True))
    phase: str = field(metadata=_doc("The id of the phase the step sits in."))
    lane: str = field(metadata=_doc("The id of the lane the step sits in."))
    description: str | None = None
    actor: str | None = field(default=None, metadata=_doc("The id of the actor who takes it."))
    channels: tuple[Channel, ...] = field(default=(), converter=_tuple)
    duration: Duration | None = None
    ratings: tuple[Rating, ...] = field(default=(), converter=_tuple)
    pain_points: PainPoints = field(default=Factory(PainPoints))
    moment_of_truth: bool = field(
        default=False, metadata=_doc("A moment of truth: it decides how the journey ends.")
    )
    quality: Quality = field(default=Factory(Quality))
    boundaries: tuple[SystemBoundary, ...] = field(default=(), converter=_tuple)
    notes: tuple[Note, ...] = field(default=(), converter=_tuple)

    def rating(self, scale: str) -> Rating | None:
        """The rating on *scale* (a scale id), or ``None``."""
        for rating in self.ratings:
            if rating.scale == scale:
                return rating
        return None


@frozen(kw_only=True)
class ImprovementAction:
    """An improvement action decided in the *besluitvorming* step."""

    title: str
    id: str = field(default=Factory(lambda self: slugify(self.title), takes_self=True))
    description: str | None = None
    scope: Scope = field(default=Scope.OURSELVES)
    theme: Theme = field(default=Theme.OTHER)
    within_mandate: bool | None = field(
        default=None, metadata=_doc("Whether it lies within our own authority to act.")
    )
    tomorrow: bool = field(default=False, metadata=_doc("Whether it can change tomorrow already."))
    owner: str | None = None
    due: dt.date | None = None
    status: Status = field(default=Status.PROPOSED)
    targets: tuple[str, ...] = field(
        default=(), converter=_tuple, metadata=_doc("Ids of the steps it should improve.")
    )
    ideas: tuple[str, ...] = field(
        default=(),
        converter=_tuple,
        metadata=_doc("Ids of the improvement-idea post-its it comes from."),
    )
    expected_effect: str | None = None


@frozen(kw_only=True)
class Insight:
    """An insight put in the insights jar (*inzichtenpot*)."""

    text: str
    id: str = field(default=Factory(lambda self: slugify(self.text), takes_self=True))
    author: str | None = None
    date: dt.date | None = None
    steps: tuple[str, ...] = field(
        default=(), converter=_tuple, metadata=_doc("Ids of related steps.")
    )
    discussed: bool = False
    discussed_on: dt.date | None = None


@frozen(kw_only=True)
class SignOff:
    """A colleague's sign-off: who validated this iteration, when, and what they saw.

    ``fingerprint`` is :func:`klantreis.review.fingerprint` of the journey as it was
    signed off; validation warns (``signoff-outdated``) once the content changes.
    """

    who: str = field(metadata=_doc("The colleague who validated the journey."))
    date: dt.date = field(metadata=_doc("When they signed it off."))
    fingerprint: str = field(
        metadata=_doc("A fingerprint of the content they saw, e.g. 'sha256:3f9a0c1d2e4b5a69'.")
    )
    comment: str | None = None


def _default_scales(journey: Journey) -> tuple[Scale, ...]:
    from klantreis.templates import default_scales

    return default_scales(journey.language)


def _default_lanes(journey: Journey) -> tuple[Lane, ...]:
    from klantreis.templates import default_lanes

    return default_lanes(journey.language)


@frozen(kw_only=True)
class Journey:
    """A customer journey (*klantreis*): one iteration of mapping it on the wall.

    ``scales`` and ``lanes`` default to the seed's template in the journey's language,
    so a journey written by hand only needs its title, phases and steps.
    """

    title: str
    id: str = field(default=Factory(lambda self: slugify(self.title), takes_self=True))
    language: Language = field(default=Language.NL)
    iteration: Iteration | None = None
    description: str | None = None
    objectives: Objectives = field(default=Factory(Objectives))
    persona: Persona | None = None
    actors: tuple[Actor, ...] = field(default=(), converter=_tuple)
    scales: tuple[Scale, ...] = field(
        default=Factory(_default_scales, takes_self=True), converter=_tuple
    )
    phases: tuple[Phase, ...] = field(default=(), converter=_tuple)
    lanes: tuple[Lane, ...] = field(
        default=Factory(_default_lanes, takes_self=True), converter=_tuple
    )
    steps: tuple[Step, ...] = field(default=(), converter=_tuple)
    actions: tuple[ImprovementAction, ...] = field(default=(), converter=_tuple)
    insights: tuple[Insight, ...] = field(default=(), converter=_tuple)
    signoffs: tuple[SignOff, ...] = field(
        default=(),
        converter=_tuple,
        metadata=_doc("Colleagues' sign-offs of this iteration (the review's homework)."),
    )

    # Look-ups. They scan, which is fast enough for journeys of thousands of steps;
    # code that looks up many items builds its own dict once.

    def phase(self, phase_id: str) -> Phase | None:
        """The phase with *phase_id*, or ``None``."""
        return next((p for p in self.phases if p.id == phase_id), None)

    def lane(self, lane_id: str) -> Lane | None:
        """The lane with *lane_id*, or ``None``."""
        return next((lane for lane in self.lanes if lane.id == lane_id), None)

    def scale(self, scale_id: str) -> Scale | None:
        """The scale with *scale_id*, or ``None``."""
        return next((s for s in self.scales if s.id == scale_id), None)

    def step(self, step_id: str) -> Step | None:
        """The step with *step_id*, or ``None``."""
        return next((s for s in self.steps if s.id == step_id), None)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with *actor_id*, or ``None``."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def action(self, action_id: str) -> ImprovementAction | None:
        """The improvement action with *action_id*, or ``None``."""
        return next((a for a in self.actions if a.id == action_id), None)

    def insight(self, insight_id: str) -> Insight | None:
        """The insight with *insight_id*, or ``None``."""
        return next((i for i in self.insights if i.id == insight_id), None)

    def steps_in(self, phase: str | None = None, lane: str | None = None) -> Iterator[Step]:
        """The steps in a phase and/or a lane (by id), in the order of the file."""
        for step in self.steps:
            if (phase is None or step.phase == phase) and (lane is None or step.lane == lane):
                yield step
