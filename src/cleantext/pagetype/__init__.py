"""Page types: what kind of page this is, decided once before the rules run, with the evidence that decided it.

Seven types: article (the default), forum (a thread of posts or a Q&A page), product, collection (a grid of
products), listing (an index of teasers), documentation, service (a landing page of many sections). Evidence comes
from the page's URL, its JSON-LD ``@type`` and ``og:type``, and its shape (repeated post or card elements, prices,
code blocks, sections); in text mode from the text's shape. Each piece of evidence adds a weight to one type; the
strongest type wins when it clears a threshold, else the page is an article. Rules read ``ctx.page_type``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..document import Block
from ..options import PAGE_TYPES
from .decision import MIN_STRENGTH, PageType, totals
from .evidence import Evidence, markup_evidence, structure_evidence, text_evidence, url_evidence


def decide(blocks: Sequence[Block], metadata: dict[str, Any], mode: str, url: str | None = None,
           forced: str | None = None) -> PageType:
    """The page's type from its URL, markup and shape; ``forced`` (a caller's choice) wins outright."""
    if forced is not None:
        return PageType(forced, 0.0, (), True)
    if not url:
        known = metadata.get("og:url")
        url = known if isinstance(known, str) else None
    evidence: list[Evidence] = []
    if url:
        evidence.extend(url_evidence(url))
    if mode == "html":
        evidence.extend(markup_evidence(metadata))
        evidence.extend(structure_evidence(blocks))
    else:
        evidence.extend(text_evidence(blocks))
    weights = totals(evidence)
    best = max((k for k in weights if k != "article"), key=weights.__getitem__, default=None)
    if best is not None and weights[best] - weights.get("article", 0.0) >= MIN_STRENGTH:
        return PageType(best, weights[best], tuple(evidence))
    return PageType("article", weights.get("article", 0.0), tuple(evidence))


__all__ = ["MIN_STRENGTH", "PAGE_TYPES", "PageType", "decide"]
