"""One set of numbers: how klantreis counts ratings, and how it shows the result.

Every output (the Markdown report, CSV, the wall map, ``klantreis diff`` and its
effect report, review sheets) takes its numbers from here, so the same journey shows
the same numbers everywhere:

- A step's score on a scale is the mean of its votes (:func:`step_mean`).
- A phase's score on a scale is the mean of the scores of its rated steps
  (:func:`phase_mean`): each step counts once, however many people voted on it. How
  many people stood at the wall is an accident of the session; a step where eight
  people voted does not weigh eight times as much as a step one person rated.
- A score is shown to one decimal, halves rounded away from zero: 2.25 is ``2,3`` in a
  Dutch journey and ``2.3`` in an English one (:func:`format_number`).
- A mean gets the label of the scale point nearest to the number shown, halves away
  from zero: ``2,5`` is labelled as point 3 (:func:`nearest_point`).

The means are computed exactly (with fractions, from integer sums) and then rounded
once to a float, so they do not depend on the order of the steps, and a phase whose
ratings did not change has exactly the same mean in two iterations.

>>> phase_mean([(2,), (3, 4, 4, 4)])  # the steps' means are 2 and 3.75
2.875
>>> format_number(2.875, "nl"), format_number(2.25, "en"), nearest_point(2.5)
('2,9', '2.3', 3)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from klantreis.model import Duration, DurationUnit, Language, Phase, Rating, Scale

__all__ = [
    "format_number",
    "mean_of_sums",
    "nearest_point",
    "over_norm",
    "perspective_means",
    "phase_mean",
    "point_label",
    "round_half_away",
    "step_mean",
    "total_lead_time",
]

# Enough digits for any float written out in full (the largest is about 1.8e308).
_CONTEXT = Context(prec=400, rounding=ROUND_HALF_UP)


def step_mean(votes: Sequence[int] | None) -> float | None:
    """The score of one step on one scale: the mean of its votes; ``None`` without votes
    (or for ``None``: the side of a rating change where the step had no rating).

    >>> step_mean([3, 2, 3])
    2.6666666666666665
    """
    return sum(votes) / len(votes) if votes else None


def mean_of_sums(sums: Mapping[int, tuple[int, int]]) -> float | None:
    """The mean of step means, from running sums; ``None`` when no step counts.

    *sums* maps a number of votes *n* to ``(total, steps)``: the sum of all votes of the
    steps with *n* votes, and how many such steps there are. Keeping integer sums lets
    a caller add and remove steps exactly (``klantreis diff`` updates the new
    iteration's sums from the old one's); this function is the one place they become
    a mean.

    >>> mean_of_sums({1: (2, 1), 4: (15, 1)})
    2.875
    """
    steps = 0
    total = Fraction(0)
    for n, (votes_sum, count) in sums.items():
        if n > 0 and count:
            steps += count
            total += Fraction(votes_sum, n)
    return float(total / steps) if steps else None


def phase_mean(steps: Iterable[Sequence[int]]) -> float | None:
    """The score of a group of steps (a phase) on one scale: the mean of the steps' means.

    *steps* gives each step's votes on the scale; steps without votes do not count.
    ``None`` when no step has a vote.

    >>> phase_mean([(1, 2), (), (4,)])
    2.75
    """
    sums: dict[int, tuple[int, int]] = {}
    for votes in steps:
        n = len(votes)
        if n:
            total, count = sums.get(n, (0, 0))
            sums[n] = (total + sum(votes), count + 1)
    return mean_of_sums(sums)


def perspective_means(ratings: Iterable[Rating | None]) -> dict[str, float]:
    """The score of a group of steps on one scale per perspective: for each perspective,
    the mean of the steps' means of its votes (:func:`phase_mean`, one perspective at a
    time), in the order the perspectives first appear.

    *ratings* gives each step's rating on the scale (``None`` for a step without one).
    Votes without a perspective count in the overall mean only, so a journey whose
    votes carry none gets ``{}``.

    >>> from klantreis.model import Rating
    >>> perspective_means([
    ...     Rating.of("emotion", {"client": [2, 3], "medewerker": 4}),
    ...     Rating.of("emotion", {"client": 4}),
    ...     Rating("emotion", (1,)),
    ... ])
    {'client': 3.25, 'medewerker': 4.0}
    """
    groups: dict[str, list[tuple[int, ...]]] = {}
    for rating in ratings:
        if rating is not None and rating.perspectives:
            for perspective, votes in rating.by_perspective().items():
                groups.setdefault(perspective, []).append(votes)
    means = {p: phase_mean(steps) for p, steps in groups.items()}
    return {p: m for p, m in means.items() if m is not None}


_MINUTES: dict[DurationUnit, float] = {
    DurationUnit.MINUTES: 1,
    DurationUnit.HOURS: 60,
    DurationUnit.DAYS: 24 * 60,
    DurationUnit.WEEKS: 7 * 24 * 60,
    DurationUnit.MONTHS: 365.25 / 12 * 24 * 60,
    DurationUnit.YEARS: 365.25 * 24 * 60,
}
"""Each unit in minutes; a month is a twelfth of a year of 365.25 days."""


def _in(unit: DurationUnit, duration: Duration) -> tuple[float, float | None]:
    factor = _MINUTES[duration.unit] / _MINUTES[unit]
    if factor == 1:
        return duration.amount, duration.up_to
    up_to = None if duration.up_to is None else duration.up_to * factor
    return duration.amount * factor, up_to


def total_lead_time(phases: Iterable[Phase]) -> Duration | None:
    """The lead time of a journey: the phases' lead times added up; ``None`` when no
    phase has one (a phase without a lead time adds nothing).

    Ranges add up as ranges (the short ends, and the long ends). In the unit the phases
    share; when they differ, in the smallest unit among them (a month counts as a
    twelfth of 365.25 days).

    >>> from klantreis.model import Phase
    >>> total_lead_time([Phase(name="Aanmelding", lead_time="1-2 weken"),
    ...                  Phase(name="Intake", lead_time="4 weken"), Phase(name="Nazorg")])
    Duration(amount=5.0, unit=<DurationUnit.WEEKS: 'weeks'>, up_to=6.0)
    >>> str(total_lead_time([Phase(name="a", lead_time="1 week"),
    ...                      Phase(name="b", lead_time="3 dagen")]))
    '10 days'
    """
    times = [p.lead_time for p in phases if p.lead_time is not None]
    if not times:
        return None
    unit = min((t.unit for t in times), key=_MINUTES.__getitem__)
    low = high = 0.0
    ranged = False
    for time in times:
        amount, up_to = _in(unit, time)
        low += amount
        high += amount if up_to is None else up_to
        ranged = ranged or up_to is not None
    return Duration(low, unit, high if ranged and high != low else None)


def over_norm(lead_time: Duration, norm: Duration) -> bool:
    """Whether *lead_time* can run over *norm*: its long end is longer than the norm's.

    A lead time of 3-5 weeks can run over a norm of 4 weeks; 4 weeks does not.

    >>> over_norm(Duration.parse("3-5 weken"), Duration.parse("4 weken"))
    True
    >>> over_norm(Duration.parse("28 dagen"), Duration.parse("4 weken"))
    False
    """

    def longest(d: Duration) -> float:
        return (d.amount if d.up_to is None else d.up_to) * _MINUTES[d.unit]

    return longest(lead_time) > longest(norm) * (1 + 1e-12)


def round_half_away(value: float, digits: int = 1) -> Decimal:
    """*value* rounded to *digits* decimals, halves away from zero, as a :class:`~decimal.Decimal`.

    The float is read as the shortest decimal that gives it back (``repr``), so a mean
    of 2.05 rounds to 2.1 even though the nearest binary float lies a hair below it.

    >>> round_half_away(2.25), round_half_away(-2.25), round_half_away(2.5, 0)
    (Decimal('2.3'), Decimal('-2.3'), Decimal('3'))
    """
    exact = Decimal(repr(float(value)))
    if not exact.is_finite():
        return exact
    return exact.quantize(Decimal(1).scaleb(-digits), context=_CONTEXT)


def format_number(value: float, language: Language | str, digits: int = 1) -> str:
    """*value* as people in *language* read it: one decimal at most, halves away from
    zero, ``2,5`` in Dutch and ``2.5`` in English; whole numbers without decimals.

    >>> format_number(3.0, "nl"), format_number(2.45, "nl"), format_number(-0.04, "en")
    ('3', '2,5', '0')
    """
    shown = round_half_away(value, digits)
    if not shown.is_finite():
        return "–"
    if shown == 0:
        shown = abs(shown)  # no "-0"
    text = f"{shown:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if Language(language) is Language.NL else text


def nearest_point(value: float) -> int:
    """The whole scale point nearest to *value* as shown (one decimal), halves away from zero.

    Rounding the shown number, not the exact mean, keeps a label next to its number:
    a mean of 2.46 is shown as ``2,5`` and so belongs to point 3.

    >>> nearest_point(2.46), nearest_point(2.44), nearest_point(-1.5)
    (3, 2, -2)
    """
    shown = round_half_away(value, 1)
    if not shown.is_finite():
        raise ValueError(f"no scale point is nearest to {value!r}")
    return int(shown.quantize(Decimal(1), context=_CONTEXT))


def point_label(scale: Scale, value: float) -> str | None:
    """The label of the point of *scale* nearest to *value* (see :func:`nearest_point`),
    or ``None`` when that point has none or *value* is not a number."""
    if math.isnan(value) or math.isinf(value):
        return None
    return scale.label(nearest_point(value))
