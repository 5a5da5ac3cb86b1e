"""The streaming HTML walk: parser events (start tag, end tag, text) become blocks as they arrive.

lxml calls ``start(tag, attrib)``, ``end(tag)`` and ``data(text)`` of a parser target in document order. The
handlers are closures over the walk's state (the fastest state access CPython offers for millions of events).
The 645 evaluation pages make 1.7 million events, so the common paths (a tag without attributes, a class
attribute, a text piece of spaces between tags) are kept short and inline.
"""

from __future__ import annotations

from typing import Any

from ..document import Block
from ..parse import BREAK_TAGS, check_deadline
from .extras import CELL_TAGS, Extras
from .metadata import is_jsonld, merge_metadata, read_captured, read_head, read_root, read_time, squash
from .nodes import (
    _APART,
    BLOCK_TAGS,
    MARK_CLOSE,
    MARK_OPEN,
    NO_ATTRS,
    READ_NOT_CLASS,
    Node,
    block_path,
    block_tag,
    class_fields,
    open_holder,
    read_attrs,
)
from .nodes import _BR as _BR_MARK
from .pieces import LINK_CLOSERS, link_closer, pieces, split_at_breaks, with_markers
from .tags import (
    DEADLINE_MASK,
    EL_ANCHOR,
    EL_BLOCK,
    EL_BODY,
    EL_BR,
    EL_FLAT_BREAK,
    EL_INLINE,
    EL_INVISIBLE,
    EL_LINK,
    EL_MARK,
    EL_PLAIN,
    EL_PRE,
    EL_ROW,
    EL_VOID,
    TAG_CODE,
    Full,
)

_new_node = object.__new__


