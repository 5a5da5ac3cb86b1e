"""The standard article page that fixture cases and HTML tests place their lines in (no test dependencies)."""

from __future__ import annotations

HEADLINE = "Council approves new budget for city parks"
PROSE = [
    "The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
    "next five years, after months of debate between neighbourhood groups and the finance committee.",
    "Supporters said the money would repair playgrounds, plant trees and reopen two swimming pools that have "
    "been closed since the storms of last winter damaged their roofs and pumps.",
    "Critics argued that the plan relies on optimistic revenue forecasts, and several members asked the mayor "
    "to publish a detailed schedule before the first contracts are signed in the spring.",
]


def frame(line: str, where: str = "end", mode: str = "text") -> str:
    """A standard article page with ``line`` inserted at the start, the middle or the end."""
    parts = [HEADLINE, *PROSE]
    position = {"start": 0, "middle": 2, "end": len(parts)}[where]
    parts.insert(position, line)
    if mode == "html":
        body = "".join(f"<h1>{p}</h1>" if p == HEADLINE else f"<p>{p}</p>" for p in parts)
        return f"<html><head><title>{HEADLINE}</title></head><body><article>{body}</article></body></html>"
    return "\n\n".join(parts) + "\n"
