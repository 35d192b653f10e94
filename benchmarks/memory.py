"""How much memory an export to a file takes, streamed in chunks or rendered whole.

Usage::

    python benchmarks/memory.py                  # 1,000, 10,000 and 50,000 steps
    python benchmarks/memory.py --sizes 20000

For CSV and Markdown (the built-in exporters that give their output in chunks) it
prints the output's size, the peak of memory allocated while ``klantreis.export``
writes it to a file (chunk by chunk), and the peak while ``render`` makes it whole,
as ``tracemalloc`` counts them (Python's allocations, after a warm-up export).
Memory, not time: the numbers are the same on every machine of one Python version.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import journey  # noqa: E402

import klantreis  # noqa: E402
from klantreis.exporting import get_exporter, render  # noqa: E402


def peak(call: Callable[[], object]) -> int:
    """The peak of memory allocated while *call* runs, in bytes."""
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="numbers of steps")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    print(f"{'format':9} {'steps':>7} {'output':>9} {'streamed':>9} {'whole':>9}")
    for n in (int(s) for s in args.sizes.split(",")):
        subject = journey(n)
        for name in ("csv", "markdown"):
            exporter = get_exporter(name)
            out = folder / f"out{exporter.suffix}"
            klantreis.export(klantreis.Journey(title="warm-up"), name, output=out)
            streamed = peak(functools.partial(klantreis.export, subject, name, output=out))
            whole = peak(functools.partial(render, exporter, subject))
            size = out.stat().st_size
            print(
                f"{name:9} {n:>7,} {size / 1e6:>7.1f}MB {streamed / 1e6:>7.1f}MB "
                f"{whole / 1e6:>7.1f}MB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
