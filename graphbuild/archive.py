"""The records of every article of a run, held compactly once a run is big.

The graph is written only after every article is extracted (people are
resolved across articles first), so a run holds all its records until the
end. As objects they take ~15 KB an article; a run of more than
KEEP_DECODED articles keeps each article's records pickled and compressed
(~3 KB) instead (from the first article when its input files alone are
more), and unpacks them each time a later stage reads them:
slower for those stages, but a 100,000-article run fits in memory.

Records travel from where they are extracted (a worker process, a Dask
worker, the cache) as PackedFacts: pickled once there, with what the run reads
of them without unpickling (id, digest, metadata, number of events). A big
run only compresses those bytes; a small one unpickles them once.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, replace
from typing import Iterator, Sequence, overload

from graphbuild.model import Article, ArticleFacts

try:
    from compression import zstd  # Python 3.14 and later
except ImportError:
    from backports import zstd

KEEP_DECODED = 20_000
"""Articles whose records a run holds as objects; beyond, every article's are packed."""


@dataclass(frozen=True, slots=True)
class PackedFacts:
    """One article's records as pickled bytes, with what a run needs of them unpickled."""

    id: str
    digest: bytes
    """article_digest of the article."""
    head: Article
    """The article without its text and aliases."""
    events: int
    data: bytes
    """pickle of the ArticleFacts."""


def packed(facts: ArticleFacts) -> PackedFacts:
    article = facts.article
    return PackedFacts(article.id, article_digest(article), _head(article), len(facts.events),
                       pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))


def unpacked(item: PackedFacts) -> ArticleFacts:
    return pickle.loads(item.data)


class FactsArchive(Sequence[ArticleFacts]):
    """A list of ArticleFacts that packs its items once it holds more than `keep_decoded` of them."""

    def __init__(self, keep_decoded: int | None = None) -> None:
        self._items: list[ArticleFacts | bytes] = []
        self._digests: list[bytes] = []
        self._heads: list[Article] = []
        self._keep_decoded = KEEP_DECODED if keep_decoded is None else keep_decoded

    @classmethod
    def sized_for(cls, inputs: int) -> FactsArchive:
        """An archive for the articles of `inputs` files: packing from the first when the files alone are
        more than KEEP_DECODED, rather than unpacking the first KEEP_DECODED to pack them again later."""
        return cls(keep_decoded=0 if inputs > KEEP_DECODED else None)

    def append(self, facts: ArticleFacts | PackedFacts) -> None:
        if len(self._items) == self._keep_decoded:  # the run turns out big: pack what is held so far too
            self._items = [_pack(item) for item in self._items]
        keep_packed = len(self._items) >= self._keep_decoded
        if isinstance(facts, ArticleFacts):
            if not keep_packed:
                self._add(facts, article_digest(facts.article), _head(facts.article))
                return
            facts = packed(facts)
        self._add(_compress(facts.data) if keep_packed else unpacked(facts), facts.digest, facts.head)

    def _add(self, item: ArticleFacts | bytes, digest: bytes, head: Article) -> None:
        self._items.append(item)
        self._digests.append(digest)
        self._heads.append(head)

    def article_ids(self) -> list[str]:
        """The article id of each item, in order, without unpacking anything."""
        return [head.id for head in self._heads]

    def article_heads(self) -> list[Article]:
        """Each item's article without its text and aliases (its metadata), in order, without unpacking anything."""
        return list(self._heads)

    def article_digests(self) -> list[bytes]:
        """article_digest of each item's article, in order, without unpacking anything."""
        return list(self._digests)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> ArticleFacts: ...
    @overload
    def __getitem__(self, index: slice) -> list[ArticleFacts]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_unpack(item) for item in self._items[index]]
        return _unpack(self._items[index])

    def __iter__(self) -> Iterator[ArticleFacts]:
        return map(_unpack, self._items)

    def __repr__(self) -> str:
        return f"FactsArchive({len(self)} articles)"


def article_digest(article: Article) -> bytes:
    """A fingerprint of a cleaned article: its records are extract_article(article), so they change only with it
    (or with the code, which the index checks)."""
    digest = hashlib.blake2b(digest_size=16)
    for value in (article.id, article.title, article.text, article.url, article.date, article.source, repr(article.aliases)):
        data = b"" if value is None else value.encode("utf-8", "surrogatepass")
        digest.update((len(data) if value is not None else _NONE).to_bytes(8, "little"))  # no two articles run together
        digest.update(data)
    return digest.digest()


_NONE = (1 << 64) - 1


def _head(article: Article) -> Article:
    return replace(article, text="", aliases=())


def _pack(facts: ArticleFacts) -> bytes:
    return _compress(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))


def _compress(data: bytes) -> bytes:
    # Zstandard at level 1 packs records as small as zlib at level 1 (~2.9 KB an article), in 0.037 ms
    # instead of 0.090, and unpacks them in 0.023 instead of 0.034: a big run packs each article once
    # and unpacks it three times
    return zstd.compress(data, level=1)


def _unpack(item: ArticleFacts | bytes) -> ArticleFacts:
    return pickle.loads(zstd.decompress(item)) if isinstance(item, bytes) else item
