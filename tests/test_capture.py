"""Capture without YAML: the fill-in workbook and CSV grid, both ways, and LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import klantreis
from klantreis import Journey, words
from klantreis.capture import read_wall_csv, read_workbook, wall_csv, workbook
from klantreis.capture.wall import wall_order
from klantreis.cli import main
from klantreis.serialize import dump
from klantreis.templates import new_journey
from klantreis.testing.strategies import journeys

ROOT = Path(__file__).resolve().parent.parent

# Text as a facilitator types it into a cell: no line breaks, no spaces around it, and
# none of the characters the cells use as marks (★ for a moment of truth; brackets and
# → in a post-it line; ; and # in a list of steps).
WALL_TEXT = (
    st.text(
        st.characters(
            whitelist_categories=("L", "N", "Zs"),
            whitelist_characters=".,:!?'-&/+",
        ),
        min_size=1,
        max_size=25,
    )
    .map(str.strip)
    .filter(lambda t: bool(t) and not t.startswith(("?", "!", "+")))
)


def by_id(journey: Journey) -> dict[str, klantreis.Step]:
    """Steps by id, ratings in scale order: what the wall keeps (not the file's order)."""
    order = {s.id: i for i, s in enumerate(journey.scales)}
    return {
        s.id: attrs.evolve(s, ratings=sorted(s.ratings, key=lambda r: order.get(r.scale, 0)))
        for s in journey.steps
    }


def same_journey(back: Journey, journey: Journey) -> None:
    assert by_id(back) == by_id(journey)
    assert attrs.evolve(back, steps=()) == attrs.evolve(journey, steps=())


def clean_scales(journey: Journey) -> bool:
    return len({s.name for s in journey.scales}) == len(journey.scales)


@given(journey=journeys(text=WALL_TEXT))
def test_workbook_round_trip_into_the_journey(journey):
    assume(clean_scales(journey))
    capture = read_workbook(io.BytesIO(workbook(journey)), base=journey)
    assert capture.ok, capture.report.problems
    same_journey(capture.journey, journey)


@given(journey=journeys(text=WALL_TEXT))
def test_wall_csv_round_trip_into_the_journey(journey):
    assume(clean_scales(journey))
    for excel in (True, False):
        capture = read_wall_csv(io.StringIO(wall_csv(journey, excel=excel)), base=journey)
        assert capture.ok, capture.report.problems
        assert by_id(capture.journey) == by_id(journey)
        assert capture.journey.phases == journey.phases


@given(journey=journeys(text=WALL_TEXT, default_template=st.just(True)))
def test_workbook_round_trip_into_a_new_journey(journey):
    """Without the file, the workbook still gives the wall: titles, places, ratings, notes."""
    capture = read_workbook(io.BytesIO(workbook(journey)))
    back = capture.journey
    assert back.title == journey.title

    def wall(j):
        names = {p.id: p.name for p in j.phases}
        return [
            (names[s.phase], s.lane, s.title, s.moment_of_truth, votes(by_id(j)[s.id]), s.notes)
            for s in wall_order(j)
        ]

    def votes(step):  # the wall shows the votes, not whose they are (the file keeps that)
        return [(r.scale, r.votes) for r in step.ratings]

    assert wall(back) == wall(journey)
    assert [(a.title, a.status, a.due) for a in back.actions] == [
        (a.title, a.status, a.due) for a in journey.actions
    ]
    assert [len(a.targets) for a in back.actions] == [len(a.targets) for a in journey.actions]


def test_the_fill_in_workbook(tmp_path):
    assert main(["new", "--to", "xlsx", "-o", str(tmp_path / "wand.xlsx")]) == 0
    path = tmp_path / "wand.xlsx"
    with zipfile.ZipFile(path) as archive:
        assert not any("vba" in n.lower() for n in archive.namelist())  # no macros
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Wand", "Verbeteracties", "Inzichten", "Uitleg", "Lijsten"]
    assert book["Lijsten"].sheet_state == "hidden"
    wall = book["Wand"]
    assert wall.freeze_panes == "B4"
    labels = [wall.cell(row=r, column=1).value for r in range(1, wall.max_row + 1)]
    assert labels[:4] == ["Fase →", "Doel per fase", "Doorlooptijd", "Stappen cliënt"]
    assert "Emotie (1–5)" in labels
    assert "Motivatie (1–4)" in labels
    assert labels[-1] == "Post-its (? ! +)"
    checks = {str(v.sqref): v for v in wall.data_validations.dataValidation if v.type == "whole"}
    emotion_row = labels.index("Emotie (1–5)") + 1
    emotion = next(v for ref, v in checks.items() if ref.startswith(f"B{emotion_row}:"))
    assert (emotion.formula1, emotion.formula2) == ("1", "5")
    assert "2 = slecht" in emotion.prompt
    motivation_row = labels.index("Motivatie (1–4)") + 1
    motivation = next(v for ref, v in checks.items() if ref.startswith(f"B{motivation_row}:"))
    assert (motivation.formula1, motivation.formula2) == ("1", "4")
    actions = book["Verbeteracties"]
    assert actions.cell(row=1, column=3).value == "Wie kan het"
    lists = {
        str(v.sqref).split(":")[0]: v.formula1 for v in actions.data_validations.dataValidation
    }
    assert lists["C2"].startswith("'Lijsten'!$A$1")
    assert [c.value for c in book["Lijsten"]["C"]][:3] == ["voorgesteld", "gepland", "bezig"]
    assert wall.column_dimensions["A"].width >= len("Stappen per betrokkene")
    assert book["Uitleg"]["B1"].value == "Nieuwe klantreis"
    assert "Zo vul je de wand in" in book["Uitleg"]["A4"].value
    # English when the journey is.
    assert main(["new", "--to", "xlsx", "--lang", "en", "-o", str(tmp_path / "w.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "w.xlsx").sheetnames[0] == "Wall"


def fill_in(path):
    """What a facilitator types into the blank workbook (openpyxl playing Excel)."""
    book = openpyxl.load_workbook(path)
    wall = book["Wand"]
    labels = {wall.cell(row=r, column=1).value: r for r in range(1, wall.max_row + 1)}
    wall["B1"], wall["B2"], wall["B3"] = "Aanmelding", "Snel weten waar ik aan toe ben", "2-4 weken"
    wall["E1"], wall["E3"] = "Intake", "1,5 week"
    client, emotion = labels["Stappen cliënt"], labels["Emotie (1–5)"]
    wall.cell(row=client, column=2, value="Belt de huisarts")
    wall.cell(row=client, column=3, value="★ Wacht op bericht")
    wall.cell(
        row=labels["Stappen per betrokkene"], column=2, value="Huisarts verwijst\nSchrijft brief"
    )
    wall.cell(row=emotion, column=2, value=2)
    wall.cell(row=emotion, column=3, value="dramatisch")
    wall.cell(row=labels["Motivatie (1–4)"], column=3, value="2 3")
    wall.cell(row=labels["Post-its (? ! +)"], column=2, value="? Hoe lang duurt het? (Sanne)")
    wall.cell(row=client, column=5, value="Intakegesprek")
    actions = book["Verbeteracties"]
    actions.append(
        [
            "Terugbellen binnen een dag",
            None,
            "Wat we zelf kunnen doen",
            "Overig",
            "ja",
            "nee",
            "Secretariaat",
            dt.date(2026, 6, 1),
            "gepland",
            "Belt de huisarts\n#5",
        ]
    )
    book["Inzichten"].append(["Wachten is het ergste", "Anouk", None, "3"])
    book.save(path)


def test_a_facilitator_fills_in_the_workbook(tmp_path):
    path = tmp_path / "wand.xlsx"
    assert main(["new", "--to", "xlsx", "--title", "Depressie", "-o", str(path)]) == 0
    fill_in(path)
    assert main(["import", str(path), "-o", str(tmp_path / "reis.yaml")]) == 0
    journey = klantreis.load(tmp_path / "reis.yaml")
    assert journey.title == "Depressie"
    assert [(p.id, p.goal, str(p.lead_time)) for p in journey.phases] == [
        ("aanmelding", "Snel weten waar ik aan toe ben", "2-4 weeks"),
        ("intake", None, "1.5 weeks"),
    ]
    assert [(s.id, s.phase, s.lane) for s in journey.steps] == [
        ("belt-de-huisarts", "aanmelding", "client"),
        ("huisarts-verwijst", "aanmelding", "stakeholders"),
        ("schrijft-brief", "aanmelding", "stakeholders"),
        ("wacht-op-bericht", "aanmelding", "client"),
        ("intakegesprek", "intake", "client"),
    ]
    first, waiting = journey.steps[0], journey.steps[3]
    assert first.rating("emotion").votes == (2,)
    assert first.notes[0].author == "Sanne"
    assert waiting.moment_of_truth
    assert waiting.rating("emotion").votes == (1,)  # by its label, "dramatisch"
    assert waiting.rating("motivation").votes == (2, 3)
    action = journey.actions[0]
    assert action.targets == ("belt-de-huisarts", "intakegesprek")
    assert (action.status, action.within_mandate, action.tomorrow) == (
        klantreis.Status.PLANNED,
        True,
        False,
    )
    assert journey.insights[0].steps == ("schrijft-brief",)
    assert klantreis.validate(journey).errors == ()


def test_every_problem_at_its_cell_and_nothing_written(tmp_path, capsys):
    path = tmp_path / "wand.xlsx"
    assert main(["new", "--to", "xlsx", "-o", str(path)]) == 0
    fill_in(path)
    book = openpyxl.load_workbook(path)
    wall = book["Wand"]
    labels = {wall.cell(row=r, column=1).value: r for r in range(1, wall.max_row + 1)}
    emotion = labels["Emotie (1–5)"]
    wall.cell(row=emotion, column=4, value="boos")  # a column without a post-it: two problems?
    wall.cell(row=labels["Stappen cliënt"], column=4, value="Wacht nog steeds")
    wall.cell(row=labels["Post-its (? ! +)"], column=3, value="geen teken")
    wall["E3"] = "een eeuwigheid"
    book["Verbeteracties"]["I2"] = "misschien"
    book["Verbeteracties"]["J2"] = "Belt de huisarts\nBestaat niet"
    book.save(path)
    out = tmp_path / "reis.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f'Wand!D{emotion}: emotie "boos" is geen score 1–5' in err
    assert f'Wand!C{labels["Post-its (? ! +)"]}: "geen teken" begint niet met ?, ! of +' in err
    assert "Wand!E3: " in err
    assert 'Verbeteracties!I2: "misschien" is niet een van' in err
    assert 'Verbeteracties!J2: "Bestaat niet" is geen titel of nummer van een stap' in err
    assert "5 fouten; niets geschreven" in err
    assert not out.exists()
    # --partial writes what reads clean and still lists the rest.
    assert main(["import", str(path), "-o", str(out), "--partial"]) == 1
    assert "emotie" in capsys.readouterr().err
    journey = klantreis.load(out)
    assert journey.step("wacht-nog-steeds").ratings == ()
    assert journey.actions[0].targets == ("belt-de-huisarts",)


def test_import_refuses_to_overwrite_and_an_unknown_file(tmp_path, capsys):
    path = tmp_path / "wand.xlsx"
    assert main(["new", "--to", "xlsx", "-o", str(path)]) == 0
    assert main(["new", "--to", "xlsx", "-o", str(path)]) == 2  # exists
    other = tmp_path / "notities.yaml"
    other.write_text("mijn aantekeningen\n", encoding="utf-8")
    assert main(["import", str(path), "-o", str(other)]) == 2
    assert other.read_text(encoding="utf-8") == "mijn aantekeningen\n"
    assert "use --force" in capsys.readouterr().err
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"not a zip")
    assert main(["import", str(broken), "-o", str(tmp_path / "r.yaml")]) == 2
    assert "kapot.xlsx" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "x.ods"), "-o", str(tmp_path / "r.yaml")]) == 2


