"""Pydantic v2 and msgspec models of the same shape as a journey file.

They check what a schema can: every key known, every value of the right type, enums
and dates parsed, durations matched by a pattern. They do not check what klantreis's
domain rules do (unique ids, references that resolve, ratings on their scale), so
they are a lower bound for "load + full validation", not an equivalent.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional, Union

import msgspec
import pydantic
from pydantic import ConfigDict

from klantreis import (
    Channel,
    Direction,
    Judgement,
    LaneKind,
    Language,
    PersonaRole,
    Scope,
    Status,
    Theme,
)

__all__ = ["MsgspecJourney", "PydanticJourney"]

DURATION = r"^[0-9.]+(-[0-9.]+)? [a-z]+$"
Votes = Union[int, list[int]]  # noqa: UP007 - as written in the file: a number or a list

# --- pydantic v2 ----------------------------------------------------------------------


class _P(pydantic.BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


PDuration = Annotated[str, pydantic.StringConstraints(pattern=DURATION)]


class PIteration(_P):
    label: str
    date: Optional[dt.date] = None  # noqa: UP045


class PObjectives(_P):
    session: Optional[str] = None  # noqa: UP045
    client: Optional[str] = None  # noqa: UP045
    employee: Optional[str] = None  # noqa: UP045


class PPersona(_P):
    name: str
    role: PersonaRole = PersonaRole.CLIENT
    description: Optional[str] = None  # noqa: UP045


class PActor(_P):
    name: str
    id: Optional[str] = None  # noqa: UP045
    organisation: Optional[str] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045


class PScale(_P):
    name: str
    id: Optional[str] = None  # noqa: UP045
    minimum: int
    maximum: int
    direction: Direction = Direction.HIGHER_IS_BETTER
    labels: list[str] = []
    question: Optional[str] = None  # noqa: UP045


class PPhase(_P):
    name: str
    id: Optional[str] = None  # noqa: UP045
    goal: Optional[str] = None  # noqa: UP045
    lead_time: Optional[PDuration] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045


class PLane(_P):
    name: str
    id: Optional[str] = None  # noqa: UP045
    kind: LaneKind = LaneKind.OTHER
    actor: Optional[str] = None  # noqa: UP045
    scale: Optional[str] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045


class PNote(_P):
    question: Optional[str] = None  # noqa: UP045
    disagreement: Optional[str] = None  # noqa: UP045
    addition: Optional[str] = None  # noqa: UP045
    author: Optional[str] = None  # noqa: UP045
    suggestion: Optional[str] = None  # noqa: UP045


class PPainPoints(_P):
    client: list[str] = []
    professional: list[str] = []


class PQuality(_P):
    knowledge: Optional[Judgement] = None  # noqa: UP045
    attitude: Optional[Judgement] = None  # noqa: UP045
    skills: Optional[Judgement] = None  # noqa: UP045
    client_focus: Optional[Judgement] = None  # noqa: UP045
    comment: Optional[str] = None  # noqa: UP045


class PBoundary(_P):
    text: str
    reason: Optional[str] = None  # noqa: UP045
    options: Optional[str] = None  # noqa: UP045


class PStep(_P):
    title: str
    id: Optional[str] = None  # noqa: UP045
    phase: str
    lane: str
    description: Optional[str] = None  # noqa: UP045
    actor: Optional[str] = None  # noqa: UP045
    channels: list[Channel] = []
    duration: Optional[PDuration] = None  # noqa: UP045
    ratings: dict[str, Votes] = {}
    pain_points: Optional[PPainPoints] = None  # noqa: UP045
    moment_of_truth: bool = False
    quality: Optional[PQuality] = None  # noqa: UP045
    boundaries: list[PBoundary] = []
    notes: list[PNote] = []


class PAction(_P):
    title: str
    id: Optional[str] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045
    scope: Scope = Scope.OURSELVES
    theme: Theme = Theme.OTHER
    within_mandate: Optional[bool] = None  # noqa: UP045
    tomorrow: bool = False
    owner: Optional[str] = None  # noqa: UP045
    due: Optional[dt.date] = None  # noqa: UP045
    status: Status = Status.PROPOSED
    targets: list[str] = []
    ideas: list[str] = []
    expected_effect: Optional[str] = None  # noqa: UP045


class PInsight(_P):
    text: str
    id: Optional[str] = None  # noqa: UP045
    author: Optional[str] = None  # noqa: UP045
    date: Optional[dt.date] = None  # noqa: UP045
    steps: list[str] = []
    discussed: bool = False
    discussed_on: Optional[dt.date] = None  # noqa: UP045


class PydanticJourney(_P):
    format_version: int
    title: str
    id: Optional[str] = None  # noqa: UP045
    language: Language = Language.NL
    iteration: Optional[PIteration] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045
    objectives: Optional[PObjectives] = None  # noqa: UP045
    persona: Optional[PPersona] = None  # noqa: UP045
    actors: list[PActor] = []
    scales: list[PScale] = []
    phases: list[PPhase] = []
    lanes: list[PLane] = []
    steps: list[PStep] = []
    actions: list[PAction] = []
    insights: list[PInsight] = []


# --- msgspec --------------------------------------------------------------------------


class _M(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass


MDuration = Annotated[str, msgspec.Meta(pattern=DURATION)]


class MIteration(_M):
    label: str
    date: Optional[dt.date] = None  # noqa: UP045


class MObjectives(_M):
    session: Optional[str] = None  # noqa: UP045
    client: Optional[str] = None  # noqa: UP045
    employee: Optional[str] = None  # noqa: UP045


class MPersona(_M):
    name: str
    role: PersonaRole = PersonaRole.CLIENT
    description: Optional[str] = None  # noqa: UP045


class MActor(_M):
    name: str
    id: Optional[str] = None  # noqa: UP045
    organisation: Optional[str] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045


class MScale(_M, kw_only=True):
    name: str
    id: Optional[str] = None  # noqa: UP045
    minimum: int
    maximum: int
    direction: Direction = Direction.HIGHER_IS_BETTER
    labels: list[str] = []
    question: Optional[str] = None  # noqa: UP045


class MPhase(_M):
    name: str
    id: Optional[str] = None  # noqa: UP045
    goal: Optional[str] = None  # noqa: UP045
    lead_time: Optional[MDuration] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045


class MLane(_M):
    name: str
    id: Optional[str] = None  # noqa: UP045
    kind: LaneKind = LaneKind.OTHER
    actor: Optional[str] = None  # noqa: UP045
    scale: Optional[str] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045


class MNote(_M):
    question: Optional[str] = None  # noqa: UP045
    disagreement: Optional[str] = None  # noqa: UP045
    addition: Optional[str] = None  # noqa: UP045
    author: Optional[str] = None  # noqa: UP045
    suggestion: Optional[str] = None  # noqa: UP045


class MPainPoints(_M):
    client: list[str] = []
    professional: list[str] = []


class MQuality(_M):
    knowledge: Optional[Judgement] = None  # noqa: UP045
    attitude: Optional[Judgement] = None  # noqa: UP045
    skills: Optional[Judgement] = None  # noqa: UP045
    client_focus: Optional[Judgement] = None  # noqa: UP045
    comment: Optional[str] = None  # noqa: UP045


class MBoundary(_M):
    text: str
    reason: Optional[str] = None  # noqa: UP045
    options: Optional[str] = None  # noqa: UP045


class MStep(_M, kw_only=True):
    title: str
    id: Optional[str] = None  # noqa: UP045
    phase: str
    lane: str
    description: Optional[str] = None  # noqa: UP045
    actor: Optional[str] = None  # noqa: UP045
    channels: list[Channel] = []
    duration: Optional[MDuration] = None  # noqa: UP045
    ratings: dict[str, Votes] = {}
    pain_points: Optional[MPainPoints] = None  # noqa: UP045
    moment_of_truth: bool = False
    quality: Optional[MQuality] = None  # noqa: UP045
    boundaries: list[MBoundary] = []
    notes: list[MNote] = []


class MAction(_M):
    title: str
    id: Optional[str] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045
    scope: Scope = Scope.OURSELVES
    theme: Theme = Theme.OTHER
    within_mandate: Optional[bool] = None  # noqa: UP045
    tomorrow: bool = False
    owner: Optional[str] = None  # noqa: UP045
    due: Optional[dt.date] = None  # noqa: UP045
    status: Status = Status.PROPOSED
    targets: list[str] = []
    ideas: list[str] = []
    expected_effect: Optional[str] = None  # noqa: UP045


class MInsight(_M):
    text: str
    id: Optional[str] = None  # noqa: UP045
    author: Optional[str] = None  # noqa: UP045
    date: Optional[dt.date] = None  # noqa: UP045
    steps: list[str] = []
    discussed: bool = False
    discussed_on: Optional[dt.date] = None  # noqa: UP045


class MsgspecJourney(_M):
    format_version: int
    title: str
    id: Optional[str] = None  # noqa: UP045
    language: Language = Language.NL
    iteration: Optional[MIteration] = None  # noqa: UP045
    description: Optional[str] = None  # noqa: UP045
    objectives: Optional[MObjectives] = None  # noqa: UP045
    persona: Optional[MPersona] = None  # noqa: UP045
    actors: list[MActor] = []
    scales: list[MScale] = []
    phases: list[MPhase] = []
    lanes: list[MLane] = []
    steps: list[MStep] = []
    actions: list[MAction] = []
    insights: list[MInsight] = []
