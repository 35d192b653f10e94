"""The fresh process of the conformance kit's cross-process check (no hypothesis here).

``python -m klantreis.testing._process REQUEST RESULT``: loads the exporter the way
the request says (its entry point, or the module attribute that holds it), renders
each journey of the request in each language and pickles the outputs (or the error
text) to *RESULT*. Its standard output stays empty unless the plugin writes to it
while it is imported or while it renders; the parent checks that.
"""

from __future__ import annotations

import importlib
import pickle
import sys
from pathlib import Path
from typing import Any


def _exporter(locator: tuple[str, str, str]) -> Any:
    kind, where, name = locator
    if kind == "module":  # "module", "package.module", "ATTRIBUTE"
        return getattr(importlib.import_module(where), name)
    from klantreis.exporting import get_exporter

    if kind == "entry-point":  # load it here, not through the host, so its prints show
        from importlib.metadata import entry_points

        from klantreis.plugins import ENTRY_POINT_GROUP

        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name == where:
                ep.load()
                break
    if kind == "file":  # a single-file plugin: loading it again does nothing
        from klantreis.plugins import load_plugin_file

        load_plugin_file(where)
    return get_exporter(name)


def main(request_path: str, result_path: str) -> int:
    """Render what *request_path* asks for; write the outputs to *result_path*."""
    from klantreis.exporters.base import make_options
    from klantreis.exporting import render

    request = pickle.loads(Path(request_path).read_bytes())
    exporter = _exporter(request["locator"])
    options = make_options(exporter, request["options"])
    outputs: list[str | bytes] = []
    for journey in request["journeys"]:
        for language in request["languages"]:
            try:
                outputs.append(render(exporter, journey, options, language=language))
            except Exception as exc:
                outputs.append(f"<failed: {type(exc).__name__}: {exc}>")
    Path(result_path).write_bytes(pickle.dumps(outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
