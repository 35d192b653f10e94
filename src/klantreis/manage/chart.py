"""The history of a journey as a line chart in SVG, drawn by klantreis itself.

:func:`history_svg` draws one small chart per scale: the mean of the whole journey and
of each phase in every iteration, one labelled line each, the iterations on the x axis
(number, label, date) and the scale's *better* end on top, whatever its direction
(on *motivatie*, where lower is better, 1 is at the top).

The chart is SVG text made here, not a Graphviz drawing: a line chart is numbers placed
on two axes, which Graphviz (a layout engine for graphs) would only take as fixed
positions anyway; made here it needs no ``dot`` on the machine, every point can carry
its exact value, and the same SVG goes into the HTML page of the history, whose
Content-Security-Policy allows no inline style: the SVG uses presentation attributes
only. Every text in it is escaped.

Each point is a ``<circle>`` with ``data-iteration`` (from 0), ``data-value`` (the exact
mean, as in the JSON document) and a ``<title>`` that a browser shows on hover; each line
is a ``<g class="series">`` with ``data-scale`` and ``data-series`` (``journey``, or the
phase's id in its last iteration).

:func:`sparkline` is the chart in one line of text, for the text, Markdown and HTML
tables.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from klantreis.aggregate import format_number
from klantreis.manage.iterations import History, Series
from klantreis.model import Direction, Language, default_scales
from klantreis.words import date_text, text

__all__ = ["history_svg", "scale_name", "sparkline"]

_BARS = "▁▂▃▄▅▆▇█"

# Okabe & Ito's colour-blind-safe colours (yellow left out: too light on white), then
# the same again dashed. The whole journey is the thick dark line.
_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#882255")
_DASHES = ("", "6 3", "2 3")
_INK = "#1b1b1b"
_MUTED = "#4a4a4a"
_GRID = "#d8d2c6"
_FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif'

_LEFT = 66.0  # room for the y axis numbers and half of the first iteration's label
_STEP = 130.0  # between two iterations
_PLOT_H = 180.0
_TITLE_H = 46.0
_AXIS_H = 46.0  # the iteration labels under the plot
_LABEL_W = 250.0  # the line labels right of the plot
_GAP = 24.0  # between two charts
_LABEL_SPACING = 15.0
_LABEL_CHARS = 30
_X_CHARS = 18


def sparkline(series: Series) -> str:
    """The values of *series* as bars from the scale's minimum to its maximum; ``·``
    where nothing was rated.

    >>> from klantreis.model import Direction
    >>> s = Series(scale="emotion", name="Emotie", direction=Direction.HIGHER_IS_BETTER,
    ...            minimum=1, maximum=5, values=(1.0, 3.0, None, 5.0), counts=(1, 1, 0, 1))
    >>> sparkline(s)
    '▁▅·█'
    """
    span = series.maximum - series.minimum
    out = []
    for value in series.values:
        if value is None:
            out.append("·")
            continue
        share = (value - series.minimum) / span if span > 0 else 1.0
        out.append(_BARS[round(max(0.0, min(1.0, share)) * (len(_BARS) - 1))])
    return "".join(out)


def scale_name(scale: str, name: str, source: Language, language: Language) -> str:
    """The name of a scale in *language*: the default template's name in *language*
    when the scale is the template's scale of *source* with its name unchanged (as
    :func:`klantreis.exporters.base.localize` does for a journey); else *name* as
    the team wrote it.

    >>> scale_name("emotion", "Emotie", Language.NL, Language.EN)
    'Emotion'
    >>> scale_name("emotion", "Gevoel", Language.NL, Language.EN)
    'Gevoel'
    """
    if source is language:
        return name
    old = next((s for s in default_scales(source) if s.id == scale), None)
    if old is None or old.name != name:
        return name
    return next(s.name for s in default_scales(language) if s.id == scale)


def _esc(value: str) -> str:
    return html.escape(value, quote=True)


def _cut(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _goodness(series: Series, value: float) -> float:
    """*value* on the scale from 0 (its worst end) to 1 (its best)."""
    span = series.maximum - series.minimum
    share = (value - series.minimum) / span if span > 0 else 1.0
    share = max(0.0, min(1.0, share))
    return share if series.direction is Direction.HIGHER_IS_BETTER else 1.0 - share


def _spread(wanted: Sequence[float], low: float, high: float, gap: float) -> list[float]:
    """Label positions as near to *wanted* as possible, at least *gap* apart, within
    [*low*, *high*] when there is room (kept in the order of *wanted*)."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [wanted[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    overflow = placed[-1] - high if placed else 0.0
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    if placed and placed[0] < low:  # too many labels for the height: keep the order
        placed = [low + k * gap for k in range(len(placed))]
    out = [0.0] * len(placed)
    for k, i in enumerate(order):
        out[i] = placed[k]
    return out


