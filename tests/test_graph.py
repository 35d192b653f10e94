"""The Graphviz exporters: DOT of any journey is drawn by the real dot, and looks right.

No silent skip: these tests need Graphviz's ``dot`` (CI installs it), except the one
that checks the message when it is missing.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import klantreis
from klantreis import Indicator, Journey, PainPoints, Phase, Rating, Step
from klantreis.exporters.graph import html_text, postit_colour, run_dot, step_numbers
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
    stakeholders = next(xy for text, xy in where.items() if text.startswith("Steps per"))
    assert where["Client steps"][1] < stakeholders[1]  # its name may wrap


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


# --- the wall as a grid: structure of the drawn SVG -----------------------------------

EXAMPLES = ("debt-counselling-en.yaml", "depressie-ggz-2026-najaar.yaml")
XLINK = "{http://www.w3.org/1999/xlink}"
Box = tuple[float, float, float, float]


def node_boxes(root: ET.Element, pattern: str) -> dict[str, Box]:
    """The bounding box (x0, y0, x1, y1) of every node whose name matches *pattern*."""
    boxes = {}
    for g in root.iter(f"{SVG}g"):
        name = g.findtext(f"{SVG}title") or ""
        if g.get("class") != "node" or not re.fullmatch(pattern, name):
            continue
        xs: list[float] = []
        ys: list[float] = []
        for shape in g.iter():
            if shape.tag == f"{SVG}ellipse":
                cx, cy = float(shape.get("cx")), float(shape.get("cy"))
                rx, ry = float(shape.get("rx")), float(shape.get("ry"))
                xs += [cx - rx, cx + rx]
                ys += [cy - ry, cy + ry]
            elif shape.tag in (f"{SVG}path", f"{SVG}polygon"):
                numbers = re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points"))
                xs += [float(v) for v in numbers[0::2]]
                ys += [float(v) for v in numbers[1::2]]
        if xs:  # a text without a frame has no box
            boxes[name] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def text_boxes(root: ET.Element, pattern: str) -> dict[str, tuple[str, float, float]]:
    """The text, x and y of the first text of every node whose name matches *pattern*."""
    found = {}
    for g in root.iter(f"{SVG}g"):
        name = g.findtext(f"{SVG}title") or ""
        if g.get("class") == "node" and re.fullmatch(pattern, name):
            t = g.find(f".//{SVG}text")
            found[name] = ("".join(t.itertext()), float(t.get("x")), float(t.get("y")))
    return found


def reading_order(placed: list[tuple[int, Box]]) -> list[int]:
    """The numbers of boxes read row by row (tops within 20 pt), left to right."""
    rows: list[list[tuple[int, Box]]] = []
    for item in sorted(placed, key=lambda nb: nb[1][1]):
        if rows and item[1][1] - rows[-1][0][1][1] < 20:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [n for row in rows for n, _ in sorted(row, key=lambda nb: nb[1][0])]


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def middle(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def drawn(journey: Journey, **options) -> ET.Element:
    return ET.fromstring(klantreis.export(journey, "svg", **options))


def long_journey(n: int = 150, phases: int = 4) -> Journey:
    """*n* rated steps over *phases* phases and three lanes, every 10th a moment of truth."""
    lanes = ("client", "stakeholders", "experience")
    return Journey(
        title="Long",
        phases=[Phase(name=f"Phase {p}") for p in range(phases)],
        steps=[
            Step(
                id=f"s{i}",
                title=f"Step {i} " + "word " * (i % 7),
                phase=f"phase-{i % phases}",
                lane=lanes[i % 3],
                moment_of_truth=i % 10 == 0,
                ratings=[Rating("emotion", (1 + i % 5,)), Rating("motivation", (1 + i % 4,))],
            )
            for i in range(n)
        ],
        actions=[
            klantreis.ImprovementAction(title=f"Action {a}", targets=[f"s{a * 7}", f"s{a * 11}"])
            for a in range(12)
        ],
        language="en",
    )


@pytest.fixture(scope="module")
def walls() -> dict[str, tuple[Journey, ET.Element]]:
    from pathlib import Path as P

    here = P(__file__).parent.parent / "examples"
    found = {name: klantreis.load(here / name) for name in EXAMPLES}
    found["long"] = long_journey()
    return {name: (journey, drawn(journey)) for name, journey in found.items()}


def size(root: ET.Element) -> tuple[float, float]:
    width, height = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    return width, height


@pytest.mark.parametrize("name", [*EXAMPLES, "long"])
def test_the_wall_is_a_landscape_roll(walls, name):
    width, height = size(walls[name][1])
    assert width > 1.3 * height, (width, height)


@pytest.mark.parametrize(
    "journey",
    [
        Journey(title="T"),  # no phase, eleven empty lanes
        Journey(
            title="T",
            phases=[Phase(name="P")],
            lanes=[klantreis.Lane(id="legend", name="Legend", kind="client")],
            steps=[Step(title="S", phase="p", lane="legend")],
        ),
    ],
)
def test_an_empty_or_odd_wall_is_landscape_too(journey):
    root = drawn(journey)
    width, height = size(root)
    assert width > 1.3 * height, (width, height)
    assert len(node_boxes(root, r"s\d+")) == len(journey.steps)
    assert node_boxes(root, "row2c0")  # the first lane has its cells, whatever its id


@pytest.mark.parametrize("name", [*EXAMPLES, "long"])
def test_postits_stand_in_their_phase_columns_in_order_without_overlap(walls, name):
    journey, root = walls[name]
    numbers = step_numbers(journey)
    boxes = node_boxes(root, r"s\d+")
    assert len(boxes) == len(numbers)
    steps = {f"s{numbers[s.id]}": s for s in journey.steps}
    order = {p.id: i for i, p in enumerate(journey.phases)}
    for before, after in itertools.pairwise(journey.phases):
        left = [b for n, b in boxes.items() if steps[n].phase == before.id]
        right = [b for n, b in boxes.items() if steps[n].phase == after.id]
        if left and right:
            assert max(b[2] for b in left) < min(b[0] for b in right)
    cells: dict[tuple[str, int], list[tuple[int, Box]]] = {}
    for n, box in boxes.items():
        cells.setdefault((steps[n].lane, order[steps[n].phase]), []).append((int(n[1:]), box))
    for placed in cells.values():
        # read row by row, left to right: the numbers (the order of the file) go up
        assert reading_order(placed) == sorted(n for n, _ in placed)
    listed = list(boxes.values())
    for i, a in enumerate(listed):
        assert not any(overlap(a, b) for b in listed[i + 1 :])


@pytest.mark.parametrize("name", [*EXAMPLES, "long"])
def test_curve_points_sit_under_their_postits_and_both_curves_line_up(walls, name):
    _, root = walls[name]
    postits = {n: middle(b)[0] for n, b in node_boxes(root, r"s\d+").items()}
    points = node_boxes(root, r"r\d+p\d+")
    assert points, "the rating lanes have curves"
    tips = {}
    for a in root.iter(f"{SVG}a"):
        for g in a.iter(f"{SVG}ellipse"):
            tips[(float(g.get("cx")), float(g.get("cy")))] = a.get(f"{XLINK}title")
    rows: dict[str, set[float]] = {}
    for name_, box in points.items():
        x, y = middle(box)
        first = int(tips[(x, y)].split(".", 1)[0])  # "12. Belt de huisarts: 2; 15. ..."
        assert x == pytest.approx(postits[f"s{first}"], abs=0.6)
        rows.setdefault(name_.split("p")[0], set()).add(round(x))
    emotion, motivation = rows.values()
    assert emotion & motivation  # the same columns, at the same x
    assert {round(x) for x in postits.values()} >= emotion | motivation


@pytest.mark.parametrize("name", [*EXAMPLES, "long"])
def test_actions_hang_in_number_order_and_no_line_crosses_a_postit(walls, name):
    journey, root = walls[name]
    actions = node_boxes(root, r"a\d+")
    assert len(actions) == len(journey.actions)
    scopes = {f"a{i}": a.scope for i, a in enumerate(journey.actions, 1)}
    for scope in set(scopes.values()):
        group = [(int(n[1:]), b) for n, b in actions.items() if scopes[n] is scope]
        assert reading_order(group) == sorted(n for n, _ in group)
    listed = list(actions.values())
    for i, a in enumerate(listed):
        assert not any(overlap(a, b) for b in listed[i + 1 :])
    postits = list(node_boxes(root, r"s\d+").values())
    labels = list(node_boxes(root, r"legend\d+").values())
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "edge":
            # only the levels and the curves of the rating lanes: no link to an action
            assert re.fullmatch(r"r\d+[gk]\d+a?->r\d+[gk]\d+b?", g.findtext(f"{SVG}title"))
            numbers = re.findall(r"-?\d+(?:\.\d+)?", g.find(f"{SVG}path").get("d"))
            xs, ys = [float(v) for v in numbers[0::2]], [float(v) for v in numbers[1::2]]
            line = (min(xs), min(ys) - 1, max(xs), max(ys) + 1)
            assert not any(overlap(line, b) for b in postits + labels + listed)


@pytest.mark.parametrize("name", [*EXAMPLES, "long"])
def test_no_label_is_cut_with_an_ellipsis(walls, name):
    _, root = walls[name]
    assert not [t for t in svg_texts(ET.tostring(root)) if "…" in t]


def test_a_text_too_long_for_a_postit_says_where_the_rest_is():
    journey = Journey(
        title="T",
        phases=[Phase(name="P")],
        steps=[Step(title="word " * 400, phase="p", lane="client")],
        language="en",
    )
    texts = svg_texts(klantreis.export(journey, "svg"))
    (notice,) = [t for t in texts if "see the Markdown export" in t]
    hidden = int(re.fullmatch(r"\(\+(\d+) characters: see the Markdown export\)", notice)[1])
    shown = sum(len(t) for t in texts if t.startswith("word"))
    assert hidden + shown == pytest.approx(len("word " * 400), abs=10)  # the spaces
    assert not [t for t in texts if "…" in t]


def test_the_curve_view_numbers_its_points_like_the_postits(examples):
    journey = klantreis.load(examples / "depressie-ggz-2026-najaar.yaml")
    numbers = step_numbers(journey)
    root = ET.fromstring(klantreis.export(journey, "svg", view="curve"))
    labels = text_boxes(root, r"n\d+")
    rated = sorted(numbers[s.id] for s in journey.steps if s.rating("emotion"))
    assert [text for text, _, _ in labels.values()] == [str(n) for n in rated]
    for i, (text, x, y) in enumerate(labels.values()):
        dot_x, dot_y = middle(node_boxes(root, f"p{i}")[f"p{i}"])
        assert x < dot_x < x + 7 * len(text)  # the text starts at x: it spans the point
        assert y > dot_y
    wall = drawn(journey)
    postits = node_boxes(wall, r"s\d+")
    assert {f"s{n}" for n in rated} <= postits.keys()  # the same numbers on the wall


def test_the_docs_picture_of_the_wall_is_drawn_by_a_script(tmp_path):
    script = Path(__file__).parent.parent / "docs" / "screenshots.py"
    spec = importlib.util.spec_from_file_location("screenshots", script)
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    picture = screenshots.PICTURES["wall"](tmp_path / "wall.png")
    assert picture == tmp_path / "wall.png"
    assert picture.read_bytes().startswith(b"\x89PNG")
    shown = (script.parent / "exporting.md").read_text(encoding="utf-8")
    assert "](images/wall.png)" in shown
    assert (script.parent / "images" / "wall.png").is_file()


@pytest.mark.parametrize("scale", ["emotion", "motivation"])
def test_the_curve_view_wraps_its_labels_instead_of_cutting_them(examples, scale):
    journey = klantreis.load(examples / "depressie-ggz-2026-najaar.yaml")
    texts = svg_texts(klantreis.export(journey, "svg", view="curve", scale=scale))
    assert not [t for t in texts if "…" in t or "Markdown" in t]
    label = journey.scale(scale).label(1)
    assert " ".join(t for t in texts if t in label or t.startswith("1 ")).endswith(label[-8:])


def test_a_png_too_large_to_hold_in_memory_is_refused_with_a_resolution_that_fits(monkeypatch):
    journey = long_journey()
    with pytest.raises(klantreis.ExportError, match=r"megapixels, more than 150\)") as info:
        klantreis.export(journey, "png", dpi=1200)
    message = str(info.value)
    assert "draw it as SVG or PDF" in message
    lower = int(re.search(r"--option dpi=(\d+)", message)[1])
    assert 1 <= lower < 1200
    drawn_at = []  # the suggested resolution passes the check (drawing it takes long)
    monkeypatch.setattr(
        "klantreis.exporters.graph.run_dot",
        lambda source, fmt, **kw: drawn_at.append(kw["dpi"]) or b"\x89PNG",
    )
    klantreis.export(journey, "png", dpi=lower)
    assert drawn_at == [lower]
    with pytest.raises(klantreis.ExportError, match="megapixels"):
        klantreis.export(journey, "png", dpi=lower + 2)


# --- the fields of measured journeys on the wall: result, keep, sentiment, indicators ---


def node_texts(svg: bytes) -> dict[str, list[str]]:
    """The texts of every node of an SVG, by the node's name (``s1``, ``phase0``)."""
    root = ET.fromstring(svg)
    found: dict[str, list[str]] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "node":
            continue
        name = "".join(g.find(f"{SVG}title").itertext())
        found[name] = ["".join(t.itertext()) for t in g.iter(f"{SVG}text")]
    return found


