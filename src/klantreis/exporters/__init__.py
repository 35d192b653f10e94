"""Exporters: the :class:`Exporter` record and its options, which a plugin builds.

An exporter is a frozen record: a name, a one-line description, a file suffix, a
media type, whether its output is text or bytes (and the encoding of text), an
options class and a render function from a journey to ``str`` or ``bytes`` (or
chunks of them), told what else it asks for by name (:class:`RenderContext`). It
never holds a path or a file handle: the host writes every export, atomically, so a
failed export never leaves a half-written file or clobbers an existing one.

Exporters come from plugins (see :mod:`klantreis.hookspecs` and
:mod:`klantreis.plugins`); klantreis's own (Markdown, CSV, Graphviz) are plugins too.
:func:`klantreis.export` (in :mod:`klantreis.exporting`) finds one by name and runs it.
"""

from __future__ import annotations

from klantreis.exporters.base import (
    CONTEXT_ARGUMENTS,
    Exporter,
    NoOptions,
    OptionInfo,
    RenderContext,
    RenderOutput,
    WordLookup,
    encode,
    localize,
    make_options,
    option,
)

__all__ = [
    "CONTEXT_ARGUMENTS",
    "Exporter",
    "NoOptions",
    "OptionInfo",
    "RenderContext",
    "RenderOutput",
    "WordLookup",
    "encode",
    "localize",
    "make_options",
    "option",
]
