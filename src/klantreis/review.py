"""Review sheets: a colleague validates the journey, and signs it off.

The seed's homework after the second meeting is *valideren bij een collega*: ask a
colleague "is this right? what is missing?" for every phase and step, then about the
frictions and frustrations, the moments the client finds hard, and the moment of
truth. :func:`review_sheet` writes that sheet as Markdown (to read) or CSV (to fill
in); :func:`import_answers` brings a filled-in CSV back as ``?``/``!``/``+`` notes on
the steps the answers are about; :func:`sign_off` records who validated this
iteration, when, and a :func:`fingerprint` of what they saw, so that
``klantreis validate`` can warn once the content changes after the sign-off (the
sign-off itself is core: :mod:`klantreis.signoff`; it is re-exported here).
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Literal

import attrs
from attrs import frozen

from klantreis import words
from klantreis._files import reading
from klantreis.errors import LoadError, Problem, Report, ValidationError
from klantreis.exporters.common import (
    escape,
    goodness,
    markdown_table,
    markdown_with_code,
    neutralise,
    rating_text,
)
from klantreis.model import Journey, LaneKind, Note, NoteKind, Step
from klantreis.signoff import fingerprint, outdated_signoffs, sign_off
from klantreis.words import Message

__all__ = [
    "Answer",
    "apply_answers",
    "fingerprint",
    "import_answers",
    "outdated_signoffs",
    "read_answers",
    "review_rows",
    "review_sheet",
    "sign_off",
]

# --- the review sheet -------------------------------------------------------------------

_SECTIONS = ("step", "friction", "hard-moment", "moment-of-truth")
"""The parts of the sheet, by id; their names (the CSV's ``section`` column, and the
prefix of the notes made from answers in them) are ``review.section.*`` in
:mod:`klantreis.words`."""

_COLUMNS = (
    "step_id",
    "section",
    "phase",
    "lane",
    "step",
    "noted",
    "mark",
    "answer",
    "suggestion",
    "author",
)
"""The CSV's columns; their headers are ``review.column.*`` in :mod:`klantreis.words`."""


def __getattr__(name: str) -> object:
    # Kept for one minor version: the names live in klantreis.words now.
    if name == "SECTIONS":
        warnings.warn(
            "klantreis.review.SECTIONS is deprecated; use "
            "klantreis.words.text('review.section.' + part, language)",
            DeprecationWarning,
            stacklevel=2,
        )
        return {k: (_part_name(k, "nl"), _part_name(k, "en")) for k in _SECTIONS}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _part_name(part: str, language: str) -> str:
    return words.text(f"review.section.{part}", language)


def _column_name(key: str, language: str) -> str:
    return words.text(f"review.column.{key}", language)


_BLANK_ROWS = {"friction": 3, "hard-moment": 3, "moment-of-truth": 1}
"""Empty rows per section where a colleague adds what the wall does not show yet."""


def _ordered_steps(journey: Journey) -> list[Step]:
    """The steps as they hang on the wall: phase by phase, lane by lane (rating lanes hold none)."""
    phases = {p.id: n for n, p in enumerate(journey.phases)}
    lanes = {lane.id: n for n, lane in enumerate(journey.lanes)}
    order = {s.id: n for n, s in enumerate(journey.steps)}
    return sorted(
        journey.steps,
        key=lambda s: (
            phases.get(s.phase, len(phases)),
            lanes.get(s.lane, len(lanes)),
            order[s.id],
        ),
    )


def _hard(journey: Journey, step: Step) -> str | None:
    """Why *step* looks like a hard moment for the client, or ``None``.

    A rating in the worse half of its scale (emotion, motivation ...), or a post-it in
    the crucial-moments lane.
    """
    lane = journey.lane(step.lane)
    for rating in step.ratings:
        scale = journey.scale(rating.scale)
        if scale is not None and rating.votes and goodness(scale, rating.value) < 0.5:
            return f"{scale.name}: {rating_text(scale, rating, journey.language)}"
    if lane is not None and lane.kind is LaneKind.CRUCIAL_MOMENTS:
        return lane.name
    return None


def _pains(step: Step) -> str:
    return "\n".join((*step.pain_points.client, *step.pain_points.professional))


