"""The benchmark's scoring code: word metric (wcxb-dev), halves by site, per-type summaries and floors.

Every expected figure here is computed by hand from the definitions in ../shared/datasets/README.md.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import quality
from folds import half_of, site_key
from metrics import WordScores, mean_word_scores, snippets_found, word_scores, word_tokens
from wcxb import page_result, summarise, wcxb_pages


def test_word_tokens_are_lowercased_stdlib_word_runs() -> None:
    assert word_tokens("Hello, WORLD! e_mail 3.5") == ["hello", "world", "e_mail", "3", "5"]
    # The standard library's \w (as the benchmark uses), which splits at Devanagari vowel signs.
    assert word_tokens("नमस्ते") == ["नमस", "त"]


def test_word_scores_use_multiset_overlap() -> None:
    # output: the cat sat on the mat (6), truth: the cat the dog (4); overlap: the, the, cat = 3
    s = word_scores("The cat sat on the mat", "the cat the dog")
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(0.6)


def test_word_scores_ignore_case_and_punctuation() -> None:
    assert word_scores("Hello, WORLD!", "hello world") == WordScores(1.0, 1.0, 1.0)


def test_word_scores_empty_sides() -> None:
    assert word_scores("", "") == WordScores(1.0, 1.0, 1.0)
    assert word_scores(" ... ", "-- !") == WordScores(1.0, 1.0, 1.0)  # no tokens on either side
    assert word_scores("", "some truth") == WordScores(0.0, 0.0, 0.0)
    assert word_scores("some output", "") == WordScores(0.0, 0.0, 0.0)
    assert word_scores("alpha", "beta") == WordScores(0.0, 0.0, 0.0)  # no overlap


def test_mean_scores_average_per_page_f1_not_f1_of_means() -> None:
    p, r, f = mean_word_scores([WordScores(1.0, 1.0, 1.0), WordScores(0.5, 0.75, 0.6)])
    assert (p, r) == (pytest.approx(0.75), pytest.approx(0.875))
    assert f == pytest.approx(0.8)  # the F1 of the means would be 0.8077
    assert mean_word_scores([]) == (0.0, 0.0, 0.0)


def test_snippets_match_case_insensitively_as_substrings() -> None:
    assert snippets_found("Foo Bar baz", ["foo bar", "BAZ", "qux", "bar  baz"]) == 2


def test_site_key_is_host_lowercased_without_www() -> None:
    assert site_key("https://WWW.Example.com:8080/x?y=1") == "example.com"
    assert site_key("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert site_key("http://www2.example.com/") == "www2.example.com"
    assert site_key("https://docs.python.org/3/") == "docs.python.org"
    assert site_key(None) == "" and site_key("") == "" and site_key("not a url") == ""
    assert site_key("http://[::1") == ""  # malformed: no usable host, no exception


def test_halves_follow_the_first_byte_of_sha1() -> None:
    # sha1: "" da.., "example.com" 0c.., "tdg.ch" 00.. (even: A); "bbc.co.uk" 69.., "001" e1.. (odd: B)
    assert [half_of(k) for k in ("", "example.com", "tdg.ch", "bbc.co.uk", "001")] == ["A", "A", "A", "B", "B"]


def _page_result(pid: str, kind: str, site: str, f1: float, with_found: int = 0) -> dict:
    return {"id": pid, "type": kind, "site": site, "half": half_of(site), "P": f1, "R": f1, "F1": f1,
            "with": 2, "with_found": with_found, "without": 1, "without_found": 0, "missed": [], "leaked": []}


def test_summary_per_type_and_half() -> None:
    results = [_page_result("1", "article", "example.com", 1.0, 2), _page_result("2", "article", "bbc.co.uk", 0.5),
               _page_result("3", "forum", "example.com", 0.0, 1)]
    s = summarise(results)
    assert s["F1"] == pytest.approx(0.5) and s["n"] == 3 and s["sites"] == 2
    assert s["with_rate"] == pytest.approx(3 / 6) and s["without_rate"] == 0.0
    assert s["types"]["article"]["F1"] == pytest.approx(0.75) and s["types"]["forum"]["F1"] == 0.0
    assert s["types"]["listing"]["n"] == 0
    assert s["folds"]["A"]["n"] == 2 and s["folds"]["A"]["F1"] == pytest.approx(0.5)
    assert s["folds"]["B"]["types"]["article"]["F1"] == pytest.approx(0.5)


def _write_wcxb(root: Path) -> None:
    (root / "html").mkdir(parents=True)
    (root / "text").mkdir()
    (root / "ground-truth").mkdir()
    body = "<p>" + " ".join(["The council approved the new library budget after a long debate."] * 4) + "</p>"
    pages = {"0001": ("article", "https://www.example.com/a", body, "The council approved the new library"),
             "0002": ("category", "https://shop.test/c", "<p>Red shoes</p>", None)}
    for pid, (kind, url, html, truth) in pages.items():
        (root / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(f"<html><body>{html}</body></html>".encode()))
        (root / "text" / f"{pid}.txt").write_text(html[3:-4], encoding="utf-8")
        gt: dict = {"title": "T", "with": ["council approved"], "without": ["Red shoes"]}
        if truth is not None:
            gt["main_content"] = truth
        record = {"url": url, "ground_truth": gt, "_internal": {"page_type": {"primary": kind}}}
        (root / "ground-truth" / f"{pid}.json").write_text(json.dumps(record), encoding="utf-8")


def test_wcxb_pages_read_type_site_and_missing_truth(tmp_path: Path) -> None:
    _write_wcxb(tmp_path)
    a, b = wcxb_pages(tmp_path, "html")
    assert (a.type, a.site, a.path.name) == ("article", "example.com", "0001.html.gz")
    assert (b.type, b.site, b.truth) == ("collection", "shop.test", "")  # category counts as collection
    assert wcxb_pages(tmp_path, "text")[0].path.name == "0001.txt"
    assert page_result(b, "")["F1"] == 1.0 and page_result(b, "Red shoes")["without_found"] == 1


@pytest.mark.parametrize("mode", ["html", "text"])
def test_quality_scores_wcxb_end_to_end_and_checks_type_floors(tmp_path: Path, mode: str) -> None:
    root = tmp_path / "wcxb"
    _write_wcxb(root)
    out_json = tmp_path / "summary.json"
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({mode: {"wcxb.F1": 0.0, "wcxb.collection.F1": 0.0, "traf.F1": 0.5}}))
    args = ["--mode", mode, "--sets", "wcxb", "--wcxb", str(root), "--out", str(tmp_path / "out"),
            "--json", str(out_json), "--folds", "--worst", "2"]
    assert quality.main([*args, "--check-floors", str(floors)]) == 0  # traf not scored: its floor is skipped
    row = json.loads(out_json.read_text())["cleantext"]["wcxb"]
    assert row["n"] == 2 and set(row["types"]) >= {"article", "collection"}
    assert row["folds"]["A"]["n"] + row["folds"]["B"]["n"] == 2
    assert (tmp_path / "out" / mode / "cleantext" / "wcxb-dev" / "0001.txt").exists()
    floors.write_text(json.dumps({mode: {"wcxb.article.F1": 1.01}}))
    assert quality.main([*args, "--check-floors", str(floors)]) == 1


def test_benchmarks_page_shows_wcxb_per_type_and_halves() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from docgen_bench import benchmarks_page

    def part(f1: float, n: int) -> dict:
        return {"P": 0.5, "R": 0.25, "F1": f1, "n": n}

    types = {t: part(0.1 * (i + 1), 10 + i) for i, t in enumerate(
        ("article", "forum", "product", "collection", "listing", "documentation", "service"))}
    wcxb = part(0.8, 91) | {"with_rate": 0.7, "without_rate": 0.05, "errors": 0, "types": types,
                            "folds": {"A": part(0.75, 50) | {"types": types}, "B": part(0.85, 41) | {"types": types}}}
    record = {"recorded": "2026-01-02 03:04 UTC", "modes": {"html": {
        "cleantext": {"traf": part(0.9, 645) | {"errors": 0, "folds": {"A": part(0.91, 300), "B": part(0.89, 345)}},
                      "wcxb": wcxb}}}}
    page = benchmarks_page(record, {"html": {"wcxb.forum.F1": 0.5, "wcxb.F1": 0.7}})
    assert "| tool | P | R | F1 | article (10) | forum (11) |" in page
    assert ("| **cleantext** | 0.500 | 0.250 | 0.800 | 0.100 | 0.200 | 0.300 | 0.400 | 0.500 | 0.600 | 0.700 | "
            "0.700 | 0.050 | 0 |") in page
    assert "| wcxb-dev | B | 41 | 0.850 | 0.100 |" in page
    assert "| trafilatura-eval | A | 300 | 0.910 | – |" in page
    assert "wcxb-dev forum F1 ≥ 0.5" in page and "wcxb-dev F1 ≥ 0.7" in page
