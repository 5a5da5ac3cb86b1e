"""Evidence for a page type, each piece a (type, weight, what) triple: URL shape, markup types, page shape.

Weights: 1.0 for a signal that decides alone (a JSON-LD type, a URL path made for that type), 0.5 for one that
needs company, negative weights for "article" evidence that holds a weaker type back. Chosen on half A of
wcxb-dev and checked on half B (benchmarks/pagetype.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import urlsplit

import regex

from ..document import Block
from .decision import Evidence

# URL shapes, first match per type: (type, weight, pattern on "host/path", lower-cased). After rs-trafilatura's
# URL rules (see the design notes); each names a family of paths, never a site.
_URL_SHAPES: tuple[tuple[str, float, regex.Pattern[str]], ...] = tuple(
    (kind, weight, regex.compile(pattern)) for kind, weight, pattern in (
        ("forum", 1.0, r"^(forums?|community|communities|discuss|discussions?|bbs|board|boards)\."),
        ("forum", 1.0, r"/(t|threads?|topics?|questions|forums?|showthread\.php|viewtopic\.php|discussions?|"
                       r"community|comments)(/|$|\?)"),
        ("documentation", 1.0, r"^(docs?|documentation|wiki|developers?|devdocs|learn|help|support|api)\."),
        ("documentation", 1.0, r"/(docs?|documentation|api|reference|manual|guides?|wiki|tutorials?|kb|"
                               r"knowledge-?base|handbook|sdk|learn)(/|$)"),
        ("product", 1.0, r"/(products?|dp|shop|item|p|store|buy)/[^/]+"),
        ("collection", 1.0, r"/(collections?|categor(y|ies)|browse|c|shop|department|catalog|store)(/|$)"),
        ("service", 0.5, r"/(services?|solutions?|pricing|features|platform|consulting|agency)(/|$)"),
        ("listing", 0.7, r"/(news|blog|articles|reviews|posts|stories|archive|tags?|topics|page/\d+|latest)/?$"),
        ("article", 0.3, r"/(19|20)\d\d/\d\d?/|\.s?html?$|/\d{5,}|[a-z0-9]+(-[a-z0-9]+){4,}/?$"),
    ))

# JSON-LD @type (and og:type) names per type. Generic ones (WebPage, WebSite, Organization, BreadcrumbList) say
# nothing and are not listed. ItemList also marks listicles, so it is weak.
_MARKUP_TYPES: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                     "opinionnewsarticle", "scholarlyarticle", "recipe", "review", "liveblogposting"),
                    ("article", 1.0)),
    # Not "Question": FAQPage blocks of service pages are made of Question items.
    **dict.fromkeys(("discussionforumposting", "qapage", "socialmediaposting"), ("forum", 1.5)),
    **dict.fromkeys(("product", "productgroup", "offer", "aggregateoffer", "individualproduct", "car"),
                    ("product", 1.0)),
    **dict.fromkeys(("collectionpage", "offercatalog", "searchresultspage"), ("collection", 1.0)),
    "itemlist": ("listing", 0.3),
    **dict.fromkeys(("techarticle", "apireference", "softwaresourcecode"), ("documentation", 1.0)),
    **dict.fromkeys(("service", "professionalservice", "faqpage", "localbusiness", "softwareapplication",
                     "webapplication", "howto"), ("service", 0.5)),
}
_OG_TYPES: dict[str, tuple[str, float]] = {
    "article": ("article", 0.25), "product": ("product", 1.0), "product.item": ("product", 1.0),
    "og:product": ("product", 1.0), "product.group": ("collection", 1.0),
}


def url_evidence(url: str) -> Iterator[Evidence]:
    """The URL's host and path against the shapes of each type (first match per type)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return
    host = (parts.hostname or "").lower()
    path = parts.path.lower() or "/"
    seen: set[str] = set()
    for kind, weight, pattern in _URL_SHAPES:
        if kind in seen:
            continue
        target = host if pattern.pattern.startswith("^") else path
        found = pattern.search(target)
        if found:
            seen.add(kind)
            yield kind, weight, f"URL {'host' if target is host else 'path'} {found.group(0)!r}"


