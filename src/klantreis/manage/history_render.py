"""Writing a :class:`~klantreis.manage.history.History`: text, Markdown, JSON and tidy CSV.

Text has one row per phase and scale with a sparkline of its means; Markdown the same
as tables; JSON is a versioned document for scripts (``history_format_version``);
CSV is tidy, one row per iteration × step × scale. Every number comes from the
history (computed by :mod:`klantreis.aggregate`) and is shown by
:func:`klantreis.aggregate.format_number`; every word from :mod:`klantreis.words`.

The JSON document (``history_format_version`` 1)::

    {
      "history_format_version": 1,
      "title": ..., "language": "nl", "journey_ids": [...],
      "iterations": [{"index", "label", "date", "source", "journey_id", "title"}],
      "overall": [SERIES], "phases": [{"ids", "name", "scales": [SERIES]}],
      "steps": [{"ids", "title", "phase", "lane", "scales": [SERIES],
                 "votes": {SCALE: [[int, ...] | null, ...]}}],
      "actions": [{"ids", "title", "owner", "due", "statuses", "changes":
                   [{"iteration", "old", "new"}], "targets", "target_scores": [SERIES],
                   "done_in", "lasting", "slid_back_in"}]
    }

    SERIES  {"scale", "name", "direction", "minimum", "maximum", "values", "counts"}

Values are the exact means (``null`` where nothing was rated); iterations are
indexed from 0. The version changes only when an older klantreis could misread a
newer document.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Literal

from klantreis.aggregate import format_number
from klantreis.compare.rendering import md, plain
from klantreis.manage.chart import sparkline
from klantreis.manage.iterations import (
    ActionLifecycle,
    History,
    Lasting,
    Series,
    StepTrajectory,
)
from klantreis.model import Direction, Language
from klantreis.words import date_text, text

__all__ = [
    "HISTORY_FORMAT_VERSION",
    "HistoryFormat",
    "history_to_data",
    "render_history",
    "sparkline",
]

HISTORY_FORMAT_VERSION = 1
"""The version of the JSON document of a history, written as ``history_format_version``."""

HistoryFormat = Literal["text", "markdown", "json", "csv", "svg", "html"]

_LIMIT = 48
_LABEL_WIDTH = 60


def render_history(
    hist: History, format: HistoryFormat = "text", *, language: Language | str | None = None
) -> str:
    """*hist* as ``text``, ``markdown``, ``json``, ``csv`` (tidy), ``svg`` (a line chart
    per scale, :func:`klantreis.manage.chart.history_svg`) or ``html`` (one
    self-contained page: the tables, the chart, the steps and the actions).

    The words are in *language*, else in the language of the last iteration.
    """
    lang = Language(language) if language is not None else hist.language
    if format == "text":
        return _text(hist, lang)
    if format == "markdown":
        return _markdown(hist, lang)
    if format == "json":
        return json.dumps(history_to_data(hist), indent=2, ensure_ascii=False) + "\n"
    if format == "csv":
        return _csv(hist)
    if format == "svg":
        from klantreis.manage.chart import history_svg

        return history_svg(hist, lang)
    if format == "html":
        from klantreis.manage.pages import history_html

        return history_html(hist, lang)
    raise ValueError(f"unknown format {format!r}; use text, markdown, json, csv, svg or html")


# --- shared ---------------------------------------------------------------------------


def _number(value: float | None, language: Language) -> str:
    return "–" if value is None else format_number(value, language)


def _arrow(series: Series) -> str:
    return "↑" if series.direction is Direction.HIGHER_IS_BETTER else "↓"


def _status_path(action: ActionLifecycle, language: Language) -> str:
    parts = []
    for change in action.changes:
        where = change.iteration + 1
        if change.new is None:
            parts.append(text("history.action-gone", language, k=where))
        else:
            parts.append(
                text("history.status-in", language, status=text(change.new, language), k=where)
            )
    return " → ".join(parts)


def _lasting(action: ActionLifecycle, language: Language) -> str:
    key = f"history.lasting.{action.lasting.value}"
    if action.lasting is Lasting.SLID_BACK:
        assert action.slid_back_in is not None
        return text(key, language, k=action.slid_back_in + 1)
    return text(key, language)


def _moved(step: StepTrajectory) -> list[Series]:
    """The scales on which *step*'s score differs between iterations."""
    return [s for s in step.scales if s.varies]


def _heading(hist: History, language: Language) -> str:
    return text("history.title", language, title=hist.title, n=len(hist.revisions))


