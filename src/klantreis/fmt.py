"""``klantreis fmt``: rewrite journey files canonically, or ``--check`` that they are.

The canonical text is the one :func:`klantreis.dumps` writes (the one ``review`` and
``insights`` write back), in the file's own format (by suffix). A YAML file keeps the
comment block it opens with; scales and lanes a file spells out stay spelled out, so
a file fresh from ``klantreis new`` is already canonical. A file is rewritten
atomically and only when its new text loads back equal to what it held.

Exit status: 0 all canonical (or rewritten), 1 with ``--check`` when a file would
change (each is listed), 2 when a file cannot be read as a journey.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from klantreis import words

if TYPE_CHECKING:
    from klantreis.serialize.limits import Format

__all__ = ["canonical_text", "fmt_arguments", "opening_comments", "run_fmt"]

EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE = 0, 1, 2

_SPELLED_OUT = re.compile(r"^(?:scales|lanes)\s*:", re.MULTILINE)


def opening_comments(text: str) -> str:
    """The comment block a YAML text opens with (comments and blank lines), as written.

    Empty when the text opens with data; it ends with a line break, so the canonical
    text can follow it.
    """
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    if not any(line.strip() for line in lines):
        return ""
    header = "".join(lines)
    return header if header.endswith("\n") else header + "\n"


def _spells_out_defaults(text: str, fmt: Format) -> bool:
    if fmt == "yaml":
        return _SPELLED_OUT.search(text) is not None
    try:
        data = json.loads(text)
    except ValueError:  # pragma: no cover - the text was read as a journey just before
        return False
    return isinstance(data, dict) and ("scales" in data or "lanes" in data)


def canonical_text(text: str, *, format: Format = "yaml", source: str | None = None) -> str:
    """The canonical form of the journey *text* (YAML or JSON).

    Raises :class:`~klantreis.LoadError` or :class:`~klantreis.ValidationError` when
    the text is not a journey (domain rules are not checked: a journey with a
    dangling reference is still formatted).
    """
    from klantreis.serialize import dumps
    from klantreis.validation import loads

    journey = loads(text, format=format, source=source, check=False)
    header = opening_comments(text) if format == "yaml" else ""
    new_text = header + dumps(journey, format, include_defaults=_spells_out_defaults(text, format))
    if loads(new_text, format=format, check=False) != journey:  # pragma: no cover - a bug
        raise ValueError(f"{source}: the canonical text would not load back the same")
    return new_text


def fmt_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``klantreis fmt``."""
    from klantreis.cli import lang_argument

    parser.add_argument("files", nargs="+", metavar="FILE", help="journey files (YAML or JSON)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list the files that would change and exit 1 if any",
    )
    lang_argument(parser)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def run_fmt(args: argparse.Namespace) -> int:
    """Rewrite journey files canonically (keeping the opening comment block)."""
    from klantreis._files import atomic_write, read_only
    from klantreis.errors import LoadError, ValidationError

    language = args.lang or words.default_language()
    status = EXIT_OK
    changed = 0
    for name in args.files:
        path = Path(name)
        fmt: Format = "json" if path.suffix.lower() == ".json" else "yaml"
        try:
            old_text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            _err(words.text("fmt.cannot-read", language, file=name, reason=exc.strerror or exc))
            status = EXIT_TROUBLE
            continue
        except UnicodeDecodeError as exc:
            _err(words.text("fmt.cannot-read", language, file=name, reason=exc.reason))
            status = EXIT_TROUBLE
            continue
        try:
            new_text = canonical_text(old_text, format=fmt, source=name)
        except LoadError as exc:
            _err(str(exc.problem.in_language(language)))
            status = EXIT_TROUBLE
            continue
        except ValidationError as exc:
            for problem in exc.report.errors:
                _err(str(problem.in_language(language)))
            status = EXIT_TROUBLE
            continue
        if new_text == old_text:
            continue
        changed += 1
        if args.check:
            print(words.text("fmt.would-change", language, file=name))
            status = max(status, EXIT_PROBLEMS)
            continue
        if read_only(path):
            _err(words.text("cli.read-only", language, file=name))
            status = EXIT_TROUBLE
            continue
        try:
            atomic_write(path, new_text.encode("utf-8"))
        except OSError as exc:
            reason = exc.strerror or exc
            _err(words.text("cli.cannot-write", language, file=name, reason=reason))
            status = EXIT_TROUBLE
            continue
        _err(words.text("fmt.rewrote", language, file=name))
    return status
