"""The ``klantreis workshop``, ``klantreis insights`` and ``klantreis review`` commands.

``workshop new|validate|schema`` plans a meeting; ``insights draw|list`` works the
insights jar; ``review sheet|import|sign`` sends out the colleague-validation sheet,
brings the answers back and records a sign-off.

Commands that change a journey (``insights draw --mark-discussed``, ``review
import``, ``review sign``) write it back in place unless ``-o`` says where; see
:func:`write_back` for what that keeps and what it does not.

This module is imported for ``klantreis --help``: it imports only argparse and
:mod:`klantreis.words` at the top; everything else is imported inside the run
functions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from klantreis import words

if TYPE_CHECKING:
    from klantreis.model import Journey
    from klantreis.serialize import Format

__all__ = [
    "insights_arguments",
    "review_arguments",
    "run_insights",
    "run_review",
    "run_workshop",
    "workshop_arguments",
    "write_back",
]


def _date_argument(parser: argparse.ArgumentParser, help: str) -> None:
    from klantreis.cli import iso_date

    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help=help)


def _out(parser: argparse.ArgumentParser, help: str, default: str | None = None) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", default=default, help=help)


def err(message: str) -> None:
    print(message, file=sys.stderr)


def _lang(parser: argparse.ArgumentParser) -> None:
    from klantreis.cli import lang_argument

    lang_argument(parser)


# --- writing a journey back -----------------------------------------------------------


def write_back(
    path: str, before: Journey, after: Journey, *, backup: bool = True
) -> tuple[str, str | None]:
    """Rewrite the journey file *path*, which held *before*, with *after*.

    The file is written canonically (:func:`klantreis.dumps`), in its own format
    (by suffix), atomically, and only after checking that the new text loads back
    equal to *after*: no data is ever lost. A YAML file keeps the comment block it
    opens with; other comments and the file's own layout are not kept. When the old
    text was not canonical (so comments or layout would be lost) and *backup* is
    true, the old text is kept next to it as ``PATH.bak`` (replacing an older one).

    Returns a one-line note for the user and the backup's path (or ``None``).
    """
    from klantreis._files import atomic_write
    from klantreis.cli import UsageError
    from klantreis.fmt import opening_comments
    from klantreis.serialize import dumps
    from klantreis.validation import loads

    target = Path(path)
    fmt: Format = "json" if target.suffix.lower() == ".json" else "yaml"
    try:
        old_text = target.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    header = opening_comments(old_text) if fmt == "yaml" else ""
    new_text = header + dumps(after, fmt)
    if loads(new_text, format=fmt, check=False) != after:  # pragma: no cover - a bug
        raise UsageError(f"{path}: not written: the new text would not load back the same")
    saved = None
    if backup and old_text != header + dumps(before, fmt):
        saved = f"{path}.bak"
        try:
            atomic_write(saved, old_text.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"{saved}: cannot write the backup: {exc.strerror or exc}") from None
    try:
        atomic_write(target, new_text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if saved is not None:
        note = (
            f"rewrote {path} canonically: comments after its opening comment block and "
            f"its own layout are not kept; the previous text is in {saved}"
        )
    else:
        note = f"updated {path}"
    return note, saved


def _save(args: argparse.Namespace, before: Journey, after: Journey) -> str:
    """Write *after* to ``-o`` (a new file) or back to the input; returns the note."""
    from klantreis.cli import write_output
    from klantreis.serialize import dumps

    if args.output in (None, args.file):
        note, _ = write_back(args.file, before, after, backup=not args.no_backup)
        return note
    if args.output == "-":
        write_output("-", dumps(after), force=True)
        return ""
    fmt: Format = "json" if Path(args.output).suffix.lower() == ".json" else "yaml"
    write_output(args.output, dumps(after, fmt), force=args.force, protect=[args.file])
    return f"wrote {args.output}"


def _write_arguments(parser: argparse.ArgumentParser) -> None:
    _out(parser, "write the journey here instead of back to FILE ('-': standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing OUT")
    parser.add_argument(
        "--no-backup",
        action="store_true",
        help="do not keep FILE.bak when rewriting FILE drops its comments or layout",
    )


# --- klantreis workshop ---------------------------------------------------------------


def workshop_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``klantreis workshop``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = sub.add_parser(
        "new",
        help="start a workshop plan from the seed's programme of meeting 1, 2 or 3",
        description="Write a workshop plan from the seed's programme: objective, success "
        "criterion, room, materials, roles and a timed schedule, ready to adapt.",
    )
    new.add_argument(
        "--meeting",
        type=int,
        choices=(1, 2, 3),
        default=1,
        help="1: the first meeting, 2: the second, 3: a follow-up (default 1)",
    )
    new.add_argument("--lang", choices=("nl", "en"), default="nl", help="language (default nl)")
    new.add_argument("--title", help="the meeting's title")
    new.add_argument("--journey", metavar="JOURNEY", help="the journey file or id it belongs to")
    _date_argument(new, "the date of the meeting")
    new.add_argument("--json", action="store_true", help="write JSON instead of YAML")
    _out(new, "write the plan here ('-', the default, is standard output)", default="-")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    validate = sub.add_parser(
        "validate",
        help="check workshop plans: objective, success criterion, the schedule's times",
        description="Check workshop files and print every problem with its location. Exit "
        "status 0: valid, 1: problems (errors, or warnings with --strict), 2: unreadable.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="workshop files")
    validate.add_argument("--strict", action="store_true", help="count warnings as problems")
    validate.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    _lang(validate)

    schema = sub.add_parser("schema", help="print the JSON Schema of workshop files")
    _out(schema, "write the schema here ('-', the default, is standard output)", default="-")
    schema.add_argument("--force", action="store_true", help="overwrite an existing OUT")


def run_workshop(args: argparse.Namespace) -> int:
    """Plan a meeting: ``new`` from the seed's programmes, ``validate``, ``schema``."""
    if args.action == "new":
        return _workshop_new(args)
    if args.action == "validate":
        return _workshop_validate(args)
    return _workshop_schema(args)


