"""Bytes to text, input sanity checks, and HTML-or-text detection.

Decoding order for bytes (docs/robustness.md explains each step):
1. refuse known binary formats by their magic number (images, PDF, archives, compressed data);
2. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
3. UTF-32 / UTF-16 without a BOM, recognised by their NUL-byte pattern; other data with many control bytes is
   refused as binary;
4. UTF-8 when the bytes are valid UTF-8, or mostly valid UTF-8 with a few stray bytes (mixed encodings: each
   stray byte is read as windows-1252);
5. the charset declared by ``<meta charset>``, ``<meta http-equiv="Content-Type">`` or an XML declaration, when
   the bytes decode cleanly with it;
6. charset-normalizer's best guess;
7. windows-1252 with invalid bytes replaced. Decoding never raises on invalid sequences.
"""

from __future__ import annotations

import codecs

import regex

from .errors import UnsupportedInput

_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    regex.I,
)
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
# Formats that are never a web page or text, by their first bytes. Only signatures that cannot start a text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"BZh", "bzip2-compressed data (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB/JAR file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an ICO image"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS\x00", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    *((b"ID3" + bytes([version]), "an MP3 audio file") for version in (2, 3, 4)),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
# C0 control bytes that no text encoding we accept uses (TAB LF VT FF CR, SO/SI and ESC of ISO-2022 excluded).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_CHARS = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SANITIZE_SLICE = 1 << 20  # characters encoded at a time by sanitize_text
_SANITIZED_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # the characters _CONTROL_CHARS finds
# The same bytes one by one: 28 memchr scans (`in`) find none in a page ~2x faster than bytes.translate copies it.
_SANITIZED_SINGLES = tuple(bytes([b]) for b in _SANITIZED_BYTES)
_LONE_SURROGATES = regex.compile(r"[\ud800-\udfff]")
# How much of the text looks_like_html reads.
_SNIFF_CHARS = 5000
# How much of the input the checks sample: enough for any real page's head, cheap on a 64 MB input.
SAMPLE_BYTES = 64 * 1024
# Share of control bytes above which data is binary. Text has ~0%; random or compressed bytes ~10%.
BINARY_CONTROL_SHARE = 0.05
# Mixed encodings: UTF-8 wins when valid multi-byte sequences outnumber invalid bytes this many times.
UTF8_MAJORITY = 2
_WINDOWS_1252_FALLBACK = "cleantext-utf8-windows-1252"
_NOT_PAGE_CHARSETS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7",
                                "cleantext-utf8-windows-1252"})


def _utf8_fallback(exc: UnicodeError) -> tuple[str, int]:
    # Reads each byte UTF-8 rejects as windows-1252: the usual mixture on pages glued from several sources.
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


# Registering an error handler is idempotent and stores a pure function: no state changes between calls.
codecs.register_error(_WINDOWS_1252_FALLBACK, _utf8_fallback)


def sniff_binary(data: bytes) -> str | None:
    """What known binary format the data starts with ("a PNG image"...), or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if magic == b"BZh" and data[4:10] != b"1AY&SY":
                continue
            return name
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime media file"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode page bytes to text (see the module docstring for the order); raise UnsupportedInput for binary."""
    if not data:
        return ""
    skip, encoding = _classify(data)
    if encoding:
        return data[skip:].decode(encoding, errors="replace")
    return _decode_8bit(data)


def _has_sanitized(data: bytes) -> bool:
    """Whether ``data`` holds a byte of _SANITIZED_BYTES."""
    return any(byte in data for byte in _SANITIZED_SINGLES)


def utf8_page(data: bytes) -> bytes | None:
    """The page as bytes the HTML parser can read as they are, or None when it needs decode_bytes().

    That is valid UTF-8 (its BOM removed) without a control character sanitize_text() would remove: the text
    decode_bytes() and sanitize_text() would give is exactly these bytes decoded. Checked by slices, so a large
    page never has a full-size decoded copy. Raises UnsupportedInput for binary data, as decode_bytes() does."""
    if not data:
        return None
    # No control byte sanitize_text() removes in the first slice: then the sample _classify() reads holds none of
    # its control bytes either (a subset), so its copy counting them is skipped (~0.04 ms of a 136 KB page).
    clean_start = not _has_sanitized(data[:_SANITIZE_SLICE])
    skip, encoding = _classify(data, clean_start)
    if (encoding and encoding != "utf-8") or not clean_start:
        return None
    page = data[skip:] if skip else data
    ascii_only = page.isascii()
    decoder = None if ascii_only else codecs.getincrementaldecoder("utf-8")()
    view = memoryview(page)
    for start in range(0, len(page), _SANITIZE_SLICE):
        if (start or skip) and _has_sanitized(page[start : start + _SANITIZE_SLICE]):  # the first one is checked
            return None
        if decoder is not None:
            try:
                decoder.decode(view[start : start + _SANITIZE_SLICE])
            except UnicodeDecodeError:
                return None
    if decoder is not None:
        try:
            decoder.decode(b"", True)
        except UnicodeDecodeError:
            return None
    return page


