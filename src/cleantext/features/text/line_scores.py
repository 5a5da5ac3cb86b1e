"""What each line of a text page scores toward the main run of prose, and which line repeats the page's title.

Helpers of the text-mode region rules (rules/text/region.py), no rules of their own. A prose line scores its
word count, a short line (menus, buttons, labels) costs a fixed penalty, lines that wrap one paragraph share
the paragraph's score; the headline anchor is the line under which the article starts. The scores are computed
once per page, in one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ...context import Context
from ...document import Block
from ..shape import (
    PROSE_WORDS,
    block_words,
    ends_sentence,
    ends_with_punctuation,
    is_headline_shaped,
    is_prose,
    word_set,
)
from .scan import lines_holding

# What one short line costs the span. 4.5 words' worth: a span may cross a subheading or a short list to join
# two paragraphs, but not a 20-line menu (-90) to reach a lone 50-word teaser. Tuned on the dev sets (text mode,
# with the paragraph joining and LONG_LINE_CAP below; 3, 4, 4.5, 5, 5.5, 6): readability F1 0.913, 0.916, 0.919,
# 0.920, 0.913, 0.913 and trafilatura-eval 0.877, 0.881, 0.881, 0.881, 0.881, 0.881; 4.5 keeps off the cliff at 5.5.
# Re-checked with the list, gallery and see-also rules in place (4, 4.5, 5): readability 0.920, 0.923, 0.923,
# trafilatura-eval 0.885 for all three.
SHORT_LINE_COST = 4.5
# A line of MEDIUM_LINE_WORDS or more without a sentence end (a list item, a step, a teaser headline) counts
# for a tenth of its words. Tuned on the dev sets (8/10/12/14 words x 0 to 0.5: 10 and 0.1 scored best on both).
MEDIUM_LINE_WORDS = 10
MEDIUM_LINE_WEIGHT = 0.1
# A line an earlier rule removed (a share bar, "Related articles", a cookie button) is evidence of page furniture:
# it costs twice a short line, so the main text does not stretch over a footer whose lines were already removed
# (tuned on the dev sets: 4, 8, 12; 8 and 12 tie).
REMOVED_LINE_COST = 8.0
# A short line that ends in a full stop ("Critics were not convinced.", "Preheat the oven.") counts as two words
# of prose; a short question stays a cost because headlines and prompts end in "?". Measured on the dev sets
# (text mode; 0, 1, 2, 3, 4): 2 scored best on trafilatura-eval (0.874 -> 0.875), readability unchanged.
SENTENCE_LINE_SCORE = 2.0
# A line cut into pieces by 2+ bullets or bars ("Billig kontra Apple • HomeKit • Datenrettung • ...") is a list of
# teasers or menu entries even when it is 30+ words long: it counts as a short line. Measured on the dev sets
# (text mode): 2 separators lifted readability F1 0.906 -> 0.908 and trafilatura-eval 0.873 -> 0.874; 3 scored
# the same on readability and 0.873 on trafilatura-eval. Article paragraphs rarely hold them; teaser boxes do.
# The small square "▪" (a French news site's footer menus) lifted readability F1 0.9227 -> 0.9234.
LIST_SEPARATORS = 2
_SEPARATOR = regex.compile(r"\s[•|·»▪]\s")


_SEPARATOR_CHARS = ("•", "|", "·", "»", "▪")


def is_separated_list(block: Block) -> bool:
    """True when the line is a list of items joined by bullets or bars (at least LIST_SEPARATORS of them)."""
    text = block.text
    # Most lines hold none of the separator characters (_SEPARATOR_CHARS): a substring test spares the pattern.
    if "•" not in text and "|" not in text and "·" not in text and "»" not in text and "▪" not in text:
        return False
    return len(_SEPARATOR.findall(text)) >= LIST_SEPARATORS


# A paragraph counts for at most this many words: one long block (an SEO blurb, a teaser's full text, a cookie
# dialog) must not outweigh an article written in many shorter paragraphs. Measured on the dev sets (text mode;
# no cap, 130, 100, 80, 65, 50): 80 and 100 lifted trafilatura-eval F1 0.877 -> 0.879 and readability 0.911 ->
# 0.912; 65 and 50 scored 0.880-0.881 on trafilatura-eval but lost readability recall (0.907).
LONG_LINE_CAP = 80


# What a short line scores (and it may not start the main text).
_SHORT = (-SHORT_LINE_COST, False)


def _shapes(ctx: Context) -> list[tuple[float, bool]]:
    """What each line's text alone says: its score while it is kept, and whether a main text may start on it.

    One loop over the page with block_words() and is_prose() read inline (the hot loop of the text chain); the
    separated lists are looked for only on the lines holding a separator character (one str.find over the page)."""
    shapes: list[tuple[float, bool]] = []
    append = shapes.append
    for block in ctx.blocks:
        extra = block.extra
        words = extra.get("words")
        if words is None:
            words = block_words(block)
        prose = extra.get("prose")
        if prose if prose is not None else is_prose(block):
            append((float(min(words, LONG_LINE_CAP)), True))
        elif words >= 4 and block.text.rstrip().endswith((".", "。")):
            append((SENTENCE_LINE_SCORE, True))
        elif words >= MEDIUM_LINE_WORDS:
            append((words * MEDIUM_LINE_WEIGHT, False))
        else:
            append(_SHORT)
    for i in lines_holding(ctx, _SEPARATOR_CHARS):
        if is_separated_list(ctx.blocks[i]):
            shapes[i] = _SHORT
    return shapes


# Lines with no blank line between them are one block of the page (html-text and WET dumps put a blank line
# between paragraphs, a plain line break at <br> and between list items). Such lines form one paragraph when
# each joins the next: a sentence wrapped onto the next line (no closing punctuation, the next line goes on in
# lower case) or one sentence after another ("Preheat the oven." / "Grease a tin."). The paragraph then scores
# as a whole, so a wrapped paragraph or a recipe's steps weigh what one paragraph of the same words would.
# Measured on the dev sets (text mode): trafilatura-eval F1 0.879 -> 0.881 (recall 0.900 -> 0.905), readability
# 0.916 -> 0.916 (recall +0.002, precision -0.002); wrapped lines alone gave 0.880 / 0.917, sentences alone
# 0.880 / 0.915.
_CONTINUES = regex.compile(r"^[\p{Ll}(\"'„“‘«]")
# _CONTINUES for a line that starts with an ASCII character, without a pattern call.
_ASCII_CONTINUES = frozenset("abcdefghijklmnopqrstuvwxyz(\"'")


def _continues(text: str) -> bool:
    first = text[:1]
    if first.isascii():
        return first in _ASCII_CONTINUES
    return _CONTINUES.match(text) is not None


def _joins(line: Block, nxt: Block, starts: bool, next_starts: bool) -> bool:
    """True when ``nxt`` goes on with the paragraph of ``line`` (``starts``: whether each may start a text)."""
    if nxt.blank_before or line.label == "boilerplate" or nxt.label == "boilerplate":
        return False
    text = line.text.rstrip()
    # A line ending in a comma or in no punctuation goes on; one ending in . ! ? : ; does not.
    if (text.endswith(",") or not ends_with_punctuation(text)) and _continues(nxt.text):
        return True
    return starts and next_starts


def line_scores(ctx: Context) -> list[tuple[float, bool]]:
    """Every line's (score, may start the main text) once the paragraphs are joined, computed once per page.

    The lines a paragraph spans share its score (by their words) and only its first line may start the text."""

    def compute() -> list[tuple[float, bool]]:
        blocks = ctx.blocks
        shapes = _shapes(ctx)
        i, count = 0, len(blocks)
        while i < count:
            j = i
            # (A blank line before the next line ends the paragraph: tested here, it spares half the calls.)
            while (j + 1 < count and not blocks[j + 1].blank_before
                   and _joins(blocks[j], blocks[j + 1], shapes[j][1], shapes[j + 1][1])):
                j += 1
            if j > i:
                lines = blocks[i : j + 1]
                words = sum(block_words(b) for b in lines)
                text = " ".join(b.text for b in lines)
                # The paragraph must end a sentence: a menu spread over lines has 30+ words but no full stop.
                if words >= PROSE_WORDS and ends_sentence(text) and any(not is_prose(b) for b in lines):
                    score = float(min(words, LONG_LINE_CAP))
                    for k, b in enumerate(lines):
                        shapes[i + k] = (score * block_words(b) / words, k == 0)
            i = j + 1
        return shapes

    return ctx.memo("text-shapes", compute, labels=False)


# The <h1> repeats most words of the page's <title> line: 60% of its words, measured on the dev sets where
# titles carry a site name ("Headline | Site") the <h1> lacks.
TITLE_OVERLAP = 0.6


def headline_anchor(ctx: Context) -> int | None:
    """The first kept line after the first one that repeats most words of the first line (the page <title>)."""
    blocks = ctx.blocks
    kept = (b for b in blocks if b.label != "boilerplate")
    first = next(kept, None)
    # At least 3 kept lines; counting to 3 is enough.
    if first is None or next(kept, None) is None or next(kept, None) is None:
        return None
    # Which lines repeat a given first line depends on the text alone: the matches found so far and where the
    # scan stopped are kept per first line, and only a match removed since then sends the scan further.
    # (Labels only ever change from kept to removed, so a scanned line never needs a second look.)
    scans = ctx.memo("text-headline-scans", dict, labels=False)
    if first.index not in scans:
        title_words = word_set(first.text)
        scans[first.index] = (_AnchorScan(title_words, [], first.index + 1)
                              if len(title_words) >= 2 and not is_prose(first) else None)
    scan = scans[first.index]
    if scan is None:
        return None
    for index in scan.matches:
        if blocks[index].label != "boilerplate":
            return blocks[index].index
    title_words = scan.title_words
    for i in _worded_lines(ctx, scan.next):
        words = headline_words(blocks[i])
        if len(words & title_words) / len(words) >= TITLE_OVERLAP:
            scan.matches.append(i)
            if blocks[i].label != "boilerplate":
                scan.next = i + 1
                return blocks[i].index
    scan.next = len(blocks)
    return None


def _worded_lines(ctx: Context, start: int) -> Iterator[int]:
    """The lines from ``start`` on with 2+ headline words, in order: a new first line (once the page header is
    removed) scans again from the top, and then only reads these. Found as far as a scan asks, once per page."""
    found = ctx.memo("text-headline-worded", lambda: _Worded([], 0), labels=False)
    k = bisect_left(found.lines, start)
    blocks = ctx.blocks
    while True:
        if k < len(found.lines):
            k += 1
            yield found.lines[k - 1]
        elif found.upto < len(blocks):
            i = found.upto
            found.upto += 1
            if len(headline_words(blocks[i])) >= 2:
                found.lines.append(i)
                if i < start:  # (only when a scan starts past the lines read so far)
                    k += 1
        else:
            return


@dataclass
class _Worded:
    """_worded_lines()'s progress on a page: the lines found so far and the first line not yet read."""

    lines: list[int]
    upto: int


@dataclass
class _AnchorScan:
    """headline_anchor's progress for one first line: its words, the lines found to repeat it, the next to look at."""

    title_words: set[str]
    matches: list[int]
    next: int


_NO_WORDS: frozenset[str] = frozenset()
# word_set() of an ASCII line: its runs of [A-Za-z0-9_] (what \w matches there), lower-cased (= case-folded).
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9_]+")


def headline_words(block: Block) -> frozenset[str]:
    """The line's distinct words when it is shaped like a headline, else none (computed once per block)."""
    extra = block.extra
    words = extra.get("headline-words")
    if words is None:
        n = extra.get("words")
        if n is None:
            n = block_words(block)
        # is_headline_shaped() wants 2-30 words: asked first, it spares most lines the other tests.
        shaped = 2 <= n <= 30 and not is_prose(block) and is_headline_shaped(block.text, n)
        if not shaped:
            words = _NO_WORDS
        elif block.text.isascii():
            words = frozenset(_ASCII_TOKEN.findall(block.text.lower()))
        else:
            words = frozenset(word_set(block.text))
        block.extra["headline-words"] = words
    return words
