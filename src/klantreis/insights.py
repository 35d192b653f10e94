"""The insights jar (*inzichtenpot*): draw an insight that was not discussed yet.

The seed's fourth step: write down the insights the journey gave, put them all in a
jar, take one out and discuss it; now and then take one out again. :func:`draw`
takes one at random (reproducibly, with a seed) and never one already discussed
while undiscussed ones remain; :func:`mark_discussed` records the date it was
discussed. Both work on a :class:`~klantreis.Journey` and change nothing in place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import random

import attrs

from klantreis.errors import KlantreisError
from klantreis.model import Insight, Journey, Step

__all__ = ["InsightError", "draw", "mark_discussed", "related_steps", "undiscussed"]


class InsightError(KlantreisError, LookupError):
    """The insight asked for is not in the jar."""


def undiscussed(journey: Journey) -> tuple[Insight, ...]:
    """The insights not discussed yet, in the order of the file."""
    return tuple(i for i in journey.insights if not i.discussed)


def draw(
    journey: Journey, *, rng_seed: int | str | None = None, again: bool = False
) -> Insight | None:
    """Take an insight out of the jar at random: one that was not discussed yet.

    With *rng_seed* the draw is reproducible: the same journey and seed give the
    same insight, whatever the order of the insights in the file. ``None`` when the
    jar is empty, or when every insight has been discussed, unless *again* is true:
    then one of the discussed insights comes out again (the seed: *haal van tijd tot
    tijd een inzicht opnieuw uit de pot*), the ones discussed longest ago first.

    >>> import klantreis
    >>> from klantreis.insights import draw
    >>> jar = klantreis.Journey(title="x", insights=[
    ...     klantreis.Insight(text="Schaamte remt", discussed=True),
    ...     klantreis.Insight(text="Wachten is het zwaarst"),
    ... ])
    >>> draw(jar, rng_seed=1).text
    'Wachten is het zwaarst'
    """
    pool = sorted(undiscussed(journey), key=_order)
    if not pool and again and journey.insights:
        oldest = min(_discussed_day(i) for i in journey.insights)
        pool = sorted((i for i in journey.insights if _discussed_day(i) == oldest), key=_order)
    if not pool:
        return None
    return random.Random(rng_seed).choice(pool)


def _order(insight: Insight) -> tuple[str, str]:
    return insight.id, insight.text


def _discussed_day(insight: Insight) -> dt.date:
    return insight.discussed_on or dt.date.min


def related_steps(journey: Journey, insight: Insight) -> list[Step]:
    """The steps *insight* is about, in the order it names them (unknown ids left out)."""
    steps = {s.id: s for s in journey.steps}
    return [steps[s] for s in insight.steps if s in steps]


def mark_discussed(journey: Journey, insight_id: str, *, on: dt.date | None = None) -> Journey:
    """*journey* with the insight *insight_id* marked discussed on *on* (default today).

    Nothing else changes: every other insight, and every other field of this one,
    stays as it was. Discussing an insight again moves its date. Raises
    :class:`InsightError` (naming the id probably meant) when there is no such
    insight.

    >>> import datetime as dt, klantreis
    >>> from klantreis.insights import mark_discussed
    >>> jar = klantreis.Journey(title="x", insights=[klantreis.Insight(text="Schaamte remt")])
    >>> insight = mark_discussed(jar, "schaamte-remt", on=dt.date(2026, 10, 1)).insights[0]
    >>> insight.discussed, insight.discussed_on
    (True, datetime.date(2026, 10, 1))
    """
    matches = [n for n, i in enumerate(journey.insights) if i.id == insight_id]
    if not matches:
        ids = [i.id for i in journey.insights]
        close = difflib.get_close_matches(insight_id, ids, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise InsightError(f"no insight has the id {insight_id!r}{hint}")
    if len(matches) > 1:
        raise InsightError(f"{len(matches)} insights have the id {insight_id!r}; make ids unique")
    index = matches[0]
    insights = list(journey.insights)
    insights[index] = attrs.evolve(
        insights[index], discussed=True, discussed_on=on or dt.date.today()
    )
    return attrs.evolve(journey, insights=tuple(insights))
