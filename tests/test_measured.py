"""Measured, not only felt: who gave a rating (perspectives), and more of what the seeds ask.

Each new field is checked through the whole road: strict construction, the file
format (canonical dump, old forms unchanged), the JSON Schema, the rules, the
Markdown report and the diff.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from attrs import evolve
from hypothesis import given

import klantreis
from klantreis import Perspective, Rating, Step
from klantreis.aggregate import over_norm, perspective_means, total_lead_time
from klantreis.compare import diff_from_json, diff_to_json, render_diff
from klantreis.errors import format_path
from klantreis.schema import json_schema
from klantreis.testing.strategies import journeys

BASE = """\
title: Aanmelding GGZ
phases: [{name: Intake}]
steps:
"""


def _journey(steps: str, head: str = "") -> klantreis.Journey:
    return klantreis.loads(head + BASE + steps, check=False)


# --- perspectives: who gave a rating -------------------------------------------------


def test_a_rating_keeps_the_votes_of_each_perspective():
    rating = Rating.of("emotion", {"client": [2, 3], "medewerker": 4})
    assert rating.votes == (2, 3, 4)
    assert rating.perspectives == ("client", "client", "medewerker")
    assert rating.by_perspective() == {"client": (2, 3), "medewerker": (4,)}
    assert rating.value == 3.0
    assert repr(Rating("emotion", (2,))) == "Rating(scale='emotion', votes=(2,))"


@pytest.mark.parametrize(
    ("perspectives", "error", "words"),
    [
        (("client",), ValueError, "one perspective per vote (2), or none"),
        ((1, 2), TypeError, "text (a str)"),
        ("client", TypeError, "a list or tuple"),
    ],
)
def test_a_rating_refuses_perspectives_that_do_not_fit(perspectives, error, words):
    with pytest.raises(error, match=r"Rating\.perspectives") as raised:
        Rating("emotion", (2, 3), perspectives=perspectives)
    assert words in str(raised.value)


def test_the_votes_of_one_perspective_stand_together():
    with pytest.raises(ValueError, match=r"Rating\.perspectives: .*side by side"):
        Rating("emotion", (2, 3, 4), perspectives=("client", "naaste", "client"))


def test_a_step_takes_votes_per_perspective_as_a_file_writes_them():
    step = Step(
        title="Intake",
        phase="intake",
        lane="client",
        ratings={"emotion": {"client": [2, 3]}, "motivation": 1},
    )
    assert step.ratings == (
        Rating("emotion", (2, 3), perspectives=("client", "client")),
        Rating("motivation", (1,)),
    )
    with pytest.raises(TypeError, match=r"Step\.ratings\['emotion'\]: .*\['client'\]"):
        Step(title="x", phase="p", lane="l", ratings={"emotion": {"client": [True]}})


def test_the_file_form_round_trips_and_the_old_form_stays():
    journey = _journey(
        "  - {title: Eerste gesprek, phase: intake, lane: client,\n"
        "     ratings: {emotion: {client: [2, 3], medewerker: 4}, motivation: [1, 2]}}\n"
    )
    data = klantreis.to_data(journey)
    assert data["steps"][0]["ratings"] == {
        "emotion": {"client": [2, 3], "medewerker": 4},
        "motivation": [1, 2],
    }
    assert "perspectives" not in data  # the default four are not written
    assert klantreis.loads(klantreis.dumps(journey)) == journey
    assert klantreis.loads(klantreis.dumps(journey, format="json")) == journey


def test_a_journey_names_its_own_perspectives():
    journey = _journey(
        "  - {title: Verwijzing, phase: intake, lane: client, ratings: {emotion: {poh: 4}}}\n",
        head="perspectives: [{name: Huisarts}, {name: Praktijkondersteuner, id: poh}]\n",
    )
    assert [p.id for p in journey.perspectives] == ["huisarts", "poh"]
    assert journey.perspective("poh") == Perspective(name="Praktijkondersteuner", id="poh")
    assert klantreis.validate(journey).errors == ()
    assert klantreis.loads(klantreis.dumps(journey)) == journey
    english = klantreis.Journey(title="x", language="en")
    assert [p.name for p in english.perspectives][:2] == ["Client", "Relative"]


def _errors(votes: str) -> tuple[klantreis.Problem, ...]:
    """The errors of a journey whose one step has the *votes* (two lines) on emotion."""
    text = BASE + (
        "  - title: Eerste gesprek\n"
        "    phase: intake\n"
        "    lane: client\n"
        "    ratings:\n"
        "      emotion:\n" + votes
    )
    with pytest.raises(klantreis.ValidationError) as raised:
        klantreis.loads(text, source="reis.yaml")
    return raised.value.report.errors


def test_an_unknown_perspective_is_a_located_error_in_the_journey_s_language():
    errors = _errors("        client: 2\n        naast: [3, 9]\n")
    found = {(p.code, format_path(p.path)): p for p in errors}
    unknown = found["unknown-reference", "steps[0].ratings.emotion.naast"]
    assert unknown.line == 10  # BASE has three lines
    assert "geen perspectief heeft het id 'naast'" in unknown.message
    assert "naaste" in (unknown.hint or "")
    off = found["rating-out-of-range", "steps[0].ratings.emotion.naast[1]"]
    assert "9 ligt niet op de schaal" in off.message


def test_bad_votes_per_perspective_are_located():
    errors = _errors("        client: [2, veel]\n        medewerker: {}\n")
    paths = {format_path(p.path): p.line for p in errors}
    assert paths["steps[0].ratings.emotion.client[1]"] == 9
    assert "steps[0].ratings.emotion.medewerker" in paths


def test_the_schema_takes_votes_per_perspective():
    schema = json_schema()
    journey = {
        "title": "x",
        "phases": [{"name": "a"}],
        "perspectives": [{"name": "Huisarts"}],
        "steps": [
            {
                "title": "s",
                "phase": "a",
                "lane": "client",
                "ratings": {"emotion": {"huisarts": [2, 3]}, "motivation": 2},
            }
        ],
    }
    jsonschema.validate(journey, schema)
    journey["steps"][0]["ratings"] = {"emotion": {"huisarts": "veel"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(journey, schema)


def test_means_per_perspective():
    ratings = [
        Rating.of("emotion", {"client": [2, 3], "medewerker": 4}),
        Rating.of("emotion", {"client": 4}),
        Rating("emotion", (1,)),
        None,
    ]
    assert perspective_means(ratings) == {"client": 3.25, "medewerker": 4.0}
    assert perspective_means([Rating("emotion", (1, 2))]) == {}


@given(journeys())
def test_the_overall_mean_counts_every_vote_whoever_gave_it(journey):
    for step in journey.steps:
        for rating in step.ratings:
            groups = rating.by_perspective()
            if rating.perspectives:
                assert sum(len(v) for v in groups.values()) == len(rating.votes)
                assert sorted(v for vs in groups.values() for v in vs) == sorted(rating.votes)
            else:
                assert groups == {}


def test_markdown_shows_the_means_per_perspective():
    journey = _journey(
        "  - {title: Eerste gesprek, phase: intake, lane: client,\n"
        "     ratings: {emotion: {client: [2, 3], medewerker: 4}}}\n"
        "  - {title: Uitslag, phase: intake, lane: client, ratings: {emotion: {naaste: 4}}}\n"
    )
    report = klantreis.export(journey, "markdown")
    assert isinstance(report, str)
    assert "| 3,5 (voldaan)<br>Cliënt 2,5 · Naaste 4 · Medewerker 4 |" in report
    assert "Emotie: 3 gem. (Cliënt 2, 3; Medewerker 4) – neutraal" in report
    assert "Emotie: 4 (voldaan) – Naaste" in report
    plain = _journey("  - {title: Uitslag, phase: intake, lane: client, ratings: {emotion: 4}}\n")
    plain_report = klantreis.export(plain, "markdown")
    assert isinstance(plain_report, str)
    assert "| 4 (voldaan) |" in plain_report


def test_the_diff_reports_a_change_of_perspective_in_both_languages():
    old = _journey(
        "  - {title: Gesprek, phase: intake, lane: client,\n"
        "     ratings: {emotion: {client: 2, medewerker: 4}}}\n"
    )
    new = _journey(
        "  - {title: Gesprek, phase: intake, lane: client,\n"
        "     ratings: {emotion: {client: 2, naaste: 4}}}\n"
    )
    diff = klantreis.diff(old, new)
    (change,) = diff.ratings
    assert change.old_perspectives == ("client", "medewerker")
    assert change.new_perspectives == ("client", "naaste")
    text = render_diff(diff, "text", verbose=True)
    assert "3 (client 2; medewerker 4) → 3 (client 2; naaste 4) gelijk" in text
    english = klantreis.diff(evolve(old, language="en"), evolve(new, language="en"))
    assert "(client 2; naaste 4) unchanged" in render_diff(english, "text", verbose=True)
    data = json.loads(diff_to_json(diff))
    assert data["ratings"][0]["new_perspectives"] == ["client", "naaste"]
    assert diff_from_json(diff_to_json(diff)) == diff


# --- norm times --------------------------------------------------------------------

NORMS = """\
title: Aanmelding GGZ
language: {language}
norm_lead_time: 8 weken
phases:
  - {{name: Aanmelding, lead_time: 1-2 weken}}
  - {{name: Wachttijd intake, lead_time: 5-7 weken, norm_lead_time: 4 weken}}
  - {{name: Behandeling, lead_time: 3 dagen, norm_lead_time: 1 week}}
