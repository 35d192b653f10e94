"""The domain model: immutable values, defaults from the seed, look-ups."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import (
    Direction,
    Duration,
    DurationUnit,
    Journey,
    LaneKind,
    Language,
    Phase,
    Rating,
    Scale,
    Step,
)
from klantreis.testing.strategies import journeys


def test_a_journey_is_immutable():
    journey = Journey(title="Schuldhulp")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        journey.title = "iets anders"  # type: ignore[misc]


def test_sequences_are_stored_as_tuples_so_the_caller_cannot_change_them():
    phases = [Phase(name="Intake")]
    journey = Journey(title="x", phases=phases)
    phases.append(Phase(name="Behandeling"))
    assert journey.phases == (Phase(name="Intake"),)
    assert isinstance(journey.phases, tuple)


@given(journeys())
def test_generated_journeys_are_hashable_and_equal_to_their_copy(journey):
    assert hash(journey) == hash(attrs.evolve(journey))
    assert journey == attrs.evolve(journey)


def test_ids_are_derived_from_titles():
    assert Phase(name="Aanmelding & wachttijd").id == "aanmelding-wachttijd"
    assert Step(title="Cliënt belt", phase="p", lane="client").id == "client-belt"
    assert Journey(title="Depressie (GGZ)").id == "depressie-ggz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intake bij de GGZ", "intake-bij-de-ggz"),
        ("  --Één  twee--  ", "een-twee"),
        ("Ψυχολόγος", "ψυχολογος"),
        ("!!!", "item"),
        ("a_b", "a-b"),
    ],
)
def test_slugify(text, expected):
    assert klantreis.slugify(text) == expected


@given(st.text())
def test_slugify_gives_a_nonempty_id_without_spaces(text):
    slug = klantreis.slugify(text)
    assert slug
    assert not any(c.isspace() for c in slug)
    assert slug == klantreis.slugify(slug)


def test_the_default_template_has_the_seeds_rows_in_both_languages():
    dutch = Journey(title="x")
    english = Journey(title="x", language=Language.EN)
    assert [lane.id for lane in dutch.lanes] == [lane.id for lane in english.lanes]
    assert [lane.kind for lane in dutch.lanes] == [
        LaneKind.CLIENT,
        LaneKind.ACTOR,
        LaneKind.RESOURCES,
        LaneKind.LOCATION,
        LaneKind.EXPERIENCE,
        LaneKind.RATING,
        LaneKind.RATING,
        LaneKind.SYSTEM,
        LaneKind.CRUCIAL_MOMENTS,
        LaneKind.CRUCIAL_CHANGES,
        LaneKind.IDEAS,
    ]
    assert dutch.lane("emotion").scale == "emotion"
    assert dutch.lane("ideas").name == "Verbeterideeën"
    assert english.lane("ideas").name == "Improvement ideas"


def test_the_default_scales_follow_the_seed():
    emotion, motivation = klantreis.default_scales("nl")
    assert (emotion.minimum, emotion.maximum, emotion.direction) == (
        1,
        5,
        Direction.HIGHER_IS_BETTER,
    )
    assert emotion.labels == ("dramatisch", "slecht", "neutraal", "voldaan", "tevreden")
    assert (motivation.minimum, motivation.maximum, motivation.direction) == (
        1,
        4,
        Direction.LOWER_IS_BETTER,
    )
    assert motivation.label(4) == "ik haak af"
    assert motivation.label(2) is None  # the seed leaves 2 without a label
    assert motivation.label(9) is None


def test_direction_decides_what_is_better():
    emotion, motivation = klantreis.default_scales()
    assert emotion.is_better(4, 2)
    assert not emotion.is_better(2, 4)
    assert motivation.is_better(2, 4)  # 4 -> 2 is an improvement on motivation
    assert not motivation.is_better(3, 3)


def test_a_rating_holds_several_votes():
    rating = Rating("emotion", [2, 3, 4])
    assert rating.votes == (2, 3, 4)
    assert rating.value == 3


def test_duration_text():
    assert str(Duration(2, DurationUnit.WEEKS)) == "2 weeks"
    assert str(Duration(4, DurationUnit.WEEKS, 6)) == "4-6 weeks"
    assert str(Duration(1.5, "hours")) == "1.5 hours"
    with pytest.raises(ValueError, match="backwards"):
        Duration(6, DurationUnit.WEEKS, 4)


def test_look_ups():
    journey = Journey(
        title="x",
        phases=[Phase(name="A"), Phase(name="B")],
        steps=[
            Step(title="s1", phase="a", lane="client"),
            Step(title="s2", phase="b", lane="client"),
            Step(title="s3", phase="a", lane="experience"),
        ],
    )
    assert journey.phase("b") == Phase(name="B")
    assert journey.phase("nope") is None
    assert [s.id for s in journey.steps_in(phase="a")] == ["s1", "s3"]
    assert [s.id for s in journey.steps_in(lane="client")] == ["s1", "s2"]
    assert journey.step("s2").phase == "b"
    assert journey.scale("emotion") is not None


def test_labels_in_both_languages():
    assert klantreis.label(klantreis.Scope.OTHERS, "nl") == "Waar we anderen voor nodig hebben"
    assert klantreis.label(klantreis.Status.DONE, "en") == "done"
    assert klantreis.NoteKind.DISAGREEMENT.symbol == "!"


def test_every_enum_member_has_labels_in_both_languages():
    import enum

    from klantreis import model
    from klantreis.templates import LABELS

    enums = [
        obj
        for obj in vars(model).values()
        if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == model.__name__
    ]
    assert len(enums) > 5
    missing = [m for e in enums if e is not Language for m in e if m not in LABELS]
    assert missing == []


def test_scale_points():
    scale = Scale(name="Pijn", minimum=0, maximum=3)
    assert list(scale.points) == [0, 1, 2, 3]
    assert scale.id == "pijn"
