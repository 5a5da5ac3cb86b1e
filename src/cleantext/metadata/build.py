"""Build a page's Metadata from the evidence the HTML walk read and the blocks the rule chain decided on.

Each field takes the first source that gives a usable value, in order of trust: structured data written for
machines (JSON-LD, microdata, Open Graph, <meta>), then what the page shows (<time>, the byline and date lines the
rules found), then the URL. Nothing here parses the page again: the walk kept what is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import regex

from ..document import Block
from .dates import find_date, leading_date, parse_date, url_date
from .language import OVERRULE_PERCENT, SAMPLE_CHARS, available, detect, normalise_tag, primary
from .model import Metadata
from .people import clean_name, names_from_line, names_from_value

# Raw keys per field, in order of trust, with the source each one counts as.
_TITLE_KEYS = (("og:title", "open-graph"), ("jsonld_headline", "json-ld"), ("twitter:title", "meta"),
               ("html_title", "title-tag"))
_AUTHOR_KEYS = (("jsonld_author", "json-ld"), ("dc.creator", "meta"), ("dcterms.creator", "meta"),
                ("author", "meta"), ("parsely-author", "meta"), ("sailthru.author", "meta"),
                ("citation_author", "meta"), ("byl", "meta"), ("article:author", "open-graph"),
                ("book:author", "open-graph"), ("creator", "meta"), ("authors", "meta"))
_PUBLISHED_KEYS = (("jsonld_date_published", "json-ld"), ("article:published_time", "open-graph"),
                   ("og:article:published_time", "open-graph"), ("article:published", "open-graph"),
                   ("datepublished", "microdata"), ("published_time", "meta"), ("parsely-pub-date", "meta"),
                   ("sailthru.date", "meta"), ("dc.date.issued", "meta"), ("dcterms.issued", "meta"),
                   ("citation_publication_date", "meta"), ("citation_date", "meta"), ("pubdate", "meta"),
                   ("publishdate", "meta"), ("publish-date", "meta"), ("publish_date", "meta"),
                   ("date", "meta"), ("dc.date", "meta"), ("dcterms.date", "meta"), ("dc.date.created", "meta"),
                   ("dcterms.created", "meta"), ("date.created", "meta"), ("jsonld_date_created", "json-ld"),
                   ("datecreated", "microdata"), ("release_date", "meta"))
_MODIFIED_KEYS = (("jsonld_date_modified", "json-ld"), ("article:modified_time", "open-graph"),
                  ("article:modified", "open-graph"), ("og:updated_time", "open-graph"),
                  ("datemodified", "microdata"), ("modified_time", "meta"), ("dcterms.modified", "meta"),
                  ("dc.date.modified", "meta"), ("date.updated", "meta"), ("last-modified", "meta"))
_URL_KEYS = (("canonical", "canonical"), ("og:url", "open-graph"), ("jsonld_url", "json-ld"),
             ("twitter:url", "meta"))
_SITE_KEYS = (("og:site_name", "open-graph"), ("jsonld_site_name", "json-ld"), ("jsonld_publisher", "json-ld"),
              ("jsonld_site_org", "json-ld"), ("application-name", "meta"), ("dc.publisher", "meta"),
              ("publisher", "meta"))
_LANG_KEYS = (("html_lang", "html-lang"), ("content-language", "meta"), ("jsonld_language", "json-ld"),
              ("og:locale", "open-graph"), ("dc.language", "meta"), ("language", "meta"), ("inlanguage", "microdata"))
_DESCRIPTION_KEYS = (("description", "meta"), ("og:description", "open-graph"), ("jsonld_description", "json-ld"),
                     ("twitter:description", "meta"), ("dc.description", "meta"))
_IMAGE_KEYS = (("og:image", "open-graph"), ("og:image:secure_url", "open-graph"), ("og:image:url", "open-graph"),
               ("jsonld_image", "json-ld"), ("twitter:image", "meta"), ("twitter:image:src", "meta"),
               ("thumbnail", "meta"), ("image", "meta"))
_CATEGORY_KEYS = (("article:section", "open-graph"), ("jsonld_section", "json-ld"), ("parsely-section", "meta"),
                  ("category", "meta"), ("dc.subject", "meta"))
_TAG_KEYS = (("article:tag[]", "open-graph"), ("jsonld_keywords", "json-ld"), ("news_keywords", "meta"),
             ("keywords", "meta"), ("parsely-tags", "meta"))
# Kinds of removed blocks that hold bylines and dates, and class/id words of elements that hold them.
_BYLINE_KINDS = frozenset({"byline", "author-box", "kicker"})
_AUTHOR_KINDS = frozenset({"byline", "author-box"})
# Removed blocks of these kinds are menus and page furniture: "Courses by Topic" there is not a byline.
_NOT_BYLINE_KINDS = frozenset({"navigation", "header", "footer", "sidebar", "tools", "hidden", "overlay",
                               "related-links", "social-links", "advert", "cookie-notice", "comments-widget",
                               "newsletter-prompt", "tags", "legal-footer"})
_AUTHOR_WORDS = ("author", "byline", "autor", "auteur", "writer", "verfasser", "journalist", "creator")
# Blocks read on each side of the headline for a byline or a date (text mode: lines), and how long they may be.
_REACH = 30
_HEADER_REACH = 3
_DATELINE_REACH = 5
_NEAR_HEADLINE = 8
_MAX_BYLINE_CHARS = 200
# A line without byline or date class words is read for "By Jane Doe" or a date only up to this length.
_MAX_OPENER_LINE = 80
_MAX_DATE_LINE = 60
# Class/id words of the elements that hold a page's date.
_DATE_WORDS = ("date", "datum", "time", "publish", "posted", "fecha", "dateline", "timestamp", "submitted", "meta",
               "byline", "info", "zeit", "data", "author")
# Elements under these class/id words belong to a comment, a teaser or a sidebar, not to the page.
_NOT_PAGE_TIMES = ("comment", "reply", "related", "teaser", "sidebar", "widget", "footer", "recent", "popular")
_COMMENT_WORDS = ("comment", "reply", "related", "teaser")
# "Written by" in a twitter:label1, in the languages WordPress SEO plugins write it.
_WRITTEN_BY = regex.compile(r"written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da|"
                            r"geschreven door|autor|author|auteur", regex.IGNORECASE)
# Links to an author's page, and a link's text and href number in a block's Markdown form (segment.pieces).
_AUTHOR_LINK = regex.compile(
    r"/(?:authors?|autor(?:en|in|es|a)?|auteurs?|redakteur(?:e|in)?|reporters?|journalist(?:en|s)?|writers?|"
    r"contributors?|columnists?|kolumnist(?:en)?|mitarbeiter|profil|profile)(?:/|\.html|$|\?)", regex.IGNORECASE)
_LINK_TEXT = regex.compile("\ue016([^\ue016\ue017]{1,80})\ue017(\\d+)\ue018")


def build_metadata(raw: Mapping[str, Any], blocks: Sequence[Block], mode: str, title: str | None,
                   latest: dt.date | None = None) -> Metadata:
    """The page's Metadata from the walk's raw dict, the decided blocks, the mode and the headline found."""
    sources: dict[str, str] = {}
    fields: dict[str, Any] = {}

    if title:
        fields["title"], sources["title"] = title, "headline"
    else:
        _first_text(raw, _TITLE_KEYS, "title", fields, sources)

    url_value, url_source = _first(raw, _URL_KEYS, _as_url)
    if url_value:
        fields["url"], sources["url"] = url_value, url_source

    near = _near_headline(blocks, mode)
    authors, source = _authors(raw, near, mode)
    if authors:
        fields["authors"], sources["authors"] = tuple(authors), source

    published, source = _published(raw, blocks, near, url_value or "", latest)
    if published:
        fields["date_published"], sources["date_published"] = published.isoformat(), source
    modified, source = _first(raw, _MODIFIED_KEYS, lambda v: parse_date(v, latest))
    if modified and (not published or modified >= published):
        fields["date_modified"], sources["date_modified"] = modified.isoformat(), source

    _first_text(raw, _SITE_KEYS, "site_name", fields, sources)
    _first_text(raw, _DESCRIPTION_KEYS, "description", fields, sources)
    image, source = _first(raw, _IMAGE_KEYS, _as_url)
    if image:
        fields["image"], sources["image"] = image, source
    for name, keys in (("categories", _CATEGORY_KEYS), ("tags", _TAG_KEYS)):
        for key, source in keys:
            values = _terms(raw.get(key))
            if values:
                fields[name], sources[name] = tuple(values), source
                break

    language, source = _language(raw, blocks, mode)
    if language:
        fields["language"], sources["language"] = language, source
    return Metadata(**fields, sources=sources, raw=raw)


def _first(raw: Mapping[str, Any], keys: Iterable[tuple[str, str]], read: Any) -> tuple[Any, str]:
    for key, source in keys:
        value = raw.get(key)
        if value:
            found = read(value)
            if found:
                return found, source
    return None, ""


def _first_text(raw: Mapping[str, Any], keys: Iterable[tuple[str, str]], name: str, fields: dict[str, Any],
                sources: dict[str, str]) -> None:
    value, source = _first(raw, keys, _as_text)
    if value:
        fields[name], sources[name] = value, source


def _as_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    return None


def _as_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    if isinstance(value, str):
        value = value.strip()
        if value.startswith(("http://", "https://", "//", "/")):
            return value
    return None


def _terms(value: Any) -> list[str]:
    """Category or tag names from a string ("a, b"), or a list of strings, without repeats."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    out: list[str] = []
    for item in items[:50]:
        if not isinstance(item, str):
            continue
        for part in item.split(",") if "," in item else [item]:
            term = " ".join(part.split())
            if term and len(term) <= 100 and term not in out:
                out.append(term)
    return out[:50]