def test_edit_the_workbook_and_diff_shows_exactly_the_edits(tmp_path):
    example = klantreis.load("examples/depressie-ggz-2026-voorjaar.yaml")
    reis = tmp_path / "reis.yaml"
    dump(example, reis)
    wand = tmp_path / "wand.xlsx"
    assert main(["new", "--to", "xlsx", "--from", str(reis), "-o", str(wand)]) == 0
    assert main(["import", str(wand), "--into", str(reis)]) == 0
    assert not klantreis.diff(example, klantreis.load(reis))  # nothing edited, nothing changed
    book = openpyxl.load_workbook(wand)
    wall = book["Wand"]
    labels = {wall.cell(row=r, column=1).value: r for r in range(1, wall.max_row + 1)}
    emotion = labels["Emotie (1–5)"]
    column = next(c for c in range(2, wall.max_column + 1) if wall.cell(emotion, c).value)
    rated = wall_order(example)[0]
    assert wall.cell(labels["Stappen cliënt"], column).value.split("\n")[0] == rated.title
    wall.cell(emotion, column, value=5)
    book["Verbeteracties"]["I2"] = "gedaan"
    book.save(wand)
    assert main(["import", str(wand), "--into", str(reis)]) == 0
    edited = klantreis.load(reis)
    changes = klantreis.diff(example, edited).changes
    found = {(c.kind.value, c.id, tuple(f.field for f in c.fields)) for c in changes}
    assert found == {
        ("changed", rated.id, ("ratings",)),
        ("changed", example.actions[0].id, ("status",)),
    }
    assert [s.id for s in edited.steps] == [s.id for s in example.steps]


