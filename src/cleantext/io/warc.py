"""Splitting a WARC or WET stream into records without trusting it: a cut or a wrong length is an error.

warcio reads a record's HTTP part well, but it takes a record cut short as complete and lets a too-large
Content-Length swallow the records after it. This splitter reads the WARC framing itself — the version
line, the header block, Content-Length bytes, then the blank lines that must follow — and checks each
step. A record cut short (by the end of the file or of its gzip data) is an error; a length that does not
end at the record's end is an error on that record, and reading goes on at the next record header found
(inside the body a too-large length swallowed, or further on).
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

_MAX_HEADER_LINE = 64 * 1024
_MAX_HEADER_LINES = 512
_CHUNK = 64 * 1024
_VERSIONS = (b"WARC/1.0", b"WARC/1.1", b"WARC/0.")
_NEXT_RECORD = b"\nWARC/1."  # where a record's header block can start inside what we read


@dataclass
class RawRecord:
    """One WARC record: its headers (lower-cased names) and body, or an error that says what is wrong."""

    headers: dict[str, str] = field(default_factory=dict)
    header_block: bytes = b""
    body: bytes | None = None
    error: str | None = None
    offset: int = 0  # of the record in the (decompressed) stream

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class _Reader:
    """A byte stream with a push-back buffer and a running position; compression errors become EOF + a note."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.buffer, self.position = stream, bytearray(), 0
        self.broken: str | None = None  # why the data ended early (cut gzip data), if it did

    def _fill(self, want: int) -> bool:
        while len(self.buffer) < want and self.broken is None:
            try:
                data = self.stream.read(max(_CHUNK, want - len(self.buffer)))
            except (EOFError, OSError, zlib.error) as exc:  # gzip data cut short or corrupt
                self.broken = f"compressed data ends early or is corrupt ({type(exc).__name__}: {exc})"
                return False
            if not data:
                return False
            self.buffer += data
        return len(self.buffer) >= want

    def peek(self, n: int) -> bytes:
        self._fill(n)
        return bytes(self.buffer[:n])

    def read(self, n: int) -> bytes:
        self._fill(n)
        data = bytes(self.buffer[:n])
        del self.buffer[:n]
        self.position += len(data)
        return data

    def skip(self, n: int) -> int:
        """Drop n bytes without keeping them; returns how many there were."""
        done = 0
        while done < n:
            got = len(self.read(min(_CHUNK, n - done)))
            if not got:
                break
            done += got
        return done

    def readline(self, limit: int = _MAX_HEADER_LINE) -> bytes:
        while True:
            end = self.buffer.find(b"\n", 0, limit)
            if end >= 0:
                return self.read(end + 1)
            if len(self.buffer) >= limit or not self._fill(len(self.buffer) + 1):
                return self.read(min(limit, len(self.buffer)))

    def unread(self, data: bytes) -> None:
        self.buffer[:0] = data
        self.position -= len(data)

    def seek_record(self) -> bool:
        """Skip to the next line that starts a WARC record; False at the end of the data."""
        if self.peek(len(_NEXT_RECORD) - 1) == _NEXT_RECORD[1:]:
            return True  # called at a line start, and the line is a record's first
        while True:
            at = self.buffer.find(_NEXT_RECORD)
            if at >= 0:
                self.read(at + 1)
                return True
            keep = len(_NEXT_RECORD) - 1
            if len(self.buffer) > keep:
                self.read(len(self.buffer) - keep)
            if not self._fill(len(self.buffer) + 1):
                self.read(len(self.buffer))
                return False


