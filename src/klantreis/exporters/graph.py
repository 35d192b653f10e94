"""Graphviz exporters: the journey map as it hangs on the wall, in DOT, SVG, PNG and PDF.

The map is one brown paper, a landscape roll: the phases run left to right as
columns, the lanes are the rows, every step is a numbered post-it coloured by its
rating on the emotion scale (red for the bad end, green for the good end, following
the scale's direction), moments of truth have a thick red border and a star, and
each rating lane holds the curve of that scale, a point under each column of
post-its. Improvement actions hang below the paper in number order; a post-it names
its actions (``→ A2``) and an action its steps by number, so no line crosses the wall.

klantreis lays the wall out itself, as a grid (phase column × lane row × order in the
file), and pins every node (``neato -n2`` only draws): a 10,000-step wall takes
seconds. Node ids are synthetic (``s12``, ``a3``); text from the journey only goes
into HTML-like labels, escaped (entities for ``& < > "``, backslashes doubled so that
``\\N`` and friends stay literal, control characters dropped) and wrapped by
klantreis, so the size of every label is known; a text too long for its place says
how much is left out. Every line of the source stays far below ``dot``'s
16,384-byte limit. SVG, PNG and PDF are rendered by Graphviz with a timeout that
kills its whole process group; without Graphviz, ``dot`` output still works and the
rendered formats fail with a message that says how to install it.
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
from collections.abc import Callable, Sequence
from typing import Any, Literal

from attrs import frozen

from klantreis import words
from klantreis.aggregate import over_norm, phase_mean
from klantreis.errors import ExportError
from klantreis.exporters.base import Exporter, option
from klantreis.exporters.common import (
    duration_text,
    emotion_scale,
    goodness,
    number,
    rating_text,
    strip_controls,
)
from klantreis.hookspecs import hookimpl
from klantreis.model import (
    ImprovementAction,
    Indicator,
    Journey,
    Lane,
    LaneKind,
    Language,
    Rating,
    Scale,
    Scope,
    Sentiment,
    Step,
)

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
    lines = _lines(strip_controls(text).replace("\t", " "), width, max_lines)
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


_CURVE_POINTS = 200


def _tags(step: Step) -> list[str]:
    """The tags of *step*'s pain points and post-its, each once, in order."""
    found = [*step.pain_points.tags, *(t for note in step.notes for t in note.tags)]
    return list(dict.fromkeys(found))


def _visible(text: str) -> bool:
    """Whether HTML-like *text* shows anything but tags and spaces."""
    return bool(re.sub(r"<[^>]*>", "", text).strip())


def _font(text: str, size: int, *, colour: str | None = None, bold: bool = False) -> str:
    if not _visible(text):
        return " "  # dot refuses an empty <FONT>, <B> or <I>
    inner = f"<B>{text}</B>" if bold else text
    tint = f' COLOR="{colour}"' if colour else ""
    return f'<FONT POINT-SIZE="{size}"{tint}>{inner}</FONT>'


# --- measuring -----------------------------------------------------------------------
#
# The wall is a grid that klantreis lays out itself: a column per phase, a row per
# lane, post-its in the order of the file. Every node gets a pinned position and
# ``neato -n2`` only draws, so a 10,000-step wall takes seconds, not a layout search.
# Sizes are estimated from the wrapped lines; post-its and texts are wrapped by
# klantreis, never by Graphviz, so the estimate knows every line.

_CHAR = 0.6  # average width of a character, in ems (DejaVu Sans / Helvetica)


def _line(size: float) -> float:
    """The height of one line of text at *size* points, as Graphviz sets it."""
    return size * 1.1 + 0.5  # measured: 10 pt at 9 pt, 13 at 12, 18 at 16, 26 at 24


def _chars(width: float, size: float) -> int:
    """How many characters of *size* points fit in *width* points."""
    return max(8, int(width / (size * _CHAR)))


def _wrap(paragraph: str, width: int) -> list[str]:
    """*paragraph* in lines of at most *width* characters, broken at spaces.

    A word longer than a line is cut into pieces. Like ``textwrap.wrap``, but
    several times faster on the short texts of post-its (a 10,000-step wall has
    40,000 of them), and an empty paragraph stays one empty line.
    """
    if len(paragraph) <= width:
        return [paragraph.strip()]
    lines: list[str] = []
    line = ""
    for piece in paragraph.split():
        while len(piece) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if not line:
            line = piece
        elif len(line) + 1 + len(piece) <= width:
            line += " " + piece
        else:
            lines.append(line)
            line = piece
    if line or not lines:
        lines.append(line)
    return lines


def _lines(clean: str, width: int, max_lines: int) -> list[str]:
    """*clean* text wrapped at *width*: its lines, and one more when there are more."""
    lines: list[str] = []
    for paragraph in _BREAKS.split(clean):
        lines.extend(_wrap(paragraph, width))
        if len(lines) > max_lines:
            break
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    return lines