def _revision_line(hist: History, k: int, language: Language) -> tuple[str, str, str]:
    revision = hist.revisions[k]
    day = date_text(revision.date, language) if revision.date is not None else ""
    return revision.label, day, revision.source


def _scale_rows(hist: History, language: Language) -> list[tuple[str, str, Series]]:
    """(group, scale label, series) for the whole journey and every phase."""
    rows = [(text("history.whole-journey", language), s.name, s) for s in hist.overall]
    for phase in hist.phases:
        rows += [(phase.name, s.name, s) for s in phase.scales]
    return rows


# --- text -----------------------------------------------------------------------------


def _cut(value: str, width: int) -> str:
    return plain(value, width)


def _table(
    rows: Sequence[tuple[str, Series]], header: str, language: Language, width: int
) -> list[str]:
    """Rows of a label, the values per iteration and a sparkline, aligned."""
    labels = [_cut(f"{label} {_arrow(series)}", _LABEL_WIDTH) for label, series in rows]
    label_width = max((len(label) for label in labels), default=0)
    out = [f"  {'':<{label_width}}{header}"]
    for label, (_, series) in zip(labels, rows, strict=True):
        cells = "".join(f"{_number(v, language):>{width}}" for v in series.values)
        out.append(f"  {label:<{label_width}}{cells}   {sparkline(series)}")
    return out


def _text(hist: History, language: Language) -> str:
    out = [_cut(_heading(hist, language), 200)]
    for k in range(len(hist.revisions)):
        label, day, source = _revision_line(hist, k, language)
        extra = " · ".join(x for x in (day, _cut(source, _LIMIT) if source else "") if x)
        out.append(f"  {k + 1}  {_cut(label, _LIMIT)}" + (f"  ({extra})" if extra else ""))
    if hist.journey_ids:
        out.append(text("history.warn-ids", language, ids=", ".join(hist.journey_ids)))
    width = 7
    header = "".join(f"{k + 1:>{width}}" for k in range(len(hist.revisions)))

    out += ["", text("history.phase-scores", language)]
    rows = [(f"{group} · {name}", series) for group, name, series in _scale_rows(hist, language)]
    out += _table(rows, header, language, width)
    out.append("  " + text("history.arrows", language))

    changed = [s for s in hist.steps if s.changed]
    out += ["", text("history.steps", language)]
    if not changed:
        out.append("  " + text("history.no-step-changed", language))
    else:
        rows = [(f"{step.title} · {s.name}", s) for step in changed for s in _moved(step)]
        out += _table(rows, header, language, width)
        same = len(hist.steps) - len(changed)
        if same:
            out.append("  " + text("history.steps-same", language, n=same))

    out += ["", text("history.actions", language)]
    if not hist.actions:
        out.append("  " + text("history.no-actions", language))
    for action in hist.actions:
        out.append(f"  {_cut(action.title, _LABEL_WIDTH + 20)}")
        out.append(f"    {_status_path(action, language)}")
        out.append(f"    {text('history.effect', language)}: {_lasting(action, language)}")
    return "\n".join(out) + "\n"


# --- Markdown -------------------------------------------------------------------------


def _markdown(hist: History, language: Language) -> str:
    n = len(hist.revisions)
    out = [f"# {md(_heading(hist, language))}", ""]
    out += [
        f"| # | {text('history.iteration', language)} | {text('history.date', language)} "
        f"| {text('history.source', language)} |",
        "|---:|---|---|---|",
    ]
    for k in range(n):
        label, day, source = _revision_line(hist, k, language)
        out.append(f"| {k + 1} | {md(label)} | {day} | {md(source)} |")
    if hist.journey_ids:
        out += [
            "",
            f"> {md(text('history.warn-ids', language, ids=', '.join(hist.journey_ids)))}",
        ]
    columns = " | ".join(str(k + 1) for k in range(n))
    rule = "|".join(["---", "---", *(["---:"] * n), "---"])

    out += ["", f"## {text('history.phase-scores', language)}", ""]
    out.append(
        f"| {text('history.group', language)} | {text('history.scale', language)} | {columns} | |"
    )
    out.append(f"|{rule}|")
    for group, scale_name, series in _scale_rows(hist, language):
        cells = " | ".join(_number(v, language) for v in series.values)
        out.append(
            f"| {md(group)} | {md(scale_name)} {_arrow(series)} | {cells} | {sparkline(series)} |"
        )
    out += ["", text("history.arrows", language)]

    changed = [s for s in hist.steps if s.changed]
    out += ["", f"## {text('history.steps', language)}", ""]
    if not changed:
        out.append(text("history.no-step-changed", language))
    else:
        out.append(
            f"| {text('history.step', language)} | {text('history.scale', language)} "
            f"| {columns} | |"
        )
        out.append(f"|{rule}|")
        for step in changed:
            for series in _moved(step):
                cells = " | ".join(_number(v, language) for v in series.values)
                out.append(
                    f"| {md(step.title)} | {md(series.name)} {_arrow(series)} | {cells} "
                    f"| {sparkline(series)} |"
                )
        same = len(hist.steps) - len(changed)
        if same:
            out += ["", text("history.steps-same", language, n=same)]

    out += ["", f"## {text('history.actions', language)}", ""]
    if not hist.actions:
        out.append(text("history.no-actions", language))
    else:
        out.append(
            f"| {text('history.action', language)} | {text('history.lifecycle', language)} "
            f"| {text('history.effect', language)} |"
        )
        out.append("|---|---|---|")
        for action in hist.actions:
            out.append(
                f"| {md(action.title)} | {_status_path(action, language)} "
                f"| {_lasting(action, language)} |"
            )
    return "\n".join(out) + "\n"


