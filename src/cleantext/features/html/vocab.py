"""Class/id vocabulary of page furniture, grouped by concept (data, not logic).

Each concept lists ``words`` (one word of a class or id, after splitting on - _ and spaces: "post-share-bar"
has the words post, share, bar) and ``names`` (regexes matched against a whole class or id value, for names
whose words alone would be too broad: "tag-noodles" is a WordPress post class, "post-tags" is a tag list).
Sources: Readability.js REGEXPS (unlikelyCandidates, negative, byline), trafilatura's xpaths.py discard lists,
and the class names seen on the dev sets' pages (WordPress, Drupal, TYPO3, Blogger, Jetpack themes).
False friends are handled by the word split ("commentary" is not "comment", "nav-less" has the word "nav"
but "navless" has not) and by the guard in the rules: an element that holds the article is never furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex


@dataclass(frozen=True)
class Concept:
    """One kind of page furniture recognised by class/id names."""

    rule: str  # the rule name that removes it
    kind: str  # the boilerplate kind in reasons and switches
    description: str  # one line for --list-rules
    words: frozenset[str]
    names: regex.Pattern[str] | None = None
    # Word beginnings: "relatedarticle", "newsletterbox" (words glued together without a separator).
    prefixes: tuple[str, ...] = ()


# A name sits between word separators (or the ends of the value): what _names puts around its patterns.
_BEFORE_NAME, _AFTER_NAME = "(?:^|[-_])(?:", ")(?:$|[-_])"


def _names(*patterns: str) -> regex.Pattern[str]:
    """Patterns found anywhere in a class value, between word separators ("bmg-author-box" has "author-box")."""
    return regex.compile(_BEFORE_NAME + "|".join(patterns) + _AFTER_NAME)


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "comment-section", "comments-widget",
        "Reader comments and comment forms (class/id words like comments, disqus, respond, kommentare).",
        frozenset({"comment", "comments", "commentlist", "commentform", "commentsection", "disqus", "respond",
                   "replies", "kommentar", "kommentare", "comentarios", "comentario", "commentaires",
                   "commentaire", "komentarze", "commenti", "discussion", "pingback", "trackback",
                   "pingbacks", "trackbacks"}),
        _names(r"comments?[-_]?(area|list|form|wrap|wrapper|section|block|container|holder|thread|body)s?",
               r"(wp|fb|fb-)comments?", r"reply[-_]?title", r"akismet.*"),
        prefixes=("comment", "disqus", "kommentar", "komentarz"),
    ),
    Concept(
        "share-bar", "social-links",
        "Share and follow buttons (class/id words like share, sharing, social, addthis, sharedaddy).",
        frozenset({"share", "shares", "sharing", "sharebar", "sharebox", "sharetools", "social", "socials",
                   "sociallinks", "socialmedia", "sharedaddy", "shareaholic", "addthis", "addtoany", "a2a",
                   "teilen", "partager", "compartir", "follow", "followus"}),
        _names(r"(fb|twitter|whatsapp|linkedin|pinterest)[-_]?(share|button|link)s?"),
        prefixes=("sharing", "share", "addthis", "shariff"),
    ),
    Concept(
        "related-links", "related-links",
        "Related, recommended and read-next lists (class/id words like related, recommended, outbrain).",
        frozenset({"related", "relatedposts", "relatedarticles", "relatedlinks", "relatedstories",
                   "recommended", "recommendation", "recommendations", "outbrain", "taboola", "zergnet",
                   "readnext", "morestories", "moreposts", "alsoread", "verwandte", "aehnliche",
                   "relacionadas", "relacionados", "similar", "crosslinks", "crp"}),
        _names(r"(more|also|next|other)[-_]?(stories|articles|posts|news|from)", r"read[-_]?(also|next)",
               r"lee[-_]?tambien.*", r"mehr[-_]?zum[-_]?thema", r"same[-_]?topic", r"bloc[-_]same[-_]topic.*",
               r"(post|prev|next)[-_]?(next|prev)[-_]?.*", r"nav[-_]?links", r"post[-_]?navigation"),
        prefixes=("related", "outbrain", "taboola", "relacionad"),
    ),
    Concept(
        "newsletter-box", "newsletter-prompt",
        "Newsletter, subscription and sign-up boxes (class/id words like newsletter, subscribe, signup).",
        frozenset({"newsletter", "newsletters", "subscribe", "subscription", "subscriptions", "signup",
                   "optin", "mailchimp", "mc4wp", "paywall", "buybox", "abo", "abonnement", "inscription",
                   "suscripcion", "promo", "promotion", "cta"}),
        # "free-trial": the sign-up box of a product blog ("Ready to get started? Get free trial").
        _names(r"sign[-_]?up.*", r"mc[-_]?embed.*", r"email[-_]?(signup|capture|form)", r"opt[-_]?in.*",
               r"free[-_]?trial"),
        prefixes=("newsletter", "subscribe"),
    ),
    Concept(
        "author-bio", "author-box",
        "Author boxes and bylines (class/id words like author-bio, byline, about-author, writtenby).",
        frozenset({"byline", "bylines", "authorbox", "authorbio", "writtenby", "abh", "dateline", "autor",
                   "autorin", "auteur", "signature"}),
        _names(r"(about|post|entry|article)?[-_]?authors?([-_]?(bio|box|info|card|details|description|"
               r"name|wrap|wrapper|meta|block|area|profile|avatar|tab|section))?", r"p-author", r"vcard",
               r"bio([-_]?(box|block|wrap))?"),
    ),
    Concept(
        "post-meta", "byline",
        "Post metadata rows: date, author, views, filed-under (class names like post-meta, entry-meta, postmetadata).",
        # The theme's row of facts about the post ("Post Views: 111", "Erstellt: vor 4 Stunden", WordPress's "This
        # entry was posted on ... and is filed under ..."): on the dev sets every line kept inside one is metadata.
        frozenset({"postmetadata", "postmeta", "entrymeta"}),
        _names(r"(post|entry|article)[-_]?meta(data)?"),
    ),
    Concept(
        "tag-list", "tags",
        "Tag and category lists (class names like post-tags, tag-list, tagcloud, keywords, schlagworte).",
        frozenset({"tagcloud", "taglist", "tagslist", "keywords", "schlagworte", "schlagwoerter", "etiquetas"}),
        _names(r"((post|entry|article|story|list|meta|news|item)[-_]?)?tags([-_]?(list|links|cloud|box|wrap|"
               r"wrapper|container|section|block|holder))?", r"tag[-_]?(list|links|cloud|box)",
               r"(post|entry|article)[-_]?(categories|category|cats|terms)", r"cat[-_]?links",
               r"taxonomy.*"),
    ),
    Concept(
        "image-caption", "image-caption",
        "Figure captions and photo credits (<figcaption>, class words like caption, credit, copyright).",
        frozenset({"caption", "captions", "figcaption", "credit", "credits", "copyright", "imagecredit",
                   "photocredit", "bildunterschrift", "bildnachweis", "legende", "legends", "didascalia"}),
        _names(r"wp[-_]caption[-_]text", r"(image|img|photo|media|picture)[-_]?(source|credit|copyright|caption)s?"),
    ),
    Concept(
        "advert", "advert",
        "Advertising slots (class/id words like ad, ads, advert, sponsored, anzeige, werbung).",
        frozenset({"ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsbygoogle",
                   "adslot", "adunit", "adzone", "sponsored", "sponsor", "anzeige", "werbung", "publicidad",
                   "dfp", "gpt", "commercial", "affiliate"}),
        _names(r"ad[-_]?(container|wrapper|slot|unit|box|block|space|placeholder|label|leaderboard)s?.*",
               r"google[-_]?ads?.*", r"div[-_]gpt[-_]ad.*"),
        prefixes=("advert", "sponsor"),
    ),
    Concept(
        "cookie-notice", "cookie-notice",
        "Cookie and consent notices (class/id words like cookie, consent, gdpr, cmp, onetrust).",
        frozenset({"cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebanner", "cookiebar",
                   "cookienotice", "privacy", "usercentrics", "didomi"}),
        None,
        prefixes=("cookie", "consent"),
    ),
    Concept(
        "breadcrumb-trail", "navigation",
        "Breadcrumb trails and cross-reference notes (class/id words like breadcrumb, crumbs, hatnote).",
        # MediaWiki's hatnotes ("Main article: X", "For other uses, see Y") point to other pages, like a trail.
        frozenset({"breadcrumb", "breadcrumbs", "crumbs", "crumb", "brotkrumen", "hatnote", "dablink", "rellink"}),
        _names(r"breadcrumb.*"),
        prefixes=("breadcrumb",),
    ),
    Concept(
        "sidebar-widget", "sidebar",
        "Sidebars and widgets (class/id words like sidebar, widget, rail, marginal).",
        frozenset({"sidebar", "sidebars", "rail", "rightrail", "marginal", "marginalia",
                   "sidebox", "aside", "skyscraper", "rightcol", "leftcol"}),
        # Page builders (Elementor, SiteOrigin) call every block a widget: only plain widget names count.
        _names(r"(?<![\w-])widgets?(?![\w-])", r"(?<![\w-])widget[-_]?(area|container|wrap|wrapper|column)s?(?![\w-])",
               r"(sidebar|footer)[-_]?widgets?.*"),
        prefixes=("sidebar",),
    ),
    Concept(
        "popup-overlay", "overlay",
        "Pop-ups, modals and overlays (class/id words like modal, popup, overlay, lightbox).",
        frozenset({"modal", "popup", "popups", "overlay", "lightbox", "interstitial", "flyout"}),
        None,
    ),
    Concept(
        "page-tools", "tools",
        "Print, font-size, bookmark and rating tools; pagination (words like print, toolbar, pagination).",
        frozenset({"toolbar", "tools", "printbutton", "bookmark", "bookmarks", "rating", "ratings",
                   "pagination", "pager", "paging", "skiplink", "skiplinks", "backlink", "backtotop",
                   "zurueck", "drucken", "merkliste", "hidden-print"}),
        _names(r"(article|post|page)[-_]?(tools|actions|utilities)", r"skip[-_]?(link|links|to[-_]?content)",
               r"back[-_]?(link|to[-_]?top|to[-_]?list)", r"print[-_]?(button|link|icon|article|page|this)s?"),
    ),
    Concept(
        "popular-list", "related-links",
        "Most-read and trending lists (class/id words like popular, trending, mostread, meistgelesen).",
        frozenset({"popular", "trending", "mostread", "mostpopular", "meistgelesen", "mostviewed",
                   "topstories"}),
        _names(r"most[-_]?(read|popular|viewed|shared|commented)"),
    ),
)

# Furniture that never holds running text: an element of these kinds with three or more prose paragraphs is
# misnamed ("TestReport__Section--Ads" is a report section that carries ad slots), so its name does not count.
# Share bars and affiliate notes are left out: embed placeholders and disclaimers run to two paragraphs (dev sets).
PROSELESS_KINDS = frozenset({"advert", "navigation", "tools", "overlay", "cookie-notice"})
PROSELESS_MAX_PARAGRAPHS = 2

_WORD_SPLIT = regex.compile(r"[-_\s]+")
# Words that start like furniture but are not ("commentary" is an article genre).
_FALSE_FRIENDS = frozenset({"commentary", "commentaries", "commentator", "shared", "sharepoint", "adverb",
                            "advertorial"})
_MODIFIERS = frozenset({"has", "no", "with", "without", "show", "hide", "enable", "enabled", "disable", "disabled",
                        "is", "allow", "open", "closed", "not"})


def split_words(name: str) -> list[str]:
    """The words of a class or id value: "post-share_bar" gives post, share, bar."""
    return [w for w in _WORD_SPLIT.split(name.lower()) if w]


# Any concept's names, words and word beginnings at once: most class values ("row", "col-md-8") name no concept,
# and one search and one look per word rule them out where the loop below tries each concept in turn.
_ANY_NAME = regex.compile("|".join(f"(?:{c.names.pattern})" for c in CONCEPTS if c.names is not None))
# The same test for ASCII values (nearly all class names), where ``re`` and ``regex`` agree on every class
# (\w included): the standard library's engine with the separators tested once, not once per concept, is 4x
# faster on the dev sets' 20,000 class values, each of which is looked up here at least once.
_ANY_NAME_ASCII = re.compile(_BEFORE_NAME + "|".join(
    c.names.pattern[len(_BEFORE_NAME):-len(_AFTER_NAME)] for c in CONCEPTS if c.names is not None) + _AFTER_NAME)
_ANY_WORD = frozenset().union(*(c.words for c in CONCEPTS))
_ANY_PREFIX = tuple(p for c in CONCEPTS for p in c.prefixes)
# Any word beginning anywhere in the value: a word can start with one only where the value holds it.
_ANY_PREFIX_IN = re.compile("|".join(map(re.escape, _ANY_PREFIX)))


# Class values repeat across elements and pages ("row", "col-md-8", "entry-content"): each is matched once.
@lru_cache(maxsize=65536)
def match_concept(name: str) -> tuple[Concept, str] | None:
    """The concept a single class or id value names, and the word or name that matched."""
    low = name.lower()
    if low.isascii() and low.isprintable():
        # Printable ASCII separates words only by - _ and space: str methods split it 2x faster than the regex, and
        # a set test and one search for the word beginnings rule out the words of most values (every class value
        # of a page not seen before is looked up here once).
        if (_ANY_WORD.isdisjoint(low.replace("_", "-").replace(" ", "-").split("-"))
                and _ANY_PREFIX_IN.search(low) is None and _ANY_NAME_ASCII.search(low) is None):
            return None
        words = [w for w in _WORD_SPLIT.split(low) if w]
    else:
        words = [w for w in _WORD_SPLIT.split(low) if w]
        if (not any(w in _ANY_WORD or w.startswith(_ANY_PREFIX) for w in words)
                and not (_ANY_NAME_ASCII if low.isascii() else _ANY_NAME).search(low)):
            return None
    for concept in CONCEPTS:
        if concept.names is not None and concept.names.search(low):
            return concept, low
        for i, word in enumerate(words):
            # "has-sidebar", "no-comments", "with-ads" describe the page, they do not name the element.
            if i and words[i - 1] in _MODIFIERS:
                continue
            if word in concept.words or (word.startswith(concept.prefixes) and word not in _FALSE_FRIENDS):
                return concept, word
    return None
