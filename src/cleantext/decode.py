"""Bytes to text, and HTML-or-text detection."""

from __future__ import annotations

import codecs

import regex

from .errors import UnsupportedInput

_META_CHARSET = regex.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.I)
_HTML_SNIFF = regex.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|br|span|a\s|article|section|table|ul|li|h[1-6]|meta|title|script)\b",
    regex.I,
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> str:
    """Decode page bytes: BOM, then strict UTF-8, then <meta charset>, then a detector, then cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii", "replace")
        try:
            return data.decode(codecs.lookup(name).name, errors="replace")
        except LookupError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except ImportError:  # pragma: no cover - charset-normalizer is a declared dependency
        pass
    return data.decode("cp1252", errors="replace")


def looks_like_html(text: str) -> bool:
    """True when the start of the text has HTML tags."""
    head = text[:5000]
    return bool(_HTML_SNIFF.search(head))


def check_not_binary(data: bytes) -> None:
    """Raise UnsupportedInput for data that is clearly not text (NULs outside UTF-16/32, magic numbers)."""
    head = data[:1024]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return
    if head.count(b"\x00") > len(head) // 10:
        raise UnsupportedInput("input looks binary (contains NUL bytes), not a web page or text")
