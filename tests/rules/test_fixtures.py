"""Per-rule fixture tests: every registered rule has tests/rules/fixtures/<rule-name>.json with cases.

A fixture file:
    {"rule": "<rule name>",
     "cases": [{"mode": "text" | "html", "input": "<page>" | "line": "<line>",
                "removed": [texts this rule must remove], "kept": [texts that must stay in the body],
                "options": {keyword options for clean(), optional},
                "note": "why"}]}
A case with "line" instead of "input" places the line at the end of the standard English article page
of tests/fixture_pages.py, or where "where" says ("start", "middle", "end"); in HTML mode the line becomes a <p>.
Positive examples are the "removed" texts, negative examples the "kept" texts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleantext
from cleantext.presets import DEFAULT_RULES
from fixture_pages import frame

FIXTURES = Path(__file__).resolve().parent / "fixtures"
def load_cases() -> list[tuple[str, int, dict]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            cases.append((data["rule"], i, case))
    return cases


CASES = load_cases()


@pytest.mark.parametrize(("rule_name", "index", "case"), CASES, ids=[f"{r}-{i}" for r, i, _ in CASES])
def test_fixture_case(rule_name: str, index: int, case: dict) -> None:
    mode = case.get("mode", "text")
    source = case["input"] if "input" in case else frame(case["line"], case.get("where", "end"), mode)
    doc = cleantext.clean(source, mode=mode, **case.get("options", {}))
    by_text: dict[str, list] = {}
    for block in doc.blocks:
        by_text.setdefault(block.text, []).append(block)
    for text in case.get("removed", []):
        blocks = by_text.get(text)
        assert blocks, f"no block with text {text!r}; blocks: {[b.text for b in doc.blocks]}"
        assert any(b.rule == rule_name for b in blocks), [(b.rule, b.reason) for b in blocks]
    for text in case.get("kept", []):
        blocks = by_text.get(text)
        assert blocks, f"no block with text {text!r}; blocks: {[b.text for b in doc.blocks]}"
        assert all(b.label in ("body", "title") for b in blocks), [(b.rule, b.reason) for b in blocks]


def test_every_rule_has_fixtures_with_positives_and_negatives() -> None:
    covered: dict[str, tuple[int, int]] = {}
    for rule_name, _, case in CASES:
        pos, neg = covered.get(rule_name, (0, 0))
        covered[rule_name] = (pos + len(case.get("removed", [])), neg + len(case.get("kept", [])))
    for r in DEFAULT_RULES:
        pos, neg = covered.get(r.name, (0, 0))
        assert pos >= 1 and neg >= 1, f"rule {r.name} needs fixture positives and negatives (has {pos}/{neg})"


def test_every_rule_is_described() -> None:
    for r in DEFAULT_RULES:
        assert r.name and r.kind and r.description and len(r.description) < 160, r
