"""The kept blocks grouped into what the renderers print: headings, paragraphs, lists, tables, code, images.

Every output format (text, Markdown, HTML) reads the same list of items, so a table is a table in all three:
cells of one row side by side, empty cells kept in their column (the HTML walk gives each cell block its column).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

# Kinds of removed blocks whose images still belong to the article: a figure's caption or credit goes, the
# picture it describes stays (when images are asked for).
CAPTION_KINDS = frozenset({"image-caption", "photo-credit", "image-alt-text"})
_LIST_TAGS = ("ul", "ol", "menu")


# What the renderers read of a Block and a Document. The renderers take these shapes rather than importing
# document.py, because Document.text and Document.html call the renderers: the model sits below them.
class Block(Protocol):
    """The fields of a cleantext.Block that rendering reads."""

    index: int
    text: str
    tag: str
    label: str
    rule: str | None
    kind: str | None
    reason: str | None
    extra: dict[str, Any]

    @property
    def ancestors(self) -> tuple[str, ...]: ...


class Document(Protocol):
    """The fields of a cleantext.Document that rendering reads."""

    @property
    def title(self) -> str | None: ...
    @property
    def blocks(self) -> Sequence[Block]: ...
    @property
    def body_blocks(self) -> Sequence[Block]: ...
    @property
    def comment_blocks(self) -> Sequence[Block]: ...
    @property
    def comments(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...


@dataclass(slots=True)
class Image:
    """An image (src, alt) that sat before or inside a kept block."""

    src: str
    alt: str


@dataclass(slots=True)
class Item:
    """One unit of output. ``kind``: "heading" (``level`` 1-6), "paragraph", "quote", "code", "list" (``entries``),
    "table" (``rows``) or "figure" (``images``, and the caption block in ``block`` when it is kept)."""

    kind: str
    block: Block | None = None
    level: int = 0
    # list: (depth from 0, ordered, block) per item
    entries: list[tuple[int, bool, Block]] = field(default_factory=list)
    # table: rows of cells, a cell being the blocks in it (an empty list for an empty cell); header rows first
    rows: list[list[list[Block]]] = field(default_factory=list)
    header: bool = False  # the first row is made of <th> cells
    images: list[Image] = field(default_factory=list)


def heading_level(block: Block) -> int:
    """1-6 for a heading block, 0 for any other."""
    tag = block.tag
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 0


def _nodes(block: Block) -> tuple:
    nodes = block.extra.get("nodes") if isinstance(block.extra, dict) else None
    return nodes if isinstance(nodes, tuple) else ()


def _cell_place(block: Block) -> tuple[int, int, int | None] | None:
    """(table node id, row node id, column) of a table-cell block, or None when the block is not a cell."""
    if block.tag not in ("td", "th"):
        return None
    table = row = None
    for node in reversed(_nodes(block)):
        if row is None and node.tag == "tr":
            row = node.nid
        elif node.tag == "table":
            table = node.nid
            break
    if row is None:
        return None
    col = block.extra.get("col")
    return (table if table is not None else -1), row, col if isinstance(col, int) else None


def _list_entry(block: Block) -> tuple[int, bool]:
    """(nesting depth from 0, ordered) of a list item."""
    lists = [t for t in block.ancestors if t in _LIST_TAGS]
    return max(0, len(lists) - 1), bool(lists) and lists[-1] == "ol"


def _images(block: Block) -> list[Image]:
    found = block.extra.get("images") if isinstance(block.extra, dict) else None
    return [Image(src, alt) for src, alt in found] if found else []


def build_items(blocks: Iterable[Block], include_images: bool = False) -> list[Item]:
    """The items of the given blocks (the kept ones, in order). With ``include_images``, images are items too;
    pass every block of the document then: the images of a removed caption are kept (see CAPTION_KINDS)."""
    items: list[Item] = []
    table: tuple[int, dict[int, int]] | None = None  # (table node id, row node id -> row number) being filled
    for block in blocks:
        kept = block.label == "body"
        if include_images:
            images = _images(block)
            if images and (kept or block.kind in CAPTION_KINDS):
                if kept and block.tag == "figcaption":
                    items.append(Item("figure", block=block, images=images))
                    table = None
                    continue
                items.append(Item("figure", images=images))
                table = None
        if not kept:
            continue
        place = _cell_place(block)
        if place is not None:
            table_id, row_id, col = place
            if table is None or table[0] != table_id or not items or items[-1].kind != "table":
                table = (table_id, {})
                items.append(Item("table", header=block.tag == "th"))
            item = items[-1]
            row_numbers = table[1]
            if row_id not in row_numbers:
                row_numbers[row_id] = len(item.rows)
                item.rows.append([])
                if len(item.rows) == 1:
                    item.header = block.tag == "th"
            row = item.rows[row_numbers[row_id]]
            if len(item.rows) == 1 and block.tag != "th":
                item.header = False
            at = col if col is not None else len(row)
            while len(row) <= at:
                row.append([])
            row[at].append(block)
            continue
        table = None
        level = heading_level(block)
        if level:
            items.append(Item("heading", block=block, level=level))
        elif block.tag == "li":
            depth, ordered = _list_entry(block)
            if items and items[-1].kind == "list":
                items[-1].entries.append((depth, ordered, block))
            else:
                items.append(Item("list", entries=[(depth, ordered, block)]))
        elif block.tag == "pre":
            items.append(Item("code", block=block))
        elif block.tag == "blockquote":
            items.append(Item("quote", block=block))
        else:
            items.append(Item("paragraph", block=block))
    for item in items:
        if item.kind == "table":
            width = max(len(row) for row in item.rows)
            for row in item.rows:
                row.extend([] for _ in range(width - len(row)))
    return items
