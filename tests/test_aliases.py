"""Values as the facilitator says them: Dutch words read as the canonical values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import klantreis
from klantreis.aliases import ALIASES, resolve
from klantreis.cli import main
from klantreis.errors import ValidationError
from klantreis.model import Channel, Scope, Status, Theme

ROOT = Path(__file__).resolve().parent.parent
ENUMS = {cl.__name__: cl for cl in (Channel, Scope, Status, Theme)}

SAID = """\
title: Reis
phases: [{name: Aanmelden}]
steps:
  - {title: Belt, phase: aanmelden, lane: client, channels: [telefoon, Balie, brief]}
actions:
  - {title: Terugbellen, scope: anderen, status: Afgerond, theme: kennis, targets: [belt]}
"""


@pytest.mark.parametrize(
    ("name", "alias", "value"),
    [(name, alias, value) for name, table in ALIASES.items() for alias, value in table.items()],
)
def test_every_alias_names_a_real_value(name, alias, value):
    cl = ENUMS[name]
    assert cl(value) is resolve(cl, alias)
    assert resolve(cl, f"  {alias.upper()} ") is cl(value)


def test_no_alias_hides_a_canonical_value_of_another_member():
    for name, table in ALIASES.items():
        values = {m.value for m in ENUMS[name]}
        for alias, value in table.items():
            assert alias not in values or alias == value, (name, alias)


def test_a_file_in_the_facilitators_words_loads_as_canonical_values():
    journey = klantreis.loads(SAID)
    assert journey.steps[0].channels == (Channel.PHONE, Channel.FACE_TO_FACE, Channel.LETTER)
    action = journey.actions[0]
    assert (action.scope, action.status, action.theme) == (
        Scope.OTHERS,
        Status.DONE,
        Theme.PROFESSIONALS,
    )


def test_fmt_writes_the_canonical_values_back(tmp_path):
    path = tmp_path / "reis.yaml"
    path.write_text(SAID, encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "  - phone\n  - face-to-face\n  - letter\n" in text
    assert "scope: others\n" in text
    assert "status: done\n" in text
    assert "theme: professionals\n" in text
    assert not re.search(r"telefoon|Balie|brief|anderen|Afgerond|kennis", text)


def test_a_value_close_to_a_dutch_word_gets_both_names():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(SAID.replace("telefoon", "telfoon"))
    (problem,) = info.value.report.errors
    assert problem.code == "unknown-value"
    assert problem.hint == "bedoel je 'phone' (telefoon)?"
    assert problem.in_language("en").hint == "did you mean 'phone' (telefoon)?"


def test_an_unknown_word_is_still_an_error():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(SAID.replace("anderen", "iedereen"))
    assert [p.code for p in info.value.report.errors] == ["unknown-value"]


def test_format_md_lists_every_alias():
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for table in ALIASES.values():
        for alias in table:
            assert re.search(rf"[ |;]{re.escape(alias)}[,( ]", text), alias


def test_a_dutch_key_is_an_error_whose_hint_names_the_english_one():
    text = "title: x\nfases: [{name: A}]\nstappen: []\nsteps:\n  - {title: s, phase: a, "
    text += "lane: client, notes: [{vraag: waarom?}]}\n"
    with pytest.raises(ValidationError) as info:
        klantreis.loads(text)
    report = info.value.report.in_language("en")
    hints = {p.path[-1]: p.hint for p in report.errors if p.code == "unknown-key"}
    assert hints == {
        "fases": "did you mean 'phases' (fases)? keys are written in English",
        "stappen": "did you mean 'steps' (stappen)? keys are written in English",
        "vraag": "did you mean 'question' (vraag)? keys are written in English",
    }
    dutch = {p.path[-1]: p.hint for p in info.value.report.errors if p.code == "unknown-key"}
    assert (
        dutch["stappen"] == "bedoel je 'steps' (stappen)? sleutels worden in het Engels geschreven"
    )
