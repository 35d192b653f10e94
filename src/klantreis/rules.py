"""Domain rules: what makes a well-formed journey valid and complete.

Each rule is a function registered with :func:`rule`; it gets the journey and a
prepared :class:`Index` and yields :class:`~klantreis.Problem` values located by their
path in the document. Errors make a journey invalid (unique ids, references that
resolve, ratings on their scale, coherent dates); warnings ask the seed's question
"are really all actions listed?" (a phase without steps, an idea with no action).

A new rule goes here: write a generator, decorate it, and add a case to
``tests/test_rules.py``.
"""

from __future__ import annotations

import linecache
import re
import typing
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any

import attrs
from attrs import frozen

from klantreis._fields import CONTROL
from klantreis.aggregate import over_norm, total_lead_time
from klantreis.errors import PathPart, Problem, Severity
from klantreis.model import (
    Duration,
    ImprovementAction,
    Insight,
    Journey,
    Lane,
    LaneKind,
    Note,
    Rating,
    Step,
)
from klantreis.signoff import outdated_signoffs
from klantreis.typeinfo import is_tuple_of, strip_optional
from klantreis.words import Message

__all__ = ["RULES", "Index", "Rule", "check", "rule"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING


class Index:
    """Look-ups the rules share, built once per check."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey

    @cached_property
    def phase_ids(self) -> set[str]:
        return {p.id for p in self.journey.phases}

    @cached_property
    def lanes(self) -> dict[str, LaneKind]:
        return {lane.id: lane.kind for lane in self.journey.lanes}

    @cached_property
    def actor_ids(self) -> set[str]:
        return {a.id for a in self.journey.actors}

    @cached_property
    def scales(self) -> dict[str, tuple[int, int]]:
        return {s.id: (s.minimum, s.maximum) for s in self.journey.scales}

    @cached_property
    def perspective_ids(self) -> set[str]:
        return {p.id for p in self.journey.perspectives}

    @cached_property
    def step_ids(self) -> set[str]:
        return {s.id for s in self.journey.steps}

    @cached_property
    def steps_per_phase(self) -> Counter[str]:
        return Counter(s.phase for s in self.journey.steps)

    @cached_property
    def id_texts(self) -> list[str]:
        """Every id and reference, as written (a quick pass, without paths)."""
        return _flat_strings(self.journey, ids=True)


RuleFunction = Callable[[Journey, Index], Iterable[Problem]]


@frozen
class Rule:
    """A registered rule: its code, severity, one-line description and function."""

    code: str
    severity: Severity
    description: str
    function: RuleFunction

    def __call__(self, journey: Journey, index: Index) -> Iterator[Problem]:
        yield from self.function(journey, index)


RULES: list[Rule] = []
"""Every rule, in the order they run."""


Finding = tuple[Any, ...]
"""What a rule function yields: ``(path, message)`` or ``(path, message, hint)``, the
message and the hint :class:`~klantreis.words.Message` values."""


def rule(
    code: str, severity: Severity = ERROR
) -> Callable[[Callable[[Journey, Index], Iterable[Finding]]], Rule]:
    """Register a rule. The function yields ``(path, message)`` or ``(path, message, hint)``.

    Messages and hints are :class:`~klantreis.words.Message` values, told in the
    journey's language.
    """

    def register(function: Callable[[Journey, Index], Iterable[Finding]]) -> Rule:
        def problems(journey: Journey, index: Index) -> Iterator[Problem]:
            for found in function(journey, index):
                path, message, *rest = found
                hint = rest[0] if rest else None
                yield Problem.told(
                    code, message, hint, language=journey.language, path=path, severity=severity
                )

        description = (function.__doc__ or "").strip().splitlines()[0]
        registered = Rule(code, severity, description, problems)
        RULES.append(registered)
        return registered

    return register


def check(journey: Journey, *, errors_only: bool = False) -> list[Problem]:
    """Run every rule on *journey*; problems come in rule order, then document order.

    Messages are in the journey's language (:meth:`~klantreis.Problem.in_language`
    tells them in another). With *errors_only*, the rules that can only warn are
    skipped: enough to tell whether the journey would load.
    """
    index = Index(journey)
    rules = [r for r in RULES if r.severity is ERROR] if errors_only else RULES
    return [problem for r in rules for problem in r(journey, index)]


def _did_you_mean(word: str, choices: Iterable[str]) -> Message | None:
    import difflib  # only for a reference that missed

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return Message("problem.did-you-mean", word=close[0]) if close else None


Path = tuple[PathPart, ...]
Found = Iterator[tuple[Path, Message] | tuple[Path, Message, Message | None]]

# --- errors ---------------------------------------------------------------------------


_COLLECTIONS = (
    "actors",
    "perspectives",
    "scales",
    "phases",
    "lanes",
    "steps",
    "actions",
    "insights",
)


@rule("duplicate-id")
def _duplicate_ids(journey: Journey, index: Index) -> Found:
    """Ids are unique within each collection (phases, lanes, steps ...)."""
    for key in _COLLECTIONS:
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(journey, key)):
            if item.id in seen:
                yield (
                    (key, i, "id"),
                    Message("problem.duplicate-id", id=item.id, other=f"{key}[{seen[item.id]}]"),
                )
            else:
                seen[item.id] = i


@rule("duplicate-indicator")
def _duplicate_indicators(journey: Journey, index: Index) -> Found:
    """A step or a phase measures each indicator once (its ids are unique there)."""
    for key in ("phases", "steps"):
        for i, item in enumerate(getattr(journey, key)):
            seen: dict[str, int] = {}
            for j, indicator in enumerate(item.indicators):
                if indicator.id in seen:
                    other = f"{key}[{i}].indicators[{seen[indicator.id]}]"
                    yield (
                        (key, i, "indicators", j, "id"),
                        Message("problem.duplicate-indicator", id=indicator.id, other=other),
                    )
                else:
                    seen[indicator.id] = j


@rule("empty-id")
def _empty_ids(journey: Journey, index: Index) -> Found:
    """Ids are not empty."""
    if not journey.id.strip():
        yield ("id",), Message("problem.empty-journey-id")
    for key in _COLLECTIONS:
        for i, item in enumerate(getattr(journey, key)):
            if not item.id.strip():
                yield (key, i, "id"), Message("problem.empty-id")


@rule("unknown-reference")
def _references(journey: Journey, index: Index) -> Found:
    """References to phases, lanes, actors, scales and steps resolve."""
    for i, step in enumerate(journey.steps):
        if step.phase not in index.phase_ids:
            yield (
                ("steps", i, "phase"),
                Message("problem.unknown-phase", id=step.phase),
                _did_you_mean(step.phase, index.phase_ids),
            )
        if step.lane not in index.lanes:
            from klantreis.aliases import lane_hint  # only for a lane that is not there

            yield (
                ("steps", i, "lane"),
                Message("problem.unknown-lane", id=step.lane),
                lane_hint(step.lane, ((lane.id, lane.name) for lane in journey.lanes)),
            )
        if step.actor is not None and step.actor not in index.actor_ids:
            yield (
                ("steps", i, "actor"),
                Message("problem.unknown-actor", id=step.actor),
                _did_you_mean(step.actor, index.actor_ids),
            )
        for rating in step.ratings:
            if rating.scale not in index.scales:
                yield (
                    ("steps", i, "ratings", rating.scale),
                    Message("problem.unknown-scale", id=rating.scale),
                    _did_you_mean(rating.scale, index.scales),
                )
            for perspective in rating.by_perspective() if rating.perspectives else ():
                if perspective not in index.perspective_ids:
                    yield (
                        ("steps", i, "ratings", rating.scale, perspective),
                        Message("problem.unknown-perspective", id=perspective),
                        _did_you_mean(perspective, index.perspective_ids),
                    )
    for i, lane in enumerate(journey.lanes):
        if lane.actor is not None and lane.actor not in index.actor_ids:
            yield (
                ("lanes", i, "actor"),
                Message("problem.unknown-actor", id=lane.actor),
                _did_you_mean(lane.actor, index.actor_ids),
            )
        if lane.scale is not None and lane.scale not in index.scales:
            yield (
                ("lanes", i, "scale"),
                Message("problem.unknown-scale", id=lane.scale),
                _did_you_mean(lane.scale, index.scales),
            )
    for key, field in (("actions", "targets"), ("actions", "ideas"), ("insights", "steps")):
        for i, item in enumerate(getattr(journey, key)):
            for j, step_id in enumerate(getattr(item, field)):
                if step_id not in index.step_ids:
                    yield (
                        (key, i, field, j),
                        Message("problem.unknown-step", id=step_id),
                        _did_you_mean(step_id, index.step_ids),
                    )


_REFERENCES = {
    Step: ("phase", "lane", "actor"),
    Rating: ("scale", "perspectives"),
    Lane: ("actor", "scale"),
    ImprovementAction: ("targets", "ideas"),
    Insight: ("steps",),
}
"""The fields that hold ids of other items, per class (besides every ``id``)."""


_PLANS: dict[tuple[type, bool], tuple[tuple[str, bool], ...]] = {}


def _classes(tp: Any) -> list[type]:
    """The attrs classes a field's type holds (``tuple[Step, ...]``: Step)."""
    if isinstance(tp, type) and attrs.has(tp):
        return [tp]
    return [c for arg in typing.get_args(tp) for c in _classes(arg)]


