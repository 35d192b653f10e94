"""Guard the gains: compare a benchmark run with a committed baseline.

A row's *ratio* (klantreis's time / the peer's, measured side by side in one run) is what
is compared, not its seconds: the machine's speed drifts between runs, the ratio far less.
A row with a target (the goals in docs/performance.md), at a size where targets are judged
(10,000 and 50,000 steps, and start-up), whose ratio worsens by more than the tolerance
(25 % by default) is a regression, and ``run.py --compare BASELINE`` then exits 1, so a
change cannot silently undo a speed-up. Other rows are shown but not judged: at 1,000
steps or without a target a single noisy repetition would fail the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

TOLERANCE = 1.25
"""A ratio may grow to this multiple of the baseline's before it counts as a regression."""
JUDGED_SIZES = frozenset({0, 10_000, 50_000})
"""Sizes whose rows are judged (0 is start-up, which has no size)."""

Key = tuple[int, str, str]


def _key(row: Mapping[str, Any]) -> Key:
    return int(row["size"]), str(row["name"]), str(row["peer"])


def load_rows(path: Path) -> dict[Key, dict[str, Any]]:
    """The rows of a results file written by run.py, by (size, name, peer)."""
    return {_key(r): r for r in json.loads(path.read_text(encoding="utf-8"))["rows"]}


def regressions(
    rows: Iterable[Mapping[str, Any]],
    baseline: Mapping[Key, Mapping[str, Any]],
    tolerance: float = TOLERANCE,
    judged_sizes: frozenset[int] = JUDGED_SIZES,
) -> tuple[list[str], list[str]]:
    """Lines describing every compared row, and those of the rows that regressed."""
    lines, worse = [], []
    for row in rows:
        old = baseline.get(_key(row))
        if not old or not row.get("ratio") or not old.get("ratio"):
            continue
        change = row["ratio"] / old["ratio"]
        line = (
            f"{row['size']:>6}  {row['name']:<34} {row['peer']:<32} "
            f"ratio {old['ratio']:7.2f}× → {row['ratio']:7.2f}×  ({change:5.2f})"
        )
        if change > tolerance and row.get("target") and row["size"] in judged_sizes:
            line += f"  WORSE by more than {round((tolerance - 1) * 100)} %"
            worse.append(line)
        lines.append(line)
    return lines, worse
