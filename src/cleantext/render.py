"""Render a Document as plain text, Markdown, JSON, or an --explain listing (HTML: render_html.py).

Text and Markdown print the items of structure.build_items: tables stay tables (text: a row per line, cells
separated by tabs; Markdown: pipe tables), empty cells included."""

from __future__ import annotations

import json

import regex

from .links import IMAGE_SCHEMES, safe_href
from .structure import Block, Document, Item, build_items

# Markdown block syntax a line could open by accident (CommonMark): an ordered-list marker is 1-9 digits and
# "." or ")" followed by a space or the line's end — its punctuation is escaped, as a backslash before a digit
# would be printed. The other openers are punctuation, which a backslash always escapes: headings, quotes,
# bullets, setext and table rules, code fences.
_MD_ORDERED = regex.compile(r"^(\s*\d{1,9})([.)])(?=[ \t]|$)")
_MD_LINE_START = regex.compile(r"^(\s*)([#>+\-*=|~])")
_MD_INLINE = regex.compile(r"([\\`*_\[\]<>])")
# "&amp;" or "&#47;" in the text would be read as an entity: its "&" is escaped; a lone "&" is left as it is.
_MD_ENTITY = regex.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape_markdown(text: str, line_start: bool = True) -> str:
    """Escape text so Markdown renders it literally (and no raw HTML from the input becomes live).

    ``line_start``: the text opens a line, so block syntax at its start is escaped too (not in a table cell)."""
    text = _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", text))
    if not line_start:
        return text
    found = _MD_ORDERED.match(text)
    if found:
        return f"{found.group(1)}\\{found.group(2)}{text[found.end():]}"
    return _MD_LINE_START.sub(r"\1\\\2", text)


_OPENERS = "\ue010\ue012\ue014\ue016"
_CLOSERS = "\ue011\ue013\ue015\ue017"
_SPACE_AFTER_OPEN = regex.compile(f"([{_OPENERS}])(\\s+)")
_SPACE_BEFORE_CLOSE = regex.compile(f"(\\s+)([{_CLOSERS}])")
_EMPTY_PAIR = regex.compile("\ue010\ue011|\ue012\ue013|\ue014\ue015|\ue016\ue017(\\d+)\ue018")
_SPACE_RUN = regex.compile(r"\s{2,}")
_CODE_SPAN = regex.compile("\ue014(.*?)\ue015")
_LINK_SPAN = regex.compile("\ue016(.*?)\ue017(\\d+)\ue018")
_LEFTOVER = regex.compile("[\ue010-\ue018]")
_UNESCAPE = regex.compile(r"\\([\\`*_\[\]<>#>+\-=|~&.)])")


def tidy_markers(md: str) -> str:
    """A block's marked-up text with spaces moved outside the markers ("** bold **" is not bold) and empty pairs
    dropped."""
    md = _SPACE_AFTER_OPEN.sub(r"\2\1", md)
    md = _SPACE_BEFORE_CLOSE.sub(r"\2\1", md)
    md = _EMPTY_PAIR.sub("", md)
    return _SPACE_RUN.sub(" ", md).strip()


def marked_text(block: Block) -> tuple[str, tuple[str, ...]] | None:
    """(text with inline markers, link targets) of a block with inline markup, or None for plain text."""
    md = block.extra.get("md") if isinstance(block.extra, dict) else None
    if not isinstance(md, str):
        return None
    return tidy_markers(md), tuple(block.extra.get("hrefs") or ())


def _inline(block: Block, include_links: bool, line_start: bool = True) -> str:
    """The block's text in Markdown: escaped, with emphasis, code spans and (optionally) links."""
    found = marked_text(block)
    if found is None:
        return escape_markdown(block.text, line_start)
    md, hrefs = found
    md = escape_markdown(md, line_start)
    md = _CODE_SPAN.sub(lambda m: _code_span(_UNESCAPE.sub(r"\1", _LEFTOVER.sub("", m.group(1)))), md)

    def link(m: regex.Match[str]) -> str:
        text = m.group(1)
        index = int(m.group(2))
        href = safe_href(hrefs[index]) if include_links and index < len(hrefs) else None
        return f"[{text}]({href})" if href else text

    md = _LINK_SPAN.sub(link, md)
    md = md.replace("\ue010", "**").replace("\ue011", "**").replace("\ue012", "*").replace("\ue013", "*")
    return _LEFTOVER.sub("", md)


