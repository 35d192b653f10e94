"""diff, patch, effect and their rendering, on the shipped example and on small cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attrs import evolve

import klantreis
from klantreis import ImprovementAction, Journey, Language, Phase, Rating, Status, Step
from klantreis.cli import main
from klantreis.compare import (
    Collection,
    DiffError,
    DiffFormatError,
    Flag,
    Kind,
    Outcome,
    PatchError,
    Verdict,
    diff,
    diff_from_json,
    diff_to_json,
    effect,
    patch,
    render_diff,
)
from klantreis.compare.cli import use_color

ROOT = Path(__file__).resolve().parent.parent
SPRING = ROOT / "examples" / "depressie-ggz-2026-voorjaar.yaml"
AUTUMN = ROOT / "examples" / "depressie-ggz-2026-najaar.yaml"

B, W, U = Verdict.IMPROVED, Verdict.WORSENED, Verdict.UNCHANGED


@pytest.fixture(scope="module")
def iterations() -> tuple[Journey, Journey]:
    return klantreis.load(SPRING), klantreis.load(AUTUMN)


@pytest.fixture(scope="module")
def example(iterations):
    return diff(*iterations)


# --- the shipped example: every change listed in examples/README.md -------------------


def test_the_example_changes_exactly(example):
    found = {
        (c.kind.value, c.collection.value, c.id, tuple(f.field for f in c.fields))
        for c in example.changes
    }
    assert found == {
        (
            "changed",
            "journey",
            "depressie-ggz",
            ("iteration.label", "iteration.date", "objectives.session"),
        ),
        ("changed", "phases", "intake", ("lead_time",)),
        ("removed", "steps", "middelen-post-fax", ()),
        ("added", "steps", "wordt-gebeld-door-belteam", ()),
        ("added", "steps", "idee-belteam-met-behandelaar", ()),
        ("moved", "steps", "vult-vragenlijsten-in", ("phase",)),
        (
            "changed",
            "steps",
            "ontvangt-bevestigingsbrief",
            ("description", "ratings", "pain_points.client", "notes"),
        ),
        ("changed", "steps", "wacht-op-intake", ("ratings", "notes")),
        ("changed", "steps", "belt-secretariaat-wachttijd", ("notes",)),
        ("changed", "steps", "intakegesprek", ("ratings", "notes")),
        (
            "changed",
            "steps",
            "tweede-gesprek-psychiater",
            (
                "title",
                "duration",
                "ratings",
                "pain_points.client",
                "pain_points.professional",
                "quality.attitude",
                "quality.client_focus",
                "quality.comment",
            ),
        ),
        ("changed", "steps", "beleving-gehoord", ("ratings",)),
        (
            "changed",
            "steps",
            "bespreekt-behandelplan",
            ("ratings", "quality.skills", "quality.client_focus", "quality.comment"),
        ),
        ("changed", "steps", "beleving-diagnose", ("ratings",)),
        (
            "changed",
            "steps",
            "medicatiecontrole",
            (
                "description",
                "channels",
                "duration",
                "ratings",
                "pain_points.client",
                "pain_points.professional",
                "quality.attitude",
                "quality.client_focus",
                "quality.comment",
                "notes",
            ),
        ),
        (
            "changed",
            "steps",
            "afzegging-behandelaar",
            ("description", "ratings", "pain_points.client", "pain_points.professional"),
        ),
        ("changed", "actions", "belteam-wachtlijstbegeleiding", ("status",)),
        ("changed", "actions", "wachttijdbrief-herschrijven", ("status",)),
        ("changed", "actions", "online-module-wachttijd", ("due", "status")),
        ("changed", "actions", "gecombineerde-intake", ("status",)),
        ("changed", "actions", "mondeling-akkoord-behandelplan", ("status",)),
        ("changed", "actions", "driegesprek-bedrijfsarts", ("description", "status")),
        ("changed", "actions", "naasten-betrekken", ("status",)),
        ("changed", "actions", "warme-overdracht-poh", ("status",)),
        ("changed", "actions", "vervanging-bij-uitval", ("status",)),
        ("added", "actions", "belteam-inhoudelijk-versterken", ()),
        ("changed", "insights", "mark-niet-in-beeld", ("discussed", "discussed_on")),
        ("added", "insights", "belteam-lost-wachten-niet-op", ()),
        ("added", "insights", "ongemeten-achteruitgang", ()),
    }
    assert len(example.changes) == 29
    assert {k.value: n for k, n in example.counts().items()} == {
        "added": 5,
        "removed": 1,
        "renamed": 0,
        "moved": 1,
        "changed": 22,
        "relinked": 0,
    }


def test_the_example_moves_and_retitles_as_listed(example):
    (moved,) = example.of(Collection.STEPS, Kind.MOVED)
    assert (moved.fields[0].old, moved.fields[0].new) == ("intake", "aanmelding-wachttijd")
    (step,) = [c for c in example.changes if c.id == "tweede-gesprek-psychiater"]
    title = step.field("title")
    assert title is not None
    assert title.new == "Psychiater schuift aan bij het intakegesprek voor het medicatieadvies"
    # A new title under the same id is a change of the title, not a rename of the id.
    assert not example.of(Collection.STEPS, Kind.RENAMED)


def test_the_example_ratings_and_their_verdicts(example):
    assert [(r.step, r.scale, r.old_votes, r.new_votes, r.verdict) for r in example.ratings] == [
        ("ontvangt-bevestigingsbrief", "emotion", (1, 2, 2), (3, 3, 2), B),
        ("ontvangt-bevestigingsbrief", "motivation", (2, 3), (2, 2), B),
        ("wacht-op-intake", "motivation", (3, 3, 2), (3, 3, 3), W),
        ("intakegesprek", "emotion", (4, 4, 3), (4, 5, 4), B),
        ("intakegesprek", "motivation", (1, 2), (1,), B),
        ("tweede-gesprek-psychiater", "emotion", (3,), (4,), B),
        ("tweede-gesprek-psychiater", "motivation", (2,), (1, 2), B),
        ("beleving-gehoord", "emotion", (4, 3), (4,), B),
        ("beleving-gehoord", "motivation", (2,), (1,), B),
        ("bespreekt-behandelplan", "emotion", (3,), (4,), B),
        ("bespreekt-behandelplan", "motivation", (2, 1), (1,), B),
        ("beleving-diagnose", "emotion", (2, 3, 3), (3, 3, 4), B),
        ("medicatiecontrole", "emotion", (3,), (2,), W),
        ("medicatiecontrole", "motivation", (2,), (3, 2), W),
        ("afzegging-behandelaar", "emotion", (1,), (3,), B),
        ("afzegging-behandelaar", "motivation", (3, 3, 4), (2,), B),
    ]


def test_the_example_effect_report(example, iterations):
    report = example.effect
    assert report == effect(*iterations)
    S = Status
    assert [
        (a.id, a.old_status, a.status, a.outcome, a.flags, [(r.step, r.scale) for r in a.ratings])
        for a in report.actions
    ] == [
        (
            "belteam-wachtlijstbegeleiding",
            S.PLANNED,
            S.DONE,
            Outcome.WORSENED,
            (Flag.DONE_WITHOUT_EFFECT,),
            [("wacht-op-intake", "motivation")],
        ),
        (
            "wachttijdbrief-herschrijven",
            S.IN_PROGRESS,
            S.DONE,
            Outcome.IMPROVED,
            (),
            [
                ("ontvangt-bevestigingsbrief", "emotion"),
                ("ontvangt-bevestigingsbrief", "motivation"),
            ],
        ),
        ("online-module-wachttijd", S.PROPOSED, S.IN_PROGRESS, Outcome.UNCHANGED, (), []),
        (
            "gecombineerde-intake",
            S.PLANNED,
            S.DONE,
            Outcome.IMPROVED,
            (),
            [
                ("tweede-gesprek-psychiater", "emotion"),
                ("tweede-gesprek-psychiater", "motivation"),
                ("beleving-gehoord", "emotion"),
                ("beleving-gehoord", "motivation"),
            ],
        ),
        ("mondeling-akkoord-behandelplan", S.PROPOSED, S.IN_PROGRESS, Outcome.UNCHANGED, (), []),
        (
            "behandelplan-gewone-taal",
            S.IN_PROGRESS,
            S.IN_PROGRESS,
            Outcome.IMPROVED,
            (),
            [
                ("bespreekt-behandelplan", "emotion"),
                ("bespreekt-behandelplan", "motivation"),
                ("beleving-diagnose", "emotion"),
            ],
        ),
        ("driegesprek-bedrijfsarts", S.PROPOSED, S.DROPPED, Outcome.UNCHANGED, (), []),
        (
            "naasten-betrekken",
            S.PLANNED,
            S.DONE,
            Outcome.IMPROVED,
            (),
            [("intakegesprek", "emotion"), ("intakegesprek", "motivation")],
        ),
        ("warme-overdracht-poh", S.PROPOSED, S.PLANNED, Outcome.UNCHANGED, (), []),
        (
            "vervanging-bij-uitval",
            S.PLANNED,
            S.DONE,
            Outcome.IMPROVED,
            (),
            [("afzegging-behandelaar", "emotion"), ("afzegging-behandelaar", "motivation")],
        ),
        (
            "belteam-inhoudelijk-versterken",
            None,
            S.PROPOSED,
            Outcome.WORSENED,
            (),
            [("wacht-op-intake", "motivation")],
        ),
    ]
    # The action that was done but did not help, and the worsening nobody looks at.
    assert [a.id for a in report.done_without_effect] == ["belteam-wachtlijstbegeleiding"]
    assert report.done_without_effect[0].targets == (
        "wacht-op-intake",
        "belt-secretariaat-wachttijd",
    )
    assert [(r.step, r.scale, r.verdict) for r in report.unexplained] == [
        ("medicatiecontrole", "emotion", W),
        ("medicatiecontrole", "motivation", W),
    ]


def test_the_example_means_per_phase(example):
    rows = {
        p.phase: [
            (s.scale, round(s.old_mean, 3), round(s.new_mean, 3), s.verdict) for s in p.scales
        ]
        for p in example.phases
    }
    assert rows == {
        "hulpvraag-verwijzing": [("emotion", 3.0, 3.0, U), ("motivation", 1.25, 1.25, U)],
        "aanmelding-wachttijd": [("emotion", 1.9, 2.119, B), ("motivation", 2.533, 2.429, B)],
        "intake": [("emotion", 3.042, 4.111, B), ("motivation", 1.875, 1.167, B)],
        "behandelplan": [("emotion", 2.556, 3.111, B), ("motivation", 1.833, 1.667, B)],
        "behandeling": [("emotion", 2.767, 2.967, B), ("motivation", 2.067, 1.9, B)],
        "afronding-nazorg": [("emotion", 3.25, 3.25, U), ("motivation", 1.75, 1.75, U)],
    }


def test_the_example_patches_both_ways_and_round_trips(example, iterations):
    spring, autumn = iterations
    assert patch(spring, example) == autumn
    assert patch(autumn, example.inverse()) == spring
    text = diff_to_json(example)
    assert json.loads(text)["diff_format_version"] == 1
    assert diff_from_json(text) == example
    assert patch(spring, diff_from_json(text)) == autumn


def test_the_example_text_report_reads_at_a_glance(example):
    text = render_diff(example, "text")
    lines = text.splitlines()
    assert lines[0] == "Klantreis ‘Depressiebehandeling in de GGZ’: Eerste meting → Tweede meting"
    assert lines[2:6] == [
        "Samenvatting",
        "  5 toegevoegd · 1 verwijderd · 1 verplaatst · 22 gewijzigd",
        "  Verbeteracties: 5 nu gedaan, waarvan 4 met verbetering · 2 → bezig · 1 → gepland"
        " · 1 → vervallen · 1 nieuw",
        "  Let op: 1 actie gedaan zonder verbetering bij de doelstappen"
        " · 1 stap verslechterd zonder verbeteractie",
    ]
    assert "    Intake                  Emotie 3 → 4,1 beter · Motivatie 1,9 → 1,2 beter" in lines
    start = lines.index("Effect van de verbeteracties")
    assert lines[start + 1 : start + 4] == [
        "  ! Wachtlijstbegeleiding via een belteam — gepland → gedaan: "
        "gedaan, maar de doelstappen zijn niet verbeterd",
        "      Wacht op de uitnodiging voor de intake: "
        "Motivatie 2,7 (3, 3, 2) → 3 (3, 3, 3) slechter",
        "      scores ongewijzigd bij 1 andere doelstap",
    ]
    assert "  ! Verslechterd waar geen verbeteractie op gericht is:" in lines
    assert lines.index("Details") > start
    assert "\x1b[" not in text


def test_the_example_markdown_puts_summary_effect_details_in_order(example):
    md = render_diff(example, "markdown")
    summary, effect_at, details = (
        md.index("**Samenvatting:**"),
        md.index("#### Effect"),
        md.index("<details>"),
    )
    assert summary < effect_at < details
    assert "| ⚠️ Wachtlijstbegeleiding via een belteam | gepland → gedaan | **gedaan, maar" in md
    assert "| Intake | ✅ 3 → 4,1 beter | ✅ 1,9 → 1,2 beter |" in md


# --- matching -------------------------------------------------------------------------


def _journey(**kwargs) -> Journey:
    base = {
        "title": "Reis",
        "phases": [Phase(name="Intake"), Phase(name="Behandeling")],
        "steps": [
            Step(
                title="Belt de huisarts",
                phase="intake",
                lane="client",
                description="Wil snel hulp",
                ratings=[Rating("emotion", (2,))],
            ),
            Step(
                title="Wacht op de intake",
                phase="intake",
                lane="client",
                description="Lang wachten",
            ),
            Step(title="Eerste sessie", phase="behandeling", lane="client"),
        ],
        "actions": [ImprovementAction(title="Terugbellen", targets=["belt-de-huisarts"])],
    }
    base.update(kwargs)
    return Journey(**base)


def test_a_retitled_step_with_a_derived_id_is_renamed():
    old = _journey()
    step = evolve(old.steps[0], title="Belt zelf de huisarts", id="belt-zelf-de-huisarts")
    action = evolve(old.actions[0], targets=("belt-zelf-de-huisarts",))
    new = evolve(old, steps=(step, *old.steps[1:]), actions=(action,))
    d = diff(old, new)
    assert [(c.kind, c.id, c.new_id) for c in d.changes] == [
        (Kind.RENAMED, "belt-de-huisarts", "belt-zelf-de-huisarts"),
        (Kind.CHANGED, "belt-de-huisarts", "belt-zelf-de-huisarts"),
        (Kind.RELINKED, "terugbellen", "terugbellen"),  # the target follows the rename
    ]
    assert patch(old, d) == new
    # With the threshold at 1, only identical content is a rename.
    strict = diff(old, new, rename_threshold=1.0)
    assert {c.kind for c in strict.of("steps")} == {Kind.ADDED, Kind.REMOVED}
    assert patch(old, strict) == new


def test_a_renamed_phase_whose_steps_followed_is_renamed_and_the_steps_relinked():
    old = _journey()
    phases = (Phase(name="Intakegesprek"), old.phases[1])
    steps = tuple(evolve(s, phase="intakegesprek") if s.phase == "intake" else s for s in old.steps)
    new = evolve(old, phases=phases, steps=steps)
    d = diff(old, new)
    assert [(c.kind, c.collection, c.id) for c in d.changes] == [
        (Kind.RENAMED, Collection.PHASES, "intake"),
        (Kind.CHANGED, Collection.PHASES, "intake"),
        (Kind.RELINKED, Collection.STEPS, "belt-de-huisarts"),
        (Kind.RELINKED, Collection.STEPS, "wacht-op-de-intake"),
    ]
    assert "2 × stap volgt een hernoemd id" in render_diff(d)
    assert patch(old, d) == new


def test_an_unrelated_new_phase_is_not_a_rename():
    old = _journey()
    phases = (Phase(name="Wachtlijst"), old.phases[1])
    steps = tuple(evolve(s, phase="wachtlijst") if s.phase == "intake" else s for s in old.steps)
    new = evolve(old, phases=phases, steps=steps)
    d = diff(old, new)
    assert {(c.kind, c.id) for c in d.of("phases")} == {
        (Kind.REMOVED, "intake"),
        (Kind.ADDED, "wachtlijst"),
    }
    assert [c.kind for c in d.of("steps")] == [Kind.MOVED, Kind.MOVED]
    assert patch(old, d) == new


def test_inserting_one_step_moves_no_other():
    old = _journey()
    new = evolve(old, steps=(Step(title="Nieuw", phase="intake", lane="client"), *old.steps))
    d = diff(old, new)
    assert [(c.kind, c.new_index) for c in d.changes] == [(Kind.ADDED, 0)]


def test_swapping_two_steps_moves_one():
    old = _journey()
    new = evolve(old, steps=(old.steps[1], old.steps[0], old.steps[2]))
    d = diff(old, new)
    assert len(d.of("steps", Kind.MOVED)) == 1
    assert patch(old, d) == new


def test_matching_is_deterministic():
    old = _journey()
    twins = tuple(Step(id=f"s{i}", title="Zelfde", phase="intake", lane="client") for i in range(4))
    new_twins = tuple(evolve(s, id=f"t{i}") for i, s in enumerate(twins))
    a, b = evolve(old, steps=twins), evolve(old, steps=new_twins)
    first = diff(a, b)
    assert all(diff(a, b) == first for _ in range(3))
    assert [(c.id, c.new_id) for c in first.changes] == [(f"s{i}", f"t{i}") for i in range(4)]


def test_the_threshold_must_lie_between_0_and_1():
    with pytest.raises(ValueError, match="rename_threshold"):
        diff(_journey(), _journey(), rename_threshold=0)


def test_an_id_twice_is_an_error_not_a_guess():
    old = _journey()
    twice = evolve(old, steps=(*old.steps, old.steps[0]))
    with pytest.raises(DiffError, match="'belt-de-huisarts' twice in steps"):
        diff(old, twice)


def test_a_lower_is_better_scale_improves_downwards():
    old = _journey()
    step = evolve(old.steps[0], ratings=(Rating("motivation", (4,)),))
    better = evolve(step, ratings=(Rating("motivation", (2,)),))
    d = diff(evolve(old, steps=(step,)), evolve(old, steps=(better,)))
    (change,) = d.ratings
    assert (change.old_value, change.new_value, change.verdict) == (4, 2, Verdict.IMPROVED)


def test_ratings_that_appear_or_disappear_are_new_or_gone():
    old = _journey()
    step = old.steps[0]  # rated on emotion only
    other = evolve(step, ratings=(Rating("motivation", (1,)),))
    d = diff(evolve(old, steps=(step,)), evolve(old, steps=(other,)))
    assert [(r.scale, r.verdict) for r in d.ratings] == [
        ("motivation", Verdict.NEW),
        ("emotion", Verdict.GONE),
    ]


def test_phase_means_follow_the_ids_each_step_really_has():
    # The scale is renamed but the step still rates the old id (a dangling reference
    # in an unchecked journey): the new mean is under the old id, not the renamed one.
    old = _journey()
    scales = (evolve(old.scales[0], id="emotie"), *old.scales[1:])
    d = diff(old, evolve(old, scales=scales))
    (row,) = [p for p in d.phases if p.phase == "intake"]
    assert [(c.scale, c.old_mean, c.new_mean) for c in row.scales] == [
        ("emotie", 2.0, None),
        ("emotion", None, 2.0),
    ]


def test_a_done_action_whose_target_improved_is_not_flagged():
    old = _journey()
    improved = evolve(old.steps[0], ratings=(Rating("emotion", (4,)),))
    done = evolve(old.actions[0], status=Status.DONE)
    report = effect(old, evolve(old, steps=(improved, *old.steps[1:]), actions=(done,)))
    (action,) = report.actions
    assert (action.outcome, action.flags) == (Outcome.IMPROVED, ())
    assert not report.flagged


# --- patching a journey the diff was not made for -------------------------------------


def test_patching_another_journey_fails_clearly():
    old = _journey()
    new = evolve(old, steps=(evolve(old.steps[0], description="Anders"), *old.steps[1:]))
    d = diff(old, new)
    other = evolve(old, steps=(evolve(old.steps[0], description="Nog anders"), *old.steps[1:]))
    with pytest.raises(
        PatchError, match=r"steps\['belt-de-huisarts'\]\.description: expected 'Wil snel hulp'"
    ):
        patch(other, d)
    with pytest.raises(PatchError, match="no such item"):
        patch(evolve(old, steps=old.steps[1:]), d)
    removal = diff(old, evolve(old, steps=old.steps[1:]))
    with pytest.raises(PatchError, match="differs from the one the diff removes"):
        patch(other, removal)
    with pytest.raises(PatchError, match="not 'andere-reis'"):
        patch(evolve(old, id="andere-reis"), diff(old, evolve(old, title="Nieuw")))


# --- the JSON document ----------------------------------------------------------------


def test_a_diff_from_a_newer_klantreis_is_refused():
    data = json.loads(diff_to_json(diff(_journey(), _journey(description="X"))))
    data["diff_format_version"] = 2
    # told in the language of the diff's journeys (Dutch here)
    with pytest.raises(DiffFormatError, match="geschreven door een nieuwere klantreis"):
        diff_from_json(json.dumps(data))
    data["new"]["language"] = "en"
    with pytest.raises(DiffFormatError, match="written by a newer klantreis"):
        diff_from_json(json.dumps(data))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("changes"), "changes: the required key 'changes' is missing"),
        (
            lambda d: d["changes"][0].update(kind="swapped"),
            r"changes\[0\]\.kind: 'swapped' is not one of",
        ),
        (
            lambda d: d["changes"][0].update(extra=1),
            r"changes\[0\]\.extra: unknown key 'extra' in a Change",
        ),
        (
            lambda d: d["ratings"].append({"step": "x"}),
            r"ratings\[0\]\.old_step: the required key 'old_step' is missing \(and 7 more\)",
        ),
        (
            lambda d: d["changes"][0].update(item={"title": "T"}),
            r"changes\[0\]\.item: a change to the journey itself holds no item",
        ),
        (lambda d: d.update(summary=[]), "summary: expected a mapping, got a list"),
        (lambda d: d["old"].update(phases={"p": 3}), r"old\.phases\.p: expected text"),
        (
            lambda d: d["changes"][0]["fields"][0].update(new=7),
            r"changes\[0\]\.fields\[0\]\.new: expected text",
        ),
        (
            lambda d: d["changes"][0]["fields"][0].update(field="colour"),
            "Journey has no field 'colour'",
        ),
    ],
)
def test_a_broken_diff_document_says_where(edit, message):
    data = json.loads(diff_to_json(diff(_journey(), _journey(description="X"))))
    data["new"]["language"] = "en"
    edit(data)
    with pytest.raises(DiffFormatError, match=message):
        diff_from_json(json.dumps(data))


def test_a_broken_diff_of_dutch_journeys_is_told_in_dutch():
    data = json.loads(diff_to_json(diff(_journey(), _journey(description="X"))))
    data["changes"][0]["fields"][0].update(field="kleur")
    with pytest.raises(
        DiffFormatError, match=r"changes\[0\]\.fields\[0\]\.field: Journey heeft geen veld 'kleur'"
    ):
        diff_from_json(json.dumps(data))


def test_not_json_at_all():
    with pytest.raises(DiffFormatError, match="not valid JSON"):
        diff_from_json("{")


# --- rendering ------------------------------------------------------------------------


def test_an_english_journey_gets_an_english_report():
    old = _journey(language=Language.EN)
    new = evolve(old, actions=(evolve(old.actions[0], status=Status.DONE),))
    text = render_diff(diff(old, new))
    assert "Summary" in text
    assert "done, but its target steps did not improve" in text


def test_colour_only_when_asked():
    old = _journey()
    d = diff(old, evolve(old, steps=old.steps[1:]))
    assert "\x1b[31m" in render_diff(d, color=True)
    assert "\x1b[" not in render_diff(d)


class _Tty:
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", "-", _Tty())
    assert not use_color("auto", "report.txt", _Tty())
    assert not use_color("auto", "-", object())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", "-", _Tty())
    assert use_color("always", "-", object())


def test_markdown_keeps_user_text_inert():
    old = _journey()
    new = evolve(
        old, steps=(*old.steps, Step(title="a | b <script>", phase="intake", lane="client"))
    )
    md = render_diff(diff(old, new), "markdown")
    assert "a \\| b \\<script\\>" in md
    assert "<script>" not in md


def test_klantreis_diff_is_the_function_even_after_importing_the_package():
    import klantreis.compare.compute

    old = _journey()
    assert klantreis.diff(old, old).is_empty
    assert klantreis.patch(old, klantreis.diff(old, old)) == old


# --- the command line -----------------------------------------------------------------


def test_cli_exit_status_is_that_of_diff(capsys):
    assert main(["diff", str(SPRING), str(SPRING)]) == 0
    assert "Geen verschillen." in capsys.readouterr().out
    assert main(["diff", str(SPRING), str(AUTUMN)]) == 1
    assert "Effect van de verbeteracties" in capsys.readouterr().out
    assert main(["diff", "--lang", "en", str(SPRING), str(AUTUMN)]) == 1
    english = capsys.readouterr().out
    assert "Effect of the improvement actions" in english
    assert "Effect van de verbeteracties" not in english


def test_cli_writes_json_that_loads_back(tmp_path, iterations):
    out = tmp_path / "diff.json"
    assert main(["diff", str(SPRING), str(AUTUMN), "--format", "json", "-o", str(out)]) == 1
    loaded = diff_from_json(out.read_text(encoding="utf-8"))
    assert patch(iterations[0], loaded) == iterations[1]


def test_cli_markdown(capsys):
    assert main(["diff", str(SPRING), str(AUTUMN), "--format", "markdown"]) == 1
    assert capsys.readouterr().out.startswith("### Klantreis")


def test_cli_bad_files_get_the_validation_messages(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nphases: [{name: A}]\nsteps: [{title: s, phase: b, lane: client}]\n")
    assert main(["diff", str(SPRING), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "1 fout in " in err  # the journey's language
    assert "geen fase heeft het id 'b' [unknown-reference]" in err
    assert "Traceback" not in err
    assert main(["diff", str(SPRING), str(tmp_path / "missing.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_refuses_a_bad_threshold(capsys):
    assert main(["diff", str(SPRING), str(AUTUMN), "--rename-threshold", "0"]) == 2
    assert "--rename-threshold" in capsys.readouterr().err


def test_cli_as_git_external_diff_driver(capsys):
    args = [
        "diff",
        "--git",
        "journey.yaml",
        str(SPRING),
        "abc123",
        "100644",
        str(AUTUMN),
        "def456",
        "100644",
    ]
    assert main(args) == 0  # git stops at any other status
    out = capsys.readouterr().out
    assert out.startswith("klantreis diff journey.yaml\nKlantreis")
    assert (
        main(
            [
                "diff",
                "--git",
                "journey.yaml",
                "/dev/null",
                ".",
                ".",
                str(AUTUMN),
                "def456",
                "100644",
            ]
        )
        == 0
    )
    assert "new journey file" in capsys.readouterr().out
    assert main(["diff", str(SPRING), str(AUTUMN), "extra"]) == 2
