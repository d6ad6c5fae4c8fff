"""Per-file extraction results kept between runs, keyed by the file's bytes and the extractor's code.

A file whose bytes are unchanged, read by unchanged extraction code, is not
extracted again. Facts of a changed or deleted file are never reused: the
graph is always rebuilt from the current inputs' records, so they are gone.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from pathlib import Path
from typing import Iterable

import graphbuild
from graphbuild.ingest import InputFile

_EXTRACTION_MODULES = (
    "ingest.py", "clean.py", "mentions.py", "names.py", "lexicon.py", "text.py", "model.py", "extract",
    "archive.py",  # how the records are packed, with their digest
)


def extraction_version() -> str:
    """A digest of the code that turns a file into records: any change to it invalidates the cache."""
    return source_digest(_EXTRACTION_MODULES)


def source_digest(names: Iterable[str] = (".",)) -> str:
    """A digest of graphbuild's version and the source of the named modules and subpackages (default: all of it)."""
    digest = hashlib.sha256(graphbuild.__version__.encode())
    package = Path(graphbuild.__file__).parent
    for name in names:
        path = package / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(str(source.relative_to(package)).encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class FactsCache:
    """A folder of pickled per-file results (written by graphbuild only: pickles are trusted)."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.folder = Path(folder)
        self.version = version or _VERSION

    def key(self, input_file: InputFile) -> str:
        digest = hashlib.sha256(self.version.encode())
        digest.update(input_file.article_id.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        with open(input_file.path, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, input_file: InputFile) -> list | None:
        """The cached records of this file, or None (never an error: a bad entry is a miss)."""
        entry = self.entry_path(input_file)
        return self.load(entry) if entry else None

    def entry_path(self, input_file: InputFile) -> Path | None:
        """Where the records of this file are kept, whether they are there yet or not (None: unreadable file).

        Reading it hashes the whole file: ask once, then load or write_entry that path.
        """
        try:
            return self._path(self.key(input_file))
        except OSError:
            return None

    def load(self, entry: Path) -> list | None:
        """The records of a cache entry, or None (never an error: a missing or bad entry is a miss)."""
        try:
            with open(entry, "rb") as stream:
                records = pickle.load(stream)
            os.utime(entry)  # marks the entry as used by this run, so prune keeps it
            return records
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None

    def prune(self, used_since: float) -> int:
        """Delete entries no run has used since `used_since` (files deleted or changed); how many."""
        removed = 0
        for path in self.folder.glob("*/*.pickle"):
            if path.stat().st_mtime < used_since:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def write_entry(entry: Path, records: list) -> None:
    """Keep a file's records at its entry_path (written beside, then renamed: readers never see half)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(records, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, entry)
    except OSError:
        pass  # a cache that cannot be written only costs time on the next run


_VERSION = extraction_version()


def run_started() -> float:
    """A time just before this run's first cache access (file times have coarse resolution)."""
    return time.time() - 1
