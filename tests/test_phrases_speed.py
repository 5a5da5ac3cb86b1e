"""The fast paths of the phrase matcher and the line features: each must give exactly the answer of the plain
pattern it stands in for (gates may only rule out lines that cannot match)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from functools import cache

import pytest
import regex

from cleantext.chain import Context, run_chain
from cleantext.document import Block
from cleantext.options import Options
from cleantext.phrases import (
    POSITIONS,
    available_kinds,
    literal_trie,
    load_data,
    load_index,
    load_pack,
    normalise,
    tokens_of,
)
from cleantext.rule import block_rule
from cleantext.rules import shape
from cleantext.rules.phrases import PHRASE_KINDS
from cleantext.segment.text import segment_text

KINDS = [k for k in available_kinds() if any(load_data(k).get(p) for p in POSITIONS)]


def _phrases(kind: str) -> Iterator[tuple[str, str]]:
    for position in POSITIONS:
        for phrases in (load_data(kind).get(position) or {}).values():
            for phrase in phrases:
                yield position, phrase


_CJK = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]"


@cache
def _reference_patterns(kind: str) -> tuple[set[str], list[tuple[str, Callable[[str], object]]], int]:
    """A kind's phrases as plain patterns: one flat alternation per position and script, no gate."""
    lines: set[str] = set()
    tests: list[tuple[str, Callable[[str], object]]] = []
    literal: dict[tuple[str, bool], list[str]] = {}
    for position, phrase in _phrases(kind):
        if phrase.startswith("re:"):
            pattern = regex.compile(phrase[3:], regex.V1)
            tests.append((position, {"line": pattern.fullmatch, "start": pattern.match,
                                     "contains": pattern.search}[position]))
            continue
        p = normalise(phrase)
        if p and position == "line":
            lines.add(p)
        elif p:
            spaced = not (regex.match(_CJK, p[0]) or regex.match(_CJK, p[-1]))
            literal.setdefault((position, spaced), []).append(re.escape(p))
    for (position, spaced), items in literal.items():
        head, tail = (r"(?<!\w)", r"(?!\w)") if spaced else ("", "")
        pattern = re.compile(f"{head}(?:{'|'.join(items)}){tail}")
        tests.append((position, pattern.match if position == "start" else pattern.search))
    return lines, tests, int(load_data(kind).get("max_words", 30))


def _reference(kind: str, norm: str, words: int) -> bool:
    """Does any phrase of the pack fit the line? Checked without the alternations' gates."""
    lines, tests, max_words = _reference_patterns(kind)
    if norm in lines:
        return True
    return any(test(norm) for position, test in tests if position == "line" or words <= max_words)


def _lines(seed: int) -> list[str]:
    """Lines made around every phrase of every pack: alone, leading, inside, glued to letters, cut short."""
    rng = random.Random(seed)
    fillers = ["the", "news", "Foto", "über", "新闻", "x", "2024", "-", "»", "e-mail", "don't"]
    lines = []
    for kind in KINDS:
        for _, phrase in _phrases(kind):
            if phrase.startswith("re:"):
                continue
            words = [rng.choice(fillers) for _ in range(rng.randint(1, 5))]
            shapes = [phrase, f"» {phrase.upper()}:", f"{phrase} {' '.join(words)}", f"{' '.join(words)} {phrase}",
                      f"{' '.join(words)} {phrase} {words[0]}", f"x{phrase}", f"{phrase}x", phrase[:-1]]
            lines += rng.sample(shapes, 3)
    lines += ["Page 3 of 12", "Next page", "12 comments", "Figure 2: a chart", "图 3 某某", "Follow us on twitter",
              'in "Politics"', "Follow Jane Doe on instagram"]
    return lines


@pytest.mark.parametrize("seed", [1, 2])
def test_index_and_gates_find_every_match(seed: int) -> None:
    index = load_index(PHRASE_KINDS)
    for line in _lines(seed):
        norm, words = normalise(line), shape.word_count(line)
        tokens = tokens_of(norm)
        candidates = set(index.candidates(norm, words, tokens))
        for kind in KINDS:
            pack = load_pack(kind)
            expected = _reference(kind, norm, words)
            assert (pack.match(line, words) is not None) == expected, (kind, line)
            assert (pack.match(line, words, norm, tokens) is not None) == expected, (kind, line)
            if expected and kind in PHRASE_KINDS:
                assert kind in candidates, (kind, line)