def _mentions_str(tp: Any) -> bool:
    return tp is str or any(_mentions_str(arg) for arg in typing.get_args(tp))


def _plan(cls: type, ids: bool) -> tuple[tuple[str, bool], ...]:
    """The fields of *cls* that hold ids (or other text), or objects that do (cached).

    Each is ``(name, leaf)``: a leaf holds text (a str or a tuple of them); any other
    holds attrs objects to walk into.
    """
    plan = _PLANS.get((cls, ids))
    if plan is None:
        references = _REFERENCES.get(cls, ())
        hints = typing.get_type_hints(cls)
        found = []
        for a in attrs.fields(cls):
            nested = _classes(hints[a.name])
            if nested:
                if any(_plan(c, ids) for c in nested):
                    found.append((a.name, False))
            elif _mentions_str(hints[a.name]) and (a.name == "id" or a.name in references) is ids:
                found.append((a.name, True))
        plan = _PLANS[(cls, ids)] = tuple(found)
    return plan


def _flat_strings(journey: Any, *, ids: bool) -> list[str]:
    """Every id and reference (or every other text) of *journey*: one cheap pass.

    It runs in every validate() and load, so it allocates nothing but the list it
    fills (a stack of tuples, one per object, woke the garbage collector over a
    journey of 10,000 steps often enough to take half a second).
    """
    found: list[str] = []
    collect = _COLLECTORS.get((type(journey), ids)) or _collector(type(journey), ids)
    collect(journey, found)
    return found


