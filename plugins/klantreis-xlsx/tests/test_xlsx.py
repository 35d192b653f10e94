"""klantreis-xlsx against the core, through the entry point only."""

from __future__ import annotations

import io

from hypothesis import given, settings
from openpyxl import load_workbook

import klantreis
from klantreis.testing.conformance import check_exporter
from klantreis.testing.strategies import hostile_texts, journeys

JOURNEY = klantreis.Journey(
    title="Intake",
    phases=[klantreis.Phase(name="Aanmelding"), klantreis.Phase(name="Intake")],
    steps=[
        klantreis.Step(
            title='=HYPERLINK("x")',
            phase="aanmelding",
            lane="client",
            ratings=[klantreis.Rating("emotion", (1,))],
        ),
        klantreis.Step(
            title="Wacht",
            phase="aanmelding",
            lane="client",
            ratings=[klantreis.Rating("emotion", (5,))],
        ),
        klantreis.Step(title="Gesprek", phase="intake", lane="client", moment_of_truth=True),
    ],
)


def test_installed_through_the_entry_point():
    from klantreis import plugins

    entry = plugins.get_registry().exporters["xlsx"]
    assert entry.plugin.distribution == "klantreis-xlsx"
    assert entry.exporter.binary


def test_conformance():
    check_exporter("xlsx", max_examples=10)


def test_the_wall_is_coloured_by_emotion():
    book = load_workbook(io.BytesIO(klantreis.export(JOURNEY, "xlsx")))
    sheet = book["Klantreis"]
    assert sheet["B3"].value == "Aanmelding"  # spans the two steps of the phase
    assert sheet["D3"].value == "Intake"
    assert sheet["A5"].value == "Stappen cliënt"
    formula, happy, moment = sheet["B5"], sheet["C5"], sheet["D5"]
    assert formula.value == '=HYPERLINK("x")'
    assert formula.data_type == "s"  # text, not a formula
    assert formula.fill.fgColor.rgb.endswith("F28B82")  # 1 is red
    assert happy.fill.fgColor.rgb.endswith("9CD88C")  # 5 is green
    assert moment.value == "★ Gesprek"
    assert moment.border.left.style == "thick"
    assert book["Stappen"].max_row == 4


@settings(max_examples=15)
@given(journey=journeys(text=hostile_texts()))
def test_any_journey_opens(journey):
    book = load_workbook(io.BytesIO(klantreis.export(journey, "xlsx")))
    assert len(book.sheetnames) == 2
