"""Rules: what the main run of prose of a text page swallowed: a reader-comment thread, a photo gallery, the
author box at its end.

Threads and galleries are runs of entries that each start with a telling head: a short dated line (replies), a
counter "7/50" (gallery slides). Their entries read like prose; the repeated heads give them away. These rules
run after the main text is found and look inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...context import Context
from ...document import Block
from ...features.shape import block_words, ends_sentence, is_prose, last_lines
from ...features.text.scan import lines_opening_digit
from ...phrases import words_of
from ...rule import TEXT_ONLY, Mark, Rule, rule
from .lines import _BIO, _DATE, _TIME, BIO_MAX_WORDS, date_hint_lines
from .region import main_span

# A comment's head: the commenter's name and the date of the reply, sometimes a time or "Reply"
# ("Rarst · March 10, 2017 at 1:26 AM", "Heidemarie Heim | Di, 21. April 2020 - 16:40", "th3Chris 28.09.19 13:39").
_REPLY_DATE = regex.compile(rf"{_DATE}{_TIME}?", regex.V1 | regex.IGNORECASE)
# Heads are short: the longest on the dev sets has 10 words ("Sallie Goetsch (rhymes with sketch) · March 10,
# 2017 at 12:20 AM"); lines beyond 12 words that hold a date are sentences or listings.
REPLY_HEAD_WORDS = 12
# ...and so at most a few hundred characters: a 12-"word" line of megabytes (no spaces) is no head, and the date
# search must not scan it (it took 63 s on a 50 MiB line).
REPLY_HEAD_MAX_CHARS = 400
# Besides the date, a head holds a name and maybe "Reply" / "Antworten": at most 6 words (dev sets: 1-5).
REPLY_OTHER_WORDS = 6
# A thread is at least 3 replies, each head followed by its text (a line of 6+ words) before the next head:
# event listings ("Termin: 21.02.2020, 19 Uhr" line after line) have no text between their dates.
REPLY_MIN = 3
REPLY_TEXT_WORDS = 6
# The article comes first: the thread starts after at least this many words of prose in the main text (a
# short byline with a date above the article is the article's own). 60 words: three sentences (dev sets).
REPLY_AFTER_WORDS = 60
# A head that names the commenter, then a speech verb and a colon ("Yvonne sagt:", "Jeremy Banks says:"): blog
# comment systems write it in the present tense, without a date or with the date after it. Past-tense verbs ("X
# wrote:", "Y schrieb:") also open quotes inside articles, so they make a head only with the reply's date on the
# line ("Anna on March 10, 2017 at 1:26 AM said:"). The verbs per language are data (phrases/comments-widget.json,
# "head_verbs" and "head_verbs_dated"). Names are 1-5 words (dev sets: 1-3; a pingback's whole title is not one).
SPEECH_NAME_WORDS = 5


def _verbs(key: str) -> str:
    return "|".join(sorted({regex.escape(v.casefold()) for v in words_of("comments-widget", key)}, key=len,
                           reverse=True)) or "says"


# Any speech verb before a colon: one quick search before the two patterns.
_MAY_SPEAK = re.compile(rf"(?:{_verbs('head_verbs')}|{_verbs('head_verbs_dated')})\s*:", re.IGNORECASE)
_NAME = rf"\S+(?:\s+\S+){{0,{SPEECH_NAME_WORDS - 1}}}"
_SPEECH_HEAD = regex.compile(rf"{_NAME}\s+(?:{_verbs('head_verbs')})\s*:(?:\s*{_DATE}{_TIME}?)?",
                             regex.V1 | regex.IGNORECASE)
_SPEECH_HEAD_DATED = regex.compile(
    rf"{_NAME}\s+(?:(?:on|am|le|el|il|em|op|dnia)\s+{_DATE}{_TIME}?\s+(?:{_verbs('head_verbs_dated')})\s*:"
    rf"|(?:{_verbs('head_verbs_dated')})\s*:\s*{_DATE}{_TIME}?)", regex.V1 | regex.IGNORECASE)


def _reply_head(block: Block, dated: frozenset[int]) -> bool:
    """True when the line opens a reply (``dated``: the lines holding a DATE_HINT match, lines.date_hint_lines)."""
    text = block.text
    words = block_words(block)
    if words <= REPLY_HEAD_WORDS and len(text) <= REPLY_HEAD_MAX_CHARS and ":" in text and _MAY_SPEAK.search(text) and (
            _SPEECH_HEAD.fullmatch(text.strip()) or _SPEECH_HEAD_DATED.fullmatch(text.strip())):
        return True
    if words > REPLY_HEAD_WORDS or len(text) > REPLY_HEAD_MAX_CHARS or block.index not in dated:
        return False
    # An embedded post ("— Name (@handle) January 24, 2020") quotes a source inside the article.
    if ends_sentence(text) or text.rstrip().endswith(":") or "(@" in text or text.startswith(("—", "–")):
        return False
    found = _REPLY_DATE.search(text)
    if found is None:
        return False
    other = len(text[: found.start()].split()) + len(text[found.end():].split())
    return other <= REPLY_OTHER_WORDS


@rule("reply-thread", "comments-widget", modes=TEXT_ONLY)
def reply_thread(ctx: Context) -> Iterator[Mark]:
    """Replies under the article, each headed by a name and a date or "says:" ("Rarst · May 3, 2017", "Ann says:")."""
    span = main_span(ctx)
    if span is None:
        return
    dated = date_hint_lines(ctx)
    heads: list[int] = []
    prose_words = 0
    first_after = -1  # the first head that follows enough of the article's prose
    text_since = True
    for block in ctx.blocks[span.start : span.end + 1]:
        if block.label != "body":
            continue
        if _reply_head(block, dated):
            if prose_words >= REPLY_AFTER_WORDS and text_since:
                if first_after < 0:
                    first_after = len(heads)
                heads.append(block.index)
                text_since = False
            continue
        if block_words(block) >= REPLY_TEXT_WORDS:
            text_since = True
        if first_after < 0 and is_prose(block):
            prose_words += block_words(block)
    if first_after < 0 or len(heads) - first_after < REPLY_MIN:
        return
    start = heads[first_after]
    count = len(heads) - first_after
    for block in ctx.blocks[start:]:
        if block.label == "body":
            yield block.index, (f'in a thread of {count} replies opened by dated lines (>= {REPLY_MIN}), the first '
                                f'"{ctx.blocks[start].text[:40]}"')


# A slide's counter: "7/50 Kicking up a skink", "2 / 28 photos". Fractions in recipes ("1/2 cup") do not count up.
_SLIDE = regex.compile(r"^(\d{1,3}) ?/ ?(\d{1,3})(?:\s|$)")
# A gallery shows at least this many slides counted 1, 2, 3... of the same total (dev sets: 5 to 50).
GALLERY_MIN = 3


@rule("gallery-slides", "image-caption", modes=TEXT_ONLY)
def gallery_slides(ctx: Context) -> Iterator[Mark]:
    """The slides of a photo gallery: 3+ entries counted "1/50", "2/50", "3/50"…, each with its caption."""
    slides: list[tuple[int, int, int]] = []  # (block index, number, total)
    for block in [ctx.blocks[i] for i in lines_opening_digit(ctx)]:
        if block.label == "body":
            found = _SLIDE.match(block.text)
            if found is not None:
                slides.append((block.index, int(found.group(1)), int(found.group(2))))
    run: list[tuple[int, int, int]] = []
    for slide in [*slides, None]:
        if slide is not None and run and slide[2] == run[-1][2] and slide[1] == run[-1][1] + 1:
            run.append(slide)
            continue
        if len(run) >= GALLERY_MIN:
            yield from _gallery_marks(ctx, run)
        run = [slide] if slide is not None and slide[1] <= slide[2] else []


def _gallery_marks(ctx: Context, run: list[tuple[int, int, int]]) -> Iterator[Mark]:
    first, last = run[0][0], run[-1][0]
    # The last slide's caption runs as long as an average slide: lines per slide, minus its counter line.
    tail = round((last - first) / (len(run) - 1)) - 1
    for block in ctx.blocks[first : last + tail + 1]:
        if block.label == "body":
            yield block.index, (f"in a gallery of {len(run)} slides counted {run[0][1]}/{run[0][2]} to "
                                f"{run[-1][1]}/{run[-1][2]} (>= {GALLERY_MIN})")


# The author box follows the article: its last few kept lines ("Perry Bacon Jr. is a senior writer for
# FiveThirtyEight.") once the page's header and footer are gone. Short lines count too (5+ words).
BIO_TAIL_LINES = 3
BIO_MIN_WORDS = 5


@rule("closing-bio", "author-box", modes=TEXT_ONLY)
def closing_bio(ctx: Context) -> Iterator[Mark]:
    """An author biography among the last lines of the article ("Jane Doe is a senior writer for…")."""
    if _BIO is None:
        return
    kept = last_lines(ctx.blocks, BIO_TAIL_LINES + 1, lambda b: b.label == "body" and block_words(b) >= BIO_MIN_WORDS)
    if len(kept) <= BIO_TAIL_LINES:
        return
    for block in kept[-BIO_TAIL_LINES:]:
        if block_words(block) <= BIO_MAX_WORDS and block.text[:1].isupper() and _BIO.match(block.text):
            yield block.index, (f"one of the last {BIO_TAIL_LINES} lines of the article, and it starts like an author"
                                " biography (name, linking verb, a role such as writer/editor)")


RULES: list[Rule] = [reply_thread, gallery_slides, closing_bio]
