"""What a rule may read while the chain runs: the Context of one document."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .document import Block
from .errors import Timeout
from .options import Options
from .pagetype.decision import PageType

T = TypeVar("T")


@dataclass
class Context:
    """What a rule may read: the blocks (with earlier decisions), the options, the mode, page metadata."""

    blocks: list[Block]
    options: Options
    mode: str
    metadata: dict[str, Any] = field(default_factory=dict)
    deadline: float | None = None
    # What kind of page this is (decided before the rules run); rules that depend on it read ctx.page_type.name.
    page_type: PageType = field(default_factory=PageType)
    # Number of decisions recorded so far: run_chain bumps it on every mark, so values computed from the
    # labels (memo below) are recomputed exactly when a label has changed.
    decisions: int = 0
    _memo: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], T], *, labels: bool = True) -> T:
        """``compute()`` once per document and state of the decisions, shared by every rule that asks.

        With ``labels=True`` (default) the value is recomputed after any block was marked (e.g. statistics
        over the body); ``labels=False`` keeps it for the whole document (e.g. per-block text features).
        The cache lives on this Context, so nothing outlives the document.
        """
        stamp = self.decisions if labels else -1
        hit = self._memo.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = compute()
        self._memo[key] = (stamp, value)
        return value

    def check_deadline(self) -> None:
        """Raise Timeout when the per-document time budget is spent."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise Timeout(f"cleaning took longer than {self.options.timeout_seconds} s")

    def regex_timeout(self) -> float | None:
        """Seconds left in the budget, for the ``timeout=`` argument of `regex` calls that could run long."""
        return None if self.deadline is None else max(0.001, self.deadline - time.monotonic())

    def body(self) -> list[Block]:
        """The blocks still in the body, in order."""
        return [b for b in self.blocks if b.label == "body"]
