"""A re-run copies unchanged articles' claims from the previous graph.ttl; what it writes equals a first run."""
from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphbuild import archive, reuse, store_update
from graphbuild.api import BuildConfig, run
from graphbuild.store_folder import open_store
from tests.conftest import SMALL_STORY, write_small_corpus

CONFIG = BuildConfig(workers=1)
RELEASE = (
    "FOR IMMEDIATE RELEASE\n\nWASHINGTON - Senators Holloway (D-OR) and Brandt (R-TX) said in a joint "
    "statement that the Water Act must pass.\n\n###\n"
)
"""Two people known only by surname: who they are depends on the other articles of the run."""


@pytest.fixture
def copies(monkeypatch) -> list[str]:
    """The article ids whose claims run() copied from the previous graph.ttl."""
    copied = []
    real = reuse.PreviousClaims.read

    def read(self, placed):
        data = real(self, placed)
        if data is not None:
            copied.extend(article for article, known in self.placed.items() if known is placed)
        return data

    monkeypatch.setattr(reuse.PreviousClaims, "read", read)
    return copied


def _same_as_a_first_run(corpus: Path, out: Path, config: BuildConfig = CONFIG) -> None:
    fresh = out.parent / "fresh"
    run([corpus], fresh, config)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert {str(q) for q in open_store(out / "graph.ttl")} == {str(q) for q in open_store(fresh / "graph.ttl")}


@pytest.mark.parametrize("read_size", [97, 1 << 22])
def test_re_run_copies_the_claims_of_every_unchanged_article(tmp_path, copies, monkeypatch, read_size):
    monkeypatch.setattr(store_update, "READ_SIZE", read_size)  # the store update seeks past copies across reads
    corpus, out = write_small_corpus(tmp_path / "in", 30), tmp_path / "out"
    run([corpus], out, CONFIG)
    (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    (corpus / "a05.txt").unlink()
    (corpus / "a30.txt").write_text(SMALL_STORY.format(n=30), encoding="utf-8")
    updates = []
    real_apply = store_update.StoreUpdate._apply
    monkeypatch.setattr(store_update.StoreUpdate, "_apply", lambda self: updates.append(self) or real_apply(self))
    run([corpus], out, CONFIG)
    unchanged = [f"a{n:02d}.txt" for n in range(30) if n not in (3, 5)] + [f"digest.jsonl#r{n}" for n in range(5)]
    assert sorted(copies) == sorted(unchanged)
    assert len(updates) == 1  # the previous store was changed, not loaded whole
    _same_as_a_first_run(corpus, out)


def test_re_run_makes_again_the_claims_of_an_article_whose_people_were_resolved_anew(tmp_path, copies):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "release.txt").write_text(RELEASE, encoding="utf-8")
    (corpus / "a.txt").write_text("Lind\n\nRep. Ana Lind (D-Minn.) said in a statement that she opposed it.\n", encoding="utf-8")
    run([corpus], out, CONFIG)
    assert "holloway--release-txt" in (out / "graph.ttl").read_text(encoding="utf-8")
    (corpus / "a.txt").write_text("Holloway\n\nSen. Jane Holloway (D-Ore.) said in a statement that she backs it.\n", encoding="utf-8")
    run([corpus], out, CONFIG)
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "holloway--release-txt" not in graph and "claim/release.txt/jane-holloway/" in graph
    assert "release.txt" not in copies  # the release's text is unchanged, but "Holloway" is now Jane Holloway
    _same_as_a_first_run(corpus, out)


@pytest.mark.parametrize("why", ["graph.ttl changed", "other base IRI", "other code", "rebuild", "index unreadable",
                                 "index misplaced"])
