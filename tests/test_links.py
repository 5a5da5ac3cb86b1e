"""Link safety: only http(s), mailto and relative targets are printed, however a scheme is hidden."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.links import IMAGE_SCHEMES, safe_href

HIDDEN = [
    "javascript:location=name", "JaVaScRiPt:location=name", " javascript:location=name",
    "&#106;avascript:location=name", "&amp;#106;avascript:location=name", "&amp;amp;#106;avascript:location=name",
    "javascript&colon;location=name", "javascript\\:location=name", "java\tscript:location=name",
    "jav&#x09;ascript:location=name", "java%73cript:location=name", "javascript&#58;location=name",
    "&#100;ata:text/html,<script>location=name</script>", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)", "&#x76;bscript:x", "file:///etc/passwd", "\x01javascript:location=name",
    "javascript:alert(1)",
]
SAFE = ["https://example.com/a?b=1&c=2", "http://example.com", "mailto:ed@example.com", "/relative/path",
        "page.html", "#section", "../up", "//cdn.example.com/x", "?q=1"]


@pytest.mark.parametrize("href", HIDDEN)
def test_hidden_schemes_are_refused(href: str) -> None:
    assert safe_href(href) is None


@pytest.mark.parametrize("href", SAFE)
def test_web_mail_and_relative_targets_pass(href: str) -> None:
    assert safe_href(href) == href


def test_printed_targets_cannot_break_out_of_the_markdown_link() -> None:
    assert safe_href("https://example.com/a b)(c)<d>") == "https://example.com/a%20b%29%28c%29%3Cd%3E"
    assert safe_href("x" * 5000) is None and safe_href("") is None and safe_href(None) is None


@pytest.mark.parametrize("href", HIDDEN)
def test_markdown_output_never_carries_a_hidden_scheme(href: str) -> None:
    from html import escape

    page = (f'<html><body><article><p>Read the <a href="{escape(href)}">full report</a> before the meeting on '
            'Tuesday, where the council will vote on the new harbour plan.</p></article></body></html>')
    md = _markdown(page)
    assert "full report" in md
    assert "](" not in md, md
    for word in ("avascript", "ata:", "bscript", "file:"):
        assert word not in md.lower(), md


def _markdown(page: str) -> str:
    from cleantext.render import to_markdown

    return to_markdown(cleantext.clean(page), include_links=True)


def test_markdown_keeps_a_safe_link() -> None:
    page = ('<html><body><article><p>Read the <a href="https://example.com/report">full report</a> before the '
            'meeting on Tuesday, where the council will vote on the new harbour plan.</p></article></body></html>')
    assert "[full report](https://example.com/report)" in _markdown(page)


def test_images_take_web_addresses_only() -> None:
    assert safe_href("https://example.org/a.png", IMAGE_SCHEMES) == "https://example.org/a.png"
    assert safe_href("/img/park (1).jpg", IMAGE_SCHEMES) == "/img/park%20%281%29.jpg"
    assert safe_href("mailto:x@example.org", IMAGE_SCHEMES) is None
    assert safe_href("data:image/png;base64,AAAA", IMAGE_SCHEMES) is None