def _workshop_new(args: argparse.Namespace) -> int:
    import attrs

    from klantreis.cli import write_output
    from klantreis.model import slugify
    from klantreis.workshop.files import dumps_workshop
    from klantreis.workshop.templates import new_workshop_header, workshop_template

    plan = workshop_template(args.meeting, args.lang)
    plan = attrs.evolve(plan, journey=args.journey, date=args.date)
    if args.title:
        plan = attrs.evolve(plan, title=args.title, id=slugify(args.title, fallback="workshop"))
    if args.json:
        text = dumps_workshop(plan, "json")
    else:
        text = new_workshop_header(args.lang) + dumps_workshop(plan)
    write_output(args.output, text, force=args.force)
    if args.output != "-":
        command = "klantreis workshop validate"
        err(words.text("cli.wrote-check", args.lang, file=args.output, command=command))
    return 0


def _workshop_validate(args: argparse.Namespace) -> int:
    from klantreis.cli import summary
    from klantreis.errors import LoadError
    from klantreis.workshop.files import validate_workshop

    status = 0
    for name in args.files:
        try:
            report = validate_workshop(name, language=args.lang)
        except LoadError as exc:
            err(str(exc.problem))
            status = 2
            continue
        if (not report.ok or (args.strict and report.warnings)) and status == 0:
            status = 1
        for problem in report.errors if args.quiet else report.problems:
            print(problem)
        if not args.quiet:
            print(summary(name, report, args.lang))
    return status


def _workshop_schema(args: argparse.Namespace) -> int:
    import json

    from klantreis.cli import write_output
    from klantreis.workshop.files import workshop_schema

    text = json.dumps(workshop_schema(), indent=2, ensure_ascii=False) + "\n"
    write_output(args.output, text, force=args.force)
    return 0