def markup_evidence(metadata: dict[str, object]) -> Iterator[Evidence]:
    """JSON-LD @type names and og:type."""
    types = metadata.get("jsonld_types")
    seen: set[str] = set()
    for name in types if isinstance(types, list) else ():
        key = name.rsplit("/", 1)[-1].lower()
        hit = _MARKUP_TYPES.get(key)
        if hit and hit[0] not in seen:
            seen.add(hit[0])
            yield hit[0], hit[1], f"JSON-LD @type {name}"
    og = metadata.get("og:type")
    if isinstance(og, str) and (hit := _OG_TYPES.get(og.strip().lower())):
        yield hit[0], hit[1], f"og:type {og}"


# Class words of repeated elements, per type (whole words after splitting class/id values on - _ and spaces).
_POST_WORDS = frozenset({"post", "posts", "message", "messages", "comment", "comments", "reply", "replies",
                         "answer", "answers", "thread", "topic", "postbody", "messagecontent", "forum",
                         "discussion", "question", "bbpost", "postrow", "threadpost", "crayons-comment"})
# "post-card", "post-preview": a blog's teaser cards, not forum posts.
_TEASER_WORDS = frozenset({"card", "preview", "teaser", "tile", "excerpt", "summary", "grid", "item", "tease"})
_PRODUCT_WORDS = frozenset({"product", "products", "price", "cart", "sku", "shop", "woocommerce", "offer"})
# An index of teasers: 6+ h2-h4 headings that are links, 60 % of all of them, and under 3,000 characters of prose
# (paragraphs of 150+ characters, under 20 % links). wcxb-dev half A: 17 of 46 listings, 17 of 59 collections,
# 4 of 412 articles.
_HEADINGS = frozenset({"h2", "h3", "h4"})
_MIN_LINKED_HEADINGS = 6
_LINKED_HEADING_SHARE = 0.6
_PROSE_CHARS = 150
_LISTING_MAX_PROSE = 3000
# Elements that make posts and cards (a run of <p> or <td> is an article's or a table's own structure).
_CARD_TAGS = frozenset({"article", "div", "li", "section", "tr", "dd", "details", "figure"})
# The repeated group must hold this share of the page's text to say anything.
_MIN_SHARE = 0.25
# Listing cards: 40 to 400 characters each on average (a menu's items are shorter: "Home", "Contact us"), and
# this share of their text in links.
_CARD_MIN_CHARS = 40
_CARD_CHARS = 400
_CARD_LINKS = 0.15
_SPLIT = regex.compile(r"[-_\s]+")
_DIGITS = str.maketrans("", "", "0123456789")
# A price: a currency sign or code next to a number ("$19.99", "19,99 €", "EUR 20").
_PRICE = (r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\b)[^\S\n]?\d"
          r"|\d(?:[.,]\d\d)?[^\S\n]?(?:[€£]|\b(?:USD|EUR|GBP)\b)")
# Short lines a forum thread repeats under every post. The patterns match within one line ([^\S\n]: a space
# that is no line break), as they run over the short lines joined.
_FORUM_LINE = (
    r"(?:reply|quote|report|joined:?.*|posts?:[^\S\n]*\d[\d,.]*|replies:?[^\S\n]*\d+|#\d+|permalink|"
    r"upvote|downvote|"
    r"\d+[^\S\n]+(?:replies|votes?|points?|answers?)|asked\b.*|answered\b.*|edited\b.*|member since.*|"
    r"(?:original poster|op|moderator|new member|senior member|member|registered user|super contributor)|"
    r"accepted answer|solved|mark as solution|likes?:?[^\S\n]*\d*|\d+[^\S\n]+likes?)$")
# Calls to action of landing pages.
_CTA = (
    r"(?:get started|book (?:a|your|now)|request a (?:quote|demo|call)|contact us|get a (?:quote|demo)|"
    r"free (?:trial|consultation)|schedule (?:a|your)|start (?:free|your|now)|try (?:it )?(?:for )?free|"
    r"learn more|talk to (?:an? )?(?:expert|sales|us)|call (?:us|now)|get in touch|sign up)\b")
_CART = (r"\b(?:add to (?:cart|bag|basket|wishlist)|in stock|out of stock|buy now|sku\b|"
          r"in den warenkorb|ajouter au panier|free shipping|quantity|qty)")
