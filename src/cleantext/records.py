"""The records a batch moves around: a page to clean (Record) and its outcome (Result).

They sit below batch.py, templates.py and the readers in io/, which all use them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .document import Document

_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(value: str | None) -> str | None:
    """The string with each lone surrogate (from a JSON escape or a file name in invalid UTF-8) as U+FFFD.

    Ids and URLs end up in file names, JSON lines and stderr, all encoded as UTF-8, which refuses them.
    """
    if value is None or value.isascii():
        return value
    return _SURROGATE.sub("\ufffd", value)


@dataclass(frozen=True)  # no slots: frozen slotted dataclasses do not unpickle on some Python 3.10s
class Record:
    """One page to clean, with where it came from.

    ``mode`` ("html" or "text") is set by readers that know the kind of content (a WARC response is
    HTML, a WET conversion record is text); None means the options decide. ``error`` is set by a
    reader that could not read the page: clean_many passes it through as a failed result.
    """

    id: str
    content: str | bytes | None
    url: str | None = None
    mode: str | None = None
    source: str | None = None
    site: str | None = None
    error: str | None = None
    # Where the CLI writes this document under --output DIR (a file's path below its PATH argument); None: the id.
    name: str | None = None

    def __post_init__(self) -> None:
        for key in ("id", "url", "source", "site", "name"):
            value = getattr(self, key)
            if isinstance(value, str) and not value.isascii():
                object.__setattr__(self, key, printable(value))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], index: int = 0) -> Record:
        """A record from a dict with "html" or "text" (or "content"), and optional "id", "url", "mode"."""
        mode = data.get("mode")
        if data.get("html") is not None:
            content, mode = data["html"], mode or "html"
        elif data.get("text") is not None:
            content, mode = data["text"], mode or "text"
        else:
            content = data.get("content")
        error = None if content is not None else "record has no 'html', 'text' or 'content' field"
        return cls(id=str(data.get("id", index)), content=content, url=data.get("url"), mode=mode,
                   source=data.get("source"), site=data.get("site"), error=error)


@dataclass(slots=True)
class Result:
    """The outcome for one input item: a Document, or an error message (never both)."""

    id: str
    document: Document | None = None
    error: str | None = None
    url: str | None = None
    source: str | None = None
    site: str | None = None

    def __post_init__(self) -> None:
        self.id, self.url = printable(self.id) or "", printable(self.url)
        self.source, self.site = printable(self.source), printable(self.site)
        self.error = printable(self.error)

    @property
    def ok(self) -> bool:
        """True when the item was cleaned."""
        return self.error is None

    def removed_counts(self) -> dict[str, int]:
        """How many blocks were removed, by kind (sorted by kind)."""
        if self.document is None:
            return {}
        counts = Counter(b.kind or b.rule or "unknown" for b in self.document.removed)
        return dict(sorted(counts.items()))

    def to_record(self) -> dict[str, Any]:
        """The flat JSON-serialisable record written to JSONL: id, url, title, text, metadata, removed, truncated,
        error."""
        doc = self.document
        return {
            "id": self.id,
            "url": self.url,
            "mode": doc.mode if doc else None,
            "title": doc.title if doc else None,
            "text": doc.text if doc else None,
            "metadata": doc.metadata.to_dict() if doc else None,
            "page_type": doc.page_type.name if doc and doc.page_type else None,
            "removed": self.removed_counts(),
            "truncated": doc.truncated if doc else None,
            "error": self.error,
        }