class _Chart:
    """One scale's chart: its lines and where everything goes."""

    def __init__(
        self,
        hist: History,
        lines: list[tuple[int, str, str, Series]],
        language: Language,
        top: float,
    ) -> None:
        self.hist = hist
        self.lines = lines
        self.language = language
        self.top = top
        self.scale = lines[0][3]
        n = len(hist.revisions)
        self.plot_w = _STEP * max(1, n - 1)
        self.plot_top = top + _TITLE_H
        self.height = _TITLE_H + _PLOT_H + _AXIS_H

    def x(self, k: int) -> float:
        n = len(self.hist.revisions)
        return _LEFT + (self.plot_w / 2 if n == 1 else k * _STEP)

    def y(self, value: float) -> float:
        return self.plot_top + (1.0 - _goodness(self.scale, value)) * _PLOT_H

    def draw(self) -> list[str]:
        s, lang = self.scale, self.language
        s_name = scale_name(s.scale, s.name, self.hist.language, lang)
        arrow = "↑" if s.direction is Direction.HIGHER_IS_BETTER else "↓"
        out = [f'<g class="chart" data-scale="{_esc(s.scale)}">']
        out.append(
            f'<text x="12" y="{self.top + 18:.1f}" font-size="15" '
            f'font-weight="bold" fill="{_INK}">{_esc(s_name)} {arrow}</text>'
        )
        out.append(
            f'<text x="12" y="{self.plot_top - 14:.1f}" font-size="11" '
            f'fill="{_MUTED}">▲ {_esc(text("history.chart-better", lang))}</text>'
        )
        right = _LEFT + self.plot_w
        for point in range(s.minimum, s.maximum + 1):
            y = self.y(point)
            out.append(
                f'<line x1="{_LEFT - 4:.1f}" y1="{y:.1f}" x2="{right + 6:.1f}" y2="{y:.1f}" '
                f'stroke="{_GRID}" stroke-width="1"/>'
            )
            out.append(
                f'<text class="tick" x="{_LEFT - 10:.1f}" y="{y + 4:.1f}" font-size="11" '
                f'fill="{_MUTED}" '
                f'text-anchor="end">{point}</text>'
            )
        bottom = self.plot_top + _PLOT_H
        for k, revision in enumerate(self.hist.revisions):
            x = self.x(k)
            out.append(
                f'<line x1="{x:.1f}" y1="{self.plot_top:.1f}" x2="{x:.1f}" y2="{bottom + 4:.1f}" '
                f'stroke="{_GRID}" stroke-width="1"/>'
            )
            label = _esc(_cut(f"{k + 1} {revision.label}", _X_CHARS))
            out.append(
                f'<text class="iteration" x="{x:.1f}" y="{bottom + 18:.1f}" font-size="11" '
                f'fill="{_INK}" text-anchor="middle">{label}</text>'
            )
            if revision.date is not None:
                day = _esc(date_text(revision.date, lang))
                out.append(
                    f'<text x="{x:.1f}" y="{bottom + 32:.1f}" font-size="10" fill="{_MUTED}" '
                    f'text-anchor="middle">{day}</text>'
                )
        ends: list[tuple[int, str, str, Series, float]] = []
        for number, key, name, series in self.lines:
            colour, dash, width = self.pen(number)
            out.append(f'<g class="series" data-scale="{_esc(s.scale)}" data-series="{_esc(key)}">')
            for run in _runs(series.values):
                if len(run) > 1:
                    points = " ".join(f"{self.x(k):.1f},{self.y(v):.1f}" for k, v in run)
                    dashes = f' stroke-dasharray="{dash}"' if dash else ""
                    out.append(
                        f'<polyline points="{points}" fill="none" stroke="{colour}" '
                        f'stroke-width="{width}"{dashes} stroke-linejoin="round"/>'
                    )
            for k, value in enumerate(series.values):
                if value is None:
                    continue
                where = _cut(self.hist.revisions[k].label, _LABEL_CHARS)
                tip = f"{name} · {s_name} · {k + 1} {where}: {format_number(value, lang)}"
                out.append(
                    f'<circle cx="{self.x(k):.1f}" cy="{self.y(value):.1f}" r="{width + 1.5}" '
                    f'fill="{colour}" data-iteration="{k}" data-value="{value!r}">'
                    f"<title>{_esc(tip)}</title></circle>"
                )
            out.append("</g>")
            last = max((k for k, v in enumerate(series.values) if v is not None), default=None)
            if last is not None:
                value = series.values[last]
                assert value is not None
                ends.append((number, key, name, series, self.y(value)))
        places = _spread([e[4] for e in ends], self.plot_top - 4, bottom + 4, _LABEL_SPACING)
        for (number, _key, name, series, y), place in zip(ends, places, strict=True):
            colour, dash, width = self.pen(number)
            x = right + 14
            if abs(place - y) > 1:
                out.append(
                    f'<line x1="{right + 4:.1f}" y1="{y:.1f}" x2="{x - 2:.1f}" y2="{place:.1f}" '
                    f'stroke="{colour}" stroke-width="1"/>'
                )
            value = next(v for v in reversed(series.values) if v is not None)
            label = f"{_cut(name, _LABEL_CHARS)} {format_number(value, lang)}"
            weight = ' font-weight="bold"' if number == 0 else ""
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(  # a swatch of the line, then the text in ink (readable in any colour)
                f'<line x1="{x:.1f}" y1="{place:.1f}" x2="{x + 16:.1f}" y2="{place:.1f}" '
                f'stroke="{colour}" stroke-width="{width + 1}"{dashes}/>'
            )
            out.append(
                f'<text class="line-label" x="{x + 21:.1f}" y="{place + 4:.1f}" font-size="12" '
                f'fill="{_INK}"{weight}>{_esc(label)}</text>'
            )
        out.append("</g>")
        return out

    @staticmethod
    def pen(number: int) -> tuple[str, str, float]:
        """Colour, dash pattern and width of the line *number* (0: the whole journey)."""
        if number == 0:
            return _INK, "", 3.0
        k = number - 1
        return _COLOURS[k % len(_COLOURS)], _DASHES[(k // len(_COLOURS)) % len(_DASHES)], 2.0


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The stretches of *values* without a gap, with their iteration numbers."""
    runs: list[list[tuple[int, float]]] = [[]]
    for k, value in enumerate(values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((k, value))
    return [r for r in runs if r]


def chart_lines(hist: History, language: Language) -> list[list[tuple[int, str, str, Series]]]:
    """Per scale of the whole journey: (pen number, key, name, series) of the journey's
    line (pen 0) and of each phase rated on that scale (pen: the phase's place, from 1,
    so a phase has one colour in every chart)."""
    charts = []
    for overall in hist.overall:
        lines = [(0, "journey", text("history.whole-journey", language), overall)]
        for number, phase in enumerate(hist.phases, start=1):
            key = next(i for i in reversed(phase.ids) if i is not None)
            lines += [
                (number, key, phase.name, s) for s in phase.scales if s.scale == overall.scale
            ]
        charts.append(lines)
    return charts


def history_svg(
    hist: History, language: Language | str | None = None, *, id_prefix: str = "hc"
) -> str:
    """*hist* as an SVG document: a line chart per scale (see the module docstring).

    The words are in *language*, else in the language of the last iteration;
    *id_prefix* starts the ids in it (for two charts in one HTML page).

    >>> import klantreis
    >>> from attrs import evolve
    >>> step = klantreis.Step(title="Belt", phase="intake", lane="client",
    ...                       ratings=[klantreis.Rating("emotion", (2,))])
    >>> one = klantreis.Journey(title="Reis", phases=[klantreis.Phase(name="Intake")],
    ...                         steps=[step])
    >>> two = evolve(one, steps=[evolve(step, ratings=[klantreis.Rating("emotion", (4,))])])
    >>> svg = history_svg(klantreis.history([one, two]))
    >>> svg.count("<circle"), svg.count('data-series="intake"')
    (4, 1)
    """
    lang = Language(language) if language is not None else hist.language
    title = text("history.title", lang, title=hist.title, n=len(hist.revisions))
    charts: list[_Chart] = []
    top = 8.0
    for lines in chart_lines(hist, lang):
        chart = _Chart(hist, lines, lang, top)
        charts.append(chart)
        top += chart.height + _GAP
    width = _LEFT + _STEP * max(1, len(hist.revisions) - 1) + _LABEL_W
    height = max(top - _GAP + 8, 60.0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="history-chart" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-labelledby="{_esc(id_prefix)}-title" '
        f'font-family="{_esc(_FONT)}">',
        f'<title id="{_esc(id_prefix)}-title">{_esc(title)}</title>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    if not charts:
        out.append(
            f'<text x="12" y="34" font-size="13" fill="{_MUTED}">'
            f"{_esc(text('history.chart-empty', lang))}</text>"
        )
    for chart in charts:
        out += chart.draw()
    out.append("</svg>")
    return "\n".join(out) + "\n"
