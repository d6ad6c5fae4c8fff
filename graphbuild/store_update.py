"""Bring the previous run's store up to date instead of loading the whole graph again.

A re-run after a few articles changed writes a graph.ttl that differs from the
previous one in a few subjects: the changed articles, their claims and events,
and the people and bills they name. Loading 3.5 million triples into a new
store takes ~12 s (and both cores) at 10,000 articles; removing and adding the
triples of a few hundred subjects takes milliseconds.

``StoreUpdate`` reads the previous graph.ttl alongside the new one as it is
written. Both list each subject once, as one statement followed by a blank
line, subjects sorted by IRI (graphbuild.rdf), so one pass over the two finds
the subjects that appeared, disappeared or changed; statements the writer
copied from the previous file (graphbuild.reuse) are passed over by their
offset, unread. ``finish`` applies those
to a copy of the previous store (a RocksDB checkpoint: hard links, no copying)
and renames it into place, so readers see the old store or the new one whole.

It is used only while the store mirrors the previous graph.ttl (its stamp), the
previous file is one graphbuild wrote, and the change stays small; otherwise
the new graph.ttl is loaded whole, as a first run does.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graphbuild.errors import OutputError
from graphbuild.store_folder import StoreLoader, remove_leftovers, replace_folder, stamp_store, store_mirrors, store_path

LARGEST_CHANGE = 0.25
"""A change bigger than this share of the previous graph.ttl's text (statements added, changed and
removed) is loaded whole: applying it subject by subject would cost more than a new bulk load."""
READ_SIZE = 1 << 22
"""Bytes of the previous graph.ttl read at a time."""


class StoreUpdate:
    """The store of a graph.ttl being rewritten, made by changing the previous store (see the module).

    Same calls as store_folder.StoreLoader: `load` the statements of the new
    graph.ttl as they are written, in order (`load_copied` for those copied
    from the previous file), then `finish` (or `abandon`).
    """

    def __init__(self, turtle: Path, header: str, previous: BinaryIO) -> None:
        self.turtle, self.header, self.target = turtle, header, store_path(turtle)
        self.previous = _Statements(previous, len(header.encode("utf-8")))
        self.budget = LARGEST_CHANGE * os.fstat(previous.fileno()).st_size
        self.removed: list[str] = []
        """Subjects whose triples go: gone from the new graph, or changed (their new triples are added)."""
        self.added: BinaryIO = tempfile.NamedTemporaryFile(
            "wb", dir=turtle.parent, prefix=f".{self.target.name}.", suffix=".added.ttl", delete=False)
        self.added.write(header.encode("utf-8"))
        self.too_big = False

    @classmethod
    def of(cls, turtle: Path | str, header: str) -> StoreUpdate | None:
        """An update of the store beside turtle, when that store mirrors it and turtle starts with header."""
        turtle = Path(turtle)
        if not store_mirrors(turtle):
            return None
        try:
            previous = turtle.open("rb")
        except OSError:
            return None
        if previous.read(len(header.encode("utf-8"))) != header.encode("utf-8"):
            previous.close()
            return None
        try:
            remove_leftovers(store_path(turtle))
            return cls(turtle, header, previous)
        except OSError as error:
            previous.close()
            raise OutputError(f"cannot write the store {store_path(turtle)}: {error.strerror or error}") from error

    def load(self, statements: bytes) -> None:
        """Statements of the new graph.ttl, each with its blank line; subjects in order."""
        for statement in statements.split(b"\n\n")[:-1]:
            old = self.previous.next
            if old == statement:
                self.previous.advance()  # unchanged: the common case, decided without parsing
                continue
            if self.too_big:
                continue
            subject = _subject(statement)
            self._remove_before(subject)
            old = self.previous.next
            if old is not None and _subject(old) == subject:
                self._remove(old)
                self.previous.advance()
            self.added.write(statement + b"\n\n")
            self.budget -= len(statement)
            self.too_big = self.budget < 0

    def load_copied(self, statements: bytes, previous_offset: int) -> None:
        """Statements of the previous graph.ttl from previous_offset on, unchanged: the store already has them."""
        while (old := self.previous.next) is not None and self.previous.offset < previous_offset:
            self._remove(old)  # before the copy, so gone from the new graph
            self.previous.advance()
        self.previous.skip_to(previous_offset + len(statements))

    def _remove_before(self, subject: str) -> None:
        """Remove the previous statements of subjects sorting before `subject` (gone from the new graph)."""
        while (old := self.previous.next) is not None and _subject(old) < subject:
            self._remove(old)
            self.previous.advance()

    def _remove(self, statement: bytes) -> None:
        self.removed.append(_subject(statement))
        self.budget -= len(statement)

    def finish(self) -> Path:
        """Apply the change to a copy of the previous store and rename it into place (or load the new file whole)."""
        while not self.too_big and (old := self.previous.next) is not None:
            self._remove(old)
            self.previous.advance()
            self.too_big = self.budget < 0
        self.added.close()
        try:
            if self.too_big:
                loader = StoreLoader(self.turtle)
                loader.load_file()
                return loader.finish()
            return self._apply()
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stop; remove what was written aside (the previous store stays as it was)."""
        self.previous.close()
        self.added.close()
        Path(self.added.name).unlink(missing_ok=True)

    def _apply(self) -> Path:
        temp = Path(tempfile.mkdtemp(dir=self.turtle.parent, prefix=f".{self.target.name}.", suffix=".tmp"))
        try:
            temp.rmdir()  # a checkpoint is made in a folder that does not exist yet
            ox.Store.read_only(str(self.target)).backup(str(temp))
            store = ox.Store(str(temp))
            for subject in self.removed:
                for quad in list(store.quads_for_pattern(ox.NamedNode(subject), None, None, ox.DefaultGraph())):
                    store.remove(quad)
            store.load(path=self.added.name, format=ox.RdfFormat.TURTLE)
            store.flush()
            del store  # closes the database before its folder moves
            stamp_store(temp, self.turtle)
            replace_folder(temp, self.target)
        except OSError as error:
            shutil.rmtree(temp, ignore_errors=True)
            raise OutputError(f"cannot write the store {self.target}: {error.strerror or error}") from error
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        return self.target


