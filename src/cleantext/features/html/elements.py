"""Shared helpers for the HTML rules: the elements around a block, their text statistics, token matching.

Blocks from the HTML segmenter carry ``extra["nodes"]``: the elements around them, outermost first.
Element-level rules aggregate the blocks still in the body per element, then decide on whole elements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import regex

from ...document import Block
from ...segment.html import Node

if TYPE_CHECKING:
    from ...context import Context

T = TypeVar("T")

# Characters of scripts written without spaces between words; one of them carries about as much
# content as a short Latin word, so lengths count them three times (readability#381 asks for this).
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]+")  # runs: 30x faster than chars
# Every character _CJK matches lies in these code point ranges (tests/test_html_nodes.py checks them all).
_MAYBE_CJK = re.compile("[\u0e00-\u0e7f\u1100-\u11ff\u2e80-\u2fff\u3000-\ud7ff\uf900-\uffff\U00010000-\U0010ffff]")
# Commas and sentence ends in Latin and CJK punctuation.
_COMMAS = regex.compile(r"[,，、;；]")
_SENTENCE_END = regex.compile(r"[.!?。！？…]")
_SENTENCE_ENDS = ".!?。！？…"  # is_prose asks only whether one is there: the first found ends the search
# A list whose items average 50+ characters with a fifth of the text unlinked reads as sentences ("Bug 123 -
# Fix the crash when ..."). Tried 0.75-0.8 and 50-60 characters on the dev sets: 0.8 / 50 keeps the most
# article text and lets in no annotated boilerplate of trafilatura-eval.
_LINKED_LIST_DENSITY = 0.8
_LINKED_ITEM_CHARS = 50


def body_of(ctx: Context) -> list[Block]:
    """``ctx.body()``, one list shared by the HTML rules until a block is marked: read it, never change it."""
    return ctx.memo("html-body", ctx.body)


def nodes_of(block: Block) -> tuple[Node, ...]:
    """The elements around a block, outermost first (empty for text input)."""
    nodes = block.extra.get("nodes")
    return nodes if isinstance(nodes, tuple) else ()


def text_weight(text: str) -> int:
    """Length of a text for thresholds, with CJK characters counted three times."""
    # The \p{} scan costs ~0.03 us per character; ASCII blocks need none, accented and typographic text only the
    # stdlib scan of the ranges the scripts live in (3x faster).
    if text.isascii() or not _MAYBE_CJK.search(text):
        return len(text)
    return len(text) + 2 * sum(map(len, _CJK.findall(text)))


def commas(text: str) -> int:
    """Commas and semicolons in Latin and CJK punctuation."""
    return sum(map(text.count, ",，、;；"))  # str.count: ~100x faster than a findall list on long blocks


@dataclass(slots=True)
class NodeStats:
    """Text under one element, counted over the blocks still in the body."""

    chars: int = 0
    link_chars: int = 0
    blocks: int = 0
    paragraphs: int = 0  # blocks of 80+ weighted characters that end a sentence: real prose

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    @property
    def linked_sentences(self) -> bool:
        """Items of sentence length on average with a fifth of their text unlinked: a changelog, not a menu."""
        return self.link_density < _LINKED_LIST_DENSITY and self.chars >= _LINKED_ITEM_CHARS * self.blocks


class ElementTree:
    """The elements around a list of blocks, as flat lists indexed by element id (``Node.nid``).

    The walk numbers elements as it opens them, so a parent's id is always below its children's: totals flow
    up in one pass over the ids from the highest, decisions inherited from outer elements flow down in one pass
    from the lowest. Each element costs a few list slots, where a dict of objects per element cost ten times as
    much on large pages (the memory peak of a 10 MB page).
    """

    __slots__ = ("ids", "leaf", "node", "parent")

    def __init__(self, blocks: Sequence[Block]) -> None:
        leaves = [nodes[-1] if (nodes := b.extra.get("nodes")) else None for b in blocks]
        size = 1 + max((n.nid for n in leaves if n is not None), default=-1)
        # One slot more than the ids: blocks outside any element and the parent of the outermost element point
        # at it (index -1), so sums need no test; nothing reads it.
        node: list[Node | None] = [None] * (size + 1)
        parent = [-1] * (size + 1)
        ids: list[int] = []
        for leaf in leaves:
            current = leaf
            while current is not None and node[current.nid] is None:
                nid = current.nid
                node[nid] = current
                ids.append(nid)
                current = current.parent
                if current is not None:
                    parent[nid] = current.nid
        ids.sort()
        self.leaf: list[int] = [-1 if n is None else n.nid for n in leaves]  # per block: its innermost element
        self.node = node  # per id: the element, None for ids around no block
        self.parent = parent  # per id: the parent's id, -1 at the outermost element
        self.ids = ids  # the ids of every element around the blocks, ascending (outer before inner)

    def inside(self, nodes: Iterable[Node]) -> list[int]:
        """Per block: 1 when it lies inside one of these elements, else 0 (one pass over the elements, outer first)."""
        flag = bytearray(len(self.node))  # the last slot (outside any element) stays 0
        node_of = self.node
        for node in nodes:
            if node.nid < len(node_of) and node_of[node.nid] is node:  # an element around no block holds none
                flag[node.nid] = 1
        parent = self.parent
        for nid in self.ids:  # parents before children
            if flag[parent[nid]]:
                flag[nid] = 1
        return list(map(flag.__getitem__, self.leaf))

    def sum_up(self, values: Iterable[int]) -> list[int]:
        """Per element id: the sum of ``values`` (one per block, in block order) over the blocks under it."""
        totals = [0] * len(self.node)
        for nid, value in zip(self.leaf, values, strict=True):
            totals[nid] += value
        parent = self.parent
        for nid in reversed(self.ids):  # children before parents
            value = totals[nid]
            if value:
                totals[parent[nid]] += value
        return totals


class NodeTable:
    """Per element id: the characters, link characters, blocks and prose paragraphs under it (see node_stats)."""

    __slots__ = ("blocks", "chars", "link_chars", "paragraphs")

    def __init__(self, tree: ElementTree, blocks: Sequence[Block]) -> None:
        size = len(tree.node)
        chars, links, count, prose = [0] * size, [0] * size, [0] * size, [0] * size
        for nid, block in zip(tree.leaf, blocks, strict=True):
            chars[nid] += len(block.text)
            links[nid] += block.link_chars
            count[nid] += 1
            prose[nid] += is_prose(block)
        parent = tree.parent
        for nid in reversed(tree.ids):  # children before parents; the four totals in one pass (see sum_up)
            up = parent[nid]
            chars[up] += chars[nid]
            links[up] += links[nid]
            count[up] += count[nid]
            prose[up] += prose[nid]
        self.chars, self.link_chars, self.blocks, self.paragraphs = chars, links, count, prose

    def __getitem__(self, nid: int) -> NodeStats:
        return NodeStats(self.chars[nid], self.link_chars[nid], self.blocks[nid], self.paragraphs[nid])

    def link_density(self, nid: int) -> float:
        chars = self.chars[nid]
        return self.link_chars[nid] / chars if chars else 0.0


def is_prose(block: Block) -> bool:
    """A block that reads like a paragraph: long enough, ends a sentence, few links."""
    found = block.extra.get("html_prose")  # computed once per block: every element rule asks
    if found is None:
        found = block.extra["html_prose"] = _is_prose(block)
    return found


def _is_prose(block: Block) -> bool:
    # Cheapest test first; a text of 80+ characters weighs 80+ without counting its CJK characters.
    text = block.text
    return (block.tag not in ("li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6") and block.link_density < 0.5
            and (len(text) >= 80 or text_weight(text) >= 80) and any(map(text.__contains__, _SENTENCE_ENDS)))


def good_weight(block: Block, weight: int | None = None) -> int:
    """Weighted length of a block that can be article text (not a heading, not mostly links, 50+ chars).

    ``weight``: the block's text_weight when the caller has it."""
    found = block.extra.get("good_weight")  # computed once per block
    if found is None:
        found = block.extra["good_weight"] = _good_weight(block, weight)
    return found


