"""The content region's measures over the element tree: furniture that must not attract it, the Readability-style
density score, and the twins of the chosen element (see region.py for how they are combined).

Everything works on an ElementTree (features/html/elements.py): figures in lists indexed by element id,
decisions made once per element and only for the elements a measure asks about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import regex

from ...document import Block
from ...segment.html import BLOCK_TAGS, Node
from .concepts import node_concept
from .elements import ElementTree, NodeTable, commas, text_weight
from .vocab import PROSELESS_KINDS, PROSELESS_MAX_PARAGRAPHS

# Class/id words and weights from Readability.js (REGEXPS.positive / negative, getClassWeight: +-25).
# Plain words: the standard library's engine finds them 2.5x faster than ``regex`` (and must: one search per element).
POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")
_NEGATIVE_WORDS = (r"-ad-|hidden|\bhid\b|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|"
                   r"promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget")
_NEGATIVE = regex.compile(_NEGATIVE_WORDS)
# The same for ASCII values (nearly all), where both engines agree on \b: twice as fast.
_NEGATIVE_ASCII = re.compile(_NEGATIVE_WORDS)
_CLASS_WEIGHT = 25.0
# Furniture kinds whose text never attracts the content region (see Furniture).
_UNLIKELY_KINDS = frozenset({"comments-widget", "related-links", "sidebar", "advert", "cookie-notice",
                             "newsletter-prompt", "social-links", "image-caption", "overlay"})
# Readability.js initializeNode: a container's starting score by tag.
_TAG_SCORE = {"div": 5.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0, "address": -3.0, "ol": -3.0, "ul": -3.0,
              "dl": -3.0, "dd": -3.0, "dt": -3.0, "li": -3.0, "form": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0,
              "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0}
# Readability.js: paragraphs under 25 characters are not scored; ancestors are scored up to 5 levels.
_MIN_SCORED = 25
_LEVELS = 5
_UNSCORED_TAGS = frozenset({"th", "caption", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"})
# List items score only when they read like sentences (a list of links or labels is not the article).
_LIST_TAGS = frozenset({"li", "dt", "dd"})
_MIN_LIST_ITEM = 80
# Twins of the region's element (same tag and class) join when they share an ancestor at most 3 levels up and
# are not link lists (dev sets: recipe ingredients / steps / nutrition sit 2-3 levels apart).
_TWIN_LEVELS = 3
_TWIN_LINK_DENSITY = 0.5


class Furniture:
    """Which blocks lie inside furniture (comments, related lists, pop-ups...) that must not attract the region.

    Readability.js drops such "unlikely candidates" before scoring; here an element whose class names
    furniture is skipped unless it holds half the page's text (then it is a wrapper with an odd name).
    Elements are decided outermost first, once each, and only along the paths of the blocks asked about: the
    short lines of menus and footers, which no measure reads, cost no class-name lookup.
    """

    __slots__ = ("_cache", "_good", "_half", "_paragraphs", "_state", "_tree")

    def __init__(self, tree: ElementTree, stats: NodeTable, good: list[int], total: int,
                 cache: dict | None = None) -> None:
        """``good``: the article-like weight under each element (good_weight summed up the tree); ``total``: the
        page's; ``cache``: the per-document cache of node_concept."""
        self._tree = tree
        self._paragraphs = stats.paragraphs
        self._good = good
        self._half = 0.5 * total
        self._cache = {} if cache is None else cache
        self._state = bytearray(len(tree.node))  # per element: 0 not decided yet, 1 no, 2 inside furniture

    def block(self, pos: int) -> bool:
        """True when the block at this position of the tree's blocks lies inside furniture."""
        state, parent = self._state, self._tree.parent
        nid = self._tree.leaf[pos]
        if nid < 0:
            return False
        known = state[nid]
        if known:
            return known == 2
        chain = []
        while nid >= 0 and not state[nid]:
            chain.append(nid)
            nid = parent[nid]
        inside = nid >= 0 and state[nid] == 2
        for nid in reversed(chain):  # outermost first: a decision holds for everything under it
            inside = inside or self._names_furniture(nid)
            state[nid] = 2 if inside else 1
        return inside

    def _names_furniture(self, nid: int) -> bool:
        node = self._tree.node[nid]
        if node is None or node.tag in ("html", "body") or not (node.attrs or node.tag == "figcaption"):
            return False
        if POSITIVE.search(node.tokens):
            return False
        found = node_concept(node, self._cache)
        if not found or found[0].kind not in _UNLIKELY_KINDS:
            return False
        kind = found[0].kind
        if kind == "image-caption":
            return True  # captions never hold the article, however long a gallery's captions run
        prose = kind in PROSELESS_KINDS and self._paragraphs[nid] > PROSELESS_MAX_PARAGRAPHS
        return self._good[nid] < self._half and not prose


