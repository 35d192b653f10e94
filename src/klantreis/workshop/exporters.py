"""The facilitation guide (Markdown) and the wall template (a printable HTML poster).

``guide`` is the facilitator's script for one meeting: the agenda with times, the
checklists (room, materials, roles, preparation), the seed's programme of the day,
the four steps of the method with their questions and the four themes for
improvement actions, the homework of colleague validation, the help questions, and
the empty brown-paper grid of the journey's phases and lanes. It takes the meeting
from a workshop file (``-O workshop=PLAN.yaml``) or from the seed's template
(``-O meeting=2``).

``wall`` is that grid on its own, as an HTML page whose print CSS fills one A0 (or
A1 ... A4) sheet in landscape: print it, hang it up and stick the post-its on.

Every piece of text from a journey or a workshop is escaped (Markdown or HTML).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Literal

from attrs import frozen

from klantreis import words
from klantreis.errors import ExportError, KlantreisError, ValidationError
from klantreis.exporters.base import Exporter, option
from klantreis.exporters.common import (
    escape,
    markdown_table,
    markdown_with_code,
    strip_controls,
)
from klantreis.hookspecs import hookimpl
from klantreis.model import Journey, Lane, LaneKind, Scale
from klantreis.workshop.model import MeetingKind, Workshop
from klantreis.workshop.templates import (
    help_questions,
    method_guide,
    method_intro,
    programme,
    review_questions,
    workshop_template,
)

__all__ = [
    "GuideOptions",
    "WallOptions",
    "klantreis_register_exporters",
    "render_guide",
    "render_wall",
]


@frozen
class GuideOptions:
    """Options of the facilitation guide."""

    workshop: str | None = option(
        None, help="the workshop file (YAML or JSON) of the meeting; default: the seed's template"
    )
    meeting: Literal[1, 2, 3] = option(
        1, help="without a workshop file: the seed's template of meeting 1, 2 or 3 (follow-up)"
    )
    help_questions: bool = option(True, help="include the seed's help questions")
    wall: bool = option(True, help="include the empty grid of phases and lanes")
    blank_phases: int = option(5, help="columns of the grid when the journey has no phases yet")


@frozen
class WallOptions:
    """Options of the wall template."""

    paper: Literal["A0", "A1", "A2", "A3", "A4"] = option(
        "A0", help="the sheet to print on, in landscape"
    )
    blank_phases: int = option(5, help="columns when the journey has no phases yet")
    goals: bool = option(True, help="write the phases' goals in the 'goal per phase' row")


def _load_plan(journey: Journey, path: str | None, meeting: int) -> Workshop:
    if path is None:
        return workshop_template(meeting, journey.language)
    from klantreis.workshop.files import load_workshop

    try:
        return load_workshop(path)
    except ValidationError as exc:
        if any(p.path == () and p.code == "wrong-type" for p in exc.report.errors):
            # Not a workshop file at all (say /etc/passwd): name where, never quote it.
            raise ExportError(
                f"the workshop file cannot be used: {path}:1: not a workshop file "
                "(a YAML or JSON mapping, as `klantreis workshop new` writes one)"
            ) from None
        raise ExportError(f"the workshop file cannot be used: {exc}") from None
    except KlantreisError as exc:
        raise ExportError(f"the workshop file cannot be used: {exc}") from None


def _columns(journey: Journey, blank: int) -> list[tuple[str, str | None]]:
    """The grid's columns: each phase's name and goal, or numbered blank phases."""
    if journey.phases:
        return [(p.name, p.goal) for p in journey.phases]
    if not 1 <= blank <= 40:
        raise ExportError(f"blank_phases must lie between 1 and 40, not {blank}")
    phase = words.text("workshop.phase", journey.language)
    return [(f"{phase} {n}", None) for n in range(1, blank + 1)]


def _scale_text(scale: Scale | None) -> str:
    if scale is None:
        return ""
    points = [f"{v} {scale.label(v)}" if scale.label(v) else str(v) for v in scale.points]
    return " · ".join(points)


def _lane_note(journey: Journey, lane: Lane) -> str:
    """What a lane's header says besides its name: the scale of a rating lane."""
    if lane.kind is LaneKind.RATING and lane.scale is not None:
        return _scale_text(journey.scale(lane.scale))
    return ""


