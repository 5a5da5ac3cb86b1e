"""Rules (both modes): media. Photo credits and captions repeated with a credit (alt text: rules/text/alt_text.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...context import Context
from ...document import Block
from ...features.shape import block_words, ends_sentence
from ...phrases import literal_trie, words_of
from ...rule import Mark, Rule, block_rule, rule

# A caption with a credit is short: captions on the dev sets stay under ~40 words; prose runs longer.
CAPTION_MAX_WORDS = 40
# A credit names a source in a few words ("Foto: dpa", "Photo: Nati Shohat/Flash90").
CREDIT_MAX_WORDS = 8


def _alternation(items: list[str]) -> str:
    return "|".join(regex.escape(i).replace(r"\ ", r"\s+") for i in sorted(set(items), key=len, reverse=True))


_LABELS = _alternation(words_of("photo-credit", "labels"))
_BY = _alternation(words_of("photo-credit", "by"))
_AGENCIES = _alternation(words_of("photo-credit", "agencies"))
_OPEN = r"(?:^|(?<=[\s(\[|/–—\-·•,;]))"
# "Photo: Nati Shohat/Flash90)", "Foto: dpa", "Photo by Jane Doe on Unsplash", "Crédit photo : AFP".
_LABELLED = regex.compile(
    rf"{_OPEN}[(\[]?(?:{_LABELS})\s*(?:(?:{_BY})\s*)?[:：]\s*(?P<credit>[^\s:].*?)(?:[)\]]\.?)?\s*$"
    rf"|{_OPEN}[(\[]?(?:{_LABELS})\s+(?:{_BY})\s+(?P<credit>\p{{Lu}}.*?)(?:[)\]]\.?)?\s*$",
    regex.V1 | regex.IGNORECASE,
)
# "© Getty Images", "(c) Jane Doe / dpa" with no year: a year makes it a copyright notice instead.
_COPY = regex.compile(r"(?:^|(?<=[\s(\[|/]))(?:©|\(c\)|copyright)\s*(?P<credit>[^\d\s].*?)[)\]]?\s*$",
                      regex.V1 | regex.IGNORECASE)
# An agency name ending a caption, after a separator or glued to its last word ("Flag of TaiwaniStock").
_AGENCY_END = regex.compile(
    rf"(?:^|(?<=[\s(\[|/–—\-·•:,;])|(?<=\p{{Ll}}|\p{{Ll}}[.]))"
    rf"(?P<credit>(?:{_AGENCIES})(?:\s*/\s*[\p{{L}} .\-]{{1,40}})?)[)\]]?\s*$",
    regex.V1,
)


def _first_words(items: list[str]) -> list[str]:
    return sorted({i.split()[0] for i in items if i.split()}, key=len, reverse=True)


# Every credit holds a label or a copyright sign (matched case-insensitively) or an agency name (as written):
# one scan for their first words rules out ~96 % of short lines on the dev sets before the three patterns run.
# The words are searched as a trie with the standard library's ``re``: 6x faster than a flat ``regex`` alternation.
_LABEL_WORDS = [w.casefold() for w in _first_words(words_of("photo-credit", "labels"))]
_COPY_WORDS = ["©", "(c)", "copyright"]
_MAY_LABEL = re.compile(literal_trie([*_LABEL_WORDS, *_COPY_WORDS]))
_MAY_AGENCY = re.compile(literal_trie(_first_words(words_of("photo-credit", "agencies"))))
# After that scan, each pattern runs only when its own words are there: a label for _LABELLED, a copyright sign
# for _COPY, an agency for _AGENCY_END (each scanning the line from every start: ~40 us a line).
_MAY_LABEL_WORD = re.compile(literal_trie(_LABEL_WORDS))
_MAY_COPY = re.compile(literal_trie(_COPY_WORDS))


def credit_of(text: str) -> tuple[str, str] | None:
    """The credit ending a short line and how it was recognised, or None."""
    # Only the end of the line can hold its credit: look at the last 160 characters, cut at a word start.
    if len(text) > 160:
        tail = text[-160:]
        text = tail[tail.find(" ") + 1 :]
    folded = text.casefold()
    if _MAY_LABEL.search(folded) is None:
        if _MAY_AGENCY.search(text) is None:
            return None
        patterns = (("agency", _AGENCY_END),)
    else:
        patterns = tuple((how, pattern) for how, pattern, gate, line in (
            ("labelled", _LABELLED, _MAY_LABEL_WORD, folded), ("copyright", _COPY, _MAY_COPY, folded),
            ("agency", _AGENCY_END, _MAY_AGENCY, text)) if gate.search(line) is not None)
    for how, pattern in patterns:
        # Overlapped: "Main image: Whale expert. Photograph: Adrian Malloch" has its credit after the 2nd label.
        for found in pattern.finditer(text, overlapped=True):
            credit = found.group("credit").strip()
            words = len(credit.split())
            if how == "labelled" and (words > CREDIT_MAX_WORDS or _SENTENCE_END.search(credit)):
                continue
            if how == "copyright" and (words > CREDIT_MAX_WORDS or _YEAR.search(credit)):
                continue
            return how, credit
    return None


_SENTENCE_END = regex.compile(r"[.!?]$")
_YEAR = regex.compile(r"\d{4}")


@block_rule("photo-credit", "photo-credit")
def photo_credit(block: Block, ctx: Context) -> str | None:
    """A short line that is, or ends in, a photo credit ("Foto: dpa", "(Photo: X/Flash90)", "…iStock")."""
    words = block_words(block)
    if words > CAPTION_MAX_WORDS:
        return None
    found = credit_of(block.text)
    if found is None:
        return None
    how, credit = found
    # A credit after a full stop that ends prose is the paragraph's last word, unless a label introduced it.
    if how == "agency" and ends_sentence(block.text):
        return None
    return f'ends in a photo credit ({how}: "{credit}"), {words} words <= {CAPTION_MAX_WORDS}'


def _prefix_lines(ctx: Context) -> list[int]:
    """The lines the next line starts with and continues: one scan for both rules below."""

    def scan() -> list[int]:
        # The copies sit on adjacent lines (no blank line between them in a text dump).
        return [i for i, (block, nxt) in enumerate(zip(ctx.blocks, ctx.blocks[1:], strict=False))
                if not nxt.blank_before and len(nxt.text) > len(block.text) and nxt.text.startswith(block.text)]

    return ctx.memo("prefix-lines", scan, labels=False)


def repeated_prefix(ctx: Context, sentence: bool) -> Iterator[Mark]:
    """Lines printed again at the start of the next line: caption sentences (``sentence``) or short labels."""
    blocks = ctx.blocks
    for i in _prefix_lines(ctx):
        block, nxt = blocks[i], blocks[i + 1]
        if block.label != "body":
            continue
        text, following = block.text, nxt.text
        rest = following[len(text) :].strip()
        if ends_sentence(text) != sentence or block_words(block) > CAPTION_MAX_WORDS:
            continue
        # The longer line is the same picture's caption: a credit follows, or it is a short caption itself.
        credited = nxt.kind == "photo-credit" or credit_of(following) is not None
        if not credited and (len(rest) > 100 or block_words(nxt) > CAPTION_MAX_WORDS):
            continue
        what = "with a photo credit" if credited else f"plus {len(rest)} characters"
        role = "caption" if sentence else "alt text"
        yield i, f"repeated at the start of the next line ({what}): the picture's {role}"


@rule("repeated-caption", "image-caption")
def repeated_caption(ctx: Context) -> Iterator[Mark]:
    """A caption sentence printed twice, the second time with its photo credit: the first copy goes."""
    return repeated_prefix(ctx, sentence=True)


RULES: list[Rule] = [photo_credit, repeated_caption]
