"""Blocks and documents: what the segmenters produce, the rules label, and the renderers read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .metadata import Metadata
    from .options import Options
    from .pagetype.decision import PageType

# "comment": a reader comment, kept apart from the body (Options.include_comments).
Label = Literal["body", "title", "boilerplate", "comment"]


@dataclass(slots=True, init=False)
class Block:
    """One unit of a page (a paragraph, heading, list item, line...) and the decision taken on it.

    ``label`` is "body" until a rule decides otherwise; ``rule`` names that rule, ``kind`` the
    kind of boilerplate it found and ``reason`` says why, with the measured values.
    """

    index: int
    text: str
    # Structural role: "p", "h1".."h6", "li", "pre", "blockquote", "td", "caption", "line".
    tag: str = "p"
    label: Label = "body"
    rule: str | None = None
    kind: str | None = None
    reason: str | None = None
    # --- provenance and features; segmenters fill what they know ---
    line: int | None = None  # first source line (text mode)
    blank_before: int = 0  # blank lines before this block (text mode)
    # ancestors and attr_tokens (properties below), or None until read: most blocks never need them
    _ancestors: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    _attr_tokens: str | None = field(default=None, repr=False, compare=False)
    link_chars: int = 0  # characters of the text inside <a> (HTML mode)
    region: float | None = None  # content-region score from the HTML segmenter, if any
    extra: dict[str, Any] = field(default_factory=dict)

    def __init__(self, index: int, text: str, tag: str = "p", label: Label = "body", rule: str | None = None,
                 kind: str | None = None, reason: str | None = None, line: int | None = None, blank_before: int = 0,
                 ancestors: tuple[str, ...] | None = None, attr_tokens: str | None = None, link_chars: int = 0,
                 region: float | None = None, extra: dict[str, Any] | None = None) -> None:
        # One plain assignment each (a tuple assignment builds and unpacks a tuple): a page makes thousands.
        self.index = index
        self.text = text
        self.tag = tag
        self.label = label
        self.rule = rule
        self.kind = kind
        self.reason = reason
        self.line = line
        self.blank_before = blank_before
        self._ancestors = ancestors
        self._attr_tokens = attr_tokens
        self.link_chars = link_chars
        self.region = region
        self.extra = {} if extra is None else extra

    @property
    def ancestors(self) -> tuple[str, ...]:
        """Enclosing tags, outermost first (HTML mode): the tags of extra["nodes"] unless given."""
        if self._ancestors is None:
            nodes = self.extra.get("nodes")
            self._ancestors = tuple([n.tag for n in nodes]) if isinstance(nodes, tuple) else ()
        return self._ancestors

    @ancestors.setter
    def ancestors(self, value: tuple[str, ...]) -> None:
        self._ancestors = value

    @property
    def attr_tokens(self) -> str:
        """Class/id/role tokens of the block and its ancestors, space-separated (from extra["nodes"] unless given)."""
        if self._attr_tokens is None:
            nodes = self.extra.get("nodes")
            self._attr_tokens = " ".join([n.tokens for n in nodes if n.tokens]) if isinstance(nodes, tuple) else ""
        return self._attr_tokens

    @attr_tokens.setter
    def attr_tokens(self, value: str) -> None:
        self._attr_tokens = value

    @property
    def kept(self) -> bool:
        """True when the block is part of the article body."""
        return self.label == "body"

    @property
    def link_density(self) -> float:
        """Share of the block's characters that sit inside links (0 for text input)."""
        return self.link_chars / len(self.text) if self.text else 0.0

    def mark(self, label: Label, rule: str, kind: str | None, reason: str) -> None:
        """Record a decision on this block."""
        self.label, self.rule, self.kind, self.reason = label, rule, kind, reason

    def to_dict(self) -> dict[str, Any]:
        """The block and its decision as JSON-serialisable data."""
        return {
            "index": self.index,
            "text": self.text,
            "tag": self.tag,
            "label": self.label,
            "rule": self.rule,
            "kind": self.kind,
            "reason": self.reason,
        }


@dataclass(slots=True)
class Document:
    """The result of cleaning one page."""

    blocks: list[Block]
    mode: Literal["html", "text"]
    # The page's metadata as read (<title>, <meta>, JSON-LD, <time>...): the evidence behind ``metadata``.
    raw_metadata: dict[str, Any] = field(default_factory=dict)
    # Set when a limit cut the work short (e.g. "max_blocks: 200000 blocks kept, rest dropped").
    truncated: str | None = None
    # What kind of page this is and the evidence for it (cleantext.pagetype); None for a Document built by hand.
    page_type: PageType | None = None
    # The options the page was cleaned with: Document.html reads include_links and include_images from them.
    options: Options | None = field(default=None, repr=False, compare=False)
    # The normalised metadata, built on first use (a caller who wants only the text does not pay for it).
    _metadata: Metadata | None = field(default=None, repr=False, compare=False)

    @property
    def metadata(self) -> Metadata:
        """Authors, dates, canonical URL, site name, language, description, image, categories and tags, each
        with its source; ``metadata.raw`` (also ``metadata["og:title"]``...) is the evidence as read."""
        if self._metadata is None:
            from .metadata import build_metadata  # imported here: cleantext.metadata imports this module

            self._metadata = build_metadata(self.raw_metadata, self.blocks, self.mode, self.title)
        return self._metadata

    @property
    def title(self) -> str | None:
        """The page's headline, or None when none was found."""
        for block in self.blocks:
            if block.label == "title":
                return block.text
        title = self.raw_metadata.get("title")
        return title if isinstance(title, str) and title else None

    @property
    def body_blocks(self) -> list[Block]:
        """The kept blocks, in source order."""
        return [b for b in self.blocks if b.label == "body"]

    @property
    def paragraphs(self) -> list[str]:
        """The body paragraphs in order."""
        return [b.text for b in self.blocks if b.label == "body"]

    @property
    def text(self) -> str:
        """The body only (no title): paragraphs joined by a blank line, a table row per line (cells tab-separated)."""
        from .render import body_text

        return body_text(self)

    @property
    def comment_blocks(self) -> list[Block]:
        """The reader comments, in order: only filled when the page was cleaned with include_comments."""
        return [b for b in self.blocks if b.label == "comment"]

    @property
    def comments(self) -> list[str]:
        """The text of each reader comment block (include_comments), apart from the body."""
        return [b.text for b in self.blocks if b.label == "comment"]

    @property
    def html(self) -> str:
        """The title and body as a minimal, safe HTML article (see render_html.to_html); links and images as the
        options the page was cleaned with say (include_links, include_images)."""
        from .render_html import to_html

        opts = self.options
        return to_html(self, include_links=bool(opts and opts.include_links),
                       include_images=bool(opts and opts.include_images))

    @property
    def removed(self) -> list[Block]:
        """The blocks removed as boilerplate, in source order."""
        return [b for b in self.blocks if b.label == "boilerplate"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable: title, text, paragraphs, metadata (fields and sources), removed blocks with rule and
        reason."""
        return {
            "title": self.title,
            "mode": self.mode,
            "text": self.text,
            "paragraphs": self.paragraphs,
            "comments": self.comments,
            "metadata": self.metadata.to_dict(),
            "truncated": self.truncated,
            "page_type": self.page_type.to_dict() if self.page_type is not None else None,
            "removed": [
                {"index": b.index, "text": b.text, "rule": b.rule, "kind": b.kind, "reason": b.reason}
                for b in self.removed
            ],
        }