class Walk:
    """A parser target that builds blocks and page metadata; elements deeper than ``max_depth`` are flattened.

    After the parse: finish(), then release() hands over (blocks, metadata). The handlers never hold ``self``."""

    Full = Full

    def __init__(self, max_depth: int, max_blocks: int | None, deadline: float | None) -> None:
        blocks: list[Block] = []
        title: dict[str, Any] = {}
        metas: dict[str, Any] = {}
        jsonld: dict[str, Any] = {}
        meta: dict[str, Any] = {}
        kinds: list[int] = []  # what end() does, one entry per open element (its depth is the list's length)
        open_nodes: list[Node] = []  # nodes of the open elements, outermost first
        # The text of the block being read: its pieces (text, <br> marks, "\n" of a <br> in <pre>), the Markdown
        # markers between them as (position in parts, marker), and the positions of the pieces inside links.
        parts: list[str] = []
        marks: list[tuple[int, str]] = []
        linked: list[int] = []
        hrefs: list[str] = []  # link targets of the current block, in order
        anchors: list[str] = []  # href of each open <a>
        # The deepest element holding every piece of the block's text (None before its first word): a block's nodes
        # end there, so <span class="credit">Photo: AP</span> keeps its class when its block is flushed after it.
        holder: Node | None = None
        pend = ""  # text since the last tag (the parser splits one text node around entities)
        # Further pieces of that text, joined once at the next tag: `pend += piece` on a closure variable copies
        # the whole string each time, which made a paragraph of 600,000 entities quadratic.
        more: list[str] = []
        class_memo: dict[str, tuple[tuple[tuple[str, str], ...], str, str | None]] = {}  # class-only attributes
        # One string object per distinct tag name, attribute set and href: the parser makes a new string per event,
        # and a large page keeps many nodes alive (a 10 MB page: peak RSS over baseline 12.8x -> 11.1x the input).
        shared: dict[Any, Any] = {}
        tag_memo: dict[str, tuple[int, str]] = {}
        # Open hidden inline elements: depth, the sizes of parts, marks, linked and hrefs, holder and link_chars at
        # their start (their text is taken back at their end unless a block started inside).
        hidden_marks: list[tuple[int, int, int, int, int, Node | None, int]] = []
        capture: list[str] = []  # text of the <title> or JSON-LD script being read
        capturing = ""  # "title" or "jsonld" while reading one
        in_link = in_pre = skip = steps = next_id = 0
        head_depth = 0  # depth of the open <head> under <html>, 0 when none is open
        title_seen = body_done = False
        full = False
        # Since the last block: any word, any <br>; characters of link text.
        has_text = has_br = False
        link_chars = 0
        extras = Extras()  # table columns and images, for the renderers only
        images = extras.images  # (closure variables: the checks below run once per block)
        cell_tags = CELL_TAGS

        def take_text() -> None:
            # pend holds more than spaces (spaces alone are handled where this is called)
            nonlocal has_text, link_chars, pend, holder
            s = pend
            pend = ""
            has_text = True
            if in_link:
                linked.append(len(parts))
                link_chars += len(" ".join(s.split()))
            parts.append(s)
            if open_nodes:
                node = open_nodes[-1]
                if holder is None:
                    holder = node
                elif holder is not node and holder is not _APART:
                    holder = open_holder(holder, open_nodes)

        def flush() -> None:
            nonlocal has_text, has_br, link_chars, holder
            if has_text:
                if has_br:
                    for raw, links, md_raw in split_at_breaks(pieces(parts, marks, linked)):
                        emit(raw, links, md_raw)
                else:
                    raw = "".join(parts)
                    emit(raw, link_chars, with_markers(parts, marks) if marks else raw)
                has_text = False
                link_chars = 0
            # else: only spaces, markers or line breaks since the last block: no block
            parts.clear()
            if marks:
                marks.clear()
                hrefs.clear()
            if linked:
                linked.clear()
            holder = None
            has_br = False

        def emit(raw: str, links: int, md_raw: str) -> None:
            nonlocal full
            if in_pre:  # code keeps its indentation: only the blank lines around it go
                text = raw.strip("\n") if raw and not raw.isspace() else ""
                if not text:
                    return
                tag = "pre"
            else:
                text = " ".join(raw.split())
                if not text:
                    return
                tag = ""
            nodes = block_path(holder, open_nodes)
            if not tag:
                tag = block_tag(nodes)
            if md_raw is not raw and md_raw != raw and not in_pre:
                found = tuple(hrefs)
                extra = {"nodes": nodes, "md": squash(md_raw), "hrefs": shared.setdefault(found, found)}
            else:
                extra = {"nodes": nodes}
            if images or tag in cell_tags:
                extras.fill(extra, tag, nodes)
            # Positional arguments (keywords cost a third more); ancestors and attr_tokens come from the nodes.
            blocks.append(Block(len(blocks), text, tag, "body", None, None, None, None, 0, None, None,
                                links if links < len(text) else len(text), None, extra))
            if max_blocks is not None and len(blocks) > max_blocks:
                full = True
                raise Full

        def start(tag: str, attrib: Any) -> None:
            nonlocal in_link, in_pre, skip, steps, next_id, has_br, pend
            if more:
                pend += "".join(more)
                more.clear()
            if pend:
                if not pend.isspace():
                    take_text()
                else:
                    if parts or marks or in_pre:  # spaces before a block's first word are dropped (outside <pre>)
                        parts.append(pend)
                    pend = ""
            steps += 1
            if not steps & DEADLINE_MASK and deadline is not None:
                check_deadline(deadline)
            depth = len(kinds) + 1
            if skip or (body_done and depth == 2):
                skipped(tag, attrib, depth)
                return
            found = tag_memo.get(tag)  # one lookup: the element code, and one string per tag name
            if found is None:
                found = tag_memo[tag] = (TAG_CODE.get(tag, EL_INLINE), tag)
            code, tag = found
            if code >= EL_BLOCK:
                if code >= EL_INVISIBLE:
                    if code == EL_INVISIBLE:
                        invisible(tag, attrib, depth)
                    elif code == EL_VOID:  # no content: never around a block's text
                        kinds.append(EL_PLAIN)
                        if tag == "img":
                            extras.image(attrib)
                    elif code == EL_BR:
                        kinds.append(EL_PLAIN)
                        if in_pre:
                            parts.append("\n")
                        else:
                            parts.append(_BR_MARK)
                            has_br = True
                    else:  # <hr>: a block boundary, nothing more
                        kinds.append(EL_PLAIN)
                        hidden_marks.clear()
                        if parts or marks:
                            flush()
                    return
                if depth > max_depth:  # flattened: its tags go, a line break keeps the words apart
                    if tag in BREAK_TAGS:
                        kinds.append(EL_FLAT_BREAK)
                        pend += "\n"
                    else:
                        kinds.append(EL_PLAIN)
                    return
                if hidden_marks:
                    hidden_marks.clear()  # every open hidden inline element holds a block: it is shown as usual
                if parts or marks:
                    flush()
                if code == EL_BODY and depth == 2:
                    open_nodes.clear()  # the walk starts at <body> (<html> counts only when there is no body)
                elif code == EL_PRE:
                    in_pre += 1
                elif code >= EL_ROW:  # <tr>, <td>, <th> (the only block codes past EL_ROW)
                    extras.start(code == EL_ROW, next_id, attrib, open_nodes[-1].nid if open_nodes else -1)
                elif tag == "html" and attrib:
                    read_root(attrib, metas)
            elif depth > max_depth:
                kinds.append(EL_PLAIN)
                return
            if not attrib:
                attrs, tokens, hidden = NO_ATTRS
            elif READ_NOT_CLASS.isdisjoint(attrib):  # the common case: a class value (they repeat) or none
                value = attrib.get("class")
                if value is None:
                    attrs, tokens, hidden = NO_ATTRS
                else:
                    found = class_memo.get(value)
                    if found is None:
                        found = class_memo[value] = class_fields(value)
                    attrs, tokens, hidden = found
            else:
                attrs, tokens, hidden = read_attrs(attrib)
                attrs = shared.setdefault(attrs, attrs)
                tokens = shared.setdefault(tokens, tokens)
            if code < EL_BLOCK:
                if tag == "time" and attrib:
                    read_time(attrib, " ".join([n.tokens for n in open_nodes if n.tokens]), len(blocks), metas)
                if hidden:
                    # A hidden inline element inside a paragraph: its text is not part of what a reader sees,
                    # unless it holds a block element. Its text is taken back at its end if no block started.
                    hidden_marks.append((depth, len(parts), len(marks), len(linked), len(hrefs), holder,
                                         link_chars))
                if code:
                    if code == EL_ANCHOR:
                        href = (attrib.get("href") or "").strip() if attrib else ""
                        href = shared.setdefault(href, href)
                        anchors.append(href)
                        if href[:11].lower() != "javascript:":  # a "javascript:" link is a button
                            in_link += 1
                            code = EL_LINK
                    if not in_pre:
                        marks.append((len(parts), MARK_OPEN[tag]))
            # Slots set one by one (0.14 us against 0.19 for the dataclass __init__, ~600 nodes a page): every
            # field of Node is set here, so a field added to Node must be added here too.
            node = _new_node(Node)
            node.nid = next_id
            node.tag = tag
            node.tokens = tokens
            node.parent = open_nodes[-1] if open_nodes else None
            node.depth = len(open_nodes)
            node.hidden = hidden
            node.attrs = attrs
            open_nodes.append(node)
            next_id += 1
            kinds.append(code)

        def skipped(tag: str, attrib: Any, depth: int) -> None:
            # Inside an invisible element (or after </body>): only metadata and block tags (hidden_marks) matter.
            nonlocal skip, capturing, title_seen
            skip = skip or 1
            kinds.append(EL_PLAIN)
            if tag in BLOCK_TAGS:
                hidden_marks.clear()
            elif tag == "meta" or tag == "link":
                read_head(tag, attrib, metas)
            elif tag == "title" and depth == head_depth + 1 and not title_seen:
                title_seen = True
                capturing = "title"
            elif tag == "script" and attrib and is_jsonld(attrib):
                capturing = "jsonld"

        def invisible(tag: str, attrib: Any, depth: int) -> None:
            nonlocal skip, capturing, head_depth
            kinds.append(EL_INVISIBLE)
            skip = depth
            if tag == "head" and depth == 2:
                head_depth = depth
            elif tag == "meta" or tag == "link":
                read_head(tag, attrib, metas)
            elif tag == "script" and attrib and is_jsonld(attrib):
                capturing = "jsonld"

        def end(tag: str) -> None:
            nonlocal in_link, in_pre, skip, head_depth, body_done, link_chars, pend, holder
            if more:
                pend += "".join(more)
                more.clear()
            if pend:
                if not pend.isspace():
                    take_text()
                else:
                    if parts or marks or in_pre:
                        parts.append(pend)
                    pend = ""
            if capturing:  # a <title> or <script> has no child elements: this is its end
                finish_capture()
            code = kinds.pop()
            if code >= EL_BLOCK:
                if code >= EL_INVISIBLE:  # no node
                    if code == EL_INVISIBLE:
                        if skip == len(kinds) + 1:
                            skip = head_depth = 0
                    elif code == EL_FLAT_BREAK:
                        pend += "\n"
                    return
                if parts or marks:
                    flush()
                if open_nodes:
                    open_nodes.pop()
                if code == EL_PRE:
                    in_pre -= 1
                elif code == EL_ROW:
                    extras.end_row()
                elif code == EL_BODY and len(kinds) == 1:
                    body_done = True
                return
            open_nodes.pop()
            if code:
                if code == EL_MARK:
                    if not in_pre:
                        marks.append((len(parts), MARK_CLOSE[tag]))
                else:
                    href = anchors.pop()
                    if code == EL_LINK:
                        in_link -= 1
                    if not in_pre:
                        hrefs.append(href)
                        at = len(hrefs) - 1
                        marks.append((len(parts), LINK_CLOSERS[at] if at < len(LINK_CLOSERS) else link_closer(at)))
            if hidden_marks and hidden_marks[-1][0] == len(kinds) + 1:
                _, n_parts, n_marks, n_linked, n_hrefs, holder, link_chars = hidden_marks.pop()
                del parts[n_parts:], marks[n_marks:], linked[n_linked:], hrefs[n_hrefs:]

        def data(text: str) -> None:
            nonlocal pend
            if skip:
                if capturing:
                    capture.append(text)
                return
            if pend:
                more.append(text)
            else:
                pend = text

        def finish_capture() -> None:
            nonlocal capturing
            read_captured(capturing, "".join(capture), title, jsonld)
            capture.clear()
            capturing = ""

        def close() -> None:
            """The end of the page: the last block."""
            nonlocal pend
            if more:
                pend += "".join(more)
                more.clear()
            if not full:
                if pend:
                    if not pend.isspace():
                        take_text()
                    elif parts or marks or in_pre:
                        parts.append(pend)
                flush()

        def finish() -> None:
            """The metadata in a fixed order: title, <meta>, JSON-LD."""
            merge_metadata(meta, title, metas, jsonld)

        def release() -> tuple[list[Block], dict[str, Any]]:
            """The blocks and metadata, handed over once: the walk lets go of them and empties its working state.

            lxml's target parser sits in a reference cycle holding these closures (and the Walk), so whatever
            they still hold lives until the collector finds the cycle: without this, the blocks and nodes of a
            page the caller has dropped (and the memos: one entry per class value, attribute set and href)."""
            nonlocal blocks, meta
            found = blocks, meta
            blocks, meta = [], {}
            extras.clear()
            for table in (class_memo, shared, tag_memo, title, metas, jsonld):
                table.clear()
            for stack in (kinds, open_nodes, parts, marks, linked, hrefs, anchors, more, hidden_marks, capture):
                stack.clear()
            return found

        self.start, self.end, self.data, self.close, self.finish = start, end, data, close, finish
        self.release = release
