"""Every rule takes time linear in the length of a hostile line: runs of one character, of "<a b=", of
separators, of digits and dates, text without spaces. A regex that backtracks (markup-residue's tag pattern
took 45 s on 20 KB of "<a b=") or a search a length gate should have spared (the date search of
reply-thread on a 50 MiB line) shows up as a time ratio far above the size ratio.

The test compares times at two sizes (4x apart), never against a wall clock: linear is 4x, quadratic 16x,
cubic 64x. The small size is 100 KB: below that, lines fit in the processor's caches and look faster per byte.
Each rule runs alone on a fresh Context, so every rule sees the line in the body whatever the others decide.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import cleantext
from cleantext.context import Context
from cleantext.options import Options
from cleantext.presets import DEFAULT_RULES
from cleantext.segment.html import segment_html
from cleantext.segment.text import segment_text

SMALL, FACTOR = 100_000, 4
# Linear gives FACTOR; allow noise on a shared machine, below FACTOR**2 (quadratic). Suspects are measured again.
MAX_RATIO = 3 * FACTOR
# Below this, timings are noise (and the cost harmless): a rule under it at the large size passes.
FLOOR_SECONDS = 0.03

SHAPES: dict[str, Callable[[int], str]] = {
    "one-char": lambda n: "a" * n,
    "attr-open": lambda n: "<a b=" * (n // 5),
    "attr-open-quoted": lambda n: '<a b="' * (n // 6),
    "tags": lambda n: "<b>" * (n // 3),
    "less-than": lambda n: "<" * n,
    "pipes": lambda n: "| " * (n // 2),
    "dashes": lambda n: "-" * n,
    "bullets": lambda n: "• " * (n // 2),
    "dots": lambda n: "." * n,
    "digits": lambda n: "1" * n,
    "times": lambda n: "12:34 " * (n // 6),
    "dates": lambda n: "2024-01-02 " * (n // 11),
    "dates-dotted": lambda n: "12.03.2024 " * (n // 11),
    "months": lambda n: "March 10, 2017 " * (n // 15),
    "no-spaces": lambda n: "ab1:-|é" * (n // 7),
    "url": lambda n: "https://" + "a/" * (n // 2),
    "words": lambda n: "word " * (n // 5),
}
PROSE = ("The council met on Tuesday to discuss the future of the harbour, which has served the town for "
         "two hundred years.")


def _document(line: str, mode: str) -> str:
    if mode == "text":
        return "\n".join([PROSE] * 4 + [line] + [PROSE] * 4)
    return "<html><body><article>" + "".join(f"<p>{p}</p>" for p in [PROSE] * 4 + [line] + [PROSE] * 4) + \
        "</article></body></html>"


def _rule_times(line: str, mode: str) -> dict[str, float]:
    """Seconds each rule of the mode takes alone on the document."""
    page = _document(line, mode)
    opts = Options(mode=mode, timeout_seconds=None)
    if mode == "text":
        blocks, metadata = segment_text(page, opts.max_blocks), {}
    else:
        blocks, metadata = segment_html(page, opts.max_depth, opts.max_blocks)
    times = {}
    for rule in DEFAULT_RULES:
        if not rule.applies_to(mode):
            continue
        ctx = Context(blocks=blocks, options=opts, mode=mode, metadata=metadata)
        started = time.perf_counter()
        list(rule.run(ctx))
        times[rule.name] = time.perf_counter() - started
    return times


# Text mode is where lines reach the rules whole; HTML mode (checked on 64 shapes by benchmarks/pathology.py and
# tests/test_hostile.py) gets the shapes aimed at its line rules.
CASES = [(shape, "text") for shape in SHAPES] + [(shape, "html") for shape in (
    "attr-open", "tags", "digits", "times", "dates-dotted", "months", "pipes", "no-spaces")]


@pytest.mark.parametrize(("shape", "mode"), CASES, ids=[f"{s}-{m}" for s, m in CASES])
def test_every_rule_is_linear_on_a_hostile_line(shape: str, mode: str) -> None:
    make = SHAPES[shape]
    _rule_times(make(1000), mode)  # load patterns and packs first
    small = _rule_times(make(SMALL), mode)
    large = _rule_times(make(SMALL * FACTOR), mode)
    suspects = [name for name in large if large[name] > FLOOR_SECONDS
                and large[name] / max(small[name], 1e-4) > MAX_RATIO]
    for _ in range(2):  # a busy machine can slow one run: measure the suspects again, keep the best
        if not suspects:
            break
        small2, large2 = _rule_times(make(SMALL), mode), _rule_times(make(SMALL * FACTOR), mode)
        small = {k: max(v, small2[k]) for k, v in small.items()}
        large = {k: min(v, large2[k]) for k, v in large.items()}
        suspects = [name for name in suspects if large[name] > FLOOR_SECONDS
                    and large[name] / max(small[name], 1e-4) > MAX_RATIO]
    assert not suspects, {n: (f"{small[n]:.4f}s", f"{large[n]:.4f}s") for n in suspects}


def test_ten_megabytes_without_spaces_in_text_mode_is_linear() -> None:
    def seconds(n: int) -> float:
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            cleantext.clean("x" * n, mode="text", timeout_seconds=None)
            best = min(best, time.perf_counter() - started)
        return best

    seconds(1000)
    small, large = seconds(2_500_000), seconds(10_000_000)
    assert large / small < MAX_RATIO, (small, large)


class _Spy:
    """Stands in for a compiled pattern and counts the calls that would scan a line."""

    def __init__(self) -> None:
        self.calls = 0

    def search(self, text: str, *args: object, **kwargs: object) -> None:
        self.calls += 1

    match = fullmatch = search


@pytest.mark.parametrize("line", ["1" * 5_000_000, "12.03.2024" * 50, "March 10, 2017 at 1:26 AM " + "x" * 1000])
def test_date_searches_skip_lines_no_date_line_can_be(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A byline or a reply head has at most 10-12 words, so a few hundred characters: a line of megabytes
    # without spaces counts as one word, and the date patterns must not scan it (63 s on a 50 MiB line).
    from cleantext.rules.text import lines, streams

    spies = [_Spy() for _ in range(4)]
    monkeypatch.setattr(lines, "DATE_HINT", spies[0])
    monkeypatch.setattr(lines, "_DATE_LINE", spies[1])
    monkeypatch.setattr(lines, "_DATE_GATES", (spies[2], spies[2]))
    monkeypatch.setattr(streams, "_REPLY_DATE", spies[3])
    [block] = segment_text(line)
    assert lines._is_date_line(line) is False
    assert streams._reply_head(block, frozenset({block.index})) is False
    assert [s.calls for s in spies] == [0, 0, 0, 0]
