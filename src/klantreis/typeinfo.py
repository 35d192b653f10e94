"""What a type annotation says, for the converters and the schema: optional, a tuple of.

Written once here for the journey converter, the exporters' options, the diff's
field values and the JSON Schema.

>>> is_optional(int | None), strip_optional(int | None), is_tuple_of(tuple[str, ...])
(True, <class 'int'>, True)
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

__all__ = ["is_optional", "is_tuple_of", "non_none", "strip_optional"]


def is_optional(t: Any) -> bool:
    """Whether *t* is a union that allows ``None`` (``X | None``, ``Optional[X]``)."""
    return get_origin(t) in (Union, types.UnionType) and type(None) in get_args(t)


def non_none(t: Any) -> list[Any]:
    """The members of the union *t* other than ``None`` (``[t]`` for a plain type)."""
    if get_origin(t) in (Union, types.UnionType):
        return [a for a in get_args(t) if a is not type(None)]
    return [t]


def strip_optional(t: Any) -> Any:
    """``X`` for ``X | None``; any other type as it is."""
    inner = non_none(t)
    return inner[0] if len(inner) == 1 else t


def is_tuple_of(t: Any) -> bool:
    """Whether *t* is ``tuple[X, ...]``."""
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis
