"""Make the pictures in docs/images from the shipped examples; never draw them by hand.

Run from the repository root::

    python docs/screenshots.py              # every picture
    python docs/screenshots.py html-map     # one, by name
    python docs/screenshots.py wall         # the Graphviz wall (needs Graphviz only)
    python docs/screenshots.py history-html portfolio-html   # the management pages

Each picture has one function below, registered in :data:`PICTURES`. The HTML map and
the history and portfolio pages are opened in headless Chromium through Playwright
(Debian's ``chromium``; set ``KLANTREIS_CHROMIUM`` for another path).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
EXAMPLES = ROOT / "examples"
CHROMIUM = os.environ.get("KLANTREIS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


def html_map(out: Path, browser: Any = None) -> Path:
    """The HTML map of the autumn example compared with spring: filters, wall, effect report.

    *browser* is a Playwright browser to use (the tests pass theirs); ``None`` starts one.
    """
    import klantreis

    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            try:
                return html_map(out, own)
            finally:
                own.close()
    journey = klantreis.load(EXAMPLES / "depressie-ggz-2026-najaar.yaml")
    old = EXAMPLES / "depressie-ggz-2026-voorjaar.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "map.html"
        klantreis.export(journey, "html", output=page_file, compare=str(old))
        page = browser.new_page(viewport={"width": 2000, "height": 1480})
        try:
            page.goto(page_file.as_uri())
            page.wait_for_selector("html[data-ready]")
            page.select_option("#f-lane", "client")  # the client's steps and their curves
            page.evaluate("window.scrollTo(0, document.querySelector('.filters').offsetTop)")
            page.screenshot(path=str(out))
        finally:
            page.close()
    return out


def _page_picture(out: Path, html: str, browser: Any, size: tuple[int, int]) -> Path:
    """A screenshot of the top of the page *html* (the page's own language)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            try:
                return _page_picture(out, html, own, size)
            finally:
                own.close()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "page.html"
        page_file.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        try:
            page.goto(page_file.as_uri())
            page.wait_for_selector("html[data-ready]")
            page.screenshot(path=str(out))
        finally:
            page.close()
    return out


def history_html(out: Path, browser: Any = None) -> Path:
    """The history page of the wijkteam journey's three mappings: the means, the chart."""
    import klantreis
    from klantreis.manage import history, render_history

    names = ("wijkteam-2025-najaar", "wijkteam-2026-voorjaar", "wijkteam-2026-najaar")
    files = [f"examples/portfolio/{name}.yaml" for name in names]
    h = history([klantreis.load(ROOT / f) for f in files], sources=files)
    return _page_picture(out, render_history(h, "html"), browser, (1000, 1300))


def portfolio_html(out: Path, browser: Any = None) -> Path:
    """The portfolio page of examples/portfolio on 25 November 2026."""
    import datetime as dt

    import klantreis
    from klantreis.manage import journey_files, portfolio, render_portfolio

    files = journey_files(EXAMPLES / "portfolio")
    found = [(str(f.relative_to(ROOT)), klantreis.load(f)) for f in files]
    port = portfolio(found, today=dt.date(2026, 11, 25), stale_after=180)
    return _page_picture(out, render_portfolio(port, "html"), browser, (1300, 1200))


def wall(out: Path) -> Path:
    """The Graphviz wall of the English example (four phases), as PNG at 72 dpi."""
    import klantreis

    journey = klantreis.load(EXAMPLES / "debt-counselling-en.yaml")
    klantreis.export(journey, "png", output=out, dpi=72)
    return out


PICTURES: dict[str, Callable[..., Path]] = {
    "html-map": html_map,
    "history-html": history_html,
    "portfolio-html": portfolio_html,
    "wall": wall,
}
"""Each picture's name (its file is ``docs/images/NAME.png``) and the function that makes it:
``function(out_path)`` writes the picture and returns its path."""


def main(argv: list[str]) -> int:
    """Make the pictures named in *argv* (all when none), print where each went."""
    names = argv or list(PICTURES)
    unknown = [n for n in names if n not in PICTURES]
    if unknown:
        print(f"unknown picture {', '.join(unknown)}; choose from {', '.join(PICTURES)}")
        return 2
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name in names:
        print(PICTURES[name](IMAGES / f"{name}.png").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
