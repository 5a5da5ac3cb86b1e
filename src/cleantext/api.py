"""clean(): decode, segment, run the rule chain, return a Document."""

from __future__ import annotations

import difflib
import time
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any

from .chain import run_chain
from .context import Context
from .decode import check_text, decode_bytes, html_head, looks_like_html, sanitize_text, utf8_page
from .document import Block, Document
from .errors import InputTooLarge
from .options import COMMENT_RULES, COMMENTS_KIND, Mode, Options
from .pagetype import decide
from .presets import DEFAULT_RULES
from .rule import Rule
from .segment.html import gc_paused, segment_html, segment_tree
from .segment.noscript import is_thin, unwrap_noscript
from .segment.text import segment_text
from .segment.trees import TREE_TYPES, tree_kind
from .templates import KIND as TEMPLATE_KIND
from .templates import RULE_NAME as TEMPLATE_RULE


def clean(
    source: str | bytes | PurePath | Any,
    mode: Mode | None = None,
    *,
    options: Options | None = None,
    rules: Sequence[Rule] | None = None,
    **kwargs: object,
) -> Document:
    """Clean one page and return its body with every decision explained.

    ``source`` is the page as str or bytes (HTML or text; a str is always the page itself, never a file name),
    a ``pathlib.Path`` of a file to read, or a page already parsed: an lxml element or element tree, or a
    BeautifulSoup object or tag (walked as it is, no second parse). Anything else raises TypeError.
    ``mode`` is "auto" (default: HTML when the input has tags), "html" or "text". Other keyword
    arguments build an Options object (see cleantext.Options); ``rules`` replaces the default chain.
    """
    if mode is not None:
        kwargs["mode"] = mode
    opts = Options.build(options, **kwargs)
    check_disable(opts, rules)
    with gc_paused():
        return _clean(source, opts, rules)


def _clean(source: object, opts: Options, rules: Sequence[Rule] | None) -> Document:
    started = time.monotonic()
    page: bytes | None = None  # valid UTF-8 bytes the HTML parser reads as they are (no decoded copy)
    text = ""
    if isinstance(source, PurePath):
        source = _read_file(Path(source), opts)
    elif not isinstance(source, str | bytes | bytearray | memoryview):
        kind = tree_kind(source)
        if kind is None:
            raise TypeError(f"clean() takes str, bytes, pathlib.Path, {TREE_TYPES}; not {type(source).__name__}")
        return _clean_tree(source, kind, opts, rules, started)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        _check_size(len(data), opts)
        # Both raise UnsupportedInput for binary data; decoding never raises for invalid sequences.
        page = utf8_page(data) if opts.mode != "text" else None
        if page is None:
            text = decode_bytes(data)
        del data  # a copy when the caller passed a bytearray or memoryview: not needed past the decode
        text = sanitize_text(text)
    elif isinstance(source, str):
        _check_size(len(source), opts)
        check_text(source)
        text = sanitize_text(source)
    deadline = started + opts.timeout_seconds if opts.timeout_seconds else None
    if opts.mode != "auto":
        actual_mode = opts.mode
    else:
        actual_mode = "html" if looks_like_html(html_head(page) if page is not None else text) else "text"
    if page is not None and actual_mode == "text":
        text, page = page.decode("utf-8"), None
    if actual_mode == "html":
        markup = page if page is not None else text
        blocks, metadata = segment_html(markup, opts.max_depth, opts.max_blocks, deadline)
        if is_thin(blocks) and (unwrapped := unwrap_noscript(markup)) is not None:
            blocks, metadata = segment_html(unwrapped, opts.max_depth, opts.max_blocks, deadline)
        del markup
    else:
        blocks, metadata = segment_text(text, opts.max_blocks), {}
    del page
    del text  # the blocks hold what the rules need; a large page's decoded text need not live through the chain
    return _finish(blocks, metadata, actual_mode, opts, rules, deadline)


def _clean_tree(tree: object, kind: str, opts: Options, rules: Sequence[Rule] | None, started: float) -> Document:
    """A parsed page (lxml or BeautifulSoup): always HTML, walked without serialising it."""
    if opts.mode == "text":
        raise ValueError(f"mode='text' needs text input; {TREE_TYPES} is HTML")
    deadline = started + opts.timeout_seconds if opts.timeout_seconds else None
    blocks, metadata = segment_tree(tree, kind, opts.max_depth, opts.max_blocks, deadline)
    return _finish(blocks, metadata, "html", opts, rules, deadline)


def _read_file(path: Path, opts: Options) -> bytes:
    """A file's bytes; InputTooLarge before reading one over max_input_bytes (OSError as usual when unreadable)."""
    _check_size(path.stat().st_size, opts)
    return path.read_bytes()


def _finish(blocks: list[Block], metadata: dict[str, Any], actual_mode: Mode, opts: Options,
            rules: Sequence[Rule] | None, deadline: float | None) -> Document:
    """Run the chain over the blocks and make the Document."""
    truncated = None
    # The segmenters stop one block past the limit, so a huge page never holds millions of blocks in memory.
    if len(blocks) > opts.max_blocks:
        truncated = f"max_blocks: kept the first {opts.max_blocks} blocks, the rest of the page was not cleaned"
        del blocks[opts.max_blocks :]
    page_type = decide(blocks, metadata, actual_mode, opts.url, opts.page_type)
    ctx = Context(blocks=blocks, options=opts, mode=actual_mode, metadata=metadata, deadline=deadline,
                  page_type=page_type)
    run_chain(ctx, DEFAULT_RULES if rules is None else rules)
    if opts.include_comments:
        for block in blocks:
            if block.label == "boilerplate" and block.rule in COMMENT_RULES and (
                    block.rule != "comment-thread" or f"({COMMENTS_KIND})" in (block.reason or "")):
                block.label = "comment"
    return Document(blocks=blocks, mode=actual_mode, raw_metadata=metadata, truncated=truncated, options=opts,
                    page_type=page_type)


def _known_names(rules: Sequence[Rule]) -> frozenset[str]:
    return frozenset({r.name for r in rules} | {r.kind for r in rules} | {TEMPLATE_RULE, TEMPLATE_KIND})


_DEFAULT_NAMES = _known_names(DEFAULT_RULES)
_checked: set[frozenset[str]] = set()  # disable sets already found valid for the default chain (few per process)


def check_disable(options: Options, rules: Sequence[Rule] | None = None) -> None:
    """Raise ValueError for a name in ``options.disable`` that is no rule or kind, listing the close matches."""
    names = options.disable - {kind for kind, _ in options.extra_phrases}  # a caller's own kinds count too
    if not names or (rules is None and names in _checked):
        return
    known = _DEFAULT_NAMES if rules is None else _known_names(rules)
    unknown = sorted(n for n in names if n not in known)
    if unknown:
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
            hints.append(f"{name!r}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
        raise ValueError(f"unknown rule or kind in disable: {'; '.join(hints)}; "
                         "`cleantext --list-rules` lists every rule and kind")
    if rules is None and len(_checked) < 256:
        _checked.add(names)


def _check_size(size: int, opts: Options) -> None:
    # For str input the size is counted in characters: measuring its UTF-8 length would copy it.
    if opts.max_input_bytes is not None and size > opts.max_input_bytes:
        raise InputTooLarge(f"input is {size} bytes, over max_input_bytes={opts.max_input_bytes}")
