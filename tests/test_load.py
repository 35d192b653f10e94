"""Reading journey files: every problem located, bad files refused with one clear message."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import LoadError, ValidationError

MINIMAL = """\
title: Schuldhulp
phases:
  - name: Aanmelding
steps:
  - title: Belt de gemeente
    phase: aanmelding
    lane: client
"""


def problems(text: str, fmt: str = "yaml") -> list[tuple[str, str, int | None]]:
    """(code, path, line) of every error loading *text* reports."""
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text, format=fmt, source="reis.yaml")
    return [(p.code, klantreis.errors.format_path(p.path), p.line) for p in info.value.problems]


def load_error(data: str | bytes, fmt: str | None = "yaml") -> klantreis.Problem:
    with pytest.raises(LoadError) as info:
        klantreis.loads(data, format=fmt, source="reis.yaml")
    return info.value.problem


def test_a_minimal_file_loads_with_derived_ids():
    journey = klantreis.loads(MINIMAL)
    assert journey.id == "schuldhulp"
    assert journey.phases[0].id == "aanmelding"
    assert journey.steps[0].id == "belt-de-gemeente"
    assert journey.steps[0].phase == "aanmelding"


def test_derived_ids_are_unique_and_never_take_a_written_id():
    text = """\
title: x
phases: [{name: Intake}, {name: Intake}, {name: Nazorg, id: intake-2}]
"""
    journey = klantreis.loads(text, check=False)
    assert [p.id for p in journey.phases] == ["intake", "intake-3", "intake-2"]


def test_written_ids_are_kept_when_the_title_changes():
    journey = klantreis.loads(MINIMAL)
    text = klantreis.dumps(journey).replace("title: Belt de gemeente", "title: Belt het wijkteam")
    assert klantreis.loads(text).steps[0].id == "belt-de-gemeente"


TWENTY_MISTAKES = """\
title: Schuldhulp
titel: dubbel
language: dutch
persona: {name: 5}
phases:
  - name: Aanmelding
    lead_time: binnenkort
  - name: [Intake]
steps:
  - title: Belt de gemeente
    phase: aanmelding
    lane: client
    channels: [fone]
    moment_of_truth: "false"
    ratings: {emotion: 3.7, motivation: [1, "twee"]}
    pain_points: {client: wachten}
    quality: {knowledge: goed}
    notes:
      - question: Waarom?
        auteur: Sanne
      - remark: los
    duration: 2
  - title: [a, list]
    phase: aanmelding
    lane: client
  - phase: aanmelding
    lane: client
actions:
  - title: Terugbelservice
    scope: wij
    due: 1 mei
    tomorrow: yes
insights:
  - text: Inzicht
    discussed: 1
