"""klantreis-xlsx: the brown paper as an Excel workbook, post-its coloured by emotion.

The sheet is the wall: a column per step within each phase (the phase's name spans
them), a row per lane, each step in its own cell filled red to green by its rating
on the emotion scale (following the scale's direction), moments of truth with a
thick red border and a star. Rating lanes list the ratings of the phase's steps.
A second sheet holds one row per step for filtering.

Text is written as text, never as a formula, and the workbook is byte-for-byte the
same for the same journey (fixed dates inside and in the zip). Only klantreis's
public API is used.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Callable

from attrs import frozen
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

import klantreis
from klantreis import Journey, LaneKind, Scale, Step
from klantreis.exporters import Exporter, option

__all__ = ["XLSX", "XlsxOptions", "emotion_colour", "render_xlsx"]
__version__ = "0.1.0"


@frozen
class XlsxOptions:
    """Options of the Excel exporter."""

    scale: str = option("emotion", help="id of the scale that colours the cells")
    steps_sheet: bool = option(True, help="add a second sheet with one row per step")


_STOPS = ((0.0, (0xF2, 0x8B, 0x82)), (0.5, (0xFF, 0xF1, 0x76)), (1.0, (0x9C, 0xD8, 0x8C)))
UNRATED = "F1EFE8"
PAPER = "D8B78E"
_THIN = Side(style="thin", color="8D6E4C")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_RED = Side(style="thick", color="B71C1C")
_MOMENT = Border(left=_RED, right=_RED, top=_RED, bottom=_RED)
_MAX_CELL = 32_767


def emotion_colour(scale: Scale, value: float) -> str:
    """The fill (``RRGGBB``) of *value*: red at the bad end, yellow, green at the good end."""
    span = scale.maximum - scale.minimum
    t = 0.5 if span <= 0 else (value - scale.minimum) / span
    if scale.is_better(scale.minimum, scale.maximum):
        t = 1 - t
    t = min(1.0, max(0.0, t))
    for (t0, c0), (t1, c1) in itertools.pairwise(_STOPS):
        if t <= t1:
            f = (t - t0) / (t1 - t0)
            return "".join(f"{round(a + (b - a) * f):02X}" for a, b in zip(c0, c1, strict=True))
    return "9CD88C"


def _text(value: str) -> str:
    clean = ILLEGAL_CHARACTERS_RE.sub("", value)
    return clean if len(clean) <= _MAX_CELL else clean[: _MAX_CELL - 1] + "…"


def _put(ws, row: int, column: int, value: str | int | None, **style: object):  # type: ignore[no-untyped-def]
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"  # text stays text: '=1+1' is never a formula
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _wall(ws, journey: Journey, scale: Scale | None) -> None:  # type: ignore[no-untyped-def]
    wrap = Alignment(wrap_text=True, vertical="top")
    head = Font(bold=True)
    paper = PatternFill("solid", fgColor=PAPER)
    _put(ws, 1, 1, journey.title, font=Font(bold=True, size=16))
    step_lanes = [lane for lane in journey.lanes if lane.kind is not LaneKind.RATING]
    width = {
        p.id: max(
            [1] + [len(list(journey.steps_in(phase=p.id, lane=lane.id))) for lane in step_lanes]
        )
        for p in journey.phases
    }
    first_column: dict[str, int] = {}
    column = 2
    for phase in journey.phases:
        first_column[phase.id] = column
        _put(
            ws,
            3,
            column,
            phase.name,
            font=Font(bold=True, size=13),
            fill=paper,
            border=_BORDER,
            alignment=wrap,
        )
        _put(ws, 4, column, phase.goal or "", fill=paper, border=_BORDER, alignment=wrap)
        if width[phase.id] > 1:
            last = column + width[phase.id] - 1
            ws.merge_cells(start_row=3, start_column=column, end_row=3, end_column=last)
            ws.merge_cells(start_row=4, start_column=column, end_row=4, end_column=last)
        column += width[phase.id]
    for c in range(2, column):
        ws.column_dimensions[get_column_letter(c)].width = 24
    ws.column_dimensions["A"].width = 28
    _put(ws, 3, 1, "→", font=head, fill=paper, border=_BORDER)
    _put(ws, 4, 1, "", fill=paper, border=_BORDER)
    for r, lane in enumerate(journey.lanes, start=5):
        _put(ws, r, 1, lane.name, font=head, fill=paper, border=_BORDER, alignment=wrap)
        for phase in journey.phases:
            start = first_column[phase.id]
            for c in range(start, start + width[phase.id]):
                _put(ws, r, c, None, fill=paper, border=_BORDER)
            if lane.kind is LaneKind.RATING:
                lines = [
                    f"{rating.value:g} {s.title}"
                    for s in journey.steps_in(phase=phase.id)
                    for rating in s.ratings
                    if rating.scale == lane.scale and rating.votes
                ]
                _put(ws, r, start, "\n".join(lines), fill=paper, border=_BORDER, alignment=wrap)
                continue
            for offset, step in enumerate(journey.steps_in(phase=phase.id, lane=lane.id)):
                _postit(ws, r, start + offset, step, scale, wrap)
    ws.freeze_panes = "B5"


def _postit(ws, row: int, column: int, step: Step, scale: Scale | None, wrap: Alignment) -> None:  # type: ignore[no-untyped-def]
    rating = step.rating(scale.id) if scale is not None else None
    colour = (
        emotion_colour(scale, rating.value)
        if scale is not None and rating and rating.votes
        else UNRATED
    )
    title = ("★ " if step.moment_of_truth else "") + step.title
    _put(
        ws,
        row,
        column,
        title,
        fill=PatternFill("solid", fgColor=colour),
        border=_MOMENT if step.moment_of_truth else _BORDER,
        alignment=wrap,
        font=Font(bold=step.moment_of_truth),
    )


def _steps(ws, journey: Journey) -> None:  # type: ignore[no-untyped-def]
    phases = {p.id: p.name for p in journey.phases}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    scales = [s.id for s in journey.scales]
    header = ["phase", "lane", "step", "description", "moment_of_truth", *scales]
    for c, name in enumerate(header, 1):
        _put(ws, 1, c, name, font=Font(bold=True))
    for r, step in enumerate(journey.steps, 2):
        values: list[str | int | None] = [
            phases.get(step.phase, step.phase),
            lanes.get(step.lane, step.lane),
            step.title,
            step.description or "",
            "★" if step.moment_of_truth else "",
        ]
        for scale_id in scales:
            rating = step.rating(scale_id)
            values.append(" ".join(str(v) for v in rating.votes) if rating else "")
        for c, value in enumerate(values, 1):
            _put(ws, r, c, value)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(journey.steps) + 1)}"


_DATE = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible(data: bytes) -> bytes:
    """The same workbook with fixed dates, so the same journey gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _DATE.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def render_xlsx(journey: Journey, options: XlsxOptions) -> bytes:
    """The workbook of *journey*, as bytes."""
    scale = journey.scale(options.scale)
    wb = Workbook()
    ws = wb.active
    ws.title = "Klantreis" if journey.language is klantreis.Language.NL else "Journey"
    _wall(ws, journey, scale)
    if options.steps_sheet:
        _steps(
            wb.create_sheet("Stappen" if journey.language is klantreis.Language.NL else "Steps"),
            journey,
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return _reproducible(buffer.getvalue())


XLSX = Exporter(
    name="xlsx",
    description="the wall as an Excel workbook, each post-it coloured by emotion",
    suffix=".xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    render=render_xlsx,
    binary=True,
    options=XlsxOptions,
)


@klantreis.hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Give klantreis the Excel exporter."""
    register(XLSX)
