"""Speed and scale of cleantext, against trafilatura and the bare lxml parse, measured in one run.

    python benchmarks/speed.py                         # HTML + text mode, tools interleaved page by page, + scaling
    python benchmarks/speed.py --mode html --rounds 3  # HTML only, each page timed 3 times (median kept)
    python benchmarks/speed.py --no-scale --no-rss     # just the throughput table
    python benchmarks/speed.py --markdown docs/data/speed.md --readme README.md   # write the tables for docs/README

Part 1 (throughput): every page of ../shared/datasets/trafilatura-eval (html/ for HTML mode, text/ for text
mode) is run through each tool in turn, page by page, with the tool order rotated from page to page, after a
warm-up, in this one process. Machines are noisy, so absolute times are not comparable between runs; the ratios
are computed from the same pages in the same run (total time ratio and the median of per-page ratios).
Peak RSS per tool is measured in a fresh subprocess per tool that reads one page at a time.

Part 2 (scaling): one small page is repeated (its <body> content, serialised element by element so nesting depth
stays constant) to 10 KB ... 10 MB; each size is cleaned in a fresh subprocess, which reports ms per MB and peak
RSS over the interpreter's baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from procmem import peak_rss_mb
from scaling import CLOCKS, scaling

REPO = Path(__file__).resolve().parent.parent
DATASET = REPO.parent / "shared" / "datasets" / "trafilatura-eval"
# The targets, checked and printed at the end of a run.
TARGET_HTML_VS_TRAF = 5.0  # cleantext docs/s >= 5x trafilatura's (HTML mode)
TARGET_TEXT_DOCS_S = 1000.0  # text mode docs/s on the text dumps
TARGET_MS_PER_MB_SPREAD = 2.0  # max/min ms per MB over the scaled sizes
TARGET_RSS_FACTOR = 10.0  # peak RSS - baseline < 10x the input size
SCALE_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)

Runner = Callable[[bytes], object]
# CPU time of this process by default: on a machine shared with other work it is far steadier than wall time
# (a time slice lost to another process is not counted against the tool). --clock wall measures elapsed time.
clock = CLOCKS["cpu"]


# ---------- tools: (page bytes) -> anything; exceptions are counted, not raised ----------

def _lines_as_html(data: bytes) -> str:
    """Text dumps are given to trafilatura as one <p> per line (as benchmarks/quality.py does)."""
    from html import escape

    lines = data.decode("utf-8", "replace").splitlines()
    return "<html><body>" + "".join(f"<p>{escape(x)}</p>" for x in lines if x.strip()) + "</body></html>"


def make_tool(name: str, mode: str) -> Runner | None:
    """The runner for a tool in a mode, or None when the tool is not installed."""
    try:
        if name == "cleantext":
            import cleantext

            return lambda data: cleantext.clean(data, mode=mode).text
        if name == "trafilatura":
            import trafilatura

            if mode == "text":
                return lambda data: trafilatura.extract(_lines_as_html(data))
            return lambda data: trafilatura.extract(data)
        if name == "trafilatura-fast":
            import trafilatura

            if mode == "text":
                return lambda data: trafilatura.extract(_lines_as_html(data), fast=True)
            return lambda data: trafilatura.extract(data, fast=True)
        if name == "cleantext-no-rules":
            import cleantext

            # decode, parse and segment with an empty rule chain: the front end's share of cleantext's time
            return lambda data: cleantext.clean(data, mode=mode, rules=[]).text
        if name == "lxml-parse":
            import lxml.html

            if mode == "text":
                return None  # no parse floor for plain text
            return lambda data: lxml.html.fromstring(data)
        if name == "lxml-events":
            if mode == "text":
                return None
            return _lxml_events
    except ImportError:
        return None
    raise ValueError(f"unknown tool {name!r}")


class _NoWork:
    """A parser target that does nothing: lxml still calls Python for every start tag, end tag and text piece."""

    def start(self, tag: str, attrib: object) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def _lxml_events(data: bytes) -> object:
    """The floor of a streaming design like cleantext's: the HTML parse with an empty Python callback per event."""
    from lxml import etree

    return etree.fromstring(data, etree.HTMLParser(target=_NoWork()))


DEFAULT_TOOLS = ("cleantext", "trafilatura", "trafilatura-fast", "cleantext-no-rules", "lxml-events", "lxml-parse")


def dataset_paths(root: Path, mode: str, limit: int | None) -> list[Path]:
    sub, ext = ("text", ".txt") if mode == "text" else ("html", ".html")
    paths = sorted((root / sub).glob(f"*{ext}"))
    return paths[:limit] if limit else paths


