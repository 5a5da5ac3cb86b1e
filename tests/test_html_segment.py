"""The HTML segmenter: blocks, their elements, link text, line breaks, code whitespace, page metadata."""

from __future__ import annotations

from cleantext.features.html.elements import nodes_of, text_weight
from cleantext.segment.html import segment_html


def texts(html: str) -> list[str]:
    return [b.text for b in segment_html(html)[0]]


def test_block_elements_make_blocks_and_inline_text_joins() -> None:
    assert texts("<body><p>One <b>bold</b> word.</p><div>Two<span> and</span> three</div></body>") == [
        "One bold word.", "Two and three"]


def test_two_line_breaks_split_paragraphs_one_does_not() -> None:
    html = "<body><div>First line<br>same paragraph<br><br>\n <br>Second paragraph</div></body>"
    assert texts(html) == ["First line same paragraph", "Second paragraph"]


def test_link_characters_are_counted_per_paragraph() -> None:
    blocks, _ = segment_html('<body><div><a href="/a">Link one</a><br><br>Plain text here</div></body>')
    assert [(b.text, b.link_chars) for b in blocks] == [("Link one", 8), ("Plain text here", 0)]


def test_code_keeps_its_indentation() -> None:
    blocks, _ = segment_html("<body><pre>\n  def f():\n      return 1\n</pre></body>")
    assert blocks[0].tag == "pre"
    assert blocks[0].text == "  def f():\n      return 1"


def test_inline_element_class_stays_with_its_text() -> None:
    blocks, _ = segment_html('<body><div><span class="photo-credit">Photo: AP</span><p>Body text.</p></div></body>')
    credit = blocks[0]
    assert credit.text == "Photo: AP"
    assert nodes_of(credit)[-1].tokens == "photo-credit"


def test_hidden_elements_are_flagged_not_dropped() -> None:
    blocks, _ = segment_html('<body><div style="display: none"><p>Hidden</p></div><p aria-hidden="true">Aria</p>'
                             '<p>Shown</p></body>')
    hidden = {b.text: any(n.hidden for n in nodes_of(b)) for b in blocks}
    assert hidden == {"Hidden": True, "Aria": True, "Shown": False}


def test_scripts_and_styles_are_not_text() -> None:
    assert texts("<body><script>var x = 1;</script><style>p{}</style><p>Text</p></body>") == ["Text"]


def test_metadata_reads_title_meta_and_json_ld() -> None:
    html = ('<html><head><title>Budget passes | City News</title><meta property="og:title" content="Budget passes">'
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Budget passes",'
            ' "articleBody": "The council voted."}]}</script></head><body><p>x</p></body></html>')
    _, meta = segment_html(html)
    assert meta["html_title"] == "Budget passes | City News"
    assert meta["og:title"] == "Budget passes"
    assert meta["jsonld_headline"] == "Budget passes"
    assert meta["jsonld_article_body"] == "The council voted."


def test_broken_json_ld_is_ignored() -> None:
    html = '<html><head><script type="application/ld+json">{broken</script></head><body>x</body></html>'
    _, meta = segment_html(html)
    assert "jsonld_headline" not in meta


def test_cjk_characters_weigh_more_than_latin_ones() -> None:
    assert text_weight("北京市政府周二宣布") == 27
    assert text_weight("abc") == 3


def test_empty_and_whitespace_pages_give_no_blocks() -> None:
    assert segment_html("") == ([], {})
    assert texts("<html><body>   </body></html>") == []


def test_hidden_inline_text_is_not_part_of_the_paragraph() -> None:
    assert texts('<body><p><span aria-hidden="true">WRONG</span>Visible text.</p></body>') == ["Visible text."]
