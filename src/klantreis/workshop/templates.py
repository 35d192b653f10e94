"""The seed's workshop texts as data, in Dutch and English.

The programmes of the first, the second and the follow-up meeting (as ready
:class:`~klantreis.workshop.model.Workshop` templates, and as the instructions of the
day), the four steps of the reflection exercise with their questions, the help
questions, and the questions of the colleague validation (the homework). Exporters
and the review sheet read from here; nothing here knows about files.
"""

from __future__ import annotations

import warnings
from functools import cache

from attrs import frozen

from klantreis.model import Language, Theme
from klantreis.words import CATALOGUE, text
from klantreis.workshop.model import (
    Activity,
    ClockTime,
    MeetingKind,
    MethodStep,
    Role,
    Workshop,
)

__all__ = [
    "ADVISED_MINUTES",
    "METHOD_MINUTES",
    "MethodGuide",
    "Section",
    "help_questions",
    "meeting_kind",
    "method_guide",
    "method_intro",
    "new_workshop_header",
    "programme",
    "review_questions",
    "workshop_template",
]

ADVISED_MINUTES = 150
"""The seed advises at least two and a half hours per session."""

METHOD_MINUTES = 20
"""Each of the first three steps of the reflection exercise takes 20 minutes."""

Text = tuple[str, str]
"""A text in Dutch and in English."""


def _pick(text: Text, language: Language | str) -> str:
    return text[0] if Language(language) is Language.NL else text[1]


def __getattr__(name: str) -> object:
    # Kept for one minor version: the words live in klantreis.words now.
    if name in ("WORDS", "word"):
        warnings.warn(
            f"klantreis.workshop.templates.{name} is deprecated; "
            "use klantreis.words.text('workshop.KEY', language)",
            DeprecationWarning,
            stacklevel=2,
        )
        return _WORDS if name == "WORDS" else _word
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _word(key: str, language: Language | str) -> str:
    return text(f"workshop.{key}", language)


_WORDS: dict[str, Text] = {
    key.removeprefix("workshop."): pair
    for key, pair in CATALOGUE.items()
    if key.startswith("workshop.")
}


def meeting_kind(meeting: MeetingKind | int | str) -> MeetingKind:
    """A meeting kind from a kind, a number (1, 2, 3 ...) or its value (``second``)."""
    if isinstance(meeting, MeetingKind):
        return meeting
    if isinstance(meeting, int):
        return MeetingKind.from_number(meeting)
    if meeting.isdigit():
        return MeetingKind.from_number(int(meeting))
    return MeetingKind(meeting)


# --- the programmes as workshop templates ----------------------------------------------

_MATERIALS: tuple[Text, ...] = (
    ("Brown paper / CJ-format", "Brown paper / customer journey format"),
    ("Voldoende post-its in diverse kleuren", "Plenty of sticky notes in several colours"),
    ("Tape om lijnen af te plakken", "Tape to mark the lines"),
    ("Tape om het brown paper op te hangen", "Tape to hang up the brown paper"),
    ("Stiften", "Markers"),
    ("Tijdschema en klok", "The schedule and a clock"),
)

_ROLES: tuple[Text, ...] = (
    ("Gespreksleider", "Facilitator"),
    ("Tijdbewaker", "Timekeeper"),
    ("Verslag en foto's van de wand", "Notes and photos of the wall"),
)

_ROOM: Text = (
    "Een ruimte met een lange muur om het papier op te hangen; koffie, thee en water; "
    "een warme ruimte waar mensen zich op hun gemak voelen.",
    "A room with a long wall to hang the paper on; coffee, tea and water; a warm room "
    "where people feel at ease.",
)

_PREPARATION: tuple[Text, ...] = (
    ("Hang het papier op.", "Hang up the paper."),
    (
        "Markeer eventueel met tape de verschillende lijnen (fases en banen).",
        "Mark the lines (phases and lanes) with tape, if you like.",
    ),
    (
        "Staan een aantal zaken al vast, plak die er dan vast op: dat geeft snelheid bij de "
        "start. Is het maken van een klantreis voor iedereen nieuw? Bouw hem dan vanaf de start "
        "op: dat kost veel tijd, maar daarna weet iedereen wat de bedoeling is.",
        "If some things are settled already, stick them on in advance: it speeds up the start. "
        "Is making a customer journey new to everyone? Then build it up from the start: it "
        "takes a lot of time, but afterwards everyone knows what is meant.",
    ),
    ("Hang het tijdschema van de dag op.", "Hang up the schedule of the day."),
)

_A = tuple[str, str | None, Text, Text | None, MethodStep | None]
"""An activity of a template: start, end, title, description, step of the method."""

