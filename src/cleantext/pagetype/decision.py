"""The page-type decision: the type, its strength and the evidence, as a Document and --explain show it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# One piece of evidence: (page type, weight, what was seen).
Evidence = tuple[str, float, str]

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


def totals(evidence: Sequence[Evidence]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for kind, weight, _ in evidence:
        totals[kind] = totals.get(kind, 0.0) + weight
    return totals
