"""Shared helpers for the HTML rules: the elements around a block, their text statistics, token matching.

Blocks from the HTML segmenter carry ``extra["nodes"]``: the elements around them, outermost first.
Element-level rules aggregate the blocks still in the body per element, then decide on whole elements.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..document import Block
from ..segment.html import Node

# Characters of scripts written without spaces between words; one of them carries about as much
# content as a short Latin word, so lengths count them three times (readability#381 asks for this).
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]+")  # runs: 30x faster than chars
# Commas and sentence ends in Latin and CJK punctuation.
_COMMAS = regex.compile(r"[,，、;；]")
_SENTENCE_END = regex.compile(r"[.!?。！？…]")


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
    stats: dict[int, NodeStats] = {}
    for block in blocks:
        n = len(block.text)
        prose = is_prose(block)
        good = good_weight(block)
        for node in nodes_of(block):
            s = stats.get(node.nid)
            if s is None:
                s = stats[node.nid] = NodeStats()
            s.chars += n
            s.link_chars += block.link_chars
            s.blocks += 1
            s.paragraphs += prose
            s.good += good
    return stats


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
