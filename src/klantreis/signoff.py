"""Sign-offs: who validated a journey's content, and whether it changed since.

A :func:`fingerprint` covers the content a colleague validates; :func:`sign_off`
records it, and the ``signoff-outdated`` rule warns once the content no longer
matches. The review sheet that a colleague fills in is :mod:`klantreis.review`.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs

from klantreis.model import Journey, SignOff
from klantreis.serialize import to_data

__all__ = ["fingerprint", "outdated_signoffs", "sign_off"]

_SIGNED_FIELDS = (
    "title",
    "id",
    "language",
    "description",
    "objectives",
    "persona",
    "actors",
    "scales",
    "phases",
    "lanes",
    "steps",
)
"""The parts of a journey a colleague validates, and a fingerprint covers."""


def fingerprint(journey: Journey) -> str:
    """A short fingerprint of the content a colleague validates: ``sha256:`` and 16 hex.

    It covers what the review sheet shows: the title, id, language, description,
    objectives, persona, actors, scales, phases, lanes and steps, with the steps'
    notes left out (notes are what reviewers add). Improvement actions, insights,
    the iteration and the sign-offs themselves are not covered: drawing an insight or
    deciding an action does not undo a colleague's validation.

    It is the SHA-256 of the canonical JSON of those parts (as written to files, keys
    sorted, no spaces), shortened to 64 bits, so the same content always gives the
    same fingerprint, whatever the file's layout or comments.

    >>> import klantreis
    >>> from klantreis.signoff import fingerprint
    >>> journey = klantreis.Journey(title="Intake", phases=[klantreis.Phase(name="Aanmelding")])
    >>> fingerprint(journey) == fingerprint(attrs.evolve(journey, insights=()))
    True
    >>> fingerprint(journey)[:7]
    'sha256:'
    """
    content = attrs.evolve(
        journey,
        iteration=None,
        actions=(),
        insights=(),
        signoffs=(),
        steps=tuple(attrs.evolve(s, notes=()) for s in journey.steps),
    )
    data = to_data(content, include_defaults=True)
    covered = {key: data[key] for key in _SIGNED_FIELDS if key in data}
    text = json.dumps(covered, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    import hashlib  # OpenSSL: loaded when a fingerprint is made, not by every validate

    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sign_off(
    journey: Journey,
    who: str,
    *,
    on: dt.date | None = None,
    comment: str | None = None,
) -> Journey:
    """*journey* with a sign-off by *who* on *on* (default today) of its current content.

    >>> import datetime as dt, klantreis
    >>> from klantreis.signoff import fingerprint, sign_off
    >>> journey = sign_off(klantreis.Journey(title="Intake"), "Sanne", on=dt.date(2026, 10, 1))
    >>> journey.signoffs[0].who, journey.signoffs[0].fingerprint == fingerprint(journey)
    ('Sanne', True)
    """
    if not who.strip():
        raise ValueError("a sign-off needs the name of who validated the journey")
    record = SignOff(
        who=who.strip(),
        date=on or dt.date.today(),
        fingerprint=fingerprint(journey),
        comment=comment,
    )
    return attrs.evolve(journey, signoffs=(*journey.signoffs, record))


def outdated_signoffs(journey: Journey) -> list[tuple[int, SignOff]]:
    """The latest sign-off of each colleague whose fingerprint no longer matches.

    Returned with its index in ``journey.signoffs``. An older sign-off by someone
    who signed off again later is not reported.
    """
    if not journey.signoffs:
        return []
    current = fingerprint(journey)
    latest: dict[str, int] = {}
    for i, record in enumerate(journey.signoffs):
        latest[record.who.strip().casefold()] = i
    return [
        (i, journey.signoffs[i])
        for i in sorted(latest.values())
        if journey.signoffs[i].fingerprint != current
    ]
