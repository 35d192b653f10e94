"""Tags on pain points and post-its in every output of one journey: the Markdown
report, the wall (DOT/SVG) and the tidy CSV (written and read back)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import klantreis
from klantreis import Note, NoteKind
from klantreis.exporters.common import strip_controls
from klantreis.exporters.tabular import TIDY_COLUMNS, read_tidy_csv
from klantreis.testing.strategies import hostile_texts, journeys
from test_html_browser import Opened, browser  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent
SCHULD = ROOT / "examples" / "portfolio" / "schuldhulp-2026.yaml"
TAG = "begrijpelijke-taal"


def tagged() -> klantreis.Journey:
    """The debt example with a tagged post-it beside the tagged pain points."""
    journey = klantreis.load(SCHULD)
    step = journey.step("belt-schuldhulp")
    assert step is not None
    note = Note(kind=NoteKind.QUESTION, text="Wie belt terug?", tags=("bereikbaarheid", TAG))
    steps = [
        attrs.evolve(s, notes=(*s.notes, note)) if s.id == step.id else s for s in journey.steps
    ]
    return attrs.evolve(journey, steps=steps)


def table_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_markdown_shows_the_tags_of_pain_points_and_post_its():
    report = klantreis.export(tagged(), "markdown")
    assert isinstance(report, str)
    pain_row = next(line for line in report.splitlines() if "moeilijk te lezen" in line)
    assert f"labels: {TAG}" in pain_row
    note_row = next(line for line in report.splitlines() if "Wie belt terug?" in line)
    assert f"Wie belt terug? · labels: bereikbaarheid, {TAG}" in note_row
    english = klantreis.export(tagged(), "markdown", language="en")
    assert f"tags: {TAG}" in str(english)


def test_markdown_escapes_a_tag():
    journey = tagged()
    steps = [
        attrs.evolve(s, pain_points=attrs.evolve(s.pain_points, tags=("a|b", "*x*")))
        if s.id == "eerste-gesprek"
        else s
        for s in journey.steps
    ]
    report = str(klantreis.export(attrs.evolve(journey, steps=steps), "markdown"))
    line = next(line for line in report.splitlines() if "moeilijk te lezen" in line)
    assert r"labels: a\|b, \*x\*" in line


def test_the_wall_shows_the_tags_on_the_post_it_and_in_its_tooltip():
    source = str(klantreis.export(tagged(), "dot"))
    # the post-it of the step with the tagged pain point, and of the step with the post-it
    assert source.count(f"#{TAG}") >= 2 + 2  # on each post-it and in each tooltip
    assert "#bereikbaarheid #begrijpelijke-taal" in source
    assert f"? Wie belt terug? #bereikbaarheid #{TAG}" in source
    english = klantreis.load(ROOT / "examples" / "debt-counselling-en.yaml")
    assert not any(s.pain_points.tags or any(n.tags for n in s.notes) for s in english.steps)
    assert "⚡ #" not in str(klantreis.export(english, "dot"))


def test_the_wall_escapes_a_hostile_tag():
    journey = tagged()
    steps = [
        attrs.evolve(s, pain_points=attrs.evolve(s.pain_points, tags=('<B>x</B>&"',)))
        if s.id == "eerste-gesprek"
        else s
        for s in journey.steps
    ]
    source = str(klantreis.export(attrs.evolve(journey, steps=steps), "dot"))
    assert "<B>x</B>&" not in source
    assert "#&lt;B&gt;x&lt;/B&gt;&amp;" in source


def test_csv_has_a_tags_column_and_tagged_post_its_as_json():
    text = str(klantreis.export(tagged(), "csv"))
    assert "pain_points_tags" in TIDY_COLUMNS
    rows = {r["step_id"]: r for r in table_rows(text)}
    assert rows["eerste-gesprek"]["pain_points_tags"] == TAG
    assert rows["belt-schuldhulp"]["pain_points_tags"] == ""
    notes = json.loads(rows["belt-schuldhulp"]["notes"])
    assert notes == [{"question": "Wie belt terug?", "tags": ["bereikbaarheid", TAG]}]


def test_csv_reads_the_tags_back():
    journey = tagged()
    back = read_tidy_csv(io.StringIO(str(klantreis.export(journey, "csv")), newline=""))
    by_id = {s.id: s for s in back.steps}
    assert by_id["eerste-gesprek"].pain_points.tags == (TAG,)
    assert by_id["belt-schuldhulp"].notes[-1].tags == ("bereikbaarheid", TAG)


def test_csv_reports_bad_post_it_tags_at_their_line():
    header = "phase,lane,title,notes\n"
    text = header + 'fase,client,Stap,"[{""question"": ""Wie?"", ""tags"": ""los""}]"\n'
    try:
        read_tidy_csv(io.StringIO(text, newline=""))
    except klantreis.ValidationError as exc:
        problems = exc.report.problems
    else:
        raise AssertionError("a tag that is not a list was accepted")
    assert [(p.line, p.message) for p in problems] == [
        (2, "notes: a post-it's tags must be a list of texts")
    ]


KEPT_TEXTS = hostile_texts().map(strip_controls).filter(bool)
TAGS = st.lists(KEPT_TEXTS, max_size=3).map(tuple)


@given(journey=journeys(text=KEPT_TEXTS), data=st.data())
def test_tags_survive_a_csv_round_trip(journey, data):
    steps = []
    for step in journey.steps:
        notes = tuple(attrs.evolve(n, tags=data.draw(TAGS)) for n in step.notes)
        pains = attrs.evolve(step.pain_points, tags=data.draw(TAGS))
        steps.append(attrs.evolve(step, notes=notes, pain_points=pains))
    journey = attrs.evolve(journey, steps=steps)
    data_text = json.dumps(klantreis.to_data(journey), ensure_ascii=False)
    assume(strip_controls(data_text) == data_text)
    back = read_tidy_csv(
        io.StringIO(str(klantreis.export(journey, "csv")), newline=""), base=journey
    )
    expected = {s.id: (s.pain_points.tags, [n.tags for n in s.notes]) for s in journey.steps}
    got = {s.id: (s.pain_points.tags, [n.tags for n in s.notes]) for s in back.steps}
    assert got == expected


def test_the_html_map_carries_the_tags_in_its_data():
    page = str(klantreis.export(tagged(), "html"))
    data = json.loads(page.split('id="journey-data">', 1)[1].split("</script>", 1)[0])
    steps = {s["id"]: s for s in data["steps"]}
    assert steps["eerste-gesprek"]["tags"] == [TAG]
    assert "tags" not in steps["belt-schuldhulp"]
    assert steps["belt-schuldhulp"]["notes"][-1]["tags"] == ["bereikbaarheid", TAG]


def test_the_html_map_shows_the_tags(browser, tmp_path):  # noqa: F811 (the imported fixture)
    path = tmp_path / "map.html"
    klantreis.export(tagged(), "html", output=path)
    opened = Opened(browser, path)
    page = opened.page
    assert opened.errors == []
    assert page.locator(".postit .tags").all_inner_texts() == [f"#{TAG}"]
    note = page.locator(".postit .note").filter(has_text="Wie belt terug?")
    assert note.inner_text().endswith(f"#bereikbaarheid #{TAG}")
    page.fill("#f-search", "bereikbaarheid")  # the search finds a post-it by its tag
    assert opened.visible() == 1
    page.close()
