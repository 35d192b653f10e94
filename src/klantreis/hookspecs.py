"""The hooks a klantreis plugin can implement: the reference for plugin authors.

A plugin is a module (or any object) with functions marked ``@klantreis.hookimpl``
whose names match the specifications below. An installed package makes its plugin
known through the ``klantreis`` entry-point group::

    [project.entry-points.klantreis]
    mermaid = "klantreis_mermaid"

klantreis's own exporters are plugins too: they implement the same hooks, and are
listed in :data:`klantreis.plugins.DEFAULT_PLUGINS`.

Rules that keep plugins working across versions: a specification may gain
arguments in a later version, never lose or rename one; an implementation may
accept fewer arguments than the specification offers (pluggy passes only the ones
it names).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from klantreis.exporters.base import Exporter

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec", "klantreis_register_exporters"]

PROJECT_NAME = "klantreis"
"""The pluggy project name; also the name of the entry-point group."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks a function in this module as a hook specification."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's function as the implementation of a hook (``@klantreis.hookimpl``)."""


@hookspec
def klantreis_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Contribute zero or more exporters by calling ``register(exporter)`` for each.

    **When it is called:** once per process, the first time anything needs the list
    of exporters (``klantreis.list_exporters()``, ``klantreis.export()``, ``klantreis
    formats``, ``klantreis export``). Plugins are not loaded by ``import klantreis``.

    **Arguments:** *register* takes one :class:`klantreis.exporters.Exporter`. It
    raises :class:`klantreis.PluginError` when given something else; the host catches
    that and reports the plugin as broken.

    **What to return:** nothing (``None``). Do not write files or print: the host
    writes every export, atomically.

    **Failures:** if the implementation raises, or returns something other than
    ``None``, none of its exporters are registered, the plugin is listed as broken
    with the reason, and every other plugin keeps working. An exporter whose name is
    already taken by another plugin is refused; the listing names both plugins.

    **Added in:** klantreis 0.1.0.

    Example::

        import klantreis
        from klantreis.exporters import Exporter

        @klantreis.hookimpl
        def klantreis_register_exporters(register):
            register(Exporter(name="outline", description="...", suffix=".txt",
                              media_type="text/plain", render=render_outline))
    """