class _Statements:
    """The statements of the previous graph.ttl after its header, one at a time, with where each begins.

    Statements are separated by blank lines and never contain one: literals
    escape their line breaks, and a subject's lines are joined by single ones.
    """

    def __init__(self, stream: BinaryIO, offset: int) -> None:
        self.stream = stream
        stream.seek(offset)
        self.buffer, self.buffer_offset, self.cursor = b"", offset, 0
        self.next: bytes | None = None
        """The statement at `offset`, without its blank line; None past the last."""
        self.offset = offset
        self._read_next()

    def advance(self) -> None:
        self.cursor += len(self.next) + 2
        self._read_next()

    def skip_to(self, offset: int) -> None:
        """Go on from the statement beginning at `offset` (at or after the current one)."""
        if offset - self.buffer_offset <= len(self.buffer):
            self.cursor = offset - self.buffer_offset
        else:
            self.stream.seek(offset)
            self.buffer, self.buffer_offset, self.cursor = b"", offset, 0
        self._read_next()

    def _read_next(self) -> None:
        while (end := self.buffer.find(b"\n\n", self.cursor)) < 0:
            chunk = self.stream.read(READ_SIZE)
            if not chunk:
                rest = self.buffer[self.cursor:]
                # no blank line after the last statement: compared, and replaced, like any other
                self.next, self.offset = (rest, self.buffer_offset + self.cursor) if rest.strip() else (None, -1)
                return
            self.buffer, self.buffer_offset = self.buffer[self.cursor:] + chunk, self.buffer_offset + self.cursor
            self.cursor = 0
        self.next, self.offset = self.buffer[self.cursor:end], self.buffer_offset + self.cursor

    def close(self) -> None:
        self.stream.close()


def _subject(statement: bytes) -> str:
    return statement[1:statement.index(b">")].decode("utf-8")
