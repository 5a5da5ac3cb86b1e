"""Hostile input: every case gets its promised outcome (a Document or a typed error), never a crash or hang.

The cases live in tests/hostile_cases.py and are generated in code. Each runs in a child process with a
generous time limit, so a hang fails one test instead of the suite; speed itself is measured by
benchmarks/hostile.py and benchmarks/pathology.py, not asserted here.
"""

from __future__ import annotations

import gzip
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest

import cleantext
from cleantext import CleantextError, InputTooLarge, Timeout, UnsupportedInput
from cleantext.parse import flatten, parse_html
from hostile_cases import CASES, MODES, run_isolated

# Generous: the slowest case takes a few seconds on a shared 2-core machine. A hang is what this catches.
CASE_LIMIT_SECONDS = 120.0
REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", [c.name for c in CASES])
def test_hostile_case(name: str, mode: str) -> None:
    report = run_isolated(name, mode, CASE_LIMIT_SECONDS)
    assert report["problem"] is None, f"{name} ({mode}): {report['problem']}"


def test_error_types_are_documented_and_typed() -> None:
    for error in (UnsupportedInput, InputTooLarge, Timeout):
        assert issubclass(error, CleantextError)
        assert error.__doc__
    with pytest.raises(TypeError, match="str, bytes"):
        cleantext.clean(12345)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="mode"):
        cleantext.clean("text", mode="pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [{"max_blocks": 0}, {"max_depth": -1}, {"timeout_seconds": 0},
                                 {"max_input_bytes": -5}, {"max_blocks": None}, {"max_depth": "deep"}])
def test_limits_must_be_positive(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(bad))):
        cleantext.clean("text", **bad)


def test_limits_can_be_switched_off() -> None:
    doc = cleantext.clean("<p>Some text of an article.</p>", max_input_bytes=None, timeout_seconds=None)
    assert doc.paragraphs == ["Some text of an article."]


def test_markdown_output_cannot_carry_live_markup() -> None:
    from cleantext.render import to_markdown

    page = ("<h1>&lt;img src=x onerror=alert(1)&gt; headline</h1><p>Text &lt;script&gt;alert(1)&lt;/script&gt; "
            "and [a link](javascript:alert(1)) in a paragraph of the article body.</p>")
    for mode in MODES:
        out = to_markdown(cleantext.clean(page, mode=mode))
        assert not re.search(r"(?<!\\)<", out), out  # every < escaped: no raw HTML
        assert not re.search(r"(?<!\\)\]\(", out), out  # no live link syntax


def test_a_regex_timeout_in_a_rule_becomes_timeout() -> None:
    import regex

    from cleantext.rule import block_rule

    @block_rule("catastrophic", "test")
    def catastrophic(block, ctx):  # type: ignore[no-untyped-def]
        """Backtracks exponentially on a long run of a's."""
        found = regex.search(r"(a|aa)+$", block.text, timeout=ctx.regex_timeout())
        return "matched" if found else None

    with pytest.raises(Timeout, match="catastrophic"):
        cleantext.clean("a" * 40 + "!", mode="text", rules=[catastrophic], timeout_seconds=0.3)


def test_bytearray_and_memoryview_are_bytes() -> None:
    data = "<p>Zürich café, a whole paragraph of text.</p>".encode()
    expected = cleantext.clean(data).paragraphs
    assert cleantext.clean(bytearray(data)).paragraphs == expected
    assert cleantext.clean(memoryview(data)).paragraphs == expected


def test_flatten_keeps_every_text_and_caps_depth() -> None:
    html = "<div><span>a</span>" * 40 + "<p>bottom</p>" + "</div>" * 40 + "<p>after</p>"
    flat = flatten(html, 5)
    assert flat.count("<div>") == 5
    for text in ("a", "bottom", "after"):
        assert text in flat
    root = parse_html(html, max_depth=12)
    depth = max(len(list(el.iterancestors())) + 1 for el in root.iter())
    assert depth <= 12
    assert "bottom" in root.text_content() and "after" in root.text_content()


def test_flatten_leaves_raw_text_and_comments_alone() -> None:
    html = "<div>" * 3 + "<script>if (a <div> b) {}</script><!-- <div> --><p>x</p>" + "</div>" * 3
    flat = flatten(html, 1)
    assert "<script>if (a <div> b) {}</script>" in flat
    assert "<!-- <div> -->" in flat


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY leak "NETWORKLEAK">')

    def log_message(self, *args: object) -> None:
        pass