# --- klantreis insights ---------------------------------------------------------------


def insights_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``klantreis insights``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    draw = sub.add_parser(
        "draw",
        help="draw an insight not discussed yet, with its steps",
        description="Draw an insight from the jar that was not discussed yet, and show its "
        "related steps and the seed's questions. With --mark-discussed, record today's "
        "date (or --date) in the file.",
    )
    draw.add_argument("file", metavar="FILE", help="the journey file")
    draw.add_argument("--seed", metavar="N", help="draw reproducibly: the same seed, the same draw")
    draw.add_argument(
        "--again",
        action="store_true",
        help="when every insight was discussed, draw one again (the longest ago first)",
    )
    draw.add_argument(
        "--mark-discussed",
        action="store_true",
        help="record in FILE that the insight drawn was discussed (rewrites FILE)",
    )
    _date_argument(draw, "the date it was discussed (default today)")
    _write_arguments(draw)

    _lang(draw)

    listing = sub.add_parser("list", help="list the insights in the jar, discussed or not")
    listing.add_argument("file", metavar="FILE", help="the journey file")
    _lang(listing)


def run_insights(args: argparse.Namespace) -> int:
    """Work the insights jar: ``draw`` an insight not discussed yet, or ``list`` them."""
    from klantreis.cli import load_journey

    journey = load_journey(args.file)
    lang = args.lang or journey.language
    if args.action == "list":
        return _insights_list(journey, lang)
    return _insights_draw(args, journey, lang)


def _insights_list(journey: Journey, lang: str) -> int:
    if not journey.insights:
        print(words.text("insights.empty", lang))
        return 0
    for insight in journey.insights:
        if not insight.discussed:
            status = words.text("insights.not-discussed", lang)
        elif insight.discussed_on:
            status = words.text("insights.discussed-on", lang, date=insight.discussed_on)
        else:
            status = words.text("insights.discussed", lang)
        print(f"{insight.id}: {insight.text} ({status})")
    return 0


def _insights_draw(args: argparse.Namespace, journey: Journey, lang: str) -> int:
    import datetime as dt

    from klantreis.insights import draw, mark_discussed, related_steps, undiscussed
    from klantreis.workshop.model import MethodStep
    from klantreis.workshop.templates import method_guide

    seed: int | str | None = args.seed
    if isinstance(seed, str) and seed.lstrip("-").isdigit():
        seed = int(seed)
    insight = draw(journey, rng_seed=seed, again=args.again)
    if insight is None:
        if journey.insights:
            err(words.text("insights.all-discussed", lang, n=len(journey.insights)))
        else:
            err(words.text("insights.empty-draw", lang))
        return 1
    left = len(undiscussed(journey))
    total = len(journey.insights)
    print(words.text("insights.drawn", lang, left=left, total=total))
    print()
    print(f"  {insight.text}")
    facts = [f"id: {insight.id}"]
    if insight.author:
        facts.append(words.text("insights.by", lang, author=insight.author))
    if insight.date:
        facts.append(str(insight.date))
    if insight.discussed:
        if insight.discussed_on:
            facts.append(
                words.text("insights.discussed-before-on", lang, date=insight.discussed_on)
            )
        else:
            facts.append(words.text("insights.discussed-before", lang))
    print(f"  ({', '.join(facts)})")
    steps = related_steps(journey, insight)
    if steps:
        print()
        print(words.text("insights.related", lang))
        for step in steps:
            phase = journey.phase(step.phase)
            where = f"{phase.name} › " if phase is not None else ""
            print(f"  - {where}{step.title} ({step.id})")
    jar = next(g for g in method_guide(lang) if g.step is MethodStep.INZICHTENPOT)
    print()
    print(words.text("insights.discuss", lang))
    for question in jar.questions:
        print(f"  - {question}")
    if args.mark_discussed:
        on = args.date or dt.date.today()
        after = mark_discussed(journey, insight.id, on=on)
        note = _save(args, journey, after)
        marked = words.text("insights.marked", lang, id=insight.id, date=on)
        err(marked + (f"; {note}" if note else ""))
    return 0


