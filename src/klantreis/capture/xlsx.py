"""The fill-in workbook as ``.xlsx``, written and read with openpyxl.

No macros and no formulas: drop-downs and score checks are data validation, whose
lists live on a hidden sheet (Excel, LibreOffice and Google Sheets all read that).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from klantreis import words
from klantreis.capture.wall import (
    ACTION_COLUMNS,
    INSIGHT_COLUMNS,
    Value,
    numbered_refs,
    text_of,
    wall_grid,
)
from klantreis.errors import LoadError, Problem
from klantreis.model import Journey, Scope, Status, Theme

__all__ = ["load_sheets", "write_workbook"]

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="F3E3C3")  # brown paper
_FIXED = dt.datetime(2026, 1, 1)  # the same bytes for the same journey


def _fit(sheet: Worksheet, widths: dict[int, int], least: int = 12, most: int = 50) -> None:
    """Columns as wide as their longest line (within bounds), rows as high as their
    wrapped text: neither Excel nor LibreOffice grows a row for wrapped text it did not
    type itself, so a long lane label would overlap the row below."""
    fitted = {}
    for column, width in widths.items():
        letter = get_column_letter(column + 1)
        fitted[column] = max(least, min(most, width + 2))
        sheet.column_dimensions[letter].width = fitted[column]
    for row in sheet.iter_rows():
        lines = 1
        for cell in row:
            if cell.value is None or cell.column is None:
                continue
            room = max(1, int((fitted.get(cell.column - 1, least) - 1) * _BOLD_ROOM))
            wrapped = sum(max(1, -(-len(line) // room)) for line in text_of(cell.value).split("\n"))
            lines = max(lines, wrapped)
        if lines > 1 and row[0].row is not None:
            sheet.row_dimensions[row[0].row].height = _LINE_HEIGHT * lines


_LINE_HEIGHT = 15
"""Points per line of text at the default font size."""
_BOLD_ROOM = 0.85
"""How much of a column's width (in characters) a wrapped line of bold text can fill."""


def _print_setup(sheet: Worksheet, rows: str, columns: str | None = None) -> None:
    """Landscape, the heading *rows* (and *columns*) repeated on every page.

    A table (*columns* ``None``) is made as wide as the page and runs down as many pages
    as it takes. The wall is made as tall as an A3 page and runs across as many pages as
    it has phases for, each with the lanes' labels: fitted to one page wide, a wall of
    thirty columns would print too small to read.
    """
    setup = sheet.page_setup
    setup.orientation = "landscape"
    if columns is None:
        setup.paperSize = sheet.PAPERSIZE_A4
        setup.fitToWidth, setup.fitToHeight = 1, 0  # 0: as many pages as it takes
    else:
        setup.paperSize = sheet.PAPERSIZE_A3
        setup.fitToWidth, setup.fitToHeight = 0, 1
        sheet.print_title_cols = columns
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = rows
    sheet.print_options.gridLines = True


def _as_text(cell: Cell) -> Cell:
    """Keep a text that starts with ``=`` a text: openpyxl would store it as a formula."""
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _put(sheet: Worksheet, r: int, c: int, value: Value, widths: dict[int, int]) -> None:
    cell = _as_text(sheet.cell(row=r + 1, column=c + 1, value=value))
    cell.alignment = _WRAP
    lines = text_of(value).splitlines() or [""]
    widths[c] = max(widths.get(c, 0), *(len(line) for line in lines))


def _drop_down(sheet: Worksheet, formula: str, column: str, rows: int) -> None:
    """A drop-down of the values at *formula* in *column*, from row 2 to *rows*."""
    check = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    sheet.add_data_validation(check)
    check.add(f"{column}2:{column}{rows}")


def _table(
    book: Workbook, title: str, headings: list[str], rows: list[list[Value]], most: int
) -> Worksheet:
    """A sheet with a bold heading row (frozen) and a row per item, placed before the
    hidden lists."""
    sheet = book.create_sheet(title, len(book.sheetnames) - 1)
    widths: dict[int, int] = {}
    for r, row in enumerate([list[Value](headings), *rows]):
        for c, value in enumerate(row):
            _put(sheet, r, c, value, widths)
    for c in range(len(headings)):
        sheet.cell(row=1, column=c + 1).font = _BOLD
        sheet.cell(row=1, column=c + 1).fill = _HEAD
    _fit(sheet, widths, most=most)
    sheet.freeze_panes = "B2"
    _print_setup(sheet, "1:1")
    return sheet