_COLLECTORS: dict[tuple[type, bool], Callable[[Any, list[str]], None]] = {}


def _collector(cls: type, ids: bool) -> Callable[[Any, list[str]], None]:
    """:func:`_collect` for *cls* as one generated function (cached): the plan unrolled.

    The nested classes' fields are read inline in loops over their tuples, so a journey
    of 10,000 steps is walked in one call instead of one call per object.
    """
    names: dict[str, Any] = {"_collect": _collect}
    lines = ["def collect(value, found):", "    append, extend = found.append, found.extend"]
    _unroll(cls, "value", ids, lines, "    ", 0)
    source = "\n".join(lines) + "\n"
    filename = f"<klantreis generated collect {cls.__name__} ids={ids}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)  # our own source, above
    collect: Callable[[Any, list[str]], None] = names["collect"]
    _COLLECTORS[(cls, ids)] = collect
    return collect


def _unroll(cls: type, var: str, ids: bool, lines: list[str], indent: str, depth: int) -> None:
    hints = typing.get_type_hints(cls)
    for name, leaf in _plan(cls, ids):
        tp, x = hints[name], f"v{depth}_{name}"
        lines.append(f"{indent}{x} = {var}.{name}")
        inner, body = strip_optional(tp), indent
        if inner is not tp:
            lines.append(f"{indent}if {x} is not None:")
            body += "    "
        item = typing.get_args(inner)[0] if is_tuple_of(inner) else None
        nested = _classes(inner)
        if leaf and inner is str:
            lines.append(f"{body}append({x})")
        elif leaf and item is str:
            lines.append(f"{body}extend({x})")
        elif not leaf and depth < 4 and nested == [inner]:  # one attrs class
            _unroll(inner, x, ids, lines, body, depth + 1)
        elif not leaf and depth < 4 and item is not None and nested == [item]:
            lines.append(f"{body}for i{depth}_{name} in {x}:")
            _unroll(item, f"i{depth}_{name}", ids, lines, body + "    ", depth + 1)
        else:  # any other shape: the plan, read as it goes
            lines += [
                f"{body}if {x} is None:",
                f"{body}    pass",
                f"{body}elif type({x}) is str:",
                f"{body}    append({x})",
                f"{body}elif type({x}) is tuple:",
                f"{body}    for i in {x}:",
                f"{body}        append(i) if type(i) is str else _collect(i, found, {ids})",
                f"{body}else:",
                f"{body}    _collect({x}, found, {ids})",
            ]


