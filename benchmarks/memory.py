"""Does clean() hold growing state? Memory after 100 calls against memory after 10,000 calls, one process.

    python benchmarks/memory.py                   # 10,000 calls, HTML and text pages alternating
    python benchmarks/memory.py --calls 2000 --pages 50

Pages: the first --pages pages (by id) of trafilatura-eval under --max-kb, in HTML mode, alternating with their
text dumps in text mode, cycled; so by call 100 every page has been seen once and anything that still grows after
that is state kept across calls. Measured at checkpoints after gc.collect(): Python heap blocks
(sys.getallocatedblocks), objects tracked by the garbage collector, and resident memory (VmRSS, which also sees
lxml's C allocations). Exit status 1 when the heap or the object count grows between call 100 and the last call
beyond the tolerances below.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from procmem import proc_status_mb

REPO = Path(__file__).resolve().parent.parent
DATASET = REPO.parent / "shared" / "datasets" / "trafilatura-eval"
# Tolerances for "equal": a state kept per call grows by >= 1 block per call, i.e. by ~10,000 over the run;
# a few hundred blocks move with interpreter internals (free lists, method caches) between checkpoints.
MAX_BLOCK_GROWTH = 1000
MAX_OBJECT_GROWTH = 200
MAX_RSS_GROWTH_MB = 8.0  # allocator fragmentation moves RSS by a few MB without any leak


def rss_mb() -> float:
    """Current resident memory in MB (Linux /proc; 0 elsewhere)."""
    return proc_status_mb("VmRSS") or 0.0


def snapshot() -> dict[str, float]:
    gc.collect()
    return {"blocks": sys.getallocatedblocks(), "objects": len(gc.get_objects()), "rss_mb": rss_mb()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, default=DATASET)
    ap.add_argument("--calls", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=50, help="distinct pages cycled (each in both modes)")
    ap.add_argument("--max-kb", type=int, default=60, help="only pages up to this size, to keep the run short")
    ap.add_argument("--markdown", type=Path, help="also write the table to this Markdown file")
    args = ap.parse_args(argv)

    import cleantext

    html_dir, text_dir = args.dataset / "html", args.dataset / "text"
    if not html_dir.exists():
        print(f"memory: dataset not found ({args.dataset}); nothing measured", file=sys.stderr)
        return 0
    inputs: list[tuple[bytes, str]] = []
    for path in sorted(html_dir.glob("*.html")):
        if len(inputs) >= 2 * args.pages:
            break
        text = text_dir / f"{path.stem}.txt"
        if path.stat().st_size <= args.max_kb * 1000 and text.exists():
            inputs += [(path.read_bytes(), "html"), (text.read_bytes(), "text")]
    checkpoints = sorted({c for c in (100, 1000, args.calls // 2, args.calls) if 0 < c <= args.calls})
    rows = []
    for call in range(1, args.calls + 1):
        data, mode = inputs[(call - 1) % len(inputs)]
        cleantext.clean(data, mode=mode)
        if call in checkpoints:
            rows.append((call, snapshot()))
    first, last = rows[0][1], rows[-1][1]
    growth = {k: last[k] - first[k] for k in first}
    lines = [
        f"### clean() memory over {args.calls} calls ({len(inputs)} inputs cycled: {len(inputs) // 2} pages, "
        "HTML and text dump each)",
        "",
        "| after calls | Python heap blocks | GC-tracked objects | RSS MB |",
        "|---|---|---|---|",
        *(f"| {call} | {s['blocks']} | {s['objects']} | {s['rss_mb']:.1f} |" for call, s in rows),
        f"| growth {rows[0][0]} -> {rows[-1][0]} | {growth['blocks']:+d} (tolerance {MAX_BLOCK_GROWTH}) | "
        f"{growth['objects']:+d} (tolerance {MAX_OBJECT_GROWTH}) | {growth['rss_mb']:+.1f} "
        f"(tolerance {MAX_RSS_GROWTH_MB:g}) |",
        "",
    ]
    ok = (growth["blocks"] <= MAX_BLOCK_GROWTH and growth["objects"] <= MAX_OBJECT_GROWTH
          and growth["rss_mb"] <= MAX_RSS_GROWTH_MB)
    lines.append(f"Memory after {rows[-1][0]} calls equals memory after {rows[0][0]} (within tolerance): "
                 f"{'yes' if ok else 'NO'}")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.markdown:
        cmd = "python benchmarks/memory.py " + " ".join(argv if argv is not None else sys.argv[1:])
        args.markdown.write_text(f"<!-- produced by: {cmd} -->\n\n{report}", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
