"""What the built-in exporters share: numbers, ratings and durations as people write them.

Not an exporter: the built-in exporters import this module, the model, the
templates and :mod:`klantreis.words`, and never each other.
"""

from __future__ import annotations

import math
import re

from klantreis import words
from klantreis.aggregate import format_number, point_label
from klantreis.model import Duration, Journey, Language, Rating, Scale

__all__ = [
    "duration_text",
    "emotion_scale",
    "goodness",
    "number",
    "rating_text",
    "strip_controls",
]


def number(value: float, language: Language | str) -> str:
    """A number as people in *language* write it: ``2,5`` in Dutch, ``2.5`` in English.

    One decimal at most, halves away from zero (:func:`klantreis.aggregate.format_number`).
    """
    return format_number(value, language)


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
        return words.text("export.not_rated", language)
    mean = rating.value
    label = point_label(scale, mean) if scale is not None else None
    shown = ", ".join(str(v) for v in votes)
    text = f"{number(mean, language)} {words.text('export.mean', language)} ({shown})"
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