def test_tidy_csv_imports_too(tmp_path):
    example = klantreis.load("examples/depressie-ggz-2026-voorjaar.yaml")
    tidy = tmp_path / "stappen.csv"
    tidy.write_text(klantreis.export(example, "csv", excel=True), encoding="utf-8")
    assert main(["import", str(tidy), "-o", str(tmp_path / "a.yaml")]) == 0
    assert len(klantreis.load(tmp_path / "a.yaml").steps) == len(example.steps)
    grid = tmp_path / "wand.csv"
    grid.write_text(wall_csv(example), encoding="utf-8")
    reis = tmp_path / "reis.yaml"
    dump(example, reis)
    assert main(["import", str(grid), "--into", str(reis), "-o", str(tmp_path / "b.yaml")]) == 0
    assert not klantreis.diff(example, klantreis.load(tmp_path / "b.yaml"))


def test_wall_csv_problem_at_its_cell(tmp_path):
    path = tmp_path / "wand.csv"
    path.write_text(
        "Fase →;Aanmelding;\nDoel per fase;;\nDoorlooptijd;;\n"
        "Stappen cliënt;Belt;\nEmotie (1–5);6;\n",
        encoding="utf-8",
    )
    capture = read_wall_csv(path)
    assert [p.message for p in capture.report.errors] == ['wand!B5: emotie "6" is geen score 1–5']


