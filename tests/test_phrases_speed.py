"""The fast paths of the phrase matcher and the line features: each must give exactly the answer of the plain
pattern it stands in for (gates may only rule out lines that cannot match)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache

import pytest
import regex

from cleantext.chain import Context, run_chain
from cleantext.document import Block
from cleantext.features import shape
from cleantext.options import Options
from cleantext.phrases import (
    POSITIONS,
    PhraseIndex,
    PhrasePack,
    available_kinds,
    compile_families,
    literal_trie,
    load_data,
    load_index,
    load_pack,
    normalise,
    tokens_of,
)
from cleantext.rule import block_rule
from cleantext.rules.lines.phrases import PHRASE_KINDS
from cleantext.segment.text import segment_text

KINDS = [k for k in available_kinds() if any(load_data(k).get(p) for p in (*POSITIONS, "families"))]


def _phrases(kind: str) -> Iterator[tuple[str, str]]:
    for position in POSITIONS:
        for phrases in (load_data(kind).get(position) or {}).values():
            for phrase in phrases:
                yield position, phrase
    # A family's forms match as ``re:`` phrases of their position.
    for position, forms in compile_families(kind, load_data(kind).get("families") or {}).items():
        for _lang, _family, source, _leads in forms:
            yield position, "re:" + source


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


def _plain_normalise(text: str) -> str:
    text = " ".join(text.casefold().split())
    start, end = 0, len(text)
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _edge(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZ" or char.isspace()


def test_normalise_strips_what_the_plain_edge_loop_strips() -> None:
    rng = random.Random(7)
    pool = list("aZ9_ .,:;!?-'\"()[]»«–—’‘…©€$+|/\\*#@\t\u00a0\u2009\u3000éßİ图ͅ\u0301\x1f\x85\u200a\u2028")
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert normalise(text) == _plain_normalise(text), repr(text)


def _scan_by_line(index: PhraseIndex, norms: list[str], words: list[int]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, (norm, n) in enumerate(zip(norms, words, strict=True)):
        for kind in index.candidates(norm, n, tokens_of(norm)):
            listed = found.setdefault(kind, [])
            if not listed or listed[-1] != i:
                listed.append(i)
    return found


def _synthetic_index() -> PhraseIndex:
    """Packs that use every kind of entry the index knows: unspaced phrases, each position of ``re:`` phrases,
    a phrase without word characters, ``re:`` phrases that cannot be joined, a short max_words."""
    return PhraseIndex([
        PhrasePack("a", {"line": {"en": ["menu", "re:page \\d+ of \\d+"]},
                         "start": {"en": ["read more", "re:fig\\.? ?\\d"], "zh": ["阅读"]},
                         "contains": {"en": ["cookies", "+++"], "zh": ["评论"]}}, 4),
        PhrasePack("b", {"line": {"en": ["re:(a)\\1"]}, "start": {"en": ["re:(?i)x(y)\\1"]},
                         "contains": {"en": ["re:share (?:on|via) \\w+", "read"]}}, 9),
        PhrasePack("c", {"start": {"en": ["«", "back to top"]}, "contains": {"de": ["re:(z)\\1"]}}, 2),
    ])


@pytest.mark.parametrize("seed", [1, 2])
def test_index_scan_names_the_kinds_of_candidates_line_by_line(seed: int) -> None:
    texts = [*_lines(seed), "", "menu", "Read more about it", "阅读全文", "很多评论", "aa", "xyy", "« back", "+++ x",
             "share on mastodon now", "zz top", "Page 2 of 9", "fig 3 chart", "Back to top, please"]
    norms = [normalise(t) for t in texts]
    words = [shape.word_count(t) for t in texts]
    for index in (load_index(PHRASE_KINDS), _synthetic_index()):
        assert index.scan(norms, words) == _scan_by_line(index, norms, words)


def test_date_shape_passes_every_date_line() -> None:
    from cleantext.rules.text import lines as text_lines

    assert text_lines._DATE_GATES is not None
    shape, end = text_lines._DATE_GATES
    rng = random.Random(8)
    heads = ["", "Published ", "Von Jane | ", "Mis à jour le ", "STAND: ", "x" * 29 + " ", "Ⓐ ", "İ ", "ͅ "]
    dates = ["19.06.2019", "1/2/19", "2019-06-19", "2019年6月19日", "19 June 2019", "June 19th, 2019", "19. MÄRZ 2020",
             "Sept. 3, 2021", "3 de enero de 2022", "4 WRZEŚNIA 2020", "12 мая 2021"]
    times = ["", " 10:32", ", 10.32 Uhr", " at 1:26 AM", " um 9h05 CEST", " a las 10:00 pm", " 10:32UHRcest",
             " 10:32 ſt"]
    tails = ["", " |", "  ", " | |", ".", " x"]
    pool = [*"aZ9 .,:|-/年月日é", "\u00a0", "\u2009", "\n"]
    lines = [h + d + t + e for h in heads for d in dates for t in times for e in tails]
    lines += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    matched = 0
    for line in lines:
        if text_lines._DATE_LINE.match(line):
            matched += 1
            assert shape.match(line) and end.search(line), repr(line)
            assert text_lines._is_date_line(line), repr(line)
        assert text_lines._is_date_line(line) == bool(
            regex.search(r"\d{4}|\d[./-]\d{1,2}[./-]\d\d", line) and text_lines._DATE_LINE.match(line)), repr(line)
    assert matched > 500  # the shapes above do make date lines


def test_page_scans_find_the_lines_a_per_line_test_finds() -> None:
    from cleantext.features.text import scan

    rng = random.Random(9)
    pool = [*"ab :|<•·»\n", "ab:", "<p>", "2019"]
    for _ in range(300):
        texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(rng.randint(1, 8))]
        ctx = Context(blocks=[Block(index=i, text=t) for i, t in enumerate(texts)], options=Options(), mode="html")
        assert scan.lines_holding(ctx, ("|", "»")) == [i for i, t in enumerate(texts) if "|" in t or "»" in t]
        assert scan.lines_holding(ctx, ":", within=5) == [i for i, t in enumerate(texts) if t.find(":", 0, 5) >= 0]
        assert scan.lines_starting(ctx, "<") == [i for i, t in enumerate(texts) if t.startswith("<")]
        assert scan.lines_opening(ctx, re.compile(r"\n(?:ab|<p|:)")) == [
            i for i, t in enumerate(texts) if t.startswith(("ab", "<p", ":"))]
        found = scan.lines_matching(ctx, re.compile(r"(?m)^[^:]{0,3}:|\d{4}"))
        assert {i for i, t in enumerate(texts) if t.find(":", 0, 4) >= 0 or re.search(r"\d{4}", t)} <= set(found)
        assert found == sorted(set(found))


def test_count_gate_passes_every_counter_line() -> None:
    from cleantext.rules.lines import counters

    rng = random.Random(10)
    words = [w for key in ("votes", "counted") for w in counters.words_of("vote-counter", key)]
    counts = ["39", "1,204", "1.2K", "1. 2 k", "3 тыс.", "2万", "4 Mio.", "7 Tsd", "12 mil", "٣", "१२", "5\u00a0000"]
    icons = ["👍", "❤️", "★", "+", "▲"]
    wraps = [("", ""), ("(", ")"), ("» ", " «"), ("[", "]"), ("• ", ""), ("", "!")]
    lines = []
    for word in words:
        for count in rng.sample(counts, 4):
            head, tail = rng.choice(wraps)
            lines += [f"{head}{word} ({count}){tail}", f"{head}{count} {word}{tail}", f"{word}: {count}",
                      f"{word.upper()} {count}", f"{count}{word}"]
    lines += [f"{i} {c}" for i in icons for c in counts] + [f"{c} {i}" for i in icons for c in counts]
    lines += ["12 VİEWS", "3 ſhares", "4 KOMMENTARE", "5 ΣΧΌΛΙΑ", "1 COMMENTAİRE"]
    pool = [*"aZ9 .,:()[]+-»👍❤\ufe0f", "Like", "comments", "12", "K"]
    lines += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    matched = 0
    for line in lines:
        if counters._VOTE.match(line) or counters._COUNTER.match(line):
            matched += 1
            assert counters._MAY_COUNT.search(line), repr(line)
        if counters._COUNTER.match(line):
            assert counters._may_count_words(line), repr(line)
    assert matched > 300


def _plain_anchor(blocks: list[Block]) -> int | None:
    """The headline anchor by its definition: of the kept lines after the first whose own words are 60% title
    words, the first covering 40% of the title's words, else the one covering most (the first of equal ones)."""
    kept = [b for b in blocks if b.label != "boilerplate"]
    if len(kept) < 3:
        return None
    first = kept[0]
    title = shape.word_set(first.text)
    if len(title) < 2 or shape.is_prose(first):
        return None
    repeats: list[tuple[float, int]] = []
    for block in blocks[first.index + 1 :]:
        n = shape.word_count(block.text)
        shaped = not shape.is_prose(block) and shape.is_headline_shaped(block.text, n)
        words = shape.word_set(block.text) if shaped else set()
        if block.label != "boilerplate" and len(words) >= 2 and len(words & title) / len(words) >= 0.6:
            repeats.append((len(words & title) / len(title), block.index))
    covering = [i for cover, i in repeats if cover >= 0.4]
    if covering:
        return covering[0]
    return min(repeats, key=lambda r: (-r[0], r[1]))[1] if repeats else None


def test_headline_anchor_follows_removals_like_a_plain_scan() -> None:
    from cleantext.features.text import line_scores as text_scores

    rng = random.Random(11)
    found = 0
    pool = ["Harbour works begin", "Harbour works begin | The Daily", "The Daily", "Straße gesperrt",
            "STRASSE gesperrt", "Menu", "Home News Sport", "Works begin at the harbour today",
            "Harbour works begin at the quay | The Daily News", "The Daily News", "Harbour quay works",
            "Öffnungszeiten der Ämter",
            "The council approved the budget after a long debate on Tuesday evening, officials said."]
    for _ in range(300):
        texts = [rng.choice(pool) for _ in range(rng.randint(3, 12))]
        blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
        ctx = Context(blocks=blocks, options=Options(), mode="text")
        for _ in range(4):
            anchor = text_scores.headline_anchor(ctx)
            assert anchor == _plain_anchor(blocks), texts
            found += anchor is not None
            body = [b for b in blocks if b.label == "body"]
            if not body:
                break
            rng.choice(body).mark("boilerplate", "test", "test", "removed")
            ctx.decisions += 1
    assert found > 100  # the pages above do have anchors


def _assert_folds_like(letters: list[str], flags: int) -> None:
    """A character that folds to one character (str.casefold) is matched case-insensitively (``flags``) as one of
    ``letters`` only when it folds to that letter: checked for every code point."""
    any_letter = regex.compile(f"[{''.join(regex.escape(c) for c in letters)}]", flags)
    # No two letters are the same letter to the pattern: a character the pattern equates to one is not another.
    assert not [(a, b) for a in letters for b in letters if a != b and regex.fullmatch(regex.escape(a), b, flags)]
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not any_letter.fullmatch(char):
            continue
        folded = char.casefold()
        if len(folded) == 1:
            assert folded in letters, repr(char)
            assert regex.fullmatch(regex.escape(folded), char, flags), repr(char)


