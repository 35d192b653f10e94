"""Hypothesis strategies that build valid journeys, for klantreis's tests and yours.

Every journey drawn from :func:`journeys` passes :func:`klantreis.validate` without
errors (warnings may occur): ids are unique, every reference resolves, ratings lie on
their scales and dates are coherent. Plugin authors use them to test an exporter
against journeys they would never think of writing by hand::

    from hypothesis import given
    from klantreis.testing.strategies import journeys

    @given(journeys())
    def test_my_exporter_never_fails(journey):
        ...

Parameters that shape a journey take strategies, like ``xarray.testing.strategies``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from klantreis.model import (
    Actor,
    Channel,
    Direction,
    Duration,
    DurationUnit,
    ImprovementAction,
    Indicator,
    Insight,
    Iteration,
    Journey,
    Judgement,
    Lane,
    LaneKind,
    Language,
    Note,
    NoteKind,
    Objectives,
    PainPoints,
    Persona,
    PersonaRole,
    Perspective,
    Phase,
    Quality,
    Rating,
    Scale,
    Scope,
    Sentiment,
    Span,
    Status,
    Step,
    SystemBoundary,
    Theme,
)
from klantreis.templates import default_lanes, default_perspectives, default_scales

__all__ = [
    "durations",
    "hostile_texts",
    "ids",
    "journeys",
    "scales",
    "texts",
    "wrong_values",
]


def texts(*, min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text as people type it: any letters, digits, punctuation and spaces, no control codes."""
    return st.text(
        st.characters(
            blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"),
            blacklist_characters="\ufeff",
        ),
        min_size=min_size,
        max_size=max_size,
    )


def hostile_texts(*, max_size: int = 60) -> st.SearchStrategy[str]:
    """Text chosen to break exporters: markup, quotes, control characters, RTL marks.

    Still a valid journey value: the model takes any text.
    """
    pieces = st.sampled_from(
        [
            "|",
            "\\",
            "\\N",
            '"',
            "'",
            "<",
            ">",
            "&",
            "{",
            "}",
            "[",
            "]",
            "<b>x</b>",
            "=1+1",
            "+31",
            "-",
            "@SUM(A1)",
            "\t",
            "\r",
            "\n",
            "\n\n",
            "# kop",
            "*",
            "_",
            "`",
            "\u202e",
            "\u200f",
            "😀",
            "ß",
            "ë",
            "漢字",
            "\x0b",
            "\x1b[31m",
            "\\\\",
            "-->",
            "]]>",
            "<!--",
            "javascript:",
            ":",
            "%",
            "$",
            "~",
            "---",
            "...",
            " ",
        ]
    )
    return (
        st.lists(st.one_of(pieces, texts(max_size=8)), min_size=1, max_size=12)
        .map("".join)
        .filter(lambda s: 0 < len(s) <= max_size * 4)
    )


def wrong_values() -> st.SearchStrategy[Any]:
    """Values of every kind, to set a field to what it may not take.

    Numbers, booleans, text that looks like an enum value, a date, a time or a duration,
    lists, mappings of scale to votes, dates and datetimes, enum members of other
    fields, bytes and plain objects. A test sets a field to one of them and checks that
    the constructor either converts it or refuses it, naming the class and the field,
    and that whatever it accepted breaks nothing later::

        @given(journey=journeys(), value=wrong_values())
        def test_my_exporter_takes_what_the_model_takes(journey, value): ...
    """
    numbers = st.one_of(
        st.booleans(), st.integers(-5, 12), st.integers(), st.floats(), st.decimals()
    )
    words = st.sampled_from(
        [
            *("", " ", "nl", "en", "de", "phone", "fax", "good", "done", "gedaan", "ideas"),
            *("weeks", "2 weken", "4-6 weeks", "1e999 weken", "9:30", "25:00", "2026-03-26"),
            *("26-03-2026", "0", "true", "null", "client", "emotion", "clie\u0301nt", "x\u200b"),
        ]
    )
    members = st.sampled_from(
        [*Language, *Channel, *LaneKind, *Judgement, *Status, *Theme, *NoteKind, *DurationUnit]
    )
    containers = st.one_of(
        st.lists(st.integers(-2, 6), max_size=3),
        st.lists(st.booleans() | st.floats(0, 5), min_size=1, max_size=2),
        st.lists(texts(max_size=5), max_size=2),
        st.dictionaries(ids(), st.integers(-2, 6) | st.lists(st.integers(-2, 6), max_size=2)),
        st.tuples(),
        st.frozensets(st.integers(0, 3), max_size=2),
    )
    return st.one_of(
        st.none(),
        numbers,
        words,
        texts(min_size=0, max_size=8),
        hostile_texts(max_size=10),
        members,
        containers,
        st.dates(),
        st.datetimes(),
        st.times(),
        durations(),
        st.just(b"bytes"),
        st.builds(object),
    )


