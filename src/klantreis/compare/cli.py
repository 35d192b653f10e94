"""The ``klantreis diff`` command: compare two journey files, as diff(1) does.

Exit status 0 when the journeys are equal, 1 when they differ, 2 on trouble
(unreadable or invalid files get the core's validation messages). As a git external
diff driver (``--git``, see ``docs/comparing.md``) it exits 0 whenever it could
compare, because git stops at any other status.

This module is imported for ``klantreis --help``; everything heavy is imported
inside :func:`run_diff`.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from klantreis import words

if TYPE_CHECKING:
    from klantreis.model import Journey

__all__ = ["add_arguments", "run_diff", "unrelated", "use_color"]

_FORMATS = ("text", "json", "markdown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``klantreis diff``."""
    parser.add_argument("old", metavar="OLD", help="the earlier iteration (YAML or JSON)")
    parser.add_argument("new", metavar="NEW", help="the later iteration")
    parser.add_argument("git_args", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="text for a terminal (default), markdown for a pull request, json for scripts",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="write the report here ('-', the default, is standard output)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="text: show every changed value, not only which fields changed",
    )
    parser.add_argument(
        "--rename-threshold",
        type=float,
        default=0.8,
        metavar="T",
        help="how alike (0-1] an item with a new id must be to count as renamed (default 0.8)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report: auto (default) on a terminal unless NO_COLOR is set",
    )
    parser.add_argument(
        "--git",
        action="store_true",
        help="run as git's external diff driver: git passes PATH OLD-FILE OLD-HEX "
        "OLD-MODE NEW-FILE NEW-HEX NEW-MODE; always exits 0 unless in trouble",
    )
    from klantreis.cli import lang_argument

    lang_argument(parser)


def use_color(choice: str, output: str, stream: object = None) -> bool:
    """Whether to colour: ``always``, ``never``, or (``auto``) when writing to a
    terminal and ``NO_COLOR`` is unset or empty."""
    if choice != "auto":
        return choice == "always"
    if output != "-" or os.environ.get("NO_COLOR"):
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def unrelated(old: Journey, new: Journey) -> bool:
    """Whether *old* and *new* look like two different journeys, not two iterations of one.

    Their ids differ and they share no phase or step id: a diff of them would list
    everything as removed and added, which is rarely what was meant.
    """
    if old.id == new.id:
        return False

    def ids(journey: Journey) -> set[str]:
        return {p.id for p in journey.phases} | {s.id for s in journey.steps}

    return not ids(old) & ids(new)


def run_diff(args: argparse.Namespace) -> int:
    """Compare two iterations of a journey: what changed, how the ratings moved per
    phase, and whether the improvement actions had the effect they were meant to.

    Exit status as diff(1): 0 no differences, 1 differences, 2 trouble.
    """
    import attrs

    from klantreis.cli import (
        EXIT_OK,
        EXIT_PROBLEMS,
        UsageError,
        err,
        load_journey,
        write_output,
    )
    from klantreis.compare.compute import diff
    from klantreis.compare.rendering import render_diff
    from klantreis.errors import KlantreisError
    from klantreis.model import Language

    if not 0 < args.rename_threshold <= 1:
        raise UsageError(words.text("cli.rename-threshold", args.lang, value=args.rename_threshold))
    old_path, new_path, shown = args.old, args.new, None
    if args.git:
        # git calls: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH INFO]
        extra = args.git_args
        if len(extra) not in (5, 7):
            raise UsageError(words.text("cli.git-arguments", args.lang))
        shown, old_path, new_path = args.old, args.new, extra[2]
        if len(extra) == 7 and extra[5] != args.old:  # a renamed file: NEW-PATH and INFO follow
            shown = f"{args.old} → {extra[5]}"
    elif args.git_args:
        unexpected = " ".join(args.git_args)
        raise UsageError(words.text("cli.unexpected-arguments", args.lang, arguments=unexpected))

    if args.git:
        head = f"klantreis diff {shown}"
        if os.devnull in (old_path, new_path):
            what = "new journey file" if old_path == os.devnull else "journey file removed"
            write_output(args.output, f"{head}: {what}\n", force=args.force)
            return EXIT_OK
        try:
            old, new = load_journey(old_path), load_journey(new_path)
        except KlantreisError as exc:
            # git stops at a failing driver; say what is wrong and let it go on.
            write_output(args.output, f"{head}: cannot compare:\n{exc}\n", force=args.force)
            return EXIT_OK
    else:
        old, new = load_journey(old_path), load_journey(new_path)
        pair = {"old": old_path, "new": new_path, "old_id": old.id, "new_id": new.id}
        lang = args.lang or new.language.value  # a warning about the journeys speaks theirs
        if unrelated(old, new):
            err("klantreis: warning: " + words.text("diff.cli.unrelated", lang, **pair))
        elif old.id != new.id:
            err("klantreis: warning: " + words.text("diff.cli.other-ids", lang, **pair))

    result = diff(old, new, rename_threshold=args.rename_threshold)
    if args.lang and args.format != "json":  # the report speaks --lang; the data stays as is
        told = attrs.evolve(result.new, language=Language(args.lang))
        result = attrs.evolve(result, new=told)
    color = args.format == "text" and use_color(args.color, args.output)
    text = render_diff(result, args.format, color=color, verbose=args.verbose)
    if args.git:
        text = f"klantreis diff {shown}\n{text}"
    write_output(args.output, text, force=args.force, protect=(old_path, new_path))
    if args.git:
        return EXIT_OK
    return EXIT_PROBLEMS if result else EXIT_OK
