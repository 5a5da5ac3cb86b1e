"""Fast paths of the HTML rules give the answers of the plain code they replace (speed work keeps decisions)."""

from __future__ import annotations

import random

from cleantext.rules import html_vocab

# Pieces of class and id values: furniture words and names, their parts, separators, look-alikes.
_PIECES = ["comment", "comments", "area", "wp", "fb", "reply", "title", "akismet", "share", "twitter", "button",
           "more", "stories", "read", "next", "post", "prev", "nav", "links", "navigation", "sign", "up", "mc",
           "embed", "email", "form", "opt", "in", "free", "trial", "about", "author", "bio", "box", "p", "vcard",
           "entry", "meta", "data", "tags", "tag", "list", "cat", "taxonomy", "wp", "caption", "text", "image",
           "credit", "ad", "container", "google", "ads", "div", "gpt", "breadcrumb", "widget", "widgets", "sidebar",
           "footer", "article", "tools", "skip", "to", "content", "back", "top", "print", "this", "most", "viewed",
           "row", "col", "md", "8", "x", "lee", "tambien", "mehr", "zum", "thema", "same", "topic", "bloc"]


def test_ascii_name_test_agrees_with_the_full_pattern() -> None:
    rng = random.Random(7)
    values = {"", "-", "_", "widget", "my-widget", "widget-area", "xwidget", "widget2", "a-widgets-b", "ad--slot"}
    for _ in range(20000):
        parts = rng.choices(_PIECES, k=rng.randint(1, 4))
        values.add("".join(p + rng.choice(["-", "_", "", "--", "-_"]) for p in parts).strip(rng.choice(["", "-"])))
    assert all(v.isascii() for v in values)
    hits = 0
    for value in values:
        full = html_vocab._ANY_NAME.search(value) is not None
        assert (html_vocab._ANY_NAME_ASCII.search(value) is not None) == full, value
        hits += full
    assert 0 < hits < len(values)  # the sample holds both kinds


def test_readability_class_words_match_as_with_the_regex_engine() -> None:
    import regex

    from cleantext.rules import region_scores

    rng = random.Random(11)
    words = ["hid", "hidden", "ad", "-ad-", "com", "comment", "main", "post", "h-entry", "x", "1", "_", "-", " "]
    values = {"".join(rng.choices(words, k=rng.randint(1, 5))) for _ in range(5000)}
    positive = regex.compile(region_scores.POSITIVE.pattern)
    for value in values:
        assert bool(region_scores.POSITIVE.search(value)) == bool(positive.search(value)), value
        assert bool(region_scores._NEGATIVE_ASCII.search(value)) == bool(region_scores._NEGATIVE.search(value)), value


def test_date_hints_pass_every_line_the_date_patterns_match() -> None:
    from cleantext.rules import html_lines

    rng = random.Random(5)
    months = html_lines._MONTHS.split("|")
    pieces = ["1", "19", "2019", "06", "7", "st", "th", "ST", "ﬆ", ".", ",", "-", "/", " ", "  ", "\n", "年", "月",
              "日", "am", "Published", ":", "١٩", "２０１９"]
    lines = set()
    for _ in range(8000):
        parts = rng.choices(pieces, k=rng.randint(1, 6))
        parts.insert(rng.randint(0, len(parts)), rng.choice(months))
        lines.add("".join(parts))
    dated = yearless = 0
    for line in lines:
        found = html_lines._DATE.search(line)
        quick = html_lines._date_in(line)
        assert (quick is None and found is None) or quick.span() == found.span(), line
        dates = html_lines._dates_of(line)
        assert (line if dates is None else dates.sub(" ", line)) == html_lines._DATE.sub(" ", line), line
        assert (html_lines._yearless_in(line) is None) == (html_lines._YEARLESS.search(line) is None), line
        dated += found is not None
        yearless += html_lines._YEARLESS.search(line) is not None
    assert dated > 50 and yearless > 50  # the sample holds lines of every kind
