"""Rules: single short HTML blocks around the article that are page metadata: date lines and kickers (HTML only).

They run after the content region and the furniture rules, on what those kept: the region often holds the
article header, whose date line ("Publiziert: 03.04.2020, 12:35") and category label ("Energie", "Analysis")
are not article text.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...context import Context
from ...document import Block
from ...features.headline import KICKER_MAX_WORDS, kept_above_title
from ...features.html.elements import body_of
from ...features.shape import block_words, ends_sentence, is_prose
from ...phrases import load_pack, words_of
from ...rule import HTML_ONLY, Mark, Rule, rule

# 19.06.2019, 2019-06-19, 19/06/2019, 19 June 2019, June 19, 2019, 19. Juni 2019, 2019年6月19日.
_MONTHS = "|".join(sorted(set(words_of("dates", "months")), key=len, reverse=True)) or "january"
_NUMERIC_DATES = (rf"\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})(?![\d.]\d)|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
                  rf"|\d{{4}}年\d{{1,2}}月\d{{1,2}}日|\d{{1,2}}\.?\s*(?:{_MONTHS})\.?,?\s*\d{{4}}")
_MONTH_FIRST = rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_DATE = regex.compile(rf"(?<!\d)(?:{_NUMERIC_DATES}|{_MONTH_FIRST})(?!\d)", regex.V1 | regex.IGNORECASE)
# A day and month without the year ("Mar 17", "17 March", "17. März"), as Medium and blogs print this year's dates.
_YEARLESS = regex.compile(
    rf"(?<![\w.])(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?)(?!\w)(?![.,:]?\s*\d)",
    regex.V1 | regex.IGNORECASE,
)
# Every date _DATE finds holds four digits in a row or a digit, a separator and a digit ("2019", "19.06."): a line
# with neither holds none. One search for them spares most lines the month-name pattern (~0.2 ms a line).
_DATE_HINT = regex.compile(r"\d{4}|\d[./-]\d", regex.V1 | regex.IGNORECASE)
# A date led by its month ("June 19, 2019") needs " 19, 2019" after it. Without that, _DATE finds exactly what its
# numeric forms find: the month names are then tried after digits only, not at every character (10x faster).
_MONTH_FIRST_TAIL = regex.compile(r"\s\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}", regex.V1 | regex.IGNORECASE)
_DATE_NUMERIC = regex.compile(rf"(?<!\d)(?:{_NUMERIC_DATES})(?!\d)", regex.V1 | regex.IGNORECASE)
# Every _YEARLESS date has a digit next to a space ("Mar 17", "17. März").
_YEARLESS_HINT = regex.compile(r"\s\d|\d\.?\s", regex.V1 | regex.IGNORECASE)
_DIGIT = regex.compile(r"\d")
_WORDISH = regex.compile(r"\w")
# Times of day ("07:19", "13h36", "11:29 a.m."): with the dates, the values of a date line, not its words.
_TIME = regex.compile(r"(?<![\d:])\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?![\d:])", regex.IGNORECASE)
# "at 11:29 a.m." ends in the abbreviation's full stop, not a sentence's.
_TIME_END = regex.compile(r"\d\s*[ap]\.m\.$", regex.IGNORECASE)
# A date line is short: "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion" is 12 words, the longest
# metadata line with a date on the dev sets' article headers; a sentence that mentions a date is longer.
# A longer line is a date line when dates and times make up half its words or more: "AFP 30 avril 2015 à 07:19
# (Mis à jour : 30 avril 2015 à 07:38)" has 16 words, 6 of them not a date or a time; a header naming an
# event with its date ("Bern, 17.08.2007 - Rede von ... beim SP-Städtegipfel, Basel, 18. August 2007") has more.
DATE_LINE_MAX_WORDS = 12
_DATE_SHARE = 0.5
# ... or when it is a row of 3+ fields split by | or • ("Source | date | By author"), none over 12 words.
_FIELD_SPLIT = regex.compile(r"\s[|•]\s")
_MIN_FIELDS = 3
# Dates in table cells and list items are data (schedules, references), in headings they title a section.
_DATA_TAGS = frozenset({"td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "pre", "caption"})
# Elements that hold metadata wherever they sit: an article's <header> (the page's own header is gone by now, see
# page-header) and a <time> element around the whole line. Their date lines count after a standfirst (the dev
# sets' "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024" under the dek, "23.06.2016 um 16:14 Uhr - Markus
# Reuter" in <header>) and in their list items ("<li>opublikowano: 2021-04-29 17:13</li>" of a meta list).
_META_TAGS = frozenset({"header", "time"})
_META_ITEM_TAGS = frozenset({"li", "dd", "dt"})
_ARTICLE_TAGS = frozenset({"article", "main", "body"})


@rule("date-line", "byline", modes=HTML_ONLY)
def date_line(ctx: Context) -> Iterator[Mark]:
    """A short line with a date above or below the article text ("Publiziert: 03.04.2020", "By Jane, May 8, 2020")."""
    body = body_of(ctx)
    # Dates between the paragraphs are article text (event dates, deadlines); the header and footer hold metadata.
    first = next((b.index for b in body if is_prose(b)), None)  # scans from each end: most blocks are never read
    if first is None:
        return
    last = next(b.index for b in reversed(body) if is_prose(b))
    byline = load_pack("byline")
    for block in body:
        if not _DIGIT.search(block.text) or "blockquote" in block.ancestors:  # a quoted post's signature
            continue
        meta = _meta_element(block)
        if block.tag in _DATA_TAGS and not (meta and block.tag in _META_ITEM_TAGS):
            continue
        words = block_words(block)
        if words > 3 * DATE_LINE_MAX_WORDS or (ends_sentence(block.text) and not _TIME_END.search(block.text)):
            continue
        found = _date_in(block.text)
        if found is None and words > DATE_LINE_MAX_WORDS:
            continue  # a line this long needs a full date (see below): no need to count its other words
        other = _other_words(block.text) if words > DATE_LINE_MAX_WORDS else words
        fields = _fields(block.text) if words > DATE_LINE_MAX_WORDS and other > (1 - _DATE_SHARE) * words else None
        if fields is None and (other > DATE_LINE_MAX_WORDS or (other < words and other > (1 - _DATE_SHARE) * words)):
            continue
        # Between the paragraphs, only a line led by a byline word ("Aktualisiert:", "Pubblicato il", "By") is
        # metadata; a bare date there is article text (an event date, a deadline).
        led = None
        if first < block.index < last and meta is None:
            led = byline.match(block.text, words)
            if led is None or led.position != "start":
                continue
        if found is None and words <= DATE_LINE_MAX_WORDS and _yearless_in(block.text):
            # A date without its year ("Mar 17") counts after a byline word only: "Written on Mar 17 by".
            if led is None:
                led = byline.match(block.text, words)
            found = _yearless_in(block.text) if led is not None and led.position == "start" else None
        if found:
            lead = f'after "{led.phrase}" ' if led else (f"inside <{meta}> " if meta else "")
            if fields is not None:
                counted = f"{words} words in {fields} fields of <= {DATE_LINE_MAX_WORDS} words, split by | or •"
            elif other == words:
                counted = f"{words} words (<= {DATE_LINE_MAX_WORDS})"
            else:
                counted = f"{words} words, {other} (<= {1 - _DATE_SHARE:.0%}) besides dates and times"
            yield block.index, f'holds the date "{found.group(0)}" {lead}in {counted}'


def _meta_element(block: Block) -> str | None:
    """The tag of the innermost <header> or <time> around the block inside its article, or None."""
    for tag in reversed(block.ancestors):
        if tag in _META_TAGS:
            return tag
        if tag in _ARTICLE_TAGS:  # a <header> that holds the article is a page wrapper, not the article's header
            return None
    return None


def _fields(text: str) -> int | None:
    """How many fields a metadata line of 3+ short fields has ("Le Monde | 04.05.2015 à 13h36 • Par X"), or None."""
    fields = _FIELD_SPLIT.split(text)
    if len(fields) < _MIN_FIELDS or any(len(f.split()) > DATE_LINE_MAX_WORDS for f in fields):
        return None
    return len(fields)


def _dates_of(text: str) -> regex.Pattern[str] | None:
    """A pattern that finds exactly the dates _DATE finds in this text, the quickest that does; None: no date."""
    if not _DATE_HINT.search(text):
        return None
    return _DATE if _MONTH_FIRST_TAIL.search(text) else _DATE_NUMERIC


def _date_in(text: str) -> regex.Match[str] | None:
    """The first date in the text (_DATE), or None."""
    dates = _dates_of(text)
    return dates.search(text) if dates is not None else None


def _yearless_in(text: str) -> regex.Match[str] | None:
    """The first day and month without a year in the text (_YEARLESS), or None."""
    return _YEARLESS.search(text) if _YEARLESS_HINT.search(text) else None


def _other_words(text: str) -> int:
    """Words of a line besides its dates and times of day."""
    dates = _dates_of(text)
    undated = dates.sub(" ", text) if dates is not None else text
    return sum(1 for w in _TIME.sub(" ", undated).split() if _WORDISH.search(w))


# A kicker is a few words ("Energie", "Nachruf", "Pressemitteilung"): at most KICKER_MAX_WORDS, as the text-mode
# kicker rule; at most 3 such lines (category, date, reading time) sit above the headline on the dev sets' pages.
KICKER_MAX_LINES = 3


@rule("html-kicker", "kicker", modes=HTML_ONLY)
def html_kicker(ctx: Context) -> Iterator[Mark]:
    """Short labels kept above the headline (category, "Analysis", reading time): the kicker, not article text."""
    before = kept_above_title(ctx)
    if not before or len(before) > KICKER_MAX_LINES:
        return
    if any(block_words(b) > KICKER_MAX_WORDS or is_prose(b) for b in before):
        return
    for block in before:
        yield block.index, (f"{block_words(block)} words (<= {KICKER_MAX_WORDS}) above the headline, "
                            f"{len(before)} line(s) (<= {KICKER_MAX_LINES}) kept before it")


RULES: list[Rule] = [date_line, html_kicker]
