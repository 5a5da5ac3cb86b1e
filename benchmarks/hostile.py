"""Time and peak memory of every hostile case (tests/hostile_cases.py), each in its own child process.

    .venv/bin/python benchmarks/hostile.py            # all cases, both modes, a Markdown table
    .venv/bin/python benchmarks/hostile.py deep gzip  # cases whose name contains one of the words

Peak memory is the child's peak resident set size above its size when it started (input generation included).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_cases import CASES, MODES, run_isolated


def main(words: list[str]) -> int:
    print("| case | mode | input MB | outcome | time s | peak MB | as promised |")
    print("|---|---|---:|---|---:|---:|---|")
    failures = 0
    started = time.perf_counter()
    for case in CASES:
        if words and not any(w in case.name for w in words):
            continue
        for mode in MODES:
            r = run_isolated(case.name, mode, 300)
            ok = r["problem"] is None
            failures += not ok
            print(f"| {case.name} | {mode} | {r.get('input_mb', 0):.1f} | {r['outcome']} | {r['seconds']:.2f} | "
                  f"{r.get('peak_mb', 0):.0f} | {'yes' if ok else r['problem']} |", flush=True)
    print(f"\n{failures} case(s) not as promised; total {time.perf_counter() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
