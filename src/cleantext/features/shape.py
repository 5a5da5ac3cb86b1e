"""Shape of a line of text: words, sentence endings, prose or label. Shared by the text-side rules."""

from __future__ import annotations

import re
from collections.abc import Callable

import regex

from ..document import Block
from ..phrases import normalise, tokens_of

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*")
_CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# A sentence ends in . ! ? … (or their CJK forms), possibly followed by closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_TERMINAL = regex.compile(r"[.!?…。！？:;,][\"'”’»)\]]*$")
_STARTS_UPPER = regex.compile(r"^[\"'“‘«(\[]*[\p{Lu}\p{N}\p{Lo}]")


_TOKEN = regex.compile(r"\w+")


def word_set(text: str) -> set[str]:
    """The distinct words of a line, case-folded (to compare a headline with the page's title line)."""
    return {w.casefold() for w in _TOKEN.findall(text)}


def _class_of(chars: list[int]) -> str:
    """A character class body of code points, as ranges of \\u escapes."""
    parts: list[str] = []
    for cp in chars:
        if parts and parts[-1][1] == cp - 1:
            parts[-1] = (parts[-1][0], cp)
        else:
            parts.append((cp, cp))
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in parts)


def _fast_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_WORD for Latin, Greek and Cyrillic text and punctuation, with the standard library's ``re`` (~3x faster).

    The classes are built by asking _WORD's own classes about every code point of those blocks, so both
    patterns split such text into the same words; text with any other character takes _WORD itself.
    """
    blocks = [*range(0x0000, 0x0530), *range(0x2000, 0x2070), *range(0x20A0, 0x20D0)]
    start = regex.compile(r"[\p{L}\p{N}]")
    rest = regex.compile(r"[\p{L}\p{N}\p{M}'’\-]")
    covered = [cp for cp in blocks if not _CJK_CHAR.match(chr(cp))]
    first = [cp for cp in covered if start.match(chr(cp))]
    more = [cp for cp in covered if rest.match(chr(cp))]
    pattern = re.compile(f"[{_class_of(first)}][{_class_of(more)}]*")
    return pattern, re.compile(f"[^{_class_of(covered)}]")


_FAST_WORD, _NOT_COVERED = _fast_words()


def word_count(text: str) -> int:
    """Words in the text; in scripts written without spaces every two characters count as one word."""
    if text.isascii() or _NOT_COVERED.search(text) is None:
        return len(_FAST_WORD.findall(text))
    cjk = len(_CJK_CHAR.findall(text))
    if cjk:
        spaced = _WORD.findall(_CJK_CHAR.sub(" ", text))
        return len(spaced) + (cjk + 1) // 2
    return len(_WORD.findall(text))


# The characters of _SENTENCE_END and _TERMINAL. Stripping the closers off the end and testing the last character
# gives the same answer as searching those patterns (the two sets share no character), without a scan of the line.
_CLOSERS = "\"'”’»)]"
_SENTENCE_MARKS = frozenset(".!?…。！？")
_TERMINAL_MARKS = frozenset(".!?…。！？:;,")


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (. ! ? … or their CJK forms, maybe with a closing quote)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_MARKS


def ends_with_punctuation(text: str) -> bool:
    """True when the text ends in sentence or clause punctuation (. ! ? … : ; ,)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINAL_MARKS


def starts_upper(text: str) -> bool:
    """True when the first letter is upper case, a digit, or a letter of a caseless script."""
    return bool(_STARTS_UPPER.match(text))


# A line of at least this many words that ends like a sentence reads as prose. 12 words: the shortest
# body paragraphs of the seed pages and dev sets are ~14 words, menu entries and prompts rarely pass 10.
PROSE_WORDS = 12
# Lines this long are prose even without a sentence ending (run-on paragraphs, lists without periods).
LONG_WORDS = 30


def is_prose(block: Block) -> bool:
    """A paragraph of running text: long enough and ending like a sentence, or very long."""
    prose = block.extra.get("prose")
    if prose is None:
        n = block_words(block)
        prose = block.extra["prose"] = n >= LONG_WORDS or (n >= PROSE_WORDS and ends_sentence(block.text))
    return prose


def block_words(block: Block) -> int:
    """Word count of a block, computed once and kept in block.extra."""
    n = block.extra.get("words")
    if n is None:
        n = block.extra["words"] = word_count(block.text)
    return n


def is_headline_shaped(text: str, words: int) -> bool:
    """A headline: 2 to 30 words, starts upper case, does not end in . , ; : (it may end in ? or !)."""
    stripped = text.rstrip()
    if not 2 <= words <= 30 or len(stripped) > 250:
        return False
    if stripped.endswith((".", ",", ";", ":", "…")) and not stripped.endswith("..."):
        return False
    return starts_upper(stripped)


def block_norm(block: Block) -> str:
    """The block's text as phrase packs see it (case-folded, edges stripped), computed once."""
    norm = block.extra.get("norm")
    if norm is None:
        norm = block.extra["norm"] = normalise(block.text)
    return norm


def last_lines(blocks: list[Block], count: int, keep: Callable[[Block], bool]) -> list[Block]:
    """The last ``count`` blocks (fewer when the page has fewer) for which ``keep`` is true, in page order.

    Reads the page from its end: [b for b in blocks if keep(b)][-count:] without testing every block."""
    found: list[Block] = []
    for block in reversed(blocks):
        if keep(block):
            found.append(block)
            if len(found) == count:
                break
    found.reverse()
    return found


def block_norms(blocks: list[Block]) -> list[str]:
    """block_norm() of each block, in order (one loop instead of a call per block)."""
    norms: list[str] = []
    for block in blocks:
        extra = block.extra
        norm = extra.get("norm")
        if norm is None:
            norm = extra["norm"] = normalise(block.text)
        norms.append(norm)
    return norms


def block_tokens(block: Block) -> list[str]:
    """The runs of word characters of the block's normalised text (phrase-pack gates), computed once."""
    tokens = block.extra.get("tokens")
    if tokens is None:
        tokens = block.extra["tokens"] = tokens_of(block_norm(block))
    return tokens