# ---------- part 1: throughput, tools interleaved page by page ----------

def throughput(paths: list[Path], mode: str, tools: list[str], rounds: int, warmup: int) -> dict:
    runners = {t: r for t in tools if (r := make_tool(t, mode)) is not None}
    names = list(runners)
    pages = [p.read_bytes() for p in paths]
    for data in pages[:warmup]:  # imports, lazy compiles, caches: not part of the measurement
        for name in names:
            _call(runners[name], data)
    times = {n: [0.0] * len(pages) for n in names}
    errors = dict.fromkeys(names, 0)
    for i, data in enumerate(pages):
        per_tool: dict[str, list[float]] = {n: [] for n in names}
        for r in range(rounds):
            shift = (i + r) % len(names)  # rotate who goes first: no tool always runs on a warm cache
            for name in names[shift:] + names[:shift]:
                started = clock()
                ok = _call(runners[name], data)
                per_tool[name].append(clock() - started)
                if not ok and r == 0:
                    errors[name] += 1
        for name in names:
            times[name][i] = statistics.median(per_tool[name])
    total_mb = sum(len(d) for d in pages) / 1e6
    rows = {}
    for name in names:
        t = times[name]
        total = sum(t)
        ms = sorted(x * 1000 for x in t)
        rows[name] = {
            "docs_s": len(t) / total, "mb_s": total_mb / total, "median_ms": statistics.median(ms),
            "p95_ms": ms[min(len(ms) - 1, int(0.95 * len(ms)))], "max_ms": ms[-1], "errors": errors[name],
            "total_s": total,
        }
    ratios = {}
    if "cleantext" in times:
        ct = times["cleantext"]
        for name in names:
            if name == "cleantext":
                continue
            other = times[name]
            per_page = [o / c for o, c in zip(other, ct, strict=True) if c > 0 and o > 0]
            ratios[name] = {"total": sum(other) / sum(ct), "median_page": statistics.median(per_page)}
    return {"mode": mode, "pages": len(pages), "mb": total_mb, "rounds": rounds, "rows": rows, "ratios": ratios}


def _call(fn: Runner, data: bytes) -> bool:
    try:
        fn(data)
    except Exception:  # a tool failing on a page is counted as an error, its time still counts
        return False
    return True


def rss_per_tool(root: Path, mode: str, tools: list[str], limit: int | None) -> dict[str, dict]:
    """Each tool in a fresh interpreter, one page in memory at a time: baseline and peak RSS."""
    out = {}
    for tool in tools:
        cmd = [sys.executable, __file__, "--rss-worker", tool, "--mode", mode, "--dataset", str(root)]
        if limit:
            cmd += ["--pages", str(limit)]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        if res.returncode == 0 and res.stdout.strip():
            out[tool] = json.loads(res.stdout.strip().splitlines()[-1])
    return out


def rss_worker(tool: str, mode: str, root: Path, limit: int | None) -> None:
    runner = make_tool(tool, mode)
    if runner is None:
        sys.exit(1)
    paths = dataset_paths(root, mode, limit)
    # Baseline: the interpreter with the tool imported and run once on a tiny page (lazy set-up done).
    tiny = b"<html><body><p>A short paragraph to warm up.</p></body></html>" if mode == "html" else b"Warm up.\n"
    _call(runner, tiny)
    baseline = peak_rss_mb()
    largest = 0
    for p in paths:
        data = p.read_bytes()
        largest = max(largest, len(data))
        _call(runner, data)
    print(json.dumps({"baseline_mb": baseline, "peak_mb": peak_rss_mb(), "largest_page_mb": largest / 1e6}))


# ---------- report ----------

