"""Review sheets: what they ask, answers back on the right steps, and sign-offs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klantreis
from klantreis import Journey, NoteKind, ValidationError
from klantreis.cli import main
from klantreis.errors import format_path
from klantreis.review import (
    fingerprint,
    import_answers,
    review_sheet,
    sign_off,
)
from klantreis.testing.strategies import hostile_texts, journeys


@pytest.fixture
def journey(examples) -> Journey:
    return klantreis.load(examples / "debt-counselling-en.yaml")


def rows_of(text: str) -> list[dict[str, str]]:
    """The rows of a CSV sheet, keyed by the English column names."""
    text = text.lstrip("\ufeff")
    delimiter = ";" if text.startswith(("step_id;", "stap_id;")) else ","
    dutch = dict(zip(NL_HEADER.split(","), EN_HEADER.split(","), strict=True))
    return [
        {dutch.get(k, k): v for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    ]


NL_HEADER = "stap_id,onderdeel,fase,baan,stap,op_de_muur,teken,antwoord,suggestie,naam"
EN_HEADER = "step_id,section,phase,lane,step,on_the_wall,mark,answer,suggestion,name"


# --- the sheet ------------------------------------------------------------------------


def test_the_markdown_sheet_asks_the_seeds_questions(journey):
    sheet = review_sheet(journey)
    assert sheet.startswith("# Validate with a colleague: Debt counselling at the municipality")
    assert "| Lane | Step | Is this right? | What is missing? |" in sheet
    for n, phase in enumerate(journey.phases, 1):
        assert f"## {n}\\. {phase.name.replace('&', '&amp;')}" in sheet
    for step in journey.steps:
        assert f"(`{step.id}`)" in sheet
    assert "### 1\\. Frictions and frustrations" in sheet
    assert "### 2\\. The moments the client finds hard" in sheet
    assert "### 3\\. What is the moment of truth for the client?" in sheet
    assert "`klantreis review import`" in sheet


def test_the_dutch_sheet_is_in_dutch(examples):
    journey = klantreis.load(examples / "depressie-ggz-2026-najaar.yaml")
    sheet = review_sheet(journey)
    assert sheet.startswith("# Valideren bij een collega: ")
    assert "Klopt dit?" in sheet
    assert "1\\. Fricties en frustraties" in sheet
    header = review_sheet(journey, "csv").splitlines()[0]
    assert header == NL_HEADER


def test_the_csv_sheet_has_every_step_then_the_three_questions(journey):
    rows = rows_of(review_sheet(journey, "csv"))
    steps = [r for r in rows if r["section"] == "step"]
    assert sorted(r["step_id"] for r in steps) == sorted(s.id for s in journey.steps)
    frictions = [r["step_id"] for r in rows if r["section"] == "friction"]
    assert frictions[:-3] == [s for s in frictions[:-3] if journey.step(s).pain_points]
    assert frictions[-3:] == ["", "", ""]
    truths = [r["step_id"] for r in rows if r["section"] == "moment of truth" and r["step_id"]]
    assert sorted(truths) == sorted(s.id for s in journey.steps if s.moment_of_truth)
    hard = [r for r in rows if r["section"] == "hard moment" and r["step_id"]]
    assert any(r["on_the_wall"].startswith("Emotion: 1") for r in hard)


def test_the_excel_sheet_opens_in_dutch_excel(journey):
    text = review_sheet(journey, "csv", excel=True)
    assert text.startswith("\ufeffstep_id;section;")


@settings(max_examples=20)
@given(journeys(text=hostile_texts(), max_steps=5, max_actions=0, max_insights=0))
def test_sheets_never_break_on_what_people_write(journey):
    markdown = review_sheet(journey)
    for line in markdown.splitlines():
        assert not line.startswith(("<", "=")), line
    rows = rows_of(review_sheet(journey, "csv"))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    steps = [r["step_id"] for r in rows if r["section"] in ("step", "stap")]
    assert sorted(steps) == sorted(s.id for s in journey.steps)


# --- answers back ---------------------------------------------------------------------


def fill(sheet: str, answers: dict[tuple[str, str], tuple[str, str, str]]) -> str:
    """The sheet with answers: (section, step id) -> (mark, answer, name)."""
    rows = rows_of(sheet)
    for row in rows:
        key = (row["section"], row["step_id"])
        if key in answers:
            row["mark"], row["answer"], row["name"] = answers.pop(key)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_answers_come_back_on_the_right_steps(journey, tmp_path):
    filled = fill(
        review_sheet(journey, "csv"),
        {
            ("step", "ignores-letters"): ("?", "Do all letters come by post?", "Sanne"),
            ("step", "calls-help-line"): ("!", "The wait is two weeks", ""),
            ("step", "buddy-visits"): ("", "And he calls in between", "Wouter"),
            ("friction", "calls-help-line"): ("+", "The line closes at four", ""),
            ("step", "intake-interview"): ("klopt", "", ""),
        },
    )
    path = tmp_path / "answers.csv"
    path.write_text(filled, encoding="utf-8")
    after = import_answers(journey, path, author="Ruud")
    new = {
        s.id: s.notes[len(journey.step(s.id).notes) :]
        for s in after.steps
        if s.notes != journey.step(s.id).notes
    }
    assert {k: [(n.kind, n.text, n.author) for n in v] for k, v in new.items()} == {
        "ignores-letters": [(NoteKind.QUESTION, "Do all letters come by post?", "Sanne")],
        "calls-help-line": [
            (NoteKind.DISAGREEMENT, "The wait is two weeks", "Ruud"),
            (NoteKind.ADDITION, "friction: The line closes at four", "Ruud"),
        ],
        "buddy-visits": [(NoteKind.ADDITION, "And he calls in between", "Wouter")],
    }
    # nothing else changed, and importing again adds nothing
    assert attrs.evolve(after, steps=journey.steps) == journey
    assert import_answers(after, path, author="Ruud") == after


def test_a_colleague_may_name_the_step_by_its_title(journey):
    rows = [{"section": "friction", "step": journey.steps[3].title.upper(), "answer": "x"}]
    after = import_answers(journey, rows)
    assert after.steps[3].notes[-1].text == "friction: x"


def test_answers_that_cannot_be_placed_are_located(journey, tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text(
        "step_id,section,mark,answer\n"
        "calls-help-lines,step,?,Wie?\n"
        ",friction,,Geen stap\n"
        "calls-help-line,step,*,Wat?\n"
        "calls-help-line,elsewhere,,Waar?\n"
        "calls-help-line,step,,Goed\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        import_answers(journey, path)
    report = info.value.report
    assert [(p.line, p.code, format_path(p.path)) for p in report] == [
        (2, "unknown-step", "step_id"),
        (3, "no-step", "step_id"),
        (4, "unknown-mark", "mark"),
        (5, "unknown-section", "section"),
    ]
    assert report.problems[0].hint == "did you mean 'calls-help-line'?"
    assert str(report.problems[0]).startswith(f"{path}:2: step_id: error: no step has")
    with pytest.raises(ValidationError) as info:
        import_answers(attrs.evolve(journey, language="nl"), path)
    dutch = info.value.report
    assert dutch.codes() == report.codes()
    assert dutch.problems[0].hint == "bedoel je 'calls-help-line'?"
    assert dutch.problems[2].message.startswith("'*' is geen teken")
    assert "stap, frictie, moeilijk moment" in dutch.problems[3].message
    with pytest.warns(DeprecationWarning, match="klantreis.words"):
        from klantreis.review import SECTIONS
    assert SECTIONS["friction"] == ("frictie", "friction")


def test_dutch_headers_semicolons_and_neutralised_cells_are_read(journey):
    text = "\ufeffstap_id;onderdeel;teken;antwoord;naam\ncalls-help-line;stap;'+;'-2 dagen;Sanne\n"
    after = import_answers(journey, io.StringIO(text))
    note = after.step("calls-help-line").notes[-1]
    assert (note.kind, note.text, note.author) == (NoteKind.ADDITION, "-2 dagen", "Sanne")


# --- sign-offs ------------------------------------------------------------------------


@given(journeys(max_steps=4))
def test_the_fingerprint_covers_the_mapped_content_not_the_notes(journey):
    printed = fingerprint(journey)
    assert printed.startswith("sha256:")
    assert len(printed) == 23
    noted = attrs.evolve(
        journey, insights=(), actions=(), steps=[attrs.evolve(s, notes=()) for s in journey.steps]
    )
    assert fingerprint(noted) == printed
    assert fingerprint(klantreis.loads(klantreis.dumps(journey), check=False)) == printed
    assert fingerprint(attrs.evolve(journey, title=journey.title + "!")) != printed


@given(journeys(max_steps=4), st.dates(dt.date(2026, 1, 1), dt.date(2030, 1, 1)))
def test_a_sign_off_is_current_until_the_content_changes(journey, on):
    signed = sign_off(journey, "Sanne", on=on)
    assert "signoff-outdated" not in klantreis.validate(signed).codes()
    changed = attrs.evolve(signed, description=(journey.description or "") + " more")
    assert klantreis.validate(changed).codes().count("signoff-outdated") == 1
    again = sign_off(changed, "Sanne", on=on)
    assert "signoff-outdated" not in klantreis.validate(again).codes()


def test_review_commands_from_sheet_to_sign_off(journey, examples, tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    shutil.copy(examples / "debt-counselling-en.yaml", path)
    sheet = tmp_path / "sheet.csv"
    assert main(["review", "sheet", str(path), "--format", "csv", "-o", str(sheet)]) == 0
    filled = fill(
        sheet.read_text(encoding="utf-8"),
        {("step", "calls-help-line"): ("?", "Who calls back?", "Sanne")},
    )
    sheet.write_text(filled, encoding="utf-8")
    assert main(["review", "import", str(path), str(sheet)]) == 0
    assert "added 1 note to 1 step" in capsys.readouterr().err
    assert klantreis.load(path).step("calls-help-line").notes[-1].text == "Who calls back?"
    argv = ["review", "sign", str(path), "--by", "Sanne", "--date", "2026-10-20"]
    assert main(argv) == 0
    assert "signed off by Sanne on 2026-10-20" in capsys.readouterr().err
    assert main(["validate", "--strict", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Aftercare", "name: Aftercare!"), encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 1
    assert "[signoff-outdated]" in capsys.readouterr().out


def test_import_to_another_file_leaves_the_journey_alone(examples, tmp_path):
    path = tmp_path / "reis.yaml"
    shutil.copy(examples / "debt-counselling-en.yaml", path)
    before = path.read_bytes()
    answers = tmp_path / "a.csv"
    answers.write_text("step_id,answer\ncalls-help-line,Hm\n", encoding="utf-8")
    out = tmp_path / "after.yaml"
    assert main(["review", "import", str(path), str(answers), "-o", str(out)]) == 0
    assert path.read_bytes() == before
    assert klantreis.load(out).step("calls-help-line").notes[-1].text == "Hm"
    assert main(["review", "import", str(path), str(answers), "-o", str(out)]) == 2  # exists
