"""Dates in the forms pages print them, in many languages, read as calendar days (never in the future or before 1994).

One function reads a whole value (``parse_date``: a <meta> content, a JSON-LD field, a <time datetime>), another
finds the first date inside a line of text (``find_date``: a byline, "Published 12. Dezember 2019"), a third reads
the date in a URL path (/2019/12/12/).
"""

from __future__ import annotations

import datetime as dt

import regex

# The earliest day a web page can be dated: the web went public in 1991, pages dated before 1994 are errors.
EARLIEST = dt.date(1994, 1, 1)

# Month names and their usual abbreviations (genitive forms too: Polish, Czech, Russian write "12 grudnia").
_MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "pl-nom": ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
               "październik", "listopad", "grudzień"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "cs": ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
           "listopadu", "prosince"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "tr": ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
           "aralık"),
}
_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12, "jän": 1, "jänner": 1, "mär": 3, "mrz": 3, "okt": 10, "dez": 12, "janv": 1, "févr": 2, "fév": 2,
    "avr": 4, "juil": 7, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "set": 9, "setiembre": 9, "gen": 1,
    "mag": 5, "giu": 6, "lug": 7, "ott": 10, "fev": 2, "out": 10, "mrt": 3, "mei": 5, "maa": 3,
}
MONTHS: dict[str, int] = dict(_ABBREVIATIONS)
for _names in _MONTH_NAMES.values():
    for _number, _name in enumerate(_names, 1):
        MONTHS.setdefault(_name, _number)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

# Whole values: ISO 8601 (with or without time), compact 20191212, a Unix timestamp in seconds or milliseconds.
_ISO = regex.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d|\s*$|[^\d])")
_COMPACT = regex.compile(r"\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:T?\d{0,6}Z?)?\s*$")
_EPOCH = regex.compile(r"\s*(\d{10}|\d{13})\s*$")
# Dates inside text. Year first: 2019-12-12, 2019/12/12, 2019.12.12, 2019年12月12日, 2019. 12. 12.
_YMD = regex.compile(r"(?<![\d.])((?:19|20)\d{2})\s*(?:[-/.]\s*|年)(\d{1,2})\s*(?:[-/.]\s*|月)(\d{1,2})(?!\d)")
# Day or month first: 12.12.2019, 12/12/2019, 12-12-19.
_DMY = regex.compile(r"(?<![\d.])(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2}|\d{2})(?![\d])")
# Named months: "12 December 2019", "12. Dezember 2019", "12 de diciembre de 2019", "le 3 juin 2019".
_D_MONTH_Y = regex.compile(
    rf"(?<![\w])(\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?({_MONTH})\.?,?\s*(?:de\s+|del\s+)?"
    rf"((?:19|20)\d{{2}})(?!\d)", regex.IGNORECASE)
# "December 12, 2019", "Dec. 12th 2019".
_MONTH_D_Y = regex.compile(
    rf"(?<![\w])({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d)", regex.IGNORECASE)
# Dates in URLs: /2019/12/12/, /2019-12-12/, /20191212/ (a month alone is not a day: see url_date).
_URL_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)")
_URL_COMPACT = regex.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})[/_.-]")


def today() -> dt.date:
    """The latest day a page can be dated (UTC today plus one day: time zones ahead of UTC)."""
    return dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)


def make_date(year: int, month: int, day: int, latest: dt.date | None = None) -> dt.date | None:
    """The calendar day, or None when it does not exist, is before 1994 or after ``latest`` (default: today)."""
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        day_ = dt.date(year, month, day)
    except ValueError:
        return None
    if day_ < EARLIEST or day_ > (latest or today()):
        return None
    return day_


def parse_date(value: object, latest: dt.date | None = None) -> dt.date | None:
    """A whole date value (ISO 8601, compact, Unix time, or any form find_date reads), or None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None
    value = value[:200]
    match = _ISO.match(value)
    if match:
        return make_date(int(match[1]), int(match[2]), int(match[3]), latest)
    match = _COMPACT.match(value)
    if match:
        return make_date(int(match[1]), int(match[2]), int(match[3]), latest)
    match = _EPOCH.match(value)
    if match:
        seconds = int(match[1][:10])
        found = dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
        return found if EARLIEST <= found <= (latest or today()) else None
    return find_date(value, latest=latest)


def find_date(text: str, month_first: bool = False, latest: dt.date | None = None) -> dt.date | None:
    """The first valid date written in ``text`` (a line: only its first 300 characters are read), or None.

    ``month_first``: read 03/04/2019 as March 4 (US pages) rather than 3 April; a first number over 12 decides."""
    found = find_date_at(text, month_first, latest)
    return found[1] if found else None


def leading_date(text: str, month_first: bool = False, latest: dt.date | None = None,
                 max_words: int = 3) -> dt.date | None:
    """The date a paragraph opens with, as a press release or a dateline does ("25.01.2022 – Die…",
    "Pressemitteilung vom 25. Januar 2022 | Berlin"): at most ``max_words`` words before it, else None."""
    found = find_date_at(text[:120], month_first, latest)
    if found and len(text[: found[0]].split()) <= max_words:
        return found[1]
    return None


def find_date_at(text: str, month_first: bool = False, latest: dt.date | None = None) -> tuple[int, dt.date] | None:
    """(position, date) of the first valid date in ``text`` (its first 300 characters), or None."""
    text = text[:300]
    found: list[tuple[int, dt.date]] = []
    for match in _YMD.finditer(text):
        day = make_date(int(match[1]), int(match[2]), int(match[3]), latest)
        if day:
            found.append((match.start(), day))
            break
    for match in _D_MONTH_Y.finditer(text):
        day = make_date(int(match[3]), MONTHS[match[2].lower()], int(match[1]), latest)
        if day:
            found.append((match.start(), day))
            break
    for match in _MONTH_D_Y.finditer(text):
        day = make_date(int(match[3]), MONTHS[match[1].lower()], int(match[2]), latest)
        if day:
            found.append((match.start(), day))
            break
    for match in _DMY.finditer(text):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if match[2] == "/" and ((month_first and first <= 12) or second > 12):
            first, second = second, first
        day = make_date(year, second, first, latest)
        if day:
            found.append((match.start(), day))
            break
    return min(found, key=lambda f: f[0]) if found else None


def url_date(url: str, latest: dt.date | None = None) -> dt.date | None:
    """The day in a URL path (/2019/12/12/ or /20191212/), or None."""
    if not url:
        return None
    path = url[:2000]
    match = _URL_DATE.search(path) or _URL_COMPACT.search(path)
    if not match:
        return None
    return make_date(int(match[1]), int(match[2]), int(match[3]), latest)
