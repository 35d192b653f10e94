"""The file format's version, the two formats, and the bounds on what the loader accepts."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["DEFAULT_LIMITS", "FORMAT_VERSION", "Format", "Limits", "Rejected"]

FORMAT_VERSION = 1
"""The version of the file format, written as ``format_version`` at the top of a file.

It changes only when a file written by this version could be misread by an older
klantreis; it is independent of the package's version.
"""

Format = Literal["yaml", "json"]


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on what the loader accepts, so that hostile files fail fast.

    Embedders that handle larger journeys pass their own ``Limits`` to :func:`load`.
    """

    max_bytes: int = 64 * 1024 * 1024
    """The largest file, in bytes."""
    max_depth: int = 32
    """The deepest nesting of lists and mappings (a journey file needs about 6)."""
    max_digits: int = 20
    """The longest integer, in digits."""
    max_problems: int = 1000
    """Stop collecting problems after this many."""


DEFAULT_LIMITS = Limits()


class Rejected:
    """A scalar the loader refused to turn into a Python number (too long, NaN, inf).

    It flows into structuring, where every strict hook reports it at its location.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text if len(self.text) < 40 else f"{self.text[:20]}... ({len(self.text)} chars)"
