"""The model converts or refuses at construction, and what it accepts never breaks later.

Every public attrs class either converts a value it can convert without guessing, or
raises TypeError/ValueError naming the class, the field and what it accepts. Whatever
the constructors accept, ``validate()``, ``dumps`` and every built-in exporter raise
nothing but klantreis's own errors on it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klantreis
from klantreis import (
    Channel,
    Duration,
    DurationUnit,
    ImprovementAction,
    Insight,
    Journey,
    Judgement,
    KlantreisError,
    Lane,
    LaneKind,
    Language,
    Note,
    NoteKind,
    Phase,
    Quality,
    Rating,
    Scale,
    SignOff,
    Step,
)
from klantreis.compare import Change, Collection, FieldChange, Kind, PatchError
from klantreis.exporters import Exporter, make_options
from klantreis.exporting import get_exporter
from klantreis.plugins import get_registry
from klantreis.testing.strategies import hostile_texts, journeys, wrong_values
from klantreis.workshop.model import Activity, ClockTime, MeetingKind, Workshop

STEP = {"title": "A", "phase": "p", "lane": "client"}


# --- the examples ---------------------------------------------------------------


def test_a_mapping_of_scale_to_votes_becomes_ratings():
    step = Step(**STEP, ratings={"emotion": 2, "motivation": [1, 2]})
    assert step.ratings == (Rating("emotion", (2,)), Rating("motivation", (1, 2)))
    assert step.rating("emotion").value == 2  # type: ignore[union-attr]


def test_a_duration_text_becomes_a_duration_in_either_language():
    assert Phase(name="X", lead_time="3 weken").lead_time == Duration(3, DurationUnit.WEEKS)
    assert Step(**STEP, duration="4-6 weeks").duration == Duration(4, "weeks", 6)
    journey = Journey(title="x", phases=[Phase(name="X", lead_time="2-4 weken")])
    assert "lead_time: 2-4 weken" in klantreis.dumps(journey)


def test_a_string_becomes_its_enum_member():
    journey = Journey(title="x", language="en")
    assert journey.language is Language.EN
    assert journey.lanes[0].name == "Client steps"  # the template in the journey's language
    assert Lane(name="x", kind="ideas").kind is LaneKind.IDEAS
    assert Step(**STEP, channels=["phone", Channel.EMAIL]).channels == (
        Channel.PHONE,
        Channel.EMAIL,
    )
    assert Quality(knowledge="good").knowledge is Judgement.GOOD
    assert Note(kind="question", text="?").kind is NoteKind.QUESTION
    assert Duration(1, "weken").unit is DurationUnit.WEEKS
    assert Workshop(title="w", meeting="second").meeting is MeetingKind.SECOND


def test_lists_become_tuples_and_iso_dates_become_dates():
    insight = Insight(text="x", steps=["a", "b"], date="2026-03-26")
    assert insight.steps == ("a", "b")
    assert insight.date == dt.date(2026, 3, 26)
    assert Activity(start="9:30", title="x", end=dt.time(10, 0)).end == ClockTime(10, 0)


WRONG = [
    # (class, field, value, error, what the message says it accepts)
    (Rating, "votes", (True,), TypeError, "whole number"),
    (Rating, "votes", (1.0,), TypeError, "whole number"),
    (Rating, "votes", (), ValueError, "at least one vote"),
    (Rating, "votes", "12", TypeError, "list or tuple"),
    (Step, "moment_of_truth", 1, TypeError, "True or False"),
    (Step, "ratings", ["emotion"], TypeError, "a Rating"),
    (Step, "channels", ["fax"], ValueError, "'phone'"),
    (Step, "quality", None, TypeError, "a Quality"),
    (Step, "phase", 3, TypeError, "text"),
    (Phase, "lead_time", "3 wkn", ValueError, "is not a duration"),
    (Phase, "lead_time", 3, TypeError, "a Duration"),
    (Journey, "phases", ["Aanmelding"], TypeError, "a Phase"),
    (Journey, "phases", "Aanmelding", TypeError, "list or tuple"),
    (Journey, "language", "de", ValueError, "'nl', 'en'"),
    (Journey, "title", b"x", TypeError, "text"),
    (Journey, "persona", "Anouk", TypeError, "a Persona"),
    (Journey, "description", "lone \ud800 surrogate", ValueError, "surrogate"),
    (Insight, "date", dt.datetime(2026, 3, 26, 9, 30), TypeError, "a date"),
    (Insight, "date", "26-03-2026", TypeError, "YYYY-MM-DD"),
    (Insight, "discussed", "yes", TypeError, "True or False"),
    (ImprovementAction, "within_mandate", 0, TypeError, "True or False"),
    (ImprovementAction, "status", "gedaan", ValueError, "'done'"),
    (Scale, "minimum", True, TypeError, "whole number"),
    (Scale, "maximum", 5.0, TypeError, "whole number"),
    (Duration, "amount", float("inf"), TypeError, "finite number"),
    (Duration, "amount", -1, ValueError, "0 or more"),
    (Duration, "amount", "3", TypeError, "number"),
    (SignOff, "date", None, TypeError, "a date"),
    (ClockTime, "hour", True, TypeError, "whole number"),
    (Activity, "start", "25:00", TypeError, "H:MM"),
    (Activity, "step", "reflectie", ValueError, "'beeldvorming'"),
    (Workshop, "participants", 12.5, TypeError, "whole number"),
]

VALID: dict[type, dict[str, Any]] = {
    Rating: {"scale": "emotion", "votes": (3,)},
    Step: STEP,
    Phase: {"name": "X"},
    Journey: {"title": "x"},
    Insight: {"text": "x"},
    ImprovementAction: {"title": "x"},
    Scale: {"name": "x", "minimum": 1, "maximum": 5},
    Duration: {"amount": 2, "unit": "weeks"},
    SignOff: {"who": "x", "date": dt.date(2026, 1, 1), "fingerprint": "sha256:0"},
    ClockTime: {"hour": 9},
    Activity: {"start": "9:00", "title": "x"},
    Workshop: {"title": "x"},
}


@pytest.mark.parametrize(("cls", "name", "value", "error", "accepts"), WRONG)
def test_a_wrong_value_is_refused_at_construction_naming_class_and_field(
    cls, name, value, error, accepts
):
    with pytest.raises(error) as info:
        cls(**{**VALID[cls], name: value})
    message = str(info.value)
    assert message.startswith(f"{cls.__name__}.{name}"), message
    assert accepts in message


def test_a_wrong_vote_in_a_mapping_names_the_step_field_and_the_scale():
    with pytest.raises(TypeError, match=r"Step\.ratings\['emotion'\]: Rating\.votes\[1\]"):
        Step(**STEP, ratings={"emotion": [1, 2.0]})


def test_evolve_checks_too():
    with pytest.raises(TypeError, match=r"Journey\.steps"):
        attrs.evolve(Journey(title="x"), steps=[{"title": "a"}])


def test_the_annotations_tell_mypy_what_each_field_accepts():
    # What mypy's attrs plugin reads: the converter's parameter (tests/typing checks it).
    init = Journey.__init__.__annotations__
    assert init["phases"] == "Iterable[Phase]"
    assert init["language"] == "Language | str"
    assert Step.__init__.__annotations__["ratings"].startswith(
        "Mapping[str, int | Sequence[int] | Mapping[str, int | Sequence[int]]]"
    )


# --- ids that only look different ---------------------------------------------------------

NFC, NFD = "cli\u00e9nt", "clie\u0301nt"


def test_ids_in_nfd_and_nfc_are_one_id():
    assert Phase(name="x", id=NFD).id == NFC
    assert Step(title="x", phase=NFD, lane="client").phase == NFC
    assert Rating(NFD, 1).scale == NFC
    assert Insight(text="x", steps=[NFD]).steps == (NFC,)
    journey = Journey(title="x", phases=[Phase(name="a", id=NFC), Phase(name="b", id=NFD)])
    assert "duplicate-id" in klantreis.validate(journey).codes()


def test_look_ups_find_an_item_by_its_id_in_either_form():
    journey = Journey(title="x", phases=[Phase(name="a", id=NFC)])
    assert journey.phase(NFD) is journey.phases[0]


def test_unclear_id_and_control_character_messages_are_in_the_journeys_language():
    journey = Journey(title="\x1b", phases=[Phase(name="a", id="a\u200b")])
    found = {p.code: p for p in klantreis.validate(journey).problems}
    assert found["unclear-id"].message.startswith("het id 'a\\u200b' bevat een onzichtbaar")
    assert found["control-character"].hint == "haal het weg"
    english = klantreis.validate(attrs.evolve(journey, language="en"))
    assert "remove it" in [p.hint for p in english.problems]


def test_derived_ids_are_nfc():
    assert Phase(name="한국").id == "한국"  # NFKD would split the syllables into letters


@pytest.mark.parametrize(
    ("written", "why", "clean"),
    [
        ("intake\u00a0", "ends with a space (U+00A0 NO-BREAK SPACE)", "intake"),
        (" intake", "begins with a space", "intake"),
        ("in\u200btake", "U+200B ZERO WIDTH SPACE", "intake"),
        ("in\ufefftake", "U+FEFF ZERO WIDTH NO-BREAK SPACE", "intake"),
        ("in\u2003take", "U+2003 EM SPACE", "in take"),
    ],
)
def test_an_id_that_looks_like_another_is_a_located_error(written, why, clean):
    journey = Journey(
        title="x",
        phases=[Phase(name="Intake", id=written)],
        steps=[Step(title="s", phase=written, lane="client")],
    )
    report = klantreis.validate(journey).in_language("en")
    problems = [p for p in report.errors if p.code == "unclear-id"]
    assert [p.path for p in problems] == [("phases", 0, "id"), ("steps", 0, "phase")]
    assert why in problems[0].message
    assert problems[0].hint == f"write it as {clean!r}"


def _file(fmt: str, phase_id: str, description: str) -> str:
    data = {
        "title": "x",
        "phases": [{"name": "Intake", "id": phase_id, "description": description}],
        "steps": [{"title": "s", "phase": "intake", "lane": "client"}],
    }
    if fmt == "json":
        return json.dumps(data, indent=2)
    return (  # YAML escapes in double quotes: the same text as the JSON
        f"title: x\nphases:\n  - name: Intake\n    id: {json.dumps(phase_id)}\n"
        f"    description: {json.dumps(description)}\n"
        "steps:\n  - title: s\n    phase: intake\n    lane: client\n"
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_unclear_ids_and_control_characters_are_located_in_every_format(fmt, tmp_path):
    path = tmp_path / f"j.{fmt}"
    path.write_text(_file(fmt, "intake\u200b", "rood \x1b[31m en \x07"), encoding="utf-8")
    report = klantreis.validate(path).in_language("en")
    found = {p.code: p for p in report.problems}
    id_line = {"yaml": 4, "json": 6}[fmt]
    assert found["unclear-id"].line == id_line
    assert found["unclear-id"].path == ("phases", 0, "id")
    control = found["control-character"]
    assert control.severity is klantreis.Severity.WARNING
    assert control.line == id_line + 1
    assert control.path == ("phases", 0, "description")
    assert "U+001B" in control.message
    with pytest.raises(klantreis.ValidationError):
        klantreis.load(path)  # an unclear id is an error, like a dangling reference


def test_control_characters_in_the_python_api_are_found_by_validate():
    journey = Journey(
        title="x\x00",
        steps=[Step(**STEP, notes=[Note(kind="question", text="wat\x1b?")])],
    )
    paths = [p.path for p in klantreis.validate(journey).warnings if p.code == "control-character"]
    assert paths == [("title",), ("steps", 0, "notes", 0, "question")]


def test_tabs_and_line_breaks_are_not_control_characters():
    journey = Journey(title="x", description="een\tdrie\r\nvier")
    assert "control-character" not in klantreis.validate(journey).codes()


# --- whatever the constructors accept, nothing breaks later -----------------------------


def _builtin_exporters(*, binary: bool) -> list[str]:
    """The names of every built-in exporter of text (or of bytes: the rendered map)."""
    entries = get_registry().exporters
    return sorted(
        name
        for name, entry in entries.items()
        if entry.plugin.builtin and entry.exporter.binary is binary
    )


def _mutate(data: st.DataObject, obj: Any, depth: int = 0) -> Any:
    """*obj* with one field, somewhere inside it, set to a wrong-looking value."""
    fields = attrs.fields(type(obj))
    a = data.draw(st.sampled_from(fields), label="field")
    value = getattr(obj, a.name)
    inner = [v for v in (value if type(value) is tuple else (value,)) if attrs.has(type(v))]
    if inner and depth < 3 and data.draw(st.booleans(), label="deeper"):
        target = data.draw(st.sampled_from(inner), label="item")
        changed = _mutate(data, target, depth + 1)
        new = (
            tuple(changed if v is target else v for v in value) if type(value) is tuple else changed
        )
        return attrs.evolve(obj, **{a.name: new})
    return attrs.evolve(obj, **{a.name: data.draw(wrong_values(), label="value")})


def _run(exporter: Exporter, journey: Journey, options: Any) -> None:
    """Call the exporter's own render (not the host's, which wraps any exception), to the end."""
    data = exporter.render(journey, options)
    if not isinstance(data, (str, bytes)):
        list(data)  # a render that gives chunks runs as they are taken


def _everything_raises_only_klantreis_errors(journey: Journey) -> None:
    report = klantreis.validate(journey)  # a report, never an exception
    names = _builtin_exporters(binary=False)
    assert {"markdown", "csv", "dot", "html", "wall"} <= set(names)
    for name in names:
        exporter = get_exporter(name)
        with contextlib.suppress(KlantreisError):
            _run(exporter, journey, exporter.options())
    csv = get_exporter("csv")
    with contextlib.suppress(KlantreisError):
        _run(csv, journey, make_options(csv, {"layout": "grid"}))
    text = klantreis.dumps(journey)
    try:
        back = klantreis.loads(text)
    except KlantreisError:
        assert not report.ok or report.warnings
    else:
        assert back == journey


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(journey=journeys(max_steps=4, max_actions=2, max_insights=2), data=st.data())
def test_whatever_the_constructors_accept_validate_dump_and_export_take(journey, data):
    try:
        journey = _mutate(data, journey)
    except (TypeError, ValueError) as exc:
        refused = str(exc)
    else:
        refused = None
    if refused is not None:
        assert re.match(r"\w+\.\w+(\[[^\]]+\])*: ", refused), refused  # Class.field: ...
        return
    _everything_raises_only_klantreis_errors(journey)


@pytest.mark.parametrize(
    "journey",
    [
        Journey(title="", id=""),
        Journey(title="x", phases=[Phase(name="x", lead_time="0 min")], scales=[]),
        Journey(title="x", scales=[Scale(name="s", minimum=5, maximum=1, labels=["a"])]),
        Journey(title="x", steps=[Step(**STEP, ratings={"nope": [-99, 10**30]})]),
        Journey(title="\x1b\x00", language="en", description="\u202e\u200f"),
        Journey(title="x", lanes=[], phases=[Phase(name="p")], steps=[Step(**STEP)]),
    ],
    ids=["empty", "no-scales", "backwards-scale", "wild-votes", "controls", "no-lanes"],
)
def test_hand_picked_odd_journeys_raise_only_klantreis_errors(journey):
    _everything_raises_only_klantreis_errors(journey)
    for name in _builtin_exporters(binary=True):  # the rendered map too (runs Graphviz)
        exporter = get_exporter(name)
        with contextlib.suppress(KlantreisError):
            _run(exporter, journey, exporter.options())


@given(text=hostile_texts())
def test_hostile_text_is_accepted_by_every_text_field(text):
    Journey(title=text, description=text, phases=[Phase(name=text, goal=text)])


# --- patch() checks its result like a load does -------------------------------------------


def _two_phases() -> Journey:
    return Journey(
        title="Reis",
        phases=[Phase(name="Aanmelding"), Phase(name="Intake")],
        steps=[Step(title="Belt", phase="intake", lane="client")],
    )


def _diff_of(journey: Journey, change: Change) -> Any:
    return attrs.evolve(klantreis.diff(journey, journey), changes=(change,))


def test_a_patch_that_would_leave_a_dangling_reference_raises_patch_error():
    old = _two_phases()
    d = klantreis.diff(old, attrs.evolve(old, phases=old.phases[1:]))  # drops 'aanmelding'
    elsewhere = attrs.evolve(old, steps=[attrs.evolve(old.steps[0], phase="aanmelding")])
    with pytest.raises(PatchError, match=r"would not load: steps\[0\]\.phase: no phase"):
        klantreis.patch(elsewhere, d)
    assert klantreis.patch(old, d) == attrs.evolve(old, phases=old.phases[1:])


def test_a_patch_with_a_value_the_field_does_not_take_raises_patch_error():
    old = _two_phases()
    change = Change(
        kind=Kind.CHANGED,
        collection=Collection.PHASES,
        id="intake",
        new_id="intake",
        fields=(FieldChange("lead_time", None, "3 wkn"),),
    )
    with pytest.raises(PatchError, match=r"phases\['intake'\]\.lead_time: cannot set '3 wkn'"):
        klantreis.patch(old, _diff_of(old, change))
    converted = attrs.evolve(change, fields=(FieldChange("lead_time", None, "3 weken"),))
    patched = klantreis.patch(old, _diff_of(old, converted))
    assert patched.phases[1].lead_time == Duration(3, "weeks")


def test_a_patch_that_renames_to_a_wrong_id_raises_patch_error():
    old = _two_phases()
    change = Change(kind=Kind.RENAMED, collection=Collection.STEPS, id="belt", new_id=7)
    with pytest.raises(PatchError, match=r"steps\['belt'\]: cannot rename to 7"):
        klantreis.patch(old, _diff_of(old, change))


@given(journey=journeys(max_steps=5, max_actions=2, max_insights=2), data=st.data())
def test_patch_gives_the_new_journey_exactly_when_it_would_load(journey, data):
    kept = data.draw(
        st.lists(st.sampled_from(journey.steps), unique=True) if journey.steps else st.just([])
    )
    new = attrs.evolve(journey, steps=[s for s in journey.steps if s in kept])  # may dangle
    d = klantreis.diff(journey, new)
    if klantreis.validate(new).ok:
        assert klantreis.patch(journey, d) == new
    else:
        with pytest.raises(PatchError, match="would not load"):
            klantreis.patch(journey, d)
    assert klantreis.patch(journey, d, check=False) == new


def _all_text(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _all_text(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _all_text(v)]
    return []


@given(journey=journeys(text=hostile_texts(), max_steps=4))
def test_a_control_character_anywhere_is_found_and_only_then(journey):
    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
    expected = any(controls.search(t) for t in _all_text(attrs.asdict(journey)))
    codes = klantreis.validate(journey).codes()
    assert ("control-character" in codes) is expected
    assert "unclear-id" not in codes  # the strategies' ids are clear
