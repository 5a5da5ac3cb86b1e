"""Phrase families: the grammar format, the reasons they give, and the gate that keeps forms off other lines."""

from __future__ import annotations

import random
import re

import pytest

import cleantext
from cleantext.phrases import PhrasePack, available_kinds, compile_families, load_data, load_pack, normalise
from cleantext.phrases.family import form_leads
from cleantext.phrases.pack import _lead


def _families() -> list[tuple[str, str, str, dict]]:
    found = []
    for kind in available_kinds():
        for name, family in (load_data(kind).get("families") or {}).items():
            for lang, grammar in family.items():
                if lang not in ("position", "about"):
                    found.append((kind, name, lang, grammar))
    return found


def test_every_shipped_form_compiles_and_every_family_says_what_it_finds() -> None:
    forms = 0
    for kind in available_kinds():
        data = load_data(kind)
        for name, family in (data.get("families") or {}).items():
            assert family.get("about"), (kind, name)
        for _position, compiled in compile_families(kind, data.get("families") or {}).items():
            for _lang, _name, source, _leads in compiled:
                re.compile(source)
                forms += 1
    assert forms > 200


def test_a_form_naming_a_missing_slot_or_a_family_without_position_fails_when_the_pack_loads() -> None:
    with pytest.raises(ValueError, match="no slot 'noun'"):
        compile_families("x", {"f": {"position": "line", "en": {"forms": ["more {noun}"]}}})
    with pytest.raises(ValueError, match="needs a position"):
        compile_families("x", {"f": {"en": {"forms": ["more"]}}})


def test_a_match_names_the_family_and_the_words_that_matched() -> None:
    found = load_pack("related-links").match("Mehr aus der Region:", 4)
    assert found is not None and found.family == "more-articles" and found.lang == "de"
    assert found.describe() == 'line is the de related-links phrase "mehr aus der region" (family "more-articles")'
    doc = cleantext.clean("Title\n\n" + "A sentence of the article that goes on for a while. " * 8
                          + "\n\nDiesen Beitrag teilen per\n", mode="text")
    reasons = [b.reason for b in doc.removed if b.text == "Diesen Beitrag teilen per"]
    assert reasons and '(family "share-this")' in reasons[0]


def test_slot_words_are_literal_or_stems() -> None:
    pack = PhrasePack("x", {}, 12, compile_families("x", {"f": {"position": "line", "de": {
        "forms": ["{thing} {share}"], "thing": ["artikel"], "share": ["empfehl*", "teilen"]}}}))
    assert pack.match("Artikel empfehlen", 2) is not None
    assert pack.match("Artikel teilen", 2) is not None
    assert pack.match("Artikel teilenx", 2) is None


def test_leads_read_from_the_form() -> None:
    exact, prefixes, most = form_leads("(?:the )?{q} {noun}", {"q": ["more", "other"], "noun": ["stories"]})
    assert exact == {"the", "more", "other"} and prefixes == () and most == len("the other stories")
    exact, prefixes, _ = form_leads("{share} it", {"share": ["empfehl*", "send"]})
    assert exact == {"send"} and prefixes == ("empfehl",)
    assert form_leads("(?:à|a) lire", {})[0] == {"à", "a"}
    assert "" in form_leads(r"\S+ says", {})[1]  # any first word: no gate


def _sample_lines(seed: int) -> list[str]:
    """Lines made of each grammar's slot words in the order its forms name them, with words dropped or swapped."""
    rng = random.Random(seed)
    lines = []
    for _kind, _name, _lang, grammar in _families():
        for form in grammar.get("forms", []):
            slots = re.findall(r"\{([a-z][a-z0-9_-]*)\}", form)
            literal = re.sub(r"\{[^}]*\}|\(\?:|[()?|*+\\\[\]^$.{}]|\d", " ", form).split()
            for _ in range(3):
                words = [rng.choice(grammar[s]).rstrip("*") + rng.choice(["", "", "en"]) if s in grammar
                         else rng.choice(["facebook", "der region", "anna muster"]) for s in slots]
                parts = [*rng.sample(literal, min(len(literal), 2)), *words] if rng.random() < 0.3 else words
                if literal and rng.random() < 0.5:
                    parts = [literal[0], *parts]
                lines.append(" ".join(parts))
    return lines


@pytest.mark.parametrize("seed", [1, 2])
def test_the_lead_gate_never_hides_a_form_that_fits(seed: int) -> None:
    """Each pack's gated match finds a family form exactly when some form, tried without any gate, fits."""
    for kind in available_kinds():
        pack = load_pack(kind)
        if not pack.family_forms:
            continue
        plain = {position: [re.compile(source) for _, _, source, _ in forms]
                 for position, forms in pack.family_forms.items()}
        for line in _sample_lines(seed):
            norm = normalise(line)
            if not norm:
                continue
            lead = _lead(norm, None)
            for position, patterns in plain.items():
                fits = any(p.fullmatch(norm) if position == "line" else p.match(norm) if position == "start"
                           else p.search(norm) for p in patterns)
                assert (pack._family_match(position, norm, lead) is not None) == fits, (kind, position, line)