@lru_cache(maxsize=16384)  # attribute sets repeat within and across pages ("post-content", "entry")
def _class_weight(attrs: tuple[tuple[str, str], ...]) -> float:
    weight = 0.0
    for name, value in attrs:
        if name in ("class", "id"):
            low = value.lower()
            if (_NEGATIVE_ASCII if low.isascii() else _NEGATIVE).search(low):
                weight -= _CLASS_WEIGHT
            if POSITIVE.search(low):
                weight += _CLASS_WEIGHT
    return weight


def _own_element(nodes: tuple[Node, ...]) -> int:
    """Index in ``nodes`` of the block's own block-level element (the <p>, <li>, <div>...)."""
    for i in range(len(nodes) - 1, -1, -1):
        if nodes[i].tag in BLOCK_TAGS:
            return i
    return len(nodes) - 1


def density_scores(blocks: list[Block], stats: NodeTable, skip: Callable[[int], bool] | None = None,
                   weights: list[int] | None = None) -> dict[int, tuple[Node, float]]:
    """Readability-style content score of every element that contains a scored paragraph.

    ``skip(pos)``: True to leave the block at that position out; ``weights``: per block, its text_weight."""
    raw: dict[int, list] = {}
    for pos, block in enumerate(blocks):
        nodes = block.extra.get("nodes")
        if not nodes or block.tag in _UNSCORED_TAGS:
            continue
        weight = weights[pos] if weights else text_weight(block.text)
        if weight < _MIN_SCORED:
            continue
        listed = block.tag in _LIST_TAGS
        if listed and (weight < _MIN_LIST_ITEM or block.link_density > 0.5):
            continue
        if skip is not None and skip(pos):
            continue
        # Commas in list items are citations and enumerations more often than prose: they do not count.
        score = 1.0 + (0 if listed else commas(block.text)) + min(weight // 100, 3)
        own = _own_element(nodes)
        for level in range(_LEVELS):
            i = own - 1 - level
            if i < 0:
                break
            node = nodes[i]
            entry = raw.get(node.nid)
            if entry is None:
                if node.tag in ("body", "html"):
                    break
                cw = _class_weight(node.attrs) if node.attrs else 0.0
                entry = raw[node.nid] = [node, _TAG_SCORE.get(node.tag, 0.0) + cw]
            entry[1] += score if level == 0 else score / (2 if level == 1 else level * 3)
    return {nid: (node, score * (1.0 - stats.link_density(nid))) for nid, (node, score) in raw.items()}


def twins(top: Node, region: list[Node], tree: ElementTree, stats: NodeTable,
          skip: Callable[[int], bool]) -> list[Node]:
    """Elements named like the region's element (same tag and class) close by in the tree, outside the region
    and holding a block that ``skip(pos)`` does not leave out.

    Recipes and product pages split the article over repeated containers (ingredients, steps, nutrition in
    three <div class="accordion-content">): the density score finds one of them, its twins hold the rest.
    """
    name = _class_of(top)
    # An element with an id is one of a kind by design ("js-Content"): elements that share its class are others.
    if not name or any(k == "id" for k, _ in top.attrs):
        return []
    near: set[int] = set()
    node: Node | None = top
    for _ in range(_TWIN_LEVELS + 1):
        if node is None or node.tag in ("body", "html"):
            break
        near.add(node.nid)
        node = node.parent
    region_ids = {n.nid for n in region}
    nodes, parent = tree.node, tree.parent
    # Per element: the innermost candidate at or above it (-1: none); per candidate: the next one above it.
    # Elements inside the region are never candidates (their blocks belong to the region already).
    below = [-1] * len(nodes)
    above: dict[int, int] = {}
    in_region = bytearray(len(nodes))
    for nid in tree.ids:  # outer elements first
        up = parent[nid]
        if in_region[up] or nid in region_ids:
            in_region[nid] = 1
            continue
        outer = below[up]
        if _twin(nodes[nid], top.tag, name, near) and stats.link_density(nid) < _TWIN_LINK_DENSITY:  # type: ignore[arg-type]
            below[nid] = nid
            above[nid] = outer
        else:
            below[nid] = outer
    found: dict[int, Node] = {}
    for pos, leaf in enumerate(tree.leaf):
        candidate = below[leaf] if leaf >= 0 and not in_region[leaf] else -1
        new = []
        while candidate >= 0:
            if candidate not in found:
                new.append(candidate)
            candidate = above[candidate]
        if new and not skip(pos):
            for nid in new:
                found[nid] = nodes[nid]  # type: ignore[assignment]
    return list(found.values())


def _class_of(node: Node) -> str | None:
    return next((v for k, v in node.attrs if k == "class"), None)


def _twin(node: Node, tag: str, name: str, near: set[int]) -> bool:
    """Same tag and class as the region's element, no id, and an ancestor at most 3 levels up near it."""
    if node.nid in near or node.tag != tag or not node.attrs or _class_of(node) != name:
        return False
    if any(k == "id" for k, _ in node.attrs):
        return False
    up: Node | None = node.parent
    for _ in range(_TWIN_LEVELS):
        if up is None or up.nid in near:
            break
        up = up.parent
    return up is not None and up.nid in near
