"""Seconds per MB of clean() on one hostile line of each shape (tests/test_rule_time_bounds.py's shapes).

    .venv/bin/python benchmarks/hostile_lines.py                    # text mode, 10 MB lines
    .venv/bin/python benchmarks/hostile_lines.py --mb 2 --mode html # smaller, HTML mode (the line in a <p>)

The test checks that every rule's time grows linearly with the line; this prints what that costs, against
the budget the hardening issue set: at most 1 s + 0.5 s per MB of input.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import cleantext

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_rule_time_bounds import SHAPES  # the shapes live with the test that checks them


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="line length in millions of characters (default 10)")
    ap.add_argument("--mode", choices=("text", "html"), default="text")
    args = ap.parse_args()
    n = int(args.mb * 1_000_000)
    cleantext.clean("<p>warm up</p>", mode=args.mode)
    print(f"{'shape':18} {'outcome':8} {'seconds':>8} {'MB':>6} {'s/MB':>6}  budget (1 s + 0.5 s/MB)")
    for name, make in SHAPES.items():
        text = make(n) if args.mode == "text" else f"<p>{make(n)}</p>"
        size = len(text.encode("utf-8")) / 1e6
        started = time.perf_counter()
        try:
            cleantext.clean(text, mode=args.mode, timeout_seconds=None)
            outcome = "ok"
        except cleantext.CleantextError as exc:
            outcome = type(exc).__name__
        seconds = time.perf_counter() - started
        within = "ok" if seconds <= 1 + 0.5 * size else "OVER"
        print(f"{name:18} {outcome:8} {seconds:8.2f} {size:6.1f} {seconds / size:6.2f}  {within}", flush=True)


if __name__ == "__main__":
    main()
