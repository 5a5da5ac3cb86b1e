"""Score cleantext (and peers, when installed) on the shared evaluation sets.

    python benchmarks/quality.py                       # HTML mode, cleantext only, all three sets
    python benchmarks/quality.py --mode text           # text mode on the text dumps
    python benchmarks/quality.py --peers               # add trafilatura, readability-lxml, jusText (text mode:
                                                       # trafilatura, jusText, "no cleaning", "C4 lines")
    python benchmarks/quality.py --sets wcxb --folds   # one set, with each half (split by site) beside the whole
    python benchmarks/quality.py --worst 10            # show the worst pages with missed / leaked text
    python benchmarks/quality.py --check-floors benchmarks/floors.json   # CI regression gate

Sets: trafilatura-eval (chunk metric), Mozilla Readability's test pages (shingle metric) and wcxb-dev (the
benchmark's word metric, overall and per page type, with snippet rates); see benchmarks/metrics.py. Every tool
is scored on its body text without the headline (see run_cleantext for why).

Per-page outputs are written to --out (default benchmarks/out/<mode>/<tool>/) so two runs can be diffed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality_report as report
from folds import HALVES, half_of, site_key
from metrics import ChunkCounts, chunk_counts, page_shingles, shingle_scores, visible_text
from wcxb import page_result as wcxb_result
from wcxb import summarise as wcxb_summarise
from wcxb import wcxb_pages

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TRAF = REPO.parent / "shared" / "datasets" / "trafilatura-eval"
DEFAULT_READ = REPO.parent / "shared" / "datasets" / "readability"
DEFAULT_WCXB = REPO.parent / "shared" / "datasets" / "wcxb-dev"
C4_BAD = ("javascript", "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
          "use cookies")

Extractor = Callable[[bytes, str], str]


# ---------- extractors: (page bytes, mode) -> output text ----------

def run_cleantext(data: bytes, mode: str) -> str:
    """The body text. The headline is metadata (doc.title), as in the peers' outputs: trafilatura.extract()
    and readability-lxml's summary() leave it out, and so do most truths (readability's expected.html drops the
    headline; trafilatura-eval lists titles more often under `without` than `with`). `cleantext+title` scores
    render.to_text(doc) with the title for comparison."""
    import cleantext
    from cleantext.render import to_text

    return to_text(cleantext.clean(data, mode=mode), with_title=False)


def run_cleantext_title(data: bytes, mode: str) -> str:
    import cleantext
    from cleantext.render import to_text

    return to_text(cleantext.clean(data, mode=mode))


def run_raw(data: bytes, mode: str) -> str:
    return data.decode("utf-8", "replace")


def run_c4(data: bytes, mode: str) -> str:
    """C4-style line filter: keep lines ending in . ? ! or " with >= 5 words and no policy words."""
    kept = []
    for line in data.decode("utf-8", "replace").splitlines():
        s = line.strip()
        low = s.lower()
        if len(s.split()) >= 5 and s.endswith((".", "?", "!", '"')) and not any(b in low for b in C4_BAD):
            kept.append(s)
    return "\n".join(kept)


def _lines_as_html(data: bytes) -> str:
    from html import escape

    lines = data.decode("utf-8", "replace").splitlines()
    return "<html><body>" + "".join(f"<p>{escape(x)}</p>" for x in lines if x.strip()) + "</body></html>"


def run_trafilatura(data: bytes, mode: str) -> str:
    """trafilatura.extract without comments, with tables: the settings behind the reference figures in
    ../shared/datasets/README.md (they give trafilatura-eval HTML 0.928 and wcxb-dev 0.823 there; with the
    library's defaults, which keep comments, 0.923 and 0.818)."""
    import trafilatura

    src = _lines_as_html(data) if mode == "text" else data
    return trafilatura.extract(src, include_comments=False, include_tables=True) or ""


def run_readability(data: bytes, mode: str) -> str:
    from readability import Document

    return visible_text(Document(data.decode("utf-8", "replace") if mode == "text" else data).summary())


# jusText needs the page's stoplist; the peer gets the one of the page's declared language (<html lang>),
# English when the language is undeclared or has no stoplist.
_JUSTEXT_LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                      "pl": "Polish", "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "cs": "Czech",
                      "sv": "Swedish", "da": "Danish", "fi": "Finnish", "hu": "Hungarian", "tr": "Turkish",
                      "ro": "Romanian", "sk": "Slovak", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
                      "uk": "Ukrainian", "el": "Greek", "ca": "Catalan", "hr": "Croatian", "id": "Indonesian"}


def _justext_language(src: bytes) -> str:
    import re

    match = re.search(rb"<html[^>]{0,300}?\blang\s*=\s*[\"']?([A-Za-z]{2})", src[:20000], re.I)
    code = match.group(1).decode("ascii").lower() if match else "en"
    return _JUSTEXT_LANGUAGES.get(code, "English")


