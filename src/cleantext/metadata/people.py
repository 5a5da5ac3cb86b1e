"""Author names: from JSON-LD objects, <meta> values and byline lines, cleaned into a list of names.

A byline line is read as names only when what is left after its opening word ("By", "Von", "Par", "Por", …),
dates, times and roles is two to five capitalised words per name: "Posted in News", "Read more" or a sentence
are not authors.
"""

from __future__ import annotations

from typing import Any

import regex

# Words that open a byline, in the languages of the dev sets and their neighbours.
_OPENERS = regex.compile(
    r"^\s*(?:(?:(?:written|posted|published|reported|text|story|words|article|updated|photos?)\s+)?"
    r"(?:by|von|vom|par|por|di|da|door|af|av|przez|autor(?:in|a)?|author|text|texto|testo|tekst|"
    r"written by|geschrieben von|verfasst von|publié par|escrito por|scritto da|redacción|redaktion)"
    r"\s*[:\-–—]?\s+|(?-i:By|Von|Par|Por)(?=(?-i:\p{Lu}\p{Ll})))",
    regex.IGNORECASE)
# (?-i:...): a name starts with a capital letter, which IGNORECASE would not check.
_BY_ANYWHERE = regex.compile(r"(?:^|[\s|•·,;(])(?:by|von|par|por|door|przez)\s+(?=(?-i:\p{Lu}))", regex.IGNORECASE)
# Separators between names, and what follows the names on a byline (a date, a time, "|", "on", "updated").
_SPLIT = regex.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bi\b|\boraz\b)\s*",
                       regex.IGNORECASE)
_TAIL = regex.compile(
    r"\s*(?:[|•·—–]|\s-\s|\bon\b|\bam\b|\ble\b|\bel\b|\bil\b|\bupdated\b|\bpublished\b|\bposted\b|\baktualisiert\b|"
    r"\bveröffentlicht\b|\bmis à jour\b|\bpublié\b|\bin\b|\bfor\b|\bfür\b|\bedited\b|\bphotos?\b|\bfotos?\b|"
    r"\billustrat\w*|\bbearbeitet\b|\d).*$",
    regex.IGNORECASE)
# Dates and times in a metadata row, and the separators between its fields.
_DATES_AND_TIMES = regex.compile(
    r"\d{1,4}(?:[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\.?\s*\p{L}{3,10}\.?\s+\d{4})|\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|am|pm|h))?"
    r"|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d+\s+\p{L}+\s+ago\b|\bvor\s+\d+\s+\p{L}+", regex.IGNORECASE)
_FIELD_SEPARATORS = regex.compile(r"\s*[|•·—–/,]\s*|\s{2,}|\s-\s")
# A name: 1-5 words, each capitalised (particles allowed), letters, dots, apostrophes and hyphens only.
_NAME_WORD = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lu}\.|(?:van|von|der|de|da|del|di|du|la|le|dos|bin|al|ten|"
                           r"zu|y|e)|[\p{Lo}]+)")
# Words that are never part of an author's name (section labels, site words, roles).
_NOT_NAMES = frozenset({
    "admin", "administrator", "editor", "news", "home", "posted", "comments", "comment", "read", "more", "share",
    "menu", "search", "login", "anonymous", "unknown", "guest", "user", "webmaster", "contributor", "desk",
    "press", "presse", "agency", "agencies", "by", "von", "par", "por", "autor", "autoren", "autorin", "author",
    "authors", "profil", "profile", "posts", "artikel", "article", "articles", "beiträge", "mehr", "alle", "all",
    "view", "zur", "übersicht", "artikelübersicht", "journalisten", "redakteure", "follow", "kontakt", "contact",
    "updated", "published", "last", "veröffentlicht", "aktualisiert", "publié", "publicado", "category", "type",
})
# Words of a role or an affiliation: a comma part holding one ends the names ("Jane Doe, Senior Writer, ACLU").
_ROLE_WORDS = frozenset({
    "senior", "staff", "technologist", "engineer", "editor", "reporter", "correspondent", "writer", "university",
    "professor", "ceo", "director", "manager", "founder", "redakteur", "redakteurin", "korrespondent", "journalist",
    "journalistin", "chefredakteur", "autor", "autorin", "rédacteur", "rédactrice", "contributor", "columnist",
    "analyst", "expert", "specialist", "president", "leiter", "leiterin", "projektleiterin", "projektleiter",
})
# Month and weekday names that follow a name on a byline ("By Nathan Willis March 3, 2020").
_CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
})


