"""Rules: markup. Structural boilerplate read from the HTML elements themselves (HTML only).

Each rule names the element that decided (e.g. ``inside <nav class="menu">``). One guard is shared: an
element that holds most of the page's prose paragraphs is the article itself, whatever its tag says
(pages that wrap everything in <header> or hide the body until scripts run).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ...context import Context
from ...document import Block
from ...features.html.elements import PageElements, has_role, inside, is_prose, nodes_of
from ...features.html.runs import depth_levels, outermost_in
from ...rule import HTML_ONLY, Mark, Rule, rule
from ...segment.html import Node

_ARTICLE_TAGS = frozenset({"article", "main"})
_NAV_ROLES = frozenset({"navigation", "menu", "menubar", "menuitem", "tablist", "toolbar"})
_BANNER_ROLES = frozenset({"banner"})
_FOOTER_ROLES = frozenset({"contentinfo"})
_ASIDE_ROLES = frozenset({"complementary"})
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
# An element holding at least this share of the page's prose is the article (guard against wrapper misuse).
_ARTICLE_SHARE = 0.5
_HIDDEN_PAGE_SHARE = 0.8


def _prose_blocks(ctx: Context) -> list[Block]:
    # Shared by the element rules until one of them marks a block (Context.memo).
    # A block's prose-ness never changes: the page's prose blocks are found once, the body's among them per state.
    prose = ctx.memo("page-prose", lambda: [b for b in ctx.blocks if is_prose(b)], labels=False)
    return ctx.memo("markup-prose", lambda: [b for b in prose if b.label == "body"])


def _prose_under(prose: list[Block], nodes: list[Node]) -> dict[int, int]:
    """Prose paragraphs under each of these elements: only prose counts, so only prose is walked, and only the
    depths the elements sit at are looked at (a block's path holds its element of depth d at index d)."""
    levels = depth_levels(nodes)
    under: dict[int, int] = {}
    for block in prose:
        path = nodes_of(block)
        size = len(path)
        for depth, ids in levels:
            if depth >= size:
                break
            nid = path[depth].nid
            if nid in ids:
                under[nid] = under.get(nid, 0) + 1
    return under


def _holds_article(node: Node, under: dict[int, int], prose: int, share: float = _ARTICLE_SHARE) -> bool:
    return prose >= 2 and under.get(node.nid, 0) >= max(2, share * prose)


Matcher = Callable[[Node], str | bool | None]


class Named:
    """A matcher naming an element (``match(node)`` gives why) and where such elements can be: the tags and ARIA
    roles it looks for, or the hidden elements. Only those elements of a page are asked."""

    def __init__(self, match: Matcher, tags: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset(),
                 hidden: bool = False) -> None:
        self.match, self.tags, self.roles, self.hidden = match, tags, roles, hidden

    def candidates(self, elements: PageElements) -> list[Node]:
        return elements.hidden if self.hidden else elements.named(self.tags, self.roles)


def _element_rule(ctx: Context, named: Named, share: float = _ARTICLE_SHARE,
                  skip: Callable[[Node, Block], bool] | None = None) -> Iterator[Mark]:
    """Mark every body block inside an element that ``named.match(node)`` names, unless it is the article.

    The outermost named element on a block's path decides; ``skip(node, block)`` vetoes it for one block.
    """
    # Most rules name no element of a given page (no <dialog>, no role="search"): one index of the page's elements.
    elements = ctx.memo("page-elements", lambda: PageElements(ctx.blocks, _NAMED_TAGS), labels=False)
    match = named.match
    found = [(node, why) for node in named.candidates(elements) if (why := match(node))]
    if not found:
        return
    prose = _prose_blocks(ctx)  # element statistics: computed only once some element matches
    under = _prose_under(prose, [node for node, _ in found])
    kept = {node.nid: (node, str(why)) for node, why in found
            if not _holds_article(node, under, len(prose), share)}
    if not kept:
        return
    reasons: dict[int, str] = {}  # one reason string per element, however many blocks it holds
    for block, (node, why) in outermost_in(ctx, [n for n, _ in kept.values()], lambda n: kept[n.nid]):
        if skip is None or not skip(node, block):
            reason = reasons.get(node.nid)
            if reason is None:
                reason = reasons[node.nid] = f"inside {node.describe()}: {why}"
            yield block.index, reason


@rule("hidden-element", "hidden", modes=HTML_ONLY)
def hidden_element(ctx: Context) -> Iterator[Mark]:
    """Text inside an element the page does not display (hidden attribute, display:none, aria-hidden)."""
    # Only a page hidden almost entirely is "shown by scripts later" (anti-flicker wrappers): guard at 80 %.
    yield from _element_rule(ctx, _hidden, _HIDDEN_PAGE_SHARE)


_hidden = Named(lambda node: node.hidden and f"not displayed ({node.hidden})", hidden=True)


def _tag_or_role(tags: frozenset[str], roles: frozenset[str]) -> Named:
    """A matcher naming an element by one of its tags or ARIA roles."""

    def match(node: Node) -> str | None:
        if node.tag in tags:
            return f"{'an' if node.tag[0] in 'aeiou' else 'a'} <{node.tag}> element"
        role = has_role(node, roles)
        return f'role="{role}"' if role else None

    return Named(match, tags, roles)


_nav = _tag_or_role(frozenset({"nav", "menu"}), _NAV_ROLES)
_aside = _tag_or_role(frozenset({"aside"}), _ASIDE_ROLES)
_dialog = _tag_or_role(frozenset({"dialog"}), _DIALOG_ROLES)
_form = _tag_or_role(frozenset({"form", "fieldset"}), frozenset({"form", "search"}))
# Every tag an element rule names (the page index keeps only these).
_NAMED_TAGS = frozenset({"header", "footer"}) | _nav.tags | _aside.tags | _dialog.tags | _form.tags


@rule("navigation-element", "navigation", modes=HTML_ONLY)
def navigation_element(ctx: Context) -> Iterator[Mark]:
    """Menus: text inside <nav>, <menu> or an element with role navigation, menu, menubar or toolbar."""
    yield from _element_rule(ctx, _nav)


def _banner(node: Node) -> str | None:
    if node.tag == "header" and not _in_article(node):
        return "a page <header> outside any <article> or <main>"
    role = has_role(node, _BANNER_ROLES)
    return f'role="{role}"' if role else None


def _in_article(node: Node) -> bool:
    current: Node | None = node
    while current is not None:
        if current.tag in _ARTICLE_TAGS:
            return True
        current = current.parent
    return False


def _article_inside(node: Node, block: Block) -> bool:
    """A <header> that holds the block's <article>: the article's own header, not the page's."""
    return node.tag == "header" and inside(block, _ARTICLE_TAGS) is not None


@rule("page-header", "header", modes=HTML_ONLY)
def page_header(ctx: Context) -> Iterator[Mark]:
    """The site banner: a <header> outside the article, or an element with role="banner"."""
    yield from _element_rule(ctx, Named(_banner, frozenset({"header"}), _BANNER_ROLES), skip=_article_inside)


def _footer(node: Node) -> str | None:
    if node.tag == "footer":
        return f"a <footer> {'inside the article' if _in_article(node) else 'of the page'}"
    role = has_role(node, _FOOTER_ROLES)
    return f'role="{role}"' if role else None


@rule("page-footer", "footer", modes=HTML_ONLY)
def page_footer(ctx: Context) -> Iterator[Mark]:
    """Footers: text inside <footer> (page or article footer) or an element with role="contentinfo"."""
    yield from _element_rule(ctx, Named(_footer, frozenset({"footer"}), _FOOTER_ROLES))


@rule("aside-element", "sidebar", modes=HTML_ONLY)
def aside_element(ctx: Context) -> Iterator[Mark]:
    """Sidebars and boxes beside the text: <aside> or role="complementary"."""
    yield from _element_rule(ctx, _aside)


@rule("dialog-element", "overlay", modes=HTML_ONLY)
def dialog_element(ctx: Context) -> Iterator[Mark]:
    """Pop-ups and overlays (cookie banners, sign-up modals): <dialog> or role="dialog"."""
    yield from _element_rule(ctx, _dialog)


_TITLE_SPLIT = regex.compile(r"\s+[|\-–—:·•»«/]\s+|\s+::\s+")
_WORDS = regex.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def _similarity(heading: str, reference: str) -> float:
    """Share of the longer text's words found in the shorter one, for headings against page titles."""
    return _word_similarity(_word_forms(heading), _word_forms(reference))


_WordForms = tuple[int, str, frozenset[str]]  # a text's word count, its words joined by spaces, its word set


def _word_forms(text: str) -> _WordForms:
    words = _words(text)
    return len(words), " ".join(words), frozenset(words)


def _word_similarity(a: _WordForms, b: _WordForms) -> float:
    """_similarity of two texts' word forms (each text's words found once, not once per pair)."""
    if not a[0] or not b[0]:
        return 0.0
    if a[1] in b[1] or b[1] in a[1]:
        return min(a[0], b[0]) / max(a[0], b[0]) + 1.0
    return len(a[2] & b[2]) / max(len(a[2]), len(b[2]))


def clean_page_title(title: str, site_name: str | None) -> str:
    """The <title> without its site-name part ("Budget passes | City News" gives "Budget passes")."""
    parts = [p.strip() for p in _TITLE_SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    if site_name:
        rest = [p for p in parts if p.casefold() != site_name.casefold()]
        if rest and len(rest) < len(parts):
            return " - ".join(rest)
    return max(parts, key=lambda p: len(_words(p)))


@rule("html-headline", "title", modes=HTML_ONLY, label="title")
def html_headline(ctx: Context) -> Iterator[Mark]:
    """The headline: the heading that matches the page title (og:title, JSON-LD headline or <title>)."""
    meta = ctx.metadata
    references = [meta[k] for k in ("og:title", "jsonld_headline", "twitter:title", "headline", "html_title")
                  if isinstance(meta.get(k), str) and meta[k]]
    headings = [b for b in ctx.blocks if b.tag in ("h1", "h2", "h3") and b.label == "body" and len(b.text) <= 300]
    best: tuple[float, int, Block] | None = None
    forms = [_word_forms(r) for r in dict.fromkeys(references)]  # og:title and <title> often say the same
    for block in headings:
        level_bonus = {"h1": 0.2, "h2": 0.1}.get(block.tag, 0.0)
        heading = _word_forms(block.text)
        score = max((_word_similarity(heading, r) for r in forms), default=0.0)
        if score >= 0.6:
            key = (score + level_bonus, -block.index, block)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is not None:
        block = best[2]
        # Scores over 1 mean one text contains the other (see _similarity); the reason says so in words.
        heading = _word_forms(block.text)
        score = max(_word_similarity(heading, r) for r in forms)
        how = (f"one contains the other, word ratio {score - 1:.2f}" if score >= 1
               else f"shared words {score:.2f} >= 0.60")
        yield block.index, f"<{block.tag}> matching the page title ({how})"
        return
    h1s = [b for b in headings if b.tag == "h1"]
    # Without a page title, the only <h1> is the headline. With one that the <h1> does not repeat, the <h1> heads a
    # part of the text (Readability keeps it in the article) and the title comes from the page title below.
    if len(h1s) == 1 and not references:
        yield h1s[0].index, "the page's only <h1>"
        return
    if references and "title" not in meta:
        meta["title"] = clean_page_title(references[0], meta.get("og:site_name"))


@rule("form-element", "tools", modes=HTML_ONLY)
def form_element(ctx: Context) -> Iterator[Mark]:
    """Forms: labels and help text of comment, search and contact forms (<form>, <fieldset>, role="search")."""
    # Pages built on one <form> around everything (ASP.NET) keep their article: the element guard applies.
    yield from _element_rule(ctx, _form)


RULES: list[Rule] = [html_headline, hidden_element, navigation_element, page_header, page_footer, aside_element,
                     dialog_element, form_element]
