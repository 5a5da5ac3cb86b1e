"""Rules (text mode): the shape of single lines. Bylines, bare dates, author boxes, timed ticker headlines,
"see also" lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from ...context import Context
from ...document import Block
from ...features.shape import block_norm, block_words, ends_sentence, is_prose, last_lines
from ...features.text.scan import lines_holding, lines_matching, lines_opening, lines_opening_digit, lines_starting
from ...phrases import literal_trie, load_pack, normalise, words_of
from ...rule import TEXT_ONLY, Mark, Rule, block_rule, rule

# 19.06.2019, 2019-06-19, 19 June 2019, June 19, 2019, 19. Juni 2019, 2019年6月19日, with an optional time.
_MONTHS = "|".join(sorted(set(words_of("dates", "months")), key=len, reverse=True)) or "january"
_DATE = (rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
         rf"|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
_TIME = r"(?:,?\s*(?:um\s+|at\s+|à\s+|a las\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|uhr|h))?(?:\s*[A-Z]{2,4})?)"
_DATE_LINE = regex.compile(rf"^[\p{{L}}\s,.:|]{{0,30}}?{_DATE}{_TIME}?[\s|]*$", regex.V1 | regex.IGNORECASE)
# Every date form above holds a 4-digit year or a d.m.yy triple: this plain pattern (standard library ``re``,
# no case folding) rules out most lines before the full pattern runs.
# (Written with the digit first: the same lines as \d{4}|\d[./-]\d{1,2}[./-]\d\d, found 3x faster.)
DATE_HINT = re.compile(r"\d(?:\d\d\d|[./-]\d{1,2}[./-]\d\d)")




def _date_gates() -> tuple[regex.Pattern[str], regex.Pattern[str]] | None:
    """Two quick tests every line that _DATE_LINE matches passes (None when a month name holds a character
    other than letters, marks, spaces and dots: then they would not be exact).

    The shape, from the start: nothing but letters, marks, spaces and , . : | before the first digit (the prefix,
    a leading month name). The end, searched: a date's last part (a year after a day and a month name, d.m.y,
    y-m-d, 年月日), maybe a time with its "Uhr"/"am" and zone, then spaces or bars. Without IGNORECASE (10x faster):
    a case-insensitive month, "am", "Uhr" or zone only ever matches letters, as many as its own or fewer.
    """
    if not all(regex.fullmatch(r"[\p{L}\p{M}\s.]+", m) for m in _MONTHS.split("|")):
        return None
    shape = regex.compile(r"^[\p{L}\p{M}\s,.:|]*\d(?:.*[\d日])?(?:\s*\p{L}{1,4}){0,2}[\s|]*$", regex.DOTALL)
    end = regex.compile(r"(?:\d[\p{L}\p{M}\s.,]*\s\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
                        r"|\d{4}年\d{1,2}月\d{1,2}日)(?:,?\s*(?:\p{L}+\s+){0,2}\d{1,2}[:.\p{L}]\d{2}(?:\s*\p{L}{1,4}){0,2})?"
                        r"[\s|]*$")
    return shape, end


# _DATE_LINE tries its date at each of the first 31 characters (~40 us a line); these gates, exact by
# construction (see _date_gates), spare it half the short lines that hold a year.
_DATE_GATES = _date_gates()


# A date line is short: _DATE_LINE allows 30 characters before the date, the date and a time (~60), and spaces
# or bars after them; 200 characters is far past that, and spares the searches below a line of megabytes.
DATE_LINE_MAX_CHARS = 200


def _is_date_line(text: str) -> bool:
    if len(text) > DATE_LINE_MAX_CHARS or DATE_HINT.search(text) is None:
        return False
    if _DATE_GATES is not None and (_DATE_GATES[0].match(text) is None or _DATE_GATES[1].search(text) is None):
        return False
    return _DATE_LINE.match(text) is not None


# Bylines and date lines are short: "Published 19.06.2019 by Jane Doe, Staff Reporter" is 8 words (dev sets).
BYLINE_MAX_WORDS = 10


@cache
def _byline_starts() -> tuple[str, ...]:
    """The byline pack's "start" phrases as the pack matches them (normalised), for a prefix test."""
    return tuple(sorted({n for p in words_of("byline", "start") if (n := normalise(p))}))


