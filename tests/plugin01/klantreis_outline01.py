# A copy of plugins/template/src/klantreis_myformat/__init__.py as klantreis 0.1 shipped it,
# renamed as its README says (myformat -> outline01). Do not modernise it: it is the test
# that plugins written for 0.1 keep working.
"""klantreis-outline01: a starting point for a klantreis exporter plugin.

It exports a plain-text outline of a journey: phases, and under each the steps.
Replace ``render_outline`` with your own format; keep it deterministic, let it
return ``str`` (or ``bytes`` with ``binary=True``), and leave the writing to
klantreis.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import frozen

import klantreis
from klantreis import Journey
from klantreis.exporters import Exporter, option

__all__ = ["OUTLINE01", "OutlineOptions", "render_outline"]


@frozen
class OutlineOptions:
    """The options users give with ``--option key=value``."""

    bullets: str = option("-", help="the mark in front of each step")


def render_outline(journey: Journey, options: OutlineOptions) -> str:
    """The outline of *journey*: a line per phase, an indented line per step."""
    lines = [" ".join(journey.title.split())]
    for phase in journey.phases:
        lines.append(" ".join(phase.name.split()))
        for step in journey.steps_in(phase=phase.id):
            lines.append(f"  {options.bullets} {' '.join(step.title.split())}")
    return "\n".join(lines) + "\n"


OUTLINE01 = Exporter(
    name="outline01",
    description="a plain-text outline: phases and their steps",
    suffix=".txt",
    media_type="text/plain",
    render=render_outline,
    options=OutlineOptions,
)


@klantreis.hookimpl
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Give klantreis this plugin's exporters."""
    register(OUTLINE01)