class _Text:
    """Text wrapped to lines for an HTML-like label; too long a text says where the rest is."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def lines(self, text: str, width: int, max_lines: int = 8) -> list[str]:
        """*text* wrapped at *width*, escaped; at most *max_lines* lines.

        A longer text keeps its first lines and ends with a line that says how many
        characters are left out and where they are (the Markdown export has them
        all), never with a silent "…".
        """
        clean = strip_controls(text).replace("\t", " ")
        lines = _lines(clean, width, max_lines)
        if len(lines) <= max_lines:
            return [_entities(line) for line in lines]
        kept = lines[: max(1, max_lines - 1)]
        hidden = max(1, len(clean.strip()) - sum(len(line) for line in kept))
        notice = words.text("export.more_text", self.lang, n=hidden)
        return [_entities(line) for line in kept] + [
            f'<FONT POINT-SIZE="8">{_entities(notice)}</FONT>'
        ]


@frozen
class _Label:
    """An HTML-like label and its estimated size in points."""

    html: str
    width: float
    height: float


def _block(parts: Sequence[tuple[list[str], int]]) -> tuple[str, float]:
    """Lines of text in several sizes: the HTML (``<BR/>`` between lines) and its height."""
    html: list[str] = []
    height = 0.0
    largest = max((size for lines, size in parts if lines), default=0)
    for lines, size in parts:
        if not lines:
            continue
        html.append("<BR/>".join(lines))
        # measured: a smaller font under a larger one takes less room than on its own
        height += len(lines) * (_line(size) if size == largest else size * 0.95)
    return "<BR/>".join(html), height


# --- the wall ------------------------------------------------------------------------

_HEAD_W = 200.0  # the column of lane names and of the levels of the rating lanes
_POSTIT_W = 160.0
_SLOT_GAP = 12.0  # between two post-its side by side
_ROW_GAP = 10.0  # between two rows of post-its in a cell
_PAD = 10.0  # inside a cell of the paper
_TAPE = 3.0  # the tape between cells
_MARGIN = 10.0  # the tape around the paper
_LEVEL = 24.0  # between two points of a scale in a rating lane
_ACTION_W = 236.0
_ACTION_GAP = 14.0
_ROLL = 1.4  # the wall is at least this much wider than high: a long roll


@frozen
class _Spot:
    """Where a post-it sits: its phase, the column in that phase, its top edge in the cell."""

    phase: int
    column: int
    top: float


@frozen
class _Plan:
    """The wall laid out: x of every phase column, y of every row, every post-it's spot."""

    columns: tuple[tuple[float, float], ...]  # (left, width) per phase
    slots: tuple[int, ...]  # post-it columns per phase
    rows: tuple[tuple[str, float, float], ...]  # (kind or lane id, top, height)
    spots: dict[str, _Spot]
    title: _Label
    phase_heads: tuple[_Label, ...]
    legend: tuple[tuple[float, float, _Label], ...]  # (x, y, label) in the legend row
    actions: tuple[tuple[str, float, float, float, float], ...]  # (kind/id, x, y, w, h)
    width: float
    height: float

    def slot_x(self, phase: int, column: int) -> float:
        """The x of the middle of post-it column *column* of phase *phase*."""
        left, width = self.columns[phase]
        slot = (width - 2 * _PAD + _SLOT_GAP) / self.slots[phase]
        return left + _PAD + slot * (column + 0.5) - _SLOT_GAP / 2


