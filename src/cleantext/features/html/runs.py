"""Where an element's blocks are: one run of the page's blocks, found by bisection (HTML rules).

The walk emits blocks in document order, and a block's path holds every element its text sits in: the blocks inside
one element form one run of ``ctx.blocks``. Elements are numbered as they open, so no block before that run has an
innermost element numbered at or above the element's own id, and its first block has: the run starts at the first
block where the highest innermost id so far reaches the element's id. (tests/test_html_rules_speed.py checks both
on pages.) Rules that name a few elements of a page visit their runs instead of every block of the body.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import TypeVar

from ...context import Context
from ...document import Block
from ...segment.html import Node

T = TypeVar("T")


def leaf_reach(ctx: Context) -> list[int]:
    """Per block of the page: the highest id of the innermost element of it and of the blocks before it."""

    def compute() -> list[int]:
        leaves = [nodes[-1].nid if (nodes := b.extra.get("nodes")) else -1 for b in ctx.blocks]
        return list(accumulate(leaves, max))

    return ctx.memo("leaf-reach", compute, labels=False)


def run_start(ctx: Context, node: Node) -> int:
    """Index in ``ctx.blocks`` of the first block inside the element (of the block after, if none is)."""
    return bisect_left(leaf_reach(ctx), node.nid)


def depth_levels(nodes: Iterable[Node]) -> list[tuple[int, dict[int, Node]]]:
    """The elements by depth (id -> element), shallowest first: a block's path holds its depth-d element at index d."""
    by_depth: dict[int, dict[int, Node]] = {}
    for node in nodes:
        by_depth.setdefault(node.depth, {})[node.nid] = node
    return sorted(by_depth.items())


def outermost_in(ctx: Context, candidates: Iterable[Node],
                 decide: Callable[[Node], T | None]) -> Iterator[tuple[Block, T]]:
    """Each body block with the decision of the outermost of ``candidates`` around it that ``decide`` does not
    answer None for, in page order, visiting only the candidates' blocks (not every block of the body).

    ``decide`` is called at most once per element, and only for an element around a body block that no outer
    candidate decided for.
    """
    blocks = ctx.blocks
    size = len(blocks)
    unique = {node.nid: node for node in candidates}
    found: dict[int, tuple[Block, T]] = {}
    covered: bytearray | None = None  # blocks inside a candidate that decided: inner candidates have no say there
    for node in sorted(unique.values(), key=lambda n: n.depth):  # outer candidates first
        depth = node.depth
        first = i = run_start(ctx, node)
        if covered is not None and first < size and covered[first]:
            continue
        hit: T | None = None
        asked = False
        while i < size:
            block = blocks[i]
            path = block.extra.get("nodes")
            if not path or len(path) <= depth or path[depth] is not node:
                break  # past the element's run
            if block.label == "body":
                if not asked:
                    asked, hit = True, decide(node)
                    if hit is None:
                        break
                found[i] = (block, hit)  # type: ignore[assignment]
            i += 1
        if hit is not None:
            if covered is None:
                covered = bytearray(size)
            covered[first:i] = b"\x01" * (i - first)
    for i in sorted(found):
        yield found[i]
