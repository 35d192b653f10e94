"""Workshop files: YAML or JSON, read and written like journey files.

The same strict reader as journeys (YAML 1.2 scalars, located problems, no key given
twice), and a converter built from the journeys' with three hooks added: times of day are
text ``H:MM`` (``9:30``; a number such as YAML 1.1's ``570`` is refused with a
message that says how to write it), the workshop's enumerations are their values, and
a ``format_version`` key is checked at the top. Writing is canonical, like journeys.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs
import yaml
from cattrs import Converter
from cattrs.gen import make_dict_structure_fn

from klantreis._files import atomic_write
from klantreis.errors import Problem, Report, Severity, ValidationError
from klantreis.model import Language
from klantreis.serialize import DEFAULT_LIMITS, Format, Limits, make_converter, read_document
from klantreis.serialize.converter import Invalid, expect, structure_enum, unstructure_enum
from klantreis.serialize.writing import Dumper, json_text
from klantreis.words import Message, language_code
from klantreis.workshop.model import ClockTime, MeetingKind, MethodStep, Workshop
from klantreis.workshop.rules import check_workshop

__all__ = [
    "WORKSHOP_FORMAT_VERSION",
    "dump_workshop",
    "dumps_workshop",
    "load_workshop",
    "loads_workshop",
    "validate_workshop",
    "workshop_schema",
    "workshop_to_data",
]

WORKSHOP_FORMAT_VERSION = 1
"""The version of the workshop file format (``format_version`` at the top of a file)."""


# --- converter hooks --------------------------------------------------------------------


def _clock(value: Any, _: type) -> ClockTime:
    if isinstance(value, str):
        try:
            return ClockTime.parse(value)
        except ValueError:
            raise Invalid(Message("read.bad-time", value=value), code="bad-time") from None
    hint = Message("read.time-hint")
    if isinstance(value, int) and not isinstance(value, bool):
        hours, minutes = divmod(value, 100)
        if 0 <= hours < 24 and minutes < 60 and value >= 100:
            hint = Message("read.time-hint-colon", time=f"{hours}:{minutes:02d}")
        elif 0 <= value < 24 * 60:
            hint = Message("read.time-hint-minutes", time=str(ClockTime.from_minutes(value)))
    elif isinstance(value, float):
        hint = Message("read.time-hint-point")
    raise expect(Message("read.kind.time"), value, hint)


def _workshop_hook(conv: Converter) -> Any:
    build = make_dict_structure_fn(Workshop, conv)

    def structure(value: Any, t: type) -> Workshop:
        if not isinstance(value, dict):
            raise expect(Message("read.kind.workshop"), value)
        value = dict(value)
        version = value.pop("format_version", WORKSHOP_FORMAT_VERSION)
        if version != WORKSHOP_FORMAT_VERSION:
            newer = (
                isinstance(version, int)
                and not isinstance(version, bool)
                and version > WORKSHOP_FORMAT_VERSION
            )
            raise Invalid(
                Message("read.workshop-format-newer", version=version)
                if newer
                else Message(
                    "read.workshop-format-unknown",
                    version=version,
                    current=WORKSHOP_FORMAT_VERSION,
                ),
                code="format-version",
                path=("format_version",),
            )
        return build(value, t)

    return structure


def _make_converter() -> Converter:
    """The journeys' converter, with the workshop's own types added."""
    conv = make_converter()
    conv.register_structure_hook(ClockTime, _clock)
    conv.register_unstructure_hook(ClockTime, str)
    for enum_class in (MeetingKind, MethodStep):
        conv.register_structure_hook(enum_class, structure_enum)
        conv.register_unstructure_hook(enum_class, unstructure_enum)
    conv.register_structure_hook(Workshop, _workshop_hook(conv))
    return conv


_converter = _make_converter()


# --- reading ----------------------------------------------------------------------------


def _finish(document: Any, source: str | None, check: bool) -> tuple[Workshop | None, Report]:
    value = document.value
    more = check_workshop(value) if value is not None and check else []
    if value is not None and source is not None:
        more.extend(_journey_link(value, source))
    return value, document.report(more)


def _journey_link(workshop: Workshop, source: str) -> list[Problem]:
    """A warning when ``journey`` names a file that is not there (relative to *source*)."""
    link = workshop.journey
    if link is None or Path(link).suffix.lower() not in (".yaml", ".yml", ".json"):
        return []
    if (Path(source).parent / link).exists():
        return []
    missing = Message("problem.journey-not-found", link=link)
    return [
        Problem.told(
            "journey-not-found",
            missing,
            language=workshop.language,
            path=("journey",),
            severity=Severity.WARNING,
        )
    ]


def validate_workshop(
    target: Workshop | str | os.PathLike[str],
    *,
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
    language: Language | str | None = None,
) -> Report:
    """Every problem of a workshop or a workshop file, errors and warnings, located.

    Messages are in the workshop's language, or in *language* when it is given.

    Raises :class:`~klantreis.LoadError` only when the file cannot be read at all.

    >>> from klantreis.workshop import workshop_template
    >>> import attrs
    >>> plan = attrs.evolve(workshop_template(1, "en"), objective=None)
    >>> [str(p) for p in validate_workshop(plan)]
    ['objective: error: the meeting has no objective: what is it for? [missing-objective]']
    """
    if isinstance(target, Workshop):
        plan: Workshop | None = target
        report = Report(tuple(check_workshop(target)))
    else:
        told = language_code(language) if language is not None else None
        document = read_document(
            target, into=Workshop, format=format, limits=limits, converter=_converter, language=told
        )
        plan, report = _finish(document, str(target), check=True)
    if language is not None:
        return report.in_language(language)
    return attrs.evolve(report, language=language_code(plan.language)) if plan else report


def load_workshop(
    source: str | os.PathLike[str],
    *,
    format: Format | None = None,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Workshop:
    """Read a workshop file (YAML or JSON).

    Raises :class:`~klantreis.LoadError` when it cannot be read and
    :class:`~klantreis.ValidationError` with every located problem when it is not a
    valid workshop (with ``check=False``, only when its structure is wrong).
    """
    document = read_document(
        source, into=Workshop, format=format, limits=limits, converter=_converter
    )
    value, report = _finish(document, str(source), check)
    if value is None or not report.ok:
        raise ValidationError(report)
    return value


def loads_workshop(
    text: str | bytes,
    *,
    format: Format | None = None,
    source: str | None = None,
    check: bool = True,
) -> Workshop:
    """Read a workshop from text; *source* names it in messages. See :func:`load_workshop`.

    >>> plan = loads_workshop("title: Intake\\nstart: 9:30\\nend: 12:00\\n", check=False)
    >>> str(plan.start), plan.available_minutes
    ('9:30', 150)
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    document = read_document(data, into=Workshop, format=format, name=source, converter=_converter)
    value, report = _finish(document, None, check)
    if value is None or not report.ok:
        raise ValidationError(report)
    return value