steps:
  - {{title: Bellen, phase: aanmelding, lane: client}}
"""


def test_a_lead_time_over_its_norm_is_a_located_warning_in_both_languages():
    journey = klantreis.loads(NORMS.format(language="nl"), source="reis.yaml", check=False)
    warnings = [p for p in klantreis.validate(journey).warnings if p.code == "over-norm"]
    assert [(format_path(p.path), p.message) for p in warnings] == [
        ("phases[1].lead_time", "de doorlooptijd 5-7 weken is langer dan de norm 4 weken"),
        (
            "norm_lead_time",
            "de fases duren samen 45-66 dagen, langer dan de norm van de klantreis 8 weken",
        ),
    ]
    english = [p.in_language("en").message for p in warnings]
    assert english[0] == "the lead time 5-7 weeks is longer than the norm 4 weeks"
    report = klantreis.loads(NORMS.format(language="nl"), source="reis.yaml", check=False)
    assert report == journey


def test_the_norms_round_trip_in_the_file_s_words():
    journey = klantreis.loads(NORMS.format(language="nl"))
    data = klantreis.to_data(journey)
    assert data["norm_lead_time"] == "8 weken"
    assert data["phases"][1]["norm_lead_time"] == "4 weken"
    assert "norm_lead_time" not in data["phases"][0]
    assert klantreis.loads(klantreis.dumps(journey)) == journey
    with pytest.raises(ValueError, match=r"Phase\.norm_lead_time: 'soon' is not a duration"):
        klantreis.Phase(name="x", norm_lead_time="soon")
    with pytest.raises(TypeError, match=r"Journey\.norm_lead_time: expected a Duration"):
        klantreis.Journey(title="x", norm_lead_time=4)


@pytest.mark.parametrize(
    ("lead_times", "total"),
    [
        (["1-2 weken", "4 weken", None], "5-6 weeks"),
        (["1 week", "3 dagen"], "10 days"),
        (["2 uur", "30 min"], "150 minutes"),
        (["1 jaar", "6 maanden"], "18 months"),
        ([None], None),
        ([], None),
    ],
)
def test_the_journey_s_total_lead_time(lead_times, total):
    phases = [klantreis.Phase(name=f"f{i}", lead_time=t) for i, t in enumerate(lead_times)]
    found = total_lead_time(phases)
    assert (str(found) if found is not None else None) == total


@given(journeys())
def test_the_total_lead_time_lies_between_the_sums_of_the_short_and_the_long_ends(journey):
    total = total_lead_time(journey.phases)
    times = [p.lead_time for p in journey.phases if p.lead_time is not None]
    assert (total is None) == (not times)
    if total is not None:
        for time in times:  # no phase takes longer than all of them together
            assert not over_norm(time, total)
        assert total.up_to is None or total.up_to >= total.amount


def test_the_report_the_wall_and_the_map_mark_a_phase_over_its_norm():
    journey = klantreis.loads(NORMS.format(language="nl"), check=False)
    report = klantreis.export(journey, "markdown")
    assert isinstance(report, str)
    assert "| **Totale doorlooptijd** | 45-66 dagen (norm 8 weken) ⚠ **boven de norm** |" in report
    assert "| 5-7 weken (norm 4 weken) ⚠ **boven de norm** |" in report
    assert "| 3 dagen (norm 1 week) |" in report
    dot = klantreis.export(journey, "dot")
    assert isinstance(dot, str)
    assert "<B>norm: 4 weken ⚠ boven de norm</B>" in dot
    assert "norm: 1 week<" in dot
    page = klantreis.export(journey, "html")
    assert isinstance(page, str)
    assert '"norm":["4 weken","4 weeks"],"over":true' in page
    assert '"norm":["1 week","1 week"],"over":false' in page


def test_the_diff_reports_a_changed_norm():
    old = klantreis.loads(NORMS.format(language="nl"))
    new = evolve(
        old,
        norm_lead_time="10 weken",
        phases=[old.phases[0], evolve(old.phases[1], norm_lead_time="6 weken"), old.phases[2]],
    )
    text = render_diff(klantreis.diff(old, new), "text", verbose=True)
    assert "normdoorlooptijd: 8 weken → 10 weken" in text
    assert "normdoorlooptijd: 4 weken → 6 weken" in text
    english = render_diff(
        klantreis.diff(evolve(old, language="en"), evolve(new, language="en")), verbose=True
    )
    assert "norm lead time: 4 weeks → 6 weeks" in english


# --- indicators ----------------------------------------------------------------------

WAIT = (
    "  - title: Wachten op de intake\n"
    "    phase: intake\n"
    "    lane: client\n"
    "    indicators:\n"
    "      - {{name: wachttijd, value: {wait}, unit: dagen, direction: lower-is-better}}\n"
    "      - {{name: CQi, value: {cqi}, date: 2026-03-01, source: CQi-meting}}\n"
)


def test_an_indicator_is_strict_and_round_trips_as_written():
    journey = _journey(WAIT.format(wait=42, cqi=3.4))
    wait, cqi = journey.steps[0].indicators
    assert (wait.id, wait.value, wait.unit) == ("wachttijd", 42.0, "dagen")
    assert wait.is_better(28, 42)
    assert not cqi.is_better(3.0, 3.4)
    data = klantreis.to_data(journey)
    assert data["steps"][0]["indicators"][0]["value"] == 42  # not 42.0
    assert klantreis.loads(klantreis.dumps(journey)) == journey
    assert klantreis.loads(klantreis.dumps(journey, format="json")) == journey
    with pytest.raises(TypeError, match=r"Indicator\.value: expected a finite number"):
        klantreis.Indicator(name="x", value=True)
    with pytest.raises(TypeError, match=r"Indicator\.value: expected a finite number"):
        klantreis.Indicator(name="x", value=float("nan"))
    with pytest.raises(ValueError, match=r"Indicator\.direction"):
        klantreis.Indicator(name="x", value=1, direction="up")


def test_an_indicator_measured_twice_at_one_step_is_a_located_error():
    text = BASE + WAIT.format(wait=42, cqi=3).replace("name: CQi", "name: wachttijd")
    with pytest.raises(klantreis.ValidationError) as raised:
        klantreis.loads(text, source="reis.yaml")
    (problem,) = raised.value.report.errors
    assert problem.code == "duplicate-indicator"
    assert format_path(problem.path) == "steps[0].indicators[1].id"
    assert problem.line == 9
    assert "de indicator 'wachttijd' staat hier al" in problem.message


def test_the_diff_compares_indicators_beside_the_felt_scores():
    old = _journey(WAIT.format(wait=42, cqi=3.4))
    new = _journey(WAIT.format(wait=28, cqi=3.1))
    text = render_diff(klantreis.diff(old, new), verbose=True)
    assert "indicatoren: wachttijd 42 → 28 dagen, beter; CQi 3,4 → 3,1, slechter" in text
    english = render_diff(
        klantreis.diff(evolve(old, language="en"), evolve(new, language="en")), verbose=True
    )
    assert "indicators: wachttijd 42 → 28 dagen, better; CQi 3.4 → 3.1, worse" in english
    gone = _journey(WAIT.format(wait=42, cqi=3.4).split("      - {name: CQi")[0])
    assert "indicatoren: − CQi 3,4" in render_diff(klantreis.diff(old, gone), verbose=True)
    data = json.loads(diff_to_json(klantreis.diff(old, new)))
    (change,) = data["changes"]
    assert change["fields"][0]["new"][0]["value"] == 28


def test_markdown_shows_the_indicators():
    journey = _journey(WAIT.format(wait=42, cqi=3.4))
    report = klantreis.export(journey, "markdown")
    assert isinstance(report, str)
    assert "_Indicatoren:_ wachttijd 42 dagen · CQi 3,4 (2026-03-01, CQi-meting)" in report


# --- what the seeds ask: result, keep, organisation, sentiment, needs, span, tips/tops ---

SEEDS = """\
title: Aanmelding GGZ
span: {start: Cliënt meldt zich bij de huisarts, end: Start behandeling, period: jaar 2026}
iteration: {label: Eerste meting, tips: [Meer tijd voor stap 6], tops: [Goede sfeer]}
actors:
  - {name: Huisarts, needs: [Een vast aanspreekpunt]}
