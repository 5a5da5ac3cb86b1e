"""Container formats: JSONL exports, WARC response records (HTML) and WET conversion records (text)."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from ..decode import looks_like_html
from ..records import Record
from .formats import ReadOptions

WARC_EXTRA = "pip install 'cleantext[batch]'"


def read_jsonl(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Record]:
    """One record per JSON line; the page is in the HTML field or else the text field."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline=None)  # type: ignore[arg-type]
    try:
        yield from _jsonl_records(text, name, opts)
    finally:
        text.detach()  # closing the stream is the caller's business (it may be stdin)


def _jsonl_records(text: Iterator[str], name: str, opts: ReadOptions) -> Iterator[Record]:
    for lineno, line in enumerate(text, 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield Record(id=where, content=None, source=name, error=f"invalid JSON: {exc}")
            continue
        if not isinstance(data, dict):
            yield Record(id=where, content=None, source=name, error="a JSON line must be an object")
            continue
        rid = data.get(opts.id_field)
        rid = where if rid is None or rid == "" else str(rid)
        url = data.get(opts.url_field)
        url = url if isinstance(url, str) else None
        html, plain = data.get(opts.html_field), data.get(opts.text_field)
        if isinstance(html, str):
            yield Record(id=rid, content=html, url=url, mode="html", source=name)
        elif isinstance(plain, str):
            yield Record(id=rid, content=plain, url=url, mode="text", source=name)
        else:
            yield Record(id=rid, content=None, url=url, source=name,
                         error=f"no string field {opts.html_field!r} or {opts.text_field!r}")


def read_warc(stream: BinaryIO, name: str, kinds: tuple[str, ...], max_bytes: int = 64 * 1024 * 1024
              ) -> Iterator[Record]:
    """HTML bodies of successful "response" records and/or text of "conversion" (WET) records."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Record(id=name, content=None, source=name,
                     error=f"reading WARC/WET needs the warcio package: {WARC_EXTRA}")
        return
    count = 0
    try:
        for rec in ArchiveIterator(stream):
            count += 1
            if rec.rec_type not in kinds:
                continue
            rid = (rec.rec_headers.get_header("WARC-Record-ID") or f"{name}#{count}").strip("<>")
            url = rec.rec_headers.get_header("WARC-Target-URI")
            if rec.rec_type == "conversion":
                body = rec.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Record(id=rid, content=None, url=url, source=name, error=_too_large(max_bytes))
                    continue
                yield Record(id=rid, content=body.decode("utf-8", "replace"), url=url, mode="text", source=name)
                continue
            try:
                page = _response_page(rec, max_bytes)
            except _TooLarge:
                yield Record(id=rid, content=None, url=url, source=name, error=_too_large(max_bytes))
                continue
            if page is not None:
                yield Record(id=rid, content=page, url=url, mode="html", source=name)
    except ArchiveLoadFailed as exc:
        yield Record(id=f"{name}#{count + 1}", content=None, source=name, error=f"bad WARC record: {exc}")
    except (OSError, EOFError, ValueError) as exc:
        yield Record(id=f"{name}#{count + 1}", content=None, source=name,
                     error=f"cannot read WARC record: {type(exc).__name__}: {exc}")


class _TooLarge(Exception):
    """A record body over the size limit (it is not read whole)."""


def _too_large(max_bytes: int) -> str:
    return f"record body is over {max_bytes} bytes (max_input_bytes); not read"


def _response_page(rec: object, max_bytes: int) -> str | bytes | None:
    """The HTML of a 2xx response (decoded with the HTTP charset when it is valid), else None."""
    http = rec.http_headers  # type: ignore[attr-defined]
    if http is None:
        return None
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return None  # redirects and error pages are not articles
    ctype = (http.get_header("Content-Type") or "").lower()
    if ctype and "html" not in ctype:
        return None  # images, PDFs, scripts, feeds
    body: bytes = rec.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > max_bytes:
        raise _TooLarge
    if not ctype and not looks_like_html(body[:5000].decode("latin-1")):
        return None
    charset = _charset(ctype)
    if charset:
        try:
            return body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong HTTP charset: let cleantext sniff the bytes
    return body


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value:
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None
