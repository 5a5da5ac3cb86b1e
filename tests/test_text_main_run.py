"""The main run of a text page: which line anchors it under the headline, and how far it grows over short lines."""

from __future__ import annotations

import cleantext
from cleantext.context import Context
from cleantext.document import Block
from cleantext.features.text.grow import GROWN_LINES, grow_up, menu_like
from cleantext.features.text.line_scores import headline_anchor
from cleantext.options import Options

_PARAGRAPH = ("The council voted on Tuesday to approve a new budget that doubles spending on public parks over the "
              "next five years, after months of debate between neighbourhood groups and the finance committee.")


def _ctx(lines: list[str]) -> Context:
    return Context(blocks=[Block(index=i, text=t) for i, t in enumerate(lines)], options=Options(), mode="text")


def test_anchor_is_the_line_covering_the_title_not_an_earlier_menu_item() -> None:
    # "Games for Kids" repeats two of the title's eight words; the headline repeats all of them.
    ctx = _ctx(["Here Comes the Pun: 40 Jokes for Kids", "Home", "Games for Kids", "Crafts", "About us",
                "Here Comes the Pun: 40 Jokes for Kids", _PARAGRAPH])
    assert headline_anchor(ctx) == 5


def test_anchor_is_the_first_line_covering_much_of_the_title() -> None:
    # The headline covers 3 of the title's 7 words; a subheading further down restates it whole.
    ctx = _ctx(["Coinbase vs. Coinbase Pro: How do they compare?", "Coinbase vs. Coinbase Pro", _PARAGRAPH,
                "Coinbase vs. Coinbase Pro: How do they compare?", _PARAGRAPH])
    assert headline_anchor(ctx) == 1


def test_anchor_without_a_covering_line_takes_the_one_covering_most() -> None:
    ctx = _ctx(["Harbour works begin at the quay | The Daily News", "The Daily", "Daily News Harbour", _PARAGRAPH])
    assert headline_anchor(ctx) == 2


def test_menu_like_lines() -> None:
    for text in ["Home", "Games for Kids", "Sehr gut", "Rezept bewerten", "Vegetarisch & Vegan"]:
        assert menu_like(Block(index=0, text=text)), text
    for text in ["125 g Mehl", "Nennleistung: 2,2 kW", "Why was 6 afraid of 7?", "Für den Mürbeteig:",
                 "A vigilante!", _PARAGRAPH]:
        assert not menu_like(Block(index=0, text=text)), text


_SHORT = ["125 g flour", "80 g oats", "2 tbsp sugar", "1 tsp cinnamon", "1 pinch of salt", "2 apples, sliced"]


def test_grows_up_to_the_headline_over_the_article_short_lines() -> None:
    blocks = _ctx(["Crumble", "Ingredients", *_SHORT, _PARAGRAPH]).blocks
    assert grow_up(blocks, 0, 8) == 1


def test_grows_up_only_to_a_run_of_menu_entries() -> None:
    blocks = _ctx(["Crumble", "Share", "Tweet", "Email", "Print", *_SHORT, _PARAGRAPH]).blocks
    assert grow_up(blocks, 0, 11) == 5
    # Three menu entries in a row are not yet furniture.
    blocks = _ctx(["Crumble", "Share", "Tweet", "Email", *_SHORT, _PARAGRAPH]).blocks
    assert grow_up(blocks, 0, 10) == 1


def test_grows_up_only_to_a_cluster_of_removed_lines() -> None:
    blocks = _ctx(["Crumble", "Pinned", "12 comments", "3 likes", "Saved", *_SHORT, _PARAGRAPH]).blocks
    for block in blocks[2:5]:
        block.mark("boilerplate", "test", "test", "removed")
    assert grow_up(blocks, 0, 11) == 5


def test_does_not_grow_over_a_few_lines() -> None:
    # A byline, a date and a place under a headline are fewer than GROWN_LINES lines: not grown over.
    short = _SHORT[: GROWN_LINES - 1]
    blocks = _ctx(["Crumble", *short, _PARAGRAPH]).blocks
    assert grow_up(blocks, 0, len(short) + 1) == len(short) + 1


def test_recipe_lines_under_the_headline_are_kept_in_text_mode() -> None:
    page = "\n".join(["Apple crumble | Home Kitchen", "", "Home", "Recipes", "Contact", "", "Apple crumble", "",
                      "Ingredients", *_SHORT, "", _PARAGRAPH, "", _PARAGRAPH.replace("Tuesday", "Monday")])
    doc = cleantext.clean(page, mode="text")
    assert doc.title == "Apple crumble"
    assert doc.paragraphs[:2] == ["Ingredients", _SHORT[0]]
    assert "Recipes" not in doc.paragraphs


_ARCHIVE = " ".join(f"{month} {year} ({n})" for year in (2021, 2020, 2019)
                    for month, n in (("Januar", 4), ("Februar", 7), ("März", 2), ("April", 5)))


def test_a_long_line_without_punctuation_is_not_prose() -> None:
    from cleantext.features.shape import LONG_WORDS, is_prose

    sitemap = " ".join(["Startseite Stiftung Organisation Profil Partner Kontakt Projekte Presse Termine"] * 4)
    for text in [_ARCHIVE, "Archiv " + _ARCHIVE.replace(" (", ", (", 2), sitemap]:
        assert len(text.split()) >= LONG_WORDS
        assert not is_prose(Block(index=0, text=text)), text
    run_on = ("Ihr braucht: A3 Papier (am besten Aquarellpapier) • Schere • Wasserfarben oder Acrylfarben • einen "
              "breiten Pinsel • Klebestift • ein Glas Wasser und ein altes Handtuch für die Hände und den Tisch "
              "danach am Ende")
    assert len(run_on.split()) >= LONG_WORDS
    assert is_prose(Block(index=0, text=run_on))
    assert is_prose(Block(index=0, text=_PARAGRAPH))


def test_an_archive_picker_under_the_article_is_not_kept() -> None:
    page = "\n\n".join(["Parks budget | City News", "Parks budget", _PARAGRAPH,
                        _PARAGRAPH.replace("Tuesday", "Monday"), "Archiv", _ARCHIVE])
    doc = cleantext.clean(page, mode="text")
    assert _PARAGRAPH in doc.paragraphs
    assert _ARCHIVE not in doc.paragraphs


_NOTICE = ("Readers in the north of the county can now collect their weekly paper from any post office, the "
           "publisher said after the closure of several newsagents.")


def test_the_whole_title_repeated_inside_the_run_starts_the_article() -> None:
    # The notice above the headline scores as prose and joins the run; the whole title repeated is the headline.
    page = "\n\n".join(["Why parks matter to cities", _NOTICE, "Why parks matter to cities", _PARAGRAPH,
                        _PARAGRAPH.replace("Tuesday", "Monday")])
    doc = cleantext.clean(page, mode="text")
    assert _NOTICE not in doc.paragraphs
    assert doc.paragraphs[0] == _PARAGRAPH


def test_a_subheading_repeating_part_of_the_title_leaves_the_run_whole() -> None:
    intro = _PARAGRAPH.replace("council", "city council")
    page = "\n\n".join(["Parks budget approved | City News", intro, "Parks budget details", _PARAGRAPH,
                        _PARAGRAPH.replace("Tuesday", "Monday")])
    doc = cleantext.clean(page, mode="text")
    assert doc.paragraphs[0] == intro
