"""The conformance kit rejects each kind of bad exporter, saying what is wrong.

Each bad exporter breaks one rule that users hit: an option that does not survive
the command line, a print, output that changes with the hash seed, a journey in
the other language. They live at module level so that the kit's fresh processes
can import them as they would a plugin.
"""

from __future__ import annotations

import enum
import textwrap
from typing import Literal

import pytest
from attrs import frozen

import klantreis
from klantreis.exporters import Exporter, option
from klantreis.testing.conformance import check_exporter, option_text, sample_journey


def _titles(journey: klantreis.Journey) -> list[str]:
    return [" ".join(step.title.split()) or "-" for step in journey.steps]


def _exporter(name: str, render, options: type | None = None) -> Exporter:  # type: ignore[no-untyped-def]
    extra = {"options": options} if options is not None else {}
    return Exporter(
        name=name,
        description=f"a test exporter: {name}",
        suffix=".txt",
        media_type="text/plain",
        render=render,
        **extra,
    )


# --- a good one, with options of every kind ------------------------------------------------


class Shape(str, enum.Enum):  # the pattern klantreis itself uses
    LIST = "list"
    LINE = "line"


@frozen
class GoodOptions:
    shape: Shape = option(Shape.LIST, help="one step per line, or all on one")
    bullet: Literal["-", "*"] = option("-", help="the mark")
    upper: bool = option(False, help="capitals")
    width: int = option(3, help="indent")
    ratio: float = option(0.5, help="unused")
    title: str | None = option(None, help="a title instead of the journey's")


def render_good(journey: klantreis.Journey, options: GoodOptions) -> str:
    titles = [t.upper() if options.upper else t for t in _titles(journey)]
    head = options.title if options.title is not None else " ".join(journey.title.split())
    if options.shape is Shape.LINE:
        return head + ": " + ", ".join(titles) + "\n"
    pad = " " * options.width
    return head + "\n" + "".join(f"{pad}{options.bullet} {t}\n" for t in titles)


GOOD = _exporter("good", render_good, GoodOptions)


def test_a_good_exporter_with_every_kind_of_option_passes():
    check_exporter(GOOD, max_examples=5, options={"shape": Shape.LINE, "bullet": "*"})


def test_option_text_is_what_a_user_types():
    assert [option_text(v) for v in (True, False, Shape.LINE, None, 3, 0.5, "x")] == [
        "true",
        "false",
        "line",
        "",
        "3",
        "0.5",
        "x",
    ]


# --- options that do not survive the command line -------------------------------------------


@frozen
class TupleOptions:
    columns: tuple[str, ...] = option(("title", "phase"), help="the columns")


def render_columns(journey: klantreis.Journey, options: TupleOptions) -> str:
    return ",".join(options.columns) + "\n"


COLUMNS = _exporter("columns", render_columns, TupleOptions)


def test_an_option_whose_default_is_refused_is_rejected():
    with pytest.raises(AssertionError) as caught:
        check_exporter(COLUMNS, max_examples=2)
    assert str(caught.value) == (
        "columns: option 'columns': the value ('title', 'phase') is refused through the API: "
        "option 'columns': expected a list, got tuple"
    )


@frozen
class MappingOptions:
    labels: dict[str, str] = option({"client": "Cliënt"}, help="the lanes' labels")


def render_labels(journey: klantreis.Journey, options: MappingOptions) -> str:
    return "\n".join(f"{k}={v}" for k, v in sorted(options.labels.items())) + "\n"


LABELS = _exporter("labels", render_labels, MappingOptions)


def test_an_option_that_text_cannot_give_is_rejected():
    assert klantreis.export(sample_journey(), LABELS) == "client=Cliënt\n"
    with pytest.raises(AssertionError) as caught:
        check_exporter(LABELS, max_examples=2)
    message = str(caught.value)
    assert message.startswith(
        "labels: option 'labels': {'client': 'Cliënt'} given as text "
        "(--option labels={'client': 'Cliënt'}) is refused: "
    )
    assert "give the option a type klantreis converts from text" in message


# --- printing ---------------------------------------------------------------------------------


def render_chatty(journey: klantreis.Journey, options: object) -> str:
    print("rendering", journey.id)
    return "\n".join(_titles(journey)) + "\n"


CHATTY = _exporter("chatty", render_chatty)


