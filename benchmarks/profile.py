"""Where cleantext spends its time: per rule, per module and per function, over the evaluation pages.

    python benchmarks/profile.py                  # HTML mode over trafilatura-eval html/
    python benchmarks/profile.py --mode text      # text mode over the text dumps
    python benchmarks/profile.py --pages 200 --top 25 --tree   # fewer pages, longer lists, the call tree too

Three views of the same run: (1) stages — the rule chain timed rule by rule with a wrapper around each rule
(exact, no sampling, process CPU time), the rest of clean() (decode, parse, segment) as the remainder;
(2) self time by module and (3) by function from the pyinstrument sampling profiler (when installed: the `bench`
extra). Time spent inside compiled code (lxml, regex) is charged to the Python function that called it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASET = REPO.parent / "shared" / "datasets" / "trafilatura-eval"


def timed_rules(spent: dict[str, float]) -> list:
    """The default chain with each rule's run wrapped to add its time (marks included) to ``spent``."""
    from cleantext.presets import DEFAULT_RULES

    def wrap(rule):  # a cleantext Rule
        run = rule.run

        def timed(ctx):
            started = time.process_time()
            marks = list(run(ctx))
            spent[rule.name] += time.process_time() - started
            return marks

        return replace(rule, run=timed)

    return [wrap(r) for r in DEFAULT_RULES]


def module_of(path: str) -> str:
    """A short module name for a source path: cleantext/x/y.py, or the top-level package of a library."""
    p = path.replace("\\", "/")
    if "/cleantext/" in p:
        return "cleantext/" + p.split("/cleantext/", 1)[1]
    if "site-packages/" in p:
        return p.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if p.startswith("<"):
        return p
    return "python:" + Path(p).name


def self_times(root) -> tuple[dict[str, float], dict[str, float]]:  # root: a pyinstrument Frame
    """Self time by module and by function from a pyinstrument frame tree.

    Built-in and compiled functions (regex, lxml, str methods) are charged to the module of their Python caller,
    and listed as "function <- caller" in the function view, so the tables say which of our code pays for them.
    """
    by_module: dict[str, float] = defaultdict(float)
    by_function: dict[str, float] = defaultdict(float)
    stack: list = [(root, None)]
    while stack:
        frame, parent = stack.pop()
        children = [c for c in frame.children if not c.is_synthetic]
        own = frame.time - sum(c.time for c in children)
        path = frame.file_path or "<unknown>"
        module = module_of(path)
        if not frame.is_synthetic and own > 0:
            if module.startswith("<") and parent is not None:
                caller_module = module_of(parent.file_path or "<unknown>")
                by_module[caller_module] += own
                by_function[f"{frame.function} <- {parent.function} ({caller_module})"] += own
            else:
                by_module[module] += own
                by_function[f"{frame.function} ({module}:{frame.line_no})"] += own
        stack.extend((c, frame) for c in children)
    return by_module, by_function


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--dataset", type=Path, default=DATASET)
    ap.add_argument("--pages", type=int, help="only the first N pages")
    ap.add_argument("--top", type=int, default=15, help="rows per table")
    ap.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    args = ap.parse_args(argv)

    import cleantext

    sub, ext = ("text", ".txt") if args.mode == "text" else ("html", ".html")
    paths = sorted((args.dataset / sub).glob(f"*{ext}"))[: args.pages or None]
    if not paths:
        print(f"profile: no pages under {args.dataset / sub}", file=sys.stderr)
        return 0
    pages = [p.read_bytes() for p in paths]
    spent: dict[str, float] = defaultdict(float)
    rules = timed_rules(spent)
    for data in pages[:10]:
        cleantext.clean(data, mode=args.mode, rules=rules)
    spent.clear()

    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    # Pass 1: the stages, without the sampling profiler (its hooks would be charged to the rule wrappers).
    started = time.process_time()
    for data in pages:
        cleantext.clean(data, mode=args.mode, rules=rules)
    total = time.process_time() - started
    # Pass 2: the sampling profiler over the plain default chain.
    profiler = Profiler(interval=0.0005) if Profiler else None
    if profiler:
        profiler.start()
        for data in pages:
            cleantext.clean(data, mode=args.mode)
        profiler.stop()

    mb = sum(len(d) for d in pages) / 1e6
    print(f"## cleantext {args.mode} mode: {len(pages)} pages, {mb:.1f} MB, {total:.2f} s CPU "
          f"({len(pages) / total:.0f} docs/s, rule timers on, no sampler)\n")
    chain = sum(spent.values())
    print("### Stages (rules timed exactly; the rest of clean() is decode + parse + segment + Document)\n")
    print("| stage | seconds | share |\n|---|---|---|")
    print(f"| decode, parse, segment (clean() minus the chain) | {total - chain:.3f} | {(total - chain) / total:.0%} |")
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| rule {name} | {secs:.3f} | {secs / total:.1%} |")
    rest = sorted(spent.values(), reverse=True)[args.top :]
    if rest:
        print(f"| {len(rest)} other rules | {sum(rest):.3f} | {sum(rest) / total:.1%} |")
    print(f"| whole chain ({len(spent)} rules ran) | {chain:.3f} | {chain / total:.0%} |\n")

    if profiler:
        session = profiler.last_session
        root = session.root_frame()
        by_module, by_function = self_times(root)
        sampled = sum(by_module.values()) or 1.0
        print("### Self time by module (sampled; built-in and compiled calls charged to their caller's module)\n")
        print("| module | seconds | share |\n|---|---|---|")
        for name, secs in sorted(by_module.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"| {name} | {secs:.3f} | {secs / sampled:.0%} |")
        print("\n### Self time by function\n")
        print("| function | seconds | share |\n|---|---|---|")
        for name, secs in sorted(by_function.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"| {name} | {secs:.3f} | {secs / sampled:.1%} |")
        if args.tree:
            print()
            print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