def _mb(x: float) -> str:
    return f"{x:.0f}" if x >= 10 else f"{x:.1f}"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def tables(results: dict) -> str:
    lines = []
    for part in results.get("throughput", []):
        mode, rss = part["mode"], part.get("rss", {})
        src = "html/" if mode == "html" else "text/ (text dumps)"
        lines += [
            f"### {mode.upper()} mode: {part['pages']} pages of trafilatura-eval {src}, {part['mb']:.1f} MB, "
            f"{part['rounds']} round(s), one process",
            "",
            "| tool | docs/s | MB/s | median ms | p95 ms | max ms | peak RSS MB (baseline) | errors |"
            " cleantext speed-up |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for name, row in part["rows"].items():
            r = rss.get(name)
            rss_s = f"{_mb(r['peak_mb'])} ({_mb(r['baseline_mb'])})" if r else "–"
            ratio = part["ratios"].get(name)
            ratio_s = f"{ratio['total']:.2f}x (per page median {ratio['median_page']:.2f}x)" if ratio else "–"
            lines.append(
                f"| {name} | {row['docs_s']:.0f} | {row['mb_s']:.2f} | {row['median_ms']:.2f} | {row['p95_ms']:.2f} | "
                f"{row['max_ms']:.1f} | {rss_s} | {row['errors']} | {ratio_s} |"
            )
        lines.append("")
    scale = results.get("scaling")
    if scale:
        lines += [
            f"### Scaling: page {scale['page']} (body content {scale['unit_bytes'] / 1000:.1f} KB) repeated, "
            "each size in a fresh process",
            "",
            "Limits lifted for this part (max_blocks, timeout_seconds), so the engine itself is measured.",
            "",
            "| input | blocks | ms | ms per MB | lxml parse ms per MB | peak RSS MB | baseline MB |"
            " (peak - baseline) / input | same for lxml parse alone |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for row in scale["rows"]:
            if "error" in row:
                lines.append(f"| {_size(row['size'])} | error: {row['error']} | | | | | | | |")
                continue
            cut = " (truncated)" if row.get("truncated") else ""
            lines.append(
                f"| {_size(row['size'])} | {row['blocks']}{cut} | {row['ms']:.1f} | {row['ms_per_mb']:.0f} | "
                f"{row['parse_ms_per_mb']:.0f} | {row['peak_mb']:.0f} | {row['baseline_mb']:.0f} | "
                f"{row['rss_over_input']:.1f}x | {row.get('parse_rss_over_input', float('nan')):.1f}x |"
            )
        lines.append("")
    checks = results.get("checks")
    if checks:
        lines += ["### Targets", "", "| target | measured | met |", "|---|---|---|"]
        lines += [f"| {c['target']} | {c['measured']} | {'yes' if c['ok'] else 'NO'} |" for c in checks]
        lines.append("")
    clock_name = {"cpu": "process CPU time", "wall": "wall-clock time"}[results.get("clock", "wall")]
    lines.append(f"Recorded {results.get('recorded', '?')} on {results['machine']}; times are {clock_name}. "
                 "Timings are noisy on shared machines; compare ratios from one run.")
    return "\n".join(lines) + "\n"


def check_targets(results: dict) -> list[dict]:
    checks = []
    for part in results.get("throughput", []):
        if part["mode"] == "html" and "trafilatura" in part["ratios"]:
            r = part["ratios"]["trafilatura"]["total"]
            checks.append({"target": f"HTML docs/s >= {TARGET_HTML_VS_TRAF:g}x trafilatura", "measured": f"{r:.2f}x",
                           "ok": r >= TARGET_HTML_VS_TRAF})
        if part["mode"] == "text" and "cleantext" in part["rows"]:
            d = part["rows"]["cleantext"]["docs_s"]
            checks.append({"target": f"text mode >= {TARGET_TEXT_DOCS_S:g} docs/s", "measured": f"{d:.0f} docs/s",
                           "ok": d >= TARGET_TEXT_DOCS_S})
    scale = results.get("scaling")
    rows = [r for r in (scale or {}).get("rows", []) if "error" not in r and not r.get("truncated")]
    if rows:
        per_mb = [r["ms_per_mb"] for r in rows]
        spread = max(per_mb) / min(per_mb)
        checks.append({"target": f"ms per MB within {TARGET_MS_PER_MB_SPREAD:g}x from "
                                 f"{_size(rows[0]['size'])} to {_size(rows[-1]['size'])}",
                       "measured": f"{spread:.2f}x", "ok": spread <= TARGET_MS_PER_MB_SPREAD})
        worst = max(r["rss_over_input"] for r in rows if r["size"] >= 1_000_000) if rows[-1]["size"] >= 1e6 else None
        if worst is not None:
            checks.append({"target": f"peak RSS < {TARGET_RSS_FACTOR:g}x input + baseline (inputs >= 1 MB)",
                           "measured": f"{worst:.1f}x", "ok": worst < TARGET_RSS_FACTOR})
    return checks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=("html", "text", "both"), default="both")
    ap.add_argument("--dataset", type=Path, default=DATASET, help="trafilatura-eval directory")
    ap.add_argument("--pages", type=int, help="only the first N pages (sorted by id)")
    ap.add_argument("--tools", nargs="*", default=list(DEFAULT_TOOLS), help=f"default: {' '.join(DEFAULT_TOOLS)}")
    ap.add_argument("--rounds", type=int, default=1, help="time each page N times per tool, keep the median")
    ap.add_argument("--warmup", type=int, default=20, help="pages run untimed first")
    ap.add_argument("--no-rss", action="store_true", help="skip the per-tool peak RSS subprocesses")
    ap.add_argument("--no-scale", action="store_true", help="skip the scaling part")
    ap.add_argument("--scale-only", action="store_true", help="only the scaling part")
    ap.add_argument("--scale-sizes", default=",".join(str(s) for s in SCALE_SIZES), help="bytes, comma-separated")
    ap.add_argument("--scale-page", type=Path, help="page to scale (default: the page nearest 10 KB with text)")
    ap.add_argument("--budget", type=float, default=1.0, help="seconds of repeats per scaled size (min 3 runs)")
    ap.add_argument("--clock", choices=tuple(CLOCKS), default="cpu",
                    help="cpu: process CPU time (default, steady under load); wall: elapsed time")
    ap.add_argument("--markdown", type=Path, help="also write the tables to this Markdown file")
    ap.add_argument("--readme", type=Path, help="replace the summary between the speed markers of this README")
    ap.add_argument("--json", type=Path, help="write all measurements as JSON here")
    ap.add_argument("--rss-worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    global clock
    clock = CLOCKS[args.clock]

    if args.rss_worker:
        rss_worker(args.rss_worker, args.mode, args.dataset, args.pages)
        return 0
    if not args.dataset.exists():
        print(f"speed: dataset not found ({args.dataset}); nothing measured", file=sys.stderr)
        return 0

    machine = f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, " \
              f"{os.cpu_count()} CPUs"
    results: dict = {"recorded": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": machine,
                     "clock": args.clock, "throughput": []}
    modes = [] if args.scale_only else (["html", "text"] if args.mode == "both" else [args.mode])
    for mode in modes:
        paths = dataset_paths(args.dataset, mode, args.pages)
        part = throughput(paths, mode, args.tools, args.rounds, args.warmup)
        if not args.no_rss:
            part["rss"] = rss_per_tool(args.dataset, mode, list(part["rows"]), args.pages)
        results["throughput"].append(part)
        print(f"speed: {mode} done", file=sys.stderr)
    if not args.no_scale and (args.mode != "text" or args.scale_only):
        sizes = [int(s) for s in args.scale_sizes.split(",") if s]
        results["scaling"] = scaling(args.dataset, sizes, args.scale_page, args.budget, args.clock)
    results["checks"] = check_targets(results)
    report = tables(results)
    print(report)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(f"<!-- produced by: {cmd_line(argv)} -->\n\n{report}", encoding="utf-8")
    if args.readme:
        update_readme(args.readme, results, cmd_line(argv))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


def cmd_line(argv: list[str] | None) -> str:
    """The command, without the options that only say where outputs go."""
    from readme_section import command_line

    return command_line("benchmarks/speed.py", argv, {"--json", "--markdown", "--readme"})


def readme_summary(results: dict, command: str) -> str:
    """A short table for the README: docs/s and speed-up per mode, scaling and memory targets."""
    lines = ["| input | tool | docs/s | MB/s | median ms/page | cleantext speed-up |", "|---|---|---|---|---|---|"]
    for part in results.get("throughput", []):
        for name, row in part["rows"].items():
            ratio = part["ratios"].get(name)
            speed_up = f"{ratio['total']:.1f}x" if ratio else "–"
            lines.append(f"| {part['mode'].upper()} ({part['pages']} pages) | {name} | {row['docs_s']:.0f} | "
                         f"{row['mb_s']:.2f} | {row['median_ms']:.2f} | {speed_up} |")
    checks = results.get("checks") or []
    if checks:
        lines += ["", "| target | measured | met |", "|---|---|---|"]
        lines += [f"| {c['target']} | {c['measured']} | {'yes' if c['ok'] else 'no'} |" for c in checks]
    lines += ["", f"Measured {results.get('recorded', '')} with `{command}` on {results['machine']} (one run; on a "
              "shared machine the ratios are what carries over, not the absolute times). Full tables: "
              "docs/performance.md."]
    return "\n".join(lines)


def update_readme(path: Path, results: dict, command: str) -> None:
    """Replace the README's generated speed section (append a Performance section when it has none)."""
    from readme_section import replace_section

    replace_section(path, "speed", "benchmarks/speed.py --readme", readme_summary(results, command), "## Performance")


if __name__ == "__main__":
    sys.exit(main())
