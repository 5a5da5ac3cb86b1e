"""Parse HTML safely: no network, no file system, no entity expansion, no recursion limits hit."""

from __future__ import annotations

from typing import Any

import lxml.html
import regex
from lxml import etree


def parse_html(html: str) -> Any:
    """Parse HTML with a parser that never loads external resources or expands entities."""
    parser = lxml.html.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True, default_doctype=False
    )
    # lxml refuses str input carrying an XML encoding declaration; drop it (the text is already decoded).
    html = regex.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None
