"""The frozen options object: every knob of a clean() call, and nothing global."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Literal

Mode = Literal["auto", "html", "text"]
MODES: tuple[str, ...] = ("auto", "html", "text")


@dataclass(frozen=True)
class Options:
    """How to clean one document. Immutable: derive variants with ``opts.replace(...)``."""

    mode: Mode = "auto"
    # Rules to skip, by rule name ("newsletter-prompt") or by kind ("navigation").
    disable: frozenset[str] = frozenset()
    # Caller phrase packs: {kind: (phrase, ...)}; a line that matches one is removed as that kind.
    extra_phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Keep reader comments in the output (they are boilerplate by default).
    include_comments: bool = False
    # Render links in Markdown output.
    include_links: bool = False
    # Limits (see docs/robustness.md); every one ends in a typed error or a flagged result.
    max_input_bytes: int = 64 * 1024 * 1024
    max_blocks: int = 200_000
    max_depth: int = 10_000
    timeout_seconds: float | None = 30.0
    extras: tuple[tuple[str, object], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if not isinstance(self.disable, frozenset):
            object.__setattr__(self, "disable", frozenset(self.disable))
        if isinstance(self.extra_phrases, dict):
            packs = tuple((k, tuple(v)) for k, v in self.extra_phrases.items())
            object.__setattr__(self, "extra_phrases", packs)

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
