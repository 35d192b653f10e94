"""A portfolio of journeys: what an organisation that keeps several journeys looks at.

:func:`portfolio` takes journeys (each file one iteration; files with the same journey
``id`` are iterations of one journey, put in order by their iteration dates) and
gathers, over the latest iteration of each journey:

- the **action board**: every improvement action with its owner, due date, status,
  scope and theme, and whether it is overdue on *today* (due before it, not done or
  dropped);
- **recurring pain points**: pain points of different journeys at the same kind of
  lane and side (client or professional) whose words are alike, grouped with the
  words they share shown (see :func:`similar`); a tag in ``pain_points.tags`` (or on
  a post-it) groups the pain points and post-its that carry it instead, whatever their
  wording;
- the **lowest-rated moments of truth** across the journeys, on each scale judged by
  its direction;
- **actions done without effect** (and those whose effect slid back), from each
  journey's :func:`~klantreis.manage.history`;
- the **balance** of the four themes and of "zelf / anderen nodig" (scope);
- journeys **not re-measured** for longer than *stale_after* days.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import frozen

from klantreis.aggregate import step_mean
from klantreis.manage.iterations import History, HistoryError, Lasting, history
from klantreis.model import Direction, Journey, Language, Scope, Status, Theme

__all__ = [
    "BoardItem",
    "JourneyEntry",
    "Moment",
    "PainGroup",
    "PainPointRef",
    "Portfolio",
    "Stale",
    "group_iterations",
    "journey_files",
    "portfolio",
    "similar",
]

SUFFIXES = (".yaml", ".yml", ".json")


@frozen(kw_only=True)
class JourneyEntry:
    """One journey of the portfolio and its iterations."""

    id: str
    title: str
    language: Language
    sources: tuple[str, ...]
    """Its files (or other sources), oldest iteration first."""
    last_date: dt.date | None
    """The date of its latest iteration, if that has one."""
    history: History


@frozen(kw_only=True)
class BoardItem:
    """An improvement action on the board (its latest iteration)."""

    journey: str
    journey_title: str
    id: str
    title: str
    owner: str | None
    due: dt.date | None
    status: Status
    scope: Scope
    theme: Theme
    overdue: bool
    lasting: Lasting
    slid_back_in: int | None = None
    """For :attr:`Lasting.SLID_BACK`: the iteration (from 0) it slid back in."""


@frozen(kw_only=True)
class PainPointRef:
    """Where a pain point was written: journey, step, and the text."""

    journey: str
    step: str
    step_title: str
    text: str
    tags: tuple[str, ...] = ()
    """The tags of the step's pain points (``pain_points.tags``), or of the post-it."""
    source: str = "pain-point"
    """``pain-point``, or for a tagged post-it ``note-question``, ``note-disagreement``
    or ``note-addition``."""


@frozen(kw_only=True)
class PainGroup:
    """Pain points of several journeys that look alike."""

    lane: str
    """The id of the lane of their steps."""
    lane_name: str
    side: str
    """``client`` or ``professional``."""
    words: tuple[str, ...]
    """The words members share (alike words shown once): why they were grouped."""
    members: tuple[PainPointRef, ...]
    tag: str | None = None
    """For a group made by a tag (``pain_points.tags``): the tag. Its members may sit in
    different lanes; ``lane`` and ``side`` are the first member's."""

    @property
    def journeys(self) -> tuple[str, ...]:
        """The journeys the group spans, in order of appearance."""
        return tuple(dict.fromkeys(m.journey for m in self.members))


@frozen(kw_only=True)
class Moment:
    """A moment of truth's score on one scale, in the latest iteration of its journey."""

    journey: str
    step: str
    title: str
    scale: str
    scale_name: str
    direction: Direction
    value: float
    goodness: float
    """The value on the scale from 0 (its worst point) to 1 (its best)."""


@frozen(kw_only=True)
class Stale:
    """A journey not mapped again for longer than the portfolio allows."""

    journey: str
    title: str
    last_date: dt.date | None
    days: int | None
    """Days since its latest iteration; ``None`` when that has no date."""


@frozen(kw_only=True)
class Portfolio:
    """Several journeys at once (build it with :func:`portfolio`)."""

    today: dt.date
    stale_after: int
    journeys: tuple[JourneyEntry, ...]
    board: tuple[BoardItem, ...]
    """Every action of every journey's latest iteration: overdue first, then by due date."""
    pain_points: tuple[PainGroup, ...]
    """Groups of alike pain points that span at least two journeys."""
    moments: tuple[Moment, ...]
    """The moments of truth, lowest-rated first."""
    themes: tuple[tuple[Theme, int], ...]
    """How many actions per theme (every theme listed)."""
    scopes: tuple[tuple[Scope, int], ...]
    """How many actions we can do ourselves, and how many need others."""
    stale: tuple[Stale, ...]

    @property
    def without_effect(self) -> tuple[BoardItem, ...]:
        """Actions done whose target steps did not get better, or slid back."""
        return tuple(a for a in self.board if a.lasting in (Lasting.NO_EFFECT, Lasting.SLID_BACK))

    @property
    def overdue(self) -> tuple[BoardItem, ...]:
        """The actions overdue on :attr:`today`."""
        return tuple(a for a in self.board if a.overdue)


