"""Writing a diff for people: concise text for a terminal, Markdown for a pull request.

Both put the summary first (the counts and the mean of each scale per phase), then
the effect report (did the improvement actions work?), then the details per item.
They speak the new journey's language; every word comes from
:mod:`klantreis.words`. Text is coloured only when asked (the command line
asks when standard output is a terminal and ``NO_COLOR`` is not set). User text is
escaped: control characters never reach the terminal, Markdown markup never renders.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, Literal

import attrs

from klantreis.aggregate import format_number, step_mean
from klantreis.compare.model import (
    Change,
    Collection,
    FieldChange,
    JourneyDiff,
    Kind,
    RatingChange,
    Verdict,
    judge,
)
from klantreis.compare.report import ActionEffect, EffectReport, Flag, Outcome
from klantreis.model import Duration, Indicator, Language, Note, Rating, Status
from klantreis.words import CATALOGUE, enum_key, text

__all__ = ["RenderFormat", "render_diff", "render_markdown", "render_text"]

RenderFormat = Literal["text", "json", "markdown"]

_TEXT_LIMIT = 80
_MD_LIMIT = 160
_MAX_DETAIL_ITEMS = 500


def render_diff(
    diff: JourneyDiff, format: RenderFormat = "text", *, color: bool = False, verbose: bool = False
) -> str:
    """*diff* as ``text``, ``markdown`` or ``json`` (see :func:`diff_to_json`).

    *color* and *verbose* apply to text: the text report lists each changed item on
    one line, with the names of its changed fields; *verbose* shows every value too.
    """
    if format == "text":
        return render_text(diff, color=color, verbose=verbose)
    if format == "markdown":
        return render_markdown(diff)
    if format == "json":
        from klantreis.compare.serialize import diff_to_json

        return diff_to_json(diff)
    raise ValueError(f"unknown format {format!r}; use text, markdown or json")


# --- shared: words and values ---------------------------------------------------------


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: str, limit: int) -> str:
    """User text made safe for a terminal: control characters shown as escapes."""
    cleaned = _CONTROL.sub(lambda m: repr(m.group())[1:-1], value)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")


def md(value: str, limit: int = _MD_LIMIT) -> str:
    """User text made inert in Markdown (and in the HTML GitHub lets through).

    User text never starts a line in these reports, so only the characters that mean
    something in the middle of a line are escaped: emphasis, code, links, HTML,
    table cells and entities.
    """
    return _MD_SPECIAL.sub(r"\\\1", plain(value, limit))


def field_name(path: str, language: Language) -> str:
    """The word for a field (or dotted field path); the path itself when it has none."""
    key = f"field.{path}"
    return text(key, language) if key in CATALOGUE else path


def collection_name(collection: Collection, language: Language, *, plural: bool = False) -> str:
    """The word for a collection, singular (``stap``) or plural, capitalised (``Stappen``)."""
    return text(f"diff.collection{'s' if plural else ''}.{collection.value}", language)


class _Words:
    """The words and number formats of one language, and how user text is escaped."""

    def __init__(
        self,
        language: Language,
        escape: Callable[[str], str],
        diff: JourneyDiff | None = None,
    ) -> None:
        self.language = language
        self.escape = escape
        self.diff = diff

    def place(self, field: str, value: str, *, old: bool = False) -> str:
        """A phase or lane id as its name on that side of the diff (else the id)."""
        if self.diff is None:
            return value
        return (self.diff.old if old else self.diff.new).name(field, value)

    def __call__(self, key: str, **values: object) -> str:
        return text(f"diff.{key}", self.language, **values)

    def number(self, value: float | None) -> str:
        if value is None:
            return "–"
        return format_number(value, self.language)

    def votes(self, votes: tuple[int, ...] | None, perspectives: tuple[str, ...] = ()) -> str:
        """``2,5 (2, 3)``; with perspectives ``3 (client 2, 3; medewerker 4)``."""
        if votes is None:
            return "–"
        mean = step_mean(votes)
        if perspectives:
            groups: dict[str, list[str]] = {}
            for whose, vote in zip(perspectives, votes, strict=False):
                groups.setdefault(whose, []).append(str(vote))
            shown = "; ".join(f"{self.escape(p)} {', '.join(vs)}" for p, vs in groups.items())
            return f"{self.number(mean)} ({shown})"
        if len(votes) <= 1:
            return self.number(mean)
        return f"{self.number(mean)} ({', '.join(str(v) for v in votes)})"

    def value(self, value: Any) -> str:
        """A field value as people read it."""
        if value is None or value == ():
            return self("empty")
        if isinstance(value, bool):
            return self("yes" if value else "no")
        if isinstance(value, enum.Enum):
            key = enum_key(value)
            return text(key, self.language) if key in CATALOGUE else str(value.value)
        if isinstance(value, str):
            return f"‘{self.escape(value)}’"
        if isinstance(value, (int, float)):
            return self.number(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, Duration):
            amount = self.number(value.amount)
            if value.up_to is not None:
                amount += f"-{self.number(value.up_to)}"
            single = value.up_to is None and value.amount == 1
            return f"{amount} {text(value.unit, self.language, n=1 if single else 2)}"
        if isinstance(value, Note):
            return f"{value.kind.symbol} {self.value(value.text)}"
        if isinstance(value, Rating):
            return f"{self.escape(value.scale)} {self.votes(value.votes, value.perspectives)}"
        if isinstance(value, tuple):
            return ", ".join(self.value(v) for v in value)
        if attrs.has(type(value)):
            shown = [
                self.value(getattr(value, a.name))
                for a in attrs.fields(type(value))
                if getattr(value, a.name) not in (None, (), a.default)
            ]
            return "; ".join(shown) or self("empty")
        return self.escape(str(value))

    def indicators(self, old: tuple[Indicator, ...], new: tuple[Indicator, ...]) -> str:
        """``wachttijd 42 → 28 dagen, beter``: each indicator by id, old → new."""
        before = {i.id: i for i in old}
        after = {i.id: i for i in new}
        parts = []
        for key in [*after, *(k for k in before if k not in after)]:
            a, b = before.get(key), after.get(key)
            if a == b:
                continue
            if a is None or b is None:
                sign, item = ("+", b) if a is None else ("−", a)
                assert item is not None
                unit = f" {self.escape(item.unit)}" if item.unit else ""
                parts.append(f"{sign} {self.escape(item.name)} {self.number(item.value)}{unit}")
                continue
            unit = f" {self.escape(b.unit)}" if b.unit else ""
            shown = f"{self.escape(b.name)} {self.number(a.value)} → {self.number(b.value)}{unit}"
            if a.value != b.value:
                shown += ", " + self.verdict(judge(b.direction, a.value, b.value))
            others = [
                f"{field_name(f.name, self.language)} {self.value(getattr(b, f.name))}"
                for f in attrs.fields(Indicator)
                if f.name not in ("name", "id", "value")
                and getattr(a, f.name) != getattr(b, f.name)
            ]
            parts.append(shown + (f" ({'; '.join(others)})" if others else ""))
        return "; ".join(parts)

    def field_change(self, change: FieldChange) -> str:
        """``name: old → new``; for lists, what came and what went."""
        name = field_name(change.field, self.language)
        old, new = change.old, change.new
        if change.field == "indicators" and isinstance(old, tuple) and isinstance(new, tuple):
            return f"{name}: {self.indicators(old, new)}"
        if change.field in ("phase", "lane") and isinstance(old, str) and isinstance(new, str):
            old, new = self.place(change.field, old, old=True), self.place(change.field, new)
        if isinstance(old, tuple) and isinstance(new, tuple) and (old or new):
            gone = list((Counter(old) - Counter(new)).elements())
            came = list((Counter(new) - Counter(old)).elements())
            if gone or came:
                parts = [f"+ {self.value(v)}" for v in came] + [f"− {self.value(v)}" for v in gone]
                return f"{name}: {'; '.join(parts)}"
            return f"{name}: {self('position', old='…', new='…')}"
        return f"{name}: {self.value(old)} → {self.value(new)}"

    def kind(self, kind: Kind) -> str:
        return text(f"diff.kind.{kind.value}", self.language)

    def verdict(self, verdict: Verdict) -> str:
        return text(f"diff.verdict.{verdict.value}", self.language)

    def outcome(self, outcome: Outcome) -> str:
        return text(f"diff.outcome.{outcome.value}", self.language)

    def flag(self, flag: Flag) -> str:
        return text(f"diff.flag.{flag.value}", self.language)

    def status(self, action: ActionEffect) -> str:
        if action.old_status is None:
            return f"{self('action-new')}: {self.value(action.status)}"
        if action.status is None:
            return self("action-gone")
        if action.status_changed:
            return f"{self.value(action.old_status)} → {self.value(action.status)}"
        return self.value(action.status)

    def counts(self, diff: JourneyDiff) -> str:
        return " · ".join(f"{n} {self.kind(k)}" for k, n in diff.counts().items() if n)


def _scale_names(diff: JourneyDiff) -> dict[str, str]:
    names: dict[str, str] = {}
    for phase in diff.phases:
        for cell in phase.scales:
            names.setdefault(cell.scale, cell.name)
    return names


def _rating_text(words: _Words, change: RatingChange, names: dict[str, str]) -> str:
    scale = words.escape(names.get(change.scale, change.scale))
    return (
        f"{scale} {words.votes(change.old_votes, change.old_perspectives)} → "
        f"{words.votes(change.new_votes, change.new_perspectives)} "
        f"{words.verdict(change.verdict)}"
    )


def _per_step(changes: Iterable[RatingChange]) -> dict[str, list[RatingChange]]:
    """Rating changes grouped by step (new id), in order."""
    grouped: dict[str, list[RatingChange]] = {}
    for change in changes:
        grouped.setdefault(change.step, []).append(change)
    return grouped


def _effect_summary(words: _Words, report: EffectReport) -> list[str]:
    """One line on the actions (how many done, with and without effect), one on the flags."""
    done = [
        a for a in report.actions if a.status is Status.DONE and a.old_status is not Status.DONE
    ]
    lines = []
    if report.actions:
        parts = []
        if done:
            helped = sum(1 for a in done if a.outcome in (Outcome.IMPROVED, Outcome.MIXED))
            parts.append(words("done-now", n=len(done), helped=helped))
        for status in (Status.IN_PROGRESS, Status.PLANNED, Status.DROPPED):
            n = sum(1 for a in report.actions if a.status is status and a.status_changed)
            if n:
                parts.append(f"{n} → {words.value(status)}")
        new = sum(1 for a in report.actions if a.old_id is None)
        if new:
            parts.append(f"{new} {words('action-new')}")
        if parts:
            lines.append(f"{words('actions-line')}: " + " · ".join(parts))
    warnings = []
    if report.done_without_effect:
        warnings.append(words("warn-done", n=len(report.done_without_effect)))
    if report.unexplained:
        warnings.append(words("warn-worse", n=len({r.step for r in report.unexplained})))
    if warnings:
        lines.append(f"{words('attention')}: " + " · ".join(warnings))
    return lines


_HEADLINE_ORDER = (Kind.ADDED, Kind.REMOVED, Kind.RENAMED, Kind.MOVED, Kind.CHANGED)
"""Which kind names an item that has records of several kinds."""


def _items(changes: Iterable[Change]) -> dict[tuple[Collection, str, str], list[Change]]:
    """The changes grouped per item, in order of first appearance."""
    grouped: dict[tuple[Collection, str, str], list[Change]] = {}
    for change in changes:
        grouped.setdefault((change.collection, change.id, change.new_id), []).append(change)
    return grouped


def _where_lines(words: _Words, change: Change) -> list[str]:
    """Where an added, renamed or moved item went; nothing for other kinds."""
    if change.kind is Kind.ADDED and change.item is not None:
        phase, lane = getattr(change.item, "phase", None), getattr(change.item, "lane", None)
        if phase is not None and lane is not None:
            phase, lane = words.place("phase", phase), words.place("lane", lane)
            return [words("added-at", phase=words.escape(phase), lane=words.escape(lane))]
    elif change.kind is Kind.RENAMED:
        old, new = words.escape(change.id), words.escape(change.new_id)
        return [words("renamed-to", old=old, new=new)]
    elif change.kind is Kind.MOVED:
        lines = [words.field_change(f) for f in change.fields]
        if change.old_index is not None and change.new_index is not None:
            lines.append(words("position", old=change.old_index + 1, new=change.new_index + 1))
        return lines
    return []


def _detail_lines(
    words: _Words,
    records: list[Change],
    ratings: dict[str, list[RatingChange]],
    names: dict[str, str],
) -> tuple[Kind, str, list[str]]:
    """The headline kind, the item's name, and one line per thing that changed."""
    kinds = {c.kind for c in records}
    head = next((k for k in _HEADLINE_ORDER if k in kinds), Kind.RELINKED)
    first = records[0]
    name = words.escape(first.label) if first.label else words.escape(first.new_id)
    lines: list[str] = []
    for change in records:
        lines.extend(_where_lines(words, change))
        if change.kind is Kind.CHANGED:
            for f in change.fields:
                if f.field == "ratings" and change.collection is Collection.STEPS:
                    found = ratings.get(change.new_id, [])
                    shown = " · ".join(_rating_text(words, r, names) for r in found)
                    if found:
                        lines.append(f"{field_name('ratings', words.language)}: {shown}")
                    else:
                        lines.append(words.field_change(f))
                else:
                    lines.append(words.field_change(f))
    return head, name, lines


