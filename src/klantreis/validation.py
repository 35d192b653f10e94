"""Reading and checking: ``load()``/``loads()`` and ``validate()``.

The file format (:mod:`klantreis.serialize`) builds a journey and locates what is
wrong with its structure; the domain rules (:mod:`klantreis.rules`) judge the journey.
This module puts the two together.
"""

from __future__ import annotations

import os

import attrs

from klantreis.errors import Report, ValidationError
from klantreis.model import Journey, Language
from klantreis.rules import check
from klantreis.serialize import DEFAULT_LIMITS, Document, Format, Limits, read_document
from klantreis.serialize.reading import read_text
from klantreis.words import language_code

__all__ = ["load", "loads", "validate"]


def validate(
    target: Journey | str | os.PathLike[str],
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
    language: Language | str | None = None,
) -> Report:
    """Check a journey, or a journey file, and report every problem found.

    For a file, structural problems (wrong types, missing or unknown keys, a key given
    twice) and domain problems (duplicate ids, dangling references, ratings off their
    scale, and warnings for what looks incomplete) all come with their path and line.
    Domain rules run only when the structure is sound. The file is never changed.

    Messages are in the journey's language, or in *language* when it is given; codes
    and paths are the same in every language. A file that could not be read far
    enough to know its language (see :func:`klantreis.serialize.reading.document_language`)
    is told in ``KLANTREIS_LANG``, else English.

    Raises :class:`~klantreis.LoadError` only when the file cannot be read or parsed
    at all (missing, not UTF-8, invalid YAML or JSON, over the limits), told the same
    way.

    >>> import klantreis
    >>> journey = klantreis.Journey(title="Schuldhulp")
    >>> report = klantreis.validate(journey)
    >>> report.ok, report.codes()
    (True, ['no-persona', 'no-objective', 'no-objective', 'empty-phase'])
    """
    if isinstance(target, Journey):
        journey: Journey | None = target
        report = Report(tuple(check(target)))
    else:
        told = language_code(language) if language is not None else None
        document = read_document(target, format=format, limits=limits, language=told)
        journey = document.value
        report = document.report(check(journey) if journey is not None else [])
    if language is not None:
        return report.in_language(language)
    return attrs.evolve(report, language=language_code(journey.language)) if journey else report


def _finish(doc: Document[Journey], run_rules: bool) -> Journey:
    more = check(doc.value, errors_only=True) if doc.value is not None and run_rules else []
    if doc.value is not None and not doc.problems and not more:
        # Warnings never raise: the rules that only warn, and locating their problems
        # (which reads the text again), are for validate() and for a failure.
        return doc.value
    if more:
        more = check(doc.value)  # type: ignore[arg-type]  # not None when there is more
    report = doc.report(more)
    if doc.value is not None:
        report = attrs.evolve(report, language=language_code(doc.value.language))
    if doc.value is None or not report.ok:
        raise ValidationError(report)
    return doc.value


def load(
    source: str | os.PathLike[str],
    *,
    format: Format | None = None,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Journey:
    """Read a journey file (YAML or JSON, told apart by suffix or content).

    Raises :class:`~klantreis.LoadError` when the file cannot be read or parsed, and
    :class:`~klantreis.ValidationError` with every located problem when it is not a
    valid journey. With ``check=False`` only the structure is checked, not the
    domain rules (a journey with a dangling reference still loads). Warnings never
    raise: use :func:`klantreis.validate` to see them.
    """
    return _finish(read_document(source, format=format, limits=limits), check)


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    source: str | None = None,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Journey:
    """Read a journey from text; *source* names it in messages. See :func:`load`."""
    if isinstance(text, bytes):
        return _finish(read_document(text, format=format, name=source, limits=limits), check)
    return _finish(read_text(text, format, source, limits), check)