def test_case_folding_gates_see_what_the_case_insensitive_patterns_match() -> None:
    """The case-folded gates (counted words, minute words) rest on _assert_folds_like for the patterns they guard."""
    from cleantext.rules.lines import counters, page_lines

    words = counters.words_of("vote-counter", "counted")
    _assert_folds_like(sorted({c for w in words for c in w.casefold() if c.strip()}), counters._COUNTER.flags)
    assert page_lines._MINUTE_HINT.pattern == "|".join(page_lines._MINUTE_WORDS) == "min|мин|分钟"
    _assert_folds_like(sorted(set("".join(page_lines._MINUTE_WORDS))), page_lines._MINUTE_HINT.flags)
    for line in ["5 MIN READ", "3 Мин", "10分钟", "5 mİn", "reading time: 4 minutes"]:
        ctx = Context(blocks=[Block(index=0, text=line)], options=Options(), mode="text")
        assert page_lines._minute_lines(ctx) == ([0] if page_lines._MINUTE_HINT.search(line) or "İ" in line else [])


@pytest.mark.parametrize("seed", [1, 2])
def test_index_scan_repeated_lines_and_word_counts(seed: int) -> None:
    """A line seen before on the page reuses its kinds only with the same word count."""
    rng = random.Random(seed)
    texts = [*_lines(seed), "Page 2 of 9", "12 comments", "Figure 2: a chart", "Read more", "Menu"]
    norms = [normalise(t) for t in texts]
    words = [shape.word_count(t) for t in texts]
    picks = [rng.randrange(len(texts)) for _ in range(3 * len(texts))]
    # Repeats with the true word count, and with counts around the packs' limits.
    page_norms = [norms[k] for k in picks] + [norms[k] for k in picks[:300]]
    page_words = [words[k] for k in picks] + [rng.choice([1, 12, 13, 15, 31, 61, 91]) for _ in picks[:300]]
    for index in (load_index(PHRASE_KINDS), _synthetic_index()):
        assert index.scan(page_norms, page_words) == _scan_by_line(index, page_norms, page_words)


def test_first_character_gate_never_skips_an_anchored_match() -> None:
    """The scan skips the anchored pattern for lines whose first two characters cannot open a match of it: checked
    on lines made around the anchored phrases, on every character below U+3100 followed by likely tails, and on
    random two-character heads."""
    index = load_index(PHRASE_KINDS)
    assert index._anchored is not None
    lines = [normalise(t) for t in _lines(1)]
    lines += ["page 3 of 12", "12 comments", "figure 2: a chart", 'in "politics"', "« back", "1 reply to x"]
    matched = [n for n in lines if n and index._anchored.match(n)]
    assert len(matched) >= 5
    for norm in matched:
        assert index._may_open(norm[:2]) and index._may_open(norm[0]), norm
    tails = ["", " comments", "age 3 of 12", "igure 2: x", " 2 of 9", "n \"x\"", "2 comments", " reply to x"]
    for code in range(0x3100):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or index._may_open(char):
            continue
        for tail in tails:
            assert index._anchored.match(char + tail) is None, repr(char + tail)
    rng = random.Random(12)
    pool = [*"abcdefghijklmnopqrstuvwxyz0123456789 .:«\"“„-|", "é", "ü", "图", "с"]
    for _ in range(3000):
        head = rng.choice(pool) + rng.choice(pool)
        if index._may_open(head):
            continue
        for tail in tails:
            assert index._anchored.match(head + tail[1:]) is None, repr(head + tail[1:])
