"""The frozen options object: every knob of a clean() call, and nothing global."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Literal

Mode = Literal["auto", "html", "text"]
MODES: tuple[str, ...] = ("auto", "html", "text")
# The kind of every rule that removes reader comments or comment widgets.
COMMENTS_KIND = "comments-widget"
# The rules that find reader comments themselves (not prompts or counters): with Options.include_comments what
# they mark goes to Document.comments instead of being removed. comment-thread (text mode) also ends an article at
# a related-links or share bar: only what follows a comment widget counts (its reason names the widget's kind).
COMMENT_RULES = frozenset({"comment-section", "comment-thread", "reply-thread"})
# The page types (cleantext.pagetype decides one per page; "article" is the default).
PAGE_TYPES: tuple[str, ...] = ("article", "forum", "product", "collection", "listing", "documentation", "service")


@dataclass(frozen=True)
class Options:
    """How to clean one document. Immutable: derive variants with ``opts.replace(...)``."""

    mode: Mode = "auto"
    # Rules to skip, by rule name ("newsletter-prompt") or by kind ("navigation").
    disable: frozenset[str] = frozenset()
    # Caller phrase packs: {kind: (phrase, ...)}; a line that matches one is removed as that kind.
    extra_phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Keep reader comments, apart from the body in Document.comments (they are boilerplate by default).
    include_comments: bool = False
    # Render links in Markdown and HTML output.
    include_links: bool = False
    # Render images in Markdown and HTML output (safe http(s) and relative addresses only).
    include_images: bool = False
    # The page's type, when the caller knows it ("forum", "product", ...): skips detection (cleantext.pagetype).
    page_type: str | None = None
    # The page's address, when known (the WARC and JSONL readers know it): evidence for the page type.
    url: str | None = None
    # Limits (docs/robustness.md); each ends in a typed error or a flagged result, never in lost content unsaid.
    # Larger input raises InputTooLarge (str: counted in characters). 64 MiB: ~100x the largest page in
    # ../shared/datasets, and room for a 20 MB single-line text dump. None switches the check off.
    max_input_bytes: int | None = 64 * 1024 * 1024
    # Blocks past this many are dropped and Document.truncated says so. 7x the most blocks (2,734) of a page in
    # ../shared/datasets; at 150-400 us per HTML block through the chain it stays well inside timeout_seconds.
    max_blocks: int = 20_000
    # Elements nested deeper are flattened: their tags dropped, their text kept (the parser cannot go past
    # 2,000). 256 is libxml2's own default and 5x the deepest page (48) in ../shared/datasets.
    max_depth: int = 256
    # Per-document time budget in seconds, checked between rules; over it clean() raises Timeout. None: no budget.
    timeout_seconds: float | None = 30.0
    extras: tuple[tuple[str, object], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        # Limits: positive numbers; max_input_bytes and timeout_seconds may also be None (no limit).
        for name, optional in (("max_blocks", False), ("max_depth", False), ("max_input_bytes", True),
                               ("timeout_seconds", True)):
            value = getattr(self, name)
            if value is None and optional:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"{name} must be a positive number{' or None' if optional else ''}, not {value!r}")
        if self.page_type is not None and self.page_type not in PAGE_TYPES:
            raise ValueError(f"page_type must be one of {PAGE_TYPES} or None, not {self.page_type!r}")
        if self.url is not None and not isinstance(self.url, str):
            raise ValueError(f"url must be a string or None, not {type(self.url).__name__}")
        if not isinstance(self.disable, frozenset):
            object.__setattr__(self, "disable", frozenset(self.disable))
        object.__setattr__(self, "extra_phrases", _phrase_packs(self.extra_phrases))

    def replace(self, **changes: object) -> Options:
        """A copy of these options with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def build(cls, options: Options | None = None, **kwargs: object) -> Options:
        """Options from an existing object and/or keyword arguments (unknown names raise TypeError)."""
        known = {f.name for f in fields(cls)}
        unknown = set(kwargs) - known
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        base = options or cls()
        return base.replace(**kwargs) if kwargs else base

    def enabled(self, rule_name: str, kind: str) -> bool:
        """True when neither the rule nor its kind is switched off."""
        return rule_name not in self.disable and kind not in self.disable


_PHRASES_SHAPE = "extra_phrases must be a dict {kind: [phrase, ...]}, e.g. {'newsletter-prompt': ['Sign up today']}"


def _phrase_packs(value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """extra_phrases as ((kind, (phrase, ...)), ...); any other shape is a TypeError that shows the right one."""
    items = value.items() if isinstance(value, dict) else value
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        raise TypeError(f"{_PHRASES_SHAPE}; got {type(value).__name__}")
    packs = []
    for item in items:  # type: ignore[union-attr]
        if not (isinstance(item, tuple | list) and len(item) == 2):
            raise TypeError(f"{_PHRASES_SHAPE}; got {type(value).__name__} holding {item!r}")
        kind, phrases = item
        if not isinstance(kind, str) or isinstance(phrases, str | bytes) or not hasattr(phrases, "__iter__"):
            raise TypeError(f"{_PHRASES_SHAPE}; got {{{kind!r}: {phrases!r}}}")
        phrases = tuple(phrases)
        if not all(isinstance(p, str) for p in phrases):
            raise TypeError(f"{_PHRASES_SHAPE}; the phrases of {kind!r} must be strings")
        packs.append((kind, phrases))
    return tuple(packs)
