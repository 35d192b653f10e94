"""One set of numbers: the aggregation and the display rounding every output uses.

The property at the end renders one journey as the Markdown report, the diff's text
and Markdown reports and its JSON, reads the numbers back out of each, and compares
them with :mod:`klantreis.aggregate`.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis.aggregate import (
    format_number,
    mean_of_sums,
    nearest_point,
    phase_mean,
    point_label,
    round_half_away,
    step_mean,
)
from klantreis.compare import diff_to_json, render_diff
from klantreis.exporters.common import emotion_scale
from klantreis.testing.strategies import journeys

# --- the definitions -------------------------------------------------------------------


def test_a_step_scores_the_mean_of_its_votes() -> None:
    assert step_mean([2, 3]) == 2.5
    assert step_mean([4]) == 4.0
    assert step_mean([]) is None
    assert step_mean(None) is None  # the side of a rating change without a rating


def test_a_phase_scores_the_mean_of_its_steps_not_of_all_votes() -> None:
    # Pooling the votes would give (1 + 3 + 3 + 3 + 3) / 5 = 2.6: the step four people
    # rated would count four times.
    assert phase_mean([(1,), (3, 3, 3, 3)]) == 2.0
    assert phase_mean([(), (5,)]) == 5.0  # a step without votes does not count
    assert phase_mean([]) is None
    assert phase_mean([()]) is None


@given(st.lists(st.lists(st.integers(-3, 9), max_size=6), max_size=12), st.randoms())
def test_phase_mean_is_exact_and_independent_of_order(
    steps: list[list[int]], random: st.Random
) -> None:
    rated = [s for s in steps if s]
    expected = sum(sum(s) / len(s) for s in rated) / len(rated) if rated else None
    shuffled = list(steps)
    random.shuffle(shuffled)
    got = phase_mean(steps)
    assert got == phase_mean(shuffled)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert math.isclose(got, expected, rel_tol=1e-12, abs_tol=1e-12)


def test_running_sums_give_the_same_mean_as_the_steps() -> None:
    # steps with one vote: 2 and 5; with two votes: (3, 4)
    assert mean_of_sums({1: (7, 2), 2: (7, 1)}) == phase_mean([(2,), (5,), (3, 4)])
    assert mean_of_sums({1: (0, 0)}) is None
    assert mean_of_sums({}) is None


# --- display ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (2.25, "2,3", "2.3"),  # half-to-even would give 2,2
        (2.35, "2,4", "2.4"),
        (2.05, "2,1", "2.1"),  # the float lies a hair below 2.05
        (41 / 20, "2,1", "2.1"),
        (-2.25, "-2,3", "-2.3"),  # away from zero, not up
        (-0.04, "0", "0"),  # never "-0"
        (2.5, "2,5", "2.5"),
        (3.0, "3", "3"),
        (2.96, "3", "3"),
        (8 / 3, "2,7", "2.7"),
        (1234567.0, "1234567", "1234567"),
    ],
)
def test_numbers_round_half_away_from_zero_in_both_languages(
    value: float, nl: str, en: str
) -> None:
    assert format_number(value, "nl") == nl
    assert format_number(value, klantreis.Language.EN) == en


def test_numbers_that_are_not_numbers_show_a_dash() -> None:
    assert format_number(float("nan"), "nl") == "–"
    assert format_number(float("inf"), "en") == "–"
    assert round_half_away(1e300, 1) == Decimal(repr(1e300))  # no InvalidOperation


@pytest.mark.parametrize(
    ("value", "point"), [(2.5, 3), (3.5, 4), (2.46, 3), (2.44, 2), (-1.5, -2), (-0.5, -1)]
)
def test_a_mean_belongs_to_the_point_nearest_the_number_shown(value: float, point: int) -> None:
    assert nearest_point(value) == point


def test_the_label_of_a_mean_is_that_of_its_nearest_point() -> None:
    scale = klantreis.Scale(name="Emotie", minimum=1, maximum=5, labels=("a", "b", "c", "d", "e"))
    # 2,5 and 3,5 now both go up; before, 2,5 was "b" beside 3,5 "d"
    assert point_label(scale, 2.5) == "c"
    assert point_label(scale, 3.5) == "d"
    assert point_label(scale, 9.0) is None  # off the scale
    assert point_label(scale, float("nan")) is None
    with pytest.raises(ValueError, match="no scale point"):
        nearest_point(float("nan"))


def test_the_markdown_report_and_the_diff_give_the_same_phase_mean() -> None:
    """The example journey's phase 2: pooled votes gave 1,7 in the report, the diff 1,9."""
    journey = klantreis.load("examples/depressie-ggz-2026-voorjaar.yaml")
    report = klantreis.export(journey, "markdown")
    assert isinstance(report, str)
    d = klantreis.diff(journey, journey)
    phase = d.phases[1]
    cell = next(c for c in phase.scales if c.scale == "emotion")
    assert cell.new_mean is not None
    shown = format_number(cell.new_mean, "nl")
    assert shown == "1,9"
    assert f"| 2 | {phase.name.replace('&', '&amp;')} |" in report
    row = next(line for line in report.splitlines() if line.startswith("| 2 | "))
    assert row.endswith(f"| {shown} (slecht) |")


