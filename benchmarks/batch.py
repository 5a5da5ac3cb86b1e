"""Batch throughput: docs/s of `cleantext --jobs 1`, `--jobs 2`, and the Dask integration on a local cluster.

    python benchmarks/batch.py                  # every HTML page of ../shared/datasets (775 pages)
    python benchmarks/batch.py --limit 200      # a quicker run
    python benchmarks/batch.py --workers 2      # worker processes of the local Dask cluster (default 2)

Each CLI run is the real command in a fresh process (start-up included), writing JSONL to a temporary
file; the Dask run starts a LocalCluster (its start-up is reported apart) and cleans the same files with
cleantext.integrations.dask.clean_files. All runs must produce the same records.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO.parent / "shared" / "datasets"


def dataset_pages(root: Path) -> list[str]:
    pages = sorted((root / "trafilatura-eval" / "html").glob("*.html"))
    pages += sorted((root / "readability" / "pages").glob("*/source.html"))
    return [str(p) for p in pages]


def children_cpu() -> float:
    """CPU seconds used by finished child processes (the CLI runs, the cluster's workers once closed)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(paths: list[str], jobs: int) -> tuple[float, list[dict]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "cleantext", "--input-format", "html", "--format", "jsonl",
                               "--quiet", "--jobs", str(jobs), "--output", str(out), *paths],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            raise SystemExit(f"cleantext --jobs {jobs} failed:\n{proc.stderr}")
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return seconds, records


def run_dask(paths: list[str], workers: int) -> tuple[float, float, list[dict]]:
    import distributed

    from cleantext.integrations.dask import clean_files
    from cleantext.io import ReadOptions

    started = time.perf_counter()
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    client = distributed.Client(cluster)
    startup = time.perf_counter() - started
    try:
        started = time.perf_counter()
        # About 8 partitions per worker: enough to balance uneven pages, few enough to keep task overhead low.
        per_partition = max(1, len(paths) // (8 * workers))
        records = clean_files(paths, read_options=ReadOptions(input_format="html"),
                              files_per_partition=per_partition).compute()
        seconds = time.perf_counter() - started
    finally:
        client.close()
        cluster.close()
    return startup, seconds, records


def differences(records: list[dict], reference: list[dict]) -> str:
    """'yes', or 'NO' with the first record and fields that differ (the code or data changed between runs?)."""
    if records == reference:
        return "yes"
    if len(records) != len(reference):
        return f"NO ({len(records)} vs {len(reference)} records)"
    for a, b in zip(records, reference, strict=True):
        if a != b:
            fields = ", ".join(k for k in a if a.get(k) != b.get(k))
            return f"NO ({a['id']}: {fields})"
    return "NO"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=Path, default=DATASETS)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N pages")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    args = ap.parse_args()
    paths = dataset_pages(args.datasets)
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"no pages under {args.datasets}", file=sys.stderr)
        return 1
    n = len(paths)
    print(f"{n} HTML pages from {args.datasets}; {os.cpu_count()} CPUs\n")
    rows = []
    reference = None
    for jobs in (1, 2):
        load, cpu = os.getloadavg()[0], children_cpu()
        seconds, records = run_cli(paths, jobs)
        cpu = children_cpu() - cpu
        reference = reference or records
        same = differences(records, reference)
        failed = sum(1 for r in records if r["error"])
        rows.append((f"cleantext --jobs {jobs}", "-", seconds, n / seconds, cpu, load, failed, same))
    if not args.no_dask:
        load, cpu = os.getloadavg()[0], children_cpu()
        startup, seconds, records = run_dask(paths, args.workers)
        cpu = children_cpu() - cpu
        same = differences(records, reference)
        failed = sum(1 for r in records if r["error"])
        rows.append((f"Dask LocalCluster, {args.workers} processes", f"{startup:.1f}", seconds, n / seconds, cpu, load,
                     failed, same))
    # The load average says how much else the machine was running: scaling needs idle cores to show.
    print("| run | cluster start (s) | wall time (s) | docs/s | worker CPU (s) | load before | failed "
          "| records equal --jobs 1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, start, seconds, rate, cpu, load, failed, same in rows:
        print(f"| {name} | {start} | {seconds:.1f} | {rate:.1f} | {cpu:.1f} | {load:.1f} | {failed} | {same} |")
    base = rows[0][3]
    print("\nscaling vs --jobs 1: " + ", ".join(f"{r[0]}: x{r[3] / base:.2f}" for r in rows[1:]))
    return 0 if all(r[-1] == "yes" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
