"""JSON is read the fast way (orjson, a converter that stops at the first problem) only
when that gives what the careful way gives; every failure is still explained in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import LoadError, ValidationError
from klantreis.serialize import DEFAULT_LIMITS, Limits, read_document
from klantreis.serialize.parsing import parse_json_fast
from klantreis.serialize.structuring import structure_fast

pytest.importorskip("orjson")  # the fast way needs it; without it the careful way reads all

EXAMPLE = Path(__file__).parent.parent / "examples" / "depressie-ggz-2026-voorjaar.yaml"


def problems(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text, format="json", source="reis.json")
    return [(p.code, klantreis.errors.format_path(p.path), p.line) for p in info.value.problems]


def test_what_klantreis_writes_is_read_the_fast_way_and_equal():
    journey = klantreis.load(EXAMPLE)
    text = klantreis.dumps(journey, "json")
    certain, data = parse_json_fast(text, DEFAULT_LIMITS)
    assert certain
    assert data == json.loads(text)
    assert structure_fast(data) == journey
    assert klantreis.loads(text, format="json") == journey


@pytest.mark.parametrize(
    "text",
    [
        '{\n  "title": "x",\n  "title": "y"\n}\n',
        '{\n  "title" : "x",\n  "title" : "y"\n}\n',  # blanks before the colon
        '{\n  "title": "a\\": b",\n  "title": "y"\n}\n',  # a key's end inside a string
        '{\n  "title": "\\u0022:",\n  "title": "y"\n}\n',  # a quote spelled as an escape
    ],
)
def test_a_key_given_twice_is_still_found_with_its_line(text):
    assert parse_json_fast(text, DEFAULT_LIMITS)[0] is False
    assert problems(text) == [("duplicate-key", "title", 3)]


def test_a_string_holding_a_key_end_is_no_duplicate():
    text = '{"title": "he said \\"x\\": yes", "description": "a\\" : b"}'
    certain, data = parse_json_fast(text, DEFAULT_LIMITS)
    assert certain
    assert data["title"] == 'he said "x": yes'
    assert klantreis.loads(text, format="json").description == 'a" : b'


@pytest.mark.parametrize(
    "text", ['{"title": NaN}', '{"title": "x", "n": 123456789012345678901234}', "", "[1,"]
)
def test_what_orjson_refuses_is_left_to_the_careful_reader(text):
    assert parse_json_fast(text, DEFAULT_LIMITS) == (False, None)


def test_a_lower_digit_limit_takes_the_careful_way():
    assert parse_json_fast('{"title": "x"}', Limits(max_digits=5))[0] is False


def test_nesting_deeper_than_the_limit_is_refused_after_the_fast_way_fails():
    deep = "[" * 40 + "]" * 40  # orjson reads it; the limit is 32
    with pytest.raises(LoadError) as info:
        klantreis.loads(f'{{"title": "x", "description": {deep}}}', format="json")
    assert info.value.problem.code == "too-deep"


def test_every_bad_step_is_reported_with_its_line():
    journey = klantreis.load(EXAMPLE)
    data = json.loads(klantreis.dumps(journey, "json"))
    bad = [0, len(data["steps"]) - 1]
    for i in bad:
        data["steps"][i]["moment_of_truth"] = "yes"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    found = problems(text)
    assert [(code, path) for code, path, _ in found] == [
        ("wrong-type", f"steps[{i}].moment_of_truth") for i in bad
    ]
    assert all(line is not None for _, _, line in found)


@given(
    st.dictionaries(
        st.sampled_from(["title", "description", "id", "x"]),
        st.text(alphabet='ab":\\ ', max_size=6),
        min_size=1,
    )
)
def test_fast_and_careful_readers_agree(fields):
    text = json.dumps(fields, ensure_ascii=False)
    certain, data = parse_json_fast(text, DEFAULT_LIMITS)
    assert not certain or data == fields
    fast = read_document(text.encode(), format="json")
    careful = read_document(text.encode(), format="yaml")  # JSON is YAML: the slow reader
    assert fast.value == careful.value
    assert [p.code for p in fast.problems] == [p.code for p in careful.problems]


@pytest.mark.parametrize(
    "number", ["18446744073709551616", "-9223372036854775809", "99999999999999999999"]
)
def test_a_whole_number_beyond_64_bits_takes_the_careful_way(number):
    # orjson reads it as a float; the careful reader keeps it whole (or refuses it, located)
    step = f'{{"title": "a", "phase": "p", "lane": "l", "n": {number}}}'
    text = f'{{"title": "x", "steps": [{step}]}}'
    assert parse_json_fast(text, DEFAULT_LIMITS) == (False, None)
    assert [(code, path) for code, path, _ in problems(text)][-1] == ("unknown-key", "steps[0].n")


def test_text_that_looks_like_an_exponent_reads_the_same_either_way():
    text = '{"title": "code e+12", "description": "1.5e+300"}'
    assert parse_json_fast(text, DEFAULT_LIMITS) == (False, None)  # the careful way
    journey = klantreis.loads(text, format="json")
    assert (journey.title, journey.description) == ("code e+12", "1.5e+300")


def test_loading_a_journey_with_warnings_does_not_read_the_text_again(monkeypatch):
    from klantreis.serialize.yaml_reader import SourceMap

    journey = klantreis.Journey(title="Schuldhulp")
    text = klantreis.dumps(journey, "json")
    assert klantreis.validate(journey).warnings  # no persona, no objectives: warnings

    def fail(self, paths):
        raise AssertionError("located warnings that loads() never shows")

    monkeypatch.setattr(SourceMap, "locate", fail)
    assert klantreis.loads(text, format="json") == journey


def test_an_invalid_journey_reports_its_warnings_too():
    data = json.loads(klantreis.dumps(klantreis.Journey(title="Schuldhulp"), "json"))
    data["phases"] = [{"name": "Intake"}]
    data["steps"] = [{"title": "Belt", "phase": "nowhere", "lane": "client"}]
    text = json.dumps(data, indent=2)
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text, format="json")
    report = info.value.report
    assert [p.code for p in report.errors] == ["unknown-reference"]
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"nowhere"' in s)
    assert report.errors[0].line == line  # located, as before
    assert "no-persona" in [p.code for p in report.warnings]
