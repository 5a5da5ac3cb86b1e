"""Shared helpers for the HTML rules: the elements around a block, their text statistics, token matching.

Blocks from the HTML segmenter carry ``extra["nodes"]``: the elements around them, outermost first.
Element-level rules aggregate the blocks still in the body per element, then decide on whole elements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import regex

from ..document import Block
from ..segment.html import Node

T = TypeVar("T")

# Characters of scripts written without spaces between words; one of them carries about as much
# content as a short Latin word, so lengths count them three times (readability#381 asks for this).
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]+")  # runs: 30x faster than chars
# Commas and sentence ends in Latin and CJK punctuation.
_COMMAS = regex.compile(r"[,，、;；]")
_SENTENCE_END = regex.compile(r"[.!?。！？…]")
# A list whose items average 50+ characters with a fifth of the text unlinked reads as sentences ("Bug 123 -
# Fix the crash when ..."). Tried 0.75-0.8 and 50-60 characters on the dev sets: 0.8 / 50 keeps the most
# article text and lets in no annotated boilerplate of trafilatura-eval.
_LINKED_LIST_DENSITY = 0.8
_LINKED_ITEM_CHARS = 50


def nodes_of(block: Block) -> tuple[Node, ...]:
    """The elements around a block, outermost first (empty for text input)."""
    nodes = block.extra.get("nodes")
    return nodes if isinstance(nodes, tuple) else ()


def text_weight(text: str) -> int:
    """Length of a text for thresholds, with CJK characters counted three times."""
    if text.isascii():  # the \p{} scan costs ~0.1 us per character; most blocks need none
        return len(text)
    return len(text) + 2 * sum(map(len, _CJK.findall(text)))


def commas(text: str) -> int:
    """Commas and semicolons in Latin and CJK punctuation."""
    return sum(map(text.count, ",，、;；"))  # str.count: ~100x faster than a findall list on long blocks


def sentence_ends(text: str) -> int:
    """Sentence-ending punctuation marks."""
    return sum(map(text.count, ".!?。！？…"))


@dataclass(slots=True)
class NodeStats:
    """Text under one element, counted over the blocks still in the body."""

    chars: int = 0
    link_chars: int = 0
    blocks: int = 0
    paragraphs: int = 0  # blocks of 80+ weighted characters that end a sentence: real prose
    good: int = 0  # weighted characters of text blocks that are not link lists or headings

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    @property
    def linked_sentences(self) -> bool:
        """Items of sentence length on average with a fifth of their text unlinked: a changelog, not a menu."""
        return self.link_density < _LINKED_LIST_DENSITY and self.chars >= _LINKED_ITEM_CHARS * self.blocks


def is_prose(block: Block) -> bool:
    """A block that reads like a paragraph: long enough, ends a sentence, few links."""
    found = block.extra.get("html_prose")  # computed once per block: every element rule asks
    if found is None:
        found = block.extra["html_prose"] = _is_prose(block)
    return found


def _is_prose(block: Block) -> bool:
    return (text_weight(block.text) >= 80 and sentence_ends(block.text) > 0 and block.link_density < 0.5
            and block.tag not in ("li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"))


def good_weight(block: Block) -> int:
    """Weighted length of a block that can be article text (not a heading, not mostly links, 50+ chars)."""
    found = block.extra.get("good_weight")  # computed once per block
    if found is None:
        found = block.extra["good_weight"] = _good_weight(block)
    return found


def _good_weight(block: Block) -> int:
    if block.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or block.link_density >= 0.33:
        return 0
    weight = text_weight(block.text)
    return weight if weight >= 50 else 0


def node_stats(blocks: Iterable[Block]) -> dict[int, NodeStats]:
    """Per element id: the characters, link characters, blocks and prose paragraphs under it."""
    # Each block counts once at its innermost element, then totals flow up the parent links, deepest first:
    # one pass over the elements instead of one per block and ancestor (pages nest 20-60 levels deep).
    stats: dict[int, NodeStats] = {}
    leaves: list[Node] = []
    for block in blocks:
        nodes = block.extra.get("nodes")
        if not nodes:
            continue
        leaf = nodes[-1]
        s = stats.get(leaf.nid)
        if s is None:
            s = stats[leaf.nid] = NodeStats()
            leaves.append(leaf)
        s.chars += len(block.text)
        s.link_chars += block.link_chars
        s.blocks += 1
        s.paragraphs += is_prose(block)
        s.good += good_weight(block)
    order = list(leaves)
    seen = {n.nid for n in leaves}
    for leaf in leaves:
        node = leaf.parent
        while node is not None and node.nid not in seen:
            seen.add(node.nid)
            order.append(node)
            stats[node.nid] = NodeStats()
            node = node.parent
    order.sort(key=_depth, reverse=True)
    for node in order:
        parent = node.parent
        if parent is not None:
            s, p = stats[node.nid], stats[parent.nid]
            p.chars += s.chars
            p.link_chars += s.link_chars
            p.blocks += s.blocks
            p.paragraphs += s.paragraphs
            p.good += s.good
    return stats


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
    known = {n.nid: n for n in leaves}
    order = list(known.values())
    for leaf in list(order):
        node = leaf.parent
        while node is not None and node.nid not in known:
            known[node.nid] = node
            order.append(node)
            node = node.parent
    order.sort(key=_depth, reverse=True)
    for node in order:
        if node.parent is not None and node.nid in totals:
            totals[node.parent.nid] = totals.get(node.parent.nid, 0) + totals[node.nid]
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


def _depth(node: Node) -> int:
    return node.depth


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


def split_tokens(tokens: str) -> list[str]:
    """Class/id words: "post-share_bar" gives post, share, bar."""
    return [t for t in regex.split(r"[\s_:\-]+|(?<=[a-z])(?=[A-Z])", tokens) if t]


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
