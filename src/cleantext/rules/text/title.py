"""Rules: title. The headline of a text page, and the kicker line printed above it."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...document import Block
from ...features.headline import KICKER_MAX_WORDS, kept_above_title
from ...features.shape import block_words, is_headline_shaped, is_prose, word_set
from ...rule import TEXT_ONLY, Mark, Rule, rule
from .region import main_span

# The headline sits at most this many kept lines above the first paragraph (a byline, date or standfirst
# label may come between them; measured on the dev sets).
HEADLINE_LOOKBACK = 4


def _headline_index(ctx: Context) -> int | None:
    """The headline-shaped line closest above the main text, preferring one that repeats the page's first line.

    Text dumps usually start with the page's <title> ("Headline | Site"); the <h1> above the article
    repeats most of its words.
    """
    if ctx.mode == "text":
        span = main_span(ctx)
        if span is None:
            return None
        start = span.start
    else:
        start = next((b.index for b in ctx.blocks if b.label == "body" and is_prose(b)), None)
        if start is None:
            return None
    kept = [b for b in ctx.blocks[:start] if b.label == "body"]
    candidates = [b for b in kept[-HEADLINE_LOOKBACK:] if is_headline_shaped(b.text, block_words(b))]
    if not candidates:
        return None
    first = kept[0]
    first_words = word_set(first.text)
    if first_words:
        def overlap(b: Block) -> float:
            words = word_set(b.text)
            return len(words & first_words) / len(words) if words else 0.0

        best = max(candidates, key=lambda b: (overlap(b) >= 0.6, b.index))
        if best is not first and overlap(best) >= 0.6:
            return best.index
    # No repeat of the first line: the headline is the line right above the paragraph.
    return kept[-1].index if kept[-1] in candidates else None


@rule("headline", "title", modes=TEXT_ONLY, label="title")
def headline(ctx: Context) -> Iterator[Mark]:
    """The headline: the headline-shaped line above the main text, repeating the page's first line if any."""
    index = _headline_index(ctx)
    if index is not None:
        block = ctx.blocks[index]
        yield index, f"headline-shaped ({block_words(block)} words, no closing period) just above the main text"


@rule("kicker", "kicker", modes=TEXT_ONLY)
def kicker(ctx: Context) -> Iterator[Mark]:
    """A few words right above the headline, with nothing kept before them: the kicker, not body."""
    kept_before = kept_above_title(ctx)
    if kept_before is None or len(kept_before) != 1:
        return
    block = kept_before[0]
    words = block_words(block)
    if words <= KICKER_MAX_WORDS and not is_prose(block):
        yield block.index, f"{words} words (<= {KICKER_MAX_WORDS}) above the headline, nothing kept before it"


RULES: list[Rule] = [headline, kicker]
