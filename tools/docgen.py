"""Generate the documentation pages that must never drift from the code.

    python tools/docgen.py pages OUT_DIR         # write rules.md, cli.md, benchmarks.md into OUT_DIR
    python tools/docgen.py check                 # exit 1 when a rule has no usable fixture examples
    python tools/docgen.py record-benchmarks     # run benchmarks/quality.py (html, text): docs/data/benchmarks.json

The MkDocs build calls the same functions through docs/gen_pages.py, so the rule catalogue is rebuilt from
cleantext.presets.DEFAULT_RULES and tests/rules/fixtures/*.json, the CLI reference from
cleantext.cli.build_parser(), and the benchmarks page from the last recorded run of benchmarks/quality.py.
Every problem found (a rule without fixtures, a fixture example that does not hold) is returned so the
caller can fail: `mkdocs build --strict` turns each one into a failing warning.
"""


from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

# The generator is split into sibling modules (tools/docgen_*.py); this file may be loaded by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from docgen_bench import benchmarks_page, record_benchmarks
from docgen_common import BENCH_RECORD, DOCS, FLOORS, ROOT, code, prose
from docgen_reference import (
    EXAMPLE_MARKER,
    OPTIONS_MARKER,
    RUN_MARKER,
    cli_flags,
    cli_reference,
    expand_commands,
)
from docgen_rules import document_rules, load_fixtures, rule_catalogue

__all__ = ["BENCH_RECORD", "EXAMPLE_MARKER", "RUN_MARKER", "benchmarks_page", "cli_flags", "cli_reference",
           "code", "document_rules", "generate", "load_fixtures", "prose", "rule_catalogue"]


# ---------------------------------------------------------------- entry points

def generate(run_examples: bool = True) -> tuple[dict[str, str], list[str]]:
    """Every generated page as {path: markdown}, and the problems found."""
    from cleantext.cli import build_parser
    from cleantext.presets import DEFAULT_RULES

    parser = build_parser()
    flags = cli_flags(parser)
    docs, problems = document_rules(DEFAULT_RULES, load_fixtures(), run_examples=run_examples)
    record = json.loads(BENCH_RECORD.read_text(encoding="utf-8")) if BENCH_RECORD.exists() else None
    if record is None:
        problems.append("docs/data/benchmarks.json is missing: run python tools/docgen.py record-benchmarks")
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else None
    pages = {}
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if any(m.search(text) for m in (RUN_MARKER, EXAMPLE_MARKER, OPTIONS_MARKER)):
            pages[path.name], found = expand_commands(text)
            problems += [f"{path.name}: {p}" for p in found]
    pages |= {
        "rules.md": rule_catalogue(docs, flags),
        "cli.md": cli_reference(parser),
        "benchmarks.md": benchmarks_page(record, floors),
    }
    return pages, problems


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p_pages = sub.add_parser("pages", help="write the generated pages into a directory")
    p_pages.add_argument("out", type=Path)
    sub.add_parser("check", help="exit 1 when a generated page has a problem")
    p_bench = sub.add_parser("record-benchmarks", help="run benchmarks/quality.py and save the record")
    p_bench.add_argument("--peers", action="store_true", help="also score the installed peers")
    p_bench.add_argument("--jobs", type=int, default=1)
    p_bench.add_argument("--readme", type=Path, help="also write the accuracy tables into this README")
    args = ap.parse_args(argv)
    if args.command == "record-benchmarks":
        record = record_benchmarks(args.peers, args.jobs, readme=args.readme)
        BENCH_RECORD.parent.mkdir(parents=True, exist_ok=True)
        BENCH_RECORD.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {BENCH_RECORD.relative_to(ROOT)}")
        return 0
    pages, problems = generate()
    if args.command == "pages":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in pages.items():
            (args.out / name).write_text(text, encoding="utf-8")
    for problem in problems:
        print(f"docgen: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