def ids() -> st.SearchStrategy[str]:
    """Ids as klantreis derives them: lower case words joined by ``-``."""
    return st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


def durations() -> st.SearchStrategy[Duration]:
    """Durations and ranges in any unit."""
    amounts = st.integers(0, 500).map(float) | st.sampled_from([0.5, 1.5, 2.5])

    def build(unit: DurationUnit, low: float, extra: float | None) -> Duration:
        return Duration(low, unit, None if extra is None else low + extra)

    return st.builds(build, st.sampled_from(DurationUnit), amounts, st.none() | amounts)


@st.composite
def scales(draw: st.DrawFn, *, id: st.SearchStrategy[str] | None = None) -> Scale:
    """A scale with bounds, a direction and (sometimes) a label per point."""
    low = draw(st.integers(-3, 3))
    high = low + draw(st.integers(1, 9))
    points = high - low + 1
    labels = draw(
        st.none() | st.lists(texts(min_size=0, max_size=20), min_size=points, max_size=points)
    )
    return Scale(
        id=draw(id if id is not None else ids()),
        name=draw(texts()),
        minimum=low,
        maximum=high,
        direction=draw(st.sampled_from(Direction)),
        labels=tuple(labels or ()),
        question=draw(st.none() | texts()),
    )


_DATES = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))


def _unique_ids(n: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids(), min_size=n, max_size=n, unique=True)


