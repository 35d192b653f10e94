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
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

import attrs
from attrs import Factory, field, frozen

from klantreis import words
from klantreis._fields import (
    BOOL,
    DATE,
    ID,
    INT,
    OPTIONAL_BOOL,
    OPTIONAL_DATE,
    OPTIONAL_ID,
    OPTIONAL_TEXT,
    TEXT,
    TEXTS,
    as_id,
    as_member,
    as_tuple,
    each,
    each_instance,
    each_member,
    instance,
    is_int,
    member,
    refuse,
    show,
    to_date,
    to_id,
    to_ids,
    to_optional_date,
    to_optional_id,
    to_texts,
)

__all__ = [
    "Actor",
    "Channel",
    "Direction",
    "Duration",
    "DurationUnit",
    "ImprovementAction",
    "Indicator",
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
    "Perspective",
    "Phase",
    "Quality",
    "Rating",
    "Scale",
    "Scope",
    "Sentiment",
    "SignOff",
    "Span",
    "Status",
    "Step",
    "SystemBoundary",
    "Theme",
    "default_lanes",
    "default_perspectives",
    "default_scales",
    "slugify",
]


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


def _not_a_duration(wording: words.Message) -> ValueError:
    """The :class:`ValueError` of :meth:`Duration.parse`: English, with its ``wording``."""
    error = ValueError(wording("en"))
    error.wording = wording  # type: ignore[attr-defined]  # told in the file's language
    return error


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


class Sentiment(str, enum.Enum):
    """How a moment of truth turns out: *sleutelmomenten in positieve en negatieve zin*."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


class Status(str, enum.Enum):
    """How far an improvement action has come."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


# --- converters for the model's own types ------------------------------------------
# (the generic ones, and the validators, are in klantreis._fields)


def _to_language(value: Language | str) -> Language:
    return as_member(Language, value)


def _to_persona_role(value: PersonaRole | str) -> PersonaRole:
    return as_member(PersonaRole, value)


def _to_lane_kind(value: LaneKind | str) -> LaneKind:
    return as_member(LaneKind, value)


def _to_direction(value: Direction | str) -> Direction:
    return as_member(Direction, value)


def _to_channels(value: Iterable[Channel | str]) -> tuple[Channel, ...]:
    items = as_tuple(value)
    return tuple(as_member(Channel, i) for i in items) if type(items) is tuple else items  # type: ignore[return-value]


def _to_note_kind(value: NoteKind | str) -> NoteKind:
    return as_member(NoteKind, value)


def _to_judgement(value: Judgement | str | None) -> Judgement | None:
    return None if value is None else as_member(Judgement, value)


def _to_scope(value: Scope | str) -> Scope:
    return as_member(Scope, value)


def _to_theme(value: Theme | str) -> Theme:
    return as_member(Theme, value)


def _to_sentiment(value: Sentiment | str | None) -> Sentiment | None:
    return None if value is None else as_member(Sentiment, value)


def _to_status(value: Status | str) -> Status:
    return as_member(Status, value)


def _to_unit(value: DurationUnit | str) -> DurationUnit:
    if type(value) is str:  # 'weken' and 'weeks' both
        unit = _UNITS.get(value.strip().casefold())
        if unit is not None:
            return unit
    return value  # type: ignore[return-value]  # a unit, or refused by the validator


def _as_amount(value: float) -> float:
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            pass  # refused by the validator: not a finite number
    return value


def _to_amount(value: float) -> float:
    return _as_amount(value)


def _to_optional_amount(value: float | None) -> float | None:
    return None if value is None else _as_amount(value)


