"""The ``klantreis formats`` and ``klantreis export`` commands.

``formats`` lists every exporter with where it comes from (built in, or the
distribution and version of the plugin that provides it) and every broken plugin
with its error. ``export`` renders a journey file in a format and writes it
atomically: a failed export never leaves a half-written file and never replaces an
existing one.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klantreis.exporters.base import OptionInfo
    from klantreis.model import Journey

__all__ = [
    "FORMATS_JSON_VERSION",
    "export_arguments",
    "formats_arguments",
    "load_plugin_files",
    "run_export",
    "run_formats",
]


FORMATS_JSON_VERSION = 1
"""The version of ``klantreis formats --json``'s shape (docs/cli.md describes it)."""


def _plugin_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plugin",
        action="append",
        default=[],
        metavar="FILE",
        help="a single-file plugin to load, not packaged (repeatable)",
    )


def load_plugin_files(files: list[str]) -> None:
    """Load each ``--plugin FILE``; a file that fails is a located error (exit 2)."""
    from klantreis.plugins import load_plugin_file

    for file in files:
        load_plugin_file(file)


def formats_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``klantreis formats``."""
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="show each format's options too"
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when a plugin is broken (KLANTREIS_STRICT_PLUGINS=1 too)",
    )
    _plugin_argument(parser)


def _option_line(info: OptionInfo) -> str:
    parts = [f"default {json.dumps(info.default, ensure_ascii=False)}"]
    if info.choices:
        parts.append("one of " + ", ".join(info.choices))
    help_text = f" {info.help}" if info.help else ""
    return f"--option {info.name}={info.type.upper()} ({'; '.join(parts)}){help_text}"


def run_formats(args: argparse.Namespace) -> int:
    """List every export format with its origin, and every broken plugin with its error."""
    from klantreis.plugins import get_registry, is_strict

    load_plugin_files(args.plugin)
    registry = get_registry(strict=False)
    names = sorted(registry.exporters)
    entries = [registry.exporters[name] for name in names]
    if args.json:
        data = {
            "version": FORMATS_JSON_VERSION,
            "formats": [
                {
                    "name": e.exporter.name,
                    "qualified_name": e.qualified_name,
                    "clash": e.exporter.name in registry.clashes,
                    "description": e.exporter.description,
                    "suffix": e.exporter.suffix,
                    "media_type": e.exporter.media_type,
                    "output": e.exporter.output_kind,
                    "plugin": e.plugin.name,
                    "origin": e.plugin.describe(),
                    "distribution": e.plugin.distribution,
                    "version": e.plugin.version,
                    "path": e.plugin.path,
                    "options": [
                        {
                            "name": o.name,
                            "type": o.type,
                            "default": o.default,
                            "choices": list(o.choices),
                            "help": o.help,
                        }
                        for o in e.exporter.option_info()
                    ],
                }
                for e in entries
            ],
            "broken": [
                {
                    "plugin": b.plugin.name,
                    "distribution": b.plugin.distribution,
                    "version": b.plugin.version,
                    "path": b.plugin.path,
                    "stage": b.stage,
                    "reason": b.reason,
                }
                for b in registry.broken
            ],
            "clashes": [
                {"name": name, "formats": [e.qualified_name for e in claimants]}
                for name, claimants in sorted(registry.clashes.items())
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        rows = [
            (name, e.exporter.suffix, e.exporter.output_kind, e.plugin.describe())
            for name, e in zip(names, entries, strict=True)
        ]
        widths = [max((len(r[i]) for r in rows), default=0) for i in range(4)]
        print("Formats:")
        for entry, row in zip(entries, rows, strict=True):
            cells = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row))
            print(f"  {cells}  {entry.exporter.description}")
            if args.verbose:
                for info in entry.exporter.option_info():
                    print(f"      {_option_line(info)}")
        if registry.clashes:
            print("\nName clashes (ask for one of these by its qualified name):")
            for name, claimants in sorted(registry.clashes.items()):
                which = " or ".join(e.qualified_name for e in claimants)
                print(f"  {name}: registered by {len(claimants)} plugins; use {which}")
        if registry.broken:
            print("\nBroken plugins (the formats above still work):")
            for broken in registry.broken:
                print(f"  {broken}")
    return 1 if is_strict(args.strict or None) and registry.broken else 0


def export_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``klantreis export``."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help="the journey file ('-' reads standard input); for --to tidy also a folder",
    )
    parser.add_argument(
        "--to",
        "-t",
        required=True,
        metavar="FORMAT",
        help="the format, e.g. markdown, csv, svg, png, pdf, dot (see `klantreis formats`), "
        "or tidy: long tables in a folder or a .zip",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write ('-' is standard output, the default for text formats)",
    )
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        help="language of labels and headings (default: the journey's)",
    )
    parser.add_argument(
        "--option",
        "-O",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option of the format (repeatable); `klantreis formats -v` lists them",
    )
    parser.add_argument(
        "--compare",
        metavar="OLD",
        help="an older iteration to compare with (html: badges and the effect report)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing OUT even when its suffix is not the format's",
    )
    _plugin_argument(parser)


def _options(pairs: list[str]) -> tuple[dict[str, str], set[str]]:
    """``--option`` values by key, and the keys given without ``=value`` (flags)."""
    from klantreis.cli import UsageError

    options: dict[str, str] = {}
    flags: set[str] = set()
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not key:
            raise UsageError(f"--option {pair!r}: write it as KEY=VALUE")
        if key in options:
            raise UsageError(f"--option {key} is given twice")
        options[key] = value if sep else "true"
        if not sep:
            flags.add(key)
    return options, flags


def run_export(args: argparse.Namespace) -> int:
    """Export a journey file to a format: Markdown, CSV, DOT, SVG, PNG, PDF or a plugin's."""
    from klantreis.cli import UsageError, err, write_output
    from klantreis.errors import ExportWarning
    from klantreis.exporters.base import encode, make_options
    from klantreis.exporting import describe, get_exporter, render_chunks

    if args.to == "tidy":  # many tables from a file or a folder: journey management's
        from klantreis.manage.cli import run_tidy_export

        return run_tidy_export(args, _options(args.option)[0])
    load_plugin_files(args.plugin)
    exporter = get_exporter(args.to)
    pairs, flags = _options(args.option)
    if args.compare is not None:
        if "compare" in pairs:
            raise UsageError("give the older iteration once: --compare or --option compare=")
        pairs["compare"] = args.compare
    for flag in flags:
        del pairs[flag]
    options = make_options(exporter, pairs, from_text=True, flags=flags, language=args.lang)
    journey = _load(args.file)
    output = args.output
    if output is None:
        if exporter.binary and sys.stdout.isatty():
            stem = Path(args.file).stem if args.file != "-" else "journey"
            raise UsageError(
                f"{exporter.name} output is binary; write it to a file with "
                f"-o {stem}{exporter.suffix} (or -o - to send it to the terminal anyway)"
            )
        output = "-"
    if output != "-":
        path = Path(output)
        if path.exists() and not args.force and path.suffix.lower() != exporter.suffix.lower():
            raise UsageError(
                f"{output} exists and is not a {exporter.suffix} file; use --force to replace it"
            )
    source = "<stdin>" if args.file == "-" else args.file
    chunks = render_chunks(exporter, journey, options, language=args.lang, source=source)
    who = describe(exporter)
    written = [0]

    def payload() -> Iterator[bytes]:
        for chunk in chunks:
            data = encode(exporter, chunk, who=who)
            written[0] += len(data)
            yield data

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        try:
            write_output(
                output, payload(), force=True, protect=[args.file] if args.file != "-" else []
            )
        finally:
            for warning in caught:
                if issubclass(warning.category, ExportWarning):
                    err(f"klantreis: warning: {warning.message}")
                else:
                    warnings.warn_explicit(
                        warning.message, warning.category, warning.filename, warning.lineno
                    )
    if output != "-":
        err(f"wrote {output} ({exporter.name}, {_size(written[0])})")
    return 0


def _load(name: str) -> Journey:
    from klantreis.serialize import DEFAULT_LIMITS
    from klantreis.validation import load, loads

    if name == "-":  # read no more than the limit: loads() then refuses what is over it
        data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
        return loads(data, source="<stdin>", limits=DEFAULT_LIMITS)
    return load(name)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} kB"
    return f"{n / 1024 / 1024:.1f} MB"
