"""The history as an SVG chart and as a web page, the portfolio as a web page: the
numbers in them are the JSON document's, every text is escaped, nothing is fetched.

What a browser shows is in test_history_views_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import klantreis
from klantreis.aggregate import format_number
from klantreis.cli import main
from klantreis.manage import history, portfolio, render_history, render_portfolio
from klantreis.manage.chart import history_svg
from klantreis.manage.pages import history_html, portfolio_html
from test_history_properties import chains

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "examples" / "portfolio"
WIJKTEAM = [
    FOLDER / "wijkteam-2025-najaar.yaml",
    FOLDER / "wijkteam-2026-voorjaar.yaml",
    FOLDER / "wijkteam-2026-najaar.yaml",
]
SVG = "{http://www.w3.org/2000/svg}"
BAD = "<img src=x onerror=alert(1)></script><script>alert(2)</script><!-- &amp; ]]>"


def wijkteam() -> klantreis.manage.History:
    return history([klantreis.load(f) for f in WIJKTEAM], sources=[str(f) for f in WIJKTEAM])


def the_portfolio() -> klantreis.manage.Portfolio:
    import datetime as dt

    files = klantreis.manage.journey_files(FOLDER)
    return portfolio(
        [(str(f), klantreis.load(f)) for f in files], today=dt.date(2026, 11, 25), stale_after=180
    )


# --- the SVG chart --------------------------------------------------------------------


def chart_series(data: dict) -> dict[str, dict[str, list[float | None]]]:
    """Per scale: per line key (``journey`` or a phase id) its values, from the JSON."""
    out: dict[str, dict[str, list[float | None]]] = {}
    for s in data["overall"]:
        out[s["scale"]] = {"journey": s["values"]}
    for phase in data["phases"]:
        key = next(i for i in reversed(phase["ids"]) if i is not None)
        for s in phase["scales"]:
            out[s["scale"]][key] = s["values"]
    return out


def check_chart(svg: str, data: dict) -> int:
    """The chart's points against the JSON document; the number of points checked."""
    root = ET.fromstring(svg)
    expected = chart_series(data)
    scales = {s["scale"]: s for s in data["overall"]}
    charts = root.findall(f"{SVG}g[@class='chart']")
    assert [c.get("data-scale") for c in charts] == list(expected)
    checked = 0
    for chart in charts:
        scale = scales[chart.get("data-scale")]
        ticks = {
            int(t.text): float(t.get("y")) - 4
            for t in chart.iter(f"{SVG}text")
            if t.get("class") == "tick"
        }
        assert sorted(ticks) == list(range(scale["minimum"], scale["maximum"] + 1))
        higher = scale["direction"] == "higher-is-better"
        best, worst = (
            (scale["maximum"], scale["minimum"]) if higher else (scale["minimum"], scale["maximum"])
        )
        assert ticks[best] < ticks[worst]  # the better end on top
        lines = {g.get("data-series"): g for g in chart.findall(f"{SVG}g[@class='series']")}
        assert list(lines) == list(expected[chart.get("data-scale")])
        for key, values in expected[chart.get("data-scale")].items():
            points = lines[key].findall(f"{SVG}circle")
            shown = [(k, v) for k, v in enumerate(values) if v is not None]
            assert len(points) == len(shown), key
            xs = [float(p.get("cx")) for p in points]
            assert xs == sorted(xs)
            assert len(set(xs)) == len(xs)
            for point, (k, value) in zip(points, shown, strict=True):
                assert int(point.get("data-iteration")) == k
                assert float(point.get("data-value")) == value
                span = scale["maximum"] - scale["minimum"]
                share = (value - scale["minimum"]) / span
                good = share if higher else 1 - share
                y = ticks[worst] + good * (ticks[best] - ticks[worst])
                assert abs(float(point.get("cy")) - y) < 0.11
                checked += 1
    return checked


