"""Benchmark klantreis against its peers; print a table of ratios and write JSON.

Usage (or ``nox -s bench -- OPTIONS``)::

    python benchmarks/run.py                      # 1,000, 10,000 and 50,000 steps
    python benchmarks/run.py --sizes 1000,10000   # other sizes
    python benchmarks/run.py --quick              # 1,000 and 10,000, fewer repetitions
    python benchmarks/run.py --compare benchmarks/results/baseline.json

Every time is the median of several repetitions (``time.perf_counter``) after one
warm-up call; the slowest peers (DeepDiff, Graphviz) run once. The ratio is always
klantreis's time divided by the peer's, so lower is better and a target "≤ 4×" holds
when the ratio is at most 4. Targets are judged at 10,000 and 50,000 steps.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import datetime as dt
import functools
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import jsonpatch  # noqa: E402
import msgspec  # noqa: E402
import orjson  # noqa: E402
import yaml  # noqa: E402
from deepdiff import DeepDiff  # noqa: E402
from generate import Truth, journey, second_iteration  # noqa: E402
from guard import TOLERANCE, load_rows, regressions  # noqa: E402
from peers import MsgspecJourney, PydanticJourney  # noqa: E402

import klantreis  # noqa: E402
from klantreis.compare import diff_to_json  # noqa: E402

COLLECTIONS = ("actors", "scales", "phases", "lanes", "steps", "actions", "insights")
TARGET_SIZES = (10_000, 50_000)
"""Sizes at which targets are judged (and size 0: start-up, which has no size)."""
SLOW_EXPORTS = ("png", "pdf", "svg")
"""Graphviz exports: timed once per size, in a child process with a time limit."""
EXPORT_SIZES = (1_000, 10_000)


# --- measuring ------------------------------------------------------------------------


def measure(fn: Callable[[], Any], reps: int, *, warmup: bool = True) -> float:
    """The median wall time of *reps* calls of *fn*, in seconds."""
    if warmup:
        fn()
    times = []
    for _ in range(reps):
        gc.collect()  # every repetition starts from the same heap
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def without_gc(fn: Callable[[], Any]) -> Callable[[], Any]:
    """*fn* with the cyclic GC switched off while it runs (what a CLI may do)."""

    def call() -> Any:
        gc.disable()
        try:
            return fn()
        finally:
            gc.enable()

    return call


def keyed_diff(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str, str, list[str]]]:
    """The plain keyed diff: each collection a dict by id, items compared field by field."""
    changes: list[tuple[str, str, str, list[str]]] = []
    for key in a.keys() | b.keys():
        if key in COLLECTIONS:
            old = {item["id"]: item for item in a.get(key, ())}
            new = {item["id"]: item for item in b.get(key, ())}
            for item_id, item in old.items():
                other = new.get(item_id)
                if other is None:
                    changes.append(("removed", key, item_id, []))
                elif other != item:
                    fields = [f for f in item.keys() | other.keys() if item.get(f) != other.get(f)]
                    changes.append(("changed", key, item_id, fields))
            changes.extend(("added", key, i, []) for i in new.keys() - old.keys())
        elif a.get(key) != b.get(key):
            changes.append(("changed", "journey", key, [key]))
    # the journey's own fields are one record, as in klantreis
    journey_fields = [c for c in changes if c[1] == "journey"]
    if len(journey_fields) > 1:
        changes = [c for c in changes if c[1] != "journey"] + [journey_fields[0]]
    return changes


def deepdiff_count(result: DeepDiff) -> int:
    return sum(len(v) for v in result.values())


def deepdiff_default(a: Any, b: Any) -> DeepDiff:
    # the journey as a whole; lists compared by position
    return DeepDiff(a, b)


def deepdiff_grouped(a: Any, b: Any) -> DeepDiff:
    # group_by works on a list of dicts at the root only: the steps, where the changes are
    return DeepDiff(a["steps"], b["steps"], group_by="id")


# --- the table ------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(
        self,
        size: int,
        name: str,
        ours: float | None,
        peer: str = "",
        theirs: float | None = None,
        *,
        target: float | None = None,
        count: str = "",
        exact: bool | None = None,
        note: str = "",
        unit: str = "s",
    ) -> dict[str, Any]:
        ratio = ours / theirs if ours is not None and theirs else None
        ok: bool | None = None
        if target is not None and (size in TARGET_SIZES or size == 0) and ratio is not None:
            ok = ratio <= target and exact is not False
        row = {
            "size": size,
            "name": name,
            "seconds": ours,
            "peer": peer,
            "peer_seconds": theirs,
            "ratio": ratio,
            "target": target,
            "ok": ok,
            "count": count,
            "note": note,
            "unit": unit,
        }
        self.rows.append(row)
        print(format_row(row), flush=True)
        return row


HEADER = (
    f"{'steps':>6}  {'measurement':<34} {'klantreis':>10}  {'peer':<32} {'peer time':>10} "
    f"{'ratio':>8}  {'target':>7}  {'':1}  changes"
)


def _seconds(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def format_row(row: dict[str, Any]) -> str:
    ratio = f"{row['ratio']:.2f}×" if row["ratio"] is not None else "-"
    target = f"≤ {row['target']:g}×" if row["target"] is not None else ""
    mark = {True: "✓", False: "✗", None: ""}[row["ok"]]
    unit = row.get("unit", "s")
    extra = " ".join(x for x in (row["count"], row["note"]) if x)
    return (
        f"{row['size']:>6}  {row['name']:<34} {_seconds(row['seconds'], unit):>10}  "
        f"{row['peer']:<32} {_seconds(row['peer_seconds'], unit):>10} {ratio:>8}  {target:>7}  "
        f"{mark:1}  {extra}"
    ).rstrip()


# --- the benchmarks -------------------------------------------------------------------


def bench_size(n: int, table: Table, reps: int, quick: bool) -> None:
    print(f"\n--- {n:,} steps: generating ...", flush=True)
    j1 = journey(n)
    j2, truth = second_iteration(j1)
    j3, truth3 = second_iteration(j1, renamed=0.2)
    json1 = klantreis.dumps(j1, "json").encode("utf-8")
    yaml1 = klantreis.dumps(j1, "yaml")
    data1, data2, data3 = (orjson.loads(klantreis.dumps(j, "json")) for j in (j1, j2, j3))
    assert klantreis.loads(json1) == j1
    assert klantreis.loads(yaml1) == j1
    # The inputs live as long as the size's run: keep them out of the GC's sight, so that
    # a collection costs what it would in a process holding only the work's own objects.
    gc.collect()
    gc.freeze()
    try:
        _bench_size(
            n, table, reps, quick, j1, j2, j3, truth, truth3, json1, yaml1, data1, data2, data3
        )
    finally:
        gc.unfreeze()


def _bench_size(
    n: int,
    table: Table,
    reps: int,
    quick: bool,
    j1: Any,
    j2: Any,
    j3: Any,
    truth: Truth,
    truth3: Truth,
    json1: bytes,
    yaml1: str,
    data1: Any,
    data2: Any,
    data3: Any,
) -> None:
    slow_reps = 1 if n >= 50_000 else max(1, reps // 2)
    # the asserts above warmed everything up; small sizes get a warm-up call of their own
    m = functools.partial(measure, warmup=n < 10_000)
    print(
        f"    JSON {len(json1) / 1e6:.1f} MB, YAML {len(yaml1.encode()) / 1e6:.1f} MB", flush=True
    )

    # load + full validation (structure and domain rules) of the JSON file
    load = m(lambda: klantreis.loads(json1), reps)
    floor = m(lambda: orjson.loads(json1), reps)
    table.add(n, "load+validate JSON", load, "orjson.loads", floor, target=4)
    tuned = m(without_gc(lambda: klantreis.loads(json1)), reps)
    tuned_floor = m(without_gc(lambda: orjson.loads(json1)), reps)
    table.add(
        n,
        "load+validate JSON (GC off)",
        tuned,
        "orjson.loads (GC off)",
        tuned_floor,
        target=4,
        note="what the CLI may do",
    )
    pyd = m(lambda: PydanticJourney.model_validate_json(json1), reps)
    table.add(n, "load+validate JSON", load, "pydantic v2 model_validate_json", pyd)
    decoder = msgspec.json.Decoder(MsgspecJourney)
    msg = m(lambda: decoder.decode(json1), reps)
    table.add(n, "load+validate JSON", load, "msgspec.json.decode(type=)", msg)
    if n in TARGET_SIZES:
        bench_memory(n, json1, table)

    # YAML with line numbers
    yreps = min(reps, 3) if n < 50_000 else 1
    yload = m(lambda: klantreis.loads(yaml1), yreps)
    ybase = m(lambda: yaml.load(yaml1, Loader=yaml.CSafeLoader), yreps)
    table.add(n, "load+validate YAML (lines)", yload, "yaml.load(CSafeLoader)", ybase, target=1.2)
    ytuned = m(without_gc(lambda: klantreis.loads(yaml1)), yreps)
    ytuned_base = m(without_gc(lambda: yaml.load(yaml1, Loader=yaml.CSafeLoader)), yreps)
    table.add(
        n,
        "load+validate YAML (GC off)",
        ytuned,
        "yaml.load(CSafeLoader) (GC off)",
        ytuned_base,
        target=1.2,
        note="what the CLI may do",
    )

    # canonical dump
    dump = m(lambda: klantreis.dumps(j1, "json"), reps)
    odump = m(lambda: orjson.dumps(data1), reps)
    table.add(n, "dumps JSON (canonical)", dump, "orjson.dumps(plain data)", odump, target=8)
    to_data = m(lambda: klantreis.to_data(j1), reps)
    table.add(n, "  of which to_data", to_data, "orjson.dumps(plain data)", odump)
    ydump = m(lambda: klantreis.dumps(j1, "yaml"), slow_reps)
    table.add(n, "dumps YAML (canonical)", ydump, "orjson.dumps(plain data)", odump)

    # diff
    for label, new, data_new, t, target in (
        ("diff", j2, data2, truth, 3),
        ("diff, 20% ids renamed", j3, data3, truth3, 10),
    ):
        result = klantreis.diff(j1, new)
        ours = m(lambda new=new: klantreis.diff(j1, new), reps)
        plain = m(lambda d=data_new: keyed_diff(data1, d), reps)
        count = len(result)
        exact = count == t.total and _kinds_match(result, t)
        table.add(
            n,
            label,
            ours,
            "plain keyed diff",
            plain,
            target=target,
            count=f"{count}/{t.total} true" + ("" if exact else " ✗"),
            exact=exact,
        )
        keyed = len(keyed_diff(data1, data_new))
        table.add(
            n,
            f"  {label}",
            ours,
            "  (plain keyed diff's count)",
            None,
            count=f"{keyed}/{t.total} true",
        )
        jp_start = time.perf_counter()
        ops_patch = jsonpatch.make_patch(data1, data_new)
        jp = time.perf_counter() - jp_start
        table.add(
            n,
            f"  {label}",
            ours,
            "jsonpatch.make_patch",
            jp,
            count=f"{len(ops_patch.patch)}/{t.total} ops",
            note="one run",
        )
        if n <= 10_000:
            dg_start = time.perf_counter()
            grouped = deepdiff_grouped(data1, data_new)
            dg = time.perf_counter() - dg_start
            table.add(
                n,
                f"  {label}",
                ours,
                "DeepDiff(steps, group_by='id')",
                dg,
                count=f"{deepdiff_count(grouped)}/{t.total}",
                note="one run, steps only",
            )
        if n <= (1000 if quick else 10_000) and label == "diff":
            dd_start = time.perf_counter()
            dd = deepdiff_default(data1, data_new)
            dd_time = time.perf_counter() - dd_start
            table.add(
                n,
                f"  {label}",
                ours,
                "DeepDiff (default)",
                dd_time,
                count=f"{deepdiff_count(dd)}/{t.total}",
                note="one run",
            )
        serialize = m(lambda r=result: diff_to_json(r), reps)
        table.add(n, f"  {label}: diff_to_json", serialize, note="the diff as a JSON document")

        # patch
        assert klantreis.patch(j1, result) == new
        assert jsonpatch.apply_patch(data1, ops_patch) == data_new
        ours_patch = m(lambda r=result: klantreis.patch(j1, r), reps)
        their_patch = m(lambda p=ops_patch: jsonpatch.apply_patch(data1, p), slow_reps)
        table.add(
            n,
            f"patch ({label})",
            ours_patch,
            "jsonpatch.apply_patch",
            their_patch,
            target=1 if label == "diff" else None,
        )

    if n in EXPORT_SIZES:
        bench_exports(j1, table, reps, quick)


def _kinds_match(result: Any, truth: Truth) -> bool:
    counts = {k.value: v for k, v in result.counts().items()}
    return counts == {
        "added": truth.added,
        "removed": truth.removed,
        "renamed": truth.renamed,
        "moved": truth.moved,
        "changed": truth.changed + truth.journey,
        "relinked": truth.relinked,
    }


def bench_exports(j: Any, table: Table, reps: int, quick: bool) -> None:
    from klantreis.exporting import list_exporters

    n = len(j.steps)
    floor = measure(lambda: orjson.dumps(klantreis.to_data(j)), reps)
    # What an export by a plugin costs on top of its own render: the copy of the
    # journey it gets, so that it cannot change the caller's (built-ins get the original).
    from klantreis.exporting import _private_copy

    t = measure(lambda: _private_copy(j), reps)
    table.add(
        n,
        "a plugin's copy of the journey",
        t,
        "copy.deepcopy",
        measure(lambda: copy.deepcopy(j), reps),
        note="added to each plugin export",
    )
    layout_failed = False
    for name, exporter in sorted(list_exporters().items(), key=_export_order):
        if not exporter.render.__module__.startswith("klantreis."):
            continue  # from a plugin package
        if name in SLOW_EXPORTS:
            if quick or shutil.which("dot") is None:
                continue
            if layout_failed:
                table.add(n, f"export {name}", None, note="not run: same Graphviz layout as svg")
                continue
            t = graphviz_export(n, name)
            if t is None:
                layout_failed = True
                table.add(n, f"export {name}", None, note=f"> {GRAPHVIZ_TIMEOUT} s, stopped")
                continue
            table.add(n, f"export {name}", t, "to_data + orjson.dumps", floor, note="one run")
            continue
        t = measure(lambda name=name: klantreis.export(j, name), reps)
        size = len(klantreis.export(j, name))
        table.add(
            n, f"export {name}", t, "to_data + orjson.dumps", floor, note=f"{size / 1e6:.1f} MB"
        )
        if name == "html" and not quick:
            opened = html_open(j)
            note = "first frame, median of 3" if opened is not None else "no Chromium/Playwright"
            table.add(n, "open the html map in Chromium", opened, note=note)


GRAPHVIZ_TIMEOUT = 60

FIRST_FRAME = (
    "new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))"
)
"""Milliseconds from navigation to the first frame after the map's script has run."""


