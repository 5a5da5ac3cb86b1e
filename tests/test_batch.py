"""clean_many: input order, equality with clean(), failures as results, bounded look-ahead, templates."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

import batch_samples as samples
import cleantext
from cleantext import Options, Record, clean_many
from cleantext.templates import RULE_NAME, TemplateOptions, detect_templates, site_of


def _pages(n: int) -> list[str]:
    return [samples.page_html(samples.SITES[i % 2], i) for i in range(n)]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order_and_equal_to_clean(workers: int) -> None:
    pages = _pages(9)
    results = list(clean_many(pages, workers=workers))
    assert [r.id for r in results] == [str(i) for i in range(9)]
    for page, result in zip(pages, results, strict=True):
        assert result.ok and result.error is None
        assert result.document is not None
        assert result.document.to_dict() == cleantext.clean(page).to_dict()


def test_failures_are_results_and_the_stream_goes_on() -> None:
    items: list[object] = ["<p>first page with some words in it.</p>", b"\x89PNG\r\n\x1a\n" + bytes(2000), 42,
                           {"id": "no-content"}, "last page, still cleaned."]
    results = list(clean_many(items, workers=2))  # type: ignore[arg-type]
    assert [r.ok for r in results] == [True, False, False, False, True]
    assert results[1].error is not None and results[1].error.startswith("UnsupportedInput")
    assert results[2].error is not None and "int" in results[2].error
    assert results[3].id == "no-content" and "no 'html', 'text'" in (results[3].error or "")
    assert results[4].document is not None and "still cleaned" in results[4].document.text
    record = results[1].to_record()
    assert record["text"] is None and record["error"] == results[1].error and record["removed"] == {}


def test_records_and_mappings_keep_ids_urls_and_modes() -> None:
    line = "Home\nNews\nA plain text page that must be cleaned as text even though it mentions <p> tags."
    items = [
        Record(id="r1", content=line, url="https://a.example/x", mode="text"),
        {"id": "m1", "html": samples.page_html("a.example", 1), "url": "https://a.example/y"},
        {"id": "m2", "text": samples.page_text("a.example", 2)},
    ]
    results = list(clean_many(items, workers=1))
    assert [(r.id, r.url) for r in results] == [("r1", "https://a.example/x"), ("m1", "https://a.example/y"),
                                                ("m2", None)]
    assert [r.document.mode for r in results if r.document] == ["text", "html", "text"]


def test_options_reach_the_workers() -> None:
    page = samples.page_html("a.example", 0)
    with_nav = list(clean_many([page] * 3, workers=2, options=Options(disable=frozenset({"navigation"}))))
    default = list(clean_many([page] * 3, workers=2))
    for a, b in zip(with_nav, default, strict=True):
        assert a.document is not None and b.document is not None
        kinds_a = {blk.kind for blk in a.document.removed}
        assert "navigation" not in kinds_a
        assert a.document.to_dict() == cleantext.clean(page, disable={"navigation"}).to_dict()


def test_input_is_pulled_lazily_with_a_bounded_window() -> None:
    pulled = []

    def source() -> Iterator[str]:
        for i in range(10_000):
            pulled.append(i)
            yield f"<p>Page number {i} has a sentence of body text in it.</p>"

    stream = clean_many(source(), workers=2, window=6)
    first = next(stream)
    assert first.id == "0"
    assert len(pulled) <= 6 + 1  # the window, plus the one being handed over
    stream.close()  # type: ignore[attr-defined]

    serial = clean_many(source(), workers=1)
    pulled.clear()
    next(serial)
    assert len(pulled) == 1


def test_workers_must_be_positive_or_default() -> None:
    results = list(clean_many(["<p>one page of text.</p>"], workers=0))
    assert results[0].ok


# --- batch-level template detection ---


def test_template_lines_of_a_site_are_marked_with_evidence() -> None:
    items = [Record(id=str(i), content=samples.page_html(samples.SITES[0], i), url=samples.url(samples.SITES[0], i))
             for i in range(5)]
    results = list(clean_many(items, workers=1, templates=True))
    for r in results:
        doc = r.document
        assert doc is not None
        marked = [b for b in doc.blocks if b.rule == RULE_NAME]
        assert [b.text for b in marked] == [
            "Our alpha desk reports on the district every week, from council meetings to school fairs."]
        assert marked[0].kind == "site-template" and not marked[0].kept
        assert "5 of 5 pages of alpha.example" in (marked[0].reason or "")
        assert "desk reports" not in doc.text
        assert "Residents gathered" in doc.text  # the article stays


def test_templates_in_text_mode_and_per_site() -> None:
    # Two pages of each site: below the 3-page minimum, nothing is a template...
    items = [{"id": f"{s}{i}", "text": samples.page_text(s, i), "url": samples.url(s, i)}
             for s in samples.SITES for i in range(2)]
    results = list(clean_many(items, workers=1, templates=True))
    assert all(b.rule != RULE_NAME for r in results if r.document for b in r.document.blocks)
    # ...with min_pages=2, each site's own furniture is, and never the other site's.
    config = TemplateOptions(min_pages=2)
    results = list(clean_many(items, workers=1, templates=config))
    for r in results:
        assert r.document is not None
        marked = [b.text for b in r.document.blocks if b.rule == RULE_NAME]
        site = r.id[:-1]
        assert any(f"Our {site.split('.')[0]} desk" in t for t in marked)
        assert all("Residents gathered" not in t for t in marked)


def test_template_share_threshold() -> None:
    # A line on 3 pages out of 20 of one site is under the 30% share: not a template.
    pages = [Record(id=str(i), content=f"Unique opening line number {i} of this page.\n"
                    + ("Shared quotation that three pages carry.\n" if i < 3 else "")
                    + f"Another unique body sentence, page {i}.", site="s", mode="text")
             for i in range(20)]
    results = list(detect_templates(clean_many(pages, workers=1), TemplateOptions(window=100)))
    assert all(b.rule != RULE_NAME for r in results if r.document for b in r.document.blocks)


def test_template_window_releases_results_in_order() -> None:
    items = [Record(id=str(i), content=samples.page_text("a.example", i), site="a") for i in range(7)]
    results = list(clean_many(items, workers=1, templates=TemplateOptions(window=2)))
    assert [r.id for r in results] == [str(i) for i in range(7)]
    # The first window (2 pages) has too little evidence; later pages see the running counts.
    later = results[-1].document
    assert later is not None and any(b.rule == RULE_NAME for b in later.blocks)


def test_site_of() -> None:
    assert site_of(cleantext.Result(id="1", url="https://www.news.example/a")) == "news.example"
    assert site_of(cleantext.Result(id="1", url="https://x.example/a", site="mine")) == "mine"
    assert site_of(cleantext.Result(id="1")) == ""


class _DiesWhenUnpickled(str):
    """Page text whose unpickling kills the worker process: stands in for a crash inside a C library."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os._exit, (3,))


