"""What the renderers need beyond a block's text: the column of a table cell, and the images near a block.

Neither is read by any rule: a table keeps its empty cells in Markdown, text and HTML output only if every cell
knows its column, and images are rendered only when the caller asks (Options.include_images)."""

from __future__ import annotations

from typing import Any

from .nodes import Node

CELL_TAGS = frozenset({"td", "th"})
# colspan and rowspan values past this are read as this (colspan="1000" would otherwise make a thousand columns).
_MAX_SPAN = 64
# Longest image address and alternative text kept: longer ones are inline data or scraped noise.
_MAX_SRC = 2048
_MAX_ALT = 500
# Attributes that lazy-loading scripts read the real address from, when src is a placeholder.
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original")


def cell_span(attrib: Any, name: str = "colspan") -> int:
    """How many columns (rows: name="rowspan") a <td>/<th> covers: 1 when the attribute is missing or not a number."""
    value = attrib.get(name) if attrib else None
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


class _Row:
    """An open <tr>: its row group, its next free column, and the columns that cells of earlier rows cover."""

    __slots__ = ("covered", "group", "next")

    def __init__(self, group: int, covered: frozenset[int]) -> None:
        self.group = group
        self.next = 0
        self.covered = covered


class Extras:
    """The walk's record of table columns and images, handed to blocks as extra["col"] and extra["images"]."""

    __slots__ = ("columns", "images", "rows", "spans")

    def __init__(self) -> None:
        self.rows: list[_Row] = []  # the open <tr> elements, innermost last
        # Per row group (the node id of a row's parent: table, thead, tbody...): column -> rows it still covers.
        self.spans: dict[int, dict[int, int]] = {}
        self.columns: dict[int, int] = {}  # the column of each cell node, by nid
        self.images: list[tuple[str, str]] = []  # (src, alt) of the images since the last block

    def start(self, code_is_row: bool, nid: int, attrib: Any, parent: int) -> None:
        """A <tr> (code_is_row) or a <td>/<th> element starts; ``nid`` is the node id it gets, ``parent`` that of
        the element it sits in (a row's group)."""
        rows = self.rows
        if code_is_row:
            spans = self.spans.pop(parent, None)
            if spans:  # cells above that span down cover this row, then one row less
                rows.append(_Row(parent, frozenset(spans)))
                left = {col: n - 1 for col, n in spans.items() if n > 1}
                if left:
                    self.spans[parent] = left
            else:
                rows.append(_Row(parent, frozenset()))
        elif rows:
            row = rows[-1]
            col = row.next
            if row.covered:
                while col in row.covered:
                    col += 1
            self.columns[nid] = col
            if not attrib or ("colspan" not in attrib and "rowspan" not in attrib):  # most cells: one column
                row.next = col + 1
                return
            width = cell_span(attrib)
            row.next = col + width
            down = cell_span(attrib, "rowspan")
            if down > 1:
                group = self.spans.setdefault(row.group, {})
                for covered in range(col, col + width):
                    group[covered] = max(group.get(covered, 0), down - 1)

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
        self.spans.clear()
        self.columns.clear()
        self.images.clear()
