"""The history and the portfolio as web pages, in the HTML map's style and by its rules.

:func:`history_html` and :func:`portfolio_html` write one self-contained file each:
the style sheet and a small script (``page/page.css``, ``page/page.js``, package data
next to this module) are inline, the page uses system fonts and fetches nothing, and a
Content-Security-Policy meta tag allows only that style and script, by their SHA-256
hashes. The history's chart is the SVG of :func:`klantreis.manage.chart.history_svg`,
inline, with presentation attributes only.

The page is written here, in Python, every text escaped (:func:`html.escape`), in both
languages: the journey's shows, the other is ``hidden``, and the script (which only
sets ``hidden``, ``lang`` and the button's ``textContent``) switches between them.
Without the script the page still reads, in the journey's language. Every number is the
history's or the portfolio's, shown by :func:`klantreis.aggregate.format_number`; a cell
with a mean carries the exact value in ``data-value``, as in the JSON document.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from importlib import resources

from klantreis.aggregate import format_number
from klantreis.exporters.common import csp_hash, strip_controls
from klantreis.manage.chart import history_svg, scale_name, sparkline
from klantreis.manage.iterations import ActionLifecycle, History, Series
from klantreis.manage.overview import BoardItem, Portfolio
from klantreis.model import Direction, Language
from klantreis.words import date_text, text

__all__ = ["history_html", "portfolio_html"]

_SLOT = re.compile(r"\{\{([A-Z]+)\}\}")
_LANGUAGE_NAMES = {Language.NL: "Nederlands", Language.EN: "English"}


def _e(value: object) -> str:
    """*value* as HTML text: control characters out, ``<``, ``&`` and quotes escaped."""
    return html.escape(strip_controls(str(value)), quote=True)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(f"page/{name}").read_text(encoding="utf-8")


def _page(first: Language, build: Callable[[Language], tuple[str, str]]) -> str:
    """The page: *build(language)* gives the title and the body in each language;
    *first* is the one shown."""
    css, script = _asset("page.css"), _asset("page.js")
    csp = (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    order = [first, *(lang for lang in Language if lang is not first)]
    sections = []
    titles = {}
    for lang in order:
        title, body = build(lang)
        titles[lang] = title
        hidden = "" if lang is first else " hidden"
        sections.append(
            f'<section class="page" lang="{lang.value}" data-title="{_e(title)}"{hidden}>\n'
            f"{body}</section>"
        )
    other = order[1]
    slots = {
        "LANG": first.value,
        "CSP": _e(csp),
        "TITLE": _e(titles[first]),
        "CSS": css,
        "SCRIPT": script,
        "SKIP": _e(text("page.skip", first)),
        "SWITCH": _LANGUAGE_NAMES[other],
        "BODY": "\n".join(sections),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("page.html"))


def _number_cell(value: float | None, language: Language) -> str:
    if value is None:
        return '<td class="none">–</td>'
    return f'<td class="num" data-value="{value!r}">{format_number(value, language)}</td>'


def _arrow(series: Series) -> str:
    return "↑" if series.direction is Direction.HIGHER_IS_BETTER else "↓"


def _table(head: Sequence[str], rows: Iterable[str], *, cls: str, numeric_from: int = 99) -> str:
    """A table: *head* are escaped texts, *rows* finished ``<tr>`` elements."""
    numeric = ' class="num"'
    cells = "".join(
        f'<th scope="col"{numeric if k >= numeric_from else ""}>{_e(h)}</th>'
        for k, h in enumerate(head)
    )
    body = "\n".join(rows)
    return (
        f'<div class="scroll"><table class="{cls}"><thead><tr>{cells}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody></table></div>\n"
    )


# --- history ---------------------------------------------------------------------------


def _series_row(first: str, hist: History, series: Series, language: Language, attrs: str) -> str:
    """A row: *first* (HTML), the scale's name, a cell per iteration, the sparkline."""
    second = _e(scale_name(series.scale, series.name, hist.language, language))
    values = "".join(_number_cell(v, language) for v in series.values)
    return (
        f'<tr{attrs}><th scope="row">{first}</th><td>{second} {_arrow(series)}</td>'
        f'{values}<td class="spark" aria-hidden="true">{sparkline(series)}</td></tr>'
    )


def _series_table(first: str, rows: list[str], cls: str, n: int, language: Language) -> str:
    """A table of :func:`_series_row` rows: *first* names the first column."""
    head = [
        first,
        text("history.scale", language),
        *(str(k + 1) for k in range(n)),
        text("page.trend", language),
    ]
    return _table(head, rows, cls=cls, numeric_from=2)


