"""The insights jar: reproducible draws, never a discussed insight first, marking that
changes only that insight, and the command that writes it back without losing data."""

from __future__ import annotations

import datetime as dt
import shutil

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import Insight, Journey
from klantreis.cli import main
from klantreis.insights import InsightError, draw, mark_discussed, related_steps, undiscussed
from klantreis.testing.strategies import journeys

JARS = journeys(max_steps=4, max_actions=1, max_insights=6)


def jar(*discussed: bool) -> Journey:
    return Journey(
        title="Jar",
        insights=[Insight(text=f"Inzicht {n}", discussed=d) for n, d in enumerate(discussed)],
    )


@given(JARS, st.integers())
def test_a_seeded_draw_is_reproducible_and_independent_of_order(journey, seed):
    first = draw(journey, rng_seed=seed)
    assert draw(journey, rng_seed=seed) == first
    shuffled = attrs.evolve(journey, insights=tuple(reversed(journey.insights)))
    assert draw(shuffled, rng_seed=seed) == first


@given(JARS, st.integers() | st.none())
def test_never_a_discussed_insight_while_undiscussed_ones_remain(journey, seed):
    drawn = draw(journey, rng_seed=seed)
    if undiscussed(journey):
        assert drawn is not None
        assert not drawn.discussed
        assert drawn in journey.insights
    else:
        assert drawn is None


def test_every_undiscussed_insight_can_come_out():
    journey = jar(False, True, False, False)
    drawn = {draw(journey, rng_seed=seed).text for seed in range(60)}
    assert drawn == {"Inzicht 0", "Inzicht 2", "Inzicht 3"}


def test_when_all_were_discussed_again_draws_the_longest_ago():
    journey = attrs.evolve(
        jar(True, True, True),
        insights=[
            attrs.evolve(i, discussed_on=dt.date(2026, 1, n + 1))
            for n, i in enumerate(jar(True, True, True).insights)
        ],
    )
    assert draw(journey) is None
    assert draw(journey, rng_seed=5, again=True).text == "Inzicht 0"
    assert draw(Journey(title="Leeg"), again=True) is None


@given(JARS, st.data())
def test_marking_discussed_changes_only_that_insight(journey, data):
    if not journey.insights:
        return
    target = data.draw(st.sampled_from(journey.insights))
    on = data.draw(st.dates(dt.date(2026, 1, 1), dt.date(2031, 12, 31)))
    after = mark_discussed(journey, target.id, on=on)
    index = journey.insights.index(target)
    expected = list(journey.insights)
    expected[index] = attrs.evolve(target, discussed=True, discussed_on=on)
    assert after == attrs.evolve(journey, insights=tuple(expected))
    # and through the file format: load(after) equals load(before) with that one field changed
    before_loaded = klantreis.loads(klantreis.dumps(journey), check=False)
    after_loaded = klantreis.loads(klantreis.dumps(after), check=False)
    assert after_loaded == mark_discussed(before_loaded, target.id, on=on)


def test_an_unknown_insight_is_named_with_a_hint():
    journey = jar(False)
    with pytest.raises(InsightError, match=r"no insight has the id 'inzicht-1'; did you mean"):
        mark_discussed(journey, "inzicht-1")


def test_related_steps_come_in_the_insights_order(examples):
    journey = klantreis.load(examples / "debt-counselling-en.yaml")
    insight = next(i for i in journey.insights if i.steps)
    assert [s.id for s in related_steps(journey, insight)] == list(insight.steps)


# --- the command ----------------------------------------------------------------------


@pytest.fixture
def journey_file(tmp_path, examples):
    path = tmp_path / "reis.yaml"
    shutil.copy(examples / "debt-counselling-en.yaml", path)
    return path


def test_draw_prints_the_insight_its_steps_and_the_questions(journey_file, capsys):
    assert main(["insights", "draw", str(journey_file), "--seed", "3"]) == 0
    out = capsys.readouterr().out
    journey = klantreis.load(journey_file)
    drawn = draw(journey, rng_seed=3)
    assert drawn.text in out
    for step in related_steps(journey, drawn):
        assert f"({step.id})" in out
    assert "What makes this insight valuable to you?" in out


def test_a_dutch_journey_draws_and_lists_in_dutch(examples, capsys):
    dutch = str(examples / "depressie-ggz-2026-voorjaar.yaml")
    assert main(["insights", "draw", dutch, "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Uit de pot (")
    assert "\nBespreek:\n" in out
    assert "From the jar" not in out
    assert "Discuss:" not in out
    assert main(["insights", "list", dutch]) == 0
    listing = capsys.readouterr().out
    assert "(niet besproken)" in listing
    assert "not discussed" not in listing
    assert main(["insights", "list", "--lang", "en", dutch]) == 0
    assert "(not discussed)" in capsys.readouterr().out


def test_mark_discussed_writes_back_only_that_field_and_keeps_a_backup(journey_file, capsys):
    # The shipped example is canonical; a comment below the opening block is not kept.
    journey_file.write_text(
        journey_file.read_text(encoding="utf-8") + "# nog bespreken met Priya\n",
        encoding="utf-8",
    )
    before_text = journey_file.read_text(encoding="utf-8")
    before = klantreis.load(journey_file)
    drawn = draw(before, rng_seed=3)
    argv = ["insights", "draw", str(journey_file), "--seed", "3", "--mark-discussed"]
    assert main([*argv, "--date", "2026-10-08"]) == 0
    err = capsys.readouterr().err
    assert f"marked {drawn.id!r} as discussed on 2026-10-08" in err
    assert "reis.yaml.bak" in err
    after = klantreis.load(journey_file)
    assert after == mark_discussed(before, drawn.id, on=dt.date(2026, 10, 8))
    assert journey_file.with_name("reis.yaml.bak").read_text(encoding="utf-8") == before_text
    text = journey_file.read_text(encoding="utf-8")
    assert text.startswith(before_text.split("\nformat_version")[0])  # the header is kept
    # the file is canonical now: the next rewrite keeps no backup of it
    journey_file.with_name("reis.yaml.bak").unlink()
    assert main([*argv, "--date", "2026-10-09"]) == 0
    assert "updated" in capsys.readouterr().err
    assert not journey_file.with_name("reis.yaml.bak").exists()


def test_an_empty_jar_says_so(tmp_path, capsys):
    path = tmp_path / "leeg.yaml"
    klantreis.dump(Journey(title="Leeg"), path)
    assert main(["insights", "draw", str(path)]) == 1
    assert "de pot is leeg" in capsys.readouterr().err  # the journey is Dutch
    assert main(["insights", "draw", "--lang", "en", str(path)]) == 1
    assert "the jar is empty" in capsys.readouterr().err
    klantreis.dump(jar(True), path)
    assert main(["insights", "draw", str(path)]) == 1
    assert "--again" in capsys.readouterr().err
    assert main(["insights", "draw", str(path), "--again"]) == 0


def test_list_shows_every_insight(journey_file, capsys):
    assert main(["insights", "list", str(journey_file)]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(klantreis.load(journey_file).insights)
