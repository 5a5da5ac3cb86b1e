"""Page types: what kind of page this is, decided once before the rules run, with the evidence that decided it.

Seven types: article (the default), forum (a thread of posts or a Q&A page), product, collection (a grid of
products), listing (an index of teasers), documentation, service (a landing page of many sections). Evidence comes
from the page's URL, its JSON-LD ``@type`` and ``og:type``, and its shape (repeated post or card elements, prices,
code blocks, sections); in text mode from the text's shape. Each piece of evidence adds a weight to one type; the
strongest type wins when it clears a threshold, else the page is an article. Rules read ``ctx.page_type``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..document import Block
from ..options import PAGE_TYPES
from .evidence import Evidence, markup_evidence, structure_evidence, text_evidence, url_evidence

# A type other than article needs this much evidence (a sum of weights, see evidence.py): one strong signal
# (a JSON-LD type, a URL shape) or two weaker ones. Chosen on half A of wcxb-dev (benchmarks/pagetype.py).
MIN_STRENGTH = 1.0


@dataclass(frozen=True)
class PageType:
    """The page type, how strongly the evidence backs it, and each piece of evidence as (type, weight, what)."""

    name: str = "article"
    strength: float = 0.0
    evidence: tuple[Evidence, ...] = field(default=())
    forced: bool = False
    # The rules the chain did not run because of this type (guards.HELD_BACK), filled as the chain runs.
    held: list[str] = field(default_factory=list, compare=False)

    def explain(self) -> str:
        """One line for --explain: the type, its strength and the evidence for it."""
        held = f"; rules not run for this type: {', '.join(self.held)}" if self.held else ""
        if self.forced:
            return f"{self.name} (set by the caller){held}"
        own = [f"{what} (+{weight:.2f})" for kind, weight, what in self.evidence if kind == self.name]
        if self.name == "article":
            others = "; ".join(f"{what} ({kind} +{weight:.2f})" for kind, weight, what in self.evidence)
            return "article (no other type reached {:g} over the article evidence{})".format(
                MIN_STRENGTH, f"; {others}" if others else "")
        return f"{self.name}, strength {self.strength:.2f}: " + "; ".join(own) + held

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable: name, strength, forced and the evidence."""
        return {"name": self.name, "strength": round(self.strength, 2), "forced": self.forced,
                "evidence": [{"type": k, "weight": w, "what": what} for k, w, what in self.evidence],
                "rules_not_run": list(self.held)}


def _totals(evidence: Sequence[Evidence]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for kind, weight, _ in evidence:
        totals[kind] = totals.get(kind, 0.0) + weight
    return totals


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
    totals = _totals(evidence)
    best = max((k for k in totals if k != "article"), key=totals.__getitem__, default=None)
    if best is not None and totals[best] - totals.get("article", 0.0) >= MIN_STRENGTH:
        return PageType(best, totals[best], tuple(evidence))
    return PageType("article", totals.get("article", 0.0), tuple(evidence))


__all__ = ["MIN_STRENGTH", "PAGE_TYPES", "PageType", "decide"]
