"""klantreis portfolio: many journeys at once, checked against examples/portfolio/README.md."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from attrs import evolve

import klantreis
from klantreis.cli import main
from klantreis.manage import (
    PORTFOLIO_FORMAT_VERSION,
    HistoryError,
    Lasting,
    journey_files,
    portfolio,
    render_portfolio,
    similar,
)

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "examples" / "portfolio"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def port():
    files = journey_files(FOLDER)
    return portfolio([(str(f), klantreis.load(f)) for f in files], today=TODAY)


def test_files_with_one_id_are_one_journey_in_date_order(port):
    by_id = {j.id: j for j in port.journeys}
    assert set(by_id) == {"wijkteam", "schuldhulp"}
    assert [Path(s).name for s in by_id["wijkteam"].sources] == [
        "wijkteam-2025-najaar.yaml",
        "wijkteam-2026-voorjaar.yaml",
        "wijkteam-2026-najaar.yaml",
    ]
    assert len(by_id["wijkteam"].history) == 3
    assert by_id["schuldhulp"].last_date == dt.date(2026, 2, 10)


def test_the_action_board_by_hand(port):
    board = [(a.journey, a.id, a.status.value, a.overdue) for a in port.board]
    # overdue on 2026-11-25: due before it and neither done nor dropped, those first
    assert board[:2] == [
        ("schuldhulp", "schuldhulpverlener-aan-de-lijn", "in-progress", True),
        ("wijkteam", "vaste-contactpersoon", "proposed", True),
    ]
    assert len(board) == 9  # 6 wijkteam actions in its latest mapping + 3 schuldhulp
    assert [a.id for a in port.overdue] == [
        "schuldhulpverlener-aan-de-lijn",
        "vaste-contactpersoon",
    ]
    # the rest by due date, undated last
    dues = [a.due or dt.date.max for a in port.board[2:]]
    assert dues == sorted(dues)
    assert port.board[-1].id == "folder"


def test_overdue_depends_on_today(port):
    files = journey_files(FOLDER)
    early = portfolio([(str(f), klantreis.load(f)) for f in files], today=dt.date(2026, 6, 1))
    assert [a.id for a in early.overdue] == []
    assert [s.journey for s in early.stale] == []


def test_done_without_lasting_effect_comes_from_the_history(port):
    found = {a.id: (a.lasting, a.slid_back_in) for a in port.without_effect}
    assert found == {
        "evaluatieformulier": (Lasting.NO_EFFECT, None),
        "wachttijd-aanbieders": (Lasting.SLID_BACK, 2),
    }


def test_recurring_pain_points_are_grouped_with_their_shared_words(port):
    groups = {(g.side, g.lane): g for g in port.pain_points if g.tag is None}
    assert set(groups) == {("client", "client"), ("professional", "client")}
    waiting = groups[("client", "client")]
    assert waiting.lane_name == "Stappen cliënt"
    assert sorted(waiting.words) == ["lang", "terugbelt", "wachten"]
    assert [(m.journey, m.step) for m in waiting.members] == [
        ("schuldhulp", "belt-schuldhulp"),
        ("wijkteam", "belt-gemeente"),
    ]
    assert sorted(groups[("professional", "client")].words) == ["wachttijd", "zicht"]
    # a pain point of one journey only is not recurring
    texts = {m.text for g in port.pain_points for m in g.members}
    assert "Maanden wachten op de start van de hulp" not in texts


def test_a_tag_groups_pain_points_whatever_their_words(port):
    (tagged,) = [g for g in port.pain_points if g.tag is not None]
    assert tagged.tag == "begrijpelijke-taal"
    assert [(m.journey, m.text) for m in tagged.members] == [
        ("schuldhulp", "Brieven van de gemeente zijn moeilijk te lezen"),
        ("wijkteam", "Het verslag staat vol ambtelijke taal"),
    ]
    assert similar(tagged.members[0].text, tagged.members[1].text) < 0.6
    assert "label ‘begrijpelijke-taal’, in 2 klantreizen" in render_portfolio(port)
    data = json.loads(render_portfolio(port, "json"))
    assert [g["tag"] for g in data["pain_points"]] == ["begrijpelijke-taal", None, None]
    assert data["pain_points"][0]["members"][0]["tags"] == ["begrijpelijke-taal"]


def test_a_tagged_pain_point_leaves_the_grouping_by_words():
    one = klantreis.Journey(
        title="Een",
        phases=[klantreis.Phase(name="A")],
        steps=[
            klantreis.Step(
                title="Belt",
                phase="a",
                lane="client",
                pain_points=klantreis.PainPoints(client=["Lang wachten op terugbellen"]),
            )
        ],
    )
    two = evolve(
        one,
        title="Twee",
        id="twee",
        steps=[
            evolve(
                one.steps[0],
                pain_points=klantreis.PainPoints(
                    client=["Lang wachten op terugbellen"], tags=["eigen-label"]
                ),
            )
        ],
    )
    port = portfolio([("een.yaml", one), ("twee.yaml", two)], today=TODAY)
    assert port.pain_points == ()  # the tag is alone, and the words may not override it


def test_similar_words():
    assert similar("Lang wachten", "lang wachten") == 1.0
    assert similar("Lang wachten voordat iemand terugbelt", "Terugbellen duurt lang") >= 0.6
    assert similar("Weet niet wanneer het wijkteam terugbelt", "Weet niet welke papieren") == 0
    assert similar("", "iets") == 0


def test_lowest_rated_moments_of_truth_by_the_scale_s_direction(port):
    lowest = [(m.journey, m.step, m.scale, m.value) for m in port.moments[:4]]
    assert lowest == [
        ("schuldhulp", "verzamelt-papieren", "emotion", 1.0),  # the worst point: 0
        ("schuldhulp", "verzamelt-papieren", "motivation", 3.5),  # 1 - 2.5/3 = 1/6
        ("schuldhulp", "belt-schuldhulp", "emotion", 2.0),  # 1/4
        ("wijkteam", "start-ondersteuning", "emotion", 2.0),  # 1/4
    ]
    assert port.moments[1].goodness == pytest.approx(1 / 6)
    assert port.moments[-1].step == "keukentafel"


def test_balance_of_themes_and_scopes(port):
    assert dict(port.themes) == {
        klantreis.Theme.PROFESSIONALS: 2,
        klantreis.Theme.INTEGRAL_APPROACH: 2,
        klantreis.Theme.STRESS_SENSITIVITY: 2,
        klantreis.Theme.LEGAL_ROOM: 2,
        klantreis.Theme.OTHER: 1,
    }
    assert dict(port.scopes) == {klantreis.Scope.OURSELVES: 7, klantreis.Scope.OTHERS: 2}


def test_journeys_not_measured_again():
    files = journey_files(FOLDER)
    port = portfolio([(str(f), klantreis.load(f)) for f in files], today=TODAY, stale_after=180)
    assert [(s.journey, s.days) for s in port.stale] == [("schuldhulp", 288)]
    undated = evolve(klantreis.load(files[0]), iteration=None)
    port = portfolio([("x.yaml", undated)], today=TODAY)
    assert [(s.journey, s.days) for s in port.stale] == [("schuldhulp", None)]
    assert "de laatste meting heeft geen datum" in render_portfolio(port)


def test_no_journeys_is_a_clear_error(tmp_path):
    with pytest.raises(HistoryError, match="at least one journey"):
        portfolio([])
    with pytest.raises(HistoryError, match="no journey files"):
        journey_files(tmp_path)
    with pytest.raises(HistoryError, match="not a folder"):
        journey_files(tmp_path / "nope")


# --- formats and the command ------------------------------------------------------------


def test_text_shows_every_section(port):
    out = render_portfolio(port, language="en")
    assert out.startswith("Portfolio of 2 customer journeys on 25 November 2026\n")
    assert (
        "  OVERDUE Een vaste contactpersoon tot na de evaluatie (Hulp vragen bij het wijkteam)"
        in out
    )
    assert "better, but slid back in mapping 3" in out
    assert "client's pain point, lane Stappen cliënt, in 2 journeys" in out
    assert "  Emotie 1 ↑: Verzamelt brieven en afschriften" in out
    assert "What we can do ourselves: 7 · What needs others: 2" in out


def test_markdown_and_json(port):
    md = render_portfolio(port, "markdown")
    assert md.startswith("# Portfolio van 2 klantreizen op 25 november 2026\n")
    assert "## Actiebord" in md
    data = json.loads(render_portfolio(port, "json"))
    assert data["portfolio_format_version"] == PORTFOLIO_FORMAT_VERSION == 1
    assert data["today"] == "2026-11-25"
    assert sum(a["overdue"] for a in data["board"]) == 2
    assert data["themes"]["legal-room"] == 2
    assert data["scopes"] == {"ourselves": 7, "others": 2}


def test_csv_is_the_action_board(port):
    rows = list(csv.DictReader(io.StringIO(render_portfolio(port, "csv"))))
    assert len(rows) == 9
    assert rows[0]["action"] == "schuldhulpverlener-aan-de-lijn"
    assert rows[0]["overdue"] == "yes"
    assert {r["effect"] for r in rows if r["action"] == "direct-doorverbinden"} == {"lasted"}


def test_the_command(tmp_path, capsys):
    assert main(["portfolio", str(FOLDER), "--today", "2026-11-25", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [j["id"] for j in data["journeys"]] == ["schuldhulp", "wijkteam"]
    assert main(["portfolio", str(tmp_path)]) == 2
    assert "no journey files" in capsys.readouterr().err
    broken = tmp_path / "kapot.yaml"
    broken.write_text("title: x\ntittle: y\n", encoding="utf-8")
    assert main(["portfolio", str(tmp_path)]) == 2
    assert "kapot.yaml:2:1: tittle: error: onbekende sleutel" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["portfolio", str(FOLDER), "--stale-after", "-3"])
    assert "must not be negative" in capsys.readouterr().err


# --- the tags field on pain points ------------------------------------------------------

TAGGED = """\
format_version: 1
title: Reis
phases: [{name: Intake}]
steps:
  - title: Belt
    phase: intake
    lane: client
    pain_points:
      client: [Lang wachten]
      tags: [wachttijd, bereikbaarheid]
