"""Every word klantreis shows a person, in Dutch and English: one catalogue, one lookup.

The labels of the model's enumerations, the headings of the exports, the guide and
the wall, the diff report, the problems :func:`klantreis.validate` finds and the
command line's messages all live in :data:`CATALOGUE`, keyed by a dotted name, and
are looked up with :func:`text`. A message is ``(dutch, english)``; placeholders are
:meth:`str.format` fields. When a message has a ``KEY-one`` twin, it is used for
``n=1``.

The language is the journey's; the command line's ``--lang`` overrides it; messages
that belong to no journey use :func:`default_language`, which ``KLANTREIS_LANG``
sets (English when it is not set). Problem *codes* are not words: they stay English
and stable.

This module is the bottom layer: it imports nothing of klantreis.

>>> text("status.done", "nl"), text("diff.changes-count", "en", n=3)
('gedaan', '3 changes')
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
from collections.abc import Mapping

__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "Message",
    "date_text",
    "default_language",
    "enum_key",
    "language_code",
    "span_text",
    "text",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The languages of the catalogue, in the order of its pairs."""

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- the model's enumerations: "<enum in kebab case>.<value>" ---------------------
    # LaneKind
    "lane-kind.client": ("Stappen cliënt", "Client steps"),
    "lane-kind.actor": ("Stappen betrokkene", "Stakeholder steps"),
    "lane-kind.resources": ("Middelen", "Resources"),
    "lane-kind.location": ("Locatiegebonden", "Location-bound"),
    "lane-kind.experience": ("Beleving", "Experience"),
    "lane-kind.rating": ("Score", "Rating"),
    "lane-kind.system": ("Systeem betrekken", "Involve the system"),
    "lane-kind.crucial-moments": ("Cruciale momenten", "Crucial moments"),
    "lane-kind.crucial-changes": ("Cruciale veranderingen", "Crucial changes"),
    "lane-kind.ideas": ("Verbeterideeën", "Improvement ideas"),
    "lane-kind.other": ("Overig", "Other"),
    # Channel
    "channel.phone": ("telefonisch", "phone"),
    "channel.face-to-face": ("face-to-face", "face-to-face"),
    "channel.letter": ("brief/post", "letter"),
    "channel.email": ("mail", "e-mail"),
    "channel.video-call": ("beeldbellen", "video call"),
    "channel.leaflet": ("folder", "leaflet"),
    "channel.search-engine": ("zoekmachine", "search engine"),
    "channel.website": ("organisatiewebsite", "organisation's website"),
    "channel.referrer": ("huisarts/verwijzer", "GP/referrer"),
    "channel.social-media": ("social media", "social media"),
    "channel.external-website": ("externe website", "external website"),
    "channel.chat": ("chat", "chat"),
    "channel.app": ("app", "app"),
    "channel.other": ("anders", "other"),
    # DurationUnit (KEY-one is the singular: "1 week", "2 weken")
    "duration-unit.minutes": ("minuten", "minutes"),
    "duration-unit.minutes-one": ("minuut", "minute"),
    "duration-unit.hours": ("uur", "hours"),
    "duration-unit.hours-one": ("uur", "hour"),
    "duration-unit.days": ("dagen", "days"),
    "duration-unit.days-one": ("dag", "day"),
    "duration-unit.weeks": ("weken", "weeks"),
    "duration-unit.weeks-one": ("week", "week"),
    "duration-unit.months": ("maanden", "months"),
    "duration-unit.months-one": ("maand", "month"),
    "duration-unit.years": ("jaar", "years"),
    "duration-unit.years-one": ("jaar", "year"),
    # NoteKind
    "note-kind.question": ("vraag", "question"),
    "note-kind.disagreement": ("niet mee eens", "disagreement"),
    "note-kind.addition": ("aanvulling", "addition"),
    # Judgement
    "judgement.good": ("goed", "good"),
    "judgement.sufficient": ("voldoende", "sufficient"),
    "judgement.insufficient": ("onvoldoende", "insufficient"),
    # Scope
    "scope.ourselves": ("Wat we zelf kunnen doen", "What we can do ourselves"),
    "scope.others": ("Waar we anderen voor nodig hebben", "What needs others"),
    # Theme
    "theme.professionals": (
        "Kennis, houding en vaardigheden van betrokken professionals",
        "Knowledge, attitude and skills of the professionals involved",
    ),
    "theme.integral-approach": (
        "Sluitende integrale aanpak gericht op preventie en empowerment",
        "A seamless, integral approach aimed at prevention and empowerment",
    ),
    "theme.stress-sensitivity": (
        "Stress-sensitiviteit in aanpak en beleid",
        "Stress-sensitivity in approach and policy",
    ),
    "theme.legal-room": (
        "Optimaal benutten van de ruimte in wet- en regelgeving",
        "Making full use of the latitude in laws and regulations",
    ),
    "theme.other": ("Overig", "Other"),
    # Status
    "status.proposed": ("voorgesteld", "proposed"),
    "status.planned": ("gepland", "planned"),
    "status.in-progress": ("bezig", "in progress"),
    "status.done": ("gedaan", "done"),
    "status.dropped": ("vervallen", "dropped"),
    # PersonaRole
    "persona-role.client": ("cliënt", "client"),
    "persona-role.employee": ("medewerker", "employee"),
    # Direction
    "direction.higher-is-better": ("hoger is beter", "higher is better"),
    "direction.lower-is-better": ("lager is beter", "lower is better"),
    # --- dates and times --------------------------------------------------------------
    "date": ("{day} {month} {year}", "{day} {month} {year}"),
    "month.1": ("januari", "January"),
    "month.2": ("februari", "February"),
    "month.3": ("maart", "March"),
    "month.4": ("april", "April"),
    "month.5": ("mei", "May"),
    "month.6": ("juni", "June"),
    "month.7": ("juli", "July"),
    "month.8": ("augustus", "August"),
    "month.9": ("september", "September"),
    "month.10": ("oktober", "October"),
    "month.11": ("november", "November"),
    "month.12": ("december", "December"),
    "span.hours": ("{hours} uur", "{hours} h"),
    "span.minutes": ("{minutes} min", "{minutes} min"),
    "span.hours-minutes": ("{hours} uur {minutes} min", "{hours} h {minutes} min"),
    # --- exports: Markdown, CSV, the wall map -----------------------------------------
    "export.iteration": ("Meting", "Mapping"),
    "export.persona": ("Persona", "Persona"),
    "export.objective_session": ("Doelstelling van de dag", "Objective of the day"),
    "export.objective_client": ("Doelstelling cliënt", "Client's objective"),
    "export.objective_employee": ("Doelstelling medewerker", "Employee's objective"),
    "export.overview": ("Overzicht", "Overview"),
    "export.phase": ("Fase", "Phase"),
    "export.phases": ("Fases", "Phases"),
    "export.goal": ("Doel", "Goal"),
    "export.goal_per_phase": ("Doel per fase", "Goal per phase"),
    "export.lead_time": ("Doorlooptijd", "Lead time"),
    "export.steps": ("Stappen", "Steps"),
    "export.lane": ("Baan", "Lane"),
    "export.step": ("Stap", "Step"),
    "export.ratings": ("Scores", "Ratings"),
    "export.pain_points": ("Knelpunten", "Pain points"),
    "export.pain_client": ("cliënt", "client"),
    "export.pain_professional": ("professional", "professional"),
    "export.notes": ("Post-its", "Notes"),
    "export.moment_of_truth": ("Moment van de waarheid", "Moment of truth"),
    "export.actions": ("Verbeteracties", "Improvement actions"),
    "export.action": ("Actie", "Action"),
    "export.theme": ("Thema", "Theme"),
    "export.owner": ("Eigenaar", "Owner"),
    "export.due": ("Deadline", "Deadline"),
    "export.status": ("Status", "Status"),
    "export.targets": ("Voor de stappen", "For the steps"),
    "export.expected_effect": ("Verwacht effect", "Expected effect"),
    "export.tomorrow": ("kan morgen al", "can change tomorrow"),
    "export.within_mandate": ("binnen eigen mandaat", "within our mandate"),
    "export.outside_mandate": ("buiten eigen mandaat", "outside our mandate"),
    "export.insights": ("Inzichten", "Insights"),
    "export.insight": ("Inzicht", "Insight"),
    "export.author": ("Door", "By"),
    "export.date": ("Datum", "Date"),
    "export.discussed": ("Besproken", "Discussed"),
    "export.yes": ("ja", "yes"),
    "export.no": ("nee", "no"),
    "export.no_steps": ("Nog geen stappen in deze fase.", "No steps in this phase yet."),
    "export.no_actions": ("Nog geen verbeteracties.", "No improvement actions yet."),
    "export.channels": ("kanalen", "channels"),
    "export.duration": ("duur", "duration"),
    "export.quality": ("kwaliteit", "quality"),
    "export.knowledge": ("kennis", "knowledge"),
    "export.attitude": ("houding", "attitude"),
    "export.skills": ("vaardigheden", "skills"),
    "export.client_focus": ("cliëntgerichtheid", "client focus"),
    "export.boundaries": ("grenzen in het systeem", "system boundaries"),
    "export.why": ("waarom", "why"),
    "export.options": ("andere mogelijkheden", "other options"),
    "export.suggestion": ("suggestie", "suggestion"),
    "export.mean": ("gem.", "mean"),
    "export.votes": ("stemmen", "votes"),
    "export.scales": ("Schalen", "Scales"),
    "export.legend": ("Legenda", "Legend"),
    "export.not_rated": ("geen score", "not rated"),
    "export.curve": ("Emotiecurve", "Emotion curve"),
    "export.improves": ("verbetert", "improves"),
    "export.description": ("Beschrijving", "Description"),
    # --- the facilitation guide and the wall template --------------------------------
    "workshop.guide": ("Draaiboek", "Facilitation guide"),
    "workshop.meeting": ("Bijeenkomst", "Meeting"),
    "workshop.first": ("Klantreisbijeenkomst 1", "Customer journey meeting 1"),
    "workshop.second": ("Klantreisbijeenkomst 2", "Customer journey meeting 2"),
    "workshop.follow-up": ("Vervolgbijeenkomst", "Follow-up meeting"),
    "workshop.journey": ("Klantreis", "Journey"),
    "workshop.objective": ("Doelstelling", "Objective"),
    "workshop.success": ("Het is een succes wanneer", "It is a success when"),
    "workshop.date": ("Datum", "Date"),
    "workshop.time": ("Tijd", "Time"),
    "workshop.room": ("Ruimte", "Room"),
    "workshop.participants": ("Aantal deelnemers", "Participants"),
    "workshop.materials": ("Materialen", "Materials"),
    "workshop.roles": ("Rolverdeling", "Roles"),
    "workshop.role": ("Rol", "Role"),
    "workshop.who": ("Wie", "Who"),
    "workshop.preparation": ("Voorbereiding", "Preparation"),
    "workshop.agenda": ("Tijdschema", "Schedule"),
    "workshop.activity": ("Onderdeel", "Activity"),
    "workshop.step": ("Stap van de methode", "Step of the method"),
    "workshop.lead": ("Leiding", "Lead"),
    "workshop.checklists": ("Checklists", "Checklists"),
    "workshop.programme": ("Programma van de dag", "Programme of the day"),
    "workshop.method": ("De klantreis in vier stappen", "The journey in four steps"),
    "workshop.minutes": ("minuten", "minutes"),
    "workshop.questions": ("Vragen", "Questions"),
    "workshop.themes": ("Neem daarbij mee", "Take into account"),
    "workshop.help": (
        "Hulpvragen die het proces kunnen ondersteunen",
        "Help questions for the process",
    ),
    "workshop.homework": (
        "Huiswerk: valideren bij een collega",
        "Homework: validate with a colleague",
    ),
    "workshop.wall": ("Het brown paper", "The brown paper"),
    "workshop.wall_intro": (
        "Het lege raster van de fases en banen van de klantreis. Hang het op en vul het met "
        "post-its; `klantreis export --to wall` maakt er een printbare poster van.",
        "The empty grid of the journey's phases and lanes. Hang it up and fill it with "
        "post-its; `klantreis export --to wall` makes a printable poster of it.",
    ),
    "workshop.phases": ("Fases →", "Phases →"),
    "workshop.phase": ("Fase", "Phase"),
    "workshop.goal_per_phase": ("Doel per fase", "Goal per phase"),
    "workshop.objective_session": ("Doelstelling van de dag", "Objective of the day"),
    "workshop.objective_client": ("Doelstelling cliëntreis", "Objective of the client's journey"),
    "workshop.objective_employee": (
        "Doelstelling medewerkerreis",
        "Objective of the employee's journey",
    ),
    "workshop.not_planned": ("nog in te vullen", "to be filled in"),
    "workshop.until": ("tot", "until"),
    "workshop.tip_top": ("Tip & top", "Tip & top"),
    # --- klantreis diff ---------------------------------------------------------------
    "diff.title": (
        "Klantreis ‘{title}’: {old} → {new}",
        "Customer journey ‘{title}’: {old} → {new}",
    ),
    "diff.no-changes": ("Geen verschillen.", "No differences."),
    "diff.summary": ("Samenvatting", "Summary"),
    "diff.counts": ("Wijzigingen", "Changes"),
    "diff.phase-scores": (
        "Scores per fase (gemiddelde, oud → nieuw)",
        "Scores per phase (mean, old → new)",
    ),
    "diff.phase": ("Fase", "Phase"),
    "diff.phase-gone": ("{name} (vervallen)", "{name} (gone)"),
    "diff.effect": ("Effect van de verbeteracties", "Effect of the improvement actions"),
    "diff.no-actions": ("Geen verbeteracties.", "No improvement actions."),
    "diff.action": ("Verbeteractie", "Improvement action"),
    "diff.status": ("Status", "Status"),
    "diff.at-targets": ("Bij de doelstappen", "At the target steps"),
    "diff.no-targets": ("geen doelstappen", "no target steps"),
    "diff.no-rating-change": ("geen verandering in de scores", "no change in the ratings"),
    "diff.targets-unchanged": (
        "scores ongewijzigd bij {n} andere doelstappen",
        "ratings unchanged at {n} other target steps",
    ),
    "diff.targets-unchanged-one": (
        "scores ongewijzigd bij 1 andere doelstap",
        "ratings unchanged at 1 other target step",
    ),
    "diff.actions-line": ("Verbeteracties", "Improvement actions"),
    "diff.done-now": (
        "{n} nu gedaan, waarvan {helped} met verbetering",
        "{n} now done, {helped} of them helped",
    ),
    "diff.attention": ("Let op", "Attention"),
    "diff.warn-done": (
        "{n} acties gedaan zonder verbetering bij de doelstappen",
        "{n} actions done without improvement at their target steps",
    ),
    "diff.warn-done-one": (
        "1 actie gedaan zonder verbetering bij de doelstappen",
        "1 action done without improvement at its target steps",
    ),
    "diff.warn-worse": (
        "{n} stappen verslechterd zonder verbeteractie",
        "{n} steps worsened without an improvement action",
    ),
    "diff.warn-worse-one": (
        "1 stap verslechterd zonder verbeteractie",
        "1 step worsened without an improvement action",
    ),
    "diff.action-new": ("nieuw", "new"),
    "diff.action-gone": ("vervallen", "gone"),
    "diff.unexplained": (
        "Verslechterd waar geen verbeteractie op gericht is",
        "Worsened where no improvement action is aimed",
    ),
    "diff.details": ("Details", "Details"),
    "diff.changes-count": ("{n} wijzigingen", "{n} changes"),
    "diff.relinked": ("{n} × {what} volgt een hernoemd id", "{n} × {what} follows a renamed id"),
    "diff.renamed-to": ("id {old} → {new}", "id {old} → {new}"),
    "diff.position": ("plaats {old} → {new}", "position {old} → {new}"),
    "diff.added-at": ("in fase {phase}, baan {lane}", "in phase {phase}, lane {lane}"),
    "diff.notes-added": ("nieuwe post-it", "new post-it"),
    "diff.notes-removed": ("post-it weg", "post-it removed"),
    "diff.empty": ("(leeg)", "(empty)"),
    "diff.yes": ("ja", "yes"),
    "diff.no": ("nee", "no"),
    "diff.and-more": ("… en nog {n}", "… and {n} more"),
    "diff.ratings": ("Scores", "Ratings"),
    "diff.kind.added": ("toegevoegd", "added"),
    "diff.kind.removed": ("verwijderd", "removed"),
    "diff.kind.renamed": ("hernoemd", "renamed"),
    "diff.kind.moved": ("verplaatst", "moved"),
    "diff.kind.changed": ("gewijzigd", "changed"),
    "diff.kind.relinked": ("verwijzing gevolgd", "relinked"),
    "diff.verdict.improved": ("beter", "better"),
    "diff.verdict.worsened": ("slechter", "worse"),
    "diff.verdict.unchanged": ("gelijk", "unchanged"),
    "diff.verdict.new": ("nieuw", "new"),
    "diff.verdict.gone": ("vervallen", "gone"),
    "diff.outcome.improved": ("verbeterd", "improved"),
    "diff.outcome.worsened": ("verslechterd", "worsened"),
    "diff.outcome.mixed": ("wisselend", "mixed"),
    "diff.outcome.unchanged": ("geen verandering", "no change"),
    "diff.flag.done-without-effect": (
        "gedaan, maar de doelstappen zijn niet verbeterd",
        "done, but its target steps did not improve",
    ),
    "diff.flag.unexplained-worsening": (
        "verslechterd zonder verbeteractie",
        "worsened without an improvement action",
    ),
    "diff.collection.journey": ("klantreis", "customer journey"),
    "diff.collections.journey": ("klantreis", "customer journey"),
    "diff.collection.actors": ("betrokkene", "stakeholder"),
    "diff.collections.actors": ("Betrokkenen", "Stakeholders"),
    "diff.collection.scales": ("schaal", "scale"),
    "diff.collections.scales": ("Schalen", "Scales"),
    "diff.collection.phases": ("fase", "phase"),
    "diff.collections.phases": ("Fases", "Phases"),
    "diff.collection.lanes": ("baan", "lane"),
    "diff.collections.lanes": ("Banen", "Lanes"),
    "diff.collection.steps": ("stap", "step"),
    "diff.collections.steps": ("Stappen", "Steps"),
    "diff.collection.actions": ("verbeteractie", "improvement action"),
    "diff.collections.actions": ("Verbeteracties", "Improvement actions"),
    "diff.collection.insights": ("inzicht", "insight"),
    "diff.collections.insights": ("Inzichten", "Insights"),
    "field.title": ("titel", "title"),
    "field.name": ("naam", "name"),
    "field.text": ("tekst", "text"),
    "field.language": ("taal", "language"),
    "field.description": ("omschrijving", "description"),
    "field.iteration": ("meting", "mapping"),
    "field.iteration.label": ("meting", "mapping"),
    "field.iteration.date": ("datum meting", "date of the mapping"),
    "field.objectives.session": ("doel van de dag", "objective of the day"),
    "field.objectives.client": ("doel cliënt", "client's objective"),
    "field.objectives.employee": ("doel medewerker", "employee's objective"),
    "field.persona": ("persona", "persona"),
    "field.persona.name": ("persona", "persona"),
    "field.persona.role": ("rol persona", "persona's role"),
    "field.persona.description": ("omschrijving persona", "persona's description"),
    "field.organisation": ("organisatie", "organisation"),
    "field.minimum": ("minimum", "minimum"),
    "field.maximum": ("maximum", "maximum"),
    "field.direction": ("richting", "direction"),
    "field.labels": ("labels", "labels"),
    "field.question": ("vraag", "question"),
    "field.goal": ("doel", "goal"),
    "field.lead_time": ("doorlooptijd", "lead time"),
    "field.kind": ("soort", "kind"),
    "field.actor": ("betrokkene", "stakeholder"),
    "field.scale": ("schaal", "scale"),
    "field.phase": ("fase", "phase"),
    "field.lane": ("baan", "lane"),
    "field.channels": ("kanalen", "channels"),
    "field.duration": ("duur", "duration"),
    "field.ratings": ("scores", "ratings"),
    "field.pain_points": ("knelpunten", "pain points"),
    "field.pain_points.client": ("knelpunten cliënt", "pain points for the client"),
    "field.pain_points.professional": ("knelpunten professional", "pain points for professionals"),
    "field.moment_of_truth": ("moment van de waarheid", "moment of truth"),
    "field.quality": ("kwaliteit", "quality"),
    "field.quality.knowledge": ("kennis", "knowledge"),
    "field.quality.attitude": ("houding", "attitude"),
    "field.quality.skills": ("vaardigheden", "skills"),
    "field.quality.client_focus": ("cliëntgerichtheid", "client focus"),
    "field.quality.comment": ("toelichting kwaliteit", "comment on quality"),
    "field.boundaries": ("grenzen in het systeem", "system boundaries"),
    "field.notes": ("post-its", "post-its"),
    "field.scope": ("wie", "scope"),
    "field.theme": ("thema", "theme"),
    "field.within_mandate": ("binnen eigen mandaat", "within our mandate"),
    "field.tomorrow": ("morgen al anders", "can change tomorrow"),
    "field.owner": ("eigenaar", "owner"),
    "field.due": ("deadline", "deadline"),
    "field.status": ("status", "status"),
    "field.targets": ("doelstappen", "target steps"),
    "field.ideas": ("verbeterideeën", "improvement ideas"),
    "field.expected_effect": ("verwacht effect", "expected effect"),
    "field.author": ("auteur", "author"),
    "field.date": ("datum", "date"),
    "field.steps": ("stappen", "steps"),
    "field.discussed": ("besproken", "discussed"),
    "field.discussed_on": ("besproken op", "discussed on"),
    # --- the HTML map (klantreis.exporters.html): the page's own controls and labels --
    "html.wall": ("De muur", "The wall"),
    "html.filters": ("Filters", "Filters"),
    "html.search": ("Zoeken", "Search"),
    "html.search_hint": ("tekst in de stappen", "text in the steps"),
    "html.all": ("alle", "all"),
    "html.actor": ("Betrokkene", "Stakeholder"),
    "html.band": ("Score", "Rating"),
    "html.only_mot": ("alleen momenten van de waarheid", "moments of truth only"),
    "html.only_open": ("alleen stappen met open acties", "steps with open actions only"),
    "html.reset": ("Wis filters", "Clear filters"),
    "html.shown": ("{n} van {total} stappen getoond", "{n} of {total} steps shown"),
    "html.language": ("English", "Nederlands"),
    "html.language_hint": ("Toon de labels in het Engels", "Show the labels in Dutch"),
    "html.close": ("Sluiten", "Close"),
    "html.ourselves": ("Wat we zelf kunnen doen", "What we can do ourselves"),
    "html.others": ("Waar we anderen voor nodig hebben", "What needs others"),
    "html.curve_of": ("{scale} per stap", "{scale} per step"),
    "html.no_rating": ("geen score", "no rating"),
    "html.point": ("stap {n}: {value}", "step {n}: {value}"),
    "html.unplaced": ("Stappen buiten de muur", "Steps off the wall"),
    "html.unplaced_why": (
        "Hun fase of baan staat niet in de reis.",
        "Their phase or lane is not in the journey.",
    ),
    "html.compare": ("Vergeleken met", "Compared with"),
    "html.print": ("Afdrukken", "Print"),
    "html.print_size": ("Papier", "Paper"),
    "html.skip": ("Naar de muur", "Skip to the wall"),
    "html.step_n": ("Stap {n}", "Step {n}"),
    "html.legend_mark": ("★ = moment van de waarheid", "★ = moment of truth"),
    "html.page": ("Klantreiskaart", "Customer journey map"),
}
"""Every message: ``key -> (dutch, english)``."""


