"""Workshop plans: the *klantreisbijeenkomst* that maps a journey on the wall.

A :class:`Workshop` is the plan of one meeting (objective, success criterion, room,
materials, roles, participants, date and a timed schedule), linked to the journey
it maps. The seed's programmes for the first, the second and the follow-up meeting
are ready templates (:func:`workshop_template`), in Dutch and English. Workshop
files are YAML or JSON, read with the journey reader's located problems, and checked
by the rules in :mod:`klantreis.workshop.rules`.

Names load on first use (``import klantreis.workshop`` reads no YAML library), and
any of them registers the workshop's hooks on the file converter first.

>>> from klantreis.workshop import workshop_template, validate_workshop
>>> plan = workshop_template(2, "en")
>>> [f"{a.start} {a.title}" for a in plan.schedule][:2]
['9:00 Opening & warm-up', '9:15 The objective of the day']
>>> validate_workshop(plan).ok
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klantreis._lazy import lazy

if TYPE_CHECKING:
    from klantreis.workshop.files import (
        WORKSHOP_FORMAT_VERSION,
        dump_workshop,
        dumps_workshop,
        load_workshop,
        loads_workshop,
        validate_workshop,
        workshop_schema,
        workshop_to_data,
    )
    from klantreis.workshop.model import (
        Activity,
        ClockTime,
        MeetingKind,
        MethodStep,
        Role,
        Workshop,
    )
    from klantreis.workshop.rules import WORKSHOP_RULES, check_workshop
    from klantreis.workshop.templates import (
        help_questions,
        method_guide,
        programme,
        workshop_template,
    )

__all__ = [
    "WORKSHOP_FORMAT_VERSION",
    "WORKSHOP_RULES",
    "Activity",
    "ClockTime",
    "MeetingKind",
    "MethodStep",
    "Role",
    "Workshop",
    "check_workshop",
    "dump_workshop",
    "dumps_workshop",
    "help_questions",
    "load_workshop",
    "loads_workshop",
    "method_guide",
    "programme",
    "validate_workshop",
    "workshop_schema",
    "workshop_template",
    "workshop_to_data",
]

_LAZY = {
    **dict.fromkeys(
        (
            "WORKSHOP_FORMAT_VERSION",
            "dump_workshop",
            "dumps_workshop",
            "load_workshop",
            "loads_workshop",
            "validate_workshop",
            "workshop_schema",
            "workshop_to_data",
        ),
        "klantreis.workshop.files",
    ),
    **dict.fromkeys(
        ("Activity", "ClockTime", "MeetingKind", "MethodStep", "Role", "Workshop"),
        "klantreis.workshop.model",
    ),
    **dict.fromkeys(("WORKSHOP_RULES", "check_workshop"), "klantreis.workshop.rules"),
    **dict.fromkeys(
        ("help_questions", "method_guide", "programme", "workshop_template"),
        "klantreis.workshop.templates",
    ),
}


__getattr__, __dir__ = lazy(__name__, _LAZY, __all__)
