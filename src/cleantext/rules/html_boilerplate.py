"""Rules: furniture inside the content region, found by class/id words, link density and orphaned headings.

They run after the content region, on what it kept. One guard is shared: an element that holds at least
half of the densest element's text (the "core" the region rule found) is the article, not furniture,
whatever its class says (WordPress puts "comments-open" and "has-sidebar" on page wrappers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..chain import Context
from ..document import Block
from ..rule import HTML_ONLY, Mark, Rule
from ..segment.html import Node
from .html_nodes import good_weight, node_stats, nodes_of
from .html_vocab import CONCEPTS, Concept, match_concept, split_words

# An element holding this share of the core's text is the article (guard against wrapper class names).
_CORE_SHARE = 0.5
# Readability.js _cleanConditionally: a container whose link density is over 0.5 is a link list.
_LINK_LIST_DENSITY = 0.5
# A single block mostly made of link text is a link, not a sentence (same threshold).
_LINK_BLOCK_DENSITY = 0.5
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Links in list items and table cells are data (a table of products, a list of references); link lists as a
# whole are the link-list rule's business.
_LINK_BLOCK_EXEMPT = _HEADINGS | {"li", "td", "th", "dd", "dt"}
_MAX_ID_WORDS = 3
_OUTER = frozenset({"html", "body"})


class Guard:
    """Which elements hold the article: they are never removed as furniture."""

    def __init__(self, blocks: list[Block]) -> None:
        self.core: dict[int, int] = {}
        self.total = 0
        fallback = not any(b.extra.get("core") for b in blocks)
        for block in blocks:
            if fallback or block.extra.get("core"):
                weight = good_weight(block) or 1
                self.total += weight
                for node in nodes_of(block):
                    self.core[node.nid] = self.core.get(node.nid, 0) + weight

    def protects(self, node: Node) -> bool:
        """True when the element holds at least half of the article's core text."""
        return node.tag in _OUTER or (self.total > 0 and self.core.get(node.nid, 0) >= _CORE_SHARE * self.total)


def _guard(ctx: Context, body: list[Block]) -> Guard:
    """The Guard of the body, shared by the rules until a label (or the region's core marking) changes."""
    core = sum(1 for b in body if b.extra.get("core"))
    return ctx.memo(f"furniture-guard:{core}", lambda: Guard(body))


# Element (tag, attributes) -> the concept it names: the answer depends on nothing else, so repeated
# elements (a list of <li class="teaser">) share one entry.
ConceptCache = dict[tuple[str, tuple[tuple[str, str], ...]], "tuple[Concept, str] | None"]


def node_concept(node: Node, cache: ConceptCache) -> tuple[Concept, str] | None:
    """The furniture concept an element's class, id or tag names, cached per element."""
    key = (node.tag, node.attrs)
    if key in cache:
        return cache[key]
    found = None
    if node.tag == "figcaption":
        found = next(((c, "<figcaption>") for c in CONCEPTS if c.kind == "image-caption"), None)
    for name, value in node.attrs:
        if found is not None:
            break
        # Ids of four or more words are made from heading text ("sharing-with-a-single-developer"), not names.
        if name == "id" and len(split_words(value)) > _MAX_ID_WORDS:
            continue
        if name in ("class", "id"):
            for part in value.split() if name == "class" else [value]:
                found = match_concept(part)
                if found:
                    found = (found[0], f'{name} "{part[:40]}"' + (f' (word "{found[1]}")' if found[1] != part.lower()
                                                                   else ""))
                    break
    cache[key] = found
    return found


def _concept_rule(concept: Concept) -> Rule:
    def run(ctx: Context) -> Iterator[Mark]:
        body = ctx.body()
        guard = _guard(ctx, body)
        # What an element's class/id names never changes: one cache per document for every concept rule.
        cache: ConceptCache = ctx.memo("node-concepts", dict, labels=False)
        for block in body:
            for node in nodes_of(block):
                found = node_concept(node, cache)
                if found and found[0] is concept and not guard.protects(node):
                    yield block.index, f"inside {node.describe()}: {found[1]} names {concept.kind}"
                    break

    run.__doc__ = concept.description
    return Rule(concept.rule, concept.kind, concept.description, run, HTML_ONLY)


def _link_list(ctx: Context) -> Iterator[Mark]:
    """Link lists: an element of two or more blocks whose text is mostly links (link density > 0.50)."""
    body = ctx.body()
    guard = _guard(ctx, body)
    stats = ctx.memo("node-stats", lambda: node_stats(body))
    for block in body:
        for node in nodes_of(block):
            s = stats[node.nid]
            # A container with a real paragraph is text with links, not a link list.
            if (s.blocks >= 2 and s.paragraphs == 0 and s.link_density > _LINK_LIST_DENSITY
                    and not guard.protects(node)):
                yield block.index, (f"inside {node.describe()}: link density {s.link_density:.2f} > "
                                    f"{_LINK_LIST_DENSITY:.2f} over {s.blocks} blocks")
                break


def _link_block(ctx: Context) -> Iterator[Mark]:
    """A paragraph or line that is mostly a link (link density > 0.50), such as "Read more: ..." teasers."""
    for block in ctx.body():
        if block.tag not in _LINK_BLOCK_EXEMPT and block.link_density > _LINK_BLOCK_DENSITY:
            yield block.index, f"link density {block.link_density:.2f} > {_LINK_BLOCK_DENSITY:.2f}"


def _orphan_heading(ctx: Context) -> Iterator[Mark]:
    """A heading whose section was removed entirely ("Related articles" above a removed list)."""
    blocks = ctx.blocks
    for i, block in enumerate(blocks):
        if block.label != "body" or block.tag not in _HEADINGS:
            continue
        level = int(block.tag[1])
        section = []
        for nxt in blocks[i + 1:]:
            if nxt.tag in _HEADINGS and int(nxt.tag[1]) <= level:
                break
            section.append(nxt)
        if section and all(b.label == "boilerplate" for b in section):
            rules = sorted({b.rule or "" for b in section})
            yield block.index, f"all {len(section)} block(s) of its section were removed ({', '.join(rules[:3])})"


def _fn_rule(name: str, kind: str, fn: Callable[[Context], Iterator[Mark]]) -> Rule:
    doc = (fn.__doc__ or "").strip().splitlines()[0]
    return Rule(name, kind, doc, fn, HTML_ONLY)


CONCEPT_RULES: list[Rule] = [_concept_rule(c) for c in CONCEPTS]
RULES: list[Rule] = [
    *CONCEPT_RULES,
    _fn_rule("link-list", "navigation", _link_list),
    _fn_rule("link-dense-block", "navigation", _link_block),
    _fn_rule("orphan-heading", "navigation", _orphan_heading),
]
