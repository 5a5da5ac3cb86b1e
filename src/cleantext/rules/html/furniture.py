"""Rules: furniture inside the content region, found by the class/id words that name it (features/html/vocab.py).

They run after the content region, on what it kept. One guard is shared: an element that holds at least
half of the densest element's text (the "core" the region rule found) is the article, not furniture,
whatever its class says (WordPress puts "comments-open" and "has-sidebar" on page wrappers). The furniture
found by its shape (link lists, teaser streams, widget labels) is in rules/html/structure.py, which shares the guard.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...context import Context
from ...document import Block
from ...features.html.concepts import OUTER, concept_elements, furniture_guard, page_concepts
from ...features.html.elements import body_of, count_under, node_stats
from ...features.html.runs import outermost_in
from ...features.html.vocab import CONCEPTS, PROSELESS_KINDS, PROSELESS_MAX_PARAGRAPHS, Concept
from ...rule import HTML_ONLY, Mark, Rule
from ...segment.html import Node

# A list of other articles has at least this many linked items (related boxes on the dev sets: 3-12 items).
RELATED_ITEMS_MIN = 3


def _concept_rule(concept: Concept) -> Rule:
    def run(ctx: Context) -> Iterator[Mark]:
        concepts = page_concepts(ctx)
        named = concept_elements(ctx).get(concept.rule)
        if not named:
            return
        body = body_of(ctx)
        guard = furniture_guard(ctx, body)
        stats = ctx.memo("node-stats", lambda: node_stats(body)) if concept.kind in PROSELESS_KINDS else None
        # A related list whose every line is a linked list item (headline link + excerpt) lists other articles,
        # however much text its excerpts hold: the guard does not keep it.
        linked = (ctx.memo("linked-items", lambda: (count_under(body, lambda b: True), count_under(body, _linked_item)))
                  if concept.kind == "related-links" else None)

        def decide(node: Node) -> tuple[Node, str] | None:
            found = concepts[node.nid]
            # Captions never hold the article, however long a gallery's captions run: only <body> is guarded.
            if node.tag in OUTER if concept.kind == "image-caption" else guard.protects(node):
                items, lines = (linked[1].get(node.nid, 0), linked[0].get(node.nid, 0)) if linked else (0, 0)
                if node.tag in OUTER or items < max(RELATED_ITEMS_MIN, lines):
                    return None
                return node, f"{found[1]}, all {lines} lines linked list items (>= {RELATED_ITEMS_MIN})"
            if stats is not None and stats[node.nid].paragraphs > PROSELESS_MAX_PARAGRAPHS:
                return None  # running text under an ad or share name: a misnamed section (see PROSELESS_KINDS)
            return node, found[1]

        # Only the elements named by this concept can decide: the outermost one on a block's path that does.
        reasons: dict[int, str] = {}  # one reason string per element, however many blocks it holds
        for block, (node, why) in outermost_in(ctx, named, decide):
            reason = reasons.get(node.nid)
            if reason is None:
                reason = reasons[node.nid] = f"inside {node.describe()}: {why} names {concept.kind}"
            yield block.index, reason

    run.__doc__ = concept.description
    return Rule(concept.rule, concept.kind, concept.description, run, HTML_ONLY)


def _linked_item(block: Block) -> bool:
    return block.tag == "li" and block.link_chars > 0


CONCEPT_RULES: list[Rule] = [_concept_rule(c) for c in CONCEPTS]
RULES: list[Rule] = CONCEPT_RULES
