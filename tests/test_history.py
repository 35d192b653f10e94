"""klantreis history: one journey over its iterations, numbers checked by hand."""

from __future__ import annotations

import csv
import io
import json
import math
import subprocess
from pathlib import Path

import pytest
from attrs import evolve

import klantreis
from klantreis import ImprovementAction, Journey, Phase, Rating, Status, Step
from klantreis.cli import main
from klantreis.compare.model import Collection, Kind
from klantreis.manage import (
    HISTORY_FORMAT_VERSION,
    GitError,
    HistoryError,
    Lasting,
    history,
    render_history,
    revisions,
)

ROOT = Path(__file__).resolve().parent.parent
SPRING = ROOT / "examples" / "depressie-ggz-2026-voorjaar.yaml"
AUTUMN = ROOT / "examples" / "depressie-ggz-2026-najaar.yaml"


def _step(title: str, phase: str, emotion: tuple[int, ...], **kw: object) -> Step:
    return Step(title=title, phase=phase, lane="client", ratings=[Rating("emotion", emotion)], **kw)


def _chain() -> list[Journey]:
    """Three iterations; every number the tests below expect is worked out by hand."""
    one = Journey(
        title="Reis",
        id="reis",
        iteration=klantreis.Iteration(label="een"),
        phases=[Phase(name="Intake"), Phase(name="Behandeling")],
        steps=[
            _step("Belt de huisarts", "intake", (2,), id="belt"),
            _step(
                "Wacht op de intake van de instelling",
                "intake",
                (1, 2),
                id="wacht",
                description="Weken zonder bericht",
                channels=[klantreis.Channel.LETTER],
            ),
            _step("Sessie met de behandelaar", "behandeling", (3,), id="sessie"),
        ],
        actions=[
            ImprovementAction(title="Terugbellen", id="a1", targets=["wacht"]),
            ImprovementAction(title="Duo", id="a2", targets=["sessie"], status=Status.PLANNED),
            ImprovementAction(title="Folder", id="a3", targets=["belt"], status=Status.DONE),
            ImprovementAction(title="Balie", id="a4", targets=["belt"], status=Status.PLANNED),
            ImprovementAction(title="Weg", id="a5"),
        ],
    )
    two = evolve(
        one,
        iteration=klantreis.Iteration(label="twee"),
        steps=[
            one.steps[0],
            evolve(one.steps[1], ratings=[Rating("emotion", (3, 3))]),
            evolve(one.steps[2], ratings=[Rating("emotion", (4,))]),
        ],
        actions=[
            evolve(one.actions[0], status=Status.DONE),
            evolve(one.actions[1], status=Status.DONE),
            one.actions[2],
            evolve(one.actions[3], status=Status.DONE),
        ],
    )
    three = evolve(
        two,
        iteration=klantreis.Iteration(label="drie"),
        steps=[
            two.steps[0],
            # retitled, with a new id: the diff's rename logic keeps it one step
            evolve(
                two.steps[1],
                title="Wacht op de intake bij de instelling",
                id="wacht-intake",
                ratings=[Rating("emotion", (1,))],
            ),
            two.steps[2],
        ],
        actions=[evolve(two.actions[0], targets=["wacht-intake"]), *two.actions[1:]],
    )
    return [one, two, three]


def test_phase_and_journey_means_per_iteration_by_hand():
    h = history(_chain())
    overall = h.overall[0]
    assert overall.scale == "emotion"
    # whole journey: (2 + 1.5 + 3) / 3, (2 + 3 + 4) / 3, (2 + 1 + 4) / 3
    assert overall.values == pytest.approx((6.5 / 3, 3.0, 7 / 3))
    intake, behandeling = h.phases
    assert intake.ids == ("intake", "intake", "intake")
    assert intake.scales[0].values == (1.75, 2.5, 1.5)
    assert behandeling.scales[0].values == (3.0, 4.0, 4.0)
    assert intake.scales[0].counts == (2, 2, 2)


