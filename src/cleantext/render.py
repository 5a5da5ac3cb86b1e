"""Render a Document as plain text, Markdown, JSON, or an --explain listing."""

from __future__ import annotations

import json

import regex

from .document import Block, Document

# Characters that would start Markdown or HTML syntax at the start of a line, or inline markup anywhere.
_MD_LINE_START = regex.compile(r"^(\s*)([#>+\-*=|]|\d+[.)])")
_MD_INLINE = regex.compile(r"([\\`*_\[\]<>])")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown renders it literally (and no raw HTML from the input becomes live)."""
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(r"\1\\\2", text)


def _markdown_block(block: Block) -> str:
    if block.tag == "pre":
        fence = "```"
        while fence in block.text:
            fence += "`"
        return f"{fence}\n{block.text}\n{fence}"
    text = escape_markdown(block.text)
    if len(block.tag) == 2 and block.tag[0] == "h" and block.tag[1].isdigit():
        return "#" * int(block.tag[1]) + " " + text
    if block.tag == "li":
        return "- " + text
    if block.tag == "blockquote":
        return "> " + text
    return text


def to_text(doc: Document, with_title: bool = True) -> str:
    """Title (if any) and body paragraphs separated by blank lines."""
    parts = [doc.title] if with_title and doc.title else []
    parts.extend(doc.paragraphs)
    return "\n\n".join(parts)


def to_markdown(doc: Document) -> str:
    """Title as a level-1 heading, then the body blocks in Markdown."""
    parts = [f"# {escape_markdown(doc.title)}"] if doc.title else []
    parts.extend(_markdown_block(b) for b in doc.body_blocks)
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
