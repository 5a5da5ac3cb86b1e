"""Context.memo: rules share a value computed from the body until a decision changes the labels."""

from __future__ import annotations

from collections.abc import Iterator

from cleantext.chain import Context, run_chain
from cleantext.document import Block
from cleantext.options import Options
from cleantext.rule import Mark, rule


def _ctx(n: int = 4) -> Context:
    return Context(blocks=[Block(index=i, text=f"line {i}") for i in range(n)], options=Options(), mode="text")


def test_memo_is_reused_until_a_block_is_marked() -> None:
    ctx = _ctx()
    calls: list[int] = []
    seen: list[int] = []

    def body_size() -> int:
        calls.append(1)
        return len(ctx.body())

    @rule("count-a", "test")
    def count_a(c: Context) -> Iterator[Mark]:
        """Records the body size, marks nothing."""
        seen.append(c.memo("size", body_size))
        return iter(())

    @rule("drop-first", "test")
    def drop_first(c: Context) -> Iterator[Mark]:
        """Marks block 0."""
        seen.append(c.memo("size", body_size))
        yield 0, "first block"

    @rule("count-b", "test")
    def count_b(c: Context) -> Iterator[Mark]:
        """Records the body size after the mark."""
        seen.append(c.memo("size", body_size))
        return iter(())

    run_chain(ctx, [count_a, drop_first, count_b])
    assert seen == [4, 4, 3]  # the third rule sees the body without the marked block
    assert len(calls) == 2  # computed once before the mark, once after
    assert ctx.decisions == 1


def test_memo_without_labels_lives_for_the_whole_document() -> None:
    ctx = _ctx()
    calls: list[int] = []

    def feature() -> int:
        calls.append(1)
        return 7

    assert ctx.memo("f", feature, labels=False) == 7
    ctx.decisions += 1
    assert ctx.memo("f", feature, labels=False) == 7
    assert len(calls) == 1
    assert _ctx().memo("f", lambda: 8, labels=False) == 8  # another document, another cache