def test_index_rules_out_plain_prose() -> None:
    index = load_index(PHRASE_KINDS)
    line = "Council members approved the budget on Tuesday after a long debate"
    norm = normalise(line)
    assert index.candidates(norm, shape.word_count(line), tokens_of(norm)) == ()


def test_literal_trie_matches_the_same_strings_as_the_alternation() -> None:
    rng = random.Random(3)
    alphabet = "abc(©é图"
    for _ in range(200):
        literals = list({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(6)})
        trie = re.compile(literal_trie(literals))
        flat = re.compile("|".join(re.escape(w) for w in sorted(literals, key=len, reverse=True)))
        for w in literals:
            assert trie.fullmatch(w)
        for _ in range(30):
            text = "".join(rng.choice(alphabet + " x") for _ in range(rng.randint(0, 10)))
            assert bool(trie.search(text)) == bool(flat.search(text)), (literals, text)
            assert bool(trie.fullmatch(text)) == (text in literals), (literals, text)


def test_word_count_fast_path_matches_the_unicode_pattern() -> None:
    rng = random.Random(4)
    pool = [chr(c) for c in [*range(0x20, 0x600), *range(0x2000, 0x20D0), 0x4E00, 0x3042, 0x0E01, 0xAC00, 0x1E00]]
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        cjk = len(shape._CJK_CHAR.findall(text))
        expected = len(shape._WORD.findall(shape._CJK_CHAR.sub(" ", text))) + (cjk + 1) // 2 if cjk else len(
            shape._WORD.findall(text))
        assert shape.word_count(text) == expected, repr(text)


def test_sentence_endings_match_their_patterns() -> None:
    sentence = regex.compile(r"[.!?…。！？][\"'”’»)\]]*$")
    terminal = regex.compile(r"[.!?…。！？:;,][\"'”’»)\]]*$")
    rng = random.Random(5)
    pool = list(".!?…。！？:;,\"'”’»)] \tab\u00a0\n")
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))
        assert shape.ends_sentence(text) == bool(sentence.search(text.rstrip())), repr(text)
        assert shape.ends_with_punctuation(text) == bool(terminal.search(text.rstrip())), repr(text)


def test_segment_collapses_space_runs_like_the_pattern() -> None:
    spaces = re.compile(r"[ \t\u00a0\u200b\u3000]+")
    rng = random.Random(6)
    pool = list("ab \t\u00a0\u200b\u3000\n\r\u2028")
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        expected = [(n, spaces.sub(" ", raw).strip()) for n, raw in enumerate(text.splitlines(), start=1)]
        assert [(b.line, b.text) for b in segment_text(text)] == [(n, t) for n, t in expected if t], repr(text)


def test_segment_stops_one_block_past_the_limit() -> None:
    text = "a\n\nb\nc\n\n\nd"
    assert [(b.text, b.line, b.blank_before) for b in segment_text(text)] == [
        ("a", 1, 0), ("b", 3, 1), ("c", 4, 0), ("d", 7, 2)]
    assert len(segment_text(text, 2)) == 3
    assert len(segment_text(text, 0)) == 1


def test_block_rule_candidates_limit_the_test_to_listed_body_blocks() -> None:
    seen: list[int] = []

    @block_rule("odd-lines", "test", candidates=lambda ctx: [1, 2, 3])
    def odd_lines(block: Block, ctx: Context) -> str | None:
        """Marks the listed lines it is shown."""
        seen.append(block.index)
        return "listed" if block.index != 3 else None

    blocks = [Block(index=i, text=f"line {i}") for i in range(5)]
    blocks[2].mark("boilerplate", "earlier", "test", "already removed")
    run_chain(Context(blocks=blocks, options=Options(), mode="text"), [odd_lines])
    assert seen == [1, 3]
    assert [b.rule for b in blocks] == [None, "odd-lines", "earlier", None, None]
