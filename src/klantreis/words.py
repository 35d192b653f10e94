"""Every word klantreis shows a person, in Dutch and English: one catalogue, one lookup.

The labels of the model's enumerations, the headings of the exports, the guide and
the wall, the diff report, the problems :func:`klantreis.validate` finds and the
command line's messages all live in :data:`CATALOGUE`, keyed by a dotted name, and
are looked up with :func:`text`. A message is ``(dutch, english)``; placeholders are
:meth:`str.format` fields. When a message has a ``KEY-one`` twin, it is used for
``n=1``.

The language is the journey's; the command line's ``--lang`` overrides it; messages
that belong to no journey use :func:`default_language`, which ``KLANTREIS_LANG``
sets (English when it is not set). Problem *codes* are not words: they stay English
and stable.

This module is the bottom layer: it imports nothing of klantreis.

>>> text("status.done", "nl"), text("diff.changes-count", "en", n=3)
('gedaan', '3 changes')
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
from collections.abc import Mapping

__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "Message",
    "date_text",
    "default_language",
    "enum_key",
    "language_code",
    "span",
    "span_text",
    "text",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The languages of the catalogue, in the order of its pairs."""

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- the model's enumerations: "<enum in kebab case>.<value>" ---------------------
    # LaneKind
    "lane-kind.client": ("Stappen cliënt", "Client steps"),
    "lane-kind.actor": ("Stappen betrokkene", "Stakeholder steps"),
    "lane-kind.resources": ("Middelen", "Resources"),
    "lane-kind.location": ("Locatiegebonden", "Location-bound"),
    "lane-kind.experience": ("Beleving", "Experience"),
    "lane-kind.rating": ("Score", "Rating"),
    "lane-kind.system": ("Systeem betrekken", "Involve the system"),
    "lane-kind.crucial-moments": ("Cruciale momenten", "Crucial moments"),
    "lane-kind.crucial-changes": ("Cruciale veranderingen", "Crucial changes"),
    "lane-kind.ideas": ("Verbeterideeën", "Improvement ideas"),
    "lane-kind.other": ("Overig", "Other"),
    # Channel
    "channel.phone": ("telefonisch", "phone"),
    "channel.face-to-face": ("face-to-face", "face-to-face"),
    "channel.letter": ("brief/post", "letter"),
    "channel.email": ("mail", "e-mail"),
    "channel.video-call": ("beeldbellen", "video call"),
    "channel.leaflet": ("folder", "leaflet"),
    "channel.search-engine": ("zoekmachine", "search engine"),
    "channel.website": ("organisatiewebsite", "organisation's website"),
    "channel.referrer": ("huisarts/verwijzer", "GP/referrer"),
    "channel.social-media": ("social media", "social media"),
    "channel.external-website": ("externe website", "external website"),
    "channel.chat": ("chat", "chat"),
    "channel.app": ("app", "app"),
    "channel.other": ("anders", "other"),
    # DurationUnit (KEY-one is the singular: "1 week", "2 weken")
    "duration-unit.minutes": ("minuten", "minutes"),
    "duration-unit.minutes-one": ("minuut", "minute"),
    "duration-unit.hours": ("uur", "hours"),
    "duration-unit.hours-one": ("uur", "hour"),
    "duration-unit.days": ("dagen", "days"),
    "duration-unit.days-one": ("dag", "day"),
    "duration-unit.weeks": ("weken", "weeks"),
    "duration-unit.weeks-one": ("week", "week"),
    "duration-unit.months": ("maanden", "months"),
    "duration-unit.months-one": ("maand", "month"),
    "duration-unit.years": ("jaar", "years"),
    "duration-unit.years-one": ("jaar", "year"),
    # NoteKind
    "note-kind.question": ("vraag", "question"),
    "note-kind.disagreement": ("niet mee eens", "disagreement"),
    "note-kind.addition": ("aanvulling", "addition"),
    # Judgement
    "sentiment.positive": ("positief", "positive"),
    "sentiment.negative": ("negatief", "negative"),
    "judgement.good": ("goed", "good"),
    "judgement.sufficient": ("voldoende", "sufficient"),
    "judgement.insufficient": ("onvoldoende", "insufficient"),
    # Scope
    "scope.ourselves": ("Wat we zelf kunnen doen", "What we can do ourselves"),
    "scope.others": ("Waar we anderen voor nodig hebben", "What needs others"),
    # Theme
    "theme.professionals": (
        "Kennis, houding en vaardigheden van betrokken professionals",
        "Knowledge, attitude and skills of the professionals involved",
    ),
    "theme.integral-approach": (
        "Sluitende integrale aanpak gericht op preventie en empowerment",
        "A seamless, integral approach aimed at prevention and empowerment",
    ),
    "theme.stress-sensitivity": (
        "Stress-sensitiviteit in aanpak en beleid",
        "Stress-sensitivity in approach and policy",
    ),
    "theme.legal-room": (
        "Optimaal benutten van de ruimte in wet- en regelgeving",
        "Making full use of the latitude in laws and regulations",
    ),
    "theme.other": ("Overig", "Other"),
    # Status
    "status.proposed": ("voorgesteld", "proposed"),
    "status.planned": ("gepland", "planned"),
    "status.in-progress": ("bezig", "in progress"),
    "status.done": ("gedaan", "done"),
    "status.dropped": ("vervallen", "dropped"),
    # PersonaRole
    "persona-role.client": ("cliënt", "client"),
    "persona-role.employee": ("medewerker", "employee"),
    # Direction
    "direction.higher-is-better": ("hoger is beter", "higher is better"),
    "direction.lower-is-better": ("lager is beter", "lower is better"),
    # --- dates and times --------------------------------------------------------------
    "date": ("{day} {month} {year}", "{day} {month} {year}"),
    "month.1": ("januari", "January"),
    "month.2": ("februari", "February"),
    "month.3": ("maart", "March"),
    "month.4": ("april", "April"),
    "month.5": ("mei", "May"),
    "month.6": ("juni", "June"),
    "month.7": ("juli", "July"),
    "month.8": ("augustus", "August"),
    "month.9": ("september", "September"),
    "month.10": ("oktober", "October"),
    "month.11": ("november", "November"),
    "month.12": ("december", "December"),
    "span.hours": ("{hours} uur", "{hours} h"),
    "span.minutes": ("{minutes} min", "{minutes} min"),
    "span.hours-minutes": ("{hours} uur {minutes} min", "{hours} h {minutes} min"),
    # --- problems: what validate() says (the codes stay English) -----------------------
    "problem.did-you-mean": ("bedoel je {word!r}?", "did you mean {word!r}?"),
    "problem.ambiguous-lane-name": (
        "{word!r} is de naam van meer banen ({ids}): schrijf het id",
        "{word!r} is the name of several lanes ({ids}): write the id",
    ),
    "problem.ambiguous-label": (
        "{word!r} is het label van meer punten van de schaal {scale!r} ({values}): "
        "schrijf het getal",
        "{word!r} is the label of several points of the scale {scale!r} ({values}): "
        "write the number",
    ),
    "problem.unknown-label": (
        "{word!r} is geen label van de schaal {scale!r}; de labels: {labels}",
        "{word!r} is not a label of the scale {scale!r}; its labels: {labels}",
    ),
    "problem.duplicate-id": (
        "het id {id!r} is al in gebruik bij {other}",
        "the id {id!r} is already used by {other}",
    ),
    "problem.empty-journey-id": ("het id van de klantreis is leeg", "the journey's id is empty"),
    "problem.empty-id": ("het id is leeg", "the id is empty"),
    "problem.unknown-phase": ("geen fase heeft het id {id!r}", "no phase has the id {id!r}"),
    "problem.unknown-lane": ("geen baan heeft het id {id!r}", "no lane has the id {id!r}"),
    "problem.unknown-actor": ("geen betrokkene heeft het id {id!r}", "no actor has the id {id!r}"),
    "problem.unknown-scale": ("geen schaal heeft het id {id!r}", "no scale has the id {id!r}"),
    "problem.unknown-perspective": (
        "geen perspectief heeft het id {id!r} (de klantreis noemt ze onder perspectives)",
        "no perspective has the id {id!r} (the journey names them under perspectives)",
    ),
    "problem.duplicate-indicator": (
        "de indicator {id!r} staat hier al, bij {other}",
        "the indicator {id!r} is here already, at {other}",
    ),
    "problem.sentiment-without-moment": (
        "de stap heeft sentiment {sentiment!r}, maar is geen moment van de waarheid "
        "(moment_of_truth: true)",
        "the step has the sentiment {sentiment!r} but is no moment of truth "
        "(moment_of_truth: true)",
    ),
    "problem.over-norm": (
        "de doorlooptijd {lead} is langer dan de norm {norm}",
        "the lead time {lead} is longer than the norm {norm}",
    ),
    "problem.over-norm-journey": (
        "de fases duren samen {lead}, langer dan de norm van de klantreis {norm}",
        "the phases take {lead} together, longer than the journey's norm {norm}",
    ),
    "duration": ("{amount} {unit}", "{amount} {unit}"),
    "problem.unknown-step": ("geen stap heeft het id {id!r}", "no step has the id {id!r}"),
    "problem.unclear-id-begins": (
        "het id {id!r} begint met een spatie{char}",
        "the id {id!r} begins with a space{char}",
    ),
    "problem.unclear-id-ends": (
        "het id {id!r} eindigt op een spatie{char}",
        "the id {id!r} ends with a space{char}",
    ),
    "problem.unclear-id-invisible": (
        "het id {id!r} bevat een onzichtbaar teken of een ongewone spatie ({char})",
        "the id {id!r} holds an invisible character or an unusual space ({char})",
    ),
    "problem.unclear-id-hint": ("schrijf het als {id!r}", "write it as {id!r}"),
    "problem.rating-lane-scale": (
        "een scorebaan heeft een schaal nodig: het id van de schaal die ze toont",
        "a rating lane needs a scale: the id of the scale it shows",
    ),
    "problem.rating-lane-steps": (
        "de baan {lane!r} toont scores en bevat geen stappen; geef de stap een score met "
        "`ratings:`",
        "the lane {lane!r} shows ratings and holds no steps; rate the step with `ratings:` instead",
    ),
    "problem.scale-bounds": (
        "het maximum ({maximum}) moet boven het minimum ({minimum}) liggen",
        "the maximum ({maximum}) must be above the minimum ({minimum})",
    ),
    "problem.scale-labels": (
        "{labels} labels voor {points} punten ({minimum}-{maximum}); geef er één per punt, "
        "'' voor geen",
        "{labels} labels for {points} points ({minimum}-{maximum}); give one per point, "
        "'' for none",
    ),
    "problem.off-scale": (
        "{vote} ligt niet op de schaal {scale!r} ({low}-{high})",
        "{vote} is not on the scale {scale!r} ({low}-{high})",
    ),
    "problem.discussed-flag": (
        "het inzicht heeft een datum discussed_on, maar discussed is false",
        "the insight has a discussed_on date but discussed is false",
    ),
    "problem.discussed-before": (
        "besproken op {discussed}, voordat het geschreven werd ({written})",
        "discussed on {discussed}, before it was written ({written})",
    ),
    "problem.no-persona": (
        "geen persona: geef de ene cliënt of medewerker die deze klantreis volgt een naam",
        "no persona: name the one client or employee this journey follows",
    ),
    "problem.no-session-objective": (
        "geen doelstelling van de dag: waar is vandaag voor?",
        "no objective for the session: what is today for?",
    ),
    "problem.no-client-objective": (
        "geen doelstelling van de cliënt: wat wil de cliënt bereiken?",
        "no objective of the client: what does the client want?",
    ),
    "problem.no-phases": ("de klantreis heeft nog geen fases", "the journey has no phases yet"),
    "problem.empty-phase": (
        "de fase {name!r} heeft geen stappen: zijn echt alle handelingen benoemd?",
        "the phase {name!r} has no steps: are really all actions listed?",
    ),
    "problem.unrated": (
        "de beleving {title!r} heeft geen score",
        "the experience {title!r} has no rating",
    ),
    "problem.idea-without-action": (
        "het verbeteridee {title!r} heeft geen verbeteractie",
        "the improvement idea {title!r} has no action",
    ),
    "problem.ambiguous-step": (
        "{ref!r} wijst naar de stap {title!r}, maar ook {other!r} heet zo; "
        "schrijf het id van de stap die je bedoelt",
        "{ref!r} points at the step {title!r}, but {other!r} has that title too; "
        "write the id of the step you mean",
    ),
    "problem.action-without-owner": (
        "de verbeteractie {title!r} heeft geen eigenaar",
        "the action {title!r} has no owner",
    ),
    "problem.action-without-targets": (
        "de verbeteractie {title!r} richt zich op geen enkele stap: hoe zie je dat ze werkte?",
        "the action {title!r} targets no step: how will you see it worked?",
    ),
    "problem.not-an-idea": (
        "de stap {id!r} staat niet in een baan met verbeterideeën",
        "the step {id!r} is not in an ideas lane",
    ),
    "problem.control-character": (
        "de tekst bevat een stuurteken ({char}) op positie {position}, dat geen lezer ziet "
        "en dat exports weglaten",
        "the text holds a control character ({char}) at position {position}, which no "
        "reader sees and exports leave out",
    ),
    "problem.control-character-hint": ("haal het weg", "remove it"),
    "problem.signoff-outdated": (
        "de klantreis is veranderd nadat {who} hem op {date} aftekende: vraag om een nieuwe "
        "review, of teken opnieuw af",
        "the journey changed after {who} signed it off on {date}: ask for a new review, or "
        "sign it off again",
    ),
    # --- problems of a workshop plan ---------------------------------------------------
    "problem.no-meeting-objective": (
        "de bijeenkomst heeft geen doelstelling: waar is ze voor?",
        "the meeting has no objective: what is it for?",
    ),
    "problem.no-success": (
        "de bijeenkomst heeft geen succescriterium: wanneer is ze een succes?",
        "the meeting has no success criterion: when is it a success?",
    ),
    "problem.no-success-hint": (
        "de controlevraag van het format: wanneer is de bijeenkomst een succes?",
        "the format's check question: wanneer is de bijeenkomst een succes?",
    ),
    "problem.meeting-ends-first": (
        "de bijeenkomst eindigt ({end}) voordat ze begint ({start})",
        "the meeting ends ({end}) before it starts ({start})",
    ),
    "problem.starts-before-above": (
        "{title!r} begint om {start}, vóór het onderdeel erboven ({previous}): zet het "
        "tijdschema op volgorde van tijd",
        "{title!r} starts at {start}, before the activity above it ({previous}): put the "
        "schedule in order of time",
    ),
    "problem.activity-ends-first": (
        "{title!r} eindigt ({end}) voordat het begint ({start})",
        "{title!r} ends ({end}) before it starts ({start})",
    ),
    "problem.starts-together": (
        "{title!r} begint tegelijk met {other!r} ({start})",
        "{title!r} starts at the same time as {other!r} ({start})",
    ),
    "problem.starts-before-end": (
        "{title!r} begint om {start}, voordat {other!r} eindigt ({end})",
        "{title!r} starts at {start}, before {other!r} ends ({end})",
    ),
    "problem.starts-before-meeting": (
        "{title!r} begint om {start}, voordat de bijeenkomst begint ({meeting})",
        "{title!r} starts at {start}, before the meeting starts ({meeting})",
    ),
    "problem.starts-after-meeting": (
        "{title!r} begint om {start}, als de bijeenkomst al is afgelopen ({meeting})",
        "{title!r} starts at {start}, when the meeting has ended ({meeting})",
    ),
    "problem.starts-after-meeting-hint": (
        "verplaats het, of laat de bijeenkomst later eindigen",
        "move it, or make the meeting end later",
    ),
    "problem.ends-after-meeting": (
        "{title!r} eindigt om {end}, nadat de bijeenkomst eindigt ({meeting})",
        "{title!r} ends at {end}, after the meeting ends ({meeting})",
    ),
    "problem.no-start": (
        "geen begintijd: het tijdschema kan niet tegen de beschikbare tijd worden gelegd",
        "no start time: the schedule cannot be checked against the time available",
    ),
    "problem.no-end": (
        "geen eindtijd: het tijdschema kan niet tegen de beschikbare tijd worden gelegd",
        "no end time: the schedule cannot be checked against the time available",
    ),
    "problem.short-workshop": (
        "de bijeenkomst duurt {span}; het format raadt minstens {advised} per sessie aan",
        "the meeting takes {span}; the workshop format advises at least {advised} per session",
    ),
    "problem.empty-schedule": (
        "het tijdschema is leeg: plan de tijd van de dag",
        "the schedule is empty: plan the time of the day",
    ),
    "problem.gap": (
        "van {start} tot {end} is niets gepland",
        "nothing is planned from {start} until {end}",
    ),
    "problem.gap-hint": (
        "laat het einde van {title!r} weg, dan loopt het door",
        "leave out the end of {title!r} to let it run on",
    ),
    "problem.journey-not-found": (
        "het klantreisbestand {link!r} is er niet (gezien vanaf dit bestand)",
        "the journey file {link!r} is not there (relative to this file)",
    ),
    "problem.gap-at-end": (
        "van {start} tot het einde van de bijeenkomst ({end}) is niets gepland",
        "nothing is planned from {start} until the meeting ends ({end})",
    ),
    # --- reading a file: what the reader says about its shape (the codes stay English) ---
    "read.expected": ("verwacht {kind}, maar kreeg {value}", "expected {kind}, got {value}"),
    "read.value.null": ("niets (null)", "nothing (null)"),
    "read.value.bool": ("{value} (een ja/nee-waarde)", "{value} (a yes/no value)"),
    "read.value.rejected": (
        "het getal {value}, dat niet is toegestaan (te lang, of niet eindig)",
        "the number {value}, which is not allowed (too long, or not finite)",
    ),
    "read.value.number": ("het getal {value}", "the number {value}"),
    "read.value.text": ("de tekst {value!r}", "the text {value!r}"),
    "read.value.list": ("een lijst", "a list"),
    "read.value.mapping": ("een mapping", "a mapping"),
    "read.value.other": ("{type}", "{type}"),
    "read.kind.text": ("tekst", "text"),
    "read.kind.whole-number": ("een geheel getal", "a whole number"),
    "read.kind.number": ("een getal", "a number"),
    "read.kind.true-false": ("true of false", "true or false"),
    "read.kind.date": ("een datum geschreven als JJJJ-MM-DD", "a date written as YYYY-MM-DD"),
    "read.kind.one-of": ("een van: {choices}", "one of: {choices}"),
    "read.kind.duration": ("een doorlooptijd zoals '2 weken'", "a duration such as '2 weeks'"),
    "read.kind.ratings": (
        "een mapping van schaal naar score, bijv. {{emotion: 4}}",
        "a mapping of scale to rating, e.g. {{emotion: 4}}",
    ),
    "read.kind.perspective": ("het id van een perspectief (tekst)", "a perspective's id (text)"),
    "read.kind.votes": (
        "een geheel getal of een lijst stemmen",
        "a whole number or a list of votes",
    ),
    "read.kind.note": (
        "een mapping zoals {{question: ...}}",
        "a mapping such as {{question: ...}}",
    ),
    "read.kind.text-list": ("een lijst met tekst", "a list of text"),
    "read.kind.list": ("een lijst", "a list"),
    "read.kind.mapping-of": ("een mapping (een {cls})", "a mapping (a {cls})"),
    "read.kind.journey": ("een klantreis (een mapping)", "a journey (a mapping)"),
    "read.kind.workshop": ("een bijeenkomst (een mapping)", "a workshop (a mapping)"),
    "read.kind.time": (
        "een tijdstip geschreven als U:MM, bijv. '9:30'",
        "a time of day written as H:MM, e.g. '9:30'",
    ),
    "read.quote-it": (
        "zet het tussen aanhalingstekens om het als tekst te houden",
        "put it in quotes to keep it as text",
    ),
    "read.surrogate": (
        "de tekst bevat een losse surrogaat (een escape als \\ud800), en dat is geen teken",
        "the text holds a lone surrogate (an escape like \\ud800), which is not a character",
    ),
    "read.unknown-value": (
        "{value!r} is geen van: {choices}",
        "{value!r} is not one of: {choices}",
    ),
    "read.alias-hint": (
        "bedoel je {value!r} ({word})?",
        "did you mean {value!r} ({word})?",
    ),
    "read.label-hint": (
        "bedoel je {value!r}? waarden worden in het Engels geschreven",
        "did you mean {value!r}? values are written in English",
    ),
    "read.key-hint": (
        "bedoel je {key!r} ({word})? sleutels worden in het Engels geschreven",
        "did you mean {key!r} ({word})? keys are written in English",
    ),
    "read.unknown-key": (
        "onbekende sleutel {key!r} in een {cls}",
        "unknown key {key!r} in a {cls}",
    ),
    "read.unknown-key-an": (
        "onbekende sleutel {key!r} in een {cls}",
        "unknown key {key!r} in an {cls}",
    ),
    "read.missing-key": (
        "de verplichte sleutel {key!r} ontbreekt",
        "the required key {key!r} is missing",
    ),
    "read.bad-note": (
        "een post-it heeft precies één van de sleutels question (?), disagreement (!) of "
        "addition (+) nodig; gevonden: {n}",
        "a note needs exactly one of the keys question (?), disagreement (!) or addition (+); "
        "found {n}",
    ),
    "read.bad-duration": (
        "{text!r} is geen doorlooptijd; schrijf bijv. '2 weken', '4-6 weken' of '45 min'",
        "{text!r} is not a duration; write e.g. '2 weeks', '4-6 weken' or '45 min'",
    ),
    "read.duration-too-large": (
        "het getal in {text!r} is te groot",
        "the number in {text!r} is too large",
    ),
    "read.duration-backwards": (
        "het bereik in {text!r} loopt achteruit",
        "the range in {text!r} runs backwards",
    ),
    "read.format-newer": (
        "het bestand is in formaatversie {version}, geschreven door een nieuwere klantreis; "
        "werk klantreis bij om het te lezen",
        "the file is in format version {version}, written by a newer klantreis; "
        "upgrade klantreis to read it",
    ),
    "read.format-unknown": (
        "onbekende formaatversie {version}; deze klantreis leest versie {current}",
        "unknown format version {version}; this klantreis reads version {current}",
    ),
    "read.workshop-format-newer": (
        "het bestand is in bijeenkomstformaatversie {version}, geschreven door een nieuwere "
        "klantreis; werk klantreis bij om het te lezen",
        "the file is in workshop format version {version}, written by a newer klantreis; "
        "upgrade klantreis to read it",
    ),
    "read.workshop-format-unknown": (
        "onbekende bijeenkomstformaatversie {version!r}; deze klantreis leest versie {current}",
        "unknown workshop format version {version!r}; this klantreis reads version {current}",
    ),
    "read.bad-time": (
        "{value!r} is geen tijdstip; schrijf het als U:MM, bijv. '9:30' of '13:05'",
        "{value!r} is not a time of day; write it as H:MM, e.g. '9:30' or '13:05'",
    ),
    "read.time-hint": (
        "schrijf tijden als tekst met een dubbele punt, bijv. '9:30'",
        "write times as text with a colon, e.g. '9:30'",
    ),
    "read.time-hint-colon": (
        "schrijf het met een dubbele punt: '{time}'",
        "write it with a colon: '{time}'",
    ),
    "read.time-hint-minutes": (
        "YAML 1.1-programma's lezen 9:30 als het getal 570 (minuten); komt het uit zo'n "
        "programma, schrijf dan '{time}' tussen aanhalingstekens",
        "YAML 1.1 tools read 9:30 as the number 570 (minutes); if this came from one, "
        "write '{time}' in quotes",
    ),
    "read.time-hint-point": (
        "schrijf tijden met een dubbele punt, geen punt: '9:30', niet 9.30",
        "write times with a colon, not a point: '9:30', not 9.30",
    ),
    "read.bad-key": (
        "een sleutel moet een gewoon woord zijn, geen lijst of mapping",
        "a key must be a plain word, not a list or mapping",
    ),
    "read.duplicate-key": (
        "de sleutel {key!r} staat er twee keer (eerst op regel {first})",
        "the key {key!r} is given twice (first on line {first})",
    ),
    "read.yaml-tag-value": ("{value!r} is geen geldige {tag}", "{value!r} is not a valid {tag}"),
    "read.yaml-tag": ("YAML-tag {tag!r} wordt niet ondersteund", "unsupported YAML tag {tag!r}"),
    "read.yaml-alias": (
        "YAML-aliassen (*naam) worden in klantreisbestanden niet ondersteund; schrijf de "
        "waarde uit",
        "YAML aliases (*name) are not supported in journey files; write the value out",
    ),
    "read.invalid-yaml": ("ongeldige YAML: {what}", "invalid YAML: {what}"),
    "read.invalid-json": ("ongeldige JSON: {what}", "invalid JSON: {what}"),
    "read.documents": (
        "het bestand bevat meer dan één YAML-document (---); zet één klantreis in een bestand",
        "the file holds more than one YAML document (---); put one journey in a file",
    ),
    "read.empty": ("het bestand is leeg", "the file is empty"),
    "read.no-document": ("het bestand bevat geen document", "the file holds no document"),
    "read.too-deep": (
        "het document is meer dan {depth} diep genest",
        "the document is nested more than {depth} deep",
    ),
    "read.yaml-tab": (
        "regel {line} springt in met een tab: gebruik spaties, geen tab",
        "line {line} is indented with a tab: use spaces, not a tab",
    ),
    "read.yaml-dash": (
        "regel {line}: zet een spatie na de '-' van een lijstitem",
        "line {line}: put a space after the '-' of a list item",
    ),
    "read.yaml-colon": (
        "regel {line}: zet een spatie na de ':' van een sleutel",
        "line {line}: put a space after the ':' of a key",
    ),
    "read.yaml-colon-in-text": (
        "regel {line}: de tekst bevat ': '; zet de titel tussen aanhalingstekens",
        "line {line}: the text holds ': '; put the title in quotes",
    ),
    "read.yaml-list-indent": (
        "regel {line}: dit lijstitem staat niet even ver ingesprongen als de andere",
        "line {line}: this list item is not indented like the others",
    ),
    "read.utf-32": (
        "het bestand is UTF-32; sla het op als UTF-8",
        "the file is UTF-32; save it as UTF-8",
    ),
    "read.utf-16": (
        "het bestand is UTF-16; sla het op als UTF-8",
        "the file is UTF-16; save it as UTF-8",
    ),
    "read.not-utf-8-at": (
        "het bestand is geen UTF-8 (byte 0x{byte:02x} op positie {offset}); sla het op als UTF-8",
        "the file is not UTF-8 (byte 0x{byte:02x} at offset {offset}); save it as UTF-8",
    ),
    "read.looks-utf-16": (
        "het bestand lijkt UTF-16 (elke tweede byte is NUL); sla het op als UTF-8",
        "the file looks like UTF-16 (every other byte is NUL); save it as UTF-8",
    ),
    "read.nul": (
        "het bestand bevat een NUL-byte: het is binair, geen klantreisbestand",
        "the file holds a NUL byte: it is binary, not a journey file",
    ),
    "read.not-utf-8": ("het bestand is geen UTF-8", "the file is not UTF-8"),
    "read.no-such-file": ("het bestand bestaat niet", "no such file"),
    "read.folder": ("dit is een map, geen bestand", "this is a folder, not a file"),
    "read.permission": ("geen toestemming om te lezen", "permission denied"),
    "read.os-error": ("kan niet lezen: {reason}", "cannot read: {reason}"),
    "read.too-large": (
        "het bestand is {size} bytes, boven de grens van {limit}",
        "the file is {size:,} bytes, over the limit of {limit:,}",
    ),
    "read.over-limit": (
        "het bestand is groter dan de grens van {limit} bytes",
        "the file is over the limit of {limit:,} bytes",
    ),
    "read.text-over-limit": (
        "de tekst is groter dan de grens van {limit} bytes",
        "the text is over the limit of {limit:,} bytes",
    ),
    # --- reading a saved diff (JSON) ---------------------------------------------------
    "read.diff-too-deep": (
        "de diff is te diep genest om een diff te zijn",
        "the diff is nested too deep to be a diff",
    ),
    "read.diff-not-json": (
        "de diff is geen geldige JSON: {reason}",
        "the diff is not valid JSON: {reason}",
    ),
    "read.diff-newer": (
        "de diff is in formaatversie {version}, geschreven door een nieuwere klantreis; "
        "werk klantreis bij om hem te lezen; deze klantreis leest versie {current}",
        "the diff is in format version {version}, written by a newer klantreis; upgrade "
        "klantreis to read it; this klantreis reads version {current}",
    ),
    "read.diff-version": (
        "de diff is in formaatversie {version}; deze klantreis leest versie {current}",
        "the diff is in format version {version}; this klantreis reads version {current}",
    ),
    "read.no-field": ("{cls} heeft geen veld {field!r}", "{cls} has no field {field!r}"),
    "read.journey-item": (
        "een wijziging van de klantreis zelf heeft geen item",
        "a change to the journey itself holds no item",
    ),
    "read.needs-item": (
        "een wijziging {kind!r} heeft het item nodig",
        "an {kind!r} change needs the item",
    ),
    "read.and-more": (" (en nog {n})", " (and {n} more)"),
    # --- klantreis insights ------------------------------------------------------------
    "insights.empty": ("de pot is leeg: nog geen inzichten", "the jar is empty: no insights yet"),
    "insights.empty-draw": (
        "de pot is leeg: voeg inzichten toe aan `insights` van de klantreis",
        "the jar is empty: add insights to the journey's `insights`",
    ),
    "insights.all-discussed": (
        "alle {n} inzichten zijn besproken; gebruik --again om er opnieuw een te trekken",
        "all {n} insights have been discussed; use --again to draw one again",
    ),
    "insights.all-discussed-one": (
        "het enige inzicht is besproken; gebruik --again om het opnieuw te trekken",
        "the only insight has been discussed; use --again to draw it again",
    ),
    "insights.discussed": ("besproken", "discussed"),
    "insights.discussed-on": ("besproken op {date}", "discussed on {date}"),
    "insights.not-discussed": ("niet besproken", "not discussed"),
    "insights.discussed-before": ("eerder besproken", "discussed before"),
    "insights.discussed-before-on": ("eerder besproken op {date}", "discussed before on {date}"),
    "insights.drawn": (
        "Uit de pot ({left} van {total} nog niet besproken):",
        "From the jar ({left} of {total} not discussed yet):",
    ),
    "insights.by": ("door {author}", "by {author}"),
    "insights.related": ("Stappen waar het over gaat:", "Related steps:"),
    "insights.discuss": ("Bespreek:", "Discuss:"),
    "insights.marked": (
        "{id!r} gemarkeerd als besproken op {date}",
        "marked {id!r} as discussed on {date}",
    ),
    # --- the command line ----------------------------------------------------------------
    "cli.errors": ("{n} fouten", "{n} errors"),
    "cli.errors-one": ("1 fout", "1 error"),
    "cli.warnings": ("{n} waarschuwingen", "{n} warnings"),
    "cli.warnings-one": ("1 waarschuwing", "1 warning"),
    "cli.errors-in": ("{errors} in {file}:", "{errors} in {file}:"),
    "cli.and-more": ("... en nog {n}", "... and {n} more"),
    "cli.summary": ("{file}: {errors}, {warnings}", "{file}: {errors}, {warnings}"),
    "cli.wrote": ("{file} geschreven", "wrote {file}"),
    "cli.wrote-check": (
        "{file} geschreven; controleer het met: {command} {file}",
        "wrote {file}; check it with: {command} {file}",
    ),
    "cli.refuse-input": (
        "{file}: het invoerbestand wordt niet overschreven",
        "{file}: refusing to overwrite the input file",
    ),
    "cli.exists": (
        "{file}: het bestand bestaat al; gebruik --force om het te overschrijven",
        "{file}: the file exists; use --force to overwrite it",
    ),
    "cli.no-folder": (
        "{file}: de map {folder} bestaat niet",
        "{file}: the folder {folder} does not exist",
    ),
    "cli.cannot-write": ("{file}: kan niet schrijven: {reason}", "{file}: cannot write: {reason}"),
    "cli.interrupted": ("onderbroken", "interrupted"),
    "cli.read-only": (
        "{file}: alleen-lezen; het bestand wordt niet overschreven",
        "{file}: the file is read-only; not overwritten",
    ),
    "cli.locked": (
        "{file}: het bestand is in gebruik (open in een ander programma?): {reason}",
        "{file}: the file is in use (open in another program?): {reason}",
    ),
    "cli.rename-threshold": (
        "--rename-threshold moet tussen 0 en 1 liggen (0 niet, 1 wel), niet {value}",
        "--rename-threshold must lie in (0, 1], not {value}",
    ),
    "cli.git-arguments": (
        "--git verwacht de 7 (of 9) argumenten die git aan een diff-driver geeft",
        "--git expects the 7 (or 9) arguments git passes to a diff driver",
    ),
    "cli.unexpected-arguments": (
        "onverwachte argumenten: {arguments}",
        "unexpected arguments: {arguments}",
    ),
    "cli.git-one-file": (
        "--git neemt één klantreisbestand, niet meer",
        "--git takes one journey file, not several",
    ),
    "cli.days-not-a-number": (
        "{value!r} is geen geheel aantal dagen",
        "{value!r} is not a whole number of days",
    ),
    "cli.days-negative": (
        "{value!r}: het aantal dagen mag niet negatief zijn",
        "{value!r}: the number of days must not be negative",
    ),
    "cli.tidy-options": (
        "--to tidy heeft één optie, format=csv|parquet, niet {option!r}",
        "--to tidy has one option, format=csv|parquet, not {option!r}",
    ),
    "cli.tidy-format": (
        "--option format={format}: gebruik csv of parquet",
        "--option format={format}: use csv or parquet",
    ),
    "cli.tidy-output": (
        "--to tidy schrijft meer tabellen: geef -o MAP of -o BESTAND.zip",
        "--to tidy writes several tables: give -o FOLDER or -o FILE.zip",
    ),
    "cli.tidy-stdin": (
        "--to tidy leest bestanden: geef een klantreisbestand of een map, geen '-'",
        "--to tidy reads files: give a journey file or a folder, not '-'",
    ),
    "cli.tidy-wrote": (
        "{file} geschreven (tidy, {n} {format}-tabellen)",
        "wrote {file} (tidy, {n} {format} tables)",
    ),
    "diff.cli.unrelated": (
        "{old} en {new} lijken verschillende klantreizen ({old_id!r} "
        "en {new_id!r} delen geen fase of stap); is dit het goede paar?",
        "{old} and {new} look like different journeys ({old_id!r} and "
        "{new_id!r} share no phase or step); is this the right pair?",
    ),
    "diff.cli.other-ids": (
        "{old} en {new} hebben verschillende klantreis-ids "
        "({old_id!r} en {new_id!r}); vergeleken als twee metingen van één klantreis",
        "{old} and {new} have different journey ids ({old_id!r} and "
        "{new_id!r}); compared as two iterations of one journey",
    ),
    "fmt.would-change": ("{file} zou veranderen", "{file} would be reformatted"),
    "fmt.rewrote": ("{file} herschreven", "reformatted {file}"),
    "fmt.cannot-read": ("{file}: kan niet lezen: {reason}", "{file}: cannot read: {reason}"),
    "cli.internal-error": (
        "interne fout: {error}\nDit is een fout in klantreis; meld hem met de uitvoer van --debug.",
        "internal error: {error}\nThis is a bug; please report it with the output of --debug.",
    ),
    # --- exporter options -------------------------------------------------------------
    "option.named": ("optie {name!r}: {message}", "option {name!r}: {message}"),
    "option.not-one-of": ("{value} is geen van: {choices}", "{value} is not one of {choices}"),
    "option.kind.path": ("de naam van een bestand of map", "the name of a file or folder"),
    "option.no-path": ("er is geen bestand of map {path!r}", "there is no file or folder {path!r}"),
    "option.no-fit": ("{value} past niet bij {type}", "{value} does not fit {type}"),
    "option.unknown": (
        "onbekende optie {key!r} voor {exporter!r} ({which}){hint}",
        "unknown option {key!r} for {exporter!r} ({which}){hint}",
    ),
    "option.options-are": ("de opties zijn {names}", "its options are {names}"),
    "option.no-options": ("hij heeft geen opties", "it takes no options"),
    "option.did-you-mean": ("; bedoel je {word!r}?", "; did you mean {word!r}?"),
    "option.needs-value": (
        "optie {name!r} van {exporter!r} heeft een waarde nodig: --option {name}=WAARDE{choices}",
        "option {name!r} of {exporter!r} needs a value: --option {name}=VALUE{choices}",
    ),
    "option.one-of": (" (een van {choices})", " (one of {choices})"),
    # --- the review sheet (klantreis review) ---------------------------------------------
    "review.section.step": ("stap", "step"),
    "review.section.friction": ("frictie", "friction"),
    "review.section.hard-moment": ("moeilijk moment", "hard moment"),
    "review.section.moment-of-truth": ("moment van de waarheid", "moment of truth"),
    "review.column.step_id": ("stap_id", "step_id"),
    "review.column.section": ("onderdeel", "section"),
    "review.column.phase": ("fase", "phase"),
    "review.column.lane": ("baan", "lane"),
    "review.column.step": ("stap", "step"),
    "review.column.noted": ("op_de_muur", "on_the_wall"),
    "review.column.mark": ("teken", "mark"),
    "review.column.answer": ("antwoord", "answer"),
    "review.column.suggestion": ("suggestie", "suggestion"),
    "review.column.author": ("naam", "name"),
    "review.lane": ("Baan", "Lane"),
    "review.step": ("Stap", "Step"),
    "review.on-the-wall": ("Op de muur", "On the wall"),
    "review.addition": ("Aanvulling", "Addition"),
    "problem.answer-without-step": (
        "het antwoord noemt geen stap: schrijf het id of de titel van de stap",
        "the answer names no step: write the step's id or title",
    ),
    "problem.unknown-answer-step": (
        "geen stap heeft het id of de titel {step!r}",
        "no step has the id or title {step!r}",
    ),
    "problem.ambiguous-answer-step": (
        "geen stap heeft het id {step!r}, en meerdere stappen hebben die titel",
        "no step has the id or title {step!r} (several steps have that title)",
    ),
    "problem.unknown-mark": (
        "{mark!r} is geen teken; gebruik ? (een vraag), ! (niet mee eens) of + (een "
        "aanvulling), of laat het leeg",
        "{mark!r} is not a mark; use ? (a question), ! (a disagreement) or + (an addition), "
        "or leave it empty",
    ),
    "problem.unknown-section": (
        "{section!r} is geen onderdeel van het blad; gebruik een van: {choices}",
        "{section!r} is not a part of the sheet; use one of: {choices}",
    ),
    # --- exports: Markdown, CSV, the wall map -----------------------------------------
    "export.iteration": ("Meting", "Mapping"),
    "export.persona": ("Persona", "Persona"),
    "export.objective_session": ("Doelstelling van de dag", "Objective of the day"),
    "export.objective_client": ("Doelstelling cliënt", "Client's objective"),
    "export.objective_employee": ("Doelstelling medewerker", "Employee's objective"),
    "export.overview": ("Overzicht", "Overview"),
    "export.phase": ("Fase", "Phase"),
    "export.phases": ("Fases", "Phases"),
    "export.goal": ("Doel", "Goal"),
    "export.goal_per_phase": ("Doel per fase", "Goal per phase"),
    "export.lead_time": ("Doorlooptijd", "Lead time"),
    "export.norm": ("norm", "norm"),
    "export.indicators": ("Indicatoren", "Indicators"),
    "export.result": ("Resultaat", "Result"),
    "export.keep": ("zo houden", "keep as it is"),
    "export.pain_organisation": ("Organisatie", "Organisation"),
    "export.needs": ("Wat hebben ze nodig", "What they need"),
    "export.span_start": ("Begint bij", "Starts at"),
    "export.span_end": ("Eindigt bij", "Ends at"),
    "export.period": ("Periode", "Period"),
    "export.tips": ("Tips", "Tips"),
    "export.tops": ("Tops", "Tops"),
    "export.outcome": ("uitkomst", "outcome"),
    "export.follow_up": ("vervolg nodig", "needs a follow-up"),
    "export.over_norm": ("boven de norm", "over the norm"),
    "export.total_lead_time": ("Totale doorlooptijd", "Total lead time"),
    "export.steps": ("Stappen", "Steps"),
    "export.lane": ("Baan", "Lane"),
    "export.step": ("Stap", "Step"),
    "export.ratings": ("Scores", "Ratings"),
    "export.pain_points": ("Knelpunten", "Pain points"),
    "export.pain_client": ("cliënt", "client"),
    "export.pain_professional": ("professional", "professional"),
    "export.tags": ("labels", "tags"),
    "export.notes": ("Post-its", "Notes"),
    "export.moment_of_truth": ("Moment van de waarheid", "Moment of truth"),
    "export.actions": ("Verbeteracties", "Improvement actions"),
    "export.action": ("Actie", "Action"),
    "export.theme": ("Thema", "Theme"),
    "export.owner": ("Eigenaar", "Owner"),
    "export.due": ("Deadline", "Deadline"),
    "export.status": ("Status", "Status"),
    "export.targets": ("Voor de stappen", "For the steps"),
    "export.expected_effect": ("Verwacht effect", "Expected effect"),
    "export.tomorrow": ("kan morgen al", "can change tomorrow"),
    "export.within_mandate": ("binnen eigen mandaat", "within our mandate"),
    "export.outside_mandate": ("buiten eigen mandaat", "outside our mandate"),
    "export.insights": ("Inzichten", "Insights"),
    "export.insight": ("Inzicht", "Insight"),
    "export.author": ("Door", "By"),
    "export.date": ("Datum", "Date"),
    "export.discussed": ("Besproken", "Discussed"),
    "export.yes": ("ja", "yes"),
    "export.no": ("nee", "no"),
    "export.no_steps": ("Nog geen stappen in deze fase.", "No steps in this phase yet."),
    "export.no_actions": ("Nog geen verbeteracties.", "No improvement actions yet."),
    "export.channels": ("kanalen", "channels"),
    "export.duration": ("duur", "duration"),
    "export.quality": ("kwaliteit", "quality"),
    "export.knowledge": ("kennis", "knowledge"),
    "export.attitude": ("houding", "attitude"),
    "export.skills": ("vaardigheden", "skills"),
    "export.client_focus": ("cliëntgerichtheid", "client focus"),
    "export.boundaries": ("grenzen in het systeem", "system boundaries"),
    "export.why": ("waarom", "why"),
    "export.options": ("andere mogelijkheden", "other options"),
    "export.suggestion": ("suggestie", "suggestion"),
    "export.mean": ("gem.", "mean"),
    "export.votes": ("stemmen", "votes"),
    "export.scales": ("Schalen", "Scales"),
    "export.legend": ("Legenda", "Legend"),
    "export.not_rated": ("geen score", "not rated"),
    "export.curve": ("Emotiecurve", "Emotion curve"),
    "export.improves": ("verbetert", "improves"),
    "export.description": ("Beschrijving", "Description"),
    "export.step_number": ("stapnummer", "step number"),
    "export.more_text": (
        "(+{n} tekens: zie de Markdown-export)",
        "(+{n} characters: see the Markdown export)",
    ),
    "export.more_text-one": (
        "(+1 teken: zie de Markdown-export)",
        "(+1 character: see the Markdown export)",
    ),
    # --- the facilitation guide and the wall template --------------------------------
    "workshop.guide": ("Draaiboek", "Facilitation guide"),
    "workshop.meeting": ("Bijeenkomst", "Meeting"),
    "workshop.first": ("Klantreisbijeenkomst 1", "Customer journey meeting 1"),
    "workshop.second": ("Klantreisbijeenkomst 2", "Customer journey meeting 2"),
    "workshop.follow-up": ("Vervolgbijeenkomst", "Follow-up meeting"),
    "workshop.journey": ("Klantreis", "Journey"),
    "workshop.objective": ("Doelstelling", "Objective"),
    "workshop.success": ("Het is een succes wanneer", "It is a success when"),
    "workshop.date": ("Datum", "Date"),
    "workshop.time": ("Tijd", "Time"),
    "workshop.room": ("Ruimte", "Room"),
    "workshop.participants": ("Aantal deelnemers", "Participants"),
    "workshop.materials": ("Materialen", "Materials"),
    "workshop.roles": ("Rolverdeling", "Roles"),
    "workshop.role": ("Rol", "Role"),
    "workshop.who": ("Wie", "Who"),
    "workshop.preparation": ("Voorbereiding", "Preparation"),
    "workshop.agenda": ("Tijdschema", "Schedule"),
    "workshop.activity": ("Onderdeel", "Activity"),
    "workshop.step": ("Stap van de methode", "Step of the method"),
    "workshop.lead": ("Leiding", "Lead"),
    "workshop.checklists": ("Checklists", "Checklists"),
    "workshop.programme": ("Programma van de dag", "Programme of the day"),
    "workshop.method": ("De klantreis in vier stappen", "The journey in four steps"),
    "workshop.minutes": ("minuten", "minutes"),
    "workshop.questions": ("Vragen", "Questions"),
    "workshop.themes": ("Neem daarbij mee", "Take into account"),
    "workshop.help": (
        "Hulpvragen die het proces kunnen ondersteunen",
        "Help questions for the process",
    ),
    "workshop.homework": (
        "Huiswerk: valideren bij een collega",
        "Homework: validate with a colleague",
    ),
    "workshop.wall": ("Het brown paper", "The brown paper"),
    "workshop.wall_intro": (
        "Het lege raster van de fases en banen van de klantreis. Hang het op en vul het met "
        "post-its; `klantreis export --to wall` maakt er een printbare poster van.",
        "The empty grid of the journey's phases and lanes. Hang it up and fill it with "
        "post-its; `klantreis export --to wall` makes a printable poster of it.",
    ),
    "workshop.phases": ("Fases →", "Phases →"),
    "workshop.phase": ("Fase", "Phase"),
    "workshop.goal_per_phase": ("Doel per fase", "Goal per phase"),
    "workshop.objective_session": ("Doelstelling van de dag", "Objective of the day"),
    "workshop.objective_client": ("Doelstelling cliëntreis", "Objective of the client's journey"),
    "workshop.objective_employee": (
        "Doelstelling medewerkerreis",
        "Objective of the employee's journey",
    ),
    "workshop.not_planned": ("nog in te vullen", "to be filled in"),
    "workshop.until": ("tot", "until"),
    "workshop.tip_top": ("Tip & top", "Tip & top"),
    # --- klantreis diff ---------------------------------------------------------------
    "diff.title": (
        "Klantreis ‘{title}’: {old} → {new}",
        "Customer journey ‘{title}’: {old} → {new}",
    ),
    "diff.no-changes": ("Geen verschillen.", "No differences."),
    "diff.summary": ("Samenvatting", "Summary"),
    "diff.counts": ("Wijzigingen", "Changes"),
    "diff.phase-scores": (
        "Scores per fase (gemiddelde, oud → nieuw)",
        "Scores per phase (mean, old → new)",
    ),
    "diff.phase": ("Fase", "Phase"),
    "diff.phase-gone": ("{name} (vervallen)", "{name} (gone)"),
    "diff.effect": ("Effect van de verbeteracties", "Effect of the improvement actions"),
    "diff.no-actions": ("Geen verbeteracties.", "No improvement actions."),
    "diff.action": ("Verbeteractie", "Improvement action"),
    "diff.status": ("Status", "Status"),
    "diff.at-targets": ("Bij de doelstappen", "At the target steps"),
    "diff.no-targets": ("geen doelstappen", "no target steps"),
    "diff.no-rating-change": ("geen verandering in de scores", "no change in the ratings"),
    "diff.targets-unchanged": (
        "scores ongewijzigd bij {n} andere doelstappen",
        "ratings unchanged at {n} other target steps",
    ),
    "diff.targets-unchanged-one": (
        "scores ongewijzigd bij 1 andere doelstap",
        "ratings unchanged at 1 other target step",
    ),
    "diff.actions-line": ("Verbeteracties", "Improvement actions"),
    "diff.done-now": (
        "{n} nu gedaan, waarvan {helped} met verbetering",
        "{n} now done, {helped} of them helped",
    ),
    "diff.attention": ("Let op", "Attention"),
    "diff.warn-done": (
        "{n} acties gedaan zonder verbetering bij de doelstappen",
        "{n} actions done without improvement at their target steps",
    ),
    "diff.warn-done-one": (
        "1 actie gedaan zonder verbetering bij de doelstappen",
        "1 action done without improvement at its target steps",
    ),
    "diff.warn-worse": (
        "{n} stappen verslechterd zonder verbeteractie",
        "{n} steps worsened without an improvement action",
    ),
    "diff.warn-worse-one": (
        "1 stap verslechterd zonder verbeteractie",
        "1 step worsened without an improvement action",
    ),
    "diff.action-new": ("nieuw", "new"),
    "diff.action-gone": ("vervallen", "gone"),
    "diff.unexplained": (
        "Verslechterd waar geen verbeteractie op gericht is",
        "Worsened where no improvement action is aimed",
    ),
    "diff.details": ("Details", "Details"),
    "diff.changes-count": ("{n} wijzigingen", "{n} changes"),
    "diff.relinked": ("{n} × {what} volgt een hernoemd id", "{n} × {what} follows a renamed id"),
    "diff.renamed-to": ("id {old} → {new}", "id {old} → {new}"),
    "diff.position": ("plaats {old} → {new}", "position {old} → {new}"),
    "diff.added-at": ("in fase {phase}, baan {lane}", "in phase {phase}, lane {lane}"),
    "diff.notes-added": ("nieuwe post-it", "new post-it"),
    "diff.notes-removed": ("post-it weg", "post-it removed"),
    "diff.empty": ("(leeg)", "(empty)"),
    "diff.yes": ("ja", "yes"),
    "diff.no": ("nee", "no"),
    "diff.and-more": ("… en nog {n}", "… and {n} more"),
    "diff.ratings": ("Scores", "Ratings"),
    "diff.kind.added": ("toegevoegd", "added"),
    "diff.kind.removed": ("verwijderd", "removed"),
    "diff.kind.renamed": ("hernoemd", "renamed"),
    "diff.kind.moved": ("verplaatst", "moved"),
    "diff.kind.changed": ("gewijzigd", "changed"),
    "diff.kind.relinked": ("verwijzing gevolgd", "relinked"),
    "diff.verdict.improved": ("beter", "better"),
    "diff.verdict.worsened": ("slechter", "worse"),
    "diff.verdict.unchanged": ("gelijk", "unchanged"),
    "diff.verdict.new": ("nieuw", "new"),
    "diff.verdict.gone": ("vervallen", "gone"),
    "diff.outcome.improved": ("verbeterd", "improved"),
    "diff.outcome.worsened": ("verslechterd", "worsened"),
    "diff.outcome.mixed": ("wisselend", "mixed"),
    "diff.outcome.unchanged": ("geen verandering", "no change"),
    "diff.flag.done-without-effect": (
        "gedaan, maar de doelstappen zijn niet verbeterd",
        "done, but its target steps did not improve",
    ),
    "diff.flag.unexplained-worsening": (
        "verslechterd zonder verbeteractie",
        "worsened without an improvement action",
    ),
    "diff.collection.journey": ("klantreis", "customer journey"),
    "diff.collections.journey": ("klantreis", "customer journey"),
    "diff.collection.actors": ("betrokkene", "stakeholder"),
    "diff.collections.actors": ("Betrokkenen", "Stakeholders"),
    "diff.collection.scales": ("schaal", "scale"),
    "diff.collections.scales": ("Schalen", "Scales"),
    "diff.collection.phases": ("fase", "phase"),
    "diff.collections.phases": ("Fases", "Phases"),
    "diff.collection.lanes": ("baan", "lane"),
    "diff.collections.lanes": ("Banen", "Lanes"),
    "diff.collection.steps": ("stap", "step"),
    "diff.collections.steps": ("Stappen", "Steps"),
    "diff.collection.actions": ("verbeteractie", "improvement action"),
    "diff.collections.actions": ("Verbeteracties", "Improvement actions"),
    "diff.collection.insights": ("inzicht", "insight"),
    "diff.collections.insights": ("Inzichten", "Insights"),
    "field.title": ("titel", "title"),
    "field.name": ("naam", "name"),
    "field.text": ("tekst", "text"),
    "field.language": ("taal", "language"),
    "field.description": ("omschrijving", "description"),
    "field.iteration": ("meting", "mapping"),
    "field.iteration.label": ("meting", "mapping"),
    "field.iteration.date": ("datum meting", "date of the mapping"),
    "field.objectives.session": ("doel van de dag", "objective of the day"),
    "field.objectives.client": ("doel cliënt", "client's objective"),
    "field.objectives.employee": ("doel medewerker", "employee's objective"),
    "field.persona": ("persona", "persona"),
    "field.persona.name": ("persona", "persona"),
    "field.persona.role": ("rol persona", "persona's role"),
    "field.persona.description": ("omschrijving persona", "persona's description"),
    "field.organisation": ("organisatie", "organisation"),
    "field.minimum": ("minimum", "minimum"),
    "field.maximum": ("maximum", "maximum"),
    "field.direction": ("richting", "direction"),
    "field.labels": ("labels", "labels"),
    "field.question": ("vraag", "question"),
    "field.goal": ("doel", "goal"),
    "field.lead_time": ("doorlooptijd", "lead time"),
    "field.kind": ("soort", "kind"),
    "field.actor": ("betrokkene", "stakeholder"),
    "field.scale": ("schaal", "scale"),
    "field.phase": ("fase", "phase"),
    "field.lane": ("baan", "lane"),
    "field.channels": ("kanalen", "channels"),
    "field.duration": ("duur", "duration"),
    "field.ratings": ("scores", "ratings"),
    "field.pain_points": ("knelpunten", "pain points"),
    "field.pain_points.client": ("knelpunten cliënt", "pain points for the client"),
    "field.pain_points.professional": ("knelpunten professional", "pain points for professionals"),
    "field.pain_points.tags": ("labels van de knelpunten", "tags of the pain points"),
    "field.moment_of_truth": ("moment van de waarheid", "moment of truth"),
    "field.quality": ("kwaliteit", "quality"),
    "field.quality.knowledge": ("kennis", "knowledge"),
    "field.quality.attitude": ("houding", "attitude"),
    "field.quality.skills": ("vaardigheden", "skills"),
    "field.quality.client_focus": ("cliëntgerichtheid", "client focus"),
    "field.quality.comment": ("toelichting kwaliteit", "comment on quality"),
    "field.boundaries": ("grenzen in het systeem", "system boundaries"),
    "field.notes": ("post-its", "post-its"),
    "field.scope": ("wie", "scope"),
    "field.theme": ("thema", "theme"),
    "field.within_mandate": ("binnen eigen mandaat", "within our mandate"),
    "field.tomorrow": ("morgen al anders", "can change tomorrow"),
    "field.owner": ("eigenaar", "owner"),
    "field.due": ("deadline", "deadline"),
    "field.status": ("status", "status"),
    "field.targets": ("doelstappen", "target steps"),
    "field.ideas": ("verbeterideeën", "improvement ideas"),
    "field.expected_effect": ("verwacht effect", "expected effect"),
    "field.author": ("auteur", "author"),
    "field.date": ("datum", "date"),
    "field.steps": ("stappen", "steps"),
    "field.discussed": ("besproken", "discussed"),
    "field.discussed_on": ("besproken op", "discussed on"),
    "field.perspectives": ("perspectieven", "perspectives"),
    "field.norm_lead_time": ("normdoorlooptijd", "norm lead time"),
    "field.indicators": ("indicatoren", "indicators"),
    "field.needs": ("wat ze nodig hebben", "what they need"),
    "field.result": ("resultaat", "result"),
    "field.keep": ("zo houden", "keep as it is"),
    "field.sentiment": ("positief of negatief", "positive or negative"),
    "field.pain_points.organisation": (
        "knelpunten organisatie",
        "pain points for the organisation",
    ),
    "field.outcome": ("uitkomst", "outcome"),
    "field.follow_up": ("vervolg nodig", "needs a follow-up"),
    "field.span": ("afbakening", "scope"),
    "field.span.start": ("begin van de klantreis", "where the journey starts"),
    "field.span.end": ("eind van de klantreis", "where the journey ends"),
    "field.span.period": ("periode", "period"),
    "field.iteration.tips": ("tips", "tips"),
    "field.iteration.tops": ("tops", "tops"),
    "field.unit": ("eenheid", "unit"),
    "field.source": ("bron", "source"),
    # --- the HTML map (klantreis.exporters.html): the page's own controls and labels --
    "html.wall": ("De muur", "The wall"),
    "html.filters": ("Filters", "Filters"),
    "html.search": ("Zoeken", "Search"),
    "html.search_hint": ("tekst in de stappen", "text in the steps"),
    "html.all": ("alle", "all"),
    "html.actor": ("Betrokkene", "Stakeholder"),
    "html.band": ("Score", "Rating"),
    "html.only_mot": ("alleen momenten van de waarheid", "moments of truth only"),
    "html.only_open": ("alleen stappen met open acties", "steps with open actions only"),
    "html.reset": ("Wis filters", "Clear filters"),
    "html.shown": ("{n} van {total} stappen getoond", "{n} of {total} steps shown"),
    "html.language": ("English", "Nederlands"),
    "html.language_hint": ("Toon de labels in het Engels", "Show the labels in Dutch"),
    "html.close": ("Sluiten", "Close"),
    "html.ourselves": ("Wat we zelf kunnen doen", "What we can do ourselves"),
    "html.others": ("Waar we anderen voor nodig hebben", "What needs others"),
    "html.curve_of": ("{scale} per stap", "{scale} per step"),
    "html.point": ("stap {n}: {value}", "step {n}: {value}"),
    "html.unplaced": ("Stappen buiten de muur", "Steps off the wall"),
    "html.unplaced_why": (
        "Hun fase of baan staat niet in de reis, of hun baan toont alleen scores.",
        "Their phase or lane is not in the journey, or their lane shows ratings only.",
    ),
    "html.compare": ("Vergeleken met", "Compared with"),
    "html.print": ("Afdrukken", "Print"),
    "html.print_size": ("Papier", "Paper"),
    "html.skip": ("Naar de muur", "Skip to the wall"),
    "html.step_n": ("Stap {n}", "Step {n}"),
    "html.legend_mark": ("★ = moment van de waarheid", "★ = moment of truth"),
    "html.page": ("Klantreiskaart", "Customer journey map"),
    # --- klantreis history --------------------------------------------------------------
    "history.title": (
        "Klantreis ‘{title}’: {n} metingen",
        "Customer journey ‘{title}’: {n} mappings",
    ),
    "history.title-one": (
        "Klantreis ‘{title}’: 1 meting",
        "Customer journey ‘{title}’: 1 mapping",
    ),
    "history.warn-ids": (
        "Let op: deze metingen hebben verschillende ids ({ids}); is het wel één klantreis?",
        "Attention: these mappings have different ids ({ids}); are they one journey?",
    ),
    "history.phase-scores": (
        "Scores per fase (gemiddelde per meting)",
        "Scores per phase (mean per mapping)",
    ),
    "history.whole-journey": ("Hele reis", "Whole journey"),
    "history.arrows": (
        "↑ hoger is beter, ↓ lager is beter",
        "↑ higher is better, ↓ lower is better",
    ),
    "history.steps": (
        "Stappen waarvan de score veranderde",
        "Steps whose ratings changed",
    ),
    "history.no-step-changed": (
        "Geen stap kreeg een andere score.",
        "No step's ratings changed.",
    ),
    "history.steps-same": (
        "{n} andere beoordeelde stappen bleven gelijk.",
        "{n} other rated steps stayed the same.",
    ),
    "history.steps-same-one": (
        "1 andere beoordeelde stap bleef gelijk.",
        "1 other rated step stayed the same.",
    ),
    "history.actions": ("Verbeteracties over de metingen", "Improvement actions over the mappings"),
    "history.no-actions": ("Geen verbeteracties.", "No improvement actions."),
    "history.status-in": ("{status} ({k})", "{status} ({k})"),
    "history.action-gone": ("weg ({k})", "gone ({k})"),
    "history.effect": ("effect", "effect"),
    "history.lasting.not-done": ("nog niet gedaan", "not done yet"),
    "history.lasting.no-baseline": (
        "niet te meten (geen score van vóór de actie)",
        "cannot be measured (no rating from before the action)",
    ),
    "history.lasting.no-effect": (
        "geen: de doelstappen werden niet beter",
        "none: its target steps did not get better",
    ),
    "history.lasting.not-remeasured": (
        "beter, nog niet opnieuw gemeten",
        "better, not measured again yet",
    ),
    "history.lasting.lasted": ("beter, en dat bleef zo", "better, and it lasted"),
    "history.lasting.slid-back": (
        "beter, maar in meting {k} teruggezakt",
        "better, but slid back in mapping {k}",
    ),
    "history.iteration": ("Meting", "Mapping"),
    "history.date": ("Datum", "Date"),
    "history.source": ("Bron", "Source"),
    "history.group": ("Fase", "Phase"),
    "history.scale": ("Schaal", "Scale"),
    "history.step": ("Stap", "Step"),
    "history.action": ("Verbeteractie", "Improvement action"),
    "history.lifecycle": ("Verloop (meting)", "Course (mapping)"),
    "history.chart": ("Verloop per schaal", "Course per scale"),
    "history.chart-better": ("beter", "better"),
    "history.chart-empty": ("Er is nog niets beoordeeld.", "Nothing has been rated yet."),
    # --- the history and portfolio pages (HTML) ---------------------------------------
    "page.skip": ("Naar de inhoud", "Skip to the content"),
    "page.trend": ("verloop", "trend"),
    "page.steps": ("Stappen over de metingen", "Steps over the mappings"),
    "page.steps-note": (
        "Elke beoordeelde stap, ook als hij een andere titel of id kreeg (gevolgd zoals "
        "klantreis diff dat doet); – waar hij niet beoordeeld is.",
        "Every rated step, also when its title or id changed (followed as klantreis diff "
        "does); – where it was not rated.",
    ),
    "page.no-ratings": ("Geen stap is beoordeeld.", "No step has ratings."),
    "page.targets": ("doelstappen", "target steps"),
    "page.effect": ("Effect", "Effect"),
    "page.lasting-note": (
        "Effect: beter wanneer de doelstappen op ten minste één schaal beter werden en op "
        "geen enkele slechter; het bleef zo als elke latere meting nog beter is dan de meting "
        "vóór de actie.",
        "Effect: better when the target steps improved on at least one scale and got worse "
        "on none; it lasted when every later mapping is still better than the one before "
        "the action.",
    ),
    "page.journey": ("Klantreis", "Journey"),
    "page.scope": ("Wie", "Who"),
    "page.score": ("Score", "Score"),
    "page.count": ("Aantal", "Count"),
    "page.share": ("Aandeel", "Share"),
    "page.grouped-by-tag": ("Samen door het label", "Grouped by the tag"),
    "page.grouped-by-words": ("Samen door de woorden", "Grouped by the words"),
    "page.pain-group": (
        "{side}, baan {lane}, in {n} klantreizen",
        "{side}, lane {lane}, in {n} journeys",
    ),
    # --- klantreis portfolio ------------------------------------------------------------
    "portfolio.title": (
        "Portfolio van {n} klantreizen op {today}",
        "Portfolio of {n} customer journeys on {today}",
    ),
    "portfolio.title-one": (
        "Portfolio van 1 klantreis op {today}",
        "Portfolio of 1 customer journey on {today}",
    ),
    "portfolio.journey": (
        "{title}: {n} metingen, laatste {date}",
        "{title}: {n} mappings, latest {date}",
    ),
    "portfolio.journey-one": (
        "{title}: 1 meting, {date}",
        "{title}: 1 mapping, {date}",
    ),
    "portfolio.board": ("Actiebord", "Action board"),
    "portfolio.overdue": ("TE LAAT ", "OVERDUE "),
    "portfolio.no-owner": ("geen eigenaar", "no owner"),
    "portfolio.action": (
        "{title} ({journey}) — {owner}, deadline {due}, {status}",
        "{title} ({journey}) — {owner}, due {due}, {status}",
    ),
    "portfolio.without-effect": (
        "Gedaan zonder (blijvend) effect",
        "Done without (lasting) effect",
    ),
    "portfolio.none": ("geen", "none"),
    "portfolio.pain-points": (
        "Knelpunten die in meer klantreizen terugkomen",
        "Pain points that recur across journeys",
    ),
    "portfolio.pain-group": (
        "{side}, baan {lane}, in {n} klantreizen (gedeelde woorden: {words})",
        "{side}, lane {lane}, in {n} journeys (shared words: {words})",
    ),
    "portfolio.tag-group": (
        "label ‘{tag}’, in {n} klantreizen",
        "tag ‘{tag}’, in {n} journeys",
    ),
    "portfolio.side.client": ("knelpunt cliënt", "client's pain point"),
    "portfolio.side.professional": ("knelpunt professional", "professionals' pain point"),
    "portfolio.moments": (
        "De {n} laagst gewaardeerde momenten van de waarheid",
        "The {n} lowest-rated moments of truth",
    ),
    "portfolio.moments-one": (
        "Het laagst gewaardeerde moment van de waarheid",
        "The lowest-rated moment of truth",
    ),
    "portfolio.balance": (
        "Verdeling van de verbeteracties over thema's en wie",
        "Improvement actions by theme and scope",
    ),
    "portfolio.stale": (
        "Niet opnieuw gemeten in meer dan {days} dagen",
        "Not measured again for more than {days} days",
    ),
    "portfolio.stale-line": (
        "{title}: laatste meting {date}, {days} dagen geleden",
        "{title}: latest mapping {date}, {days} days ago",
    ),
    "portfolio.stale-undated": (
        "{title}: de laatste meting heeft geen datum",
        "{title}: the latest mapping has no date",
    ),
    # --- capture: the fill-in workbook and its import ----------------------------------
    "capture.sheet.wall": ("Wand", "Wall"),
    "capture.sheet.actions": ("Verbeteracties", "Actions"),
    "capture.sheet.insights": ("Inzichten", "Insights"),
    "capture.sheet.help": ("Uitleg", "How to"),
    "capture.sheet.lists": ("Lijsten", "Lists"),
    "capture.row.phase": ("Fase →", "Phase →"),
    "capture.row.notes": ("Post-its (? ! +)", "Notes (? ! +)"),
    "capture.title": ("Titel", "Title"),
    "capture.language": ("Taal", "Language"),
    "capture.col.action": ("Actie", "Action"),
    "capture.col.description": ("Beschrijving", "Description"),
    "capture.col.scope": ("Wie kan het", "Scope"),
    "capture.col.theme": ("Thema", "Theme"),
    "capture.col.mandate": ("Binnen eigen mandaat", "Within our mandate"),
    "capture.col.tomorrow": ("Kan morgen al", "Can change tomorrow"),
    "capture.col.owner": ("Eigenaar", "Owner"),
    "capture.col.due": ("Deadline", "Due (date)"),
    "capture.col.status": ("Status", "Status"),
    "capture.col.targets": ("Voor de stappen (titel of nummer)", "For the steps (title or number)"),
    "capture.col.ideas": ("Uit de ideeën (titel of nummer)", "From the ideas (title or number)"),
    "capture.col.effect": ("Verwacht effect", "Expected effect"),
    "capture.col.insight": ("Inzicht", "Insight"),
    "capture.col.author": ("Door", "By"),
    "capture.col.date": ("Datum", "Date"),
    "capture.col.steps": ("Bij de stappen (titel of nummer)", "About the steps (title or number)"),
    "capture.col.discussed": ("Besproken", "Discussed"),
    "capture.col.discussed_on": ("Besproken op", "Discussed on"),
    "capture.help": (
        "Zo vul je de wand in:\n"
        "1. Typ op het blad Wand de naam van elke fase in de bovenste rij; de kolommen tot "
        "de volgende fasenaam horen bij die fase (voeg gerust kolommen in).\n"
        "2. Zet elke post-it in de rij van zijn baan; meer post-its in één cel: één per regel. "
        "Begin met ★ voor een moment van de waarheid.\n"
        "3. Scores en post-its (? vraag, ! bezwaar → suggestie, + aanvulling, met (auteur) "
        "erachter) onder een kolom horen bij de eerste post-it van die kolom.\n"
        "4. Verbeteracties en inzichten noemen hun stappen bij titel of nummer "
        "(de post-its geteld van links naar rechts, van boven naar beneden).\n"
        "5. Lees het terug met: klantreis import wand.xlsx -o reis.yaml",
        "How to fill in the wall:\n"
        "1. On the Wall sheet, type each phase's name in the top row; the columns up to the "
        "next phase name belong to it (insert columns as you need).\n"
        "2. Put each post-it in the row of its lane; several post-its in one cell: one per "
        "line. Start with ★ for a moment of truth.\n"
        "3. Ratings and notes (? question, ! disagreement → suggestion, + addition, with "
        "(author) after it) under a column belong to that column's first post-it.\n"
        "4. Improvement actions and insights name their steps by title or number (the "
        "post-its counted left to right, top to bottom).\n"
        "5. Read it back with: klantreis import wall.xlsx -o journey.yaml",
    ),
    "capture.score-prompt": ("Een score van {low} tot {high}", "A rating from {low} to {high}"),
    "capture.not-a-score": (
        '{scale} "{value}" is geen score {low}–{high}',
        '{scale} "{value}" is not a rating {low}–{high}',
    ),
    "capture.no-phase": (
        "deze kolom heeft post-its maar geen fase erboven",
        "this column has post-its but no phase above it",
    ),
    "capture.no-step": (
        "{what} in een kolom zonder post-it",
        "{what} in a column without a post-it",
    ),
    "capture.no-mark": (
        '"{line}" begint niet met ?, ! of +',
        '"{line}" does not start with ?, ! or +',
    ),
    "capture.unknown-step": (
        '"{ref}" is geen titel of nummer van een stap',
        '"{ref}" is not the title or number of a step',
    ),
    "capture.ambiguous-step": (
        '"{ref}" is de titel van meer stappen; gebruik het nummer ({numbers})',
        '"{ref}" is the title of several steps; use the number ({numbers})',
    ),
    "capture.bad-choice": (
        '"{value}" is niet een van: {choices}',
        '"{value}" is not one of: {choices}',
    ),
    "capture.bad-flag": ('"{value}" is geen ja of nee', '"{value}" is not yes or no'),
    "capture.bad-date": (
        '"{value}" is geen datum (schrijf 2026-05-31 of 31-5-2026)',
        '"{value}" is not a date (write 2026-05-31 or 31-5-2026)',
    ),
    "capture.bad-duration": (
        '"{value}" is geen doorlooptijd (schrijf bijv. 2-4 weken)',
        '"{value}" is not a lead time (write e.g. 2-4 weeks)',
    ),
    "capture.no-title": ("een rij zonder titel", "a row without a title"),
    "capture.no-lane": (
        "een rij met post-its maar zonder baannaam",
        "a row with post-its but no lane name",
    ),
    "capture.no-wall": (
        "het werkboek heeft geen blad {sheet}",
        "the workbook has no {sheet} sheet",
    ),
    "capture.cli.suffix": (
        "{file}: import leest .xlsx- en .csv-bestanden, geen {suffix}",
        "{file}: import reads .xlsx and .csv files, not {suffix}",
    ),
    "capture.cli.no-output": (
        "zeg waar de reis heen moet: -o reis.yaml (of --into reis.yaml)",
        "say where the journey goes: -o journey.yaml (or --into journey.yaml)",
    ),
    "capture.cli.nothing-written": (
        "{errors}; niets geschreven (--partial schrijft wat goed te lezen is)",
        "{errors}; nothing written (--partial writes what reads clean)",
    ),
    "capture.cli.wrote": ("{file} geschreven ({n} stappen)", "wrote {file} ({n} steps)"),
    "capture.cli.wrote-one": ("{file} geschreven (1 stap)", "wrote {file} (1 step)"),
    "capture.cli.binary": (
        "een werkboek is binair; schrijf het naar een bestand met -o wand.xlsx",
        "a workbook is binary; write it to a file with -o wall.xlsx",
    ),
    "capture.cli.fill-in": (
        "{file} geschreven; vul het in, en dan: klantreis import {file} -o reis.yaml",
        "wrote {file}; fill it in, then: klantreis import {file} -o journey.yaml",
    ),
    "capture.unreadable": (
        "geen werkboek dat te lezen is: {reason}",
        "not a readable workbook: {reason}",
    ),
}
"""Every message: ``key -> (dutch, english)``."""


