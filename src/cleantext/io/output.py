"""Where results go: one file per document in a directory, or one JSONL file; both resumable.

A document counts as done when its output exists (a file per document, or a JSONL line without an
error). Files are written to a temporary name and renamed, so an interrupted run never leaves a
half-written file that a re-run would take as done.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, TextIO

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 120  # well under the 255-byte limit of common file systems, leaving room for suffixes


def safe_name(doc_id: str) -> str:
    """A file name for an id that cannot leave the output directory or collide with another id's name.

    Anything but letters, digits, '.', '_' and '-' becomes '_', a leading dot is replaced; when the
    name had to change (or be shortened), a hash of the full id is appended so distinct ids stay distinct.
    """
    name = _UNSAFE.sub("_", doc_id).strip("_") or "doc"
    if name.startswith("."):
        name = "_" + name[1:]
    if name != doc_id or len(name) > _MAX_NAME:
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        name = f"{name[:_MAX_NAME]}-{digest}"
    return name


class DirectoryWriter:
    """One file per document: DIR/<safe id>.<ext>."""

    def __init__(self, directory: str | os.PathLike[str], extension: str, overwrite: bool = False) -> None:
        self.directory = Path(directory)
        self.extension = extension
        self.overwrite = overwrite
        self.directory.mkdir(parents=True, exist_ok=True)

    def path_for(self, doc_id: str) -> Path:
        return self.directory / f"{safe_name(doc_id)}.{self.extension}"

    def done(self, doc_id: str) -> bool:
        """True when this document's output already exists (and --overwrite is off)."""
        return not self.overwrite and self.path_for(doc_id).exists()

    def write(self, doc_id: str, content: str, record: dict[str, Any] | None = None) -> None:
        path = self.path_for(doc_id)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        tmp.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def close(self) -> None:
        pass


class JsonlWriter:
    """One JSON record per line, to a file (resumable) or to a stream such as stdout."""

    def __init__(self, target: str | os.PathLike[str] | TextIO, overwrite: bool = False) -> None:
        self.done_ids: set[str] = set()
        if isinstance(target, str | os.PathLike):
            path = Path(target)
            if path.parent != Path():
                path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and not overwrite:
                self._resume(path)
            self.stream: TextIO = open(path, "a" if not overwrite else "w", encoding="utf-8")  # noqa: SIM115
            self._owned = True
        else:
            self.stream, self._owned = target, False

    def _resume(self, path: Path) -> None:
        """Remember finished ids; drop lines of failed documents (they are retried) and any torn last line."""
        dropped = 0
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        with open(path, encoding="utf-8", errors="replace") as f, open(tmp, "w", encoding="utf-8") as out:
            for line in f:
                try:
                    data = json.loads(line)
                except ValueError:
                    dropped += 1
                    continue
                if isinstance(data, dict) and data.get("error") is None and "id" in data:
                    self.done_ids.add(str(data["id"]))
                    out.write(line if line.endswith("\n") else line + "\n")
                else:
                    dropped += 1
        if dropped:
            os.replace(tmp, path)
        else:
            tmp.unlink()

    def done(self, doc_id: str) -> bool:
        return doc_id in self.done_ids

    def write(self, doc_id: str, content: str, record: dict[str, Any] | None = None) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()  # a crash loses at most the line being written

    def close(self) -> None:
        if self._owned:
            self.stream.close()
