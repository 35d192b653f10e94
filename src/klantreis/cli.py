"""The ``klantreis`` command: a thin layer that parses arguments, calls the API, prints.

Exit status: 0 all well, 1 problems found (or differences, for ``diff``), 2 trouble
(usage, unreadable files, a failed export). Every failure ends in one readable
message on stderr; ``--debug`` or ``KLANTREIS_DEBUG=1`` shows the traceback instead.

A new command is a function ``run_x(args) -> int`` and a ``Command`` entry in
:data:`COMMANDS`; heavy imports go inside the function so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from klantreis import words
from klantreis._version import __version__
from klantreis.errors import KlantreisError, Report, Severity

if TYPE_CHECKING:
    from klantreis.model import Journey

__all__ = ["COMMANDS", "Command", "lang_argument", "main", "summary"]

EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE = 0, 1, 2


class UsageError(KlantreisError):
    """The command line asks for something that cannot be done."""


@frozen
class Command:
    """A subcommand: its name, one-line help, argument setup and the function it runs.

    ``arguments`` and ``run`` are functions, or ``"module:function"`` names of functions
    in a module that is imported only when the command line is built.
    """

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None] | str
    run: Callable[[argparse.Namespace], int] | str


def _resolve(target: Callable[..., Any] | str) -> Callable[..., Any]:
    if callable(target):
        return target
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


# --- validate -------------------------------------------------------------------------


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="journey files (YAML or JSON)")
    parser.add_argument("--strict", action="store_true", help="count warnings as problems (exit 1)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for scripts",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print errors only, no warnings or summary"
    )
    lang_argument(parser)


def lang_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang nl|en``: the language of the messages, overriding the journey's."""
    parser.add_argument(
        "--lang",
        choices=words.LANGUAGES,
        default=None,
        help="language of the messages (default: the journey's; else KLANTREIS_LANG, else en)",
    )


def _report_json(
    path: str, report: Report | None, trouble: KlantreisError | None
) -> dict[str, Any]:
    problems = [trouble.problem] if trouble is not None and hasattr(trouble, "problem") else []
    if report is not None:
        problems = list(report.problems)
    return {
        "file": path,
        "readable": trouble is None,
        "errors": sum(p.severity is Severity.ERROR for p in problems),
        "warnings": sum(p.severity is Severity.WARNING for p in problems),
        "problems": [
            {
                "severity": p.severity.value,
                "code": p.code,
                "message": p.message,
                "path": list(p.path),
                "line": p.line,
                "column": p.column,
                "hint": p.hint,
            }
            for p in problems
        ],
    }


def run_validate(args: argparse.Namespace) -> int:
    """Validate journey files and print every problem with its location."""
    from klantreis.errors import LoadError
    from klantreis.validation import validate

    status = EXIT_OK
    results = []
    for name in args.files:
        try:
            report = validate(name, language=args.lang)
        except LoadError as exc:
            status = EXIT_TROUBLE
            results.append(_report_json(name, None, exc))
            if args.format == "text":
                err(str(exc.problem))
            continue
        failed = not report.ok or (args.strict and report.warnings)
        if failed and status == EXIT_OK:
            status = EXIT_PROBLEMS
        results.append(_report_json(name, report, None))
        if args.format == "text":
            for problem in report.errors if args.quiet else report.problems:
                print(problem)
            if not args.quiet:
                print(summary(name, report, args.lang))
    if args.format == "json":
        print(json.dumps(results, indent=2, ensure_ascii=False))
    return status


def summary(name: str, report: Report, language: str | None = None) -> str:
    """``FILE: 1 error, 2 warnings`` in *language*, else the report's, else the default."""
    lang = language or report.language
    errors = words.text("cli.errors", lang, n=len(report.errors))
    warnings = words.text("cli.warnings", lang, n=len(report.warnings))
    return words.text("cli.summary", lang, file=name, errors=errors, warnings=warnings)


# --- schema ---------------------------------------------------------------------------


def output_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``-o/--output FILE`` (``-``, the default, is standard output)."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help=f"write {what} here ('-', the default, is standard output)",
    )


