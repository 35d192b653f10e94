"""A Griffe extension that turns the Sphinx roles in klantreis's docstrings into links.

klantreis's docstrings name other objects the Sphinx way (``:class:`~klantreis.LoadError```,
``:func:`validate```), which reads well in ``help()`` and an editor. mkdocstrings
does not know these roles and would print them raw; this extension rewrites each into
an mkdocs-autorefs reference to the object it names, resolved from where the
docstring stands (``:func:`validate``` in ``klantreis.validation`` is
``klantreis.validation.validate``). A name that cannot be resolved, or whose page is
not part of the site, is shown as code: the reference is optional, so the strict
build never fails on it.

``mkdocs.yml`` loads it with ``extensions: [tools/griffe_sphinx_roles.py]``.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`<>]+)`")


def _resolve(obj: griffe.Object | griffe.Alias, name: str) -> str | None:
    """The full path of *name* as seen from *obj*'s scope, or ``None``."""
    if name.startswith("klantreis"):
        return name
    head, _, rest = name.partition(".")
    scope: Any = obj
    while scope is not None:
        try:
            found = scope.resolve(head)
        except (griffe.NameResolutionError, AttributeError, ValueError):
            scope = scope.parent
            continue
        return f"{found}.{rest}" if rest else str(found)
    return None


def convert(text: str, obj: griffe.Object | griffe.Alias) -> str:
    """*text* with every Sphinx role replaced by an optional cross-reference, and every
    doctest (``>>>`` up to the next blank line) fenced as a ``pycon`` code block, so
    its output is not read as Markdown (``[a][:2]`` would be a link)."""
    out: list[str] = []
    block: list[str] = []
    for line in text.split("\n"):
        if block and not line.strip():
            out += ["```pycon", *block, "```"]
            block = []
        if block or line.lstrip().startswith(">>>"):
            block.append(line)
        else:
            # rST's "Example::" introduces an indented literal block; Markdown's ":" does
            out.append(_roles(line[:-1] if line.endswith("::") else line, obj))
    if block:
        out += ["```pycon", *block, "```"]
    return "\n".join(out)


def _roles(text: str, obj: griffe.Object | griffe.Alias) -> str:
    def replace(match: re.Match[str]) -> str:
        tilde, name = match.groups()
        name = name.strip()
        shown = name.rsplit(".", 1)[-1] if tilde else name
        target = _resolve(obj, name)
        code = f"<code>{escape(shown)}</code>"
        if target is None:
            return code
        return f'<autoref identifier="{escape(target)}" optional>{code}</autoref>'

    return _ROLE.sub(replace, text)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring of a package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        seen: set[int] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = convert(obj.docstring.value, obj)
            stack.extend(m for m in obj.members.values() if not m.is_alias)