def test_an_exporter_that_prints_while_rendering_is_rejected(capsys):
    with pytest.raises(AssertionError) as caught:
        check_exporter(CHATTY, max_examples=2)
    message = str(caught.value)
    assert message.startswith("chatty: printed 'rendering intake\\n' while rendering in language")
    assert "never prints" in message
    assert capsys.readouterr().out == ""  # the kit caught it; nothing reached the terminal


def test_a_plugin_that_prints_when_it_is_imported_is_rejected(tmp_path, monkeypatch):
    (tmp_path / "loud_plugin.py").write_text(
        textwrap.dedent(
            """
            print("loud_plugin loaded")

            from klantreis.exporters import Exporter

            def render(journey, options):
                return journey.title + "\\n"

            LOUD = Exporter(name="loud", description="prints on import", suffix=".txt",
                            media_type="text/plain", render=render)
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import loud_plugin  # type: ignore[import-not-found]

    with pytest.raises(AssertionError) as caught:
        check_exporter(loud_plugin.LOUD, max_examples=2, hostile=False)
    message = str(caught.value)
    assert message.startswith("loud: wrote b'loud_plugin loaded\\n' to standard output")
    assert "loaded or rendered in a fresh process" in message


# --- output that depends on the hash seed -------------------------------------------------------


def render_by_set(journey: klantreis.Journey, options: object) -> str:
    return "\n".join({*_titles(journey)}) + "\n"  # a set: its order changes between runs


BY_SET = _exporter("by-set", render_by_set)


def test_an_exporter_that_orders_by_a_set_is_rejected():
    with pytest.raises(AssertionError) as caught:
        check_exporter(BY_SET, max_examples=3)
    message = str(caught.value)
    assert message.startswith(f"by-set: journey {sample_journey().title!r} in language 'nl' ")
    assert "different output in two processes (PYTHONHASHSEED=1 and 2)" in message
    assert "sort what you iterate over" in message


def render_sorted_set(journey: klantreis.Journey, options: object) -> str:
    return "\n".join(sorted({*_titles(journey)})) + "\n"


SORTED_SET = _exporter("sorted-set", render_sorted_set)


def test_a_sorted_set_passes():
    check_exporter(SORTED_SET, max_examples=3, hostile=False)


def test_an_exporter_a_fresh_process_cannot_find_is_named():
    def inner(journey: klantreis.Journey, options: object) -> str:
        return journey.title

    with pytest.raises(AssertionError, match="a fresh process cannot find this exporter"):
        check_exporter(_exporter("inner", inner), max_examples=2, hostile=False)
    check_exporter(_exporter("inner", inner), max_examples=2, hostile=False, processes=False)


# --- one language only -----------------------------------------------------------------

HEADINGS = {klantreis.Language.NL: "Stappen"}  # the English heading was forgotten


def render_dutch_only(journey: klantreis.Journey, options: object) -> str:
    return HEADINGS[journey.language] + "\n" + "\n".join(_titles(journey)) + "\n"


DUTCH_ONLY = _exporter("dutch-only", render_dutch_only)


def test_an_exporter_that_fails_in_one_language_is_rejected():
    journey = klantreis.Journey(title="Intake", phases=[klantreis.Phase(name="Aanmelding")])
    assert klantreis.export(journey, DUTCH_ONLY).startswith("Stappen")
    with pytest.raises(AssertionError) as caught:
        check_exporter(DUTCH_ONLY, max_examples=3)
    message = str(caught.value)
    assert message.startswith("dutch-only: rendering a valid journey in language 'en' failed")
    assert "KeyError" in message


def test_a_single_file_plugin_is_checked_in_fresh_processes_too(tmp_path):
    from klantreis import plugins

    file = tmp_path / "kit_outline.py"
    file.write_text(
        textwrap.dedent(
            """
            import klantreis
            from klantreis.exporters import Exporter

            def render(journey, options):
                return "\\n".join(sorted({s.title for s in journey.steps})) + "\\n"

            @klantreis.hookimpl
            def klantreis_register_exporters(register):
                register(Exporter(name="kit-outline", description="sorted titles",
                                  suffix=".txt", media_type="text/plain", render=render))
            """
        ),
        encoding="utf-8",
    )
    name = plugins.load_plugin_file(file)
    try:
        check_exporter("kit-outline", max_examples=3, hostile=False)
    finally:
        plugins.unregister_plugin(name)