def test_the_chart_has_every_mean_of_the_json_in_order():
    h = wijkteam()
    data = json.loads(render_history(h, "json"))
    svg = render_history(h, "svg")
    # 2 scales; emotion: journey + 3 phases, motivation: journey + 2 phases; 3 mappings
    assert check_chart(svg, data) == (4 + 3) * 3
    root = ET.fromstring(svg)
    labels = [
        "".join(t.itertext()) for t in root.iter(f"{SVG}text") if t.get("class") == "line-label"
    ]
    assert "Hele reis 3,1" in labels
    assert "Keukentafelgesprek 4,3" in labels
    iterations = [
        "".join(t.itertext()) for t in root.iter(f"{SVG}text") if t.get("class") == "iteration"
    ]
    assert iterations == ["1 Nulmeting", "2 Tweede meting", "3 Derde meting"] * 2
    assert root.find(f"{SVG}title").text == "Klantreis ‘Hulp vragen bij het wijkteam’: 3 metingen"


def test_a_phase_keeps_its_colour_in_every_chart():
    root = ET.fromstring(history_svg(wijkteam()))
    colours: dict[str, set[str]] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "series":
            colours.setdefault(g.get("data-series"), set()).add(g.find(f"{SVG}circle").get("fill"))
    assert all(len(c) == 1 for c in colours.values()), colours
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)


def test_the_chart_in_english_and_with_a_gap():
    h = wijkteam()
    journeys = [klantreis.load(f) for f in WIJKTEAM]
    # nobody rated the second mapping's 'melding' phase: the line breaks there
    journeys[1] = attrs.evolve(
        journeys[1],
        steps=[
            attrs.evolve(s, ratings=()) if s.phase == "melding" else s for s in journeys[1].steps
        ],
    )
    gap = history(journeys)
    data = json.loads(render_history(gap, "json"))
    melding = next(p for p in data["phases"] if p["ids"][-1] == "melding")
    assert melding["scales"][0]["values"][1] is None
    svg = history_svg(gap, "en")
    assert check_chart(svg, data) == (4 + 3) * 3 - 1
    root = ET.fromstring(svg)
    line = next(g for g in root.iter(f"{SVG}g") if g.get("data-series") == "melding")
    assert line.findall(f"{SVG}polyline") == []  # two single points: no line drawn across the gap
    assert "Whole journey 3.1" in svg
    assert ">Emotion ↑</text>" in svg  # the template's scale, named in English
    assert ">Motivation ↓</text>" in svg
    assert h.revisions[0].label in svg


def test_one_mapping_and_nothing_rated():
    journey = klantreis.load(WIJKTEAM[0])
    one = history([journey])
    assert check_chart(history_svg(one), json.loads(render_history(one, "json"))) == 4 + 3
    bare = history(
        [attrs.evolve(journey, steps=[attrs.evolve(s, ratings=()) for s in journey.steps])]
    )
    svg = history_svg(bare)
    assert ET.fromstring(svg).find(f"{SVG}g") is None
    assert "Er is nog niets beoordeeld." in svg


def test_hostile_text_in_the_chart_stays_text():
    journeys = hostile(BAD)
    svg = history_svg(history(journeys))
    root = ET.fromstring(svg)  # well-formed: nothing closed or opened by the text
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", f"{SVG}img", "script", "img")]
    assert root.find(f"{SVG}title").text.startswith("Klantreis ‘<img src=x")


@given(chains())
def test_every_chain_s_chart_has_the_json_s_points(chain):
    h = history(chain)
    data = json.loads(render_history(h, "json"))
    expected = sum(
        sum(v is not None for v in values)
        for lines in chart_series(data).values()
        for values in lines.values()
    )
    assert check_chart(history_svg(h), data) == expected


# --- the pages without a browser ------------------------------------------------------


