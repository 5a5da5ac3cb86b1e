"""Rules (both modes): a menu flattened onto one line."""

from __future__ import annotations

import regex

from ...context import Context
from ...document import Block
from ...features.shape import ends_sentence
from ...rule import Rule, block_rule

# "Home | News | Sport | Contact", "Impressum · Datenschutz · AGB": 3+ items of at most 5 words each.
_SEPARATORS = regex.compile(r"\s+[|•·»›/]\s+|\s+[–—]\s+(?=\S)")
MENU_ITEMS = 3
MENU_ITEM_WORDS = 5
def _menu_candidates(ctx: Context) -> list[int]:
    """The body lines holding one of the separators the test needs (one comprehension, no call per line)."""
    return [b.index for b in ctx.blocks
            if b.label == "body" and ("|" in b.text or "•" in b.text or "·" in b.text or "»" in b.text)]


@block_rule("pipe-menu", "navigation", candidates=_menu_candidates)
def pipe_menu(block: Block, ctx: Context) -> str | None:
    """A menu flattened onto one line: 3 or more short items between | • · » separators ("Home | News | Contact")."""
    if "|" not in block.text and "•" not in block.text and "·" not in block.text and "»" not in block.text:
        return None
    items = [i for i in _SEPARATORS.split(block.text) if i.strip()]
    if len(items) < MENU_ITEMS:
        return None
    longest = max(len(i.split()) for i in items)
    if longest > MENU_ITEM_WORDS or ends_sentence(block.text):
        return None
    return f"{len(items)} items between separators, the longest {longest} words (<= {MENU_ITEM_WORDS})"


RULES: list[Rule] = [pipe_menu]
