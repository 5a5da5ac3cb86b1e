"""HTML output (Document.html, --format html): a minimal article that parses back to the same structure, and in
which no script, style, event handler or script-running address survives, however the input hides them."""

from __future__ import annotations

from html.parser import HTMLParser

import lxml.html
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.render_html import to_html

BODY = ("The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
        "next five years, after months of debate between neighbourhood groups and the finance committee.")
ALLOWED_TAGS = {"article", "section", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "tr", "th",
                "td", "pre", "code", "blockquote", "figure", "figcaption", "img", "strong", "em", "a"}
ALLOWED_ATTRS = {"a": {"href"}, "img": {"src", "alt"}}
VOID = {"img"}
SAFE_ADDRESS = regex.compile(r"^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))", regex.I)


class Checker(HTMLParser):
    """Records every problem: a tag or attribute outside the allowed set, an unsafe address, bad nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRS.get(tag, set()):
                self.problems.append(f"attribute {name} on <{tag}>")
            elif name in ("href", "src"):
                squeezed = regex.sub(r"[\x00-\x20\x7f]", "", value or "")
                if not SAFE_ADDRESS.match(squeezed):
                    self.problems.append(f"address {value!r}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def close(self) -> None:
        super().close()
        if self.stack:
            self.problems.append(f"left open: {self.stack}")


def check(out: str) -> Checker:
    checker = Checker()
    checker.feed(out)
    checker.close()
    return checker


def page(article: str, head: str = "") -> str:
    return (f"<html><head><title>Budget</title>{head}</head><body><article><h1>Budget</h1><p>{BODY}</p>{article}"
            "</article></body></html>")


def render(article: str, **kw: bool) -> str:
    return to_html(cleantext.clean(page(article), mode="html"), **kw)


def test_structure_parses_back() -> None:
    article = ("<h2>Details</h2><p>It is <strong>very</strong> <em>important</em>, call <code>f(a&lt;b)</code> and "
               '<a href="https://example.org/plan">read the plan</a> before the vote.</p>'
               "<ol><li>First</li><li>Second<ul><li>Inner</li></ul></li></ol>"
               "<table><tr><th></th><th>Shop A</th></tr><tr><td>Apples</td><td>3.10</td></tr></table>"
               "<blockquote>A quote from the mayor, said at the meeting on Tuesday night.</blockquote>"
               "<pre>def f():\n    return 1</pre>")
    out = render(article, include_links=True)
    assert check(out).problems == []
    root = lxml.html.fragment_fromstring(out)
    assert root.tag == "article"
    assert root.findtext("h1") == "Budget" and root.findtext("h2") == "Details"
    assert root.find(".//a").get("href") == "https://example.org/plan"
    assert root.find(".//code").text == "f(a<b)"
    assert [li.text for li in root.iter("li")] == ["First", "Second", "Inner"]
    assert root.find("ol/li/ul/li") is not None  # the inner list sits inside its item
    rows = [[c.text or "" for c in tr] for tr in root.iter("tr")]
    assert rows == [["", "Shop A"], ["Apples", "3.10"]]
    assert [c.tag for c in root.find(".//tr")] == ["th", "th"]
    assert root.find("pre/code").text == "def f():\n    return 1"
    assert root.find("blockquote/p") is not None


def test_document_html_follows_the_options() -> None:
    article = '<figure><img src="/park.jpg" alt="Park"><figcaption>The park.</figcaption></figure>'
    assert "<img" not in cleantext.clean(page(article), mode="html").html
    out = cleantext.clean(page(article), mode="html", include_images=True).html
    assert '<img src="/park.jpg" alt="Park">' in out and check(out).problems == []


def test_text_is_escaped_not_interpreted() -> None:
    out = render("<p>Write &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick=x&gt; to test.</p>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick=x&gt;" in out
    assert check(out).tags.count("script") == 0


HOSTILE = [
    '<p><a href="javascript:alert(1)">one</a> plain words stay here for the reader.</p>',
    '<p><a href="&#106;avascript:alert(1)">two</a> plain words stay here for the reader.</p>',
    '<p><a href="&#x6A;&#x61;vascript&#58;alert(1)">three</a> plain words stay here for the reader.</p>',
    '<p><a href="java&#x09;script:alert(1)">four</a> plain words stay here for the reader.</p>',
    '<p><a href="java\nscript:alert(1)">five</a> plain words stay here for the reader.</p>',
    '<p><a href=" &#14; javascript:alert(1)">six</a> plain words stay here for the reader.</p>',
    '<p><a href="JaVaScRiPt:alert(1)">seven</a> plain words stay here for the reader.</p>',
    '<p><a href="vbscript:msgbox(1)">eight</a> plain words stay here for the reader.</p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">nine</a> plain words stay here.</p>',
    '<p><a href="javascript&colon;alert(1)">ten</a> plain words stay here for the reader.</p>',
    '<p><a href="javascript:\\u0061lert(1)">eleven</a> plain words stay here for the reader.</p>',
    '<p onclick="alert(1)" onmouseover="alert(2)" style="x:expression(alert(3))">Handlers on a paragraph go.</p>',
    '<p><img src="x" onerror="alert(1)">An image with a handler, and words to keep here.</p>',
    '<p><img src="javascript:alert(1)" alt="x">An image with a script address, and words to keep.</p>',
    '<p><img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="x">A data image, and words to keep.</p>',
    "<svg><script>alert(1)</script><text>svg text</text></svg><p>Words after an svg that tried a script.</p>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"
    "<p>Words after a math element that tried the mglyph trick.</p>",
    "<p>Before <script>alert(1)</script> after, with a script inside the paragraph itself.</p>",
    "<style>p{background:url(javascript:alert(1))}</style><p>Words after a style element here.</p>",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe><p>Words after an iframe element.</p>',
    '<p><a href="https://ok.example/a&quot;onmouseover=&quot;alert(1)">quoted</a> words stay here too.</p>',
    '<p><a href="/x" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">title</a> words stay here.</p>',
    '<p><a href="\\\\javascript:alert(1)">backslashes</a> words stay here for the reader.</p>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)"><p>Words after objects.</p>',
    '<form action="javascript:alert(1)"><p>Words inside a form that posts to a script.</p></form>',
    '<p><a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116'
    '&#0000058alert(1)">padded</a> words stay here for the reader.</p>',
]


def test_no_script_handler_or_unsafe_address_survives() -> None:
    for snippet in HOSTILE:
        for kw in ({}, {"include_links": True, "include_images": True}):
            doc = cleantext.clean(page(snippet, head='<base href="javascript:alert(1)//">'), mode="html", **kw)
            out = doc.html
            found = check(out)
            assert found.problems == [], (snippet, out, found.problems)
            # A second parser agrees: only allowed elements and attributes, no handler anywhere.
            root = lxml.html.fragment_fromstring(out)
            for element in root.iter():
                assert element.tag in ALLOWED_TAGS, (snippet, element.tag)
                assert set(element.attrib) <= ALLOWED_ATTRS.get(element.tag, set()), (snippet, element.attrib)
            lowered = out.lower()
            for tag in ("<script", "<style", "<svg", "<math", "<iframe", "<object", "<embed", "<form", "<base"):
                assert tag not in lowered, (snippet, out)


def test_well_nested_even_when_inline_markup_overlaps() -> None:
    out = render("<p>Some <b>bold <i>both</b> italic</i> and <a href='/x'><b>linked</a> bold</b> words here.</p>",
                 include_links=True)
    assert check(out).problems == []
    assert "Some <strong>bold" in out


# Pieces of hostile and ordinary markup, shuffled into pages by hypothesis: whatever the mix, the output stays
# within the allowed elements and attributes, well nested, with safe addresses only.
PIECES = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<code>", "</code>", "<table>", "<tr>", "<td>", "<th>", "</td>",
    "</tr>", "</table>", "<ul>", "<li>", "</li>", "</ul>", "<ol>", "<pre>", "</pre>", "<h2>", "</h2>", "<br>",
    "<figure>", "<figcaption>", "</figure>", "<blockquote>", "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">', '<a href="/ok">', '<a href="jav&#x09;ascript:x">', "</a>",
    '<img src="x" onerror="alert(1)">', '<img src="/p.png" alt="a&quot;b">', '<img src="data:image/png,AA">',
    '<p onclick="alert(1)">', "<style>p{}</style>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;", "&amp;", "\ue010", "\ue017" "0\ue018", "Plain words of a sentence that goes on for a while. ",
    "The council voted on Tuesday to approve a new budget for the parks and pools. ", "1. ", "| ", "`",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.booleans())
def test_any_mix_of_markup_gives_safe_well_nested_html(pieces: list[str], extras: bool) -> None:
    doc = cleantext.clean(page("".join(pieces)), mode="html", include_links=extras, include_images=extras,
                          include_comments=extras)
    out = doc.html
    assert check(out).problems == [], out
    assert "<script" not in out.lower()
