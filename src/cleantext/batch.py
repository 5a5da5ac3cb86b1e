"""clean_many(): clean a stream of pages in parallel processes, results in input order, failures as results.

Memory stays bounded: items are pulled from the input only when a worker slot frees up, at most
``window`` of them are in flight, and results are yielded (in input order) as soon as they are ready.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .api import check_disable, clean
from .options import Options
from .pool import run_parallel
from .records import Record, Result
from .templates import TemplateOptions, detect_templates


def as_record(item: object, index: int) -> Record:
    """Normalise one input item (str, bytes, Record or mapping) to a Record; ids default to the position."""
    if isinstance(item, Record):
        return item
    if isinstance(item, str | bytes | bytearray | memoryview):
        return Record(id=str(index), content=bytes(item) if not isinstance(item, str) else item)
    if isinstance(item, Mapping):
        return Record.from_mapping(item, index)
    return Record(id=str(index), content=None, error=f"TypeError: cannot clean a {type(item).__name__}")


def clean_record(record: Record, options: Options) -> Result:
    """Clean one record; any exception becomes an error result (this runs inside worker processes)."""
    result = Result(id=record.id, url=record.url, source=record.source, site=record.site)
    if record.error is not None:
        result.error = record.error
        return result
    if record.content is None:
        result.error = "no content"
        return result
    opts = options
    if record.mode in ("html", "text") and options.mode == "auto":
        opts = options.replace(mode=record.mode)
    if record.url and opts.url is None and isinstance(record.url, str):
        opts = opts.replace(url=record.url)  # evidence for the page type
    try:
        result.document = clean(record.content, options=opts)
    except Exception as exc:  # a bad page must never end the stream: report it as this item's result
        result.error = f"{type(exc).__name__}: {exc}"
    return result


def _clean_chunk(records: list[Record], options: Options) -> list[Result]:
    return [clean_record(r, options) for r in records]


def clean_many(
    items: Iterable[str | bytes | Record | Mapping[str, Any]],
    *,
    workers: int | None = None,
    options: Options | None = None,
    templates: bool | TemplateOptions = False,
    window: int | None = None,
    chunksize: int = 1,
    kill_after: float | None = None,
) -> Iterator[Result]:
    """Clean many pages; yields one Result per item, in input order, as results become ready.

    ``items`` may be any iterable (a generator over a huge file is fine): str/bytes pages, Records,
    or dicts with "html" or "text" and optional "id"/"url". ``workers`` is the number of processes
    (default: the CPU count; 1 cleans in this process). A page that fails becomes a Result with
    ``error`` set; the stream goes on. At most ``window`` items (default: 4 per worker) are read ahead
    of the results; ``chunksize`` items travel to a worker together. ``templates=True`` (or
    TemplateOptions) relabels lines repeated across many pages of the same site as "site-template"
    boilerplate (see cleantext.templates).

    With workers > 1, a worker still busy with one item ``kill_after`` seconds after it started it
    is killed, and that item fails alone with a WorkerTimeout error. The default is twice
    ``Options.timeout_seconds`` plus 10 s (None when that is None): the cooperative timeout ends almost
    every slow page first; this catches what it cannot (one endless C call). A worker that dies (out of
    memory, a crash in a C library, a kill from outside) is replaced; the item it was cleaning is tried
    once more alone and fails with a WorkerCrashed error if its worker dies again. With workers=1
    cleaning runs in this process and nothing can be killed.
    """
    opts = options or Options()
    check_disable(opts)  # once, here: not as the same error on every item
    workers = (os.cpu_count() or 1) if workers is None else max(1, int(workers))
    records = (as_record(item, i) for i, item in enumerate(items))
    if workers == 1:
        results: Iterator[Result] = (clean_record(r, opts) for r in records)
    else:
        # Enough work queued to keep every worker busy while the parent yields results in order.
        chunksize = max(1, chunksize)
        window = max(workers, window or workers * 4 * chunksize)
        if kill_after is None and opts.timeout_seconds is not None:
            kill_after = 2 * opts.timeout_seconds + 10.0
        results = _parallel(records, opts, workers, window, chunksize, kill_after)
    if templates:
        config = templates if isinstance(templates, TemplateOptions) else TemplateOptions()
        results = detect_templates(results, config)
    return results


def _parallel(
    records: Iterator[Record], options: Options, workers: int, window: int, chunksize: int,
    kill_after: float | None,
) -> Iterator[Result]:
    return run_parallel(records, clean_record, options, workers, window, chunksize, kill_after)