_SCHEDULES: dict[MeetingKind, tuple[_A, ...]] = {
    MeetingKind.FIRST: (
        (
            "9:00",
            "9:15",
            ("Opening & kennismaking", "Opening & introductions"),
            (
                "Warming-up in tweetallen: een ervaring die helemaal niet goed liep, in vier of "
                "vijf stappen verteld en door de ander getekend.",
                "Warm-up in pairs: an experience that went badly, told in four or five steps and "
                "drawn by the other.",
            ),
            None,
        ),
        (
            "9:15",
            "9:30",
            ("Uitleg doelstelling van de dag", "The objective of the day"),
            (
                "Waarom doen we dit, wat is een klantreis, en de tijdsindeling van de dag.",
                "Why we do this, what a customer journey is, and the schedule of the day.",
            ),
            None,
        ),
        (
            "9:30",
            "10:00",
            (
                "Fases beschrijven + toelichting op de opdracht",
                "Describe the phases + explain the assignment",
            ),
            (
                "Persona benoemen, doelstellingen van de cliënt en de medewerker, de vaste "
                "onderdelen en tot hoever de klantreis loopt.",
                "Name the persona, the objectives of the client and the employee, the fixed "
                "parts and how far the journey runs.",
            ),
            MethodStep.BEELDVORMING,
        ),
        (
            "10:00",
            None,
            ("Koffiepauze & start opdracht", "Coffee break & start of the assignment"),
            (
                "In kleine groepen of individueel de eerste klantreis uitwerken, uitgaande van "
                "de situatie zoals die nu is.",
                "In small groups or alone, work out the first journey, as things are now.",
            ),
            MethodStep.BEELDVORMING,
        ),
        (
            "10:45",
            None,
            ("Samenvoegen klantreizen", "Merge the journeys"),
            (
                "Kijk naar de klantreis: wat valt je op? Neem de tijd om weer uit te zoomen.",
                "Look at the journey: what strikes you? Take the time to zoom out again.",
            ),
            MethodStep.BEELDVORMING,
        ),
        (
            "11:45",
            None,
            ("Blik op morgen & afsluiting", "Looking ahead & closing"),
            (
                "Wat vonden jullie van de dag? Tip & top bij het naar buiten lopen.",
                "What did you think of the day? Tip & top on the way out.",
            ),
            None,
        ),
    ),
    MeetingKind.SECOND: (
        (
            "9:00",
            "9:15",
            ("Opening & starter", "Opening & warm-up"),
            None,
            None,
        ),
        (
            "9:15",
            "9:30",
            ("Uitleg doelstelling van de dag", "The objective of the day"),
            (
                "Korter dan de eerste keer, maar sla het niet over: iedereen moet weten wat er "
                "van hem of haar verwacht wordt.",
                "Shorter than the first time, but do not skip it: everyone needs to know what "
                "is expected of them.",
            ),
            None,
        ),
        (
            "9:30",
            "10:00",
            (
                "Betrokkenen en middelen per stap (stap 5 en 5a)",
                "Stakeholders and resources per step (steps 5 and 5a)",
            ),
            (
                "Wie is betrokken, wat heeft ieder nodig, welke middelen, wat is locatiegebonden?",
                "Who is involved, what does each need, which resources, what is bound to a "
                "location?",
            ),
            MethodStep.BEELDVORMING,
        ),
        (
            "10:00",
            None,
            (
                "Koffiepauze & start opdracht: beleving en emoties (stap 6)",
                "Coffee break & start of the assignment: experience and emotions (step 6)",
            ),
            (
                "Markeer per stap hoe tevreden je bent, van 1 dramatisch tot 5 tevreden.",
                "Mark for each step how satisfied you are, from 1 dramatic to 5 satisfied.",
            ),
            MethodStep.OORDEELVORMING,
        ),
        (
            "10:45",
            None,
            (
                "De hele klantreis nog een keer doorlopen (stap 8)",
                "Walk the whole journey once more (step 8)",
            ),
            (
                "Iedereen 5 à 10 minuten: aanvullingen (+), vragen (?) en bezwaren (!) "
                "opplakken; cruciale momenten en veranderingen.",
                "Everyone 5 to 10 minutes: stick on additions (+), questions (?) and "
                "disagreements (!); crucial moments and changes.",
            ),
            MethodStep.OORDEELVORMING,
        ),
        (
            "11:45",
            None,
            ("Huiswerk, blik vooruit & afsluiting", "Homework, looking ahead & closing"),
            (
                "Huiswerk uitdelen: valideren bij een collega. Bedanken, zeggen wat we met de "
                "input doen en wanneer we elkaar terugzien. Tip/top bij het weggaan.",
                "Hand out the homework: validate with a colleague. Thank everyone, say what we "
                "do with the input and when we meet again. Tip/top on the way out.",
            ),
            None,
        ),
    ),
    MeetingKind.FOLLOW_UP: (
        (
            "9:00",
            "9:15",
            ("Opening & terugblik", "Opening & looking back"),
            None,
            None,
        ),
        (
            "9:15",
            "9:30",
            (
                "Wat hebben we met jullie input gedaan?",
                "What did we do with your input?",
            ),
            (
                "Laat zien en merken dat je geluisterd hebt en de input echt verwerkt hebt.",
                "Show that you listened and really worked the input in.",
            ),
            None,
        ),
        (
            "9:30",
            "9:50",
            ("Beeldvorming", "Forming a picture"),
            None,
            MethodStep.BEELDVORMING,
        ),
        (
            "9:50",
            "10:10",
            ("Oordeelvorming", "Forming a judgement"),
            None,
            MethodStep.OORDEELVORMING,
        ),
        ("10:10", "10:25", ("Pauze", "Break"), None, None),
        (
            "10:25",
            "10:45",
            ("Besluitvorming: verbeteracties", "Decision making: improvement actions"),
            None,
            MethodStep.BESLUITVORMING,
        ),
        (
            "10:45",
            "11:05",
            ("Inzichtenpot", "The insights jar"),
            (
                "Trek een inzicht uit de pot (`klantreis insights draw`) en bespreek het.",
                "Draw an insight from the jar (`klantreis insights draw`) and discuss it.",
            ),
            MethodStep.INZICHTENPOT,
        ),
        (
            "11:05",
            "11:30",
            (
                "Verbeteracties verdelen: wie doet wat, wanneer?",
                "Share out the actions: who does what, by when?",
            ),
            None,
            MethodStep.BESLUITVORMING,
        ),
        (
            "11:30",
            None,
            ("Afsluiting & tip/top", "Closing & tip/top"),
            None,
            None,
        ),
    ),
}

_TIMES: dict[MeetingKind, tuple[str, str]] = {
    MeetingKind.FIRST: ("9:00", "12:00"),
    MeetingKind.SECOND: ("9:00", "12:00"),
    MeetingKind.FOLLOW_UP: ("9:00", "11:45"),
}

