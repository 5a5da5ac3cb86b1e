"""Page-type detection against wcxb-dev's labels, and how often article sets come out "article".

    python benchmarks/pagetype.py                  # HTML mode: confusion matrix per half of wcxb-dev
    python benchmarks/pagetype.py --mode text      # text mode, on the text dumps
    python benchmarks/pagetype.py --misses 20      # list wrongly typed pages with their evidence

Halves are by site (host lower-cased without a leading "www."): half A when the first byte of sha1(site) is even,
else half B. Thresholds are chosen on half A; half B is the check. trafilatura-eval and Readability's pages are
nearly all articles: the share typed "article" there is the false-alarm check.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "datasets"
TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def site_key(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def half(key: str) -> str:
    return "A" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "B"


def _wcxb_pages(mode: str) -> list[tuple[str, str, str, Path]]:
    """(id, url, label, input file) for every wcxb-dev page."""
    root = DATA / "wcxb-dev"
    pages = []
    for truth in sorted((root / "ground-truth").glob("*.json")):
        data = json.loads(truth.read_text(encoding="utf-8"))
        label = data["_internal"]["page_type"]["primary"]
        url = data["ground_truth"].get("url") or data.get("url") or ""
        path = root / "html" / f"{truth.stem}.html.gz" if mode == "html" else root / "text" / f"{truth.stem}.txt"
        pages.append((truth.stem, url, "collection" if label == "category" else label, path))
    return pages


def _detect(job: tuple[str, str, str, str]) -> tuple[str, str, str]:
    """(page id, detected type, evidence line) for one page."""
    import cleantext

    page_id, url, path, mode = job
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    doc = cleantext.clean(raw, mode=mode, url=url or None)
    return page_id, doc.page_type.name, doc.page_type.explain()


def _matrix(rows: list[tuple[str, str]]) -> str:
    counts = Counter(rows)
    lines = ["| label \\ detected | " + " | ".join(t[:6] for t in TYPES) + " | recall |",
             "|---" * (len(TYPES) + 2) + "|"]
    for label in TYPES:
        n = sum(counts[(label, d)] for d in TYPES)
        cells = " | ".join(str(counts[(label, d)]) for d in TYPES)
        lines.append(f"| {label} | {cells} | {counts[(label, label)] / n if n else 0:.2f} |")
    right = sum(counts[(t, t)] for t in TYPES)
    lines.append(f"accuracy {right / max(1, len(rows)):.3f} on {len(rows)} pages")
    return "\n".join(lines)


def _article_share(name: str, jobs: list[tuple[str, str, str, str]], pool: multiprocessing.pool.Pool) -> str:
    found = Counter(t for _, t, _ in pool.imap_unordered(_detect, jobs, chunksize=8))
    total = sum(found.values())
    others = ", ".join(f"{k} {v}" for k, v in found.most_common() if k != "article")
    return f"{name}: {found['article']}/{total} typed article ({found['article'] / max(1, total):.1%}); {others}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("html", "text"), default="html")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list N wrongly typed pages per half")
    parser.add_argument("--wcxb-only", action="store_true", help="skip the article-share check on the other sets")
    args = parser.parse_args()
    pages = _wcxb_pages(args.mode)
    if not pages:
        print(f"no wcxb-dev pages under {DATA}", file=sys.stderr)
        return 1
    jobs = [(pid, url, str(path), args.mode) for pid, url, _, path in pages]
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        found = {pid: (kind, why) for pid, kind, why in pool.imap_unordered(_detect, jobs, chunksize=8)}
        print(f"# page-type detection, {args.mode} mode, wcxb-dev")
        for name in ("A", "B", "all"):
            rows = [(label, found[pid][0]) for pid, url, label, _ in pages if name in ("all", half(site_key(url)))]
            print(f"\n## half {name}\n" if name != "all" else "\n## both halves\n")
            print(_matrix(rows))
            if args.misses and name != "all":
                wrong = [(pid, label, *found[pid]) for pid, url, label, _ in pages
                         if half(site_key(url)) == name and found[pid][0] != label]
                for pid, label, _kind, why in wrong[: args.misses]:
                    print(f"  {pid} {label} -> {why}")
        if not args.wcxb_only:
            print()
            traf = DATA / "trafilatura-eval"
            notes = json.loads((traf / "annotations.json").read_text(encoding="utf-8"))
            sub, ext = ("html", ".html") if args.mode == "html" else ("text", ".txt")
            jobs = [(pid, notes[pid].get("url") or "", str(traf / sub / f"{pid}{ext}"), args.mode) for pid in notes
                    if (traf / sub / f"{pid}{ext}").exists()]
            print(_article_share("trafilatura-eval", jobs, pool))
            read = DATA / "readability"
            jobs = [(d.name, "", str(d / "source.html" if args.mode == "html" else read / "text" / f"{d.name}.txt"),
                     args.mode) for d in sorted((read / "pages").iterdir())]
            print(_article_share("readability", jobs, pool))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
