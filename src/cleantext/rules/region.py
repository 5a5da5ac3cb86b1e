"""Rules: region. Find the element that holds the article and remove what lies outside it (HTML only).

Evidence, strongest first: an element whose text matches the JSON-LD articleBody; a density score in the
manner of Readability (each paragraph adds 1 + its commas + 1 per 100 characters, up to 3, to its parent,
half to its grandparent, less further up; class/id words like "content" or "comment" add or subtract 25;
the sum is scaled by 1 - link density). The best element grows to a semantic container around it
(<article>, <main>, role="main", itemprop="articleBody") when that container is mostly that element.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..chain import Context
from ..document import Block
from ..options import COMMENTS_KIND
from ..rule import HTML_ONLY, Mark, Rule, rule
from ..segment.html import BLOCK_TAGS, Node
from .html_boilerplate import node_concept
from .html_nodes import (
    NodeStats,
    commas,
    good_weight,
    has_role,
    is_prose,
    node_stats,
    nodes_of,
    path_memo,
    text_weight,
)
from .html_vocab import PROSELESS_KINDS, PROSELESS_MAX_PARAGRAPHS

# Class/id words and weights from Readability.js (REGEXPS.positive / negative, getClassWeight: +-25).
_POSITIVE = regex.compile(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")
_NEGATIVE = regex.compile(
    r"-ad-|hidden|\bhid\b|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|"
    r"related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget"
)
_CLASS_WEIGHT = 25.0
# Furniture kinds whose text never attracts the content region (see unlikely()).
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
# Semantic containers that say "the article is here".
_SEMANTIC_TAGS = frozenset({"article", "main"})
# A semantic container replaces the scored element when that element holds this share of its prose
# (measured on the dev sets: 0.5-0.7 behave alike; below, listing pages with many <article> teasers suffer).
_SEMANTIC_SHARE = 0.6
# Readability.js sibling rule: siblings scoring at least max(10, 20 % of the top score) join the region.
_SIBLING_SHARE = 0.2
_SIBLING_MIN = 10.0
# Twins of the region's element (same tag and class) join when they share an ancestor at most 3 levels up and
# are not link lists (dev sets: recipe ingredients / steps / nutrition sit 2-3 levels apart).
_TWIN_LEVELS = 3
_TWIN_LINK_DENSITY = 0.5
# Pages without a wrapper (the article's paragraphs, tables and quotes directly in <body>): any sibling with two
# prose paragraphs and few links joins (measured on the dev sets: anywhere else it lets comment threads in).
_BODY_SIBLING_PROSE = 2
# Text split over several containers: the region grows until it holds 70 % of the page's article-like text
# (measured on the dev sets: 0.5 loses recall, 0.85 lets comment threads and teasers in).
_GOOD_SHARE = 0.7
# JSON-LD articleBody evidence: blocks of 30+ characters found in it must add up to 200+ characters and 30 %
# of it; the chosen element holds 80 % of them (articleBody is often a shortened copy, hence the low cover).
_JSONLD_MIN_BLOCK = 30
_JSONLD_MIN_CHARS = 200
_JSONLD_MIN_COVER = 0.3
_JSONLD_SHARE = 0.8
_SPACES = regex.compile(r"\s+")
# A data table's rows are never the article itself (its cells can out-score the prose around it).
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
# The standfirst sits between the headline and the article text: at most this many blocks apart, few links.
_MAX_LEAD_BLOCKS = 8
_LEAD_LINK_DENSITY = 0.2


def _class_weight(node: Node) -> float:
    weight = 0.0
    for name, value in node.attrs:
        if name in ("class", "id"):
            low = value.lower()
            if _NEGATIVE.search(low):
                weight -= _CLASS_WEIGHT
            if _POSITIVE.search(low):
                weight += _CLASS_WEIGHT
    return weight


def _own_element(nodes: tuple[Node, ...]) -> int:
    """Index in ``nodes`` of the block's own block-level element (the <p>, <li>, <div>...)."""
    for i in range(len(nodes) - 1, -1, -1):
        if nodes[i].tag in BLOCK_TAGS:
            return i
    return len(nodes) - 1