# --- finding journey files ------------------------------------------------------------


def journey_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The YAML and JSON files under *folder* (hidden folders left out), sorted."""
    root = Path(folder)
    if not root.is_dir():
        raise HistoryError(f"{folder}: not a folder")
    found = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    if not found:
        raise HistoryError(f"{folder}: no journey files (.yaml, .yml, .json) in it")
    return sorted(found)


# --- alike words ----------------------------------------------------------------------

_STOP_WORDS = """
    de het een en of van voor na dat die dit deze niet geen wel is zijn was wordt worden
    op te in met bij aan uit er om als wat wie waar wanneer welke ook nog al iemand
    voordat omdat door naar over tot je ik we ze hij zij hun haar zich weet moet kan
    the a an and or of for to in on at by with from is are was be been not no that this
    which who when what where it its they their he she his her has have can must
"""
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")
_PREFIX = 5


def _words(text: str) -> list[str]:
    """The content words of *text*: lower case, accents dropped, common words left out."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )
    return [w for w in _WORD.findall(plain) if w not in _STOP and len(w) > 2]


def _alike(a: str, b: str) -> bool:
    return a == b or (len(a) >= _PREFIX and len(b) >= _PREFIX and a[:_PREFIX] == b[:_PREFIX])


def similar(a: str, b: str) -> float:
    """How alike two pain points are, from 0 to 1: the share of the content words of
    both that have an alike word (the same, or the same first five letters) in the other.

    >>> round(similar("Lang wachten voordat iemand terugbelt",
    ...               "Lang wachten voordat de schuldhulp terugbelt"), 2)
    0.86
    >>> similar("Weet niet wanneer het wijkteam terugbelt", "Weet niet welke papieren nodig zijn")
    0.0
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    hits = sum(any(_alike(x, y) for y in wb) for x in wa)
    hits += sum(any(_alike(y, x) for x in wa) for y in wb)
    return hits / (len(wa) + len(wb))


THRESHOLD = 0.6
"""Pain points at least this :func:`similar` are grouped."""


def _group(refs: Sequence[tuple[str, str, str, PainPointRef]]) -> list[PainGroup]:
    """Group pain points: those with tags by tag, the others when alike with the same
    lane and side (single linkage). Groups within one journey are left out."""
    groups = []
    by_tag: dict[str, list[int]] = {}
    for i, (_, _, _, ref) in enumerate(refs):
        for tag in ref.tags:
            by_tag.setdefault(tag, []).append(i)
    for tag, indices in by_tag.items():
        group = [refs[i][3] for i in indices]
        if len({m.journey for m in group}) >= 2:
            lane, name, side, _ = refs[indices[0]]
            groups.append(
                PainGroup(
                    lane=lane,
                    lane_name=name,
                    side=side,
                    words=(),
                    members=tuple(group),
                    tag=tag,
                )
            )
    untagged = [i for i, r in enumerate(refs) if not r[3].tags]
    parent = {i: i for i in untagged}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for n, i in enumerate(untagged):
        lane, _, side, a = refs[i]
        for j in untagged[n + 1 :]:
            other_lane, _, other_side, b = refs[j]
            if (lane, side) == (other_lane, other_side) and similar(a.text, b.text) >= THRESHOLD:
                parent[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in untagged:
        members.setdefault(find(i), []).append(i)
    for indices in members.values():
        group = [refs[i][3] for i in indices]
        if len({m.journey for m in group}) < 2:
            continue
        shared = _shared_words([m.text for m in group])
        lane, name, side, _ = refs[indices[0]]
        groups.append(
            PainGroup(lane=lane, lane_name=name, side=side, words=shared, members=tuple(group))
        )
    return groups


def _shared_words(texts: Sequence[str]) -> tuple[str, ...]:
    """The words at least two of *texts* share (alike words count as one, shown by the
    shortest), most shared first."""
    counts: Counter[str] = Counter()
    shortest: dict[str, str] = {}
    for text in texts:
        for word in _words(text):
            stem = word[:_PREFIX]
            if len(word) < len(shortest.get(stem, word + "_")):
                shortest[stem] = word
        counts.update(list(dict.fromkeys(w[:_PREFIX] for w in _words(text))))
    return tuple(shortest[stem] for stem, n in counts.most_common() if n >= 2)


# --- the portfolio --------------------------------------------------------------------


def _goodness(direction: Direction, minimum: int, maximum: int, value: float) -> float:
    span = maximum - minimum
    share = (value - minimum) / span if span > 0 else 1.0
    return share if direction is Direction.HIGHER_IS_BETTER else 1.0 - share


def portfolio(
    journeys: Iterable[tuple[str, Journey]],
    *,
    today: dt.date | None = None,
    stale_after: int = 365,
) -> Portfolio:
    """The portfolio of *journeys*, given as ``(source, journey)`` pairs.

    Journeys with the same id are iterations of one journey, ordered by their
    iteration dates (undated ones first, in the order given). *today* (default: the
    date today) decides what is overdue and how long ago a journey was mapped; a
    journey whose latest iteration is more than *stale_after* days old, or has no
    date, is listed as not re-measured.
    """
    today = today if today is not None else dt.date.today()
    if stale_after < 0:
        raise ValueError(f"stale_after must not be negative, not {stale_after}")
    groups = group_iterations(journeys)
    entries = [journey_entry(members) for members in groups]
    board: list[BoardItem] = []
    pains: list[tuple[str, str, str, PainPointRef]] = []
    moments: list[Moment] = []
    for entry, members in zip(entries, groups, strict=True):
        last = members[-1][1]
        lasting = {a.ids[-1]: a for a in entry.history.actions if a.ids[-1]}
        for action in last.actions:
            board.append(
                BoardItem(
                    journey=entry.id,
                    journey_title=entry.title,
                    id=action.id,
                    title=action.title,
                    owner=action.owner,
                    due=action.due,
                    status=action.status,
                    scope=action.scope,
                    theme=action.theme,
                    overdue=action.due is not None
                    and action.due < today
                    and action.status not in (Status.DONE, Status.DROPPED),
                    lasting=lasting[action.id].lasting,
                    slid_back_in=lasting[action.id].slid_back_in,
                )
            )
        for step in last.steps:
            for side in ("client", "professional"):
                for text in getattr(step.pain_points, side):
                    ref = PainPointRef(
                        journey=entry.id,
                        step=step.id,
                        step_title=step.title,
                        text=text,
                        tags=step.pain_points.tags,
                    )
                    lane = last.lane(step.lane)
                    pains.append((step.lane, lane.name if lane else step.lane, side, ref))
            for note in step.notes:
                if note.tags:  # a post-it joins a group only by a tag
                    ref = PainPointRef(
                        journey=entry.id,
                        step=step.id,
                        step_title=step.title,
                        text=note.text,
                        tags=note.tags,
                        source=f"note-{note.kind.value}",
                    )
                    pains.append((step.lane, step.lane, "note", ref))
            if step.moment_of_truth:
                moments.extend(_moments(entry.id, last, step.id))
    board.sort(key=lambda a: (not a.overdue, a.due or dt.date.max))
    moments.sort(key=lambda m: (m.goodness, m.journey, m.step))
    themes = Counter(a.theme for a in board)
    scopes = Counter(a.scope for a in board)
    stale = []
    for entry in entries:
        days = (today - entry.last_date).days if entry.last_date is not None else None
        if days is None or days > stale_after:
            stale.append(
                Stale(journey=entry.id, title=entry.title, last_date=entry.last_date, days=days)
            )
    return Portfolio(
        today=today,
        stale_after=stale_after,
        journeys=tuple(entries),
        board=tuple(board),
        pain_points=tuple(_group(pains)),
        moments=tuple(moments),
        themes=tuple((t, themes[t]) for t in Theme),
        scopes=tuple((s, scopes[s]) for s in Scope),
        stale=tuple(stale),
    )


def group_iterations(
    journeys: Iterable[tuple[str, Journey]],
) -> list[list[tuple[str, Journey]]]:
    """*journeys* (``(source, journey)`` pairs) grouped by journey id, in the order each
    id first appears; each group in the order of its iteration dates (undated first, in
    the order given). Raises :class:`HistoryError` when there are none."""
    groups: dict[str, list[tuple[int, str, Journey]]] = {}
    for order, (source, journey) in enumerate(journeys):
        groups.setdefault(journey.id, []).append((order, source, journey))
    if not groups:
        raise HistoryError("a portfolio needs at least one journey")
    out = []
    for members in groups.values():
        members.sort(key=lambda m: (_date(m[2]) or dt.date.min, m[0]))
        out.append([(source, journey) for _, source, journey in members])
    return out


def journey_entry(members: Sequence[tuple[str, Journey]]) -> JourneyEntry:
    """The portfolio entry of one journey from its iterations, oldest first."""
    last = members[-1][1]
    return JourneyEntry(
        id=last.id,
        title=last.title,
        language=last.language,
        sources=tuple(source for source, _ in members),
        last_date=_date(last),
        history=history([j for _, j in members], sources=[source for source, _ in members]),
    )


def _date(journey: Journey) -> dt.date | None:
    return journey.iteration.date if journey.iteration is not None else None


def _moments(journey_id: str, journey: Journey, step_id: str) -> list[Moment]:
    step = journey.step(step_id)
    assert step is not None
    out = []
    for rating in step.ratings:
        scale = journey.scale(rating.scale)
        value = step_mean(rating.votes)
        if scale is None or value is None:
            continue
        out.append(
            Moment(
                journey=journey_id,
                step=step.id,
                title=step.title,
                scale=scale.id,
                scale_name=scale.name,
                direction=scale.direction,
                value=value,
                goodness=_goodness(scale.direction, scale.minimum, scale.maximum, value),
            )
        )
    return out