def measured_journey(language: str, text: str = "") -> Journey:
    """Two post-its: the first has every new field, the second none of them."""
    return Journey(
        title="Measured",
        phases=[
            Phase(
                name="Aanmelding",
                indicators=[Indicator(name=f"wachttijd{text}", value=42, unit="dagen")],
            )
        ],
        steps=[
            Step(
                title="Intake",
                phase="aanmelding",
                lane="client",
                moment_of_truth=True,
                sentiment="negative",
                result=f"Een plan{text}",
                keep=True,
                indicators=[Indicator(name="no-show", value=12.5, unit="%")],
                pain_points=PainPoints(organisation=[f"Te weinig bedden{text}", "Roosters"]),
            ),
            Step(title="Wachten", phase="aanmelding", lane="client", moment_of_truth=True),
        ],
        language=language,
    )


@pytest.mark.parametrize(
    ("language", "result", "keep", "feeling", "organisation", "decimal"),
    [
        ("nl", "Resultaat: Een plan", "✔ zo houden", "− negatief", "⚡ Organisatie 2", "12,5"),
        ("en", "Result: Een plan", "✔ keep as it is", "− negative", "⚡ Organisation 2", "12.5"),
    ],
)
def test_the_measured_fields_are_on_their_postit_and_phase(
    language, result, keep, feeling, organisation, decimal
):
    texts = node_texts(klantreis.export(measured_journey(language), "svg"))
    first, second, phase = texts["s1"], texts["s2"], texts["phase0"]
    assert result in first
    assert keep in first
    assert feeling in first
    assert organisation in first
    assert f"no-show: {decimal} %" in first
    assert "wachttijd: 42 dagen" in phase
    for shown in (result, keep, feeling, organisation, f"no-show: {decimal} %"):
        assert shown not in second
        assert shown not in phase
    assert "wachttijd: 42 dagen" not in first
    assert "★" in second  # a moment of truth without a sentiment keeps its plain star
    assert not [t for t in second if t.startswith(("+ ", "− "))]
    dot = klantreis.export(measured_journey(language), "dot")
    assert "Te weinig bedden" in dot  # the organisation's pain points are in the tooltip


