"""Page metadata read during the HTML walk: <title>, <meta>, <link rel=canonical>, <html lang>, <time> and JSON-LD.

This is the raw evidence, one flat dict of strings (lists for repeated tags): the rules read a few keys of it
(title, og:title, jsonld_headline, jsonld_article_body) and cleantext.metadata turns it into Document.metadata.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# The <meta> names and properties kept (property, name, itemprop or http-equiv attribute, lower-cased): the
# wordings of Open Graph, Dublin Core, schema.org microdata, Parse.ly, Sailthru, citation_* and plain HTML.
META_KEYS = frozenset({
    # titles and descriptions
    "og:title", "twitter:title", "headline", "dc.title", "parsely-title",
    "description", "og:description", "twitter:description", "dc.description",
    # site
    "og:site_name", "application-name", "publisher", "dc.publisher", "copyright",
    # authors
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl",
    "citation_author", "book:author", "creator", "authors", "twitter:label1", "twitter:data1",
    # dates
    "article:published_time", "og:article:published_time", "article:published", "published_time",
    "article:modified_time", "og:updated_time", "article:modified", "modified_time",
    "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.created", "dcterms.issued",
    "dc.date.modified", "dcterms.modified", "pubdate", "publishdate", "publish-date", "publish_date",
    "parsely-pub-date", "sailthru.date", "datepublished", "datecreated", "datemodified", "citation_date",
    "citation_publication_date", "release_date", "last-modified", "date.created", "date.updated",
    # canonical url and image
    "og:url", "twitter:url", "og:type", "og:image", "og:image:url", "og:image:secure_url", "twitter:image",
    "twitter:image:src", "thumbnail", "image",
    # language
    "og:locale", "language", "content-language", "dc.language", "inlanguage",
    # categories and tags
    "article:section", "article:tag", "keywords", "news_keywords", "parsely-section", "parsely-tags",
    "category", "dc.subject",
})
# Keys a page may repeat (one <meta property="article:tag"> per tag): every value is kept, in order.
MULTI_KEYS = frozenset({"article:tag", "article:author", "citation_author", "dc.creator", "og:locale:alternate"})
# Most values kept for one repeated key, and the longest value kept (a 2 MB description is not metadata).
MAX_MULTI = 50
MAX_VALUE = 4000
# The page's JSON-LD is read up to this size; larger blobs are not article metadata.
MAX_JSONLD = 2_000_000
# The <time> elements kept (a page of comments can hold thousands).
MAX_TIMES = 40
# At most this many distinct JSON-LD @type names are kept (the most on a page of ../shared/datasets is far fewer).
MAX_TYPES = 32


def squash(text: str) -> str:
    """Runs of whitespace as one space, ends trimmed (the same as regex ``\\s+`` -> " " on sanitized text)."""
    return " ".join(text.split())


def read_captured(kind: str, raw: str, title: dict[str, Any], jsonld: dict[str, Any]) -> None:
    """Read the text of a <title> (kind "title") or of a JSON-LD script (kind "jsonld") the walk captured."""
    if kind == "title":
        if raw.strip():
            title["html_title"] = squash(raw)
    else:
        read_jsonld(raw, jsonld)


def merge_metadata(meta: dict[str, Any], title: dict[str, Any], metas: dict[str, Any], jsonld: dict[str, Any]) -> None:
    """The page metadata in a fixed order: <title>, then <meta> (and <link>, <html lang>, <time>), then JSON-LD
    keys not yet set."""
    meta.update(title)
    meta.update(metas)
    for key, value in jsonld.items():
        if not key.endswith("_rank"):
            meta.setdefault(key, value)


def read_meta(attrib: Mapping[str, str], meta: dict[str, Any]) -> None:
    """Keep the content of one <meta> element under each key of META_KEYS it names (the first one of a key wins).

    A property may list several keys ("og:description dc:description"); "dc:creator" is read as "dc.creator"."""
    names = (attrib.get("property") or attrib.get("name") or attrib.get("itemprop") or attrib.get("http-equiv")
             or "").lower()
    if not names:
        return
    keys = [k.replace("dc:", "dc.", 1).replace("dcterms:", "dcterms.", 1) for k in names.split()[:5]]
    keys = [k for k in keys if k in META_KEYS]
    if not keys:
        return
    content = attrib.get("content")
    if not content:
        return
    content = squash(content[:MAX_VALUE])
    if not content:
        return
    for key in keys:
        if key in MULTI_KEYS:
            values = meta.setdefault(key + "[]", [])
            if len(values) < MAX_MULTI and content not in values:
                values.append(content)
        meta.setdefault(key, content)


def read_head(tag: str, attrib: Mapping[str, str], meta: dict[str, Any]) -> None:
    """Read a <meta> or <link> element."""
    if tag == "meta":
        read_meta(attrib, meta)
    elif attrib:
        read_link(attrib, meta)


def read_link(attrib: Mapping[str, str], meta: dict[str, Any]) -> None:
    """Keep the href of <link rel="canonical">."""
    rel = (attrib.get("rel") or "").lower()
    href = attrib.get("href")
    if href and "canonical" in rel.split():
        meta.setdefault("canonical", href.strip()[:MAX_VALUE])


def read_root(attrib: Mapping[str, str], meta: dict[str, Any]) -> None:
    """Keep the lang attribute of <html>."""
    lang = attrib.get("lang") or attrib.get("xml:lang")
    if lang and lang.strip():
        meta.setdefault("html_lang", lang.strip()[:40])


def read_time(attrib: Mapping[str, str], context: str, block: int, meta: dict[str, Any]) -> None:
    """Keep one <time datetime> under meta["times"]: its value, itemprop, pubdate, the class/id words around it
    and the index of the next block."""
    value = attrib.get("datetime") or attrib.get("content")
    times = meta.setdefault("times", [])
    if not value or len(times) >= MAX_TIMES:
        return
    times.append({"datetime": value.strip()[:80], "itemprop": (attrib.get("itemprop") or "").lower(),
                  "pubdate": "pubdate" in attrib, "context": context[-300:], "block": block})


def is_jsonld(attrib: Mapping[str, str]) -> bool:
    """A <script> holding JSON-LD."""
    return "ld+json" in (attrib.get("type") or "").lower()


# schema.org types of an article (the object whose author and dates are the page's), then of a page.
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
    "liveblogposting", "posting", "review", "recipe", "howto", "medicalwebpage", "discussionforumposting",
    "creativework", "videoobject", "podcastepisode", "event", "product", "qapage", "question",
})
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "faqpage"})
# JSON-LD fields read from the article (or page) object, and the raw key each goes to.
_FIELDS = (("author", "jsonld_author"), ("creator", "jsonld_author"), ("datePublished", "jsonld_date_published"),
           ("dateCreated", "jsonld_date_created"), ("dateModified", "jsonld_date_modified"),
           ("publisher", "jsonld_publisher"), ("inLanguage", "jsonld_language"), ("image", "jsonld_image"),
           ("thumbnailUrl", "jsonld_image"), ("keywords", "jsonld_keywords"), ("articleSection", "jsonld_section"),
           ("url", "jsonld_url"), ("description", "jsonld_description"), ("name", "jsonld_name"))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind.lower()}
    if isinstance(kind, list):
        return {k.lower() for k in kind[:10] if isinstance(k, str)}
    return set()


def read_jsonld(raw: str, meta: dict[str, Any]) -> None:
    """Collect headline, articleBody and the article's author, dates, publisher, language, image, keywords,
    section, url and description from one JSON-LD script (broken, oversized or too deeply nested JSON is ignored).

    Values are kept as found (a string, or a small dict/list of names): cleantext.metadata normalises them.
    The @type names go to "jsonld_types" (page-type evidence). Keys ending in "_rank" say which kind of object a
    value came from; the walk drops them."""
    if not raw.strip() or len(raw) > MAX_JSONLD:
        return
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the decoder's limit
        return
    stack = [data]
    seen = 0
    while stack and seen < 10_000:  # nested lists and @graph included, bounded
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))  # the first object of a list is read first
        elif isinstance(item, dict):
            for key, name in (("articleBody", "jsonld_article_body"), ("headline", "jsonld_headline")):
                value = item.get(key)
                if isinstance(value, str) and value.strip() and name not in meta:
                    meta[name] = squash(value)
            types = _types(item)
            if "person" in types and isinstance(item.get("@id"), str) and isinstance(item.get("name"), str):
                persons = meta.setdefault("jsonld_persons", {})  # authors given as {"@id": ...} refer to these
                if len(persons) < 50:
                    persons.setdefault(item["@id"], squash(item["name"]))
            rank = 2 if types & _ARTICLE_TYPES else 1 if types & _PAGE_TYPES else 0
            if "website" in types or "organization" in types or "newsmediaorganization" in types:
                name = item.get("name")
                if isinstance(name, str) and name.strip():
                    meta.setdefault("jsonld_site_" + ("name" if "website" in types else "org"), squash(name))
            if rank:
                for key, name in _FIELDS:
                    value = item.get(key)
                    if value and _better(meta, name, rank):
                        meta[name] = _small(value)
                        meta[name + "_rank"] = rank
                if rank == 2:
                    meta.setdefault("jsonld_type", sorted(types & _ARTICLE_TYPES)[0])
            kind = item.get("@type")
            names = meta.setdefault("jsonld_types", []) if kind else []
            for name in kind if isinstance(kind, list) else [kind]:
                if isinstance(name, str) and name and len(names) < MAX_TYPES and name not in names:
                    names.append(name)
            for value in item.values():
                if isinstance(value, list | dict):
                    stack.append(value)


def _better(meta: dict[str, Any], name: str, rank: int) -> bool:
    # The first value of the best-ranked object wins: an article's author over its page's.
    return name not in meta or meta.get(name + "_rank", 0) < rank


def _small(value: Any, depth: int = 0) -> Any:
    """A JSON value cut to what metadata needs: strings capped, at most 20 items, 3 levels, no body text."""
    if isinstance(value, str):
        return squash(value[:MAX_VALUE])
    if isinstance(value, int | float | bool) or value is None:
        return value
    if depth >= 3:
        return None
    if isinstance(value, list):
        return [_small(v, depth + 1) for v in value[:20]]
    if isinstance(value, dict):
        return {k: _small(v, depth + 1) for k, v in list(value.items())[:20]
                if isinstance(k, str) and k in ("@type", "name", "url", "@id", "givenName", "familyName")}
    return None