def _brief(
    words: _Words,
    records: list[Change],
    ratings: dict[str, list[RatingChange]],
    names: dict[str, str],
) -> str:
    """What changed about one item, in a few words: the field names, moves and verdicts."""
    parts: list[str] = []
    for change in records:
        parts.extend(_where_lines(words, change))
        if change.kind is Kind.CHANGED:
            for f in change.fields:
                name = field_name(f.field, words.language)
                found = ratings.get(change.new_id, []) if f.field == "ratings" else []
                if found:
                    verdicts = ", ".join(
                        f"{words.escape(names.get(r.scale, r.scale))} {words.verdict(r.verdict)}"
                        for r in found
                    )
                    name += f" ({verdicts})"
                parts.append(name)
    return ", ".join(parts)


# --- text -----------------------------------------------------------------------------


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, code: str, value: str) -> str:
        return f"\x1b[{code}m{value}\x1b[0m" if self.color else value

    def bold(self, value: str) -> str:
        return self._wrap("1", value)

    def green(self, value: str) -> str:
        return self._wrap("32", value)

    def red(self, value: str) -> str:
        return self._wrap("31", value)

    def yellow(self, value: str) -> str:
        return self._wrap("33", value)

    def dim(self, value: str) -> str:
        return self._wrap("2", value)

    def verdict(self, verdict: Verdict, value: str) -> str:
        if verdict is Verdict.IMPROVED:
            return self.green(value)
        if verdict is Verdict.WORSENED:
            return self.red(value)
        return value