# --- every output shows the same numbers ----------------------------------------------


def _plain(journey: klantreis.Journey) -> klantreis.Journey:
    """*journey* with names the parsers below can find: phases ``F0x``, scales ``Sa``,
    labels ``pt<point>``."""
    return evolve(
        journey,
        phases=[evolve(p, name=f"F{i}x") for i, p in enumerate(journey.phases)],
        scales=[
            evolve(s, name=f"S{chr(97 + i)}", labels=tuple(f"pt{v}" for v in s.points))
            for i, s in enumerate(journey.scales)
        ],
    )


def _expected_means(journey: klantreis.Journey) -> dict[tuple[str, str], float]:
    out = {}
    for phase in journey.phases:
        for scale in journey.scales:
            mean = phase_mean(
                r.votes
                for s in journey.steps_in(phase=phase.id)
                for r in s.ratings
                if r.scale == scale.id
            )
            if mean is not None:
                out[phase.id, scale.id] = mean
    return out


@st.composite
def _iterations(draw: st.DrawFn) -> tuple[klantreis.Journey, klantreis.Journey]:
    """A journey and an earlier iteration of it with some steps' ratings taken away, so
    the diff updates its running sums for those steps."""
    new = _plain(draw(journeys(max_steps=12)))
    unrated = draw(st.sets(st.sampled_from([s.id for s in new.steps]))) if new.steps else set()
    old = evolve(new, steps=[evolve(s, ratings=()) if s.id in unrated else s for s in new.steps])
    return old, new


_RATING = re.compile(r"(S[a-z]): (-?\d+(?:[.,]\d)?) (?:gem\.|mean) \(([-\d, ]+)\)(?: – (pt-?\d+))?")


@given(_iterations())
def test_every_output_shows_the_same_numbers(pair: tuple[klantreis.Journey, ...]) -> None:
    old, new = pair
    lang = new.language
    show = lambda v: "–" if v is None else format_number(v, lang)  # noqa: E731
    old_means, new_means = _expected_means(old), _expected_means(new)

    # The Markdown report: the overview's phase means and every step's mean.
    report = klantreis.export(new, "markdown")
    assert isinstance(report, str)
    scale = emotion_scale(new)
    if scale is not None:
        for n, phase in enumerate(new.phases, 1):
            row = next(line for line in report.splitlines() if line.startswith(f"| {n} | F"))
            cell = row.rstrip()[:-1].rsplit("|", 1)[-1].strip().split("<br>")[0]
            mean = new_means.get((phase.id, scale.id))
            if mean is None:
                assert cell == ""
            else:
                assert cell == f"{show(mean)} (pt{nearest_point(mean)})"
    for _, number, votes, shown_label in _RATING.findall(report):
        mean = step_mean([int(v) for v in votes.split(", ")])
        assert mean is not None
        assert number == show(mean)
        assert shown_label == f"pt{nearest_point(mean)}"

    # The diff: its records, its JSON, its text and Markdown reports.
    d = klantreis.diff(old, new)
    data = json.loads(diff_to_json(d))
    text, markdown = render_diff(d, "text"), render_diff(d, "markdown")
    pairs = [(p, c) for p in d.phases for c in p.scales]
    assert len(pairs) == len(set(old_means) | set(new_means))
    for (phase, cell), (_, cell_data) in zip(
        pairs,
        [(p, c) for p in data["summary"]["phases"] for c in p["scales"]],
        strict=True,
    ):
        assert phase.phase is not None
        assert cell.old_mean == old_means.get((phase.phase, cell.scale))
        assert cell.new_mean == new_means.get((phase.phase, cell.scale))
        assert cell_data["old_mean"] == cell.old_mean
        assert cell_data["new_mean"] == cell.new_mean
        if d.is_empty:
            continue  # the reports say "no changes" and nothing more
        shown = f"{cell.name} {show(cell.old_mean)} → {show(cell.new_mean)} "
        line = next(x for x in text.splitlines() if x.strip().startswith(f"{phase.name} "))
        assert shown in line
        row = next(x for x in markdown.splitlines() if x.startswith(f"| {phase.name} |"))
        assert f"{show(cell.old_mean)} → {show(cell.new_mean)} " in row