class Collect(HTMLParser):
    """The elements, the inline style and script, and the attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.inline: dict[str, str] = {}
        self.meta: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        values = dict(attrs)
        if tag == "meta" and values.get("http-equiv"):
            self.meta[values["http-equiv"]] = values["content"]
        self._in = tag if tag in ("style", "script") else None

    def handle_data(self, data):
        if self._in:
            self.inline[self._in] = self.inline.get(self._in, "") + data

    def handle_endtag(self, tag):
        self._in = None


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("kind", ["history", "portfolio"])
def test_a_page_allows_only_its_own_style_and_script_and_names_nothing_outside(kind):
    page = history_html(wijkteam()) if kind == "history" else portfolio_html(the_portfolio())
    seen = Collect()
    seen.feed(page)
    csp = seen.meta["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; ")
    assert f"style-src {sha(seen.inline['style'])};" in csp
    assert f"script-src {sha(seen.inline['script'])};" in csp
    assert seen.tags.count("script") == 1
    assert seen.tags.count("style") == 1
    assert not {"img", "link", "iframe", "object", "embed", "form"} & set(seen.tags)
    for name, value in seen.attrs:
        assert name not in ("src", "style"), name
        assert not name.startswith("on"), name
        if name in ("href", "xlink:href"):
            assert (value or "").startswith("#"), value
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    # both languages, the journey's shown, the other hidden
    assert '<section class="page" lang="nl" data-title=' in page
    assert re.search(r'<section class="page" lang="en" data-title="[^"]*" hidden>', page)


def hostile(bad: str) -> list[klantreis.Journey]:
    """The wijkteam mappings with *bad* as every title, name, label and owner."""
    return [
        attrs.evolve(
            j,
            title=bad,
            iteration=attrs.evolve(j.iteration, label=bad),
            phases=[attrs.evolve(p, name=bad) for p in j.phases],
            actions=[attrs.evolve(a, title=bad, owner=bad) for a in j.actions],
            steps=[attrs.evolve(s, title=bad) for s in j.steps],
        )
        for j in (klantreis.load(f) for f in WIJKTEAM)
    ]


def test_hostile_text_in_the_pages_is_escaped():
    journeys = hostile(BAD)
    import datetime as dt

    for page in (
        history_html(history(journeys, sources=[BAD] * 3)),
        portfolio_html(portfolio([(BAD, j) for j in journeys], today=dt.date(2026, 11, 25))),
    ):
        seen = Collect()
        seen.feed(page)
        assert seen.tags.count("script") == 1
        assert "img" not in seen.tags
        assert "&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in page


def test_render_history_and_portfolio_name_the_new_formats():
    h = wijkteam()
    assert render_history(h, "html").startswith("<!DOCTYPE html>")
    assert render_portfolio(the_portfolio(), "html", language="en").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="svg or html"):
        render_history(h, "pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="csv or html"):
        render_portfolio(the_portfolio(), "svg")  # type: ignore[arg-type]


def test_the_commands_write_svg_and_html(tmp_path, capsys):
    files = [str(f) for f in WIJKTEAM]
    assert main(["history", *files, "--format", "svg", "-o", str(tmp_path / "h.svg")]) == 0
    data = json.loads(render_history(wijkteam(), "json"))
    svg = (tmp_path / "h.svg").read_text(encoding="utf-8")
    assert check_chart(svg, {**data}) == 21
    assert main(["history", *files, "--format", "html", "-o", str(tmp_path / "h.html")]) == 0
    page = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    out = tmp_path / "p.html"
    argv = ["portfolio", str(FOLDER), "--today", "2026-11-25", "--format", "html", "-o", str(out)]
    assert main(argv) == 0
    assert "Actiebord" in out.read_text(encoding="utf-8")
    assert main(argv) == 2  # an existing file is kept without --force
    assert "--force" in capsys.readouterr().err


def test_the_page_s_numbers_are_the_json_s():
    """The cells with a mean, read from the page, against the JSON document."""
    h = wijkteam()
    data = json.loads(render_history(h, "json"))
    page = history_html(h)
    nl = page.split('lang="en" data-title=')[0]
    cells = re.findall(r'data-value="([^"]+)">([^<]+)<', nl)
    expected = [
        *(v for s in data["overall"] for v in s["values"]),
        *(v for p in data["phases"] for s in p["scales"] for v in s["values"]),
        *(v for st in data["steps"] for s in st["scales"] for v in s["values"]),
    ]
    assert [float(v) for v, _ in cells] == [v for v in expected if v is not None]
    assert [shown for _, shown in cells] == [format_number(float(v), "nl") for v, _ in cells]


def test_a_scale_the_team_named_keeps_its_name_in_english():
    journeys = [klantreis.load(f) for f in WIJKTEAM]
    journeys = [
        attrs.evolve(
            j,
            scales=[attrs.evolve(s, name="Gevoel") if s.id == "emotion" else s for s in j.scales],
        )
        for j in journeys
    ]
    h = history(journeys)
    assert ">Gevoel ↑</text>" in history_svg(h, "en")
    english = history_html(h).split('lang="en" data-title=')[1]
    assert "<td>Gevoel ↑</td>" in english
    assert "<td>Motivation ↓</td>" in english
    assert "<td>Motivatie ↓</td>" in history_html(h).split('lang="en" data-title=')[0]
