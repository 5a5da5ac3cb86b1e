"""Rules (text mode): image alt text left in a text dump."""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...rule import TEXT_ONLY, Mark, Rule, rule
from ..lines.media import repeated_prefix


# Text mode only: the HTML segmenter never puts an image's alt attribute into the text, so in HTML a short line
# repeated at the start of the next one is a heading over its first sentence, a table cell ("0,4" over "0,44") or
# a list label (readability's rtl pages: <h1>Lorem</h1> over "Lorem ipsum dolor sit amet.").
@rule("alt-text", "image-alt-text", modes=TEXT_ONLY)
def alt_text(ctx: Context) -> Iterator[Mark]:
    """A short label repeated at the start of the next line (the image's caption): the image's alt text."""
    return repeated_prefix(ctx, sentence=False)


RULES: list[Rule] = [alt_text]