def html_open(j: Any, reps: int = 3) -> float | None:
    """Seconds until the HTML map of *j* is drawn and usable in headless Chromium.

    ``None`` when Playwright or Chromium is missing (docs/screenshots.py says where
    Chromium is looked for and how it is started).
    """
    import tempfile

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    sys.path.insert(0, str(HERE.parent / "docs"))
    from screenshots import CHROMIUM, CHROMIUM_ARGS

    if shutil.which(CHROMIUM) is None:
        return None
    times = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "map.html"
        klantreis.export(j, "html", output=path)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for _ in range(reps):
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(path.as_uri(), timeout=120_000)
            page.wait_for_selector("html[data-ready]", timeout=120_000)
            times.append(page.evaluate(FIRST_FRAME) / 1000)
            page.close()
        browser.close()
    return statistics.median(times)


def _export_order(item: tuple[str, Any]) -> tuple[bool, bool, str]:
    """Text exports first, then svg (whose layout png and pdf share), then png and pdf."""
    name = item[0]
    return (name in SLOW_EXPORTS, name != "svg", name)


def graphviz_export(n: int, name: str) -> float | None:
    """Time one Graphviz export in a child process, stopped after GRAPHVIZ_TIMEOUT seconds."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); import klantreis, generate; "
        "j = generate.journey(int(sys.argv[2])); t = time.perf_counter(); "
        "klantreis.export(j, sys.argv[3]); print(time.perf_counter() - t)"
    )
    cmd = [sys.executable, "-c", code, str(HERE), str(n), name]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, start_new_session=True) as child:
        try:
            out, _ = child.communicate(timeout=GRAPHVIZ_TIMEOUT + 5)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, 9)  # the child and its dot process
            child.communicate()
            return None
    return float(out) if child.returncode == 0 else None


MEMORY_CHILD = """
import resource, sys
sys.path.insert(0, sys.argv[3])
def peak():  # kB; Linux's ru_maxrss keeps the parent's peak across fork and exec, VmHWM not
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
path, tool = sys.argv[1], sys.argv[2]
if tool == "klantreis":
    import klantreis
    read = klantreis.loads
