"""links.safe_url: the one check every printed address goes through (Markdown and HTML output)."""

from __future__ import annotations

import pytest

from cleantext.links import IMAGE_SCHEMES, safe_url


@pytest.mark.parametrize("url", ["https://example.org/a?b=1#c", "http://x.org", "mailto:desk@example.org", "/a/b",
                                 "a/b.html", "#notes", "//cdn.example.org/x.png", "?page=2", "../up/one",
                                 "/wiki/Help:Contents"])
def test_web_mail_and_relative_addresses_pass(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "java\nscript:x", "\x01javascript:x", "vbscript:x",
                                 "data:text/html,x", "file:///etc/passwd", "about:blank", "chrome://settings",
                                 "javascript:\\u0061", "\\\\evil\\x", "1javascript:x", "", None, "x" * 3000])
def test_script_data_file_and_unknown_schemes_are_refused(url: str | None) -> None:
    assert safe_url(url) is None


def test_images_take_web_addresses_only() -> None:
    assert safe_url("https://example.org/a.png", IMAGE_SCHEMES) == "https://example.org/a.png"
    assert safe_url("mailto:x@example.org", IMAGE_SCHEMES) is None
    assert safe_url("data:image/png;base64,AAAA", IMAGE_SCHEMES) is None
