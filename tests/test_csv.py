"""The CSV exporter: both layouts, formula neutralising, and reading the tidy table back."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import assume, given

import klantreis
from klantreis import Duration, DurationUnit, Journey, LaneKind, Note, NoteKind, Phase, Step
from klantreis.exporters.common import strip_controls
from klantreis.exporters.tabular import (
    TIDY_COLUMNS,
    neutralise,
    read_tidy_csv,
    unneutralise,
)
from klantreis.notes import parse_note_line
from klantreis.testing.strategies import hostile_texts, journeys

# Hostile text without control characters: those never reach a cell (tested below),
# so a journey holding them cannot come back whole.
KEPT_TEXTS = hostile_texts().map(strip_controls).filter(bool)


def without_controls(value: object) -> bool:
    """No text anywhere in *value* (a journey's plain data) holds a control character.

    ``journeys(text=...)`` draws names (of phases, lanes, scales) from its own strategy.
    """
    if isinstance(value, str):
        return strip_controls(value) == value
    if isinstance(value, dict):
        return all(without_controls(k) and without_controls(v) for k, v in value.items())
    if isinstance(value, list):
        return all(without_controls(v) for v in value)
    return True


def rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))


def carried(journey: Journey, *, sort: bool = True) -> tuple:
    """What the tidy layout carries: steps (by phase, then lane), phases, and the names
    and kinds of the lanes and the names of the actors the steps use. An imported
    journey keeps the rows' order (*sort* false); the export wrote them sorted."""
    phase_order = {p.id: i for i, p in enumerate(journey.phases)}
    lane_order = {lane.id: i for i, lane in enumerate(journey.lanes)}
    steps = [
        attrs.evolve(s, ratings=sorted(s.ratings, key=lambda r: r.scale))
        for s in (
            sorted(journey.steps, key=lambda s: (phase_order[s.phase], lane_order[s.lane]))
            if sort
            else journey.steps
        )
    ]
    lanes = {s.lane for s in steps}
    actors = {s.actor for s in steps if s.actor}
    return (
        tuple(steps),
        journey.phases,
        {(lane.id, lane.name, lane.kind) for lane in journey.lanes if lane.id in lanes},
        {(a.id, a.name) for a in journey.actors if a.id in actors},
    )


@given(journey=journeys(text=KEPT_TEXTS))
def test_tidy_round_trip_onto_the_journey(journey):
    assume(without_controls(klantreis.to_data(journey)))
    text = klantreis.export(journey, "csv")
    back = read_tidy_csv(io.StringIO(text, newline=""), base=journey)
    assert carried(back, sort=False) == carried(journey)
    assert attrs.evolve(back, steps=()) == attrs.evolve(journey, steps=())
    assert klantreis.validate(back).ok


def tabled(journey: Journey) -> Journey:
    """*journey* with only what the table's columns hold of each step and phase: a
    step's result, keep mark, sentiment, indicators and organisation pain points, and a
    phase's norm and indicators have no column (read onto a journey, they are kept)."""
    plain = {"result": None, "keep": False, "sentiment": None, "indicators": ()}
    return attrs.evolve(
        journey,
        phases=[attrs.evolve(p, norm_lead_time=None, indicators=()) for p in journey.phases],
        steps=[
            attrs.evolve(s, pain_points=attrs.evolve(s.pain_points, organisation=()), **plain)
            for s in journey.steps
        ],
    )


@given(journey=journeys(text=KEPT_TEXTS))
def test_tidy_round_trip_into_a_new_journey(journey):
    assume(without_controls(klantreis.to_data(journey)))
    text = klantreis.export(journey, "csv", excel=True)
    back = read_tidy_csv(io.StringIO(text, newline=""), language=journey.language)
    assert carried(back, sort=False) == carried(tabled(journey))


@given(journey=journeys(text=hostile_texts()))
def test_no_cell_can_run_as_a_formula(journey):
    for options in ({}, {"layout": "grid"}, {"excel": True}):
        text = klantreis.export(journey, "csv", **options)
        delimiter = ";" if options.get("excel") else ","
        for row in rows(text, delimiter):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r", "\n")), cell
                assert strip_controls(cell) == cell
                if cell.startswith("-"):
                    assert cell.lstrip("-").replace(" ", "").replace("-", "").isdigit(), cell


@given(journey=journeys())
def test_grid_is_the_wall(journey):
    """The grid of the fill-in workbook: phases, goals, lead times, lanes, scales, post-its."""
    table = rows(klantreis.export(journey, "csv", layout="grid"))
    lanes = [lane for lane in journey.lanes if lane.kind is not LaneKind.RATING]
    assert len(table) == 3 + len(lanes) + len(journey.scales) + 1
    assert len({len(r) for r in table}) == 1
    assert [r[0] for r in table[3 : 3 + len(lanes)]] == [
        neutralise(strip_controls(lane.name)) for lane in lanes
    ]
    names = (neutralise(strip_controls(p.name)) for p in journey.phases)
    assert [cell for cell in table[0][1:] if cell] == [name for name in names if name]


def test_excel_flavour():
    journey = Journey(
        title="T",
        phases=[Phase(name="Intake")],
        steps=[Step(title="=1+1", phase="intake", lane="client")],
    )
    text = klantreis.export(journey, "csv", excel=True)
    assert text.startswith("\ufeff")
    assert rows(text, ";")[1][9] == "'=1+1"
    data = klantreis.export(journey, "csv", output=None, excel=True)
    assert isinstance(data, str)
    assert klantreis.get_exporter("csv").encoding == "utf-8"
    assert rows(klantreis.export(journey, "csv", delimiter="\t"), "\t")[0][:2] == [
        "phase_id",
        "phase",
    ]


def test_neutralise():
    for dangerous in ("=SUM(A1)", "+31 6", "-1", "@x", "\tx", "\rx", "\nx", "'=x", "''-1"):
        assert neutralise(dangerous) == "'" + dangerous
        assert unneutralise(neutralise(dangerous)) == dangerous
    for harmless in ("Belt de huisarts", "'s-Hertogenbosch", "'quoted'", "'", ""):
        assert neutralise(harmless) == harmless
        assert unneutralise(harmless) == harmless


def test_s_hertogenbosch_survives_both_ways(tmp_path):
    journey = Journey(
        title="T",
        phases=[Phase(name="'s-Hertogenbosch")],
        steps=[Step(title="'t Loket", phase="s-hertogenbosch", lane="client")],
    )
    text = klantreis.export(journey, "csv")
    assert rows(text)[1][1] == "'s-Hertogenbosch"
    back = read_tidy_csv(io.StringIO(text, newline=""), base=journey)
    assert back.phases[0].name == "'s-Hertogenbosch"
    assert back.steps[0].title == "'t Loket"


def test_control_characters_never_reach_a_cell():
    journey = Journey(
        title="T",
        phases=[Phase(id="p", name="Aan\x07melding\x1b[31m")],
        steps=[Step(title="\x01=1+1", phase="p", lane="client")],
    )
    for layout in ("tidy", "grid"):
        text = klantreis.export(journey, "csv", layout=layout)
        assert not any(c in text for c in "\x01\x07\x1b"), layout
    table = rows(klantreis.export(journey, "csv"))
    assert table[1][1] == "Aanmelding[31m"
    assert table[1][9] == "'=1+1"  # the trigger behind the stripped character is still caught


def test_decimal_separator_follows_the_excel_profile():
    journey = Journey(
        title="T",
        language="en",
        phases=[
            Phase(id="p", name="P", lead_time=klantreis.Duration(1.5, klantreis.DurationUnit.WEEKS))
        ],
        steps=[
            Step(
                title="S",
                phase="p",
                lane="client",
                duration=Duration(2.5, DurationUnit.HOURS),
            )
        ],
    )
    excel = rows(klantreis.export(journey, "csv", excel=True), ";")
    plain = rows(klantreis.export(journey, "csv"))
    column = TIDY_COLUMNS.index("duration")
    assert (excel[1][3], excel[1][column]) == ("1,5 weeks", "2,5 hours")
    assert (plain[1][3], plain[1][column]) == ("1.5 weeks", "2.5 hours")
    dutch = attrs.evolve(journey, language="nl")
    assert rows(klantreis.export(dutch, "csv", layout="grid"))[2][1] == "1.5 weken"
    assert rows(klantreis.export(dutch, "csv", layout="grid", excel=True), ";")[2][1] == "1,5 weken"
    back = read_tidy_csv(io.StringIO(klantreis.export(journey, "csv", excel=True)), base=journey)
    assert back.steps[0].duration == Duration(2.5, DurationUnit.HOURS)


def test_durations_in_the_tidy_table_are_in_the_journey_s_language():
    weeks = Duration(3, DurationUnit.WEEKS, 5)
    journey = Journey(
        title="T",
        phases=[Phase(id="p", name="P", lead_time=weeks)],
        steps=[Step(title="S", phase="p", lane="client", duration=Duration(1, DurationUnit.HOURS))],
    )
    table = rows(klantreis.export(journey, "csv"))
    column = TIDY_COLUMNS.index("duration")
    assert (table[1][3], table[1][column]) == ("3-5 weken", "1 uur")  # not '3-5 weeks'
    english = rows(klantreis.export(attrs.evolve(journey, language="en"), "csv"))
    assert (english[1][3], english[1][column]) == ("3-5 weeks", "1 hour")
    back = read_tidy_csv(io.StringIO(klantreis.export(journey, "csv")))
    assert (back.phases[0].lead_time, back.steps[0].duration) == (weeks, journey.steps[0].duration)


def test_notes_are_readable_text():
    notes = (
        Note(kind=NoteKind.QUESTION, text="Hoe lang duurt het?", author="Sanne"),
        Note(kind=NoteKind.DISAGREEMENT, text="Te kort", suggestion="Een uur", author="Ali"),
        Note(kind=NoteKind.ADDITION, text="Partner erbij"),
    )
    journey = Journey(
        title="T",
        phases=[Phase(id="p", name="P")],
        steps=[Step(title="S", phase="p", lane="client", notes=notes)],
    )
    cell = rows(klantreis.export(journey, "csv"))[1][-1]
    assert cell == "? Hoe lang duurt het? (Sanne)\n! Te kort → Een uur (Ali)\n+ Partner erbij"
    assert tuple(parse_note_line(line) for line in cell.split("\n")) == notes
    back = read_tidy_csv(io.StringIO(klantreis.export(journey, "csv"), newline=""), base=journey)
    assert back.steps[0].notes == notes
    # A post-it that would read back differently as a line keeps the exact JSON form.
    tricky = Note(kind=NoteKind.QUESTION, text="Wat is GGZ (de afkorting)")
    journey = attrs.evolve(journey, steps=[attrs.evolve(journey.steps[0], notes=[tricky])])
    assert rows(klantreis.export(journey, "csv"))[1][-1].startswith("[{")


def test_a_cell_over_excels_limit_is_a_warning():
    journey = Journey(
        title="T",
        phases=[Phase(id="p", name="P")],
        steps=[Step(title="S", phase="p", lane="client", description="x" * 40_000)],
    )
    with pytest.warns(klantreis.ExportWarning, match="32,767"):
        text = klantreis.export(journey, "csv")
    assert "x" * 40_000 in text  # nothing is cut: the warning says Excel would cut it


def test_header_is_stable():
    journey = Journey(title="T")
    header = rows(klantreis.export(journey, "csv"))[0]
    assert header == [*TIDY_COLUMNS[:16], "rating:emotion", "rating:motivation", *TIDY_COLUMNS[16:]]


def test_a_facilitator_types_the_wall_into_a_spreadsheet(tmp_path):
    path = tmp_path / "muur.csv"
    path.write_text(
        "\ufeffFase;Baan;Stap;Emotie;Kanalen;Moment van de waarheid;Notities\r\n"
        "Aanmelding;Stappen cliënt;Belt de huisarts;2;telefonisch;;? Hoe lang duurt het?\r\n"
        "Aanmelding;Stappen per betrokkene;Huisarts schrijft verwijzing;;;;\r\n"
        'Intake;Stappen cliënt;Intakegesprek;4;face-to-face;ja;"! Te kort\n+ Partner erbij"\r\n'
        "Nazorg;;;;;;\r\n",
        encoding="utf-8",
    )
    journey = read_tidy_csv(path, title="Depressie")
    assert journey.title == "Depressie"
    assert [p.name for p in journey.phases] == ["Aanmelding", "Intake", "Nazorg"]
    client = journey.step("belt-de-huisarts")
    assert client is not None
    assert client.lane == "client"
    assert client.rating("emotion").votes == (2,)
    assert client.channels == (klantreis.Channel.PHONE,)
    intake = journey.step("intakegesprek")
    assert intake.moment_of_truth
    assert [n.kind.symbol for n in intake.notes] == ["!", "+"]
    assert journey.lane("stakeholders").kind is LaneKind.ACTOR
    assert klantreis.validate(journey).ok


def test_import_problems_name_their_line(tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text(
        "phase,lane,title,rating:emotion,moment_of_truth,duration\n"
        "A,client,Een,vijf,misschien,2 eeuwen\n"
        "A,client,Twee,9,,\n",
        encoding="utf-8",
    )
    with pytest.raises(klantreis.ValidationError) as info:
        read_tidy_csv(path)
    text = str(info.value)
    assert "fout.csv:2" in text
    assert "vijf" in text
    assert "misschien" in text
    assert "eeuwen" in text
    path.write_text("phase,title\nA,B\n", encoding="utf-8")
    with pytest.raises(klantreis.ValidationError, match="missing column"):
        read_tidy_csv(path)


def test_the_command_prints_the_long_cell_warning(tmp_path, capsys):
    from klantreis.cli import main
    from klantreis.serialize import dump

    journey = Journey(
        title="T",
        phases=[Phase(id="p", name="P")],
        steps=[Step(title="S", phase="p", lane="client", description="x" * 33_000)],
    )
    dump(journey, tmp_path / "reis.yaml")
    assert (
        main(["export", str(tmp_path / "reis.yaml"), "--to", "csv", "-o", str(tmp_path / "r.csv")])
        == 0
    )
    err = capsys.readouterr().err
    assert "klantreis: warning: CSV row 2, column 11: 33,000 characters" in err
    assert (tmp_path / "r.csv").exists()