def _collect(value: Any, found: list[str], ids: bool) -> None:
    for name, leaf in _PLANS.get((type(value), ids)) or _plan(type(value), ids):
        field = getattr(value, name)
        if field is None:
            continue
        if leaf:
            if type(field) is str:
                found.append(field)
            else:
                found.extend(field)
        elif type(field) is tuple:
            for item in field:
                _collect(item, found, ids)
        else:
            _collect(field, found, ids)


def _strings(
    value: Any, path: tuple[PathPart, ...], ids: bool, is_id: bool = False
) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    """Every text in *value* with its path: the ids and references, or the other text."""
    if type(value) is str:
        if is_id is ids:
            yield path, value
    elif type(value) is tuple:
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i), ids, is_id)
    elif isinstance(value, Rating):  # written as `ratings: {scale: votes}`
        if ids:
            yield (*path[:-1], value.scale), value.scale
            for perspective in value.by_perspective() if value.perspectives else ():
                yield (*path[:-1], value.scale, perspective), perspective
    elif attrs.has(type(value)):
        references = _REFERENCES.get(type(value), ())
        for a in attrs.fields(type(value)):
            name = value.kind.value if isinstance(value, Note) and a.name == "text" else a.name
            is_ref = a.name == "id" or a.name in references
            yield from _strings(getattr(value, a.name), (*path, name), ids, is_ref)


_ASCII_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
"""Every ASCII character an id may not hold, but the line break that joins ids."""

_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cn", "Co", "Cs"}


def _char(c: str) -> str:
    return f"U+{ord(c):04X} {unicodedata.name(c, 'a control character')}"


def _unclear(text: str) -> Message | None:
    """What makes an id look like another id, or ``None`` when nothing does."""
    for where, c in (("begins", text[:1]), ("ends", text[-1:])):
        if c.isspace():
            char = "" if c == " " else f" ({_char(c)})"
            return Message(f"problem.unclear-id-{where}", id=text, char=char)
    for c in text:
        if c != " " and (c.isspace() or unicodedata.category(c) in _INVISIBLE):
            return Message("problem.unclear-id-invisible", id=text, char=_char(c))
    return None


def _clear(text: str) -> str:
    kept = (" " if c.isspace() else c for c in text if unicodedata.category(c) not in _INVISIBLE)
    return " ".join("".join(kept).split())


@rule("unclear-id")
def _unclear_ids(journey: Journey, index: Index) -> Found:
    """Ids and references hold no invisible characters and no spaces at either end.

    Such ids look the same as another id to every reader (``intake`` and ``intake\u00a0``);
    ids are already one id in Unicode NFC, whatever form they were written in.
    """
    joined = "\n".join(index.id_texts)  # the fast path: a few scans of every id at once
    if (
        joined.isascii()
        and not _ASCII_CONTROL.search(joined)
        and " \n" not in joined
        and "\n " not in joined
        and not joined.startswith(" ")
        and not joined.endswith(" ")
    ):
        return
    for path, text in _strings(journey, (), ids=True):
        if text.isascii() and text.isprintable() and text == text.strip():
            continue  # the fast path: nearly every id
        if not text.strip():
            continue  # an empty id is empty-id's, an empty reference unknown-reference's
        why = _unclear(text)
        if why is not None:
            yield path, why, Message("problem.unclear-id-hint", id=_clear(text))


@rule("rating-lane")
def _rating_lanes(journey: Journey, index: Index) -> Found:
    """A rating lane names its scale, and holds no steps of its own."""
    for i, lane in enumerate(journey.lanes):
        if lane.kind is LaneKind.RATING and lane.scale is None:
            yield ("lanes", i), Message("problem.rating-lane-scale")
    for i, step in enumerate(journey.steps):
        if index.lanes.get(step.lane) is LaneKind.RATING:
            yield ("steps", i, "lane"), Message("problem.rating-lane-steps", lane=step.lane)


@rule("bad-scale")
def _scales(journey: Journey, index: Index) -> Found:
    """A scale runs from a lower to a higher bound, with one label per point (or none)."""
    for i, scale in enumerate(journey.scales):
        if scale.minimum >= scale.maximum:
            yield (
                ("scales", i, "maximum"),
                Message("problem.scale-bounds", maximum=scale.maximum, minimum=scale.minimum),
            )
        elif scale.labels and len(scale.labels) != len(scale.points):
            yield (
                ("scales", i, "labels"),
                Message(
                    "problem.scale-labels",
                    labels=len(scale.labels),
                    points=len(scale.points),
                    minimum=scale.minimum,
                    maximum=scale.maximum,
                ),
            )


