"""The element nodes the HTML walk keeps around each block, and how an element's attributes are read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

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
# The attributes a Node keeps, in this order.
_ATTR_NAMES = ("id", "class", "role", "itemprop", "aria-label")
# Longest class/id/role value read: the longest in ../shared/datasets is 2,626 characters. A 4 MB class value
# would otherwise be searched by every element rule (seconds per rule).
_MAX_ATTR_CHARS = 4096


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


# The attributes that can hide an element, and the words every hiding class holds (most values hold none).
_HIDING_ATTRS = frozenset({"hidden", "aria-hidden", "style"})
_HIDING_WORDS = ("hidden", "none", "only", "reader", "invisible")


# The attributes read_attrs reads besides class: an element with none of them (most have only class, href, src,
# type...) gets its fields from the class value alone (class_fields), or none at all (NO_ATTRS).
READ_NOT_CLASS = frozenset({"id", "role", "itemprop", "aria-label", "hidden", "aria-hidden", "style"})
NO_ATTRS: tuple[tuple[tuple[str, str], ...], str, str | None] = ((), "", None)


def read_attrs(attrib: Any) -> tuple[tuple[tuple[str, str], ...], str, str | None]:
    """An element's Node fields from its attributes: (attrs, tokens, hidden).

    attrs: the id, class, role, itemprop and aria-label values that are set, spaces squashed, capped in length;
    tokens: those values lower-cased, space-separated; hidden: why the element is not displayed (hidden
    attribute, aria-hidden, inline style or a hiding CSS class), or None."""
    get = attrib.get
    found = []
    for name in _ATTR_NAMES:
        value = get(name)
        if value:
            value = " ".join(value[:_MAX_ATTR_CHARS].split())
            if value:
                found.append((name, value))
    attrs = tuple(found)
    tokens = found[0][1].lower() if len(found) == 1 else " ".join([v.lower() for _, v in found])
    if not _HIDING_ATTRS.isdisjoint(attrib):
        if "hidden" in attrib:
            return attrs, tokens, "hidden attribute"
        aria = get("aria-hidden")
        if aria and aria.strip().lower() == "true":
            return attrs, tokens, 'aria-hidden="true"'
        style = get("style")
        if style:
            lower = style.lower()
            if "none" in lower or "hidden" in lower:  # most inline styles name neither: skip the pattern
                match = _HIDDEN_STYLE.search(style)
                if match:
                    return attrs, tokens, f'style "{match.group(0)}"'
    value = get("class")
    if value:
        for name, value in found:
            if name == "class":
                return attrs, tokens, _hiding_class(value.lower())
    return attrs, tokens, None


def class_fields(value: str) -> tuple[tuple[tuple[str, str], ...], str, str | None]:
    """read_attrs of an element whose only attribute read is ``class="value"`` (most elements with attributes)."""
    value = " ".join(value[:_MAX_ATTR_CHARS].split())
    if not value:
        return (), "", None
    lower = value.lower()
    return (("class", value),), lower, _hiding_class(lower)


def _hiding_class(lower: str) -> str | None:
    """Why a lower-cased class value hides its element ('class "sr-only"'), or None."""
    # Every hiding class holds one of these words: most class values are ruled out without splitting.
    for word in _HIDING_WORDS:
        if word in lower:
            hit = _HIDDEN_CLASSES.intersection(lower.split())
            return f'class "{sorted(hit)[0]}"' if hit else None
    return None


# The holder of text found in two separate trees (text in <html> before the <body> that restarts the walk).
_APART = Node(-1, "", "", None, -1)


def path_to(holder: Node, open_nodes: list[Node]) -> tuple[Node, ...]:
    """The nodes from the root to ``holder``, outermost first (() for _APART).

    ``open_nodes`` is the chain of open elements (open_nodes[i].depth == i): the part of the path still open is
    a slice of it, so only closed elements (an inline <span> the block text came from) are walked up."""
    if holder is _APART:
        return ()
    closed = []
    node: Node | None = holder
    while node is not None and not (node.depth < len(open_nodes) and open_nodes[node.depth] is node):
        closed.append(node)
        node = node.parent
    closed.reverse()
    return (*open_nodes[: node.depth + 1], *closed) if node is not None else tuple(closed)


def block_path(holder: Node | None, open_nodes: list[Node]) -> tuple[Node, ...]:
    """The nodes around a block's text, outermost first: the open elements down to ``holder``, the deepest element
    holding all of the text (None: the text sits directly in the innermost open element)."""
    if holder is None:
        return tuple(open_nodes)
    depth = holder.depth
    if depth < len(open_nodes) and open_nodes[depth] is holder:
        return tuple(open_nodes[: depth + 1])  # the text's element is still open: the common case
    up = holder.parent
    if up is not None and up.depth < len(open_nodes) and open_nodes[up.depth] is up:
        return (*open_nodes[: up.depth + 1], holder)  # one closed element: <li><a>text</a></li>
    return path_to(holder, open_nodes)


def open_holder(holder: Node, open_nodes: list[Node]) -> Node:
    """The holder of a block's text once more text arrives in the innermost open element.

    An open holder is that element's ancestor and stays; a closed one gives way to its deepest open ancestor
    (none: the texts sit in separate trees, _APART)."""
    depth = holder.depth
    if depth < len(open_nodes) and open_nodes[depth] is holder:
        return holder
    up = holder.parent
    while up is not None and not (up.depth < len(open_nodes) and open_nodes[up.depth] is up):
        up = up.parent
    return _APART if up is None else up


def block_tag(nodes: tuple[Node, ...]) -> str:
    """A block's structural role: the tag of its innermost block element ("p" when there is none)."""
    for node in reversed(nodes):
        if node.tag in BLOCK_TAGS:
            return node.tag
    return "p"