def _authors(raw: Mapping[str, Any], near: Sequence[Block], mode: str) -> tuple[list[str], str]:
    persons = raw.get("jsonld_persons") if isinstance(raw.get("jsonld_persons"), dict) else None
    publishers = {_as_text(raw.get(k)) for k, _ in _SITE_KEYS} - {None}
    publishers = {" ".join(p.casefold().split()) for p in publishers if p}
    for key, source in _AUTHOR_KEYS:
        value = raw.get(key + "[]") or raw.get(key)
        names = [n for n in names_from_value(value, 0, persons) if clean_name(n)]
        if names and all(" ".join(n.casefold().split()) in publishers for n in names):
            continue  # the site's own name in the author field: the page names no person
        if names:
            return names, source
    # WordPress and others: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name.
    label, data = raw.get("twitter:label1"), raw.get("twitter:data1")
    if isinstance(label, str) and isinstance(data, str) and _WRITTEN_BY.search(label) and clean_name(data):
        return [" ".join(data.split())], "meta"
    for block in near:
        own = _own_tokens(block)
        names = _linked_authors(block) if mode == "html" else []
        if not names and block.kind not in _NOT_BYLINE_KINDS:
            named = any(w in own for w in _AUTHOR_WORDS)
            marked = named or block.kind in _AUTHOR_KINDS
            if not (marked or len(block.text) <= _MAX_OPENER_LINE):
                continue
            names = names_from_line(block.text, need_opener=not marked, bare=named)
        if names:
            microdata = any(k == "itemprop" and "author" in v.lower()
                            for n in block.extra.get("nodes", ())[-2:] for k, v in n.attrs)
            return names, "microdata" if microdata else "byline"
    return [], ""


