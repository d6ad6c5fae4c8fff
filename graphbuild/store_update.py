"""Bring the previous run's store up to date instead of loading the whole graph again.

A re-run after a few articles changed writes a graph.ttl that differs from the
previous one in a few subjects: the changed articles, their claims and events,
and the people and bills they name. Loading 3.5 million triples into a new
store takes ~12 s (and both cores) at 10,000 articles; removing and adding the
triples of a few hundred subjects takes milliseconds.

``StoreUpdate`` reads the previous graph.ttl alongside the new one as it is
written. Both list each subject once, as one statement followed by a blank
line, subjects sorted by IRI (graphbuild.rdf), so one pass over the two finds
the subjects that appeared, disappeared or changed. ``finish`` applies those
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
from typing import Iterator, TextIO

import pyoxigraph as ox

from graphbuild.errors import OutputError
from graphbuild.store_folder import StoreLoader, remove_leftovers, replace_folder, stamp_store, store_mirrors, store_path

LARGEST_CHANGE = 0.25
"""A change bigger than this share of the previous graph.ttl's text (statements added, changed and
removed) is loaded whole: applying it subject by subject would cost more than a new bulk load."""
READ_SIZE = 1 << 22
"""Characters of the previous graph.ttl read at a time."""


class StoreUpdate:
    """The store of a graph.ttl being rewritten, made by changing the previous store (see the module).

    Same calls as store_folder.StoreLoader: `load` each subject's Turtle
    statement as it is written, in order, then `finish` (or `abandon`).
    """

    def __init__(self, turtle: Path, header: str, previous: TextIO) -> None:
        self.turtle, self.header, self.target = turtle, header, store_path(turtle)
        self.previous = _statements(previous)
        self.pending = next(self.previous, None)
        self.budget = LARGEST_CHANGE * os.fstat(previous.fileno()).st_size
        self.removed: list[str] = []
        """Subjects whose triples go: gone from the new graph, or changed (their new triples are added)."""
        self.added: TextIO = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=turtle.parent, prefix=f".{self.target.name}.", suffix=".added.ttl", delete=False)
        self.added.write(header)
        self.too_big = False

    @classmethod
    def of(cls, turtle: Path | str, header: str) -> StoreUpdate | None:
        """An update of the store beside turtle, when that store mirrors it and turtle starts with header."""
        turtle = Path(turtle)
        if not store_mirrors(turtle):
            return None
        try:
            previous = turtle.open(encoding="utf-8", newline="")
        except OSError:
            return None
        if previous.read(len(header)) != header:
            previous.close()
            return None
        try:
            remove_leftovers(store_path(turtle))
            return cls(turtle, header, previous)
        except OSError as error:
            previous.close()
            raise OutputError(f"cannot write the store {store_path(turtle)}: {error.strerror or error}") from error

    def load(self, statement: str) -> None:
        """One subject's statement of the new graph.ttl, with its blank line; subjects in order."""
        old = self.pending
        if old is not None and len(old) + 2 == len(statement) and statement.startswith(old):
            self.pending = next(self.previous, None)  # unchanged: the common case, decided without parsing
            return
        if self.too_big:
            return
        subject = statement[1:statement.index(">")]
        while old is not None and _subject(old) < subject:
            self._remove(old)
            old = next(self.previous, None)
        if old is not None and _subject(old) == subject:
            self._remove(old)
            old = next(self.previous, None)
        self.pending = old
        self.added.write(statement)
        self.budget -= len(statement)
        self.too_big = self.budget < 0

    def _remove(self, statement: str) -> None:
        self.removed.append(_subject(statement))
        self.budget -= len(statement)

    def finish(self) -> Path:
        """Apply the change to a copy of the previous store and rename it into place (or load the new file whole)."""
        for old in self._rest() if not self.too_big else ():
            self._remove(old)
            if self.budget < 0:
                self.too_big = True
                break
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

    def _rest(self) -> Iterator[str]:
        if self.pending is not None:
            yield self.pending
        yield from self.previous

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


def _statements(stream: TextIO) -> Iterator[str]:
    """The statements of a graph.ttl after its header, each without the blank line after it.

    Statements are separated by blank lines and never contain one: literals
    escape their line breaks, and a subject's lines are joined by single ones.
    """
    rest = ""
    while chunk := stream.read(READ_SIZE):
        parts = (rest + chunk).split("\n\n")
        rest = parts.pop()
        yield from parts
    if rest.strip():
        yield rest  # no blank line after the last statement: compared, and replaced, like any other


def _subject(statement: str) -> str:
    return statement[1:statement.index(">")]
