"""Properties of history over generated iteration chains: it agrees with the diffs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from klantreis import Journey
from klantreis.aggregate import phase_mean
from klantreis.compare import Collection, Kind, diff, patch
from klantreis.manage import history
from klantreis.manage.tidy import tidy_tables
from test_diff_properties import edited, small_journeys


@st.composite
def chains(draw: st.DrawFn) -> list[Journey]:
    """Three to four iterations, each the one before it after random edits."""
    chain = [draw(small_journeys)]
    for _ in range(draw(st.integers(2, 3))):
        chain.append(draw(edited(chain[-1], max_edits=5)))
    return chain


@given(chains())
def test_a_chain_of_diffs_composes_to_the_diff_of_the_ends(chain):
    h = history(chain)
    journey = chain[0]
    for d in h.diffs:
        journey = patch(journey, d, check=False)  # edits need not keep every rule
    assert journey == chain[-1] == patch(chain[0], diff(chain[0], chain[-1]), check=False)


@given(chains())
def test_every_track_follows_the_diff_s_matching(chain):
    h = history(chain)
    for row in h.step_ids:
        for k, step_id in enumerate(row):
            assert step_id is None or chain[k].step(step_id) is not None
    seen = [sorted(r[k] for r in h.step_ids if r[k] is not None) for k in range(len(chain))]
    assert seen == [sorted(s.id for s in j.steps) for j in chain]
    for k, d in enumerate(h.diffs):
        added = {c.id for c in d.of(Collection.STEPS, Kind.ADDED)}
        removed = {c.id for c in d.of(Collection.STEPS, Kind.REMOVED)}
        for row in h.step_ids:
            before, after = row[k], row[k + 1]
            if before is None and after is not None:
                assert after in added
            elif after is None and before is not None:
                assert before in removed
            elif before is not None and after is not None:
                assert after not in added
                assert before not in removed


@given(chains())
def test_phase_means_are_the_diff_s_phase_means(chain):
    h = history(chain)
    for k, d in enumerate(h.diffs):
        for row in d.phases:
            if row.phase is None or row.old_phase is None:
                continue
            phase = next(p for p in h.phases if p.ids[k] == row.old_phase)
            assert phase.ids[k + 1] == row.phase
            for cell in row.scales:
                series = next((s for s in phase.scales if s.scale == cell.scale), None)
                if series is None or cell.old_scale != cell.scale:
                    continue  # a renamed scale: the series is named by its latest id
                if chain[k].scale(cell.old_scale) is None or chain[k + 1].scale(cell.scale) is None:
                    continue  # rated on a scale the journey does not declare (edits break rules)
                assert series.values[k] == cell.old_mean
                assert series.values[k + 1] == cell.new_mean


@given(chains())
def test_the_tidy_votes_give_the_history_s_means(chain):
    h = history(chain)
    rows = tidy_tables([(f"v{k}", j) for k, j in enumerate(chain)])
    if len({j.id for j in chain}) > 1:
        return  # edits changed the journey's id: the tables hold several journeys
    if any(d.of(Collection.SCALES, Kind.RENAMED) for d in h.diffs):
        return  # a series is named by the scale's latest id
    votes: dict[tuple[int, str, str], list[int]] = {}
    for _, iteration, step, scale, _, vote, _perspective in rows["votes"]:
        votes.setdefault((iteration, step, scale), []).append(vote)
    for series in h.overall:
        for k, value in enumerate(series.values):
            if value is None:
                continue  # (a scale removed and added again under its id is two series)
            cast = [v for (i, _, sc), v in votes.items() if i == k + 1 and sc == series.scale]
            assert phase_mean(cast) == value
