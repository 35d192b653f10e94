"""The CSV exporter, in two layouts, and :func:`read_tidy_csv`, which reads one back.

``layout=tidy`` (the default) writes one row per step with every field of the step
and of its phase, lane and actor: the table for spreadsheets and pandas, and the
one a facilitator can type the wall into and load with :func:`read_tidy_csv`.
Phases without steps get a row of their own with the step columns left empty.

``layout=grid`` writes the brown paper as it hangs on the wall, the grid of the
fill-in workbook's *Wand* sheet that ``klantreis import`` reads back: the phases as
columns (a phase owns the columns up to the next name), a row for the goal and the
lead time of each phase, then the lanes as rows with the titles of their post-its
(one per line, ``★`` for a moment of truth), a row per scale with the votes of each
column's first post-it, and a row of post-its (``? vraag (auteur)``).

``excel=true`` makes a file that Dutch-locale Excel opens as it should: UTF-8 with
a byte-order mark, ``;`` between cells and a decimal comma (``2,5``). Any cell that
a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a
tab, a carriage return or a line feed, the OWASP list) gets a ``'`` in front, and
so does a cell that already starts with ``'`` before such a character;
:func:`read_tidy_csv` takes one ``'`` off only there, so ``'s-Hertogenbosch``
stays as it is both ways. Control characters never reach a cell, and a cell longer
than the 32,767 characters Excel keeps is an :class:`~klantreis.ExportWarning`.

In the tidy layout a cell that holds a list (pain points, boundaries, post-its)
has one item per line; when an item would be ambiguous that way (it holds a line
break, is empty or starts with ``[``), the cell holds a JSON list instead. Post-its
are written as people write them on paper: ``? vraag (auteur)``, ``! bezwaar →
suggestie (auteur)``, ``+ aanvulling``; only a post-it that would read back
differently that way (a line break in it, brackets at the end) makes the cell a
JSON list of objects in the file format's shape.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Literal

import attrs
from attrs import frozen

from klantreis import words
from klantreis._files import reading
from klantreis.errors import ExportWarning, LoadError, Problem, Report, ValidationError
from klantreis.exporters.base import Exporter, option
from klantreis.exporters.common import (
    neutralise,
    strip_controls,
    unneutralise,
)
from klantreis.hookspecs import hookimpl
from klantreis.model import (
    Actor,
    Channel,
    Duration,
    Journey,
    Judgement,
    Lane,
    LaneKind,
    Language,
    Note,
    NoteKind,
    PainPoints,
    Perspective,
    Phase,
    Quality,
    Rating,
    Scale,
    Step,
    SystemBoundary,
    slugify,
)
from klantreis.notes import note_line, parse_note_line
from klantreis.templates import default_lanes, default_perspectives, default_scales

__all__ = [
    "CSV_CHUNK_ROWS",
    "TIDY_COLUMNS",
    "CsvOptions",
    "iter_csv",
    "klantreis_register_exporters",
    "neutralise",
    "read_tidy_csv",
    "render_csv",
    "unneutralise",
]


def _check_delimiter(_instance: Any, _attribute: Any, value: str | None) -> None:
    if value is not None and value not in (",", ";", "\t", "|"):
        raise ValueError(f"{value!r} is not one of ',', ';', '|' or a tab")


@frozen
class CsvOptions:
    """Options of the CSV exporter."""

    layout: Literal["tidy", "grid"] = option(
        "tidy", help="tidy: one row per step (spreadsheets, pandas); grid: the wall"
    )
    excel: bool = option(
        False,
        help="for Dutch-locale Excel: UTF-8 with a byte-order mark, ';' between cells, "
        "a decimal comma",
    )
    delimiter: str | None = attrs.field(
        default=None,
        validator=_check_delimiter,
        metadata={
            "help": "the cell separator: ',' (default), ';' (default with excel), '|' or a tab"
        },
    )


TIDY_COLUMNS: tuple[str, ...] = (
    "phase_id",
    "phase",
    "phase_goal",
    "phase_lead_time",
    "phase_description",
    "lane_id",
    "lane",
    "lane_kind",
    "step_id",
    "title",
    "description",
    "actor_id",
    "actor",
    "channels",
    "duration",
    "moment_of_truth",
    # one "rating:<scale id>" column per scale goes here
    "pain_points_client",
    "pain_points_professional",
    "pain_points_tags",
    "quality_knowledge",
    "quality_attitude",
    "quality_skills",
    "quality_client_focus",
    "quality_comment",
    "boundaries",
    "notes",
)
"""The columns of the tidy layout, in order; ``rating:<scale id>`` columns follow
``moment_of_truth``, one per scale of the journey."""

_RATING = "rating:"
EXCEL_CELL_LIMIT = 32_767
"""The most characters Excel keeps in one cell."""


def _cell(value: str) -> str:
    """Any cell as it goes into the file: no control characters, no formula."""
    return neutralise(strip_controls(value))


# --- encoding cells ------------------------------------------------------------------


def _ambiguous(item: str) -> bool:
    return item == "" or "\n" in item or "\r" in item or item.startswith(("[", "{"))


def _encode_list(items: Sequence[str]) -> str:
    if not items:
        return ""
    if any(_ambiguous(i) for i in items):
        return json.dumps(list(items), ensure_ascii=False)
    return "\n".join(items)


def _encode_notes(notes: Sequence[Note]) -> str:
    if not notes:
        return ""
    lines = [note_line(n) for n in notes]
    if all("\n" not in line and "\r" not in line for line in lines) and all(
        parse_note_line(line) == note for line, note in zip(lines, notes, strict=True)
    ):  # a tagged post-it has no line form (parse_note_line gives it no tags)
        return "\n".join(lines)
    data = []
    for n in notes:
        item: dict[str, str | list[str]] = {n.kind.value: n.text}
        if n.author is not None:
            item["author"] = n.author
        if n.suggestion is not None:
            item["suggestion"] = n.suggestion
        if n.tags:
            item["tags"] = list(n.tags)
        data.append(item)
    return json.dumps(data, ensure_ascii=False)


def _encode_boundaries(boundaries: Sequence[SystemBoundary]) -> str:
    if not boundaries:
        return ""
    if all(b.reason is None and b.options is None for b in boundaries):
        texts = [b.text for b in boundaries]
        if not any(_ambiguous(t) for t in texts):
            return "\n".join(texts)
    data = []
    for b in boundaries:
        item = {"text": b.text}
        if b.reason is not None:
            item["reason"] = b.reason
        if b.options is not None:
            item["options"] = b.options
        data.append(item)
    return json.dumps(data, ensure_ascii=False)


def _text(value: str | None) -> str:
    return value or ""


_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")


def _decimals(text: str, comma: bool) -> str:
    """The decimal separators of a number's text as the CSV profile wants them."""
    return _DECIMAL.sub("," if comma else ".", text)


