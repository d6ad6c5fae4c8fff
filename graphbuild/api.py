"""The library API: everything the CLI does, callable from Python.

>>> import graphbuild
>>> result = graphbuild.build(["seeds/"])            # doctest: +SKIP
>>> result.graph.query("SELECT ...")                 # doctest: +SKIP
"""
from __future__ import annotations

import gc
import json
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from rdflib import Graph

from graphbuild.archive import FactsArchive, PackedFacts, unpacked
from graphbuild.cache import FactsCache, run_started
from graphbuild.errors import EngineError, InputError
from graphbuild.files import write_streamed
from graphbuild.gazetteer import Gazetteer, load_gazetteer
from graphbuild.ingest import InputFile, find_input_files
from graphbuild.link import AMBIGUOUS, LINKED, UNLINKED, link_people
from graphbuild.model import ArticleFacts, Person, Skipped
from graphbuild.pagedata import PageData
from graphbuild.query import load_graph
from graphbuild.rdf import DEFAULT_BASE_IRI, TURTLE_HEADER, graph_blocks, to_graph, write_graph_turtle
from graphbuild.store import StoreLoader
from graphbuild.store_update import StoreUpdate
from graphbuild.view import View
from graphbuild.resolve import resolve_people
from graphbuild.reuse import ClaimsIndex, PreviousClaims
from graphbuild.workers import default_workers, extract_files, unique_articles

GRAPH_FILE = "graph.ttl"
HTML_FILE = "graph.html"
TEXT_FILE = "articles.jsonl"
CACHE_FOLDER = ".cache"
ENGINES = ("processes", "dask")


@dataclass(frozen=True)
class BuildConfig:
    """Every setting of a build; each CLI option maps to one field."""

    base_iri: str = DEFAULT_BASE_IRI
    """Namespace under which people, articles and events are minted."""
    keep_text: bool = False
    """Also write the cleaned text of every article (the text offsets refer to)."""
    html: bool = True
    """Write the HTML graph beside the Turtle."""
    gazetteers: tuple[Path, ...] = ()
    """congress-legislators YAML files to link people to public ids; none: no linking."""
    view: View = View()
    """What graph.html draws of a big graph (a cap on people and events, a focus, filters)."""
    workers: int | None = None
    """Processes that extract articles; None: one per core. The output is the same for any number."""
    cache: Path | None = None
    """Folder of per-file extraction results reused while a file and the extraction code are
    unchanged; None: no cache (run() keeps one in OUT/.cache unless told otherwise)."""
    rebuild: bool = False
    """Ignore (and refill) the cache: extract every article again; run() loads the store whole rather
    than updating the previous one."""
    engine: str = "processes"
    """What extracts the articles: "processes" (a pool on this machine) or "dask" (a Dask cluster)."""
    scheduler: str | None = None
    """With engine "dask": the scheduler's address (tcp://host:8786); None starts a LocalCluster
    of `workers` processes on this machine."""
    formats: tuple[str, ...] = ()
    """Exports besides graph.ttl (always written): any of "trig", "nq", "jsonld", "graphml", "csv"
    (see graphbuild.exports); "ttl" is accepted and ignored."""


@dataclass(frozen=True)
class Summary:
    """What a build did, for the user."""

    articles: int
    skipped: tuple[Skipped, ...]
    people: int
    events: int
    triples: int
    seconds: float
    linked: int | None = None
    """People linked to a gazetteer entry (None when no gazetteer was given)."""
    ambiguous: int | None = None
    """People left unlinked because several gazetteer entries fit."""
    unlinked: int | None = None
    """People no gazetteer entry fits (or with too little evidence to link)."""
    stages: tuple[tuple[str, float], ...] = ()
    """Seconds of each stage, in order: ("extract", 12.1), ("resolve", 0.9), ("turtle", 10.2), ..."""


@dataclass(frozen=True)
class BuildResult:
    """A built graph with the records it came from."""

    graph: Graph
    facts: Sequence[ArticleFacts]
    """Every article's records, in input order (a FactsArchive: a big run's are kept packed)."""
    people: tuple[Person, ...]
    summary: Summary
    written: tuple[Path, ...] = field(default=())
    """Files written by run(), in order."""


Progress = Callable[[Iterable, str, "int | None"], Iterable]
"""progress(items, what, total) -> items, tracked: how the CLI shows a long stage going by (a progress bar)."""


def no_progress(items: Iterable, what: str, total: int | None = None) -> Iterable:
    return items


