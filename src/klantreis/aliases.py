"""Values as the facilitator says them: the Dutch (and everyday) words a file may use.

One table, :data:`ALIASES`, per enumeration of the model: the word as written (compared
without case, without accents and with runs of spaces as one, see :func:`fold`) and the
canonical value it stands for. Besides these, a step's lane may be written as the lane's
shown name (``lane: Stappen cliënt``) and a rating as its scale's label
(``emotion: slecht`` is 2): :func:`resolve_said` reads them, with the journey's own
lanes and scales. Loading accepts them all; ``klantreis fmt`` writes the canonical
value back. They are looked up only after the canonical value missed, so canonical
files pay nothing for them.

Hints for a value or key that is none of these are :class:`~klantreis.words.Message`
values, told in the journey's language, naming the canonical and the Dutch word.
"""

from __future__ import annotations

import difflib
import enum
import unicodedata
from collections.abc import Iterable
from typing import Any, Final

from klantreis.words import CATALOGUE, Message, enum_key, text

__all__ = [
    "ALIASES",
    "KEY_HINTS",
    "fold",
    "lane_hint",
    "resolve",
    "resolve_said",
    "suggest_alias",
    "suggest_key",
    "suggest_value",
]

#: Enumeration name → {alias: canonical value}. Keep each alias unambiguous.
ALIASES: Final[dict[str, dict[str, str]]] = {
    "Channel": {
        "telefoon": "phone",
        "telefonisch": "phone",
        "bellen": "phone",
        "balie": "face-to-face",
        "loket": "face-to-face",
        "persoonlijk": "face-to-face",
        "huisbezoek": "face-to-face",
        "brief": "letter",
        "post": "letter",
        "mail": "email",
        "e-mail": "email",
        "beeldbellen": "video-call",
        "videobellen": "video-call",
        "folder": "leaflet",
        "brochure": "leaflet",
        "zoekmachine": "search-engine",
        "organisatiewebsite": "website",
        "huisarts": "referrer",
        "verwijzer": "referrer",
        "sociale media": "social-media",
        "social media": "social-media",
        "externe website": "external-website",
        "overig": "other",
    },
    "Scope": {
        "zelf": "ourselves",
        "wijzelf": "ourselves",
        "anderen": "others",
    },
    "Status": {
        "voorgesteld": "proposed",
        "gepland": "planned",
        "bezig": "in-progress",
        "lopend": "in-progress",
        "gedaan": "done",
        "afgerond": "done",
        "klaar": "done",
        "vervallen": "dropped",
        "geschrapt": "dropped",
    },
    "Theme": {
        "professionals": "professionals",
        "kennis": "professionals",
        "integrale aanpak": "integral-approach",
        "stress-sensitiviteit": "stress-sensitivity",
        "stresssensitiviteit": "stress-sensitivity",
        "regelgeving": "legal-room",
        "wet- en regelgeving": "legal-room",
        "overig": "other",
    },
}


def fold(word: str) -> str:
    """*word* as aliases are compared: no case, no accents, runs of spaces as one.

    >>> fold("  Stappen  CLIËNT ")
    'stappen client'
    """
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


_FOLDED: dict[str, dict[str, str]] = {}


def _folded(name: str) -> dict[str, str]:
    """The alias table of the enumeration *name*, its words folded."""
    table = _FOLDED.get(name)
    if table is None:
        table = _FOLDED[name] = {fold(k): v for k, v in ALIASES.get(name, {}).items()}
    return table


def resolve(cl: type[enum.Enum], word: str) -> enum.Enum | None:
    """The member of *cl* that *word* names by an alias (or by its value in other case)."""
    folded = fold(word)
    value = _folded(cl.__name__).get(folded, folded)
    return cl._value2member_map_.get(value)


def suggest_alias(cl: type[enum.Enum], word: str) -> Message | None:
    """``did you mean 'phone' (telefoon)?`` when *word* is close to an alias of *cl*."""
    table = _folded(cl.__name__)
    close = difflib.get_close_matches(fold(word), list(table), n=1, cutoff=0.75)
    if not close:
        return None
    return Message("read.alias-hint", value=table[close[0]], word=close[0])


def suggest_value(cl: type[enum.Enum], word: str) -> Message | None:
    """``did you mean 'phone' (telefonisch)?`` when *word* is close to a value of *cl*.

    The Dutch name in brackets is the value's word in the catalogue.
    """
    choices = [m.value for m in cl]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return None
    member = cl(close[0])
    name = text(enum_key(member), "nl") if enum_key(member) in CATALOGUE else None
    if name is None or fold(name) == fold(member.value):
        return Message("problem.did-you-mean", word=member.value)
    return Message("read.alias-hint", value=member.value, word=name)


