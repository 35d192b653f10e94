"""Graphviz exporters: the journey map as it hangs on the wall, in DOT, SVG, PNG and PDF.

The map is one brown paper: the phases run left to right as columns, the lanes are
the rows, every step is a post-it coloured by its rating on the emotion scale (red
for the bad end, green for the good end, following the scale's direction), moments
of truth have a thick red border and a star, and each rating lane holds the curve of
that scale across the journey (one dot per rated step, at the height of its score).
Improvement actions hang below the paper, with arrows to the steps they target.

The source is built with :class:`graphviz.Digraph`. Node ids are synthetic (``wall``,
``a3``); text from the journey only goes into HTML-like labels, through
:func:`html_text` (entities for ``& < > "``, backslashes doubled so that ``\\N`` and
friends stay literal, control characters dropped, long text wrapped and cut), and
every line of the source stays far below ``dot``'s 16,384-byte limit. SVG, PNG and
PDF are rendered by the ``dot`` program with a timeout; without it, ``dot`` output
still works and the rendered formats fail with a message that says how to install
Graphviz.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import re
import shutil
import signal
import subprocess
import textwrap
from collections.abc import Callable, Sequence
from typing import Literal

from attrs import frozen

from klantreis import words
from klantreis.aggregate import nearest_point, phase_mean
from klantreis.errors import ExportError
from klantreis.exporters import Exporter, option
from klantreis.exporters._common import (
    duration_text,
    emotion_scale,
    goodness,
    number,
    rating_text,
    strip_controls,
)
from klantreis.hookspecs import hookimpl
from klantreis.model import Journey, Lane, LaneKind, Language, Rating, Scale, Scope, Step

__all__ = [
    "GraphOptions",
    "html_text",
    "journey_graph",
    "klantreis_register_exporters",
    "render_dot",
    "run_dot",
]


@frozen
class GraphOptions:
    """Options of the Graphviz exporters (``dot``, ``svg``, ``png``, ``pdf``)."""

    view: Literal["wall", "curve"] = option(
        "wall", help="wall: the brown paper with its post-its; curve: the emotion curve"
    )
    scale: str | None = option(
        None, help="id of the scale that colours the post-its (default: emotion)"
    )
    actions: bool = option(True, help="show the improvement actions, linked to their steps")
    details: bool = option(True, help="show actor, rating and post-it counts on each post-it")
    dpi: int = option(96, help="resolution of PNG output, in dots per inch")
    timeout: float = option(120.0, help="seconds to wait for dot before giving up")

    @dpi.validator
    def _check_dpi(self, _attribute: object, value: int) -> None:
        # dot allocates the whole bitmap: 1200 dpi is print quality, more is a mistake
        if not 1 <= value <= 1200:
            raise ValueError(f"option 'dpi': {value} is not between 1 and 1200")

    @timeout.validator
    def _check_timeout(self, _attribute: object, value: float) -> None:
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"option 'timeout': {value} is not a number of seconds above 0")


# --- colours -------------------------------------------------------------------------

PAPER = "#d8b78e"
TAPE = "#8d6e4c"
INK = "#2b2118"
UNRATED = "#f1efe8"
_POSTIT_STOPS = ((0.0, (0xF2, 0x8B, 0x82)), (0.5, (0xFF, 0xF1, 0x76)), (1.0, (0x9C, 0xD8, 0x8C)))
_DOT_STOPS = ((0.0, (0xC6, 0x28, 0x28)), (0.5, (0xF9, 0xA8, 0x25)), (1.0, (0x2E, 0x7D, 0x32)))


def _blend(t: float, stops: Sequence[tuple[float, tuple[int, int, int]]]) -> str:
    t = min(1.0, max(0.0, t))
    for (t0, c0), (t1, c1) in itertools.pairwise(stops):
        if t <= t1:
            f = (t - t0) / (t1 - t0)
            rgb = (round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True))
            return "#" + "".join(f"{v:02x}" for v in rgb)
    return "#" + "".join(f"{v:02x}" for v in stops[-1][1])


def postit_colour(scale: Scale, value: float) -> str:
    """The post-it colour of *value* on *scale*: red (bad end) to yellow to green."""
    return _blend(goodness(scale, value), _POSTIT_STOPS)


def _dot_colour(scale: Scale, value: float) -> str:
    return _blend(goodness(scale, value), _DOT_STOPS)


# --- text ----------------------------------------------------------------------------

# "]" too: dot 2.43 refuses a text that is only "]" or "]]" (it takes it for "]]>").
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "]": "&#93;", "\\": "\\\\"}
_SPECIAL = re.compile(r'[&<>"\]\\]')
_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")


def _entities(text: str) -> str:
    return _SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], text)


def html_text(text: str, *, width: int = 24, max_lines: int = 5) -> str:
    """*text* as the content of an HTML-like label: escaped, wrapped, cut.

    Lines are at most *width* characters, joined by ``<BR/>``; after *max_lines*
    lines the text ends with ``…``.

    >>> html_text('Say "hi" <b> \\\\N & go', width=40)
    'Say &quot;hi&quot; &lt;b&gt; \\\\\\\\N &amp; go'
    """
    clean = strip_controls(text).replace("\t", " ")
    lines: list[str] = []
    for paragraph in _BREAKS.split(clean):
        wrapped = textwrap.wrap(
            paragraph, width=width, break_long_words=True, break_on_hyphens=False
        ) or [""]
        lines.extend(wrapped)
        if len(lines) > max_lines:
            break
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return "<BR/>".join(_entities(line) for line in lines)


def _attr(text: str, limit: int = 1200) -> str:
    """Text for an attribute such as TOOLTIP: one line, escaped, cut at *limit*."""
    clean = strip_controls(text).replace("\t", " ")
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return _entities(clean).replace("\r\n", "&#10;").replace("\n", "&#10;").replace("\r", "&#10;")


_ACTIONS_PER_ROW = 3
_CURVE_COLUMNS = 24
_CURVE_POINTS = 200
_SWATCH = 'BORDER="1" COLOR="#9e8b6e" CELLPADDING="4"'


def _td(content: str, raw: str = "", **attributes: object) -> str:
    """A table cell; *raw* is attribute text already written, *attributes* are added."""
    written = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    opening = " ".join(part for part in ("<TD", raw, written) if part)
    return f"{opening}>{content}</TD>"


def _visible(text: str) -> bool:
    """Whether HTML-like *text* shows anything but tags and spaces."""
    return bool(re.sub(r"<[^>]*>", "", text).strip())


def _font(text: str, size: int, *, colour: str | None = None, bold: bool = False) -> str:
    if not _visible(text):
        return " "  # dot refuses an empty <FONT>, <B> or <I>
    inner = f"<B>{text}</B>" if bold else text
    tint = f' COLOR="{colour}"' if colour else ""
    return f'<FONT POINT-SIZE="{size}"{tint}>{inner}</FONT>'


# --- the wall ------------------------------------------------------------------------


class _Wall:
    def __init__(self, journey: Journey, options: GraphOptions) -> None:
        self.j = journey
        self.lang: Language = journey.language
        self.options = options
        chosen = journey.scale(options.scale) if options.scale else None
        if options.scale and chosen is None:
            known = ", ".join(s.id for s in journey.scales) or "none"
            raise ExportError(
                f"option 'scale': the journey has no scale {options.scale!r} ({known})"
            )
        self.scale = chosen or emotion_scale(journey)
        self.scales = {s.id: s for s in journey.scales}
        self.actors = {a.id: a for a in journey.actors}
        self.port = {s.id: f"s{i}" for i, s in enumerate(journey.steps)}
        self.action_ids = {a.id: f"A{i}" for i, a in enumerate(journey.actions, 1)}
        self.targeted: dict[str, list[str]] = {}
        if options.actions:
            for action in journey.actions:
                for target in action.targets:
                    self.targeted.setdefault(target, []).append(self.action_ids[action.id])
        self.cells: dict[tuple[str, str], list[Step]] = {}
        for step in journey.steps:
            self.cells.setdefault((step.lane, step.phase), []).append(step)

    def w(self, key: str) -> str:
        return words.text(f"export.{key}", self.lang)

    def html(self) -> str:
        phases = self.j.phases
        columns = max(1, len(phases))
        rows: list[str] = []
        cell = f'BGCOLOR="{PAPER}" CELLPADDING="8"'
        rows.append(
            "<TR>"
            + _td(self.title(), cell, COLSPAN=columns + 1, ALIGN="LEFT", BALIGN="LEFT")
            + "</TR>"
        )
        header = [f'<TD {cell} ALIGN="LEFT">{_font(self.w("phases") + " →", 14, bold=True)}</TD>']
        for n, phase in enumerate(phases, 1):
            header.append(
                _td(
                    _font(f"{n}. " + html_text(phase.name, width=28), 16, bold=True),
                    cell,
                    WIDTH=180,
                )
            )
        rows.append("<TR>" + "".join(header) + "</TR>")
        if any(p.goal for p in phases):
            rows.append(
                self.text_row(
                    self.w("goal_per_phase"), [html_text(p.goal or "", width=30) for p in phases]
                )
            )
        if any(p.lead_time for p in phases):
            rows.append(
                self.text_row(
                    self.w("lead_time"),
                    [
                        _entities(duration_text(p.lead_time, self.lang)) if p.lead_time else ""
                        for p in phases
                    ],
                )
            )
        for lane in self.j.lanes:
            if lane.kind is LaneKind.RATING:
                rows.append(self.rating_row(lane))
            else:
                rows.append(self.lane_row(lane))
        rows.append(
            f'<TR><TD {cell} COLSPAN="{columns + 1}" ALIGN="LEFT">{self.legend()}</TD></TR>'
        )
        return (
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="0" BGCOLOR="{TAPE}">\n'
            + "\n".join(rows)
            + "\n</TABLE>"
        )

    def title(self) -> str:
        j = self.j
        parts = [_font(html_text(j.title, width=80, max_lines=2), 24, bold=True)]
        facts = []
        if j.iteration is not None:
            when = f" ({j.iteration.date.isoformat()})" if j.iteration.date else ""
            facts.append(
                f"{self.w('iteration')}: "
                + html_text(j.iteration.label, width=60, max_lines=1)
                + when
            )
        if j.persona is not None:
            facts.append(
                f"{self.w('persona')}: {html_text(j.persona.name, width=40, max_lines=1)} "
                f"({words.text(j.persona.role, self.lang)})"
            )
        if facts:
            parts.append(_font(" · ".join(facts), 13))
        for key, value in (
            ("objective_session", j.objectives.session),
            ("objective_client", j.objectives.client),
            ("objective_employee", j.objectives.employee),
        ):
            if value:
                parts.append(
                    _font(f"<B>{self.w(key)}:</B> " + html_text(value, width=110, max_lines=2), 12)
                )
        return "<BR/>\n".join(parts)

    def text_row(self, head: str, values: Sequence[str]) -> str:
        cells = [
            _td(_font(_entities(head), 12, bold=True), BGCOLOR=PAPER, CELLPADDING=6, ALIGN="LEFT")
        ]
        cells += [f'<TD BGCOLOR="{PAPER}" CELLPADDING="6">{_font(v, 12)}</TD>' for v in values] or [
            f'<TD BGCOLOR="{PAPER}"> </TD>'
        ]
        return "<TR>" + "".join(cells) + "</TR>"

    def lane_head(self, lane: Lane) -> str:
        text = _font(html_text(lane.name, width=22, max_lines=4), 13, bold=True)
        actor = self.actors.get(lane.actor or "")
        if actor is not None:
            text += "<BR/>" + _font(html_text(actor.name, width=22, max_lines=2), 11)
        return _td(text, BGCOLOR=PAPER, CELLPADDING=8, ALIGN="LEFT", BALIGN="LEFT", WIDTH=150)

    def lane_row(self, lane: Lane) -> str:
        cells = [self.lane_head(lane)]
        for phase in self.j.phases or ():
            steps = self.cells.get((lane.id, phase.id), [])
            cells.append(
                f'<TD BGCOLOR="{PAPER}" CELLPADDING="4" VALIGN="TOP">{self.postits(steps)}</TD>'
            )
        if not self.j.phases:
            cells.append(f'<TD BGCOLOR="{PAPER}"> </TD>')
        return "<TR>" + "\n".join(cells) + "</TR>"

    def postits(self, steps: Sequence[Step]) -> str:
        if not steps:
            return " "
        per_row = max(1, min(6, math.ceil(len(steps) / 4)))
        rows = []
        for start in range(0, len(steps), per_row):
            chunk = steps[start : start + per_row]
            rows.append("<TR>" + "\n".join(self.postit(s) for s in chunk) + "</TR>")
        return (
            '<TABLE BORDER="0" CELLSPACING="8" CELLPADDING="0">\n' + "\n".join(rows) + "\n</TABLE>"
        )

    def postit(self, step: Step) -> str:
        colour = UNRATED
        rating = step.rating(self.scale.id) if self.scale is not None else None
        if rating is not None and rating.votes and self.scale is not None:
            colour = postit_colour(self.scale, rating.value)
        lines = [_font(html_text(step.title, width=22, max_lines=5), 12, colour=INK)]
        if step.moment_of_truth:
            lines.insert(
                0,
                _font("★ " + _entities(self.w("moment_of_truth")), 9, colour="#b71c1c", bold=True),
            )
        if self.options.details:
            small = []
            actor = self.actors.get(step.actor or "")
            if actor is not None:
                name = html_text(actor.name, width=24, max_lines=1)
                if _visible(name):
                    small.append(f"<I>{name}</I>")
            for r in step.ratings:
                scale = self.scales.get(r.scale)
                name = html_text(scale.name if scale else r.scale, width=12, max_lines=1)
                small.append(
                    f"{name} {html_text(rating_text(scale, r, self.lang), width=22, max_lines=1)}"
                )
            counts = [f"{symbol} {n}" for symbol, n in self.note_counts(step) if n]
            pains = len(step.pain_points.client) + len(step.pain_points.professional)
            if pains:
                counts.append(f"⚡ {pains}")
            if counts:
                small.append("  ".join(counts))
            if small:
                lines.append(_font("<BR/>".join(small), 9, colour="#4e4036"))
        targets = self.targeted.get(step.id)
        if targets:
            lines.append(_font("→ " + ", ".join(targets), 9, colour="#0d47a1", bold=True))
        border = (
            'BORDER="3" COLOR="#b71c1c"' if step.moment_of_truth else 'BORDER="1" COLOR="#9e8b6e"'
        )
        tip = self.tooltip(step)
        return (
            f'<TD PORT="{self.port[step.id]}" BGCOLOR="{colour}" {border} STYLE="rounded" '
            f'CELLPADDING="7" WIDTH="160" HEIGHT="70" VALIGN="TOP" '
            f'TOOLTIP="{tip}" HREF="#{self.port[step.id]}">' + "<BR/>".join(lines) + "</TD>"
        )

    def note_counts(self, step: Step) -> list[tuple[str, int]]:
        counts = {"?": 0, "!": 0, "+": 0}
        for note in step.notes:
            counts[note.kind.symbol] += 1
        return list(counts.items())

    def tooltip(self, step: Step) -> str:
        parts = [step.title]
        if step.description:
            parts.append(step.description)
        for pain in (*step.pain_points.client, *step.pain_points.professional):
            parts.append("⚡ " + pain)
        for note in step.notes:
            parts.append(f"{note.kind.symbol} {note.text}")
        return _attr("\n".join(parts))

    def rating_row(self, lane: Lane) -> str:
        scale = self.scales.get(lane.scale or "")
        if scale is None:
            return self.lane_row(lane)
        points = list(scale.points)
        if scale.is_better(scale.minimum, scale.maximum):
            points.sort()
        else:
            points.sort(reverse=True)
        height = 20
        name = _font(html_text(lane.name, width=14, max_lines=4), 13, bold=True)
        head = []
        for n, p in enumerate(points):
            text = f"{p}"
            point_label = scale.label(p)
            if point_label:
                text += " " + html_text(point_label, width=24, max_lines=1)
            first = (
                f'<TD ROWSPAN="{len(points)}" ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP">{name}</TD>'
                if n == 0
                else ""
            )
            head.append(
                f'<TR>{first}<TD ALIGN="RIGHT" HEIGHT="{height}">{_font(text, 9)}</TD></TR>'
            )
        cells = [
            f'<TD BGCOLOR="{PAPER}" CELLPADDING="6">'
            f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{"".join(head)}</TABLE></TD>'
        ]
        for phase in self.j.phases:
            rated = [
                (s, r)
                for s in self.j.steps_in(phase=phase.id)
                for r in s.ratings
                if r.scale == scale.id and r.votes
            ]
            cells.append(
                _td(self.curve(scale, points, rated, height), BGCOLOR=PAPER, CELLPADDING=6)
            )
        return "<TR>" + "\n".join(cells) + "</TR>"

    def curve(
        self, scale: Scale, points: list[int], rated: list[tuple[Step, Rating]], height: int
    ) -> str:
        if not rated:
            return " "
        # One column per rated step; a phase with very many is drawn as the means of
        # consecutive groups, so the map stays within what dot can lay out.
        points_shown: list[tuple[str, float, str]] = []
        size = math.ceil(len(rated) / _CURVE_COLUMNS)
        for start in range(0, len(rated), size):
            group = rated[start : start + size]
            value = phase_mean(r.votes for _, r in group)
            assert value is not None  # every rating in *rated* has votes
            first = group[0][0]
            tip = first.title if len(group) == 1 else f"{first.title} … ({len(group)})"
            points_shown.append((tip, value, self.port[first.id]))
        low, high = min(points, default=0), max(points, default=0)
        rows_of = [min(high, max(low, nearest_point(value))) for _, value, _ in points_shown]
        rows = []
        for p in points:
            row = []
            for (tip, value, port), at in zip(points_shown, rows_of, strict=True):
                if at == p:
                    row.append(
                        f'<TD HEIGHT="{height}" WIDTH="18" FIXEDSIZE="TRUE" '
                        f'TOOLTIP="{_attr(tip + ": " + number(value, self.lang))}" HREF="#{port}">'
                        f"{_font('●', 14, colour=_dot_colour(scale, value))}</TD>"
                    )
                else:
                    row.append(
                        _td(_font("·", 9, colour=TAPE), HEIGHT=height, WIDTH=18, FIXEDSIZE="TRUE")
                    )
            rows.append("<TR>" + "".join(row) + "</TR>")
        return '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">' + "\n".join(rows) + "</TABLE>"

    def legend(self) -> str:
        parts = []
        scale = self.scale
        if scale is not None:
            swatches = []
            for p in scale.points:
                name = scale.label(p)
                text = f"{p}" + (" " + html_text(name, width=30, max_lines=1) if name else "")
                swatches.append(_td(_font(text, 10), _SWATCH, BGCOLOR=postit_colour(scale, p)))
            swatches.append(
                _td(_font(_entities(self.w("not_rated")), 10), _SWATCH, BGCOLOR=UNRATED)
            )
            parts.append(
                _td(_font(html_text(scale.name, width=30, max_lines=1) + ":", 11, bold=True))
                + "".join(swatches)
            )
        parts.append(
            _td(
                _font("★ " + _entities(self.w("moment_of_truth")), 10),
                BORDER=3,
                COLOR="#b71c1c",
                CELLPADDING=4,
            )
        )
        parts.append(
            _td(
                _font(
                    f"? ! + : {_entities(self.w('notes'))}   ⚡ {_entities(self.w('pain_points'))}",
                    10,
                ),
                CELLPADDING=4,
            )
        )
        if self.targeted:
            parts.append(
                _td(
                    _font("→ A1: " + _entities(self.w("actions")), 10, colour="#0d47a1"),
                    CELLPADDING=4,
                )
            )
        return (
            '<TABLE BORDER="0" CELLSPACING="6" CELLPADDING="0"><TR>'
            + "\n".join(parts)
            + "</TR></TABLE>"
        )

    def action_label(self, index: str, action_id: str) -> str:
        action = next(a for a in self.j.actions if a.id == action_id)
        colour = "#bbdefb" if action.scope is Scope.OURSELVES else "#e1bee7"
        lines = [_font(f"{index} " + html_text(action.title, width=30, max_lines=4), 12, bold=True)]
        small = [_entities(words.text(action.theme, self.lang))]
        if action.owner:
            small.append(f"{self.w('owner')}: " + html_text(action.owner, width=30, max_lines=1))
        if action.due:
            small.append(f"{self.w('due')}: {action.due.isoformat()}")
        small.append(
            _entities(words.text(action.status, self.lang))
            + (" · " + _entities(self.w("tomorrow")) if action.tomorrow else "")
        )
        lines.append(_font("<BR/>".join(small), 9))
        return (
            '<<TABLE BORDER="0" CELLSPACING="0"><TR>'
            f'<TD BGCOLOR="{colour}" BORDER="1" COLOR="#5c6bc0" '
            f'STYLE="rounded" CELLPADDING="8" WIDTH="200">'
            + "<BR/>".join(lines)
            + "</TD></TR></TABLE>>"
        )


def journey_graph(journey: Journey, options: GraphOptions | None = None) -> object:
    """The :class:`graphviz.Digraph` of the wall for *journey*."""
    import graphviz

    options = options or GraphOptions()
    wall = _Wall(journey, options)
    graph = graphviz.Digraph(
        name="klantreis",
        graph_attr={
            "rankdir": "TB",
            "bgcolor": "#f7f3ec",
            "pad": "0.4",
            "nodesep": "0.35",
            "ranksep": "0.9",
            "fontname": "Helvetica",
        },
        node_attr={"shape": "plaintext", "margin": "0", "fontname": "Helvetica"},
        edge_attr={"color": "#1565c0b0", "penwidth": "1.4", "arrowsize": "0.8", "style": "dashed"},
    )
    graph.node("wall", label="<" + wall.html() + ">")
    if options.actions and journey.actions:
        for scope, name in (
            (Scope.OURSELVES, "cluster_ourselves"),
            (Scope.OTHERS, "cluster_others"),
        ):
            actions = [a for a in journey.actions if a.scope is scope]
            if not actions:
                continue
            with graph.subgraph(name=name) as cluster:
                cluster.attr(
                    label="<" + _font(_entities(words.text(scope, wall.lang)), 14, bold=True) + ">",
                    style="rounded,dashed",
                    color="#7986cb",
                    labeljust="l",
                )
                nodes = []
                for action in actions:
                    node = "a" + wall.action_ids[action.id][1:]
                    cluster.node(
                        node, label=wall.action_label(wall.action_ids[action.id], action.id)
                    )
                    nodes.append(node)
                # Stack long lists in rows, so the actions hang under the paper.
                for above, below in zip(nodes, nodes[_ACTIONS_PER_ROW:], strict=False):
                    cluster.edge(above, below, style="invis")
        for action in journey.actions:
            node = "a" + wall.action_ids[action.id][1:]
            targets = [t for t in action.targets if t in wall.port]
            if not targets:
                graph.edge("wall", node, style="invis")
            for target in targets:
                graph.edge(f"wall:{wall.port[target]}:s", f"{node}:n", dir="back")
    return graph


def curve_graph(journey: Journey, options: GraphOptions | None = None) -> object:
    """The :class:`graphviz.Digraph` of the emotion curve: every rated step in order.

    The x axis runs through the phases in order (the steps of a phase in the order of
    the file), the y axis is the scale with its best end at the top. Positions are
    fixed (``layout=neato`` with pinned nodes), so ``dot`` draws it as a chart.
    """
    import graphviz

    options = options or GraphOptions()
    wall = _Wall(journey, options)  # checks the scale option
    scale = wall.scale
    lang = journey.language
    graph = graphviz.Digraph(
        name="klantreis_curve",
        graph_attr={
            "layout": "neato",
            "inputscale": "72",
            "overlap": "true",
            "splines": "false",
            "bgcolor": "#f7f3ec",
            "pad": "0.4",
            "outputorder": "edgesfirst",
        },
        node_attr={"shape": "plaintext", "fontname": "Helvetica", "margin": "0"},
        edge_attr={"dir": "none", "arrowhead": "none"},
    )
    title = _font(html_text(journey.title, width=80, max_lines=2), 20, bold=True)
    if scale is None:
        graph.node("title", label=f"<{title}>", pos="0,0!")
        return graph
    direction = _entities(words.text(scale.direction, lang))
    subtitle = _font(f"{html_text(scale.name, width=40, max_lines=1)} ({direction})", 12)
    order = {p.id: i for i, p in enumerate(journey.phases)}
    rated = [
        (s, r)
        for s in sorted(
            (s for s in journey.steps if s.phase in order), key=lambda s: order[s.phase]
        )
        for r in s.ratings
        if r.scale == scale.id and r.votes
    ]
    # At most _CURVE_POINTS points: a long journey is drawn as means of groups.
    size = max(1, math.ceil(len(rated) / _CURVE_POINTS))
    points: list[tuple[Step, float, int]] = []
    for phase in journey.phases:
        in_phase = [(s, r) for s, r in rated if s.phase == phase.id]
        for start in range(0, len(in_phase), size):
            group = in_phase[start : start + size]
            mean = phase_mean(r.votes for _, r in group)
            assert mean is not None  # every rating in *rated* has votes
            points.append((group[0][0], mean, len(group)))
    levels = list(scale.points)
    best_high = scale.is_better(scale.maximum, scale.minimum)
    dx, dy, left = 64.0, 44.0, 0.0

    def y_of(value: float) -> float:
        t = (value - scale.minimum) / max(1, scale.maximum - scale.minimum)
        return (t if best_high else 1 - t) * dy * (len(levels) - 1)

    # Each phase is a band at least two places wide; its points sit in its middle.
    xs: list[float] = []
    bands: list[tuple[float, float]] = []
    x = left
    for phase in journey.phases:
        count = sum(1 for s, _, _ in points if s.phase == phase.id)
        slots = max(2, count)
        xs += [x + dx * (k + 0.5 + (slots - count) / 2) for k in range(count)]
        bands.append((x, x + dx * slots))
        x += dx * slots
    right = x
    top = y_of(scale.maximum if best_high else scale.minimum)
    graph.node(
        "title", label=f"<{title}<BR/>{subtitle}>", pos=f"{(left + right) / 2:.0f},{top + 70:.0f}!"
    )
    for n, level in enumerate(levels):
        y = y_of(level)
        text = f"{level}" + (
            f" {html_text(scale.label(level) or '', width=28, max_lines=1)}"
            if scale.label(level)
            else ""
        )
        graph.node(f"y{n}", label=f"<{_font(text, 10)}>", pos=f"{left - 70:.0f},{y:.0f}!")
        graph.node(f"g{n}a", label="", shape="point", width="0", pos=f"{left:.0f},{y:.0f}!")
        graph.node(f"g{n}b", label="", shape="point", width="0", pos=f"{right:.0f},{y:.0f}!")
        graph.edge(
            f"g{n}a", f"g{n}b", color=_blend(goodness(scale, level), _POSTIT_STOPS), penwidth="6"
        )
    bottom = -40.0
    for p_index, (phase, (start_x, end_x)) in enumerate(zip(journey.phases, bands, strict=True)):
        name = _font(
            f"{p_index + 1}. " + html_text(phase.name, width=16, max_lines=3), 11, bold=True
        )
        middle = (start_x + end_x) / 2
        graph.node(f"ph{p_index}", label=f"<{name}>", pos=f"{middle:.0f},{bottom:.0f}!")
        if p_index:
            for end, y in (("a", bottom + 20), ("b", top + 20)):
                graph.node(
                    f"v{p_index}{end}",
                    label="",
                    shape="point",
                    width="0",
                    pos=f"{start_x:.0f},{y:.0f}!",
                )
            graph.edge(f"v{p_index}a", f"v{p_index}b", color=TAPE, style="dashed")
    for i, (step, value, count) in enumerate(points):
        px, py = xs[i], y_of(value)
        tip = step.title if count == 1 else f"{step.title} … ({count})"
        graph.node(
            f"p{i}",
            label="",
            shape="circle",
            style="filled",
            width="0.22",
            fixedsize="true",
            fillcolor=_dot_colour(scale, value),
            color="#b71c1c" if step.moment_of_truth else "#3e2723",
            penwidth="3" if step.moment_of_truth else "1",
            pos=f"{px:.0f},{py:.0f}!",
            tooltip=_escstring(f"{tip}: {number(value, lang)}"),
        )
        if step.moment_of_truth:
            graph.node(
                f"m{i}",
                label=f"<{_font('★', 14, colour='#b71c1c')}>",
                pos=f"{px:.0f},{py + 18:.0f}!",
            )
        if i:
            graph.edge(f"p{i - 1}", f"p{i}", color="#4e342e", penwidth="2.5")
    return graph


def _escstring(text: str) -> str:
    """*text* for a quoted escString attribute (a tooltip): one line, cut at 300.

    How many backslashes make one differs between Graphviz versions (``\\N`` still
    becomes the node's name in 2.43), so a backslash becomes the look-alike ``⧵``.
    """
    clean = " ".join(strip_controls(text).split())[:300]
    return clean.replace("\\", "\u29f5")


def render_dot(journey: Journey, options: GraphOptions) -> str:
    """The DOT source of the map (or, with ``view=curve``, the curve) of *journey*."""
    build = curve_graph if options.view == "curve" else journey_graph
    source: str = build(journey, options).source  # type: ignore[attr-defined]
    return source


_INSTALL = (
    "Graphviz's `dot` program is not installed (or not on PATH); install Graphviz "
    "(`apt-get install graphviz`, `brew install graphviz`, `choco install graphviz`, "
    "or see https://graphviz.org/download/). The 'dot' format works without it."
)
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")


def run_dot(source: str, fmt: str, *, timeout: float = 120.0, dpi: int | None = None) -> bytes:
    """Render DOT *source* to *fmt* (``svg``, ``png``, ``pdf``) with the ``dot`` program."""
    program = shutil.which("dot")
    if program is None:
        raise ExportError(f"cannot make {fmt.upper()}: {_INSTALL}")
    command = [program, f"-T{fmt}"]
    if dpi is not None:
        command.append(f"-Gdpi={dpi}")
    try:
        returncode, stdout, stderr = _run_in_group(command, source.encode("utf-8"), timeout)
    except subprocess.TimeoutExpired:
        raise ExportError(
            f"dot took longer than {timeout:g} s to draw the map; "
            "allow more with --option timeout=SECONDS"
        ) from None
    except OSError as exc:
        raise ExportError(f"cannot run dot: {exc.strerror or exc}. {_INSTALL}") from None
    if returncode != 0 or not stdout:
        message = stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(
            f"dot failed to draw the map (exit status {returncode}): "
            + ("; ".join(message[:3]) or "no message")
        )
    output = stdout
    if fmt == "pdf":
        # cairo stamps the time of drawing; the same journey must give the same bytes.
        output = _PDF_DATE.sub(lambda m: _fixed_date(m.group(0)), output)
    return output


def _run_in_group(command: list[str], data: bytes, timeout: float) -> tuple[int, bytes, bytes]:
    """Run *command* with *data* on its input, in a process group of its own.

    ``dot`` may be a wrapper script (Homebrew, conda, a site's shim) whose child does
    the drawing; on a timeout the whole group is killed, not only the shell, so
    nothing keeps running (and holding the CPU) after klantreis has given up.
    """
    group = os.name == "posix"
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=group,
    ) as process:
        try:
            stdout, stderr = process.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            if group:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
            process.kill()
            process.communicate()
            raise
    return process.returncode, stdout, stderr


def _fixed_date(stamp: bytes) -> bytes:
    """The same stamp with its date set to 2000-01-01, the length kept (xref offsets)."""
    head, _, tail = stamp.partition(b"(D:")
    return head + b"(D:20000101000000" + tail[14:]


def _rendered(fmt: str) -> Callable[[Journey, GraphOptions], bytes]:
    def render(journey: Journey, options: GraphOptions) -> bytes:
        source = render_dot(journey, options)
        return run_dot(
            source, fmt, timeout=options.timeout, dpi=options.dpi if fmt == "png" else None
        )

    render.__name__ = f"render_{fmt}"
    render.__doc__ = f"The map of a journey as {fmt.upper()}, drawn by dot."
    return render


EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        name="dot",
        description="the journey map as Graphviz DOT source (no Graphviz needed)",
        suffix=".gv",
        media_type="text/vnd.graphviz",
        render=render_dot,
        options=GraphOptions,
    ),
    Exporter(
        name="svg",
        description="the journey map as it hangs on the wall, as SVG (needs Graphviz)",
        suffix=".svg",
        media_type="image/svg+xml",
        render=_rendered("svg"),
        binary=True,
        options=GraphOptions,
    ),
    Exporter(
        name="png",
        description="the journey map as a PNG picture (needs Graphviz)",
        suffix=".png",
        media_type="image/png",
        render=_rendered("png"),
        binary=True,
        options=GraphOptions,
    ),
    Exporter(
        name="pdf",
        description="the journey map as PDF, to print (needs Graphviz)",
        suffix=".pdf",
        media_type="application/pdf",
        render=_rendered("pdf"),
        binary=True,
        options=GraphOptions,
    ),
)


@hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the Graphviz exporters."""
    for exporter in EXPORTERS:
        register(exporter)