def _code_span(code: str) -> str:
    fence = "`"
    while fence in code:
        fence += "`"
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def _fence(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}\n{text}\n{fence}"


def _md_cell(cell: list[Block], include_links: bool) -> str:
    text = " ".join(_inline(b, include_links, line_start=False) for b in cell)
    return text.replace("|", "\\|").replace("\n", " ")


def _md_images(item: Item) -> list[str]:
    out = []
    for image in item.images:
        src = safe_href(image.src, IMAGE_SCHEMES)
        if src:
            alt = escape_markdown(image.alt, line_start=False).replace("\n", " ")
            out.append(f"![{alt}]({src})")
    return out


def _markdown_item(item: Item, include_links: bool) -> str:
    kind, block = item.kind, item.block
    if kind == "table":
        width = len(item.rows[0])
        lines = ["| " + " | ".join(_md_cell(cell, include_links) for cell in row) + " |" for row in item.rows]
        lines.insert(1, "|" + "---|" * width)  # the first row is the header row (Markdown tables need one)
        return "\n".join(lines)
    if kind == "list":
        return "\n".join("   " * depth + ("1. " if ordered else "- ") + _inline(b, include_links)
                         for depth, ordered, b in item.entries)  # three spaces nest under "1. " and "- "
    if kind == "figure":
        parts = _md_images(item)
        if block is not None:
            parts.append(_inline(block, include_links))
        return "\n\n".join(parts)
    assert block is not None
    if kind == "code":
        return _fence(block.text)
    text = _inline(block, include_links)
    if kind == "heading":
        return "#" * item.level + " " + text
    if kind == "quote":
        return "> " + text
    return text


def _text_item(item: Item) -> str:
    if item.kind == "table":
        return "\n".join("\t".join(" ".join(" ".join(b.text.split()) for b in cell) for cell in row)
                         for row in item.rows)
    if item.kind == "list":
        return "\n\n".join(b.text for _, _, b in item.entries)
    return item.block.text if item.block is not None else ""


def body_text(doc: Document) -> str:
    """The body as plain text: paragraphs separated by blank lines, a table row per line (cells tab-separated)."""
    return "\n\n".join(t for t in (_text_item(item) for item in build_items(doc.body_blocks)) if t)


def to_text(doc: Document, with_title: bool = True) -> str:
    """Title (if any), the body (see body_text) and the reader comments when asked for, separated by blank lines."""
    parts = [doc.title] if with_title and doc.title else []
    body = body_text(doc)
    if body:
        parts.append(body)
    parts.extend(doc.comments)
    return "\n\n".join(parts)


def to_markdown(doc: Document, *, include_links: bool = False, include_images: bool = False) -> str:
    """Title as a level-1 heading, then the body in Markdown (links and images only when asked for; only safe
    addresses), then the reader comments under "## Comments" when the document has them."""
    parts = [f"# {escape_markdown(doc.title)}"] if doc.title else []
    items = build_items(doc.blocks if include_images else doc.body_blocks, include_images)
    parts.extend(p for p in (_markdown_item(item, include_links) for item in items) if p)
    comments = doc.comment_blocks
    if comments:
        parts.append("## Comments")
        parts.extend(_inline(b, include_links) for b in comments)
    return "\n\n".join(parts)


def to_json(doc: Document, **extra: object) -> str:
    """The Document's dict, plus any extra fields, as one line of JSON."""
    data = doc.to_dict()
    data.update(extra)
    return json.dumps(data, ensure_ascii=False)


def explain(doc: Document, width: int = 72) -> str:
    """The page type and its evidence, then every block in order: '+' kept, 'T' title, 'C' reader comment, '-'
    removed with its rule and reason; then the metadata fields with their sources."""
    lines = [f"page type: {doc.page_type.explain()}"] if doc.page_type is not None else []
    for block in doc.blocks:
        text = block.text.replace("\n", " ")
        if len(text) > width:
            text = text[: width - 1] + "…"
        if block.label == "body":
            lines.append(f"  + {text}")
        elif block.label == "title":
            lines.append(f"  T {text}    [{block.rule}: {block.reason}]")
        elif block.label == "comment":
            lines.append(f"  C {text}    [{block.rule}: reader comment, kept apart]")
        else:
            lines.append(f"  - {text}\n      {block.rule} ({block.kind}): {block.reason}")
    found = doc.metadata.explain()
    if found:  # the normalised metadata, each field with the source it was read from
        lines.append("  metadata:")
        lines.extend(f"    {line}" for line in found)
    return "\n".join(lines)
