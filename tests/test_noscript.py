"""Pages that show nothing without scripts are read again with their <noscript> content as visible."""

from __future__ import annotations

import cleantext
from cleantext.segment.noscript import THIN_CHARS, is_thin, unwrap_noscript

POST = ("<p>We upgraded the server last night and since then the backups fail with a permission error on the "
        "mounted volume, even though nothing else changed in the configuration.</p>")
SPLASH = '<section id="splash"><div class="dots"></div></section>'


def test_a_page_visible_only_without_scripts_is_read_from_its_noscript() -> None:
    page = f"<html><body>{SPLASH}<noscript><div class='post'>{POST * 3}</div></noscript></body></html>"
    doc = cleantext.clean(page)
    assert "backups fail with a permission error" in doc.text


def test_noscript_text_stays_out_when_the_page_has_visible_text() -> None:
    page = (f"<html><body><article>{POST * 3}</article><noscript><p>Please enable JavaScript to view the "
            "comments powered by a widget.</p></noscript></body></html>")
    doc = cleantext.clean(page)
    assert "backups fail" in doc.text
    assert "enable JavaScript" not in doc.text and all("enable JavaScript" not in b.text for b in doc.blocks)


def test_a_thin_page_without_noscript_is_read_once() -> None:
    assert unwrap_noscript("<html><body><p>Hi</p></body></html>") is None
    assert unwrap_noscript(b"<html><body><p>Hi</p></body></html>") is None
    assert cleantext.clean("<html><body><p>Hi there.</p></body></html>").text == "Hi there."


def test_unwrap_keeps_bytes_and_str_and_every_case() -> None:
    assert unwrap_noscript(b"<NOSCRIPT>x</NoScript >") == b"<div data-noscript>x</div>"
    assert unwrap_noscript("<noscript data-path='/t/1'>x</noscript>") == "<div data-noscript data-path='/t/1'>x</div>"


def test_thin_is_measured_in_characters_of_text() -> None:
    thin = cleantext.clean("<p>" + "a" * (THIN_CHARS - 1) + "</p>", mode="html").blocks
    full = cleantext.clean("<p>" + "a" * THIN_CHARS + "</p>", mode="html").blocks
    assert is_thin(thin) and not is_thin(full) and is_thin([])