def _linked_authors(block: Block) -> list[str]:
    """Names written as links to an author page (/author/jane-doe, /autoren/…) in a short block."""
    hrefs = block.extra.get("hrefs")
    md = block.extra.get("md")
    if not hrefs or not md or len(block.text) > _MAX_BYLINE_CHARS:
        return []
    names = []
    for match in _LINK_TEXT.finditer(md):
        at = int(match[2])
        if at < len(hrefs) and _AUTHOR_LINK.search(hrefs[at]):
            name = clean_name(match[1])
            if name and name not in names:
                names.append(name)
    return names


def _near_headline(blocks: Sequence[Block], mode: str) -> list[Block]:
    """Short blocks that may hold a byline or a date, nearest the headline first: those around it, and those the
    rules removed as bylines anywhere; never inside comments, teasers or sidebars. Without a headline, the
    blocks around the first kept one."""
    centre = centre_of(blocks)
    reach = _REACH if mode == "html" else _NEAR_HEADLINE
    low, high = max(0, centre - reach), centre + reach + 1
    picked = blocks[low:high] + [b for b in blocks[:low] if b.kind in _BYLINE_KINDS] + [
        b for b in blocks[high:] if b.kind in _BYLINE_KINDS]
    found = []
    for block in picked:
        if len(block.text) > _MAX_BYLINE_CHARS or block.label == "title":
            continue
        # Right by the headline a "teaser" or "widget" class is the article's own header; further off it is not.
        # Comments are never the page's.
        if mode == "html":
            near = _near_tokens(block)
            words = _NOT_PAGE_TIMES if abs(block.index - centre) > _HEADER_REACH else ("comment", "reply")
            if any(w in near for w in words):
                continue
        found.append(block)
    found.sort(key=lambda b: (abs(b.index - centre), b.index))
    return found


