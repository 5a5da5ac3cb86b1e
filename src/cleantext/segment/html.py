"""HTML to blocks in one streaming pass: the parser's start/end/text events build the blocks, no tree is kept.

Each block-level element's own text is a block. For every block the walk keeps the element nodes around it
(tag, class/id/role tokens, hidden or not, as light ``Node`` objects shared between blocks) and how much of its
text sits in links, so the markup and region rules can decide on whole elements without walking anything again.
Streaming keeps memory at the size of the blocks (an lxml tree costs ~9x the page) and has no depth limit of its
own: elements nested deeper than ``max_depth`` are flattened here (their tags dropped, their text kept).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..document import Block
from ..parse import DEFAULT_MAX_DEPTH, PARSER_DEPTH_CAP, stream_html
from .nodes import BLOCK_TAGS, INVISIBLE, LINK_END, MARK_CLOSE, MARK_OPEN, Node
from .tags import Full
from .trees import feed_tree
from .walk import Walk


def segment_html(
    html: str | bytes, max_depth: int = DEFAULT_MAX_DEPTH, max_blocks: int | None = None, deadline: float | None = None
) -> tuple[list[Block], dict[str, Any]]:
    """Blocks in document order, and the page metadata; the walk stops after ``max_blocks`` + 1 blocks.

    ``html`` is sanitized text (decode.sanitize_text) or bytes from decode.utf8_page.

    ``deadline`` (a time.monotonic() value) is checked every few thousand elements: Timeout when passed."""
    return _segment(lambda walk: stream_html(html, walk), max_depth, max_blocks, deadline)


def segment_tree(
    tree: Any, kind: str, max_depth: int = DEFAULT_MAX_DEPTH, max_blocks: int | None = None,
    deadline: float | None = None,
) -> tuple[list[Block], dict[str, Any]]:
    """segment_html for a page the caller parsed already (``kind`` "lxml" or "bs4": see segment/trees.py)."""
    return _segment(lambda walk: feed_tree(tree, kind, walk), max_depth, max_blocks, deadline)


def _segment(
    feed: Callable[[Walk], bool], max_depth: int, max_blocks: int | None, deadline: float | None
) -> tuple[list[Block], dict[str, Any]]:
    walk = Walk(max(8, min(max_depth, PARSER_DEPTH_CAP)), max_blocks, deadline)
    with gc_paused():
        try:
            streamed = feed(walk)
        except Full:
            streamed = True
        finally:
            walk.finish()
            blocks, meta = walk.release()  # before the collector runs again (see Walk.release)
    if not streamed:
        return [], {}
    return blocks, meta


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (when it runs) while the walk allocates its nodes and blocks.

    The walk makes no reference cycles, yet every 700 new objects the collector would scan the growing set of
    live nodes and blocks: 20% of the walk's time on the evaluation pages. Reference counting frees all the
    garbage anyway; a collection runs as usual after the walk."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


__all__ = ["BLOCK_TAGS", "INVISIBLE", "LINK_END", "MARK_CLOSE", "MARK_OPEN", "Node", "segment_html"]
