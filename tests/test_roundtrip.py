"""Properties of the file format: what is dumped loads back equal, in YAML and JSON."""

from __future__ import annotations

import pytest
from hypothesis import given

import klantreis
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
