"""Phrase packs: per kind of boilerplate, per language, the words that give a line away.

Each pack is a data file ``<kind>.json`` beside this module::

    {"kind": "newsletter-prompt",
     "about": "what the pack finds, and where the phrases come from",
     "max_words": 30,                  # "start"/"contains" only fire on lines at most this long
     "line":     {"en": ["sign up for our newsletter", ...], "de": [...]},   # the whole line is the phrase
     "start":    {"en": [...]},        # the line begins with the phrase
     "contains": {"en": [...]},        # the phrase occurs anywhere in the line
     "families": {...}}                # wordings as small grammars per language: see cleantext.phrases.family

Matching ignores case, runs of spaces and the punctuation or symbols around a line ("Follow Us:",
"Loading comments...", "» Read more"). A phrase that starts with ``re:`` is a regular expression (``regex``
syntax) matched against that normalised line. Packs are read once per process and compiled into one
alternation per kind and position; caller phrases (Options.extra_phrases) are compiled per distinct set.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .family import compile_families
from .index import PhraseIndex, literal_trie
from .pack import POSITIONS, PhraseMatch, PhrasePack, normalise, tokens_of

__all__ = [
    "PhraseIndex",
    "PhraseMatch",
    "PhrasePack",
    "caller_pack",
    "compile_families",
    "literal_trie",
    "load_data",
    "load_index",
    "load_pack",
    "normalise",
    "tokens_of",
    "words_of",
]


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
    families = compile_families(kind, data["families"]) if "families" in data else None
    return PhrasePack(kind, entries, int(data.get("max_words", 30)), families)


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


def available_kinds() -> list[str]:
    """The kinds that ship a phrase pack."""
    return sorted(p.name[:-5] for p in resources.files(__name__).iterdir() if p.name.endswith(".json"))