class _Wall:
    def __init__(self, journey: Journey, options: GraphOptions) -> None:
        self.j = journey
        self.lang: Language = journey.language
        self.text = _Text(self.lang)
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
        self.numbers = step_numbers(journey)
        self.action_ids = {a.id: f"A{i}" for i, a in enumerate(journey.actions, 1)}
        self.targeted: dict[str, list[str]] = {}
        if options.actions:
            for action in journey.actions:
                for target in action.targets:
                    self.targeted.setdefault(target, []).append(self.action_ids[action.id])
        self.phase_index = {p.id: i for i, p in enumerate(journey.phases)}
        self.curve_lanes = {
            lane.id: self.scales[lane.scale]
            for lane in journey.lanes
            if lane.kind is LaneKind.RATING and lane.scale in self.scales
        }
        self.cells: dict[tuple[str, int], list[Step]] = {}
        placed = {lane.id for lane in journey.lanes if lane.id not in self.curve_lanes}
        for step in journey.steps:
            phase = self.phase_index.get(step.phase)
            if phase is not None and step.lane in placed:
                self.cells.setdefault((step.lane, phase), []).append(step)
        self.steps = {step.id: step for step in journey.steps}
        self.postit_labels = {
            step.id: self.postit(step) for steps in self.cells.values() for step in steps
        }
        self.action_labels = (
            {a.id: self.action_label(a) for a in journey.actions} if options.actions else {}
        )

    def w(self, key: str) -> str:
        return words.text(f"export.{key}", self.lang)

    # --- the pieces, each with its size ---

    def title(self, width: float) -> _Label:
        j = self.j
        chars = _chars(width - 2 * _PAD, 12)
        parts: list[tuple[list[str], int]] = []
        title = self.text.lines(j.title, _chars(width - 2 * _PAD, 24), 3)
        parts.append(([_font(line, 24, bold=True) for line in title], 24))
        facts = []
        if j.iteration is not None:
            when = f" ({j.iteration.date.isoformat()})" if j.iteration.date else ""
            facts.append(f"{self.w('iteration')}: {j.iteration.label}{when}")
        if j.persona is not None:
            facts.append(
                f"{self.w('persona')}: {j.persona.name} ({words.text(j.persona.role, self.lang)})"
            )
        if facts:
            lines = self.text.lines(" · ".join(facts), _chars(width - 2 * _PAD, 13), 3)
            parts.append(([_font(line, 13) for line in lines], 13))
        for key, value in (
            ("objective_session", j.objectives.session),
            ("objective_client", j.objectives.client),
            ("objective_employee", j.objectives.employee),
        ):
            if value:
                lines = self.text.lines(f"{self.w(key)}: {value}", chars, 4)
                parts.append(([_font(line, 12) for line in lines], 12))
        html, height = _block(parts)
        return _Label(html, width, height)

    def phase_head(self, n: int, width: float) -> _Label:
        phase = self.j.phases[n]
        inner = width - 2 * _PAD
        parts: list[tuple[list[str], int]] = []
        name = self.text.lines(f"{n + 1}. {phase.name}", _chars(inner, 16 * 1.1), 4)
        parts.append(([_font(line, 16, bold=True) for line in name], 16))
        if phase.goal:
            goal = self.text.lines(phase.goal, _chars(inner, 12), 6)
            parts.append(([_font(line, 12) for line in goal], 12))
        if phase.lead_time:
            time = f"{self.w('lead_time')}: {duration_text(phase.lead_time, self.lang)}"
            parts.append(([_font(line, 11) for line in self.text.lines(time, 40, 2)], 11))
        if phase.norm_lead_time:
            norm = f"{self.w('norm')}: {duration_text(phase.norm_lead_time, self.lang)}"
            over = phase.lead_time is not None and over_norm(phase.lead_time, phase.norm_lead_time)
            if over:
                norm += f" ⚠ {self.w('over_norm')}"
            lines = self.text.lines(norm, 40, 2)
            parts.append(([_font(line, 11, bold=over) for line in lines], 11))
        if phase.indicators:
            lines = self.indicator_lines(phase.indicators, 40)
            parts.append(([_font(line, 11) for line in lines], 11))
        html, height = _block(parts)
        return _Label(html, width, height)

    def indicator_lines(self, indicators: Sequence[Indicator], width: int) -> list[str]:
        """One ``wachttijd: 42 dagen`` per indicator, wrapped at *width*, escaped."""
        lines: list[str] = []
        for indicator in indicators:
            text = f"{indicator.name}: {number(indicator.value, self.lang)}"
            if indicator.unit:
                text += f" {indicator.unit}"
            lines += self.text.lines(text, width, 3)
        return lines

    def lane_head(self, lane: Lane) -> _Label:
        inner = _HEAD_W - 2 * _PAD
        parts = [
            (
                [
                    _font(line, 13, bold=True)
                    for line in self.text.lines(lane.name, _chars(inner, 13 * 1.1), 4)
                ],
                13,
            )
        ]
        actor = self.actors.get(lane.actor or "")
        if actor is not None:
            lines = self.text.lines(actor.name, _chars(inner, 11), 2)
            parts.append(([_font(line, 11) for line in lines], 11))
        html, height = _block(parts)
        return _Label(html, _HEAD_W, height)

    def postit(self, step: Step) -> _Label:
        inner = _POSTIT_W - 14
        small = _chars(inner, 9)
        colour = UNRATED
        rating = step.rating(self.scale.id) if self.scale is not None else None
        if rating is not None and rating.votes and self.scale is not None:
            colour = postit_colour(self.scale, rating.value)
        head = _font(str(self.numbers[step.id]), 9, colour="#4e4036", bold=True)
        if step.moment_of_truth:  # the legend says what the star and the red border mean
            head += "  " + _font("★", 11, colour="#b71c1c", bold=True)
            if step.sentiment is not None:  # a positive or a negative moment of truth
                good = step.sentiment is Sentiment.POSITIVE
                feeling = ("+ " if good else "− ") + words.text(step.sentiment, self.lang)
                tint = "#1b5e20" if good else "#b71c1c"
                head += " " + _font(_entities(feeling), 9, colour=tint, bold=True)
        parts: list[tuple[list[str], int]] = [([head], 11)]
        title = self.text.lines(step.title, _chars(inner, 12), 8)
        parts.append(([_font(line, 12, colour=INK) for line in title], 12))
        if step.keep:
            keep = _entities("✔ " + self.w("keep"))
            parts.append(([_font(keep, 9, colour="#1b5e20", bold=True)], 9))
        if step.result:
            lines = self.text.lines(f"{self.w('result')}: {step.result}", small, 4)
            parts.append(([_font(line, 9, colour=INK) for line in lines], 9))
        if step.indicators:
            lines = self.indicator_lines(step.indicators, small)
            parts.append(([_font(line, 9, colour="#0d47a1") for line in lines], 9))
        if self.options.details:
            details: list[str] = []
            actor = self.actors.get(step.actor or "")
            if actor is not None:
                details += [
                    f"<I>{line}</I>" if _visible(line) else line
                    for line in self.text.lines(actor.name, small, 2)
                ]
            for r in step.ratings:
                scale = self.scales.get(r.scale)
                name = scale.name if scale else r.scale
                details += self.text.lines(f"{name} {rating_text(scale, r, self.lang)}", small, 4)
            counts = [f"{symbol} {n}" for symbol, n in self.note_counts(step) if n]
            pains = len(step.pain_points.client) + len(step.pain_points.professional)
            if pains:
                counts.append(f"⚡ {pains}")
            if counts:
                details.append("  ".join(counts))
            if step.pain_points.organisation:  # beside the client's and the professional's
                count = len(step.pain_points.organisation)
                details += self.text.lines(f"⚡ {self.w('pain_organisation')} {count}", small, 2)
            tags = _tags(step)
            if tags:
                details += self.text.lines(" ".join(f"#{t}" for t in tags), small, 2)
            parts.append(([_font(line, 9, colour="#4e4036") for line in details], 9))
        targets = self.targeted.get(step.id)
        if targets:
            lines = self.text.lines("→ " + ", ".join(targets), small, 20)
            parts.append(([_font(line, 9, colour="#0d47a1", bold=True) for line in lines], 9))
        html, height = _block(parts)
        border = 3 if step.moment_of_truth else 1
        line = "#b71c1c" if step.moment_of_truth else "#9e8b6e"
        tip = self.tooltip(step)
        number = self.numbers[step.id]
        return _Label(
            '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD BGCOLOR="{colour}" BORDER="{border}" COLOR="{line}" STYLE="rounded" '
            f'CELLPADDING="6" WIDTH="{_POSTIT_W:.0f}" TOOLTIP="{tip}" HREF="#s{number}">'
            f"{html}</TD></TR></TABLE>",
            _POSTIT_W,
            height + 12 + 2 * border + 2,
        )

    def note_counts(self, step: Step) -> list[tuple[str, int]]:
        counts = {"?": 0, "!": 0, "+": 0}
        for note in step.notes:
            counts[note.kind.symbol] += 1
        return list(counts.items())

    def tooltip(self, step: Step) -> str:
        parts = [f"{self.numbers[step.id]}. {step.title}"]
        if step.description:
            parts.append(step.description)
        for pain in (*step.pain_points.client, *step.pain_points.professional):
            parts.append("⚡ " + pain)
        for pain in step.pain_points.organisation:
            parts.append(f"⚡ {self.w('pain_organisation')}: {pain}")
        if step.pain_points.tags:
            parts.append("⚡ " + " ".join(f"#{t}" for t in step.pain_points.tags))
        for note in step.notes:
            parts.append(f"{note.kind.symbol} {note.text}" + "".join(f" #{t}" for t in note.tags))
        return _attr("\n".join(parts))

    def action_label(self, action: ImprovementAction) -> _Label:
        inner = _ACTION_W - 16
        small = _chars(inner, 9)
        colour = "#bbdefb" if action.scope is Scope.OURSELVES else "#e1bee7"
        index = self.action_ids[action.id]
        title = self.text.lines(f"{index} {action.title}", _chars(inner, 12 * 1.1), 6)
        parts: list[tuple[list[str], int]] = [([_font(line, 12, bold=True) for line in title], 12)]
        details = self.text.lines(words.text(action.theme, self.lang), small, 3)
        if action.owner:
            details += self.text.lines(f"{self.w('owner')}: {action.owner}", small, 3)
        if action.due:
            details.append(f"{self.w('due')}: {action.due.isoformat()}")
        details.append(
            _entities(words.text(action.status, self.lang))
            + (" · " + _entities(self.w("tomorrow")) if action.tomorrow else "")
        )
        steps = sorted({self.numbers[t] for t in action.targets if t in self.numbers})
        if steps:
            details += self.text.lines(
                f"→ {self.w('targets')} " + ", ".join(map(str, steps)), small, 20
            )
        parts.append(([_font(line, 9) for line in details], 9))
        html, height = _block(parts)
        return _Label(
            '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD BGCOLOR="{colour}" BORDER="1" COLOR="#5c6bc0" STYLE="rounded" '
            f'CELLPADDING="8" WIDTH="{_ACTION_W:.0f}">{html}</TD></TR></TABLE>',
            _ACTION_W,
            height + 18,
        )

    def legend_items(self) -> list[_Label]:
        items: list[_Label] = []

        def item(text: str, chars: int, cell: str = "") -> None:
            width = chars * 10 * _CHAR + 18
            items.append(
                _Label(
                    f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                    f'<TD {cell} CELLPADDING="4" WIDTH="{width:.0f}">{_font(text, 10)}</TD>'
                    "</TR></TABLE>",
                    width,
                    _line(10) + 10,
                )
            )

        scale = self.scale
        if scale is not None:
            name = self.text.lines(scale.name, 30, 2)
            item("<B>" + "<BR/>".join(name) + ":</B>", min(30, len(scale.name)) + 1)
            for p in scale.points:
                text = f"{p} {scale.label(p) or ''}".strip()
                lines = self.text.lines(text, 30, 2)
                item(
                    "<BR/>".join(lines),
                    min(30, len(text)),
                    f'BORDER="1" COLOR="#9e8b6e" BGCOLOR="{postit_colour(scale, p)}"',
                )
            text = self.w("not_rated")
            item(_entities(text), len(text), f'BORDER="1" COLOR="#9e8b6e" BGCOLOR="{UNRATED}"')
        text = "★ " + self.w("moment_of_truth")
        item(_entities(text), len(text), 'BORDER="3" COLOR="#b71c1c"')
        text = f"12 = {self.w('step_number')}"
        item(_entities(text), len(text))
        text = f"? ! + : {self.w('notes')}   ⚡ {self.w('pain_points')}"
        item(_entities(text), len(text))
        if any(step.keep for step in self.steps.values()):
            text = "✔ " + self.w("keep")
            item(_font(_entities(text), 10, colour="#1b5e20"), len(text))
        if self.targeted:
            text = f"→ A1: {self.w('actions')}"
            item(_font(_entities(text), 10, colour="#0d47a1"), len(text))
        return items

    # --- the layout ---

    def plan(self) -> _Plan:
        """The layout whose width is at least :data:`_ROLL` times its height.

        Each phase gets as many post-it columns as it needs, up to a cap shared by all
        phases: a cap that is too low makes a tall wall, one that is too high a very
        long one. The smallest cap that gives a landscape roll wins; when even one row
        of post-its per lane is not wide enough, the phases get wider.
        """
        phases = len(self.j.phases)
        most = [
            max((len(steps) for (_, p), steps in self.cells.items() if p == n), default=1)
            for n in range(phases)
        ]
        low, high = 1, max(most, default=1)
        while low < high:  # wider with every step of the cap, never higher
            cap = (low + high) // 2
            plan = self.layout(cap, 0.0)
            if plan.width >= _ROLL * plan.height:
                high = cap
            else:
                low = cap + 1
        plan = self.layout(low, 0.0)
        if plan.width < _ROLL * plan.height:  # a wider wall is never higher
            extra = (_ROLL * plan.height - plan.width) / max(1, phases)
            plan = self.layout(low, extra + 1.0)
        return plan

    def layout(self, cap: int, extra: float) -> _Plan:
        phases = self.j.phases
        counts = [
            max((len(s) for (_, p), s in self.cells.items() if p == n), default=1)
            for n in range(len(phases))
        ]
        slots = tuple(max(1, min(cap, count)) for count in counts)
        columns: list[tuple[float, float]] = []
        x = _MARGIN + _HEAD_W + _TAPE
        for n in range(len(phases)):
            width = slots[n] * (_POSTIT_W + _SLOT_GAP) - _SLOT_GAP + 2 * _PAD + extra
            columns.append((x, width))
            x += width + _TAPE
        if not phases:
            columns.append((x, 200.0 + extra))
            x += 200.0 + extra + _TAPE
        right = x - _TAPE
        wall_width = right + _MARGIN
        inner = right - _MARGIN

        rows: list[tuple[str, float, float]] = []
        y = _MARGIN
        title = self.title(inner)
        rows.append(("title", y, title.height + 2 * _PAD))
        y += rows[-1][2] + _TAPE
        heads = tuple(self.phase_head(n, columns[n][1]) for n in range(len(phases)))
        head_height = max((h.height for h in heads), default=_line(16))
        rows.append(("phases", y, head_height + 2 * _PAD))
        y += rows[-1][2] + _TAPE

        spots: dict[str, _Spot] = {}
        for lane in self.j.lanes:
            scale = self.curve_lanes.get(lane.id)
            head = self.lane_head(lane).height
            if scale is not None:
                levels = scale.maximum - scale.minimum
                height = head + 12 + levels * _LEVEL + 12
            else:
                height = head
                for n in range(len(phases)):
                    steps = self.cells.get((lane.id, n), [])
                    top = 0.0
                    for start in range(0, len(steps), slots[n]):
                        row = steps[start : start + slots[n]]
                        for k, step in enumerate(row):
                            spots[step.id] = _Spot(n, k, y + _PAD + top)
                        top += max(self.postit_labels[s.id].height for s in row) + _ROW_GAP
                    height = max(height, top - _ROW_GAP)
            rows.append((lane.id, y, height + 2 * _PAD))
            y += rows[-1][2] + _TAPE

        legend: list[tuple[float, float, _Label]] = []
        lx, ly, line_height = _MARGIN + _PAD, 0.0, 0.0
        for item in self.legend_items():
            if lx + item.width > right - _PAD and legend:
                lx, ly = _MARGIN + _PAD, ly + line_height + 6
                line_height = 0.0
            legend.append((lx, ly, item))
            lx += item.width + 8
            line_height = max(line_height, item.height)
        legend = [(lx, y + _PAD + ly, item) for lx, ly, item in legend]
        rows.append(("legend", y, ly + line_height + 2 * _PAD))
        y += rows[-1][2] + _MARGIN

        actions: list[tuple[str, float, float, float, float]] = []
        for scope in (Scope.OURSELVES, Scope.OTHERS):
            chosen = [a for a in self.j.actions if a.scope is scope and a.id in self.action_labels]
            if not chosen:
                continue
            y += 16
            group_top = y
            y += _line(14) + 8
            ax, row_height = _MARGIN + 12, 0.0
            for action in chosen:  # in the order of their numbers
                size = self.action_labels[action.id]
                if ax + size.width > wall_width - _MARGIN - 12 and row_height:
                    ax, y = _MARGIN + 12, y + row_height + _ACTION_GAP
                    row_height = 0.0
                actions.append((action.id, ax, y, size.width, size.height))
                ax += size.width + _ACTION_GAP
                row_height = max(row_height, size.height)
            y += row_height + 12
            actions.append(
                (
                    f"group:{scope.value}",
                    _MARGIN,
                    group_top,
                    wall_width - 2 * _MARGIN,
                    y - group_top,
                )
            )
        return _Plan(
            columns=tuple(columns),
            slots=slots if phases else (1,),
            rows=tuple(rows),
            spots=spots,
            title=title,
            phase_heads=heads,
            legend=tuple(legend),
            actions=tuple(actions),
            width=wall_width,
            height=y + _MARGIN,
        )

    # --- the drawing ---

    def draw(self, graph: Any) -> _Plan:
        """Add the wall's nodes and edges to *graph*; the layout they follow."""
        plan = self.plan()
        height = plan.height

        def pos(x: float, y: float) -> str:
            return f"{x:.1f},{height - y:.1f}!"

        def box(name: str, x: float, y: float, w: float, h: float, **attrs: str) -> None:
            graph.node(
                name,
                label="",
                shape="box",
                fixedsize="true",
                width=f"{w / 72:.3f}",
                height=f"{h / 72:.3f}",
                pos=pos(x + w / 2, y + h / 2),
                **attrs,
            )

        def text(
            name: str, x: float, y: float, w: float, h: float, html: str, **cell: object
        ) -> None:
            """*html* in a box of *w* × *h* whose top left corner is (x, y)."""
            where = " ".join(f'{k}="{v}"' for k, v in cell.items())
            graph.node(
                name,
                label=(
                    '<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                    f'<TD FIXEDSIZE="TRUE" WIDTH="{w:.0f}" HEIGHT="{h:.0f}" {where}>'
                    f"{html}</TD></TR></TABLE>>"
                ),
                pos=pos(x + w / 2, y + h / 2),
            )

        left = _MARGIN
        last_row = plan.rows[-1]
        bottom = last_row[1] + last_row[2] + _MARGIN
        box("tape", 0, 0, plan.width, bottom, style="filled", fillcolor=TAPE, color=TAPE)
        paper = {"style": "filled", "fillcolor": PAPER, "color": PAPER}
        span = plan.width - 2 * _MARGIN
        lanes = {lane.id: lane for lane in self.j.lanes}
        for r, (_, top, h) in enumerate(plan.rows):
            if r in (0, len(plan.rows) - 1):  # the title and the legend span the paper
                box(f"row{r}", left, top, span, h, **paper)
                continue
            box(f"row{r}h", left, top, _HEAD_W, h, **paper)
            for n, (x, w) in enumerate(plan.columns):
                box(f"row{r}c{n}", x, top, w, h, **paper)
        title_row = plan.rows[0]
        text(
            "title",
            left + _PAD,
            title_row[1] + _PAD,
            span - 2 * _PAD,
            plan.title.height,
            plan.title.html,
            ALIGN="LEFT",
            BALIGN="LEFT",
            VALIGN="TOP",
        )
        head_row = plan.rows[1]
        text(
            "phases",
            left + _PAD,
            head_row[1] + _PAD,
            _HEAD_W - 2 * _PAD,
            head_row[2] - 2 * _PAD,
            _font(_entities(self.w("phases")) + " →", 14, bold=True),
            ALIGN="LEFT",
            VALIGN="TOP",
        )
        for n, head in enumerate(plan.phase_heads):
            x, w = plan.columns[n]
            text(
                f"phase{n}",
                x + _PAD,
                head_row[1] + _PAD,
                w - 2 * _PAD,
                head_row[2] - 2 * _PAD,
                head.html,
                VALIGN="TOP",
            )
        for r, (kind, top, _) in enumerate(plan.rows[2:-1], 2):
            lane = lanes[kind]
            head = self.lane_head(lane)
            text(
                f"lane{r}",
                left + _PAD,
                top + _PAD,
                _HEAD_W - 2 * _PAD,
                head.height,
                head.html,
                ALIGN="LEFT",
                BALIGN="LEFT",
                VALIGN="TOP",
            )
        for step_id, spot in plan.spots.items():
            postit = self.postit_labels[step_id]
            graph.node(
                f"s{self.numbers[step_id]}",
                label=f"<{postit.html}>",
                pos=pos(plan.slot_x(spot.phase, spot.column), spot.top + postit.height / 2),
            )
        for i, (x, y, item) in enumerate(plan.legend):
            graph.node(
                f"legend{i}",
                label=f"<{item.html}>",
                pos=pos(x + item.width / 2, y + item.height / 2),
            )
        for r, (kind, _, _) in enumerate(plan.rows):
            scale = self.curve_lanes.get(kind)
            if scale is not None and self.j.phases:
                self.draw_curve(graph, plan, r, scale, pos)
        for kind, x, y, w, h in plan.actions:
            if kind.startswith("group:"):
                scope = Scope(kind.split(":", 1)[1])
                box(f"group_{scope.value}", x, y, w, h, style="rounded,dashed", color="#7986cb")
                text(
                    f"group_{scope.value}_name",
                    x + 12,
                    y + 6,
                    w - 24,
                    _line(14),
                    _font(_entities(words.text(scope, self.lang)), 14, bold=True),
                    ALIGN="LEFT",
                )
        for kind, x, y, w, h in plan.actions:
            if not kind.startswith("group:"):
                action = self.action_labels[kind]
                graph.node(
                    "a" + self.action_ids[kind][1:],
                    label=f"<{action.html}>",
                    pos=pos(x + w / 2, y + h / 2),
                )
        return plan

    def draw_curve(
        self, graph: Any, plan: _Plan, row: int, scale: Scale, pos: Callable[[float, float], str]
    ) -> None:
        """The rating lane of *scale*: its levels, and a point under every post-it column.

        A column's point is the mean of its rated post-its (as a phase's), so the
        emotion and the motivation curve share their x with the post-its above them.
        """
        kind, top, _ = plan.rows[row]
        lane = next(lane for lane in self.j.lanes if lane.id == kind)
        first = top + _PAD + self.lane_head(lane).height + 12
        span = max(1, scale.maximum - scale.minimum)
        best_high = scale.is_better(scale.maximum, scale.minimum)

        def y_of(value: float) -> float:
            t = (value - scale.minimum) / span
            return first + (1 - t if best_high else t) * span * _LEVEL

        start = plan.columns[0][0] + 4
        end = plan.columns[-1][0] + plan.columns[-1][1] - 4
        for p in scale.points:
            y = y_of(p)
            text = self.text.lines(
                f"{p} {scale.label(p) or ''}".strip(), _chars(_HEAD_W - 2 * _PAD, 9), 2
            )
            graph.node(
                f"r{row}l{p}",
                label=(
                    '<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                    f'<TD FIXEDSIZE="TRUE" WIDTH="{_HEAD_W - 2 * _PAD:.0f}" HEIGHT="{_LEVEL:.0f}" '
                    f'ALIGN="RIGHT" BALIGN="RIGHT">{_font("<BR/>".join(text), 9)}</TD>'
                    "</TR></TABLE>>"
                ),
                pos=pos(_MARGIN + _HEAD_W / 2, y),
            )
            for end_name, x in (("a", start), ("b", end)):
                graph.node(f"r{row}g{p}{end_name}", style="invis", shape="point", pos=pos(x, y))
            graph.edge(
                f"r{row}g{p}a",
                f"r{row}g{p}b",
                color=postit_colour(scale, p),
                penwidth="2.5",
            )
        columns: dict[tuple[int, int], list[tuple[Step, Rating]]] = {}
        for step_id, spot in plan.spots.items():
            step = self.steps[step_id]
            rating = step.rating(scale.id)
            if rating is not None and rating.votes:
                columns.setdefault((spot.phase, spot.column), []).append((step, rating))
        points: list[tuple[float, float, list[tuple[Step, Rating]]]] = []
        for phase, column in sorted(columns):
            rated = sorted(columns[phase, column], key=lambda sr: self.numbers[sr[0].id])
            mean = phase_mean(r.votes for _, r in rated)
            assert mean is not None  # every rating in *rated* has votes
            points.append((plan.slot_x(phase, column), mean, rated))
        for i, (x, value, _) in enumerate(points):
            graph.node(f"r{row}k{i}", style="invis", shape="point", pos=pos(x, y_of(value)))
            if i:
                graph.edge(f"r{row}k{i - 1}", f"r{row}k{i}", color="#4e342e", penwidth="2")
        for i, (x, value, rated) in enumerate(points):
            tip = "; ".join(
                f"{self.numbers[s.id]}. {s.title}: {number(r.value, self.lang)}" for s, r in rated
            )
            marked = any(s.moment_of_truth for s, _ in rated)
            _point(graph, f"r{row}p{i}", scale, value, 0.17, marked, pos(x, y_of(value)), tip)


