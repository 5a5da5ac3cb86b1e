"""The cleantext command: clean pages, folders, JSONL, WARC and WET files; print or write text, Markdown or JSON."""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from . import __version__
from .api import check_disable
from .batch import clean_many
from .io.formats import INPUT_FORMATS, ReadOptions
from .io.output import DirectoryWriter, DuplicateOutput, JsonlWriter, NotCleantextOutput
from .io.sources import read_inputs
from .options import MODES, PAGE_TYPES, Options
from .presets import DEFAULT_RULES
from .records import Record, Result
from .render import explain, to_json, to_markdown, to_text
from .render_html import to_html
from .templates import DESCRIPTION as TEMPLATE_DESCRIPTION
from .templates import KIND as TEMPLATE_KIND
from .templates import RULE_NAME as TEMPLATE_RULE
from .templates import TemplateOptions

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "markdown", "html", "json", "jsonl")
_EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}

EPILOG = """\
inputs:
  PATH is a file, a directory (with --recursive; files with a page or container extension are read:
  .html .htm .txt .jsonl .warc .wet, optionally .gz), a glob pattern (quote it: 'pages/**/*.html'),
  or '-' for stdin (the default). --input-format auto picks the format from the extension, else
  from the first bytes. WARC: successful HTML responses; WET: conversion records (needs warcio:
  pip install 'cleantext[batch]').

outputs:
  By default every document goes to stdout (several --format json documents form one JSON array).
  --output DIR writes one file per document: a page file keeps its folders below its PATH, a container
  record is named from its id (made safe: it cannot leave DIR); two documents never share a file.
  --format jsonl writes one record per line (id, url, mode, title, text, removed-block counts by kind,
  truncated, error) to stdout or to the --output file (never over a file cleantext did not write).
  Re-running into the same --output skips the documents already done from the same input and options
  (failed ones are retried); --overwrite redoes everything.

batches:
  Keep-going is the default: a document that fails is reported on stderr (one line) and the others
  are processed; --fail-fast stops at the first failure. A progress bar is shown on stderr when it is
  a terminal (not with --quiet), and a summary line at the end of a batch.

exit codes:
  0 every document cleaned, 1 at least one document failed, 2 usage error, 130 interrupted."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to generate the CLI reference)."""
    p = argparse.ArgumentParser(
        prog="cleantext",
        description="Extract the article body of web pages (HTML or text) and say why each block was removed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, glob patterns; none or '-' is stdin")
    p.add_argument("--mode", choices=MODES, default="auto",
                   help="clean every document as html or text (default: per record, else auto-detect)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--explain", action="store_true", help="list every block with the rule and reason that decided it")
    p.add_argument("--links", action="store_true", help="keep links in Markdown and HTML output (safe addresses only)")
    p.add_argument("--images", action="store_true",
                   help="keep images in Markdown and HTML output (safe addresses only)")
    p.add_argument("--include-comments", action="store_true",
                   help="keep reader comments, after the body (removed by default)")
    p.add_argument("--page-type", choices=PAGE_TYPES, default=None,
                   help="the pages' type, when known (default: detected per page from its URL, markup and shape)")
    p.add_argument("--list-rules", action="store_true", help="list every rule in chain order and exit")
    p.add_argument("--disable", action="append", default=[], metavar="NAME",
                   help="switch off a rule or a whole kind (repeatable)")
    g = p.add_argument_group("batches")
    g.add_argument("-r", "--recursive", action="store_true", help="read the files inside directories")
    g.add_argument("--input-format", choices=INPUT_FORMATS, default="auto", help="how to read inputs (default: auto)")
    g.add_argument("--html-field", default="html", metavar="NAME", help="JSONL field holding HTML (default: html)")
    g.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field holding text (default: text)")
    g.add_argument("--id-field", default="id", metavar="NAME", help="JSONL field holding the id (default: id)")
    g.add_argument("--url-field", default="url", metavar="NAME", help="JSONL field holding the URL (default: url)")
    g.add_argument("-o", "--output", metavar="PATH",
                   help="directory for one file per document; with --format jsonl, the JSONL file")
    g.add_argument("--overwrite", action="store_true", help="redo documents already in --output")
    g.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="parallel worker processes (default: 1)")
    g.add_argument("--templates", action="store_true",
                   help=f"also remove text repeated on many pages of the same site ({TEMPLATE_RULE} rule)")
    g.add_argument("--template-min-pages", type=int, default=TemplateOptions.min_pages, metavar="N",
                   help=f"pages a text must be on to count as template (default: {TemplateOptions.min_pages})")
    g.add_argument("--keep-going", dest="fail_fast", action="store_false", default=False,
                   help="report failed documents and process the rest (the default)")
    g.add_argument("--fail-fast", dest="fail_fast", action="store_true", help="stop at the first failed document")
    g.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return p


