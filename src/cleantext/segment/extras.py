"""What the renderers need beyond a block's text: the column of a table cell, and the images near a block.

Neither is read by any rule: a table keeps its empty cells in Markdown, text and HTML output only if every cell
knows its column, and images are rendered only when the caller asks (Options.include_images)."""

from __future__ import annotations

from typing import Any

from .nodes import Node

CELL_TAGS = frozenset({"td", "th"})
# colspan values past this are read as this (a colspan="1000" cell would otherwise make a thousand columns).
_MAX_SPAN = 64
# Longest image address and alternative text kept: longer ones are inline data or scraped noise.
_MAX_SRC = 2048
_MAX_ALT = 500
# Attributes that lazy-loading scripts read the real address from, when src is a placeholder.
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original")


def cell_span(attrib: Any) -> int:
    """How many columns a <td>/<th> covers (its colspan, 1 when missing or not a number)."""
    value = attrib.get("colspan") if attrib else None
    if not value:
        return 1
    value = value.strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() and value != "0" else 1


def cell_column(nodes: tuple[Node, ...], columns: dict[int, int]) -> int | None:
    """The column of the cell a td/th block sits in (None for a cell outside any <tr>)."""
    for node in reversed(nodes):
        if node.tag in CELL_TAGS:
            return columns.get(node.nid)
    return None


def read_image(attrib: Any) -> tuple[str, str] | None:
    """(src, alt) of an <img>, or None for an image without an address or a 0/1-pixel tracker."""
    if not attrib:
        return None
    get = attrib.get
    if (get("width") or "").strip() in ("0", "1") or (get("height") or "").strip() in ("0", "1"):
        return None
    src = (get("src") or "").strip()
    if not src or src[:5].lower() == "data:":
        for name in _LAZY_SRC:
            lazy = (get(name) or "").strip()
            if lazy:
                src = lazy
                break
    if not src or len(src) > _MAX_SRC:
        return None
    alt = " ".join((get("alt") or "").split())[:_MAX_ALT]
    return src, alt


class Extras:
    """The walk's record of table columns and images, handed to blocks as extra["col"] and extra["images"]."""

    __slots__ = ("columns", "images", "rows")

    def __init__(self) -> None:
        self.rows: list[int] = []  # the next free column of each open <tr>, innermost last
        self.columns: dict[int, int] = {}  # the column of each cell node, by nid
        self.images: list[tuple[str, str]] = []  # (src, alt) of the images since the last block

    def start(self, code_is_row: bool, nid: int, attrib: Any) -> None:
        """A <tr> (code_is_row) or a <td>/<th> element starts; ``nid`` is the node id the cell gets."""
        rows = self.rows
        if code_is_row:
            rows.append(0)
        elif rows:
            self.columns[nid] = rows[-1]
            rows[-1] += cell_span(attrib)

    def end_row(self) -> None:
        """A <tr> ends."""
        if self.rows:
            self.rows.pop()

    def image(self, attrib: Any) -> None:
        """An <img>: it goes with the next block."""
        found = read_image(attrib)
        if found:
            self.images.append(found)

    def fill(self, extra: dict[str, Any], tag: str, nodes: tuple[Node, ...]) -> None:
        """Put the column of a cell block and the pending images into a block's extra."""
        if tag in CELL_TAGS:
            extra["col"] = cell_column(nodes, self.columns)
        if self.images:
            extra["images"] = tuple(self.images)
            self.images.clear()

    def clear(self) -> None:
        """Let go of everything (Walk.release)."""
        self.rows.clear()
        self.columns.clear()
        self.images.clear()