def test_a_positive_moment_of_truth_says_so():
    journey = Journey(
        title="T",
        phases=[Phase(name="P")],
        steps=[
            Step(title="Goed", phase="p", lane="client", moment_of_truth=True, sentiment="positive")
        ],
        language="nl",
    )
    assert "+ positief" in node_texts(klantreis.export(journey, "svg"))["s1"]


@pytest.mark.parametrize(
    "text", [' "hi"', " back\\", " \\N \\G", " <b>x</b>", " ]]>", " a &amp; b", " ]"]
)
def test_the_measured_fields_stay_escaped(text):
    texts = node_texts(klantreis.export(measured_journey("en", text), "svg"))
    assert f"Result: Een plan{text}" in texts["s1"]
    assert f"wachttijd{text}: 42 dagen" in texts["phase0"]


@settings(max_examples=15)
@given(text=hostile_texts())
def test_dot_draws_the_measured_fields_of_any_text(text):
    source = klantreis.export(measured_journey("nl", text), "dot")
    svg_texts(run_dot(source, "svg"))


@pytest.mark.parametrize(
    "name", ["depressie-ggz-2026-najaar.yaml", "portfolio/wijkteam-2026-najaar.yaml"]
)
def test_a_journey_without_the_measured_fields_shows_none_of_their_marks(name):
    journey = klantreis.load(Path(__file__).parent.parent / "examples" / name)
    bare = attrs.evolve(
        journey,
        phases=[attrs.evolve(p, indicators=()) for p in journey.phases],
        steps=[
            attrs.evolve(
                s,
                result=None,
                keep=False,
                sentiment=None,
                indicators=(),
                pain_points=attrs.evolve(s.pain_points, organisation=()),
            )
            for s in journey.steps
        ],
    )
    for language in ("nl", "en"):
        dot = klantreis.export(attrs.evolve(bare, language=language), "dot")
        for mark in ("✔", "Resultaat:", "Result:", "⚡ Organisati", "− negati", "+ positi"):
            assert mark not in dot
