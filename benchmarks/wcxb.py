"""wcxb-dev: pages, truth and the benchmark's word metric, summarised overall, per page type and per half.

Pages are `html/<id>.html.gz` (gzip, UTF-8) or, in text mode, `text/<id>.txt`; the truth is
`ground-truth/<id>.json`: `ground_truth.main_content` (a missing one counts as empty), the `with` / `without`
snippets and the page type at `_internal.page_type.primary` (`category` counts as `collection`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from folds import HALVES, half_of, site_key
from metrics import WordScores, mean_word_scores, snippets_found, word_scores

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
TYPE_ALIASES = {"category": "collection"}


@dataclass(frozen=True)
class WcxbPage:
    id: str
    path: Path
    truth: str
    with_: list[str]
    without: list[str]
    type: str
    site: str


def wcxb_pages(root: Path, mode: str) -> list[WcxbPage]:
    """Every page of the set, sorted by id, with its input path for ``mode``."""
    pages = []
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = record.get("ground_truth") or {}
        kind = ((record.get("_internal") or {}).get("page_type") or {}).get("primary") or "unknown"
        pid = gt_path.stem
        path = root / "text" / f"{pid}.txt" if mode == "text" else root / "html" / f"{pid}.html.gz"
        pages.append(WcxbPage(pid, path, gt.get("main_content") or "", list(gt.get("with") or []),
                              list(gt.get("without") or []), TYPE_ALIASES.get(kind, kind),
                              site_key(record.get("url") or gt.get("url"))))
    return pages


def page_result(page: WcxbPage, output: str) -> dict:
    """One page's scores and snippet counts, with the snippets it missed and leaked (for --worst)."""
    s = word_scores(output, page.truth)
    low = output.lower()
    return {"id": page.id, "type": page.type, "site": page.site, "half": half_of(page.site),
            "P": s.precision, "R": s.recall, "F1": s.f1,
            "with": len(page.with_), "with_found": snippets_found(output, page.with_),
            "without": len(page.without), "without_found": snippets_found(output, page.without),
            "missed": [w for w in page.with_ if w.lower() not in low],
            "leaked": [w for w in page.without if w.lower() in low]}


def summary(results: list[dict]) -> dict:
    """Mean P/R/F1 over these pages and the snippet rates (found / all snippets of these pages)."""
    p, r, f = mean_word_scores([WordScores(x["P"], x["R"], x["F1"]) for x in results])
    with_all, without_all = sum(x["with"] for x in results), sum(x["without"] for x in results)
    return {"P": p, "R": r, "F1": f, "n": len(results), "sites": len({x["site"] for x in results}),
            "with_rate": sum(x["with_found"] for x in results) / with_all if with_all else 0.0,
            "without_rate": sum(x["without_found"] for x in results) / without_all if without_all else 0.0}


def summarise(results: list[dict]) -> dict:
    """The whole set and each page type, for all pages and for each half."""
    out = summary(results)
    out["types"] = {t: summary([x for x in results if x["type"] == t]) for t in TYPES}
    out["folds"] = {}
    for h in HALVES:
        part = [x for x in results if x["half"] == h]
        out["folds"][h] = summary(part) | {"types": {t: summary([x for x in part if x["type"] == t])
                                                      for t in TYPES}}
    return out
