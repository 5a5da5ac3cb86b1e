"""Page-type detection: each kind of evidence, the decision, forcing it, and where it is reported."""

from __future__ import annotations

import json

import pytest

import cleantext
from cleantext.batch import Record, clean_record
from cleantext.cli import main
from cleantext.options import Options
from cleantext.pagetype import MIN_STRENGTH, PageType, decide
from cleantext.pagetype.evidence import markup_evidence, url_evidence

PROSE = ("<p>The council approved the new budget on Tuesday after a long debate about the cost of repairs to the "
         "old bridge, which engineers say cannot wait another winter.</p>")


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"


def jsonld(kind: str) -> str:
    data = json.dumps({"@context": "https://schema.org", "@type": kind})
    return f'<script type="application/ld+json">{data}</script>'


@pytest.mark.parametrize(("url", "kind"), [
    ("https://forum.example.org/t/how-to-fix-it/1234", "forum"),
    ("https://example.com/questions/55/why-is-the-sky-blue", "forum"),
    ("https://docs.example.dev/guide/install", "documentation"),
    ("https://example.com/products/blue-widget-2", "product"),
    ("https://shop.example.com/collections/summer", "collection"),
])
def test_url_shapes_name_their_type(url: str, kind: str) -> None:
    assert kind in {k for k, _, _ in url_evidence(url)}


@pytest.mark.parametrize("url", [
    "https://example.com/2024/05/01/the-council-approves-the-budget/",
    "https://news.example.com/politics/story-of-the-day.html",
    "not a url at all", "",
])
def test_article_urls_name_no_other_type(url: str) -> None:
    assert {k for k, _, _ in url_evidence(url)} <= {"article"}


def test_jsonld_types_are_read_from_the_page() -> None:
    doc = cleantext.clean(page(PROSE * 3, jsonld("DiscussionForumPosting")))
    assert doc.page_type is not None and doc.page_type.name == "forum"
    assert "DiscussionForumPosting" in doc.page_type.explain()


def test_faq_questions_on_a_service_page_are_not_a_forum() -> None:
    # FAQPage blocks are made of Question items: that is no Q&A thread
    kinds = {k for k, _, _ in markup_evidence({"jsonld_types": ["FAQPage", "Question", "Answer"]})}
    assert "forum" not in kinds


def test_product_markup_makes_a_product_page() -> None:
    doc = cleantext.clean(page(PROSE, jsonld("Product") + '<meta property="og:type" content="product">'))
    assert doc.page_type.name == "product"


def test_a_listicle_with_an_itemlist_stays_an_article() -> None:
    # ItemList also marks listicles: alone it is too weak to decide
    doc = cleantext.clean(page(PROSE * 4, jsonld("ItemList") + jsonld("NewsArticle")))
    assert doc.page_type.name == "article"


def test_a_review_with_a_price_stays_an_article() -> None:
    body = PROSE * 4 + "<p>Price: $499</p>" + PROSE
    doc = cleantext.clean(page(body, jsonld("Review")), url="https://example.com/2025/01/02/camera-review/")
    assert doc.page_type.name == "article"


def test_a_code_heavy_blog_post_stays_an_article() -> None:
    body = (PROSE + "<pre>x = 1\nprint(x)</pre>") * 8
    doc = cleantext.clean(page(body, jsonld("BlogPosting")), url="https://blog.example.com/2024/03/my-python-tips/")
    assert doc.page_type.name == "article"


def test_repeated_posts_holding_the_text_make_a_forum() -> None:
    post = ('<div class="post"><div class="author">bob</div><div class="message">{}</div>'
            '<a>Reply</a><span>Joined: 2019</span></div>')
    body = '<div class="thread">' + "".join(post.format(PROSE[3:-4]) for _ in range(5)) + "</div>"
    doc = cleantext.clean(page(body))
    assert doc.page_type.name == "forum"
    assert "repeated" in doc.page_type.explain()


def test_a_plain_article_is_an_article_by_default() -> None:
    doc = cleantext.clean(page("<article>" + PROSE * 5 + "</article>"))
    assert doc.page_type == decide(doc.blocks, doc.metadata, "html")
    assert doc.page_type.name == "article"
    assert doc.page_type.explain().startswith("article (default")


def test_the_caller_can_force_the_type() -> None:
    doc = cleantext.clean(page(PROSE * 3), page_type="forum")
    assert doc.page_type == PageType("forum", 0.0, (), True)
    assert doc.page_type.explain() == "forum (set by the caller)"


def test_an_unknown_forced_type_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="page_type must be one of"):
        Options(page_type="blog")
    with pytest.raises(ValueError, match="url must be a string"):
        Options(url=12)  # type: ignore[arg-type]


def test_text_mode_reads_the_text_shape() -> None:
    post = "bob\nJoined: 2019\nPosts: 120\n{}\nReply\nQuote\n"
    text = "".join(post.format(PROSE[3:-4]) for _ in range(4))
    doc = cleantext.clean(text, mode="text")
    assert doc.page_type.name == "forum"
    assert cleantext.clean(PROSE[3:-4] * 3, mode="text").page_type.name == "article"


def test_the_type_is_in_to_dict_explain_and_batch_records() -> None:
    doc = cleantext.clean(page(PROSE * 3), url="https://forum.example.org/t/x/1")
    data = doc.to_dict()
    assert data["page_type"]["name"] == "forum" and data["page_type"]["strength"] >= MIN_STRENGTH
    assert data["page_type"]["evidence"][0]["what"] == "URL host 'forum.'"
    result = clean_record(Record(id="1", content=page(PROSE * 3), url="https://forum.example.org/t/x/1"), Options())
    assert result.to_record()["page_type"] == "forum"


def test_cli_page_type_flag_and_explain(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.html"
    path.write_text(page(PROSE * 3))
    assert main(["--explain", "--page-type", "documentation", str(path)]) == 0
    assert "\npage type: documentation (set by the caller)\n" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--page-type", "blog", str(path)])
