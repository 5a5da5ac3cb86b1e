"""The cleantext command: clean files or stdin, print text, Markdown or JSON, or explain every decision."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .api import clean
from .errors import CleantextError
from .options import MODES, Options
from .presets import DEFAULT_RULES
from .render import explain, to_json, to_markdown, to_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to generate the CLI reference)."""
    p = argparse.ArgumentParser(
        prog="cleantext",
        description="Extract the article body of web pages (HTML or text) and say why each block was removed.",
        epilog="Exit codes: 0 all documents cleaned, 1 a document failed (the others are still processed), "
        "2 usage error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files to clean; none or '-' reads stdin")
    p.add_argument("--mode", choices=MODES, default="auto", help="input kind (default: auto-detect)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="output format")
    p.add_argument("--explain", action="store_true", help="list every block with the rule and reason that decided it")
    p.add_argument("--list-rules", action="store_true", help="list every rule in chain order and exit")
    p.add_argument("--disable", action="append", default=[], metavar="NAME",
                   help="switch off a rule or a whole kind (repeatable)")
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return p


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if file.is_dir():
        raise OSError(f"{path}: is a directory")
    return file.read_bytes()


def _render(doc_format: str, doc, name: str) -> str:  # type: ignore[no-untyped-def]
    if doc_format == "json":
        return to_json(doc, source=name)
    if doc_format == "markdown":
        return to_markdown(doc)
    return to_text(doc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.list_rules:
        for r in DEFAULT_RULES:
            modes = "+".join(sorted(r.modes))
            print(f"{r.name:28} {r.kind:20} {modes:10} {r.description}")
        return EXIT_OK
    options = Options(mode=args.mode, disable=frozenset(args.disable))
    status = EXIT_OK
    for path in args.paths or ["-"]:
        name = "<stdin>" if path == "-" else path
        try:
            doc = clean(_read(path), options=options)
        except (OSError, CleantextError) as exc:
            print(f"cleantext: {name}: {exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        if args.explain:
            print(f"== {name} ({doc.mode}) ==")
            print(explain(doc))
        else:
            print(_render(args.format, doc, name))
    return status


def run() -> None:
    """Console-script entry point."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    run()
