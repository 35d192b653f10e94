"""A conformance check for exporters, to run in your plugin's own tests.

:func:`check_exporter` runs an exporter on journeys drawn by hypothesis, with
ordinary text and with text chosen to break exporters (:func:`hostile_texts`), and
checks the contract of :class:`klantreis.exporters.Exporter`, the way users will
meet it:

- the record is well formed (name, suffix, options with defaults);
- every option works given as command-line text (``--option key=value``): its
  default, the value you pass in *options*, and each choice of a ``bool``, an
  ``Enum`` or a ``Literal`` option, written as text, give the same options as the
  value itself, and the same output;
- the output has the declared type: ``bytes`` when ``binary``, else ``str`` that the
  declared encoding can encode;
- the output is deterministic: the same journey gives the same output twice, in
  this process and in two fresh processes with different ``PYTHONHASHSEED`` (an
  exporter that orders by a ``set`` fails here: each ``klantreis export`` run would
  write another file);
- it works in both languages: every journey is rendered in Dutch and in English
  (``--lang nl`` and ``--lang en``);
- it prints nothing: nothing written to standard output (or error) while it renders,
  and nothing to standard output while it is imported or renders in a fresh process
  (``klantreis export J --to F -o -`` writes the export itself there);
- no valid journey makes it raise (an :class:`klantreis.ExportError` counts as a
  failure too: it is meant for the user's environment, not for the journey).

Each failure is an ``AssertionError`` whose message names the exporter and says what
is wrong. Use it in a test (it needs ``hypothesis``: ``pip install
klantreis[testing]``)::

    from klantreis.testing.conformance import check_exporter

    def test_my_exporter_conforms():
        check_exporter("mermaid")
"""

from __future__ import annotations

import contextlib
import enum
import io
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantreis.errors import KlantreisError
from klantreis.exporters import Exporter, encode, make_options
from klantreis.exporting import get_exporter, render
from klantreis.model import Actor, Journey, Language, Persona, Phase, Rating, Step
from klantreis.plugins import get_registry
from klantreis.testing.strategies import hostile_texts, journeys
from klantreis.typeinfo import non_none