def test_a_retitled_step_stays_one_step():
    journeys = _chain()
    d = klantreis.diff(journeys[1], journeys[2])
    assert [c.new_id for c in d.of(Collection.STEPS, Kind.RENAMED)] == ["wacht-intake"]
    h = history(journeys)
    assert [s.ids for s in h.steps] == [
        ("belt", "belt", "belt"),
        ("wacht", "wacht", "wacht-intake"),
        ("sessie", "sessie", "sessie"),
    ]
    wait = h.steps[1]
    assert wait.title == "Wacht op de intake bij de instelling"
    assert wait.scales[0].values == (1.5, 3.0, 1.0)
    assert dict(wait.votes)["emotion"] == ((1, 2), (3, 3), (1,))
    assert wait.changed
    assert not h.steps[0].changed


def test_action_lifecycles_and_whether_the_effect_lasted():
    h = history(_chain())
    by_id = {a.id: a for a in h.actions}
    a1 = by_id["a1"]
    assert a1.statuses == (Status.PROPOSED, Status.DONE, Status.DONE)
    assert [(c.iteration, c.old, c.new) for c in a1.changes] == [
        (0, None, Status.PROPOSED),
        (1, Status.PROPOSED, Status.DONE),
    ]
    assert a1.done_in == 1
    # wacht: 1.5 before, 3 when done (better), 1 later: below the baseline again
    assert a1.targets == ("wacht-intake",)
    assert a1.target_scores[0].values == (1.5, 3.0, 1.0)
    assert (a1.lasting, a1.slid_back_in) == (Lasting.SLID_BACK, 2)
    assert by_id["a2"].lasting is Lasting.LASTED  # sessie 3 → 4 → 4
    assert by_id["a3"].lasting is Lasting.NO_BASELINE  # done in the first iteration
    assert by_id["a4"].lasting is Lasting.NO_EFFECT  # belt 2 → 2
    gone = by_id["a5"]
    assert gone.statuses == (Status.PROPOSED, None, None)
    assert gone.changes[-1].new is None
    assert gone.changes[-1].iteration == 1
    assert gone.lasting is Lasting.NOT_DONE


def test_the_examples_agree_with_the_diff_and_the_effect_report():
    spring, autumn = klantreis.load(SPRING), klantreis.load(AUTUMN)
    h = history([spring, autumn])
    d = h.diffs[0]
    for phase, row in zip(h.phases, d.phases, strict=True):
        assert phase.ids == (row.old_phase, row.phase)
        for series, cell in zip(phase.scales, row.scales, strict=True):
            assert series.values == (cell.old_mean, cell.new_mean)
    by_id = {a.id: a for a in h.actions}
    # examples/README.md: the phone team is done but its target steps did not improve
    assert by_id["belteam-wachtlijstbegeleiding"].lasting is Lasting.NO_EFFECT
    assert by_id["wachttijdbrief-herschrijven"].lasting is Lasting.NOT_REMEASURED
    flagged = {a.id for a in d.effect.done_without_effect}
    no_effect = {a.id for a in h.actions if a.lasting is Lasting.NO_EFFECT}
    assert no_effect == flagged
    moved = next(s for s in h.steps if s.ids[1] == "vult-vragenlijsten-in")
    assert moved.ids == ("vult-vragenlijsten-in", "vult-vragenlijsten-in")


def test_one_iteration_and_none():
    h = history(_chain()[:1])
    assert len(h) == 1
    assert h.diffs == ()
    assert "1 meting" in render_history(h)
    with pytest.raises(HistoryError, match="at least one journey"):
        history([])


def test_different_journey_ids_are_named():
    one, two, _ = _chain()
    h = history([one, evolve(two, id="andere")])
    assert h.journey_ids == ("reis", "andere")
    assert "verschillende ids (reis, andere)" in render_history(h)


# --- formats --------------------------------------------------------------------------


def test_text_shows_a_sparkline_per_row_and_the_lifecycle():
    out = render_history(history(_chain()), language="en")
    assert "Customer journey ‘Reis’: 3 mappings" in out
    assert "Intake · Emotie ↑" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("Intake · Emotie"))
    assert line.split()[-4:] == ["1.8", "2.5", "1.5", "▂▄▂"]
    assert "proposed (1) → done (2)" in out
    assert "better, but slid back in mapping 3" in out


