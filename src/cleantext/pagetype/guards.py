"""Guards: what a page type changes in the chain. Data, not logic: per type, the rules (by name or kind) that do
not run on pages of that type, each with the reason a user reads in --explain.

Articles have no entry: on them the chain runs exactly as without page types. Each entry was kept only when it
raised wcxb-dev's word F1 of its type on both halves (tuned on half A, checked on half B) with the detected types,
and left the article pages unchanged.
"""

from __future__ import annotations

from ..options import COMMENTS_KIND
from ..rule import HTML_ONLY, TEXT_ONLY, Rule

# On an index of teasers or a grid of products the repeated cards are the content: the region rule would keep the
# densest card (or one column) and the teaser and link-list rules would take the cards' linked headlines.
# wcxb-dev, detected types: collection A 0.540 -> 0.579, B 0.557 -> 0.627; listing A 0.471 -> 0.489,
# B 0.472 -> 0.488; articles unchanged.
_CARDS_ARE_CONTENT = {
    "content-region": (HTML_ONLY, "the repeated cards are the content, not one densest element"),
    "teaser-list": (HTML_ONLY, "the teaser cards are the content"),
    "link-list": (HTML_ONLY, "the linked card titles are the content"),
}
# {page type: {rule name or kind: (modes, why it does not run)}}.
HELD_BACK: dict[str, dict[str, tuple[frozenset[str], str]]] = {
    "listing": _CARDS_ARE_CONTENT,
    "collection": _CARDS_ARE_CONTENT,
    # On a forum or Q&A thread the posts are the content: the comment rules (reply-thread, comment-thread...) stay
    # out; "Reply", vote counters and "Log in to reply" lines still go (their rules are of other kinds). Text mode
    # only: wcxb-dev forum, detected types, A 0.448 -> 0.546, B 0.591 -> 0.683 (articles 0.906 both); in HTML
    # mode half B lost (0.788 -> 0.779), so there the comment rules still run.
    "forum": {COMMENTS_KIND: (TEXT_ONLY, "on a forum or Q&A page the posts and answers are the content")},
}


def held_back(rule: Rule, page_type: str, mode: str) -> str | None:
    """Why ``rule`` does not run on a page of this type in this mode, or None when it runs."""
    held = HELD_BACK.get(page_type)
    if not held:
        return None
    found = held.get(rule.name) or held.get(rule.kind)
    return found[1] if found is not None and mode in found[0] else None
