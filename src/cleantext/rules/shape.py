"""Shape of a line of text: words, sentence endings, prose or label. Shared by the text-side rules."""

from __future__ import annotations

import regex

from ..document import Block
from ..phrases import normalise

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


def word_count(text: str) -> int:
    """Words in the text; in scripts written without spaces every two characters count as one word."""
    cjk = 0 if text.isascii() else len(_CJK_CHAR.findall(text))
    if cjk:
        spaced = _WORD.findall(_CJK_CHAR.sub(" ", text))
        return len(spaced) + (cjk + 1) // 2
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (. ! ? … or their CJK forms, maybe with a closing quote)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def ends_with_punctuation(text: str) -> bool:
    """True when the text ends in sentence or clause punctuation (. ! ? … : ; ,)."""
    return bool(_TERMINAL.search(text.rstrip()))


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
    n = block_words(block)
    return n >= LONG_WORDS or (n >= PROSE_WORDS and ends_sentence(block.text))


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
