"""Writing a :class:`~klantreis.manage.overview.Portfolio`: text, Markdown, JSON and CSV.

Text and Markdown show every section; JSON holds everything for scripts
(``portfolio_format_version`` 1); CSV is the action board, one row per action, for a
spreadsheet. Numbers are shown by :func:`klantreis.aggregate.format_number`, words
come from :mod:`klantreis.words`.

The JSON document (``portfolio_format_version`` 1)::

    {
      "portfolio_format_version": 1, "today": "YYYY-MM-DD", "stale_after": DAYS,
      "journeys": [{"id", "title", "language", "sources", "last_date", "iterations"}],
      "board": [{"journey", "id", "title", "owner", "due", "status", "scope", "theme",
                 "overdue", "lasting", "slid_back_in"}],
      "pain_points": [{"lane", "lane_name", "side", "words", "tag", "members":
                       [{"journey", "step", "step_title", "text", "tags", "source"}]}],
      "moments": [{"journey", "step", "title", "scale", "scale_name", "direction", "value",
                   "goodness"}],
      "themes": {THEME: COUNT}, "scopes": {SCOPE: COUNT},
      "stale": [{"journey", "title", "last_date", "days"}]
    }
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Literal

from klantreis.aggregate import format_number
from klantreis.compare.rendering import md, plain
from klantreis.manage.overview import BoardItem, Portfolio
from klantreis.model import Direction, Language
from klantreis.words import date_text, text

__all__ = [
    "BOARD_COLUMNS",
    "PORTFOLIO_FORMAT_VERSION",
    "PortfolioFormat",
    "portfolio_to_data",
    "render_portfolio",
]

PORTFOLIO_FORMAT_VERSION = 1
"""The version of the JSON document of a portfolio, ``portfolio_format_version``."""

PortfolioFormat = Literal["text", "markdown", "json", "csv", "html"]

BOARD_COLUMNS = (
    "journey",
    "action",
    "title",
    "owner",
    "due",
    "status",
    "overdue",
    "scope",
    "theme",
    "effect",
)
"""The columns of the CSV action board."""

_LIMIT = 60
_NOTE_MARKS = {"note-question": "? ", "note-disagreement": "! ", "note-addition": "+ "}


def render_portfolio(
    port: Portfolio,
    format: PortfolioFormat = "text",
    *,
    language: Language | str | None = None,
    moments: int = 5,
) -> str:
    """*port* as ``text``, ``markdown``, ``json``, ``csv`` (the action board) or ``html``
    (one self-contained page, :func:`klantreis.manage.pages.portfolio_html`).

    The words are in *language*, else in the language most of the journeys use; text,
    Markdown and HTML show the *moments* lowest-rated moments of truth.
    """
    if language is not None:
        lang = Language(language)
    else:
        languages = [j.language for j in port.journeys]
        lang = max(Language, key=languages.count)
    if format == "text":
        return _document(port, lang, moments, markdown=False)
    if format == "markdown":
        return _document(port, lang, moments, markdown=True)
    if format == "json":
        return json.dumps(portfolio_to_data(port), indent=2, ensure_ascii=False) + "\n"
    if format == "csv":
        return _csv(port)
    if format == "html":
        from klantreis.manage.pages import portfolio_html

        return portfolio_html(port, lang, moments=moments)
    raise ValueError(f"unknown format {format!r}; use text, markdown, json, csv or html")


def _day(day: dt.date | None, language: Language) -> str:
    return date_text(day, language) if day is not None else "–"


def _effect(item: BoardItem, language: Language) -> str:
    k = item.slid_back_in + 1 if item.slid_back_in is not None else None
    return text(f"history.lasting.{item.lasting.value}", language, k=k)


def _document(port: Portfolio, language: Language, moments: int, *, markdown: bool) -> str:

    def esc(value: str) -> str:
        return md(value, _LIMIT) if markdown else plain(value, _LIMIT)

    titles = {j.id: j.title for j in port.journeys}
    out: list[str] = []

    def heading(key: str, **values: object) -> None:
        words = text(key, language, **values)
        if out:
            out.append("")
        out.append(f"## {words}" if markdown else words)
        if markdown:
            out.append("")

    def item(line: str) -> None:
        out.append(f"- {line}" if markdown else f"  {line}")

    first = text(
        "portfolio.title", language, n=len(port.journeys), today=date_text(port.today, language)
    )
    out.append(f"# {first}" if markdown else first)
    if markdown:
        out.append("")
    for j in port.journeys:
        item(
            text(
                "portfolio.journey",
                language,
                title=esc(j.title),
                n=len(j.history),
                date=_day(j.last_date, language),
            )
        )

    heading("portfolio.board")
    if not port.board:
        item(text("history.no-actions", language))
    for a in port.board:
        mark = text("portfolio.overdue", language) if a.overdue else ""
        who = esc(a.owner) if a.owner else text("portfolio.no-owner", language)
        due = _day(a.due, language)
        line = text(
            "portfolio.action",
            language,
            title=esc(a.title),
            journey=esc(titles[a.journey]),
            owner=who,
            due=due,
            status=text(a.status, language),
        )
        item(f"{mark}{line}")

    heading("portfolio.without-effect")
    if not port.without_effect:
        item(text("portfolio.none", language))
    for a in port.without_effect:
        item(f"{esc(a.title)} ({esc(titles[a.journey])}): {_effect(a, language)}")

    heading("portfolio.pain-points")
    if not port.pain_points:
        item(text("portfolio.none", language))
    for group in port.pain_points:
        if group.tag is not None:
            item(text("portfolio.tag-group", language, tag=esc(group.tag), n=len(group.journeys)))
        else:
            item(
                text(
                    "portfolio.pain-group",
                    language,
                    side=text(f"portfolio.side.{group.side}", language),
                    lane=esc(group.lane_name),
                    words=", ".join(group.words),
                    n=len(group.journeys),
                )
            )
        for ref in group.members:
            mark = _NOTE_MARKS.get(ref.source, "")
            where = f"{esc(titles[ref.journey])}: {esc(ref.step_title)}"
            out.append(f"    - {mark}{esc(ref.text)} ({where})")

    heading("portfolio.moments", n=min(moments, len(port.moments)))
    if not port.moments:
        item(text("portfolio.none", language))
    for m in port.moments[:moments]:
        arrow = "↑" if m.direction is Direction.HIGHER_IS_BETTER else "↓"
        item(
            f"{esc(m.scale_name)} {format_number(m.value, language)} {arrow}: {esc(m.title)} "
            f"({esc(titles[m.journey])})"
        )

    heading("portfolio.balance")
    item(" · ".join(f"{text(t, language)}: {n}" for t, n in port.themes))
    item(" · ".join(f"{text(s, language)}: {n}" for s, n in port.scopes))

    heading("portfolio.stale", days=port.stale_after)
    if not port.stale:
        item(text("portfolio.none", language))
    for s in port.stale:
        if s.days is None:
            item(text("portfolio.stale-undated", language, title=esc(s.title)))
        else:
            item(
                text(
                    "portfolio.stale-line",
                    language,
                    title=esc(s.title),
                    date=_day(s.last_date, language),
                    days=s.days,
                )
            )
    return "\n".join(out) + "\n"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def portfolio_to_data(port: Portfolio) -> dict[str, Any]:
    """*port* as the plain data of its JSON document (see the module docstring)."""
    return {
        "portfolio_format_version": PORTFOLIO_FORMAT_VERSION,
        "today": port.today.isoformat(),
        "stale_after": port.stale_after,
        "journeys": [
            {
                "id": j.id,
                "title": j.title,
                "language": j.language.value,
                "sources": list(j.sources),
                "last_date": _iso(j.last_date),
                "iterations": len(j.history),
            }
            for j in port.journeys
        ],
        "board": [
            {
                "journey": a.journey,
                "id": a.id,
                "title": a.title,
                "owner": a.owner,
                "due": _iso(a.due),
                "status": a.status.value,
                "scope": a.scope.value,
                "theme": a.theme.value,
                "overdue": a.overdue,
                "lasting": a.lasting.value,
                "slid_back_in": a.slid_back_in,
            }
            for a in port.board
        ],
        "pain_points": [
            {
                "lane": g.lane,
                "lane_name": g.lane_name,
                "side": g.side,
                "words": list(g.words),
                "tag": g.tag,
                "members": [
                    {
                        "journey": m.journey,
                        "step": m.step,
                        "step_title": m.step_title,
                        "text": m.text,
                        "tags": list(m.tags),
                        "source": m.source,
                    }
                    for m in g.members
                ],
            }
            for g in port.pain_points
        ],
        "moments": [
            {
                "journey": m.journey,
                "step": m.step,
                "title": m.title,
                "scale": m.scale,
                "scale_name": m.scale_name,
                "direction": m.direction.value,
                "value": m.value,
                "goodness": m.goodness,
            }
            for m in port.moments
        ],
        "themes": {t.value: n for t, n in port.themes},
        "scopes": {s.value: n for s, n in port.scopes},
        "stale": [
            {"journey": s.journey, "title": s.title, "last_date": _iso(s.last_date), "days": s.days}
            for s in port.stale
        ],
    }


def _csv(port: Portfolio) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(BOARD_COLUMNS)
    for a in port.board:
        writer.writerow(
            (
                a.journey,
                a.id,
                a.title,
                a.owner or "",
                _iso(a.due) or "",
                a.status.value,
                "yes" if a.overdue else "no",
                a.scope.value,
                a.theme.value,
                a.lasting.value,
            )
        )
    return buffer.getvalue()