@st.composite
def journeys(
    draw: st.DrawFn,
    *,
    text: st.SearchStrategy[str] | None = None,
    languages: st.SearchStrategy[Language] | None = None,
    max_phases: int = 5,
    max_steps: int = 15,
    max_actions: int = 4,
    max_insights: int = 4,
    default_template: st.SearchStrategy[bool] | None = None,
) -> Journey:
    """A valid journey: unique ids, references that resolve, ratings on their scales.

    *text* draws every piece of free text (titles, descriptions, notes); pass
    :func:`hostile_texts` to test an exporter's escaping. With *default_template*
    drawing ``True`` the journey uses the seed's lanes and scales.
    """
    text = text if text is not None else texts()
    language = draw(languages if languages is not None else st.sampled_from(Language))
    optional_text = st.none() | text
    use_template = draw(default_template if default_template is not None else st.booleans())

    actor_ids = draw(_unique_ids(draw(st.integers(0, 3))))
    actors = tuple(
        Actor(
            id=a,
            name=draw(text),
            organisation=draw(optional_text),
            needs=tuple(draw(st.lists(text, max_size=2))),
        )
        for a in actor_ids
    )

    if use_template:
        scale_list = default_scales(language)
        lane_list = default_lanes(language)
    else:
        scale_ids = draw(_unique_ids(draw(st.integers(0, 3))))
        scale_list = tuple(draw(scales(id=st.just(s))) for s in scale_ids)
        lane_ids = draw(_unique_ids(draw(st.integers(1, 5))))
        kinds = [k for k in LaneKind if k is not LaneKind.RATING]
        lane_items = []
        for lane_id in lane_ids:
            kind = draw(st.sampled_from(kinds + ([LaneKind.RATING] if scale_list else [])))
            lane_items.append(
                Lane(
                    id=lane_id,
                    name=draw(text),
                    kind=kind,
                    scale=draw(st.sampled_from([s.id for s in scale_list]))
                    if kind is LaneKind.RATING
                    else None,
                    actor=draw(st.none() | st.sampled_from(actor_ids))
                    if kind is LaneKind.ACTOR and actor_ids
                    else None,
                    description=draw(optional_text),
                )
            )
        if all(lane.kind is LaneKind.RATING for lane in lane_items):
            lane_items.append(Lane(id="steps-lane", name=draw(text), kind=LaneKind.CLIENT))
        lane_list = tuple(lane_items)

    if use_template or draw(st.booleans()):
        perspective_list = default_perspectives(language)
    else:
        perspective_list = tuple(
            Perspective(id=p, name=draw(text), description=draw(optional_text))
            for p in draw(_unique_ids(draw(st.integers(0, 3))))
        )
    perspective_ids = [p.id for p in perspective_list]

    phase_ids = draw(_unique_ids(draw(st.integers(1, max_phases))))
    phases = tuple(
        Phase(
            id=p,
            name=draw(text),
            goal=draw(optional_text),
            lead_time=draw(st.none() | durations()),
            norm_lead_time=draw(st.none() | durations()),
            description=draw(optional_text),
            indicators=draw(_indicators(text, optional_text)),
        )
        for p in phase_ids
    )

    step_lanes = [lane for lane in lane_list if lane.kind is not LaneKind.RATING]
    step_ids = draw(_unique_ids(draw(st.integers(0, max_steps))))
    steps = []
    for step_id in step_ids:
        rated = (
            draw(st.lists(st.sampled_from(scale_list), unique_by=lambda s: s.id))
            if scale_list
            else []
        )
        moment = draw(st.booleans())
        steps.append(
            Step(
                id=step_id,
                title=draw(text),
                phase=draw(st.sampled_from(phase_ids)),
                lane=draw(st.sampled_from(step_lanes)).id,
                description=draw(optional_text),
                actor=draw(st.none() | st.sampled_from(actor_ids)) if actor_ids else None,
                channels=tuple(draw(st.lists(st.sampled_from(Channel), max_size=3, unique=True))),
                duration=draw(st.none() | durations()),
                ratings=tuple(draw(_ratings(s, perspective_ids)) for s in rated),
                pain_points=PainPoints(
                    client=tuple(draw(st.lists(text, max_size=2))),
                    professional=tuple(draw(st.lists(text, max_size=2))),
                    organisation=tuple(draw(st.lists(text, max_size=1))),
                ),
                moment_of_truth=moment,
                sentiment=draw(st.none() | st.sampled_from(Sentiment)) if moment else None,
                result=draw(optional_text),
                keep=draw(st.booleans()),
                quality=draw(_qualities(optional_text)),
                boundaries=tuple(
                    draw(
                        st.lists(
                            st.builds(
                                SystemBoundary,
                                text=text,
                                reason=optional_text,
                                options=optional_text,
                            ),
                            max_size=2,
                        )
                    )
                ),
                notes=tuple(draw(st.lists(_notes(text, optional_text), max_size=3))),
                indicators=draw(_indicators(text, optional_text)),
            )
        )

    lane_kinds = {lane.id: lane.kind for lane in lane_list}
    idea_ids = [s.id for s in steps if lane_kinds[s.lane] is LaneKind.IDEAS]
    some_steps = (
        st.lists(st.sampled_from(step_ids), max_size=3, unique=True) if step_ids else st.just([])
    )
    some_ideas = (
        st.lists(st.sampled_from(idea_ids), max_size=2, unique=True) if idea_ids else st.just([])
    )
    action_ids = draw(_unique_ids(draw(st.integers(0, max_actions))))
    actions = tuple(
        ImprovementAction(
            id=a,
            title=draw(text),
            description=draw(optional_text),
            scope=draw(st.sampled_from(Scope)),
            theme=draw(st.sampled_from(Theme)),
            within_mandate=draw(st.none() | st.booleans()),
            tomorrow=draw(st.booleans()),
            owner=draw(optional_text),
            due=draw(st.none() | _DATES),
            status=draw(st.sampled_from(Status)),
            targets=tuple(draw(some_steps)),
            ideas=tuple(draw(some_ideas)),
            expected_effect=draw(optional_text),
        )
        for a in action_ids
    )

    insight_ids = draw(_unique_ids(draw(st.integers(0, max_insights))))
    insights = []
    for insight_id in insight_ids:
        written = draw(st.none() | _DATES)
        discussed = draw(st.booleans())
        discussed_on = None
        if discussed and draw(st.booleans()):
            start = written or dt.date(2020, 1, 1)
            discussed_on = draw(st.dates(start, dt.date(2031, 12, 31)))
        insights.append(
            Insight(
                id=insight_id,
                text=draw(text),
                author=draw(optional_text),
                date=written,
                steps=tuple(draw(some_steps)),
                discussed=discussed,
                discussed_on=discussed_on,
                outcome=draw(optional_text),
                follow_up=draw(st.booleans()),
            )
        )

    kwargs: dict[str, Any] = {}
    if not use_template:
        kwargs = {"scales": scale_list, "lanes": lane_list, "perspectives": perspective_list}
    return Journey(
        id=draw(ids()),
        title=draw(text),
        language=language,
        iteration=draw(
            st.none()
            | st.builds(
                Iteration,
                label=text,
                date=st.none() | _DATES,
                tips=st.lists(text, max_size=2).map(tuple),
                tops=st.lists(text, max_size=2).map(tuple),
            )
        ),
        description=draw(optional_text),
        norm_lead_time=draw(st.none() | durations()),
        objectives=Objectives(
            session=draw(optional_text), client=draw(optional_text), employee=draw(optional_text)
        ),
        persona=draw(
            st.none()
            | st.builds(
                Persona, name=text, role=st.sampled_from(PersonaRole), description=optional_text
            )
        ),
        span=draw(st.builds(Span, start=optional_text, end=optional_text, period=optional_text)),
        actors=actors,
        phases=phases,
        steps=tuple(steps),
        actions=actions,
        insights=tuple(insights),
        **kwargs,
    )


