"""The Dask integration on a local cluster (two worker processes) gives exactly clean_many's records."""

from __future__ import annotations

import dask.bag as dask_bag  # the [dask] extra is part of the [test] extra: this test always runs in CI
import distributed
import pytest

import batch_samples as samples
from cleantext import Options, clean_many
from cleantext.integrations.dask import clean_bag, clean_files
from cleantext.io import ReadOptions, read_inputs


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=50)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A shipped-in-the-test sample: a WARC, a WET, a JSONL export (with one bad line) and a folder of pages."""
    d = tmp_path_factory.mktemp("sample")
    samples.write_warc(d / "a.warc.gz")
    samples.write_wet(d / "b.warc.wet.gz")
    samples.write_jsonl(d / "c.jsonl", [{"id": "j0", "html": samples.page_html("c.example", 0)}, {"id": "j1"},
                                        {"id": "j2", "text": samples.page_text("c.example", 2)}])
    pages = samples.write_pages(d / "pages", count=3)
    return [str(d / "a.warc.gz"), str(d / "b.warc.wet.gz"), str(d / "c.jsonl"), *map(str, pages)]


def test_clean_files_on_a_local_cluster_equals_clean_many(client, sample: list[str]) -> None:  # type: ignore[no-untyped-def]
    options = Options(disable=frozenset({"footer"}))
    expected = [r.to_record() for r in clean_many(read_inputs(sample), workers=1, options=options)]
    bag = clean_files(sample, options=options, files_per_partition=2)
    assert bag.npartitions == 4
    got = bag.compute()  # runs on the cluster's worker processes
    assert got == expected
    assert len(got) == 3 + 3 + 3 + 5 and [r["id"] for r in got if r["error"]] == ["j1"]
    assert {w["nthreads"] for w in client.scheduler_info()["workers"].values()} == {1}


def test_clean_bag_of_records_equals_clean_many(client, sample: list[str]) -> None:  # type: ignore[no-untyped-def]
    records = list(read_inputs(sample, ReadOptions()))
    expected = [r.to_record() for r in clean_many(records, workers=2)]
    got = clean_bag(dask_bag.from_sequence(records, npartitions=3)).compute()
    assert got == expected


def test_clean_bag_of_dicts_without_a_cluster() -> None:
    rows = [{"id": f"r{i}", "html": samples.page_html("d.example", i)} for i in range(4)]
    got = clean_bag(dask_bag.from_sequence(rows, npartitions=2)).compute(scheduler="sync")
    assert got == [r.to_record() for r in clean_many(rows, workers=1)]
