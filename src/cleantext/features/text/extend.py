"""How far the main text of a text page reaches beyond its best-scoring run: lists that belong to it.

Helpers of the text-mode region rules (rules/text/region.py), no rules of their own: a run of prose that
starts or ends inside a list the author marked ("+ …", "* …", "1. …") takes the whole list; a line ending in a
colon right after it brings the list it introduces.
"""

from __future__ import annotations

import regex

from ...document import Block
from ..shape import block_words, is_prose

# A list item written with its marker: "+ Added Slime Block", "* Villager trading…", "- Removed…", "• …", "3. …".
# Text dumps carry such markers only when the author typed them (menus get theirs from style sheets). Growing
# the span over the rest of such a list lifted readability recall 0.932 -> 0.936 (text mode, dev sets).
_LIST_ITEM = regex.compile(r"^(?:[+*•\-–▪►]\s|\d{1,3}[.)]\s)")


def _list_item(block: Block) -> bool:
    return block.label != "boilerplate" and _LIST_ITEM.match(block.text) is not None


def with_whole_list(blocks: list[Block], start: int, end: int) -> tuple[int, int]:
    """The span (first and last line) grown over the rest of a marked list it starts or ends inside."""
    if _list_item(blocks[start]):
        while start > 0 and _list_item(blocks[start - 1]):
            start -= 1
    if _list_item(blocks[end]):
        while end + 1 < len(blocks) and _list_item(blocks[end + 1]):
            end += 1
    return start, end


# "Here are the places from the video:" right after the main text introduces a list that belongs to it: up to
# COLON_LIST_MAX short lines, none of them already removed. The intro has COLON_INTRO_WORDS or more words
# ("Tags:", "Share:" are labels, not intros). Measured on the dev sets (text mode): trafilatura-eval F1
# 0.883 -> 0.885 (recall +0.005), readability unchanged.
COLON_INTRO_WORDS = 4
COLON_LIST_MAX = 12
# A label with its value ("Themenseiten: EuGH, Google", "Artikel empfehlen:") or a prompt ("Fanden Sie diesen
# Artikel nützlich?") is page furniture after the list, not one of its items.
_LABEL = regex.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2}:(?:\s|$)")


def _label_line(text: str) -> bool:
    return text.rstrip().endswith("?") or _LABEL.match(text) is not None


def with_listed_tail(blocks: list[Block], start: int, end: int) -> tuple[int, int]:
    """The span (first and last line) grown over a list that a line ending in a colon introduces right after it."""
    intro = end + 1
    if intro >= len(blocks) or blocks[intro].label == "boilerplate":
        return start, end
    if not blocks[intro].text.rstrip().endswith(":") or block_words(blocks[intro]) < COLON_INTRO_WORDS:
        return start, end
    last = intro
    while (last + 1 < len(blocks) and last - intro < COLON_LIST_MAX and blocks[last + 1].label != "boilerplate"
           and not is_prose(blocks[last + 1]) and not _label_line(blocks[last + 1].text)):
        last += 1
    return (start, last) if last > intro else (start, end)
