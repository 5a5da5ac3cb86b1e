"""Property tests: any str or bytes gives a Document or a documented error; text mode only keeps input text.

Also runs the fuzz target (fuzz/fuzz_clean.py) for a short, seeded run; long runs are described there.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import CleantextError, Document
from cleantext.render import to_text

FUZZ = Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_clean.py"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The characters text mode treats as blank, and those the decoder drops (C0 controls).
_IGNORED = str.maketrans("", "", " \t\n\r\x0b\x0c\u00a0\u200b\u3000" + "".join(map(chr, range(32))) + "\x7f")

_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "<h1>", "</h1>", "<script>", "</script>",
                         "<table><tr><td>", "<a href='#'>", "</a>", "<!--", "-->", "&amp;", "&#x1F600;", "<pre>",
                         "<nav>", "</nav>", '<div class="share">', "<title>", "</title>", "<![CDATA[", "]]>",
                         '<meta charset="base64">', '<meta charset="utf-16">', "<meta charset=cp1251>", "\x00"])
_WORDS = st.sampled_from(["Share", "Follow us", "12 comments", "Photo: AP", "Newsletter abonnieren", "the",
                          "committee", "approved", "budget.", "Suivez-nous", "Like (3)", "分享", "تعليقات", " ",
                          "\n", "\n\n", "\u200b", "\t", "Read more", "©", "»"])
HTML_LIKE = st.lists(st.one_of(_TAGS, _WORDS, st.text(max_size=12)), max_size=60).map("".join)
TEXT_LIKE = st.lists(st.one_of(_WORDS, st.text(max_size=20)), max_size=60).map("".join)


def _outcome(source: str | bytes, mode: str) -> Document | None:
    try:
        doc = cleantext.clean(source, mode=mode)
    except CleantextError:
        return None
    assert isinstance(doc, Document)
    doc.to_dict()
    return doc


@SETTINGS
@given(st.one_of(st.text(), HTML_LIKE), st.sampled_from(["auto", "html", "text"]))
def test_any_str_gives_a_document_or_a_documented_error(source: str, mode: str) -> None:
    _outcome(source, mode)


@SETTINGS
@given(st.one_of(st.binary(), HTML_LIKE.map(lambda s: s.encode("utf-8", "surrogatepass"))),
       st.sampled_from(["auto", "html", "text"]))
def test_any_bytes_give_a_document_or_a_documented_error(source: bytes, mode: str) -> None:
    _outcome(source, mode)


def _squash(text: str) -> str:
    return text.translate(_IGNORED)


@SETTINGS
@given(TEXT_LIKE)
def test_text_mode_keeps_only_text_from_the_input(source: str) -> None:
    doc = _outcome(source, "text")
    if doc is None:
        return
    lines = [_squash(line) for line in source.splitlines()]
    for paragraph in [*doc.paragraphs, *([doc.title] if doc.title else [])]:
        squashed = _squash(paragraph)
        assert any(squashed in line for line in lines), f"{paragraph!r} is not text of one input line"


@SETTINGS
@given(TEXT_LIKE)
def test_cleaning_the_cleaned_text_changes_nothing(source: str) -> None:
    doc = _outcome(source, "text")
    if doc is None:
        return
    again = cleantext.clean(to_text(doc), mode="text")
    assert again.title == doc.title
    assert again.paragraphs == doc.paragraphs


def test_fuzz_target_short_run(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("fuzz_clean", FUZZ)
    assert spec and spec.loader
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    assert fuzz.run(runs=120, seed=2024, crash_dir=tmp_path) == 120
