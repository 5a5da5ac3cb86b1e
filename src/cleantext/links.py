"""Which link targets are safe to print in Markdown (or HTML) output, and how to print them.

A renderer decodes what it reads: HTML entities (``&#106;``, ``&colon;``), backslash escapes, sometimes
percent escapes. So the check decodes first, as many times as it takes, and then allows only http(s),
mailto and relative addresses. ``javascript:``, ``data:``, ``vbscript:``, ``file:`` and every other
scheme are dropped, however they are spelled.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_SCHEMES = frozenset({"http", "https"})  # image sources: web addresses (or relative) only
MAX_HREF = 4096  # longer targets are not printed: no real link needs more, and decoding stays cheap
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop ASCII tab/newline/CR anywhere in a URL, and controls and spaces around it.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_ENCODE = {c: f"%{ord(c):02X}" for c in " ()<>[]\\`\"'\x7f"}


def _decoded(href: str) -> str:
    """The href after every decoding a renderer or browser may apply, until nothing changes."""
    value = href
    for _ in range(8):
        step = _IGNORED.sub("", unquote(html.unescape(value)).replace("\\", ""))
        if step == value:
            break
        value = step
    return value


def safe_href(href: str | None, schemes: frozenset[str] = ALLOWED_SCHEMES) -> str | None:
    """The link target as it may be printed (special characters percent-encoded), or None when it is unsafe.

    ``schemes``: the schemes allowed besides relative addresses (IMAGE_SCHEMES for an image source)."""
    if not href or len(href) > MAX_HREF:
        return None
    target = href.strip()
    match = _SCHEME.match(_decoded(target))
    if match and match.group(1).lower() not in schemes:
        return None
    if not target or any(ord(c) < 0x20 for c in target):
        return None
    return "".join(_ENCODE.get(c, c) for c in target)
