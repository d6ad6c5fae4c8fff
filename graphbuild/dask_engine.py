"""Extract input files on a Dask cluster: the per-file work of graphbuild.workers, over dask.distributed.

Without a scheduler address a LocalCluster on this machine does the work (one
worker process per core, listening on loopback only, no dashboard); with one,
a Client connects to that scheduler. Both take the same code path.

- Workers read the input files by path, so on several machines the inputs
  must be on a filesystem every worker mounts at the same absolute path.
- Workers send back per-file records (ArticleFacts and Skipped), not RDF:
  people are resolved across all articles afterwards, on this machine, as in
  a single-process run, so the output is byte for byte the same.
- The cache stays on this machine: only the files it does not hold are sent
  to the cluster, and their records are cached here when they come back.
"""
from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator, NamedTuple

from graphbuild.cache import FactsCache, extraction_version, write_entry
from graphbuild.errors import EngineError
from graphbuild.ingest import InputFile
from graphbuild.model import Skipped
from graphbuild.workers import Result, default_workers, extract_file

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for the scheduler to answer, and for it to have at least one worker."""
TASKS_PER_THREAD = 4
"""Tasks kept in flight per worker thread: enough to keep every worker busy, few enough
that the results waiting to be read stay small however big the corpus."""
INSTALL_HINT = "pip install 'graphbuild[dask]'"


class _Task(NamedTuple):
    """A batch of files sent as one task, with the records the cache already held."""

    files: list[InputFile]
    entries: list[Path | None]
    """Where each file's records are cached (None: no cache)."""
    cached: list[Result | None]
    future: object | None
    """The cluster's result for the files not cached (None when all were)."""


def extract_files_dask(
    files: list[InputFile],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    cache_folder: Path | None = None,
    batch: int | None = None,
    timeout: float | None = None,
) -> Iterator[Result]:
    """The results of each file, in the order of `files`, extracted on a Dask cluster.

    Args:
        scheduler: address of a running scheduler ("tcp://host:8786"); None
            starts a LocalCluster of `workers` processes (default one per core).
        batch: files per task; None picks a size from the corpus and the cluster.
        timeout: seconds to wait for the scheduler (default CONNECT_TIMEOUT).
    """
    with _client(scheduler, workers, CONNECT_TIMEOUT if timeout is None else timeout) as client:
        _check_workers(client, scheduler)
        yield from _extract_on(client, files, FactsCache(cache_folder) if cache_folder else None, batch)


def _extract_on(client, files: list[InputFile], cache: FactsCache | None, batch: int | None) -> Iterator[Result]:
    """Keep a bounded window of tasks in flight; yield their results in input order."""
    threads = max(1, sum(w["nthreads"] for w in client.scheduler_info()["workers"].values()))
    size = batch or max(1, min(64, len(files) // (threads * 8)))
    pending: deque[_Task] = deque()
    for start in range(0, len(files), size):
        pending.append(_submit(client, files[start:start + size], cache))
        if len(pending) >= threads * TASKS_PER_THREAD:
            yield from _collect(pending.popleft())
    while pending:
        yield from _collect(pending.popleft())


def _submit(client, files: list[InputFile], cache: FactsCache | None) -> _Task:
    entries = [cache.entry_path(f) for f in files] if cache else [None] * len(files)
    cached = [cache.load(entry) if entry else None for entry in entries]
    missing = [_absolute(f) for f, records in zip(files, cached) if records is None]
    return _Task(files, entries, cached, client.submit(extract_batch, missing, pure=False) if missing else None)


def _collect(task: _Task) -> Iterator[Result]:
    fresh = iter(_result(task))
    for input_file, entry, records in zip(task.files, task.entries, task.cached):
        if records is None:
            records = _as_named(next(fresh), input_file)
            if entry:
                write_entry(entry, records)
        yield records


def _result(task: _Task) -> list[Result]:
    from dask.distributed import CancelledError, KilledWorker

    if task.future is None:
        return []
    try:
        return task.future.result()
    except KilledWorker:
        raise EngineError(f"a Dask worker died extracting {_first_missing(task)} (out of memory?)") from None
    except CancelledError:
        raise EngineError("the Dask scheduler went away before extraction finished") from None


def extract_batch(files: list[InputFile]) -> list[Result]:
    """What a worker runs: each file extracted, without a cache (the driver keeps it)."""
    return [extract_file(f) for f in files]


def _absolute(input_file: InputFile) -> InputFile:
    # a worker's working directory is not ours; absolute, not resolved, so a symlink keeps its suffix
    return replace(input_file, path=Path(os.path.abspath(input_file.path)))


def _as_named(records: Result, input_file: InputFile) -> Result:
    """Skipped records name the file as the user named it, not by the absolute path the worker read."""
    absolute = str(_absolute(input_file).path)
    return [replace(r, path=str(input_file.path)) if isinstance(r, Skipped) and r.path == absolute else r for r in records]


def _first_missing(task: _Task) -> str:
    return next(str(f.path) for f, records in zip(task.files, task.cached) if records is None)


@contextmanager
def _client(scheduler: str | None, workers: int | None, timeout: float):
    """A Client of the scheduler at `scheduler`, or of a LocalCluster started (and stopped) here."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(f"--engine dask needs dask.distributed, which is not installed ({INSTALL_HINT})") from None
    if scheduler is None:
        local = LocalCluster(
            n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None,
            # the scheduler serves /health and /metrics even without a dashboard: loopback, any free port
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        )
        with local, Client(local, set_as_default=False) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as error:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s ({_first_line(error)})") from None
    with client:
        yield client


def _check_workers(client, scheduler: str | None) -> None:
    """Workers that are there, and run the same extraction code as this machine (else the output would differ)."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (TimeoutError, OSError):
        raise EngineError(f"the Dask scheduler at {scheduler} has no workers (start some: dask worker {scheduler})") from None
    try:
        versions = client.run(extraction_version)
    except Exception as error:  # whatever a worker without graphbuild raises while unpickling the call
        raise EngineError(f"graphbuild cannot run on the Dask workers ({_first_line(error)}): install it on each") from None
    ours = extraction_version()
    for address, version in sorted(versions.items()):
        if version != ours:
            raise EngineError(f"the Dask worker {address} runs other graphbuild extraction code: install the same version on every worker")


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