def _check_amount(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not float or not math.isfinite(value):
        refuse(instance, attribute, "a finite number (an int or float)", value)
    if value < 0:
        refuse(instance, attribute, "a number of 0 or more", value, ValueError)


def _check_optional_amount(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_amount(instance, attribute, value)


def _to_duration(value: Duration | str | None) -> Duration | None:
    if type(value) is str:
        try:
            return Duration.parse(value)
        except ValueError:
            pass  # refused by the validator, which names the field
    return value  # type: ignore[return-value]


def _check_duration(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None or isinstance(value, Duration):
        return
    if type(value) is str:
        try:
            Duration.parse(value)
        except ValueError as exc:
            raise ValueError(f"{type(instance).__name__}.{attribute.name}: {exc}") from None
    refuse(instance, attribute, "a Duration, its text (e.g. '2 weeks') or None", value)


def _to_votes(value: int | Iterable[int]) -> tuple[int, ...]:
    if type(value) is int:
        return (value,)
    return as_tuple(value)  # type: ignore[arg-type]


def _check_votes(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    each("a whole number (an int)", is_int)(instance, attribute, value)
    if not value:
        refuse(instance, attribute, "at least one vote", value, ValueError)


def _check_perspectives(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    TEXTS(instance, attribute, value)
    if not value:
        return
    votes = instance.votes
    if len(value) != len(votes):
        refuse(
            instance,
            attribute,
            f"one perspective per vote ({len(votes)}), or none",
            value,
            ValueError,
        )
    seen: set[str] = set()
    for i, perspective in enumerate(value):
        if perspective in seen and value[i - 1] != perspective:
            refuse(
                instance,
                attribute,
                "the votes of one perspective side by side (write them as {perspective: [votes]})",
                value,
                ValueError,
            )
        seen.add(perspective)


def _to_ratings(
    value: Mapping[str, int | Sequence[int] | Mapping[str, int | Sequence[int]]] | Sequence[Rating],
) -> tuple[Rating, ...]:
    if not isinstance(value, Mapping):
        return as_tuple(value)
    ratings = []
    for scale, votes in value.items():
        try:
            if isinstance(votes, Mapping):
                ratings.append(Rating.of(scale, votes))
                continue
            ratings.append(Rating(scale, votes))
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"Step.ratings[{scale!r}]: {exc}") from None
    return tuple(ratings)


def _to_actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return as_tuple(value)


def _to_scales(value: Iterable[Scale]) -> tuple[Scale, ...]:
    return as_tuple(value)


def _to_phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return as_tuple(value)


def _to_lanes(value: Iterable[Lane]) -> tuple[Lane, ...]:
    return as_tuple(value)


def _to_steps(value: Iterable[Step]) -> tuple[Step, ...]:
    return as_tuple(value)


def _to_actions(value: Iterable[ImprovementAction]) -> tuple[ImprovementAction, ...]:
    return as_tuple(value)


def _to_insights(value: Iterable[Insight]) -> tuple[Insight, ...]:
    return as_tuple(value)


def _to_signoffs(value: Iterable[SignOff]) -> tuple[SignOff, ...]:
    return as_tuple(value)


def _to_boundaries(value: Iterable[SystemBoundary]) -> tuple[SystemBoundary, ...]:
    return as_tuple(value)


def _to_notes(value: Iterable[Note]) -> tuple[Note, ...]:
    return as_tuple(value)


def _to_indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return as_tuple(value)


def _to_figure(value: float) -> float:
    return _as_amount(value)


def _check_figure(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not float or not math.isfinite(value):
        refuse(instance, attribute, "a finite number (an int or float)", value)


# --- small values ---------------------------------------------------------------------


_UNITS: dict[str, DurationUnit] = {
    word: unit
    for unit, names in {
        DurationUnit.MINUTES: ("minute", "minutes", "min", "mins", "minuut", "minuten"),
        DurationUnit.HOURS: ("hour", "hours", "h", "uur", "uren"),
        DurationUnit.DAYS: ("day", "days", "d", "dag", "dagen"),
        DurationUnit.WEEKS: ("week", "weeks", "w", "weken", "wk"),
        DurationUnit.MONTHS: ("month", "months", "maand", "maanden", "mnd"),
        DurationUnit.YEARS: ("year", "years", "jaar", "jaren", "y"),
    }.items()
    for word in names
}
"""Every word for a unit that :meth:`Duration.parse` understands, English and Dutch."""

_DURATION = re.compile(
    r"\s*(\d+(?:[.,]\d+)?(?:e[-+]?\d+)?)\s*"
    r"(?:(?:-|–|to|tot|à|a)\s*(\d+(?:[.,]\d+)?(?:e[-+]?\d+)?))?\s*([^\W\d_]+)\.?\s*"
)


def _number(value: float) -> str:
    """A number as people write it, exactly: ``2``, ``1.5``, ``1234567``."""
    return str(int(value)) if value.is_integer() else repr(value)


_SLUG_DROP = re.compile(r"[^\w]+")


def slugify(text: str, *, fallback: str = "item") -> str:
    """Derive an id from a title: lower case, accents dropped, words joined by ``-``.

    Letters of other scripts are kept, so a title in Arabic or Greek gets a readable id.
    An empty result becomes *fallback*. The id is in Unicode NFC, like every id.

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
    return unicodedata.normalize("NFC", slug[:60].rstrip("-")) or fallback


@frozen
class Duration:
    """A duration or a range of durations: ``2 weeks``, ``4-6 weeks``, ``45 minutes``.

    In a file a duration is written as text; Dutch units (``weken``, ``dagen``,
    ``uur``, ``min``) are understood too, here as in :meth:`parse`.
    """

    amount: float = field(converter=_to_amount, validator=_check_amount)
    unit: DurationUnit = field(converter=_to_unit, validator=member(DurationUnit))
    up_to: float | None = field(
        default=None, converter=_to_optional_amount, validator=_check_optional_amount
    )

    @up_to.validator
    def _check_up_to(self, _attribute: Any, value: float | None) -> None:
        if value is not None and value < self.amount:
            raise ValueError(
                f"Duration.up_to: a range must not run backwards ({self.amount:g}-{value:g})"
            )

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read a duration as people write it, in English or Dutch: ``2 weeks``, ``4-6 weken``.

        Raises :class:`ValueError` saying what is wrong.

        >>> Duration.parse("4-6 weken")
        Duration(amount=4.0, unit=<DurationUnit.WEEKS: 'weeks'>, up_to=6.0)
        >>> Duration.parse("45 min").text("nl")
        '45 minuten'
        """
        match = _DURATION.fullmatch(text)
        unit = _UNITS.get(match.group(3).casefold()) if match else None
        if match is None or unit is None:
            raise _not_a_duration(words.Message("read.bad-duration", text=text))
        low = float(match.group(1).replace(",", "."))
        high = float(match.group(2).replace(",", ".")) if match.group(2) else None
        if not math.isfinite(low) or (high is not None and not math.isfinite(high)):
            raise _not_a_duration(words.Message("read.duration-too-large", text=text))
        if high is not None and high < low:
            raise _not_a_duration(words.Message("read.duration-backwards", text=text))
        return cls(low, unit, high)

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

    label: str = field(
        validator=TEXT, metadata=_doc("A short name, e.g. 'Eerste meting' or '2026-Q2'.")
    )
    date: dt.date | None = field(
        default=None,
        converter=to_optional_date,
        validator=OPTIONAL_DATE,
        metadata=_doc("When it was mapped."),
    )
    tips: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc("The meeting's tips: what could be better next time."),
    )
    tops: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc("The meeting's tops: what went well."),
    )


@frozen(kw_only=True)
class Span:
    """Where the journey starts and ends, and the period it covers (its scope)."""

    start: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("Where the journey starts, e.g. 'Cliënt meldt zich bij de huisarts'."),
    )
    end: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("Where it ends, e.g. 'Afsluiting van de behandeling'."),
    )
    period: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("The period it covers, e.g. 'januari - juni 2026'."),
    )

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.start, self.end, self.period))