NEEDS_SOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; CI installs it (libreoffice-calc-nogui)",
)


def soffice(tmp_path, to):
    """LibreOffice converts *tmp_path*/wand.xlsx *to* a format, into *tmp_path*/out."""
    return subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "wand.xlsx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@NEEDS_SOFFICE
def test_libreoffice_opens_the_workbook(tmp_path):
    journey = new_journey("nl", title="Test")
    journey = attrs.evolve(
        klantreis.load("examples/depressie-ggz-2026-voorjaar.yaml"), title=journey.title
    )
    (tmp_path / "wand.xlsx").write_bytes(workbook(journey))
    result = soffice(tmp_path, "csv:Text - txt - csv (StarCalc):59,34,76,1")
    assert result.returncode == 0, result.stderr
    assert "repair" not in (result.stdout + result.stderr).lower()
    out = tmp_path / "out" / "wand.csv"
    assert out.exists(), result.stdout + result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert rows[0][0] == "Fase →"
    assert rows[0][1] == journey.phases[0].name
    first = wall_order(journey)[0]
    assert rows[3][1].split("\n")[0].lstrip("★ ") == first.title
    # What LibreOffice wrote reads back as the same wall.
    back = read_wall_csv(out, base=journey)
    assert back.ok, back.report.problems
    assert not klantreis.diff(journey, back.journey)


