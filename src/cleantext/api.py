"""clean(): decode, segment, run the rule chain, return a Document."""

from __future__ import annotations

import time
from collections.abc import Sequence

from .chain import Context, run_chain
from .decode import check_not_binary, decode_bytes, looks_like_html
from .document import Document
from .errors import InputTooLarge
from .options import Mode, Options
from .presets import DEFAULT_RULES
from .rule import Rule
from .segment.html import segment_html
from .segment.text import segment_text


def clean(
    source: str | bytes,
    mode: Mode | None = None,
    *,
    options: Options | None = None,
    rules: Sequence[Rule] | None = None,
    **kwargs: object,
) -> Document:
    """Clean one page (HTML or text, str or bytes) and return its body with every decision explained.

    ``mode`` is "auto" (default: HTML when the input has tags), "html" or "text". Other keyword
    arguments build an Options object (see cleantext.Options); ``rules`` replaces the default chain.
    """
    if mode is not None:
        kwargs["mode"] = mode
    opts = Options.build(options, **kwargs)
    started = time.monotonic()
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        _check_size(len(data), opts)
        check_not_binary(data)
        text = decode_bytes(data)
    elif isinstance(source, str):
        _check_size(len(source), opts)
        text = source
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(source).__name__}")
    actual_mode = opts.mode if opts.mode != "auto" else ("html" if looks_like_html(text) else "text")
    if actual_mode == "html":
        blocks, metadata = segment_html(text)
    else:
        blocks, metadata = segment_text(text), {}
    truncated = None
    if len(blocks) > opts.max_blocks:
        truncated = f"max_blocks: kept the first {opts.max_blocks} of {len(blocks)} blocks"
        del blocks[opts.max_blocks :]
    deadline = started + opts.timeout_seconds if opts.timeout_seconds else None
    ctx = Context(blocks=blocks, options=opts, mode=actual_mode, metadata=metadata, deadline=deadline)
    run_chain(ctx, DEFAULT_RULES if rules is None else rules)
    return Document(blocks=blocks, mode=actual_mode, metadata=metadata, truncated=truncated)


def _check_size(size: int, opts: Options) -> None:
    if size > opts.max_input_bytes:
        raise InputTooLarge(f"input is {size} bytes, over max_input_bytes={opts.max_input_bytes}")
