"""The tables benchmarks/quality.py prints, writes into README.md and saves as JSON (never typed by hand)."""

from __future__ import annotations

import datetime
import platform

from folds import HALVES
from readme_section import command_line
from wcxb import TYPES

SET_TITLES = {"traf": "trafilatura-eval", "read": "readability", "wcxb": "wcxb-dev"}
METRICS = {"traf": "chunk metric", "read": "shingle metric", "wcxb": "word metric"}
DISTS = {"cleantext": "cleantext", "cleantext+title": "cleantext", "trafilatura": "trafilatura",
         "readability-lxml": "readability-lxml", "jusText": "justext"}


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "-"


def _prf(s: dict) -> str:
    return f"{s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f}"


def _types_f1(s: dict) -> str:
    return " | ".join(f"{s['types'][t]['F1']:.3f}" if s["types"][t]["n"] else "–" for t in TYPES)


def _counts(s: dict, sets_key: str) -> str:
    return f"{s['n']} pages, {s['sites']} sites" if sets_key != "read" else f"{s['n']} pages"


def tables(rows: dict, sets: list[str], mode: str, folds: bool = False) -> str:
    """The console report: P/R/F1 per set; wcxb-dev per page type; with ``folds``, each half beside the whole."""
    first = next(iter(rows.values()))
    out = ["", f"mode: {mode}    sets: " + ", ".join(f"{SET_TITLES[s]} ({first[s]['n']} pages, {METRICS[s]})"
                                                      for s in sets)]
    out.append("| tool | " + " | ".join(f"{s} P | {s} R | {s} F1" for s in sets) + " | errors | seconds |")
    out.append("|---" * (2 + 3 * len(sets)) + "|---|")
    for tool, row in rows.items():
        out.append(f"| {tool} | " + " | ".join(_prf(row[s]) for s in sets)
                   + f" | {sum(row[s]['errors'] for s in sets)} | {row['seconds']:.1f} |")
    if "wcxb" in sets:
        out += ["", f"wcxb-dev word F1 per page type ({mode} mode); snippet rates: `with` found (higher is better), "
                "`without` found (lower is better)",
                "| tool | all | " + " | ".join(TYPES) + " | with found | without found |",
                "|---" * (4 + len(TYPES)) + "|",
                *(f"| {tool} | {row['wcxb']['F1']:.3f} | {_types_f1(row['wcxb'])} | {row['wcxb']['with_rate']:.3f} | "
                  f"{row['wcxb']['without_rate']:.3f} |" for tool, row in rows.items()),
                "", "pages per type: " + ", ".join(f"{t} {first['wcxb']['types'][t]['n']}" for t in TYPES)]
    if folds:
        out += ["", "halves by site (A: first byte of sha1(site) even, B: odd); F1 of each half beside the whole"]
        for s in sets:
            parts = "; ".join(f"half {h}: {_counts(first[s]['folds'][h], s)}" for h in HALVES)
            out += ["", f"{SET_TITLES[s]} ({_counts(first[s], s)}; {parts})"]
            if s == "wcxb":
                out += ["| tool | part | pages | P | R | F1 | " + " | ".join(TYPES) + " |",
                        "|---" * (6 + len(TYPES)) + "|"]
                for tool, row in rows.items():
                    for name, part in (("whole", row[s]), *((h, row[s]["folds"][h]) for h in HALVES)):
                        out.append(f"| {tool} | {name} | {part['n']} | {_prf(part)} | {_types_f1(part)} |")
            else:
                out += ["| tool | whole P | R | F1 | A P | R | F1 | B P | R | F1 | B - A F1 |", "|---" * 11 + "|"]
                for tool, row in rows.items():
                    a, b = row[s]["folds"]["A"], row[s]["folds"]["B"]
                    out.append(f"| {tool} | {_prf(row[s])} | {_prf(a)} | {_prf(b)} | {b['F1'] - a['F1']:+.3f} |")
        if "wcxb" in sets:
            out += ["", "wcxb-dev pages per type and half: " + ", ".join(
                f"{t} {first['wcxb']['folds']['A']['types'][t]['n']}/{first['wcxb']['folds']['B']['types'][t]['n']}"
                for t in TYPES)]
    return "\n".join(out)


