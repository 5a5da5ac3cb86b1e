"""The documentation cannot drift from the code: the generated pages cover the registry and the parser, and the
hand-written pages only name flags, rules, kinds and pages that exist.

The full site build (`mkdocs build --strict`) runs in CI; these checks are the fast part of it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleantext.cli import build_parser
from cleantext.presets import DEFAULT_RULES
from cleantext.rule import Rule, block_rule

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load_docgen():
    spec = importlib.util.spec_from_file_location("cleantext_docgen", ROOT / "tools" / "docgen.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


docgen = _load_docgen()


@pytest.fixture(scope="module")
def catalogue() -> tuple[list, list[str], str]:
    docs, problems = docgen.document_rules(DEFAULT_RULES, docgen.load_fixtures())
    return docs, problems, docgen.rule_catalogue(docs, docgen.cli_flags(build_parser()))


def test_catalogue_lists_every_registered_rule(catalogue) -> None:
    docs, _, page = catalogue
    assert [d.name for d in docs] == [r.name for r in DEFAULT_RULES]
    for r in DEFAULT_RULES:
        assert f"### `{r.name}` {{#{r.name}}}" in page, r.name
        assert f"| [`{r.name}`](#{r.name}) |" in page, r.name
        assert r.description.replace("|", "\\|") in page.replace("&lt;", "<").replace("&gt;", ">").replace(
            "&amp;", "&"), r.name


def test_catalogue_shows_an_example_of_every_rule(catalogue) -> None:
    docs, problems, _ = catalogue
    for d in docs:
        assert d.removes and d.keeps, f"rule {d.name}: no fixture example to show (tests/rules/fixtures/{d.name}.json)"
        # Each shown example was run through clean(): the rule's own reason is on the page.
        assert all(ex.reason for ex in d.removes), d.name
    assert not problems


def _fake_rule(name: str, kind: str) -> Rule:
    @block_rule(name, kind)
    def test(block, ctx):  # type: ignore[no-untyped-def]
        """Marks lines that say 'remove me', unless the caller asks to include comments."""
        if ctx.options.include_comments:
            return None
        return "says remove me" if block.text == "remove me" else None

    return test


def test_rule_without_fixtures_is_shown_and_reported() -> None:
    fake = _fake_rule("fake-rule", "fake-kind")
    docs, problems = docgen.document_rules([fake], {}, run_examples=False)
    page = docgen.rule_catalogue(docs)
    assert '!!! failure "No fixture examples"' in page
    assert any("fake-rule has no fixture examples" in p for p in problems)


def test_example_its_rule_does_not_mark_is_reported() -> None:
    fake = _fake_rule("fake-rule", "fake-kind")  # not in the chain clean() runs, so it marks nothing
    fixtures = {"fake-rule": [{"line": "remove me", "removed": ["remove me"], "kept": ["keep me"]}]}
    docs, problems = docgen.document_rules([fake], fixtures)
    assert docs[0].removes[0].text == "remove me" and docs[0].removes[0].reason is None
    assert any("is not marked by this rule" in p for p in problems), problems


def test_catalogue_says_how_to_switch_a_rule_off_and_what_it_reads() -> None:
    fake = _fake_rule("fake-rule", "fake-kind")
    fixtures = {"fake-rule": [{"line": "x", "removed": ["remove me"], "kept": ["keep me"]}]}
    docs, _ = docgen.document_rules([fake], fixtures, run_examples=False)
    assert docs[0].options == ("include_comments",)
    page = docgen.rule_catalogue(docs, {"--disable"})
    assert 'Options(disable={"fake-rule"})' in page and 'Options(disable={"fake-kind"})' in page
    assert "--disable fake-rule" in page and "`Options.include_comments`" in page
    assert "- `remove me` (text)" in page and "- `keep me` (text)" in page


def test_code_spans_survive_backticks_and_markup() -> None:
    assert docgen.code("a `b` <c>") == "`` a `b` <c> ``"
    assert docgen.code("x" * 500).endswith("…`")
    assert docgen.prose("<nav> | x") == "&lt;nav&gt; \\| x"


def test_cli_reference_lists_every_option() -> None:
    parser = build_parser()
    page = docgen.cli_reference(parser)
    flags = docgen.cli_flags(parser)
    assert flags
    for flag in flags:
        assert f"`{flag}`" in page, flag


def test_benchmarks_page_shows_date_versions_and_scores() -> None:
    record = {"recorded": "2026-01-02 03:04 UTC", "cleantext": "9.9", "commit": "abc", "python": "3.11",
              "platform": "Linux", "versions": {"trafilatura": "2.3.1"}, "pages": {"readability": 130},
              "command": "python benchmarks/quality.py", "modes": {"html": {
                  "cleantext": {"traf": {"P": 0.9, "R": 0.8, "F1": 0.847, "errors": 0},
                                "read": {"P": 0.95, "R": 0.9, "F1": 0.924, "errors": 1}}}}}
    page = docgen.benchmarks_page(record, {"html": {"traf.F1": 0.8}})
    assert "2026-01-02 03:04 UTC" in page and "trafilatura 2.3.1" in page and "cleantext:** 9.9" in page
    assert "| **cleantext** | 0.900 | 0.800 | 0.847 | 0.950 | 0.900 | 0.924 | 1 |" in page
    assert "trafilatura-eval F1 ≥ 0.8" in page


def test_recorded_benchmark_run_is_complete() -> None:
    record = json.loads(docgen.BENCH_RECORD.read_text(encoding="utf-8"))
    assert record["recorded"] and record["cleantext"] and record["versions"].get("lxml")
    for mode in ("html", "text"):
        row = record["modes"][mode]["cleantext"]
        assert 0 <= row["traf"]["F1"] <= 1 and 0 <= row["read"]["F1"] <= 1


# ---------------------------------------------------------------- hand-written pages

HAND_WRITTEN = sorted(p for p in DOCS.glob("*.md"))
GENERATED = {"rules.md", "cli.md", "benchmarks.md"}


def _code(page: Path) -> str:
    """Code blocks and inline code of a page, plus the example scripts it includes."""
    text = page.read_text(encoding="utf-8")
    parts = re.findall(r"```[a-z]*\n(.*?)```", text, re.S) + re.findall(r"`([^`\n]+)`", text)
    parts += [(DOCS / "examples" / m).read_text(encoding="utf-8")
              for m in docgen.EXAMPLE_MARKER.findall(text) if (DOCS / "examples" / m).exists()]
    parts += docgen.RUN_MARKER.findall(text)
    return "\n".join(parts)


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=lambda p: p.name)
def test_pages_use_only_real_cli_flags(page: Path) -> None:
    flags = docgen.cli_flags(build_parser())
    for line in _code(page).splitlines():
        if re.search(r"(^|[\s|$])cleantext\s", line) and "benchmarks/" not in line:
            for flag in re.findall(r"(?<![\w-])(--[a-z][\w-]*)", line.split("#")[0]):
                assert flag in flags, f"{page.name}: {flag} is not an option of cleantext: {line.strip()}"


USER_PAGES = [p for p in HAND_WRITTEN if p.name != "adding-a-rule.md"]  # that page invents a rule on purpose


@pytest.mark.parametrize("page", USER_PAGES, ids=lambda p: p.name)
def test_pages_disable_only_registered_rules_and_kinds(page: Path) -> None:
    known = {r.name for r in DEFAULT_RULES} | {r.kind for r in DEFAULT_RULES}
    code = _code(page)
    names = re.findall(r"--disable[ =]([\w-]+)", code)
    for group in re.findall(r"disable\s*=\s*(?:frozenset\()?\{([^}]*)\}", code):
        names += re.findall(r"[\"']([\w-]+)[\"']", group)
    for name in names:
        assert name in known, f"{page.name}: {name!r} is neither a registered rule nor a kind"


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=lambda p: p.name)
def test_links_between_pages_resolve(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text):
        assert (DOCS / target).exists() or target in GENERATED, f"{page.name} links to missing {target}"


def test_nav_lists_existing_pages() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    pages = re.findall(r":\s+([\w/-]+\.md)\s*$", nav, re.M)
    assert "rules.md" in pages and "cli.md" in pages and "api.md" in pages
    for name in pages:
        assert (DOCS / name).exists() or name in GENERATED, name
    # Every hand-written page is reachable from the navigation.
    assert {p.name for p in HAND_WRITTEN} <= set(pages)


@pytest.mark.parametrize("script", sorted((DOCS / "examples").glob("*.py")), ids=lambda p: p.name)
def test_example_scripts_run(script: Path) -> None:
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