def run_justext(data: bytes, mode: str) -> str:
    import justext

    src = _lines_as_html(data).encode() if mode == "text" else data
    paragraphs = justext.justext(src, justext.get_stoplist(_justext_language(src)))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


TOOLS: dict[str, Extractor] = {
    "cleantext": run_cleantext,
    "cleantext+title": run_cleantext_title,
    "trafilatura": run_trafilatura,
    "readability-lxml": run_readability,
    "jusText": run_justext,
    "no cleaning": run_raw,
    "C4 lines": run_c4,
}
HTML_PEERS = ("trafilatura", "readability-lxml", "jusText")
TEXT_PEERS = ("trafilatura", "jusText")
TEXT_BASELINES = ("no cleaning", "C4 lines")


# ---------- datasets ----------

def traf_pages(root: Path, mode: str) -> list[tuple[str, Path, dict]]:
    annotations = json.loads((root / "annotations.json").read_text(encoding="utf-8"))
    pages = []
    for pid, ann in sorted(annotations.items()):
        path = root / ("text" if mode == "text" else "html") / (f"{pid}.txt" if mode == "text" else f"{pid}.html")
        pages.append((pid, path, ann))
    return pages


def read_pages(root: Path, mode: str) -> list[tuple[str, Path, str]]:
    pages = []
    for page_dir in sorted((root / "pages").iterdir()):
        truth = visible_text((page_dir / "expected.html").read_text(encoding="utf-8"))
        path = root / "text" / f"{page_dir.name}.txt" if mode == "text" else page_dir / "source.html"
        pages.append((page_dir.name, path, truth))
    return pages


