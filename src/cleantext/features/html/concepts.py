"""Furniture concepts: which elements' class, id or tag name a kind of furniture, and which elements hold the article.

Read by the class-word rules (rules/html/furniture.py), the shape rules that share the guard
(rules/html/structure.py) and the content region (rules/html/region.py, features/html/region_scores.py).
"""

from __future__ import annotations

from ...context import Context
from ...document import Block
from ...segment.html import Node
from .elements import body_of, good_weight, nodes_of, sum_up
from .vocab import CONCEPTS, Concept, match_concept, split_words

# An element holding this share of the core's text is the article (guard against wrapper class names).
_CORE_SHARE = 0.5
_MAX_ID_WORDS = 3
OUTER = frozenset({"html", "body"})


class Guard:
    """Which elements hold the article: they are never removed as furniture."""

    def __init__(self, blocks: list[Block]) -> None:
        self.core: dict[int, int] = {}
        self.total = 0
        fallback = not any(b.extra.get("core") for b in blocks)
        # Weight counted at each block's innermost element, then summed up the parent links (see node_stats).
        core, total = self.core, 0
        leaves: dict[int, Node] = {}
        for block in blocks:
            if fallback or block.extra.get("core"):
                nodes = nodes_of(block)
                if nodes:
                    weight = good_weight(block) or 1
                    total += weight
                    leaf = nodes[-1]
                    core[leaf.nid] = core.get(leaf.nid, 0) + weight
                    leaves[leaf.nid] = leaf
        self.total = total
        sum_up(core, leaves.values())

    def protects(self, node: Node) -> bool:
        """True when the element holds at least half of the article's core text."""
        return node.tag in OUTER or (self.total > 0 and self.core.get(node.nid, 0) >= _CORE_SHARE * self.total)


def furniture_guard(ctx: Context, body: list[Block]) -> Guard:
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
        if name == "id" and _many_words(value):
            compound = _compound_name(value)
            if compound is not None:
                found = (compound[0], f'id "{value[:40]}" (name "{compound[1]}")')
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


def _many_words(value: str) -> bool:
    """More than _MAX_ID_WORDS words in the value (split_words)."""
    # Printable ASCII separates words only by - _ and space: fewer than that many separators, no need to split.
    if value.isascii() and value.isprintable():
        return value.count("-") + value.count("_") + value.count(" ") >= _MAX_ID_WORDS and (
            len(split_words(value)) > _MAX_ID_WORDS)
    return len(split_words(value)) > _MAX_ID_WORDS


def _compound_name(value: str) -> tuple[Concept, str] | None:
    """A furniture name of two words or more inside a long id ("mvp-author-box-wrap" has "author-box").

    Heading text does not spell a theme's compound names, so these still count where single words do not."""
    low = value.lower()
    for concept in CONCEPTS:
        found = concept.names.search(low) if concept.names is not None else None
        if found is not None:
            name = found.group(0).strip("-_")
            if len(split_words(name)) >= 2:
                return concept, name
    return None


def page_concepts(ctx: Context) -> dict[int, tuple[Concept, str]]:
    """Element id -> the furniture concept its class/id names, for every element of the page that names one."""
    return ctx.memo("page-concepts", lambda: _page_concepts(ctx), labels=False)


def concept_elements(ctx: Context) -> dict[str, list[Node]]:
    """Concept rule name -> the elements of the page whose class/id names that concept (see page_concepts)."""
    page_concepts(ctx)  # fills the lists once per document
    return ctx.memo("concept-nodes", dict, labels=False)


def _page_concepts(ctx: Context) -> dict[int, tuple[Concept, str]]:
    cache: ConceptCache = ctx.memo("node-concepts", dict, labels=False)
    by_concept: dict[str, list[Node]] = ctx.memo("concept-nodes", dict, labels=False)
    found: dict[int, tuple[Concept, str]] = {}
    seen: set[int] = set()
    # The body only shrinks after the content region: the elements around it now are all the rules will ask about.
    for block in body_of(ctx):
        nodes = nodes_of(block)
        node = nodes[-1] if nodes else None
        while node is not None and node.nid not in seen:
            seen.add(node.nid)
            if node.attrs or node.tag == "figcaption":  # most elements have no class or id: nothing to name
                hit = node_concept(node, cache)
                if hit is not None:
                    found[node.nid] = hit
                    by_concept.setdefault(hit[0].rule, []).append(node)
            node = node.parent
    return found