__all__ = [
    "HASH_SEEDS",
    "LANGUAGES",
    "check_exporter",
    "check_output",
    "option_text",
    "sample_journey",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The languages every journey is rendered in (``--lang nl``, ``--lang en``)."""

HASH_SEEDS: tuple[str, ...] = ("1", "2")
"""The ``PYTHONHASHSEED`` of the two fresh processes that must give the same bytes."""

_PROCESS_JOURNEYS = 4
"""How many drawn journeys (besides a fixed one) the fresh processes render."""


def option_text(value: Any) -> str:
    """*value* as a user types it after ``--option key=``.

    >>> option_text(True), option_text(None), option_text(2.5)
    ('true', '', '2.5')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if value is None:
        return ""
    if isinstance(value, os.PathLike):
        return str(os.fspath(value))
    return str(value)


@contextlib.contextmanager
def _no_printing(exporter: Exporter, what: str) -> Any:
    # klantreis sends what a plugin prints to standard error while it renders: catch both.
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        yield
    assert not out.getvalue(), (
        f"{exporter.name}: printed {_short(out.getvalue())} while {what}; an exporter "
        "returns its output and never prints (klantreis shows what it prints among its own "
        "messages on standard error; `klantreis export ... -o -` writes the export itself "
        "to standard output)"
    )


def _short(text: str | bytes, limit: int = 60) -> str:
    shown = repr(text[:limit])
    return shown + ("..." if len(text) > limit else "")


def _render(exporter: Exporter, journey: Journey, opts: Any, language: str | None) -> str | bytes:
    where = f" in language {language!r}" if language is not None else ""
    try:
        with _no_printing(exporter, f"rendering{where}"):
            return render(exporter, journey, opts, language=language)
    except AssertionError:
        raise
    except (KlantreisError, Exception) as exc:
        raise AssertionError(
            f"{exporter.name}: rendering a valid journey{where} failed: {type(exc).__name__}: {exc}"
        ) from exc


def check_output(
    exporter: Exporter,
    journey: Journey,
    options: Mapping[str, Any] | None = None,
    *,
    language: Language | str | None = None,
) -> str | bytes:
    """Render *journey* twice and check type, encoding, determinism and that nothing
    was printed; return the output.

    *language* (``"nl"``, ``"en"``) renders it as ``--lang`` does; ``None`` in the
    journey's own language.
    """
    opts = make_options(exporter, options or {})
    lang = Language(language).value if language is not None else None
    first = _render(exporter, journey, opts, lang)
    expected = bytes if exporter.binary else str
    assert isinstance(first, expected), (
        f"{exporter.name}: returned {type(first).__name__}, declared {exporter.output_kind}"
    )
    encode(exporter, first)  # raises when the declared encoding cannot hold the text
    second = _render(exporter, journey, opts, lang)
    assert first == second, f"{exporter.name}: the same journey gave different output twice"
    return first


# --- options as command-line text ------------------------------------------------------


def _choices(field: attrs.Attribute[Any]) -> list[Any]:
    """The values worth typing for *field*: each choice of a bool, Enum or Literal."""
    kinds = non_none(field.type) if field.type is not None else []
    values: list[Any] = []
    for kind in kinds:
        if kind is bool:
            values += [False, True]
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            values += list(kind)
        elif get_origin(kind) is Literal:
            values += list(get_args(kind))
    return values


_TYPES = (
    "give the option a type klantreis converts from text (str, int, float, bool, an Enum, "
    "a Literal, Optional of those)"
)


def _check_option_text(exporter: Exporter, options: Mapping[str, Any], sample: Journey) -> None:
    """Every option given as text (``--option key=value``) means what the value means."""
    fields = attrs.fields(attrs.resolve_types(exporter.options))
    try:
        defaults = make_options(exporter, {})
    except KlantreisError as exc:
        raise AssertionError(f"{exporter.name}: its options' defaults are refused: {exc}") from exc
    for field in fields:
        tried = [getattr(defaults, field.name), *_choices(field)]
        if field.name in options:
            tried.append(options[field.name])
        for value in tried:
            text = option_text(value)
            shown = f"--option {field.name}={text}"
            try:
                typed = make_options(exporter, {field.name: value})
            except KlantreisError as exc:
                raise AssertionError(
                    f"{exporter.name}: option {field.name!r}: the value {value!r} is refused "
                    f"through the API: {exc}"
                ) from exc
            try:
                texted = make_options(exporter, {field.name: text}, from_text=True)
            except KlantreisError as exc:
                raise AssertionError(
                    f"{exporter.name}: option {field.name!r}: {value!r} given as text "
                    f"({shown}) is refused: {exc}; {_TYPES}"
                ) from exc
            got, want = getattr(texted, field.name), getattr(typed, field.name)
            assert typed == texted, f"{exporter.name}: option {field.name!r}: " + (
                f"{value!r} given as text ({shown}) becomes {got!r}, not {want!r}; {_TYPES}"
            )
            assert type(got) is type(want), f"{exporter.name}: option {field.name!r}: " + (
                f"{value!r} given as text ({shown}) becomes {type(got).__name__} {got!r}, "
                f"not {type(want).__name__} {want!r}; {_TYPES}"
            )
    if options:  # the whole set, as the command line gives it, renders the same
        texts = {key: option_text(value) for key, value in options.items()}
        typed_output = check_output(exporter, sample, options)
        texted = make_options(exporter, texts, from_text=True)
        texted_output = _render(exporter, sample, texted, None)
        assert typed_output == texted_output, (
            f"{exporter.name}: the options {dict(options)!r} give other output when given "
            "as command-line text"
        )


# --- fresh processes ---------------------------------------------------------------------


def sample_journey() -> Journey:
    """A fixed journey with several distinctly named phases, steps, actors and ratings."""
    titles = ["Belt de huisarts", "Wacht op post", "Vult de vragenlijst in", "Twijfelt", "Leest"]
    return Journey(
        title="Intake",
        persona=Persona(name="Anouk"),
        actors=[Actor(id="huisarts", name="Huisarts"), Actor(id="poh", name="POH-GGZ")],
        phases=[Phase(name="Aanmelding"), Phase(name="Intake"), Phase(name="Behandeling")],
        steps=[
            Step(
                title=title,
                phase=("aanmelding", "intake", "behandeling")[i % 3],
                lane="client",
                actor=("huisarts", "poh", None)[i % 3],
                ratings=[Rating("emotion", (i % 5 + 1,))],
            )
            for i, title in enumerate(titles)
        ],
    )


def _locate(exporter: Exporter) -> tuple[str, str, str]:
    """How a fresh process finds *exporter*: its entry point, its plugin file, or a module
    attribute."""
    # By identity: a name two plugins register is listed by its qualified name only.
    entry = next((e for e in get_registry().exporters.values() if e.exporter is exporter), None)
    if entry is not None:
        if entry.plugin.builtin:
            return ("builtin", "", exporter.name)
        if entry.plugin.distribution:
            return ("entry-point", entry.plugin.name, entry.qualified_name)
        if entry.plugin.path:  # --plugin FILE, KLANTREIS_PLUGINS_DIR
            return ("file", entry.plugin.path, entry.qualified_name)
    module_name = getattr(exporter.render, "__module__", None) or ""
    module = sys.modules.get(module_name)
    if module is not None and module_name != "__main__" and getattr(module, "__file__", None):
        for attribute, value in vars(module).items():
            if value is exporter:
                return ("module", module_name, attribute)
    raise AssertionError(
        f"{exporter.name}: a fresh process cannot find this exporter (it is neither an "
        "installed plugin's nor a module-level name in an importable module); check it by "
        "its name once installed, or pass processes=False to leave out the check across "
        "processes"
    )


def _fresh_outputs(
    exporter: Exporter,
    locator: tuple[str, str, str],
    options: Mapping[str, Any],
    samples: Sequence[Journey],
    seed: str,
    folder: Path,
) -> list[str | bytes]:
    request, result = folder / f"request-{seed}.pickle", folder / f"result-{seed}.pickle"
    request.write_bytes(
        pickle.dumps(
            {
                "locator": locator,
                "options": dict(options),
                "journeys": list(samples),
                "languages": LANGUAGES,
            }
        )
    )
    path = os.pathsep.join(p for p in sys.path if p)
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-m", "klantreis.testing._process", str(request), str(result)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert not done.stdout, (
        f"{exporter.name}: wrote {_short(done.stdout)} to standard output while it was "
        "loaded or rendered in a fresh process; a plugin never prints (`klantreis export "
        "... -o -` writes the export itself to standard output)"
    )
    assert done.returncode == 0, (
        f"{exporter.name}: a fresh process could not load and render it "
        f"(exit {done.returncode}):\n{done.stderr.decode(errors='replace')[-2000:]}"
    )
    outputs: list[str | bytes] = pickle.loads(result.read_bytes())
    return outputs