def step_numbers(journey: Journey) -> dict[str, int]:
    """The number of every step on the wall and the curve: phase by phase, in file order.

    Post-its, curve points and improvement actions refer to steps by these numbers.
    Steps in a phase the journey does not have get none.
    """
    order = {p.id: i for i, p in enumerate(journey.phases)}
    placed = sorted((s for s in journey.steps if s.phase in order), key=lambda s: order[s.phase])
    return {step.id: n for n, step in enumerate(placed, 1)}


def journey_graph(journey: Journey, options: GraphOptions | None = None) -> object:
    """The :class:`graphviz.Digraph` of the wall for *journey*, every node pinned.

    Draw it with ``neato -n2`` (as :func:`run_dot` does); plain ``dot`` also works,
    it reads ``layout=neato`` from the graph, but takes longer on a long wall.
    """
    return _wall_graph(journey, options or GraphOptions())[0]


def _wall_graph(journey: Journey, options: GraphOptions) -> tuple[Any, _Plan]:
    """The wall's :class:`graphviz.Digraph` and its layout (whose size it has)."""
    import graphviz

    wall = _Wall(journey, options)
    graph = graphviz.Digraph(
        name="klantreis",
        graph_attr={
            "comment": "every position is pinned: draw it with neato -n2",
            "layout": "neato",
            "inputscale": "72",
            "overlap": "true",
            "splines": "line",
            "bgcolor": "#f7f3ec",
            "pad": "0.3",
            "fontname": "Helvetica",
        },
        node_attr={"shape": "plaintext", "margin": "0", "fontname": "Helvetica"},
        edge_attr={"dir": "none", "arrowhead": "none"},
    )
    plan = wall.draw(graph)
    return graph, plan


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
    wrap = _Text(lang)
    title = _font("<BR/>".join(wrap.lines(journey.title, 80, 3)), 20, bold=True)
    if scale is None:
        graph.node("title", label=f"<{title}>", pos="0,0!")
        return graph
    direction = words.text(scale.direction, lang)  # escaped with the name, below
    subtitle = _font("<BR/>".join(wrap.lines(f"{scale.name} ({direction})", 60, 2)), 12)
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
    numbers = step_numbers(journey)
    points: list[tuple[Step, float, int]] = []
    names: list[str] = []  # the numbers of the post-its a point stands for
    for phase in journey.phases:
        in_phase = [(s, r) for s, r in rated if s.phase == phase.id]
        for start in range(0, len(in_phase), size):
            group = in_phase[start : start + size]
            mean = phase_mean(r.votes for _, r in group)
            assert mean is not None  # every rating in *rated* has votes
            points.append((group[0][0], mean, len(group)))
            first, last = numbers[group[0][0].id], numbers[group[-1][0].id]
            names.append(f"{first}" if first == last else f"{first}–{last}")
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
        text = "<BR/>".join(wrap.lines(f"{level} {scale.label(level) or ''}".strip(), 26, 4))
        graph.node(f"y{n}", label=f"<{_font(text, 10)}>", pos=f"{left - 86:.0f},{y:.0f}!")
        graph.node(f"g{n}a", label="", shape="point", width="0", pos=f"{left:.0f},{y:.0f}!")
        graph.node(f"g{n}b", label="", shape="point", width="0", pos=f"{right:.0f},{y:.0f}!")
        graph.edge(
            f"g{n}a", f"g{n}b", color=_blend(goodness(scale, level), _POSTIT_STOPS), penwidth="6"
        )
    bottom = -40.0
    for p_index, (phase, (start_x, end_x)) in enumerate(zip(journey.phases, bands, strict=True)):
        name = _font("<BR/>".join(wrap.lines(f"{p_index + 1}. {phase.name}", 16, 4)), 11, bold=True)
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
        where = f"{px:.0f},{py:.0f}!"
        text = f"{tip}: {number(value, lang)}"
        _point(graph, f"p{i}", scale, value, 0.22, step.moment_of_truth, where, text)
        if step.moment_of_truth:
            graph.node(
                f"m{i}",
                label=f"<{_font('★', 14, colour='#b71c1c')}>",
                pos=f"{px:.0f},{py + 18:.0f}!",
            )
        # the number of its post-it on the wall, under the point
        graph.node(
            f"n{i}",
            label=f"<{_font(names[i], 9 if count == 1 else 8, colour='#3e2723', bold=True)}>",
            pos=f"{px:.0f},{py - 19:.0f}!",
        )
        if i:
            graph.edge(f"p{i - 1}", f"p{i}", color="#4e342e", penwidth="2.5")
    return graph