def clean_name(text: str, min_words: int = 1) -> str | None:
    """One author name from a short string, or None when it does not look like a person's or a desk's name.

    ``min_words``: 2 where nothing but the look of the words says it is a name (a link, a block's class)."""
    text = " ".join(text.split()).strip(" ,;:|-–—()[]\"'")
    if not text or len(text) > 80 or "@" in text or "://" in text or text.startswith("www."):
        return None
    words = text.split()
    if len(words) > 6 or len(words) < min_words or (min_words > 1 and len(words) > 4):
        return None
    while words and words[-1].lower().strip(".,") in _CALENDAR_WORDS:
        words.pop()
    if not words or len(words) < min_words or any(w.lower() in _NOT_NAMES for w in words):
        return None
    if any(w.lower().strip(".,") in _ROLE_WORDS for w in words):
        return None
    text = " ".join(words)
    if any(not _NAME_WORD.fullmatch(w) for w in words):
        return None
    if not any(w[0].isupper() or (w[0].isalpha() and not w[0].isascii()) for w in words):
        return None
    return text


def names_from_line(line: str, need_opener: bool = False, bare: bool = False) -> list[str]:
    """The author names on a byline line ("By Jane Doe and John Roe | May 8, 2020"), or [] when it holds none.

    ``need_opener``: only a line opened by a byline word counts. Otherwise a line without one is read as a
    metadata row (names_from_fields) when it holds a date or time, or when ``bare`` (the element is named like
    an author): a name then needs two to four words."""
    text = " ".join(line.split())[:300]
    match = _OPENERS.match(text)
    if match:
        text = text[match.end():]
    else:
        inner = _BY_ANYWHERE.search(text)
        if inner and inner.start() < 60:
            text = text[inner.end():]
        elif need_opener or not (bare or _DATES_AND_TIMES.search(text)):
            return []
        else:
            return names_from_fields(text)
    text = _TAIL.sub("", text)
    names = []
    for part in _SPLIT.split(text):
        if any(w.lower().strip(".,") in _ROLE_WORDS for w in part.split()):
            break  # a role or an affiliation: the names are over
        name = clean_name(part)
        if name:
            names.append(name)
    return names


def names_from_fields(line: str) -> list[str]:
    """Names in a metadata row without a byline word ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", "28. Jan. 2022
    Paula Balov"): dates and times taken out, the fields between separators that are two to four name words."""
    text = _DATES_AND_TIMES.sub(" | ", line)
    names = []
    for field in _FIELD_SEPARATORS.split(text):
        if names and any(w.lower().strip(".,") in _ROLE_WORDS for w in field.split()):
            break
        name = clean_name(field, 2)
        if name and name not in names and not any(w.lower() in _NOT_NAMES for w in name.split()):
            names.append(name)
    return names[:3]


def names_from_value(value: Any, depth: int = 0, persons: dict[str, str] | None = None) -> list[str]:
    """Author names from a <meta> value or a JSON-LD author (a string, a Person object, a list of them);
    ``persons`` names the Person objects an author given as {"@id": ...} refers to."""
    if depth > 3 or value is None:
        return []
    if isinstance(value, str):
        if value.startswith(("http://", "https://", "/")):
            return []  # a profile URL, not a name
        value = value.strip()
        parts = _SPLIT.split(value) if len(value) > 40 or "," in value or ";" in value else [value]
        out = []
        for part in parts:
            part = _OPENERS.sub("", part)
            name = " ".join(part.split()).strip(" ,;:|")
            if name and len(name) <= 80 and "@" not in name and "://" not in name:
                out.append(name)
        return out
    if isinstance(value, dict):
        kind = value.get("@type")
        if isinstance(kind, str) and "organization" in kind.lower():
            return []  # a publisher given as the author: not a person's name
        name = value.get("name")
        if isinstance(name, str | list):
            return names_from_value(name, depth + 1)
        ref = value.get("@id")
        if persons and isinstance(ref, str) and ref in persons:
            return [persons[ref]]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}".strip()]
        return []
    if isinstance(value, list):
        out = []
        for item in value[:20]:
            for name in names_from_value(item, depth + 1, persons):
                if name not in out:
                    out.append(name)
        return out
    return []
