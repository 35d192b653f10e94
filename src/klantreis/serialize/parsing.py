"""From bytes to plain data: decoding, telling YAML from JSON, and JSON reading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from klantreis._files import reading
from klantreis.errors import LoadError, Problem
from klantreis.serialize.limits import Format, Limits, Rejected
from klantreis.serialize.yaml_reader import SourceMap, read_yaml, too_deep

__all__ = ["decode", "parse", "read_bytes", "sniff"]


def decode(data: bytes, source: str | None) -> str:
    def fail(message: str, line: int | None = None) -> LoadError:
        return LoadError(Problem(code="bad-encoding", message=message, source=source, line=line))

    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail("the file is UTF-32; save it as UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("the file is UTF-16; save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
            line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        if text[1:40:2].count("\x00") > 10 or text[0:40:2].count("\x00") > 10:
            raise fail(
                "the file looks like UTF-16 (every other byte is NUL); save it as UTF-8", line
            )
        raise fail("the file holds a NUL byte: it is binary, not a journey file", line)
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
        raise LoadError(Problem(code="empty", message="the file is empty", source=source))
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
                Problem(
                    code="invalid-json",
                    message=f"invalid JSON: {exc.msg}",
                    source=source,
                    line=exc.lineno,
                    column=exc.colno,
                )
            ) from None
        except RecursionError:
            raise LoadError(
                Problem(code="too-deep", message="the document is nested too deep", source=source)
            ) from None
        except _DuplicateKey:
            # JSON is YAML: the YAML reader finds the duplicate keys with their lines.
            data, problems = read_yaml(text, source, limits)
            return data, SourceMap(text), problems
        _check_depth(data, limits, source)
        return data, SourceMap(text), []
    data, problems = read_yaml(text, source, limits)
    return data, SourceMap(text), problems


def _check_depth(data: Any, limits: Limits, source: str | None) -> None:
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

    def fail(message: str) -> LoadError:
        return LoadError(Problem(code="unreadable", message=message, source=source))

    with reading(source):
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise fail(f"the file is {size:,} bytes, over the limit of {limits.max_bytes:,}")
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise fail(f"the file is over the limit of {limits.max_bytes:,} bytes")
    return data