_SYMBOL = {
    Kind.ADDED: "+",
    Kind.REMOVED: "-",
    Kind.RENAMED: "~",
    Kind.MOVED: ">",
    Kind.CHANGED: "~",
    Kind.RELINKED: " ",
}


def render_text(diff: JourneyDiff, *, color: bool = False, verbose: bool = False) -> str:
    """A concise report for a terminal: summary, effect report, then one line per changed
    item (with *verbose*, a line per changed field with its old and new value)."""
    words = _Words(diff.language, lambda s: plain(s, _TEXT_LIMIT), diff)
    style = _Style(color)
    names = _scale_names(diff)
    out = [
        style.bold(
            words(
                "title",
                title=words.escape(diff.new.title),
                old=words.escape(diff.old.label),
                new=words.escape(diff.new.label),
            )
        )
    ]
    if diff.is_empty:
        out.append(words("no-changes"))
        return "\n".join(out) + "\n"

    out += ["", style.bold(words("summary")), f"  {words.counts(diff)}"]
    if diff.effect is not None:
        for i, line in enumerate(_effect_summary(words, diff.effect)):
            out.append("  " + (style.yellow(line) if i and diff.effect.flagged else line))
    if diff.phases:
        out.append(f"  {words('phase-scores')}:")
        width = min(28, max(len(words.escape(p.name)) for p in diff.phases))
        for phase in diff.phases:
            name = words.escape(phase.name)
            if phase.phase is None:
                name = words("phase-gone", name=name)
            cells = []
            for cell in phase.scales:
                shown = (
                    f"{words.escape(cell.name)} {words.number(cell.old_mean)} → "
                    f"{words.number(cell.new_mean)} {words.verdict(cell.verdict)}"
                )
                cells.append(style.verdict(cell.verdict, shown))
            out.append(f"    {name:<{width}}  " + " · ".join(cells))

    if diff.effect is not None:
        out += ["", style.bold(words("effect"))]
        out += _text_effect(words, style, diff.effect, names)

    out += ["", style.bold(words("details"))]
    ratings: dict[str, list[RatingChange]] = {}
    for r in diff.ratings:
        ratings.setdefault(r.step, []).append(r)
    current: Collection | None = None
    relinked: Counter[Collection] = Counter()
    shown_items = 0
    grouped = _items(diff.changes)
    for (collection, _, _), records in grouped.items():
        head, name, lines = _detail_lines(words, records, ratings, names)
        if head is Kind.RELINKED:
            relinked[collection] += 1
            continue
        shown_items += 1
        if shown_items > _MAX_DETAIL_ITEMS:
            continue
        if collection is not current:
            current = collection
            out.append(f"  {collection_name(collection, diff.language, plural=True)}")
        symbol = _SYMBOL[head]
        headline = f"    {symbol} {name}"
        if not verbose:
            brief = _brief(words, records, ratings, names)
            if brief:
                headline += f": {brief}"
            lines = []
        if head is Kind.ADDED:
            headline = style.green(headline)
        elif head is Kind.REMOVED:
            headline = style.red(headline)
        out.append(headline)
        out.extend(f"        {line}" for line in lines)
    if shown_items > _MAX_DETAIL_ITEMS:
        out.append("    " + words("and-more", n=shown_items - _MAX_DETAIL_ITEMS))
    for collection, n in relinked.items():
        what = collection_name(collection, diff.language)
        out.append(style.dim("  " + words("relinked", n=n, what=what)))
    return "\n".join(out) + "\n"


