"""Container formats: JSONL exports, WARC response records (HTML) and WET conversion records (text)."""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..decode import looks_like_html, page_codec
from ..records import Record
from .formats import ReadOptions
from .warc import split_records

WARC_EXTRA = "pip install 'cleantext[batch]'"


def read_jsonl(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Record]:
    """One record per JSON line; the page is in the HTML field or else the text field.

    A line longer than ``opts.max_bytes`` is an error record and is skipped without being held in memory;
    compressed data that ends early is an error record at the line it hit (closing the stream is the
    caller's business: it may be stdin).
    """
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    yield from _jsonl_records(_lines(stream, name, opts.max_bytes), name, opts)


def _lines(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[tuple[int, bytes | None, str | None]]:
    """(line number, line or None, error or None) for every line, long lines skipped in pieces."""
    lineno = 0
    try:
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                return
            lineno += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = stream.readline(_SKIP_CHUNK)
                yield lineno, None, f"JSON line is over {max_bytes} bytes (max_input_bytes); not read"
                continue
            yield lineno, line, None
    except (EOFError, OSError, zlib.error) as exc:
        yield lineno + 1, None, f"the data ends early or is corrupt ({type(exc).__name__}: {exc})"


_SKIP_CHUNK = 1024 * 1024


def _jsonl_records(lines: Iterator[tuple[int, bytes | None, str | None]], name: str, opts: ReadOptions
                   ) -> Iterator[Record]:
    for lineno, raw, problem in lines:
        where = f"{name}:{lineno}"
        if raw is None:
            yield Record(id=where, content=None, source=name, error=problem)
            continue
        line = raw.decode("utf-8", "replace")
        if not line.strip():
            continue
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
    """HTML bodies of successful "response" records and/or text of "conversion" (WET) records.

    A record cut short, or whose length is wrong, is an error record; the records after it are still read.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Record(id=name, content=None, source=name,
                     error=f"reading WARC/WET needs the warcio package: {WARC_EXTRA}")
        return
    for count, raw in enumerate(split_records(stream, max_bytes), 1):
        kind = raw.header("WARC-Type")
        rid = (raw.header("WARC-Record-ID") or f"{name}#{count}").strip("<>")
        url = raw.header("WARC-Target-URI")
        if raw.error is not None:
            # A record we would skip anyway may be too large; damage (a cut, a wrong length) is always said.
            if kind in kinds or not raw.error.startswith("record body is over"):
                yield Record(id=rid, content=None, url=url, source=name, error=f"bad WARC record: {raw.error}")
            continue
        if kind not in kinds:
            continue
        body = raw.body or b""
        if kind == "conversion":
            yield Record(id=rid, content=_with_charset(body, raw.header("Content-Type") or ""), url=url,
                         mode="text", source=name)
            continue
        try:
            rec = next(iter(ArchiveIterator(io.BytesIO(raw.header_block + body + b"\r\n\r\n"))))
            page = _response_page(rec, max_bytes)
        except _TooLarge:
            yield Record(id=rid, content=None, url=url, source=name, error=_too_large(max_bytes))
            continue
        except Exception as exc:  # warcio's HTTP parsing: a malformed response is this record's error
            yield Record(id=rid, content=None, url=url, source=name,
                         error=f"bad WARC record: {type(exc).__name__}: {exc}")
            continue
        if page is not None:
            yield Record(id=rid, content=page, url=url, mode="html", source=name)


class _TooLarge(Exception):
    """A record body over the size limit (it is not read whole)."""


def _too_large(max_bytes: int) -> str:
    return f"record body is over {max_bytes} bytes (max_input_bytes); not read"


def _response_page(rec: object, max_bytes: int) -> str | bytes | None:
    """The HTML of a 2xx response (decoded with the HTTP charset when it fits), else None."""
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
    return _with_charset(body, ctype)


def _with_charset(body: bytes, content_type: str) -> str | bytes:
    """The body decoded with its declared charset when the bytes fit it; else the bytes, for cleantext to detect.

    Labels are read as browsers read them (UTF-16/32 on a byte stream means UTF-8, Latin-1 means windows-1252),
    so an ASCII body labelled utf-16 does not turn into CJK text.
    """
    charset = _charset(content_type)
    if charset:
        try:
            return body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong charset: let cleantext detect the encoding of the bytes
    try:
        return body.decode("utf-8")  # what detection would choose first; a str travels to workers as well
    except UnicodeDecodeError:
        return body


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value:
            return page_codec(value)
    return None
