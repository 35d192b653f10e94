"""The wall as a grid of cells, and reading such a grid back: shared by the workbook and CSV.

The grid is the brown paper: the top row names the phases (a phase owns the columns
up to the next name), then a row for the goal and one for the lead time of each
phase, one row per lane with the post-its' titles (several in a cell, one per line,
``★`` in front of a moment of truth), one row per scale with the ratings, and a row
of post-its (``? vraag (auteur)``). Ratings and post-its under a column belong to
the column's first post-it, read from the top.

Nothing here knows about files: :func:`wall_grid` gives rows of values and
:class:`GridReader` reads rows of values, collecting every problem at its cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from attrs import define, frozen

from klantreis import words
from klantreis.errors import Problem
from klantreis.model import (
    Journey,
    Lane,
    LaneKind,
    Language,
    Note,
    Phase,
    Rating,
    Scale,
    Step,
    slugify,
)
from klantreis.notes import note_line, parse_note_line
from klantreis.templates import default_lanes, default_scales

__all__ = ["GridReader", "WallGrid", "cell_name", "wall_grid"]

Value = str | int | float | dt.date | dt.datetime | None
MOMENT = "★"


def cell_name(row: int, column: int) -> str:
    """The spreadsheet name of a cell from 0-based *row* and *column*: ``cell_name(6, 3)`` is
    ``D7``.

    >>> cell_name(0, 0), cell_name(6, 3), cell_name(0, 27)
    ('A1', 'D7', 'AB1')
    """
    letters, n = "", column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def scale_label(scale: Scale) -> str:
    """A rating row's label: ``Emotie (1–5)``."""
    return f"{scale.name} ({scale.minimum}–{scale.maximum})"


@frozen
class WallGrid:
    """The wall as rows of cell values, with what a workbook needs to dress it."""

    rows: list[list[Value]]
    phase_spans: list[tuple[int, int]]
    """Per phase, its first and last column (0-based, inclusive)."""
    rating_rows: list[tuple[int, Scale]]
    """The 0-based row of each scale's ratings."""
    notes_row: int


def _columns(journey: Journey, phase: Phase) -> list[list[Step]]:
    """The steps of *phase* in columns: a step with ratings or post-its starts a column,
    so that it is the first post-it of its column, the one they belong to."""
    lane_order = {lane.id: i for i, lane in enumerate(journey.lanes)}
    steps = sorted(journey.steps_in(phase=phase.id), key=lambda s: lane_order.get(s.lane, 0))
    columns: list[list[Step]] = []
    for step in steps:
        if not columns or step.ratings or step.notes:
            columns.append([step])
        else:
            columns[-1].append(step)
    return columns or [[]]


def step_lanes(journey: Journey) -> list[Lane]:
    """The lanes that hold post-its: every lane but the rating lanes."""
    return [lane for lane in journey.lanes if lane.kind is not LaneKind.RATING]


def wall_order(journey: Journey) -> list[Step]:
    """The steps as the wall shows them: phase by phase, column by column, top to bottom.

    A step's number in the workbook is its place in this list, from 1.
    """
    lanes = step_lanes(journey)
    out: list[Step] = []
    for phase in journey.phases:
        for column in _columns(journey, phase):
            for lane in lanes:
                out.extend(s for s in column if s.lane == lane.id)
    return out


def _votes(rating: Rating | None) -> Value:
    if rating is None:
        return None
    if len(rating.votes) == 1:
        return rating.votes[0]
    return " ".join(str(v) for v in rating.votes)


def _keep_perspectives(ratings: tuple[Rating, ...], old: Step) -> tuple[Rating, ...]:
    """*ratings* read from the wall, each the file's own where its votes are the same: the
    wall shows votes, not whose they are, so the file keeps who gave them."""
    kept = []
    for rating in ratings:
        before = old.rating(rating.scale)
        kept.append(before if before is not None and before.votes == rating.votes else rating)
    return tuple(kept)