def write_workbook(journey: Journey, blank_columns: int) -> bytes:
    """The workbook's bytes: Wand, Verbeteracties, Inzichten, Uitleg (and hidden Lijsten)."""
    lang = journey.language.value
    book = Workbook()
    book.properties.creator = "klantreis"
    book.properties.created = _FIXED
    book.properties.modified = _FIXED

    # The wall.
    wall = book.active
    assert wall is not None
    wall.title = words.text("capture.sheet.wall", lang)
    grid = wall_grid(journey, blank_columns=blank_columns)
    widths: dict[int, int] = {}
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            _put(wall, r, c, value, widths)
        wall.cell(row=r + 1, column=1).font = _BOLD
        wall.cell(row=r + 1, column=1).fill = _HEAD
    for c in range(1, len(grid.rows[0])):
        wall.cell(row=1, column=c + 1).font = _BOLD
        wall.cell(row=1, column=c + 1).fill = _HEAD
    for start, end in grid.phase_spans:
        if end > start:
            for r in (1, 2, 3):
                wall.merge_cells(start_row=r, start_column=start + 1, end_row=r, end_column=end + 1)
    last = get_column_letter(len(grid.rows[0]))
    for r, scale in grid.rating_rows:
        labels = ", ".join(
            f"{scale.minimum + i} = {label}" for i, label in enumerate(scale.labels) if label
        )
        check = DataValidation(
            type="whole",
            operator="between",
            formula1=str(scale.minimum),
            formula2=str(scale.maximum),
            allow_blank=True,
            errorStyle="warning",  # several votes ("2 3 2") are allowed after a warning
            showErrorMessage=True,
            showInputMessage=True,
            promptTitle=scale.name[:32],
            prompt=(
                labels
                or words.text("capture.score-prompt", lang, low=scale.minimum, high=scale.maximum)
            )[:255],
        )
        wall.add_data_validation(check)
        check.add(f"B{r + 1}:{last}{r + 1}")
    _fit(wall, widths, most=32)
    wall.freeze_panes = "B4"
    _print_setup(wall, "1:1", "A:A")

    # The lists for the drop-downs, on a hidden sheet.
    lists = book.create_sheet(words.text("capture.sheet.lists", lang))
    choices = {
        "scope": [words.text(m, lang) for m in Scope],
        "theme": [words.text(m, lang) for m in Theme],
        "status": [words.text(m, lang) for m in Status],
        "flag": [words.text("export.yes", lang), words.text("export.no", lang)],
    }
    ranges = {}
    for c, (key, values) in enumerate(choices.items()):
        for r, value in enumerate(values):
            _as_text(lists.cell(row=r + 1, column=c + 1, value=value))
        letter = get_column_letter(c + 1)
        ranges[key] = f"'{lists.title}'!${letter}$1:${letter}${len(values)}"
    lists.sheet_state = "hidden"

    def yes_no(value: bool | None) -> str | None:
        if value is None:
            return None
        return words.text("export.yes" if value else "export.no", lang)

    # Improvement actions and insights: a table each, a row per item.
    actions = _table(
        book,
        words.text("capture.sheet.actions", lang),
        [words.text(f"capture.col.{key}", lang) for key in ACTION_COLUMNS],
        [
            [
                action.title,
                action.description,
                words.text(action.scope, lang),
                words.text(action.theme, lang),
                yes_no(action.within_mandate),
                yes_no(action.tomorrow),
                action.owner,
                action.due,
                words.text(action.status, lang),
                numbered_refs(journey, action.targets) or None,
                numbered_refs(journey, action.ideas) or None,
                action.expected_effect,
            ]
            for action in journey.actions
        ],
        most=40,
    )
    rows = max(len(journey.actions) + 50, 100)
    for key, column in (("scope", "C"), ("theme", "D"), ("flag", "E"), ("flag", "F")):
        _drop_down(actions, ranges[key], column, rows)
    _drop_down(actions, ranges["status"], "I", rows)
    dates = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
    actions.add_data_validation(dates)
    dates.add(f"H2:H{rows}")
    insights = _table(
        book,
        words.text("capture.sheet.insights", lang),
        [words.text(f"capture.col.{key}", lang) for key in INSIGHT_COLUMNS],
        [
            [
                insight.text,
                insight.author,
                insight.date,
                numbered_refs(journey, insight.steps) or None,
                yes_no(insight.discussed),
                insight.discussed_on,
            ]
            for insight in journey.insights
        ],
        most=60,
    )
    _drop_down(insights, ranges["flag"], "E", max(len(journey.insights) + 50, 100))

    # Instructions, with the journey's title and language.
    help_sheet = book.create_sheet(words.text("capture.sheet.help", lang), 3)
    help_sheet.cell(row=1, column=1, value=words.text("capture.title", lang)).font = _BOLD
    _as_text(help_sheet.cell(row=1, column=2, value=journey.title))
    help_sheet.cell(row=2, column=1, value=words.text("capture.language", lang)).font = _BOLD
    help_sheet.cell(row=2, column=2, value=lang)
    for r, line in enumerate(words.text("capture.help", lang).splitlines(), start=4):
        help_sheet.cell(row=r, column=1, value=line)
    help_sheet.column_dimensions["A"].width = 18
    help_sheet.column_dimensions["B"].width = 60
    help_sheet.page_setup.paperSize = help_sheet.PAPERSIZE_A4
    help_sheet.page_setup.fitToWidth, help_sheet.page_setup.fitToHeight = 1, 0
    help_sheet.sheet_properties.pageSetUpPr.fitToPage = True

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def load_sheets(source: Any, name: str | None) -> dict[str, list[list[Value]]]:
    """Every sheet of the workbook at *source* as rows of values (formulas as their last
    computed value)."""
    try:
        book = load_workbook(source, data_only=True, read_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        message = words.text("capture.unreadable", None, reason=reason)
        raise LoadError(Problem(code="unreadable", message=message, source=name)) from None
    sheets: dict[str, list[list[Value]]] = {}
    for sheet in book.worksheets:
        sheets[sheet.title] = [list(row) for row in sheet.iter_rows(values_only=True)]
    return sheets
