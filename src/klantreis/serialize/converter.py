"""The configured cattrs converter: strict hooks for every type a journey file holds.

:func:`make_converter` builds a new one; callers that read their own document types
(a workshop plan, a diff, exporter options) build theirs from it and add their hooks
there, so that no module changes another's converter. The hooks raise
:class:`Invalid` (or :class:`ManyInvalid`) with a code and a path below the
attribute; :func:`klantreis.serialize.structuring.problems_from_exception` turns
them into located problems.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import linecache
import math
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, get_args

import attrs
from cattrs import Converter
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from klantreis import model
from klantreis._fields import SURROGATE
from klantreis.errors import PathPart
from klantreis.model import (
    Channel,
    Duration,
    Language,
    Note,
    NoteKind,
    PainPoints,
    Quality,
    Rating,
    Step,
    SystemBoundary,
)
from klantreis.serialize.limits import Rejected
from klantreis.typeinfo import is_optional, is_tuple_of, non_none
from klantreis.words import Message

__all__ = [
    "Invalid",
    "ManyInvalid",
    "describe",
    "duration_text",
    "expect",
    "make_converter",
    "parse_duration",
    "structure_enum",
    "suggest",
    "unknown_key",
    "unstructure_enum",
    "value_words",
]

T = TypeVar("T")


class Invalid(ValueError):
    """A value of the wrong shape; *path* goes below the attribute it was found at.

    *message* and *hint* are catalogue :class:`~klantreis.words.Message`\\ s (told in
    the document's language later), or plain text for hooks that have none.
    ``message`` and ``hint`` hold them told in English; ``wording`` and
    ``hint_wording`` the messages themselves.
    """

    def __init__(
        self,
        message: str | Message,
        code: str = "wrong-type",
        path: tuple[PathPart, ...] = (),
        hint: str | Message | None = None,
    ) -> None:
        self.wording = message if isinstance(message, Message) else None
        self.hint_wording = hint if isinstance(hint, Message) else None
        told = message("en") if isinstance(message, Message) else message
        super().__init__(told)
        self.message, self.code, self.path = told, code, path
        self.hint = hint("en") if isinstance(hint, Message) else hint


class ManyInvalid(ValueError):
    """Several problems found by one hook."""

    def __init__(self, errors: list[Invalid]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def value_words(value: Any) -> Message:
    """How a value reads in a message, in any language: ``the text 'x'``, ``a list``."""
    if value is None:
        return Message("read.value.null")
    if isinstance(value, bool):
        return Message("read.value.bool", value=str(value).lower())
    if isinstance(value, Rejected):
        return Message("read.value.rejected", value=repr(value))
    if isinstance(value, (int, float)):
        return Message("read.value.number", value=repr(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Message("read.value.text", value=shown)
    if isinstance(value, list):
        return Message("read.value.list")
    if isinstance(value, dict):
        return Message("read.value.mapping")
    return Message("read.value.other", type=type(value).__name__)


def unknown_key(key: str, cls: str) -> Message:
    """``unknown key 'x' in a Step`` (``an Action``) for a key *cls* does not have."""
    return Message(
        "read.unknown-key-an" if cls[:1] in "AEIOU" else "read.unknown-key", key=key, cls=cls
    )


def describe(value: Any) -> str:
    """How a value reads in an English message: ``the text 'x'``, ``nothing (null)``."""
    return value_words(value)("en")


def expect(kind: str | Message, value: Any, hint: str | Message | None = None) -> Invalid:
    """The :class:`Invalid` for a value that is not *kind*: ``expected kind, got ...``."""
    return Invalid(Message("read.expected", kind=kind, value=value_words(value)), hint=hint)


def _str(value: Any, _: type) -> str:
    if isinstance(value, str):
        if SURROGATE.search(value):  # JSON's "\ud800": no file or terminal can take it
            raise Invalid(Message("read.surrogate"), code="bad-text")
        return value
    quote = isinstance(value, (bool, int, float))
    raise expect(Message("read.kind.text"), value, Message("read.quote-it") if quote else None)


def _int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise expect(Message("read.kind.whole-number"), value)


def _float(value: Any, _: type) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise expect(Message("read.kind.number"), value)


def _number_out(value: float) -> float | int:
    """A number as a file writes it: ``42`` for a whole number, not ``42.0``."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise expect(Message("read.kind.true-false"), value)


def _date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise expect(Message("read.kind.date"), value)


def suggest(word: str, choices: Iterable[str]) -> Message | None:
    """``did you mean 'x'?`` for the closest of *choices*, if any is close."""
    import difflib  # only for a value that missed

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Message("problem.did-you-mean", word=close[0]) if close else None


def structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    """The strict hook for an enumeration: its value, or a problem that lists the choices."""
    if isinstance(value, str):  # the fast path for valid values: one dict look-up
        member = cl._value2member_map_.get(value)
        if member is not None:
            return member
        from klantreis.aliases import resolve  # only when the value missed

        member = resolve(cl, value)  # 'telefoon' for phone, 'Gedaan' for done
        if member is not None:
            return member
    choices = [m.value for m in cl]
    if isinstance(value, str):
        from klantreis.aliases import suggest_alias, suggest_value

        raise Invalid(
            Message("read.unknown-value", value=value, choices=", ".join(choices)),
            code="unknown-value",
            hint=suggest_value(cl, value) or suggest_alias(cl, value) or _from_label(value, cl),
        )
    raise expect(Message("read.kind.one-of", choices=", ".join(choices)), value)


def _from_label(word: str, cl: type[enum.Enum]) -> Message | None:
    """A hint for a value written as its Dutch or English label (``gedaan`` for done)."""
    from klantreis.templates import LABELS

    words = {
        word.strip(): member
        for member in cl
        for label in LABELS.get(member, ())
        for word in label.casefold().split("/")
    }
    folded = word.casefold().strip()
    import difflib

    close = difflib.get_close_matches(folded, list(words), n=1, cutoff=0.7)
    if not close and len(folded) >= 4:  # 'kennis' for 'Kennis, houding en vaardigheden ...'
        close = [w for w in words if w.startswith(folded)][:1]
    if close:
        return Message("read.label-hint", value=words[close[0]].value)
    return None


def parse_duration(text: str) -> Duration:
    """Read a duration as people write it (:meth:`Duration.parse`); else ``bad-duration``.

    >>> parse_duration("4-6 weken")
    Duration(amount=4.0, unit=<DurationUnit.WEEKS: 'weeks'>, up_to=6.0)
    """
    try:
        return Duration.parse(text)
    except ValueError as exc:
        wording = getattr(exc, "wording", None)
        raise Invalid(wording or str(exc), code="bad-duration") from None


def _duration(value: Any, _: type) -> Duration:
    if isinstance(value, str):
        return _parse_duration(value)
    raise expect(Message("read.kind.duration"), value)


_parse_duration: Callable[[str], Duration] = functools.lru_cache(maxsize=1024)(parse_duration)
"""parse_duration, remembered: a journey repeats a few dozen durations (a Duration is
immutable, so one may serve every step; a text that is refused is not remembered)."""


def _votes(votes: Any, path: tuple[PathPart, ...], errors: list[Invalid]) -> tuple[int, ...]:
    """The votes written at *path*: one whole number or a list of them (else errors)."""
    if isinstance(votes, int) and not isinstance(votes, bool):
        return (votes,)
    if isinstance(votes, list) and votes:
        bad = [
            _below(expect(Message("read.kind.whole-number"), v), (*path, i))
            for i, v in enumerate(votes)
            if not isinstance(v, int) or isinstance(v, bool)
        ]
        errors.extend(bad)
        return () if bad else tuple(votes)
    errors.append(
        Invalid(
            Message("read.expected", kind=Message("read.kind.votes"), value=value_words(votes)),
            path=path,
        )
    )
    return ()


def _ratings(value: Any, _: type) -> tuple[Rating, ...]:
    if not isinstance(value, dict):
        raise expect(Message("read.kind.ratings"), value)
    ratings: list[Rating] = []
    errors: list[Invalid] = []
    for scale, votes in value.items():
        if isinstance(votes, dict) and votes:  # {client: [2, 3], medewerker: 4}
            flat: list[int] = []
            whose: list[str] = []
            before = len(errors)
            for perspective, some in votes.items():
                if not isinstance(perspective, str):
                    errors.append(
                        _below(expect(Message("read.kind.perspective"), perspective), (scale,))
                    )
                    continue
                found = _votes(some, (scale, perspective), errors)
                flat.extend(found)
                whose.extend([perspective] * len(found))
            if len(errors) == before:
                ratings.append(Rating(scale, tuple(flat), perspectives=tuple(whose)))
            continue
        found = _votes(votes, (scale,), errors)
        if found:
            ratings.append(Rating(scale, found))
    if errors:
        raise ManyInvalid(errors)
    return tuple(ratings)


def _votes_out(votes: tuple[int, ...]) -> int | list[int]:
    return votes[0] if len(votes) == 1 else list(votes)


def _ratings_out(ratings: tuple[Rating, ...]) -> dict[str, Any]:
    return {
        r.scale: {p: _votes_out(v) for p, v in r.by_perspective().items()}
        if r.perspectives
        else _votes_out(r.votes)
        for r in ratings
    }


_NOTE_KEYS = {kind.value: kind for kind in NoteKind}


def _note(value: Any, _: type) -> Note:
    if not isinstance(value, dict):
        raise expect(Message("read.kind.note"), value)
    from klantreis.aliases import suggest_key

    kinds = [k for k in value if k in _NOTE_KEYS]
    extra = [k for k in value if k not in _NOTE_KEYS and k not in ("author", "suggestion", "tags")]
    errors = [
        Invalid(
            unknown_key(k, "Note"),
            code="unknown-key",
            path=(k,),
            hint=suggest_key(k, [*_NOTE_KEYS, "author", "suggestion", "tags"]),
        )
        for k in extra
    ]
    if len(kinds) != 1:
        errors.append(Invalid(Message("read.bad-note", n=len(kinds)), code="bad-note"))
    fields: dict[str, Any] = {}
    for key in (*kinds[:1], "author", "suggestion"):
        if key in value:
            try:
                fields[key] = (
                    _str(value[key], str) if value[key] is not None or key in kinds else None
                )
            except Invalid as exc:
                errors.append(_below(exc, (key,)))
    tags: list[str] = []
    if value.get("tags") is not None:
        if not isinstance(value["tags"], list):
            errors.append(_below(expect(Message("read.kind.text-list"), value["tags"]), ("tags",)))
        else:
            for i, tag in enumerate(value["tags"]):
                try:
                    tags.append(_str(tag, str))
                except Invalid as exc:
                    errors.append(_below(exc, ("tags", i)))
    if errors:
        raise ManyInvalid(errors)
    return Note(
        kind=_NOTE_KEYS[kinds[0]],
        text=fields[kinds[0]],
        author=fields.get("author"),
        suggestion=fields.get("suggestion"),
        tags=tags,
    )


def _below(exc: Invalid, path: tuple[PathPart, ...]) -> Invalid:
    """*exc* found at *path* below the value its hook was given."""
    return Invalid(exc.wording or exc.message, exc.code, path, exc.hint_wording or exc.hint)


def _note_out(note: Note) -> dict[str, Any]:
    out: dict[str, Any] = {note.kind.value: note.text}
    if note.author is not None:
        out["author"] = note.author
    if note.suggestion is not None:
        out["suggestion"] = note.suggestion
    if note.tags:
        out["tags"] = list(note.tags)
    return out


_ENUMS = tuple(
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == model.__name__
)


def duration_text(language: Language) -> Callable[[Duration], str]:
    """The unstructure hook that writes a :class:`Duration` in *language* (``2-4 weken``).

    The texts are remembered: a journey repeats a few dozen durations thousands of times.
    """
    if language is Language.EN:
        return _ENGLISH_DURATION
    return functools.lru_cache(maxsize=1024)(lambda duration: duration.text(language))


_ENGLISH_DURATION: Callable[[Duration], str] = functools.lru_cache(maxsize=1024)(Duration.text)


def unstructure_enum(member: enum.Enum) -> Any:
    """An enumeration member as written to files: its value."""
    return member._value_  # not .value, a descriptor: this runs for every channel and unit


def make_converter(*, detailed_validation: bool = True) -> Converter:
    """A new converter configured for journey files: strict hooks, unknown keys refused.

    Each call builds a fresh one, so a caller may register hooks for its own types
    (a workshop plan's times of day, say) without changing what anyone else reads.
    With *detailed_validation* off, the converter accepts and refuses exactly the
    same data but stops at the first problem, without collecting every problem and
    its path: the fast way to read data that is almost always right, with the
    detailed converter run again only to explain a failure.
    """
    conv = Converter(
        forbid_extra_keys=True, detailed_validation=detailed_validation, omit_if_default=True
    )
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(float, _float)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(dt.date, _date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(float, _number_out)
    # The model's enums are str subclasses: register each class itself, or the str
    # hooks above would take them.
    for enum_class in _ENUMS:
        conv.register_structure_hook(enum_class, structure_enum)
        conv.register_unstructure_hook(enum_class, unstructure_enum)
    conv.register_structure_hook(Duration, _duration)
    conv.register_unstructure_hook(Duration, duration_text(Language.EN))
    conv.register_structure_hook(Note, _note)
    conv.register_unstructure_hook(Note, _note_out)

    # The hooks of optional values and of tuples look their inner type's hook up once,
    # when the converter first meets the type, not once per value.
    def optional(t: Any) -> Callable[[Any, Any], Any]:
        inner = non_none(t)[0]
        inner_hook = conv.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else inner_hook(value, inner)

        return structure_optional

    conv.register_structure_hook_factory(is_optional, optional)

    def sequence(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = get_args(t)[0]
        item_hook = conv.get_structure_hook(item_type)

        def structure_fast(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise expect(Message("read.kind.list"), value)
            return tuple([item_hook(item, item_type) for item in value])

        def structure_detailed(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise expect(Message("read.kind.list"), value)
            items, errors = [], []
            for i, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:
                    exc.__notes__ = [  # type: ignore[attr-defined]  # PEP 678 notes, 3.10 too
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"@ index {i}", i, item_type),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(items)

        return structure_detailed if detailed_validation else structure_fast

    conv.register_structure_hook_factory(is_tuple_of, sequence)

    def sequence_out(t: Any) -> Callable[[Any], list[Any]]:
        item_hook = conv.get_unstructure_hook(get_args(t)[0])

        def unstructure_items(items: tuple[Any, ...]) -> list[Any]:
            return [item_hook(item) for item in items]

        return unstructure_items

    conv.register_unstructure_hook_factory(is_tuple_of, sequence_out)
    # Registered after the generic tuple hooks, so that they win for ratings.
    is_ratings: Callable[[Any], bool] = lambda t: t == tuple[Rating, ...]  # noqa: E731
    conv.register_structure_hook_func(is_ratings, _ratings)
    conv.register_unstructure_hook_func(is_ratings, _ratings_out)

    boundary_fn = make_dict_structure_fn(SystemBoundary, conv)

    def boundary(value: Any, t: type) -> SystemBoundary:
        if isinstance(value, str):
            return SystemBoundary(text=value)
        return _mapping_only(boundary_fn)(value, t)

    conv.register_structure_hook(SystemBoundary, boundary)
    boundary_out = make_dict_unstructure_fn(SystemBoundary, conv, _cattrs_omit_if_default=True)
    conv.register_unstructure_hook(
        SystemBoundary,
        lambda b: b.text if b.reason is None and b.options is None else boundary_out(b),
    )

    def structure_factory(cl: type) -> Callable[[Any, type], Any]:
        return _mapping_only(make_dict_structure_fn(cl, conv))

    def unstructure_factory(cl: type) -> Callable[[Any], dict[str, Any]]:
        return _unstructure_fn(cl, conv)

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    if not detailed_validation:
        step = _fast_step(conv, structure_factory(Step))
        if step is not None:
            conv.register_structure_hook(Step, step)
    return conv


STEP_FIELDS = (
    "title",
    "id",
    "phase",
    "lane",
    "description",
    "actor",
    "channels",
    "duration",
    "ratings",
    "pain_points",
    "moment_of_truth",
    "sentiment",
    "result",
    "keep",
    "quality",
    "boundaries",
    "notes",
    "indicators",
)
"""The fields of :class:`Step` the fast structure function knows, in the model's order.

When the model's fields differ (a field added), the fast function is not used and the
generated one reads steps; ``tests/test_fast_load.py`` says so.
"""


class _NotPlain(ValueError):
    """The fast reader's refusal: the careful reader says what is wrong, and where."""


def _fast_step(conv: Converter, generic: Callable[[Any, type], Step]) -> Callable[..., Step] | None:
    """A structure function for a :class:`Step` as nearly every file writes one (fast).

    A step is 10,000 of the 14,500 objects of a 10,000-step journey. This one checks each
    value as the model's converters and validators would (text is a str without lone
    surrogates, ids in NFC, ratings whole numbers, a bool a bool) and sets the checked
    values on a new instance, as attrs' own ``__init__`` does, without running them a
    second time; the nested values go through the converter's strict hooks, which build
    them through their constructors. Anything it is not sure of (a step without an id,
    a value of the wrong type) raises, and the careful reader explains it; a key it does
    not know is refused like an unknown key.
    """
    if tuple(a.name for a in attrs.fields(Step)) != STEP_FIELDS:
        return None
    hints = {a.name: a.type for a in attrs.fields(Step)}
    hook = {name: conv.get_structure_hook(hints[name]) for name in STEP_FIELDS}
    channels_hook, channels_t = hook["channels"], hints["channels"]
    duration_hook, duration_t = hook["duration"], hints["duration"]
    pain_hook, pain_t = hook["pain_points"], hints["pain_points"]
    quality_hook, quality_t = hook["quality"], hints["quality"]
    boundaries_hook, boundaries_t = hook["boundaries"], hints["boundaries"]
    notes_hook, notes_t = hook["notes"], hints["notes"]
    sentiment_hook, sentiment_t = hook["sentiment"], hints["sentiment"]
    ratings_hook, ratings_t = hook["ratings"], hints["ratings"]
    indicators_hook, indicators_t = hook["indicators"], hints["indicators"]
    no_pain, no_quality = PainPoints(), Quality()  # immutable: one default for every step
    keys = frozenset(STEP_FIELDS)
    channel_of = Channel._value2member_map_
    absent = object()  # a key left out, told apart from a null
    new, put = object.__new__, object.__setattr__
    surrogate, nfc = SURROGATE.search, unicodedata.normalize
    str_, rating = str, _trusted_rating

    def text(value: Any) -> str:
        if type(value) is not str_ or (not value.isascii() and surrogate(value)):
            raise _NotPlain
        return value

    def ident(value: Any) -> str:
        if type(value) is not str_:
            raise _NotPlain
        if value.isascii():
            return value
        if surrogate(value):
            raise _NotPlain
        return nfc("NFC", value)

    def structure_step(value: Any, t: type) -> Step:
        if type(value) is not dict or "id" not in value:
            return generic(value, t)  # refused there, or an id to derive
        if not keys.issuperset(value):
            raise _NotPlain
        get = value.get
        description, actor, duration = get("description"), get("actor"), get("duration")
        # the fields that are no optional: left out is the default, null is refused
        channels, ratings, boundaries, notes = (
            get("channels", absent),
            get("ratings", absent),
            get("boundaries", absent),
            get("notes", absent),
        )
        pain, quality = get("pain_points", no_pain), get("quality", no_quality)
        moment, keep = get("moment_of_truth", False), get("keep", False)
        if type(moment) is not bool or type(keep) is not bool:
            raise _NotPlain
        sentiment, result = get("sentiment"), get("result")
        indicators = get("indicators", absent)
        step = new(Step)
        put(step, "title", text(value["title"]))
        for name in ("id", "phase", "lane"):  # ids in ASCII, as nearly all are: no call
            item = value[name]
            put(step, name, item if type(item) is str_ and item.isascii() else ident(item))
        put(step, "description", None if description is None else text(description))
        put(step, "actor", None if actor is None else ident(actor))
        if channels is absent:
            put(step, "channels", ())
        elif type(channels) is not list:
            raise _NotPlain
        else:
            try:  # the values themselves: a look-up each
                put(step, "channels", tuple([channel_of[c] for c in channels]))
            except (KeyError, TypeError):  # a Dutch word, or refused by the hook
                put(step, "channels", channels_hook(channels, channels_t))
        put(step, "duration", None if duration is None else duration_hook(duration, duration_t))
        if type(ratings) is dict:
            try:
                put(step, "ratings", tuple([rating(ident(s), v) for s, v in ratings.items()]))
            except _NotPlain:  # votes per perspective: the ratings' own hook reads them
                put(step, "ratings", ratings_hook(ratings, ratings_t))
        elif ratings is absent:
            put(step, "ratings", ())
        else:
            raise _NotPlain
        put(step, "pain_points", pain if pain is no_pain else pain_hook(pain, pain_t))
        put(step, "moment_of_truth", moment)
        put(
            step, "sentiment", None if sentiment is None else sentiment_hook(sentiment, sentiment_t)
        )
        put(step, "result", None if result is None else text(result))
        put(step, "keep", keep)
        put(step, "quality", quality if quality is no_quality else quality_hook(quality, quality_t))
        put(
            step,
            "boundaries",
            () if boundaries is absent else boundaries_hook(boundaries, boundaries_t),
        )
        put(step, "notes", () if notes is absent else notes_hook(notes, notes_t))
        put(
            step,
            "indicators",
            () if indicators is absent else indicators_hook(indicators, indicators_t),
        )
        return step

    return structure_step


_ONLY_INT = {int}


def _trusted_rating(scale: str, votes: Any) -> Rating:
    """A :class:`Rating` of a checked scale id and votes that are whole numbers (fast)."""
    if type(votes) is int:
        votes = (votes,)
    elif type(votes) is list and votes and set(map(type, votes)) == _ONLY_INT:  # no bool
        votes = tuple(votes)
    else:
        raise _NotPlain  # votes per perspective, or a label: the careful reader's
    rating = object.__new__(Rating)
    object.__setattr__(rating, "scale", scale)
    object.__setattr__(rating, "votes", votes)
    object.__setattr__(rating, "perspectives", ())
    return rating


def _unstructure_fn(cl: type, conv: Converter) -> Callable[[Any], dict[str, Any]]:
    """The plain data of a *cl*: fields in order, defaults left out, ids always written.

    What cattrs' ``make_dict_unstructure_fn`` with ``omit_if_default`` writes, as one
    straight-line function generated for the class (as cattrs generates its own): each
    field's hook looked up once, text, numbers and enums written inline, a tuple's item
    hook bound once, and a default made by a factory (``PainPoints()``) made once, not
    for every step it is compared with: the model's values are immutable.
    """
    attrs.resolve_types(cl)
    names: dict[str, Any] = {}
    lines = [f"def unstructure_{cl.__name__}(value):", "    out = {}"]
    for a in attrs.fields(cl):
        default = a.default
        expression = _value_expression(a.type, "v", f"h_{a.name}", conv, names)
        if a.name == "id" or default is attrs.NOTHING:
            lines += [f"    v = value.{a.name}", f"    out[{a.name!r}] = {expression}"]
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs' stub
            if default.takes_self:
                names[f"d_{a.name}"] = default.factory
                test = f"not v == d_{a.name}(value)"  # __eq__, without attrs' __ne__
            else:
                names[f"d_{a.name}"] = default.factory()
                test = f"not v == d_{a.name}"
        elif default is None:
            test = "v is not None"
            if is_optional(t := a.type) and len(non_none(t)) == 1:  # no None to write
                expression = _value_expression(non_none(t)[0], "v", f"h_{a.name}", conv, names)
        elif default == () and is_tuple_of(a.type):
            test = "v"  # a tuple field holds a tuple (its converter makes one)
        elif isinstance(default, enum.Enum):
            names[f"d_{a.name}"] = default
            test = f"v is not d_{a.name}"  # its validator allows members only
        else:
            names[f"d_{a.name}"] = default
            test = f"not v == d_{a.name}"
        lines += [
            f"    v = value.{a.name}",
            f"    if {test}:",
            f"        out[{a.name!r}] = {expression}",
        ]
    lines.append("    return out")
    return _compile(lines, names, f"unstructure_{cl.__name__}")


def _value_expression(
    t: Any, v: str, name: str, conv: Converter, names: dict[str, Any], optional: bool = True
) -> str:
    """The Python expression that unstructures *v* of type *t* (hooks put in *names*)."""
    if optional and is_optional(t) and len(non_none(t)) == 1:
        inner = _value_expression(non_none(t)[0], v, name, conv, names, False)
        return inner if inner == v else f"None if {v} is None else {inner}"
    hook = conv.get_unstructure_hook(t)
    if hook is identity:  # text, numbers, yes/no
        return v
    if hook is unstructure_enum:
        return f"{v}._value_"
    if is_tuple_of(t) and getattr(hook, "__name__", "") == "unstructure_items":
        item = _value_expression(get_args(t)[0], "i", name + "_i", conv, names)
        return f"list({v})" if item == "i" else f"[{item} for i in {v}]"
    names[name] = hook
    return f"{name}({v})"


def _compile(lines: list[str], names: dict[str, Any], function: str) -> Callable[..., Any]:
    """Define *function* from its source *lines*, its tracebacks showing the source."""
    source = "\n".join(lines) + "\n"
    filename = f"<klantreis generated {function}-{next(_GENERATED)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)  # our own source, above
    return names[function]  # type: ignore[no-any-return]


_GENERATED = itertools.count()


def _mapping_only(fn: Callable[[Any, type], T]) -> Callable[[Any, type], T]:
    def structure(value: Any, t: type) -> T:
        if not isinstance(value, dict):
            raise expect(Message("read.kind.mapping-of", cls=t.__name__), value)
        return fn(value, t)

    return structure
