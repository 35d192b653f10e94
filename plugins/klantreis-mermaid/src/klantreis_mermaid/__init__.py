"""klantreis-mermaid: a journey as a Mermaid ``journey`` diagram.

One ``section`` per phase, one task per step with its score on the emotion scale
(mapped onto Mermaid's 1-5, following the scale's direction) and its actors: the
step's actor, or else the lane's actor, or the persona for the client's own steps.
GitHub and GitLab draw the diagram from a fenced ``mermaid`` block.

It uses only klantreis's public API: ``klantreis.hookimpl``, the model, and
``klantreis.exporters.Exporter``/``option``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from attrs import frozen

import klantreis
from klantreis import Journey, LaneKind, Scale, Step
from klantreis.exporters import Exporter, option

__all__ = ["MERMAID", "MermaidOptions", "render_mermaid"]
__version__ = "0.1.0"


@frozen
class MermaidOptions:
    """Options of the Mermaid exporter."""

    scale: str = option("emotion", help="id of the scale that gives each task its score")
    unrated: int = option(3, help="the score (1-5) of a step without a rating")
    fenced: bool = option(False, help="wrap the diagram in a ```mermaid block for Markdown")


# Mermaid's journey grammar ends a name at '#', ':', ';' or a line break, reads '%%'
# as a comment and ',' between actors. Look-alike characters keep the text readable.
_REPLACE = str.maketrans(
    {
        ":": "\ua789",  # modifier letter colon
        ";": "\uff1b",
        "#": "\uff03",
        "%": "\uff05",
        "<": "\uff1c",
        ">": "\uff1e",
        "`": "\u02cb",
    }
)
_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029\t]+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_KEYWORDS = re.compile(r"^(journey|title|section|accTitle|accDescr)\b", re.IGNORECASE)


def text(value: str, *, actor: bool = False) -> str:
    """*value* made safe as a Mermaid journey name (one line, no separators).

    >>> text("Belt: de huisarts; #1")
    'Belt꞉ de huisarts； ＃1'
    """
    clean = _CONTROLS.sub("", _BREAKS.sub(" ", value)).translate(_REPLACE)
    if actor:
        clean = clean.replace(",", "\u201a")  # single low-9 quotation mark
    clean = " ".join(clean.split())
    if _KEYWORDS.match(clean):
        clean = "\u200b" + clean  # a keyword at the start would end the task
    return clean or "…"


def score(scale: Scale | None, step: Step, unrated: int) -> int:
    """The step's rating on *scale* as Mermaid's 1 (worst) to 5 (best)."""
    rating = step.rating(scale.id) if scale is not None else None
    if scale is None or rating is None or not rating.votes:
        return unrated
    span = scale.maximum - scale.minimum
    t = 0.5 if span <= 0 else (rating.value - scale.minimum) / span
    if scale.is_better(scale.minimum, scale.maximum):
        t = 1 - t
    t = min(1.0, max(0.0, t))
    return 1 + math.floor(t * 4 + 0.5)


def render_mermaid(journey: Journey, options: MermaidOptions) -> str:
    """The Mermaid ``journey`` diagram of *journey*."""
    if not 1 <= options.unrated <= 5:
        raise klantreis.ExportError("option 'unrated': a Mermaid score lies between 1 and 5")
    scale = journey.scale(options.scale)
    lanes = {lane.id: lane for lane in journey.lanes}
    actors = {a.id: a.name for a in journey.actors}
    persona = journey.persona.name if journey.persona else None
    lines = ["journey", f"    title {text(journey.title)}"]
    for phase in journey.phases:
        steps = list(journey.steps_in(phase=phase.id))
        if not steps:
            continue
        lines.append(f"    section {text(phase.name)}")
        for step in steps:
            who: list[str] = []
            lane = lanes.get(step.lane)
            if step.actor in actors:
                who.append(actors[step.actor])
            elif lane is not None and lane.actor in actors:
                who.append(actors[lane.actor])
            elif lane is not None and lane.kind is LaneKind.CLIENT and persona:
                who.append(persona)
            elif lane is not None:
                who.append(lane.name)
            people = ", ".join(text(w, actor=True) for w in who)
            title = ("★ " if step.moment_of_truth else "") + step.title
            task = f"      {text(title)}: {score(scale, step, options.unrated)}"
            lines.append(task + (f": {people}" if people else ""))
    body = "\n".join(lines) + "\n"
    return f"```mermaid\n{body}```\n" if options.fenced else body


MERMAID = Exporter(
    name="mermaid",
    description="a Mermaid journey diagram: a section per phase, a scored task per step",
    suffix=".mmd",
    media_type="text/vnd.mermaid",
    render=render_mermaid,
    options=MermaidOptions,
)


@klantreis.hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Give klantreis the Mermaid exporter."""
    register(MERMAID)
