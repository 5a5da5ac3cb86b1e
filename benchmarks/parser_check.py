"""Does cleantext's lxml front end lose text that a second parser finds? A check over the evaluation pages.

    python benchmarks/parser_check.py                 # every page of both sets
    python benchmarks/parser_check.py --threshold 0.9 # report pages where cleantext keeps < 90% of the words

For each page, the words (``\\w+``) of every block cleantext segments (no rule run: ``clean(..., rules=())``) are
compared with the visible words BeautifulSoup finds with Python's own html.parser (through
lxml.html.soupparser; script, style, noscript and template dropped in both). A page where cleantext has far
fewer words points at markup libxml2 reads differently, the case a BeautifulSoup fallback would be for.
Needs the ``bench`` extra (beautifulsoup4).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "datasets"
WORD = regex.compile(r"\w+")
INVISIBLE = ("script", "style", "noscript", "template")


def soup_words(html: str) -> Counter[str]:
    from lxml.html import soupparser

    root = soupparser.fromstring(html)
    for el in list(root.iter(*INVISIBLE)):
        el.drop_tree()
    return Counter(WORD.findall(" ".join(root.itertext())))


def cleantext_words(data: bytes) -> Counter[str]:
    import cleantext

    doc = cleantext.clean(data, mode="html", rules=())
    return Counter(WORD.findall(" ".join(b.text for b in doc.blocks)))


def pages() -> list[Path]:
    return sorted((SHARED / "trafilatura-eval" / "html").glob("*.html")) + \
        sorted((SHARED / "readability" / "pages").glob("*/source.html"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threshold", type=float, default=0.8, help="report pages below this share of words")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from cleantext.decode import decode_bytes

    found = pages()
    if not found:
        print(f"parser_check: no pages under {SHARED}", file=sys.stderr)
        return 0
    low, soup_failed = [], 0
    for path in found:
        data = path.read_bytes()
        try:
            theirs = soup_words(decode_bytes(data))
        except Exception:  # BeautifulSoup gave up on the page: nothing to compare with
            soup_failed += 1
            continue
        ours = cleantext_words(data)
        total = sum(theirs.values())
        if not total:
            continue
        share = sum((ours & theirs).values()) / total
        if share < args.threshold:
            low.append((share, sum(ours.values()), total, path.relative_to(SHARED)))
    print(f"{len(found)} pages; BeautifulSoup failed on {soup_failed}; cleantext keeps < {args.threshold:.0%} of "
          f"BeautifulSoup's words on {len(low)}")
    if low:
        print("\n| share | cleantext words | BeautifulSoup words | page |\n|---|---|---|---|")
        for share, ours_n, theirs_n, name in sorted(low):
            print(f"| {share:.2f} | {ours_n} | {theirs_n} | {name} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