_GOALS: dict[MeetingKind, tuple[Text, Text]] = {
    MeetingKind.FIRST: (
        (
            "Gezamenlijk in kaart brengen wat we nodig hebben om de dienstverlening te leveren "
            "waarmee de cliënt zijn of haar doelen kan behalen, zodat we een goed beeld krijgen "
            "van de dienstverlening en van wat er uiteindelijk gaat veranderen.",
            "To map together what we need to deliver the service with which the client can "
            "reach his or her goals, so that we get a good picture of the service and of what "
            "will eventually change.",
        ),
        (
            "De fases en het doel per fase zijn benoemd, de eerste klantreis hangt op de muur, "
            "en iedereen weet wat de bedoeling is.",
            "The phases and the goal per phase are named, the first journey hangs on the wall, "
            "and everyone knows what is meant.",
        ),
    ),
    MeetingKind.SECOND: (
        (
            "De klantreis verdiepen: per stap wie er betrokken zijn en wat zij nodig hebben, "
            "welke middelen worden ingezet, hoe de stappen beleefd worden, en de hele reis nog "
            "een keer doorlopen.",
            "To deepen the journey: for each step who is involved and what they need, which "
            "resources are used, how the steps are experienced, and walk the whole journey "
            "once more.",
        ),
        (
            "Bij elke stap staan de betrokkenen, de middelen en de beleving; de cruciale "
            "momenten zijn gemarkeerd; iedereen weet bij welke collega hij de klantreis "
            "valideert, en wanneer.",
            "Every step has its stakeholders, resources and experience; the crucial moments "
            "are marked; everyone knows which colleague they validate the journey with, and "
            "when.",
        ),
    ),
    MeetingKind.FOLLOW_UP: (
        (
            "Laten zien wat we met de input gedaan hebben, samen een oordeel vormen over de "
            "kwaliteit per onderdeel, verbeteracties kiezen en vastleggen wat de klantreis ons "
            "leert.",
            "To show what we did with the input, judge together the quality of each part, "
            "choose improvement actions and record what the journey teaches us.",
        ),
        (
            "Iedereen heeft gezien wat er met zijn of haar input is gedaan, en elke "
            "verbeteractie heeft een eigenaar en een datum.",
            "Everyone has seen what was done with their input, and every improvement action "
            "has an owner and a date.",
        ),
    ),
}


def _clock(text: str | None) -> ClockTime | None:
    return None if text is None else ClockTime.parse(text)


@cache
def workshop_template(
    meeting: MeetingKind | int = MeetingKind.FIRST, language: Language | str = Language.NL
) -> Workshop:
    """The seed's programme for *meeting* (1, 2, or 3 for the follow-up) in *language*.

    It validates as it is; the facilitator adapts it to their own context (the seed:
    *gebruik dit document als inspiratie en pas het aan*). Date, participants and the
    journey are left to fill in.

    >>> plan = workshop_template(1, "en")
    >>> plan.title, str(plan.start), str(plan.end), len(plan.schedule)
    ('Customer journey meeting 1', '9:00', '12:00', 6)
    """
    kind = meeting_kind(meeting)
    lang = Language(language)
    objective, success = _GOALS[kind]
    start, end = _TIMES[kind]
    materials = [_pick(m, lang) for m in _MATERIALS]
    if kind is MeetingKind.FIRST:
        materials.append(
            _pick(
                (
                    "Voorbeeld van een klantreis, leeg en ingevuld",
                    "An example, empty and filled in",
                ),
                lang,
            )
        )
    return Workshop(
        title=text(f"workshop.{kind.value}", lang),
        id=f"bijeenkomst-{kind.number}" if lang is Language.NL else f"meeting-{kind.number}",
        language=lang,
        meeting=kind,
        objective=_pick(objective, lang),
        success=_pick(success, lang),
        start=ClockTime.parse(start),
        end=ClockTime.parse(end),
        room=_pick(_ROOM, lang),
        materials=tuple(materials),
        roles=tuple(Role(role=_pick(r, lang)) for r in _ROLES),
        preparation=tuple(_pick(p, lang) for p in _PREPARATION),
        schedule=tuple(
            Activity(
                start=ClockTime.parse(a_start),
                end=_clock(a_end),
                title=_pick(title, lang),
                description=_pick(description, lang) if description else None,
                step=step,
            )
            for a_start, a_end, title, description, step in _SCHEDULES[kind]
        ),
    )


_HEADER: Text = (
    """\
# Een klantreisbijeenkomst, begonnen met `klantreis workshop new`.
#
# Dit is een format, geen vaststaand model: pas het aan je eigen context aan.
# Wat is je doel, welk onderwerp heb je onder handen, hoe groot is de groep?
#
# - objective: formuleer een heldere doelstelling.
# - success:   de controlevraag: wanneer is de bijeenkomst een succes?
# - journey:   het klantreisbestand (pad vanaf dit bestand) of het id van de reis.
# - date, participants: datum en aantal deelnemers invullen.
# - schedule:  tijden als 9:30; een onderdeel zonder end loopt tot het volgende.
#   Het format adviseert minimaal 2,5 uur per sessie.
#
# Controleer het bestand met: klantreis workshop validate BESTAND
# Het draaiboek:  klantreis export REIS --to guide -O workshop=BESTAND -o draaiboek.md
""",
    """\
# A customer journey meeting, started with `klantreis workshop new`.
#
# This is a format, not a fixed model: adapt it to your own context.
# What is your objective, what subject are you working on, how large is the group?
#
# - objective: write down a clear objective.
# - success:   the check question: when is the meeting a success?
# - journey:   the journey file (a path from this file) or the journey's id.
# - date, participants: fill in the date and the number of participants.
# - schedule:  times as 9:30; an activity without an end lasts until the next one.
#   The format advises at least 2.5 hours per session.
#
# Check the file with: klantreis workshop validate FILE
# The guide:           klantreis export JOURNEY --to guide -O workshop=FILE -o guide.md
""",
)