def _point(
    graph: Any, name: str, scale: Scale, value: float, size: float, marked: bool, pos: str, tip: str
) -> None:
    """A point of a curve: coloured by *value*, a thick red ring when *marked* (moment of truth)."""
    graph.node(
        name,
        label="",
        shape="circle",
        style="filled",
        width=f"{size}",
        fixedsize="true",
        fillcolor=_dot_colour(scale, value),
        color="#b71c1c" if marked else "#3e2723",
        penwidth="2.5" if marked else "1",
        pos=pos,
        tooltip=_escstring(tip),
    )


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
    command = [program, "-n2", f"-T{fmt}"]  # -n2: neato keeps the pinned positions
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


_MEGAPIXELS = 150  # cairo holds 4 bytes a pixel: 600 MB for the largest PNG drawn


def _png_fits(plan: _Plan, dpi: int) -> None:
    """Refuse a PNG of the wall whose bitmap would take more than :data:`_MEGAPIXELS`."""
    scale = dpi / 72
    width, height = round(plan.width * scale), round(plan.height * scale)
    megapixels = width * height / 1e6
    if megapixels > _MEGAPIXELS:
        lower = max(1, math.floor(dpi * math.sqrt(_MEGAPIXELS / megapixels)))
        raise ExportError(
            f"a PNG of this wall would be {width:,} × {height:,} pixels at {dpi} dpi "
            f"({megapixels:,.0f} megapixels, more than {_MEGAPIXELS}); draw it as SVG or "
            f"PDF, or at a lower resolution with --option dpi={lower}"
        )


def _rendered(fmt: str) -> Callable[[Journey, GraphOptions], bytes]:
    def render(journey: Journey, options: GraphOptions) -> bytes:
        if options.view == "wall":
            graph, plan = _wall_graph(journey, options)
            if fmt == "png":
                _png_fits(plan, options.dpi)
            source: str = graph.source
        else:
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
