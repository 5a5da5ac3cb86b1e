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
