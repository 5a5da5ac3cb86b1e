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
    assert doc.page_type.explain().startswith("article (no other type reached")


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


CARD = ('<article class="card"><h3><a href="/p/{i}">Trail {i}: a loop through the pine forest</a></h3>'
        '<p>A quiet {i} km walk past two lakes, with a steep climb at the end and views over the valley.</p></article>')
INTRO = ('<div class="intro"><p>These walks were chosen by our readers over the last three summers, and each was '
         'checked by a ranger this spring, so the distances, the climbs and the parking notes are up to date.</p>'
         '<p>Most of them start at a car park or a bus stop, and none needs more than ordinary shoes, although the '
         'forest paths can be muddy after rain, so boots are the better choice in autumn.</p></div>')
LISTING = page('<nav><a href="/">Home</a> <a href="/trails">Trails</a></nav><main><h1>All trails</h1>' + INTRO +
               '<div class="grid">' + "".join(CARD.format(i=i) for i in range(1, 7)) + "</div></main>")


def test_on_a_listing_the_cards_are_content() -> None:
    listing = cleantext.clean(LISTING, page_type="listing")
    kept = [i for i in range(1, 7) if f"Trail {i}: a loop" in listing.text]
    assert kept == [1, 2, 3, 4, 5, 6]
    assert listing.page_type.held == ["content-region", "link-list", "teaser-list"]
    assert "rules not run for this type: content-region" in listing.page_type.explain()
    assert "Home" not in listing.text  # the menu still goes


def test_on_an_article_the_same_cards_are_teasers() -> None:
    # the same markup typed article: the chain runs as before page types (teaser cards removed)
    article = cleantext.clean(LISTING, page_type="article")
    assert article.page_type.held == []
    assert not any(f"Trail {i}: a loop" in article.text for i in range(1, 7))
    assert "These walks were chosen" in article.text


def test_repeated_cards_holding_most_text_are_detected_as_a_listing() -> None:
    doc = cleantext.clean(LISTING)
    assert doc.page_type.name == "listing"
    assert "6 repeated <article class=\"card\"> elements" in doc.page_type.explain()
    assert all(f"Trail {i}: a loop" in doc.text for i in range(1, 7))


ARTICLE_TEXT = "\n\n".join([
    "Council approves the bridge repairs",
    PROSE[3:-4],
    "The work starts in March and will close the bridge to cars for six weeks, the council said in a statement "
    "on Tuesday, while buses and bicycles will still be allowed across the western lane.",
    "Engineers had warned for years that the old steel joints were rusting faster than expected, and a report "
    "last autumn found cracks in two of the main supports.",
])
THREAD = "\n".join(f"{name} · March {day}, 2024 at 1:26 AM\n{text}\n" for name, day, text in [
    ("Rarst", 10, "Is the western lane really open to bicycles during the works? The notice says nothing about it."),
    ("mjones", 11, "Yes, I asked at the town hall and they confirmed bicycles may use the western lane all along."),
    ("kb2000", 12, "Thanks, that helps a lot, I commute across it every morning and was worried about the detour."),
])


def test_text_mode_forum_posts_are_kept() -> None:
    doc = cleantext.clean(ARTICLE_TEXT + "\n\n" + THREAD, mode="text", page_type="forum")
    assert "I asked at the town hall" in doc.text
    assert "comments-widget" in doc.page_type.held or "reply-thread" in doc.page_type.held


def test_text_mode_article_comments_still_go() -> None:
    doc = cleantext.clean(ARTICLE_TEXT + "\n\n" + THREAD, mode="text", page_type="article")
    assert "I asked at the town hall" not in doc.text
    assert "rusting faster than expected" in doc.text


def test_html_mode_forum_runs_the_comment_rules() -> None:
    body = "<article>" + PROSE * 3 + "</article><div id='comments'>" + PROSE.replace("council", "reader") + "</div>"
    doc = cleantext.clean(page(body), page_type="forum")
    assert not any(name in doc.page_type.held for name in ("comment-section", "comments-widget"))


def test_text_mode_an_article_with_many_comment_replies_stays_an_article() -> None:
    # 12 "Reply" lines under a long unbroken article body: reader comments, not a thread
    body = "\n".join([ARTICLE_TEXT.replace("\n\n", "\n")] * 3)
    comments = "\n".join(f"reader{i}\nNice piece, thanks for the update on the works.\nReply" for i in range(12))
    doc = cleantext.clean(body + "\n" + comments, mode="text")
    assert doc.page_type.name == "article"
    assert "one run without post furniture" in doc.page_type.explain()


def test_text_mode_a_thread_of_short_posts_is_a_forum() -> None:
    post = "member{i}\nJoined: 2019\n{text}\nReply\n"
    text = "".join(post.format(i=i, text=PROSE[3:-4]) for i in range(12))
    assert cleantext.clean(text, mode="text").page_type.name == "forum"
