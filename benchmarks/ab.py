"""Is this tree faster than an earlier commit? Both versions timed page by page, alternating, in one process.

    python benchmarks/ab.py 57febe3                     # HTML and text mode, 3 rounds, whole clean()
    python benchmarks/ab.py HEAD~3 --mode html --rounds 5 --pages 200
    python benchmarks/ab.py main --part front           # decode + parse + segment only (an empty rule chain)

On a shared machine two runs of the same code, minutes apart, differ by 20-30 % in CPU time, so timing the old
code in one run and the new code in another cannot show a 5 % change. Here the base commit's package
(`git archive BASE src/cleantext`, imported as `cleantext_base`) and the working tree's `cleantext` (from `src/`)
clean the same page one after the other, the order alternating from page to page; whatever the machine does
slows both alike. Each round sums process CPU time per version; the table gives the fastest round of each and
their ratio, the ratio of the sums over all rounds, and the median of the per-page ratios. Compare a commit
with itself first (`python benchmarks/ab.py HEAD` on a clean tree): the ratios it gives, a few percent either side
of 1.00, are the noise to beat.

Decisions are not compared here (speed work keeps them identical: compare outputs with quality.py --out).
"""

from __future__ import annotations

import argparse
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
DATASET = REPO.parent / "shared" / "datasets" / "trafilatura-eval"
BASE_NAME = "cleantext_base"


def load_base(rev: str, into: Path) -> ModuleType:
    """The package at commit ``rev``, unpacked into ``into`` and imported as ``cleantext_base``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src/cleantext"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "src" / "cleantext").rename(into / BASE_NAME)
    sys.path.insert(0, str(into))
    return importlib.import_module(BASE_NAME)


def load_head() -> ModuleType:
    """The working tree's package (src/ first on the path, whatever is installed)."""
    sys.path.insert(0, str(REPO / "src"))
    module = importlib.import_module("cleantext")
    if not Path(module.__file__).resolve().is_relative_to(REPO / "src"):
        raise SystemExit(f"cleantext was imported from {module.__file__}, not from {REPO / 'src'}")
    return module


def compare(base: ModuleType, head: ModuleType, pages: list[bytes], mode: str, part: str, rounds: int,
            warmup: int) -> dict:
    """Per-round CPU seconds of each version over ``pages`` and the per-page ratios of the last round."""
    rules = {"rules": []} if part == "front" else {}
    versions = (("base", base), ("head", head))
    for data in pages[:warmup]:  # imports, lazy compiles, caches
        for _, module in versions:
            module.clean(data, mode, **rules)
    totals: dict[str, list[float]] = {"base": [], "head": []}
    per_page: list[float] = []
    for r in range(rounds):
        spent = {"base": 0.0, "head": 0.0}
        for i, data in enumerate(pages):
            took = {}
            for name, module in versions if (i + r) % 2 == 0 else versions[::-1]:
                started = time.process_time()
                module.clean(data, mode, **rules)
                took[name] = time.process_time() - started
                spent[name] += took[name]
            if r == rounds - 1 and took["base"] > 0:
                per_page.append(took["head"] / took["base"])
        for name in spent:
            totals[name].append(spent[name])
        print(f"  {mode} round {r + 1}: base {spent['base']:.3f} s, head {spent['head']:.3f} s, "
              f"ratio {spent['head'] / spent['base']:.3f}", file=sys.stderr, flush=True)
    return {"totals": totals, "per_page_median": statistics.median(per_page) if per_page else float("nan")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", help="the commit to compare with (any git revision)")
    ap.add_argument("--mode", choices=("html", "text", "both"), default="both")
    ap.add_argument("--part", choices=("all", "front"), default="all",
                    help="all: clean(); front: clean() with an empty rule chain (decode, parse, segment)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages (sorted by id)")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--dataset", type=Path, default=DATASET)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = load_base(args.base, Path(tmp))
        head = load_head()
        rows = []
        for mode in ("html", "text") if args.mode == "both" else (args.mode,):
            sub, ext = ("text", ".txt") if mode == "text" else ("html", ".html")
            paths = sorted((args.dataset / sub).glob(f"*{ext}"))[: args.pages]
            pages = [p.read_bytes() for p in paths]
            found = compare(base, head, pages, mode, args.part, args.rounds, args.warmup)
            b, h = found["totals"]["base"], found["totals"]["head"]
            rows.append(f"| {mode} ({len(pages)} pages) | {min(b):.3f} | {min(h):.3f} | {min(h) / min(b):.3f} | "
                        f"{sum(h) / sum(b):.3f} | {found['per_page_median']:.3f} |")
    print(f"\n`python benchmarks/ab.py {args.base} --mode {args.mode} --part {args.part} --rounds {args.rounds}`"
          f" (base {args.base} against the working tree, process CPU time)\n")
    print("| mode | base s (best round) | head s (best round) | head / base | ratio of sums | per-page median |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
