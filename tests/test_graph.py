"""The Graphviz exporters: DOT of any journey is drawn by the real dot, and looks right.

No silent skip: these tests need Graphviz's ``dot`` (CI installs it), except the one
that checks the message when it is missing.
"""

from __future__ import annotations

import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

import klantreis
from klantreis import Journey, Phase, Rating, Step
from klantreis.exporters.graph import html_text, postit_colour, run_dot
from klantreis.testing.strategies import hostile_texts, journeys

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)  # also proves the SVG is well-formed XML
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_dot_is_installed():
    assert shutil.which("dot"), "the graph tests need Graphviz's dot (apt-get install graphviz)"


@pytest.mark.parametrize("view", ["wall", "curve"])
@settings(max_examples=15)
@given(journey=journeys(text=hostile_texts()))
def test_dot_draws_every_generated_journey(view, journey):
    source = klantreis.export(journey, "dot", view=view)
    assert max(len(line.encode()) for line in source.splitlines()) < 16_384
    svg = run_dot(source, "svg")
    svg_texts(svg)


@pytest.mark.parametrize(
    "title",
    [
        'Say "hi"',
        "back\\slash",
        "ends with \\",
        "\\N \\G \\L \\n",
        "<b>not bold</b>",
        "{braces} [brackets]",
        "]",
        "]]>",
        "a & b &amp; c",
        "漢字 and Ελληνικά",
        "עברית \u202e",
        "x" * 20_000,
    ],
)
def test_labels_come_out_right(title):
    journey = Journey(
        title="T", phases=[Phase(name="P")], steps=[Step(title=title, phase="p", lane="client")]
    )
    texts = svg_texts(klantreis.export(journey, "svg"))
    if len(title) < 20:
        assert title.strip() in texts
    else:
        assert any(t.startswith("x" * 20) for t in texts)


def test_html_text_wraps_and_cuts():
    text = html_text("word " * 100, width=20, max_lines=3)
    assert text.count("<BR/>") == 2
    assert text.endswith("…")
    assert html_text("a\nb") == "a<BR/>b"
    assert html_text("\x1b[31mred") == "[31mred"


def test_postits_are_coloured_red_to_green_following_the_scale(examples):
    journey = klantreis.load(examples / "debt-counselling-en.yaml")
    emotion = journey.scale("emotion")
    assert postit_colour(emotion, 1) == "#f28b82"  # the bad end is red
    assert postit_colour(emotion, 5) == "#9cd88c"  # the good end is green
    motivation = journey.scale("motivation")  # lower is better
    assert postit_colour(motivation, 1) == "#9cd88c"
    svg = klantreis.export(journey, "svg").decode()
    assert 'fill="#f28b82"' in svg  # a post-it rated 1
    assert "Moment of truth" in svg
    assert svg.count('<g id="edge') >= 1  # actions are linked to their steps


def test_wall_has_phases_as_columns_and_lanes_as_rows():
    journey = Journey(
        title="Wall",
        phases=[Phase(name="First"), Phase(name="Second")],
        steps=[
            Step(title="Early", phase="first", lane="client", ratings=[Rating("emotion", (1,))]),
            Step(title="Late", phase="second", lane="client", ratings=[Rating("emotion", (5,))]),
            Step(title="Helper", phase="first", lane="stakeholders"),
        ],
        language="en",
    )
    svg = klantreis.export(journey, "svg")
    root = ET.fromstring(svg)
    where = {}
    for t in root.iter(f"{SVG}text"):
        where["".join(t.itertext())] = (float(t.get("x")), float(t.get("y")))
    assert where["1. First"][0] < where["2. Second"][0]
    assert where["Early"][0] < where["Late"][0]
    assert abs(where["Early"][1] - where["Late"][1]) < 1  # same lane, same row
    assert where["Early"][1] < where["Helper"][1]  # client lane above stakeholders
    assert where["Client steps"][1] < where["Steps per stakeholder"][1]


def test_rendered_formats(tmp_path):
    journey = Journey(title="T", phases=[Phase(name="P")])
    assert klantreis.export(journey, "png").startswith(b"\x89PNG")
    pdf = klantreis.export(journey, "pdf")
    assert pdf.startswith(b"%PDF")
    assert pdf == klantreis.export(journey, "pdf")  # no time stamp
    assert re.search(rb"CreationDate \(D:20000101000000", pdf)
    assert klantreis.export(journey, "dot").startswith("digraph klantreis {")


