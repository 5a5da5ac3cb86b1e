"""Rules: furniture inside the content region found by its shape, whatever its class names say.

Link lists (link density), link-dense lines, teaser streams (sibling cards around linked headlines), widget
labels (charts and player menus made of tiny fragments) and headings left alone once their section went.
They run after the class-name rules of rules/html/furniture.py and share their guard
(features/html/concepts.py): an element holding half of the article's core text is never furniture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ...context import Context
from ...document import Block
from ...features.html.concepts import furniture_guard
from ...features.html.elements import blocks_inside, body_of, count_under, node_stats, nodes_of, path_memo
from ...features.shape import block_words, ends_sentence, is_prose
from ...rule import HTML_ONLY, Mark, Rule
from ...segment.html import Node

# Readability.js _cleanConditionally: a container whose link density is over 0.5 is a link list.
_LINK_LIST_DENSITY = 0.5
# A link list whose links are 80 % in-page anchors is the article's table of contents (dev sets: TOC plugins
# link every entry to "#section"; menus mix in one or two "#top" links at most).
_TOC_SHARE = 0.8
# A single block mostly made of link text is a link, not a sentence (same threshold).
_LINK_BLOCK_DENSITY = 0.5
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Links in list items and table cells are data (a table of products, a list of references); link lists as a
# whole are the link-list rule's business.
_LINK_BLOCK_EXEMPT = _HEADINGS | {"li", "td", "th", "dd", "dt"}
# A link list whose linked items are 80 % bare web addresses ("https://nodejs.org/api/inspector.html") is a list of
# references the article cites: a related or menu list shows titles, not addresses (same share as _TOC_SHARE).
_BARE_URL = regex.compile(r"(?:https?://|www\.)\S+")
# Sentence length from shape.PROSE_WORDS: 12 words and a sentence end read as prose.
_SENTENCE_WORDS = 12
# ... unless the link covers (nearly) all of it: a linked headline ("Read also: ...") in the text.
_LINKED_SENTENCE_DENSITY = 0.9


def _link_list(ctx: Context) -> Iterator[Mark]:
    """Link lists: an element of two or more blocks whose text is mostly links (link density > 0.50)."""
    body = body_of(ctx)
    guard = furniture_guard(ctx, body)
    stats = ctx.memo("node-stats", lambda: node_stats(body))

    toc, references = _anchor_lists(body)
    parents = _items_with_lists(body)

    def decide(node: Node, outer: tuple[Node, str] | None) -> tuple[Node, str] | None:
        if outer is not None:
            return outer
        s = stats[node.nid]
        # A container with a real paragraph is text with links, not a link list.
        if (s.blocks < 2 or s.paragraphs or s.link_density <= _LINK_LIST_DENSITY or guard.protects(node)
                or node.nid in toc or node.nid in references or (node.tag in _ITEM_TAGS and node.nid not in parents)):
            return None
        # In the article's core, a table with linked cells is data (products, results), a list of sentences text.
        if guard.core.get(node.nid, 0) > 0 and (node.tag in _TABLE_PARTS or s.linked_sentences):
            return None
        return node, f"link density {s.link_density:.2f} > {_LINK_LIST_DENSITY:.2f} over {s.blocks} blocks"

    for block, (node, why) in blocks_inside(body, path_memo(decide)):
        yield block.index, f"inside {node.describe()}: {why}"


_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
# One list item is one entry, not a list, even when inline markup splits it into several lines (a reference
# '^ "Title". Site. Retrieved 2014-03-27.' in <cite> and <a> parts): only the list around the items is judged,
# unless the item holds a list of its own (a menu entry over its submenu).
_ITEM_TAGS = frozenset({"li"})
_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})


def _items_with_lists(blocks: list[Block]) -> set[int]:
    """The list items that hold a list of their own (a menu entry and its submenu)."""
    found: set[int] = set()
    for block in blocks:
        inner = False
        for node in reversed(nodes_of(block)):
            if inner and node.tag in _ITEM_TAGS:
                found.add(node.nid)
            inner = inner or node.tag in _LIST_TAGS
    return found


def _anchor_lists(blocks: list[Block]) -> tuple[set[int], set[int]]:
    """Elements whose links mostly lead to places on the same page ("#history"): tables of contents; and
    elements whose linked lines mostly show a bare web address: lists of references.

    The article's own outline and sources, which Readability keeps and readers see as part of the text."""
    anchors: dict[int, int] = {}
    addresses: dict[int, int] = {}
    linked: dict[int, int] = {}
    for block in blocks:
        hrefs = block.extra.get("hrefs")
        if not hrefs or not block.link_chars:
            continue
        inner = all(h.startswith("#") and len(h) > 1 for h in hrefs)
        bare = _BARE_URL.fullmatch(block.text) is not None
        for node in nodes_of(block):
            linked[node.nid] = linked.get(node.nid, 0) + 1
            anchors[node.nid] = anchors.get(node.nid, 0) + inner
            addresses[node.nid] = addresses.get(node.nid, 0) + bare
    lists = [(nid, n) for nid, n in linked.items() if n >= 2]
    return ({nid for nid, n in lists if anchors[nid] >= _TOC_SHARE * n},
            {nid for nid, n in lists if addresses[nid] >= _TOC_SHARE * n})


