"""The records a batch moves around: a page to clean (Record) and its outcome (Result).

They sit below batch.py, templates.py and the readers in io/, which all use them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .document import Document


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
        """The flat JSON-serialisable record written to JSONL: id, url, title, text, removed counts, error."""
        doc = self.document
        return {
            "id": self.id,
            "url": self.url,
            "mode": doc.mode if doc else None,
            "title": doc.title if doc else None,
            "text": doc.text if doc else None,
            "removed": self.removed_counts(),
            "error": self.error,
        }
