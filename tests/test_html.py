"""The HTML exporter's file, without a browser: one page, strict CSP, data that stays data.

What the page does when opened is tested in tests/test_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

import klantreis
from klantreis.cli import main
from klantreis.compare import Verdict
from klantreis.exporting import get_exporter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
OLD = EXAMPLES / "depressie-ggz-2026-voorjaar.yaml"
NEW = EXAMPLES / "depressie-ggz-2026-najaar.yaml"
HOSTILE = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> &amp; \u2028"


def _html(journey: klantreis.Journey, **options: str) -> str:
    out = klantreis.export(journey, "html", **options)
    assert isinstance(out, str)
    return out


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)


def _data(page: str) -> dict:
    (body,) = [body for attrs, body in _scripts(page) if "application/json" in attrs]
    return json.loads(body)


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_html_is_a_built_in_format():
    exporter = get_exporter("html")
    assert (exporter.suffix, exporter.media_type, exporter.binary) == (".html", "text/html", False)
    assert "compare" in [name for name, _, _ in exporter.option_help()]


def test_one_file_whose_csp_allows_only_its_own_inline_style_and_script():
    page = _html(klantreis.load(NEW))
    (csp,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    policy = dict(part.strip().split(" ", 1) for part in html.unescape(csp).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["img-src"] == "data:"
    (style,) = re.findall(r"<style>(.*?)</style>", page, flags=re.S)
    assert policy["style-src"] == f"'{_sha(style)}'"
    scripts = _scripts(page)
    assert len(scripts) == 2
    code = [body for attrs, body in scripts if "application/json" not in attrs]
    assert policy["script-src"] == f"'{_sha(code[0])}'"
    # nothing that would fetch: no src or href to anything but the page's own anchors
    assert re.findall(r"""\b(?:src|href)\s*=\s*["'](?!#)""", page) == []
    assert "@import" not in page
    assert "url(" not in style


def test_language_title_and_all_labels_in_both_languages():
    journey = klantreis.load(EXAMPLES / "debt-counselling-en.yaml")
    page = _html(journey)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f"<title>{journey.title}</title>" in page
    data = _data(page)
    assert data["lang"] == "en"
    assert set(data["words"]) == {"nl", "en"}
    assert data["words"]["nl"]["status.done"] == klantreis.words.text(klantreis.Status.DONE, "nl")
    assert [lane["name"][1] for lane in data["lanes"]] == [lane.name for lane in journey.lanes]
    assert _html(journey) == page  # deterministic


def test_hostile_text_stays_inside_the_data():
    journey = klantreis.Journey(
        title=HOSTILE,
        phases=[klantreis.Phase(name=HOSTILE, id="p")],
        steps=[klantreis.Step(title=HOSTILE, id="s", phase="p", lane="client")],
    )
    page = _html(journey)
    assert len(_scripts(page)) == 2
    assert "<img" not in page
    assert "<!--" not in page
    data = _data(page)
    assert data["title"] == data["steps"][0]["title"] == HOSTILE
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)" in page


def test_compare_option_embeds_the_diff():
    page = _html(klantreis.load(NEW), compare=str(OLD))
    compare = _data(page)["compare"]
    d = klantreis.diff(klantreis.load(OLD), klantreis.load(NEW))
    assert d.effect is not None
    assert len(compare["actions"]) == len(d.effect.actions)
    assert compare["counts"] == {k.value: n for k, n in d.counts().items() if n}
    worse = {r.step for r in d.ratings if r.verdict is Verdict.WORSENED}
    assert {s for s, marks in compare["badges"].items() if "worse" in marks} == worse
    assert _data(_html(klantreis.load(NEW)))["compare"] is None


def test_a_broken_compare_file_is_a_located_error_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "old.yaml"
    bad.write_text("title: [oops\n", encoding="utf-8")
    out = tmp_path / "map.html"
    assert main(["export", str(NEW), "--to", "html", "--compare", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:" in err
    assert "Traceback" not in err
    assert not out.exists()
    missing = tmp_path / "missing.yaml"
    assert (
        main(["export", str(NEW), "--to", "html", "--compare", str(missing), "-o", str(out)]) == 2
    )
    assert str(missing) in capsys.readouterr().err
    assert not out.exists()


def test_cli_compare_flag_and_option_are_the_same(tmp_path, capsys):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["export", str(NEW), "--to", "html", "--compare", str(OLD), "-o", str(a)]) == 0
    assert main(["export", str(NEW), "-t", "html", "-O", f"compare={OLD}", "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    argv = ["export", str(NEW), "-t", "html", "--compare", str(OLD), "-O", f"compare={OLD}"]
    assert main(argv) == 2
    assert "once" in capsys.readouterr().err
    assert main(["export", str(NEW), "-t", "markdown", "--compare", str(OLD)]) == 2
    assert "unknown option 'compare'" in capsys.readouterr().err


def test_size_grows_linearly_with_the_steps():
    def journey(n: int) -> klantreis.Journey:
        return klantreis.Journey(
            title="Groei",
            phases=[klantreis.Phase(name=f"Fase {i}", id=f"f{i}") for i in range(5)],
            steps=[
                klantreis.Step(
                    title=f"Stap {i} met een titel",
                    phase=f"f{i % 5}",
                    lane="client",
                    ratings=[klantreis.Rating("emotion", (1 + i % 5,))],
                )
                for i in range(n)
            ],
        )

    sizes = [len(_html(journey(n)).encode()) for n in (100, 200, 400)]
    per_step = [(b - a) / n for a, b, n in zip(sizes[:-1], sizes[1:], (100, 200), strict=True)]
    assert per_step[1] == pytest.approx(per_step[0], rel=0.05)
    assert per_step[0] < 200


def test_every_word_the_script_asks_for_is_in_both_languages():
    from importlib import resources

    script = resources.files("klantreis.exporters.html").joinpath("map.js").read_text("utf-8")
    keys = set(re.findall(r'\bw\("([a-z_.-]+)"[,)]', script))  # whole keys only
    keys |= set(re.findall(r'\["[^"]+", "(diff\.[a-z.-]+)"\]', script))  # BADGES
    assert len(keys) > 40
    words = _data(_html(klantreis.load(NEW), compare=str(OLD)))["words"]
    for lang in ("nl", "en"):
        assert keys - set(words[lang]) == set(), lang


def test_title_option_names_the_page_and_strips_control_characters():
    page = _html(klantreis.load(NEW), title="Voor het MT\x07\nnajaar <2026>")
    assert "<title>Voor het MT najaar &lt;2026&gt;</title>" in page
    assert _data(page)["title"] == klantreis.load(NEW).title