@rule("rating-out-of-range")
def _ratings(journey: Journey, index: Index) -> Found:
    """Every vote of a rating lies on its scale."""
    for i, step in enumerate(journey.steps):
        for rating in step.ratings:
            bounds = index.scales.get(rating.scale)
            if bounds is None:
                continue
            low, high = bounds
            groups: list[tuple[str | None, tuple[int, ...]]] = (
                [*rating.by_perspective().items()]
                if rating.perspectives
                else [(None, rating.votes)]
            )
            for perspective, votes in groups:
                for j, vote in enumerate(votes):
                    if low <= vote <= high:
                        continue
                    path: Path = ("steps", i, "ratings", rating.scale)
                    if perspective is not None:
                        path = (*path, perspective)
                    if len(votes) > 1:
                        path = (*path, j)
                    off = Message(
                        "problem.off-scale", vote=vote, scale=rating.scale, low=low, high=high
                    )
                    yield path, off


@rule("date-order")
def _dates(journey: Journey, index: Index) -> Found:
    """Dates are coherent: an insight is discussed after it was written, and marked so."""
    for i, insight in enumerate(journey.insights):
        if insight.discussed_on is not None:
            if not insight.discussed:
                yield ("insights", i, "discussed"), Message("problem.discussed-flag")
            if insight.date is not None and insight.discussed_on < insight.date:
                yield (
                    ("insights", i, "discussed_on"),
                    Message(
                        "problem.discussed-before",
                        discussed=insight.discussed_on,
                        written=insight.date,
                    ),
                )


# --- warnings: the seed's "are really all actions listed?" ----------------------------


def _told(duration: Duration) -> Message:
    """A duration as a message: ``4-6 weken``, ``4-6 weeks``."""
    amount = f"{round(duration.amount, 1):g}"  # a sum in other units: 19.04 weeks is 19
    if duration.up_to is not None:
        amount += f"-{round(duration.up_to, 1):g}"
    single = duration.up_to is None and duration.amount == 1
    unit = Message(f"duration-unit.{duration.unit.value}", n=1 if single else 2)
    return Message("duration", amount=amount, unit=unit)


@rule("over-norm", WARNING)
def _norms(journey: Journey, index: Index) -> Found:
    """A lead time stays within its norm: a phase's, and the phases' together the journey's."""
    for i, phase in enumerate(journey.phases):
        lead, norm = phase.lead_time, phase.norm_lead_time
        if lead is not None and norm is not None and over_norm(lead, norm):
            yield (
                ("phases", i, "lead_time"),
                Message("problem.over-norm", lead=_told(lead), norm=_told(norm)),
            )
    if journey.norm_lead_time is not None:
        total = total_lead_time(journey.phases)
        if total is not None and over_norm(total, journey.norm_lead_time):
            yield (
                ("norm_lead_time",),
                Message(
                    "problem.over-norm-journey",
                    lead=_told(total),
                    norm=_told(journey.norm_lead_time),
                ),
            )


@rule("sentiment-without-moment", WARNING)
def _sentiments(journey: Journey, index: Index) -> Found:
    """Only a moment of truth is told positive or negative."""
    for i, step in enumerate(journey.steps):
        if step.sentiment is not None and not step.moment_of_truth:
            yield (
                ("steps", i, "sentiment"),
                Message("problem.sentiment-without-moment", sentiment=step.sentiment.value),
            )


@rule("no-persona", WARNING)
def _persona(journey: Journey, index: Index) -> Found:
    """The journey follows a named persona (it helps the thinking)."""
    if journey.persona is None:
        yield ("persona",), Message("problem.no-persona")


@rule("no-objective", WARNING)
def _objectives(journey: Journey, index: Index) -> Found:
    """The objectives of the session and of the client are written down."""
    if journey.objectives.session is None:
        yield ("objectives", "session"), Message("problem.no-session-objective")
    if journey.objectives.client is None:
        yield ("objectives", "client"), Message("problem.no-client-objective")


