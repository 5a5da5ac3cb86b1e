"""Rules: layout. Decisions that read a line's neighbours: lead-ins to a prompt, lists under a heading."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...features.shape import block_words, is_prose
from ...rule import Mark, Rule, rule

# A lead-in is a short call: "Ready for more?", "Don't miss out!", "Neugierig?". Measured on the seed pages
# and dev sets: lead-ins above sign-up boxes have 1-6 words.
LEAD_IN_MAX_WORDS = 6


@rule("newsletter-lead-in", "newsletter-prompt")
def newsletter_lead_in(ctx: Context) -> Iterator[Mark]:
    """A short question or call ("Ready for more?") right above a newsletter prompt belongs to the prompt."""
    blocks = ctx.blocks
    for i in range(len(blocks) - 1):
        block, nxt = blocks[i], blocks[i + 1]
        if block.label != "body" or nxt.kind != "newsletter-prompt":
            continue
        words = block_words(block)
        text = block.text.rstrip()
        if words <= LEAD_IN_MAX_WORDS and text.endswith(("?", "!", "？", "！")):
            yield i, f"{words}-word call ending in '{text[-1]}' right above a newsletter prompt"


# A related-articles list holds a handful of headlines; stop after this many lines (dev sets: 3-12 items).
RELATED_LIST_MAX = 15


@rule("related-list", "related-links")
def related_list(ctx: Context) -> Iterator[Mark]:
    """The short lines under a "Related articles" / "Lesen Sie auch" heading, up to the next prose paragraph."""
    blocks = ctx.blocks
    for i, block in enumerate(blocks):
        # A heading of its own ("Lesen Sie auch", "Related articles"): the whole line is the phrase and it has
        # 2-6 words. One-word lines ("Archive", "Tags") head menus more often than lists of articles.
        if block.rule != "related-line" or not (block.reason or "").startswith("line is"):
            continue
        if not 2 <= block_words(block) <= 6:
            continue
        taken = 0
        for nxt in blocks[i + 1 :]:
            if nxt.label != "body":
                if nxt.rule == "related-line":
                    break  # the next heading starts its own list
                continue
            if is_prose(nxt) or taken >= RELATED_LIST_MAX:
                break
            taken += 1
            yield nxt.index, f"short line #{taken} under the heading \"{block.text[:40]}\" (no prose in between)"


RULES: list[Rule] = [newsletter_lead_in, related_list]