"""


def test_tags_round_trip_and_show_in_the_schema_and_the_diff():
    journey = klantreis.loads(TAGGED, format="yaml")
    assert journey.steps[0].pain_points.tags == ("wachttijd", "bereikbaarheid")
    for fmt in ("yaml", "json"):
        assert klantreis.loads(klantreis.dumps(journey, fmt), format=fmt) == journey
    from klantreis.schema import schema_text

    assert '"tags"' in schema_text()
    later = evolve(
        journey,
        steps=[evolve(journey.steps[0], pain_points=klantreis.PainPoints(client=["Lang wachten"]))],
    )
    text = klantreis.compare.render_diff(klantreis.diff(journey, later), "text", verbose=True)
    assert "labels van de knelpunten" in text


def test_a_bad_tag_is_a_located_error():
    with pytest.raises(klantreis.ValidationError) as caught:
        klantreis.loads(TAGGED.replace("[wachttijd, bereikbaarheid]", "[wachttijd, 3]"))
    problem = caught.value.report.problems[0]
    assert problem.line == 10
    assert problem.path[-2:] == ("tags", 1)


NOTE = """\
format_version: 1
title: Twee
id: twee
phases: [{name: Intake}]
steps:
  - title: Belt
    phase: intake
    lane: client
    notes:
      - disagreement: De brief is onleesbaar
        suggestion: Samen met een ervaringsdeskundige schrijven
        tags: [begrijpelijke-taal]