def unlikely(blocks: list[Block], stats: dict[int, NodeStats], cache: dict | None = None) -> set[int]:
    """Indexes of blocks inside furniture (comments, related lists, pop-ups...) that must not attract the region.

    Readability.js drops such "unlikely candidates" before scoring; here an element whose class names
    furniture is skipped unless it holds half the page's text (then it is a wrapper with an odd name).
    """
    total = sum(good_weight(b) for b in blocks)
    cache = {} if cache is None else cache

    def decide(node: Node, outer: bool | None) -> bool:
        if outer or node.tag in ("html", "body"):
            return bool(outer)
        found = node_concept(node, cache) if node.attrs or node.tag == "figcaption" else None
        if not found or found[0].kind not in _UNLIKELY_KINDS or _POSITIVE.search(node.tokens):
            return False
        s = stats[node.nid]
        if found[0].kind == "image-caption":
            return True  # captions never hold the article, however long a gallery's captions run
        prose = found[0].kind in PROSELESS_KINDS and s.paragraphs > PROSELESS_MAX_PARAGRAPHS
        return s.good < 0.5 * total and not prose

    find = path_memo(decide)  # one decision per element, not per block and ancestor
    return {b.index for b in blocks if nodes_of(b) and find(nodes_of(b)[-1])}


