"""The rules of a workshop plan: a clear objective, and a schedule that fits the time.

Each rule is a generator registered with :func:`workshop_rule`; it yields
``(path, message)`` or ``(path, message, hint)`` (:class:`~klantreis.words.Message`
values) and :func:`check_workshop` turns them into located :class:`~klantreis.Problem`
values in the workshop's language, like the journey rules in :mod:`klantreis.rules`.

Errors: the meeting has no objective or no success criterion; the end is not after
the start; an activity starts before the one before it, overlaps it, ends before it
starts, or lies outside the time available. Warnings: less time than the two and a
half hours the seed advises, start or end not given, an empty schedule, and time
between two activities that nothing is planned for, and control characters in any
text (as in a journey).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from attrs import frozen

from klantreis.errors import PathPart, Problem, Severity
from klantreis.rules import control_characters
from klantreis.words import Message, span
from klantreis.workshop.model import ClockTime, Workshop
from klantreis.workshop.templates import ADVISED_MINUTES

__all__ = ["WORKSHOP_RULES", "WorkshopRule", "check_workshop", "workshop_rule"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING

Path = tuple[PathPart, ...]
Found = Iterator[tuple[Path, Message] | tuple[Path, Message, Message | None]]


@frozen
class WorkshopRule:
    """A registered workshop rule: its code, severity, description and function."""

    code: str
    severity: Severity
    description: str
    function: Callable[[Workshop], Found]

    def __call__(self, workshop: Workshop) -> Iterator[Problem]:
        for found in self.function(workshop):
            path, message, *rest = found
            hint = rest[0] if rest else None
            yield Problem.told(
                self.code,
                message,
                hint,
                language=workshop.language,
                path=path,
                severity=self.severity,
            )


WORKSHOP_RULES: list[WorkshopRule] = []
"""Every workshop rule, in the order they run."""


def workshop_rule(
    code: str, severity: Severity = ERROR
) -> Callable[[Callable[[Workshop], Found]], WorkshopRule]:
    """Register a workshop rule; its docstring's first line is its description."""

    def register(function: Callable[[Workshop], Found]) -> WorkshopRule:
        description = (function.__doc__ or "").strip().splitlines()[0]
        registered = WorkshopRule(code, severity, description, function)
        WORKSHOP_RULES.append(registered)
        return registered

    return register


def check_workshop(workshop: Workshop) -> list[Problem]:
    """Run every workshop rule; problems come in rule order, then schedule order.

    >>> from klantreis.workshop import workshop_template
    >>> check_workshop(workshop_template(2, "nl"))
    []
    """
    return [problem for r in WORKSHOP_RULES for problem in r(workshop)]


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


# --- errors ---------------------------------------------------------------------------


@workshop_rule("missing-objective")
def _objective(workshop: Workshop) -> Found:
    """Every meeting has an objective and a success criterion."""
    if _blank(workshop.objective):
        yield ("objective",), Message("problem.no-meeting-objective")
    if _blank(workshop.success):
        yield (
            ("success",),
            Message("problem.no-success"),
            Message("problem.no-success-hint"),
        )


@workshop_rule("time-order")
def _times(workshop: Workshop) -> Found:
    """The meeting ends after it starts."""
    if workshop.start is not None and workshop.end is not None and workshop.end <= workshop.start:
        ends = Message("problem.meeting-ends-first", end=workshop.end, start=workshop.start)
        yield ("end",), ends


@workshop_rule("schedule-order")
def _order(workshop: Workshop) -> Found:
    """Activities are in order of their start, and each ends after it starts."""
    previous: ClockTime | None = None
    for i, activity in enumerate(workshop.schedule):
        if previous is not None and activity.start < previous:
            yield (
                ("schedule", i, "start"),
                Message(
                    "problem.starts-before-above",
                    title=activity.title,
                    start=activity.start,
                    previous=previous,
                ),
            )
        if activity.end is not None and activity.end <= activity.start:
            yield (
                ("schedule", i, "end"),
                Message(
                    "problem.activity-ends-first",
                    title=activity.title,
                    end=activity.end,
                    start=activity.start,
                ),
            )
        previous = activity.start if previous is None else max(previous, activity.start)


