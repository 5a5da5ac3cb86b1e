"""Rules: counters. Vote buttons with their counts and counters of comments, likes, shares or views."""

from __future__ import annotations

import re

import regex

from ...context import Context
from ...document import Block
from ...phrases import literal_trie, words_of
from ...rule import Rule, block_rule


def _alternation(items: list[str]) -> str:
    return "|".join(regex.escape(i).replace(r"\ ", r"\s+") for i in sorted(set(items), key=len, reverse=True))


# A count: 39, 1,204, 1.2K, 3 тыс., 2万.
_COUNT = r"\d[\d.,  ]*\s*(?:[kKmM]|тыс\.?|млн|万|千|mil|Mio\.?|Tsd\.?)?"
# Icons that stand for a vote or reaction button.
_ICONS = r"[👍👎❤♥♡💬⬆⬇▲▼↑↓★☆+]\ufe0f?"
_VOTES = _alternation(words_of("vote-counter", "votes"))
_COUNTED = _alternation(words_of("vote-counter", "counted"))
_LEAD = r"^[\s\p{S}\p{P}]*"
_TAIL = r"[\s\p{S}\p{P}]*$"
# "Yes (39)", "Like (3)", "👍 12", "Hilfreich: 4", "12 👍".
_VOTE = regex.compile(
    rf"{_LEAD}(?:(?:{_VOTES})|{_ICONS})\s*[(\[:]?\s*{_COUNT}\s*[)\]]?{_TAIL}"
    rf"|{_LEAD}{_COUNT}\s*(?:{_ICONS}){_TAIL}",
    regex.V1 | regex.IGNORECASE,
)
# "12 comments", "1.2K likes", "Comments (12)", "Aufrufe: 1.234", "评论 (3)", "3条评论".
_COUNTER = regex.compile(
    rf"{_LEAD}{_COUNT}\s*(?:{_COUNTED}){_TAIL}|{_LEAD}(?:{_COUNTED})\s*[(\[:]?\s*{_COUNT}\s*[)\]]?{_TAIL}",
    regex.V1 | regex.IGNORECASE,
)


# A button with its count is short: the longest on the dev sets ("Gefällt mir nicht (1.204)") has ~25 characters.
COUNTER_MAX_CHARS = 40


# Both patterns need a digit (every count starts with \d). A line of ASCII characters without 0-9 has none; other
# lines go to the patterns, whose \d also knows the digits of other scripts.
_ASCII_DIGIT = re.compile(r"[0-9]")


# Both patterns are a count and a word or icon between punctuation, symbols and spaces (_LEAD, _TAIL): once
# those are stripped, the line starts with the count's digit or ends with the count (a digit, maybe more digits,
# dots, commas and spaces, and a suffix of at most 3 letters: "3K", "2 тыс", "1.2 Mio"). [\W_] holds every
# character of _LEAD and _TAIL (and \ufe0f after an icon). This plain test rules out ~57% of the short lines with
# a digit, at a tenth of the patterns' cost.
_MAY_COUNT = re.compile(r"^[\W_]*\d|\d[\d.,\s]*[^\W\d_]{0,3}[\W_]*$")


def _short_counted(ctx: Context) -> list[int]:
    """The lines short enough for a counter that may hold a count: the candidates of both counter rules."""

    def scan() -> list[int]:
        # Body lines only: a removed line never returns to the body (in HTML mode most are gone by now).
        return [b.index for b in ctx.blocks if b.label == "body" and len(b.text) <= COUNTER_MAX_CHARS
                and (not b.text.isascii() or _ASCII_DIGIT.search(b.text) is not None)
                and _MAY_COUNT.search(b.text) is not None]

    return ctx.memo("counter-candidates", scan, labels=False)


@block_rule("vote-counter", "vote-counter", candidates=_short_counted)
def vote_counter(block: Block, ctx: Context) -> str | None:
    """A vote or reaction button with its count and nothing else ("Yes (39)", "Like (3)", "👍 12")."""
    if len(block.text) <= COUNTER_MAX_CHARS and _VOTE.match(block.text):
        return f'the whole line is a vote button and its count ("{block.text}")'
    return None


# Every _COUNTER line holds one of the counted words, matched case-insensitively: when case folding turns each
# character of the line into one (str.casefold), the folded line holds the folded first word of one. This search
# (a trie, standard library ``re``) rules out ~90% of the candidate lines at a tenth of the pattern's cost. A line
# with a character that folds to several ("İ" -> "i̇", which the pattern matches as "i") goes to the pattern.
_MAY_COUNTED = re.compile(literal_trie(sorted({w.split()[0].casefold() for w in words_of("vote-counter", "counted")
                                               if w.split()})))


def _may_count_words(text: str) -> bool:
    folded = text.casefold()
    return len(folded) != len(text) or _MAY_COUNTED.search(folded) is not None


@block_rule("count-label", "vote-counter", candidates=_short_counted)
def count_label(block: Block, ctx: Context) -> str | None:
    """A counter of comments, likes, shares or views and nothing else ("12 comments", "1.2K likes")."""
    text = block.text
    if len(text) <= COUNTER_MAX_CHARS and _may_count_words(text) and _COUNTER.match(text):
        return f'the whole line is a counter ("{block.text}")'
    return None


RULES: list[Rule] = [vote_counter, count_label]
