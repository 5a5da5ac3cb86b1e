"""One compiled phrase pack: the normalisation of lines, the gates and alternations that match them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
POSITIONS = ("line", "start", "contains")


def normalise(text: str) -> str:
    """Lower-case the text, collapse its spaces and strip punctuation and symbols around it."""
    # str.strip takes the ASCII edges off in C; the loop below only runs for lines that start or end with
    # another character (and strips exactly what _is_edge says, ASCII or not).
    folded = text.casefold()
    # Spaces are the only whitespace str.isprintable() lets through: a printable line without double spaces is
    # already what split() and join() would make of it (past its edges, which strip() takes off). Most lines are.
    if "  " not in folded and folded.isprintable():
        text = folded.strip(_ASCII_EDGES)
    else:
        text = " ".join(folded.split()).strip(_ASCII_EDGES)
    if text and (not text[0].isascii() or not text[-1].isascii()):
        start, end = 0, len(text)
        while start < end and _is_edge(text[start]):
            start += 1
        while end > start and _is_edge(text[end - 1]):
            end -= 1
        return text[start:end] if start or end < len(text) else text
    return text


def _edge_of(char: str) -> bool:
    # Punctuation (P*), symbols (S*) and separators (Z*) are not part of a line's words.
    return unicodedata.category(char)[0] in "PSZ" or char.isspace()


# The answer for ASCII characters, looked up instead of computed: lines start and end with them most often.
_ASCII_EDGE = {chr(i): _edge_of(chr(i)) for i in range(128)}
_ASCII_EDGES = "".join(char for char, edge in _ASCII_EDGE.items() if edge)


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
    family: str = ""  # the phrase family whose form matched ("" for a listed phrase)

    def describe(self) -> str:
        """A short reason fragment: 'line is the en navigation phrase "skip to main content"', or for a family
        'line is the de related-links phrase "mehr aus der region" (family "more-from")'."""
        where = {"line": "is", "start": "starts with", "contains": "contains"}[self.position]
        found = f'line {where} the {self.lang} {self.kind} phrase "{self.phrase}"'
        return f'{found} (family "{self.family}")' if self.family else found


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

    def __init__(self, kind: str, entries: dict[str, dict[str, list[str]]], max_words: int = 30,
                 families: dict[str, list[tuple[str, str, str]]] | None = None) -> None:
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
        # Family forms (family.compile_families: per position, language, family name, pattern source, leads). A
        # line is tried only with the forms its first run of word characters may open (the forms' leads: exact
        # runs, and open prefixes), each form compiled the first time a line needs it. Common first words ("die",
        # "the") open a few forms each: a few forms run much faster than a pack's hundred, and most forms are never
        # compiled at all. The standard library's ``re`` compiles them several times faster than ``regex``. (The
        # tests compile every form of the shipped packs: tests/test_phrase_families.py.)
        self.family_forms = {position: list(forms) for position, forms in (families or {}).items() if forms}
        self._lead_forms: dict[str, dict[str, tuple[int, ...]]] = {p: {} for p in POSITIONS}
        self._prefix_forms: dict[str, list[tuple[str, int]]] = {p: [] for p in POSITIONS}
        self._compiled_forms: dict[str, list[re.Pattern[str] | None]] = {
            position: [None] * len(forms) for position, forms in self.family_forms.items()}
        for position, forms in self.family_forms.items():
            for number, (_lang, _family, _source, (exact, prefixes, _most)) in enumerate(forms):
                if position == "contains":
                    exact, prefixes = frozenset(), ("",)  # anywhere in the line: no lead to gate on
                for lead in exact:
                    self._lead_forms[position][lead] = (*self._lead_forms[position].get(lead, ()), number)
                self._prefix_forms[position] += [(prefix, number) for prefix in prefixes]
            self.size += len(forms)
        self._opens = {p: tuple(prefix for prefix, _ in self._prefix_forms[p]) for p in POSITIONS}
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

    def form_pattern(self, position: str, number: int) -> re.Pattern[str]:
        """The compiled family form ``number`` of a position (compiled once, when first asked)."""
        compiled = self._compiled_forms[position]
        pattern = compiled[number]
        if pattern is None:
            pattern = compiled[number] = re.compile(self.family_forms[position][number][2])
        return pattern

    def _family_match(self, position: str, norm: str, lead: str) -> PhraseMatch | None:
        """The family form of this position that fits the line (``lead``: its first run of word characters)."""
        numbers = self._lead_forms[position].get(lead, ())
        opens = self._opens[position]
        if opens and lead.startswith(opens):
            numbers += tuple(n for prefix, n in self._prefix_forms[position] if lead.startswith(prefix))
        forms = self.family_forms[position]
        for number in numbers:
            if len(norm) > forms[number][3][2]:
                continue  # longer than any line the form fits
            pattern = self.form_pattern(position, number)
            found = (pattern.fullmatch(norm) if position == "line" else
                     pattern.match(norm) if position == "start" else pattern.search(norm))
            if found:
                lang, family = self.family_forms[position][number][:2]
                return PhraseMatch(self.kind, position, norm if position == "line" else found.group(0), lang, family)
        return None

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
        lead = _lead(norm, tokens)
        if "line" in self.family_forms:
            found_family = self._family_match("line", norm, lead)
            if found_family is not None:
                return found_family
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
            if position in self.family_forms:
                found_family = self._family_match(position, norm, lead)
                if found_family is not None:
                    return found_family
            for lang, pattern in self._regexes[position]:
                found = pattern.match(norm) if position == "start" else pattern.search(norm)
                if found:
                    return PhraseMatch(self.kind, position, found.group(0), lang)
        return None
