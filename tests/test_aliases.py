"""Values as the facilitator says them: Dutch words read as the canonical values."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given

import klantreis
from klantreis.aliases import ALIASES, fold, resolve
from klantreis.cli import main
from klantreis.errors import ValidationError
from klantreis.model import Channel, Scope, Status, Theme
from klantreis.serialize.structuring import unstructure
from klantreis.testing.strategies import journeys

ROOT = Path(__file__).resolve().parent.parent
ENUMS = {cl.__name__: cl for cl in (Channel, Scope, Status, Theme)}

SAID = """\
title: Reis
phases: [{name: Aanmelden}]
steps:
  - {title: Belt, phase: aanmelden, lane: client, channels: [telefoon, Balie, brief]}
actions:
  - {title: Terugbellen, scope: anderen, status: Afgerond, theme: kennis, targets: [belt]}
"""


@pytest.mark.parametrize(
    ("name", "alias", "value"),
    [(name, alias, value) for name, table in ALIASES.items() for alias, value in table.items()],
)
def test_every_alias_names_a_real_value(name, alias, value):
    cl = ENUMS[name]
    assert cl(value) is resolve(cl, alias)
    assert resolve(cl, f"  {alias.upper()} ") is cl(value)


def test_no_alias_hides_a_canonical_value_of_another_member():
    for name, table in ALIASES.items():
        values = {m.value for m in ENUMS[name]}
        for alias, value in table.items():
            assert alias not in values or alias == value, (name, alias)


def test_a_file_in_the_facilitators_words_loads_as_canonical_values():
    journey = klantreis.loads(SAID)
    assert journey.steps[0].channels == (Channel.PHONE, Channel.FACE_TO_FACE, Channel.LETTER)
    action = journey.actions[0]
    assert (action.scope, action.status, action.theme) == (
        Scope.OTHERS,
        Status.DONE,
        Theme.PROFESSIONALS,
    )


def test_fmt_writes_the_canonical_values_back(tmp_path):
    path = tmp_path / "reis.yaml"
    path.write_text(SAID, encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "  - phone\n  - face-to-face\n  - letter\n" in text
    assert "scope: others\n" in text
    assert "status: done\n" in text
    assert "theme: professionals\n" in text
    assert not re.search(r"telefoon|Balie|brief|anderen|Afgerond|kennis", text)


def test_a_value_close_to_a_dutch_word_gets_both_names():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(SAID.replace("telefoon", "telfoon"))
    (problem,) = info.value.report.errors
    assert problem.code == "unknown-value"
    assert problem.hint == "bedoel je 'phone' (telefoon)?"
    assert problem.in_language("en").hint == "did you mean 'phone' (telefoon)?"


def test_an_unknown_word_is_still_an_error():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(SAID.replace("anderen", "iedereen"))
    assert [p.code for p in info.value.report.errors] == ["unknown-value"]


def test_format_md_lists_every_alias():
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for table in ALIASES.values():
        for alias in table:
            assert re.search(rf"[ |;]{re.escape(alias)}[,( ]", text), alias


def test_a_dutch_key_is_an_error_whose_hint_names_the_english_one():
    text = "title: x\nfases: [{name: A}]\nstappen: []\nsteps:\n  - {title: s, phase: a, "
    text += "lane: client, notes: [{vraag: waarom?}]}\n"
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    report = info.value.report.in_language("en")
    hints = {p.path[-1]: p.hint for p in report.errors if p.code == "unknown-key"}
    assert hints == {
        "fases": "did you mean 'phases' (fases)? keys are written in English",
        "stappen": "did you mean 'steps' (stappen)? keys are written in English",
        "vraag": "did you mean 'question' (vraag)? keys are written in English",
    }
    dutch = {p.path[-1]: p.hint for p in info.value.report.errors if p.code == "unknown-key"}
    assert (
        dutch["stappen"] == "bedoel je 'steps' (stappen)? sleutels worden in het Engels geschreven"
    )


# --- lanes by their shown names, ratings by their labels --------------------------------

SAID_MORE = """\
title: Reis
phases: [{name: Aanmelden}]
steps:
  - title: Belt
    phase: aanmelden
    lane: LANE
    ratings: {emotion: slecht, motivation: [ik haak af, 2]}
  - {title: Wacht, phase: aanmelden, lane: experience, ratings: {emotion: SATISFIED}}