def _ratings(scale: Scale, perspective_ids: list[str]) -> st.SearchStrategy[Rating]:
    """A rating on *scale*: plain votes, or (sometimes) votes per perspective."""
    votes = st.lists(st.integers(scale.minimum, scale.maximum), min_size=1, max_size=4)
    plain = votes.map(lambda v: Rating(scale.id, tuple(v)))
    if not perspective_ids:
        return plain
    per_perspective = st.dictionaries(
        st.sampled_from(perspective_ids), votes, min_size=1, max_size=3
    ).map(lambda groups: Rating.of(scale.id, groups))
    return plain | per_perspective


def _indicators(
    text: st.SearchStrategy[str], optional_text: st.SearchStrategy[str | None]
) -> st.SearchStrategy[tuple[Indicator, ...]]:
    """Up to two measured figures with unique ids."""
    one = st.builds(
        Indicator,
        id=ids(),
        name=text,
        value=st.integers(-1000, 100000) | st.floats(-1e6, 1e6, allow_nan=False),
        unit=optional_text,
        date=st.none() | _DATES,
        source=optional_text,
        direction=st.sampled_from(Direction),
    )
    return st.lists(one, max_size=2, unique_by=lambda i: i.id).map(tuple)


def _qualities(optional_text: st.SearchStrategy[str | None]) -> st.SearchStrategy[Quality]:
    judgement = st.none() | st.sampled_from(Judgement)
    return st.builds(
        Quality,
        knowledge=judgement,
        attitude=judgement,
        skills=judgement,
        client_focus=judgement,
        comment=optional_text,
    )


def _notes(
    text: st.SearchStrategy[str], optional_text: st.SearchStrategy[str | None]
) -> st.SearchStrategy[Note]:
    return st.builds(
        Note,
        kind=st.sampled_from(NoteKind),
        text=text,
        author=optional_text,
        suggestion=optional_text,
    )
