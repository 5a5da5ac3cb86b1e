"""Generate the documentation pages that must never drift from the code.

    python tools/docgen.py pages OUT_DIR         # write rules.md, cli.md, benchmarks.md into OUT_DIR
    python tools/docgen.py check                 # exit 1 when a rule has no usable fixture examples
    python tools/docgen.py record-benchmarks     # run benchmarks/quality.py (html, text): docs/data/benchmarks.json

The MkDocs build calls the same functions through docs/gen_pages.py, so the rule catalogue is rebuilt from
cleantext.presets.DEFAULT_RULES and tests/rules/fixtures/*.json, the CLI reference from
cleantext.cli.build_parser(), and the benchmarks page from the last recorded run of benchmarks/quality.py.
Every problem found (a rule without fixtures, a fixture example that does not hold) is returned so the
caller can fail: `mkdocs build --strict` turns each one into a failing warning.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import html
import importlib.util
import inspect
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "rules" / "fixtures"
DOCS = ROOT / "docs"
BENCH_RECORD = DOCS / "data" / "benchmarks.json"
FLOORS = ROOT / "benchmarks" / "floors.json"
# Examples shown per rule and side; fixtures often hold many more (the counts are printed beside them).
EXAMPLES_PER_SIDE = 3
# Long fixture texts are cut for the page; the full text stays in the fixture file.
MAX_EXAMPLE_CHARS = 160
# Tool names in benchmarks/quality.py -> the distribution whose version is recorded.
PEER_PACKAGES = {"trafilatura": "trafilatura", "readability-lxml": "readability-lxml", "jusText": "justext",
                 "lxml": "lxml"}

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


# ---------------------------------------------------------------- markdown helpers

def code(text: str, limit: int = MAX_EXAMPLE_CHARS) -> str:
    """``text`` as an inline code span, whitespace collapsed, cut at ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if not text:
        return "*(empty)*"
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def prose(text: str) -> str:
    """Plain text safe for Markdown: no raw HTML, no table-breaking pipes."""
    return html.escape(text, quote=False).replace("|", "\\|")


