"""Capture without YAML: the wall as a fill-in workbook (or CSV grid), and reading it back.

:func:`workbook` writes an ``.xlsx`` workbook of a journey's wall (from ``klantreis
new --to xlsx`` an empty one): a *Wand* sheet with the phases as columns and the
lanes as rows, rating rows with data validation, sheets for improvement actions and
insights with drop-downs, and a sheet of instructions in the journey's language.
:func:`read_workbook` reads it back into a journey, reporting every problem at its
sheet and cell (``Wand!D7: emotie "boos" is geen score 1–5``) all at once.
:func:`wall_csv` and :func:`read_wall_csv` do the same for the wall alone as CSV.

Given the journey file it came from as *base*, reading keeps the ids the file has
and every field the workbook does not show, so that re-importing a workbook changes
exactly what was edited in it.

openpyxl is imported only when a workbook is written or read.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
from attrs import frozen

from klantreis import words
from klantreis.capture.wall import (
    ACTION_COLUMNS,
    INSIGHT_COLUMNS,
    GridReader,
    Value,
    text_of,
    unique_id,
)
from klantreis.errors import LoadError, Problem, Report
from klantreis.exporters.tabular import unneutralise
from klantreis.model import (
    ImprovementAction,
    Insight,
    Journey,
    Language,
    Scope,
    Status,
    Theme,
    slugify,
)

__all__ = [
    "ACTION_COLUMNS",
    "INSIGHT_COLUMNS",
    "Capture",
    "read_wall_csv",
    "read_workbook",
    "wall_csv",
    "workbook",
]


@frozen
class Capture:
    """What reading a workbook gave: the journey (of what read clean) and every problem.

    When :attr:`ok` is false, :attr:`journey` leaves out what had problems: write it
    only when asked to (``klantreis import --partial``).
    """

    journey: Journey
    report: Report

    @property
    def ok(self) -> bool:
        """Whether the workbook read without errors."""
        return self.report.ok


def workbook(journey: Journey, *, blank_columns: int | None = None) -> bytes:
    """The fill-in workbook of *journey*'s wall as ``.xlsx`` bytes.

    *blank_columns* empty columns are added to each phase for post-its still to come
    (default: 3 for a journey without steps, else 0).
    """
    from klantreis.capture.xlsx import write_workbook

    if blank_columns is None:
        blank_columns = 0 if journey.steps else 3
    return write_workbook(journey, blank_columns)


def wall_csv(journey: Journey, *, excel: bool = True, blank_columns: int | None = None) -> str:
    """The wall of *journey* as a CSV grid (the workbook's *Wand* sheet).

    The grid ``klantreis export --to csv --option layout=grid`` writes. With *excel*
    (the default) for Dutch-locale Excel: a byte-order mark, ``;`` and a decimal comma.
    Cells that a spreadsheet would run as a formula get a ``'`` in front.
    """
    from klantreis.exporters.tabular import CsvOptions, render_csv

    if blank_columns is None:
        blank_columns = 0 if journey.steps else 3
    options = CsvOptions(layout="grid", excel=excel)
    return render_csv(journey, options, blank_columns=blank_columns)


def _name(source: Any) -> str | None:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def read_wall_csv(
    source: str | os.PathLike[str] | IO[str],
    *,
    base: Journey | None = None,
    title: str | None = None,
    language: Language | str | None = None,
) -> Capture:
    """Read a wall written as a CSV grid (by :func:`wall_csv` or ``klantreis export --to csv
    --option layout=grid``, or typed by hand); the cell separator is found in its first row.
    """
    name = _name(source)
    if isinstance(source, (str, os.PathLike)):
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = "the file is not UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise LoadError(Problem(code="unreadable", message=reason, source=name)) from None
    else:
        text = source.read()
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t", "|"), key=first.count)
    try:
        rows: list[list[Value]] = [
            [unneutralise(c) for c in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise LoadError(
            Problem(code="invalid-csv", message=f"invalid CSV: {exc}", source=name)
        ) from None
    lang = _language(language, base)
    sheet = Path(name).stem if name else words.text("capture.sheet.wall", lang.value)
    reader = GridReader(name, base, lang)
    phases = reader.read_wall(sheet, rows)
    fallback = title or (Path(name).stem if name else words.text("export.steps", lang.value))
    return _finish(reader, phases, base, fallback, lang, None, None)


def _language(language: Language | str | None, base: Journey | None) -> Language:
    if language is not None:
        return Language(language)
    return base.language if base is not None else Language.NL


def read_workbook(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    base: Journey | None = None,
    title: str | None = None,
) -> Capture:
    """Read a fill-in workbook (``.xlsx``) back into a journey.

    Every problem is in the result's report, at its sheet and cell; the journey holds
    what read clean. With *base* (the journey file the workbook came from) ids and
    fields the workbook does not show are kept.
    """
    from klantreis.capture.xlsx import load_sheets

    name = _name(source)
    sheets = load_sheets(source, name)
    meta = _meta(sheets)
    lang = _language(meta.get("language") or None, base)
    if meta.get("language") not in (None, "nl", "en"):
        lang = base.language if base is not None else Language.NL
    reader = GridReader(name, base, lang)
    wall = _sheet(sheets, "capture.sheet.wall")
    if wall is None:
        shown = words.text("capture.sheet.wall", lang.value)
        raise LoadError(
            Problem(code="no-wall", message=reader.say("capture.no-wall", sheet=shown), source=name)
        )
    phases = reader.read_wall(wall[0], wall[1])
    actions = _sheet(sheets, "capture.sheet.actions")
    insights = _sheet(sheets, "capture.sheet.insights")
    read_actions = _read_actions(reader, *actions) if actions else None
    read_insights = _read_insights(reader, *insights) if insights else None
    fallback = meta.get("title") or title or (Path(name).stem if name else "klantreis")
    return _finish(reader, phases, base, fallback, lang, read_actions, read_insights)


def _sheet(sheets: dict[str, list[list[Value]]], key: str) -> tuple[str, list[list[Value]]] | None:
    for lang in ("nl", "en"):
        wanted = words.text(key, lang)
        for name, rows in sheets.items():
            if name.casefold() == wanted.casefold():
                return name, rows
    return None


def _meta(sheets: dict[str, list[list[Value]]]) -> dict[str, str]:
    found = _sheet(sheets, "capture.sheet.help")
    out: dict[str, str] = {}
    if found is None:
        return out
    keys = {
        words.text(key, lang).casefold(): field
        for key, field in (("capture.title", "title"), ("capture.language", "language"))
        for lang in ("nl", "en")
    }
    for row in found[1]:
        if len(row) >= 2 and text_of(row[0]).strip().casefold() in keys:
            out[keys[text_of(row[0]).strip().casefold()]] = text_of(row[1]).strip()
    return out


def _items(
    reader: GridReader, sheet: str, rows: list[list[Value]], columns: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, Value], str]]:
    """The filled rows of a table below its heading: ``(row, cells by column, title)``;
    a row without its first column (the title) is a problem."""
    for r, row in enumerate(rows[1:], start=1):
        values = [*row[: len(columns)], *([None] * (len(columns) - len(row)))]
        cells = dict(zip(columns, values, strict=True))
        if not any(text_of(v).strip() for v in values):
            continue
        title = text_of(values[0]).strip()
        if not title:
            reader.problem(sheet, r, 0, reader.say("capture.no-title"), "missing-value")
            continue
        yield r, cells, title


def _read_actions(
    reader: GridReader, sheet: str, rows: list[list[Value]]
) -> tuple[ImprovementAction, ...]:
    keep = _Keeper(reader.base.actions if reader.base else (), "title", "actie")
    col = {name: i for i, name in enumerate(ACTION_COLUMNS)}
    for r, cells, title in _items(reader, sheet, rows, ACTION_COLUMNS):
        keep.add(
            ImprovementAction,
            title,
            {
                "description": text_of(cells["description"]).strip() or None,
                "scope": reader.choice(sheet, r, col["scope"], cells["scope"], Scope)
                or Scope.OURSELVES,
                "theme": reader.choice(sheet, r, col["theme"], cells["theme"], Theme)
                or Theme.OTHER,
                "within_mandate": reader.flag(sheet, r, col["mandate"], cells["mandate"]),
                "tomorrow": bool(reader.flag(sheet, r, col["tomorrow"], cells["tomorrow"])),
                "owner": text_of(cells["owner"]).strip() or None,
                "due": reader.date(sheet, r, col["due"], cells["due"]),
                "status": reader.choice(sheet, r, col["status"], cells["status"], Status)
                or Status.PROPOSED,
                "targets": reader.step_refs(sheet, r, col["targets"], cells["targets"]),
                "ideas": reader.step_refs(sheet, r, col["ideas"], cells["ideas"]),
                "expected_effect": text_of(cells["effect"]).strip() or None,
            },
        )
    return tuple(keep.out)


def _read_insights(reader: GridReader, sheet: str, rows: list[list[Value]]) -> tuple[Insight, ...]:
    keep = _Keeper(reader.base.insights if reader.base else (), "text", "inzicht")
    col = {name: i for i, name in enumerate(INSIGHT_COLUMNS)}
    for r, cells, text in _items(reader, sheet, rows, INSIGHT_COLUMNS):
        keep.add(
            Insight,
            text,
            {
                "author": text_of(cells["author"]).strip() or None,
                "date": reader.date(sheet, r, col["date"], cells["date"]),
                "steps": reader.step_refs(sheet, r, col["steps"], cells["steps"]),
                "discussed": bool(reader.flag(sheet, r, col["discussed"], cells["discussed"])),
                "discussed_on": reader.date(sheet, r, col["discussed_on"], cells["discussed_on"]),
            },
        )
    return tuple(keep.out)


class _Keeper:
    """Builds the items of a table: one that has the title of an item of the base
    journey (in order) is that item, edited, keeping its id; another gets a new id."""

    def __init__(self, items: Sequence[Any], key: str, fallback: str) -> None:
        self.free = list(items)
        self.taken = {item.id for item in items}
        self.key = key
        self.fallback = fallback
        self.out: list[Any] = []

    def add(self, cls: type, title: str, fields: dict[str, Any]) -> None:
        fields[self.key] = title
        old = next((item for item in self.free if getattr(item, self.key) == title), None)
        if old is not None:
            self.free.remove(old)
            self.out.append(attrs.evolve(old, **fields))
            return
        new_id = unique_id(slugify(title, fallback=self.fallback), self.taken)
        self.taken.add(new_id)
        self.out.append(cls(id=new_id, **fields))


def _finish(
    reader: GridReader,
    phases: tuple[Any, ...],
    base: Journey | None,
    title: str,
    lang: Language,
    actions: tuple[ImprovementAction, ...] | None,
    insights: tuple[Insight, ...] | None,
) -> Capture:
    fields: dict[str, Any] = {
        "phases": phases,
        "lanes": tuple(reader.lanes),
        "steps": _file_order(reader.steps, base),
    }
    if actions is not None:
        fields["actions"] = actions
    if insights is not None:
        fields["insights"] = insights
    if base is not None:
        journey = attrs.evolve(base, **fields)
    else:
        journey = Journey(title=title, language=lang, **fields)
    from klantreis.validation import validate

    problems = list(reader.problems)
    report = validate(journey)
    problems.extend(attrs.evolve(p, source=reader.source) for p in report.problems)
    return Capture(journey, Report(tuple(problems)))


def _file_order(steps: list[Any], base: Journey | None) -> tuple[Any, ...]:
    """*steps* (in wall order) in the order of *base*'s file, so that re-importing moves
    nothing; a new step comes after the step before it on the wall."""
    if base is None:
        return tuple(steps)
    place = {s.id: i for i, s in enumerate(base.steps)}
    keys: list[tuple[int, int]] = []
    last = -1
    for n, step in enumerate(steps):
        if step.id in place:
            last = place[step.id]
            keys.append((last, -1))
        else:
            keys.append((last, n))
    return tuple(s for _, s in sorted(zip(keys, steps, strict=True), key=lambda pair: pair[0]))