def density_scores(blocks: list[Block], stats: dict[int, NodeStats],
                   skip: set[int] | None = None) -> dict[int, tuple[Node, float]]:
    """Readability-style content score of every element that contains a scored paragraph."""
    raw: dict[int, list] = {}
    for block in blocks:
        if skip and block.index in skip:
            continue
        nodes = nodes_of(block)
        weight = text_weight(block.text)
        if not nodes or weight < _MIN_SCORED or block.tag in _UNSCORED_TAGS:
            continue
        if block.tag in _LIST_TAGS and (weight < _MIN_LIST_ITEM or block.link_density > 0.5):
            continue
        # Commas in list items are citations and enumerations more often than prose: they do not count.
        score = 1.0 + (0 if block.tag in _LIST_TAGS else commas(block.text)) + min(weight // 100, 3)
        own = _own_element(nodes)
        for level in range(_LEVELS):
            i = own - 1 - level
            if i < 0 or nodes[i].tag in ("body", "html"):
                break
            node = nodes[i]
            entry = raw.get(node.nid)
            if entry is None:
                entry = raw[node.nid] = [node, _TAG_SCORE.get(node.tag, 0.0) + _class_weight(node)]
            entry[1] += score if level == 0 else score / (2 if level == 1 else level * 3)
    out = {}
    for nid, (node, score) in raw.items():
        s = stats.get(nid)
        out[nid] = (node, score * (1.0 - (s.link_density if s else 0.0)))
    return out


def _is_semantic(node: Node) -> bool:
    if node.tag in _SEMANTIC_TAGS or has_role(node, frozenset({"main", "article"})):
        return True
    return any(name == "itemprop" and "articlebody" in value.lower() for name, value in node.attrs)


def _children_of(parent: Node, blocks: list[Block]) -> tuple[dict[int, Node], dict[int, list[str]]]:
    """The element's children that hold text, and the texts of the blocks under each."""
    children: dict[int, Node] = {}
    texts: dict[int, list[str]] = {}
    for block in blocks:
        nodes = nodes_of(block)
        if len(nodes) > parent.depth + 1 and nodes[parent.depth] is parent:
            child = nodes[parent.depth + 1]
            children.setdefault(child.nid, child)
            texts.setdefault(child.nid, []).append(block.text)
    return children, texts


def _sibling_paragraph(stats: NodeStats, texts: list[str]) -> bool:
    """Readability.js's test for a <p> beside the article: 80+ characters with link density < 0.25, or a short
    sentence without links ("Fucking morons.")."""
    if stats.link_density >= 0.25:
        return False
    if stats.paragraphs or stats.chars > 80:
        return True
    text = " ".join(texts).strip()
    return bool(text) and stats.link_chars == 0 and (text.endswith(".") or ". " in text)


def jsonld_element(blocks: list[Block], article_body: str) -> tuple[Node, float] | None:
    """The deepest element holding most of the blocks whose text the JSON-LD articleBody repeats."""
    reference = _SPACES.sub(" ", article_body).strip().casefold()
    matched = [b for b in blocks if len(b.text) >= _JSONLD_MIN_BLOCK
               and _SPACES.sub(" ", b.text).strip().casefold() in reference]
    total = sum(len(b.text) for b in matched)
    if total < _JSONLD_MIN_CHARS or total < _JSONLD_MIN_COVER * len(reference):
        return None
    held: dict[int, int] = {}
    nodes: dict[int, Node] = {}
    for block in matched:
        for node in nodes_of(block):
            held[node.nid] = held.get(node.nid, 0) + len(block.text)
            nodes[node.nid] = node
    best = max((n for nid, n in nodes.items() if held[nid] >= _JSONLD_SHARE * total and n.tag not in ("html", "body")),
               key=lambda n: n.depth, default=None)
    return (best, total / len(reference)) if best is not None else None


def choose_region(blocks: list[Block], article_body: str | None = None,
                  concepts: dict | None = None) -> tuple[list[Node], str, Node] | None:
    """The elements that make up the article, the evidence, and the densest element; None when nothing scores."""
    stats = node_stats(blocks)
    skip = unlikely(blocks, stats, concepts)
    scores = density_scores(blocks, stats, skip)
    if not scores:
        return None
    top, top_score = max(scores.values(), key=lambda x: x[1])
    if top_score <= 0:
        return None
    # A data table scored through its cells is part of an article, not the article: step out of it.
    while top.tag in _TABLE_PARTS and top.parent is not None and top.parent.tag not in ("body", "html"):
        top = top.parent
    s = stats[top.nid]
    evidence = f"score {top_score:.1f}, {s.paragraphs} paragraphs, link density {s.link_density:.2f}"
    found = jsonld_element(blocks, article_body) if article_body and len(article_body) >= _JSONLD_MIN_CHARS else None
    if found is not None and found[0] is not top:
        # The page says where its article is: that element replaces the densest one.
        top, cover = found
        s = stats[top.nid]
        evidence = (f"holds the text of the page's JSON-LD articleBody ({cover:.0%} of it), {s.paragraphs} "
                    f"paragraphs, link density {s.link_density:.2f}")
    core = top
    likely = [b for b in blocks if b.index not in skip]
    good_stats = node_stats(likely)
    total_good = sum(good_weight(b) for b in likely)
    # Text split over several containers: climb to the element that holds most of the page's text.
    while (top.parent is not None and top.parent.tag not in ("body", "html") and total_good
           and good_stats[top.nid].good < _GOOD_SHARE * total_good):
        top = top.parent
        s = stats[top.nid]
        evidence += f"; grown to {top.describe()} ({good_stats[top.nid].good / total_good:.0%} of the page's text)"
    # A semantic container around the scored element, when the element is most of it.
    node: Node | None = top.parent
    while node is not None:
        if _is_semantic(node):
            outer = stats.get(node.nid)
            if outer and outer.paragraphs and s.paragraphs >= _SEMANTIC_SHARE * outer.paragraphs:
                region = [node, *twins(top, node, likely, stats)]
                return region, f"semantic container around {top.describe()} ({evidence})", core
            break
        node = node.parent
    region = [top]
    parent = top.parent
    # Siblings join by density score; an element named by JSON-LD needs no company.
    if parent is not None and parent.tag != "html" and found is None:
        threshold = max(_SIBLING_MIN, top_score * _SIBLING_SHARE)
        children, texts = _children_of(parent, blocks)
        for child in children.values():
            if child is top:
                continue
            score = scores.get(child.nid, (child, 0.0))[1]
            cs = stats.get(child.nid)
            if cs is None and score < threshold:
                continue
            if (score >= threshold or (child.tag == "p" and _sibling_paragraph(cs, texts.get(child.nid, [])))
                    or (parent.tag == "body" and cs.paragraphs >= _BODY_SIBLING_PROSE and cs.link_density < 0.25)):
                region.append(child)
    return [*region, *twins(top, region, likely, stats)], f"densest element ({evidence})", core


def twins(top: Node, region: Node | list[Node], blocks: list[Block], stats: dict[int, NodeStats]) -> list[Node]:
    """Elements named like the region's element (same tag and class) close by in the tree, outside the region.

    Recipes and product pages split the article over repeated containers (ingredients, steps, nutrition in
    three <div class="accordion-content">): the density score finds one of them, its twins hold the rest.
    """
    name = next((v for k, v in top.attrs if k == "class"), None)
    # An element with an id is one of a kind by design ("js-Content"): elements that share its class are others.
    if not name or any(k == "id" for k, _ in top.attrs):
        return []
    inside = {n.nid for n in region} if isinstance(region, list) else {region.nid}
    near: set[int] = set()
    node: Node | None = top
    for _ in range(_TWIN_LEVELS + 1):
        if node is None or node.tag in ("body", "html"):
            break
        near.add(node.nid)
        node = node.parent
    found: dict[int, Node] = {}
    seen: set[int] = set()
    for block in blocks:
        nodes = nodes_of(block)
        if not nodes or any(n.nid in inside for n in nodes):
            continue
        for node in nodes:
            if node.nid in seen:
                continue
            seen.add(node.nid)
            if (node.nid not in near and node.tag == top.tag and node.attrs  # never an element around the region
                    and next((v for k, v in node.attrs if k == "class"), None) == name
                    and not any(k == "id" for k, _ in node.attrs)):
                up: Node | None = node.parent
                for _ in range(_TWIN_LEVELS):
                    if up is None or up.nid in near:
                        break
                    up = up.parent
                s = stats.get(node.nid)
                if up is not None and up.nid in near and s and s.link_density < _TWIN_LINK_DENSITY:
                    found[node.nid] = node
    return list(found.values())


@rule("content-region", "outside-content", modes=HTML_ONLY)
def content_region(ctx: Context) -> Iterator[Mark]:
    """Text outside the element that holds the article (found by semantic tags and a text-density score)."""
    body = ctx.body()
    article_body = ctx.metadata.get("jsonld_article_body")
    concepts = ctx.memo("node-concepts", dict, labels=False)
    found = choose_region(body, article_body if isinstance(article_body, str) else None, concepts)
    if found is None:
        return
    region, evidence, core = found
    ids = {n.nid for n in region}
    under_core = path_memo(lambda node, outer: bool(outer) or node is core)
    under_region = path_memo(lambda node, outer: bool(outer) or node.nid in ids)
    for block in body:
        # Later rules never remove an element that holds the core (see html_boilerplate.protected).
        if nodes_of(block) and under_core(nodes_of(block)[-1]):
            block.extra["core"] = True
    names = region[0].describe() + (f" and {len(region) - 1} sibling(s)" if len(region) > 1 else "")
    ctx.metadata["content_region"] = f"{names}: {evidence}"
    inside = [bool(nodes_of(b)) and bool(under_region(nodes_of(b)[-1])) for b in body]
    lead = _standfirst(ctx.blocks, body, inside)
    for block, is_inside in zip(body, inside, strict=True):
        if not is_inside and block.index not in lead:
            if ctx.options.include_comments and _in_comments(block, concepts):
                continue  # the caller asked for reader comments: keep them even outside the article
            yield block.index, f"outside the content region {names} ({evidence})"


def _in_comments(block: Block, concepts: dict) -> bool:
    """True when an element around the block is named as a comment section."""
    for node in nodes_of(block):
        found = node_concept(node, concepts)
        if found and found[0].kind == COMMENTS_KIND:
            return True
    return False


def _standfirst(blocks: list[Block], body: list[Block], inside: list[bool]) -> set[int]:
    """Prose between the headline and the region: the standfirst, often in its own header element."""
    title = next((b.index for b in blocks if b.label == "title"), None)
    first = next((b.index for b, i in zip(body, inside, strict=True) if i), None)
    if title is None or first is None or title > first:
        return set()
    between = [b for b in body if title < b.index < first]
    if len(between) > _MAX_LEAD_BLOCKS:
        return set()
    return {b.index for b in between if is_prose(b) and b.link_density < _LEAD_LINK_DENSITY}


RULES: list[Rule] = [content_region]
__all__ = ["RULES", "choose_region", "content_region", "density_scores", "jsonld_element", "unlikely"]