def _lasting_text(action: ActionLifecycle, language: Language) -> str:
    k = action.slid_back_in + 1 if action.slid_back_in is not None else None
    return text(f"history.lasting.{action.lasting.value}", language, k=k)


def _history_body(hist: History, language: Language) -> tuple[str, str]:
    lang = language
    n = len(hist.revisions)
    numbers = [str(k + 1) for k in range(n)]
    title = text("history.title", lang, title=hist.title, n=n)
    out = [f"<h1>{_e(title)}</h1>"]
    rows = []
    for r in hist.revisions:
        day = date_text(r.date, lang) if r.date is not None else "–"
        rows.append(
            f'<tr><th scope="row">{r.index + 1}</th><td>{_e(r.label)}</td>'
            f"<td>{_e(day)}</td><td>{_e(r.source)}</td></tr>"
        )
    head = ["#", *(text(f"history.{k}", lang) for k in ("iteration", "date", "source"))]
    out.append(_table(head, rows, cls="iterations"))
    if hist.journey_ids:
        warning = text("history.warn-ids", lang, ids=", ".join(hist.journey_ids))
        out.append(f'<p class="warn">{_e(warning)}</p>')

    out.append(f"<h2>{_e(text('history.phase-scores', lang))}</h2>")
    whole = text("history.whole-journey", lang)
    rows = [
        _series_row(_e(whole), hist, s, lang, f' data-group="journey" data-scale="{_e(s.scale)}"')
        for s in hist.overall
    ]
    for phase in hist.phases:
        key = next(i for i in reversed(phase.ids) if i is not None)
        rows += [
            _series_row(
                _e(phase.name),
                hist,
                s,
                lang,
                f' data-group="{_e(key)}" data-scale="{_e(s.scale)}"',
            )
            for s in phase.scales
        ]
    out.append(_series_table(text("history.group", lang), rows, "phase-scores", n, lang))
    out.append(f'<p class="note">{_e(text("history.arrows", lang))}</p>')

    out.append(f"<h2>{_e(text('history.chart', lang))}</h2>")
    out.append(
        f'<figure class="chart">{history_svg(hist, lang, id_prefix=f"chart-{lang.value}")}</figure>'
    )

    out.append(f"<h2>{_e(text('page.steps', lang))}</h2>")
    phase_names = {i: p.name for p in hist.phases for i in p.ids if i is not None}
    rows = []
    for step in hist.steps:
        where = _e(phase_names.get(step.phase, step.phase))
        for s in step.scales:
            changed = " changed" if s.varies else ""
            rows.append(
                _series_row(
                    f'{_e(step.title)}<br><span class="note">{where}</span>',
                    hist,
                    s,
                    lang,
                    f' class="step{changed}" data-step="{_e(step.id)}" data-scale="{_e(s.scale)}"',
                )
            )
    if rows:
        out.append(_series_table(text("history.step", lang), rows, "steps", n, lang))
        out.append(f'<p class="note">{_e(text("page.steps-note", lang))}</p>')
    else:
        out.append(f'<p class="note">{_e(text("page.no-ratings", lang))}</p>')

    out.append(f"<h2>{_e(text('history.actions', lang))}</h2>")
    if not hist.actions:
        out.append(f'<p class="note">{_e(text("history.no-actions", lang))}</p>')
    else:
        titles = {i: s.title for s in hist.steps for i in s.ids if i is not None}
        rows = []
        for a in hist.actions:
            cells = []
            for k, status in enumerate(a.statuses):
                if status is None:
                    cells.append('<td class="none">–</td>')
                else:
                    mark = " changed" if any(c.iteration == k for c in a.changes) else ""
                    shown = _e(text(status, lang))
                    cells.append(f'<td class="status status-{status.value}{mark}">{shown}</td>')
            targets = ", ".join(titles.get(t, t) for t in a.targets)
            target_line = (
                f'<br><span class="targets">{_e(text("page.targets", lang))}: {_e(targets)}</span>'
                if targets
                else ""
            )
            due = date_text(a.due, lang) if a.due is not None else "–"
            rows.append(
                f'<tr data-action="{_e(a.id)}" data-lasting="{a.lasting.value}">'
                f'<th scope="row">{_e(a.title)}{target_line}</th>'
                f"<td>{_e(a.owner or '–')}</td><td>{_e(due)}</td>{''.join(cells)}"
                f'<td class="effect lasting-{a.lasting.value}">'
                f"{_e(_lasting_text(a, lang))}</td></tr>"
            )
        head = [
            text("history.action", lang),
            text("export.owner", lang),
            text("export.due", lang),
            *numbers,
            text("page.effect", lang),
        ]
        out.append(_table(head, rows, cls="actions"))
        out.append(f'<p class="note">{_e(text("page.lasting-note", lang))}</p>')
    return title, "\n".join(out) + "\n"