def test_markdown_has_tables():
    out = render_history(history(_chain()), "markdown")
    assert out.startswith("# Klantreis ‘Reis’: 3 metingen\n")
    assert "| Intake | Emotie ↑ | 1,8 | 2,5 | 1,5 | ▂▄▂ |" in out
    assert (
        "| Terugbellen | voorgesteld (1) → gedaan (2) | beter, maar in meting 3 teruggezakt |"
        in out
    )


def test_json_is_versioned_and_complete():
    data = json.loads(render_history(history(_chain()), "json"))
    assert data["history_format_version"] == HISTORY_FORMAT_VERSION == 1
    assert [i["label"] for i in data["iterations"]] == ["een", "twee", "drie"]
    assert data["phases"][0]["scales"][0]["values"] == [1.75, 2.5, 1.5]
    assert data["steps"][1]["votes"] == {"emotion": [[1, 2], [3, 3], [1]]}
    a1 = data["actions"][0]
    assert (a1["lasting"], a1["slid_back_in"], a1["done_in"]) == ("slid-back", 2, 1)
    assert a1["statuses"] == ["proposed", "done", "done"]


def test_tidy_csv_has_one_row_per_iteration_step_and_scale():
    rows = list(csv.DictReader(io.StringIO(render_history(history(_chain()), "csv"))))
    assert len(rows) == 9  # 3 iterations × 3 steps × 1 scale
    wait = [r for r in rows if r["title"].startswith("Wacht")]
    assert [(r["iteration"], r["step"], r["votes"], float(r["value"])) for r in wait] == [
        ("1", "wacht", "1 2", 1.5),
        ("2", "wacht", "3 3", 3.0),
        ("3", "wacht-intake", "1", 1.0),
    ]
    by_iteration: dict[str, list[float]] = {}
    for r in rows:
        by_iteration.setdefault(r["iteration"], []).append(float(r["value"]))
    assert [math.fsum(v) / len(v) for v in by_iteration.values()] == pytest.approx(
        history(_chain()).overall[0].values
    )


# --- git ------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with three commits of one journey file, renamed on the way."""
    _git(tmp_path, "init", "-q")
    one, two, three = _chain()
    (tmp_path / "reis.yaml").write_text(klantreis.dumps(one, "yaml"), encoding="utf-8")
    _git(tmp_path, "add", "reis.yaml")
    _git(tmp_path, "commit", "-qm", "eerste meting")
    (tmp_path / "reis.yaml").write_text(klantreis.dumps(two, "yaml"), encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "tweede meting")
    (tmp_path / "docs").mkdir()
    _git(tmp_path, "mv", "reis.yaml", "docs/klantreis.yaml")
    (tmp_path / "docs" / "klantreis.yaml").write_text(klantreis.dumps(three, "yaml"), "utf-8")
    _git(tmp_path, "commit", "-qam", "derde meting, en verhuisd")
    (tmp_path / "andere.yaml").write_text("title: x\n", encoding="utf-8")
    return tmp_path


def test_git_gives_every_committed_revision_oldest_first(repo):
    found = revisions(repo / "docs" / "klantreis.yaml")
    assert [r.subject for r in found] == [
        "eerste meting",
        "tweede meting",
        "derde meting, en verhuisd",
    ]
    assert [r.path for r in found] == ["reis.yaml", "reis.yaml", "docs/klantreis.yaml"]
    assert found[0].name.startswith("reis.yaml@")
    assert len(found[0].name) == len("reis.yaml@") + 7


