"""Dask integration: clean a bag of pages, or a list of files (HTML, text, JSONL, WARC, WET), on any cluster.

Each partition is cleaned with the same code as clean_many, so the records equal clean_many's
``Result.to_record()``. Dask decides where partitions run: the local process pool by default, or the
cluster of an active ``dask.distributed.Client``.

    import dask.bag as db
    from cleantext.integrations.dask import clean_bag, clean_files

    records = clean_files(["crawl-00000.warc.gz", "crawl-00001.warc.gz"])   # one task per file
    records.map(json.dumps).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..batch import as_record, clean_record
from ..io.formats import ReadOptions
from ..io.sources import read_inputs
from ..options import Options

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("cleantext.integrations.dask needs dask: pip install 'cleantext[dask]'") from exc


def clean_partition(items: Iterable[Any], options: Options | None = None) -> list[dict[str, Any]]:
    """Clean one partition of pages (str, bytes, dicts with "html"/"text", or Records) into result records.

    Bare str/bytes items get their position in the partition as id: give records ids for stable joins.
    """
    opts = options or Options()
    return [clean_record(as_record(item, i), opts).to_record() for i, item in enumerate(items)]


def clean_paths(paths: Iterable[str], read_options: ReadOptions | None = None,
                options: Options | None = None) -> list[dict[str, Any]]:
    """Read and clean every record of some files, inside one task (the files never travel over the network)."""
    opts = options or Options()
    paths = list(paths)
    if not paths:
        return []  # read_inputs would read stdin for an empty list
    return [clean_record(record, opts).to_record() for record in read_inputs(paths, read_options)]


def clean_bag(bag: db.Bag, *, options: Options | None = None) -> db.Bag:
    """A bag of result records (dicts: id, url, mode, title, text, removed, error) for a bag of pages."""
    return bag.map_partitions(clean_partition, options=options)


def clean_files(paths: Sequence[str], *, read_options: ReadOptions | None = None,
                options: Options | None = None, files_per_partition: int = 1) -> db.Bag:
    """A bag of result records for files that every worker can read (a shared or mounted file system).

    One partition per ``files_per_partition`` files, as Common Crawl jobs split work per WARC file.
    """
    paths = list(paths)
    if not paths:
        return db.from_sequence([], npartitions=1)
    npartitions = max(1, -(-len(paths) // max(1, files_per_partition)))
    bag = db.from_sequence(paths, npartitions=npartitions)
    return bag.map_partitions(clean_paths, read_options=read_options, options=options)
