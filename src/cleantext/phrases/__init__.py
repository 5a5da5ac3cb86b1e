"""Phrase packs: per kind of boilerplate, per language, the words that give a line away.

Each pack is a data file ``<kind>.json`` beside this module::

    {"kind": "newsletter-prompt",
     "about": "what the pack finds, and where the phrases come from",
     "max_words": 30,                  # "start"/"contains" only fire on lines at most this long
     "line":     {"en": ["sign up for our newsletter", ...], "de": [...]},   # the whole line is the phrase
     "start":    {"en": [...]},        # the line begins with the phrase
     "contains": {"en": [...]}}        # the phrase occurs anywhere in the line

Matching ignores case, runs of spaces and the punctuation or symbols around a line ("Follow Us:",
"Loading comments...", "» Read more"). A phrase that starts with ``re:`` is a regular expression (``regex``
syntax) matched against that normalised line. Packs are read once per process and compiled into one
alternation per kind and position; caller phrases (Options.extra_phrases) are compiled per distinct set.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import regex

__all__ = [
    "PhraseIndex",
    "PhraseMatch",
    "PhrasePack",
    "caller_pack",
    "literal_trie",
    "load_data",
    "load_index",
    "load_pack",
    "normalise",
    "tokens_of",
    "words_of",
]

# Letters of scripts written without spaces: no word boundary is required around their phrases.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
POSITIONS = ("line", "start", "contains")


def normalise(text: str) -> str:
    """Lower-case the text, collapse its spaces and strip punctuation and symbols around it."""
    text = " ".join(text.casefold().split())
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end] if start or end < len(text) else text


def _edge_of(char: str) -> bool:
    # Punctuation (P*), symbols (S*) and separators (Z*) are not part of a line's words.
    return unicodedata.category(char)[0] in "PSZ" or char.isspace()


# The answer for ASCII characters, looked up instead of computed: lines start and end with them most often.
_ASCII_EDGE = {chr(i): _edge_of(chr(i)) for i in range(128)}


def _is_edge(char: str) -> bool:
    edge = _ASCII_EDGE.get(char)
    return _edge_of(char) if edge is None else edge


@dataclass(frozen=True)
class PhraseMatch:
    """Which phrase matched a line, where, and from which language list."""

    kind: str
    position: str
    phrase: str
    lang: str

    def describe(self) -> str:
        """A short reason fragment: 'line is the en navigation phrase "skip to main content"'."""
        where = {"line": "is", "start": "starts with", "contains": "contains"}[self.position]
        return f'line {where} the {self.lang} {self.kind} phrase "{self.phrase}"'


def _literal_pattern(norm: str) -> str:
    return re.escape(norm).replace(r"\ ", " ")


# Word boundaries (Unicode \w) around phrases of spaced scripts.
_BOUNDARY_HEAD = r"(?<!\w)"
_BOUNDARY_TAIL = r"(?!\w)"
# The runs of word characters of a normalised line, as the standard library's ``re`` sees them (the same \w
# as the boundaries above). A phrase of a spaced script sits between word boundaries, so each of its runs is
# a whole run of the line: a line can only hold the phrase when it holds the phrase's runs. That makes the
# runs a cheap, exact gate before the alternations.
_TOKENS = re.compile(r"\w+")
_LEAD = re.compile(r"\w*")
# A ``re:`` phrase that numbers or names its groups, or sets flags for the whole pattern, cannot be joined
# with others into one alternation without changing its meaning.
_UNJOINABLE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]+\)")


def tokens_of(norm: str) -> list[str]:
    """The runs of word characters of a normalised line, in order (the gate phrase packs check first)."""
    return _TOKENS.findall(norm)


def _lead(norm: str, tokens: list[str] | None) -> str:
    """The run of word characters the line starts with ("" when it starts with another character)."""
    if tokens is None:
        found = _LEAD.match(norm)
        return found.group() if found else ""
    return tokens[0] if tokens and norm.startswith(tokens[0]) else ""


def _key_token(phrase: str) -> str | None:
    """The longest run of word characters of a phrase (the rarest, as a rule): the one its gate looks up."""
    runs = _TOKENS.findall(phrase)
    return max(runs, key=len) if runs else None


class PhrasePack:
    """The compiled phrases of one kind.

    Whole-line phrases are a set lookup on the normalised line. "start" and "contains" phrases become one
    alternation per position and script (word boundaries apply around phrases of spaced scripts only), with a
    named group per language. ``re:`` phrases are compiled one by one with ``regex``. The text is already
    case-folded, so no pattern needs case-insensitive matching. The literal alternations use the standard
    library's ``re``: on the dev-set lines it searches them 3-4 times faster than ``regex`` does.

    Before an alternation runs, an exact gate rules most lines out with a set lookup: a "start" phrase of a
    spaced script needs the line's first run of word characters to be the phrase's first run, a "contains"
    phrase needs its longest run among the line's runs, a phrase of an unspaced script needs its literal text.
    """

    def __init__(self, kind: str, entries: dict[str, dict[str, list[str]]], max_words: int = 30) -> None:
        self.kind = kind
        self.max_words = max_words
        self._lines: dict[str, str] = {}
        # Per position: the alternation of spaced phrases, of unspaced phrases (None when there are none).
        self._spaced: dict[str, re.Pattern[str] | None] = dict.fromkeys(POSITIONS)
        self._unspaced: dict[str, re.Pattern[str] | None] = dict.fromkeys(POSITIONS)
        self._regexes: dict[str, list[tuple[str, regex.Pattern[str]]]] = {p: [] for p in POSITIONS}
        # The gates: first runs of the spaced "start" phrases, longest runs of the spaced "contains" phrases
        # (None in the set: a phrase without word characters, always tried), and the unspaced phrases.
        self.start_leads: set[str] = set()
        self.contains_keys: set[str | None] = set()
        self.unspaced: dict[str, tuple[str, ...]] = {p: () for p in POSITIONS}
        # The sources of the ``re:`` phrases per position, for an index over several packs.
        self.regex_sources: dict[str, list[str]] = {p: [] for p in POSITIONS}
        self.size = 0
        for position in POSITIONS:
            spaced: dict[str, list[str]] = {}
            unspaced: dict[str, list[str]] = {}
            for lang, phrases in (entries.get(position) or {}).items():
                if not regex.fullmatch(r"[a-z]{2,8}", lang):
                    raise ValueError(f"phrase pack {kind}: language key {lang!r} must be 2-8 lower-case letters")
                for phrase in phrases:
                    if not isinstance(phrase, str) or not phrase.strip():
                        continue
                    self.size += 1
                    if phrase.startswith("re:"):
                        self._regexes[position].append((lang, regex.compile(phrase[3:], regex.V1)))
                        self.regex_sources[position].append(phrase[3:])
                        continue
                    norm = normalise(phrase)
                    if not norm:
                        continue
                    if position == "line":
                        self._lines.setdefault(norm, lang)
                    elif _CJK.match(norm[0]) or _CJK.match(norm[-1]):
                        unspaced.setdefault(lang, []).append(_literal_pattern(norm))
                        self.unspaced[position] += (norm,)
                    else:
                        spaced.setdefault(lang, []).append(_literal_pattern(norm))
                        if position == "start":
                            self.start_leads.add(_lead(norm, _TOKENS.findall(norm)))
                        else:
                            self.contains_keys.add(_key_token(norm))
            for table, head, tail, slot in ((spaced, _BOUNDARY_HEAD, _BOUNDARY_TAIL, self._spaced),
                                            (unspaced, "", "", self._unspaced)):
                if not table:
                    continue
                groups = "|".join(f"(?P<{lang}>{'|'.join(sorted(ps, key=len, reverse=True))})"
                                  for lang, ps in table.items())
                slot[position] = re.compile(f"{head}(?:{groups}){tail}")

    @property
    def lines(self) -> dict[str, str]:
        """The whole-line phrases (normalised) and their language."""
        return self._lines

    def match(self, text: str, words: int | None = None, norm: str | None = None,
              tokens: list[str] | None = None) -> PhraseMatch | None:
        """The first phrase of this pack that fits the line, or None.

        ``words`` is the line's word count; "start" and "contains" phrases only apply to lines of at most
        ``max_words`` words (a phrase inside a long paragraph is the paragraph's own words). ``norm`` is the
        line already passed through normalise(), ``tokens`` its tokens_of(), when the caller has them.
        """
        if norm is None:
            norm = normalise(text)
        if not norm:
            return None
        lang = self._lines.get(norm)
        if lang is not None:
            return PhraseMatch(self.kind, "line", norm, lang)
        for lang, pattern in self._regexes["line"]:
            if pattern.fullmatch(norm):
                return PhraseMatch(self.kind, "line", norm, lang)
        if words is not None and words > self.max_words:
            return None
        ascii_only = norm.isascii()  # the unspaced phrases are all written in non-ASCII scripts
        for position in ("start", "contains"):
            spaced, unspaced = self._spaced[position], self._unspaced[position]
            if spaced is not None:
                if position == "start":
                    gate = _lead(norm, tokens) in self.start_leads
                else:
                    if tokens is None:
                        tokens = _TOKENS.findall(norm)
                    gate = None in self.contains_keys or not self.contains_keys.isdisjoint(tokens)
                found = (spaced.match(norm) if position == "start" else spaced.search(norm)) if gate else None
                if found:
                    return PhraseMatch(self.kind, position, found.group(0), found.lastgroup or "?")
            if unspaced is not None and not ascii_only:
                found = unspaced.match(norm) if position == "start" else unspaced.search(norm)
                if found:
                    return PhraseMatch(self.kind, position, found.group(0), found.lastgroup or "?")
            for lang, pattern in self._regexes[position]:
                found = pattern.match(norm) if position == "start" else pattern.search(norm)
                if found:
                    return PhraseMatch(self.kind, position, found.group(0), lang)
        return None


class PhraseIndex:
    """Which of several packs a line may match, found with one set of lookups per line instead of one per pack.

    A superset: every pack that matches the line is among the candidates (the gates of PhrasePack, merged), and
    ``PhrasePack.match`` decides. Rules that run a pack over every line ask this index once per line instead.
    """

    def __init__(self, packs: list[PhrasePack]) -> None:
        self.kinds = [p.kind for p in packs]
        self.max_words = max((p.max_words for p in packs), default=0)
        # Whole lines: normalised line -> kinds. "start"/"contains" gates: first run / longest run -> (kind,
        # max_words) pairs; pairs of the unspaced phrases; pairs that are always candidates for short lines.
        self._lines: dict[str, tuple[str, ...]] = {}
        self._starts: dict[str, list[tuple[str, int]]] = {}
        self._contains: dict[str, list[tuple[str, int]]] = {}
        self._unspaced: list[tuple[str, int, str, tuple[str, ...]]] = []
        self._short_always: list[tuple[str, int]] = []
        for pack in packs:
            entry = (pack.kind, pack.max_words)
            for norm in pack.lines:
                self._lines[norm] = (*self._lines.get(norm, ()), pack.kind)
            for lead in pack.start_leads:
                self._starts.setdefault(lead, []).append(entry)
            for key in pack.contains_keys:
                if key is None:
                    self._short_always.append(entry)
                else:
                    self._contains.setdefault(key, []).append(entry)
            for position in ("start", "contains"):
                if pack.unspaced[position]:
                    self._unspaced.append((pack.kind, pack.max_words, position, pack.unspaced[position]))
        # Per position: one alternation of the joinable ``re:`` phrases of every pack, and the packs that have
        # one; packs whose ``re:`` phrases cannot be joined are always candidates.
        self._line_always: tuple[str, ...] = ()
        self._regex: dict[str, tuple[regex.Pattern[str] | None, list[tuple[str, int]]]] = {}
        for position in POSITIONS:
            joined: list[str] = []
            kinds: list[tuple[str, int]] = []
            for pack in packs:
                sources = pack.regex_sources[position]
                if not any(_UNJOINABLE.search(s) for s in sources):
                    joined.extend(f"(?:{s})" for s in sources)
                    kinds.extend([(pack.kind, pack.max_words)] if sources else [])
                elif position == "line":
                    self._line_always += (pack.kind,)
                else:
                    self._short_always.append((pack.kind, pack.max_words))
            self._regex[position] = (regex.compile("|".join(joined), regex.V1) if joined else None, kinds)
        self._line_re, line_kinds = self._regex["line"]
        self._line_re_kinds = tuple(kind for kind, _ in line_kinds)
        self._start_re, self._start_re_kinds = self._regex["start"]
        self._contains_re, self._contains_re_kinds = self._regex["contains"]
        self._contains_keys = frozenset(self._contains)
        # Any unspaced phrase of any pack, anywhere in the line: one search rules most non-ASCII lines out.
        unspaced = [p for *_, literals in self._unspaced for p in literals]
        self._any_unspaced = re.compile(literal_trie(unspaced)) if unspaced else None

    def candidates(self, norm: str, words: int, tokens: list[str] | None = None) -> tuple[str, ...]:
        """The kinds whose pack may match this normalised line of ``words`` words (``tokens``: its tokens_of()).

        A kind may be listed twice. Runs on every line of a page: written for speed (no sets, no generators)."""
        if not norm:
            return ()
        found = self._lines.get(norm, ()) + self._line_always
        if self._line_re is not None and self._line_re.fullmatch(norm):
            found += self._line_re_kinds
        if words > self.max_words:
            return found
        if tokens is None:
            tokens = _TOKENS.findall(norm)
        entries = self._short_always
        hits = self._starts.get(_lead(norm, tokens))
        if hits:
            entries = entries + hits
        if not self._contains_keys.isdisjoint(tokens):
            for key in self._contains_keys.intersection(tokens):
                entries = entries + self._contains[key]
        if self._any_unspaced is not None and not norm.isascii() and self._any_unspaced.search(norm):
            for kind, max_words, position, literals in self._unspaced:
                if norm.startswith(literals) if position == "start" else any(p in norm for p in literals):
                    entries = [*entries, (kind, max_words)]
        if self._start_re is not None and self._start_re.match(norm):
            entries = entries + self._start_re_kinds
        if self._contains_re is not None and self._contains_re.search(norm):
            entries = entries + self._contains_re_kinds
        if entries:
            found += tuple([kind for kind, max_words in entries if words <= max_words])
        return found


@cache
def load_data(kind: str) -> dict[str, Any]:
    """The raw data file of a kind (read once; empty when there is none). Treat the result as read-only."""
    path = resources.files(__name__).joinpath(f"{kind}.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"phrase pack {kind}.json must hold a JSON object")
    return data


def words_of(kind: str, key: str) -> list[str]:
    """Every phrase of every language under ``key`` in a kind's data file (for rules that build patterns)."""
    value = load_data(kind).get(key) or {}
    return [p for phrases in value.values() for p in phrases] if isinstance(value, dict) else list(value)


@cache
def load_pack(kind: str) -> PhrasePack:
    """The built-in pack of a kind (read and compiled once; an empty pack when there is no file)."""
    data = load_data(kind)
    entries = {p: data.get(p) or {} for p in POSITIONS}
    return PhrasePack(kind, entries, int(data.get("max_words", 30)))


@lru_cache(maxsize=64)
def caller_pack(kind: str, phrases: tuple[str, ...], max_words: int = 15) -> PhrasePack:
    """A pack from phrases a caller passed in Options.extra_phrases: each may occur anywhere in a short line.

    Short: 15 words by default, the length of the longest prompt lines on the dev sets; built-in kinds pass
    their own pack's limit.
    """
    return PhrasePack(kind, {"contains": {"caller": list(phrases)}}, max_words)


@lru_cache(maxsize=8)
def load_index(kinds: tuple[str, ...]) -> PhraseIndex:
    """The index over the built-in packs of these kinds (built once per set of kinds)."""
    return PhraseIndex([load_pack(kind) for kind in kinds])


def literal_trie(literals: list[str]) -> str:
    """A ``re`` pattern matching exactly the given literals, written as a trie ("b(?:ild(?:er)?|ron)").

    It finds the same strings as the flat alternation "bilder|bild|bron", but the engine tests one character
    per branch instead of every literal at every position: several times faster on long lists.
    """
    root: dict[str, dict] = {}
    for literal in literals:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + "?" if "" in node else body

    return emit(root)


def available_kinds() -> list[str]:
    """The kinds that ship a phrase pack."""
    return sorted(p.name[:-5] for p in resources.files(__name__).iterdir() if p.name.endswith(".json"))
