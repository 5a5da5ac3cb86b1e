"""Plain text to blocks: each non-empty line is a block; blank lines between them are remembered."""

from __future__ import annotations

import regex

from ..document import Block

_SPACES = regex.compile(r"[ \t\u00a0\u200b\u3000]+")


def segment_text(text: str, max_blocks: int | None = None) -> list[Block]:
    """One block per non-empty line, with its source line number and the blank lines before it.

    Stops after ``max_blocks`` + 1 blocks (the caller flags the document as truncated)."""
    blocks: list[Block] = []
    blank = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if max_blocks is not None and len(blocks) > max_blocks:
            break
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            blank += 1
            continue
        blocks.append(Block(index=len(blocks), text=line, tag="line", line=number, blank_before=blank))
        blank = 0
    return blocks
