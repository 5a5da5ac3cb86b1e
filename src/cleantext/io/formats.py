"""How paths become records: the input formats and the read options (below both readers in io/)."""

from __future__ import annotations

import os
from dataclasses import dataclass

INPUT_FORMATS: tuple[str, ...] = ("auto", "html", "text", "jsonl", "warc", "wet")

# Extensions read from directories (and used to choose the format with --input-format auto).
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".arc": "warc", ".wet": "wet",
}


@dataclass(frozen=True)
class ReadOptions:
    """How to turn paths into records."""

    input_format: str = "auto"
    recursive: bool = False
    text_field: str = "text"
    html_field: str = "html"
    id_field: str = "id"
    url_field: str = "url"
    # Pages larger than this become an error record without being read whole (Options.max_input_bytes).
    max_bytes: int = 64 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input_format must be one of {INPUT_FORMATS}, not {self.input_format!r}")


def format_from_name(name: str) -> str | None:
    """The input format an extension names ("a.warc.gz" -> "warc", "a.warc.wet.gz" -> "wet"), or None."""
    lower = name.lower().removesuffix(".gz")
    if lower.endswith(".warc.wet"):
        return "wet"
    return _EXTENSIONS.get(os.path.splitext(lower)[1])
