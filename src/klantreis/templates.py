"""The seed's defaults as data, in Dutch and English.

The default lanes of the brown paper, the emotion and motivation scales with their
labels, and the words exporters show for the model's enumerations. Nothing here
knows about files or exporters; they all read from here.
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

__all__ = [
    "LABELS",
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


LABELS: dict[enum.Enum, tuple[str, str]] = {
    LaneKind.CLIENT: ("Stappen cliënt", "Client steps"),
    LaneKind.ACTOR: ("Stappen betrokkene", "Stakeholder steps"),
    LaneKind.RESOURCES: ("Middelen", "Resources"),
    LaneKind.LOCATION: ("Locatiegebonden", "Location-bound"),
    LaneKind.EXPERIENCE: ("Beleving", "Experience"),
    LaneKind.RATING: ("Score", "Rating"),
    LaneKind.SYSTEM: ("Systeem betrekken", "Involve the system"),
    LaneKind.CRUCIAL_MOMENTS: ("Cruciale momenten", "Crucial moments"),
    LaneKind.CRUCIAL_CHANGES: ("Cruciale veranderingen", "Crucial changes"),
    LaneKind.IDEAS: ("Verbeterideeën", "Improvement ideas"),
    LaneKind.OTHER: ("Overig", "Other"),
    Channel.PHONE: ("telefonisch", "phone"),
    Channel.FACE_TO_FACE: ("face-to-face", "face-to-face"),
    Channel.LETTER: ("brief/post", "letter"),
    Channel.EMAIL: ("mail", "e-mail"),
    Channel.VIDEO_CALL: ("beeldbellen", "video call"),
    Channel.LEAFLET: ("folder", "leaflet"),
    Channel.SEARCH_ENGINE: ("zoekmachine", "search engine"),
    Channel.WEBSITE: ("organisatiewebsite", "organisation's website"),
    Channel.REFERRER: ("huisarts/verwijzer", "GP/referrer"),
    Channel.SOCIAL_MEDIA: ("social media", "social media"),
    Channel.EXTERNAL_WEBSITE: ("externe website", "external website"),
    Channel.CHAT: ("chat", "chat"),
    Channel.APP: ("app", "app"),
    Channel.OTHER: ("anders", "other"),
    DurationUnit.MINUTES: ("minuten", "minutes"),
    DurationUnit.HOURS: ("uur", "hours"),
    DurationUnit.DAYS: ("dagen", "days"),
    DurationUnit.WEEKS: ("weken", "weeks"),
    DurationUnit.MONTHS: ("maanden", "months"),
    DurationUnit.YEARS: ("jaar", "years"),
    NoteKind.QUESTION: ("vraag", "question"),
    NoteKind.DISAGREEMENT: ("niet mee eens", "disagreement"),
    NoteKind.ADDITION: ("aanvulling", "addition"),
    Judgement.GOOD: ("goed", "good"),
    Judgement.SUFFICIENT: ("voldoende", "sufficient"),
    Judgement.INSUFFICIENT: ("onvoldoende", "insufficient"),
    Scope.OURSELVES: ("Wat we zelf kunnen doen", "What we can do ourselves"),
    Scope.OTHERS: ("Waar we anderen voor nodig hebben", "What needs others"),
    Theme.PROFESSIONALS: (
        "Kennis, houding en vaardigheden van betrokken professionals",
        "Knowledge, attitude and skills of the professionals involved",
    ),
    Theme.INTEGRAL_APPROACH: (
        "Sluitende integrale aanpak gericht op preventie en empowerment",
        "A closing, integral approach aimed at prevention and empowerment",
    ),
    Theme.STRESS_SENSITIVITY: (
        "Stress-sensitiviteit in aanpak en beleid",
        "Stress-sensitivity in approach and policy",
    ),
    Theme.LEGAL_ROOM: (
        "Optimaal benutten van de ruimte in wet- en regelgeving",
        "Making full use of the room in laws and regulations",
    ),
    Theme.OTHER: ("Overig", "Other"),
    Status.PROPOSED: ("voorgesteld", "proposed"),
    Status.PLANNED: ("gepland", "planned"),
    Status.IN_PROGRESS: ("bezig", "in progress"),
    Status.DONE: ("gedaan", "done"),
    Status.DROPPED: ("vervallen", "dropped"),
    PersonaRole.CLIENT: ("cliënt", "client"),
    PersonaRole.EMPLOYEE: ("medewerker", "employee"),
    Direction.HIGHER_IS_BETTER: ("hoger is beter", "higher is better"),
    Direction.LOWER_IS_BETTER: ("lager is beter", "lower is better"),
}
"""Display words for every member of the model's enumerations: ``(dutch, english)``."""


def label(value: enum.Enum, language: Language | str = Language.NL) -> str:
    """The word to show for an enumeration member in *language*.

    >>> from klantreis import Theme
    >>> label(Theme.STRESS_SENSITIVITY, "en")
    'Stress-sensitivity in approach and policy'
    """
    nl, en = LABELS[value]
    return nl if _lang(language) is Language.NL else en


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