@workshop_rule("schedule-overlap")
def _overlap(workshop: Workshop) -> Found:
    """An activity starts after the one before it has ended."""
    schedule = workshop.schedule
    for i in range(1, len(schedule)):
        before, activity = schedule[i - 1], schedule[i]
        if activity.start < before.start:
            continue  # out of order: schedule-order says so
        if activity.start == before.start:
            yield (
                ("schedule", i, "start"),
                Message(
                    "problem.starts-together",
                    title=activity.title,
                    other=before.title,
                    start=activity.start,
                ),
            )
        elif before.end is not None and activity.start < before.end:
            yield (
                ("schedule", i, "start"),
                Message(
                    "problem.starts-before-end",
                    title=activity.title,
                    start=activity.start,
                    other=before.title,
                    end=before.end,
                ),
            )


@workshop_rule("schedule-outside")
def _outside(workshop: Workshop) -> Found:
    """Every activity lies within the time available, from start to end."""
    start, end = workshop.start, workshop.end
    if start is not None and end is not None and end <= start:
        return  # time-order says so
    for i, activity in enumerate(workshop.schedule):
        if start is not None and activity.start < start:
            yield (
                ("schedule", i, "start"),
                Message(
                    "problem.starts-before-meeting",
                    title=activity.title,
                    start=activity.start,
                    meeting=start,
                ),
            )
        if end is None:
            continue
        if activity.start >= end:
            yield (
                ("schedule", i, "start"),
                Message(
                    "problem.starts-after-meeting",
                    title=activity.title,
                    start=activity.start,
                    meeting=end,
                ),
                Message("problem.starts-after-meeting-hint"),
            )
        elif activity.end is not None and activity.end > end:
            yield (
                ("schedule", i, "end"),
                Message(
                    "problem.ends-after-meeting",
                    title=activity.title,
                    end=activity.end,
                    meeting=end,
                ),
            )


# --- warnings -------------------------------------------------------------------------


@workshop_rule("no-times", WARNING)
def _no_times(workshop: Workshop) -> Found:
    """The meeting has a start and an end, so the schedule can be checked against them."""
    for key in ("start", "end"):
        if getattr(workshop, key) is None:
            yield (key,), Message(f"problem.no-{key}")


@workshop_rule("short-workshop", WARNING)
def _short(workshop: Workshop) -> Found:
    """The meeting takes at least the two and a half hours the seed advises."""
    minutes = workshop.available_minutes
    if minutes is not None and 0 < minutes < ADVISED_MINUTES:
        yield (
            ("end",),
            Message("problem.short-workshop", span=span(minutes), advised=span(ADVISED_MINUTES)),
        )


@workshop_rule("empty-schedule", WARNING)
def _empty(workshop: Workshop) -> Found:
    """The meeting has a schedule."""
    if not workshop.schedule:
        yield ("schedule",), Message("problem.empty-schedule")


@workshop_rule("schedule-gap", WARNING)
def _gaps(workshop: Workshop) -> Found:
    """No time is left unplanned: from the start, between activities, and to the end."""
    schedule = workshop.schedule
    if not schedule:
        return
    if workshop.start is not None and schedule[0].start > workshop.start:
        yield (
            ("schedule", 0, "start"),
            Message("problem.gap", start=workshop.start, end=schedule[0].start),
        )
    for i in range(1, len(schedule)):
        before, activity = schedule[i - 1], schedule[i]
        if before.end is not None and before.start < before.end < activity.start:
            yield (
                ("schedule", i, "start"),
                Message("problem.gap", start=before.end, end=activity.start),
                Message("problem.gap-hint", title=before.title),
            )
    last = schedule[-1]
    if workshop.end is not None and last.end is not None and last.end < workshop.end:
        yield (
            ("schedule", len(schedule) - 1, "end"),
            Message("problem.gap-at-end", start=last.end, end=workshop.end),
        )


@workshop_rule("control-character", WARNING)
def _control_characters(workshop: Workshop) -> Found:
    """Text holds no control characters (tabs and line breaks are fine); exports drop them."""
    yield from control_characters(workshop)


def describe_rules() -> Iterable[tuple[str, str, str]]:
    """Each rule as ``(code, severity, description)``, for the docs."""
    return [(r.code, r.severity.value, r.description) for r in WORKSHOP_RULES]
