"""The HTML map in a real browser: headless Chromium through Playwright.

What a person sees: no console errors, no network request, the journey's phases,
lanes, post-its and actions on the page, filters and the detail view by mouse and by
keyboard, the compare view's badges, hostile text shown as text, and no serious
accessibility violations (axe-core, run from the copy bundled by
``axe-playwright-python``; nothing is fetched).

Debian's ``chromium`` is used (``playwright install`` downloads a browser build and
does not work here). Without it the tests skip with the reason, except when the ``CI``
environment variable is set: there a missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
import types
from pathlib import Path

import pytest

import klantreis
from klantreis.aggregate import nearest_point
from klantreis.compare import Collection, Kind, Verdict
from klantreis.exporters.common import rating_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OLD = EXAMPLES / "depressie-ggz-2026-voorjaar.yaml"
NEW = EXAMPLES / "depressie-ggz-2026-najaar.yaml"


def _screenshots() -> types.ModuleType:
    """docs/screenshots.py, which makes the docs' pictures and knows how to start Chromium."""
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCREENSHOTS = _screenshots()
CHROMIUM = SCREENSHOTS.CHROMIUM


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=list(SCREENSHOTS.CHROMIUM_ARGS))
        yield b
        b.close()


class Opened:
    """A page opened from a file, with what it logged and tried to fetch."""

    def __init__(self, browser, path: Path) -> None:
        self.path = path
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1600, "height": 1000})
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        start = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready]")
        self.seconds = time.perf_counter() - start

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        if route.request.url == self.path.as_uri():
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def count(self, selector: str) -> int:
        return int(self.page.locator(selector).count())

    def visible(self) -> int:
        return int(self.page.locator(".postit:visible").count())


def _export(journey: klantreis.Journey, path: Path, **options: str) -> Path:
    klantreis.export(journey, "html", output=path, **options)
    return path