def new_workshop_header(language: Language | str = Language.NL) -> str:
    """The comment that opens a YAML file made by ``klantreis workshop new``."""
    return _pick(_HEADER, language)


# --- the programme of the day: the seed's instructions -----------------------------------


@frozen
class Section:
    """A part of the programme of the day: a heading, a paragraph and a list."""

    title: str
    text: str | None = None
    items: tuple[str, ...] = ()


_S = tuple[Text, Text | None, tuple[Text, ...]]

_PROGRAMMES: dict[MeetingKind, tuple[_S, ...]] = {
    MeetingKind.FIRST: (
        (
            ("Opening / binnenkomen", "Opening / arriving"),
            (
                "Zorg ervoor dat mensen zich op hun gemak voelen. Heb aandacht voor de ruimte, "
                "koffie/thee/water en de warmte binnen.",
                "Make sure people feel at ease. Pay attention to the room, coffee/tea/water and "
                "the warmth inside.",
            ),
            (),
        ),
        (
            ("Kennismaking", "Introductions"),
            (
                "Doel: elkaar leren kennen en in de juiste mindset komen.",
                "Goal: getting to know each other and getting into the right mindset.",
            ),
            (
                (
                    "Splits op in groepjes van twee en vraag wanneer ieder de laatste keer een "
                    "ervaring had die helemaal niet goed liep, die duidelijk irritant was.",
                    "Split into pairs and ask when each last had an experience that went badly, "
                    "that was clearly irritating.",
                ),
                (
                    "Beschrijf die ervaring aan elkaar in vier of vijf stappen: hoe ben je er "
                    "doorheen gekomen?",
                    "Describe that experience to each other in four or five steps: how did you "
                    "get through it?",
                ),
                (
                    "De een vertelt, de ander tekent de journey op een vel papier. Markeer waar "
                    "het echt mis ging, waar het pijn deed, waar de frustratie echt groot was.",
                    "One tells, the other draws the journey on a sheet of paper. Mark where it "
                    "really went wrong, where it hurt, where the frustration was really great.",
                ),
                (
                    "Laat er een paar presenteren en feedback op elkaar geven: zo komt de juiste "
                    "mindset snel.",
                    "Have a few present and give each other feedback: that brings the right "
                    "mindset quickly.",
                ),
            ),
        ),
        (
            ("Uitleg & doelstelling van de dag", "Explanation & objective of the day"),
            None,
            (
                (
                    "Doel van de ochtend of middag: gezamenlijk in kaart brengen wat jullie nodig "
                    "hebben om de dienstverlening te leveren waarmee de cliënt zijn of haar doelen "
                    "kan behalen. Keuzes voor verandering hoeven niet in dezelfde bijeenkomst.",
                    "Goal of the morning or afternoon: to map together what you need to deliver "
                    "the service with which the client can reach his or her goals. Choices for "
                    "change need not be made in the same meeting.",
                ),
                ("Waarom doen we dat?", "Why do we do this?"),
                (
                    "Wat is een klantreis: nagaan wat cliënten en medewerkers denken en voelen, "
                    "doen en gebruiken (hulpmiddelen, kanalen, werkvormen, methoden).",
                    "What a customer journey is: finding out what clients and employees think and "
                    "feel, do and use (tools, channels, ways of working, methods).",
                ),
                (
                    "Een voorbeeld van een klantreis, leeg en ingevuld.",
                    "An example of a customer journey, empty and filled in.",
                ),
                ("Hang de tijdsindeling van de dag op.", "Hang up the schedule of the day."),
            ),
        ),
        (
            ("Persona benoemen", "Name the persona"),
            (
                "Richt de klantreis op één cliënt of medewerker en geef deze persoon een naam. "
                "Dit helpt het denken.",
                "Follow one client or employee and give this person a name. It helps the thinking.",
            ),
            (),
        ),
        (
            ("Maken van de klantreis", "Making the journey"),
            None,
            (
                (
                    "Stap 1. Benoem de doelstelling van vandaag en schrijf deze op.",
                    "Step 1. Name today's objective and write it down.",
                ),
                (
                    "Stap 2. Benoem de doelstelling van de cliënt (wat wil de cliënt met deze "
                    "reis bereiken?) en die van de medewerker, en schrijf ze op.",
                    "Step 2. Name the client's objective (what does the client want to achieve "
                    "with this journey?) and the employee's, and write them down.",
                ),
                (
                    "Stap 3. Doorloop de fases: wat zijn vaste onderdelen en tot hoever loopt de "
                    "klantreis? Noteer per fase het belangrijkste doel: wat wil je op dat moment, "
                    "wat heb je nodig?",
                    "Step 3. Walk the phases: what are the fixed parts and how far does the "
                    "journey run? Note the most important goal of each phase: what do you want "
                    "at that moment, what do you need?",
                ),
                (
                    "Stap 4. Maak de klantreis, in kleine groepen of individueel, voor een "
                    "afgebakende periode, uitgaande van de situatie zoals die nu is: alle stappen "
                    "die je zet in relatie tot de behandeling van de cliënt.",
                    "Step 4. Make the journey, in small groups or alone, for a set period, as "
                    "things are now: every step you take in relation to the client's treatment.",
                ),
                (
                    "Stap 5. Kijk naar de klantreis: wat valt je op? Werk je in groepen, voeg de "
                    "klantreizen dan samen. Neem hier echt de tijd voor: mensen hebben tijd nodig "
                    "om weer uit te zoomen.",
                    "Step 5. Look at the journey: what strikes you? If you work in groups, merge "
                    "the journeys. Really take the time: people need time to zoom out again.",
                ),
            ),
        ),
        (
            ("Afronden", "Closing"),
            (
                "Het is haast onmogelijk een klantreis in één bijeenkomst af te ronden; de "
                "volgende bijeenkomst gaat verder.",
                "It is almost impossible to finish a journey in one meeting; the next meeting "
                "carries on.",
            ),
            (
                ("Wat vonden jullie van de dag?", "What did you think of the day?"),
                (
                    "Wat deed het maken van de klantreis met je?",
                    "What did making the journey do to you?",
                ),
                (
                    "Tip & top voor de volgende sessie (noteer bij het naar buiten lopen).",
                    "Tip & top for the next session (noted on the way out).",
                ),
            ),
        ),
    ),
    MeetingKind.SECOND: (
        (
            ("Opening / binnenkomen en starter", "Opening / arriving and warm-up"),
            None,
            (),
        ),
        (
            ("Uitleg & doelstelling van de dag", "Explanation & objective of the day"),
            (
                "Als het goed is kost dit minder tijd dan bij de eerste bijeenkomst. Maar sla de "
                "stap niet over: hij is essentieel om ervoor te zorgen dat iedereen weet wat er "
                "van hem of haar verwacht wordt.",
                "This should take less time than at the first meeting. But do not skip it: it is "
                "essential to make sure everyone knows what is expected of them.",
            ),
            (),
        ),
        (
            ("Maken van de klantreis", "Making the journey"),
            (
                "De indeling, de vragen en de informatie die je ophaalt hangen af van je "
                "onderwerp en doel: gebruik de vragen als inspiratie. Werk in groepjes als je "
                "meer dan 4 deelnemers hebt, anders verlies je de betrokkenheid.",
                "The layout, the questions and the information you gather depend on your subject "
                "and objective: use the questions as inspiration. Work in small groups when you "
                "have more than 4 participants, or you lose their involvement.",
            ),
            (
                (
                    "Stap 5. Bespreek per stap: welke mensen zijn betrokken (systeem, "
                    "behandelaars ...)?",
                    "Step 5. Discuss for each step: which people are involved (the client's "
                    "system, practitioners ...)?",
                ),
                (
                    "Stap 5a. Bespreek per betrokkene wat hij of zij nodig heeft om de hulp te "
                    "leveren die de cliënt nodig heeft: welke ondersteunende middelen gebruik je? "
                    "Wat van het werk is gebonden aan de locatie?",
                    "Step 5a. Discuss for each stakeholder what they need to deliver the help the "
                    "client needs: which supporting resources do you use? What of the work is "
                    "bound to the location?",
                ),
                (
                    "Stap 6. Kijk naar de beleving: markeer per stap hoe tevreden je bent (1 "
                    "dramatisch, 2 slecht, 3 neutraal, 4 voldaan, 5 tevreden). Wat vind je het "
                    "leukste onderdeel van het werk? Wanneer werk je echt met plezier? Wanneer "
                    "baal je ergens van? Wanneer heb je het echt moeilijk? Hoe tevreden ben je "
                    "over het algemeen en over de duur van het traject?",
                    "Step 6. Look at the experience: mark for each step how satisfied you are (1 "
                    "dramatic, 2 bad, 3 neutral, 4 fulfilled, 5 satisfied). What is the nicest "
                    "part of the work? When do you really enjoy your work? When does something "
                    "annoy you? When do you really have a hard time? How satisfied are you "
                    "overall, and with the length of the process?",
                ),
                (
                    "Stap 8. Doorloop nog een keer de gehele klantreis; iedereen krijgt 5 à 10 "
                    "minuten. Aanvullingen: plak ze op (+). Een verduidelijkingsvraag: een "
                    "post-it met een vraagteken bij de stap (?). Niet mee eens: een post-it met "
                    "een uitroepteken (!), met waarom en een suggestie voor verbetering. Wie van "
                    "het systeem zou je meer willen betrekken, en wat hebben zij daarvoor nodig? "
                    "Wat zijn de meest cruciale momenten, en de meest cruciale veranderingen (wat "
                    "als ...)?",
                    "Step 8. Walk the whole journey once more; everyone gets 5 to 10 minutes. "
                    "Additions: stick them on (+). A question for clarification: a sticky note "
                    "with a question mark at the step (?). Disagree: a sticky note with an "
                    "exclamation mark (!), with why and a suggestion for improvement. Whom of the "
                    "client's system would you involve more, and what do they need for it? What "
                    "are the most crucial moments, and the most crucial changes (what if ...)?",
                ),
            ),
        ),
        (
            ("Afsluiting", "Closing"),
            None,
            (
                (
                    "Huiswerk uitdelen: neem het brown paper mee; wij zorgen voor een digitaal "
                    "uitgewerkte klantreis (`klantreis review sheet`).",
                    "Hand out the homework: take the brown paper along; we provide a digital "
                    "version of the journey (`klantreis review sheet`).",
                ),
                (
                    "Valideren bij een collega: wie betrek je en wanneer, hoe verwerk je de "
                    "feedback, wanneer verwachten we hem terug en hoe komt hij bij ons?",
                    "Validate with a colleague: whom do you involve and when, how do you process "
                    "the feedback, when do we expect it back and how does it reach us?",
                ),
                (
                    "Bedanken, nog een keer noemen wat we met de input doen en wanneer we elkaar "
                    "terugzien.",
                    "Thank everyone, say once more what we do with the input and when we meet "
                    "again.",
                ),
                ("Tip/top bij het weggaan.", "Tip/top on the way out."),
            ),
        ),
    ),
    MeetingKind.FOLLOW_UP: (
        (
            ("Terugkoppelen", "Report back"),
            (
                "Je kunt zoveel bijeenkomsten organiseren als je wilt; dat hangt af van je "
                "doelstelling, doelgroep en beschikbare tijd. Zorg er in ieder geval voor dat als "
                "mensen input leveren, je altijd terugkoppelt wat je ermee gedaan hebt. Laat hen "
                "zien en merken dat je geluisterd hebt en de input echt verwerkt hebt. Doe je dit "
                "niet, dan raak je de betrokkenheid van deze groep kwijt.",
                "You can organise as many meetings as you like; it depends on your objective, "
                "target group and the time available. In any case, when people give input, "
                "always report back what you did with it. Let them see and feel that you "
                "listened and really worked the input in. If you do not, you lose this group's "
                "involvement.",
            ),
            (),
        ),
        (
            ("Herhaal ook eens de klantreis", "Repeat the journey now and then"),
            (
                "Herhaal de klantreis periodiek om te achterhalen wat het effect is van de "
                "verbeteracties (`klantreis diff`). Wees daarbij kritisch: een nieuwe dienst kan "
                "mooi staan op papier, maar wordt het probleem daarmee opgelost? Vraag door op "
                "het daadwerkelijke effect in de praktijk, en stel bij waar nodig.",
                "Repeat the journey periodically to find out what the improvement actions did "
                "(`klantreis diff`). Be critical: a new service may look fine on paper, but does "
                "it solve the problem? Ask about the actual effect in practice, and adjust where "
                "needed.",
            ),
            (),
        ),
    ),
}