def _link_block(ctx: Context) -> Iterator[Mark]:
    """A paragraph or line that is mostly a link (link density > 0.50), such as "Read more: ..." teasers."""
    for block in body_of(ctx):
        if block.tag not in _LINK_BLOCK_EXEMPT and block.link_density > _LINK_BLOCK_DENSITY:
            # A sentence of 12+ words in the article's core whose names are links is still a sentence...
            if (block.extra.get("core") and block.link_density < _LINKED_SENTENCE_DENSITY
                    and block_words(block) >= _SENTENCE_WORDS and ends_sentence(block.text)):
                continue
            yield block.index, f"link density {block.link_density:.2f} > {_LINK_BLOCK_DENSITY:.2f}"


# A teaser card around a linked headline holds a short text: at most 600 characters and one prose paragraph
# (teasers on the dev sets: headline, kicker, date and a 1-3 sentence summary, 150-500 characters).
_CARD_MAX_CHARS = 600
_CARD_MAX_PROSE = 1
_STREAM_MIN_CARDS = 2
# Teaser cards holding half the core's text or more are the page's content (a front page, an archive).
_STREAM_MAX_SHARE = 0.5


def _linked_headline(block: Block) -> bool:
    """A heading that is a link to another page (not an in-page anchor such as a section's pilcrow)."""
    if block.tag not in _HEADINGS or block.link_density <= _LINK_BLOCK_DENSITY or not nodes_of(block):
        return False
    if any(h and not h.startswith("#") for h in block.extra.get("hrefs", ())):
        return True  # <h3><a href="/story">: the link's target is known
    # <a href="/story"><h3>: a link wrapped around the heading element (a block-level link makes a card)
    tags = [n.tag for n in nodes_of(block)]
    heading = max((i for i, t in enumerate(tags) if t in _HEADINGS), default=-1)
    return heading > 0 and "a" in tags[:heading]


def _teaser_list(ctx: Context) -> Iterator[Mark]:
    """Teaser streams: two or more sibling cards, each a linked headline with a short summary ("More stories")."""
    body = body_of(ctx)
    linked = [b for b in body if _linked_headline(b)]
    if len(linked) < _STREAM_MIN_CARDS:
        return
    # Linked headlines of each heading level under each element: a card may also link its kicker or author (an
    # <h4> under the <h3>), so cards are told apart by headlines of the same level.
    count: dict[tuple[int, str], int] = {}
    for block in linked:
        node: Node | None = nodes_of(block)[-1]
        while node is not None:
            key = (node.nid, block.tag)
            count[key] = count.get(key, 0) + 1
            node = node.parent
    stats = ctx.memo("node-stats", lambda: node_stats(body))
    guard = furniture_guard(ctx, body)
    streams: dict[int, list[Node]] = {}
    for block in linked:
        card = nodes_of(block)[-1]
        # The card is the largest element around the headline that holds no other linked headline.
        while card.parent is not None and count[(card.parent.nid, block.tag)] == 1:
            card = card.parent
        s = stats[card.nid]
        if card.parent is None or s.chars > _CARD_MAX_CHARS or s.paragraphs > _CARD_MAX_PROSE:
            continue
        group = streams.setdefault(card.parent.nid, [])
        if card not in group:
            group.append(card)
    cards: dict[int, tuple[Node, int]] = {}
    for group in streams.values():
        # A stream that holds the article's core is the page itself (a front page or a list of posts).
        if len(group) >= _STREAM_MIN_CARDS and not guard.protects(group[0].parent):  # type: ignore[arg-type]
            cards.update((c.nid, (group[0].parent, len(group))) for c in group)  # type: ignore[misc]
    # Teasers that make up most of the article's core text are the page itself (a section front, an archive).
    if not cards or sum(guard.core.get(nid, 0) for nid in cards) >= _STREAM_MAX_SHARE * guard.total:
        return
    for block, (node, count) in blocks_inside(body, path_memo(lambda node, outer: outer or cards.get(node.nid))):
        yield block.index, (f"in a teaser stream inside {node.describe()}: {count} cards "
                            f"(>= {_STREAM_MIN_CARDS}) of a linked headline and <= {_CARD_MAX_CHARS} characters")


