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
