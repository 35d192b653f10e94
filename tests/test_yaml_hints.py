"""YAML mistakes a person makes get a hint in the journey's language beside the parser's."""

from __future__ import annotations

import pytest

import klantreis
from klantreis.errors import LoadError

CASES = [
    ("title: x\nphases:\n\t- name: A\n", 3, "regel 3 springt in met een tab: gebruik spaties"),
    ("title: Bellen: de wachttijd\n", 1, "zet de titel tussen aanhalingstekens"),
    ("title: x\nphases:\n  - name: A\n -  name: B\n", 4, "regel 4: dit lijstitem staat niet"),
    ("title: x\nphases:\n  -name: A\n  - name: B\n", 4, "regel 3: zet een spatie na de '-'"),
    ("title:x\nphases:\n  - name: A\n", 2, "regel 1: zet een spatie na de ':'"),
]


@pytest.mark.parametrize(("text", "line", "hint"), CASES)
def test_a_dutch_hint_beside_the_located_parser_message(text, line, hint):
    # The text names `language: nl`, so the message and its hint are Dutch, whatever
    # KLANTREIS_LANG says.
    with pytest.raises(LoadError) as info:
        klantreis.loads(text + "language: nl\n", source="reis.yaml")
    problem = info.value.problem
    assert problem.code == "invalid-yaml"
    assert problem.line == line
    assert problem.message.startswith("ongeldige YAML: ")
    assert problem.hint is not None
    assert hint in problem.hint


@pytest.mark.parametrize(("text", "line", "hint"), CASES)
def test_a_file_naming_no_language_is_told_in_klantreis_lang(text, line, hint, monkeypatch):
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    with pytest.raises(LoadError) as info:
        klantreis.loads(text, source="reis.yaml")
    problem = info.value.problem
    assert (problem.code, problem.line) == ("invalid-yaml", line)
    assert problem.message.startswith("ongeldige YAML: ")
    assert hint in (problem.hint or "")
    monkeypatch.delenv("KLANTREIS_LANG")
    with pytest.raises(LoadError) as info:
        klantreis.loads(text, source="reis.yaml")
    english = info.value.problem
    assert (english.code, english.line, english.column) == ("invalid-yaml", line, problem.column)
    assert english.message.startswith("invalid YAML: ")
    assert english.hint is not None
    assert english.hint.startswith("line ")


def test_the_hint_speaks_the_language_the_file_names():
    text = "title: x\nlanguage: en\nsteps:\n  - title: Calls: yes\n"
    with pytest.raises(LoadError) as info:
        klantreis.loads(text)
    assert info.value.problem.hint == "line 4: the text holds ': '; put the title in quotes"


def test_no_hint_where_none_fits():
    with pytest.raises(LoadError) as info:
        klantreis.loads("title: [unclosed\n")
    assert info.value.problem.hint is None