def _tidy_rows(journey: Journey, comma: bool) -> Iterator[list[str]]:
    lang = journey.language
    scales = [s.id for s in journey.scales]
    yield [*TIDY_COLUMNS[:16], *(_RATING + s for s in scales), *TIDY_COLUMNS[16:]]
    lanes = {lane.id: lane for lane in journey.lanes}
    lane_order = {lane.id: i for i, lane in enumerate(journey.lanes)}
    actors = {a.id: a for a in journey.actors}
    phase_ids = [p.id for p in journey.phases]
    by_phase: dict[str, list[Step]] = {p: [] for p in phase_ids}
    strays: list[Step] = []
    for step in journey.steps:
        by_phase.get(step.phase, strays).append(step)

    def phase_cells(phase: Phase | None, phase_id: str) -> list[str]:
        if phase is None:
            return [_text(phase_id), "", "", "", ""]
        return [
            _text(phase.id),
            _text(phase.name),
            _text(phase.goal),
            _decimals(phase.lead_time.text(lang), comma) if phase.lead_time else "",
            _text(phase.description),
        ]

    for phase in journey.phases:
        steps = sorted(by_phase[phase.id], key=lambda s: lane_order.get(s.lane, len(lane_order)))
        if not steps:
            yield phase_cells(phase, phase.id) + [""] * (len(TIDY_COLUMNS) - 5 + len(scales))
        for step in steps:
            yield phase_cells(phase, phase.id) + _step_cells(
                step, lanes, actors, scales, comma, lang
            )
    for step in strays:
        yield phase_cells(None, step.phase) + _step_cells(step, lanes, actors, scales, comma, lang)


