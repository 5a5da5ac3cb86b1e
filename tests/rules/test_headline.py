"""The HTML headline: which heading becomes the title, and which stays in the text."""

from __future__ import annotations

import cleantext

_TEXT = ("<p>The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
         "next five years, after months of debate between neighbourhood groups and the finance committee.</p>"
         "<p>Supporters said the money would repair playgrounds, plant trees and reopen two swimming pools that have "
         "been closed since the storms of last winter damaged their roofs and pumps.</p>")


def _block(doc: cleantext.Document, text: str) -> cleantext.Block:
    return next(b for b in doc.blocks if b.text == text)


def test_only_h1_that_repeats_the_page_title_is_the_title() -> None:
    doc = cleantext.clean(f"<html><head><title>Parks budget | City News</title></head><body><article>"
                          f"<h1>Parks budget</h1>{_TEXT}</article></body></html>", mode="html")
    assert _block(doc, "Parks budget").label == "title"
    assert doc.title == "Parks budget"


def test_only_h1_without_page_title_is_the_title() -> None:
    doc = cleantext.clean(f"<html><body><article><h1>Parks budget</h1>{_TEXT}</article></body></html>", mode="html")
    assert _block(doc, "Parks budget").label == "title"
    assert doc.title == "Parks budget"


def test_only_h1_unlike_the_page_title_stays_in_the_text() -> None:
    doc = cleantext.clean(f"<html><head><title>Parks and recreation news | Stadtanzeiger</title></head><body><article>"
                          f"<h1>Lorem</h1>{_TEXT}</article></body></html>", mode="html")
    block = _block(doc, "Lorem")
    assert block.label == "body", (block.rule, block.reason)
    assert doc.title == "Parks and recreation news"
    assert doc.text.startswith("Lorem")