@cache
def _byline_lead() -> re.Pattern[str] | None:
    """The byline pack's "start" phrases at the start of a normalised line (None without phrases)."""
    starts = list(_byline_starts())
    return re.compile(f"\\n{literal_trie(starts)}") if starts else None  # for lines_opening()


def date_hint_lines(ctx: Context) -> frozenset[int]:
    """The lines holding a match of DATE_HINT (a year or a d.m.yy date), found once per page (byline, replies)."""
    return ctx.memo("date-hint-lines", lambda: frozenset(lines_matching(ctx, DATE_HINT)), labels=False)


def _byline_candidates(ctx: Context) -> list[int]:
    """The lines that hold a year or a d.m.yy date, or start with a byline phrase: a byline is one or the other."""

    def scan() -> list[int]:
        found = set(date_hint_lines(ctx))
        lead = _byline_lead()
        if lead is not None:
            found.update(lines_opening(ctx, lead, norms=True))
        return sorted(found)

    return ctx.memo("byline-candidates", scan, labels=False)


@block_rule("byline", "byline", modes=TEXT_ONLY, candidates=_byline_candidates)
def byline(block: Block, ctx: Context) -> str | None:
    """A short line that is a byline or a date ("By Jane Doe", "Published 19.06.2019", "19 June 2019 10:32")."""
    words = block_words(block)
    if words > BYLINE_MAX_WORDS:
        return None
    date_line = _is_date_line(block.text)
    if ends_sentence(block.text.rstrip(" |")) and not date_line:
        return None
    if date_line:
        return f"a date line ({words} words)"
    norm = block_norm(block)
    # Only "start" phrases can make a byline: a prefix test on the normalised line spares the pack's patterns.
    if not norm.startswith(_byline_starts()):
        return None
    found = load_pack("byline").match(block.text, words, norm)
    if found is not None and found.position == "start" and len(block.text.split()) > 1:
        return f"{found.describe()} ({words} words <= {BYLINE_MAX_WORDS}, no sentence end)"
    return None


def _alternation(kind: str, key: str) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words_of(kind, key)), key=len, reverse=True))


_ROLES = _alternation("author-box", "roles")
_LINKS = _alternation("author-box", "links")
# "Jane Doe is a reporter…", "Max Muster ist Redakteur…": a capitalised name of 1-4 words, a linking verb, a role.
_DETERMINERS = _alternation("author-box", "determiners")
_BIO = regex.compile(
    rf"^(?!(?i:{_DETERMINERS})\s)(?:\p{{Lu}}[\p{{L}}.'’\-]*\s+){{0,3}}\p{{Lu}}[\p{{L}}.'’\-]*,?\s+(?i:{_LINKS})\b.{{0,80}}?\b(?i:{_ROLES})\b",
    regex.V1,
) if _ROLES and _LINKS else None
# An author box follows the article: only the last prose lines of the page are candidates. A biography runs
# to 80 words at most (dev sets); longer paragraphs that open with a name are the article's.
BIO_LAST_LINES = 3
BIO_MAX_WORDS = 80


@rule("author-bio-line", "author-box", modes=TEXT_ONLY)
def author_bio(ctx: Context) -> Iterator[Mark]:
    """A short biography after the article ("Jane Doe is a reporter covering…"): the author box."""
    if _BIO is None:
        return
    prose = last_lines(ctx.blocks, BIO_LAST_LINES + 1, lambda b: b.label == "body" and is_prose(b))
    if len(prose) <= BIO_LAST_LINES:
        return
    for block in prose[-BIO_LAST_LINES:]:
        if block_words(block) <= BIO_MAX_WORDS and block.text[:1].isupper() and _BIO.match(block.text):
            yield block.index, "starts like an author biography (name, linking verb, a role such as writer/editor)"


