"""Paths and Markdown helpers shared by the documentation generators (tools/docgen*.py)."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "rules" / "fixtures"
DOCS = ROOT / "docs"
BENCH_RECORD = DOCS / "data" / "benchmarks.json"
FLOORS = ROOT / "benchmarks" / "floors.json"
# Long fixture texts are cut for the page; the full text stays in the fixture file.
MAX_EXAMPLE_CHARS = 160

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

# ---------------------------------------------------------------- markdown helpers

def code(text: str, limit: int = MAX_EXAMPLE_CHARS) -> str:
    """``text`` as an inline code span, whitespace collapsed, cut at ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if not text:
        return "*(empty)*"
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def cut(text: str, limit: int) -> str:
    """``text`` with whitespace collapsed, cut at ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def prose(text: str) -> str:
    """Plain text safe for Markdown: no raw HTML, no table-breaking pipes."""
    return html.escape(text, quote=False).replace("|", "\\|")


def code_span(text: str) -> str:
    """An inline code span of at most 80 characters, or nothing for an empty text."""
    return code(text, 80) if text else ""


def slug(text: str) -> str:
    """An HTML id for a name: lower case, runs of other characters as one dash."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "kind"