@frozen(kw_only=True)
class Objectives:
    """The objectives the seed asks a team to write down first."""

    session: str | None = field(
        default=None, validator=OPTIONAL_TEXT, metadata=_doc("The objective of the day.")
    )
    client: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("What the client wants to achieve with this journey."),
    )
    employee: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("What the employee wants to achieve."),
    )


@frozen(kw_only=True)
class Persona:
    """The one named client or employee the journey follows (it helps the thinking)."""

    name: str = field(validator=TEXT, metadata=_doc("A name for the person, e.g. 'Anouk'."))
    role: PersonaRole = field(
        default=PersonaRole.CLIENT, converter=_to_persona_role, validator=member(PersonaRole)
    )
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)


def _derived_id(source: str, fallback: str = "item") -> Any:
    """An id derived from the field *source* when none is given (a Factory)."""

    def derive(self: Any) -> str:
        text = getattr(self, source)
        return slugify(text, fallback=fallback) if type(text) is str else ""  # "" or refused

    return Factory(derive, takes_self=True)


@frozen(kw_only=True)
class Actor:
    """A stakeholder (*betrokkene*): a professional, an organisation, the client's system."""

    name: str = field(
        validator=TEXT, metadata=_doc("Who it is, e.g. 'Huisarts' or 'Secretariaat'.")
    )
    id: str = field(default=_derived_id("name"), converter=to_id, validator=ID)
    organisation: str | None = field(default=None, validator=OPTIONAL_TEXT)
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)
    needs: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc("What the stakeholder needs (stap 5a: wat hebben zij nodig?)."),
    )


@frozen(kw_only=True)
class Perspective:
    """Whose view a rating gives: the client, a relative (*naaste*), an expert by
    experience, a staff member, or any group a journey names itself."""

    name: str = field(validator=TEXT, metadata=_doc("Who gives the view, e.g. 'Naaste'."))
    id: str = field(default=_derived_id("name"), converter=to_id, validator=ID)
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)


