"""Where results go: one file per document in a directory, or one JSONL file; both resumable.

A document counts as done when its output exists and was made from the same input with the same
options (its fingerprint, see cleantext.cli): a replaced page or a changed option redoes it. Files are
written to a temporary name and renamed, so an interrupted run never leaves a half-written file that a
re-run would take as done. Two documents never share an output: a second document whose output name
is taken in the same run fails with DuplicateOutput instead of overwriting the first.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path, PurePath
from typing import Any, TextIO

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_HASHED = re.compile(r"-[0-9a-f]{10}$")  # the suffix safe_name adds: a plain id ending like it gets one too
_MAX_NAME = 120  # well under the 255-byte limit of common file systems, leaving room for suffixes
MANIFEST = ".cleantext-manifest.jsonl"  # in an output folder: file -> fingerprint of what made it
_RECORD_KEYS = frozenset({"id", "text", "error"})  # every line cleantext writes has these


class DuplicateOutput(ValueError):
    """Two documents of one run would write the same output (duplicate ids or output names)."""


class NotCleantextOutput(ValueError):
    """--output names an existing file that cleantext did not write: it is neither resumed nor replaced."""


def safe_name(doc_id: str) -> str:
    """A file name for an id that cannot leave the output directory or collide with another id's name.

    Anything but letters, digits, '.', '_' and '-' becomes '_', a leading dot is replaced; when the
    name had to change (or be shortened, or already ends like a hash suffix), a hash of the full id is
    appended so distinct ids stay distinct.
    """
    name = _UNSAFE.sub("_", doc_id).strip("_") or "doc"
    if name.startswith("."):
        name = "_" + name[1:]
    if name != doc_id or len(name) > _MAX_NAME or _HASHED.search(name):
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        name = f"{name[:_MAX_NAME]}-{digest}"
    return name


def safe_relative(name: str) -> PurePath:
    """A relative output path for a file's path below its input folder: each folder and name made safe."""
    parts = [safe_name(p) for p in PurePath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    return PurePath(*parts) if parts else PurePath("doc")


class DirectoryWriter:
    """One file per document: DIR/<safe id>.<ext>, or DIR/<its folders below the input>/<name>.<ext>."""

    def __init__(self, directory: str | os.PathLike[str], extension: str, overwrite: bool = False) -> None:
        self.directory = Path(directory)
        self.extension = extension
        self.overwrite = overwrite
        self.directory.mkdir(parents=True, exist_ok=True)
        self.written: set[str] = set()  # output files of this run (for duplicate detection)
        self.fingerprints: dict[str, str] = {}
        manifest = self.directory / MANIFEST
        if overwrite:
            manifest.unlink(missing_ok=True)
        elif manifest.exists():
            with open(manifest, encoding="utf-8", errors="replace") as lines:
                for line in lines:
                    try:
                        entry = json.loads(line)
                        self.fingerprints[str(entry["file"])] = str(entry["fingerprint"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a torn last line: that file is redone
        self._manifest = open(manifest, "a", encoding="utf-8")  # noqa: SIM115

    def path_for(self, doc_id: str, name: str | None = None) -> Path:
        relative = safe_relative(name) if name else PurePath(safe_name(doc_id))
        return self.directory / relative.with_name(f"{relative.name}.{self.extension}")

    def _key(self, path: Path) -> str:
        return path.relative_to(self.directory).as_posix()

    def done(self, doc_id: str, name: str | None = None, fingerprint: str | None = None) -> bool:
        """True when this document's output exists, made from the same input and options (and no --overwrite)."""
        if self.overwrite:
            return False
        path = self.path_for(doc_id, name)
        if not path.exists():
            return False
        return fingerprint is None or self.fingerprints.get(self._key(path)) == fingerprint

    def write(self, doc_id: str, content: str, record: dict[str, Any] | None = None, name: str | None = None,
              fingerprint: str | None = None) -> None:
        path = self.path_for(doc_id, name)
        key = self._key(path)
        if key in self.written:
            raise DuplicateOutput(f"another document of this run was written to {key} (duplicate id or name)")
        self.written.add(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        tmp.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
        os.replace(tmp, path)
        if fingerprint is not None:
            self._manifest.write(json.dumps({"file": key, "fingerprint": fingerprint}) + "\n")
            self._manifest.flush()

    def close(self) -> None:
        self._manifest.close()


class JsonlWriter:
    """One JSON record per line, to a file (resumable) or to a stream such as stdout."""

    def __init__(self, target: str | os.PathLike[str] | TextIO, overwrite: bool = False) -> None:
        self.done_ids: dict[str, str | None] = {}  # id -> fingerprint of the line that has it
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
        """Remember finished ids; drop lines of failed documents (they are retried) and a torn last line.

        A file with any other line (not a record cleantext writes) is refused whole: it is somebody's data.
        """
        lines = []
        torn = None
        with open(path, encoding="utf-8", errors="replace") as f:
            for lineno, line in enumerate(f, 1):
                if torn is not None:
                    raise NotCleantextOutput(f"{path}: line {torn} is not a JSON record written by cleantext")
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError:
                    torn = lineno  # allowed on the last line only: an interrupted write
                    continue
                if not isinstance(data, dict) or not data.keys() >= _RECORD_KEYS:
                    raise NotCleantextOutput(f"{path}: line {lineno} is not a JSON record written by cleantext")
                lines.append((data, line))
        kept = [(d, line) for d, line in lines if d.get("error") is None]
        for data, _ in kept:
            self.done_ids[str(data["id"])] = data.get("fingerprint")
        if len(kept) != len(lines) or torn is not None:
            tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
            with open(tmp, "w", encoding="utf-8") as out:
                out.writelines(line if line.endswith("\n") else line + "\n" for _, line in kept)
            os.replace(tmp, path)

    def done(self, doc_id: str, name: str | None = None, fingerprint: str | None = None) -> bool:
        if doc_id not in self.done_ids:
            return False
        return fingerprint is None or self.done_ids[doc_id] == fingerprint

    def write(self, doc_id: str, content: str, record: dict[str, Any] | None = None, name: str | None = None,
              fingerprint: str | None = None) -> None:
        if fingerprint is not None and record is not None:
            record = {**record, "fingerprint": fingerprint}
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()  # a crash loses at most the line being written

    def close(self) -> None:
        if self._owned:
            self.stream.close()
