"""Rules: the main run of prose in a text page, and what lies outside it (site header, menus, footer).

A text dump has no markup, so the article is found from the shape of its lines: prose lines score their
word count, short lines (menus, buttons, labels) and lines earlier rules removed cost a fixed penalty, and the
main text is the span of lines with the highest total (the maximum-sum run) that starts with a sentence. When
a line repeats the page's first line (its <title>), the run right under that headline is preferred. Short lines
inside the span (subheadings, list items, a one-line quote) stay: a short line inside a run of prose is not
navigation; a sentence-shaped line outside it (a footer's "All rights reserved.") is still page furniture.
The line scores and the headline anchor are computed in features/text/line_scores.py; this module chooses the
span and holds the rules that read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import regex

from ...context import Context
from ...document import Block
from ...features.shape import block_words, ends_sentence, is_prose
from ...features.text.extend import with_listed_tail, with_whole_list
from ...features.text.line_scores import REMOVED_LINE_COST, headline_anchor, line_scores
from ...rule import TEXT_ONLY, Mark, Rule, rule


@dataclass(frozen=True)
class Span:
    """The main run of prose: first and last block index (inclusive) and its score."""

    start: int
    end: int
    score: float


def _best_run(blocks: list[Block], shapes: list[tuple[float, bool]]) -> Span | None:
    # The best span as three numbers, not a Span per improvement: this loop runs over every line several times.
    best_start, best_end, best_score = -1, -1, 0.0
    run_start, run_score = -1, 0.0
    for block, (score, starts) in zip(blocks, shapes, strict=True):
        if block.label == "boilerplate":
            score, starts = -REMOVED_LINE_COST, False
        if run_start < 0 or run_score <= 0:
            if not starts:
                run_start = -1
                continue
            run_start, run_score = block.index, 0.0
        run_score += score
        if run_score > 0 and (best_start < 0 or run_score > best_score):
            best_start, best_end, best_score = run_start, block.index, run_score
    return Span(best_start, best_end, best_score) if best_start >= 0 else None


# An article under its headline wins over a longer run elsewhere (a cookie dialog, a comment thread) unless that
# run scores more than this many times as much (tuned on the dev sets: 1, 1.2, 1.5, 3, 6; 1.5 best on both).
HEADLINE_PREFERENCE = 1.5


# The article starts within this many lines under its headline (byline, date, standfirst, captions, share
# buttons). Measured on the dev sets (text mode, 12/16/20/30): 16-30 tie and beat 12 (trafilatura-eval F1
# 0.875 -> 0.876, readability 0.908 -> 0.910); 20 sits in the middle.
ANCHOR_WINDOW = 20


def _run_from(blocks: list[Block], shapes: list[tuple[float, bool]], start: int) -> Span | None:
    """The best-scoring span that starts at the first prose line at most ANCHOR_WINDOW lines after ``start``."""
    first = next((i for i in range(start, min(start + ANCHOR_WINDOW, len(blocks)))
                  if blocks[i].label != "boilerplate" and shapes[i][1]), None)
    if first is None:
        return None
    best_end, best_score = -1, 0.0
    total = 0.0
    for i in range(first, len(blocks)):
        total += -REMOVED_LINE_COST if blocks[i].label == "boilerplate" else shapes[i][0]
        if best_end < 0 or total > best_score:
            best_end, best_score = i, total
    return Span(blocks[first].index, blocks[best_end].index, best_score)


def main_span(ctx: Context) -> Span | None:
    """The run of lines with the highest total line score, preferring the one right under the page's headline."""
    # Several rules ask in a row. The span reads no label but "boilerplate" (a line marked as the headline leaves
    # it as it was), and a label only ever changes from "body" to another, so the number of removed lines says
    # whether the span can have changed since the last time it was computed.
    cache = ctx.memo("text-main-span", dict, labels=False)
    if cache.get("decisions") != ctx.decisions:
        removed = [b.label for b in ctx.blocks].count("boilerplate")
        if cache.get("removed") != removed:
            cache["span"], cache["removed"] = _main_span(ctx), removed
        cache["decisions"] = ctx.decisions
    return cache["span"]


def _main_span(ctx: Context) -> Span | None:
    blocks, shapes = ctx.blocks, line_scores(ctx)
    best = _best_run(blocks, shapes)
    anchor = headline_anchor(ctx)
    if best is not None and anchor is not None and best.start != anchor + 1:
        under = _run_from(blocks, shapes, anchor + 1)
        if under is not None and under.score * HEADLINE_PREFERENCE >= best.score:
            best = under
    if best is None:
        return None
    start, end = with_listed_tail(blocks, *with_whole_list(blocks, best.start, best.end))
    return best if (start, end) == (best.start, best.end) else Span(start, end, best.score)


# Lines kept between the headline and the first paragraph (standfirst, subtitle). Measured on the dev sets:
# 1-3 lines; more is a menu or a teaser list between them.
STANDFIRST_LINES = 3


def _where(ctx: Context, span: Span) -> str:
    return f"lines {ctx.blocks[span.start].line}-{ctx.blocks[span.end].line}, score {span.score:.0f}"


