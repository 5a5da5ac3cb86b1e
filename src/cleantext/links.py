"""Which link and image addresses are safe to print in Markdown and HTML output."""

from __future__ import annotations

import regex

# Browsers drop ASCII tabs and newlines anywhere in a URL and spaces/control characters at its ends, so
# "java\tscript:" and " javascript:" still run script: the scheme is read after removing them.
_IGNORED = regex.compile(r"[\x00-\x20\x7f]+")
_SCHEME = regex.compile(r"^([a-z][a-z0-9+.\-]*):", regex.I)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_SCHEMES = frozenset({"http", "https"})
# Longest address printed: longer ones are inline data or junk.
_MAX_URL = 2048


def safe_url(url: str | None, schemes: frozenset[str] = SAFE_SCHEMES) -> str | None:
    """The address, trimmed, when it is relative or uses one of ``schemes``; None otherwise.

    Anything else (javascript:, data:, vbscript:, file:, an unknown scheme, a scheme hidden behind tabs or
    control characters) is refused. Entities are already decoded by the parser; callers escape for their format."""
    if not url:
        return None
    url = url.strip()
    if not url or len(url) > _MAX_URL or "\\" in url[:32]:
        return None  # browsers read "\" as "/" in the first part of an address: "javascript:\..." tricks
    squeezed = _IGNORED.sub("", url)
    found = _SCHEME.match(squeezed)
    if found is None:
        # No scheme: relative ("/a", "a/b", "#x", "//host/a"); a colon before the first "/", "?" or "#" would
        # make the first segment a scheme in some browsers, so such addresses go.
        head = regex.split(r"[/?#]", squeezed, maxsplit=1)[0]
        return None if ":" in head else url
    return url if found.group(1).lower() in schemes else None
