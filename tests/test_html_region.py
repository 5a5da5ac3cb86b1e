"""HTML mode end to end: the content region, furniture inside it, the guard against wrapper class names."""

from __future__ import annotations

import json

import cleantext
from fixture_pages import PROSE

ARTICLE = "".join(f"<p>{p}</p>" for p in PROSE)
TEASERS = "".join(f'<li><a href="/{i}">Teaser headline number {i}</a></li>' for i in range(8))


def rules_of(doc: cleantext.Document) -> dict[str, str | None]:
    return {b.text: b.rule for b in doc.blocks}


def test_page_without_semantic_tags_finds_the_dense_text() -> None:
    html = (f'<html><body><div id="top"><ul>{TEASERS}</ul></div><div id="story">{ARTICLE}</div>'
            '<div id="bottom"><p>Contact us</p><p>Imprint</p></div></body></html>')
    doc = cleantext.clean(html, mode="html")
    assert doc.paragraphs == PROSE
    assert rules_of(doc)["Contact us"] == "content-region"
    reason = next(b.reason for b in doc.blocks if b.text == "Imprint")
    assert 'outside the content region <div id="story">' in reason and "link density 0.00" in reason


def test_article_element_wins_over_a_denser_teaser_list() -> None:
    html = (f"<html><body><main><article><h1>Budget</h1>{ARTICLE}</article></main>"
            f"<div class='more'><p>{PROSE[0][:80]} elsewhere, and more.</p></div></body></html>")
    doc = cleantext.clean(html, mode="html")
    assert doc.paragraphs == PROSE


def test_wrapper_with_a_furniture_class_is_not_removed() -> None:
    html = f'<html><body><div class="post comments-open has-sidebar sidebar-right">{ARTICLE}</div></body></html>'
    assert cleantext.clean(html, mode="html").paragraphs == PROSE


def test_comments_are_removed_unless_asked_for() -> None:
    comments = '<div id="comments"><h3>2 comments</h3><p>I love this park, it is the best one in town!</p></div>'
    html = f"<html><body><article>{ARTICLE}{comments}</article></body></html>"
    assert cleantext.clean(html, mode="html").paragraphs == PROSE
    doc = cleantext.clean(html, mode="html", include_comments=True)
    # Asked for, the comments come apart from the body: Document.comments, never the article's paragraphs.
    assert doc.paragraphs == PROSE
    assert "I love this park, it is the best one in town!" in doc.comments


def test_title_comes_from_the_matching_heading_and_is_not_body() -> None:
    html = ("<html><head><title>Budget passes | City News</title></head><body><article><h1>Budget passes</h1>"
            f"{ARTICLE}</article></body></html>")
    doc = cleantext.clean(html, mode="html")
    assert doc.title == "Budget passes"
    assert "Budget passes" not in doc.paragraphs


def test_title_without_a_heading_drops_the_site_name() -> None:
    html = (f"<html><head><title>Budget passes | City News</title></head><body><article>{ARTICLE}</article>"
            "</body></html>")
    assert cleantext.clean(html, mode="html").title == "Budget passes"


def test_lists_tables_and_code_inside_the_article_stay() -> None:
    extra = ("<h2>What it pays for</h2><ul><li>Two pools reopen</li><li>Four hundred new trees</li></ul>"
             "<table><tr><td>Parks</td><td>4.2m</td></tr></table><pre>  total = 4.2</pre>")
    html = f"<html><body><article>{ARTICLE}{extra}</article><nav><a href='/'>Home</a></nav></body></html>"
    doc = cleantext.clean(html, mode="html")
    for text in ("What it pays for", "Two pools reopen", "Four hundred new trees", "Parks", "4.2m", "  total = 4.2"):
        assert text in doc.paragraphs, text
    assert rules_of(doc)["Home"] == "navigation-element"


def test_cjk_article_is_found() -> None:
    para = "北京市政府周二宣布，将在未来五年内把公园绿地的投入增加一倍，并修复城市中的游乐场和游泳池。" * 2
    html = (f"<html><body><div class='menu-list'><ul>{TEASERS}</ul></div><div class='text'><p>{para}</p>"
            f"<p>{para}</p></div></body></html>")
    doc = cleantext.clean(html, mode="html")
    assert doc.paragraphs == [para, para]


def test_every_removed_html_block_has_a_rule_and_a_reason() -> None:
    html = (f"<html><body><header><a href='/'>Home</a></header><article>{ARTICLE}"
            "<div class='share-buttons'><a href='#'>Share</a></div></article><footer>© 2024</footer></body></html>")
    doc = cleantext.clean(html, mode="html")
    assert doc.paragraphs == PROSE
    assert all(b.rule and b.reason for b in doc.removed)


def test_json_ld_article_body_points_at_the_article() -> None:
    story = ["The pools reopen in June after two years of repairs to the roofs and the pumps.",
             "The new trees will be planted along the river in the autumn by local volunteers.",
             "The mayor will publish the full schedule of works before the first contract is signed."]
    busy = ("Weather, traffic, sport, culture, markets, letters, puzzles, obituaries, horoscopes, recipes, "
            "travel, property, jobs, cars, dating, events, podcasts, newsletters, archives, and more.")
    ld = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(story)})
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f'<div id="story">{"".join(f"<p>{p}</p>" for p in story)}</div>'
            f'<div id="digest"><p>{busy}</p><p>{busy}</p><p>{busy}</p></div></body></html>')
    doc = cleantext.clean(html, mode="html")
    assert doc.paragraphs == story
    assert "JSON-LD articleBody" in doc.metadata["content_region"]


def test_furniture_does_not_attract_the_region_even_when_denser() -> None:
    # The discussion's comma-laden lines out-score the article; its class names comments, so it is not scored.
    comments = ["Great, really great, I agree, totally, yes, yes, and again yes, this is the best, well done!",
                "No, no, no, wrong, wrong, all wrong, the parks, the pools, the trees, the money, the mayor.",
                "Well, maybe, perhaps, who knows, we will see, next year, or the year after, or never, sadly."]
    html = (f"<html><body><div class='x1'>{ARTICLE}</div><div class='discussion'>"
            + "".join(f"<p>{c}</p>" for c in comments) + "</div></body></html>")
    doc = cleantext.clean(html, mode="html")
    assert doc.paragraphs == PROSE
    assert doc.metadata["content_region"].startswith('<div class="x1">')


def test_a_twin_container_inside_furniture_does_not_join() -> None:
    method = "".join(f"<p>{p}</p>" for p in PROSE)
    aside = "Our newest cookbook, with forty muffin recipes, ships next week; order it today and save."
    html = ('<html><body><div class="recipe"><div class="panel"><div class="part"><h2>Ingredients</h2><table>'
            "<tr><td>250 g flour</td></tr><tr><td>100 ml milk</td></tr></table></div></div>"
            f'<div class="panel"><div class="part"><h2>Method</h2>{method}</div></div>'
            f'<div class="sidebar"><div class="part"><p>{aside}</p></div></div></div></body></html>')
    doc = cleantext.clean(html, mode="html")
    rules = rules_of(doc)
    assert rules["250 g flour"] is None and rules["Method"] is None  # the twin joins
    assert rules[aside] == "content-region"  # the one in the sidebar does not
