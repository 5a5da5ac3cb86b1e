"""Run an ordered list of rules over a document's blocks and record each decision."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .document import Block
from .errors import Timeout
from .options import Options
from .rule import Rule


@dataclass
class Context:
    """What a rule may read: the blocks (with earlier decisions), the options, the mode, page metadata."""

    blocks: list[Block]
    options: Options
    mode: str
    metadata: dict[str, Any] = field(default_factory=dict)
    deadline: float | None = None

    def check_deadline(self) -> None:
        """Raise Timeout when the per-document time budget is spent."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise Timeout(f"cleaning took longer than {self.options.timeout_seconds} s")

    def body(self) -> list[Block]:
        """The blocks still in the body, in order."""
        return [b for b in self.blocks if b.label == "body"]


def run_chain(ctx: Context, rules: Sequence[Rule]) -> None:
    """Apply each enabled rule for this mode, in order; the first rule to mark a block decides it."""
    for r in rules:
        if not r.applies_to(ctx.mode) or not ctx.options.enabled(r.name, r.kind):
            continue
        ctx.check_deadline()
        for index, reason in list(r.run(ctx)):
            block = ctx.blocks[index]
            if block.label == "body":
                block.mark(r.label, r.name, r.kind if r.label == "boilerplate" else None, reason)