def wall_grid(journey: Journey, *, blank_columns: int = 0) -> WallGrid:
    """The wall of *journey* as a grid; *blank_columns* empty columns are added to each
    phase (and, without phases, that many columns for phases still to be named)."""
    lang = journey.language
    lanes = step_lanes(journey)
    header: list[Value] = [words.text("capture.row.phase", lang)]
    goals: list[Value] = [words.text("export.goal_per_phase", lang)]
    leads: list[Value] = [words.text("export.lead_time", lang)]
    lane_rows: list[list[Value]] = [[lane.name] for lane in lanes]
    rating_rows: list[list[Value]] = [[scale_label(s)] for s in journey.scales]
    notes: list[Value] = [words.text("capture.row.notes", lang)]
    spans = []
    blocks: list[tuple[Phase | None, list[list[Step]]]] = [
        (phase, _columns(journey, phase)) for phase in journey.phases
    ]
    if not blocks:
        blocks = [(None, [])]
    for phase, columns in blocks:
        if phase is not None and columns == [[]] and blank_columns:
            columns = []
        columns = columns + [[] for _ in range(blank_columns)]
        start = len(header)
        spans.append((start, start + len(columns) - 1))
        for i, column in enumerate(columns):
            first = i == 0 and phase is not None
            header.append(phase.name if first and phase else None)
            goals.append(phase.goal if first and phase else None)
            lead = phase.lead_time if first and phase else None
            leads.append(lead.text(lang) if lead is not None else None)
            for lane, row in zip(lanes, lane_rows, strict=True):
                lines = [
                    (MOMENT + " " if s.moment_of_truth else "") + s.title
                    for s in column
                    if s.lane == lane.id
                ]
                row.append("\n".join(lines) or None)
            owner = column[0] if column else None
            for scale, row in zip(journey.scales, rating_rows, strict=True):
                row.append(_votes(owner.rating(scale.id)) if owner else None)
            notes.append("\n".join(note_line(n) for n in owner.notes) or None if owner else None)
    rows = [header, goals, leads, *lane_rows, *rating_rows, notes]
    first_rating = 3 + len(lanes)
    return WallGrid(
        rows=rows,
        phase_spans=spans,
        rating_rows=[(first_rating + i, s) for i, s in enumerate(journey.scales)],
        notes_row=len(rows) - 1,
    )


# --- reading ------------------------------------------------------------------------------


