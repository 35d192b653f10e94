"""The plugin API as mypy --strict sees it (tests/test_typing.py, nox -s typecheck).

``Exporter`` is generic over its options class: mypy checks that the render function
takes what the options class makes. ``export_text`` and ``export_bytes`` say which
type comes back. A line ending in ``# type: ignore[...]`` must stay an error.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import Any

from attrs import frozen

from klantreis import Journey, Language
from klantreis.exporters import Exporter, NoOptions, RenderContext, WordLookup, option
from klantreis.exporting import export_bytes, export_text


@frozen
class Options:
    wide: bool = option(False, help="wide")


def whole(journey: Journey, options: Options) -> str:
    return journey.title + ("!" if options.wide else "")


def chunks(
    journey: Journey,
    options: Options,
    *,
    language: Language,
    text: WordLookup,
    label: Callable[[enum.Enum], str],
    source: str | None,
    context: RenderContext[Options],
) -> Iterator[str]:
    yield text("export.phases") + language.value + (source or "") + str(context.options.wide)


def pictures(journey: Journey, options: NoOptions) -> bytes:
    return journey.title.encode()


def elsewhere(journey: Journey, options: int) -> str:
    return str(options)


def legacy(register: Callable[[Exporter], None]) -> None:
    """A 0.1 hook annotates a bare Exporter: that is Exporter[Any], and no error."""


def accepted() -> None:
    plain: Exporter[Options] = Exporter(
        name="w",
        description="d",
        suffix=".txt",
        media_type="text/plain",
        render=whole,
        options=Options,
    )
    streamed: Exporter[Options] = Exporter(
        name="c",
        description="d",
        suffix=".txt",
        media_type="text/plain",
        render=chunks,
        options=Options,
    )
    binary: Exporter[NoOptions] = Exporter(
        name="b",
        description="d",
        suffix=".bin",
        media_type="application/octet-stream",
        render=pictures,
        binary=True,
    )
    journey = Journey(title="x")
    title: str = export_text(journey, plain, wide=True)
    data: bytes = export_bytes(journey, binary)
    also: str = export_text(journey, streamed)
    assert title == "x!"
    assert data == b"x"
    assert also.startswith("Fases")
    legacy(lambda exporter: None)
    anything: Exporter[Any] = plain
    assert anything.asks == ()


def refused() -> None:
    Exporter(
        name="e",
        description="d",
        suffix=".txt",
        media_type="text/plain",
        render=elsewhere,  # type: ignore[arg-type]
        options=Options,
    )
    text: bytes = export_text(Journey(title="x"), "markdown")  # type: ignore[assignment]
    data: str = export_bytes(Journey(title="x"), "png")  # type: ignore[assignment]
    del text, data
