"""Workshop plans: templates, the file format (times as H:MM) and the schedule rules."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from klantreis import Language, ValidationError
from klantreis.errors import format_path
from klantreis.workshop import (
    WORKSHOP_RULES,
    Activity,
    ClockTime,
    MeetingKind,
    MethodStep,
    Role,
    Workshop,
    dump_workshop,
    dumps_workshop,
    help_questions,
    load_workshop,
    loads_workshop,
    method_guide,
    programme,
    validate_workshop,
    workshop_schema,
    workshop_template,
)


def t(text: str) -> ClockTime:
    return ClockTime.parse(text)


def plan(*activities: tuple[str, str | None, str], start="9:00", end="12:00", **changes):
    """A valid workshop with the given schedule: (start, end or None, title)."""
    base = Workshop(
        title="Intake",
        objective="De fases benoemen",
        success="De eerste reis hangt op de muur",
        start=t(start) if start else None,
        end=t(end) if end else None,
        schedule=[
            Activity(start=t(a), end=t(b) if b else None, title=title) for a, b, title in activities
        ],
    )
    return attrs.evolve(base, **changes)


def located(workshop: Workshop) -> list[tuple[str, str, str]]:
    return [(p.severity.value, p.code, format_path(p.path)) for p in validate_workshop(workshop)]


GOOD = (("9:00", "9:15", "Opening"), ("9:15", None, "Fases"), ("11:45", None, "Afsluiting"))

# --- templates ------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("meeting", [1, 2, 3])
def test_every_template_validates_without_problems(meeting, language):
    template = workshop_template(meeting, language)
    assert template.meeting is MeetingKind.from_number(meeting)
    assert template.language is Language(language)
    assert list(validate_workshop(template)) == []
    assert template.available_minutes >= 150


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("meeting", [1, 2, 3])
def test_every_template_round_trips_through_yaml_and_json(meeting, language, tmp_path):
    template = workshop_template(meeting, language)
    for suffix in (".yaml", ".json"):
        path = tmp_path / f"plan{suffix}"
        dump_workshop(template, path)
        assert load_workshop(path) == template


def test_the_first_template_follows_the_seeds_schedule():
    first = workshop_template(1, "nl")
    assert [(str(a.start), a.title) for a in first.schedule] == [
        ("9:00", "Opening & kennismaking"),
        ("9:15", "Uitleg doelstelling van de dag"),
        ("9:30", "Fases beschrijven + toelichting op de opdracht"),
        ("10:00", "Koffiepauze & start opdracht"),
        ("10:45", "Samenvoegen klantreizen"),
        ("11:45", "Blik op morgen & afsluiting"),
    ]
    assert "Tijdschema en klok" in first.materials
    assert Role(role="Tijdbewaker") in first.roles


def test_the_follow_up_covers_the_four_steps_of_the_method():
    steps = {a.step for a in workshop_template(3, "en").schedule}
    assert set(MethodStep) <= steps


def test_the_seed_texts_exist_in_both_languages():
    for language in Language:
        guides = method_guide(language)
        assert [g.step for g in guides] == list(MethodStep)
        assert [g.minutes for g in guides] == [20, 20, 20, None]
        assert len(guides[0].questions) == 5
        assert len(guides[1].questions) == 6
        assert len(guides[2].themes) == 4
        assert len(help_questions(language)) == 24
        for meeting in (1, 2, 3):
            assert programme(meeting, language)
    assert method_guide("nl")[0].questions[-1] == "Check: zijn echt alle acties vermeld?"


# --- times ----------------------------------------------------------------------------


def test_clock_times_read_and_write_as_people_write_them():
    assert t("9:30") == ClockTime(9, 30)
    assert t("09:30") == ClockTime(9, 30)
    assert str(ClockTime(9, 5)) == "9:05"
    assert ClockTime(9, 30) < ClockTime(10, 0)
    assert ClockTime.from_time(dt.time(13, 45)).to_time() == dt.time(13, 45)
    for bad in ("24:00", "9:60", "930", "9.30", "9:3", ""):
        with pytest.raises(ValueError, match="H:MM"):
            t(bad)


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_round_trips_through_text(hour, minute):
    assert t(str(ClockTime(hour, minute))) == ClockTime(hour, minute)


def test_a_plain_9_30_in_yaml_is_a_time_not_570():
    workshop = loads_workshop(
        "title: X\nobjective: a\nsuccess: b\nstart: 9:30\nend: 12:00\n", check=False
    )
    assert workshop.start == ClockTime(9, 30)


@pytest.mark.parametrize(
    ("written", "hint", "dutch"),
    [
        ("570", "YAML 1.1 tools read 9:30 as the number 570", "lezen 9:30 als het getal 570"),
        ("930", "write it with a colon: '9:30'", "schrijf het met een dubbele punt: '9:30'"),
        ("9.30", "not a point", "geen punt"),
        ("true", "with a colon", "met een dubbele punt"),
    ],
)
def test_a_number_for_a_time_is_refused_with_a_hint(written, hint, dutch):
    with pytest.raises(ValidationError) as info:
        loads_workshop(f"title: X\nstart: {written}\n", source="plan.yaml")
    (problem,) = info.value.problems
    assert (problem.code, problem.line, format_path(problem.path)) == ("wrong-type", 2, "start")
    assert "U:MM" in problem.message  # a workshop without `language:` is Dutch
    assert dutch in problem.hint
    english = problem.in_language("en")
    assert "H:MM" in english.message
    assert hint in english.hint


def test_times_are_written_in_quotes_for_yaml_1_1_readers():
    text = dumps_workshop(workshop_template(1, "nl"))
    assert "start: '9:00'" in text
    assert yaml.safe_load(text)["start"] == "9:00"  # PyYAML is a YAML 1.1 reader


# --- the file format ------------------------------------------------------------------


def test_structural_problems_are_located(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(
        "title: Bijeenkomst\n"
        "meeting: tweede\n"
        "schedule:\n"
        "  - start: 25:00\n"
        "    title: Opening\n"
        "  - title: Zonder tijd\n"
        "participants: veel\n"
        "tittle: x\n",
        encoding="utf-8",
    )
    report = validate_workshop(path)
    assert [(p.line, p.code, format_path(p.path)) for p in report] == [
        (2, "unknown-value", "meeting"),
        (4, "bad-time", "schedule[0].start"),
        (6, "missing-key", "schedule[1].start"),
        (7, "wrong-type", "participants"),
        (8, "unknown-key", "tittle"),
    ]


def test_format_version_is_checked():
    with pytest.raises(ValidationError, match="nieuwere klantreis"):
        loads_workshop("format_version: 2\ntitle: X\n")
    with pytest.raises(ValidationError, match="newer klantreis"):
        loads_workshop("format_version: 2\ntitle: X\nlanguage: en\n")
    assert loads_workshop("format_version: 1\ntitle: X\n", check=False).title == "X"


def test_the_id_is_derived_from_the_title():
    assert loads_workshop("title: Bijeenkomst één\n", check=False).id == "bijeenkomst-een"


def test_the_journey_link_is_checked_relative_to_the_file(tmp_path):
    (tmp_path / "reis.yaml").write_text("title: Reis\n", encoding="utf-8")
    good = attrs.evolve(workshop_template(1, "nl"), journey="reis.yaml")
    dump_workshop(good, tmp_path / "plan.yaml")
    assert validate_workshop(tmp_path / "plan.yaml").codes() == []
    dump_workshop(attrs.evolve(good, journey="weg.yaml"), tmp_path / "plan.yaml")
    assert validate_workshop(tmp_path / "plan.yaml").codes() == ["journey-not-found"]


def test_the_schema_accepts_the_templates_and_refuses_a_number_for_a_time():
    schema = workshop_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for meeting in (1, 2, 3):
        data = json.loads(dumps_workshop(workshop_template(meeting, "en"), "json"))
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "X", "start": 570}, schema)


# --- the schedule rules ---------------------------------------------------------------


def test_a_good_plan_has_no_problems():
    assert located(plan(*GOOD)) == []


SCHEDULES = {
    "no objective": (
        plan(*GOOD, objective=None),
        [("error", "missing-objective", "objective")],
    ),
    "a blank success criterion": (
        plan(*GOOD, success="  "),
        [("error", "missing-objective", "success")],
    ),
    "an end before the start": (
        plan(*GOOD, start="12:00", end="9:00"),
        [("error", "time-order", "end")],
    ),
    "out of order": (
        plan(("9:00", None, "Opening"), ("10:00", None, "Pauze"), ("9:30", None, "Fases")),
        [("error", "schedule-order", "schedule[2].start")],
    ),
    "an activity that ends before it starts": (
        plan(("9:00", "8:45", "Opening"), ("9:15", None, "Fases")),
        [("error", "schedule-order", "schedule[0].end")],
    ),
    "an overlap": (
        plan(("9:00", "9:30", "Opening"), ("9:15", None, "Fases")),
        [("error", "schedule-overlap", "schedule[1].start")],
    ),
    "two activities at once": (
        plan(("9:00", None, "Opening"), ("9:00", None, "Fases")),
        [("error", "schedule-overlap", "schedule[1].start")],
    ),
    "before the start": (
        plan(("8:30", None, "Koffie"), ("9:00", None, "Opening"), start="9:00"),
        [("error", "schedule-outside", "schedule[0].start")],
    ),
    "beyond the end": (
        plan(("9:00", None, "Opening"), ("12:15", None, "Napraten"), end="12:00"),
        [("error", "schedule-outside", "schedule[1].start")],
    ),
    "running over the end": (
        plan(("9:00", None, "Opening"), ("11:45", "12:30", "Afsluiting"), end="12:00"),
        [("error", "schedule-outside", "schedule[1].end")],
    ),
    "shorter than the seed advises": (
        plan(("9:00", None, "Opening"), end="11:00"),
        [("warning", "short-workshop", "end")],
    ),
    "no times": (
        plan(("9:00", None, "Opening"), start=None, end=None),
        [("warning", "no-times", "start"), ("warning", "no-times", "end")],
    ),
    "an empty schedule": (plan(), [("warning", "empty-schedule", "schedule")]),
    "a gap between activities": (
        plan(("9:00", "9:15", "Opening"), ("9:30", None, "Fases")),
        [("warning", "schedule-gap", "schedule[1].start")],
    ),
    "a late first activity": (
        plan(("9:30", None, "Opening")),
        [("warning", "schedule-gap", "schedule[0].start")],
    ),
    "an early end": (
        plan(("9:00", "11:00", "Alles")),
        [("warning", "schedule-gap", "schedule[0].end")],
    ),
    "a control character in an activity and in the materials": (
        plan(*GOOD, materials=["post-its", "stiften\x07"], objective="De fases\x1b[1m"),
        [
            ("warning", "control-character", "objective"),
            ("warning", "control-character", "materials[1]"),
        ],
    ),
}


@pytest.mark.parametrize("name", SCHEDULES)
def test_each_schedule_problem_is_reported_at_its_location(name):
    workshop, expected = SCHEDULES[name]
    assert located(workshop) == expected


def test_every_workshop_rule_has_a_case():
    tested = {code for _w, found in SCHEDULES.values() for _sev, code, _path in found}
    assert {r.code for r in WORKSHOP_RULES} <= tested


def test_schedule_problems_in_a_file_get_their_line(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(
        "title: Bijeenkomst\n"
        "objective: Fases benoemen\n"
        "start: 9:00\n"
        "end: 12:00\n"
        "schedule:\n"
        "  - start: 9:00\n"
        "    end: 9:45\n"
        "    title: Opening\n"
        "  - start: 9:30\n"
        "    title: Fases\n"
        "  - start: 12:30\n"
        "    title: Borrel\n",
        encoding="utf-8",
    )
    report = validate_workshop(path)
    assert [(p.line, p.code, format_path(p.path)) for p in report] == [
        (9, "schedule-overlap", "schedule[1].start"),
        (11, "schedule-outside", "schedule[2].start"),
        (None, "missing-objective", "success"),  # not in the file: no line
    ]
    assert str(report.problems[0]).startswith(f"{path}:9:5: schedule[1].start: error:")


# --- the command ----------------------------------------------------------------------


def test_workshop_new_writes_a_plan_that_validates(tmp_path, capsys):
    from klantreis.cli import main

    path = tmp_path / "plan.yaml"
    (tmp_path / "reis.yaml").write_text("title: Reis\n", encoding="utf-8")
    argv = ["workshop", "new", "--meeting", "2", "--lang", "en", "--journey", "reis.yaml"]
    assert main([*argv, "--date", "2026-10-08", "-o", str(path)]) == 0
    assert "klantreis workshop validate" in capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A customer journey meeting, started with `klantreis workshop new`.")
    plan = load_workshop(path)
    assert plan.meeting is MeetingKind.SECOND
    assert plan.date == dt.date(2026, 10, 8)
    assert plan.journey == "reis.yaml"
    assert main(["workshop", "validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: 0 errors, 0 warnings\n"
    assert main([*argv, "-o", str(path)]) == 2  # never overwrites unasked
    assert "--force" in capsys.readouterr().err


def test_workshop_validate_exit_status(tmp_path, capsys):
    from klantreis.cli import main

    short = tmp_path / "short.yaml"
    dump_workshop(plan(("9:00", None, "Alles"), end="10:00"), short)
    broken = tmp_path / "broken.yaml"
    dump_workshop(plan(*GOOD, objective=None), broken)
    assert main(["workshop", "validate", str(short)]) == 0
    assert main(["workshop", "validate", "--strict", str(short)]) == 1
    assert main(["workshop", "validate", str(broken)]) == 1
    assert main(["workshop", "validate", str(tmp_path / "missing.yaml")]) == 2
    out = capsys.readouterr()
    assert "[short-workshop]" in out.out
    assert "[missing-objective]" in out.out
    assert "no such file" in out.err


def test_workshop_schema_prints_json(capsys):
    from klantreis.cli import main

    assert main(["workshop", "schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "klantreis workshop"


def test_workshop_json_plans_round_trip(tmp_path):
    from klantreis.cli import main

    path = tmp_path / "plan.json"
    assert main(["workshop", "new", "--meeting", "3", "--json", "-o", str(path)]) == 0
    assert load_workshop(path) == workshop_template(3, "nl")