def history_html(hist: History, language: Language | str | None = None) -> str:
    """*hist* as one self-contained web page (see the module docstring): the iterations,
    the means per phase and scale, the chart, every rated step's trajectory and each
    action's status per iteration with its effect. Shown first in *language*, else in
    the language of the last iteration."""
    first = Language(language) if language is not None else hist.language
    return _page(first, lambda lang: _history_body(hist, lang))


# --- portfolio -------------------------------------------------------------------------


def _effect(item: BoardItem, language: Language) -> str:
    k = item.slid_back_in + 1 if item.slid_back_in is not None else None
    return text(f"history.lasting.{item.lasting.value}", language, k=k)


def _portfolio_body(port: Portfolio, language: Language, moments: int) -> tuple[str, str]:
    lang = language
    titles = {j.id: j.title for j in port.journeys}
    languages = {j.id: j.language for j in port.journeys}
    today = date_text(port.today, lang)
    title = text("portfolio.title", lang, n=len(port.journeys), today=today)
    out = [f"<h1>{_e(title)}</h1>", '<ul class="journeys">']
    for j in port.journeys:
        day = date_text(j.last_date, lang) if j.last_date is not None else "–"
        line = text("portfolio.journey", lang, title=j.title, n=len(j.history), date=day)
        out.append(f'<li data-journey="{_e(j.id)}">{_e(line)}</li>')
    out.append("</ul>")

    out.append(f"<h2>{_e(text('portfolio.board', lang))}</h2>")
    if not port.board:
        out.append(f'<p class="note">{_e(text("history.no-actions", lang))}</p>')
    else:
        rows = []
        for a in port.board:
            badge = (
                f' <span class="overdue">{_e(text("portfolio.overdue", lang).strip())}</span>'
                if a.overdue
                else ""
            )
            due = date_text(a.due, lang) if a.due is not None else "–"
            owner = a.owner or text("portfolio.no-owner", lang)
            rows.append(
                f'<tr class="{"is-overdue" if a.overdue else "board-item"}" '
                f'data-journey="{_e(a.journey)}" data-action="{_e(a.id)}">'
                f'<th scope="row">{_e(a.title)}</th><td>{_e(titles[a.journey])}</td>'
                f'<td>{_e(owner)}</td><td class="due">{_e(due)}{badge}</td>'
                f'<td class="status status-{a.status.value}">{_e(text(a.status, lang))}</td>'
                f"<td>{_e(text(a.theme, lang))}</td><td>{_e(text(a.scope, lang))}</td>"
                f'<td class="effect lasting-{a.lasting.value}">{_e(_effect(a, lang))}</td></tr>'
            )
        head = [
            text("export.action", lang),
            text("page.journey", lang),
            text("export.owner", lang),
            text("export.due", lang),
            text("export.status", lang),
            text("export.theme", lang),
            text("page.scope", lang),
            text("page.effect", lang),
        ]
        out.append(_table(head, rows, cls="board"))

    out.append(f"<h2>{_e(text('portfolio.without-effect', lang))}</h2>")
    if not port.without_effect:
        out.append(f'<p class="note">{_e(text("portfolio.none", lang))}</p>')
    else:
        out.append('<ul class="without-effect">')
        for a in port.without_effect:
            out.append(
                f'<li data-action="{_e(a.id)}"><strong>{_e(a.title)}</strong> '
                f"({_e(titles[a.journey])}): "
                f'<span class="effect lasting-{a.lasting.value}">{_e(_effect(a, lang))}</span></li>'
            )
        out.append("</ul>")

    out.append(f"<h2>{_e(text('portfolio.pain-points', lang))}</h2>")
    if not port.pain_points:
        out.append(f'<p class="note">{_e(text("portfolio.none", lang))}</p>')
    for group in port.pain_points:
        if group.tag is not None:
            heading = text("portfolio.tag-group", lang, tag=group.tag, n=len(group.journeys))
            why = (
                f'{_e(text("page.grouped-by-tag", lang))} <span class="tag">{_e(group.tag)}</span>'
            )
        else:
            heading = text(
                "page.pain-group",
                lang,
                side=text(f"portfolio.side.{group.side}", lang),
                lane=group.lane_name,
                n=len(group.journeys),
            )
            why = f"{_e(text('page.grouped-by-words', lang))} " + "".join(
                f'<span class="word">{_e(w)}</span>' for w in group.words
            )
        out.append(f'<div class="group" data-tag="{_e(group.tag or "")}">')
        out.append(f"<h3>{_e(heading)}</h3>")
        out.append(f'<p class="why">{why}</p><ul>')
        for ref in group.members:
            kind = (
                ""
                if ref.source == "pain-point"
                else f"{_e(text(ref.source.replace('note-', 'note-kind.'), lang))}: "
            )
            tags = "".join(f' <span class="tag">{_e(t)}</span>' for t in ref.tags)
            out.append(
                f'<li data-journey="{_e(ref.journey)}" data-step="{_e(ref.step)}">'
                f"{kind}{_e(ref.text)} "
                f'<span class="targets">({_e(titles[ref.journey])}: {_e(ref.step_title)})</span>'
                f"{tags}</li>"
            )
        out.append("</ul></div>")

    shown = port.moments[:moments]
    out.append(f"<h2>{_e(text('portfolio.moments', lang, n=len(shown)))}</h2>")
    if not shown:
        out.append(f'<p class="note">{_e(text("portfolio.none", lang))}</p>')
    else:
        rows = []
        for m in shown:
            arrow = "↑" if m.direction is Direction.HIGHER_IS_BETTER else "↓"
            rows.append(
                f'<tr data-journey="{_e(m.journey)}" data-step="{_e(m.step)}" '
                f'data-scale="{_e(m.scale)}">'
                f'<th scope="row">{_e(m.title)}</th><td>{_e(titles[m.journey])}</td>'
                f"<td>{_e(scale_name(m.scale, m.scale_name, languages[m.journey], lang))} "
                f"{arrow}</td>{_number_cell(m.value, lang)}</tr>"
            )
        head = [
            text("history.step", lang),
            text("page.journey", lang),
            text("history.scale", lang),
            text("page.score", lang),
        ]
        out.append(_table(head, rows, cls="moments", numeric_from=3))
        out.append(f'<p class="note">{_e(text("history.arrows", lang))}</p>')

    out.append(f"<h2>{_e(text('portfolio.balance', lang))}</h2>")
    total = sum(n for _, n in port.themes) or 1
    for kind, counts, column in (
        ("theme", port.themes, text("export.theme", lang)),
        ("scope", port.scopes, text("page.scope", lang)),
    ):
        rows = []
        for member, n in counts:
            name = _e(text(member, lang))
            rows.append(
                f'<tr data-{kind}="{member.value}"><th scope="row">{name}</th>'
                f'<td class="num">{n}</td><td><meter min="0" max="{total}" value="{n}" '
                f'aria-label="{name}">{n}</meter></td></tr>'
            )
        head = [column, text("page.count", lang), text("page.share", lang)]
        out.append(_table(head, rows, cls=f"balance {kind}s", numeric_from=1))

    out.append(f"<h2>{_e(text('portfolio.stale', lang, days=port.stale_after))}</h2>")
    if not port.stale:
        out.append(f'<p class="note">{_e(text("portfolio.none", lang))}</p>')
    else:
        out.append('<ul class="stale">')
        for s in port.stale:
            if s.days is None:
                line = text("portfolio.stale-undated", lang, title=s.title)
            else:
                day = date_text(s.last_date, lang) if s.last_date is not None else "–"
                line = text("portfolio.stale-line", lang, title=s.title, date=day, days=s.days)
            out.append(f'<li data-journey="{_e(s.journey)}">{_e(line)}</li>')
        out.append("</ul>")
    return title, "\n".join(out) + "\n"


def portfolio_html(
    port: Portfolio, language: Language | str | None = None, *, moments: int = 5
) -> str:
    """*port* as one self-contained web page (see the module docstring): the action
    board with what is overdue, actions done without effect, the recurring pain points
    with why they were grouped, the *moments* lowest-rated moments of truth, the balance
    of themes and scopes and the journeys not measured again. Shown first in *language*,
    else in the language most journeys use."""
    if language is not None:
        first = Language(language)
    else:
        languages = [j.language for j in port.journeys]
        first = max(Language, key=languages.count)
    return _page(first, lambda lang: _portfolio_body(port, lang, moments))