def _step_cells(
    step: Step,
    lanes: dict[str, Lane],
    actors: dict[str, Actor],
    scales: list[str],
    comma: bool,
    lang: Language,
) -> list[str]:
    lane = lanes.get(step.lane)
    actor = actors.get(step.actor) if step.actor else None
    q = step.quality
    return [
        _text(step.lane),
        _text(lane.name) if lane else "",
        lane.kind.value if lane else "",
        _text(step.id),
        _text(step.title),
        _text(step.description),
        _text(step.actor),
        _text(actor.name) if actor else "",
        ", ".join(c.value for c in step.channels),
        # in the journey's words ('3-5 weken'); the reader understands both languages
        _decimals(step.duration.text(lang), comma) if step.duration else "",
        "true" if step.moment_of_truth else "false",
        *(_votes(step.rating(s)) for s in scales),
        _text(_encode_list(step.pain_points.client)),
        _text(_encode_list(step.pain_points.professional)),
        _text(_encode_list(step.pain_points.tags)),
        q.knowledge.value if q.knowledge else "",
        q.attitude.value if q.attitude else "",
        q.skills.value if q.skills else "",
        q.client_focus.value if q.client_focus else "",
        _text(q.comment),
        _text(_encode_boundaries(step.boundaries)),
        _text(_encode_notes(step.notes)),
    ]


def _votes(rating: Rating | None) -> str:
    """``2 3``; votes with perspectives ``client: 2 3; medewerker: 4``."""
    if rating is None:
        return ""
    if rating.perspectives:
        return "; ".join(
            f"{p}: {' '.join(str(v) for v in votes)}"
            for p, votes in rating.by_perspective().items()
        )
    return " ".join(str(v) for v in rating.votes)


def grid_rows(journey: Journey, comma: bool, blank_columns: int = 0) -> Iterator[list[str]]:
    """The wall's grid as rows of cell text: the one layout ``klantreis import`` reads.

    The rows of :func:`klantreis.capture.wall.wall_grid` (the workbook's *Wand* sheet),
    with the lead times' decimal separator as the CSV profile wants it.
    """
    from klantreis.capture.wall import text_of, wall_grid  # the capture grid, both ways

    grid = wall_grid(journey, blank_columns=blank_columns)
    for r, row in enumerate(grid.rows):
        cells = [text_of(v) for v in row]
        yield [_decimals(c, comma) for c in cells] if r == _LEAD_ROW else cells


_LEAD_ROW = 2
"""The row of the phases' lead times in the grid."""


def render_csv(journey: Journey, options: CsvOptions, *, blank_columns: int = 0) -> str:
    """The CSV text of *journey* in the layout *options* ask for.

    *blank_columns* empty columns are added to each phase of the grid, for post-its
    still to come (``klantreis new --to csv``).
    """
    return "".join(iter_csv(journey, options, blank_columns=blank_columns))


CSV_CHUNK_ROWS = 200
"""How many rows :func:`iter_csv` gives at a time."""


def iter_csv(journey: Journey, options: CsvOptions, *, blank_columns: int = 0) -> Iterator[str]:
    """The CSV text of *journey*, :data:`CSV_CHUNK_ROWS` rows at a time (the exporter's render)."""
    delimiter = options.delimiter or (";" if options.excel else ",")
    out = io.StringIO()
    if options.excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    comma = options.excel
    rows = (
        _tidy_rows(journey, comma)
        if options.layout == "tidy"
        else grid_rows(journey, comma, blank_columns)
    )
    for number, row in enumerate(rows, start=1):
        cells = [_cell(c) for c in row]
        for column, cell in enumerate(cells):
            if len(cell) > EXCEL_CELL_LIMIT:
                warnings.warn(
                    ExportWarning(
                        f"CSV row {number}, column {column + 1}: {len(cell):,} characters; "
                        f"Excel keeps only the first {EXCEL_CELL_LIMIT:,} of a cell"
                    ),
                    stacklevel=2,
                )
        writer.writerow(cells)
        if number % CSV_CHUNK_ROWS == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    if out.tell():
        yield out.getvalue()


CSV = Exporter(
    name="csv",
    description="a table: one row per step (tidy), or the wall's grid (layout=grid)",
    suffix=".csv",
    media_type="text/csv",
    render=iter_csv,
    options=CsvOptions,
)


@hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the CSV exporter."""
    register(CSV)


# --- reading the tidy layout back -----------------------------------------------------

_ALIASES: dict[str, str] = {
    "fase": "phase",
    "fase_id": "phase_id",
    "doel": "phase_goal",
    "doel_per_fase": "phase_goal",
    "doorlooptijd": "phase_lead_time",
    "baan": "lane",
    "baan_id": "lane_id",
    "stap": "title",
    "stap_id": "step_id",
    "titel": "title",
    "step": "title",
    "beschrijving": "description",
    "betrokkene": "actor",
    "kanalen": "channels",
    "duur": "duration",
    "moment_van_de_waarheid": "moment_of_truth",
    "emotie": "rating:emotion",
    "emotion": "rating:emotion",
    "motivatie": "rating:motivation",
    "motivation": "rating:motivation",
    "knelpunten_client": "pain_points_client",
    "knelpunten_professional": "pain_points_professional",
    "knelpunten_labels": "pain_points_tags",
    "post-its": "notes",
    "notities": "notes",
    "grenzen": "boundaries",
}
_TRUE = frozenset({"true", "yes", "ja", "j", "y", "x", "1", "waar", "✓", "★"})
_FALSE = frozenset({"", "false", "no", "nee", "n", "0", "onwaar"})


def _column(name: str) -> str:
    key = re.sub(r"\s+", "_", name.strip().lstrip("\ufeff").casefold())
    key = key.replace("ë", "e")
    return _ALIASES.get(key, key)


def _enum_words(enum_class: type[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for member in enum_class:
        found[member.value.casefold()] = member
        for language in words.LANGUAGES:
            found[words.text(member, language).casefold()] = member
    return found


class _Reader:
    """Builds a journey from tidy rows, collecting every problem with its line."""

    def __init__(self, source: str | None, base: Journey | None, language: Language) -> None:
        self.source = source
        self.base = base
        self.language = language
        self.problems: list[Problem] = []
        self.line = 0
        self.channels = _enum_words(Channel)
        self.judgements = _enum_words(Judgement)
        self.lane_kinds = _enum_words(LaneKind)

    def problem(self, column: str, message: str, code: str = "bad-cell") -> None:
        self.problems.append(
            Problem(code=code, message=f"{column}: {message}", source=self.source, line=self.line)
        )

    def items(self, column: str, cell: str) -> list[Any]:
        if not cell:
            return []
        if cell.startswith(("[", "{")):
            try:
                value = json.loads(cell)
            except ValueError:
                pass
            else:
                return value if isinstance(value, list) else [value]
        return [line.rstrip("\r") for line in cell.split("\n") if line.rstrip("\r")]

    def strings(self, column: str, cell: str) -> tuple[str, ...]:
        out = []
        for item in self.items(column, cell):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem(column, f"expected text, got {json.dumps(item)[:40]}")
        return tuple(out)

    def notes(self, cell: str) -> tuple[Note, ...]:
        out = []
        kinds = {k.value: k for k in NoteKind}
        for item in self.items("notes", cell):
            if isinstance(item, str):
                note = parse_note_line(item)
                if note is None:
                    self.problem("notes", f"{item[:30]!r} does not start with ?, ! or +")
                    continue
                out.append(note)
            elif isinstance(item, dict):
                found = [k for k in item if k in kinds]
                values = [v for k, v in item.items() if k != "tags"]
                if len(found) != 1 or not all(isinstance(v, (str, type(None))) for v in values):
                    self.problem(
                        "notes", "a post-it needs exactly one of question, disagreement, addition"
                    )
                    continue
                tags = item.get("tags", [])
                if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                    self.problem("notes", "a post-it's tags must be a list of texts")
                    continue
                out.append(
                    Note(
                        kind=kinds[found[0]],
                        text=item[found[0]],
                        author=item.get("author"),
                        suggestion=item.get("suggestion"),
                        tags=tuple(tags),
                    )
                )
            else:
                self.problem("notes", "expected a post-it")
        return tuple(out)

    def boundaries(self, cell: str) -> tuple[SystemBoundary, ...]:
        out = []
        for item in self.items("boundaries", cell):
            if isinstance(item, str):
                out.append(SystemBoundary(text=item))
            elif (
                isinstance(item, dict)
                and isinstance(item.get("text"), str)
                and all(isinstance(item.get(k), (str, type(None))) for k in ("reason", "options"))
            ):
                out.append(
                    SystemBoundary(
                        text=item["text"], reason=item.get("reason"), options=item.get("options")
                    )
                )
            else:
                self.problem("boundaries", "expected a text or {text, reason, options}")
        return tuple(out)

    def duration(self, column: str, cell: str) -> Duration | None:
        if not cell.strip():
            return None
        from klantreis.serialize import parse_duration

        try:
            return parse_duration(cell)
        except ValueError as exc:
            self.problem(column, str(exc), "bad-duration")
            return None

    def flag(self, column: str, cell: str) -> bool:
        value = cell.strip().casefold()
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.problem(column, f"{cell!r} is not true or false")
        return False

    def choice(self, column: str, cell: str, words: dict[str, Any]) -> Any:
        value = cell.strip().casefold()
        if not value:
            return None
        if value not in words:
            shown = ", ".join(sorted({m.value for m in words.values()}))
            self.problem(column, f"{cell!r} is not one of: {shown}", "unknown-value")
        return words.get(value)

    def channel_list(self, cell: str) -> tuple[Channel, ...]:
        out: list[Channel] = []
        for part in re.split(r"[,;\n]", cell):
            channel = self.choice("channels", part, self.channels)
            if channel is not None and channel not in out:
                out.append(channel)
        return tuple(out)

    def rating(self, column: str, cell: str, scale: str) -> Rating | None:
        """The rating in *cell*: votes (``2 3``), or votes per perspective
        (``client: 2 3; medewerker: 4``)."""
        if ":" not in cell:
            votes = self.votes(column, cell)
            return Rating(scale, votes) if votes else None
        groups: dict[str, tuple[int, ...]] = {}
        for part in cell.split(";"):
            if not part.strip():
                continue
            who, _, given = part.partition(":")
            votes = self.votes(column, given) if ":" not in given else None
            if not who.strip() or who.strip() in groups or not votes:
                self.problem(
                    column,
                    f"{cell!r} is not votes per perspective, e.g. 'client: 2 3; medewerker: 4'",
                    "bad-rating",
                )
                return None
            groups[who.strip()] = votes
        return Rating.of(scale, groups) if groups else None

    def votes(self, column: str, cell: str) -> tuple[int, ...] | None:
        parts = [p for p in re.split(r"[\s,;]+", cell.strip()) if p]
        if not parts:
            return None
        try:
            return tuple(int(p) for p in parts)
        except ValueError:
            self.problem(column, f"{cell!r} is not a whole number (or several)", "bad-rating")
            return None


def read_tidy_csv(
    source: str | os.PathLike[str] | IO[str],
    *,
    base: Journey | None = None,
    title: str | None = None,
    language: Language | str | None = None,
) -> Journey:
    """Read a journey from a CSV file in the tidy layout (as written by the ``csv`` exporter).

    *source* is a path or an open text stream (open files with ``newline=""``). The
    separator (``,``, ``;``, tab or ``|``) is detected, a byte-order mark and the
    ``'`` in front of neutralised cells are taken off. Only ``phase`` (or
    ``phase_id``), ``lane`` (or ``lane_id``) and ``title`` are required; ids left
    out are derived from the names, and Dutch column names (``fase``, ``baan``,
    ``stap``, ``emotie`` ...) are understood.

    With *base*, the result is *base* with the steps of the file, and with the
    phases, lanes and actors of the file updated or added; without it, a new
    journey on the seed's template in *language* (default Dutch) titled *title*.

    Raises :class:`klantreis.ValidationError` listing every problem with its line.
    """
    name: str | None
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with reading(name), open(source, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    else:
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else None
        text = source.read()
    text = text.lstrip("\ufeff")
    lang = Language(language) if language is not None else (base.language if base else Language.NL)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t", "|"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    r = _Reader(name, base, lang)
    try:
        header = next(reader)
    except StopIteration:
        raise LoadError(Problem(code="empty", message="the file is empty", source=name)) from None
    except csv.Error as exc:
        raise LoadError(
            Problem(code="invalid-csv", message=f"invalid CSV: {exc}", source=name, line=1)
        ) from None
    columns = [_column(unneutralise(h)) for h in header]
    r.line = 1
    missing = [
        need
        for need, alternatives in (
            ("phase", ("phase", "phase_id")),
            ("lane", ("lane", "lane_id")),
            ("title", ("title",)),
        )
        if not any(a in columns for a in alternatives)
    ]
    if missing:
        r.problem("header", f"missing column(s): {', '.join(missing)}", "missing-column")
        raise ValidationError(Report(tuple(r.problems), name))
    rows: list[tuple[int, dict[str, str]]] = []
    line = 2
    try:
        for row in reader:
            start = line
            line = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            cells = {c: unneutralise(v) for c, v in zip(columns, row, strict=False) if c}
            rows.append((start, cells))
    except csv.Error as exc:  # e.g. a cell over the csv module's limit of 131,072 characters
        raise LoadError(
            Problem(code="invalid-csv", message=f"invalid CSV: {exc}", source=name, line=line)
        ) from None
    return _build(r, rows, columns, base, title, lang, name)


def _build(
    r: _Reader,
    rows: list[tuple[int, dict[str, str]]],
    columns: list[str],
    base: Journey | None,
    title: str | None,
    lang: Language,
    name: str | None,
) -> Journey:
    from klantreis.serialize.ids import unique_id  # the file format loads on first read

    phases: dict[str, Phase] = {p.id: p for p in base.phases} if base else {}
    lanes: dict[str, Lane] = {
        lane.id: lane for lane in (base.lanes if base else default_lanes(lang))
    }
    actors: dict[str, Actor] = {a.id: a for a in base.actors} if base else {}
    base_steps = {s.id: s for s in base.steps} if base else {}
    scales: dict[str, Scale] = {s.id: s for s in (base.scales if base else default_scales(lang))}
    phase_by_name = {p.name.casefold(): p.id for p in phases.values()}
    lane_by_name = {lane.name.casefold(): lane.id for lane in lanes.values()}
    for other in Language:
        for lane in default_lanes(other):
            if lane.id in lanes:
                lane_by_name.setdefault(lane.name.casefold(), lane.id)
    actor_by_name = {a.name.casefold(): a.id for a in actors.values()}
    rating_columns = [c for c in columns if c.startswith(_RATING)]
    votes_seen: dict[str, list[int]] = {}
    steps: list[Step] = []
    step_ids: dict[str, int] = {}
    file_values: dict[tuple[str, str], tuple[Any, int]] = {}
    for line, row in rows:
        r.line = line
        get = row.get
        phase_name = get("phase", "")
        phase_id = (
            get("phase_id", "")
            or phase_by_name.get(phase_name.casefold())
            or slugify(phase_name, fallback="phase")
        )
        if not (phase_name or get("phase_id")):
            r.problem("phase", "every row needs a phase", "missing-value")
            continue
        phases[phase_id] = _update(
            r,
            phases.get(phase_id) or Phase(id=phase_id, name=phase_name or phase_id),
            phase_id,
            file_values,
            {
                "name": phase_name or None,
                "goal": get("phase_goal") or None,
                "lead_time": r.duration("phase_lead_time", get("phase_lead_time", "")),
                "description": get("phase_description") or None,
            },
        )
        phase_by_name.setdefault(phases[phase_id].name.casefold(), phase_id)
        step_title = get("title", "")
        if not step_title and not get("step_id"):
            continue  # a row for a phase without steps
        lane_name = get("lane", "")
        lane_id = (
            get("lane_id", "")
            or lane_by_name.get(lane_name.casefold())
            or slugify(lane_name, fallback="lane")
        )
        if not (lane_name or get("lane_id")):
            r.problem("lane", "every step needs a lane", "missing-value")
            continue
        lanes[lane_id] = _update(
            r,
            lanes.get(lane_id) or Lane(id=lane_id, name=lane_name or lane_id),
            "lane " + lane_id,
            file_values,
            {
                "name": lane_name or None,
                "kind": r.choice("lane_kind", get("lane_kind", ""), r.lane_kinds),
            },
        )
        lane_by_name.setdefault(lanes[lane_id].name.casefold(), lane_id)
        actor_id: str | None = get("actor_id") or None
        actor_name = get("actor", "")
        if actor_id is None and actor_name:
            actor_id = actor_by_name.get(actor_name.casefold()) or slugify(
                actor_name, fallback="actor"
            )
        if actor_id is not None:
            old_actor = actors.get(actor_id)
            if old_actor is None or (actor_name and old_actor.name != actor_name):
                actors[actor_id] = (
                    attrs.evolve(old_actor, name=actor_name)
                    if old_actor
                    else Actor(id=actor_id, name=actor_name or actor_id)
                )
                actor_by_name.setdefault((actor_name or actor_id).casefold(), actor_id)
        step_id = get("step_id") or unique_id(slugify(step_title, fallback="step"), step_ids)
        if step_id in step_ids:
            r.problem(
                "step_id",
                f"the step id {step_id!r} is used before, on line {step_ids[step_id]}",
                "duplicate-id",
            )
            continue
        step_ids[step_id] = line
        ratings = []
        for column in rating_columns:
            scale_id = column[len(_RATING) :]
            rating = r.rating(column, get(column, ""), scale_id)
            if rating is not None:
                ratings.append(rating)
                votes_seen.setdefault(scale_id, []).extend(rating.votes)
        q = Quality(
            knowledge=r.choice("quality_knowledge", get("quality_knowledge", ""), r.judgements),
            attitude=r.choice("quality_attitude", get("quality_attitude", ""), r.judgements),
            skills=r.choice("quality_skills", get("quality_skills", ""), r.judgements),
            client_focus=r.choice(
                "quality_client_focus", get("quality_client_focus", ""), r.judgements
            ),
            comment=get("quality_comment") or None,
        )
        pains = {
            "client": r.strings("pain_points_client", get("pain_points_client", "")),
            "professional": r.strings(
                "pain_points_professional", get("pain_points_professional", "")
            ),
            "tags": r.strings("pain_points_tags", get("pain_points_tags", "")),
        }
        # What the table holds of a step; a step of *base* keeps the rest (its result,
        # indicators, sentiment ...), which no column carries.
        step_fields: dict[str, Any] = {
            "id": step_id,
            "title": step_title,
            "phase": phase_id,
            "lane": lane_id,
            "description": get("description") or None,
            "actor": actor_id,
            "channels": r.channel_list(get("channels", "")),
            "duration": r.duration("duration", get("duration", "")),
            "ratings": tuple(ratings),
            "moment_of_truth": r.flag("moment_of_truth", get("moment_of_truth", "")),
            "quality": q,
            "boundaries": r.boundaries(get("boundaries", "")),
            "notes": r.notes(get("notes", "")),
        }
        before = base_steps.get(step_id)
        if before is not None:
            step_fields["pain_points"] = attrs.evolve(before.pain_points, **pains)
            steps.append(attrs.evolve(before, **step_fields))
        else:
            steps.append(Step(pain_points=PainPoints(**pains), **step_fields))
    if r.problems:
        raise ValidationError(Report(tuple(r.problems), name))
    for column in rating_columns:
        scale_id, seen = column[len(_RATING) :], votes_seen.get(column[len(_RATING) :])
        if seen and scale_id not in scales:
            low, high = min(seen), max(seen)
            scales[scale_id] = Scale(
                id=scale_id, name=scale_id, minimum=low, maximum=max(high, low + 1)
            )
    fields: dict[str, Any] = {
        "phases": tuple(phases.values()),
        "lanes": tuple(lanes.values()),
        "actors": tuple(actors.values()),
        "scales": tuple(scales.values()),
        "steps": tuple(steps),
    }
    # A perspective the journey does not know yet is named by its id, as a new scale is.
    known = base.perspectives if base is not None else default_perspectives(lang)
    ids = {p.id for p in known}
    new = {p: None for s in steps for r_ in s.ratings for p in r_.perspectives if p not in ids}
    if new:
        fields["perspectives"] = (*known, *(Perspective(id=p, name=p) for p in new))
    if base is not None:
        journey = attrs.evolve(base, **fields)
    else:
        fallback = Path(name).stem if name else words.text("export.steps", lang)
        journey = Journey(title=title or fallback, language=lang, **fields)
    from klantreis.validation import validate

    report = validate(journey)
    if not report.ok:
        raise ValidationError(Report(report.problems, name))
    return journey


def _update(
    r: _Reader,
    item: Any,
    key: str,
    seen: dict[tuple[str, str], tuple[Any, int]],
    values: dict[str, Any],
) -> Any:
    """*item* with the non-empty *values* of a row; a value that contradicts an earlier
    row of the file is a problem (an empty cell means: as before)."""
    changes = {}
    for attribute, value in values.items():
        if value is None:
            continue
        earlier = seen.get((key, attribute))
        if earlier is not None and earlier[0] != value:
            r.problem(
                attribute,
                f"{key}: {value!r} differs from {earlier[0]!r} on line {earlier[1]}",
                "inconsistent",
            )
            continue
        seen[(key, attribute)] = (value, r.line)
        changes[attribute] = value
    return attrs.evolve(item, **changes) if changes else item
