"""A re-run changes the previous store where the graph changed; the store equals one loaded whole."""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphbuild import api, store_update
from graphbuild.api import BuildConfig, run
from graphbuild.errors import OutputError
from graphbuild.rdf import TURTLE_HEADER
from graphbuild.store_folder import open_store, store_path
from graphbuild.store_update import StoreUpdate
from tests.conftest import SMALL_STORY, write_small_corpus

CONFIG = BuildConfig(workers=1, html=False)


def _quads(store: ox.Store) -> set[str]:
    return {str(quad) for quad in store}


def _fresh_quads(turtle: Path) -> set[str]:
    store = ox.Store()
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    return _quads(store)


def _stored_quads(turtle: Path) -> set[str]:
    store = open_store(turtle)
    assert store is not None, "the store does not mirror graph.ttl"
    return _quads(store)


@pytest.fixture
def built(tmp_path):
    """A corpus and the output folder of a first run over it."""
    corpus, out = write_small_corpus(tmp_path / "in", 6), tmp_path / "out"
    run([corpus], out, CONFIG)
    return corpus, out


@pytest.fixture
def loads_whole(monkeypatch):
    """Counts the stores loaded whole by run()."""
    calls = []
    real = api.StoreLoader

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "StoreLoader", counting)
    monkeypatch.setattr(store_update, "StoreLoader", counting)
    return calls


def test_store_update_after_one_changed_article_equals_a_store_loaded_whole(built, loads_whole):
    corpus, out = built
    before = _stored_quads(out / "graph.ttl")
    (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    run([corpus], out, CONFIG)
    after = _stored_quads(out / "graph.ttl")
    assert loads_whole == []
    assert after == _fresh_quads(out / "graph.ttl")
    assert any("Reyes99" in quad for quad in after - before)
    assert not any("Reyes3>" in quad or '"Tom Reyes3"' in quad for quad in after)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".graph")]  # nothing left aside


def test_store_update_removes_what_a_killed_run_left_aside(built, loads_whole):
    corpus, out = built
    (out / ".graph.oxigraph.abc123.added.ttl").write_text("half", encoding="utf-8")
    (out / ".graph.oxigraph.def456.tmp").mkdir()
    run([corpus], out, CONFIG)
    assert loads_whole == []
    assert not [p.name for p in out.iterdir() if p.name.startswith(".graph")]


def test_store_update_re_run_writes_what_a_first_run_writes(tmp_path):
    corpus, out, fresh = write_small_corpus(tmp_path / "in", 6), tmp_path / "out", tmp_path / "fresh"
    config = BuildConfig(workers=1)
    run([corpus], out, config)
    (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    (corpus / "a05.txt").unlink()
    run([corpus], out, config)
    run([corpus], fresh, config)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _stored_quads(out / "graph.ttl") == _stored_quads(fresh / "graph.ttl")


def test_store_update_retracts_a_deleted_article(built, loads_whole):
    corpus, out = built
    (corpus / "a05.txt").unlink()
    run([corpus], out, CONFIG)
    stored = _stored_quads(out / "graph.ttl")
    assert loads_whole == []
    assert stored == _fresh_quads(out / "graph.ttl")
    assert not any("a05.txt" in quad for quad in stored)


def test_store_update_of_an_unchanged_corpus_keeps_every_triple(built, loads_whole):
    corpus, out = built
    before = _stored_quads(out / "graph.ttl")
    run([corpus], out, CONFIG)
    assert loads_whole == []
    assert _stored_quads(out / "graph.ttl") == before


@pytest.mark.parametrize("why", ["rebuild", "stale store", "no store", "big change", "most deleted"])
def test_store_update_loads_whole_when_a_change_cannot_be_trusted_or_is_big(built, loads_whole, monkeypatch, why):
    corpus, out = built
    config = CONFIG
    if why == "rebuild":
        config = BuildConfig(workers=1, html=False, rebuild=True)
    elif why == "stale store":
        with (out / "graph.ttl").open("a", encoding="utf-8") as stream:
            stream.write("\n")
    elif why == "no store":
        import shutil

        shutil.rmtree(store_path(out / "graph.ttl"))
    elif why == "big change":
        monkeypatch.setattr(store_update, "LARGEST_CHANGE", 0.0001)
        (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    else:  # what goes counts as much as what comes
        for path in [*corpus.glob("a0[1-5].txt"), corpus / "digest.jsonl"]:
            path.unlink()
    run([corpus], out, config)
    assert len(loads_whole) == 1
    assert _stored_quads(out / "graph.ttl") == _fresh_quads(out / "graph.ttl")
    assert not [p.name for p in out.iterdir() if p.name.startswith(".graph")]


def test_store_update_failure_leaves_the_previous_store_whole(built, monkeypatch):
    corpus, out = built
    before = _stored_quads(out / "graph.ttl")
    turtle_before = (out / "graph.ttl").read_bytes()

    def broken(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ox.Store, "backup", broken)
    (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    with pytest.raises(OutputError, match="No space left on device"):
        run([corpus], out, CONFIG)
    assert (out / "graph.ttl").read_bytes() != turtle_before  # the Turtle was written; its store is now stale
    assert open_store(out / "graph.ttl") is None
    assert _quads(ox.Store.read_only(str(store_path(out / "graph.ttl")))) == before
    assert not [p.name for p in out.iterdir() if p.name.startswith(".graph")]


@pytest.mark.parametrize("read_size", [1, 7, 1 << 22])
def test_store_update_reads_statements_and_their_offsets_across_read_boundaries(monkeypatch, read_size):
    monkeypatch.setattr(store_update, "READ_SIZE", read_size)
    statements = [b'<https://e.org/a> <https://e.org/p> "two\\n\\nlines" .',
                  '<https://e.org/b> a <https://e.org/C> ;\n    <https://e.org/p> "x" , "ÿ" .'.encode(),
                  b'<https://e.org/c> a <https://e.org/C> .', b'<https://e.org/d> a <https://e.org/C> .']
    data = b"HEAD\n\n" + b"".join(statement + b"\n\n" for statement in statements)
    offsets = [data.index(statement) for statement in statements]

    def read(skip: int | None = None) -> list[tuple[int, bytes]]:
        reader, seen = store_update._Statements(io.BytesIO(data), 6), []
        while reader.next is not None:
            seen.append((reader.offset, reader.next))
            if skip is not None and reader.offset == offsets[0]:
                reader.skip_to(offsets[skip])
            else:
                reader.advance()
        return seen

    assert read() == list(zip(offsets, statements))
    assert read(skip=3) == [(offsets[0], statements[0]), (offsets[3], statements[3])]
    unterminated = store_update._Statements(io.BytesIO(b"HEAD\n\n" + statements[2]), 6)
    assert (unterminated.offset, unterminated.next) == (6, statements[2])


def test_store_update_is_not_offered_for_a_turtle_file_graphbuild_did_not_write(built):
    _corpus, out = built
    turtle = out / "graph.ttl"
    assert StoreUpdate.of(turtle, TURTLE_HEADER) is not None
    assert StoreUpdate.of(turtle, "PREFIX other: <https://e.org/>\n\n") is None
