"""The Markdown exporter: escaping keeps every table intact, whatever the text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

import klantreis
from klantreis import Journey, Phase, Step
from klantreis.exporters.markdown import escape
from klantreis.testing.strategies import hostile_texts, journeys


def split_row(line: str) -> list[str]:
    """Cells of a GFM table row; a backslash escapes the character after it.

    Stricter than GitHub's own reading (which only looks at ``\\|``): a pipe is
    counted as a separator only when no backslash escapes it either way.
    """
    assert line.startswith("| "), line
    assert line.endswith(" |"), line
    cells, current = [], ""
    body = line[1:-1]
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            current += body[i : i + 2]
            i += 2
            continue
        if c == "|":
            cells.append(current)
            current = ""
        else:
            current += c
        i += 1
    cells.append(current)
    return cells


def tables(text: str) -> list[list[str]]:
    """The tables of a Markdown text, each as its list of lines."""
    found: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def check_tables(text: str) -> None:
    for table in tables(text):
        header, delimiter, *rows = table
        width = len(split_row(header))
        assert re.fullmatch(r"\|(---\|)+", delimiter), delimiter
        assert delimiter.count("---") == width
        for row in rows:
            assert len(split_row(row)) == width, row


@given(journey=journeys(text=hostile_texts()))
def test_tables_keep_their_column_count_for_any_content(journey):
    text = klantreis.export(journey, "markdown")
    check_tables(text)
    # No raw HTML from the journey: every '<' we did not write is an entity.
    assert not re.search(r"<(?!br>)", text)


@given(journey=journeys())
def test_every_step_title_is_in_the_report(journey):
    text = klantreis.export(journey, "markdown")
    check_tables(text)
    for step in journey.steps:
        if step.phase in {p.id for p in journey.phases}:
            assert escape(step.title) in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("line\nnext", "line<br>next"),
        ("crlf\r\nand\rcr", "crlf<br>and<br>cr"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("`code` *em* _em_ ~del~", "\\`code\\` \\*em\\* \\_em\\_ \\~del\\~"),
        ("[link](javascript:x)", "\\[link\\](javascript:x)"),
        ("trailing \\", "trailing \\\\"),
        ("$x$ &amp;", "\\$x\\$ &amp;amp;"),
        ("bell\x07 esc\x1b", "bell esc"),
        ("Intake & nazorg", "Intake &amp; nazorg"),
    ],
)
def test_escape(text, expected):
    assert escape(text) == expected


def test_report_has_the_parts_of_the_wall(examples):
    journey = klantreis.load(examples / "depressie-ggz-2026-voorjaar.yaml")
    text = klantreis.export(journey, "markdown")
    check_tables(text)
    assert text.startswith("# ")
    for heading in (
        "## Overzicht",
        "## Verbeteracties",
        "### Wat we zelf kunnen doen",
        "## Inzichten",
    ):
        assert heading in text
    assert "⭐" in text  # moments of truth
    english = klantreis.export(journey, "markdown", language="en")
    assert "## Improvement actions" in english
    assert "### What we can do ourselves" in english
    assert "Client steps" in english  # the template's lane names follow --lang


def test_options():
    journey = Journey(
        title="T", phases=[Phase(name="P")], steps=[Step(title="S", phase="p", lane="client")]
    )
    text = klantreis.export(journey, "markdown", heading_level=2, overview=False)
    assert text.startswith("## T\n")
    assert "Overzicht" not in text
    with pytest.raises(klantreis.ExportError, match="heading_level"):
        klantreis.export(journey, "markdown", heading_level="two")
