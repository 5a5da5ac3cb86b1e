"""clean() keeps no state between calls: traced memory after 1,100 calls equals memory after 100.

Not a timing test: it counts bytes still allocated (tracemalloc, after gc.collect()) once the inputs are gone.
Every call gets a different page (a number is written into its text), so a cache keyed by input, a list that
collects blocks or a registry that remembers documents grows by at least ~100 bytes a call, i.e. by 100 KB
over the 1,000 measured calls, far above the tolerance; interpreter internals move a few KB between checkpoints.
"""

from __future__ import annotations

import gc
import tracemalloc

import cleantext

TOLERANCE_BYTES = 48 * 1024

HTML = """<!DOCTYPE html><html><head><title>Harbour works {n} - The Daily</title></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Harbour works begin on pier {n}</h1>
<p>Work on the old pier started on Monday, the council said, after {n} years of delays and three public hearings.</p>
<figure><img src="p.jpg" alt="The pier at dusk"><figcaption>The pier at dusk. Photo: J. Smith</figcaption></figure>
<p>Residents welcomed the news, though some worry about noise during the summer season and the loss of parking.</p>
<p>Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a></p></article>
<aside><h2>Related</h2><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">New bus lane</a></li></ul>
</aside><footer>Follow us on social media. Subscribe to our newsletter. (c) {n} The Daily</footer></body></html>"""

TEXT = """Skip to main content
Home | News | Sport
Harbour works begin on pier {n}
Work on the old pier started on Monday, the council said, after {n} years of delays and three public hearings.
Photo: J. Smith
Residents welcomed the news, though some worry about noise during the summer season and the loss of parking.
{n} comments
Share on Facebook
Subscribe to our newsletter
"""


def _call(n: int) -> None:
    if n % 2:
        cleantext.clean(TEXT.format(n=n), mode="text")
    else:
        cleantext.clean(HTML.format(n=n).encode(), mode="html")


def _traced_after_gc() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_clean_holds_no_growing_state() -> None:
    for n in range(20):  # imports, compiled patterns and phrase tables are built before tracing starts
        _call(n)
    tracemalloc.start()
    try:
        for n in range(100):
            _call(1000 + n)
        after_100 = _traced_after_gc()
        for n in range(1000):
            _call(2000 + n)
        after_1100 = _traced_after_gc()
    finally:
        tracemalloc.stop()
    growth = after_1100 - after_100
    assert growth < TOLERANCE_BYTES, f"traced memory grew by {growth} bytes between call 100 and call 1,100"


def test_tolerance_is_below_a_small_leak() -> None:
    """A leak of one small record per call over the 1,000 measured calls exceeds the tolerance above."""
    leaked: list[str] = []
    tracemalloc.start()
    try:
        before = _traced_after_gc()
        for n in range(1000):
            leaked.append(f"page {n:06d} seen")
        after = _traced_after_gc()
    finally:
        tracemalloc.stop()
    assert after - before > TOLERANCE_BYTES


def test_repeated_markup_is_stored_once_per_page() -> None:
    """Tag names, attribute sets and link targets repeat across a large page: its blocks share one object each."""
    unit = ('<div class="post" id="entry"><p>Paragraph {n} of the story, with a <a href="/more">link</a> '
            "inside it.</p></div>")
    page = "<html><body>" + "".join(unit.format(n=n) for n in range(50)) + "</body></html>"
    doc = cleantext.clean(page, mode="html")
    assert len(doc.blocks) == 50
    divs = [n for b in doc.blocks for n in b.extra["nodes"] if n.tag == "div"]
    assert len(divs) == 50
    assert len({id(n.tag) for n in divs}) == 1
    assert len({id(n.attrs) for n in divs}) == 1
    assert len({id(n.tokens) for n in divs}) == 1
    hrefs = [b.extra["hrefs"] for b in doc.blocks]
    assert hrefs[0] == ("/more",)
    assert len({id(h) for h in hrefs}) == 1