_FILTER = (r"(?:sort by|filter|filters|show(?:ing)? \d+|\d+ (?:products|items|results)|"
           r"view (?:all|more)|load more|refine|price range|clear all)\b")
_READ_MORE = (r"(?:read more|continue reading|read full|more\b.*»|weiterlesen|lire la suite|"
              r"leer más|mehr)\b")
# One search per short line for a price or a cart line (a line with both counts as a cart line).
_SHOP = re.compile(f"(?i)(?P<cart>{_CART})|(?P<price>{_PRICE})")
# One anchored match per short line tells which of the four it is (the first that matches wins).
_LINE_KIND = re.compile(f"(?im)^(?:(?P<forum>{_FORUM_LINE})|(?P<cta>{_CTA})|(?P<filters>{_FILTER})|"
                       f"(?P<read_more>{_READ_MORE}))")


def _words(tokens: str) -> set[str]:
    return set(_SPLIT.split(tokens.translate(_DIGITS))) if tokens else set()


def structure_evidence(blocks: Sequence[Block]) -> Iterator[Evidence]:
    """The page's shape: repeated post or card elements, prices, cart and filter controls, code, sections."""
    total = sum(len(b.text) for b in blocks) or 1
    # Repeated siblings: per (parent, tag, class words without digits), the member elements; per element, the
    # characters of the blocks under it (the four innermost elements of each block: cards and posts sit there).
    chars: dict[int, int] = {}
    links: dict[int, int] = {}
    seen: dict[int, object] = {}
    sections = code = headings = linked_headings = prose = 0
    lines = _Lines()
    for block in blocks:
        text = block.text
        tag = block.tag
        if tag == "pre":
            code += 1
        elif tag in _HEADINGS:
            headings += 1
            linked_headings += block.link_chars * 2 > len(text)
        elif tag == "p" and len(text) > _PROSE_CHARS and block.link_chars * 5 < len(text):
            prose += len(text)
        if len(text) < _SHORT:
            lines.count(text)
        nodes = block.extra.get("nodes")
        if not isinstance(nodes, tuple):
            continue
        size = len(text)
        linked = block.link_chars
        for depth in range(max(1, len(nodes) - 4), len(nodes)):
            nid = nodes[depth].nid
            if nid in chars:
                chars[nid] += size
                links[nid] += linked
            else:
                chars[nid] = size
                links[nid] = linked
                seen[nid] = nodes[depth]
    groups: dict[tuple[int, str, str], list[tuple[int, int]]] = {}
    bare: dict[str, str] = {}
    for nid, node in seen.items():
        tag = node.tag  # type: ignore[attr-defined]
        if tag == "section":
            sections += 1
        if tag not in _CARD_TAGS:
            continue
        tokens = node.tokens  # type: ignore[attr-defined]
        if tokens:
            plain = bare.get(tokens)
            if plain is None:
                plain = bare[tokens] = tokens.translate(_DIGITS)
        else:
            plain = ""
        key = (node.parent.nid if node.parent is not None else -1, tag, plain)  # type: ignore[attr-defined]
        group = groups.get(key)
        if group is None:
            groups[key] = [(chars[nid], links[nid])]
        else:
            group.append((chars[nid], links[nid]))
    yield from _repeated(groups, total)
    if linked_headings >= _MIN_LINKED_HEADINGS and linked_headings >= _LINKED_HEADING_SHARE * headings \
            and prose < _LISTING_MAX_PROSE:
        yield "listing", 1.0, (f"{linked_headings} of {headings} headings are links and only {prose} characters of "
                               "prose: an index of teasers")
    if code >= 3:
        yield "documentation", 0.5 if code < 6 else 0.8, f"{code} code blocks"
    yield from lines.evidence()
    if sections >= 6:
        yield "service", 0.4, f"{sections} <section> elements"