def _text_effect(
    words: _Words, style: _Style, report: EffectReport, names: dict[str, str]
) -> list[str]:
    if not report.actions and not report.unexplained:
        return [f"  {words('no-actions')}"]
    out = []
    for action in report.actions:
        flagged = bool(action.flags)
        mark = "!" if flagged else ("✓" if action.outcome is Outcome.IMPROVED else "·")
        line = f"  {mark} {words.escape(action.name)} — {words.status(action)}"
        if flagged:
            line += ": " + "; ".join(words.flag(f) for f in action.flags)
            line = style.yellow(line)
        elif action.ratings and action.old_id is not None:
            line += f": {words.outcome(action.outcome)}"
            if action.outcome is Outcome.IMPROVED:
                line = style.green(line)
            elif action.outcome is Outcome.WORSENED:
                line = style.red(line)
        out.append(line)
        out.extend(f"      {line}" for line in _target_lines(words, action, names, style))
    if report.unexplained:
        out.append(style.yellow(f"  ! {words('unexplained')}:"))
        for changes in _per_step(report.unexplained).values():
            shown = style.red(" · ".join(_rating_text(words, r, names) for r in changes))
            out.append(f"      {words.escape(changes[0].label)}: {shown}")
    return out


def _target_lines(
    words: _Words, action: ActionEffect, names: dict[str, str], style: _Style | None = None
) -> list[str]:
    """Per target step with changed ratings one line, then how many did not change."""
    if not action.target_steps:
        return [words("no-targets")]
    grouped = _per_step(action.ratings)
    lines = []
    for changes in grouped.values():
        cells = []
        for r in changes:
            shown = _rating_text(words, r, names)
            if style is not None:
                shown = style.verdict(r.verdict, shown)
            else:
                shown = _VERDICT_MARK.get(r.verdict, "") + shown
            cells.append(shown)
        lines.append(f"{words.escape(changes[0].label)}: " + " · ".join(cells))
    unchanged = len(set(action.target_steps)) - len(grouped)
    if unchanged > 0:
        key = "targets-unchanged" if grouped else "no-rating-change"
        lines.append(words(key, n=unchanged))
    return lines


