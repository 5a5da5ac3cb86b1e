"""The rule catalogue (docs/rules.md): every rule of the chain, its kind, options and fixture examples.

Every example is run through cleantext.clean() while the page is built, so the page cannot disagree with the code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import inspect
import json
import re
import sysconfig
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from docgen_common import FIXTURES, ROOT, code, cut, prose, slug

# Examples shown per rule and side; fixtures often hold many more (the counts are printed beside them).
EXAMPLES_PER_SIDE = 3

@dataclasses.dataclass
class Example:
    text: str
    mode: str
    removed: bool
    reason: str | None = None
    # Keyword options of clean() the fixture case runs with (e.g. extra_phrases).
    options: dict[str, Any] = dataclasses.field(default_factory=dict)
    note: str | None = None  # the fixture case's "note": why the example is there

    def context(self) -> str:
        """The mode, and the options when the case needs some: "text" or "text, with extra_phrases=…"."""
        if not self.options:
            return self.mode
        given = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"{self.mode}, with {code(given, 120)}"


@dataclasses.dataclass
class RuleDoc:
    """Everything the catalogue says about one rule."""

    position: int
    name: str
    kind: str
    description: str
    modes: tuple[str, ...]
    label: str
    family: str
    options: tuple[str, ...]
    cases: int = 0
    positives: int = 0
    negatives: int = 0
    removes: list[Example] = dataclasses.field(default_factory=list)
    keeps: list[Example] = dataclasses.field(default_factory=list)


def load_fixtures(fixtures: Path = FIXTURES) -> dict[str, list[dict[str, Any]]]:
    """Fixture cases by rule name, from every tests/rules/fixtures/*.json (the format of test_fixtures.py)."""
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(fixtures.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        by_rule.setdefault(data["rule"], []).extend(data.get("cases", []))
    return by_rule


def _fixture_module() -> ModuleType:
    """tests/fixture_pages.py, for frame(): a case's "line" is placed in the page the fixture test uses."""
    path = ROOT / "tests" / "fixture_pages.py"
    spec = importlib.util.spec_from_file_location("_cleantext_fixture_frame", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def case_source(case: dict[str, Any], frame: Callable[..., str]) -> str:
    """The page a fixture case runs on, exactly as the fixture test builds it."""
    mode = case.get("mode", "text")
    return case["input"] if "input" in case else frame(case["line"], case.get("where", "end"), mode)


def rule_families() -> dict[str, str]:
    """Rule name -> family (the module under cleantext.rules that registers it, e.g. "lines/phrases")."""
    from cleantext.presets import RULE_FAMILY

    return dict(RULE_FAMILY)


def options_read(rule: Any) -> tuple[str, ...]:
    """Options fields (besides mode and disable) that the rule's own function reads."""
    from cleantext.options import Options

    # The rule's function, the test a block_rule wraps, and the package's own functions they call,
    # two calls deep (a phrase rule reads Options.extra_phrases in a helper).
    seen: list[Any] = []
    todo = [rule.run]
    for _depth in range(3):
        found = []
        for fn in todo:
            if fn in seen or not inspect.isfunction(fn) or _installed(fn):
                continue
            seen.append(fn)
            with contextlib.suppress(TypeError, ValueError):
                refs = inspect.getclosurevars(fn)
                found += [*refs.nonlocals.values(), *refs.globals.values()]
        todo = found
    source = ""
    for fn in seen:
        with contextlib.suppress(OSError, TypeError):
            source += inspect.getsource(fn)
    fields = [f.name for f in dataclasses.fields(Options) if f.name not in ("mode", "disable")]
    return tuple(f for f in fields if re.search(rf"\b{f}\b", source))


def _installed(fn: Any) -> bool:
    """True for functions of the standard library or of installed third-party packages."""
    try:
        path = Path(inspect.getsourcefile(fn) or "").resolve()
    except TypeError:
        return True
    return any(path.is_relative_to(Path(p).resolve()) for p in _LIBRARY_PATHS)


_LIBRARY_PATHS = {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}


def document_rules(
    rules: Sequence[Any], fixtures: dict[str, list[dict[str, Any]]], *, run_examples: bool = True
) -> tuple[list[RuleDoc], list[str]]:
    """One RuleDoc per rule in chain order, and the problems found (each must fail a strict build)."""
    import cleantext

    frame = _fixture_module().frame if run_examples else None
    families = rule_families()
    docs: list[RuleDoc] = []
    problems: list[str] = []
    for position, r in enumerate(rules, 1):
        cases = fixtures.get(r.name, [])
        d = RuleDoc(position, r.name, r.kind, r.description, tuple(sorted(r.modes)), r.label,
                    families.get(r.name, "other"), options_read(r), cases=len(cases),
                    positives=sum(len(c.get("removed", [])) for c in cases),
                    negatives=sum(len(c.get("kept", [])) for c in cases))
        for case in cases:
            mode = case.get("mode", "text")
            if case.get("removed") and len(d.removes) < EXAMPLES_PER_SIDE:
                d.removes.append(Example(case["removed"][0], mode, True, None, case.get("options") or {}))
                if frame is not None:
                    doc = cleantext.clean(case_source(case, frame), mode=mode, **case.get("options", {}))
                    hit = [b for b in doc.blocks if b.text == case["removed"][0] and b.rule == r.name]
                    if hit:
                        d.removes[-1].reason = hit[0].reason
                    else:
                        problems.append(f"rule {r.name}: fixture example {case['removed'][0]!r} ({mode}) is not "
                                        f"marked by this rule; run pytest tests/rules -k {r.name}")
            if case.get("kept"):
                # The shortest kept text of a case is usually its near miss; the long ones are page filler.
                kept = min(case["kept"], key=len)
                d.keeps.append(Example(kept, mode, False, None, case.get("options") or {}, case.get("note")))
        # Show the shortest negatives (the near misses), in fixture order.
        shortest = sorted(range(len(d.keeps)), key=lambda i: len(d.keeps[i].text))[:EXAMPLES_PER_SIDE]
        d.keeps = [d.keeps[i] for i in sorted(shortest)]
        if not d.positives or not d.negatives:
            problems.append(f"rule {r.name} has no fixture examples ({d.positives} removed / {d.negatives} kept) "
                            f"in tests/rules/fixtures/{r.name}.json")
        docs.append(d)
    return docs, problems


def _disable_hint(d: RuleDoc, cli_flags: set[str], of_kind: int) -> str:
    if d.kind == d.name:
        api = f'`Options(disable={{"{d.name}"}})` (the rule\'s name is also its kind'
        # Disabling the name disables the kind: every rule of that kind goes with it.
        api += f", so this also switches off the {of_kind - 1} other rule(s) of the kind)" if of_kind > 1 else ")"
        cli = f"`--disable {d.name}`"
    else:
        others = f"all {of_kind} rules of the kind" if of_kind > 1 else "the whole kind"
        api = f'`Options(disable={{"{d.name}"}})`, or {others} with `Options(disable={{"{d.kind}"}})`'
        cli = f"`--disable {d.name}` or `--disable {d.kind}`"
    if "--disable" in cli_flags:
        api += f"; on the command line {cli}"
    return api


def rule_catalogue(docs: Sequence[RuleDoc], cli_flags: set[str] | None = None) -> str:
    """The Markdown of docs/rules.md."""
    cli_flags = cli_flags or set()
    out = [
        "# Rule catalogue",
        "",
        "<!-- Generated by tools/docgen.py from cleantext.presets.DEFAULT_RULES and tests/rules/fixtures. "
        "Do not edit. -->",
        "",
        f"cleantext runs **{len(docs)} rules**, in this order. The first rule to mark a block decides it "
        "(see [Concepts](concepts.md)). This page is generated from the rule registry at build time, and "
        "every example below is taken from the rule's fixture tests and run through `cleantext.clean()` "
        "while the page is built, so the page cannot disagree with the code.",
        "",
        "Switch a rule off by its name, or a whole kind of boilerplate by its kind, with "
        "`Options(disable=...)`" + (" or `--disable`" if "--disable" in cli_flags else "") + ".",
        "",
    ]
    if not docs:
        out += ["!!! warning \"No rules registered\"", "    The rule registry is empty.", ""]
        return "\n".join(out)
    out += ["| # | rule | kind | modes | what it does |", "|---|---|---|---|---|"]
    for d in docs:
        out.append(f"| {d.position} | [`{d.name}`](#{d.name}) | [{prose(d.kind)}](#kind-{slug(d.kind)}) | "
                   f"{', '.join(d.modes)} | {prose(d.description)} |")
    out += ["", "## Kinds", "",
            "A kind names a sort of boilerplate; disabling a kind switches off every rule of that kind.", "",
            "Phrase packs are data files under `src/cleantext/phrases/`, one list per language.", "",
            "| kind | rules | phrase pack |", "|---|---|---|"]
    kinds: dict[str, list[str]] = {}
    for d in docs:
        kinds.setdefault(d.kind, []).append(d.name)
    packs = phrase_packs()
    for kind in sorted(kinds):
        names = ", ".join(f"[`{n}`](#{n})" for n in kinds[kind])
        out.append(f"| <span id=\"kind-{slug(kind)}\"></span>`{kind}` | {names} | {packs.get(kind, '')} |")
    family = None
    for d in docs:
        if d.family != family:
            family = d.family
            out += ["", f"## Family: {family}", "", f"Rules registered in `src/cleantext/rules/{family}.py`."
                    if family != "other" else "Rules from outside `cleantext.rules`."]
        out += _rule_section(d, cli_flags, len(kinds[d.kind]))
    return "\n".join(out) + "\n"


def phrase_packs() -> dict[str, str]:
    """Kind -> a summary of its phrase pack (src/cleantext/phrases/<kind>.json): languages and phrase count."""
    try:
        from cleantext.phrases import available_kinds, load_data
    except ImportError:
        return {}
    packs = {}
    for kind in available_kinds():
        counts: dict[str, int] = {}
        data = load_data(kind)
        for key, value in data.items():
            if isinstance(value, dict) and key != "families":
                for lang, phrases in value.items():
                    if isinstance(phrases, list):
                        counts[lang] = counts.get(lang, 0) + len(phrases)
        langs = " ".join(sorted(counts))
        packs[kind] = f"`phrases/{kind}.json`: {sum(counts.values())} phrases; {langs}"
        # Families: each grammar's name, what it finds, and its languages (the forms are in the pack).
        for name, family in (data.get("families") or {}).items():
            family_langs = " ".join(sorted(k for k in family if k not in ("position", "about")))
            forms = sum(len(g.get("forms", [])) for k, g in family.items() if isinstance(g, dict))
            packs[kind] += (f"; family `{name}` ({family.get('position')}, {forms} forms; {family_langs}): "
                            f"{family.get('about', '')}")
    return packs


def _rule_section(d: RuleDoc, cli_flags: set[str], of_kind: int) -> list[str]:
    marks = "the page title (taken out of the body)" if d.label == "title" else "boilerplate (removed)"
    out = ["", f"### `{d.name}` {{#{d.name}}}", "", prose(d.description), "",
           f"- **Kind:** `{d.kind}` · **modes:** {', '.join(d.modes)} · **marks a block as:** {marks} · "
           f"**chain position:** {d.position}",
           f"- **Switch it off:** {_disable_hint(d, cli_flags, of_kind)}."]
    if d.options:
        out.append("- **Also reads:** " + ", ".join(f"`Options.{o}`" for o in d.options) + ".")
    fixture = f"`tests/rules/fixtures/{d.name}.json`"
    if not d.positives or not d.negatives:
        out += ["", '!!! failure "No fixture examples"',
                f"    This rule has {d.positives} positive and {d.negatives} negative fixture examples; every rule "
                f"needs both in {fixture} (the fixture test fails until it has them)."]
        return out
    verb = "Takes as title" if d.label == "title" else "Removes"
    out += ["", f"{verb} (from {fixture}: {d.cases} cases, {d.positives} positive and {d.negatives} negative "
                f"examples):", ""]
    for ex in d.removes:
        reason = f" — reason: *{prose(ex.reason)}*" if ex.reason else ""
        out.append(f"- {code(ex.text)} ({ex.context()}){reason}")
    out += ["", "Keeps:", ""]
    for ex in d.keeps:
        note = f" — *{prose(cut(ex.note, 140))}*" if ex.note else ""
        out.append(f"- {code(ex.text)} ({ex.context()}){note}")
    return out


