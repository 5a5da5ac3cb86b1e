"""Time growth of clean() with the size of each pathology: it must be linear (growth exponent ~1, not 2).

    .venv/bin/python benchmarks/pathology.py              # every pathology at 4 sizes (x1, x2, x4, x8)
    .venv/bin/python benchmarks/pathology.py --scale 0.25 # smaller sizes, for a quick look
    .venv/bin/python benchmarks/pathology.py nesting      # pathologies whose name contains a word

The exponent is the slope of log(time) over log(size) between the smallest and the largest size; 1.0 is
linear, 2.0 quadratic. Times below ~20 ms are noisy. Each size runs in-process, best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable

import cleantext

# name: (mode, base size, input builder). Base sizes keep the largest run (x8) within a few seconds and under
# the default limits (max_blocks=20,000) so the measured work is the pathology, not a cut-off.
PATHOLOGIES: dict[str, tuple[str, int, Callable[[int], str]]] = {
    "paragraphs": ("html", 2_400, lambda n: "<p>The committee approved the budget on Tuesday.</p>" * n),
    "empty-paragraphs": ("html", 100_000, lambda n: "<p></p>" * n),
    "attributes-one-element": ("html", 20_000, lambda n: "<div " + " ".join(f"a{i}" for i in range(n)) + ">x</div>"),
    "attributes-150-per-element": ("html", 250, lambda n: ("<span " + " ".join(f"a{i}=1" for i in range(150))
                                                           + ">word</span> ") * n),
    "nesting-depth": ("html", 12_500, lambda n: "<div>" * n + "<p>deep</p>" + "</div>" * n),
    "nesting-unclosed": ("html", 12_500, lambda n: "<div>x " * n),
    "nesting-sawtooth": ("html", 20, lambda n: ("<div>x " * 200 + "</div>" * 200) * n),
    "comments": ("html", 50_000, lambda n: "<!-- a comment -->" * n + "<p>Body text of the page.</p>"),
    "table-cells": ("html", 2_400, lambda n: "<table>" + ("<tr>" + "<td>cell</td>" * 100 + "</tr>") * (n // 100)
                    + "</table>"),
    "scripts": ("html", 25_000, lambda n: "<script>var a = 1;</script>" * n + "<p>Body text.</p>"),
    "entities": ("html", 50_000, lambda n: "<p>" + "&amp;&#x41;&nbsp;" * n + "</p>"),
    # Unknown and mixed entities make the parser hand over the text in one piece per entity.
    "entities-split-text": ("html", 12_500, lambda n: "<p>" + "&amp;&lt;&#x41;&#65;&nbsp;&bogus;" * n + "</p>"),
    "long-line-html": ("html", 1_000_000, lambda n: "<p>" + "a" * n + "</p>"),
    "text-lines": ("text", 2_400, lambda n: "The committee approved the budget on Tuesday.\n" * n),
    "long-line-text": ("text", 1_000_000, lambda n: "a" * n),
    "long-line-words-text": ("text", 100_000, lambda n: "word " * n),
    "cjk-text": ("text", 250_000, lambda n: "中文字符没有空格" * (n // 8)),
}


def measure(mode: str, source: str, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        cleantext.clean(source, mode=mode, timeout_seconds=None)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="*")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    cleantext.clean("<p>warm up: lazily compiled patterns</p>")
    cleantext.clean("warm up", mode="text")
    print("| pathology | mode | sizes | seconds at x1, x2, x4, x8 | growth exponent |")
    print("|---|---|---|---|---:|")
    worst = 0.0
    for name, (mode, base, build) in PATHOLOGIES.items():
        if args.words and not any(w in name for w in args.words):
            continue
        sizes = [max(1, int(base * args.scale * k)) for k in (1, 2, 4, 8)]
        times = [measure(mode, build(n), args.repeat) for n in sizes]
        exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0]) if times[0] > 0 else 0.0
        worst = max(worst, exponent)
        print(f"| {name} | {mode} | {sizes[0]:,}..{sizes[-1]:,} | {', '.join(f'{t:.3f}' for t in times)} | "
              f"{exponent:.2f} |", flush=True)
    print(f"\nworst growth exponent {worst:.2f} (1.0 linear, 2.0 quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