@frozen(kw_only=True)
class Scale:
    """A named rating scale with bounds, a label per point and a direction.

    ``labels`` has one entry per point from ``minimum`` to ``maximum``; an empty string
    means the point has no label of its own.
    """

    name: str = field(validator=TEXT)
    id: str = field(default=_derived_id("name"), converter=to_id, validator=ID)
    minimum: int = field(validator=INT)
    maximum: int = field(validator=INT)
    direction: Direction = field(
        default=Direction.HIGHER_IS_BETTER, converter=_to_direction, validator=member(Direction)
    )
    labels: tuple[str, ...] = field(default=(), converter=to_texts, validator=TEXTS)
    question: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("The question participants answer with this scale."),
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
class Indicator:
    """A measured figure at a step or a phase: the waiting time in days, the no-show
    rate, a CQi score, the number of complaints. ``direction`` says which way is
    better, as a scale's does; ``klantreis diff`` compares the value across iterations."""

    name: str = field(validator=TEXT, metadata=_doc("What is measured, e.g. 'wachttijd'."))
    id: str = field(default=_derived_id("name"), converter=to_id, validator=ID)
    value: float = field(converter=_to_figure, validator=_check_figure)
    unit: str | None = field(
        default=None, validator=OPTIONAL_TEXT, metadata=_doc("The unit, e.g. 'dagen' or '%'.")
    )
    date: dt.date | None = field(
        default=None,
        converter=to_optional_date,
        validator=OPTIONAL_DATE,
        metadata=_doc("When it was measured."),
    )
    source: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("Where the figure comes from, e.g. 'ECD, Q1 2026'."),
    )
    direction: Direction = field(
        default=Direction.HIGHER_IS_BETTER, converter=_to_direction, validator=member(Direction)
    )

    def is_better(self, new: float, old: float) -> bool:
        """Whether *new* is a better value than *old* for this indicator."""
        if self.direction is Direction.HIGHER_IS_BETTER:
            return new > old
        return new < old


@frozen(kw_only=True)
class Phase:
    """A phase of the journey along the timeline (*fase*), in order."""

    name: str = field(validator=TEXT)
    id: str = field(default=_derived_id("name"), converter=to_id, validator=ID)
    goal: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("The goal of this phase (doel per fase)."),
    )
    lead_time: Duration | None = field(
        default=None,
        converter=_to_duration,
        validator=_check_duration,
        metadata=_doc("How long the phase takes (doorlooptijd), e.g. '2-4 weeks'."),
    )
    norm_lead_time: Duration | None = field(
        default=None,
        converter=_to_duration,
        validator=_check_duration,
        metadata=_doc(
            "The longest the phase should take (a norm such as the Treeknorm, '4 weeks'); "
            "a longer lead time is the warning over-norm."
        ),
    )
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)
    indicators: tuple[Indicator, ...] = field(
        default=(),
        converter=_to_indicators,
        validator=each_instance(Indicator),
        metadata=_doc("Measured figures of the phase (wachttijd, no-show ...)."),
    )


@frozen(kw_only=True)
class Lane:
    """A row of the brown paper, of one :class:`LaneKind`.

    An ``actor`` lane may name the actor whose steps it holds; a ``rating`` lane names
    the scale whose ratings it shows.
    """

    name: str = field(validator=TEXT)
    id: str = field(default=_derived_id("name"), converter=to_id, validator=ID)
    kind: LaneKind = field(
        default=LaneKind.OTHER, converter=_to_lane_kind, validator=member(LaneKind)
    )
    actor: str | None = field(
        default=None,
        converter=to_optional_id,
        validator=OPTIONAL_ID,
        metadata=_doc("For an actor lane: the actor's id."),
    )
    scale: str | None = field(
        default=None,
        converter=to_optional_id,
        validator=OPTIONAL_ID,
        metadata=_doc("For a rating lane: the scale's id."),
    )
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)


@frozen
class Rating:
    """The rating of a step on one scale; it may hold several participants' votes.

    ``votes`` takes one whole number or several; ``True`` and ``2.0`` are not votes.
    """

    scale: str = field(converter=to_id, validator=ID)
    votes: tuple[int, ...] = field(converter=_to_votes, validator=_check_votes)
    perspectives: tuple[str, ...] = field(
        default=(),
        kw_only=True,
        converter=to_ids,
        validator=_check_perspectives,
        metadata=_doc(
            "Whose view each vote gives (a perspective id per vote, e.g. 'client' or "
            "'medewerker'), or none at all."
        ),
    )

    @classmethod
    def of(cls, scale: str, votes: Mapping[str, int | Sequence[int]]) -> Rating:
        """The rating on *scale* of the votes per perspective, as a file writes them.

        >>> Rating.of("emotion", {"client": [2, 3], "medewerker": 4})
        Rating(scale='emotion', votes=(2, 3, 4), perspectives=('client', 'client', 'medewerker'))
        """
        if not isinstance(votes, Mapping):
            raise TypeError(
                "Rating.perspectives: expected a mapping of perspective to votes, "
                f"got {show(votes)}"
            )
        flat: list[int] = []
        whose: list[str] = []
        for perspective, given in votes.items():
            some = _to_votes(given)
            try:
                _check_votes(cls, attrs.fields(Rating).votes, some)
            except (TypeError, ValueError) as exc:
                raise type(exc)(str(exc).replace(":", f"[{perspective!r}]:", 1)) from None
            flat.extend(some)
            whose.extend([perspective] * len(some))
        return cls(scale, tuple(flat), perspectives=tuple(whose))

    @property
    def value(self) -> float:
        """The mean of the votes."""
        return sum(self.votes) / len(self.votes)

    def __repr__(self) -> str:  # perspectives only when there are any, as a file shows them
        whose = f", perspectives={self.perspectives!r}" if self.perspectives else ""
        return f"Rating(scale={self.scale!r}, votes={self.votes!r}{whose})"

    def by_perspective(self) -> dict[str, tuple[int, ...]]:
        """The votes of each perspective, in the order given; empty without perspectives.

        >>> Rating.of("emotion", {"client": [2, 3], "naaste": 4}).by_perspective()
        {'client': (2, 3), 'naaste': (4,)}
        """
        groups: dict[str, list[int]] = {}
        for perspective, vote in zip(self.perspectives, self.votes, strict=False):
            groups.setdefault(perspective, []).append(vote)
        return {p: tuple(v) for p, v in groups.items()}


