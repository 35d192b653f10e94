"""The journey file format: reading and writing YAML and JSON through cattrs.

Reading goes in three stages, each of which reports *every* problem it finds with its
location: the text is parsed (YAML 1.2 scalars, no aliases or custom tags, no key
given twice), ids left out by the writer are derived from titles, and cattrs
structures the data with strict hooks (``"false"`` is not ``True``, ``3.7`` is not
``3``). Domain rules are not run here: :func:`klantreis.load` and
:func:`klantreis.validate` (in :mod:`klantreis.validation`) add them.

Writing is canonical: keys in the model's order, defaults left out, ids always
written, so that files diff well in git and load back equal.

The modules, by job:

- ``limits``: the format version, the formats, the loader's :class:`Limits`
- ``parsing``: bytes to text to plain data (decoding, JSON, telling YAML from JSON)
- ``yaml_reader``: YAML from libyaml's events, with lines; the source map
- ``ids``: ids derived from titles
- ``converter``: the strict hooks and :func:`make_converter`
- ``structuring``: plain data to model objects, failures to located problems
- ``reading``: :func:`read_document` and :class:`Document`
- ``writing``: :func:`to_data`, :func:`dumps`, :func:`dump`
"""

from __future__ import annotations

from klantreis.serialize.converter import make_converter, parse_duration
from klantreis.serialize.ids import derive_ids
from klantreis.serialize.limits import DEFAULT_LIMITS, FORMAT_VERSION, Format, Limits
from klantreis.serialize.reading import Document, read_document
from klantreis.serialize.structuring import structure, structure_as
from klantreis.serialize.writing import dump, dumps, to_data

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "Document",
    "Format",
    "Limits",
    "derive_ids",
    "dump",
    "dumps",
    "make_converter",
    "parse_duration",
    "read_document",
    "structure",
    "structure_as",
    "to_data",
]
