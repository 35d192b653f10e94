"""Deprecated: the diff's words are in :mod:`klantreis.words` now (keys ``diff.*``, ``field.*``).

The tables this module held (``MESSAGES``, ``KINDS``, ``VERDICTS``, ``OUTCOMES``,
``FLAGS``, ``COLLECTIONS``, ``FIELDS``) and its ``text`` function still work for one
minor version, with a :class:`DeprecationWarning`.
"""

from __future__ import annotations

import warnings
from typing import Any

from klantreis.words import CATALOGUE

__all__: list[str] = []


def _table(prefix: str) -> dict[str, tuple[str, str]]:
    return {k.removeprefix(prefix): v for k, v in CATALOGUE.items() if k.startswith(prefix)}


def _text(key: str, language: Any, **values: object) -> str:
    from klantreis.words import text

    return text(f"diff.{key}", language, **values)


def _tables() -> dict[str, object]:
    # Keyed by the enum values (str enums compare equal to them), as the words are.
    return {
        "MESSAGES": {k: v for k, v in _table("diff.").items() if "." not in k},
        "KINDS": _table("diff.kind."),
        "VERDICTS": _table("diff.verdict."),
        "OUTCOMES": _table("diff.outcome."),
        "FLAGS": _table("diff.flag."),
        "COLLECTIONS": {
            k: (v, _table("diff.collections.")[k]) for k, v in _table("diff.collection.").items()
        },
        "FIELDS": _table("field."),
        "text": _text,
    }


def __getattr__(name: str) -> object:
    tables = _tables()
    if name not in tables:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"klantreis.compare.messages.{name} is deprecated; use klantreis.words.text()",
        DeprecationWarning,
        stacklevel=2,
    )
    return tables[name]
