"""Ids a writer left out, derived from titles: unique, stable, in document order."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from klantreis.model import slugify

__all__ = ["derive_ids", "unique_id"]

_NAMED: tuple[tuple[str, str], ...] = (
    ("actors", "name"),
    ("scales", "name"),
    ("phases", "name"),
    ("lanes", "name"),
    ("steps", "title"),
    ("actions", "title"),
    ("insights", "text"),
)
"""Each collection of a journey and the field its ids are derived from."""


def unique_id(base: str, taken: Container[str], tried: dict[str, int] | None = None) -> str:
    """*base*, or *base*-2, -3, ...: the first not in *taken* (the caller adds it).

    *tried* remembers where the search for each base stopped (every candidate before
    it is taken, and stays taken), so many steps with one title cost linear time.

    >>> unique_id("intake", {"intake", "intake-2"})
    'intake-3'
    """
    n = tried.get(base, 1) if tried is not None else 1
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    if tried is not None:
        tried[base] = n
    return candidate


def derive_ids(data: Any) -> Any:
    """Fill in the ids a writer left out, from titles, unique within each collection.

    Ids are derived in document order and never collide with ids written out, so the
    same file always gets the same ids. Returns a new mapping; *data* is not changed.
    """
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if "id" not in data and isinstance(data.get("title"), str):
        data["id"] = slugify(data["title"], fallback="journey")
    for key, named in _NAMED:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        taken = {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
        fallback = key.rstrip("s")
        tried: dict[str, int] = {}
        new_items = []
        for item in items:
            if isinstance(item, dict) and "id" not in item and isinstance(item.get(named), str):
                new_id = unique_id(slugify(item[named], fallback=fallback), taken, tried)
                taken.add(new_id)
                item = {**item, "id": new_id}
            new_items.append(item)
        data[key] = new_items
    return data
