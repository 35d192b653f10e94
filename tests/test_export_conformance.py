"""Every built-in exporter passes the conformance check plugin authors run."""

from __future__ import annotations

import pytest

from klantreis.testing.conformance import check_exporter


@pytest.mark.parametrize("name", ["markdown", "csv", "dot"])
def test_text_exporters_conform(name):
    check_exporter(name)


@pytest.mark.parametrize(
    "options", [{"layout": "grid"}, {"excel": True}, {"layout": "grid", "delimiter": "\t"}]
)
def test_csv_conforms_with_options(options):
    check_exporter("csv", options=options, max_examples=10)


@pytest.mark.parametrize(("name", "examples"), [("svg", 10), ("png", 4), ("pdf", 4)])
def test_rendered_exporters_conform(name, examples):
    # Each example runs the real dot twice; fewer examples keep the suite fast.
    check_exporter(name, max_examples=examples)


def test_markdown_conforms_with_options():
    check_exporter("markdown", options={"heading_level": 3, "notes": False}, max_examples=10)


def test_curve_view_conforms():
    check_exporter("svg", options={"view": "curve"}, max_examples=5)
    check_exporter("dot", options={"view": "curve"}, max_examples=15)
