"""How far the main text of a text page reaches over the short lines around its best-scoring run.

Helpers of the text-mode region rules (rules/text/region.py), no rules of their own. Articles made of short lines
(ingredients, a spec sheet, a table flattened to lines, jokes and their answers, an agenda) score below a run of
prose, because a short line costs the run what a menu entry costs. The best run is therefore grown upward over
the short lines between it and the headline, and stops at page furniture: a run of menu-like or removed lines, or
a cluster of removed lines. (Grown downward the same way, it took teaser lists and footers: trafilatura-eval
text F1 fell on both halves.)
"""

from __future__ import annotations

import regex

from ...document import Block
from ..shape import PROSE_WORDS, block_words

# The run grows over at most GROW_LINES lines; it stops at FURNITURE_RUN furniture lines in a row (removed by an
# earlier rule, or menu-like) or at CLUSTER_REMOVED removed lines within CLUSTER_LINES lines, and keeps what it
# grew over only when that holds GROWN_LINES kept lines or more (a byline, a date or a tag line under a headline
# is one to three lines; ingredients, specs and Q&A run longer). Tuned on half A of trafilatura-eval (text mode,
# benchmarks/quality.py --folds), checked on half B: FURNITURE_RUN 3/4/6 gave A 0.8957/0.8974/0.8959 (B 0.9006/
# 0.8991/0.8984); GROWN_LINES 3/5/8 gave A 0.8979/0.8974/0.8987 and B 0.8998/0.8991/0.8990, one passage apart.
GROW_LINES = 100
FURNITURE_RUN = 4
CLUSTER_REMOVED = 3
CLUSTER_LINES = 5
GROWN_LINES = 5
# A menu entry or a button: a short line without a digit and without any sentence or clause punctuation. The
# article's short lines carry one ("125 g Mehl", "Nennleistung: 2,2 kW", "Why was 6 afraid of 7?").
_UNMARKED = regex.compile(r"^[^\d.,:;!?()\[\]]*$")


def menu_like(block: Block) -> bool:
    """True for a short line with no digit and no punctuation: a menu entry, a button, a label."""
    return block_words(block) < PROSE_WORDS and _UNMARKED.match(block.text) is not None


def _grown_to(blocks: list[Block], edge: int, limit: int, step: int) -> int | None:
    """The farthest article line from ``edge`` (exclusive) towards ``limit`` (exclusive) before furniture, or None
    when the walk reaches ``limit`` without meeting any."""
    reached, run = edge, 0
    removed: list[int] = []
    for i in range(edge + step, limit, step):
        block = blocks[i]
        if block.label == "boilerplate":
            removed.append(i)
            while abs(removed[0] - i) >= CLUSTER_LINES:
                removed.pop(0)
            run += 1
            if run >= FURNITURE_RUN or len(removed) >= CLUSTER_REMOVED:
                return reached
        elif not block_words(block):
            continue
        elif menu_like(block):
            run += 1
            if run >= FURNITURE_RUN:
                return reached
        else:
            run, reached = 0, i
    return None


def _kept_lines(blocks: list[Block], start: int, end: int) -> int:
    return sum(1 for b in blocks[start:end] if b.label != "boilerplate" and block_words(b))


def grow_up(blocks: list[Block], headline: int, start: int) -> int:
    """The first line of the main text grown up from ``start`` towards the ``headline`` line above it."""
    if start - headline > GROW_LINES:
        return start
    reached = _grown_to(blocks, start, headline, -1)
    if reached is None:  # nothing but article lines up to the headline: all of them
        reached = next((i for i in range(headline + 1, start) if blocks[i].label != "boilerplate"), start)
    return reached if _kept_lines(blocks, reached, start) >= GROWN_LINES else start
