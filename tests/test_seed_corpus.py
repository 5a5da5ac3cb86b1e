"""Golden tests: the seed pages come out exactly as tests/corpus/expected/*.json says (do not edit those files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext

CORPUS = Path(__file__).resolve().parent / "corpus"
SEEDS = sorted((CORPUS / "expected").glob("*.json"))

# The expected files name kinds of boilerplate; these are the rule kinds that count as naming them.
KIND_OF_RULE = {
    "navigation": {"navigation"},
    "kicker": {"kicker"},
    "image-caption": {"image-caption"},
    "image-caption-with-photo-credit": {"photo-credit"},
    "image-alt-text": {"image-alt-text"},
    "newsletter-prompt": {"newsletter-prompt"},
    "engagement-prompt": {"engagement-prompt"},
    "vote-counter": {"vote-counter"},
    "social-links": {"social-links"},
    "comments-widget": {"comments-widget"},
}


def _load(path: Path) -> tuple[dict, str]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    return expected, (CORPUS / expected["source"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_title_and_body_exact(path: Path) -> None:
    expected, source = _load(path)
    doc = cleantext.clean(source)
    assert doc.mode == "text"
    assert doc.title == expected["title"]
    assert doc.paragraphs == expected["body"]
    assert doc.text == "\n\n".join(expected["body"])


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_every_boilerplate_line_removed_by_a_rule_of_its_kind(path: Path) -> None:
    expected, source = _load(path)
    doc = cleantext.clean(source)
    removed = {b.text: b for b in doc.removed}
    for item in expected["boilerplate"]:
        block = removed.get(item["text"])
        assert block is not None, f"not removed: {item['text']!r}"
        assert block.kind in KIND_OF_RULE[item["kind"]], (item, block.rule, block.kind, block.reason)
        assert block.rule and block.reason
    # Nothing else was removed: every block is title, body or an expected boilerplate line.
    expected_texts = {i["text"] for i in expected["boilerplate"]}
    assert set(removed) == expected_texts


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_through_cli_json(path: Path) -> None:
    expected, _ = _load(path)
    result = subprocess.run(
        [sys.executable, "-m", "cleantext", "--format", "json", str(CORPUS / expected["source"])],
        capture_output=True, text=True, check=True,
    )
    data = json.loads(result.stdout)
    assert data["title"] == expected["title"]
    assert data["paragraphs"] == expected["body"]
    assert {r["text"] for r in data["removed"]} == {i["text"] for i in expected["boilerplate"]}
