"""Batch-level template detection: text repeated on many pages of one site is that site's boilerplate.

A single page cannot tell its article from its site's furniture ("Read more from our travel desk",
a footer line, a sign-up blurb in a new wording); a batch can. This post-pass of clean_many counts,
per site, on how many pages each block's text appears, and relabels body blocks whose text is on
enough pages as boilerplate with rule "site-template" and the evidence in the reason.

Memory is bounded: results are buffered ``window`` documents at a time, and the per-site counts
keep hashes (not texts), pruned when they pass ``max_keys``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex

from .records import Result

RULE_NAME = "site-template"
KIND = "site-template"
DESCRIPTION = "Text repeated on many pages of the same site in a batch (a site template, not the article)."

_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class TemplateOptions:
    """When a block's text counts as the site's template.

    The defaults are conservative choices, not tuned: the shared dev sets hold about one page per site,
    so they cannot measure this. Three pages keep a quotation shared by two related articles; a 30%
    share keeps a phrase that recurs on a few of a large site's many pages.
    """

    min_pages: int = 3  # the text is on at least this many pages of the site
    min_share: float = 0.3  # ...and on at least this share of the site's pages seen so far
    window: int = 256  # documents buffered before they are decided and released
    max_keys: int = 2_000_000  # per-batch memory cap on counted (site, text) pairs
    min_chars: int = 1  # ignore blocks shorter than this (after normalising)


def site_of(result: Result) -> str:
    """The group a page belongs to: an explicit site, else the URL's host, else one shared group ""."""
    if result.site:
        return result.site
    if result.url:
        try:
            host = urlsplit(result.url).hostname or ""
        except ValueError:
            host = ""
        return host.removeprefix("www.")
    return ""


def normalise(text: str) -> str:
    """Case- and space-insensitive form of a block's text.

    Numbers are kept: "Page 2 of 3" style counters belong to the counter rules, and masking digits
    would make article lines that differ only in their figures look like a template.
    """
    return _SPACES.sub(" ", text).strip().casefold()


class _Counts:
    """Per-site page counts and (site, text-hash) -> number of pages carrying that text."""

    def __init__(self, max_keys: int) -> None:
        self.pages: Counter[str] = Counter()
        self.texts: Counter[tuple[str, int]] = Counter()
        self.max_keys = max_keys

    def add(self, site: str, keys: set[int]) -> None:
        self.pages[site] += 1
        self.texts.update((site, k) for k in keys)
        if len(self.texts) > self.max_keys:
            # Text seen on one page only cannot become a template soon; drop it first.
            self.texts = Counter({k: n for k, n in self.texts.items() if n > 1})
            if len(self.texts) > self.max_keys:
                self.texts.clear()


def _keys(result: Result, min_chars: int) -> dict[int, int]:
    """Block index -> hash of its normalised text, for every block with text (title included)."""
    doc = result.document
    if doc is None:
        return {}
    out = {}
    for block in doc.blocks:
        norm = normalise(block.text)
        if len(norm) >= min_chars:
            out[block.index] = hash(norm)
    return out


def detect_templates(results: Iterable[Result], config: TemplateOptions | None = None) -> Iterator[Result]:
    """Relabel template blocks in a stream of results; yields the same results, in the same order."""
    config = config or TemplateOptions()
    counts = _Counts(config.max_keys)
    buffer: list[tuple[Result, dict[int, int]]] = []
    for result in results:
        keys = _keys(result, config.min_chars)
        if result.document is not None:
            counts.add(site_of(result), set(keys.values()))
        buffer.append((result, keys))
        if len(buffer) >= max(1, config.window):
            yield from _decide(buffer, counts, config)
            buffer = []
    yield from _decide(buffer, counts, config)


def _decide(buffer: list[tuple[Result, dict[int, int]]], counts: _Counts, config: TemplateOptions) -> Iterator[Result]:
    for result, keys in buffer:
        doc = result.document
        if doc is not None:
            site = site_of(result)
            pages = counts.pages[site]
            for block in doc.blocks:
                if block.label != "body" or block.index not in keys:
                    continue
                seen = counts.texts[(site, keys[block.index])]
                share = seen / pages if pages else 0.0
                if seen >= config.min_pages and share >= config.min_share:
                    where = f"pages of {site}" if site else "pages"
                    block.mark("boilerplate", RULE_NAME, KIND,
                               f"same text on {seen} of {pages} {where} in this batch "
                               f"(>= {config.min_pages} pages and share {share:.2f} >= {config.min_share:.2f})")
        yield result