def extract_articles(
    inputs: Sequence[Path | str], config: BuildConfig = BuildConfig(), progress: Progress = no_progress,
) -> Iterator[ArticleFacts | Skipped]:
    """Read, clean and extract each input article (a Skipped record for unreadable input), in input order.

    `progress` gets the stream of input files done, with their number.
    """
    for item in _extracted_records(_input_files(inputs), config, progress):
        yield item if isinstance(item, Skipped) else unpacked(item)


def _input_files(inputs: Sequence[Path | str]) -> list[InputFile]:
    return find_input_files([Path(p) for p in inputs])


def _extracted_records(files: list[InputFile], config: BuildConfig, progress: Progress) -> Iterator[PackedFacts | Skipped]:
    """extract_articles of those files, each article's records still pickled as they came from the worker or the cache."""
    cache = config.cache
    if cache and config.rebuild:
        shutil.rmtree(cache, ignore_errors=True)
    started = run_started()
    yield from unique_articles(files, progress(_extract_files(files, config, cache), "files read", len(files)))
    if cache:
        FactsCache(cache).prune(used_since=started)


def _extract_files(files: list, config: BuildConfig, cache: Path | None) -> Iterator[list]:
    """Per-file results, in input order, from the engine the config names."""
    if config.engine == "dask":
        from graphbuild.dask_engine import extract_files_dask

        return extract_files_dask(files, scheduler=config.scheduler, workers=config.workers, cache_folder=cache)
    if config.engine != "processes":
        raise EngineError(f"unknown engine {config.engine!r} (choose one of {', '.join(ENGINES)})")
    return extract_files(files, workers=config.workers or default_workers(), cache_folder=cache)


def build(
    inputs: Sequence[Path | str],
    config: BuildConfig = BuildConfig(),
    *,
    progress: Progress = no_progress,
    clock: Callable[[], float] = time.perf_counter,
) -> BuildResult:
    """Build the graph of every article under `inputs` (files and folders, recursed).

    `progress` is shown the long stages going by (see Progress; the CLI passes
    a progress bar); `clock` is injectable so summaries can be tested.
    """
    watch = Stopwatch(clock)
    with cyclic_gc_paused():
        facts, skipped, events, people, link_counts = _read_and_resolve(inputs, config, progress, watch)
        graph = to_graph(facts, people, base_iri=config.base_iri)
    watch.lap("graph")
    summary = Summary(len(facts), tuple(skipped), len(people), events, len(graph), watch.total(), **link_counts,
                      stages=tuple(watch.stages))
    return BuildResult(graph, facts, tuple(people), summary)


def _read_and_resolve(inputs: Sequence[Path | str], config: BuildConfig, progress: Progress, watch: Stopwatch):
    """(facts, skipped, number of events, people, link counts) of a build: everything but the graph."""
    gazetteer = load_gazetteer(config.gazetteers) if config.gazetteers else None  # fail before the long part
    files = _input_files(inputs)
    facts, skipped, events = FactsArchive.sized_for(len(files)), [], 0
    for item in _extracted_records(files, config, progress):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            facts.append(item)
            events += item.events
    if not facts:
        raise InputError(_nothing_read(inputs, skipped))
    watch.lap("extract")
    people, link_counts = _resolve_and_link(facts, gazetteer)
    watch.lap("resolve")
    return facts, skipped, events, people, link_counts


def _resolve_and_link(facts: list[ArticleFacts], gazetteer: Gazetteer | None) -> tuple[list[Person], dict]:
    """Resolved people, linked to the gazetteer when one is given, with the link counts for the summary."""
    people = resolve_people(facts)
    if gazetteer is None:
        return people, {}
    linking = link_people(facts, people, gazetteer)
    counts = {outcome: linking.count(outcome) for outcome in (LINKED, AMBIGUOUS, UNLINKED)}
    return list(linking.people), counts


def run(
    inputs: Sequence[Path | str],
    out_dir: Path | str = "out",
    config: BuildConfig = BuildConfig(),
    *,
    progress: Progress = no_progress,
    clock: Callable[[], float] = time.perf_counter,
) -> BuildResult:
    """Build, then write graph.ttl, the store graph.oxigraph/ (and graph.html, articles.jsonl) into `out_dir`.

    The Turtle is written as its triples stream, never holding the whole
    graph in memory; the store is loaded as it is written (on a re-run, the
    previous store is changed where the graph changed), and the returned
    graph reads that store (read-only). Every output is written beside its
    final name and renamed into place, so a failed or interrupted run leaves
    the previous outputs whole (a store left from an older graph.ttl is
    recognised as stale and never used).
    """
    out = Path(out_dir)
    if config.cache is None:
        config = replace(config, cache=out / CACHE_FOLDER)
    with cyclic_gc_paused():
        return _run(inputs, out, config, progress, Stopwatch(clock))


