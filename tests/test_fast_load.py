"""JSON is read the fast way (orjson, a converter that stops at the first problem) only
when that gives what the careful way gives; every failure is still explained in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import klantreis
from klantreis import LoadError, ValidationError
from klantreis.serialize import DEFAULT_LIMITS, Limits, read_document
from klantreis.serialize.parsing import parse_json_fast
from klantreis.serialize.structuring import structure_fast
from klantreis.testing.strategies import hostile_texts, ids, texts, wrong_values

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


def test_the_fast_step_reader_knows_every_field_of_a_step():
    # A field added to Step must be read by the fast step function too (or it is not used).
    import attrs

    from klantreis.serialize.converter import STEP_FIELDS
    from klantreis.serialize.structuring import _fast_converter

    assert tuple(a.name for a in attrs.fields(klantreis.Step)) == STEP_FIELDS
    hook = _fast_converter().get_structure_hook(klantreis.Step)
    assert hook.__name__ == "structure_step"


def _maybe(values):
    return st.one_of(st.just(_ABSENT), values)


_ABSENT = object()
_IDS = st.one_of(ids(), st.sampled_from(["clie\u0301nt", "ë", "a b"]))  # NFC or not
_STEP_VALUES = {
    "title": st.one_of(texts(), hostile_texts()),
    "id": _maybe(_IDS),
    "phase": st.sampled_from(["p", "p\u0301"]),  # written in NFD: the same id
    "lane": st.just("l"),
    "description": _maybe(st.none() | texts()),
    "actor": _maybe(st.none() | _IDS),
    "channels": _maybe(st.lists(st.sampled_from(["phone", "telefoon", "website"]))),
    "duration": _maybe(st.sampled_from([None, "2 weeks", "4-6 weken", "1.5 uur"])),
    "ratings": _maybe(
        st.dictionaries(
            _IDS, st.integers(-2, 6) | st.lists(st.integers(-2, 6), min_size=1), max_size=3
        )
    ),
    "pain_points": _maybe(
        st.fixed_dictionaries({}, optional={"client": st.just(["a"]), "tags": st.just(["t"])})
    ),
    "moment_of_truth": _maybe(st.booleans()),
    "quality": _maybe(
        st.fixed_dictionaries({}, optional={"skills": st.sampled_from(["good", "insufficient"])})
    ),
    "boundaries": _maybe(st.lists(st.sampled_from(["a", {"text": "b", "reason": "c"}]))),
    "notes": _maybe(st.lists(st.sampled_from([{"question": "?"}, {"addition": "+"}]))),
}
_TRICKY = st.sampled_from(
    [
        *("x\ud800", "", " a", "6-4 weeks", "x", "-1 dag", "telefon", [True], [], [None]),
        *({"a": []}, {"a": True}, {"a": None}, {"a": [1, False]}, {"x\udfff": 1}),
        *([{"addition": "+", "x": 1}], [{}], [{"text": 1}], {"x": 1}, {"client": "a"}),
        *("phone", {"phone": 1}, ["phone", "phone"], ("phone",)),
    ]
)


@given(
    st.fixed_dictionaries(_STEP_VALUES),
    st.one_of(st.none(), st.sampled_from([*_STEP_VALUES, "unknown"])),
    st.one_of(st.none(), wrong_values(), _TRICKY),
)
def test_the_fast_step_reader_accepts_what_the_careful_one_accepts(values, wrong, value):
    from klantreis.serialize.structuring import structure

    if wrong is not None:
        values[wrong] = value  # one field (or an unknown key) set to anything at all
    step = {k: v for k, v in values.items() if v is not _ABSENT}
    data = {
        "title": "Reis",
        "phases": [{"name": "P", "id": "p"}],
        "lanes": [{"name": "L", "id": "l"}],
        "steps": [step],
    }
    fast = structure_fast(_copy(data))
    careful, found = structure(_copy(data))
    event("read" if fast is not None else "refused")
    assert fast == careful  # both None, or the same journey
    assert (careful is None) == bool(found)


def _copy(data):
    import copy

    return copy.deepcopy(data)


def test_a_duration_written_twice_is_read_once_and_a_bad_one_refused_every_time():
    step = '{{"title": "{0}", "phase": "p", "lane": "l", "duration": "{1}"}}'
    steps = ", ".join(step.format(t, d) for t, d in (("a", "2 weken"), ("b", "2 weken")))
    text = f'{{"title": "x", "phases": [{{"name": "P", "id": "p"}}], "steps": [{steps}]}}'
    text = text.replace('"steps"', '"lanes": [{"name": "L", "id": "l"}], "steps"')
    first, second = klantreis.loads(text, format="json").steps
    assert first.duration is second.duration  # one immutable value serves both
    assert str(first.duration) == "2 weeks"
    for _ in range(2):
        found = problems(text.replace("2 weken", "twee weken"))
        assert [(code, path) for code, path, _ in found][:2] == [
            ("bad-duration", "steps[0].duration"),
            ("bad-duration", "steps[1].duration"),
        ]