def _repeated(groups: dict[tuple[int, str, str], list[tuple[int, int]]], total: int) -> Iterable[Evidence]:
    """The group of three or more same-named sibling elements that holds the most text, as evidence by its class
    words and its size: posts (forum), product cards (collection), short linked cards (listing)."""
    best: tuple[float, str, int, str, int, int] | None = None
    for key, sizes in groups.items():
        count = len(sizes)
        if count < 3:
            continue
        chars = sum(c for c, _ in sizes)
        share = chars / total
        if best is None or share > best[0]:
            best = (share, key[2], count, key[1], chars, sum(n for _, n in sizes))
    if best is None or best[0] < _MIN_SHARE:
        return
    share, tokens, count, tag, chars, linked = best
    words = _words(tokens)
    what = f"{count} repeated <{tag} class=\"{tokens[:40]}\"> elements hold {share:.0%} of the text"
    if words & _POST_WORDS and not words & _TEASER_WORDS:
        yield "forum", 0.5 + share, what
    elif words & _PRODUCT_WORDS:
        yield "collection", 0.5 + share, what
    elif _CARD_MIN_CHARS <= chars / count <= _CARD_CHARS and linked >= _CARD_LINKS * chars:
        # a teaser card is short and links somewhere; a listicle's items are long and hardly link, a menu's tiny
        yield "listing", 0.5 + share, what + f", {chars // count} characters each, {linked / chars:.0%} linked"


def text_evidence(blocks: Sequence[Block]) -> Iterator[Evidence]:
    """The text's shape (text mode): post furniture lines, prices, cart and filter lines, calls to action."""
    lines = _Lines()
    for block in blocks:
        if len(block.text) < _SHORT:
            lines.count(block.text)
    found = list(lines.evidence())
    yield from found
    if lines.forum >= _MIN_FURNITURE:
        yield from _unbroken_prose(blocks)


def _unbroken_prose(blocks: Sequence[Block]) -> Iterator[Evidence]:
    """An article with reader comments under it: one run between post furniture lines holds much of the prose
    (on a thread every post is cut off by its own "Reply" or "Joined" lines)."""
    runs = [0]
    for block in blocks:
        text = block.text
        if len(text) >= _PROSE_LINE:
            runs[-1] += len(text)
        elif len(text) < _SHORT and (found := _LINE_KIND.match(text)) is not None and found.lastgroup == "forum":
            runs.append(0)
    prose = sum(runs)
    if prose and max(runs) >= _UNBROKEN_SHARE * prose:
        yield "article", 0.5, f"one run without post furniture holds {max(runs) / prose:.0%} of the prose"


# Text mode: lines of 80+ characters are prose; a run holding 35 % of it is an article's body (wcxb-dev half A,
# pages with 10+ furniture lines: forums 0.10-0.41, mostly under 0.33; articles 0.15-0.83, most over 0.35).
_PROSE_LINE = 80
_UNBROKEN_SHARE = 0.35
_MIN_FURNITURE = 4
# Lines shorter than this are read for prices, post furniture and controls (longer ones are prose).
_SHORT = 60


class _Lines:
    """Counts of short lines that give a type away: prices, post furniture, calls to action, cart and filters.

    The lines are joined and searched once per page (a search per line costs more than the search itself)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.prices = self.forum = self.cta = self.cart = self.filters = self.read_more = 0

    def count(self, text: str) -> None:
        self.lines.append(text)

    def _tally(self) -> None:
        joined = "\n".join(self.lines)
        for found in _SHOP.finditer(joined):
            if found.lastgroup == "cart":
                self.cart += 1
            else:
                self.prices += 1
        for found in _LINE_KIND.finditer(joined):
            kind = found.lastgroup
            if kind == "forum":
                self.forum += 1
            elif kind == "cta":
                self.cta += 1
            elif kind == "filters":
                self.filters += 1
            else:
                self.read_more += 1

    def evidence(self) -> Iterator[Evidence]:
        self._tally()
        if self.prices >= 6:
            yield "collection", 0.6, f"{self.prices} short lines with prices"
        elif self.prices:
            yield "product", 0.3, f"{self.prices} short line(s) with a price"
        if self.cart:
            yield "product", 0.4, f"{self.cart} cart or stock line(s)"
        if self.filters >= 2:
            yield "collection", 0.4, f"{self.filters} filter, sort or count lines"
        if self.forum >= 4:
            yield "forum", 0.6 if self.forum < 10 else 1.0, f"{self.forum} short lines of post furniture"
        if self.cta >= 2:
            yield "service", 0.4, f"{self.cta} calls to action (get started, book, contact us)"
        if self.read_more >= 3:
            yield "listing", 0.5, f"{self.read_more} 'read more' links"