def _good_weight(block: Block, weight: int | None) -> int:
    if block.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or block.link_density >= 0.33:
        return 0
    if weight is None:
        weight = text_weight(block.text)
    return weight if weight >= 50 else 0


def node_stats(blocks: Sequence[Block]) -> NodeTable:
    """Per element id: the characters, link characters, blocks and prose paragraphs under it (``stats[nid]``)."""
    return NodeTable(ElementTree(blocks), blocks)


def count_under(blocks: Iterable[Block], keep: Callable[[Block], bool]) -> dict[int, int]:
    """Per element id: how many of the blocks under it pass ``keep`` (summed up the parent links, as node_stats)."""
    counts: dict[int, int] = {}
    leaves: dict[int, Node] = {}
    for block in blocks:
        nodes = block.extra.get("nodes")
        if nodes and keep(block):
            leaf = nodes[-1]
            counts[leaf.nid] = counts.get(leaf.nid, 0) + 1
            leaves[leaf.nid] = leaf
    return sum_up(counts, leaves.values())


def sum_up(totals: dict[int, int], leaves: Iterable[Node]) -> dict[int, int]:
    """Add each element's total to every element above it, in place: ``totals`` holds, per element id, what the
    blocks whose innermost element it is (``leaves``) count. One visit per element, deepest first."""
    parent_of: dict[int, int] = {}
    for leaf in leaves:
        node = leaf
        while node.parent is not None and node.nid not in parent_of:
            parent_of[node.nid] = node.parent.nid
            node = node.parent
    for nid in sorted(parent_of, reverse=True):  # a parent's id is below its children's (see ElementTree)
        value = totals.get(nid)
        if value is not None:
            up = parent_of[nid]
            totals[up] = totals.get(up, 0) + value
    return totals


