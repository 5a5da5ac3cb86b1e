"""End-to-end tests of the cleantext command on single documents: formats, --explain, --list-rules, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext.cli import main
from cleantext.presets import DEFAULT_RULES

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "examples" / "article.html"
SEEDS = sorted((REPO / "tests" / "corpus").glob("*.txt"))


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh interpreter, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin.decode() if stdin else None,
                          capture_output=True, text=True, timeout=120, cwd=REPO, env={**os.environ, "COLUMNS": "100"})


def test_text_output_of_a_file_matches_the_library() -> None:
    proc = run_cli(str(ARTICLE))
    assert proc.returncode == 0, proc.stderr
    doc = cleantext.clean(ARTICLE.read_bytes())
    expected = "\n\n".join([doc.title, *doc.paragraphs]) if doc.title else doc.text
    assert proc.stdout == expected + "\n"
    assert proc.stderr == ""


def test_seeds_in_one_jsonl_batch_match_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*map(str, SEEDS), "--format", "jsonl", "-q"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == [str(s) for s in SEEDS]
    for seed, record in zip(SEEDS, records, strict=True):
        doc = cleantext.clean(seed.read_bytes())
        assert (record["title"], record["text"], record["mode"]) == (doc.title, doc.text, "text")
        assert sum(record["removed"].values()) == len(doc.removed) and record["error"] is None


def test_json_and_markdown_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    doc = cleantext.clean(ARTICLE.read_bytes())
    assert data["title"] == doc.title and data["paragraphs"] == doc.paragraphs
    assert data["source"] == str(ARTICLE)
    assert {r["rule"] for r in data["removed"]} == {b.rule for b in doc.removed}
    assert main([str(ARTICLE), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {doc.title}\n") if doc.title else out


def test_html_format_with_images_and_links(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(ARTICLE), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<article>\n<h1>") and "<img" not in out
    assert main([str(ARTICLE), "--format", "html", "--images", "--links"]) == 0
    assert '<img src="bridge.jpg"' in capsys.readouterr().out
    assert main([str(ARTICLE), "--format", "markdown", "--images"]) == 0
    assert "![The restored footbridge at dawn](bridge.jpg)" in capsys.readouterr().out
    assert main([str(ARTICLE), "--format", "html", "-o", str(tmp_path / "out")]) == 0
    assert ".html" in [p.suffix for p in (tmp_path / "out").iterdir()]  # beside the run's resume index


def test_stdin_with_dash_and_without_paths() -> None:
    page = ARTICLE.read_bytes()
    a, b = run_cli("-", stdin=page), run_cli(stdin=page)
    assert a.returncode == b.returncode == 0
    doc = cleantext.clean(page)
    assert a.stdout == b.stdout == "\n\n".join([doc.title, *doc.paragraphs] if doc.title else doc.paragraphs) + "\n"


def test_mode_text_treats_html_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ARTICLE), "--mode", "text", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "text"


def test_explain_lists_every_removed_block_with_rule_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ARTICLE), "--explain"]) == 0
    out = capsys.readouterr().out
    doc = cleantext.clean(ARTICLE.read_bytes())
    assert doc.removed, "the example page has boilerplate"
    for block in doc.removed:
        assert f"{block.rule} ({block.kind}): {block.reason}" in out
    block_lines = [line for line in out.splitlines() if line[:4] in ("  + ", "  - ")]
    assert len(block_lines) == sum(1 for b in doc.blocks if b.label != "title")
    assert all(len(line) <= 4 + 72 for line in block_lines), "long blocks are shortened for a terminal"


def test_list_rules_in_chain_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[: len(DEFAULT_RULES)]] == [r.name for r in DEFAULT_RULES]
    for line, r in zip(lines, DEFAULT_RULES, strict=False):
        assert r.kind in line and r.description in line
    assert lines[-1].split()[:3] == ["site-template", "site-template", "batch"]


def test_disable_switches_a_kind_off(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ARTICLE), "--format", "json", "--disable", "navigation"]) == 0
    removed = json.loads(capsys.readouterr().out)["removed"]
    assert all(r["kind"] != "navigation" for r in removed)


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.html", "No such file or directory"),
    (lambda d: _write(d / "file.txt", b"x") / "child.html", "Not a directory"),
    (lambda d: _write(d / "image.html", b"\x89PNG\r\n\x1a\n" + bytes(2000)), "not a web page"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_1(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    proc = run_cli(str(path))
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"cleantext: {path}: ") and message in lines[0]
    assert "Traceback" not in proc.stderr


def test_bad_input_does_not_stop_the_other_paths(tmp_path: Path) -> None:
    proc = run_cli(str(tmp_path / "missing.html"), str(ARTICLE), "-q")
    assert proc.returncode == 1
    assert "footbridge" in proc.stdout
    assert proc.stderr.count("\n") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--format", "pdf", str(ARTICLE)])
    assert exc.value.code == 2
    assert main(["--jobs", "0", str(ARTICLE)]) == 2
    assert main(["--explain", "--format", "jsonl", str(ARTICLE)]) == 2
    assert "cannot be combined" in capsys.readouterr().err
    # A directory without --recursive is a usage error, as --help promises (not the "a document failed" code).
    assert main([str(ARTICLE.parent)]) == 2
    assert "is a directory: use --recursive" in capsys.readouterr().err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


LINK_PAGE = (
    "<html><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Monday after a long winter of repairs, "
    'the <a href="https://example.org/port">port authority</a> said, and the first ferries are already running.</p>'
    '<p>Officials said <a href="javascript:alert(1)">the schedule</a> would return to normal within a week.</p>'
    "</article></body></html>"
)


def test_links_flag_keeps_only_safe_links_in_markdown(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(LINK_PAGE, encoding="utf-8")
    with_links = run_cli("--format", "markdown", "--links", str(page))
    assert "[port authority](https://example.org/port)" in with_links.stdout
    assert "javascript:" not in with_links.stdout
    without = run_cli("--format", "markdown", str(page))
    assert "](https://" not in without.stdout and "port authority" in without.stdout


def test_include_comments_flag_keeps_a_comment_section(tmp_path: Path) -> None:
    comment = "I grew up near this harbour and I am so glad to see the ferries running again this spring."
    page = tmp_path / "page.html"
    page.write_text(LINK_PAGE.replace("</article>", f'</article><section id="comments"><p>{comment}</p></section>'),
                    encoding="utf-8")
    assert comment not in run_cli(str(page)).stdout
    assert comment in run_cli("--include-comments", str(page)).stdout
