"""Element statistics of the HTML rules: the element tree in flat lists, totals summed up it, text weights."""

from __future__ import annotations

import regex

from cleantext.features.html import elements as html_nodes
from cleantext.features.html.elements import (
    ElementTree,
    count_under,
    is_prose,
    node_stats,
    nodes_of,
    sum_up,
    text_weight,
)
from cleantext.segment.html import segment_html

SENTENCE = "The council voted on Tuesday to approve a new budget that doubles spending on public parks."
# Nesting the walk meets: text before and after a nested block, closed inline elements, tables, lists, an
# element holding text directly and through children, several top-level containers.
PAGE = (
    "<html><body><div id='a'>Lead text <span>inline</span><p>" + SENTENCE + "</p>tail text<div class='b'>"
    "<p><a href='/x'>A link</a> and words, " + SENTENCE + "</p><ul><li><a href='/1'>one</a></li>"
    "<li>two <b>bold</b></li></ul></div></div><table><tr><td>cell " + SENTENCE + "</td><td><a href='/y'>"
    "linked cell</a></td></tr></table><section><h2>Heading</h2><p>" + SENTENCE + "</p><div><div><p>deep "
    + SENTENCE + "</p></div></div></section><p>last words</p></body></html>"
)


def blocks_of(html: str = PAGE) -> list:
    return segment_html(html)[0]


def test_paths_are_numbered_outer_first_and_indexed_by_depth() -> None:
    # ElementTree and the region rely on both: a parent's id is below its children's, path[d].depth == d.
    for block in blocks_of():
        path = nodes_of(block)
        assert path
        for depth, node in enumerate(path):
            assert node.depth == depth
            if depth:
                assert node.parent is path[depth - 1] and node.parent.nid < node.nid


def brute_force(blocks: list, value) -> dict[int, int]:
    totals: dict[int, int] = {}
    for block in blocks:
        for node in nodes_of(block):
            totals[node.nid] = totals.get(node.nid, 0) + value(block)
    return totals


def test_tree_sums_equal_counting_every_block_at_every_ancestor() -> None:
    blocks = blocks_of()
    tree = ElementTree(blocks)
    lengths = tree.sum_up([len(b.text) for b in blocks])
    expected = brute_force(blocks, lambda b: len(b.text))
    assert sorted(tree.ids) == sorted(expected)
    assert {nid: lengths[nid] for nid in tree.ids} == expected


def test_node_stats_equal_counting_every_block_at_every_ancestor() -> None:
    blocks = blocks_of()
    stats = node_stats(blocks)
    chars = brute_force(blocks, lambda b: len(b.text))
    links = brute_force(blocks, lambda b: b.link_chars)
    counts = brute_force(blocks, lambda b: 1)
    prose = brute_force(blocks, lambda b: int(is_prose(b)))
    assert sum(prose.values()) > 0 and sum(links.values()) > 0  # the page exercises every figure
    for nid in chars:
        s = stats[nid]
        assert (s.chars, s.link_chars, s.blocks, s.paragraphs) == (chars[nid], links[nid], counts[nid], prose[nid])
        assert stats.link_density(nid) == s.link_density


def test_stats_over_a_subset_of_blocks_count_only_those() -> None:
    blocks = blocks_of()
    kept = blocks[::2]
    stats = node_stats(kept)
    for nid, chars in brute_force(kept, lambda b: len(b.text)).items():
        assert stats[nid].chars == chars


def test_count_under_and_sum_up_match_brute_force() -> None:
    blocks = blocks_of()
    linked = count_under(blocks, lambda b: b.link_chars > 0)
    assert linked == {k: v for k, v in brute_force(blocks, lambda b: int(b.link_chars > 0)).items() if v}
    totals = {nodes_of(b)[-1].nid: 0 for b in blocks}
    for b in blocks:
        totals[nodes_of(b)[-1].nid] += len(b.text)
    sum_up(totals, [nodes_of(b)[-1] for b in blocks])
    assert totals == brute_force(blocks, lambda b: len(b.text))


def test_blocks_without_elements_count_nowhere() -> None:
    blocks = blocks_of("<html><body><p>" + SENTENCE + "</p></body></html>")
    blocks[0].extra["nodes"] = ()
    tree = ElementTree(blocks)
    assert tree.ids == [] and tree.leaf == [-1]
    assert tree.sum_up([5]) == [5]  # only the spare slot that nothing reads


def test_text_weight_counts_cjk_three_times() -> None:
    assert text_weight("plain ascii") == 11
    assert text_weight("„Zitat“ – café") == 14
    assert text_weight("市议会批准") == 15
    assert text_weight("Seoul 서울 กรุงเทพ") == 6 + 3 * 2 + 1 + 3 * 7


def test_the_quick_range_check_covers_every_cjk_character() -> None:
    # text_weight skips the exact \p{} scan when the stdlib range check finds nothing: that must never miss one.
    cjk = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    matched = cjk.findall(every)
    assert len(matched) > 90_000
    assert all(html_nodes._MAYBE_CJK.match(ch) for ch in matched)


def test_page_elements_index_named_tags_roles_and_hidden_elements() -> None:
    html = ("<html><body><nav role='Navigation '><a href='/'>Home</a></nav><div role='main'><p>" + SENTENCE
            + "</p><p hidden>secret</p><header>Head</header></div></body></html>")
    index = html_nodes.PageElements(blocks_of(html), frozenset({"nav", "header"}))
    assert sorted(index.by_tag) == ["header", "nav"]
    assert sorted(index.by_role) == ["main", "navigation"]
    assert [n.tag for n in index.hidden] == ["p"]
    named = index.named(["nav"], ["navigation", "main"])
    assert [n.tag for n in named] == ["nav", "div"]  # the <nav> once, though both its tag and role are asked
