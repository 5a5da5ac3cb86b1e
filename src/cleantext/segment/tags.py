"""Element codes of the HTML walk: what a start tag is, found with one dict lookup per start tag."""

from __future__ import annotations

from .nodes import BLOCK_TAGS, INVISIBLE, MARK_OPEN

# The deadline is checked once per 2048 elements (a mask: cheaper than a modulo).
DEADLINE_MASK = 2047
# Below EL_BLOCK: inline elements with a node (0 plain, then the Markdown-marked ones); from EL_BLOCK: block
# elements with a node; from EL_INVISIBLE: elements without one.
(EL_INLINE, EL_MARK, EL_ANCHOR, EL_LINK, EL_BLOCK, EL_PRE, EL_BODY, EL_ROOT, EL_ROW, EL_CELL, EL_INVISIBLE, EL_VOID,
 EL_BR, EL_HR, EL_PLAIN, EL_FLAT_BREAK) = range(16)
# HTML 4's EMPTY elements: libxml2 ends them at once, so they never hold text (it lets wbr, source, track...
# hold text). Not in the invisible set, yet never around a block's text: they get no node.
EMPTY_TAGS = frozenset({"area", "base", "basefont", "col", "frame", "img", "isindex", "param"})
TAG_CODE = {
    **dict.fromkeys(EMPTY_TAGS, EL_VOID), **dict.fromkeys(BLOCK_TAGS, EL_BLOCK),
    **dict.fromkeys(INVISIBLE, EL_INVISIBLE), **dict.fromkeys(MARK_OPEN, EL_MARK),
    "a": EL_ANCHOR, "pre": EL_PRE, "body": EL_BODY, "html": EL_ROOT, "br": EL_BR, "hr": EL_HR,
    "tr": EL_ROW, "td": EL_CELL, "th": EL_CELL,
}


class Full(Exception):
    """Raised inside the parse when the walk holds max_blocks + 1 blocks: nothing after them is needed."""
