"""The workshop plan: one *klantreisbijeenkomst*, as immutable, typed values.

A :class:`Workshop` follows the seed's format: an objective, when the meeting is a
success, the room, the materials, who does what, how many participants, the date and
the time available, and a timed schedule of :class:`Activity` values. Times of day
are :class:`ClockTime` values, written ``9:30`` in files.

Annotations here are evaluated (no ``from __future__ import annotations``), so that
the JSON Schema builder and cattrs read the real types.
"""

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Any

from attrs import Factory, field, frozen, validators

from klantreis._fields import (
    INT,
    OPTIONAL_DATE,
    OPTIONAL_TEXT,
    TEXT,
    TEXTS,
    as_member,
    as_tuple,
    each_instance,
    kind,
    member,
    to_optional_date,
    to_texts,
)
from klantreis.model import Language, slugify

__all__ = [
    "Activity",
    "ClockTime",
    "MeetingKind",
    "MethodStep",
    "Role",
    "Workshop",
]


def _doc(description: str) -> dict[str, Any]:
    return {"description": description}


_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


@frozen(order=True)
class ClockTime:
    """A time of day to the minute, written as people write it: ``9:30``, ``13:05``.

    >>> ClockTime.parse("9:30"), str(ClockTime(13, 5))
    (ClockTime(hour=9, minute=30), '13:05')
    >>> ClockTime.parse("11:45").minutes - ClockTime.parse("9:00").minutes
    165
    """

    hour: int = field(validator=[INT, validators.ge(0), validators.le(23)])
    minute: int = field(default=0, validator=[INT, validators.ge(0), validators.le(59)])

    @classmethod
    def parse(cls, text: str) -> "ClockTime":
        """Read ``H:MM`` or ``HH:MM`` (0:00 to 23:59); raise :class:`ValueError` otherwise."""
        match = _CLOCK.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a time of day; write it as H:MM, e.g. '9:30'")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def from_minutes(cls, minutes: int) -> "ClockTime":
        """The time *minutes* after midnight (within one day)."""
        if not 0 <= minutes < 24 * 60:
            raise ValueError(f"{minutes} minutes after midnight is not within one day")
        return cls(minutes // 60, minutes % 60)

    @classmethod
    def from_time(cls, value: dt.time) -> "ClockTime":
        """The :class:`datetime.time` *value*, seconds dropped."""
        return cls(value.hour, value.minute)

    def to_time(self) -> dt.time:
        """This time as a :class:`datetime.time`."""
        return dt.time(self.hour, self.minute)

    @property
    def minutes(self) -> int:
        """Minutes after midnight."""
        return self.hour * 60 + self.minute

    def __str__(self) -> str:
        return f"{self.hour}:{self.minute:02d}"


class MeetingKind(str, enum.Enum):
    """Which meeting of the seed's series a workshop is."""

    FIRST = "first"
    """Meeting 1: the phases and the first journey, from the process the client goes through."""
    SECOND = "second"
    """Meeting 2: stakeholders, resources, experience; walk the whole journey once more."""
    FOLLOW_UP = "follow-up"
    """Meeting 3 and later: show what was done with the input; judge, decide, learn."""

    @property
    def number(self) -> int:
        """1, 2 or 3."""
        return {"first": 1, "second": 2, "follow-up": 3}[self.value]

    @classmethod
    def from_number(cls, number: int) -> "MeetingKind":
        """Meeting 1, 2, or 3 and later."""
        if number < 1:
            raise ValueError(f"meetings are numbered from 1, not {number}")
        return (cls.FIRST, cls.SECOND, cls.FOLLOW_UP)[min(number, 3) - 1]


class MethodStep(str, enum.Enum):
    """The four steps of the reflection exercise (*klantreis in vier stappen*)."""

    BEELDVORMING = "beeldvorming"
    """Form a shared picture of what happened, from A to Z: the facts."""
    OORDEELVORMING = "oordeelvorming"
    """Judge the quality of each part, and how it could be different."""
    BESLUITVORMING = "besluitvorming"
    """Decide the improvement actions: what we can do, and what needs others."""
    INZICHTENPOT = "inzichtenpot"
    """The insights jar: what did this journey teach us?"""


def _to_clock(value: "ClockTime | dt.time | str | None") -> "ClockTime | None":
    """A time of day from a ClockTime, a datetime.time or its text ``9:30``."""
    if isinstance(value, dt.time):
        return ClockTime.from_time(value)
    if type(value) is str:
        try:
            return ClockTime.parse(value)
        except ValueError:
            pass  # refused by the validator, which names the field
    return value  # type: ignore[return-value]  # a ClockTime, or refused by the validator


def _to_start(value: "ClockTime | dt.time | str") -> ClockTime:
    return _to_clock(value)  # type: ignore[return-value]  # None is refused by the validator


_CLOCK_CHECK = kind("a ClockTime or its text H:MM, e.g. '9:30'", lambda v: isinstance(v, ClockTime))
_OPTIONAL_CLOCK = kind(
    "a ClockTime or its text H:MM, e.g. '9:30'", lambda v: isinstance(v, ClockTime), optional=True
)


def _to_language(value: Language | str) -> Language:
    return as_member(Language, value)


def _to_meeting(value: "MeetingKind | str") -> "MeetingKind":
    return as_member(MeetingKind, value)


def _to_method_step(value: "MethodStep | str | None") -> "MethodStep | None":
    return None if value is None else as_member(MethodStep, value)


def _to_roles(value: "Iterable[Role]") -> "tuple[Role, ...]":
    return as_tuple(value)


def _to_schedule(value: "Iterable[Activity]") -> "tuple[Activity, ...]":
    return as_tuple(value)


@frozen(kw_only=True)
class Role:
    """Who does what in the session: facilitator, timekeeper, note taker ..."""

    role: str = field(
        validator=TEXT, metadata=_doc("The task, e.g. 'Tijdbewaker' or 'Timekeeper'.")
    )
    who: str | None = field(
        default=None, validator=OPTIONAL_TEXT, metadata=_doc("Who takes it on.")
    )


@frozen(kw_only=True)
class Activity:
    """One line of the timed schedule: from ``start`` (to ``end``) do ``title``.

    Without an ``end`` the activity lasts until the next one starts (or the meeting
    ends), as in the seed's schedule (``10:00 Koffiepauze & start opdracht``).
    """

    start: ClockTime = field(
        converter=_to_start,
        validator=_CLOCK_CHECK,
        metadata=_doc("When it starts, written H:MM, e.g. '9:30'."),
    )
    title: str = field(validator=TEXT)
    end: ClockTime | None = field(
        default=None,
        converter=_to_clock,
        validator=_OPTIONAL_CLOCK,
        metadata=_doc("When it ends; left out: when the next activity starts."),
    )
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)
    step: MethodStep | None = field(
        default=None,
        converter=_to_method_step,
        validator=member(MethodStep, optional=True),
        metadata=_doc("The step of the method it belongs to, if any."),
    )
    lead: str | None = field(default=None, validator=OPTIONAL_TEXT, metadata=_doc("Who leads it."))


