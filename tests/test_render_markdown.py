"""Markdown output: structure (headings, lists, tables, code), inline markup, optional links, no live markup."""

from __future__ import annotations

import cleantext
from cleantext.render import to_markdown

BODY = ("The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
        "next five years, after months of debate between neighbourhood groups and the finance committee.")


def md(article: str, **kw: object) -> str:
    html = f"<html><head><title>Budget</title></head><body><article><h1>Budget</h1><p>{BODY}</p>{article}</article>"
    return to_markdown(cleantext.clean(html + "</body></html>", mode="html"), **kw)  # type: ignore[arg-type]


def test_title_headings_and_paragraphs() -> None:
    out = md("<h2>Details</h2><p>The schedule follows here, with details.</p>")
    assert out.startswith("# Budget\n\n" + BODY)
    assert "\n\n## Details\n\nThe schedule follows here, with details." in out


def test_emphasis_and_code_spans() -> None:
    out = md("<p>It is <strong> very </strong> <em>important</em> to call <code>f(a*b)</code> now.</p>")
    assert "It is **very** *important* to call `f(a*b)` now." in out


def test_links_only_when_asked_and_only_safe_ones() -> None:
    article = ('<p>Read <a href="https://example.org/plan">the plan</a> or <a href="javascript:alert(1)">this</a>'
               " before the vote.</p>")
    assert "Read the plan or this before the vote." in md(article)
    with_links = md(article, include_links=True)
    assert "Read [the plan](https://example.org/plan) or this before the vote." in with_links
    assert "javascript" not in with_links


def test_lists_are_tight_numbered_and_nested() -> None:
    out = md("<ol><li>First</li><li>Second<ul><li>Inner</li></ul></li></ol>")
    assert "1. First\n1. Second\n   - Inner" in out


def test_table_rows_become_a_markdown_table() -> None:
    out = md("<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Pools | repairs</td><td>3m</td></tr></table>")
    assert "| Cost |" in out or "| Item | Cost |" in out
    assert "| Pools \\| repairs | 3m |" in out
    assert "|---|" in out


def test_code_block_keeps_whitespace() -> None:
    out = md("<pre>def f():\n    return 1\n</pre>")
    assert "```\ndef f():\n    return 1\n```" in out


def test_markup_in_text_is_escaped() -> None:
    out = md("<p>Use &lt;b&gt; tags and [x](javascript:1) links, *not* this.</p>")
    assert "\\<b\\>" in out and "\\[x\\](javascript:1)" in out and "\\*not\\*" in out


# ---- tables keep their empty cells (issue: values shifted under the wrong header) ----

PRICES = ("<table><tr><th></th><th>Shop A</th><th>Shop B</th></tr>"
          "<tr><td>Apples</td><td></td><td>3.10</td></tr><tr><td>Pears</td><td>2.00</td><td></td></tr></table>")


def test_empty_cells_keep_their_column() -> None:
    out = md(PRICES)
    assert "|  | Shop A | Shop B |\n|---|---|---|\n| Apples |  | 3.10 |\n| Pears | 2.00 |  |" in out


def test_colspan_moves_later_cells_right() -> None:
    out = md("<table><tr><th>Fruit</th><th>Mon</th><th>Tue</th><th>Wed</th></tr>"
             "<tr><td>Kiwis</td><td colspan='2'>closed</td><td>4</td></tr></table>")
    assert "| Kiwis | closed |  | 4 |" in out


def test_rowspan_leaves_its_column_to_the_cell_above() -> None:
    out = md("<table><tr><th>Year</th><th>Place</th><th>Cost</th></tr>"
             "<tr><td rowspan='2'>2019</td><td>North</td><td>3</td></tr><tr><td>South</td><td>4</td></tr>"
             "<tr><td>2020</td><td colspan='2' rowspan='2'>closed</td></tr><tr><td>2021</td></tr>"
             "<tr><td>2022</td><td>East</td><td>5</td></tr></table>")
    assert ("| 2019 | North | 3 |\n|  | South | 4 |\n| 2020 | closed |  |\n| 2021 |  |  |\n| 2022 | East | 5 |"
            in out)


def test_cell_with_two_paragraphs_is_one_cell() -> None:
    out = md("<table><tr><th>Day</th><th>Plan</th></tr><tr><td>Mon</td><td>Walk<br><br>Swim</td></tr></table>")
    assert "| Mon | Walk Swim |" in out


def test_two_tables_in_a_row_stay_apart() -> None:
    out = md("<table><tr><td>a</td><td>b</td></tr></table><table><tr><td>c</td><td>d</td></tr></table>")
    assert "| a | b |\n|---|---|\n\n| c | d |\n|---|---|" in out


# ---- escaping: only what would really start Markdown syntax (CommonMark) ----

def test_number_opening_a_line_is_not_escaped_with_a_backslash_before_the_digit() -> None:
    out = md("<p>2019. That was the year the parks budget doubled for the first time since the war.</p>")
    assert "\n2019\\. That was the year" in out  # "2019. " opens an ordered list: its "." is escaped
    assert "\\2019" not in out
    out = md("<p>2019 was the year the parks budget doubled for the first time since the war.</p>")
    assert "\n2019 was the year" in out
    out = md("<p>3.5 million people visit the parks every year, the council's report says.</p>")
    assert "\n3.5 million people" in out  # "3.5" is no list marker


def test_number_with_a_parenthesis_opening_a_line_is_escaped_after_the_digits() -> None:
    out = md("<p>1) The first reason is the cost of repairing the old pools before the summer.</p>")
    assert "\n1\\) The first reason" in out


def test_number_opening_a_table_cell_is_not_escaped() -> None:
    out = md(PRICES)
    assert "3.10" in out and "\\3" not in out and "2\\." not in out


def test_entity_like_text_keeps_its_ampersand_literal() -> None:
    out = md("<p>Write &amp;amp; in HTML to show an ampersand, and AT&amp;T stays as it is.</p>")
    assert "Write \\&amp; in HTML" in out and "AT&T stays" in out


def test_code_fence_and_heading_openers_are_escaped() -> None:
    assert "\n\\~~~ not a fence" in md("<p>~~~ not a fence</p>")
    assert "\n\\# not a heading" in md("<p># not a heading</p>")


# ---- images: only when asked, only safe addresses ----

FIGURE = ('<figure><img src="https://example.org/park.jpg" alt="The new park [north]"><figcaption>The park.'
          "</figcaption></figure><p>The new pools open in June.</p>")


def test_images_only_when_asked() -> None:
    assert "![" not in md(FIGURE)
    out = md(FIGURE, include_images=True)
    assert "![The new park \\[north\\]](https://example.org/park.jpg)" in out


def test_unsafe_image_addresses_are_dropped() -> None:
    out = md('<p><img src="javascript:alert(1)" alt="x">The pools open in June, the council said today.</p>'
             '<p><img src="data:image/png;base64,AAAA" alt="y">The parks stay open all night in summer.</p>',
             include_images=True)
    assert "javascript" not in out and "data:" not in out and "![" not in out


def test_image_address_with_spaces_and_parentheses_is_encoded() -> None:
    out = md('<p><img src="/img/park (1).jpg" alt="Park">The pools open in June, the council said.</p>',
             include_images=True)
    assert "![Park](/img/park%20%281%29.jpg)" in out
