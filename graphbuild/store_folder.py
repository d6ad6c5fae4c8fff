"""The Oxigraph store `graphbuild run` writes beside graph.ttl (OUT/graph.oxigraph), and opening it.

Kept apart from graphbuild.store (rdflib graphs over Oxigraph) because it
needs only pyoxigraph: `graphbuild query` opens the store without importing
rdflib.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import tempfile
import threading
from pathlib import Path

import pyoxigraph as ox

from graphbuild.errors import OutputError

LOAD_CHUNK = 8_000_000
"""Bytes of Turtle per bulk load: ~125,000 triples. Oxigraph's memory for a bulk load grows
with the chunk; with 16,000,000 a 100,000-article run peaked at 2.05 GiB, with this at 1.85."""
STORE_SUFFIX = ".oxigraph"
"""The store of OUT/graph.ttl is the folder OUT/graph.oxigraph."""
SOURCE_FILE = "graphbuild-source.json"
"""Inside a store: the size and mtime of the Turtle it was loaded from, to tell a stale store."""


def store_path(turtle: Path | str) -> Path:
    """Where the store of a Turtle file lives: OUT/graph.ttl -> OUT/graph.oxigraph."""
    return Path(turtle).with_suffix(STORE_SUFFIX)


def write_store(turtle: Path | str) -> Path:
    """Load a Turtle file into a new on-disk store beside it, replacing any previous store whole."""
    loader = StoreLoader(turtle)
    loader.load_file()
    return loader.finish()


class StoreLoader:
    """Builds the store of a Turtle file (OUT/graph.oxigraph) while the Turtle is written.

    Chunks of Turtle text handed to `load` are bulk-loaded by a background
    thread (Oxigraph's loader runs without the GIL, so it works on the other
    core while the writer makes the next chunk), one chunk at a time, so
    memory stays bounded whatever the size of the graph. The store is built
    in a hidden folder; `finish` stamps it with the Turtle file it mirrors and
    renames it into place, so a failed or killed run never leaves half a
    store under the final name (`abandon` removes it).
    """

    def __init__(self, turtle: Path | str, header: str = "") -> None:
        self.turtle, self.header = Path(turtle), header.encode("utf-8")
        self.target = store_path(self.turtle)
        self.error: BaseException | None = None
        self.temp: Path | None = None
        self.chunks: queue.Queue = queue.Queue(maxsize=2)
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.worker = threading.Thread(target=self._work, name="graphbuild-store", daemon=True)

    def load(self, statements: bytes) -> None:
        """Queue whole Turtle statements (after the header) for loading, LOAD_CHUNK bytes at a time."""
        self.pending.append(statements)
        self.pending_size += len(statements)
        if self.pending_size >= LOAD_CHUNK:
            self._queue_pending()

    def load_copied(self, statements: bytes, previous_offset: int) -> None:
        """Statements copied from the previous graph.ttl: loaded like any others."""
        self.load(statements)

    def _queue_pending(self) -> None:
        self._start()
        self._raise_worker_error()
        if self.pending:
            self.chunks.put(self.header + b"".join(self.pending))
        self.pending, self.pending_size = [], 0

    def load_file(self) -> None:
        """Queue the whole Turtle file, loaded as one (for a file graphbuild did not just write)."""
        self._start()
        self.chunks.put(self.turtle)

    def _start(self) -> None:
        """Make the hidden folder and start loading, on the first chunk (the Turtle's folder exists by then)."""
        if self.temp is not None:
            return
        try:
            remove_leftovers(self.target)
            self.temp = Path(tempfile.mkdtemp(dir=self.turtle.parent, prefix=f".{self.target.name}.", suffix=".tmp"))
        except OSError as error:
            raise OutputError(f"cannot write the store {self.target}: {error.strerror or error}") from error
        self.worker.start()

    def finish(self) -> Path:
        """Wait for the loads, stamp the store with the Turtle file as it is now, rename it into place."""
        self._queue_pending()
        self.chunks.put(None)
        self.worker.join()
        try:
            self._raise_worker_error()
            stamp_store(self.temp, self.turtle)
            replace_folder(self.temp, self.target)
        except OSError as error:
            self.abandon()
            raise OutputError(f"cannot write the store {self.target}: {error.strerror or error}") from error
        except BaseException:
            self.abandon()
            raise
        return self.target

    def abandon(self) -> None:
        """Stop loading and delete the unfinished store."""
        if self.worker.is_alive():
            self.chunks.put(None)
            self.worker.join()
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)

    def _work(self) -> None:
        try:
            store = ox.Store(str(self.temp))
            while (chunk := self.chunks.get()) is not None:
                if isinstance(chunk, Path):
                    store.bulk_load(path=str(chunk), format=ox.RdfFormat.TURTLE)
                else:
                    store.bulk_load(input=chunk, format=ox.RdfFormat.TURTLE)
            store.optimize()  # compacts what the chunks left: several times faster queries
            store.flush()
            del store  # closes the database before its folder moves
        except BaseException as error:  # handed to the writer's thread
            self.error = error
            while self.chunks.get() is not None:  # keep draining, so the writer never blocks
                pass

    def _raise_worker_error(self) -> None:
        if isinstance(self.error, OSError):
            raise OutputError(f"cannot write the store {self.target}: {self.error.strerror or self.error}") from self.error
        if self.error is not None:
            raise self.error


def remove_leftovers(target: Path) -> None:
    """Delete what a killed run left beside the store (hidden .graph.oxigraph.* folders and files)."""
    for left in target.parent.glob(f".{target.name}.*"):
        if left.is_dir():
            shutil.rmtree(left, ignore_errors=True)
        else:
            left.unlink(missing_ok=True)


def stamp_store(folder: Path, turtle: Path) -> None:
    """Mark the store in folder as the mirror of the Turtle file as it is now."""
    (folder / SOURCE_FILE).write_text(json.dumps(_source_stamp(turtle)), encoding="utf-8")
    os.chmod(folder, 0o755)  # mkdtemp makes it 0700; outputs are meant to be shared


def replace_folder(new: Path, target: Path) -> None:
    """Rename new to target; an existing target is moved aside first, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
        os.replace(target, old / "store")
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def open_store(turtle: Path | str) -> ox.Store | None:
    """The store written beside the Turtle file, read-only, if it was loaded from the file as it is now."""
    if not store_mirrors(turtle):
        return None
    try:
        return ox.Store.read_only(str(store_path(turtle)))
    except (OSError, ValueError):
        return None


def store_mirrors(turtle: Path | str) -> bool:
    """Whether the store beside the Turtle file was made from the file as it is now."""
    try:
        stamp = json.loads((store_path(turtle) / SOURCE_FILE).read_text(encoding="utf-8"))
        return stamp == _source_stamp(Path(turtle))
    except (OSError, ValueError):
        return False


def _source_stamp(turtle: Path) -> dict:
    status = turtle.stat()
    return {"turtle": turtle.name, "size": status.st_size, "mtime_ns": status.st_mtime_ns}


