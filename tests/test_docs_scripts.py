"""Every Python example in the documentation runs as a script pasted into a file (item: examples that only
worked in a notebook or a REPL, such as a Dask one without the ``__main__`` guard, crashed as scripts).

A block that cannot run alone says why in a ``<!-- not a script: ... -->`` line right above it.
Each script runs in a folder holding the files the examples name (pages, JSONL exports, WARC files).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import batch_samples as samples

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Pages about code inside the package (relative imports), not scripts a user writes.
NOT_USER_PAGES = {"adding-a-rule.md"}
_BLOCK = re.compile(r"(?:^(<!-- not a script: [^\n]+ -->)\n)?^```python\n(.*?)^```", re.M | re.S)


def _blocks() -> list[tuple[str, int, str | None, str]]:
    out = []
    for page in sorted(DOCS.glob("*.md")):
        if page.name in NOT_USER_PAGES:
            continue
        text = page.read_text(encoding="utf-8")
        for m in _BLOCK.finditer(text):
            out.append((page.name, text.count("\n", 0, m.start(2)) + 1, m.group(1), m.group(2)))
    return out


BLOCKS = _blocks()
RUN = [(page, line, code) for page, line, skip, code in BLOCKS if skip is None]


def test_blocks_are_found_and_few_are_skipped() -> None:
    assert len(RUN) >= 8
    skipped = [(page, line) for page, line, skip, _ in BLOCKS if skip]
    assert len(skipped) <= len(BLOCKS) // 3, skipped


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with every file the examples read."""
    root = tmp_path_factory.mktemp("docs-sandbox")
    shutil.copytree(ROOT / "examples", root / "examples")
    (root / "page.html").write_text(samples.page_html("a.example", 0), encoding="utf-8")
    samples.write_pages(root / "pages")
    with (root / "export.jsonl").open("w", encoding="utf-8") as f:
        for n in range(3):
            f.write(json.dumps({"url": samples.url("a.example", n), "content": samples.page_html("a.example", n)})
                    + "\n")
    with (root / "export-1.jsonl").open("w", encoding="utf-8") as f:
        for n in range(3):
            f.write(json.dumps({"id": str(n), "url": samples.url("a.example", n),
                                "html": samples.page_html("a.example", n)}) + "\n")
    (root / "crawl").mkdir()
    for name in ("crawl-00000.warc.gz", "crawl-00001.warc.gz", "CC-MAIN-00000.warc.gz",
                 "crawl/CC-MAIN-00000.warc.gz", "crawl/CC-MAIN-00001.warc.gz"):
        samples.write_warc(root / name, count=2)
    return root


@pytest.mark.parametrize(("page", "line", "code"), RUN, ids=[f"{p}:{n}" for p, n, _ in RUN])
def test_python_example_runs_as_a_script(sandbox: Path, page: str, line: int, code: str) -> None:
    script = sandbox / f"example_{page.removesuffix('.md')}_{line}.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, script.name], cwd=sandbox, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, f"{page} line {line}:\n{done.stderr[-3000:]}"
