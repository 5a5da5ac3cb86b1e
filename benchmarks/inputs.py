"""Parsed-page inputs: does clean() give the same result for an lxml tree or a BeautifulSoup object as for the
page's markup, and what does walking a tree cost against serialising it and parsing again?

    python benchmarks/inputs.py                  # every 5th page of trafilatura-eval and of Readability's pages
    python benchmarks/inputs.py --every 1        # all 775 pages

Per input kind: pages whose kept text and title equal those of clean(page bytes), and the median time of the
clean() call (the caller's own parse is not counted: it is what they already hold). Kinds: the lxml tree of
lxml.html.document_fromstring, walked; the same tree serialised with lxml.html.tostring and cleaned as bytes
(the alternative to walking); BeautifulSoup with the "lxml" parser; BeautifulSoup with Python's html.parser
(a different parser: differences there are the parsers', reported, not a failure). Needs the bench extra.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "datasets"


def sample_pages(every: int, shared: Path = SHARED) -> list[Path]:
    """Every ``every``-th page of trafilatura-eval and of Readability's test pages, in name order."""
    traf = sorted((shared / "trafilatura-eval" / "html").glob("*.html"))
    read = sorted((shared / "readability" / "pages").glob("*/source.html"))
    return traf[::every] + read[::every]


def main(argv: list[str] | None = None) -> int:
    import lxml.html
    from bs4 import BeautifulSoup

    import cleantext

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=5, help="take every N-th page of each set (default 5)")
    args = ap.parse_args(argv)
    pages = sample_pages(args.every)
    parser = lxml.html.HTMLParser(encoding="utf-8")
    def lxml_tree(data: bytes) -> object:
        return lxml.html.document_fromstring(data, parser=parser)

    # kind: (the caller's parse, untimed; the timed clean() of what it made)
    kinds: dict[str, tuple[Callable[[bytes], Any], Callable[[Any], Any]]] = {
        "lxml tree, walked": (lxml_tree, cleantext.clean),
        "lxml tree, serialised": (lxml_tree, lambda tree: cleantext.clean(lxml.html.tostring(tree))),
        "bs4 (lxml parser)": (lambda data: BeautifulSoup(data, "lxml", from_encoding="utf-8"), cleantext.clean),
        "bs4 (html.parser)": (lambda data: BeautifulSoup(data, "html.parser", from_encoding="utf-8"),
                              cleantext.clean),
    }
    same = dict.fromkeys(kinds, 0)
    times: dict[str, list[float]] = {k: [] for k in ["page bytes", *kinds]}
    used = 0
    for path in pages:
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # the trees are parsed as UTF-8 here; cleantext would find another encoding
        used += 1
        t0 = time.perf_counter()
        want = cleantext.clean(data, mode="html")
        times["page bytes"].append(time.perf_counter() - t0)
        for kind, (parse, clean) in kinds.items():
            parsed = parse(data)
            t0 = time.perf_counter()
            got = clean(parsed)
            times[kind].append(time.perf_counter() - t0)
            if got.text == want.text and got.title == want.title:
                same[kind] += 1
    print(f"{used} pages (every {args.every}th of trafilatura-eval and Readability's pages, UTF-8 only)")
    print("| input | same text and title | median ms per clean() |")
    print("|---|---|---|")
    print(f"| page bytes | - | {1000 * statistics.median(times['page bytes']):.2f} |")
    for kind in kinds:
        print(f"| {kind} | {same[kind]}/{used} | {1000 * statistics.median(times[kind]):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