class _GzipMembers:
    """Decompressed bytes of gzip members one after another; everything before a cut is returned first.

    (gzip.GzipFile raises on a cut member and drops what that read call had decompressed.)
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.member = zlib.decompressobj(wbits=31)
        self.started = False  # the current member has input

    def read(self, size: int) -> bytes:
        while True:
            data = self.member.unconsumed_tail or self.stream.read(_CHUNK)
            if not data:
                if self.started and not self.member.eof:
                    raise EOFError("gzip data ends inside a member")
                return b""
            self.started = True
            out = self.member.decompress(data, size)
            if self.member.eof:
                rest = self.member.unused_data
                self.member, self.started = zlib.decompressobj(wbits=31), False
                if rest.strip(b"\x00"):
                    out += self._continue(rest, size - len(out))
            if out:
                return out

    def _continue(self, rest: bytes, size: int) -> bytes:
        self.started = True
        out = self.member.decompress(rest, max(size, 1))
        if self.member.eof:  # a member wholly inside the rest: go on with what follows it
            tail = self.member.unused_data
            self.member, self.started = zlib.decompressobj(wbits=31), False
            if tail.strip(b"\x00"):
                out += self._continue(tail, size - len(out))
        return out


def open_warc(stream: BinaryIO) -> BinaryIO:
    """The stream, decompressed when it is gzip (every member in turn, as WARC files store records)."""
    peek = getattr(stream, "peek", None)
    if peek is not None and peek(2)[:2] == b"\x1f\x8b":
        return _GzipMembers(stream)  # type: ignore[return-value]
    return stream


def split_records(stream: BinaryIO, max_bytes: int) -> Iterator[RawRecord]:
    """Every record of a WARC stream (plain or gzip), in order; bodies over max_bytes are skipped with an error."""
    reader = _Reader(open_warc(stream))
    while True:
        while reader.peek(2)[:1] in (b"\r", b"\n"):
            reader.read(1)  # blank lines between records
        offset = reader.position
        first = reader.readline()
        if not first:
            if reader.broken:
                yield RawRecord(error=reader.broken, offset=offset)
            return
        if not first.startswith(_VERSIONS):
            yield RawRecord(error=f"no WARC record starts at byte {offset} of the data", offset=offset)
            if not reader.seek_record():
                return
            continue
        record = _read_headers(reader, first, offset)
        if record.error:
            yield record
            if reader.broken or not reader.seek_record():
                return
            continue
        if (yield from _read_body(reader, record, max_bytes)):
            return  # the data ended inside this record: nothing follows


def _read_headers(reader: _Reader, first: bytes, offset: int) -> RawRecord:
    lines = [first]
    while True:
        line = reader.readline()
        if not line:
            why = reader.broken or "the data ends inside the record's headers"
            return RawRecord(header_block=b"".join(lines), error=f"record cut short: {why}", offset=offset)
        lines.append(line)
        if line in (b"\r\n", b"\n"):
            break
        if len(lines) > _MAX_HEADER_LINES:
            return RawRecord(error="record header block is too long", offset=offset)
    record = RawRecord(header_block=b"".join(lines), offset=offset)
    for line in lines[1:-1]:
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            record.headers[name.strip().lower()] = value.strip()
    length = record.header("Content-Length")
    if length is None or not length.isdigit():
        record.error = f"record has no valid Content-Length ({length!r})"
    return record


def _read_body(reader: _Reader, record: RawRecord, max_bytes: int) -> Generator[RawRecord, None, bool]:
    """The record with its body or an error; returns True when the data ended inside it."""
    length = int(record.header("Content-Length") or 0)
    if length > max_bytes:
        got = reader.skip(length)
        if got < length:
            record.error = f"record cut short: {got} of {length} bytes ({reader.broken or 'end of data'})"
            yield record
            return True
        record.error = f"record body is over {max_bytes} bytes (max_input_bytes); not read"
        yield record
        _expect_end(reader, None)
        return False
    body = reader.read(length)
    if len(body) < length:
        record.error = f"record cut short: {len(body)} of {length} bytes ({reader.broken or 'end of data'})"
        yield record
        return True
    swallowed = _expect_end(reader, body)
    if swallowed is None:
        record.body = body
        yield record
        return False
    record.error = "Content-Length does not end at the end of the record (a wrong length); record skipped"
    yield record
    if swallowed >= 0:  # a too-large length: the next record starts inside what was read as this body
        reader.unread(body[swallowed:])
    return False


def _expect_end(reader: _Reader, body: bytes | None) -> int | None:
    """Check the blank line(s) after a body; None when they are there (or the data ends), else where to go on.

    Returns the offset in ``body`` of the next record's header when a too-large length swallowed it, or -1
    after skipping forward to the next record header (a too-small length, or garbage).
    """
    end = reader.peek(4)
    if end.startswith(b"\r\n") or end.startswith(b"\n") or not end:
        return None
    if body is not None:
        at = body.find(_NEXT_RECORD)
        if at >= 0:
            return at + 1
    reader.seek_record()
    return -1
