"""HTML to blocks: one iterative walk over the lxml tree; each block-level element's own text is a block.

The walk keeps, for every block, the element nodes around it (tag, class/id/role tokens, hidden or not, as
light ``Node`` objects shared between blocks) and how much of its text sits in links, so the markup and
region rules can decide on whole elements without walking the tree again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import regex

from ..document import Block
from ..parse import DEFAULT_MAX_DEPTH, check_deadline, parse_html

# Elements whose content is never visible text.
INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
                       "canvas", "video", "audio", "select", "option", "button", "input", "textarea", "head",
                       "link", "meta"})
# Elements that start a new block.
BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th", "dt", "dd", "figcaption",
    "caption", "div", "section", "article", "main", "aside", "nav", "header", "footer", "form", "ul", "ol", "dl",
    "table", "tr", "thead", "tbody", "tfoot", "figure", "address", "details", "summary", "fieldset", "legend",
    "center", "hr", "body", "html", "label", "dialog", "menu", "hgroup",
})
_SPACES = regex.compile(r"\s+")
# A <br> in the text buffer, until the block is cut: two in a row (with only spaces between) end a paragraph.
_BR = "\x00"
# Inline markup kept for Markdown output, as private-use markers in a block's extra["md"] (never in .text):
# open/close pairs for strong, emphasis, code and links (a link's close marker carries its href index).
MARK_OPEN = {"strong": "\ue010", "b": "\ue010", "em": "\ue012", "i": "\ue012", "code": "\ue014", "a": "\ue016"}
MARK_CLOSE = {"strong": "\ue011", "b": "\ue011", "em": "\ue013", "i": "\ue013", "code": "\ue015", "a": "\ue017"}
LINK_END = "\ue018"
# Inline style that hides an element (Readability's isProbablyVisible reads the same two properties).
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
# Class tokens that mean "not shown on screen" in common CSS frameworks (Bootstrap, WordPress, HTML5 Boilerplate).
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden",
                             "screen-reader-text", "screen-reader-only", "element-invisible", "is-hidden"})
# The page's JSON-LD is read up to this size; larger blobs are not article metadata.
_MAX_JSONLD = 2_000_000


@dataclass(slots=True, eq=False)
class Node:
    """One element around a block: its tag, its class/id/role/itemprop tokens, and whether it is hidden."""

    nid: int
    tag: str
    tokens: str  # lower-cased class, id, role, itemprop and aria-label values, space-separated
    parent: Node | None
    depth: int
    hidden: str | None = None  # why the element is not displayed, if it is not
    attrs: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        """A short selector-like name for reasons: <div class="entry-content">."""
        names = [f'{k}="{v[:40]}"' for k, v in self.attrs if k in ("id", "class", "role", "itemprop")]
        return f"<{self.tag}{' ' if names else ''}{' '.join(names[:2])}>"


# Longest class/id/role value read: the longest in ../shared/datasets is 2,626 characters. A 4 MB class value
# would otherwise be searched by every element rule (seconds per rule).
_MAX_ATTR_CHARS = 4096


def _attrs(el: Any) -> tuple[tuple[str, str], ...]:
    out = []
    for name in ("id", "class", "role", "itemprop", "aria-label"):
        value = (el.get(name) or "")[:_MAX_ATTR_CHARS]
        if value and value.strip():
            out.append((name, _SPACES.sub(" ", value).strip()))
    return tuple(out)


def _hidden(el: Any, tag: str, attrs: tuple[tuple[str, str], ...]) -> str | None:
    if el.get("hidden") is not None:
        return "hidden attribute"
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return 'aria-hidden="true"'
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return f'style "{_HIDDEN_STYLE.search(style).group(0)}"'
    for name, value in attrs:
        if name == "class":
            hit = _HIDDEN_CLASSES.intersection(value.lower().split())
            if hit:
                return f'class "{sorted(hit)[0]}"'
    return None


def page_metadata(root: Any) -> dict[str, Any]:
    """Title, description and site name from <title>, <meta> and JSON-LD (headline, articleBody)."""
    meta: dict[str, Any] = {}
    head = root.find("head")
    if head is not None:
        title = head.findtext("title")
        if title and title.strip():
            meta["html_title"] = _SPACES.sub(" ", title).strip()
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content")
        if key and content and key in {"og:title", "twitter:title", "description", "og:description",
                                       "og:site_name", "author", "article:published_time", "headline"}:
            meta.setdefault(key, _SPACES.sub(" ", content).strip())
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        _read_jsonld(data, meta)
    return meta


def _read_jsonld(data: Any, meta: dict[str, Any]) -> None:
    """Collect headline and articleBody from JSON-LD objects (nested lists and @graph included)."""
    stack = [data]
    seen = 0
    while stack and seen < 10_000:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, name in (("articleBody", "jsonld_article_body"), ("headline", "jsonld_headline")):
                value = item.get(key)
                if isinstance(value, str) and value.strip() and name not in meta:
                    meta[name] = _SPACES.sub(" ", value).strip()
            for value in item.values():
                if isinstance(value, list | dict):
                    stack.append(value)


def _is_link(el: Any) -> bool:
    """An <a> that leads somewhere: "javascript:" pseudo-links are buttons, their text counts as plain text."""
    return not (el.get("href") or "").strip().lower().startswith("javascript:")


def _path(node: Node) -> list[Node]:
    path = []
    current: Node | None = node
    while current is not None:
        path.append(current)
        current = current.parent
    path.reverse()
    return path


def _common_path(sources: list[Node]) -> tuple[Node, ...]:
    """The path from the root to the deepest element that holds every source."""
    first = sources[0]
    if all(s is first for s in sources):
        return tuple(_path(first))
    path = _path(first)
    for other in sources[1:]:
        if other is first:
            continue
        other_path = _path(other)
        keep = 0
        while keep < len(path) and keep < len(other_path) and path[keep] is other_path[keep]:
            keep += 1
        del path[keep:]
    return tuple(path)


def segment_html(
    html: str, max_depth: int = DEFAULT_MAX_DEPTH, max_blocks: int | None = None, deadline: float | None = None
) -> tuple[list[Block], dict[str, Any]]:
    """Blocks in document order, and the page metadata; the walk stops after ``max_blocks`` + 1 blocks.

    ``deadline`` (a time.monotonic() value) is checked every few thousand elements: Timeout when passed."""
    root = parse_html(html, max_depth, deadline)
    if root is None:
        return [], {}
    metadata = page_metadata(root)
    blocks: list[Block] = []
    # Open elements around the current position, outermost first.
    open_nodes: list[Node] = []
    buffer: list[tuple[str, bool, str]] = []  # (text, inside a link, the same piece for Markdown)
    hrefs: list[str] = []  # link targets of the current buffer, in order
    # The innermost element around each piece of buffered text: a block's nodes end at their common ancestor,
    # so <span class="credit">Photo: AP</span> keeps its class even when its block is flushed after the span.
    sources: list[Node] = []
    in_link = 0
    in_pre = 0
    next_id = 0

    def flush() -> None:
        if not buffer:  # nothing since the last block (sources is empty too): the common case on empty elements
            return
        # Two <br> in a row (only spaces between) end a paragraph, as Readability.js turns them into <p>.
        part: list[str] = []
        md: list[str] = []
        part_links = 0
        pending_br = 0
        for piece, linked, md_piece in buffer:
            if piece == _BR:
                pending_br += 1
                continue
            if pending_br:
                if pending_br >= 2 and not piece.isspace() and piece and "".join(part).strip():
                    emit("".join(part), part_links, "".join(md))
                    part, md, part_links = [], [], 0
                part.append("\n")
                md.append("\n")
                if piece and not piece.isspace():
                    pending_br = 0
            part.append(piece)
            md.append(md_piece)
            if linked:
                part_links += len(_SPACES.sub(" ", piece).strip())
        emit("".join(part), part_links, "".join(md))
        buffer.clear()
        sources.clear()
        hrefs.clear()

    def emit(raw: str, links: int, md_raw: str) -> None:
        # Code keeps its indentation: only the blank lines around it go.
        text = (raw.strip("\n") if raw.strip() else "") if in_pre else _SPACES.sub(" ", raw).strip()
        if text:
            nodes = _common_path(sources) if sources else tuple(open_nodes)
            tag = next((n.tag for n in reversed(nodes) if n.tag in BLOCK_TAGS), "p")
            if in_pre:
                tag = "pre"
            blocks.append(Block(
                index=len(blocks), text=text, tag=tag, ancestors=tuple(n.tag for n in nodes),
                attr_tokens=" ".join(n.tokens for n in nodes if n.tokens),
                link_chars=min(links, len(text)), extra={"nodes": nodes},
            ))
            if md_raw != raw and not in_pre:
                blocks[-1].extra["md"] = _SPACES.sub(" ", md_raw).strip()
                blocks[-1].extra["hrefs"] = tuple(hrefs)

    def add_text(s: str | None) -> None:
        if s:
            buffer.append((s, in_link > 0, s))
            if open_nodes and not s.isspace():
                sources.append(open_nodes[-1])

    body = root.find("body")
    start = body if body is not None else root
    # Iterative walk: ("enter", el) and ("exit", el) events, so depth never hits Python's recursion limit.
    stack: list[tuple[bool, Any]] = [(True, start)]
    steps = 0
    while stack and (max_blocks is None or len(blocks) <= max_blocks):
        steps += 1
        if deadline is not None and not steps % 2048:
            check_deadline(deadline)
        entering, el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if entering:
            if not tag or tag in INVISIBLE:
                add_text(el.tail)
                continue
            if tag in BLOCK_TAGS or tag == "br":
                if tag == "br":
                    buffer.append(("\n", False, "\n") if in_pre else (_BR, False, _BR))
                else:
                    flush()
            if tag == "br" or tag == "hr":
                add_text(el.tail)
                continue
            if (tag in BLOCK_TAGS and not el.text and not len(el) and tag != "pre" and tag not in MARK_OPEN
                    and tag not in MARK_CLOSE):
                add_text(el.tail)  # an empty block element: the flush above was all it does (1M <p></p> pages)
                continue
            attrs = _attrs(el)
            parent = open_nodes[-1] if open_nodes else None
            hidden = _hidden(el, tag, attrs)
            if hidden and tag not in BLOCK_TAGS and not any(c.tag in BLOCK_TAGS for c in el.iter() if
                                                             isinstance(c.tag, str)):
                # A hidden inline element inside a paragraph: its text is not part of what a reader sees.
                add_text(el.tail)
                continue
            node = Node(next_id, tag, " ".join(v.lower() for _, v in attrs), parent,
                        parent.depth + 1 if parent else 0, hidden, attrs)
            next_id += 1
            open_nodes.append(node)
            if tag == "a" and _is_link(el):
                in_link += 1
            if tag == "pre":
                in_pre += 1
            if tag in MARK_OPEN and not in_pre:
                buffer.append(("", False, MARK_OPEN[tag]))
            add_text(el.text)
            stack.append((False, el))
            children = list(el)  # C-level copy: 10x faster than iterating reversed(el) over 1M children
            children.reverse()
            stack.extend(zip(repeat(True), children))
        else:
            if tag in BLOCK_TAGS:
                flush()
            open_nodes.pop()
            if tag in MARK_CLOSE and not in_pre:
                close = MARK_CLOSE[tag]
                if tag == "a":
                    hrefs.append((el.get("href") or "").strip())
                    close += f"{len(hrefs) - 1}{LINK_END}"
                buffer.append(("", False, close))
            if tag == "a" and _is_link(el):
                in_link -= 1
            if tag == "pre":
                in_pre -= 1
            add_text(el.tail)
    flush()
    return blocks, metadata
