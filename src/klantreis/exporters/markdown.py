"""The Markdown exporter: a readable report of a journey to share on a forge or wiki.

Title, iteration, persona and objectives; an overview of the phases; per phase its
goal and lead time and a table of its steps by lane, with ratings and their labels,
pain points, moments of truth and the ``?``/``!``/``+`` post-its; the improvement
actions, split into what we can do ourselves and what needs others; the insights.

Every piece of text from the journey goes through :func:`escape`, so a pipe, a
newline, HTML or Markdown syntax in a step never breaks a table or the page. The
output is GitHub Flavored Markdown (tables, ``<br>`` line breaks), which GitLab
renders the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from attrs import frozen

from klantreis import words
from klantreis.aggregate import (
    over_norm,
    perspective_means,
    phase_mean,
    point_label,
    total_lead_time,
)
from klantreis.exporters.base import Exporter, option
from klantreis.exporters.common import (
    duration_text,
    emotion_scale,
    escape,
    markdown_table,
    number,
    rating_text,
)
from klantreis.hookspecs import hookimpl
from klantreis.model import (
    Duration,
    ImprovementAction,
    Indicator,
    Journey,
    LaneKind,
    Language,
    Rating,
    Scope,
    Step,
)

__all__ = [
    "MarkdownOptions",
    "escape",
    "iter_markdown",
    "klantreis_register_exporters",
    "render_markdown",
]


@frozen
class MarkdownOptions:
    """Options of the Markdown exporter."""

    heading_level: int = option(
        1, help="level of the title heading (1-4), to embed the report in a larger page"
    )
    notes: bool = option(True, help="include the ?/!/+ post-its")
    overview: bool = option(True, help="include the overview table of the phases")


def _cell(text: str | None) -> str:
    return escape(text) if text else ""


def _tags(tags: Iterable[str]) -> str:
    """Tags (``pain_points.tags``, a post-it's ``tags``) as one cell text."""
    return ", ".join(_cell(t) for t in tags)


def _join(parts: Iterable[str], sep: str = "<br>") -> str:
    return sep.join(p for p in parts if p)


class _Report:
    def __init__(self, journey: Journey, options: MarkdownOptions) -> None:
        self.j = journey
        self.lang: Language = journey.language
        self.options = options
        self.level = min(4, max(1, options.heading_level))
        self.steps_by_id = {s.id: s for s in journey.steps}
        self.actors = {a.id: a for a in journey.actors}
        self.lanes = {lane.id: lane for lane in journey.lanes}
        self.scales = {s.id: s for s in journey.scales}
        self.perspectives = {p.id: p.name for p in journey.perspectives}
        self.out: list[str] = []

    def w(self, key: str) -> str:
        return words.text(f"export.{key}", self.lang)

    def heading(self, depth: int, text: str) -> None:
        self.out += ["#" * min(6, self.level + depth) + " " + text, ""]

    def paragraph(self, text: str | None) -> None:
        if text:
            self.out += [escape(text), ""]

    def sections(self) -> Iterator[None]:
        """Add the report's lines to :attr:`out` a section at a time, pausing after each."""
        j = self.j
        self.heading(0, escape(j.title, breaks=" ") or "&#8203;")
        self.paragraph(j.description)
        self.facts()
        yield
        if self.options.overview and j.phases:
            self.overview()
            yield
        for number_, phase in enumerate(j.phases, 1):
            self.phase(number_, phase.id)
            yield
        self.unplaced()
        self.actions()
        yield
        self.insights()
        yield

    def chunks(self) -> Iterator[str]:
        """The report's text, a section at a time; blank lines at the very end left out."""
        for _ in self.sections():
            end = len(self.out)
            while end and self.out[end - 1] == "":
                end -= 1  # held back: they may be the last lines
            if end:
                yield "".join(line + "\n" for line in self.out[:end])
                del self.out[:end]

    def facts(self) -> None:
        j, rows = self.j, []
        if j.iteration is not None:
            when = f" ({j.iteration.date.isoformat()})" if j.iteration.date else ""
            rows.append((self.w("iteration"), _cell(j.iteration.label) + when))
        total = total_lead_time(j.phases)
        if total is not None or j.norm_lead_time is not None:
            rows.append((self.w("total_lead_time"), self.lead_time(total, j.norm_lead_time)))
        if j.iteration is not None:
            for key in ("tips", "tops"):
                if getattr(j.iteration, key):
                    rows.append((self.w(key), _join(_cell(t) for t in getattr(j.iteration, key))))
        needs = [
            f"{_cell(a.name)}: {', '.join(_cell(n) for n in a.needs)}" for a in j.actors if a.needs
        ]
        if needs:
            rows.append((self.w("needs"), _join(needs)))
        if j.persona is not None:
            p = j.persona
            text = f"{_cell(p.name)} ({words.text(p.role, self.lang)})"
            if p.description:
                text += " – " + _cell(p.description)
            rows.append((self.w("persona"), text))
        for key, value in (
            ("span_start", j.span.start),
            ("span_end", j.span.end),
            ("period", j.span.period),
            ("objective_session", j.objectives.session),
            ("objective_client", j.objectives.client),
            ("objective_employee", j.objectives.employee),
        ):
            if value:
                rows.append((self.w(key), _cell(value)))
        if rows:
            self.out += markdown_table(["", ""], [(f"**{k}**", v) for k, v in rows])
            self.out.append("")

    def overview(self) -> None:
        j = self.j
        scale = emotion_scale(j)
        header = ["#", self.w("phase"), self.w("goal"), self.w("lead_time"), self.w("steps")]
        if scale is not None:
            header.append(f"{_cell(scale.name)} ({self.w('mean')})")
        rows = []
        for n, phase in enumerate(j.phases, 1):
            steps = list(j.steps_in(phase=phase.id))
            row = [
                str(n),
                _cell(phase.name),
                _cell(phase.goal),
                self.lead_time(phase.lead_time, phase.norm_lead_time),
                str(len(steps)),
            ]
            if scale is not None:
                rated = [r for s in steps for r in s.ratings if r.scale == scale.id]
                mean = phase_mean(r.votes for r in rated)
                if mean is not None:
                    lbl = point_label(scale, mean)
                    cell = number(mean, self.lang) + (f" ({_cell(lbl)})" if lbl else "")
                    row.append(_join([cell, self.perspective_means(rated)]))
                else:
                    row.append("")
            rows.append(row)
        self.heading(1, self.w("overview"))
        self.out += markdown_table(header, rows)
        self.out.append("")
        self.scale_legend()

    def indicators(self, indicators: Iterable[Indicator]) -> str:
        """``wachttijd 42 dagen (2026-03-01, ECD) · no-show 12,5 %``."""
        shown = []
        for i in indicators:
            text = f"{_cell(i.name)} {number(i.value, self.lang)}"
            if i.unit:
                text += f" {_cell(i.unit)}"
            when = [i.date.isoformat() if i.date else "", _cell(i.source)]
            if any(when):
                text += f" ({', '.join(w for w in when if w)})"
            shown.append(text)
        return " · ".join(shown)

    def lead_time(self, lead: Duration | None, norm: Duration | None) -> str:
        """``5 weken (norm 4 weken) ⚠ boven de norm``; what is known of the two."""
        text = duration_text(lead, self.lang) if lead is not None else "–"
        if norm is None:
            return text if lead is not None else ""
        text += f" ({self.w('norm')} {duration_text(norm, self.lang)})"
        if lead is not None and over_norm(lead, norm):
            text += f" ⚠ **{self.w('over_norm')}**"
        return text

    def perspective_means(self, ratings: Iterable[Rating]) -> str:
        """``Cliënt 2,5 · Medewerker 4``: the means per perspective, where votes have one."""
        means = perspective_means(ratings)
        order = {p: i for i, p in enumerate(self.perspectives)}  # the journey's order
        return " · ".join(
            f"{_cell(self.perspectives.get(p, p))} {number(means[p], self.lang)}"
            for p in sorted(means, key=lambda p: order.get(p, len(order)))
        )

    def scale_legend(self) -> None:
        lines = []
        for scale in self.j.scales:
            points = ", ".join(
                f"{v} {_cell(scale.label(v))}" if scale.label(v) else str(v) for v in scale.points
            )
            lines.append(
                f"- **{_cell(scale.name)}**: {points} ({words.text(scale.direction, self.lang)})"
            )
        if lines:
            self.out += [*lines, ""]

    def phase(self, n: int, phase_id: str) -> None:
        phase = self.j.phase(phase_id)
        assert phase is not None
        self.heading(1, f"{n}\\. {escape(phase.name, breaks=' ')}")
        facts = []
        if phase.goal:
            facts.append(f"**{self.w('goal')}:** {_cell(phase.goal)}")
        if phase.lead_time or phase.norm_lead_time:
            lead = self.lead_time(phase.lead_time, phase.norm_lead_time)
            facts.append(f"**{self.w('lead_time')}:** {lead}")
        if phase.indicators:
            facts.append(f"**{self.w('indicators')}:** {self.indicators(phase.indicators)}")
        if facts:
            self.out += ["<br>\n".join(facts), ""]
        self.paragraph(phase.description)
        rows = []
        order = {lane.id: i for i, lane in enumerate(self.j.lanes)}
        steps = sorted(self.j.steps_in(phase=phase_id), key=lambda s: order.get(s.lane, len(order)))
        for step in steps:
            rows.append(self.step_row(step))
        if not rows:
            self.out += [f"_{self.w('no_steps')}_", ""]
            return
        header = [self.w("lane"), self.w("step"), self.w("ratings"), self.w("pain_points")]
        if self.options.notes:
            header.append(self.w("notes") + " (?, !, +)")
        self.out += markdown_table(header, rows)
        self.out.append("")

    def unplaced(self) -> None:
        known = {p.id for p in self.j.phases}
        strays = [s for s in self.j.steps if s.phase not in known]
        if not strays:
            return
        self.heading(1, self.w("steps") + " (?)")
        header = [self.w("lane"), self.w("step"), self.w("ratings"), self.w("pain_points")]
        if self.options.notes:
            header.append(self.w("notes") + " (?, !, +)")
        self.out += markdown_table(header, [self.step_row(s) for s in strays])
        self.out.append("")

    def step_row(self, step: Step) -> list[str]:
        lane = self.lanes.get(step.lane)
        lane_text = _cell(lane.name) if lane else _cell(step.lane)
        if lane is not None and lane.kind is LaneKind.ACTOR and lane.actor in self.actors:
            lane_text += f" ({_cell(self.actors[lane.actor].name)})"
        title = f"**{_cell(step.title)}**"
        if step.moment_of_truth:
            moment = self.w("moment_of_truth")
            if step.sentiment is not None:
                moment += f" ({words.text(step.sentiment, self.lang)})"
            title = f"⭐ {title}<br>_{moment}_"
        if step.keep:
            title += f"<br>✔ _{self.w('keep')}_"
        details = [title, _cell(step.description)]
        facts = []
        actor = self.actors.get(step.actor or "")
        if actor is not None:
            facts.append(_cell(actor.name))
        elif step.actor:
            facts.append(_cell(step.actor))
        if step.channels:
            facts.append(", ".join(words.text(c, self.lang) for c in step.channels))
        if step.duration is not None:
            facts.append(f"{self.w('duration')} {duration_text(step.duration, self.lang)}")
        details.append(" · ".join(facts))
        if step.result:
            details.append(f"_{self.w('result')}:_ {_cell(step.result)}")
        if step.indicators:
            details.append(f"_{self.w('indicators')}:_ {self.indicators(step.indicators)}")
        q = step.quality
        judged = [
            f"{self.w(key)} {words.text(value, self.lang)}"
            for key, value in (
                ("knowledge", q.knowledge),
                ("attitude", q.attitude),
                ("skills", q.skills),
                ("client_focus", q.client_focus),
            )
            if value is not None
        ]
        if judged or q.comment:
            details.append(
                f"_{self.w('quality')}:_ " + _join([", ".join(judged), _cell(q.comment)], " – ")
            )
        ratings = []
        for rating in step.ratings:
            scale = self.scales.get(rating.scale)
            name = _cell(scale.name) if scale else _cell(rating.scale)
            shown = rating_text(scale, rating, self.lang, self.perspectives)
            ratings.append(f"{name}: {_cell(shown)}")
        pains = [f"{self.w('pain_client')}: {_cell(p)}" for p in step.pain_points.client]
        pains += [
            f"{self.w('pain_professional')}: {_cell(p)}" for p in step.pain_points.professional
        ]
        pains += [
            f"{self.w('pain_organisation')}: {_cell(p)}" for p in step.pain_points.organisation
        ]
        if step.pain_points.tags:
            pains.append(f"{self.w('tags')}: {_tags(step.pain_points.tags)}")
        for boundary in step.boundaries:
            text = f"{self.w('boundaries')}: {_cell(boundary.text)}"
            if boundary.reason:
                text += f" ({self.w('why')}: {_cell(boundary.reason)})"
            if boundary.options:
                text += f" ({self.w('options')}: {_cell(boundary.options)})"
            pains.append(text)
        row = [lane_text, _join(details), _join(ratings), _join(pains)]
        if self.options.notes:
            notes = []
            for note in step.notes:
                text = f"**{note.kind.symbol}** {_cell(note.text)}"
                if note.suggestion:
                    text += f" → {self.w('suggestion')}: {_cell(note.suggestion)}"
                if note.author:
                    text += f" ({_cell(note.author)})"
                if note.tags:
                    text += f" · {self.w('tags')}: {_tags(note.tags)}"
                notes.append(text)
            row.append(_join(notes))
        return row

    def actions(self) -> None:
        j = self.j
        if not j.actions:
            return
        self.heading(1, self.w("actions"))
        for scope in Scope:
            actions = [a for a in j.actions if a.scope is scope]
            if not actions:
                continue
            self.heading(2, words.text(scope, self.lang))
            header = [
                self.w("action"),
                self.w("theme"),
                self.w("owner"),
                self.w("due"),
                self.w("status"),
                self.w("targets"),
                self.w("expected_effect"),
            ]
            self.out += markdown_table(header, [self.action_row(a) for a in actions])
            self.out.append("")

    def action_row(self, action: ImprovementAction) -> list[str]:
        title = _join([f"**{_cell(action.title)}**", _cell(action.description)])
        status = [words.text(action.status, self.lang)]
        if action.tomorrow:
            status.append(self.w("tomorrow"))
        if action.within_mandate is not None:
            status.append(self.w("within_mandate" if action.within_mandate else "outside_mandate"))
        targets = [
            _cell(self.steps_by_id[t].title) if t in self.steps_by_id else _cell(t)
            for t in action.targets
        ]
        return [
            title,
            words.text(action.theme, self.lang),
            _cell(action.owner),
            action.due.isoformat() if action.due else "",
            ", ".join(status),
            _join(targets),
            _cell(action.expected_effect),
        ]

    def insights(self) -> None:
        j = self.j
        if not j.insights:
            return
        self.heading(1, self.w("insights"))
        rows = []
        for insight in j.insights:
            steps = [
                _cell(self.steps_by_id[s].title) if s in self.steps_by_id else _cell(s)
                for s in insight.steps
            ]
            discussed = self.w("yes") if insight.discussed else self.w("no")
            if insight.discussed_on:
                discussed += f" ({insight.discussed_on.isoformat()})"
            if insight.outcome:
                discussed += f" – {self.w('outcome')}: {_cell(insight.outcome)}"
            if insight.follow_up:
                discussed += f" – **{self.w('follow_up')}**"
            rows.append(
                [
                    _cell(insight.text),
                    _cell(insight.author),
                    insight.date.isoformat() if insight.date else "",
                    _join(steps),
                    discussed,
                ]
            )
        header = [
            self.w("insight"),
            self.w("author"),
            self.w("date"),
            self.w("steps"),
            self.w("discussed"),
        ]
        self.out += markdown_table(header, rows)
        self.out.append("")


def render_markdown(journey: Journey, options: MarkdownOptions) -> str:
    """The Markdown report of *journey*."""
    return "".join(iter_markdown(journey, options))


def iter_markdown(journey: Journey, options: MarkdownOptions) -> Iterator[str]:
    """The Markdown report of *journey*, a section at a time (what the exporter gives)."""
    return _Report(journey, options).chunks()


MARKDOWN = Exporter(
    name="markdown",
    description="a readable report to share on GitHub, GitLab or a wiki (Markdown)",
    suffix=".md",
    media_type="text/markdown",
    render=iter_markdown,
    options=MarkdownOptions,
)


@hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the Markdown exporter."""
    register(MARKDOWN)
