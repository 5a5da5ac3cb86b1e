"""Hostile inputs, generated in code, each with the outcome cleantext promises (docs/robustness.md).

Used by tests/test_hostile.py (every case, in HTML and in text mode, in a child process with a generous time
limit) and by benchmarks/hostile.py (time and peak memory per case). Nothing large is committed: every input is
built here from a seed or a repeated pattern.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import json
import lzma
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

import cleantext
from cleantext import Document, InputTooLarge, Timeout, UnsupportedInput

Source = str | bytes
MB = 1_000_000
ARTICLE = "<p>The committee approved the budget after a long debate on Tuesday evening.</p>"


@dataclass(frozen=True)
class Raises:
    """clean() raises this error type, and its message contains ``words``."""

    error: type[Exception]
    words: str = ""

    def check(self, result: Document | BaseException, source: Source, mode: str) -> str | None:
        if not isinstance(result, self.error):
            return f"expected {self.error.__name__}, got {_describe(result)}"
        if self.words.lower() not in str(result).lower():
            return f"message {str(result)!r} does not mention {self.words!r}"
        return None


@dataclass(frozen=True)
class Cleans:
    """clean() returns a Document; ``keeps`` are texts some block must hold (kept or removed, never lost).

    ``empty``: no block at all. ``truncated``: Document.truncated must be set (None: must not be).
    ``absent``: texts no block may contain (unexpanded entities, script code, file contents).
    """

    keeps: tuple[str, ...] = ()
    empty: bool = False
    truncated: bool = False
    absent: tuple[str, ...] = ()
    longest_block: int = 0
    loose: bool = False  # compare ``keeps`` with whitespace and zero-width characters removed
    or_timeout: bool = False  # a Timeout is an accepted outcome too (work whose speed depends on the machine)

    def check(self, result: Document | BaseException, source: Source, mode: str) -> str | None:
        if self.or_timeout and isinstance(result, Timeout):
            return None
        if not isinstance(result, Document):
            return f"expected a Document, got {_describe(result)}"
        if result.mode != mode:
            return f"mode {result.mode!r}, expected {mode!r}"
        json.dumps(result.to_dict())  # must be serialisable
        texts = [_squash(b.text) if self.loose else b.text for b in result.blocks]
        if self.empty and texts:
            return f"expected no blocks, got {len(texts)}: {texts[0][:60]!r}"
        for want in self.keeps:
            if not any(want in t for t in texts):
                return f"content lost: no block contains {want[:60]!r}"
        for bad in self.absent:
            if any(bad in t for t in texts) or bad in json.dumps(result.raw_metadata):
                return f"a block contains {bad[:60]!r}"
        if self.longest_block and max(map(len, texts), default=0) < self.longest_block:
            return f"longest block has {max(map(len, texts), default=0)} chars, expected {self.longest_block}"
        if bool(result.truncated) != self.truncated:
            return f"truncated={result.truncated!r}, expected {'a reason' if self.truncated else None}"
        return None


Expect = Raises | Cleans


@dataclass(frozen=True)
class Case:
    """One hostile input; ``html`` and ``text`` are the outcomes in each mode; ``options`` go to clean()."""

    name: str
    make: Callable[[], Source]
    html: Expect
    text: Expect
    options: tuple[tuple[str, object], ...] = ()

    def run(self, mode: str) -> tuple[Document | BaseException, Source]:
        source = self.make()
        try:
            return cleantext.clean(source, mode=mode, **dict(self.options)), source
        except Exception as exc:  # the expectation decides whether this error is the promised one
            return exc, source

    def expected(self, mode: str) -> Expect:
        return self.html if mode == "html" else self.text


_INVISIBLE = str.maketrans("", "", " \t\n\r\u00a0\u200b\u200c\u200d\u2060\ufeff")


def _squash(text: str) -> str:
    return text.translate(_INVISIBLE)


def _describe(result: object) -> str:
    if isinstance(result, BaseException):
        return f"{type(result).__name__}: {str(result)[:200]}"
    return type(result).__name__


def _rand(size: int, seed: int = 6) -> bytes:
    return random.Random(seed).randbytes(size)


def _xxe_source() -> str:
    # A local file the parser must never read, named by external entities, an external DTD and XInclude.
    path = os.path.join(tempfile.gettempdir(), "cleantext-hostile-secret.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("TOPSECRETFILECONTENT")
    url = "file://" + path
    return (f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{url}" [<!ENTITY xxe SYSTEM "{url}">'
            f'<!ENTITY % pe SYSTEM "{url}"> %pe;]><html xmlns:xi="http://www.w3.org/2001/XInclude"><body>'
            f'<p>Entity: &xxe; end.</p><xi:include href="{url}" parse="text"/><p>After the include.</p>'
            f'<svg><image href="{url}"/></svg><iframe src="{url}"></iframe></body></html>')


def _bomb() -> str:
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return f"<!DOCTYPE bomb [{entities}]><html><body><p>Bomb: &j;&j;&j; done.</p></body></html>"


def _magic(prefix: bytes) -> Callable[[], bytes]:
    return lambda: prefix + (ARTICLE * 50).encode()


_TEXT_LINE = "The committee approved the budget after a long debate on Tuesday evening."
_RU = "Комитет утвердил бюджет после долгих дебатов во вторник вечером."
_EMPTY = Cleans(empty=True)
_KEEP_ARTICLE = Cleans(keeps=("The committee approved the budget",))


def _both(expect: Expect) -> dict[str, Expect]:
    return {"html": expect, "text": expect}


CASES: tuple[Case, ...] = (
    # --- empty and blank ---
    Case("empty-str", lambda: "", **_both(_EMPTY)),
    Case("empty-bytes", lambda: b"", **_both(_EMPTY)),
    Case("whitespace-only", lambda: " \t\r\n\u00a0\u3000\n" * 20_000, **_both(_EMPTY)),
    # --- NULs, controls, binary ---
    Case("nul-bytes", lambda: b"\x00" * 100_000, **_both(Raises(UnsupportedInput, "binary"))),
    Case("nul-str", lambda: "\x00" * 100_000, **_both(Raises(UnsupportedInput, "binary"))),
    Case("nuls-sprinkled", lambda: ARTICLE.replace("budget", "bud\x00get") * 3, **_both(_KEEP_ARTICLE)),
    Case("random-binary", lambda: _rand(MB), **_both(Raises(UnsupportedInput, "binary"))),
    Case("random-binary-small", lambda: _rand(64, seed=1), **_both(Raises(UnsupportedInput, "binary"))),
    Case("control-chars-str", lambda: "".join(chr(i % 32) for i in range(50_000)),
         **_both(Raises(UnsupportedInput, "binary"))),
    Case("lone-surrogates", lambda: ARTICLE.replace("budget", "bud\ud800get\udfff") * 3,
         **_both(Cleans(keeps=("bud\ufffdget",)))),
    # --- known binary formats by magic number (payload is HTML: the signature alone decides) ---
    Case("gzip-bytes", lambda: gzip.compress((ARTICLE * 200).encode()), **_both(Raises(UnsupportedInput, "gzip"))),
    Case("bzip2-bytes", lambda: bz2.compress((ARTICLE * 200).encode()), **_both(Raises(UnsupportedInput, "bzip2"))),
    Case("xz-bytes", lambda: lzma.compress((ARTICLE * 200).encode()), **_both(Raises(UnsupportedInput, "xz"))),
    Case("png-header", _magic(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), **_both(Raises(UnsupportedInput, "PNG"))),
    Case("jpeg-header", _magic(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"), **_both(Raises(UnsupportedInput, "JPEG"))),
    Case("gif-header", _magic(b"GIF89a\x01\x00\x01\x00"), **_both(Raises(UnsupportedInput, "GIF"))),
    Case("pdf-header", _magic(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), **_both(Raises(UnsupportedInput, "PDF"))),
    Case("zip-header", _magic(b"PK\x03\x04\x14\x00\x00\x00"), **_both(Raises(UnsupportedInput, "ZIP"))),
    Case("webp-header", _magic(b"RIFF\x00\x10\x00\x00WEBPVP8 "), **_both(Raises(UnsupportedInput, "WebP"))),
    Case("elf-header", _magic(b"\x7fELF\x02\x01\x01\x00"), **_both(Raises(UnsupportedInput, "ELF"))),
    Case("mp4-header", _magic(b"\x00\x00\x00\x18ftypmp42"), **_both(Raises(UnsupportedInput, "MP4"))),
    # --- encodings ---
    Case("invalid-utf8", lambda: b"<p>Caf\xc3 au lait \xff\xfe costs \x80 two euros in Z\xc3\xbcrich.</p>" * 20,
         **_both(Cleans(keeps=("au lait",)))),
    Case("lying-meta-charset", lambda: '<meta charset="utf-8"><p>Un café crème, s\'il vous plaît.</p>'.encode(
        "cp1252"), **_both(Cleans(keeps=("café crème",)))),
    Case("meta-says-utf16", lambda: '<meta charset="utf-16"><p>Zürich, naïve café.</p>'.encode(),
         **_both(Cleans(keeps=("Zürich, naïve café.",)))),
    Case("meta-http-equiv-cp1251", lambda: (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' + f"<p>{_RU}</p>" * 5
    ).encode("cp1251"), **_both(Cleans(keeps=(_RU,)))),
    Case("mixed-encodings", lambda: ("<p>Zürich naïve façade déjà vu.</p>" * 10).encode() +
         "<p>Un café crème.</p>".encode("cp1252"), **_both(Cleans(keeps=("Zürich naïve façade", "café crème")))),
    *(Case(f"{codec}-{'bom' if bom else 'nobom'}", (lambda c=codec, b=bom: b + (ARTICLE * 20).encode(c)),
           **_both(_KEEP_ARTICLE))
      for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                         ("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", codecs.BOM_UTF32_LE),
                         ("utf-32-be", b""), ("utf-8", codecs.BOM_UTF8))),
    Case("utf-16-cjk-nobom", lambda: ("中文测试文本，没有空格也没有标记。" * 200).encode("utf-16-le"),
         **_both(Cleans(keeps=("中文测试文本",)))),
    Case("xml-declaration-str", lambda: '<?xml version="1.0" encoding="utf-16"?><html><body>' + ARTICLE,
         **_both(_KEEP_ARTICLE)),
    # --- structure ---
    *(Case(f"deep-nesting-{n // 1000}k", (lambda n=n: "<div>" * n + "<p>DEEP text</p>" + "</div>" * n +
                                          "<p>After the nest.</p>"),
           html=Cleans(keeps=("DEEP text", "After the nest.")), text=Cleans(keeps=("DEEP text",)))
      for n in (10_000, 100_000)),
    Case("deep-unclosed-100k", lambda: "<div>x " * 100_000 + "<p>Bottom text.</p>",
         html=Cleans(keeps=("Bottom text.",)), text=Cleans(keeps=("Bottom text.",))),
    Case("deep-inline-100k", lambda: "<b><i>" * 50_000 + "Deep inline." + "</i></b>" * 50_000 + "<p>Tail.</p>",
         html=Cleans(keeps=("Deep inline.", "Tail.")), text=Cleans(keeps=("Deep inline.",))),
    Case("deep-tables-30k", lambda: "<table><tr><td>" * 10_000 + "Cell text." + "</td></tr></table>" * 10_000,
         html=Cleans(keeps=("Cell text.",)), text=Cleans(keeps=("Cell text.",))),
    Case("million-empty-paragraphs", lambda: "<p></p>" * 1_000_000,
         html=_EMPTY, text=Cleans(longest_block=7_000_000)),
    Case("million-blank-lines", lambda: "\n" * 1_000_000, **_both(_EMPTY)),
    Case("20mb-line-no-spaces", lambda: "a" * 20 * MB, **_both(Cleans(longest_block=20 * MB))),
    Case("11mb-text-node", lambda: "<p>" + "b" * 11 * MB + "</p><p>Tail.</p>",  # libxml2 drops > 10 MB
         html=Cleans(longest_block=11 * MB, keeps=("Tail.",)), text=Cleans(longest_block=11 * MB)),
    Case("huge-attribute", lambda: '<div class="' + "x" * 4 * MB + '">' + ARTICLE + "</div>", **_both(_KEEP_ARTICLE)),
    Case("100k-attributes", lambda: "<div " + " ".join(f'a{i}=">"' for i in range(100_000)) + ">" + ARTICLE,
         html=_KEEP_ARTICLE, text=_KEEP_ARTICLE),
    Case("100k-bare-attributes", lambda: "<div " + " ".join(f"a{i}" for i in range(100_000)) + ">" + ARTICLE,
         html=_KEEP_ARTICLE, text=_KEEP_ARTICLE),
    Case("many-scripts", lambda: "<script>var tracker = 1;</script>" * 100_000 + ARTICLE,
         html=Cleans(keeps=("The committee approved",), absent=("var tracker",)), text=_KEEP_ARTICLE),
    Case("many-comments", lambda: "<!-- a comment -->" * 200_000 + ARTICLE,
         html=Cleans(keeps=("The committee approved",), absent=("a comment",)), text=_KEEP_ARTICLE),
    # 90,000 cells: more blocks than max_blocks (20,000), so the HTML result is cut there and says so.
    Case("giant-table", lambda: "<table>" + ("<tr>" + "<td>cell</td>" * 300 + "</tr>") * 300 + "</table>" + ARTICLE,
         html=Cleans(keeps=("cell",), truncated=True), text=_KEEP_ARTICLE),
    Case("unclosed-script", lambda: ARTICLE + "<script>var never_closed = '" + "x" * 100_000,
         html=Cleans(keeps=("The committee approved",), absent=("never_closed",)), text=_KEEP_ARTICLE),
    # --- entities and the parser's security ---
    Case("entity-heavy", lambda: "<p>" + "&amp;&lt;&#x41;&#65;&nbsp;&bogus;" * 100_000 + "</p>",
         html=Cleans(keeps=("&<AA",)), text=Cleans(keeps=("&amp;&lt;&#x41;",))),
    Case("entity-bomb", _bomb, html=Cleans(keeps=("Bomb:",), absent=("lollollol",)),
         text=Cleans(keeps=("Bomb:",), absent=("lollollol",))),
    Case("external-entities", _xxe_source, html=Cleans(keeps=("Entity:", "After the include."),
                                                       absent=("TOPSECRETFILECONTENT",)),
         text=Cleans(absent=("TOPSECRETFILECONTENT",))),
    # --- scripts and invisible characters ---
    Case("cjk-no-spaces", lambda: "中文字符没有空格" * 125_000, **_both(Cleans(longest_block=MB))),
    Case("rtl-no-spaces", lambda: "مرحبابالعالم" * 40_000 + "\n" + "שלוםעולם" * 40_000,
         **_both(Cleans(keeps=("مرحبابالعالم", "שלוםעולם")))),
    Case("zero-width-only", lambda: "\u200b\u200c\u200d\u2060\ufeff" * 100_000, html=Cleans(), text=Cleans()),
    Case("zero-width-in-words", lambda: (_TEXT_LINE.replace("budget", "bu\u200bd\u200dg\u2060et") + "\n") * 5,
         **_both(Cleans(keeps=("budget",), loose=True))),
    Case("carriage-returns-only", lambda: (_TEXT_LINE + "\r") * 50, **_both(_KEEP_ARTICLE)),
    # --- limits ---
    Case("over-max-input-bytes", lambda: b"a" * (64 * 1024 * 1024 + 1),
         **_both(Raises(InputTooLarge, "max_input_bytes"))),
    Case("small-max-input-bytes", lambda: ARTICLE * 100, options=(("max_input_bytes", 1000),),
         **_both(Raises(InputTooLarge, "max_input_bytes"))),
    Case("small-max-blocks", lambda: (ARTICLE + "\n") * 100, options=(("max_blocks", 10),),
         html=Cleans(truncated=True), text=Cleans(truncated=True)),
    Case("tiny-timeout", lambda: (ARTICLE + "\n") * 2000, options=(("timeout_seconds", 1e-9),),
         **_both(Raises(Timeout, "longer than"))),
    # 2 million elements take far longer than a 1 s budget to walk: the budget holds before the rule chain too.
    Case("budget-while-reading", lambda: "<p></p>" * 2_000_000, options=(("timeout_seconds", 1.0),),
         html=Raises(Timeout, "longer than"), text=Cleans(longest_block=14 * MB, or_timeout=True)),
    Case("shallow-max-depth", lambda: "<div>" * 50 + "<p>Deep.</p>" + "</div>" * 50, options=(("max_depth", 10),),
         html=Cleans(keeps=("Deep.",)), text=Cleans(keeps=("Deep.",))),
)

CASES_BY_NAME = {c.name: c for c in CASES}
assert len(CASES_BY_NAME) == len(CASES), "duplicate hostile case names"
MODES = ("html", "text")


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        return 0.0


def _child(name: str, mode: str, conn: multiprocessing.connection.Connection) -> None:
    start_rss = _rss_mb()
    started = time.perf_counter()
    case = CASES_BY_NAME[name]
    result, source = case.run(mode)
    seconds = time.perf_counter() - started
    problem = case.expected(mode).check(result, source, mode)
    outcome = _describe(result) if isinstance(result, BaseException) else (
        f"Document: {len(result.blocks)} blocks, {len(result.paragraphs)} kept"
        + (", truncated" if result.truncated else ""))
    # ru_maxrss is in KiB on Linux (bytes on macOS); the child's RSS at fork is the baseline.
    scale = 1e-6 if sys.platform == "darwin" else 1e-3
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    conn.send({"case": name, "mode": mode, "problem": problem, "outcome": outcome, "seconds": seconds,
               "input_mb": len(source) / 1e6, "peak_mb": max(0.0, peak - start_rss)})
    conn.close()


def run_isolated(name: str, mode: str, limit: float) -> dict[str, object]:
    """Run one case in a child process; a case still running after ``limit`` seconds is killed and reported."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    parent, child_end = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(name, mode, child_end), daemon=True)
    started = time.perf_counter()
    proc.start()
    child_end.close()
    try:
        if parent.poll(limit):
            try:
                return parent.recv()
            except EOFError:
                pass
        else:
            return {"case": name, "mode": mode, "problem": f"still running after {limit:.0f} s (hang?)",
                    "outcome": "killed", "seconds": time.perf_counter() - started}
        proc.join(5)
        return {"case": name, "mode": mode, "problem": f"child process died (exit code {proc.exitcode})",
                "outcome": "crash", "seconds": time.perf_counter() - started}
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
