"""Decoding bytes to text: BOMs, UTF-16/32 without BOM, UTF-8, declared charsets, detection, binary refusal."""

from __future__ import annotations

import codecs

import pytest

from cleantext import UnsupportedInput
from cleantext.decode import check_text, declared_charset, decode_bytes, sanitize_text, sniff_binary

TEXT = "Zürich: naïve café, déjà vu — “quoted” ½ €5."


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("with_bom", [True, False])
def test_unicode_with_and_without_bom(codec: str, with_bom: bool) -> None:
    bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    data = (bom if with_bom else b"") + (TEXT * 5).encode(codec)
    assert decode_bytes(data) == TEXT * 5


def test_bom_wins_over_meta() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="windows-1251"><p>café</p>'.encode()
    assert "café" in decode_bytes(data)


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    data = f'<meta charset="iso-8859-1"><p>{TEXT}</p>'.encode()
    assert TEXT in decode_bytes(data)


@pytest.mark.parametrize("declaration", [
    '<meta charset="windows-1251">',
    "<meta charset=windows-1251>",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    '<?xml version="1.0" encoding="windows-1251"?>',
])
def test_declared_charset_is_used(declaration: str) -> None:
    body = "<p>Съешь же ещё этих мягких французских булок, да выпей чаю.</p>"
    data = (declaration + body).encode("cp1251")
    assert body in decode_bytes(data)


def test_lying_declaration_falls_back_to_detection() -> None:
    # Declares Shift_JIS, but the bytes are windows-1252 and do not decode as Shift_JIS.
    data = ('<meta charset="shift_jis"><p>' + "Ein schöner Tag für Äpfel und Öl. " * 20 + "</p>").encode("cp1252")
    assert "schöner Tag für Äpfel" in decode_bytes(data)


def test_latin1_label_means_windows_1252() -> None:
    assert declared_charset(b'<meta charset="ISO-8859-1">') == "cp1252"
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"
    assert declared_charset(b'<meta charset="no-such-charset">') is None
    data = '<meta charset="iso-8859-1"><p>“quotes” cost €5</p>'.encode("cp1252")
    assert "“quotes” cost €5" in decode_bytes(data)


@pytest.mark.parametrize("charset", ["base64", "zlib", "rot13", "hex", "uu", "quopri", "bz2", "undefined",
                                     "unicode_escape", "raw_unicode_escape", "utf-7", "idna", "punycode"])
def test_declared_codecs_that_are_not_page_charsets_are_ignored(charset: str) -> None:
    data = f'<meta charset="{charset}"><p>caf\xe9 au lait \\u0041 +AGE-</p>'.encode("latin-1")
    assert declared_charset(data) is None
    text = decode_bytes(data)
    assert "café au lait \\u0041 +AGE-" in text


def test_undeclared_8bit_is_detected() -> None:
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 30
    assert text in decode_bytes(text.encode("cp1251"))


def test_mixed_utf8_and_cp1252_keeps_both() -> None:
    data = ("<p>Zürich naïve façade.</p>" * 10).encode() + "<p>Un café.</p>".encode("cp1252")
    text = decode_bytes(data)
    assert "Zürich naïve façade." in text and "Un café." in text


@pytest.mark.parametrize("data", [b"\xff\xfe\xfd" * 3 + b"abc", b"caf\xc3", b"\xc3\x28 ok", b"\xed\xa0\x80 x",
                                  b"\xf8\x88\x80\x80\x80", bytes(range(0x80, 0x100))])
def test_invalid_sequences_never_raise(data: bytes) -> None:
    assert isinstance(decode_bytes(data), str)


@pytest.mark.parametrize(("data", "words"), [
    (b"\x1f\x8b\x08\x00" + b"x" * 50, "gzip"),
    (b"%PDF-1.4\n" + b"x" * 50, "PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"x" * 50, "PNG"),
    (b"PK\x03\x04" + b"x" * 50, "ZIP"),
    (b"\x00" * 100, "binary"),
    (bytes(range(256)) * 20, "binary"),
])
def test_binary_is_refused_with_a_clear_message(data: bytes, words: str) -> None:
    with pytest.raises(UnsupportedInput, match=words):
        decode_bytes(data)


def test_text_that_merely_starts_like_a_signature_is_text() -> None:
    assert sniff_binary(b"BZh is how bzip2 files start, this is prose.") is None
    assert sniff_binary(b"ID3 tags describe music; this line is text.") is None
    assert decode_bytes(b"BZh is how bzip2 files start.") == "BZh is how bzip2 files start."


def test_str_checks_and_sanitising() -> None:
    with pytest.raises(UnsupportedInput):
        check_text("\x00\x01\x02" * 100)
    check_text("ordinary text with a tab\tand a form feed\x0c")
    assert sanitize_text("a\x00b\x07c\td\ud800e") == "abc\td\ufffde"


def test_sanitising_separators_surrogates_and_clean_text() -> None:
    assert sanitize_text("x\x1cy\x1dz\x1ew\x1fv\x7f") == "x\ny\nz\nwv"
    assert sanitize_text("\ud800\x01\udfff") == "\ufffd\ufffd"
    clean = "Zürich café — 中文 😀\t\n\r\x0b\x0c"
    assert sanitize_text(clean) == clean
