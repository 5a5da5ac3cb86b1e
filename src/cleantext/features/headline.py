"""The lines around the headline, read by both kicker rules (HTML and text)."""

from __future__ import annotations

from ..context import Context
from ..document import Block

# A kicker is a few words ("Did China know?", "Analysis", "Exklusiv"): at most 8 words on the seed pages and
# the dev sets; longer lines above a headline are standfirsts or menus.
KICKER_MAX_WORDS = 8


def kept_above_title(ctx: Context) -> list[Block] | None:
    """The kept blocks above the headline, or None when no block is the headline (both kicker rules read them)."""
    title = next((b for b in ctx.blocks if b.label == "title"), None)
    if title is None:
        return None
    return [b for b in ctx.blocks[: title.index] if b.label == "body"]
