"""The benchmark guard: a ratio worse than the baseline by over 25 % fails the run."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("guard", ROOT / "benchmarks" / "guard.py")
assert _spec is not None
assert _spec.loader is not None
guard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(guard)


def row(name, ratio, size=10_000, peer="orjson.loads", target=4):
    return {
        "size": size,
        "name": name,
        "peer": peer,
        "ratio": ratio,
        "target": target,
        "seconds": 1.0,
    }


def test_a_ratio_within_the_tolerance_passes_and_a_worse_one_is_named(tmp_path):
    baseline = tmp_path / "baseline.json"
    rows = [row("load", 4.0), row("dumps", 10.0), row("startup", 1.0, size=0, peer="import")]
    baseline.write_text(json.dumps({"rows": rows}), encoding="utf-8")
    now = [row("load", 4.9), row("dumps", 12.6), row("startup", 0.5, size=0, peer="import")]
    lines, worse = guard.regressions(now, guard.load_rows(baseline))
    assert len(lines) == 3
    assert len(worse) == 1
    assert "dumps" in worse[0]
    assert "WORSE" in worse[0]


def test_only_rows_with_a_target_at_a_judged_size_can_fail():
    rows = [row("small", 1.0, size=1_000), row("no target", 1.0, target=None)]
    baseline = {guard._key(r): r for r in rows}
    now = [row("small", 9.0, size=1_000), row("no target", 9.0, target=None)]
    lines, worse = guard.regressions(now, baseline)
    assert len(lines) == 2
    assert worse == []


def test_rows_without_a_peer_or_missing_from_the_baseline_are_not_judged():
    baseline = {guard._key(row("load", 4.0)): row("load", 4.0)}
    now = [row("load", None), row("new measurement", 99.0)]
    assert guard.regressions(now, baseline) == ([], [])


def test_the_committed_baseline_compares_clean_with_itself():
    path = ROOT / "benchmarks" / "results" / "baseline.json"
    rows = list(guard.load_rows(path).values())
    lines, worse = guard.regressions(rows, guard.load_rows(path))
    assert lines
    assert worse == []