@pytest.fixture(scope="module")
def najaar(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "najaar.html"
    _export(klantreis.load(NEW), out, compare=str(OLD))
    opened = Opened(browser, out)
    yield opened
    opened.page.close()


def test_opens_without_errors_or_requests_and_shows_the_whole_journey(najaar):
    journey = klantreis.load(NEW)
    assert najaar.errors == []
    assert najaar.requests == []
    assert najaar.count(".phase") == len(journey.phases)
    assert najaar.count(".lane-head") == len(journey.lanes)
    assert najaar.count(".postit") == len(journey.steps)
    assert najaar.count(".action") == len(journey.actions)
    rating_lanes = [lane for lane in journey.lanes if lane.kind is klantreis.LaneKind.RATING]
    assert najaar.count(".curve svg") == len(rating_lanes)
    assert najaar.page.evaluate("document.documentElement.lang") == "nl"
    assert najaar.page.title() == journey.title


def test_post_its_show_the_numbers_every_output_shows(najaar):
    journey = klantreis.load(NEW)
    expected = {
        s.id: [
            f"{journey.scale(r.scale).name} {rating_text(journey.scale(r.scale), r, 'nl')}"
            for r in s.ratings
        ]
        for s in journey.steps
    }
    shown = najaar.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.wall-section .postit')]
             .map(p => [p.dataset.step,
                        [...p.querySelectorAll('.rating')].map(r => r.textContent)]))"""
    )
    assert shown == expected
    assert any("gem." in text for texts in shown.values() for text in texts)


def test_curve_points_sit_under_their_post_its(najaar):
    page = najaar.page
    points = page.locator(".curve").first.locator(".pt").all()
    assert points
    for point in points[:10]:
        step = point.get_attribute("data-step")
        dot = point.locator("circle").bounding_box()
        card = page.locator(f'.postit[data-step="{step}"]').bounding_box()
        centre = dot["x"] + dot["width"] / 2
        assert card["x"] <= centre <= card["x"] + card["width"], step


def test_filters_by_click_and_keyboard(najaar):
    journey = klantreis.load(NEW)
    page = najaar.page
    page.select_option("#f-lane", "client")
    assert najaar.visible() == sum(1 for s in journey.steps if s.lane == "client")
    page.click(".filters .reset")
    assert najaar.visible() == len(journey.steps)

    # moments of truth, by keyboard: focus the checkbox and press space
    page.focus("#f-mot")
    page.keyboard.press("Space")
    assert najaar.visible() == sum(1 for s in journey.steps if s.moment_of_truth)
    page.keyboard.press("Space")

    # the scale band "emotion 1-2", by keyboard in the select
    def low(step: klantreis.Step) -> bool:
        r = step.rating("emotion")
        return r is not None and bool(r.votes) and 1 <= nearest_point(r.value) <= 2

    page.focus("#f-band")
    page.select_option("#f-band", "emotion:1:2")
    assert najaar.visible() == sum(1 for s in journey.steps if low(s)) > 0
    page.select_option("#f-band", "")

    # steps with open actions
    open_targets = {
        t
        for a in journey.actions
        if a.status not in (klantreis.Status.DONE, klantreis.Status.DROPPED)
        for t in a.targets
    }
    page.check("#f-open")
    assert najaar.visible() == len(open_targets)
    page.uncheck("#f-open")

    page.fill("#f-search", "huisarts")
    shown = najaar.visible()
    assert 0 < shown < len(journey.steps)
    assert page.locator("#shown").inner_text().startswith(str(shown))
    page.fill("#f-search", "")
    assert najaar.visible() == len(journey.steps)
    assert najaar.errors == []


def test_detail_view_by_click_and_by_keyboard(najaar):
    journey = klantreis.load(NEW)
    page = najaar.page
    first = journey.steps[0]
    page.click(f'.postit[data-step="{first.id}"]')
    dialog = page.locator("dialog#detail")
    assert dialog.is_visible()
    assert first.title in dialog.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()

    # keyboard only: Tab reaches a post-it, Enter opens it, Escape closes it and focus returns
    page.focus("#f-search")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('postit')"):
            break
    step_id = page.evaluate("document.activeElement.dataset.step")
    assert step_id
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    assert journey.step(step_id).title in dialog.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.step") == step_id


def test_actions_and_steps_highlight_each_other(najaar):
    journey = klantreis.load(NEW)
    page = najaar.page
    action = next(a for a in journey.actions if a.targets)
    page.mouse.move(0, 0)  # hovering links too; keep the pointer off the wall
    page.focus(f'.action[data-action="{action.id}"]')
    lit = page.locator(".postit.hl").evaluate_all("els => els.map(e => e.dataset.step)")
    assert sorted(lit) == sorted(t for t in action.targets if journey.step(t))
    page.focus(f'.postit[data-step="{action.targets[0]}"]')
    lit = page.locator(".action.hl").evaluate_all("els => els.map(e => e.dataset.action)")
    assert action.id in lit
    page.evaluate("document.activeElement.blur()")
    page.hover(f'.action[data-action="{action.id}"]')
    lit = page.locator(".postit.hl").evaluate_all("els => els.map(e => e.dataset.step)")
    assert sorted(lit) == sorted(t for t in action.targets if journey.step(t))
    page.mouse.move(0, 0)
    assert page.locator(".hl").count() == 0


def test_compare_badges_match_the_diff(najaar):
    d = klantreis.diff(klantreis.load(OLD), klantreis.load(NEW))
    expected: dict[str, set[str]] = {}
    for c in d.changes:
        if c.collection is Collection.STEPS and c.kind in (Kind.ADDED, Kind.MOVED):
            expected.setdefault(c.new_id, set()).add("new" if c.kind is Kind.ADDED else "moved")
    for r in d.ratings:
        if r.verdict in (Verdict.IMPROVED, Verdict.WORSENED):
            expected.setdefault(r.step, set()).add(
                "better" if r.verdict is Verdict.IMPROVED else "worse"
            )
    shown = najaar.page.evaluate(
        """() => Object.fromEntries(
             [...document.querySelectorAll('.wall-section .postit')]
               .map(p => [p.dataset.step, [...p.querySelectorAll('.badge')]
                 .map(b => [...b.classList].find(c => c !== 'badge'))])
               .filter(([, b]) => b.length))"""
    )
    assert {k: set(v) for k, v in shown.items()} == expected
    assert {"new", "moved", "better", "worse"} <= set().union(*expected.values())
    aside = najaar.page.locator("aside.effect")
    assert aside.is_visible()
    assert d.effect is not None
    assert aside.locator(".effects").first.locator("li").count() == len(d.effect.actions)


def test_language_toggle_switches_labels_and_keeps_filters(najaar):
    page = najaar.page
    page.select_option("#f-lane", "client")
    before = najaar.visible()
    page.click("#lang-toggle")
    assert page.locator("#wall-h").inner_text() == "The wall"
    assert najaar.visible() == before
    assert page.locator(".lane-head h3").first.inner_text() == "Client steps"
    page.keyboard.press("Enter")  # the toggle keeps focus: back to Dutch
    assert page.locator("#wall-h").inner_text() == "De muur"
    page.click(".filters .reset")


def _serious(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violations(najaar):
    page = najaar.page
    assert _serious(page) == []
    # the detail view open, and the English labels
    page.click(".wall-section .postit")
    assert page.locator("dialog#detail").is_visible()
    assert _serious(page) == []
    page.keyboard.press("Escape")
    page.click("#lang-toggle")
    assert _serious(page) == []
    page.click("#lang-toggle")
    assert najaar.requests == []


def test_keyboard_focus_is_visible(najaar):
    page = najaar.page
    for selector in ("#f-search", ".wall-section .postit", ".action", "#lang-toggle"):
        page.focus(selector)
        page.keyboard.press("Shift+Tab")  # arrive by keyboard, so :focus-visible applies
        page.keyboard.press("Tab")
        style = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth]; })()"
        )
        assert style[0] != "none", selector
        assert float(style[1].removesuffix("px")) >= 2, selector


def test_hostile_text_stays_text(browser, tmp_path):
    bad = "<img src=x onerror=alert(1)></script><script>alert(2)</script><!-- &amp;"
    journey = klantreis.Journey(
        title=bad,
        phases=[klantreis.Phase(name=bad, id="p", goal=bad)],
        steps=[
            klantreis.Step(
                title=bad,
                id="s",
                phase="p",
                lane="client",
                description=bad,
                notes=[klantreis.Note(kind=klantreis.NoteKind.QUESTION, text=bad, author=bad)],
            )
        ],
        actions=[klantreis.ImprovementAction(title=bad, owner=bad, targets=["s"])],
    )
    opened = Opened(browser, _export(journey, tmp_path / "bad.html"))
    page = opened.page
    assert opened.errors == []
    assert opened.dialogs == []
    assert opened.requests == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 2  # the data and the map's own script
    assert page.locator("h1").inner_text() == bad
    assert page.locator(".postit .title").inner_text() == bad
    page.click(".postit")
    assert opened.dialogs == []
    assert bad in page.locator("dialog#detail").inner_text()
    page.close()


def test_screenshots_of_the_examples(browser, tmp_path):
    """Screenshots under the test's tmp dir, for a person to look at."""
    for name in ("depressie-ggz-2026-najaar", "debt-counselling-en"):
        page_file = _export(klantreis.load(EXAMPLES / f"{name}.yaml"), tmp_path / f"{name}.html")
        opened = Opened(browser, page_file)
        assert opened.errors == []  # before the screenshot: older Playwright styles the page
        shot = tmp_path / f"{name}.png"
        opened.page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        opened.page.close()


