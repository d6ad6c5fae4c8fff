"""Parallel and incremental runs give exactly the plain single-process output."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphbuild import workers
from graphbuild.api import BuildConfig, build, run
from graphbuild.cache import FactsCache
from graphbuild.rdf import to_turtle
from tests.conftest import SMALL_STORY, write_small_corpus

def _corpus(folder: Path, count: int = 12) -> Path:
    return write_small_corpus(folder, count)


def _turtle(inputs, **config) -> str:
    return to_turtle(build(inputs, BuildConfig(**config)).graph)


@pytest.mark.parametrize("count", [1, 2, 3])
def test_workers_output_equals_single_process(tmp_path, count):
    corpus = _corpus(tmp_path / "in")
    assert _turtle([corpus], workers=count) == _turtle([corpus], workers=1)


def test_workers_cache_skips_unchanged_files(tmp_path, monkeypatch):
    corpus, cache = _corpus(tmp_path / "in"), tmp_path / "cache"
    first = _turtle([corpus], workers=1, cache=cache)
    extracted = []
    real = workers.extract_article
    monkeypatch.setattr(workers, "extract_article", lambda article: extracted.append(article.id) or real(article))
    (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    second = _turtle([corpus], workers=1, cache=cache)
    assert extracted == ["a03.txt"]
    assert second == _turtle([corpus], workers=1)  # same as a run without any cache
    assert second != first


def test_workers_facts_of_a_deleted_file_are_retracted(tmp_path):
    corpus, cache = _corpus(tmp_path / "in"), tmp_path / "cache"
    _turtle([corpus], workers=1, cache=cache)
    (corpus / "a05.txt").unlink()
    after = _turtle([corpus], workers=1, cache=cache)
    assert "Reyes5" not in after and "a05.txt" not in after
    assert after == _turtle([corpus], workers=1)


def test_workers_rebuild_ignores_the_cache(tmp_path, monkeypatch):
    corpus, cache = _corpus(tmp_path / "in", 3), tmp_path / "cache"
    _turtle([corpus], workers=1, cache=cache)
    extracted = []
    real = workers.extract_article
    monkeypatch.setattr(workers, "extract_article", lambda article: extracted.append(article.id) or real(article))
    _turtle([corpus], workers=1, cache=cache, rebuild=True)
    assert len(extracted) == 3 + 5


def test_workers_cache_of_other_extraction_code_is_not_used(tmp_path):
    corpus, cache = _corpus(tmp_path / "in", 1), tmp_path / "cache"
    _turtle([corpus], workers=1, cache=cache)
    from graphbuild.ingest import find_input_files

    input_file = next(f for f in find_input_files([corpus]) if f.article_id == "a00.txt")
    assert FactsCache(cache).get(input_file) is not None
    assert FactsCache(cache, version="other code").get(input_file) is None


def test_workers_broken_cache_entry_is_a_miss(tmp_path):
    corpus, cache = _corpus(tmp_path / "in", 2), tmp_path / "cache"
    expected = _turtle([corpus], workers=1, cache=cache)
    for entry in cache.glob("*/*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _turtle([corpus], workers=1, cache=cache) == expected


def test_workers_run_keeps_its_cache_beside_the_outputs(tmp_path):
    corpus = _corpus(tmp_path / "in", 2)
    run([corpus], tmp_path / "out", BuildConfig(workers=2, html=False))
    assert list((tmp_path / "out" / ".cache").glob("*/*.pickle"))


def test_workers_default_is_one_per_core():
    assert workers.default_workers() == len(os.sched_getaffinity(0))


def test_workers_a_failing_article_is_skipped_and_the_others_kept(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "in", 3)
    real = workers.extract_article

    def broken_on_one(article):
        if article.id == "a01.txt":
            raise RuntimeError("boom")
        return real(article)

    monkeypatch.setattr(workers, "extract_article", broken_on_one)
    result = build([corpus], BuildConfig(workers=1))
    assert sorted(f.article.id for f in result.facts) == ["a00.txt", "a02.txt"] + [f"digest.jsonl#r{n}" for n in range(5)]
    assert [s.reason for s in result.summary.skipped] == ["article 'a01.txt' could not be extracted (RuntimeError: boom); please report it"]


def test_workers_collect_garbage_while_the_main_process_pauses_its_collector(tmp_path, monkeypatch):
    import gc

    corpus = _corpus(tmp_path / "in", 4)
    real = workers.extract_article

    def checked(article):
        if not gc.isenabled():
            raise RuntimeError("the cycle collector is off in a worker")
        return real(article)

    monkeypatch.setattr(workers, "extract_article", checked)
    paused = []

    def progress(items, what, total=None):
        paused.append(not gc.isenabled())
        return items

    result = run([corpus], tmp_path / "out", BuildConfig(workers=2, html=False), progress=progress)
    assert result.summary.skipped == ()
    assert paused == [True, True]  # reading, then writing graph.ttl
    assert gc.isenabled()  # as it was before the run


def test_workers_what_a_run_leaves_alive_is_old_for_the_cycle_collector(tmp_path):
    """Else the first collection after a run walks every record as a young object (api.cyclic_gc_paused)."""
    import gc

    result = run([_corpus(tmp_path / "in", 4)], tmp_path / "out", BuildConfig(workers=1, html=False))
    record = result.facts[0]
    assert gc.is_tracked(record)
    assert any(found is record for found in gc.get_objects(generation=2))
