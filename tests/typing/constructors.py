"""What the model's constructors accept, as mypy --strict sees it (tests/test_typing.py).

Every line without a comment must type-check. A line ending in ``# type: ignore[...]``
must stay an error: with ``warn_unused_ignores`` (part of --strict) mypy fails as soon
as such a call is accepted, so the annotations keep telling the truth. The calls are
in functions that nothing runs.
"""

import datetime as dt

from klantreis import Channel, Duration, Insight, Journey, Lane, Phase, Rating, Step
from klantreis.workshop.model import Activity, Workshop


def accepted() -> None:
    """What converts: enum text, mappings of scale to votes, duration text, ISO dates, lists."""
    Journey(title="x", language="en", phases=[Phase(name="a", lead_time="2-4 weken")])
    Step(title="a", phase="p", lane="client", ratings={"emotion": 2, "motivation": [1, 2]})
    Step(title="a", phase="p", lane="client", ratings=[Rating("emotion", 2)], channels=["phone"])
    Step(title="a", phase="p", lane="client", channels=(Channel.EMAIL,), duration=None)
    Lane(name="x", kind="ideas")
    Insight(text="x", date="2026-03-26", steps=("a",), discussed_on=dt.date(2026, 4, 1))
    Duration(2, "weken", 3.5)
    Activity(start="9:30", title="x", end=dt.time(10, 0))
    Workshop(title="x", meeting="second", start="9:00", materials=["post-its"])


def refused() -> None:
    """What does not: each call is a type error (and a TypeError or ValueError at run time)."""
    Journey(title="x", phases=["Aanmelding"])  # type: ignore[list-item]
    Journey(title=1)  # type: ignore[arg-type]
    Step(title="a", phase="p", lane="client", moment_of_truth=1)  # type: ignore[arg-type]
    Step(title="a", phase="p", lane="client", ratings=["emotion"])  # type: ignore[list-item]
    Step(title="a", phase="p", lane="client", ratings={"emotion": 2.5})  # type: ignore[dict-item]
    Rating("emotion", [1.0])  # type: ignore[list-item]
    Phase(name="a", lead_time=3)  # type: ignore[arg-type]
    Insight(text="x", date=dt.datetime(2026, 3, 26).timestamp())  # type: ignore[arg-type]
