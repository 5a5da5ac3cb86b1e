"""Render a Document as a minimal, safe HTML article: the kept blocks, nothing of the page's own markup.

The output is built from text, never copied from the input: every piece of text is escaped, the only elements
are the ones written here (article, h1-h6, p, ul/ol/li, table/tr/th/td, pre/code, blockquote, figure/img/
figcaption, strong, em, code, a, section), the only attributes are href, src and alt, and an address is printed
only when links.safe_href accepts it (http, https, mailto or relative). So no script, style, event handler or
javascript:/data:/vbscript: address of the input can reach it, however the input hides them.
"""

from __future__ import annotations

from html import escape

import regex

from .links import IMAGE_SCHEMES, safe_href
from .render import marked_text
from .structure import Block, Document, Item, build_items

# The inline markers of a block's marked-up text (segment/nodes.py MARK_OPEN/MARK_CLOSE): a link's close marker
# carries the index of its address.
_TOKEN = regex.compile("\ue017(\\d+)\ue018|[\ue010-\ue016]|[^\ue010-\ue018]+")
_OPEN = {"\ue010": "strong", "\ue012": "em", "\ue014": "code", "\ue016": "a"}
_CLOSE = {"\ue011": "strong", "\ue013": "em", "\ue015": "code"}


def _inline(block: Block, include_links: bool) -> str:
    """The block's text as escaped HTML with <strong>, <em>, <code> and (when asked) <a href>, always well nested."""
    found = marked_text(block)
    if found is None:
        return escape(block.text, quote=False)
    md, hrefs = found
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # open elements: (name, position of the start tag in out)

    def close(name: str, href: str | None = None) -> None:
        if not any(n == name for n, _ in stack):
            return  # a close marker without its open one: ignored
        while stack:
            open_name, at = stack.pop()
            if open_name == "a":
                if href is not None and open_name == name:
                    out[at] = f'<a href="{escape(href)}">'
                    out.append("</a>")
                else:
                    out[at] = ""  # no safe address: the link's text stays, without the link
            else:
                out.append(f"</{open_name}>")
            if open_name == name:
                return

    for m in _TOKEN.finditer(md):
        token = m.group(0)
        if m.group(1) is not None:
            index = int(m.group(1))
            href = safe_href(hrefs[index]) if include_links and index < len(hrefs) else None
            close("a", href or None)
        elif token in _OPEN:
            name = _OPEN[token]
            stack.append((name, len(out)))
            out.append("" if name == "a" else f"<{name}>")
        elif token in _CLOSE:
            close(_CLOSE[token])
        else:
            out.append(escape(token, quote=False))
    while stack:
        close(stack[-1][0])
    return "".join(out)


def _images(item: Item) -> list[str]:
    out = []
    for image in item.images:
        src = safe_href(image.src, IMAGE_SCHEMES)
        if src:
            out.append(f'<img src="{escape(src)}" alt="{escape(image.alt)}">')
    return out


def _cell(cell: list[Block], name: str, include_links: bool) -> str:
    return f"<{name}>" + " ".join(_inline(b, include_links) for b in cell) + f"</{name}>"


def _list(entries: list[tuple[int, bool, Block]], include_links: bool) -> str:
    """Nested <ul>/<ol> from (depth, ordered, block) entries: a deeper entry opens a list inside the previous item."""
    out: list[str] = []
    open_lists: list[str] = []  # the names of the open lists, outermost first
    for depth, ordered, block in entries:
        depth = min(depth, len(open_lists))  # never more than one level deeper than the previous entry
        while len(open_lists) > depth + 1:
            out.append(f"</li></{open_lists.pop()}>")
        if len(open_lists) == depth + 1:
            out.append("</li>")
        else:
            open_lists.append("ol" if ordered else "ul")
            out.append(f"<{open_lists[-1]}>")
        out.append("<li>" + _inline(block, include_links))
    while open_lists:
        out.append(f"</li></{open_lists.pop()}>")
    return "".join(out)


def _item(item: Item, include_links: bool) -> str:
    kind, block = item.kind, item.block
    if kind == "table":
        rows = []
        for i, row in enumerate(item.rows):
            name = "th" if i == 0 and item.header else "td"
            rows.append("<tr>" + "".join(_cell(cell, name, include_links) for cell in row) + "</tr>")
        return "<table>\n" + "\n".join(rows) + "\n</table>"
    if kind == "list":
        return _list(item.entries, include_links)
    if kind == "figure":
        images = _images(item)
        caption = f"<figcaption>{_inline(block, include_links)}</figcaption>" if block is not None else ""
        if not images:
            return f"<p>{_inline(block, include_links)}</p>" if block is not None else ""
        return "<figure>" + "".join(images) + caption + "</figure>"
    assert block is not None
    if kind == "code":
        return f"<pre><code>{escape(block.text, quote=False)}</code></pre>"
    text = _inline(block, include_links)
    if kind == "heading":
        return f"<h{item.level}>{text}</h{item.level}>"
    if kind == "quote":
        return f"<blockquote><p>{text}</p></blockquote>"
    return f"<p>{text}</p>"


def to_html(doc: Document, *, include_links: bool = False, include_images: bool = False) -> str:
    """The title as <h1> and the body as one <article> of plain elements; reader comments (when the document has
    them) in a <section> after the body. Links and images only when asked for, with safe addresses only."""
    parts = ["<article>"]
    if doc.title:
        parts.append(f"<h1>{escape(doc.title, quote=False)}</h1>")
    items = build_items(doc.blocks if include_images else doc.body_blocks, include_images)
    parts.extend(p for p in (_item(item, include_links) for item in items) if p)
    comments = doc.comment_blocks
    if comments:
        parts.append("<section>\n<h2>Comments</h2>")
        parts.extend(f"<p>{_inline(b, include_links)}</p>" for b in comments)
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)
