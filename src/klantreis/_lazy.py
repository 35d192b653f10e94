"""Names of a package imported on first use: one ``__getattr__`` and ``__dir__`` for all.

``klantreis``, ``klantreis.compare``, ``klantreis.manage`` and ``klantreis.workshop``
name their API in ``__all__`` but import the module that defines a name only when it is
first used, so that ``import klantreis`` (and ``klantreis --help``) stays cheap. This is
the bottom layer: it imports nothing of klantreis.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy"]


def lazy(
    package: str,
    where: Mapping[str, str],
    public: Iterable[str],
    *,
    renamed: Mapping[str, str] | None = None,
    removed_in: str = "",
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of *package*, importing each name on first use.

    *where* maps a name to the module that defines it: absolute (``klantreis.errors``)
    or relative to *package* (``.compute``). A name once imported is kept in the
    package, so the next use costs nothing. *renamed* maps old names to new ones that
    still work, with a :class:`DeprecationWarning` saying the old name goes in
    *removed_in*. ``dir()`` lists *public*.

    >>> getattr_, dir_ = lazy("json", {"JSONEncoder": ".encoder"}, ["JSONEncoder"])
    >>> getattr_("JSONEncoder").__module__, dir_()
    ('json.encoder', ['JSONEncoder'])
    """
    names = sorted(public)
    old = dict(renamed or {})

    def __getattr__(name: str) -> Any:
        if name in old:
            import warnings

            new = old[name]
            warnings.warn(
                f"{package}.{name} is now {package}.{new} (the old name goes in {removed_in})",
                DeprecationWarning,
                stacklevel=2,
            )
            return __getattr__(new)
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib  # here: `import klantreis` does not pay for it

        value = getattr(importlib.import_module(module, package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return names

    return __getattr__, __dir__