def programme(
    meeting: MeetingKind | int = MeetingKind.FIRST, language: Language | str = Language.NL
) -> tuple[Section, ...]:
    """The seed's instructions for the day of *meeting*, in *language*."""
    kind = meeting_kind(meeting)
    return tuple(
        Section(
            title=_pick(title, language),
            text=_pick(text, language) if text else None,
            items=tuple(_pick(item, language) for item in items),
        )
        for title, text, items in _PROGRAMMES[kind]
    )


# --- the four steps of the reflection exercise -----------------------------------------


@frozen
class MethodGuide:
    """One step of the method: its name, minutes, instruction, questions and themes."""

    step: MethodStep
    name: str
    minutes: int | None
    instruction: str
    questions: tuple[str, ...]
    themes: tuple[str, ...] = ()


_INTRO: Text = (
    "Een klantreis maak je in een groep; het is nog krachtiger als je dit samen met "
    "ervaringsdeskundigen doet. Pak een lange rol papier en teken hierop een tijdlijn. "
    "Beschrijf het proces van A tot Z: zet alles op post-its en plak ze op de tijdlijn. Je "
    "beschrijft wat wanneer gebeurt en wat de resultaten zijn per onderdeel.",
    "You make a customer journey in a group; it is even more powerful with experts by "
    "experience. Take a long roll of paper and draw a timeline on it. Describe the process "
    "from A to Z: put everything on sticky notes and stick them on the timeline. You describe "
    "what happens when, and what each part results in.",
)

