"""Does this tree decide every block exactly as an earlier commit did? (The check behind every speed change.)

    python benchmarks/decisions.py 57febe3            # all pages of the three sets, HTML and text: "0 differing pages"
    python benchmarks/decisions.py HEAD --show 5      # the first 5 differing pages, with their first differing block
    python benchmarks/decisions.py HEAD --sets traf read --modes html   # fewer inputs, for speed
    python benchmarks/decisions.py --dump out/dec     # write this tree's decisions, one JSONL file per page

A decision is a block's index, tag, label, rule, kind, reason (with its measured values) and text; the page's
title is compared too. The pages are every page of ../shared/datasets/trafilatura-eval, of the Readability
test pages and of wcxb-dev, as HTML and as their text dumps (4544 inputs: 1550 of the first two sets, 2994 of
wcxb-dev); --sets and --modes restrict them. The earlier commit's package is imported beside the working
tree's, as in ab.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType

from ab import DATASET, load_base, load_head

READABILITY = DATASET.parent / "readability"
WCXB = DATASET.parent / "wcxb-dev"
SETS = ("traf", "read", "wcxb")
MODES = ("html", "text")


def inputs(traf: Path = DATASET, read: Path = READABILITY, wcxb: Path = WCXB, sets: Sequence[str] = SETS,
           modes: Sequence[str] = MODES) -> Iterator[tuple[str, str, Path]]:
    """(mode, name, path) of every page input: the sets' HTML, then their text dumps."""
    if "html" in modes:
        if "traf" in sets:
            for path in sorted((traf / "html").glob("*.html")):
                yield "html", f"traf-{path.stem}", path
        if "read" in sets:
            for page in sorted((read / "pages").iterdir()):
                if (page / "source.html").exists():
                    yield "html", f"read-{page.name}", page / "source.html"
        if "wcxb" in sets and wcxb.exists():
            for path in sorted((wcxb / "html").glob("*.html.gz")):
                yield "html", f"wcxb-{path.name.split('.')[0]}", path
    if "text" in modes:
        if "traf" in sets:
            for path in sorted((traf / "text").glob("*")):
                yield "text", f"traf-{path.stem}", path
        if "read" in sets:
            for path in sorted((read / "text").glob("*")) if (read / "text").exists() else ():
                yield "text", f"read-{path.stem}", path
        if "wcxb" in sets and wcxb.exists():
            for path in sorted((wcxb / "text").glob("*.txt")):
                yield "text", f"wcxb-{path.stem}", path


def read_input(path: Path) -> bytes:
    """The page's bytes (wcxb-dev's HTML pages are gzipped)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def decisions(module: ModuleType, mode: str, path: Path) -> list[str]:
    """One JSON line per block, then the title; an exception is a decision too."""
    try:
        doc = module.clean(read_input(path), mode=mode)
    except Exception as exc:  # a failure must compare like any other outcome
        return [f"ERROR {type(exc).__name__}: {exc}"]
    rows = [json.dumps([b.index, b.tag, b.label, b.rule, b.kind, b.reason, b.text], ensure_ascii=False)
            for b in doc.blocks]
    rows.append(json.dumps({"title": doc.title}, ensure_ascii=False))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", nargs="?", help="the commit to compare with (any git revision)")
    ap.add_argument("--dump", type=Path, help="write this tree's decisions to this directory instead")
    ap.add_argument("--show", type=int, default=10, help="differing pages to print (default 10)")
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS), help="only these sets (default: all)")
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="only these modes (default: both)")
    args = ap.parse_args(argv)
    if (args.base is None) == (args.dump is None):
        ap.error("give a commit to compare with, or --dump DIR")
    head = load_head()
    if args.dump:
        pages = list(inputs(sets=args.sets, modes=args.modes))
        for mode, name, path in pages:
            (args.dump / mode).mkdir(parents=True, exist_ok=True)
            (args.dump / mode / f"{name}.jsonl").write_text("\n".join(decisions(head, mode, path)) + "\n", "utf-8")
        print(f"{len(pages)} pages dumped to {args.dump}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = load_base(args.base, Path(tmp))
        differing = total = 0
        for mode, name, path in inputs(sets=args.sets, modes=args.modes):
            total += 1
            old, new = decisions(base, mode, path), decisions(head, mode, path)
            if old != new:
                differing += 1
                if differing <= args.show:
                    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                              min(len(old), len(new)))
                    print(f"{mode} {name}: first difference at line {at}\n  base: {old[at] if at < len(old) else '-'}"
                          f"\n  head: {new[at] if at < len(new) else '-'}")
    print(f"{differing} differing pages of {total} ({args.base} against the working tree)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