def centre_of(blocks: Sequence[Block]) -> int:
    """The index of the headline block, else of the first kept block, else 0."""
    centre = next((b.index for b in blocks if b.label == "title"), None)
    if centre is None:
        centre = next((b.index for b in blocks if b.label == "body"), 0)
    return centre


def _near_tokens(block: Block) -> str:
    """The class/id words of a block's four innermost elements (a page-wide wrapper's words say nothing)."""
    nodes = block.extra.get("nodes")
    return " ".join([n.tokens for n in nodes[-4:] if n.tokens]) if isinstance(nodes, tuple) else ""


def _own_tokens(block: Block) -> str:
    """The class/id/role/itemprop words of a block's element and its parent (not of the whole page around it)."""
    nodes = block.extra.get("nodes")
    return " ".join([n.tokens for n in nodes[-2:] if n.tokens]) if isinstance(nodes, tuple) else ""


def _published(raw: Mapping[str, Any], blocks: Sequence[Block], near: Sequence[Block], url: str,
               latest: dt.date | None) -> tuple[dt.date | None, str]:
    day, source = _first(raw, _PUBLISHED_KEYS, lambda v: parse_date(v, latest))
    if day:
        return day, source
    times = raw.get("times") or ()
    # <time> marked as the publication date (anywhere but in comments), then the first one outside comments,
    # teasers and footers.
    for marked in (True, False):
        for entry in times:
            itemprop = entry["itemprop"]
            is_marked = entry["pubdate"] or "published" in itemprop or "datecreated" in itemprop
            if is_marked != marked or "modified" in itemprop:
                continue
            words = _COMMENT_WORDS if marked else _NOT_PAGE_TIMES
            if any(w in entry["context"] for w in words):
                continue
            day = parse_date(entry["datetime"], latest)
            if day:
                return day, "microdata" if itemprop else "time"
    declared = str(raw.get("html_lang") or "")
    month_first = declared.lower().startswith("en") and "gb" not in declared.lower()
    for block in near:
        if block.kind not in _BYLINE_KINDS and len(block.text) > _MAX_DATE_LINE:
            own = _own_tokens(block)
            if not any(w in own for w in _DATE_WORDS):
                continue
        day = find_date(block.text, month_first, latest)
        if day:
            return day, "byline"
    # A paragraph by the headline that opens with a date: a press release or a dateline.
    centre = centre_of(blocks)
    for block in blocks[max(0, centre - _DATELINE_REACH): centre + _DATELINE_REACH + 1]:
        if block.label == "title" or block.kind in _NOT_BYLINE_KINDS:
            continue
        day = leading_date(block.text, month_first, latest)
        if day:
            return day, "byline"
    day = url_date(url, latest)
    if day:
        return day, "url"
    return None, ""


def _language(raw: Mapping[str, Any], blocks: Sequence[Block], mode: str) -> tuple[str | None, str]:
    """HTML: the declared language, unless the text is clearly in another one (none declared: None, the page does
    not say). Text: the language of the text."""
    declared, source = _first(raw, _LANG_KEYS, normalise_tag)
    if not available() or (mode == "html" and not declared):
        return declared, source
    text = []
    size = 0
    for block in blocks:
        if block.label == "body":
            text.append(block.text)
            size += len(block.text) + 1
            if size >= SAMPLE_CHARS:
                break
    found = detect("\n".join(text))
    if declared:
        if found and found[0] != primary(declared) and found[1] >= OVERRULE_PERCENT:
            return found[0], "text"  # the markup's tag is a template default the text contradicts
        return declared, source
    if found:
        return found[0], "text"
    return None, ""