# --- the guide (Markdown) -------------------------------------------------------------


def _md(text: str | None) -> str:
    return escape(text) if text else ""


class _Guide:
    def __init__(self, journey: Journey, plan: Workshop, options: GuideOptions) -> None:
        self.j = journey
        self.plan = plan
        self.options = options
        self.lang = journey.language
        self.out: list[str] = []

    def w(self, key: str) -> str:
        return words.text(f"workshop.{key}", self.lang)

    def heading(self, level: int, text: str) -> None:
        self.out += ["#" * level + " " + text, ""]

    def bullets(self, items: Iterable[str], *, check: bool = False, ours: bool = False) -> None:
        mark = "- [ ] " if check else "- "
        text = markdown_with_code if ours else _md
        lines = [mark + text(item) for item in items if item]
        if lines:
            self.out += [*lines, ""]

    def render(self) -> str:
        plan = self.plan
        self.heading(1, f"{self.w('guide')}: {escape(plan.title, breaks=' ') or '&#8203;'}")
        self.facts()
        self.agenda()
        self.checklists()
        self.day()
        self.method()
        if plan.meeting is MeetingKind.SECOND:
            self.homework()
        if self.options.help_questions:
            self.help()
        if self.options.wall:
            self.wall()
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n"

    def facts(self) -> None:
        plan, rows = self.plan, []
        rows.append((self.w("journey"), _md(self.j.title)))
        rows.append((self.w("meeting"), _md(self.w(plan.meeting.value))))
        if plan.date is not None:
            rows.append((self.w("date"), words.date_text(plan.date, self.lang)))
        if plan.start is not None or plan.end is not None:
            when = f"{plan.start or '?'} – {plan.end or '?'}"
            if plan.available_minutes is not None and plan.available_minutes > 0:
                when += f" ({words.span_text(plan.available_minutes, self.lang)})"
            rows.append((self.w("time"), when))
        if plan.room:
            rows.append((self.w("room"), _md(plan.room)))
        if plan.participants is not None:
            rows.append((self.w("participants"), str(plan.participants)))
        self.out += markdown_table(["", ""], [(f"**{k}**", v) for k, v in rows])
        self.out.append("")
        todo = f"_{self.w('not_planned')}_"
        self.out += [
            f"**{self.w('objective')}:** {_md(plan.objective) or todo}",
            "",
            f"**{self.w('success')}:** {_md(plan.success) or todo}",
            "",
        ]
        if plan.description:
            self.out += [_md(plan.description), ""]

    def agenda(self) -> None:
        plan = self.plan
        self.heading(2, self.w("agenda"))
        if not plan.schedule:
            self.out += [f"_{self.w('not_planned')}_", ""]
            return
        guides = {g.step: g.name for g in method_guide(self.lang)}
        rows = []
        for i, activity in enumerate(plan.schedule):
            end = plan.activity_end(i)
            when = f"{activity.start} – {end}" if end is not None else str(activity.start)
            what = f"**{_md(activity.title)}**"
            if activity.description:
                what += "<br>" + _md(activity.description)
            step = _md(guides[activity.step]) if activity.step is not None else ""
            rows.append((when, what, step, _md(activity.lead)))
        header = [self.w("time"), self.w("activity"), self.w("step"), self.w("lead")]
        self.out += [*markdown_table(header, rows), ""]

    def checklists(self) -> None:
        plan = self.plan
        self.heading(2, self.w("checklists"))
        if plan.room:
            self.heading(3, self.w("room"))
            self.bullets([plan.room], check=True)
        if plan.materials:
            self.heading(3, self.w("materials"))
            self.bullets(plan.materials, check=True)
        if plan.roles:
            self.heading(3, self.w("roles"))
            lines = [f"- [ ] **{_md(r.role)}**: {_md(r.who) if r.who else '…'}" for r in plan.roles]
            self.out += [*lines, ""]
        if plan.preparation:
            self.heading(3, self.w("preparation"))
            self.bullets(plan.preparation, check=True)

    def day(self) -> None:
        sections = programme(self.plan.meeting, self.lang)
        self.heading(2, self.w("programme"))
        for section in sections:
            self.heading(3, markdown_with_code(section.title))
            if section.text:
                self.out += [markdown_with_code(section.text), ""]
            self.bullets(section.items, ours=True)

    def method(self) -> None:
        self.heading(2, self.w("method"))
        self.out += [markdown_with_code(method_intro(self.lang)), ""]
        for n, guide in enumerate(method_guide(self.lang), 1):
            title = f"{n}\\. {_md(guide.name)}"
            if guide.minutes:
                title += f" ({guide.minutes} {self.w('minutes')})"
            self.heading(3, title)
            self.out += [_md(guide.instruction), ""]
            self.bullets(guide.questions)
            if guide.themes:
                self.out += [f"{self.w('themes')}:", ""]
                self.bullets(guide.themes)

    def homework(self) -> None:
        texts = review_questions(self.lang)
        self.heading(2, self.w("homework"))
        self.out += [
            f"- {markdown_with_code(texts['right'])} {markdown_with_code(texts['missing'])}",
            f"- {markdown_with_code(texts['others'])}",
            f"    1. {markdown_with_code(texts['frictions'].split(' ', 1)[1])}",
            f"    2. {markdown_with_code(texts['hard_moments'].split(' ', 1)[1])}. "
            + markdown_with_code(texts["hard_moments_text"]),
            f"    3. {markdown_with_code(texts['moment_of_truth'].split(' ', 1)[1])}",
            "",
            markdown_with_code(texts["sheet"]),
            "",
        ]

    def help(self) -> None:
        self.heading(2, self.w("help"))
        self.out += [f"{n}. {_md(q)}" for n, q in enumerate(help_questions(self.lang), 1)]
        self.out.append("")

    def wall(self) -> None:
        j = self.j
        self.heading(2, self.w("wall"))
        self.out += [markdown_with_code(self.w("wall_intro")), ""]
        columns = _columns(j, self.options.blank_phases)
        objectives = [
            (self.w("objective_session"), j.objectives.session or self.plan.objective),
            (self.w("objective_client"), j.objectives.client),
            (self.w("objective_employee"), j.objectives.employee),
        ]
        self.out += [f"- **{k}:** {_md(v) or '…'}" for k, v in objectives]
        self.out.append("")
        header = [f"**{_md(self.w('phases'))}**", *(f"**{_md(name)}**" for name, _ in columns)]
        rows = [[f"_{self.w('goal_per_phase')}_", *(_md(goal) for _, goal in columns)]]
        for lane in j.lanes:
            head = f"**{_md(lane.name)}**"
            note = _lane_note(j, lane)
            if note:
                head += f"<br>_{_md(note)}_"
            rows.append([head, *("" for _ in columns)])
        self.out += [*markdown_table(header, rows), ""]


