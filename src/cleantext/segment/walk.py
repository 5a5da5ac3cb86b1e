"""The streaming HTML walk: parser events (start tag, end tag, text) become blocks as they arrive.

lxml calls ``start(tag, attrib)``, ``end(tag)`` and ``data(text)`` of a parser target in document order. The
handlers are closures over the walk's state (the fastest state access CPython offers for millions of events).
"""

from __future__ import annotations

from typing import Any

from ..document import Block
from ..parse import BREAK_TAGS, check_deadline
from .metadata import is_jsonld, read_jsonld, read_meta, squash
from .nodes import _BR as _BR_MARK
from .nodes import BLOCK_TAGS, INVISIBLE, LINK_END, MARK_CLOSE, MARK_OPEN, Node, read_attrs

# The deadline is checked once per 2048 elements (a mask: cheaper than a modulo).
_DEADLINE_MASK = 2047
# Element codes, one dict lookup per start tag. Below _BLOCK: inline elements with a node (0 plain, then the
# Markdown-marked ones); from _BLOCK: block elements with a node; from _INVISIBLE: elements without one.
_INLINE, _MARK, _ANCHOR, _LINK, _BLOCK, _PRE, _BODY, _ROOT, _INVISIBLE, _VOID, _BR, _HR, _PLAIN, _FLAT_BREAK = range(14)
# HTML 4's EMPTY elements: libxml2 ends them at once, so they never hold text (it lets wbr, source, track...
# hold text). Not in the invisible set, yet never around a block's text: they get no node.
_EMPTY_TAGS = frozenset({"area", "base", "basefont", "col", "frame", "img", "isindex", "param"})
_TAG_CODE = {
    **dict.fromkeys(_EMPTY_TAGS, _VOID), **dict.fromkeys(BLOCK_TAGS, _BLOCK), **dict.fromkeys(INVISIBLE, _INVISIBLE),
    **dict.fromkeys(MARK_OPEN, _MARK),
    "a": _ANCHOR, "pre": _PRE, "body": _BODY, "html": _ROOT, "br": _BR, "hr": _HR,
}


class Full(Exception):
    """Raised inside the parse when the walk holds max_blocks + 1 blocks: nothing after them is needed."""


def common_path(sources: list[Node], open_nodes: list[Node]) -> tuple[Node, ...]:
    """The nodes from the root to the deepest element that holds every source, outermost first.

    ``open_nodes`` is the chain of open elements (open_nodes[i].depth == i): the part of the path still open is
    a slice of it, so only closed elements (an inline <span> the block text came from) are walked up."""
    common = sources[0]
    for other in sources:
        if other is common:
            continue
        while other.depth > common.depth:
            other = other.parent  # type: ignore[assignment]
        while common.depth > other.depth:
            common = common.parent  # type: ignore[assignment]
        while common is not other:
            common, other = common.parent, other.parent  # type: ignore[assignment]
        if common is None:
            return ()
    depth = common.depth
    if depth < len(open_nodes) and open_nodes[depth] is common:
        return tuple(open_nodes[: depth + 1])
    closed = []
    node: Node | None = common
    while node is not None and not (node.depth < len(open_nodes) and open_nodes[node.depth] is node):
        closed.append(node)
        node = node.parent
    closed.reverse()
    return (*open_nodes[: node.depth + 1], *closed) if node is not None else tuple(closed)


