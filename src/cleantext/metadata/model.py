"""The normalised metadata of a page: one frozen object with its fields, where each came from, and the raw evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The fields of Metadata in output order (to_dict, --explain).
FIELDS = ("title", "authors", "date_published", "date_modified", "url", "site_name", "language", "description",
          "image", "categories", "tags")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself, normalised: every field is None (or empty) when the page does not say it.

    ``sources`` names where each filled field was read: "json-ld", "microdata", "open-graph", "meta", "time",
    "byline" (a line the rules found), "url" (a date in the page's URL), "html-lang", "text" (the language of the
    body), "headline", "title-tag", "canonical". ``raw`` is the evidence read from the page, as found.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    date_published: str | None = None  # ISO 8601 calendar day, YYYY-MM-DD
    date_modified: str | None = None
    url: str | None = None
    site_name: str | None = None
    language: str | None = None  # BCP 47 tag, e.g. "en" or "en-US"
    description: str | None = None
    image: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def author(self) -> str | None:
        """The authors joined by ", ", or None."""
        return ", ".join(self.authors) if self.authors else None

    def get(self, key: str, default: Any = None) -> Any:
        """A raw evidence value by its key ("og:title", "html_title", "jsonld_headline", …), as a dict would."""
        return self.raw.get(key, default)

    def __getitem__(self, key: str) -> Any:
        """A raw evidence value by its key (KeyError when the page did not have it)."""
        return self.raw[key]

    def __contains__(self, key: object) -> bool:
        return key in self.raw

    def to_dict(self) -> dict[str, Any]:
        """The fields and their sources as JSON-serialisable data (the raw evidence is left out)."""
        out: dict[str, Any] = {}
        for name in FIELDS:
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        out["sources"] = dict(self.sources)
        return out

    def explain(self) -> list[str]:
        """One line per filled field: its value and the source it was read from."""
        lines = []
        for name in FIELDS:
            value = getattr(self, name)
            if value in (None, ()):
                continue
            shown = ", ".join(value) if isinstance(value, tuple) else str(value)
            if len(shown) > 100:
                shown = shown[:97] + "..."
            lines.append(f"{name}: {shown}  [{self.sources.get(name, '?')}]")
        return lines
