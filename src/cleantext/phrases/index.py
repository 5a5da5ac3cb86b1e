"""An index over several phrase packs (which kinds may match a line), and literal tries for word lists."""

from __future__ import annotations

import re

import regex

from .pack import _LEAD, _TOKENS, _UNJOINABLE, POSITIONS, PhrasePack, _lead


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
        # Family forms, by the runs of word characters a line they fit starts with: run -> the forms' numbers, and
        # the forms of open prefixes as (prefix, number). A line whose run opens some forms is tried with those
        # forms only (PhrasePack.form_pattern compiles each once): common first words ("die", "the") open a few
        # forms each, and a few forms run much faster than the hundred of a pack.
        # (pack, position, form number, most words, most characters)
        self._forms: list[tuple[PhrasePack, str, int, int, int]] = []
        self._lead_forms: dict[str, tuple[int, ...]] = {}
        self._prefix_forms: list[tuple[str, int]] = []
        for pack in packs:
            for position, forms in pack.family_forms.items():
                most = _ANY_LENGTH if position == "line" else pack.max_words
                for number, (_lang, _family, _source, (exact, prefixes, chars)) in enumerate(forms):
                    entry = len(self._forms)
                    self._forms.append((pack, position, number, most, chars))
                    if position == "contains":
                        exact, prefixes = frozenset(), ("",)  # anywhere in the line: no lead to gate on
                    for lead in exact:
                        self._lead_forms[lead] = (*self._lead_forms.get(lead, ()), entry)
                    self._prefix_forms += [(prefix, entry) for prefix in prefixes]
        self._family_opens = tuple(prefix for prefix, _ in self._prefix_forms)
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
        # Both anchored alternations in one pattern: scan() asks it once per line (one call instead of two; a
        # line that fits it is asked again with each, to know which). Both sources already joined, so they join.
        anchored = [f"(?:{self._line_re.pattern})\\Z"] if self._line_re is not None else []
        anchored += [f"(?:{self._start_re.pattern})"] if self._start_re is not None else []
        self._anchored = regex.compile("|".join(anchored), regex.V1) if anchored else None
        self._contains_keys = frozenset(self._contains)
        # First two characters of a line -> whether the anchored pattern may match a line starting so (_may_open).
        self._heads: dict[str, bool] = {}
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
        found += tuple(self._family_fits(norm, words, _lead(norm, tokens)))
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


    def _family_fits(self, norm: str, words: int, lead: str) -> list[str]:
        """The kinds with a family form that fits the line of ``words`` words whose first run is ``lead``."""
        entries = self._lead_forms.get(lead, ())
        if self._family_opens and lead.startswith(self._family_opens):
            entries += tuple(n for prefix, n in self._prefix_forms if lead.startswith(prefix))
        kinds: list[str] = []
        length = len(norm)
        for entry in entries:
            pack, position, number, most, chars = self._forms[entry]
            if words > most or length > chars or pack.kind in kinds:
                continue
            pattern = pack.form_pattern(position, number)
            if (pattern.fullmatch(norm) if position == "line" else
                    pattern.match(norm) if position == "start" else pattern.search(norm)):
                kinds.append(pack.kind)
        return kinds

    def _may_open(self, head: str) -> bool:
        """Can a line starting with ``head`` (its first two characters) fit the anchored pattern? Asked of the
        pattern itself (a partial match: could a longer text match?), once per head; the answers are kept in a
        bounded table (past _HEADS_KEPT heads, new ones are asked every time)."""
        may = self._anchored is not None and self._anchored.match(head, partial=True) is not None
        if len(self._heads) < _HEADS_KEPT:
            self._heads[head] = may
        return may

    def scan(self, norms: list[str], words: list[int]) -> dict[str, list[int]]:
        """For each kind, the positions (in order) of the lines ``norms`` whose pack may match: exactly the kinds
        candidates() names for each line, found in one pass over a page (``words``: each line's word count)."""
        found: dict[str, list[int]] = {}
        # The kinds of each distinct line of the page (with its word count): menus and teasers repeat (a fifth of
        # the lines of the text dumps), and a repeated line costs one lookup.
        seen: dict[str, tuple[int, list[str]]] = {}
        lines_get, starts_get, contains = self._lines.get, self._starts.get, self._contains
        line_always, short_always, max_words = self._line_always, self._short_always, self.max_words
        anchored = self._anchored.match if self._anchored is not None else None
        heads, may_open = self._heads, self._may_open
        keys, find_tokens = self._contains_keys, _TOKENS.findall
        unspaced, contains_re = self._any_unspaced, self._contains_re
        lead_of, lead_forms, family_opens = _LEAD.match, self._lead_forms, self._family_opens
        for i, norm in enumerate(norms):
            if not norm:
                continue
            n = words[i]
            hit = seen.get(norm)
            if hit is not None and hit[0] == n:
                kinds = hit[1]
            else:
                kinds = [*lines_get(norm, ()), *line_always]
                # Three lines in four start with two characters no anchored phrase starts with: a lookup skips them.
                head = norm[:2]
                may = heads.get(head)
                if anchored is not None and (may if may is not None else may_open(head)) and anchored(norm):
                    if self._line_re is not None and self._line_re.fullmatch(norm):
                        kinds += self._line_re_kinds
                    if n <= max_words and self._start_re is not None and self._start_re.match(norm):
                        kinds += [kind for kind, most in self._start_re_kinds if n <= most]
                if n <= max_words:
                    # The rest of candidates(), for the lines short enough for "start" and "contains" phrases.
                    tokens = find_tokens(norm)
                    first = tokens[0] if tokens else ""
                    lead = first if norm.startswith(first) else ""
                    entries = starts_get(lead)
                    if entries:
                        kinds += [kind for kind, most in entries if n <= most]
                    if not keys.isdisjoint(tokens):
                        for key in keys.intersection(tokens):
                            kinds += [kind for kind, most in contains[key] if n <= most]
                    if short_always:
                        kinds += [kind for kind, most in short_always if n <= most]
                    if unspaced is not None and not norm.isascii() and unspaced.search(norm):
                        for kind, most, position, literals in self._unspaced:
                            if n <= most and (norm.startswith(literals) if position == "start"
                                              else any(p in norm for p in literals)):
                                kinds.append(kind)
                    if contains_re is not None and contains_re.search(norm):
                        kinds += [kind for kind, most in self._contains_re_kinds if n <= most]
                else:
                    lead = lead_of(norm)
                    lead = lead.group() if lead else ""
                # Family forms: a lookup of the line's first run of word characters.
                if lead in lead_forms or (family_opens and lead.startswith(family_opens)):
                    kinds += self._family_fits(norm, n, lead)
                seen[norm] = (n, kinds)
            for kind in kinds:
                listed = found.get(kind)
                if listed is None:
                    found[kind] = [i]
                elif listed[-1] != i:
                    listed.append(i)
        return found


# The heads whose answer _may_open keeps: more than the distinct heads of all dev-set pages (~2500 in the text
# dumps), and a table of at most ~1 MB whatever the input.
_HEADS_KEPT = 8192
# The word limit of "line" family forms: none (the form's own pattern bounds the line).
_ANY_LENGTH = 1 << 30


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
