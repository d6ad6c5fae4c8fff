"""Copy unchanged articles' claims from the previous graph.ttl instead of making them again.

Claims are three quarters of graph.ttl, and the claims of one article are
consecutive in it (their IRIs start CLAIM/ARTICLE-ID/; see rdf._GraphPlan.blocks).
Their text depends only on the article's records, the people its names were
resolved to, the base IRI and graphbuild's code. So a run records, for each
article, a signature of those inputs and where its claims lie in the
graph.ttl it wrote (``ClaimsIndex``, kept in the cache folder); the next run
copies the bytes of every article whose signature is unchanged
(``PreviousClaims``) and makes only the others.

The index is used only while it describes graph.ttl as it is now (its path,
size and mtime) and was made by the same code with the same base IRI; else
every claim is made anew, as on a first run. A copy is the same bytes a new
claim would be, so the output never depends on whether a copy was made.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO, Iterable

from graphbuild.cache import source_digest
from graphbuild.errors import OutputError
from graphbuild.files import write_streamed

INDEX_FILE = "claims-index.pickle"
"""In the cache folder: where each article's claims lie in graph.ttl. Not matched by FactsCache.prune."""
_FORMAT = 1


def claims_signature(article: bytes, people: Iterable[tuple[str, str]]) -> bytes:
    """What an article's claims are made from: its archive.article_digest and (name, person key) of each of its people."""
    digest = hashlib.blake2b(article, digest_size=16)
    for name, key in sorted(people):
        digest.update(f"{name}\0{key}\0".encode("utf-8", "surrogatepass"))
    return digest.digest()


@dataclass(frozen=True, slots=True)
class Placed:
    """Where one article's claims lie in a graph.ttl: its bytes [offset, offset + length)."""

    signature: bytes
    subject: str
    """The IRI of its first claim (where the claims sort among the other subjects)."""
    offset: int
    length: int
    triples: int


class ClaimsIndex:
    """Where each article's claims lie in the graph.ttl being written; saved once that file is in place."""

    def __init__(self, base_iri: str) -> None:
        self.base_iri = base_iri
        self.placed: dict[str, Placed] = {}

    def add(self, article_id: str, placed: Placed) -> None:
        self.placed[article_id] = placed

    def save(self, cache_folder: Path, turtle: Path) -> None:
        """Keep the index for the next run (written beside, then renamed); a failure only costs that run time."""
        record = {"format": _FORMAT, "code": code_version(), "base_iri": self.base_iri,
                  "turtle": _stamp(turtle), "placed": self.placed}
        try:
            write_streamed(cache_folder / INDEX_FILE,
                           lambda stream: pickle.dump(record, stream, protocol=pickle.HIGHEST_PROTOCOL), binary=True)
        except OutputError:  # the previous index, if any, describes the previous graph.ttl: never used again
            pass


class PreviousClaims:
    """The claims of the previous graph.ttl, found by article and signature, read as bytes."""

    def __init__(self, placed: dict[str, Placed], stream: BinaryIO) -> None:
        self.placed, self.stream = placed, stream

    @classmethod
    def open(cls, cache_folder: Path, turtle: Path, base_iri: str) -> PreviousClaims | None:
        """The previous claims of turtle, when the index in cache_folder describes that file as it is now."""
        try:
            with open(cache_folder / INDEX_FILE, "rb") as stream:
                record = pickle.load(stream)
            if (record.get("format"), record.get("code"), record.get("base_iri"), record.get("turtle")) != (
                    _FORMAT, code_version(), base_iri, _stamp(turtle)):
                return None
            return cls(record["placed"], open(turtle, "rb"))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, KeyError, TypeError):
            return None

    def find(self, article_id: str, signature: bytes) -> Placed | None:
        placed = self.placed.get(article_id)
        return placed if placed is not None and placed.signature == signature else None

    def read(self, placed: Placed) -> bytes | None:
        """The placed claims' bytes; None if the file does not hold claims of that subject there (it always
        should: the index describes this very file), and they are made again instead."""
        self.stream.seek(placed.offset)
        data = self.stream.read(placed.length)
        if len(data) != placed.length or not data.startswith(f"<{placed.subject}> ".encode()) or not data.endswith(b" .\n\n"):
            return None
        return data

    def close(self) -> None:
        self.stream.close()


def _stamp(turtle: Path) -> tuple[str, int, int]:
    status = turtle.stat()
    return str(turtle.resolve()), status.st_size, status.st_mtime_ns


@cache
def code_version() -> str:
    """A digest of graphbuild's source: claims written by other code are never copied."""
    return source_digest()
