"""Guards: what a page type changes in the chain. Data, not logic: per type, the rules (by name or kind) that do
not run on pages of that type, each with the reason a user reads in --explain.

Articles have no entry: on them the chain runs exactly as without page types. Each entry was kept only when it
raised wcxb-dev's word F1 of its type on both halves (tuned on half A, checked on half B) with the detected types,
and left the article pages unchanged.
"""

from __future__ import annotations

from ..rule import Rule

# On an index of teasers or a grid of products the repeated cards are the content: the region rule would keep the
# densest card (or one column) and the teaser and link-list rules would take the cards' linked headlines.
# wcxb-dev, detected types: collection A 0.540 -> 0.579, B 0.557 -> 0.627; listing A 0.471 -> 0.489,
# B 0.472 -> 0.488; articles unchanged.
_CARDS_ARE_CONTENT = {
    "content-region": "on a listing or collection page the repeated cards are the content, not one densest element",
    "teaser-list": "on a listing or collection page the teaser cards are the content",
    "link-list": "on a listing or collection page the linked card titles are the content",
}
# {page type: {rule name or kind: why it does not run}}.
HELD_BACK: dict[str, dict[str, str]] = {
    "listing": _CARDS_ARE_CONTENT,
    "collection": _CARDS_ARE_CONTENT,
}


def held_back(rule: Rule, page_type: str) -> str | None:
    """Why ``rule`` does not run on a page of this type, or None when it runs."""
    held = HELD_BACK.get(page_type)
    if not held:
        return None
    return held.get(rule.name) or held.get(rule.kind)
