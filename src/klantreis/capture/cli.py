"""``klantreis import``: a filled-in workbook or CSV back into a journey file.

And the ``--to xlsx|csv`` half of ``klantreis new``, which writes the fill-in workbook.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from klantreis.capture import Capture
    from klantreis.model import Journey

__all__ = ["import_arguments", "run_import"]


def import_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``klantreis import``."""
    parser.add_argument("file", metavar="FILE", help="a workbook (.xlsx) or a CSV (grid or tidy)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the journey file to write (.yaml or .json; '-' for standard output); "
        "default: the --into file",
    )
    parser.add_argument(
        "--into",
        metavar="JOURNEY",
        help="the journey file the workbook came from: its ids and the fields the "
        "workbook does not show are kept",
    )
    parser.add_argument(
        "--partial",
        action="store_true",
        help="write what reads clean and list the rest (default: write nothing on a problem)",
    )
    parser.add_argument("--title", help="the journey's title when the file does not give one")
    parser.add_argument(
        "--lang", choices=("nl", "en"), help="the language of a CSV without --into (default nl)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def _is_tidy(path: Path) -> bool:
    """Whether a CSV is the tidy layout (a header with phase and title columns)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    delimiter = max((",", ";", "\t", "|"), key=first.count)
    columns = {c.strip().strip('"').casefold() for c in first.rstrip("\r\n").split(delimiter)}
    phase = columns & {"phase", "phase_id", "fase", "fase_id"}
    return bool(phase and columns & {"title", "titel", "stap", "step"})


def read_any(path: str, base: Journey | None, title: str | None, lang: str | None) -> Capture:
    """Read a workbook, a wall CSV or a tidy CSV, by its suffix and header."""
    from klantreis import words
    from klantreis.capture import Capture, read_wall_csv, read_workbook
    from klantreis.cli import UsageError
    from klantreis.errors import Report, ValidationError
    from klantreis.exporters.tabular import read_tidy_csv

    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_workbook(path, base=base, title=title)
    if suffix != ".csv":
        lang = base.language.value if base else lang
        message = words.text("capture.cli.suffix", lang, file=path, suffix=suffix or "?")
        raise UsageError(message)
    if not _is_tidy(Path(path)):
        return read_wall_csv(path, base=base, title=title, language=lang)
    try:
        journey = read_tidy_csv(path, base=base, title=title, language=lang)
    except ValidationError as exc:
        if base is None:
            raise
        return Capture(base, exc.report)
    return Capture(journey, Report(()))


def run_import(args: argparse.Namespace) -> int:
    """Read a filled-in workbook (or a CSV) into a journey file.

    Every problem is listed at its sheet and cell; nothing is written until the whole
    file reads clean, unless --partial.
    """
    from klantreis import words
    from klantreis.cli import EXIT_OK, EXIT_PROBLEMS, UsageError, err, write_output
    from klantreis.errors import Severity
    from klantreis.serialize import dumps
    from klantreis.validation import load

    output = args.output or args.into
    if output is None:
        raise UsageError(words.text("capture.cli.no-output", args.lang))
    base = load(args.into) if args.into else None
    capture = read_any(args.file, base, args.title, args.lang)
    errors = [p for p in capture.report.problems if p.severity is Severity.ERROR]
    lang = capture.journey.language.value
    for problem in errors:
        err(str(problem))
    if errors and not args.partial:
        count = words.text("cli.errors", lang, n=len(errors))
        err(words.text("capture.cli.nothing-written", lang, errors=count))
        return EXIT_PROBLEMS
    json_out = output != "-" and Path(output).suffix.lower() == ".json"
    fmt: Literal["yaml", "json"] = "json" if json_out else "yaml"
    into_itself = args.into is not None and output == args.into
    write_output(
        output,
        dumps(capture.journey, fmt),
        force=args.force or into_itself,
        protect=[args.file],
    )
    if output != "-":
        err(words.text("capture.cli.wrote", lang, file=output, n=len(capture.journey.steps)))
    return EXIT_PROBLEMS if errors else EXIT_OK
