"""Render a Document as plain text, Markdown, JSON, or an --explain listing."""

from __future__ import annotations

import json

import regex

from .document import Block, Document
from .links import safe_href

# Characters that would start Markdown or HTML syntax at the start of a line, or inline markup anywhere.
_MD_LINE_START = regex.compile(r"^(\s*)([#>+\-*=|]|\d+[.)])")
_MD_INLINE = regex.compile(r"([\\`*_\[\]<>])")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown renders it literally (and no raw HTML from the input becomes live)."""
    text = _MD_INLINE.sub(r"\\\1", text)
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
_UNESCAPE = regex.compile(r"\\([\\`*_\[\]<>#>+\-=|])")


def _inline(block: Block, include_links: bool) -> str:
    """The block's text in Markdown: escaped, with emphasis, code spans and (optionally) links."""
    md = block.extra.get("md") if isinstance(block.extra, dict) else None
    if not isinstance(md, str):
        return escape_markdown(block.text)
    hrefs = block.extra.get("hrefs") or ()
    # Spaces belong outside markers ("** bold **" is not bold in Markdown); empty pairs go.
    md = _SPACE_AFTER_OPEN.sub(r"\2\1", md)
    md = _SPACE_BEFORE_CLOSE.sub(r"\2\1", md)
    md = _EMPTY_PAIR.sub("", md)
    md = _SPACE_RUN.sub(" ", md).strip()
    md = escape_markdown(md)
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


def _list_prefix(block: Block) -> str:
    """"- " or "1. " for a list item, indented per enclosing list."""
    lists = [t for t in block.ancestors if t in ("ul", "ol", "menu")]
    indent = "   " * max(0, len(lists) - 1)  # three spaces: enough to nest under "1. " and "- "
    return indent + ("1. " if lists and lists[-1] == "ol" else "- ")


def _row_key(block: Block) -> int | None:
    """The <tr> a table cell belongs to (cells of one row render as one Markdown row)."""
    nodes = block.extra.get("nodes") if isinstance(block.extra, dict) else None
    if block.tag not in ("td", "th") or not nodes:
        return None
    for node in reversed(nodes):
        if node.tag == "tr":
            return node.nid
    return None


def _markdown_block(block: Block, include_links: bool = False) -> str:
    if block.tag == "pre":
        fence = "```"
        while fence in block.text:
            fence += "`"
        return f"{fence}\n{block.text}\n{fence}"
    text = _inline(block, include_links)
    if len(block.tag) == 2 and block.tag[0] == "h" and block.tag[1].isdigit():
        return "#" * int(block.tag[1]) + " " + text
    if block.tag == "li":
        return _list_prefix(block) + text
    if block.tag == "blockquote":
        return "> " + text
    return text


def _markdown_blocks(blocks: list[Block], include_links: bool) -> list[str]:
    """Blocks as Markdown paragraphs; table cells of one row join into a row, rows into a table."""
    parts: list[str] = []
    table: list[str] = []
    row: list[str] = []
    row_key: int | None = None
    header = False
    previous_li = False

    def end_row() -> None:
        nonlocal row, header
        if row:
            table.append("| " + " | ".join(row) + " |")
            if len(table) == 1:
                table.append("|" + "---|" * len(row))
            row = []

    def end_table() -> None:
        nonlocal table
        end_row()
        if table:
            parts.append("\n".join(table))
            table = []

    for block in blocks:
        key = _row_key(block)
        if key is None:
            end_table()
            row_key = None
            rendered = _markdown_block(block, include_links)
            # Consecutive list items make one tight list.
            if block.tag == "li" and previous_li and parts:
                parts[-1] += "\n" + rendered
            else:
                parts.append(rendered)
            previous_li = block.tag == "li"
            continue
        previous_li = False
        if key != row_key:
            end_row()
            row_key = key
        cell = _inline(block, include_links).replace("|", "\\|").replace("\n", " ")
        header = header or block.tag == "th"
        row.append(cell)
    end_table()
    return parts


def to_text(doc: Document, with_title: bool = True) -> str:
    """Title (if any) and body paragraphs separated by blank lines."""
    parts = [doc.title] if with_title and doc.title else []
    parts.extend(doc.paragraphs)
    return "\n\n".join(parts)


def to_markdown(doc: Document, *, include_links: bool = False) -> str:
    """Title as a level-1 heading, then the body blocks in Markdown (links only when include_links)."""
    parts = [f"# {escape_markdown(doc.title)}"] if doc.title else []
    parts.extend(_markdown_blocks(doc.body_blocks, include_links))
    return "\n\n".join(parts)


def to_json(doc: Document, **extra: object) -> str:
    """The Document's dict, plus any extra fields, as one line of JSON."""
    data = doc.to_dict()
    data.update(extra)
    return json.dumps(data, ensure_ascii=False)


def explain(doc: Document, width: int = 72) -> str:
    """Every block in order: '+' kept, 'T' title, '-' removed with its rule and reason."""
    lines = []
    for block in doc.blocks:
        text = block.text.replace("\n", " ")
        if len(text) > width:
            text = text[: width - 1] + "…"
        if block.label == "body":
            lines.append(f"  + {text}")
        elif block.label == "title":
            lines.append(f"  T {text}    [{block.rule}: {block.reason}]")
        else:
            lines.append(f"  - {text}\n      {block.rule} ({block.kind}): {block.reason}")
    return "\n".join(lines)