# A chart or player widget: 10+ fragments of at most 12 characters ("$915", "’22", "High (HD)") outside lists and
# tables, no prose, and 80 % of its blocks short: fragments, or list items of at most 30 characters (a player's
# menus list fonts and sizes: "Palatino Linotype", "75% (transparency)"). Dev sets: charts hold 20-60 labels,
# player menus 15-80; a table of figures in <div> cells ("13.4 MB (-81%)") has too few fragments to qualify.
_FRAGMENT_CHARS = 12
_FRAGMENT_MIN_BLOCKS = 10
_FRAGMENT_SHARE = 0.8
_MENU_ITEM_CHARS = 30
_LIST_CELLS = frozenset({"li", "td", "th", "dt", "dd"})


def _fragment(block: Block) -> bool:
    return len(block.text) <= _FRAGMENT_CHARS and block.tag not in _LIST_CELLS


def _short(block: Block) -> bool:
    """A fragment, or a list item or cell as short as a menu entry."""
    chars = len(block.text)
    return chars <= _FRAGMENT_CHARS or (block.tag in _LIST_CELLS and chars <= _MENU_ITEM_CHARS)


def _widget_labels(ctx: Context) -> Iterator[Mark]:
    """Charts and player widgets: an element of 10+ tiny text fragments (axis labels, player menus), no sentence."""
    body = body_of(ctx)
    fragments = count_under(body, _fragment)
    if not fragments or max(fragments.values()) < _FRAGMENT_MIN_BLOCKS:
        return
    short = count_under(body, _short)
    stats = ctx.memo("node-stats", lambda: node_stats(body))
    guard = furniture_guard(ctx, body)

    def decide(node: Node, outer: tuple[Node, str] | None) -> tuple[Node, str] | None:
        if outer is not None:
            return outer
        n, s = fragments.get(node.nid, 0), stats[node.nid]
        brief = short.get(node.nid, 0)
        if n < _FRAGMENT_MIN_BLOCKS or s.paragraphs or brief < _FRAGMENT_SHARE * s.blocks or guard.protects(node):
            return None
        return node, (f"{n} fragments of <= {_FRAGMENT_CHARS} characters (>= {_FRAGMENT_MIN_BLOCKS}), {brief} of its "
                      f"{s.blocks} blocks short (>= {_FRAGMENT_SHARE:.0%}), no prose")

    for block, (node, why) in blocks_inside(body, path_memo(decide)):
        yield block.index, f"inside {node.describe()}: {why}"


def _orphan_heading(ctx: Context) -> Iterator[Mark]:
    """A heading or "Read more:" label whose section was removed entirely ("Related articles" above a removed list)."""
    blocks = ctx.blocks
    for i, block in enumerate(blocks):
        if block.label != "body":
            continue
        if block.tag in _HEADINGS:
            level = int(block.tag[1])
        elif _is_label(block):
            level = _LABEL_LEVEL  # a label's section ends at any heading
        else:
            continue
        j, rules, orphan, content = i + 1, set(), True, False
        while j < len(blocks):
            nxt = blocks[j]
            if nxt.tag in _HEADINGS and int(nxt.tag[1]) <= level:
                break  # the section ends here
            if nxt.label != "boilerplate":
                orphan = False  # something of the section is kept
                break
            rules.add(nxt.rule or "")
            content = content or nxt.kind not in _METADATA_KINDS
            j += 1
        if orphan and j > i + 1 and (content or not is_prose(block)):
            yield block.index, (f"all {j - i - 1} block(s) of its section were removed "
                                f"({', '.join(sorted(rules)[:3])})")


# The post's date, byline and tag rows under a sentence set as a heading are not that heading's section: the
# sentence followed only by them ("Post Views: 22", "Kategorien: Infos") is the article's last line. A short
# heading over them ("Temas relacionados" over a tag list) still heads removed furniture.
_METADATA_KINDS = frozenset({"byline", "tags"})
# "Zum Weiterlesen:", "Originalartikel:", "Read more:": a short line that ends in a colon introduces what follows.
_LABEL_MAX_WORDS = 6
_LABEL_LEVEL = 7


def _is_label(block: Block) -> bool:
    text = block.text.rstrip()
    return (text.endswith(":") and block.tag not in _LINK_BLOCK_EXEMPT
            and len(text.split()) <= _LABEL_MAX_WORDS)


def _fn_rule(name: str, kind: str, fn: Callable[[Context], Iterator[Mark]]) -> Rule:
    doc = (fn.__doc__ or "").strip().splitlines()[0]
    return Rule(name, kind, doc, fn, HTML_ONLY)


RULES: list[Rule] = [
    _fn_rule("link-list", "navigation", _link_list),
    _fn_rule("teaser-list", "related-links", _teaser_list),
    _fn_rule("widget-labels", "media-player", _widget_labels),
    _fn_rule("link-dense-block", "navigation", _link_block),
    _fn_rule("orphan-heading", "navigation", _orphan_heading),
]
