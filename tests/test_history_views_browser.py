"""The history and portfolio pages in a real browser (headless Chromium, Playwright),
with the browser and the page helpers of test_html_browser.py.

What a person sees: no console errors, no network request, the numbers of the JSON
document, the language switch by mouse and keyboard, hostile text as text, and no
serious accessibility violations (axe-core, the copy bundled by axe-playwright-python).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from klantreis.aggregate import format_number
from klantreis.manage import history, portfolio, render_history, render_portfolio
from klantreis.words import date_text, text
from test_history_views import hostile, the_portfolio, wijkteam
from test_html_browser import SCREENSHOTS, Opened, _serious, browser  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent
_history, _portfolio = wijkteam, the_portfolio
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def history_page(browser, tmp_path_factory):  # noqa: F811 (the imported fixture)
    out = tmp_path_factory.mktemp("history") / "history.html"
    out.write_text(render_history(_history(), "html"), encoding="utf-8")
    opened = Opened(browser, out)
    yield opened
    opened.page.close()


@pytest.fixture(scope="module")
def portfolio_page(browser, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("portfolio") / "portfolio.html"
    out.write_text(render_portfolio(_portfolio(), "html"), encoding="utf-8")
    opened = Opened(browser, out)
    yield opened
    opened.page.close()


def _cells(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


def _values(series: list[dict], language: str) -> list[str]:
    return [
        format_number(v, language) if v is not None else "–" for s in series for v in s["values"]
    ]


def test_the_history_page_opens_without_errors_or_requests(history_page):
    page = history_page.page
    assert history_page.errors == []
    assert history_page.requests == []
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title() == "Klantreis ‘Hulp vragen bij het wijkteam’: 3 metingen"
    assert page.locator("section.page:visible").count() == 1
    assert page.locator("figure.chart svg:visible").count() == 1
    assert page.locator("figure.chart svg:visible circle").count() == 21


def test_the_history_page_shows_the_json_s_numbers(history_page):
    page = history_page.page
    data = json.loads(render_history(_history(), "json"))
    shown = ".page:visible table.phase-scores td:is(.num, .none)"
    expected = _values(data["overall"], "nl") + _values(
        [s for p in data["phases"] for s in p["scales"]], "nl"
    )
    assert _cells(page, shown) == expected
    steps = _cells(page, ".page:visible table.steps td:is(.num, .none)")
    assert steps == _values([s for st in data["steps"] for s in st["scales"]], "nl")
    rows = page.locator(".page:visible table.actions tbody tr")
    assert rows.count() == len(data["actions"])
    for k, action in enumerate(data["actions"]):
        row = rows.nth(k)
        assert row.get_attribute("data-lasting") == action["lasting"]
        statuses = [c.strip() for c in row.locator("td.status, td.none").all_inner_texts()]
        assert statuses == [text(f"status.{s}", "nl") if s else "–" for s in action["statuses"]]
    lasted = page.locator(".page:visible tr[data-action='direct-doorverbinden'] td.effect")
    assert lasted.inner_text() == "beter, en dat bleef zo"
    slid = page.locator(".page:visible tr[data-action='wachttijd-aanbieders'] td.effect")
    assert slid.inner_text() == "beter, maar in meting 3 teruggezakt"


def test_the_language_switch_by_mouse_and_keyboard(history_page):
    page = history_page.page
    data = json.loads(render_history(_history(), "json"))
    page.click("#switch")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.title() == "Customer journey ‘Hulp vragen bij het wijkteam’: 3 mappings"
    assert page.locator("#switch").inner_text() == "Nederlands"
    shown = _cells(page, ".page:visible table.phase-scores td:is(.num, .none)")
    assert shown[:3] == _values(data["overall"][:1], "en")  # 2.5, 3.1, 3.1
    assert (
        page.locator(".page:visible h2").first.inner_text() == "Scores per phase (mean per mapping)"
    )
    assert (
        page.locator(".page:visible svg text.line-label").first.text_content()
        == "Whole journey 3.1"
    )
    page.keyboard.press("Enter")  # the switch keeps the focus
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.locator(".page:visible h2").first.inner_text().startswith("Scores per fase")
    assert history_page.errors == []


def test_no_serious_accessibility_violations_on_the_history_page(history_page):
    page = history_page.page
    assert _serious(page) == []
    page.click("#switch")
    assert _serious(page) == []
    page.click("#switch")


def test_the_portfolio_page_shows_the_json_s_board_and_moments(portfolio_page):
    page = portfolio_page.page
    assert portfolio_page.errors == []
    assert portfolio_page.requests == []
    data = json.loads(render_portfolio(_portfolio(), "json"))
    rows = page.locator(".page:visible table.board tbody tr")
    assert rows.count() == len(data["board"])
    for k, item in enumerate(data["board"]):
        row = rows.nth(k)
        assert row.get_attribute("data-action") == item["id"]
        assert row.locator("th").inner_text() == item["title"]
        due = dt.date.fromisoformat(item["due"]) if item["due"] else None
        cell = row.locator("td.due").inner_text()
        assert cell.startswith(date_text(due, "nl") if due else "–")
        assert ("TE LAAT" in cell) is item["overdue"]
        assert (row.get_attribute("class") == "is-overdue") is item["overdue"]
    assert page.locator(".page:visible .overdue").count() == 2
    moments = page.locator(".page:visible table.moments td.num")
    assert [float(v) for v in moments.evaluate_all("c => c.map(x => x.dataset.value)")] == [
        m["value"] for m in data["moments"][:5]
    ]
    assert _cells(page, ".page:visible table.moments td.num") == [
        format_number(m["value"], "nl") for m in data["moments"][:5]
    ]
    groups = page.locator(".page:visible .group")
    assert groups.count() == len(data["pain_points"])
    assert groups.first.locator(".tag").first.inner_text() == "begrijpelijke-taal"
    words = groups.nth(1).locator(".word").all_inner_texts()
    assert words == data["pain_points"][1]["words"]
    counts = _cells(page, ".page:visible table.themes td.num")
    assert counts == [str(n) for n in data["themes"].values()]
    stale = page.locator(".page:visible ul.stale li")
    assert stale.count() == len(data["stale"]) == 1
    assert "288" in stale.first.inner_text()


def test_no_serious_accessibility_violations_on_the_portfolio_page(portfolio_page):
    page = portfolio_page.page
    assert _serious(page) == []
    page.click("#switch")
    assert page.locator(".page:visible h2").first.inner_text() == "Action board"
    assert _serious(page) == []
    page.click("#switch")


def test_hostile_text_stays_text_on_both_pages(browser, tmp_path):  # noqa: F811
    bad = "<img src=x onerror=alert(1)></script><script>alert(2)</script><!-- &amp;"
    journeys = hostile(bad)
    pages = {
        "history": render_history(history(journeys), "html"),
        "portfolio": render_portfolio(
            portfolio([(str(k), j) for k, j in enumerate(journeys)], today=TODAY), "html"
        ),
    }
    for name, html in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        opened = Opened(browser, path)
        page = opened.page
        assert opened.errors == []
        assert opened.dialogs == []
        assert opened.requests == []
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 1
        if name == "history":
            assert page.locator(".page:visible h1").inner_text() == f"Klantreis ‘{bad}’: 3 metingen"
        assert page.locator(".page:visible tbody th").nth(3).inner_text() != ""
        assert bad in page.locator(".page:visible").inner_text()
        page.close()


@pytest.mark.parametrize("name", ["history-html", "portfolio-html"])
def test_the_docs_pictures_are_made_by_their_script(browser, tmp_path, name):  # noqa: F811
    out = SCREENSHOTS.PICTURES[name](tmp_path / f"{name}.png", browser)
    assert out.read_bytes().startswith(b"\x89PNG")
    assert (ROOT / "docs" / "images" / f"{name}.png").exists()
