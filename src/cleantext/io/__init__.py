"""Reading batches (files, directories, globs, stdin, JSONL, WARC, WET) and writing their results."""

from __future__ import annotations

from .formats import INPUT_FORMATS, ReadOptions, format_from_name
from .sources import expand_path, read_file, read_inputs, sniff_format

__all__ = ["INPUT_FORMATS", "ReadOptions", "expand_path", "format_from_name", "read_file", "read_inputs",
           "sniff_format"]
