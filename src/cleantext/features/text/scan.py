"""Page-wide scans: one pattern search over all the lines of a page instead of one call per line.

A rule that only looks at lines holding some character or word ("|", a date's digits, a colon near the start)
finds them with one search over the page's text joined by newlines, and runs its exact test on those alone.
The search runs in C; the per-line Python calls it replaces cost more than the test itself on most lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ...context import Context
from ..shape import block_norms


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    """The texts joined by newlines, and the offset where each one starts."""
    starts = list(accumulate([len(t) + 1 for t in texts[:-1]], initial=0)) if texts else []
    return "\n".join(texts), starts


def page_text(ctx: Context) -> tuple[str, list[int]]:
    """Every block's text joined by newlines, and the offset of each block in it (once per document)."""
    return ctx.memo("scan-page-text", lambda: _joined([b.text for b in ctx.blocks]), labels=False)


def page_norms(ctx: Context) -> tuple[str, list[int]]:
    """Every body block's normalised text (see phrases.normalise; "" for the others) joined by newlines.

    Computed once, at the first rule that asks: a block that left the body since then keeps its text here, so
    callers check the label of what they find."""

    def join() -> tuple[str, list[int]]:
        blocks = ctx.blocks
        norms = [""] * len(blocks)
        body = [b for b in blocks if b.label == "body"]
        for block, norm in zip(body, block_norms(body), strict=True):
            norms[block.index] = norm
        return _joined(norms)

    return ctx.memo("scan-page-norms", join, labels=False)


def lines_matching(ctx: Context, pattern: re.Pattern[str], norms: bool = False) -> list[int]:
    """The indices (in order) of the blocks whose text (normalised text with ``norms``) holds a match of
    ``pattern``: every block that a match found in the joined text overlaps.

    A pattern that can match across a newline still finds every block it matches alone: a search that goes on
    from before a block's match either finds that match or one that overlaps the block. With ``^`` and re.M, a
    pattern is anchored at the start of each block (of each line, in a block of several lines). Lookbehinds
    see the end of the block before.
    """
    text, starts = page_norms(ctx) if norms else page_text(ctx)
    found: list[int] = []
    search, position = pattern.search, 0
    # After a match, the search goes on at the next block: one match per block is enough.
    while (match := search(text, position)) is not None:
        first = bisect_right(starts, match.start()) - 1
        last = bisect_right(starts, max(match.start(), match.end() - 1)) - 1
        found.extend(range(max(first, found[-1] + 1 if found else 0), last + 1))
        if last + 1 >= len(starts):
            break
        position = starts[last + 1]
    return found


def lines_opening(ctx: Context, pattern: re.Pattern[str], norms: bool = False) -> list[int]:
    """The indices (in order) of the blocks whose text (normalised text with ``norms``) starts with a match of
    ``pattern`` after a newline: ``pattern`` starts with "\\n", matches no other newline and looks no further than
    the end of the line.

    Searched over the joined text after a newline: the engine skips to each newline in C, where a ``(?m)^`` pattern
    is tried at every position of the page (4x slower on the dev sets)."""
    text, starts = page_norms(ctx) if norms else page_text(ctx)
    if not starts:
        return []
    # The first block has no newline before it: matched on its own text after one (no copy of the page).
    first = text[: starts[1] - 1] if len(starts) > 1 else text
    found = [0] if pattern.match("\n" + first) is not None else []
    for match in pattern.finditer(text):
        # The newline before block i sits at starts[i] - 1: a block's start, not a line break inside a block.
        index = bisect_right(starts, match.start() + 1) - 1
        if starts[index] == match.start() + 1:
            found.append(index)
    return found


def lines_holding(ctx: Context, needles: str | tuple[str, ...], within: int | None = None) -> list[int]:
    """The indices (in order) of the blocks whose text holds one of the ``needles`` (its first ``within``
    characters, when given), found with str.find over the joined text: several times faster than a pattern.

    A needle must not hold a newline (the separator of the joined text)."""
    text, starts = page_text(ctx)
    found: set[int] = set()
    last = len(starts) - 1
    for needle in (needles,) if isinstance(needles, str) else needles:
        position = text.find(needle)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            if within is None or position + len(needle) <= starts[index] + within:
                found.add(index)
            if index == last:
                break
            # The block is decided by its first occurrence (a later one is further from its start): go on at the
            # next block, so a line of a million separators costs one step, not a million.
            position = text.find(needle, starts[index + 1])
    return sorted(found)


def lines_starting(ctx: Context, prefix: str) -> list[int]:
    """The indices (in order) of the blocks whose text starts with ``prefix`` (no newline in it)."""
    text, starts = page_text(ctx)
    found = [0] if text.startswith(prefix) else []
    needle = "\n" + prefix
    position = text.find(needle)
    while position >= 0:
        index = bisect_right(starts, position + 1) - 1
        if starts[index] == position + 1:  # a block's start, not a line break inside a block
            found.append(index)
        position = text.find(needle, position + 1)
    return found


def lines_opening_digit(ctx: Context) -> list[int]:
    """The indices (in order) of the blocks whose text starts with a digit (str.isdigit), once per document."""
    return ctx.memo("scan-digit-lines", lambda: [b.index for b in ctx.blocks if b.text[:1].isdigit()], labels=False)