_METHOD: tuple[tuple[MethodStep, Text, int | None, Text, tuple[Text, ...]], ...] = (
    (
        MethodStep.BEELDVORMING,
        ("Beeldvorming", "Forming a picture"),
        METHOD_MINUTES,
        (
            "Vorm gezamenlijk een beeld van wat er allemaal heeft plaatsgevonden in het "
            "klantproces van A tot Z. Het gaat om feiten.",
            "Together, form a picture of everything that happened in the client's process from "
            "A to Z. It is about facts.",
        ),
        (
            (
                "Hoe komt de klant binnen? Zelf gemeld? Contact gezocht: met wie? En vanuit welke "
                "instantie?",
                "How does the client come in? Self-referred? Contact sought: with whom? And from "
                "which agency?",
            ),
            (
                "Wat doet de klant? Wat doet de professional? Wat doen de betrokken organisaties "
                "(als daar sprake van is)?",
                "What does the client do? What does the professional do? What do the "
                "organisations involved do (if any)?",
            ),
            (
                "Wat gebeurt er vervolgens? Met wie wordt contact gezocht? Hoe verloopt dit? Hoe "
                "is de bejegening? Welke handelingen worden verricht en wat is hiervan het "
                "resultaat?",
                "What happens next? Whom is contact sought with? How does it go? How is the "
                "client treated? What is done, and what does it result in?",
            ),
            (
                "Wat is de doorlooptijd per onderdeel/fase?",
                "What is the lead time of each part or phase?",
            ),
            ("Check: zijn echt alle acties vermeld?", "Check: are really all actions listed?"),
        ),
    ),
    (
        MethodStep.OORDEELVORMING,
        ("Oordeelvorming", "Forming a judgement"),
        METHOD_MINUTES,
        (
            "Vorm samen een oordeel over de kwaliteit per onderdeel. Geef aan hoe het anders kan.",
            "Together, judge the quality of each part. Say how it could be different.",
        ),
        (
            (
                "Wat is de kwaliteit van alle contactmomenten? Is er genoeg kennis, is de houding "
                "correct, is men voldoende vaardig, is het cliëntgericht? Wat zijn knelpunten "
                "voor de klant, wat zijn knelpunten voor betrokken professionals en "
                "organisaties?",
                "What is the quality of every contact moment? Is there enough knowledge, is the "
                "attitude right, are people skilled enough, is it client-focused? What are the "
                "pain points for the client, and for the professionals and organisations "
                "involved?",
            ),
            (
                "Waarom doen we het zoals we het doen? Qua toeleiding, routing, geboden "
                "ondersteuning. Wat zijn sleutelmomenten die de uitkomsten bepalen, in positieve "
                "en negatieve zin?",
                "Why do we do it the way we do? In referral, routing, the support offered. What "
                "are the key moments that decide the outcomes, for better and for worse?",
            ),
            (
                "Tegen welke grenzen in het 'systeem' lopen we aan? Waarom zijn die grenzen er? "
                "Welke andere opties zijn er?",
                "Which boundaries in the 'system' do we run into? Why are they there? What other "
                "options are there?",
            ),
            (
                "Zijn de opbrengsten bij de burgers die ondersteund worden ook wat we "
                "verwachten? Wat draagt daar positief aan bij en wat niet?",
                "Are the results for the people we support what we expect? What contributes to "
                "them, and what does not?",
            ),
            ("Wat kan effectiever en efficiënter?", "What could be more effective and efficient?"),
            (
                "Wat willen we zo houden en wat willen we anders? Wat kan morgen al anders en hoe "
                "kunnen we dat vandaag realiseren? Wat willen we anders maar valt niet binnen "
                "onze handelingsbevoegdheid?",
                "What do we want to keep, and what do we want to change? What can change "
                "tomorrow, and how can we make that happen today? What do we want to change that "
                "lies outside our authority to act?",
            ),
        ),
    ),
    (
        MethodStep.BESLUITVORMING,
        ("Besluitvorming: verbeteracties", "Decision making: improvement actions"),
        METHOD_MINUTES,
        (
            "Bepaal gezamenlijk de verbeteracties. Maak onderscheid in verbeteracties die jij "
            "kunt doen en waar je anderen voor nodig hebt.",
            "Together, decide the improvement actions. Tell apart the actions you can take "
            "yourself and those for which you need others.",
        ),
        (),
    ),
    (
        MethodStep.INZICHTENPOT,
        ("Inzichtenpot", "The insights jar"),
        None,
        (
            "Sta stil bij wat de klantreis je leert. Schrijf op welke inzichten je hebt opgedaan "
            "en stop ze allemaal in een pot. Pak er een uit en bespreek het. Haal van tijd tot "
            "tijd een inzicht opnieuw uit de pot en bespreek het met elkaar.",
            "Reflect on what the journey teaches you. Write down the insights you gained and put "
            "them all in a jar. Take one out and discuss it. Now and then, take an insight out "
            "of the jar again and discuss it together.",
        ),
        (
            (
                "Wat maakt dit inzicht waardevol voor je?",
                "What makes this insight valuable to you?",
            ),
            (
                "Wat kunnen anderen hieraan hebben, hoe kan dit bijdragen aan ons beleid of aan "
                "de praktijk?",
                "What can others gain from it; how can it contribute to our policy or practice?",
            ),
            (
                "Welke behoefte hebben jullie voor een vervolg?",
                "What do you need for a follow-up?",
            ),
        ),
    ),
)

