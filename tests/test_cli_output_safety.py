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
    assert len(list((tmp_path / "out").iterdir())) == 2


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
