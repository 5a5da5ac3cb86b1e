"""What a rule is: a name, a kind, a one-line description, the modes it applies to, and a function.

A rule never deletes anything. It yields marks, ``(block_index, reason)``, and the chain records them
on the blocks; removal happens in one place, when the document is rendered from the kept blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import Context
    from .document import Block, Label

Mark = tuple[int, str]
RuleFn = Callable[["Context"], Iterable[Mark]]
BOTH: frozenset[str] = frozenset({"html", "text"})
HTML_ONLY: frozenset[str] = frozenset({"html"})
TEXT_ONLY: frozenset[str] = frozenset({"text"})


@dataclass(frozen=True)
class Rule:
    """One named, switchable step of the chain."""

    name: str
    kind: str
    description: str
    run: RuleFn = field(repr=False, compare=False)
    modes: frozenset[str] = BOTH
    # What a mark makes of a block: boilerplate (removed), or title (taken out of the body as the headline).
    label: Label = "boilerplate"

    def applies_to(self, mode: str) -> bool:
        """True when the rule runs for documents of this mode."""
        return mode in self.modes


def rule(
    name: str,
    kind: str,
    *,
    modes: frozenset[str] = BOTH,
    label: Label = "boilerplate",
) -> Callable[[RuleFn], Rule]:
    """Decorator: turn a document-level function ``fn(ctx) -> marks`` into a Rule.

    The description is the first line of the function's docstring.
    """

    def wrap(fn: RuleFn) -> Rule:
        return Rule(name, kind, _first_line(fn), fn, modes, label)

    return wrap


def block_rule(
    name: str,
    kind: str,
    *,
    modes: frozenset[str] = BOTH,
    label: Label = "boilerplate",
    candidates: Callable[[Context], Iterable[int]] | None = None,
) -> Callable[[Callable[[Block, Context], str | None]], Rule]:
    """Decorator: turn a per-block test ``fn(block, ctx) -> reason | None`` into a Rule.

    The test sees every block still in the body and returns a reason to mark it, or None. ``candidates``,
    when given, returns the indices (in order) of the only blocks the test can accept, found more cheaply than
    by calling the test on every block (e.g. one scan shared by several rules, through ``ctx.memo``); the test
    then runs on those alone, so it must return None for every block the candidates leave out.
    """

    def wrap(test: Callable[[Block, Context], str | None]) -> Rule:
        def run(ctx: Context) -> Iterator[Mark]:
            blocks = ctx.blocks
            for block in blocks if candidates is None else (blocks[i] for i in candidates(ctx)):
                if block.label == "body":
                    reason = test(block, ctx)
                    if reason:
                        yield block.index, reason

        run.__doc__ = test.__doc__
        return Rule(name, kind, _first_line(test), run, modes, label)

    return wrap


def _first_line(fn: Callable[..., object]) -> str:
    doc = (fn.__doc__ or "").strip()
    if not doc:
        raise ValueError(f"rule function {fn.__name__} needs a one-line docstring")
    return doc.splitlines()[0].strip()
