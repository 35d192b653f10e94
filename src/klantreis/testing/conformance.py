"""A conformance check for exporters, to run in your plugin's own tests.

:func:`check_exporter` runs an exporter on journeys drawn by hypothesis, with
ordinary text and with text chosen to break exporters (:func:`hostile_texts`), and
checks the contract of :class:`klantreis.exporters.Exporter`:

- the record is well formed (name, suffix, options with defaults);
- the output has the declared type: ``bytes`` when ``binary``, else ``str`` that the
  declared encoding can encode;
- the output is deterministic: the same journey gives the same output twice;
- no valid journey makes it raise (an :class:`klantreis.ExportError` counts as a
  failure too: it is meant for the user's environment, not for the journey).

Use it in a test (it needs ``hypothesis``: ``pip install klantreis[testing]``)::

    from klantreis.testing.conformance import check_exporter

    def test_my_exporter_conforms():
        check_exporter("mermaid")
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantreis.exporters import Exporter, encode, make_options
from klantreis.exporting import get_exporter, render
from klantreis.model import Journey
from klantreis.testing.strategies import hostile_texts, journeys

__all__ = ["check_exporter", "check_output"]


def check_output(
    exporter: Exporter, journey: Journey, options: Mapping[str, Any] | None = None
) -> str | bytes:
    """Render *journey* twice and check type, encoding and determinism; return the output."""
    opts = make_options(exporter, options or {})
    first = render(exporter, journey, opts)
    expected = bytes if exporter.binary else str
    assert isinstance(first, expected), (
        f"{exporter.name}: returned {type(first).__name__}, declared {exporter.output_kind}"
    )
    encode(exporter, first)  # raises when the declared encoding cannot hold the text
    second = render(exporter, journey, opts)
    assert first == second, f"{exporter.name}: the same journey gave different output twice"
    return first


def check_exporter(
    exporter: str | Exporter,
    *,
    max_examples: int | None = None,
    options: Mapping[str, Any] | None = None,
    hostile: bool = True,
) -> None:
    """Check *exporter* (a name or an :class:`Exporter`) on hypothesis journeys.

    *max_examples* per kind of text (default: the active hypothesis profile's);
    *options* are passed as keyword options, e.g. ``{"layout": "grid"}``. Raises
    ``AssertionError`` (with hypothesis's smallest failing journey) when the exporter
    breaks its contract.
    """
    found = get_exporter(exporter) if isinstance(exporter, str) else exporter
    assert isinstance(found, Exporter), f"not an Exporter: {found!r}"
    found.options()  # every option has a default
    kwargs: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        kwargs["max_examples"] = max_examples
    texts: list[st.SearchStrategy[str] | None] = [None]
    if hostile:
        texts.append(hostile_texts())

    for text in texts:

        @settings(**kwargs)
        @given(journey=journeys(text=text))
        def run(journey: Journey) -> None:
            check_output(found, journey, options)

        run()