def blocks_inside(blocks: Iterable[Block], find: Callable[[Node], T | None]) -> Iterator[tuple[Block, T]]:
    """Each block whose innermost element ``find`` (a path_memo) decides on, with that decision."""
    for block in blocks:
        nodes = block.extra.get("nodes")
        hit = find(nodes[-1]) if nodes else None
        if hit is not None:
            yield block, hit


def unique_nodes(blocks: Iterable[Block]) -> list[Node]:
    """Every element around the blocks, once each (innermost first along each path)."""
    seen: set[int] = set()
    out: list[Node] = []
    for block in blocks:
        nodes = block.extra.get("nodes")
        node = nodes[-1] if nodes else None
        while node is not None and node.nid not in seen:
            seen.add(node.nid)
            out.append(node)
            node = node.parent
    return out


class PageElements:
    """The elements around the blocks with one of ``tags``, by tag; those with an ARIA role, by role; and the
    hidden ones: rules that name an element by tag or role look at those few, not at every element once per rule."""

    __slots__ = ("by_role", "by_tag", "hidden")

    def __init__(self, blocks: Iterable[Block], tags: frozenset[str]) -> None:
        by_tag: dict[str, list[Node]] = {}
        by_role: dict[str, list[Node]] = {}
        hidden: list[Node] = []
        seen: set[int] = set()
        add = seen.add
        for block in blocks:  # every element once (as unique_nodes)
            nodes = block.extra.get("nodes")
            node = nodes[-1] if nodes else None
            while node is not None and node.nid not in seen:
                add(node.nid)
                if node.tag in tags:
                    by_tag.setdefault(node.tag, []).append(node)
                attrs = node.attrs
                # Most elements have no attribute read, or only a class: no role to look for.
                if attrs and (len(attrs) > 1 or attrs[0][0] == "role"):
                    for name, value in attrs:
                        if name == "role":
                            by_role.setdefault(value.strip().lower(), []).append(node)
                if node.hidden:
                    hidden.append(node)
                node = node.parent
        self.by_tag, self.by_role, self.hidden = by_tag, by_role, hidden

    def named(self, tags: Iterable[str], roles: Iterable[str]) -> list[Node]:
        """The elements with one of these tags (of those indexed) or ARIA roles, each once."""
        out: list[Node] = []
        for tag in tags:
            out.extend(self.by_tag.get(tag, ()))
        seen = {n.nid for n in out}
        for role in roles:
            for node in self.by_role.get(role, ()):
                if node.nid not in seen:
                    seen.add(node.nid)
                    out.append(node)
        return out


def path_memo(compute: Callable[[Node, T | None], T | None]) -> Callable[[Node], T | None]:
    """``find(node)``: a value decided outermost-first along the element path, computed once per element.

    ``compute(node, outer)`` gets the value of the node's parent (None at the root) and returns the node's;
    ``find`` walks up only until an element already known, so a whole document costs one visit per element.
    """
    known: dict[int, T | None] = {}
    missing = object()

    def find(node: Node) -> T | None:
        hit = known.get(node.nid, missing)
        if hit is not missing:  # the common case: a block in an element already decided
            return hit  # type: ignore[return-value]
        chain = []
        current: Node | None = node
        while current is not None and current.nid not in known:
            chain.append(current)
            current = current.parent
        outer = known[current.nid] if current is not None else None
        for element in reversed(chain):
            outer = known[element.nid] = compute(element, outer)
        return outer

    return find


def inside(block: Block, tags: frozenset[str]) -> Node | None:
    """The outermost element around the block with one of these tags, or None."""
    for node in nodes_of(block):
        if node.tag in tags:
            return node
    return None


def has_role(node: Node, roles: frozenset[str]) -> str | None:
    """The node's ARIA role when it is one of these, else None."""
    for name, value in node.attrs:
        if name == "role":
            role = value.strip().lower()
            if role in roles:
                return role
    return None
