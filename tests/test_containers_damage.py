"""Damaged containers: every cut or wrong length is an error on the record it hit, and the rest is read;
long JSONL lines are refused without being held; WET/WARC text is decoded by its declared charset."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

import batch_samples as samples
from cleantext.cli import main
from cleantext.io import ReadOptions, read_inputs

PAGE = samples.page_html("a.example", 0)


def record(kind: str, uri: str, body: bytes, ctype: str, n: int, length: int | None = None) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:test:{n}>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(body) if length is None else length}\r\n\r\n")
    return head.encode() + body + b"\r\n\r\n"


def response(uri: str, html: bytes, n: int, charset: str = "utf-8", length: int | None = None) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n".encode() + html
    return record("response", uri, http, "application/http; msgtype=response", n, length)


def pages(n: int) -> list[bytes]:
    return [samples.page_html("a.example", i).encode() for i in range(n)]


def _read(path: Path) -> list:
    return list(read_inputs([str(path)]))


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_cut_inside_a_record_gives_an_error_for_it(tmp_path: Path, compress: bool) -> None:
    data = b"".join(response(f"https://a.example/{i}", p, i) for i, p in enumerate(pages(4)))
    cut = data[: len(data) - 400]
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(_gzip_members(data)[:-300] if compress else cut)
    records = _read(path)
    assert [r.url for r in records] == [f"https://a.example/{i}" for i in range(4)]
    assert [r.error is None for r in records] == [True, True, True, False]
    assert "cut short" in (records[-1].error or "") or "ends early" in (records[-1].error or "")


def _gzip_members(data: bytes) -> bytes:
    """One gzip member per record, as WARC files store them."""
    parts = data.split(b"WARC/1.0\r\n")[1:]
    return b"".join(gzip.compress(b"WARC/1.0\r\n" + p) for p in parts)


@pytest.mark.parametrize("delta", [+3000, +200, -100])
def test_a_wrong_content_length_fails_that_record_and_the_rest_is_read(tmp_path: Path, delta: int) -> None:
    bodies = pages(6)
    parts = []
    for i, p in enumerate(bodies):
        size = len(p) + len(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
        parts.append(response(f"https://a.example/{i}", p, i, length=size + delta if i == 1 else None))
    path = tmp_path / "bad.warc"
    path.write_bytes(b"".join(parts))
    records = _read(path)
    ok = [r.url for r in records if r.error is None]
    assert [r.url for r in records if r.error] == ["https://a.example/1"]
    assert ok == [f"https://a.example/{i}" for i in (0, 2, 3, 4, 5)]
    assert all(isinstance(r.content, str | bytes) and b"Story" in _bytes(r.content) for r in records if r.error is None)


def _bytes(content: str | bytes | None) -> bytes:
    return content.encode() if isinstance(content, str) else content or b""


def test_cli_counts_a_cut_warc_record_as_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"".join(response(f"https://a.example/{i}", p, i) for i, p in enumerate(pages(3)))
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-500])
    out = tmp_path / "out.jsonl"
    for _ in range(2):  # the failed record is not taken as done on a re-run
        assert main([str(path), "--format", "jsonl", "-o", str(out)]) == 1
        assert "1 failed" in capsys.readouterr().err


def test_a_truncated_jsonl_gz_fails_at_the_cut_and_the_next_file_is_read(tmp_path: Path) -> None:
    rows = b"".join(json.dumps({"id": f"r{i}", "html": PAGE}).encode() + b"\n" for i in range(50))
    cut = tmp_path / "a.jsonl.gz"
    cut.write_bytes(gzip.compress(rows)[:-200])
    other = tmp_path / "b.jsonl"
    other.write_bytes(b'{"id": "next", "text": "a line of text in the next file"}\n')
    records = list(read_inputs([str(cut), str(other)]))
    assert records[-1].id == "next" and records[-1].error is None
    errors = [r for r in records if r.error]
    assert len(errors) == 1 and "ends early" in (errors[0].error or "")
    assert all(r.error is None for r in records[: -2])


def test_a_jsonl_line_over_the_limit_is_refused_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("wb") as f:
        f.write(b'{"id": "short", "text": "fine"}\n')
        f.write(b'{"id": "long", "text": "' + b"x" * 8_000_000 + b'"}\n')
        f.write(b'{"id": "after", "text": "fine too"}\n')
    tracemalloc.start()
    records = list(read_inputs([str(path)], ReadOptions(max_bytes=1_000_000)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [r.error is None for r in records] == [True, False, True]
    assert "over 1000000 bytes" in (records[1].error or "") and records[2].id == "after"
    assert peak < 4_000_000  # a few 1 MB pieces at most, never the 8 MB line


def test_wet_text_is_decoded_by_its_declared_charset_then_detected(tmp_path: Path) -> None:
    latin = "Un café déjà servi à la fête du village.\n".encode("latin-1")
    data = (record("conversion", "https://a.example/1", latin, "text/plain; charset=ISO-8859-1", 1)
            + record("conversion", "https://a.example/2", b"Plain ASCII words only.\n", "text/plain; charset=utf-16", 2)
            + record("conversion", "https://a.example/3", latin, "text/plain", 3))
    path = tmp_path / "x.warc.wet"
    path.write_bytes(data)
    records = _read(path)
    assert [r.error for r in records] == [None, None, None]
    import cleantext

    texts = [cleantext.clean(r.content, mode="text").text for r in records]
    assert "café déjà" in texts[0] and "fête" in texts[0]
    assert texts[1] == "Plain ASCII words only."
    assert "\ufffd" not in texts[2] and texts[2].startswith("Un caf")  # detected, not replaced


def test_warc_html_labelled_utf16_is_not_read_as_cjk(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(response("https://a.example/1", PAGE.encode(), 1, charset="utf-16"))
    [rec] = _read(path)
    import cleantext

    assert "Residents gathered" in cleantext.clean(rec.content).text


def test_reading_stdin_warc_with_damage_goes_on() -> None:
    data = b"garbage line\r\n" + response("https://a.example/0", pages(1)[0], 0)
    records = list(read_inputs(["-"], ReadOptions(input_format="warc"), stdin=io.BytesIO(data)))
    assert [r.url for r in records if r.error is None] == ["https://a.example/0"]
    assert len([r for r in records if r.error]) == 1
