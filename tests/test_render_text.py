"""Plain-text output: paragraphs apart, a table row per line with tab-separated cells (empty cells kept)."""

from __future__ import annotations

import cleantext
from cleantext.render import to_text

BODY = ("The city council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
        "next five years, after months of debate between neighbourhood groups and the finance committee.")


def doc(article: str) -> cleantext.Document:
    html = f"<html><body><article><h1>Budget</h1><p>{BODY}</p>{article}</article></body></html>"
    return cleantext.clean(html, mode="html")


def test_table_rows_are_lines_and_cells_are_tab_separated() -> None:
    d = doc("<table><tr><th></th><th>Shop A</th><th>Shop B</th></tr>"
            "<tr><td>Apples</td><td></td><td>3.10</td></tr></table>")
    assert to_text(d).endswith(BODY + "\n\n\tShop A\tShop B\nApples\t\t3.10")
    assert d.text == BODY + "\n\n\tShop A\tShop B\nApples\t\t3.10"
    assert d.paragraphs[1:] == ["Shop A", "Shop B", "Apples", "3.10"]  # blocks stay one per cell


def test_paragraphs_and_code_keep_their_shape() -> None:
    d = doc("<h2>Plan</h2><p>The work starts in May.</p><pre>step 1\n    step 1a</pre>")
    assert d.text == BODY + "\n\nPlan\n\nThe work starts in May.\n\nstep 1\n    step 1a"