def worst(row: dict, n: int) -> str:
    """The N worst pages of each scored set, with what was missed and what leaked."""
    out = []
    if "traf" in row:
        out.append("\nworst trafilatura-eval pages (missed = with not found, leaked = without found):")
        for page in sorted(row["traf"]["pages"], key=lambda x: -(x["fn"] + x["fp"]))[:n]:
            out.append(f"  {page['id']}  fn={page['fn']} fp={page['fp']} {page['error'] or ''}")
            out += [f"      missed: {m[:100]}" for m in page["missed"]]
            out += [f"      leaked: {m[:100]}" for m in page["leaked"]]
    if "read" in row:
        out.append("\nworst readability pages:")
        for page in sorted(row["read"]["pages"], key=lambda x: min(x["P"], x["R"]))[:n]:
            out.append(f"  {page['id']:40} P={page['P']:.3f} R={page['R']:.3f} {page['error'] or ''}")
    if "wcxb" in row:
        out.append("\nworst wcxb-dev pages (largest F1 loss; missed = `with` snippet not found, leaked = `without` "
                   "snippet found):")
        for page in sorted(row["wcxb"]["pages"], key=lambda x: (x["F1"], x["id"]))[:n]:
            out.append(f"  {page['id']} {page['type']:13} {page['site']:30} F1={page['F1']:.3f} P={page['P']:.3f} "
                       f"R={page['R']:.3f} half {page['half']} {page['error'] or ''}")
            out += [f"      missed: {m[:100]}" for m in page["missed"]]
            out += [f"      leaked: {m[:100]}" for m in page["leaked"]]
    return "\n".join(out)


def summary_json(rows: dict) -> dict:
    """Every tool's scores per set, without the per-page details (what docs/data/benchmarks.json records)."""
    keep = ("P", "R", "F1", "n", "sites", "with_rate", "without_rate")
    summary: dict = {}
    for tool, row in rows.items():
        summary[tool] = {}
        for s in SET_TITLES:
            if s not in row:
                continue
            found = {k: row[s][k] for k in (*keep, "errors") if k in row[s]}
            found["folds"] = {h: {k: v for k, v in part.items() if k in keep or k == "types"}
                              for h, part in row[s]["folds"].items()}
            if "types" in row[s]:
                found["types"] = row[s]["types"]
            summary[tool][s] = found
    return summary


def accuracy_section(rows: dict, sets: list[str], mode: str, argv: list[str] | None) -> str:
    """The results as Markdown (without a heading): date, command, versions, and one table per kind of set."""
    first = next(iter(rows.values()))
    command = command_line("benchmarks/quality.py", argv, {"--out", "--json", "--readme", "--accuracy-md"})
    described = ", ".join(f"{SET_TITLES[s]} ({first[s]['n']} pages, {METRICS[s]})" for s in sets)
    lines = [f"Measured {datetime.date.today().isoformat()} with `{command.strip()}` ({mode} mode, Python "
             f"{platform.python_version()}): {described}; see benchmarks/metrics.py. Every tool is scored on its "
             "body text without the headline.", ""]
    older = [s for s in ("traf", "read") if s in sets]
    if older:
        lines += ["| tool | version | " + " | ".join(f"{SET_TITLES[s]} P | R | F1" for s in older) + " |",
                  "|---|---|" + "---|---|---|" * len(older)]
        lines += [f"| {tool} | {_version(DISTS.get(tool, tool))} | " + " | ".join(_prf(row[s]) for s in older) + " |"
                  for tool, row in rows.items()]
        lines.append("")
    if "wcxb" in sets:
        counts = ", ".join(f"{t} {first['wcxb']['types'][t]['n']}" for t in TYPES)
        lines += [f"wcxb-dev: mean word P, R and F1 over pages, F1 per page type ({counts}), and the shares of "
                  "`with` and `without` snippets found:", "",
                  "| tool | version | P | R | F1 | " + " | ".join(TYPES) + " | with found | without found |",
                  "|---" * (7 + len(TYPES)) + "|"]
        lines += [f"| {tool} | {_version(DISTS.get(tool, tool))} | {_prf(row['wcxb'])} | {_types_f1(row['wcxb'])} | "
                  f"{row['wcxb']['with_rate']:.3f} | {row['wcxb']['without_rate']:.3f} |" for tool, row in rows.items()]
        lines.append("")
    return "\n".join(lines)
