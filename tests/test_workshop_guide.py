"""The facilitation guide and the wall template: what they hold, and that they escape."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings

import klantreis
from klantreis import ExportError, Journey, Language, Objectives, Phase
from klantreis.testing.strategies import hostile_texts, journeys
from klantreis.workshop import (
    Activity,
    ClockTime,
    Role,
    dump_workshop,
    help_questions,
    method_guide,
    workshop_template,
)


@pytest.fixture
def journey(examples) -> Journey:
    return klantreis.load(examples / "depressie-ggz-2026-najaar.yaml")


def test_the_guide_holds_agenda_checklists_method_help_and_wall(journey):
    guide = klantreis.export(journey, "guide")
    assert guide.startswith("# Draaiboek: Klantreisbijeenkomst 1\n")
    assert "| 9:00 – 9:15 | **Opening &amp; kennismaking**" in guide
    assert "| 10:45 – 11:45 | **Samenvoegen klantreizen**" in guide
    assert "| 11:45 – 12:00 | **Blik op morgen &amp; afsluiting**" in guide
    assert "- [ ] Tijdschema en klok" in guide
    assert "- [ ] **Tijdbewaker**: …" in guide
    for step in method_guide("nl"):
        assert step.name in guide
        for question in step.questions:
            assert question in guide
        for theme in step.themes:
            assert f"- {theme}" in guide
    assert "### 1\\. Beeldvorming (20 minuten)" in guide
    for n, question in enumerate(help_questions("nl"), 1):
        assert f"\n{n}. {question}\n" in guide
    for phase in journey.phases:
        assert f"**{phase.name.replace('&', '&amp;')}**" in guide
    for lane in journey.lanes:
        assert f"| **{lane.name}**" in guide
    assert "Huiswerk" not in guide  # the homework belongs to the second meeting


def test_the_second_meetings_guide_hands_out_the_homework(journey):
    guide = klantreis.export(journey, "guide", meeting=2)
    assert "## Huiswerk: valideren bij een collega" in guide
    assert "1. Fricties en frustraties" in guide
    assert "`klantreis review sheet`" in guide


def test_the_guide_follows_the_language(journey):
    guide = klantreis.export(journey, "guide", language="en", meeting=3)
    assert guide.startswith("# Facilitation guide: Follow-up meeting\n")
    assert "### 4\\. The insights jar" in guide
    assert "Decision making" in guide
    assert "Making full use of the latitude in laws and regulations" in guide


def test_the_guide_reads_a_workshop_file(journey, tmp_path):
    plan = attrs.evolve(
        workshop_template(2, "nl"),
        journey="../examples/depressie-ggz-2026-najaar.yaml",
        room="Zaal 3 | lange wand",
        participants=9,
        roles=[Role(role="Tijdbewaker", who="Wouter")],
        schedule=[
            Activity(start=ClockTime(13, 0), end=ClockTime(13, 30), title="Start *nu*"),
            Activity(start=ClockTime(13, 30), title="Werken"),
        ],
        start=ClockTime(13, 0),
        end=ClockTime(16, 0),
    )
    path = tmp_path / "plan.yaml"
    dump_workshop(plan, path)
    guide = klantreis.export(journey, "guide", workshop=str(path), help_questions=False)
    assert "| **Aantal deelnemers** | 9 |" in guide
    assert "| **Tijd** | 13:00 – 16:00 (3 uur) |" in guide
    assert "- [ ] Zaal 3 \\| lange wand" in guide
    assert "| 13:00 – 13:30 | **Start \\*nu\\*** |" in guide
    assert "| 13:30 – 16:00 | **Werken** |" in guide
    assert "- [ ] **Tijdbewaker**: Wouter" in guide
    assert "Hulpvragen" not in guide


def test_a_broken_workshop_file_is_an_export_error(journey, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("title: X\nstart: 930\n", encoding="utf-8")
    # a plan without `language:` is Dutch, and so are the problems of its shape
    with pytest.raises(ExportError, match=r"plan.yaml:2:1: start: error: verwacht een tijdstip"):
        klantreis.export(journey, "guide", workshop=str(path))
    with pytest.raises(ExportError, match="no such file"):
        klantreis.export(journey, "guide", workshop=str(tmp_path / "missing.yaml"))


def test_a_new_journey_gets_blank_phases_on_the_wall():
    journey = klantreis.Journey(title="Nieuw")
    guide = klantreis.export(journey, "guide", blank_phases=3)
    assert "| **Fases →** | **Fase 1** | **Fase 2** | **Fase 3** |" in guide
    wall = klantreis.export(journey, "wall")
    assert wall.count("<th>Fase ") == 5
    with pytest.raises(ExportError, match="blank_phases"):
        klantreis.export(journey, "wall", blank_phases=0)


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_the_wall_is_one_sheet_of_the_chosen_paper(journey):
    wall = klantreis.export(journey, "wall", paper="A1")
    assert "@page { size: A1 landscape;" in wall
    parser = _Cells()
    parser.feed(wall)
    assert parser.tags.count("tr") == len(journey.lanes) + 2
    assert parser.tags.count("td") == (len(journey.lanes) + 1) * len(journey.phases)
    assert "1 dramatisch · 2 slecht · 3 neutraal · 4 voldaan · 5 tevreden" in wall
    row = float(re.search(r"tbody tr \{ height: ([\d.]+)mm", wall).group(1))
    assert row * (len(journey.lanes) + 2) < 594 - 24  # fits the A1 sheet


@settings(max_examples=25)
@given(journeys(text=hostile_texts(), max_steps=3, max_actions=0, max_insights=0))
def test_no_text_from_the_journey_becomes_markup(journey):
    journey = attrs.evolve(
        journey, objectives=Objectives(session="<script>x</script>", client="a | b")
    )
    wall = klantreis.export(journey, "wall")
    parser = _Cells()
    parser.feed(wall)
    allowed = {"html", "head", "meta", "title", "style", "body", "div", "h1", "b", "table"}
    allowed |= {"thead", "tbody", "tr", "th", "td", "small", "br"}
    assert set(parser.tags) <= allowed
    columns = max(1, len(journey.phases))
    guide = klantreis.export(journey, "guide", help_questions=False)
    wall_table = guide.rsplit("\n## ", 1)[-1]  # the wall is the last section
    rows = [line for line in wall_table.splitlines() if line.startswith("| ")]
    for line in rows:
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        assert len(cells) == 1 + (columns if journey.phases else 5), line


def test_both_exporters_are_built_in():
    formats = klantreis.list_exporters()
    assert formats["guide"].suffix == ".md"
    assert formats["wall"].suffix == ".html"


@pytest.mark.parametrize("language", list(Language))
def test_the_wall_names_the_seeds_rows(language):
    journey = klantreis.Journey(title="X", language=language, phases=[Phase(name="A")])
    wall = klantreis.export(journey, "wall")
    assert ("Fases →" if language is Language.NL else "Phases →") in wall
    assert ("Doel per fase" if language is Language.NL else "Goal per phase") in wall