# --- klantreis review -----------------------------------------------------------------


def review_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``klantreis review``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sheet = sub.add_parser(
        "sheet",
        help="the colleague-validation sheet: Markdown to read, CSV to fill in",
        description="Write the seed's homework sheet for a colleague: per phase and step "
        "'is this right? what is missing?', then the frictions, the client's hard moments "
        "and the moment of truth.",
    )
    sheet.add_argument("file", metavar="FILE", help="the journey file")
    sheet.add_argument(
        "--format", choices=("markdown", "csv"), default="markdown", help="default markdown"
    )
    sheet.add_argument(
        "--excel", action="store_true", help="CSV for Dutch-locale Excel (';' and a BOM)"
    )
    _out(sheet, "write the sheet here ('-', the default, is standard output)", default="-")
    sheet.add_argument("--force", action="store_true", help="overwrite an existing OUT")

    imp = sub.add_parser(
        "import",
        help="bring a filled-in CSV sheet back as ?/!/+ notes on the steps",
        description="Add the answers of a filled-in review sheet (CSV) to the journey as "
        "notes on the steps they concern. Writes FILE back in place unless -o is given. "
        "Importing the same answers twice adds nothing.",
    )
    imp.add_argument("file", metavar="FILE", help="the journey file")
    imp.add_argument("answers", metavar="ANSWERS", help="the filled-in CSV sheet")
    imp.add_argument("--by", metavar="NAME", help="the author of answers that give no name")
    _write_arguments(imp)

    sign = sub.add_parser(
        "sign",
        help="record that a colleague validated this iteration",
        description="Record a colleague's sign-off in the journey file: who, when, and a "
        "fingerprint of the content they saw. `klantreis validate` warns when the content "
        "changes afterwards. Writes FILE back in place unless -o is given.",
    )
    sign.add_argument("file", metavar="FILE", help="the journey file")
    sign.add_argument("--by", metavar="NAME", required=True, help="who validated it")
    _date_argument(sign, "when (default today)")
    sign.add_argument("--comment", help="a comment with the sign-off")
    _write_arguments(sign)


def run_review(args: argparse.Namespace) -> int:
    """Send out review sheets, bring the answers back, and record sign-offs."""
    from klantreis.cli import load_journey

    journey = load_journey(args.file)
    if args.action == "sheet":
        from klantreis.cli import write_output
        from klantreis.review import review_sheet

        text = review_sheet(journey, args.format, excel=args.excel)
        write_output(args.output, text, force=args.force, protect=[args.file])
        if args.output != "-":
            err(f"wrote {args.output}")
        return 0
    if args.action == "import":
        from klantreis.review import import_answers

        after = import_answers(journey, args.answers, author=args.by)
        added = sum(
            len(a.notes) - len(b.notes) for a, b in zip(after.steps, journey.steps, strict=True)
        )
        steps = sum(
            len(a.notes) != len(b.notes) for a, b in zip(after.steps, journey.steps, strict=True)
        )
        if after == journey:
            err(f"nothing to add: every answer in {args.answers} is on its step already")
            return 0
        note = _save(args, journey, after)
        err(
            f"added {added} note{'' if added == 1 else 's'} to {steps} "
            f"step{'' if steps == 1 else 's'}" + (f"; {note}" if note else "")
        )
        return 0
    import datetime as dt

    from klantreis.review import sign_off

    on = args.date or dt.date.today()
    after = sign_off(journey, args.by, on=on, comment=args.comment)
    note = _save(args, journey, after)
    record = after.signoffs[-1]
    err(
        f"signed off by {record.who} on {record.date} ({record.fingerprint})"
        + (f"; {note}" if note else "")
    )
    return 0