def list_rules() -> str:
    """Every rule in chain order (name, kind, modes, description), then the batch-level rule."""
    lines = [f"{r.name:28} {r.kind:20} {'+'.join(sorted(r.modes)):10} {r.description}" for r in DEFAULT_RULES]
    lines.append(f"{TEMPLATE_RULE:28} {TEMPLATE_KIND:20} {'batch':10} {TEMPLATE_DESCRIPTION} (with --templates)")
    return "\n".join(lines)


class _Run:
    """Counts, progress and error reporting for one invocation."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.cleaned = self.failed = self.skipped = self.truncated = 0
        self.started = time.monotonic()
        self.bar: Any = None
        if not args.quiet and sys.stderr.isatty():
            try:
                from tqdm import tqdm
            except ImportError:  # the progress bar is optional (pip install 'cleantext[batch]')
                tqdm = None
            if tqdm is not None:
                # No monitor thread: worker processes are forked later, and forking a threaded parent is unsafe.
                tqdm.monitor_interval = 0
                self.bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False, postfix={"failed": 0})

    def error(self, name: str, message: str) -> None:
        line = f"cleantext: {name}: {message}"
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def tick(self, result: Result) -> None:
        if result.ok:
            self.cleaned += 1
            truncated = result.document.truncated if result.document is not None else None
            if truncated:  # content was left out: never silently
                self.truncated += 1
                self.error(result.id, f"warning: truncated: {truncated}")
        else:
            self.failed += 1
            self.error(result.id, result.error or "failed")
        if self.bar is not None:
            self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        done = self.cleaned + self.failed
        rate = done / seconds if seconds > 0 else 0.0
        return (f"cleantext: {done} documents in {seconds:.1f} s ({rate:.1f} docs/s): {self.cleaned} cleaned, "
                f"{self.failed} failed, {self.skipped} skipped (already in the output)"
                + (f", {self.truncated} truncated" if self.truncated else ""))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _render(doc_format: str, result: Result, include_links: bool = False, include_images: bool = False) -> str:
    doc = result.document
    assert doc is not None
    if doc_format == "json":
        extra: dict[str, object] = {"source": result.source or result.id}
        if result.source != result.id:
            extra["id"] = result.id
        if result.url:
            extra["url"] = result.url
        return to_json(doc, **extra)
    if doc_format == "markdown":
        return to_markdown(doc, include_links=include_links, include_images=include_images)
    if doc_format == "html":
        return to_html(doc, include_links=include_links, include_images=include_images)
    return to_text(doc)


def _usage_error(message: str) -> int:
    print(f"cleantext: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.list_rules:
        print(list_rules())
        return EXIT_OK
    problem = _check_usage(args)
    if problem:
        return _usage_error(problem)
    try:
        options = Options(mode=args.mode, disable=frozenset(args.disable), include_comments=args.include_comments,
                          include_links=args.links, include_images=args.images,
                          page_type=args.page_type)
        check_disable(options)
    except ValueError as exc:  # an unknown rule or kind in --disable
        return _usage_error(str(exc))
    read_opts = ReadOptions(input_format=args.input_format, recursive=args.recursive, text_field=args.text_field,
                            html_field=args.html_field, id_field=args.id_field, url_field=args.url_field,
                            max_bytes=options.max_input_bytes)
    try:
        writer = _writer(args)
    except OSError as exc:
        return _usage_error(f"{args.output}: {exc.strerror or exc}")
    except NotCleantextOutput as exc:
        return _usage_error(f"{exc}; choose another --output, or --overwrite to replace it")
    run = _Run(args)
    stamp = _options_stamp(options, args)
    pending: deque[tuple[str | None, str | None]] = deque()  # (output name, fingerprint) of each record sent
    records = _skip_done(read_inputs(args.paths, read_opts), writer, run, stamp, pending)
    head = list(itertools.islice(records, 2))
    batch = len(head) > 1 or args.output is not None
    templates: bool | TemplateOptions = False
    if args.templates and TEMPLATE_RULE not in options.disable and TEMPLATE_KIND not in options.disable:
        templates = TemplateOptions(min_pages=max(1, args.template_min_pages))
    out = _Stdout(args, batch)
    interrupted = False
    try:
        for result in clean_many(itertools.chain(head, records), workers=args.jobs, options=options,
                                 templates=templates):
            name, fingerprint = pending.popleft()
            if isinstance(writer, JsonlWriter):
                writer.write(result.id, "", result.to_record(), fingerprint=fingerprint)  # failures too
            elif result.ok:
                try:
                    _emit(args, writer, result, out, name, fingerprint)
                except DuplicateOutput as exc:
                    result.error = f"DuplicateOutput: {exc}"
            run.tick(result)
            if args.fail_fast and not result.ok:
                break
    except KeyboardInterrupt:  # Ctrl-C: the workers are stopped; say what was done, then exit 130
        interrupted = True
    finally:
        out.close()
        run.close()
        if writer is not None:
            writer.close()
    if (batch or interrupted or run.truncated) and not args.quiet:
        print(run.summary() + (" (interrupted)" if interrupted else ""), file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if run.failed else EXIT_OK


def _check_usage(args: argparse.Namespace) -> str | None:
    """A usage error in the arguments (exit code 2), or None."""
    if args.jobs < 1:
        return "--jobs must be 1 or more"
    if args.explain and (args.output or args.format == "jsonl"):
        return "--explain prints to the terminal; it cannot be combined with --output or --format jsonl"
    for path in args.paths:
        if not args.recursive and path != "-" and os.path.isdir(path):
            return f"{path} is a directory: use --recursive (-r) to read the files in it"
        if args.output and os.path.exists(path) and os.path.exists(args.output) \
                and os.path.samefile(path, args.output):
            return f"--output {args.output} is also an input: it would be overwritten while it is read"
    return None


def _writer(args: argparse.Namespace) -> DirectoryWriter | JsonlWriter | None:
    if args.format == "jsonl":
        return JsonlWriter(args.output if args.output else sys.stdout, overwrite=args.overwrite)
    if args.output:
        return DirectoryWriter(args.output, _EXTENSIONS[args.format], overwrite=args.overwrite)
    return None


def _options_stamp(options: Options, args: argparse.Namespace) -> str:
    """Everything besides the input that decides an output: version, options, format."""
    fields = {"version": __version__, "mode": options.mode, "disable": sorted(options.disable),
              "comments": options.include_comments, "links": options.include_links,
              "images": options.include_images, "format": args.format,
              "templates": [args.templates, args.template_min_pages], "limits": [
                  options.max_input_bytes, options.max_blocks, options.max_depth, options.timeout_seconds]}
    return json.dumps(fields, sort_keys=True)


def fingerprint(record: Record, stamp: str) -> str:
    """A short hash of a record's input (content, mode, URL) and the run's options: resume redoes a changed one."""
    digest = hashlib.sha1(stamp.encode())
    content = record.content
    digest.update(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else bytes(content or b""))
    digest.update(f"\0{record.mode}\0{record.url}".encode("utf-8", "replace"))
    return digest.hexdigest()[:16]


def _skip_done(records: Iterator[Record], writer: DirectoryWriter | JsonlWriter | None, run: _Run, stamp: str,
               pending: deque[tuple[str | None, str | None]]) -> Iterator[Record]:
    """Leave out records whose output exists already (resuming an interrupted or partly failed run)."""
    for record in records:
        mark = fingerprint(record, stamp) if writer is not None and record.error is None else None
        if mark is not None and writer is not None and writer.done(record.id, record.name, mark):
            run.skipped += 1
            continue
        pending.append((record.name, mark))
        yield record


class _Stdout:
    """Documents printed to stdout; several JSON documents form one JSON array."""

    def __init__(self, args: argparse.Namespace, batch: bool) -> None:
        self.array = args.format == "json" and batch and not args.output and not args.explain
        self.headers = batch and args.format != "json"
        self.count = 0

    def document(self, text: str) -> None:
        if self.array:
            print("[" if self.count == 0 else ",")
        print(text)
        self.count += 1

    def close(self) -> None:
        if self.array:
            print("[]" if self.count == 0 else "]")


def _emit(args: argparse.Namespace, writer: DirectoryWriter | JsonlWriter | None, result: Result, out: _Stdout,
          name: str | None, mark: str | None) -> None:
    doc = result.document
    assert doc is not None
    if args.explain:
        print(f"== {result.id} ({doc.mode}) ==")
        print(explain(doc))
    elif writer is not None:
        writer.write(result.id, _render(args.format, result, args.links, args.images), name=name, fingerprint=mark)
    else:
        if out.headers:
            print(f"==> {result.id} <==")
        out.document(_render(args.format, result, args.links, args.images))


def run() -> None:
    """Console-script entry point."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`cleantext ... | head`): stop quietly, without a flush error at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    run()
