"""The fast paths of class/id naming give the same answers as the plain word split they replace."""

from __future__ import annotations

from cleantext.features.html import concepts
from cleantext.features.html import vocab as html_vocab
from cleantext.features.html.vocab import _ANY_NAME, _ANY_PREFIX, _ANY_WORD, _WORD_SPLIT, CONCEPTS, split_words


def _reference(name: str):
    """match_concept as written before its fast path: split with the regex, test every word."""
    low = name.lower()
    words = [w for w in _WORD_SPLIT.split(low) if w]
    if not any(w in _ANY_WORD or w.startswith(_ANY_PREFIX) for w in words) and not _ANY_NAME.search(low):
        return None
    for concept in CONCEPTS:
        if concept.names is not None and concept.names.search(low):
            return concept, low
        for i, word in enumerate(words):
            if i and words[i - 1] in html_vocab._MODIFIERS:
                continue
            if word in concept.words or (word.startswith(concept.prefixes) and word not in html_vocab._FALSE_FRIENDS):
                return concept, word
    return None


def _values() -> list[str]:
    words = sorted(_ANY_WORD) + list(_ANY_PREFIX)
    out = ["row", "col-md-8", "entry-content", "has-sidebar", "no-comments", "commentary", "Comment_List",
           "post share_bar", "mvp-author-box-wrap", "ad\tbox", "ad\x1cbox", "x\x1fcomments", "Kommentare",
           "relacionadas-box", "widget", "footer-widgets", "sign-up-form", "TestReport__Section--Ads", "", "-", "a__b",
           "read_also", "vcard", "commentsArea", "ünïcode-share", "breadcrumbs"]
    for w in words:
        out += [w, w.upper(), f"x-{w}", f"{w}_y", f"{w}s", f"pre{w}", f"{w}box", f"no-{w}", f"a b {w}", f"{w}\tz"]
    return out


def test_match_concept_fast_path_agrees_with_the_word_split() -> None:
    html_vocab.match_concept.cache_clear()
    for value in _values():
        assert html_vocab.match_concept(value) == _reference(value), value


def test_many_words_agrees_with_split_words() -> None:
    for value in ["a-b-c", "a-b-c-d", "a--b__c", "a b c d", "a\tb\tc\td", "a\x1cb-c-d", "one", "ä-b-c-d", "a-b-",
                  "-a-b-c-", "sharing-with-a-single-dev"]:
        assert concepts._many_words(value) == (len(split_words(value)) > concepts._MAX_ID_WORDS), value
