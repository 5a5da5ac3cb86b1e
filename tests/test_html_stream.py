"""The streaming HTML walk: limits, deep pages, hidden inline text, split text events, metadata, lazy fields."""

from __future__ import annotations

import time

import pytest

from cleantext import Timeout
from cleantext.features.html.elements import nodes_of
from cleantext.segment.html import segment_html


def texts(html: str, **kwargs: object) -> list[str]:
    return [b.text for b in segment_html(html, **kwargs)[0]]  # type: ignore[arg-type]


def test_markup_deeper_than_max_depth_is_flattened_and_its_text_kept() -> None:
    html = "<div><span>level</span>" * 3000 + "<p>The bottom.</p>" + "</div>" * 3000 + "<p>After the nest.</p>"
    blocks, _ = segment_html(html, max_depth=20)
    joined = " ".join(b.text for b in blocks)
    assert "The bottom." in joined and "After the nest." in joined
    assert joined.count("level") == 3000
    assert max(len(nodes_of(b)) for b in blocks) <= 20


def test_flattened_block_tags_keep_words_apart() -> None:
    html = "<div>" * 30 + "<p>one</p><p>two</p>" + "</div>" * 30
    assert "one two" in " ".join(texts(html, max_depth=10))


def test_the_walk_stops_one_block_past_max_blocks() -> None:
    blocks, _ = segment_html("<body>" + "<p>A paragraph.</p>" * 1000 + "</body>", max_blocks=5)
    assert len(blocks) == 6


def test_a_passed_deadline_raises_timeout_during_the_walk() -> None:
    with pytest.raises(Timeout):
        segment_html("<p>x</p>" * 10_000, deadline=time.monotonic() - 1)


def test_a_hidden_inline_element_holding_a_block_is_shown() -> None:
    html = '<body><div><span hidden>Inline secret<div>A block inside the span.</div></span>Shown.</div></body>'
    assert texts(html) == ["Inline secret", "A block inside the span.", "Shown."]


def test_hidden_inline_text_goes_with_its_links_and_markers() -> None:
    blocks, _ = segment_html('<body><p>Read <a href="/x" hidden>the <b>hidden</b> link</a>the text.</p></body>')
    assert [(b.text, b.link_chars) for b in blocks] == [("Read the text.", 0)]
    assert "md" not in blocks[0].extra


def test_link_text_split_by_entities_counts_once() -> None:
    blocks, _ = segment_html('<body><p><a href="/x">Fish &amp; chips</a> today</p></body>')
    assert blocks[0].text == "Fish & chips today"
    assert blocks[0].link_chars == len("Fish & chips")
    assert blocks[0].extra["hrefs"] == ("/x",)


def test_javascript_links_are_not_link_text() -> None:
    blocks, _ = segment_html('<body><p><a href=" JavaScript:void(0)">Menu</a> and text</p></body>')
    assert blocks[0].link_chars == 0


def test_empty_elements_get_no_node_but_text_around_them_stays() -> None:
    blocks, _ = segment_html('<body><p class="lead">Before <img class="icon" src="a.png"> after</p></body>')
    assert blocks[0].text == "Before after"
    assert [n.tag for n in nodes_of(blocks[0])] == ["body", "p"]


def test_ancestors_and_attr_tokens_are_read_from_the_nodes() -> None:
    blocks, _ = segment_html('<body><ul id="Menu"><li class="Item  One">Home</li></ul></body>')
    block = blocks[0]
    assert block.ancestors == ("body", "ul", "li")
    assert block.attr_tokens == "menu item one"
    assert nodes_of(block)[-1].attrs == (("class", "Item One"),)


def test_long_attribute_values_are_capped() -> None:
    blocks, _ = segment_html('<body><div class="' + "x" * 10_000 + '">Text</div></body>')
    assert len(nodes_of(blocks[0])[-1].attrs[0][1]) == 4096


def test_title_is_read_from_head_only_and_metadata_keeps_its_order() -> None:
    html = ('<html><head><meta name="description" content="  A   summary "><title>Head &amp; title</title>'
            '</head><body><title>Not this</title><p>Text</p></body></html>')
    _, meta = segment_html(html)
    assert list(meta.items()) == [("html_title", "Head & title"), ("description", "A summary")]


def test_pre_keeps_line_breaks_of_br_and_its_indentation() -> None:
    blocks, _ = segment_html("<body><pre>  first<br>  second</pre><p>after</p></body>")
    assert [(b.tag, b.text) for b in blocks] == [("pre", "  first\n  second"), ("p", "after")]


def test_an_internal_dtd_subset_defines_no_entities() -> None:
    html = '<!DOCTYPE x [<!ENTITY boom "BOOM">]><html><body><p>Entity: &boom; end.</p></body></html>'
    assert "BOOM" not in " ".join(texts(html))


def test_noscript_ends_at_its_first_end_tag_as_in_a_browser() -> None:
    # libxml2 alone ignores </noscript> while the <div> opened inside is open: the page would vanish.
    html = '<body><noscript><div id="nojs"></noscript><p>The article text.</p><noscript><img></noscript></body>'
    assert texts(html) == ["The article text."]


def test_noscript_inside_a_script_string_removes_nothing() -> None:
    html = '<body><script>var s = "<noscript>";</script><p>Kept paragraph.</p><noscript>No JS.</noscript></body>'
    assert texts(html) == ["Kept paragraph."]


def test_noscript_without_an_end_tag_hides_the_rest_as_in_a_browser() -> None:
    assert texts("<body><p>Before.</p><NOSCRIPT><p>After.</p></body>") == ["Before."]


def test_many_unclosed_noscript_tags_give_an_empty_result() -> None:
    html = "<body>" + "<noscript><div>" * 50_000 + "</body>"
    assert texts(html) == []


def test_walk_state_does_not_outlive_the_parse() -> None:
    # lxml's target parser is in a reference cycle with the walk's handlers: their memos (one entry per class
    # value) must be emptied, not left for the collector, whatever the page holds.
    import gc

    page = "<body>" + "".join(f'<div class="c{i}"><a href="/{i}">link {i}</a> text</div>' for i in range(2000))
    gc.collect()
    gc.disable()
    try:
        blocks, _ = segment_html(page)
        garbage = gc.collect()
    finally:
        gc.enable()
    assert len(blocks) == 2000
    assert garbage < 200, garbage


def test_a_dropped_document_frees_its_blocks_without_the_collector() -> None:
    # The parser's reference cycle must not keep the result alive: once the caller drops the Document, its
    # blocks and nodes go at once (callers that switch the collector off would otherwise keep every page).
    import gc

    import cleantext
    from cleantext.document import Block
    from cleantext.segment.nodes import Node

    page = "<body>" + "".join(f"<div class='c{i}'><p>Paragraph {i} with a few words.</p></div>" for i in range(50))

    def alive() -> tuple[int, int]:
        objects = gc.get_objects()
        return sum(type(o) is Block for o in objects), sum(type(o) is Node for o in objects)

    gc.collect()
    gc.disable()
    try:
        before = alive()
        for rules in (None, []):  # with the default chain and with none
            doc = cleantext.clean(page, "html", rules=rules)
            assert len(doc.blocks) == 50
            assert alive()[0] >= before[0] + 50
            del doc
            assert alive() == before
    finally:
        gc.enable()
