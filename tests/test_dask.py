"""The Dask engine gives exactly the plain single-process output, and a clear error when it cannot run."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild import dask_engine
from graphbuild.api import BuildConfig, build
from graphbuild.cli import app
from graphbuild.errors import EngineError
from graphbuild.rdf import to_turtle
from tests.conftest import SMALL_STORY, write_small_corpus

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install 'graphbuild[dask]')")

def _corpus(folder: Path, count: int = 12) -> Path:
    return write_small_corpus(folder, count, with_pdf=True)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


def test_dask_cli_output_equals_single_process(tmp_path, cluster, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "in")  # named by a relative path: workers must not depend on our working directory
    runner = CliRunner()
    plain = runner.invoke(app, ["run", "in", "--out", "plain", "--workers", "1"])
    dask = runner.invoke(app, ["run", "in", "--out", "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert plain.exit_code == dask.exit_code == 3, dask.output  # 3: the .pdf is skipped
    assert (tmp_path / "dask/graph.ttl").read_bytes() == (tmp_path / "plain/graph.ttl").read_bytes()
    assert "skipped in/notes.pdf: " in dask.output


def test_dask_local_cluster_output_equals_single_process(tmp_path):
    corpus = _corpus(tmp_path / "in")
    plain = to_turtle(build([corpus], BuildConfig(workers=1)).graph)
    assert to_turtle(build([corpus], BuildConfig(engine="dask", workers=2, cache=tmp_path / "cache")).graph) == plain


def test_dask_cache_is_kept_by_the_driver(tmp_path, cluster, monkeypatch):
    corpus, cache = _corpus(tmp_path / "in"), tmp_path / "cache"
    config = BuildConfig(engine="dask", scheduler=cluster.scheduler_address, cache=cache)
    first = to_turtle(build([corpus], config).graph)
    sent = []  # the driver caches what comes back from the cluster, and only that
    real = dask_engine.write_entry
    monkeypatch.setattr(dask_engine, "write_entry", lambda entry, records: sent.append(records[0].id) or real(entry, records))
    (corpus / "a03.txt").write_text(SMALL_STORY.format(n=99), encoding="utf-8")
    second = to_turtle(build([corpus], config).graph)
    assert sent == ["a03.txt"]
    assert second != first and second == to_turtle(build([corpus], BuildConfig(workers=1)).graph)


def test_dask_unreachable_scheduler_is_one_line_and_exit_1(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1.0)
    corpus = _corpus(tmp_path / "in", 1)
    result = CliRunner().invoke(
        app, ["run", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:1 within 1 s")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out/graph.ttl").exists()


def test_dask_scheduler_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(app, ["run", "seeds", "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "--engine dask" in result.output


def test_dask_missing_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith(("dask", "distributed")):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(EngineError, match=r"pip install 'graphbuild\[dask\]'"):
        list(dask_engine.extract_files_dask([]))