def html_head(page: bytes) -> str:
    """The first 5,000 characters of a page of valid UTF-8 bytes: what looks_like_html() reads."""
    return page[: 4 * _SNIFF_CHARS + 4].decode("utf-8", errors="ignore")[:_SNIFF_CHARS]


def _classify(data: bytes, no_controls: bool = False) -> tuple[int, str]:
    """(BOM length, codec) for Unicode with or without a BOM, (0, "") for 8-bit text; UnsupportedInput for binary.

    ``no_controls``: the caller knows the first SAMPLE_BYTES hold no _CONTROL_BYTES."""
    kind = sniff_binary(data)
    if kind:
        raise UnsupportedInput(f"input is {kind}, not a web page or text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return len(bom), encoding
    if no_controls:
        return 0, ""
    sample = data[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) * BINARY_CONTROL_SHARE:
        encoding = _wide_unicode(sample)
        if encoding is None:
            share = controls / len(sample)
            raise UnsupportedInput(
                f"input looks binary ({share:.0%} control bytes such as NUL), not a web page or text"
            )
        return 0, encoding
    return 0, ""


def _wide_unicode(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE/BE) when the sample decodes cleanly with it into printable text."""
    for encoding, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        chunk = sample[: len(sample) - len(sample) % unit]
        if not chunk:
            continue
        try:
            text = chunk.decode(encoding)
        except UnicodeDecodeError as exc:
            # A sample cut inside a surrogate pair fails only at its very end.
            if exc.start < len(chunk) - 4:
                continue
            text = chunk[: exc.start].decode(encoding)
        if text and _printable_share(text) >= 0.95:
            return encoding
    return None


def _printable_share(text: str) -> float:
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\x0c")
    return printable / len(text)


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="replace")
    invalid = loose.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(loose) - len(loose.encode("ascii", errors="ignore"))
    multibyte = non_ascii - invalid - data.count(b"\xef\xbf\xbd")
    if multibyte >= UTF8_MAJORITY * invalid:
        return data.decode("utf-8", errors=_WINDOWS_1252_FALLBACK)
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeError, LookupError):
            pass  # the page lies about its charset: let the detector decide
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:SAMPLE_BYTES]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except (ImportError, LookupError, UnicodeError):  # pragma: no cover - a declared dependency; never raises
        pass
    return data.decode("cp1252", errors="replace")


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by the page's <meta charset>, http-equiv or XML declaration, if usable."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    return page_codec((match.group(1) or match.group(2)).decode("ascii", "replace"))


def page_codec(name: str) -> str | None:
    """The Python codec a charset label on a byte page stands for (as browsers read it), or None if unusable."""
    try:
        info = codecs.lookup(name.strip().strip("\"'").lower())
    except LookupError:
        return None
    codec = info.name
    # Python also has bytes-to-bytes codecs (base64, zlib...) and ones that rewrite text (unicode_escape,
    # UTF-7, which browsers refuse too); a page naming one of them gets no say.
    if not getattr(info, "_is_text_encoding", True) or codec in _NOT_PAGE_CHARSETS:
        return None
    # As browsers do (WHATWG encoding standard): a byte page cannot really be UTF-16/32, and the Latin-1
    # labels mean windows-1252.
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    if codec in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return codec


def sanitize_text(text: str) -> str:
    """Text the parser and rules can take: C0 controls removed (the separators FS/GS/RS, which end a line for
    str.splitlines, become line breaks), lone surrogates replaced by U+FFFD."""
    # Clean text is the rule: UTF-8 encoding answers both questions ~10x faster than a pattern scan (it fails
    # only on lone surrogates, and in UTF-8 a byte below 0x80 is always that ASCII character). By slices, so a
    # large page never has a second full-size copy.
    controls = surrogates = False
    for start in range(0, len(text), _SANITIZE_SLICE):
        piece = text[start : start + _SANITIZE_SLICE]
        try:
            data = piece.encode("utf-8")
        except UnicodeEncodeError:
            surrogates = True
            data = piece.encode("utf-8", "surrogatepass")  # a surrogate becomes bytes >= 0x80: no false control
        if not controls and _has_sanitized(data):
            controls = True
    if surrogates:
        text = _LONE_SURROGATES.sub("\ufffd", text)
    if controls:
        text = _CONTROL_CHARS.sub(lambda m: "\n" if "\x1c" <= m.group() <= "\x1e" else "", text)
    return text


def check_text(text: str) -> None:
    """Raise UnsupportedInput when a str is mostly control characters (binary data decoded as text)."""
    kind = sniff_binary(text[:16].encode("latin-1", errors="ignore"))
    if kind:
        raise UnsupportedInput(f"input is {kind} decoded as text, not a web page or text")
    sample = text[:SAMPLE_BYTES]
    controls = len(_CONTROL_CHARS.findall(sample))
    if sample and controls > len(sample) * BINARY_CONTROL_SHARE:
        raise UnsupportedInput(
            f"input looks binary ({controls / len(sample):.0%} control characters such as NUL), not text"
        )


def looks_like_html(text: str) -> bool:
    """True when the start of the text has HTML tags."""
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_SNIFF.search(head))
