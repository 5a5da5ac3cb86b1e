"""Parse HTML safely and completely: no network, no file system, no entity expansion, no silent loss.

libxml2 (lxml's parser) never loads anything here: the HTML parser has no external entities or DTD loading,
``no_network`` is set, and an internal DTD subset (the ``<!DOCTYPE x [...]>`` of entity bombs and XXE) is cut
out before parsing.

The segmenter streams the page (``stream_html``: parser events, no tree), which has none of the tree's limits
below and flattens deep markup itself. ``parse_html`` builds a tree for callers that want one; three libxml2
limits would lose content silently there, so they are handled before they bite:

- nesting: libxml2 stops parsing at depth 256 (2048 with ``huge_tree``) and drops the rest of the page. A page
  nested deeper than ``max_depth`` is re-parsed from a copy whose elements below that depth are flattened: their
  tags are dropped (block tags become a line break), their text is kept;
- text nodes over 10 MB: ``huge_tree`` raises that limit to 1 GB, beyond any input allowed by max_input_bytes;
- attributes: libxml2 checks duplicates pairwise (quadratic: 30,000 attributes on one element take 2-3 s), so
  an element keeps its first MAX_ATTRIBUTES attributes.
"""

from __future__ import annotations

import re
import sys
import time
from typing import Any

import lxml.html
import regex
from lxml import etree

from .errors import Timeout

# The stdlib engine scans these markup patterns 10-40x faster than `regex` (whose counted repeats cost
# per attempt); it has the atomic groups that keep them linear from Python 3.11. On 3.10, `regex` does it.
_fast_re: Any = re if sys.version_info >= (3, 11) else regex

# libxml2's hard depth limit with huge_tree is 2048; keep a margin for the html/body/tbody it adds itself.
PARSER_DEPTH_CAP = 2000
# Default for Options.max_depth: libxml2's own default limit, 5x the deepest page (48) in ../shared/datasets.
DEFAULT_MAX_DEPTH = 256
# The most attributes seen on one element in ../shared/datasets is 70; 200 keeps parsing linear (~0.1 ms/tag).
MAX_ATTRIBUTES = 200

# libxml2 before 2.14 finds duplicate attributes pairwise while parsing (2.14's tokenizer uses a hash table:
# 100,000 attributes stream in 0.04 s); for those versions the attribute cap is applied to the markup first.
_PAIRWISE_ATTRIBUTES = etree.LIBXML_VERSION < (2, 14)
_XML_DECL = _fast_re.compile(r"\A[\s\ufeff]*+<\?xml[^>]{0,200}\?>")
# <!DOCTYPE name [ internal subset ]> at the top: the only place entity definitions can live.
_DTD_SUBSET = _fast_re.compile(r"\A[\s\ufeff]*+<!DOCTYPE[^\[>]{0,2000}\[.*?\]\s*>", _fast_re.I | _fast_re.S)
# One attribute as the HTML5 tokenizer reads it (name, optional value); atomic, so every scan below is linear.
_ATTR = r"""(?>[\s/]*+[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]++))?+)"""
_TAG_NAME = r"<[A-Za-z][^\s/>]*+"
# A start tag with more than MAX_ATTRIBUTES attributes; group 1 is the tag up to the last attribute kept.
_TOO_MANY_ATTRS = _fast_re.compile(rf"({_TAG_NAME}{_ATTR}{{{MAX_ATTRIBUTES}}}){_ATTR}++")
# One markup token for the flattening scanner: comment, CDATA, declaration/PI, end tag, start tag.
_TOKEN = _fast_re.compile(
    r"""<!--.*?(?:-->|\Z)"""
    r"""|<!\[CDATA\[.*?(?:\]\]>|\Z)"""
    r"""|<[!?][^>]*+>?"""
    r"""|</([A-Za-z][^\s/>]*+)[^>]*+>?"""
    rf"""|<([A-Za-z][^\s/>]*+){_ATTR}*+[\s/]*+>?""",
    _fast_re.S,
)
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "isindex"})
# Elements whose content is raw text: tags inside them are not markup.
_RAW_TEXT = {name: regex.compile(rf"</{name}\b", regex.I)
             for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")}
# <noscript> and <script> start tags, and their end tags (for _empty_noscript).
_SCRIPTISH = _fast_re.compile(r"<(no)?script\b", _fast_re.I)
_NOSCRIPT = _fast_re.compile(r"<noscript\b", _fast_re.I)
_END_SCRIPT = _fast_re.compile(r"</script\b", _fast_re.I)
_END_NOSCRIPT = _fast_re.compile(r"</noscript\b[^>]*+>?", _fast_re.I)
# The same patterns for UTF-8 bytes (stream_html reads valid UTF-8 pages as bytes); a UTF-8 BOM is a space here.
_BYTES_PATTERNS = {
    "xml_decl": _fast_re.compile(rb"\A(?:\s|\xef\xbb\xbf)*+<\?xml[^>]{0,200}\?>"),
    "dtd_subset": _fast_re.compile(
        rb"\A(?:\s|\xef\xbb\xbf)*+<!DOCTYPE[^\[>]{0,2000}\[.*?\]\s*>", _fast_re.I | _fast_re.S
    ),
    "scriptish": _fast_re.compile(rb"<(no)?script\b", _fast_re.I),
    "noscript": _fast_re.compile(rb"<noscript\b", _fast_re.I),
    "end_script": _fast_re.compile(rb"</script\b", _fast_re.I),
    "end_noscript": _fast_re.compile(rb"</noscript\b[^>]*+>?", _fast_re.I),
}
_STR_PATTERNS = {"xml_decl": _XML_DECL, "dtd_subset": _DTD_SUBSET, "scriptish": _SCRIPTISH, "noscript": _NOSCRIPT,
                 "end_script": _END_SCRIPT, "end_noscript": _END_NOSCRIPT}
# Block-level tags: a flattened one becomes a line break so the words around it stay apart.
BREAK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead",
                     "tfoot", "section", "article", "aside", "nav", "header", "footer", "main", "blockquote", "pre",
                     "h1", "h2", "h3", "h4", "h5", "h6", "form", "figure", "figcaption", "address", "center",
                     "details", "summary", "fieldset", "caption", "dialog", "menu", "hgroup"})