def language_code(language: str | None) -> str:
    """``"nl"`` or ``"en"`` for a language (a :class:`~klantreis.Language` or its code).

    ``None`` is :func:`default_language`. Anything else is a :class:`ValueError` that
    says which languages there are.
    """
    if language is None:
        return default_language()
    code = language.value if isinstance(language, enum.Enum) else language
    if code not in LANGUAGES:
        raise ValueError(f"{language!r} is not a language klantreis speaks (nl, en)")
    return str(code)


def default_language() -> str:
    """The language of messages outside a journey: ``KLANTREIS_LANG``, else English.

    An unknown value in ``KLANTREIS_LANG`` is a :class:`ValueError` naming it.
    """
    value = os.environ.get("KLANTREIS_LANG", "").strip().lower()
    if not value:
        return "en"
    if value not in LANGUAGES:
        raise ValueError(f"KLANTREIS_LANG={value!r} is not a language klantreis speaks (nl, en)")
    return value


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def enum_key(member: enum.Enum) -> str:
    """The catalogue key of an enumeration member: ``Theme.LEGAL_ROOM`` is ``theme.legal-room``."""
    return f"{_CAMEL.sub('-', type(member).__name__).lower()}.{member.value}"


def text(key: str | enum.Enum, language: str | None = None, /, **values: object) -> str:
    """The message *key* in *language*, with *values* filled in.

    *key* is a catalogue key or a member of one of the model's enumerations. With
    ``n=1`` among *values*, ``KEY-one`` is used when the catalogue has it.
    *language* ``None`` is :func:`default_language`.

    >>> from klantreis import Theme
    >>> text(Theme.LEGAL_ROOM, "en")
    'Making full use of the latitude in laws and regulations'
    """
    if isinstance(key, enum.Enum):
        key = enum_key(key)
    if values.get("n") == 1 and f"{key}-one" in CATALOGUE:
        key = f"{key}-one"
    pair = CATALOGUE[key]
    message = pair[0] if language_code(language) == "nl" else pair[1]
    return message.format(**values) if values else message


