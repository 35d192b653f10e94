"""The seed's defaults as data, in Dutch and English.

The default lanes of the brown paper, the emotion and motivation scales with their
labels, and the comment a new file opens with. The words shown for the model's
enumerations are in :mod:`klantreis.words`. Nothing here knows about files or
exporters; they all read from here.
"""

from __future__ import annotations

import datetime as dt
import enum
from functools import cache

from klantreis.model import (
    Channel,
    Direction,
    DurationUnit,
    Iteration,
    Journey,
    Judgement,
    Lane,
    LaneKind,
    Language,
    NoteKind,
    PersonaRole,
    Scale,
    Scope,
    Status,
    Theme,
)
from klantreis.words import text

__all__ = [
    "default_lanes",
    "default_scales",
    "label",
    "new_file_header",
    "new_journey",
]


def _lang(language: Language | str) -> Language:
    return Language(language)


@cache
def default_scales(language: Language | str = Language.NL) -> tuple[Scale, ...]:
    """The seed's two scales: emotion 1-5 (higher is better), motivation 1-4 (lower is better)."""
    if _lang(language) is Language.NL:
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
    dutch = _lang(language) is Language.NL
    return tuple(
        Lane(
            id=lane_id,
            name=nl if dutch else en,
            kind=kind,
            scale=lane_id if kind is LaneKind.RATING else None,
        )
        for lane_id, kind, nl, en in _LANES
    )


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