# ---------------------------------------------------------------- the rule catalogue

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
    """Rule name -> family (the module under cleantext.rules that registers it)."""
    from cleantext.rules import RULE_MODULES

    return {r.name: m.__name__.rsplit(".", 1)[-1] for m in RULE_MODULES for r in getattr(m, "RULES", [])}


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
        out.append(f"| {d.position} | [`{d.name}`](#{d.name}) | [{prose(d.kind)}](#kind-{_slug(d.kind)}) | "
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
        out.append(f"| <span id=\"kind-{_slug(kind)}\"></span>`{kind}` | {names} | {packs.get(kind, '')} |")
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
        for value in load_data(kind).values():
            if isinstance(value, dict):
                for lang, phrases in value.items():
                    if isinstance(phrases, list):
                        counts[lang] = counts.get(lang, 0) + len(phrases)
        langs = " ".join(sorted(counts))
        packs[kind] = f"`phrases/{kind}.json`: {sum(counts.values())} phrases; {langs}"
    return packs


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "kind"


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
        note = f" — *{prose(_cut(ex.note, 140))}*" if ex.note else ""
        out.append(f"- {code(ex.text)} ({ex.context()}){note}")
    return out


# ---------------------------------------------------------------- the CLI reference

@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = old


def cli_flags(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of the parser (and its subcommands)."""
    flags: set[str] = set()
    for action in parser._actions:
        flags.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                flags |= cli_flags(sub)
    return flags


def cli_reference(parser: argparse.ArgumentParser) -> str:
    """The Markdown of docs/cli.md, from the argparse parser itself."""
    out = ["# Command line", "",
           "<!-- Generated by tools/docgen.py from cleantext.cli.build_parser(). Do not edit. -->", "",
           f"The `{parser.prog}` command, as `{parser.prog} --help` prints it. Examples are in the "
           "[Quickstart](quickstart.md) and the [Cookbook](cookbook.md).", ""]
    out += _parser_section(parser, level=2)
    return "\n".join(out) + "\n"


def _parser_section(parser: argparse.ArgumentParser, level: int) -> list[str]:
    with _columns(100):
        help_text = parser.format_help()
    out = ["```text", help_text.rstrip(), "```", "", "#" * level + " Options", "",
           "| option | value | default | description |", "|---|---|---|---|"]
    formatter = parser._get_formatter()
    subcommands: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            subcommands += list(action.choices.items())
            continue
        names = ", ".join(f"`{s}`" for s in action.option_strings) or f"`{action.metavar or action.dest}`"
        if action.choices is not None:
            value = " \\| ".join(f"`{c}`" for c in action.choices)
        elif action.nargs == 0:
            value = "(flag)"
        else:
            value = f"`{action.metavar or action.dest.upper()}`"
            if action.nargs in ("*", "+"):
                value += " …"
        default = "" if action.default in (None, False, [], argparse.SUPPRESS) or action.nargs == 0 \
            else code(str(action.default))
        described = formatter._expand_help(action) if action.help else ""
        repeatable = isinstance(action, argparse._AppendAction) or action.nargs in ("*", "+")
        if repeatable and action.option_strings and "repeat" not in described:
            value += " (repeatable)"
        out.append(f"| {names} | {value} | {default} | {prose(described)} |")
    for name, sub in subcommands:
        out += ["", "#" * level + f" `{parser.prog} {name}`", "", *_parser_section(sub, level + 1)]
    return out


# ---------------------------------------------------------------- the options table

OPTIONS_MARKER = re.compile(r"^<!-- options-table -->$", re.M)


def options_table() -> str:
    """A Markdown table of cleantext.Options: each field, its default, and the comment above it in options.py."""
    import ast

    source_path = ROOT / "src" / "cleantext" / "options.py"
    source = source_path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Options")
    # Where each field name is used outside options.py: an option nothing reads must not be advertised as working.
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "cleantext").rglob("*.py")
                     if p != source_path)
    out = ["| option | default | what it does |", "|---|---|---|"]
    for node in cls.body:
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.target, ast.Name):
            continue
        name = node.target.id
        if name.startswith("_") or name == "extras":
            continue
        comment: list[str] = []
        i = node.lineno - 2
        while i >= 0 and lines[i].strip().startswith("#"):
            comment.insert(0, lines[i].strip().lstrip("#").strip())
            i -= 1
        default = ast.unparse(node.value) if node.value is not None else ""
        text = prose(" ".join(comment)) or "—"
        if not re.search(rf"\b{name}\b", code):
            text += " *(accepted, but not used by cleantext yet)*"
        out.append(f"| `{name}` | {code_span(default)} | {text} |")
    return "\n".join(out)


def code_span(text: str) -> str:
    return code(text, 80) if text else ""


# ---------------------------------------------------------------- live command output in hand-written pages

RUN_MARKER = re.compile(r"^<!-- run: (cleantext(?: [^\n]*?)?) -->$", re.M)
# `<!-- example: NAME.py -->`: the script docs/examples/NAME.py, then what it prints when run.
EXAMPLE_MARKER = re.compile(r"^<!-- example: ([\w-]+\.py) -->$", re.M)
EXAMPLES = ROOT / "docs" / "examples"
# Longer outputs are cut on the page; the reader can run the command.
MAX_OUTPUT_LINES = 80


def run_command(command: str) -> tuple[str, str | None]:
    """Run a `cleantext ...` command (or a docs/examples script) from the repository root.

    Returns its stdout, and a problem when it failed.
    """
    args = shlex.split(command)
    # `cleantext ARGS` runs the package's CLI; `python SCRIPT` runs an example script.
    argv = [sys.executable, *(["-m", "cleantext"] if args[0] == "cleantext" else []), *args[1:]]
    env = {**os.environ, "COLUMNS": "100", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    problem = None
    if done.returncode != 0:
        problem = f"`{command}` exited {done.returncode}: {done.stderr.strip()[:300]}"
    return done.stdout, problem


def expand_commands(markdown: str) -> tuple[str, list[str]]:
    """Replace each `<!-- run: cleantext ... -->` line with the command and its output, run now."""
    problems: list[str] = []

    def replace(match: re.Match[str]) -> str:
        command = match.group(1)
        output, problem = run_command(command)
        if problem:
            problems.append(problem)
        lines = output.rstrip("\n").splitlines()
        if len(lines) > MAX_OUTPUT_LINES:
            lines = [*lines[:MAX_OUTPUT_LINES], f"… ({len(lines) - MAX_OUTPUT_LINES} more lines)"]
        fence = "```"
        while fence in output:
            fence += "`"
        return "\n".join([f"{fence}text", f"$ {command}", *lines, fence])

    def example(match: re.Match[str]) -> str:
        script = EXAMPLES / match.group(1)
        if not script.exists():
            problems.append(f"docs/examples/{match.group(1)} does not exist")
            return f"*(missing example {match.group(1)})*"
        source = script.read_text(encoding="utf-8").rstrip()
        output, problem = run_command(f"python {script.relative_to(ROOT)}")
        if problem:
            problems.append(problem)
        return "\n".join(["```python", source, "```", "", "It prints:", "", "```text", output.rstrip(), "```"])

    markdown = EXAMPLE_MARKER.sub(example, markdown)
    markdown = OPTIONS_MARKER.sub(lambda _: options_table(), markdown)
    return RUN_MARKER.sub(replace, markdown), problems


# ---------------------------------------------------------------- the benchmarks page

def benchmarks_page(record: dict[str, Any] | None, floors: dict[str, Any] | None = None) -> str:
    """The Markdown of docs/benchmarks.md, from a record written by `docgen.py record-benchmarks`."""
    out = ["# Benchmarks", "",
           "<!-- Generated by tools/docgen.py from docs/data/benchmarks.json. Do not edit. -->", "",
           "Accuracy of cleantext and its peers on the development sets in `../shared/datasets`, measured by "
           "`benchmarks/quality.py` (the metrics are described in that script and in `benchmarks/metrics.py`):",
           "",
           "- **trafilatura-eval** (chunk metric): a passage the page's annotators marked as article text must "
           "appear in the output (`with`), a passage marked as boilerplate must not (`without`); P, R and F1 "
           "are micro-averaged over all pages.",
           "- **readability** (shingle metric): 4-word shingles of the output against the expected article "
           "text; precision and recall are averaged over pages.",
           "- **html** mode cleans the page's HTML; **text** mode cleans the page's text dump (what a WET "
           "record or a copy-paste gives), where *no cleaning* and a *C4-style line filter* are the "
           "baselines.", ""]
    if not record:
        out += ['!!! warning "No recorded run"',
                "    `docs/data/benchmarks.json` is missing: run `python tools/docgen.py record-benchmarks --peers`.",
                ""]
        return "\n".join(out)
    versions = ", ".join(f"{k} {v}" for k, v in sorted(record.get("versions", {}).items()))
    out += ["## The recorded run", "",
            f"- **Date:** {record.get('recorded', 'unknown')}",
            f"- **cleantext:** {record.get('cleantext', 'unknown')} (commit `{record.get('commit', 'unknown')}`)",
            f"- **Python:** {record.get('python', 'unknown')} on {prose(record.get('platform', 'unknown'))}",
            f"- **Peers and parser:** {prose(versions) or 'none installed'}",
            f"- **Command:** `{record.get('command', '')}`", ""]
    pages = record.get("pages", {})
    set_names = {"traf": "trafilatura-eval", "read": "readability"}
    for mode, table in record.get("modes", {}).items():
        counts = ", ".join(f"{set_names[s]} {pages[set_names[s]]} pages" for s in set_names
                           if set_names[s] in pages)
        out += [f"### {mode} mode", "", f"Sets: {counts}." if counts else "", "",
                "| tool | trafilatura-eval P | R | F1 | readability P | R | F1 | errors |",
                "|---|---|---|---|---|---|---|---|"]
        for tool, row in table.items():
            t, r = row.get("traf", {}), row.get("read", {})
            name = f"**{tool}**" if tool == "cleantext" else prose(tool)
            out.append(f"| {name} | {_f(t, 'P')} | {_f(t, 'R')} | {_f(t, 'F1')} | {_f(r, 'P')} | {_f(r, 'R')} | "
                       f"{_f(r, 'F1')} | {t.get('errors', 0) + r.get('errors', 0)} |")
        floor = (floors or {}).get(mode)
        if floor:
            out += ["", "CI floors for cleantext (`benchmarks/floors.json`; the test suite fails below them): "
                    + ", ".join(f"{set_names.get(k.split('.')[0], k)} {k.split('.')[-1]} ≥ {v}"
                                for k, v in floor.items()) + "."]
        out.append("")
    out += ["## Reproduce", "", "```bash",
            ".venv/bin/pip install -e '.[bench]'",
            ".venv/bin/python benchmarks/quality.py --peers            # html mode",
            ".venv/bin/python benchmarks/quality.py --peers --mode text",
            ".venv/bin/python tools/docgen.py record-benchmarks --peers  # refresh this page's data",
            "```", ""]
    return "\n".join(out)


def _f(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return f"{value:.3f}" if isinstance(value, int | float) else "–"


def record_benchmarks(peers: bool, jobs: int, modes: Sequence[str] = ("html", "text"),
                      readme: Path | None = None) -> dict[str, Any]:
    """Run benchmarks/quality.py once per mode and bundle its --json output with date and versions."""
    from importlib.metadata import PackageNotFoundError, version

    import cleantext

    tables: dict[str, Any] = {}
    commands = []
    with tempfile.TemporaryDirectory() as tmp:
        for mode in modes:
            out_json = Path(tmp) / f"{mode}.json"
            cmd = [sys.executable, str(ROOT / "benchmarks" / "quality.py"), "--mode", mode, "--jobs", str(jobs),
                   "--out", str(Path(tmp) / "out"), "--json", str(out_json)] + (["--peers"] if peers else [])
            if readme is not None:  # the same run also writes the README's generated accuracy tables
                cmd += ["--readme", str(readme)]
            commands.append(f"python benchmarks/quality.py --mode {mode} --jobs {jobs}"
                            + (" --peers" if peers else "") + " --json …")
            subprocess.run(cmd, check=True, cwd=ROOT)
            if not out_json.exists():
                raise SystemExit("benchmarks/quality.py wrote no table (are ../shared/datasets there?)")
            tables[mode] = json.loads(out_json.read_text(encoding="utf-8"))
    # Versions of the parser and of the peers that were actually scored.
    scored = {tool for table in tables.values() for tool in table}
    versions = {}
    for tool, package in PEER_PACKAGES.items():
        if tool in scored or tool == "lxml":
            with contextlib.suppress(PackageNotFoundError):
                versions[package] = version(package)
    shared = ROOT.parent / "shared" / "datasets"
    pages = {}
    with contextlib.suppress(OSError, ValueError):
        pages["trafilatura-eval"] = len(json.loads((shared / "trafilatura-eval" / "annotations.json").read_text()))
        pages["readability"] = sum(1 for p in (shared / "readability" / "pages").iterdir() if p.is_dir())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True)
    return {
        "recorded": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cleantext": cleantext.__version__,
        "commit": (commit.stdout.strip() or "unknown") + (" + uncommitted changes" if dirty.stdout.strip() else ""),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "versions": versions,
        "pages": pages,
        "command": "; ".join(commands),
        "modes": tables,
    }


# ---------------------------------------------------------------- entry points

def generate(run_examples: bool = True) -> tuple[dict[str, str], list[str]]:
    """Every generated page as {path: markdown}, and the problems found."""
    from cleantext.cli import build_parser
    from cleantext.presets import DEFAULT_RULES

    parser = build_parser()
    flags = cli_flags(parser)
    docs, problems = document_rules(DEFAULT_RULES, load_fixtures(), run_examples=run_examples)
    record = json.loads(BENCH_RECORD.read_text(encoding="utf-8")) if BENCH_RECORD.exists() else None
    if record is None:
        problems.append("docs/data/benchmarks.json is missing: run python tools/docgen.py record-benchmarks")
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else None
    pages = {}
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if any(m.search(text) for m in (RUN_MARKER, EXAMPLE_MARKER, OPTIONS_MARKER)):
            pages[path.name], found = expand_commands(text)
            problems += [f"{path.name}: {p}" for p in found]
    pages |= {
        "rules.md": rule_catalogue(docs, flags),
        "cli.md": cli_reference(parser),
        "benchmarks.md": benchmarks_page(record, floors),
    }
    return pages, problems


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p_pages = sub.add_parser("pages", help="write the generated pages into a directory")
    p_pages.add_argument("out", type=Path)
    sub.add_parser("check", help="exit 1 when a generated page has a problem")
    p_bench = sub.add_parser("record-benchmarks", help="run benchmarks/quality.py and save the record")
    p_bench.add_argument("--peers", action="store_true", help="also score the installed peers")
    p_bench.add_argument("--jobs", type=int, default=1)
    p_bench.add_argument("--readme", type=Path, help="also write the accuracy tables into this README")
    args = ap.parse_args(argv)
    if args.command == "record-benchmarks":
        record = record_benchmarks(args.peers, args.jobs, readme=args.readme)
        BENCH_RECORD.parent.mkdir(parents=True, exist_ok=True)
        BENCH_RECORD.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {BENCH_RECORD.relative_to(ROOT)}")
        return 0
    pages, problems = generate()
    if args.command == "pages":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in pages.items():
            (args.out / name).write_text(text, encoding="utf-8")
    for problem in problems:
        print(f"docgen: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
