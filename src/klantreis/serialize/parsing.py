"""From bytes to plain data: decoding, telling YAML from JSON, and JSON reading."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

try:
    import orjson as _orjson
except ImportError:  # not on PyPy, nor where it was left out: the standard library reads
    _orjson = None  # type: ignore[assignment]

from klantreis._files import reading
from klantreis.errors import LoadError, Problem
from klantreis.serialize.limits import Format, Limits, Rejected
from klantreis.serialize.yaml_reader import SourceMap, read_yaml, too_deep
from klantreis.words import Message

__all__ = ["check_depth", "decode", "parse", "parse_json_fast", "read_bytes", "sniff"]


def decode(data: bytes, source: str | None) -> str:
    def fail(message: Message, line: int | None = None) -> LoadError:
        return LoadError(
            Problem.told("bad-encoding", message, language="en", source=source, line=line)
        )

    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail(Message("read.utf-32"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(Message("read.utf-16"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        not_utf_8 = Message("read.not-utf-8-at", byte=data[exc.start], offset=exc.start)
        raise fail(not_utf_8, line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        if text[1:40:2].count("\x00") > 10 or text[0:40:2].count("\x00") > 10:
            raise fail(Message("read.looks-utf-16"), line)
        raise fail(Message("read.nul"), line)
    return text


def sniff(text: str, source: str | None) -> Format:
    if source is not None:
        suffix = Path(source).suffix.lower()
        if suffix == ".json":
            return "json"
        if suffix in (".yaml", ".yml"):
            return "yaml"
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


class _DuplicateKey(Exception):
    pass


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def parse(
    text: str, fmt: Format, source: str | None, limits: Limits
) -> tuple[Any, SourceMap, list[Problem]]:
    """Text to plain data, a source map, and the problems found while parsing."""
    if not text.strip():
        raise LoadError(Problem.told("empty", Message("read.empty"), language="en", source=source))
    if fmt == "json":
        try:
            data = json.loads(
                text,
                object_pairs_hook=_json_pairs,
                parse_constant=Rejected,
                parse_int=lambda s: int(s) if len(s) <= limits.max_digits else Rejected(s),
            )
        except json.JSONDecodeError as exc:
            raise LoadError(
                Problem.told(
                    "invalid-json",
                    Message("read.invalid-json", what=exc.msg),  # the json module's own words
                    language="en",
                    source=source,
                    line=exc.lineno,
                    column=exc.colno,
                )
            ) from None
        except RecursionError:
            raise too_deep(limits, source) from None
        except _DuplicateKey:
            # JSON is YAML: the YAML reader finds the duplicate keys with their lines.
            data, problems = read_yaml(text, source, limits)
            return data, SourceMap(text), problems
        check_depth(data, limits, source)
        return data, SourceMap(text), []
    data, problems = read_yaml(text, source, limits)
    return data, SourceMap(text), problems


_BIG_EXPONENT = re.compile(rb"e\+[0-9]{2}")
"""How orjson writes a float of 1e19 or more: what it makes of a whole number beyond 64 bits."""
_BLANK_BEFORE_COLON = re.compile('"[ \t\n\r]+:')
_KEY_END = re.compile('"[ \t\n\r]*:')
_KEY_END_BYTES = re.compile(b'"[ \t\n\r]*:')


def parse_json_fast(text: str, limits: Limits) -> tuple[bool, Any]:
    """``(True, data)`` when orjson reads *text* as :func:`parse` would; else ``(False, None)``.

    orjson keeps the last of a key given twice, so the keys are counted: every key in
    the text ends in ``"``, blanks and ``:``, so the text has at least as many such ends
    as keys; the compact JSON of what orjson read has exactly one per key it kept, plus
    the same ends inside strings (``\\":``) as the text, as long as the text writes no
    ``\\u`` escape (which could spell a quote). Equal counts prove that no key was lost.
    Anything else (no orjson, an escape, an error, NaN, a lower digit limit, a number of
    1e19 or more, which is what orjson makes of a whole number beyond 64 bits) is left to
    :func:`parse`, which says where. The numbers are checked in the compact text orjson
    writes back, a fifth of the size of an indented file, for an exponent of two digits or
    more: a whole number beyond 64 bits has at least 20 digits, so it comes back as
    ``1.8446744073709552e+19`` or longer (text that merely holds ``e+12`` takes the
    careful way too, which reads it the same).
    """
    if _orjson is None or limits.max_digits < 20 or "\\u" in text:
        return False, None
    try:
        data = _orjson.loads(text)
        written = _orjson.dumps(data)
    except (_orjson.JSONDecodeError, _orjson.JSONEncodeError, RecursionError):
        return False, None
    if _BIG_EXPONENT.search(written) is not None:
        return False, None
    if _BLANK_BEFORE_COLON.search(text) is None:  # as klantreis writes: count in C
        same = text.count('":') == written.count(b'":')
    else:
        same = len(_KEY_END.findall(text)) == len(_KEY_END_BYTES.findall(written))
    return (True, data) if same else (False, None)


def check_depth(data: Any, limits: Limits, source: str | None) -> None:
    """Raise ``too-deep`` when plain *data* nests deeper than *limits* allow."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.max_depth:
            raise too_deep(limits, source)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))


def read_bytes(path: Path, limits: Limits) -> bytes:
    source = str(path)

    def fail(message: Message) -> LoadError:
        return LoadError(Problem.told("unreadable", message, language="en", source=source))

    with reading(source):
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise fail(Message("read.too-large", size=size, limit=limits.max_bytes))
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise fail(Message("read.over-limit", limit=limits.max_bytes))
    return data