@rule("empty-phase", WARNING)
def _empty_phases(journey: Journey, index: Index) -> Found:
    """Every phase has steps."""
    if not journey.phases:
        yield ("phases",), Message("problem.no-phases")
    for i, phase in enumerate(journey.phases):
        if index.steps_per_phase[phase.id] == 0:
            yield ("phases", i), Message("problem.empty-phase", name=phase.name)


@rule("unrated-experience", WARNING)
def _unrated(journey: Journey, index: Index) -> Found:
    """A step in an experience lane has a rating."""
    for i, step in enumerate(journey.steps):
        if index.lanes.get(step.lane) is LaneKind.EXPERIENCE and not step.ratings:
            yield ("steps", i, "ratings"), Message("problem.unrated", title=step.title)


@rule("ambiguous-step", WARNING)
def _ambiguous_steps(journey: Journey, index: Index) -> Found:
    """A reference to a step whose title another step shares names both."""
    by_title: dict[str, list[Step]] = {}
    for step in journey.steps:
        by_title.setdefault(" ".join(step.title.casefold().split()), []).append(step)
    shared = {s.id: group for group in by_title.values() if len(group) > 1 for s in group}
    if not shared:
        return
    for key, field in (("actions", "targets"), ("actions", "ideas"), ("insights", "steps")):
        for i, item in enumerate(getattr(journey, key)):
            for j, step_id in enumerate(getattr(item, field)):
                group = shared.get(step_id)
                if group is None:
                    continue
                step = next(s for s in group if s.id == step_id)
                for other in group:
                    if other.id != step_id:
                        yield (
                            (key, i, field, j),
                            Message(
                                "problem.ambiguous-step",
                                ref=step_id,
                                title=step.title,
                                other=other.id,
                            ),
                        )


@rule("idea-without-action", WARNING)
def _ideas(journey: Journey, index: Index) -> Found:
    """Every improvement idea has led to an action (or was consciously left)."""
    used = {idea for action in journey.actions for idea in action.ideas}
    used |= {target for action in journey.actions for target in action.targets}
    for i, step in enumerate(journey.steps):
        if index.lanes.get(step.lane) is LaneKind.IDEAS and step.id not in used:
            yield ("steps", i), Message("problem.idea-without-action", title=step.title)


@rule("incomplete-action", WARNING)
def _actions(journey: Journey, index: Index) -> Found:
    """Every improvement action has an owner and the steps it should improve."""
    for i, action in enumerate(journey.actions):
        if not action.owner:
            yield (
                ("actions", i, "owner"),
                Message("problem.action-without-owner", title=action.title),
            )
        if not action.targets:
            yield (
                ("actions", i, "targets"),
                Message("problem.action-without-targets", title=action.title),
            )


@rule("not-an-idea", WARNING)
def _action_ideas(journey: Journey, index: Index) -> Found:
    """The ideas an action comes from are post-its in an ideas lane."""
    kinds = {step.id: index.lanes.get(step.lane) for step in journey.steps}
    for i, action in enumerate(journey.actions):
        for j, step_id in enumerate(action.ideas):
            if step_id in kinds and kinds[step_id] is not LaneKind.IDEAS:
                yield ("actions", i, "ideas", j), Message("problem.not-an-idea", id=step_id)


def control_characters(
    value: Any,
) -> Iterator[tuple[tuple[PathPart, ...], Message, Message]]:
    """Where the text of *value* (a journey, a workshop plan ...) holds a control character.

    Yields ``(path, message, hint)`` for each text that does, ids and references left
    out (``unclear-id`` is theirs); tabs and line breaks are text.
    """
    if not CONTROL.search("\n".join(_flat_strings(value, ids=False))):
        return  # the fast path: one scan of all the text at once
    for path, text in _strings(value, (), ids=False):
        found = CONTROL.search(text)
        if found is not None:
            char = f"U+{ord(found.group()):04X}"
            message = Message("problem.control-character", char=char, position=found.start() + 1)
            yield path, message, Message("problem.control-character-hint")


@rule("control-character", WARNING)
def _control_characters(journey: Journey, index: Index) -> Found:
    """Text holds no control characters (tabs and line breaks are fine); exports drop them."""
    yield from control_characters(journey)


@rule("signoff-outdated", WARNING)
def _signoffs(journey: Journey, index: Index) -> Found:
    """A colleague's latest sign-off still matches the content (its fingerprint)."""
    for i, record in outdated_signoffs(journey):
        yield (
            ("signoffs", i, "fingerprint"),
            Message("problem.signoff-outdated", who=record.who, date=record.date),
        )