def _run(inputs: Sequence[Path | str], out: Path, config: BuildConfig, progress: Progress, watch: Stopwatch) -> BuildResult:
    facts, skipped, events, people, link_counts = _read_and_resolve(inputs, config, progress, watch)
    page = PageData()  # what graph.html chooses from, kept as the blocks stream; drawn events' texts come from the store
    store = _store_writer(out / GRAPH_FILE, config)  # what it cannot write raises OutputError, like the Turtle
    index = ClaimsIndex(config.base_iri)
    previous = None if config.rebuild else PreviousClaims.open(config.cache, out / GRAPH_FILE, config.base_iri)
    try:
        blocks = graph_blocks(facts, people, base_iri=config.base_iri, claims_as_text=True, previous=previous)
        triples = write_graph_turtle(page.collect(blocks) if config.html else blocks, out / GRAPH_FILE, tee=store,
                                     progress=lambda statements: progress(statements, "subjects written", None),
                                     index=index)
    except BaseException:
        store.abandon()
        raise
    finally:
        if previous is not None:
            previous.close()
    index.save(config.cache, out / GRAPH_FILE)
    watch.lap("turtle")
    store.finish()
    graph = load_graph(out / GRAPH_FILE)
    watch.lap("store")
    written = [out / GRAPH_FILE]
    if config.html:
        from graphbuild.render import write_html

        write_html(graph, out / HTML_FILE, config.view, page=page)
        written.append(out / HTML_FILE)
        watch.lap("html")
    if config.keep_text:
        written.append(_write_articles_jsonl(out / TEXT_FILE, facts))
        watch.lap("text")
    if config.formats:
        from graphbuild.exports import write_exports

        written.extend(write_exports(graph, out, config.formats,
                                     blocks=lambda: graph_blocks(facts, people, base_iri=config.base_iri)))
        watch.lap("exports")
    summary = Summary(len(facts), tuple(skipped), len(people), events, triples, watch.total(), **link_counts,
                      stages=tuple(watch.stages))
    return BuildResult(graph, facts, tuple(people), summary, tuple(written))


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a build, then restore it as it was.

    A build makes millions of objects that live to its end (every article's
    records, the graph plan), and each full collection walks all of them, ever
    more as they grow: ~20% of a re-run's time (10,000 articles: 13.4 -> 11.0 s,
    peak memory the same). Reference counting still frees everything not in a
    cycle, and the records hold none. Worker processes collect as usual.

    On the way out, what the build left alive is moved to the oldest generation
    (gc.freeze, then gc.unfreeze: two list splices) before collecting resumes;
    else the first collection after it walks every one of those objects as
    young ones (0.6 s after a 10,000-article run).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


class Stopwatch:
    """The seconds of each stage of a build, for its summary."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.started = self.last = clock()
        self.stages: list[tuple[str, float]] = []

    def lap(self, stage: str) -> None:
        """The stage that just ended."""
        now = self.clock()
        self.stages.append((stage, now - self.last))
        self.last = now

    def total(self) -> float:
        return self.clock() - self.started


def _store_writer(turtle: Path, config: BuildConfig) -> StoreLoader | StoreUpdate:
    """What makes the store of the graph.ttl being written: the previous store changed where the
    graph changed (a re-run), or a new one loaded whole (a first run, or --rebuild)."""
    update = None if config.rebuild else StoreUpdate.of(turtle, TURTLE_HEADER)
    return update or StoreLoader(turtle, TURTLE_HEADER)


def _write_articles_jsonl(path: Path, facts: FactsArchive) -> Path:
    """The cleaned text of each article, one JSON record a line, in id order, streamed to path."""
    ids = facts.article_ids()

    def write(stream) -> None:
        for index in sorted(range(len(ids)), key=ids.__getitem__):
            article = facts[index].article
            record = {"id": article.id, "title": article.title, "text": article.text}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    return write_streamed(path, write)


def _nothing_read(inputs: Sequence[Path | str], skipped: list[Skipped]) -> str:
    where = ", ".join(str(p) for p in inputs)
    if skipped:
        return f"no article could be read from {where} ({len(skipped)} skipped: {skipped[0].reason})"
    return f"no articles found in {where} (graphbuild reads .txt, .html, .htm, .jsonl, .json)"
