"""The worker processes behind clean_many(workers > 1).

Each worker owns one pipe. It is sent one chunk of records at a time and sends back each record's Result
as soon as it is cleaned, so the parent always knows which record a worker is busy with. That makes a
dying worker cheap to handle: the records it had already reported are kept, the one it was cleaning is
tried once more in a fresh worker (and fails with ``WorkerCrashed`` if it kills that one too), and the
rest of its chunk goes back to the queue. A record still running ``kill_after`` seconds after its worker
started it has its worker killed and fails with ``WorkerTimeout``.

Workers ignore SIGINT (Ctrl-C is the parent's to handle: it ends the batch and kills the workers) and
exit by themselves within a second when the parent dies, even by SIGKILL.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .api import clean
from .options import Options
from .records import Record, Result

# A worker idle this long checks that its parent is still alive.
_PARENT_CHECK_SECONDS = 0.5
# A record whose worker died is tried this many times in all before it fails with WorkerCrashed.
_ATTEMPTS = 2

Cleaner = Callable[[Record, Options], Result]


def _serve(conn: Connection, parent: int, clean_one: Cleaner, options: Options) -> None:
    """Worker main loop: receive a chunk, send one Result per record; None ends the loop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            while not conn.poll(_PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return  # the parent died without telling us (SIGKILL): nobody will read our results
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for record in chunk:
            result = clean_one(record, options)
            try:
                conn.send(result)
            except (BrokenPipeError, EOFError, ConnectionError):
                return
            except Exception as exc:  # the result would not pickle: report that, not nothing
                conn.send(failed(record, f"{type(exc).__name__}: cannot send the result back: {exc}"))


_warm = False


def _warm_up() -> None:
    """Load the rules' patterns and phrase packs once in the parent, so forked workers start warm.

    A first clean() costs ~0.4 s of loading; without this every new worker (and every replacement of a
    dead one) pays it again.
    """
    global _warm
    if not _warm:
        _warm = True
        clean("<html><body><p>A short page to load the rules.</p></body></html>", mode="html")
        clean("A short page to load the rules.", mode="text")


def failed(record: Record, error: str) -> Result:
    """An error Result for a record."""
    return Result(id=record.id, url=record.url, source=record.source, site=record.site, error=error)


@dataclass
class _Entry:
    seq: int
    record: Record
    alone: bool = False  # travel in a chunk of its own (a suspect, or one that could not be sent)
    attempts: int = 0


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: list[_Entry] = field(default_factory=list)
    done: int = 0  # results received for the current task
    started: float = 0.0  # when the record in progress was started (as the parent saw it)

    @property
    def busy(self) -> bool:
        return self.done < len(self.task)


class WorkerPool:
    """Runs records through worker processes; results are collected per sequence number."""

    def __init__(self, workers: int, clean_one: Cleaner, options: Options, chunksize: int,
                 kill_after: float | None) -> None:
        self.size, self.clean_one, self.options = workers, clean_one, options
        self.chunksize, self.kill_after = max(1, chunksize), kill_after
        self.context = multiprocessing.get_context()
        self.workers: list[_Worker] = []
        self.queue: deque[_Entry] = deque()
        self.results: dict[int, Result] = {}

    def submit(self, seq: int, record: Record) -> None:
        self.queue.append(_Entry(seq, record))

    def _start(self) -> _Worker:
        if self.context.get_start_method() == "fork":
            _warm_up()
        ours, theirs = self.context.Pipe(duplex=True)
        process = self.context.Process(target=_serve, args=(theirs, os.getpid(), self.clean_one, self.options),
                                       daemon=True, name="cleantext-worker")
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def _next_chunk(self) -> list[_Entry]:
        first = self.queue.popleft()
        chunk = [first]
        while not first.alone and len(chunk) < self.chunksize and self.queue and not self.queue[0].alone:
            chunk.append(self.queue.popleft())
        return chunk

    def _dispatch(self) -> None:
        idle = [w for w in self.workers if not w.busy]
        while self.queue:
            if not idle:
                if len(self.workers) >= self.size:
                    return
                idle.append(self._start())
            worker = idle.pop()
            chunk = self._next_chunk()
            try:
                worker.conn.send([e.record for e in chunk])
            except (BrokenPipeError, ConnectionError, EOFError):
                worker.task, worker.done = chunk, 0  # it died idle; its sentinel reports it next
                continue
            except Exception as exc:  # an item that cannot be pickled to a worker: it fails alone
                if len(chunk) > 1:
                    self._requeue(chunk, alone=True)
                else:
                    self.results[chunk[0].seq] = failed(chunk[0].record, f"{type(exc).__name__}: {exc}")
                idle.append(worker)
                continue
            worker.task, worker.done, worker.started = chunk, 0, time.monotonic()

    def _requeue(self, entries: list[_Entry], alone: bool) -> None:
        for entry in reversed(entries):
            entry.alone = entry.alone or alone
            self.queue.appendleft(entry)

    def _receive(self, worker: _Worker) -> None:
        """Take every result waiting in a worker's pipe."""
        try:
            while worker.busy and worker.conn.poll():
                result = worker.conn.recv()
                self.results[worker.task[worker.done].seq] = result
                worker.done += 1
                worker.started = time.monotonic()
        except (EOFError, OSError):
            pass  # the worker is gone: its sentinel says so

    def _lost(self, worker: _Worker, error: str | None) -> None:
        """A worker died (error None: by itself) or was killed: settle the records of its task."""
        self.workers.remove(worker)
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        left = worker.task[worker.done:]
        if not left:
            return
        if worker.done == 0 and len(left) > 1 and error is None:
            # It died before reporting anything, perhaps while reading the chunk: each goes alone.
            self._requeue(left, alone=True)
            return
        current, rest = left[0], left[1:]
        self._requeue(rest, alone=False)
        current.attempts += 1
        if error is None and current.attempts < _ATTEMPTS:
            self._requeue([current], alone=True)  # a worker killed from outside should not fail a page
            return
        self.results[current.seq] = failed(
            current.record, error or "WorkerCrashed: the worker process died while cleaning this document")

    def step(self) -> None:
        """Send out queued work, then wait until some result arrives, a worker dies or one runs too long."""
        self._dispatch()
        busy = [w for w in self.workers if w.busy]
        if not busy:
            return
        timeout = None
        if self.kill_after is not None:
            timeout = max(0.0, min(w.started for w in busy) + self.kill_after - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in self.workers], timeout))
        for worker in list(self.workers):
            if worker.conn in ready:
                self._receive(worker)
            if worker.process.sentinel in ready:
                self._receive(worker)
                self._lost(worker, None)
        if self.kill_after is not None:
            now = time.monotonic()
            for worker in [w for w in self.workers if w.busy and now - w.started >= self.kill_after]:
                self._lost(worker, f"WorkerTimeout: the worker was still cleaning this document after "
                                   f"{self.kill_after:g} s")

    def close(self) -> None:
        """Stop every worker (idle ones are told to; busy ones are killed) and wait for them."""
        for worker in self.workers:
            if not worker.busy:
                with contextlib.suppress(OSError, EOFError):
                    worker.conn.send(None)
            else:
                worker.process.kill()
        for worker in self.workers:
            worker.process.join(timeout=2.0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()


def run_parallel(records: Iterator[Record], clean_one: Cleaner, options: Options, workers: int, window: int,
                 chunksize: int, kill_after: float | None) -> Iterator[Result]:
    """Results in input order; at most ``window`` records are read ahead of the last one yielded."""
    pool = WorkerPool(workers, clean_one, options, chunksize, kill_after)
    pulled = yielded = 0
    exhausted = False
    try:
        while True:
            while not exhausted and pulled - yielded < window:
                record = next(records, None)
                if record is None:
                    exhausted = True
                    break
                pool.submit(pulled, record)
                pulled += 1
            while yielded in pool.results:
                yield pool.results.pop(yielded)
                yielded += 1
            if exhausted and yielded == pulled:
                return
            pool.step()
    finally:
        pool.close()