def test_text_that_starts_with_equals_stays_text_in_the_workbook():
    # openpyxl stores any str that starts with '=' as a formula: a scale, title or
    # post-it written '=...' must stay text (no formula runs) and read back the same.
    journey = new_journey("nl")
    journey = attrs.evolve(
        journey,
        title='=HYPERLINK("http://x")',
        scales=(attrs.evolve(journey.scales[0], name="="), *journey.scales[1:]),
    )
    data = workbook(journey)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    capture = read_workbook(io.BytesIO(data), base=journey)
    assert capture.ok, capture.report.problems
    assert capture.journey.scales[0].name == "="
    assert capture.journey.title == journey.title


@given(journey=journeys(text=WALL_TEXT))
def test_grid_csv_export_round_trip_into_the_journey(journey):
    """What ``export --to csv --option layout=grid`` writes, ``import`` reads back."""
    assume(clean_scales(journey))
    for options in ({}, {"excel": True}, {"delimiter": "|"}, {"delimiter": "\t"}):
        text = klantreis.export(journey, "csv", layout="grid", **options)
        capture = read_wall_csv(io.StringIO(text), base=journey)
        assert capture.ok, (options, capture.report.problems)
        assert by_id(capture.journey) == by_id(journey)
        assert capture.journey.phases == journey.phases


def test_export_grid_then_import_on_the_command_line(tmp_path):
    source = tmp_path / "reis.yaml"
    journey = klantreis.load(ROOT / "examples" / "debt-counselling-en.yaml")
    dump(journey, source)
    grid = tmp_path / "wand.csv"
    args = ["export", str(source), "--to", "csv", "-O", "layout=grid", "-O", "excel=true"]
    assert main([*args, "-o", str(grid)]) == 0
    assert grid.read_bytes().decode("utf-8") == wall_csv(journey, excel=True)
    out = tmp_path / "terug.yaml"
    assert main(["import", str(grid), "--into", str(source), "-o", str(out)]) == 0
    assert by_id(klantreis.load(out)) == by_id(journey)


