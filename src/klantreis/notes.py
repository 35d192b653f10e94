"""A post-it written as people write it on paper: ``? vraag (auteur)``, and read back.

The CSV exporter and the fill-in workbook write post-its this way, one per line, and
read them back with :func:`parse_note_line`. A line is the mark (``?`` question,
``!`` disagreement, ``+`` addition), the text, for a disagreement `` → suggestion``,
and the author in brackets at the end.
"""

from __future__ import annotations

from klantreis.model import Note, NoteKind

__all__ = ["note_line", "parse_note_line"]

_SYMBOLS = {kind.symbol: kind for kind in NoteKind}


def note_line(note: Note) -> str:
    """*note* as one line: ``? vraag (auteur)``, ``! bezwaar → suggestie``.

    A note whose text holds a line break, or that :func:`parse_note_line` would read
    differently (a text ending in brackets, an arrow in it), has no exact line form;
    check with ``parse_note_line(note_line(note)) == note``.
    """
    line = f"{note.kind.symbol} {note.text}"
    if note.suggestion is not None:
        line += f" → {note.suggestion}"
    if note.author is not None:
        line += f" ({note.author})"
    return line


def parse_note_line(line: str) -> Note | None:
    """Read a post-it written as :func:`note_line` writes it; ``None`` when it has no mark.

    >>> note = parse_note_line("! Te kort → Een uur (Sanne)")
    >>> note.kind.value, note.text, note.suggestion, note.author
    ('disagreement', 'Te kort', 'Een uur', 'Sanne')
    """
    kind = _SYMBOLS.get(line[:1])
    if kind is None:
        return None
    rest = line[2:] if line[1:2] == " " else line[1:]
    author = None
    if rest.endswith(")") and " (" in rest:
        rest, author = rest[:-1].rsplit(" (", 1)
    suggestion = None
    if " → " in rest:
        rest, suggestion = rest.split(" → ", 1)
    return Note(kind=kind, text=rest, author=author, suggestion=suggestion)
