"""The JSON Schema of the journey file format, generated from the model.

Editors use it to complete and check journey files (VS Code's YAML extension, for
example, with a ``# yaml-language-server: $schema=...`` line). The schema describes
what a person may write, so ids are optional (they are derived from titles), and a
fixed value may be written as klantreis reads it: in another case, with accents or
extra spaces, or as one of its Dutch words (:mod:`klantreis.aliases`); a rating may
be a label of its scale. An editor using the schema flags nothing klantreis reads.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from klantreis import model
from klantreis._version import __version__
from klantreis.model import Duration, Journey, Note, NoteKind, Rating, SystemBoundary
from klantreis.serialize import FORMAT_VERSION
from klantreis.typeinfo import is_optional, non_none

__all__ = ["SCHEMA_ID", "SchemaBuilder", "json_schema", "said_pattern", "schema_text"]

SCHEMA_ID = f"https://klantreis.readthedocs.io/schema/journey-{FORMAT_VERSION}.json"


def _description(obj: Any) -> str | None:
    doc = inspect.getdoc(obj)
    return doc.split("\n\n")[0].replace("\n", " ") if doc else None


class SchemaBuilder:
    """Builds JSON Schema for attrs classes, collecting shared definitions in ``defs``.

    Other document types (a workshop plan) subclass it and override
    :meth:`type_schema` for their own types.
    """

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, t: Any) -> dict[str, Any]:
        """The schema of a value of type *t*."""
        origin, args = get_origin(t), get_args(t)
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is float:
            return {"type": "number"}
        if t is dt.date:
            return {"type": "string", "format": "date"}
        if t is Duration:
            return {
                "type": "string",
                "description": "A duration or range: '2 weeks', '4-6 weeks', '45 minutes'.",
                "pattern": r"^\s*\d+([.,]\d+)?\s*((-|–|to|tot)\s*\d+([.,]\d+)?)?\s*\w+\.?\s*$",
                "examples": ["2 weeks", "4-6 weken", "45 minutes"],
            }
        if t == tuple[Rating, ...]:
            vote = {
                "anyOf": [
                    {"type": "integer"},
                    {
                        "type": "string",
                        "description": "A label of the scale ('slecht' is 2 on emotion); "
                        "klantreis fmt writes the number.",
                    },
                ]
            }
            votes = [vote, {"type": "array", "items": vote, "minItems": 1}]
            number = {"type": "integer"}  # votes per perspective are numbers, not labels
            numbers = [number, {"type": "array", "items": number, "minItems": 1}]
            return {
                "type": "object",
                "description": "Scale id to a rating: one number (or label), a list of votes, "
                "or the votes per perspective (perspective id to one number or a list of "
                "numbers).",
                "additionalProperties": {
                    "oneOf": [
                        *votes,
                        {
                            "type": "object",
                            "minProperties": 1,
                            "additionalProperties": {"oneOf": numbers},
                        },
                    ]
                },
                "examples": [
                    {"emotion": 2, "motivation": [1, 2, 2]},
                    {"emotion": {"client": [2, 3], "medewerker": 4}},
                ],
            }
        if t is Note:
            return self.ref("Note", self.note)
        if t is SystemBoundary:
            return {"oneOf": [{"type": "string"}, self.ref("SystemBoundary", self.attrs_class, t)]}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return self.ref(t.__name__, self.enum, t)
        if origin in (Union, types.UnionType):
            schemas = [self.type_schema(a) for a in non_none(t)]
            if is_optional(t):
                schemas.append({"type": "null"})
            return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0])}
        if attrs.has(t):
            return self.ref(t.__name__, self.attrs_class, t)
        raise TypeError(f"no schema for {t!r}")  # pragma: no cover - a model change

    def ref(self, name: str, build: Any, *args: Any) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = build(*args)
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, t: type[enum.Enum]) -> dict[str, Any]:
        """The values of *t*, its Dutch words, and any of them as klantreis reads them."""
        from klantreis.aliases import ALIASES

        values = [m.value for m in t]
        aliases = sorted(set(ALIASES.get(t.__name__, {})) - set(values))
        choices: list[dict[str, Any]] = [{"enum": values}]
        if aliases:
            choices.append(
                {
                    "enum": aliases,
                    "description": "A Dutch word for one of the values; klantreis fmt "
                    "writes the value.",
                }
            )
        choices.append(
            {
                "type": "string",
                "pattern": said_pattern([*values, *aliases]),
                "description": "Any of these in another case, with accents or extra spaces.",
            }
        )
        schema: dict[str, Any] = {"anyOf": choices}
        if description := _description(t):
            schema["description"] = description
        return schema

    def attrs_class(self, cl: type) -> dict[str, Any]:
        hints = get_type_hints(cl, vars(model))
        properties: dict[str, Any] = {}
        required = []
        for a in attrs.fields(cl):
            prop = dict(self.type_schema(hints[a.name]))
            description = a.metadata.get("description")
            if a.name == "id":
                description = "A stable id; derived from the title or name when left out."
            if description:
                prop = (
                    {**prop, "description": description}
                    if "$ref" not in prop
                    else {
                        "allOf": [prop],
                        "description": description,
                    }
                )
            properties[a.name] = prop
            if a.default is attrs.NOTHING:
                required.append(a.name)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if description := _description(cl):
            schema["description"] = description
        if required:
            schema["required"] = required
        return schema

    def note(self) -> dict[str, Any]:
        text = {"type": "string"}
        kinds = [k.value for k in NoteKind]
        return {
            "type": "object",
            "description": _description(Note),
            "properties": {
                **{k: {**text, "description": f"A {k} post-it."} for k in kinds},
                "author": text,
                "suggestion": {**text, "description": "For a disagreement: the suggestion."},
                "tags": {
                    "type": "array",
                    "items": text,
                    "description": "Words that group this post-it with pain points and "
                    "post-its of other journeys carrying the same tag (klantreis portfolio).",
                },
            },
            "oneOf": [{"required": [k]} for k in kinds],
            "additionalProperties": False,
        }


_MARKS = "[\u0300-\u036f]*"
"""Combining accents, which klantreis.aliases.fold drops."""


def _letter(c: str) -> str:
    """A pattern for the letter *c* in either case, with or without an accent."""
    from klantreis.aliases import fold

    if not c.isalpha():
        return c if c.isalnum() or c == "-" else re.escape(c)  # '\\-' is an error in ECMA 262
    variants = {c.lower(), c.upper()} | {
        chr(n) for n in range(0xC0, 0x180) if fold(chr(n)) == c.lower()
    }
    return "[" + "".join(sorted(variants)) + "]" + _MARKS


def said_pattern(words: list[str]) -> str:
    """A regular expression for *words* as klantreis reads them (:func:`~klantreis.aliases.fold`).

    Case, accents and runs of spaces do not matter; JSON Schema has no flag for that.

    >>> import re
    >>> bool(re.search(said_pattern(["sociale media"]), " Sociále   MEDIA "))
    True
    """
    alternatives = (
        "\\s+".join("".join(_letter(c) for c in part) for part in word.split()) for word in words
    )
    return "^\\s*(?:" + "|".join(alternatives) + ")\\s*$"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a journey file, as a dict."""
    builder = SchemaBuilder()
    root = builder.attrs_class(Journey)
    root["properties"] = {
        "format_version": {
            "const": FORMAT_VERSION,
            "description": "The version of the file format.",
        },
        **root["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "klantreis journey",
        "$comment": f"Generated by klantreis {__version__}.",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """The JSON Schema as indented JSON text."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
