"""Writing is canonical: keys in the model's order, defaults left out, ids always written.

So files diff well in git and load back equal.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import attrs
import yaml

try:
    import orjson as _orjson
except ImportError:  # not on PyPy, nor where it was left out: the standard library writes
    _orjson = None  # type: ignore[assignment]

from klantreis._files import atomic_write
from klantreis.model import Journey
from klantreis.serialize.limits import DEFAULT_LIMITS, FORMAT_VERSION, Format
from klantreis.serialize.structuring import unstructure
from klantreis.serialize.yaml_reader import TAG, plain_scalar

__all__ = ["Dumper", "dump", "dumps", "json_text", "to_data"]


def to_data(journey: Journey, *, include_defaults: bool = False) -> dict[str, Any]:
    """The canonical plain data of *journey*, as written to files.

    Values equal to their default are left out, except ids. With
    *include_defaults*, the scales and lanes are written even when they are the
    template's, so that a person can see and edit them.
    """
    data: dict[str, Any] = {"format_version": FORMAT_VERSION}
    # durations in the words of the file: '2-4 weken'
    data.update(unstructure(journey, language=journey.language))
    if include_defaults:
        for key in ("scales", "lanes"):
            data.setdefault(key, unstructure(getattr(journey, key)))
        order = [a.name for a in attrs.fields(Journey)]
        data = {"format_version": FORMAT_VERSION, **{k: data[k] for k in order if k in data}}
    return data


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style for multi-line text, so long descriptions read well and diff well."""


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(text: str) -> bool:
    try:
        return bool(_ISO_DATE.fullmatch(text)) and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _is_date(value):  # a date: written plain, as people write it
        return dumper.represent_scalar(TAG + "timestamp", value)
    style: str | None = None
    if "\n" in value and not value.endswith((" ", "\n\n")):
        style = "|"
    elif not isinstance(plain_scalar(value, DEFAULT_LIMITS), str):
        style = "'"  # YAML 1.1 writers leave e.g. 0e0 plain; our YAML 1.2 reader would not
    return dumper.represent_scalar(TAG + "str", value, style=style)


Dumper.add_representer(str, _represent_str)


def json_text(data: Any) -> str:
    """*data* as canonical JSON text: two-space indent, non-ASCII kept, a final newline.

    orjson writes it (about 30 times faster than the standard library's pure-Python
    indenting encoder) where it is installed, as it is on CPython; the standard library
    writes the same text elsewhere, and for what orjson refuses (an integer beyond 64 bits).
    """
    if _orjson is not None:
        try:
            text = _orjson.dumps(data, option=_orjson.OPT_INDENT_2).decode("utf-8") + "\n"
        except _orjson.JSONEncodeError:
            pass
        else:
            if "0.0000" not in text and not any(
                text[m.start() - 1].isdigit() for m in _SHORT_EXPONENT.finditer(text)
            ):
                return text
            # a float below 1e-4: orjson writes 0.00006 and 1e-7 where Python (and so
            # the standard library) writes 6e-05 and 1e-07
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_SHORT_EXPONENT = re.compile(r"e-[0-9](?![0-9])")
"""A one-digit negative exponent, as orjson writes it (Python writes two digits)."""


def dumps(journey: Journey, format: Format = "yaml", *, include_defaults: bool = False) -> str:
    """The canonical text of *journey* in YAML or JSON (see :func:`to_data`)."""
    data = to_data(journey, include_defaults=include_defaults)
    if format == "json":
        return json_text(data)
    if format != "yaml":
        raise ValueError(f"unknown format {format!r}; use 'yaml' or 'json'")
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=88, indent=2)


def dump(journey: Journey, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write *journey* to *path* atomically, as YAML or JSON (by suffix when not given)."""
    fmt: Format = format or ("json" if Path(path).suffix.lower() == ".json" else "yaml")
    atomic_write(path, dumps(journey, fmt).encode("utf-8"))