_THEMES = (Theme.PROFESSIONALS, Theme.INTEGRAL_APPROACH, Theme.STRESS_SENSITIVITY, Theme.LEGAL_ROOM)


def method_intro(language: Language | str = Language.NL) -> str:
    """How to prepare the reflection exercise: the roll of paper and the timeline."""
    return _pick(_INTRO, language)


def method_guide(language: Language | str = Language.NL) -> tuple[MethodGuide, ...]:
    """The four steps of the method with the seed's instructions and questions.

    *Besluitvorming* carries the four themes for improvement actions (the labels of
    :class:`klantreis.Theme`).

    >>> [(g.name, g.minutes) for g in method_guide("nl")][:2]
    [('Beeldvorming', 20), ('Oordeelvorming', 20)]
    >>> method_guide("en")[2].themes[0]
    'Knowledge, attitude and skills of the professionals involved'
    """
    return tuple(
        MethodGuide(
            step=step,
            name=_pick(name, language),
            minutes=minutes,
            instruction=_pick(instruction, language),
            questions=tuple(_pick(q, language) for q in questions),
            themes=tuple(text(t, language) for t in _THEMES)
            if step is MethodStep.BESLUITVORMING
            else (),
        )
        for step, name, minutes, instruction, questions in _METHOD
    )


# --- the help questions ------------------------------------------------------------------