def text_of(value: Value) -> str:
    """A cell's value as text, as the facilitator sees it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _lines(value: Value) -> list[str]:
    return [line.strip() for line in text_of(value).splitlines() if line.strip()]


_FLAGS = {
    **dict.fromkeys(("ja", "j", "yes", "y", "true", "waar", "x", "1", "✓"), True),
    **dict.fromkeys(("nee", "n", "no", "false", "onwaar", "0"), False),
}
_SCALE_LABEL = re.compile(r"^(.*) \((-?\d+)–(-?\d+)\)$")


@define
class GridReader:
    """Reads the wall and the tables of a workbook, collecting every problem at its cell.

    *base* is the journey being re-imported into: its phases, lanes, scales, steps,
    actions and insights keep their ids and every field the sheet does not show.
    """

    source: str | None
    base: Journey | None
    language: Language
    problems: list[Problem] = attrs.Factory(list)
    steps: list[Step] = attrs.Factory(list)
    lanes: list[Lane] = attrs.Factory(list)

    def problem(self, sheet: str, row: int, column: int, message: str, code: str) -> None:
        """Note a problem at a cell (0-based *row* and *column*)."""
        self.problems.append(
            Problem(
                code=code,
                message=f"{sheet}!{cell_name(row, column)}: {message}",
                source=self.source,
            )
        )

    def say(self, key: str, **values: object) -> str:
        """A message of the catalogue in the journey's language."""
        return words.text(key, self.language.value, **values)

    # -- the wall --

    def read_wall(self, sheet: str, rows: Sequence[Sequence[Value]]) -> tuple[Phase, ...]:
        """Read the wall's grid: phases and the steps (in :attr:`steps`), in wall order."""
        base = self.base
        lanes = list(base.lanes if base else default_lanes(self.language))
        scales = list(base.scales if base else default_scales(self.language))
        width = max((len(r) for r in rows), default=0)

        def at(r: int, c: int) -> Value:
            return rows[r][c] if r < len(rows) and c < len(rows[r]) else None

        # Phases: a name in the top row starts a phase.
        free_phases = list(base.phases) if base else []
        phase_ids: set[str] = set()
        phases: list[Phase] = []
        owner: list[int | None] = []  # per column, the index of its phase
        for c in range(1, width):
            name = text_of(at(0, c)).strip()
            if name:
                phase = _take_named(free_phases, name)
                if phase is None:
                    phase = Phase(
                        id=unique_id(slugify(name, fallback="fase"), phase_ids), name=name
                    )
                phase_ids.add(phase.id)
                phase = self._phase_cells(sheet, phase, at(1, c), at(2, c), c)
                phases.append(phase)
            owner.append(len(phases) - 1 if phases else None)
        # Rows: lanes, scales, the post-its row.
        free_lanes = list(lanes)
        kinds: list[tuple[str, Any]] = []
        for r in range(3, len(rows)):
            label = text_of(at(r, 0)).strip()
            content = any(text_of(v).strip() for v in list(rows[r])[1:])
            if not label:
                if content:
                    self.problem(sheet, r, 0, self.say("capture.no-lane"), "missing-value")
                kinds.append(("skip", None))
                continue
            if label.casefold() in {
                words.text("capture.row.notes", lang).casefold() for lang in ("nl", "en")
            }:
                kinds.append(("notes", None))
                continue
            match = _SCALE_LABEL.match(label)
            scale = next((s for s in scales if scale_label(s).strip() == label), None)
            scale = scale or next(
                (s for s in scales if match and s.name.strip() == match.group(1)), None
            )
            scale = scale or next((s for s in scales if label in (s.name, s.id)), None)
            if scale is not None and (match or not any(la.name == label for la in free_lanes)):
                kinds.append(("scale", scale))
                continue
            lane = _take_named(free_lanes, label)
            if lane is None:
                lane = next(
                    (la for la in lanes if la.name.casefold() == label.casefold()), None
                ) or _template_lane(label, lanes)
            if lane is None:
                taken = {la.id for la in lanes}
                lane = Lane(id=unique_id(slugify(label, fallback="baan"), taken), name=label)
                lanes.append(lane)
            kinds.append(("lane", lane))
        self.lanes = lanes
        # Columns: post-its, and what belongs to a column's first one.
        free_steps: dict[tuple[str, str, str], list[Step]] = {}
        for step in base.steps if base else ():
            free_steps.setdefault((step.phase, step.lane, step.title.strip()), []).append(step)
        step_ids = {s.id for s in base.steps} if base else set()
        for c in range(1, width):
            index = owner[c - 1]
            posts: list[tuple[Lane, str, bool]] = []
            extras: list[tuple[int, str, Any]] = []
            for r, (kind, thing) in enumerate(kinds, start=3):
                value = at(r, c)
                if kind == "lane":
                    for line in _lines(value):
                        moment = line.startswith(MOMENT)
                        title = line[len(MOMENT) :].strip() if moment else line
                        posts.append((thing, title, moment))
                elif kind in ("scale", "notes") and text_of(value).strip():
                    extras.append((r, kind, thing))
            if index is None:
                if posts or extras:
                    self.problem(sheet, 0, c, self.say("capture.no-phase"), "no-phase")
                continue
            phase = phases[index]
            ratings: list[Rating] = []
            notes: list[Note] = []
            for r, kind, thing in extras:
                if not posts:
                    what = thing.name if kind == "scale" else self.say("capture.row.notes")
                    self.problem(sheet, r, c, self.say("capture.no-step", what=what), "no-step")
                elif kind == "scale":
                    votes = self.votes(sheet, r, c, at(r, c), thing)
                    if votes:
                        ratings.append(Rating(thing.id, votes))
                else:
                    notes.extend(self.notes(sheet, r, c, at(r, c)))
            for i, (lane, title, moment) in enumerate(posts):
                old = _take(free_steps.get((phase.id, lane.id, title), []), lambda _s: True)
                fields: dict[str, Any] = {
                    "title": title,
                    "phase": phase.id,
                    "lane": lane.id,
                    "moment_of_truth": moment,
                    "ratings": tuple(ratings) if i == 0 else (),
                    "notes": tuple(notes) if i == 0 else (),
                }
                if old is not None:
                    fields["title"] = old.title  # the same but for spaces around it
                    fields["ratings"] = _keep_perspectives(fields["ratings"], old)
                    self.steps.append(attrs.evolve(old, **fields))
                else:
                    new_id = unique_id(slugify(title, fallback="stap"), step_ids)
                    step_ids.add(new_id)
                    self.steps.append(Step(id=new_id, **fields))
        return tuple(phases)

    def _phase_cells(self, sheet: str, phase: Phase, goal: Value, lead: Value, c: int) -> Phase:
        from klantreis.serialize import parse_duration

        lead_time = None
        if text_of(lead).strip():
            try:
                lead_time = parse_duration(text_of(lead).strip())
            except ValueError:
                self.problem(
                    sheet,
                    2,
                    c,
                    self.say("capture.bad-duration", value=text_of(lead)),
                    "bad-duration",
                )
        return attrs.evolve(phase, goal=text_of(goal).strip() or None, lead_time=lead_time)

    def votes(self, sheet: str, r: int, c: int, value: Value, scale: Scale) -> tuple[int, ...]:
        """The votes in a rating cell: ``4``, ``2 3 2``, or a scale's label (``slecht``)."""
        out = []
        labels = {label.casefold(): scale.minimum + i for i, label in enumerate(scale.labels)}
        text = text_of(value).strip()
        numbers = re.fullmatch(r"-?\d+([\s,;]+-?\d+)*", text)
        parts = re.split(r"[\s,;]+", text) if numbers or text.casefold() not in labels else [text]
        for part in parts:  # a number is a number, even where a label reads like one
            vote = int(part) if re.fullmatch(r"-?\d+", part) else labels.get(part.casefold())
            if vote is None or not scale.minimum <= vote <= scale.maximum:
                message = self.say(
                    "capture.not-a-score",
                    scale=scale.name.lower(),
                    value=part,
                    low=scale.minimum,
                    high=scale.maximum,
                )
                self.problem(sheet, r, c, message, "bad-rating")
                continue
            out.append(vote)
        return tuple(out)

    def notes(self, sheet: str, r: int, c: int, value: Value) -> list[Note]:
        """The post-its of a cell, one per line: ``? vraag (auteur)``."""
        out = []
        for line in _lines(value):
            note = parse_note_line(line)
            if note is None:
                self.problem(sheet, r, c, self.say("capture.no-mark", line=line[:40]), "bad-note")
            else:
                out.append(note)
        return out

    # -- cells of the tables --

    def step_refs(self, sheet: str, r: int, c: int, value: Value) -> tuple[str, ...]:
        """Steps named by title or number (one per line, or separated by ``;``)."""
        out: list[str] = []
        for ref in re.split(r"[;\n]", text_of(value)):
            ref = ref.strip()
            if not ref:
                continue
            found = []
            if re.fullmatch(r"#\d+", ref):
                n = int(ref[1:])
                found = [self.steps[n - 1]] if 1 <= n <= len(self.steps) else []
            found = (
                found
                or [s for s in self.steps if s.title == ref]
                or [s for s in self.steps if s.title.casefold() == ref.casefold()]
            )
            if len(found) > 1:
                numbers = ", ".join(str(self.steps.index(s) + 1) for s in found)
                message = self.say("capture.ambiguous-step", ref=ref, numbers=numbers)
                self.problem(sheet, r, c, message, "ambiguous-step")
                continue
            if not found and re.fullmatch(r"\d+", ref):
                n = int(ref)
                found = [self.steps[n - 1]] if 1 <= n <= len(self.steps) else []
            if not found:
                found = [s for s in self.steps if s.id == ref]
            if not found:
                self.problem(sheet, r, c, self.say("capture.unknown-step", ref=ref), "unknown-step")
                continue
            if found[0].id not in out:
                out.append(found[0].id)
        return tuple(out)

    def choice(self, sheet: str, r: int, c: int, value: Value, choices: Iterable[Any]) -> Any:
        """An enumeration's member by its value or its Dutch or English label."""
        text = text_of(value).strip().casefold()
        if not text:
            return None
        names: dict[str, Any] = {}
        for member in choices:
            names[member.value.casefold()] = member
            for lang in ("nl", "en"):
                names[words.text(member, lang).casefold()] = member
        if text in names:
            return names[text]
        shown = ", ".join(words.text(m, self.language.value) for m in choices)
        self.problem(
            sheet,
            r,
            c,
            self.say("capture.bad-choice", value=text_of(value), choices=shown),
            "bad-value",
        )
        return None

    def flag(self, sheet: str, r: int, c: int, value: Value) -> bool | None:
        """``ja``/``nee`` (or yes/no, x, true/false); empty is ``None``."""
        if isinstance(value, bool):
            return value
        text = text_of(value).strip().casefold()
        if not text:
            return None
        if text in _FLAGS:
            return _FLAGS[text]
        self.problem(sheet, r, c, self.say("capture.bad-flag", value=text_of(value)), "bad-value")
        return None

    def date(self, sheet: str, r: int, c: int, value: Value) -> dt.date | None:
        """A date cell, or a date written ``2026-05-31`` or ``31-5-2026``."""
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = text_of(value).strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
        if match:
            try:
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
        self.problem(sheet, r, c, self.say("capture.bad-date", value=text), "bad-date")
        return None


