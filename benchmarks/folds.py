"""Two halves of each evaluation set, split by site, so a change tuned on one half can be checked on the other.

The site key of a page is its URL's host, lower-cased, without a leading "www." (trafilatura-eval: the
annotation's `url`; wcxb-dev: the page's `url`, else `ground_truth.url`; Readability test pages: the page's
folder name, since they carry no URL). A page with no URL at all has the empty key. Half A holds the sites whose
key's SHA-1 starts with an even byte, half B the others: every page of a site falls in the same half, and the
split never changes with the code or the order of the pages.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

HALVES = ("A", "B")


def site_key(url: str | None) -> str:
    """The URL's host, lower-cased, without a leading "www."; "" when there is no URL or no host."""
    if not url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed URL (e.g. a bad port or bracket) has no usable host
        return ""
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def half_of(key: str) -> str:
    """"A" when the first byte of sha1(key) is even, else "B"."""
    return "A" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "B"
