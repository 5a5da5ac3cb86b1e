"""Fast paths of the HTML rules give the answers of the plain code they replace (speed work keeps decisions)."""

from __future__ import annotations

import random

from cleantext.features.html import vocab as html_vocab

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

    from cleantext.features.html import region_scores

    rng = random.Random(11)
    words = ["hid", "hidden", "ad", "-ad-", "com", "comment", "main", "post", "h-entry", "x", "1", "_", "-", " "]
    values = {"".join(rng.choices(words, k=rng.randint(1, 5))) for _ in range(5000)}
    positive = regex.compile(region_scores.POSITIVE.pattern)
    for value in values:
        assert bool(region_scores.POSITIVE.search(value)) == bool(positive.search(value)), value
        assert bool(region_scores._NEGATIVE_ASCII.search(value)) == bool(region_scores._NEGATIVE.search(value)), value


def test_date_hints_pass_every_line_the_date_patterns_match() -> None:
    from cleantext.rules.html import lines as html_lines

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


def test_tree_inside_flags_the_blocks_under_the_elements() -> None:
    from cleantext.features.html.elements import ElementTree, nodes_of
    from cleantext.segment.html import segment_html

    html = ("<html><body>lead<div id='a'><p>one</p><div><span>two</span> three<p>four</p></div>five</div>"
            "<ul><li>six</li><li><a href='/'>seven</a></li></ul><p>eight</p></body></html>")
    blocks = segment_html(html)[0]
    body = blocks[1:]  # a subset, as the rules pass the blocks still in the body
    tree = ElementTree(body)
    elements = {n.nid: n for b in blocks for n in nodes_of(b)}
    rng = random.Random(3)
    for _ in range(200):
        chosen = rng.sample(list(elements.values()), rng.randint(0, 3))
        expected = [int(any(n in nodes_of(b) for n in chosen)) for b in body]
        assert tree.inside(chosen) == expected


def _html_pages() -> list[str]:
    """The HTML inputs of the rule fixtures, and pages with the nesting the walk has special cases for."""
    import json
    from pathlib import Path

    pages = [
        "<html>before body<body><p>one <span>two</span> three</p><div>four<div>five</div>six</div></body></html>",
        "<p>no html element <b>bold <i>both</i></b> after<br><br>split <a href='/x'>link</a></p><ul><li>a<li>b</ul>",
        "<div><span>inline <div>block in inline</div> tail</span> more <table><tr><td>cell<td><p>para</p></table>"
        "</div><pre>  code\n  lines</pre><div><section><p>deep</p></section>loose<em>em</em></div>",
        "<html><body><div>x</div></body></html><body><p>second body</p></body><p>after</p>",
    ]
    for path in sorted((Path(__file__).parent / "rules" / "fixtures").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            if case.get("mode") == "html" and "input" in case:
                pages.append(case["input"])
    return pages


def test_an_elements_blocks_form_one_run_that_bisection_finds() -> None:
    from cleantext.chain import Context
    from cleantext.features.html.elements import nodes_of
    from cleantext.features.html.runs import run_start
    from cleantext.options import Options
    from cleantext.segment.html import segment_html

    pages = _html_pages()
    assert len(pages) > 100
    for html in pages:
        blocks = segment_html(html)[0]
        ctx = Context(blocks=blocks, options=Options(), mode="html")
        held: dict[int, list[int]] = {}
        elements = {}
        for i, block in enumerate(blocks):
            for node in nodes_of(block):
                held.setdefault(node.nid, []).append(i)
                elements[node.nid] = node
        for nid, indices in held.items():
            assert indices == list(range(indices[0], indices[-1] + 1)), html
            assert run_start(ctx, elements[nid]) == indices[0], html


def _outermost_by_walking(body, candidates, decide):
    # The reference: each body block's path walked outermost first, each element decided once.
    from cleantext.features.html.elements import nodes_of

    ids = {n.nid for n in candidates}
    decided: dict = {}
    found = []
    for block in body:
        for node in nodes_of(block):
            if node.nid in ids:
                if node.nid not in decided:
                    decided[node.nid] = decide(node)
                if decided[node.nid] is not None:
                    found.append((block.index, decided[node.nid]))
                    break
    return found


def test_outermost_in_runs_decides_as_a_walk_down_each_body_path() -> None:
    from cleantext.chain import Context
    from cleantext.features.html.elements import nodes_of
    from cleantext.features.html.runs import outermost_in
    from cleantext.options import Options
    from cleantext.segment.html import segment_html

    rng = random.Random(9)
    for html in _html_pages():
        blocks = segment_html(html)[0]
        ctx = Context(blocks=blocks, options=Options(), mode="html")
        for block in blocks:
            if rng.random() < 0.3:
                block.label = "boilerplate"
        body = [b for b in blocks if b.label == "body"]
        elements = list({n.nid: n for b in blocks for n in nodes_of(b)}.values())
        for _ in range(5):
            chosen = rng.sample(elements, min(len(elements), rng.randint(1, 6)))
            answers = {n.nid: (None if rng.random() < 0.3 else f"why {n.nid}") for n in chosen}
            asked_a: list[int] = []
            asked_b: list[int] = []

            def decide_a(node, asked=asked_a, answers=answers):
                asked.append(node.nid)
                return answers[node.nid]

            def decide_b(node, asked=asked_b, answers=answers):
                asked.append(node.nid)
                return answers[node.nid]

            expected = _outermost_by_walking(body, chosen, decide_a)
            assert [(b.index, hit) for b, hit in outermost_in(ctx, chosen, decide_b)] == expected, html
            assert sorted(asked_b) == sorted(asked_a)
