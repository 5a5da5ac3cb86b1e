"""Text mode: phrase packs, caller phrases, the main-text region and the explanation of a WET-like dump."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

import cleantext
from cleantext.phrases import available_kinds, caller_pack, load_pack, normalise
from cleantext.presets import DEFAULT_RULES

# The languages every phrase pack about words must cover.
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "zh")
WORD_PACKS = ("navigation", "newsletter-prompt", "engagement-prompt", "social-links", "comments-widget",
              "related-links", "cookie-notice", "legal-footer", "author-box", "advert", "media-player", "byline")

DUMP = """Example News - Council approves new budget for city parks

Skip to main content
Home
Politics
Business
Sport
Culture

Council approves new budget for city parks

By Jane Doe
19 June 2024

The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the next \
five years, after months of debate between neighbourhood groups and the finance committee.

Supporters said the money would repair playgrounds, plant trees and reopen two swimming pools that have been \
closed since the storms of last winter damaged their roofs and pumps.

Critics argued that the plan relies on optimistic revenue forecasts, and several members asked the mayor to \
publish a detailed schedule before the first contracts are signed in the spring.

Share this article
Facebook
Twitter

Related articles
Mayor opens new playground in the north
Swimming pools to reopen next summer

We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.
Accept all

© 2024 Example News. All rights reserved.
"""

BODY_START = "The city council voted on Tuesday"


def test_every_word_pack_covers_ten_languages() -> None:
    for kind in WORD_PACKS:
        data = json.loads(resources.files("cleantext.phrases").joinpath(f"{kind}.json").read_text("utf-8"))
        langs = set()
        for position in ("line", "start", "contains"):
            langs |= {lang for lang, phrases in (data.get(position) or {}).items() if phrases}
        assert set(LANGUAGES) <= langs, (kind, sorted(set(LANGUAGES) - langs))


def test_packs_load_and_compile() -> None:
    for kind in available_kinds():
        pack = load_pack(kind)
        assert pack.kind == kind
    assert load_pack("navigation").size > 100


def test_normalise_ignores_case_spaces_and_edge_punctuation() -> None:
    assert normalise("  Follow   Us: ") == "follow us"
    assert normalise("» Loading comments… «") == "loading comments"
    assert normalise("!!!") == ""


def test_match_reports_language_and_position() -> None:
    found = load_pack("comments-widget").match("Cargando comentarios…", 2)
    assert found is not None and found.lang == "es" and found.position == "line"
    assert "es comments-widget phrase" in found.describe()


def test_contains_phrases_skip_long_lines() -> None:
    pack = load_pack("newsletter-prompt")
    line = "Please join our newsletter today"
    assert pack.match(line, 4) is not None
    assert pack.match(line, pack.max_words + 1) is None


def test_caller_phrases_join_a_builtin_kind() -> None:
    line = "Unlock the full story with Example Plus"
    page = DUMP.replace("\nSupporters said", f"\n{line}\n\nSupporters said")
    assert line not in [b.text for b in cleantext.clean(page, mode="text").removed]
    doc = cleantext.clean(page, mode="text", extra_phrases={"newsletter-prompt": ["example plus"]})
    block = next(b for b in doc.blocks if b.text == line)
    assert block.rule == "newsletter-prompt" and block.kind == "newsletter-prompt"
    assert "caller" in (block.reason or "")


def test_caller_phrases_of_a_new_kind() -> None:
    doc = cleantext.clean(DUMP + "\nPresented by Acme\n", mode="text", extra_phrases={"sponsor": ["presented by"]})
    block = next(b for b in doc.blocks if b.text == "Presented by Acme")
    assert block.rule == "caller-phrase" and "sponsor" in (block.reason or "")


def test_caller_pack_accepts_regex() -> None:
    assert caller_pack("x", ("re:ticket \\d+",)).match("Ticket 42", 2) is not None


def test_dump_body_and_title() -> None:
    doc = cleantext.clean(DUMP, mode="text")
    assert doc.title == "Council approves new budget for city parks"
    assert len(doc.paragraphs) == 3 and doc.paragraphs[0].startswith(BODY_START)


@pytest.mark.parametrize(("text", "kind"), [
    ("Skip to main content", "navigation"),
    ("Politics", "navigation"),
    ("By Jane Doe", "byline"),
    ("19 June 2024", "byline"),
    ("Share this article", "social-links"),
    ("Mayor opens new playground in the north", "related-links"),
    ("Accept all", "cookie-notice"),
    ("© 2024 Example News. All rights reserved.", "legal-footer"),
])
def test_dump_lines_removed_with_their_kind(text: str, kind: str) -> None:
    doc = cleantext.clean(DUMP, mode="text")
    block = next(b for b in doc.blocks if b.text == text)
    assert block.kind == kind, (block.rule, block.reason)


def test_rules_can_be_switched_off_by_kind() -> None:
    doc = cleantext.clean(DUMP, mode="text", disable=frozenset({"byline"}))
    assert "By Jane Doe" in doc.paragraphs


def test_text_rules_have_unique_names_and_descriptions() -> None:
    names = [r.name for r in DEFAULT_RULES]
    assert len(names) == len(set(names))
    for name in ("before-main-text", "after-main-text", "menu-island", "comment-thread", "byline", "pipe-menu"):
        assert name in names


def test_cli_explain_shows_kinds_of_removed_lines(tmp_path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "cleantext", "--mode", "text", "--explain", str(path)],
                            capture_output=True, text=True, check=True)
    for expected in ("(navigation)", "(social-links)", "(related-links)", "(cookie-notice)", "(legal-footer)"):
        assert expected in result.stdout


def test_empty_and_blank_text() -> None:
    for source in ("", "\n\n  \n", "Hello"):
        doc = cleantext.clean(source, mode="text")
        assert isinstance(doc.text, str)