def test_without_dot_the_rendered_formats_say_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    journey = Journey(title="T", phases=[Phase(name="P")])
    assert klantreis.export(journey, "dot")  # DOT needs no Graphviz
    for fmt in ("svg", "png", "pdf"):
        with pytest.raises(klantreis.ExportError, match="apt-get install graphviz") as info:
            klantreis.export(journey, fmt)
        assert "brew install graphviz" in str(info.value)
        assert "graphviz.org" in str(info.value)


def test_timeout_is_reported(monkeypatch):
    journey = Journey(title="T", phases=[Phase(name="P")])
    with pytest.raises(klantreis.ExportError, match="timeout"):
        klantreis.export(journey, "svg", timeout=0.000001)


def _alive(pid: int) -> bool:
    """Whether process *pid* still runs (a zombie waiting for its parent does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_timeout_kills_the_whole_process_group(monkeypatch, tmp_path):
    # dot is often a wrapper script; its child, not the shell, does the drawing
    sleep = shutil.which("sleep")
    wrapper = tmp_path / "dot"
    wrapper.write_text(f"#!/bin/sh\n{sleep} 60 &\necho $! > {tmp_path}/child.pid\nwait\n")
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    journey = Journey(title="T", phases=[Phase(name="P")])
    with pytest.raises(klantreis.ExportError, match=r"dot took longer than 0\.5 s"):
        klantreis.export(journey, "svg", timeout=0.5)
    child = int((tmp_path / "child.pid").read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the wrapper's child outlived the timeout"


def test_unknown_scale_option():
    with pytest.raises(klantreis.ExportError, match="no scale 'pain'"):
        klantreis.export(Journey(title="T"), "dot", scale="pain")


def curve_points(root: ET.Element) -> list[ET.Element]:
    """The circles of the curve: nodes p0, p1, ... (not the ends of the grid lines)."""
    return [
        g.find(f".//{SVG}ellipse")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node" and re.fullmatch(r"p\d+", g.findtext(f"{SVG}title") or "")
    ]


def test_curve_view_runs_left_to_right_with_the_good_end_up():
    journey = Journey(
        title="Curve",
        phases=[Phase(name="First"), Phase(name="Second")],
        steps=[
            Step(title="Low", phase="first", lane="client", ratings=[Rating("emotion", (1,))]),
            Step(title="High", phase="second", lane="client", ratings=[Rating("emotion", (5,))]),
            Step(title="Mid", phase="second", lane="client", ratings=[Rating("emotion", (3,))]),
            Step(title="Unrated", phase="second", lane="client"),
        ],
    )
    root = ET.fromstring(klantreis.export(journey, "svg", view="curve"))
    dots = [(float(e.get("cx")), float(e.get("cy"))) for e in curve_points(root)]
    assert len(dots) == 3  # one per rated step
    xs = [x for x, _ in dots]
    assert xs == sorted(xs)
    low, high, mid = (y for _, y in dots)
    assert high < mid < low  # SVG's y grows downwards: the good end is at the top
    tips = [a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter(f"{SVG}a")]
    assert "Low: 1" in tips  # the tooltip names the step


def test_curve_of_a_long_journey_stays_readable():
    steps = [
        Step(
            id=f"s{i}",
            title=f"Step {i}",
            phase="p",
            lane="client",
            ratings=[Rating("emotion", (1 + i % 5,))],
        )
        for i in range(1000)
    ]
    journey = Journey(title="Long", phases=[Phase(name="P")], steps=steps)
    root = ET.fromstring(klantreis.export(journey, "svg", view="curve"))
    assert 100 <= len(curve_points(root)) <= 200


def test_curve_tooltips_keep_backslashes_literal():
    journey = Journey(
        title="T",
        phases=[Phase(name="P")],
        steps=[
            Step(title="a\\Nb end\\", phase="p", lane="client", ratings=[Rating("emotion", (1,))])
        ],
    )
    root = ET.fromstring(klantreis.export(journey, "svg", view="curve"))
    tips = [a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter(f"{SVG}a")]
    assert "a\u29f5Nb end\u29f5: 1" in tips  # not the node's name for \\N