class Walk:
    """A parser target that builds blocks and page metadata; elements deeper than ``max_depth`` are flattened."""

    Full = Full

    def __init__(self, max_depth: int, max_blocks: int | None, deadline: float | None) -> None:
        blocks: list[Block] = []
        title: dict[str, Any] = {}
        metas: dict[str, Any] = {}
        jsonld: dict[str, Any] = {}
        meta: dict[str, Any] = {}
        self.blocks, self.meta = blocks, meta  # the closures below never hold self: no reference cycle
        kinds: list[int] = []  # what end() does, one entry per open element (its depth is the list's length)
        open_nodes: list[Node] = []  # nodes of the open elements, outermost first
        buffer: list[tuple[str, bool, str]] = []  # (text, inside a link, the same piece for Markdown)
        hrefs: list[str] = []  # link targets of the current buffer, in order
        anchors: list[str] = []  # href of each open <a>
        # The innermost element around each piece of buffered text: a block's nodes end at their common ancestor,
        # so <span class="credit">Photo: AP</span> keeps its class even when its block is flushed after the span.
        sources: list[Node] = []
        pend = ""  # text since the last tag (the parser splits one text node around entities)
        class_memo: dict[str, tuple[tuple[tuple[str, str], ...], str, str | None]] = {}  # class-only attributes
        # One string object per distinct tag name, attribute set and href: the parser makes a new string per
        # event, and a large page keeps tens of thousands of nodes alive (a 10 MB page of the speed benchmark:
        # peak RSS over baseline 12.8x -> 11.1x the input).
        shared: dict[Any, Any] = {}
        hidden_marks: list[tuple[int, int, int, int, int]] = []  # open hidden inline elements: depth and buffer sizes
        capture: list[str] = []  # text of the <title> or JSON-LD script being read
        capturing = ""  # "title" or "jsonld" while reading one
        in_link = in_pre = skip = steps = next_id = 0
        head_depth = 0  # depth of the open <head> under <html>, 0 when none is open
        title_seen = body_done = False
        full = False
        # Since the last block: any word, any <br>, any Markdown marker; characters of link text.
        has_text = has_br = marked = False
        link_chars = 0

        def take_text() -> None:
            nonlocal has_text, link_chars, pend
            s = pend
            pend = ""
            if s.isspace():
                if buffer or in_pre:  # spaces before a block's first word are dropped anyway (outside <pre>)
                    buffer.append((s, False, s))
                return
            has_text = True
            if in_link:
                buffer.append((s, True, s))
                link_chars += len(squash(s))
            else:
                buffer.append((s, False, s))
            if open_nodes:
                node = open_nodes[-1]
                if not sources or sources[-1] is not node:
                    sources.append(node)

        def flush() -> None:
            nonlocal has_text, has_br, marked, link_chars
            if not has_text:  # only spaces, markers or line breaks since the last block: no block
                if buffer:
                    buffer.clear()
                    hrefs.clear()
                    sources.clear()
                    has_br = marked = False
                return
            if not has_br:
                raw = "".join([piece for piece, _, _ in buffer])
                emit(raw, link_chars, "".join([md for _, _, md in buffer]) if marked else raw)
            else:
                split_at_breaks()
            buffer.clear()
            sources.clear()
            hrefs.clear()
            has_text = has_br = marked = False
            link_chars = 0

        def split_at_breaks() -> None:
            # Two <br> in a row (only spaces between) end a paragraph, as Readability.js turns them into <p>.
            part: list[str] = []
            md: list[str] = []
            part_links = 0
            pending_br = 0
            for piece, linked, md_piece in buffer:
                if piece == _BR_MARK:
                    pending_br += 1
                    continue
                if pending_br:
                    if pending_br >= 2 and piece and not piece.isspace() and "".join(part).strip():
                        emit("".join(part), part_links, "".join(md))
                        part, md, part_links = [], [], 0
                    part.append("\n")
                    md.append("\n")
                    if piece and not piece.isspace():
                        pending_br = 0
                part.append(piece)
                md.append(md_piece)
                if linked:
                    part_links += len(squash(piece))
            emit("".join(part), part_links, "".join(md))

        def emit(raw: str, links: int, md_raw: str) -> None:
            nonlocal full
            # Code keeps its indentation: only the blank lines around it go.
            text = (raw.strip("\n") if raw and not raw.isspace() else "") if in_pre else " ".join(raw.split())
            if not text:
                return
            nodes = common_path(sources, open_nodes) if sources else tuple(open_nodes)
            tag = "pre" if in_pre else "p"
            if not in_pre:
                for node in reversed(nodes):
                    if node.tag in BLOCK_TAGS:
                        tag = node.tag
                        break
            # ancestors and attr_tokens come from the nodes when a rule reads them
            block = Block(len(blocks), text, tag, link_chars=min(links, len(text)), extra={"nodes": nodes})
            if md_raw != raw and not in_pre:
                block.extra["md"] = squash(md_raw)
                found = tuple(hrefs)
                block.extra["hrefs"] = shared.setdefault(found, found)
            blocks.append(block)
            if max_blocks is not None and len(blocks) > max_blocks:
                full = True
                raise Full

        def start(tag: str, attrib: Any) -> None:
            nonlocal in_link, in_pre, skip, steps, next_id, has_br, marked, pend
            if pend:
                take_text()
            steps += 1
            if not steps & _DEADLINE_MASK and deadline is not None:
                check_deadline(deadline)
            depth = len(kinds) + 1
            if skip or (depth == 2 and body_done):
                skipped(tag, attrib, depth)
                return
            code = _TAG_CODE.get(tag, _INLINE)
            if code >= _BLOCK:
                if code >= _INVISIBLE:
                    if code == _INVISIBLE:
                        invisible(tag, attrib, depth)
                    elif code == _VOID:  # no content: never around a block's text
                        kinds.append(_PLAIN)
                    elif code == _BR:
                        kinds.append(_PLAIN)
                        if in_pre:
                            buffer.append(("\n", False, "\n"))
                        else:
                            buffer.append((_BR_MARK, False, _BR_MARK))
                            has_br = True
                    else:  # <hr>: a block boundary, nothing more
                        kinds.append(_PLAIN)
                        hidden_marks.clear()
                        if buffer:
                            flush()
                    return
                if depth > max_depth:  # flattened: its tags go, a line break keeps the words apart
                    if tag in BREAK_TAGS:
                        kinds.append(_FLAT_BREAK)
                        pend += "\n"
                    else:
                        kinds.append(_PLAIN)
                    return
                if hidden_marks:
                    hidden_marks.clear()  # every open hidden inline element holds a block: it is shown as usual
                if buffer:
                    flush()
                if code == _BODY and depth == 2:
                    open_nodes.clear()  # the walk starts at <body> (<html> counts only when there is no body)
                elif code == _PRE:
                    in_pre += 1
            elif depth > max_depth:
                kinds.append(_PLAIN)
                return
            if not attrib:
                attrs, tokens, hidden = (), "", None
            elif len(attrib) == 1 and "class" in attrib:  # the most common case: class values repeat on a page
                value = attrib["class"]
                found = class_memo.get(value)
                if found is None:
                    found = class_memo[value] = read_attrs(attrib)
                attrs, tokens, hidden = found
            else:
                attrs, tokens, hidden = read_attrs(attrib)
                attrs = shared.setdefault(attrs, attrs)
                tokens = shared.setdefault(tokens, tokens)
            if code < _BLOCK:
                if hidden:
                    # A hidden inline element inside a paragraph: its text is not part of what a reader sees,
                    # unless it holds a block element. Its text is taken back at its end if no block started.
                    hidden_marks.append((depth, len(buffer), len(sources), len(hrefs), link_chars))
                if code:
                    if code == _ANCHOR:
                        href = (attrib.get("href") or "").strip() if attrib else ""
                        href = shared.setdefault(href, href)
                        anchors.append(href)
                        if not href.lower().startswith("javascript:"):  # a "javascript:" link is a button
                            in_link += 1
                            code = _LINK
                    if not in_pre:
                        buffer.append(("", False, MARK_OPEN[tag]))
                        marked = True
            tag = shared.setdefault(tag, tag)
            open_nodes.append(Node(next_id, tag, tokens, open_nodes[-1] if open_nodes else None, len(open_nodes),
                                   hidden, attrs))
            next_id += 1
            kinds.append(code)

        def skipped(tag: str, attrib: Any, depth: int) -> None:
            # Inside an invisible element (or after </body>): only metadata and block tags (hidden_marks) matter.
            nonlocal skip, capturing, title_seen
            skip = skip or 1
            kinds.append(_PLAIN)
            if tag in BLOCK_TAGS:
                hidden_marks.clear()
            elif tag == "meta":
                read_meta(attrib, metas)
            elif tag == "title" and depth == head_depth + 1 and not title_seen:
                title_seen = True
                capturing = "title"
            elif tag == "script" and attrib and is_jsonld(attrib):
                capturing = "jsonld"

        def invisible(tag: str, attrib: Any, depth: int) -> None:
            nonlocal skip, capturing, head_depth
            kinds.append(_INVISIBLE)
            skip = depth
            if tag == "head" and depth == 2:
                head_depth = depth
            elif tag == "meta":
                read_meta(attrib, metas)
            elif tag == "script" and attrib and is_jsonld(attrib):
                capturing = "jsonld"

        def end(tag: str) -> None:
            nonlocal in_link, in_pre, skip, head_depth, body_done, marked, link_chars, pend
            if pend:
                take_text()
            if capturing:  # a <title> or <script> has no child elements: this is its end
                finish_capture()
            code = kinds.pop()
            if code >= _BLOCK:
                if code >= _INVISIBLE:  # no node
                    if code == _INVISIBLE:
                        if skip == len(kinds) + 1:
                            skip = head_depth = 0
                    elif code == _FLAT_BREAK:
                        pend += "\n"
                    return
                if buffer:
                    flush()
                if open_nodes:
                    open_nodes.pop()
                if code == _PRE:
                    in_pre -= 1
                elif code == _BODY and len(kinds) == 1:
                    body_done = True
                return
            open_nodes.pop()
            if code:
                if code == _MARK:
                    if not in_pre:
                        buffer.append(("", False, MARK_CLOSE[tag]))
                        marked = True
                else:
                    href = anchors.pop()
                    if code == _LINK:
                        in_link -= 1
                    if not in_pre:
                        hrefs.append(href)
                        buffer.append(("", False, f"{MARK_CLOSE['a']}{len(hrefs) - 1}{LINK_END}"))
                        marked = True
            if hidden_marks and hidden_marks[-1][0] == len(kinds) + 1:
                _, n_buffer, n_sources, n_hrefs, link_chars = hidden_marks.pop()
                del buffer[n_buffer:], sources[n_sources:], hrefs[n_hrefs:]

        def data(text: str) -> None:
            nonlocal pend
            if skip:
                if capturing:
                    capture.append(text)
                return
            pend += text

        def finish_capture() -> None:
            nonlocal capturing
            raw = "".join(capture)
            capture.clear()
            if capturing == "title":
                if raw.strip():
                    title["html_title"] = squash(raw)
            else:
                read_jsonld(raw, jsonld)
            capturing = ""

        def close() -> None:
            """The end of the page: the last block."""
            if not full:
                if pend:
                    take_text()
                flush()

        def finish() -> None:
            """The metadata in a fixed order: title, <meta>, JSON-LD."""
            meta.update(title)
            meta.update(metas)
            for key, value in jsonld.items():
                meta.setdefault(key, value)

        self.start, self.end, self.data, self.close, self.finish = start, end, data, close, finish
