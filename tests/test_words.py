"""The language catalogue: every message in Dutch and English, and every one used."""

from __future__ import annotations

import enum
import re
import string
from pathlib import Path

import pytest

import klantreis
from klantreis import model, words

SRC = Path(klantreis.__file__).parent

# Keys built at run time from a prefix and a value: the value must appear in the source.
DYNAMIC = (
    "history.lasting.",
    "portfolio.side.",
    "diff.kind.",
    "diff.verdict.",
    "diff.outcome.",
    "diff.flag.",
    "diff.collections.",
    "diff.collection.",
    "export.",
    "workshop.",
    "diff.",
)
# Keys built from data (field paths of the model, month numbers).
FROM_DATA = ("field.", "month.")


def _fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


@pytest.mark.parametrize("key", sorted(words.CATALOGUE))
def test_every_message_is_in_dutch_and_english_with_the_same_fields(key):
    nl, en = words.CATALOGUE[key]
    assert nl.strip(), f"{key} has no Dutch"
    assert en.strip(), f"{key} has no English"
    assert _fields(nl) == _fields(en), f"{key}: the two languages fill in different values"


def test_a_singular_has_its_plural():
    singles = [k for k in words.CATALOGUE if k.endswith("-one")]
    assert singles
    assert [k for k in singles if k.removesuffix("-one") not in words.CATALOGUE] == []


_ENUMS = [
    e
    for e in vars(model).values()
    if isinstance(e, type) and issubclass(e, enum.Enum) and e.__module__ == model.__name__
]


def test_every_member_of_the_model_s_enumerations_has_words():
    missing = [words.enum_key(m) for e in _ENUMS if e is not model.Language for m in e]
    assert [k for k in missing if k not in words.CATALOGUE] == []


def test_members_with_the_same_value_keep_their_own_words():
    # The old table was keyed by members of str enums, so LaneKind.CLIENT and
    # PersonaRole.CLIENT (both equal to "client") shared one entry.
    assert words.text(model.LaneKind.CLIENT, "nl") == "Stappen cliënt"
    assert words.text(model.PersonaRole.CLIENT, "nl") == "cliënt"
    assert words.text(model.Channel.OTHER, "nl") == "anders"
    assert words.text(model.Theme.OTHER, "nl") == "Overig"


def test_every_message_is_used():
    source = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    literals = set(re.findall(r"[\"']([\w.-]+)[\"']", source))
    enum_prefixes = tuple(words.enum_key(next(iter(e))).split(".")[0] + "." for e in _ENUMS)

    def used(key: str) -> bool:
        key = key.removesuffix("-one")
        if key in literals or key.startswith(FROM_DATA + enum_prefixes):
            return True
        prefix = next((p for p in DYNAMIC if key.startswith(p)), None)
        return prefix is not None and key.removeprefix(prefix) in literals

    assert [key for key in words.CATALOGUE if not used(key)] == []


def test_the_lookup_fills_in_values_and_picks_the_singular():
    assert words.text("diff.changes-count", "nl", n=3) == "3 wijzigingen"
    assert words.text("duration-unit.weeks", "nl", n=1) == "week"
    assert words.text("duration-unit.weeks", "en", n=2) == "weeks"
    assert words.text(model.Status.IN_PROGRESS, model.Language.EN) == "in progress"


def test_an_unknown_language_or_key_is_a_clear_error():
    with pytest.raises(ValueError, match="'de' is not a language klantreis speaks"):
        words.text("status.done", "de")
    with pytest.raises(KeyError):
        words.text("no.such.key", "nl")


def test_klantreis_lang_sets_the_default_language(monkeypatch):
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)
    assert words.default_language() == "en"
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    assert words.text("status.done") == "gedaan"
    monkeypatch.setenv("KLANTREIS_LANG", "fr")
    with pytest.raises(ValueError, match="KLANTREIS_LANG='fr'"):
        words.default_language()


def test_dates_as_people_write_them():
    import datetime as dt

    day = dt.date(2026, 3, 26)
    assert words.date_text(day, "nl") == "26 maart 2026"
    assert words.date_text(day, "en") == "26 March 2026"


def test_a_message_is_told_later_in_either_language():
    hint = words.Message("diff.changes-count", n=2)
    assert hint("nl") == "2 wijzigingen"
    assert hint("en") == "2 changes"
    assert hint == words.Message("diff.changes-count", n=2)
    with pytest.raises(KeyError, match="no message 'nope'"):
        words.Message("nope")


def test_the_wording_follows_the_seed():
    assert words.text(model.Theme.INTEGRAL_APPROACH, "en").startswith("A seamless")
    assert "latitude" in words.text(model.Theme.LEGAL_ROOM, "en")
    assert words.text("export.client_focus", "nl") == "cliëntgerichtheid"
    assert words.text("export.iteration", "nl") == "Meting"
    mandate = {v[0] for k, v in words.CATALOGUE.items() if k.endswith("within_mandate")}
    assert mandate == {"binnen eigen mandaat"}
    deadline = {v[0].lower() for k, v in words.CATALOGUE.items() if k.endswith(".due")}
    assert deadline == {"deadline"}


def test_the_old_tables_still_work_with_a_warning():
    from klantreis.templates import LABELS, label

    assert LABELS[model.Status.DONE] == ("gedaan", "done")
    assert label(model.Status.DONE, "nl") == "gedaan"
    with pytest.warns(DeprecationWarning, match="klantreis.words"):
        from klantreis.workshop.templates import WORDS
    assert WORDS["guide"] == ("Draaiboek", "Facilitation guide")
    with pytest.warns(DeprecationWarning, match="klantreis.words"):
        from klantreis.compare.messages import MESSAGES
    assert MESSAGES["no-changes"] == ("Geen verschillen.", "No differences.")
