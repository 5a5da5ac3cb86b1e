"""Rules: single lines of page metadata and machinery that read the same in HTML and text (both modes).

Reading-time lines ("5 min read", "Lesezeit: 2 Minuten") sit in article headers beside the date; they are the
site's estimate, not the author's text. The words are data: the reading-time phrase pack.

Error reports: a CMS whose PHP runs with display_errors on prints its warnings into the HTML, before, between
or after the article ("Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php
on line 407"). They are the server's diagnostics, never article text, and they survive into text dumps of the page.
"""

from __future__ import annotations

import regex

from ...context import Context
from ...document import Block
from ...features.shape import block_words
from ...phrases import load_pack
from ...rule import Rule, block_rule

# PHP's error report: "<level>: <message> in <file> on line <n>", the levels as PHP prints them. The file is an
# absolute path (Unix or Windows); one block may hold several reports in a row (one per line of the source).
# A message runs to a few hundred characters ("Use of undefined constant comments - assumed 'comments' (this
# will throw an Error in a future version of PHP)" is 120 on the dev sets): 500 leaves room without letting one
# report swallow a paragraph.
_LEVEL = (r"(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable |Recoverable )?[Ff]atal error"
          r"|Parse error)")
_REPORT = rf"{_LEVEL}\s*:\s+.{{1,500}}?\sin\s+(?:/|[A-Za-z]:\\)\S+\s+on line\s+\d+"
_REPORTS = regex.compile(rf"\s*(?:{_REPORT}\s*)+", regex.DOTALL)
_LINE_NO = regex.compile(r"\son line\s+\d+")
_START = regex.compile(rf"\s*{_LEVEL}\s*:")


@block_rule("server-error", "error")
def server_error(block: Block, ctx: Context) -> str | None:
    """An error report of the site's software printed into the page ("Warning: … in /www/x.php on line 407")."""
    text = block.text
    if "on line" not in text or not _START.match(text) or not _REPORTS.fullmatch(text):
        return None
    count = len(_LINE_NO.findall(text))
    return f"the line is {count} PHP error report(s) (\"<level>: <message> in <file> on line <n>\")"


# Every reading-time line names its minutes ("5 min read", "less than a minute", "mniej niż minutę", "3 мин",
# "3分钟"): a line without "min" / "мин" / "分钟" is ruled out before the pack's patterns run.
_MINUTE_HINT = regex.compile(r"min|мин|分钟", regex.IGNORECASE)
# The pack's lines are at most 10 words: 120 characters rule out paragraphs before their words are counted.
_MAX_CHARS = 120
# _MINUTE_HINT's words, case-folded: the pattern matches a character as one of their letters only when the
# character folds to that letter (tests/test_phrases_speed.py checks every code point), so a line whose characters
# each fold to one holds a match only when its folded text holds a word. Substring tests: ~10x cheaper than the
# pattern call on each short line.
_MINUTE_WORDS = ("min", "мин", "分钟")


def _minute_lines(ctx: Context) -> list[int]:
    """The body lines of at most _MAX_CHARS characters that may name minutes (a superset of _MINUTE_HINT's)."""
    found: list[int] = []
    for block in ctx.blocks:
        text = block.text
        if block.label == "body" and len(text) <= _MAX_CHARS:
            folded = text.casefold()
            if len(folded) != len(text) or "min" in folded or "мин" in folded or "分钟" in folded:  # _MINUTE_WORDS
                found.append(block.index)
    return found


@block_rule("reading-time", "byline", candidates=_minute_lines)
def reading_time(block: Block, ctx: Context) -> str | None:
    """A line that only estimates the reading time ("5 min read", "Lesezeit: 2 Minuten", "Temps de lecture : 3 min")."""
    text = block.text
    if len(text) > _MAX_CHARS or not _MINUTE_HINT.search(text):
        return None
    pack = load_pack("reading-time")
    words = block_words(block)
    if words > pack.max_words:
        return None
    found = pack.match(block.text, words)
    return f"{found.describe()} ({words} words <= {pack.max_words})" if found is not None else None


RULES: list[Rule] = [server_error, reading_time]