elif tool == "pydantic":
    from peers import PydanticJourney
    read = PydanticJourney.model_validate_json
else:
    import orjson
    read = orjson.loads
data = open(path, "rb").read()
before = peak()
value = read(data)
after = peak()
print(before, after)
"""
"""Reads a JSON file with one tool, in a process of its own; prints the peak RSS (kB on
Linux: ``VmHWM``, which starts afresh at exec, unlike ``ru_maxrss``) before and after."""


def peak_rss(path: Path, tool: str) -> tuple[float, float] | None:
    """The peak RSS of a new process reading *path* with *tool* (MB): the whole process's
    peak, and how much the call added to what imports and the file's bytes took."""
    if sys.platform == "win32":
        return None
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(path), tool, str(HERE)],
        capture_output=True,
        text=True,
        check=True,
    )
    before, after = (int(x) for x in done.stdout.split())
    factor = 1 if sys.platform == "darwin" else 1024  # bytes there, kB on Linux
    return after * factor / 1e6, (after - before) * factor / 1e6


def bench_memory(n: int, json1: bytes, table: Table) -> None:
    """Peak RSS of load + validate against pydantic's (and orjson's) on the same file."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journey.json"
        path.write_bytes(json1)
        peaks = {tool: peak_rss(path, tool) for tool in ("klantreis", "pydantic", "orjson")}
    if peaks["klantreis"] is None:
        return
    ours, added = peaks["klantreis"]
    size = len(json1) / 1e6
    for tool, peer in (("pydantic", "pydantic v2 model_validate_json"), ("orjson", "orjson.loads")):
        theirs, their_added = peaks[tool]  # type: ignore[misc]
        table.add(
            n,
            "peak RSS, load+validate JSON",
            ours,
            peer,
            theirs,
            target=1.5 if tool == "pydantic" else None,
            note=f"the call added {added:.0f} MB ({added / size:.1f}× the {size:.0f} MB file); "
            f"{tool} {their_added:.0f} MB",
            unit="MB",
        )


def bench_startup(table: Table, reps: int) -> None:
    exe = Path(sys.executable)
    cli = shutil.which("klantreis", path=str(exe.parent)) or shutil.which("klantreis")
    run = [cli] if cli else [str(exe), "-m", "klantreis"]
    # Compiled as an installed package is (pip compiles every module); the peers are too.
    compileall.compile_dir(str(Path(klantreis.__file__).parent), quiet=1)
    small = HERE / "small.yaml"
    commands = {
        "klantreis --help": [*run, "--help"],
        "klantreis validate small.yaml": [*run, "validate", str(small)],
        "import attrs, cattrs, pluggy": [str(exe), "-c", "import attrs, cattrs, pluggy"],
        "python -c pass": [str(exe), "-c", "pass"],
    }
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    times = {
        name: measure(
            lambda cmd=cmd: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env),
            max(reps, 7),
        )
        for name, cmd in commands.items()
    }
    for name in ("klantreis --help", "klantreis validate small.yaml"):
        table.add(
            0,
            f"start-up: {name}",
            times[name],
            "python -c 'import attrs,cattrs,pluggy'",
            times["import attrs, cattrs, pluggy"],
            target=1.2,
        )
    table.add(0, "  (bare interpreter)", times["python -c pass"], "", None)


# --- main -----------------------------------------------------------------------------


def versions() -> dict[str, str]:
    out = {}
    for dist in (
        "klantreis",
        "attrs",
        "cattrs",
        "pyyaml",
        "orjson",
        "pydantic",
        "msgspec",
        "deepdiff",
        "jsonpatch",
    ):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "?"
    return out


def source_state() -> dict[str, Any]:
    """The commit measured, and whether src/ had uncommitted changes."""
    root = HERE.parent

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        return {
            "commit": git("rev-parse", "HEAD"),
            "src_dirty": bool(git("status", "--porcelain", "--", "src")),
        }
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "src_dirty": None}


def compare(rows: list[dict[str, Any]], path: Path) -> bool:
    """Print the ratios beside the baseline's; False when one worsened beyond the tolerance."""
    lines, worse = regressions(rows, load_rows(path))
    print(f"\nCompared with {path} (ratio then → now, and now / then):")
    print("\n".join(lines) or "(no row in common)")
    if worse:
        print(f"\n{len(worse)} ratio(s) worsened by more than {TOLERANCE - 1:.0%}:")
        print("\n".join(worse))
    return not worse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=None, help="comma-separated step counts")
    parser.add_argument(
        "--quick", action="store_true", help="1,000 and 10,000 steps, 3 repetitions"
    )
    parser.add_argument("--reps", type=int, default=None, help="repetitions (median)")
    parser.add_argument("--output", type=Path, default=None, help="where to write the JSON")
    parser.add_argument("--compare", type=Path, default=None, help="an earlier results file")
    args = parser.parse_args(argv)
    sizes = [
        int(s)
        for s in (args.sizes or ("1000,10000" if args.quick else "1000,10000,50000")).split(",")
    ]
    reps = args.reps or (3 if args.quick else 5)
    started = time.perf_counter()
    source = source_state()  # before the run: the modules measured are those loaded now
    now = dt.datetime.now(dt.timezone.utc)
    print(
        f"klantreis benchmarks, {now:%Y-%m-%d %H:%M} UTC, CPython {platform.python_version()}, "
        f"{os.cpu_count()} cores, GC thresholds {gc.get_threshold()}"
    )
    print(HEADER, flush=True)
    table = Table()
    for n in sizes:
        bench_size(n, table, reps if n < 50_000 else 3, args.quick)
    print("\n--- start-up", flush=True)
    bench_startup(table, reps)
    total = time.perf_counter() - started

    print("\n" + HEADER)
    for row in table.rows:
        print(format_row(row))
    judged = [r for r in table.rows if r["ok"] is not None]
    print(f"\nTargets: {sum(r['ok'] for r in judged)} of {len(judged)} hold. Total {total:.0f} s.")
    result = {
        "date": now.isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": {"cores": os.cpu_count(), "platform": platform.platform()},
        "gc_threshold": gc.get_threshold(),
        "versions": versions(),
        "source": source,
        "sizes": sizes,
        "repetitions": reps,
        "quick": args.quick,
        "total_seconds": total,
        "rows": table.rows,
    }
    out = args.output or HERE / "results" / f"{now:%Y-%m-%d}{'-quick' if args.quick else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written to {out}")
    if args.compare and not compare(table.rows, args.compare):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