def language_code(language: str | None) -> str:
    """``"nl"`` or ``"en"`` for a language (a :class:`~klantreis.Language` or its code).

    ``None`` is :func:`default_language`. Anything else is a :class:`ValueError` that
    says which languages there are.
    """
    if language is None:
        return default_language()
    code = language.value if isinstance(language, enum.Enum) else language
    if code not in LANGUAGES:
        raise ValueError(f"{language!r} is not a language klantreis speaks (nl, en)")
    return str(code)


def default_language() -> str:
    """The language of messages outside a journey: ``KLANTREIS_LANG``, else English.

    An unknown value in ``KLANTREIS_LANG`` is a :class:`ValueError` naming it.
    """
    value = os.environ.get("KLANTREIS_LANG", "").strip().lower()
    if not value:
        return "en"
    if value not in LANGUAGES:
        raise ValueError(f"KLANTREIS_LANG={value!r} is not a language klantreis speaks (nl, en)")
    return value


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def enum_key(member: enum.Enum) -> str:
    """The catalogue key of an enumeration member: ``Theme.LEGAL_ROOM`` is ``theme.legal-room``."""
    return f"{_CAMEL.sub('-', type(member).__name__).lower()}.{member.value}"


def text(key: str | enum.Enum, language: str | None = None, /, **values: object) -> str:
    """The message *key* in *language*, with *values* filled in.

    *key* is a catalogue key or a member of one of the model's enumerations. With
    ``n=1`` among *values*, ``KEY-one`` is used when the catalogue has it. A value
    that is a :class:`Message` is told in the same language.
    *language* ``None`` is :func:`default_language`.

    >>> from klantreis import Theme
    >>> text(Theme.LEGAL_ROOM, "en")
    'Making full use of the latitude in laws and regulations'
    """
    if isinstance(key, enum.Enum):
        key = enum_key(key)
    if values.get("n") == 1 and f"{key}-one" in CATALOGUE:
        key = f"{key}-one"
    code = language_code(language)
    message = CATALOGUE[key][0 if code == "nl" else 1]
    if not values:
        return message
    told = {k: v(code) if isinstance(v, Message) else v for k, v in values.items()}
    return message.format(**told)


