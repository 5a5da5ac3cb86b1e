"""Valid UTF-8 pages reach the HTML parser as bytes: the same blocks and metadata as the decoded text gives."""

from __future__ import annotations

import codecs

import pytest

import cleantext
from cleantext import UnsupportedInput
from cleantext.decode import decode_bytes, html_head, sanitize_text, utf8_page
from cleantext.segment.html import segment_html

PAGE = (
    '<?xml version="1.0" encoding="iso-8859-1"?>\n'
    '<!DOCTYPE html [<!ENTITY boom "BOOM">]><html><head><meta charset="iso-8859-1"><title>Café &amp; crème</title>'
    '<script type="application/ld+json">{"headline": "Über uns"}</script></head><body>'
    '<script>var s = "<noscript>";</script><noscript><div id="nojs"></noscript>'
    '<p class="lead">Grüße aus Köln, <a href="/x">日本語のリンク</a> &boom; und <b>fett</b>.</p>'
    "<p>Zweite<br><br>Zeile — ünïcödé</p><NOSCRIPT><p>hidden</p></NOSCRIPT><p>Ende.</p></body></html>"
)


def describe(blocks: list, meta: dict) -> list:
    rows = [(b.text, b.tag, b.link_chars, b.extra.get("md"), b.extra.get("hrefs"),
             [(n.nid, n.tag, n.tokens, n.attrs, n.hidden) for n in b.extra["nodes"]]) for b in blocks]
    return [rows, meta]


def test_utf8_page_accepts_only_bytes_that_decode_unchanged() -> None:
    data = PAGE.encode("utf-8")
    assert utf8_page(data) is data
    assert utf8_page(codecs.BOM_UTF8 + data) == data
    assert utf8_page(b"<p>ascii only</p>") == b"<p>ascii only</p>"
    assert utf8_page(b"<p>a\x00b</p>") is None  # a control byte: sanitize_text would change the text
    assert utf8_page("<p>caf\xe9</p>".encode("cp1252")) is None  # not UTF-8
    assert utf8_page("<p>été</p>".encode()[:-6] + b"\xc3") is None  # cut inside a character
    assert utf8_page(codecs.BOM_UTF16_LE + "<p>x</p>".encode("utf-16-le")) is None
    assert utf8_page(b"") is None
    with pytest.raises(UnsupportedInput):
        utf8_page(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)


def test_utf8_page_checks_every_slice_of_a_large_page() -> None:
    body = ("<p>" + "é" * 700_000 + "</p>").encode("utf-8")  # longer than one 1 MiB slice
    assert utf8_page(body) is body
    assert utf8_page(body[:-10] + b"\x01" + body[-9:]) is None
    assert utf8_page(body[:1_048_575] + b"\xff" + body[1_048_576:]) is None


def test_bytes_and_text_give_the_same_blocks_nodes_and_metadata() -> None:
    data = PAGE.encode("utf-8")
    text = sanitize_text(decode_bytes(data))
    from_bytes = describe(*segment_html(utf8_page(data)))  # type: ignore[arg-type]
    assert from_bytes == describe(*segment_html(text))
    texts = [row[0] for row in from_bytes[0]]
    assert "Grüße aus Köln, 日本語のリンク &boom; und fett." in texts  # no entity from the DTD subset
    assert "hidden" not in " ".join(texts) and "Ende." in texts
    assert from_bytes[1]["html_title"] == "Café & crème"


def test_a_lying_charset_declaration_does_not_change_utf8_bytes() -> None:
    doc = cleantext.clean(PAGE.encode("utf-8"), mode="html", rules=[])
    assert any("Grüße" in b.text for b in doc.blocks)


def test_the_html_sniff_reads_the_same_head_from_bytes() -> None:
    page = ("é" * 4999 + "<p>x</p>").encode("utf-8")
    assert html_head(page) == page.decode("utf-8")[:5000]
    assert cleantext.clean(page).mode == cleantext.clean(page.decode("utf-8")).mode
    assert cleantext.clean(b"Just a line of text.\nAnd another one.").mode == "text"
