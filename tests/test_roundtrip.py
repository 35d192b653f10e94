"""Properties of the file format: what is dumped loads back equal, in YAML and JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import klantreis
from klantreis.serialize.writing import json_text
from klantreis.testing.strategies import hostile_texts, journeys


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@given(journey=journeys())
def test_dump_load_round_trip(fmt, journey):
    text = klantreis.dumps(journey, fmt)
    assert klantreis.loads(text, format=fmt) == journey


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@given(journey=journeys(text=hostile_texts()))
def test_round_trip_with_hostile_text(fmt, journey):
    text = klantreis.dumps(journey, fmt)
    assert klantreis.loads(text, format=fmt) == journey


@given(journey=journeys())
def test_dumping_is_canonical(journey):
    text = klantreis.dumps(journey)
    assert klantreis.dumps(klantreis.loads(text)) == text


@given(journey=journeys())
def test_generated_journeys_are_valid(journey):
    report = klantreis.validate(journey)
    assert report.errors == (), report.errors


@given(journey=journeys(text=hostile_texts()))
def test_json_text_is_the_standard_librarys_byte_for_byte(journey):
    # orjson writes the canonical JSON where installed; elsewhere the standard library
    # does: both must give the same text, so a file does not change with the platform.
    data = klantreis.to_data(journey)
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_json_text_falls_back_for_what_orjson_refuses():
    data = {"big": 10**19 + 1, "nested": {"empty": [], "none": {}}, "text": "é\u2028\x1f"}
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    "value", [6.103515625e-05, 1e-05, -1e-07, 1e-300, 0.0001, 1e16, 1.5e300, 2.5, "1e-7 0.00001"]
)
def test_json_text_writes_floats_as_python_does(value):
    # orjson writes 0.00006103515625 and 1e-7 where Python writes 6.103515625e-05 and 1e-07
    # (an indicator's value is the model's first float that can be that small)
    data = {"indicators": [{"value": value}]}
    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cattrs_writer(language):
    """What to_data writes, as cattrs' own generated functions write it (the reference)."""
    import attrs
    from cattrs.gen import make_dict_unstructure_fn, override

    from klantreis.model import Duration
    from klantreis.serialize import make_converter

    conv = make_converter()
    conv.register_unstructure_hook(Duration, lambda d: d.text(language))

    def factory(cl):
        ids = {"id": override(omit_if_default=False)} if hasattr(attrs.fields(cl), "id") else {}
        return make_dict_unstructure_fn(cl, conv, _cattrs_omit_if_default=True, **ids)

    conv.register_unstructure_hook_factory(attrs.has, factory)
    return conv


@given(journey=journeys(text=hostile_texts()))
def test_to_data_writes_what_cattrs_generated_functions_write(journey):
    expected = {"format_version": 1, **_cattrs_writer(journey.language).unstructure(journey)}
    assert klantreis.to_data(journey) == expected
    assert json_text(klantreis.to_data(journey)) == json_text(expected)  # order too
