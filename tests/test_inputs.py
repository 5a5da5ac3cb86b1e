"""clean() inputs besides str and bytes: a pathlib.Path, an lxml element or tree, a BeautifulSoup object or tag."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from bs4 import BeautifulSoup

import cleantext

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "article.html"
sys.path.insert(0, str(REPO / "benchmarks"))
from inputs import SHARED, sample_pages  # noqa: E402

UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def same(a: cleantext.Document, b: cleantext.Document) -> bool:
    return a.text == b.text and a.title == b.title and a.paragraphs == b.paragraphs


def test_path_is_read_as_a_file_and_str_is_always_content(tmp_path: Path) -> None:
    page = EXAMPLE.read_bytes()
    assert same(cleantext.clean(EXAMPLE), cleantext.clean(page))
    # A str naming a file is text to clean, never opened.
    doc = cleantext.clean(str(EXAMPLE))
    assert doc.mode == "text" and doc.paragraphs == [str(EXAMPLE)]
    with pytest.raises(FileNotFoundError):
        cleantext.clean(tmp_path / "missing.html")


def test_path_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    with pytest.raises(cleantext.InputTooLarge):
        cleantext.clean(big, max_input_bytes=1000)


def test_lxml_tree_element_and_soup_agree_with_the_markup() -> None:
    page = EXAMPLE.read_bytes()
    want = cleantext.clean(page)
    tree = lxml.html.document_fromstring(page, parser=UTF8)
    for source in (tree, tree.getroottree(), BeautifulSoup(page, "lxml"), BeautifulSoup(page, "html.parser")):
        got = cleantext.clean(source)
        assert same(got, want), type(source)
        assert got.mode == "html"


def test_a_fragment_is_cleaned_as_the_parser_would_wrap_it() -> None:
    fragment = ("<article><h2>Pools</h2><p>The council voted to reopen the two pools in June, after repairs that "
                "took the whole winter and cost more than planned.</p></article>")
    want = cleantext.clean(fragment, mode="html")
    element = lxml.html.fragment_fromstring(fragment)
    soup = BeautifulSoup(fragment, "html.parser")
    assert same(cleantext.clean(element), want)
    assert same(cleantext.clean(soup), want)
    assert same(cleantext.clean(soup.article), want)


def test_xhtml_namespaced_tree_and_comments() -> None:
    xhtml = ('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Before<!-- a comment --> after, the words of a '
             "paragraph long enough to be kept as the body of this small page.</p></body></html>")
    got = cleantext.clean(lxml.etree.fromstring(xhtml))
    assert got.paragraphs == ["Before after, the words of a paragraph long enough to be kept as the body of this "
                              "small page."]


def test_other_types_get_a_type_error_naming_what_is_accepted() -> None:
    for bad in (3, None, ["<p>x</p>"], {"html": "x"}, bytearray, object()):
        with pytest.raises(TypeError, match=re.escape("str, bytes, pathlib.Path, an lxml element")):
            cleantext.clean(bad)  # type: ignore[arg-type]
    # An lxml comment is an element of no content: a clean empty result.
    assert cleantext.clean(lxml.etree.Comment("x")).paragraphs == []


def test_text_mode_with_a_tree_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="mode='text'"):
        cleantext.clean(lxml.html.document_fromstring(EXAMPLE.read_bytes()), mode="text")


def test_control_characters_in_soup_text_are_cleaned_as_in_markup() -> None:
    html = ("<html><body><p>Words\x00 with\x07 controls in a paragraph long enough to be kept as the body of this "
            "small test page.</p></body></html>")
    assert same(cleantext.clean(BeautifulSoup(html, "html.parser")), cleantext.clean(html, mode="html"))


def test_evaluation_pages_agree(request: pytest.FixtureRequest) -> None:
    """On every 25th page of trafilatura-eval and of Readability's pages: the same kept text and title for the
    page's bytes, its lxml tree and its BeautifulSoup object (lxml parser)."""
    if not SHARED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test, but {SHARED} is missing")
        pytest.skip(f"needs {SHARED} (not present in this clone)")
    checked = 0
    for path in sample_pages(25):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        want = cleantext.clean(data, mode="html")
        assert same(cleantext.clean(lxml.html.document_fromstring(data, parser=UTF8)), want), path
        assert same(cleantext.clean(BeautifulSoup(data, "lxml", from_encoding="utf-8")), want), path
        checked += 1
    assert checked >= 25
