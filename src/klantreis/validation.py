"""``validate()``: every problem of a journey or a journey file, errors and warnings."""

from __future__ import annotations

import os

from klantreis.errors import Report
from klantreis.model import Journey
from klantreis.rules import check
from klantreis.serialize import DEFAULT_LIMITS, Format, Limits, read_document

__all__ = ["validate"]


def validate(
    target: Journey | str | os.PathLike[str],
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """Check a journey, or a journey file, and report every problem found.

    For a file, structural problems (wrong types, missing or unknown keys, a key given
    twice) and domain problems (duplicate ids, dangling references, ratings off their
    scale, and warnings for what looks incomplete) all come with their path and line.
    Domain rules run only when the structure is sound. The file is never changed.

    Raises :class:`~klantreis.LoadError` only when the file cannot be read or parsed
    at all (missing, not UTF-8, invalid YAML or JSON, over the limits).

    >>> import klantreis
    >>> journey = klantreis.Journey(title="Schuldhulp")
    >>> report = klantreis.validate(journey)
    >>> report.ok, report.codes()
    (True, ['no-persona', 'no-objective', 'no-objective', 'empty-phase'])
    """
    if isinstance(target, Journey):
        return Report(tuple(check(target)))
    document = read_document(target, format=format, limits=limits)
    more = check(document.value) if document.value is not None else []
    return document.report(more)
