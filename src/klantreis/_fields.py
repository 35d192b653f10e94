"""What a field of the model accepts: converters and validators for attrs fields.

Every field of klantreis's attrs classes either converts a value it can convert
without guessing (a str to its enum, a list to a tuple, ``"2026-03-26"`` to a date)
or its validator refuses the value with a :class:`TypeError` or :class:`ValueError`
that names the class, the field and what it accepts. A converter that cannot convert
hands the value on unchanged, so that the validator, which knows the class and the
field, says what is wrong. mypy's attrs plugin reads a converter's first parameter as
what the constructor accepts, so converters are named functions with honest
parameter types (a generic or a factory-made converter would hide the type).

Validators here check one field; rules that span objects (references, unique ids)
are in :mod:`klantreis.rules`, which reports every problem with its path.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn, TypeVar

import attrs

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

Check = Callable[[Any, "attrs.Attribute[Any]", Any], None]

SURROGATE = re.compile("[\ud800-\udfff]")

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""A control character no reader sees: C0 and C1 controls but the tab, the line feed and
the carriage return, and the non-characters U+FFFE and U+FFFF. The rule
``control-character`` reports them; exports leave them out."""


def show(value: Any) -> str:
    """A value as a message shows it: its repr (cut at 60 characters) and its type."""
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({type(value).__name__})"


def refuse(
    instance: Any,
    attribute: attrs.Attribute[Any],
    expected: str,
    value: Any,
    error: type[Exception] = TypeError,
    at: int | str | None = None,
) -> NoReturn:
    """Raise *error*: ``Class.field[at]: expected ..., got ...``."""
    where = f"{type(instance).__name__}.{attribute.name}"
    if at is not None:
        where += f"[{at!r}]"
    raise error(f"{where}: expected {expected}, got {show(value)}")


def is_text(value: Any) -> bool:
    """Whether *value* is a str (not a subclass such as a str enum)."""
    return type(value) is str


def is_int(value: Any) -> bool:
    """Whether *value* is an int and not a bool."""
    return type(value) is int  # bool is not a number of votes, points or people


def is_bool(value: Any) -> bool:
    """Whether *value* is True or False."""
    return type(value) is bool  # 1 and 0 are not yes and no


def is_date(value: Any) -> bool:
    """Whether *value* is a date and not a datetime (which a file cannot hold)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: text, without lone surrogates (no file or terminal can take them)."""
    if type(value) is not str:
        refuse(instance, attribute, "text (a str)", value)
    if not value.isascii() and SURROGATE.search(value):
        refuse(instance, attribute, "text without lone surrogates", value, ValueError)


def check_optional_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A validator: text or None."""
    if value is not None:
        check_text(instance, attribute, value)


def kind(expected: str, test: Callable[[Any], bool], *, optional: bool = False) -> Check:
    """A validator: *test* holds for the value (or it is None, when *optional*)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not (test(value) or (optional and value is None)):
            refuse(instance, attribute, expected + (" or None" if optional else ""), value)

    return check


def instance(cls: type, *, optional: bool = False) -> Check:
    """A validator: the value is a *cls* (or None, when *optional*)."""
    article = "an" if cls.__name__[0] in "AEIOU" else "a"
    return kind(f"{article} {cls.__name__}", lambda v: isinstance(v, cls), optional=optional)


def member(cls: type[enum.Enum], *, optional: bool = False) -> Check:
    """A validator: the value is a member of *cls* (a str that is none is a ValueError)."""
    expected = f"one of {', '.join(repr(m.value) for m in cls)} (a {cls.__name__})"

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not (isinstance(value, cls) or (optional and value is None)):
            error = ValueError if isinstance(value, str) else TypeError
            refuse(instance, attribute, expected + (" or None" if optional else ""), value, error)

    return check


def each(expected: str, test: Callable[[Any], bool]) -> Check:
    """A validator: the value is a tuple whose every item passes *test*."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple:
            refuse(instance, attribute, f"a list or tuple (each item {expected})", value)
        for i, item in enumerate(value):
            if not test(item):
                refuse(instance, attribute, expected, item, at=i)
            if type(item) is str and not item.isascii() and SURROGATE.search(item):
                refuse(instance, attribute, "text without lone surrogates", item, ValueError, i)

    return check


def each_member(cls: type[enum.Enum]) -> Check:
    """A validator: a tuple of members of *cls* (a str that is none is a ValueError)."""
    one = member(cls)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple:
            refuse(instance, attribute, f"a list or tuple (each item a {cls.__name__})", value)
        for i, item in enumerate(value):
            try:
                one(instance, attribute, item)
            except (TypeError, ValueError) as exc:
                raise type(exc)(str(exc).replace(":", f"[{i}]:", 1)) from None

    return check


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """A list, tuple or other iterable as a tuple; text and mappings are handed on."""
    if type(value) is tuple:
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # the validator refuses it, naming the field
    return tuple(value)


def as_member(cls: type[E], value: E | str) -> E:
    """The member of *cls* whose value is the text *value*, else *value* unchanged."""
    if type(value) is str:
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member  # type: ignore[return-value]  # a member of cls, by its value
    return value  # type: ignore[return-value]  # a member, or refused by the validator


def as_id(value: str) -> str:
    """An id in Unicode NFC: ids that only a byte dump tells apart are one id."""
    if type(value) is str and not value.isascii():
        return unicodedata.normalize("NFC", value)
    return value


def as_date(value: dt.date | str) -> dt.date:
    """A date, or the text of one written YYYY-MM-DD."""
    if type(value) is str and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return value  # type: ignore[return-value]  # a date, or refused by the validator


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# Converters, one per type of field. mypy's attrs plugin reads the first parameter of a
# named function as what the constructor accepts, so each is written out (a generic or
# a factory-made converter would hide the type).


def to_id(value: str) -> str:
    return as_id(value)


def to_optional_id(value: str | None) -> str | None:
    return None if value is None else as_id(value)


def to_ids(value: Iterable[str]) -> tuple[str, ...]:
    items = as_tuple(value)
    return tuple(as_id(i) for i in items) if type(items) is tuple else items


def to_texts(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


def to_date(value: dt.date | str) -> dt.date:
    return as_date(value)


def to_optional_date(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else as_date(value)


def each_instance(cls: type) -> Check:
    article = "an" if cls.__name__[0] in "AEIOU" else "a"
    return each(f"{article} {cls.__name__}", lambda v: isinstance(v, cls))


TEXT = check_text
OPTIONAL_TEXT = check_optional_text
ID = check_text
OPTIONAL_ID = check_optional_text
BOOL = kind("True or False (a bool)", is_bool)
OPTIONAL_BOOL = kind("True or False (a bool)", is_bool, optional=True)
INT = kind("a whole number (an int)", is_int)
DATE = kind("a date (datetime.date) or its text YYYY-MM-DD", is_date)
OPTIONAL_DATE = kind("a date (datetime.date) or its text YYYY-MM-DD", is_date, optional=True)
TEXTS = each("text (a str)", is_text)
