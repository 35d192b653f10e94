"""The reader speaks the journey's language: every problem of a file's shape, in nl and en.

The language is the one the file names (``language:``, read before anything else),
Dutch when a journey leaves it out; ``--lang`` (``language=``) overrides it; a file that
cannot be read far enough to know it follows ``KLANTREIS_LANG``, else English. Codes,
paths, lines and columns are the same in every language.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klantreis
from klantreis.cli import main
from klantreis.errors import LoadError, Problem, ValidationError, format_path
from klantreis.serialize import Limits, read_document, to_data
from klantreis.serialize.reading import document_language
from klantreis.testing.strategies import journeys
from klantreis.workshop.files import loads_workshop, validate_workshop

HEAD = "title: T\nphases:\n  - name: P\n"
STEP = "steps:\n  - title: S\n    phase: p\n    lane: client\n"

# (what, text after the language line, code, (line, column, path), Dutch, English)
SHAPES = [
    (
        "wrong type",
        "title: 12\nphases:\n  - name: P\n",
        "wrong-type",
        (2, 1, "title"),
        "verwacht tekst, maar kreeg het getal 12",
        "expected text, got the number 12",
    ),
    (
        "unknown key",
        HEAD + "tittle: x\n",
        "unknown-key",
        (5, 1, "tittle"),
        "onbekende sleutel 'tittle' in een Journey",
        "unknown key 'tittle' in a Journey",
    ),
    (
        "unknown key, 'an'",
        HEAD + "actions:\n  - title: A\n    colour: red\n",
        "unknown-key",
        (7, 5, "actions[0].colour"),
        "onbekende sleutel 'colour' in een ImprovementAction",
        "unknown key 'colour' in an ImprovementAction",
    ),
    (
        "missing key",
        HEAD + "steps:\n  - title: S\n    lane: client\n",
        "missing-key",
        (6, 5, "steps[0].phase"),
        "de verplichte sleutel 'phase' ontbreekt",
        "the required key 'phase' is missing",
    ),
    (
        "bad duration",
        "title: T\nphases:\n  - name: P\n    lead_time: binnenkort\n",
        "bad-duration",
        (5, 5, "phases[0].lead_time"),
        "'binnenkort' is geen doorlooptijd",
        "'binnenkort' is not a duration",
    ),
    (
        "bad enum value",
        HEAD + STEP + "    channels: [fax]\n",
        "unknown-value",
        (9, 16, "steps[0].channels[0]"),
        "'fax' is geen van: phone,",
        "'fax' is not one of: phone,",
    ),
    (
        "key given twice",
        HEAD + "title: U\n",
        "duplicate-key",
        (5, 1, "title"),
        "de sleutel 'title' staat er twee keer (eerst op regel 2)",
        "the key 'title' is given twice (first on line 2)",
    ),
    (
        "YAML tag",
        HEAD + "description: !!python/name:os.system x\n",
        "yaml-tag",
        (5, 14, "description"),
        "YAML-tag 'tag:yaml.org,2002:python/name:os.system' wordt niet ondersteund",
        "unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'",
    ),
    (
        "YAML alias",
        HEAD + "description: &d x\ngoal: *d\n",
        "yaml-alias",
        (6, 7, "goal"),
        "YAML-aliassen (*naam) worden in klantreisbestanden niet ondersteund",
        "YAML aliases (*name) are not supported in journey files",
    ),
    (
        "a list as a key",
        HEAD + "? [a, b]\n: x\n",
        "bad-key",
        (5, 3, "(document)"),
        "een sleutel moet een gewoon woord zijn",
        "a key must be a plain word",
    ),
    (
        "format version",
        "format_version: 7\n" + HEAD,
        "format-version",
        (2, 1, "format_version"),
        "het bestand is in formaatversie 7, geschreven door een nieuwere klantreis",
        "the file is in format version 7, written by a newer klantreis",
    ),
    (
        "ratings",
        HEAD + STEP + "    ratings: {emotion: [4, ja]}\n",
        "wrong-type",
        (9, 28, "steps[0].ratings.emotion[1]"),
        "verwacht een geheel getal, maar kreeg de tekst 'ja'",
        "expected a whole number, got the text 'ja'",
    ),
]
IDS = [what for what, *_ in SHAPES]


def _where(problem: Problem) -> tuple[int | None, int | None, str]:
    return problem.line, problem.column, format_path(problem.path)


@pytest.fixture(autouse=True)
def _no_klantreis_lang(monkeypatch):
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)


@pytest.fixture
def problem_of(tmp_path):
    """The one error of a text, read from a file the way ``klantreis validate`` reads it."""

    def problem_of(text: str, language: str | None = None) -> Problem:
        path = tmp_path / "reis.yaml"
        path.write_text(text, encoding="utf-8")
        (problem,) = klantreis.validate(path, language=language).errors
        return problem

    return problem_of


@pytest.mark.parametrize(("what", "text", "code", "where", "dutch", "english"), SHAPES, ids=IDS)
def test_the_journey_s_language_tells_the_problem(
    what, text, code, where, dutch, english, problem_of
):
    in_dutch = problem_of("language: nl\n" + text)
    in_english = problem_of("language: en\n" + text)
    assert (in_dutch.code, in_english.code) == (code, code)
    assert _where(in_dutch) == _where(in_english) == where
    assert dutch in in_dutch.message
    assert english in in_english.message
    # told again in the other language, from the same wording
    assert in_dutch.in_language("en").message == in_english.message
    assert in_english.in_language("nl").message == in_dutch.message


@pytest.mark.parametrize(("what", "text", "code", "where", "dutch", "english"), SHAPES, ids=IDS)
def test_language_overrides_the_journey_s(
    what, text, code, where, dutch, english, problem_of, monkeypatch
):
    monkeypatch.setenv("KLANTREIS_LANG", "en")  # not asked: the file and the override decide
    assert english in problem_of("language: nl\n" + text, language="en").message
    assert dutch in problem_of("language: en\n" + text, language="nl").message
    # a journey that names no language is Dutch, like its domain problems
    left_out = problem_of("# no language\n" + text)
    assert dutch in left_out.message
    assert _where(left_out) == where


def test_a_journey_that_names_a_language_klantreis_does_not_speak_follows_klantreis_lang(
    tmp_path, monkeypatch
):
    path = tmp_path / "reis.yaml"
    path.write_text("language: de\ntitle: 12\nphases:\n  - name: P\n", encoding="utf-8")
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    report = klantreis.validate(path)
    messages = {p.code: p.message for p in report.errors}
    assert messages["wrong-type"] == "verwacht tekst, maar kreeg het getal 12"
    assert messages["unknown-value"].startswith("'de' is geen van: nl, en")


# --- files that cannot be read: LoadError -------------------------------------------------

# (what, bytes, code, line, Dutch, English)
UNREADABLE = [
    ("not UTF-8", b"title: caf\xe9\n", "bad-encoding", 1, "geen UTF-8 (byte 0xe9", "not UTF-8"),
    ("UTF-16", "title: x\n".encode("utf-16"), "bad-encoding", None, "UTF-16", "UTF-16"),
    ("NUL", b"title: x\x00\n", "bad-encoding", 1, "NUL-byte", "NUL byte"),
    ("empty", b"  \n", "empty", None, "het bestand is leeg", "the file is empty"),
    ("only a comment", b"# nothing\n", "empty", None, "geen document", "no document"),
    ("YAML", b"title: [unclosed\n", "invalid-yaml", 2, "ongeldige YAML: ", "invalid YAML: "),
    ("two documents", b"title: a\n---\ntitle: b\n", "invalid-yaml", 2, "meer dan", "more than"),
    ("deep", b"title: x\nd: " + b"[" * 40 + b"]" * 40 + b"\n", "too-deep", 2, "genest", "nested"),
]
UNREADABLE_IDS = [what for what, *_ in UNREADABLE]


@pytest.fixture
def load_error(tmp_path):
    """The problem of a file that cannot be read, as ``klantreis validate`` reads it."""

    def load_error(data: bytes, name: str = "reis.yaml", language: str | None = None) -> Problem:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(LoadError) as info:
            klantreis.validate(path, language=language)
        return info.value.problem

    return load_error


@pytest.mark.parametrize(
    ("what", "data", "code", "line", "dutch", "english"), UNREADABLE, ids=UNREADABLE_IDS
)
def test_an_unreadable_file_follows_klantreis_lang(
    what, data, code, line, dutch, english, load_error, monkeypatch
):
    told = load_error(data)
    assert (told.code, told.line) == (code, line)
    assert english in told.message
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    told = load_error(data)
    assert (told.code, told.line) == (code, line)
    assert dutch in told.message
    assert english in load_error(data, language="en").message  # --lang wins


def test_a_file_that_names_its_language_is_told_in_it_even_when_it_does_not_parse(
    load_error, monkeypatch
):
    monkeypatch.setenv("KLANTREIS_LANG", "en")
    told = load_error(b"language: nl\ntitle: x\nphases:\n\t- name: A\n")
    assert told.message.startswith("ongeldige YAML: ")
    assert told.hint == "regel 4 springt in met een tab: gebruik spaties, geen tab"
    deep = b'{"language": "nl", "d": ' + b"[" * 40 + b"]" * 40 + b"}"
    assert load_error(deep, "reis.json").message == "het document is meer dan 32 diep genest"
    told = load_error(b'{"language": "en", "title": }', "reis.json", language="nl")
    assert (told.code, told.line, told.message) == (
        "invalid-json",
        1,
        "ongeldige JSON: Expecting value",
    )


def test_missing_files_and_folders_and_limits(tmp_path, monkeypatch):
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    with pytest.raises(LoadError) as info:
        klantreis.load(tmp_path / "nope.yaml")
    assert (info.value.problem.code, info.value.problem.message) == (
        "unreadable",
        "het bestand bestaat niet",
    )
    with pytest.raises(LoadError) as info:
        klantreis.validate(tmp_path, language="en")
    assert info.value.problem.message == "this is a folder, not a file"
    big = tmp_path / "big.yaml"
    big.write_text(HEAD + "description: " + "x" * 207 + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_document(big, limits=Limits(max_bytes=100))
    assert info.value.problem.message == "het bestand is 250 bytes, boven de grens van 100"
    with pytest.raises(LoadError) as info:
        read_document(big, limits=Limits(max_bytes=100), language="en")
    assert info.value.problem.message == "the file is 250 bytes, over the limit of 100"
    with pytest.raises(LoadError) as info:
        klantreis.loads(b"x" * 65, limits=Limits(max_bytes=64))
    assert info.value.problem.message == "de tekst is groter dan de grens van 64 bytes"


# --- the workshop's own hooks ---------------------------------------------------------------


def test_workshop_times_in_both_languages():
    with pytest.raises(ValidationError) as info:
        loads_workshop("title: X\nlanguage: en\nstart: 25:00\n", source="plan.yaml")
    (problem,) = info.value.problems
    assert (problem.code, problem.line, problem.path) == ("bad-time", 3, ("start",))
    assert (
        problem.message == "'25:00' is not a time of day; write it as H:MM, e.g. '9:30' or '13:05'"
    )
    assert problem.in_language("nl").message == (
        "'25:00' is geen tijdstip; schrijf het als U:MM, bijv. '9:30' of '13:05'"
    )


def test_workshop_validate_speaks_the_plan_s_language_and_lang_overrides(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("title: X\nstart: 930\ntittle: y\n", encoding="utf-8")
    dutch = validate_workshop(path)
    english = validate_workshop(path, language="en")
    assert [(p.code, p.line) for p in dutch.errors] == [(p.code, p.line) for p in english.errors]
    assert [p.message for p in dutch.errors] == [
        "verwacht een tijdstip geschreven als U:MM, bijv. '9:30', maar kreeg het getal 930",
        "onbekende sleutel 'tittle' in een Workshop",
    ]
    assert english.errors[1].message == "unknown key 'tittle' in a Workshop"


# --- the command line -------------------------------------------------------------------------


def test_cli_validate_a_dutch_journey_with_and_without_lang(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("title: 12\nphases:\n  - name: P\n    lead_time: gauw\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    dutch = capsys.readouterr().out.splitlines()
    assert main(["validate", "--lang", "en", str(path)]) == 1
    english = capsys.readouterr().out.splitlines()
    assert dutch == [
        f"{path}:1:1: title: error: verwacht tekst, maar kreeg het getal 12 [wrong-type] "
        "(zet het tussen aanhalingstekens om het als tekst te houden)",
        f"{path}:4:5: phases[0].lead_time: error: 'gauw' is geen doorlooptijd; schrijf bijv. "
        "'2 weken', '4-6 weken' of '45 min' [bad-duration]",
        f"{path}: 2 fouten, 0 waarschuwingen",
    ]
    assert english == [
        f"{path}:1:1: title: error: expected text, got the number 12 [wrong-type] "
        "(put it in quotes to keep it as text)",
        f"{path}:4:5: phases[0].lead_time: error: 'gauw' is not a duration; write e.g. "
        "'2 weeks', '4-6 weken' or '45 min' [bad-duration]",
        f"{path}: 2 errors, 0 warnings",
    ]


def test_cli_validate_json_output_is_told_in_the_same_language(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("language: en\ntitle: 12\nphases:\n  - name: P\n", encoding="utf-8")
    assert main(["validate", "--format", "json", "--lang", "nl", str(path)]) == 1
    (result,) = json.loads(capsys.readouterr().out)
    (problem,) = result["problems"]
    assert (problem["code"], problem["line"]) == ("wrong-type", 2)
    assert problem["message"] == "verwacht tekst, maar kreeg het getal 12"


def test_cli_unreadable_file_klantreis_lang_and_lang(tmp_path, capsys, monkeypatch):
    path = tmp_path / "reis.yaml"
    path.write_bytes(b"title: [unclosed\n")
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    assert main(["validate", str(path)]) == 2
    assert "error: ongeldige YAML: " in capsys.readouterr().err
    assert main(["validate", "--lang", "en", str(path)]) == 2
    assert "error: invalid YAML: " in capsys.readouterr().err
    monkeypatch.delenv("KLANTREIS_LANG")
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err.strip().endswith("error: no such file [unreadable]")


def test_cli_other_commands_tell_load_problems_in_lang(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("title: 12\nphases:\n  - name: P\n", encoding="utf-8")
    assert main(["export", str(path), "--to", "markdown"]) == 2
    assert "verwacht tekst, maar kreeg het getal 12" in capsys.readouterr().err
    assert main(["export", "--lang", "en", str(path), "--to", "markdown"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"klantreis: 1 error in {path}:")
    assert "expected text, got the number 12" in err


def test_cli_workshop_validate_lang(tmp_path, capsys):
    path = tmp_path / "plan.yaml"
    path.write_text("title: X\nstart: '9.30'\n", encoding="utf-8")
    assert main(["workshop", "validate", str(path)]) == 1
    assert "'9.30' is geen tijdstip" in capsys.readouterr().out
    assert main(["workshop", "validate", "--lang", "en", str(path)]) == 1
    assert "'9.30' is not a time of day" in capsys.readouterr().out


# --- properties -----------------------------------------------------------------------------


def test_the_document_language_is_read_as_early_as_the_reader_got(monkeypatch):
    monkeypatch.setenv("KLANTREIS_LANG", "en")
    assert document_language({"language": "en"}) == "en"
    assert document_language({"title": "x"}) == "nl"  # a journey's default
    assert document_language({"language": "fr"}) == "en"  # not one: KLANTREIS_LANG
    assert document_language([1, 2], text="language: nl\n") == "nl"
    assert document_language(None, text='{"language": "nl"}') == "nl"
    assert document_language(None, text="title: x\n") == "en"
    monkeypatch.setenv("KLANTREIS_LANG", "xx")  # a bad setting never hides a problem
    assert document_language(None) == "en"


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10), st.floats(0, 3), st.text(max_size=4)
)
_WRONG = st.one_of(
    _SCALARS,
    st.lists(_SCALARS, max_size=2),
    st.dictionaries(st.text(max_size=3), _SCALARS, max_size=2),
)


def _paths(data: object, path: tuple = ()) -> list[tuple]:
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.extend(_paths(value, (*path, i)))
    return found


def _replace(data: object, path: tuple, value: object) -> None:
    for part in path[:-1]:
        data = data[part]  # type: ignore[index]
    data[path[-1]] = value  # type: ignore[index]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    journey=journeys(),
    pick=st.integers(0, 10_000),
    wrong=_WRONG,
    fmt=st.sampled_from(["yaml", "json"]),
)
def test_every_problem_of_the_shape_is_told_the_same_in_both_languages(journey, pick, wrong, fmt):
    data = to_data(journey)
    paths = [p for p in _paths(data) if p[0] != "language"]
    if paths:
        _replace(data, paths[pick % len(paths)], wrong)
    text = json.dumps(data, ensure_ascii=False) if fmt == "json" else _yaml(data)
    nl, en = (
        read_document(text.encode("utf-8"), format=fmt, language=lang).report()
        for lang in ("nl", "en")
    )
    assert [(p.code, p.path, p.line, p.column) for p in nl] == [
        (p.code, p.path, p.line, p.column) for p in en
    ]
    for dutch, english in zip(nl, en, strict=True):
        # every message of the reader comes from the catalogue (unexpected failures of a
        # constructor, 'invalid-value', keep the model's own words)
        assert dutch.wording is not None or dutch.code == "invalid-value", dutch
        assert dutch.in_language("en") == english
        assert english.in_language("nl") == dutch


def _yaml(data: object) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
