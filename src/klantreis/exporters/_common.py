"""What the built-in exporters share: headings in Dutch and English, rating helpers.

Not an exporter: the built-in exporters import this module, the model and the
templates, and never each other.
"""

from __future__ import annotations

import math
import re

from klantreis.model import Duration, Journey, Language, Rating, Scale

__all__ = [
    "WORDS",
    "duration_text",
    "emotion_scale",
    "goodness",
    "number",
    "rating_text",
    "strip_controls",
    "word",
]

WORDS: dict[str, tuple[str, str]] = {
    "iteration": ("Iteratie", "Iteration"),
    "persona": ("Persona", "Persona"),
    "objective_session": ("Doelstelling van de dag", "Objective of the day"),
    "objective_client": ("Doelstelling cliënt", "Client's objective"),
    "objective_employee": ("Doelstelling medewerker", "Employee's objective"),
    "overview": ("Overzicht", "Overview"),
    "phase": ("Fase", "Phase"),
    "phases": ("Fases", "Phases"),
    "goal": ("Doel", "Goal"),
    "goal_per_phase": ("Doel per fase", "Goal per phase"),
    "lead_time": ("Doorlooptijd", "Lead time"),
    "steps": ("Stappen", "Steps"),
    "lane": ("Baan", "Lane"),
    "step": ("Stap", "Step"),
    "ratings": ("Scores", "Ratings"),
    "pain_points": ("Knelpunten", "Pain points"),
    "pain_client": ("cliënt", "client"),
    "pain_professional": ("professional", "professional"),
    "notes": ("Post-its", "Notes"),
    "moment_of_truth": ("Moment van de waarheid", "Moment of truth"),
    "actions": ("Verbeteracties", "Improvement actions"),
    "action": ("Actie", "Action"),
    "theme": ("Thema", "Theme"),
    "owner": ("Eigenaar", "Owner"),
    "due": ("Wanneer", "Due"),
    "status": ("Status", "Status"),
    "targets": ("Voor de stappen", "For the steps"),
    "expected_effect": ("Verwacht effect", "Expected effect"),
    "tomorrow": ("kan morgen al", "can change tomorrow"),
    "within_mandate": ("binnen eigen mandaat", "within our mandate"),
    "outside_mandate": ("buiten eigen mandaat", "outside our mandate"),
    "insights": ("Inzichten", "Insights"),
    "insight": ("Inzicht", "Insight"),
    "author": ("Door", "By"),
    "date": ("Datum", "Date"),
    "discussed": ("Besproken", "Discussed"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "no_steps": ("Nog geen stappen in deze fase.", "No steps in this phase yet."),
    "no_actions": ("Nog geen verbeteracties.", "No improvement actions yet."),
    "channels": ("kanalen", "channels"),
    "duration": ("duur", "duration"),
    "quality": ("kwaliteit", "quality"),
    "knowledge": ("kennis", "knowledge"),
    "attitude": ("houding", "attitude"),
    "skills": ("vaardigheden", "skills"),
    "client_focus": ("klantgerichtheid", "client focus"),
    "boundaries": ("grenzen in het systeem", "system boundaries"),
    "why": ("waarom", "why"),
    "options": ("andere mogelijkheden", "other options"),
    "suggestion": ("suggestie", "suggestion"),
    "mean": ("gem.", "mean"),
    "votes": ("stemmen", "votes"),
    "scales": ("Schalen", "Scales"),
    "legend": ("Legenda", "Legend"),
    "not_rated": ("geen score", "not rated"),
    "curve": ("Emotiecurve", "Emotion curve"),
    "improves": ("verbetert", "improves"),
    "description": ("Beschrijving", "Description"),
}
"""Headings and words of the exports: ``(dutch, english)``."""


def word(key: str, language: Language | str) -> str:
    """The word *key* of :data:`WORDS` in *language*."""
    nl, en = WORDS[key]
    return nl if Language(language) is Language.NL else en


def number(value: float, language: Language | str) -> str:
    """A number as people in *language* write it: ``2,5`` in Dutch, ``2.5`` in English."""
    text = f"{value:.1f}".rstrip("0").rstrip(".") if not float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if Language(language) is Language.NL else text


def emotion_scale(journey: Journey) -> Scale | None:
    """The scale that colours the map: ``emotion`` when there is one, else the first."""
    return journey.scale("emotion") or (journey.scales[0] if journey.scales else None)


def goodness(scale: Scale, value: float) -> float:
    """Where *value* lies on *scale* from 0 (worst end) to 1 (best end), clamped."""
    span = scale.maximum - scale.minimum
    if span <= 0 or math.isnan(value):
        return 0.5
    t = min(1.0, max(0.0, (value - scale.minimum) / span))
    return t if scale.is_better(scale.maximum, scale.minimum) else 1.0 - t


def rating_text(scale: Scale | None, rating: Rating, language: Language | str) -> str:
    """``2 (slecht)``, or for several votes ``2,7 gem. (3, 2, 3)``."""
    votes = rating.votes
    if len(votes) == 1:
        label = scale.label(votes[0]) if scale is not None else None
        return f"{votes[0]}" + (f" ({label})" if label else "")
    if not votes:
        return word("not_rated", language)
    mean = rating.value
    label = scale.label(round(mean)) if scale is not None else None
    shown = ", ".join(str(v) for v in votes)
    text = f"{number(mean, language)} {word('mean', language)} ({shown})"
    return text + (f" – {label}" if label else "")


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """*text* without control characters; tabs, newlines and carriage returns stay."""
    return _CONTROLS.sub("", text)


def duration_text(duration: Duration, language: Language | str) -> str:
    """A duration in *language*: ``2-4 weken``, ``45 minutes``."""
    amount = number(duration.amount, language)
    if duration.up_to is not None:
        amount += "-" + number(duration.up_to, language)
    unit = duration.text(language).split(" ", 1)[1]  # singular or plural, as the model says
    return f"{amount} {unit}"