def _read_input(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data  # wcxb-dev's pages are gzipped


def _extract(job: tuple[str, str, str]) -> tuple[str, float, str | None]:
    tool, path, mode = job
    data = _read_input(Path(path))
    started = time.perf_counter()
    try:
        out = TOOLS[tool](data, mode)
        error = None
    except Exception as exc:  # a crash counts as empty output
        out, error = "", f"{type(exc).__name__}: {exc}"
    return out, time.perf_counter() - started, error


def extract_all(tool: str, paths: list[Path], mode: str, jobs: int) -> list[tuple[str, float, str | None]]:
    work = [(tool, str(p), mode) for p in paths]
    if jobs <= 1:
        return [_extract(w) for w in work]
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        return pool.map(_extract, work, chunksize=8)


# ---------- scoring ----------

def score_traf(tool: str, root: Path, mode: str, jobs: int, out_dir: Path | None) -> dict:
    pages = traf_pages(root, mode)
    results = extract_all(tool, [p for _, p, _ in pages], mode, jobs)
    per_page = []
    for (pid, _, ann), (out, secs, error) in zip(pages, results, strict=True):
        c = chunk_counts(out, ann.get("with", []), ann.get("without", []))
        site = site_key(ann.get("url"))
        per_page.append({"id": pid, "counts": c, "site": site, "half": half_of(site),
                         "tp": c.tp, "fn": c.fn, "fp": c.fp, "error": error, "seconds": secs,
                         "missed": [w for w in ann.get("with", []) if _norm_in(w, out) is False],
                         "leaked": [w for w in ann.get("without", []) if _norm_in(w, out)]})
        _save(out_dir, pid, out)

    def part(pages_: list[dict]) -> dict:
        total = ChunkCounts()
        for x in pages_:
            total.add(x["counts"])
        p, r, f = total.scores()
        return {"P": p, "R": r, "F1": f, "n": len(pages_), "sites": len({x["site"] for x in pages_})}

    return part(per_page) | {"pages": per_page, "errors": sum(1 for x in per_page if x["error"]),
                             "folds": {h: part([x for x in per_page if x["half"] == h]) for h in HALVES}}


def score_read(tool: str, root: Path, mode: str, jobs: int, out_dir: Path | None) -> dict:
    pages = read_pages(root, mode)
    results = extract_all(tool, [p for _, p, _ in pages], mode, jobs)
    per_page = []
    for (name, _, truth), (out, secs, error) in zip(pages, results, strict=True):
        s = page_shingles(out, truth)
        per_page.append({"id": name, "shingles": s, "site": name, "half": half_of(name),
                         "P": s.precision, "R": s.recall, "error": error, "seconds": secs})
        _save(out_dir, name, out)

    def part(pages_: list[dict]) -> dict:
        p, r, f = shingle_scores([x["shingles"] for x in pages_])
        return {"P": p, "R": r, "F1": f, "n": len(pages_), "sites": len(pages_)}

    return part(per_page) | {"pages": per_page, "errors": sum(1 for x in per_page if x["error"]),
                             "folds": {h: part([x for x in per_page if x["half"] == h]) for h in HALVES}}


def score_wcxb(tool: str, root: Path, mode: str, jobs: int, out_dir: Path | None) -> dict:
    pages = wcxb_pages(root, mode)
    results = extract_all(tool, [p.path for p in pages], mode, jobs)
    per_page = []
    for page, (out, secs, error) in zip(pages, results, strict=True):
        per_page.append(wcxb_result(page, out) | {"error": error, "seconds": secs})
        _save(out_dir, page.id, out)
    return wcxb_summarise(per_page) | {"pages": per_page, "errors": sum(1 for x in per_page if x["error"])}


SCORERS = {"traf": score_traf, "read": score_read, "wcxb": score_wcxb}
SET_NAMES = {"traf": "trafilatura-eval", "read": "readability", "wcxb": "wcxb-dev"}


def _norm_in(passage: str, out: str) -> bool:
    from metrics import normalise

    return normalise(passage) in normalise(out)


def _save(out_dir: Path | None, pid: str, text: str) -> None:
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{pid}.txt").write_text(text, encoding="utf-8")


def available(tool: str) -> bool:
    module = {"trafilatura": "trafilatura", "readability-lxml": "readability", "jusText": "justext"}.get(tool)
    if module is None:
        return True
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--sets", nargs="+", choices=tuple(SCORERS), default=list(SCORERS),
                    help="score only these sets (default: all three)")
    ap.add_argument("--traf", type=Path, default=DEFAULT_TRAF, help="trafilatura-eval directory")
    ap.add_argument("--read", type=Path, default=DEFAULT_READ, help="readability pages directory")
    ap.add_argument("--wcxb", type=Path, default=DEFAULT_WCXB, help="wcxb-dev directory")
    ap.add_argument("--peers", action="store_true", help="also score the peers that are installed")
    ap.add_argument("--tools", nargs="*", help="score exactly these tools")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--folds", action="store_true", help="also print each half of each set (split by site)")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out", help="per-page outputs go here")
    ap.add_argument("--worst", type=int, default=0, help="print the N worst pages of cleantext per set")
    ap.add_argument("--check-floors", type=Path, help="fail (exit 1) when cleantext scores below these floors")
    ap.add_argument("--json", type=Path, help="write the summary table as JSON here")
    ap.add_argument("--accuracy-md", type=Path,
                    help="write a Markdown 'Accuracy' section (table, date, versions, command) here")
    ap.add_argument("--readme", type=Path,
                    help="replace this mode's generated accuracy table in this README (between its markers)")
    args = ap.parse_args(argv)

    sets = [s for s in SCORERS if s in args.sets]  # always in the same order
    missing = [str(getattr(args, s)) for s in sets if not getattr(args, s).exists()]
    if missing:
        print(f"quality: datasets not found ({', '.join(missing)}); nothing scored", file=sys.stderr)
        return 0 if not args.check_floors else 3
    tools = list(args.tools or ["cleantext"])
    if args.peers:
        tools += [t for t in (HTML_PEERS if args.mode == "html" else TEXT_PEERS + TEXT_BASELINES)
                  if available(t) and t not in tools]
    rows = {}
    for tool in tools:
        slug = tool.replace(" ", "-")
        started = time.perf_counter()
        row: dict = {}
        for s in sets:
            out_dir = args.out / args.mode / slug / SET_NAMES[s]
            row[s] = SCORERS[s](tool, getattr(args, s), args.mode, args.jobs, out_dir)
        rows[tool] = row | {"seconds": time.perf_counter() - started}

    if args.accuracy_md:
        args.accuracy_md.write_text("## Accuracy\n\n" + report.accuracy_section(rows, sets, args.mode, argv),
                                    encoding="utf-8")
    if args.readme:
        from readme_section import replace_section

        replace_section(args.readme, f"accuracy-{args.mode}", "benchmarks/quality.py --readme",
                        report.accuracy_section(rows, sets, args.mode, argv), "## Accuracy")
    print(report.tables(rows, sets, args.mode, folds=args.folds))
    if args.worst and "cleantext" in rows:
        print(report.worst(rows["cleantext"], args.worst))
    if args.json:
        args.json.write_text(json.dumps(report.summary_json(rows), indent=1))
    if args.check_floors:
        return _check_floors(rows.get("cleantext"), args.check_floors, args.mode)
    return 0


def _check_floors(row: dict | None, floors_path: Path, mode: str) -> int:
    """Each floor key is `set.metric` or `set.type.metric` (wcxb-dev per page type); sets not scored are skipped."""
    if row is None:
        print("quality: --check-floors needs cleantext among the tools", file=sys.stderr)
        return 2
    floors = json.loads(floors_path.read_text())[mode]
    failed = []
    for key, floor in floors.items():
        set_name, *path = key.split(".")
        if set_name not in row:
            print(f"floor {mode}.{key}: not scored in this run")
            continue
        value = row[set_name]["types"][path[0]][path[1]] if len(path) == 2 else row[set_name][path[0]]
        status = "ok" if value >= floor else "BELOW FLOOR"
        print(f"floor {mode}.{key}: {value:.4f} >= {floor:.4f} {status}")
        if value < floor:
            failed.append(key)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
