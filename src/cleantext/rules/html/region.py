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

from ...context import Context
from ...document import Block
from ...features.html.concepts import node_concept
from ...features.html.elements import (
    ElementTree,
    NodeStats,
    NodeTable,
    body_of,
    good_weight,
    has_role,
    is_prose,
    nodes_of,
    text_weight,
)
from ...features.html.region_scores import Furniture, density_scores, twins
from ...options import COMMENTS_KIND
from ...rule import HTML_ONLY, Mark, Rule, rule
from ...segment.html import Node

# Semantic containers that say "the article is here".
_SEMANTIC_TAGS = frozenset({"article", "main"})
# A semantic container replaces the scored element when that element holds this share of its prose. Measured on
# the dev sets (chunk F1 trafilatura-eval / shingle F1 readability): 0.6 .9474/.9673, 0.8 .9489/.9673,
# 0.9 .9480/.9680, 0.95 .9472/.9670; below 0.5 listing pages with many <article> teasers suffer. The prose an
# <article> holds beyond its densest element is a standfirst, a bio or a teaser as often as article text.
_SEMANTIC_SHARE = 0.9
# Readability.js sibling rule: siblings scoring at least max(10, 20 % of the top score) join the region.
_SIBLING_SHARE = 0.2
_SIBLING_MIN = 10.0
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
# The standfirst sits between the headline and the article text, few links; at most this many other blocks
# (bylines, dates, photo credits, share buttons) come before it. 8 was the limit on all blocks between the two;
# counting only the others finds standfirsts behind 3 and 7 such lines on the dev sets (no page lost one).
_MAX_LEAD_BLOCKS = 8
_LEAD_LINK_DENSITY = 0.2


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
                  concepts: dict | None = None) -> tuple[list[Node], str, Node, ElementTree] | None:
    """The elements that make up the article, the evidence, the densest element and the blocks' element tree; None
    when nothing scores."""
    tree = ElementTree(blocks)
    stats = NodeTable(tree, blocks)
    weights = [text_weight(b.text) for b in blocks]
    goods = [good_weight(b, w) for b, w in zip(blocks, weights, strict=True)]
    furniture = Furniture(tree, stats, tree.sum_up(goods), sum(goods), concepts)
    skip = furniture.block
    scores = density_scores(blocks, stats, skip, weights)
    del weights
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
    likely_goods = [g and (0 if skip(pos) else g) for pos, g in enumerate(goods)]
    good = tree.sum_up(likely_goods)
    total_good = sum(likely_goods)
    del goods, likely_goods
    # Text split over several containers: climb to the element that holds most of the page's text.
    while (top.parent is not None and top.parent.tag not in ("body", "html") and total_good
           and good[top.nid] < _GOOD_SHARE * total_good):
        top = top.parent
        s = stats[top.nid]
        evidence += f"; grown to {top.describe()} ({good[top.nid] / total_good:.0%} of the page's text)"
    del good
    # A semantic container around the scored element, when the element is most of it.
    node: Node | None = top.parent
    while node is not None:
        if _is_semantic(node):
            paragraphs = stats.paragraphs[node.nid]
            if paragraphs and s.paragraphs >= _SEMANTIC_SHARE * paragraphs:
                region = [node, *twins(top, [node], tree, stats, skip)]
                return region, f"semantic container around {top.describe()} ({evidence})", core, tree
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
            cs = stats[child.nid]
            if (score >= threshold or (child.tag == "p" and _sibling_paragraph(cs, texts.get(child.nid, [])))
                    or (parent.tag == "body" and cs.paragraphs >= _BODY_SIBLING_PROSE and cs.link_density < 0.25)):
                region.append(child)
    return [*region, *twins(top, region, tree, stats, skip)], f"densest element ({evidence})", core, tree


@rule("content-region", "outside-content", modes=HTML_ONLY)
def content_region(ctx: Context) -> Iterator[Mark]:
    """Text outside the element that holds the article (found by semantic tags and a text-density score)."""
    body = body_of(ctx)
    article_body = ctx.metadata.get("jsonld_article_body")
    concepts = ctx.memo("node-concepts", dict, labels=False)
    found = choose_region(body, article_body if isinstance(article_body, str) else None, concepts)
    if found is None:
        return
    region, evidence, core, tree = found
    for block, in_core in zip(body, tree.inside([core]), strict=True):
        # Later rules never remove an element that holds the core (see features/html/concepts.Guard).
        if in_core:
            block.extra["core"] = True
    names = region[0].describe() + (f" and {len(region) - 1} sibling(s)" if len(region) > 1 else "")
    ctx.metadata["content_region"] = f"{names}: {evidence}"
    inside = tree.inside(region)
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


def _standfirst(blocks: list[Block], body: list[Block], inside: list[int]) -> set[int]:
    """Prose between the headline and the region: the standfirst, often in its own header element."""
    title = next((b.index for b in blocks if b.label == "title"), None)
    first = next((b.index for b, i in zip(body, inside, strict=True) if i), None)
    if title is None or first is None or title > first:
        return set()
    lead: set[int] = set()
    others = 0
    for block in body:
        if block.index <= title:
            continue
        if block.index >= first:
            break
        if is_prose(block) and block.link_density < _LEAD_LINK_DENSITY:
            lead.add(block.index)
        else:
            others += 1  # bylines, dates, photo credits between the headline and the standfirst
            if others > _MAX_LEAD_BLOCKS:
                break
    return lead


RULES: list[Rule] = [content_region]
__all__ = ["RULES", "choose_region", "content_region", "jsonld_element"]
