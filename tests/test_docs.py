"""The docs match the code: every `$ klantreis ...` example gives the output shown.

Python examples (```pycon blocks with ``>>>``) run as doctests through pytest's
``--doctest-glob=*.md``; this module runs the ```console blocks of docs/*.md and
README.md: each ``$ klantreis ARGS`` line is run from the repository root and its
output (stdout, then stderr) must equal the lines that follow it.
"""

from __future__ import annotations

import contextlib
import re
import shlex
from pathlib import Path

import attrs
import pytest

from klantreis import model
from klantreis.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def console_examples() -> list[tuple[str, str, str]]:
    examples = []
    for page in PAGES:
        for block in FENCE.findall(page.read_text(encoding="utf-8")):
            command, output = None, []
            for line in [*block.splitlines(), "$ end"]:
                if line.startswith("$ "):
                    if command is not None and command.startswith("klantreis "):
                        examples.append((page.name, command, "\n".join(output)))
                    command, output = line[2:], []
                elif command is not None:
                    output.append(line)
    return examples


EXAMPLES = console_examples()


@pytest.mark.parametrize(
    ("page", "command", "expected"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES]
)
def test_console_example(page, command, expected, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps help to the terminal
    argv = shlex.split(command)[1:]
    with contextlib.suppress(SystemExit):  # --help and --version exit through argparse
        main(argv)
    captured = capsys.readouterr()
    assert (captured.out + captured.err).rstrip("\n") == expected.rstrip("\n")


def test_there_are_console_examples():
    assert len(EXAMPLES) >= 5


MODEL_CLASSES = [
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == model.__name__
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_the_format_reference_names_every_field(cls):
    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = page.split(f"<!-- {cls.__name__} -->", 1)
    assert len(section) == 2, f"format.md has no section marked <!-- {cls.__name__} -->"
    body = section[1].split("<!--", 1)[0]
    missing = [a.name for a in attrs.fields(cls) if f"`{a.name}`" not in body]
    assert missing == []
