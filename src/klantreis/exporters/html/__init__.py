"""The HTML exporter: the journey map as one self-contained, interactive web page.

``klantreis export J --to html -o map.html`` writes a single file that works from a
USB stick, an e-mail attachment or a ``file://`` URL: the style sheet and the script
(``map.css`` and ``map.js``, package data next to this module) are inline, the page
uses system fonts and fetches nothing, and a Content-Security-Policy meta tag allows
only that inline style and script (by their SHA-256 hashes).

The journey goes into the page as JSON inside ``<script type="application/json">``
(``<`` written as ``\\u003c``, so no text can close the element or open a comment);
the script builds the wall from it with ``textContent`` only, so any text in the
journey is shown as text, never as markup. The page holds the labels in Dutch and
English (from :func:`klantreis.templates.label` and the exporters' word table), so a
reader can switch between them.

With ``--option compare=OLD.yaml`` the page shows this journey against an older
iteration: per-step badges (better, worse, new, moved) and the effect report of the
improvement actions, from :func:`klantreis.diff`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

from attrs import frozen

from klantreis import words
from klantreis.aggregate import format_number, nearest_point, over_norm, step_mean
from klantreis.exporters.base import Exporter, localize, option
from klantreis.exporters.common import csp_hash, duration_text, strip_controls
from klantreis.hookspecs import hookimpl
from klantreis.model import (
    ImprovementAction,
    Journey,
    Language,
    Status,
    Step,
)

__all__ = ["HTML", "HtmlOptions", "klantreis_register_exporters", "render_html"]


@frozen
class HtmlOptions:
    """Options of the HTML exporter."""

    compare: str | None = option(
        None,
        help="an older iteration's journey file: show badges and the effect report against it",
    )
    title: str | None = option(None, help="the page title (default: the journey's title)")


# The page shows these parts of the catalogue; it switches between nl and en itself.
_PREFIXES = (
    "export.",
    "html.",
    "channel.",
    "judgement.",
    "lane-kind.",
    "note-kind.",
    "persona-role.",
    "scope.",
    "status.",
    "theme.",
    "diff.verdict.",
    "direction.",
    "diff.outcome.",
    "diff.flag.",
    "diff.kind.",
)
_DIFF = frozenset(
    {
        "diff.summary",
        "diff.phase-scores",
        "diff.effect",
        "diff.no-rating-change",
        "diff.action-new",
        "diff.action-gone",
        "diff.unexplained",
    }
)

_OPEN = frozenset({Status.PROPOSED, Status.PLANNED, Status.IN_PROGRESS})


def _words() -> dict[str, dict[str, str]]:
    """Every word the page shows, in both languages: ``{"nl": {key: text}, "en": {...}}``.

    Placeholders (``{n}``) are left for the page's script to fill in.
    """
    keys = [k for k in words.CATALOGUE if k.startswith(_PREFIXES) or k in _DIFF]
    return {lang: {k: words.text(k, lang) for k in keys} for lang in words.LANGUAGES}


def _text(value: str | None) -> str | None:
    return None if value is None else strip_controls(value)


def _shown(value: float | None) -> str | None:
    """*value* as every output shows it (:mod:`klantreis.aggregate`), with a decimal point;
    the page writes a decimal comma in Dutch."""
    return None if value is None else format_number(value, Language.EN)


def _rating(
    scale: str, votes: tuple[int, ...], groups: dict[str, tuple[int, ...]] | None = None
) -> list[Any]:
    """``[scale, votes, mean as shown, the scale point nearest to it]`` (the last two
    ``None`` without votes), so the page counts and rounds as every other output; votes
    per perspective add ``[[perspective, votes], ...]``."""
    mean = step_mean(votes)
    point = nearest_point(mean) if mean is not None else None
    shown = [scale, list(votes), _shown(mean), point]
    return [*shown, [[p, list(v)] for p, v in groups.items()]] if groups else shown


def _step(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {"id": step.id, "title": _text(step.title)}
    data["phase"], data["lane"] = step.phase, step.lane
    if step.description:
        data["desc"] = _text(step.description)
    if step.actor:
        data["actor"] = step.actor
    if step.channels:
        data["channels"] = [c.value for c in step.channels]
    if step.duration is not None:
        d = step.duration
        data["dur"] = [duration_text(d, Language.NL), duration_text(d, Language.EN)]
    if step.ratings:
        data["ratings"] = [_rating(r.scale, r.votes, r.by_perspective()) for r in step.ratings]
    if step.pain_points.client:
        data["painC"] = [_text(p) for p in step.pain_points.client]
    if step.pain_points.professional:
        data["painP"] = [_text(p) for p in step.pain_points.professional]
    if step.pain_points.tags:
        data["tags"] = [_text(t) for t in step.pain_points.tags]
    if step.moment_of_truth:
        data["mot"] = True
    q = step.quality
    quality = {
        key: getattr(q, key).value
        for key in ("knowledge", "attitude", "skills", "client_focus")
        if getattr(q, key) is not None
    }
    if q.comment:
        quality["comment"] = strip_controls(q.comment)
    if quality:
        data["quality"] = quality
    if step.boundaries:
        data["bounds"] = [
            {"text": _text(b.text), "reason": _text(b.reason), "options": _text(b.options)}
            for b in step.boundaries
        ]
    if step.notes:
        data["notes"] = [
            {
                "kind": n.kind.value,
                "sym": n.kind.symbol,
                "text": _text(n.text),
                "author": _text(n.author),
                "sugg": _text(n.suggestion),
                **({"tags": [_text(t) for t in n.tags]} if n.tags else {}),
            }
            for n in step.notes
        ]
    return data


def _action(action: ImprovementAction) -> dict[str, Any]:
    return {
        "id": action.id,
        "title": _text(action.title),
        "desc": _text(action.description),
        "scope": action.scope.value,
        "theme": action.theme.value,
        "owner": _text(action.owner),
        "due": action.due.isoformat() if action.due else None,
        "status": action.status.value,
        "open": action.status in _OPEN,
        "targets": list(action.targets),
        "ideas": list(action.ideas),
        "effect": _text(action.expected_effect),
        "tomorrow": action.tomorrow,
        "mandate": action.within_mandate,
    }


def _payload(journey: Journey, compare: dict[str, Any] | None) -> dict[str, Any]:
    """The journey as the page's script reads it (labels in both languages)."""
    nl, en = localize(journey, Language.NL), localize(journey, Language.EN)
    j = journey
    return {
        "lang": j.language.value,
        "title": _text(j.title),
        "desc": _text(j.description),
        "iteration": (
            {
                "label": _text(j.iteration.label),
                "date": j.iteration.date.isoformat() if j.iteration.date else None,
            }
            if j.iteration
            else None
        ),
        "persona": (
            {
                "name": _text(j.persona.name),
                "role": j.persona.role.value,
                "desc": _text(j.persona.description),
            }
            if j.persona
            else None
        ),
        "objectives": {
            key: _text(getattr(j.objectives, key))
            for key in ("session", "client", "employee")
            if getattr(j.objectives, key)
        },
        "phases": [
            {
                "id": p.id,
                "name": _text(p.name),
                "goal": _text(p.goal),
                "lead": (
                    [
                        duration_text(p.lead_time, Language.NL),
                        duration_text(p.lead_time, Language.EN),
                    ]
                    if p.lead_time
                    else None
                ),
                "norm": (
                    [
                        duration_text(p.norm_lead_time, Language.NL),
                        duration_text(p.norm_lead_time, Language.EN),
                    ]
                    if p.norm_lead_time
                    else None
                ),
                "over": bool(
                    p.lead_time and p.norm_lead_time and over_norm(p.lead_time, p.norm_lead_time)
                ),
            }
            for p in j.phases
        ],
        "lanes": [
            {
                "id": lane.id,
                "name": [_text(a.name), _text(b.name)],
                "kind": lane.kind.value,
                "scale": lane.scale,
                "actor": lane.actor,
            }
            for lane, a, b in zip(j.lanes, nl.lanes, en.lanes, strict=True)
        ],
        "scales": [
            {
                "id": s.id,
                "name": [_text(a.name), _text(b.name)],
                "min": s.minimum,
                "max": s.maximum,
                "higher": s.is_better(s.maximum, s.minimum),
                "labels": [[_text(x) for x in a.labels], [_text(x) for x in b.labels]],
            }
            for s, a, b in zip(j.scales, nl.scales, en.scales, strict=True)
        ],
        "actors": [
            {"id": a.id, "name": _text(a.name), "org": _text(a.organisation)} for a in j.actors
        ],
        "steps": [_step(s) for s in j.steps],
        "actions": [_action(a) for a in j.actions],
        "compare": compare,
        "words": _words(),
    }


