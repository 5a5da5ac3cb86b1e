"""Part 2 of benchmarks/speed.py: one page scaled from 10 KB to 10 MB, ms per MB and peak RSS per size.

The page's <body> content is serialised element by element (so nesting depth stays constant) and repeated to
each size; each size is cleaned in a fresh interpreter running this file as a worker:

    python benchmarks/scaling.py PAGE.html [--budget SECONDS] [--clock cpu|wall] [--floor]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from procmem import peak_rss_mb

# CPU time by default: steadier than wall time on a shared machine.
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def scale_unit(path: Path) -> tuple[bytes, bytes, bytes]:
    """(prefix, unit, suffix) of a page: its head, its body's children serialised, the closing tags."""
    import lxml.html

    root = lxml.html.document_fromstring(path.read_bytes())
    head = root.find("head")
    head_html = lxml.html.tostring(head, encoding="utf-8") if head is not None else b""
    body = root.find("body")
    parts = [lxml.html.tostring(child, encoding="utf-8") for child in (body if body is not None else root)]
    unit = (body.text or "").encode() if body is not None else b""
    unit += b"".join(parts)
    prefix = b'<!DOCTYPE html>\n<html><meta charset="utf-8">' + head_html + b"<body>"
    return prefix, unit, b"</body></html>"


def build_page(prefix: bytes, unit: bytes, suffix: bytes, size: int) -> bytes:
    """The page with its body content repeated (or cut at the last tag before the size) to about ``size`` bytes."""
    room = max(size - len(prefix) - len(suffix), 1)
    if len(unit) >= room:
        cut = unit.rfind(b"<", 0, room)
        return prefix + unit[: cut if cut > 0 else room] + suffix
    return prefix + unit * max(1, round(room / len(unit))) + suffix


def pick_scale_page(root: Path) -> Path:
    """The page closest to 10 KB of body content among pages with real text (the smallest size we scale to)."""
    best, best_gap = None, None
    for p in sorted((root / "html").glob("*.html")):
        size = p.stat().st_size
        txt = root / "text" / (p.stem + ".txt")
        if not txt.exists() or txt.stat().st_size < 2000:
            continue
        gap = abs(size - 12_000)
        if best_gap is None or gap < best_gap:
            best, best_gap = p, gap
    if best is None:
        raise SystemExit("speed: no page to scale")
    return best


def scaling(root: Path, sizes: list[int], page: Path | None, repeats_budget: float, clock_name: str) -> dict:
    path = page or pick_scale_page(root)
    prefix, unit, suffix = scale_unit(path)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            data = build_page(prefix, unit, suffix, size)
            file = Path(tmp) / f"page-{size}.html"
            file.write_bytes(data)
            cmd = [sys.executable, __file__, str(file), "--budget", str(repeats_budget), "--clock", clock_name]
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
            if res.returncode != 0:
                rows.append({"size": len(data), "error": res.stderr.strip().splitlines()[-1:]})
                continue
            row = json.loads(res.stdout.strip().splitlines()[-1])
            floor = subprocess.run([*cmd, "--floor"], capture_output=True, text=True, timeout=1800)
            if floor.returncode == 0:
                f = json.loads(floor.stdout.strip().splitlines()[-1])
                row["parse_rss_over_input"] = (f["peak_mb"] - f["baseline_mb"]) / (len(data) / 1e6)
            rows.append(row)
    return {"page": path.name, "unit_bytes": len(unit), "rows": rows}


def scale_worker(file: Path, budget: float, floor: bool, clock: Callable[[], float]) -> None:
    """Clean one scaled page repeatedly (or only parse it, ``floor``) and print its figures as JSON."""
    import lxml.html

    import cleantext

    with file.open("rb") as fh:
        warm = fh.read(20_000)
    for _ in range(3):
        cleantext.clean(warm, mode="html")
        lxml.html.fromstring(warm)
    baseline = peak_rss_mb()
    data = file.read_bytes()
    if floor:  # the parse alone, for the RSS floor of an lxml tree of this input
        lxml.html.fromstring(data)
        print(json.dumps({"baseline_mb": baseline, "peak_mb": peak_rss_mb()}))
        return
    times = []
    started = time.perf_counter()
    blocks = 0
    # The engine's scaling, not the limits': the block cap and the time budget are lifted for this part.
    unlimited = {"max_blocks": 100_000_000, "timeout_seconds": None}
    truncated = None
    while len(times) < 3 or (time.perf_counter() - started < budget and len(times) < 50):
        t0 = clock()
        doc = cleantext.clean(data, mode="html", **unlimited)
        times.append(clock() - t0)
        blocks = len(doc.blocks)
        truncated = doc.truncated
        del doc
    peak = peak_rss_mb()
    parse = []
    for _ in range(min(len(times), 5)):
        t0 = clock()
        lxml.html.fromstring(data)
        parse.append(clock() - t0)
    mb = len(data) / 1e6
    ms = statistics.median(times) * 1000
    print(json.dumps({
        "size": len(data), "repeats": len(times), "blocks": blocks, "ms": ms, "ms_per_mb": ms / mb,
        "parse_ms_per_mb": statistics.median(parse) * 1000 / mb, "baseline_mb": baseline, "peak_mb": peak,
        "rss_over_input": (peak - baseline) / mb, "truncated": truncated,
    }))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("page", type=Path, help="the scaled page to clean")
    ap.add_argument("--budget", type=float, default=1.0, help="seconds of repeats (min 3 runs)")
    ap.add_argument("--clock", choices=tuple(CLOCKS), default="cpu")
    ap.add_argument("--floor", action="store_true", help="only parse with lxml: the RSS floor of the tree")
    args = ap.parse_args(argv)
    scale_worker(args.page, args.budget, args.floor, CLOCKS[args.clock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
