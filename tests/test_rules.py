"""Domain rules: each violation, injected into a valid journey, is reported where it is."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import (
    Actor,
    ImprovementAction,
    Indicator,
    Insight,
    Journey,
    Lane,
    LaneKind,
    Objectives,
    Persona,
    Phase,
    Rating,
    Scale,
    Step,
)
from klantreis.errors import Severity, format_path
from klantreis.rules import RULES
from klantreis.testing.strategies import hostile_texts, journeys


def complete_journey() -> Journey:
    """A small journey with no errors and no warnings."""
    return Journey(
        title="Schuldhulp",
        persona=Persona(name="Dennis"),
        objectives=Objectives(session="Knelpunten vinden", client="Rust in de schulden"),
        actors=[Actor(name="Schuldhulpverlener")],
        phases=[Phase(name="Aanmelding"), Phase(name="Stabilisatie")],
        steps=[
            Step(title="Belt de gemeente", phase="aanmelding", lane="client"),
            Step(
                title="Voelt zich beschaamd",
                phase="aanmelding",
                lane="experience",
                ratings=[Rating("emotion", (2,))],
            ),
            Step(
                title="Budgetplan",
                phase="stabilisatie",
                lane="stakeholders",
                actor="schuldhulpverlener",
            ),
            Step(title="Terugbelgarantie", phase="stabilisatie", lane="ideas"),
        ],
        actions=[
            ImprovementAction(
                title="Terugbellen binnen een dag",
                owner="Teamleider",
                targets=["belt-de-gemeente"],
                ideas=["terugbelgarantie"],
            ),
        ],
        insights=[
            Insight(
                text="Schaamte remt",
                date=dt.date(2026, 3, 1),
                discussed=True,
                discussed_on=dt.date(2026, 4, 1),
            )
        ],
    )


def located(journey: Journey) -> list[tuple[str, str, str]]:
    return [(p.severity.value, p.code, format_path(p.path)) for p in klantreis.validate(journey)]


def test_the_complete_journey_has_no_problems():
    assert located(complete_journey()) == []


def edit_step(journey: Journey, index: int, **changes) -> Journey:
    steps = list(journey.steps)
    steps[index] = attrs.evolve(steps[index], **changes)
    return attrs.evolve(journey, steps=steps)


def replace(journey: Journey, key: str, index: int, **changes) -> Journey:
    items = list(getattr(journey, key))
    items[index] = attrs.evolve(items[index], **changes)
    return attrs.evolve(journey, **{key: items})


VIOLATIONS = {
    "two steps with the title an action's target has": (
        lambda j: edit_step(j, 1, title="Belt de gemeente"),
        [("warning", "ambiguous-step", "actions[0].targets[0]")],
    ),
    "duplicate phase id": (
        lambda j: replace(j, "phases", 1, id="aanmelding"),
        [
            ("error", "duplicate-id", "phases[1].id"),
            ("error", "unknown-reference", "steps[2].phase"),
            ("error", "unknown-reference", "steps[3].phase"),
        ],
    ),
    "duplicate step id": (
        lambda j: replace(j, "steps", 2, id="belt-de-gemeente"),
        [("error", "duplicate-id", "steps[2].id")],
    ),
    "empty id": (
        lambda j: replace(j, "actors", 0, id=" "),
        [("error", "empty-id", "actors[0].id"), ("error", "unknown-reference", "steps[2].actor")],
    ),
    "an id with a zero-width space, and a reference to it": (
        lambda j: edit_step(replace(j, "phases", 1, id="intake\u200b"), 2, phase="intake\u200b"),
        [
            ("error", "unknown-reference", "steps[3].phase"),
            ("error", "unclear-id", "phases[1].id"),
            ("error", "unclear-id", "steps[2].phase"),
        ],
    ),
    "unknown phase": (
        lambda j: edit_step(j, 0, phase="aanmeldng"),
        [("error", "unknown-reference", "steps[0].phase")],
    ),
    "unknown lane": (
        lambda j: edit_step(j, 0, lane="clients"),
        [("error", "unknown-reference", "steps[0].lane")],
    ),
    "unknown actor": (
        lambda j: edit_step(j, 2, actor="huisarts"),
        [("error", "unknown-reference", "steps[2].actor")],
    ),
    "unknown perspective of a vote": (
        lambda j: edit_step(j, 1, ratings={"emotion": {"client": 2, "mantelzorger": 3}}),
        [("error", "unknown-reference", "steps[1].ratings.emotion.mantelzorger")],
    ),
    "a phase over its norm, and the journey over its norm": (
        lambda j: attrs.evolve(
            replace(j, "phases", 0, lead_time="3-5 weken", norm_lead_time="4 weken"),
            norm_lead_time="1 maand",
        ),
        [
            ("warning", "over-norm", "phases[0].lead_time"),
            ("warning", "over-norm", "norm_lead_time"),
        ],
    ),
    "an indicator measured twice at one step": (
        lambda j: edit_step(
            j,
            0,
            indicators=[Indicator(name="wachttijd", value=3), Indicator(name="wachttijd", value=4)],
        ),
        [("error", "duplicate-indicator", "steps[0].indicators[1].id")],
    ),
    "a sentiment on a step that is no moment of truth": (
        lambda j: edit_step(j, 0, sentiment="negative"),
        [("warning", "sentiment-without-moment", "steps[0].sentiment")],
    ),
    "unknown scale in a rating": (
        lambda j: edit_step(j, 1, ratings=[Rating("emotie", (2,))]),
        [("error", "unknown-reference", "steps[1].ratings.emotie")],
    ),
    "unknown target": (
        lambda j: replace(j, "actions", 0, targets=["belt-de-gemeente", "nope"]),
        [("error", "unknown-reference", "actions[0].targets[1]")],
    ),
    "unknown insight step": (
        lambda j: replace(j, "insights", 0, steps=["nope"]),
        [("error", "unknown-reference", "insights[0].steps[0]")],
    ),
    "unknown lane actor": (
        lambda j: attrs.evolve(
            j, lanes=(*j.lanes, Lane(name="Huisarts", kind=LaneKind.ACTOR, actor="huisarts"))
        ),
        [("error", "unknown-reference", "lanes[11].actor")],
    ),
    "a step in a rating lane": (
        lambda j: edit_step(j, 0, lane="emotion"),
        [("error", "rating-lane", "steps[0].lane")],
    ),
    "a rating lane without scale": (
        lambda j: replace(j, "lanes", 5, scale=None),
        [("error", "rating-lane", "lanes[5]")],
    ),
    "a scale upside down": (
        lambda j: attrs.evolve(j, scales=(*j.scales, Scale(name="Pijn", minimum=5, maximum=1))),
        [("error", "bad-scale", "scales[2].maximum")],
    ),
    "labels that do not fit the scale": (
        lambda j: attrs.evolve(
            j, scales=(*j.scales, Scale(name="Pijn", minimum=1, maximum=3, labels=("a", "b")))
        ),
        [("error", "bad-scale", "scales[2].labels")],
    ),
    "a rating off its scale": (
        lambda j: edit_step(j, 1, ratings=[Rating("emotion", (6,))]),
        [("error", "rating-out-of-range", "steps[1].ratings.emotion")],
    ),
    "one vote off its scale": (
        lambda j: edit_step(j, 1, ratings=[Rating("motivation", (1, 0, 2))]),
        [("error", "rating-out-of-range", "steps[1].ratings.motivation[1]")],
    ),
    "discussed before written": (
        lambda j: replace(j, "insights", 0, discussed_on=dt.date(2026, 1, 1)),
        [("error", "date-order", "insights[0].discussed_on")],
    ),
    "a discussion date on an undiscussed insight": (
        lambda j: replace(j, "insights", 0, discussed=False),
        [("error", "date-order", "insights[0].discussed")],
    ),
    "no persona": (
        lambda j: attrs.evolve(j, persona=None),
        [("warning", "no-persona", "persona")],
    ),
    "no objectives": (
        lambda j: attrs.evolve(j, objectives=Objectives()),
        [
            ("warning", "no-objective", "objectives.session"),
            ("warning", "no-objective", "objectives.client"),
        ],
    ),
    "a phase without steps": (
        lambda j: attrs.evolve(j, phases=(*j.phases, Phase(name="Nazorg"))),
        [("warning", "empty-phase", "phases[2]")],
    ),
    "an unrated experience": (
        lambda j: edit_step(j, 1, ratings=()),
        [("warning", "unrated-experience", "steps[1].ratings")],
    ),
    "an idea without action": (
        lambda j: replace(j, "actions", 0, ideas=()),
        [("warning", "idea-without-action", "steps[3]")],
    ),
    "an idea that is not in the ideas lane": (
        lambda j: replace(j, "actions", 0, ideas=["terugbelgarantie", "budgetplan"]),
        [("warning", "not-an-idea", "actions[0].ideas[1]")],
    ),
    "an action without owner and target": (
        lambda j: replace(j, "actions", 0, owner=None, targets=()),
        [
            ("warning", "incomplete-action", "actions[0].owner"),
            ("warning", "incomplete-action", "actions[0].targets"),
        ],
    ),
    "a control character in a note": (
        lambda j: edit_step(j, 0, description="Belt \x1b[1mdringend\x1b[0m"),
        [("warning", "control-character", "steps[0].description")],
    ),
    "a sign-off of content that changed since": (
        lambda j: attrs.evolve(
            j,
            signoffs=[
                klantreis.SignOff(
                    who="Sanne", date=dt.date(2026, 4, 2), fingerprint="sha256:0000000000000000"
                )
            ],
        ),
        [("warning", "signoff-outdated", "signoffs[0].fingerprint")],
    ),
}


@pytest.mark.parametrize("name", VIOLATIONS)
def test_each_violation_is_reported_at_its_location(name):
    inject, expected = VIOLATIONS[name]
    assert located(inject(complete_journey())) == expected


def test_every_rule_has_a_violation_case():
    tested = {code for _inject, found in VIOLATIONS.values() for _sev, code, _path in found}
    assert {r.code for r in RULES} <= tested


def test_references_suggest_the_id_that_was_meant():
    journey = edit_step(complete_journey(), 0, phase="aanmeldng")
    problem = klantreis.validate(journey).errors[0]
    assert problem.hint == "bedoel je 'aanmelding'?"  # in the journey's language
    assert problem.in_language("en").hint == "did you mean 'aanmelding'?"


@given(journeys(max_steps=6), st.data())
def test_a_dangling_phase_is_reported_at_the_step_in_any_journey(journey, data):
    if not journey.steps:
        return
    index = data.draw(st.integers(0, len(journey.steps) - 1))
    broken = edit_step(journey, index, phase="no-such-phase-" + "x" * 20)
    errors = klantreis.validate(broken).errors
    assert [(p.code, p.path) for p in errors] == [("unknown-reference", ("steps", index, "phase"))]


@given(journeys(max_steps=6), st.data())
def test_a_duplicate_step_id_is_reported_at_the_second_step(journey, data):
    if len(journey.steps) < 2:
        return
    first, second = sorted(
        data.draw(
            st.lists(st.integers(0, len(journey.steps) - 1), min_size=2, max_size=2, unique=True)
        )
    )
    broken = edit_step(journey, second, id=journey.steps[first].id)
    codes = [(p.code, p.path) for p in klantreis.validate(broken).errors]
    assert ("duplicate-id", ("steps", second, "id")) in codes


def test_every_rule_is_documented_with_its_severity():
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "validation.md").read_text(encoding="utf-8")
    for r in RULES:
        assert f"`{r.code}`" in page, r.code
    assert all(r.severity in (Severity.ERROR, Severity.WARNING) for r in RULES)


def test_messages_are_in_the_journey_s_language_and_codes_are_not():
    dutch = klantreis.Journey(title="Schuldhulp")
    english = attrs.evolve(dutch, language=klantreis.Language.EN)
    nl, en = klantreis.validate(dutch), klantreis.validate(english)
    assert nl.codes() == en.codes()
    assert [p.path for p in nl] == [p.path for p in en]
    assert nl.problems[0].message.startswith("geen persona")
    assert en.problems[0].message.startswith("no persona")
    assert klantreis.validate(dutch, language="en") == en
    assert [str(p) for p in nl.in_language("en")] == [str(p) for p in en]
    assert nl.language == "nl"


@given(journey=journeys(text=hostile_texts()))
def test_the_generated_walk_finds_the_texts_the_plan_finds(journey):
    from klantreis.rules import _collect, _flat_strings

    for ids in (True, False):
        expected: list[str] = []
        _collect(journey, expected, ids)  # the plan, read as it goes
        assert _flat_strings(journey, ids=ids) == expected