@NEEDS_SOFFICE
def test_the_workbook_prints_landscape_with_its_headings_on_every_page(tmp_path):
    journey = klantreis.load(ROOT / "examples" / "depressie-ggz-2026-voorjaar.yaml")
    data = workbook(journey)
    book = openpyxl.load_workbook(io.BytesIO(data))
    wall, actions, insights = (book[words.text(f"capture.sheet.{k}", "nl")] for k in SHEETS)
    for sheet in (wall, actions, insights):
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
    # The wall: one A3 page tall, across as many pages as it takes, lanes on each page.
    assert wall.print_title_cols == "$A:$A"
    assert (wall.page_setup.fitToWidth, wall.page_setup.fitToHeight) == (0, 1)
    assert str(wall.page_setup.paperSize) == wall.PAPERSIZE_A3
    # The tables: as wide as the page, as many pages down as they take.
    for table in (actions, insights):
        assert (table.page_setup.fitToWidth, table.page_setup.fitToHeight) == (1, 0)
    # A lane label longer than its column wraps, and its row is high enough for it.
    width = wall.column_dimensions["A"].width
    for row in wall.iter_rows(min_col=1, max_col=1):
        label = str(row[0].value or "")
        if len(label) > width:
            height = wall.row_dimensions[row[0].row].height
            assert height is not None, label
            assert height >= 30, (label, height)
    # LibreOffice prints it: A3 landscape pages for the wall, A4 landscape for the tables.
    (tmp_path / "wand.xlsx").write_bytes(data)
    result = soffice(tmp_path, "pdf")
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "out" / "wand.pdf").read_bytes()
    boxes = [
        tuple(round(float(n)) for n in box.split()[2:])
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)
    ]
    assert (1191, 842) in boxes  # A3 landscape: the wall
    assert (842, 595) in boxes  # A4 landscape: the tables
    assert all(w > h for w, h in boxes if (w, h) != (595, 842)), boxes  # only the help is upright


SHEETS = ("wall", "actions", "insights")


# The tutorial's workbook (docs/snippets/wand.xlsx): `klantreis new --to xlsx` filled in
# as a facilitator does, in their words: a score by its label, a status in Dutch.
TUTORIAL_CELLS = {
    "wall": {
        "B1": "Aanmelding",
        "E1": "Intake",
        "B2": "Snel weten waar ik aan toe ben",
        "B3": "2-4 weken",
        "E3": "1-2 weken",
        "B4": "Belt de huisarts",
        "C4": "★ Wacht op de intake",
        "E4": "Intakegesprek",
        "B5": "Huisarts verwijst door",
        "B13": "slecht",
        "C13": "1 2",
        "E13": 4,
        "C14": 3,
        "C15": "? Hoe lang duurt het? (Sanne)",
    },
    "actions": {
        "A2": "Terugbellen binnen een dag",
        "C2": "Wat we zelf kunnen doen",
        "D2": "Overig",
        "E2": "ja",
        "F2": "nee",
        "G2": "Secretariaat",
        "I2": "gepland",
        "J2": "Wacht op de intake",
    },
    "insights": {"A2": "Wachten is het zwaarst", "B2": "Anouk", "D2": "Huisarts verwijst door"},
}


def fill_in_the_tutorials_workbook(path):
    assert main(["new", "--to", "xlsx", "--title", "Depressie in de GGZ", "-o", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    for key, cells in TUTORIAL_CELLS.items():
        sheet = book[words.text(f"capture.sheet.{key}", "nl")]
        for name, value in cells.items():
            sheet[name] = value
    book.save(path)


def cell_values(path):
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [[c.value for c in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_the_tutorials_path_from_a_new_workbook_to_a_map(tmp_path):
    """new --to xlsx, filled in with openpyxl, import, export: what docs/tutorial.md shows."""
    filled = tmp_path / "wand.xlsx"
    fill_in_the_tutorials_workbook(filled)
    assert cell_values(filled) == cell_values(ROOT / "docs" / "snippets" / "wand.xlsx")
    journey_file = tmp_path / "reis.yaml"
    assert main(["import", str(filled), "-o", str(journey_file)]) == 0
    tutorial = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    shown = tutorial.split("$ klantreis import docs/snippets/wand.xlsx -o -\n", 1)[1]
    assert journey_file.read_text(encoding="utf-8") == shown.split("```", 1)[0]
    journey = klantreis.load(journey_file)
    assert journey.steps[0].rating("emotion").votes == (2,)  # 'slecht'
    assert journey.actions[0].status is klantreis.Status.PLANNED  # 'gepland'
    for fmt in ("html", "svg"):
        out = tmp_path / f"kaart.{fmt}"
        assert main(["export", str(journey_file), "--to", fmt, "-o", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        assert all(s.title in text for s in journey.steps), fmt
