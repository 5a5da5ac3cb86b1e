"""Phrase families: the wordings of one kind of line written as a small grammar per language.

A site invents its own wording of a share bar or a related-articles heading ("Diesen Beitrag teilen", "Artikel
teilen auf", "Jetzt teilen"), so a pack lists the parts those wordings are made of (verbs, object nouns, the
words around them) and the forms that put them together, instead of the lines seen on some pages::

    "families": {
      "share-this": {
        "position": "line",
        "about": "a verb of sharing and the thing shared, maybe a network after it",
        "de": {"forms": ["(?:{this} )?{object} {share}(?: {via} {tail})?", "{share} {via} {tail}"],
               "this": ["diesen", "den"], "object": ["artikel", "beitrag"], "share": ["teilen", "empfehl*"],
               "via": ["auf", "per", "via"]}}}

A form is a pattern (Python ``re`` syntax) over the normalised line (lower case, single spaces, no punctuation
around it) in which ``{slot}`` stands for the alternation of that slot's words: a word ending in ``*`` is a stem
("empfehl*" is "empfehl" and any word characters after it), any other word is literal. Slots are the
language's own lists; the built-in slots are below (``{tail}``: the end of the line, up to six words and 60
characters, as in "auf Facebook" or "aus der Region"). The position says where the form applies, as for
phrases: "line" (the whole line), "start" (the line begins with it, short lines only) or "contains" (anywhere
in a short line). A match names the family and the words that matched ('line is the de related-links phrase
"mehr aus der region" (family "more-articles")').
"""

from __future__ import annotations

import regex

from .pack import POSITIONS

# Built-in slots. {tail}: the free end of a heading or prompt ("aus der Region", "von Anna Muster", "auf
# Facebook"): 1-6 words, as long as the names and places that end such lines. {name}: the 1-4 words of a
# person's name or handle before a speech verb ("Anna M. schrieb:"). Both bounded: no form can run away.
# {tail} ends the line: 1-6 words, 60 characters at most. Both bounded, so that a form has a longest line it
# can fit: a longer line (a paragraph of prose) is not tried at all.
TAIL_CHARS = 60
BUILTIN_SLOTS = {
    "tail": rf"(?=.{{1,{TAIL_CHARS}}}\Z)[^ ]+(?: [^ ]+){{0,5}}",
    "name": r"[^ ]{1,40}(?: [^ ]{1,40}){0,3}",
}
_BUILTIN_WIDTHS = {"tail": TAIL_CHARS, "name": 163}
_SLOT = regex.compile(r"\{([a-z][a-z0-9_-]*)\}")
_UNBOUNDED = 1 << 30


def _word(word: str) -> str:
    """One slot word as a pattern: literal, or a stem when it ends in '*'."""
    if word.endswith("*"):
        return regex.escape(word[:-1].casefold(), literal_spaces=True) + r"\w*"
    return regex.escape(word.casefold(), literal_spaces=True)