_HELP: tuple[Text, ...] = (
    (
        "Hoe lang duurt een gemiddelde depressiebehandeling?",
        "How long does an average depression treatment take?",
    ),
    (
        "Welke vaste onderdelen horen bij de hoofdstappen van een behandeling?",
        "Which fixed parts belong to the main steps of a treatment?",
    ),
    (
        "Vanuit de klant bekeken: wat is per onderdeel/fase van de behandeling de belangrijkste "
        "vraag van de klant?",
        "Seen from the client: what is the client's most important question in each part or "
        "phase of the treatment?",
    ),
    (
        "Welke eventuele variaties zijn er op het behandeltraject?",
        "What variations on the treatment path are there?",
    ),
    (
        "Wat zijn de belangrijkste redenen om een variant op het reguliere behandeltraject toe "
        "te passen?",
        "What are the main reasons to apply a variant of the regular treatment path?",
    ),
    (
        "Welke communicatiekanalen worden gebruikt? Denk aan telefonisch (secretariaat), "
        "face-to-face (secretariaat + behandelafspraken op locatie), brief/post, mail, "
        "beeldbellen, folder, google, organisatiewebsite, huisarts/verwijzer, social media, "
        "externe website.",
        "Which communication channels are used? Think of the phone (front desk), face-to-face "
        "(front desk + appointments on site), letters, e-mail, video calls, leaflets, search "
        "engines, the organisation's website, the GP/referrer, social media, external websites.",
    ),
    (
        "In welke mate en waar in het traject worden mail, beeldbellen en andere vormen al "
        "ingezet?",
        "To what extent, and where in the process, are e-mail, video calls and other forms "
        "used already?",
    ),
    (
        "Met welke oefeningen wordt gewerkt? Wat wordt hierbij gevraagd van de cliënt?",
        "Which exercises are used? What do they ask of the client?",
    ),
    (
        "Welke rol speelt psycho-educatie op dit moment? Wat wordt hoe en wanneer aangeboden?",
        "What role does psychoeducation play at the moment? What is offered, how and when?",
    ),
    (
        "Welke medewerkers zijn allemaal betrokken bij een behandeltraject? Wie het meest?",
        "Which employees are involved in a treatment? Who the most?",
    ),
    (
        "Wanneer is een cliënt het meest tevreden binnen een behandeltraject? Geef 3 voorbeelden.",
        "When is a client most satisfied during a treatment? Give 3 examples.",
    ),
    (
        "Wanneer heeft een cliënt het in het algemeen moeilijk binnen een behandeltraject? Geef "
        "3 voorbeelden.",
        "When does a client generally have a hard time during a treatment? Give 3 examples.",
    ),
    (
        "Beschrijf de kenmerken van een goede behandeling. Hoe wordt binnen jouw organisatie "
        "vastgesteld dat er sprake was van een goede behandeling?",
        "Describe what makes a good treatment. How does your organisation establish that a "
        "treatment was good?",
    ),
    ("Wanneer ligt een medewerker ergens wakker van?", "What keeps an employee awake at night?"),
    (
        "Wanneer wordt een medewerker in zijn/haar werk belemmerd?",
        "When is an employee hindered in their work?",
    ),
    (
        "Wanneer is een medewerker trots op zijn/haar werk?",
        "When is an employee proud of their work?",
    ),
    (
        "Waar zou het werk van een behandelaar aangenamer van worden?",
        "What would make a practitioner's work more pleasant?",
    ),
    ("Wat merkt de cliënt daarvan?", "What does the client notice of it?"),
    (
        "Beschrijf de belangrijkste verwachtingen die een cliënt van jouw organisatie heeft. "
        'Vul dit antwoord aan met "Zodat ..." en beantwoord dit. Voorbeeld: "ik verwacht dat '
        'ik thuis kan oefenen/werken aan mijn behandeling zodat ik sneller er weer bovenop ben".',
        "Describe the most important expectations a client has of your organisation. Complete "
        'the answer with "So that ..." and answer it. Example: "I expect to be able to '
        'practise at home so that I recover sooner".',
    ),
    (
        "Wat zijn (vanuit de cliënt bekeken) cruciale stappen in de behandeling?",
        "What are (seen from the client) crucial steps in the treatment?",
    ),
    (
        "Wat zijn voor een medewerker cruciale stappen tijdens de behandeling om tot een goed "
        "resultaat te komen?",
        "What are, for an employee, crucial steps during the treatment towards a good result?",
    ),
    (
        "Als je twee punten zou mogen noemen: waar in de behandeling zouden we voor de cliënt "
        "het grootste verschil maken?",
        "If you could name two points: where in the treatment would we make the greatest "
        "difference for the client?",
    ),
    (
        "Als je twee punten zou mogen noemen: waar in de behandeling zouden we voor de "
        "medewerker het grootste verschil maken?",
        "If you could name two points: where in the treatment would we make the greatest "
        "difference for the employee?",
    ),
    (
        "Als je twee punten zou mogen noemen: waar of hoe zouden we als organisatie (ten "
        "opzichte van andere GGZ-instellingen) het grootste verschil maken?",
        "If you could name two points: where or how would we as an organisation (compared with "
        "other mental health institutions) make the greatest difference?",
    ),
)


def help_questions(language: Language | str = Language.NL) -> tuple[str, ...]:
    """The seed's help questions that can support the process (written for depression care)."""
    return tuple(_pick(q, language) for q in _HELP)


# --- the colleague validation ------------------------------------------------------------

_REVIEW: dict[str, Text] = {
    "title": ("Valideren bij een collega", "Validate with a colleague"),
    "intro": (
        "Dit is de klantreis zoals we hem in de bijeenkomsten op de muur hebben gezet. Wil je "
        "hem nalopen? Per fase en stap: klopt dit? Zo nee, pas aan of vul aan.",
        "This is the journey as we put it on the wall in the meetings. Would you walk through "
        "it? For each phase and step: is this right? If not, correct it or add to it.",
    ),
    "right": ("Klopt dit?", "Is this right?"),
    "missing": ("Wat ontbreekt?", "What is missing?"),
    "others": (
        "Kun je je vinden in de overige punten, en kun je ze aanvullen? In volgorde van "
        "belangrijkheid:",
        "Do you agree with the other points, and can you add to them? In order of importance:",
    ),
    "frictions": ("1. Fricties en frustraties", "1. Frictions and frustrations"),
    "hard_moments": (
        "2. De momenten dat de cliënt het moeilijk heeft",
        "2. The moments the client finds hard",
    ),
    "hard_moments_text": (
        "Met name de momenten dat cliënten het emotioneel moeilijk hebben, of een drempel over "
        "moeten. Beschrijf deze situaties zo uitvoerig mogelijk, in een taal die iedereen goed "
        "kan begrijpen.",
        "Above all the moments clients find emotionally hard, or when they have to cross a "
        "threshold. Describe these situations as fully as you can, in words everyone "
        "understands.",
    ),
    "moment_of_truth": (
        "3. Wat is het moment van de waarheid voor de cliënt?",
        "3. What is the moment of truth for the client?",
    ),
    "marks": (
        "Zet bij je antwoord een teken: `?` een vraag, `!` niet mee eens (met waarom en een "
        "suggestie), `+` een aanvulling. Laat leeg wat klopt.",
        "Mark your answer: `?` a question, `!` a disagreement (with why and a suggestion), `+` "
        "an addition. Leave empty what is right.",
    ),
    "sheet": (
        "`klantreis review sheet` maakt het formulier, als Markdown om te lezen en als CSV om in "
        "te vullen.",
        "`klantreis review sheet` makes the sheet, as Markdown to read and as CSV to fill in.",
    ),
    "return": (
        "Stuur het ingevulde CSV-bestand terug; `klantreis review import` zet de antwoorden als "
        "post-its bij de stappen.",
        "Send the filled-in CSV file back; `klantreis review import` puts the answers on the "
        "steps as notes.",
    ),
}


def review_questions(language: Language | str = Language.NL) -> dict[str, str]:
    """The texts of the colleague validation (the seed's homework), by key."""
    return {key: _pick(text, language) for key, text in _REVIEW.items()}
