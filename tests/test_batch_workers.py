"""Worker processes of clean_many: a worker that dies or is killed never breaks the batch, never loses or
mislabels a record, and never keeps the process from exiting; workers die with their parent; Ctrl-C ends
a CLI batch with a summary and exit code 130, without a traceback.

The scenarios run in child processes with a time limit, so a hang is a failure and not a stuck suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")

_CHILD_SETUP = """
import json, os, signal, sys, time
import cleantext.batch
from cleantext import Options, Record, clean_many

clean_record = cleantext.batch.clean_record

def cleaner(record, options):
    # "boom" kills its worker every time (a crash in a C library); "flaky" only on its first try (a
    # worker killed from outside, e.g. by the out-of-memory killer); the rest are ordinary pages.
    text = record.content if isinstance(record.content, str) else ""
    if text.startswith("boom"):
        os.kill(os.getpid(), signal.SIGKILL)
    if text.startswith("flaky") and not os.path.exists(sys.argv[1] + "/" + record.id):
        open(sys.argv[1] + "/" + record.id, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return clean_record(record, options)

cleantext.batch.clean_record = cleaner  # forked workers inherit it
"""


def _child(body: str, tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    code = _CHILD_SETUP + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                          timeout=timeout)


def test_killed_workers_fail_only_the_guilty_items_and_the_batch_ends(tmp_path: Path) -> None:
    # Several rounds with different chunk sizes and windows: each round starts a pool, kills workers
    # mid-batch in three ways, and must end (the child exits) with every record in order.
    done = _child("""
        page = "<p>A page with a sentence of body text that survives the cleaning.</p>"
        rounds = []
        for round_ in range(6):
            kinds = ["ok"] * 14
            kinds[2], kinds[7], kinds[13] = "boom", "flaky", "boom"
            kinds[(round_ * 5) % 14] = "flaky" if kinds[(round_ * 5) % 14] == "ok" else kinds[(round_ * 5) % 14]
            records = [Record(id=f"r{round_}-{i}", content=(k + page if k != "ok" else page))
                       for i, k in enumerate(kinds)]
            out = list(clean_many(records, workers=2, window=3 + round_, chunksize=1 + round_ % 3))
            rounds.append({"ids": [r.id for r in out], "want": [r.id for r in records],
                           "errors": [r.error for r in out], "kinds": kinds,
                           "texts": [r.document.text if r.document else None for r in out]})
        print(json.dumps(rounds))
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    for r in json.loads(done.stdout):
        assert r["ids"] == r["want"]
        for kind, error, text in zip(r["kinds"], r["errors"], r["texts"], strict=True):
            if kind == "boom":
                assert error and error.startswith("WorkerCrashed"), r
            else:
                assert error is None and text and "survives the cleaning" in text, r


def test_an_item_that_kills_its_worker_through_clean_many(tmp_path: Path) -> None:
    done = _child("""
        class Dies(str):
            def __reduce__(self):
                return (os._exit, (3,))
        page = "<p>A page with a sentence of body text that survives.</p>"
        for chunksize in (1, 3):
            items = [Record(id=str(i), content=page) for i in range(10)]
            items[4] = Record(id="4", content=Dies("x"))
            out = list(clean_many(items, workers=2, chunksize=chunksize))
            assert [r.id for r in out] == [str(i) for i in range(10)], [r.id for r in out]
            assert [r.ok for r in out] == [i != 4 for i in range(10)], [r.error for r in out]
            assert out[4].error.startswith("WorkerCrashed")
        print("done")
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    code = _CHILD_SETUP + textwrap.dedent("""
        import multiprocessing
        def pages():
            while True:
                yield "<p>A page with a sentence of body text in it.</p>"
        stream = clean_many(pages(), workers=2)
        next(stream)
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        for _ in stream:
            pass
    """)
    parent = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in (parent.stdout.readline() if parent.stdout else "").split()]
        assert len(workers) == 2
        parent.kill()
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers)
    finally:
        parent.kill()
        parent.wait()


def test_ctrl_c_ends_a_cli_batch_with_a_summary_and_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    page = "<p>A page with a sentence of body text in it, long enough to be kept as the body.</p>" * 20
    with source.open("w", encoding="utf-8") as f:
        for i in range(20_000):
            f.write(json.dumps({"id": f"p{i}", "html": page}) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "cleantext", str(source), "--format", "jsonl", "-o", str(out), "--jobs", "2"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole process group
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "(interrupted)" in stderr and "cleaned" in stderr, stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["error"] is None for line in lines)
