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

A form is a ``regex`` pattern over the normalised line (lower case, single spaces, no punctuation around it)
in which ``{slot}`` stands for the alternation of that slot's words: a word ending in ``*`` is a stem
("empfehl*" is "empfehl" and any word characters after it), any other word is literal. Slots are the
language's own lists; the built-in slots are below (``{tail}``: up to six more words, as in "auf Facebook"
or "aus der Region"). The position says where the form applies, as for phrases: "line" (the whole line),
"start" (the line begins with it, short lines only) or "contains" (anywhere in a short line).
"""

from __future__ import annotations

import regex

from .pack import POSITIONS

# Built-in slots. {tail}: the free end of a heading or prompt ("aus der Region", "von Anna Muster", "auf
# Facebook"): 1-6 words, as long as the names and places that end such lines. {name}: the 1-4 words of a
# person's name or handle before a speech verb ("Anna M. schrieb:"). Both bounded: no form can run away.
BUILTIN_SLOTS = {
    "tail": r"[^ ]+(?: [^ ]+){0,5}",
    "name": r"[^ ]+(?: [^ ]+){0,3}",
}
_SLOT = regex.compile(r"\{([a-z][a-z0-9_-]*)\}")


def _word(word: str) -> str:
    """One slot word as a pattern: literal, or a stem when it ends in '*'."""
    if word.endswith("*"):
        return regex.escape(word[:-1].casefold(), literal_spaces=True) + r"\w*"
    return regex.escape(word.casefold(), literal_spaces=True)


def _slot_pattern(words: list[str]) -> str:
    # Longest first: an alternation takes the first branch that fits, and "beiträge" must win over "beitrag".
    ordered = sorted({w for w in words if isinstance(w, str) and w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(_word(w) for w in ordered) + ")"


def compile_families(kind: str, families: dict) -> dict[str, list[tuple[str, str, str]]]:
    """Per position, the (language, family name, pattern source) of every form of a pack's families.

    Raises ValueError for a family without a known position, a form naming a slot its language lacks, or a form
    that does not compile: a pack with a broken grammar fails when it loads, not on some page later.
    """
    compiled: dict[str, list[tuple[str, str, str]]] = {p: [] for p in POSITIONS}
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
            slots.update({slot: _slot_pattern(words) for slot, words in grammar.items()
                          if slot != "forms" and isinstance(words, list)})
            for form in grammar.get("forms") or []:
                missing = [s for s in _SLOT.findall(form) if s not in slots]
                if missing:
                    raise ValueError(f"phrase pack {kind}: family {name!r} ({lang}) has no slot {missing[0]!r}")
                source = _SLOT.sub(lambda m, slots=slots: slots[m.group(1)], form)
                try:
                    regex.compile(source, regex.V1)
                except regex.error as exc:
                    raise ValueError(f"phrase pack {kind}: family {name!r} ({lang}): {form!r}: {exc}") from exc
                compiled[position].append((lang, name, source))
    return compiled