# Markup that reached the text: "<div class=…>", "<img src=… alt=''>" (from <noscript> or escaped HTML).
# Possessive quantifiers and no "<" in an unquoted value: a tag attempt fails at the next "<" without backtracking,
# so a line of repeated "<a b=" is scanned in linear time (the old pattern was cubic: 45 s for 20 KB).
_TAG = regex.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*+(?:\s++[a-zA-Z\-:]++(?:=(?:\"[^\"]*+\"|'[^']*+'|[^\s<>]++))?+)*+\s*+/?>")


def _tag_candidates(ctx: Context) -> list[int]:
    return lines_starting(ctx, "<")


@block_rule("markup-residue", "markup-residue", modes=TEXT_ONLY, candidates=_tag_candidates)
def markup_residue(block: Block, ctx: Context) -> str | None:
    """A text line made of HTML tags (from a <noscript> or escaped markup): code of the page, not its text."""
    text = block.text
    if not text.startswith("<"):
        return None
    tags = _TAG.findall(text)
    if not tags:
        return None
    tag_chars = sum(map(len, tags))
    # Wrapped in tags from end to end, or half the characters inside tags (the rest is their alt or label text).
    if text.endswith(">") and _TAG.match(text) and text.endswith(tags[-1]):
        return f"starts and ends with an HTML tag ({len(tags)} tags)"
    if tag_chars / len(text) >= 0.5:
        return f"{len(tags)} HTML tags make up {tag_chars / len(text):.0%} of the line (>= 50%)"
    return None


# A ticker entry: a clock time and a headline on one line ("14:32 Un artiste arrêté…", "09.15 Uhr Streik…").
_TICKER = regex.compile(r"^(?:[01]?\d|2[0-3])[:h.][0-5]\d(?:\s*(?:Uhr|h))?\s+\S")
# A ticker box lists 5+ entries with at most 3 other lines (an expanded entry: its text, a photo credit)
# between two of them. Live articles print the time on a line of its own above each entry, so they do not count.
TICKER_MIN = 5
TICKER_GAP = 3


def _ticker_line(block: Block) -> bool:
    text = block.text
    return text[:1].isdigit() and _TICKER.match(text) is not None and not ends_sentence(text)


@rule("news-ticker", "related-links", modes=TEXT_ONLY)
def news_ticker(ctx: Context) -> Iterator[Mark]:
    """A box of 5+ timed headlines in a row ("14:32 Un artiste arrêté…", "13:08 Les calories…"): a live ticker."""
    run: list[int] = []
    runs: list[list[int]] = []
    for block in [ctx.blocks[i] for i in lines_opening_digit(ctx)]:
        if block.label == "body" and _ticker_line(block):
            if run and block.index - run[-1] > TICKER_GAP + 1:
                runs.append(run)
                run = []
            run.append(block.index)
    runs.append(run)
    for entries in runs:
        if len(entries) < TICKER_MIN:
            continue
        for block in ctx.blocks[entries[0] : entries[-1] + 1]:
            if block.label == "body":
                yield block.index, (f"inside a run of {len(entries)} timed headlines (>= {TICKER_MIN}, at most "
                                    f"{TICKER_GAP} lines apart)")


# "Lea más: <headline of another article>", "VEA TAMBIÉN: …", "Zobacz również: …": a label from the related-links
# pack's "start" list, a colon, then a headline (no sentence end). The phrase rule stops at the pack's 12 words;
# a headline after the label runs longer (dev sets: up to ~25 words), so this rule allows SEE_ALSO_MAX_WORDS.
SEE_ALSO_MAX_WORDS = 30
# The colon closes the label within this many characters ("le puede interesar:" is 19).
SEE_ALSO_LABEL_CHARS = 30
_QUOTES = "\"'»«”“’)]"


def _colon_candidates(ctx: Context) -> list[int]:
    """The lines with a colon among their first SEE_ALSO_LABEL_CHARS characters (the test's first condition)."""
    return lines_holding(ctx, ":", within=SEE_ALSO_LABEL_CHARS)


@block_rule("see-also-line", "related-links", modes=TEXT_ONLY, candidates=_colon_candidates)
def see_also_line(block: Block, ctx: Context) -> str | None:
    """A "see also" label and the headline it points to on one line ("Lea más: Ortega propone…", "Auch lesen: …")."""
    text = block.text
    colon = text.find(":", 0, SEE_ALSO_LABEL_CHARS)
    # A headline may be a question ("Lea: ¿Qué es la Sunedu?"); a full stop or "!" ends a sentence instead.
    if colon < 0 or (ends_sentence(text) and not text.rstrip().rstrip(_QUOTES).endswith(("?", "？"))):
        return None
    words = block_words(block)
    if words > SEE_ALSO_MAX_WORDS:
        return None
    found = load_pack("related-links").match(text, None, block_norm(block))
    if found is None or found.position != "start" or len(found.phrase) > colon + 1:
        return None
    return f"{found.describe()} and a colon, then a headline ({words} words <= {SEE_ALSO_MAX_WORDS}, no sentence end)"


RULES: list[Rule] = [byline, author_bio, markup_residue, news_ticker, see_also_line]