def test_re_run_copies_nothing_it_cannot_trust(tmp_path, copies, monkeypatch, why):
    corpus, out = write_small_corpus(tmp_path / "in", 4), tmp_path / "out"
    run([corpus], out, CONFIG)
    config = CONFIG
    if why == "graph.ttl changed":
        turtle = out / "graph.ttl"
        turtle.write_bytes(turtle.read_bytes().replace(b"Jane Holloway", b"Jane Hollowax"))
    elif why == "other base IRI":
        config = BuildConfig(workers=1, base_iri="https://example.org/id/")
    elif why == "other code":
        monkeypatch.setattr(reuse, "code_version", lambda: "0123456789abcdef")
    elif why == "rebuild":
        config = BuildConfig(workers=1, rebuild=True)
    elif why == "index unreadable":
        (out / ".cache" / reuse.INDEX_FILE).write_bytes(b"not a pickle")
    else:  # an index that describes graph.ttl but points beside its claims (a bug, were it ever to happen)
        index = out / ".cache" / reuse.INDEX_FILE
        record = pickle.loads(index.read_bytes())
        record["placed"] = {article: replace(placed, offset=placed.offset + 1) for article, placed in record["placed"].items()}
        index.write_bytes(pickle.dumps(record))
    run([corpus], out, config)
    assert copies == []
    _same_as_a_first_run(corpus, out, config)


def test_claims_index_lists_where_each_article_s_claims_lie(tmp_path):
    corpus, out = write_small_corpus(tmp_path / "in", 3), tmp_path / "out"
    run([corpus], out, CONFIG)
    previous = reuse.PreviousClaims.open(out / ".cache", out / "graph.ttl", CONFIG.base_iri)
    assert previous is not None and len(previous.placed) == 8  # 3 .txt and 5 .jsonl records
    turtle = (out / "graph.ttl").read_bytes()
    for article_id, placed in previous.placed.items():
        claims = turtle[placed.offset:placed.offset + placed.length]
        assert claims.startswith(f"<{placed.subject}> a gb:Claim".encode()) and claims.endswith(b" .\n\n")
        assert claims.count(b"a gb:Claim ;") == claims.count(b" .\n\n")
        loaded = ox.Store()
        loaded.load(input=turtle[:turtle.index(b"\n\n") + 2] + claims, format=ox.RdfFormat.TURTLE)
        assert len(loaded) == placed.triples
        assert {str(q.object) for q in loaded if q.predicate.value.endswith("reportedIn")} == {
            f"<{CONFIG.base_iri}article/{article_id.replace('#', '%23')}>"}
    previous.close()


def test_article_digest_changes_with_every_field_of_the_article():
    """The records are extract_article(article): any field may change them, so every field counts."""
    from dataclasses import fields, replace

    from graphbuild.model import Alias, Article

    article = Article(id="a.txt", title="T", text="Sen. Jane Holloway (D-Ore.) tweeted.", url="https://e.org/a",
                      date="2024-02-05", source="Wire", aliases=(Alias("Jane Holloway", "Jane Q. Holloway", 18),))
    other = {"id": "b.txt", "title": "U", "text": "Sen. Jane Holloway (D-Ore.) tweeted!", "url": None, "date": "",
             "source": "Paper", "aliases": ()}
    assert sorted(other) == sorted(f.name for f in fields(Article))
    digests = {archive.article_digest(article)} | {archive.article_digest(replace(article, **{name: value}))
                                                  for name, value in other.items()}
    assert len(digests) == 1 + len(other)
    assert archive.article_digest(replace(article, title="", text="T" + article.text)) != archive.article_digest(article)
    assert archive.article_digest(replace(article, url=None)) != archive.article_digest(replace(article, url=""))


def test_an_index_that_cannot_be_saved_costs_the_next_run_time_only(tmp_path, copies, monkeypatch):
    corpus, out = write_small_corpus(tmp_path / "in", 3), tmp_path / "out"
    real_dump = pickle.dump
    monkeypatch.setattr(reuse.pickle, "dump", lambda *args, **kwargs: (_ for _ in ()).throw(OSError(28, "No space left")))
    run([corpus], out, CONFIG)
    assert not [p.name for p in (out / ".cache").iterdir() if p.name.startswith(f".{reuse.INDEX_FILE}")]
    monkeypatch.setattr(reuse.pickle, "dump", real_dump)
    run([corpus], out, CONFIG)
    assert copies == []  # nothing to copy from: no index
    run([corpus], out, CONFIG)
    assert len(copies) == 8
    _same_as_a_first_run(corpus, out)
