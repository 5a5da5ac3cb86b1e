"""HTML to blocks: one iterative walk over the lxml tree; each block-level element's own text is a block.

The walk keeps, for every block, the tags and class/id/role tokens of its ancestors and how much of its
text sits in links, so markup rules can decide without walking the tree again.
"""

from __future__ import annotations

from typing import Any

import regex

from ..document import Block
from ..parse import parse_html

# Elements whose content is never visible text.
INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                       "canvas", "video", "audio", "select", "option", "button", "input", "textarea", "head"})
# Elements that start a new block.
BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th", "dt", "dd", "figcaption",
    "caption", "div", "section", "article", "main", "aside", "nav", "header", "footer", "form", "ul", "ol", "dl",
    "table", "tr", "thead", "tbody", "tfoot", "figure", "address", "details", "summary", "fieldset", "legend",
    "center", "hr", "body", "html", "label",
})
_SPACES = regex.compile(r"\s+")
_ATTR_SPLIT = regex.compile(r"[\s_:-]+")


def _tokens(el: Any) -> str:
    parts = []
    for name in ("class", "id", "role", "itemprop", "aria-label"):
        value = el.get(name)
        if value:
            parts.append(value.lower())
    return " ".join(parts)


def page_metadata(root: Any) -> dict[str, Any]:
    """Title and description from <title> and <meta> tags."""
    meta: dict[str, Any] = {}
    head = root.find("head")
    if head is None:
        return meta
    title = head.findtext("title")
    if title and title.strip():
        meta["html_title"] = _SPACES.sub(" ", title).strip()
    for el in head.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        content = el.get("content")
        if key and content and key in {"og:title", "twitter:title", "description", "og:description",
                                       "og:site_name", "author", "article:published_time"}:
            meta.setdefault(key, _SPACES.sub(" ", content).strip())
    return meta


def segment_html(html: str) -> tuple[list[Block], dict[str, Any]]:
    """Blocks in document order, and the page metadata."""
    root = parse_html(html)
    if root is None:
        return [], {}
    metadata = page_metadata(root)
    blocks: list[Block] = []
    # Open elements: (tag, tokens) for each ancestor of the current position.
    open_tags: list[str] = []
    open_tokens: list[str] = []
    buffer: list[str] = []
    link_chars = 0
    in_link = 0
    in_pre = 0

    def flush() -> None:
        nonlocal link_chars
        raw = "".join(buffer)
        buffer.clear()
        text = raw.strip("\n ") if in_pre else _SPACES.sub(" ", raw).strip()
        if text:
            tag = next((t for t in reversed(open_tags) if t in BLOCK_TAGS), "p")
            if in_pre:
                tag = "pre"
            blocks.append(Block(
                index=len(blocks), text=text, tag=tag, ancestors=tuple(open_tags),
                attr_tokens=" ".join(t for t in open_tokens if t), link_chars=min(link_chars, len(text)),
            ))
        link_chars = 0

    def add_text(s: str | None) -> None:
        nonlocal link_chars
        if s:
            buffer.append(s)
            if in_link:
                link_chars += len(_SPACES.sub(" ", s).strip())

    body = root.find("body")
    start = body if body is not None else root
    # Iterative walk: ("enter", el) and ("exit", el) events, so depth never hits Python's recursion limit.
    stack: list[tuple[bool, Any]] = [(True, start)]
    while stack:
        entering, el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if entering:
            if not tag or tag in INVISIBLE:
                add_text(el.tail)
                continue
            if tag in BLOCK_TAGS or tag == "br":
                if tag == "br":
                    buffer.append("\n")
                else:
                    flush()
            if tag == "br" or tag == "hr":
                add_text(el.tail)
                continue
            open_tags.append(tag)
            open_tokens.append(_tokens(el))
            if tag == "a":
                in_link += 1
            if tag == "pre":
                in_pre += 1
            if tag == "img" and el.get("alt"):
                pass  # alt text is not visible text; rules may read it from metadata later
            add_text(el.text)
            stack.append((False, el))
            for child in reversed(el):
                stack.append((True, child))
        else:
            if tag in BLOCK_TAGS:
                flush()
            open_tags.pop()
            open_tokens.pop()
            if tag == "a":
                in_link -= 1
            if tag == "pre":
                in_pre -= 1
            add_text(el.tail)
    flush()
    return blocks, metadata