# --- writing ----------------------------------------------------------------------------


def workshop_to_data(workshop: Workshop) -> dict[str, Any]:
    """The canonical plain data of *workshop*: format version first, defaults left out."""
    data: dict[str, Any] = {"format_version": WORKSHOP_FORMAT_VERSION}
    data.update(_converter.unstructure(workshop))
    return data


class _WorkshopDumper(Dumper):
    """Times of day in quotes, so that a YAML 1.1 reader does not take 9:30 for 570."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if ":" in value and len(value) <= 5:
        try:
            ClockTime.parse(value)
        except ValueError:
            pass
        else:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    representer = Dumper.yaml_representers[str]
    node: yaml.ScalarNode = representer(dumper, value)
    return node


_WorkshopDumper.add_representer(str, _represent_str)


def dumps_workshop(workshop: Workshop, format: Format = "yaml") -> str:
    """The canonical text of *workshop* in YAML or JSON.

    >>> from klantreis.workshop import workshop_template
    >>> text = dumps_workshop(workshop_template(3, "en"))
    >>> loads_workshop(text) == workshop_template(3, "en")
    True
    >>> "start: '9:00'" in text
    True
    """
    data = workshop_to_data(workshop)
    if format == "json":
        return json_text(data)
    if format != "yaml":
        raise ValueError(f"unknown format {format!r}; use 'yaml' or 'json'")
    text: str = yaml.dump(
        data, Dumper=_WorkshopDumper, allow_unicode=True, sort_keys=False, width=88, indent=2
    )
    return text


def dump_workshop(
    workshop: Workshop, path: str | os.PathLike[str], *, format: Format | None = None
) -> None:
    """Write *workshop* to *path* atomically, as YAML or JSON (by suffix when not given)."""
    fmt: Format = format or ("json" if Path(path).suffix.lower() == ".json" else "yaml")
    atomic_write(path, dumps_workshop(workshop, fmt).encode("utf-8"))


# --- schema -----------------------------------------------------------------------------


def workshop_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a workshop file, as a dict."""
    from klantreis._version import __version__
    from klantreis.schema import SchemaBuilder

    class Builder(SchemaBuilder):
        def type_schema(self, t: Any) -> dict[str, Any]:
            if t is ClockTime:
                return {
                    "type": "string",
                    "pattern": r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
                    "description": "A time of day written H:MM, e.g. '9:30'.",
                    "examples": ["9:00", "13:30"],
                }
            result: dict[str, Any] = super().type_schema(t)
            return result

    builder = Builder()
    root = builder.attrs_class(Workshop)
    root["properties"] = {
        "format_version": {
            "const": WORKSHOP_FORMAT_VERSION,
            "description": "The version of the workshop file format.",
        },
        **root["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://klantreis.readthedocs.io/schema/workshop-{WORKSHOP_FORMAT_VERSION}.json",
        "title": "klantreis workshop",
        "$comment": f"Generated by klantreis {__version__}.",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
