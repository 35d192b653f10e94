"""The ``klantreis history`` command: one journey over its iterations.

This module is imported for ``klantreis --help``; everything heavy is imported
inside the ``run_*`` functions.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from klantreis import words

if TYPE_CHECKING:
    from klantreis.model import Journey

__all__ = [
    "history_arguments",
    "portfolio_arguments",
    "run_history",
    "run_portfolio",
    "run_tidy_export",
]


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    from klantreis.cli import output_argument

    parser.add_argument(
        "--format",
        choices=formats,
        default="text",
        help=f"{', '.join(formats)} (default text)",
    )
    output_argument(parser, "the report")
    parser.add_argument(
        "--force", action="store_true", help="overwrite the output file if it exists"
    )
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=None,
        help="the language of the report (default: the journey's)",
    )


def history_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``klantreis history``."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the iterations: in date order when each has one, else oldest first "
        "(with --git: one journey file)",
    )
    parser.add_argument(
        "--git",
        action="store_true",
        help="read every committed revision of the one FILE (git log --follow)",
    )
    _common(parser, ("text", "markdown", "json", "csv", "svg", "html"))
    parser.add_argument(
        "--rename-threshold",
        type=float,
        default=0.8,
        metavar="T",
        help="how alike (0-1] an item with a new id must be to count as renamed (default 0.8)",
    )


def run_history(args: argparse.Namespace) -> int:
    """Follow one journey over its iterations: the mean of each scale per phase, each
    step's trajectory, each improvement action's lifecycle and whether its effect lasted.

    Give the iteration files (when each has an iteration date, they are put in date
    order; otherwise give them oldest first), or one file with ``--git`` for every
    committed revision of it. Exit status 0, or 2 when a file or revision cannot be read.
    """
    from klantreis.cli import EXIT_OK, UsageError, load_journey, write_output
    from klantreis.manage.history_render import render_history
    from klantreis.manage.iterations import history

    if not 0 < args.rename_threshold <= 1:
        raise UsageError(words.text("cli.rename-threshold", args.lang, value=args.rename_threshold))
    if args.git:
        if len(args.files) != 1:
            raise UsageError(words.text("cli.git-one-file", args.lang))
        journeys, sources = _git_journeys(args.files[0])
    else:
        journeys = [load_journey(name) for name in args.files]
        sources = list(args.files)
        dates = [j.iteration.date for j in journeys if j.iteration and j.iteration.date]
        if len(dates) == len(journeys):  # a glob sorts by name: put them in time order
            order = sorted(range(len(journeys)), key=dates.__getitem__)
            journeys = [journeys[k] for k in order]
            sources = [sources[k] for k in order]
    result = history(journeys, sources=sources, rename_threshold=args.rename_threshold)
    text = render_history(result, args.format, language=args.lang)
    write_output(args.output, text, force=args.force, protect=args.files)
    return EXIT_OK


def iso_date(value: str) -> object:
    from klantreis.cli import iso_date

    return iso_date(value)


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(words.text("cli.days-not-a-number", value=value)) from None
    if days < 0:
        raise argparse.ArgumentTypeError(words.text("cli.days-negative", value=value))
    return days


def portfolio_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``klantreis portfolio``."""
    parser.add_argument(
        "folder", metavar="DIR", help="a folder: every .yaml, .yml and .json file under it"
    )
    _common(parser, ("text", "markdown", "json", "csv", "html"))
    parser.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date that decides what is overdue and how old a mapping is (default: today)",
    )
    parser.add_argument(
        "--stale-after",
        type=_days,
        default=365,
        metavar="DAYS",
        help="list journeys whose latest mapping is older than this (default 365)",
    )
    parser.add_argument(
        "--moments",
        type=_days,
        default=5,
        metavar="N",
        help="how many of the lowest-rated moments of truth to show (default 5)",
    )


def run_portfolio(args: argparse.Namespace) -> int:
    """Look at all journeys in a folder at once: the action board (owner, deadline,
    status, overdue), pain points that recur across journeys, the lowest-rated moments
    of truth, actions done without lasting effect, the balance of themes and of
    "zelf / anderen nodig", and journeys not measured again for too long.

    Files with the same journey id are iterations of one journey. CSV is the action
    board. Exit status 0, or 2 when a file cannot be read.
    """
    from klantreis.cli import EXIT_OK, load_journey, write_output
    from klantreis.manage.overview import journey_files, portfolio
    from klantreis.manage.portfolio_render import render_portfolio

    files = journey_files(args.folder)
    result = portfolio(
        [(str(f), load_journey(str(f))) for f in files],
        today=args.today,
        stale_after=args.stale_after,
    )
    text = render_portfolio(result, args.format, language=args.lang, moments=args.moments)
    write_output(args.output, text, force=args.force, protect=[str(f) for f in files])
    return EXIT_OK


def run_tidy_export(args: argparse.Namespace, options: dict[str, str]) -> int:
    """``klantreis export FILE-OR-FOLDER --to tidy -o OUT``: long tables as CSV (or
    Parquet with ``--option format=parquet``) in the folder or ``.zip`` file OUT."""
    from pathlib import Path

    from klantreis.cli import EXIT_OK, UsageError, err, load_journey
    from klantreis.manage.overview import journey_files
    from klantreis.manage.tidy import TABLES, tidy_tables, write_tidy

    unknown = sorted(set(options) - {"format"})
    if unknown:
        raise UsageError(words.text("cli.tidy-options", args.lang, option=unknown[0]))
    table_format = options.get("format", "csv")
    if table_format not in ("csv", "parquet"):
        raise UsageError(words.text("cli.tidy-format", args.lang, format=table_format))
    if args.output in (None, "-"):
        raise UsageError(words.text("cli.tidy-output", args.lang))
    if args.file == "-":
        raise UsageError(words.text("cli.tidy-stdin", args.lang))
    source = Path(args.file)
    files = journey_files(source) if source.is_dir() else [source]
    if any(Path(args.output).resolve() == f.resolve() for f in files):
        raise UsageError(words.text("cli.refuse-input", args.lang, file=args.output))
    rows = tidy_tables([(str(f), load_journey(str(f))) for f in files])
    parquet = table_format == "parquet"
    write_tidy(rows, args.output, format="parquet" if parquet else "csv", force=args.force)
    wrote = {"file": args.output, "n": len(TABLES), "format": table_format}
    err(words.text("cli.tidy-wrote", args.lang, **wrote))
    return EXIT_OK


def _git_journeys(name: str) -> tuple[list[Journey], list[str]]:
    from klantreis.manage.git import revisions
    from klantreis.validation import loads

    journeys: list[Journey] = []
    sources: list[str] = []
    for revision in revisions(name):
        json = revision.path.lower().endswith(".json")
        journeys.append(
            loads(revision.data, format="json" if json else "yaml", source=revision.name)
        )
        sources.append(revision.name)
    return journeys, sources
