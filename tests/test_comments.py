"""Reader comments: removed by default; with include_comments, kept apart in Document.comments (never in the body)
and printed after the body by every format."""

from __future__ import annotations

import json

import cleantext
from cleantext.render import explain, to_json, to_markdown, to_text

BODY = ("The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
        "next five years, after months of debate between neighbourhood groups and the finance committee.")
COMMENT = "I love this park, it is the best one in town and I walk there every single morning!"
PAGE = (f"<html><body><article><h1>Budget</h1><p>{BODY}</p><p>{BODY.replace('council', 'mayor')}</p></article>"
        f'<div id="comments"><div class="comment-body"><p>{COMMENT}</p></div></div></body></html>')
TEXT = "\n\n".join([BODY, BODY.replace("council", "mayor"), BODY.replace("parks", "pools"), "Leave a comment",
                    "Jane Doe · March 10, 2017 at 1:26 AM", COMMENT])


def test_html_comments_apart_only_when_asked() -> None:
    plain = cleantext.clean(PAGE, mode="html")
    assert plain.comments == [] and COMMENT not in plain.text
    doc = cleantext.clean(PAGE, mode="html", include_comments=True)
    assert doc.comments == [COMMENT]
    assert COMMENT not in doc.paragraphs and COMMENT not in doc.text
    assert doc.paragraphs == plain.paragraphs  # the body is the same with or without the option
    assert all(b.label == "comment" and not b.kept for b in doc.comment_blocks)
    assert COMMENT not in [b.text for b in doc.removed]


def test_text_mode_comments_after_a_comment_widget() -> None:
    plain = cleantext.clean(TEXT, mode="text")
    doc = cleantext.clean(TEXT, mode="text", include_comments=True)
    assert COMMENT in doc.comments and COMMENT not in doc.paragraphs
    assert doc.paragraphs == plain.paragraphs


def test_text_mode_related_links_are_not_comments() -> None:
    text = TEXT.replace("Leave a comment", "Related articles you may also like")
    doc = cleantext.clean(text, mode="text", include_comments=True)
    assert doc.comments == []


def test_every_format_prints_comments_after_the_body() -> None:
    doc = cleantext.clean(PAGE, mode="html", include_comments=True)
    text = to_text(doc)
    assert text.index(BODY) < text.index(COMMENT)
    md = to_markdown(doc)
    assert md.index(BODY) < md.index("## Comments") < md.index(COMMENT)
    html = doc.html
    assert html.index(BODY) < html.index("<h2>Comments</h2>") < html.index(COMMENT)
    data = json.loads(to_json(doc))
    assert data["comments"] == [COMMENT] and COMMENT not in data["text"]
    assert f"  C {COMMENT[:40]}" in explain(doc)
    # Without the option no format has a comments part.
    plain = cleantext.clean(PAGE, mode="html")
    assert "Comments" not in to_markdown(plain) and "Comments" not in plain.html