"""


@pytest.mark.parametrize(
    "lane", ["Stappen cliënt", "stappen client", "  STAPPEN   CLIËNT ", "Client steps", "Client"]
)
def test_a_lane_by_its_shown_name_in_either_language(lane):
    journey = klantreis.loads(SAID_MORE.replace("LANE", lane))
    assert journey.steps[0].lane == "client"


def test_a_rating_by_its_label_alone_and_in_a_vote_list():
    journey = klantreis.loads(SAID_MORE.replace("LANE", "client"))
    assert journey.steps[0].rating("emotion").votes == (2,)
    assert journey.steps[0].rating("motivation").votes == (4, 2)
    assert journey.steps[1].rating("emotion").votes == (5,)  # the English label, any case


def test_fmt_writes_lane_ids_and_numbers_back(tmp_path):
    path = tmp_path / "reis.yaml"
    path.write_text("# de wand van dinsdag\n" + SAID_MORE.replace("LANE", "Stappen cliënt"))
    assert main(["fmt", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# de wand van dinsdag\n")
    assert "lane: client\n" in text
    assert "emotion: 2\n" in text
    assert "    - 4\n    - 2\n" in text, text
    assert not re.search(r"cliënt|slecht|haak|SATISFIED", text)
    assert main(["fmt", "--check", str(path)]) == 0


def test_a_spelled_out_scale_is_read_by_its_own_labels():
    text = """\
title: Reis
phases: [{name: A}]
scales: [{name: Pijn, minimum: 0, maximum: 2, labels: [geen, wat, veel]}]
lanes: [{name: Wij}]
steps: [{title: S, phase: a, lane: WIJ, ratings: {pijn: [Veel, geen]}}]
"""
    journey = klantreis.loads(text)
    assert (journey.steps[0].lane, journey.steps[0].ratings[0].votes) == ("wij", (2, 0))
    with pytest.raises(ValidationError) as info:  # the seed's labels are not this scale's
        klantreis.loads(text.replace("Veel", "slecht"))
    (problem,) = info.value.report.errors
    assert problem.path == ("steps", 0, "ratings", "pijn", 0)
    assert (
        problem.hint
        == "'slecht' is geen label van de schaal 'pijn'; de labels: 0 geen; 1 wat; 2 veel"
    )


def test_an_ambiguous_label_is_refused_naming_its_points():
    text = """\
title: Reis
language: en
phases: [{name: A}]
scales: [{name: Mood, minimum: 1, maximum: 3, labels: [bad, OK, ok]}]
steps: [{title: S, phase: a, lane: client, ratings: {mood: ok}}]
"""
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    (problem,) = info.value.report.errors
    assert (problem.code, problem.path) == ("wrong-type", ("steps", 0, "ratings", "mood"))
    assert problem.hint == (
        "'ok' is the label of several points of the scale 'mood' (2, 3): write the number"
    )
    assert problem.in_language("nl").hint.startswith("'ok' is het label van meer punten")


def test_a_label_close_to_one_gets_it_and_its_number():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(SAID_MORE.replace("LANE", "client").replace("slecht", "slechts"))
    (problem,) = info.value.report.errors
    assert problem.hint == "bedoel je 2 (slecht)?"


def test_a_shown_name_of_two_lanes_is_refused_naming_both():
    text = """\
