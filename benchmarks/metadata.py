"""Score the metadata fields (title, author, dates, site name, language) of cleantext and trafilatura on ../shared.

    python benchmarks/metadata.py --jobs 2                  # both tools, every set, table on stdout
    python benchmarks/metadata.py --folds                   # also per site half (A/B), to check a change on both
    python benchmarks/metadata.py --readme README.md --docs docs/metadata.md    # write the generated tables
    python benchmarks/metadata.py --cost                    # time clean() and building doc.metadata, one process

Sets and truths: trafilatura-eval (annotations.json: title, author, date; pages that have the key), Mozilla
Readability's pages (expected-metadata.json: title, byline, publishedTime, siteName, lang; a missing key is an
empty truth) and wcxb-dev (ground_truth title, author, publish_date; null is an empty truth).
Scoring: title, author and site name are right when the token F1 against the truth is >= 0.8 after lower-casing,
dropping punctuation and a leading "by"; dates when they name the same calendar day; languages when their primary
subtags agree; an empty answer is right only when the truth is empty. The figure is right answers / pages.
Folds: the site key is the URL's host lower-cased without a leading "www." (Readability pages: the folder name);
half A when the first byte of sha1(site key) is even, else half B. Neither tool is given the page's URL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import platform
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readme_section import command_line, replace_section

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets"
# (set, field) pairs scored, with the truth's name for the field.
FIELDS = {
    "trafilatura-eval": (("title", "title"), ("author", "author"), ("date", "date")),
    "readability": (("title", "title"), ("author", "byline"), ("date", "publishedTime"), ("site", "siteName"),
                    ("lang", "lang")),
    "wcxb-dev": (("title", "title"), ("author", "author"), ("date", "publish_date")),
}
TOOLS = ("cleantext", "trafilatura")
_TOKEN = regex.compile(r"\w+")
_DAY = regex.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def site_fold(key: str) -> str:
    """"A" or "B": the half of a site, from the first byte of sha1(site key)."""
    return "A" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def site_key(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def pages(sets: list[str]) -> Iterator[tuple[str, str, str, Path, dict[str, Any]]]:
    """(set, page id, site key, html path, truth) for every page of the chosen sets."""
    if "trafilatura-eval" in sets:
        annotations = json.loads((DATA / "trafilatura-eval" / "annotations.json").read_text(encoding="utf-8"))
        for pid, entry in sorted(annotations.items()):
            yield ("trafilatura-eval", pid, site_key(entry["url"]), DATA / "trafilatura-eval" / "html" / f"{pid}.html",
                   {f: entry.get(t, ...) for f, t in FIELDS["trafilatura-eval"]})
    if "readability" in sets:
        for folder in sorted((DATA / "readability" / "pages").iterdir()):
            meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
            yield ("readability", folder.name, folder.name, folder / "source.html",
                   {f: meta.get(t) for f, t in FIELDS["readability"]})
    if "wcxb-dev" in sets:
        for path in sorted((DATA / "wcxb-dev" / "ground-truth").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            truth = record["ground_truth"]
            pid = path.stem
            yield ("wcxb-dev", pid, site_key(record.get("url") or truth.get("url") or ""),
                   DATA / "wcxb-dev" / "html" / f"{pid}.html.gz", {f: truth.get(t) for f, t in FIELDS["wcxb-dev"]})


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def run_cleantext(data: bytes) -> dict[str, Any]:
    import cleantext

    doc = cleantext.clean(data, mode="html")
    meta = doc.metadata
    return {"title": meta.title, "author": meta.author, "date": meta.date_published, "site": meta.site_name,
            "lang": meta.language, "sources": dict(meta.sources)}


def run_trafilatura(data: bytes) -> dict[str, Any]:
    import trafilatura

    result = trafilatura.bare_extraction(data, with_metadata=True)
    if result is None:
        return {}
    get = result.get if isinstance(result, dict) else lambda k: getattr(result, k, None)
    return {"title": get("title"), "author": get("author"), "date": get("date"), "site": get("sitename"),
            "lang": get("language")}


def extract(job: tuple[str, Path]) -> dict[str, Any]:
    tool, path = job
    try:
        data = read_page(path)
        return run_cleantext(data) if tool == "cleantext" else run_trafilatura(data)
    except Exception as exc:  # a crash is an empty answer
        return {"error": f"{type(exc).__name__}: {exc}"}


def tokens(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower().replace("_", " "))
    return words[1:] if words[:1] == ["by"] else words


def right(field: str, answer: Any, truth: Any) -> bool:
    """The issue's scoring of one answer against one truth."""
    empty_truth = truth is None or (isinstance(truth, str) and not truth.strip())
    if isinstance(answer, list):
        answer = ", ".join(str(a) for a in answer)
    empty_answer = answer is None or (isinstance(answer, str) and not answer.strip())
    if empty_truth or empty_answer:
        return empty_truth and empty_answer
    answer, truth = str(answer), str(truth)
    if field == "date":
        a, t = _DAY.search(answer), _DAY.search(truth)
        return bool(a and t and a.group(0) == t.group(0))
    if field == "lang":
        return answer.replace("_", "-").split("-")[0].lower() == truth.replace("_", "-").split("-")[0].lower()
    a, t = Counter(tokens(answer)), Counter(tokens(truth))
    overlap = sum((a & t).values())
    if not overlap:
        return False
    precision, recall = overlap / sum(a.values()), overlap / sum(t.values())
    return 2 * precision * recall / (precision + recall) >= 0.8