def _schema_arguments(parser: argparse.ArgumentParser) -> None:
    output_argument(parser, "the schema")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the journey file format."""
    from klantreis.schema import schema_text

    write_output(args.output, schema_text(), force=args.force)
    return EXIT_OK


# --- new ------------------------------------------------------------------------------


def _new_arguments(parser: argparse.ArgumentParser) -> None:
    output_argument(parser, "the new journey")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language (default nl)")
    parser.add_argument("--title", help="the journey's title")
    parser.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date of the first iteration (default: today)",
    )
    parser.add_argument(
        "--json", action="store_true", help="write JSON instead of YAML (no comments)"
    )
    parser.add_argument(
        "--to",
        choices=("yaml", "json", "xlsx", "csv"),
        default="yaml",
        help="xlsx: a fill-in workbook of the wall (csv: the wall alone) instead of a file",
    )
    parser.add_argument(
        "--from",
        dest="source",
        metavar="JOURNEY",
        help="with --to xlsx|csv: the workbook of this journey file (to fill in further)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run_new(args: argparse.Namespace) -> int:
    """Write a new journey file from the seed's template: its lanes, scales and guidance.

    With --to xlsx a fill-in workbook of the wall instead (--to csv: the wall as CSV),
    for a facilitator who types the brown paper into a spreadsheet; read it back with
    klantreis import.
    """
    from klantreis.serialize import dumps
    from klantreis.templates import new_file_header, new_journey

    if args.source is not None and args.to not in ("xlsx", "csv"):
        raise UsageError("--from goes with --to xlsx or --to csv")
    if args.source is not None:
        journey = load_journey(args.source)
    else:
        journey = new_journey(args.lang, title=args.title, today=args.date or dt.date.today())
    if args.to in ("xlsx", "csv"):
        _write_fill_in(args, journey)
        return EXIT_OK
    if args.json or args.to == "json":
        text = dumps(journey, "json", include_defaults=True)
    else:
        text = new_file_header(args.lang) + dumps(journey, "yaml", include_defaults=True)
    write_output(args.output, text, force=args.force)
    if args.output != "-":
        command = "klantreis validate"
        err(words.text("cli.wrote-check", args.lang, file=args.output, command=command))
    return EXIT_OK


# --- shared helpers -------------------------------------------------------------------


def iso_date(text: str) -> dt.date:
    """An argparse type: a date written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written as YYYY-MM-DD") from None


def err(message: str) -> None:
    """Print *message* on standard error (the commands' voice for status and problems)."""
    print(message, file=sys.stderr)


def write_output(
    output: str,
    text: str | bytes | Iterable[bytes],
    *,
    force: bool,
    protect: Sequence[str] = (),
    language: str | None = None,
) -> None:
    """Write to a path atomically, or to stdout for ``-``; never clobber unasked.

    *text* may be chunks of bytes, written as they come (to a temporary file beside
    the path, renamed over it at the end). Refusals are told in *language* (default:
    :func:`klantreis.words.default_language`).
    """
    from klantreis._files import atomic_write, read_only

    if output == "-":
        if isinstance(text, str):
            sys.stdout.write(text)
            return
        sys.stdout.flush()
        for chunk in (text,) if isinstance(text, bytes) else text:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        return
    path = Path(output)
    for other in protect:
        if path.exists() and Path(other).exists() and path.samefile(other):
            raise UsageError(words.text("cli.refuse-input", language, file=output))
    if path.exists() and not force:
        raise UsageError(words.text("cli.exists", language, file=output))
    if not path.parent.is_dir():
        raise UsageError(words.text("cli.no-folder", language, file=output, folder=path.parent))
    if read_only(path):
        raise UsageError(words.text("cli.read-only", language, file=output))
    try:
        atomic_write(path, text.encode("utf-8") if isinstance(text, str) else text)
    except PermissionError as exc:
        # Windows refuses to replace a file another program (Excel) holds open.
        key = "cli.locked" if path.is_file() else "cli.cannot-write"
        why = exc.strerror or str(exc)
        raise UsageError(words.text(key, language, file=output, reason=why)) from None
    except OSError as exc:
        reason = exc.strerror or exc
        raise UsageError(
            words.text("cli.cannot-write", language, file=output, reason=reason)
        ) from None


def load_journey(name: str) -> Journey:
    """Load a journey for a command; problems raise and end in exit status 2."""
    from klantreis.validation import load

    return load(name)