def review_rows(journey: Journey) -> Iterator[dict[str, str]]:
    """The rows of the review sheet, keyed by column (``step_id``, ``section`` ...).

    First every step, phase by phase ("is this right? what is missing?"), then the
    frictions (steps with pain points), the hard moments (steps rated in the worse
    half of a scale, or in the crucial-moments lane) and the moments of truth, each
    with a few empty rows for what the wall does not show yet.
    """
    lang = journey.language
    phases = {p.id: p.name for p in journey.phases}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    steps = _ordered_steps(journey)

    def row(section: str, step: Step | None, noted: str | None = None) -> dict[str, str]:
        cells = dict.fromkeys(_COLUMNS, "")
        cells["section"] = _part_name(section, lang)
        if step is not None:
            cells.update(
                step_id=step.id,
                phase=phases.get(step.phase, step.phase),
                lane=lanes.get(step.lane, step.lane),
                step=step.title,
                noted=noted if noted is not None else (step.description or ""),
            )
        return cells

    for step in steps:
        yield row("step", step)
    for step in steps:
        if step.pain_points:
            yield row("friction", step, _pains(step))
    for _ in range(_BLANK_ROWS["friction"]):
        yield row("friction", None)
    for step in steps:
        why = _hard(journey, step)
        if why is not None:
            yield row("hard-moment", step, why)
    for _ in range(_BLANK_ROWS["hard-moment"]):
        yield row("hard-moment", None)
    for step in steps:
        if step.moment_of_truth:
            yield row("moment-of-truth", step, step.description or "")
    for _ in range(_BLANK_ROWS["moment-of-truth"]):
        yield row("moment-of-truth", None)


def review_sheet(
    journey: Journey,
    format: Literal["markdown", "csv"] = "markdown",
    *,
    excel: bool = False,
) -> str:
    """The colleague-validation sheet of *journey*: Markdown to read, CSV to fill in.

    Both ask, for every phase and step, "is this right? what is missing?", then about
    the frictions and frustrations, the client's hard moments and the moment of
    truth, in the journey's language. In the CSV a colleague fills in ``mark``
    (``?`` a question, ``!`` a disagreement, ``+`` an addition, or empty),
    ``answer``, ``suggestion`` and their name; :func:`import_answers` brings the
    answers back. With *excel*, the CSV opens well in Dutch-locale Excel (a
    byte-order mark and ``;``).

    >>> import klantreis
    >>> journey = klantreis.load("examples/debt-counselling-en.yaml")
    >>> print(review_sheet(journey, "csv").splitlines()[0])
    step_id,section,phase,lane,step,on_the_wall,mark,answer,suggestion,name
    """
    if format == "csv":
        return _sheet_csv(journey, excel=excel)
    if format == "markdown":
        return _sheet_markdown(journey)
    raise ValueError(f"unknown format {format!r}; use 'markdown' or 'csv'")


def _sheet_csv(journey: Journey, *, excel: bool) -> str:
    lang = journey.language
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([_column_name(key, lang) for key in _COLUMNS])
    for cells in review_rows(journey):
        writer.writerow([neutralise(cells[key]) for key in _COLUMNS])
    return ("\ufeff" if excel else "") + out.getvalue()


