"""The errors of comparing and patching journeys; all are :class:`~klantreis.KlantreisError`."""

from __future__ import annotations

from klantreis.errors import KlantreisError

__all__ = ["DiffError", "DiffFormatError", "PatchError"]


class DiffError(KlantreisError):
    """Two journeys cannot be compared, e.g. because an id occurs twice in a collection."""


class PatchError(KlantreisError):
    """A diff does not fit the journey it is applied to.

    Patching checks every old value as it goes: the items a diff removes, renames or
    changes must be there, as the diff saw them in its old journey.
    """


class DiffFormatError(KlantreisError):
    """A saved diff (JSON) cannot be read: wrong version, wrong shape or wrong values."""
