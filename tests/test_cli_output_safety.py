"""Batch output never crashes on odd ids, never hides or overwrites another document, and resumes by content."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import batch_samples as samples
from cleantext.cli import main

PAGE = samples.page_html("a.example", 0)


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_lone_surrogates_in_ids_and_urls_do_not_crash_the_output(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    # json.dumps escapes the lone surrogate as \ud800, which json.loads turns back into one.
    _jsonl(src, [{"id": "bad\ud800", "url": "https://a.example/\udfff", "html": PAGE},
                 {"id": "good", "html": PAGE}, {"id": "broken\ud801", "html": 5}])
    for fmt, target in (("jsonl", tmp_path / "out.jsonl"), ("text", tmp_path / "out")):
        for _ in range(2):  # and again: the resume reads back what the first run wrote
            assert main([str(src), "--format", fmt, "-o", str(target), "-q"]) == 1
            err = capsys.readouterr().err
            assert "broken\ufffd" in err and "Traceback" not in err
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["bad\ufffd", "good", "broken\ufffd"]  # a failed line is retried
    assert records[0]["url"] == "https://a.example/\ufffd" and records[0]["text"]
    assert len([f for f in (tmp_path / "out").iterdir() if not f.name.startswith(".")]) == 2


@pytest.mark.skipif(sys.platform != "linux", reason="file names in invalid UTF-8 need a byte file system")
def test_a_file_named_in_invalid_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.html"), "wb") as f:
        f.write(PAGE.encode())
    assert main(["-r", str(folder), "--format", "jsonl", "-q"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["id"].endswith("caf\ufffd.html") and record["text"]
    assert main(["-r", str(folder), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert main(["-r", str(folder), "--format", "json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["source"].endswith("caf\ufffd.html")


def _summary(err: str) -> str:
    return [line for line in err.splitlines() if " documents in " in line][-1]


def test_ids_that_map_to_one_file_never_hide_each_other(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from cleantext.io.output import safe_name

    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "a/b", "html": PAGE}, {"id": safe_name("a/b"), "html": PAGE},  # a plain id that looks hashed
        {"id": 7, "html": PAGE}, {"id": "7", "html": PAGE}, {"id": "x", "html": PAGE}, {"id": "x", "html": PAGE}])
    out = tmp_path / "out"
    assert main([str(src), "-o", str(out), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    files = [f for f in out.iterdir() if not f.name.startswith(".")]
    assert len(files) == 4  # a/b, its look-alike, 7, x
    assert "4 cleaned, 2 failed" in _summary(err) and err.count("DuplicateOutput") == 2


def test_output_never_overwrites_a_foreign_jsonl_file_or_an_input(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "p", "html": PAGE}])
    before = src.read_bytes()
    foreign = _jsonl(tmp_path / "data.jsonl", [{"id": "q", "title": "not ours"}, {"name": "no id"}])
    data = foreign.read_bytes()
    assert main([str(src), "--format", "jsonl", "-o", str(foreign)]) == 2
    assert "not a JSON record written by cleantext" in capsys.readouterr().err and foreign.read_bytes() == data
    assert main([str(src), "--format", "jsonl", "-o", str(src)]) == 2
    assert "is also an input" in capsys.readouterr().err and src.read_bytes() == before
    assert main([str(src), "--format", "jsonl", "-o", str(foreign), "--overwrite", "-q"]) == 0
    assert json.loads(foreign.read_text())["id"] == "p"


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_resume_follows_content_and_options_not_the_spelling_of_the_path(
        tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pages = samples.write_pages(tmp_path / "pages")
    target = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    monkeypatch.chdir(tmp_path)
    assert main(["-r", "pages", "--format", fmt, "-o", str(target)]) == 0
    capsys.readouterr()
    if fmt == "text":  # the same folder spelled another way: nothing to redo
        assert main(["-r", str(tmp_path / "pages"), "--format", fmt, "-o", str(target)]) == 0
        assert f"0 cleaned, 0 failed, {len(pages)} skipped" in _summary(capsys.readouterr().err)
    # A replaced page is redone, the others are not.
    pages[0].write_text(samples.page_html("b.example", 9), encoding="utf-8")
    assert main(["-r", "pages", "--format", fmt, "-o", str(target)]) == 0
    assert f"1 cleaned, 0 failed, {len(pages) - 1} skipped" in _summary(capsys.readouterr().err)
    if fmt == "text":
        assert samples.TOPICS[9 % len(samples.TOPICS)] in (target / "page0.html.txt").read_text()
    # Changed options redo everything.
    assert main(["-r", "pages", "--format", fmt, "-o", str(target), "--disable", "navigation"]) == 0
    assert f"{len(pages)} cleaned, 0 failed, 0 skipped" in _summary(capsys.readouterr().err)


def test_json_over_several_inputs_is_one_json_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = samples.write_pages(tmp_path / "pages")
    assert main(["-r", str(tmp_path / "pages"), "--format", "json", "-q"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in documents] == [str(p) for p in pages]
    assert main([str(pages[0]), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == str(pages[0])  # one input: one object


def test_truncated_documents_are_warned_about_and_flagged(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "long.txt"
    big.write_text("".join(f"Line {i} of a very long plain text dump.\n" for i in range(20_050)), encoding="utf-8")
    assert main([str(big), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "long.txt: warning: truncated: max_blocks" in err and "1 truncated" in _summary(err)
    record = json.loads((tmp_path / "out.jsonl").read_text())
    assert record["truncated"].startswith("max_blocks")
    assert main([str(big)]) == 0
    assert "warning: truncated" in capsys.readouterr().err
