"""Fuzz target for cleantext.clean: any bytes or str gives a Document or a documented error, nothing else.

Short run (what CI does through tests/test_properties.py, a few hundred inputs):
    python fuzz/fuzz_clean.py --runs 300
Long run with the built-in mutator (deterministic with --seed; stop with Ctrl-C):
    python fuzz/fuzz_clean.py --seconds 3600 --seed 1
Coverage-guided long run with atheris (pip install atheris; Linux, CPython <= 3.11 wheels):
    python fuzz/fuzz_clean.py --atheris -max_total_time=3600 -rss_limit_mb=4096 corpus_dir/
A failing input is written to fuzz/crash-<sha1>.bin (the --crash-dir option changes where); replay it with
    python fuzz/fuzz_clean.py --replay fuzz/crash-<sha1>.bin
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

import cleantext
from cleantext import CleantextError, Document

HERE = Path(__file__).resolve().parent
# Documented errors (docs/robustness.md); anything else escaping clean() is a bug.
ALLOWED = (CleantextError,)
FRAGMENTS = [
    b"<p>", b"</p>", b"<div>", b"</div>", b"<br>", b"<table><tr><td>", b"</td></tr></table>", b"<script>",
    b"</script>", b"<style>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<!DOCTYPE html>", b'<meta charset="utf-16">',
    b'<meta charset="shift_jis">', b'<meta charset="base64">', b'<meta charset=utf-7>', b"<meta charset=x>",
    b"<?xml version='1.0' encoding='utf-32'?>", b"&amp;", b"&#0;", b"&#x110000;",
    b"&nbsp;", b'<a href="x">', b"</a>", b"<pre>", b"</pre>", b"<h1>", b"<li>", b'<img alt="Photo: AP">',
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x80", b"\r", b"\n\n", "\u200b\u200d".encode(),
    "Подписаться на рассылку".encode(), "分享到微博".encode(), b"Follow us", b"12 comments", b"Like (3)",
    b"<plaintext>", b"<textarea>", b"<svg><title>", b"<math>", b"<template>", b"<noscript>", b"<xmp>",
    b'<div class="share social">', b'<div hidden>', b"<body>", b"</html>",
]


def seeds() -> list[bytes]:
    """Starting inputs: the example page and small pages built from the fragments."""
    out = [b"", b"<p>Plain paragraph of article text.</p>", b"Title\n\nFirst paragraph.\n\nSecond one.\n"]
    example = HERE.parent / "examples" / "article.html"
    if example.exists():
        out.append(example.read_bytes())
    return out


def mutate(rnd: random.Random, data: bytes) -> bytes:
    """One random edit: insert a fragment, flip bytes, duplicate or cut a slice, or splice an encoding."""
    choice = rnd.randrange(6)
    pos = rnd.randrange(len(data) + 1)
    if choice == 0:
        return data[:pos] + rnd.choice(FRAGMENTS) * rnd.choice((1, 1, 2, 50)) + data[pos:]
    if choice == 1 and data:
        buf = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            buf[rnd.randrange(len(buf))] = rnd.randrange(256)
        return bytes(buf)
    if choice == 2 and data:
        end = min(len(data), pos + rnd.randint(1, 200))
        return data[:end] + data[pos:end] * rnd.randint(1, 20) + data[end:]
    if choice == 3:
        return data[:pos]
    if choice == 4:
        text = data.decode("utf-8", "replace")
        codec = rnd.choice(("utf-16-le", "utf-16-be", "utf-32-le", "cp1251", "shift_jis", "latin-1"))
        return text.encode(codec, "replace")
    return bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 64))) + data


def check_one(data: bytes) -> None:
    """The property: bytes, and the same bytes as str, in every mode, give a Document or a CleantextError."""
    text = data.decode("utf-8", "replace")
    for source in (data, text):
        for mode in ("auto", "html", "text"):
            try:
                doc = cleantext.clean(source, mode=mode, timeout_seconds=60)
            except ALLOWED:
                continue
            assert isinstance(doc, Document)
            doc.to_dict()
            assert all(isinstance(p, str) and p for p in doc.paragraphs)


def _save(data: bytes, crash_dir: Path) -> Path:
    crash_dir.mkdir(parents=True, exist_ok=True)
    path = crash_dir / f"crash-{hashlib.sha1(data).hexdigest()}.bin"
    path.write_bytes(data)
    return path


def run(runs: int | None = None, seconds: float | None = None, seed: int = 0, crash_dir: Path = HERE) -> int:
    """Mutation fuzzing from the seeds; returns the number of inputs tried. Raises on the first failure."""
    rnd = random.Random(seed)
    pool = seeds()
    deadline = time.monotonic() + seconds if seconds else None
    tried = 0
    while (runs is None or tried < runs) and (deadline is None or time.monotonic() < deadline):
        data = rnd.choice(pool)
        for _ in range(rnd.randint(1, 4)):
            data = mutate(rnd, data)
        data = data[:2_000_000]
        try:
            check_one(data)
        except BaseException as exc:
            path = _save(data, crash_dir)
            raise AssertionError(f"input {path} failed: {type(exc).__name__}: {exc}") from exc
        if len(pool) < 500 and rnd.random() < 0.1:
            pool.append(data)
        tried += 1
    return tried


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crash-dir", type=Path, default=HERE)
    parser.add_argument("--replay", type=Path)
    parser.add_argument("--atheris", action="store_true", help="hand the remaining arguments to atheris/libFuzzer")
    args, rest = parser.parse_known_args(argv)
    if args.replay:
        check_one(args.replay.read_bytes())
        print(f"{args.replay}: ok")
        return 0
    if args.atheris:
        import atheris  # optional: pip install atheris

        atheris.Setup([sys.argv[0], *rest], check_one)
        atheris.Fuzz()
        return 0
    started = time.monotonic()
    tried = run(runs=args.runs, seconds=args.seconds if args.runs is None else None, seed=args.seed,
                crash_dir=args.crash_dir)
    print(f"{tried} inputs, each as bytes and str in 3 modes, in {time.monotonic() - started:.0f} s: no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