def date_text(day: dt.date, language: str | None = None) -> str:
    """A date as people write it: ``26 maart 2026``, ``26 March 2026``.

    >>> date_text(dt.date(2026, 3, 26), "nl")
    '26 maart 2026'
    """
    month = text(f"month.{day.month}", language)
    return text("date", language, day=day.day, month=month, year=day.year)


def span_text(minutes: int, language: str | None = None) -> str:
    """A span of time: ``2 uur 30 min``, ``2 h 30 min``, ``45 min``.

    >>> span_text(150, "nl"), span_text(45, "en")
    ('2 uur 30 min', '45 min')
    """
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return text("span.hours-minutes", language, hours=hours, minutes=rest)
    if hours:
        return text("span.hours", language, hours=hours)
    return text("span.minutes", language, minutes=rest)


class Message:
    """A message not told yet: a catalogue key and its values, told in any language.

    >>> changes = Message("diff.changes-count", n=3)
    >>> changes("en"), changes("nl")
    ('3 changes', '3 wijzigingen')
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in the catalogue")
        self.key = key
        self.values: Mapping[str, object] = values

    def __call__(self, language: str | None = None) -> str:
        """The message in *language* (``None``: :func:`default_language`)."""
        return text(self.key, language, **self.values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, dict(self.values)) == (other.key, dict(other.values))

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        values = "".join(f", {k}={v!r}" for k, v in self.values.items())
        return f"Message({self.key!r}{values})"