def test_history_over_git_equals_history_over_the_files(repo, capsys):
    assert (
        main(["history", str(repo / "docs" / "klantreis.yaml"), "--git", "--format", "json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    expected = json.loads(render_history(history(_chain()), "json"))
    assert [i["source"].split("@")[0] for i in data["iterations"]] == [
        "reis.yaml",
        "reis.yaml",
        "docs/klantreis.yaml",
    ]
    for key in ("overall", "phases", "steps", "actions"):
        assert data[key] == expected[key]


def test_git_errors_are_clear(repo, tmp_path_factory, capsys, monkeypatch):
    outside = tmp_path_factory.mktemp("plain") / "reis.yaml"
    # nox puts the temporary folders inside the checkout, itself a git repository:
    # git must not look above the test's own folders for one.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.parent.parent))
    outside.write_text("title: x\n", encoding="utf-8")
    with pytest.raises(GitError, match=r"reis\.yaml: not in a git repository"):
        revisions(outside)
    with pytest.raises(GitError, match=r"andere\.yaml: git has no commit of this file"):
        revisions(repo / "andere.yaml")
    assert main(["history", str(repo / "andere.yaml"), "--git"]) == 2
    assert "git has no commit of this file" in capsys.readouterr().err
    assert main(["history", str(repo / "andere.yaml"), str(outside), "--git"]) == 2
    assert "--git takes one journey file" in capsys.readouterr().err


def test_an_invalid_revision_is_named_with_its_commit(repo, capsys):
    (repo / "docs" / "klantreis.yaml").write_text("title: x\ntittle: y\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "kapot")
    assert main(["history", str(repo / "docs" / "klantreis.yaml"), "--git"]) == 2
    err = capsys.readouterr().err
    assert "docs/klantreis.yaml@" in err
    assert "onbekende sleutel 'tittle'" in err  # a journey without `language:` is Dutch


def test_cli_over_files_writes_and_refuses_to_clobber(tmp_path, capsys):
    out = tmp_path / "h.md"
    assert main(["history", str(SPRING), str(AUTUMN), "--format", "markdown", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Klantreis ‘Depressiebehandeling")
    assert main(["history", str(SPRING), str(AUTUMN), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["history", str(SPRING), str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml" in capsys.readouterr().err


# --- the example folder, against the hand-computed values in its README ---------------

PORTFOLIO = ROOT / "examples" / "portfolio"
WIJKTEAM = [
    PORTFOLIO / "wijkteam-2025-najaar.yaml",
    PORTFOLIO / "wijkteam-2026-voorjaar.yaml",
    PORTFOLIO / "wijkteam-2026-najaar.yaml",
]


def test_the_example_history_matches_the_hand_computed_values():
    h = history([klantreis.load(f) for f in WIJKTEAM])
    means = {(p.name, s.scale): s.values for p in h.phases for s in p.scales}
    assert means[("Melding", "emotion")] == (1.75, 3.25, 2.5)
    assert means[("Keukentafelgesprek", "emotion")] == pytest.approx((19 / 6, 3.25, 4.25))
    assert means[("Keukentafelgesprek", "motivation")] == (1.0, 1.0, 1.0)
    assert means[("Ondersteuning", "emotion")] == (2.5, 2.75, 2.5)
    assert means[("Ondersteuning", "motivation")] == (2.5, 2.0, 3.0)
    overall = {s.scale: s.values for s in h.overall}
    assert overall["emotion"] == pytest.approx((89 / 36, 18.5 / 6, 18.5 / 6))
    assert overall["motivation"] == (1.75, 1.5, 2.0)
    lasting = {a.id: (a.lasting, a.slid_back_in, a.done_in) for a in h.actions}
    assert lasting == {
        "direct-doorverbinden": (Lasting.LASTED, None, 1),
        "verslag-binnen-week": (Lasting.NOT_REMEASURED, None, 2),
        "wachttijd-aanbieders": (Lasting.SLID_BACK, 2, 1),
        "evaluatieformulier": (Lasting.NO_EFFECT, None, 1),
        "folder": (Lasting.NOT_DONE, None, None),
        "vaste-contactpersoon": (Lasting.NOT_DONE, None, None),
    }
    report = next(s for s in h.steps if s.id == "ontvangt-verslag")
    assert report.title == "Ontvangt binnen een week het verslag en het plan"
    assert report.scales[0].values == (2.0, 2.0, 4.0)


def test_files_with_dates_are_put_in_time_order(capsys):
    shuffled = [str(WIJKTEAM[2]), str(WIJKTEAM[0]), str(WIJKTEAM[1])]  # as a glob sorts them
    assert main(["history", *shuffled, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["label"] for i in data["iterations"]] == [
        "Nulmeting",
        "Tweede meting",
        "Derde meting",
    ]
