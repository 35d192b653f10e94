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
    with pytest.raises(LoadError) as info:
        klantreis.loads(text, source="reis.yaml")
    problem = info.value.problem
    assert problem.code == "invalid-yaml"
    assert problem.line == line
    assert problem.message.startswith("invalid YAML: ")
    assert problem.hint is not None
    assert hint in problem.hint


def test_the_hint_speaks_the_language_the_file_names():
    text = "title: x\nlanguage: en\nsteps:\n  - title: Calls: yes\n"
    with pytest.raises(LoadError) as info:
        klantreis.loads(text)
    assert info.value.problem.hint == "line 4: the text holds ': '; put the title in quotes"


def test_no_hint_where_none_fits():
    with pytest.raises(LoadError) as info:
        klantreis.loads("title: [unclosed\n")
    assert info.value.problem.hint is None
