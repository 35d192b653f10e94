"""Values as the facilitator says them: the Dutch (and everyday) words a file may use.

One table, :data:`ALIASES`, per enumeration of the model: the word as written (compared
without case and with runs of spaces as one) and the canonical value it stands for.
Loading accepts them; ``klantreis fmt`` writes the canonical value back. They are looked
up only after the canonical value missed, so canonical files pay nothing for them.
"""

from __future__ import annotations

import difflib
import enum
from typing import Final

from klantreis.words import Message

__all__ = ["ALIASES", "KEY_HINTS", "resolve", "suggest_alias", "suggest_key"]

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


def _fold(word: str) -> str:
    return " ".join(word.casefold().split())


def resolve(cl: type[enum.Enum], word: str) -> enum.Enum | None:
    """The member of *cl* that *word* names by an alias (or by its value in other case)."""
    folded = _fold(word)
    value = ALIASES.get(cl.__name__, {}).get(folded, folded)
    return cl._value2member_map_.get(value)


def suggest_alias(cl: type[enum.Enum], word: str) -> Message | None:
    """``did you mean 'phone' (telefoon)?`` when *word* is close to an alias of *cl*."""
    table = ALIASES.get(cl.__name__, {})
    close = difflib.get_close_matches(_fold(word), list(table), n=1, cutoff=0.75)
    if not close:
        return None
    return Message("read.alias-hint", value=table[close[0]], word=close[0])


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


def suggest_key(key: str, allowed: list[str]) -> Message | None:
    """``did you mean 'steps' (stappen)?`` for a Dutch key (or one close to it) in *allowed*."""
    table = {dutch: english for dutch, english in KEY_HINTS.items() if english in allowed}
    close = difflib.get_close_matches(_fold(key), list(table), n=1, cutoff=0.8)
    if not close:
        return None
    return Message("read.key-hint", key=table[close[0]], word=close[0])