def test_a_crashed_worker_fails_only_its_own_item() -> None:
    page = "<p>A page with a sentence of body text that survives.</p>"
    items = [Record(id="a", content=page), Record(id="boom", content=_DiesWhenUnpickled("x")),
             Record(id="b", content=page), Record(id="c", content=page)]
    results = list(clean_many(items, workers=2))
    assert [r.id for r in results] == ["a", "boom", "b", "c"]
    assert [r.ok for r in results] == [True, False, True, True]
    assert (results[1].error or "").startswith("WorkerCrashed")


def test_an_item_that_cannot_reach_a_worker_fails_alone() -> None:
    class Local(str):  # defined in a function: cannot be pickled to a worker process
        pass

    items = [Record(id="a", content="<p>fine page text.</p>"), Record(id="b", content=Local("x")),
             Record(id="c", content="<p>fine page text.</p>")]
    results = list(clean_many(items, workers=2))
    assert [r.ok for r in results] == [True, False, True]
    assert "pickle" in (results[1].error or "").lower()


def test_chunks_keep_order_and_window() -> None:
    pages = _pages(11)
    results = list(clean_many(pages, workers=2, chunksize=3, window=6))
    assert [r.id for r in results] == [str(i) for i in range(11)]
    assert all(r.ok for r in results)


class _HangsWhenUnpickled(str):
    """Page text whose unpickling blocks the worker: stands in for an endless call the timeout cannot end."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (time.sleep, (3600,))


def test_a_hanging_worker_is_killed_and_fails_only_its_own_item() -> None:
    page = "<p>A page with a sentence of body text that survives.</p>"
    items = [Record(id="a", content=page), Record(id="stuck", content=_HangsWhenUnpickled("x")),
             Record(id="b", content=page)]
    results = list(clean_many(items, workers=2, kill_after=1.0))
    assert [r.id for r in results] == ["a", "stuck", "b"]
    assert [r.ok for r in results] == [True, False, True]
    assert (results[1].error or "").startswith("WorkerTimeout")


def test_kill_after_defaults_to_twice_the_budget_per_item(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[float | None] = []

    def fake_parallel(records, options, workers, window, chunksize, kill_after):  # type: ignore[no-untyped-def]
        seen.append(kill_after)
        return iter(())

    monkeypatch.setattr(cleantext.batch, "_parallel", fake_parallel)
    list(clean_many([], workers=2, options=Options(timeout_seconds=5.0), chunksize=3))
    list(clean_many([], workers=2, options=Options(timeout_seconds=None)))
    list(clean_many([], workers=2, options=Options(timeout_seconds=None), kill_after=7.0))
    assert seen == [2 * 5.0 + 10.0, None, 7.0]
