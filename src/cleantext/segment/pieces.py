"""A block's text from the pieces the walk collected: its Markdown form, and its paragraphs split at <br><br>."""

from __future__ import annotations

from .nodes import _BR, LINK_END, MARK_CLOSE

_LINK_CLOSE = MARK_CLOSE["a"]


def link_closer(at: int) -> str:
    """The close marker of a block's link number ``at`` (it carries the index of its href)."""
    return f"{_LINK_CLOSE}{at}{LINK_END}"


# The markers of a block's first links, made once (formatting one per link end cost ~1% of the walk).
LINK_CLOSERS = [link_closer(at) for at in range(64)]


def with_markers(parts: list[str], marks: list[tuple[int, str]]) -> str:
    """The block's text with its Markdown markers (position in parts, marker) put back between the pieces."""
    out: list[str] = []
    prev = 0
    for pos, marker in marks:
        if pos > prev:
            out += parts[prev:pos]
            prev = pos
        out.append(marker)
    out += parts[prev:]
    return "".join(out)


def pieces(parts: list[str], marks: list[tuple[int, str]], linked: list[int]) -> list[tuple[str, bool, str]]:
    """(text, inside a link, Markdown text) of each piece, markers as pieces of no text."""
    found: list[tuple[str, bool, str]] = []
    in_links = set(linked)
    at = 0
    for i, piece in enumerate(parts):
        while at < len(marks) and marks[at][0] == i:
            found.append(("", False, marks[at][1]))
            at += 1
        found.append((piece, i in in_links, piece))
    found += [("", False, marker) for _, marker in marks[at:]]
    return found


def split_at_breaks(pieces: list[tuple[str, bool, str]]) -> list[tuple[str, int, str]]:
    """(text, link characters, Markdown text) of each paragraph of a block holding <br> marks.

    Two <br> in a row (only spaces between) end a paragraph, as Readability.js turns them into <p>."""
    out: list[tuple[str, int, str]] = []
    part: list[str] = []
    md: list[str] = []
    part_links = 0
    pending_br = 0
    for piece, linked, md_piece in pieces:
        if piece == _BR:
            pending_br += 1
            continue
        if pending_br:
            if pending_br >= 2 and piece and not piece.isspace() and "".join(part).strip():
                out.append(("".join(part), part_links, "".join(md)))
                part, md, part_links = [], [], 0
            part.append("\n")
            md.append("\n")
            if piece and not piece.isspace():
                pending_br = 0
        part.append(piece)
        md.append(md_piece)
        if linked:
            part_links += len(" ".join(piece.split()))
    out.append(("".join(part), part_links, "".join(md)))
    return out