def _sheet_markdown(journey: Journey) -> str:
    from klantreis.workshop.templates import review_questions

    lang = journey.language
    q = review_questions(lang)
    lanes = {lane.id: lane.name for lane in journey.lanes}

    def cell(text: str | None) -> str:
        return escape(text) if text else " "

    def step_cell(step: Step) -> str:
        text = f"**{cell(step.title)}** (`{step.id}`)" if "`" not in step.id else cell(step.title)
        if step.moment_of_truth:
            text = "★ " + text
        return text

    out = [f"# {escape(q['title'], breaks=' ')}: {escape(journey.title, breaks=' ')}", ""]
    if journey.iteration is not None:
        when = f" ({journey.iteration.date.isoformat()})" if journey.iteration.date else ""
        out += [f"_{cell(journey.iteration.label)}{when}_", ""]
    out += [escape(q["intro"]), "", markdown_with_code(q["marks"]), ""]
    steps = _ordered_steps(journey)
    header = [
        words.text("review.lane", lang),
        words.text("review.step", lang),
        escape(q["right"]),
        escape(q["missing"]),
    ]
    known = {p.id for p in journey.phases}
    for n, phase in enumerate(journey.phases, 1):
        out += [f"## {n}\\. {escape(phase.name, breaks=' ')}", ""]
        if phase.goal:
            out += [f"_{cell(phase.goal)}_", ""]
        in_phase = [s for s in steps if s.phase == phase.id]
        if not in_phase:
            out += [f"_{escape(q['right'])} {escape(q['missing'])}_", ""]
            continue
        rows = [
            [
                cell(lanes.get(s.lane, s.lane)),
                step_cell(s) + (f"<br>{cell(s.description)}" if s.description else ""),
                " ",
                " ",
            ]
            for s in in_phase
        ]
        out += [*markdown_table(header, rows), ""]
    strays = [s for s in steps if s.phase not in known]
    if strays:
        out += ["## ?", ""]
        rows = [[cell(lanes.get(s.lane, s.lane)), step_cell(s), " ", " "] for s in strays]
        out += [*markdown_table(header, rows), ""]

    out += [f"## {escape(q['others'], breaks=' ')}", ""]
    sections = (
        ("friction", q["frictions"], None, [(s, _pains(s)) for s in steps if s.pain_points]),
        (
            "hard-moment",
            q["hard_moments"],
            q["hard_moments_text"],
            [(s, why) for s in steps if (why := _hard(journey, s)) is not None],
        ),
        (
            "moment-of-truth",
            q["moment_of_truth"],
            None,
            [(s, s.description or "") for s in steps if s.moment_of_truth],
        ),
    )
    wall = words.text("review.on-the-wall", lang)
    addition = words.text("review.addition", lang)
    for _section, title, text, found in sections:
        number, rest = title.split(" ", 1)
        out += [f"### {number[:-1]}\\. {escape(rest, breaks=' ')}", ""]
        if text:
            out += [escape(text), ""]
        rows = [[step_cell(s), cell(noted), " "] for s, noted in found]
        rows += [[" ", " ", " "]] * 2
        out += [*markdown_table([escape(header[1]), wall, addition], rows), ""]
    out += [markdown_with_code(q["return"]), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# --- bringing the answers back ----------------------------------------------------------


@frozen(kw_only=True)
class Answer:
    """One filled-in row of a review sheet, and where it came from."""

    line: int
    step: str = ""
    """The step's id, or its title (for rows a colleague added)."""
    section: str = "step"
    mark: str = ""
    text: str = ""
    suggestion: str = ""
    author: str = ""


_MARKS: dict[str, NoteKind] = {}
for _kind, _words in {
    NoteKind.QUESTION: ("?", "vraag", "question", "q"),
    NoteKind.DISAGREEMENT: ("!", "oneens", "niet mee eens", "disagree", "disagreement"),
    NoteKind.ADDITION: ("+", "aanvulling", "addition", "add"),
}.items():
    for _word in _words:
        _MARKS[_word] = _kind
_OK = frozenset({"ok", "klopt", "✓", "v", "ja", "yes", "right", "correct"})


def _header_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for key in _COLUMNS:
        for name in (key, _column_name(key, "nl"), _column_name(key, "en")):
            keys[name.casefold()] = key
    keys["id"] = "step_id"
    keys["title"] = "step"
    keys["titel"] = "step"
    return keys


def _section_ids() -> dict[str, str]:
    ids: dict[str, str] = {}
    for key in _SECTIONS:
        for name in (key, _part_name(key, "nl"), _part_name(key, "en")):
            ids[name.casefold()] = key
    return ids


def read_answers(
    source: str | os.PathLike[str] | IO[str] | Iterable[Mapping[str, str]],
) -> list[Answer]:
    """The filled-in rows of a review sheet (CSV path, open text stream, or rows).

    Headers in Dutch or English are understood, the separator (``,``, ``;``, tab) is
    detected, a byte-order mark and the ``'`` a spreadsheet-safe cell starts with are
    taken off. Rows without an answer, a suggestion or a mark are left out.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with reading(name), open(source, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
        return _answers_from_text(text, name)
    if hasattr(source, "read"):
        return _answers_from_text(source.read())
    return _answers_from_rows((n, dict(r)) for n, r in enumerate(source, 2))


def _answers_from_text(text: str, name: str | None = None) -> list[Answer]:
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    try:
        header = next(reader)
        line = 2
        for cells in reader:
            start, line = line, reader.line_num + 1
            rows.append((start, dict(zip(header, cells, strict=False))))
    except StopIteration:
        return []
    except csv.Error as exc:  # e.g. a cell over the csv module's limit of 131,072 characters
        raise LoadError(
            Problem(code="invalid-csv", message=f"invalid CSV: {exc}", source=name, line=line)
        ) from None
    return _answers_from_rows(rows)


def _clean(value: str | None) -> str:
    text = (value or "").strip()
    return text[1:].strip() if text.startswith("'") else text


def _answers_from_rows(rows: Iterable[tuple[int, dict[str, str]]]) -> list[Answer]:
    keys = _header_keys()
    answers = []
    for line, raw in rows:
        cells = {keys.get(str(k).strip().casefold(), ""): _clean(v) for k, v in raw.items()}
        mark, text, suggestion = (
            cells.get("mark", ""),
            cells.get("answer", ""),
            cells.get("suggestion", ""),
        )
        if not (text or suggestion) and (not mark or mark.casefold() in _OK):
            continue
        answers.append(
            Answer(
                line=line,
                step=cells.get("step_id", "") or cells.get("step", ""),
                section=cells.get("section", "") or "step",
                mark=mark,
                text=text,
                suggestion=suggestion,
                author=cells.get("author", ""),
            )
        )
    return answers


def apply_answers(
    journey: Journey,
    answers: Iterable[Answer],
    *,
    author: str | None = None,
    source: str | None = None,
) -> tuple[Journey, Report]:
    """*journey* with *answers* added as notes on their steps, and the report.

    Each answer becomes a :class:`~klantreis.Note`: ``?`` a question, ``!`` a
    disagreement (with its suggestion), ``+`` or no mark an addition. An answer in
    the frictions, hard moments or moment-of-truth part starts with the part's name
    (``frictie: ...``). *author* is used for rows without a name. A note the step
    already has is not added again, so importing the same sheet twice changes
    nothing. Answers that name no step, or a step that does not exist, are errors
    located at their line; when there are errors the journey is returned unchanged.
    """
    lang = journey.language
    by_id = {s.id: s for s in journey.steps}
    by_title: dict[str, list[str]] = {}
    for s in journey.steps:
        by_title.setdefault(s.title.strip().casefold(), []).append(s.id)
    sections = _section_ids()
    problems: list[Problem] = []
    added: dict[str, list[Note]] = {}

    def problem(
        line: int, column: str, code: str, message: Message, hint: Message | None = None
    ) -> None:
        problems.append(
            Problem.told(
                code, message, hint, language=lang, path=(column,), line=line, source=source
            )
        )

    for answer in answers:
        step_id = answer.step
        if not step_id:
            problem(
                answer.line,
                "step_id",
                "no-step",
                Message("problem.answer-without-step"),
            )
            continue
        if step_id not in by_id:
            titled = by_title.get(step_id.casefold(), [])
            if len(titled) == 1:
                step_id = titled[0]
            else:
                close = difflib.get_close_matches(step_id, list(by_id), n=1, cutoff=0.6)
                problem(
                    answer.line,
                    "step_id",
                    "unknown-step",
                    Message(
                        "problem.ambiguous-answer-step"
                        if titled
                        else "problem.unknown-answer-step",
                        step=answer.step,
                    ),
                    Message("problem.did-you-mean", word=close[0]) if close else None,
                )
                continue
        kind = _MARKS.get(answer.mark.casefold()) if answer.mark else NoteKind.ADDITION
        if kind is None:
            problem(
                answer.line,
                "mark",
                "unknown-mark",
                Message("problem.unknown-mark", mark=answer.mark),
            )
            continue
        section = sections.get(answer.section.casefold())
        if section is None:
            problem(
                answer.line,
                "section",
                "unknown-section",
                Message(
                    "problem.unknown-section",
                    section=answer.section,
                    choices=", ".join(_part_name(part, lang) for part in _SECTIONS),
                ),
            )
            continue
        text = answer.text or answer.suggestion
        if section != "step":
            text = f"{_part_name(section, lang)}: {text}"
        suggestion = answer.suggestion if answer.text and answer.suggestion else None
        note = Note(
            kind=kind,
            text=text,
            author=answer.author or author or None,
            suggestion=suggestion,
        )
        existing = [*by_id[step_id].notes, *added.get(step_id, [])]
        if note not in existing:
            added.setdefault(step_id, []).append(note)
    report = Report(tuple(problems), source, language=lang)
    if problems:
        return journey, report
    steps = tuple(
        attrs.evolve(s, notes=(*s.notes, *added[s.id])) if s.id in added else s
        for s in journey.steps
    )
    return attrs.evolve(journey, steps=steps), report


def import_answers(
    journey: Journey,
    answers: str | os.PathLike[str] | IO[str] | Iterable[Mapping[str, str]],
    *,
    author: str | None = None,
) -> Journey:
    """*journey* with the answers of a filled-in review sheet as notes on their steps.

    *answers* is the CSV file written by :func:`review_sheet` (a path or an open
    stream) or its rows as mappings. Raises :class:`~klantreis.ValidationError` that
    lists every answer that could not be placed, with its line, and changes nothing
    then. See :func:`apply_answers`.

    >>> import klantreis
    >>> journey = klantreis.Journey(
    ...     title="x",
    ...     phases=[klantreis.Phase(name="Intake")],
    ...     steps=[klantreis.Step(title="Belt de gemeente", phase="intake", lane="client")],
    ... )
    >>> rows = [{"step_id": "belt-de-gemeente", "mark": "?", "answer": "Wie belt terug?",
    ...          "name": "Sanne"}]
    >>> note = import_answers(journey, rows).steps[0].notes[0]
    >>> note.kind.symbol, note.text, note.author
    ('?', 'Wie belt terug?', 'Sanne')
    """
    source = os.fspath(answers) if isinstance(answers, (str, os.PathLike)) else None
    result, report = apply_answers(journey, read_answers(answers), author=author, source=source)
    if report.errors:
        raise ValidationError(report)
    return result