def render_guide(journey: Journey, options: GuideOptions) -> str:
    """The facilitation guide of a meeting about *journey*, in Markdown."""
    plan = _load_plan(journey, options.workshop, options.meeting)
    return _Guide(journey, plan, options).render()


# --- the wall (HTML) ------------------------------------------------------------------

_PAPER_MM: dict[str, tuple[int, int]] = {
    "A0": (1189, 841),
    "A1": (841, 594),
    "A2": (594, 420),
    "A3": (420, 297),
    "A4": (297, 210),
}
"""Width and height of each sheet in landscape, in millimetres."""


def _h(text: str | None) -> str:
    return html.escape(strip_controls(text or ""), quote=True).replace("\n", "<br>")


def render_wall(journey: Journey, options: WallOptions) -> str:
    """An empty brown paper of *journey*'s phases and lanes, as a printable HTML page."""
    width, height = _PAPER_MM[options.paper]
    scale = height / 841
    margin = round(12 * scale, 1)
    font = round(22 * scale, 1)  # points: readable from a few metres on A0
    columns = _columns(journey, options.blank_phases)
    lanes = journey.lanes
    header_mm = round(70 * scale)  # the title and the three objectives
    rows = len(lanes) + 2  # the phases, their goals and the lanes
    row_mm = max(10.0, round((height - 2 * margin - header_mm - 20 * scale) / rows, 1))
    lane_mm = round(min(width * 0.16, 190 * scale), 1)
    lang = journey.language
    w: Callable[[str], str] = lambda key: _h(words.text(f"workshop.{key}", lang))  # noqa: E731
    objectives = (
        (w("objective_session"), journey.objectives.session),
        (w("objective_client"), journey.objectives.client),
        (w("objective_employee"), journey.objectives.employee),
    )
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang.value}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_h(journey.title)} – {w('wall')}</title>",
        "<style>",
        f"@page {{ size: {options.paper} landscape; margin: {margin}mm; }}",
        "* { box-sizing: border-box; }",
        "html, body { margin: 0; padding: 0; }",
        "body { font-family: 'Helvetica Neue', Arial, sans-serif; color: #222; "
        f"font-size: {font}pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}",
        f".sheet {{ width: {width - 2 * margin}mm; height: {height - 2 * margin}mm; "
        "display: flex; flex-direction: column; }",
        f"h1 {{ font-size: {round(font * 1.6, 1)}pt; margin: 0 0 {round(4 * scale, 1)}mm 0; }}",
        f".objectives {{ display: flex; gap: {round(6 * scale, 1)}mm; "
        f"height: {header_mm - round(14 * scale)}mm; margin-bottom: {round(4 * scale, 1)}mm; }}",
        ".objectives div { flex: 1; border: 0.6mm solid #555; border-radius: 2mm; "
        f"padding: {round(3 * scale, 1)}mm; background: #fffbe6; overflow: hidden; }}",
        ".objectives b { display: block; }",
        "table { border-collapse: collapse; table-layout: fixed; width: 100%; flex: 1; }",
        f"th, td {{ border: 0.6mm solid #555; padding: {round(2.5 * scale, 1)}mm; "
        "vertical-align: top; text-align: left; overflow: hidden; }",
        f"th.lane {{ width: {lane_mm}mm; background: #f2efe8; }}",
        "th.lane small { display: block; font-weight: normal; font-size: 70%; color: #555; }",
        f"thead th {{ background: #e8e2d4; height: {row_mm}mm; }}",
        f"tbody tr {{ height: {row_mm}mm; }}",
        "tr.goals td { font-style: italic; color: #555; }",
        "@media screen { body { background: #ccc; } .sheet { background: #fff; margin: 1em; "
        "padding: 1em; } }",
        "</style>",
        "</head>",
        "<body>",
        '<div class="sheet">',
        f"<h1>{_h(journey.title)}</h1>",
        '<div class="objectives">',
        *(f"<div><b>{k}</b>{_h(v)}</div>" for k, v in objectives),
        "</div>",
        "<table>",
        "<thead>",
        f'<tr><th class="lane">{w("phases")}</th>'
        + "".join(f"<th>{_h(name)}</th>" for name, _ in columns)
        + "</tr>",
        "</thead>",
        "<tbody>",
        f'<tr class="goals"><th class="lane">{w("goal_per_phase")}</th>'
        + "".join(f"<td>{_h(goal) if options.goals else ''}</td>" for _, goal in columns)
        + "</tr>",
    ]
    for lane in lanes:
        note = _lane_note(journey, lane)
        small = f"<small>{_h(note)}</small>" if note else ""
        cells = "<td></td>" * len(columns)
        out.append(f'<tr><th class="lane">{_h(lane.name)}{small}</th>{cells}</tr>')
    out += ["</tbody>", "</table>", "</div>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


GUIDE = Exporter(
    name="guide",
    description="the facilitation guide of a meeting: agenda, checklists, method, wall grid",
    suffix=".md",
    media_type="text/markdown",
    render=render_guide,
    options=GuideOptions,
)

WALL = Exporter(
    name="wall",
    description="an empty brown paper of the phases and lanes to print on A0-A4 (HTML)",
    suffix=".html",
    media_type="text/html",
    render=render_wall,
    options=WallOptions,
)


@hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the facilitation guide and the wall template."""
    register(GUIDE)
    register(WALL)
