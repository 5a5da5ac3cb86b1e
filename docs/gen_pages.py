"""MkDocs build step (mkdocs-gen-files): write the generated pages, and warn about every problem.

The pages come from tools/docgen.py. `mkdocs build --strict` turns each warning (a rule without fixture
examples, an example its rule does not mark, no recorded benchmark run) into a failed build.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.plugins.cleantext_docs")

spec = importlib.util.spec_from_file_location("cleantext_docgen", ROOT / "tools" / "docgen.py")
assert spec and spec.loader
docgen = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = docgen  # dataclasses look their module up there
spec.loader.exec_module(docgen)

pages, problems = docgen.generate()
for name, text in pages.items():
    with mkdocs_gen_files.open(name, "w") as f:
        f.write(text)
    if not (ROOT / "docs" / name).exists():  # a wholly generated page: edits go to the generator
        mkdocs_gen_files.set_edit_path(name, "tools/docgen.py")
for problem in problems:
    log.warning("generated docs: %s", problem)
