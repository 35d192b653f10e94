"""Problems, reports and the exception family rooted in :class:`KlantreisError`.

A :class:`Problem` says what is wrong and where: the path in the document
(``steps[3].ratings.emotion``), the file and, when it is known, the line. A
:class:`Report` is every problem found in one document, errors and warnings both.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from attrs import field, frozen

__all__ = [
    "ExportError",
    "KlantreisError",
    "LoadError",
    "PluginError",
    "Problem",
    "Report",
    "Severity",
    "ValidationError",
    "format_path",
]


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Sequence[PathPart]) -> str:
    """Write a document path the way people read it.

    >>> format_path(("steps", 3, "ratings", "emotion"))
    'steps[3].ratings.emotion'
    >>> format_path(())
    '(document)'
    """
    out = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier() or part.replace("-", "_").isidentifier():
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{part!r}]")
    return "".join(out) or "(document)"


class Severity(str, enum.Enum):
    """How bad a problem is: errors make a document invalid, warnings point at gaps."""

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Problem:
    """One thing wrong with a document, at one place."""

    code: str
    """A stable, kebab-case name for the kind of problem, e.g. ``unknown-reference``."""
    message: str
    """What is wrong, in a sentence."""
    path: Path = field(default=(), converter=_tuple)
    """Where in the document: keys and list indices from the top."""
    severity: Severity = Severity.ERROR
    hint: str | None = None
    """A suggestion, e.g. the key that was probably meant."""
    source: str | None = None
    """The file the document came from, when it came from one."""
    line: int | None = None
    """The line in *source* (1-based), when it is known."""
    column: int | None = None
    """The column in *source* (1-based), when it is known."""

    @property
    def location(self) -> str:
        """``file:line: path``, leaving out what is not known."""
        where = ""
        if self.source is not None:
            where = self.source
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            if not self.path:
                return where
            where += ": "
        return where + format_path(self.path)

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"
        if self.hint:
            text += f" ({self.hint})"
        return text


@frozen
class Report:
    """Every problem found in one document, in document order."""

    problems: tuple[Problem, ...] = field(converter=_tuple)
    source: str | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make the document invalid."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that point at something incomplete."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings are allowed)."""
        return not self.errors

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def codes(self) -> list[str]:
        """The codes of all problems, in order: handy in tests and scripts."""
        return [p.code for p in self.problems]


class KlantreisError(Exception):
    """The root of every error klantreis raises on purpose."""


class LoadError(KlantreisError):
    """A file or text could not be read as a journey document at all.

    Missing or unreadable files, bytes that are not UTF-8, invalid YAML or JSON, and
    documents over the loader's limits. It carries one :class:`Problem`.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class ValidationError(KlantreisError):
    """A document was read, but what it says is not a valid journey.

    ``report`` holds every problem found, errors and warnings.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = report.errors
        head = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        if report.source:
            head += f" in {report.source}"
        lines = [head + ":"] + [f"  {p}" for p in errors[:20]]
        if len(errors) > 20:
            lines.append(f"  ... and {len(errors) - 20} more")
        super().__init__("\n".join(lines))

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The errors of the report (warnings are in ``report``)."""
        return self.report.errors


class ExportError(KlantreisError):
    """An exporter could not produce its output, or the output could not be written."""


class PluginError(KlantreisError):
    """A plugin failed to load, or broke the contract of a hook."""


def problems_from(items: Iterable[Problem], source: str | None) -> Report:
    """Build a report, stamping *source* on problems that have none."""
    from attrs import evolve

    return Report(
        tuple(p if p.source or source is None else evolve(p, source=source) for p in items),
        source,
    )
