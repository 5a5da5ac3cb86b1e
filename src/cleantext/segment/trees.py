"""Pages the caller has already parsed: an lxml element or tree, a BeautifulSoup object or tag.

They are walked directly into the same parser-target calls (start, data, end, close) the streaming parse makes,
so they need no serialising and no second parse, and give the blocks the page's markup would give. A tree
whose root is not <html> (an <article> element, a soup of a fragment) is walked inside a <html><body>, as the
HTML parser wraps such markup.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from ..decode import sanitize_text

# What sanitize_text changes (C0 controls but tab and line breaks, DEL, lone surrogates): most text pieces hold
# none, and one search is far cheaper than the call.
_UNCLEAN = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


# A <noscript> with this many elements inside holds the page: libxml2 ignores </noscript> while an element opened
# inside is still open, so "<noscript><div></noscript>" puts the rest of the page in it. The streaming parse
# empties noscript content first (parse._empty_noscript); in a tree already built, such an element is walked as a
# <div>. Real noscript content (a tracking pixel, an image, a "please enable JavaScript" line) is a few elements.
_SWALLOWED = 20


def _clean_text(text: str) -> str:
    return sanitize_text(text) if _UNCLEAN.search(text) else text

# What clean() accepts besides str, bytes and pathlib.Path, for the TypeError message.
TREE_TYPES = "an lxml element or element tree, a BeautifulSoup object or tag"
def tree_kind(source: object) -> str | None:
    """"lxml" or "bs4" for a parsed page clean() can walk, else None (bs4 is imported only for its own objects)."""
    module = type(source).__module__ or ""
    if module.startswith("lxml"):
        from lxml import etree

        if isinstance(source, etree._Element | etree._ElementTree):
            return "lxml"
    elif module.startswith("bs4"):
        from bs4 import Tag

        if isinstance(source, Tag):
            return "bs4"
    return None


def _local(tag: str) -> str:
    """A tag name without its XML namespace ("{http://www.w3.org/1999/xhtml}p" -> "p"), lower-cased."""
    return (tag.rpartition("}")[2] if tag[:1] == "{" else tag).lower()


def _feed_lxml(root: Any, start: Any, end: Any, data: Any) -> None:
    """The parser calls of an lxml element (comments, processing instructions and entities give only their tail).

    etree.iterwalk walks the tree in C; the element's attributes go to the walk as they are (read, never kept)."""
    from lxml import etree

    names: dict[str, str] = {}
    unwrapped: list[Any] = []  # <noscript> elements walked as <div> (see _SWALLOWED)
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag
        if event == "start":
            if isinstance(tag, str):  # else an entity reference: no element
                name = names.get(tag)
                if name is None:
                    name = names[tag] = _local(tag)
                if name == "noscript" and sum(1 for _ in islice(element.iterdescendants(), _SWALLOWED)) >= _SWALLOWED:
                    unwrapped.append(element)
                    name = "div"
                start(name, element.attrib)
                if element.text:
                    data(_clean_text(element.text))
            continue
        if event == "end" and isinstance(tag, str):
            if unwrapped and unwrapped[-1] is element:
                unwrapped.pop()
                end("div")
            else:
                end(names[tag])
        if element.tail and element is not root:  # the text after an element, comment or instruction
            data(_clean_text(element.tail))


def _feed_soup(root: Any, start: Any, end: Any, data: Any) -> None:
    """The parser calls of a BeautifulSoup object or tag (comments, doctypes and declarations are skipped)."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    stack: list[Any] = [root]  # a Tag to start, or the name (str) of one to end
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            end(node)
        elif isinstance(node, Tag):
            if node is not root or root.name != "[document]":  # the BeautifulSoup object is no element
                name = node.name.lower()
                if name == "noscript" and len(node.find_all(True, limit=_SWALLOWED)) >= _SWALLOWED:
                    name = "div"
                start(name, {k: " ".join(v) if isinstance(v, list) else v for k, v in node.attrs.items()})
                stack.append(name)
            stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, skipped):
            data(_clean_text(str(node)))


def _first_tag(source: Any, kind: str) -> str | None:
    """The tag of the tree's first element (None: no element)."""
    if kind == "lxml":
        return _local(source.tag) if isinstance(source.tag, str) else None
    if source.name != "[document]":
        return source.name.lower()
    first = source.find(True, recursive=False)
    return first.name.lower() if first is not None else None


def feed_tree(source: Any, kind: str, target: Any) -> bool:
    """Send the page's parser calls to a ``target`` (Walk); False when the tree holds no element."""
    if kind == "lxml" and hasattr(source, "getroot"):
        source = source.getroot()
    first = None if source is None else _first_tag(source, kind)
    if first is None:
        return False
    # As the HTML parser wraps a fragment: <html> around anything else, <body> around what belongs in one.
    wraps = [] if first == "html" else ["html"] if first in ("body", "head") else ["html", "body"]
    start, end, data = target.start, target.end, target.data
    for tag in wraps:
        start(tag, {})
    (_feed_lxml if kind == "lxml" else _feed_soup)(source, start, end, data)
    for tag in reversed(wraps):
        end(tag)
    target.close()
    return True
