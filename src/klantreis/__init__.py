"""klantreis: customer journey mapping for health and social care.

The public API: the domain model, reading and writing journey files, validation.
Every name is imported on first use (the model's classes too), so ``import klantreis``
and ``klantreis --help`` cost little more than the interpreter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klantreis._version import __version__

if TYPE_CHECKING:
    from klantreis.compare.apply import patch
    from klantreis.compare.compute import diff
    from klantreis.compare.errors import DiffError, PatchError
    from klantreis.compare.model import Change, FieldChange, JourneyDiff, RatingChange
    from klantreis.compare.report import ActionEffect, EffectReport, effect
    from klantreis.errors import (
        ExportError,
        ExportWarning,
        KlantreisError,
        LoadError,
        PluginError,
        Problem,
        Report,
        Severity,
        ValidationError,
    )
    from klantreis.exporters import Exporter
    from klantreis.exporting import export, get_exporter, list_exporters
    from klantreis.hookspecs import hookimpl
    from klantreis.manage.iterations import History, history
    from klantreis.manage.overview import Portfolio, portfolio
    from klantreis.model import (
        Actor,
        Channel,
        Direction,
        Duration,
        DurationUnit,
        ImprovementAction,
        Insight,
        Iteration,
        Journey,
        Judgement,
        Lane,
        LaneKind,
        Language,
        Note,
        NoteKind,
        Objectives,
        PainPoints,
        Persona,
        PersonaRole,
        Phase,
        Quality,
        Rating,
        Scale,
        Scope,
        SignOff,
        Status,
        Step,
        SystemBoundary,
        Theme,
        slugify,
    )
    from klantreis.review import import_answers, review_sheet
    from klantreis.serialize import FORMAT_VERSION, Limits, dump, dumps, to_data
    from klantreis.signoff import fingerprint, sign_off
    from klantreis.templates import default_lanes, default_scales, label
    from klantreis.validation import load, loads, validate
    from klantreis.workshop import Workshop, load_workshop, validate_workshop, workshop_template

__all__ = [
    "FORMAT_VERSION",
    "ActionEffect",
    "Actor",
    "Change",
    "Channel",
    "DiffError",
    "Direction",
    "Duration",
    "DurationUnit",
    "EffectReport",
    "ExportError",
    "ExportWarning",
    "Exporter",
    "FieldChange",
    "History",
    "ImprovementAction",
    "Insight",
    "Iteration",
    "Journey",
    "JourneyDiff",
    "Judgement",
    "KlantreisError",
    "Lane",
    "LaneKind",
    "Language",
    "Limits",
    "LoadError",
    "Note",
    "NoteKind",
    "Objectives",
    "PainPoints",
    "PatchError",
    "Persona",
    "PersonaRole",
    "Phase",
    "PluginError",
    "Portfolio",
    "Problem",
    "Quality",
    "Rating",
    "RatingChange",
    "Report",
    "Scale",
    "Scope",
    "Severity",
    "SignOff",
    "Status",
    "Step",
    "SystemBoundary",
    "Theme",
    "ValidationError",
    "Workshop",
    "__version__",
    "default_lanes",
    "default_scales",
    "diff",
    "dump",
    "dumps",
    "effect",
    "export",
    "fingerprint",
    "get_exporter",
    "history",
    "hookimpl",
    "import_answers",
    "label",
    "list_exporters",
    "load",
    "load_workshop",
    "loads",
    "patch",
    "portfolio",
    "review_sheet",
    "sign_off",
    "slugify",
    "to_data",
    "validate",
    "validate_workshop",
    "workshop_template",
]

_LAZY = {
    "ExportError": "klantreis.errors",
    "ExportWarning": "klantreis.errors",
    "KlantreisError": "klantreis.errors",
    "LoadError": "klantreis.errors",
    "PluginError": "klantreis.errors",
    "Problem": "klantreis.errors",
    "Report": "klantreis.errors",
    "Severity": "klantreis.errors",
    "ValidationError": "klantreis.errors",
    "Actor": "klantreis.model",
    "Channel": "klantreis.model",
    "Direction": "klantreis.model",
    "Duration": "klantreis.model",
    "DurationUnit": "klantreis.model",
    "ImprovementAction": "klantreis.model",
    "Insight": "klantreis.model",
    "Iteration": "klantreis.model",
    "Journey": "klantreis.model",
    "Judgement": "klantreis.model",
    "Lane": "klantreis.model",
    "LaneKind": "klantreis.model",
    "Language": "klantreis.model",
    "Note": "klantreis.model",
    "NoteKind": "klantreis.model",
    "Objectives": "klantreis.model",
    "PainPoints": "klantreis.model",
    "Persona": "klantreis.model",
    "PersonaRole": "klantreis.model",
    "Phase": "klantreis.model",
    "Quality": "klantreis.model",
    "Rating": "klantreis.model",
    "Scale": "klantreis.model",
    "Scope": "klantreis.model",
    "SignOff": "klantreis.model",
    "Status": "klantreis.model",
    "Step": "klantreis.model",
    "SystemBoundary": "klantreis.model",
    "Theme": "klantreis.model",
    "slugify": "klantreis.model",
    "default_lanes": "klantreis.templates",
    "default_scales": "klantreis.templates",
    "label": "klantreis.templates",
    "FORMAT_VERSION": "klantreis.serialize",
    "Limits": "klantreis.serialize",
    "dump": "klantreis.serialize",
    "dumps": "klantreis.serialize",
    "load": "klantreis.validation",
    "loads": "klantreis.validation",
    "to_data": "klantreis.serialize",
    "validate": "klantreis.validation",
    "Exporter": "klantreis.exporters",
    "export": "klantreis.exporting",
    "get_exporter": "klantreis.exporting",
    "list_exporters": "klantreis.exporting",
    "hookimpl": "klantreis.hookspecs",
    "History": "klantreis.manage.iterations",
    "history": "klantreis.manage.iterations",
    "Portfolio": "klantreis.manage.overview",
    "portfolio": "klantreis.manage.overview",
    "ActionEffect": "klantreis.compare.report",
    "Change": "klantreis.compare.model",
    "EffectReport": "klantreis.compare.report",
    "FieldChange": "klantreis.compare.model",
    "JourneyDiff": "klantreis.compare.model",
    "RatingChange": "klantreis.compare.model",
    "diff": "klantreis.compare.compute",
    "effect": "klantreis.compare.report",
    "patch": "klantreis.compare.apply",
    "DiffError": "klantreis.compare.errors",
    "PatchError": "klantreis.compare.errors",
    "fingerprint": "klantreis.signoff",
    "import_answers": "klantreis.review",
    "review_sheet": "klantreis.review",
    "sign_off": "klantreis.signoff",
    "Workshop": "klantreis.workshop",
    "load_workshop": "klantreis.workshop",
    "validate_workshop": "klantreis.workshop",
    "workshop_template": "klantreis.workshop",
}


def __getattr__(name: str) -> Any:
    """Import each part of the API on first use, so that ``import klantreis`` is cheap."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'klantreis' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