def _comparison(old_path: str, journey: Journey) -> dict[str, Any]:
    """Badges per step and the effect report of *journey* against the file *old_path*."""
    from klantreis.compare import Collection, Kind, RatingChange, Verdict, diff
    from klantreis.validation import load

    old = load(old_path)
    d = diff(old, journey)
    badges: dict[str, list[str]] = {}

    def badge(step_id: str, name: str) -> None:
        marks = badges.setdefault(step_id, [])
        if name not in marks:
            marks.append(name)

    for change in d.changes:
        if change.collection is Collection.STEPS and change.kind is Kind.ADDED:
            badge(change.new_id, "new")
        elif change.collection is Collection.STEPS and change.kind is Kind.MOVED:
            badge(change.new_id, "moved")
    for r in d.ratings:
        if r.verdict is Verdict.IMPROVED:
            badge(r.step, "better")
        elif r.verdict is Verdict.WORSENED:
            badge(r.step, "worse")

    def rating(r: RatingChange) -> dict[str, Any]:
        return {
            "step": r.step,
            "label": _text(r.label),
            "scale": r.scale,
            "old": _shown(r.old_value),
            "new": _shown(r.new_value),
            "verdict": r.verdict.value,
        }

    report = d.effect
    return {
        "old": {
            "title": _text(d.old.title),
            "iteration": _text(d.old.iteration.label) if d.old.iteration else None,
        },
        "counts": {k.value: n for k, n in d.counts().items() if n},
        "badges": badges,
        "phases": [
            {
                "name": _text(p.name),
                "scales": [
                    {
                        "scale": s.scale,
                        "name": _text(s.name),
                        "old": _shown(s.old_mean),
                        "new": _shown(s.new_mean),
                        "verdict": s.verdict.value,
                    }
                    for s in p.scales
                ],
            }
            for p in d.phases
        ],
        "actions": [
            {
                "id": a.id,
                "title": _text(a.title or a.old_title),
                "status": a.status.value if a.status else None,
                "oldStatus": a.old_status.value if a.old_status else None,
                "outcome": a.outcome.value,
                "flags": [f.value for f in a.flags],
                "ratings": [rating(r) for r in a.ratings],
            }
            for a in (report.actions if report else ())
        ],
        "unexplained": [rating(r) for r in (report.unexplained if report else ())],
    }


def _asset(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open an HTML comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_SLOT = re.compile(r"\{\{([A-Z]+)\}\}")


def render_html(journey: Journey, options: HtmlOptions) -> str:
    """The interactive HTML map of *journey*: one file, nothing fetched."""
    compare = _comparison(options.compare, journey) if options.compare else None
    data = _payload(journey, compare)
    css, script = _asset("map.css"), _asset("map.js")
    csp = (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    title = strip_controls(options.title or journey.title).replace("\n", " ")
    slots = {
        "LANG": journey.language.value,
        "CSP": html.escape(csp),
        "TITLE": html.escape(title),
        "CSS": css,
        "SCRIPT": script,
        "DATA": _json_for_script(data),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("map.html"))


HTML = Exporter(
    name="html",
    description="an interactive journey map in one web page (works offline, nothing fetched)",
    suffix=".html",
    media_type="text/html",
    render=render_html,
    options=HtmlOptions,
)


@hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the HTML exporter."""
    register(HTML)