#: Dutch key → the English key. Keys are not read in Dutch (a file has one set of keys);
#: a Dutch key is an error whose hint names the English one.
KEY_HINTS: Final[dict[str, str]] = {
    "titel": "title",
    "naam": "name",
    "taal": "language",
    "fasen": "phases",
    "fases": "phases",
    "fase": "phase",
    "stappen": "steps",
    "stap": "steps",
    "banen": "lanes",
    "baan": "lane",
    "kanalen": "channels",
    "kanaal": "channels",
    "scores": "ratings",
    "beoordelingen": "ratings",
    "notities": "notes",
    "vraag": "question",
    "aanvulling": "addition",
    "auteur": "author",
    "acties": "actions",
    "verbeteracties": "actions",
    "inzichten": "insights",
    "actoren": "actors",
    "betrokkenen": "actors",
    "doel": "goal",
    "doorlooptijd": "lead_time",
    "duur": "duration",
    "eigenaar": "owner",
    "thema": "theme",
    "omschrijving": "description",
    "beschrijving": "description",
    "datum": "date",
    "deadline": "due",
    "knelpunten": "pain_points",
    "ideeen": "ideas",
    "ideeën": "ideas",
}


def suggest_key(key: str, allowed: Iterable[str]) -> Message | None:
    """``did you mean 'steps' (stappen)?`` for a Dutch key (or one close to it) in *allowed*.

    For a key close to an English key (``tittle``), the English key and its Dutch word.
    """
    allowed = list(allowed)
    table = {fold(dutch): english for dutch, english in KEY_HINTS.items() if english in allowed}
    close = difflib.get_close_matches(fold(key), list(table), n=1, cutoff=0.8)
    if close:
        return Message("read.key-hint", key=table[close[0]], word=close[0])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if not close:
        return None
    dutch = next((d for d, english in KEY_HINTS.items() if english == close[0]), None)
    if dutch is None:
        return Message("problem.did-you-mean", word=close[0])
    return Message("read.alias-hint", value=close[0], word=dutch)


# --- lanes by their shown names, ratings by their scale's labels ------------------------


def _lane_names(data: dict[str, Any]) -> dict[str, set[str]]:
    """Folded shown name (and id) → the ids of the lanes it names.

    The lanes a file spells out are named by their own names; the seed's lanes, when
    the file leaves them to the default, by their Dutch and their English names.
    """
    from klantreis.model import default_lanes

    names: dict[str, set[str]] = {}
    lanes = data.get("lanes")
    if isinstance(lanes, list):
        pairs = [
            (lane["id"], lane.get("name"))
            for lane in lanes
            if isinstance(lane, dict) and isinstance(lane.get("id"), str)
        ]
    else:
        pairs = [(lane.id, lane.name) for lang in ("nl", "en") for lane in default_lanes(lang)]
    for lane_id, name in pairs:
        for word in (lane_id, name):
            if isinstance(word, str) and fold(word):
                names.setdefault(fold(word), set()).add(lane_id)
    return names


def _scale_labels(data: dict[str, Any]) -> dict[str, dict[str, set[int]]]:
    """Scale id → folded label → the points it labels.

    The scales a file spells out have their own labels; the seed's scales, when the file
    leaves them to the default, their labels in the journey's language, then in the other.
    """
    from klantreis.model import default_scales

    out: dict[str, dict[str, set[int]]] = {}
    scales = data.get("scales")
    if isinstance(scales, list):
        found = [
            (s["id"], s["minimum"], s["labels"])
            for s in scales
            if isinstance(s, dict)
            and isinstance(s.get("id"), str)
            and type(s.get("minimum")) is int
            and isinstance(s.get("labels"), list)
        ]
    else:
        first = "en" if data.get("language") == "en" else "nl"
        found = [
            (s.id, s.minimum, list(s.labels))
            for lang in (first, "nl" if first == "en" else "en")
            for s in default_scales(lang)
        ]
    for scale_id, minimum, labels in found:
        table = out.setdefault(scale_id, {})
        for offset, label in enumerate(labels):
            if isinstance(label, str) and fold(label):
                table.setdefault(fold(label), set()).add(minimum + offset)
    return out