# --- JSON -----------------------------------------------------------------------------


def _series(series: Series) -> dict[str, Any]:
    return {
        "scale": series.scale,
        "name": series.name,
        "direction": series.direction.value,
        "minimum": series.minimum,
        "maximum": series.maximum,
        "values": list(series.values),
        "counts": list(series.counts),
    }


def _step(step: StepTrajectory) -> dict[str, Any]:
    return {
        "ids": list(step.ids),
        "title": step.title,
        "phase": step.phase,
        "lane": step.lane,
        "scales": [_series(s) for s in step.scales],
        "votes": {
            scale: [list(v) if v is not None else None for v in per] for scale, per in step.votes
        },
    }


def _action(action: ActionLifecycle) -> dict[str, Any]:
    return {
        "ids": list(action.ids),
        "title": action.title,
        "owner": action.owner,
        "due": action.due.isoformat() if action.due is not None else None,
        "statuses": [s.value if s is not None else None for s in action.statuses],
        "changes": [
            {
                "iteration": c.iteration,
                "old": c.old.value if c.old is not None else None,
                "new": c.new.value if c.new is not None else None,
            }
            for c in action.changes
        ],
        "targets": list(action.targets),
        "target_scores": [_series(s) for s in action.target_scores],
        "done_in": action.done_in,
        "lasting": action.lasting.value,
        "slid_back_in": action.slid_back_in,
    }


def history_to_data(hist: History) -> dict[str, Any]:
    """*hist* as the plain data of its JSON document (see the module docstring)."""
    return {
        "history_format_version": HISTORY_FORMAT_VERSION,
        "title": hist.title,
        "language": hist.language.value,
        "journey_ids": list(hist.journey_ids),
        "iterations": [
            {
                "index": r.index,
                "label": r.label,
                "date": r.date.isoformat() if r.date is not None else None,
                "source": r.source,
                "journey_id": r.journey_id,
                "title": r.title,
            }
            for r in hist.revisions
        ],
        "overall": [_series(s) for s in hist.overall],
        "phases": [
            {"ids": list(p.ids), "name": p.name, "scales": [_series(s) for s in p.scales]}
            for p in hist.phases
        ],
        "steps": [_step(s) for s in hist.steps],
        "actions": [_action(a) for a in hist.actions],
    }


# --- tidy CSV -------------------------------------------------------------------------

CSV_COLUMNS: Sequence[str] = (
    "iteration",
    "label",
    "date",
    "source",
    "step",
    "title",
    "phase",
    "lane",
    "scale",
    "votes",
    "value",
)
"""The columns of the tidy CSV: one row per iteration × step × scale that has votes."""


def _csv(hist: History) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for k, revision in enumerate(hist.revisions):
        for step in hist.steps:
            step_id = step.ids[k]
            if step_id is None:
                continue
            votes = dict(step.votes)
            for series in step.scales:
                cast = votes[series.scale][k]
                value = series.values[k]
                if cast is None or value is None:
                    continue
                writer.writerow(
                    (
                        k + 1,
                        revision.label,
                        revision.date.isoformat() if revision.date is not None else "",
                        revision.source,
                        step_id,
                        step.title,
                        step.phase,
                        step.lane,
                        series.scale,
                        " ".join(str(v) for v in cast),
                        repr(value),
                    )
                )
    return buffer.getvalue()