def _take(items: list[Any], wanted: Callable[[Any], bool]) -> Any:
    """Remove and return the first of *items* that is *wanted*, or ``None``."""
    for i, item in enumerate(items):
        if wanted(item):
            return items.pop(i)
    return None


def _take_named(items: list[Any], name: str) -> Any:
    """Remove and return the first of *items* called *name* (spaces around it aside)."""
    return _take(items, lambda item: bool(item.name.strip() == name))


def unique_id(base_id: str, taken: set[str]) -> str:
    """*base_id*, or with ``-2``, ``-3`` ... behind it when it is *taken*."""
    candidate, n = base_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{base_id}-{n}"
    return candidate


def _template_lane(label: str, lanes: list[Lane]) -> Lane | None:
    """A lane of the journey named *label* in the other language of the seed's template."""
    ids = {lane.id for lane in lanes}
    for lang in Language:
        for lane in default_lanes(lang):
            if lane.name.casefold() == label.casefold() and lane.id in ids:
                return next(la for la in lanes if la.id == lane.id)
    return None


ACTION_COLUMNS: tuple[str, ...] = (
    "action",
    "description",
    "scope",
    "theme",
    "mandate",
    "tomorrow",
    "owner",
    "due",
    "status",
    "targets",
    "ideas",
    "effect",
)
"""The columns of the actions sheet, in order (their headings: ``capture.col.<name>``)."""

INSIGHT_COLUMNS: tuple[str, ...] = (
    "insight",
    "author",
    "date",
    "steps",
    "discussed",
    "discussed_on",
)
"""The columns of the insights sheet, in order."""


def numbered_refs(journey: Journey, ids: Sequence[str]) -> str:
    """Steps named for a cell: by title when it is unique, else by number in wall order."""
    order = wall_order(journey)
    titles: dict[str, int] = {}
    for step in order:
        titles[step.title] = titles.get(step.title, 0) + 1
    out = []
    for step_id in ids:
        index = next((i for i, s in enumerate(order) if s.id == step_id), None)
        if index is None:
            continue
        step = order[index]
        plain = titles[step.title] == 1 and not re.fullmatch(r"#\d+", step.title)
        plain = plain and ";" not in step.title
        out.append(step.title if plain else f"#{index + 1}")
    return "\n".join(out)
