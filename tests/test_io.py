"""Readers (files, directories, globs, JSONL, WARC, WET, stdin sniffing) and resumable writers."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

import batch_samples as samples
from cleantext.io import ReadOptions, format_from_name, read_inputs, sniff_format
from cleantext.io.output import DirectoryWriter, JsonlWriter, safe_name


@pytest.mark.parametrize(("name", "fmt"), [
    ("a.html", "html"), ("A.HTM", "html"), ("a.txt", "text"), ("x.jsonl", "jsonl"), ("x.jsonl.gz", "jsonl"),
    ("CC-MAIN-1.warc.gz", "warc"), ("CC-MAIN-1.warc.wet.gz", "wet"), ("b.wet", "wet"), ("logo.png", None),
])
def test_format_from_name(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


def test_sniff_format() -> None:
    assert sniff_format(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n") == "warc"
    assert sniff_format(gzip.compress(b"WARC/1.1\r\n")) == "warc"
    assert sniff_format(b'{"id": 1, "text": "x"}\n{"id": 2}\n') == "jsonl"
    assert sniff_format(b"<!doctype html><p>x</p>") == "page"
    assert sniff_format(b"{ braces in a plain text page } are fine\n") == "page"
    assert sniff_format(b"Just a text dump.\n") == "page"


def test_directory_walk_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    paths = samples.write_pages(tmp_path / "site")
    (tmp_path / "site" / "logo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "site" / ".hidden.html").write_text("<p>hidden</p>")
    records = list(read_inputs([str(tmp_path / "site")], ReadOptions(recursive=True)))
    assert [r.id for r in records] == [str(p) for p in paths]
    assert [r.mode for r in records] == ["html"] * 4 + ["text"] * 2
    assert all(r.error is None and isinstance(r.content, bytes) for r in records)


def test_directory_without_recursive_and_missing_paths_are_error_records(tmp_path: Path) -> None:
    records = list(read_inputs([str(tmp_path), str(tmp_path / "missing.html"), str(tmp_path / "*.nothing")]))
    assert [r.error for r in records] == ["is a directory (use --recursive to read the files in it)",
                                          "No such file or directory", "no file matches this pattern"]


def test_glob_patterns(tmp_path: Path) -> None:
    samples.write_pages(tmp_path)
    records = list(read_inputs([str(tmp_path / "**" / "*.txt")]))
    assert [Path(r.id).name for r in records] == ["dump0.txt", "dump1.txt"]


def test_jsonl_fields_ids_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl.gz"
    samples.write_jsonl(path, [
        {"doc": "a", "body_html": "<p>html page</p>", "link": "https://a.example/1"},
        {"doc": "b", "content": "text page"},
        {"content": "no id: the line number is the id"},
        {"doc": "d"},
    ], gz=True)
    with open(path, "ab") as f:
        f.write(gzip.compress(b"not json\n[1, 2]\n"))
    opts = ReadOptions(html_field="body_html", text_field="content", id_field="doc", url_field="link")
    records = list(read_inputs([str(path)], opts))
    assert [(r.id, r.mode, r.url) for r in records[:3]] == [
        ("a", "html", "https://a.example/1"), ("b", "text", None), (f"{path}:3", "text", None)]
    assert records[3].error == "no string field 'body_html' or 'content'"
    assert records[4].id == f"{path}:5" and (records[4].error or "").startswith("invalid JSON")
    assert records[5].error == "a JSON line must be an object"


def test_warc_reads_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    urls = samples.write_warc(path)
    records = list(read_inputs([str(path)]))
    assert [r.url for r in records] == urls  # the redirect and the image are skipped
    assert all(r.mode == "html" and isinstance(r.content, str) and "<article>" in r.content for r in records)
    assert all(r.id.startswith("urn:uuid:") for r in records)


def test_wet_reads_conversion_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.wet.gz"
    urls = samples.write_wet(path)
    records = list(read_inputs([str(path)]))
    assert [r.url for r in records] == urls
    assert records[0].content == samples.page_text(samples.SITES[1], 0)
    assert {r.mode for r in records} == {"text"}


def test_truncated_warc_reports_an_error_after_the_good_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://a.example/", "response",
                                                      payload=io.BytesIO(b"<p>fine page</p>"), http_headers=headers))
    with open(path, "ab") as out:
        out.write(b"this is not a WARC record\r\n\r\n")
    records = list(read_inputs([str(path)]))
    assert records[0].error is None and records[0].url == "https://a.example/"
    assert records[-1].error is not None and "WARC" in records[-1].error


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "c.wet"
    samples.write_wet(path, count=2)
    records = list(read_inputs(["-"], stdin=io.BytesIO(path.read_bytes())))
    assert [r.mode for r in records] == ["text", "text"]
    rows = b'{"id": "x", "html": "<p>a</p>"}\n{"id": "y", "text": "b"}\n'
    records = list(read_inputs([], stdin=io.BytesIO(rows)))
    assert [r.id for r in records] == ["x", "y"]
    records = list(read_inputs(["-"], stdin=io.BytesIO(b"<html><p>one page</p></html>")))
    assert len(records) == 1 and records[0].id == "<stdin>" and records[0].content == b"<html><p>one page</p></html>"


def test_oversized_page_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    [record] = read_inputs([str(path)], ReadOptions(max_bytes=1000))
    assert record.content is None and "over 1000 bytes" in (record.error or "")


@pytest.mark.parametrize("doc_id", ["../../etc/passwd", "/etc/passwd", "..", ".", "", "a/b/../c", "..\\x",
                                    "urn:uuid:1234", "x" * 500, "nul\x00byte", "çà/ü"])
def test_safe_names_stay_inside_the_directory(tmp_path: Path, doc_id: str) -> None:
    writer = DirectoryWriter(tmp_path / "out", "txt")
    path = writer.path_for(doc_id)
    assert path.parent == tmp_path / "out"
    assert not path.name.startswith(".") and "/" not in path.name and len(path.name) < 200
    writer.write(doc_id, "content")
    assert path.read_text() == "content\n"


def test_safe_names_are_distinct_and_plain_ids_unchanged() -> None:
    assert safe_name("page-1.html") == "page-1.html"
    ids = ["a/b", "a_b", "a:b", "a b", "a/b/"]
    assert len({safe_name(i) for i in ids}) == len(ids)


def test_jsonl_writer_resume_drops_failed_and_torn_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "error": None}) + "\n"
                    + json.dumps({"id": "b", "text": None, "error": "boom"}) + "\n" + '{"id": "c", "err')
    writer = JsonlWriter(str(path))
    assert writer.done("a") and not writer.done("b") and not writer.done("c")
    writer.write("b", "", {"id": "b", "text": "y", "error": None})
    writer.close()
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["a", "b"]
    again = JsonlWriter(str(path), overwrite=True)
    assert not again.done("a")
    again.close()
    assert path.read_text() == ""


def test_gzipped_pages_and_sniffed_gzipped_jsonl(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(b"<html><p>zipped page</p></html>"))
    [record] = read_inputs([str(page)])
    assert record.content == b"<html><p>zipped page</p></html>" and record.mode == "html"
    rows = gzip.compress(b'{"id": "z", "text": "zipped line"}\n')
    [record] = read_inputs(["-"], stdin=io.BytesIO(rows))
    assert (record.id, record.content, record.mode) == ("z", "zipped line", "text")


def test_oversized_warc_record_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    urls = samples.write_warc(path, extra_records=False)
    records = list(read_inputs([str(path)], ReadOptions(max_bytes=500)))
    sizes = [len(samples.page_html(samples.SITES[0], n).encode()) for n in range(3)]
    assert all(s > 500 for s in sizes)
    assert [r.url for r in records] == urls
    assert all(r.content is None and "over 500 bytes" in (r.error or "") for r in records)
