"""Every word the diff renderers show, in Dutch and English, in one place.

A message is ``(dutch, english)``; placeholders are ``str.format`` fields. Enum
members of the journey model get their words from :func:`klantreis.templates.label`.
"""

from __future__ import annotations

from klantreis.compare.model import Collection, Kind, Verdict
from klantreis.compare.report import Flag, Outcome
from klantreis.model import Language

__all__ = ["COLLECTIONS", "FIELDS", "KINDS", "MESSAGES", "OUTCOMES", "VERDICTS", "text"]

MESSAGES: dict[str, tuple[str, str]] = {
    "title": ("Klantreis ‘{title}’: {old} → {new}", "Customer journey ‘{title}’: {old} → {new}"),
    "no-changes": ("Geen verschillen.", "No differences."),
    "summary": ("Samenvatting", "Summary"),
    "counts": ("Wijzigingen", "Changes"),
    "phase-scores": (
        "Scores per fase (gemiddelde, oud → nieuw)",
        "Scores per phase (mean, old → new)",
    ),
    "phase": ("Fase", "Phase"),
    "phase-gone": ("{name} (vervallen)", "{name} (gone)"),
    "effect": ("Effect van de verbeteracties", "Effect of the improvement actions"),
    "no-actions": ("Geen verbeteracties.", "No improvement actions."),
    "action": ("Verbeteractie", "Improvement action"),
    "status": ("Status", "Status"),
    "at-targets": ("Bij de doelstappen", "At the target steps"),
    "no-targets": ("geen doelstappen", "no target steps"),
    "no-rating-change": ("geen verandering in de scores", "no change in the ratings"),
    "targets-unchanged": (
        "scores ongewijzigd bij {n} andere doelstappen",
        "ratings unchanged at {n} other target steps",
    ),
    "targets-unchanged-one": (
        "scores ongewijzigd bij 1 andere doelstap",
        "ratings unchanged at 1 other target step",
    ),
    "actions-line": ("Verbeteracties", "Improvement actions"),
    "done-now": (
        "{n} nu gedaan, waarvan {helped} met verbetering",
        "{n} now done, {helped} of them helped",
    ),
    "attention": ("Let op", "Attention"),
    "warn-done": (
        "{n} acties gedaan zonder verbetering bij de doelstappen",
        "{n} actions done without improvement at their target steps",
    ),
    "warn-done-one": (
        "1 actie gedaan zonder verbetering bij de doelstappen",
        "1 action done without improvement at its target steps",
    ),
    "warn-worse": (
        "{n} stappen verslechterd zonder verbeteractie",
        "{n} steps worsened without an improvement action",
    ),
    "warn-worse-one": (
        "1 stap verslechterd zonder verbeteractie",
        "1 step worsened without an improvement action",
    ),
    "action-new": ("nieuw", "new"),
    "action-gone": ("vervallen", "gone"),
    "unexplained": (
        "Verslechterd waar geen verbeteractie op gericht is",
        "Worsened where no improvement action is aimed",
    ),
    "details": ("Details", "Details"),
    "changes-count": ("{n} wijzigingen", "{n} changes"),
    "relinked": (
        "{n} × {what} volgt een hernoemd id",
        "{n} × {what} follows a renamed id",
    ),
    "renamed-to": ("id {old} → {new}", "id {old} → {new}"),
    "position": ("plaats {old} → {new}", "position {old} → {new}"),
    "added-at": ("in fase {phase}, baan {lane}", "in phase {phase}, lane {lane}"),
    "notes-added": ("nieuwe post-it", "new post-it"),
    "notes-removed": ("post-it weg", "post-it removed"),
    "empty": ("(leeg)", "(empty)"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "and-more": ("… en nog {n}", "… and {n} more"),
    "ratings": ("Scores", "Ratings"),
}

KINDS: dict[Kind, tuple[str, str]] = {
    Kind.ADDED: ("toegevoegd", "added"),
    Kind.REMOVED: ("verwijderd", "removed"),
    Kind.RENAMED: ("hernoemd", "renamed"),
    Kind.MOVED: ("verplaatst", "moved"),
    Kind.CHANGED: ("gewijzigd", "changed"),
    Kind.RELINKED: ("verwijzing gevolgd", "relinked"),
}

VERDICTS: dict[Verdict, tuple[str, str]] = {
    Verdict.IMPROVED: ("beter", "better"),
    Verdict.WORSENED: ("slechter", "worse"),
    Verdict.UNCHANGED: ("gelijk", "unchanged"),
    Verdict.NEW: ("nieuw", "new"),
    Verdict.GONE: ("vervallen", "gone"),
}

OUTCOMES: dict[Outcome, tuple[str, str]] = {
    Outcome.IMPROVED: ("verbeterd", "improved"),
    Outcome.WORSENED: ("verslechterd", "worsened"),
    Outcome.MIXED: ("wisselend", "mixed"),
    Outcome.UNCHANGED: ("geen verandering", "no change"),
}

FLAGS: dict[Flag, tuple[str, str]] = {
    Flag.DONE_WITHOUT_EFFECT: (
        "gedaan, maar de doelstappen zijn niet verbeterd",
        "done, but its target steps did not improve",
    ),
    Flag.UNEXPLAINED_WORSENING: (
        "verslechterd zonder verbeteractie",
        "worsened without an improvement action",
    ),
}

COLLECTIONS: dict[Collection, tuple[tuple[str, str], tuple[str, str]]] = {
    # (singular, plural)
    Collection.JOURNEY: (("klantreis", "customer journey"), ("klantreis", "customer journey")),
    Collection.ACTORS: (("betrokkene", "stakeholder"), ("Betrokkenen", "Stakeholders")),
    Collection.SCALES: (("schaal", "scale"), ("Schalen", "Scales")),
    Collection.PHASES: (("fase", "phase"), ("Fases", "Phases")),
    Collection.LANES: (("baan", "lane"), ("Banen", "Lanes")),
    Collection.STEPS: (("stap", "step"), ("Stappen", "Steps")),
    Collection.ACTIONS: (
        ("verbeteractie", "improvement action"),
        ("Verbeteracties", "Improvement actions"),
    ),
    Collection.INSIGHTS: (("inzicht", "insight"), ("Inzichten", "Insights")),
}

FIELDS: dict[str, tuple[str, str]] = {
    "title": ("titel", "title"),
    "name": ("naam", "name"),
    "text": ("tekst", "text"),
    "language": ("taal", "language"),
    "description": ("omschrijving", "description"),
    "iteration": ("iteratie", "iteration"),
    "iteration.label": ("iteratie", "iteration"),
    "iteration.date": ("datum iteratie", "iteration date"),
    "objectives.session": ("doel van de dag", "objective of the day"),
    "objectives.client": ("doel cliënt", "client's objective"),
    "objectives.employee": ("doel medewerker", "employee's objective"),
    "persona": ("persona", "persona"),
    "persona.name": ("persona", "persona"),
    "persona.role": ("rol persona", "persona's role"),
    "persona.description": ("omschrijving persona", "persona's description"),
    "organisation": ("organisatie", "organisation"),
    "minimum": ("minimum", "minimum"),
    "maximum": ("maximum", "maximum"),
    "direction": ("richting", "direction"),
    "labels": ("labels", "labels"),
    "question": ("vraag", "question"),
    "goal": ("doel", "goal"),
    "lead_time": ("doorlooptijd", "lead time"),
    "kind": ("soort", "kind"),
    "actor": ("betrokkene", "stakeholder"),
    "scale": ("schaal", "scale"),
    "phase": ("fase", "phase"),
    "lane": ("baan", "lane"),
    "channels": ("kanalen", "channels"),
    "duration": ("duur", "duration"),
    "ratings": ("scores", "ratings"),
    "pain_points": ("knelpunten", "pain points"),
    "pain_points.client": ("knelpunten cliënt", "pain points for the client"),
    "pain_points.professional": ("knelpunten professional", "pain points for professionals"),
    "moment_of_truth": ("moment van de waarheid", "moment of truth"),
    "quality": ("kwaliteit", "quality"),
    "quality.knowledge": ("kennis", "knowledge"),
    "quality.attitude": ("houding", "attitude"),
    "quality.skills": ("vaardigheden", "skills"),
    "quality.client_focus": ("cliëntgerichtheid", "client focus"),
    "quality.comment": ("toelichting kwaliteit", "comment on quality"),
    "boundaries": ("grenzen in het systeem", "system boundaries"),
    "notes": ("post-its", "post-its"),
    "scope": ("wie", "scope"),
    "theme": ("thema", "theme"),
    "within_mandate": ("binnen eigen bevoegdheid", "within our mandate"),
    "tomorrow": ("morgen al anders", "can change tomorrow"),
    "owner": ("eigenaar", "owner"),
    "due": ("deadline", "due"),
    "status": ("status", "status"),
    "targets": ("doelstappen", "target steps"),
    "ideas": ("verbeterideeën", "improvement ideas"),
    "expected_effect": ("verwacht effect", "expected effect"),
    "author": ("auteur", "author"),
    "date": ("datum", "date"),
    "steps": ("stappen", "steps"),
    "discussed": ("besproken", "discussed"),
    "discussed_on": ("besproken op", "discussed on"),
}


def _pick(pair: tuple[str, str], language: Language) -> str:
    return pair[0] if language is Language.NL else pair[1]


def text(key: str, language: Language, **values: object) -> str:
    """The message *key* in *language*, with *values* filled in.

    When *values* has ``n == 1`` and a message ``key-one`` exists, that one is used.
    """
    if values.get("n") == 1 and f"{key}-one" in MESSAGES:
        key = f"{key}-one"
    return _pick(MESSAGES[key], language).format(**values)


def word(table: dict[object, tuple[str, str]], key: object, language: Language) -> str:
    """The word for *key* in one of this module's tables."""
    return _pick(table[key], language)


def field_name(path: str, language: Language) -> str:
    """The word for a field (or dotted field path); the path itself when it has none."""
    pair = FIELDS.get(path)
    return _pick(pair, language) if pair is not None else path


def collection_name(collection: Collection, language: Language, *, plural: bool = False) -> str:
    """The word for a collection, singular (``stap``) or plural, capitalised (``Stappen``)."""
    return _pick(COLLECTIONS[collection][1 if plural else 0], language)