def _label_vote(
    word: str, scale: str, table: dict[str, set[int]]
) -> tuple[int | None, Message | None]:
    """The point *word* labels on *scale*, or ``None`` and the hint that says why not."""
    points = table.get(fold(word), set())
    if len(points) == 1:
        return next(iter(points)), None
    if points:
        values = ", ".join(str(p) for p in sorted(points))
        return None, Message("problem.ambiguous-label", word=word, scale=scale, values=values)
    if not table:
        return None, None
    close = difflib.get_close_matches(fold(word), list(table), n=1, cutoff=0.6)
    if close and len(table[close[0]]) == 1:
        point = next(iter(table[close[0]]))
        return None, Message("read.alias-hint", value=point, word=close[0])
    shown: dict[int, str] = {}  # the first label of each point: the journey's language
    for label, labelled in table.items():
        for point in labelled:
            shown.setdefault(point, label)
    labels = "; ".join(f"{point} {shown[point]}" for point in sorted(shown))
    return None, Message("problem.unknown-label", word=word, scale=scale, labels=labels)


def resolve_said(
    data: dict[str, Any], lane_ids: Iterable[str] = ()
) -> tuple[dict[str, Any], dict[tuple[str | int, ...], Message]]:
    """Steps' lanes written as shown names and ratings written as labels, made canonical.

    *data* is a journey's plain data with its ids derived; *lane_ids* are the ids of
    its lanes. Returns new data (*data* is not changed) and, for every label that could
    not be read, the hint for the problem at its path (an ambiguous label, or the
    closest label). A shown name that names two lanes stays as written: the rule
    ``unknown-reference`` names both lanes (:func:`lane_hint`).
    """
    steps = data.get("steps")
    if not isinstance(steps, list):
        return data, {}
    known = set(lane_ids)
    names: dict[str, set[str]] | None = None
    labels: dict[str, dict[str, set[int]]] | None = None
    hints: dict[tuple[str | int, ...], Message] = {}
    new_steps = []
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            new_steps.append(step)
            continue
        lane = step.get("lane")
        if isinstance(lane, str) and lane not in known:
            names = _lane_names(data) if names is None else names
            ids = names.get(fold(lane), set())
            if len(ids) == 1:
                step = {**step, "lane": next(iter(ids))}
        ratings = step.get("ratings")
        if isinstance(ratings, dict) and any(
            isinstance(v, str) or (isinstance(v, list) and any(isinstance(x, str) for x in v))
            for v in ratings.values()
        ):
            labels = _scale_labels(data) if labels is None else labels
            new_ratings: dict[Any, Any] = {}
            for scale, votes in ratings.items():
                table = labels.get(scale, {}) if isinstance(scale, str) else {}
                if isinstance(votes, str):
                    point, hint = _label_vote(votes, scale, table)
                    if hint is not None:
                        hints[("steps", i, "ratings", scale)] = hint
                    votes = votes if point is None else point
                elif isinstance(votes, list):
                    read = []
                    for j, vote in enumerate(votes):
                        if isinstance(vote, str):
                            point, hint = _label_vote(vote, scale, table)
                            if hint is not None:
                                hints[("steps", i, "ratings", scale, j)] = hint
                            vote = vote if point is None else point
                        read.append(vote)
                    votes = read
                new_ratings[scale] = votes
            step = {**step, "ratings": new_ratings}
        new_steps.append(step)
    return {**data, "steps": new_steps}, hints


def lane_hint(word: str, lanes: Iterable[tuple[str, str]]) -> Message | None:
    """The hint for a step's *word* that is no lane id; *lanes* are (id, shown name) pairs.

    A shown name of several lanes names them all; else the closest lane by its id, its
    name or a word of its name (``betrokkenen`` → ``stakeholders`` (Stappen per
    betrokkene)).
    """
    from klantreis.model import default_lanes

    lanes = list(lanes)
    shown = dict(lanes)
    seed = [  # the seed's lanes by their names in either language, shown by the journey's
        (lane.id, lane.name, shown[lane.id])
        for language in ("nl", "en")
        for lane in default_lanes(language)
        if lane.id in shown
    ]
    folded = fold(word)
    same = [lane_id for lane_id, name in lanes if folded in (fold(name), fold(lane_id))]
    if len(same) > 1:
        return Message("problem.ambiguous-lane-name", word=word, ids=", ".join(same))
    inside = [(i, n) for i, n in lanes if len(folded) >= 4 and folded in fold(n)]
    if inside:  # 'ideeen' in 'Verbeterideeën'
        return Message("read.alias-hint", value=inside[0][0], word=inside[0][1])
    candidates: dict[str, tuple[str, str]] = {}
    for lane_id, name, journeys_name in [(i, n, n) for i, n in lanes] + seed:
        for candidate in (fold(lane_id), fold(name), *fold(name).split()):
            candidates.setdefault(candidate, (lane_id, journeys_name))
    close = difflib.get_close_matches(folded, list(candidates), n=1, cutoff=0.6)
    if not close:
        return None
    lane_id, name = candidates[close[0]]
    return Message("read.alias-hint", value=lane_id, word=name)