"""


def test_a_tagged_post_it_joins_the_tag_s_group(port):
    note_journey = klantreis.loads(NOTE, format="yaml")
    (note,) = note_journey.steps[0].notes
    assert note.tags == ("begrijpelijke-taal",)
    for fmt in ("yaml", "json"):
        assert klantreis.loads(klantreis.dumps(note_journey, fmt), format=fmt) == note_journey
    files = [(str(f), klantreis.load(f)) for f in journey_files(FOLDER)]
    both = portfolio([*files, ("twee.yaml", note_journey)], today=TODAY)
    (tagged,) = [g for g in both.pain_points if g.tag == "begrijpelijke-taal"]
    assert [(m.journey, m.source) for m in tagged.members] == [
        ("schuldhulp", "pain-point"),
        ("wijkteam", "pain-point"),
        ("twee", "note-disagreement"),
    ]
    assert "    - ! De brief is onleesbaar (Twee: Belt)" in render_portfolio(both)


def test_a_bad_tag_on_a_post_it_is_located():
    with pytest.raises(klantreis.ValidationError) as caught:
        klantreis.loads(NOTE.replace("[begrijpelijke-taal]", "[3]"), format="yaml")
    (problem,) = caught.value.report.errors
    assert problem.path[-2:] == ("tags", 0)
    assert problem.line == 12
    with pytest.raises(klantreis.ValidationError, match="tags"):
        klantreis.loads(NOTE.replace("[begrijpelijke-taal]", "wachttijd"), format="yaml")
