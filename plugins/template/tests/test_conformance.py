"""Ready to run: the plugin is installed, found through its entry point, and conforms."""

from __future__ import annotations

import klantreis
from klantreis import plugins
from klantreis.testing.conformance import check_exporter


def test_found_through_the_entry_point():
    entry = plugins.get_registry().exporters["myformat"]
    assert entry.plugin.distribution == "klantreis-myformat"


def test_conformance():
    check_exporter("myformat")


def test_output():
    journey = klantreis.Journey(
        title="Intake",
        phases=[klantreis.Phase(name="Aanmelding")],
        steps=[klantreis.Step(title="Belt de huisarts", phase="aanmelding", lane="client")],
    )
    assert klantreis.export(journey, "myformat") == "Intake\nAanmelding\n  - Belt de huisarts\n"