@frozen(kw_only=True)
class Note:
    """A post-it added to a step: a question, a disagreement or an addition."""

    kind: NoteKind = field(converter=_to_note_kind, validator=member(NoteKind))
    text: str = field(validator=TEXT)
    author: str | None = field(default=None, validator=OPTIONAL_TEXT)
    suggestion: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("For a disagreement: the suggested improvement."),
    )
    tags: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc(
            "Words that put this post-it in one group with pain points and post-its of "
            "other journeys carrying the same tag (klantreis portfolio)."
        ),
    )


@frozen(kw_only=True)
class PainPoints:
    """What hurts at a step, for the client and for the professionals (*knelpunten*)."""

    client: tuple[str, ...] = field(default=(), converter=to_texts, validator=TEXTS)
    professional: tuple[str, ...] = field(default=(), converter=to_texts, validator=TEXTS)
    organisation: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc("What hurts the organisation at this step (knelpunten organisatie)."),
    )
    tags: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc(
            "Words that put these pain points in one group with pain points of other "
            "journeys carrying the same tag (klantreis portfolio), whatever their wording."
        ),
    )

    def __bool__(self) -> bool:
        return bool(self.client or self.professional or self.organisation)


_JUDGEMENT = member(Judgement, optional=True)


@frozen(kw_only=True)
class Quality:
    """The judgement of a contact moment: knowledge, attitude, skills, client focus."""

    knowledge: Judgement | None = field(default=None, converter=_to_judgement, validator=_JUDGEMENT)
    attitude: Judgement | None = field(default=None, converter=_to_judgement, validator=_JUDGEMENT)
    skills: Judgement | None = field(default=None, converter=_to_judgement, validator=_JUDGEMENT)
    client_focus: Judgement | None = field(
        default=None, converter=_to_judgement, validator=_JUDGEMENT
    )
    comment: str | None = field(default=None, validator=OPTIONAL_TEXT)

    def __bool__(self) -> bool:
        return any(
            v is not None
            for v in (self.knowledge, self.attitude, self.skills, self.client_focus, self.comment)
        )


@frozen(kw_only=True)
class SystemBoundary:
    """A boundary in the system a step runs into (*grenzen in het systeem*)."""

    text: str = field(validator=TEXT)
    reason: str | None = field(
        default=None, validator=OPTIONAL_TEXT, metadata=_doc("Why the boundary is there.")
    )
    options: str | None = field(
        default=None, validator=OPTIONAL_TEXT, metadata=_doc("What other options there are.")
    )


@frozen(kw_only=True)
class Step:
    """A post-it on the wall: it sits in one phase and one lane.

    ``ratings`` takes :class:`Rating` values or a mapping of scale id to votes, as in a
    file: ``{"emotion": 2, "motivation": [1, 2]}``.
    """

    title: str = field(validator=TEXT)
    id: str = field(default=_derived_id("title"), converter=to_id, validator=ID)
    phase: str = field(
        converter=to_id, validator=ID, metadata=_doc("The id of the phase the step sits in.")
    )
    lane: str = field(
        converter=to_id, validator=ID, metadata=_doc("The id of the lane the step sits in.")
    )
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)
    actor: str | None = field(
        default=None,
        converter=to_optional_id,
        validator=OPTIONAL_ID,
        metadata=_doc("The id of the actor who takes it."),
    )
    channels: tuple[Channel, ...] = field(
        default=(), converter=_to_channels, validator=each_member(Channel)
    )
    duration: Duration | None = field(
        default=None, converter=_to_duration, validator=_check_duration
    )
    ratings: tuple[Rating, ...] = field(
        default=(), converter=_to_ratings, validator=each_instance(Rating)
    )
    pain_points: PainPoints = field(default=Factory(PainPoints), validator=instance(PainPoints))
    moment_of_truth: bool = field(
        default=False,
        validator=BOOL,
        metadata=_doc("A moment of truth: it decides how the journey ends."),
    )
    sentiment: Sentiment | None = field(
        default=None,
        converter=_to_sentiment,
        validator=member(Sentiment, optional=True),
        metadata=_doc("Whether the moment of truth is a positive or a negative one."),
    )
    result: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("What the step results in (wat is hiervan het resultaat?)."),
    )
    keep: bool = field(
        default=False,
        validator=BOOL,
        metadata=_doc("What works and should stay as it is (zo houden)."),
    )
    quality: Quality = field(default=Factory(Quality), validator=instance(Quality))
    boundaries: tuple[SystemBoundary, ...] = field(
        default=(), converter=_to_boundaries, validator=each_instance(SystemBoundary)
    )
    notes: tuple[Note, ...] = field(default=(), converter=_to_notes, validator=each_instance(Note))
    indicators: tuple[Indicator, ...] = field(
        default=(),
        converter=_to_indicators,
        validator=each_instance(Indicator),
        metadata=_doc("Measured figures of the step (wachttijd, no-show ...)."),
    )

    def rating(self, scale: str) -> Rating | None:
        """The rating on *scale* (a scale id), or ``None``."""
        for rating in self.ratings:
            if rating.scale == scale:
                return rating
        return None


