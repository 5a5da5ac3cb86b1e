r"""The scoring metrics of the shared evaluation sets, implemented exactly as specified.

chunk metric (trafilatura-eval): whitespace-normalised substring match of `with` / `without` passages,
micro-averaged. shingle metric (readability pages): multisets of 4-token shingles, per-page P/R averaged.
word metric (wcxb-dev, the benchmark's own): multiset overlap of lower-cased `\w+` tokens, per-page P/R/F1
averaged over pages; snippet rates are case-insensitive substring matches.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import regex
from lxml import html as lxml_html

_WS = regex.compile(r"\s+")
_TOKEN = regex.compile(r"\w+")
_BLOCK = frozenset({
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "pre", "blockquote",
    "table", "tr", "td", "th", "br", "figure", "figcaption", "header", "footer", "dl", "dt", "dd", "hr", "main",
})


def normalise(text: str) -> str:
    """Collapse whitespace runs to one space and strip."""
    return _WS.sub(" ", text).strip()


@dataclass
class ChunkCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: ChunkCounts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    def scores(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def chunk_counts(output: str, with_: list[str], without: list[str]) -> ChunkCounts:
    """TP/FN for `with` passages found/missing, FP/TN for `without` passages found/absent."""
    out = normalise(output)
    c = ChunkCounts()
    for passage in with_:
        if normalise(passage) in out:
            c.tp += 1
        else:
            c.fn += 1
    for passage in without:
        if normalise(passage) in out:
            c.fp += 1
        else:
            c.tn += 1
    return c


def visible_text(html: str) -> str:
    """The visible text of an HTML fragment, block elements on separate lines."""
    if not html.strip():
        return ""
    root = lxml_html.fromstring(html)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []
    stack: list[tuple[bool, object]] = [(True, root)]
    while stack:
        entering, el = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        if entering:
            if not tag:
                parts.append(el.tail or "")  # type: ignore[attr-defined]
                continue
            if tag in _BLOCK:
                parts.append("\n")
            parts.append(el.text or "")  # type: ignore[attr-defined]
            stack.append((False, el))
            stack.extend((True, child) for child in reversed(el))  # type: ignore[arg-type]
        else:
            if tag in _BLOCK:
                parts.append("\n")
            parts.append(el.tail or "")  # type: ignore[attr-defined]
    return "".join(parts)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of 4-token shingles; 1-3 tokens make one shingle, none make none."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


@dataclass
class PageShingles:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def page_shingles(output: str, truth: str) -> PageShingles:
    """Per-page shingle counts, each divided by their sum."""
    got, want = shingles(output), shingles(truth)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageShingles(0.0, 0.0, 0.0)
    return PageShingles(tp / total, fp / total, fn / total)


def shingle_scores(pages: list[PageShingles]) -> tuple[float, float, float]:
    """P averaged over pages with tp+fp > 0, R over pages with tp+fn > 0, F1 of the means."""
    ps = [p.precision for p in pages if p.tp + p.fp > 0]
    rs = [p.recall for p in pages if p.tp + p.fn > 0]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------- word metric (wcxb-dev, the benchmark's own) ----------

_WORD = re.compile(r"\w+")  # the standard library's \w, as the benchmark uses (regex's differs on combining marks)


def word_tokens(text: str) -> list[str]:
    """The benchmark's tokens: ``re.findall(r"\\w+", text.lower())``."""
    return _WORD.findall(text.lower())


@dataclass(frozen=True)
class WordScores:
    precision: float
    recall: float
    f1: float


def word_scores(output: str, truth: str) -> WordScores:
    """One page: P = overlap / output tokens, R = overlap / truth tokens, overlap = multiset intersection.

    No tokens on both sides scores 1; no tokens on one side only scores 0 (an empty output, or any output
    where the truth is empty)."""
    got, want = Counter(word_tokens(output)), Counter(word_tokens(truth))
    n_got, n_want = sum(got.values()), sum(want.values())
    if not n_got and not n_want:
        return WordScores(1.0, 1.0, 1.0)
    if not n_got or not n_want:
        return WordScores(0.0, 0.0, 0.0)
    overlap = sum((got & want).values())
    p, r = overlap / n_got, overlap / n_want
    return WordScores(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def mean_word_scores(pages: list[WordScores]) -> tuple[float, float, float]:
    """P, R and F1 each averaged over pages (F1 is the mean of per-page F1s, not the F1 of the means)."""
    if not pages:
        return 0.0, 0.0, 0.0
    n = len(pages)
    return (sum(p.precision for p in pages) / n, sum(p.recall for p in pages) / n, sum(p.f1 for p in pages) / n)


def snippets_found(output: str, snippets: list[str]) -> int:
    """How many snippets occur in the output as case-insensitive substrings."""
    low = output.lower()
    return sum(1 for s in snippets if s.lower() in low)