def _slot_pattern(words: list[str]) -> str:
    # Longest first: an alternation takes the first branch that fits, and "beiträge" must win over "beitrag".
    ordered = sorted({w for w in words if isinstance(w, str) and w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(_word(w) for w in ordered) + ")"


Leads = tuple[frozenset[str], tuple[str, ...], int]


def compile_families(kind: str, families: dict) -> dict[str, list[tuple[str, str, str, Leads]]]:
    """Per position, the (language, family name, pattern source, leads) of every form of a pack's families.

    The leads are the runs of word characters a matching line can start with and its greatest length (see
    form_leads): the gate that keeps a form from running on lines it cannot fit.

    Raises ValueError for a family without a known position or a form naming a slot its language lacks. Forms
    are compiled when a line first needs them; the tests compile every form of the shipped packs.
    """
    compiled: dict[str, list[tuple[str, str, str, Leads]]] = {p: [] for p in POSITIONS}
    if not isinstance(families, dict):
        raise ValueError(f"phrase pack {kind}: 'families' must be an object of named families")
    for name, family in families.items():
        if not isinstance(family, dict) or family.get("position") not in POSITIONS:
            raise ValueError(f"phrase pack {kind}: family {name!r} needs a position among {POSITIONS}")
        position = family["position"]
        for lang, grammar in family.items():
            if lang in ("position", "about"):
                continue
            if not regex.fullmatch(r"[a-z]{2,8}", lang) or not isinstance(grammar, dict):
                raise ValueError(f"phrase pack {kind}: family {name!r}: {lang!r} must be a language with a grammar")
            slots = dict(BUILTIN_SLOTS)
            words_of = {slot: [w for w in words if isinstance(w, str) and w.strip()] for slot, words in grammar.items()
                        if slot != "forms" and isinstance(words, list)}
            slots.update({slot: _slot_pattern(words) for slot, words in words_of.items()})
            for form in grammar.get("forms") or []:
                missing = [s for s in _SLOT.findall(form) if s not in slots]
                if missing:
                    raise ValueError(f"phrase pack {kind}: family {name!r} ({lang}) has no slot {missing[0]!r}")
                source = _SLOT.sub(lambda m, slots=slots: slots[m.group(1)], form)
                exact, prefixes, most = form_leads(form, words_of)
                # Only a whole-line form bounds the line; a "start" or "contains" form fits a part of it.
                compiled[position].append((lang, name, source, (exact, prefixes, most if position == "line" else
                                                                _UNBOUNDED)))
    return compiled


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def form_leads(form: str, words: dict[str, list[str]]) -> Leads:
    """The runs of word characters a line can start with when the form fits it, (exact runs, open prefixes,
    most characters): the greatest length of a text the form can match (1 << 30 when unbounded).

    Read from the form's syntax tree (the standard library's parser, on the form with each slot as one private
    character): a literal word character extends the run and any other literal ends it; groups, alternatives and
    slot words are followed into; an optional part is both taken and skipped. Where a class, a stem or a
    repeat could add word characters, the run so far becomes an open prefix ("empfehl*" gives "empfehl"); ""
    among the prefixes means any line. A superset, never a miss: a form never fits a line its leads rule out.
    """
    from re import _constants as C  # the parser's opcodes
    from re import _parser

    names = _SLOT.findall(form)
    marks = {chr(0xE000 + i): name for i, name in enumerate(dict.fromkeys(names))}
    template = form
    for mark, name in marks.items():
        template = template.replace("{" + name + "}", mark)
    # The same form with each slot as a run of its longest word's length, for the greatest width.
    widths = dict.fromkeys(names, 0)
    for name in widths:
        longest = max((len(w) for w in words.get(name, ())), default=0)
        widths[name] = 1 << 20 if any(w.endswith("*") for w in words.get(name, ())) else longest
    for name in widths:
        if name not in words:
            widths[name] = _BUILTIN_WIDTHS.get(name, 1 << 20)
    sized = _SLOT.sub(lambda m: f"(?:.{{0,{widths[m.group(1)]}}})", form)
    try:
        tree = _parser.parse(template)
        most = _parser.parse(sized).getwidth()[1]
    except Exception:  # syntax only the regex module knows: no gate for this form
        return frozenset(), ("",), _UNBOUNDED
    most = min(most, _UNBOUNDED)
    exact: set[str] = set()
    prefixes: set[str] = set()
    budget = [50000]  # paths followed, at most: a form too branchy for the gate is always tried

    def slot_word(word: str, cur: str, rest: list, cont: tuple) -> None:
        word = word.casefold()
        stem = word.endswith("*")
        word = word[:-1] if stem else word
        for i, char in enumerate(word):
            if not _word_char(char):
                exact.add(cur + word[:i])
                return
        if stem:
            prefixes.add(cur + word)
        else:
            go(rest, cur + word, cont)

    def go(items: list, cur: str, cont: tuple) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            prefixes.add("")
            return
        if not items:
            if cont:
                go(list(cont[0]), cur, cont[1:])
            else:
                exact.add(cur)
            return
        op, av = items[0]
        rest = items[1:]
        if op is C.LITERAL and chr(av) in marks:
            name = marks[chr(av)]
            if name in words:
                for word in words[name]:
                    slot_word(word, cur, rest, cont)
            else:  # a built-in slot: any word
                prefixes.add(cur)
        elif op is C.LITERAL:
            char = chr(av)
            if _word_char(char):
                go(rest, cur + char, cont)
            else:
                exact.add(cur)
        elif op is C.SUBPATTERN:
            go(list(av[3]) + rest, cur, cont)
        elif op is C.BRANCH:
            for alternative in av[1]:
                go(list(alternative) + rest, cur, cont)
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            for _, code in av:
                go([(C.LITERAL, code), *rest], cur, cont)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            if low == 0:
                go(rest, cur, cont)
            if high == 1:
                go(list(sub), cur, (rest, *cont))
            elif high != 0:
                # Taken once, then maybe again: the run may grow past what one round shows.
                go(list(sub), cur, (rest, *cont))
                go(list(sub), cur, ([(C.MAX_REPEAT, (0, high, sub)), *rest], *cont))
        elif op is C.AT:
            go(rest, cur, cont)
        else:  # a class, any character, a category: maybe a word character
            prefixes.add(cur)

    go(list(tree), "", ())
    if "" in exact:
        prefixes.add("")  # the form may start with a non-word character: no run to gate on
    return frozenset(exact - {""}), tuple(sorted(prefixes)), most