COMMANDS: list[Command] = [
    Command(
        "validate",
        "check journey files and report every problem",
        _validate_arguments,
        run_validate,
    ),
    Command(
        "schema",
        "print the JSON Schema of the file format",
        _schema_arguments,
        run_schema,
    ),
    Command("new", "start a journey file from the seed's template", _new_arguments, run_new),
    Command(
        "import",
        "read a filled-in workbook (or CSV) back into a journey file",
        "klantreis.capture.cli:import_arguments",
        "klantreis.capture.cli:run_import",
    ),
    Command(
        "fmt",
        "rewrite journey files canonically; --check for CI",
        "klantreis.fmt:fmt_arguments",
        "klantreis.fmt:run_fmt",
    ),
    Command(
        "diff",
        "compare two iterations: changes, ratings and effect of actions",
        "klantreis.compare.cli:add_arguments",
        "klantreis.compare.cli:run_diff",
    ),
    Command(
        "history",
        "one journey over many iterations: phase scores, actions' effect",
        "klantreis.manage.cli:history_arguments",
        "klantreis.manage.cli:run_history",
    ),
    Command(
        "portfolio",
        "all journeys in a folder: action board, recurring pain points, balance",
        "klantreis.manage.cli:portfolio_arguments",
        "klantreis.manage.cli:run_portfolio",
    ),
    Command(
        "formats",
        "list export formats, where each comes from, and broken plugins",
        "klantreis.exporters.cli:formats_arguments",
        "klantreis.exporters.cli:run_formats",
    ),
    Command(
        "export",
        "export a journey: Markdown, CSV, the wall map, a plugin's format",
        "klantreis.exporters.cli:export_arguments",
        "klantreis.exporters.cli:run_export",
    ),
    Command(
        "plugin",
        "start an exporter plugin package: klantreis plugin new NAME",
        "klantreis.scaffold:plugin_arguments",
        "klantreis.scaffold:run_plugin",
    ),
    Command(
        "workshop",
        "plan a meeting from the seed's programmes; check its schedule",
        "klantreis.workshop.cli:workshop_arguments",
        "klantreis.workshop.cli:run_workshop",
    ),
    Command(
        "insights",
        "draw an insight from the jar that was not discussed yet",
        "klantreis.workshop.cli:insights_arguments",
        "klantreis.workshop.cli:run_insights",
    ),
    Command(
        "review",
        "review sheets for colleagues, answers as notes, sign-offs",
        "klantreis.workshop.cli:review_arguments",
        "klantreis.workshop.cli:run_review",
    ),
]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``klantreis`` command.

    Only the command named in *argv* gets its arguments (and imports its module), so
    ``klantreis --help`` and every command start without loading the others; with no
    *argv*, every command is complete.
    """
    parser = argparse.ArgumentParser(
        prog="klantreis",
        description="Customer journey mapping: validate, compare and export journey files.",
    )
    parser.add_argument("--version", action="version", version=f"klantreis {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks (also KLANTREIS_DEBUG=1)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = None if argv is None else next((a for a in argv if not a.startswith("-")), "")
    for command in COMMANDS:
        if wanted is not None and command.name != wanted:
            sub.add_parser(command.name, help=command.help)
            continue
        run = _resolve(command.run)
        doc = (run.__doc__ or command.help).strip()
        p = sub.add_parser(command.name, help=command.help, description=doc)
        _resolve(command.arguments)(p)
        p.set_defaults(run=run)
    return parser


def _in_language(error: KlantreisError, language: str | None) -> str:
    """A file's problems told in the ``--lang`` of the command, when it has one."""
    from klantreis.errors import LoadError, ValidationError

    if language is None:
        return str(error)
    if isinstance(error, LoadError):
        return str(error.problem.in_language(language))
    if isinstance(error, ValidationError):
        return str(ValidationError(error.report.in_language(language)))
    return str(error)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(arguments).parse_args(arguments)
    debug = args.debug or os.environ.get("KLANTREIS_DEBUG", "") not in ("", "0")
    try:
        words.default_language()
    except ValueError as exc:
        err(f"klantreis: {exc}")
        return EXIT_TROUBLE
    try:
        return int(args.run(args))
    except KlantreisError as exc:
        if debug:
            raise
        err(f"klantreis: {_in_language(exc, getattr(args, 'lang', None))}")
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        err(f"klantreis: {words.text('cli.interrupted')}")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_TROUBLE
    except Exception as exc:
        if debug:
            raise
        error = f"{type(exc).__name__}: {exc}"
        err(f"klantreis: {words.text('cli.internal-error', error=error)}")
        return EXIT_TROUBLE


def _write_fill_in(args: argparse.Namespace, journey: Journey) -> None:
    """``klantreis new --to xlsx|csv``: the fill-in workbook (or wall CSV) of *journey*."""
    from klantreis.capture import wall_csv, workbook

    lang = journey.language.value
    if args.output == "-" and args.to == "xlsx":
        raise UsageError(words.text("capture.cli.binary", lang))
    data: str | bytes = workbook(journey) if args.to == "xlsx" else wall_csv(journey)
    write_output(args.output, data, force=args.force)
    if args.output != "-":
        err(words.text("capture.cli.fill-in", lang, file=args.output))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