def _first_difference(a: str | bytes, b: str | bytes) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, at - 20)
    return f"at {at}: {_short(a[start : at + 40])} against {_short(b[start : at + 40])}"


def _check_processes(
    exporter: Exporter, options: Mapping[str, Any], samples: Sequence[Journey]
) -> None:
    locator = _locate(exporter)
    opts = make_options(exporter, options)
    here = [_render(exporter, j, opts, lang) for j in samples for lang in LANGUAGES]
    with tempfile.TemporaryDirectory(prefix="klantreis-conformance-") as tmp:
        runs = [
            _fresh_outputs(exporter, locator, options, samples, seed, Path(tmp))
            for seed in HASH_SEEDS
        ]
    cases = [(j, lang) for j in samples for lang in LANGUAGES]
    for (journey, lang), mine, first, second in zip(cases, here, *runs, strict=True):
        which = f"journey {journey.title!r} in language {lang!r}"
        assert first == second, (
            f"{exporter.name}: {which} gave different output in two processes "
            f"(PYTHONHASHSEED={HASH_SEEDS[0]} and {HASH_SEEDS[1]}), "
            f"{_first_difference(first, second)}; the order of a set (or of a dict built "
            "from one) changes from run to run: sort what you iterate over"
        )
        assert mine == first, (
            f"{exporter.name}: {which} gave different output in this process and in a "
            f"fresh one, {_first_difference(mine, first)}; the output may depend only on "
            "the journey and the options"
        )


# --- the whole check ------------------------------------------------------------------------


def check_exporter(
    exporter: str | Exporter,
    *,
    max_examples: int | None = None,
    options: Mapping[str, Any] | None = None,
    hostile: bool = True,
    processes: bool = True,
) -> None:
    """Check *exporter* (a name or an :class:`Exporter`) on hypothesis journeys.

    *max_examples* per kind of text (default: the active hypothesis profile's);
    *options* are passed as keyword options, e.g. ``{"layout": "grid"}``, and as
    command-line text. *processes* ``False`` leaves out the check in two fresh
    processes (for an exporter that is defined where a fresh process cannot import
    it, such as a notebook). Raises ``AssertionError`` (with hypothesis's smallest
    failing journey) when the exporter breaks its contract.
    """
    found = get_exporter(exporter) if isinstance(exporter, str) else exporter
    assert isinstance(found, Exporter), f"not an Exporter: {found!r}"
    options = dict(options or {})
    sample = sample_journey()
    _check_option_text(found, options, sample)
    kwargs: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        kwargs["max_examples"] = max_examples
    texts: list[st.SearchStrategy[str] | None] = [None]
    if hostile:
        texts.append(hostile_texts())
    for language in LANGUAGES:  # a fixed journey first: a plain failure, not a shrunk one
        check_output(found, sample, options, language=language)
    seen: list[Journey] = []

    for text in texts:

        @settings(**kwargs)
        @given(journey=journeys(text=text))
        def run(journey: Journey) -> None:
            for language in LANGUAGES:
                check_output(found, journey, options, language=language)
            if len(seen) < _PROCESS_JOURNEYS and journey.steps and journey not in seen:
                seen.append(journey)

        run()
    if processes:
        _check_processes(found, options, [sample, *seen])