@frozen(kw_only=True)
class ImprovementAction:
    """An improvement action decided in the *besluitvorming* step."""

    title: str = field(validator=TEXT)
    id: str = field(default=_derived_id("title"), converter=to_id, validator=ID)
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)
    scope: Scope = field(default=Scope.OURSELVES, converter=_to_scope, validator=member(Scope))
    theme: Theme = field(default=Theme.OTHER, converter=_to_theme, validator=member(Theme))
    within_mandate: bool | None = field(
        default=None,
        validator=OPTIONAL_BOOL,
        metadata=_doc("Whether it lies within our own authority to act."),
    )
    tomorrow: bool = field(
        default=False,
        validator=BOOL,
        metadata=_doc("Whether it can change tomorrow already."),
    )
    owner: str | None = field(default=None, validator=OPTIONAL_TEXT)
    due: dt.date | None = field(default=None, converter=to_optional_date, validator=OPTIONAL_DATE)
    status: Status = field(default=Status.PROPOSED, converter=_to_status, validator=member(Status))
    targets: tuple[str, ...] = field(
        default=(),
        converter=to_ids,
        validator=TEXTS,
        metadata=_doc("Ids of the steps it should improve."),
    )
    ideas: tuple[str, ...] = field(
        default=(),
        converter=to_ids,
        validator=TEXTS,
        metadata=_doc("Ids of the improvement-idea post-its it comes from."),
    )
    expected_effect: str | None = field(default=None, validator=OPTIONAL_TEXT)


@frozen(kw_only=True)
class Insight:
    """An insight put in the insights jar (*inzichtenpot*)."""

    text: str = field(validator=TEXT)
    id: str = field(default=_derived_id("text"), converter=to_id, validator=ID)
    author: str | None = field(default=None, validator=OPTIONAL_TEXT)
    date: dt.date | None = field(default=None, converter=to_optional_date, validator=OPTIONAL_DATE)
    steps: tuple[str, ...] = field(
        default=(), converter=to_ids, validator=TEXTS, metadata=_doc("Ids of related steps.")
    )
    discussed: bool = field(default=False, validator=BOOL)
    discussed_on: dt.date | None = field(
        default=None, converter=to_optional_date, validator=OPTIONAL_DATE
    )
    outcome: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("What the discussion of the insight produced."),
    )
    follow_up: bool = field(
        default=False,
        validator=BOOL,
        metadata=_doc("Whether the insight needs a follow-up."),
    )


@frozen(kw_only=True)
class SignOff:
    """A colleague's sign-off: who validated this iteration, when, and what they saw.

    ``fingerprint`` is :func:`klantreis.review.fingerprint` of the journey as it was
    signed off; validation warns (``signoff-outdated``) once the content changes.
    """

    who: str = field(validator=TEXT, metadata=_doc("The colleague who validated the journey."))
    date: dt.date = field(
        converter=to_date, validator=DATE, metadata=_doc("When they signed it off.")
    )
    fingerprint: str = field(
        validator=TEXT,
        metadata=_doc("A fingerprint of the content they saw, e.g. 'sha256:3f9a0c1d2e4b5a69'."),
    )
    comment: str | None = field(default=None, validator=OPTIONAL_TEXT)


def _default_scales(journey: Journey) -> tuple[Scale, ...]:
    language: Any = journey.language  # converted, but not yet validated
    return default_scales(language) if isinstance(language, Language) else ()


def _default_perspectives(journey: Journey) -> tuple[Perspective, ...]:
    language: Any = journey.language  # converted, but not yet validated
    return default_perspectives(language) if isinstance(language, Language) else ()


def _to_perspectives(value: Iterable[Perspective]) -> tuple[Perspective, ...]:
    return as_tuple(value)


