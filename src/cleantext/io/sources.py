"""Where pages come from: files, directories, glob patterns and stdin, each read as a page or a container.

Every reader yields Records lazily (one file or one container record at a time), so a batch never holds
more than the in-flight window in memory. A path that cannot be read becomes a Record with ``error``
set: the batch reports it and goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Record
from .containers import read_jsonl, read_warc
from .formats import INPUT_FORMATS, ReadOptions, format_from_name

__all__ = ["INPUT_FORMATS", "ReadOptions", "expand_path", "format_from_name", "read_file", "read_inputs",
           "sniff_format"]

_SNIFF_BYTES = 64 * 1024


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes: "warc", "jsonl", or "page" (HTML or text, decided later)."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, _SNIFF_BYTES)
        except zlib.error:
            return "page"
    start = head.lstrip()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0]
        try:
            import json

            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            # The first line may be longer than the sniffed bytes; '{"' still says JSON, not a page.
            if start[1:].lstrip().startswith(b'"') and b"\n" not in start:
                return "jsonl"
    return "page"


def read_inputs(paths: Sequence[str], options: ReadOptions | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Record]:
    """Records from every path in order ("-" is stdin; none at all means stdin)."""
    opts = options or ReadOptions()
    for path in paths or ["-"]:
        if path == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, "<stdin>", opts)
        else:
            for file, error in expand_path(path, opts):
                if error:
                    yield Record(id=file, content=None, source=file, error=error)
                else:
                    yield from read_file(file, opts, output_name(path, file))


def output_name(argument: str, file: str) -> str:
    """Where a file's output goes below an output folder: its path below the PATH argument that found it.

    ``-r pages`` finds pages/sub/x.html as "sub/x.html", and so does ``-r /abs/pages``; a file named
    by itself is its base name; a glob pattern's files are named below the pattern's fixed folders.
    """
    root = argument
    if not Path(argument).is_dir():
        if not glob.has_magic(argument):
            return os.path.basename(file)
        fixed = []
        for part in Path(argument).parts:
            if glob.has_magic(part):
                break
            fixed.append(part)
        root = os.path.join(*fixed) if fixed else "."
    name = os.path.relpath(file, root)
    return name if not name.startswith("..") else os.path.basename(file)


def expand_path(path: str, opts: ReadOptions) -> Iterator[tuple[str, str | None]]:
    """(file, error) pairs for one PATH argument: a file, a directory, or a glob pattern."""
    p = Path(path)
    if p.is_dir():
        if not opts.recursive:
            yield path, "is a directory (use --recursive to read the files in it)"
            return
        yield from ((f, None) for f in _walk(p, opts))
        return
    if p.exists() or not glob.has_magic(path):
        yield path, None  # a missing file is reported when it is opened, with the system's message
        return
    matches = sorted(glob.glob(path, recursive=True))
    files = [m for m in matches if not Path(m).is_dir()]
    if opts.recursive:
        files += [f for m in matches if Path(m).is_dir() for f in _walk(Path(m), opts)]
    if not files:
        yield path, "no file matches this pattern"
    yield from ((f, None) for f in files)


def _walk(root: Path, opts: ReadOptions) -> Iterator[str]:
    """Files under root in sorted order, skipping hidden ones and, with --input-format auto, unknown extensions."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if opts.input_format == "auto" and format_from_name(name) is None:
                continue  # pictures, scripts and stylesheets saved beside pages are not pages
            yield os.path.join(dirpath, name)


def read_file(path: str, opts: ReadOptions, name: str | None = None) -> Iterator[Record]:
    """The records of one file (one page, or every record of a JSONL/WARC/WET container).

    ``name`` is the output name of a page file (see output_name); container records are named by their ids.
    """
    try:
        with open(path, "rb") as raw:
            yield from _read_stream(raw, path, opts, name_format=format_from_name(path), out_name=name)
    except OSError as exc:
        yield Record(id=path, content=None, source=path, error=exc.strerror or str(exc))


def _read_stream(stream: BinaryIO, name: str, opts: ReadOptions, name_format: str | None = None,
                 out_name: str | None = None) -> Iterator[Record]:
    fmt = opts.input_format if opts.input_format != "auto" else name_format
    head = b""
    if fmt is None or fmt in ("html", "text"):
        head = stream.read(_SNIFF_BYTES)
        fmt = fmt or sniff_format(head)
    if fmt in ("jsonl", "warc", "wet"):
        stream = _rewind(head, stream) if head else stream
        if _is_gzip_stream(stream) and fmt == "jsonl":
            stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
        if fmt == "jsonl":
            yield from read_jsonl(stream, name, opts)
        else:  # warcio reads gzip members itself; "warc" from a sniff takes both kinds of records
            kinds = {"warc": ("response",), "wet": ("conversion",)}[fmt]
            if opts.input_format == "auto" and name_format is None:
                kinds = ("response", "conversion")
            yield from read_warc(stream, name, kinds, opts.max_bytes)
        return
    yield _read_page(head, stream, name, fmt, opts, out_name)


def _read_page(head: bytes, stream: BinaryIO, name: str, fmt: str, opts: ReadOptions,
               out_name: str | None = None) -> Record:
    mode = fmt if fmt in ("html", "text") else None
    data = head + stream.read(max(0, opts.max_bytes + 1 - len(head)))
    if data[:2] == b"\x1f\x8b" and name.lower().endswith(".gz"):
        try:
            data = gzip.GzipFile(fileobj=_rewind(data, stream)).read(opts.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            return Record(id=name, content=None, source=name, error=f"bad gzip data: {exc}")
    if len(data) > opts.max_bytes:
        return Record(id=name, content=None, source=name,
                      error=f"input is over {opts.max_bytes} bytes (max_input_bytes); not read")
    return Record(id=name, content=data, mode=mode, source=name, name=out_name)


def _is_gzip_stream(stream: BinaryIO) -> bool:
    peek = getattr(stream, "peek", None)
    return bool(peek and peek(2)[:2] == b"\x1f\x8b")


class _Rewound(io.RawIOBase):
    """A read-only stream that first returns already-read bytes, then the rest of the real stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _rewind(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A buffered stream (with peek) that replays head before the rest."""
    return io.BufferedReader(_Rewound(head, rest))  # type: ignore[return-value]
