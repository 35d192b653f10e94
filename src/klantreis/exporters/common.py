"""What the built-in exporters and the review sheets share: numbers, ratings, safe text.

Not an exporter: the built-in exporters import this module, the model, the
templates and :mod:`klantreis.words`, and never each other. Markdown :func:`escape`
and spreadsheet :func:`neutralise` are here so that review sheets and the workshop
guide use them without importing an exporter.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence

from klantreis import words
from klantreis._fields import CONTROL
from klantreis.aggregate import format_number, point_label
from klantreis.model import Duration, Journey, Language, Rating, Scale

__all__ = [
    "csp_hash",
    "duration_text",
    "emotion_scale",
    "escape",
    "goodness",
    "markdown_table",
    "markdown_with_code",
    "neutralise",
    "number",
    "rating_text",
    "strip_controls",
    "unneutralise",
]


def number(value: float, language: Language | str) -> str:
    """A number as people in *language* write it: ``2,5`` in Dutch, ``2.5`` in English.

    One decimal at most, halves away from zero (:func:`klantreis.aggregate.format_number`).
    """
    return format_number(value, language)


def emotion_scale(journey: Journey) -> Scale | None:
    """The scale that colours the map: ``emotion`` when there is one, else the first."""
    return journey.scale("emotion") or (journey.scales[0] if journey.scales else None)


def goodness(scale: Scale, value: float) -> float:
    """Where *value* lies on *scale* from 0 (worst end) to 1 (best end), clamped."""
    span = scale.maximum - scale.minimum
    if span <= 0 or math.isnan(value):
        return 0.5
    t = min(1.0, max(0.0, (value - scale.minimum) / span))
    return t if scale.is_better(scale.maximum, scale.minimum) else 1.0 - t


def rating_text(
    scale: Scale | None,
    rating: Rating,
    language: Language | str,
    perspectives: Mapping[str, str] | None = None,
) -> str:
    """``2 (slecht)``, or for several votes ``2,7 gem. (3, 2, 3)``; votes with a
    perspective name it (its name in *perspectives*, else its id):
    ``3 gem. (Cliënt 2, 3; Medewerker 4)``, ``4 (voldaan) – Medewerker``."""
    votes = rating.votes
    names = perspectives or {}
    groups = rating.by_perspective()
    if len(votes) == 1:
        label = scale.label(votes[0]) if scale is not None else None
        whose = "".join(f" – {names.get(p, p)}" for p in groups)
        return f"{votes[0]}" + (f" ({label})" if label else "") + whose
    if not votes:
        return words.text("export.not_rated", language)
    mean = rating.value
    label = point_label(scale, mean) if scale is not None else None
    shown = (
        "; ".join(f"{names.get(p, p)} {', '.join(str(v) for v in vs)}" for p, vs in groups.items())
        if groups
        else ", ".join(str(v) for v in votes)
    )
    text = f"{number(mean, language)} {words.text('export.mean', language)} ({shown})"
    return text + (f" – {label}" if label else "")


def csp_hash(text: str) -> str:
    """The Content-Security-Policy source that allows the inline ``<style>`` or
    ``<script>`` whose content is *text*: ``'sha256-...'``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def strip_controls(text: str) -> str:
    """*text* without control characters; tabs, newlines and carriage returns stay."""
    return CONTROL.sub("", text)


def duration_text(duration: Duration, language: Language | str) -> str:
    """A duration in *language*: ``2-4 weken``, ``45 minutes``."""
    amount = number(duration.amount, language)
    if duration.up_to is not None:
        amount += "-" + number(duration.up_to, language)
    unit = duration.text(language).split(" ", 1)[1]  # singular or plural, as the model says
    return f"{amount} {unit}"


# --- safe text in Markdown and spreadsheets ---------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
# Markdown punctuation that changes meaning anywhere in a line; `#` too, so that a
# heading's text never gains a closing sequence; `$` for GitHub's and GitLab's math.
_INLINE = re.compile(r"([\\`*_\[\]|~#$])")
# At the start of a line these open a block (quote, list, setext underline).
_LINE_START = re.compile(r"^([>+\-=])")
_ORDINAL = re.compile(r"^(\d+)([.)])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str, *, breaks: str = "<br>") -> str:
    """*text* as literal Markdown inline content: nothing in it is taken as syntax.

    Line breaks become *breaks* (``<br>``: the text stays on one source line, so it
    is safe in a table cell); ``&``, ``<`` and ``>`` become entities; Markdown
    punctuation is backslash-escaped; control characters are dropped.

    >>> escape("a | b\\nc <b>d</b> *e*")
    'a \\\\| b<br>c &lt;b&gt;d&lt;/b&gt; \\\\*e\\\\*'
    """
    text = strip_controls(text).replace("\t", " ")
    lines = []
    for line in _LINE_BREAKS.split(text):
        line = _INLINE.sub(r"\\\1", line)
        line = "".join(_ENTITIES.get(c, c) for c in line)
        line = _LINE_START.sub(r"\\\1", line.strip(" "))
        lines.append(_ORDINAL.sub(r"\1\\\2", line))
    return breaks.join(lines)


_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(text: str) -> str:
    """*text* made safe for a spreadsheet: a ``'`` in front when it could run as a formula.

    A text that already starts with ``'`` gets one more only when a formula trigger
    follows the apostrophes, so that reading back (which takes one off there) is exact.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-2"), neutralise("fine")
    ('\\'=HYPERLINK("http://x")', "'-2", 'fine')
    >>> neutralise("'s-Hertogenbosch"), neutralise("'=1")
    ("'s-Hertogenbosch", "''=1")
    """
    return "'" + text if text.lstrip("'").startswith(_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """The inverse of :func:`neutralise`: one ``'`` off, only where a formula trigger follows.

    >>> unneutralise("'=1"), unneutralise("'s-Hertogenbosch"), unneutralise("''-2")
    ('=1', "'s-Hertogenbosch", "'-2")
    """
    if text.startswith("'") and text.lstrip("'").startswith(_TRIGGERS):
        return text[1:]
    return text


def markdown_with_code(text: str | None) -> str:
    """klantreis's own text as Markdown: escaped, with `backticks` kept as code (commands).

    >>> markdown_with_code("run `klantreis validate` *now*")
    'run `klantreis validate` \\\\*now\\\\*'
    """
    if not text:
        return ""
    out = []
    for i, part in enumerate(text.split("`")):
        if i % 2:
            out.append(f"`{part}`")
        else:  # escape() trims the edges of a line; keep the spaces around code
            lead = " " if part.startswith(" ") else ""
            tail = " " if part.endswith(" ") and part.strip() else ""
            out.append(lead + escape(part, breaks=" ") + tail)
    return "".join(out)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """The lines of a GFM table; every cell is already escaped Markdown (empty: a space).

    >>> markdown_table(["a", "b"], [["1", ""]])
    ['| a | b |', '|---|---|', '| 1 |   |']
    """
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        out.append("| " + " | ".join(cell or " " for cell in row) + " |")
    return out