"""


def test_twenty_mistakes_get_twenty_located_messages():
    found = problems(TWENTY_MISTAKES)
    assert found == [
        ("unknown-key", "titel", 2),
        ("unknown-value", "language", 3),
        ("wrong-type", "persona.name", 4),
        ("bad-duration", "phases[0].lead_time", 7),
        ("wrong-type", "phases[1].name", 8),
        ("unknown-value", "steps[0].channels[0]", 13),
        ("wrong-type", "steps[0].moment_of_truth", 14),
        ("wrong-type", "steps[0].ratings.emotion", 15),
        ("wrong-type", "steps[0].ratings.motivation[1]", 15),
        ("wrong-type", "steps[0].pain_points.client", 16),
        ("unknown-value", "steps[0].quality.knowledge", 17),
        ("unknown-key", "steps[0].notes[0].auteur", 20),
        ("unknown-key", "steps[0].notes[1].remark", 21),
        ("bad-note", "steps[0].notes[1]", 21),
        ("wrong-type", "steps[0].duration", 22),
        ("wrong-type", "steps[1].title", 23),
        ("missing-key", "steps[2].title", 26),
        ("unknown-value", "actions[0].scope", 30),
        ("wrong-type", "actions[0].due", 31),
        ("wrong-type", "actions[0].tomorrow", 32),
        ("wrong-type", "insights[0].discussed", 35),
    ]


def test_messages_say_what_is_wrong_and_suggest_a_fix():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(TWENTY_MISTAKES, source="reis.yaml")
    by_path = {klantreis.errors.format_path(p.path): p for p in info.value.problems}
    by_path = {k: p.in_language("en") for k, p in by_path.items()}
    assert by_path["titel"].hint == "did you mean 'title' (titel)? keys are written in English"
    assert by_path["steps[0].channels[0]"].hint == "did you mean 'phone' (telefonisch)?"
    assert (
        "expected true or false, got the text 'false'"
        in by_path["steps[0].moment_of_truth"].message
    )
    assert "got the number 3.7" in by_path["steps[0].ratings.emotion"].message
    # `tomorrow: yes` is text in YAML 1.2, and klantreis does not guess
    assert "got the text 'yes'" in by_path["actions[0].tomorrow"].message
    assert str(by_path["titel"]).startswith("reis.yaml:2:1: titel: error: unknown key 'titel'")


@pytest.mark.parametrize("value", ["no", "off", "yes", "on", "9:30", "010", "0x1F", "2026-05-01"])
def test_yaml_1_1_surprises_stay_the_text_that_was_written(value):
    text = f"title: x\ndescription: {value}\n"
    assert klantreis.loads(text, check=False).description == value


@pytest.mark.parametrize("value", ["1e3", "12", "true", "-.inf"])
def test_numbers_and_booleans_in_a_text_field_are_errors_not_coerced(value):
    assert problems(f"title: x\ndescription: {value}\n") == [("wrong-type", "description", 2)]


@pytest.mark.parametrize("value", ["~", "null", ""])
def test_null_leaves_an_optional_field_empty(value):
    assert klantreis.loads(f"title: x\ndescription: {value}\n", check=False).description is None


def test_a_key_given_twice_is_an_error_not_last_wins():
    text = "title: x\nphases:\n  - name: A\n    name: B\n"
    assert problems(text) == [("duplicate-key", "phases[0].name", 4)]


def test_a_key_given_twice_in_json_is_located_too():
    text = '{\n  "title": "x",\n  "title": "y"\n}\n'
    assert problems(text, "json") == [("duplicate-key", "title", 3)]


def test_json_problems_have_lines():
    text = json.dumps({"title": "x", "phases": [{"name": "A", "goal": 3}]}, indent=2)
    assert problems(text, "json") == [("wrong-type", "phases[0].goal", 6)]


@pytest.mark.parametrize("text", ['{"title": NaN}', '{"title": Infinity}', '{"title": -Infinity}'])
def test_json_nan_and_infinity_are_refused(text):
    ((code, path, _line),) = problems(text, "json")
    assert (code, path) == ("wrong-type", "title")


def test_integers_of_thousands_of_digits_are_refused_quickly():
    big = "9" * 5000
    for text, fmt in (
        (f"title: x\nscales: [{{name: s, minimum: 1, maximum: {big}}}]", "yaml"),
        (f'{{"title": "x", "scales": [{{"name": "s", "minimum": 1, "maximum": {big}}}]}}', "json"),
    ):
        ((code, path, _line),) = problems(text, fmt)
        assert (code, path) == ("wrong-type", "scales[0].maximum")


def test_yaml_aliases_are_refused_so_an_alias_bomb_cannot_expand():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    bomb += "title: *j\n"
    found = problems(bomb)
    assert ("yaml-alias", "b[1]", 2) in found
    assert len(found) < 100


def test_custom_yaml_tags_are_refused():
    found = problems("title: !!python/object:os.system echo\n")
    assert found == [("yaml-tag", "title", 1)]


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"", "empty", None),
        (b"  \n\n", "empty", None),
        (b"title: caf\xe9\n", "bad-encoding", 1),
        ("title: x\n".encode("utf-16"), "bad-encoding", None),
        (b"title: x\n\x00\n", "bad-encoding", 2),
        (b"title: [x\nphases: 1\n", "invalid-yaml", 2),
        (b"title: x\nphases: a: b\n", "invalid-yaml", 2),
        (b"title: x\n---\ntitle: y\n", "invalid-yaml", 2),
    ],
)
def test_unreadable_input_is_one_clear_load_error(data, code, line):
    problem = load_error(data)
    assert problem.code == code
    assert problem.line == line
    assert problem.source == "reis.yaml"


def test_a_utf8_bom_is_accepted():
    assert klantreis.loads(b"\xef\xbb\xbftitle: x\n", check=False).title == "x"


def test_invalid_json_has_line_and_column():
    problem = load_error('{\n  "title": "x",\n}', "json")
    assert (problem.code, problem.line) == ("invalid-json", 3)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_absurd_nesting_is_refused(fmt):
    deep = "[" * 100_000 + "]" * 100_000
    text = (
        f'{{"title": "x", "description": {deep}}}'
        if fmt == "json"
        else f"title: x\ndescription: {deep}\n"
    )
    assert load_error(text, fmt).code == "too-deep"


def test_limits_are_configurable():
    limits = klantreis.Limits(max_bytes=10)
    with pytest.raises(LoadError, match="over the limit"):
        klantreis.loads(b"title: a longer title\n", limits=limits)


def test_a_document_that_is_not_a_mapping():
    assert problems("- a\n- b\n") == [("wrong-type", "(document)", None)]


def test_a_newer_format_version_says_to_upgrade():
    with pytest.raises(ValidationError, match="geschreven door een nieuwere klantreis"):
        klantreis.loads("format_version: 99\ntitle: x\n")


def test_missing_file(tmp_path):
    with pytest.raises(LoadError) as info:
        klantreis.load(tmp_path / "nope.yaml")
    assert info.value.problem.message == "no such file"
    assert info.value.problem.source == str(tmp_path / "nope.yaml")


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(LoadError, match="folder"):
        klantreis.load(tmp_path)


def test_format_is_told_by_suffix_or_content(tmp_path):
    journey = klantreis.loads(MINIMAL)
    for name, fmt in (("a.json", "json"), ("a.yaml", "yaml"), ("a.txt", "json")):
        path = tmp_path / name
        path.write_text(klantreis.dumps(journey, fmt), encoding="utf-8")
        assert klantreis.load(path) == journey


def test_dump_writes_atomically_and_loads_back(tmp_path):
    journey = klantreis.loads(MINIMAL)
    path = tmp_path / "reis.yaml"
    path.write_text("old", encoding="utf-8")
    klantreis.dump(journey, path)
    assert klantreis.load(path) == journey
    assert [p.name for p in tmp_path.iterdir()] == ["reis.yaml"]


def test_domain_errors_raise_with_lines():
    text = MINIMAL.replace("phase: aanmelding", "phase: aanmeldin")
    assert problems(text) == [("unknown-reference", "steps[0].phase", 6)]


def test_check_false_skips_the_domain_rules():
    text = MINIMAL.replace("phase: aanmelding", "phase: elders")
    assert klantreis.loads(text, check=False).steps[0].phase == "elders"


@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_nothing_but_klantreis_errors(data):
    with contextlib.suppress(klantreis.KlantreisError):
        klantreis.loads(data)


@given(st.text(max_size=300))
def test_arbitrary_text_raises_nothing_but_klantreis_errors(text):
    for fmt in ("yaml", "json"):
        with contextlib.suppress(klantreis.KlantreisError):
            klantreis.loads(text, format=fmt)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)
keys = st.sampled_from(
    ["title", "phases", "steps", "lanes", "scales", "actions", "insights", "persona"]
)


@given(st.dictionaries(keys, json_values, max_size=6))
def test_arbitrary_documents_raise_nothing_but_klantreis_errors(data):
    with contextlib.suppress(klantreis.KlantreisError):
        klantreis.loads(json.dumps(data), format="json")


def test_deep_nesting_refused_by_libyaml_is_too_deep_not_invalid_yaml():
    # Newer libyaml refuses deep flow nesting while scanning, before any event: the
    # problem must still be the located `too-deep`, whatever libyaml's own wording.
    text = "title: x\nnotes: ok\ndescription: " + "[" * 5000 + "]" * 5000 + "\n"
    problem = load_error(text, "yaml")
    assert (problem.code, problem.line) == ("too-deep", 3)


def test_brackets_inside_quotes_or_comments_do_not_count_as_nesting():
    # A real YAML error in a file whose text holds many brackets inside quotes and
    # comments stays an `invalid-yaml` problem at its own line.
    brackets = "[" * 100
    text = f"title: '{brackets}'\n# {brackets}\ndescription: \"{brackets}\"\n  bad: [\n"
    problem = load_error(text, "yaml")
    assert problem.code == "invalid-yaml"
    assert problem.line is not None
    assert problem.line >= 3


@pytest.mark.parametrize(
    ("value", "code", "path"),
    [
        ("lead_time: 1e999 weken", "bad-duration", "phases[0].lead_time"),
        ("lead_time: 6-4 weken", "bad-duration", "phases[0].lead_time"),
        ("id: 7", "wrong-type", "phases[0].id"),
    ],
)
def test_what_the_model_refuses_is_still_a_located_problem_when_loading(value, code, path):
    # The model's own checks run behind the loader's: a file gets located problems,
    # never a bare TypeError or an unlocated 'invalid-value'.
    text = f"title: x\nphases:\n  - name: P\n    {value}\n"
    assert problems(text) == [(code, path, 4)]


def test_votes_that_are_not_whole_numbers_are_located_each():
    text = MINIMAL + "    ratings: {emotion: [true, 2.0]}\n"
    found = problems(text)
    assert [(code, path) for code, path, _ in found] == [
        ("wrong-type", "steps[0].ratings.emotion[0]"),
        ("wrong-type", "steps[0].ratings.emotion[1]"),
    ]
