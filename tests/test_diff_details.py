"""Diff details found while building the history: moves credited right, names not ids."""

from __future__ import annotations

import json

import pytest
from attrs import evolve

from klantreis import Journey, Phase, Step, dump
from klantreis.cli import main
from klantreis.compare import (
    Collection,
    DiffFormatError,
    Kind,
    diff,
    diff_from_json,
    diff_to_json,
    patch,
    render_diff,
)


def _journey(*steps: Step) -> Journey:
    return Journey(
        title="Reis",
        phases=[Phase(name="Aanmelding"), Phase(name="Stabilisatie")],
        steps=list(steps),
    )


def _step(title: str, phase: str = "aanmelding") -> Step:
    return Step(title=title, phase=phase, lane="client", description=f"Over {title.lower()}")


def test_a_reorder_is_credited_to_the_step_that_moved_phase():
    s1, s2, s3, s4 = (_step(t) for t in ("Belt", "Wacht", "Schrijft", "Komt"))
    old = _journey(s1, s2, s3, s4)
    moved = evolve(s2, phase="stabilisatie")
    new = _journey(s1, s3, moved, s4)
    d = diff(old, new)
    moves = d.of(Collection.STEPS, Kind.MOVED)
    assert [c.id for c in moves] == ["wacht"]  # no phantom 'moved schrijft'
    (change,) = moves
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("phase", "aanmelding", "stabilisatie")
    ]
    assert (change.old_index, change.new_index) == (1, 2)
    assert patch(old, d) == new
    assert patch(new, d.inverse()) == old


def test_a_plain_reorder_still_moves_the_fewest_steps():
    s1, s2, s3 = (_step(t) for t in ("Belt", "Wacht", "Schrijft"))
    old, new = _journey(s1, s2, s3), _journey(s1, s3, s2)
    d = diff(old, new)
    assert len(d.of(Collection.STEPS, Kind.MOVED)) == 1
    assert patch(old, d) == new


def test_a_title_change_and_a_phase_move_with_derived_ids_is_one_step():
    old = _journey(_step("Belt de huisarts"), _step("Wacht op de intake"))
    retitled = Step(
        title="Belt de huisarts opnieuw",
        phase="stabilisatie",
        lane="client",
        description="Over belt de huisarts",
    )
    assert retitled.id == "belt-de-huisarts-opnieuw"  # derived from the new title
    new = _journey(old.steps[1], retitled)
    d = diff(old, new)
    kinds = sorted(c.kind.value for c in d.of(Collection.STEPS))
    assert kinds == ["changed", "moved", "renamed"]
    assert not d.of(Collection.STEPS, Kind.ADDED)
    assert not d.of(Collection.STEPS, Kind.REMOVED)
    assert patch(old, d) == new


def test_unrelated_steps_in_another_phase_are_still_removed_and_added():
    old = _journey(_step("Belt de huisarts"))
    new = _journey(_step("Ontvangt een brief van de gemeente", phase="stabilisatie"))
    d = diff(old, new)
    assert sorted(c.kind.value for c in d.of(Collection.STEPS)) == ["added", "removed"]


def test_the_report_names_phases_and_lanes_not_their_ids():
    old = _journey(_step("Belt"), _step("Wacht"))
    new = _journey(evolve(old.steps[0], phase="stabilisatie"), old.steps[1], _step("Schrijft"))
    text = render_diff(diff(old, new), "text")
    assert "fase: ‘Aanmelding’ → ‘Stabilisatie’" in text
    assert "in fase Aanmelding, baan Stappen cliënt" in text
    markdown = render_diff(diff(old, new), "markdown")
    assert "‘Aanmelding’ → ‘Stabilisatie’" in markdown
    # a renamed phase: the old side is named as it was
    renamed = evolve(new, phases=[Phase(name="Aanmelden", id="aanmelding"), new.phases[1]])
    assert "‘Aanmelding’ → ‘Stabilisatie’" in render_diff(diff(old, renamed), "text")


def test_the_names_travel_in_the_diff_json():
    old = _journey(_step("Belt"))
    new = _journey(evolve(old.steps[0], phase="stabilisatie"))
    d = diff(old, new)
    data = json.loads(diff_to_json(d))
    assert data["new"]["phases"] == {"aanmelding": "Aanmelding", "stabilisatie": "Stabilisatie"}
    assert data["new"]["lanes"]["client"] == "Stappen cliënt"
    back = diff_from_json(diff_to_json(d))
    assert back.new.name("phase", "stabilisatie") == "Stabilisatie"
    assert render_diff(back, "text") == render_diff(d, "text")
    del data["old"]["phases"], data["new"]["lanes"]  # older documents have no names
    assert diff_from_json(json.dumps(data)).new.name("lane", "client") == "client"
    data["new"]["phases"] = ["aanmelding"]
    # the journeys are Dutch: so is what is wrong with their diff
    with pytest.raises(DiffFormatError, match=r"new\.phases: verwacht een mapping, maar kreeg"):
        diff_from_json(json.dumps(data))
    data["new"]["phases"] = {"aanmelding": 3}
    with pytest.raises(DiffFormatError, match=r"new\.phases\.aanmelding: verwacht tekst"):
        diff_from_json(json.dumps(data))


def test_different_journey_ids_are_warned_about(tmp_path, capsys):
    old = _journey(_step("Belt"))
    new = evolve(old, id="andere-reis")
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    dump(old, a)
    dump(new, b)
    assert main(["diff", str(a), str(b)]) == 1
    err = capsys.readouterr().err
    # in the journeys' language (Dutch), or in --lang
    assert "hebben verschillende klantreis-ids ('reis' en 'andere-reis')" in err
    assert main(["diff", "--lang", "en", str(a), str(b)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("klantreis: warning: ")
    assert "have different journey ids ('reis' and 'andere-reis')" in err
    dump(evolve(new, id="reis"), b)
    main(["diff", str(a), str(b)])
    assert capsys.readouterr().err == ""