def _default_lanes(journey: Journey) -> tuple[Lane, ...]:
    language: Any = journey.language  # converted, but not yet validated
    return default_lanes(language) if isinstance(language, Language) else ()


@frozen(kw_only=True)
class Journey:
    """A customer journey (*klantreis*): one iteration of mapping it on the wall.

    ``scales`` and ``lanes`` default to the seed's template in the journey's language,
    so a journey written by hand only needs its title, phases and steps.
    """

    title: str = field(validator=TEXT)
    id: str = field(default=_derived_id("title"), converter=to_id, validator=ID)
    language: Language = field(
        default=Language.NL, converter=_to_language, validator=member(Language)
    )
    iteration: Iteration | None = field(default=None, validator=instance(Iteration, optional=True))
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)
    span: Span = field(
        default=Factory(Span),
        validator=instance(Span),
        metadata=_doc("The journey's scope: where it starts and ends, the period it covers."),
    )
    norm_lead_time: Duration | None = field(
        default=None,
        converter=_to_duration,
        validator=_check_duration,
        metadata=_doc(
            "The longest the whole journey should take; the phases' lead times added up "
            "beyond it are the warning over-norm."
        ),
    )
    objectives: Objectives = field(default=Factory(Objectives), validator=instance(Objectives))
    persona: Persona | None = field(default=None, validator=instance(Persona, optional=True))
    actors: tuple[Actor, ...] = field(
        default=(), converter=_to_actors, validator=each_instance(Actor)
    )
    scales: tuple[Scale, ...] = field(
        default=Factory(_default_scales, takes_self=True),
        converter=_to_scales,
        validator=each_instance(Scale),
    )
    perspectives: tuple[Perspective, ...] = field(
        default=Factory(_default_perspectives, takes_self=True),
        converter=_to_perspectives,
        validator=each_instance(Perspective),
        metadata=_doc(
            "Whose views the votes give (client, naaste, ervaringsdeskundige, medewerker "
            "unless the journey names its own)."
        ),
    )
    phases: tuple[Phase, ...] = field(
        default=(), converter=_to_phases, validator=each_instance(Phase)
    )
    lanes: tuple[Lane, ...] = field(
        default=Factory(_default_lanes, takes_self=True),
        converter=_to_lanes,
        validator=each_instance(Lane),
    )
    steps: tuple[Step, ...] = field(default=(), converter=_to_steps, validator=each_instance(Step))
    actions: tuple[ImprovementAction, ...] = field(
        default=(), converter=_to_actions, validator=each_instance(ImprovementAction)
    )
    insights: tuple[Insight, ...] = field(
        default=(), converter=_to_insights, validator=each_instance(Insight)
    )
    signoffs: tuple[SignOff, ...] = field(
        default=(),
        converter=_to_signoffs,
        validator=each_instance(SignOff),
        metadata=_doc("Colleagues' sign-offs of this iteration (the review's homework)."),
    )

    # Look-ups. They scan, which is fast enough for journeys of thousands of steps;
    # code that looks up many items builds its own dict once.

    def perspective(self, perspective_id: str) -> Perspective | None:
        """The perspective with *perspective_id*, or ``None``."""
        perspective_id = as_id(perspective_id)  # an id in NFD finds its item too
        return next((p for p in self.perspectives if p.id == perspective_id), None)

    def phase(self, phase_id: str) -> Phase | None:
        """The phase with *phase_id*, or ``None``."""
        phase_id = as_id(phase_id)  # an id in NFD finds its item too
        return next((p for p in self.phases if p.id == phase_id), None)

    def lane(self, lane_id: str) -> Lane | None:
        """The lane with *lane_id*, or ``None``."""
        lane_id = as_id(lane_id)  # an id in NFD finds its item too
        return next((lane for lane in self.lanes if lane.id == lane_id), None)

    def scale(self, scale_id: str) -> Scale | None:
        """The scale with *scale_id*, or ``None``."""
        scale_id = as_id(scale_id)  # an id in NFD finds its item too
        return next((s for s in self.scales if s.id == scale_id), None)

    def step(self, step_id: str) -> Step | None:
        """The step with *step_id*, or ``None``."""
        step_id = as_id(step_id)  # an id in NFD finds its item too
        return next((s for s in self.steps if s.id == step_id), None)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with *actor_id*, or ``None``."""
        actor_id = as_id(actor_id)  # an id in NFD finds its item too
        return next((a for a in self.actors if a.id == actor_id), None)

    def action(self, action_id: str) -> ImprovementAction | None:
        """The improvement action with *action_id*, or ``None``."""
        action_id = as_id(action_id)  # an id in NFD finds its item too
        return next((a for a in self.actions if a.id == action_id), None)

    def insight(self, insight_id: str) -> Insight | None:
        """The insight with *insight_id*, or ``None``."""
        insight_id = as_id(insight_id)  # an id in NFD finds its item too
        return next((i for i in self.insights if i.id == insight_id), None)

    def steps_in(self, phase: str | None = None, lane: str | None = None) -> Iterator[Step]:
        """The steps in a phase and/or a lane (by id), in the order of the file."""
        for step in self.steps:
            if (phase is None or step.phase == phase) and (lane is None or step.lane == lane):
                yield step


# --- the seed's template: a journey's default scales and lanes ---------------------------
# (klantreis.templates re-exports them beside the seed's other defaults.)


@cache
def default_scales(language: Language | str = Language.NL) -> tuple[Scale, ...]:
    """The seed's two scales: emotion 1-5 (higher is better), motivation 1-4 (lower is better)."""
    if Language(language) is Language.NL:
        return (
            Scale(
                id="emotion",
                name="Emotie",
                minimum=1,
                maximum=5,
                direction=Direction.HIGHER_IS_BETTER,
                labels=("dramatisch", "slecht", "neutraal", "voldaan", "tevreden"),
                question="Hoe tevreden ben je bij deze stap?",
            ),
            Scale(
                id="motivation",
                name="Motivatie",
                minimum=1,
                maximum=4,
                direction=Direction.LOWER_IS_BETTER,
                labels=(
                    "super gemotiveerd, ik mis geen enkele behandeling of huiswerkopdracht",
                    "",
                    "ik ben bijna afgehaakt",
                    "ik haak af",
                ),
                question="Hoe gemotiveerd ben je bij deze stap?",
            ),
        )
    return (
        Scale(
            id="emotion",
            name="Emotion",
            minimum=1,
            maximum=5,
            direction=Direction.HIGHER_IS_BETTER,
            labels=("dramatic", "bad", "neutral", "fulfilled", "satisfied"),
            question="How satisfied are you at this step?",
        ),
        Scale(
            id="motivation",
            name="Motivation",
            minimum=1,
            maximum=4,
            direction=Direction.LOWER_IS_BETTER,
            labels=(
                "highly motivated, I miss no session or homework assignment",
                "",
                "I have almost dropped out",
                "I drop out",
            ),
            question="How motivated are you at this step?",
        ),
    )


