"""The default chain: every rule in the order it runs. Order matters: the first rule to mark a block decides it.

Read top to bottom: structure first (HTML markup and the content region), then phrase and shape rules on single
lines, then context rules that read the decisions around them, then the title and the text-mode region rules that
need all of those decisions. Each step names a family module; the module's RULES list gives its own order.
"""

from __future__ import annotations

from .rule import Rule
from .rules.html import furniture, markup, region, structure
from .rules.html import lines as html_lines
from .rules.lines import counters, layout, media, menus, page_lines, phrases
from .rules.text import alt_text, streams, title
from .rules.text import lines as text_lines
from .rules.text import region as text_region

FAMILIES: tuple[tuple[str, list[Rule]], ...] = (
    # HTML structure: page markup (nav, header, hidden...), then the content region and what sits inside it.
    ("html/markup", markup.RULES),
    ("html/region", region.RULES),
    ("html/furniture", furniture.RULES),
    ("html/structure", structure.RULES),
    ("html/lines", html_lines.RULES),
    # Single lines, both modes (alt text is the text-mode twin of the caption rules).
    ("lines/media", media.RULES),
    ("text/alt_text", alt_text.RULES),
    ("lines/page_lines", page_lines.RULES),
    ("lines/counters", counters.RULES),
    ("lines/phrases", phrases.RULES),
    ("lines/menus", menus.RULES),
    ("text/lines", text_lines.RULES),
    # Context rules: they read the decisions around a line.
    ("lines/layout", layout.RULES),
    # Text mode: the headline, then the main run of text and what streams after it.
    ("text/title", title.RULES),
    ("text/region", text_region.RULES),
    ("text/streams", streams.RULES),
)
"""(family, its rules) in chain order; the family is the module's path under cleantext/rules/."""


def default_rules() -> tuple[Rule, ...]:
    """Every registered rule in chain order."""
    rules = [r for _, family in FAMILIES for r in family]
    names = [r.name for r in rules]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule names: {sorted(duplicates)}")
    return tuple(rules)


DEFAULT_RULES: tuple[Rule, ...] = default_rules()
RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in DEFAULT_RULES}
RULE_FAMILY: dict[str, str] = {r.name: family for family, rules in FAMILIES for r in rules}
"""Rule name -> the family module that registers it (e.g. "lines/phrases")."""