@rule("before-main-text", "navigation", modes=TEXT_ONLY)
def before_main_text(ctx: Context) -> Iterator[Mark]:
    """A line above the main run of prose (site name, menus, breadcrumbs): the page header, not the article."""
    span = main_span(ctx)
    if span is None:
        return
    # Between the headline and the first paragraph sit the standfirst and subtitles: keep up to STANDFIRST_LINES.
    title = next((b.index for b in ctx.blocks[: span.start] if b.label == "title"), None)
    between = [b for b in ctx.blocks[title + 1 : span.start] if b.label == "body"] if title is not None else []
    keep = {b.index for b in between} if len(between) <= STANDFIRST_LINES else set()
    reason = f"above the main text ({_where(ctx, span)})"
    for block in ctx.blocks[: span.start]:
        if block.label == "body" and block.index not in keep:
            yield block.index, reason


@rule("after-main-text", "footer", modes=TEXT_ONLY)
def after_main_text(ctx: Context) -> Iterator[Mark]:
    """A line below the main run of prose (related links, footer menus, legal lines): the page footer."""
    span = main_span(ctx)
    if span is None:
        return
    reason = f"below the main text ({_where(ctx, span)})"
    for block in ctx.blocks[span.end + 1 :]:
        if block.label == "body":
            yield block.index, reason


# A run of this many short lines in a row inside the main text is a menu or link list, not a passage of the
# article: article lists rarely run 8 items of at most MENU_LINE_WORDS words without one full sentence.
MENU_RUN = 8
MENU_LINE_WORDS = 8


def _menu_line(block: Block) -> bool:
    return block_words(block) <= MENU_LINE_WORDS and not ends_sentence(block.text)


# A run of short lines numbered 1., 2., 3. in order is a ranking or the steps of a how-to, kept (readability
# recall +0.001 on the dev sets). An intro or closing line may sit in the run: 80% of its lines numbered.
_NUMBER = regex.compile(r"^(\d{1,3})[.)]\s")
NUMBERED_SHARE = 0.8


def _numbered(lines: list[Block]) -> bool:
    """True when the lines are numbered 1., 2., 3. ... in order: a ranking or steps the author wrote, not a menu."""
    numbers = [int(m.group(1)) for b in lines if (m := _NUMBER.match(b.text)) is not None]
    return len(numbers) >= NUMBERED_SHARE * len(lines) and all(b == a + 1 for a, b in pairwise(numbers))


@rule("menu-island", "navigation", modes=TEXT_ONLY)
def menu_island(ctx: Context) -> Iterator[Mark]:
    """A run of 8+ short link-like lines inside the main text (a menu, a list of links), not article text."""
    span = main_span(ctx)
    if span is None:
        return
    run: list[Block] = []
    for block in [*ctx.blocks[span.start : span.end + 1], None]:
        if block is not None and (block.label == "boilerplate" or (block.label == "body" and _menu_line(block))):
            run.append(block)
            continue
        kept = [b for b in run if b.label == "body"]
        if len(kept) >= MENU_RUN and not _numbered(kept):
            for b in kept:
                yield b.index, f"one of {len(kept)} short lines in a row (<= {MENU_LINE_WORDS} words, no sentence end)"
        run = []


# A comment widget, a related-articles heading, a share or sign-up bar opens the page's closing furniture:
# after one, no more of the article follows, provided it comes after this share of the main text's prose
# words (a "Comments" label near the top links to the comments). Measured on the dev sets: comment sections
# start after 70-100% of the prose; related-article headings also appear mid-article ("See also", "Read
# more"), so they need 70%; share and sign-up bars also sit mid-article, so they close only after 80%.
# Sweep in text mode (related 0.5-0.75, share/sign-up 0.7-0.9): 0.75/0.9 gave trafilatura-eval F1 0.876 and
# readability 0.910; 0.6-0.7/0.7-0.8 all gave 0.877/0.911; 0.5/0.7 lost readability recall (0.907).
CLOSING_AFTER = {"comments-widget": 0.5, "related-links": 0.7, "social-links": 0.8, "newsletter-prompt": 0.8}


def _closing(block: Block) -> bool:
    # A comment widget line, or a line that is a whole related, share or sign-up phrase ("Latest News").
    # One-word labels ("Comment", "Related") are too often buttons or menu entries to end an article.
    if block_words(block) < 2:
        return False
    if block.kind == "comments-widget":
        return True
    return block.kind in CLOSING_AFTER and (block.reason or "").startswith("line is")


@rule("comment-thread", "comments-widget", modes=TEXT_ONLY)
def comment_thread(ctx: Context) -> Iterator[Mark]:
    """Everything after a comment widget, a related-articles heading or a share/sign-up bar late in the article."""
    span = main_span(ctx)
    if span is None:
        return
    total = sum(block_words(b) for b in ctx.blocks[span.start : span.end + 1] if b.label == "body" and is_prose(b))
    seen = 0
    for i, block in enumerate(ctx.blocks[span.start : span.end + 1], start=span.start):
        if block.label == "body" and is_prose(block):
            seen += block_words(block)
        elif _closing(block) and total and seen / total >= CLOSING_AFTER[block.kind or ""]:
            for later in ctx.blocks[i + 1 :]:
                if later.label == "body":
                    yield later.index, (f'after "{block.text[:40]}" ({block.kind}), which follows '
                                        f"{seen / total:.0%} of the article's prose")
            return


RULES: list[Rule] = [before_main_text, after_main_text, comment_thread, menu_island]
