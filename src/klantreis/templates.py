"""The seed's defaults as data, in Dutch and English.

The default lanes of the brown paper and the emotion and motivation scales with their
labels (defined with the model, whose journeys default to them, and re-exported
here), a new journey, and the comment a new file opens with. The words shown for the
model's enumerations are in :mod:`klantreis.words`. Nothing here knows about files or
exporters; they all read from here.
"""

from __future__ import annotations

import datetime as dt
import enum

from klantreis.model import (
    Channel,
    Direction,
    DurationUnit,
    Iteration,
    Journey,
    Judgement,
    LaneKind,
    Language,
    NoteKind,
    PersonaRole,
    Scope,
    Sentiment,
    Status,
    Theme,
    default_lanes,
    default_perspectives,
    default_scales,
)
from klantreis.words import text

__all__ = [
    "default_lanes",
    "default_perspectives",
    "default_scales",
    "label",
    "new_file_header",
    "new_journey",
]


def _lang(language: Language | str) -> Language:
    return Language(language)


def _labels() -> dict[enum.Enum, tuple[str, str]]:
    enums: tuple[type[enum.Enum], ...] = (
        LaneKind,
        Channel,
        DurationUnit,
        NoteKind,
        Judgement,
        Scope,
        Theme,
        Status,
        PersonaRole,
        Direction,
        Sentiment,
    )
    return {m: (text(m, "nl"), text(m, "en")) for e in enums for m in e}


LABELS: dict[enum.Enum, tuple[str, str]] = _labels()
"""Deprecated: the words live in :mod:`klantreis.words`; use :func:`klantreis.words.text`.

Members of different enumerations with the same value (``LaneKind.CLIENT`` and
``PersonaRole.CLIENT``) share one entry in this table; :func:`klantreis.words.text`
tells them apart.
"""


def label(value: enum.Enum, language: Language | str = Language.NL) -> str:
    """The word to show for an enumeration member in *language* (see :func:`klantreis.words.text`).

    >>> from klantreis import Theme
    >>> label(Theme.STRESS_SENSITIVITY, "en")
    'Stress-sensitivity in approach and policy'
    """
    return text(value, language)


def new_journey(
    language: Language | str = Language.NL,
    *,
    title: str | None = None,
    today: dt.date | None = None,
) -> Journey:
    """A new, empty journey: the seed's lanes and scales, a first iteration, no phases yet."""
    dutch = _lang(language) is Language.NL
    return Journey(
        title=title or ("Nieuwe klantreis" if dutch else "New customer journey"),
        language=_lang(language),
        iteration=Iteration(label="Eerste meting" if dutch else "First mapping", date=today),
    )


_HEADER = {
    Language.NL: """\
# Een klantreis, begonnen met `klantreis new`.
#
# 1. Schrijf de doelstellingen op (objectives: session, client, employee).
# 2. Benoem de persona: richt de reis op één cliënt of medewerker met een naam.
# 3. Doorloop de fases (phases) en zet elke post-it als stap (steps) in een fase en
#    een baan (lane). De banen hieronder zijn die van het brown paper; pas ze aan.
#
#   persona: {name: Anouk, role: client}
#   phases:
#     - name: Aanmelding
#       goal: Snel weten waar ik aan toe ben
#       lead_time: 2-4 weken
#   steps:
#     - title: Belt de huisarts
#       phase: aanmelding
#       lane: client
#       channels: [phone]
#       ratings: {emotion: 2, motivation: 1}
#       notes:
#         - question: Hoe lang duurt het voor er teruggebeld wordt?
#
# Controleer het bestand met: klantreis validate BESTAND
""",
    Language.EN: """\
# A customer journey, started with `klantreis new`.
#
# 1. Write down the objectives (objectives: session, client, employee).
# 2. Name the persona: follow one client or employee, and give them a name.
# 3. Walk the phases and put every post-it in as a step, in a phase and a lane.
#    The lanes below are the rows of the brown paper; adapt them freely.
#
#   persona: {name: Anouk, role: client}
#   phases:
#     - name: Referral
#       goal: Know quickly where I stand
#       lead_time: 2-4 weeks
#   steps:
#     - title: Calls the GP
#       phase: referral
#       lane: client
#       channels: [phone]
#       ratings: {emotion: 2, motivation: 1}
#       notes:
#         - question: How long until someone calls back?
#
# Check the file with: klantreis validate FILE
""",
}


def new_file_header(language: Language | str = Language.NL) -> str:
    """The comment that opens a YAML file made by ``klantreis new``."""
    return _HEADER[_lang(language)]