title: Reis
phases: [{name: A}]
lanes: [{name: Team, id: team-a}, {name: team, id: team-b}]
steps: [{title: S, phase: a, lane: TEAM}]
"""
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    (problem,) = info.value.report.errors
    assert (problem.code, problem.path) == ("unknown-reference", ("steps", 0, "lane"))
    assert problem.hint == "'TEAM' is de naam van meer banen (team-a, team-b): schrijf het id"


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("nl", "bedoel je 'stakeholders' (Stappen per betrokkene)?"),
        ("en", "did you mean 'stakeholders' (Steps per stakeholder)?"),
    ],
)
def test_an_unknown_lane_gets_the_closest_lane_id_and_its_name(language, hint):
    text = SAID_MORE.replace("LANE", "betrokkenen").replace(
        "title: Reis", "title: Reis\nlanguage: " + language
    )
    text = text.replace("slecht", "2").replace("ik haak af", "4").replace("SATISFIED", "5")
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    (problem,) = info.value.report.errors
    assert problem.hint == hint


@pytest.mark.parametrize(
    ("language", "hints"),
    [
        (
            "nl",
            {
                "stappen": "bedoel je 'steps' (stappen)? sleutels worden in het Engels geschreven",
                "vraag": "bedoel je 'question' (vraag)? sleutels worden in het Engels geschreven",
                "tittle": "bedoel je 'title' (titel)?",
                "[0]": "bedoel je 'phone' (telefonisch)?",
                "[1]": "bedoel je 'phone' (telefoon)?",
            },
        ),
        (
            "en",
            {
                "stappen": "did you mean 'steps' (stappen)? keys are written in English",
                "vraag": "did you mean 'question' (vraag)? keys are written in English",
                "tittle": "did you mean 'title' (titel)?",
                "[0]": "did you mean 'phone' (telefonisch)?",
                "[1]": "did you mean 'phone' (telefoon)?",
            },
        ),
    ],
)
def test_did_you_mean_speaks_the_journeys_language_with_both_names(language, hints):
    text = f"""\
title: x
language: {language}
tittle: y
stappen: []
phases: [{{name: A}}]
steps: [{{title: s, phase: a, lane: client, channels: [phon, telfoon], notes: [{{vraag: waarom}}]}}]
"""
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    found = {
        str(p.path[-1]) if isinstance(p.path[-1], str) else f"[{p.path[-1]}]": p.hint
        for p in info.value.report.errors
        if p.hint
    }
    assert found == hints


def test_the_schema_accepts_what_klantreis_reads_and_flags_the_rest():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    from klantreis.schema import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    said = yaml.safe_load(SAID_MORE.replace("LANE", "Stappen cliënt"))
    said["steps"][0]["channels"] = ["telefoon", "Sociale  Media", "TÉLEFOON", "Phone"]
    said["actions"] = [{"title": "T", "scope": "Zelf", "status": "afgerond", "theme": "kennis"}]
    klantreis.loads(json.dumps(said), format="json")
    assert [e.message for e in validator.iter_errors(said)] == []
    said["steps"][0]["channels"] = ["telfoon"]
    klantreis_refuses = pytest.raises(ValidationError)
    with klantreis_refuses:
        klantreis.loads(json.dumps(said), format="json")
    assert list(validator.iter_errors(said))


@given(journey=journeys(max_steps=8))
def test_shown_names_and_labels_load_as_the_journey(journey):
    """Every lane written as its shown name and every vote as its label: the same journey."""
    data = unstructure(journey)
    names = {}
    for lane in journey.lanes:
        names.setdefault(fold(lane.name), set()).add(lane.id)
        names.setdefault(fold(lane.id), set()).add(lane.id)
    labels = {s.id: {v: s.label(v) for v in s.points if s.label(v)} for s in journey.scales}
    for step in data.get("steps", []):
        lane = journey.lane(step["lane"])
        if lane is not None and len(names.get(fold(lane.name), ())) == 1 and fold(lane.name):
            step["lane"] = lane.name
        for scale, votes in step.get("ratings", {}).items():
            if isinstance(votes, dict):
                continue  # votes per perspective are written as numbers
            table = labels.get(scale, {})
            said = {
                v: t
                for v, t in table.items()
                if [fold(x) for x in table.values()].count(fold(t)) == 1
            }

            def say(vote, said=said):
                return said.get(vote, vote)

            step["ratings"][scale] = (
                [say(v) for v in votes] if isinstance(votes, list) else say(votes)
            )
    assert klantreis.loads(json.dumps(data), format="json", check=False) == journey


def test_a_lane_whose_id_is_not_text_is_a_located_error_not_a_crash():
    # found by test_reader_words' property: the shown-name look-up hashed the list
    text = """\
title: Reis
phases: [{name: A}]
lanes: [{name: Cliënt, id: [client]}]
steps: [{title: S, phase: a, lane: Cliënt, ratings: {emotion: slecht}}]
"""
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    codes = {(p.code, p.path) for p in info.value.report.errors}
    assert ("wrong-type", ("lanes", 0, "id")) in codes