def test_parser_never_touches_the_network() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        page = (f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{url}/dtd" [<!ENTITY e SYSTEM "{url}/entity">'
                f'<!ENTITY % p SYSTEM "{url}/param"> %p;]><html xmlns:xi="http://www.w3.org/2001/XInclude">'
                f'<head><link rel="stylesheet" href="{url}/css"><script src="{url}/js"></script></head><body>'
                f'<p>Entity &e; and &leak; here.</p><xi:include href="{url}/xinclude"/><img src="{url}/img">'
                f'<iframe src="{url}/frame"></iframe><p>End of the page text.</p></body></html>')
        for source in (page, page.encode()):
            for mode in MODES:
                doc = cleantext.clean(source, mode=mode)
                assert "NETWORKLEAK" not in str(doc.to_dict())
        assert _CountingHandler.hits == []
    finally:
        server.shutdown()
        server.server_close()


# --- the command line never prints a traceback for bad input ---

def _cli(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin, capture_output=True,
                          timeout=300, env=env, check=False)


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {
        "binary": (tmp / "random.bin", os.urandom(4096)),
        # gzip bytes under a name that does not say .gz; a .gz file is decompressed by the CLI (bounded).
        "gzip": (tmp / "page.html", gzip.compress(b"<p>compressed page</p>" * 50)),
        "gzip-bomb": (tmp / "bomb.html.gz", gzip.compress(b" " * (70 * 1024 * 1024))),
        "gzip-named": (tmp / "named.html.gz", gzip.compress(b"<p>A compressed page of ordinary text.</p>")),
        "png": (tmp / "image.png", b"\x89PNG\r\n\x1a\n" + os.urandom(512)),
        "nul": (tmp / "nul.txt", b"\x00" * 5000),
        "invalid-utf8": (tmp / "bad.html", b"<p>caf\xe9 \xff\xfe ok text here</p>"),
        "empty": (tmp / "empty.html", b""),
        "deep": (tmp / "deep.html", b"<div>" * 20_000 + b"deep" + b"</div>" * 20_000),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {name: path for name, (path, _) in files.items()}


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "explain"])
def test_cli_bad_input_gives_one_line_and_exit_code(tmp_path: Path, fmt: str) -> None:
    files = _bad_files(tmp_path)
    flags = ["--explain"] if fmt == "explain" else ["--format", fmt]
    failing = {"binary", "gzip", "gzip-bomb", "png", "nul"}
    if fmt != "text":  # every input in text format; the other formats on a sample (each run is a process)
        files = {k: v for k, v in files.items() if k in {"binary", "invalid-utf8", "deep"}}
    for name, path in files.items():
        result = _cli([*flags, str(path)])
        stderr = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in stderr, f"{name}: {stderr}"
        if name in failing:
            assert result.returncode == 1, f"{name}: exit {result.returncode}"
            lines = stderr.strip().splitlines()
            assert len(lines) == 1 and str(path) in lines[0], f"{name}: {stderr!r}"
        else:
            assert result.returncode == 0, f"{name}: exit {result.returncode}: {stderr}"
    if fmt == "text":
        assert b"compressed page of ordinary text" in _cli([str(files["gzip-named"])]).stdout


def test_cli_missing_file_directory_and_stdin(tmp_path: Path) -> None:
    # A directory without --recursive is a usage error (2); the others are documents that failed (1).
    for args, stdin, code in (([str(tmp_path / "missing.html")], b"", 1), ([str(tmp_path)], b"", 2),
                              (["-"], b"\x1f\x8b\x08\x00binary", 1), (["-"], os.urandom(2048), 1)):
        result = _cli(args, stdin)
        stderr = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in stderr, stderr
        assert result.returncode == code, (args, result.returncode, stderr)
        assert len(stderr.strip().splitlines()) == 1, stderr
    # A good file after a bad one is still cleaned (exit 1 reports the failure).
    good = tmp_path / "good.html"
    good.write_text("<p>A perfectly ordinary paragraph of article text for the reader.</p>")
    result = _cli([str(tmp_path / "missing.html"), str(good)])
    assert result.returncode == 1
    assert b"ordinary paragraph" in result.stdout
