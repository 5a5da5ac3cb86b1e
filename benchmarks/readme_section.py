"""Write a generated section into a Markdown file between markers, so README figures come from a command."""

from __future__ import annotations

import sys
from pathlib import Path


def command_line(script: str, argv: list[str] | None, outputs: set[str]) -> str:
    """The command that produced a result, without the options that only say where outputs go."""
    kept, skip = [], False
    for arg in argv if argv is not None else sys.argv[1:]:
        if skip:
            skip = False
        elif arg in outputs:
            skip = True
        elif arg.split("=", 1)[0] not in outputs:
            kept.append(arg)
    return " ".join(["python", script, *kept])


def markers(name: str, script: str) -> tuple[str, str]:
    """The start and end markers of a generated section."""
    return (f"<!-- {name}:start (written by {script}; do not edit by hand) -->", f"<!-- {name}:end -->")


def replace_section(path: Path, name: str, script: str, body: str, heading: str) -> None:
    """Replace the text between the section's markers; append ``heading`` and the section when they are missing."""
    start, end = markers(name, script)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{block}\n"
    path.write_text(text, encoding="utf-8")
