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
from typing import Any

from attrs import Factory, field, frozen, validators

from klantreis.model import Language, slugify

__all__ = [
    "Activity",
    "ClockTime",
    "MeetingKind",
    "MethodStep",
    "Role",
    "Workshop",
]


def _tuple(items: Any) -> tuple[Any, ...]:
    return tuple(items)


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

    hour: int = field(validator=[validators.instance_of(int), validators.ge(0), validators.le(23)])
    minute: int = field(
        default=0, validator=[validators.instance_of(int), validators.ge(0), validators.le(59)]
    )

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


@frozen(kw_only=True)
class Role:
    """Who does what in the session: facilitator, timekeeper, note taker ..."""

    role: str = field(metadata=_doc("The task, e.g. 'Tijdbewaker' or 'Timekeeper'."))
    who: str | None = field(default=None, metadata=_doc("Who takes it on."))


@frozen(kw_only=True)
class Activity:
    """One line of the timed schedule: from ``start`` (to ``end``) do ``title``.

    Without an ``end`` the activity lasts until the next one starts (or the meeting
    ends), as in the seed's schedule (``10:00 Koffiepauze & start opdracht``).
    """

    start: ClockTime = field(metadata=_doc("When it starts, written H:MM, e.g. '9:30'."))
    title: str
    end: ClockTime | None = field(
        default=None, metadata=_doc("When it ends; left out: when the next activity starts.")
    )
    description: str | None = None
    step: MethodStep | None = field(
        default=None, metadata=_doc("The step of the method it belongs to, if any.")
    )
    lead: str | None = field(default=None, metadata=_doc("Who leads it."))


@frozen(kw_only=True)
class Workshop:
    """A *klantreisbijeenkomst*: the plan of one meeting, linked to its journey."""

    title: str
    id: str = field(
        default=Factory(lambda self: slugify(self.title, fallback="workshop"), takes_self=True)
    )
    language: Language = field(default=Language.NL)
    journey: str | None = field(
        default=None,
        metadata=_doc("The journey file (a path relative to this file) or the journey's id."),
    )
    meeting: MeetingKind = field(default=MeetingKind.FIRST)
    objective: str | None = field(
        default=None, metadata=_doc("The objective of the meeting (doelstelling).")
    )
    success: str | None = field(
        default=None,
        metadata=_doc("When the meeting is a success (het is een succes wanneer ...)."),
    )
    date: dt.date | None = None
    start: ClockTime | None = field(default=None, metadata=_doc("When the meeting starts."))
    end: ClockTime | None = field(default=None, metadata=_doc("When the meeting ends."))
    room: str | None = field(
        default=None, metadata=_doc("The room needed, e.g. a long wall for the brown paper.")
    )
    participants: int | None = field(
        default=None, metadata=_doc("How many people are expected (aantal deelnemers).")
    )
    materials: tuple[str, ...] = field(default=(), converter=_tuple)
    roles: tuple[Role, ...] = field(default=(), converter=_tuple)
    preparation: tuple[str, ...] = field(
        default=(), converter=_tuple, metadata=_doc("What to do before people arrive.")
    )
    schedule: tuple[Activity, ...] = field(default=(), converter=_tuple)
    description: str | None = None

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