def test_the_docs_picture_is_made_by_its_script(browser, tmp_path):
    """docs/screenshots.py makes docs/images/html-map.png; here into the tmp dir."""
    assert set(SCREENSHOTS.PICTURES) >= {"html-map"}
    out = SCREENSHOTS.PICTURES["html-map"](tmp_path / "html-map.png", browser)
    assert out.read_bytes().startswith(b"\x89PNG")
    assert (ROOT / "docs" / "images" / "html-map.png").exists()


def test_print_fits_the_wall_on_the_page(najaar, tmp_path):
    page = najaar.page
    for paper, mm in (("A3", 420), ("A0", 1189)):
        page.emulate_media(media="screen")
        page.select_option("#paper", paper)
        page.emulate_media(media="print")
        assert page.locator(".filters").is_hidden()
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        zoom = float(page.evaluate("document.documentElement.style.zoom") or 1)
        wall = page.evaluate("document.querySelector('.grid').getBoundingClientRect().width")
        assert wall * zoom <= (mm - 20) * 96 / 25.4 + 1, paper
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    pdf = tmp_path / "wall.pdf"
    page.pdf(path=str(pdf), format="A3", landscape=True)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_ratings_show_the_numbers_every_output_shows(browser, tmp_path):
    """The edge cases of klantreis.aggregate on the page, in both languages: halves away
    from zero, and the label of the point nearest the number shown (not the exact mean)."""
    from klantreis.exporters.common import rating_text

    votes = [
        (2, 3),  # 2,5: labelled as point 3
        (2,) * 6 + (3,) * 5,  # 2,4545…: shown 2,5, so point 3 as well (rounding 2,45… gave 2)
        (2,) * 19 + (3,),  # 2,05: 2,1
        (3, 4, 4),  # 3,666…: 3,7
        (4,),
    ]
    journey = klantreis.Journey(
        title="Getallen",
        language=klantreis.Language.NL,
        phases=[klantreis.Phase(name="Fase", id="p")],
        steps=[
            klantreis.Step(
                title=f"Stap {i}",
                id=f"s{i}",
                phase="p",
                lane="client",
                ratings=[klantreis.Rating("emotion", v)],
            )
            for i, v in enumerate(votes)
        ],
    )
    opened = Opened(browser, _export(journey, tmp_path / "numbers.html"))
    page = opened.page
    for language, toggle in ((klantreis.Language.NL, False), (klantreis.Language.EN, True)):
        if toggle:
            page.click("#lang-toggle")
        scale = klantreis.default_scales(language)[0]  # the page holds both languages' names
        for step in journey.steps:
            shown = page.locator(f'.postit[data-step="{step.id}"] .rating').first.inner_text()
            expected = rating_text(scale, step.ratings[0], language)
            assert shown == f"{scale.name} {expected}", step.id
    assert opened.errors == []


def test_steps_off_the_wall_are_listed_below_it(browser, tmp_path):
    journey = klantreis.Journey(
        title="Half af",
        phases=[klantreis.Phase(name="Een", id="een")],
        steps=[
            klantreis.Step(title="Op de muur", phase="een", lane="client"),
            klantreis.Step(title="Nergens", phase="geen-fase", lane="client"),
            klantreis.Step(title="In de curve", phase="een", lane="emotion"),
        ],
        actions=[klantreis.ImprovementAction(title="Los", targets=["bestaat-niet", "nergens"])],
    )
    opened = Opened(browser, _export(journey, tmp_path / "half.html"))
    assert opened.errors == []
    assert opened.count(".grid .postit") == 1
    titles = opened.page.locator(".unplaced .postit .title").all_inner_texts()
    assert titles == ["Nergens", "In de curve"]
    opened.page.click(".unplaced .postit")
    assert "Nergens" in opened.page.locator("dialog#detail").inner_text()
    opened.page.close()
