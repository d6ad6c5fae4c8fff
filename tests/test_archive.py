"""A big run keeps its records packed, and writes exactly what a small run writes."""
from __future__ import annotations

import pytest

from graphbuild import archive
from graphbuild.api import BuildConfig, run
from graphbuild.archive import FactsArchive, packed
from graphbuild.extract import extract_article
from graphbuild.model import Article
from tests.conftest import write_small_corpus


def _facts(count: int):
    texts = ["Sen. Ann Lee (D-Md.) and Sen. Bo Park (R-Utah) introduced the Clean Ports Act.",
             "Rep. Cy Dunn (R-Ohio) said in a statement that he would vote for it."]
    return [extract_article(Article(f"a{n}.txt", f"Title {n}", texts[n % 2])) for n in range(count)]


def test_archive_packs_once_it_holds_more_than_it_keeps_decoded():
    facts = _facts(5)
    small, big = FactsArchive(keep_decoded=10), FactsArchive(keep_decoded=2)
    for item in facts:
        small.append(item)
        big.append(item)
    assert all(not isinstance(item, bytes) for item in small._items)
    assert all(isinstance(item, bytes) for item in big._items)
    assert list(small) == list(big) == facts
    assert [big[n] for n in range(5)] == big[0:5] == facts
    assert big.article_ids() == [f"a{n}.txt" for n in range(5)]


@pytest.mark.parametrize("keep_decoded", [0, 2, 10])
def test_archive_of_records_packed_where_they_were_extracted_equals_one_of_the_objects(keep_decoded):
    facts = _facts(5)
    objects, transferred = FactsArchive(keep_decoded=keep_decoded), FactsArchive(keep_decoded=keep_decoded)
    for item in facts:
        objects.append(item)
        transferred.append(packed(item))
    assert list(transferred) == list(objects) == facts
    assert transferred._items == objects._items  # the same bytes where packed, equal objects where not
    for read in (FactsArchive.article_ids, FactsArchive.article_digests, FactsArchive.article_heads):
        assert read(transferred) == read(objects)
    assert [packed(item).events for item in facts] == [len(item.events) for item in facts]


def test_archive_keeps_each_article_s_metadata_unpacked():
    from dataclasses import replace

    article = Article("w.txt", "Title", "Sen. Jane Holloway (D-Ore.) tweeted.", url="https://e.org/w",
                      date="2024-02-05", source="Wire")
    packed = FactsArchive(keep_decoded=0)
    packed.append(extract_article(article))
    assert isinstance(packed._items[0], bytes)
    assert packed.article_heads() == [replace(article, text="")]


def test_a_run_with_packed_records_writes_the_same_outputs(tmp_path, monkeypatch):
    corpus = write_small_corpus(tmp_path / "in", 12)
    config = BuildConfig(workers=1, keep_text=True)
    run([corpus], tmp_path / "decoded", config)
    monkeypatch.setattr(archive, "KEEP_DECODED", 0)
    result = run([corpus], tmp_path / "packed", config)
    assert isinstance(result.facts, FactsArchive) and isinstance(result.facts._items[0], bytes)
    for name in ("graph.ttl", "graph.html", "articles.jsonl"):
        assert (tmp_path / "packed" / name).read_bytes() == (tmp_path / "decoded" / name).read_bytes(), name


def test_a_run_of_more_files_than_it_keeps_decoded_packs_from_the_first(tmp_path, monkeypatch):
    corpus = write_small_corpus(tmp_path / "in", 12)
    config = BuildConfig(workers=1)
    run([corpus], tmp_path / "decoded", config)
    monkeypatch.setattr(archive, "KEEP_DECODED", 5)

    def packed_again(facts):
        raise AssertionError("records unpacked, then packed again")

    monkeypatch.setattr(archive, "_pack", packed_again)
    result = run([corpus], tmp_path / "packed", config)
    assert all(isinstance(item, bytes) for item in result.facts._items)
    assert (tmp_path / "packed" / "graph.ttl").read_bytes() == (tmp_path / "decoded" / "graph.ttl").read_bytes()
    packed_for = FactsArchive.sized_for
    assert packed_for(5)._keep_decoded == 5 and packed_for(6)._keep_decoded == 0
