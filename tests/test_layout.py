"""The package layout says what runs where, and its rooms stand one above the other.

- no two modules import each other (type hints included);
- rules/html/ runs on HTML pages only, rules/text/ on text input only, rules/lines/ in both modes;
- features/ defines no rule and never imports a rule module;
- presets.FAMILIES lists every rule module once, in the chain's order.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
from pathlib import Path

from cleantext.presets import DEFAULT_RULES, FAMILIES
from cleantext.rule import BOTH, HTML_ONLY, TEXT_ONLY, Rule

SRC = Path(__file__).resolve().parent.parent / "src"


def _imports() -> dict[str, set[str]]:
    """Module name -> every module (and module.name) it imports, relative imports resolved."""
    out: dict[str, set[str]] = {}
    for path in SRC.joinpath("cleantext").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        package = name if is_package else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                deps.add(module)
                deps.update(f"{module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        out[name] = deps
    return out


def test_the_pairs_that_used_to_import_each_other_no_longer_do() -> None:
    imports = _imports()
    for a, b in (("cleantext.batch", "cleantext.templates"), ("cleantext.io.containers", "cleantext.io.sources")):
        assert not (b in imports[a] and a in imports[b]), (a, b)


def test_batch_and_io_modules_import_no_module_that_imports_them() -> None:
    imports = _imports()
    ours = [m for m in imports if m.startswith(("cleantext.batch", "cleantext.templates", "cleantext.records",
                                                   "cleantext.io", "cleantext.cli", "cleantext.links",
                                                   "cleantext.integrations"))]
    for a, b in itertools.permutations(ours, 2):
        assert not (b in imports[a] and a in imports[b]), (a, b)


def test_no_two_modules_of_the_package_import_each_other() -> None:
    imports = _imports()
    pairs = sorted({tuple(sorted((a, b))) for a, deps in imports.items() for b in deps if a in imports.get(b, ())})
    assert pairs == []


def test_the_pair_check_sees_an_import_through_a_type_hint() -> None:
    """rule.py imports Context only for type hints (under TYPE_CHECKING): the check must still see it."""
    imports = _imports()
    assert "cleantext.context" in imports["cleantext.rule"]
    assert "cleantext.rule" in imports["cleantext.chain"]


def test_features_define_no_rule_and_import_no_rule_module() -> None:
    import cleantext.features as features

    for info in pkgutil.walk_packages(features.__path__, "cleantext.features."):
        module = importlib.import_module(info.name)
        assert not hasattr(module, "RULES"), info.name
        assert not any(isinstance(v, Rule) for v in vars(module).values()), info.name
    for name, deps in _imports().items():
        if name.startswith("cleantext.features"):
            assert not any(d.startswith("cleantext.rules") for d in deps), (name, deps)


def test_the_folder_says_the_mode() -> None:
    expected = {"html": HTML_ONLY, "text": TEXT_ONLY, "lines": BOTH}
    for family, rules in FAMILIES:
        for r in rules:
            assert r.modes == expected[family.split("/")[0]], (family, r.name, sorted(r.modes))


def test_presets_list_every_rule_module_once() -> None:
    import cleantext.rules as rules

    modules = {info.name.removeprefix("cleantext.rules.").replace(".", "/")
               for info in pkgutil.walk_packages(rules.__path__, "cleantext.rules.") if not info.ispkg}
    assert sorted(family for family, _ in FAMILIES) == sorted(modules)
    for family, listed in FAMILIES:
        assert listed is importlib.import_module("cleantext.rules." + family.replace("/", ".")).RULES, family
    assert len(DEFAULT_RULES) == sum(len(r) for _, r in FAMILIES)
