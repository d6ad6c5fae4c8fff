"""Read, clean and extract input files over worker processes.

Each file is one unit of work: a worker reads it, cleans and extracts every
article in it, and sends back the records, each article's pickled there
(archive.PackedFacts: the main process then reads them once, and a big run
never unpickles them to pack them). Results come back in input order
whatever the number of workers, so the output never depends on it.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from pathlib import Path
from typing import Iterable, Iterator

from graphbuild.archive import PackedFacts, packed
from graphbuild.cache import FactsCache, write_entry
from graphbuild.clean import clean_article
from graphbuild.extract import extract_article
from graphbuild.ingest import InputFile, read_file
from graphbuild.model import Article, Skipped

Result = list  # list[PackedFacts | Skipped], the records of one input file


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def extract_file(input_file: InputFile, cache_entry: Path | None = None) -> Result:
    """Every article of one file, extracted, and kept at its cache entry when there is one (see FactsCache)."""
    results = [item if isinstance(item, Skipped) else _extract_one(item, input_file) for item in read_file(input_file)]
    if cache_entry:
        write_entry(cache_entry, results)
    return results


def _extract_one(article: Article, input_file: InputFile) -> PackedFacts | Skipped:
    """One article's facts; a failure inside graphbuild costs that article, never the run."""
    try:
        return packed(extract_article(clean_article(article)))
    except Exception as error:  # a bug must not lose every other article's facts
        return Skipped(str(input_file.path), f"article {article.id!r} could not be extracted ({type(error).__name__}: {error}); please report it")


def extract_files(files: list[InputFile], *, workers: int = 1, cache_folder: Path | None = None) -> Iterator[Result]:
    """The results of each file, in the order of `files`.

    Each file is hashed once, here, to find its cache entry. Cached results
    are read here; only the files not in the cache go to the worker processes
    (a cached result sent back from a worker would be unpickled twice), with
    the entry to keep their results at.
    """
    cache = FactsCache(cache_folder) if cache_folder else None
    entries = [cache.entry_path(f) for f in files] if cache else [None] * len(files)
    cached = [entry is not None and entry.exists() for entry in entries]
    extracted = _extracted([(f, entry) for f, entry, hit in zip(files, entries, cached) if not hit], workers)
    for input_file, entry, hit in zip(files, entries, cached):
        if not hit:
            yield next(extracted)
            continue
        records = cache.load(entry)
        yield records if records is not None else extract_file(input_file, entry)


def _extracted(jobs: list[tuple[InputFile, Path | None]], workers: int) -> Iterator[Result]:
    """extract_file of each (file, cache entry), in order, over `workers` processes when there is work for them."""
    if workers <= 1 or len(jobs) < 2:
        yield from (extract_file(*job) for job in jobs)
        return
    with _context().Pool(workers, initializer=gc.enable) as pool:  # a build pauses it in the main process only
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        yield from pool.imap(_extract_job, jobs, chunksize=chunk)


def _extract_job(job: tuple[InputFile, Path | None]) -> Result:
    return extract_file(*job)


def _context():
    # fork starts workers in milliseconds and shares the loaded modules; spawn is the portable fallback
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def unique_articles(files: list[InputFile], results: Iterable[Result]) -> Iterator[PackedFacts | Skipped]:
    """Flatten per-file results; an article id seen before is skipped, as ids must be unique."""
    seen: dict[str, str] = {}
    for input_file, records in zip(files, results):
        for record in records:
            if isinstance(record, PackedFacts):
                article_id = record.id
                if article_id in seen:
                    yield Skipped(str(input_file.path), f"article id {article_id!r} is already used by {seen[article_id]}")
                    continue
                seen[article_id] = str(input_file.path)
            yield record
