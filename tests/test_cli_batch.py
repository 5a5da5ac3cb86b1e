"""End-to-end tests of batch runs: directories, globs, JSONL / WARC / WET in, files / JSONL out, resume, jobs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import batch_samples as samples
import cleantext
from cleantext.cli import main

REPO = Path(__file__).resolve().parent.parent


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    return samples.write_pages(tmp_path / "pages")


def test_directory_recursive_to_stdout_with_headers_and_summary(pages: list[Path], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-r", str(tmp_path / "pages")]) == 0
    out, err = capsys.readouterr()
    headers = [line[4:-4] for line in out.splitlines() if line.startswith("==> ")]
    assert headers == [str(p) for p in pages]
    assert "Residents gathered on Tuesday to discuss the future of the harbour" in out
    assert err.splitlines()[-1].startswith(f"cleantext: {len(pages)} documents in ")
    assert f"{len(pages)} cleaned, 0 failed, 0 skipped" in err


def test_glob_pattern(pages: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "pages" / "*.html"), "--format", "jsonl", "-q"]) == 0
    out, err = capsys.readouterr()
    assert [r["id"] for r in jsonl(out)] == [str(p) for p in pages if p.suffix == ".html"]
    assert err == ""


def test_a_failing_document_in_the_middle_is_reported_and_the_rest_processed(
        pages: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "pages" / "page1b.html"  # sorts between page1.html and page2.html
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    assert main(["-r", str(tmp_path / "pages"), "--format", "jsonl", "--jobs", "2"]) == 1
    out, err = capsys.readouterr()
    records = jsonl(out)
    assert [r["id"] for r in records] == [str(p) for p in sorted([*pages[:4], bad])] + [str(p) for p in pages[4:]]
    failed = [r for r in records if r["error"]]
    assert [r["id"] for r in failed] == [str(bad)]
    assert all(r["text"] for r in records if not r["error"])
    assert f"cleantext: {bad}: " in err and "1 failed" in err
    # --fail-fast stops at the failure.
    assert main(["-r", str(tmp_path / "pages"), "--format", "jsonl", "--fail-fast", "-q"]) == 1
    assert [r["id"] for r in jsonl(capsys.readouterr().out)][-1] == str(bad)


@pytest.mark.parametrize(("fmt", "ext"), [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_output_directory_and_resume(pages: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     fmt: str, ext: str) -> None:
    out_dir = tmp_path / "out"
    args = ["-r", str(tmp_path / "pages"), "--format", fmt, "--output", str(out_dir)]
    assert main(args) == 0
    # The input's folders are kept below the output folder; a file keeps its name, plus the format's extension.
    files = sorted(f for f in out_dir.rglob("*") if f.is_file() and not f.name.startswith("."))
    root = tmp_path / "pages"
    assert [f.relative_to(out_dir).as_posix() for f in files] == sorted(
        f"{p.relative_to(root).as_posix()}.{ext}" for p in pages)
    assert capsys.readouterr().out == ""  # everything went to files
    first = out_dir / f"{pages[0].relative_to(root)}.{ext}"
    doc = cleantext.clean(pages[0].read_bytes())
    if fmt == "json":
        data = json.loads(first.read_text())
        assert data["paragraphs"] == doc.paragraphs and data["source"] == str(pages[0])
    else:
        assert doc.paragraphs[0].split(" ")[0] in first.read_text()
    # Re-running skips what is done; a removed output is redone.
    first.unlink()
    stamp = files[1].stat().st_mtime_ns
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "1 documents in" in err and f"{len(pages) - 1} skipped" in err
    assert first.exists() and files[1].stat().st_mtime_ns == stamp
    assert main([*args, "--overwrite"]) == 0
    assert "0 skipped" in capsys.readouterr().err


def test_jsonl_in_and_out_with_fields_and_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "export.jsonl"
    samples.write_jsonl(src, [
        {"key": "p0", "page": samples.page_html("a.example", 0), "link": "https://a.example/0"},
        {"key": "p1", "body": samples.page_text("a.example", 1)},
        {"key": "p2"},  # neither field: fails
        {"key": "p3", "page": samples.page_html("a.example", 3)},
    ])
    out = tmp_path / "result.jsonl"
    args = [str(src), "--html-field", "page", "--text-field", "body", "--id-field", "key", "--url-field", "link",
            "--format", "jsonl", "--output", str(out)]
    assert main(args) == 1
    records = jsonl(out.read_text())
    assert [r["id"] for r in records] == ["p0", "p1", "p2", "p3"]
    assert records[0]["url"] == "https://a.example/0" and records[0]["mode"] == "html"
    assert records[1]["mode"] == "text" and records[2]["error"] and records[2]["text"] is None
    assert set(records[0]) == {"id", "url", "mode", "title", "text", "metadata", "page_type", "removed", "truncated",
                               "error", "fingerprint"}
    assert records[0]["metadata"]["title"] == records[0]["title"] and records[2]["metadata"] is None
    assert records[0]["removed"].get("navigation", 0) >= 1
    capsys.readouterr()
    # Resume: done records are skipped, the failed one is retried (and still fails), no duplicates.
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "1 documents in" in err and "3 skipped" in err
    assert sorted(r["id"] for r in jsonl(out.read_text())) == ["p0", "p1", "p2", "p3"]


def test_warc_and_wet_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warc, wet = tmp_path / "crawl.warc.gz", tmp_path / "crawl.warc.wet.gz"
    urls = samples.write_warc(warc) + samples.write_wet(wet)
    assert main([str(warc), str(wet), "--format", "jsonl", "-q"]) == 0
    records = jsonl(capsys.readouterr().out)
    assert [r["url"] for r in records] == urls
    assert [r["mode"] for r in records] == ["html"] * 3 + ["text"] * 3
    for r, n in zip(records, [0, 1, 2, 0, 1, 2], strict=True):
        assert r["text"].startswith("Residents gathered") and samples.TOPICS[n] in r["text"]
        assert r["title"] == f"Story {n} about {samples.TOPICS[n]}"


def test_wet_from_stdin_with_explicit_format() -> None:
    wet = io.BytesIO()
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"cleantext-test-{os.getpid()}.wet"
    try:
        samples.write_wet(path, count=2)
        wet.write(path.read_bytes())
    finally:
        path.unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, "-m", "cleantext", "--input-format", "wet", "--format", "jsonl"],
                          input=wet.getvalue(), capture_output=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    records = jsonl(proc.stdout.decode())
    assert [r["url"] for r in records] == [samples.url(samples.SITES[1], n) for n in range(2)]
    # Not a TTY: no progress bar, only the summary line.
    assert proc.stderr.decode().splitlines() == [proc.stderr.decode().strip()]
    assert "2 documents" in proc.stderr.decode()


def test_jobs_2_gives_the_same_output_as_jobs_1(pages: list[Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-r", str(tmp_path / "pages"), "--format", "jsonl", "-q"]) == 0
    one = capsys.readouterr().out
    assert main(["-r", str(tmp_path / "pages"), "--format", "jsonl", "-q", "--jobs", "2"]) == 0
    assert capsys.readouterr().out == one


def test_templates_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(4):
        (tmp_path / f"p{n}.html").write_text(samples.page_html("a.example", n))
    assert main([str(tmp_path / "*.html"), "--templates", "--format", "jsonl", "-q"]) == 0
    records = jsonl(capsys.readouterr().out)
    assert all(r["removed"].get("site-template") == 1 for r in records)
    assert all("desk reports" not in r["text"] for r in records)
    assert main([str(tmp_path / "*.html"), "--format", "jsonl", "-q"]) == 0
    assert all("desk reports" in r["text"] for r in jsonl(capsys.readouterr().out))


def test_progress_bar_only_on_a_terminal(pages: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["-r", str(tmp_path / "pages"), "--format", "jsonl"]) == 0
    shown = term.getvalue()
    assert "doc/s" in shown and "failed=0" in shown
    term.seek(0)
    term.truncate()
    assert main(["-r", str(tmp_path / "pages"), "--format", "jsonl", "--quiet"]) == 0
    assert term.getvalue() == ""
    capsys.readouterr()


def test_explain_in_a_batch_names_each_document(pages: list[Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-r", str(tmp_path / "pages"), "--explain", "-q"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("== ")] == [
        f"== {p} ({'html' if p.suffix == '.html' else 'text'}) ==" for p in pages]


def test_jsonl_output_into_a_directory_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "jsonl", "--output", str(tmp_path), str(REPO / "examples" / "article.html")]) == 2
    assert capsys.readouterr().err.startswith("cleantext: error: ")


def test_help_states_keep_going_and_exit_codes() -> None:
    proc = subprocess.run([sys.executable, "-m", "cleantext", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert "Keep-going is the default" in proc.stdout and "1 at least one document failed" in proc.stdout


def test_explicit_mode_overrides_the_record_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "rows.jsonl"
    samples.write_jsonl(src, [{"id": "h", "html": samples.page_html("a.example", 0)},
                              {"id": "t", "text": samples.page_text("a.example", 1)}])
    assert main([str(src), "--format", "jsonl", "-q"]) == 0
    assert [r["mode"] for r in jsonl(capsys.readouterr().out)] == ["html", "text"]
    assert main([str(src), "--format", "jsonl", "-q", "--mode", "text"]) == 0
    assert [r["mode"] for r in jsonl(capsys.readouterr().out)] == ["text", "text"]
