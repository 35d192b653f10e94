"""Problems, reports and the exception family rooted in :class:`KlantreisError`.

A :class:`Problem` says what is wrong and where: the path in the document
(``steps[3].ratings.emotion``), the file and, when it is known, the line. A
:class:`Report` is every problem found in one document, errors and warnings both.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from attrs import evolve, field, frozen

from klantreis.words import Message, language_code, text

__all__ = [
    "AmbiguousFormatError",
    "ExportError",
    "ExportWarning",
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
    wording: Message | None = field(default=None, eq=False, repr=False)
    """*message* as a catalogue key and its values, so it can be told in another language."""
    hint_wording: Message | None = field(default=None, eq=False, repr=False)
    """*hint* likewise."""

    @classmethod
    def told(
        cls,
        code: str,
        message: Message,
        hint: Message | None = None,
        *,
        language: str | None = None,
        path: Sequence[PathPart] = (),
        severity: Severity = Severity.ERROR,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> Problem:
        """A problem whose message (and hint) come from :mod:`klantreis.words`, told in *language*.

        >>> from klantreis.words import Message, language_code, text
        >>> p = Problem.told("empty-id", Message("problem.empty-id"), language="nl")
        >>> p.message, p.in_language("en").message
        ('het id is leeg', 'the id is empty')
        """
        return cls(
            code=code,
            message=message(language),
            hint=hint(language) if hint is not None else None,
            wording=message,
            hint_wording=hint,
            path=path,
            severity=severity,
            source=source,
            line=line,
            column=column,
        )

    def in_language(self, language: str | None) -> Problem:
        """This problem told in *language*; the same problem when it has no wording.

        The code, the path and the severity never change with the language.
        """
        if self.wording is None and self.hint_wording is None:
            return self
        return evolve(
            self,
            message=self.wording(language) if self.wording is not None else self.message,
            hint=self.hint_wording(language) if self.hint_wording is not None else self.hint,
        )

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
    language: str | None = field(default=None, kw_only=True)
    """The language of the messages (the journey's), when it is known."""

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

    def in_language(self, language: str | None) -> Report:
        """This report with every problem told in *language* (see :meth:`Problem.in_language`)."""
        told = tuple(p.in_language(language) for p in self.problems)
        return Report(told, self.source, language=language)


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
        try:
            lang = language_code(report.language)
        except ValueError:  # a bad KLANTREIS_LANG must not hide the problems
            lang = "en"
        head = text("cli.errors", lang, n=len(errors))
        if report.source:
            head = text("cli.errors-in", lang, errors=head, file=report.source)
        else:
            head += ":"
        lines = [head] + [f"  {p}" for p in errors[:20]]
        if len(errors) > 20:
            lines.append("  " + text("cli.and-more", lang, n=len(errors) - 20))
        super().__init__("\n".join(lines))

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The errors of the report (warnings are in ``report``)."""
        return self.report.errors


class ExportError(KlantreisError):
    """An exporter could not produce its output, or the output could not be written."""


class AmbiguousFormatError(ExportError):
    """A format name that two or more plugins register, asked for without saying which.

    *choices* are the qualified names (``DISTRIBUTION:NAME``) that pick one.
    """

    def __init__(self, message: str, choices: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.choices: tuple[str, ...] = tuple(choices)


class ExportWarning(UserWarning):
    """An export was made, but something in it may not survive where it goes.

    For example a CSV cell longer than the 32,767 characters Excel keeps. The command
    line prints it as ``warning: ...``; in Python, :mod:`warnings` filters apply.
    """


class PluginError(KlantreisError):
    """A plugin failed to load, or broke the contract of a hook."""


def problems_from(items: Iterable[Problem], source: str | None) -> Report:
    """Build a report, stamping *source* on problems that have none."""
    return Report(
        tuple(p if p.source or source is None else evolve(p, source=source) for p in items),
        source,
    )