def _parser() -> Any:
    # A new parser per call: lxml parsers keep an error log, which is per-document state.
    return lxml.html.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True, default_doctype=False
    )


def check_deadline(deadline: float | None) -> None:
    """Raise Timeout when ``deadline`` (a time.monotonic() value) has passed: for long loops before the chain."""
    if deadline is not None and time.monotonic() > deadline:
        raise Timeout("cleaning took longer than timeout_seconds (while reading the page)")


def parse_html(html: str, max_depth: int = DEFAULT_MAX_DEPTH, deadline: float | None = None) -> Any:
    """Parse HTML into an lxml tree no deeper than ``max_depth`` (see the module docstring); None when empty.

    ``deadline`` (time.monotonic()) is checked between parses and while flattening: Timeout when passed."""
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input carrying an encoding declaration
    if "<!" in html:
        html = _DTD_SUBSET.sub("", html, count=1)
    if not html.strip():
        return None
    html = _TOO_MANY_ATTRS.sub(r"\1", _empty_noscript(html))
    limit = max(8, min(max_depth, PARSER_DEPTH_CAP))
    root, too_deep = _parse(html, limit)
    check_deadline(deadline)
    # Flatten below the limit (less the html and body elements the parser adds); if the parser still nests
    # deeper (it adds tbody and others itself), flatten harder; the last attempt drops every tag.
    for flatten_at in (limit - 3, limit // 2, 0):
        if not too_deep:
            break
        check_deadline(deadline)
        root, too_deep = _parse(flatten(html, flatten_at, deadline), limit)
    return root


def stream_html(html: str | bytes, target: Any) -> bool:
    """Parse HTML into the start/end/data/close calls of an lxml parser ``target``; False when there is no markup.

    ``html`` is text, or bytes of valid UTF-8 without control characters (decode.utf8_page): bytes reach libxml2
    as they are, where text of non-ASCII pages is converted to UTF-16 or UCS-4 and back (a page parses ~25%
    faster as bytes). No tree is built, so no depth or size limit of libxml2's tree applies (the target flattens
    what it wants). Exceptions raised by the target stop its calls and come out of this function."""
    html = _empty_noscript(_strip_prolog(html))
    if not html or html.isspace():
        return False
    if _PAIRWISE_ATTRIBUTES:
        if isinstance(html, bytes):
            html = html.decode("utf-8")
        html = _TOO_MANY_ATTRS.sub(r"\1", html)
    parser = etree.HTMLParser(target=target, recover=True, no_network=True, remove_comments=True, remove_pis=True,
                              huge_tree=True, default_doctype=False,
                              encoding="utf-8" if isinstance(html, bytes) else None)
    etree.fromstring(html, parser)
    return True


def _strip_prolog(html: Any) -> Any:
    """The page (str or UTF-8 bytes) without an XML declaration (lxml refuses str input carrying an encoding
    declaration) and without the internal subset of a DOCTYPE (entity definitions). Both patterns are anchored at
    the start: match() and a slice, as sub() would try every position of a large page."""
    patterns = _BYTES_PATTERNS if isinstance(html, bytes) else _STR_PATTERNS
    found = patterns["xml_decl"].match(html)
    if found:
        html = html[found.end():]
    found = patterns["dtd_subset"].match(html)
    if found:
        html = html[found.end():]
    return html


def _script_start(html: Any, before: int) -> int:
    """Where to start scanning for <noscript>: the last <script> before ``before`` when one is still open."""
    opened, closing = (b"<script", b"</script") if isinstance(html, bytes) else ("<script", "</script")
    opened_at = html.rfind(opened, 0, before)
    if opened_at < 0 or html.rfind(closing, opened_at, before) >= 0:
        return before
    return opened_at


def _empty_noscript(html: Any) -> Any:
    """The page (str or UTF-8 bytes) with the content of each <noscript> removed, up to its first </noscript>.

    Browsers (scripting on) read noscript content as raw text that ends at the first </noscript>. libxml2 parses
    it as markup and ignores that end tag while an element opened inside is still open, so
    ``<noscript><div></noscript>`` would put the rest of the page inside an invisible element. <script> content
    is skipped so a "<noscript>" in a script string cannot start a removal. Linear: the scan only moves forward.
    """
    patterns = _BYTES_PATTERNS if isinstance(html, bytes) else _STR_PATTERNS
    first = patterns["noscript"].search(html)
    if first is None:
        return html
    scriptish, end_script, end_noscript = patterns["scriptish"], patterns["end_script"], patterns["end_noscript"]
    gt = b">" if isinstance(html, bytes) else ">"
    parts: list[Any] = []
    kept_from = 0
    pos = _script_start(html, first.start())
    while True:
        found = scriptish.search(html, pos)
        if found is None:
            break
        content_at = html.find(gt, found.end())
        if content_at < 0:
            break
        content_at += 1
        if not found.group(1):  # <script>: jump past its end tag
            end = end_script.search(html, content_at)
            if end is None:
                break
            pos = end.end()
            continue
        end = end_noscript.search(html, content_at)
        if end is None:  # no end tag: the rest of the page is noscript content for browsers too
            break
        parts.append(html[kept_from:content_at])
        kept_from = pos = end.start()
    if not parts:
        return html
    parts.append(html[kept_from:])
    return html[:0].join(parts)


def _parse(html: str, limit: int) -> tuple[Any, bool]:
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    lost = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, lost or bool(root.xpath("boolean(" + "/*" * (limit + 1) + ")"))


def flatten(html: str, max_depth: int, deadline: float | None = None) -> str:
    """The HTML with the tags of elements nested deeper than ``max_depth`` removed and all text kept.

    One linear pass over the markup; block-level tags below the limit become a line break so words stay apart.
    """
    out: list[str] = []
    stack: list[str] = []
    open_count: dict[str, int] = {}
    pos = 0
    size = len(html)
    steps = 0
    while pos < size:
        steps += 1
        if deadline is not None and not steps % 8192:
            check_deadline(deadline)
        lt = html.find("<", pos)
        if lt < 0:
            break
        match = _TOKEN.match(html, lt)
        if match is None:
            out.append(html[pos : lt + 1])
            pos = lt + 1
            continue
        out.append(html[pos:lt])
        pos = match.end()
        end_name, start_name = match.group(1), match.group(2)
        token = match.group(0)
        if start_name:
            name = start_name.lower()
            if name in VOID_TAGS or token.endswith("/>"):
                out.append(token)
                continue
            if name in _RAW_TEXT:  # kept whole at any depth (dropping <script> would show its code); no children
                close = _RAW_TEXT[name].search(html, pos)
                stop = close.start() if close else size
                out.append(token + html[pos:stop])
                pos = stop
                continue
            dropped = len(stack) >= max_depth
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            out.append(("\n" if name in BREAK_TAGS else "") if dropped else token)
            if name == "plaintext":
                break
        elif end_name:
            name = end_name.lower()
            if not open_count.get(name):
                out.append(token)  # a stray end tag: the parser ignores it too
                continue
            while True:
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break
            dropped = len(stack) >= max_depth
            out.append(("\n" if name in BREAK_TAGS else "") if dropped else token)
        else:
            out.append(token)
    out.append(html[pos:])
    return "".join(out)