_PERSPECTIVES: tuple[tuple[str, str, str], ...] = (
    ("client", "Cliënt", "Client"),
    ("naaste", "Naaste", "Relative"),
    ("ervaringsdeskundige", "Ervaringsdeskundige", "Expert by experience"),
    ("medewerker", "Medewerker", "Staff member"),
)


@cache
def default_perspectives(language: Language | str = Language.NL) -> tuple[Perspective, ...]:
    """The four views a rating may give: client, naaste, ervaringsdeskundige, medewerker.

    The ids are the same in both languages, so ``emotion: {client: 2, medewerker: 4}``
    reads the same in a Dutch and an English journey.
    """
    dutch = Language(language) is Language.NL
    return tuple(Perspective(id=pid, name=nl if dutch else en) for pid, nl, en in _PERSPECTIVES)


_LANES: tuple[tuple[str, LaneKind, str, str], ...] = (
    ("client", LaneKind.CLIENT, "Stappen cliënt", "Client steps"),
    ("stakeholders", LaneKind.ACTOR, "Stappen per betrokkene", "Steps per stakeholder"),
    ("resources", LaneKind.RESOURCES, "Welke middelen worden ingezet", "Resources used"),
    ("location", LaneKind.LOCATION, "Locatiegebonden?", "Location-bound?"),
    ("experience", LaneKind.EXPERIENCE, "Beleving", "Experience"),
    ("emotion", LaneKind.RATING, "Emotie", "Emotion"),
    ("motivation", LaneKind.RATING, "Motivatie", "Motivation"),
    (
        "system",
        LaneKind.SYSTEM,
        "Waar systeem meer betrekken en wat hebben ze daarvoor nodig?",
        "Where to involve the system more, and what do they need for it?",
    ),
    (
        "crucial-moments",
        LaneKind.CRUCIAL_MOMENTS,
        "Meest cruciale momenten in de klantreis",
        "Most crucial moments in the journey",
    ),
    (
        "crucial-changes",
        LaneKind.CRUCIAL_CHANGES,
        "Meest cruciale veranderingen",
        "Most crucial changes",
    ),
    ("ideas", LaneKind.IDEAS, "Verbeterideeën", "Improvement ideas"),
)


@cache
def default_lanes(language: Language | str = Language.NL) -> tuple[Lane, ...]:
    """The rows of the seed's brown paper, top to bottom.

    The two rating lanes show the ``emotion`` and ``motivation`` scales.
    """
    dutch = Language(language) is Language.NL
    return tuple(
        Lane(
            id=lane_id,
            name=nl if dutch else en,
            kind=kind,
            scale=lane_id if kind is LaneKind.RATING else None,
        )
        for lane_id, kind, nl, en in _LANES
    )
