"""The CSV exporter: both layouts, formula neutralising, and reading the tidy table back."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import given

import klantreis
from klantreis import Journey, LaneKind, Phase, Step
from klantreis.exporters.tabular import TIDY_COLUMNS, neutralise, read_tidy_csv
from klantreis.testing.strategies import hostile_texts, journeys


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


@given(journey=journeys(text=hostile_texts()))
def test_tidy_round_trip_onto_the_journey(journey):
    text = klantreis.export(journey, "csv")
    back = read_tidy_csv(io.StringIO(text, newline=""), base=journey)
    assert carried(back, sort=False) == carried(journey)
    assert attrs.evolve(back, steps=()) == attrs.evolve(journey, steps=())
    assert klantreis.validate(back).ok


@given(journey=journeys(text=hostile_texts()))
def test_tidy_round_trip_into_a_new_journey(journey):
    text = klantreis.export(journey, "csv", excel=True)
    back = read_tidy_csv(io.StringIO(text, newline=""), language=journey.language)
    assert carried(back, sort=False) == carried(journey)


@given(journey=journeys(text=hostile_texts()))
def test_no_cell_can_run_as_a_formula(journey):
    for options in ({}, {"layout": "grid"}, {"excel": True}):
        text = klantreis.export(journey, "csv", **options)
        delimiter = ";" if options.get("excel") else ","
        for row in rows(text, delimiter):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
                if cell.startswith("-"):
                    assert cell.lstrip("-").replace(" ", "").replace("-", "").isdigit(), cell


@given(journey=journeys())
def test_grid_is_the_wall(journey):
    table = rows(klantreis.export(journey, "csv", layout="grid"))
    assert [len(r) for r in table] == [len(journey.phases) + 1] * (3 + len(journey.lanes))
    assert [r[0] for r in table[3:]] == [neutralise(lane.name) for lane in journey.lanes]


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
    for dangerous in ("=SUM(A1)", "+31 6", "-1", "@x", "\tx", "\rx", "'quoted"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("Belt de huisarts") == "Belt de huisarts"


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
