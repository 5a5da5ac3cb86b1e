"""Page metadata read during the HTML walk: <title>, <meta> and JSON-LD (headline, articleBody)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# The <meta> names and properties kept (property, name or itemprop attribute, lower-cased).
META_KEYS = frozenset({"og:title", "twitter:title", "description", "og:description", "og:site_name", "author",
                       "article:published_time", "headline"})
# The page's JSON-LD is read up to this size; larger blobs are not article metadata.
MAX_JSONLD = 2_000_000


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
    """The page metadata in a fixed order: <title>, then <meta>, then JSON-LD keys not yet set."""
    meta.update(title)
    meta.update(metas)
    for key, value in jsonld.items():
        meta.setdefault(key, value)


def read_meta(attrib: Mapping[str, str], meta: dict[str, Any]) -> None:
    """Keep the content of one <meta> element when it names a key of META_KEYS (the first one of a key wins)."""
    key = (attrib.get("property") or attrib.get("name") or attrib.get("itemprop") or "").lower()
    content = attrib.get("content")
    if key and content and key in META_KEYS:
        meta.setdefault(key, squash(content))


def is_jsonld(attrib: Mapping[str, str]) -> bool:
    """A <script> holding JSON-LD."""
    return "ld+json" in (attrib.get("type") or "").lower()


def read_jsonld(raw: str, meta: dict[str, Any]) -> None:
    """Collect headline and articleBody from one JSON-LD script (broken or oversized JSON is ignored)."""
    if not raw.strip() or len(raw) > MAX_JSONLD:
        return
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack = [data]
    seen = 0
    while stack and seen < 10_000:  # nested lists and @graph included, bounded
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, name in (("articleBody", "jsonld_article_body"), ("headline", "jsonld_headline")):
                value = item.get(key)
                if isinstance(value, str) and value.strip() and name not in meta:
                    meta[name] = squash(value)
            for value in item.values():
                if isinstance(value, list | dict):
                    stack.append(value)
