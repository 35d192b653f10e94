"""klantreis-mermaid against the core, through the entry point only."""

from __future__ import annotations

import re

from hypothesis import given

import klantreis
from klantreis.testing.conformance import check_exporter
from klantreis.testing.strategies import hostile_texts, journeys

TASK = re.compile(r"      [^#:;\n]+: [1-5](: [^#:;\n]+)?")


def test_installed_through_the_entry_point():
    assert "mermaid" in klantreis.list_exporters()
    from klantreis import plugins

    entry = plugins.get_registry().exporters["mermaid"]
    assert entry.plugin.distribution == "klantreis-mermaid"


def test_conformance():
    check_exporter("mermaid")


@given(journey=journeys(text=hostile_texts()))
def test_every_line_follows_the_grammar(journey):
    lines = klantreis.export(journey, "mermaid").splitlines()
    assert lines[0] == "journey"
    assert re.fullmatch(r"    title [^#;\n]+", lines[1])
    for line in lines[2:]:
        assert re.fullmatch(r"    section [^#:;\n]+", line) or TASK.fullmatch(line), line


def test_scores_follow_the_scale():
    journey = klantreis.Journey(
        title="Intake",
        persona=klantreis.Persona(name="Anouk"),
        phases=[klantreis.Phase(name="Aanmelding")],
        steps=[
            klantreis.Step(
                title="Belt",
                phase="aanmelding",
                lane="client",
                ratings=[klantreis.Rating("emotion", (1,))],
            ),
            klantreis.Step(
                title="Wacht",
                phase="aanmelding",
                lane="client",
                ratings=[klantreis.Rating("motivation", (1,))],
            ),
        ],
    )
    text = klantreis.export(journey, "mermaid")
    assert "    section Aanmelding\n      Belt: 1: Anouk\n      Wacht: 3: Anouk\n" in text
    motivation = klantreis.export(journey, "mermaid", scale="motivation")
    assert "Wacht: 5: Anouk" in motivation  # 1 is the good end of motivation
    assert klantreis.export(journey, "mermaid", fenced=True).startswith("```mermaid\njourney\n")
