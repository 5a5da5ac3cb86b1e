"""Run an ordered list of rules over a document's blocks and record each decision.

Context (context.py) is what the rules read; it is re-exported here for callers that import it from chain."""

from __future__ import annotations

from collections.abc import Sequence

from .context import Context
from .errors import Timeout
from .pagetype.guards import held_back
from .rule import Rule


def run_chain(ctx: Context, rules: Sequence[Rule]) -> None:
    """Apply each enabled rule for this mode, in order; the first rule to mark a block decides it."""
    typed = ctx.page_type.name != "article"  # articles: every rule runs
    for r in rules:
        if not r.applies_to(ctx.mode) or not ctx.options.enabled(r.name, r.kind):
            continue
        if typed and held_back(r, ctx.page_type.name, ctx.mode):
            ctx.page_type.held.append(r.name)
            continue
        ctx.check_deadline()
        try:
            marks = list(r.run(ctx))
        except TimeoutError as exc:  # a `regex` call given ctx.regex_timeout() ran out of time
            raise Timeout(f"cleaning took longer than {ctx.options.timeout_seconds} s (in rule {r.name})") from exc
        if not marks:
            continue
        # Block.mark() per block, its fields set here: a rule before the article's span marks most of a page.
        blocks, label, name, kind = ctx.blocks, r.label, r.name, r.kind if r.label == "boilerplate" else None
        marked = 0
        for index, reason in marks:
            block = blocks[index]
            if block.label == "body":
                block.label, block.rule, block.kind, block.reason = label, name, kind, reason
                marked += 1
        ctx.decisions += marked