phases: [{name: Intake}]
steps:
  - title: Intakegesprek
    phase: intake
    lane: client
    moment_of_truth: true
    sentiment: negative
    result: Een behandelplan
    keep: true
    pain_points: {organisation: [Roosters zitten vol]}
  - {title: Bellen, phase: intake, lane: client, sentiment: positive}
insights:
  - {text: Wachten is het ergste, discussed: true, outcome: Belteam opzetten, follow_up: true}
"""


def test_the_seeds_fields_round_trip_and_old_files_read_the_same():
    journey = klantreis.loads(SEEDS, check=False)
    step = journey.steps[0]
    assert (step.sentiment, step.result, step.keep) == (
        klantreis.Sentiment.NEGATIVE,
        "Een behandelplan",
        True,
    )
    assert step.pain_points.organisation == ("Roosters zitten vol",)
    assert journey.span.period == "jaar 2026"
    assert journey.iteration is not None
    assert journey.iteration.tips == ("Meer tijd voor stap 6",)
    assert journey.actors[0].needs == ("Een vast aanspreekpunt",)
    assert journey.insights[0].follow_up
    assert klantreis.loads(klantreis.dumps(journey), check=False) == journey
    plain = _journey("  - {title: Bellen, phase: intake, lane: client, moment_of_truth: true}\n")
    assert plain.steps[0].sentiment is None
    data = klantreis.to_data(plain)
    assert "span" not in data
    assert set(data["steps"][0]) == {"title", "id", "phase", "lane", "moment_of_truth"}


def test_the_seeds_fields_are_strict():
    with pytest.raises(ValueError, match=r"Step\.sentiment: expected one of 'positive'"):
        Step(title="x", phase="p", lane="l", sentiment="good")
    with pytest.raises(TypeError, match=r"Step\.keep: expected True or False"):
        Step(title="x", phase="p", lane="l", keep="yes")
    with pytest.raises(TypeError, match=r"Span\.start: expected text"):
        klantreis.Span(start=3)
    with pytest.raises(TypeError, match=r"Actor\.needs"):
        klantreis.Actor(name="x", needs="een lijst")


def test_a_sentiment_without_a_moment_of_truth_is_a_located_warning():
    journey = klantreis.loads(SEEDS, source="reis.yaml", check=False)
    (problem,) = [p for p in klantreis.validate(journey) if p.code == "sentiment-without-moment"]
    assert format_path(problem.path) == "steps[1].sentiment"
    assert "geen moment van de waarheid" in problem.message
    assert "no moment of truth" in problem.in_language("en").message


def test_markdown_shows_what_the_seeds_ask():
    report = klantreis.export(klantreis.loads(SEEDS, check=False), "markdown")
    assert isinstance(report, str)
    for shown in (
        "| **Begint bij** | Cliënt meldt zich bij de huisarts |",
        "| **Tips** | Meer tijd voor stap 6 |",
        "| **Wat hebben ze nodig** | Huisarts: Een vast aanspreekpunt |",
        "_Moment van de waarheid (negatief)_<br>✔ _zo houden_<br>_Resultaat:_ Een behandelplan",
        "Organisatie: Roosters zitten vol",
        "ja – uitkomst: Belteam opzetten – **vervolg nodig**",
    ):
        assert shown in report


def test_the_diff_reports_the_seeds_fields_in_both_languages():
    old = klantreis.loads(SEEDS, check=False)
    step = evolve(old.steps[0], sentiment="positive", keep=False, result="Een wachtlijst")
    new = evolve(
        old,
        steps=[step, old.steps[1]],
        span=evolve(old.span, period="jaar 2027"),
        insights=[evolve(old.insights[0], follow_up=False)],
    )
    text = render_diff(klantreis.diff(old, new), verbose=True)
    for shown in (
        "positief of negatief: negatief → positief",
        "zo houden: ja → nee",
        "resultaat: ‘Een behandelplan’ → ‘Een wachtlijst’",
        "periode: ‘jaar 2026’ → ‘jaar 2027’",
        "vervolg nodig: ja → nee",
    ):
        assert shown in text
    english = render_diff(
        klantreis.diff(evolve(old, language="en"), evolve(new, language="en")), verbose=True
    )
    assert "positive or negative: negative → positive" in english
    assert "needs a follow-up: yes → no" in english


def test_the_examples_use_the_new_fields(examples):
    spring = klantreis.load(examples / "depressie-ggz-2026-voorjaar.yaml")
    cgt = spring.step("cgt-sessies")
    assert cgt is not None
    assert cgt.rating("emotion") == Rating.of("emotion", {"client": 4, "medewerker": 3})
    assert spring.span.period == "maart - september 2026"
    assert not [p for p in klantreis.validate(spring) if p.code == "over-norm"]
    first, third = (
        klantreis.load(examples / "portfolio" / f"wijkteam-{when}.yaml")
        for when in ("2025-najaar", "2026-najaar")
    )
    text = render_diff(klantreis.diff(first, third), verbose=True)
    assert "indicatoren: wachttijd 42 → 28 dagen, beter" in text
    assert "indicatoren: no-show 18 → 11 %, beter" in text
