"""A second reading of pages that show (almost) nothing without scripts: their <noscript> content as visible.

Some platforms (Discourse forums among them) render the page with scripts and put a full crawler view of the
content inside <noscript>; read as markup, such a page has no visible text at all. When the first reading finds
less than ``THIN_CHARS`` characters of text and the page has a <noscript> element, the page is read again with
its <noscript> elements as plain <div> elements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Block

# Less visible text than this and a <noscript> element: read the page again. A page's splash or "enable
# JavaScript" notice is under 200 characters on wcxb-dev's Discourse threads; any article has more.
THIN_CHARS = 200
_OPEN = re.compile(rb"<noscript\b", re.I)
_CLOSE = re.compile(rb"</noscript\s*>", re.I)
_OPEN_S = re.compile(r"<noscript\b", re.I)
_CLOSE_S = re.compile(r"</noscript\s*>", re.I)


def is_thin(blocks: Sequence[Block]) -> bool:
    """True when the blocks hold less than THIN_CHARS characters of text."""
    total = 0
    for block in blocks:
        total += len(block.text)
        if total >= THIN_CHARS:
            return False
    return True


def unwrap_noscript(page: str | bytes) -> str | bytes | None:
    """The page with every <noscript> element made a <div>, or None when it has none."""
    if isinstance(page, bytes):
        if not _OPEN.search(page):
            return None
        return _CLOSE.sub(b"</div>", _OPEN.sub(b"<div data-noscript", page))
    if not _OPEN_S.search(page):
        return None
    return _CLOSE_S.sub("</div>", _OPEN_S.sub("<div data-noscript", page))