def _workshop_id(workshop: Any) -> str:
    title = workshop.title
    return slugify(title, fallback="workshop") if type(title) is str else ""  # "" or refused


@frozen(kw_only=True)
class Workshop:
    """A *klantreisbijeenkomst*: the plan of one meeting, linked to its journey."""

    title: str = field(validator=TEXT)
    id: str = field(default=Factory(_workshop_id, takes_self=True), validator=TEXT)
    language: Language = field(
        default=Language.NL, converter=_to_language, validator=member(Language)
    )
    journey: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("The journey file (a path relative to this file) or the journey's id."),
    )
    meeting: MeetingKind = field(
        default=MeetingKind.FIRST, converter=_to_meeting, validator=member(MeetingKind)
    )
    objective: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("The objective of the meeting (doelstelling)."),
    )
    success: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("When the meeting is a success (het is een succes wanneer ...)."),
    )
    date: dt.date | None = field(default=None, converter=to_optional_date, validator=OPTIONAL_DATE)
    start: ClockTime | None = field(
        default=None,
        converter=_to_clock,
        validator=_OPTIONAL_CLOCK,
        metadata=_doc("When the meeting starts."),
    )
    end: ClockTime | None = field(
        default=None,
        converter=_to_clock,
        validator=_OPTIONAL_CLOCK,
        metadata=_doc("When the meeting ends."),
    )
    room: str | None = field(
        default=None,
        validator=OPTIONAL_TEXT,
        metadata=_doc("The room needed, e.g. a long wall for the brown paper."),
    )
    participants: int | None = field(
        default=None,
        validator=kind("a whole number (an int)", lambda v: type(v) is int, optional=True),
        metadata=_doc("How many people are expected (aantal deelnemers)."),
    )
    materials: tuple[str, ...] = field(default=(), converter=to_texts, validator=TEXTS)
    roles: tuple[Role, ...] = field(default=(), converter=_to_roles, validator=each_instance(Role))
    preparation: tuple[str, ...] = field(
        default=(),
        converter=to_texts,
        validator=TEXTS,
        metadata=_doc("What to do before people arrive."),
    )
    schedule: tuple[Activity, ...] = field(
        default=(), converter=_to_schedule, validator=each_instance(Activity)
    )
    description: str | None = field(default=None, validator=OPTIONAL_TEXT)

    @property
    def available_minutes(self) -> int | None:
        """The time available, from ``start`` to ``end``, or ``None`` when unknown."""
        if self.start is None or self.end is None:
            return None
        return self.end.minutes - self.start.minutes

    def activity_end(self, index: int) -> ClockTime | None:
        """When the activity at *index* ends: its ``end``, the next start, or the meeting's end."""
        activity = self.schedule[index]
        if activity.end is not None:
            return activity.end
        if index + 1 < len(self.schedule):
            return self.schedule[index + 1].start
        return self.end