def date_text(day: dt.date, language: str | None = None) -> str:
    """A date as people write it: ``26 maart 2026``, ``26 March 2026``.

    >>> date_text(dt.date(2026, 3, 26), "nl")
    '26 maart 2026'
    """
    month = text(f"month.{day.month}", language)
    return text("date", language, day=day.day, month=month, year=day.year)


def span_text(minutes: int, language: str | None = None) -> str:
    """A span of time: ``2 uur 30 min``, ``2 h 30 min``, ``45 min``.

    >>> span_text(150, "nl"), span_text(45, "en")
    ('2 uur 30 min', '45 min')
    """
    return span(minutes)(language)


def span(minutes: int) -> Message:
    """A span of time as a :class:`Message`, to be told in any language."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return Message("span.hours-minutes", hours=hours, minutes=rest)
    if hours:
        return Message("span.hours", hours=hours)
    return Message("span.minutes", minutes=rest)


class Message:
    """A message not told yet: a catalogue key and its values, told in any language.

    >>> changes = Message("diff.changes-count", n=3)
    >>> changes("en"), changes("nl")
    ('3 changes', '3 wijzigingen')
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in the catalogue")
        self.key = key
        self.values: Mapping[str, object] = values

    def __call__(self, language: str | None = None) -> str:
        """The message in *language* (``None``: :func:`default_language`)."""
        return text(self.key, language, **self.values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, dict(self.values)) == (other.key, dict(other.values))

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        values = "".join(f", {k}={v!r}" for k, v in self.values.items())
        return f"Message({self.key!r}{values})"