def score(sets: list[str], tools: tuple[str, ...], jobs: int, dump: Path | None,
          peer_cache: Path | None = None) -> dict[str, Any]:
    """{set: {fold: {field: {tool: (right, pages)}}}} with folds "all", "A", "B".

    ``peer_cache``: a JSON file of the peers' answers by set/page/tool, read when present and written after the run
    (their answers do not change while cleantext is tuned)."""
    listed = list(pages(sets))
    cache: dict[str, Any] = {}
    if peer_cache is not None and peer_cache.exists():
        cache = json.loads(peer_cache.read_text(encoding="utf-8"))
    keys = [f"{page[0]}/{page[1]}/{tool}" for page in listed for tool in tools]
    work = [(tool, page[3]) for page in listed for tool in tools]
    todo = [i for i, key in enumerate(keys) if not (key in cache and not key.endswith("/cleantext"))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        done = list(pool.map(extract, [work[i] for i in todo], chunksize=8))
    answers: list[Any] = [cache.get(key) for key in keys]
    for i, answer in zip(todo, done, strict=True):
        answers[i] = answer
    if peer_cache is not None:
        peers = {key: answers[i] for i, key in enumerate(keys) if not key.endswith("/cleantext")}
        peer_cache.write_text(json.dumps(peers, ensure_ascii=False, default=str), encoding="utf-8")
    table: dict[str, Any] = {}
    rows = []
    for i, (name, pid, key, _, truth) in enumerate(listed):
        fold = site_fold(key)
        for j, tool in enumerate(tools):
            answer = answers[i * len(tools) + j]
            for field, value in truth.items():
                if value is ...:  # the truth does not have the field
                    continue
                ok = right(field, answer.get(field), value)
                for part in ("all", fold):
                    cell = table.setdefault(name, {}).setdefault(part, {}).setdefault(field, {}).setdefault(
                        tool, [0, 0])
                    cell[0] += ok
                    cell[1] += 1
                if dump is not None:
                    rows.append({"set": name, "page": pid, "tool": tool, "field": field, "truth": value,
                                 "answer": answer.get(field), "right": ok, "source": answer.get("sources", {}).get(
                                     {"author": "authors", "date": "date_published", "site": "site_name",
                                      "lang": "language"}.get(field, field))})
    if dump is not None:
        dump.write_text("\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in rows) + "\n",
                        encoding="utf-8")
    return table


def render(table: dict[str, Any], tools: tuple[str, ...], folds: bool) -> str:
    parts = ["all", "A", "B"] if folds else ["all"]
    head = "| set | field | pages | " + " | ".join(
        f"{t}{'' if p == 'all' else ' ' + p}" for p in parts for t in tools) + " |"
    lines = [head, "|" + "---|" * (3 + len(parts) * len(tools))]
    for name, by_fold in table.items():
        for field, cells in by_fold["all"].items():
            row = [name, field, str(next(iter(cells.values()))[1])]
            for part in parts:
                for tool in tools:
                    good, total = by_fold.get(part, {}).get(field, {}).get(tool, [0, 0])
                    row.append(f"{good / total:.3f}" if total else "–")
            lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def cost(sets: list[str]) -> str:
    """Milliseconds per page for clean() and for building doc.metadata after it, in this process, HTML mode."""
    import time

    import cleantext

    cleantext.clean("<p>warm up</p>", mode="html").metadata  # noqa: B018 - imports and first-use costs
    cleaning = building = 0.0
    count = 0
    for _, _, _, path, _ in pages(sets):
        data = read_page(path)
        started = time.perf_counter()
        doc = cleantext.clean(data, mode="html")
        middle = time.perf_counter()
        doc.metadata  # noqa: B018 - built on first use
        cleaning += middle - started
        building += time.perf_counter() - middle
        count += 1
    return (f"{count} pages: clean() {1000 * cleaning / count:.2f} ms/page, doc.metadata "
            f"{1000 * building / count:.2f} ms/page ({100 * building / cleaning:.1f}% of clean())")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sets", default="trafilatura-eval,readability,wcxb-dev")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--folds", action="store_true", help="also score each half of the sites (A, B)")
    parser.add_argument("--no-peers", action="store_true", help="cleantext only")
    parser.add_argument("--dump", type=Path, help="write every answer and its truth as JSONL here")
    parser.add_argument("--peer-cache", type=Path, help="reuse the peers' answers from this JSON file (written if new)")
    parser.add_argument("--cost", action="store_true", help="only time clean() and doc.metadata (cleantext)")
    parser.add_argument("--readme", type=Path, help="write the table into this Markdown file")
    parser.add_argument("--docs", type=Path, help="and into this docs page")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        raise SystemExit(f"no datasets at {DATA}")
    if args.cost:
        print(cost([s for s in args.sets.split(",") if s]))
        return
    tools = ("cleantext",) if args.no_peers else TOOLS
    table = score([s for s in args.sets.split(",") if s], tools, args.jobs, args.dump, args.peer_cache)
    text = render(table, tools, args.folds)
    print(text)
    if args.readme or args.docs:
        import trafilatura

        import cleantext

        command = command_line("benchmarks/metadata.py", argv, {"--readme", "--docs", "--dump", "--peer-cache"})
        body = (f"Measured {dt.date.today().isoformat()} with `{command}` (Python {platform.python_version()}, "
                f"cleantext {cleantext.__version__}, trafilatura {trafilatura.__version__}): right answers / pages "
                "whose truth has the field (an empty answer is right only when the truth is empty); scoring in "
                "benchmarks/metadata.py.\n\n" + text)
        for path in (args.readme, args.docs):
            if path is not None:
                replace_section(path, "metadata", "benchmarks/metadata.py --readme", body, "## Metadata")


if __name__ == "__main__":
    main()
