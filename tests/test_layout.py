"""No two modules import each other (type hints included): the package's rooms stand one above the other."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

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