# --- Markdown -------------------------------------------------------------------------

_VERDICT_MARK = {Verdict.IMPROVED: "✅ ", Verdict.WORSENED: "🔻 "}


def render_markdown(diff: JourneyDiff) -> str:
    """A report for a pull-request comment: summary, effect report, then the details."""
    words = _Words(diff.language, md, diff)
    names = _scale_names(diff)
    out = [
        "### "
        + words(
            "title",
            title=words.escape(diff.new.title),
            old=words.escape(diff.old.label),
            new=words.escape(diff.new.label),
        ),
        "",
    ]
    if diff.is_empty:
        out.append(words("no-changes"))
        return "\n".join(out) + "\n"
    out += [f"**{words('summary')}:** {words.counts(diff)}", ""]
    if diff.effect is not None:
        summary = _effect_summary(words, diff.effect)
        if summary:
            out += [f"- {line}" for line in summary] + [""]
    if diff.phases:
        scales: dict[str, str] = {}
        for phase in diff.phases:
            for cell in phase.scales:
                scales.setdefault(cell.scale, cell.name)
        out.append(
            f"| {words('phase')} | " + " | ".join(words.escape(n) for n in scales.values()) + " |"
        )
        out.append("|---" * (len(scales) + 1) + "|")
        for phase in diff.phases:
            name = words.escape(phase.name)
            if phase.phase is None:
                name = words("phase-gone", name=name)
            by_scale = {c.scale: c for c in phase.scales}
            cells = []
            for scale_id in scales:
                found = by_scale.get(scale_id)
                if found is None:
                    cells.append("")
                    continue
                cell = found
                cells.append(
                    f"{_VERDICT_MARK.get(cell.verdict, '')}{words.number(cell.old_mean)} → "
                    f"{words.number(cell.new_mean)} {words.verdict(cell.verdict)}"
                )
            out.append(f"| {name} | " + " | ".join(cells) + " |")
        out.append("")

    if diff.effect is not None:
        out += [f"#### {words('effect')}", ""]
        out += _markdown_effect(words, diff.effect, names)

    grouped = _items(diff.changes)
    ratings: dict[str, list[RatingChange]] = {}
    for r in diff.ratings:
        ratings.setdefault(r.step, []).append(r)
    out += [
        "<details>",
        f"<summary>{words('details')} ({words('changes-count', n=len(diff.changes))})</summary>",
        "",
    ]
    current: Collection | None = None
    relinked: Counter[Collection] = Counter()
    shown_items = 0
    for (collection, _, _), records in grouped.items():
        head, name, lines = _detail_lines(words, records, ratings, names)
        if head is Kind.RELINKED:
            relinked[collection] += 1
            continue
        shown_items += 1
        if shown_items > _MAX_DETAIL_ITEMS:
            continue
        if collection is not current:
            current = collection
            out += ["", f"**{collection_name(collection, diff.language, plural=True)}**", ""]
        out.append(f"- {words.kind(head)}: **{name}**")
        out.extend(f"  - {line}" for line in lines)
    if shown_items > _MAX_DETAIL_ITEMS:
        out.append("- " + words("and-more", n=shown_items - _MAX_DETAIL_ITEMS))
    if relinked:
        out.append("")
        for collection, n in relinked.items():
            what = collection_name(collection, diff.language)
            out.append("- " + words("relinked", n=n, what=what))
    out += ["", "</details>"]
    return "\n".join(out) + "\n"


def _markdown_effect(words: _Words, report: EffectReport, names: dict[str, str]) -> list[str]:
    if not report.actions and not report.unexplained:
        return [words("no-actions"), ""]
    out = []
    if report.actions:
        out += [
            f"| {words('action')} | {words('status')} | {words('at-targets')} |",
            "|---|---|---|",
        ]
        for action in report.actions:
            name = words.escape(action.name)
            if action.flags:
                name = "⚠️ " + name
            effects: list[str] = []
            if action.flags:
                effects.append("**" + "; ".join(words.flag(f) for f in action.flags) + "**")
            effects.extend(_target_lines(words, action, names))
            out.append(f"| {name} | {words.status(action)} | {'<br>'.join(effects)} |")
        out.append("")
    if report.unexplained:
        out += [f"**⚠️ {words('unexplained')}:**", ""]
        for changes in _per_step(report.unexplained).values():
            cells = " · ".join(_rating_text(words, r, names) for r in changes)
            out.append(f"- 🔻 {words.escape(changes[0].label)}: {cells}")
        out.append("")
    return out
