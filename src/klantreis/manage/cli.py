"""The ``klantreis history`` command: one journey over its iterations.

This module is imported for ``klantreis --help``; everything heavy is imported
inside the ``run_*`` functions.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klantreis.model import Journey

__all__ = ["history_arguments", "run_history"]


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    from klantreis.cli import _output_argument

    parser.add_argument(
        "--format",
        choices=formats,
        default="text",
        help=f"{', '.join(formats)} (default text)",
    )
    _output_argument(parser, "the report")
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
    _common(parser, ("text", "markdown", "json", "csv"))
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
    from klantreis.cli import EXIT_OK, UsageError, _write_output, load_journey
    from klantreis.manage.history_render import render_history
    from klantreis.manage.iterations import history

    if not 0 < args.rename_threshold <= 1:
        raise UsageError(f"--rename-threshold must lie in (0, 1], not {args.rename_threshold}")
    if args.git:
        if len(args.files) != 1:
            raise UsageError("--git takes one journey file, not several")
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
    _write_output(args.output, text, force=args.force, protect=args.files)
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
