"""Normalised metadata: each source, each date form, and what must not be taken for the page's author or date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import cleantext
from cleantext.metadata import Metadata
from cleantext.metadata import language as lang
from cleantext.metadata.dates import find_date, parse_date, today, url_date
from cleantext.metadata.people import names_from_line, names_from_value

BODY = ("<p>The council met on Tuesday evening to discuss the new bridge over the river, which has been closed for "
        "repairs since the spring floods damaged its eastern pillar and the footpath beside it.</p>"
        "<p>Residents asked how long the work would take and who would pay for it, and the engineers answered "
        "that the repairs should be finished before the winter if the weather holds.</p>")


def page(head: str = "", body: str = BODY, html_attrs: str = "") -> str:
    return f"<html{html_attrs}><head><title>Bridge works</title>{head}</head><body><article>" \
           f"<h1>Bridge works</h1>{body}</article></body></html>"


def meta_of(html: str, **kwargs: object) -> Metadata:
    return cleantext.clean(html, mode="html", **kwargs).metadata


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- sources ------------------------------------------------------------------------------------------------


def test_jsonld_article_fields() -> None:
    meta = meta_of(page(jsonld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge works",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
        "datePublished": "2021-03-04T10:00:00+01:00", "dateModified": "2021-03-05T08:00:00Z",
        "publisher": {"@type": "Organization", "name": "The Daily Post"}, "inLanguage": "en-GB",
        "image": {"@type": "ImageObject", "url": "https://example.org/bridge.jpg"},
        "keywords": ["bridges", "council"], "articleSection": "Local"})))
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.date_published == "2021-03-04" and meta.sources["date_published"] == "json-ld"
    assert meta.date_modified == "2021-03-05"
    assert meta.site_name == "The Daily Post"
    assert meta.image == "https://example.org/bridge.jpg"
    assert meta.tags == ("bridges", "council") and meta.categories == ("Local",)
    assert meta.sources["authors"] == "json-ld"


def test_jsonld_article_wins_over_page_and_graph_is_read() -> None:
    meta = meta_of(page(jsonld({"@graph": [
        {"@type": "WebPage", "datePublished": "2019-01-01", "author": {"name": "Site Team"}},
        {"@type": "BlogPosting", "datePublished": "2020-02-02", "author": {"name": "Ann Lee"}},
        {"@type": "WebSite", "name": "Ann's Blog"}]})))
    assert meta.date_published == "2020-02-02"
    assert meta.authors == ("Ann Lee",)
    assert meta.site_name == "Ann's Blog"


def test_open_graph_and_meta() -> None:
    head = ('<meta property="og:site_name" content="River News"><meta name="author" content="Kim Park">'
            '<meta property="article:published_time" content="2018-07-09T06:00:00Z">'
            '<meta property="article:tag" content="bridges"><meta property="article:tag" content="floods">'
            '<meta property="og:url" content="https://river.example/bridge"><meta name="description" '
            'content="The bridge reopens.">')
    meta = meta_of(page(head))
    assert meta.site_name == "River News" and meta.sources["site_name"] == "open-graph"
    assert meta.authors == ("Kim Park",) and meta.sources["authors"] == "meta"
    assert meta.date_published == "2018-07-09" and meta.sources["date_published"] == "open-graph"
    assert meta.tags == ("bridges", "floods")
    assert meta.url == "https://river.example/bridge"
    assert meta.description == "The bridge reopens."


def test_canonical_link_wins_over_og_url() -> None:
    head = ('<link rel="canonical" href="https://river.example/a"><meta property="og:url" '
            'content="https://river.example/b">')
    meta = meta_of(page(head))
    assert meta.url == "https://river.example/a" and meta.sources["url"] == "canonical"


def test_time_element_with_pubdate_itemprop() -> None:
    body = '<p class="meta"><time itemprop="datePublished" datetime="2017-05-06">6 May</time></p>' + BODY
    meta = meta_of(page(body=body))
    assert meta.date_published == "2017-05-06" and meta.sources["date_published"] == "microdata"


def test_time_in_comments_is_not_the_page_date() -> None:
    body = BODY + '<div class="comments"><p>Nice!</p><time datetime="2022-01-01">Jan 1</time></div>'
    assert meta_of(page(body=body)).date_published is None


def test_byline_block_gives_author_and_date() -> None:
    body = '<p class="byline">By Maria Lopez | March 3, 2020</p>' + BODY
    meta = meta_of(page(body=body))
    assert meta.authors == ("Maria Lopez",) and meta.sources["authors"] == "byline"
    assert meta.date_published == "2020-03-03" and meta.sources["date_published"] == "byline"


def test_url_date_is_the_last_resort() -> None:
    meta = meta_of(page('<link rel="canonical" href="https://blog.example/2016/06/23/post/">'))
    assert meta.date_published == "2016-06-23" and meta.sources["date_published"] == "url"


def test_html_lang_and_explain_lists_sources() -> None:
    doc = cleantext.clean(page(html_attrs=' lang="en_us"'), mode="html")
    assert doc.metadata.language == "en-US"
    assert doc.metadata.sources["language"] in ("html-lang", "text")
    assert any(line.startswith("language: en-US") for line in doc.metadata.explain())


@pytest.mark.skipif(not lang.available(), reason="the lang extra (pycld2) is not installed")
def test_language_from_text_in_text_mode_and_markup_overruled() -> None:
    text = ("Der Gemeinderat hat am Dienstagabend über die neue Brücke beraten, die seit den Überschwemmungen im "
            "Frühjahr gesperrt ist. Die Anwohner wollten wissen, wie lange die Arbeiten dauern und wer sie bezahlt, "
            "und die Ingenieure antworteten, dass die Reparatur vor dem Winter fertig sein soll.\n\n") * 2
    doc = cleantext.clean(text, mode="text")
    assert doc.metadata.language == "de" and doc.metadata.sources["language"] == "text"
    german = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p)
    meta = meta_of(page(body=german, html_attrs=' lang="en"'))
    assert meta.language == "de" and meta.sources["language"] == "text"


def test_text_mode_byline_lines() -> None:
    text = ("Bridge works reopen after two years\n\nBy Jane Doe\n\nPublished 12. Dezember 2019\n\n"
            + "\n\n".join(["The council met on Tuesday evening to discuss the new bridge over the river, which has "
                           "been closed for repairs since the spring floods damaged it."] * 4))
    meta = cleantext.clean(text, mode="text").metadata
    assert meta.authors == ("Jane Doe",)
    assert meta.date_published == "2019-12-12"


def test_to_dict_is_json_and_raw_evidence_stays() -> None:
    doc = cleantext.clean(page('<meta property="og:title" content="Bridge works">'), mode="html")
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["metadata"]["title"] == "Bridge works" and "sources" in data["metadata"]
    assert doc.metadata["og:title"] == "Bridge works" and doc.raw_metadata["html_title"] == "Bridge works"


def test_deeply_nested_jsonld_is_ignored_and_the_page_cleaned() -> None:
    html = page('<script type="application/ld+json">' + "[" * 1000 + "</script>")
    doc = cleantext.clean(html, mode="html")
    assert "spring floods" in doc.text
    assert doc.metadata.authors == () and doc.metadata.date_published is None
    deep = page('<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>")
    assert "spring floods" in cleantext.clean(deep, mode="html").text


# --- dates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-12-12", "2019-12-12"), ("2019-12-12T23:10:00+01:00", "2019-12-12"), ("2019-12-12 10:00", "2019-12-12"),
    ("20191212", "2019-12-12"), ("1576108800", "2019-12-12"), ("1576108800000", "2019-12-12"),
    ("12.12.2019", "2019-12-12"), ("12/25/2019", "2019-12-25"), ("25/12/2019", "2019-12-25"),
    ("December 12, 2019", "2019-12-12"), ("Dec. 12th 2019", "2019-12-12"), ("12 December 2019", "2019-12-12"),
    ("12. Dezember 2019", "2019-12-12"), ("3 juin 2019", "2019-06-03"), ("12 de diciembre de 2019", "2019-12-12"),
    ("12 grudnia 2019", "2019-12-12"), ("2019年12月12日", "2019-12-12"), ("12 dicembre 2019", "2019-12-12"),
    ("Thu, 12 Dec 2019 10:00:00 GMT", "2019-12-12"), ("4 maart 2021", "2021-03-04"), ("2019/12/12", "2019-12-12"),
])
def test_date_forms(value: str, expected: str) -> None:
    found = parse_date(value)
    assert found is not None and found.isoformat() == expected


@pytest.mark.parametrize("value", ["1990-05-01", "1993-12-31", "2019-13-01", "2019-02-30", "31.31.2019", "", "soon",
                                   "12345", "0000-00-00"])
def test_not_dates(value: str) -> None:
    assert parse_date(value) is None


def test_future_dates_are_refused() -> None:
    future = today() + dt.timedelta(days=30)
    assert parse_date(future.isoformat()) is None
    assert parse_date("2020-01-01", latest=dt.date(2019, 6, 1)) is None
    html = page(f'<meta property="article:published_time" content="{future.isoformat()}">')
    assert meta_of(html).date_published is None


def test_find_date_in_a_line_and_us_order() -> None:
    assert find_date("Posted on 03/04/2019 by admin", month_first=True) == dt.date(2019, 3, 4)
    assert find_date("Publiziert: 03.04.2020, 13:36 Uhr") == dt.date(2020, 4, 3)
    assert find_date("Le Monde | 04.05.2015 à 13h36") == dt.date(2015, 5, 4)
    assert find_date("no date here, only 42 and 2019") is None


def test_url_dates() -> None:
    assert url_date("https://x.org/2019/12/12/story") == dt.date(2019, 12, 12)
    assert url_date("https://x.org/news/20191212/story.html") == dt.date(2019, 12, 12)
    assert url_date("https://x.org/2019/12/story") is None  # a month is not a day
    assert url_date("https://x.org/items/1234567890") is None


def test_a_date_in_the_body_is_not_the_page_date() -> None:
    body = ("<p>The bridge was first opened on 12 May 1998 and rebuilt after the floods of 3 June 2013, the "
            "council said on Tuesday in a statement about the long history of the crossing.</p>") + BODY
    assert meta_of(page(body=body)).date_published is None


# --- authors ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "names"), [
    ("By Jane Doe", ["Jane Doe"]), ("by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Von Max Mustermann | 12.03.2020", ["Max Mustermann"]),
    ("Par Jean-Luc Picard, le 3 juin 2019", ["Jean-Luc Picard"]),
    ("Por María José García", ["María José García"]), ("Written by Ann O'Neil on May 3, 2020", ["Ann O'Neil"]),
])
def test_byline_lines(line: str, names: list[str]) -> None:
    assert names_from_line(line) == names


@pytest.mark.parametrize("line", [
    "Posted in News", "Read more", "By the way, the bridge is closed until further notice for repairs to the pillar",
    "By admin", "Share this article", "Menu", "by clicking accept you agree to our terms",
])
def test_lines_that_are_not_authors(line: str) -> None:
    assert names_from_line(line, need_opener=True) == []


def test_author_values() -> None:
    assert names_from_value({"@type": "Person", "name": "Jane Doe"}) == ["Jane Doe"]
    assert names_from_value([{"name": "A B"}, {"name": "C D"}, {"name": "A B"}]) == ["A B", "C D"]
    assert names_from_value("https://example.org/author/jane") == []
    assert names_from_value({"givenName": "Jane", "familyName": "Doe"}) == ["Jane Doe"]


def test_author_line_that_is_not_an_author_is_not_taken() -> None:
    body = '<p class="byline">Posted in News, Weather</p>' + BODY
    assert meta_of(page(body=body)).authors == ()


def test_jsonld_author_by_reference_to_a_person() -> None:
    meta = meta_of(page(jsonld({"@graph": [
        {"@type": "Article", "author": {"@id": "https://x.org/#/person/1"}, "datePublished": "2022-12-19"},
        {"@type": "Person", "@id": "https://x.org/#/person/1", "name": "Christoph Schulz"}]})))
    assert meta.authors == ("Christoph Schulz",) and meta.sources["authors"] == "json-ld"


def test_twitter_label_written_by() -> None:
    head = '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Uta Koch">'
    assert meta_of(page(head)).authors == ("Uta Koch",)
    other = '<meta name="twitter:label1" content="Reading time"><meta name="twitter:data1" content="5 minutes">'
    assert meta_of(page(other)).authors == ()


def test_link_to_an_author_page_names_the_author() -> None:
    body = ('<p class="entry-meta">Posted on <a href="/2020/01/02/">2 January 2020</a> — '
            '<a href="https://blog.example/author/saskia/">Saskia Berg</a></p>') + BODY
    meta = meta_of(page(body=body))
    assert meta.authors == ("Saskia Berg",)
    assert meta.date_published == "2020-01-02"


def test_links_in_comments_are_not_authors() -> None:
    body = BODY + ('<div class="comments"><p><a href="/author/troll/">Some Troll</a> says</p>'
                   '<p>I do not agree with the council at all.</p></div>')
    assert meta_of(page(body=body)).authors == ()


def test_without_declared_language_html_gives_none() -> None:
    assert meta_of(page()).language is None


def test_jsonl_record_and_explain_carry_metadata() -> None:
    from cleantext.render import explain

    html = page('<meta property="og:site_name" content="River News">')
    result = next(iter(cleantext.clean_many([html], workers=1)))
    record = result.to_record()
    assert record["metadata"]["site_name"] == "River News"
    assert record["metadata"]["sources"]["site_name"] == "open-graph"
    json.dumps(record)
    assert "site_name: River News  [open-graph]" in explain(cleantext.clean(html, mode="html"))


def test_metadata_rows_and_roles() -> None:
    assert names_from_line("04.02.2022 | 13:10 Uhr | Uta Helkenberg") == ["Uta Helkenberg"]
    assert names_from_line("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU", bare=True) == ["Daniel Kahn Gillmor"]
    assert names_from_line("By Nathan Willis March 3, 2020") == ["Nathan Willis"]
    assert names_from_line("ByAlex Bozarjian") == ["Alex Bozarjian"]
    # A first name that starts like a byline word is not one ("Da-niel", "Di-ane").
    assert names_from_line("Diane Smith", bare=True) == ["Diane Smith"]
    # Without a date or an author-named element, a row of capitalised words is not a byline.
    assert names_from_line("Video Advertising | Strategy") == []
    assert names_from_line("Last Updated: January 7, 2025") == []


def test_the_site_or_an_organisation_as_author_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="CBS News"><meta name="author" content="CBS News">'
    assert meta_of(page(head)).authors == ()
    meta = meta_of(page(jsonld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "EFE"}})))
    assert meta.authors == ()


def test_space_separated_properties_and_dublin_core_colon_form() -> None:
    head = ('<meta property="dc:creator twitter:creator" content="Creator Name"><meta name="author" content="Site">'
            '<meta property="dc:description og:description" content="Preferred description">')
    meta = meta_of(page(head))
    assert meta.authors == ("Creator Name",)
    assert meta.raw["og:description"] == "Preferred description"


def test_a_paragraph_that_opens_with_a_date_dates_a_press_release() -> None:
    body = "<p>25.01.2022 – Die Zusammenarbeit der Ämter wird neu geregelt, teilte das Ministerium mit.</p>" + BODY
    assert meta_of(page(body=body)).date_published == "2022-01-25"
    later = ("<p>Bundesminister Cem Özdemir hat das Forum der Landwirte am 26. Januar 2022 in Berlin eröffnet.</p>"
             + BODY)
    assert meta_of(page(body=later)).date_published is None


def test_leading_date() -> None:
    from cleantext.metadata.dates import leading_date

    assert leading_date("Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige") == dt.date(2022, 1, 25)
    assert leading_date("The bridge was first opened on 12 May 1998 and rebuilt") is None


def test_byline_tails_that_are_not_the_author() -> None:
    assert names_from_line("Written by Rob Ewaschuk Edited by Betsy Beyer") == ["Rob Ewaschuk"]
    assert names_from_line("By Jane Doe Photos by Max Roe") == ["Jane Doe"]
    assert names_from_line("Alex Perry 1 day ago", bare=True) == ["Alex Perry"]
