"""The default chain: every rule in the order it runs. Order matters: the first rule to mark a block decides it.

Structure first (markup, region), then phrase and shape rules on single blocks, then context rules that
read the decisions around them, then the title and last-resort page rules.
"""

from __future__ import annotations

from .rule import Rule
from .rules import RULE_MODULES


def default_rules() -> tuple[Rule, ...]:
    """Every registered rule in chain order."""
    rules: list[Rule] = []
    for module in RULE_MODULES:
        rules.extend(module.RULES)
    names = [r.name for r in rules]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule names: {sorted(duplicates)}")
    return tuple(rules)


DEFAULT_RULES: tuple[Rule, ...] = default_rules()
RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in DEFAULT_RULES}
